"""Build briefs: gather every output in memory first, then write them atomically, the manifest last."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tipbrief.build.outputs import MANIFEST, Output, manifest, write_all
from tipbrief.build.printer import PdfPrinter, pdf_pool
from tipbrief.build.render import FORMATS, Format, render_brief, render_failed
from tipbrief.common.errors import BuildError, InputError, TipbriefError

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

    from tipbrief.briefs.spec_model import BriefSpec, PageSize
    from tipbrief.build.cache import Cache
    from tipbrief.build.editions import EarlierFile
    from tipbrief.build.factbase import CorpusInputs
    from tipbrief.facts.model import FactBase

# Every stage is imported where it is used: a rebuild whose every brief comes from the cache never
# loads the renderers (Jinja2, markdown-it, WeasyPrint), and a build that prints a PDF forks its
# printer (PdfPrinter) before loading anything the printer does not need.


@dataclass(frozen=True, slots=True)
class BuildResult:
    outputs: tuple[Output, ...]
    warnings: tuple[str, ...]
    out: Path
    rendered: tuple[str, ...] = ()
    """Names of the briefs rendered in this build (the others came from the cache)."""
    extracted: int = 0
    """Articles extracted in this build (the others' extractions came from the cache)."""


def load_specs(paths: Sequence[Path]) -> tuple[BriefSpec, ...]:
    """Every spec, or one InputError carrying every problem of every file."""
    from tipbrief.briefs.spec import load_spec

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


def brief_key(
    spec_path: str, facts_key: str, templates_key: str, formats: Sequence[Format], page_size: PageSize | None
) -> str:
    """Hash of every input of one brief's outputs (the fact base's inputs through ``facts_key``);
    ``spec_path`` is the spec's path as its messages show it (BriefSpec.path)."""
    from tipbrief.build.cache import SCHEMA, code_key, digest, optional_file_key, render_key

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


def edition_key(base: str, earlier: str) -> str:
    """The key of a brief's outputs: ``base`` (brief_key) and the sha256 of its earlier edition's
    JSON ("" when it has none), because what a brief says changed depends on that edition."""
    from tipbrief.build.cache import digest

    return digest("edition", base, earlier)


@dataclass(frozen=True, slots=True)
class _Planned:
    """One spec's place in a build: its cache key, and its outputs if the cache had them."""

    spec: BriefSpec
    key: str | None
    cached: tuple[tuple[Output, ...], tuple[str, ...]] | None
    base: str | None = None
    """The key of everything but the earlier edition (see edition_key)."""
    earlier: EarlierFile | None = None


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
    since: Sequence[Path] = (),
) -> BuildResult:
    """Build every brief, then write them all; on any error write nothing and leave ``out`` as it was.

    Bad specs raise InputError (every problem of every spec at once); with ``strict``, any
    warning raises BuildError. ``facts`` skips reading ``seeds`` (tests use a fixture) and the cache.
    With ``cache``, a brief whose inputs all hash as before is taken from it without rendering,
    and the fact base is built only if some brief must be rendered. With ``jobs`` > 1, one brief's
    PDF is printed by a PdfPrinter and several briefs are rendered by that many worker processes;
    the outputs are the same bytes whatever ``jobs`` is.

    A brief that says what changed compares itself with its earlier edition: the brief JSON in
    ``since`` (files or folders), else the one the previous build left in ``out``. A broken or
    foreign file in ``since`` is an InputError before anything is built.
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
        from tipbrief.briefs.templates import template_dirs

        project = project if project is not None else seeds.resolve().parent
        templates = template_dirs(project)
        inputs: CorpusInputs | None = None
        if facts is None and seeds.is_dir():
            from tipbrief.build.factbase import scan_inputs

            inputs = scan_inputs(seeds, project, cache)
        elif facts is not None:
            cache = None  # a fact base passed in has no input hashes to key the cache by
        earlier, since_problems = _earlier_editions(spec_paths, out, since)
        lookups = _look_up(spec_paths, inputs, cache, templates, chosen, page_size, earlier)
        missing = sum(cached is None for _, cached, _ in lookups)
        if printer is None and _wants_printer(chosen, jobs, missing):
            # Started as soon as the cache has told that the PDF must be printed.
            printer = PdfPrinter.start()
        specs = _specs(spec_paths, since_problems)
        if facts is None and inputs is None:
            raise InputError([f"{seeds}:1:1: no such folder of articles; pass --seeds DIR"])
        plan = [
            _Planned(spec, key, cached, base, earlier.get(spec.name))
            for spec, (key, cached, base) in zip(specs, lookups, strict=True)
        ]
        fact_warnings: list[str] | None = None
        if cache is not None and inputs is not None:
            fact_warnings = cache.get("facts", f"warnings:{inputs.key}")
        extracted = 0
        if cache is not None and missing:
            _load_compiled_templates(cache)
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
    outputs, warnings = _gathered(results, fact_warnings, strict)
    files = [(out / o.name, o.data) for o in outputs]
    files.append((out / MANIFEST, manifest(outputs, warnings)))
    # With the cache, files that already hold exactly these bytes are left alone: a no-op build
    # touches nothing.
    write_all(files, out, skip_unchanged=cache is not None)
    rendered_names = tuple(p.spec.name for p in plan if p.cached is None)
    if cache is not None:
        _remember(cache, plan, results, chosen)
    return BuildResult(
        outputs=tuple(outputs),
        warnings=tuple(warnings),
        out=out,
        rendered=rendered_names,
        extracted=extracted,
    )


def _earlier_editions(
    spec_paths: Sequence[Path], out: Path, since: Sequence[Path]
) -> tuple[dict[str, EarlierFile], tuple[str, ...]]:
    """Each brief's earlier edition by name, and the problems of a bad --since file: reported
    with the specs' problems, all at once."""
    from tipbrief.build.editions import earlier_editions

    try:
        return earlier_editions([p.stem for p in spec_paths], out, since), ()
    except InputError as err:
        return {}, err.problems


