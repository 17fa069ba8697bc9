"""Meetings a sentence names: the noun or series that names each, its kind, body, number and title."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from tipbrief.facts.corpus import MONTH_RE
from tipbrief.facts.extract.names import is_body
from tipbrief.facts.extract.patterns import (
    _CAP_WORD,
    _CONNECT_WORD,
    _MEETING_NOUN,
    _NAME_PHRASE,
    _QUOTED,
    _SUMMIT_NUMBER,
    MEETING_NOUNS,
    NUMBER_AFTER,
    ORDINAL_TOKEN,
    ORDINAL_WORDS,
    TENS_WORDS,
    WEEKDAY_RE,
    goes_on,
    ordinal_value,
)
from tipbrief.facts.extract.records import _Context
from tipbrief.facts.extract.sentences import _clean_title, _first_sentence_cap
from tipbrief.facts.gazetteer import ASEAN_SPELT_OUT, ASEAN_SPELT_OUT_TAGGED, ordinal
from tipbrief.facts.reference import Row
from tipbrief.facts.temporal.expressions import extract_temporals


@dataclass(frozen=True, slots=True)
class MeetingName:
    """One meeting a sentence names, with where the name stands."""

    kind: str
    title: str
    subject: str
    """The series or body whose meeting it is ("AMMTC", "ACWC", "ASEAN Summit"), else empty."""
    ordinal: int | None
    start: int
    end: int
    generic: bool = False
    """ "the meeting", "the two-day workshop", "the first": names no meeting of its own."""
    weak: bool = False
    """ "a workshop", "a regional consultation": a meeting of its own, but its words name no other."""
    series: str = ""
    """The series the name mentions, when its number is the series' number ("the 16th AMMTC")."""
    elided: bool = False
    """ "…, and the 19th in Bangkok in September": named by its ordinal alone after another of its
    series, it shares that one's verb, and the time and place after it are its own."""


_SPECIAL_BEFORE = re.compile(
    r"\b(?P<w>special|emergency|extraordinary|informal|preparatory)\s+(?:ASEAN\s+)?$", re.IGNORECASE
)
_SPECIAL = re.compile(
    r"\b(?:Special|Emergency|Extraordinary|Informal|Preparatory|Joint|Commemorative)\b", re.IGNORECASE
)


# The first noun of a compound names the kind: "consultation meeting", "training workshop".
_MODIFIER_KINDS = {"consultative": "consultation", "consultation": "consultation", "training": "training"}


# The head nouns of a series' name that make it a meeting's: "ASEAN Forum on Migrant Labour" is a
# forum; "the 40th AIPA General Assembly" a session, as a meeting is.
_HEAD_NOUNS = (*MEETING_NOUNS, "assembly")


_ORDINAL_BEFORE = re.compile(
    rf"\b(?P<n>{ORDINAL_TOKEN})\s+(?:(?:ASEAN|Regular|Annual|regular|annual|regional|Regional|[Mm]inisterial)\s+)*$",
    re.IGNORECASE,
)


# "Plus Three", "Plus China": a wider format's partners after ASEAN's or a series' name.
_PLUS_PARTNER = r"[Pp]lus\s+(?:One|Three|Japan|China|Korea|\d)"


# A name that goes on past a series or body: "the 4th SOMTC Experts Working Group" is the group's.
LARGER_BODY = re.compile(
    rf"^(?:\s*\([A-Z][\w&/-]*\))?\s+(?:{_CAP_WORD}\s+){{0,4}}?"
    r"(?:Working Group|Group|Committee|Task Force|Forum|Network|Team)\b"
    # "the 12th AMMTC+3 Consultation", "the 10th SOMTC Plus Three": the number is the wider
    # format's, not the series' own meeting's.
    # ("the 4th AMMTC+China Consultation", "the 2nd AMMTC+Japan Consultation": a partner's.)
    rf"|^\s*(?:\+\s*(?:\d|[A-Z][A-Za-z]*)|{_PLUS_PARTNER})"
    # ("the 13th AMMTC+3 Consultation on Transnational Crime": the format's noun and topic are its name.)
    r"(?:\s+(?:Ministerial\s+)?(?:Consultations?|Meeting)(?:\s+on\s+Transnational\s+Crimes?)?\b)?"
)


# The wider format named before a series' name: "ASEAN Plus Three", "ASEAN+3", "ASEAN-China"; a
# dialogue partner's own consultations ("the ninth ASEAN-India Senior Officials Meeting on
# Transnational Crimes") are numbered apart from the series.
_WIDER_BEFORE = re.compile(
    rf"(?:\b{_PLUS_PARTNER}|\+\s*\d|[-–](?:China|Japan|Korea|ROK|India|Australia|Canada|EU|European Union"
    r"|New Zealand|Russia|U\.?S\.?|United States|UK|United Kingdom)\b)\s+$"
)

# Who meet with ASEAN's members: "ASEAN and China", "the 10 ASEAN countries and China, Japan and South
# Korea", "ASEAN Plus Three ministers".
_PARTNERS_MEET = re.compile(
    rf"\b{_PLUS_PARTNER}|\bASEAN\b[^.;]{{0,40}}?\b(?:and|with|plus)\s+(?:their\s+counterparts\s+(?:from|of)\s+)?"
    r"(?:the\s+)?(?:China|Japan|(?:South\s+)?Korea|ROK|India|Australia|Canada|EU|European\s+Union|New\s+Zealand"
    r"|Russia|U\.?S\.?|United\s+States)\b"
)


# "the 15th AMMTC (AMMTC) and Related Meetings": its acronym, and the meetings held with it, are
# part of the name: "Related Meetings" is no meeting of its own.
_ACRONYM_AFTER = re.compile(r"^(?:\s*\([A-Z][\w&/+-]*\))?(?:\s+and\s+(?:its\s+)?[Rr]elated\s+[Mm]eetings\b)?")


_CAP_BEFORE = re.compile(
    rf"(?P<name>(?:{_CAP_WORD}|\([A-Z][\w&/+-]*\))(?:\s+(?:{_CONNECT_WORD}\s+)*(?:{_CAP_WORD}|\([A-Z][\w&/+-]*\)))*)"
    r"\s+$"
)


_GENERIC = re.compile(
    r"^(?:(?:the|this|that|its|their|a|an)\s+)?(?:(?:same|two-day|three-day|one-day|four-day|five-day|"
    r"day-long|week-long|ongoing|whole|entire|series\s+of|" + "|".join(ORDINAL_WORDS) + r")\s+)*"
    r"(?:[a-z][\w'’-]*\s+)?(?:" + "|".join(MEETING_NOUNS) + r")s?$",
    re.IGNORECASE,
)


# What makes "the first AICHR meeting" the first of some of its meetings: "under the Philippines'
# chairmanship", "this year", "since 2019", "of 2017" (not "in 2011": "the eighth AMMTC in 2011" is the 8th).
_OF_A_SUBSET = re.compile(
    r"(?:\s*\([A-Z][\w&/-]*\))?(?:\s+(?:meeting|session|gathering)s?)?\s+"
    r"(?:under|since|after|outside|this\s+year|of\s+(?:the|this)\s+year|of\s+(?:19|20)\d\d)\b",
    re.IGNORECASE,
)


# "the commission's 16th meeting": a body named by the head noun of its name, in the possessive.
_HEAD_NOUN = r"(?:commission|committee|council|assembly)"
_HEAD_OWNER = re.compile(rf"(?<![\w-]){_HEAD_NOUN}['’]s\s+", re.IGNORECASE)
_HEAD_POSSESSIVE = re.compile(
    rf"\b[Tt]he\s+(?P<head>{_HEAD_NOUN})['’]s\s+{ORDINAL_TOKEN}\s+meeting\b", re.IGNORECASE
)


_FIRST_HELD = re.compile(
    r"\s+(?:was|were|had\s+been)\s+first\s+(?:convened|held|organi[sz]ed|hosted|staged|launched)\b",
    re.IGNORECASE,
)


def _first_of_a_subset(text: str, start: int, end: int) -> bool:
    """ "the first AICHR meeting under the Philippines' chairmanship": a word ordinal that ranks
    the meetings of a year or a chair, not a number of the series."""
    word = re.match(
        rf"(?:(?:the|its|their)\s+)?(?:{_HEAD_OWNER.pattern})?(?P<n>{ORDINAL_TOKEN})\b",
        text[start:end],
        re.IGNORECASE,
    ) or _ORDINAL_BEFORE.search(text[max(0, start - 40) : start])
    return bool(word and not word.group("n")[0].isdigit() and _OF_A_SUBSET.match(text, end))


# "The first took place in Bali": an ordinal standing for a meeting of the series the article is about.
_ORDINAL_ALONE = re.compile(
    rf"^(?:The|the)\s+(?P<n>{'|'.join(ORDINAL_WORDS)})\s+(?:one\s+)?(?=took place|was held|met|was convened)",
    re.IGNORECASE,
)


