"""The fact-base JSON contract: FactBase to and from plain, deterministic dicts."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from tipbrief.facts.model import (
    Conflict,
    DateInterval,
    DateMention,
    Document,
    DroppedSpan,
    Event,
    Evidence,
    FactBase,
    GlossaryEntry,
    Mention,
    Place,
    Reading,
    Span,
)

# Version of the JSON layout. Bump the minor number when adding keys; the
# contract promises never to remove or rename one.
# 1.1: "mentions"; 1.2: readings carry "count" and "kept"; 1.3: events carry "subject", "party" and
# "ordinal" (their identity record).
SCHEMA_VERSION = "1.3"


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def span_to_dict(span: Span) -> dict[str, Any]:
    return {"document": span.document, "start": span.start, "end": span.end, "quote": span.quote}


def evidence_to_dict(ev: Evidence) -> dict[str, Any]:
    return {
        "rule": ev.rule,
        "note": ev.note,
        "earliest": _iso(ev.earliest),
        "latest": _iso(ev.latest),
        "source": span_to_dict(ev.span) if ev.span else None,
        "reference": ev.reference,
        "url": ev.url,
    }


def interval_to_dict(interval: DateInterval) -> dict[str, Any]:
    return {
        "earliest": _iso(interval.earliest),
        "latest": _iso(interval.latest),
        "label": interval.label,
        "basis": interval.basis,
        "override": interval.override,
        "evidence": [evidence_to_dict(e) for e in interval.evidence],
    }


def event_to_dict(event: Event) -> dict[str, Any]:
    return {
        "id": event.id,
        "title": event.title,
        "kind": event.kind,
        "subject": event.subject or None,
        "party": event.party or None,
        "ordinal": event.ordinal,
        "date": interval_to_dict(event.date),
        "place": {"name": event.place.name, "country": event.place.country} if event.place else None,
        "actors": list(event.actors),
        "instruments": list(event.instruments),
        "sources": [span_to_dict(s) for s in event.sources],
        "conflicts": [
            {
                "field": c.field,
                "note": c.note,
                "readings": [
                    {"value": r.value, "sources": list(r.sources), "count": r.count, "kept": r.kept}
                    for r in c.readings
                ],
            }
            for c in event.conflicts
        ],
    }


def fact_base_to_dict(facts: FactBase) -> dict[str, Any]:
    """The JSON contract of issue #2; extend it, never break it."""
    return {
        "schema": SCHEMA_VERSION,
        "documents": [
            {
                "id": d.id,
                "path": d.path,
                "sha256": d.sha256,
                "title": d.title,
                "published": _iso(d.published),
                "outlet": d.outlet,
                "url": d.url,
                "dateline": d.dateline_place,
                "dropped": [{"start": x.start, "end": x.end, "reason": x.reason} for x in d.dropped],
                # When the article was written, from every clue it gives, with that evidence.
                "written": interval_to_dict(d.written) if d.written else None,
            }
            for d in facts.documents
        ],
        "dates": [
            {
                "document": m.document,
                "start": m.start,
                "end": m.end,
                "text": m.text,
                "earliest": _iso(m.earliest),
                "latest": _iso(m.latest),
                "basis": m.basis,
                "evidence": [evidence_to_dict(e) for e in m.evidence],
            }
            for m in facts.dates
        ],
        "events": [event_to_dict(e) for e in facts.events],
        "glossary": [
            {"short": g.short, "long": g.long, "sources": [span_to_dict(s) for s in g.sources]}
            for g in facts.glossary
        ],
        "problems": [str(p) for p in facts.problems],
        "mentions": [
            {"kind": m.kind, "name": m.name, "detail": m.detail, **span_to_dict(m.span)}
            for m in facts.mentions
        ],
    }


def dump_fact_base(facts: FactBase) -> str:
    """Serialise deterministically: sorted keys, fixed separators, trailing newline."""
    return json.dumps(fact_base_to_dict(facts), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _span(d: dict[str, Any]) -> Span:
    return Span(d["document"], d["start"], d["end"], d["quote"])


def _evidence(d: dict[str, Any]) -> Evidence:
    return Evidence(
        rule=d["rule"],
        note=d["note"],
        earliest=_date(d["earliest"]),
        latest=_date(d["latest"]),
        span=_span(d["source"]) if d.get("source") else None,
        reference=d.get("reference"),
        url=d.get("url"),
    )


def _interval(d: dict[str, Any]) -> DateInterval:
    return DateInterval(
        earliest=_date(d["earliest"]),
        latest=_date(d["latest"]),
        label=d["label"],
        basis=d["basis"],
        evidence=tuple(_evidence(e) for e in d.get("evidence", ())),
        override=bool(d.get("override", False)),
    )


def event_from_dict(d: dict[str, Any]) -> Event:
    place = d.get("place")
    return Event(
        id=d["id"],
        title=d["title"],
        kind=d["kind"],
        subject=d.get("subject") or "",
        party=d.get("party") or "",
        ordinal=d.get("ordinal"),
        date=_interval(d["date"]),
        place=Place(place["name"], place["country"]) if place else None,
        actors=tuple(d.get("actors", ())),
        instruments=tuple(d.get("instruments", ())),
        sources=tuple(_span(s) for s in d.get("sources", ())),
        conflicts=tuple(
            Conflict(
                field=c["field"],
                note=c.get("note", ""),
                readings=tuple(
                    Reading(r["value"], tuple(r["sources"]), bool(r.get("kept", False)))
                    for r in c["readings"]
                ),
            )
            for c in d.get("conflicts", ())
        ),
    )


def fact_base_from_dict(d: dict[str, Any]) -> FactBase:
    """Rebuild a FactBase from its JSON form (documents carry no text)."""
    return FactBase(
        documents=tuple(
            Document(
                id=x["id"],
                path=x["path"],
                sha256=x["sha256"],
                text="",
                title=x.get("title"),
                published=_date(x.get("published")),
                outlet=x.get("outlet"),
                url=x.get("url"),
                dateline_place=x.get("dateline"),
                dropped=tuple(DroppedSpan(y["start"], y["end"], y["reason"]) for y in x.get("dropped", ())),
                written=_interval(x["written"]) if x.get("written") else None,
            )
            for x in d["documents"]
        ),
        dates=tuple(
            DateMention(
                document=m["document"],
                start=m["start"],
                end=m["end"],
                text=m["text"],
                earliest=_date(m["earliest"]),
                latest=_date(m["latest"]),
                basis=m["basis"],
                evidence=tuple(_evidence(e) for e in m.get("evidence", ())),
            )
            for m in d["dates"]
        ),
        events=tuple(event_from_dict(e) for e in d["events"]),
        glossary=tuple(
            GlossaryEntry(g["short"], g["long"], tuple(_span(s) for s in g["sources"])) for g in d["glossary"]
        ),
        mentions=tuple(
            Mention(m["kind"], m["name"], _span(m), m.get("detail")) for m in d.get("mentions", ())
        ),
    )
