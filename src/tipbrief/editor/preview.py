"""Live preview: rebuild a brief's PDF pages when its inputs change and serve them on 127.0.0.1.

The pages shown are the PDF's own pages, printed by WeasyPrint exactly as ``tipbrief build`` prints
them (same templates, CSS, fonts and page breaks) and drawn as PNG images by PDFium. WeasyPrint no
longer writes PNG itself, and no browser can lay out CSS paged media (running headers, "Page N of M",
page breaks) the way WeasyPrint does without a pagination script, which would also paginate
differently; drawing the real PDF is the only way the preview shows what the build will produce.
"""

from __future__ import annotations

import hashlib
import html
import io
import json
import signal
import threading
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from tipbrief.common.errors import BuildError, InputError, TipbriefError
from tipbrief.common.yamlsafe import display_path
from tipbrief.facts.model import FactBase

HOST = "127.0.0.1"
# 1.5 × 72 dpi: sharp at the page's natural size, and quick to draw and encode.
SCALE = 1.5
POLL_SECONDS = 0.25
SETTLE_SECONDS = 0.05
"""How long the inputs must hold still after a change before a build reads them."""
PACKAGE_DIR = Path(__file__).parent.parent


# --- what is watched -----------------------------------------------------------------------------

Stamp = tuple[tuple[str, int, int], ...]


def _files(path: Path) -> Iterator[Path]:
    if path.is_dir():
        yield from sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    else:
        yield path


def stamp(paths: Iterable[Path]) -> Stamp:
    """Name, modification time and size of every file under ``paths``: any edit changes it."""
    entries = []
    for root in paths:
        for path in _files(root):
            try:
                info = path.stat()
            except OSError:
                entries.append((path.as_posix(), -1, -1))
                continue
            entries.append((path.as_posix(), info.st_mtime_ns, info.st_size))
    return tuple(entries)


@dataclass(frozen=True, slots=True)
class Inputs:
    """Everything a brief is built from: the spec, the articles, reference data and templates."""

    spec: Path
    seeds: Path
    project: Path

    def fact_paths(self) -> tuple[Path, ...]:
        """What the fact base depends on: articles, the project's and the package's reference data."""
        project = self.project
        return (self.seeds, project / "reference", project / "overrides.yaml", PACKAGE_DIR / "data")

    def render_paths(self) -> tuple[Path, ...]:
        """What the rendering depends on, given a fact base: the spec and the templates."""
        from tipbrief.briefs.templates import PACKAGE_TEMPLATES

        return (self.spec, self.project / "templates", PACKAGE_TEMPLATES)

    def stamp(self) -> Stamp:
        return stamp((*self.fact_paths(), *self.render_paths()))


# --- one build -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Page:
    """One PDF page drawn as an image, with its text for screen readers and searching."""

    png: bytes
    text: str
    width: float
    """CSS pixels (1/96 inch), the page's printed size."""
    height: float

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.png).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What the preview shows: the last good pages, and the problems of the latest build, if any."""

    version: int = 0
    title: str = ""
    pages: tuple[Page, ...] = ()
    html: bytes = b""
    pdf: bytes = b""
    name: str = "brief"
    warnings: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()
    """Set when the latest build failed: the pages are then those of the last good build."""
    seconds: float = 0.0


def rasterise(pdf: bytes, scale: float = SCALE) -> tuple[Page, ...]:
    """Draw every page of a PDF as a PNG image, with the page's text."""
    # Imported here: PDFium is only needed by the preview.
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    pages = []
    try:
        for index in range(len(document)):
            page = document[index]
            width, height = page.get_size()
            image = page.render(scale=scale).to_pil()
            buffer = io.BytesIO()
            image.save(buffer, "PNG", compress_level=3)
            textpage = page.get_textpage()
            text = " ".join(textpage.get_text_bounded().split())
            textpage.close()
            page.close()
            pages.append(Page(buffer.getvalue(), text, width * 96 / 72, height * 96 / 72))
    finally:
        document.close()
    return tuple(pages)


