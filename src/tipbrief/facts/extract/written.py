"""The article's own date: every clue it gives about when it was written, intersected first.

Every relative or yearless expression ("today", "last week", "on June 20") is only as good as the
article's date, so it is found before any event is dated. The clues, in the order they win when
they disagree (a later one that contradicts those before it is dropped):

1. its metadata: front matter, a sidecar, a "Posted on" line, a dateline with its year;
2. the terms of the office-holders it names in office;
3. a chairmanship it reports in the present ("Myanmar, which chairs ASEAN in 2014"): that year;
4. the future it speaks of ("will be adopted in 2015": written before the end of 2015; an
   instrument it expects to be adopted: written before the adoption the reference rows record);
5. numbered meetings and summits it reports as current ("the 27th ASEAN Summit opens today", "on
   the sidelines of the ongoing 16th AMMTC"): written within a week of the meeting;
6. a recorded event it dates relative to itself ("the Convention, which the leaders signed in Kuala
   Lumpur last year"): written in the year (or month) after it; or with a day but no year ("handed
   its instrument of ratification on February 7", a deposit recorded on 7 February 2017): written
   in the year after it (before it, in the future tense);
7. dates it reports in the past tense: written on or after their first day;
8. last, a dateline without its year ("VIENTIANE, Nov. 21 (Bernama) --"): the day the rest allows.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from functools import partial

from tipbrief.common.months import WEEKDAYS
from tipbrief.common.words import sentence_words
from tipbrief.facts.corpus import (
    COMMENT_STAMP,
    COPY_NOTE,
    COPY_TAKEN,
    EVENT_FIELD,
    MONTH_RE,
    YEARLESS_DATE_LINE,
    _date_of_line,
    parse_full_date,
    spelled,
    web_archive_capture,
)
from tipbrief.facts.extract.acts import countries
from tipbrief.facts.extract.dates import (
    LOOKS_AHEAD,
    _dateline_agrees,
    entry_year,
    labelled_entry,
    plans_year,
    timeline_year,
)
from tipbrief.facts.extract.events import (
    _EVE_OF,
    _edition_reference,
    _frames,
    _identifications,
    _instrument_reference,
    _numbered_by_name,
)
from tipbrief.facts.extract.instruments import _adopted_instruments, _instrument_names, _instrument_row
from tipbrief.facts.extract.launches import editions_of_series, recorded_editions, the_edition_named
from tipbrief.facts.extract.patterns import _FUTURE_ADOPTION, _FUTURE_BEFORE, PERIOD_FOR, REPORTING_VERBS
from tipbrief.facts.extract.records import (
    Constraint,
    Identification,
    PersonMention,
    Sentence,
    _Context,
    consistent,
    intersect,
)
from tipbrief.facts.extract.sentences import (
    _event_tense,
    _tense,
    clause_tense,
    only_future,
    only_past,
    unasserted,
)
from tipbrief.facts.extract.where import dateline_of
from tipbrief.facts.gazetteer import Candidate
from tipbrief.facts.model import DateInterval, Document, Evidence, Span
from tipbrief.facts.reference import Row, parse_partial
from tipbrief.facts.resolve.labels import interval_label
from tipbrief.facts.temporal.expressions import _NUMBER_WORDS, Temporal, extract_temporals
from tipbrief.facts.temporal.intervals import (
    _relative_interval,
    _shift_years,
    anchored_interval,
    stated_interval,
    year_interval,
)

# Words that place a meeting at the time of writing: the article reports it as it happens.
# "Five years ago today", "a year ago yesterday": an anniversary, not the day itself.
_CURRENT = re.compile(
    r"\b(?<!ago )(?:today|tonight|tomorrow|yesterday|this (?:morning|afternoon|evening|week)|ongoing|"
    r"underway|under way|being held|opens|opened here|kicks? off|here|"
    # ("at the 42nd ASEAN Summit, which is taking place in … from May 9 to 11")
    r"(?:is|are)\s+(?:now\s+)?taking\s+place)\b"
    # "…, as the 15th ASEAN Summit opened in this Thai seaside resort": reported as it opened.
    r"|\b(?:as|when) the [^.;]{0,60}?\b(?:opened|began|got under ?way|kicked off)\b"
    r"|\bin this (?:[\w-]+\s+){0,3}(?:city|town|capital|resort|island)\b",
    re.IGNORECASE,
)
_HERE = re.compile(r"\bhere\b", re.IGNORECASE)
# A time a month or more before the article, which "here" does not make current ("met here in
# April": a month, told in the past).
_HERE_BEFORE = re.compile(
    r"\b(?:(?:last|previous)\s+(?:month|year)|(?:weeks|months|years)\s+ago|earlier\s+(?:this|in\s+the)\s+(?:month|year))\b"
    # ("The 14th ASEAN Summit itself had been held here …": a past before the past, never now.)
    r"|\bhad\s+been\s+(?:held|hosted|convened)\b"
    # ("… at the 10th AMMTC, held here in KL in late September": the place may come between; so
    # may the meeting, "met here in Manila for the 11th AMMTC in September".)
    rf"|\b(?:met|held|gathered|convened)\s+here\b(?:\s+in\s+[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)?"
    rf"(?:\s+for\s+the\s+[^.;,]{{1,60}}?)?"
    rf"\s+in\s+(?:(?:early|mid|late)[-\s]+)?(?:{MONTH_RE})\b(?!\s+\d)"
    # ("In August, ministers on transnational crime met here for their 18th meeting": or before it.)
    rf"|^\W*(?:[A-Z]{{2,}}:\s*)?(?:[Bb]ack\s+)?[Ii]n\s+(?:(?:early|mid|late)[-\s]+)?(?:{MONTH_RE})\b(?!\s+\d)[^.;]{{0,80}}?"
    rf"\b(?:met|held|gathered|convened)\s+here\b",
    re.IGNORECASE,
)
_RELATIVE_ASIDE = re.compile(r",\s+(?:which|who)\s+[^,;]*,")
CURRENT_DAYS = 7
"""How far from a meeting's own dates an article that reports it as current may be written: a
report the day before it opens ("tomorrow") or a week after it closed still counts."""
MEETING_DAYS = 31
"""A reference row narrower than this dates a meeting; wider ones (a year a series implies) are
estimates too loose to date an article by."""
# A past-tense sentence that reports something not yet done: no lower bound on the article.
_NOT_DONE = re.compile(
    r"\b(?:will|would|shall|could|should|may|might|to be|expected|expects?|plans?|planned|schedul\w*|"
    r"upcoming|forthcoming|next|coming|proposed|aims?|hopes?|targets?|until|by)\b",
    re.IGNORECASE,
)


def anchor_constraints(ctx: _Context, people: list[PersonMention]) -> tuple[Constraint, ...]:
    """What the article says about its own date, the clues in the order of the module's list."""
    if any(s.paragraph.written for s in ctx.sentences):
        # (Readers' comments below the story were written later, each on its own day: no clue to
        # when the story was.)
        ctx = replace(ctx, sentences=tuple(s for s in ctx.sentences if s.paragraph.written is None))
    own = _own_day(ctx)
    clues = [
        *_metadata(ctx),
        # (A copy taken on a day is a fact of the page's own: what it existed by.)
        *_copy_taken(ctx),
        *_comment_stamps(ctx),
        *_page_reviewed(ctx),
        *_masthead_month(ctx),
        *_today_stated(ctx),
        *_release_number(ctx),
        *_reporting_period(ctx),
        *_programme_cover(ctx),
        *_closing_line(ctx),
        *_office_terms(ctx, people),
        # (Before a chair "in 2012" told in the present, which may be a schedule: "Cambodia chairs
        # ASEAN in 2012", written while the 7th AMMTC "is taking place today" in 2009.)
        *_current_meetings(ctx),
        *_present_chair(ctx),
        *_future(ctx),
        *_relative_to_recorded(ctx),
        *_recorded_days(ctx, own),
        *_past_dates(ctx),
        *_held_meetings(ctx),
        *_summit_in_dateline_city(ctx, own),
    ]
    clues = _posts_before(ctx, clues)
    # ("An earlier version of this story said the 10th AMMTC was held in 2016": no clue.)
    doc = ctx.article.document
    # (Nor a question: "Q: The Convention entered into force in 2016, didn't it?" asserts nothing.)
    withdrawn = [s.span(doc.id, doc.text, 0, len(s.text)) for s in ctx.sentences if unasserted(s.text)]
    clues = [c for c in clues if not (c.span and any(w.start <= c.span.start < w.end for w in withdrawn))]
    # The article's own dates come first; a later constraint that contradicts them is dropped. A
    # dateline's day is the article's own word too, year or not: a clue that allows no such day
    # misread something.
    if own is not None:
        clues = [
            c
            for c in clues
            if (c.earliest, c.latest) == (None, None)
            or _days_within(own[0], c.earliest, c.latest) is not None
        ]
    kept, _ = consistent(clues, partial(_allows_day, own[0]) if own is not None else None)
    kept += _chair_this_year(ctx, kept)
    dateline = _yearless_dateline(kept, own)
    return (*kept, dateline) if dateline is not None else tuple(kept)


# A copy's own note of when it was taken ("Printed from the ASEAN website on 2 October 2017", "Page
# generated 8 March 2017, 14:05 ICT").
_COPY_VERB = re.compile(rf"{COPY_NOTE}\b", re.I)


def _no_later_than(
    ctx: _Context, reason: str, rule: str, day_of: Callable[[str], date | None], what: str
) -> list[Constraint]:
    """A line the corpus set aside for ``reason`` that holds a day the page existed by."""
    doc = ctx.article.document
    out = []
    for dropped in doc.dropped:
        if dropped.reason != reason:
            continue
        line = doc.text[dropped.start : dropped.end]
        day = day_of(line)
        if day is not None:
            out.append(
                Constraint(
                    rule,
                    f"{what} on {day.isoformat()}, so it was written no later",
                    None,
                    day,
                    Span(doc.id, dropped.start, dropped.end, line[:80]),
                )
            )
    return out


def _copy_day(line: str) -> date | None:
    day = web_archive_capture(line)
    if day is None and _COPY_VERB.match(line):
        day = next(
            (
                iv[0]
                for t in extract_temporals(spelled(line))
                if (iv := stated_interval(t)) and iv[0] == iv[1]
            ),
            None,
        )
    return day


def _stamp_day(line: str) -> date | None:
    untimed = re.sub(r"\s*(?:,?\s*at\s+)?\d{1,2}[:.]\d{2}.*$", "", line)
    return _date_of_line(line) or parse_full_date(untimed)


def _copy_taken(ctx: _Context) -> list[Constraint]:
    """A copy of the page taken on a day (a web archive's capture, a printout): written no later."""
    return _no_later_than(ctx, COPY_TAKEN, "copy-taken", _copy_day, "a copy of the page was taken")


def _comment_stamps(ctx: _Context) -> list[Constraint]:
    """A reader's comment under the page, stamped with its day: the page was written no later."""
    return _no_later_than(ctx, COMMENT_STAMP, "comment-stamp", _stamp_day, "a reader commented on the page")


# "Page last reviewed: March 2019", "Last updated: May 2023": a reference page's line of its own
# that says when its text was last gone over, to the month.
_PAGE_REVIEWED = re.compile(
    r"(?:(?:This\s+)?page\s+(?:was\s+)?)?(?:last\s+)?(?:updated|reviewed|revised|checked)(?:\s+(?:on|in))?\s*:?\s*"
    rf"(?P<date>(?:{MONTH_RE})\.?,?\s+(?:19|20)\d\d)\.?",
    re.IGNORECASE,
)


