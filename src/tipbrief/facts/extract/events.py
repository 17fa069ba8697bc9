"""Event candidates, one per sentence that states one: kind, title, place, actors, date constraints."""

from __future__ import annotations

import re
from bisect import bisect_left

from tipbrief.common.words import sentence_words
from tipbrief.facts.extract.dates import _anchor_relation, _programme_constraints, _time_constraints
from tipbrief.facts.extract.instruments import _adopted_instruments, _instrument_row
from tipbrief.facts.extract.names import is_body
from tipbrief.facts.extract.patterns import (
    _ADOPTION_VERB,
    _AT_MEETING,
    _DOC_NAME,
    _MEETING_ACTED,
    _MEETING_NOUN,
    _MEETING_VERB,
    _NAME_PHRASE,
    _ONGOING,
    _ORDINAL,
    _PUBLICATION_VERB,
    _QUOTED,
    _SUMMIT_NUMBER,
    _SUMMIT_WORD,
)
from tipbrief.facts.extract.records import (
    Constraint,
    EventCandidate,
    Identification,
    PersonMention,
    Sentence,
    _Context,
)
from tipbrief.facts.extract.sentences import _clean_title, _event_tense, _first_sentence_cap, _norm
from tipbrief.facts.gazetteer import ordinal
from tipbrief.facts.model import Place, Span
from tipbrief.facts.reference import parse_partial


def _within(places: tuple[tuple[Span, Place], ...], span: Span) -> list[tuple[Span, Place]]:
    """The places (sorted by offset) that start inside ``span``: a bisection, not a scan, so long
    articles stay linear."""
    lo = bisect_left(places, span.start, key=lambda item: item[0].start)
    hi = bisect_left(places, span.end, key=lambda item: item[0].start)
    return list(places[lo:hi])


def _sentence_place(
    ctx: _Context, s: Sentence, places: tuple[tuple[Span, Place], ...]
) -> tuple[Place, Span] | None:
    """The first city in the sentence (a country only when no city is named)."""
    span_all = s.span(ctx.doc, ctx.original)
    inside = _within(places, span_all)
    cities = [(sp, pl) for sp, pl in inside if pl.name != pl.country]
    # A country names the event's place only as "in <country>"; elsewhere it is an actor ("the US Mission").
    countries = [
        (sp, pl)
        for sp, pl in inside
        if pl.name == pl.country
        and re.search(r"\bin\s+(?:the\s+)?$", ctx.original[max(0, sp.start - 8) : sp.start])
    ]
    pick = cities or countries
    if not pick:
        return None
    sp, pl = pick[0]
    if (ctx.article.dateline_span and sp.start < ctx.article.dateline_span[0]) and len(pick) > 1:
        sp, pl = pick[1]
    return pl, sp


def _identifications(ctx: _Context, s: Sentence) -> list[Identification]:
    out: list[Identification] = []
    text = s.text
    for m in _SUMMIT_NUMBER.finditer(text):
        n = int(m.group("n1") or m.group("n2") or m.group("n3"))
        out.append(
            Identification(
                "summit",
                m.group(),
                s.span(ctx.doc, ctx.original, m.start(), m.end()),
                ctx.gaz.summits_numbered(n),
                text[max(0, m.start() - 50) : m.start()],
                text[m.end() : m.end() + 60],
            )
        )
    summit_at = _SUMMIT_WORD.search(text)
    if summit_at is not None:
        for start, end, row in ctx.gaz.places.find(text):
            if row.get("kind") != "city" or (
                abs(start - summit_at.end()) > 60 and abs(summit_at.start() - end) > 80
            ):
                continue
            found = ctx.gaz.summits_in(row.get("name"))
            if found:
                out.append(
                    Identification(
                        "summit",
                        f"ASEAN Summit in {row.get('name')}",
                        s.span(ctx.doc, ctx.original, start, end),
                        found,
                        text[max(0, summit_at.start() - 50) : summit_at.start()],
                        text[end : end + 60],
                    )
                )
    for start, end, row in ctx.gaz.series.find(text):
        before = text[max(0, start - 30) : start]
        ordinal_at = _ORDINAL.search(before)
        if ordinal_at:
            n = int(ordinal_at.group("n"))
            mention_at = start - len(before) + ordinal_at.start()
            out.append(
                Identification(
                    "meeting",
                    f"{ordinal(n)} {row.get('series')}",
                    s.span(ctx.doc, ctx.original, mention_at, end),
                    ctx.gaz.meetings_numbered(row, n),
                    text[max(0, mention_at - 50) : mention_at],
                    text[end : end + 60],
                )
            )
    return out


