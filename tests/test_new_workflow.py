"""The CI workflow that builds every brief, shell completion, and the README section that documents them."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import yaml

from tipbrief.build.briefs import build_briefs
from tipbrief.cli import COMMANDS
from tipbrief.facts.model import FactBase

ROOT = Path(__file__).parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "briefs.yml"


def workflow() -> dict[Any, Any]:
    loaded: dict[Any, Any] = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return loaded


def steps() -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = workflow()["jobs"]["build"]["steps"]
    return found


def step(name: str) -> dict[str, Any]:
    return next(s for s in steps() if s.get("name") == name)


FETCH = "Fetch the previous briefs"
BUILD = "Build every brief (warnings fail the build)"
SUMMARY = "Say what changed"


def test_workflow_installs_fetches_builds_strictly_says_what_changed_and_uploads() -> None:
    names = [s.get("name", s.get("uses", "")) for s in steps()]
    install = next(i for i, s in enumerate(steps()) if "pip install ." in s.get("run", ""))
    upload = next(i for i, n in enumerate(names) if n.startswith("actions/upload-artifact@"))
    assert install < names.index(FETCH) < names.index(BUILD) < names.index(SUMMARY) < upload
    artifact = steps()[upload]["with"]
    # The brief JSON (manifest.json among it) is what the next run compares with.
    assert artifact["path"].split() == ["build/*.pdf", "build/*.json"]
    assert artifact["name"] == "briefs" and artifact["if-no-files-found"] == "error"
    assert "--name briefs" in step(FETCH)["run"]
    assert step(FETCH)["env"]["GH_TOKEN"] == "${{ github.token }}"
    assert step(SUMMARY)["shell"] == "bash"
    # PyYAML reads the key `on` as True.
    assert set(workflow()[True]) >= {"push", "pull_request"}
    assert workflow()["permissions"] == {"contents": "read", "actions": "read"}


FAKE_GH = """#!/bin/sh
# Stands in for the GitHub CLI: answers `gh run list` and `gh run download` as the test wishes.
echo "gh $*" >> "$GH_LOG"
case "$2" in
  list) printf '%s' "$RUN_ID" ;;
  download)
    [ "$DOWNLOAD" = ok ] || { echo "no artifact named briefs" >&2; exit 1; }
    mkdir -p previous && printf '{}' > previous/brief.json ;;