def _specs(spec_paths: Sequence[Path], since_problems: tuple[str, ...]) -> tuple[BriefSpec, ...]:
    """Every spec, or one InputError with every problem of the specs and of the --since files."""
    try:
        specs = load_specs(spec_paths)
    except InputError as err:
        raise InputError([*err.problems, *since_problems]) from None
    if since_problems:
        raise InputError(since_problems)
    return specs


def _load_compiled_templates(cache: Cache) -> None:
    """The templates a previous build compiled, so that this one need not compile them again."""
    from tipbrief.briefs.templates import TEMPLATE_BYTECODE
    from tipbrief.build.cache import template_bytecode_key

    TEMPLATE_BYTECODE.entries.update(cache.get("templates", template_bytecode_key()) or {})


def _gathered(
    results: Sequence[Rendered], fact_warnings: Sequence[str], strict: bool
) -> tuple[list[Output], list[str]]:
    """Every brief's outputs and all warnings, each once; with ``strict``, warnings fail the build."""
    warnings = list(fact_warnings)
    outputs: list[Output] = []
    for rendered, brief_warnings in results:
        outputs.extend(rendered)
        warnings.extend(brief_warnings)
    warnings = list(dict.fromkeys(warnings))
    if strict and warnings:
        count = f"{len(warnings)} warning{'s' if len(warnings) != 1 else ''}"
        raise BuildError("\n".join([*warnings, f"{count} and --strict: nothing written"]))
    return outputs, warnings


def _remember(
    cache: Cache, plan: Sequence[_Planned], results: Sequence[Rendered], formats: Sequence[Format]
) -> None:
    """Keep what this build rendered, and the templates it compiled, for the next build."""
    from tipbrief.briefs.templates import TEMPLATE_BYTECODE
    from tipbrief.build.cache import template_bytecode_key

    if TEMPLATE_BYTECODE.added:
        cache.put("templates", template_bytecode_key(), "jinja", dict(TEMPLATE_BYTECODE.entries))
    for p, result in zip(plan, results, strict=True):
        if p.cached is None and p.key is not None and p.base is not None:
            slot = f"{p.spec.name}|{','.join(sorted(formats))}"
            cache.put("briefs", p.key, slot, result)
            # The next build finds this very JSON as the brief's earlier edition: the same edition,
            # whose changes it keeps (briefs/changes.py, changes_since), so these same outputs.
            own = next((o for o in result[0] if o.name == f"{p.spec.name}.json"), None)
            if own is not None:
                cache.put("briefs", edition_key(p.base, own.sha256), slot, result)
    cache.flush()


