"""What resolving keeps between builds: candidates keyed by identity, groups, merged events, buckets."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tipbrief.facts.extract.records import EventCandidate
from tipbrief.facts.model import (
    Event,
    Place,
)

Order = tuple[str, str, str, int, str, int]
"""Where a candidate sorts: its key, first quote, document and offset, then the path of its article
and its place there (these two only break ties, as the order of the files did)."""


BucketId = tuple[str, Place | None]
"""The kind of a group's candidates (and None): only groups of one bucket can merge. (The second
part once held the first candidate's place; a place written as a country or as a city in it must
not keep one event's reports apart, so buckets now hold every place.)"""


@dataclass(frozen=True, slots=True)
class KeyedCandidate:
    """An event candidate with where it sorts, a hash of its content and the bounds it gives alone."""

    order: Order
    uid: str
    """Names the candidate's content: equal uids, equal candidates."""
    candidate: EventCandidate
    earliest: date | None
    latest: date | None


@dataclass(frozen=True, slots=True)
class Group:
    """Candidates of one key that state one event, as merging across keys sees them."""

    order: Order
    """The order of its first candidate."""
    members: tuple[str, ...]
    """The uids of its candidates, in order."""
    earliest: date | None
    latest: date | None
    places: tuple[Place, ...] = ()
    """The places its candidates state (they agree: see ``places_agree``)."""


@dataclass(frozen=True, slots=True)
class MergedEvent:
    """One event, the candidates it was resolved from (uids, in order) and its title's slug."""

    order: Order
    """The order of its first candidate, which breaks ties between events as the first merge did."""
    members: tuple[str, ...]
    event: Event
    slug: str


@dataclass(frozen=True, slots=True)
class Bucket:
    """The groups of one kind, in order, and the events they merge into."""

    kind: str
    place: Place | None
    groups: tuple[Group, ...]
    events: tuple[MergedEvent, ...]


IdentSignature = tuple[str, frozenset[tuple[str, date | None, date | None]]]
