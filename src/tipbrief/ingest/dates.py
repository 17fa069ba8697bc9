"""A publication date written out in a document's text ("26 June 2018", "June 26, 2018", "2018-06-26")."""

from __future__ import annotations

import re
from datetime import date

from tipbrief.common.months import MONTH_NAMES

_MONTHS = {name.lower(): i for i, name in enumerate(MONTH_NAMES, start=1)} | {
    name[:3].lower(): i for i, name in enumerate(MONTH_NAMES, start=1)
}
_MONTH = r"(?P<{}>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DATE = re.compile(
    rf"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+{_MONTH.format('m')},?\s+(?P<y>(?:19|20)\d\d)\b"
    rf"|\b{_MONTH.format('m2')}\s+(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y2>(?:19|20)\d\d)\b"
    r"|\b(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)\b",
    re.IGNORECASE,
)


def first_full_date(text: str) -> date | None:
    """The first real calendar date written in full in ``text``, if any."""
    for m in _DATE.finditer(text):
        try:
            if m.group("iy"):
                return date(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
            if m.group("d"):
                return date(int(m.group("y")), _MONTHS[m.group("m").lower()], int(m.group("d")))
            return date(int(m.group("y2")), _MONTHS[m.group("m2").lower()], int(m.group("d2")))
        except ValueError:  # "31 June 2018": not a date, look further
            continue
    return None


_PDF_DATE = re.compile(r"D:(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})")


def pdf_date(value: object) -> date | None:
    """The day of a PDF date string such as ``D:20180627101500+07'00'`` (a year alone is no day)."""
    m = _PDF_DATE.match(str(value or "").strip())
    if not m:
        return None
    try:
        return date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    except ValueError:
        return None
