"""Date intervals from temporal expressions: stated, against a year, or against the article's date."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from tipbrief.common.months import WEEKDAYS
from tipbrief.facts.temporal.expressions import _NUMBER_WORDS, QUARTER_WORDS, Temporal, Tense

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


MONTH_DAYS_MODIFIER = {"early": (1, 10), "mid": (11, 20), "late": (21, 31), "end of": (21, 31)}


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
            if t.modifier in MONTH_DAYS_MODIFIER:
                lo_day, hi_day = MONTH_DAYS_MODIFIER[t.modifier or ""]
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


_PART = re.compile(
    r"(?:(?P<q>first|second|third|fourth|final|last) quarter|q(?P<qn>[1-4])"
    r"|(?P<h>first|second) (?:half|semester))"
    r"(?: of (?:the|this) year)?"
)


def _part_of_year(rel: str, a0: date, a1: date, tense: Tense) -> tuple[date, date] | None:
    """ "the fourth quarter", "Q4", "the first half", "the second semester" (of a year the text does
    not name): told in the past, the last such part over by the article's date (an annual report of
    March 2019 on "the first half" means 2018's); otherwise the first not over by then. "At the turn
    of the year", from 15 December to 15 January, and "mid-week" (Tuesday to Thursday), "at the start
    of the week" (Monday and Tuesday) of the article's week."""
    day = timedelta(days=1)
    if rel in ("turn of the year", "at the turn of the year"):
        year = a1.year if tense == "past" or a1.month < 7 else a1.year + 1
        return date(year - 1, 12, 15), date(year, 1, 15)
    if rel in ("mid-week", "midweek"):
        monday = a0 - a0.weekday() * day
        return monday + day, monday + 3 * day
    if rel in ("start of the week", "at the start of the week"):
        monday = a0 - a0.weekday() * day
        return monday, monday + day
    if rel == "later in the year":
        return a0, date(a1.year, 12, 31)
    if rel == "in the year ahead":
        return date(a1.year + 1, 1, 1), date(a1.year + 1, 12, 31)
    m = _PART.fullmatch(rel)
    if m is None:
        return None
    if m.group("h"):
        first, last = (1, 6) if m.group("h") == "first" else (7, 12)
    else:
        n = int(m.group("qn")) if m.group("qn") else QUARTER_WORDS[m.group("q")]
        first, last = 3 * n - 2, 3 * n
    year = a1.year
    if tense == "past":
        while _last_day(year, last) >= a1:
            year -= 1
    else:
        while _last_day(year, last) < a0:
            year += 1
    return date(year, first, 1), _last_day(year, last)


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
        if rel.startswith("by ") and "end" in rel and tense != "future":
            # "By the end of the year, six states had ratified": on or before it, whenever.
            end = _relative_interval(rel[3:] if "year-end" not in rel else "at year-end", a0, a1)
            return (None, end[1]) if end else None, f"“{t.text}” counted from the article's date"
        part = _part_of_year(rel, a0, a1, tense)
        if part is not None:
            return part, f"“{t.text}” counted from the article's date"
        found = (
            _weekday_interval(rel, a0, a1, tense)
            or _weekend_interval(rel, a0, a1, tense)
            or _relative_interval(rel, a0, a1)
        )
        return found, f"“{t.text}” counted from the article's date"
    if t.year is not None:
        return stated_interval(t), "stated"
    if t.kind == "month" and t.relative in _NAMED_MONTH_STEPS:  # "last November"
        return named_month_interval(t, a0, a1), f"“{t.text}” counted from the article's month"
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
    lo, hi = min(f[0] for f in fits), max(f[1] for f in fits)
    named = weekday_named(t)
    if named is not None and t.kind == "date":
        # "Thursday, September 22": of the days the article's date allows, those on that weekday.
        days = [
            iv[0]
            for y in range(lo.year, hi.year + 1)
            if (iv := year_interval(t, y)) and lo <= iv[0] <= hi and iv[0].weekday() == named
        ]
        if days:
            return (days[0], days[-1]), f"the {WEEKDAYS[named].title()} nearest the article's date"
    direction = {"future": "after", "past": "before"}.get(tense, "around")
    return (lo, hi), f"the nearest such day {direction} the article's date"


_NAMED_MONTH_STEPS = {"last": -1, "this": 0, "next": 1}


def named_month_interval(t: Temporal, a0: date, a1: date) -> tuple[date, date] | None:
    """ "last November": November of the year before the article's, even said in December (news
    style); "next March": the first March after the article's month; "this May": May of the
    article's year. Counted from each end of the article's interval, so that an article dated only
    to some days gives every month it may mean."""
    step = _NAMED_MONTH_STEPS.get(t.relative or "")
    month = t.month
    if step is None or month is None:
        return None

    def one(point: date) -> tuple[date, date] | None:
        if step == 0:
            return year_interval(t, point.year)
        if step < 0:
            # News style: "last November" is the year before's, even said in December ("the
            # charter, signed last November", written in December a year on).
            return year_interval(t, point.year - 1)
        # "next March": after the article's month, a year on when it is this one.
        return year_interval(t, point.year + (month <= point.month))

    lo, hi = one(a0), one(a1)
    return (lo[0], hi[1]) if lo and hi else None


