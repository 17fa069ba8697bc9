"""`--jobs N`: PDFs printed in worker processes give the same bytes, manifest included, as one process."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from tipbrief.build.briefs import build_briefs
from tipbrief.cli import cli

ROOT = Path(__file__).resolve().parent.parent
BRIEFS = sorted((ROOT / "briefs").glob("*.yaml"))


def files(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()}


def test_one_and_two_jobs_write_the_same_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    results = {}
    for jobs in (1, 2):
        results[jobs] = build_briefs(
            BRIEFS, ROOT / "seeds", tmp_path / f"out{jobs}", ("pdf", "json"), project=ROOT, jobs=jobs
        )
    one, two = files(tmp_path / "out1"), files(tmp_path / "out2")
    expected = {f"{p.stem}.{ext}" for p in BRIEFS for ext in ("pdf", "json")} | {"manifest.json"}
    assert set(one) == expected
    assert one == two
    assert [o.name for o in results[1].outputs] == [o.name for o in results[2].outputs]
    assert results[1].warnings == results[2].warnings


def test_jobs_must_be_at_least_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(ROOT / "briefs", tmp_path / "briefs")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["build", "--jobs", "0"], catch_exceptions=False)
    assert result.exit_code == 2
    assert "Invalid value for '-j' / '--jobs': 0 is not in the range x>=1." in result.stderr
