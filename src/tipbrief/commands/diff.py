"""`tipbrief diff`: what changed between two editions of a brief, as text or JSON, with diff's exit codes."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from tipbrief.commands.errors import reports_errors


@click.command()
@click.argument("old", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("new", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: a line per change, its citations indented under it; json: the changes as the brief "
    "JSON records them.",
)
@reports_errors
def diff(old: Path, new: Path, fmt: str) -> None:
    """Say what changed from OLD to NEW: two editions of one brief, as `tipbrief build` wrote
    them (NAME.json).

    Events added or removed (and why), dates narrowed, widened or contradicted (and the
    evidence that moved them), titles, places, sources, conflicts and the period, each change
    with its citations. Events are matched by id, and by the passages they rest on when an id
    changed because events merged or split.

    Exit codes, as diff's: 0 nothing changed; 1 something changed; 2 an input is not the
    brief JSON of one brief (a one-line message says which and why).

    \b
    Example: tipbrief diff previous/asean-us-tip-chronology.json build/asean-us-tip-chronology.json
    """
    from tipbrief.briefs.changes_json import changes_to_dict
    from tipbrief.briefs.changes_text import changes_text
    from tipbrief.build.editions import compare_files

    name, changes = compare_files(old, new)
    if fmt == "json":
        data = {"brief": name, **changes_to_dict(changes)}
        click.echo(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True))
    else:
        click.echo(changes_text(name, changes), nl=False)
    sys.exit(1 if changes.items else 0)
