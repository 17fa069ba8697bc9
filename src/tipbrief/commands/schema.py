"""`tipbrief schema`: write the brief spec's JSON Schema, for editors and other tools."""

from __future__ import annotations

from pathlib import Path

import click

from tipbrief.briefs.spec_schema import schema_text
from tipbrief.commands.errors import reports_errors
from tipbrief.common.errors import BuildError

DEFAULT_SCHEMA_FILE = "brief-spec.schema.json"


def write_schema(out: Path) -> None:
    """Write the schema through a temporary file, so an editor never reads half of it."""
    partial = out.with_name(out.name + ".partial")
    try:
        partial.write_text(schema_text(), encoding="utf-8", newline="\n")
        partial.replace(out)
    except OSError as err:
        raise BuildError(f"{out.as_posix()}: cannot write the schema: {err.strerror or err}") from None


@click.command()
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path(DEFAULT_SCHEMA_FILE),
    show_default=True,
    help="Where to write the schema; '-' prints it instead.",
)
@reports_errors
def schema(out: Path) -> None:
    """Write the JSON Schema (draft 2020-12) of brief specs.

    Editors that read `# yaml-language-server: $schema=../brief-spec.schema.json` at the top
    of a spec then complete keys and flag mistakes as you type.

    Example: tipbrief schema --out brief-spec.schema.json
    """
    if str(out) == "-":
        click.echo(schema_text(), nl=False)
        return
    write_schema(out)
    click.echo(f"wrote {out.as_posix()}")