def meeting_names(ctx: _Context, text: str, words: frozenset[str]) -> list[MeetingName]:
    """Every meeting the sentence names, in order: names of meetings (nouns with their names),
    numbered meetings of a series ("the 19th AMMTC"), and an ordinal that stands for one."""
    if text.count("|") >= 2:
        if not re.search(r"\d", text) and all(len(cell.split()) <= 4 for cell in text.split("|")):
            return []  # a table's header ("Meetings | No. | Date | Host city"): it names no meeting
        listed = _listed_meeting(ctx, text)
        if listed is not None:
            return [listed]
    elif _SPACED_ROW.match(text):
        # ("11th   18-21 September 2017   Manila   Philippines", a table's row as a page's text
        # gives it, its columns apart by spaces.)
        listed = _listed_meeting(ctx, text)
        if listed is not None:
            return [listed]
    out: list[MeetingName] = []
    alone = _ORDINAL_ALONE.match(text)
    if alone:
        n = ordinal_value(alone.group("n"))
        out.append(MeetingName("", "", "", n, alone.start(), alone.end(), generic=True))
    series_spans: list[tuple[int, int]] = []
    for start, end, row in ctx.gaz.series.find(text):
        if any(a <= start < b for a, b in series_spans):
            continue  # "(AMMTC)" after the name it abbreviates: the same meeting
        if goes_on(text, start, end, row):
            continue  # "the Ninth ASEAN Ministerial Meeting on Social Welfare and Development": not the AMM
        larger = LARGER_BODY.match(text[end:])
        n_m = _ORDINAL_BEFORE.search(text[max(0, start - 40) : start])
        n = ordinal_value(n_m.group("n")) if n_m else None
        after = NUMBER_AFTER.match(text, end) if n_m is None and not larger else None
        if after is not None:
            n = int(after.group("n"))  # "AMMTC 17 met back in Labuan Bajo"
        step = _NEXT_BEFORE.search(text, max(0, start - 30), start)
        if n is None and step:
            # "The next AMMTC will be hosted by Laos", "the previous AMMTC in Vientiane": the one
            # after (or before) the article's own, if it names one; otherwise no meeting the article
            # can say more of.
            n = _next_after(ctx, row, -1 if step.group("way").casefold() in _BACK_WORDS else 1)
            if n is None:
                continue
        at = start - (len(text[max(0, start - 40) : start]) - n_m.start()) if n_m else start
        if n_m and _first_of_a_subset(text, at, end):
            # "the first AICHR meeting under the Philippines' chairmanship": first of the year's
            # meetings, not the series' 1st; the sentence names no numbered meeting here.
            series_spans.append((start, end))
            continue
        if larger:
            name_end = end + larger.end()
            title = _clean_title(text[start:name_end])
            out.append(MeetingName("meeting", _numbered(n, title), "", n, at, name_end))
            series_spans.append((start, name_end))
            continue
        # The name's head noun (see _HEAD_NOUNS).
        name_words = row.get("name").casefold().split()
        head = next((w for w in name_words if w in _HEAD_NOUNS), name_words[-1])
        if "meeting" not in name_words and head not in _HEAD_NOUNS:
            continue  # a body (ACWC): its meetings are named by a noun ("the 18th ACWC Meeting")
        acr = _ACRONYM_AFTER.match(text[end:])
        name_end = after.end() if after is not None else end + (acr.end() if acr else 0)
        series_spans.append((start, name_end))
        # "the emergency ASEAN ministerial meeting on transnational crime": a meeting of the series
        # that is none of its numbered ones, titled as the text says.
        special = _SPECIAL_BEFORE.search(text, max(0, start - 20), start)
        title = _numbered(n, row.get("name"))
        if special and n is None:
            title = f"{special.group('w').capitalize()} {title}"
            at = special.start("w")
        out.append(
            MeetingName(
                head if head in MEETING_NOUNS else "meeting",
                title,
                row.get("series"),
                n,
                at,
                name_end,
                series=row.get("series") if n is not None else "",
            )
        )
    for m in _SUMMIT_NUMBER.finditer(text):
        if m.group("n4") and "ASEAN" not in m.group():
            # "at the 44th and 45th Summits, also in the Lao capital": two numbers held as one are
            # ASEAN's own summits, with or without the name (the identification gives each).
            for n, start, end in (
                (int(m.group("n3")), m.start(), m.start("n4")),
                (int(m.group("n4")), m.start("n4"), m.end()),
            ):
                out.append(MeetingName("summit", f"{ordinal(n)} ASEAN Summit", "ASEAN Summit", n, start, end))
    out += _last_met(ctx, text)
    seen_nouns: set[int] = set()
    for noun in _MEETING_NOUN.finditer(text, words):
        if noun.start() in seen_nouns:
            continue
        if re.match(r"['’]s\s+[a-z]", text[noun.end() :]) and re.search(r"\bthe\s+$", text[: noun.start()]):
            continue  # "which the workshop's co-organizer serves": the noun owns another, named after it
        inside = next(((a, b) for a, b in series_spans if a <= noun.start() < b), None)
        if inside is not None:
            # "the Preparatory SOMTC": a name around the series' own noun names a meeting of it.
            name = _name_around(text, noun.start(), noun.end())
            if name is None or name[0] >= inside[0] or _only_day_and_ordinal(text[name[0] : inside[0]]):
                continue
        found = _noun_name(ctx, text, noun)
        if found is None:
            continue
        plural = (
            text[noun.end() - 1 : noun.end()].lower() == "s"
            and noun.group("noun").lower() + "s" == noun.group().lower()
        )
        if (
            plural
            and str(found["name"])[:1].islower()
            and "series" not in text[max(0, noun.start() - 12) : noun.start()]
        ):
            continue  # "earlier meetings of the group": several meetings, none named
        seen_nouns.update(a for a, _ in found.pop("nouns"))  # type: ignore[attr-defined]
        if _first_of_a_subset(text, int(found["start"]), int(found["end"])):  # type: ignore[call-overload]
            continue
        meeting = _meeting(ctx, text, **found)  # type: ignore[arg-type]
        if any(_meeting_of(text, m, meeting) for m in out):
            # "the 4th Meeting of the SOMTC Experts Working Group": the group's own noun, inside the
            # meeting's name, names no second meeting.
            continue
        held = [m for m in out if m.subject and meeting.start <= m.start and m.end <= meeting.end + 12]
        name_text = text[meeting.start : meeting.end]
        if held and name_text.upper() == name_text:
            # "10TH ASEAN MINISTERIAL MEETING ON TRANSNATIONAL CRIME AND RELATED MEETINGS", a headline
            # in capitals: the series' meeting it names, titled as the series is.
            continue
        # A name that holds a series mention (or another noun's name) replaces it ("Preparatory
        # ASEAN SOMTC").
        # ("The fourth ASEAN Plus Three Ministerial Meeting on Transnational Crime (AMMTC+3)": so does
        # a name the acronym in brackets right after it abbreviates.)
        out = [
            m
            for m in out
            if not (
                meeting.start <= m.start
                and m.end <= meeting.end + 12
                and (m.subject or text[meeting.end : m.start].strip() == "(")
            )
            and not _meeting_of(text, meeting, m)
        ] + [meeting]
    out += _elided(text, out)
    return sorted(out, key=lambda m: m.start)


# "hosted the 34th ASEAN Summit in June and will host the 35th in November": an ordinal alone, after
# a numbered meeting of a series in the same sentence, is that series' meeting of that number.
_ELIDED_ORDINAL = re.compile(
    r"\b(?:and|but|while|,)\s+(?:[\w'’-]+\s+){0,4}?the\s+(?P<n>\d{1,2}(?:st|nd|rd|th))"
    r"(?=\s+(?:in|on|at|next|later|this|last|from|was|were|is|will|took|met|opened|followed)\b|\s*[,.;]|\s*$)"
)


# A row of a table of a series' meetings: "| 10th | 29 September – 2 October 2015 | Kuala Lumpur |",
# "13 | 28 November 2019 | Bangkok": its number first, a date in the next cell.
_LISTED_ROW = re.compile(
    rf"^[\s|]*(?P<n>\d{{1,2}}(?:st|nd|rd|th)?|{'|'.join(ORDINAL_WORDS)})\s*\|(?=[^|]*\b(?:19|20)\d\d\b)",
    re.IGNORECASE,
)


# The same row with its columns apart by spaces: an ordinal, then its day (or month) and year.
_SPACED_ROW = re.compile(
    rf"^(?P<n>\d{{1,2}}(?:st|nd|rd|th)|{'|'.join(ORDINAL_WORDS)})\s+"
    rf"(?=(?:[0-3]?\d(?:\s*[-–]\s*[0-3]?\d)?\s+)?(?:{MONTH_RE})\b[^|]{{0,40}}?\b(?:19|20)\d\d\b)",
    re.IGNORECASE,
)
# A table's header whose first column is the meeting: "Conference   Date   Venue   Main outcome".
_SITE_AFTER = re.compile(r"\s+[-–|]\s+")
_MEETING_COLUMN = re.compile(r"^[ \t]*(?P<noun>Conference|Meeting|Summit|Forum)s?\s+Dates?\b", re.MULTILINE)