def _wants_printer(formats: Sequence[Format], jobs: int, to_render: int) -> bool:
    """Whether one brief's PDF is to be printed by a PdfPrinter: several go to a pool of workers,
    and --jobs 1 asks for one process."""
    return "pdf" in formats and jobs > 1 and to_render == 1


def _fact_base(inputs: CorpusInputs, cache: Cache | None, jobs: int) -> tuple[FactBase, int]:
    """The resolved fact base, built incrementally with the cache (unchanged inputs: nothing is
    extracted or resolved again, see factbase.py), and the number of articles extracted for it."""
    from tipbrief.build.factbase import assemble_fact_base

    made = assemble_fact_base(inputs, cache, jobs)
    if cache is not None:
        cache.put("facts", f"warnings:{inputs.key}", "facts-warnings", [str(p) for p in made.facts.problems])
    return made.facts, made.extracted


Lookup = tuple[str | None, tuple[tuple[Output, ...], tuple[str, ...]] | None, str | None]
"""A spec's cache key, its outputs if the cache has them, and the key without its earlier edition."""


def _look_up(
    spec_paths: Sequence[Path],
    inputs: CorpusInputs | None,
    cache: Cache | None,
    templates: Sequence[Path],
    formats: Sequence[Format],
    page_size: PageSize | None,
    earlier: dict[str, EarlierFile],
) -> list[Lookup]:
    """Each spec's key and cached outputs, from its file alone: known before the specs are parsed,
    so that a printer is started as early as it can be."""
    if cache is None or inputs is None:
        return [(None, None, None) for _ in spec_paths]
    from tipbrief.build.cache import templates_key
    from tipbrief.common.yamlsafe import display_path

    shared = templates_key(templates)
    found: list[Lookup] = []
    for path in spec_paths:
        base = brief_key(display_path(path), inputs.key, shared, formats, page_size)
        before = earlier.get(path.stem)
        key = edition_key(base, before.sha256 if before is not None else "")
        found.append((key, cache.get("briefs", key), base))
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
            done[index] = render_brief(p.spec, facts, formats, templates, page_size, printer, p.earlier)
        except InputError as err:
            # Keep going, so that one run reports the problems of every spec.
            problems[index] = err.problems
        except TipbriefError:
            raise
        except Exception as err:  # a renderer bug must not leave half a build behind
            raise render_failed(p.spec, err) from err
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

    from tipbrief.build.cache import dumps

    # The fact base reaches each worker once, through a file, however many briefs it renders.
    handle, name = tempfile.mkstemp(prefix="tipbrief-facts-", suffix=".pickle")
    try:
        from tipbrief.briefs.templates import TEMPLATE_BYTECODE

        with os.fdopen(handle, "wb") as file:
            file.write(dumps((facts, dict(TEMPLATE_BYTECODE.entries))))
        futures: dict[int, Future[tuple[str, Any]]] = {}
        try:
            for index, p in enumerate(plan):
                if p.cached is None:
                    futures[index] = pool.submit(
                        _brief_task, name, p.spec, formats, tuple(templates), page_size, p.earlier
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
                raise render_failed(plan[index].spec, err) from err
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
    earlier: EarlierFile | None = None,
) -> tuple[str, Any]:
    """One brief rendered whole in a worker: ("ok", (outputs, warnings)) or ("input", problems)."""
    facts = _WORKER_FACTS.get(facts_file)
    if facts is None:
        import pickle

        from tipbrief.briefs.templates import TEMPLATE_BYTECODE

        facts, compiled = pickle.loads(Path(facts_file).read_bytes())
        TEMPLATE_BYTECODE.entries.update(compiled)
        _WORKER_FACTS.clear()
        _WORKER_FACTS[facts_file] = facts
    try:
        return "ok", render_brief(spec, facts, formats, templates, page_size, earlier=earlier)
    except InputError as err:
        # Returned, not raised: an InputError rebuilt from its pickle would lose its problem lines.
        return "input", err.problems
