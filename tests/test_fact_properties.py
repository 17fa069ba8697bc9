"""Property tests over generated articles: every interval is well formed, every offset points at its quote."""

from __future__ import annotations

from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tipbrief.common.months import MONTH_NAMES as MONTHS
from tipbrief.common.words import sentence_words
from tipbrief.facts.corpus import parse_article, spaced_box_fields, spaced_table_bars
from tipbrief.facts.extract.article import extract_article
from tipbrief.facts.extract.patterns import (
    _ADOPTION_VERB,
    _ANAPHOR,
    _MEETING_NOUN,
    _MEETING_VERB,
    _PUBLICATION_VERB,
)
from tipbrief.facts.gazetteer import Gazetteer, build_gazetteer
from tipbrief.facts.reference import load_reference
from tipbrief.facts.resolve.events import resolve_events
from tipbrief.facts.resolve.mentions import resolve_mentions

CITIES = ["Hanoi", "Jakarta", "Yangon", "Kuala Lumpur", "Manila", "Bangkok", "Vientiane", "Labuan Bajo"]
BODIES = [
    "ASEAN Intergovernmental Commission on Human Rights (AICHR)",
    "Senior Officials Meeting on Transnational Crime (SOMTC)",
    "ASEAN Secretariat",
]


@cache
def gazetteer() -> Gazetteer:
    return build_gazetteer(load_reference())


day = st.integers(1, 28)
month = st.sampled_from(MONTHS)
year = st.integers(2000, 2025)
city = st.sampled_from(CITIES)
sentence = st.one_of(
    st.builds(
        lambda d, m, c: f"The {BODIES[0]} convened a regional workshop in {c} on {d} {m}.", day, month, city
    ),
    st.builds(
        lambda d, m, y, c: f"The {BODIES[1]} opened a seminar in {c} on {m} {d}, {y}.", day, month, year, city
    ),
    st.builds(
        lambda n, d, m: f"Leaders signed the declaration at the {n}th ASEAN Summit on {m} {d}.",
        st.integers(4, 47),
        day,
        month,
    ),
    st.builds(lambda m, y: f"The report was launched in {m} {y}, the {BODIES[2]} said today.", month, year),
    st.builds(lambda y: f"The convention will be adopted in {y}, officials said.", year),
    st.just("Secretary-General Surin Pitsuwan said the workshop was held recently."),
    st.just("Work Plan 2012-2016 and ASEAN Vision 2025 guide the work."),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=80),
)
dateline = st.one_of(
    st.just(""), st.builds(lambda c, d, m, y: f"{c.upper()}, {d} {m} {y} – ", city, day, month, year)
)
article = st.builds(
    lambda head, body, repeat: head + "\n\n".join(body + body[:repeat]),
    dateline,
    st.lists(sentence, min_size=1, max_size=6),
    st.integers(0, 2),
)


@given(st.lists(article, min_size=1, max_size=3))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_generated_corpora_give_well_formed_intervals_and_exact_quotes(texts: list[str]) -> None:
    gaz = gazetteer()
    articles = [parse_article(f"a{i}", f"seeds/a{i}.txt", t, gaz.outlets) for i, t in enumerate(texts)]
    extractions = [extract_article(a, gaz) for a in articles]
    events = resolve_events(extractions)
    by_doc = dict(zip((a.document.id for a in articles), texts, strict=True))
    for event in events:
        d = event.date
        if d.earliest and d.latest:
            assert d.earliest <= d.latest, event
        for span in event.sources:
            assert by_doc[span.document][span.start : span.end] == span.quote
        for ev in d.evidence:
            if ev.span:
                assert by_doc[ev.span.document][ev.span.start : ev.span.end] == ev.span.quote
    for m in resolve_mentions(extractions, events):
        assert by_doc[m.document][m.start : m.end] == m.text
        if m.earliest and m.latest:
            assert m.earliest <= m.latest
    assert len({e.id for e in events}) == len(events)


# Words of the triggers in odd cases and next to look-alikes, with the letters that re's
# IGNORECASE folds to ASCII but str.casefold does not (ı, İ), and ones it folds the other way (ſ, K).
_TRIGGER_PIECES = st.sampled_from(
    [
        *("signed", "SIGNED", "sıgned", "sİgned", "ſigned", "signedx", "ratıfied", "co-organised"),
        *("took place", "took", "place", "kicked", "off", "\u212aicked off", "made public", "launch"),
        *("Meetings", "meeting", "the", "event", "LAUNCHING", "this two-day seminar"),
        *("_", "-", "2", "x", ".", " ", "  ", "\u00a0"),
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_TRIGGER_PIECES, max_size=8).map(" ".join))
def test_a_trigger_finds_exactly_what_its_regex_finds(text: str) -> None:
    # The word-set test may only skip sentences in which the regex cannot match.
    for found in (_ADOPTION_VERB, _ANAPHOR, _MEETING_NOUN, _MEETING_VERB, _PUBLICATION_VERB):
        expected = [(m.span(), m.groupdict()) for m in found.pattern.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in found.finditer(text, sentence_words(text))] == expected


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab1 \t\n|-"), max_size=300))
def test_a_spaced_table_is_barred_in_place(text: str) -> None:
    # Every offset must stay the article's: only gaps between columns change, and only to bars.
    barred = spaced_table_bars(text)
    assert len(barred) == len(text)
    assert all(a == b or (a in " \t" and b in " |") for a, b in zip(text, barred, strict=True))


def test_a_spaced_table_under_its_header_gets_bars_and_nothing_else_does() -> None:
    text = (
        "Notes  here\n\nState   Signature   Deposit\nThailand   21 Nov 2015   24 Jul 2016\n"
        "Laos   21 Nov 2015   -\n"
    )
    assert spaced_table_bars(text).splitlines() == [
        "Notes  here",
        "",
        "State | Signature | Deposit",
        "Thailand | 21 Nov 2015 | 24 Jul 2016",
        "Laos | 21 Nov 2015 | -",
    ]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("Ab1 \t\n:"), max_size=300))
def test_a_spaced_box_gets_colons_in_place(text: str) -> None:
    # Only a gap's first character becomes a colon: every offset stays the article's.
    with_colons = spaced_box_fields(text)
    assert len(with_colons) == len(text)
    assert all(a == b or (a in " \t" and b == ":") for a, b in zip(text, with_colons, strict=True))
