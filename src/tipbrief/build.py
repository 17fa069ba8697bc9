"""Build briefs: gather every output in memory first, then write them atomically, the manifest last."""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import tipbrief
from tipbrief.errors import BuildError, InputError, TipbriefError

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

    from tipbrief.briefspec import BriefSpec, PageSize
    from tipbrief.cache import Cache
    from tipbrief.factbase import CorpusInputs
    from tipbrief.model import FactBase
    from tipbrief.render_html import HtmlPage
    from tipbrief.select import Brief

# Every stage is imported where it is used: a rebuild whose every brief comes from the cache never
# loads the renderers (Jinja2, markdown-it, WeasyPrint), and a build that prints a PDF forks its
# printer (PdfPrinter) before loading anything the printer does not need.

Format = Literal["md", "html", "pdf", "json"]
FORMATS: tuple[Format, ...] = ("md", "html", "pdf", "json")
MANIFEST = "manifest.json"


@dataclass(frozen=True, slots=True)
class Output:
    """One file of a build, held in memory until everything has been rendered."""

    name: str
    """File name inside the output folder."""
    data: bytes
    brief: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass(frozen=True, slots=True)
class BuildResult:
    outputs: tuple[Output, ...]
    warnings: tuple[str, ...]
    out: Path
    rendered: tuple[str, ...] = ()
    """Names of the briefs rendered in this build (the others came from the cache)."""
    extracted: int = 0
    """Articles extracted in this build (the others' extractions came from the cache)."""


def _json_value(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_json_value(v) for v in value]
    if isinstance(value, dict):
        return {k: _json_value(v) for k, v in value.items()}
    return value


def spec_to_dict(spec: BriefSpec) -> dict[str, Any]:
    """The spec as plain data; period bounds keep where they were written."""
    data = _json_value(dataclasses.asdict(spec))
    for key, bound in (("period_from", spec.period_from), ("period_to", spec.period_to)):
        if bound is not None:
            data[key]["where"] = str(bound.where)
    return dict(data)


def brief_to_dict(brief: Brief, sections: Sequence[str]) -> dict[str, Any]:
    """build/NAME.json: the spec, the events chosen in order with why, what was left out, warnings."""
    from tipbrief.factjson import event_to_dict, span_to_dict

    period = brief.period
    return {
        "tipbrief": tipbrief.__version__,
        "spec": spec_to_dict(brief.spec),
        "sections": list(sections),
        "period": {
            "earliest": period.earliest.isoformat() if period.earliest else None,
            "latest": period.latest.isoformat() if period.latest else None,
            "from": period.from_label,
            "to": period.to_label,
            "from_event": period.from_event.id if period.from_event else None,
            "to_event": period.to_event.id if period.to_event else None,
        },
        "events": [
            {
                **event_to_dict(c.event),
                "uncertain": c.uncertain,
                "reasons": [str(r) for r in c.reasons],
            }
            for c in brief.events
        ],
        "left_out": [
            {"id": x.event.id, "title": x.event.title, "reason": x.reason, "ambiguous": x.ambiguous}
            for x in brief.left_out
        ],
        "glossary": [
            {"short": g.short, "long": g.long, "sources": [span_to_dict(s) for s in g.sources]}
            for g in brief.glossary
        ],
        "documents": [
            {"id": d.id, "path": d.path, "sha256": d.sha256, "title": d.title} for d in brief.documents
        ],
        "warnings": list(brief.warnings),
    }


