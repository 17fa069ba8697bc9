"""One event's date: intersect every constraint, identify summits and meetings, keep conflicts."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from tipbrief.facts.extract.acts import POINT_KINDS
from tipbrief.facts.extract.records import (
    MEETING_SPAN_DAYS,
    Constraint,
    EventCandidate,
    Identification,
    intersect,
)
from tipbrief.facts.gazetteer import Candidate
from tipbrief.facts.model import (
    Conflict,
    DateInterval,
    Evidence,
    Span,
)
from tipbrief.facts.resolve.conflicts import (
    UNKNOWN_ORIGIN,
    group_readings,
    join_and,
    readings_phrase,
    sources_phrase,
)
from tipbrief.facts.resolve.labels import interval_label
from tipbrief.facts.temporal.expressions import Temporal
from tipbrief.facts.temporal.intervals import weekday_named, year_interval

# Which evidence wins when constraints contradict: a reference row on the act (an instrument's
# adoption, a party's deposit, an entry into force, a report's release: each row has a public
# source) first, since a text's day that contradicts one is a misprint ("Thailand | 24 June 2016"
# in a table whose note corrects it to 24 July) or another act's ("the COMMIT memorandum, signed in
# Yangon on 29 October 2004"); then what the text states outright; then what follows from the
# article's own date. (Not a law's year, which only bounds its acts: the amendment of 2015 to an
# act of 2007 came into force in 2015.)
_PRIORITY = {
    "override": 0,
    "stated-date": 1,
    "relative-date": 2,
    "instrument-reference": 0,
    "law-year": 3,
    "report-reference": 0,
    "office-term": 4,
    "programme-period": 5,
    "article-date": 6,
    "story-year": 6,
}

SortKey = tuple[int, str]
"""Where a plain constraint sorts among the others: the priority of its rule, then its note."""

Step = tuple[SortKey, date | None, date | None]
"""A kept plain constraint's sort key and the bounds of the constraints kept up to it."""


def _order(c: Constraint) -> SortKey:
    return _PRIORITY.get(c.rule, 9), c.note


@dataclass(frozen=True, slots=True)
class Resolution:
    """The outcome of intersecting one event's constraints."""

    interval: DateInterval
    conflicts: tuple[Conflict, ...]
    chosen: tuple[Candidate, ...]
    fixed: tuple[date | None, date | None] = (None, None)
    """The bounds of the constraints kept before reference rows and yearless dates are weighed."""
    steps: tuple[Step, ...] = ()
    """The plain constraints kept, in order, each with the bounds of those kept up to it: what
    tells, without resolving again, that a further constraint would be refused (``refused``)."""


def refused(steps: Sequence[Step], c: Constraint) -> bool:
    """True when resolving again with ``c`` added after the constraints that gave ``steps`` would
    refuse ``c``: it contradicts the bounds of the constraints kept before its place in the order
    (for equal sort keys, the earlier constraint goes first). Such a constraint changes nothing
    but the conflict. ``steps`` may omit kept constraints that narrowed no bound: the test then
    sees wider bounds, and can only answer False where True was right, never the reverse."""
    if c.annual is not None:
        return False
    n = bisect_right(steps, _order(c), key=lambda step: step[0])
    if n == 0:
        return c.earliest is not None and c.latest is not None and c.earliest > c.latest
    _, lo, hi = steps[n - 1]
    c_lo = c.earliest if c.earliest and (lo is None or c.earliest > lo) else lo
    c_hi = c.latest if c.latest and (hi is None or c.latest < hi) else hi
    return c_lo is not None and c_hi is not None and c_lo > c_hi


def _where(span: Span | None, reference: str | None = None) -> str:
    if span:
        return f"{span.document}:{span.start}-{span.end}"
    return reference or UNKNOWN_ORIGIN


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
    # "Thursday, 24 September", between the 18th meeting (2018) and the 21st (2021): the year in
    # which that day is a Thursday (2020). (When none is, the weekday is a slip and says nothing.)
    named = weekday_named(t) if t.kind == "date" else None
    on_that_day = [iv for iv in whole if iv[0].weekday() == named]
    if t.kind == "month" and whole and parts:
        # "which Thailand ratified in July", no later than its deposit on 24 July 2016: 1-24 July 2016
        # may hold it as well as a whole July before it.
        return sorted([*whole, *parts])
    return on_that_day or whole or parts


