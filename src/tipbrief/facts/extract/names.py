"""Names an article mentions: its glossary of acronyms, places, bodies and people with their roles."""

from __future__ import annotations

import re

from tipbrief.facts.extract.patterns import _BODY_HEAD, _INSTRUMENT_HEAD, _NOT_CURRENT, _TITLED_PERSON
from tipbrief.facts.extract.records import Constraint, PersonMention, _Context
from tipbrief.facts.extract.sentences import find_definitions
from tipbrief.facts.model import GlossaryEntry, Place, Span


def _extract_glossary(ctx: _Context) -> tuple[GlossaryEntry, ...]:
    out: dict[str, GlossaryEntry] = {}
    for s in ctx.sentences:
        for start, end, short, long in find_definitions(s.text):
            if short not in out:
                out[short] = GlossaryEntry(short, long, (s.span(ctx.doc, ctx.original, start, end),))
    return tuple(out.values())


def _extract_places(ctx: _Context) -> tuple[tuple[Span, Place], ...]:
    out = []
    for s in ctx.sentences:
        for start, end, row in ctx.gaz.places.find(s.text):
            place = Place(row.get("name"), row.get("country") or row.get("name"))
            out.append((s.span(ctx.doc, ctx.original, start, end), place))
    return tuple(out)


_CAPITALS = re.compile(r"\b[A-Z][A-Z&]{1,10}\b")


def _extract_bodies(ctx: _Context) -> tuple[tuple[Span, str], ...]:
    out = []
    known = set(ctx.glossary)
    for s in ctx.sentences:
        for start, end, row in ctx.gaz.bodies.find(s.text):
            out.append((s.span(ctx.doc, ctx.original, start, end), row.get("short") or row.get("long")))
        # Only acronyms this article defined can name a body here.
        for m in _CAPITALS.finditer(s.text) if known else ():
            if (
                m.group() in known
                and m.group() not in {b for _, b in out}
                and is_body(ctx.glossary[m.group()])
            ):
                out.append((s.span(ctx.doc, ctx.original, m.start(), m.end()), m.group()))
    return tuple(out)


def _extract_people(ctx: _Context) -> list[PersonMention]:
    out: list[PersonMention] = []
    for s in ctx.sentences:
        text = s.text
        for start, end, row in ctx.gaz.offices.find(text):
            window = text[max(0, start - 160) : min(len(text), end + 200)]
            titled = bool(ctx.gaz.office_titles.find(window))
            current = titled and not _NOT_CURRENT.search(text[max(0, start - 40) : start])
            lo, hi = row.interval()
            span = s.span(ctx.doc, ctx.original, start, end)
            term = (
                Constraint(
                    "office-term",
                    f"{row.get('person')} is named as {row.get('office')}, an office held from "
                    f"{row.get('start') or '?'} to {row.get('end') or 'now'}",
                    lo,
                    hi,
                    span,
                    row.origin,
                    row.source,
                )
                if current
                else None
            )
            out.append(PersonMention(row.get("person"), row.get("office"), span, term))
        for m in _TITLED_PERSON.finditer(text):
            name = m.group("name")
            if any(p.name == name or name in p.name or p.name.endswith(name.split()[-1]) for p in out):
                continue
            role_m = re.match(r",\s+(?P<role>[^,.;]{3,120})", text[m.end() :])
            role = role_m.group("role") if role_m else m.group("title").strip()
            out.append(
                PersonMention(name, role, s.span(ctx.doc, ctx.original, m.start("name"), m.end("name")))
            )
    return out


def is_body(long_form: str) -> bool:
    """An acronym names a body when its long form ends in an organisation's head noun, not an
    instrument ("Convention") or a subject ("trafficking in persons")."""
    return bool(_BODY_HEAD.search(long_form)) and not re.search(_INSTRUMENT_HEAD, long_form)
