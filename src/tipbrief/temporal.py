"""Temporal expressions: find them in cleaned text and turn them into date intervals."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

from tipbrief.corpus import MONTHS
from tipbrief.words import sentence_words

Tense = Literal["past", "present", "future"]

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_YEAR_CORE = r"(?:19[5-9]\d|20\d\d)"
_YEAR = _YEAR_CORE + r"(?![\d/])(?!-\d)"
_DASH = r"\s*(?:-|–|—|to|until|till|through|and)\s*"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# "Tuesday, 12 November 2019": the weekday belongs to the date, not a second expression.
_WEEKDAY_PREFIX = rf"(?:{_WEEKDAY},?\s+)?"
_NUMBER_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twenty": 20,
}
# Names that a year often belongs to without being a date: "Vision 2025", "2030 Agenda".
_NAMED_BEFORE = r"(?<!Vision )(?<!Agenda )(?<!Plan )(?<!Blueprint )(?<!Roadmap )(?<!Strategy )"
_NAMED_AFTER = r"(?!\s+(?:Agenda|Vision|Goals?|Blueprint|Roadmap|Strategy|Work Plan|Plan\b))"

# The alternatives in priority order: longer, more specific forms first, because at one
# position the regex engine takes the first alternative that matches.
_PATTERNS: tuple[tuple[str, str], ...] = (
    ("iso", rf"\b(?P<iso_y>{_YEAR_CORE})-(?P<iso_m>[01]\d)-(?P<iso_d>[0-3]\d)\b"),
    (
        "dm_range_cross",
        rf"\b(?P<x_d1>{_DAY})\s+(?P<x_m1>{_MONTH})(?:,?\s+(?P<x_y1>{_YEAR}))?{_DASH}(?P<x_d2>{_DAY})\s+(?P<x_m2>{_MONTH})"
        rf"(?:,?\s+(?P<x_y>{_YEAR}))?",
    ),
    (
        "md_range_cross",
        rf"\b(?P<y_m1>{_MONTH})\s+(?P<y_d1>{_DAY}){_DASH}(?P<y_m2>{_MONTH})\s+(?P<y_d2>{_DAY})"
        rf"(?:,?\s+(?P<y_y>{_YEAR}))?",
    ),
    (
        "month_range",
        rf"\b(?P<k_m1>{_MONTH})(?:,?\s+(?P<k_y1>{_YEAR}))?\s*(?:-|–|—|to|until|till|through)\s*"
        rf"(?P<k_m2>{_MONTH}),?\s+(?P<k_y2>{_YEAR})",
    ),
    ("numeric", rf"\b(?P<u_a>[0-3]?\d)/(?P<u_b>[0-3]?\d)/(?P<u_y>{_YEAR_CORE})\b"),
    ("dm_range", rf"\b(?P<r_d1>{_DAY}){_DASH}(?P<r_d2>{_DAY})\s+(?P<r_m>{_MONTH})(?:,?\s+(?P<r_y>{_YEAR}))?"),
    ("md_range", rf"\b(?P<s_m>{_MONTH})\s+(?P<s_d1>{_DAY}){_DASH}(?P<s_d2>{_DAY})(?:,?\s+(?P<s_y>{_YEAR}))?"),
    ("dmy", rf"{_WEEKDAY_PREFIX}\b(?P<a_d>{_DAY})\s+(?:of\s+)?(?P<a_m>{_MONTH})(?:,?\s+(?P<a_y>{_YEAR}))?"),
    (
        "mdy",
        rf"{_WEEKDAY_PREFIX}\b(?P<b_m>{_MONTH})\s+(?P<b_d>{_DAY})(?:(?:,\s*|\s+)(?P<b_y>{_YEAR}))?(?!\s*(?:%|per\b))",
    ),
    (
        "my",
        rf"(?:\b(?P<c_mod>early|mid|late|end of|beginning of|the end of|the beginning of)[\s-]+)?"
        rf"\b(?P<c_m>{_MONTH}),?\s+(?P<c_y>{_YEAR})",
    ),
    (
        "month_relative_year",
        rf"(?:\b(?:in|In|during|since|until|by|of)\s+)?\b(?P<l_m>{_MONTH})\s+(?P<l_rel>last|this|next)\s+year\b",
    ),
    (
        "month",
        rf"(?:\b(?P<m_mod>[Ee]arly|[Mm]id|[Ll]ate)[\s-]+|\b(?:in|In|during|since|until|by|of)\s+)"
        rf"(?P<m_m>{_MONTH})(?!\w)(?!\.?,?\s+\d)(?!\s+[A-Z][a-z])",
    ),
    ("decade", r"\b(?:[Tt]he\s+)?(?P<h_mod>early|mid-|late\s+)?(?P<h_y>(?:19|20)\d0)s\b"),
    (
        "year_range",
        rf"\b(?:from|between|From|Between)\s+(?P<g_y1>{_YEAR})\s+(?:to|and|until|till|through|-|–)\s+"
        rf"(?P<g_y2>{_YEAR})",
    ),
    # "operated 2014–2016": a bare year range is a date unless a name precedes it ("Work Plan 2012-2016").
    (
        "bare_year_range",
        rf"(?P<n_prev>[A-Z][\w’'.]*\s+)?\b(?P<n_y1>{_YEAR_CORE})\s*[-–]\s*(?P<n_y2>{_YEAR_CORE})\b",
    ),
    (
        "year",
        rf"\b(?:in|In|since|Since|by|By|until|Until|till|during|During|before|Before|after|After|throughout|"
        rf"Throughout|year|of|for)\s"
        rf"(?:(?P<e_mod>early|mid|late|the end of|the beginning of"
        rf"|the first half of|the second half of)[\s-]+)?"
        rf"{_NAMED_BEFORE}(?P<e_y>{_YEAR}){_NAMED_AFTER}",
    ),
    (
        "year_mod",
        rf"\b(?P<f_mod>[Ee]arly|[Mm]id|[Ll]ate|[Tt]he end of|[Tt]he beginning of)[\s-]+"
        rf"(?P<f_y>{_YEAR}){_NAMED_AFTER}",
    ),
    (
        "relative",
        r"\b(?P<rel>(?i:today|yesterday|tomorrow|tonight|recently|currently|"
        r"(?:earlier|later) this (?:year|month|week)|"
        r"(?:the )?(?:this|last|next|previous|past|coming|following) (?:year|month|week)|"
        r"in recent (?:years|months)|"
        r"(?:\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twenty) "
        r"(?:years?|months?|weeks?|days?) ago|"
        r"(?:the )?(?:past|last) (?:decade|(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|twenty) "
        r"(?:years|decades|months))|"
        r"on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)))\b"
        rf"(?!,?\s+(?:\d|{_MONTH}))",
    ),
)
_TEMPORAL = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in _PATTERNS))
"""All the alternatives in one regex: what the matches must equal (see temporal_matches)."""

# What each alternative needs somewhere in a sentence to match there: a digit, the start of a
# month's name, a word of the relative forms, or a literal character. One regex with every
# alternative tries them all at every character, without the literal and character-set prefixes
# that let the engine skip ahead in a single alternative; scanning each alternative a sentence can
# hold, alone, is about twice as fast on dated sentences and skips most undated ones outright.
_DIGIT = re.compile(r"\d")
_MONTH_START = re.compile("Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
_RELATIVE_WORDS = frozenset(
    (
        *("today", "yesterday", "tomorrow", "tonight", "recently", "currently", "ago"),
        *("year", "years", "month", "months", "week", "decade", "decades"),
        *("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    )
)
_NEEDS: dict[str, tuple[str, ...]] = {
    "iso": ("digit", "-"),
    "numeric": ("digit", "/"),
    "decade": ("digit", "0s"),
    **dict.fromkeys(("year_range", "bare_year_range", "year", "year_mod"), ("digit",)),
    **dict.fromkeys(
        ("dm_range_cross", "md_range_cross", "month_range", "dm_range", "md_range", "dmy", "mdy", "my"),
        ("digit", "month"),
    ),
    **dict.fromkeys(("month_relative_year", "month"), ("month",)),
    "relative": ("relative",),
}
_ALTERNATIVES = tuple(
    (name, re.compile(f"(?P<{name}>{pattern})"), _NEEDS[name]) for name, pattern in _PATTERNS
)


def _has(need: str, text: str) -> bool:
    if need == "digit":
        return _DIGIT.search(text) is not None
    if need == "month":
        return _MONTH_START.search(text) is not None
    if need == "relative":
        return not _RELATIVE_WORDS.isdisjoint(sentence_words(text))
    return need in text


def temporal_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches _TEMPORAL.finditer(text) gives, found one alternative at a time.

    At each position the combined regex takes the first alternative, in priority order, that
    matches there, and goes on from that match's end. So: keep each alternative's next match, take
    the one that starts first (the earlier alternative on a tie), and search again only the
    alternatives whose next match that one overlapped.
    """
    present: dict[str, bool] = {}
    patterns = [
        p
        for _, p, needs in _ALTERNATIVES
        if all(present[n] if n in present else present.setdefault(n, _has(n, text)) for n in needs)
    ]
    upcoming = [p.search(text) for p in patterns]
    pos = 0
    while True:
        best: re.Match[str] | None = None
        for i, m in enumerate(upcoming):
            if m is not None and m.start() < pos:
                m = upcoming[i] = patterns[i].search(text, pos)
            if m is not None and (best is None or m.start() < best.start()):
                best = m
        if best is None:
            return
        yield best
        # No alternative matches the empty string, so the scan always moves on.
        pos = best.end()


