"""Date constraints: the article's own anchor, stated and relative dates, programme periods, tense."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, timedelta

from tipbrief.common.months import MONTH_NAMES, WEEKDAYS
from tipbrief.facts.corpus import (
    ASIDE_DROPS,
    DAY_AND_MONTH,
    FIRST_APPEARANCE,
    MONTH_RE,
    YEAR_DASH_MARK,
    Paragraph,
    spelled,
)
from tipbrief.facts.extract.patterns import DIRECTIVE_VERBS, HABITUALLY, ORDINAL_TOKEN, PLANS_FOR, WEEKDAY_RE
from tipbrief.facts.extract.records import (
    Constraint,
    DateFound,
    Sentence,
    _Context,
    intersect,
)
from tipbrief.facts.extract.sentences import PAST_VERB, _tense, clause_tense, expression_tense
from tipbrief.facts.model import Span
from tipbrief.facts.resolve.labels import interval_label
from tipbrief.facts.temporal.expressions import _NUMBER_WORDS, Temporal, Tense, extract_temporals
from tipbrief.facts.temporal.intervals import (
    MONTH_DAYS_MODIFIER,
    anchored_interval,
    stated_interval,
    year_interval,
)


def _dateline_agrees(quote: str, published: date) -> bool:
    """Whether a dateline's date is the publication date: a whole date always is (it gave it, or the
    sidecar overrides it as before); one without a year when its day and month are the same."""
    found = [t for t in extract_temporals(spelled(quote)) if t.kind == "date"]
    if not found or found[0].year is not None:
        return True
    return (found[0].month, found[0].day) == (published.month, published.day)


_SINCE = re.compile(r"\b[Ss]ince\s+$")
# "The same day", "the following day": counted from the last day the article named before them.
NARRATIVE_DAYS = {
    "same day": 0,
    "following day": 1,
    "next day": 1,
    # ("the Kuala Lumpur Declaration on ASEAN 2025 was signed the next morning")
    "same morning": 0,
    "same afternoon": 0,
    "same evening": 0,
    "following morning": 1,
    "next morning": 1,
    "previous evening": -1,
    "day after": 1,
    "a day later": 1,
    "previous day": -1,
    "day before": -1,
    "a day earlier": -1,
}
_COUNTED_DAYS = re.compile(r"(?P<n>\w+) (?P<unit>day|week)s? (?P<way>later|earlier|afterwards)")


# "the same day the State Department released its report": a clause of its own follows, which says
# which day it is; the day named before is not it.
_FORWARD = re.compile(
    r"\s+(?:that\s+|when\s+)?(?:the|a|an|its|their|his|her|[A-Z][\w.'’-]*)(?:\s+[\w.'’-]+){0,6}?\s+"
    r"(?:released|published|launched|met|opened|closed|began|started|signed|adopted|announced|held|"
    r"deposited|ratified|arrived|took|was|were)\b"
)
# "published on July 19, the same day the senior officials opened their meeting": in apposition to a
# day, it is that day, whatever follows.
_APPOSITION = re.compile(r"\d{1,2}(?:,\s*\d{4})?\s*,\s*$")


def counts_back(text: str, start: int, end: int) -> bool:
    """The narrative expression at ``start``-``end`` counts from the day named before it."""
    if _SAME_AS.match(text, end):
        return False  # "the same day as the conference": the conference's day, named after it
    return _APPOSITION.search(text, 0, start) is not None or _FORWARD.match(text, end) is None


_SAME_AS = re.compile(r"\s+as\s+(?:the|its|their|[A-Z])")


def redescribes_day(text: str, start: int, end: int) -> bool:
    """The narrative expression at ``start``-``end`` stands in apposition to a day and counts from
    an event its own clause names ("on April 7, the day before the Summit opened"): it tells of the
    day before it, which it does not count from."""
    return _APPOSITION.search(text, 0, start) is not None and (
        _FORWARD.match(text, end) is not None or _SAME_AS.match(text, end) is not None
    )


def narrative_days(relative: str | None) -> int | None:
    """How many days "the following day", "nine days later", "two weeks earlier" count from the day
    named before them; None for any other expression."""
    if relative in NARRATIVE_DAYS:
        return NARRATIVE_DAYS[relative]
    m = _COUNTED_DAYS.fullmatch(relative or "")
    if m is None:
        return None
    n = (
        1
        if m.group("n") == "a"
        else int(m.group("n"))
        if m.group("n").isdigit()
        else _NUMBER_WORDS.get(m.group("n"))
    )
    if not n:
        return None
    return n * (7 if m.group("unit") == "week" else 1) * (-1 if m.group("way") == "earlier" else 1)


def section_start(ctx: _Context, offset: int) -> int:
    """Where the section that holds the original ``offset`` begins: "the same day" under a heading
    ("TREATY PRACTICE … deposited the convention and the Protocol … on the same day") counts from no
    day of the section above it (a list's last row, "binding from 30 January 2020")."""
    paragraphs = ctx.article.paragraphs
    at = next((i for i, p in enumerate(paragraphs) if p.start <= offset < p.end), None)
    if at is None or not paragraphs[at].section:
        return 0
    while at > 0 and paragraphs[at - 1].section == paragraphs[at].section:
        at -= 1
    return paragraphs[at].start


def day_named_before(ctx: _Context, offset: int, not_after: date | None = None) -> date | None:
    """The last single day the article names before ``offset`` (see NARRATIVE_DAYS), unless a wider
    date follows it ("In November, leaders adopted … On the same day": some day of that November,
    not the day of the dateline before it). A past act counts from no day after ``not_after``, the
    article's date: "The two-day summit closes on Tuesday. … On the same day, ministers signed …"
    is the day before the Tuesday to come."""
    since = section_start(ctx, offset)
    before = [
        d
        for at, d in ctx.named_days
        if since <= at < offset and not _in_closed_relative(ctx.original, at, offset)
    ]
    if not_after is not None:
        while before and before[-1] is not None and before[-1] > not_after:
            before.pop()
    return before[-1] if before else None


def _in_closed_relative(text: str, at: int, offset: int) -> bool:
    """Whether the day at ``at`` stands in a relative clause that closes before ``offset``: "the leaders
    will sign the Declaration, which will come into being on 31 December, and will attend the East
    Asia Summit the same day" (the signing's Sunday, not 31 December)."""
    start = max(text.rfind(".", 0, at), text.rfind("\n", 0, at))
    opened = text.rfind(", which ", start + 1, at)
    return opened >= 0 and "," not in text[opened + 1 : at] and "," in text[at:offset]


def _span_named_since(ctx: _Context, offset: int) -> bool:
    """Whether a span of days stands between the last day named before ``offset`` and it ("… on June
    26. … The 37th Summit took place online from November 12 to 15. Ten days later, …": ten days
    after one of those days, not after 26 June)."""
    since = section_start(ctx, offset)
    last = max((at for at, _ in ctx.named_days if since <= at < offset), default=since)
    return any(last < at < offset for at in ctx.named_spans)


_THAT_YEAR_AFTER = re.compile(
    r",?\s+(?:of\s+)?(?P<which>that|the same|the following|the next|the previous)\s+year\b", re.IGNORECASE
)
_YEAR_STEP = {"that": 0, "the same": 0, "the following": 1, "the next": 1, "the previous": -1}


# A timeline's entry: "2015 – After the Andaman Sea crisis, ministers hold … on 2 July. On 21 November,
# leaders sign …", "December 2024: UNODC's Global Report … finds …".
# Also a bulleted entry with its whole date: "* Nov. 24, 2014 - UNODC's second such Global Report,
# launched in Vienna, finds …".
_TIMELINE_ENTRY = re.compile(
    rf"^(?:[*•·]\s*)?(?:(?:{MONTH_RE})\s+(?:\d{{1,2}},?\s+)?|\d{{1,2}}\s+(?:{MONTH_RE})\s+)?"
    rf"(?P<year>(?:19|20)\d\d)\s*{YEAR_DASH_MARK}\s+(?=\S)"
)


# A page's dated update, or the original post it keeps below them: "UPDATE, 2 February: Cambodia and
# Singapore deposited …, both last month.", "ORIGINAL POST, 23 November 2015: … signed … on Saturday".
# ("Original show notes (24 November 2015)" on a line of its own: the day in brackets ends it.)
_UPDATE_ENTRY = re.compile(
    r"[\[(]?(?:update[ds]?|latest|original (?:[a-z]+\s+)?(?:post|story|article|report|notes|broadcast)"
    r"|edit(?:ed)?|correction|addendum)"
    r"\b[,:]?\s*(?:[(—–-]\s*)?(?:on\s+)?(?P<day>[^:()\[\]—–]{4,40}?)"
    r"\s*(?:[)\]]$|[)\]]?\s*(?::|—|–|\s-)(?:\s|$))",
    re.IGNORECASE,
)


def own_days(ctx: _Context, s: Sentence, page: tuple[date, date] | None) -> tuple[date, date] | None:
    """When the part of the page the sentence stands in was written, when it is not the page's date:
    a reader's comment's header, a post's header timed from the reading ("· 2 days ago": counted
    back from the page's date), or a dated update's ("UPDATE, 2 February: …"; without its year, in
    the one year that puts it between the first and the last day the page gives for itself)."""
    if s.paragraph.written is not None:
        return s.paragraph.written, s.paragraph.written_until or s.paragraph.written
    # (A post's own day without its year, in the page's year, says more than how long before the
    # page's date it came, when the page is dated closely enough to tell the year.)
    posted = _posted_days(s.paragraph.posted, page) if s.paragraph.posted is not None else None
    if posted is not None:
        return posted
    if s.paragraph.ago is not None:
        if page is None:
            return None
        return page[0] - timedelta(days=s.paragraph.ago[1]), page[1] - timedelta(days=s.paragraph.ago[0])
    if s.paragraph.posted is not None:
        return None
    head = _update_days(ctx).get(s.paragraph.start)
    found = [t for t in extract_temporals(head) if t.kind == "date" and t.day] if head else []
    if len(found) != 1:
        return None if head else first_appeared(ctx, s, page)
    if (stated := stated_interval(found[0])) is not None:
        return (stated[0], stated[0]) if stated[0] == stated[1] else None
    if page is None:
        return None
    # ("First published: 23 November 2015 | Updated: 25 July 2016": the updates fall between; with
    # one day alone, they come in the year before it.)
    known = [*page, *_page_days(ctx)]
    lo, hi = min(known), max(known)
    if lo == hi:
        lo = hi - timedelta(days=364)
    days = [
        iv[0] for y in range(lo.year, hi.year + 1) if (iv := year_interval(found[0], y)) and lo <= iv[0] <= hi
    ]
    return (days[0], days[0]) if len(days) == 1 else None


_VERSION_FIRST = re.compile(r"\s*First\s+(?:published|posted)\b", re.IGNORECASE)


def first_appeared(ctx: _Context, s: Sentence, page: tuple[date, date] | None) -> tuple[date, date] | None:
    """ "This article first appeared in … on 2 August 2019", on a page of 15 August: the text was
    written for that first appearance, so its "Yesterday" counts from that day. The text is what
    stands below the note, or above it when the note closes the page ("Originally published:
    Monday, 29 November 2004" under a republisher's own lines of 2014, which keep the page's day)."""
    doc = ctx.article.document
    # (Not a version's stamp, "First published: 9 May 2023, 18:00" over "Updated: 11 May 2023": the
    # page itself, written again since.)
    notes = [
        d
        for d in doc.dropped
        if d.reason == FIRST_APPEARANCE and not _VERSION_FIRST.match(doc.text, d.start, d.end)
    ]
    days = {day for d in notes for day in _days_stated_in(doc.text[d.start : d.end])}
    if page is None or len(notes) != 1 or len(days) != 1:
        return None
    (day,), note = days, notes[0]
    if day >= page[0]:
        return None  # (the page's own day or a later one: nothing counts from another)
    below = any(p.start >= note.end for p in ctx.article.paragraphs)
    inside = s.paragraph.start >= note.end if below else s.paragraph.start < note.start
    return (day, day) if inside else None


# How far a post's day without its year may be from the page's date: a feed copied, or a thread
# with its replies, spans days or weeks, never half a year.
POSTED_REACH = timedelta(days=183)


def _posted_days(day: str, page: tuple[date, date] | None) -> tuple[date, date] | None:
    """A post's day without its year ("· Jul 3"), in the one year that puts it near the page's
    date, when the page is dated to within a month; a weekday over a channel log's posts
    ("Wednesday", older than yesterday), that weekday two to six days before the page's date."""
    if day.casefold() in WEEKDAYS and page is not None:
        weekday = WEEKDAYS.index(day.casefold())
        span = (page[1] - page[0]).days + 5
        days = [
            d
            for n in range(span)
            if (d := page[0] - timedelta(days=6) + timedelta(days=n)).weekday() == weekday
        ]
        return (days[0], days[-1]) if days else None
    found = [t for t in extract_temporals(day) if t.kind == "date" and t.day]
    if len(found) != 1 or page is None or (page[1] - page[0]).days > 31:
        return None
    days = [
        iv[0]
        for y in range(page[0].year - 1, page[1].year + 2)
        if (iv := year_interval(found[0], y)) and page[0] - POSTED_REACH <= iv[0] <= page[1] + POSTED_REACH
    ]
    return (days[0], days[0]) if len(days) == 1 else None


def _update_days(ctx: _Context) -> dict[int, str]:
    """Each paragraph's dated update (see _Context.update_days): a header on a line of its own heads
    the paragraphs below it, to the next update; one that opens a paragraph heads that paragraph.
    So does each item's stamp in a list of dated items (see _item_stamps)."""
    if ctx.update_days is None:
        days: dict[int, str] = {}
        section: str | None = None
        stamps = _item_stamps(ctx.article.paragraphs)
        recorded = _recorded_day(ctx.article.paragraphs)
        for p in ctx.article.paragraphs:
            if (m := _UPDATE_ENTRY.match(p.text)) is not None:
                section = m.group("day") if m.end() == len(p.text) else None
                days[p.start] = m.group("day")
            elif p.start in stamps:
                day, alone = stamps[p.start]
                section = day if alone else None
                days[p.start] = day
            elif section is not None:
                days[p.start] = section
            elif recorded is not None and SPEAKER_TURN.match(p.text):
                days[p.start] = recorded
        ctx.update_days = days
    return ctx.update_days


# An interview's note of when it was recorded: "This interview was conducted on 2 March 2022 by video
# call", "Recorded on Tuesday 30 May in Chiang Mai", "Recorded by video link on 27 November.", "(The
# interview was conducted by email on March 9 …)", "Interviewed in Yangon, 14 October".
_RECORDED_ON = re.compile(
    r"(?:^|[(.:]\s*)(?:(?:this|the|our)\s+(?:interview|conversation|episode|podcast|programme|program)\s+was\s+)?"
    r"(?:recorded|conducted|interviewed|taped|filmed)\b[^.;:()]{0,40}?(?:\bon|,)\s+"
    rf"(?P<day>(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?{DAY_AND_MONTH}"
    r"(?:,?\s+(?:19|20)\d\d)?)\b",
    re.IGNORECASE,
)
# A transcript's turn: "Q: …", "A: …", "HOST: …", "REPRESENTATIVE: …", "SOMTC CHAIR (Malaysia): …".
# (Not a note's label: "EDITOR'S NOTE: This interview was conducted on …" is the page's own voice.)
SPEAKER_TURN = re.compile(
    r"(?!(?:[A-Z]+['’]S\s+)?NOTE\b)"
    r"(?:Q|A|[A-Z][A-Z0-9.'’&-]+(?:\s+[A-Z][A-Z0-9.'’&-]+){0,3})(?:\s+\([^()]{1,40}\))?:\s"
)


def _recorded_day(paragraphs: Sequence[Paragraph]) -> str | None:
    """The day an interview on the page was recorded, as written, when the page says so once and
    gives the interview as turns (two or more): what is said in them ("the meeting on Wednesday and
    Thursday", "last week, on the Wednesday") counts from that day, not from the day the page was
    posted, days or weeks later."""
    turns = {p.start for p in paragraphs if SPEAKER_TURN.match(p.text)}
    days = {m["day"] for p in paragraphs if p.start not in turns for m in _RECORDED_ON.finditer(p.text)}
    return next(iter(days)) if len(days) == 1 and len(turns) >= 2 else None


# An archive's item stamp on a line of its own, over the item's headline and text: "21 Sep 2017",
# "Nov 14, 2017", "3 March".
# ("Saturday, 25 September 2010" under a result's headline, as a site's search lists it.)
_ITEM_DAY = re.compile(rf"(?:{WEEKDAY_RE},?\s+)?{DAY_AND_MONTH}(?:,?\s+(?:19|20)\d\d)?")
# An item's stamp in figures that opens its paragraph, before its headline: "18/11  ASEAN Leaders
# adopt …" (its spaces made one by then).
_ITEM_FIGURES = re.compile(r"(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)\s+(?=[A-Z])")


def _item_stamps(paragraphs: Sequence[Paragraph]) -> dict[int, tuple[str, bool]]:
    """The stamps of a list of dated items (two or more), by the paragraph each heads, with whether
    it is a line of its own (heading the paragraphs below it to the next stamp): each item's "today"
    and "on Saturday" count from its own day, not the page's ("22 Nov 2015" / "ASEAN Leaders
    conclude 27th Summit" / "…, closed today. On Saturday the Leaders signed …", in an archive
    dated by its newest item). A stamp in figures ("18/11  …", "20/11  …") is read day first when
    one of the list's has a first number above 12, month first when one has a second number above
    12, and not at all when neither or both."""
    alone = {p.start: p.text.strip() for p in paragraphs if _ITEM_DAY.fullmatch(p.text.strip())}
    figures = {p.start: m for p in paragraphs if (m := _ITEM_FIGURES.match(p.text))}
    stamps = {at: (day, True) for at, day in alone.items()} if len(alone) >= 2 else {}
    if len(figures) >= 2:
        day_first = any(int(m["a"]) > 12 for m in figures.values())
        month_first = any(int(m["b"]) > 12 for m in figures.values())
        if day_first != month_first:
            for at, m in figures.items():
                day, month = (int(m["a"]), int(m["b"])) if day_first else (int(m["b"]), int(m["a"]))
                if 1 <= month <= 12 and 1 <= day <= 31:
                    stamps[at] = (f"{day} {MONTH_NAMES[month - 1]}", False)
    return stamps


def _page_days(ctx: _Context) -> list[date]:
    """The days the page's date lines and its note of first publication state in full."""
    doc = ctx.article.document
    return [
        day
        for dropped in doc.dropped
        if "date line" in dropped.reason or dropped.reason == FIRST_APPEARANCE
        for day in _days_stated_in(doc.text[dropped.start : dropped.end])
    ]


def _days_stated_in(line: str) -> list[date]:
    """The single days a line the corpus set aside states in full ("Posted 15 May 2015", "This
    article first appeared in … on 2 August 2019")."""
    return [iv[0] for t in extract_temporals(spelled(line)) if (iv := stated_interval(t)) and iv[0] == iv[1]]


def comment_anchor(
    ctx: _Context, s: Sentence, anchor: tuple[Constraint, ...]
) -> tuple[Constraint, ...] | None:
    """A reader's comment's, a post's or a dated update's own days, which its "today" and "last
    year" count from, when the sentence stands in one ("Coming back to this post today, …" under
    "bkk_outreach | November 21, 2018")."""
    a = intersect(anchor)
    days = own_days(ctx, s, (a[0], a[1]) if a and a[0] and a[1] else None)
    if days is None:
        return None
    if not s.paragraph.written and not s.paragraph.ago and SPEAKER_TURN.match(s.paragraph.text):
        note = f"said in the interview, recorded on {interval_label(*days)}"
        return (Constraint("published", note, *days),)
    part = "comment" if s.paragraph.written else "post" if s.paragraph.ago or s.paragraph.posted else "update"
    verb, posted = "posted", s.paragraph.posted
    if part == "update" and _update_days(ctx).get(s.paragraph.start) is None:
        part, verb = "text", "first published"  # (see first_appeared)
    if (
        part == "post"
        and posted
        and re.match(rf"\s*[A-Z][A-Z .'’-]+,\s+{re.escape(posted)}\b", s.paragraph.text)
    ):
        # ("HA NOI, April 7 (VNA) - …" on the page of April 8: a wire story, filed on its dateline's day.)
        part, verb = "story", "filed"
    return (Constraint("published", f"the {part}{_STANDS_IN}{verb} on {interval_label(*days)}", *days),)


def timeline_entry_end(s: Sentence) -> int:
    """Where a timeline entry's date ends, in a sentence that opens the entry (else 0): the date is
    the whole entry's, whatever clause its events stand in."""
    m = _TIMELINE_ENTRY.match(s.text)
    return m.end() if m else 0


def timeline_year(s: Sentence) -> int | None:
    """The year a timeline entry opens with, for every sentence of that paragraph; or the year of
    the heading it stands under ("2014" above "June 20 - The State Department's report …")."""
    m = _TIMELINE_ENTRY.match(s.paragraph.text)
    return int(m.group("year")) if m else s.paragraph.year


# An entry of a list that opens with a day and no year: "* 3-4 December - Thailand hosts …",
# "* 29 September-2 October - The 10th AMMTC …".
_DAY_ENTRY = re.compile(
    rf"(?:[*•·]\s*)?(?P<day>[0-3]?\d(?:\s*[-–]\s*[0-3]?\d)?\s+{MONTH_RE}(?:\s*[-–]\s*[0-3]?\d\s+{MONTH_RE})?"
    rf"|{MONTH_RE}\s+[0-3]?\d(?:\s*[-–]\s*[0-3]?\d)?)\s*(?:--|[-–—:])\s"
)


def _entry_day(text: str) -> tuple[int, int] | None:
    m = _DAY_ENTRY.match(text)
    t = next((t for t in extract_temporals(m.group("day")) if t.month and t.day), None) if m else None
    return (t.month, t.day) if t is not None and t.year is None and t.month and t.day else None


def ahead_in_list(ctx: _Context, s: Sentence, anchor: tuple[Constraint, ...]) -> bool:
    """Whether the sentence opens an entry, with no verb in the past, of a list of days without a
    year in calendar order that began before the article's date in its year, on a day after that
    date: still to come that year ("Kuala Lumpur, 21 November 2015 … * 1 May - … * 21 November -
    Leaders sign … * 3-4 December - Thailand hosts a second meeting"), not the year before."""
    own = _entry_day(s.paragraph.text) if s.start == 0 else None
    a = intersect(anchor)
    if own is None or not a or a[0] is None or a[1] is None or a[0].year != a[1].year:
        return False
    opening = _DAY_ENTRY.match(s.text)
    if PAST_VERB.search(s.text, opening.end() if opening else 0):
        return False
    days = []
    for p in ctx.article.paragraphs:
        if _DAY_ENTRY.match(p.text):
            day = _entry_day(p.text)
            if day is None:
                return False  # an entry with its year: not a list of one year's days
            days.append(day)
    return (
        len(days) >= 3
        and days == sorted(days)
        and days[0] <= (a[0].month, a[0].day)
        and own > (a[1].month, a[1].day)
    )


# A fact box's labelled entry: "* SEVENTH CONFERENCE: 7 August 2018, Bali. Ministers welcomed the
# forum, which had held its first meeting in Perth the previous year."
_LABELLED_ENTRY = re.compile(r"^(?:[*•·]\s*)?[A-Z][A-Z0-9 ’'&/-]{2,40}:\s")


def labelled_entry(s: Sentence) -> bool:
    """Whether the sentence is a fact box's label ("* THIRD CONFERENCE: 14-15 April 2009, Bali.")."""
    return bool(_LABELLED_ENTRY.match(s.text))


def entry_year(s: Sentence) -> int | None:
    """The year an entry of a timeline or a fact box gives every sentence of its paragraph."""
    year = timeline_year(s)
    if year is not None or not _LABELLED_ENTRY.match(s.paragraph.text):
        return year
    return next((t.year for t in extract_temporals(s.paragraph.text) if t.year is not None), None)


def sentence_temporals(s: Sentence, ctx: _Context | None = None) -> tuple[Temporal, ...]:
    """The sentence's temporal expressions; in an entry, "the previous year" counts from its year,
    and so it does from the last year its paragraph stated before it ("… in July 2016. The following
    year brought the rest": 2017, whatever year the article is of). With the article (``ctx``), "the
    previous month" counts from the last month the article stated before it, as the story's."""
    found = extract_temporals(s.text)
    if ctx is not None and any(t.relative in _STEPS_FROM_A_MONTH and t.base_month is None for t in found):
        found = _months_stepped(ctx, s, found)
    steps = any(t.relative in _STEPS_FROM_A_YEAR and t.base_year is None for t in found)
    year = entry_year(s) if steps else None
    if year is None and steps:
        first = next(t for t in found if t.relative in _STEPS_FROM_A_YEAR)
        stated = [t.year for t in extract_temporals(s.paragraph.text[: s.start + first.start]) if t.year]
        year = stated[-1] if stated else None
    if year is None:
        return found
    return tuple(
        replace(t, base_year=year) if t.relative in _STEPS_FROM_A_YEAR and t.base_year is None else t
        for t in found
    )


_STEPS_FROM_A_YEAR = ("previous year", "following year")
_STEPS_FROM_A_MONTH = ("previous month", "following month")


def _last_stated_before(
    ctx: _Context, s: Sentence, upto: int, wanted: Callable[[Temporal], bool]
) -> Temporal | None:
    """The last expression with its year (not counted from another day) that the article states
    before ``upto`` in sentence ``s`` and that ``wanted`` accepts."""
    last: Temporal | None = None
    for x in ctx.sentences:
        for e in _told_in(ctx, x, x.text[:upto] if x is s else x.text):
            if e.year is not None and e.relative is None and wanted(e):
                last = e
        if x is s:
            break
    return last


def _months_stepped(ctx: _Context, s: Sentence, found: tuple[Temporal, ...]) -> tuple[Temporal, ...]:
    """ "… held in Vientiane on 29 and 30 November 2004. ¶ … the memorandum the six countries had
    signed the previous month": an anaphor, counted from the story's month (the last the article
    stated, with its year, before it), not from the article's date as "last month" is."""
    out: list[Temporal] = []
    for t in found:
        if t.relative in _STEPS_FROM_A_MONTH and t.base_month is None:
            last = _last_stated_before(ctx, s, t.start, lambda e: e.month is not None)
            if last is not None and last.end_year in (None, last.year):
                t = replace(t, base_year=last.year, base_month=last.end_month or last.month)
        out.append(t)
    return tuple(out)


def year_named_before(ctx: _Context, s: Sentence, t: Temporal) -> int | None:
    """ "… on January 5, 2017. It entered into force on March 8 that year": the year of a yearless
    day that says "that year" (the following, the previous), from the last year the article stated."""
    m = _THAT_YEAR_AFTER.match(s.text, t.end)
    if t.year is None and m is None and (entry := timeline_year(s)) is not None:
        return entry
    if t.year is None and m is None and (head := when_clause_head(ctx, s, t)) and head.kind == "year":
        return head.year
    if t.year is None and m is None:
        return _month_named_before(ctx, s, t)
    if m is None or t.year is not None:
        return None
    offset = s.span(ctx.doc, ctx.original, t.start, t.start).start
    last: tuple[int, int] | None = None
    for other in ctx.sentences:
        for x in extract_temporals(other.text):
            at = other.span(ctx.doc, ctx.original, x.start, x.start).start
            if x.year is not None and at < offset and (last is None or at > last[0]):
                last = (at, x.end_year or x.year)
    return last[1] + _YEAR_STEP[m.group("which").lower()] if last else None


_WHEN_AFTER = re.compile(r",?\s+when\b", re.IGNORECASE)
_YEARS_COUNTED = frozenset(("last year", "this year", "next year"))


def when_clause_head(ctx: _Context, s: Sentence, t: Temporal) -> Temporal | None:
    """ "stayed there last year, when the European Union gave it a yellow card in April": a yearless
    month or day in a when-clause is in the year the clause hangs on (a year, or one counted from
    the article's date), the last expression before it."""
    if t.year is not None or t.month is None or t.relative is not None or t.end_month not in (None, t.month):
        return None
    if "when" not in s.text[: t.start].casefold():
        return None  # (no clause to hang on: the sentence's expressions are not read again)
    told = _told_in(ctx, s, s.text[: t.start])
    head = told[-1] if told else None
    if head is None or not (m := _WHEN_AFTER.match(s.text, head.end)) or ";" in s.text[m.end() : t.start]:
        return None
    if head.kind == "year" and head.end_year in (None, head.year):
        return head
    return head if head.relative in _YEARS_COUNTED else None


def when_clause_year(ctx: _Context, s: Sentence, t: Temporal, anchor: tuple[date, date] | None) -> int | None:
    """The year a when-clause hangs on, counted from the article's date ("last year, when …")."""
    head = when_clause_head(ctx, s, t)
    if head is None or head.relative is None or anchor is None:
        return None
    found, _ = anchored_interval(head, anchor, "past")
    if found and found[0] and found[0].year == found[1].year:
        return found[0].year
    return None


LOOKS_AHEAD = re.compile(r"\blook(?:s|ed|ing)?\s+forward\s+to\b", re.IGNORECASE)


def _told_in(ctx: _Context, s: Sentence, text: str) -> list[Temporal]:
    """The expressions of a sentence's text (a prefix of it), without the dateline's: its date is
    the article's own, from which a story's days already count."""
    dateline = ctx.article.dateline_span
    return [
        x
        for x in extract_temporals(text)
        if not (
            dateline and dateline[0] <= s.span(ctx.doc, ctx.original, x.start, x.start).start < dateline[1]
        )
    ]


def _month_named_before(ctx: _Context, s: Sentence, t: Temporal) -> int | None:
    """ "The crisis broke in May 2015, … Thailand convened a Special Meeting … in Bangkok on 29 May": a
    yearless day of the month the same sentence, or the one before it in its paragraph, gave with
    its year is in that year (however long before the article)."""
    if (
        t.month is None
        or t.relative is not None  # ("March last year" counts from the article)
        or t.kind not in ("date", "day-range", "month")
        or t.end_month not in (None, t.month)
    ):
        return None
    if clause_tense(s.text, t.start) == "future" or LOOKS_AHEAD.search(s.text, 0, t.start):
        # ("… in May 2023, and … when ASEAN leaders meet … in May", "… looked forward to the 26th
        # ASEAN Summit in Kuala Lumpur in April": a month still to come.)
        return None
    here = [x for x in ctx.sentences if x.paragraph.start == s.paragraph.start and x.start <= s.start]
    before = [(here[-2], len(here[-2].text))] if len(here) > 1 else []
    before.append((s, t.start))
    # The last expression before the day must be that month and year, so nothing moved the story
    # on ("… in January 2016 … The following year brought the rest: … in January").
    named = [x for sentence, end in before for x in _told_in(ctx, sentence, sentence.text[:end])]
    last = named[-1] if named else None
    if last is None or last.year is None or last.month != t.month or last.end_year not in (None, last.year):
        return None
    return last.year


_A_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_YEAR_SAID_AFTER = re.compile(
    r",?\s+(?:this|last|next|that|the\s+(?:same|following|previous|next))\s+year\b", re.IGNORECASE
)


def _story_year(ctx: _Context, s: Sentence, t: Temporal, depth: int = 0) -> int | None:
    """ "The chain of events began on 1 May 2015 … ¶ The foreign ministers met in Putrajaya on 20 May.
    Nine days later … On 2 July, ASEAN ministers met …": a yearless day up to three months after the
    last day the story gave before it, in this paragraph or the one before, is in that day's year
    (a yearless day before it takes its own year so). A year named in between, or a month without
    its day as the last date, leaves it to the article's date."""
    if t.month is None or t.relative is not None or t.kind not in ("date", "day-range"):
        return None
    if t.end_month not in (None, t.month) or clause_tense(s.text, t.start) == "future":
        return None
    if _YEAR_SAID_AFTER.match(s.text, t.end):
        return None  # "on 8 March this year": its year is said
    paragraphs = sorted({x.paragraph.start for x in ctx.sentences if x.paragraph.start <= s.paragraph.start})
    window = [
        (x, x.text[: t.start] if x is s else x.text)
        for x in ctx.sentences
        if x.paragraph.start in paragraphs[-2:]
        and (x.paragraph.start < s.paragraph.start or x.start <= s.start)
    ]
    for i in range(len(window) - 1, -1, -1):
        x, text = window[i]
        # ("Nine days later": counted from a day named before it, which the story goes on from.)
        told = [e for e in _told_in(ctx, x, text) if narrative_days(e.relative) is None]
        if told:
            last = told[-1]
            break
        if _A_YEAR.search(text):
            # ("… released on 19 July 2022. ¶ … the 2025 report came out only on 29 September": a
            # year named in between, even as an edition's, moves the story on.)
            return None
    else:
        return None
    if _A_YEAR.search(text, last.end):
        return None
    # (A day, not a month: "host of AMMTC 13 in November 2019. ¶ … held online from November 12 to
    # 15" is the next year's, which the article's date tells.)
    if last.day is None or last.relative is not None or last.end_year not in (None, last.year):
        return None
    year = last.year
    if year is None and depth < 3:
        year = _month_named_before(ctx, x, last) or _story_year(ctx, x, last, depth + 1)
    month = last.end_month or last.month
    if year is None or month is None:
        return None
    # (The months and days from the story's last day, which may end a range, to this one.)
    ahead = (t.month - month, (t.day or 1) - (last.end_day or last.day or 1))
    return year if (0, 0) <= ahead <= (3, 0) else None


def page_year(ctx: _Context, s: Sentence, t: Temporal) -> int | None:
    """ "27th ASEAN Summit … Dates: 18–22 November 2015 … Leaders signed the Convention on 21
    November": on a reference page, as of its last edit and told long after (``Article.as_of``), a
    yearless day is in the year of the last date before it that has one, when it falls on or after
    that date in its year; otherwise its year is unknown (the page's date says none)."""
    if not ctx.article.as_of or t.year is not None or t.relative is not None or t.month is None:
        return None
    if t.kind not in ("date", "day-range", "month") or clause_tense(s.text, t.start) == "future":
        return None
    last = _last_stated_before(ctx, s, t.start, lambda e: True)
    if last is None or last.end_year not in (None, last.year):
        return None
    since = (last.end_month or last.month or 1, (last.end_day or last.day or 1) if last.month else 1)
    return last.year if (t.month, t.day or 31) >= since else None


# "On the opening day the leaders adopted …": a day of a meeting that no date names here, which a
# "the same day" after it counts from (unknown, so no day of it is known either).
_DAY_OF_A_MEETING = re.compile(
    r"\b(?:on|during)\s+(?:the|its|their)\s+(?:opening|first|second|third|fourth|final|last|closing)\s+day\b",
    re.IGNORECASE,
)


def _meeting_days_unnamed(ctx: _Context) -> list[int]:
    """Where the article tells of a meeting's day without its date (see _DAY_OF_A_MEETING)."""
    return [
        s.span(ctx.doc, ctx.original, m.start(), m.start()).start
        for s in ctx.sentences
        if "day" in s.text
        for m in _DAY_OF_A_MEETING.finditer(s.text)
    ]


def _extract_dates(ctx: _Context, anchor: tuple[Constraint, ...]) -> tuple[DateFound, ...]:
    asides = _aside_ranges(ctx)
    unnamed = _meeting_days_unnamed(ctx)
    out = _dates_found(ctx, anchor, asides, unnamed)
    named: list[tuple[int, date | None]] = [
        (d.span.start, d.earliest if d.earliest == d.latest else None)
        for d in out
        if _names_a_date(ctx.original, d, asides)
    ]
    ctx.named_days[:] = sorted([*named, *((at, None) for at in unnamed)], key=lambda n: n[0])
    ctx.named_spans[:] = sorted(
        d.span.start
        for d in out
        if d.temporal.kind == "day-range" and d.temporal.relative is None and d.earliest != d.latest
    )
    # (A box's dates are the page's, added after: no day of the story counts from them.)
    a = intersect(anchor)
    aside = _aside_dates(ctx, (a[0], a[1]) if a and a[0] and a[1] else None)
    return _joined_days(ctx, tuple(sorted((*out, *aside), key=lambda d: d.span.start)))


_WEEKDAY_NAMES = frozenset(day.title() for day in WEEKDAYS)
# What joins two weekdays into one span of days: "Tuesday and Wednesday", "Monday to Wednesday".
_DAYS_JOINED = re.compile(r"\s+(?:and|to|through|until|till)\s+|\s*[-–]\s*")


def _joined_days(ctx: _Context, found: tuple[DateFound, ...]) -> tuple[DateFound, ...]:
    """ "met on Tuesday and Wednesday", "from Monday to Wednesday": two weekdays joined, each dated
    to its day, are one expression for the days from the first to the second (the events' dates are
    read from each day apart, before this)."""
    out: list[DateFound] = []
    for d in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.span.quote in _WEEKDAY_NAMES
            and d.span.quote in _WEEKDAY_NAMES
            and prev.earliest is not None
            and prev.earliest == prev.latest
            and d.earliest is not None
            and d.earliest == d.latest
            and 0 < (d.earliest - prev.earliest).days <= 6
            and (joined := _DAYS_JOINED.fullmatch(ctx.original, prev.span.end, d.span.start))
            # ("on Monday and Wednesday": two days, not the three.)
            and ("and" not in joined.group() or (d.earliest - prev.earliest).days == 1)
        ):
            start, end = prev.span.start, d.span.end
            span = Span(prev.span.document, start, end, ctx.original[start:end])
            out[-1] = replace(prev, span=span, latest=d.latest, note=f"{prev.note}; through {d.span.quote}")
            continue
        out.append(d)
    return tuple(out)


