"""Immutable typed records passed between the pipeline's stages (the fact-base contract)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from tipbrief.common.errors import Problem

Basis = Literal["stated", "inferred"]


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of one document's original text."""

    document: str
    """Id of the document the span belongs to."""
    start: int
    """Offset of the first character in the original decoded text."""
    end: int
    """Offset one past the last character."""
    quote: str
    """Exactly ``text[start:end]`` of the original file."""


@dataclass(frozen=True, slots=True)
class Evidence:
    """One constraint that shaped a date interval, and where it came from."""

    rule: str
    """Name of the resolution rule, e.g. ``stated-date`` or ``office-term``."""
    note: str
    """What the constraint says, in a sentence a reader understands."""
    earliest: date | None
    """Earliest day this constraint alone allows (None: unbounded)."""
    latest: date | None
    """Latest day this constraint alone allows (None: unbounded)."""
    span: Span | None = None
    """The article text that carries the constraint, if any."""
    reference: str | None = None
    """The reference-data row (``file:key``) or override that carries it, if any."""
    url: str | None = None
    """Public source of that reference row or override."""


@dataclass(frozen=True, slots=True)
class DateInterval:
    """The calendar interval that certainly contains an event, with its evidence."""

    earliest: date | None
    latest: date | None
    label: str
    """How a reader sees it: "21–22 June 2018", "November 2015", "between May 2009 and November 2014"."""
    basis: Basis
    """``stated`` when the text gives the whole date, ``inferred`` otherwise."""
    evidence: tuple[Evidence, ...] = ()
    override: bool = False
    """True when an editor's override pinned this date."""


@dataclass(frozen=True, slots=True)
class Place:
    """A named place with the country it lies in."""

    name: str
    country: str


@dataclass(frozen=True, slots=True)
class Reading:
    """One value of a disputed field, and every source that gives it."""

    value: str
    sources: tuple[str, ...]
    """Human-readable origins: ``doc-id:start-end`` spans or reference rows, each once, in order
    (spans by document and offset, then reference rows)."""
    kept: bool = False
    """True for the readings the resolver kept (the value shown); the others are set aside."""

    @property
    def count(self) -> int:
        """How many sources give this value."""
        return len(self.sources)


@dataclass(frozen=True, slots=True)
class Conflict:
    """Sources disagree on one field of an event: at most one conflict per event and field, whose
    readings are grouped by value (each value once, with all its sources). No reading is dropped."""

    field: str
    readings: tuple[Reading, ...]
    note: str
    """How the resolver handled it, e.g. which reading fits the other evidence."""


@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened, or will happen, at a time and place."""

    id: str
    """Stable across runs and independent of file order."""
    title: str
    kind: str
    """seminar, workshop, meeting, summit, conference, adoption, publication, …"""
    date: DateInterval
    place: Place | None
    actors: tuple[str, ...]
    instruments: tuple[str, ...]
    sources: tuple[Span, ...]
    conflicts: tuple[Conflict, ...] = ()
    subject: str = ""
    """What the event is of: an instrument's reference id or a meeting series or body ("ACTIP",
    "AMMTC"); empty when only the title names it. With ``party`` and ``ordinal``, the identity
    two reports must share to be one event (docs/fact-base.md)."""
    party: str = ""
    """The country that ratifies or deposits; empty for acts of all parties and for meetings."""
    ordinal: int | None = None
    """The number of a numbered meeting ("the 16th AMMTC": 16)."""


@dataclass(frozen=True, slots=True)
class DroppedSpan:
    """Text the corpus stage left out, and why."""

    start: int
    end: int
    reason: str


@dataclass(frozen=True, slots=True)
class Document:
    """One article: original text, metadata, and what cleaning dropped."""

    id: str
    path: str
    sha256: str
    text: str
    """The whole file decoded as UTF-8: every offset points into this."""
    title: str | None = None
    published: date | None = None
    outlet: str | None = None
    url: str | None = None
    dateline_place: str | None = None
    dropped: tuple[DroppedSpan, ...] = ()
    written: DateInterval | None = None
    """When the article was written, from every clue it gives (see facts/extract/written.py)."""


@dataclass(frozen=True, slots=True)
class DateMention:
    """A temporal expression found in an article, resolved to an interval."""

    document: str
    start: int
    end: int
    text: str
    earliest: date | None
    latest: date | None
    basis: Basis
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    """An acronym and its long form, with where it was defined."""

    short: str
    long: str
    sources: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Mention:
    """A named thing an article mentions: a place, a body, a person or an instrument."""

    kind: str
    """place, body, person or instrument."""
    name: str
    """The canonical name (reference data's, where it knows the thing)."""
    span: Span
    detail: str | None = None
    """A place's country, a person's title or role."""


@dataclass(frozen=True, slots=True)
class FactBase:
    """Everything the resolve stage knows, ready for selection and for JSON."""

    documents: tuple[Document, ...]
    dates: tuple[DateMention, ...]
    events: tuple[Event, ...]
    glossary: tuple[GlossaryEntry, ...]
    problems: tuple[Problem, ...] = ()
    mentions: tuple[Mention, ...] = ()
