"""Every command has help that ends with an example, and `facts` prints what it promises."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tipbrief import __version__
from tipbrief.cli import COMMANDS, cli

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = CliRunner().invoke(cli, [command, "--help"], catch_exceptions=False)
    assert result.exit_code == 0
    assert f"Example: tipbrief {command}" in result.output


def test_version() -> None:
    result = CliRunner().invoke(cli, ["--version"])
    assert result.output == f"tipbrief, version {__version__}\n"


def test_facts_table_marks_conflicts_and_inferred_dates(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(cli, ["facts"], catch_exceptions=False)
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert any(
        line.startswith("⚠ 11 May 2023 (inferred) | Adoption of the ASEAN Leaders' Declaration")
        for line in lines
    )
    assert any(line.startswith("  28 September 2016 | Launch of the Regional Review") for line in lines)


def test_facts_json_is_the_contract(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(cli, ["facts", "--format", "json"], catch_exceptions=False)
    data = json.loads(result.output)
    assert {"documents", "dates", "events", "glossary", "mentions"} <= set(data)


def test_facts_on_a_missing_folder_is_a_located_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["facts", "--seeds", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert result.output == f"{tmp_path / 'nope'}:1:1: no such folder of articles; pass --seeds DIR\n"