def happened_at(ident: Identification) -> bool:
    """Whether an event took place at the summit or meeting a sentence names: "at the 27th ASEAN
    Summit", "during the 28th…", "the 42nd Summit … had adopted"; not "ahead of the 34th Summit"."""
    return bool(_AT_MEETING.search(ident.before) or _MEETING_ACTED.search(ident.after))


def _actors(ctx: _Context, text: str) -> list[str]:
    out: list[str] = []
    for _, _, row in ctx.gaz.bodies.find(text):
        name = row.get("short") or row.get("long")
        if name not in out:
            out.append(name)
    for m in re.finditer(r"\b[A-Z][A-Z&]{1,10}\b", text):
        if m.group() in ctx.glossary and m.group() not in out and is_body(ctx.glossary[m.group()]):
            out.append(m.group())
    return out


def _events_in_sentence(
    ctx: _Context,
    s: Sentence,
    places: tuple[tuple[Span, Place], ...],
    people: list[PersonMention],
    anchor: tuple[Constraint, ...],
) -> list[EventCandidate]:
    text = s.text
    # Most sentences state no event: find the trigger first, and gather the sentence's facts
    # (place, constraints, actors) only for the few that do.
    words = sentence_words(text)
    verb = _ADOPTION_VERB.search(text, words)
    instruments = _adopted_instruments(ctx, text, words) if verb else []
    pub = None if instruments else _PUBLICATION_VERB.search(text, words)
    doc_name = _DOC_NAME.search(text) if pub else None
    meeting_noun = None if instruments or doc_name else _MEETING_NOUN.search(text, words)
    if meeting_noun and (
        not _MEETING_VERB.search(text, words) or _ONGOING.search(text[: meeting_noun.start()][-40:])
    ):
        meeting_noun = None
    if not (instruments or doc_name or meeting_noun):
        return []
    tense = _event_tense(text)
    out: list[EventCandidate] = []
    source = s.span(ctx.doc, ctx.original)
    where = _sentence_place(ctx, s, places)
    all_idents = _identifications(ctx, s)
    idents = [i for i in all_idents if happened_at(i)]
    times = _time_constraints(ctx, s, anchor, tense)
    annual = any(c.annual for c in times)
    base_constraints = times + _programme_constraints(ctx, s) + _anchor_relation(anchor, tense, annual)
    base_constraints += [p.term for p in people if p.term and source.start <= p.span.start < source.end]
    actors = _actors(ctx, text)

    def candidate(
        kind: str,
        title: str,
        key: str,
        instruments: tuple[str, ...] = (),
        cons: list[Constraint] | None = None,
    ) -> EventCandidate:
        """The sentence's shared facts (source, actors, place, constraints, tense) around one event."""
        return EventCandidate(
            kind,
            title,
            key,
            (source,),
            tuple(actors),
            instruments,
            where[0] if where else None,
            where[1] if where else None,
            tuple(base_constraints if cons is None else cons),
            # A summit or numbered meeting names itself; other events take only the ones they were at.
            tuple(all_idents if kind in ("meeting", "summit") else idents),
            tense,
        )

    # Adoption of instruments: one event per instrument the sentence adopts.
    if verb and instruments:
        for _, _, name in instruments:
            row = _instrument_row(ctx.gaz, name)
            # A speaker's term dates the speech, not an instrument they recall ("signed in 2004").
            cons = [c for c in base_constraints if c.rule != "office-term"]
            if row and row.get("adopted"):
                adopted = parse_partial(row.get("adopted"))
                if adopted:
                    cons.append(
                        Constraint(
                            "instrument-reference",
                            f"{row.get('name')} was adopted on {row.get('adopted')}",
                            adopted[0],
                            adopted[1],
                            None,
                            row.origin,
                            row.source,
                        )
                    )
            key = f"adoption:{row.key if row else _norm(name)}"
            label = row.get("name") if row else _clean_title(name)
            acronym = (row.get("acronym") if row else "") or next(
                (k for k, v in ctx.glossary.items() if _norm(v) == _norm(name)), ""
            )
            verb_word = "sign" if re.search(r"\bsign(?:ed|ing|ature)\b", text) else verb.group("verb").lower()
            noun = "Signing" if verb_word.startswith("sign") else "Adoption"
            label = re.sub(r"^(?:the|The)\s+", "", label)
            title = f"{noun} of the {label}" + (f" ({acronym})" if acronym else "")
            out.append(candidate("adoption", title, key, (label,), cons))
        return out
    if pub and doc_name:
        name = _without_place(ctx, _clean_title(doc_name.group("name")))
        noun = "Launch" if pub.group("verb").lower().startswith("launch") else "Publication"
        out.append(candidate("publication", f"{noun} of the {name}", f"publication:{_norm(name)}"))
        return out
    if meeting_noun:
        title = _meeting_title(ctx, text, meeting_noun)
        kind = meeting_noun.group("noun").lower()
        out.append(candidate(kind, title, f"{kind}:{_norm(title)}"))
    return out