def _page_reviewed(ctx: _Context) -> list[Constraint]:
    """A line that gives the month the page was last updated or reviewed: it is as of that month."""
    doc = ctx.article.document
    out = []
    for s in ctx.sentences:
        m = _PAGE_REVIEWED.fullmatch(s.text.strip()) if len(s.text) <= 60 else None
        found = next(iter(extract_temporals(m.group("date"))), None) if m else None
        iv = stated_interval(found) if found is not None else None
        if m is None or iv is None or iv[0] is None:
            continue
        span = s.span(doc.id, doc.text, m.start("date"), m.end("date"))
        note = f"the page says it was last reviewed in “{span.quote}”"
        out.append(Constraint("page-reviewed", note, *iv, span))
    return out


# "FACT SHEET | July 2017", "Newsletter | Issue No. 42 | October 2019": a masthead whose last field
# is the month the page is of.
_MASTHEAD_MONTH = re.compile(
    rf"[^|\n]{{1,60}}(?:\|[^|\n]{{1,40}})*\|\s*(?P<date>(?:{MONTH_RE})\.?,?\s+(?:19|20)\d\d)\s*"
)


# "Vientiane, June 2009" under a report's authors: where and in which month it was prepared.
_PLACE_MONTH = re.compile(
    rf"\s*(?P<place>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){{0,2}}),\s+(?P<date>(?:{MONTH_RE})\.?,?\s+(?:19|20)\d\d)\.?\s*"
)


def _masthead_month(ctx: _Context) -> list[Constraint]:
    """A masthead line among the page's first that gives the month of the issue, or a line of a
    place and a month ("Vientiane, June 2009"): the page is of it."""
    doc = ctx.article.document
    for line in re.finditer(r"[^\n]+", doc.text[:600]):
        masthead = _MASTHEAD_MONTH.fullmatch(line.group()) if line.start() < 400 else None
        placed = _PLACE_MONTH.fullmatch(line.group())
        if placed is not None and ctx.gaz.place_row(placed.group("place")) is None:
            placed = None
        m = masthead or placed
        found = next(iter(extract_temporals(m.group("date"))), None) if m else None
        iv = stated_interval(found) if found is not None else None
        if m is None or iv is None or iv[0] is None:
            continue
        at = line.start() + m.start("date")
        span = Span(doc.id, at, at + len(m.group("date")), m.group("date"))
        what = "masthead" if masthead else f"line “{line.group().strip()}”"
        return [Constraint("masthead-month", f"the page's {what} dates it “{span.quote}”", *iv, span)]
    return []


def _posts_before(ctx: _Context, clues: list[Constraint]) -> list[Constraint]:
    """A clue read in a post timed from the reading ("u/mekong_watcher · 3 days ago": "… starting
    today") dates that post: the page, read that many days later, is as much later."""
    posts = [(p.start, p.end, p.ago) for p in ctx.article.paragraphs if p.ago is not None]
    if not posts:
        return clues
    out = []
    for c in clues:
        ago = next((a for lo, hi, a in posts if c.span and lo <= c.span.start < hi), None)
        if ago is not None:
            c = replace(
                c,
                earliest=c.earliest + timedelta(days=ago[0]) if c.earliest else None,
                latest=c.latest + timedelta(days=ago[1]) if c.latest else None,
                note=f"{c.note}; in a post from {ago[0]}-{ago[1]} days before the page was read",
            )
        out.append(c)
    return out


def written_interval(anchor: tuple[Constraint, ...]) -> DateInterval:
    """The article's date as an interval with its evidence ("date unknown" when nothing bounds it)."""
    lo, hi = intersect(anchor) or (None, None)
    yearless = next((c for c in anchor if c.annual is not None), None)
    label = interval_label(lo, hi)
    if yearless is not None and yearless.span is not None and not (lo and hi):
        label = f"{yearless.span.quote}, year unknown" + (f" ({label})" if (lo or hi) else "")
    stated = any(c.stated and c.earliest == lo and c.latest == hi for c in anchor)
    evidence = tuple(
        Evidence(c.rule, c.note, c.earliest, c.latest, c.span, c.reference, c.url) for c in anchor
    )
    return DateInterval(lo, hi, label, "stated" if stated and lo is not None else "inferred", evidence)


def _metadata(ctx: _Context) -> list[Constraint]:
    doc = ctx.article.document
    if not doc.published:
        return []
    # An imported article's date comes from its sidecar, which names the page it was read from.
    sidecar = ctx.article.published_from
    ahead = 0 if sidecar or _filed_outside_south_east_asia(ctx) else _day_ahead_in_asia(doc)
    note = f"the article is dated {doc.published.isoformat()}"
    if ahead:
        note += ", an American evening that was already the next day in South-East Asia"
    out = [
        Constraint(
            "published",
            note,
            doc.published,
            doc.published + timedelta(days=ahead),
            reference=sidecar,
            url=doc.url if sidecar else None,
            stated=True,
        )
    ]
    if ctx.article.dateline_span:
        line_start, line_end = ctx.article.dateline_span
        span = Span(doc.id, line_start, line_end, doc.text[line_start:line_end])
        day = next(
            (
                doc.published + timedelta(days=n)
                for n in range(ahead + 1)
                if _dateline_agrees(span.quote, doc.published + timedelta(days=n))
            ),
            None,
        )
        if day is None:
            return out
        out.append(Constraint("dateline", f"the dateline reads “{span.quote}”", day, day, span, stated=True))
    return out


# A story filed under a dateline outside these was written where an American stamp's day is the
# day; under one of these, or with no dateline, an American evening may already be the next day
# where it was written (see _day_ahead_in_asia).
_SOUTH_EAST_ASIA = frozenset(
    {
        "Brunei Darussalam",
        "Cambodia",
        "Indonesia",
        "Lao PDR",
        "Malaysia",
        "Myanmar",
        "Philippines",
        "Singapore",
        "Thailand",
        "Timor-Leste",
        "Viet Nam",
    }
)


def _filed_outside_south_east_asia(ctx: _Context) -> bool:
    name = ctx.article.document.dateline_place
    row = ctx.gaz.place_row(name) if name else None
    return row is not None and ctx.gaz.country_of(row) not in _SOUTH_EAST_ASIA


# "Posted Nov 21, 2015 11:40 PM EST": a date line's clock in an American zone, and its hours behind
# UTC (a zone with and without summer time: the fewer). (Not a UTC or European stamp, "last edited on
# 8 October 2025, at 22:40 (UTC)": a page edited from anywhere is of the day its stamp names.)
_AMERICAN_CLOCK = re.compile(
    r"\b(?P<h>\d{1,2})[:.](?P<m>\d{2})\s*(?P<ap>[aApP])?\.?[mM]?\.?\s*\(?"
    r"(?P<zone>ET|EST|EDT|CT|CST|CDT|PT|PST|PDT)\b"
)
_BEHIND_UTC = {"ET": 4, "EST": 5, "EDT": 4, "CT": 5, "CST": 6, "CDT": 5, "PT": 7, "PST": 8, "PDT": 7}
_ASEAN_AHEAD_OF_UTC = 8  # (Singapore, Manila, Kuala Lumpur; Jakarta and Bangkok +7, Yangon +6:30)


def _day_ahead_in_asia(doc: Document) -> int:
    """1 when the date line that gives the article's day was stamped late enough in an American zone
    that South-East Asia had reached the next day: "Nov 21, 2015 11:40 PM EST" is 22 November in
    Kuala Lumpur, where a story filed from there under a US stamp was written; with no dateline,
    where it was written is not known, so either day."""
    for d in doc.dropped:
        if "date line" not in d.reason:
            continue
        clock = _AMERICAN_CLOCK.search(doc.text, d.start, d.end)
        if clock is None:
            continue
        hour = int(clock.group("h")) % 12 if clock.group("ap") else int(clock.group("h"))
        if clock.group("ap") and clock.group("ap").lower() == "p":
            hour += 12
        if hour + _BEHIND_UTC[clock.group("zone")] + _ASEAN_AHEAD_OF_UTC >= 24:
            return 1
    return 0


# "Today (4 September B.E. 2560 (2017)), the spokesperson … announced", "Today, 4 September 2017, the
# Ministry …": the article names its own day in full.
_TODAY_FULL = re.compile(r"\b[Tt]oday\s*[(,]\s*$")


# "Press Release No. 27/2019", "Media Statement No: 045/2023": a release numbered in its year's
# series, which dates it to that year (its date line may give only the day and month).
_RELEASE_NUMBER = re.compile(
    r"\b(?:[Rr]elease|RELEASE|[Ss]tatement|STATEMENT|[Nn]otice|NOTICE|[Aa]nnouncement|[Bb]ulletin)\s+"
    r"(?:No|NO|Nr|Ref)\.?\s*:?\s*\d{1,4}\s*/\s*(?P<y>(?:19|20)\d\d)\b(?!\s*/)"
    # ("Advisory No. 12, Series of 2019", "Memorandum Circular No. 5 s. 2019": an issuance numbered
    # in the year's series, as Philippine agencies number them.)
    r"|\bNo\.?\s*\d{1,4},?\s+(?:[Ss]eries\s+of|SERIES\s+OF|s\.)\s*(?P<sy>(?:19|20)\d\d)\b"
)


def _letterhead(ctx: _Context) -> tuple[str, ...]:
    """Where a release or a report names itself: its title and its first three sentences."""
    return (ctx.article.document.title or "", *(s.text for s in ctx.sentences[:3]))


def _release_number(ctx: _Context) -> list[Constraint]:
    """The year of the series a release is numbered in, from its letterhead (the title or the
    first sentences)."""
    for text in _letterhead(ctx):
        m = _RELEASE_NUMBER.search(text)
        if m:
            y = int(m.group("y") or m.group("sy"))
            note = f"the release is numbered “{m.group().strip()}”, of {y}"
            return [Constraint("release-number", note, date(y, 1, 1), date(y, 12, 31))]
    return []


# "Situation Report No. 3 / Reporting period: 1-15 June 2015", "Period covered: January-December
# 2019": a report written when its period ended, soon after a short one.
_REPORTING_PERIOD = re.compile(
    r"\b(?:(?:[Rr]eporting|[Rr]eview|[Cc]overage)\s+[Pp]eriod|[Pp]eriod\s+[Cc]overed|REPORTING\s+PERIOD)\s*:\s*"
)
SHORT_PERIOD_DAYS = 31
"""A reporting period this long or shorter (a day, a week, a fortnight, a month) is reported within
two months of its end; a longer one within the year after it."""


def _reporting_period(ctx: _Context) -> list[Constraint]:
    """The period a report covers, from its letterhead (the title or the first sentences): it was
    written after the period's end."""
    for text in _letterhead(ctx):
        m = _REPORTING_PERIOD.search(text)
        if m is None:
            continue
        found = next((t for t in extract_temporals(text[m.end() : m.end() + 60])), None)
        iv = stated_interval(found) if found is not None and found.start == 0 else None
        if found is None or iv is None or iv[0] is None:
            return []
        days = (iv[1] - iv[0]).days + 1
        after = 62 if days <= SHORT_PERIOD_DAYS else 366
        note = f"the report covers “{found.text}”, so it was written after it ended"
        return [Constraint("reporting-period", note, iv[1], iv[1] + timedelta(days=after))]
    return []


