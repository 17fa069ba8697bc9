"""What changed between two editions of a brief: a pure comparison of what each one said, every
change with the evidence for it.

Events are matched by their ids. The fact base does not record merges: an event's id is the slug of
its title (with a short hash when titles collide), so an id changes when a new article gives the
event a better title, when two events merge or when one splits. Events that lose or gain an id are
therefore matched by the passages they rest on: an event of the earlier edition most of whose
sources now belong to an event of this one went into it, and an event of this one most of whose
sources belonged to an earlier event came out of it. One to one, that is the same event under a new
id; many to one a merger; one to many a split. Only events left unmatched by both are added or
removed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Literal, get_args

from tipbrief.common.months import day_label
from tipbrief.facts.model import Conflict, DateInterval, Document, Event, Evidence, Place, Span

if TYPE_CHECKING:
    from tipbrief.briefs.editions import Edition

ChangeKind = Literal[
    "period",
    "merged",
    "split",
    "regrouped",
    "added",
    "removed",
    "id",
    "title",
    "date",
    "place",
    "sources",
    "conflict",
]
KINDS: tuple[ChangeKind, ...] = get_args(ChangeKind)
"""Every kind of change, in the order the changes of one event are listed."""

DETAILS: dict[ChangeKind, tuple[str, ...]] = {
    "period": ("start", "end", "both"),
    "added": ("new-article", "entered", "new"),
    "removed": ("left-out", "source-removed", "source-edited", "gone"),
    "date": ("narrowed", "widened", "shifted", "contradicted", "now-stated", "now-inferred"),
    "conflict": ("appeared", "settled"),
}
"""The words ``Change.detail`` takes for each kind (the other kinds leave it empty):

- period: which end moved;
- added: why the event is new to the brief (a new article reports it; it was left out of the earlier
  edition, ``reason`` saying why; or it is new in the fact base, e.g. from an edited article);
- removed: why it left (the brief now leaves it out, ``reason`` saying why; every article it rested
  on was removed; one of them was edited; or it is no longer in the fact base);
- date: how the interval moved: inside the old one (narrowed), around it (widened), partly out of it
  (shifted), wholly out of it (contradicted), or not at all but a source now states it (now-stated)
  or none does (now-inferred);
- conflict: whether sources now disagree (appeared) or no longer do (settled).
"""


@dataclass(frozen=True, slots=True)
class Interval:
    """A date interval; None is an open end."""

    earliest: date | None
    latest: date | None


@dataclass(frozen=True, slots=True)
class EventRef:
    """An event as one edition showed it."""

    id: str
    title: str
    date: str
    """Its date label."""
    inferred: bool
    place: str | None


@dataclass(frozen=True, slots=True)
class Cite:
    """What a change rests on: a passage of an article, or a reference row, with what it says."""

    note: str
    """What it says ("the article says “2014”"); empty for a plain source passage."""
    span: Span | None
    reference: str | None = None
    """A reference-data row or override (``file:key``) when there is no passage."""


@dataclass(frozen=True, slots=True)
class Change:
    """One difference between two editions, with its citations."""

    kind: ChangeKind
    event: EventRef | None = None
    """The event as it is now; as it was, for a removed event; None for the period and for
    mergers and splits (see ``was`` and ``now``)."""
    detail: str = ""
    """How or why, in one of the words DETAILS lists for the kind."""
    reason: str = ""
    """Why, in words from the data: the reason an event is left out, the articles removed, a
    conflict's note."""
    field: str = ""
    """For a conflict: the field the sources disagree on."""
    before: str = ""
    """The old value as text: a date label, a place, a title, an id, a period, conflicting readings."""
    after: str = ""
    dates_before: Interval | None = None
    """For dates and the period: the old interval."""
    dates_after: Interval | None = None
    was: tuple[EventRef, ...] = ()
    """For mergers, splits and new ids: the events of the earlier edition."""
    now: tuple[EventRef, ...] = ()
    """For mergers and splits: the events of this edition."""
    evidence: tuple[Cite, ...] = ()
    """What the change rests on, in this edition's sources."""
    withdrawn: tuple[Cite, ...] = ()
    """What the earlier edition rested on and this one no longer does."""