def _listed_meeting(ctx: _Context, text: str) -> MeetingName | None:
    """ "| 10th | 29 September – 2 October 2015 | Kuala Lumpur | Malaysia |" on a page whose title
    names one series ("ASEAN Ministerial Meeting on Transnational Crime", "List of ASEAN Summits"):
    that series' meeting of the row's number. (On a page whose title names the body and whose
    table's first column is its meetings, "Bali Process" over "Conference   Date …", the series
    the two name together.)"""
    row = _LISTED_ROW.match(text) or _SPACED_ROW.match(text)
    if row is None:
        return None
    n = (
        ordinal_value(row.group("n"))
        if not row.group("n")[0].isdigit()
        else int(re.sub(r"\D", "", row.group("n")))
    )
    if not n:
        return None
    title = ctx.article.document.title or ""
    if re.search(r"\bASEAN\s+Summits?\b", title) and not re.search(
        r"\b(?:East Asia|Plus|Special|Commemorative|[A-Z]\w+-ASEAN|ASEAN-\w+)", title
    ):
        return MeetingName(
            "summit", f"{ordinal(n)} ASEAN Summit", "ASEAN Summit", n, row.start("n"), row.end("n")
        )
    found = {r.get("series"): r for a, b, r in ctx.gaz.series.find(title) if not goes_on(title, a, b, r)}
    column = _MEETING_COLUMN.search(ctx.article.document.text)
    if not found and column is not None:
        # (The title without its site: "Bali Process - Wikipedia".)
        named = f"{_SITE_AFTER.split(title)[0]} {column.group('noun')}"
        found = {r.get("series"): r for a, b, r in ctx.gaz.series.find(named) if not goes_on(named, a, b, r)}
    if len(found) != 1:
        return None
    series, series_row = found.popitem()
    kind = next((w for w in series_row.get("name").casefold().split() if w in MEETING_NOUNS), "meeting")
    return MeetingName(
        kind, _numbered(n, series_row.get("name")), series, n, row.start("n"), row.end("n"), series=series
    )


def _elided(text: str, names: list[MeetingName]) -> list[MeetingName]:
    """The meetings a sentence names by an ordinal alone, after a numbered meeting of a series."""
    out: list[MeetingName] = []
    for m in names:
        if m.generic or m.ordinal is None or not m.subject:
            continue
        plain = re.sub(rf"^{ORDINAL_TOKEN}\s+", "", m.title, flags=re.IGNORECASE)
        # ("The 10th AFML was held in Manila in 2017, the 11th in Singapore in 2018 and the 12th in
        # Bangkok in 2019": each ordinal after the one before it.)
        pos = m.end
        while (e := _ELIDED_ORDINAL.search(text, pos)) is not None:
            if any(o.start <= e.start("n") < o.end for o in names):
                break
            n = ordinal_value(e.group("n"))
            if n is None or n == m.ordinal:
                break
            out.append(
                replace(
                    m,
                    title=f"{ordinal(n)} {plain}",
                    ordinal=n,
                    start=e.start("n"),
                    end=e.end("n"),
                    elided=True,
                )
            )
            pos = e.end("n")
    return out


def _meeting_of(text: str, outer: MeetingName, inner: MeetingName) -> bool:
    """ "the 4th Meeting of the SOMTC Experts Working Group": the outer name is a meeting of the body
    the inner one names (not "briefed the Meeting on the inaugural … Forum", two meetings)."""
    return (
        outer.start < inner.start
        and inner.end <= outer.end
        and not (outer.generic or outer.subject or inner.generic or inner.subject)
        and re.search(r"\sof\s+(?:the\s+)?$", text[outer.start : inner.start]) is not None
    )


def _numbered(n: int | None, title: str) -> str:
    if n is None or re.match(ORDINAL_TOKEN + r"\b", title, re.IGNORECASE):
        return title
    return f"{ordinal(n)} {title}"


# "the 28th ASEAN Political-Security Community (APSC) Council Meeting": an acronym inside a name
# does not end it.
_NAME_WITH_ACRONYMS = re.compile(rf"(?P<name>{_NAME_PHRASE}(?:\s+\([A-Z][\w&/-]*\)\s+{_NAME_PHRASE})*)")


# A day's name inside a run of capitalised words ends what stands before it: "meet in Washington on
# Thursday and Friday for the ASEAN-U.S. Special Summit" names the summit from "ASEAN-U.S." on.
_DAY_IN_NAME = re.compile(
    rf"\b(?:{WEEKDAY_RE}|{MONTH_RE})\b(?:\s+(?:and|or|to)\s+(?:{WEEKDAY_RE}|{MONTH_RE}))?\s+"
    rf"(?:{_CONNECT_WORD}\s+)*"
)


_INTO_NAME = re.compile(r"\b(?:to|for|at)\s+the\s+")
# ("a milestone for the Twenty-first Summit and for Cambodia's chairmanship": a preposition after
# "and" starts a phrase of its own.)
_AND_PREPOSITION = re.compile(r"\s+and\s+(?:for|to|with)\s")


_AND_ANOTHER_MEETING = re.compile(
    r"\b(?:Summit|Meeting|Conference|Forum)s?\s+(?P<and>and)\s+(?:the\s+)?(?!Related\b)(?=[A-Z0-9])"
)


def _name_around(text: str, start: int, end: int) -> tuple[int, int] | None:
    for m in _NAME_WITH_ACRONYMS.finditer(text):
        if m.start() <= start < m.end() and len(m.group().split()) >= 2:
            first = max((d.end() for d in _DAY_IN_NAME.finditer(text, m.start(), start)), default=m.start())
            # "welcome you to Jakarta for the Eighth Meeting of the AICHR", "Welcome to the Eighth
            # Meeting": before its noun, a name holds no "to the", "for the": what stands before is
            # the sentence's, not the name's.
            first = max((d.end() for d in _INTO_NAME.finditer(text, first, start)), default=first)
            cut = _AND_PREPOSITION.search(text, start, m.end())
            last = cut.start() if cut else m.end()
            # "host the 31st Summit and the East Asia Summit": two meetings, each a name of its own.
            for joint in _AND_ANOTHER_MEETING.finditer(text, m.start(), m.end()):
                if joint.start("and") >= end:
                    last = min(last, joint.start("and") - 1)
                elif joint.end() <= start:
                    first = max(first, joint.end())
            if len(text[first:last].split()) < 2:
                return None
            return first, last
    return None


_NAMED_HOLDER = re.compile(
    r"(?P<name>(?:[A-Z][\w’'-]*\s+(?:(?:and|of|on|for|in)\s+)?){1,6}(?:Forum|Conference|Commission|Committee|Council"
    r"|Group|Task\s+Force|Network)(?:\s+(?:on|for|of|against)\s+[A-Z][\w’'-]*(?:\s+(?:(?:in|of|and|on)\s+)?[A-Z][\w’'-]*){0,4})?)"
    r"\s+(?:\w+\s+){0,2}?(?:holds|held|hosts|hosted|convenes|convened|opens|opened)\s+(?:(?:its|their)\s+(?:\w+\s+)?)?$"
)
# A named holder, then a relative clause that holds "its" meeting: "the ASEAN Committee on … (ACMW),
# which held its".
_WHICH_HELD = re.compile(
    r"(?P<name>(?:[A-Z][\w’'-]*\s+(?:(?:and|of|on|for|in|the|to)\s+)*){1,20}?"
    r"(?:\((?P<short>[A-Z][A-Za-z&-]{1,11})\)|[A-Z][\w’'-]*)),\s+which\s+(?:\w+\s+)?"
    r"(?:holds|held|convenes|convened|had|opened)\s+(?:(?:its|their)\s+(?:\w+\s+)?)?$"
)
# The subject that holds "its" meeting: "The Council of Europe's committee of the parties held its".
# (Never a relative clause: in "the Commission, which leaders inaugurated last October and which held
# its first meeting", the holder is the name the clause follows.)
# ("the Bali Process, co-chaired by Indonesia and Australia, had held its third regional ministerial
# conference": a participle's aside and "had" between the holder and its verb.)
_HOLDER_SUBJECT = re.compile(
    r"(?:^|[,;]\s+)(?!(?:which|who|that|where)\b)(?P<who>[^,;]{3,120}?)"
    r"(?:,\s+(?:co-)?(?:chaired|hosted|led|founded|created)\s+by\s+[^,;]{3,60},)?"
    r",?\s+(?:(?:has|had|have)\s+)?(?:holds|held|convenes|convened|had|opened)\s+(?:(?:its|their)\s+(?:\w+\s+)?)?$"
)
# A body described in lower case, then the verb that holds "its" meeting: "the women and children's
# commission, which held its", "The human rights commission closed its".
_DESCRIBED_HOLDER = re.compile(
    r"\b[Tt]he\s+(?P<who>(?:[a-z][\w’'-]*\s+){1,5}?(?:commission|committee|council|task\s+force|working\s+group"
    r"|network|panel))(?:,\s+which)?\s+(?:(?:has|had|have)\s+)?"
    r"(?:holds|held|convenes|convened|opened|closed|concluded|ended|began|had)\s+(?:(?:its|their)\s+(?:\w+\s+)?)?$"
)
# A name in it other than a pronoun's or an article's capital: "Council", "Europe", "GRETA".
_ANOTHER_NAME = re.compile(r"\b(?!(?:The|It|Its|Their|They|This|That)\b)[A-Z](?:[a-z]+|[A-Z0-9&-]{2,9})\b")
_NOT_A_GATHERING = re.compile(
    r"\b(?:video|tele|press|news|web|U\.?S\.?|United\s+States|American)[\s-]*$", re.IGNORECASE
)
_IS_A = re.compile(r"\b(?:is|was|are|were|remains|as)\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}$")


