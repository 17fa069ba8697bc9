"""Where an event happened: only where the text says so ("in", "held in", "hosted … in" with a
city, "here"), never a place that begins a name, and the dateline's place only for "here" or "today"."""

from __future__ import annotations

import re

from tipbrief.facts.corpus import Paragraph
from tipbrief.facts.extract.records import Constraint, Sentence, _Context
from tipbrief.facts.model import Place, Span

_DATELINE_PLACE = re.compile(
    # ("(Bangkok, October 2, 2025)—…": a release's dateline in brackets.)
    r"^\(?(?P<place>[A-Z][\w.'’ -]{1,40}?)\s*(?:\([A-Za-z .]{2,20}\)\s*)?(?:,|:|\(|[-–—]{1,2}\s)"
)


def dateline_of(ctx: _Context) -> tuple[Place, Span, int] | None:
    """Where the article was filed: the place that opens its body ("MELAKA, Sept 9 (Bernama) --",
    "Labuan Bajo (VNA) –"), with its span and where the dateline ends."""
    if ctx.dateline is not None:
        return ctx.dateline or None
    found: tuple[Place, Span, int] | tuple[()] = ()
    if ctx.article.paragraphs:
        # ("GENEVA (ILO News) – 12 September 2022" under a standfirst: the paragraph that holds the
        # article's dateline, wherever it stands.)
        at = ctx.article.dateline_span
        para = next(
            (p for p in ctx.article.paragraphs if at and p.start <= at[0] < p.end), ctx.article.paragraphs[0]
        )
        found = _opening_dateline(ctx, para) or ()
    ctx.dateline = found
    return found or None


def _dateline_row(ctx: _Context, text: str, dated: bool) -> tuple[re.Match[str], Place] | None:
    """The dateline's place that opens ``text``, with the place it names; if ``dated``, only with its
    day after it."""
    m = _DATELINE_PLACE.match(text)
    row = ctx.gaz.place_row(m.group("place").strip()) if m else None
    if m is None or row is None or (dated and not _OWN_DATE_AFTER.match(text, m.end())):
        return None
    return m, Place(row.get("name"), row.get("country") or row.get("name"))


def _opening_dateline(ctx: _Context, para: Paragraph, dated: bool = False) -> tuple[Place, Span, int] | None:
    """The place that opens the paragraph as a dateline's, with its span and where the dateline
    ends; if ``dated``, only with its day after it."""
    if (found := _dateline_row(ctx, para.text, dated)) is None:
        return None
    m, place = found
    start, end = para.span(m.start("place"), m.start("place") + len(m.group("place").strip()))
    sep = re.search(r"[-–—:]\s|\)\s*[-–—]", para.text[:80])
    stop = para.span(sep.end(), sep.end())[0] if sep else end
    return place, Span(ctx.doc, start, end, ctx.original[start:end]), max(stop, end)


def dateline_for(ctx: _Context, s: Sentence) -> tuple[Place, Span, int] | None:
    """The dateline a sentence's "here" and "today" are of: the article's, except in a paragraph of
    its own day (a listing's item, a comment, a post) that the dateline is not in, whose own opening
    dateline it is ("SINGAPORE, 15 November 2018 - The Prime Minister today concluded …", under a
    listing's first item filed in Kuala Lumpur), if it has one."""
    filed = dateline_of(ctx)
    para = s.paragraph
    if para.written is None or (filed is not None and para.start <= filed[1].start < para.end):
        return filed
    line_at = ctx.original.rfind("\n", 0, para.start) + 1
    if line_at < para.start:
        # ("PHNOM PENH, Nov. 18, 2012 (Xinhua) -- Photo taken on …": a caption whose dateline went
        # with its stamp, on the paragraph's own line.)
        if (found := _dateline_row(ctx, ctx.original[line_at : para.start], dated=True)) is None:
            return None
        m, place = found
        start = line_at + m.start("place")
        end = start + len(m.group("place").strip())
        return place, Span(ctx.doc, start, end, ctx.original[start:end]), para.start
    return _opening_dateline(ctx, para, dated=True)


# (A dateline's day after its place: "SINGAPORE, 15 November 2018 -", "BALI, April 3 -".)
_OWN_DATE_AFTER = re.compile(r"\s*[0-3]?\d\s+[A-Z][a-z]+|\s*[A-Z][a-z]{2,8}\.?\s+[0-3]?\d\b")


def names_something(original: str, sp: Span) -> bool:
    """ "the Bohol TIP Work Plan", "the Bali Process", "Kuala Lumpur Declaration": a place that
    begins a name is part of the name, not where anything happened."""
    line = original.rfind("\n", 0, sp.start) + 1
    if "|" in original[line : sp.start] and re.match(r"[ \t]*(?:\n|$)", original[sp.end :]):
        return False  # "… | 14.11.2017 | Manila": a table's last cell ends with its line
    if _NAME_HEAD_AFTER.match(original, sp.end):
        return True  # "of the Bali Process", "under the Bohol TIP Work Plan"
    if re.match(r"['’]s\s", original[sp.end : sp.end + 3]):
        return True  # "Manila's envoy to ASEAN deposited …": whose, not where
    if re.search(r"\b(?:in|at|to|from|of)\s+(?:the\s+)?$", original[max(0, sp.start - 10) : sp.start]):
        return False
    if _CITY_ACTS.match(original, sp.end):
        return True  # "Manila deposited the sixth instrument": who (its government), not where
    return bool(re.match(r"\s+(?:\([A-Z][\w&-]*\)\s+)?[A-Z][\w-]", original[sp.end : sp.end + 30]))