@dataclass(frozen=True, slots=True)
class Since:
    """The earlier edition a brief is compared with."""

    issued: date | None
    title: str


@dataclass(frozen=True, slots=True)
class Changes:
    """What a brief says changed since its earlier edition."""

    since: Since | None
    """None: there is no earlier edition (a first edition)."""
    items: tuple[Change, ...] = ()
    documents: tuple[Document, ...] = ()
    """Articles of the earlier edition that the changes cite and this edition no longer does (without
    text), so that their notes can still name them."""

    def marks(self) -> dict[str, str]:
        """Each event of this edition that changed: "new" or "revised"."""
        found = {c.event.id: "new" for c in self.items if c.kind == "added" and c.event is not None}
        for c in self.items:
            if c.kind in ("added", "removed", "period"):
                continue
            for ref in (c.event, *c.now):
                if ref is not None:
                    found.setdefault(ref.id, "revised")
        return found

    def of_kind(self, *kinds: str) -> tuple[Change, ...]:
        return tuple(c for c in self.items if c.kind in kinds)


# ---- comparing two editions ----------------------------------------------------------------------

SpanKey = tuple[str, str]


def _key(span: Span) -> SpanKey:
    """A passage by document and text, so that an edit elsewhere in the article does not hide it."""
    return (span.document, " ".join(span.quote.split()))


def _keys(event: Event) -> frozenset[SpanKey]:
    return frozenset(_key(s) for s in event.sources)


class _Index:
    """Which events (by id, in edition order) rest on each passage."""

    def __init__(self, keys: dict[str, frozenset[SpanKey]]) -> None:
        self.position = {i: n for n, i in enumerate(keys)}
        self.holders: dict[SpanKey, list[str]] = {}
        for i, passages in keys.items():
            for k in passages:
                self.holders.setdefault(k, []).append(i)

    def most_of(self, part: frozenset[SpanKey]) -> list[str]:
        """The events that rest on most of the passages ``part``, in edition order."""
        counts: dict[str, int] = {}
        for k in part:
            for i in self.holders.get(k, ()):
                counts[i] = counts.get(i, 0) + 1
        return sorted((i for i, c in counts.items() if 2 * c > len(part)), key=self.position.__getitem__)


def event_ref(event: Event) -> EventRef:
    place = event.place.name if event.place is not None else None
    return EventRef(event.id, event.title, event.date.label, event.date.basis == "inferred", place)


def _cites(spans: Iterable[Span]) -> tuple[Cite, ...]:
    seen: set[SpanKey] = set()
    found = []
    for s in spans:
        if _key(s) not in seen:
            seen.add(_key(s))
            found.append(Cite("", s))
    return tuple(found)


def _evidence_key(e: Evidence) -> tuple[Any, ...]:
    return (e.rule, e.note, e.earliest, e.latest, _key(e.span) if e.span else None, e.reference)


def _evidence_cites(evidence: Iterable[Evidence]) -> tuple[Cite, ...]:
    seen: set[tuple[str, SpanKey | None, str | None]] = set()
    found = []
    for e in evidence:
        mark = (e.note, _key(e.span) if e.span else None, e.reference)
        if mark not in seen:
            seen.add(mark)
            found.append(Cite(e.note, e.span, e.reference))
    return tuple(found)


class _Groups:
    """Union-find over (edition, event id) nodes: events linked by their ids or shared sources."""

    def __init__(self) -> None:
        self.parent: dict[tuple[str, str], tuple[str, str]] = {}

    def add(self, node: tuple[str, str]) -> None:
        self.parent.setdefault(node, node)

    def find(self, node: tuple[str, str]) -> tuple[str, str]:
        while self.parent[node] != node:
            self.parent[node] = self.parent[self.parent[node]]
            node = self.parent[node]
        return node

    def join(self, a: tuple[str, str], b: tuple[str, str]) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def components(self) -> list[list[tuple[str, str]]]:
        found: dict[tuple[str, str], list[tuple[str, str]]] = {}
        for node in self.parent:  # in insertion order: the old edition's events, then the new one's
            found.setdefault(self.find(node), []).append(node)
        return list(found.values())


