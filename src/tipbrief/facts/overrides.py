"""Editors' overrides: pin or correct an event's date, place or title in a reviewable project file."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from tipbrief.common.errors import InputError, located
from tipbrief.facts.model import DateInterval, Event, Evidence, Place
from tipbrief.facts.reference import parse_partial
from tipbrief.facts.resolve.labels import interval_label

_KEYS = ("event", "date", "earliest", "latest", "place", "country", "title", "note", "source")


@dataclass(frozen=True, slots=True)
class Override:
    """One editor's correction, with where it was written."""

    event: str
    origin: str
    line: int
    col: int
    values: dict[str, str]


def parse_overrides(text: str, path: str) -> tuple[Override, ...]:
    """Pure: a YAML list of mappings with an ``event`` id and the fields to pin."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise InputError(
            [located(path, line, col, f"not valid YAML ({getattr(err, 'problem', err)}); fix the syntax")]
        ) from None
    if root is None:
        return ()
    if not isinstance(root, yaml.SequenceNode):
        raise InputError(
            [
                located(
                    path,
                    root.start_mark.line + 1,
                    root.start_mark.column + 1,
                    "overrides must be a list of entries ('- event: ID'); wrap it in a list",
                )
            ]
        )
    out, problems = [], []
    for item in root.value:
        where = (item.start_mark.line + 1, item.start_mark.column + 1)
        if not isinstance(item, yaml.MappingNode):
            problems.append(located(path, *where, "each override must be a mapping with an 'event' key"))
            continue
        values: dict[str, str] = {}
        for k, v in item.value:
            if k.value not in _KEYS:
                hint = difflib.get_close_matches(k.value, _KEYS, n=1)
                problems.append(
                    located(
                        path,
                        k.start_mark.line + 1,
                        k.start_mark.column + 1,
                        f"unknown key '{k.value}'"
                        + (f"; did you mean '{hint[0]}'?" if hint else f"; use one of {', '.join(_KEYS)}"),
                    )
                )
            elif not isinstance(v, yaml.ScalarNode):
                problems.append(
                    located(
                        path,
                        v.start_mark.line + 1,
                        v.start_mark.column + 1,
                        f"'{k.value}' must be a single value",
                    )
                )
            else:
                values[k.value] = str(v.value)
        for key in ("date", "earliest", "latest"):
            if key in values and parse_partial(values[key]) is None:
                problems.append(
                    located(path, *where, f"'{key}' is not a date; use YYYY, YYYY-MM or YYYY-MM-DD")
                )
        if "event" not in values:
            problems.append(located(path, *where, "override has no 'event'; give the event id it corrects"))
            continue
        out.append(Override(values["event"], path, where[0], where[1], values))
    if problems:
        raise InputError(problems)
    return tuple(out)


def load_overrides(path: Path) -> tuple[Override, ...]:
    if not path.is_file():
        return ()
    return parse_overrides(path.read_text(encoding="utf-8"), path.as_posix())


def apply_overrides(events: Sequence[Event], overrides: Sequence[Override]) -> tuple[Event, ...]:
    """Replace the overridden fields; the event shows the override in its date evidence."""
    by_id = {e.id: e for e in events}
    problems = []
    for o in overrides:
        if o.event not in by_id:
            hint = difflib.get_close_matches(o.event, list(by_id), n=1)
            problems.append(
                located(
                    o.origin,
                    o.line,
                    o.col,
                    f"override names unknown event '{o.event}'"
                    + (f"; did you mean '{hint[0]}'?" if hint else "; run 'tipbrief events' for ids"),
                )
            )
            continue
        ev = by_id[o.event]
        v = o.values
        if "date" in v or "earliest" in v or "latest" in v:
            lo_hi = parse_partial(v.get("date") or v.get("earliest", ""))
            hi_v = parse_partial(v.get("date") or v.get("latest", ""))
            lo = lo_hi[0] if lo_hi else ev.date.earliest
            hi = hi_v[1] if hi_v else ev.date.latest
            note = v.get("note", "pinned by an editor")
            evidence = Evidence("override", note, lo, hi, None, f"{o.origin}:{o.line}", v.get("source"))
            ev = replace(
                ev,
                date=DateInterval(
                    lo,
                    hi,
                    interval_label(lo, hi),
                    ev.date.basis,
                    (evidence, *ev.date.evidence),
                    override=True,
                ),
            )
        if "place" in v:
            ev = replace(ev, place=Place(v["place"], v.get("country", v["place"])))
        if "title" in v:
            ev = replace(ev, title=v["title"])
        by_id[o.event] = ev
    if problems:
        raise InputError(problems)
    return tuple(by_id[e.id] for e in events)
