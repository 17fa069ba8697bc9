"""The fact base on articles it was not tuned on: other dates, bodies and places; years missing otherwise."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from tipbrief.build.factbase import build_fact_base
from tipbrief.facts.model import Event, FactBase, Span

ARTICLES = Path(__file__).parent / "fixtures" / "articles"


def build(folder: Path) -> FactBase:
    # The folder is its own project: no project reference rows or overrides change the result.
    return build_fact_base(folder, project=folder)


@pytest.fixture(scope="module")
def facts() -> FactBase:
    return build(ARTICLES)


def original(doc_id: str) -> str:
    return (ARTICLES / f"{doc_id}.txt").read_text(encoding="utf-8")


@dataclass(frozen=True)
class Expected:
    document: str
    kind: str
    title: str
    """A substring of the event's title."""
    earliest: date
    latest: date
    place: str
    basis: str
    rules: tuple[str, ...] = ()
    """Evidence rules the interval must rest on."""
    xfail: str | None = None
    """Why tipbrief gets this event wrong today."""


EXPECTED_EVENTS = [
    # A wire story with no dateline and no year: the series' reference row gives the year, and the
    # meeting's days ("on May 23 opened" names its first).
    Expected(
        "somtc16_wire",
        "meeting",
        "Senior Officials Meeting on Transnational Crime",
        date(2016, 5, 23),
        date(2016, 5, 27),
        "Jakarta",
        "inferred",
        ("meeting-reference",),
    ),
    # No year and no article date: only the Secretary-General's term bounds it.
    Expected(
        "le_luong_minh_workshop",
        "workshop",
        "Identification of Victims",
        date(2013, 10, 14),
        date(2017, 10, 15),
        "Bangkok",
        "inferred",
        ("office-term", "day-month"),
    ),
    # A numbered summit with a day and month ("on September 5 opened"): the summit row gives the
    # year and its days, of which the day named is the first.
    Expected(
        "summit43_jakarta",
        "summit",
        "43rd ASEAN Summit",
        date(2023, 9, 5),
        date(2023, 9, 7),
        "Jakarta",
        "inferred",
        ("summit-reference",),
    ),
    # A numbered summit the article names as where something happened is an event of its own,
    # dated and placed by its reference row.
    Expected(
        "summit43_jakarta",
        "summit",
        "42nd ASEAN Summit",
        date(2023, 5, 9),
        date(2023, 5, 11),
        "Labuan Bajo",
        "inferred",
        ("summit-reference",),
    ),
    Expected(
        "summit43_jakarta",
        "adoption",
        "abuse of technology",
        date(2023, 5, 9),
        date(2023, 5, 11),
        "Labuan Bajo",
        "inferred",
        ("summit-reference",),
    ),
    # Front matter dates the article; "last month" and "next month" count from it.
    Expected(
        "frontmatter_bangkok",
        "workshop",
        "community-based support",
        date(2019, 2, 1),
        date(2019, 2, 28),
        "Bangkok",
        "inferred",
        ("relative-date",),
    ),
    Expected(
        "frontmatter_bangkok",
        "consultation",
        "Consultation",
        date(2019, 4, 1),
        date(2019, 4, 30),
        "Manila",
        "inferred",
        ("relative-date",),
    ),
    # A sidecar .meta.yaml dates the article; a cross-month range without a year.
    Expected(
        "sidecar_chiang_mai",
        "workshop",
        "Domestic Work",
        date(2017, 10, 30),
        date(2017, 11, 1),
        "Chiang Mai",
        "inferred",
        ("day-month",),
    ),
    Expected(
        "sidecar_chiang_mai",
        "consultation",
        "Consultation",
        date(2017, 12, 1),
        date(2017, 12, 31),
        "Vientiane",
        "inferred",
        ("relative-date",),
    ),
    # A dateline and "today": the text gives the whole date.
    Expected(
        "dateline_manila",
        "adoption",
        "ASEAN Consensus on the Protection and Promotion of the Rights of Migrant Workers",
        date(2017, 11, 14),
        date(2017, 11, 14),
        "Manila",
        "stated",
        ("relative-date",),
    ),
    Expected(
        "dateline_manila",
        "summit",
        "31st ASEAN Summit",
        date(2017, 11, 10),
        date(2017, 11, 14),
        "Manila",
        "inferred",
        ("summit-reference",),
    ),
    # A date line under the title, a dateline, and download bullets that must be dropped.
    Expected(
        "bullets_downloads",
        "consultation",
        "gender-sensitive guidelines",
        date(2019, 7, 3),
        date(2019, 7, 4),
        "Bangkok",
        "inferred",
        ("day-month",),
    ),
    # A body printed twice: the launch is one event, stated in full.
    Expected(
        "repeated_body",
        "publication",
        "Handbook on Victim Protection",
        date(2018, 12, 12),
        date(2018, 12, 12),
        "Kuala Lumpur",
        "stated",
        ("stated-date",),
    ),
]