# A programme's cover says what the page is on a line of its own: "PROGRAMME", "CONFERENCE PROGRAMME",
# "PROGRAMME BOOK", "Provisional Agenda".
_PROGRAMME_LINE = re.compile(
    r"(?:(?:conference|final|provisional|draft|detailed)\s+)?(?:programme|program|agenda)"
    r"(?:\s+(?:book|booklet|and\s+abstracts?))?",
    re.IGNORECASE,
)
# "Version as at 6 February 2023 – subject to change": the day the programme was last set.
_PROGRAMME_VERSION = re.compile(r"(?:Version|Updated|Revised|Status)\s+(?:as\s+(?:at|of)|of|on)\s+", re.I)
_COVER_LINES = 12
_GATHERING_DAYS = 14
"""A gathering lasts two weeks at most; a longer span on a cover is no gathering's days."""


def _programme_cover(ctx: _Context) -> list[Constraint]:
    """The days of the gathering a programme was printed for, on its cover above the line that says
    it is a programme ("6–7 December 2012" or "Kuala Lumpur, 19–20 November 2015" over "CONFERENCE
    PROGRAMME"): the book is handed out at the opening, so its welcome message and its "next week"
    speak from the first day; a version line on the cover ("Version as at 6 February 2023") gives
    the day it was set instead."""
    doc = ctx.article.document
    lines = doc.text.split("\n", _COVER_LINES)[:_COVER_LINES]
    at = next((i for i, line in enumerate(lines) if _PROGRAMME_LINE.fullmatch(line.strip())), None)
    if at is None:
        return []
    for line in lines[at + 1 :]:
        if (m := _PROGRAMME_VERSION.match(line.strip())) is not None:
            found = extract_temporals(line.strip()[m.end() :])
            iv = stated_interval(found[0]) if found and found[0].start == 0 else None
            if iv is not None and iv[0] is not None and iv[0] == iv[1]:
                note = f"the programme is a version as at {interval_label(*iv)}"
                return [Constraint("programme-cover", note, iv[0], iv[0])]
    for line in lines[:at]:
        text = line.strip()
        found = extract_temporals(text)
        # (The days alone on the line, or after the place: "Kuala Lumpur, 19–20 November 2015".)
        if (
            len(found) != 1
            or found[0].end != len(text)
            or not re.fullmatch(r"(?:[^\d,]{2,60},\s*)*", text[: found[0].start])
        ):
            continue
        iv = stated_interval(found[0])
        if iv is None or iv[0] is None or iv[1] is None or (iv[1] - iv[0]).days >= _GATHERING_DAYS:
            continue
        note = f"the programme is for a gathering of “{found[0].text}”, handed out on its first day"
        return [Constraint("programme-cover", note, iv[0], iv[0])]
    return []


def _today_stated(ctx: _Context) -> list[Constraint]:
    """The whole date the article gives for "today" in its first paragraphs."""
    doc = ctx.article.document
    if doc.published:
        return []
    for s in ctx.sentences[:6]:
        for t in extract_temporals(s.text):
            if t.kind == "date" and t.year and t.month and t.day and _TODAY_FULL.search(s.text, 0, t.start):
                day = date(t.year, t.month, t.day)
                span = s.span(doc.id, doc.text, t.start, t.end)
                return [
                    Constraint(
                        "published", f"the article calls today “{span.quote}”", day, day, span, stated=True
                    )
                ]
    return []


# "DONE at Vientiane, Lao PDR, this Twenty-Eighth Day of August in the Year Two Thousand and
# Twenty-Four", "Issued in Jakarta on 10 May 2023": a statement's closing line gives its date.
_CLOSING = re.compile(
    r"^(?:DONE|Done|Signed|SIGNED|Issued|ISSUED|Adopted|ADOPTED)\s+(?:at|in|by)\s+[^.;]{2,80}?,?\s+"
    # ("… on the 18th day of October B.E. 2559 (2016)": a Buddhist Era year's dots.)
    r"(?:on\s+)?(?:this\s+|the\s+)?(?P<when>(?:B\.\s?E\.|[^.;]){6,90}?)\.?\s*$"
)


def parse_closing_date(line: str) -> date | None:
    """The date a statement's closing line gives ("DONE at …, this Twenty-Eighth Day of August in
    the Year Two Thousand and Twenty-Four", "Issued in Jakarta on 10 May 2023"), if whole."""
    m = _CLOSING.match(line.strip())
    if m is None:
        return None
    when = m.group("when").strip()
    # (The place may run on: "Done at Kuala Lumpur, Malaysia, on 21 November 2015": the date is the
    # part after its last "on", "this" or comma.)
    for cut in [0, *(x.end() for x in re.finditer(r"\bon\s+|\bthis\s+|,\s*", when))]:
        found = parse_full_date(when[cut:])
        if found is not None:
            return found
    # ("this Twenty-Eighth Day of August in the Year Two Thousand and Twenty-Four", "on the 18th day
    # of October B.E. 2559 (2016)": a day in words, read as any temporal expression is.)
    for t in reversed(extract_temporals(when)):
        if t.kind == "date" and t.year is not None and t.month is not None and t.day is not None:
            return date(t.year, t.month, t.day)
    return None


def _closing_line(ctx: _Context) -> list[Constraint]:
    """A statement's closing line ("DONE at …", "Issued in … on …") among its last paragraphs."""
    doc = ctx.article.document
    if doc.published:
        return []
    for s in ctx.sentences[-4:]:
        found = parse_closing_date(s.text)
        if found is not None:
            span = s.span(doc.id, doc.text, 0, len(s.text.rstrip(". ")))
            return [
                Constraint(
                    "published", f"the statement closes “{span.quote}”", found, found, span, stated=True
                )
            ]
    # "(Published 20 March 2022)", "— The Editorial Board, 14 October 2024", a release's sign-off block
    # ("Ministry of Foreign Affairs / Bangkok / 12 March 2019"): a date line that ends the article, as
    # one under the headline begins another.
    # ("Phnom Penh, 12 June 2024" / "Embassy of Australia": or the block's line above its signer's.)
    lines = [x for x in doc.text.rstrip().splitlines() if x.strip()][-3:]
    for last_line in reversed(lines):
        closing = _bare_line(last_line)
        if not closing or len(closing) > 80 or closing.endswith("."):
            break
        ended = _date_of_line(closing)
        at = doc.text.rfind(closing)
        if any(d.reason == COMMENT_STAMP and d.start <= at < d.end for d in doc.dropped):
            break  # (a reader's comment's stamp, under "7 comments:": after the page)
        if ended is not None and not _a_lists_entry(doc.text, closing):
            span = Span(doc.id, at, at + len(closing), closing)
            return [Constraint("published", f"the article ends “{closing}”", ended, ended, span, stated=True)]
    return []


def _bare_line(line: str) -> str:
    """A line without its brackets and leading dash: "(Published 20 March 2022)", "— The Board, …"."""
    return line.strip().strip("()").lstrip("—–- ").strip()


def _a_lists_entry(text: str, line: str) -> bool:
    """Whether a dated last line is the last entry of a list of such lines ("Sixth Ministerial
    Conference, Bali, 23 March 2016" … "Eighth Ministerial Conference, Adelaide, 10 February 2023"),
    the list's last day, not the article's: two other lines with as many commas that are dated too."""
    commas = line.count(",")
    alike = 0
    for other in map(_bare_line, text.splitlines()):
        if (
            other
            and other != line
            and other.count(",") == commas
            and len(other) <= 80
            and _date_of_line(other)
        ):
            alike += 1
            if alike >= 2:
                return True
    return False


def _office_terms(ctx: _Context, people: list[PersonMention]) -> list[Constraint]:
    """ "Prime Minister Julia Gillard said …": the article falls in that term. Not where the sentence
    dates what the person did ("* 20 November 2012 - Prime Minister Julia Gillard announces …", "In
    2012, Prime Minister … announced"): the title is as of that day, not of the article's."""
    if not any(p.term for p in people):
        return []
    doc = ctx.article.document
    dated = [
        s.span(doc.id, doc.text, 0, len(s.text))
        for s in ctx.sentences
        if timeline_year(s) is not None or any(t.year is not None for t in extract_temporals(s.text))
    ]
    return [
        replace(p.term, note=p.term.note + "; the article names them in office, so it falls in that term")
        for p in people
        if p.term and not any(d.start <= p.span.start < d.end for d in dated)
    ]


# "Myanmar, which chairs ASEAN in 2014", "as it holds the ASEAN chairmanship for 2023": the
# present tense puts the article in that year (a past or future chair says nothing of the kind).
_PRESENT_CHAIR = re.compile(
    r"\b(?:chairs|is chairing|holds the (?:rotating )?(?:ASEAN )?chair(?:manship)?(?: of ASEAN)?)"
    r"(?: ASEAN)?\b[^.;]{0,20}?\b(?:in|for|this year,?) ?(?P<year>(?:19|20)\d\d)\b"
)


def _present_chair(ctx: _Context) -> list[Constraint]:
    doc = ctx.article.document
    out: list[Constraint] = []
    for s in ctx.sentences:
        if _event_tense(s.text) == "future":
            continue  # ("Malaysia, which chairs ASEAN in 2025, is to host the 19th AMMTC": a schedule)
        for m in _PRESENT_CHAIR.finditer(s.text):
            year = int(m.group("year"))
            out.append(
                Constraint(
                    "present-chair",
                    f"the article says “{m.group()}” in the present tense, so it was written in {year}",
                    date(year, 1, 1),
                    date(year, 12, 31),
                    s.span(doc.id, doc.text, m.start(), m.end()),
                )
            )
    return out


# "Malaysia, which holds the ASEAN chairmanship this year": one of the years that country chaired.
_CHAIR_THIS_YEAR = re.compile(
    r"\b(?:holds|chairs|is chairing|currently chairs|is)\s+(?:the\s+)?(?:rotating\s+)?(?:ASEAN\s+)?"
    r"(?:chair(?:manship)?(?:\s+of\s+ASEAN)?|ASEAN)\s+this\s+year\b|\bthis\s+year['’]s\s+(?:ASEAN\s+)?chair\b"
    # "Malaysia, as ASEAN chair, had convened the meeting" (a sentence that gives no year)
    r"|\bas\s+(?:the\s+)?(?:current\s+)?ASEAN\s+chair(?:man)?\s*,|\bas\s+(?:the\s+)?(?:current\s+)?chair\s+of\s+ASEAN\s*,"
    # "hosted by Myanmar's police as part of the country's ASEAN chairmanship this year"
    r"|\b(?P<back>the\s+country['’]s|its)\s+(?:(?:rotating\s+)?ASEAN\s+chair(?:manship)?\s+this\s+year"
    # "as Malaysia hosts the annual meeting in its year as ASEAN chair" (told in the present)
    r"|(?P<year_as>year\s+as\s+(?:the\s+)?(?:ASEAN\s+chair|chair\s+of\s+ASEAN)|ASEAN\s+chairmanship\s+year))\b"
    # "Viet Nam, which chaired ASEAN last year": the year after that country's chairmanship.
    r"|\b(?:chaired|held\s+the\s+(?:rotating\s+)?(?:ASEAN\s+)?chair(?:manship)?(?:\s+of\s+ASEAN)?|was\s+(?:the\s+)?"
    r"(?:ASEAN\s+chair|chair\s+of\s+ASEAN))\s+(?:ASEAN\s+)?(?P<last>last\s+year)\b"
    # "Laos, which chairs ASEAN next year": the year before it.
    r"|\b(?:chairs|will\s+chair|takes\s+over\s+the\s+(?:rotating\s+)?(?:ASEAN\s+)?chair(?:manship)?"
    r"|will\s+hold\s+the\s+(?:rotating\s+)?(?:ASEAN\s+)?chair(?:manship)?)\s+(?:of\s+)?(?:ASEAN\s+)?(?P<next>next\s+year)\b"
)


