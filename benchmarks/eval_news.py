"""Score the fact base of a news set (benchmarks/newsset/<set>/) against the set's gold.yaml.

    python -m benchmarks.eval_news [--set dev|heldout|both]

Builds the fact base from the set's folder as a user would (no cache, the articles as they are),
then reports, per set, and writes build/eval-news-<set>.json:

- events: gold events, how many the fact base has (a tool event matched to the gold event: the
  gold article among its sources, its title containing a keyword, a compatible kind, and the party
  in its title or actors when the gold event has one), whose interval contains the real date, is
  the tight interval, or does not contain the real date (listed); wrong merges (one tool event
  matched to two gold ids) and missed merges (one gold id matched by two or more tool events);
  places right over the events found;
- the article's own date: how many articles the fact base dates to an interval containing the day
  they were written (Document.written: the interval from every clue the article gives);
- temporal expressions: the date mentions the fact base gives each document, built WITHOUT telling
  tipbrief the article's date, against the gold temporals (span precision, recall, F1 by overlap;
  value accuracy = the mention's interval equals the gold one), beside dateparser's search_dates
  and datefinder, which ARE given the true article date (as benchmarks/eval_dates.py does).

The gold format is /work/notes/newsset-format.md's (see parse_gold). The scoring functions are pure
and take this module's own records (GoldEvent, ToolEvent), so that only tool_view reads tipbrief's
fact base.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from benchmarks.eval_dates import Case, Expected, Found, find_datefinder, find_dateparser, score
from benchmarks.eval_dates import render_table as render_temporal_table
from benchmarks.eval_facts import event_articles
from benchmarks.scoring import contains, interval_text, locate, ratio

# tipbrief's API, imported here only: the modules are moving to subpackages (tipbrief.factbase will
# become something like tipbrief.build.factbase); this line is the one to change then.
from tipbrief.build.factbase import build_fact_base
from tipbrief.facts.reference import load_reference

ROOT = Path(__file__).resolve().parent.parent
NEWSSET = ROOT / "benchmarks" / "newsset"
SETS = (
    *("dev", "dev2", "heldout", "heldout2", "heldout3", "heldout4", "heldout5"),
    *("heldout6", "heldout7", "heldout8", "heldout9", "heldout10", "heldout11", "heldout12"),
    *("heldout13", "heldout14", "heldout15", "heldout16", "heldout17", "heldout18", "heldout19"),
    *("heldout20", "heldout21", "heldout22", "heldout23", "heldout24", "heldout25", "heldout26"),
    *("heldout27", "heldout28", "heldout29", "heldout30", "heldout31", "heldout32"),
    *("heldout33", "heldout34", "heldout35", "heldout36", "heldout37", "heldout38"),
    *("heldout39", "heldout40", "heldout41", "heldout42", "heldout43", "heldout44"),
    *("heldout45", "heldout46", "heldout47", "heldout48", "heldout49", "heldout50"),
    *("heldout51", "heldout52", "heldout53", "heldout54", "heldout55", "heldout56"),
    *("heldout57", "heldout58", "heldout59", "heldout60", "heldout61", "heldout62"),
    *("heldout63", "heldout64", "heldout65", "heldout66", "heldout67", "heldout68"),
    *("heldout69", "heldout70", "heldout71", "heldout72", "heldout73", "heldout74"),
    *("heldout75", "heldout76", "heldout77", "heldout78", "heldout79", "heldout80"),
    *("heldout81", "heldout82", "heldout83", "heldout84", "heldout85", "heldout86"),
    *("heldout87", "heldout88", "heldout89", "heldout90", "heldout91", "heldout92"),
    *("heldout93", "heldout94", "heldout95", "heldout96", "heldout97", "heldout98", "heldout99"),
    *("heldout100", "heldout101", "heldout102", "heldout103", "heldout104"),
    *("heldout105", "heldout106", "heldout107", "heldout108", "heldout109"),
    *("heldout110", "heldout111", "heldout112", "heldout113", "heldout114"),
    *("heldout115", "heldout116", "heldout117", "heldout118", "heldout119"),
    *("heldout120", "heldout121", "heldout122", "heldout123", "heldout124"),
    *("heldout125", "heldout126", "heldout127", "heldout128", "heldout129"),
    *("heldout130", "heldout131", "heldout132", "heldout133", "heldout134"),
    *("heldout135", "heldout136", "heldout137", "heldout138", "heldout139"),
    *("heldout140", "heldout141", "heldout142", "heldout143", "heldout144"),
    *("heldout145", "heldout146", "heldout147", "heldout148", "heldout149"),
    *("heldout150", "heldout151", "heldout152", "heldout153", "heldout154"),
    *("heldout155", "heldout156", "heldout157", "heldout158", "heldout159"),
    *("heldout160", "heldout161", "heldout162", "heldout163", "heldout164"),
    *("heldout165", "heldout166", "heldout167", "heldout168", "heldout169"),
    *("heldout170", "heldout171", "heldout172", "heldout173", "heldout174"),
    *("heldout175", "heldout176", "heldout177", "heldout178", "heldout179"),
    *("heldout180", "heldout181", "heldout182", "heldout183", "heldout184"),
    *("heldout185", "heldout186", "heldout187", "heldout188", "heldout189"),
    *("heldout190", "heldout191", "heldout192", "heldout193", "heldout194"),
    *("heldout195", "heldout196", "heldout197", "heldout198", "heldout199"),
    *("heldout200", "heldout201", "heldout202", "heldout203", "heldout204"),
    *("heldout205", "heldout206", "heldout207", "heldout208", "heldout209"),
    *("heldout210", "heldout211", "heldout212", "heldout213", "heldout214"),
    *("heldout215", "heldout216", "heldout217", "heldout218", "heldout219"),
    *("heldout220", "heldout221", "heldout222", "heldout223", "heldout224"),
    *("heldout225", "heldout226", "heldout227", "heldout228", "heldout229"),
    *("heldout230", "heldout231", "heldout232", "heldout233", "heldout234"),
    *("heldout235", "heldout236", "heldout237", "heldout238", "heldout239"),
    *("heldout240", "heldout241", "heldout242", "heldout243", "heldout244"),
    *("heldout245", "heldout246", "heldout247", "heldout248", "heldout249"),
    *("heldout250", "heldout251", "heldout252", "heldout253", "heldout254"),
    *("heldout255", "heldout256", "heldout257", "heldout258", "heldout259"),
    *("heldout260", "heldout261", "heldout262", "heldout263", "heldout264"),
    *("heldout265", "heldout266", "heldout267", "heldout268", "heldout269"),
    *("heldout270", "heldout271", "heldout272", "heldout273", "heldout274"),
    *("heldout275", "heldout276", "heldout277", "heldout278", "heldout279"),
    *("heldout280", "heldout281", "heldout282", "heldout283", "heldout284"),
)
Interval = tuple[date | None, date | None]

# A gold kind and the tool kinds that may stand for it (tipbrief calls a signing, a ratification
# or a deposit an "adoption", and a meeting by its noun: dialogue, forum, ...).
COMPATIBLE_KINDS: dict[str, frozenset[str]] = {
    "meeting": frozenset(
        {"meeting", "summit", "conference", "forum", "dialogue", "consultation", "retreat", "roundtable"}
        | {"caucus", "congress"}
    ),
    "summit": frozenset({"summit", "meeting"}),
    "signing": frozenset({"signing", "adoption"}),
    "adoption": frozenset({"adoption", "signing", "declaration", "endorsement"}),
    "declaration": frozenset({"declaration", "adoption"}),
    "ratification": frozenset({"ratification", "deposit", "adoption"}),
    "deposit": frozenset({"deposit", "ratification", "adoption"}),
    "entry-into-force": frozenset({"entry-into-force", "adoption"}),
    "launch": frozenset({"launch", "publication"}),
    "publication": frozenset({"publication", "launch"}),
    "workshop": frozenset({"workshop", "seminar", "training", "symposium", "meeting", "forum"}),
    "training": frozenset({"training", "workshop", "seminar"}),
    "seminar": frozenset({"seminar", "workshop", "symposium", "forum", "conference"}),
    "consultation": frozenset({"consultation", "meeting", "workshop", "dialogue", "forum"}),
    "conference": frozenset({"conference", "meeting", "forum", "seminar", "symposium"}),
}


# Acts of one day: a span the gold gives for one is its uncertainty about the day, not the act's days.
ONE_DAY_ACTS = frozenset(
    {
        "signing",
        "adoption",
        "declaration",
        "ratification",
        "deposit",
        "entry-into-force",
        "launch",
        "publication",
    }
)


# --- gold ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One event of one article, as gold.yaml has it."""

    article: str
    id: str
    kind: str
    subject: str
    party: str | None
    ordinal: int | None
    keywords: tuple[str, ...]
    truth: Interval
    tight: Interval
    place: str | None


