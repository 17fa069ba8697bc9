"""Options several commands share, declared once so that their names, types and defaults agree."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def folder_option(flag: str, default: str, help: str) -> Callable[[F], F]:
    return click.option(
        flag,
        type=click.Path(file_okay=False, path_type=Path),
        default=Path(default),
        show_default=True,
        help=help,
    )


def seeds_option(help: str = "Folder of articles the fact base is built from.") -> Callable[[F], F]:
    return folder_option("--seeds", "seeds", help)


def out_option(help: str) -> Callable[[F], F]:
    return folder_option("--out", "build", help)


def jobs_option(help: str = "Extract articles in this many worker processes.") -> Callable[[F], F]:
    return click.option(
        "-j", "--jobs", type=click.IntRange(min=1), default=None, help=f"{help} Default: the number of cores."
    )


def cores(jobs: int | None) -> int:
    """The number of worker processes ``--jobs`` asks for (None: one per core)."""
    import os

    return jobs or os.cpu_count() or 1