def _nearest(t: Temporal, point: date, tense: Tense) -> tuple[date, date] | None:
    """The occurrence of a yearless expression nearest ``point``: the last one starting on or
    before it for past events, the first one starting on or after it for future ones."""
    options = [iv for year in range(point.year - 2, point.year + 3) if (iv := year_interval(t, year))]
    if tense == "past":
        before = [iv for iv in options if iv[0] <= point]
        return max(before) if before else None
    if tense == "future":
        # Still to come, or under way ("the meetings run from Sept 8 to 12", written on the 9th).
        after = [iv for iv in options if iv[1] >= point]
        return min(after) if after else None
    return min(options, key=lambda iv: abs((iv[0] - point).days), default=None)


def weekday_named(t: Temporal) -> int | None:
    """The weekday a date is given with ("Thursday, September 22"), if any."""
    first = re.match(r"[A-Za-z]+", t.text)
    word = first.group().casefold() if first else ""
    return WEEKDAYS.index(word) if word in WEEKDAYS else None


def _weekday_interval(rel: str, a0: date, a1: date, tense: Tense) -> tuple[date, date] | None:
    """ "on Monday": the last such day on or before the article's date (the next one for future
    events); "last Monday": the last one before it, "next Monday" the first after. Weeks are
    _relative_interval's."""
    day = timedelta(days=1)
    words = rel.split()
    if words[0] in ("last", "next") and words[-1] in WEEKDAYS:
        # "Protesters seized the airport last Tuesday", written on a Tuesday: the one a week back.
        wanted = WEEKDAYS.index(words[-1])
        if words[0] == "last":
            return _weekday_step(a0, wanted, -1), _weekday_step(a1, wanted, -1)
        return _weekday_step(a0, wanted, 1), _weekday_step(a1, wanted, 1)
    named = [w for w in rel.replace(",", " ").split() if w not in ("on", "of", "the")]
    if named[0] in WEEKDAYS and named[-1] == "week":
        # "On Tuesday last week": that weekday of the calendar week named (Monday to Sunday).
        week = _relative_interval(" ".join(named[1:]), a0, a1)
        if week is None or week[0] is None:
            return None
        offset = WEEKDAYS.index(named[0]) * day
        return week[0] + offset, week[1] - 6 * day + offset
    if words[0] == "on" and words[-1] in WEEKDAYS:
        wanted = WEEKDAYS.index(words[-1])
        if tense == "future":
            return a0 + ((wanted - a0.weekday()) % 7) * day, a1 + ((wanted - a1.weekday()) % 7) * day
        if tense == "present":
            # "meetings continue today, ending with the summit on Monday": either side of today.
            return a0 - ((a0.weekday() - wanted) % 7) * day, a1 + ((wanted - a1.weekday()) % 7) * day
        return a0 - ((a0.weekday() - wanted) % 7) * day, a1 - ((a1.weekday() - wanted) % 7) * day
    return None


def _weekend_interval(rel: str, a0: date, a1: date, tense: Tense) -> tuple[date, date] | None:
    """ "this weekend": the Saturday and Sunday of the article's week (Monday to Sunday); "last
    weekend", "past weekend": the week before's; "next weekend": the next one after the article's
    day, or the one after that; "over the weekend": the last one on or before the article's day
    when told in the past, the next one when future, either when neither."""
    if not rel.endswith("weekend"):
        return None
    day = timedelta(days=1)

    def saturday(point: date, weeks: int = 0) -> date:
        return point - point.weekday() * day + (5 + 7 * weeks) * day

    if rel == "this weekend":
        return saturday(a0), saturday(a1) + day
    if rel in ("last weekend", "past weekend"):
        return saturday(a0, -1), saturday(a1, -1) + day

    # (A weekend that began on or before the article's day: its own, else the week before's.)
    def last(point: date) -> date:
        return saturday(point, 0 if point.weekday() >= 5 else -1)

    def next_(point: date) -> date:
        return saturday(point, 0 if point.weekday() < 6 else 1)

    past = (last(a0), min(a1, last(a1) + day))
    coming = (next_(a0), next_(a1) + day)
    if rel == "next weekend":
        return coming[0], coming[1] + 7 * day
    if tense == "past":
        return past
    if tense == "future":
        return coming
    return past[0], coming[1]


def _weekday_step(point: date, wanted: int, step: int) -> date:
    """The first day on weekday ``wanted`` strictly before (``step`` -1) or after (1) ``point``."""
    return point + step * ((step * (wanted - point.weekday()) - 1) % 7 + 1) * timedelta(days=1)