@dataclass(frozen=True, slots=True)
class GoldArticle:
    name: str
    written: Interval
    written_tight: Interval
    temporals: tuple[Expected, ...]
    """Located in the article's text, in text order."""
    events: tuple[GoldEvent, ...]


def _interval(raw: Mapping[str, Any] | None) -> Interval:
    if raw is None:
        return (None, None)
    return (raw.get("earliest"), raw.get("latest"))


def parse_gold(source: str, texts: Mapping[str, str]) -> tuple[GoldArticle, ...]:
    """Pure: gold.yaml's articles (in file order), each temporal located in ``texts[name]`` after the
    previous one's start; a temporal the text lacks, or an article without its text, is an error."""
    out = []
    for name, raw in ((yaml.safe_load(source) or {}).get("articles") or {}).items():
        if name not in texts:
            raise ValueError(f"gold.yaml names {name}, which is not in the set")
        text = texts[name]
        temporals = []
        after = 0
        for t in raw.get("temporals") or []:
            start = locate(text, t["text"], after, name)
            # The next one starts after this one starts: gold may nest one in another ("5 and 16
            # January", then "16 January").
            after = start + 1
            temporals.append(
                Expected(t["text"], start, start + len(t["text"]), t.get("earliest"), t.get("latest"))
            )
        events = tuple(
            GoldEvent(
                name,
                str(e["id"]),
                str(e["kind"]),
                str(e.get("subject") or ""),
                e.get("party"),
                e.get("ordinal"),
                tuple(str(k) for k in e.get("keywords") or ()),
                _interval(e.get("truth")),
                _interval(e.get("tight")),
                e.get("place"),
            )
            for e in raw.get("events") or []
        )
        out.append(
            GoldArticle(
                name,
                _interval(raw.get("written")),
                _interval(raw.get("written_tight")),
                tuple(temporals),
                events,
            )
        )
    return tuple(out)


