"""Resolve: merge event candidates across sources, intersect their date constraints, record conflicts."""

from __future__ import annotations

import calendar
import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
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
    fixed: tuple[date | None, date | None] = (None, None)
    """The bounds of the constraints kept before reference rows and yearless dates are weighed."""


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
    fixed_bounds = (core_lo, core_hi)
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
    return Resolution(interval, tuple(conflicts), tuple(chosen), fixed_bounds)


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


def _title(cands: Sequence[EventCandidate]) -> str:
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


def _resolve_group(group: list[EventCandidate], explain: bool = True) -> Resolution:
    return resolve_dates(
        [k for c in group for k in c.constraints],
        [i for c in group for i in c.identifications],
        explain=explain,
    )


Bounds = tuple[date | None, date | None]
"""An interval's first and last day, all that grouping and merging compare."""
Order = tuple[str, str, str, int, str, int]
"""Where a candidate sorts: its key, first quote, document and offset, then the path of its article
and its place there (these two only break ties, as the order of the files did)."""
BucketId = tuple[str, Place | None]
"""The kind and place of a group's first candidate: only groups of one bucket can merge."""


@dataclass(frozen=True, slots=True)
class KeyedCandidate:
    """An event candidate with where it sorts, a hash of its content and the bounds it gives alone."""

    order: Order
    uid: str
    """Names the candidate's content: equal uids, equal candidates."""
    candidate: EventCandidate
    earliest: date | None
    latest: date | None


@dataclass(frozen=True, slots=True)
class Group:
    """Candidates of one key that state one event, as merging across keys sees them."""

    order: Order
    """The order of its first candidate."""
    members: tuple[str, ...]
    """The uids of its candidates, in order."""
    earliest: date | None
    latest: date | None


@dataclass(frozen=True, slots=True)
class MergedEvent:
    """One event, the candidates it was resolved from (uids, in order) and its title's slug."""

    order: Order
    """The order of its first candidate, which breaks ties between events as the first merge did."""
    members: tuple[str, ...]
    event: Event
    slug: str


@dataclass(frozen=True, slots=True)
class Bucket:
    """The groups of one kind and place, in order, and the events they merge into."""

    kind: str
    place: Place | None
    groups: tuple[Group, ...]
    events: tuple[MergedEvent, ...]


def keyed_candidate(c: EventCandidate, article: str, index: int, uid: str) -> KeyedCandidate:
    """``c``, the ``index``-th candidate of the article at path ``article``, ready to be grouped;
    ``uid`` must name this content only (the hash of the article's inputs and ``index`` do)."""
    first = c.sources[0]
    own = _resolve_group([c], explain=False).interval
    return KeyedCandidate(
        (c.key, first.quote, first.document, first.start, article, index), uid, c, own.earliest, own.latest
    )


def resolve_events(extractions: Sequence[Extraction]) -> tuple[Event, ...]:
    """Merge candidates that state the same event, then resolve each merged event.

    Candidates with the same key merge only when their places and dates can agree, so two
    consultations in different cities and years stay two events. The order of merging uses
    the text, not file names, so renaming an article changes nothing.
    """
    by_key: dict[str, list[KeyedCandidate]] = {}
    for n, x in enumerate(extractions):
        for i, c in enumerate(x.events):
            by_key.setdefault(c.key, []).append(keyed_candidate(c, f"{n:012d}", i, f"{n}:{i}"))
    for entries in by_key.values():
        entries.sort(key=_by_order)
    buckets = update_events({}, by_key, by_key.__getitem__)
    return all_events(b for b in buckets.values() if b is not None)


def update_events(
    buckets: Mapping[BucketId, Bucket],
    changed: Mapping[str, Sequence[KeyedCandidate]],
    entries_of: Callable[[str], Sequence[KeyedCandidate]],
) -> dict[BucketId, Bucket | None]:
    """The buckets that change (None: gone) when each key of ``changed`` now has exactly those
    candidates, in order (none: the key is gone); ``entries_of`` gives any other key's candidates.

    Only the changed keys are grouped again, only the buckets whose groups change are merged again,
    and only events whose candidates change are resolved again; ids are given again only to the
    events whose slug one of those has. From no buckets, this resolves a whole corpus: the one
    algorithm serves full and incremental builds alike.
    """
    added: dict[BucketId, list[Group]] = {}
    for entries in changed.values():
        for bucket_id, group in group_candidates(entries):
            added.setdefault(bucket_id, []).append(group)
    affected = set(added)
    for bucket_id, bucket in buckets.items():
        if bucket_id not in affected and any(g.order[0] in changed for g in bucket.groups):
            affected.add(bucket_id)
    known: dict[str, EventCandidate] = {}
    loaded: set[str] = set()

    def candidates(groups: Sequence[Group]) -> list[EventCandidate]:
        for key in {g.order[0] for g in groups} - loaded:
            loaded.add(key)
            source = changed[key] if key in changed else entries_of(key)
            known.update((k.uid, k.candidate) for k in source)
        return [known[uid] for g in groups for uid in g.members]

    changes: dict[BucketId, Bucket | None] = {}
    touched: set[str] = set()
    for bucket_id in affected:
        old = buckets.get(bucket_id)
        groups = [g for g in old.groups if g.order[0] not in changed] if old is not None else []
        groups.extend(added.get(bucket_id, ()))
        groups.sort(key=_by_order)
        if old is not None:
            if tuple(groups) == old.groups:
                continue
            touched.update(m.slug for m in old.events)
        if not groups:
            changes[bucket_id] = None
            continue
        before = {m.members: m for m in old.events} if old is not None else {}
        events = []
        for part in merge_groups(groups, bucket_id):
            members = tuple(uid for i in part for uid in groups[i].members)
            same = before.get(members)
            if same is None:
                event = event_of(candidates([groups[i] for i in part]))
                events.append(MergedEvent(groups[part[0]].order, members, event, slug(event.title)))
            else:
                events.append(MergedEvent(groups[part[0]].order, members, same.event, same.slug))
        touched.update(m.slug for m in events)
        changes[bucket_id] = Bucket(*bucket_id, tuple(groups), tuple(events))
    _renumber(buckets, changes, touched)
    return changes


