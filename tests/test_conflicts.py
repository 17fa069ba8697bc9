"""Conflicts grouped by reading: one conflict per event and field, each value once with all its sources."""

from __future__ import annotations

import importlib.util
import json
import sys
from datetime import date, timedelta
from pathlib import Path
from types import ModuleType

from hypothesis import given, settings
from hypothesis import strategies as st

from tipbrief.build.factbase import build_fact_base
from tipbrief.facts.extract.records import Constraint, Identification
from tipbrief.facts.factjson import dump_fact_base, fact_base_from_dict, fact_base_to_dict
from tipbrief.facts.gazetteer import Candidate
from tipbrief.facts.model import Conflict, FactBase, Span
from tipbrief.facts.resolve.conflicts import group_readings, origin_key
from tipbrief.facts.resolve.dates import refused, resolve_dates
from tipbrief.facts.temporal.expressions import extract_temporals

ROOT = Path(__file__).resolve().parent.parent
DAY = date(2015, 11, 21)


def stated(day: date, doc: str, start: int = 10) -> Constraint:
    label = f"{day.day} November {day.year}"
    return Constraint(
        "stated-date",
        f"the article says “{label}”",
        day,
        day,
        Span(doc, start, start + len(label), label),
        stated=True,
    )


def one(conflicts: tuple[Conflict, ...], field: str) -> Conflict:
    found = [c for c in conflicts if c.field == field]
    assert len(found) == 1, conflicts
    return found[0]


# --- the resolver -------------------------------------------------------------------------------


def test_many_sources_of_a_few_dates_give_one_conflict_grouped_by_value() -> None:
    right = [stated(DAY, f"a{n:03d}") for n in range(100)]
    wrong = [stated(DAY + timedelta(days=5), f"b{n:03d}") for n in range(10)]
    wrong += [stated(DAY + timedelta(days=3), f"c{n:03d}") for n in range(5)]
    r = resolve_dates([*wrong, *right], [])
    assert (r.interval.earliest, r.interval.latest) == (DAY, DAY)
    conflict = one(r.conflicts, "date")
    assert [(x.value, x.count, x.kept) for x in conflict.readings] == [
        ("21 November 2015", 100, True),
        ("26 November 2015", 10, False),
        ("24 November 2015", 5, False),
    ]
    assert sum(x.count for x in conflict.readings) == len(right) + len(wrong)
    for x in conflict.readings:
        assert list(x.sources) == sorted(set(x.sources), key=origin_key)
    assert conflict.readings[0].sources[0] == "a000:10-26"
    assert conflict.note == (
        "kept 21 November 2015, which 100 sources support; set aside 26 November 2015 (10 sources) "
        "and 24 November 2015 (5 sources), which contradict it"
    )


def test_a_source_repeated_is_counted_once_and_spans_sort_by_offset() -> None:
    r = resolve_dates(
        [
            stated(DAY, "a", 200),
            stated(DAY, "a", 30),
            stated(DAY, "a", 200),
            stated(DAY.replace(day=26), "b"),
        ],
        [],
    )
    kept = one(r.conflicts, "date").readings[0]
    assert kept.sources == ("a:30-46", "a:200-216")
    assert kept.count == 2


def test_the_note_names_a_few_set_aside_readings_and_counts_the_rest() -> None:
    wrong = [stated(DAY + timedelta(days=n), f"w{n}") for n in range(1, 7)]
    r = resolve_dates([stated(DAY, "a"), *wrong], [])
    conflict = one(r.conflicts, "date")
    assert len(conflict.readings) == 7
    assert conflict.note.endswith("and 3 other readings, which contradict it")
    assert conflict.note.startswith("kept 21 November 2015, which 1 source supports; set aside ")


def test_the_summit_whose_dates_hold_the_kept_date_is_named_in_the_note() -> None:
    summit = Candidate(
        "summit-27", "27th ASEAN Summit (Kuala Lumpur)", date(2015, 11, 18), date(2015, 11, 22), "s:27", "u"
    )
    ident = Identification("summit", "27th ASEAN Summit", Span("a", 0, 17, "27th ASEAN Summit"), (summit,))
    # An act of one day at the summit (a signing): its day is its date, the summit's days support it.
    r = resolve_dates(
        [stated(DAY, "a"), stated(DAY, "b"), stated(DAY.replace(day=26), "c")], [ident], point=True
    )
    assert one(r.conflicts, "date").note.startswith(
        "kept 21 November 2015, which 2 sources and the 27th ASEAN Summit's dates support;"
    )


