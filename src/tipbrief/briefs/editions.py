"""An edition of a brief, read back from the brief JSON a build wrote (build/NAME.json): what a later
build or `tipbrief diff` compares. Reading is strict and pure (bytes in, an Edition or one located
message out); the callers do the I/O.

The brief JSON's layout has a version, ``schema``: ``urn:tipbrief:brief:MAJOR.MINOR``. A minor
version only adds keys, so any 1.x is read; a newer major one is refused. Brief JSON written before
editions existed has no ``schema`` key and reads as 1.0 (it lacks ``corpus`` and ``changes``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from tipbrief.briefs.changes import Changes
from tipbrief.briefs.changes_json import changes_from_dict
from tipbrief.briefs.jsonfields import (
    Malformed,
    day,
    document,
    flag,
    items,
    key,
    obj,
    optional_span,
    optional_text,
    span,
    text,
    texts,
)
from tipbrief.common.errors import InputError
from tipbrief.facts.model import Conflict, DateInterval, Document, Event, Evidence, Place, Reading

BRIEF_SCHEMA = "urn:tipbrief:brief:1.1"
"""The layout build/NAME.json is written in. 1.1 added ``schema``, ``corpus`` and ``changes``."""
_SCHEMA = re.compile(r"urn:tipbrief:brief:([0-9]{1,6})\.([0-9]{1,6})")
_READS_MAJOR = 1
MAX_EDITION_BYTES = 64 * 1024 * 1024
"""A brief JSON is a few hundred kilobytes even for a large corpus; a bigger file is not one."""
_HOW = "pass the NAME.json that an earlier `tipbrief build` wrote"


@dataclass(frozen=True, slots=True)
class PeriodRecord:
    """The period of an edition as its JSON gives it."""

    earliest: date | None
    latest: date | None
    from_label: str | None
    to_label: str | None
    from_event: str | None
    to_event: str | None


@dataclass(frozen=True, slots=True)
class LeftOutRecord:
    """An event of the fact base that the edition considered and left out, and why."""

    id: str
    title: str
    reason: str


@dataclass(frozen=True, slots=True)
class CorpusEntry:
    """One article of the fact base the edition was built from."""

    id: str
    path: str
    sha256: str


@dataclass(frozen=True, slots=True)
class Edition:
    """What one build said about one brief: enough to tell what a later build changed."""

    where: str
    """How messages name the file (its path, or "this build")."""
    name: str
    """The spec's name: editions of one brief share it."""
    title: str
    issued: date | None
    period: PeriodRecord
    events: tuple[Event, ...]
    """The events the brief lists, in order, with dates, evidence, places and sources."""
    left_out: tuple[LeftOutRecord, ...]
    documents: tuple[Document, ...]
    """The articles the brief cites (no text)."""
    corpus: tuple[CorpusEntry, ...] | None
    """Every article of the fact base; None in brief JSON written before editions (1.0)."""
    changes: Changes | None
    """What the edition said had changed since its own earlier edition (None: it did not say)."""

    def same_content(self, other: Edition) -> bool:
        """The same date of issue and the same brief: a rebuild of one edition, not a new edition."""
        return (
            self.issued == other.issued
            and self.events == other.events
            and self.period == other.period
            and self.left_out == other.left_out
        )


def read_edition(data: bytes, where: str, name: str | None = None) -> Edition:
    """The edition in the bytes of a brief JSON file shown as ``where``; ``name``, when given, is the
    brief it must be an edition of. Raise InputError with one ``where:line:col: ...`` line."""

    def fail(message: str, line: int = 1, col: int = 1) -> InputError:
        return InputError([f"{where}:{line}:{col}: {message}"])

    if len(data) > MAX_EDITION_BYTES:
        raise fail(f"is {len(data):,} bytes, more than a brief JSON ever is; {_HOW}")
    try:
        decoded = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise fail(
            f"is not UTF-8 text (byte 0x{data[err.start]:02x} at offset {err.start}); {_HOW}"
        ) from None
    try:
        loaded = json.loads(decoded)
    except json.JSONDecodeError as err:
        raise fail(f"is not JSON ({err.msg}); {_HOW}", err.lineno, err.colno) from None
    except RecursionError:
        raise fail(f"is not JSON a brief could be (nested too deeply); {_HOW}") from None
    return edition_from_dict(loaded, where, name)


def edition_from_dict(data: Any, where: str, name: str | None = None) -> Edition:
    """The edition in a brief JSON's parsed data (pure); InputError with one line when it is not one."""

    def fail(message: str) -> InputError:
        return InputError([f"{where}:1:1: {message}"])

    if (
        not isinstance(data, dict)
        or not isinstance(data.get("tipbrief"), str)
        or not isinstance(data.get("spec"), dict)
        or not isinstance(data.get("events"), list)
    ):
        hint = " (it is a fact base: `tipbrief facts --format json`)" if _is_fact_base(data) else ""
        raise fail(f"is not a tipbrief brief JSON{hint}; {_HOW}")
    schema = data.get("schema", "urn:tipbrief:brief:1.0")
    match = _SCHEMA.fullmatch(schema) if isinstance(schema, str) else None
    if match is None:
        raise fail(f"is not a tipbrief brief JSON (its schema is {str(schema)[:60]!r}); {_HOW}")
    if int(match.group(1)) > _READS_MAJOR:
        raise fail(
            f"was written by a newer tipbrief (brief JSON {schema}; this one reads {BRIEF_SCHEMA} and "
            "older); upgrade tipbrief, or compare with an edition it can read"
        )
    try:
        edition = _edition(data, where)
    except Malformed as err:
        raise fail(f"is not a brief JSON this tipbrief can read: {err}; {_HOW}") from None
    if name is not None and edition.name != name:
        raise fail(
            f"is an edition of the brief {edition.name!r}, not of {name!r}; "
            f"pass a {name}.json that `tipbrief build` wrote"
        )
    return edition