def dump_json(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def load_specs(paths: Sequence[Path]) -> tuple[BriefSpec, ...]:
    """Every spec, or one InputError carrying every problem of every file."""
    from tipbrief.spec import load_spec

    specs: list[BriefSpec] = []
    problems: list[str] = []
    for path in paths:
        try:
            specs.append(load_spec(path))
        except InputError as err:
            problems.extend(err.problems)
    names: dict[str, str] = {}
    for spec in specs:
        if f"{spec.name}.json" == MANIFEST:
            problems.append(
                f"{spec.path}:1:1: a spec named '{spec.name}' would write build/{MANIFEST} over the "
                "build's manifest; rename the file"
            )
        if spec.name in names:
            problems.append(
                f"{spec.path}:1:1: another spec ({names[spec.name]}) has the same name '{spec.name}', and "
                "both would write build/" + spec.name + ".*; rename one file"
            )
        names[spec.name] = spec.path
    if problems:
        raise InputError(problems)
    return tuple(specs)


@dataclass(frozen=True, slots=True)
class Prepared:
    """A brief selected and rendered up to HTML; the PDF, the slow part, may be made elsewhere."""

    spec: BriefSpec
    brief: Brief
    outputs: tuple[Output, ...]
    """The Markdown and HTML outputs requested."""
    page: HtmlPage | None
    """The HTML page, when a PDF is requested."""
    templates: tuple[Path, ...]


def prepare_brief(
    spec: BriefSpec,
    facts: FactBase,
    formats: Iterable[Format],
    templates: Sequence[Path],
    page_size: PageSize | None = None,
) -> Prepared:
    """Select the brief's events and render its Markdown and HTML, in memory."""
    from tipbrief.render_html import render_html
    from tipbrief.render_markdown import render_markdown
    from tipbrief.select import select

    wanted = set(formats)
    brief = select(spec, facts)
    markdown = render_markdown(brief, templates)
    outputs: list[Output] = []
    page = None
    if "md" in wanted:
        outputs.append(Output(f"{spec.name}.md", markdown.encode("utf-8"), spec.name))
    if wanted & {"html", "pdf"}:
        page = render_html(markdown, brief, templates, page_size)
        if "html" in wanted:
            outputs.append(Output(f"{spec.name}.html", page.html.encode("utf-8"), spec.name))
    return Prepared(spec, brief, tuple(outputs), page if "pdf" in wanted else None, tuple(templates))


@dataclass(frozen=True, slots=True)
class Printed:
    """A brief's PDF and the warnings its render gave (render_pdf's result, without WeasyPrint's
    module, which this process need not import when a printer process made the PDF)."""

    pdf: bytes
    warnings: tuple[str, ...]


def _pdf_job(prepared: Prepared) -> tuple[Any, ...]:
    """render_pdf's arguments for a prepared brief, as plain picklable values."""
    assert prepared.page is not None
    spec = prepared.spec
    return (prepared.page.html, prepared.templates, prepared.page.data_uris, spec.issued, spec.name)


def _print(job: tuple[Any, ...]) -> Printed:
    # Imported here: WeasyPrint is slow to import and only this format needs it.
    from tipbrief.render_pdf import render_pdf

    html, templates, data_uris, issued, name = job
    result = render_pdf(html, templates=templates, data_uris=data_uris, issued=issued, name=name)
    return Printed(result.pdf, result.warnings)


def print_pdf(prepared: Prepared) -> Printed:
    """The PDF of a prepared brief, printed in this process."""
    return _print(_pdf_job(prepared))


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
        from tipbrief.parallel import fork_is_safe

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

    def print(self, prepared: Prepared) -> Printed:
        """The PDF of ``prepared``, printed by the child (or here if the child is gone)."""
        import pickle

        answer = b""
        if self.pid is not None:
            try:
                with open(self._jobs, "wb") as pipe:
                    self._jobs = -1
                    pipe.write(pickle.dumps(_pdf_job(prepared), protocol=pickle.HIGHEST_PROTOCOL))
                with open(self._results, "rb") as pipe:
                    self._results = -1
                    answer = pipe.read()
            except OSError:  # the child is gone (a broken pipe): print here
                answer = b""
            finally:
                self.close()
        if not answer:
            return print_pdf(prepared)
        kind, value = pickle.loads(answer)
        if kind == "ok":
            pdf, warnings = value
            return Printed(pdf, warnings)
        if kind == "build":
            raise BuildError(value)
        raise _render_failed_message(prepared.spec, value)

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
    import tipbrief.render_pdf  # noqa: F401  the point of the child: this import, started at once

    with open(jobs, "rb") as pipe:
        job = pipe.read()
    if not job:
        return  # the parent no longer needs a PDF
    answer: tuple[str, Any]
    try:
        printed = _print(pickle.loads(job))
        answer = ("ok", (printed.pdf, printed.warnings))
    except BuildError as err:
        answer = ("build", str(err))
    except Exception as err:  # reported by the parent as the render's failure
        answer = ("failed", f"{type(err).__name__}: {err}")
    with open(results, "wb") as pipe:
        pipe.write(pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL))


