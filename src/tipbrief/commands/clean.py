"""`tipbrief clean`: delete what `tipbrief build` wrote into an output folder, and its cache."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import click

from tipbrief.commands.errors import reports_errors
from tipbrief.commands.options import out_option
from tipbrief.common.errors import InputError


@dataclass(frozen=True, slots=True)
class Removal:
    """What clean would delete: files, and the cache folder if there is one."""

    files: tuple[Path, ...]
    cache: Path | None


def _inside(path: Path, out: Path) -> bool:
    """True when ``path`` (not following a last symlink) is in ``out`` itself, not beyond it."""
    return path.parent.resolve() == out.resolve() and path.name not in ("", ".", "..")


def plan_removal(out: Path) -> Removal:
    """Every file a build wrote to ``out`` (from its manifest), stale staging files, the cache.

    Raises InputError, before anything is deleted, if the manifest names a file outside ``out``.
    """
    from tipbrief.build.cache import CACHE_DIR
    from tipbrief.build.outputs import MANIFEST

    manifest = out / MANIFEST
    files: list[Path] = []
    problems: list[str] = []
    if manifest.is_file():
        try:
            entries = json.loads(manifest.read_text(encoding="utf-8"))["outputs"]
            names = [str(e["path"]) for e in entries]
        except (ValueError, KeyError, TypeError):
            raise InputError(
                [f"{manifest}:1:1: not a tipbrief manifest; delete the folder's files yourself"]
            ) from None
        for name in names:
            target = out / name
            if Path(name).is_absolute() or len(Path(name).parts) != 1 or not _inside(target, out):
                problems.append(
                    f"{manifest}:1:1: lists '{name}', which is outside {out}/; refusing to delete anything"
                )
            elif target.is_file() or target.is_symlink():
                files.append(target)
        files.append(manifest)
    if problems:
        raise InputError(problems)
    # Staging files a build interrupted by a crash may have left (see build.stage).
    files.extend(sorted(p for p in out.glob(".*.tmp") if p.is_file() and not p.is_symlink()))
    cache = out / CACHE_DIR
    if cache.is_symlink():
        raise InputError([f"{cache}:1:1: is a link to somewhere else; refusing to delete through it"])
    return Removal(tuple(files), cache if cache.is_dir() else None)


@click.command()
@out_option("Output folder to clean.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@reports_errors
def clean(out: Path, quiet: bool) -> None:
    """Delete the outputs `tipbrief build` wrote into --out, and its cache.

    Only the files listed in OUT/manifest.json, the manifest itself, left-over staging
    files and OUT/.cache are deleted; any other file stays, and OUT is removed only when
    nothing else is left in it. Nothing is deleted if the manifest names a file outside OUT.

    \b
    Example: tipbrief clean --out build
    """
    if not out.exists():
        if not quiet:
            click.echo(f"nothing to clean: {out}/ does not exist", err=True)
        return
    removal = plan_removal(out)
    for path in removal.files:
        path.unlink(missing_ok=True)
    if removal.cache is not None:
        shutil.rmtree(removal.cache)
    left = sorted(p.name for p in out.iterdir())
    if not left:
        out.rmdir()
    if not quiet:
        count = len(removal.files)
        cache = " and the cache" if removal.cache is not None else ""
        kept = f"; kept {len(left)} other file{'s' if len(left) != 1 else ''}" if left else ""
        click.echo(f"removed {count} file{'s' if count != 1 else ''}{cache} from {out}/{kept}", err=True)