@dataclass
class Builder:
    """Builds the brief as ``tipbrief build`` would, keeping the fact base while its inputs stay put."""

    inputs: Inputs
    load_facts: Callable[[Path, Path], FactBase] | None = None
    _facts: FactBase | None = None
    _facts_stamp: Stamp | None = None
    facts_built: int = 0

    def facts(self) -> FactBase:
        current = stamp(self.inputs.fact_paths())
        if self._facts is None or current != self._facts_stamp:
            seeds = self.inputs.seeds
            if not seeds.is_dir():
                raise InputError([f"{seeds.as_posix()}:1:1: no such folder of articles; pass --seeds DIR"])
            load = self.load_facts or _build_fact_base
            self._facts, self._facts_stamp = load(seeds, self.inputs.project), current
            self.facts_built += 1
        return self._facts

    def build(self, previous: Snapshot) -> Snapshot:
        """The next snapshot: new pages, or the previous pages with the errors that stopped this build."""
        from tipbrief.briefs.spec import load_spec
        from tipbrief.briefs.templates import template_dirs
        from tipbrief.build.render import render_brief

        started = time.monotonic()
        version = previous.version + 1
        try:
            facts = self.facts()
            spec = load_spec(self.inputs.spec)
            outputs, warnings = render_brief(spec, facts, ("html", "pdf"), template_dirs(self.inputs.project))
            by_name = {o.name: o.data for o in outputs}
            pdf = by_name[f"{spec.name}.pdf"]
            pages = rasterise(pdf)
        except TipbriefError as err:
            return self._failed(previous, version, str(err).splitlines() or [type(err).__name__], started)
        except Exception as err:  # the server must outlive any failure, a bug included
            traceback.print_exc()
            problem = f"{type(err).__name__}: {err} (a bug in tipbrief: please report it with the spec)"
            return self._failed(previous, version, [problem], started)
        return Snapshot(
            version=version,
            title=spec.title,
            pages=pages,
            html=by_name[f"{spec.name}.html"],
            pdf=pdf,
            name=spec.name,
            warnings=tuple(dict.fromkeys([*(str(p) for p in facts.problems), *warnings])),
            seconds=time.monotonic() - started,
        )

    @staticmethod
    def _failed(previous: Snapshot, version: int, errors: list[str], started: float) -> Snapshot:
        return replace(previous, version=version, errors=tuple(errors), seconds=time.monotonic() - started)


def _build_fact_base(seeds: Path, project: Path) -> FactBase:
    from tipbrief.build.factbase import build_fact_base

    return build_fact_base(seeds, project)


# --- what the browser sees -----------------------------------------------------------------------

PAGE_CSS = """\
:root { color-scheme: light; --bar: #1f3a5f; --error: #9b1c1c; }
body { margin: 0; background: #e6e8eb; font: 14px/1.4 system-ui, sans-serif; color: #1b1b1b; }
.bar { position: sticky; top: 0; z-index: 1; display: flex; gap: 1em; align-items: baseline;
  flex-wrap: wrap; padding: 0.5em 1em; background: var(--bar); color: #fff; }
.bar a { color: #fff; }
.bar .spec { font-family: ui-monospace, monospace; }
.bar nav { margin-left: auto; display: flex; gap: 1em; }
#status::after { content: ""; }
body.building #status::after { content: " · rebuilding…"; }
body.offline #status::after { content: " · the preview server has stopped"; }
.problems { max-width: 60em; margin: 1em auto; padding: 0.75em 1em; background: #fff;
  border-left: 6px solid var(--error); }
.problems.warnings { border-color: #b7791f; }
.problems h2 { margin: 0 0 0.5em; font-size: 1.05em; }
.problems pre, .problems li { font: 13px/1.45 ui-monospace, monospace; white-space: pre-wrap;
  overflow-wrap: anywhere; }
.problems pre { margin: 0; }
.pages { display: flex; flex-direction: column; align-items: center; gap: 1.5em; padding: 1.5em 0 3em; }
.stale .page { opacity: 0.45; }
.page { margin: 0; }
.page img { display: block; max-width: calc(100vw - 2em); height: auto; background: #fff;
  box-shadow: 0 1px 4px rgba(0, 0, 0, 0.3); }
.page figcaption { margin-top: 0.3em; text-align: center; color: #555; font-size: 12px; }
.waiting { text-align: center; padding: 4em 1em; color: #555; }
"""

