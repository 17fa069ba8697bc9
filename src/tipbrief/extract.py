"""Extract, per article: dates, places, bodies, people, instruments, and event candidates with constraints."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache

from tipbrief.corpus import Article, Paragraph
from tipbrief.gazetteer import Candidate, Gazetteer, ordinal
from tipbrief.model import GlossaryEntry, Place, Problem, Span
from tipbrief.reference import Row, parse_partial
from tipbrief.temporal import (
    Temporal,
    Tense,
    anchored_interval,
    extract_temporals,
    stated_interval,
)
from tipbrief.words import Trigger, sentence_words, trigger


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a kept paragraph, in cleaned text."""

    paragraph: Paragraph
    start: int
    end: int
    text: str
    """paragraph.text[start:end], kept: every rule reads it."""

    def span(self, doc: str, original: str, start: int | None = None, end: int | None = None) -> Span:
        s, e = self.paragraph.span(
            self.start + (start or 0), self.start + (end if end is not None else len(self.text))
        )
        return Span(doc, s, e, original[s:e])


@dataclass(frozen=True, slots=True)
class Constraint:
    """One piece of evidence about when an event happened (or when the article was written)."""

    rule: str
    note: str
    earliest: date | None
    latest: date | None
    span: Span | None = None
    reference: str | None = None
    url: str | None = None
    annual: Temporal | None = None
    """A day and month without a year: the event falls on it in whichever year the rest allows."""
    stated: bool = False


@dataclass(frozen=True, slots=True)
class Identification:
    """An expression naming a dated thing ("27th ASEAN Summit", "the Summit in Labuan Bajo")."""

    field: str
    text: str
    span: Span
    candidates: tuple[Candidate, ...]
    before: str = ""
    """The words just before the mention, which say whether an event took place at it."""
    after: str = ""
    """The words just after it ("… had adopted a declaration": the meeting did it)."""


@dataclass(frozen=True, slots=True)
class PersonMention:
    name: str
    role: str
    span: Span
    term: Constraint | None = None


@dataclass(frozen=True, slots=True)
class EventCandidate:
    """An event as one article states it, before merging across sources."""

    kind: str
    title: str
    key: str
    """What makes two candidates the same event (an instrument id, a normalised name)."""
    sources: tuple[Span, ...]
    actors: tuple[str, ...]
    instruments: tuple[str, ...]
    place: Place | None
    place_span: Span | None
    constraints: tuple[Constraint, ...]
    identifications: tuple[Identification, ...]
    tense: Tense


@dataclass(frozen=True, slots=True)
class DateFound:
    """A temporal expression with its original span and what the article's own context makes of it."""

    span: Span
    temporal: Temporal
    earliest: date | None
    latest: date | None
    stated: bool
    note: str


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything one article yields; pure data, cacheable per article."""

    document: str
    dates: tuple[DateFound, ...]
    places: tuple[tuple[Span, Place], ...]
    bodies: tuple[tuple[Span, str], ...]
    people: tuple[PersonMention, ...]
    instruments: tuple[tuple[Span, str], ...]
    glossary: tuple[GlossaryEntry, ...]
    events: tuple[EventCandidate, ...]
    anchor: tuple[Constraint, ...] = field(default=())
    """Constraints on the article's own date."""
    warnings: tuple[Problem, ...] = ()
    """What the corpus stage found wrong but could read past (unusable front matter)."""


# --- sentences ------------------------------------------------------------------

_ABBREV = re.compile(
    r"(?:\b(?:[A-Z]|H\.E|Dr|Mr|Mrs|Ms|Prof|St|No|Jan|Feb|Aug|Sept?|Oct|Nov|Dec|U\.S|U\.N|i\.e|e\.g|etc|vs))\.$"
)


def split_sentences(paragraph: Paragraph) -> tuple[Sentence, ...]:
    text = paragraph.text
    out: list[Sentence] = []
    start = 0
    for m in re.finditer(r"[.!?][”\"’)]?(?=\s+[“\"A-Z(])", text):
        if _ABBREV.search(text[start : m.start() + 1]):
            continue
        out.append(Sentence(paragraph, start, m.end(), text[start : m.end()]))
        start = m.end() + 1
        while start < len(text) and text[start] == " ":
            start += 1
    if start < len(text):
        out.append(Sentence(paragraph, start, len(text), text[start:]))
    return tuple(out)