def _fits(core: list[Constraint], extra: Iterable[Constraint], annual: Sequence[Constraint]) -> bool:
    bounds = intersect([*core, *extra])
    if bounds is None:
        return False
    lo, hi = bounds
    if lo and hi:
        return all(c.annual is None or _occurrences(c.annual, lo, hi) for c in annual)
    return True


def resolve_dates(
    constraints: Sequence[Constraint],
    identifications: Sequence[Identification],
    *,
    explain: bool = True,
    point: bool = False,
) -> Resolution:
    """Intersect every constraint; where they contradict, keep each reading and record a conflict.

    With ``explain=False`` only the interval's bounds are wanted (merging candidates asks for them
    once per candidate): the same bounds, without conflicts or evidence, which cost the most.

    Three steps: the fixed constraints that agree, in order of priority (``_agreeing_core``); then
    each identified summit, meeting or office narrowed to the readings that fit them
    (``_identify``); then yearless days placed in what is left (``_place_annual``).
    """
    fixed = _days_in_dispute(sorted((c for c in constraints if c.annual is None), key=_order))
    annual = [c for c in constraints if c.annual is not None]
    conflicts: list[Conflict] = []
    core, steps, contradicting = _agreeing_core(fixed, explain)
    fixed_bounds = (steps[-1][1], steps[-1][2]) if steps else (None, None)
    plain = len(core)
    chosen = _identify(identifications, core, annual, conflicts, point)
    spans = [c for c in core if _spans_the_meeting(c)]
    recorded = [c for c in spans if c.rule in ("summit-reference", "meeting-reference")]
    if recorded and not point:
        # "the 31st ASEAN Summit … on November 13 and 14" (on record, with its related meetings,
        # for 10-14 November): days stated inside the recorded ones are some of them, not all.
        spans = [c for c in spans if c in recorded or not _within_every(c, recorded)]
    beside: list[Constraint] = []
    if spans:
        # "which opened on 13 October", "concluded today": one day of a meeting whose span is known;
        # "in November" of a summit on record for 31 October - 4 November: when it fell, not its days.
        core = [
            c
            for c in core
            if not c.part
            and not _coarser(c, spans)
            and not (not point and (_a_day_of(c, spans) or _tense_bound_of(c, spans)))
            # "10-11 September 2025 - At the 19th AMMTC …" (on record for 8-12 September, with its
            # related meetings): days stated inside the recorded ones are some of them, not all.
            and not (not point and _stated_inside(c, spans, recorded))
        ]
        # "will host the 14th Summit later this month" (12-28 February; the summit 27 February - 1
        # March): a period still to come holds the meeting's start, not its end; "gathered for the
        # 35th Summit earlier this month" (1-27 November; the summit 31 October - 4 November), a
        # period gone by, its end, not its start. Neither cuts the recorded days.
        core = [_period_side(c, spans) for c in core]
        # A day without its year is one of the meeting's days too ("leaders, who gathered for the 31st
        # Summit, also signed on Nov. 14 …"), not all of them.
        # (An act of one day at the meeting, ``point``, is dated by its day: "adopted on May 11".)
        days_of_it = ("month",) if point else ("month", "date", "day-range")
        days = [c for c in annual if c.annual and c.annual.kind in ("date", "day-range")]
        beside = [] if point else _days_beside(days, spans)
        annual = [c for c in annual if not c.part and not (c.annual and c.annual.kind in days_of_it)]
    # "which opened on September 17", with neither a row nor a stated span for the meeting: the day,
    # placed in its year, is one of the meeting's days, so the week either side of it holds them.
    # (So is a part of a month: "which opened in Kuala Lumpur in late September" ran on into October.)
    parts = [
        c
        for c in annual
        if c.part
        and not point
        and c.annual
        and (
            c.annual.kind == "date"
            or c.side == "late"
            or re.search(r"\b(?:late|end)\b", c.annual.text, re.IGNORECASE)
        )
    ]
    annual = [c for c in annual if c not in parts]
    lo, hi, used, unresolved, outside = _place_annual(annual, core)
    for c in parts:
        assert c.annual is not None
        occ = _occurrences(c.annual, lo, hi) if lo and hi else []
        if len(occ) != 1 or (c.annual.kind == "date" and occ[0][0] != occ[0][1]):
            lo, hi, used, unresolved, outside = _place_annual([*annual, c], core)
            continue
        first_day, last_day = occ[0]
        if c.side == "late":
            # ("at the end of September": its last ten days, of which the meeting held some.)
            first_day = max(first_day, last_day - timedelta(days=9))
        assert lo is not None and hi is not None  # (occurrences are looked for only within bounds)
        # (How long it ran after its first day, or before its last, the day does not say: "which
        # began Oct. 19", of a two-week seminar, leaves its end to the other clues. The week on the
        # day's other side still holds related meetings that opened before the main one.)
        before = lo if c.side == "last" else first_day - _A_WEEK
        after = hi if c.side == "first" else last_day + _A_WEEK
        around = replace(c, earliest=before, latest=after, note=c.note + "; a day of the meeting")
        lo, hi = max(lo, before), min(hi, after)
        used.append(around)
    if beside and lo and hi and not contradicting and not outside:
        # "the 10th AMMTC and its related meetings, which began on September 28" (on record from
        # the 29th): the sources disagree by a day or two, and the truth may be either, so both.
        # (Where the evidence already disagrees otherwise, the conflict records what was kept, and
        # the interval stays the kept reading's.)
        lo = min(lo, *(c.earliest for c in beside if c.earliest))
        hi = max(hi, *(c.latest for c in beside if c.latest))
        used.extend(beside)
    stated = any(c.stated and c.earliest == lo and c.latest == hi for c in used)
    label = interval_label(lo, hi)
    if unresolved and not (lo and hi):
        t = unresolved[0].annual
        assert t is not None
        label = f"{t.text} (year unknown)" + (f", {label}" if (lo or hi) else "")
    if explain and (contradicting or outside):
        conflicts.insert(
            0, _date_conflict(core[:plain], contradicting, used, outside, chosen, (lo, hi), label)
        )
    evidence = tuple(dict.fromkeys(_to_evidence(c) for c in used)) if explain else ()
    interval = DateInterval(lo, hi, label, "stated" if stated else "inferred", evidence)
    return Resolution(interval, tuple(conflicts), tuple(chosen), fixed_bounds, tuple(steps))


