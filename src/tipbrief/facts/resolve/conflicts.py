"""Readings grouped by value: one reading per value, with every source that gives it, counted.

A conflict lists each value once, however many articles give it, so that a fact base where
thousands of articles retell one event grows with the number of sources, not with the number of
pairs of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from tipbrief.facts.model import Conflict, Reading

_ORIGIN = re.compile(r"(.+):(\d+)-(\d+)")

UNKNOWN_ORIGIN = "?"
"""The origin of a constraint that carries neither a span nor a reference row (a note counts
only the sources it can name)."""

NOTE_READINGS = 3
"""How many set-aside readings a note names before "and N other readings"."""


def origin_key(origin: str) -> tuple[int, str, int, int]:
    """Where a reading's source sorts: article spans by document and offset, then reference rows."""
    match = _ORIGIN.fullmatch(origin)
    if match:
        return 0, match.group(1), int(match.group(2)), int(match.group(3))
    return 1, origin, 0, 0


def group_readings(items: Iterable[tuple[str, Iterable[str], bool]]) -> tuple[Reading, ...]:
    """Readings from ``(value, sources, kept)`` items: one per value with the union of its sources
    (each once, in :func:`origin_key` order), kept when any item of the value is. The kept readings
    come first, then those more sources give, then by value."""
    sources: dict[str, set[str]] = {}
    kept: set[str] = set()
    for value, origins, is_kept in items:
        sources.setdefault(value, set()).update(origins)
        if is_kept:
            kept.add(value)
    readings = [Reading(v, tuple(sorted(s, key=origin_key)), v in kept) for v, s in sources.items()]
    readings.sort(key=lambda r: (not r.kept, -r.count, r.value))
    return tuple(readings)


SHOWN_KEPT = 2
SHOWN_SET_ASIDE = 4
"""How many kept and set-aside readings of one conflict a line shows (brief or table)."""


def shown_readings(
    readings: Sequence[Reading], kept: int = SHOWN_KEPT, aside: int = SHOWN_SET_ASIDE
) -> tuple[list[Reading], list[Reading]]:
    """The readings a line shows, in order, and those it only counts: the first ``kept`` kept
    ones and the first ``aside`` set-aside ones (readings come with more sources first)."""
    chosen = {id(r) for r in [r for r in readings if r.kept][:kept]}
    chosen.update(id(r) for r in [r for r in readings if not r.kept][:aside])
    return [r for r in readings if id(r) in chosen], [r for r in readings if id(r) not in chosen]


def sources_phrase(count: int) -> str:
    """ "1 source", "1,223 sources"."""
    return f"{count:,} source" + ("" if count == 1 else "s")


def readings_phrase(readings: Sequence[Reading], limit: int = NOTE_READINGS) -> str:
    """ "26 November 2015 (40 sources), 24 November 2015 (1 source) and 3 other readings"."""
    shown = [f"{r.value} ({sources_phrase(r.count)})" for r in readings[:limit]]
    rest = len(readings) - len(shown)
    if rest:
        shown.append(f"{rest:,} other reading" + ("" if rest == 1 else "s"))
    return join_and(shown)


def join_and(parts: Sequence[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def place_conflict(
    place: str, origins: Sequence[str], references: Sequence[tuple[str, str, str]]
) -> Conflict:
    """The event's one place conflict: the place the articles state (every span that states it,
    kept, as the place shown) against each place reference data gives the summits or meetings
    the event was identified with (``(city, what, reference)``), grouped by city."""
    readings = group_readings(
        [(place, origins, True), *((city, (reference,), False) for city, _, reference in references)]
    )
    whom = "the article places" if len(set(origins)) <= 1 else f"{sources_phrase(len(set(origins)))} place"
    where = join_and(list(dict.fromkeys(f"the {what} in {city}" for city, what, _ in references)))
    return Conflict(
        "place", readings, f"{whom} it in {place}; reference data puts {where}; the article's place is shown"
    )