# "the earthquake that hit Lombok on Sunday evening": a day inside a relative clause (a relative
# pronoun right before its verb) is its noun's, an aside, not a day the story goes on from ("The
# forum, which opened a day earlier, …" counts from the conference's day, not the earthquake's).
# ("the two-day summit, which closes tomorrow": a day of its own noun's too.)
_ASIDE_CLAUSE = re.compile(
    r"\b(?:which|that|who)\s+(?:had\s+|has\s+|have\s+|was\s+|were\s+|will\s+)?"
    r"(?:\w+ed|hit|struck|began|met|took|came|led|made|held|ran|left|fell|rose|brought|won|"
    # ("the declaration that establishes the ASEAN Community on Dec. 31": the community's day.)
    r"close[sd]?|opens?|ends?|runs?|begins?|starts?|continues?|lasts?|establish(?:es)?)\b[^,;.]*"
)


def _aside_ranges(ctx: _Context) -> list[tuple[int, int]]:
    """Where the article's relative clauses stand, in the original text."""
    return [
        (
            s.span(ctx.doc, ctx.original, m.start(), m.start()).start,
            s.span(ctx.doc, ctx.original, m.end(), m.end()).start,
        )
        for s in ctx.sentences
        for m in _ASIDE_CLAUSE.finditer(s.text)
        # ("… on the sidelines of the 21st ASEAN Summit and related summits, which opened here on
        # Sunday. On the same day, leaders adopted …": a meeting's own days are the story's.)
        if not _A_MEETING_BEFORE.search(s.text, 0, m.start())
    ]