def _is_fact_base(data: Any) -> bool:
    return isinstance(data, dict) and "events" in data and "documents" in data and "spec" not in data


def _edition(data: dict[str, Any], where: str) -> Edition:
    spec = obj(data["spec"], "spec")
    events = items(data["events"], "events", _event)
    seen: set[str] = set()
    for n, event in enumerate(events):
        if event.id in seen:
            raise Malformed(f"events[{n}].id {event.id[:60]!r} is given twice")
        seen.add(event.id)
    corpus = data.get("corpus")
    changes = data.get("changes")
    return Edition(
        where=where,
        name=text(key(spec, "name", "spec"), "spec.name", blank=False),
        title=text(key(spec, "title", "spec"), "spec.title"),
        issued=day(spec.get("issued"), "spec.issued"),
        period=_period(key(data, "period", "the brief"), "period"),
        events=events,
        left_out=items(key(data, "left_out", "the brief"), "left_out", _left_out),
        documents=items(key(data, "documents", "the brief"), "documents", document),
        corpus=None if corpus is None else items(corpus, "corpus", _corpus_entry),
        changes=None if changes is None else changes_from_dict(changes, "changes"),
    )


def _period(value: Any, where: str) -> PeriodRecord:
    data = obj(value, where)
    return PeriodRecord(
        earliest=day(data.get("earliest"), f"{where}.earliest"),
        latest=day(data.get("latest"), f"{where}.latest"),
        from_label=optional_text(data.get("from"), f"{where}.from"),
        to_label=optional_text(data.get("to"), f"{where}.to"),
        from_event=optional_text(data.get("from_event"), f"{where}.from_event"),
        to_event=optional_text(data.get("to_event"), f"{where}.to_event"),
    )


def _left_out(value: Any, where: str) -> LeftOutRecord:
    data = obj(value, where)
    return LeftOutRecord(
        id=text(key(data, "id", where), f"{where}.id", blank=False),
        title=text(key(data, "title", where), f"{where}.title"),
        reason=text(key(data, "reason", where), f"{where}.reason"),
    )


def _corpus_entry(value: Any, where: str) -> CorpusEntry:
    data = obj(value, where)
    return CorpusEntry(
        id=text(key(data, "id", where), f"{where}.id", blank=False),
        path=text(key(data, "path", where), f"{where}.path"),
        sha256=text(key(data, "sha256", where), f"{where}.sha256"),
    )


def _evidence(value: Any, where: str) -> Evidence:
    data = obj(value, where)
    return Evidence(
        rule=text(key(data, "rule", where), f"{where}.rule"),
        note=text(key(data, "note", where), f"{where}.note"),
        earliest=day(data.get("earliest"), f"{where}.earliest"),
        latest=day(data.get("latest"), f"{where}.latest"),
        span=optional_span(data.get("source"), f"{where}.source"),
        reference=optional_text(data.get("reference"), f"{where}.reference"),
        url=optional_text(data.get("url"), f"{where}.url"),
    )


def _interval(value: Any, where: str) -> DateInterval:
    data = obj(value, where)
    basis = text(key(data, "basis", where), f"{where}.basis")
    if basis not in ("stated", "inferred"):
        raise Malformed(f"{where}.basis is {basis[:40]!r}, not 'stated' or 'inferred'")
    return DateInterval(
        earliest=day(data.get("earliest"), f"{where}.earliest"),
        latest=day(data.get("latest"), f"{where}.latest"),
        label=text(key(data, "label", where), f"{where}.label"),
        basis="stated" if basis == "stated" else "inferred",
        evidence=items(data.get("evidence", []), f"{where}.evidence", _evidence),
        override=flag(data.get("override", False), f"{where}.override"),
    )


def _place(value: Any, where: str) -> Place | None:
    if value is None:
        return None
    data = obj(value, where)
    return Place(
        text(key(data, "name", where), f"{where}.name"), text(key(data, "country", where), f"{where}.country")
    )


def _reading(value: Any, where: str) -> Reading:
    data = obj(value, where)
    return Reading(
        text(key(data, "value", where), f"{where}.value"),
        texts(key(data, "sources", where), f"{where}.sources"),
    )


def _conflict(value: Any, where: str) -> Conflict:
    data = obj(value, where)
    return Conflict(
        field=text(key(data, "field", where), f"{where}.field"),
        readings=items(key(data, "readings", where), f"{where}.readings", _reading),
        note=text(data.get("note", ""), f"{where}.note"),
    )


def _event(value: Any, where: str) -> Event:
    data = obj(value, where)
    return Event(
        id=text(key(data, "id", where), f"{where}.id", blank=False),
        title=text(key(data, "title", where), f"{where}.title"),
        kind=text(key(data, "kind", where), f"{where}.kind"),
        date=_interval(key(data, "date", where), f"{where}.date"),
        place=_place(data.get("place"), f"{where}.place"),
        actors=texts(data.get("actors", []), f"{where}.actors"),
        instruments=texts(data.get("instruments", []), f"{where}.instruments"),
        sources=items(key(data, "sources", where), f"{where}.sources", span),
        conflicts=items(data.get("conflicts", []), f"{where}.conflicts", _conflict),
    )


__all__ = [
    "BRIEF_SCHEMA",
    "MAX_EDITION_BYTES",
    "CorpusEntry",
    "Edition",
    "LeftOutRecord",
    "PeriodRecord",
    "edition_from_dict",
    "read_edition",
]
