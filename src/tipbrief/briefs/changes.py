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
from typing import TYPE_CHECKING, Any, Literal

from tipbrief.briefs.jsonfields import (
    Malformed,
    day,
    flag,
    iso,
    items,
    key,
    obj,
    optional_span,
    optional_text,
    text,
)
from tipbrief.common.months import day_label
from tipbrief.facts.factjson import span_to_dict
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
KINDS: tuple[ChangeKind, ...] = (
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
)
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


def _ref_dict(ref: EventRef) -> dict[str, Any]:
    return {"id": ref.id, "title": ref.title, "date": ref.date, "inferred": ref.inferred, "place": ref.place}


def _cite_dict(cite: Cite) -> dict[str, Any]:
    return {
        "note": cite.note,
        "source": span_to_dict(cite.span) if cite.span is not None else None,
        "reference": cite.reference,
    }


def _interval_dict(value: Interval | None) -> dict[str, Any] | None:
    return None if value is None else {"earliest": iso(value.earliest), "latest": iso(value.latest)}


def change_to_dict(change: Change) -> dict[str, Any]:
    return {
        "kind": change.kind,
        "detail": change.detail,
        "reason": change.reason,
        "field": change.field,
        "event": _ref_dict(change.event) if change.event is not None else None,
        "before": change.before,
        "after": change.after,
        "dates_before": _interval_dict(change.dates_before),
        "dates_after": _interval_dict(change.dates_after),
        "was": [_ref_dict(r) for r in change.was],
        "now": [_ref_dict(r) for r in change.now],
        "evidence": [_cite_dict(c) for c in change.evidence],
        "withdrawn": [_cite_dict(c) for c in change.withdrawn],
    }


def changes_to_dict(changes: Changes) -> dict[str, Any]:
    since = changes.since
    return {
        "since": None if since is None else {"issued": iso(since.issued), "title": since.title},
        "items": [change_to_dict(c) for c in changes.items],
        "documents": [
            {"id": d.id, "path": d.path, "sha256": d.sha256, "title": d.title} for d in changes.documents
        ],
    }


def _ref(value: Any, where: str) -> EventRef:
    data = obj(value, where)
    return EventRef(
        id=text(key(data, "id", where), f"{where}.id", blank=False),
        title=text(key(data, "title", where), f"{where}.title"),
        date=text(key(data, "date", where), f"{where}.date"),
        inferred=flag(key(data, "inferred", where), f"{where}.inferred"),
        place=optional_text(key(data, "place", where), f"{where}.place"),
    )


def _cite(value: Any, where: str) -> Cite:
    data = obj(value, where)
    return Cite(
        note=text(key(data, "note", where), f"{where}.note"),
        span=optional_span(key(data, "source", where), f"{where}.source"),
        reference=optional_text(key(data, "reference", where), f"{where}.reference"),
    )


def _interval(value: Any, where: str) -> Interval | None:
    if value is None:
        return None
    data = obj(value, where)
    return Interval(
        day(data.get("earliest"), f"{where}.earliest"), day(data.get("latest"), f"{where}.latest")
    )


def _change(value: Any, where: str) -> Change:
    data = obj(value, where)
    kind = text(key(data, "kind", where), f"{where}.kind")
    if kind not in KINDS:
        raise Malformed(f"{where}.kind is {kind[:40]!r}, not a kind of change")
    detail = text(key(data, "detail", where), f"{where}.detail")
    if detail not in DETAILS.get(kind, ("",)):
        raise Malformed(f"{where}.detail is {detail[:40]!r}, which a change of kind {kind!r} never has")
    event = key(data, "event", where)
    return Change(
        kind=kind,
        event=None if event is None else _ref(event, f"{where}.event"),
        detail=detail,
        reason=text(key(data, "reason", where), f"{where}.reason"),
        field=text(key(data, "field", where), f"{where}.field"),
        before=text(key(data, "before", where), f"{where}.before"),
        after=text(key(data, "after", where), f"{where}.after"),
        dates_before=_interval(key(data, "dates_before", where), f"{where}.dates_before"),
        dates_after=_interval(key(data, "dates_after", where), f"{where}.dates_after"),
        was=items(key(data, "was", where), f"{where}.was", _ref),
        now=items(key(data, "now", where), f"{where}.now", _ref),
        evidence=items(key(data, "evidence", where), f"{where}.evidence", _cite),
        withdrawn=items(key(data, "withdrawn", where), f"{where}.withdrawn", _cite),
    )


def _document(value: Any, where: str) -> Document:
    data = obj(value, where)
    return Document(
        id=text(key(data, "id", where), f"{where}.id", blank=False),
        path=text(key(data, "path", where), f"{where}.path"),
        sha256=text(key(data, "sha256", where), f"{where}.sha256"),
        text="",
        title=optional_text(key(data, "title", where), f"{where}.title"),
    )