PAGE_JS = """\
"use strict";
// Reload when the server has built a new version; show when it is rebuilding or gone.
(function () {
  const shown = document.body.dataset.version;
  async function poll() {
    try {
      const response = await fetch("/status", { cache: "no-store" });
      const state = await response.json();
      if (String(state.version) !== shown) {
        location.reload();
        return;
      }
      document.body.classList.toggle("building", state.building);
      document.body.classList.remove("offline");
    } catch (err) {
      document.body.classList.add("offline");
    }
    setTimeout(poll, 300);
  }
  poll();
})();
"""


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def render_page(snapshot: Snapshot, spec: str) -> str:
    """The preview page for one snapshot (pure): status bar, problems, then the pages."""
    title = snapshot.title or spec
    count = len(snapshot.pages)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{_esc(title)} — tipbrief preview</title>",
        '<link rel="stylesheet" href="/preview.css"><script src="/preview.js" defer></script>',
        "</head>",
        f'<body data-version="{snapshot.version}">',
        '<header class="bar"><strong>tipbrief preview</strong>',
        f'<span class="spec">{_esc(spec)}</span>',
        f'<span id="status">{_esc(_status(snapshot))}</span>',
    ]
    if snapshot.pages:
        parts.append('<nav><a href="/brief.pdf">PDF</a><a href="/brief.html">HTML</a></nav>')
    parts.append("</header>")
    if snapshot.errors:
        parts += [
            '<section id="errors" class="problems" role="alert">',
            "<h2>The brief could not be built</h2>",
            f"<pre>{_esc(chr(10).join(snapshot.errors))}</pre>",
            "<p>"
            + ("The pages below are from the last good build. " if snapshot.pages else "")
            + "Fix the problem and save: the preview rebuilds by itself.</p>",
            "</section>",
        ]
    if snapshot.warnings:
        noun = "warning" if len(snapshot.warnings) == 1 else "warnings"
        parts.append(
            f'<section id="warnings" class="problems warnings"><h2>{len(snapshot.warnings)} {noun}</h2>'
        )
        parts.append("<ul>" + "".join(f"<li>{_esc(w)}</li>" for w in snapshot.warnings) + "</ul></section>")
    stale = " stale" if snapshot.errors else ""
    parts.append(f'<main id="pages" class="pages{stale}">')
    if not snapshot.pages and not snapshot.errors:
        parts.append('<p class="waiting">Building the brief…</p>')
    for number, page in enumerate(snapshot.pages, start=1):
        alt = f"Page {number} of {count}: {page.text}"
        parts.append(
            f'<figure class="page" id="page-{number}">'
            f'<img src="/pages/{page.digest}.png" width="{round(page.width)}" height="{round(page.height)}" '
            f'alt="{_esc(alt)}"><figcaption>Page {number} of {count}</figcaption></figure>'
        )
    parts.append("</main></body></html>")
    return "\n".join(parts) + "\n"


def _status(snapshot: Snapshot) -> str:
    if snapshot.version == 0:
        return "building…"
    if snapshot.errors:
        return f"build {snapshot.version} failed"
    pages = len(snapshot.pages)
    return f"build {snapshot.version}: {pages} page{'s' if pages != 1 else ''} in {snapshot.seconds:.1f} s"


# --- the server ----------------------------------------------------------------------------------


@dataclass
class PreviewState:
    """The snapshot being served and whether a build is running, shared by the builder and the server."""

    spec: str
    snapshot: Snapshot = field(default_factory=Snapshot)
    building: bool = True
    lock: threading.Lock = field(default_factory=threading.Lock)

    def current(self) -> tuple[Snapshot, bool]:
        with self.lock:
            return self.snapshot, self.building

    def start_build(self) -> None:
        with self.lock:
            self.building = True

    def publish(self, snapshot: Snapshot) -> None:
        with self.lock:
            self.snapshot, self.building = snapshot, False


# The preview page runs no third-party code and loads nothing from elsewhere.
PAGE_POLICY = (
    "default-src 'none'; img-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
# build/NAME.html inlines its CSS and its time line as a data: image; it needs nothing else.
BRIEF_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'"


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, state: PreviewState, port: int) -> None:
        self.state = state
        super().__init__((HOST, port), PreviewHandler)

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.server_port}/"


