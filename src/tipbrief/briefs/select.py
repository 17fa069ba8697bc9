"""Choose a brief's events from the fact base by topic and period, and say why each was chosen."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Literal

from tipbrief.briefs.spec import resolve_event_ref
from tipbrief.briefs.spec_model import BriefSpec, Criteria, PartialDate, PeriodBound
from tipbrief.common.errors import InputError
from tipbrief.common.months import MONTH_NAMES, day_label
from tipbrief.facts.model import Document, Event, FactBase, GlossaryEntry, Span

if TYPE_CHECKING:
    from tipbrief.briefs.changes import Changes

Criterion = Literal["term", "actor", "place", "kind", "all", "period", "bound"]


@dataclass(frozen=True, slots=True)
class Reason:
    """One criterion of the spec that an event met."""

    criterion: Criterion
    value: str
    """The spec's value that matched (a term, an actor…), or a description for period reasons."""
    field: str
    """Where it matched: ``title``, ``actors``, ``source quote``… or ``period``."""
    via: str | None = None
    """The glossary twin that matched, when it was not the value itself ("ACTIP" for its long form)."""

    def __str__(self) -> str:
        if self.criterion in ("period", "bound", "all"):
            return self.value
        via = f" (as “{self.via}”)" if self.via else ""
        return f"{self.criterion} “{self.value}”{via} in {self.field}"


@dataclass(frozen=True, slots=True)
class ChosenEvent:
    """An event in the brief, with the reasons it is there."""

    event: Event
    reasons: tuple[Reason, ...]
    uncertain: bool = False
    """True when its date interval straddles a bound, so it may lie outside the period."""


@dataclass(frozen=True, slots=True)
class LeftOut:
    """An event the selection considered and dropped, and why (kept for the JSON and the analyst)."""

    event: Event
    reason: str
    ambiguous: bool = False
    """True when the event may belong to the period after all (its order against a bound is unknown)."""


@dataclass(frozen=True, slots=True)
class Period:
    """The resolved period of a brief; open ends are None."""

    earliest: date | None = None
    latest: date | None = None
    from_label: str | None = None
    """How the start reads: a date label, or the label of the event that opens the period."""
    to_label: str | None = None
    from_event: Event | None = None
    to_event: Event | None = None


@dataclass(frozen=True, slots=True)
class Brief:
    """A spec and everything chosen for it: the input of every renderer."""

    spec: BriefSpec
    events: tuple[ChosenEvent, ...]
    period: Period
    glossary: tuple[GlossaryEntry, ...]
    """Entries whose acronym or long form occurs in the brief."""
    documents: tuple[Document, ...]
    """Documents cited by the chosen events, in id order."""
    left_out: tuple[LeftOut, ...]
    warnings: tuple[str, ...]
    corpus: tuple[Document, ...] = ()
    """Every article of the fact base: a later edition tells a removed article from an edited one."""
    changes: Changes | None = None
    """What changed since the earlier edition; None when the brief does not say (``changes: false``)."""

    @property
    def first(self) -> date | None:
        known = [c.event.date.earliest for c in self.events if c.event.date.earliest]
        return min(known) if known else None

    @property
    def last(self) -> date | None:
        known = [c.event.date.latest for c in self.events if c.event.date.latest]
        return max(known) if known else None


def partial_date_label(value: PartialDate) -> str:
    """'2015', 'November 2015' or '21 November 2015'."""
    if value.month is None:
        return str(value.year)
    month = f"{MONTH_NAMES[value.month - 1]} {value.year}"
    return f"{value.day} {month}" if value.day else month


_DASHES = dict.fromkeys(map(ord, "‐‑‒–—−"), "-")
_QUOTES = {ord("’"): "'", ord("‘"): "'", ord("“"): '"', ord("”"): '"'}


def normalise(text: str) -> str:
    """Fold case, dashes, curly quotes and runs of white space, so that matching forgives typography."""
    text = unicodedata.normalize("NFKC", text).translate(_DASHES).translate(_QUOTES)
    return " ".join(text.split()).casefold()