# --- what the tool gives ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ToolEvent:
    """The parts of a fact-base event the scoring looks at."""

    id: str
    kind: str
    title: str
    earliest: date | None
    latest: date | None
    label: str
    place: str | None
    articles: frozenset[str]
    """File names of the articles among its sources."""
    actors: tuple[str, ...] = ()
    ordinal: int | None = None
    """The number of the meeting the fact base says it is ("27th ASEAN Summit": 27), if any."""
    subject: str = ""
    """The instrument or body the fact base says the event is of ("SOMTC"), if any."""
    names: tuple[str, ...] = ()
    """The other names the reference data records for that instrument ("Cebu Declaration" for the
    ASEAN Declaration on the Protection and Promotion of the Rights of Migrant Workers)."""
    quotes: tuple[tuple[str, str], ...] = ()
    """Each source's article file name and the text it quotes (the sentence the event was read in)."""

    @property
    def interval(self) -> Interval:
        return (self.earliest, self.latest)


@dataclass(frozen=True, slots=True)
class ToolView:
    """A fact base as this script scores it."""

    events: tuple[ToolEvent, ...]
    article_dates: dict[str, Interval | None]
    """Each article's own date as the fact base gives it (None: it gives none)."""
    mentions: dict[str, tuple[Found, ...]]
    """Each article's date mentions, in text order."""


def tool_view(facts: Any) -> ToolView:
    """The fact base's events, documents' dates and date mentions, keyed by article file name."""
    names = {d.id: Path(d.path).name for d in facts.documents}
    sources = event_articles(facts)
    instruments = {r.key: r.names("name", "short", "aliases") for r in load_reference().rows("instruments")}
    events = tuple(
        ToolEvent(
            e.id,
            e.kind,
            e.title,
            e.date.earliest,
            e.date.latest,
            e.date.label,
            e.place.name if e.place is not None else None,
            sources.get(e.id, frozenset()),
            tuple(e.actors),
            getattr(e, "ordinal", None),
            getattr(e, "subject", ""),
            instruments.get(getattr(e, "subject", ""), ()),
            tuple((names.get(x.document, x.document), x.quote) for x in e.sources),
        )
        for e in facts.events
    )
    article_dates: dict[str, Interval | None] = {names[d.id]: _written(d) for d in facts.documents}
    mentions: dict[str, list[Found]] = {}
    for m in facts.dates:
        name = names.get(m.document, m.document)
        mentions.setdefault(name, []).append(Found(m.start, m.end, m.text, m.earliest, m.latest))
    return ToolView(
        events,
        article_dates,
        {k: tuple(sorted(v, key=lambda f: (f.start, f.end))) for k, v in mentions.items()},
    )


# --- matching and scoring (pure) -------------------------------------------------------------


def _letters(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.casefold())


def _singular(text: str) -> str:
    """ "ASEAN Summits", "instruments of ratification": each word's plural is its singular (the tool
    titles each summit, each instrument, on its own)."""
    return re.sub(r"(?<=[a-z]{3})s\b", "", text)


def _numbered_subject(keyword: str, event: ToolEvent) -> bool:
    """ "7th AMMTC": the tool's event is that numbered meeting of that series, whatever its title
    spells out ("7th ASEAN Ministerial Meeting on Transnational Crime")."""
    m = re.fullmatch(r"(?P<n>\d+)(?:st|nd|rd|th)\s+(?P<series>\S+)", _unquoted(keyword))
    return bool(
        m and event.ordinal == int(m["n"]) and event.subject and _unquoted(event.subject) == m["series"]
    )