_A_WEEK = timedelta(days=MEETING_SPAN_DAYS)

MEETING_SPAN_MAX_DAYS = 14
"""The longest a stated range can be and still be read as a meeting's own days."""


def _days_in_dispute(fixed: list[Constraint]) -> list[Constraint]:
    """Sources that name different days on which a meeting opened (closed, was on): "opened on 21
    June" and "opened on 22 June" (one misreports it, or one speaks of the related meetings), each
    widened to the week after, would meet only on days that leave out the 21st: each holds the weeks
    of both."""
    sides: dict[str, list[Constraint]] = {}
    for c in fixed:
        if c.day is not None and c.earliest and c.latest:
            side = "open" if c.earliest == c.day else "close" if c.latest == c.day else "either"
            sides.setdefault(side, []).append(c)
    for group in sides.values():
        if len({c.day for c in group}) > 1:
            lo = min(c.earliest for c in group if c.earliest)
            hi = max(c.latest for c in group if c.latest)
            fixed = [replace(c, earliest=lo, latest=hi) if c in group else c for c in fixed]
    return fixed


def _stated_inside(c: Constraint, spans: Sequence[Constraint], recorded: Sequence[Constraint]) -> bool:
    """Days the text states inside a meeting's recorded days: some of them."""
    # ("which the Lao capital hosted on Tuesday and Wednesday": counted from the article, too.)
    return (
        bool(recorded)
        and c.rule in ("stated-date", "relative-date")
        and c not in spans
        and _within_every(c, recorded)
    )