class PreviewHandler(BaseHTTPRequestHandler):
    server: PreviewServer
    server_version = "tipbrief-preview"

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the terminal shows builds, not requests."""

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        port = self.server.server_port
        # A page on another site must not read the preview through a name that points here.
        if self.headers.get("Host", "") not in (f"{HOST}:{port}", f"localhost:{port}"):
            self._send(HTTPStatus.FORBIDDEN, "text/plain; charset=utf-8", b"forbidden host\n")
            return
        path = urlsplit(self.path).path
        state = self.server.state
        snapshot, building = state.current()
        if path == "/":
            body = render_page(snapshot, state.spec).encode("utf-8")
            self._send(HTTPStatus.OK, "text/html; charset=utf-8", body, PAGE_POLICY)
        elif path == "/status":
            status = {"version": snapshot.version, "building": building, "ok": not snapshot.errors}
            self._send(HTTPStatus.OK, "application/json", json.dumps(status).encode("utf-8"))
        elif path == "/preview.js":
            self._send(HTTPStatus.OK, "text/javascript; charset=utf-8", PAGE_JS.encode("utf-8"))
        elif path == "/preview.css":
            self._send(HTTPStatus.OK, "text/css; charset=utf-8", PAGE_CSS.encode("utf-8"))
        elif path.startswith("/pages/") and path.endswith(".png"):
            digest = path.removeprefix("/pages/").removesuffix(".png")
            page = next((p for p in snapshot.pages if p.digest == digest), None)
            if page is None:
                self._send(HTTPStatus.NOT_FOUND, "text/plain; charset=utf-8", b"no such page\n")
            else:
                self._send(HTTPStatus.OK, "image/png", page.png)
        elif path == "/brief.pdf" and snapshot.pdf:
            self._send(HTTPStatus.OK, "application/pdf", snapshot.pdf)
        elif path == "/brief.html" and snapshot.html:
            self._send(HTTPStatus.OK, "text/html; charset=utf-8", snapshot.html, BRIEF_POLICY)
        else:
            self._send(HTTPStatus.NOT_FOUND, "text/plain; charset=utf-8", b"not found\n")

    def _send(self, status: HTTPStatus, content_type: str, body: bytes, policy: str | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        if policy is not None:
            self.send_header("Content-Security-Policy", policy)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def open_server(state: PreviewState, port: int) -> PreviewServer:
    """Listen on 127.0.0.1 only: the preview is for the person at this machine."""
    try:
        return PreviewServer(state, port)
    except OSError as err:
        raise BuildError(
            f"cannot listen on {HOST}:{port}: {err.strerror or err}; pass --port N (0 picks a free port)"
        ) from None


def serve(
    inputs: Inputs,
    port: int,
    *,
    echo: Callable[[str], None],
    stop: threading.Event | None = None,
    builder: Builder | None = None,
    poll_seconds: float = POLL_SECONDS,
) -> None:
    """Serve the preview until ``stop`` is set or Ctrl-C; rebuild whenever an input changes.

    Builds run in the calling thread (the main thread from the CLI, where WeasyPrint's time limit
    works); the server answers from its own threads with whatever snapshot is current.
    """
    stop = stop if stop is not None else threading.Event()
    builder = builder if builder is not None else Builder(inputs)
    state = PreviewState(display_path(inputs.spec))
    server = open_server(state, port)
    thread = threading.Thread(target=server.serve_forever, name="tipbrief-preview", daemon=True)
    thread.start()
    echo(f"Previewing {state.spec} at {server.url} (Ctrl-C to stop)")
    built_from: Stamp | None = None
    previous_handlers = _stop_on_signals(stop)
    try:
        while not stop.is_set():
            # Stamp first: an edit made during the build then triggers the next one.
            current = inputs.stamp()
            if current != built_from:
                # An editor that saves in place may still be writing (the file cut short, then
                # filled): build only once the inputs hold still for a moment.
                stop.wait(min(poll_seconds, SETTLE_SECONDS))
                if inputs.stamp() != current:
                    continue
                built_from = current
                state.start_build()
                snapshot = builder.build(state.current()[0])
                state.publish(snapshot)
                echo(_report(snapshot))
            stop.wait(poll_seconds)
    except KeyboardInterrupt:
        pass
    finally:
        for signum, handler in previous_handlers.items():
            signal.signal(signum, handler)
        server.shutdown()
        server.server_close()
        echo("Preview stopped.")


def _stop_on_signals(stop: threading.Event) -> dict[int, Any]:
    """Let Ctrl-C (SIGINT) and `kill` (SIGTERM) stop the preview once the build under way ends, so
    that no half-done build swallows the interrupt; a second Ctrl-C interrupts at once. Returns the
    handlers it replaced."""
    if threading.current_thread() is not threading.main_thread():
        return {}

    def first_interrupt(signum: int, frame: Any) -> None:
        stop.set()
        signal.signal(signal.SIGINT, signal.default_int_handler)

    return {
        signal.SIGTERM: signal.signal(signal.SIGTERM, lambda signum, frame: stop.set()),
        signal.SIGINT: signal.signal(signal.SIGINT, first_interrupt),
    }


def _report(snapshot: Snapshot) -> str:
    """One terminal line per build, then its problems."""
    if snapshot.errors:
        return "\n".join([f"build {snapshot.version} failed:", *(f"  {e}" for e in snapshot.errors)])
    lines = [f"{_status(snapshot)}"]
    lines += [f"  warning: {w}" for w in snapshot.warnings]
    return "\n".join(lines)