def finish_brief(
    prepared: Prepared, formats: Iterable[Format], pdf: Printed | None
) -> tuple[tuple[Output, ...], tuple[str, ...]]:
    """Every requested output of a prepared brief, in the order of FORMATS, and its warnings."""
    from tipbrief.render_markdown import resolve_sections

    spec, brief = prepared.spec, prepared.brief
    warnings = list(brief.warnings)
    outputs = list(prepared.outputs)
    if pdf is not None:
        warnings.extend(pdf.warnings)
        outputs.append(Output(f"{spec.name}.pdf", pdf.pdf, spec.name))
    if "json" in set(formats):
        data = brief_to_dict(brief, resolve_sections(brief))
        data["warnings"] = warnings
        outputs.append(Output(f"{spec.name}.json", dump_json(data), spec.name))
    return tuple(outputs), tuple(warnings)


def render_brief(
    spec: BriefSpec,
    facts: FactBase,
    formats: Iterable[Format],
    templates: Sequence[Path],
    page_size: PageSize | None = None,
    printer: PdfPrinter | None = None,
) -> tuple[tuple[Output, ...], tuple[str, ...]]:
    """All requested outputs of one brief, in memory, and its warnings. Writes nothing.
    With ``printer``, the PDF is printed by that child process."""
    chosen = tuple(formats)
    prepared = prepare_brief(spec, facts, chosen, templates, page_size)
    pdf = None
    if prepared.page is not None:
        pdf = printer.print(prepared) if printer is not None else print_pdf(prepared)
    return finish_brief(prepared, chosen, pdf)


def stage(path: Path, data: bytes) -> Path:
    """Write ``data`` to a temporary file beside ``path`` (same folder, so the rename is atomic)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


# What stage() names a temporary file: "." + the output's name + mkstemp's 8 characters + ".tmp".
_STAGED = re.compile(r"\..+\.(?:md|html|pdf|json)\.[a-z0-9_]{8}\.tmp")


@contextlib.contextmanager
def locked(folder: Path) -> Iterator[int | None]:
    """Hold an exclusive lock on ``folder`` itself (no lock file to leave behind) and yield its
    descriptor: builds into one folder then write one after the other, each its whole set of
    files and its manifest. The kernel drops the lock when a build dies, even by SIGKILL."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.name != "posix":
        yield None
        return
    import fcntl

    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield fd
    finally:
        os.close(fd)


def write_all(
    files: Sequence[tuple[Path, bytes]], folder: Path | None = None, *, skip_unchanged: bool = False
) -> None:
    """Stage every file, then rename each over its target in order: readers never see half a file,
    and a failure while staging (a full disk) leaves every previous output as it was.

    With ``folder`` (where every file goes), this runs under the folder's lock and first removes
    temporary files that a killed build left: no build holds the lock, so none is being written.
    ``skip_unchanged`` leaves files that already hold exactly their bytes alone (checked under the
    lock, so that another build cannot change them between the check and the manifest).
    """
    with locked(folder) if folder is not None else contextlib.nullcontext() as fd:
        if folder is not None:
            for stale in folder.iterdir():
                if _STAGED.fullmatch(stale.name):
                    stale.unlink(missing_ok=True)
        if skip_unchanged:
            files = [(path, data) for path, data in files if not _holds(path, data)]
        staged: list[tuple[Path, Path]] = []
        try:
            for path, data in files:
                staged.append((stage(path, data), path))
        except OSError as err:
            for tmp, _ in staged:
                tmp.unlink(missing_ok=True)
            raise BuildError(f"{path}: cannot write: {err.strerror or err}; nothing was replaced") from None
        for tmp, path in staged:
            os.replace(tmp, path)
        if fd is not None and staged:
            os.fsync(fd)  # the renames themselves survive a power cut


def manifest(outputs: Sequence[Output], warnings: Sequence[str]) -> bytes:
    return dump_json(
        {
            "tipbrief": tipbrief.__version__,
            "outputs": [
                {"path": o.name, "brief": o.brief, "bytes": len(o.data), "sha256": o.sha256}
                for o in sorted(outputs, key=lambda o: o.name)
            ],
            "warnings": list(warnings),
        }
    )