def _relative_interval(rel: str, a0: date, a1: date) -> tuple[date | None, date] | None:
    day = timedelta(days=1)
    if rel in ("today", "tonight", "currently", "this morning", "this afternoon", "this evening"):
        return a0, a1
    if rel == "yesterday":
        return a0 - day, a1 - day
    if rel == "tomorrow":
        return a0 + day, a1 + day
    if rel.startswith("on "):
        return a0 - 7 * day, a1 + 7 * day
    unit = rel.split()[-1]
    # "Earlier" and "later" say on which side of the article's date: the rest of the year is not it.
    if rel == "earlier this year":
        return date(a0.year, 1, 1), a1
    if rel == "later this year":
        return a0, date(a1.year, 12, 31)
    if rel == "this year":
        return date(a0.year, 1, 1), date(a1.year, 12, 31)
    if rel in ("last year", "previous year", "past year"):
        return date(a0.year - 1, 1, 1), date(a1.year - 1, 12, 31)
    if rel in ("next year", "coming year", "following year"):
        return date(a0.year + 1, 1, 1), date(a1.year + 1, 12, 31)
    if rel == "earlier this month":
        return a0.replace(day=1), a1
    if rel == "later this month":
        return a0, _last_day(a1.year, a1.month)
    if rel == "this month":
        return a0.replace(day=1), _last_day(a1.year, a1.month)
    if rel in ("last month", "previous month", "past month"):
        first = a0.replace(day=1) - day
        return first.replace(day=1), a1.replace(day=1) - day
    if rel in ("next month", "coming month"):
        first = _last_day(a0.year, a0.month) + day
        last = _last_day(a1.year, a1.month) + day
        return first, _last_day(last.year, last.month)
    if unit == "week" and " ago " not in rel:
        # Calendar weeks, Monday to Sunday, as newsrooms count them: "last week" in a Wednesday's
        # paper is the Monday to Sunday before it, not the seven days before.
        if rel.endswith("past week"):
            return a0 - 7 * day, a1  # the seven days before, whatever day they began
        offset = {"last": -7, "previous": -7, "next": 7, "coming": 7}.get(rel.split()[0], 0)
        monday = a0 - a0.weekday() * day + offset * day
        sunday = a1 - a1.weekday() * day + (offset + 6) * day
        if rel == "earlier this week":
            return monday, a1
        if rel == "later this week":
            return a0, sunday
        return monday, sunday
    coming = re.fullmatch(r"in the (?:coming|next(?: few)?) (days|weeks|months)", rel)
    if coming:
        # "in the coming weeks": after the article's date, up to about three of that unit's next step.
        return a0, a1 + {"days": 14, "weeks": 91, "months": 365}[coming.group(1)] * day
    end = re.fullmatch(r"(by )?(?:the )?end of (?:the|this|(next|last)) (month|year)|(by|\w+) year-end", rel)
    if end:
        # "at the end of next month": that month (a meeting "at the end of" one may be held on its
        # last day or a week before; the whole month holds either); "the end of the year": its
        # December; "by the end of the year", a deadline: from the article's date to its last day.
        step = {"next": 1, "last": -1}.get(end.group(2) or "", 0)
        if end.group(3) == "month":
            lo_i, hi_i = a0.year * 12 + a0.month - 1 + step, a1.year * 12 + a1.month - 1 + step
            lo, hi = date(lo_i // 12, lo_i % 12 + 1, 1), _last_day(hi_i // 12, hi_i % 12 + 1)
        else:
            lo, hi = date(a0.year + step, 12, 1), date(a1.year + step, 12, 31)
        deadline = end.group(1) or end.group(4) == "by"
        return (a0, hi) if deadline and a0 <= hi else (lo, hi)
    if rel == "recently" or rel.startswith("in recent"):
        return None, a1  # "recently" bounds only one side; any lower bound would be a guess
    ago = re.match(r"(\w+) (year|month|week|day|decade|fortnight)s? ago", rel)
    if ago:
        word = ago.group(1)
        n = 1 if word in ("a", "an", "one") else (int(word) if word.isdigit() else _NUMBER_WORDS.get(word, 0))
        unit = ago.group(2)
        if unit == "decade":
            n, unit = 10 * n, "year"  # "a decade ago"
        if unit == "fortnight":
            n, unit = 2 * n, "week"  # "a fortnight ago": two weeks
        if rel.endswith(" today") and unit in ("year", "week", "day"):
            # "Ten years ago today": the article's own day, that many years (weeks, days) before.
            if unit == "year":
                return _shift_years(a0, -n), _shift_years(a1, -n)
            back = (7 * n if unit == "week" else n) * day
            return a0 - back, a1 - back
        if rel.endswith(" this week") and unit == "year":
            # "two years ago this week": the calendar week, that many years before, that holds the
            # article's day then.
            then0, then1 = _shift_years(a0, -n), _shift_years(a1, -n)
            return then0 - then0.weekday() * day, then1 + (6 - then1.weekday()) * day
        if rel.endswith(" this month") and unit == "year":
            # "three years ago this month": the article's month, that many years before.
            return date(a0.year - n, a0.month, 1), _last_day(a1.year - n, a1.month)
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
