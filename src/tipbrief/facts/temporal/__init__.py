"""Temporal expressions: find them in cleaned text and turn them into date intervals.

- ``expressions``: the alternatives in priority order (``_PATTERNS``), each with its reader
  (``_READERS``, in the same order), as markdown-it keeps its rules in one list;
- ``intervals``: what an expression means as an interval, alone, within a year, or against the
  article's own date.
"""