def _chair_this_year(ctx: _Context, kept: list[Constraint]) -> list[Constraint]:
    """The year of a present chairmanship ("Malaysia, which holds the ASEAN chairmanship this
    year"): of the years chairs.csv gives that country, the only one the other clues allow."""
    lo, hi = intersect(kept) or (None, None)
    doc = ctx.article.document
    for s in ctx.sentences:
        if any(t.year is not None for t in extract_temporals(s.text)):
            continue  # "In 2015 Malaysia, as ASEAN chair, …": that year's chair, not the article's
        for m in _CHAIR_THIS_YEAR.finditer(s.text):
            if m.group("year_as") and clause_tense(s.text, m.start()) not in ("present", None):
                continue  # ("Malaysia hosted it in its year as ASEAN chair": that year, not the article's)
            # "the country's": the country the sentence named last, however far back.
            reach = m.start() if m.group("back") else 60
            named = [c for c in countries(ctx, s.text) if c[1] <= m.start() and m.start() - c[1] <= reach]
            if not named:
                continue
            shift = 1 if m.group("last") else -1 if m.group("next") else 0
            years = [
                (
                    c,
                    _shift_years(c.earliest, shift),
                    _shift_years(c.latest, shift),
                )
                for c in ctx.gaz.chairmanships(named[-1][2])
                if c.earliest and c.latest
            ]
            years = [y for y in years if (lo is None or y[2] >= lo) and (hi is None or y[1] <= hi)]
            if len(years) == 1:
                c, first, last = years[0]
                return [
                    Constraint(
                        "present-chair",
                        f"the article says {named[-1][2]} “{m.group()}”, and of its chairmanships only "
                        f"{first.year - shift} fits the other clues",
                        first,
                        last,
                        s.span(doc.id, doc.text, m.start(), m.end()),
                        c.reference,
                        c.url,
                    )
                ]
    return []


def _future(ctx: _Context) -> list[Constraint]:
    doc = ctx.article.document
    out: list[Constraint] = []
    for s in ctx.sentences:
        if _tense(s.text) != "future":
            continue
        for t in extract_temporals(s.text):
            iv = stated_interval(t)
            # Only a date that the future verb governs ("will be adopted in 2015") bounds the article.
            # ("The law … will take effect on January 1, 2012": a whole date, too.)
            if (
                iv
                and (t.kind in ("year", "month") or (t.kind == "date" and t.year is not None))
                and _FUTURE_BEFORE.search(s.text[: t.start])
            ):
                out.append(
                    Constraint(
                        "tense",
                        f"“{s.text[:90]}…” speaks of {t.text} as future, so the article predates its end",
                        None,
                        iv[1],
                        s.span(doc.id, doc.text, t.start, t.end),
                    )
                )
        if not _FUTURE_ADOPTION.search(s.text):
            continue
        for start, end, name in _adopted_instruments(ctx, s.text, sentence_words(s.text)):
            row = _instrument_row(ctx.gaz, name)
            adopted = parse_partial(row.get("adopted")) if row and row.get("adopted") else None
            if row and adopted:
                out.append(
                    Constraint(
                        "tense-reference",
                        f"the article expects {name} to be adopted, which happened on {row.get('adopted')}",
                        None,
                        # The last day the adoption may have been (a row may give only its month):
                        # the article may be of that morning, "Today, the leaders will sign …".
                        adopted[1],
                        s.span(doc.id, doc.text, start, end),
                        row.origin,
                        row.source,
                    )
                )
    return out


_ANAPHOR_MEETING = re.compile(r"\b[Tt]he (?:summit|meeting|conference|ministerial meeting)\b")


# "opens" alone is a programme's present: "The 14th ACWC meeting opens in Jakarta on 28 February"
# announces it. With its own day stated, the meeting is dated by that day, not by being current.
_PROGRAMME_PRESENT = frozenset({"opens", "kicks off", "kick off"})


# Words that count a span between the article's time and an act: an anniversary, not the act's time.
_SPAN_SINCE = re.compile(r"\b(?:since|anniversary|ago|decades?|years|months)\b", re.IGNORECASE)


def _scheduled(text: str) -> bool:
    """A sentence whose only sign of the present is a programme verb, with a day of the month."""
    words = {m.group(0).lower() for m in _CURRENT.finditer(text)}
    if not words or not words <= _PROGRAMME_PRESENT:
        return False
    return any(t.kind in ("date", "day-range") and t.day for t in extract_temporals(text))


def _current_meetings(ctx: _Context) -> list[Constraint]:
    """Numbered meetings the article reports as happening: it was written within CURRENT_DAYS of
    the meeting's recorded dates. Mentions in one sentence that name different meetings ("the
    ongoing ASEAN Summit 32 in Labuan Bajo": the 32nd, or the summit held there) date nothing. "The
    summit wraps up today" refers to the meeting the article names, when it names only one."""
    out: list[Constraint] = []
    named: list[Identification] | None = None
    for s in ctx.sentences:
        # ("The ASEAN-ACT initiative, which will run for 10 years, was launched here on the sidelines
        # of the 52nd AMM": the relative clause's future is the programme's, not the sentence's.)
        main = _RELATIVE_ASIDE.sub(",", s.text)
        if not _CURRENT.search(s.text) or (_tense(main) == "future" and "tomorrow" not in s.text):
            continue
        if re.search(r"\banniversary\b|\byears\s+since\b", s.text, re.IGNORECASE):
            # ("today marked the tenth anniversary of the ACTIP, which leaders signed … at the 27th
            # Summit": the day is the anniversary's, not the summit's; so is "Tomorrow marks ten
            # years since ASEAN's leaders adopted the Declaration … at the 10th ASEAN Summit".)
            continue
        if entry_year(s) is not None:
            # ("29 September 2015 - Kuala Lumpur, Malaysia: the 10th AMMTC opens": a timeline's
            # present is its entry's day, never the article's.)
            continue
        if _scheduled(s.text):
            continue
        if _HERE_BEFORE.search(s.text) and not _CURRENT.search(_HERE.sub(" ", s.text)):
            # ("A reminder that the 11th ASEAN Forum on Migrant Labour met here late last month":
            # here is where, and the time is a month before.)
            continue
        idents = _named_meetings(ctx, s)
        if not idents and (anaphor := _ANAPHOR_MEETING.search(s.text)):
            if named is None:
                named = [i for x in ctx.sentences for i in _named_meetings(ctx, x)]
            # ("… signed the Convention here in Kuala Lumpur, at the summit that Malaysia hosted",
            # where the article names only the 10th AMMTC: "the summit" is no ministers' meeting.)
            noun = anaphor.group().split()[-1].lower()
            idents = [i for i in named if noun == "meeting" or noun in i.text.lower()]
        rows = _common_readings(idents)
        if not rows or not all(
            c.earliest and c.latest and (c.latest - c.earliest).days <= MEETING_DAYS for c in rows
        ):
            continue
        lo = min(c.earliest for c in rows if c.earliest) - timedelta(days=CURRENT_DAYS)
        hi = max(c.latest for c in rows if c.latest) + timedelta(days=CURRENT_DAYS)
        if (hi - lo).days > MEETING_DAYS + 2 * CURRENT_DAYS:
            continue
        names = " and ".join(dict.fromkeys(i.text for i in idents))
        out.append(
            Constraint(
                "current-meeting",
                f"the article reports the {names} as current, so it was written within "
                f"{CURRENT_DAYS} days of " + "; ".join(dict.fromkeys(c.label for c in rows)),
                lo,
                hi,
                idents[0].span,
                rows[0].reference,
                rows[0].url,
            )
        )
    return out


def _named_meetings(ctx: _Context, s: Sentence) -> list[Identification]:
    """The summits, numbered meetings and chairmanships a sentence names with their reference rows,
    also in words ("the AICHR wrapped up its 23rd Meeting")."""
    idents = _identifications(ctx, s)
    idents += _numbered_by_name(ctx, s, _frames(ctx, s, sentence_words(s.text)), idents)
    return [i for i in idents if i.candidates]


def _common_readings(idents: list[Identification]) -> list[Candidate]:
    """The readings that every mention of the same kind in a sentence allows ("the 27th ASEAN
    Summit" and "the Summit in Kuala Lumpur": the 27th), for every kind; none when two mentions
    of one kind share no reading ("ASEAN Summit 32 in Labuan Bajo")."""
    out: list[Candidate] = []
    for field_name in sorted({i.field for i in idents}):
        same = [i for i in idents if i.field == field_name]
        keys = set.intersection(*({c.key for c in i.candidates} for i in same))
        if not keys:
            return []
        out.extend(dict.fromkeys(c for i in same for c in i.candidates if c.key in keys))
    return out


# Relative expressions counted in whole years or months: what "last year" means can be inverted.
_COUNTED = re.compile(
    r"(?:(?:earlier|later) this|this|last|next|previous) (?:year|month)"
    # ("Nine years ago this week, the leaders … signed the Convention")
    r"|\w+ (?:years?|months?) ago(?: this (?:week|month))?"
)
_SIGNED = re.compile(r"\b(?:signed|adopted)\b", re.IGNORECASE)
_LAUNCHED = re.compile(r"\b(?:launched|inaugurated)\b", re.IGNORECASE)
# (Also a lowercase subject with its verb: "…, and ministers noted that next year will mark ten
# years since that meeting".)
_NEW_CLAUSE = re.compile(
    r",\s+(?:and|but|while|whereas)\s+(?:the\s+)?(?:[A-Z]|[a-z]+\s+(?:[a-z]+ed|said|says|say|will|would|"
    r"are|were|is|was|have|has|had)\b)"
)
_SIGNED_OBJECT = re.compile(r"\b(?:signed|adopted)\s+(?:the\s+)?$", re.IGNORECASE)
_INTO_FORCE = re.compile(r"\binto force\b", re.IGNORECASE)
_MET_FOR = (
    r"[^.;]{0,60}?\b(?:met|gathered|convened)(?:\s+(?:here|there|online|virtually|in\s+[A-Z][\w'’-]*"
    r"(?:\s+[A-Z][\w'’-]*)?))?\s+(?:for|at)\s+(?:the|their|its)\s+"
)
# Between a relative expression and the recorded event it dates: the verb of taking part in it or of
# concluding it, and nothing that closes the clause.
_VERB_AHEAD = re.compile(
    r"[^.;]{0,60}?\b(?:signed|adopted|will (?:join|attend|host|hold|take part in)|joined|attended|hosted|"
    r"held|took part in)\b[^.;:]{0,160}$"
    # "when they meet in Cha-am later this month for their 14th summit": the meeting right after.
    r"|\s*,?\s*(?:for|at)\s+(?:the|their|its)\s+[^.;:,]{0,40}$"
    # "Earlier this month, ASEAN leaders met in Jakarta for the 18th ASEAN Summit": the meeting they
    # met for (not "met to prepare for the summit").
    rf"|{_MET_FOR}[^.;:,]{{0,40}}$",
    re.IGNORECASE,
)
_ACT_NOUN = r"\b(?:signing|adoption|signature)"
_ACT_NOUN_BEFORE = re.compile(
    rf"{_ACT_NOUN}\s+(?:in\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s+)?$", re.IGNORECASE
)
_SIGNING_OF = re.compile(rf"{_ACT_NOUN}\b[^.;]{{0,40}}?\bof\b", re.IGNORECASE)
_ONE_CLAUSE = re.compile(r"^[^,;.()]*$")
RELATIVE_REACH = 80
"""How many characters may separate a dated mention from the relative expression that dates it."""