# --- glossary: "long form (ACRONYM)" -------------------------------------------------

_PAREN_ACRONYM = re.compile(r"\((?P<short>[A-Z][A-Za-z&-]{1,11})\)")


def find_definitions(text: str) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, short, long) for each "Long Form (LF)" whose word initials spell the acronym.

    Takes the fewest words before the parenthesis whose first word starts with the
    acronym's first letter, whose last word starts with its last letter, and whose
    initials contain its letters in order ("ASEAN Commission on … Women and Children").
    """
    for m in _PAREN_ACRONYM.finditer(text):
        short = m.group("short")
        letters = [c for c in short.upper() if c.isalpha()]
        if len(letters) < 2:
            continue
        base = max(0, m.start() - 250)
        words = list(re.finditer(r"[\w’'.-]+", text[base : m.start()]))
        for k in range(2 if len(letters) > 1 else 1, min(len(words), 3 * len(letters) + 2) + 1):
            chosen = words[-k:]
            initials = [w.group()[0].upper() for w in chosen]
            if initials[0] != letters[0] or initials[-1] != letters[-1]:
                continue
            it = iter(initials)
            if all(letter in it for letter in letters):
                start = base + chosen[0].start()
                yield start, m.end(), short, text[start : m.start()].strip().rstrip(",")
                break


# --- helpers -----------------------------------------------------------------------


def _norm(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.casefold()))


# Both tenses are asked of every sentence by several rules: remember the last few thousand.
@lru_cache(maxsize=4096)
def _event_tense(sentence: str) -> Tense:
    """The tense of the event a sentence states: future only when a future marker governs an
    event verb ("will be adopted", "will be held"), not when it governs some later clause."""
    if re.search(
        r"\b(?:will|shall|to be|is expected to|are expected to|plans? to|scheduled to)\b[^.;,]{0,40}"
        r"\b(?:adopt|sign|ratif|finali|approv|endors|held|hold|convene|launch|publish|release|take place)",
        sentence,
    ):
        return "future"
    if re.search(r"\b(?:upcoming|forthcoming)\b", sentence):
        return "future"
    return "past"


@lru_cache(maxsize=4096)
def _tense(sentence: str) -> Tense:
    if re.search(
        r"\b(?:will|shall|is to be|are to be|to be held|is expected to|are expected to|plans? to|"
        r"scheduled|upcoming|forthcoming)\b",
        sentence,
    ):
        return "future"
    if re.search(r"\b(?:ongoing|is being|are being|currently)\b", sentence):
        return "present"
    return "past"


MEETING_NOUNS = (
    "seminar",
    "workshop",
    "symposium",
    "conference",
    "forum",
    "dialogue",
    "consultation",
    "training",
    "meeting",
    "summit",
    "retreat",
    "roundtable",
    "congress",
)


_MEETING_VERB = trigger(
    *("held", "convened", "organised", "organized", "co-organised", "co-organized", "hosted", "opened"),
    *("took place", "take place", "kicked off", "concluded", "conducted", "will hold", "to hold", "convene"),
    *("organise", "organize", "met", "meet", "gathered", "brought together"),
)
_ADOPTION_VERB = trigger(
    *("adopted", "approved", "signed", "endorsed", "ratified", "issued", "finalised", "finalized"),
    *("adoption", "signing", "signature", "ratification", "endorsement", "adopt", "sign", "endorse"),
    *("ratify", "approve"),
    group="verb",
)
_PUBLICATION_VERB = trigger(
    "launched",
    "launch",
    "published",
    "released",
    "made public",
    "unveiled",
    "presented",
    "issued",
    group="verb",
)
# The noun without its plural "s" names the kind of meeting, so this pattern is not a plain list.
_MEETING_NOUN = Trigger(
    re.compile(r"\b(?P<noun>" + "|".join(MEETING_NOUNS) + r")s?\b", re.IGNORECASE),
    frozenset(n + s for n in MEETING_NOUNS for s in ("", "s")),
)
_DOC_NOUN = (
    r"(?:Report|Review|Study|Survey|Assessment|Handbook|Guidelines?|Toolkit|Publication|Factsheet|Index"
    r"|Analysis|Baseline|Manual|Compendium)"
)
_INSTRUMENT_HEADS = (
    *("Declaration", "Convention", "Treaty", "Plan of Action", "Agreement", "Charter", "Consensus"),
    *("Protocol", "Roadmap", "Framework", "Statement", "Action Plan", "Work Plan"),
    *("Memorandum of Understanding", "MoU"),
)
_INSTRUMENT_HEAD = "(?:" + "|".join(_INSTRUMENT_HEADS) + ")"
_CAP_WORD = r"(?:[A-Z][\w’'.-]*|U\.S\.)"
_CONNECT = (
    r"(?:of|on|for|the|and|in|to|against|within|with|Especially|especially|Particularly|particularly|,)"
)
_CONNECT_WORD = r"(?:of|on|for|the|and|in|to|against|within|with)"
_NAME_PHRASE = rf"{_CAP_WORD}(?:\s+(?:{_CONNECT}\s+)*{_CAP_WORD})*"
_INSTRUMENT_NAME = re.compile(
    rf"(?P<name>(?:{_CAP_WORD}\s+)*?{_INSTRUMENT_HEAD}"
    rf"(?:(?:\s+(?:{_CONNECT_WORD}\s+)+|,\s+(?=[EePp](?:specially|articularly)\b)){_CAP_WORD}(?:\s+{_CAP_WORD})*)*)"
)
_INSTRUMENT_COMMON_HEADS = (
    *("declaration", "convention", "treaty", "plan of action", "agreement", "statement", "roadmap"),
    "framework",
)
_INSTRUMENT_COMMON = re.compile(
    r"\b(?:a|an|the)\s+(?P<name>(?:ASEAN\s+|regional\s+|joint\s+|leaders['’]\s+)?"
    rf"(?:{'|'.join(_INSTRUMENT_COMMON_HEADS)})"
    r"\s+(?:on|against|to|for)\s+(?:[^,;.()]|\([A-Z]{2,8}\)){3,140}?)"
    r"(?=\s*(?:,|;|\.|\bat the\b|\bduring\b|\bin [A-Z]|\bwhich\b|$))"
)
_DOC_NAME = re.compile(
    rf"(?P<name>(?:{_CAP_WORD}\s+)*?{_DOC_NOUN}(?:,?\s+(?:{_CONNECT}\s+)*{_CAP_WORD}(?:,?\s+{_CAP_WORD})*)*)"
)
_QUOTED = re.compile(r"[“\"](?P<q>[^”\"]{8,300})[”\"]")
_SUMMIT_NUMBER = re.compile(
    r"\b(?:(?P<n1>\d{1,2})(?:st|nd|rd|th)\s+ASEAN\s+Summits?|ASEAN\s+Summit\s+(?:No\.?\s*)?(?P<n2>\d{1,2})\b|"
    r"(?P<n3>\d{1,2})(?:st|nd|rd|th)\s+and\s+\d{1,2}(?:st|nd|rd|th)\s+ASEAN\s+Summits)"
)
_SUMMIT_WORD = re.compile(r"\bASEAN\s+Summits?\b|\bSummits?\b")
_ORDINAL = re.compile(r"\b(?P<n>\d{1,3})(?:st|nd|rd|th)\s+(?:ASEAN\s+)?(?:(?:Regular|Annual)\s+)?$")
_ANAPHORIC_NOUNS = (
    "event",
    *MEETING_NOUNS,
    "launch",
    "launching",
    "ceremony",
    "report",
    "review",
    "declaration",
    "convention",
)
_ANAPHOR = Trigger(
    re.compile(
        r"\b(?:the|this|that)\s+(?:two-day\s+|three-day\s+|one-day\s+)?(?P<noun>"
        + "|".join(_ANAPHORIC_NOUNS)
        + r")\b",
        re.IGNORECASE,
    ),
    frozenset(_ANAPHORIC_NOUNS),
)
_NOT_CURRENT = re.compile(
    r"\b(?:former|late|then|ex-|outgoing|incoming|newly appointed|designate)\s*$", re.IGNORECASE
)
_TITLED_PERSON = re.compile(
    r"\b(?P<title>H\.E\.?\s+(?:Mr\.?|Ms\.?|Mrs\.?|Dr\.?\s+)?|Ambassador|Madame|Mme\.?|Dr\.|Mr\.|Ms\.|Mrs\.|Prof\."
    r"|Minister|Secretary[- ]General|Deputy Secretary[- ]General)\s+"
    r"(?P<name>(?:[A-Z][a-z’'-]+|[A-Z]\.)(?:\s+(?:[A-Z][a-z’'-]+|[A-Z]\.|de|van|bin|binti)){1,4})"
)


def _first_sentence_cap(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _clean_title(text: str) -> str:
    text = text.rstrip(". ")
    text = re.sub(r"^(?:The|the)\s+", "", text)
    text = re.sub(r"\s*\([A-Z][A-Za-z&-]{1,11}\)", "", text)
    text = re.sub(r"\s+", " ", text).strip(" ,;:")
    if ":" in text and len(text) > 60:
        text = text.split(":", 1)[0].strip()
    if len(text) > 110:
        cut = text[:110].rsplit(" ", 1)[0].rstrip(",;")
        text = cut + "…"
    return text


@dataclass
class _Context:
    """Per-article scratch state shared by the extraction rules (never leaves this module)."""

    article: Article
    gaz: Gazetteer
    sentences: tuple[Sentence, ...]
    glossary: dict[str, str]
    instrument_names: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)
    """Per sentence text: the instruments and events rules both ask (see _instrument_names)."""

    @property
    def doc(self) -> str:
        return self.article.document.id

    @property
    def original(self) -> str:
        return self.article.document.text


# --- the extractor ---------------------------------------------------------------


def extract_article(article: Article, gaz: Gazetteer) -> Extraction:
    """Pure: everything one article states, with offsets into its original text."""
    sentences = tuple(s for p in article.paragraphs for s in split_sentences(p))
    ctx = _Context(article, gaz, sentences, {})
    glossary = _extract_glossary(ctx)
    ctx.glossary.update({g.short: g.long for g in glossary})
    places = _extract_places(ctx)
    bodies = _extract_bodies(ctx)
    people = _extract_people(ctx)
    instruments = _extract_instruments(ctx)
    anchor = _anchor_constraints(ctx, people)
    dates = _extract_dates(ctx, anchor)
    events = _extract_events(ctx, places, people, anchor)
    return Extraction(
        document=article.document.id,
        dates=dates,
        places=places,
        bodies=bodies,
        people=tuple(people),
        instruments=instruments,
        glossary=glossary,
        events=events,
        anchor=anchor,
        warnings=article.warnings,
    )


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


def _extract_instruments(ctx: _Context) -> tuple[tuple[Span, str], ...]:
    out = []
    for s in ctx.sentences:
        for start, end, name in _instrument_names(ctx, s.text):
            row = _instrument_row(ctx.gaz, name)
            out.append(
                (s.span(ctx.doc, ctx.original, start, end), row.get("name") if row else _clean_title(name))
            )
    return tuple(out)


def _instrument_names(ctx: _Context, text: str) -> list[tuple[int, int, str]]:
    """Instruments named in a sentence: known ones by reference name, others by their shape."""
    # Asked once the glossary is complete, so the answer for a text holds for the whole article.
    known = ctx.instrument_names.get(text)
    if known is None:
        known = ctx.instrument_names[text] = _find_instrument_names(ctx, text)
    return known


def _find_instrument_names(ctx: _Context, text: str) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    for start, end, row in ctx.gaz.instruments.find(text):
        found.append((start, end, row.get("name")))
    # The shapes need a head noun ("Declaration", "plan of action"): most sentences have none.
    shaped = _INSTRUMENT_NAME.finditer(text) if any(h in text for h in _INSTRUMENT_HEADS) else ()
    for m in shaped:
        if any(s <= m.start() < e or m.start() <= s < m.end() for s, e, _ in found):
            continue
        name = m.group("name").strip()
        if len(name.split()) >= 2:
            found.append((m.start(), m.end(), name))
    common = _INSTRUMENT_COMMON.finditer(text) if any(h in text for h in _INSTRUMENT_COMMON_HEADS) else ()
    for m in common:
        if any(s <= m.start("name") < e or m.start("name") <= s < m.end() for s, e, _ in found):
            continue
        found.append((m.start("name"), m.end("name"), _first_sentence_cap(m.group("name").strip())))
    # An acronym defined in this article for an instrument ("ACTIP") names it too.
    for short, long in ctx.glossary.items():
        if short in text and re.search(_INSTRUMENT_HEAD, long):
            for m in re.finditer(rf"\b{re.escape(short)}\b", text):
                if not any(s <= m.start() < e for s, e, _ in found):
                    known = ctx.gaz.instruments.find(long)
                    found.append((m.start(), m.end(), known[0][2].get("name") if known else long))
    return sorted(found)


def _anchor_constraints(ctx: _Context, people: list[PersonMention]) -> tuple[Constraint, ...]:
    """What the article itself says about its own date."""
    doc = ctx.article.document
    out: list[Constraint] = []
    if doc.published:
        out.append(
            Constraint(
                "published",
                f"the article is dated {doc.published.isoformat()}",
                doc.published,
                doc.published,
                stated=True,
            )
        )
    if ctx.article.dateline_span:
        line_start, line_end = ctx.article.dateline_span
        span = Span(doc.id, line_start, line_end, doc.text[line_start:line_end])
        if doc.published:
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


_FUTURE_BEFORE = re.compile(r"\b(?:will|shall|is to|are to|is expected to|are expected to)\b[^.;,]{0,60}$")
_FUTURE_ADOPTION = re.compile(
    r"\b(?:will|shall|to be|is expected to|are expected to)\b[^.;,]{0,40}"
    r"\b(?:adopt|sign|ratif|finali|approv|endors)"
)


def consistent(
    constraints: list[Constraint] | tuple[Constraint, ...],
) -> tuple[list[Constraint], list[Constraint]]:
    """Keep constraints in the given order while they agree; return (kept, contradicting)."""
    kept: list[Constraint] = []
    dropped: list[Constraint] = []
    for c in constraints:
        (kept if intersect([*kept, c]) is not None else dropped).append(c)
    return kept, dropped


_NAME_NOISE = {"the", "asean", "leaders", "of", "on", "in", "and", "a", "an", "s"}


@lru_cache(maxsize=4096)  # every unknown instrument name is compared with every reference alias
def _content_words(name: str) -> frozenset[str]:
    name = re.sub(r"\([A-Z][A-Za-z&-]{1,11}\)", " ", name)
    return frozenset(w for w in re.findall(r"[a-z0-9]+", name.casefold()) if w not in _NAME_NOISE)


def _instrument_row(gaz: Gazetteer, name: str) -> Row | None:
    """The reference row an instrument name denotes: by exact name or alias, else by the same
    content words (articles drop "ASEAN Leaders'" or insert "(TIP)")."""
    found = gaz.instruments.find(name)
    if found:
        return found[0][2]
    words = _content_words(name)
    if len(words) < 3:
        return None
    for row in gaz.reference.rows("instruments"):
        for alias in row.names("name", "aliases"):
            other = _content_words(alias)
            if other and len(words & other) / len(words | other) >= 0.85:
                return row
    return None


def intersect(
    constraints: tuple[Constraint, ...] | list[Constraint],
) -> tuple[date | None, date | None] | None:
    """Intersection of the constraints' intervals; None when it is empty."""
    lo: date | None = None
    hi: date | None = None
    for c in constraints:
        if c.earliest and (lo is None or c.earliest > lo):
            lo = c.earliest
        if c.latest and (hi is None or c.latest < hi):
            hi = c.latest
    if lo and hi and lo > hi:
        return None
    return lo, hi


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
                    out.append(DateFound(span, t, found[0], found[1], t.relative == "today", note))
                    continue
            out.append(DateFound(span, t, None, None, False, "needs a year that the article does not give"))
    return tuple(out)


