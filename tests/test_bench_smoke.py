"""The benchmark harness runs end to end (tiny sizes, one run each) so that `make bench` cannot rot."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.timeout(60)
def test_the_tiny_benchmark_reports_every_comparison(tmp_path: Path) -> None:
    report = tmp_path / "bench.json"
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--tiny", "--json", str(report)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    rows = json.loads(report.read_text(encoding="utf-8"))["rows"]
    names = [row["name"] for row in rows]
    for prefix in (
        "a. build PDF, spec edited",
        "a. build PDF, --no-cache",
        "b. no-op",
        "c. ",
        "d. fact base",
        "e. ",
        "f. same-events fact base + JSON",
        "f. same-events fact base JSON",
    ):
        assert any(name.startswith(prefix) for name in names), (prefix, names)
    measured = [row for row in rows if row["met"] is not None]
    assert all(row["value"] > 0 for row in measured)
    # What the table claims about correctness holds even at this size.
    assert "identical" in next(r["detail"] for r in rows if r["name"].startswith("c. "))
    assert "weasyprint" not in next(r["detail"] for r in rows if r["name"].startswith("b. ")).split(": ")[-1]
    assert "extracted per rebuild: [1]" in next(r["detail"] for r in rows if r["name"].startswith("e. "))
    assert "| comparison | ratio | goal | met | detail |" in done.stdout