def _contains(haystack: str, needle: str) -> bool:
    needle = normalise(needle)
    if not needle:
        return False
    # Whole words only: "TIP" must not match inside "multiple".
    return re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", normalise(haystack)) is not None


def _alternatives(value: str, glossary: Iterable[GlossaryEntry]) -> tuple[str, ...]:
    """The value and, through the glossary, its acronym or long form."""
    found = [value]
    key = normalise(value)
    for entry in glossary:
        if normalise(entry.short) == key:
            found.append(entry.long)
        elif normalise(entry.long) == key:
            found.append(entry.short)
    return tuple(found)


def _fields(event: Event) -> tuple[tuple[str, tuple[str, ...]], ...]:
    place = (event.place.name, event.place.country) if event.place else ()
    quotes = tuple(s.quote for s in event.sources)
    return (
        ("title", (event.title,)),
        ("kind", (event.kind,)),
        ("actors", event.actors),
        ("instruments", event.instruments),
        ("place", place),
        ("source quote", quotes),
    )


def spell_out(text: str, glossary: Iterable[GlossaryEntry]) -> str:
    """Replace each acronym of the glossary by its long form.

    "Long form (ACRONYM)" first becomes "Long form", so that nothing is said twice.
    """
    entries = sorted(glossary, key=lambda g: (-len(g.short), g.short))
    for entry in entries:
        doubled = re.compile(rf"{re.escape(entry.long)}\s*\(\s*{re.escape(entry.short)}\s*\)", re.IGNORECASE)
        text = doubled.sub(lambda m: m.group(0)[: m.group(0).rfind("(")].rstrip(), text)
    for entry in entries:
        text = re.sub(rf"(?<![\w-]){re.escape(entry.short)}(?![\w-])", entry.long.replace("\\", "\\\\"), text)
    return text


def _match_in(
    event: Event, value: str, fields: tuple[str, ...], glossary: tuple[GlossaryEntry, ...]
) -> tuple[str, str] | None:
    """(field, matched text) where ``value`` or its glossary twin first occurs, else None.

    Acronyms in the event are read in their long form too, so that the term "trafficking in
    persons" finds an event whose instrument is listed as "ACTIP".
    """
    alternatives = _alternatives(value, glossary)
    for name, texts in _fields(event):
        if name not in fields:
            continue
        for text in texts:
            readings = (text, spell_out(text, glossary)) if glossary else (text,)
            for alt in alternatives:
                if any(_contains(r, alt) for r in readings):
                    return name, alt
    return None


_ALL_FIELDS = ("title", "kind", "actors", "instruments", "place", "source quote")


def _criteria_matches(
    event: Event, criteria: Criteria, glossary: tuple[GlossaryEntry, ...]
) -> tuple[tuple[Reason, ...], bool]:
    """Reasons the event meets ``criteria``, and whether it meets every non-empty field of them."""
    reasons: list[Reason] = []
    every_field = True
    groups: tuple[tuple[Criterion, tuple[str, ...], tuple[str, ...]], ...] = (
        ("term", criteria.terms, _ALL_FIELDS),
        ("actor", criteria.actors, ("actors", "title")),
        ("place", criteria.places, ("place",)),
    )
    for criterion, values, fields in groups:
        hits = [
            Reason(criterion, v, found[0], None if normalise(found[1]) == normalise(v) else found[1])
            for v in values
            if (found := _match_in(event, v, fields, glossary)) is not None
        ]
        reasons.extend(hits)
        every_field = every_field and (not values or bool(hits))
    kind_hits = [Reason("kind", k, "kind") for k in criteria.kinds if normalise(k) == normalise(event.kind)]
    reasons.extend(kind_hits)
    every_field = every_field and (not criteria.kinds or bool(kind_hits))
    return tuple(reasons), every_field


def _is_empty(criteria: Criteria) -> bool:
    return not (criteria.terms or criteria.actors or criteria.places or criteria.kinds)