def _coarser(c: Constraint, spans: Sequence[Constraint]) -> bool:
    """A month or a year the text gives for a meeting whose days are known: it overlaps them, so it
    agreed; it must not cut them."""
    if c.rule not in ("stated-date", "relative-date") or c in spans or not (c.earliest and c.latest):
        return False
    return (c.latest - c.earliest).days >= 27 and _overlaps_every(c, spans)


_PERIOD_AHEAD = re.compile(r"\b(?:later|next|coming|following)\b", re.IGNORECASE)
_PERIOD_PAST = re.compile(r"\b(?:earlier|last|past|previous)\b", re.IGNORECASE)
# ("a year ago today" is one day.)
_PERIOD_WORD = re.compile(r"\b(?:this|last|next|past|coming|previous)\s+(?:week|month|year)\b", re.IGNORECASE)


def _overlaps_every(c: Constraint, spans: Sequence[Constraint]) -> bool:
    """The constraint's days (an open side reaching as far as it likes) meet each recorded span."""
    return all(
        s.earliest
        and s.latest
        and (c.earliest is None or c.earliest <= s.latest)
        and (c.latest is None or s.earliest <= c.latest)
        for s in spans
    )


def _within_every(c: Constraint, spans: Sequence[Constraint]) -> bool:
    """The constraint's days lie inside each recorded span."""
    return all(
        s.earliest
        and s.latest
        and c.earliest
        and c.latest
        and s.earliest <= c.earliest
        and c.latest <= s.latest
        for s in spans
    )


def _a_day_of(c: Constraint, spans: Sequence[Constraint]) -> bool:
    """ "the Convention, signed at the 27th ASEAN Summit in Kuala Lumpur on 21 November 2015": a day
    stated within a meeting's recorded days is one of them (perhaps another act's), not all."""
    return (
        c.rule == "stated-date"
        and c not in spans
        and c.earliest is not None
        and c.earliest == c.latest
        and _within_every(c, spans)
    )


def _tense_bound_of(c: Constraint, spans: Sequence[Constraint]) -> bool:
    """ "Dialogue partners are scheduled to hold consultations with the SOMTC", written on its second
    day: the tense says the meeting had not ended, not that it had not begun. A bound from the
    article's date that the recorded days overlap tells which meeting it is, not its days."""
    return c.rule == "article-date" and _overlaps_every(c, spans)


def _period_side(c: Constraint, spans: Sequence[Constraint]) -> Constraint:
    """A period of some days counted from the article's date ("later this month", "last week") that
    overlaps every recorded span of the meeting: the side of the meeting it speaks of."""
    if c.rule != "relative-date" or c in spans or not (c.earliest and c.latest) or c.span is None:
        return c
    # ("earlier this week", written on a Wednesday: three days, and still a period, not a day.)
    short = (c.latest - c.earliest).days < 5 and not _PERIOD_WORD.search(c.span.quote)
    if short or not _overlaps_every(c, spans):
        return c
    # (Nor does it cut the recorded days it overlaps: "the 33rd ASEAN Summit, which Singapore hosts
    # next week", on record for Sunday 11 - Thursday 15 November, began the day before that week.)
    if _PERIOD_AHEAD.search(c.span.quote):
        begun = any(
            s.earliest is not None and c.earliest is not None and s.earliest < c.earliest for s in spans
        )
        return replace(c, latest=None, earliest=None if begun else c.earliest)
    if _PERIOD_PAST.search(c.span.quote):
        ended = any(s.latest is not None and c.latest is not None and s.latest > c.latest for s in spans)
        return replace(c, earliest=None, latest=None if ended else c.latest)
    return replace(c, earliest=None, latest=None)


def _spans_the_meeting(c: Constraint) -> bool:
    """A summit's or meeting's reference row, or a stated range of a few days ("from Sept 8 to
    12"): the meeting's bounds, which a day it names ("opened today") must not narrow."""
    if c.part or c.earliest is None or c.latest is None or c.earliest >= c.latest:
        return False
    if c.rule in ("summit-reference", "meeting-reference"):
        # A meeting placed between the recorded ones before and after it ("after the 1st; before the
        # 8th", from the series' row, not a row of its own) has no known days: "today" dates it.
        between = bool(c.reference and re.search(r"series\.csv:\d+$", c.reference))
        return "only its year" not in c.note and not between
    return c.stated and (c.latest - c.earliest).days <= MEETING_SPAN_MAX_DAYS


