"""The machine's libraries do not change a build: libharfbuzz-subset0 present or not, the same bytes and
no warning; `tipbrief doctor` says what the machine lacks and how to install it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import weasyprint.pdf.fonts
from click.testing import CliRunner

import tipbrief.briefs.render_pdf
from tipbrief.cli import cli

ROOT = Path(__file__).resolve().parent.parent
MINISTERIAL = ROOT / "briefs" / "actip-implementation-ministerial.yaml"


class _PresentLibrary:
    """libharfbuzz-subset0 as WeasyPrint would see it where installed; any use fails the test."""

    def __getattr__(self, name: str) -> Any:
        raise AssertionError(f"HarfBuzz-Subset was used ({name})")


def _strict_build(out: Path) -> tuple[int, str, dict[str, bytes]]:
    args = ["build", str(MINISTERIAL), "--seeds", str(ROOT / "seeds"), "--out", str(out), "--strict"]
    result = CliRunner().invoke(cli, [*args, "--no-cache", "--jobs", "1", "-v"])
    files = {p.name: p.read_bytes() for p in sorted(out.iterdir())} if out.exists() else {}
    return result.exit_code, result.stderr, files


def test_a_strict_build_passes_and_is_the_same_bytes_with_or_without_harfbuzz_subset(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(weasyprint.pdf.fonts, "harfbuzz_subset", None)
    code, err, without = _strict_build(tmp_path / "without")
    assert code == 0, err
    assert "warning:" not in err and "HarfBuzz" not in err
    assert err.splitlines()[-1].endswith("(4 files, 0 warnings)")
    monkeypatch.setattr(weasyprint.pdf.fonts, "harfbuzz_subset", _PresentLibrary())
    code, err, with_library = _strict_build(tmp_path / "with")
    assert code == 0, err
    assert with_library == without
    assert json.loads(without["manifest.json"])["warnings"] == []
    assert json.loads(without["actip-implementation-ministerial.json"])["warnings"] == []


def test_doctor_lists_what_the_machine_has_and_how_to_install_what_it_lacks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(tipbrief.briefs.render_pdf, "machine_libraries", lambda: ("1.50.12", False))
    monkeypatch.setattr("shutil.which", lambda name: None)
    result = CliRunner().invoke(cli, ["doctor"])
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        "ok       Pango and HarfBuzz: WeasyPrint "
        f"{weasyprint.__version__} lays out and prints PDFs with Pango 1.50.12",
        "absent   libharfbuzz-subset0: not needed: tipbrief subsets fonts with fontTools on every machine, "
        "so a PDF is the same bytes with or without it; WeasyPrint says its future versions will require "
        "it, and logs a notice on each PDF it prints without it",
        "         install: sudo apt-get install libharfbuzz-subset0",
        "absent   pdftoppm: draws the README's page pictures in `make previews`",
        "         install: sudo apt-get install poppler-utils",
        "tipbrief can build every brief on this machine",
    ]


def test_doctor_fails_when_weasyprint_cannot_load_pango(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing() -> tuple[str, bool]:
        raise OSError("cannot load library 'libpango-1.0-0': libpango-1.0-0: cannot open shared object file")

    monkeypatch.setattr(tipbrief.briefs.render_pdf, "machine_libraries", missing)
    result = CliRunner().invoke(cli, ["doctor"])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[:2] == [
        "missing  Pango and HarfBuzz: WeasyPrint cannot load them (cannot load library 'libpango-1.0-0': "
        "libpango-1.0-0: cannot open shared object file), so no PDF can be built",
        "         install: sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0",
    ]
    assert lines[-1] == "tipbrief cannot print PDFs here: install what is missing above"
