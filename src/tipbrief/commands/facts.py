"""`tipbrief facts`: build the fact base from the articles and print it as a table or JSON."""

from __future__ import annotations

from pathlib import Path

import click

from tipbrief.commands.errors import reports_errors
from tipbrief.commands.options import cores, jobs_option, seeds_option
from tipbrief.facts.model import Conflict, FactBase
from tipbrief.facts.resolve.conflicts import shown_readings, sources_phrase


def format_table(facts: FactBase) -> str:
    """One line per event for people to read: date label, title, place, sources; ⚠ on conflicts."""
    lines = []
    for e in facts.events:
        mark = "⚠ " if e.conflicts else "  "
        certainty = "" if e.date.basis == "stated" else " (inferred)"
        place = (
            f"{e.place.name}, {e.place.country}"
            if e.place and e.place.name != e.place.country
            else (e.place.name if e.place else "place unknown")
        )
        docs = ", ".join(dict.fromkeys(s.document for s in e.sources))
        lines.append(f"{mark}{e.date.label}{certainty} | {e.title} | {place} | {docs}")
        lines.append(f"    id: {e.id}")
        for c in e.conflicts:
            lines.append(f"    ⚠ {c.field}: {_readings(c)} — {c.note}")
    for p in facts.problems:
        lines.append(f"warning: {p}")
    return "\n".join(lines) + "\n"


def _readings(conflict: Conflict) -> str:
    """ "21 November 2015 (1,285 sources) vs 27 November 2015 (72 sources) and 4 more": counts
    only when some value has more than one source; the first few kept and set-aside readings."""
    counted = any(r.count > 1 for r in conflict.readings)
    shown, hidden = shown_readings(conflict.readings)
    text = " vs ".join(f"{r.value} ({sources_phrase(r.count)})" if counted else r.value for r in shown)
    return text + (f" and {len(hidden):,} more" if hidden else "")


@click.command()
@seeds_option("Folder of articles.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@jobs_option()
@reports_errors
def facts(seeds: Path, fmt: str, jobs: int | None) -> None:
    """Build the fact base from the articles in SEEDS and print it.

    Example: tipbrief facts --seeds seeds --format json > facts.json
    """
    from tipbrief.build.factbase import assemble_fact_base, scan_inputs
    from tipbrief.common.errors import InputError
    from tipbrief.facts.factjson import dump_fact_base

    if not seeds.is_dir():
        raise InputError([f"{seeds}:1:1: no such folder of articles; pass --seeds DIR"])
    fb = assemble_fact_base(scan_inputs(seeds), jobs=cores(jobs)).facts
    click.echo(dump_fact_base(fb) if fmt == "json" else format_table(fb), nl=False)
