"""Resolve: merge event candidates across sources, intersect their date constraints, record conflicts."""

from __future__ import annotations

import calendar
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from tipbrief.extract import Constraint, EventCandidate, Extraction, Identification, intersect
from tipbrief.gazetteer import Candidate
from tipbrief.model import (
    Conflict,
    DateInterval,
    DateMention,
    Event,
    Evidence,
    GlossaryEntry,
    Mention,
    Place,
    Reading,
    Span,
)
from tipbrief.months import MONTH_NAMES, day_label, month_label
from tipbrief.temporal import Temporal, year_interval

# Which evidence wins when constraints contradict: what the text states outright first,
# then reference data, then what follows from the article's own date.
_PRIORITY = {
    "override": 0,
    "stated-date": 1,
    "relative-date": 2,
    "instrument-reference": 3,
    "office-term": 4,
    "programme-period": 5,
    "article-date": 6,
}


@dataclass(frozen=True, slots=True)
class Resolution:
    """The outcome of intersecting one event's constraints."""

    interval: DateInterval
    conflicts: tuple[Conflict, ...]
    chosen: tuple[Candidate, ...]


def _where(span: Span | None, reference: str | None = None) -> str:
    if span:
        return f"{span.document}:{span.start}-{span.end}"
    return reference or "?"


def _to_evidence(c: Constraint) -> Evidence:
    return Evidence(c.rule, c.note, c.earliest, c.latest, c.span, c.reference, c.url)


def _candidate_constraint(c: Candidate, ident: Identification, widened: bool = False) -> Constraint:
    lo, hi = c.earliest, c.latest
    note = f"“{ident.text}” is the {c.label}"
    if widened and lo and hi:
        lo, hi = date(lo.year, 1, 1), date(hi.year, 12, 31)
        note += f"; its recorded dates do not fit the rest, so only its year ({lo.year}) is used"
    return Constraint(f"{ident.field}-reference", note, lo, hi, ident.span, c.reference, c.url)


def _occurrences(t: Temporal, lo: date, hi: date) -> list[tuple[date, date]]:
    """Where a yearless day or month can fall within [lo, hi]: occurrences that lie wholly inside,
    else the parts that overlap it ("in August" and a meeting on 19–23 August: 19–23 August)."""
    whole: list[tuple[date, date]] = []
    parts: list[tuple[date, date]] = []
    for year in range(lo.year - 1, hi.year + 2):
        iv = year_interval(t, year)
        if not iv:
            continue
        if iv[0] >= lo and iv[1] <= hi:
            whole.append(iv)
        elif iv[0] <= hi and iv[1] >= lo:
            parts.append((max(iv[0], lo), min(iv[1], hi)))
    return whole or parts


def _fits(core: list[Constraint], extra: Iterable[Constraint], annual: Sequence[Constraint]) -> bool:
    bounds = intersect([*core, *extra])
    if bounds is None:
        return False
    lo, hi = bounds
    if lo and hi:
        return all(c.annual is None or _occurrences(c.annual, lo, hi) for c in annual)
    return True