def _by_order(item: KeyedCandidate | Group) -> Order:
    return item.order


def group_candidates(entries: Sequence[KeyedCandidate]) -> list[tuple[BucketId, Group]]:
    """Group one key's candidates, in order: each joins the first group whose places and dates can
    agree with its own, else starts a group. Each group comes with the bucket it merges in."""
    forming: list[_Forming] = []
    for k in entries:
        c = k.candidate
        own = {c.place} if c.place else set()
        target = next(
            (
                g
                for g in forming
                # The places agree when every member states none or the same one as c.
                if (c.place is None or g.places <= own) and _meet(*g.bounds, k.earliest, k.latest)
            ),
            None,
        )
        if target is None:
            forming.append(_Forming([k], (k.earliest, k.latest), own))
        else:
            target.join(k)
    return [
        (
            (g.members[0].candidate.kind, g.members[0].candidate.place),
            Group(g.members[0].order, tuple(m.uid for m in g.members), *g.bounds),
        )
        for g in forming
    ]


IdentSignature = tuple[str, frozenset[tuple[str, date | None, date | None]]]


class _Forming:
    """A group being formed, with what tells whether a new member can move its bounds."""

    __slots__ = ("bounds", "fixed", "members", "places", "pool", "signatures")

    def __init__(self, members: list[KeyedCandidate], bounds: Bounds, places: set[Place]) -> None:
        self.members = members
        self.bounds = bounds
        self.places = places
        # Known once a second member comes: the bounds of the members' plain constraints (see
        # Resolution.fixed), their identifications, and per field and row the bounds the last
        # identification naming the row gives it (as resolve_dates's pool keeps the last).
        self.fixed: Bounds | None = None
        self.signatures: set[IdentSignature] = set()
        self.pool: dict[tuple[str, str], Bounds] = {}

    def join(self, k: KeyedCandidate) -> None:
        c = k.candidate
        if self.fixed is None:
            self.fixed = _resolve_group([m.candidate for m in self.members], explain=False).fixed
            for m in self.members:
                self._identify(m.candidate)
        self.members.append(k)
        if c.place:
            self.places.add(c.place)
        # Most members of a big group repeat what it already knows (a background sentence every
        # tenth article repeats): they leave its bounds as they are, and it is not resolved again.
        if not self._redundant(c):
            res = _resolve_group([m.candidate for m in self.members], explain=False)
            self.bounds = (res.interval.earliest, res.interval.latest)
            self.fixed = res.fixed
        self._identify(c)

    def _identify(self, c: EventCandidate) -> None:
        for ident in c.identifications:
            if ident.candidates:
                self.signatures.add(_signature(ident))
                self.pool.update(((ident.field, r.key), (r.earliest, r.latest)) for r in ident.candidates)

    def _redundant(self, c: EventCandidate) -> bool:
        """Adding ``c`` leaves the group's bounds as they are, for resolve_dates gives the same bounds.

        Its plain constraints each allow the whole of the bounds the kept plain constraints
        give (``fixed``): resolve_dates then keeps and refuses every other constraint as before,
        and those bounds do not move. Its identifications each repeat one the group has, with
        the same rows and the same bounds for each row: the rows picked for each field stay the
        same. It has no yearless date, so the last step narrows the same bounds the same way.
        """
        assert self.fixed is not None
        lo, hi = self.fixed
        for k in c.constraints:
            if k.annual is not None:
                return False
            if k.earliest is not None and (lo is None or k.earliest > lo):
                return False
            if k.latest is not None and (hi is None or k.latest < hi):
                return False
        for ident in c.identifications:
            if not ident.candidates:
                continue
            if _signature(ident) not in self.signatures:
                return False
            if any(self.pool.get((ident.field, r.key)) != (r.earliest, r.latest) for r in ident.candidates):
                return False
        return True


def _signature(ident: Identification) -> IdentSignature:
    return ident.field, frozenset((r.key, r.earliest, r.latest) for r in ident.candidates)


