"""`tipbrief events`: ids, date labels and titles of the fact base's events, as a table and as JSON."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import tipbrief.build.factbase
from tipbrief.commands.events import events_to_json, format_events, format_table
from tipbrief.common.errors import Problem
from tipbrief.facts.factjson import fact_base_from_dict
from tipbrief.facts.model import FactBase

FIXTURES = Path(__file__).parent / "fixtures"
FACTS = fact_base_from_dict(json.loads((FIXTURES / "specs" / "events.json").read_text(encoding="utf-8")))
SEEDS = Path(__file__).parent.parent / "seeds"


def run(*args: str) -> Result:
    from tipbrief.cli import cli

    return CliRunner().invoke(cli, ["events", *args], catch_exceptions=False)


@pytest.fixture
def fixture_facts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Run in an empty project whose fact base is the fixture; record the seeds folder asked for."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "seeds").mkdir()
    asked: list[Path] = []

    def fake(seeds: Path, project: Path | None = None) -> FactBase:
        asked.append(seeds)
        return FACTS

    monkeypatch.setattr(tipbrief.build.factbase, "build_fact_base", fake)
    return asked


def test_table_lists_every_event_by_date_with_id_label_and_title() -> None:
    # Dates are padded to a column of at most 42 characters; longer ones push their id along.
    assert format_table(FACTS) == (
        "24 August 2011                              progress-report-2011\n"
        "    Publication of the Progress Report on Criminal Justice Responses to Trafficking in Persons"
        " in the ASEAN Region\n"
        "between September 2013 and November 2014 (inferred)  asean-us-seminar-2014\n"
        "    ASEAN–US seminar on trafficking in persons\n"
        "21 November 2015                            actip-adoption-2015\n"
        "    Adoption of the ASEAN Convention against Trafficking in Persons, Especially Women and Children"
        " (ACTIP)\n"
        "28 September 2016                           acwc-regional-review-2016\n"
        "    Launch of the ACWC Regional Review on Laws, Policies and Practices within ASEAN\n"
        "21–22 June 2018 (inferred)                  aichr-workshop-2018\n"
        "    AICHR Regional Workshop on Prevention Strategies to Combat Trafficking in Persons\n"
        "11 May 2023                                 labuan-bajo-declaration-2023\n"
        "    Declaration on combating trafficking in persons caused by the abuse of technology\n"
        "date unknown (no date: cannot bound a period)  somtc-undated-meeting\n"
        "    Meeting of the SOMTC working group on trafficking in persons\n"
        "\n"
        "7 events. Name an event in a spec by its id: period: {from: {event: ID}, to: {event: ID}}\n"
    )


def test_order_does_not_depend_on_the_fact_base_order() -> None:
    reversed_facts = FactBase(
        documents=FACTS.documents,
        dates=FACTS.dates,
        events=tuple(reversed(FACTS.events)),
        glossary=FACTS.glossary,
    )
    assert format_table(reversed_facts) == format_table(FACTS)
    assert events_to_json(reversed_facts) == events_to_json(FACTS)


def test_titles_with_control_characters_and_line_breaks_stay_on_one_line() -> None:
    event = FACTS.events[0]
    messy = type(event)(**{**{f: getattr(event, f) for f in event.__slots__}, "title": "A\nB\x1b[31m C"})
    assert format_events([messy]) == [
        "24 August 2011  progress-report-2011",
        "    A B\\x1b[31m C",
    ]


def test_empty_fact_base_says_to_use_dates() -> None:
    empty = FactBase(documents=(), dates=(), events=(), glossary=())
    assert format_table(empty) == (
        "The fact base has no events: period bounds must be dates (2015, 2015-11, 2015-11-21).\n"
    )
    assert json.loads(events_to_json(empty)) == {"events": []}


def test_json_has_one_object_per_event_by_date() -> None:
    rows = json.loads(events_to_json(FACTS))["events"]
    assert [r["id"] for r in rows] == [
        "progress-report-2011",
        "asean-us-seminar-2014",
        "actip-adoption-2015",
        "acwc-regional-review-2016",
        "aichr-workshop-2018",
        "labuan-bajo-declaration-2023",
        "somtc-undated-meeting",
    ]
    assert rows[1] == {
        "id": "asean-us-seminar-2014",
        "title": "ASEAN–US seminar on trafficking in persons",
        "kind": FACTS.events[1].kind,
        "label": "between September 2013 and November 2014",
        "earliest": "2013-09-01",
        "latest": "2014-11-30",
        "basis": "inferred",
    }
    assert rows[-1]["earliest"] is None and rows[-1]["latest"] is None


def test_cli_table_and_json(fixture_facts: list[Path]) -> None:
    table = run()
    assert (table.exit_code, table.stdout, table.stderr) == (0, format_table(FACTS), "")
    as_json = run("--format", "json", "--seeds", "seeds")
    assert (as_json.exit_code, as_json.stdout) == (0, events_to_json(FACTS))
    assert fixture_facts == [Path("seeds"), Path("seeds")]


def test_cli_prints_article_problems_as_warnings_on_stderr(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "seeds").mkdir()
    problem = Problem("seeds/x.txt", 1, 1, "not UTF-8; save the file as UTF-8")
    with_problem = FactBase(FACTS.documents, FACTS.dates, FACTS.events, FACTS.glossary, (problem,))
    monkeypatch.setattr(tipbrief.build.factbase, "build_fact_base", lambda seeds, project=None: with_problem)
    result = run()
    assert result.exit_code == 0
    assert result.stdout == format_table(FACTS)
    assert result.stderr == "warning: seeds/x.txt:1:1: not UTF-8; save the file as UTF-8\n"


def test_cli_missing_seeds_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("--seeds", "articles")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "articles:1:1: no such folder of articles; pass --seeds DIR\n"


def test_cli_on_the_real_articles_lists_every_event_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    facts = tipbrief.build.factbase.build_fact_base(Path("seeds"))
    assert facts.events, "the seed articles should give events"
    rows = json.loads(run("--format", "json").stdout)["events"]
    assert sorted(r["id"] for r in rows) == sorted(e.id for e in facts.events)
    table = run().stdout
    for event in facts.events:
        assert f"  {event.id}\n" in table
