"""Date constraints: the article's own anchor, stated and relative dates, programme periods, tense."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from tipbrief.common.words import sentence_words
from tipbrief.facts.extract.instruments import _adopted_instruments, _instrument_row
from tipbrief.facts.extract.patterns import _FUTURE_ADOPTION, _FUTURE_BEFORE
from tipbrief.facts.extract.records import (
    Constraint,
    DateFound,
    PersonMention,
    Sentence,
    _Context,
    consistent,
    intersect,
)
from tipbrief.facts.extract.sentences import _tense
from tipbrief.facts.model import Span
from tipbrief.facts.reference import parse_partial
from tipbrief.facts.temporal.expressions import Tense, extract_temporals
from tipbrief.facts.temporal.intervals import anchored_interval, stated_interval


def _anchor_constraints(ctx: _Context, people: list[PersonMention]) -> tuple[Constraint, ...]:
    """What the article itself says about its own date."""
    doc = ctx.article.document
    out: list[Constraint] = []
    if doc.published:
        # An imported article's date comes from its sidecar, which names the page it was read from.
        sidecar = ctx.article.published_from
        out.append(
            Constraint(
                "published",
                f"the article is dated {doc.published.isoformat()}",
                doc.published,
                doc.published,
                reference=sidecar,
                url=doc.url if sidecar else None,
                stated=True,
            )
        )
    if ctx.article.dateline_span:
        line_start, line_end = ctx.article.dateline_span
        span = Span(doc.id, line_start, line_end, doc.text[line_start:line_end])
        if doc.published and _dateline_agrees(span.quote, doc.published):
            out.append(
                Constraint(
                    "dateline",
                    f"the dateline reads “{span.quote}”",
                    doc.published,
                    doc.published,
                    span,
                    stated=True,
                )
            )
    for p in people:
        if p.term:
            out.append(
                replace(
                    p.term, note=p.term.note + "; the article names them in office, so it falls in that term"
                )
            )
    for s in ctx.sentences:
        if _tense(s.text) != "future":
            continue
        for t in extract_temporals(s.text):
            iv = stated_interval(t)
            # Only a date that the future verb governs ("will be adopted in 2015") bounds the article.
            if iv and t.kind in ("year", "month") and _FUTURE_BEFORE.search(s.text[: t.start]):
                out.append(
                    Constraint(
                        "tense",
                        f"“{s.text[:90]}…” speaks of {t.text} as future, so the article predates its end",
                        None,
                        iv[1],
                        s.span(doc.id, doc.text, t.start, t.end),
                    )
                )
        if not _FUTURE_ADOPTION.search(s.text):
            continue
        for start, end, name in _adopted_instruments(ctx, s.text, sentence_words(s.text)):
            row = _instrument_row(ctx.gaz, name)
            if row and row.get("adopted"):
                adopted = parse_partial(row.get("adopted"))
                if adopted:
                    out.append(
                        Constraint(
                            "tense-reference",
                            f"the article expects {name} to be adopted, "
                            f"which happened on {row.get('adopted')}",
                            None,
                            adopted[0] - timedelta(days=1),
                            s.span(doc.id, doc.text, start, end),
                            row.origin,
                            row.source,
                        )
                    )
    # The article's own dates come first; a later constraint that contradicts them is dropped.
    kept, _ = consistent(out)
    return tuple(kept)


def _dateline_agrees(quote: str, published: date) -> bool:
    """Whether a dateline's date is the publication date: a whole date always is (it gave it, or the
    sidecar overrides it as before); one without a year when its day and month are the same."""
    found = [t for t in extract_temporals(quote) if t.kind == "date"]
    if not found or found[0].year is not None:
        return True
    return (found[0].month, found[0].day) == (published.month, published.day)


def _extract_dates(ctx: _Context, anchor: tuple[Constraint, ...]) -> tuple[DateFound, ...]:
    out: list[DateFound] = []
    a = intersect(anchor)
    bounded = (a[0], a[1]) if a and a[0] and a[1] else None
    dateline = ctx.article.dateline_span
    for s in ctx.sentences:
        tense = _tense(s.text)
        for t in extract_temporals(s.text):
            span = s.span(ctx.doc, ctx.original, t.start, t.end)
            iv = stated_interval(t)
            if iv:
                note = "the dateline" if dateline and (span.start, span.end) == dateline else "stated in full"
                out.append(DateFound(span, t, iv[0], iv[1], True, note))
                continue
            if bounded:
                found, note = anchored_interval(t, bounded, tense)
                if found:
                    today = t.relative == "today"
                    out.append(DateFound(span, t, found[0], found[1], today, note, *_dated_by(anchor)))
                    continue
            out.append(DateFound(span, t, None, None, False, "needs a year that the article does not give"))
    return tuple(out)


def _time_constraints(
    ctx: _Context,
    s: Sentence,
    anchor: tuple[Constraint, ...],
    tense: Tense,
    skip: tuple[int, int] | None = None,
) -> list[Constraint]:
    out: list[Constraint] = []
    a = intersect(anchor)
    temporals = extract_temporals(s.text)
    # ", which opens on Thursday": a date inside a relative clause belongs to what the clause is
    # about, unless the sentence has no other date.
    clauses = [m.span() for m in re.finditer(r",\s+(?:which|who|where)\b[^,;]*", s.text)]
    outside = [t for t in temporals if not any(a0 <= t.start < a1 for a0, a1 in clauses)]
    for t in outside or temporals:
        span = s.span(ctx.doc, ctx.original, t.start, t.end)
        if ctx.article.dateline_span and (span.start, span.end) == ctx.article.dateline_span:
            continue
        iv = stated_interval(t)
        if iv:
            out.append(
                Constraint("stated-date", f"the article says “{t.text}”", iv[0], iv[1], span, stated=True)
            )
        elif t.kind == "relative":
            if a and a[0] and a[1]:
                found, note = anchored_interval(t, (a[0], a[1]), tense)
                if found:
                    out.append(
                        Constraint(
                            "relative-date",
                            f"“{t.text}” {note.split('” ', 1)[-1]}",
                            found[0],
                            found[1],
                            span,
                            *_dated_by(anchor),
                            stated=t.relative == "today",
                        )
                    )
            elif t.relative in ("recently",):
                continue
        else:
            out.append(
                Constraint(
                    "day-month", f"the article says “{t.text}” without a year", None, None, span, annual=t
                )
            )
    return out


def _year_before(d: date) -> date:
    try:
        return d.replace(year=d.year - 1)
    except ValueError:  # 29 February
        return d.replace(year=d.year - 1, day=28)


def _dated_by(anchor: tuple[Constraint, ...]) -> tuple[str | None, str | None]:
    """The sidecar the article's date was read from, and the page's URL, when a sidecar gave it."""
    source = next((c for c in anchor if c.rule == "published" and c.reference), None)
    return (source.reference, source.url) if source else (None, None)


def _anchor_relation(anchor: tuple[Constraint, ...], tense: Tense, annual: bool) -> list[Constraint]:
    """How an event relates to the article's date: past events before it, future ones after."""
    a = intersect(anchor)
    if not a or (a[0] is None and a[1] is None):
        return []
    lo, hi = a
    # The article's date as evidence: its sidecar, when that is where it was read.
    where = _dated_by(anchor)
    if tense == "past":
        if hi is None:  # nothing bounds the article's date from above
            return []
        window = _year_before(lo) + timedelta(days=1) if (annual and lo) else None
        note = "reported in the past tense, so no later than the article's date" + (
            "; a day without a year means the last such day before it" if annual else ""
        )
        return [Constraint("article-date", note, window, hi, None, *where)]
    if tense == "future":
        if lo is None:
            return []
        return [
            Constraint(
                "article-date",
                "reported as future, so no earlier than the article's date",
                lo,
                None,
                None,
                *where,
            )
        ]
    return [
        Constraint("article-date", "reported as ongoing, so around the article's date", lo, hi, None, *where)
    ]


def _programme_constraints(ctx: _Context, s: Sentence) -> list[Constraint]:
    out = []
    for start, end, row in ctx.gaz.programmes.find(s.text):
        lo, hi = row.interval()
        out.append(
            Constraint(
                "programme-period",
                f"supported under {row.get('name')}, which ran from {row.get('start')} to "
                f"{row.get('end') or 'now'}",
                lo,
                hi,
                s.span(ctx.doc, ctx.original, start, end),
                row.origin,
                row.source,
            )
        )
    return out
