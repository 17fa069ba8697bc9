"""Strict reading of JSON values that tipbrief wrote and reads back (an earlier edition of a brief):
each value checked for its type, and a mistake named by its path inside the document."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from tipbrief.facts.model import Document, Span

T = TypeVar("T")


class Malformed(Exception):
    """A value of the wrong type or form; the message names where it is (``events[3].date.latest``)."""


def _what(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    return "an object"


def obj(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise Malformed(f"{where} is {_what(value)}, not an object")
    return value


def key(data: dict[str, Any], name: str, where: str) -> Any:
    if name not in data:
        raise Malformed(f"{where} has no {name!r}")
    return data[name]


def text(value: Any, where: str, *, blank: bool = True) -> str:
    if not isinstance(value, str):
        raise Malformed(f"{where} is {_what(value)}, not text")
    if not blank and not value.strip():
        raise Malformed(f"{where} is blank")
    return value


def optional_text(value: Any, where: str) -> str | None:
    return None if value is None else text(value, where)


def flag(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise Malformed(f"{where} is {_what(value)}, not true or false")
    return value


def count(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise Malformed(f"{where} is {_what(value)}, not a whole number from 0")
    return value


def day(value: Any, where: str) -> date | None:
    """A day written YYYY-MM-DD, or null."""
    if value is None:
        return None
    raw = text(value, where)
    try:
        if len(raw) != 10:
            raise ValueError(raw)
        return date.fromisoformat(raw)
    except ValueError:
        raise Malformed(f"{where} is {raw[:40]!r}, not a day written YYYY-MM-DD") from None


def items(value: Any, where: str, read: Callable[[Any, str], T]) -> tuple[T, ...]:
    """Each item of a list, read by ``read`` with its own path."""
    if not isinstance(value, list):
        raise Malformed(f"{where} is {_what(value)}, not a list")
    return tuple(read(item, f"{where}[{n}]") for n, item in enumerate(value))


def texts(value: Any, where: str) -> tuple[str, ...]:
    return items(value, where, text)


def span(value: Any, where: str) -> Span:
    data = obj(value, where)
    start = count(key(data, "start", where), f"{where}.start")
    end = count(key(data, "end", where), f"{where}.end")
    if end < start:
        raise Malformed(f"{where} ends ({end}) before it starts ({start})")
    return Span(
        text(key(data, "document", where), f"{where}.document", blank=False),
        start,
        end,
        text(key(data, "quote", where), f"{where}.quote"),
    )


def optional_span(value: Any, where: str) -> Span | None:
    return None if value is None else span(value, where)


def iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def document(value: Any, where: str) -> Document:
    """A document as a brief's JSON lists it (id, path, sha256, title), without its text."""
    data = obj(value, where)
    return Document(
        id=text(key(data, "id", where), f"{where}.id", blank=False),
        path=text(key(data, "path", where), f"{where}.path"),
        sha256=text(key(data, "sha256", where), f"{where}.sha256"),
        text="",
        title=optional_text(key(data, "title", where), f"{where}.title"),
    )