def _keyword_forms(keyword: str) -> tuple[str, ...]:
    """ "28th and 29th ASEAN Summits": the keyword, and the name of each summit it joins. "ACTIP
    enters into force", "RA 10364 is signed": a keyword written with the act, whose kind the gold
    gives apart, names its subject without the act's words."""
    forms = [keyword]
    joint = re.fullmatch(r"(?P<a>\d+\w\w) and (?P<b>\d+\w\w) (?P<rest>.+)", keyword)
    if joint is not None:
        forms += [f"{joint['a']} {joint['rest']}", f"{joint['b']} {joint['rest']}"]
    subject = _ACT_WORDS.sub(" ", keyword).strip(" ,.")
    subject = re.sub(r"\s+", " ", subject)
    if subject != keyword and re.search(r"[A-Z]{3,}|[A-Z][a-z]+\s+[A-Z]|\d", subject):
        forms.append(subject)
    return tuple(forms)


# An act's words in a keyword: "enters into force", "took effect", "is signed", "deposits".
_ACT_WORDS = re.compile(
    r"\b(?:(?:is|was|were|has\s+been|have\s+been)\s+)?"
    r"(?:(?:enters?|entered|entering|comes?|came|coming)\s+into\s+(?:force|effect)|into\s+force|"
    r"(?:takes?|took|taking)\s+effect|in\s+force|signed|signs|deposits|deposited|ratified|ratifies|"
    r"adopted|adopts|approved|approves|passed|passes|launched|launches|released)\b"
)


def _unquoted(text: str, acronyms: bool = False) -> str:
    # Apostrophes and bracketed acronyms aside: "Trafficking in Persons (TIP) Report" is the name a
    # title gives as "Trafficking in Persons Report"; "Eighth" is the "8th" a title writes.
    text = re.sub(r"['’]" if acronyms else r"\s*\([A-Z][\w&/-]*\)|['’]", "", text).casefold()
    return re.sub(r"\b[a-z]+(?:-[a-z]+)?\b", lambda m: _ORDINALS.get(m.group(), m.group()), text)


_ORDINALS = {
    w: f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"
    for n, w in enumerate(
        (
            *("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"),
            *("tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth"),
            *("seventeenth", "eighteenth", "nineteenth", "twentieth"),
        ),
        start=1,
    )
}


def kind_compatible(gold_kind: str, tool_kind: str) -> bool:
    allowed = COMPATIBLE_KINDS.get(gold_kind.casefold(), frozenset({gold_kind.casefold()}))
    return tool_kind.casefold() in allowed


def is_candidate(event: ToolEvent, gold: GoldEvent) -> bool:
    """The tool event could be the gold event: same article, compatible kind, a keyword in its
    title (or its subject), no other meeting number than the gold's, and the party (if any) in its
    title or actors ("Viet Nam" matches "Vietnam")."""
    # A keyword is in the title or is the subject the tool gives, apostrophes aside
    # ("Senior Officials' Meeting" and "Senior Officials Meeting" are one name).
    # Bracketed acronyms aside, or kept: a keyword may be the acronym itself ("ACWC").
    title = _unquoted(event.title) + " | " + _unquoted(event.title, acronyms=True)
    # ("10th summit" in the text, "10th ASEAN Summit" in the title: the tool names ASEAN's own.)
    title += " | " + re.sub(r"\basean\s+(?=summit)", "", _unquoted(event.title))
    # ("Cebu Declaration": a name the reference data records for the instrument the title names, as
    # a whole: "Bohol TIP Work Plan" is not "Bohol TIP Work Plan 2.0".)
    recorded = {_singular(_unquoted(n)) for n in event.names}
    if gold.article not in event.articles or not kind_compatible(gold.kind, event.kind):
        return False
    if (
        not any(
            _singular(_unquoted(form)) in _singular(title)
            or _singular(_unquoted(form)) in recorded
            or _unquoted(k) == _unquoted(event.subject)
            or _numbered_subject(form, event)
            # ("entered into force": a keyword of the act's words alone names no subject; the event must
            # then be that act itself, not merely of a kind that may stand for it.)
            or (not _ACT_WORDS.sub(" ", k).strip(" ,.") and event.kind.casefold() == gold.kind.casefold())
            for k in gold.keywords
            for form in _keyword_forms(k)
        )
        and not _party_act_on_subject(event, gold, title, recorded)
        and not _same_numbered_meeting(event, gold)
    ):
        return False
    # The tool says which numbered meeting it is: the 27th Summit is not a report of the 18th.
    if gold.ordinal is not None and event.ordinal is not None and gold.ordinal != event.ordinal:
        return False
    if gold.party:
        party = _letters(gold.party)
        return any(party in _letters(text) for text in (event.title, *event.actors))
    # ("EU IUU yellow card (Viet Nam)", a gold with no party, is not the tool's "EU yellow card on
    # illegal fishing for Thailand": the countries the gold's subject names and those the tool's
    # title and actors name must meet, when both name any.)
    named = _countries_in(gold.subject)
    acting = {c for text in (event.title, *event.actors) for c in _countries_in(text)}
    return not (named and acting and not named & acting)
    return True