def find_event(facts: FactBase, document: str, kind: str, title: str = "") -> Event:
    in_document = [e for e in facts.events if any(s.document == document for s in e.sources)]
    found = [e for e in in_document if e.kind == kind and title.casefold() in e.title.casefold()]
    assert len(found) == 1, [(e.kind, e.title) for e in in_document]
    return found[0]


@pytest.mark.parametrize(
    "expected",
    [
        pytest.param(
            e,
            id=f"{e.document}-{e.kind}-{e.title}",
            marks=[pytest.mark.xfail(strict=True, reason=e.xfail)] if e.xfail else [],
        )
        for e in EXPECTED_EVENTS
    ],
)
def test_expected_event(facts: FactBase, expected: Expected) -> None:
    event = find_event(facts, expected.document, expected.kind, expected.title)
    assert expected.title.casefold() in event.title.casefold()
    assert (event.date.earliest, event.date.latest) == (expected.earliest, expected.latest)
    assert event.place is not None
    assert event.place.name == expected.place
    assert event.date.basis == expected.basis
    rules = {ev.rule for ev in event.date.evidence}
    assert set(expected.rules) <= rules
    assert not event.conflicts


def test_numbered_summit_keeps_its_number(facts: FactBase) -> None:
    assert "43rd ASEAN Summit" in find_event(facts, "summit43_jakarta", "summit", "43rd").title


def test_consultation_title_names_who_is_consulted(facts: FactBase) -> None:
    assert "civil society" in find_event(facts, "frontmatter_bangkok", "consultation").title


def test_every_event_is_expected(facts: FactBase) -> None:
    """Nothing else becomes an event (a future meeting without a meeting noun, boilerplate, look-alikes)."""
    got = {(s.document, e.kind) for e in facts.events for s in e.sources}
    assert got <= {(e.document, e.kind) for e in EXPECTED_EVENTS}


# --- documents ------------------------------------------------------------------------------

DOCUMENTS = [
    # (id, published, outlet, dateline place)
    ("somtc16_wire", None, "Xinhua News Agency", None),
    ("le_luong_minh_workshop", None, None, None),
    ("summit43_jakarta", None, "Malaysian National News Agency", None),
    ("frontmatter_bangkok", date(2019, 3, 5), "ASEAN Secretariat News", None),
    ("sidecar_chiang_mai", date(2017, 11, 20), "Thai News Agency", None),
    ("repeated_body", None, "Malaysian National News Agency", None),
    ("bullets_downloads", date(2019, 7, 5), "ASEAN Secretariat News", "Bangkok"),
    ("dateline_manila", date(2017, 11, 14), "Philippine News Agency", "Manila"),
]


@pytest.mark.parametrize(("doc_id", "published", "outlet", "dateline"), DOCUMENTS)
def test_document_metadata(
    facts: FactBase, doc_id: str, published: date | None, outlet: str | None, dateline: str | None
) -> None:
    doc = next(d for d in facts.documents if d.id == doc_id)
    assert (doc.published, doc.outlet, doc.dateline_place) == (published, outlet, dateline)


def test_front_matter_and_sidecar_fields(facts: FactBase) -> None:
    docs = {d.id: d for d in facts.documents}
    assert docs["frontmatter_bangkok"].title == "ACWC reviews progress on victim support"
    assert docs["sidecar_chiang_mai"].url == "https://example.org/shelter-training"
    # The sidecar is metadata, never an article of its own.
    assert sorted(docs) == sorted(p.stem for p in ARTICLES.glob("*.txt"))


# --- provenance -----------------------------------------------------------------------------


def all_spans(facts: FactBase) -> list[Span]:
    spans = [s for e in facts.events for s in e.sources]
    spans += [ev.span for e in facts.events for ev in e.date.evidence if ev.span]
    spans += [s for g in facts.glossary for s in g.sources]
    return spans


def test_every_quote_is_the_text_of_its_file(facts: FactBase) -> None:
    spans = all_spans(facts)
    assert spans
    for span in spans:
        assert original(span.document)[span.start : span.end] == span.quote


def test_every_date_mention_is_the_text_of_its_file(facts: FactBase) -> None:
    assert facts.dates
    for mention in facts.dates:
        assert original(mention.document)[mention.start : mention.end] == mention.text


