"""`tipbrief events`: list the fact base's events by date, with the ids a spec's period can name."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path

import click

from tipbrief.briefs.select import sort_key
from tipbrief.commands.errors import reports_errors
from tipbrief.commands.options import seeds_option
from tipbrief.common.errors import InputError
from tipbrief.common.yamlsafe import printable
from tipbrief.facts.model import Event, FactBase

HOW_TO_USE = "Name an event in a spec by its id: period: {from: {event: ID}, to: {event: ID}}"
# Beyond this a date label would push the ids far to the right; longer labels overflow alone.
_DATE_COLUMN = 42


def by_date(events: Iterable[Event]) -> tuple[Event, ...]:
    """Events in the order a brief lists them: earliest first, undated last, ties by id."""
    return tuple(sorted(events, key=sort_key))


def can_bound_a_period(event: Event) -> bool:
    return event.date.earliest is not None and event.date.latest is not None


def date_text(event: Event) -> str:
    """The date label as a reader sees it, saying when it was inferred or cannot bound a period."""
    label = printable(" ".join(event.date.label.split()), 80)
    if not can_bound_a_period(event):
        return f"{label} (no date: cannot bound a period)"
    return label if event.date.basis == "stated" else f"{label} (inferred)"


def format_events(events: Sequence[Event], indent: str = "") -> list[str]:
    """Two lines per event: date and id, then the title; for terminals and spec comments alike."""
    ordered = by_date(events)
    dates = [date_text(e) for e in ordered]
    width = min(max((len(d) for d in dates), default=0), _DATE_COLUMN)
    lines = []
    for event, shown in zip(ordered, dates, strict=True):
        lines.append(f"{indent}{shown.ljust(width)}  {event.id}")
        lines.append(f"{indent}    {printable(' '.join(event.title.split()), 200)}")
    return lines


def format_table(facts: FactBase) -> str:
    """The ``table`` output: every event, a count and how to use an id."""
    count = len(facts.events)
    if not count:
        return "The fact base has no events: period bounds must be dates (2015, 2015-11, 2015-11-21).\n"
    lines = format_events(facts.events)
    lines.append("")
    lines.append(f"{count} event{'s' if count != 1 else ''}. {HOW_TO_USE}")
    return "\n".join(lines) + "\n"


def events_to_json(facts: FactBase) -> str:
    """The ``json`` output: one object per event, by date; stable keys and order."""
    rows = [
        {
            "id": e.id,
            "title": e.title,
            "kind": e.kind,
            "label": e.date.label,
            "earliest": e.date.earliest.isoformat() if e.date.earliest else None,
            "latest": e.date.latest.isoformat() if e.date.latest else None,
            "basis": e.date.basis,
        }
        for e in by_date(facts.events)
    ]
    return json.dumps({"events": rows}, indent=2, ensure_ascii=False) + "\n"


def load_facts(seeds: Path) -> FactBase:
    """The fact base built from ``seeds``, or an InputError when there is no such folder."""
    if not seeds.is_dir():
        raise InputError([f"{seeds.as_posix()}:1:1: no such folder of articles; pass --seeds DIR"])
    # Imported here: building the fact base pulls in every pipeline stage.
    from tipbrief.build.factbase import build_fact_base

    return build_fact_base(seeds)


@click.command()
@seeds_option()
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="table: date, id and title for people; json: the same for tools.",
)
@reports_errors
def events(seeds: Path, output_format: str) -> None:
    """List the events of the fact base by date, with their ids, for period references.

    A spec's period can start or end at an event: period: {from: {event: ID}}.
    Warnings about the articles go to stderr.

    Example: tipbrief events --seeds seeds --format json
    """
    facts = load_facts(seeds)
    click.echo(events_to_json(facts) if output_format == "json" else format_table(facts), nl=False)
    for problem in facts.problems:
        click.echo(f"warning: {problem}", err=True)