# "Work Plan 2012-2016": a named period, which constrains its programme, never a date.
NAMED_PERIOD = re.compile(
    rf"\b(?P<name>(?:[A-Z][\w’'-]*\s+){{1,6}}?)(?P<y1>{_YEAR_CORE})\s*[-–]\s*(?P<y2>{_YEAR_CORE})\b"
)


@dataclass(frozen=True, slots=True)
class Temporal:
    """A temporal expression in cleaned text, with whichever parts the text gives."""

    start: int
    end: int
    text: str
    kind: str
    """date, day-range, month, year, year-range or relative."""
    year: int | None = None
    month: int | None = None
    day: int | None = None
    end_year: int | None = None
    end_month: int | None = None
    end_day: int | None = None
    modifier: str | None = None
    relative: str | None = None
    base_year: int | None = None
    """For "the previous year" after a stated year: the year it counts from."""
    base_month: int | None = None
    """For "the previous month" after a stated month: the month it counts from (with base_year)."""

    @property
    def complete(self) -> bool:
        """True when the text gives the whole date (no year or anchor needed)."""
        return (
            self.kind != "relative"
            and self.year is not None
            and (self.end_year is not None or not self.end_month)
        )


def _month(token: str | None) -> int | None:
    return MONTHS[token.rstrip(".").lower()] if token else None