def _agreeing_core(
    fixed: Sequence[Constraint], explain: bool
) -> tuple[list[Constraint], list[Step], list[Constraint]]:
    """The constraints kept, in priority order, while they agree, with the bounds after each; and
    (when ``explain``) those refused because they contradict the ones kept before them."""
    core: list[Constraint] = []
    steps: list[Step] = []
    contradicting: list[Constraint] = []
    # Running bounds of the core: the test intersect([*core, c]) without rescanning the core.
    core_lo: date | None = None
    core_hi: date | None = None
    for c in fixed:
        c_lo = c.earliest if c.earliest and (core_lo is None or c.earliest > core_lo) else core_lo
        c_hi = c.latest if c.latest and (core_hi is None or c.latest < core_hi) else core_hi
        if c_lo and c_hi and c_lo > c_hi:
            if explain:
                contradicting.append(c)
            continue
        core.append(c)
        core_lo, core_hi = c_lo, c_hi
        steps.append((_order(c), c_lo, c_hi))
    return core, steps, contradicting


Outside = tuple[Constraint, date, date]
"""A yearless date and the interval [lo, hi] it falls outside."""


def _date_conflict(
    kept: Sequence[Constraint],
    contradicting: Sequence[Constraint],
    used: Sequence[Constraint],
    outside: Sequence[Outside],
    chosen: Sequence[Candidate],
    bounds: Bounds,
    label: str,
) -> Conflict:
    """The event's one date conflict: every value the evidence gives that is part of a
    disagreement, grouped by value with all its sources, and a note on what was kept.

    The kept side is each kept constraint that contradicts at least one refused constraint on its
    own (one comparison with the refused ones' extreme bounds, not one per pair), and, for
    yearless dates that fall outside, the constraints that bound the interval they fall outside.
    Linear in the number of constraints, however many sources repeat each value.
    """
    items: list[tuple[str, tuple[str, ...], bool]] = []
    labels: dict[Bounds, str] = {}

    def value(c: Constraint) -> str:
        key = (c.earliest, c.latest)
        if key not in labels:
            labels[key] = interval_label(*key)
        return labels[key]

    if contradicting:
        r_lo = max((r.earliest for r in contradicting if r.earliest), default=None)
        r_hi = min((r.latest for r in contradicting if r.latest), default=None)
        for k in kept:
            if (r_lo and k.latest and r_lo > k.latest) or (r_hi and k.earliest and r_hi < k.earliest):
                items.append((value(k), (_where(k.span, k.reference),), True))
        items.extend((value(r), (_where(r.span, r.reference),), False) for r in contradicting)
    # Once per interval a yearless day fell outside (each narrows the last, so there are few).
    for day_lo, day_hi in dict.fromkeys((day_lo, day_hi) for _, day_lo, day_hi in outside):
        items.extend(
            (value(k), (_where(k.span, k.reference),), True)
            for k in used
            if k.earliest == day_lo or k.latest == day_hi
        )
    yearless: set[str] = set()
    for c, *_ in outside:
        assert c.annual is not None
        yearless.add(c.annual.text)
        items.append((c.annual.text, (_where(c.span),), False))
    readings = group_readings(items)
    support = len({s for r in readings if r.kept for s in r.sources} - {UNKNOWN_ORIGIN})
    lo, hi = bounds
    backers = [sources_phrase(support)] if support else []
    backers.extend(
        dict.fromkeys(
            f"the {c.label.split(' (')[0]}'s dates"
            for c in chosen
            if lo and hi and c.earliest and c.latest and c.earliest <= lo and hi <= c.latest
        )
    )
    parts = [f"kept {label}"]
    if backers:
        verb = "supports" if backers == [sources_phrase(1)] else "support"
        parts[0] += f", which {join_and(backers)} {verb}"
    aside = [r for r in readings if not r.kept and r.value not in yearless]
    if aside:
        verb = "contradicts" if len(aside) == 1 else "contradict"
        parts.append(f"set aside {readings_phrase(aside)}, which {verb} it")
    late = [r for r in readings if not r.kept and r.value in yearless]
    if late:
        verb = "falls" if len(late) == 1 else "fall"
        parts.append(f"{readings_phrase(late)} {verb} outside what the other evidence allows")
    return Conflict("date", readings, "; ".join(parts))