_A_MEETING_BEFORE = re.compile(
    r"\b(?:[Ss]ummits?|[Mm]eetings?|[Cc]onferences?|[Ff]orums?|[Ww]orkshops?|[Ss]eminars?|[Rr]etreats?)\s*,\s*$"
)


def _names_a_date(original: str, d: DateFound, asides: list[tuple[int, int]]) -> bool:
    """A date the story goes on from: a single day ("the day before" counts from it), or a month the
    story moves to ("In November, leaders adopted …"), from which no day counts."""
    if any(a <= d.span.start < b for a, b in asides):
        return False
    if d.earliest is None and d.temporal.kind == "date" and d.temporal.day and d.temporal.relative is None:
        return True  # a day whose year is unknown: "the same day" after it is unknown too
    if not d.earliest or d.latest is None:
        return False
    if d.earliest == d.latest:
        return True
    # (Not a year, a span of days, "earlier this month", or the month of a noun: "the Andaman Sea
    # crisis of May 2015".)
    whole_month = (
        d.earliest.day == 1 and (d.latest + timedelta(days=1)).day == 1 and d.latest.month == d.earliest.month
    )
    # ("In November" is one expression, or "November" after "in".)
    told = re.search(r"\b[Ii]n\s+$", original[max(0, d.span.start - 4) : d.span.start]) or re.match(
        r"[Ii]n\s", d.span.quote
    )
    return whole_month and bool(told)