SortKey = tuple[int, date, date, str, int, str]


def _order(event: Event | None, kind: ChangeKind, tie: str = "") -> SortKey:
    if event is None:
        return (0, date.min, date.min, "", KINDS.index(kind), tie)
    return (
        1,
        event.date.earliest or date.max,
        event.date.latest or date.max,
        event.id,
        KINDS.index(kind),
        tie,
    )


def compare_editions(old: Edition, new: Edition) -> tuple[Change, ...]:
    """Every change from ``old`` to ``new``, in the order a reader meets them: the period, then each
    event's changes in the new chronology's order (a removed event where it used to be)."""
    found: list[tuple[SortKey, Change]] = []
    olds = {e.id: e for e in old.events}
    news = {e.id: e for e in new.events}
    period = _period_change(old, new, news)
    if period is not None:
        found.append((_order(None, "period"), period))

    old_keys = {e.id: _keys(e) for e in old.events}
    new_keys = {e.id: _keys(e) for e in new.events}
    every_old = frozenset().union(*old_keys.values())
    every_new = frozenset().union(*new_keys.values())
    groups = _Groups()
    for e in old.events:
        groups.add(("old", e.id))
    for e in new.events:
        groups.add(("new", e.id))
        if e.id in olds:
            groups.join(("old", e.id), ("new", e.id))
    old_index, new_index = _Index(old_keys), _Index(new_keys)
    for gone in old.events:
        if gone.id not in news:
            for holder in new_index.most_of(old_keys[gone.id]):
                groups.join(("old", gone.id), ("new", holder))
    for came in new.events:
        if came.id not in olds:
            for origin in old_index.most_of(new_keys[came.id]):
                groups.join(("old", origin), ("new", came.id))

    pairs = [(olds[e.id], e) for e in new.events if e.id in olds]
    for component in groups.components():
        was = [olds[i] for side, i in component if side == "old"]
        now = [news[i] for side, i in component if side == "new"]
        if not now:
            found.extend((_order(o, "removed"), _removed(o, old, new)) for o in was)
        elif not was:
            found.extend((_order(n, "added"), _added(n, old, new)) for n in now)
        elif len(was) == 1 and len(now) == 1:
            if was[0].id != now[0].id:
                pairs.append((was[0], now[0]))  # the same event under a new id
        else:
            kind: ChangeKind = "merged" if len(now) == 1 else "split" if len(was) == 1 else "regrouped"
            shared = [s for n in now for s in n.sources if any(_key(s) in old_keys[o.id] for o in was)]
            change = Change(
                kind,
                was=tuple(event_ref(o) for o in was),
                now=tuple(event_ref(n) for n in now),
                evidence=_cites(shared),
            )
            found.append((_order(now[0], kind), change))
    for o, n in pairs:
        found.extend(
            (_order(n, c.kind, c.detail + c.field), c) for c in _revisions(o, n, every_old, every_new)
        )
    found.sort(key=lambda item: item[0])
    return tuple(c for _, c in found)


def _period_text(earliest: date | None, latest: date | None) -> str:
    start = day_label(earliest) if earliest is not None else "the beginning"
    end = day_label(latest) if latest is not None else "the latest event"
    return f"from {start} to {end}"


def _period_change(old: Edition, new: Edition, news: dict[str, Event]) -> Change | None:
    a, b = old.period, new.period
    start, end = a.earliest != b.earliest, a.latest != b.latest
    if not (start or end):
        return None
    evidence: list[Evidence] = []
    # A bound set by an event moves with that event's date: cite what now dates that end of it.
    opening = news.get(b.from_event) if start and b.from_event else None
    if opening is not None:
        evidence.extend(e for e in opening.date.evidence if e.latest is not None and e.latest == b.earliest)
    closing = news.get(b.to_event) if end and b.to_event else None
    if closing is not None:
        evidence.extend(e for e in closing.date.evidence if e.earliest is not None and e.earliest == b.latest)
    return Change(
        "period",
        detail="both" if start and end else "start" if start else "end",
        before=_period_text(a.earliest, a.latest),
        after=_period_text(b.earliest, b.latest),
        dates_before=Interval(a.earliest, a.latest),
        dates_after=Interval(b.earliest, b.latest),
        evidence=_evidence_cites(evidence),
    )


