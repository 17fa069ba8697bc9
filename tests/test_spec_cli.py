"""`tipbrief validate` and `tipbrief schema`: exact output and exit codes."""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tipbrief.briefs.spec_schema import schema_text
from tipbrief.commands import validate as validate_command
from tipbrief.common.errors import InputError
from tipbrief.facts.factjson import fact_base_from_dict
from tipbrief.facts.model import FactBase

SPECS = Path(__file__).parent / "fixtures" / "specs"
FACTS = fact_base_from_dict(json.loads((SPECS / "events.json").read_text(encoding="utf-8")))

CHRONOLOGY = """\
title: ASEAN and the United States against trafficking in persons
author: Regional Affairs Desk
audience: analyst
topic:
  summary: From the first joint seminar to the Labuan Bajo declaration.
period:
  from: {event: "the first ASEAN–US seminar on trafficking in persons"}
  to: {event: "the Labuan Bajo declaration"}
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    (tmp_path / "briefs").mkdir()
    (tmp_path / "seeds").mkdir()
    yield tmp_path


def add_spec(name: str, fixture: str | None = None, text: str | None = None) -> None:
    target = Path("briefs") / f"{name}.yaml"
    if text is not None:
        target.write_text(text, encoding="utf-8")
    else:
        shutil.copyfile(SPECS / f"{fixture or name}.yaml", target)


class FakeFactBase:
    """Stands in for build_fact_base and counts how often it is called."""

    def __init__(self, result: FactBase | Exception) -> None:
        self.result = result
        self.calls = 0

    def __call__(self, seeds: Path) -> FactBase:
        self.calls += 1
        if isinstance(self.result, Exception):
            raise self.result
        return self.result


def use_fact_base(monkeypatch: pytest.MonkeyPatch, result: FactBase | Exception) -> FakeFactBase:
    fake = FakeFactBase(result)
    monkeypatch.setattr(validate_command, "_build_fact_base", fake)
    return fake


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    from tipbrief.cli import cli

    return CliRunner().invoke(cli, list(args), catch_exceptions=False, env=env)


def test_validate_reports_every_problem_of_every_spec(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = use_fact_base(monkeypatch, NotImplementedError())
    add_spec("typo-key")
    add_spec("bad-audience")
    add_spec("ok", "valid-minimal")
    result = run("validate")
    assert result.stdout == (
        "briefs/bad-audience.yaml:3:11: unknown audience 'analist'; did you mean 'analyst'?\n"
        "briefs/typo-key.yaml:1:1: unknown key 'titel'; did you mean 'title'?\n"
        "3 specs checked: 2 errors, 0 warnings\n"
    )
    assert result.exit_code == 2
    assert fake.calls == 0, "no spec names an event, so the fact base is never built"


def test_validate_valid_spec_exits_0(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use_fact_base(monkeypatch, NotImplementedError())
    add_spec("ok", "valid-minimal")
    add_spec("typo-key")
    result = run("validate", "briefs/ok.yaml")
    assert (result.stdout, result.exit_code) == ("1 spec checked: no problems\n", 0)


def test_validate_json_report(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use_fact_base(monkeypatch, NotImplementedError())
    add_spec("impossible-date")
    add_spec("ok", "valid-minimal")
    result = run("validate", "--format", "json")
    assert json.loads(result.stdout) == {
        "files": [
            {
                "path": "briefs/impossible-date.yaml",
                "ok": False,
                "problems": [
                    {
                        "line": 4,
                        "col": 9,
                        "message": "issued '2023-02-30' is not a real date: February 2023 has 28 days; "
                        "correct the day",
                        "severity": "error",
                    },
                    {
                        "line": 8,
                        "col": 9,
                        "message": "period.from '2015-13' is not a real date: there is no month 13; "
                        "correct the month",
                        "severity": "error",
                    },
                ],
            },
            {"path": "briefs/ok.yaml", "ok": True, "problems": []},
        ]
    }
    assert result.exit_code == 2


def test_event_references_are_a_warning_until_the_fact_base_exists(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = use_fact_base(monkeypatch, NotImplementedError("fact base: in progress"))
    add_spec("chronology", text=CHRONOLOGY)
    add_spec("full", "valid-full")
    result = run("validate")
    reason = "not checked: the fact base cannot be built yet; it will be checked once it can"
    assert result.stdout == (
        f"briefs/chronology.yaml:7:9: warning: event reference "
        f"'the first ASEAN–US seminar on trafficking in persons' {reason}\n"
        f"briefs/chronology.yaml:8:7: warning: event reference 'the Labuan Bajo declaration' {reason}\n"
        f"briefs/full.yaml:25:7: warning: event reference 'the Labuan Bajo declaration' {reason}\n"
        "2 specs checked: 0 errors, 3 warnings\n"
    )
    assert result.exit_code == 0
    assert fake.calls == 1


def test_warnings_in_the_json_report(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use_fact_base(monkeypatch, NotImplementedError())
    add_spec("full", "valid-full")
    result = run("validate", "--format", "json")
    assert json.loads(result.stdout)["files"] == [
        {
            "path": "briefs/full.yaml",
            "ok": True,
            "problems": [
                {
                    "line": 25,
                    "col": 7,
                    "message": "event reference 'the Labuan Bajo declaration' not checked: "
                    "the fact base cannot be built yet; it will be checked once it can",
                    "severity": "warning",
                }
            ],
        }
    ]
    assert result.exit_code == 0


def test_event_references_are_checked_against_the_fact_base(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = use_fact_base(monkeypatch, FACTS)
    add_spec("chronology", text=CHRONOLOGY)
    add_spec("vague", text=CHRONOLOGY.replace("the Labuan Bajo declaration", "the Jakarta publication"))
    result = run("validate")
    assert result.stdout == (
        "briefs/vague.yaml:8:7: event 'the Jakarta publication' matches 2 events: "
        "acwc-regional-review-2016, progress-report-2011; use an id\n"
        "2 specs checked: 1 error, 0 warnings\n"
    )
    assert result.exit_code == 2
    assert fake.calls == 1, "the fact base is built once for all specs"


def test_a_fact_base_that_fails_is_an_error_on_each_reference(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_fact_base(monkeypatch, InputError(["seeds/a.txt:1:1: not UTF-8", "seeds/b.txt:1:1: empty"]))
    add_spec("full", "valid-full")
    result = run("validate")
    assert result.stdout == (
        "briefs/full.yaml:25:7: event reference 'the Labuan Bajo declaration' not checked: the fact base "
        "from 'seeds' failed to build (seeds/a.txt:1:1: not UTF-8); fix that first\n"
        "1 spec checked: 1 error, 0 warnings\n"
    )
    assert result.exit_code == 2


def test_missing_seeds_folder_is_reported(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = use_fact_base(monkeypatch, FACTS)
    add_spec("full", "valid-full")
    result = run("validate", "--seeds", "articles")
    assert result.stdout == (
        "briefs/full.yaml:25:7: event reference 'the Labuan Bajo declaration' not checked: there is no "
        "folder 'articles' to build the fact base from; pass --seeds DIR\n"
        "1 spec checked: 1 error, 0 warnings\n"
    )
    assert (result.exit_code, fake.calls) == (2, 0)


def test_validate_without_specs(project: Path) -> None:
    result = run("validate")
    assert (result.stdout, result.exit_code) == ("", 2)
    assert (
        result.stderr == "briefs/: no brief specs (*.yaml) found; pass spec files or add briefs/NAME.yaml\n"
    )


def test_validate_missing_file(project: Path) -> None:
    result = run("validate", "briefs/nope.yaml")
    assert result.stdout == (
        "briefs/nope.yaml:1:1: cannot read the file: No such file or directory; "
        "check the path and permissions\n"
        "1 spec checked: 1 error, 0 warnings\n"
    )
    assert result.exit_code == 2


def test_validate_reads_source_date_epoch(project: Path) -> None:
    add_spec("ok", "valid-minimal")
    result = run("validate", env={"SOURCE_DATE_EPOCH": "soon"})
    assert result.stdout == (
        "briefs/ok.yaml:1:1: the spec has no 'issued' date and SOURCE_DATE_EPOCH 'soon' is not a date "
        "(a whole number of seconds since 1970-01-01 UTC); set issued: YYYY-MM-DD or fix SOURCE_DATE_EPOCH\n"
        "1 spec checked: 1 error, 0 warnings\n"
    )
    assert result.exit_code == 2


@pytest.mark.timeout(10)
def test_yaml_bomb_is_refused_fast(project: Path) -> None:
    add_spec("yaml-bomb")
    started = time.perf_counter()
    result = run("validate", "briefs/yaml-bomb.yaml")
    assert time.perf_counter() - started < 2
    assert result.exit_code == 2
    assert (
        "briefs/yaml-bomb.yaml:8:10: YAML alias '*a' is not allowed here (and 71 more aliases)"
        in result.stdout
    )


def test_schema_writes_the_default_file(project: Path) -> None:
    result = run("schema")
    assert (result.stdout, result.exit_code) == ("wrote brief-spec.schema.json\n", 0)
    assert Path("brief-spec.schema.json").read_text(encoding="utf-8") == schema_text()


def test_schema_out_path_and_stdout(project: Path) -> None:
    result = run("schema", "--out", "briefs/schema.json")
    assert (result.stdout, result.exit_code) == ("wrote briefs/schema.json\n", 0)
    assert Path("briefs/schema.json").read_bytes() == schema_text().encode("utf-8")
    assert run("schema", "--out", "-").stdout == schema_text()


def test_schema_into_a_missing_folder_fails_cleanly(project: Path) -> None:
    result = run("schema", "--out", "nowhere/schema.json")
    assert result.exit_code == 1
    assert result.stderr == "nowhere/schema.json: cannot write the schema: No such file or directory\n"


@pytest.mark.parametrize("command", ["validate", "schema"])
def test_help_ends_with_an_example(command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0
    assert f"Example: tipbrief {command}" in result.stdout
