"""Changes as plain data in a brief's JSON, and read back from it strictly."""

from __future__ import annotations

from typing import Any

from tipbrief.briefs.changes import DETAILS, KINDS, Change, Changes, Cite, EventRef, Interval, Since
from tipbrief.briefs.jsonfields import (
    Malformed,
    day,
    document,
    flag,
    iso,
    items,
    key,
    obj,
    optional_span,
    optional_text,
    text,
)
from tipbrief.facts.factjson import span_to_dict


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
        documents=items(key(data, "documents", where), f"{where}.documents", document),
    )
