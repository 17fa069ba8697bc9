"""Unit and property tests of the fact-base rules: cleaning offsets, temporal expressions, resolution."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tipbrief.common.months import MONTH_NAMES
from tipbrief.facts.corpus import (
    CHAT_STAMP,
    COMMENT_HEADER,
    ITEM_DATE_LINE,
    ITEM_HEADLINE,
    MESSAGE_HEADER,
    YEARLESS_DATE_LINE,
    Article,
    clean_text,
    clean_tokens,
    parse_article,
    split_paragraphs,
)
from tipbrief.facts.extract.records import Constraint, Identification
from tipbrief.facts.extract.sentences import find_definitions
from tipbrief.facts.gazetteer import Candidate
from tipbrief.facts.model import Span
from tipbrief.facts.resolve.dates import resolve_dates
from tipbrief.facts.resolve.labels import interval_label
from tipbrief.facts.temporal.expressions import _TEMPORAL, extract_temporals, temporal_matches
from tipbrief.facts.temporal.intervals import anchored_interval, stated_interval

# --- cleaning keeps offsets -------------------------------------------------------------

NOISE = st.lists(
    st.sampled_from(
        [*"ab .,\u00a0\t\n\u200b\u202e1th-#", "ASEAN", "Asean", " , ", "11 th", "#ASEANSummit", "Novem-\nber"]
    )
).map("".join)


@given(NOISE)
@settings(max_examples=300)
def test_cleaned_characters_map_back_to_the_same_original_character(text: str) -> None:
    para = clean_text(text)
    for i, ch in enumerate(para.text):
        if ch != " ":
            # The same character, up to case: "Asean" is read as "ASEAN".
            assert text[para.to_original(i)].casefold() == ch.casefold()


def test_asean_is_read_in_one_spelling_at_the_same_offsets() -> None:
    para = clean_text("at the 47th Asean Summit, Aseanic")
    assert para.text == "at the 47th ASEAN Summit, Aseanic"
    assert para.to_original(12) == 12


@given(
    st.lists(st.sampled_from([*"ab.,;:!?)\r\x0b\x85\ufeff1", " ", "  ", "\u00a0", "th", " th", "st"])).map(
        "".join
    )
)
@settings(max_examples=500)
def test_the_shortcut_for_clean_text_changes_nothing(text: str) -> None:
    # Text the shortcut lets through must be what the full cleaning would have made of it.
    full = clean_tokens(text, 7)
    assert clean_text(text, 7) == full


@given(NOISE)
@settings(max_examples=200)
def test_paragraph_spans_lie_inside_the_text(text: str) -> None:
    for start, end in split_paragraphs(text):
        assert 0 <= start < end <= len(text)
        assert text[start:end].strip() == text[start:end]


def test_an_infoboxs_fields_are_paragraphs_of_their_own_but_a_programmes_days_are_not() -> None:
    box = "Anti-Trafficking in Persons Act 2007\nRoyal assent: 18 July 2007\nCommenced: 28 February 2008"
    assert [box[a:b] for a, b in split_paragraphs(box)] == [
        "Anti-Trafficking in Persons Act 2007",
        "Royal assent: 18 July 2007",
        "Commenced: 28 February 2008",
    ]
    # (A programme's days stay with the line that gives their year.)
    programme = (
        "Programme, from 28 to 30 September 2021\nTuesday 28 September: senior officials\n"
        "Thursday 30 September: partners"
    )
    assert len(list(split_paragraphs(programme))) == 1


@given(st.text(max_size=400))
@settings(max_examples=200)
def test_any_article_text_parses_and_dropped_spans_are_in_bounds(text: str) -> None:
    article = parse_article("doc", "seeds/doc.txt", text, {"VNA": "Vietnam News Agency"})
    for d in article.document.dropped:
        assert 0 <= d.start <= d.end <= len(text)
    for p in article.paragraphs:
        assert 0 <= p.start <= p.end <= len(text)


def test_a_month_broken_at_a_line_end_is_joined_and_other_words_keep_their_hyphen() -> None:
    para = clean_text("in Novem-\nber 2004, the anti-\ntrafficking plan and the Asia-\nPacific")
    assert para.text == "in November 2004, the anti- trafficking plan and the Asia- Pacific"
    assert para.to_original(para.text.index("ber")) == len("in Novem-\n")


def test_a_hashtag_inside_a_sentence_is_read_as_its_words_and_closing_tags_stay() -> None:
    para = clean_text("the plenary of the 27th #ASEANSummit opens. #ASEAN2015 #27thASEANSummit")
    assert para.text == "the plenary of the 27th ASEAN Summit opens. #ASEAN2015 #27thASEANSummit"
    assert para.to_original(para.text.index("Summit")) == len("the plenary of the 27th #ASEAN")


def test_cleaning_tightens_ordinals_and_space_before_commas() -> None:
    assert clean_text("the 11 th  Senior\u00a0Officials in Yangon , Myanmar").text == (
        "the 11th Senior Officials in Yangon, Myanmar"
    )


def test_sign_offs_and_repeats_are_dropped_with_reasons() -> None:
    text = "ASEAN met in Hanoi.\nASEAN met in Hanoi.\nIt ended well.-VNA"
    article = parse_article("d", "d.txt", text, {"VNA": "Vietnam News Agency"})
    reasons = [d.reason for d in article.document.dropped]
    assert reasons == ["repeats the paragraph at offset 0", "agency sign-off"]
    assert article.document.outlet == "Vietnam News Agency"
    assert [p.text for p in article.paragraphs] == ["ASEAN met in Hanoi.", "It ended well."]


def _parsed_with_reasons(text: str) -> tuple[Article, list[str]]:
    article = parse_article("d", "d.txt", text, {})
    return article, [d.reason for d in article.document.dropped]


def test_a_date_line_without_a_year_above_the_headline_is_dropped_and_the_headline_is_the_title() -> None:
    text = (
        "Home | Politics | Business | World | ASEAN\nPublished: January 20 16:05 | Updated: January 21 09:12"
        "\n\nViet Nam, Myanmar ratify ASEAN anti-trafficking convention\n\nHanoi (VNA) - Viet Nam deposited"
        " its instrument on January 5.\n\nOctober 20\n"
    )
    article, reasons = _parsed_with_reasons(text)
    assert reasons[:2] == [YEARLESS_DATE_LINE, "title line (kept as the document title)"]
    assert article.document.title == "Viet Nam, Myanmar ratify ASEAN anti-trafficking convention"
    # (Below the story's start, a day on its own line is the story's.)
    assert article.paragraphs[-1].text == "October 20"


def test_an_email_header_block_dates_the_page_and_each_message_carries_its_own_day() -> None:
    text = (
        "From: Desk <desk@example.org>\nSent: Tuesday, March 5, 2019 9:12 AM\nTo: all@example.org\n"
        "Subject: FW: RE: Memorandum signed\n\n---------- Forwarded message ---------\n"
        "Date: Fri, 1 Mar 2019 at 16:40\nSubject: Memorandum signed\n\nSigned this morning.\n\n"
        "On Mon, 25 Feb 2019 at 10:02, Team <team@example.org> wrote:\n> Signing soon.\n"
    )
    article, reasons = _parsed_with_reasons(text)
    assert reasons == [MESSAGE_HEADER] * 8
    assert article.document.title == "Memorandum signed"
    assert article.document.published == date(2019, 3, 5)
    assert [(p.text, p.written) for p in article.paragraphs] == [
        ("Signed this morning.", date(2019, 3, 1)),
        ("> Signing soon.", date(2019, 2, 25)),
    ]
    # (One line that looks like a field, alone, is the story's: "To: the point."; so is a story's
    # sentence that opens as a quoted reply does, but goes on after "wrote:".)
    assert _parsed_with_reasons("To: the point.\n\nASEAN met.\n")[1] == []
    story, reasons = _parsed_with_reasons("ASEAN met\n\nOn 21 November 2015, the ministers wrote: we act.\n")
    assert MESSAGE_HEADER not in reasons and story.paragraphs[-1].written is None


def test_readers_comments_carry_their_own_day_and_a_sign_off_heads_none() -> None:
    text = (
        "ACTIP is in force\n\nPosted on March 8, 2017 by mln_editor\n\n"
        "The convention enters into force today.\n\n"
        "anon_lawyer | March 10, 2017 at 3:02 pm\nUseful summary.\n\nIt is.\n\n"
        "Issued in Jakarta on 18 February 2014\n\n4. CARRIED OVER | 20 June 2019\nThe report came out."
    )
    article, reasons = _parsed_with_reasons(text)
    assert reasons.count(COMMENT_HEADER) == 1
    assert [(p.text, p.written) for p in article.paragraphs[2:5]] == [
        ("Useful summary.", date(2017, 3, 10)),
        ("It is.", date(2017, 3, 10)),
        ("Issued in Jakarta on 18 February 2014", date(2017, 3, 10)),
    ]
    assert article.paragraphs[1].written is None


def test_a_box_of_other_stories_and_a_note_of_first_publication_are_no_part_of_the_story() -> None:
    text = (
        "Ministers adopt plan\n\nPublished: 14 November 2018 09:12\n\n"
        "SINGAPORE - Labour ministers adopted an action plan on Wednesday.\n\n"
        "Related stories\n- Thailand hosts forum on labour migration (3 October 2018)\n"
        "- Rights groups call for faster action (22 August 2018)\n\n"
        "Most read\n1. Ministers meet in Bangkok (12 June 2017)\n\n"
        "This article first appeared in The Regional Review on 10 February 2017.\n\n"
        "Related talks were held in Bangkok in May.\n"
    )
    article = parse_article("d", "d.txt", text, {})
    reasons = [d.reason for d in article.document.dropped]
    assert reasons.count("entry of a box of other stories (their dates are theirs)") == 2
    assert "heading of a box of other stories" in reasons
    assert "heading of a box of other stories and its entries" in reasons
    assert "note of where the text appeared first" in reasons
    # (A sentence that opens with a heading's word is the story's.)
    assert article.paragraphs[-1].text == "Related talks were held in Bangkok in May."
    assert article.paragraphs[0].text == "SINGAPORE - Labour ministers adopted an action plan on Wednesday."
    # The box's dates are still the page's dates, stated in full.
    found = [m[0] for m in mentions_of(text)]
    assert {"3 October 2018", "22 August 2018", "12 June 2017"} <= set(found)


def test_a_labelled_line_of_dates_gives_the_day_the_page_was_put_out() -> None:
    text = (
        "Podcast: ASEAN and the scam compounds\n\n"
        "Air date: 12 April 2024 | Recorded: 9 April 2024\n\nHOST: Hello.\n"
    )
    assert parse_article("d", "d.txt", text, {}).document.published == date(2024, 4, 12)
    text = "Headline here\n\nBroadcast on 3 May 2019\n\nThe programme looks at labour migration.\n"
    assert parse_article("d", "d.txt", text, {}).document.published == date(2019, 5, 3)


def test_dateline_sets_published_date_and_place() -> None:
    article = parse_article("d", "d.txt", "JAKARTA, 28 September 2016 – The ACWC launched it today.", {})
    assert article.document.published == date(2016, 9, 28)
    assert article.document.dateline_place == "Jakarta"
    # (A country's name with "of" in it between the city and the date.)
    text = "Jeju, Republic of Korea, 11 June 2014 - Officials met in Jeju last week for a workshop."
    article = parse_article("d", "d.txt", text, {})
    assert article.document.published == date(2014, 6, 11)
    assert article.document.dateline_place == "Jeju"


def test_a_dateline_on_a_line_of_its_own_under_the_standfirst_dates_the_release() -> None:
    text = (
        "50 million people worldwide in modern slavery\n\n"
        "New global estimates show forced labour has risen sharply over the last five years.\n\n"
        "GENEVA (ILO News) – 12 September 2022\n\n"
        "Fifty million people were living in modern slavery in 2021.\n"
    )
    article = parse_article("d", "d.txt", text, {})
    assert article.document.published == date(2022, 9, 12)
    assert article.document.dateline_place == "Geneva"
    # A line of a story's body that only names a city and a date later on is no dateline.
    later = text.replace("Fifty million", "BANGKOK – 1 May 2020\n\nFifty million").replace(
        "GENEVA (ILO News) – 12 September 2022\n\n", ""
    )
    later = "Headline\n\nFirst paragraph of the story.\n\nSecond paragraph.\n\n" + later
    assert parse_article("d", "d.txt", later, {}).document.published is None


def test_front_matter_gives_metadata() -> None:
    text = "---\npublished: 2019-03-05\noutlet: Example Wire\ntitle: A title\n---\nBody text here.\n"
    doc = parse_article("d", "d.txt", text, {}).document
    assert (doc.published, doc.outlet, doc.title) == (date(2019, 3, 5), "Example Wire", "A title")


# --- temporal expressions ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("on 21-22 June.", [("21-22 June", None, 6, 21)]),
        ("HANOI, 26 June 2018- The", [("26 June 2018", 2018, 6, 26)]),
        ("on May 11 approved", [("May 11", None, 5, 11)]),
        ("signed in November 2015.", [("November 2015", 2015, 11, None)]),
        ("will be adopted in 2015,", [("2015", 2015, None, None)]),
        ("on March 3, 2020 and", [("March 3, 2020", 2020, 3, 3)]),
        ("from 30 June - 2 July 2019", [("30 June - 2 July 2019", 2019, 6, 30)]),
        # A final clause's date in words, and a day by its ordinal figure.
        (
            "DONE at Kuala Lumpur, this Twenty-First Day of November in the Year Two Thousand and Fifteen,",
            [("this Twenty-First Day of November in the Year Two Thousand and Fifteen", 2015, 11, 21)],
        ),
        (
            "Done at Vientiane this twenty-ninth day of November in the year two thousand and four.",
            [("this twenty-ninth day of November in the year two thousand and four", 2004, 11, 29)],
        ),
        ("ADOPTED this 13th day of January 2007 in", [("this 13th day of January 2007", 2007, 1, 13)]),
    ],
)
def test_temporal_expressions_found(
    text: str, found: list[tuple[str, int | None, int | None, int | None]]
) -> None:
    assert [(t.text, t.year, t.month, t.day) for t in extract_temporals(text)] == found


@pytest.mark.parametrize(
    "text",
    [
        "towards the ASEAN Vision 2025",
        "the UN 2030 Agenda on Sustainable Development Goals",
        "ACWC's Work Plan 2012-2016",
        "at the 27th ASEAN Summit",
        "at the ongoing ASEAN Summit 32 in Labuan Bajo",
        "States may wish to",
        "Sustainable Development Goals",
        "2020-02-30 is not a date",
    ],
)
def test_lookalikes_are_not_dates(text: str) -> None:
    assert extract_temporals(text) == ()


def test_day_month_takes_the_year_before_a_past_tense_anchor() -> None:
    (t,) = extract_temporals("on 21-22 June")
    anchor = (date(2018, 6, 26), date(2018, 6, 26))
    assert anchored_interval(t, anchor, "past")[0] == (date(2018, 6, 21), date(2018, 6, 22))
    assert anchored_interval(t, anchor, "future")[0] == (date(2019, 6, 21), date(2019, 6, 22))


def test_a_yearless_date_with_its_weekday_takes_the_year_where_the_weekday_falls() -> None:
    # An article dated only to 10-25 October 2019: "Friday, October 11" was a Friday in 2019, not 2018.
    (t,) = extract_temporals("The ministers met on Friday, October 11, in the capital.")
    anchor = (date(2019, 10, 10), date(2019, 10, 25))
    assert anchored_interval(t, anchor, "past")[0] == (date(2019, 10, 11), date(2019, 10, 11))
    # Without the weekday both years stay open.
    (bare,) = extract_temporals("The ministers met on October 11 in the capital.")
    assert anchored_interval(bare, anchor, "past")[0] == (date(2018, 10, 11), date(2019, 10, 11))


@pytest.mark.parametrize(
    ("rel", "expected"),
    [
        ("today", (date(2016, 9, 28), date(2016, 9, 28))),
        ("last year", (date(2015, 1, 1), date(2015, 12, 31))),
        ("recently", (None, date(2016, 9, 28))),
        ("the past decade", (date(2006, 9, 28), date(2016, 9, 28))),
    ],
)
def test_relative_expressions_count_from_the_article_date(
    rel: str, expected: tuple[date | None, date]
) -> None:
    (t,) = extract_temporals(f"It happened {rel}.")
    assert anchored_interval(t, (date(2016, 9, 28), date(2016, 9, 28)), "past")[0] == expected


@given(st.integers(1950, 2099), st.integers(1, 12), st.integers(1, 28))
def test_stated_dates_are_well_formed(year: int, month: int, day: int) -> None:
    months = MONTH_NAMES
    for text in (f"on {day} {months[month - 1]} {year}.", f"in {months[month - 1]} {year}.", f"in {year}."):
        (t,) = extract_temporals(text)
        iv = stated_interval(t)
        assert iv is not None and iv[0] <= iv[1]
        assert text[t.start : t.end] == t.text


# --- glossary ------------------------------------------------------------------------------


def test_acronym_definitions_follow_word_initials() -> None:
    text = (
        "The ASEAN Commission on the Promotion and Protection of the Rights of Women and Children (ACWC) "
        "and trafficking in persons (TIP) and the Regional Plan of Action (RPA)."
    )
    found = {short: long for _, _, short, long in find_definitions(text)}
    assert found == {
        "ACWC": "ASEAN Commission on the Promotion and Protection of the Rights of Women and Children",
        "TIP": "trafficking in persons",
        "RPA": "Regional Plan of Action",
    }


# --- resolution -----------------------------------------------------------------------------


def c(rule: str, lo: date | None, hi: date | None, stated: bool = False) -> Constraint:
    return Constraint(rule, rule, lo, hi, stated=stated)


def summit(n: int, lo: date, hi: date) -> Candidate:
    return Candidate(f"summit-{n}", f"{n}th ASEAN Summit", lo, hi, f"summits.csv:{n}", "https://example.org")


SPAN = Span("d", 0, 1, "x")


def test_intersection_of_constraints() -> None:
    r = resolve_dates(
        [
            c("office-term", date(2009, 5, 18), date(2014, 11, 10)),
            c("programme-period", date(2013, 9, 3), date(2018, 9, 2)),
        ],
        [],
    )
    assert (r.interval.earliest, r.interval.latest, r.interval.basis) == (
        date(2013, 9, 3),
        date(2014, 11, 10),
        "inferred",
    )
    assert r.interval.label == "between September 2013 and November 2014"
    assert r.conflicts == ()


def test_contradicting_constraints_keep_the_stronger_and_record_a_conflict() -> None:
    r = resolve_dates(
        [
            c("stated-date", date(2015, 11, 1), date(2015, 11, 30), stated=True),
            c("office-term", date(2017, 1, 1), date(2020, 1, 1)),
        ],
        [],
    )
    assert (r.interval.earliest, r.interval.latest) == (date(2015, 11, 1), date(2015, 11, 30))
    assert [x.field for x in r.conflicts] == ["date"]


def test_summit_number_and_host_disagree_and_the_day_decides() -> None:
    (may11,) = extract_temporals("on May 11")
    day = Constraint("day-month", "May 11", None, None, SPAN, annual=may11)
    by_number = Identification(
        "summit", "ASEAN Summit 32", SPAN, (summit(32, date(2018, 4, 25), date(2018, 4, 28)),)
    )
    by_city = Identification(
        "summit", "Summit in Labuan Bajo", SPAN, (summit(42, date(2023, 5, 9), date(2023, 5, 11)),)
    )
    # An act of one day at the summit ("adopted on May 11") is dated by its day …
    r = resolve_dates([day], [by_number, by_city], point=True)
    assert (r.interval.earliest, r.interval.latest) == (date(2023, 5, 11), date(2023, 5, 11))
    assert [x.field for x in r.conflicts] == ["summit"]
    assert [k.key for k in r.chosen] == ["summit-42"]
    # … while the summit itself keeps its recorded days, the day being one of them.
    r = resolve_dates([day], [by_number, by_city])
    assert (r.interval.earliest, r.interval.latest) == (date(2023, 5, 9), date(2023, 5, 11))


def test_day_without_any_year_evidence_says_so() -> None:
    (may11,) = extract_temporals("on May 11")
    r = resolve_dates([Constraint("day-month", "May 11", None, None, SPAN, annual=may11)], [])
    assert (r.interval.earliest, r.interval.latest) == (None, None)
    assert r.interval.label == "May 11 (year unknown)"


@pytest.mark.parametrize(
    ("lo", "hi", "label"),
    [
        (date(2023, 5, 11), date(2023, 5, 11), "11 May 2023"),
        (date(2018, 6, 21), date(2018, 6, 22), "21–22 June 2018"),
        (date(2015, 11, 1), date(2015, 11, 30), "November 2015"),
        (date(2015, 1, 1), date(2015, 12, 31), "2015"),
        (date(2009, 5, 18), date(2014, 11, 10), "between May 2009 and November 2014"),
        (None, None, "date unknown"),
    ],
)
def test_labels(lo: date | None, hi: date | None, label: str) -> None:
    assert interval_label(lo, hi) == label


def test_no_evidence_without_bounds_and_leap_day_anchor() -> None:
    from tipbrief.facts.extract.dates import _anchor_relation

    term = (Constraint("office-term", "term", date(2009, 5, 18), None),)
    assert _anchor_relation(term, "past", annual=False) == []
    leap = (Constraint("published", "published", date(2016, 2, 29), date(2016, 2, 29)),)
    (rel,) = _anchor_relation(leap, "past", annual=True)
    assert (rel.earliest, rel.latest) == (date(2015, 3, 1), date(2016, 2, 29))


def test_the_same_reference_row_is_listed_once_as_evidence() -> None:
    row = Constraint(
        "instrument-reference", "adopted", date(2015, 11, 21), date(2015, 11, 21), None, "x.csv:3"
    )
    r = resolve_dates([row, row], [])
    assert [e.rule for e in r.interval.evidence] == ["instrument-reference"]


# --- rules found by the held-out articles, tested on new text ------------------------------------


def events_of(*texts: str) -> list[tuple[str, str, date | None, date | None, str | None]]:
    from tipbrief.facts.corpus import parse_article
    from tipbrief.facts.extract.article import extract_article
    from tipbrief.facts.gazetteer import build_gazetteer
    from tipbrief.facts.reference import load_reference
    from tipbrief.facts.resolve.events import resolve_events

    gaz = build_gazetteer(load_reference())
    extractions = [
        extract_article(parse_article(f"t{i}", f"t{i}.txt", text, gaz.outlets), gaz)
        for i, text in enumerate(texts)
    ]
    return [
        (e.kind, e.title, e.date.earliest, e.date.latest, e.place.name if e.place else None)
        for e in resolve_events(extractions)
    ]


def test_an_event_ahead_of_a_summit_is_not_dated_by_it() -> None:
    events = events_of(
        "MANILA, 2 November 2017 – Activists met in Manila on 28-29 October for a regional forum on "
        "migrant workers, ahead of the 31st ASEAN Summit, which opens in the capital on Friday."
    )
    (event,) = [e for e in events if e[0] == "forum"]
    assert event[2:] == (date(2017, 10, 28), date(2017, 10, 29), "Manila")
    # The summit it names is an event of its own, dated by its reference row.
    (summit,) = [e for e in events if e[0] == "summit"]
    assert summit[2:] == (date(2017, 11, 10), date(2017, 11, 14), "Manila")


def test_a_month_and_a_recorded_meeting_give_the_meeting_days() -> None:
    (event,) = events_of(
        "The 12th ASEAN Ministerial Meeting on Transnational Crime (AMMTC) was held in Myanmar in October, "
        "officials said on Monday."
    )
    assert (event[2], event[3]) == (date(2018, 10, 1), date(2018, 10, 31))


def mentions_of(text: str) -> list[tuple[str, date | None, date | None]]:
    from tipbrief.facts.corpus import parse_article
    from tipbrief.facts.extract.article import extract_article
    from tipbrief.facts.gazetteer import build_gazetteer
    from tipbrief.facts.reference import load_reference

    gaz = build_gazetteer(load_reference())
    found = extract_article(parse_article("t", "t.txt", text, gaz.outlets), gaz).dates
    return [(d.span.quote, d.earliest, d.latest) for d in found]


# Date mentions: an article's text and mentions its `dates` must hold (quote, earliest, latest).
MENTION_CASES = [
    pytest.param(
        "Published: October 20 16:05 | Updated: October 21 09:12\n\nPHNOM PENH - Officials closed the 15th "
        "ASEAN Forum on Migrant Labour here today.",
        [
            ("October 20", date(2022, 10, 20), date(2022, 10, 20)),
            ("October 21", date(2022, 10, 21), date(2022, 10, 21)),
        ],
        id="a date line without a year is the article's day and the day after it, in its year",
    ),
    pytest.param(
        "JAKARTA, 5 May 2016 – The task force has worked since 2007 in Jakarta.",
        [("2007", date(2007, 1, 1), date(2016, 5, 5))],
        id="since a year runs to the article's date",
    ),
    pytest.param(
        "JAKARTA, 13 November 2018 – The convention has bound its parties since March last year, and "
        "the network has met monthly since August. Officials met since last year's report twice.",
        [
            ("March last year", date(2017, 3, 1), date(2018, 11, 13)),
            ("August", date(2018, 8, 1), date(2018, 11, 13)),
            # "since last year's report": the year is the report's, not a span that runs to today.
            ("last year", date(2017, 1, 1), date(2017, 12, 31)),
        ],
        id="since a month counted from the article runs to the article's date",
    ),
    pytest.param(
        "JAKARTA, 14 November 2018 – Officials met on Monday and Tuesday, ministers met from Thursday to "
        "Saturday, and envoys on Monday and Wednesday.",
        [
            ("Monday and Tuesday", date(2018, 11, 12), date(2018, 11, 13)),
            ("Thursday to Saturday", date(2018, 11, 8), date(2018, 11, 10)),
            # ("on Monday and Wednesday": two days apart, not the three.)
            ("Monday", date(2018, 11, 12), date(2018, 11, 12)),
            ("Wednesday", date(2018, 11, 14), date(2018, 11, 14)),
        ],
        id="two weekdays joined are one span of days",
    ),
    pytest.param(
        "JAKARTA, 14 November 2018 – The forum met here late last month and meets again early next month.",
        [
            ("last month", date(2018, 10, 21), date(2018, 10, 31)),
            ("next month", date(2018, 12, 1), date(2018, 12, 10)),
        ],
        id="part of a month counted from the article",
    ),
    pytest.param(
        "JAKARTA, 21 November 2025 – Cambodia and Singapore deposited their instruments in January 2016, and "
        "Thailand in July 2016. The following year brought the rest.",
        [("The following year", date(2017, 1, 1), date(2017, 12, 31))],
        id="the following year counts from the year its paragraph stated before it",
    ),
    pytest.param(
        "PUBLISHED: 4 Aug 2023 at 06:15 | UPDATED: 4 Aug 2023 at 11:40\n\nPHUKET – Officials meet next week.",
        [("4 Aug 2023", date(2023, 8, 4), date(2023, 8, 4))] * 2,
        id="each day of a date line",
    ),
    pytest.param(
        "VIENTIANE, 20 November 2016 – The chairmanship passes to the Philippines on January 1.",
        [("January 1", date(2017, 1, 1), date(2017, 1, 1))],
        id="a handover told in the present is on the calendar",
    ),
    pytest.param(
        "MANILA, Nov. 13, 2017 (Xinhua) -- Leaders opened the summit here on Monday. The two-day summit "
        "closes on Tuesday. In Cebu on the same day, labour ministers signed a declaration.",
        [("the same day", date(2017, 11, 13), date(2017, 11, 13))],
        id="a past act's 'same day' is no day still to come",
    ),
]


@pytest.mark.parametrize(("text", "expected"), MENTION_CASES)
def test_date_mentions(text: str, expected: list[tuple[str, date, date]]) -> None:
    found = mentions_of(text)
    for mention in expected:
        assert mention in found


def test_a_day_without_a_year_on_a_recorded_meeting_takes_its_year() -> None:
    # No year anywhere; the 14th AMMTC is on record for 25-26 November 2020.
    found = mentions_of(
        "Ha Noi (VNA) – The 14th ASEAN Ministerial Meeting on Transnational Crime opened on November 25."
    )
    assert ("November 25", date(2020, 11, 25), date(2020, 11, 25)) in found


def test_a_speakers_term_does_not_date_an_instrument_they_recall() -> None:
    (event,) = events_of(
        "Secretary-General of ASEAN Kao Kim Hourn recalled that the ASEAN Declaration on Transnational "
        "Crime was adopted in Manila in 1997."
    )
    assert event[0] == "adoption" and (event[2], event[3]) == (date(1997, 12, 20), date(1997, 12, 20))


def test_meeting_titles_keep_their_adjectives_and_stop_at_the_verb() -> None:
    titles = [
        e[1]
        for e in events_of(
            "Delegates agreed that a follow-up seminar for prosecutors would be held in Hanoi."
        )
    ]
    assert titles == ["Follow-up seminar for prosecutors"]


def test_unusable_front_matter_is_a_warning_and_the_text_is_still_read() -> None:
    text = "---\npublished: [2019\n---\nHANOI, 5 March 2019 – The workshop opened today.\n"
    article = parse_article("d", "seeds/d.txt", text, {})
    (warning,) = article.warnings
    assert str(warning).startswith("seeds/d.txt:1:1: front matter is not usable (")
    assert article.document.dropped[0].reason == "front matter (unusable, ignored)"
    assert article.document.published == date(2019, 3, 5)
    bomb = "---\na: &a [x, x]\nb: [*a, *a]\n---\nBody.\n"
    assert parse_article("d", "seeds/d.txt", bomb, {}).warnings


# Pieces of dates, look-alikes and the words the alternatives need, in any order.
_DATE_PIECES = st.sampled_from(
    [
        *("5", "12", "2014", "1990s", "2020s", "-", "–", "to", "and", "/", "03/04/2015", "2014-06-01"),
        *("May", "June", "Sept.", "Jan", "on", "in", "In", "the", "early", "mid", "late", "last", "next"),
        *("year", "month", "ago", "two", "weeks", "Monday", "tuesday,", "from", "between", "Vision"),
        *("Work Plan", "th", "st", ",", ".", "previous", "recently", "tonıght", "this", "%", "Agenda"),
    ]
)


@given(st.lists(_DATE_PIECES, max_size=10).map(" ".join))
@settings(max_examples=500)
def test_scanning_one_alternative_at_a_time_finds_what_the_combined_regex_finds(text: str) -> None:
    expected = [(m.span(), m.lastgroup) for m in _TEMPORAL.finditer(text)]
    found = list(temporal_matches(text))
    assert [(m.span(), m.lastgroup) for m in found] == expected
    for m, e in zip(found, _TEMPORAL.finditer(text), strict=True):
        assert m.groupdict() == {k: v for k, v in e.groupdict().items() if k in m.groupdict()}


def test_events_alike_in_everything_get_distinct_ids() -> None:
    # One retelling in two articles that stayed apart: the same title, date, place and first quote.
    # Their ids must differ, in merge order, and giving them must end (it once looped for ever).
    from tipbrief.facts.model import DateInterval, Event
    from tipbrief.facts.resolve.events import slug_ids

    day = date(2015, 11, 21)
    quote = Span("a", 0, 9, "They met.")
    twin = Event(
        "", "Meeting", "meeting", DateInterval(day, day, "21 November 2015", "stated"), None, (), (), (quote,)
    )
    ids = slug_ids("meeting", [twin] * 40)
    assert len(set(ids)) == 40
    assert all(i.startswith(ids[0][: len("meeting-") + 6]) for i in ids)
    assert ids == slug_ids("meeting", [twin] * 40)


def test_a_threads_later_post_headers_are_each_posts_day_not_repeats() -> None:
    text = (
        "ASEAN @ASEAN · 8 Mar 2019\n1/2 The plan of action is reviewed today. #ACTIP\n\n"
        "ASEAN @ASEAN · 9 Mar 2019\n2/2 Officials meet again in May. #ACTIP\n\n"
        "ASEAN @ASEAN · 9 Mar 2019\n3/3 The review ends today. #ACTIP\n"
    )
    article, reasons = _parsed_with_reasons(text)
    assert not any(r.startswith("repeats") for r in reasons)
    later = [p for p in article.paragraphs if p.text.startswith(("2/2", "3/3"))]
    assert [p.written for p in later] == [date(2019, 3, 9), date(2019, 3, 9)]


def test_a_chat_exports_messages_are_of_their_stamps_days_even_when_no_stamp_tells_the_order() -> None:
    # (Day first, told by "21/11": each message is of its stamp's day, the export of its newest.)
    told, reasons = _parsed_with_reasons(
        "[20/11/2015, 21:14:03] Ana: We landed in Kuala Lumpur\n"
        "[21/11/2015, 09:02:11] Budi: The convention was signed this morning\n"
    )
    assert reasons == [CHAT_STAMP, CHAT_STAMP]
    assert [(p.text, p.written, p.written_until, p.posted) for p in told.paragraphs] == [
        ("We landed in Kuala Lumpur", date(2015, 11, 20), None, None),
        ("The convention was signed this morning", date(2015, 11, 21), None, None),
    ]
    assert told.document.published == date(2015, 11, 21)
    # (No stamp tells: "02/04/2012" is 4 February or 2 April, "04/04/2012" either way 4 April; which
    # message is the newest is not known.)
    untold, reasons = _parsed_with_reasons(
        "[02/04/2012 19:02:11] Vanna: The summit opens here tomorrow\n"
        "[04/04/2012 17:45:19] Vanna: The summit closed today\n"
        "[05/04/2012 09:12:40] Lan: Let us talk again next week\n"
    )
    assert reasons == [CHAT_STAMP] * 3
    assert [(p.written, p.written_until) for p in untold.paragraphs] == [
        (date(2012, 2, 4), date(2012, 4, 2)),
        (date(2012, 4, 4), None),
        (date(2012, 4, 5), date(2012, 5, 4)),
    ]
    assert untold.document.published is None
    # (A colon after the time, "14/10/2013 09:20:55: Siti: …": the sender's name is no part of the
    # message either.)
    colon, reasons = _parsed_with_reasons(
        "14/10/2013 09:20:55: Siti Aminah: The index is out on Thursday\n"
        "17/10/2013 15:48:30: Siti Aminah: The index is out today\n"
    )
    assert reasons == [CHAT_STAMP] * 2
    assert [(p.text, p.written) for p in colon.paragraphs] == [
        ("The index is out on Thursday", date(2013, 10, 14)),
        ("The index is out today", date(2013, 10, 17)),
    ]


def test_a_channel_log_told_from_its_reading_has_no_yearless_date_line() -> None:
    # ("Today" and "Yesterday" below a pinned "Thursday, July 21st": the log is as of the day it was
    # copied, so the pinned post's day is no date line of the page; "Wednesday" is two to six days
    # before it, and still that weekday.)
    article, reasons = _parsed_with_reasons(
        "Thursday, July 21st\nMei Ling  5:42 PM\nThe senior officials wrapped up today.\n\n"
        "Wednesday\nArjun  10:05 AM\nThe ministers opened their meeting this morning.\n\n"
        "Today\nMei Ling  9:01 AM\nThe statement is up.\n"
    )
    assert YEARLESS_DATE_LINE not in reasons
    assert [(p.ago, p.posted) for p in article.paragraphs] == [
        (None, "July 21"),
        ((2, 6), "Wednesday"),
        ((0, 0), None),
    ]


def test_a_digests_days_in_figures_read_the_way_that_puts_its_items_closest_together() -> None:
    # ("08/04/2010", "06/04/2010", "09/04/2010": day first, 6-9 April, not June-September; and a day
    # each item is of, so its source line gives no event's date.)
    digest, _ = _parsed_with_reasons(
        "PRESS SUMMARY\nFriday, 9 April 2010\n\n"
        "1. COMMISSION INAUGURATED\nThe commission was inaugurated in Ha Noi yesterday.\n"
        "Source: Lao Dong, 08/04/2010\n\n"
        "2. SUMMIT OPENS\nThe summit opened this morning.\nSource: VnExpress, 09.04.2010\n\n"
        "3. LATE ITEM\nThe commission will be launched tomorrow.\nSource: Tuoi Tre, 06/04/2010\n"
    )
    written = {p.text: p.written for p in digest.paragraphs}
    assert written["The commission was inaugurated in Ha Noi yesterday."] == date(2010, 4, 8)
    assert written["The summit opened this morning."] == date(2010, 4, 9)
    assert written["The commission will be launched tomorrow."] == date(2010, 4, 6)
    assert not any("Source" in p.text for p in digest.paragraphs)


def test_a_cables_header_is_dropped_and_its_subject_is_the_title() -> None:
    cable, reasons = _parsed_with_reasons(
        "CONFIDENTIAL SECTION 01 OF 03 JAKARTA 000987\n\nE.O. 12958: DECL: 10/02/2021\n"
        "TAGS: PHUM, KCRM, ID\nSUBJECT: INDONESIA: TRAFFICKING TASK FORCE MEETS\n\n"
        "P 020745Z OCT 11\nFM AMEMBASSY JAKARTA\n\n"
        "1. (C) Summary: the task force met on Friday. End summary.\n"
    )
    assert cable.document.published == date(2011, 10, 2)
    assert cable.document.title == "INDONESIA: TRAFFICKING TASK FORCE MEETS"
    summary = "1. (C) Summary: the task force met on Friday. End summary."
    assert [p.text for p in cable.paragraphs] == [summary]
    assert set(reasons) == {"a cable's header (its date-time group is the cable's date)"}


def test_a_printed_pages_running_head_after_a_rule_and_a_lettered_page_dates_the_page() -> None:
    page, reasons = _parsed_with_reasons(
        "THE BANGKOK MORNING POST, TUESDAY, NOVEMBER 22, 2011 -- A4\n\nREGION\n\n"
        "Police close a course on trafficking cases in Chiang Mai.\n"
    )
    assert page.document.published == date(2011, 11, 22)
    assert "running head of a printed page (a date line: the paper's day)" in reasons


def test_an_almanacs_day_line_gives_the_pages_day_with_the_year_of_its_count_of_days() -> None:
    page, reasons = _parsed_with_reasons(
        "Today in History\n\nToday is Saturday, Nov. 21, the 325th day of 2020. There are 41 days left in"
        " the year.\n\nOn this date:\n\nIn 2015, ASEAN leaders signed a convention in Kuala Lumpur.\n"
    )
    assert page.document.published == date(2020, 11, 21)
    assert "an almanac's day line (the page's day)" in reasons


def test_a_digests_days_in_figures_read_month_first_when_a_day_forces_it() -> None:
    digest, _ = _parsed_with_reasons(
        "MEDIA SUMMARY\nNovember 28, 2019\n\n"
        "Bangkok Courier (11/27/2019): Senior officials opened their meetings yesterday.\n\n"
        "Nation Daily (11/26/2019): A forum on migrant labour closed yesterday.\n"
    )
    written = {p.text: p.written for p in digest.paragraphs}
    assert written["Senior officials opened their meetings yesterday."] == date(2019, 11, 27)
    assert written["A forum on migrant labour closed yesterday."] == date(2019, 11, 26)


def test_a_listings_items_are_of_their_date_lines_days_and_their_headlines_are_no_sentences() -> None:
    # (A headline's present tense, "meet online", says nothing of when: as a page's title, it is
    # dropped; the snippet under the date line is of that day.)
    text = (
        "Site search: crime  |  2 results\n\nSenior officials on transnational crime meet online\n"
        "Date: 2020-09-25  |  Type: News\nOfficials met by video conference on Thursday.\n\n"
        "Ministry welcomes plan of action\nDate: 2020-09-01  |  Type: Statement\n"
        "The ministry welcomed the plan.\n"
    )
    article, reasons = _parsed_with_reasons(text)
    kept = {p.text: p.written for p in article.paragraphs}
    assert kept["Officials met by video conference on Thursday."] == date(2020, 9, 25)
    assert kept["The ministry welcomed the plan."] == date(2020, 9, 1)
    assert "Senior officials on transnational crime meet online" not in kept
    assert reasons.count(ITEM_HEADLINE) == 2
    assert reasons.count(ITEM_DATE_LINE) == 2