def _resolve_bound(
    bound: PeriodBound | None, end: Literal["from", "to"], events: tuple[Event, ...]
) -> tuple[date | None, str | None, Event | None]:
    """A bound's edge date, label and event.

    An event bound opens the period when that event has certainly happened (its latest
    day) and closes it when the closing event may first have happened (its earliest day):
    the period then holds only what certainly lies between the two events.
    """
    if bound is None:
        return None, None, None
    if bound.date is not None:
        edge = bound.date.earliest if end == "from" else bound.date.latest
        return edge, partial_date_label(bound.date), None
    assert bound.event is not None
    event = resolve_event_ref(bound.event, bound.where, events)
    event_edge = event.date.latest if end == "from" else event.date.earliest
    if event_edge is None:
        raise InputError(
            [
                f"{bound.where}: the event '{event.title}' has no known date, so it cannot bound the period;"
                " give a date instead"
            ]
        )
    return event_edge, event.date.label, event


def resolve_period(spec: BriefSpec, events: tuple[Event, ...]) -> Period:
    """Turn the spec's period bounds into dates; raise InputError for an empty period."""
    start, from_label, from_event = _resolve_bound(spec.period_from, "from", events)
    end, to_label, to_event = _resolve_bound(spec.period_to, "to", events)
    if start is not None and end is not None and start > end:
        where = spec.period_to.where if spec.period_to else spec.path
        raise InputError(
            [
                f"{where}: the period is empty: it starts on {day_label(start)} and ends on "
                f"{day_label(end)}; swap the bounds or widen them"
            ]
        )
    return Period(start, end, from_label, to_label, from_event, to_event)


def sort_key(event: Event) -> tuple[date, date, str]:
    """Chronological order; unknown ends sort last so undated events close the list."""
    return (event.date.earliest or date.max, event.date.latest or date.max, event.id)


def _period_verdict(event: Event, period: Period) -> Literal["in", "out-before", "out-after", "straddles"]:
    lo = event.date.earliest or date.min
    hi = event.date.latest or date.max
    start = period.earliest or date.min
    end = period.latest or date.max
    if hi < start:
        return "out-before"
    if lo > end:
        return "out-after"
    if lo >= start and hi <= end:
        return "in"
    return "straddles"


def _period_text(period: Period) -> str:
    start = day_label(period.earliest) if period.earliest else "the beginning"
    end = day_label(period.latest) if period.latest else "today"
    return f"from {start} to {end}"


def _uses(entry: GlossaryEntry, texts: Iterable[str]) -> bool:
    return any(_contains(t, entry.short) or _contains(t, entry.long) for t in texts)


def _texts_of(event: Event) -> tuple[str, ...]:
    conflict_texts = tuple(c.note for c in event.conflicts) + tuple(
        r.value for c in event.conflicts for r in c.readings
    )
    return (
        event.title,
        event.kind,
        *event.actors,
        *event.instruments,
        *(s.quote for s in event.sources),
        *(e.note for e in event.date.evidence),
        *conflict_texts,
    )


def cited_spans(event: Event) -> tuple[Span, ...]:
    """Every article span an event rests on: its sources, then the evidence for its date."""
    spans = dict.fromkeys(event.sources)
    spans.update((e.span, None) for e in event.date.evidence if e.span is not None)
    return tuple(spans)


def _matchable(events: tuple[Event, ...]) -> dict[str, Event]:
    """Each event as the topic criteria see it. A sentence that states several events ("the
    adoption of X, Y and Z", "signed … at the 27th ASEAN Summit") is a source of each, so its words
    would match terms that belong to the neighbours: such shared sentences are not matched."""
    seen: dict[Span, int] = {}
    for e in events:
        for src in e.sources:
            seen[src] = seen.get(src, 0) + 1
    return {e.id: replace(e, sources=tuple(s for s in e.sources if seen.get(s, 0) < 2)) for e in events}