def changes_from_dict(value: Any, where: str) -> Changes:
    """The changes an edition's JSON records (strict: raises Malformed, naming the bad value)."""
    data = obj(value, where)
    since = key(data, "since", where)
    if since is not None:
        at = f"{where}.since"
        record = obj(since, at)
        since = Since(
            day(key(record, "issued", at), f"{at}.issued"), text(key(record, "title", at), f"{at}.title")
        )
    return Changes(
        since=since,
        items=items(key(data, "items", where), f"{where}.items", _change),
        documents=items(key(data, "documents", where), f"{where}.documents", _document),
    )


# ---- as text: `tipbrief diff` and the CI summary -------------------------------------------------

_SIGNS = {"added": "+", "removed": "-"}


def _line(value: str, limit: int = 160) -> str:
    from tipbrief.briefs.render_markdown import plain_text

    return plain_text(value, limit)


def _show(ref: EventRef) -> str:
    where = f", {ref.place}" if ref.place else ""
    return f"{_line(ref.title, 120)} ({_line(ref.date, 80)}{where}) [{_line(ref.id, 80)}]"


def since_text(since: Since | None) -> str:
    if since is None:
        return "a first edition"
    return day_label(since.issued) if since.issued is not None else "the previous edition"


def describe(change: Change) -> str:
    """One line for a change, in plain words (without its citations)."""
    kind = change.kind
    if kind == "period":
        return f"period moved: {change.after} (was {change.before})"
    if kind in ("merged", "split", "regrouped"):
        was = "; ".join(_show(r) for r in change.was)
        now = "; ".join(_show(r) for r in change.now)
        return f"{kind}: {was} → {now}"
    assert change.event is not None
    subject = _show(change.event)
    if kind == "added":
        why = {
            "new-article": "reported by a new article",
            "entered": "was left out",
            "new": "new in the fact base",
        }
        extra = f" ({_line(change.reason)})" if change.reason else ""
        return f"added: {subject}: {why[change.detail]}{extra}"
    if kind == "removed":
        why = {
            "left-out": "now left out",
            "source-removed": "its articles were removed",
            "source-edited": "its articles were edited",
            "gone": "no longer in the fact base",
        }
        extra = f" ({_line(change.reason)})" if change.reason else ""
        return f"removed: {subject}: {why[change.detail]}{extra}"
    if kind in ("id", "title", "place"):
        line = f"{kind} changed: {subject}: {_line(change.before)} → {_line(change.after)}"
        if kind == "title" and change.was and change.was[0].id != change.event.id:
            line += f" (its id was {_line(change.was[0].id, 80)})"
        return line
    if kind == "date":
        how = change.detail.replace("-", " ")
        return f"date {how}: {subject}: {_line(change.before)} → {_line(change.after)}"
    if kind == "sources":
        parts = []
        if change.evidence:
            parts.append(f"{len(change.evidence)} new")
        if change.withdrawn:
            parts.append(f"{len(change.withdrawn)} withdrawn")
        return f"sources: {subject}: {', '.join(parts)}"
    readings = _line(change.after or change.before)
    return f"conflict {change.detail}: {subject}: on the {_line(change.field)}: {readings}"


def _cite_text(cite: Cite) -> str:
    note = f"{_line(cite.note, 120)}: " if cite.note else ""
    if cite.span is not None:
        s = cite.span
        return f"{note}{_line(s.document, 80)}:{s.start}-{s.end} “{_line(s.quote, 100)}”"
    return f"{note}{_line(cite.reference or '', 120)}"


def changes_text(name: str, changes: Changes) -> str:
    """The changes as lines of text: a heading line, then one line per change, each followed by its
    citations (``-`` before what no longer holds)."""
    n = len(changes.items)
    since = since_text(changes.since)
    if changes.since is None:
        head = f"{name}: a first edition, nothing to compare with"
    elif n == 0:
        head = f"{name}: no changes since {since}"
    else:
        head = f"{name}: {n} change{'s' if n != 1 else ''} since {since}"
    lines = [head]
    for change in changes.items:
        lines.append(f"{_SIGNS.get(change.kind, '~')} {describe(change)}")
        lines.extend(f"    {_cite_text(c)}" for c in change.evidence)
        lines.extend(f"    - {_cite_text(c)}" for c in change.withdrawn)
    return "\n".join(lines) + "\n"


__all__ = [
    "DETAILS",
    "KINDS",
    "Change",
    "ChangeKind",
    "Changes",
    "Cite",
    "EventRef",
    "Interval",
    "Since",
    "change_to_dict",
    "changes_from_dict",
    "changes_since",
    "changes_text",
    "changes_to_dict",
    "compare_editions",
    "describe",
    "event_ref",
]
