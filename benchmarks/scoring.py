"""Small helpers the evaluation scripts share (eval_facts, eval_dates, eval_news)."""

from __future__ import annotations

from datetime import date


def ratio(num: int, den: int) -> float | None:
    """num/den rounded to 3 places; None when there is nothing to divide by."""
    return round(num / den, 3) if den else None


def interval_text(lo: date | None, hi: date | None) -> str:
    """An interval of days as a table shows it: one day, or "lo – hi" with "…" for an open side."""
    if lo == hi and lo is not None:
        return lo.isoformat()
    return f"{lo.isoformat() if lo else '…'} – {hi.isoformat() if hi else '…'}"


def contains(outer: tuple[date | None, date | None], inner: tuple[date | None, date | None]) -> bool:
    """Whether ``outer`` contains ``inner``: an unbounded side of ``outer`` contains everything, an
    unbounded side of ``inner`` is contained only by an unbounded side."""
    (olo, ohi), (ilo, ihi) = outer, inner
    low = olo is None or (ilo is not None and olo <= ilo)
    high = ohi is None or (ihi is not None and ihi <= ohi)
    return low and high


def locate(text: str, needle: str, after: int, where: object) -> int:
    """Where ``needle`` first occurs in ``text`` at or after ``after``; a missing one is an error
    naming ``where`` (a line number, an article)."""
    at = text.find(needle, after)
    if at < 0:
        raise ValueError(f"{where}: {needle!r} is not in the text (after offset {after})")
    return at