def _party_act_on_subject(event: ToolEvent, gold: GoldEvent, title: str, recorded: set[str]) -> bool:
    """A party's act (a deposit, a ratification: each stands for the other, as kind_compatible
    says, and the matching prefers the one whose dates hold the truth) on the instrument the gold
    names as its subject, whatever the keywords quote ("Cambodia and Singapore, which deposited"):
    the party, checked apart, tells it from another party's act."""
    if not gold.party or gold.kind.casefold() not in _PARTY_ACTS or event.kind.casefold() not in _PARTY_ACTS:
        return False
    subject = _singular(_unquoted(gold.subject))
    return bool(subject) and (subject in _singular(title) or subject in recorded)


_PARTY_ACTS = frozenset({"deposit", "ratification"})


def _same_numbered_meeting(event: ToolEvent, gold: GoldEvent) -> bool:
    """The meeting of the series the gold names as its subject, with the gold's number ("the 19th
    AMMTC"), whatever the keywords quote ("transnational crime ministers")."""
    return (
        gold.ordinal is not None
        and event.ordinal == gold.ordinal
        and bool(event.subject)
        and _unquoted(event.subject) == _unquoted(gold.subject)
    )


@dataclass(frozen=True, slots=True)
class Match:
    """A gold event and the tool event matched to it, if any."""

    gold: GoldEvent
    event: ToolEvent | None

    @property
    def found(self) -> bool:
        return self.event is not None

    @property
    def contains_truth(self) -> bool:
        return self.event is not None and contains(self.event.interval, self.gold.truth)

    @property
    def tight(self) -> bool:
        return self.event is not None and self.event.interval == self.gold.tight

    @property
    def unsettled(self) -> bool:
        """A one-day act whose real day the gold knows only within a span ("adopted at the 15th
        AMMTC", 28-30 September 2021), dated by the tool to part of that span: the tool's days may
        hold the real one or not, and the gold cannot tell. Neither the truth contained nor a wrong
        date."""
        if self.event is None or self.contains_truth or self.gold.kind.casefold() not in ONE_DAY_ACTS:
            return False
        (lo, hi), (t_lo, t_hi) = self.event.interval, self.gold.truth
        if t_lo is None or t_hi is None or t_lo == t_hi:
            return False
        return (lo is None or lo <= t_hi) and (hi is None or t_lo <= hi)

    @property
    def wrong_date(self) -> bool:
        return self.event is not None and not self.contains_truth and not self.unsettled

    @property
    def place_right(self) -> bool:
        if self.event is None:
            return False
        got, want = self.event.place, self.gold.place
        if got is None or want is None:
            return got is None and want is None
        return same_place(got, want)


def same_place(a: str, b: str) -> bool:
    """One place however spelt: a name or an alias of one row of places.csv ("Ha Noi" is Hanoi,
    "Rangoon" Yangon, "Pasay City" Pasay), else the same letters."""
    spellings = _place_spellings()
    return spellings.get(a.casefold(), a.casefold()) == spellings.get(b.casefold(), b.casefold())


def _countries_in(text: str) -> frozenset[str]:
    """The countries of places.csv a text names, by any of their names (case-folded row names)."""
    if not text:
        return frozenset()
    pattern, rows = _country_names()
    return frozenset(rows[m.group().casefold()] for m in pattern.finditer(text))


