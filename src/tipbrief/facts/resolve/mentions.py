"""Dates, mentions and glossary entries of the whole corpus, in document order, with their sources."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from tipbrief.facts.extract.records import Extraction
from tipbrief.facts.model import (
    DateMention,
    Event,
    Evidence,
    GlossaryEntry,
    Mention,
    Span,
)


def resolve_mentions(extractions: Sequence[Extraction], events: Sequence[Event]) -> tuple[DateMention, ...]:
    """Every temporal expression, with the interval the article (or its event) gives it."""
    dates = [d for x in extractions for d in article_dates(x)]
    return link_dates(dates, range(len(dates)), events)


def article_dates(x: Extraction) -> tuple[DateMention, ...]:
    """One article's temporal expressions, each with the interval the article alone gives it."""
    return tuple(
        DateMention(
            d.span.document,
            d.span.start,
            d.span.end,
            d.span.quote,
            d.earliest,
            d.latest,
            "stated" if d.stated else "inferred",
            (Evidence("date-mention", d.note, d.earliest, d.latest, d.span, d.reference, d.url),),
        )
        for d in x.dates
    )


def link_dates(
    dates: Sequence[DateMention], open_dates: Iterable[int], events: Sequence[Event]
) -> tuple[DateMention, ...]:
    """``dates`` where each of ``open_dates`` (positions of dates the article leaves unbounded)
    takes the interval of the first event, in order, whose date evidence quotes it, if bounded."""
    wanted: dict[tuple[str, int, int], list[int]] = {}
    for i in open_dates:
        d = dates[i]
        if d.earliest is None and d.latest is None:
            wanted.setdefault((d.document, d.start, d.end), []).append(i)
    out = list(dates)
    for event in events:
        if not wanted:
            break
        lo, hi = event.date.earliest, event.date.latest
        for e in event.date.evidence:
            span = e.span
            if span is None:
                continue
            found = wanted.pop((span.document, span.start, span.end), None)
            if found is None or not (lo and hi):
                continue
            linked = Evidence(
                "event",
                f"resolved with the event “{event.title}” ({event.id})",
                lo,
                hi,
                None,
                f"event:{event.id}",
            )
            for i in found:
                d = out[i]
                out[i] = DateMention(
                    d.document, d.start, d.end, d.text, lo, hi, d.basis, (*d.evidence, linked)
                )
    return tuple(out)


def merge_glossary(extractions: Sequence[Extraction]) -> tuple[GlossaryEntry, ...]:
    return merge_glossaries(x.glossary for x in sorted(extractions, key=lambda x: x.document))


def merge_glossaries(glossaries: Iterable[Sequence[GlossaryEntry]]) -> tuple[GlossaryEntry, ...]:
    """One entry per acronym from the articles' glossaries, in document order: the first long form
    wins and every definition is a source."""
    first: dict[str, GlossaryEntry] = {}
    sources: dict[str, list[Span]] = {}
    for entries in glossaries:
        for g in entries:
            if g.short in first:
                sources[g.short].extend(g.sources)
            else:
                first[g.short] = g
                sources[g.short] = list(g.sources)
    return tuple(
        first[k] if len(sources[k]) == len(first[k].sources) else replace(first[k], sources=tuple(sources[k]))
        for k in sorted(first, key=str.casefold)
    )


def collect_mentions(extractions: Sequence[Extraction]) -> tuple[Mention, ...]:
    """Every place, body, person and instrument the articles name, in document order."""
    return tuple(sorted((m for x in extractions for m in article_mentions(x)), key=mention_order))


def article_mentions(x: Extraction) -> tuple[Mention, ...]:
    """One article's places, bodies, people and instruments, in order (see mention_order)."""
    out: list[Mention] = []
    out.extend(Mention("place", p.name, span, p.country) for span, p in x.places)
    out.extend(Mention("body", name, span) for span, name in x.bodies)
    out.extend(Mention("person", p.name, p.span, p.role) for p in x.people)
    out.extend(Mention("instrument", name, span) for span, name in x.instruments)
    return tuple(sorted(out, key=mention_order))


def mention_order(m: Mention) -> tuple[str, int, int, str, str]:
    return (m.span.document, m.span.start, m.span.end, m.kind, m.name)