def _without_place(ctx: _Context, name: str) -> str:
    """ "Handbook on Victim Protection in Kuala Lumpur" → the place is where, not part of the name."""
    m = re.search(r"\s+(?:in|at)\s+(?P<place>[A-Z][\w .'-]+)$", name)
    if m and ctx.gaz.place_row(m.group("place")) is not None:
        return name[: m.start()]
    return name


def _meeting_title(ctx: _Context, text: str, noun: re.Match[str]) -> str:
    for q in _QUOTED.finditer(text):
        if _MEETING_NOUN.search(q.group("q"), sentence_words(q.group("q"))):
            return _clean_title(q.group("q"))
    for m in re.finditer(rf"(?P<name>{_NAME_PHRASE})", text):
        if m.start() <= noun.start() < m.end() and len(m.group().split()) >= 2:
            number = re.search(r"\b(\d{1,3}(?:st|nd|rd|th))\s+$", text[: m.start()])
            name = _without_place(ctx, _clean_title(m.group()))
            return f"{number.group(1)} {name}" if number else name
    phrase_m = re.match(
        r"(?P<phrase>\w+(?:\s+(?:on|for|about|against|to|with)\s+[^,;()]+?))"
        r"(?=\s*(?:\(|,|;|\.|\bheld\b|\bwas\b|\bin\s+[A-Z]|\borgani|\bwhich\b|\bthat\b|\bwhere\b|"
        r"\b(?:will|would|is|are|were|has|have|had|took|brought|met|ahead)\b|$))",
        text[noun.start() :],
    )
    phrase = phrase_m.group("phrase") if phrase_m else noun.group()
    # Keep the words between the article and the noun: "a regional workshop", "a follow-up workshop".
    lead = re.search(r"\b(?:a|an|the|A|An|The)\s+((?:[a-z][\w-]*\s+){1,3})$", text[: noun.start()])
    if lead and not re.search(r"\b(?:two|three|four|one|day|ongoing|first|same|next)\b", lead.group(1)):
        phrase = lead.group(1) + phrase
    return _clean_title(_first_sentence_cap(phrase))