def _identify(
    identifications: Sequence[Identification],
    core: list[Constraint],
    annual: Sequence[Constraint],
    conflicts: list[Conflict],
    point: bool = False,
) -> list[Candidate]:
    """The reference rows (summits, meetings, offices) the identifications denote, field by field:
    those every mention of the field shares and the evidence fits, else those that fit, with a
    conflict. Each adds its dates to ``core``."""
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
        if not fitting and len(common) == 1:
            # One numbered meeting on record ("the 33rd ASEAN Summit") outweighs what the tense
            # of its sentence implies about its date ("hosts in November", read as past) and a
            # relative day that may be another noun's ("… reviewed at a workshop last month").
            loose = [c for c in core if c.rule not in ("article-date", "relative-date")]
            key = next(iter(common))
            if len(loose) < len(core) and _fits(loose, [_candidate_constraint(*pool[key])], annual):
                core[:] = loose
                fitting = [key]
            elif not point and _fits(loose, [_candidate_constraint(*pool[key])], ()):
                # "takes over the chair in January and will host the 16th AMMTC next year": a day or
                # month without a year that is another clause's outweighs no meeting on record; it is
                # left outside the meeting's dates, as a conflict. (An act of one day keeps its day:
                # the meeting it was named beside may not be where it happened.)
                core[:] = loose
                fitting = [key]
        elif not fitting and len(common) > 1:
            # "before the ASEAN Summit in Jakarta in May", read as past in February 2011: of Jakarta's
            # summits on record, only the one in May 2011 has the month the text gives; it outweighs
            # the tense as a numbered one does (never a May in which no summit met there).
            loose = [c for c in core if c.rule not in ("article-date", "relative-date")]
            fit_loose = [k for k in sorted(common) if _fits(loose, [_candidate_constraint(*pool[k])], annual)]
            if len(loose) < len(core) and annual and len(fit_loose) == 1:
                core[:] = loose
                fitting = fit_loose
        if fitting:
            picked = [pool[k] for k in fitting]
        else:
            exact = sorted(k for k in pool if _fits(core, [_candidate_constraint(*pool[k])], annual))
            widened = sorted(
                k for k in pool if _fits(core, [_candidate_constraint(*pool[k], widened=True)], annual)
            )
            picked = [pool[k] for k in exact or widened]
            conflicts.append(_identification_conflict(field_name, idents, pool, exact, widened))
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
    return chosen


def _identification_conflict(
    field_name: str,
    idents: Sequence[Identification],
    pool: Mapping[str, tuple[Candidate, Identification]],
    exact: Sequence[str],
    widened: Sequence[str],
) -> Conflict:
    """The conflict of a field whose mentions share no reading that fits: what each mention can
    be, and which reading was kept."""
    fitting_keys = set(exact or widened)
    readings = group_readings(
        (_reading(i, fitting_keys), (_where(i.span),), any(c.key in fitting_keys for c in i.candidates))
        for i in idents
    )
    if exact:
        how = "kept " + ", ".join(pool[k][0].label for k in exact) + ", which fits the other evidence"
    elif widened:
        how = "no reading fits the recorded dates; kept the year of " + ", ".join(
            pool[k][0].label for k in widened
        )
    else:
        how = "no reading fits the other evidence; none is used for the date"
    return Conflict(field_name, readings, how)


BESIDE_DAYS = 3
"""How far outside a meeting's recorded days a day the article gives it may fall and still be read
as the sources disagreeing on its first or last day."""


