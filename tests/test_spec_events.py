"""Event references in a spec's period, resolved against a small fixture fact base."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tipbrief.briefs.spec import check_event_refs, event_refs, parse_spec, resolve_event_ref
from tipbrief.common.errors import InputError, Location, Problem
from tipbrief.facts.factjson import fact_base_from_dict
from tipbrief.facts.model import Event

EVENTS: tuple[Event, ...] = fact_base_from_dict(
    json.loads((Path(__file__).parent / "fixtures" / "specs" / "events.json").read_text(encoding="utf-8"))
).events
WHERE = Location("briefs/b.yaml", 8, 9)


@pytest.mark.parametrize(
    ("text", "event_id"),
    [
        ("asean-us-seminar-2014", "asean-us-seminar-2014"),
        ("  ASEAN-US-Seminar-2014 ", "asean-us-seminar-2014"),
        ("the first ASEAN–US seminar on trafficking in persons", "asean-us-seminar-2014"),
        ("the first ASEAN-US seminar on trafficking in persons", "asean-us-seminar-2014"),
        ("the first ASEAN — US Seminar on Trafficking in Persons", "asean-us-seminar-2014"),
        ("the Labuan Bajo declaration", "labuan-bajo-declaration-2023"),
        ("the declaration adopted in Indonesia", "labuan-bajo-declaration-2023"),
        ("the adoption of the ACTIP", "actip-adoption-2015"),
        ("the November 2015 adoption", "actip-adoption-2015"),
        ("the ACWC Regional Review launch", "acwc-regional-review-2016"),
        ("the AICHR workshop", "aichr-workshop-2018"),
        ("the workshop in Hanoi", "aichr-workshop-2018"),
        ("the 2011 Progress Report", "progress-report-2011"),
        ("the Progress Reports", "progress-report-2011"),
    ],
)
def test_reference_resolves_to_one_event(text: str, event_id: str) -> None:
    assert resolve_event_ref(text, WHERE, EVENTS).id == event_id


def test_resolution_does_not_depend_on_the_order_of_events() -> None:
    for text in ("the Labuan Bajo declaration", "the first ASEAN–US seminar on trafficking in persons"):
        assert resolve_event_ref(text, WHERE, EVENTS) == resolve_event_ref(text, WHERE, EVENTS[::-1])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "the Jakarta publication",
            "event 'the Jakarta publication' matches 2 events: acwc-regional-review-2016, "
            "progress-report-2011; use an id",
        ),
        (
            "trafficking in persons",
            "event 'trafficking in persons' matches 6 events: actip-adoption-2015, aichr-workshop-2018, "
            "asean-us-seminar-2014, labuan-bajo-declaration-2023, progress-report-2011, "
            "somtc-undated-meeting; use an id",
        ),
        (
            # Half the words point at the workshop and half at the seminar: neither is clearly meant.
            "the Hanoi seminar",
            "event 'the Hanoi seminar' matches no event; did you mean 'aichr-workshop-2018' "
            "(AICHR Regional Workshop on Prevention Strategies to Combat Trafficking in Persons)?",
        ),
        (
            "the Bali summit",
            "event 'the Bali summit' matches no event; did you mean 'asean-us-seminar-2014' "
            "(ASEAN–US seminar on trafficking in persons)?",
        ),
    ],
)
def test_unclear_reference_is_reported_with_what_to_do(text: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        resolve_event_ref(text, WHERE, EVENTS)
    assert caught.value.problems == (f"briefs/b.yaml:8:9: {message}",)


def test_reference_against_an_empty_fact_base() -> None:
    with pytest.raises(InputError) as caught:
        resolve_event_ref("the Labuan Bajo declaration", WHERE, ())
    assert caught.value.problems == (
        "briefs/b.yaml:8:9: event 'the Labuan Bajo declaration' matches no event: the fact base has none; "
        "use a date instead",
    )


SPEC = """\
title: Trafficking in persons in ASEAN
author: Regional Affairs Desk
audience: analyst
topic:
  summary: What ASEAN does against trafficking in persons.
period:
  from: {from_}
  to: {to}
"""


def spec_with(from_: str, to: str) -> str:
    return SPEC.format(from_=from_, to=to)


def test_event_refs_lists_only_the_bounds_that_name_events() -> None:
    spec = parse_spec(spec_with("2012", "{event: the Labuan Bajo declaration}"), "b.yaml", "b")
    assert [b.event for b in event_refs(spec)] == ["the Labuan Bajo declaration"]
    assert event_refs(parse_spec(spec_with("2012", "2013"), "b.yaml", "b")) == ()


def test_check_event_refs_accepts_the_chronology_period() -> None:
    text = spec_with(
        "{event: the first ASEAN–US seminar on trafficking in persons}",
        "{event: the Labuan Bajo declaration}",
    )
    assert check_event_refs(parse_spec(text, "b.yaml", "b"), EVENTS) == ()


def test_check_event_refs_reports_every_reference_and_a_reversed_period() -> None:
    spec = parse_spec(
        spec_with("{event: the Bali summit}", "{event: the Jakarta publication}"), "b.yaml", "b"
    )
    assert [str(p) for p in check_event_refs(spec, EVENTS)] == [
        "b.yaml:7:9: event 'the Bali summit' matches no event; did you mean 'asean-us-seminar-2014' "
        "(ASEAN–US seminar on trafficking in persons)?",
        "b.yaml:8:7: event 'the Jakarta publication' matches 2 events: acwc-regional-review-2016, "
        "progress-report-2011; use an id",
    ]
    spec = parse_spec(spec_with("{event: the Labuan Bajo declaration}", "2015"), "b.yaml", "b")
    assert check_event_refs(spec, EVENTS) == (
        Problem("b.yaml", 7, 9, "period.from (2023-05-11) is after period.to (2015-12-31); swap them"),
    )


def test_check_event_refs_needs_a_dated_event() -> None:
    spec = parse_spec(spec_with("{event: the SOMTC working group meeting}", "2020"), "b.yaml", "b")
    assert [str(p) for p in check_event_refs(spec, EVENTS)] == [
        "b.yaml:7:9: event 'the SOMTC working group meeting' resolves to 'somtc-undated-meeting', "
        "whose date is not known well enough to bound the period; give a date instead"
    ]
