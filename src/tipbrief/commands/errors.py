"""How a command reports a TipbriefError: its message on stderr and its exit code, never a traceback."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from tipbrief.common.errors import TipbriefError

F = TypeVar("F", bound=Callable[..., Any])


def reports_errors(func: F) -> F:
    """Turn a TipbriefError into its message on stderr and its exit code; never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except TipbriefError as err:
            for line in str(err).splitlines() or [type(err).__name__]:
                click.echo(line, err=True)
            sys.exit(err.exit_code)

    return wrapper  # type: ignore[return-value]