def _date_lines(ctx: _Context, bounded: tuple[date, date] | None) -> list[DateFound]:
    """The dates of the date lines kept as metadata ("November 14, 2022 | 12:00am" under the
    byline): mentions of the article's own date, stated in full (or without a year, "Published:
    January 20 16:05": in the year nearest the article's date)."""
    out = []
    doc = ctx.article.document
    for dropped in doc.dropped:
        if "date line" not in dropped.reason:
            continue
        line = doc.text[dropped.start : dropped.end]
        # ("PUBLISHED: 4 Aug 2023 at 06:15 | UPDATED: 4 Aug 2023 at 11:40": each of its days.)
        days = [
            (t, iv)
            for t in extract_temporals(spelled(line))
            if (iv := stated_interval(t) or _nearest_day(t, bounded)) and iv[0] == iv[1]
        ]
        for t, iv in days:
            start, end = dropped.start + t.start, dropped.start + t.end
            out.append(
                DateFound(
                    Span(doc.id, start, end, doc.text[start:end]), t, iv[0], iv[1], True, "the date line"
                )
            )
    return out


def _nearest_day(t: Temporal, bounded: tuple[date, date] | None) -> tuple[date, date] | None:
    """A yearless day in the year that puts it nearest the article's date."""
    if bounded is None or t.kind != "date" or t.year is not None:
        return None
    days = [iv for y in range(bounded[0].year - 1, bounded[1].year + 2) if (iv := year_interval(t, y))]
    return min(
        days, key=lambda iv: max((bounded[0] - iv[0]).days, (iv[0] - bounded[1]).days, 0), default=None
    )


