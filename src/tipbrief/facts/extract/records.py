"""What extraction gives per article: sentences, date constraints, event candidates, the Extraction."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from tipbrief.common.errors import Problem
from tipbrief.facts.corpus import Article, Paragraph
from tipbrief.facts.gazetteer import Candidate, Gazetteer
from tipbrief.facts.model import DateInterval, GlossaryEntry, Place, Span
from tipbrief.facts.reference import Row
from tipbrief.facts.temporal.expressions import Temporal, Tense


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a kept paragraph, in cleaned text."""

    paragraph: Paragraph
    start: int
    end: int
    text: str
    """paragraph.text[start:end], kept: every rule reads it."""

    def span(self, doc: str, original: str, start: int | None = None, end: int | None = None) -> Span:
        s, e = self.paragraph.span(
            self.start + (start or 0), self.start + (end if end is not None else len(self.text))
        )
        return Span(doc, s, e, original[s:e])


MEETING_SPAN_DAYS = 6
"""How many days a meeting may run beyond the one day the text names of it (a week in all): the
extraction widens that day by it, and the resolution widens a yearless one once placed."""


@dataclass(frozen=True, slots=True)
class Constraint:
    """One piece of evidence about when an event happened (or when the article was written)."""

    rule: str
    note: str
    earliest: date | None
    latest: date | None
    span: Span | None = None
    reference: str | None = None
    url: str | None = None
    annual: Temporal | None = None
    """A day and month without a year: the event falls on it in whichever year the rest allows."""
    stated: bool = False
    day: date | None = None
    """The one day the text names of a meeting ("which opened on 21 June"), around which the bounds
    were widened (to the week after, before, or either side)."""
    part: bool = False
    """It names one day of a multi-day meeting ("opened here today"), not the meeting's bounds: it
    helps tell which meeting is meant, but a stated span or the meeting's reference row, when there
    is one, gives the dates ("the 27th Summit opens today" under a Nov 21 dateline is 18–22
    November 2015 with its related meetings, not 21–22)."""
    side: str = ""
    """For a yearless day of a meeting (``part``), which end of it the verb before the day says it is:
    "first" ("which began Oct. 19"), "last" ("closed on 2 November"), or "" when the text does not
    say; "late" for a month's last part that the meeting held some of ("at the end of September")."""


@dataclass(frozen=True, slots=True)
class Identification:
    """An expression naming a dated thing ("27th ASEAN Summit", "the Summit in Labuan Bajo")."""

    field: str
    text: str
    span: Span
    candidates: tuple[Candidate, ...]
    before: str = ""
    """The words just before the mention, which say whether an event took place at it."""
    after: str = ""
    """The words just after it ("… had adopted a declaration": the meeting did it)."""


@dataclass(frozen=True, slots=True)
class PersonMention:
    name: str
    role: str
    span: Span
    term: Constraint | None = None


@dataclass(frozen=True, slots=True)
class EventCandidate:
    """An event as one article states it, before merging across sources."""

    kind: str
    """meeting, summit, workshop, consultation, … for meetings; signing, adoption, ratification,
    deposit or entry-into-force for acts on an instrument; launch or publication."""
    title: str
    key: str
    """The identity (kind, subject, party, ordinal, and the name when no subject is known), as
    ``identity_key`` writes it: candidates with equal keys state the same event when their places
    and dates can agree."""
    sources: tuple[Span, ...]
    actors: tuple[str, ...]
    instruments: tuple[str, ...]
    place: Place | None
    place_span: Span | None
    constraints: tuple[Constraint, ...]
    identifications: tuple[Identification, ...]
    tense: Tense
    subject: str = ""
    """What the event is of: an instrument's reference id, a meeting series or body ("AMMTC",
    "ACWC", "ASEAN Summit"); empty when only the title names it."""
    party: str = ""
    """The country that ratifies or deposits; empty for acts of all parties and for meetings."""
    ordinal: int | None = None
    """The number of a numbered meeting ("the 16th AMMTC": 16) or of an event in a series ("the
    second consultation": 2)."""
    generic: bool = False
    """Names no event of its own ("the meeting", "the two-day workshop"): it joins the event the
    article named before it, or takes the article's headline as its name."""


@dataclass(frozen=True, slots=True)
class DateFound:
    """A temporal expression with its original span and what the article's own context makes of it."""

    span: Span
    temporal: Temporal
    earliest: date | None
    latest: date | None
    stated: bool
    note: str
    reference: str | None = None
    """What the article's date was read from, when the expression needed it and a sidecar gave it."""
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything one article yields; pure data, cacheable per article."""

    document: str
    dates: tuple[DateFound, ...]
    places: tuple[tuple[Span, Place], ...]
    bodies: tuple[tuple[Span, str], ...]
    people: tuple[PersonMention, ...]
    instruments: tuple[tuple[Span, str], ...]
    glossary: tuple[GlossaryEntry, ...]
    events: tuple[EventCandidate, ...]
    anchor: tuple[Constraint, ...] = field(default=())
    """Constraints on the article's own date."""
    written: DateInterval | None = None
    """The article's own date, from ``anchor`` (see written.py)."""
    warnings: tuple[Problem, ...] = ()
    """What the corpus stage found wrong but could read past (unusable front matter)."""


