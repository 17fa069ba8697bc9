"""Comparing two editions of a brief (pure: no disk), and reading an edition back from its JSON."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from tipbrief.briefs.changes import (
    Change,
    Changes,
    Cite,
    Interval,
    Since,
    changes_between,
    changes_since,
    compare_editions,
    event_ref,
)
from tipbrief.briefs.changes_json import changes_from_dict, changes_to_dict
from tipbrief.briefs.changes_text import changes_text
from tipbrief.briefs.editions import (
    BRIEF_SCHEMA,
    MAX_EDITION_BYTES,
    CorpusEntry,
    Edition,
    LeftOutRecord,
    PeriodRecord,
    edition_from_dict,
    read_edition,
)
from tipbrief.briefs.render_json import brief_to_dict
from tipbrief.briefs.render_markdown import resolve_sections
from tipbrief.briefs.select import select
from tipbrief.briefs.spec import parse_spec
from tipbrief.common.errors import InputError
from tipbrief.facts.model import (
    Conflict,
    DateInterval,
    Document,
    Event,
    Evidence,
    FactBase,
    Place,
    Reading,
    Span,
)

# ---- a small world: articles, events, editions ---------------------------------------------------------


def span(doc: str, start: int, quote: str) -> Span:
    return Span(doc, start, start + len(quote), quote)


SEMINAR_SRC = span("a", 0, "ASEAN and the US held a seminar on trafficking in persons in Yangon.")
SEMINAR_SRC2 = span("a", 80, "The seminar was the first ASEAN-US activity on TIP.")
WORKSHOP_SRC = span("b", 0, "A regional workshop on prevention strategies met in Hanoi on 21-22 June.")
REVIEW_SRC = span("c", 0, "The ACWC launched the Regional Review in Jakarta today.")


def evidence(note: str, lo: date | None, hi: date | None, source: Span | None = None) -> Evidence:
    return Evidence("stated-date", note, lo, hi, source)


def event(
    id: str,
    title: str,
    lo: date | None,
    hi: date | None,
    label: str,
    sources: tuple[Span, ...],
    *,
    basis: str = "inferred",
    place: Place | None = None,
    proof: tuple[Evidence, ...] = (),
    conflicts: tuple[Conflict, ...] = (),
) -> Event:
    return Event(
        id=id,
        title=title,
        kind="seminar",
        date=DateInterval(lo, hi, label, "stated" if basis == "stated" else "inferred", proof),
        place=place,
        actors=(),
        instruments=(),
        sources=sources,
        conflicts=conflicts,
    )


SEMINAR = event(
    "first-seminar",
    "First ASEAN–US seminar on trafficking in persons",
    date(2013, 9, 3),
    date(2014, 11, 10),
    "between September 2013 and November 2014",
    (SEMINAR_SRC, SEMINAR_SRC2),
    place=Place("Yangon", "Myanmar"),
    proof=(
        evidence("supported under a programme that began in September 2013", date(2013, 9, 3), None),
        evidence("reported in the past tense, so no later than the article's date", None, date(2014, 11, 10)),
    ),
)
WORKSHOP = event(
    "regional-workshop",
    "Regional workshop on prevention strategies",
    date(2018, 6, 21),
    date(2018, 6, 22),
    "21–22 June 2018",
    (WORKSHOP_SRC,),
    place=Place("Hanoi", "Viet Nam"),
    proof=(evidence("the article says “21-22 June” without a year", date(2018, 6, 21), date(2018, 6, 22)),),
)
REVIEW = event(
    "regional-review",
    "Launch of the Regional Review",
    date(2016, 9, 28),
    date(2016, 9, 28),
    "28 September 2016",
    (REVIEW_SRC,),
    basis="stated",
    place=Place("Jakarta", "Indonesia"),
)

DOCS = {
    d: Document(d, f"seeds/{d}.txt", f"sha-{d}", "", title=f"Article {d.upper()}")
    for d in ("a", "b", "c", "d")
}


def edition(
    events: tuple[Event, ...],
    *,
    docs: tuple[str, ...] = ("a", "b", "c"),
    issued: date | None = date(2024, 3, 1),
    left_out: tuple[LeftOutRecord, ...] = (),
    period: PeriodRecord | None = None,
    sha: dict[str, str] | None = None,
    changes: Changes | None = None,
) -> Edition:
    sha = sha or {}
    return Edition(
        where="x.json",
        name="chronology",
        title="ASEAN and the US against trafficking in persons",
        issued=issued,
        period=period or PeriodRecord(date(2012, 1, 1), date(2023, 12, 31), "2012", "2023", None, None),
        events=events,
        left_out=left_out,
        documents=tuple(
            replace(DOCS[d], sha256=sha.get(d, DOCS[d].sha256))
            for d in sorted({s.document for e in events for s in e.sources})
        ),
        corpus=tuple(CorpusEntry(d, f"seeds/{d}.txt", sha.get(d, f"sha-{d}")) for d in docs),
        changes=changes,
    )


OLD = edition((SEMINAR, REVIEW, WORKSHOP))


def kinds(changes: tuple[Change, ...]) -> list[tuple[str, str]]:
    return [(c.kind, c.detail) for c in changes]


# ---- what counts as a change ---------------------------------------------------------------------------


def test_the_same_edition_has_no_changes() -> None:
    assert compare_editions(OLD, OLD) == ()
    # Built before without a record of changes (older tipbrief, changes: false): a first edition.
    assert changes_since(OLD, replace(OLD, where="y.json")) == Changes(since=None)
    # The same brief issued on another day: a new edition, which says nothing changed.
    assert changes_since(OLD, replace(OLD, issued=date(2024, 4, 1))) == Changes(
        Since(date(2024, 3, 1), "ASEAN and the US against trafficking in persons")
    )


def test_a_first_edition_has_nothing_to_compare_with() -> None:
    assert changes_since(None, OLD) == Changes(since=None)


def test_an_event_a_new_article_reports_is_added_with_its_sources() -> None:
    new_src = span(
        "d", 0, "ASEAN officials held a workshop on victim identification in Bangkok on 4-5 March."
    )
    added = event(
        "bangkok-workshop",
        "Workshop on victim identification",
        date(2019, 3, 4),
        date(2019, 3, 5),
        "4–5 March 2019",
        (new_src,),
        place=Place("Bangkok", "Thailand"),
    )
    new = edition((SEMINAR, REVIEW, WORKSHOP, added), docs=("a", "b", "c", "d"))
    assert compare_editions(OLD, new) == (
        Change(
            "added",
            event_ref(added),
            "new-article",
            reason="seeds/d.txt",
            evidence=(Cite("", new_src),),
        ),
    )
    assert changes_since(OLD, new).marks() == {"bangkok-workshop": "new"}


def test_a_narrowed_date_cites_the_evidence_that_moved_it_and_not_again_as_a_new_source() -> None:
    new_src = span("d", 0, "The first ASEAN-US seminar on trafficking in persons was held in Yangon in 2014.")
    stated = evidence("the article says “2014”", date(2014, 1, 1), date(2014, 12, 31), span("d", 74, "2014"))
    narrowed = replace(
        SEMINAR,
        date=replace(
            SEMINAR.date,
            earliest=date(2014, 1, 1),
            label="between January 2014 and November 2014",
            evidence=(*SEMINAR.date.evidence, stated),
        ),
        sources=(*SEMINAR.sources, new_src),
    )
    new = edition((narrowed, REVIEW, WORKSHOP), docs=("a", "b", "c", "d"))
    (change,) = compare_editions(OLD, new)
    assert change == Change(
        "date",
        event_ref(narrowed),
        "narrowed",
        before="between September 2013 and November 2014",
        after="between January 2014 and November 2014",
        dates_before=Interval(date(2013, 9, 3), date(2014, 11, 10)),
        dates_after=Interval(date(2014, 1, 1), date(2014, 11, 10)),
        evidence=(Cite("the article says “2014”", span("d", 74, "2014")),),
    )
    assert changes_since(OLD, new).marks() == {"first-seminar": "revised"}


@pytest.mark.parametrize(
    ("lo", "hi", "detail"),
    [
        (date(2013, 1, 1), date(2014, 12, 31), "widened"),
        (date(2015, 1, 1), date(2015, 6, 30), "contradicted"),
        (date(2014, 6, 1), date(2015, 6, 30), "shifted"),
        (date(2013, 9, 3), date(2014, 11, 10), "now-stated"),
    ],
)
def test_dates_widened_contradicted_shifted_or_now_stated(lo: date, hi: date, detail: str) -> None:
    moved = replace(
        SEMINAR,
        date=DateInterval(lo, hi, "new label", "stated" if detail == "now-stated" else "inferred", ()),
    )
    (change,) = compare_editions(OLD, edition((moved, REVIEW, WORKSHOP)))
    assert (change.kind, change.detail, change.after) == ("date", detail, "new label")
    # Every constraint of the earlier edition is gone; those that set its moved ends no longer hold.
    if detail == "widened":
        assert [c.note for c in change.withdrawn] == [e.note for e in SEMINAR.date.evidence]


def test_an_event_whose_only_article_was_removed_is_removed_and_says_why() -> None:
    new = edition((SEMINAR, REVIEW), docs=("a", "c"))
    assert compare_editions(OLD, new) == (
        Change(
            "removed",
            event_ref(WORKSHOP),
            "source-removed",
            reason="seeds/b.txt",
            withdrawn=(Cite("", WORKSHOP_SRC),),
        ),
    )


@pytest.mark.parametrize(
    ("new", "detail", "reason"),
    [
        (
            edition(
                (SEMINAR, REVIEW),
                left_out=(
                    LeftOutRecord("regional-workshop", "W", "after the period (from 1 January 2012 to …)"),
                ),
            ),
            "left-out",
            "after the period (from 1 January 2012 to …)",
        ),
        (edition((SEMINAR, REVIEW), sha={"b": "sha-edited"}), "source-edited", "seeds/b.txt"),
        (edition((SEMINAR, REVIEW)), "gone", ""),
    ],
)
def test_why_an_event_left_the_brief(new: Edition, detail: str, reason: str) -> None:
    (change,) = compare_editions(OLD, new)
    assert (change.kind, change.detail, change.reason) == ("removed", detail, reason)


def test_an_event_left_out_before_that_now_belongs_entered() -> None:
    old = edition(
        (SEMINAR, REVIEW), left_out=(LeftOutRecord("regional-workshop", "W", "does not match the topic"),)
    )
    (change,) = compare_editions(old, OLD)
    assert (change.kind, change.detail, change.reason) == ("added", "entered", "does not match the topic")


def test_a_new_title_and_id_for_the_same_sources_is_one_retitled_event() -> None:
    renamed = replace(WORKSHOP, id="regional-workshop-on-prevention", title="Regional workshop on prevention")
    changes = compare_editions(OLD, edition((SEMINAR, REVIEW, renamed)))
    assert changes == (
        Change(
            "title",
            event_ref(renamed),
            before=WORKSHOP.title,
            after=renamed.title,
            was=(event_ref(WORKSHOP),),
        ),
    )


def test_a_new_id_alone_is_said() -> None:
    renamed = replace(WORKSHOP, id="regional-workshop-3f2a1c")
    (change,) = compare_editions(OLD, edition((SEMINAR, REVIEW, renamed)))
    assert (change.kind, change.before, change.after) == (
        "id",
        "regional-workshop",
        "regional-workshop-3f2a1c",
    )


def test_two_events_merged_into_one_are_a_merger_not_a_removal_and_an_addition() -> None:
    merged = replace(SEMINAR, sources=(*SEMINAR.sources, REVIEW_SRC))
    changes = compare_editions(OLD, edition((merged, WORKSHOP)))
    (merger,) = changes
    assert [r.id for r in merger.was] == ["first-seminar", "regional-review"]
    assert [r.id for r in merger.now] == ["first-seminar"]
    assert merger.evidence == (Cite("", SEMINAR_SRC), Cite("", SEMINAR_SRC2), Cite("", REVIEW_SRC))
    # The review's passage moved into the seminar: it is not a new source, and nothing was removed.


def test_an_event_split_in_two_is_a_split() -> None:
    first = replace(SEMINAR, sources=(SEMINAR_SRC,))
    second = replace(SEMINAR, id="first-seminar-2", title="Second part", sources=(SEMINAR_SRC2,))
    changes = compare_editions(OLD, edition((first, second, REVIEW, WORKSHOP)))
    split = next(c for c in changes if c.kind == "split")
    assert [r.id for r in split.was] == ["first-seminar"]
    assert [r.id for r in split.now] == ["first-seminar", "first-seminar-2"]
    assert not [c for c in changes if c.kind in ("added", "removed")]


def test_place_conflicts_and_period() -> None:
    conflict = Conflict(
        "place",
        (Reading("Hanoi", ("b:0-71",)), Reading("Da Nang", ("reference/meetings.csv:7",))),
        "the article's place is shown",
    )
    moved = replace(WORKSHOP, place=Place("Da Nang", "Viet Nam"), conflicts=(conflict,))
    new = edition(
        (SEMINAR, REVIEW, moved),
        period=PeriodRecord(date(2015, 1, 1), date(2023, 12, 31), "2015", "2023", None, None),
    )
    changes = compare_editions(OLD, new)
    assert kinds(changes) == [("period", "start"), ("place", ""), ("conflict", "appeared")]
    period, place, appeared = changes
    assert (period.before, period.after) == (
        "from 1 January 2012 to 31 December 2023",
        "from 1 January 2015 to 31 December 2023",
    )
    assert (place.before, place.after) == ("Hanoi, Viet Nam", "Da Nang, Viet Nam")
    assert appeared.evidence == (
        Cite("Hanoi", WORKSHOP_SRC),
        Cite("Da Nang", None, "reference/meetings.csv:7"),
    )
    back = compare_editions(new, OLD)
    assert ("conflict", "settled") in kinds(back)


def test_changes_are_listed_in_the_order_of_the_chronology() -> None:
    gone_review = edition((SEMINAR, WORKSHOP), docs=("a", "b"))
    narrowed = replace(WORKSHOP, date=replace(WORKSHOP.date, latest=date(2018, 6, 21), label="21 June 2018"))
    changes = compare_editions(OLD, replace(gone_review, events=(SEMINAR, narrowed)))
    assert [(c.kind, c.event.id if c.event else "") for c in changes] == [
        ("removed", "regional-review"),
        ("date", "regional-workshop"),
    ]


# ---- a rebuild of one edition keeps what it said --------------------------------------------------------


def test_a_rebuild_of_the_same_edition_keeps_its_record_of_changes() -> None:
    said = Changes(Since(date(2024, 2, 1), "T"), (Change("removed", event_ref(REVIEW), "gone"),))
    built = replace(OLD, changes=said)
    assert changes_since(built, OLD) is said
    # Another date of issue is another edition: it is compared.
    assert changes_since(built, replace(OLD, issued=date(2024, 4, 1))) == Changes(
        Since(date(2024, 3, 1), built.title)
    )


# ---- the record as JSON --------------------------------------------------------------------------------


def test_changes_survive_their_json_unchanged() -> None:
    new_src = span("d", 0, "ASEAN officials held a workshop on victim identification in Bangkok.")
    added = event("x", "X", date(2019, 3, 4), None, "after March 2019", (new_src,))
    narrowed = replace(SEMINAR, date=replace(SEMINAR.date, earliest=date(2014, 1, 1), label="2014"))
    new = edition((narrowed, added), docs=("a", "d"))
    changes = changes_since(OLD, new)
    assert {c.kind for c in changes.items} >= {"added", "removed", "date"}
    data = json.loads(json.dumps(changes_to_dict(changes)))
    assert changes_from_dict(data, "changes") == changes
    assert changes.documents == (DOCS["b"], DOCS["c"])


@pytest.mark.parametrize(
    ("patch", "message"),
    [
        ({"items": [{"kind": "exploded"}]}, "changes.items[0].kind is 'exploded', not a kind of change"),
        (
            {"since": {"issued": "March", "title": "T"}},
            "changes.since.issued is 'March', not a day written YYYY-MM-DD",
        ),
        ({"documents": 3}, "changes.documents is a number, not a list"),
    ],
)
def test_a_bad_changes_record_is_refused_by_path(patch: dict[str, object], message: str) -> None:
    from tipbrief.briefs.jsonfields import Malformed

    data = {"since": None, "items": [], "documents": [], **patch}
    with pytest.raises(Malformed) as caught:
        changes_from_dict(data, "changes")
    assert str(caught.value) == message


def test_the_text_of_the_changes() -> None:
    new_src = span("d", 0, "ASEAN officials met in Bangkok\u202e on 4-5 March.")
    added = event(
        "bangkok",
        "Workshop",
        date(2019, 3, 4),
        date(2019, 3, 5),
        "4–5 March 2019",
        (new_src,),
        place=Place("Bangkok", "Thailand"),
    )
    text = changes_text(
        "chronology", changes_since(OLD, edition((SEMINAR, REVIEW, added), docs=("a", "c", "d")))
    )
    assert text == (
        "chronology: 2 changes since 1 March 2024\n"
        "- removed: Regional workshop on prevention strategies (21–22 June 2018, Hanoi) [regional-workshop]:"
        " its articles were removed (seeds/b.txt)\n"
        "    - b:0-72 “A regional workshop on prevention strategies met in Hanoi on 21-22 June.”\n"
        "+ added: Workshop (4–5 March 2019, Bangkok) [bangkok]: reported by a new article (seeds/d.txt)\n"
        "    d:0-45 “ASEAN officials met in Bangkok on 4-5 March.”\n"
    )
    assert (
        changes_text("chronology", changes_between(OLD, OLD)) == "chronology: no changes since 1 March 2024\n"
    )
    assert (
        changes_text("chronology", Changes(None)) == "chronology: a first edition, nothing to compare with\n"
    )


# ---- reading an edition back -------------------------------------------------------------------------


SPEC = "title: T\naudience: analyst\nauthor: U\nissued: 2024-03-01\ntopic:\n  summary: s\n"


def brief_json(facts: FactBase) -> dict[str, object]:
    brief = select(parse_spec(SPEC, "briefs/t.yaml", "t"), facts)
    return brief_to_dict(brief, resolve_sections(brief))


def test_a_brief_json_reads_back_as_the_edition_it_describes(facts: FactBase) -> None:
    data = brief_json(facts)
    assert data["schema"] == BRIEF_SCHEMA == "urn:tipbrief:brief:1.1"
    read = read_edition(json.dumps(data).encode(), "build/t.json", "t")
    brief = select(parse_spec(SPEC, "briefs/t.yaml", "t"), facts)
    assert read.events == tuple(c.event for c in brief.events)
    assert read.issued == date(2024, 3, 1) and read.name == "t"
    assert read.corpus is not None and len(read.corpus) == len(facts.documents)
    assert compare_editions(read, read) == ()


def test_brief_json_from_before_editions_still_reads(facts: FactBase) -> None:
    data = brief_json(facts)
    for key in ("schema", "corpus", "changes"):
        del data[key]
    read = edition_from_dict(data, "old.json")
    assert (read.corpus, read.changes) == (None, None)


def failure(data: bytes, name: str | None = "t") -> str:
    with pytest.raises(InputError) as caught:
        read_edition(data, "old.json", name)
    (line,) = caught.value.problems
    return line


HOW = "pass the NAME.json that an earlier `tipbrief build` wrote"


def test_what_is_not_an_edition_is_one_located_line(facts: FactBase) -> None:
    data = brief_json(facts)
    assert failure(b'{"events": [1,\n  2,,]}') == f"old.json:2:5: is not JSON (Expecting value); {HOW}"
    assert failure(b"\xff\xfe") == f"old.json:1:1: is not UTF-8 text (byte 0xff at offset 0); {HOW}"
    assert failure(b"[" * 100_000 + b"]" * 100_000).startswith("old.json:1:1: is not JSON a brief could be")
    assert failure(b'{"a": 1}') == f"old.json:1:1: is not a tipbrief brief JSON; {HOW}"
    assert failure(b'{"schema": "1.1", "events": [], "documents": []}') == (
        "old.json:1:1: is not a tipbrief brief JSON (it is a fact base: `tipbrief facts --format json`); "
        + HOW
    )
    newer = json.dumps({**data, "schema": "urn:tipbrief:brief:2.0"}).encode()
    assert failure(newer) == (
        "old.json:1:1: was written by a newer tipbrief (brief JSON urn:tipbrief:brief:2.0; this one reads "
        "urn:tipbrief:brief:1.1 and older); upgrade tipbrief, or compare with an edition it can read"
    )
    assert failure(json.dumps(data).encode(), "other") == (
        "old.json:1:1: is an edition of the brief 't', not of 'other'; "
        "pass a other.json that `tipbrief build` wrote"
    )
    broken = json.loads(json.dumps(data))
    broken["events"][1]["date"]["latest"] = "2015-02-30"
    assert failure(json.dumps(broken).encode()) == (
        "old.json:1:1: is not a brief JSON this tipbrief can read: events[1].date.latest is '2015-02-30',"
        f" not a day written YYYY-MM-DD; {HOW}"
    )
    broken["events"][1] = broken["events"][0]
    assert "events[1].id" in failure(json.dumps(broken).encode())


def test_a_huge_file_is_refused_before_it_is_parsed() -> None:
    assert failure(b" " * (MAX_EDITION_BYTES + 1)).startswith(
        f"old.json:1:1: is {MAX_EDITION_BYTES + 1:,} bytes, more than a brief JSON ever is"
    )