# --- events ----------------------------------------------------------------------------


def _extract_events(
    ctx: _Context,
    places: tuple[tuple[Span, Place], ...],
    people: list[PersonMention],
    anchor: tuple[Constraint, ...],
) -> tuple[EventCandidate, ...]:
    raw: list[EventCandidate] = []
    lead_index: int | None = None
    for s in ctx.sentences:
        found = _events_in_sentence(ctx, s, places, people, anchor)
        if found and lead_index is None:
            lead_index = len(raw)
        raw.extend(found)
    raw = _link_ongoing_meetings(ctx, raw, lead_index, places)
    raw = _link_anaphora(ctx, raw, people)
    return tuple(_merge_within_article(raw))


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


def _anchor_relation(anchor: tuple[Constraint, ...], tense: Tense, annual: bool) -> list[Constraint]:
    """How an event relates to the article's date: past events before it, future ones after."""
    a = intersect(anchor)
    if not a or (a[0] is None and a[1] is None):
        return []
    lo, hi = a
    if tense == "past":
        if hi is None:  # nothing bounds the article's date from above
            return []
        window = _year_before(lo) + timedelta(days=1) if (annual and lo) else None
        note = "reported in the past tense, so no later than the article's date" + (
            "; a day without a year means the last such day before it" if annual else ""
        )
        return [Constraint("article-date", note, window, hi)]
    if tense == "future":
        if lo is None:
            return []
        return [
            Constraint("article-date", "reported as future, so no earlier than the article's date", lo, None)
        ]
    return [Constraint("article-date", "reported as ongoing, so around the article's date", lo, hi)]


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


