"""The CI workflow that builds every brief, shell completion, and the README section that documents them."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from tipbrief.cli import COMMANDS

ROOT = Path(__file__).parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "briefs.yml"


def workflow() -> dict[Any, Any]:
    loaded: dict[Any, Any] = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return loaded


def steps() -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = workflow()["jobs"]["build"]["steps"]
    return found


def test_workflow_installs_builds_strictly_and_uploads_pdfs_and_manifest() -> None:
    runs = [s.get("run", "") for s in steps()]
    install = next(i for i, r in enumerate(runs) if "pip install ." in r)
    build = next(i for i, r in enumerate(runs) if r.strip() == "tipbrief build --strict")
    upload = next(
        i for i, s in enumerate(steps()) if s.get("uses", "").startswith("actions/upload-artifact@")
    )
    assert install < build < upload
    artifact = steps()[upload]["with"]
    assert artifact["path"].split() == ["build/*.pdf", "build/manifest.json"]
    assert artifact["if-no-files-found"] == "error"
    # PyYAML reads the key `on` as True.
    assert set(workflow()[True]) >= {"push", "pull_request"}
    assert workflow()["permissions"] == {"contents": "read"}


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