def _int(token: str | None) -> int | None:
    return int(re.sub(r"\D", "", token)) if token else None


def _day_fits(day: int | None, month: int | None, year: int | None) -> bool:
    if day is None or month is None:
        return True
    limit = calendar.monthrange(year or 2000, month)[1]  # 2000: a leap year admits 29 February
    return 1 <= day <= limit


@lru_cache(maxsize=4096)  # the extractor asks twice per sentence: for the dates list and for events
def extract_temporals(text: str) -> tuple[Temporal, ...]:
    """Every temporal expression in ``text`` (cleaned paragraph text), in order."""
    found: list[Temporal] = []
    last_year: int | None = None
    last_month: int | None = None
    for m in temporal_matches(text):
        t = _from_match(m)
        if t is None:
            continue
        # "during 2019 compared with the previous year": the sentence's own year is the reference.
        if t.relative in ("previous year", "following year") and last_year is not None:
            t = replace(t, base_year=last_year)
        if t.relative in ("previous month", "following month") and last_year is not None and last_month:
            t = replace(t, base_year=last_year, base_month=last_month)
        if t.year is not None:
            last_year = t.end_year or t.year
            last_month = (t.end_month or t.month) if t.kind != "relative" else None
        found.append(t)
    return tuple(found)


def _from_match(m: re.Match[str]) -> Temporal | None:
    g = m.group
    kind = m.lastgroup
    start, end, text = m.start(), m.end(), m.group()

    def day_range(
        y1: int | None, m1: int | None, d1: int | None, y2: int | None, m2: int | None, d2: int | None
    ) -> Temporal:
        return Temporal(
            start=start,
            end=end,
            text=text,
            kind="day-range",
            year=y1,
            month=m1,
            day=d1,
            end_year=y2,
            end_month=m2,
            end_day=d2,
        )

    if kind == "iso":
        iso_y, iso_mo, iso_d = int(g("iso_y")), int(g("iso_m")), int(g("iso_d"))
        if not 1 <= iso_mo <= 12 or not _day_fits(iso_d, iso_mo, iso_y):
            return None
        return Temporal(start=start, end=end, text=text, kind="date", year=iso_y, month=iso_mo, day=iso_d)
    if kind in ("dm_range_cross", "md_range_cross"):
        p = "x" if kind == "dm_range_cross" else "y"
        d1, m1, d2, m2, y = (
            _int(g(f"{p}_d1")),
            _month(g(f"{p}_m1")),
            _int(g(f"{p}_d2")),
            _month(g(f"{p}_m2")),
            _int(g(f"{p}_y")),
        )
        given_first = _int(g("x_y1")) if p == "x" else None
        if not (_day_fits(d1, m1, given_first or y) and _day_fits(d2, m2, y)):
            return None
        y1 = given_first or ((y - 1) if (y and m1 and m2 and m1 > m2) else y)
        if y1 and y and (y1, m1, d1) > (y, m2, d2):
            return None
        return day_range(y1, m1, d1, y, m2, d2)
    if kind == "month_range":
        m1, m2, y2 = _month(g("k_m1")), _month(g("k_m2")), _int(g("k_y2"))
        y1 = _int(g("k_y1")) or ((y2 - 1) if (y2 and m1 and m2 and m1 > m2) else y2)
        if not (m1 and m2 and y1 and y2) or (y1, m1) >= (y2, m2):
            return None
        return day_range(y1, m1, 1, y2, m2, calendar.monthrange(y2, m2)[1])
    if kind == "numeric":
        a, b, y = int(g("u_a")), int(g("u_b")), int(g("u_y"))
        # Day first is ASEAN's usual order; where both readings are valid the interval holds both.
        readings = sorted(
            {date(y, mo, d) for d, mo in ((a, b), (b, a)) if 1 <= mo <= 12 and _day_fits(d, mo, y)}
        )
        if not readings:
            return None
        lo, hi = readings[0], readings[-1]
        if lo == hi:
            return Temporal(start=start, end=end, text=text, kind="date", year=y, month=lo.month, day=lo.day)
        return day_range(lo.year, lo.month, lo.day, hi.year, hi.month, hi.day)
    if kind == "bare_year_range":
        y1, y2 = int(g("n_y1")), int(g("n_y2"))
        if g("n_prev") or y1 >= y2:
            return None
        return Temporal(
            start=m.start("n_y1"),
            end=end,
            text=m.string[m.start("n_y1") : end],
            kind="year-range",
            year=y1,
            end_year=y2,
        )
    if kind == "month_relative_year":
        first = m.start("l_m")
        return Temporal(
            start=first,
            end=end,
            text=m.string[first:end],
            kind="month",
            month=_month(g("l_m")),
            relative=f"{g('l_rel')} year",
        )
    if kind in ("dm_range", "md_range"):
        p = "r" if kind == "dm_range" else "s"
        d1, d2, mo, y = _int(g(f"{p}_d1")), _int(g(f"{p}_d2")), _month(g(f"{p}_m")), _int(g(f"{p}_y"))
        if d1 is None or d2 is None or d1 >= d2 or not _day_fits(d2, mo, y):
            return None
        return day_range(y, mo, d1, y, mo, d2)
    if kind in ("dmy", "mdy"):
        p = "a" if kind == "dmy" else "b"
        d, mo, y = _int(g(f"{p}_d")), _month(g(f"{p}_m")), _int(g(f"{p}_y"))
        if not _day_fits(d, mo, y):
            return None
        return Temporal(start=start, end=end, text=text, kind="date", year=y, month=mo, day=d)
    if kind == "my":
        return Temporal(
            start=start,
            end=end,
            text=text,
            kind="month",
            year=_int(g("c_y")),
            month=_month(g("c_m")),
            modifier=g("c_mod"),
        )
    if kind == "month":
        # The preposition that found a bare month is not part of the expression; a modifier is.
        first = m.start("m_mod") if g("m_mod") else m.start("m_m")
        modifier = g("m_mod").lower() if g("m_mod") else None
        return Temporal(
            start=first,
            end=end,
            text=m.string[first:end],
            kind="month",
            month=_month(g("m_m")),
            modifier=modifier,
        )
    if kind == "decade":
        decade = int(g("h_y"))
        first, last = {"early": (0, 3), "mid-": (4, 6), "late": (7, 9)}.get(
            (g("h_mod") or "").strip(), (0, 9)
        )
        return Temporal(
            start=start, end=end, text=text, kind="year-range", year=decade + first, end_year=decade + last
        )
    if kind == "year_range":
        y1, y2 = _int(g("g_y1")), _int(g("g_y2"))
        if y1 is None or y2 is None or y1 > y2:
            return None
        return Temporal(start=start, end=end, text=text, kind="year-range", year=y1, end_year=y2)
    if kind == "year":
        first = m.start("e_mod") if g("e_mod") else m.start("e_y")
        return Temporal(
            start=first,
            end=end,
            text=m.string[first:end],
            kind="year",
            year=_int(g("e_y")),
            modifier=g("e_mod"),
        )
    if kind == "year_mod":
        return Temporal(
            start=start, end=end, text=text, kind="year", year=_int(g("f_y")), modifier=g("f_mod").lower()
        )
    if kind == "relative":
        rel = g("rel").lower()
        rel = (
            rel[4:]
            if rel.startswith("the ") and not rel.endswith(("decade", "years", "decades", "months"))
            else rel
        )
        if rel.startswith("on "):  # the preposition that found a weekday is not part of it
            start, text = start + 3, text[3:]
        return Temporal(start=start, end=end, text=text, kind="relative", relative=rel)
    return None