def test_a_yearless_day_outside_the_interval_joins_the_one_date_conflict() -> None:
    (may11,) = extract_temporals("on May 11")
    day = Constraint("day-month", "May 11", None, None, Span("z", 3, 9, "May 11"), annual=may11)
    r = resolve_dates([stated(DAY, "a"), stated(DAY, "b"), stated(DAY.replace(day=25), "c"), day], [])
    conflict = one(r.conflicts, "date")
    assert [(x.value, x.sources, x.kept) for x in conflict.readings] == [
        ("21 November 2015", ("a:10-26", "b:10-26"), True),
        ("25 November 2015", ("c:10-26",), False),
        ("May 11", ("z:3-9",), False),
    ]
    assert "May 11 (1 source) falls outside what the other evidence allows" in conflict.note


def test_yearless_days_inside_and_outside_give_one_reading_each() -> None:
    (may11,) = extract_temporals("on May 11")
    (june2,) = extract_temporals("on June 2")
    may = Constraint(
        "stated-date",
        "the article says “May 2015”",
        date(2015, 5, 1),
        date(2015, 5, 31),
        Span("m", 0, 8, "May 2015"),
    )
    days = [
        Constraint("day-month", text, None, None, Span(f"{doc}{n}", 3, 9, text), annual=t)
        for n in range(4)
        for doc, text, t in (("a", "May 11", may11), ("b", "June 2", june2))
    ]
    r = resolve_dates([may, *days], [])
    assert (r.interval.earliest, r.interval.latest) == (date(2015, 5, 11), date(2015, 5, 11))
    conflict = one(r.conflicts, "date")
    assert [(x.value, x.count, x.kept) for x in conflict.readings] == [
        ("11 May 2015", 4, True),
        ("June 2", 4, False),
    ]
    assert conflict.note == (
        "kept 11 May 2015, which 4 sources support; "
        "June 2 (4 sources) falls outside what the other evidence allows"
    )


def test_identifications_with_the_same_text_are_one_reading() -> None:
    s32 = Candidate("summit-32", "32nd ASEAN Summit", date(2018, 4, 25), date(2018, 4, 28), "s:32", "u")
    s42 = Candidate("summit-42", "42nd ASEAN Summit", date(2023, 5, 9), date(2023, 5, 11), "s:42", "u")
    idents = [
        Identification("summit", "ASEAN Summit 32", Span(f"d{n}", 5, 20, "ASEAN Summit 32"), (s32,))
        for n in range(3)
    ]
    idents.append(Identification("summit", "Summit in Labuan Bajo", Span("e", 0, 21, "x" * 21), (s42,)))
    may = Constraint("stated-date", "the article says “May 2023”", date(2023, 5, 1), date(2023, 5, 31))
    conflict = one(resolve_dates([may], idents).conflicts, "summit")
    assert [(x.count, x.kept) for x in conflict.readings] == [(1, True), (3, False)]
    assert conflict.readings[1].sources == ("d0:5-20", "d1:5-20", "d2:5-20")


def test_group_readings_puts_kept_first_then_more_sources_then_value() -> None:
    readings = group_readings(
        [
            ("b", ["x:1-2"], False),
            ("a", ["x:3-4"], False),
            ("c", ["ref.csv:1"], True),
            ("b", ["x:0-1"], False),
        ]
    )
    assert [(r.value, r.sources, r.kept) for r in readings] == [
        ("c", ("ref.csv:1",), True),
        ("b", ("x:0-1", "x:1-2"), False),
        ("a", ("x:3-4",), False),
    ]


RULES = ("stated-date", "office-term", "article-date", "programme-period")


@st.composite
def constraints(draw: st.DrawFn) -> Constraint:
    lo = draw(st.one_of(st.none(), st.integers(0, 40)))
    hi = draw(st.one_of(st.none(), st.integers(0, 40)))
    if lo is not None and hi is not None and lo > hi:
        lo, hi = hi, lo
    rule = draw(st.sampled_from(RULES))
    return Constraint(
        rule,
        f"{rule} {draw(st.integers(0, 3))}",
        None if lo is None else DAY + timedelta(days=lo),
        None if hi is None else DAY + timedelta(days=hi),
    )


@settings(max_examples=400, deadline=None)
@given(st.lists(constraints(), max_size=8), constraints())
def test_a_constraint_called_refused_changes_nothing_but_the_conflict(
    before: list[Constraint], extra: Constraint
) -> None:
    # What lets a group of candidates skip resolving again when a member repeats a wrong date.
    first = resolve_dates(before, [], explain=False)
    if refused(first.steps, extra):
        again = resolve_dates([*before, extra], [])
        assert again.fixed == first.fixed
        assert (again.interval.earliest, again.interval.latest) == (
            first.interval.earliest,
            first.interval.latest,
        )
        assert any(not r.kept for c in again.conflicts for r in c.readings)