@lru_cache(maxsize=1)
def _country_names() -> tuple[re.Pattern[str], dict[str, str]]:
    rows: dict[str, str] = {}
    for row in load_reference().rows("places"):
        # (The European Union is on file as a country, for the places it meets in; it is a bloc,
        # not a party an act is by or for.)
        if row.get("kind") == "country" and row.get("name") != "European Union":
            for name in row.names("name", "aliases"):
                rows.setdefault(name.casefold(), row.get("name").casefold())
    names = sorted(rows, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b", re.IGNORECASE), rows


@lru_cache(maxsize=1)
def _place_spellings() -> dict[str, str]:
    """Every name and alias of places.csv, case-folded, to its row's name (read once)."""
    spellings: dict[str, str] = {}
    for row in load_reference().rows("places"):
        for name in row.names("name", "aliases"):
            spellings.setdefault(name.casefold(), row.get("name").casefold())
    return spellings


_EDITION_YEAR = re.compile(
    r"\b(?:19|20)\d\d\s+(?:[A-Z][\w-]*\s+){0,4}Report\b|\bReport\b[^|]*\s(?:19|20)\d\d$", re.IGNORECASE
)


def match_events(gold: Sequence[GoldEvent], events: Sequence[ToolEvent]) -> tuple[Match, ...]:
    """Pure: each gold event (in order) with its best candidate.

    Among candidates, one not yet matched to another gold id wins (so that a tool event standing
    for two gold events shows up as a wrong merge only when nothing else could match), then one
    whose interval contains the real date, then one of the gold's own kind, then the tight one,
    then the right place, then by id.
    One tool event may match the same gold id in several articles: that is a merge done right.
    """
    claimed: dict[str, str] = {}
    pairs = {(g, e.id): is_candidate(e, g) for g in gold for e in events}
    # A report's edition the tool names by its year ("the 2014 Trafficking in Persons Report"), dated
    # right for a gold edition of the same article, is that edition: never another edition the tool
    # does not find (as a numbered meeting is never another number's).
    editions: dict[tuple[str, str], set[str]] = {}
    for g in gold:
        for e in events:
            if pairs[(g, e.id)] and _EDITION_YEAR.search(e.title) and contains(e.interval, g.truth):
                editions.setdefault((e.id, g.article), set()).add(g.id)
    out = []
    for g in gold:

        def rank(e: ToolEvent, g: GoldEvent = g) -> tuple[bool, bool, bool, bool, bool, str]:
            m = Match(g, e)
            taken = claimed.get(e.id, g.id) != g.id
            # (Of two events whose dates hold the truth, the one of the gold's own kind: an entry
            # into force, not the adoption of the same law, which a later gold may be.)
            other_kind = e.kind.casefold() != g.kind.casefold()
            return (taken, not m.contains_truth, other_kind, not m.tight, not m.place_right, e.id)

        def another_edition(e: ToolEvent, g: GoldEvent = g) -> bool:
            owners = editions.get((e.id, g.article), set())
            return bool(owners - {g.id}) and not contains(e.interval, g.truth)

        candidates = sorted(
            (e for e in events if pairs[(g, e.id)] and not another_edition(e) and not unfounded(e, g)),
            key=rank,
        )
        best = candidates[0] if candidates else None
        if best is not None:
            claimed.setdefault(best.id, g.id)
        out.append(Match(g, best))
    return tuple(out)


def unfounded(event: ToolEvent, gold: GoldEvent) -> bool:
    """A tool event whose dates exclude the gold's and none of whose sentences in the gold's
    article holds any of the gold's keywords: another event the tool read (dated right or not, it
    is not this one, which the tool did not find), never this one dated wrong. Events the tool
    gives no sentences for are judged on their title alone, as before."""
    quoted = [q for article, q in event.quotes if article == gold.article]
    if not quoted or contains(event.interval, gold.truth):
        return False
    forms = [_singular(_unquoted(f)) for k in gold.keywords for f in _keyword_forms(k)]
    return not any(f and f in _singular(_unquoted(q)) for q in quoted for f in forms)


def wrong_merges(matches: Iterable[Match]) -> dict[str, tuple[str, ...]]:
    """Tool events matched to two or more different gold ids: event id -> the gold ids."""
    ids: dict[str, set[str]] = {}
    for m in matches:
        if m.event is not None:
            ids.setdefault(m.event.id, set()).add(m.gold.id)
    return {e: tuple(sorted(g)) for e, g in sorted(ids.items()) if len(g) > 1}


def missed_merges(matches: Iterable[Match]) -> dict[str, tuple[str, ...]]:
    """Gold ids matched by two or more different tool events: gold id -> the tool event ids."""
    events: dict[str, set[str]] = {}
    for m in matches:
        if m.event is not None:
            events.setdefault(m.gold.id, set()).add(m.event.id)
    return {g: tuple(sorted(e)) for g, e in sorted(events.items()) if len(e) > 1}


def article_date_score(gold: Sequence[GoldArticle], dates: Mapping[str, Interval | None]) -> dict[str, Any]:
    """How many articles get a date interval (from the tool) that contains the day they were
    written, how many that equals the tight one, and how many get none."""
    dated = [a for a in gold if dates.get(a.name) is not None]
    right = [a for a in dated if contains(dates[a.name] or (None, None), a.written)]
    tight = [a for a in dated if dates[a.name] == a.written_tight]
    return {
        "articles": len(gold),
        "dated": len(dated),
        "contains_truth": len(right),
        "contains_truth_rate": ratio(len(right), len(gold)),
        "tight": len(tight),
        "wrong": sorted(a.name for a in dated if a not in right),
        "source": "Document.written (an interval from every clue), or none",
    }


def _written(d: Any) -> Interval | None:
    """The fact base's interval for when an article was written; None when nothing bounds it."""
    w = d.written
    if w is None or (w.earliest is None and w.latest is None):
        return None
    return (w.earliest, w.latest)


def summarise_events(matches: Sequence[Match]) -> dict[str, Any]:
    n = len(matches)
    found = [m for m in matches if m.found]
    contained = sum(m.contains_truth for m in matches)
    tight = sum(m.tight for m in matches)
    places = sum(m.place_right for m in found)
    return {
        "gold_events": n,
        "gold_ids": len({m.gold.id for m in matches}),
        "found": len(found),
        "found_rate": ratio(len(found), n),
        "contains_truth": contained,
        "contains_truth_rate": ratio(contained, n),
        "tight": tight,
        "tight_rate": ratio(tight, n),
        "wrong_dates": sum(m.wrong_date for m in matches),
        "unsettled": sum(m.unsettled for m in matches),
        "wrong_merges": len(wrong_merges(matches)),
        "missed_merges": len(missed_merges(matches)),
        "places_right": places,
        "places_rate": ratio(places, len(found)),
    }


# --- temporal expressions --------------------------------------------------------------------


def temporal_cases(gold: Sequence[GoldArticle], texts: Mapping[str, str]) -> tuple[Case, ...]:
    """One case of eval_dates per article: its whole text, the true article date, its temporals.
    ``line`` is the article's position in ``gold`` (1-based)."""
    return tuple(
        Case(i, texts[a.name], a.written[0] or date.min, "past", a.temporals, (), None)
        for i, a in enumerate(gold, 1)
        if a.written[0] is not None
    )


def score_temporals(
    gold: Sequence[GoldArticle],
    texts: Mapping[str, str],
    mentions: Mapping[str, tuple[Found, ...]],
    peers: Mapping[str, Callable[[Case], tuple[Found, ...]]] | None = None,
) -> tuple[list[dict[str, Any]], list[str]]:
    """tipbrief's mentions (found without the article's date) and each peer's (given it), scored
    as eval_dates scores sentences; peers that are not installed are listed apart."""
    cases = temporal_cases(gold, texts)
    by_line = {i: a.name for i, a in enumerate(gold, 1)}

    def tipbrief(case: Case) -> tuple[Found, ...]:
        return mentions.get(by_line[case.line], ())

    results = [score("tipbrief", cases, tipbrief)]
    skipped = []
    chosen = {"dateparser": find_dateparser, "datefinder": find_datefinder} if peers is None else peers
    for name, finder in chosen.items():
        try:
            results.append(score(name, cases, finder))
        except ImportError as err:
            skipped.append(f"{name}: {err}")
    return results, skipped


# --- report ----------------------------------------------------------------------------------


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.0f}%"