# --- intervals -----------------------------------------------------------------

_MODIFIER_MONTHS = {
    "early": (1, 4),
    "beginning of": (1, 3),
    "the beginning of": (1, 3),
    "mid": (5, 8),
    "late": (9, 12),
    "end of": (10, 12),
    "the end of": (10, 12),
    "the first half of": (1, 6),
    "the second half of": (7, 12),
}
_MONTH_DAYS_MODIFIER = {"early": (1, 10), "mid": (11, 20), "late": (21, 31), "end of": (21, 31)}


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _shift_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def stated_interval(t: Temporal) -> tuple[date, date] | None:
    """The interval when the text gives the year itself; None when a year or anchor is needed."""
    if t.kind == "relative" or t.year is None:
        return None
    return year_interval(t, t.year)


def year_interval(t: Temporal, year: int) -> tuple[date, date] | None:
    """The interval the expression means if it falls in ``year`` (its start year)."""
    try:
        if t.kind == "year":
            lo, hi = _MODIFIER_MONTHS.get(t.modifier or "", (1, 12))
            return date(year, lo, 1), _last_day(year, hi)
        if t.kind == "year-range":
            return date(year, 1, 1), date(t.end_year or year, 12, 31)
        if t.kind == "month" and t.month:
            if t.modifier in _MONTH_DAYS_MODIFIER:
                lo_day, hi_day = _MONTH_DAYS_MODIFIER[t.modifier or ""]
                return date(year, t.month, lo_day), min(
                    date(year, t.month, 1) + timedelta(days=hi_day - 1), _last_day(year, t.month)
                )
            return date(year, t.month, 1), _last_day(year, t.month)
        if t.kind == "date" and t.month and t.day:
            d = date(year, t.month, t.day)
            return d, d
        if t.kind == "day-range" and t.month and t.day and t.end_month and t.end_day:
            end_year = (
                year + ((t.end_year or year) - (t.year or year)) if t.year else year + (t.month > t.end_month)
            )
            return date(year, t.month, t.day), date(end_year, t.end_month, t.end_day)
    except ValueError:
        return None
    return None