def _paths(ids: Iterable[str], documents: Iterable[Document] | Iterable[Any]) -> str:
    by_id = {d.id: d.path for d in documents}
    return ", ".join(by_id.get(i, i) for i in ids)


def _removed(o: Event, old: Edition, new: Edition) -> Change:
    left = next((x for x in new.left_out if x.id == o.id), None)
    documents = sorted({s.document for s in o.sources})
    detail, reason = "gone", ""
    if left is not None:
        detail, reason = "left-out", left.reason
    elif new.corpus is not None:
        corpus = {c.id: c.sha256 for c in new.corpus}
        was_sha = {d.id: d.sha256 for d in old.documents}
        missing = [d for d in documents if d not in corpus]
        edited = [d for d in documents if d in corpus and d in was_sha and corpus[d] != was_sha[d]]
        if missing:
            detail, reason = "source-removed", _paths(missing, old.documents)
        elif edited:
            detail, reason = "source-edited", _paths(edited, old.documents)
    return Change("removed", event_ref(o), detail, reason=reason, withdrawn=_cites(o.sources))


def _added(n: Event, old: Edition, new: Edition) -> Change:
    left = next((x for x in old.left_out if x.id == n.id), None)
    detail, reason = "new", ""
    if left is not None:
        detail, reason = "entered", left.reason
    elif old.corpus is not None:
        known = {c.id for c in old.corpus}
        fresh = sorted({s.document for s in n.sources} - known)
        if fresh:
            detail, reason = "new-article", _paths(fresh, new.documents)
    return Change("added", event_ref(n), detail, reason=reason, evidence=_cites(n.sources))


def _revisions(
    o: Event, n: Event, every_old: frozenset[SpanKey], every_new: frozenset[SpanKey]
) -> list[Change]:
    """How one event changed between the editions (``o`` and ``n`` are the same event)."""
    ref = event_ref(n)
    found: list[Change] = []
    fresh = [s for s in n.sources if _key(s) not in every_old]
    if o.title != n.title:
        found.append(
            Change("title", ref, before=o.title, after=n.title, was=(event_ref(o),), evidence=_cites(fresh))
        )
    elif o.id != n.id:
        found.append(Change("id", ref, before=o.id, after=n.id, was=(event_ref(o),)))
    dated = _date_change(o.date, n.date, ref)
    if dated is not None:
        found.append(dated)
    if o.place != n.place:
        named = [
            s for s in n.sources if n.place is not None and n.place.name.casefold() in s.quote.casefold()
        ]
        found.append(
            Change(
                "place", ref, before=_place(o.place), after=_place(n.place), evidence=_cites(named or fresh)
            )
        )
    found.extend(_conflict_changes(o, n, ref))
    # A new article that moved the date (or gave the title, or the place) is cited there already.
    cited = {c.span.document for change in found for c in change.evidence if c.span is not None}
    added = [s for s in fresh if s.document not in cited]
    withdrawn = [s for s in o.sources if _key(s) not in every_new]
    if added or withdrawn:
        found.append(Change("sources", ref, evidence=_cites(added), withdrawn=_cites(withdrawn)))
    return found


def _place(place: Place | None) -> str:
    return f"{place.name}, {place.country}" if place is not None else "not known"