def _days_beside(days: Sequence[Constraint], spans: Sequence[Constraint]) -> list[Constraint]:
    """The yearless days the text gives a meeting ("began on September 28") that fall just outside
    its recorded days, each placed in the year where it does."""
    lo, hi = intersect(list(spans)) or (None, None)
    if lo is None or hi is None:
        return []
    out = []
    for c in days:
        assert c.annual is not None
        for year in {lo.year, hi.year}:
            iv = year_interval(c.annual, year)
            if iv is None or (lo <= iv[0] and iv[1] <= hi) or (iv[1] - iv[0]).days > MEETING_SPAN_MAX_DAYS:
                continue
            # No day it gives lies more than BESIDE_DAYS before or after the recorded ones.
            if max((lo - iv[0]).days, (iv[1] - hi).days) <= BESIDE_DAYS:
                out.append(
                    replace(c, earliest=iv[0], latest=iv[1], note=c.note + ", just outside the recorded days")
                )
    return out


def _place_annual(
    annual: Sequence[Constraint], core: list[Constraint]
) -> tuple[date | None, date | None, list[Constraint], list[Constraint], list[Outside]]:
    """Yearless days ("May 11") placed in the core's interval: the interval they narrow it to, the
    constraints used, those left unresolved for want of a bounded interval, and those that fall
    outside the interval (each with it)."""
    lo, hi = intersect(core) or (None, None)
    used = list(core)
    unresolved: list[Constraint] = []
    outside: list[Outside] = []
    for c in annual:
        assert c.annual is not None
        if lo and hi:
            occ = _occurrences(c.annual, lo, hi)
            whole = _range_over_period(c.annual, lo, hi, core) if occ else None
            if whole is not None:
                # "Our 14th meeting ran from 28 February to 2 March", at a meeting held "earlier this
                # month": a period counted from the article's date holds some of a meeting's days, not
                # all, so it does not cut the days the text states; it bounds the side it speaks of.
                occ = [whole]
                used = [_period_side(k, [replace(c, earliest=whole[0], latest=whole[1])]) for k in used]
            if occ:
                lo, hi = min(o[0] for o in occ), max(o[1] for o in occ)
                used.append(replace(c, earliest=lo, latest=hi))
            else:
                outside.append((c, lo, hi))
        else:
            unresolved.append(c)
            used.append(c)
    return lo, hi, used, unresolved, outside


def _range_over_period(
    t: Temporal, lo: date, hi: date, core: Sequence[Constraint]
) -> tuple[date, date] | None:
    """A stated range of a meeting's days without its year that [lo, hi] holds only part of, where
    what cuts it is a period counted from the article's date ("earlier this month", "last week"):
    the whole range, when it is the one year's that the rest allows."""
    if t.kind != "day-range":
        return None
    loose = [k for k in core if not (k.rule == "relative-date" and not k.stated)]
    if len(loose) == len(core):
        return None
    l_lo, l_hi = intersect(loose) or (None, None)
    found = []
    for year in range(lo.year - 1, hi.year + 2):
        iv = year_interval(t, year)
        if iv is None or (iv[1] - iv[0]).days > MEETING_SPAN_MAX_DAYS or not (iv[0] <= hi and iv[1] >= lo):
            continue
        if (lo <= iv[0] and iv[1] <= hi) or (l_lo and iv[0] < l_lo) or (l_hi and iv[1] > l_hi):
            continue
        found.append(iv)
    return found[0] if len(found) == 1 else None


def _reading(ident: Identification, fitting: set[str]) -> str:
    """ "ASEAN Summit 32 → 32nd ASEAN Summit (Singapore, …)"; a city that hosted many summits
    shows only the ones that fit the rest, with how many it hosted."""
    cands = ident.candidates
    if len(cands) > 2:
        shown = [c for c in cands if c.key in fitting]
        labels = "; ".join(c.label for c in shown) if shown else "none that fits"
        return f"{ident.text} → {labels} (of {len(cands)} held there)"
    return f"{ident.text} → " + "; ".join(c.label for c in cands)


def _resolve_group(group: list[EventCandidate], explain: bool = True) -> Resolution:
    return resolve_dates(
        [k for c in group for k in c.constraints],
        [i for c in group for i in c.identifications],
        explain=explain,
        point=group[0].kind in POINT_KINDS,
    )


Bounds = tuple[date | None, date | None]
"""An interval's first and last day, all that grouping and merging compare."""