def _aside_dates(ctx: _Context, bounded: tuple[date, date] | None) -> list[DateFound]:
    """The dates a dropped box of other stories, a note of first publication or of when a copy was
    taken gives: no part of the story, which no event is read from, but dates the page gives;
    stated in full, or counted back from the article's date ("Updated two days ago", "Tuesday")."""
    out = []
    doc = ctx.article.document
    for dropped in doc.dropped:
        if not dropped.reason.startswith(ASIDE_DROPS):
            continue
        text = doc.text[dropped.start : dropped.end]
        for t in extract_temporals(text):
            start, end = dropped.start + t.start, dropped.start + t.end
            span = Span(doc.id, start, end, doc.text[start:end])
            iv = stated_interval(t)
            found: tuple[date | None, date] | None = iv
            note = "stated in full" if iv else "needs the article's date"
            if found is None and bounded:
                found, note = anchored_interval(t, bounded, "past")
            lo, hi = found if found else (None, None)
            out.append(DateFound(span, t, lo, hi, iv is not None, note))
    return out


def _dates_found(
    ctx: _Context, anchor: tuple[Constraint, ...], asides: list[tuple[int, int]], unnamed: list[int]
) -> tuple[DateFound, ...]:
    a = intersect(anchor)
    page = (a[0], a[1]) if a and a[0] and a[1] else None
    out: list[DateFound] = _date_lines(ctx, page)
    dateline = ctx.article.dateline_span
    for s in ctx.sentences:
        # (A reader's comment, a post timed from the reading and a dated update count from their
        # own days; see own_days.)
        bounded = own_days(ctx, s, page) or page
        tense = _tense(s.text)
        for t in sentence_temporals(s, ctx):
            span = s.span(ctx.doc, ctx.original, t.start, t.end)
            iv = stated_interval(t)
            at_dateline = dateline is not None and (span.start, span.end) == dateline
            if iv:
                if bounded and iv[0] and _SINCE.search(s.text, 0, t.start) and iv[0] <= bounded[1]:
                    # "since 2007": from then to the article's date.
                    out.append(DateFound(span, t, iv[0], bounded[1], True, "from then to the article's date"))
                    continue
                out.append(
                    DateFound(
                        span, t, iv[0], iv[1], True, "the dateline" if at_dateline else "stated in full"
                    )
                )
                continue
            if (offset := narrative_days(t.relative)) is not None and counts_back(s.text, t.start, t.end):
                # (A past act counts from no day after the article's: see day_named_before.)
                past = bounded is not None and expression_tense(s.text, t.start, tense) == "past"
                last = next(
                    (
                        d
                        for d in reversed(out)
                        if _names_a_date(ctx.original, d, asides)
                        and not (past and bounded is not None and d.earliest and d.earliest > bounded[1])
                    ),
                    None,
                )
                base = last.earliest if last and last.earliest == last.latest else None
                if last and last.span.start < section_start(ctx, span.start):
                    base = None  # (a day of the section above: see section_start)
                if last and any(last.span.start < at < span.start for at in unnamed):
                    base = None  # ("On the opening day …. The same day …": that day, unknown)
                if base is not None:
                    day = base + timedelta(days=offset)
                    out.append(
                        DateFound(span, t, day, day, False, "counted from the day the article named before")
                    )
                    continue
            if at_dateline and bounded and bounded[0] == bounded[1]:
                # A dateline without its year is the article's date, which the other clues fixed;
                # a page dated a day after its dateline ("30 August", published the 31st) keeps its
                # own day, in the nearest year that does not follow the article's date.
                own = next(
                    (
                        iv
                        for y in (bounded[0].year, bounded[0].year - 1)
                        if (iv := year_interval(t, y)) and iv[0] <= bounded[0]
                    ),
                    (bounded[0], bounded[1]),
                )
                out.append(
                    DateFound(
                        span,
                        t,
                        own[0],
                        own[1],
                        False,
                        "the dateline, in the year the article's other clues give",
                        *_dated_by(anchor),
                    )
                )
                continue
            year = year_named_before(ctx, s, t)
            if year is not None and (named := year_interval(t, year)) is not None:
                note = "in the year the article named before"
                out.append(DateFound(span, t, named[0], named[1], True, note))
                continue
            year = when_clause_year(ctx, s, t, bounded)
            if year is not None and (named := year_interval(t, year)) is not None:
                note = "in the year its when-clause hangs on, counted from the article's date"
                out.append(DateFound(span, t, named[0], named[1], False, note))
                continue
            if ctx.article.as_of and t.year is None and t.relative is None and t.month is not None:
                year = page_year(ctx, s, t)
                named = year_interval(t, year) if year is not None else None
                if named is not None:
                    out.append(
                        DateFound(span, t, named[0], named[1], False, "in the year of the page's story")
                    )
                    continue
                out.append(DateFound(span, t, None, None, False, "needs a year that the page does not give"))
                continue
            if bounded:
                found, note = anchored_interval(t, bounded, expression_tense(s.text, t.start, tense))
                # Named beside a recorded event that falls on it, it is that event's day or month,
                # before or after the article's date, whatever the sentence's tense suggests.
                on_record = ctx.recorded_values.get(span.start)
                if (
                    on_record
                    and _year_before(bounded[0]) <= on_record[0]
                    and on_record[1] <= _year_after(bounded[1])
                ):
                    found, note = on_record, "the year of the recorded event it names"
                if (
                    found
                    and found[0]
                    and _SINCE.search(s.text, 0, t.start)
                    and found[0] <= bounded[1]
                    and not re.match(r"['’]s\b", s.text[t.end :])
                ):
                    # "since March last year", "since August": from then to the article's date (not
                    # "since last year's report", whose year is the report's).
                    out.append(
                        DateFound(span, t, found[0], bounded[1], False, "from then to the article's date")
                    )
                    continue
                part = (
                    _PART_OF_MONTH.search(s.text, max(0, t.start - 8), t.start)
                    if t.relative in _COUNTED_MONTHS
                    else None
                )
                if found and found[0] and found[1] and part:
                    # "late last month": the days "late" names in a month (as "late October" has),
                    # for the mention; an event's date keeps the whole month.
                    day_lo, day_hi = MONTH_DAYS_MODIFIER[part.group(1).lower()]
                    lo, hi = found[0].replace(day=day_lo), found[0].replace(day=min(day_hi, found[1].day))
                    out.append(DateFound(span, t, lo, hi, False, f"{note}; {part.group(1).lower()} in it"))
                    continue
                if found:
                    today = t.relative == "today"
                    out.append(DateFound(span, t, found[0], found[1], today, note, *_dated_by(anchor)))
                    continue
            out.append(DateFound(span, t, None, None, False, "needs a year that the article does not give"))
    return tuple(out)