_AT_MEETING = re.compile(
    r"\b(?:at|during|on the (?:sidelines|margins) of|in conjunction with|ongoing|addressing|opened|opening|"
    r"convened|hosted|attended|closed|chaired)\b(?:\s+(?:the|its|this))?(?:\s+(?:ongoing|annual|upcoming))?"
    r"(?:\s+\d{1,2}(?:st|nd|rd|th))?(?:\s+ASEAN)?\s*$",
    re.IGNORECASE,
)


_MEETING_ACTED = re.compile(
    r"^[^,.;]{0,40}?\b(?:had |has |have )?(?:adopted|approved|endorsed|signed|issued|launched|agreed)\b",
    re.IGNORECASE,
)


def happened_at(ident: Identification) -> bool:
    """Whether an event took place at the summit or meeting a sentence names: "at the 27th ASEAN
    Summit", "during the 28th…", "the 42nd Summit … had adopted"; not "ahead of the 34th Summit"."""
    return bool(_AT_MEETING.search(ident.before) or _MEETING_ACTED.search(ident.after))


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


_BODY_HEAD = re.compile(
    r"\b(?:Commission|Committee|Secretariat|Meeting|Agency|Association|Council|Organi[sz]ation|Ministry|"
    r"Mission|Office|Community|Partnership|Network|Forum|Court|Police|Bank|Fund|Department|Unit|Cent(?:re|er)|"
    r"Institute|Task Force|Body|Bureau|Authority|Group|Union|Coalition|Alliance|Foundation|Project|"
    r"Programme)\b"
)