esac
"""


def run_step(name: str, folder: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Run one step's script as GitHub does (bash -e, or bash with pipefail where it says so), with
    the fake gh and this Python's tipbrief first on PATH."""
    found = step(name)
    shell = (
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c"]
        if found.get("shell")
        else ["bash", "-e", "-c"]
    )
    fake = folder / "fake-bin"
    fake.mkdir(exist_ok=True)
    (fake / "gh").write_text(FAKE_GH, encoding="utf-8")
    (fake / "gh").chmod(0o755)
    path = os.pathsep.join([str(fake), str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    variables = {**os.environ, "PATH": path, "GH_LOG": str(folder / "gh.log"), "GITHUB_REPOSITORY": "o/r"}
    variables.update({k: v for k, v in found.get("env", {}).items() if "${{" not in v})
    variables.update(BRANCH="main", GH_TOKEN="t", **env)
    return subprocess.run(
        [*shell, found["run"]], cwd=folder, env=variables, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize(
    ("run_id", "download", "fetched"),
    [("", "ok", False), ("4711", "ok", True), ("4711", "expired", False)],
    ids=["first run", "previous run", "artifact expired"],
)
def test_the_fetch_step_tolerates_a_missing_artifact(
    tmp_path: Path, run_id: str, download: str, fetched: bool
) -> None:
    done = run_step(FETCH, tmp_path, RUN_ID=run_id, DOWNLOAD=download)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "previous").is_dir() is fetched
    expected = f"earlier edition: the briefs of run {run_id}" if fetched else "no earlier edition"
    assert done.stdout.splitlines()[-1].startswith(expected)
    calls = (tmp_path / "gh.log").read_text(encoding="utf-8").splitlines()
    assert calls[0].startswith("gh run list --repo o/r --workflow briefs.yml --branch main --status success")
    if run_id:
        assert calls[1] == f"gh run download {run_id} --repo o/r --name briefs --dir previous"


def test_the_build_step_builds_since_the_previous_briefs_when_there_are_some() -> None:
    script = step(BUILD)["run"]
    assert "tipbrief build --strict --since previous" in script
    assert re.search(r"else\n\s*tipbrief build --strict\n", script)


def test_the_summary_step_writes_each_briefs_changes_and_fails_only_on_bad_input(
    tmp_path: Path, facts: FactBase
) -> None:
    spec = ROOT / "briefs" / "asean-us-tip-chronology.yaml"
    newcomer = tmp_path / "newcomer.yaml"
    newcomer.write_text(spec.read_text(encoding="utf-8"), encoding="utf-8")
    build_briefs([spec, newcomer], ROOT / "seeds", tmp_path / "previous", ("json",), facts=facts)
    (tmp_path / "previous" / "newcomer.json").unlink()  # a brief the previous run did not have
    fewer = replace(facts, events=tuple(e for e in facts.events if not e.id.startswith("2016-09-28")))
    build_briefs([spec, newcomer], ROOT / "seeds", tmp_path / "build", ("json",), facts=fewer)
    summary = tmp_path / "summary.md"
    done = run_step(SUMMARY, tmp_path, GITHUB_STEP_SUMMARY=str(summary))
    assert done.returncode == 0, done.stderr
    text = summary.read_text(encoding="utf-8")
    assert text == done.stdout  # the job's log shows what the summary shows
    lines = text.splitlines()
    assert lines[:5] == [
        "## What changed in the briefs",
        "",
        "### asean-us-tip-chronology",
        "",
        "<pre>",
    ]
    assert lines[5] == "asean-us-tip-chronology: 1 change since 1 March 2024"
    assert lines[6].startswith("- removed: ACWC launches the Regional Review on Laws, Policies and Practices")
    assert lines[6].endswith("[2016-09-28-jakarta-acwc-regional-review-launch]: no longer in the fact base")
    assert lines[-4:] == ["", "### newcomer", "", "A first edition: there is no earlier one to compare with."]
    # A broken earlier edition fails the step.
    (tmp_path / "previous" / "asean-us-tip-chronology.json").write_text("{", encoding="utf-8")
    assert run_step(SUMMARY, tmp_path, GITHUB_STEP_SUMMARY=str(summary)).returncode == 2


def test_workflow_python_is_one_tipbrief_supports() -> None:
    setup = next(s for s in steps() if s.get("uses", "").startswith("actions/setup-python@"))
    version = tuple(int(p) for p in setup["with"]["python-version"].split("."))
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    minimum = re.search(r'requires-python = ">=([0-9]+)\.([0-9]+)"', pyproject)
    assert minimum is not None
    assert version >= (int(minimum.group(1)), int(minimum.group(2)))


def test_workflow_turns_validate_problems_into_annotations(tmp_path: Path) -> None:
    check = next(s for s in steps() if s.get("name") == "Check the specs")
    (tmp_path / "briefs").mkdir()
    (tmp_path / "briefs" / "bad.yaml").write_text(
        "title: A 100% brief\nauthor: Desk\naudiense: public\ntopic: {summary: x}\n", encoding="utf-8"
    )
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    result = subprocess.run(
        ["bash", "-e", "-c", check["run"]], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 2, result.stderr
    assert result.stdout.splitlines() == [
        "::error file=briefs/bad.yaml,line=3,col=1::unknown key 'audiense'; did you mean 'audience'?",
    ]


def test_shell_completion_knows_the_commands_and_their_choices() -> None:
    tipbrief = [sys.executable, "-m", "tipbrief"]

    def complete(words: str, cword: int) -> list[str]:
        env = {
            **os.environ,
            "COMP_WORDS": words,
            "COMP_CWORD": str(cword),
            "_TIPBRIEF_COMPLETE": "bash_complete",
        }
        # `python -m tipbrief` is named __main__.py to click; the completion variable follows prog_name.
        out = subprocess.run(tipbrief, env=env, capture_output=True, text=True, timeout=60)
        return out.stdout.splitlines()

    assert "plain,preview" in complete("tipbrief pre", 1)
    assert complete("tipbrief new x --audience ", 4) == ["plain,ministerial", "plain,analyst", "plain,public"]
    script = subprocess.run(
        tipbrief,
        env={**os.environ, "_TIPBRIEF_COMPLETE": "bash_source"},
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    assert "_tipbrief_completion()" in script


def test_the_readme_documents_the_editing_commands_that_exist() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Editing briefs\n", 1)[1].split("\n## ", 1)[0]
    used = set(re.findall(r"(?:`|^|\$ )tipbrief ([a-z]+)", section, flags=re.MULTILINE))
    assert used >= {"new", "events", "validate", "preview", "schema", "build"}
    assert used <= set(COMMANDS), used - set(COMMANDS)
    assert ".github/workflows/briefs.yml" in section
    assert "_TIPBRIEF_COMPLETE=bash_source tipbrief" in section