# "late last month", "early next month": a part of a month counted from the article.
_PART_OF_MONTH = re.compile(r"\b(early|mid|late)[\s-]+$", re.IGNORECASE)
_COUNTED_MONTHS = frozenset(("last month", "this month", "next month", "previous month"))
# ("It is the fifth workshop that CIFAL Jeju and the RSO have held together … since 2014": a count
# since then, which dates none of them.)
# ", on 8 March" right after a count of days ("30 days later, on 8 March"): the day it comes to.
_DAY_IN_APPOSITION = re.compile(r",\s+(?:on\s+)?")


def _days_beside(text: str, t: Temporal, temporals: Sequence[Temporal]) -> list[Temporal]:
    """The expressions set right after ``t``, beside it ("30 days later, on 8 March", "the
    following week, on 12 December"): the day they name is the day ``t`` tells of."""
    apposed = _DAY_IN_APPOSITION.match(text, t.end)
    return [u for u in temporals if u.start == apposed.end()] if apposed is not None else []


# A period counted from the story, not the article: "the following week", "that month".
_NARRATIVE_WORD = re.compile(
    r"\b(?:following|previous|preceding|that|later|earlier|afterwards)\b", re.IGNORECASE
)
_FIRST_SINCE = re.compile(
    rf"\b(?:only|{ORDINAL_TOKEN})\b[^,;.]{{0,120}}\bsince\s+(?:the\s+)?$", re.IGNORECASE
)


# "ended with the handover of the ASEAN chairmanship for 2017", "Chair for 2020": the year of an
# office's term, not of the event the sentence reports.
def plans_year(text: str, t: Temporal) -> bool:
    """ "… to set priorities for 2017": the year that plans are for (see PLANS_FOR), no date."""
    return t.kind == "year" and PLANS_FOR.search(text, max(0, t.start - 20), t.start) is not None


_TERM_YEAR = re.compile(r"\b(?:chair(?:man)?ship|[Cc]hair)\s+(?:for|of)\s+$")
# "Last year's edition, released on June 24": a report's edition is dated by when it came out, so
# the year that owns it dates its release.
_YEARS_EDITION = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}?(?:report|edition)\b", re.IGNORECASE)
# So does a meeting's, but for that meeting alone: "Last year's AMMTC was hosted online by Viet
# Nam"; "last month's meeting of ministers, where they endorsed the plan" does not date the plan's
# adoption (see events.owned_by_another).
YEARS_MEETING = re.compile(
    r"['’]s\s+(?:[\w-]+\s+){0,2}?(?:summit|meeting|conference|AMMTC|SOMTC)\b", re.IGNORECASE
)


# ("signed a protocol amending the memorandum … that the two countries signed in Bali in May 2006":
# a restrictive clause with an act of its own dates and places the noun it follows. So does one of
# place without a comma: "meeting in the town where the leaders adopted a declaration in May".)
ACT_CLAUSE = re.compile(
    r"(?:\s(?:that|which)|(?<=[a-z]\s)where)\s+(?:the\s+|their\s+)?(?:[\w'’-]+\s+){0,4}?(?:had\s+|have\s+|has\s+)?"
    r"(?:signed|adopted|ratified|endorsed|concluded)\b[^,;]*"
)
# "covering the reporting period …", "Data as at …", "Period covered: …": the span data cover.
# ("The Global Slavery Index released in July … cite Viet Nam's figures for 2017": the year of the
# figures, not of the release.)
_DATA_PERIOD_BEFORE = re.compile(
    r"\b(?:reporting\s+period|period\s+covered|covering\s+the\s+(?:reporting\s+)?period|data\s+as\s+(?:at|of)"
    # ("The NCCT's report for the fourth quarter is due in January": the quarter it covers.)
    r"|(?:figures|data|statistics|estimates|(?:quarterly\s+|annual\s+|progress\s+)?report)\s+(?:for|from|covering)"
    r"(?:\s+the\s+year)?)"
    r"\s*:?\s*(?:from\s+|of\s+)?$",
    re.IGNORECASE,
)
# "usually released in June": a month of every year, none in particular.
_HABITUAL_BEFORE = re.compile(
    rf"\b{HABITUALLY}\s+(?:[\w-]+\s+){{0,2}}?(?:in|on|around|by|during)\s+(?:late\s+|early\s+|mid-?)?$",
    re.IGNORECASE,
)
_ANNIVERSARY_AFTER = re.compile(
    r"\s*,?\s+(?:it\s+)?(?:marks?|marked|will\s+mark|(?:is|was|will\s+be|would\s+be))\s+(?:the\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:years?|months?|decades?|anniversary)\s+(?:since|of|after)\b",
    re.IGNORECASE,
)
# "… had deposited its instrument last year and that the AMMTC would meet later this year": two
# reported clauses joined, each with its own subject, verb and times.
REPORTED_AND = re.compile(r",?\s+(?:and|but|while)\s+that\s+")
# "Leaders discussed the crisis at their summit in April; officials gathered in Bangkok for the
# Special Meeting … on 29 May": a semicolon ends a clause, whose times are its own.
SEMICOLON_CLAUSE = re.compile(r";\s+(?:and\s+)?")
# (A year of one clause is the context of every clause: "this year", "2019".)
_A_YEAR_ONLY = re.compile(r"year|(?:this|last|next|the\s+same|the\s+previous|the\s+following)\s+year")
# (Not on a chronology's row, "17 October 2013 - Thailand ratifies the Protocol; its instrument is
# deposited in New York": the row's day is each clause's.)
DATED_ROW = re.compile(r"[^,;.:]{0,24}?\b(?:19|20)\d\d\s*[-–—:|]\s")
# "Ten years after ASEAN leaders adopted the declaration in Vientiane, officials met …": a clause
# fronted before the main one, with its own subject and verb, up to its comma.
FRONTED_CLAUSE = re.compile(
    r"(?:^|\s(?:--|[-–—])\s+)(?P<clause>(?:(?:[Aa]|[Oo]ne|\w+)\s+(?:days?|weeks?|months?|years?|decades?)\s+)?"
    r"(?:[Aa]fter|[Ss]ince|[Bb]efore|[Oo]nce)\s+(?:[\w'’-]+\s+){1,6}?"
    r"(?:had\s+|have\s+|has\s+)?(?:adopted|signed|ratified|deposited|launched|endorsed|met|agreed|approved)\b[^,;]*)(?=,)"
)
# ("… so that when leaders meet here for their summit in November they have something to adopt": a
# when-clause inside the sentence is its own event's, with its own time.)
# ("a career diplomat who chaired the 10th SOMTC, died … on 4 May 2021": "who" after a noun with no
# comma opens a clause too, whose times are its own.)
PERSONS_CLAUSE = re.compile(
    r"(?:,\s+|(?<=[a-z] ))who\s+[^,;]*"
    # (With the place and the time of what it names, after commas: ", who are due to meet in Bali,
    # Indonesia, in October", "who attended the sixth meeting …, held in Yangon in June".)
    r"(?:,\s+(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*(?=[,;.]|$)|(?:held|hosted|convened|in|on|at|last|next|this)\b[^,;]*))*"
)
RELATIVE_CLAUSE = re.compile(
    rf",\s+(?:which|who|where)\b[^,;]*|(?<=[a-z] )(?:when\s+(?!it\b)|who\s+)[^,;]*|{ACT_CLAUSE.pattern}"
)
# "As reported in Q2, Thailand deposited its instrument … on January 30": when the report told of
# it, not when it was done (a fronted phrase of reporting, as a contact clause below).
_AS_REPORTED = re.compile(
    r"^(?:\d{1,2}[.)]\s+)?(?P<clause>[Aa]s\s+(?:(?:previously|earlier|already|first)\s+)?"
    r"(?:reported|noted|mentioned|announced|stated|described|flagged|indicated|highlighted|discussed)"
    r"\s+(?:in|on|during|at|last|this)\b[^,;]{0,60})(?=,)"
)
# "At the 25th Summit, the Leaders called for the draft convention to be concluded in 2015": what
# was called for has its own time, which is not the meeting's (as a contact clause below).
_CALLED_TO = re.compile(
    rf"\b(?:{DIRECTIVE_VERBS}|called\s+for|pressed\s+for)\b"
    r"[^,;.]{0,120}?\bto\s+(?P<clause>(?:be\s+)?[a-z]+\b[^,;]*)"
)
# "opening the way for Phnom Penh to lift the ban it imposed in October 2011": a clause whose own
# subject is a pronoun, right after the noun it tells of, is that noun's act. Its dates are never
# another event's, even when the sentence has no other date (unlike ", which was held on …", which
# may date the act done there). (Not "the ministry said it signed …": a verb before the pronoun.)
# The subject may be a plural noun too: "drafted the language the ministers endorsed this week".
CONTACT_CLAUSE = re.compile(
    r"\b(?:the|a|an|its|their|his|her)\s+(?:[\w-]+\s+){0,2}?"
    r"(?!(?:said|says|say|told|tells|announced|added|noted|stated|confirmed|reported|that|when|after|before|as|since)\b)"
    r"[a-z-]+(?P<clause>\s+(?:it|they|he|she|(?:the|its|their)\s+[a-z]+s)\s+(?:had\s+|has\s+|have\s+)?"
    r"[a-z]{3,}ed\b[^,;]*)"
)


