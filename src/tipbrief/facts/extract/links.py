"""Links between an article's candidates: ongoing meetings, anaphora ("the meeting"), repeats merged."""

from __future__ import annotations

from dataclasses import replace

from tipbrief.common.words import sentence_words
from tipbrief.facts.extract.events import _actors, _identifications, _within
from tipbrief.facts.extract.patterns import _ANAPHOR, _ONGOING
from tipbrief.facts.extract.records import Constraint, EventCandidate, Identification, PersonMention, _Context
from tipbrief.facts.model import Place, Span


def _link_ongoing_meetings(
    ctx: _Context, raw: list[EventCandidate], lead: int | None, places: tuple[tuple[Span, Place], ...]
) -> list[EventCandidate]:
    """ "At the ongoing X": the article's lead event took place during X, and where X was."""
    if lead is None:
        return raw
    ev = raw[lead]
    known = {i.span for i in ev.identifications}
    extra: list[Identification] = []
    place, place_span = ev.place, ev.place_span
    for s in ctx.sentences:
        if "ongoing" not in s.text or not _ONGOING.search(s.text):
            continue
        idents = [i for i in _identifications(ctx, s) if i.candidates and i.span not in known]
        if not idents:
            continue
        known.update(i.span for i in idents)
        extra.extend(idents)
        if place is None:
            found = [
                (sp, pl) for sp, pl in _within(places, s.span(ctx.doc, ctx.original)) if pl.name != pl.country
            ]
            if found:
                place_span, place = found[0]
    raw[lead] = replace(
        ev, identifications=ev.identifications + tuple(extra), place=place, place_span=place_span
    )
    return raw


def _link_anaphora(
    ctx: _Context, raw: list[EventCandidate], people: list[PersonMention]
) -> list[EventCandidate]:
    """Sentences that point back at an event ("at the event", "the Launch was addressed by") add
    their people's terms of office and their actors to it."""
    if not raw:
        return raw
    stated = {src for e in raw for src in e.sources}
    added: dict[int, tuple[list[Span], list[Constraint], list[str]]] = {}
    for s in ctx.sentences:
        matches = list(_ANAPHOR.finditer(s.text, sentence_words(s.text)))
        if not matches:
            continue
        span = s.span(ctx.doc, ctx.original)
        if span in stated:
            continue
        for m in matches:
            noun = m.group("noun").lower()
            target = next(
                (
                    i
                    for i, e in enumerate(raw)
                    if noun == "event"
                    or noun in e.kind
                    or noun in e.title.lower()
                    or (noun.startswith("launch") and e.title.startswith("Launch"))
                ),
                None,
            )
            if target is None:
                continue
            spans, terms, actors = added.setdefault(target, ([], [], []))
            spans.append(span)
            terms.extend(p.term for p in people if p.term and span.start <= p.span.start < span.end)
            actors.extend(_actors(ctx, s.text))
            break
    # Applied once per event at the end, so many pointing sentences cost linear time.
    for target, (spans, terms, actors) in added.items():
        ev = raw[target]
        raw[target] = replace(
            ev,
            sources=(*ev.sources, *spans),
            constraints=ev.constraints + tuple(terms),
            actors=tuple(dict.fromkeys((*ev.actors, *actors))),
        )
    return raw


def _same_name(a: EventCandidate, b: EventCandidate) -> bool:
    """ "the Regional Review" and "the Regional Review on Laws, …" in one article: the same publication."""
    return a.kind == b.kind and (a.key.startswith(b.key) or b.key.startswith(a.key))


def _merge_within_article(raw: list[EventCandidate]) -> list[EventCandidate]:
    """An article that mentions its event twice ("a seminar … The seminar …") states one event."""
    groups: list[list[EventCandidate]] = []
    for ev in raw:
        same = next(
            (
                g
                for g in groups
                if g[0].key == ev.key
                or _same_name(g[0], ev)
                or (
                    g[0].kind == ev.kind
                    and ev.kind not in ("adoption", "publication")
                    and (g[0].place is None or ev.place is None or g[0].place == ev.place)
                )
            ),
            None,
        )
        if same is None:
            groups.append([ev])
        else:
            same.append(ev)
    return [_fold(g) for g in groups]


def _fold(group: list[EventCandidate]) -> EventCandidate:
    """One candidate from several statements of it: the first one's title, everyone's evidence."""
    first = group[0]
    if len(group) == 1:
        return first
    placed = next((ev for ev in group if ev.place), None)
    return replace(
        first,
        sources=tuple(dict.fromkeys(x for ev in group for x in ev.sources)),
        actors=tuple(dict.fromkeys(a for ev in group for a in ev.actors)),
        instruments=tuple(dict.fromkeys(i for ev in group for i in ev.instruments)),
        place=placed.place if placed else None,
        place_span=placed.place_span if placed else None,
        constraints=tuple(dict.fromkeys(c for ev in group for c in ev.constraints)),
        identifications=tuple(dict.fromkeys(i for ev in group for i in ev.identifications)),
    )