# "Luis CdeBaca, who became the department's Ambassador-at-Large … last month": taking up an office.
_TOOK_OFFICE = re.compile(
    r"\b(?:became|was\s+(?:appointed|named|sworn\s+in\s+as)|took\s+office\s+as|took\s+over\s+as)\s+"
    r"(?:(?:the|its|his|her|their)\s+)?(?:[\w'’-]+['’]s?\s+)?",
    re.IGNORECASE,
)


RelativeMention = tuple[
    int, str, date | None, date | None, Span, str | None, str | None, re.Pattern[str] | None
]
"""A recorded event a sentence mentions: where the mention ends in the sentence, its label, its
dates, span, reference and url, and what must stand between it and the relative expression (a
verb, one clause, or anything: None)."""


def _offices_taken(ctx: _Context, s: Sentence) -> list[RelativeMention]:
    """A person on record who "became" an office the sentence names, with the day the record says
    they took it up: the end of the office's name, for the relative expression after it."""
    out: list[RelativeMention] = []
    if not _TOOK_OFFICE.search(s.text):
        return out
    titles = ctx.gaz.office_titles.find(s.text)
    for start, end, row in ctx.gaz.offices.find(s.text):
        verb = _TOOK_OFFICE.search(s.text, end, end + 120)
        began = parse_partial(row.get("start")) if row.get("start") else None
        if verb is None or began is None or re.search(r"[.;]", s.text[end : verb.start()]):
            continue
        # The office after the verb must be the row's: a person may hold several.
        title = next(
            (t for t in titles if t[0] == verb.end() and t[2].get("office") == row.get("office")), None
        )
        if title is not None:
            label = f"{row.get('person')}, {row.get('office')} from {row.get('start')}"
            span = s.span(ctx.doc, ctx.original, start, end)
            out.append((title[1], label, began[0], began[0], span, row.origin, row.source, None))
    return out


def _adopted_elsewhere(ctx: _Context, text: str, end: int, row: Row) -> bool:
    """ "… to implement the ASEAN Consensus, which ASEAN labour ministers adopted in Kuala Lumpur last
    November": the instrument's row has it adopted in Manila, so the act the clause tells (another
    instrument's, the sentence's plan) is not its recorded adoption and dates nothing."""
    city = row.get("city")
    clause = re.split(r"[.;]", text[end:], maxsplit=1)[0]
    return bool(city) and any(
        r.get("kind") == "city"
        and r.get("name") != city
        and re.search(r"\bin\s+$", clause[max(0, a - 5) : a])
        for a, _, r in ctx.gaz.places.find(clause)
    )


def _relative_to_recorded(ctx: _Context) -> list[Constraint]:
    """Recorded events the article dates relative to itself: a summit or numbered meeting, or an
    instrument it says was signed or adopted, followed in the same clause by "last year", "two years
    ago", "last month": the article falls where that expression would reach the recorded dates."""
    out: list[Constraint] = []
    for s in ctx.sentences:
        if s.paragraph.year is not None:
            # ("2012" / "4 December - Panel" / "… adopted at the 21st ASEAN Summit … last month": an
            # entry's "last month" counts from the entry's day, not the page's.)
            continue
        relatives = [
            t
            for t in extract_temporals(s.text)
            if (t.kind == "relative" and _COUNTED.fullmatch(t.relative or ""))
            or (t.kind == "month" and t.relative in ("last", "this", "next"))
            # "the 18th AMMTC in Vientiane in August last year"
            or (t.kind == "month" and t.year is None and _COUNTED.fullmatch(t.relative or ""))
        ]
        if not relatives:
            continue
        recorded: list[RelativeMention] = []
        for ident in _named_meetings(ctx, s):
            # The identification may spell the name its own way ("18th AMMTC"): the text's is its span's.
            named = ident.text if ident.text in s.text else ident.span.quote
            at = s.text.find(named)
            if len(ident.candidates) == 1 and at >= 0:
                c = ident.candidates[0]
                if c.earliest is None or c.latest is None or (c.latest - c.earliest).days > 366:
                    # ("will host the 19th meeting" next year, read as the 19th AMM of a series on
                    # record from 1968: an estimate of decades dates no article.)
                    continue
                recorded.append(
                    (
                        at + len(named),
                        c.label,
                        c.earliest,
                        c.latest,
                        ident.span,
                        c.reference,
                        c.url,
                        None,
                    )
                )
        if _SIGNED.search(s.text) or _SIGNING_OF.search(s.text):
            # Any instrument the sentence names: the verb must then stand between it and the
            # relative expression (checked below), as in "X, which the leaders signed last year".
            for start, end, name in _instrument_names(ctx, s.text):
                row = _instrument_row(ctx.gaz, name)
                adopted = parse_partial(row.get("adopted")) if row and row.get("adopted") else None
                if row and adopted and not _adopted_elsewhere(ctx, s.text, end, row):
                    span = s.span(ctx.doc, ctx.original, start, end)
                    label = f"{row.get('name')} (adopted {row.get('adopted')})"
                    # ("the leaders signed the ASEAN Convention … at their summit in Kuala Lumpur last
                    # month": the instrument is the verb's object, so the verb stands before it.)
                    verb = None if _SIGNED_OBJECT.search(s.text, 0, start) else _SIGNED
                    recorded.append((end, label, adopted[0], adopted[1], span, row.origin, row.source, verb))
        if _LAUNCHED.search(s.text):
            # "ASEAN-ACT, launched in Bangkok in August last year": a recorded programme's start,
            # with the launch verb between it and the relative expression.
            for start, end, row in ctx.gaz.programmes.find(s.text):
                began = parse_partial(row.get("start")) if row.get("start") else None
                if began:
                    span = s.span(ctx.doc, ctx.original, start, end)
                    label = f"{row.get('name')} (started {row.get('start')})"
                    recorded.append((end, label, began[0], began[1], span, row.origin, row.source, _LAUNCHED))
        recorded += _offices_taken(ctx, s)
        into_force = bool(_INTO_FORCE.search(s.text))
        for f in _frames(ctx, s, sentence_words(s.text)):
            span = s.span(ctx.doc, ctx.original, f.at, f.at)
            if f.kind == "publication" and f.edition is not None:
                # "the 2021 Trafficking in Persons Report released by the United States last July": the
                # recorded release of the edition the sentence names, in the release's own clause (not
                # "released yesterday, after being placed in Tier 3 last year").
                label = f"the {f.edition.get('edition')} {f.edition.get('report')}"
                for ref in _edition_reference(f):
                    recorded.append(
                        (f.at, label, ref.earliest, ref.latest, span, ref.reference, ref.url, _ONE_CLAUSE)
                    )
            elif (
                f.kind in ("deposit", "ratification")
                and f.party
                and f.end < 0
                and len({c[2] for c in countries(ctx, s.text)}) == 1
            ):
                # "Thailand deposited its instrument of ratification of the ACTIP in Vientiane in July
                # last year": the party's recorded act, in the verb's own clause, when the sentence
                # names no other country (a list's relative clause may belong to any of them).
                # (Counted from the end of the instrument's name after the verb: a long name holds
                # commas.)
                # (Not a name in the next clause: "The instrument of ratification was registered with
                # the ILO yesterday, and the protocol will enter into force … next year".)
                named_end = min(
                    (
                        e
                        for b, e, _ in _instrument_names(ctx, s.text)
                        if b > f.at and not re.search(r"[,;]", s.text[f.at : b])
                    ),
                    default=f.at,
                )
                if acronym := re.match(r"\s*\([A-Z][\w-]{1,11}\)", s.text[named_end:]):
                    named_end += acronym.end()
                for act in _instrument_reference(ctx, f):
                    if act.earliest and act.latest:
                        recorded.append(
                            (
                                named_end,
                                act.note,
                                act.earliest,
                                act.latest,
                                span,
                                act.reference,
                                act.url,
                                _ONE_CLAUSE,
                            )
                        )
            elif f.kind == "entry-into-force" and into_force:
                # "It entered into force on 8 March this year": the recorded entry into force the
                # sentence reports, at its verb (a party's deposit is not: which party did it, a list
                # may blur).
                for act in _instrument_reference(ctx, f):
                    if act.earliest and act.latest:
                        recorded.append(
                            (f.at, act.note, act.earliest, act.latest, span, act.reference, act.url, None)
                        )
        for t in relatives:
            near = [
                r
                for r in recorded
                if 0 <= t.start - r[0] <= RELATIVE_REACH
                and not re.search(r"[.;]", s.text[r[0] : t.start])
                # ("… met in Melaka in September for the 19th AMMTC, and ASEAN leaders addressed
                # online scams at their summit in Kuala Lumpur last month": another clause's month.)
                and not _NEW_CLAUSE.search(s.text, r[0], t.start)
                # ("… adopted the Declaration on the Elimination of Violence Against Women …, and next
                # year marks a decade since …": an expression that opens the next clause.)
                and not re.search(r",\s+(?:and|but|while|whereas)\s+$", s.text[r[0] : t.start])
                and (r[7] is None or r[7].search(s.text[r[0] : t.start]))
            ]
            # Before the verb: "leaders last year adopted a declaration on …", "Next month, the
            # delegation will join its counterparts for the 18th AMMTC" (one recorded event only).
            # ("follows the signing in Kuala Lumpur last month of the ASEAN Convention …": the act's
            # noun before the expression, its object after.)
            noun_of = bool(_ACT_NOUN_BEFORE.search(s.text, 0, t.start)) and s.text.startswith(" of ", t.end)
            ahead = [
                r
                for r in recorded
                if r[0] > t.end
                and (noun_of or _VERB_AHEAD.match(s.text, t.end, r[0]))
                # ("this year marks two decades since the General Assembly adopted the Protocol": a
                # span counted from the act, not the act's year.)
                and not _SPAN_SINCE.search(s.text, t.end, r[0])
            ]
            clause = _IN_RELATIVE_CLAUSE.search(s.text, 0, t.start)
            if clause is not None and re.search(r"\b(?:took|\w+ed)\b", clause.group()):
                # ("Malaysia, which took over the ASEAN chairmanship this month, will host the 46th
                # ASEAN Summit in Kuala Lumpur in May": the month is the clause's act's. Not "which
                # chairs ASEAN this year", a state the chair's summit shares.)
                ahead = []
            if re.match(r"['’]s\b", s.text[t.end :]):
                # "Laos, this year's chair of ASEAN, last hosted the meeting in 2013, when the ninth
                # AMMTC was held": a possessive year is the noun's it governs, not a later clause's.
                ahead = [r for r in ahead if not re.search(r"[,;]", s.text[t.end : r[0]])]
            if not near and len(recorded) == 1 and ahead:
                near = ahead
            elif not near and ahead:
                # ("Last year, ASEAN leaders meeting in Labuan Bajo adopted a … Declaration": the
                # summit and the declaration, when every recorded event put the article in the same
                # months.)
                reached = {_article_months(t, r[2], r[3]) if r[2] and r[3] else None for r in recorded}
                near = ahead if len(reached) == 1 and None not in reached else []

            if not near:
                continue
            _, label, lo, hi, span, reference, url, _ = max(near, key=lambda r: r[0])
            found = _article_months(t, lo, hi) if lo and hi else None
            if found is None:
                continue
            out.append(
                Constraint(
                    "relative-to-recorded",
                    f"the article puts {label} “{t.text}”, so it was written when that reaches its dates",
                    found[0],
                    found[1],
                    span,
                    reference,
                    url,
                )
            )
    return out