def resolve_dates(
    constraints: Sequence[Constraint], identifications: Sequence[Identification], *, explain: bool = True
) -> Resolution:
    """Intersect every constraint; where they contradict, keep each reading and record a conflict.

    With ``explain=False`` only the interval's bounds are wanted (merging candidates asks for them
    once per candidate): the same bounds, without conflicts or evidence, which cost the most.
    """
    fixed = sorted(
        (c for c in constraints if c.annual is None), key=lambda c: (_PRIORITY.get(c.rule, 9), c.note)
    )
    annual = [c for c in constraints if c.annual is not None]
    conflicts: list[Conflict] = []
    core: list[Constraint] = []
    # Running bounds of the core: the test intersect([*core, c]) without rescanning the core.
    core_lo: date | None = None
    core_hi: date | None = None
    for c in fixed:
        c_lo = c.earliest if c.earliest and (core_lo is None or c.earliest > core_lo) else core_lo
        c_hi = c.latest if c.latest and (core_hi is None or c.latest < core_hi) else core_hi
        if c_lo and c_hi and c_lo > c_hi:
            if not explain:
                continue
            clash = [k for k in core if intersect([k, c]) is None] or core[-1:]
            conflicts.append(
                Conflict(
                    "date",
                    (
                        Reading(_label(c.earliest, c.latest), (_where(c.span, c.reference),)),
                        *(
                            Reading(_label(k.earliest, k.latest), (_where(k.span, k.reference),))
                            for k in clash
                        ),
                    ),
                    f"{c.note} — this contradicts {clash[0].note if clash else 'the other evidence'}; "
                    "the latter is kept",
                )
            )
            continue
        core.append(c)
        core_lo, core_hi = c_lo, c_hi
    chosen: list[Candidate] = []
    by_field: dict[str, list[Identification]] = {}
    for ident in identifications:
        if ident.candidates:
            by_field.setdefault(ident.field, []).append(ident)
    for field_name, idents in sorted(by_field.items()):
        keysets = [{c.key for c in i.candidates} for i in idents]
        common = set.intersection(*keysets)
        pool = {c.key: (c, i) for i in idents for c in i.candidates}
        fitting = [
            k for k in sorted(common) if _fits(core, [_candidate_constraint(pool[k][0], pool[k][1])], annual)
        ]
        if fitting:
            picked = [pool[k] for k in fitting]
        else:
            exact = sorted(k for k in pool if _fits(core, [_candidate_constraint(*pool[k])], annual))
            widened = sorted(
                k for k in pool if _fits(core, [_candidate_constraint(*pool[k], widened=True)], annual)
            )
            picked_keys = exact or widened
            picked = [pool[k] for k in picked_keys]
            fitting_keys = set(exact or widened)
            readings = tuple(Reading(_reading(i, fitting_keys), (_where(i.span),)) for i in idents)
            if exact:
                how = "kept " + ", ".join(pool[k][0].label for k in exact) + ", which fits the other evidence"
            elif widened:
                how = "no reading fits the recorded dates; kept the year of " + ", ".join(
                    pool[k][0].label for k in widened
                )
            else:
                how = "no reading fits the other evidence; none is used for the date"
            conflicts.append(Conflict(field_name, readings, how))
            if not exact and widened:
                core.extend(_candidate_constraint(c, i, widened=True) for c, i in picked)
                chosen.extend(c for c, _ in picked)
                continue
        if len(picked) == 1:
            core.append(_candidate_constraint(*picked[0]))
        elif picked:
            lo = min((c.earliest for c, _ in picked if c.earliest), default=None)
            hi = max((c.latest for c, _ in picked if c.latest), default=None)
            core.append(
                Constraint(
                    f"{field_name}-reference",
                    "one of: " + "; ".join(c.label for c, _ in picked),
                    lo,
                    hi,
                    picked[0][1].span,
                    picked[0][0].reference,
                    picked[0][0].url,
                )
            )
        chosen.extend(c for c, _ in picked)
    bounds = intersect(core) or (None, None)
    lo, hi = bounds
    used = list(core)
    unresolved: list[Constraint] = []
    for c in annual:
        assert c.annual is not None
        if lo and hi:
            occ = _occurrences(c.annual, lo, hi)
            if occ:
                lo, hi = min(o[0] for o in occ), max(o[1] for o in occ)
                used.append(replace(c, earliest=lo, latest=hi))
            else:
                conflicts.append(
                    Conflict(
                        "date",
                        (
                            Reading(c.annual.text, (_where(c.span),)),
                            Reading(_label(lo, hi), tuple(_where(k.span, k.reference) for k in core)),
                        ),
                        f"“{c.annual.text}” falls outside what the other evidence allows",
                    )
                )
        else:
            unresolved.append(c)
            used.append(c)
    stated = any(c.stated and c.earliest == lo and c.latest == hi for c in used)
    label = _label(lo, hi)
    if unresolved and not (lo and hi):
        t = unresolved[0].annual
        assert t is not None
        label = f"{t.text} (year unknown)" + (f", {label}" if (lo or hi) else "")
    evidence = tuple(dict.fromkeys(_to_evidence(c) for c in used)) if explain else ()
    interval = DateInterval(lo, hi, label, "stated" if stated else "inferred", evidence)
    return Resolution(interval, tuple(conflicts), tuple(chosen))


def _reading(ident: Identification, fitting: set[str]) -> str:
    """ "ASEAN Summit 32 → 32nd ASEAN Summit (Singapore, …)"; a city that hosted many summits
    shows only the ones that fit the rest, with how many it hosted."""
    cands = ident.candidates
    if len(cands) > 2:
        shown = [c for c in cands if c.key in fitting]
        labels = "; ".join(c.label for c in shown) if shown else "none that fits"
        return f"{ident.text} → {labels} (of {len(cands)} held there)"
    return f"{ident.text} → " + "; ".join(c.label for c in cands)


# --- labels ---------------------------------------------------------------------------


