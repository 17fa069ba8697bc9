"""Reference data: facts articles assume (summits, office terms, instruments, places), each row sourced."""

from __future__ import annotations

import calendar
import csv
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path

from tipbrief.common.errors import InputError, located

TABLES = (
    "summits",
    "series",
    "meetings",
    "offices",
    "instruments",
    "programmes",
    "places",
    "bodies",
    "outlets",
    "acts",
    "chairs",
    "reports",
)


@dataclass(frozen=True, slots=True)
class Row:
    """One reference fact: its columns, where it was read from, and its public source."""

    table: str
    key: str
    values: Mapping[str, str]
    origin: str
    """``file:line`` the row was read from, for evidence."""
    source: str

    def get(self, column: str) -> str:
        return self.values.get(column, "") or ""

    def interval(self, start: str = "start", end: str = "end") -> tuple[date | None, date | None]:
        """The interval that certainly contains the row's period (partial dates widen it)."""
        lo = parse_partial(self.get(start))
        hi = parse_partial(self.get(end)) if self.get(end) else None
        return (lo[0] if lo else None, hi[1] if hi else None)

    def names(self, *columns: str) -> tuple[str, ...]:
        """The values of name columns, with ``;``-separated aliases split out."""
        out: list[str] = []
        for column in columns:
            out.extend(part.strip() for part in self.get(column).split(";") if part.strip())
        return tuple(out)


@dataclass(frozen=True, slots=True)
class Reference:
    """All reference tables, keyed by table name."""

    tables: Mapping[str, tuple[Row, ...]]

    def rows(self, table: str) -> tuple[Row, ...]:
        return self.tables.get(table, ())


_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_partial(value: str) -> tuple[date, date] | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` → the first and last day it can mean."""
    m = _PARTIAL.match(value.strip())
    if not m:
        return None
    try:
        return _partial_bounds(int(m.group(1)), m.group(2), m.group(3))
    except ValueError:  # 2023-02-30, month 13
        return None


def _partial_bounds(year: int, month_text: str | None, day_text: str | None) -> tuple[date, date]:
    if day_text:
        d = date(year, int(month_text or 0), int(day_text))
        return d, d
    if month_text:
        month = int(month_text)
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    return date(year, 1, 1), date(year, 12, 31)


def _key(table: str, values: Mapping[str, str]) -> str:
    first = next(iter(values.values()), "")
    if table in ("meetings",):
        return f"{values.get('series', '')}-{values.get('number', '')}"
    if table == "reports":
        return f"{values.get('report', '')}-{values.get('edition', '')}"
    if table == "acts":
        return f"{values.get('instrument', '')}-{values.get('act', '')}-{values.get('party', '')}"
    return values.get("id") or first


def parse_table(table: str, text: str, origin: str) -> tuple[tuple[Row, ...], tuple[str, ...]]:
    """Parse one CSV table; returns its rows and the problems found (``file:line:col: …``)."""
    rows: list[Row] = []
    problems: list[str] = []
    reader = csv.DictReader(io.StringIO(text))
    for values in reader:
        line = reader.line_num
        clean = {k.strip(): (v or "").strip() for k, v in values.items() if k is not None}
        source = clean.get("source", "")
        if not source.startswith(("http://", "https://")):
            problems.append(
                located(
                    origin, line, 1, "reference row has no public source URL; add one in the 'source' column"
                )
            )
            continue
        bad = [
            c
            for c in ("start", "end", "adopted", "date", "published")
            if clean.get(c) and parse_partial(clean[c]) is None
        ]
        if bad:
            problems.append(
                located(origin, line, 1, f"column '{bad[0]}' is not a date; use YYYY, YYYY-MM or YYYY-MM-DD")
            )
            continue
        rows.append(Row(table, _key(table, clean), clean, f"{origin}:{line}", source))
    return tuple(rows), tuple(problems)


def load_reference(extra_dirs: Iterable[Path] = ()) -> Reference:
    """Read the package's tables, then each project's ``reference/`` rows added after them."""
    tables: dict[str, list[Row]] = {name: [] for name in TABLES}
    problems: list[str] = []
    package = resources.files("tipbrief") / "data"
    for name in TABLES:
        entry = package / f"{name}.csv"
        if entry.is_file():
            rows, errs = parse_table(name, entry.read_text(encoding="utf-8"), f"tipbrief/data/{name}.csv")
            tables[name].extend(rows)
            problems.extend(errs)
    for folder in extra_dirs:
        for name in TABLES:
            path = folder / f"{name}.csv"
            if path.is_file():
                rows, errs = parse_table(name, path.read_text(encoding="utf-8"), str(path))
                tables[name].extend(rows)
                problems.extend(errs)
    if problems:
        raise InputError(problems)
    return Reference({name: tuple(rows) for name, rows in tables.items()})