def _time_constraints(
    ctx: _Context,
    s: Sentence,
    anchor: tuple[Constraint, ...],
    tense: Tense,
    within: int | None = None,
    named_within: bool = False,
) -> list[Constraint]:
    found = _times_of(ctx, s, anchor, tense, within, named_within)
    own = next((c for c in anchor if c.rule == "published" and _STANDS_IN in c.note), None)
    if own is None:
        return found
    # ("“today” counted from the article's date" under a reader's comment or a wire story filed the
    # day before its page: counted from the part's own day, as comment_anchor's note names it.)
    base = "counted from the day " + own.note.replace(" on ", ", ", 1)
    return [replace(c, note=c.note.replace("counted from the article's date", base)) for c in found]


# What comment_anchor's note says of a part's own day: "the story it stands in was filed on …".
_STANDS_IN = " it stands in was "


# A clause after "before" ("until", "by the time") with its own subject and a verb of ending: "before
# the blueprint and the plan both reach their end dates at the close of 2025", "until the work plan
# expires in 2025".
_ENDING_CLAUSE = re.compile(
    r"\b(?:before|until|by\s+the\s+time)\s+(?P<clause>(?:the|its|their|both|all|each)\s+[^,;.]{0,80}?"
    r"\b(?:reach(?:es)?\s+(?:(?:its|their)\s+)?end|expires?|lapses?|runs?\s+out|comes?\s+to\s+an\s+end)\b[^,;.]*)"
)