def _noun_name(ctx: _Context, text: str, noun: re.Match[str]) -> dict[str, object] | None:
    """The name a meeting noun stands in, with the kind its compound gives."""
    word = noun.group("noun").lower()
    if word == "summit" and re.search(
        r"\b(?:an?|any|every|each|another)\s+(?:ASEAN\s+)?$", text[: noun.start()]
    ):
        return None  # "the first time Laos has hosted an ASEAN summit": no summit in particular
    if _NOT_A_GATHERING.search(text, 0, noun.start()) and word in ("conference", "congress"):
        return None  # "by video conference", "a press conference", "the US Congress": no meeting held
    if word in ("forum", "dialogue", "consultation") and _IS_A.search(text, 0, noun.start()):
        return None  # "The Bali Process … is a forum co-chaired by Indonesia and Australia": what it is
    if _NOT_A_MEETING.match(text[noun.start() :]) or (
        word == "training"
        and not re.search(
            r"\b(?:a|an|the|this|its|their|regional|national)\s+(?:[\w-]+\s+)?$", text[: noun.start()], re.I
        )
    ):
        return None
    nouns = {(noun.start(), noun.end())}
    kind = word
    # "consultation meeting", "consultative meeting", "training workshop": the modifier is the kind.
    before = re.search(r"\b(?P<mod>\w+)\s+$", text[: noun.start()])
    if before and before.group("mod").lower() in _MODIFIER_KINDS:
        kind = _MODIFIER_KINDS[before.group("mod").lower()]
        if before.group("mod").lower() != "consultative":
            nouns.add((before.start("mod"), before.end("mod")))
    after = re.match(r"\s+(?P<n>" + "|".join(MEETING_NOUNS) + r")s?\b", text[noun.end() :], re.IGNORECASE)
    if after:
        nouns.add((noun.end() + after.start("n"), noun.end() + after.end()))
        kind = word if word in _MODIFIER_KINDS.values() else after.group("n").lower()
    for q in _QUOTED.finditer(text):
        if q.start() <= noun.start() < q.end():
            return {
                "kind": kind,
                "name": _clean_title(q.group("q")),
                "start": q.start(),
                "end": q.end(),
                "nouns": nouns,
            }
    span = _name_around(text, noun.start(), noun.end())
    if span is not None:
        return {
            "kind": kind,
            "name": _name_only(ctx, text[span[0] : span[1]]),
            "start": span[0],
            "end": span[1],
            "nouns": nouns,
        }
    if noun.group()[0].islower():
        window = max(0, noun.start() - 160)
        cap = _CAP_BEFORE.search(text, window, noun.start())
        if cap and not re.fullmatch(r"(?:The|A|An|It|Its|[A-Z][a-z]+day)", cap.group("name")):
            end = max(e for _, e in nouns)
            # "the first ASEAN-US seminar on trafficking in persons was held …": the topic after the
            # noun is part of the name, up to the verb, a clause break, a place or a date.
            topic = _TOPIC_AFTER.match(text, end)
            end = topic.end() if topic else end
            return {
                "kind": kind,
                "name": text[cap.start("name") : end],
                "start": cap.start("name"),
                "end": end,
                "nouns": nouns,
            }
    return _described(text, kind, nouns)


_TOPIC_AFTER = re.compile(
    # (A word may end at the clause's comma: "Second meeting on irregular migration in the Indian
    # Ocean, Bangkok"; the verb may be a timeline's present: "Regional workshop on … opens in Hanoi".)
    r"\s+(?:on|against|for)\s+(?:[\w’'-]+(?:\s+|$|(?=[,.;:(]))){1,7}?"
    r"(?=(?:was|were|is|are|has|had|held|opened|closed|ended|began|in\s+[A-Z]|at|from|by|on\s+\d|"
    r"opens|closes|ends|begins|starts|concludes)\b|[,.;:(]|$)"
)
"""A meeting's topic after its noun, as far as the verb, a clause break, a place or a date."""


# Nouns that name no meeting here: "dialogue partners", "forum shopping".
_NOT_A_MEETING = re.compile(
    r"(?:dialogue|forum)\s+(?:partners?|shopping)\b"
    # "a Training Curriculum on …", "the Workshop Report": a document named after a meeting noun.
    r"|\w+\s+(?:curriculum|curricula|manual|module|handbook|toolkit|guide|report|proceedings|package|kit)\b"
    # "since the forum was established in 2002": a body, founded; not a meeting held.
    r"|\w+\s+(?:was|were|had been|has been)\s+(?:established|founded|set up|created|formed)\b",
    re.IGNORECASE,
)


_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"


_DAY_BEFORE_NAME = re.compile(
    # ("meet in Vientiane in August for the ASEAN Ministerial Meeting …": the place and the month too.)
    r"^(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}\s+in\s+(?=" + _MONTHS + r"\s))?"
    rf"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|{_MONTHS})\s+)+(?:(?:for|of|on|the|in|at)\s+)+"
)


_ENTRY_DATE_BEFORE = re.compile(r"(?:[*•·]\s*)?(?=[^–—:]*\d)[\w ,.-]{1,30}?\s*(?:--|[–—:]|\s-)\s*")
_STEP_WORDS = r"(?:next|following|upcoming|previous|preceding)"
_STEP_NAME = re.compile(
    rf"(?:(?:the|this|that)\s+)?(?P<way>{_STEP_WORDS})\s+(?:(?:ministerial|regional|annual)\s+)?\w+$",
    re.IGNORECASE,
)
_NEXT_BEFORE = re.compile(rf"\b(?P<way>{_STEP_WORDS}|forthcoming)\s+(?:ASEAN\s+)?$", re.IGNORECASE)
_BACK_WORDS = frozenset({"previous", "preceding"})


# "The Bali Process ministers last met in March 2016": the ministers of a series' body, at its meeting
# before the one the article reports.
_MINISTERS_LAST_MET = re.compile(
    r"\b(?:(?:The|the)\s+)?(?P<body>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})\s+ministers\s+last\s+met\b"
)


def _last_met(ctx: _Context, text: str) -> list[MeetingName]:
    """ "The Bali Process ministers last met in March 2016, also in Bali", in a story on the Seventh
    Bali Process Ministerial Conference: the sixth. Only a series whose name is the body's
    "… Ministerial …" and whose one numbered meeting the article names."""
    out = []
    for m in _MINISTERS_LAST_MET.finditer(text):
        body = m.group("body").casefold()
        rows = [
            r
            for r in ctx.gaz.reference.rows("series")
            if r.get("name").casefold().startswith(f"{body} ministerial")
        ]
        n = _next_after(ctx, rows[0], -1) if len(rows) == 1 else None
        if n is None or n < 1:
            continue
        row = rows[0]
        head = row.get("name").split()[-1].casefold()
        kind = head if head in MEETING_NOUNS else "meeting"
        out.append(
            MeetingName(
                kind,
                _numbered(n, row.get("name")),
                row.get("series"),
                n,
                m.start("body"),
                m.end("body"),
                series=row.get("series"),
            )
        )
    return out


def _next_after(ctx: _Context, row: Row, step: int = 1) -> int | None:
    """The number after (``step`` 1) or before (-1) the one numbered meeting of ``row``'s series
    the article names."""
    numbers = set()
    for s in ctx.sentences:
        for start, end, other in ctx.gaz.series.find(s.text):
            if other.key != row.key or LARGER_BODY.match(s.text[end:]):
                continue  # ("the 10th AMMTC+3 Consultation": the wider format's number, not the AMMTC's)
            m = _ORDINAL_BEFORE.search(s.text[max(0, start - 40) : start])
            if m and (value := ordinal_value(m.group("n"))) is not None:
                numbers.add(value)
            elif m is None and (after := NUMBER_AFTER.match(s.text, end)):
                numbers.add(int(after.group("n")))
    return numbers.pop() + step if len(numbers) == 1 else None


def _only_day_and_ordinal(prefix: str) -> bool:
    """ "Tuesday for the Seventh " before "Bali Process Ministerial Conference": no name of its own."""
    rest = _DAY_BEFORE_NAME.sub("", prefix).strip()
    rest = re.sub(r"^(?:the|The)\s+", "", rest)
    return not rest or (len(rest.split()) == 1 and ordinal_value(rest) is not None)


def _name_only(ctx: _Context, name: str) -> str:
    """A name without the date or place the sentence adds: "the 31st ASEAN Summit in Manila in November"."""
    name = name.rstrip(".,;: ")
    # "on Tuesday for the Seventh Bali Process Ministerial Conference": a day is no part of a name.
    name = _DAY_BEFORE_NAME.sub("", name)
    while True:
        # ("the 10th ASEAN Summit in the Lao capital": a place told by its country.)
        m = re.search(
            rf"\s+(?:in|on)\s+(?:{_MONTHS}|(?:the\s+)?(?P<place>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){{0,2}})"
            r"(?:\s+(?:capital|city|town|province))?)$",
            name,
        )
        where = re.sub(r"^\s+(?:in|on)\s+(?:the\s+)?", "", m.group()) if m else ""
        if m is None or (
            m.group("place")
            and ctx.gaz.place_row(m.group("place")) is None
            # ("… in the Lao" of "in the Lao capital": the name stops before the lower-case noun.)
            and not any(ctx.gaz.place_row(f"{where} {noun}") for noun in ("", "capital", "city"))
        ):
            return name
        name = name[: m.start()]


