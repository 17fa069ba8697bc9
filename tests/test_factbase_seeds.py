"""The fact base over the five seed articles: the events issue #2 names, each once, dated and sourced."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from tipbrief.build.factbase import build_fact_base
from tipbrief.facts.factjson import dump_fact_base, fact_base_from_dict, fact_base_to_dict
from tipbrief.facts.model import Event, FactBase

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="module")
def facts() -> FactBase:
    return build_fact_base(SEEDS)


def only(facts: FactBase, *words: str) -> Event:
    found = [e for e in facts.events if all(w.lower() in e.title.lower() for w in words)]
    assert len(found) == 1, [e.title for e in facts.events]
    return found[0]


def test_yangon_seminar_interval_comes_from_term_and_programme(facts: FactBase) -> None:
    e = only(facts, "seminar")
    assert e.title.startswith("First ASEAN–US seminar")
    assert e.place is not None and (e.place.name, e.place.country) == ("Yangon", "Myanmar")
    assert e.date.basis == "inferred"
    # CdeBaca left office on 10 November 2014; PROGRESS began on 3 September 2013.
    assert (e.date.earliest, e.date.latest) == (date(2013, 9, 3), date(2014, 11, 10))
    rules = {ev.rule for ev in e.date.evidence}
    assert {"office-term", "programme-period"} <= rules


def test_progress_report_year_from_meeting_series_and_place_conflict(facts: FactBase) -> None:
    e = only(facts, "Progress Report")
    assert (e.date.earliest, e.date.latest) == (date(2011, 8, 24), date(2011, 8, 24))
    assert e.place is not None and e.place.name == "Jakarta"
    assert {c.field for c in e.conflicts} >= {"place"}
    # One place conflict: the article's place (kept, as shown) against the meeting's row.
    (place,) = [c for c in e.conflicts if c.field == "place"]
    assert [(r.value, r.kept) for r in place.readings] == [("Jakarta", True), ("Singapore", False)]
    assert place.readings[1].sources[0].startswith("tipbrief/data/meetings.csv:")


def test_actip_signature_merges_sources_and_records_summit_conflict(facts: FactBase) -> None:
    e = only(facts, "Convention", "Trafficking")
    assert e.title.startswith("Signing of")
    assert e.place is not None and e.place.name == "Kuala Lumpur"
    assert e.date.earliest is not None and e.date.earliest.year == 2015 and e.date.earliest.month == 11
    assert {s.document[:3] for s in e.sources} == {"000", "004"}
    summit = [c for c in e.conflicts if c.field == "summit"]
    assert summit, e.conflicts
    values = " ".join(r.value for r in summit[0].readings)
    assert "27th" in values and "28th" in values


def test_acwc_launch_is_stated_by_dateline_and_today(facts: FactBase) -> None:
    e = only(facts, "Regional Review")
    assert (e.date.earliest, e.date.latest, e.date.basis) == (date(2016, 9, 28), date(2016, 9, 28), "stated")
    assert e.place is not None and e.place.name == "Jakarta"
    assert e.date.label == "28 September 2016"


def test_aichr_workshop_year_from_dateline(facts: FactBase) -> None:
    e = only(facts, "Workshop")
    assert (e.date.earliest, e.date.latest) == (date(2018, 6, 21), date(2018, 6, 22))
    assert e.date.label == "21–22 June 2018"
    assert e.place is not None and (e.place.name, e.place.country) == ("Hanoi", "Viet Nam")


def test_labuan_bajo_declaration_year_resolved_with_summit_conflict(facts: FactBase) -> None:
    e = only(facts, "Abuse of Technology")
    assert (e.date.earliest, e.date.latest) == (date(2023, 5, 11), date(2023, 5, 11))
    assert e.place is not None and e.place.name == "Labuan Bajo"
    conflict = next(c for c in e.conflicts if c.field == "summit")
    values = " ".join(r.value for r in conflict.readings)
    assert "32" in values and "42nd" in values


def test_every_quote_is_the_original_text(facts: FactBase) -> None:
    texts = {d.id: (SEEDS.parent / d.path).read_text(encoding="utf-8") for d in facts.documents}
    spans = [s for e in facts.events for s in e.sources]
    spans += [ev.span for e in facts.events for ev in e.date.evidence if ev.span]
    spans += [s for g in facts.glossary for s in g.sources]
    assert spans
    for s in spans:
        assert texts[s.document][s.start : s.end] == s.quote
    for m in facts.dates:
        assert texts[m.document][m.start : m.end] == m.text


@pytest.mark.parametrize("lookalike", ["Vision 2025", "2030 Agenda", "2012-2016", "27th", "Summit 32", "may"])
def test_no_lookalike_becomes_a_date(facts: FactBase, lookalike: str) -> None:
    assert all(lookalike not in m.text for m in facts.dates)


def test_repeated_body_gives_one_event_and_records_drops(facts: FactBase) -> None:
    doc = next(d for d in facts.documents if d.id.startswith("003"))
    assert sum(1 for x in doc.dropped if x.reason.startswith("repeats")) == 5
    assert sum(1 for e in facts.events if any(s.document == doc.id for s in e.sources)) == 1


def test_boilerplate_is_dropped_with_reasons(facts: FactBase) -> None:
    reasons = {x.reason for d in facts.documents for x in d.dropped}
    assert "agency sign-off" in reasons
    assert "navigation label" in reasons
    assert any("here" in r for r in reasons)


def test_glossary_from_definitions(facts: FactBase) -> None:
    glossary = {g.short: g.long for g in facts.glossary}
    assert glossary["TIP"] == "trafficking in persons"
    assert glossary["AICHR"] == "ASEAN Intergovernmental Commission on Human Rights"
    assert glossary["ACWC"].startswith("ASEAN Commission on the Promotion")


def test_ids_do_not_depend_on_file_order(tmp_path: Path, facts: FactBase) -> None:
    other = tmp_path / "seeds"
    other.mkdir()
    # Copy in reverse order so directory order differs; ids and output must not.
    for path in sorted(SEEDS.glob("*.txt"), reverse=True):
        shutil.copy(path, other / path.name)
    again = build_fact_base(other, project=ROOT)
    assert [e.id for e in again.events] == [e.id for e in facts.events]
    assert dump_fact_base(again) == dump_fact_base(facts)


def test_json_contract_round_trips(facts: FactBase) -> None:
    data = json.loads(dump_fact_base(facts))
    assert set(data) >= {"documents", "dates", "events", "glossary"}
    event = data["events"][0]
    assert set(event) >= {
        "id",
        "title",
        "kind",
        "date",
        "place",
        "actors",
        "instruments",
        "sources",
        "conflicts",
    }
    assert set(event["date"]) >= {"earliest", "latest", "label", "basis", "evidence"}
    assert fact_base_to_dict(fact_base_from_dict(data))["events"] == data["events"]