def render_figures(events: Mapping[str, Any], dates: Mapping[str, Any] | None) -> str:
    n = events["gold_events"]
    rows = [
        ("gold events (distinct ids)", f"{n} ({events['gold_ids']})"),
        ("events found", f"{events['found']} ({_pct(events['found_rate'])})"),
        (
            "date interval contains the truth",
            f"{events['contains_truth']} ({_pct(events['contains_truth_rate'])})",
        ),
        ("date interval is the tight one", f"{events['tight']} ({_pct(events['tight_rate'])})"),
        ("wrong dates (found, truth outside)", str(events["wrong_dates"])),
        ("unsettled (one-day act, part of the gold's span)", str(events.get("unsettled", 0))),
        ("wrong merges (1 tool event, 2+ gold ids)", str(events["wrong_merges"])),
        ("missed merges (1 gold id, 2+ tool events)", str(events["missed_merges"])),
        (
            "places right (of found)",
            f"{events['places_right']}/{events['found']} ({_pct(events['places_rate'])})",
        ),
    ]
    if dates is None:
        rows.append(("article's own date contains the truth", "not available"))
    else:
        rows.append(
            (
                "article's own date contains the truth",
                f"{dates['contains_truth']}/{dates['articles']} ({_pct(dates['contains_truth_rate'])}); "
                f"{dates['articles'] - dates['dated']} undated; {dates['tight']} tight",
            )
        )
    width = max(len(r[0]) for r in rows)
    lines = [f"| {'figure'.ljust(width)} | value |", f"|{'-' * (width + 2)}|---|"]
    lines += [f"| {k.ljust(width)} | {v} |" for k, v in rows]
    return "\n".join(lines)