_PHRASE_STOP = re.compile(
    r"\s*\(|;|\.(?:\s|$)|,(?!\s+(?:\w+ing|and|or)\b)|"
    r"\s(?:in\s+[A-Z]|from\s+\d|(?:held|was|were|organi[sz]ed|which|that|where|when|will|would|is|are|has|"
    r"have|had|took|brought|met|ahead|here|yesterday|today|tomorrow|last|next|this|by|at|under|"
    r"with\s+(?:the\s+)?support|the\s+(?:two|three)|ended|opened|closed|runs?|as|since|after|before|"
    # ("A regional workshop on victim identification opens tomorrow": nor is its verb in the present.)
    r"opens|closes|ends|begins|starts|concludes|resumes|began|started|concluded|finished|"
    r"and\s+(?:the|a|an)|"
    # ("The tenth summit of the grouping adopted a declaration": the verb ends the name.)
    r"adopted|endorsed|agreed|signed|approved|issued|launched|discussed|called|urged|noted|reviewed|"
    r"welcomed|decided|pledged|focused|focussed)\b)"
)


# "The Conference was the first ministerial meeting of the Bali Process since 2018": what the subject
# is, not another meeting.
SUPERLATIVE_PREDICATE = re.compile(
    r"\b(?:was|is|will be|would be|had been|has been|became|becomes)\s+the\s+(?:first|only|last|latest)\s"
    # (Not "the first of its kind since the fifth conference": a meeting after "since" is another.)
    r"(?:(?!\b(?:since|after|before|than|following)\b)[^,;.])*$",
    re.IGNORECASE,
)
# "It was the second consultation on the subject": the subject of the sentence is the event before.
_IT_WAS = re.compile(r"^(?:It|This|That)\s+(?:was|is|will be|would be|had been|has been)\s+$")


# The words between a determiner and the noun: "a regional workshop", "their first consultation".
# ("the forty seventh summit": a tens word and a unit's ordinal are one ordinal, 47, not 7.)
_TENS_BEFORE_UNIT = re.compile(
    rf"\b({'|'.join(TENS_WORDS)})\s+(?=\w+th\b|first\b|second\b|third\b)", re.IGNORECASE
)
_LEAD = re.compile(
    r"\b(?:a|an|the|its|their|his|her)\s+((?:(?!(?:a|an|the|its|their)\b)[a-z0-9][\w'’-]*\s+){1,3})$",
    re.IGNORECASE,
)
_ENTRY_LEAD = re.compile(
    # (The entry's date opens the line: "MANILA, 3 March 2019 — Officials held a workshop" is a
    # dateline and a sentence.)
    rf"^(?:[*•·]\s*)?(?:\d|{_MONTHS})[\w ,.-]{{0,30}}?\d\s*(?:--|[–—:]|\s-)\s*"
    r"((?=[A-Z])(?:[A-Za-z0-9][\w'’-]*\s+){1,3})$"
)
_DATE_LEAD = re.compile(r"\s+(?:on|from|in|between|of)\s+$")


@lru_cache(maxsize=1024)
def _temporal_spans(text: str) -> tuple[tuple[int, int], ...]:
    return tuple((t.start, t.end) for t in extract_temporals(text))


def _described(text: str, kind: str, nouns: set[tuple[int, int]]) -> dict[str, object]:
    """A meeting described in common words: "a regional workshop on national plans of action"."""
    first = min(a for a, _ in nouns)
    last = max(b for _, b in nouns)
    rest = text[last:]
    # The dates in a description are when, not what: "a workshop on September 14 to collect …".
    for t_start, t_end in reversed(_temporal_spans(text)):
        if t_start < last:
            break
        a, b = t_start - last, t_end - last
        lead = _DATE_LEAD.search(rest, max(0, a - 12), a)
        rest = rest[: lead.start() if lead else a] + rest[b:]
    tail = ""
    # (Not "its 23rd meeting on this resort island": a place pointed at, not a topic.)
    # (Nor "their meeting with the signing of a memorandum": what closed it, not whom it was with.)
    prep = re.match(
        r"\s+(?:(?:on|for|about|against|to|of)\s+|with\s+(?!(?:the|a|an)\s+(?:signing|adoption|launch|release|"
        r"endorsement|issuance|joint\s+statement|statement|declaration|pledge|call)\b))(?!(?:this|that|these)\s)",
        rest,
    )
    if prep:
        stop = _PHRASE_STOP.search(rest, prep.end())
        tail = rest[: stop.start() if stop else len(rest)]
    phrase = text[first:last] + tail
    # (A timeline's entry names its meeting without a determiner, with its topic: "3-4 December
    # 2015 - Second special meeting on irregular migration …, Bangkok". Without one, "Third
    # ministerial conference, Bali" is a meeting of the series the article is about.)
    lead = _LEAD.search(text, max(0, first - 60), first) or (
        _ENTRY_LEAD.search(text, 0, first) if tail.strip() else None
    )
    start = first
    n = None
    written = ""
    if lead:
        kept = []
        words = _TENS_BEFORE_UNIT.sub(r"\1-", lead.group(1)).split()
        for i, w in enumerate(words):
            value = ordinal_value(w)
            if value is not None and words[i + 1 : i + 2] in (["such"], ["ever"]):
                kept.append(w)  # ("the first such summit": see _meeting)
            elif value is not None:
                n, written = value, w
            elif not re.fullmatch(
                r"(?:two|three|four|five|one|day|ongoing|same|next|\w+-day|series|of|new|related)", w, re.I
            ):
                kept.append(w)
        if kept:
            phrase = " ".join(kept) + " " + phrase
        # (An entry's lead starts at its words, not at the date before them.)
        start = lead.start() if lead.re is _LEAD else lead.start(1)
    elif re.search(r"\b(?:a|an|the|its|their)\s+$", text[:first], re.IGNORECASE):
        start = re.search(r"\b(?:a|an|the|its|their)\s+$", text[:first], re.IGNORECASE).start()  # type: ignore[union-attr]
    if len(phrase) > 100:
        cut = [
            m.start()
            for m in re.finditer(r"\s(?:on|for|in|of|to|from|with|and)\s", phrase)
            if m.start() <= 100
        ]
        phrase = phrase[: cut[-1]] if cut else phrase[:100].rsplit(" ", 1)[0]
    end = last + (len(tail) if text[last : last + len(tail)] == tail else 0)
    return {
        "kind": kind,
        "name": phrase,
        "start": start,
        "end": end,
        "nouns": nouns,
        "ordinal": n,
        "written": written,
    }


_LEADING_CONNECTIVE = re.compile(
    r"(?:Since|After|Before|Following|During|Until|Ahead of|Like|Unlike)\s+(?=\S)"
)


