"""`tipbrief preview` without a browser: the page, the watcher, the builder and the HTTP server."""

from __future__ import annotations

import http.client
import io
import json
import os
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from tipbrief.briefs.templates import PACKAGE_TEMPLATES
from tipbrief.editor.preview import (
    Builder,
    Inputs,
    Page,
    PreviewState,
    Snapshot,
    open_server,
    render_page,
    serve,
    stamp,
)
from tipbrief.facts.factjson import fact_base_from_dict
from tipbrief.facts.model import FactBase

FACTS = fact_base_from_dict(
    json.loads((Path(__file__).parent / "fixtures" / "specs" / "events.json").read_text(encoding="utf-8"))
)
SPEC = """\
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
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


class CountingFacts:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, seeds: Path, project: Path) -> FactBase:
        self.calls += 1
        return FACTS


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text("An article.\n", encoding="utf-8")
    (tmp_path / "briefs").mkdir()
    (tmp_path / "briefs" / "b.yaml").write_text(SPEC, encoding="utf-8")
    return tmp_path


def inputs_for(project: Path) -> Inputs:
    return Inputs(Path("briefs/b.yaml"), Path("seeds"), project)


def touch(path: Path, text: str) -> None:
    """Write and move the modification time on, so that a change never hides in one clock tick."""
    before = path.stat().st_mtime_ns if path.exists() else 0
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(before + 10_000_000, before + 10_000_000))


# --- the page ------------------------------------------------------------------------------------

PAGE = Page(png=PNG_SIGNATURE + b"x", text="Title <b>& more", width=793.7, height=1122.5)


def test_page_shows_pages_with_their_text_and_a_version_for_reloading() -> None:
    html = render_page(Snapshot(version=3, title="A & B", pages=(PAGE, PAGE), seconds=1.24), "briefs/b.yaml")
    assert '<body data-version="3">' in html
    assert "<title>A &amp; B — tipbrief preview</title>" in html
    assert '<span id="status">build 3: 2 pages in 1.2 s</span>' in html
    assert (
        f'<figure class="page" id="page-2"><img src="/pages/{PAGE.digest}.png" width="794" height="1122" '
        'alt="Page 2 of 2: Title &lt;b&gt;&amp; more"><figcaption>Page 2 of 2</figcaption></figure>'
    ) in html
    assert 'id="errors"' not in html and 'id="warnings"' not in html
    assert '<script src="/preview.js" defer></script>' in html and "<script>" not in html


def test_page_shows_errors_above_the_last_good_pages_escaped() -> None:
    errors = ("briefs/b.yaml:3:1: unknown key '<titel>'; did you mean 'title'?",)
    html = render_page(Snapshot(version=4, pages=(PAGE,), errors=errors), "briefs/<b>.yaml")
    assert (
        '<section id="errors" class="problems" role="alert">\n<h2>The brief could not be built</h2>\n'
        "<pre>briefs/b.yaml:3:1: unknown key &#x27;&lt;titel&gt;&#x27;; did you mean &#x27;title&#x27;?</pre>"
    ) in html
    assert "The pages below are from the last good build." in html
    assert '<main id="pages" class="pages stale">' in html
    assert '<span class="spec">briefs/&lt;b&gt;.yaml</span>' in html
    assert "<titel>" not in html


def test_page_before_the_first_build_and_with_warnings() -> None:
    waiting = render_page(Snapshot(), "b.yaml")
    assert '<p class="waiting">Building the brief…</p>' in waiting
    assert '<span id="status">building…</span>' in waiting
    warned = render_page(Snapshot(version=1, pages=(PAGE,), warnings=("seeds/x.txt:1:1: <odd>",)), "b")
    assert '<section id="warnings" class="problems warnings"><h2>1 warning</h2>' in warned
    assert "<li>seeds/x.txt:1:1: &lt;odd&gt;</li>" in warned


# --- what is watched -----------------------------------------------------------------------------


def test_stamp_changes_on_edit_addition_and_removal(tmp_path: Path) -> None:
    folder = tmp_path / "seeds"
    folder.mkdir()
    touch(folder / "a.txt", "one")
    spec = tmp_path / "b.yaml"
    touch(spec, "title: x")
    first = stamp([folder, spec, tmp_path / "missing"])
    assert stamp([folder, spec, tmp_path / "missing"]) == first
    touch(spec, "title: y")
    second = stamp([folder, spec])
    assert second != stamp([folder, spec, tmp_path / "missing"]) != first
    touch(folder / "b.txt", "two")
    third = stamp([folder, spec])
    assert third != second
    (folder / "a.txt").unlink()
    assert stamp([folder, spec]) != third


def test_inputs_cover_spec_articles_templates_and_reference_data(project: Path) -> None:
    inputs = inputs_for(project)
    watched = {Path(p) for p, _, _ in inputs.stamp()}
    assert Path("briefs/b.yaml") in watched
    assert Path("seeds/a.txt") in watched
    assert project / "templates" in watched  # watched before it exists
    assert project / "overrides.yaml" in watched
    assert PACKAGE_TEMPLATES / "brief.css" in watched
    assert any(p.parent.name == "data" and p.suffix == ".csv" for p in watched)


# --- the builder ---------------------------------------------------------------------------------


def test_builder_draws_the_pdf_pages_and_keeps_them_through_a_failed_build(project: Path) -> None:
    facts = CountingFacts()
    builder = Builder(inputs_for(project), load_facts=facts)
    first = builder.build(Snapshot())
    assert first.errors == ()
    assert (first.version, first.title, first.name) == (1, "Trafficking in persons in ASEAN", "b")
    pdf = PdfReader(io.BytesIO(first.pdf))
    assert len(first.pages) == len(pdf.pages) >= 1
    assert all(p.png.startswith(PNG_SIGNATURE) for p in first.pages)
    assert round(first.pages[0].width) == 794 and round(first.pages[0].height) == 1123  # A4 at 96 dpi
    assert "Trafficking in persons in ASEAN" in first.pages[0].text
    assert b"<title>Trafficking in persons in ASEAN</title>" in first.html

    touch(Path("briefs/b.yaml"), SPEC.replace("title:", "titel:"))
    failed = builder.build(first)
    assert failed.version == 2
    assert failed.errors == ("briefs/b.yaml:1:1: unknown key 'titel'; did you mean 'title'?",)
    assert (failed.pages, failed.pdf, failed.title) == (first.pages, first.pdf, first.title)

    touch(Path("briefs/b.yaml"), SPEC.replace("in ASEAN", "in South-East Asia"))
    fixed = builder.build(failed)
    assert (fixed.version, fixed.errors) == (3, ())
    assert "Trafficking in persons in South-East Asia" in fixed.pages[0].text
    assert facts.calls == 1, "the fact base is kept while the articles stay put"

    touch(Path("seeds/a.txt"), "Another article.\n")
    builder.build(fixed)
    assert facts.calls == 2


def test_builder_survives_a_bug(project: Path) -> None:
    def broken(seeds: Path, project: Path) -> FactBase:
        raise ZeroDivisionError("division by zero")

    snapshot = Builder(inputs_for(project), load_facts=broken).build(Snapshot())
    assert snapshot.errors == (
        "ZeroDivisionError: division by zero (a bug in tipbrief: please report it with the spec)",
    )
    assert snapshot.pages == ()


def test_builder_reports_a_missing_articles_folder(project: Path) -> None:
    snapshot = Builder(Inputs(Path("briefs/b.yaml"), Path("articles"), project)).build(Snapshot())
    assert snapshot.errors == ("articles:1:1: no such folder of articles; pass --seeds DIR",)


# --- the server ----------------------------------------------------------------------------------


class Running:
    """A preview served from a thread, as `tipbrief preview` serves it from the main thread."""

    def __init__(self, project: Path) -> None:
        self.facts = CountingFacts()
        self.stop = threading.Event()
        self.lines: list[str] = []
        builder = Builder(inputs_for(project), load_facts=self.facts)
        self.thread = threading.Thread(
            target=serve,
            args=(inputs_for(project), 0),
            kwargs={"echo": self.lines.append, "stop": self.stop, "builder": builder, "poll_seconds": 0.05},
        )
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.lines and time.monotonic() < deadline:
            time.sleep(0.01)
        self.port = int(self.lines[0].split(":")[2].split("/")[0])

    def get(
        self, path: str, host: str | None = None, method: str = "GET"
    ) -> tuple[int, dict[str, str], bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        headers = {"Host": host} if host is not None else {}
        connection.request(method, path, headers=headers)
        response = connection.getresponse()
        body = response.read()
        connection.close()
        return response.status, dict(response.getheaders()), body

    def status(self) -> dict[str, Any]:
        result: dict[str, Any] = json.loads(self.get("/status")[2])
        return result

    def wait_for_version(self, version: int) -> dict[str, Any]:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            status = self.status()
            if status["version"] >= version and not status["building"]:
                return status
            time.sleep(0.05)
        raise AssertionError(f"no build {version}: {self.lines}")

    def wait_for_line(self, line: str) -> None:
        """The terminal line of a build is printed just after the build is published."""
        deadline = time.monotonic() + 10
        while line not in self.lines and time.monotonic() < deadline:
            time.sleep(0.01)
        assert line in self.lines


@pytest.fixture
def running(project: Path) -> Iterator[Running]:
    preview = Running(project)
    yield preview
    preview.stop.set()
    preview.thread.join(timeout=30)
    assert not preview.thread.is_alive()


def test_server_serves_the_page_the_images_the_pdf_and_the_html(running: Running, project: Path) -> None:
    assert (
        running.lines[0] == f"Previewing briefs/b.yaml at http://127.0.0.1:{running.port}/ (Ctrl-C to stop)"
    )
    assert running.wait_for_version(1) == {"version": 1, "building": False, "ok": True}
    status, headers, body = running.get("/")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert "default-src 'none'" in headers["Content-Security-Policy"]
    assert headers["Cache-Control"] == "no-store"
    page = body.decode("utf-8")
    assert '<body data-version="1">' in page
    digests = [part.split(".png")[0] for part in page.split('src="/pages/')[1:]]
    assert digests
    for digest in digests:
        status, headers, png = running.get(f"/pages/{digest}.png")
        assert (status, headers["Content-Type"]) == (200, "image/png")
        assert png.startswith(PNG_SIGNATURE)
    status, headers, pdf = running.get("/brief.pdf")
    assert (status, headers["Content-Type"]) == (200, "application/pdf")
    assert len(PdfReader(io.BytesIO(pdf)).pages) == len(digests)
    status, headers, html = running.get("/brief.html")
    assert status == 200 and b"<title>Trafficking in persons in ASEAN</title>" in html
    assert headers["Content-Security-Policy"].startswith("default-src 'none'")
    assert running.get("/preview.js")[0] == running.get("/preview.css")[0] == 200
    assert running.get("/preview.js", method="HEAD")[2] == b""
    assert running.get("/pages/0000000000000000.png")[0] == 404
    assert running.get("/../../etc/passwd")[0] == 404
    assert running.get("/seeds/a.txt")[0] == 404
    running.wait_for_line(running.lines[1])
    first, *warnings = running.lines[1].splitlines()
    assert re.fullmatch(r"build 1: [0-9]+ pages? in [0-9.]+ s", first)
    # The fixture's undated event cannot be placed in a dated period: the page and the terminal say so.
    warning = (
        "briefs/b.yaml:10:9: event 'Meeting of the SOMTC working group on trafficking in persons' "
        "has no known date; left out of the period"
    )
    assert warnings == [f"  warning: {warning}"]
    assert '<section id="warnings" class="problems warnings"><h2>1 warning</h2>' in page


def test_server_refuses_other_host_names(running: Running) -> None:
    # A web page could otherwise reach the preview through a DNS name that resolves to 127.0.0.1.
    assert running.get("/", host=f"evil.example:{running.port}")[0] == 403
    assert running.get("/status", host="127.0.0.1")[0] == 403
    assert running.get("/status", host=f"localhost:{running.port}")[0] == 200


def test_server_rebuilds_on_spec_template_and_article_changes(running: Running, project: Path) -> None:
    running.wait_for_version(1)
    touch(Path("briefs/b.yaml"), SPEC.replace("title:", "titel:"))
    assert running.wait_for_version(2) == {"version": 2, "building": False, "ok": False}
    assert "unknown key &#x27;titel&#x27;; did you mean &#x27;title&#x27;?" in running.get("/")[2].decode()
    running.wait_for_line("build 2 failed:\n  briefs/b.yaml:1:1: unknown key 'titel'; did you mean 'title'?")
    touch(Path("briefs/b.yaml"), SPEC)
    assert running.wait_for_version(3)["ok"] is True
    (project / "templates").mkdir()
    css = (PACKAGE_TEMPLATES / "brief.css").read_text(encoding="utf-8")
    touch(project / "templates" / "brief.css", css + "\nh1 { color: #b00; }\n")
    running.wait_for_version(4)
    assert b"h1 { color: #b00; }" in running.get("/brief.html")[2]
    assert running.facts.calls == 1
    touch(project / "seeds" / "a.txt", "Changed.\n")
    assert running.wait_for_version(5)["ok"] is True
    assert running.facts.calls == 2


def test_port_in_use_is_a_clear_error(project: Path) -> None:
    server = open_server(PreviewState("b.yaml"), 0)
    try:
        from tipbrief.cli import cli

        result = CliRunner().invoke(cli, ["preview", "briefs/b.yaml", "--port", str(server.server_port)])
        assert result.exit_code == 1
        assert result.stderr == (
            f"cannot listen on 127.0.0.1:{server.server_port}: Address already in use; "
            "pass --port N (0 picks a free port)\n"
        )
    finally:
        server.server_close()


def test_cli_refuses_a_missing_spec_or_articles_folder(project: Path) -> None:
    from tipbrief.cli import cli

    missing_spec = CliRunner().invoke(cli, ["preview", "briefs/nope.yaml"])
    assert missing_spec.exit_code == 2
    assert "'briefs/nope.yaml' does not exist" in missing_spec.stderr
    no_seeds = CliRunner().invoke(cli, ["preview", "briefs/b.yaml", "--seeds", "articles"])
    assert (no_seeds.exit_code, no_seeds.stderr) == (
        2,
        "articles:1:1: no such folder of articles; pass --seeds DIR\n",
    )


def test_a_file_still_being_written_is_not_built_until_it_holds_still() -> None:
    # An editor that saves in place cuts the file short, then fills it: the preview must not build
    # (and report errors for) the half-written spec it may see in between.
    stamps = iter(["half-written", "complete", "complete", "complete"])
    last: list[str] = []
    built: list[str] = []
    stop = threading.Event()

    class HalfWritten:
        spec = Path("briefs/b.yaml")

        def stamp(self) -> str:
            last.append(next(stamps, "complete"))
            return last[-1]

    class Recording:
        def build(self, previous: Snapshot) -> Snapshot:
            built.append(last[-1])
            stop.set()
            return Snapshot(version=previous.version + 1)

    serve(HalfWritten(), 0, echo=lambda line: None, stop=stop, builder=Recording(), poll_seconds=0.001)  # type: ignore[arg-type]
    assert built == ["complete"]