# What a worker renders with, imported once by the fork server (or by each spawned worker).
WORKER_MODULES = ("tipbrief.render_pdf", "tipbrief.render_html", "tipbrief.select", "tipbrief.build")


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


def brief_key(
    spec_path: str, facts_key: str, templates_key: str, formats: Sequence[Format], page_size: PageSize | None
) -> str:
    """Hash of every input of one brief's outputs (the fact base's inputs through ``facts_key``);
    ``spec_path`` is the spec's path as its messages show it (BriefSpec.path)."""
    from tipbrief.cache import SCHEMA, code_key, digest, optional_file_key, render_key

    return digest(
        "brief",
        str(SCHEMA),
        code_key(),
        render_key(),
        facts_key,
        spec_path,
        optional_file_key(Path(spec_path)),
        templates_key,
        ",".join(sorted(formats)),
        page_size or "",
        # The PDF stage pins font timestamps to the date of issue unless this is set.
        os.environ.get("SOURCE_DATE_EPOCH", ""),
    )


@dataclass(frozen=True, slots=True)
class _Planned:
    """One spec's place in a build: its cache key, and its outputs if the cache had them."""

    spec: BriefSpec
    key: str | None
    cached: tuple[tuple[Output, ...], tuple[str, ...]] | None


def build_briefs(
    spec_paths: Sequence[Path],
    seeds: Path,
    out: Path,
    formats: Iterable[Format] = FORMATS,
    strict: bool = False,
    *,
    page_size: PageSize | None = None,
    project: Path | None = None,
    facts: FactBase | None = None,
    progress: Callable[[str], None] | None = None,
    cache: Cache | None = None,
    jobs: int = 1,
) -> BuildResult:
    """Build every brief, then write them all; on any error write nothing and leave ``out`` as it was.

    Bad specs raise InputError (every problem of every spec at once); with ``strict``, any
    warning raises BuildError. ``facts`` skips reading ``seeds`` (tests use a fixture) and the cache.
    With ``cache``, a brief whose inputs all hash as before is taken from it without rendering,
    and the fact base is built only if some brief must be rendered. With ``jobs`` > 1, one brief's
    PDF is printed by a PdfPrinter and several briefs are rendered by that many worker processes;
    the outputs are the same bytes whatever ``jobs`` is.
    """
    chosen = tuple(dict.fromkeys(formats))
    if not spec_paths:
        raise InputError([f"{out}:1:1: no brief spec to build; pass SPEC files or add briefs/*.yaml"])
    printer = None
    if _wants_printer(chosen, jobs, len(spec_paths)) and (cache is None or facts is not None):
        # Nothing cached can spare this brief its PDF: the printer starts before anything else.
        printer = PdfPrinter.start()
    pool = None
    try:
        from tipbrief.render_markdown import template_dirs

        project = project if project is not None else seeds.resolve().parent
        templates = template_dirs(project)
        inputs: CorpusInputs | None = None
        if facts is None and seeds.is_dir():
            from tipbrief.factbase import scan_inputs

            inputs = scan_inputs(seeds, project, cache)
        elif facts is not None:
            cache = None  # a fact base passed in has no input hashes to key the cache by
        lookups = _look_up(spec_paths, inputs, cache, templates, chosen, page_size)
        missing = sum(cached is None for _, cached in lookups)
        if printer is None and _wants_printer(chosen, jobs, missing):
            # Started as soon as the cache has told that the PDF must be printed.
            printer = PdfPrinter.start()
        specs = load_specs(spec_paths)
        if facts is None and inputs is None:
            raise InputError([f"{seeds}:1:1: no such folder of articles; pass --seeds DIR"])
        plan = [_Planned(spec, key, cached) for spec, (key, cached) in zip(specs, lookups, strict=True)]
        fact_warnings: list[str] | None = None
        if cache is not None and inputs is not None:
            fact_warnings = cache.get("facts", f"warnings:{inputs.key}")
        extracted = 0
        if cache is not None and missing:
            from tipbrief.cache import TEMPLATE_BYTECODE, template_bytecode_key

            TEMPLATE_BYTECODE.entries.update(cache.get("templates", template_bytecode_key()) or {})
        if missing or fact_warnings is None:
            if "pdf" in chosen and missing > 1 and jobs > 1:
                # Started first: the workers load WeasyPrint while this process builds the fact base.
                pool = pdf_pool(min(jobs, missing))
            if facts is None:
                assert inputs is not None
                facts, extracted = _fact_base(inputs, cache, jobs)
        if facts is not None:
            fact_warnings = [str(p) for p in facts.problems]
        results = _render(plan, facts, chosen, templates, page_size, progress, pool, printer)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
        if printer is not None:
            printer.close()
    assert fact_warnings is not None
    warnings = list(fact_warnings)
    outputs: list[Output] = []
    for rendered, brief_warnings in results:
        outputs.extend(rendered)
        warnings.extend(brief_warnings)
    warnings = list(dict.fromkeys(warnings))
    if strict and warnings:
        count = f"{len(warnings)} warning{'s' if len(warnings) != 1 else ''}"
        raise BuildError("\n".join([*warnings, f"{count} and --strict: nothing written"]))
    files = [(out / o.name, o.data) for o in outputs]
    files.append((out / MANIFEST, manifest(outputs, warnings)))
    # With the cache, files that already hold exactly these bytes are left alone: a no-op build
    # touches nothing.
    write_all(files, out, skip_unchanged=cache is not None)
    rendered_names = tuple(p.spec.name for p in plan if p.cached is None)
    if cache is not None:
        from tipbrief.cache import TEMPLATE_BYTECODE, template_bytecode_key

        if TEMPLATE_BYTECODE.added:
            cache.put("templates", template_bytecode_key(), "jinja", dict(TEMPLATE_BYTECODE.entries))
        for p, result in zip(plan, results, strict=True):
            if p.cached is None and p.key is not None:
                cache.put("briefs", p.key, f"{p.spec.name}|{','.join(sorted(chosen))}", result)
        cache.flush()
    return BuildResult(
        outputs=tuple(outputs),
        warnings=tuple(warnings),
        out=out,
        rendered=rendered_names,
        extracted=extracted,
    )