def _meeting(
    ctx: _Context,
    text: str,
    kind: str,
    name: str,
    start: int,
    end: int,
    ordinal: int | None = None,
    written: str = "",
) -> MeetingName:
    name = name.strip()
    # "Since the Ninth ACWC Meeting in Yangon …": a capital at the sentence's start is no part of a name.
    lead = _LEADING_CONNECTIVE.match(name)
    if lead:
        name, start = name[lead.end() :], start + lead.end()
    n = ordinal
    n_m = _ORDINAL_BEFORE.search(text[max(0, start - 40) : start])
    first_word = re.match(rf"(?:(?:The|the)\s+)?(?P<n>{ORDINAL_TOKEN})\b\s*", name, re.IGNORECASE)
    if n is None and first_word and not re.match(r"(?:such|ever)\b|-ever\b", name[first_word.end() :]):
        # (Not "the first such summit held in the U.S. capital", "the first-ever forum": a first of
        # its kind, not the series' 1st.)
        n = ordinal_value(first_word.group("n"))
    if n is None and not first_word and n_m:
        # ("Third ministerial conference, Bali": the words between the ordinal and the noun stay.)
        n, written = ordinal_value(n_m.group("n")), n_m.group().strip()
        start = start - (len(text[max(0, start - 40) : start]) - n_m.start())
    # "the second COMMIT Inter-Ministerial Meeting in Beijing": a city on record after "in" closes
    # the name; it says where, and is no part of the title.
    in_city = next(
        (
            m
            for m in re.finditer(
                r"\s+in\s+(?P<city>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}?)(?=[\s,.;]|$)", name
            )
            if (row := ctx.gaz.place_row(m.group("city"))) is not None and row.get("kind") == "city"
        ),
        None,
    )
    if in_city is not None and kind != "summit":
        end -= len(name) - in_city.start()
        name = name[: in_city.start()]
    title = _clean_title(name)
    if " " in title and title.isupper() and len(title.split()) <= 3:
        title = title.title()  # a fact box's label: "THIRD CONFERENCE" (not a headline in capitals)
    lower = title.casefold()
    # Generic: a definite mention with nothing that names the meeting ("the two-day meeting",
    # "its tenth meeting"); an indefinite one ("a workshop") is a new meeting, however it is named.
    # (A timeline entry's "23-24 November 2023 – Second forum, Bangkok": a label, as definite as "the";
    # not "Sixth meeting of the expert working group …", whose group is named after it.)
    definite = (
        re.match(r"(?:the|this|that|these|its|their)\b", text[start:end].strip(), re.IGNORECASE)
        or start == 0
        or (_ENTRY_DATE_BEFORE.fullmatch(text[:start]) and re.match(r"\s*(?:[,.;:]|$)", text[end:]))
    )
    generic = (
        bool(definite) and bool(_GENERIC.match(text[start:end].strip()) or _GENERIC.match(lower))
    ) or bool(lower.endswith("series of meetings") or _IT_WAS.match(text[:start]))
    subject = ""
    if kind in ("meeting", "summit", "conference"):
        subject = _body_of(ctx, text, start, end, kind) or _series_before(ctx, text, text[start:end], start)
        # An emergency or special meeting of a series is not one of its numbered, regular ones.
        special = _SPECIAL.search(text[start:end])
        if subject and special:
            subject = f"{special.group().capitalize()} {subject}"
    step = _STEP_NAME.fullmatch(text[start:end].strip()) if n is None else None
    if step and not subject and kind in ("meeting", "conference"):
        # "Cambodia will host the next meeting in 2022", under the headline "AMMTC closes …": the
        # next of the series the headline names (one series, of meetings of this kind).
        subject = _headline_series(ctx, kind)
    row = series_row(ctx, subject) if step and subject else None
    if step and row is not None:
        # "since the previous conference in March 2016", in an article on the 7th Bali Process
        # Ministerial Conference: the 6th, as "the previous AMMTC" is the one before the article's.
        n = _next_after(ctx, row, -1 if step.group("way").casefold() in _BACK_WORDS else 1)
        if n is not None:
            title, first_word = _numbered(n, row.get("name")), None
    # ("its sixth annual meeting": a meeting all the same.)
    # ("the commission's 16th meeting": so is the meeting of a body named by its head noun.)
    plain = re.sub(
        rf"^(?:(?:its|their|the)\s+)?(?:{ORDINAL_TOKEN}\s+)?{_REGULARLY}",
        "",
        _HEAD_OWNER.sub("", title),
        flags=re.I,
    )
    if subject and plain.casefold() in (kind, kind + "s", "meeting") and subject != "ASEAN Summit":
        long = _long_name(ctx, subject) or subject
        # ("The 13th meeting", of the ASEAN Ministerial Meeting on Transnational Crime: the 13th
        # ASEAN Ministerial Meeting on Transnational Crime, as a series named for its meetings.)
        if n is not None and re.search(r"\b(?:Meeting|Conference|Summit)\b", long):
            title = _numbered(n, long)
        else:
            title = f"{_HEAD_OWNER.sub('', title)} of the {long}"
        generic = False
    weak = not subject and bool(_GENERIC.match(lower))
    if n is None and generic and _FIRST_HELD.match(text, end):
        n = 1  # "The forum was first convened last year in Perth": the series' first
    if n is not None and not first_word:
        title = (
            _numbered(n, title)
            if not title[:1].islower()
            # ("the 46th summit": its ordinal as written, "the sixth meeting" too.)
            else f"{_first_sentence_cap(written or _ordinal_word(n))} {title}"
        )
    if subject:
        generic = False
    return MeetingName(kind, _first_sentence_cap(title), subject, n, start, end, generic, weak)


_REGULARLY = r"(?:(?:annual|regular|ordinary)\s+)?"


def _page_texts(ctx: _Context) -> tuple[str, ...]:
    """The page's title and its sentences, where what a bare name points at is named."""
    return (ctx.article.document.title or "", *(x.text for x in ctx.sentences))


def _named_asean_summit(texts: Sequence[str], span: str) -> bool:
    """ "This is a milestone for the Twenty-first Summit", under "21st ASEAN Summit and Related
    Summits": the article names the ASEAN Summit of that number, so a bare "Nth Summit" is that one,
    whatever partners' summits (the East Asia Summit) it names besides."""
    m = re.fullmatch(
        rf"(?:the\s+)?(?P<n>{ORDINAL_TOKEN})\s+summit",
        span.strip(" .,;:"),
        re.IGNORECASE,
    )
    n = ordinal_value(m.group("n")) if m else None
    return n is not None and any(
        ordinal_value(named.group("n")) == n
        for t in texts
        for named in re.finditer(rf"\b(?P<n>{ORDINAL_TOKEN})\s+ASEAN\s+Summit\b", t, re.IGNORECASE)
    )


def _summit_in_its_city(ctx: _Context, text: str, start: int, end: int) -> bool:
    """ "on the occasion of the 31st summit in Manila", "Cebu, which hosts the 48th summit": the
    number and a city named beside it are those of one ASEAN Summit on record."""
    m = re.search(rf"(?P<n>{ORDINAL_TOKEN})\s+summit$", text[start:end].strip(), re.IGNORECASE)
    n = ordinal_value(m.group("n")) if m else None
    if n is None:
        return False
    numbered = {c.key for c in ctx.gaz.summits_numbered(n)}
    # ("Vientiane, which hosts the 44th summit in October, also hosted the 10th summit": the city
    # that hosted it is the subject, however long the clause between.)
    hosted = re.search(r"\bhost(?:ed|s)\s+(?:the\s+)?$", text[:start]) and not re.search(
        r"[;.]", text[:start]
    )
    # ("hosts the 19th summit, together with the East Asia Summit, in Bali": an aside between the
    # number and its city is skipped, as the sentence reads past it.)
    aside = re.match(r",[^,;.]{1,60},", text[end:])
    near = text[0 if hosted else max(0, start - 60) : end + (aside.end() if aside else 0) + 40]
    return any(
        c.key in numbered
        for _, _, row in ctx.gaz.places.find(near)
        for c in ctx.gaz.summits_in(row.get("name"))  # (cities only: "Singapore" is a country's row too)
    )


# (Not a regular summit of the series, whatever the words after: "an emergency summit of the
# Association of Southeast Asian Nations on Myanmar".)
_SPECIAL_SUMMIT = re.compile(
    r"\b(?:special|emergency|commemorative|informal|extraordinary|virtual|online)\b", re.IGNORECASE
)
ASEAN_LEADERS = re.compile(
    r"\bASEAN(?:['’]s)?\s+(?:leaders|heads\s+of\s+(?:state|government))\b"
    # "leaders of the 10-member Association of Southeast Asian Nations … at their 10th summit"
    r"|\bleaders\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:ASEAN|Association\s+of\s+Southeast\s+Asian\s+Nations)\b"
)


def _ordinal_word(n: int) -> str:
    return next((w for w, v in ORDINAL_WORDS.items() if v == n), ordinal(n))


_ROLE_MEETS = re.compile(r"^ASEAN\s+(?P<who>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+Ministers['’]?\s+Meeting$")
WHO_MEETS = re.compile(
    r"^(?:ASEAN\s+)?(?P<role>Ministerial|Senior\s+Officials['’]?)\s+Meeting\s+on\s+(?P<topic>.+)$"
)


def series_members(ctx: _Context) -> tuple[re.Pattern[str], dict[str, tuple[str, str]]] | None:
    """Who meets in each series of the reference table (see members_pattern)."""
    return members_pattern(tuple((r.get("series"), r.get("name")) for r in ctx.gaz.reference.rows("series")))


@lru_cache(maxsize=8)
def members_pattern(
    series: tuple[tuple[str, str], ...],
) -> tuple[re.Pattern[str], dict[str, tuple[str, str]]] | None:
    """Who meets in each series named "(ASEAN) Ministerial (Senior Officials) Meeting on <topic>":
    "(ASEAN) ministers responsible for (in charge of, on) <topic>"; with the series and name each
    group of the pattern stands for."""
    parts = []
    groups: dict[str, tuple[str, str]] = {}
    for i, (key, name) in enumerate(series):
        m = WHO_MEETS.match(name)
        role = _ROLE_MEETS.match(name)
        if m is None and role is not None:
            # "ASEAN Foreign Ministers' Meeting": met by "ASEAN foreign ministers" (ASEAN's own, never
            # any two countries' ministers of that kind).
            # ("ASEAN labor ministers": British and American spellings alike.)
            who = r"\s+".join(
                re.sub(r"our$", "ou?r", re.escape(w)) for w in role.group("who").casefold().split()
            )
            # ("the bloc's foreign ministers": ASEAN's, as news names it.)
            parts.append(
                rf"(?P<s{i}>(?:ASEAN(?:['’]s)?|the\s+(?:bloc|region|grouping|association)['’]s)\s+{who}\s+ministers)"
            )
            groups[f"s{i}"] = (key, name)
            continue
        if m is None:
            continue
        who = "ministers" if m.group("role").startswith("Minist") else r"senior\s+officials"
        topic = r"\s+".join(re.escape(w) for w in m.group("topic").casefold().split())
        head = re.escape(m.group("topic").casefold().split()[-1])
        parts.append(
            rf"(?P<s{i}>(?:ASEAN(?:['’]s)?\s+)?{who}\s+(?:responsible\s+for|in\s+charge\s+of|on|for|dealing\s+with)\s+{topic}"
            # ("the meeting of ASEAN's transnational crime ministers in Melaka")
            rf"|(?:ASEAN(?:['’]s)?\s+)?{topic}\s+{who}"
            # ("ASEAN's crime ministers met in Vientiane in August": the topic's head, ASEAN's own.)
            rf"|(?:ASEAN(?:['’]s)?|the\s+(?:bloc|region|grouping|association)['’]s)\s+{head}\s+{who})"
        )
        groups[f"s{i}"] = (key, name)
    return (re.compile(rf"\b(?i:{'|'.join(parts)})\b"), groups) if parts else None