def anchored_interval(
    t: Temporal, anchor: tuple[date, date], tense: Tense
) -> tuple[tuple[date | None, date] | None, str]:
    """Resolve an expression that needs the article's date (``anchor``); returns the interval and a note.

    A day and month without a year in news copy mean the nearest such day: before the
    article's date for past events, after it for future ones (the convention that
    temporal taggers such as HeidelTime apply to news).
    """
    a0, a1 = anchor
    if t.kind == "relative":
        rel = t.relative or ""
        if t.base_year is not None and t.base_month is not None:
            step = -1 if rel.startswith("previous") else 1
            index = t.base_year * 12 + t.base_month - 1 + step
            y, mo = divmod(index, 12)
            return (date(y, mo + 1, 1), _last_day(y, mo + 1)), f"“{t.text}” counted from the month before"
        if t.base_year is not None:
            step = -1 if rel.startswith("previous") else 1
            year = t.base_year + step
            return (date(year, 1, 1), date(year, 12, 31)), f"“{t.text}” counted from {t.base_year}"
        found = _weekday_interval(rel, a0, a1, tense) or _relative_interval(rel, a0, a1)
        return found, f"“{t.text}” counted from the article's date"
    if t.year is not None:
        return stated_interval(t), "stated"
    if t.kind == "month" and t.relative:  # "October last year"
        years = _relative_interval(t.relative, a0, a1)
        if years is None or years[0] is None:
            return None, "no year fits the article's date"
        lo_iv, hi_iv = year_interval(t, years[0].year), year_interval(t, years[1].year)
        if lo_iv is None or hi_iv is None:
            return None, "no year fits the article's date"
        return (lo_iv[0], hi_iv[1]), f"“{t.text}” counted from the article's date"
    fits = [iv for p in (a0, a1) if (iv := _nearest(t, p, tense)) is not None]
    if not fits:
        return None, "no year fits the article's date"
    direction = {"future": "after", "past": "before"}.get(tense, "around")
    return (
        min(f[0] for f in fits),
        max(f[1] for f in fits),
    ), f"the nearest such day {direction} the article's date"


