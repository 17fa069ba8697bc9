"""`tipbrief preview` end to end in headless Chromium: edit the spec and watch the page follow."""

from __future__ import annotations

import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium is not installed: `apt-get install chromium` (.ci/run does) to run the browser test",
)
SEEDS = Path(__file__).parent.parent / "seeds"
# Chromium as a test needs it: no sandbox (root in a container), no GPU, and no traffic of its own.
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SPEC = """\
# yaml-language-server: $schema=../brief-spec.schema.json
title: Trafficking in persons in ASEAN
author: Regional Affairs Desk
audience: public
issued: 2024-03-01
topic:
  summary: What ASEAN does against trafficking in persons.
  include:
    terms: [trafficking]
period:
  from: 2015
  to: 2016
"""
BUILD_SECONDS = 30
# The first page's picture has loaded and is a page, not a broken or empty image.
_DRAWN = (
    "() => { const img = document.querySelector('#page-1 img');"
    " return img !== null && img.complete && img.naturalWidth > 500; }"
)


class Preview:
    """`tipbrief preview` as a user runs it, in its own process, on a port the system picks."""

    def __init__(self, project: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tipbrief", "preview", "briefs/e2e.yaml", "--port", "0"],
            cwd=project,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        first = self.next_line()
        found = re.fullmatch(
            r"Previewing briefs/e2e\.yaml at (http://127\.0\.0\.1:[0-9]+/) \(Ctrl-C to stop\)", first
        )
        assert found, first
        self.url = found.group(1)

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.lines.put(line.rstrip("\n"))

    def next_line(self) -> str:
        line = self.lines.get(timeout=BUILD_SECONDS)
        self.seen.append(line)
        return line

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        try:
            return self.process.wait(timeout=BUILD_SECONDS)
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    (tmp_path / "briefs").mkdir()
    (tmp_path / "briefs" / "e2e.yaml").write_text(SPEC, encoding="utf-8")
    return tmp_path


@pytest.fixture
def preview(project: Path) -> Iterator[Preview]:
    running = Preview(project)
    try:
        yield running
    finally:
        running.stop()


def test_the_page_follows_edits_of_the_spec_in_chromium(
    project: Path, preview: Preview, tmp_path: Path
) -> None:
    from playwright.sync_api import expect, sync_playwright

    spec = project / "briefs" / "e2e.yaml"
    with sync_playwright() as playwright:
        assert CHROMIUM is not None
        browser = playwright.chromium.launch_persistent_context(
            str(tmp_path / "profile"),  # a fresh profile
            executable_path=CHROMIUM,
            headless=True,
            args=FLAGS,
        )
        try:
            page = browser.new_page()
            page.goto(preview.url)
            first = page.locator("#page-1 img")
            expect(first).to_have_attribute(
                "alt",
                re.compile(r"^Page 1 of [0-9]+: .*Trafficking in persons in ASEAN"),
                timeout=BUILD_SECONDS * 1000,
            )
            expect(page).to_have_title("Trafficking in persons in ASEAN — tipbrief preview")
            # The page is drawn: the picture loads and decodes after its alt text is set, so wait
            # for it (a timeout here fails the test) rather than read its width at once.
            page.wait_for_function(_DRAWN, timeout=BUILD_SECONDS * 1000)
            drawn = first.get_attribute("src")

            spec.write_text(SPEC.replace("in ASEAN", "in South-East Asia"), encoding="utf-8")
            expect(first).to_have_attribute(
                "alt", re.compile(r"Trafficking in persons in South-East Asia"), timeout=BUILD_SECONDS * 1000
            )
            expect(page).to_have_title("Trafficking in persons in South-East Asia — tipbrief preview")
            assert first.get_attribute("src") != drawn, "a new picture of the page"
            page.wait_for_function(_DRAWN, timeout=BUILD_SECONDS * 1000)

            spec.write_text(SPEC.replace("title:", "titel:"), encoding="utf-8")
            errors = page.locator("#errors")
            expect(errors).to_contain_text(
                "briefs/e2e.yaml:2:1: unknown key 'titel'; did you mean 'title'?",
                timeout=BUILD_SECONDS * 1000,
            )
            expect(page.locator("#status")).to_contain_text("failed")
            # The last good pages stay under the error, so the editor keeps their place.
            expect(first).to_have_attribute("alt", re.compile(r"South-East Asia"))

            spec.write_text(SPEC, encoding="utf-8")
            expect(errors).to_have_count(0, timeout=BUILD_SECONDS * 1000)
            expect(first).to_have_attribute("alt", re.compile(r"Trafficking in persons in ASEAN"))
        finally:
            browser.close()
    assert preview.stop() == 0, "Ctrl-C stops the preview cleanly"
    preview.reader.join(timeout=5)
    rest = []
    while not preview.lines.empty():
        rest.append(preview.lines.get_nowait())
    assert rest[-1] == "Preview stopped."
    assert "build 3 failed:" in rest