def select(spec: BriefSpec, facts: FactBase) -> Brief:
    """Pick, order and justify the events of one brief. Pure: raises InputError for a bad period."""
    period = resolve_period(spec, facts.events)
    glossary = facts.glossary
    warnings: list[str] = []
    chosen: list[ChosenEvent] = []
    left_out: list[LeftOut] = []
    bound_ids = {e.id for e in (period.from_event, period.to_event) if e is not None}
    has_period = period.earliest is not None or period.latest is not None
    where = str(
        spec.period_from.where if spec.period_from else spec.period_to.where if spec.period_to else spec.path
    )

    matchable = _matchable(facts.events)
    for event in sorted(facts.events, key=sort_key):
        if event.id in bound_ids:
            role = []
            if period.from_event is not None and event.id == period.from_event.id:
                role.append("opens")
            if period.to_event is not None and event.id == period.to_event.id:
                role.append("closes")
            chosen.append(
                ChosenEvent(event, (Reason("bound", f"{' and '.join(role)} the period", "period"),))
            )
            continue

        excluded, _ = _criteria_matches(matchable[event.id], spec.topic.exclude, glossary)
        if excluded:
            left_out.append(LeftOut(event, "excluded: " + "; ".join(map(str, excluded))))
            continue
        if _is_empty(spec.topic.include):
            reasons: tuple[Reason, ...] = (Reason("all", "the topic sets no conditions", "topic"),)
        else:
            reasons, every_field = _criteria_matches(matchable[event.id], spec.topic.include, glossary)
            if not every_field:
                left_out.append(LeftOut(event, "does not match the topic"))
                continue

        uncertain = False
        if event.date.earliest is None and event.date.latest is None:
            if has_period:
                warnings.append(f"{where}: event '{event.title}' has no known date; left out of the period")
                left_out.append(LeftOut(event, "date unknown"))
                continue
            warnings.append(f"{spec.path}: event '{event.title}' has no known date; listed last")
        elif has_period:
            verdict = _period_verdict(event, period)
            if verdict in ("out-before", "out-after"):
                side = "before" if verdict == "out-before" else "after"
                bound_event = period.from_event if side == "before" else period.to_event
                ambiguous = bound_event is not None and _overlaps(event, bound_event)
                if bound_event is not None and ambiguous:
                    # Its date overlaps the bounding event's own uncertain date, so it may
                    # belong in the period: leave it out, but say so.
                    warnings.append(
                        f"{where}: event '{event.title}' ({event.date.label}) may come {side} or "
                        f"{'after' if side == 'before' else 'before'} '{bound_event.title}' "
                        f"({bound_event.date.label}); left out"
                    )
                left_out.append(LeftOut(event, f"{side} the period ({_period_text(period)})", ambiguous))
                continue
            if verdict == "straddles":
                uncertain = True
                warnings.append(
                    f"{where}: event '{event.title}' ({event.date.label}) straddles a bound of the period "
                    f"({_period_text(period)}); included and marked uncertain"
                )
                reasons += (
                    Reason("period", f"may fall within the period ({_period_text(period)})", "period"),
                )
            else:
                reasons += (Reason("period", f"within the period ({_period_text(period)})", "period"),)
        chosen.append(ChosenEvent(event, reasons, uncertain))

    chosen_events = [c.event for c in chosen]
    texts = [spec.title, spec.topic.summary, *(spec.subtitle or "",)]
    for event in chosen_events:
        texts.extend(_texts_of(event))
    used_glossary = tuple(
        sorted((g for g in glossary if _uses(g, texts)), key=lambda g: (normalise(g.short), g.short))
    )
    # Events left out for an uncertain order are discussed in the brief, so their articles are cited.
    discussed = chosen_events + [x.event for x in left_out if x.ambiguous]
    cited_ids = {s.document for e in discussed for s in cited_spans(e)}
    documents = tuple(sorted((d for d in facts.documents if d.id in cited_ids), key=lambda d: d.id))
    return Brief(
        spec=spec,
        events=tuple(chosen),
        period=period,
        glossary=used_glossary,
        documents=documents,
        left_out=tuple(left_out),
        warnings=tuple(warnings),
        corpus=facts.documents,
    )


def _overlaps(a: Event, b: Event) -> bool:
    lo_a, hi_a = a.date.earliest or date.min, a.date.latest or date.max
    lo_b, hi_b = b.date.earliest or date.min, b.date.latest or date.max
    return lo_a <= hi_b and lo_b <= hi_a