def test_no_date_comes_from_dropped_text(facts: FactBase) -> None:
    """Download bullets, date lines and front matter are dropped: no date may be quoted from them,
    but for a date line's own date, which is the article's (a mention of the article's date)."""
    docs = {d.id: d for d in facts.documents}
    for mention in facts.dates:
        doc = docs[mention.document]
        inside = [d for d in doc.dropped if d.start <= mention.start < d.end]
        assert all("date line" in d.reason for d in inside), mention
        if inside:
            assert (mention.earliest, mention.latest) == (doc.published, doc.published), mention
    assert "3 July 2019" not in {m.text for m in facts.dates}


LOOKALIKES = {
    "somtc16_wire": (
        "Article 11",
        "G20",
        "SDG 8.7",
        "2,015 victims",
        "+62 21 7262991",
        "Bohol TIP Work Plan",
    ),
    "summit43_jakarta": (
        "COVID-19",
        "ASEAN Community Vision 2025",
        "UN 2030 Agenda",
        "43rd ASEAN",
        "42nd ASEAN",
    ),
    "frontmatter_bangkok": ("ACWC Work Plan 2016-2020", "ASEAN Vision 2025"),
    "sidecar_chiang_mai": ("24 survivors",),
    "bullets_downloads": ("2030 Agenda", "SDG 8.7", "version 2.1"),
}


@pytest.mark.parametrize("doc_id", sorted(LOOKALIKES))
def test_no_lookalike_becomes_a_date(facts: FactBase, doc_id: str) -> None:
    text = original(doc_id)
    date_spans = [(m.start, m.end) for m in facts.dates if m.document == doc_id]
    date_spans += [
        (ev.span.start, ev.span.end)
        for e in facts.events
        for ev in e.date.evidence
        if ev.span and ev.span.document == doc_id and ev.rule in ("stated-date", "day-month", "relative-date")
    ]
    for phrase in LOOKALIKES[doc_id]:
        start = text.index(phrase)
        end = start + len(phrase)
        assert not [s for s in date_spans if s[0] < end and start < s[1]], phrase


# --- duplicates and stability ------------------------------------------------------------------


def test_repeated_body_makes_no_duplicates(facts: FactBase) -> None:
    mentions = [m.text for m in facts.dates if m.document == "repeated_body"]
    assert mentions.count("12 December 2018") == 1
    text = original("repeated_body")
    second_copy = text.index("The ASEAN Secretariat", text.index("The ASEAN Secretariat") + 1)
    assert all(m.start < second_copy for m in facts.dates if m.document == "repeated_body")
    keys = [(e.kind, e.title) for e in facts.events if any(s.document == "repeated_body" for s in e.sources)]
    assert keys and len(keys) == len(set(keys))
    assert len({e.id for e in facts.events}) == len(facts.events)


def test_every_source_appears_once_per_event(facts: FactBase) -> None:
    for event in facts.events:
        assert len(event.sources) == len(set(event.sources)), event.title


@pytest.fixture(scope="module")
def renamed(tmp_path_factory: pytest.TempPathFactory) -> FactBase:
    """The same articles under other names, so that they sort in reverse order."""
    folder = tmp_path_factory.mktemp("renamed")
    stems = sorted(p.stem for p in ARTICLES.glob("*.txt"))
    for index, stem in enumerate(reversed(stems)):
        new = f"{index:02d}_{stem[::-1]}"
        shutil.copyfile(ARTICLES / f"{stem}.txt", folder / f"{new}.txt")
        sidecar = ARTICLES / f"{stem}.meta.yaml"
        if sidecar.exists():
            shutil.copyfile(sidecar, folder / f"{new}.meta.yaml")
    return build(folder)


def _summary(fb: FactBase, single_source: bool = False) -> list[tuple[object, ...]]:
    return sorted(
        (e.kind, e.title, e.date.earliest, e.date.latest, e.date.label, e.date.basis, e.place)
        for e in fb.events
        if not single_source or len({s.document for s in e.sources}) == 1
    )


def test_single_article_events_do_not_depend_on_file_names(facts: FactBase, renamed: FactBase) -> None:
    assert _summary(renamed, single_source=True) == _summary(facts, single_source=True)
    assert sorted((m.text, m.earliest, m.latest) for m in renamed.dates) == sorted(
        (m.text, m.earliest, m.latest) for m in facts.dates
    )


def test_events_do_not_depend_on_file_names_or_order(facts: FactBase, renamed: FactBase) -> None:
    assert _summary(renamed) == _summary(facts)


def test_ids_do_not_depend_on_file_names_or_order(facts: FactBase, renamed: FactBase) -> None:
    assert sorted((e.id, e.title) for e in renamed.events) == sorted((e.id, e.title) for e in facts.events)
