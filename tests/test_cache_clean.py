"""`tipbrief clean`: removes what a build wrote and its cache, and nothing outside the output folder."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from tipbrief.cli import cli

ROOT = Path(__file__).resolve().parent.parent
MINISTERIAL = "briefs/actip-implementation-ministerial.yaml"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(ROOT / "briefs", tmp_path / "briefs")
    (tmp_path / "seeds").symlink_to(ROOT / "seeds")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stderr


def built(project: Path) -> Path:
    code, err = run("build", MINISTERIAL, "--format", "md", "--format", "json", "-q")
    assert code == 0, err
    assert (project / "build" / ".cache" / "tipbrief.sqlite").is_file()
    return project / "build"


def test_clean_removes_outputs_manifest_and_cache_then_the_empty_folder(project: Path) -> None:
    built(project)
    code, err = run("clean")
    assert (code, err) == (0, "removed 3 files and the cache from build/\n")
    assert not (project / "build").exists()


def test_clean_keeps_files_the_build_did_not_write(project: Path) -> None:
    out = built(project)
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    code, err = run("clean")
    assert (code, err) == (0, "removed 3 files and the cache from build/; kept 1 other file\n")
    assert sorted(p.name for p in out.iterdir()) == ["notes.txt"]


def test_clean_refuses_a_manifest_that_names_a_file_outside_and_deletes_nothing(project: Path) -> None:
    out = built(project)
    victim = project / "precious.txt"
    victim.write_text("keep me", encoding="utf-8")
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    manifest["outputs"].append({"path": "../precious.txt", "brief": "x", "bytes": 7, "sha256": ""})
    (out / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    before = sorted(p.name for p in out.iterdir())
    code, err = run("clean")
    assert code == 2
    assert err == (
        "build/manifest.json:1:1: lists '../precious.txt', which is outside build/; "
        "refusing to delete anything\n"
    )
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert sorted(p.name for p in out.iterdir()) == before


def test_clean_does_not_follow_a_cache_link_out_of_the_folder(project: Path) -> None:
    out = built(project)
    elsewhere = project / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "data").write_text("keep", encoding="utf-8")
    shutil.rmtree(out / ".cache")
    (out / ".cache").symlink_to(elsewhere, target_is_directory=True)
    code, err = run("clean")
    assert code == 2 and "is a link to somewhere else; refusing to delete through it" in err
    assert (elsewhere / "data").read_text(encoding="utf-8") == "keep"
    assert (out / "manifest.json").is_file()


def test_clean_with_nothing_built_says_so(project: Path) -> None:
    assert run("clean", "--out", "nowhere") == (0, "nothing to clean: nowhere/ does not exist\n")


def test_no_cache_builds_without_creating_a_cache(project: Path) -> None:
    code, err = run("build", MINISTERIAL, "--format", "md", "--no-cache", "-q")
    assert (code, err) == (0, "")
    assert (project / "build" / "actip-implementation-ministerial.md").is_file()
    assert not (project / "build" / ".cache").exists()