def _label(lo: date | None, hi: date | None) -> str:
    """How a reader should see an interval: "21–22 June 2018", "November 2015", "between May 2009 and …"."""
    if lo is None and hi is None:
        return "date unknown"
    if lo is None:
        assert hi is not None
        return (
            f"before {day_label(hi + timedelta(days=1))}"
            if hi.day != calendar.monthrange(hi.year, hi.month)[1]
            else (f"by {month_label(hi)}")
        )
    if hi is None:
        return f"after {day_label(lo - timedelta(days=1))}" if lo.day != 1 else f"from {month_label(lo)}"
    if lo == hi:
        return day_label(lo)
    whole_months = lo.day == 1 and hi.day == calendar.monthrange(hi.year, hi.month)[1]
    if whole_months and lo.month == 1 and hi.month == 12:
        return str(lo.year) if lo.year == hi.year else f"{lo.year}–{hi.year}"
    if whole_months and (lo.year, lo.month) == (hi.year, hi.month):
        return month_label(lo)
    if (hi - lo).days <= 62:
        if (lo.year, lo.month) == (hi.year, hi.month):
            return f"{lo.day}–{hi.day} {MONTH_NAMES[lo.month - 1]} {lo.year}"
        if lo.year == hi.year:
            return f"{lo.day} {MONTH_NAMES[lo.month - 1]} – {day_label(hi)}"
        return f"{day_label(lo)} – {day_label(hi)}"
    if whole_months and lo.year == hi.year:
        return f"{MONTH_NAMES[lo.month - 1]}–{month_label(hi)}"
    return f"between {month_label(lo)} and {month_label(hi)}"


# --- merging ------------------------------------------------------------------------------

_FIRST = re.compile(r"\bfirst(?:-ever)?\b", re.IGNORECASE)
_PAIR = re.compile(
    r"\b(ASEAN|US|U\.S\.|EU|Japan|China|Australia|UN)\s*[-–]\s*(ASEAN|US|U\.S\.|EU|Japan|China|Australia|UN)\b"
)


def slug(text: str) -> str:
    # Dashes separate words ("ASEAN–US" → "asean-us") before accents and symbols are dropped.
    text = re.sub(r"[\u2010-\u2015]", "-", text)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    out = "-".join(words)
    if len(out) > 64:
        out = out[:64].rsplit("-", 1)[0]
    return out or "event"


def _overlap(a: DateInterval, b: DateInterval) -> bool:
    if not (a.earliest and a.latest and b.earliest and b.latest):
        return False
    return a.earliest <= b.latest and b.earliest <= a.latest


def _within_a_month(interval: DateInterval) -> bool:
    """True when the interval is bounded and under 32 days: narrow enough to stand for one meeting."""
    return (
        interval.earliest is not None
        and interval.latest is not None
        and (interval.latest - interval.earliest).days < 32
    )


def _title(cands: list[EventCandidate]) -> str:
    # A signature is the more specific act: "Signing of X" wins over "Adoption of X".
    title = min(
        (c.title for c in cands), key=lambda t: (not t.startswith("Signing"), not t[:1].isupper(), -len(t), t)
    )
    quotes = " ".join(s.quote for c in cands for s in c.sources)
    kind = cands[0].kind
    if kind not in ("adoption", "publication"):
        pair = _PAIR.search(quotes)
        if pair and pair.group(1) != pair.group(2) and not _PAIR.search(title):
            left, right = (p.replace("U.S.", "US") for p in pair.groups())
            title = f"{left}–{right} {title[0].lower()}{title[1:]}"
        if re.search(
            rf"\b(?:the\s+)?first(?:-ever)?\b[^.]{{0,60}}\b(?:{kind}|activity|event)\b", quotes, re.I
        ) and not _FIRST.search(title):
            title = (
                f"First {title[0].lower()}{title[1:]}" if not title.split()[0].isupper() else f"First {title}"
            )
    return title


def _compatible(a: DateInterval, b: DateInterval) -> bool:
    """Two readings of one event may be merged only if their intervals can meet."""
    lo = max((d for d in (a.earliest, b.earliest) if d), default=None)
    hi = min((d for d in (a.latest, b.latest) if d), default=None)
    return lo is None or hi is None or lo <= hi


def _resolve_group(group: list[EventCandidate], explain: bool = True) -> Resolution:
    return resolve_dates(
        [k for c in group for k in c.constraints],
        [i for c in group for i in c.identifications],
        explain=explain,
    )