_IN_RELATIVE_CLAUSE = re.compile(r",\s+(?:which|who)\b[^,;]*$")
YEAR = timedelta(days=365)
WEEK = timedelta(days=6)
# Days counted from the article's own: where the article falls, given the day they name.
_DAY_OFFSETS = {
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "yesterday": 1,
    "tomorrow": -1,
}
_WEEK_OFFSETS = {"this week": 0, "next week": -7, "coming week": -7, "last week": 7, "previous week": 7}
RECORDED_REACH = 90
"""How many characters may separate a recorded event's mention from the day that dates it."""

Recorded = tuple[str, date, date, int, Span | None, str | None, str | None]
"""A recorded event a sentence names: its label, its recorded first and last day, where its name
ends (or its verb stands) in the article's text, the span to cite, and the reference row's origin
and url."""


def _recorded_in(ctx: _Context, s: Sentence, days: tuple[Temporal, ...] = ()) -> list[Recorded]:
    """The events of the sentence whose dates the reference rows record to within a month: numbered
    meetings and summits it names, the acts it reports on recorded instruments, and the recorded
    editions of reports it says were released. Of a mention's rows, the one whose dates alone hold
    a day or month the sentence gives (``days``) is the one it names."""
    out: list[Recorded] = []
    idents = _named_meetings(ctx, s)
    # Mentions that name meetings on different dates ("ASEAN Summit 32 in Labuan Bajo") date
    # nothing; joint meetings on the same days ("the 44th and 45th ASEAN Summits") agree.
    for ident in idents:
        candidates = ident.candidates
        if len(candidates) > 1:
            # ("the main 14th ASEAN Summit in Cha-am and Hua Hin": of its rows, Cha-am and the
            # Pattaya round, the one in the city the mention names right after it.)
            after = ctx.original[ident.span.end : ident.span.end + 30]
            named = [c for c in candidates if c.city and re.match(rf"\s+in\s+{re.escape(c.city)}\b", after)]
            candidates = tuple(named) if len(named) == 1 else candidates
        if len(candidates) > 1 and days:
            # ("when they meet at the ASEAN Summit in Bali on Nov 17-18": of Bali's summits, October
            # 2003 and November 2011, the one on those days.)
            # (The day must follow the mention in its own phrase: not "at their summit in Vientiane
            # last November, and the ministers are due to meet in Hanoi in November".)
            own = tuple(t for t in days if _follows(ctx, s, ident.span, t))
            holding = [
                c for c in candidates if c.earliest and c.latest and _holds_a_day(c.earliest, c.latest, own)
            ]
            # (Joint summits on the same days, "the ASEAN Summit in Vientiane in September", agree.)
            if len({(c.earliest, c.latest) for c in holding}) == 1:
                candidates = tuple(holding[:1])
        if len(candidates) == 1:
            c = candidates[0]
            # Only readings of the same mention disagree ("ASEAN Summit 32 in Labuan Bajo"); "the 16th
            # SOMTC in May, and the 49th AMM in July" names two meetings, each dated on its own.
            others = [
                i
                for i in idents
                if i.field == ident.field
                and i is not ident
                and _same_mention(ctx.original, ident.span, i.span)
            ]
            if not all(
                any((o.earliest, o.latest) == (c.earliest, c.latest) for o in i.candidates) for i in others
            ):
                continue
            if c.earliest and c.latest and (c.latest - c.earliest).days <= MEETING_DAYS:
                out.append((c.label, c.earliest, c.latest, ident.span.end, ident.span, c.reference, c.url))
    for f in _frames(ctx, s, sentence_words(s.text)):
        for act in (*_instrument_reference(ctx, f), *_edition_reference(f)):
            if act.earliest and act.latest and act.earliest == act.latest:
                at = s.span(ctx.doc, ctx.original, f.at, f.at).start
                out.append((act.note, act.earliest, act.latest, at, None, act.reference, act.url))
    return out


def _follows(ctx: _Context, s: Sentence, mention: Span, t: Temporal) -> bool:
    """The expression follows the mention closely, in its phrase ("the ASEAN Summit in Bali on Nov 17-18")."""
    at = s.span(ctx.doc, ctx.original, t.start, t.end).start
    return mention.end <= at <= mention.end + 40 and not re.search(
        r"[,;.]|\band\b", ctx.original[mention.end : at]
    )


def _holds_a_day(lo: date, hi: date, days: tuple[Temporal, ...]) -> bool:
    """A recorded meeting's days [lo, hi] hold one of the days or months (without a year), in its years."""
    return any(
        _overlaps(iv, lo, hi)
        for t in days
        if t.month is not None and t.relative is None
        for y in {lo.year, hi.year}
        if (iv := year_interval(t, y))
    )


def _same_mention(text: str, a: Span, b: Span) -> bool:
    """Two identifications read one mention: their spans overlap or touch ("ASEAN Summit 32" and
    "in Labuan Bajo"), with no list between them."""
    first, second = sorted((a, b), key=lambda x: x.start)
    gap = text[first.end : second.start] if second.start > first.end else ""
    return len(gap) <= 12 and not re.search(r"[,;]|\band\b", gap)


def _edition_by_day(
    ctx: _Context, s: Sentence, days: list[Temporal], own: tuple[Temporal, Span, str] | None
) -> list[Recorded]:
    """ "WASHINGTON, June 24 -- The State Department on Monday released its annual Trafficking in
    Persons Report": of the report's recorded editions, the one released on a Monday that the
    dateline's June 24 (``own``) can follow within the week, when exactly one can be."""
    relative = [t for t in days if t.kind == "relative"]
    if own is None or not relative:
        return []
    out: list[Recorded] = []
    for f in _frames(ctx, s, sentence_words(s.text)):
        if f.kind != "publication" or f.edition is not None:
            continue
        fitting = []
        # ("The United States on Tuesday moved Malaysia into the lowest tier of its annual human
        # trafficking report": the series the article names, whose edition the sentence does not;
        # such a name is this article's alone, "name@article", see events._edition_unknown.)
        for row in recorded_editions(ctx, s.text, f.name) or editions_of_series(ctx, f.name.split("@")[0]):
            day = parse_partial(row.get("published"))
            if day is None or day[0] != day[1]:
                continue
            windows = [w for t in relative if (w := _written_given(t, day[0], day[1], "past"))]
            if any(_days_within(own[0], w[0], w[1]) is not None for w in windows):
                fitting.append((row, day[0]))
        if len(fitting) > 1:
            # ("… the State Department's 2021 Trafficking in Persons report showed", further on: of
            # the editions that fit, the one the article names.)
            named = the_edition_named(ctx)
            fitting = [(row, on) for row, on in fitting if named is not None and row.key == named.key]
        if len(fitting) == 1:
            row, on = fitting[0]
            at = s.span(ctx.doc, ctx.original, f.at, f.at).start
            label = f"the {row.get('edition')} {row.get('report')}, released on {on.isoformat()}"
            out.append((label, on, on, at, None, row.origin, row.source))
    return out


def _written_given(t: Temporal, lo: date, hi: date, tense: str) -> tuple[date, date, str] | None:
    """When the article was written if ``t`` names a day of the recorded [lo, hi]: for a day or
    month without a year, within the year after it (before it, in the future tense); for "today",
    "yesterday" or "tomorrow", that many days from it; for a weekday, within the week after it (the
    week before, in the future tense). None when ``t`` cannot name a day of it."""
    if t.kind in ("date", "month", "day-range") and t.year is None and t.month:
        on = [iv for y in range(lo.year - 1, hi.year + 1) if (iv := year_interval(t, y))]
        on = [iv for iv in on if iv[0] <= hi and iv[1] >= lo]
        if not on:
            return None
        first, last = max(on[0][0], lo), min(on[-1][1], hi)
        if tense == "future":
            return first - YEAR, last, "within the year before"
        if tense == "past":
            return first, last + YEAR, "within the year after"
        return first - YEAR, last + YEAR, "within a year of it"
    rel = t.relative or ""
    if rel.endswith(" ago today"):
        # "Ten years ago today, ASEAN leaders met in this city to sign the Convention": the day that
        # many years (weeks, days) after the recorded one.
        on_first, on_last = _day_ago_today(rel, lo), _day_ago_today(rel, hi)
        if on_first is None or on_last is None:
            return None
        return on_first, on_last, "on the anniversary that makes it so"
    if rel in _WEEK_OFFSETS:
        # "next week": the article is in the calendar week before the meeting's.
        shift = timedelta(days=_WEEK_OFFSETS[rel])
        monday, sunday = lo - timedelta(days=lo.weekday()), hi + timedelta(days=6 - hi.weekday())
        return monday + shift, sunday + shift, "in the week that makes it so"
    if rel in _DAY_OFFSETS:
        shift = timedelta(days=_DAY_OFFSETS[rel])
        return lo + shift, hi + shift, "on the day that makes it so"
    word, _, name = rel.partition(" ")
    if word in ("on", "last", "next") and name in WEEKDAYS:
        weekday = WEEKDAYS.index(name)
        days = [lo + timedelta(days=n) for n in range((hi - lo).days + 1)]
        if not any(d.weekday() == weekday for d in days):
            return None
        # "… deposited its instrument last Tuesday": within the week after (before) that day.
        if word == "last":
            return lo + timedelta(days=1), hi + WEEK, "within the week after"
        if word == "next":
            return lo - WEEK, hi - timedelta(days=1), "within the week before"
        if tense == "future":
            return lo - WEEK, hi, "within the week before"
        if tense == "past":
            return lo, hi + WEEK, "within the week after"
        return lo - WEEK, hi + WEEK, "within a week of it"
    return None


def _day_ago_today(rel: str, then: date) -> date | None:
    """The day of writing from which ``rel`` ("ten years ago today") is ``then``."""
    probe = _relative_interval(rel, then, then)
    if probe is None or probe[0] is None:
        return None
    guess = then + (then - probe[0])
    # (Years are not all as long: the 29th of February moves the guess by a day.)
    for d in (guess, guess - timedelta(days=1), guess + timedelta(days=1)):
        if _relative_interval(rel, d, d) == (then, then):
            return d
    return None


# ("came out on 24 June last year": the day's year is counted from the article's, by another clue.)
_THAT_YEAR = re.compile(
    r",?\s+(?:of\s+)?(?:that|the same|the following|the next|the previous|the)\s+year\b"
    r"|\s+(?:last|this|next)\s+year\b"
)