def _wants_printer(formats: Sequence[Format], jobs: int, to_render: int) -> bool:
    """Whether one brief's PDF is to be printed by a PdfPrinter: several go to a pool of workers,
    and --jobs 1 asks for one process."""
    return "pdf" in formats and jobs > 1 and to_render == 1


def _fact_base(inputs: CorpusInputs, cache: Cache | None, jobs: int) -> tuple[FactBase, int]:
    """The resolved fact base, built incrementally with the cache (unchanged inputs: nothing is
    extracted or resolved again, see factbase.py), and the number of articles extracted for it."""
    from tipbrief.factbase import assemble_fact_base

    made = assemble_fact_base(inputs, cache, jobs)
    if cache is not None:
        cache.put("facts", f"warnings:{inputs.key}", "facts-warnings", [str(p) for p in made.facts.problems])
    return made.facts, made.extracted


Lookup = tuple[str | None, tuple[tuple[Output, ...], tuple[str, ...]] | None]
"""A spec's cache key and its outputs if the cache has them."""


def _look_up(
    spec_paths: Sequence[Path],
    inputs: CorpusInputs | None,
    cache: Cache | None,
    templates: Sequence[Path],
    formats: Sequence[Format],
    page_size: PageSize | None,
) -> list[Lookup]:
    """Each spec's key and cached outputs, from its file alone: known before the specs are parsed,
    so that a printer is started as early as it can be."""
    if cache is None or inputs is None:
        return [(None, None) for _ in spec_paths]
    from tipbrief.cache import templates_key
    from tipbrief.yamlsafe import display_path

    shared = templates_key(templates)
    found: list[Lookup] = []
    for path in spec_paths:
        key = brief_key(display_path(path), inputs.key, shared, formats, page_size)
        found.append((key, cache.get("briefs", key)))
    return found


Rendered = tuple[tuple[Output, ...], tuple[str, ...]]


