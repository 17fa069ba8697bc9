"""`tipbrief import`: bring saved web pages and PDFs into the corpus folder as text and sidecars."""

from __future__ import annotations

from pathlib import Path

import click

from tipbrief.commands.errors import reports_errors
from tipbrief.commands.options import seeds_option
from tipbrief.common.errors import InputError


def _name(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from tipbrief.ingest.names import safe_name

    if value is not None and safe_name(value) != value:
        raise click.BadParameter(
            f"'{value}' is not a safe file name: use lower-case letters, digits and '-', "
            "e.g. press-release-2018 (the article is written to SEEDS/NAME.txt)"
        )
    return value


@click.command("import")
@click.argument(
    "inputs",
    nargs=-1,
    required=True,
    type=click.Path(exists=True, path_type=Path),
    metavar="FILE_OR_FOLDER...",
)
@seeds_option("Corpus folder the articles are written to.")
@click.option("--force", is_flag=True, help="Replace an article of the same name that holds something else.")
@click.option("--name", callback=_name, help="The article's file name (one input only); default: its title.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@reports_errors
def import_(inputs: tuple[Path, ...], seeds: Path, force: bool, name: str | None, quiet: bool) -> None:
    """Import saved web pages (.html, .htm) and PDFs into the corpus folder.

    Each becomes SEEDS/NAME.txt, the article's own text (menus, cookie banners, footers and
    link lists removed), and SEEDS/NAME.meta.yaml, its title, outlet, author, publication
    date, language and source URL. NAME comes from the title. Nothing is fetched: links,
    pictures and scripts in a page stay inert. Importing the same file again changes
    nothing; a different article of the same name is an error unless --force.

    A folder imports the .html, .htm and .pdf files directly inside it. If any input is bad,
    every problem is listed (file:1:1: what is wrong; what to do), exit 2, nothing written.

    \b
    Example: tipbrief import ~/Downloads/asean-workshop.html press-release.pdf --seeds seeds
    """
    from tipbrief.build.outputs import locked, write_all
    from tipbrief.ingest.load import input_files, load_input
    from tipbrief.ingest.plan import plan_import

    files = input_files(inputs)
    if not files:
        shown = ", ".join(p.as_posix() for p in inputs)
        raise InputError([f"{shown}:1:1: no saved page (.html, .htm) or PDF in it; pass the files"])
    if name is not None and len(files) > 1:
        raise InputError([f"{files[1].as_posix()}:1:1: --name names one article; import this one alone"])
    articles = []
    problems: list[str] = []
    for index, path in enumerate(files):
        if not quiet and len(files) > 1:
            click.echo(f"[{index + 1}/{len(files)}] {path.as_posix()}", err=True)
        try:
            articles.append(load_input(path))
        except InputError as err:  # keep going, so that one run lists every bad file
            problems.extend(err.problems)
    if problems:
        raise InputError(problems)
    # Checked first without the lock, which would create the folder, so that a refusal leaves no
    # trace; then again under it, since another import may have written in between.
    plan_import(articles, seeds, force=force, name=name)
    with locked(seeds):
        plans = plan_import(articles, seeds, force=force, name=name)
        write_all([(path, data) for p in plans if p.state != "unchanged" for path, data in _files(p)])
    if not quiet:
        for p in plans:
            click.echo(f"{p.article.source} → {p.text_path.as_posix()} ({p.state})", err=True)
        counts = {state: sum(p.state == state for p in plans) for state in ("new", "replaced", "unchanged")}
        noun = "article" if len(plans) == 1 else "articles"
        click.echo(
            f"imported {len(plans)} {noun} into {seeds.as_posix()}/ ("
            + ", ".join(f"{n} {state}" for state, n in counts.items())
            + ")",
            err=True,
        )


def _files(plan: object) -> list[tuple[Path, bytes]]:
    from tipbrief.ingest.plan import Planned

    assert isinstance(plan, Planned)
    return [(plan.text_path, plan.text), (plan.meta_path, plan.meta)]
