"""The printer process of a one-brief build: the same PDF bytes as printing in the building process,
WeasyPrint kept out of that process, and a child that dies, fails or is no longer needed costs
nothing but time."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

import tipbrief.briefs.render_pdf
from tipbrief.briefs.spec import load_spec
from tipbrief.briefs.templates import template_dirs
from tipbrief.build.briefs import build_briefs
from tipbrief.build.printer import PdfPrinter
from tipbrief.build.render import Prepared, prepare_brief
from tipbrief.common.errors import BuildError, InputError
from tipbrief.facts.model import FactBase

ROOT = Path(__file__).resolve().parent.parent
MINISTERIAL = "actip-implementation-ministerial"

MODULES = """\
import sys
from tipbrief.cli import cli

cli.main(sys.argv[1:], prog_name="tipbrief", standalone_mode=False)
print(" ".join(m for m in ("weasyprint", "tipbrief.briefs.render_html") if m in sys.modules))
"""


@pytest.fixture(scope="module")
def prepared(facts: FactBase) -> Prepared:
    spec = load_spec(ROOT / "briefs" / f"{MINISTERIAL}.yaml")
    return prepare_brief(spec, facts, ("pdf",), template_dirs(None))


def reaped(pid: int | None) -> bool:
    """Whether the child ``pid`` is gone and waited for (other tests may leave other children)."""
    assert pid is not None
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def started(monkeypatch: pytest.MonkeyPatch) -> list[tuple[PdfPrinter, int | None] | None]:
    """Every printer a build starts, with its child's pid (None where it could not fork)."""
    printers: list[tuple[PdfPrinter, int | None] | None] = []
    real = PdfPrinter.start.__func__  # type: ignore[attr-defined]

    def recording(cls: type[PdfPrinter]) -> PdfPrinter | None:
        printer: PdfPrinter | None = real(cls)
        printers.append(None if printer is None else (printer, printer.pid))
        return printer

    monkeypatch.setattr(PdfPrinter, "start", classmethod(recording))
    return printers


def test_one_brief_is_printed_by_a_child_into_the_same_bytes(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(ROOT / "briefs", tmp_path / "briefs")
    script = tmp_path / "modules.py"
    script.write_text(MODULES, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    loaded = {}
    for jobs in ("1", "2"):
        args = ["build", f"briefs/{MINISTERIAL}.yaml", "--format", "pdf", "--no-cache", "--out", f"out{jobs}"]
        done = subprocess.run(
            [sys.executable, str(script), *args, "--jobs", jobs],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            check=False,
            timeout=240,
        )
        assert done.returncode == 0, done.stderr
        loaded[jobs] = done.stdout.split()
    # Both processes rendered the HTML; only the one-job build loaded WeasyPrint itself.
    assert loaded == {
        "1": ["weasyprint", "tipbrief.briefs.render_html"],
        "2": ["tipbrief.briefs.render_html"],
    }
    one = (tmp_path / "out1" / f"{MINISTERIAL}.pdf").read_bytes()
    assert (tmp_path / "out2" / f"{MINISTERIAL}.pdf").read_bytes() == one
    assert (tmp_path / "out1" / "manifest.json").read_bytes() == (
        tmp_path / "out2" / "manifest.json"
    ).read_bytes()


def test_a_printer_whose_child_died_prints_here(prepared: Prepared) -> None:
    printer = PdfPrinter.start()
    assert printer is not None and printer.pid is not None
    pid = printer.pid
    os.kill(pid, signal.SIGKILL)
    printed = printer.print(prepared.pdf_job)
    assert len(PdfReader(BytesIO(printed.pdf)).pages) >= 1
    assert printed.warnings == ()
    assert reaped(pid)


def test_a_render_that_fails_in_the_child_fails_the_build(
    prepared: Prepared, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The child is forked from this process, so it prints with the patched module.
    monkeypatch.setattr(tipbrief.briefs.render_pdf, "MAX_HTML_BYTES", 10)
    printer = PdfPrinter.start()
    assert printer is not None
    pid = printer.pid
    with pytest.raises(
        BuildError, match=f"^{MINISTERIAL}: the HTML is larger than 10 bytes; shorten the brief$"
    ):
        printer.print(prepared.pdf_job)
    assert reaped(pid)

    def broken(html: str, **kwargs: object) -> None:
        raise ValueError("no fonts")

    monkeypatch.setattr(tipbrief.briefs.render_pdf, "render_pdf", broken)
    printer = PdfPrinter.start()
    assert printer is not None
    pid = printer.pid
    with pytest.raises(BuildError, match=r"could not render the brief: ValueError: no fonts$"):
        printer.print(prepared.pdf_job)
    assert reaped(pid)


def test_a_build_that_fails_before_printing_stops_its_printer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    printers = started(monkeypatch)
    spec = tmp_path / "briefs" / "bad.yaml"
    spec.parent.mkdir()
    spec.write_text("title: T\naudience: minister\n", encoding="utf-8")
    with pytest.raises(InputError):
        build_briefs([spec], ROOT / "seeds", tmp_path / "out", ("pdf",), jobs=2)
    assert len(printers) == 1 and printers[0] is not None
    printer, pid = printers[0]
    assert printer.pid is None
    assert reaped(pid)
    assert not (tmp_path / "out").exists()


def test_a_build_without_a_pdf_starts_no_printer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    printers = started(monkeypatch)
    spec = ROOT / "briefs" / f"{MINISTERIAL}.yaml"
    build_briefs([spec], ROOT / "seeds", tmp_path / "out", ("md", "html"), project=ROOT, jobs=2)
    assert printers == []
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        f"{MINISTERIAL}.html",
        f"{MINISTERIAL}.md",
        "manifest.json",
    ]