def _render(
    plan: Sequence[_Planned],
    facts: FactBase | None,
    formats: Sequence[Format],
    templates: Sequence[Path],
    page_size: PageSize | None,
    progress: Callable[[str], None] | None,
    pool: ProcessPoolExecutor | None,
    printer: PdfPrinter | None = None,
) -> list[Rendered]:
    """Each planned brief's outputs and warnings, in plan order: in ``pool``'s workers when given,
    else here, with ``printer`` printing the PDF. ``facts`` may be None only when every brief
    comes from the cache."""
    for index, p in enumerate(plan):
        if progress is not None:
            note = " (unchanged)" if p.cached is not None else ""
            progress(f"[{index + 1}/{len(plan)}] {p.spec.name}{note}")
    done: dict[int, Rendered] = {}
    problems: dict[int, tuple[str, ...]] = {}
    if pool is not None and facts is not None:
        _render_in_pool(plan, facts, formats, templates, page_size, pool, done, problems)
    for index, p in enumerate(plan):
        if p.cached is not None or index in done or index in problems:
            continue
        assert facts is not None
        try:
            done[index] = render_brief(p.spec, facts, formats, templates, page_size, printer)
        except InputError as err:
            # Keep going, so that one run reports the problems of every spec.
            problems[index] = err.problems
        except TipbriefError:
            raise
        except Exception as err:  # a renderer bug must not leave half a build behind
            raise _render_failed(p.spec, err) from err
    if problems:
        raise InputError([line for index in sorted(problems) for line in problems[index]])
    return [p.cached if p.cached is not None else done[index] for index, p in enumerate(plan)]


def _render_in_pool(
    plan: Sequence[_Planned],
    facts: FactBase,
    formats: Sequence[Format],
    templates: Sequence[Path],
    page_size: PageSize | None,
    pool: ProcessPoolExecutor,
    done: dict[int, Rendered],
    problems: dict[int, tuple[str, ...]],
) -> None:
    """Render whole briefs in the workers, this process only waiting, so that N workers keep N
    cores busy. A brief a broken pool could not render is left for the caller to render here."""
    from concurrent.futures.process import BrokenProcessPool

    from tipbrief.cache import dumps

    # The fact base reaches each worker once, through a file, however many briefs it renders.
    handle, name = tempfile.mkstemp(prefix="tipbrief-facts-", suffix=".pickle")
    try:
        from tipbrief.cache import TEMPLATE_BYTECODE

        with os.fdopen(handle, "wb") as file:
            file.write(dumps((facts, dict(TEMPLATE_BYTECODE.entries))))
        futures: dict[int, Future[tuple[str, Any]]] = {}
        try:
            for index, p in enumerate(plan):
                if p.cached is None:
                    futures[index] = pool.submit(
                        _brief_task, name, p.spec, formats, tuple(templates), page_size
                    )
        except BrokenProcessPool:
            pass
        for index, future in futures.items():
            try:
                kind, value = future.result()
            except BrokenProcessPool:
                continue
            except TipbriefError:
                raise
            except Exception as err:
                raise _render_failed(plan[index].spec, err) from err
            if kind == "input":
                problems[index] = value
            else:
                done[index] = value
    finally:
        Path(name).unlink(missing_ok=True)


_WORKER_FACTS: dict[str, FactBase] = {}
"""In a worker: the fact base of the build it serves, read once from its file."""


def _brief_task(
    facts_file: str,
    spec: BriefSpec,
    formats: Sequence[Format],
    templates: Sequence[Path],
    page_size: PageSize | None,
) -> tuple[str, Any]:
    """One brief rendered whole in a worker: ("ok", (outputs, warnings)) or ("input", problems)."""
    facts = _WORKER_FACTS.get(facts_file)
    if facts is None:
        import pickle

        from tipbrief.cache import TEMPLATE_BYTECODE

        facts, compiled = pickle.loads(Path(facts_file).read_bytes())
        TEMPLATE_BYTECODE.entries.update(compiled)
        _WORKER_FACTS.clear()
        _WORKER_FACTS[facts_file] = facts
    try:
        return "ok", render_brief(spec, facts, formats, templates, page_size)
    except InputError as err:
        # Returned, not raised: an InputError rebuilt from its pickle would lose its problem lines.
        return "input", err.problems


def _render_failed(spec: BriefSpec, err: Exception) -> BuildError:
    return _render_failed_message(spec, f"{type(err).__name__}: {err}")


def _render_failed_message(spec: BriefSpec, what: str) -> BuildError:
    return BuildError(f"{spec.path}: could not render the brief: {what}")


def _holds(path: Path, data: bytes) -> bool:
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False