def _members_before(ctx: _Context, text: str) -> str:
    """The series of the last "(ASEAN) ministers responsible for <topic>" a text names, if any."""
    found = series_members(ctx)
    if found is None:
        return ""
    pattern, groups = found
    named = list(pattern.finditer(text))
    return str(groups[str(named[-1].lastgroup)][0]) if named else ""


def _owned(span: str, before: str, owners: str) -> bool:
    """Whether a possessive (one of ``owners``) opens the meeting's name or stands right before it,
    with at most one word between: "its tenth meeting", "their first consultation"."""
    return bool(re.match(rf"(?:{owners})\b", span) or re.search(rf"\b(?:{owners})\s+(?:\S+\s+)?$", before))


def _series_before(ctx: _Context, text: str, span: str, start: int) -> str:
    """ "hand over the chairmanship of the AMMTC to Malaysia, which will host our Nineteenth Meeting
    next year": a possessive's numbered meeting that nothing else owns is of the one series the
    sentence names before it."""
    if not _owned(span, text[:start], "its|their|our"):
        return ""
    series = {r.get("series") for _, _, r in ctx.gaz.series.find(text[:start])}
    return series.pop() if len(series) == 1 else ""


def _body_of(ctx: _Context, text: str, start: int, end: int, kind: str) -> str:
    """Whose meeting it is: a series or body named inside the name ("Meeting of the ACWC", "the
    18th ACWC Meeting"), or the body "its" points back at ("AICHR … its 23rd Meeting")."""
    span = text[start:end]
    if kind == "summit":
        # ("the 12th East Asia Summit": a series of summits of its own in series.csv, whose rows
        # meetings.csv holds.)
        for start_at, end_at, row in ctx.gaz.series.find(span):
            if row.get("name").endswith("Summit") and not goes_on(span, start_at, end_at, row):
                return row.get("series")
        # (A partner's summit, "ASEAN-Japan", is joined by a dash; the dash of "Twenty-first" is
        # the number's.)
        if re.search(
            r"\b(?:Special|Commemorative|Plus|EAS|East Asia)\b|[-–]",
            re.sub(rf"(?i:{ORDINAL_TOKEN})", "", span),
        ):
            return ""
        # "ASEAN leaders … when they meet … for their 14th summit": the leaders' own summit.
        # ("Meeting in Vientiane for their 10th summit, ASEAN leaders adopt …": after it, too.)
        leaders_own = re.match(r"(?:its|their)\s+(?:\w+\s+)?summit\b", span, re.IGNORECASE) and (
            ASEAN_LEADERS.search(text)
            # "ASEAN's leaders put their names to …" and later "at their summit in Kuala Lumpur, the
            # leaders welcomed …": the leaders the article named.
            or (
                re.search(r"\b[Tt]he\s+leaders\b", text)
                and any(ASEAN_LEADERS.search(x.text) for x in ctx.sentences)
            )
        )
        # ("the 13th Association of Southeast Asian Nations summit", "the 14th summit of the
        # Association of Southeast Asian Nations": the name spelt out, as wire copy does.)
        if (
            re.search(rf"\bASEAN\s+Summits?\b|{ORDINAL_TOKEN}\s+ASEAN\s+summit\b", span)
            or (
                not _SPECIAL_SUMMIT.search(span)
                and (
                    re.search(rf"\b{ASEAN_SPELT_OUT_TAGGED}\s+(?i:summits?)\b", span)
                    or re.search(rf"\b(?i:summits?)\s+of\s+(?:the\s+)?{ASEAN_SPELT_OUT}", span)
                )
            )
            or leaders_own
            or _named_asean_summit(_page_texts(ctx), span)
        ):
            return "ASEAN Summit"
        # "Leaders … will gather for the 16th summit on April 8-9", in an article whose only
        # summits are ASEAN Summits ("on the eve of the 16th ASEAN Summit"): the same series.
        # ("The 46th Summit and related meetings, including the Asean-Gulf Cooperation Council
        # Summit": ASEAN's own summits with a partner are not another series of numbered ones; "and
        # related meetings (summits)" is how ASEAN's own summit is announced.)
        if re.fullmatch(
            rf"(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir)\s+(?i:{ORDINAL_TOKEN})\s+(?:summit|Summit)",
            span.strip(),
        ):
            # ("21st ASEAN Summit and Related Summits": the week's other summits, no series.)
            qualifiers = {
                m.group("q")
                for x in _page_texts(ctx)
                for m in _NAMED_SUMMIT.finditer(_AND_RELATED.sub("", _WITH_A_PARTNER.sub("", x)))
            }
            if (
                qualifiers <= {"ASEAN"} and (qualifiers or _AND_RELATED.match(text, end))
            ) or _summit_in_its_city(ctx, text, start, end):
                return "ASEAN Summit"
        return ""
    for start_at, end_at, row in ctx.gaz.series.find(span):
        if goes_on(span, start_at, end_at, row):
            continue  # "Ninth ASEAN Ministerial Meeting on Social Welfare and Development": not the AMM
        if LARGER_BODY.match(span[end_at:]):
            return ""  # "the fourth meeting of the SOMTC Experts Working Group": the group's, not the SOMTC's
        if _WIDER_BEFORE.search(span[:start_at]):
            return ""  # "the 19th ASEAN Plus Three Senior Officials Meeting on …": the wider format's
        return row.get("series")
    bodies = _bodies_in(ctx, span)
    if bodies:
        return bodies[0]
    # "their seventh meeting (SOMSWD 7)": the bracketed acronym right after the name is the series'.
    named = _SERIES_IN_BRACKETS.match(text, end)
    if named and named.group("short") not in ctx.gaz.outlets:
        return named.group("short")
    # A fact box's label ("* THIRD CONFERENCE: …"), or a timeline entry's date before the name
    # ("* 14-15 April 2009 – Third ministerial conference, Bali, revives the process").
    label = not text[:start].strip(" *•·-") or bool(_ENTRY_DATE_BEFORE.fullmatch(text[:start]))
    if re.fullmatch(
        rf"(?:the|this|that)\s+(?:{ORDINAL_TOKEN}|{_STEP_WORDS})\s+(?:(?:ministerial|regional|annual)\s+)?{kind}",
        span.strip(),
        re.IGNORECASE,
    ) or (
        label
        and re.fullmatch(
            rf"{ORDINAL_TOKEN}\s+(?:(?:ministerial|regional|annual)\s+)?{kind}", span.strip(), re.IGNORECASE
        )
    ):
        # "since the fifth conference, held on the island in 2013" (or "the previous conference"),
        # in an article on the Bali Process Ministerial Conference: the one series the article
        # names whose name it heads.
        # So is a fact box's label ("* THIRD CONFERENCE: 14-15 April 2009, Bali.").
        texts = _page_texts(ctx)
        article_series = {
            row.get("series"): row
            for x in texts
            for a, b, row in ctx.gaz.series.find(x)
            if not goes_on(x, a, b, row)
        }
        heads = {
            series for series, row in article_series.items() if row.get("name").casefold().endswith(kind)
        }
        # ("Sixth meeting of the expert working group drafting the convention": its owner follows.)
        if len(heads) == 1 and not re.match(r"\s+of\s+(?:the|an?|its|their)\s", text[end:]):
            return heads.pop()
        # "The 13th meeting was held in Bangkok in November 2019", in an article on the AMMTC that
        # also names the SOMTC: the one series the article names whose meeting of that number the
        # reference rows put in a city the sentence names.
        number = re.search(ORDINAL_TOKEN, span, re.IGNORECASE)
        n = ordinal_value(number.group()) if number else None
        if n is not None:
            placed = [
                series
                for series, row in sorted(article_series.items())
                if any(c.city in text for c in ctx.gaz.meetings_numbered(row, n) if c.city)
            ]
            if len(placed) == 1:
                return str(placed[0])
    possessor = _HEAD_POSSESSIVE.search(text, max(0, start - 30), end)
    if possessor is not None:
        # "The guidelines were endorsed at the commission's 16th meeting", in an article on the ACWC:
        # the one body the article names whose name that noun heads.
        head = possessor.group("head").casefold()
        fits = [
            b for b in article_bodies(ctx) if re.search(rf"\b{head}\b", (_long_name(ctx, b) or "").casefold())
        ]
        return fits[0] if len(fits) == 1 else ""
    if _owned(span, text[:start], "its|their"):
        # "its tenth meeting": the body named last before it, in the sentence or the article; but
        # "Bali Process Government and Business Forum holds its first meeting", "The Bali Process
        # Working Group on Trafficking in Persons held its sixth annual meeting": the named holder
        # the sentence opens with, known to no table, whose name holds any body named.
        named = _NAMED_HOLDER.search(text, 0, start)
        if named is not None:
            # (A body on record by its whole name is that body: "the ASEAN Intergovernmental
            # Commission on Human Rights held its 38th meeting" is the AICHR's 38th.)
            known = _bodies_in(ctx, named.group("name"))
            if len(known) == 1:
                return known[0]
            return re.sub(r"^[Tt]he\s+", "", named.group("name").strip())
        which = _WHICH_HELD.search(text, 0, start)
        if which is not None:
            # "… set up the ASEAN Committee on … (ACMW), which held its first meeting in Kuala Lumpur":
            # the name the relative clause follows, a body on record or not (never one the article
            # names elsewhere).
            known = _bodies_in(ctx, which.group("name"))
            if known:
                return known[-1]
            short = which.group("short")
            return short if short else re.sub(r"^[Tt]he\s+", "", which.group("name").strip())
        holder = _HOLDER_SUBJECT.search(text, 0, start)
        if (
            holder is not None
            and _ANOTHER_NAME.search(holder.group("who"))
            and "ASEAN" not in holder.group("who")
            and not _bodies_in(ctx, holder.group("who"))
            and not list(ctx.gaz.series.find(holder.group("who")))
        ):
            # "The Council of Europe's committee of the parties held its 10th meeting in Strasbourg",
            # "Its monitoring body, GRETA, held its first meeting", in an article on the AMMTC: a
            # holder the sentence names, of no body on record, whose meeting is no number of the
            # article's series.
            # (Not the dateline before it: "SA KAEO, 14 Aug -- The provincial committee held its".)
            who = re.split(r"\s+[-–—]{1,2}\s+", holder.group("who").strip())[-1]
            return re.sub(r"^[Tt]he\s+", "", who)
        described = _DESCRIBED_HOLDER.search(text, 0, start)
        if described is not None and not _bodies_in(ctx, described.group("who")):
            # "the women and children's commission, which held its first meeting in Jakarta", "The
            # human rights commission closed its seventh meeting": a body described, not named, is
            # no series the article names elsewhere (nor the one named last); its meeting is its own.
            return described.group("who")
        in_sentence = _bodies_in(ctx, text[:start])
        if in_sentence:
            return in_sentence[-1]
        # "At its 10th meeting, the ACWC adopts …": the subject right after the opening phrase.
        opening = _OPENING_AT.search(text, 0, start)
        comma = re.match(r"\s*,\s+(?:the\s+)?", text[end:]) if opening is not None else None
        if comma is not None:
            following = _bodies_in(ctx, text[end + comma.end() : end + comma.end() + 60])
            if following and text.startswith(following[0], end + comma.end()):
                return following[0]
        if _PARTNERS_MEET.search(text, 0, start):
            # "Ministers from the 10 ASEAN countries and China, Japan and South Korea pledged …, at
            # their second ministerial meeting on transnational crime": those who meet are a wider
            # format's, whose meetings ASEAN's own series does not number.
            return ""
        # "ASEAN ministers responsible for transnational crime prepared to meet for their 16th
        # ministerial meeting": the series whose name says who meets in it.
        members = _members_before(ctx, text[:start])
        if members:
            return members
        group = _GROUP.search(text[:start])
        # "Foreign ministers of the bloc, who met … for their 52nd annual meeting": the people the
        # sentence names own the meeting; only a body whose name fits them can be theirs.
        theirs = next((b for b in article_bodies(ctx) if _fits_group(ctx, b, group)), "")
        named_of = _OF_NAMED.match(text, group.end(), start) if group is not None else None
        if (
            theirs
            and named_of is not None
            and named_of.group("name") not in ("ASEAN", "ASEAN Member States")
            and named_of.group("name").casefold() not in (_long_name(ctx, theirs) or theirs).casefold()
        ):
            # "ministers of the Bali Process met in Bali for their fifth regional ministerial
            # conference": the body they are ministers of holds it (the one series named for it),
            # not a body the article names elsewhere whose name fits "ministers".
            name = named_of.group("name")
            own = sorted(
                {
                    r.get("series")
                    for r in ctx.gaz.reference.rows("series")
                    if re.search(rf"\b{re.escape(name)}\b", r.get("name"))
                }
            )
            return own[0] if len(own) == 1 else name
        mod = (group.group("mod") or "").casefold() if group else ""
        if theirs or not mod or mod in _NOT_MODIFIERS or mod in _RANKS:
            return theirs
        # The one series named for them ("Foreign ministers": the ASEAN Foreign Ministers' Meeting).
        series = [
            r.get("series")
            for r in ctx.gaz.reference.rows("series")
            if _fits_group(ctx, r.get("series"), group)
        ]
        return series[0] if len(series) == 1 else ""
    return ""