def _nearest(t: Temporal, point: date, tense: Tense) -> tuple[date, date] | None:
    """The occurrence of a yearless expression nearest ``point``: the last one starting on or
    before it for past events, the first one starting on or after it for future ones."""
    options = [iv for year in range(point.year - 2, point.year + 3) if (iv := year_interval(t, year))]
    if tense == "past":
        before = [iv for iv in options if iv[0] <= point]
        return max(before) if before else None
    if tense == "future":
        after = [iv for iv in options if iv[0] >= point]
        return min(after) if after else None
    return min(options, key=lambda iv: abs((iv[0] - point).days), default=None)


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _weekday_interval(rel: str, a0: date, a1: date, tense: Tense) -> tuple[date, date] | None:
    """ "on Monday": the last such day on or before the article's date (the next one for future
    events); "last week": Monday to Sunday of the week before."""
    day = timedelta(days=1)
    words = rel.split()
    if words[0] == "on" and words[-1] in _WEEKDAYS:
        wanted = _WEEKDAYS.index(words[-1])
        if tense == "future":
            return a0 + ((wanted - a0.weekday()) % 7) * day, a1 + ((wanted - a1.weekday()) % 7) * day
        return a0 - ((a0.weekday() - wanted) % 7) * day, a1 - ((a1.weekday() - wanted) % 7) * day
    if words[-1] == "week":
        shift = {"last": -7, "previous": -7, "past": -7, "next": 7, "coming": 7}.get(words[0], 0)
        monday0 = a0 - a0.weekday() * day + shift * day
        monday1 = a1 - a1.weekday() * day + shift * day
        return monday0, monday1 + 6 * day
    return None


