"""Editors' overrides and a project's own reference rows: reviewable files that change the fact base."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from tipbrief.build.factbase import build_fact_base
from tipbrief.common.errors import InputError
from tipbrief.facts.overrides import parse_overrides

ROOT = Path(__file__).resolve().parent.parent
SEMINAR = "first-asean-us-seminar-on-trafficking-in-persons"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    return tmp_path


def test_seminar_id_reads_well() -> None:
    assert SEMINAR in {e.id for e in build_fact_base(ROOT / "seeds").events}


def test_an_override_pins_a_date_and_shows_as_override(project: Path) -> None:
    (project / "overrides.yaml").write_text(
        f"- event: {SEMINAR}\n  date: 2014-06\n  note: Confirmed with the organisers.\n"
        "  source: https://example.org/confirmation\n",
        encoding="utf-8",
    )
    event = next(e for e in build_fact_base(project / "seeds").events if e.id == SEMINAR)
    assert (event.date.earliest, event.date.latest, event.date.label) == (
        date(2014, 6, 1),
        date(2014, 6, 30),
        "June 2014",
    )
    assert event.date.override
    first = event.date.evidence[0]
    assert (first.rule, first.note, first.url) == (
        "override",
        "Confirmed with the organisers.",
        "https://example.org/confirmation",
    )
    assert first.reference is not None and first.reference.endswith("overrides.yaml:1")


def test_an_override_of_an_unknown_event_suggests_the_id(project: Path) -> None:
    (project / "overrides.yaml").write_text(
        "- event: first-asean-us-seminar\n  date: 2014\n", encoding="utf-8"
    )
    with pytest.raises(InputError) as err:
        build_fact_base(project / "seeds")
    (line,) = err.value.problems
    assert line.endswith(
        "overrides.yaml:1:3: override names unknown event 'first-asean-us-seminar'; "
        f"did you mean '{SEMINAR}'?"
    )


def test_override_file_problems_are_all_reported_with_places() -> None:
    text = "- event: x\n  dat: 2014\n- event: y\n  date: 2014-13\n- just a string\n"
    with pytest.raises(InputError) as err:
        parse_overrides(text, "overrides.yaml")
    assert err.value.problems == (
        "overrides.yaml:2:3: unknown key 'dat'; did you mean 'date'?",
        "overrides.yaml:3:3: 'date' is not a date; use YYYY, YYYY-MM or YYYY-MM-DD",
        "overrides.yaml:5:3: each override must be a mapping with an 'event' key",
    )


def test_a_project_reference_row_changes_the_resolution(project: Path) -> None:
    """A project that knows the 11th SOMTC met in Jakarta in August 2011 adds the row; the conflict goes."""
    before = next(e for e in build_fact_base(project / "seeds").events if "Progress Report" in e.title)
    assert any(c.field == "meeting" for c in before.conflicts)
    (project / "reference").mkdir()
    (project / "reference" / "meetings.csv").write_text(
        "series,number,start,end,city,country,source\n"
        "SOMTC,11,2011-08-22,2011-08-26,Jakarta,Indonesia,https://example.org/somtc-11\n",
        encoding="utf-8",
    )
    after = next(e for e in build_fact_base(project / "seeds").events if "Progress Report" in e.title)
    assert (after.date.earliest, after.date.latest) == (date(2011, 8, 24), date(2011, 8, 24))
    assert any(ev.url == "https://example.org/somtc-11" for ev in after.date.evidence)


def test_a_reference_row_without_a_source_is_refused(project: Path) -> None:
    (project / "reference").mkdir()
    (project / "reference" / "summits.csv").write_text(
        "number,start,end,city,country,source\n99,2030-01-01,2030-01-02,Hanoi,Viet Nam,\n", encoding="utf-8"
    )
    with pytest.raises(InputError) as err:
        build_fact_base(project / "seeds")
    assert err.value.problems[0].endswith(
        "summits.csv:2:1: reference row has no public source URL; add one in the 'source' column"
    )
