"""When an article was written: the cases in tests/fixtures/written/cases.yaml, one test each."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from tipbrief.facts.corpus import parse_article
from tipbrief.facts.extract.article import extract_article
from tipbrief.facts.extract.dates import counts_back
from tipbrief.facts.extract.evidence import tense_of
from tipbrief.facts.extract.sentences import _event_tense, expression_tense
from tipbrief.facts.gazetteer import Gazetteer, build_gazetteer
from tipbrief.facts.reference import load_reference
from tipbrief.facts.temporal.expressions import extract_temporals

CASES_FILE = Path(__file__).parent / "fixtures" / "written" / "cases.yaml"
CASES: list[dict[str, Any]] = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return build_gazetteer(load_reference())


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_written(case: dict[str, Any], gazetteer: Gazetteer) -> None:
    meta = {"published": case["published"].isoformat()} if case.get("published") else None
    article = parse_article("doc", "doc.txt", case["text"], gazetteer.outlets, meta)
    written = extract_article(article, gazetteer).written
    assert written is not None
    where = f"{CASES_FILE.name}: {case['name']}"
    assert (written.earliest, written.latest) == (case["earliest"], case["latest"]), where
    if "label" in case:
        assert written.label == case["label"], where


def test_a_dateline_date_is_never_an_events_stated_date(gazetteer: Gazetteer) -> None:
    text = CASES[2]["text"]
    x = extract_article(parse_article("doc", "doc.txt", text, gazetteer.outlets), gazetteer)
    signing = next(e for e in x.events if e.kind == "signing")
    stated = [c for c in signing.constraints if c.rule == "stated-date"]
    assert [(c.earliest, c.latest) for c in stated] == [(date(2015, 11, 21), date(2015, 11, 21))]


@pytest.mark.parametrize(
    ("sentence", "expression", "sentence_tense", "expected"),
    [
        ("X will chair the meeting on May 3, the ministry announced on May 1.", "May 1", "future", "past"),
        ("The talks were held in March and will resume on June 2.", "June 2", "past", "future"),
        ("Delegates met in Hanoi on June 2.", "June 2", "past", "past"),
        (
            "It takes effect next month after Laos deposited its instrument with the Secretariat on Tuesday.",
            "Tuesday",
            "future",
            "past",
        ),
        ("The plan will be adopted after June 2.", "June 2", "past", "future"),
        ("The community, which formally comes into being on Dec 31, was agreed.", "Dec 31", "past", "future"),
        ("It goes to the ministers when they meet in Vientiane in August.", "August", "past", "future"),
        ("The plan was drafted when ministers met in Vientiane in August.", "August", "past", "past"),
        # A bracketed acronym is part of the name, not the end of the clause.
        (
            "The findings will be put to the 12th Meeting of the ASEAN Committee on Women (ACW) in October.",
            "October",
            "past",
            "future",
        ),
        ("Officials aim to finish the guidelines by March, the secretariat said.", "March", "past", "future"),
        # A meeting put off: the month it was moved to is still to come; a plan it had is not.
        (
            "The retreat was put off and has been moved to February, an official said.",
            "February",
            "past",
            "future",
        ),
        ("The forum had been scheduled for November but was pushed back.", "November", "past", "past"),
        # A present tense of a meeting, right before its day, is its schedule.
        (
            "Ministers of the Bali Process meet in Adelaide on Friday, officials said.",
            "Friday",
            "past",
            "future",
        ),
        (
            "Ministers meet in July, before the convention is signed by the leaders in November.",
            "November",
            "past",
            "future",
        ),
        # A deadline: "should … by" is ahead ("should have been … by" is not).
        (
            "Members who want to join should write to the secretariat by 30 November.",
            "30 November",
            "past",
            "future",
        ),
        (
            "The report should have been released by 30 November, officials said.",
            "30 November",
            "past",
            "past",
        ),
    ],
)
def test_an_expression_takes_the_tense_of_its_own_clause(
    sentence: str, expression: str, sentence_tense: str, expected: str
) -> None:
    assert expression_tense(sentence, sentence.index(expression), sentence_tense) == expected  # type: ignore[arg-type]


def test_a_month_last_year_beside_a_recorded_deposit_keeps_the_articles_year(gazetteer: Gazetteer) -> None:
    # Viet Nam's deposit (5 January 2017, a reference row) stands in the sentence: "January last
    # year" is not a yearless January of that deposit's year.
    text = (
        "Myanmar is the fifth to deposit its instrument of ratification of the ASEAN Convention Against "
        "Trafficking in Persons, Especially Women and Children, following Cambodia in January last year "
        "and Viet Nam, which deposited its instrument on 5 January this year."
    )
    article = parse_article("doc", "doc.txt", text, gazetteer.outlets, {"published": "2017-01-17"})
    found = {d.span.quote: (d.earliest, d.latest) for d in extract_article(article, gazetteer).dates}
    assert found["January last year"] == (date(2016, 1, 1), date(2016, 1, 31))


def test_a_judgement_to_come_on_a_past_day_leaves_the_day_in_the_past(gazetteer: Gazetteer) -> None:
    text = (
        "MANILA, January 12, 2026 – That summit will be remembered for the signing of the declaration "
        "admitting Timor-Leste on October 26, the same day the summit opened."
    )
    article = parse_article("doc", "doc.txt", text, gazetteer.outlets)
    found = {d.span.quote: (d.earliest, d.latest) for d in extract_article(article, gazetteer).dates}
    assert found["October 26"] == (date(2025, 10, 26), date(2025, 10, 26))


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # A day followed by "that year" takes the year the article named before.
        (
            "Viet Nam deposited its instrument of ratification on January 5, 2017. The convention entered "
            "into force on March 8 that year. The law takes effect on July 1 the following year.",
            "2024-07-30",
            {"March 8": (date(2017, 3, 8), date(2017, 3, 8)), "July 1": (date(2018, 7, 1), date(2018, 7, 1))},
        ),
        # A month or day in a when-clause takes the year the clause hangs on.
        (
            "The country fell to Tier 3 in 2014 and stayed there last year, when the bloc also warned it "
            "over illegal fishing in April. In 2011, when the ministers met on May 3, the plan was new.",
            "2016-07-01",
            {"April": (date(2015, 4, 1), date(2015, 4, 30)), "May 3": (date(2011, 5, 3), date(2011, 5, 3))},
        ),
    ],
)
def test_a_yearless_day_takes_the_year_the_sentence_ties_it_to(
    gazetteer: Gazetteer, text: str, published: str, expected: dict[str, tuple[date, date]]
) -> None:
    article = parse_article("doc", "doc.txt", text, gazetteer.outlets, {"published": published})
    found = {d.span.quote: (d.earliest, d.latest) for d in extract_article(article, gazetteer).dates}
    assert {quote: found[quote] for quote in expected} == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The Commission finalised the draft Regional Plan of Action, which will be submitted through the "
            "relevant ministerial bodies for adoption by the Leaders.",
            "future",
        ),
        ("The Leaders adopted the Regional Plan of Action, which the ministers had submitted.", "past"),
    ],
)
def test_an_instrument_submitted_for_adoption_is_adopted_after_the_article(
    sentence: str, expected: str
) -> None:
    assert _event_tense(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # An adverb between "are" and "expected" leaves the meeting still to come.
        "Human rights and trafficking are also expected to feature at the meeting of the AICHR in "
        "Boracay next month.",
        "The plan is still expected to be adopted by the ministers.",
    ],
)
def test_what_is_expected_is_still_to_come(sentence: str) -> None:
    assert tense_of(sentence) == "future"


def test_a_timeline_entrys_year_dates_the_days_of_its_paragraph(gazetteer: Gazetteer) -> None:
    text = (
        "TIMELINE: ASEAN and the fight against trafficking\n\n"
        "2009 – The ASEAN Intergovernmental Commission on Human Rights is inaugurated in Cha-am on "
        "23 October.\n\n"
        "2016 – Ministers meet in Bali for the Sixth Bali Process Ministerial Conference.\n"
    )
    x = extract_article(parse_article("doc", "doc.txt", text, gazetteer.outlets), gazetteer)
    launch = next(e for e in x.events if e.kind == "launch")
    stated = [(c.earliest, c.latest) for c in launch.constraints if c.rule == "stated-date"]
    assert stated == [(date(2009, 10, 23), date(2009, 10, 23))]


@pytest.mark.parametrize(
    ("sentence", "back"),
    [
        ("A second workshop opened on the same day the State Department released its report.", False),
        ("A second workshop opened the same day in Jakarta.", True),
        ("Thailand deposited its instrument the following day.", True),
        ("The Meeting had opened the previous day under the theme of social protection.", True),
        ("The report was published on July 19, the same day the officials opened their meeting.", True),
        # (The day of what "as" names, after it: the conference's.)
        ("The forum presented its conclusions to ministers the same day as the conference.", False),
    ],
)
def test_the_same_day_counts_back_only_when_no_clause_of_its_own_follows(sentence: str, back: bool) -> None:
    (t,) = [x for x in extract_temporals(sentence) if x.relative]
    assert counts_back(sentence, t.start, t.end) is back


def test_the_meeting_reported_as_past_is_not_a_meeting_still_to_come(gazetteer: Gazetteer) -> None:
    text = (
        "PHNOM PENH, 20 July 2022 -- The 22nd ASEAN Senior Officials Meeting on Transnational Crime opened "
        "online yesterday. Its documents go to the 16th ASEAN Ministerial Meeting on Transnational Crime, "
        "which Cambodia will chair in September. The meeting opened with a minute of silence."
    )
    x = extract_article(parse_article("doc", "doc.txt", text, gazetteer.outlets), gazetteer)
    last = text.index("The meeting opened")
    owners = [e.title for e in x.events if any(src.start <= last < src.end for src in e.sources)]
    assert owners == ["22nd Senior Officials Meeting on Transnational Crime"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("ASEAN crime ministers (AMMTC) meet in Myanmar in October", "future"),
        ("Senior officials gather in Bangkok in early June to review the work plan.", "future"),
        # (Not a meeting's present with a year: "meet in October 2019" is a date, not a programme.)
        ("The ministers met in Myanmar in October and adopted the plan.", "past"),
    ],
)
def test_a_meetings_present_with_the_month_it_falls_in_is_still_to_come(sentence: str, expected: str) -> None:
    assert _event_tense(sentence) == expected
