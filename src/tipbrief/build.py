"""Build briefs: gather every output in memory first, then write them atomically, the manifest last."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal

from tipbrief import __version__
from tipbrief.briefspec import BriefSpec, PageSize
from tipbrief.errors import BuildError, InputError, TipbriefError
from tipbrief.factjson import event_to_dict, span_to_dict
from tipbrief.model import FactBase
from tipbrief.render_html import render_html
from tipbrief.render_markdown import render_markdown, resolve_sections, template_dirs
from tipbrief.select import Brief, select
from tipbrief.spec import load_spec

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
    period = brief.period
    return {
        "tipbrief": __version__,
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
    specs: list[BriefSpec] = []
    problems: list[str] = []
    for path in paths:
        try:
            specs.append(load_spec(path))
        except InputError as err:
            problems.extend(err.problems)
    names: dict[str, str] = {}
    for spec in specs:
        if spec.name in names:
            problems.append(
                f"{spec.path}:1:1: another spec ({names[spec.name]}) has the same name '{spec.name}', and "
                "both would write build/" + spec.name + ".*; rename one file"
            )
        names[spec.name] = spec.path
    if problems:
        raise InputError(problems)
    return tuple(specs)


def render_brief(
    spec: BriefSpec,
    facts: FactBase,
    formats: Iterable[Format],
    templates: Sequence[Path],
    page_size: PageSize | None = None,
) -> tuple[tuple[Output, ...], tuple[str, ...]]:
    """All requested outputs of one brief, in memory, and its warnings. Writes nothing."""
    wanted = set(formats)
    brief = select(spec, facts)
    warnings = list(brief.warnings)
    markdown = render_markdown(brief, templates)
    outputs: list[Output] = []
    if "md" in wanted:
        outputs.append(Output(f"{spec.name}.md", markdown.encode("utf-8"), spec.name))
    if wanted & {"html", "pdf"}:
        page = render_html(markdown, brief, templates, page_size)
        if "html" in wanted:
            outputs.append(Output(f"{spec.name}.html", page.html.encode("utf-8"), spec.name))
        if "pdf" in wanted:
            # Imported here: WeasyPrint is slow to import and only this format needs it.
            from tipbrief.render_pdf import render_pdf

            result = render_pdf(
                page.html, templates=templates, data_uris=page.data_uris, issued=spec.issued, name=spec.name
            )
            warnings.extend(result.warnings)
            outputs.append(Output(f"{spec.name}.pdf", result.pdf, spec.name))
    if "json" in wanted:
        data = brief_to_dict(brief, resolve_sections(brief))
        data["warnings"] = warnings
        outputs.append(Output(f"{spec.name}.json", dump_json(data), spec.name))
    return tuple(outputs), tuple(warnings)


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


def write_all(files: Sequence[tuple[Path, bytes]]) -> None:
    """Stage every file, then rename each over its target in order: readers never see half a file,
    and a failure while staging (a full disk) leaves every previous output as it was."""
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


def manifest(outputs: Sequence[Output], warnings: Sequence[str]) -> bytes:
    return dump_json(
        {
            "tipbrief": __version__,
            "outputs": [
                {"path": o.name, "brief": o.brief, "bytes": len(o.data), "sha256": o.sha256}
                for o in sorted(outputs, key=lambda o: o.name)
            ],
            "warnings": list(warnings),
        }
    )


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
) -> BuildResult:
    """Build every brief, then write them all; on any error write nothing and leave ``out`` as it was.

    Bad specs raise InputError (every problem of every spec at once); with ``strict``, any
    warning raises BuildError. ``facts`` skips reading ``seeds`` (tests use a fixture).
    """
    chosen = tuple(dict.fromkeys(formats))
    if not spec_paths:
        raise InputError([f"{out}:1:1: no brief spec to build; pass SPEC files or add briefs/*.yaml"])
    specs = load_specs(spec_paths)
    project = project if project is not None else seeds.resolve().parent
    templates = template_dirs(project)
    if facts is None:
        from tipbrief.factbase import build_fact_base

        if not seeds.is_dir():
            raise InputError([f"{seeds}:1:1: no such folder of articles; pass --seeds DIR"])
        facts = build_fact_base(seeds, project)
    warnings = [str(p) for p in facts.problems]
    outputs: list[Output] = []
    problems: list[str] = []
    for index, spec in enumerate(specs, start=1):
        if progress is not None:
            progress(f"[{index}/{len(specs)}] {spec.name}")
        try:
            rendered, brief_warnings = render_brief(spec, facts, chosen, templates, page_size)
        except InputError as err:
            # Keep going, so that one run reports the problems of every spec.
            problems.extend(err.problems)
            continue
        except TipbriefError:
            raise
        except Exception as err:  # a renderer bug must not leave half a build behind
            raise BuildError(f"{spec.path}: could not render the brief: {type(err).__name__}: {err}") from err
        outputs.extend(rendered)
        warnings.extend(brief_warnings)
    if problems:
        raise InputError(problems)
    warnings = list(dict.fromkeys(warnings))
    if strict and warnings:
        count = f"{len(warnings)} warning{'s' if len(warnings) != 1 else ''}"
        raise BuildError("\n".join([*warnings, f"{count} and --strict: nothing written"]))
    files = [(out / o.name, o.data) for o in outputs]
    files.append((out / MANIFEST, manifest(outputs, warnings)))
    write_all(files)
    return BuildResult(outputs=tuple(outputs), warnings=tuple(warnings), out=out)