def _meet(a_lo: date | None, a_hi: date | None, b_lo: date | None, b_hi: date | None) -> bool:
    """Two intervals can meet: two readings of one event may be merged."""
    lo = a_lo if b_lo is None or (a_lo is not None and a_lo >= b_lo) else b_lo
    hi = a_hi if b_hi is None or (a_hi is not None and a_hi <= b_hi) else b_hi
    return lo is None or hi is None or lo <= hi


def merge_groups(groups: Sequence[Group], bucket: BucketId) -> list[list[int]]:
    """Which groups of one bucket (in order) merge: meetings reported by different outlets under
    different names, with the same kind and place and overlapping dates within a month. Each
    group joins the first merged event whose first group's dates it overlaps."""
    kind, place = bucket
    merged: list[list[int]] = []
    # The merged events a group can join: their first group is bounded and within a month.
    open_to: list[tuple[int, date, date]] = []
    for n, g in enumerate(groups):
        lo, hi = g.earliest, g.latest
        target = None
        if kind != "adoption" and place is not None and lo is not None and hi is not None:
            target = next((i for i, a, b in open_to if a <= hi and lo <= b), None)
        if target is None:
            if lo is not None and hi is not None and (hi - lo).days < 32:
                open_to.append((len(merged), lo, hi))
            merged.append([n])
        else:
            merged[target].append(n)
    return merged


def event_of(g: Sequence[EventCandidate]) -> Event:
    """The event the candidates of one merged group state, resolved (its id is given later)."""
    res = _resolve_group(list(g))
    place, place_conflicts = _place(g, res)
    sources = tuple(sorted({s for c in g for s in c.sources}, key=lambda s: (s.document, s.start)))
    return Event(
        id="",
        title=_title(g),
        kind=g[0].kind,
        date=res.interval,
        place=place,
        actors=tuple(dict.fromkeys(a for c in g for a in c.actors)),
        instruments=tuple(dict.fromkeys(i for c in g for i in c.instruments)),
        sources=sources,
        conflicts=res.conflicts + place_conflicts,
    )


def _place(g: Sequence[EventCandidate], res: Resolution) -> tuple[Place | None, tuple[Conflict, ...]]:
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


def _renumber(
    buckets: Mapping[BucketId, Bucket], changes: dict[BucketId, Bucket | None], slugs: set[str]
) -> None:
    """Give ids again to every event whose slug is in ``slugs`` (recording changed buckets in ``changes``)."""
    found: dict[str, list[tuple[BucketId, int, MergedEvent]]] = {}
    for bucket_id, bucket in _current(buckets, changes):
        for n, m in enumerate(bucket.events):
            if m.slug in slugs:
                found.setdefault(m.slug, []).append((bucket_id, n, m))
    for base, same in found.items():
        same.sort(key=lambda item: item[2].order)
        for (bucket_id, n, m), new in zip(same, slug_ids(base, [m.event for _, _, m in same]), strict=True):
            if m.event.id != new:
                bucket = changes.get(bucket_id) or buckets[bucket_id]
                events = list(bucket.events)
                events[n] = replace(m, event=replace(m.event, id=new))
                changes[bucket_id] = replace(bucket, events=tuple(events))


def _current(
    buckets: Mapping[BucketId, Bucket], changes: Mapping[BucketId, Bucket | None]
) -> Iterable[tuple[BucketId, Bucket]]:
    for bucket_id, bucket in buckets.items():
        if bucket_id not in changes:
            yield bucket_id, bucket
    for bucket_id, changed in changes.items():
        if changed is not None:
            yield bucket_id, changed


def slug_ids(base: str, events: Sequence[Event]) -> list[str]:
    """Ids for the events whose titles have the slug ``base`` (in merge order, which breaks ties):
    the slug itself for one, else each with a short hash of what tells them apart (full title,
    date, place, first quote), so ids never depend on file names."""
    if len(events) == 1:
        return [base]
    ids = [""] * len(events)
    used: set[str] = set()
    for i in sorted(range(len(events)), key=lambda i: _content_key(events[i])):
        digest = hashlib.sha256(repr(_content_key(events[i])).encode()).hexdigest()
        n = 6
        while f"{base}-{digest[:n]}" in used:
            n += 2
        used.add(f"{base}-{digest[:n]}")
        ids[i] = f"{base}-{digest[:n]}"
    return ids


def _content_key(e: Event) -> tuple[str, str, str, str]:
    return (e.title, e.date.label, e.place.name if e.place else "", e.sources[0].quote if e.sources else "")


def all_events(buckets: Iterable[Bucket]) -> tuple[Event, ...]:
    """Every event, by date then id (then slug: two slugs could give one id)."""
    merged = [m for b in buckets for m in b.events]
    merged.sort(
        key=lambda m: (m.event.date.earliest or date.max, m.event.date.latest or date.max, m.event.id, m.slug)
    )
    return tuple(m.event for m in merged)


# --- dates and glossary -----------------------------------------------------------------


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
            (Evidence("date-mention", d.note, d.earliest, d.latest, d.span),),
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