def _overlaps(iv: tuple[date, date] | None, lo: date, hi: date) -> bool:
    return iv is not None and iv[0] <= hi and iv[1] >= lo


_SPAN_APART = re.compile(
    r"\b(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|twenty|\d{1,3}|several|some)\s+"
    r"(?P<unit>year|month|week|day|decade)s?"
    r"\s+(?P<way>after|before|since)\b",
    re.IGNORECASE,
)
_COUNT = {"a": 1, "an": 1, "one": 1, **_NUMBER_WORDS}


def _span_after(m: re.Match[str], lo: date, hi: date) -> tuple[date, date] | None:
    """ "today, a year after the country registered its ratification" (recorded on ``lo``..``hi``):
    the days "today" may be, the span counted from the act, with the slack such a round span has
    (a quarter of a year, a week of a month); none for a vague count ("several years after")."""
    n = m.group("n").casefold()
    count = int(n) if n.isdigit() else _COUNT.get(n)
    if count is None or m.group("way").casefold() == "before":
        return None
    unit = m.group("unit").casefold()
    if unit in ("year", "decade"):
        years = count * (10 if unit == "decade" else 1)
        return _shift_years(lo, years) - timedelta(days=92), _shift_years(hi, years) + timedelta(days=92)
    days = {"month": 30, "week": 7, "day": 1}[unit] * count
    slack = {"month": 7, "week": 2, "day": 0}[unit]
    return lo + timedelta(days=days - slack), hi + timedelta(days=days + slack)


_REPORTED_THAT = re.compile(
    rf"\b(?:{REPORTING_VERBS}|told)\b[^.;]{{0,40}}?\bthat\s",
    re.IGNORECASE,
)


def _recorded_days(ctx: _Context, own_day: tuple[Temporal, Span, str] | None) -> list[Constraint]:
    """Recorded events the article dates by a day it does not give in full: "handed its instrument
    of ratification … on February 7" (a deposit recorded on 7 February 2017: written within the
    year after), "the leaders signed here yesterday", "signed on Saturday", "the 33rd ASEAN Summit,
    which Singapore hosts in November" (written within the year before)."""
    out: list[Constraint] = []
    for s in ctx.sentences:
        temporals = extract_temporals(s.text)
        # "on January 5, 2017 … on March 8 that year": in a sentence that gives a year, or followed by
        # "that year", a day or month has its year from the text and says nothing of when the article
        # was written ("today" and weekdays still do). "January last year" is no yearless month.
        with_year = any(t.year is not None for t in temporals) or timeline_year(s) is not None
        days = [
            t
            for t in temporals
            if (
                t.kind in ("date", "month", "day-range")
                and not with_year
                and not t.relative
                and not _THAT_YEAR.match(s.text, t.end)
            )
            or (t.relative or "") in _DAY_OFFSETS
            or (t.relative or "").endswith(" ago today")
            or (t.relative or "") in _WEEK_OFFSETS
            or (t.relative or "").removeprefix("on ") in WEEKDAYS
            # ("Last Friday the UN General Assembly … adopted a Global Plan of Action": see _written_given.)
            or (t.relative or "").removeprefix("last ").removeprefix("next ") in WEEKDAYS
        ]
        if not days:
            continue
        recorded = _recorded_in(ctx, s, tuple(days)) + _edition_by_day(ctx, s, days, own_day)
        if not recorded:
            continue
        tense = _tense(s.text)
        dateline = ctx.article.dateline_span
        anniversary = any((u.relative or "").endswith(" ago today") for u in temporals) or bool(
            re.search(r"\banniversary\b", s.text, re.IGNORECASE)
        )
        positions = [s.span(ctx.doc, ctx.original, u.start, u.end).start for u in temporals]
        for t in days:
            at = s.span(ctx.doc, ctx.original, t.start, t.end).start
            if anniversary and dateline is not None and dateline[0] <= at < dateline[1]:
                # ("KUALA LUMPUR, Nov 21 -- Ten years ago today, ASEAN leaders met in this city to
                # sign the Convention": the dateline's day is the anniversary, not the signing.)
                continue
            # A day or month must match the recorded dates, so it may stand further off than a
            # "today" or a weekday, which would match anything.
            reach = RECORDED_REACH if t.kind == "relative" else 2 * RECORDED_REACH + 20
            # ("inaugurated in Ha Noi this morning, on the eve of the 16th ASEAN Summit": a day
            # before the name of a meeting the sentence is on the eve of is not that meeting's.)
            near = [
                r
                for r in recorded
                if abs(at - r[3]) <= reach
                and not (
                    r[4] is not None
                    and at < r[4].start
                    and _EVE_OF.search(ctx.original, max(0, r[4].start - 30), r[4].start)
                )
                # ("takes effect for Malaysia today, a year after the country registered its
                # ratification": a span between the day and the recorded act says they are apart.)
                and not (at < r[3] and _SPAN_APART.search(ctx.original, at, r[3]))
                # ("The Secretariat today (20/1) informed that Viet Nam and Myanmar have deposited
                # their instruments": the day is the telling's, not the deposit's.)
                and not any(
                    at < m.end() <= r[3] for m in _REPORTED_THAT.finditer(ctx.original, max(0, at - 60), r[3])
                )
                # ("The Convention, which ASEAN leaders signed in Kuala Lumpur in November 2015,
                # enters into force today": an act with a time of its own between it and the day is
                # not the day's.)
                # (A meeting's own days, "the 23rd SOMTC, held on 20-23 June 2023, closed today",
                # leave it today's: the day's verb is still the meeting's.)
                and not (
                    t.kind == "relative"
                    and r[4] is None
                    and r[3] < at
                    and any(r[3] <= p < at for p in positions if p != at)
                )
            ]
            if t.relative == "today":
                for label, lo, hi, pos, span, reference, url in recorded:
                    apart = _SPAN_APART.search(ctx.original, at, pos) if at < pos <= at + reach else None
                    found_after = _span_after(apart, lo, hi) if apart else None
                    if found_after is not None and apart is not None:
                        out.append(
                            Constraint(
                                "recorded-day",
                                f"the article says “today, {apart.group()}” {label}, recorded on "
                                f"{interval_label(lo, hi)}, so it was written between "
                                f"{interval_label(*found_after)}",
                                *found_after,
                                span or s.span(ctx.doc, ctx.original, t.start, t.end),
                                reference,
                                url,
                            )
                        )
            for label, lo, hi, _, span, reference, url in near:
                # The verb of the day's own clause says which way ("…, which open in the capital on
                # October 9"); a day or month whose clause says nothing may lie on either side.
                own = clause_tense(s.text, t.start) or (
                    # ("EIGHTH CONFERENCE: Friday, Adelaide.": a fact box's label has no verb.)
                    "either"
                    if labelled_entry(s)
                    else tense
                    if t.kind == "relative" or only_past(s.text)
                    else "future"
                    if only_future(s.text)
                    else "either"
                )
                own = "either" if own == "present" else own
                found = _written_given(t, lo, hi, own)
                if found is None:
                    continue
                earliest, latest, how = found
                if t.kind != "relative":
                    # The expression is the recorded one: its value is in the recorded year.
                    years = {
                        y for y in range(lo.year - 1, hi.year + 1) if _overlaps(year_interval(t, y), lo, hi)
                    }
                    if len(years) == 1 and (iv := year_interval(t, years.pop())):
                        ctx.recorded_values[at] = iv
                out.append(
                    Constraint(
                        "recorded-day",
                        f"the article says “{t.text}” of {label}, recorded on "
                        f"{interval_label(lo, hi)}, so it was written {how}",
                        earliest,
                        latest,
                        span or s.span(ctx.doc, ctx.original, t.start, t.end),
                        reference,
                        url,
                    )
                )
    return out