def _times_of(
    ctx: _Context,
    s: Sentence,
    anchor: tuple[Constraint, ...],
    tense: Tense,
    within: int | None,
    named_within: bool,
) -> list[Constraint]:
    out: list[Constraint] = []
    a = intersect(anchor)
    temporals = sentence_temporals(s, ctx)
    # ", which opens on Thursday": a date inside a relative clause belongs to what the clause is
    # about, unless the sentence has no other date, or the event's own verb stands in the clause
    # (``within``: "last year's report, which was released on July 1").
    clauses = [
        m.span()
        for m in RELATIVE_CLAUSE.finditer(s.text)
        if within is None or not m.start() <= within < m.end()
    ]
    dateline = ctx.article.dateline_span
    outside = [
        t
        for t in temporals
        if not any(a0 <= t.start < a1 for a0, a1 in clauses)
        # The dateline is no other date of the sentence's: it dates the article.
        and not (dateline and s.span(ctx.doc, ctx.original, t.start, t.end).start < dateline[1])
    ]
    # "Cebu, which hosts the 48th summit in May, also hosted the 12th summit in January 2007": an
    # event named inside a relative clause that gives a date has that date, not the main clause's.
    # (Not "last year's report, which was released on July 1": the clause is the report's own.)
    own = [
        t
        for m in RELATIVE_CLAUSE.finditer(s.text)
        if within is not None and named_within and m.start() <= within < m.end()
        for t in temporals
        if m.start() <= t.start < m.end()
    ]
    # "… sent home in February, and delegations want to follow up on the declaration that leaders
    # adopted two years ago": an act told in a restrictive clause of its own takes the clause's times.
    act_clause = [
        m for m in ACT_CLAUSE.finditer(s.text) if within is not None and m.start() <= within < m.end()
    ]
    own = own or [t for m in act_clause for t in temporals if m.start() <= t.start < m.end()]
    if act_clause and not own:
        # ("The convention entered into force in March 2017, and each of the ten states that signed
        # it is a party": a clause's act with no time of its own takes none before it, the main
        # clause's; one after it may still be its own: "… adopted at their 53rd meeting, held online
        # in September".)
        first = min(m.start() for m in act_clause)
        temporals = tuple(t for t in temporals if t.start > first)
        outside = [t for t in outside if t.start > first]
    fronted = [
        m
        for m in FRONTED_CLAUSE.finditer(s.text)
        if within is not None and m.start("clause") <= within < m.end("clause")
    ]
    if fronted:
        # (Its own dates only, none at all if it has none: the main clause's are another act's.)
        outside = own = [
            t for t in temporals for m in fronted if m.start("clause") <= t.start < m.end("clause")
        ]
        if not own:
            return []
    contact = [
        m.span("clause")
        for m in (
            *CONTACT_CLAUSE.finditer(s.text),
            *_AS_REPORTED.finditer(s.text),
            *_CALLED_TO.finditer(s.text),
        )
        if within is None or not m.start("clause") <= within < m.end("clause")
    ]
    # ("The 18th AMMTC, due in Vientiane, opens the final stretch before the blueprint and the plan
    # both reach their end dates at the close of 2025": when other things end, after the event.)
    contact += [
        m.span("clause") for m in _ENDING_CLAUSE.finditer(s.text) if within is None or within < m.start()
    ]
    outside = [t for t in outside if not any(c0 <= t.start < c1 for c0, c1 in contact)]
    unclaimed = [t for t in temporals if not any(c0 <= t.start < c1 for c0, c1 in contact)]
    if within is not None and (joins := [m.start() for m in REPORTED_AND.finditer(s.text)]):
        # "said Malaysia had deposited its instrument last year and that the AMMTC would meet later
        # this year": each reported clause keeps its own times; an act in one takes none of another's.
        lo = max((j for j in joins if j <= within), default=0)
        hi = min((j for j in joins if j > within), default=len(s.text))
        own, outside, unclaimed = ([t for t in ts if lo <= t.start < hi] for ts in (own, outside, unclaimed))
    if within is not None and not DATED_ROW.match(s.text):
        cuts = [m.end() for m in SEMICOLON_CLAUSE.finditer(s.text)]
        lo = max((c for c in cuts if c <= within), default=0)
        hi = min((c for c in cuts if c > within), default=len(s.text))
        if (lo, hi) != (0, len(s.text)) and any(lo <= t.start < hi for t in temporals):
            # (A year stays the context of every clause: "Thailand chairs ASEAN this year; the
            # ministers are due to meet in Bangkok in November".)
            own, outside, unclaimed = (
                [t for t in ts if lo <= t.start < hi or _A_YEAR_ONLY.fullmatch(t.relative or t.kind)]
                for ts in (own, outside, unclaimed)
            )
    person = [
        m
        for m in PERSONS_CLAUSE.finditer(s.text)
        if within is not None and named_within and m.start() <= within < m.end()
    ]
    if person:
        # ("Dato' X, a career diplomat who chaired the 10th SOMTC, died … on 4 May 2021": what the
        # main clause tells of the person is no time of the meeting the person's clause names,
        # which has only its own: "Officials who attended the sixth meeting …, held in Yangon in
        # June, said …".)
        own = [t for m in person for t in temporals if m.start() <= t.start < m.end()]
        if not own:
            return []
    for t in own or outside or unclaimed:
        span = s.span(ctx.doc, ctx.original, t.start, t.end)
        if ctx.article.dateline_span and (span.start, span.end) == ctx.article.dateline_span:
            continue
        if (
            s.text.startswith(("'s ", "’s "), t.end)
            and not _YEARS_EDITION.match(s.text, t.end)
            and not YEARS_MEETING.match(s.text, t.end)
        ):
            continue  # "yesterday's deposit", "last week's raid": the date of that noun
        if _FIRST_SINCE.search(s.text, 0, t.start):
            continue  # "the first ministerial meeting of the Bali Process since 2018": a gap, no date
        if (
            _TERM_YEAR.search(s.text, max(0, t.start - 20), t.start) or plans_year(s.text, t)
        ) and re.fullmatch(r"(?:19|20)\d\d", t.text):
            continue  # "the handover of the ASEAN chairmanship for 2017": the term's year
        if t.year is None and _HABITUAL_BEFORE.search(s.text, max(0, t.start - 40), t.start):
            continue  # "the annual report, usually released in June": every year's June, no date
        if _DATA_PERIOD_BEFORE.search(s.text, max(0, t.start - 50), t.start):
            # "released the annex, covering the reporting period 1 January - 31 December 2018, as
            # delegations arrived for the 34th ASEAN Summit": what the data cover, no event's time.
            continue
        if (
            t.kind == "year-range"
            and t.end_year is not None
            and t.year is not None
            and t.end_year - t.year >= 2
            and any(u.kind != "year-range" for u in temporals)
        ):
            # "identified about 7,000 victims a year in 2015-2018, according to a table circulated at
            # the 13th AMMTC last week": a span of years is the period of the figures, plan or term
            # the sentence speaks of; an event the sentence dates otherwise does not last years.
            continue
        if _ANNIVERSARY_AFTER.match(s.text, t.end):
            # "Next week marks five years since the Convention entered into force", "On Tuesday it
            # will be ten years since …", "Next week is the fifth anniversary of …": the anniversary's
            # time, not the event's.
            continue
        iv = stated_interval(t)
        if iv:
            out.append(
                Constraint("stated-date", f"the article says “{t.text}”", iv[0], iv[1], span, stated=True)
            )
        elif (offset := narrative_days(t.relative)) is not None and counts_back(s.text, t.start, t.end):
            if _days_beside(s.text, t, temporals):
                # "took effect 30 days later, on 8 March": the day it names is the day; the count is
                # the rule's, which the text may reckon another way (the 30th day after).
                continue
            if offset and redescribes_day(s.text, t.start, t.end):
                # "inaugurated on April 7, the day before the Summit opened": the day named is the
                # day; the count is from the summit's opening, not from April 7.
                continue
            past = a is not None and expression_tense(s.text, t.start, tense) == "past"
            base = day_named_before(ctx, span.start, a[1] if past and a is not None else None)
            if base is not None and abs(offset) >= 2 and _span_named_since(ctx, span.start):
                continue
            if base is not None:
                day = base + timedelta(days=offset)
                out.append(
                    # As good as the day it counts from: stated, not relative to the article.
                    Constraint(
                        "stated-date",
                        f"“{t.text}”, counted from {base.isoformat()}",
                        day,
                        day,
                        span,
                        stated=True,
                    )
                )
        elif t.kind == "relative" or t.relative:  # "today", and "June last year"
            if _NARRATIVE_WORD.search(t.text) and any(
                u.kind != "relative" for u in _days_beside(s.text, t, temporals)
            ):
                # "which came out in Vienna the following week, on 12 December": the day named is
                # the day; "the following week" counts from the story's day, not the article's.
                # (Not "Last week, on 2 July": counted from the article, it gives the day its year.)
                continue
            if t.relative == "following week" and (base := day_named_before(ctx, span.start)) is not None:
                # ("On 12 September, the ILO … published the Global Estimates …. The following week,
                # ASEAN ministers met …": the calendar week after that day's, not after the article's.
                # As good as a count from the article's date, below what is stated or on record: the
                # day may be a yearless one placed by the article's year, not the story's.)
                monday = base - timedelta(days=base.weekday()) + timedelta(days=7)
                note = f"“{t.text}”, the week after {base.isoformat()}"
                out.append(Constraint("relative-date", note, monday, monday + timedelta(days=6), span))
                continue
            found = None
            if a and a[0] and a[1]:
                found, note = anchored_interval(t, (a[0], a[1]), expression_tense(s.text, t.start, tense))
            elif t.base_year is not None and t.base_month is None:
                # "the previous year", after a stated year: counted from it (the article's date plays
                # no part), as good as stated, with or without the article's date.
                of_year = (date(t.base_year, 1, 1), date(t.base_year, 12, 31))
                counted, note = anchored_interval(t, of_year, tense)
                if counted:
                    out.append(Constraint("stated-date", note, counted[0], counted[1], span, stated=True))
                continue
            if found:
                out.append(
                    Constraint(
                        "relative-date",
                        f"“{t.text}” {note.split('” ', 1)[-1]}",
                        found[0],
                        found[1],
                        span,
                        *_dated_by(anchor),
                        stated=t.relative == "today",
                    )
                )
            elif t.kind != "relative":
                # "June last year" without the article's date: June, in a year the rest allows.
                out.append(
                    Constraint(
                        "day-month", f"the article says “{t.text}” without a year", None, None, span, annual=t
                    )
                )
        elif (year := year_named_before(ctx, s, t)) is not None and (named := year_interval(t, year)):
            out.append(
                Constraint(
                    "stated-date",
                    f"the article says “{t.text}” of {year}, the year it named before",
                    named[0],
                    named[1],
                    span,
                    stated=True,
                )
            )
        elif (
            a
            and a[0]
            and a[1]
            and (year := when_clause_year(ctx, s, t, (a[0], a[1]))) is not None
            and (named := year_interval(t, year))
        ):
            out.append(
                Constraint(
                    "relative-date",
                    f"the article says “{t.text}” of {year}, the year its when-clause hangs on",
                    named[0],
                    named[1],
                    span,
                )
            )
        elif (year := page_year(ctx, s, t)) is not None and (named := year_interval(t, year)):
            out.append(
                Constraint(
                    "story-year",
                    f"the page's story was in {year} when it says “{t.text}”",
                    named[0],
                    named[1],
                    span,
                )
            )
        elif (
            (year := _story_year(ctx, s, t)) is not None
            and (named := year_interval(t, year))
            and _last_on_or_before(named[1], a[1] if a else None) != named[1]
        ):
            # The story's year, or a later one the article's date allows: a story told in past days
            # may come back to its own, which the yearless day alone does not say. (Where the two
            # are one, the article's date alone dates the day, as below.)
            out += [
                Constraint(
                    "day-month", f"the article says “{t.text}” without a year", None, None, span, annual=t
                ),
                Constraint(
                    "story-year",
                    f"“{t.text}” follows a day of {year} in the story: in {year} or later",
                    named[0],
                    None,
                    span,
                ),
            ]
        else:
            out.append(
                Constraint(
                    "day-month", f"the article says “{t.text}” without a year", None, None, span, annual=t
                )
            )
    return out


def _last_on_or_before(day: date, latest: date | None) -> date | None:
    """The last return of ``day`` (its month and day, in its year or a later one) on or before the
    article's latest date."""
    if latest is None or latest < day:
        return None
    back = day
    while (ahead := _year_after(back)) <= latest:
        back = ahead
    return back


def _year_before(d: date) -> date:
    try:
        return d.replace(year=d.year - 1)
    except ValueError:  # 29 February
        return d.replace(year=d.year - 1, day=28)


def _year_after(d: date) -> date:
    try:
        return d.replace(year=d.year + 1)
    except ValueError:  # 29 February
        return d.replace(year=d.year + 1, day=28)


def _dated_by(anchor: tuple[Constraint, ...]) -> tuple[str | None, str | None]:
    """The sidecar the article's date was read from, and the page's URL, when a sidecar gave it."""
    source = next((c for c in anchor if c.rule == "published" and c.reference), None)
    return (source.reference, source.url) if source else (None, None)


def _anchor_relation(anchor: tuple[Constraint, ...], tense: Tense, annual: bool) -> list[Constraint]:
    """How an event relates to the article's date: past events before it, future ones after."""
    a = intersect(anchor)
    if not a or (a[0] is None and a[1] is None):
        return []
    lo, hi = a
    # The article's date as evidence: its sidecar, when that is where it was read.
    where = _dated_by(anchor)
    if tense == "past":
        if hi is None:  # nothing bounds the article's date from above
            return []
        window = _year_before(lo) + timedelta(days=1) if (annual and lo) else None
        note = "reported in the past tense, so no later than the article's date" + (
            "; a day without a year means the last such day before it" if annual else ""
        )
        return [Constraint("article-date", note, window, hi, None, *where)]
    if tense == "future":
        if lo is None:
            return []
        # A day without a year still to come is the next such day: within the year after.
        window = _year_after(hi) - timedelta(days=1) if (annual and hi) else None
        note = "reported as future, so no earlier than the article's date" + (
            "; a day without a year means the next such day after it" if annual else ""
        )
        return [Constraint("article-date", note, lo, window, None, *where)]
    # Ongoing on the article's date: the event spans that date, so it may have begun before it and
    # end after it. A month either way holds a meeting or a campaign week; it never fixes the date.
    lo = lo - timedelta(days=ONGOING_DAYS) if lo else None
    hi = hi + timedelta(days=ONGOING_DAYS) if hi else None
    return [
        Constraint(
            "article-date",
            f"reported as ongoing, so within {ONGOING_DAYS} days of the article's date",
            lo,
            hi,
            None,
            *where,
        )
    ]


ONGOING_DAYS = 31
"""How far an event reported as ongoing may extend before or after the article's date."""


def _programme_constraints(ctx: _Context, s: Sentence) -> list[Constraint]:
    out = []
    for start, end, row in ctx.gaz.programmes.find(s.text):
        lo, hi = row.interval()
        out.append(
            Constraint(
                "programme-period",
                f"supported under {row.get('name')}, which ran from {row.get('start')} to "
                f"{row.get('end') or 'now'}",
                lo,
                hi,
                s.span(ctx.doc, ctx.original, start, end),
                row.origin,
                row.source,
            )
        )
    return out
