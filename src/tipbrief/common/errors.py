"""Exceptions that the CLI maps to messages and exit codes (2: bad input, 1: build failure)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


class TipbriefError(Exception):
    """Base class: the message is already fit to show a user."""

    exit_code = 1


class InputError(TipbriefError):
    """Bad input from the user: one or more ``file:line:col: message`` lines. Exit code 2."""

    exit_code = 2

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(self.problems))


class BuildError(TipbriefError):
    """The inputs were fine but the build could not finish. Exit code 1."""

    exit_code = 1


def located(path: str, line: int, col: int, message: str) -> str:
    """Format one problem the way every tipbrief error is shown."""
    return f"{path}:{line}:{col}: {message}"


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset in ``text``."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


@dataclass(frozen=True, slots=True)
class Location:
    """Where a value sits in its spec file, for ``file:line:col`` messages (1-based)."""

    path: str
    line: int
    col: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with an input that did not stop the build (a warning)."""

    path: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.message}"