def _date_change(a: DateInterval, b: DateInterval, ref: EventRef) -> Change | None:
    lo0, hi0 = a.earliest or date.min, a.latest or date.max
    lo1, hi1 = b.earliest or date.min, b.latest or date.max
    if (lo0, hi0) == (lo1, hi1):
        if a.basis == b.basis:
            return None
        detail = "now-stated" if b.basis == "stated" else "now-inferred"
    elif lo0 <= lo1 and hi1 <= hi0:
        detail = "narrowed"
    elif lo1 <= lo0 and hi0 <= hi1:
        detail = "widened"
    elif hi1 < lo0 or hi0 < lo1:
        detail = "contradicted"
    else:
        detail = "shifted"
    before_keys = {_evidence_key(e) for e in a.evidence}
    after_keys = {_evidence_key(e) for e in b.evidence}
    added = [e for e in b.evidence if _evidence_key(e) not in before_keys]
    dropped = [e for e in a.evidence if _evidence_key(e) not in after_keys]
    lo_moved, hi_moved = lo0 != lo1, hi0 != hi1

    def binds(e: Evidence, lo: date, hi: date) -> bool:
        """The constraint sets an end of the interval that moved."""
        return (lo_moved and e.earliest is not None and e.earliest == lo) or (
            hi_moved and e.latest is not None and e.latest == hi
        )

    evidence = [e for e in added if binds(e, lo1, hi1)] or added
    withdrawn = [e for e in dropped if binds(e, lo0, hi0)] or (dropped if detail == "widened" else [])
    return Change(
        "date",
        ref,
        detail,
        before=a.label,
        after=b.label,
        dates_before=Interval(a.earliest, a.latest),
        dates_after=Interval(b.earliest, b.latest),
        evidence=_evidence_cites(evidence),
        withdrawn=_evidence_cites(withdrawn),
    )


def _conflict_key(conflict: Conflict) -> tuple[str, tuple[str, ...]]:
    return (conflict.field, tuple(sorted(r.value for r in conflict.readings)))


def _reading_cites(conflict: Conflict, event: Event) -> tuple[Cite, ...]:
    """Each reading of a conflict with the passage that carries it, or the reference row."""
    spans = list(event.sources) + [e.span for e in event.date.evidence if e.span is not None]
    found = []
    for reading in conflict.readings:
        carried = None
        for origin in reading.sources:
            doc, _, offsets = origin.rpartition(":")
            start, _, end = offsets.partition("-")
            if start.isdigit() and end.isdigit():
                carried = next(
                    (s for s in spans if s.document == doc and s.start <= int(start) and int(end) <= s.end),
                    None,
                )
            if carried is not None:
                break
        reference = None if carried is not None else ", ".join(reading.sources) or None
        found.append(Cite(reading.value, carried, reference))
    return tuple(found)


def _conflict_changes(o: Event, n: Event, ref: EventRef) -> list[Change]:
    before = {_conflict_key(c): c for c in o.conflicts}
    after = {_conflict_key(c): c for c in n.conflicts}
    found = [
        Change(
            "conflict",
            ref,
            "appeared",
            reason=c.note,
            field=c.field,
            after=" or ".join(r.value for r in c.readings),
            evidence=_reading_cites(c, n),
        )
        for k, c in after.items()
        if k not in before
    ]
    found.extend(
        Change(
            "conflict",
            ref,
            "settled",
            field=c.field,
            before=" or ".join(r.value for r in c.readings),
            withdrawn=_reading_cites(c, o),
        )
        for k, c in before.items()
        if k not in after
    )
    return found


def changes_since(earlier: Edition | None, new: Edition) -> Changes:
    """What a brief says changed: nothing to say for a first edition; for a rebuild of the same
    edition (same date of issue, same brief) what that edition said, so that a rebuild gives the
    same bytes; else the comparison with the earlier edition."""
    if earlier is None:
        return Changes(since=None)
    if earlier.same_content(new):
        # Not an earlier edition but this one, built before: it says what it said (an edition
        # built without saying, by an older tipbrief or with changes: false, is a first edition).
        return earlier.changes if earlier.changes is not None else Changes(since=None)
    return changes_between(earlier, new)


def changes_between(old: Edition, new: Edition) -> Changes:
    """Every change from ``old`` to ``new``, with the articles of ``old`` they cite that ``new``
    no longer does (what `tipbrief diff` shows)."""
    found = compare_editions(old, new)
    kept = {d.id for d in new.documents}
    cited = {c.span.document for x in found for c in (*x.evidence, *x.withdrawn) if c.span is not None}
    documents = tuple(d for d in sorted(old.documents, key=lambda d: d.id) if d.id in cited - kept)
    return Changes(Since(old.issued, old.title), found, documents)


# ---- as data: the brief JSON's "changes" ---------------------------------------------------------


# ---- as text: `tipbrief diff` and the CI summary -------------------------------------------------