def resolve_events(extractions: Sequence[Extraction]) -> tuple[Event, ...]:
    """Merge candidates that state the same event, then resolve each merged event.

    Candidates with the same key merge only when their places and dates can agree, so two
    consultations in different cities and years stay two events. The order of merging uses
    the text, not file names, so renaming an article changes nothing.
    """
    cands = sorted(
        (e for x in extractions for e in x.events),
        key=lambda e: (e.key, e.sources[0].quote, e.sources[0].document, e.sources[0].start),
    )
    groups: list[tuple[list[EventCandidate], Resolution]] = []
    by_key: dict[str, list[int]] = {}
    # Per group, the places its members state and whether all of them are plain (see _plain):
    # with these a candidate joins a group of thousands (a background sentence every tenth
    # article repeats) in constant time instead of re-resolving the whole group.
    places: list[set[Place]] = []
    plain: list[bool] = []
    for c in cands:
        # Merging needs only each interval's bounds; every event is resolved in full below.
        own = _resolve_group([c], explain=False)
        target = next(
            (
                i
                for i in by_key.get(c.key, [])
                # The places agree when every member states none or the same one as c.
                if (c.place is None or places[i] <= {c.place})
                and _compatible(groups[i][1].interval, own.interval)
            ),
            None,
        )
        if target is None:
            by_key.setdefault(c.key, []).append(len(groups))
            groups.append(([c], own))
            places.append({c.place} if c.place else set())
            plain.append(_plain(c))
        else:
            members, res = groups[target]
            members.append(c)
            if c.place:
                places[target].add(c.place)
            if not (plain[target] and _plain(c) and _contains_all(c, res.interval)):
                res = _resolve_group(members, explain=False)
            plain[target] = plain[target] and _plain(c)
            groups[target] = (members, res)
    # Meetings reported by different outlets under different names: same kind, same place, same dates.
    merged: list[list[EventCandidate]] = []
    merged_res: list[Resolution] = []
    # Only groups of the same kind and place can merge: looking within that bucket keeps this
    # linear in the number of events, and finds the same first match as scanning them all.
    by_kind_place: dict[tuple[str, Place | None], list[int]] = {}
    for g, r in groups:
        bucket = by_kind_place.setdefault((g[0].kind, g[0].place), [])
        target = next(
            (
                i
                for i in bucket
                if g[0].kind != "adoption"
                and g[0].place is not None
                and _overlap(merged_res[i].interval, r.interval)
                and _within_a_month(merged_res[i].interval)
            ),
            None,
        )
        if target is None:
            bucket.append(len(merged))
            merged.append(list(g))
            merged_res.append(r)
        else:
            merged[target].extend(g)
    events: list[Event] = []
    for g in merged:
        res = _resolve_group(g)
        place, place_conflicts = _place(g, res)
        sources = tuple(sorted({s for c in g for s in c.sources}, key=lambda s: (s.document, s.start)))
        actors = tuple(dict.fromkeys(a for c in g for a in c.actors))
        instruments = tuple(dict.fromkeys(i for c in g for i in c.instruments))
        events.append(
            Event(
                id="",
                title=_title(g),
                kind=g[0].kind,
                date=res.interval,
                place=place,
                actors=actors,
                instruments=instruments,
                sources=sources,
                conflicts=res.conflicts + place_conflicts,
            )
        )
    return _assign_ids(events)


def _plain(c: EventCandidate) -> bool:
    """No identifications and no yearless dates: its interval is the plain intersection of its constraints."""
    return not c.identifications and all(k.annual is None for k in c.constraints)


def _contains_all(c: EventCandidate, interval: DateInterval) -> bool:
    """Every constraint of ``c`` allows the whole of ``interval``.

    Added to a plain group whose constraints intersect to ``interval``, a plain candidate with
    this property leaves the bounds as they were: each of its constraints is accepted without
    narrowing them, and each earlier constraint is accepted or refused as before.
    """
    lo, hi = interval.earliest, interval.latest
    return all(
        (k.earliest is None or (lo is not None and k.earliest <= lo))
        and (k.latest is None or (hi is not None and k.latest >= hi))
        for k in c.constraints
    )


