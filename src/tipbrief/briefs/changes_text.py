"""Changes as text: one line each, for `tipbrief diff` and the job summary in CI."""

from __future__ import annotations

from tipbrief.briefs.changes import Change, Changes, Cite, EventRef, Since
from tipbrief.common.months import day_label

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