def is_body(long_form: str) -> bool:
    """An acronym names a body when its long form ends in an organisation's head noun, not an
    instrument ("Convention") or a subject ("trafficking in persons")."""
    return bool(_BODY_HEAD.search(long_form)) and not re.search(_INSTRUMENT_HEAD, long_form)


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


_CLAUSE_END = re.compile(
    r"\b(?:during|at|when|where|while|in\s+(?:\d|(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\b))\b|;|\.(?:\s|$)"
)
_GAP_BEFORE_VERB = re.compile(
    r"^[\s,]*(?:and\s+)?(?:which|that)?\s*"
    r"(?:was|were|has been|have been|had been|is|are|will be|would be|to be)?\s*"
    r"(?:\w+(?:ed|ised|ized)\s+and\s+)?$"
)


def _adopted_instruments(ctx: _Context, text: str, words: frozenset[str]) -> list[tuple[int, int, str]]:
    """Instruments that an adoption verb governs: the ones listed right after it ("the adoption of
    X, Y and Z during …") or named right before it ("X, which was signed …", "X and Y will be adopted")."""
    names = _instrument_names(ctx, text)
    picked: dict[tuple[int, int], tuple[int, int, str]] = {}
    for verb in _ADOPTION_VERB.finditer(text, words):
        limit = next(
            (
                m.start()
                for m in _CLAUSE_END.finditer(text, verb.end())
                if not any(a <= m.start() < b for a, b, _ in names)
            ),
            len(text),
        )
        for item in names:
            if verb.end() <= item[0] < limit and item[0] - verb.end() <= 250:
                picked[item[:2]] = item
        for i, item in enumerate(names):
            if item[1] > verb.start() or verb.start() - item[1] > 160:
                continue
            gap = re.sub(r"\([A-Z][A-Za-z&-]{1,11}\)", " ", text[item[1] : verb.start()])
            for other in names[i + 1 :]:
                if other[1] <= verb.start():
                    gap = gap.replace(text[other[0] : other[1]], " ")
            gap = re.sub(r"\b[A-Z]{2,10}\b", " ", gap)
            if _GAP_BEFORE_VERB.match(gap):
                picked[item[:2]] = item
    return [picked[k] for k in sorted(picked)]


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


_ONGOING = re.compile(r"\bongoing\b")


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