@dataclass
class _Context:
    """Per-article scratch state shared by the extraction rules (never leaves this package)."""

    article: Article
    gaz: Gazetteer
    sentences: tuple[Sentence, ...]
    glossary: dict[str, str]
    instrument_names: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)
    """Per sentence text: the instruments and events rules both ask (see _instrument_names)."""
    article_rows: tuple[Row, ...] | None = None
    article_bodies: tuple[str, ...] | None = None
    """The bodies the article names, in order (see meetings.article_bodies)."""
    frames: dict[tuple[int, int], list[Any]] = field(default_factory=dict)
    """Per sentence (paragraph start, sentence start): the events it states, before their evidence
    is shared out (events._frames), which the article's date and the events both ask."""
    recorded_values: dict[int, tuple[date, date]] = field(default_factory=dict)
    """Days and months without a year that fall on a recorded event named beside them ("opened on
    November 25", the 14th AMMTC on record for 25-26 November 2020), by where they start in the
    original text: their value in the recorded year (filled by written._recorded_days)."""
    named_days: list[tuple[int, date | None]] = field(default_factory=list)
    """The dates the article's expressions name, by where they start in the original text: a single
    day is what "the same day" or "the following day" counts from; a wider date (None) is what they
    cannot count from (filled by dates._extract_dates)."""
    named_spans: list[int] = field(default_factory=list)
    """Where the article names a span of days ("from November 12 to 15"), in the original text: a
    count of days after it ("Ten days later") counts from one of them, the story does not say which
    (filled by dates._extract_dates)."""
    article_laws: tuple[str, ...] | None = None
    """The national laws the article names by their names, in order (see instruments._article_laws)."""
    dateline: tuple[Place, Span, int] | tuple[()] | None = None
    """Where the article was filed (its place, span, and where the dateline ends); () when it has
    none; None until asked (see events._dateline)."""
    """The instruments with a reference row the article names, in order (see acts.article_instruments)."""
    on_asean: bool | None = None
    """Whether the article names ASEAN (see events._on_asean); None until asked."""
    update_days: dict[int, str] | None = None
    """Per paragraph (its start): the day of the page's dated update it stands in, as written ("UPDATE,
    2 February: …", or under "ORIGINAL POST, 23 November 2015:"); None until asked (see dates.own_days)."""

    @property
    def doc(self) -> str:
        return self.article.document.id

    @property
    def original(self) -> str:
        return self.article.document.text

    def sentence_index(self, text: str) -> int | None:
        """Where the (first) sentence whose text is ``text`` stands among the article's; None if none."""
        return next((i for i, x in enumerate(self.sentences) if x.text == text), None)


def identity_key(kind: str, subject: str, party: str, ordinal: int | None, name: str) -> str:
    """``kind|subject|party|ordinal|~name``: the name counts only when no subject is known."""
    return f"{kind}|{subject}|{party}|{'' if ordinal is None else ordinal}|{'' if subject else '~' + name}"


def parse_key(key: str) -> tuple[str, str, str, int | None, str]:
    """The parts ``identity_key`` joined (kind, subject, party, ordinal, name)."""
    kind, subject, party, ordinal, name = [*key.split("|", 4), "", "", "", ""][:5]
    return kind, subject, party, int(ordinal) if ordinal.isdigit() else None, name.removeprefix("~")


def places_agree(a: Place | None, b: Place | None) -> bool:
    """Two places can be one event's: equal, either unknown, or a country and a city in it
    ("Cebu, Philippines" and "the Philippines")."""
    if a is None or b is None or a == b:
        return True
    return (a.name == a.country and b.country == a.name) or (b.name == b.country and a.country == b.name)


def consistent(
    constraints: list[Constraint] | tuple[Constraint, ...],
    allows: Callable[[date | None, date | None], bool] | None = None,
) -> tuple[list[Constraint], list[Constraint]]:
    """Keep constraints in the given order while they agree (and, given ``allows``, while it allows
    what they leave together); return (kept, contradicting)."""
    kept: list[Constraint] = []
    dropped: list[Constraint] = []
    for c in constraints:
        both = intersect([*kept, c])
        (kept if both is not None and (allows is None or allows(*both)) else dropped).append(c)
    return kept, dropped


def intersect(
    constraints: tuple[Constraint, ...] | list[Constraint],
) -> tuple[date | None, date | None] | None:
    """Intersection of the constraints' intervals; None when it is empty."""
    lo: date | None = None
    hi: date | None = None
    for c in constraints:
        if c.earliest and (lo is None or c.earliest > lo):
            lo = c.earliest
        if c.latest and (hi is None or c.latest < hi):
            hi = c.latest
    if lo and hi and lo > hi:
        return None
    return lo, hi
