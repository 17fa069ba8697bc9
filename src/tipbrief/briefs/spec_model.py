"""Typed records for a validated brief spec (what spec.py produces and select.py consumes)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from tipbrief.common.errors import Location

Audience = Literal["ministerial", "analyst", "public"]
AUDIENCES: tuple[Audience, ...] = ("ministerial", "analyst", "public")
PageSize = Literal["A4", "Letter"]
PAGE_SIZES: tuple[PageSize, ...] = ("A4", "Letter")
LANGUAGES: tuple[str, ...] = ("en",)
DEFAULT_MARKING = "UNCLASSIFIED // FOR OFFICIAL USE"
Section = Literal[
    "changes",
    "summary",
    "key-points",
    "chronology",
    "timeline",
    "actors",
    "instruments",
    "glossary",
    "conflicts",
    "sources",
]
SECTIONS: tuple[Section, ...] = (
    "summary",
    "key-points",
    "chronology",
    "timeline",
    "actors",
    "instruments",
    "glossary",
    "conflicts",
    "sources",
)
"""Every section a spec's ``sections`` list can name, in its own order. "changes" is not among them:
it follows the summary whenever the brief says what changed since an earlier edition."""


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def earliest(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> date:
        month = self.month or 12
        return date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])


@dataclass(frozen=True, slots=True)
class PeriodBound:
    """One end of a brief's period: a (partial) date, or a reference to an event in the fact base."""

    where: Location
    date: PartialDate | None = None
    event: str | None = None
    """An event id, or a description that must match exactly one event."""


@dataclass(frozen=True, slots=True)
class Criteria:
    """Ways to match events; an empty tuple means "no condition"."""

    terms: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Topic:
    """What the brief is about and how events are chosen for it."""

    summary: str
    include: Criteria = field(default_factory=Criteria)
    exclude: Criteria = field(default_factory=Criteria)


@dataclass(frozen=True, slots=True)
class BriefSpec:
    """A validated brief spec."""

    name: str
    """File stem: outputs are build/NAME.{md,html,pdf,json}."""
    path: str
    title: str
    audience: Audience
    topic: Topic
    author: str
    marking: str
    """Classification or handling marking, printed in the running header (not for public briefs)."""
    subtitle: str | None = None
    issued: date | None = None
    """Date of issue: from the spec, else SOURCE_DATE_EPOCH, never the wall clock."""
    language: str = "en"
    period_from: PeriodBound | None = None
    period_to: PeriodBound | None = None
    sections: tuple[str, ...] | None = None
    """Sections in order, when the spec adjusts the audience's defaults."""
    page_size: PageSize = "A4"
    keywords: tuple[str, ...] = ()
    changes: bool = True
    """Whether the brief says what changed since its earlier edition (the audience's default when the
    spec does not say: true, except for public briefs)."""


def changes_by_default(audience: Audience) -> bool:
    """Ministers and analysts ask what is new since the last brief; the public reads one brief."""
    return audience != "public"
