"""How a reader sees a date interval: "21–22 June 2018", "November 2015", "between May 2009 and …"."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from tipbrief.common.months import MONTH_NAMES, day_label, month_label


def interval_label(lo: date | None, hi: date | None) -> str:
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
