"""Print PDFs: here, in a forked child that imports WeasyPrint while the build works, or in a pool.

WeasyPrint itself is imported only by tipbrief.briefs.render_pdf, which this module loads where a
PDF is printed."""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tipbrief.common.errors import BuildError

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor


@dataclass(frozen=True, slots=True)
class PdfJob:
    """render_pdf's arguments for one brief, as plain picklable values."""

    html: str
    templates: tuple[Path, ...]
    data_uris: frozenset[str]
    issued: date | None
    name: str
    spec_path: str
    """The spec's path as messages show it, for a failure's message."""


@dataclass(frozen=True, slots=True)
class Printed:
    """A brief's PDF and the warnings its render gave (render_pdf's result, without WeasyPrint's
    module, which this process need not import when a printer process made the PDF)."""

    pdf: bytes
    warnings: tuple[str, ...]


def print_job(job: PdfJob) -> Printed:
    """The PDF of ``job``, printed in this process."""
    # Imported here: WeasyPrint is slow to import and only this format needs it.
    from tipbrief.briefs.render_pdf import render_pdf

    result = render_pdf(
        job.html, templates=job.templates, data_uris=job.data_uris, issued=job.issued, name=job.name
    )
    return Printed(result.pdf, result.warnings)


class PdfPrinter:
    """A child process that imports WeasyPrint while this one works, then prints one PDF.

    Importing WeasyPrint takes about a quarter of a one-brief build. Forked as soon as a build
    knows it must print a PDF, the child spends that time on the other core while this process
    loads the specs, the fact base and the renderers and makes the HTML; it then hands the child
    the page. The child runs the same render_pdf on the same arguments, so the bytes are those
    this process would print. Forked from a process that has imported little, it is cheaper to
    start than a worker pool. A child that dies before answering only costs time: the PDF is then
    printed here.
    """

    def __init__(self, pid: int, jobs: int, results: int) -> None:
        self.pid: int | None = pid
        self._jobs = jobs
        self._results = results

    @classmethod
    def start(cls) -> PdfPrinter | None:
        """A printer, or None where forking is not safe (see parallel.fork_is_safe) or fails."""
        from tipbrief.build.parallel import fork_is_safe

        if not fork_is_safe():
            return None
        job_read, job_write = os.pipe()
        result_read, result_write = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            for fd in (job_read, job_write, result_read, result_write):
                os.close(fd)
            return None
        if pid == 0:  # pragma: no cover - the child; measured by the tests through its output
            try:
                os.close(job_write)
                os.close(result_read)
                _serve_printer(job_read, result_write)
            finally:
                # Never return into the parent's code, run its exit handlers or flush its buffers.
                os._exit(0)
        os.close(job_read)
        os.close(result_write)
        return cls(pid, job_write, result_read)

    def print(self, job: PdfJob) -> Printed:
        """The PDF of ``job``, printed by the child (or here if the child is gone)."""
        import pickle

        answer = b""
        if self.pid is not None:
            try:
                with open(self._jobs, "wb") as pipe:
                    self._jobs = -1
                    pipe.write(pickle.dumps(job, protocol=pickle.HIGHEST_PROTOCOL))
                with open(self._results, "rb") as pipe:
                    self._results = -1
                    answer = pipe.read()
            except OSError:  # the child is gone (a broken pipe): print here
                answer = b""
            finally:
                self.close()
        if not answer:
            return print_job(job)
        kind, value = pickle.loads(answer)
        if kind == "ok":
            pdf, warnings = value
            return Printed(pdf, warnings)
        if kind == "build":
            raise BuildError(value)
        raise could_not_render(job.spec_path, value)

    def close(self) -> None:
        """Stop the child if it still runs, and reap it."""
        import signal

        for fd in (self._jobs, self._results):
            if fd >= 0:
                os.close(fd)
        self._jobs = self._results = -1
        if self.pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(self.pid, 0)
            self.pid = None


def _serve_printer(jobs: int, results: int) -> None:  # pragma: no cover - runs in the child
    """The printer's life: import WeasyPrint, wait for one page, print it, answer, exit."""
    import gc
    import pickle
    import signal

    # Ctrl-C reaches the whole process group: the parent reports it, the child just stops.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    # What the parent had made lives as long as the child: its collections need not walk it
    # (about 40 ms less over WeasyPrint's import), nor touch its copy-on-write pages.
    gc.freeze()
    import tipbrief.briefs.render_pdf  # noqa: F401  the point of the child: this import, started at once

    with open(jobs, "rb") as pipe:
        job = pipe.read()
    if not job:
        return  # the parent no longer needs a PDF
    answer: tuple[str, Any]
    try:
        printed = print_job(pickle.loads(job))
        answer = ("ok", (printed.pdf, printed.warnings))
    except BuildError as err:
        answer = ("build", str(err))
    except Exception as err:  # reported by the parent as the render's failure
        answer = ("failed", f"{type(err).__name__}: {err}")
    with open(results, "wb") as pipe:
        pipe.write(pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL))


def could_not_render(spec_path: str, what: str) -> BuildError:
    """The error of a brief whose render failed for a reason that is not bad input (a bug)."""
    return BuildError(f"{spec_path}: could not render the brief: {what}")


# What a worker renders with, imported once by the fork server (or by each spawned worker).
WORKER_MODULES = (
    "tipbrief.briefs.render_pdf",
    "tipbrief.briefs.render_html",
    "tipbrief.briefs.select",
    "tipbrief.build.briefs",
)


def _load_weasyprint() -> None:
    """Worker start-up: import the rendering stages at once, while the parent builds the fact base."""
    import importlib

    for module in WORKER_MODULES:
        importlib.import_module(module)


def _ready() -> None:
    """A no-op task: submitting one per worker starts every worker now rather than on first use."""


def pdf_pool(workers: int) -> ProcessPoolExecutor | None:
    """Worker processes that render whole briefs, each with its own WeasyPrint, started at once;
    None if they cannot start.

    Workers come from a fork server where there is one (Linux, macOS): a fresh interpreter that
    imports WeasyPrint once, then forks each worker from that clean state, so nothing of this
    process (its cache connection, its handlers) is inherited and N workers do not import
    WeasyPrint N times. Elsewhere each worker is spawned as a fresh interpreter.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    context: multiprocessing.context.BaseContext
    if "forkserver" in multiprocessing.get_all_start_methods():
        server = multiprocessing.get_context("forkserver")
        server.set_forkserver_preload(list(WORKER_MODULES))
        context = server
    else:
        context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_load_weasyprint)
    try:
        for _ in range(workers):
            pool.submit(_ready)
    except BrokenProcessPool:
        pool.shutdown(cancel_futures=True)
        return None
    return pool
