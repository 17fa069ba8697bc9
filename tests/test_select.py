"""Selection: topic criteria, period bounds (dates and events), reasons, warnings and order."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path

import pytest

from tipbrief.briefs.select import Brief, normalise, select, sort_key, spell_out
from tipbrief.briefs.spec import load_spec, parse_spec
from tipbrief.common.errors import InputError
from tipbrief.facts.factjson import fact_base_from_dict
from tipbrief.facts.model import DateInterval, Event, FactBase, Place

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "facts-seeds.json"

SEMINAR = "2009-2014-yangon-asean-us-seminar-on-tip"
REPORT = "2011-08-24-jakarta-progress-report-criminal-justice-tip"
ACTIP = "2015-11-kuala-lumpur-actip-signature"
ACWC = "2016-09-28-jakarta-acwc-regional-review-launch"
HANOI = "2018-06-21-hanoi-aichr-workshop-prevention-strategies"
LABUAN_BAJO = "2023-05-11-labuan-bajo-declaration-tip-abuse-of-technology"


@pytest.fixture(scope="module")
def facts() -> FactBase:
    return fact_base_from_dict(json.loads(FIXTURE.read_text(encoding="utf-8")))


def spec_from(body: str, audience: str = "analyst") -> str:
    return (
        f"title: Test brief\naudience: {audience}\nauthor: Unit\nissued: 2024-03-01\n"
        "topic:\n  summary: A test.\n" + body
    )


def brief_of(facts: FactBase, body: str) -> Brief:
    return select(parse_spec(spec_from(body), "briefs/t.yaml", "t"), facts)


def ids(brief: Brief) -> list[str]:
    return [c.event.id for c in brief.events]


def test_the_example_chronology_lists_the_five_events_in_order_and_leaves_the_2011_report_out(
    facts: FactBase,
) -> None:
    spec = load_spec(ROOT / "briefs" / "asean-us-tip-chronology.yaml")
    brief = select(spec, facts)
    assert ids(brief) == [SEMINAR, ACTIP, ACWC, HANOI, LABUAN_BAJO]
    left_out = {x.event.id: x for x in brief.left_out}
    assert left_out[REPORT].ambiguous
    assert left_out[REPORT].reason == "before the period (from 30 November 2014 to 11 May 2023)"
    # The report may come after the seminar (whose date is uncertain): say so rather than drop it silently.
    assert brief.warnings == (
        "briefs/asean-us-tip-chronology.yaml:19:9: event 'Progress Report on Criminal Justice Responses to "
        "Trafficking in Persons made public' (24 August 2011) may come before or after 'First ASEAN–US "
        "seminar on trafficking in persons' (between May 2009 and November 2014); left out",
    )


def test_the_example_chronology_keeps_its_order_on_the_real_fact_base() -> None:
    from tipbrief.build.factbase import build_fact_base

    real = build_fact_base(ROOT / "seeds")
    brief = select(load_spec(ROOT / "briefs" / "asean-us-tip-chronology.yaml"), real)
    titles = [c.event.title.casefold() for c in brief.events]
    wanted = ["seminar", "convention", "regional review", "workshop", "declaration"]
    positions = [next(i for i, t in enumerate(titles) if w in t) for w in wanted]
    assert positions == list(range(len(wanted)))
    assert not any("progress report" in t for t in titles)


def test_an_adoption_is_not_chosen_for_a_term_in_its_neighbours_names() -> None:
    from tipbrief.build.factbase import build_fact_base

    real = build_fact_base(ROOT / "seeds")
    # The plans against violence were adopted in the same sentence as ACTIP: "trafficking" is
    # ACTIP's word, not theirs.
    brief = brief_of(real, "  include:\n    terms: [trafficking]\n")
    titles = [c.event.title for c in brief.events]
    assert any("Convention Against Trafficking" in t for t in titles)
    assert not any("Violence against" in t for t in titles)


def test_each_chosen_event_says_which_criteria_matched(facts: FactBase) -> None:
    brief = brief_of(facts, "  include:\n    terms: [AICHR]\n    places: [hanoi]\n")
    assert ids(brief) == [HANOI]
    assert [str(r) for r in brief.events[0].reasons] == ["term “AICHR” in title", "place “hanoi” in place"]


def test_terms_match_case_dash_and_quote_insensitively_but_only_whole_words(facts: FactBase) -> None:
    assert ids(brief_of(facts, "  include:\n    terms: [asean-us]\n")) == [SEMINAR]
    assert ids(brief_of(facts, '  include:\n    terms: ["leaders\' declaration"]\n')) == [LABUAN_BAJO]
    # "tip" occurs inside no word of any title, but "ti" would inside many: whole words only.
    assert ids(brief_of(facts, "  include:\n    terms: [ti]\n")) == []


def test_a_term_finds_an_event_through_the_glossary(facts: FactBase) -> None:
    brief = brief_of(
        facts, "  include:\n    terms: [ASEAN Treaty on Mutual Legal Assistance in Criminal Matters]\n"
    )
    assert ids(brief) == [LABUAN_BAJO]
    brief = brief_of(facts, "  include:\n    terms: [ACWC]\n")
    assert ACWC in ids(brief)


def test_every_non_empty_include_field_must_match_and_any_exclude_value_drops(facts: FactBase) -> None:
    both = brief_of(facts, "  include:\n    terms: [trafficking]\n    places: [Jakarta]\n")
    assert ids(both) == [REPORT, ACWC]
    dropped = brief_of(
        facts,
        "  include:\n    places: [Jakarta]\n  exclude:\n    kinds: [publication]\n    actors: [nobody]\n",
    )
    assert ids(dropped) == [ACWC]
    assert {x.event.id: x.reason for x in dropped.left_out}[REPORT] == "excluded: kind “publication” in kind"


def test_without_criteria_or_period_every_event_is_chosen_in_date_order(facts: FactBase) -> None:
    brief = brief_of(facts, "")
    assert ids(brief) == [e.id for e in sorted(facts.events, key=sort_key)]
    assert ids(brief) == [SEMINAR, REPORT, ACTIP, ACWC, HANOI, LABUAN_BAJO]
    assert all(str(c.reasons[0]) == "the topic sets no conditions" for c in brief.events)


def test_date_bounds_keep_events_fully_inside(facts: FactBase) -> None:
    brief = brief_of(facts, "period:\n  from: 2015-11\n  to: 2018-06-22\n")
    assert ids(brief) == [ACTIP, ACWC, HANOI]
    assert str(brief.events[0].reasons[-1]) == "within the period (from 1 November 2015 to 22 June 2018)"
    assert brief.warnings == ()


def test_an_event_straddling_a_bound_is_included_marked_uncertain_with_a_warning(facts: FactBase) -> None:
    brief = brief_of(facts, "period:\n  from: 2012\n  to: 2015-11-20\n")
    assert ids(brief) == [SEMINAR, ACTIP]
    assert [c.uncertain for c in brief.events] == [True, True]
    assert len(brief.warnings) == 2
    assert brief.warnings[0] == (
        "briefs/t.yaml:8:9: event 'First ASEAN–US seminar on trafficking in persons' (between May 2009 "
        "and November 2014) straddles a bound of the period (from 1 January 2012 to 20 November 2015); "
        "included and marked uncertain"
    )


def test_an_event_with_no_date_is_left_out_of_a_period_with_a_warning(facts: FactBase) -> None:
    undated = Event(
        "zz-undated",
        "Undated meeting on trafficking",
        "meeting",
        DateInterval(None, None, "date unknown", "inferred"),
        None,
        (),
        (),
        (),
    )
    more = dataclasses.replace(facts, events=(*facts.events, undated))
    brief = brief_of(more, "period:\n  from: 2015\n")
    assert "zz-undated" not in ids(brief)
    assert brief.warnings == (
        "briefs/t.yaml:8:9: event 'Undated meeting on trafficking' has no known date; left out of the period",
    )
    listed = brief_of(more, "")
    assert ids(listed)[-1] == "zz-undated"
    assert listed.warnings == (
        "briefs/t.yaml: event 'Undated meeting on trafficking' has no known date; listed last",
    )


def test_order_ties_break_on_latest_then_id() -> None:
    def ev(id_: str, lo: date, hi: date) -> Event:
        return Event(
            id_, id_, "meeting", DateInterval(lo, hi, "x", "stated"), Place("Hanoi", "Viet Nam"), (), (), ()
        )

    events = (
        ev("b", date(2020, 1, 1), date(2020, 1, 1)),
        ev("a", date(2020, 1, 1), date(2020, 1, 1)),
        ev("c", date(2020, 1, 1), date(2019, 12, 31)),
        ev("d", date(2019, 1, 1), date(2021, 1, 1)),
    )
    facts = FactBase((), (), events, ())
    assert ids(brief_of(facts, "")) == ["d", "c", "a", "b"]


def test_an_empty_period_is_an_input_error(facts: FactBase) -> None:
    with pytest.raises(InputError) as err:
        brief_of(facts, "period:\n  from: {event: the Labuan Bajo declaration}\n  to: 2020\n")
    assert err.value.problems == (
        "briefs/t.yaml:9:7: the period is empty: it starts on 11 May 2023 and ends on 31 December 2020; "
        "swap the bounds or widen them",
    )


def test_an_unknown_event_reference_is_an_input_error_at_its_place(facts: FactBase) -> None:
    with pytest.raises(InputError) as err:
        brief_of(facts, "period:\n  from: {event: the moon landing}\n")
    assert err.value.problems[0].startswith("briefs/t.yaml:8:9: ")


def test_select_is_pure(facts: FactBase) -> None:
    spec = load_spec(ROOT / "briefs" / "asean-us-tip-chronology.yaml")
    assert select(spec, facts) == select(spec, facts)


def test_glossary_and_documents_cover_what_the_brief_cites(facts: FactBase) -> None:
    brief = brief_of(facts, "  include:\n    places: [Hanoi]\n")
    assert [g.short for g in brief.glossary] == ["AICHR", "TIP"]
    assert [d.id for d in brief.documents] == ["002_3d44747cab342dcf"]


def test_normalise_and_spell_out(facts: FactBase) -> None:
    assert normalise("ASEAN–US  “Seminar”\n") == 'asean-us "seminar"'
    text = (
        "the ASEAN Convention against Trafficking in Persons, Especially Women and Children (ACTIP) and TIP"
    )
    assert spell_out(text, facts.glossary) == (
        "the ASEAN Convention against Trafficking in Persons, Especially Women and Children"
        " and trafficking in persons"
    )
    assert spell_out("TIPS and ACTIP-like", facts.glossary) == "TIPS and ACTIP-like"


def test_an_adoption_still_matches_its_own_later_sentences() -> None:
    from tipbrief.build.factbase import build_fact_base

    real = build_fact_base(ROOT / "seeds")
    # "Under the declaration, … such as the ACTIP" is about the Labuan Bajo declaration alone.
    brief = brief_of(real, "  include:\n    terms: [ACTIP]\n")
    assert any("Abuse of Technology" in c.event.title for c in brief.events)
    assert not any("Violence against" in c.event.title for c in brief.events)