def _event_json(e: ToolEvent | None) -> dict[str, Any] | None:
    if e is None:
        return None
    return {
        "id": e.id,
        "kind": e.kind,
        "title": e.title,
        "earliest": e.earliest.isoformat() if e.earliest else None,
        "latest": e.latest.isoformat() if e.latest else None,
        "label": e.label,
        "place": e.place,
    }


def _iso(i: Interval) -> dict[str, str | None]:
    return {"earliest": i[0].isoformat() if i[0] else None, "latest": i[1].isoformat() if i[1] else None}


def evaluate(folder: Path) -> dict[str, Any]:
    """Build the fact base of one set's folder and score it; prints the figures."""
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))}
    gold = parse_gold((folder / "gold.yaml").read_text(encoding="utf-8"), texts)
    missing = sorted(set(texts) - {a.name for a in gold})
    if missing:
        raise SystemExit(f"{folder}: no gold for {', '.join(missing)}")
    # Only the articles and their sidecars: the set's README and gold are not news.
    with tempfile.TemporaryDirectory() as tmp:
        articles = Path(tmp) / folder.name
        articles.mkdir()
        for path in sorted(folder.iterdir()):
            if path.name.endswith((".txt", ".meta.yaml")):
                shutil.copyfile(path, articles / path.name)
        started = time.perf_counter()
        facts = build_fact_base(articles, project=articles)
        seconds = time.perf_counter() - started
    view = tool_view(facts)
    matches = match_events([e for a in gold for e in a.events], view.events)
    events = summarise_events(matches)
    dates = article_date_score(gold, view.article_dates)
    temporals, skipped = score_temporals(gold, texts, view.mentions)

    print(
        f"## {folder.name}: {len(gold)} articles, {len(view.events)} events in the fact base "
        f"({seconds:.2f} s)\n"
    )
    print(render_figures(events, dates))
    wrong = [m for m in matches if m.wrong_date]
    if wrong:
        print("\nwrong dates:")
        for m in wrong:
            assert m.event is not None
            print(
                f"  {m.gold.article}: {m.gold.id} truth {interval_text(*m.gold.truth)}; "
                f"tool {m.event.label!r} ({interval_text(*m.event.interval)}) in {m.event.title!r}"
            )
    for label, found in (("wrong merges", wrong_merges(matches)), ("missed merges", missed_merges(matches))):
        for key, values in found.items():
            print(f"  {label[:-1]}: {key} <- {', '.join(values)}")
    print("\ntemporal expressions (tipbrief without the article's date; the peers given it):\n")
    print(render_temporal_table(temporals))
    print(
        "\nvalue acc.: tipbrief's interval must equal the gold interval; a peer's single day must lie "
        "inside it (eval_dates' rule). Spans are whole articles, so ms/sentence is ms per article."
    )
    for line in skipped:
        print(f"\nskipped {line} (pip install -e '.[peers]')")
    print()
    return {
        "folder": folder.relative_to(ROOT).as_posix() if folder.is_relative_to(ROOT) else str(folder),
        "seconds": round(seconds, 3),
        "events": events,
        "article_dates": dates,
        "temporals": temporals,
        "skipped": skipped,
        "matches": [
            {
                "article": m.gold.article,
                "id": m.gold.id,
                "kind": m.gold.kind,
                "truth": _iso(m.gold.truth),
                "tight": _iso(m.gold.tight),
                "place": m.gold.place,
                "got": _event_json(m.event),
                "found": m.found,
                "contains_truth": m.contains_truth,
                "unsettled": m.unsettled,
                "tight_right": m.tight,
                "place_right": m.place_right,
            }
            for m in matches
        ],
        "wrong_merges": wrong_merges(matches),
        "missed_merges": missed_merges(matches),
        "problems": [str(p) for p in facts.problems],
        "gold": [
            asdict(e) | {"truth": _iso(e.truth), "tight": _iso(e.tight)} for a in gold for e in a.events
        ],
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.eval_news", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--set", choices=[*SETS, "both"], default="dev", help="which set to score (dev)")
    args = parser.parse_args(argv)
    chosen = SETS if args.set == "both" else (args.set,)
    for name in chosen:
        folder = NEWSSET / name
        if not (folder / "gold.yaml").is_file():
            print(f"## {name}: no {folder.relative_to(ROOT)}/gold.yaml, skipped\n", file=sys.stderr)
            continue
        report = evaluate(folder)
        out = ROOT / "build" / f"eval-news-{name}.json"
        out.parent.mkdir(exist_ok=True)
        out.write_text(json.dumps(report, indent=2, default=str) + "\n", encoding="utf-8")
        print(f"wrote {out.relative_to(ROOT)}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