def _article_months(t: Temporal, lo: date, hi: date) -> tuple[date, date] | None:
    """The months an article may be written in for ``t`` ("last year", "last November") to reach
    [lo, hi]."""
    allowed: list[tuple[date, date]] = []
    for index in range((lo.year - 1) * 12, (hi.year + 11) * 12):
        first = date(index // 12, index % 12 + 1, 1)
        last = _month_end(first)
        if first.year <= 1:
            continue
        reached = (
            anchored_interval(t, (first, last), "past")[0]  # "last November", "August last year"
            if t.kind == "month"
            else _relative_interval(t.relative or "", first, last)
        )
        if reached and reached[0] is not None and reached[0] <= hi and reached[1] >= lo:
            allowed.append((first, last))
    if not allowed:
        return None
    return allowed[0][0], allowed[-1][1]


def _month_end(first: date) -> date:
    return (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


# A person's years after the name: "Maria Santos (1947-2018)", "Santos (1947–2018)".
_LIFE_SPAN = re.compile(
    r"[A-Z][\w'’.-]+\s+\((?P<span>(?P<born>(?:19|20)\d\d)\s*[-–]\s*(?P<died>(?:19|20)\d\d))\)"
)
_DEATH = re.compile(
    r"\b(?:died|dies|death|passed\s+away|obituary|in\s+memoriam|tributes?|mourn(?:s|ed|ing)?|funeral|the\s+late)\b",
    re.IGNORECASE,
)


_DIED_LATELY = re.compile(
    rf"\b(?:died|passed\s+away)\s+(?:(?:early|late)\s+)?(?:on\s+(?:{'|'.join(WEEKDAYS)})|yesterday|today|"
    r"last\s+night|this\s+week|over\s+the\s+weekend)\b",
    re.IGNORECASE,
)


# A box's field with no verb in its label or value: "End date: 30 June 2028", "Target: Q4 2018" (not
# "Date taken: 10 February 2023", "Signed: 21 November 2015": done by then).
# "Last updated: 08/10/2018", "Page modified 3 March 2019": when the page was last changed, which
# says nothing of how old its story is (the story may be older by years).
_UPDATED_LINE = re.compile(
    r"\s*(?:(?:this\s+)?page\s+)?(?:last\s+)?(?:updated|modified|revised|reviewed|edited)\b(?:\s+on)?\s*:?[^.;:]{1,40}",
    re.IGNORECASE,
)
_FIELD_LINE = re.compile(
    r"\s*(?!.*\b(?:\w+ed|taken|held|written|given|made|done|begun|sent|shown|seen|drawn)\b)"
    # (A label of words: not "Day One (24 June 2025): opening …", a highlight's heading.)
    r"[A-Z][A-Za-z /-]{1,30}?\s*:\s*[^:]{1,60}"
)


def _past_dates(ctx: _Context) -> list[Constraint]:
    """Dates stated whole in sentences about what has been done: the article is no older."""
    doc = ctx.article.document
    dateline = ctx.article.dateline_span
    out: list[Constraint] = []
    for s in ctx.sentences:
        entry = timeline_year(s)
        if entry is not None and s.start == 0 and _tense(s.text) != "future":
            # "2017 – ACTIP enters into force on 8 March": a timeline tells what has happened, in
            # the present; an entry for a year still to come says "will".
            out.append(
                Constraint(
                    "past-date",
                    f"the timeline has an entry for {entry}, so it was written on or after {entry}-01-01",
                    date(entry, 1, 1),
                    None,
                    s.span(doc.id, doc.text, 0, 4),
                )
            )
        for life in _LIFE_SPAN.finditer(s.text):
            born, died = int(life.group("born")), int(life.group("died"))
            if 15 <= died - born <= 110 and _DEATH.search(doc.text):
                # "Santos (1947-2018) chaired the council …", in a tribute to her: she has died, so
                # the page is no older than the year she died.
                # ("… died on Tuesday": news of the death, so within days of the year's end too.)
                recent = _DIED_LATELY.search(doc.text) is not None
                out.append(
                    Constraint(
                        "past-date",
                        f"the article gives a life span “{life.group('span')}”, so it was written on or"
                        f" after {died}-01-01"
                        + (
                            ", and tells of the death as news, so within a week of that year"
                            if recent
                            else ""
                        ),
                        date(died, 1, 1),
                        date(died, 12, 31) + timedelta(days=7) if recent else None,
                        s.span(doc.id, doc.text, life.start("span"), life.end("span")),
                    )
                )
        if EVENT_FIELD.match(s.text) or _FIELD_LINE.fullmatch(s.text) or _UPDATED_LINE.fullmatch(s.text):
            # ("Dates: 2-3 December 2021" under "Upcoming events", "End date: 30 June 2028" in a
            # project's box: a field tells no tense.)
            continue
        done = _tense(s.text) == "past" and not _NOT_DONE.search(s.text)
        for t in extract_temporals(s.text):
            # "A report issued … in August 2023 estimated that 120,000 may be trapped": the date's
            # own clause is past, whatever the rest of the sentence says.
            if not (done or clause_tense(s.text, t.start) == "past"):
                continue
            if t.kind == "year-range" and PERIOD_FOR.search(s.text, 0, t.start):
                continue  # "adopted the Plan of Action for 2008 to 2010": a plan's period, still to come
            if plans_year(s.text, t):
                continue  # "met … to set priorities for 2017": the year the plans are for
            if LOOKS_AHEAD.search(s.text, 0, t.start):
                # "We looked forward to the 28th and 29th ASEAN Summits in the Lao PDR in 2016": what
                # was looked forward to was still to come.
                continue
            iv = stated_interval(t)
            span = s.span(doc.id, doc.text, t.start, t.end)
            if not iv or iv[0] is None or (dateline and (span.start, span.end) == dateline):
                continue
            out.append(
                Constraint(
                    "past-date",
                    f"the article reports “{t.text}” as past, so it was written on or after "
                    + iv[0].isoformat(),
                    iv[0],
                    None,
                    span,
                )
            )
    return out


# "The 20th ASEAN SOMTC (SOMTC), hosted by the Philippines, was held virtually …", "… met in
# Vientiane", "the commission wrapped up its 23rd Meeting": the meeting has taken place.
_HELD_AFTER = re.compile(
    r"^\s*(?:\([^()]{1,15}\)\s*)?(?:,[^,;.]{1,60},\s*)?"
    r"(?:(?:was|were)\s+(?:\w+\s+)?(?:held|convened|hosted|opened|closed|concluded)"
    r"|met|opened|closed|ended|concluded|wrapped\s+up|took\s+place)\b",
    re.IGNORECASE,
)
_HELD_BEFORE = re.compile(
    r"\b(?:held|hosted|chaired|attended|opened|closed|concluded|wrapped\s+up)\s+(?:the|its|their)\s+$"
    # "ASEAN leaders met in Jakarta for the 18th ASEAN Summit"
    rf"|{_MET_FOR}$",
    re.IGNORECASE,
)


def _held_meetings(ctx: _Context) -> list[Constraint]:
    """Numbered meetings the article reports as held, in a sentence with a past verb and nothing that
    points ahead: it was written no earlier than a week before the first day the meeting's rows (or,
    without one, the meetings on record either side of it) allow."""
    out: list[Constraint] = []
    for s in ctx.sentences:
        if not only_past(s.text):
            continue
        for ident in _named_meetings(ctx, s):
            if not (_HELD_AFTER.match(ident.after) or _HELD_BEFORE.search(ident.before)):
                continue
            firsts = [c.earliest for c in ident.candidates]
            if not firsts or any(d is None for d in firsts):
                continue
            # (A row may give the leaders' or ministers' days alone: "opened the seventh Bali Process
            # conference on Monday", the officials' day before the one on record.)
            first = min(d for d in firsts if d is not None) - timedelta(days=CURRENT_DAYS)
            out.append(
                Constraint(
                    "past-meeting",
                    f"the article reports the {ident.text} as held, so it was written on or after "
                    + first.isoformat(),
                    first,
                    None,
                    ident.span,
                    ident.candidates[0].reference,
                    ident.candidates[0].url,
                )
            )
    return out


def _summit_in_dateline_city(ctx: _Context, own: tuple[Temporal, Span, str] | None) -> list[Constraint]:
    """ "NAY PYI TAW, Nov 12 (Xinhua) -- … at the 17th ASEAN-China Summit here": a yearless dateline,
    in a story on a summit, filed in a city on a day within (or just around) the days of one ASEAN
    Summit on record there: that summit's year, as the partners' summits meet beside ASEAN's."""
    if own is None or own[2] != "the dateline reads" or own[0].month is None or own[0].day is None:
        return []
    filed = dateline_of(ctx)
    if filed is None:
        return []
    # (A summit said to be here, or in the dateline's city: not "the ASEAN summits in Vientiane in
    # September", in a story filed in Bangkok.)
    here = re.compile(rf"\bhere\b|\b{re.escape(filed[0].name)}\b")

    def after_dateline(s: Sentence) -> int:
        opens = s.span(ctx.doc, ctx.original, 0, 0).start
        return max(0, filed[2] - opens) if opens <= filed[2] else 0

    if not any(_A_SUMMIT.search(s.text) and here.search(s.text, after_dateline(s)) for s in ctx.sentences):
        return []
    month, day = own[0].month, own[0].day
    fits = []
    for c in ctx.gaz.summits_in(filed[0].name):
        if c.earliest is None or c.latest is None:
            continue
        try:
            then = date(c.earliest.year, month, day)
        except ValueError:
            continue
        if (
            c.earliest - timedelta(days=SUMMIT_SLACK_DAYS)
            <= then
            <= c.latest + timedelta(days=SUMMIT_SLACK_DAYS)
        ):
            fits.append((then, c))
    if len({then.year for then, _ in fits}) != 1:
        return []
    then, c = fits[0]
    return [
        Constraint(
            "summit-dateline",
            f"filed in {filed[0].name} on “{own[1].quote}”, within the days of the {c.label}",
            then,
            then,
            own[1],
            c.reference,
            c.url,
        )
    ]


_A_SUMMIT = re.compile(r"\b[Ss]ummits?\b")
SUMMIT_SLACK_DAYS = 2
"""How many days before or after a summit's days on record a story filed there may be about it (the
partners' summits the day after ASEAN's, a story filed the morning after)."""


def _allows_day(day: Temporal, lo: date | None, hi: date | None) -> bool:
    """Whether clues that leave [lo, hi] still allow the article's own yearless day ("KUALA
    LUMPUR, Sept 29": the AMMTC that opened on September 29 of 2015 and a signing "in November"
    read as past allow no 29 September between them)."""
    return (lo, hi) == (None, None) or _days_within(day, lo, hi) is not None


def _yearless_dateline(kept: list[Constraint], own: tuple[Temporal, Span, str] | None) -> Constraint | None:
    """A dateline's day without its year (or "today, July 30" in the text; ``own``, see _own_day),
    in the year (or years) the other clues allow."""
    if own is None:
        return None
    day, span, what = own
    lo, hi = intersect(kept) or (None, None)
    found = _days_within(day, lo, hi)
    if found is None:
        return Constraint("dateline", f"{what} “{span.quote}”, without a year", None, None, span, annual=day)
    first, last = found
    which = "the only such day" if first == last else "the days"  # never both None: see _days_within
    return Constraint(
        "dateline",
        f"{what} “{span.quote}”, without a year: {which} that the article's other clues allow",
        first,
        last,
        span,
        stated=first == last,
    )


_TODAY_IS = re.compile(r"\btoday,?\s*\(?$", re.IGNORECASE)


def _yearless_day(text: str) -> Temporal | None:
    """The first day without a year in a line, read as the rules read the text ("NOV 21" is "Nov
    21", in the same length)."""
    return next((t for t in extract_temporals(spelled(text)) if t.kind == "date" and t.year is None), None)


def _own_day(ctx: _Context) -> tuple[Temporal, Span, str] | None:
    """The day the article gives for itself without a year, when it has no date of its own: its
    dateline's ("MANILA, Feb. 12 (PNA) --"), else the day it calls today ("marking … today, July 30")."""
    doc = ctx.article.document
    if doc.published:
        return None
    if ctx.article.dateline_span:
        start, end = ctx.article.dateline_span
        quote = doc.text[start:end]
        day = _yearless_day(quote)
        if day is not None:
            return day, Span(doc.id, start, end, quote), "the dateline reads"
    for s in ctx.sentences:
        for t in extract_temporals(s.text):
            if t.kind == "date" and t.year is None and _TODAY_IS.search(s.text, 0, t.start):
                return t, s.span(doc.id, doc.text, t.start, t.end), "the article calls today"
    # ("October 20" above the headline, "Published: January 20 16:05 | Updated: January 21": the
    # page's own day; the first one, when it was published, not updated.)
    for dropped in doc.dropped:
        if dropped.reason != YEARLESS_DATE_LINE:
            continue
        day = _yearless_day(doc.text[dropped.start : dropped.end])
        if day is not None:
            start, end = dropped.start + day.start, dropped.start + day.end
            return day, Span(doc.id, start, end, doc.text[start:end]), "the page's date line reads"
    # ("JANE EXAMPLE / Petaling Jaya, 25 November": a letter's sign-off, its town and its day.)
    last = doc.text.rstrip()
    line_start = last.rfind("\n") + 1
    sign_off = _SIGN_OFF_DAY.fullmatch(last, line_start)
    if sign_off is not None:
        day = _yearless_day(sign_off.group("day"))
        if day is not None:
            start, end = sign_off.span("day")
            return day, Span(doc.id, start, end, doc.text[start:end]), "the letter is signed off"
    return None


# A letter's last line: its writer's town and the day, without a year ("Petaling Jaya, 25 November").
_SIGN_OFF_DAY = re.compile(
    rf"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){{0,3}},\s+"
    rf"(?P<day>\d{{1,2}}\s+(?:{MONTH_RE})|(?:{MONTH_RE})\.?\s+\d{{1,2}})\.?[ \t]*"
)


def _days_within(day: Temporal, lo: date | None, hi: date | None) -> tuple[date | None, date | None] | None:
    """The first and last occurrence of a yearless day within [lo, hi]; with one side open, the
    nearest occurrence bounds that side alone. None when nothing bounds it or none fits."""
    if lo is None and hi is None:
        return None
    first_year = lo.year if lo is not None else hi.year - 1 if hi is not None else 0
    last_year = hi.year if hi is not None else first_year + 1
    days = [iv[0] for y in range(first_year, last_year + 1) if (iv := year_interval(day, y)) is not None]
    inside = [d for d in days if (lo is None or d >= lo) and (hi is None or d <= hi)]
    if not inside:
        return None
    # Open on one side: the occurrence nearest the bounded side bounds the article on that side.
    return (min(inside) if lo is not None else None), (max(inside) if hi is not None else None)