# --- a corpus where many articles retell the same events ---------------------------------------


def same_events() -> ModuleType:
    """benchmarks/same_events.py (the benchmarks are not a package the tests can import)."""
    spec = importlib.util.spec_from_file_location("same_events", ROOT / "benchmarks" / "same_events.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)
    spec.loader.exec_module(module)
    return module


def corpus_facts(tmp: Path, count: int) -> FactBase:
    folder = same_events().write_corpus(tmp / f"seeds-{count}", count)
    return build_fact_base(folder, project=tmp)


def test_a_corpus_retelling_the_same_events_has_one_grouped_date_conflict_per_event(tmp_path: Path) -> None:
    facts = corpus_facts(tmp_path, 60)
    disputed = [e for e in facts.events if any(c.field == "date" for c in e.conflicts)]
    assert disputed
    for event in facts.events:
        fields = [c.field for c in event.conflicts]
        assert len(fields) == len(set(fields)), (event.id, fields)
    biggest = max(disputed, key=lambda e: len(e.sources))
    assert len(biggest.sources) >= 10
    conflict = one(biggest.conflicts, "date")
    values = [r.value for r in conflict.readings]
    assert len(values) == len(set(values))
    kept = conflict.readings[0]
    assert kept.kept and kept.value == biggest.date.label
    # Every span (or reference row) of the evidence that gives the kept date is a source of the kept
    # reading, and no span gives two readings: the counts add up to the spans the readings name.
    giving = {
        f"{ev.span.document}:{ev.span.start}-{ev.span.end}" if ev.span is not None else str(ev.reference)
        for ev in biggest.date.evidence
        if (ev.span is not None or ev.reference is not None)
        and (ev.earliest, ev.latest) == (biggest.date.earliest, biggest.date.latest)
    }
    assert giving == set(kept.sources)
    spans = [s for r in conflict.readings for s in r.sources if s != "?"]
    assert len(spans) == len(set(spans))
    assert sum(r.count for r in conflict.readings) == len(spans) + sum(
        "?" in r.sources for r in conflict.readings
    )
    assert f"which {kept.count} sources" in conflict.note
    # The JSON says the same, with the count beside the sources, and reads back the same.
    data = json.loads(dump_fact_base(facts))
    event = next(e for e in data["events"] if e["id"] == biggest.id)
    readings = next(c for c in event["conflicts"] if c["field"] == "date")["readings"]
    assert [(r["value"], r["count"], r["kept"]) for r in readings] == [
        (r.value, r.count, r.kept) for r in conflict.readings
    ]
    assert all(r["count"] == len(r["sources"]) for r in readings)
    assert fact_base_to_dict(fact_base_from_dict(data))["events"] == data["events"]


def test_the_fact_base_json_grows_linearly_with_articles_retelling_the_same_events(tmp_path: Path) -> None:
    # Sizes, not times: 4 times the articles give at most 4.4 times the bytes. (Each conflict once
    # listed every source of the other reading again: 23% more bytes per article at 120 than at 30.)
    per_article = {n: len(dump_fact_base(corpus_facts(tmp_path, n)).encode("utf-8")) / n for n in (30, 120)}
    assert per_article[120] <= 1.1 * per_article[30], per_article


def test_the_facts_table_counts_the_sources_of_each_reading() -> None:
    from tipbrief.commands.facts import format_table
    from tipbrief.facts.model import DateInterval, Event, Reading

    readings = (
        Reading("21 November 2015", tuple(f"a{n:04d}:1-2" for n in range(1223)), kept=True),
        Reading("27 November 2015", tuple(f"b{n:02d}:1-2" for n in range(72))),
        *(Reading(f"2{n} November 2015", (f"c{n}:1-2",)) for n in range(2, 8)),
    )
    event = Event(
        "e",
        "Signing",
        "signature",
        DateInterval(DAY, DAY, "21 November 2015", "stated"),
        None,
        (),
        (),
        (),
        (Conflict("date", readings, "kept 21 November 2015"),),
    )
    (line,) = [x for x in format_table(FactBase((), (), (event,), ())).splitlines() if "⚠ date" in x]
    assert line == (
        "    ⚠ date: 21 November 2015 (1,223 sources) vs 27 November 2015 (72 sources) vs 22 November 2015 "
        "(1 source) vs 23 November 2015 (1 source) vs 24 November 2015 (1 source) and 3 more "
        "— kept 21 November 2015"
    )
