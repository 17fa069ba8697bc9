"""`tipbrief build`: render brief specs to Markdown, HTML, PDF and JSON in an output folder."""

from __future__ import annotations

from pathlib import Path
from typing import cast

import click

from tipbrief.commands.errors import reports_errors
from tipbrief.commands.options import cores, jobs_option, out_option, seeds_option
from tipbrief.common.errors import InputError


@click.command()
@click.argument("specs", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
@seeds_option()
@out_option("Folder the outputs and manifest.json are written to.")
@click.option(
    "--format",
    "formats",
    type=click.Choice(["md", "html", "pdf", "json"]),
    multiple=True,
    help="Output format; repeat for several. Default: all four.",
)
@click.option("--strict", is_flag=True, help="Treat warnings as errors: exit 1 and write nothing.")
@click.option(
    "--since",
    "since",
    type=click.Path(path_type=Path),
    multiple=True,
    help="The earlier edition to say what changed since: a NAME.json an earlier build wrote, or a "
    "folder of them (an earlier output folder, a CI artifact); repeat for several. "
    "Default: the brief JSON of the previous build in --out.",
)
@click.option(
    "--page-size",
    type=click.Choice(["A4", "Letter"]),
    default=None,
    help="Paper size of the PDFs, overriding each spec's page_size (default A4).",
)
@jobs_option("Extract articles and print PDFs in this many worker processes.")
@click.option(
    "--no-cache",
    is_flag=True,
    help="Ignore and do not update the cache in OUT/.cache (rebuild everything from scratch).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@click.option("-v", "--verbose", is_flag=True, help="Also list every file written, with its size.")
@reports_errors
def build(
    specs: tuple[Path, ...],
    seeds: Path,
    out: Path,
    formats: tuple[str, ...],
    strict: bool,
    since: tuple[Path, ...],
    page_size: str | None,
    jobs: int | None,
    no_cache: bool,
    quiet: bool,
    verbose: bool,
) -> None:
    """Build briefs from SPEC files (default: every briefs/*.yaml) into --out.

    Each brief NAME gives NAME.md, NAME.html, NAME.pdf and NAME.json; manifest.json,
    written last, lists every output with its sha256 and the warnings. Nothing is
    written unless every brief builds, so a failed build leaves earlier outputs intact.

    Each brief whose spec says `changes: true` (the default for ministerial and analyst
    briefs) says what changed since its earlier edition: the brief JSON given by --since,
    or else the one the previous build left in --out. A first edition says nothing; a
    rebuild of the same edition (same date of issue, same brief) keeps what it said.

    Unchanged work is not redone: each article's extraction and each brief's outputs are
    cached in OUT/.cache, keyed by hashes of everything they depend on (articles, reference
    data, overrides.yaml, the spec, templates, tipbrief and WeasyPrint versions). A build
    where nothing changed renders nothing. --no-cache ignores the cache; `tipbrief clean`
    deletes it with the outputs.

    Exit codes: 0 built (warnings are printed); 1 the build failed, or --strict and
    there were warnings; 2 a spec, an article, a template or a --since file is wrong
    (every problem is listed as file:line:col).

    \b
    Example: tipbrief build briefs/asean-us-tip-chronology.yaml --format pdf --page-size Letter
    Example: tipbrief build --strict --since previous/
    """
    from tipbrief.build.briefs import build_briefs
    from tipbrief.build.cache import open_cache
    from tipbrief.build.render import FORMATS, Format

    paths = list(specs) or sorted(Path("briefs").glob("*.yaml"))
    if not paths:
        raise InputError(["briefs/: no brief specs (*.yaml) found; pass spec files or add briefs/NAME.yaml"])
    chosen = cast(tuple[Format, ...], formats or FORMATS)

    def progress(message: str) -> None:
        if not quiet and len(paths) > 1:
            click.echo(message, err=True)

    result = build_briefs(
        paths,
        seeds,
        out,
        chosen,
        strict,
        page_size="Letter" if page_size == "Letter" else "A4" if page_size == "A4" else None,
        progress=progress,
        cache=open_cache(out, enabled=not no_cache),
        jobs=cores(jobs),
        since=since,
    )
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    if verbose:
        for output in result.outputs:
            click.echo(f"{out / output.name} ({len(output.data)} bytes)", err=True)
    if not quiet:
        briefs = len({o.brief for o in result.outputs})
        noun = "brief" if briefs == 1 else "briefs"
        files, warnings = len(result.outputs), len(result.warnings)
        click.echo(
            f"built {briefs} {noun} into {out}/ ({files} file{'s' if files != 1 else ''}, "
            f"{warnings} warning{'s' if warnings != 1 else ''})",
            err=True,
        )