def _relative_interval(rel: str, a0: date, a1: date) -> tuple[date | None, date] | None:
    day = timedelta(days=1)
    if rel in ("today", "tonight", "currently"):
        return a0, a1
    if rel == "yesterday":
        return a0 - day, a1 - day
    if rel == "tomorrow":
        return a0 + day, a1 + day
    if rel.startswith("on "):
        return a0 - 7 * day, a1 + 7 * day
    unit = rel.split()[-1]
    if rel in ("this year", "earlier this year", "later this year"):
        return date(a0.year, 1, 1), date(a1.year, 12, 31)
    if rel in ("last year", "previous year", "past year"):
        return date(a0.year - 1, 1, 1), date(a1.year - 1, 12, 31)
    if rel in ("next year", "coming year", "following year"):
        return date(a0.year + 1, 1, 1), date(a1.year + 1, 12, 31)
    if rel in ("this month", "earlier this month", "later this month"):
        return a0.replace(day=1), _last_day(a1.year, a1.month)
    if rel in ("last month", "previous month", "past month"):
        first = a0.replace(day=1) - day
        return first.replace(day=1), a1.replace(day=1) - day
    if rel in ("next month", "coming month"):
        nxt = _last_day(a0.year, a0.month) + day
        return nxt, _last_day(nxt.year, nxt.month)
    if unit == "week":
        offset = {"last": -7, "previous": -7, "past": -7, "next": 7, "coming": 7}.get(rel.split()[0], 0)
        return a0 + (offset - 6) * day, a1 + (offset + 6) * day
    if rel == "recently" or rel.startswith("in recent"):
        return None, a1  # "recently" bounds only one side; any lower bound would be a guess
    ago = re.match(r"(\w+) (year|month|week|day)s? ago", rel)
    if ago:
        n = (
            1
            if ago.group(1) in ("a", "an", "one")
            else (int(ago.group(1)) if ago.group(1).isdigit() else _NUMBER_WORDS.get(ago.group(1), 0))
        )
        unit = ago.group(2)
        if unit == "year":
            return date(a0.year - n, 1, 1), date(a1.year - n, 12, 31)
        if unit == "month":
            lo_index, hi_index = a0.year * 12 + a0.month - 1 - n, a1.year * 12 + a1.month - 1 - n
            return date(lo_index // 12, lo_index % 12 + 1, 1), _last_day(hi_index // 12, hi_index % 12 + 1)
        span = 7 * n if unit == "week" else n
        slack = 3 if unit == "week" else 0
        return a0 - (span + slack) * day, a1 - (span - slack) * day
    m = re.match(r"(?:the )?(?:past|last) (decade|(\w+) (years|decades|months))", rel)
    if m:
        if m.group(1) == "decade":
            years = 10
        else:
            n = int(m.group(2)) if m.group(2).isdigit() else _NUMBER_WORDS.get(m.group(2), 0)
            years = n * {"years": 1, "decades": 10}.get(m.group(3), 0)
            if m.group(3) == "months":
                return a0 - timedelta(days=31 * n), a1
        return _shift_years(a0, -years), a1
    return None
