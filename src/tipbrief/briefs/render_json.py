"""A brief as plain data: build/NAME.json, the record other tools and later editions read."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

import tipbrief

if TYPE_CHECKING:
    from tipbrief.briefs.select import Brief
    from tipbrief.briefs.spec_model import BriefSpec


def _json_value(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_json_value(v) for v in value]
    if isinstance(value, dict):
        return {k: _json_value(v) for k, v in value.items()}
    return value


def spec_to_dict(spec: BriefSpec) -> dict[str, Any]:
    """The spec as plain data; period bounds keep where they were written."""
    data = _json_value(dataclasses.asdict(spec))
    for key, bound in (("period_from", spec.period_from), ("period_to", spec.period_to)):
        if bound is not None:
            data[key]["where"] = str(bound.where)
    return dict(data)


def brief_to_dict(brief: Brief, sections: Sequence[str]) -> dict[str, Any]:
    """build/NAME.json: the spec, the events chosen in order with why, what was left out, the
    articles of the fact base, what changed since the earlier edition, and the warnings. A later
    build reads it back as the earlier edition (briefs/editions.py)."""
    from tipbrief.briefs.changes_json import changes_to_dict
    from tipbrief.briefs.editions import BRIEF_SCHEMA
    from tipbrief.facts.factjson import event_to_dict, span_to_dict

    period = brief.period
    return {
        "schema": BRIEF_SCHEMA,
        "tipbrief": tipbrief.__version__,
        "spec": spec_to_dict(brief.spec),
        "sections": list(sections),
        "period": {
            "earliest": period.earliest.isoformat() if period.earliest else None,
            "latest": period.latest.isoformat() if period.latest else None,
            "from": period.from_label,
            "to": period.to_label,
            "from_event": period.from_event.id if period.from_event else None,
            "to_event": period.to_event.id if period.to_event else None,
        },
        "events": [
            {
                **event_to_dict(c.event),
                "uncertain": c.uncertain,
                "reasons": [str(r) for r in c.reasons],
            }
            for c in brief.events
        ],
        "left_out": [
            {"id": x.event.id, "title": x.event.title, "reason": x.reason, "ambiguous": x.ambiguous}
            for x in brief.left_out
        ],
        "glossary": [
            {"short": g.short, "long": g.long, "sources": [span_to_dict(s) for s in g.sources]}
            for g in brief.glossary
        ],
        "documents": [
            {"id": d.id, "path": d.path, "sha256": d.sha256, "title": d.title} for d in brief.documents
        ],
        "corpus": [
            {"id": d.id, "path": d.path, "sha256": d.sha256} for d in sorted(brief.corpus, key=lambda d: d.id)
        ],
        "changes": changes_to_dict(brief.changes) if brief.changes is not None else None,
        "warnings": list(brief.warnings),
    }


def dump_json(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")