def _place(g: list[EventCandidate], res: Resolution) -> tuple[Place | None, tuple[Conflict, ...]]:
    stated = [(c.place, c.place_span) for c in g if c.place and c.place_span]
    ref_places = [(Place(c.city, c.country or c.city), c) for c in res.chosen if c.city]
    if stated:
        # The place most sources state; ties go to the name, never to file order.
        counts: dict[str, int] = {}
        for p, _ in stated:
            counts[p.name] = counts.get(p.name, 0) + 1
        best = min(counts, key=lambda n: (-counts[n], n))
        place, span = next((p, sp) for p, sp in stated if p.name == best)
        conflicts = []
        for rp, cand in ref_places:
            if rp.name != place.name:
                conflicts.append(
                    Conflict(
                        "place",
                        (
                            Reading(place.name, (_where(span),)),
                            Reading(rp.name, (cand.reference,)),
                        ),
                        f"the article places it in {place.name}; reference data puts the "
                        f"{cand.label.split(' (')[0]} in {rp.name}; the article's place is shown",
                    )
                )
        return place, tuple(conflicts)
    if ref_places:
        return ref_places[0][0], ()
    return None, ()


def _assign_ids(events: list[Event]) -> tuple[Event, ...]:
    """Ids from titles, so they read well in specs. Titles whose slugs clash get a short hash of
    what tells them apart (full title, date, place), so ids never depend on file names."""
    by_slug: dict[str, list[Event]] = {}
    for e in events:
        by_slug.setdefault(slug(e.title), []).append(e)
    out = []
    for base, same in sorted(by_slug.items()):
        if len(same) == 1:
            out.append(replace(same[0], id=base))
            continue
        used: set[str] = set()
        for e in sorted(same, key=_content_key):
            digest = hashlib.sha256(repr(_content_key(e)).encode()).hexdigest()
            n = 6
            while f"{base}-{digest[:n]}" in used:
                n += 2
            used.add(f"{base}-{digest[:n]}")
            out.append(replace(e, id=f"{base}-{digest[:n]}"))
    return tuple(sorted(out, key=lambda e: (e.date.earliest or date.max, e.date.latest or date.max, e.id)))


def _content_key(e: Event) -> tuple[str, str, str, str]:
    return (e.title, e.date.label, e.place.name if e.place else "", e.sources[0].quote if e.sources else "")


# --- dates and glossary -----------------------------------------------------------------


def resolve_mentions(extractions: Sequence[Extraction], events: Sequence[Event]) -> tuple[DateMention, ...]:
    """Every temporal expression, with the interval the article (or its event) gives it."""
    by_span: dict[tuple[str, int, int], Event] = {}
    for event in events:
        for e in event.date.evidence:
            if e.span:
                by_span.setdefault((e.span.document, e.span.start, e.span.end), event)
    out = []
    for x in extractions:
        for d in x.dates:
            lo, hi, basis = d.earliest, d.latest, "stated" if d.stated else "inferred"
            evidence = [Evidence("date-mention", d.note, d.earliest, d.latest, d.span)]
            ev = by_span.get((d.span.document, d.span.start, d.span.end))
            if lo is None and hi is None and ev and ev.date.earliest and ev.date.latest:
                lo, hi = ev.date.earliest, ev.date.latest
                evidence.append(
                    Evidence(
                        "event",
                        f"resolved with the event “{ev.title}” ({ev.id})",
                        lo,
                        hi,
                        None,
                        f"event:{ev.id}",
                    )
                )
            out.append(
                DateMention(
                    d.span.document,
                    d.span.start,
                    d.span.end,
                    d.span.quote,
                    lo,
                    hi,
                    "stated" if basis == "stated" else "inferred",
                    tuple(evidence),
                )
            )
    return tuple(out)


def merge_glossary(extractions: Sequence[Extraction]) -> tuple[GlossaryEntry, ...]:
    entries: dict[str, GlossaryEntry] = {}
    for x in sorted(extractions, key=lambda x: x.document):
        for g in x.glossary:
            if g.short in entries:
                old = entries[g.short]
                entries[g.short] = replace(old, sources=old.sources + g.sources)
            else:
                entries[g.short] = g
    return tuple(entries[k] for k in sorted(entries, key=str.casefold))


def collect_mentions(extractions: Sequence[Extraction]) -> tuple[Mention, ...]:
    """Every place, body, person and instrument the articles name, in document order."""
    out: list[Mention] = []
    for x in extractions:
        out.extend(Mention("place", p.name, span, p.country) for span, p in x.places)
        out.extend(Mention("body", name, span) for span, name in x.bodies)
        out.extend(Mention("person", p.name, p.span, p.role) for p in x.people)
        out.extend(Mention("instrument", name, span) for span, name in x.instruments)
    return tuple(sorted(out, key=lambda m: (m.span.document, m.span.start, m.span.end, m.kind, m.name)))
