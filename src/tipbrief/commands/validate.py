"""`tipbrief validate`: check brief specs and report every problem of every file at once."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import click

from tipbrief.briefs.spec import check_event_refs, event_refs, load_spec
from tipbrief.briefs.spec_model import BriefSpec
from tipbrief.commands.errors import reports_errors
from tipbrief.commands.options import seeds_option
from tipbrief.common.errors import InputError, Problem, TipbriefError
from tipbrief.common.yamlsafe import LocatedInputError, display_path, quote
from tipbrief.facts.model import Event, FactBase

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Finding:
    problem: Problem
    severity: Severity

    def __str__(self) -> str:
        p = self.problem
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{p.path}:{p.line}:{p.col}: {prefix}{p.message}"


@dataclass(frozen=True, slots=True)
class FileReport:
    path: str
    findings: tuple[Finding, ...]

    @property
    def ok(self) -> bool:
        return all(f.severity != "error" for f in self.findings)


@dataclass(frozen=True, slots=True)
class Unavailable:
    """Why event references cannot be checked, and how much that matters."""

    reason: str
    severity: Severity


EventSource = Callable[[], "tuple[Event, ...] | Unavailable"]


def _build_fact_base(seeds: Path) -> FactBase:
    # Imported here: building the fact base pulls in every pipeline stage, which most runs never need.
    from tipbrief.build.factbase import build_fact_base

    return build_fact_base(seeds)


def fact_base_events(seeds: Path) -> EventSource:
    """The fact base's events, built on first use only (most specs name no event) and then kept."""
    cache: list[tuple[Event, ...] | Unavailable] = []

    def events() -> tuple[Event, ...] | Unavailable:
        if not cache and not seeds.is_dir():
            shown = quote(seeds.as_posix())
            reason = f"there is no folder {shown} to build the fact base from; pass --seeds DIR"
            cache.append(Unavailable(reason, "error"))
        if not cache:
            try:
                cache.append(_build_fact_base(seeds).events)
            except NotImplementedError:
                cache.append(
                    Unavailable(
                        "the fact base cannot be built yet; it will be checked once it can", "warning"
                    )
                )
            except TipbriefError as err:
                first = str(err).splitlines()[0] if str(err) else type(err).__name__
                reason = (
                    f"the fact base from {quote(seeds.as_posix())} failed to build ({first}); fix that first"
                )
                cache.append(Unavailable(reason, "error"))
        return cache[0]

    return events


def check_file(path: Path, events: EventSource, environ: Mapping[str, str] | None = None) -> FileReport:
    """Every problem of one spec file, event references included when a fact base can be had."""
    display = display_path(path)
    try:
        spec = load_spec(path, environ=environ)
    except LocatedInputError as err:
        return FileReport(display, tuple(Finding(p, "error") for p in err.located))
    return FileReport(display, _event_findings(spec, events))


def _event_findings(spec: BriefSpec, events: EventSource) -> tuple[Finding, ...]:
    refs = event_refs(spec)
    if not refs:
        return ()
    available = events()
    if isinstance(available, Unavailable):
        return tuple(
            Finding(
                Problem(
                    ref.where.path,
                    ref.where.line,
                    ref.where.col,
                    f"event reference {quote(ref.event or '')} not checked: {available.reason}",
                ),
                available.severity,
            )
            for ref in refs
        )
    return tuple(Finding(p, "error") for p in check_event_refs(spec, available))


def _summary(reports: Sequence[FileReport]) -> str:
    errors = sum(1 for r in reports for f in r.findings if f.severity == "error")
    warnings = sum(1 for r in reports for f in r.findings if f.severity == "warning")
    checked = f"{len(reports)} spec{'s' if len(reports) != 1 else ''} checked"
    if not errors and not warnings:
        return f"{checked}: no problems"
    return (
        f"{checked}: {errors} error{'s' if errors != 1 else ''}, "
        f"{warnings} warning{'s' if warnings != 1 else ''}"
    )


def to_json(reports: Sequence[FileReport]) -> str:
    """The ``--format json`` document: stable keys and order."""
    files = [
        {
            "path": r.path,
            "ok": r.ok,
            "problems": [
                {
                    "line": f.problem.line,
                    "col": f.problem.col,
                    "message": f.problem.message,
                    "severity": f.severity,
                }
                for f in r.findings
            ],
        }
        for r in reports
    ]
    return json.dumps({"files": files}, indent=2, ensure_ascii=False)


@click.command()
@click.argument("specs", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
@seeds_option("Folder of articles whose fact base event references are checked against.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: one 'file:line:col: message' line per problem; json: a report for tools.",
)
@reports_errors
def validate(specs: tuple[Path, ...], seeds: Path, output_format: str) -> None:
    """Check brief specs (default: every briefs/*.yaml) and report every problem.

    Exits with 0 when every spec is valid (warnings allowed), 2 otherwise.

    Example: tipbrief validate briefs/asean-us-tip-chronology.yaml --format json
    """
    paths = list(specs) or sorted(Path("briefs").glob("*.yaml"))
    if not paths:
        raise InputError(["briefs/: no brief specs (*.yaml) found; pass spec files or add briefs/NAME.yaml"])
    events = fact_base_events(seeds)
    reports = [check_file(path, events) for path in paths]
    if output_format == "json":
        click.echo(to_json(reports))
    else:
        for report in reports:
            for finding in report.findings:
                click.echo(str(finding))
        click.echo(_summary(reports))
    if not all(r.ok for r in reports):
        sys.exit(2)