_CITY_ACTS = re.compile(
    # ("Beijing and ASEAN signed their first memorandum …": a capital and a partner that act.)
    r"(?:\s+and\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})?"
    r"\s+(?:\w+ly\s+)?(?:deposited|ratified|signed|acceded|lodged|handed|ratifies|deposits|signs)\b"
)
_NAME_HEAD_AFTER = re.compile(
    # ("out of the Bohol Trafficking in Persons Work Plan": capitalised words before the head, too.)
    r"\s+(?:\([A-Z][\w&-]*\)\s+)?(?:(?:TIP|[A-Z][\w-]*)\s+(?:(?:in|on|of|against)\s+)?){0,4}?(?:Process|Declaration|Work\s+Plan|Plan\s+of\s+Action|Consensus|"
    r"Commitment|Agreement|Convention(?!\s+(?:Cent(?:re|er)|Hall))|Statement|Roadmap|Framework|Principles|Guidelines?"
    r"|Vision|Initiative)\b"
)
_HERE = re.compile(r"\bhere\b|\bin this (?:town|city|capital)\b|\bin the (?:city|town|capital)\b(?! of)")


_HELD_IN = re.compile(
    r"\b(?:held|hosted|convened|took place|takes place|met|meets?|meeting|gathered|signed|adopted|launched|"
    r"organi[sz]ed|opened|closed|ended|began|workshop|conference|summit|forum|training|seminar|"
    r"consultation|dialogue)\b[^.;]{0,40}\bin\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_BEFORE_MEETING_NOUN = re.compile(
    r"\s+(?:meeting|conference|summit|workshop|forum|talks|consultation|seminar|gathering|session)s?\b",
    re.IGNORECASE,
)
# A city named as a party or a rival ("ratified ahead of Manila", "Bangkok's delegation follows
# Jakarta"), not as where something happened; nor one it was run or came from ("held by video
# conference from Phnom Penh", "The sixth came from Manila").
_NOT_WHERE = re.compile(
    r"\b(?:ahead of|behind|after|than|like|follows?|followed|join(?:s|ed)?|with|from)\s+$"
)


def place_of(
    ctx: _Context,
    part: str,
    here: list[tuple[Span, Place]],
    dateline: tuple[Place, Span, int] | None,
    cons: list[Constraint],
    named: tuple[int, int] | None = None,
) -> tuple[Place, Span] | None:
    """A place only where the text gives one: a city in the event's part of the sentence ``part``,
    among the places ``here`` (a country only as "in <country>"); "here", or "today" in a dated
    article: the dateline's place. A city right after the event's name (``named``: where it starts
    and ends in the text), or right before "for" it, comes first."""
    cities = [
        (sp, pl)
        for sp, pl in here
        if pl.name != pl.country and not _NOT_WHERE.search(ctx.original, max(0, sp.start - 16), sp.start)
    ]
    countries = [
        (sp, pl)
        for sp, pl in here
        if pl.name == pl.country
        and re.search(r"\bin\s+(?:the\s+)?$", ctx.original[max(0, sp.start - 8) : sp.start])
        # "held in Myanmar", not "the situation in Myanmar" or "people trapped in Myanmar".
        and _HELD_IN.search(ctx.original, max(0, sp.start - 60), sp.start)
        and not any(c.country == pl.name and 0 < sp.start - c_sp.end <= 3 for c_sp, c in cities)
    ]
    # "Results of the Boracay meeting will feed into the summit … in Manila": a city before a meeting
    # noun names that meeting; where the event's own words give another city, that one is its place.
    attributive = [c for c in cities if _BEFORE_MEETING_NOUN.match(ctx.original, c[0].end)]
    if attributive and len(attributive) < len(cities):
        cities = [c for c in cities if c not in attributive]
    # ("agreed a work plan in Labuan Bajo last year and hosted a commemorative summit in Tokyo": the
    # summit's own words say where it was. "Manila would press for it when leaders meet in Bandar
    # Seri Begawan for the 22nd ASEAN Summit": the city they meet in for it; "gathered here for the
    # 47th ASEAN Summit": the dateline's.)
    named_in = [
        c
        for c in cities
        if named is not None
        and (
            re.fullmatch(r",?\s+in\s+(?:the\s+)?", ctx.original[named[1] : c[0].start])
            or (
                # (Not the second of two: "met in Cha-am and Hua Hin for the 15th ASEAN Summit".)
                re.fullmatch(r"\s+for\s+(?:the\s+)?", ctx.original[c[0].end : named[0]])
                and re.search(r"\bin\s+(?:the\s+)?$", ctx.original[max(0, c[0].start - 8) : c[0].start])
            )
        )
    ]
    if (
        named is not None
        and dateline is not None
        and not named_in
        and re.search(r"\bhere\s+for\s+(?:the\s+)?$", ctx.original[max(0, named[0] - 20) : named[0]])
    ):
        return dateline[0], dateline[1]
    pick = named_in or cities or countries
    if pick:
        return pick[0][1], pick[0][0]
    if dateline is None:
        return None
    today = any(c.rule == "relative-date" and c.stated for c in cons)
    if _HERE.search(part) or today:
        return dateline[0], dateline[1]
    return None