# The word that names a summit's series: "16th ASEAN Summit", "East Asia Summit", "ASEAN-Australia
# Special Summit" (ASEAN, Asia, Special).
_NAMED_SUMMIT = re.compile(r"\b(?P<q>[A-Z][\w.’'-]*)\s+Summits?\b")
_WITH_A_PARTNER = re.compile(
    r"\bASEAN[-–](?:[A-Z][\w.’'-]*[\s-]+){1,4}?(?:Special\s+|Commemorative\s+)?Summits?\b"
)
_AND_RELATED = re.compile(r"\s+and\s+(?:the\s+)?[Rr]elated\s+(?:[Mm]eetings|[Ss]ummits)\b")
_SERIES_IN_BRACKETS = re.compile(
    # ("(AMMTC+3)", "(AMMTC+China)": a wider format's acronym, whose partner is no meeting's number.)
    r"\s*\((?P<short>[A-Z][A-Z&-]{2,11}(?:\+(?:\d|[A-Z][a-z]+))?)(?:[\s-]*\d{1,3})?\)"
)
_OPENING_AT = re.compile(r"(?:^|[-\u2013\u2014:]\s+)(?:At|In|During)\s+$")
# Who "their" may point back at: "Foreign ministers", "senior officials", "the leaders".
_GROUP = re.compile(r"(?:\b(?P<mod>[A-Za-z][a-z]+)\s+)?\b(?P<who>[Mm]inisters|[Oo]fficials|[Ll]eaders)\b")
# Whose the group is, by name: "ministers of the Bali Process", "officials of the ILO".
_OF_NAMED = re.compile(r"\s+(?:of|from)\s+(?:the\s+)?(?P<name>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,4})\b")
# A rank says nothing of the portfolio: "Senior officials in charge of social welfare" are not the SOMTC's.
_RANKS = frozenset({"senior", "top", "high", "chief", "deputy", "vice", "government", "police"})
_NOT_MODIFIERS = frozenset({"the", "its", "their", "asean", "regional", "bloc's", "member", "of", "and"})


def _fits_group(ctx: _Context, body: str, group: re.Match[str] | None) -> bool:
    """Whether the people a sentence names ("Foreign ministers") are the body's: its name holds
    their role ("Ministerial") and what qualifies it ("Foreign")."""
    if group is None:
        return True
    row = series_row(ctx, body)
    long = (_long_name(ctx, body) or (row.get("name") if row is not None else "")).casefold()
    stems = {"ministers": "minist", "officials": "official", "leaders": "summit"}
    stem = stems[group.group("who").casefold()]
    mod = (group.group("mod") or "").casefold()
    # ("Foreign ministers" qualify the ministers: the ASEAN Foreign Ministers' Meeting, not a meeting
    # "of the Ministries of Foreign Affairs".)
    return stem in long and (
        mod in _NOT_MODIFIERS or not mod or bool(re.search(rf"\b{re.escape(mod)}\s+{stem}", long))
    )


def _long_name(ctx: _Context, body: str) -> str:
    """A body's long name, as the article defines its acronym or the reference rows give it."""
    return ctx.glossary.get(body) or next((r.get("long") for _, _, r in ctx.gaz.bodies.find(body)), "")


def _headline_series(ctx: _Context, kind: str) -> str:
    """The one series of ``kind`` meetings the headline names ("AMMTC closes, chairmanship passes
    to Cambodia": the AMMTC), else ""."""
    headline = ctx.article.document.title or ""
    found = {
        row.get("series")
        for _, _, row in ctx.gaz.series.find(headline)
        if kind in row.get("name").casefold().split()
    }
    return found.pop() if len(found) == 1 else ""


def series_row(ctx: _Context, key: str) -> Row | None:
    """The reference row of the series ``key`` ("AMMTC"), if there is one."""
    return next((r for r in ctx.gaz.reference.rows("series") if r.get("series") == key), None)


def _bodies_in(ctx: _Context, text: str) -> list[str]:
    """The bodies (other than ASEAN itself) a text names, by reference name or defined acronym."""
    found = [(a, r.get("short") or r.get("long")) for a, _, r in ctx.gaz.bodies.find(text)]
    found += [
        (m.start(), m.group())
        for m in re.finditer(r"\b[A-Z][A-Z&]{1,10}\b", text)
        if m.group() in ctx.glossary and is_body(ctx.glossary[m.group()])
    ]
    # A news agency's sign-off ("Bangkok, Sept. 22 (VNA) –") owns no meeting.
    return [b for _, b in sorted(found) if b != "ASEAN" and b not in ctx.gaz.outlets]


def article_bodies(ctx: _Context) -> tuple[str, ...]:
    """The bodies the article names, in order of first mention (asked once)."""
    if ctx.article_bodies is None:
        seen: dict[str, None] = {}
        for s in ctx.sentences:
            seen.update(dict.fromkeys(_bodies_in(ctx, s.text)))
        ctx.article_bodies = tuple(seen)
    return ctx.article_bodies
