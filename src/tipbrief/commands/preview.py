"""`tipbrief preview`: show a brief's PDF pages in the browser and rebuild them as the spec is edited."""

from __future__ import annotations

from pathlib import Path

import click

from tipbrief.commands.errors import reports_errors
from tipbrief.commands.options import seeds_option
from tipbrief.common.errors import InputError

DEFAULT_PORT = 8765


@click.command()
@click.argument("spec", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=DEFAULT_PORT,
    show_default=True,
    help="Port on 127.0.0.1 to serve on; 0 picks a free one.",
)
@seeds_option()
@reports_errors
def preview(spec: Path, port: int, seeds: Path) -> None:
    """Serve the brief's pages on http://127.0.0.1:PORT/ and rebuild them on every change.

    The pages are the PDF's own, as `tipbrief build` prints them. The brief is rebuilt
    when the spec, the templates, the articles or the reference data change, and the
    browser reloads by itself; a problem is shown on the page, above the last good pages.
    Only this machine can connect. Stop with Ctrl-C.

    Example: tipbrief preview briefs/asean-us-tip-chronology.yaml --port 8765
    """
    from tipbrief.editor.preview import Inputs, serve

    if not seeds.is_dir():
        raise InputError([f"{seeds.as_posix()}:1:1: no such folder of articles; pass --seeds DIR"])
    serve(Inputs(spec, seeds, seeds.resolve().parent), port, echo=lambda line: click.echo(line, err=True))
