"""Corpus: read articles, find their metadata, and give a cleaned, de-duplicated view with offsets."""

from __future__ import annotations

import contextlib
import hashlib
import re
from bisect import bisect_right
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from tipbrief.common.errors import Problem
from tipbrief.common.months import MONTH_NAMES, WEEKDAYS
from tipbrief.facts.model import Document, DroppedSpan
from tipbrief.facts.reference import load_reference

MAX_ARTICLE_BYTES = 1024 * 1024
"""Far above any news article; extraction slows down faster than linearly on one big article."""
ARTICLE_SUFFIXES = (".txt", ".md")

BUDDHIST_ERA_OFFSET = 543
"""How many years a Thai Buddhist Era year ("B.E. 2562") runs ahead of the common one (2019)."""

MONTHS: dict[str, int] = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
# The months as ASEAN members' own releases write them beside an English text: Indonesian, Malay,
# Filipino (Latin script) and Thai. (Vietnamese counts them, "tháng 7": see the temporal grammar.)
FOREIGN_MONTHS: dict[str, int] = {
    name: i
    for i, names in enumerate(
        [
            ("januari", "enero", "มกราคม"),
            ("februari", "pebrero", "febrero", "กุมภาพันธ์"),
            ("maret", "mac", "marso", "มีนาคม"),
            ("abril", "เมษายน"),
            ("mei", "mayo", "พฤษภาคม"),
            ("juni", "hunyo", "มิถุนายน"),
            ("juli", "julai", "hulyo", "กรกฎาคม"),
            ("agustus", "ogos", "agosto", "สิงหาคม"),
            ("setyembre", "septiyembre", "กันยายน"),
            ("oktober", "oktubre", "ตุลาคม"),
            ("nobyembre", "พฤศจิกายน"),
            ("desember", "disember", "disyembre", "ธันวาคม"),
        ],
        start=1,
    )
    for name in names
}
MONTHS |= FOREIGN_MONTHS


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A kept paragraph: cleaned text, and a map from cleaned offsets back to the original."""

    start: int
    end: int
    text: str
    breaks: tuple[tuple[int, int], ...]
    """(cleaned offset, original offset) pairs where the shift between the two changes."""
    year: int | None = None
    """The year of a timeline's heading the paragraph stands under ("2014" above "June 20 - …")."""
    written: date | None = None
    """The day the dated comment the paragraph is part of was written ("bkk_outreach | November 21,
    2018 at 10:20 am" above it): its "today" and "last year" count from that day, not the page's."""
    written_until: date | None = None
    """The later reading of the comment's day, when its header has two ("02/04/2012" in a chat export
    whose stamps never tell the day from the month): it was written on ``written`` or on this day."""
    ago: tuple[int, int] | None = None
    """How many days before the page's date the post the paragraph is part of was written, at the
    least and the most, from a header timed from the reading ("u/kl_policy_nerd · 2 days ago")."""
    posted: str | None = None
    """The day, without its year, in the header of the post the paragraph is part of ("KDN Malaysia
    @kdn_media_en · Jul 3"): a feed shows a post of the year it is read in that way."""
    section: str = ""
    """The short heading line the paragraph stands under, if any ("UN TIP Protocol" over "Instrument
    of ratification deposited: 28 September 2009"): what its rows that name no instrument are of."""

    def to_original(self, offset: int) -> int:
        """Original offset of the cleaned character at ``offset``."""
        i = max(bisect_right(self.breaks, offset, key=lambda b: b[0]) - 1, 0)
        clean, orig = self.breaks[i]
        return orig + (offset - clean)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) of the cleaned [start, end)."""
        return self.to_original(start), self.to_original(end - 1) + 1


@dataclass(frozen=True, slots=True)
class Article:
    """A document with its cleaned paragraphs, as the extract stage sees it."""

    document: Document
    paragraphs: tuple[Paragraph, ...]
    dateline_span: tuple[int, int] | None = None
    """Original offsets of the dateline's date, when the body opens with one."""
    warnings: tuple[Problem, ...] = ()
    """Problems that did not stop the article from being read, such as unusable front matter."""
    published_from: str | None = None
    """Where the publication date was read when a sidecar gave it (``seeds/NAME.meta.yaml:published``):
    the evidence of the article's own date names it."""
    as_of: bool = False
    """The article's date is a reference page's last edit ("This page was last edited on …"): the
    page is as of that day, but its story may be years older, so no yearless day counts from it."""


# --- cleaning ---------------------------------------------------------------

_SPACE = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
# Controls, zero-width characters and bidi overrides never carry meaning in news copy
# and can disguise text, so the cleaned view drops them.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
_CLEAN_TOKENS = re.compile(
    r"(?P<ordinal>(?<=\d)[ ]+(?=(?:st|nd|rd|th)\b))"
    # A lone space between words is kept as it is, so it need not match: skipping it here keeps
    # the scan in C for the common case instead of calling back for every word.
    rf"|(?!(?<=[\s\S]) (?![ \t\r\n{_SPACE},;:!?)]|\.(?:\s|$)|$))"
    rf"(?P<ws>[ \t\r\n{_SPACE}]+)(?P<punct>(?=[,;:!?)]|\.(?:\s|$)))?"
    rf"|(?P<inv>{_INVISIBLE.pattern}+)"
    # A hashtag inside a sentence is read as its words: "the plenary of the 27th #ASEANSummit" is
    # the 27th ASEAN Summit. (The tags that close a post, "… today. #ASEAN2015 #ACTIP", stay tags.)
    r"|\#(?P<tag>[A-Za-z0-9]\w*)(?!\w)(?!(?:\s+\#\w+)*\s*$)"
    # A month's name a PDF's text broke at a line's end: "in Novem-" / "ber 2004" (see
    # _hyphenated_month).
    r"|(?<=[A-Za-z])(?P<hyph>-[ \t]*\r?\n[ \t]*)(?=[a-z])"
)
# ("May", of three letters, is never broken at a line's end.)
_MONTH_NAMES = frozenset(name.lower() for name in MONTH_NAMES if name != "May")


def _hyphenated_month(original: str, m: re.Match[str]) -> bool:
    """Whether the word a line-end hyphen breaks is a month's name ("Novem-" / "ber") or a word of
    the names the reference data records ("Decla-" / "ration"): joined, only then (not "anti-" /
    "trafficking", which keeps its hyphen)."""
    before = re.search(r"[A-Za-z]+$", original[max(0, m.start() - 20) : m.start()])
    after = re.match(r"[a-z]+", original[m.end() : m.end() + 20])
    word = (before.group() + after.group()).lower() if before and after else ""
    return word in _MONTH_NAMES or word in _name_words()


@lru_cache(maxsize=1)
def _name_words() -> frozenset[str]:
    """The words, of five letters or more, of the names of the instruments, bodies, reports and
    programmes the reference data records ("declaration", "acceleration", "establishment")."""
    reference = load_reference()
    columns = {
        "instruments": ("name", "aliases"),
        "bodies": ("long", "aliases"),
        "reports": ("report", "aliases"),
        "programmes": ("name", "aliases"),
    }
    return frozenset(
        word.lower()
        for table, names in columns.items()
        for row in reference.rows(table)
        for name in row.names(*names)
        for word in re.findall(r"[A-Za-z]{5,}", name)
    )


# Where a hashtag's words meet: "ASEAN|Summit", "End|Trafficking", "27th|ASEAN".
_TAG_WORD_BREAK = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=\d(?:st|nd|rd|th))(?=[A-Z])")


# Each of these is a necessary condition for _CLEAN_TOKENS to change something, and each is a
# scan the regex engine does in C from a literal or a character set: most paragraphs of wire copy
# need no cleaning, and this tells so about ten times faster than the full scan.
_UNUSUAL_CHAR = re.compile(rf"[\t\r\n{_SPACE}{_INVISIBLE.pattern[1:-1]}]")
_SPACE_BEFORE = re.compile(r" [ ,;:!?).]")
_ORDINAL_GAP = re.compile(r"\d +(?:st|nd|rd|th)\b")
_TAG = re.compile(r"#\w")


def _needs_cleaning(text: str) -> bool:
    return bool(
        text.startswith(" ")
        or text.endswith(" ")
        or _UNUSUAL_CHAR.search(text)
        or _SPACE_BEFORE.search(text)
        or _ORDINAL_GAP.search(text)
        or ("#" in text and _TAG.search(text))
    )


# Malaysian and Singaporean copy writes "Asean" ("the 47th Asean Summit"): the rules read one
# spelling. Same length, so offsets into the original are unchanged.
_ASEAN = re.compile(r"\bAsean\b")


# "KUALA LUMPUR, NOV 21 (Bernama)", "MELAKA, MALAYSIA, 10 SEPTEMBER 2025": a month in capitals beside
# its day is that month; written as the rules read it, in the same length. ("MAY" alone, a verb in
# a headline, is left as it is.)
_CAPS_MONTH = (
    r"JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?|SEPT?(?:EMBER)?|"
    r"OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?"
)
_CAPS_MONTH_BY_DAY = re.compile(
    rf"\b(?:{_CAPS_MONTH})(?=\.?\s+[0-3]?\d\b)|(?<=\d\s)(?:{_CAPS_MONTH})\b(?=\.?(?:,?\s+(?:19|20)\d\d|\s*[-–(,]|$))"
)
_ANY_CAPS_MONTH = re.compile(r"\b(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)")


# A caption's words in small letters, as speech-to-text writes them: "the 27th asean summit". (Not
# its months: "in november", "may" and "march" read so gave wrong dates on the unread sets.)
_LOWER_ASEAN = re.compile(r"(?<![\w@#/.])asean(?![\w@/.])")


# A number as OCR misreads it, a letter for a figure: "2O15", "l5 May", "the l0 member states" (a
# short word of figures and O, l or I, with a figure in it). Read as the figures, in the same length.
_OCR_FIGURES = re.compile(r"(?<![\w.,/-])(?=[0-9OlI]{0,3}[0-9])(?=[0-9OlI]{0,3}[OlI])[0-9OlI]{2,4}(?![\w])")
_OCR_FIGURE_OF = str.maketrans("OlI", "011")


def spelled(text: str) -> str:
    """ "Asean" and a caption's "asean" as "ASEAN", a month in capitals beside its day as a month,
    a figure OCR read as a letter as the figure: same length, same offsets."""
    if _OCR_FIGURES.search(text):
        text = _OCR_FIGURES.sub(lambda m: m.group().translate(_OCR_FIGURE_OF), text)
    if "Asean" in text:
        text = _ASEAN.sub("ASEAN", text)
    if "asean" in text:
        text = _LOWER_ASEAN.sub("ASEAN", text)
    if _ANY_CAPS_MONTH.search(text):
        text = _CAPS_MONTH_BY_DAY.sub(lambda m: m.group().capitalize(), text)
    return text


def clean_text(original: str, offset: int = 0) -> Paragraph:
    """Normalise spaces, drop invisible characters, tighten "11 th" and "Yangon , Myanmar", and
    spell "Asean" as "ASEAN" and "NOV 21" as "Nov 21"."""
    if not _needs_cleaning(original):
        return Paragraph(offset, offset + len(original), spelled(original), ((0, offset),))
    return clean_tokens(original, offset)


def clean_tokens(original: str, offset: int = 0) -> Paragraph:
    """clean_text without its shortcut for text that needs no cleaning."""
    parts: list[str] = []
    breaks: list[tuple[int, int]] = []
    clean_len = 0

    def keep(text: str, orig_at: int) -> None:
        nonlocal clean_len
        if not text:
            return
        if not breaks or breaks[-1][1] - breaks[-1][0] != orig_at - clean_len:
            breaks.append((clean_len, orig_at))
        parts.append(text)
        clean_len += len(text)

    pos = 0
    for m in _CLEAN_TOKENS.finditer(original):
        keep(original[pos : m.start()], offset + pos)
        if m.group("hyph") is not None:
            if not _hyphenated_month(original, m):
                keep("-", offset + m.start())
                keep(" ", offset + m.start() + 1)
        elif m.group("tag") is not None:
            at = m.start("tag")
            for n, word in enumerate(_TAG_WORD_BREAK.split(m.group("tag"))):
                if n:
                    keep(" ", offset + at)
                keep(word, offset + at)
                at += len(word)
        elif m.group("ws") is not None:
            at_edge = m.start() == 0 or m.end() == len(original)
            if not at_edge and m.group("punct") is None:
                keep(" ", offset + m.start())
        pos = m.end()
    keep(original[pos:], offset + pos)
    text = spelled("".join(parts))
    return Paragraph(offset, offset + len(original), text, tuple(breaks) or ((0, offset),))


# --- paragraphs -------------------------------------------------------------

_BULLET = re.compile(r"^\s*[•·▪‣◦●○■□\-*–]\s+")
# A post's hashtags after its last sentence: "… signed here today. #ASEAN2015 #ACTIP".
_HASHTAGS = r"(?:\s+#\w+)*"
# (The hashtags end the sentence too.)
_SENTENCE_END = re.compile(rf"""[.!?:;"”’)]{_HASHTAGS}\s*$|/\.\s*$""")


# "CSO briefing - Phnom Penh - 19 Nov 2012 - not for circulation", "AMMTC-11 side event | Manila |
# 20 Sept": a running footer's fields, apart by dashes or bars.
_FOOTER_FIELDS = re.compile(r"\S\s+[-–—|•·]\s+\S")
# ("Course footer: Specialist Course | Ha Noi | 21.07.2010 | page 6": the same footer, page by page.)
_PAGE_NUMBER = re.compile(r"\d{1,3}(?:\s*(?:/|of)\s*\d{1,3})?\s*$")


def _footer_key(line: str) -> str:
    return _PAGE_NUMBER.sub("#", line.strip())


def _running_footers(text: str) -> frozenset[str]:
    """Lines of fields that stand under different lines at two places or more (their page numbers
    aside): a slide's or a page's running footer, under each slide's last line."""
    lines = [line.strip() for line in text.split("\n")]
    above: dict[str, set[str]] = {}
    for i, line in enumerate(lines):
        # (A line of prose may repeat too, where a paragraph is printed twice and wrapped otherwise.)
        if i and len(_FOOTER_FIELDS.findall(line)) >= 2:
            above.setdefault(_footer_key(line), set()).add(lines[i - 1])
    return frozenset(key for key, before in above.items() if len(before) > 1)


def split_paragraphs(text: str, listed: Collection[int] | None = None) -> Iterator[tuple[int, int]]:
    """Original [start, end) of each paragraph: blank-line blocks, split again at line ends
    that close a sentence or before bullets, since wire copy often uses single newlines. (``listed``:
    where a listing's stamp lines start, when the caller has found them already.)"""
    footers = _running_footers(text)
    chat = is_chat_export(text)
    channel = _channel_log(text)
    markup = "<" in text and _ITEM.search(text) is not None
    # (The ends of a listing's item date lines: each such line is a paragraph of its own.)
    listed = set(_listing_items(text) if listed is None else listed)
    listing = listed | {text.find("\n", at) + 1 for at in listed}
    for block in re.finditer(r"[^\n]+(?:\n(?![ \t\u00a0]*\n)[^\n]*)*", text):
        start = block.start()
        lines = list(re.finditer(r"[^\n]*", block.group()))
        para_start = start
        prev_end_text = prev_prev_text = ""
        for i, ln in enumerate(lines):
            if ln.start() == ln.end() and ln.start() != 0:
                continue
            line = ln.group()
            following = next((x.group() for x in lines[i + 1 :] if x.group()), "")
            abs_start = start + ln.start()
            if abs_start != para_start and (
                _SENTENCE_END.search(prev_end_text)
                # A slide's running footer under its last bullet, "- launch set for 12 December in
                # Vienna": no part of the bullet's sentence, nor of the slide's next one.
                or (bool(footers) and (_footer_key(line) in footers or _footer_key(prev_end_text) in footers))
                # "[21/11/2015, 08:15:40] Ana Reyes: Leaders will sign …" over the next message: a chat
                # export's messages, a line each.
                or (chat and _CHAT_STAMP.match(line) is not None)
                # "Saturday, November 21st" / "Ana Reyes  9:14 AM" / "A regional workshop … opened
                # …": a channel log's day, its sender's line, and the message, a line each.
                or (
                    channel
                    and any(
                        _SENDER_LINE.fullmatch(x.strip()) or _DAY_SEPARATOR.fullmatch(x.strip())
                        for x in (line, prev_end_text)
                    )
                )
                # "<title>Regional workshop …</title>" over "<pubDate>Sat, 21 Nov 2015 …</pubDate>":
                # a feed's elements, a line each.
                or (markup and (_MARKUP_LINE.match(line) or _MARKUP_LINE.match(prev_end_text)))
                # "Malaysian delegation at the 11th ASEAN Forum …" / "Date: 2018-10-31  |  Type: News" /
                # "A delegation … took part …": a listing's item, its date line between headline and
                # snippet, no date of the sentence under it.
                or abs_start in listing
                # "Bangkok hosts meeting on labour migration" / "www.example.net › asean" / "24 Nov
                # 2015 — A regional meeting …": a search result's title, address and snippet.
                or ("." in line and _RESULT_ADDRESS.fullmatch(line.strip()) is not None)
                or ("." in prev_end_text and _RESULT_ADDRESS.fullmatch(prev_end_text.strip()) is not None)
                # ("www.example.org › news" / "Brunei to host ministers …" / "Aug 20, 2021 · Brunei
                # will host …": the result's title between its address and its stamped snippet.)
                or (
                    "." in prev_prev_text
                    and _SNIPPET_STAMP.match(line) is not None
                    and _RESULT_ADDRESS.fullmatch(prev_prev_text.strip()) is not None
                )
                or _BULLET.match(line)
                or _YEAR_HEADING.fullmatch(prev_end_text)
                # "REGULAR PRESS BRIEFING …" over "Hanoi, 16 February 2012": a date line is a
                # paragraph of its own, whatever stands above or below it.
                or _date_of_line(line.strip()) is not None
                or _date_of_line(prev_end_text.strip()) is not None
                # "Regional Workshop on Victim Identification" over "Dates: 2-3 December 2021": an
                # event listing's field is a line of its own.
                or EVENT_FIELD.match(line) is not None
                # "Member State | Date of deposit" over "Myanmar | 16/01/2017": a table's rows, a line each.
                or ("|" in line and line.count("|") == prev_end_text.count("|"))
                # "00:27:05  The numbers: …" over "00:33:40  ASEAN's answer: …": a programme's
                # chapters, each at its time, a line each.
                or _TIMESTAMP_LINE.match(line)
                # "5 Jul · COMMENTARY" over an item's headline and text, in a feed of items: the
                # item's stamp is a line of its own, no date of the sentence under it.
                or _ITEM_STAMP.fullmatch(line.strip()) is not None
                or _ITEM_STAMP.fullmatch(prev_end_text.strip()) is not None
                # "ASEAN Secretariat · 1.2K views · 2 years ago" under a clip's title in a playlist: the
                # clip's stamp, a line of its own.
                or ("views" in line and _VIDEO_ITEM.fullmatch(line.strip()) is not None)
                or ("views" in prev_end_text and _VIDEO_ITEM.fullmatch(prev_end_text.strip()) is not None)
                # "a) Jakarta b) Labuan Bajo" under a quiz's question, then "Answer: b) Labuan Bajo,
                # at the 42nd ASEAN Summit": the options name no event's place; the answer is a line
                # of its own.
                or _QUIZ_LINE.match(line)
                # "Royal assent: 18 July 2007" over "Commenced: 28 February 2008": a box's fields, a
                # line each, each value its own label's.
                or (
                    _BOX_FIELD.match(line)
                    and (_BOX_FIELD.match(prev_end_text) or _BOX_FIELD.match(following))
                )
                # "1. MEASURING PROGRESS ON BOHOL TIP WORK PLAN 2.0" over the paragraph it heads: a
                # heading in capitals is no part of the sentence below it. (Not in the article's
                # first block: a letterhead over its date line is read as one.)
                or (start > 0 and _caps_heading(prev_end_text))
                # "10th ASEAN Summit" over "From Wikipedia, the free encyclopedia": a site's tagline
                # under a page's title is a line of its own, no part of the title.
                # "2004      ASEAN Declaration …, Vientiane" over "2015      ACTIP signed, Kuala
                # Lumpur": a chronology's rows, as a PDF's table comes out as text, a line each.
                or (
                    _YEAR_ROW.match(line) is not None
                    and (_YEAR_ROW.match(prev_end_text) or _YEAR_ROW.match(following))
                )
                # ("2017 - Leaders note the Bohol TIP Work Plan in Manila" over "THIS FRIDAY, MARCH 8 -
                # …": the line under a chronology's last row is no part of the row.)
                or (_YEAR_ROW.match(prev_end_text) and _YEAR_ROW.match(prev_prev_text))
                or (
                    _DATE_ROW.match(line) is not None
                    and (_DATE_ROW.match(prev_end_text) or _DATE_ROW.match(following))
                )
                # "10th   29 September - 2 October 2015   Kuala Lumpur   Malaysia" over "11th   18-21
                # September 2017   Manila …": a table of numbered meetings, its columns apart by
                # spaces, a row a line.
                or (
                    _ORDINAL_ROW.match(line) is not None
                    and (_ORDINAL_ROW.match(prev_end_text) or _ORDINAL_ROW.match(following))
                )
                # "Press Release No. 27/2019" / "Office of the Attorney General" / "14 March": a date
                # line without its year under a letterhead is a paragraph of its own too ("JOINT
                # PRESS CONFERENCE" / "Putrajaya, Thursday 27 September" under a transcript's title).
                or (abs_start < 600 and _BARE_YEARLESS_DAY.fullmatch(line.strip()) is not None)
                or (abs_start < 600 and _BARE_YEARLESS_DAY.fullmatch(prev_end_text.strip()) is not None)
                or _TAGLINE.fullmatch(line.strip())
                or _TAGLINE.fullmatch(prev_end_text.strip())
                # "ASEAN convention … enters into force" / "Rappler · 2 hours ago" / "The ASEAN
                # Convention …": an aggregator's item, its source and time on a line of their own.
                or (("·" in line or "|" in line) and _STAMP_HEADER.fullmatch(line.strip()) is not None)
            ):
                yield from _trimmed(text, para_start, abs_start)
                para_start = abs_start
            prev_end_text, prev_prev_text = line, prev_end_text
        yield from _trimmed(text, para_start, block.end())


def _line_spans(text: str) -> list[tuple[int, int]]:
    """Each line's [start, end), its newline left out."""
    starts = [0, *(m.end() for m in re.finditer(r"\n", text))]
    return list(zip(starts, [*(at - 1 for at in starts[1:]), len(text)], strict=True))


# A gap between a table's columns, as a page's table comes out as text: two spaces or more, or tabs.
_COLUMN_GAP = re.compile(r"(?<=\S)(?: {2,}|\t+)(?=\S)")


def spaced_table_bars(text: str) -> str:
    """The text with each table whose columns are apart by spaces written as one split by bars,
    each gap's first characters made " |" (or "|" for a lone tab), so every offset stays: a header
    of three columns or more with no figure in it ("State   Signature   Deposit of instrument"),
    then two rows or more with as many columns, on the lines right under it."""
    if "  " not in text and "\t" not in text:
        return text
    lines = [(a, text[a:b]) for a, b in _line_spans(text)]
    columns = [len(_COLUMN_GAP.findall(line)) + 1 for _, line in lines]
    out = list(text)
    i = 0
    while i < len(lines):
        cells = columns[i]
        if cells < 3 or re.search(r"\d", lines[i][1]):
            i += 1
            continue
        j = i + 1
        while j < len(lines) and columns[j] == cells:
            j += 1
        if j - i >= 3:
            for at, line in lines[i:j]:
                for gap in _COLUMN_GAP.finditer(line):
                    mark = " |" if gap.end() - gap.start() >= 2 else "|"
                    out[at + gap.start() : at + gap.start() + len(mark)] = mark
        i = max(j, i + 1)
    return "".join(out)


# An infobox's field as a page gives it in text: its label, a gap of spaces, its value ("Signed
# 21 November 2015").
_SPACED_FIELD = re.compile(r"[A-Z][A-Za-z'’()-]*(?: [A-Za-z'’()-]+){0,2}(?P<gap> {2,}|\t+)\S")


def spaced_box_fields(text: str) -> str:
    """The text with each box of fields whose values stand apart from their labels by spaces
    written with a colon after each label ("Signed          21 November 2015" as "Signed:
    21 November 2015"), so every offset stays: three such lines or more in a row."""
    if "  " not in text and "\t" not in text:
        return text
    fields = [_SPACED_FIELD.match(text, a, b) for a, b in _line_spans(text)]
    out = list(text)
    i = 0
    while i < len(fields):
        j = i
        while j < len(fields) and fields[j] is not None:
            j += 1
        if j - i >= 3:
            for field in fields[i:j]:
                assert field is not None
                at = field.start("gap")
                out[at] = ":"
        i = j + 1
    return "".join(out)


# "From Wikipedia, the free encyclopedia", "(Redirected from Anti-Trafficking in Persons Act 2007)":
# what a reference site prints under every page's title.
_TAGLINE = re.compile(
    r"From\s+[A-Z][\w.]*,\s+the\s+free\s+encyclopedia|\(Redirected\s+from\s+[^()\n]{2,120}\)"
)


def _rule_tagline(text: str, meta: _Metadata) -> str | None:
    return "site tagline under the title" if _TAGLINE.fullmatch(text) else None


# "1.2K Retweets 900 Likes", "35 Comments · 12 Shares": a post's counts, under every post alike.
_ENGAGEMENT = re.compile(
    r"(?:[\d.,]+[KkMm]?\s+(?:Retweets?|Reposts?|Likes?|Comments?|Shares?|Views?|Replies|Reactions?|"
    r"Quote\s+Tweets?|Bookmarks?)\s*[·•|,]?\s*){1,6}"
)


def _rule_engagement(text: str, meta: _Metadata) -> str | None:
    return "a post's counts of replies and likes" if _ENGAGEMENT.fullmatch(text) else None


# A box's field: a label without figures ("Royal assent: …"; not "Tuesday 28 September: …", a
# programme's day), then its value.
_BOX_FIELD = re.compile(r"[A-Z][A-Za-z ()'’-]{1,30}:\s*\S")


def _caps_heading(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return (
        len(letters) >= 8
        and len(line.split()) >= 2
        and sum(c.isupper() for c in letters) >= 0.9 * len(letters)
    )


# A chapter's or a cue's time at the start of a line: "00:27:05  The numbers …", "12:30 - Opening".
# (Not a clock time that opens a wrapped line, "10:30 am Ministers …": seconds, or a dash or bar.)
_TIMESTAMP_LINE = re.compile(r"\s*(?:\d{1,2}:\d{2}:\d{2}\s+|\d{1,2}:\d{2}\s*[-–—|]\s+)(?=\S)")
EVENT_FIELD = re.compile(
    r"\s*(?P<label>Dates?|When|Where|Venue|Time|Date\s*(?:and|&)\s*time|Registration(?:\s+deadline)?)"
    r"\s*:\s*(?P<value>\S.*)",
    re.IGNORECASE,
)
"""A field of an event's listing ("Date: 24-26 March 2019", "Venue: Bangkok"): no sentence, no tense."""


# A quiz's option ("a) Jakarta", "(b) Labuan Bajo") or its answer ("Answer: b) …").
_QUIZ_LINE = re.compile(r"\s*(?:\(?[a-eA-E]\)\s+\S|(?:Correct\s+answer|Answer|Ans)\s*[:.]\s)")
# What follows a year that opens a timeline's entry: a dash (not a range's "2017-2020"), a colon or
# an arrow ("2004 > ASEAN Declaration …, adopted … on 29 November" over "2009 > AICHR inaugurated").
YEAR_DASH_MARK = r"(?:--|[–—:>»→►▶]|-(?!\d))"
_YEAR_DASH = rf"\s*{YEAR_DASH_MARK}\s"
# A chronology's row: its year, then a gap of spaces (or a tab) before its entry, or a dash.
# ("2004 - ASEAN Declaration … adopted in Vientiane" over "2015 - ACTIP signed": a "Key dates" box's
# rows, a line each, so that no row's place or day runs into the next.)
_YEAR_ROW = re.compile(rf"\s*(?:19|20)\d\d(?: {{2,}}|\t|{_YEAR_DASH}\s*)\S")
# A timeline's year on a line of its own, over the entries of that year ("2014", "June 20 - …").
# (Also a Thai page's Buddhist Era year, with the common year or without it: "B.E. 2551 (2008)".)
_YEAR_HEADING = re.compile(
    r"\s*(?:(?P<year>(?:19|20)\d\d)(?:\s*\(B\.E\.\s*25\d\d\))?"
    r"|B\.E\.\s*(?P<be>25\d\d)(?:\s*\((?P<ce>(?:19|20)\d\d)\))?)"
    # ("2010 | Hanoi", "2012 — Phnom Penh": a gallery's or a timeline's year with where.)
    r"(?:\s*[|–—]\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})?\s*"
)
# What a year heading dates besides a timeline's entries: a short paragraph right under it, a
# gallery's caption ("2010 | Hanoi" over "The ACWC is inaugurated on 7 April"), or right under one of
# its entries.
_UNDER_HEADING = 300
_UNDER_ENTRY = 600


def _heading_year(m: re.Match[str]) -> int:
    """The common year of a timeline's year heading (a Buddhist Era year is 543 ahead)."""
    if m.group("year") or m.group("ce"):
        return int(m.group("year") or m.group("ce"))
    return int(m.group("be")) - BUDDHIST_ERA_OFFSET


# An entry that opens with a day or month and no year: "June 20 - …", "Early May - …", "Nov 21 - …".
_YEARLESS_ENTRY = re.compile(
    r"(?:(?:Early|Mid|Late|End)[- ]\s*)?"
    r"(?:[A-Z][a-z]{2,8}\.?(?:\s+\d{1,2}(?:\s*[-–]\s*\d{1,2})?)?|\d{1,2}(?:\s*[-–]\s*\d{1,2})?\s+[A-Z][a-z]{2,8})"
    r"\s*(?:--|[-–—:])\s"
)


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield start, end


# --- metadata found in the text ----------------------------------------------

_THAI_MONTH = "|".join(name for name in FOREIGN_MONTHS if not name.isascii())
MONTH_RE = (
    # (Indonesian, Malay and Filipino first: "Januari" is no "Jan" with letters after it.)
    r"(?:Januari|Februari|Maret|Mei|Juni|Juli|Agustus|Oktober|Desember|Mac|Julai|Ogos|Disember|"
    r"Enero|Pebrero|Febrero|Marso|Abril|Mayo|Hunyo|Hulyo|Agosto|Setyembre|Septiyembre|Oktubre|Nobyembre|Disyembre|"
    r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# A day and its month, either way round ("September 27", "27 September").
DAY_AND_MONTH = rf"(?:{MONTH_RE}\s+[0-3]?\d|[0-3]?\d\s+{MONTH_RE})"
# "5 Jul · COMMENTARY", "2 Sep · NEWS": a feed item's stamp, its day and its section.
_ITEM_STAMP = re.compile(
    rf"{DAY_AND_MONTH}(?:,?\s+(?:19|20)\d\d)?"
    r"\s*[·•]\s*[A-Z][A-Za-z &/-]{1,30}"
)
# A whole day as a wiki or a changelog writes it: "3 May 2016", "May 3, 2016".
_WRITTEN_DAY = r"[0-3]?\d\s+[A-Z][a-z]+\s+(?:19|20)\d\d|[A-Z][a-z]+\s+[0-3]?\d,\s+(?:19|20)\d\d"
# A changelog's or a version history's heading with its day: "## v2.1 (3 March 2017)", "Version 1.2
# - 5 June 2019", "v1.2, 5 June 2019:".
_VERSION_HEADING = re.compile(
    r"#{0,4}\s*(?:[Vv]ersion\s+|[Vv])\d+(?:\.\d+){0,3}\s*(?:\(|,|[-–—:]|\s)\s*"
    rf"(?P<date>{_WRITTEN_DAY}|(?:19|20)\d\d-\d\d-\d\d)"
    r"\s*\)?\s*:?(?=\s|$)"
)
_WEEKDAY_ABBREVIATION = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?"
# A wire story's takes, saved on one page, each under its label and the day it was published:
# "[TAKE 2]" over "UPDATE 1-ASEAN leaders adopt …" over "Published 10 May 2023, 16:05 WITA". (The
# label's lines, up to the day's, or the day's line alone where a note in brackets ends the label's
# paragraph.)
_TAKE_LABEL = re.compile(r"\[(?:TAKE|Take|VERSION|Version)\s+\d+\]")
_TAKE_STAMP = re.compile(
    rf"(?:{_TAKE_LABEL.pattern}\s+(?:[^\n]{{1,300}}?\s)??)?"
    rf"(?:Published|Posted|Filed|Moved|Updated)(?:\s+on)?:?\s+(?P<date>{_WRITTEN_DAY})[^\n]{{0,80}}$"
)
# A podcast feed's episode, its number, the day it came out and its length over its title and notes:
# "EP 58 · Sep 8, 2023 · 44 min", "Episode 12 | 3 March 2017", "Sep 8, 2023 · 44 min". (A length in
# units only: a day and a time of day, "22 Nov 2015 · 10:30", heads many a comment too.)
_DURATION_WORD = r"\d{1,3}\s*(?:min|mins|minutes|hr|hrs|h)\b(?:\s*\d{1,2}\s*(?:min|mins|m)\b)?"
_EPISODE_HEADING = re.compile(
    rf"(?:(?:EP|Ep\.?|Episode|#)\s*\d+\s*[·|•]\s*(?P<date>{_WRITTEN_DAY})(?:\s*[·|•]\s*(?={_DURATION_WORD}))?"
    rf"|(?P<bare>{_WRITTEN_DAY})\s*[·|•]\s*(?={_DURATION_WORD}))"
    rf"(?:{_DURATION_WORD})?(?=\s|$)"
)
# A forum post's header over its words, as phpBB prints it, "Post by somchai_bkk » Sun Nov 22, 2015 9:14
# am", "Re: New convention » by expat_lisa » Mon Nov 23, 2015 2:40 pm"; and a Q&A site's answer
# under its day, "Answered 14 Mar 2017 · Upvoted by 12 people".
_FORUM_POST = re.compile(
    r"(?:(?:Post\s+)?by\s+[^\s»]{1,40}|Re:[^»\n]{1,80}?»\s*by\s+[^\s»]{1,40})\s*»\s*"
    rf"(?:{_WEEKDAY_ABBREVIATION}\s+)?(?P<date>{_WRITTEN_DAY})(?:,?\s+[0-2]?\d:[0-5]\d(?:\s*[ap]\.?m\.?)?)?"
    # (Under the line that names who answered, joined to it: "Answered by Nguyen Van An, researcher".)
    r"|(?:Answered\s+by\s+[^·\n]{1,80}?\s+)?(?:Answered|Asked)\s+(?P<bare>" + _WRITTEN_DAY + r")"
    r"(?:\s*·[^·\n]{1,60}?(?:people|views|upvotes?)\b)?"
    # (An SMF board's post header, under its subject: "ASEAN commission launched « on: April 07,
    # 2010, 09:12:44 PM »", "Re: … « Reply #2 on: April 08, 2010, 07:30:02 AM »".)
    r"|(?:[^«»\n]{1,160}?\s)?«\s*(?:Reply\s+#\d+\s+)?on:\s*(?P<smf>" + _WRITTEN_DAY + r")"
    r"(?:,?\s+[0-2]?\d:[0-5]\d(?::[0-5]\d)?(?:\s*[AaPp]\.?[Mm]\.?)?)?\s*»"
)
# A wiki talk page's signature, closing a comment: "Editor1 (talk) 09:00, 8 April 2010 (UTC)",
# "Editor2 (talk | contribs) 10:00, 2 March 2011 (UTC)".
_TALK_SIGNATURE = re.compile(
    r"(?:^|(?<=\s))[^\s().,;:!?]+(?:\s[^\s().,;:!?]+){0,2}\s*\((?:talk|Talk)(?:\s*[|·]\s*contribs)?\)\s*"
    rf"\d{{1,2}}:\d{{2}},\s+(?P<date>{_WRITTEN_DAY})"
    r"\s*\(UTC\)\s*$"
)
# A line of a wiki page's revision history: "(cur | prev) 14:02, 3 May 2016 Editor1 (talk | contribs)
# . . (12,334 bytes) (+120) . . (Thailand ratified)", up to the revision's day.
# An update's or a note's heading over its text, with its day: "Update, 16 December 2008", "Final update,
# 16 May 2022", "UPDATE 2 -- 30 May 2015", "Archive note, 8 January 2010" (not a page's "Updated:" stamp,
# which dates the page).
_NOTE_HEADING = re.compile(
    r"(?:(?:Final|Latest|Last|Further|FINAL|LATEST)\s+)?"
    r"(?:Update|update|UPDATE|Archive\s+note|Editor['’]s\s+note|Note)(?:\s+\d{1,2})?\s*[,:–—-]{0,2}\s*"
    rf"(?P<date>{_WRITTEN_DAY})\s*[:.]?(?=\s|$)"
)
_HISTORY_LINE = re.compile(
    r"(?:\((?:cur|prev|cur\s*\|\s*prev)\)\s*)*\d{1,2}:\d{2},\s+"
    rf"(?P<date>{_WRITTEN_DAY})"
    r"(?=[^\n]{1,60}\(talk\s*\|\s*contribs\))"
)
# "ASEAN Secretariat · 800 views · Uploaded Apr 8, 2010", "… · 1.2K views · 2 years ago": the line a
# playlist or a channel's page puts under each clip's title, with its day or its age.
_VIDEO_ITEM = re.compile(
    r"(?P<who>[^·|\n]{2,60}?)\s·\s[\d.,]+\s*[KkMm]?\s+views\s*·\s*"
    r"(?:(?:Uploaded|Streamed\s+live|Premiered|Published)(?:\s+on)?\s+)?(?P<when>[^·|\n]{3,30})"
)
# "29 Nov 2004   ASEAN Declaration …" over "28-29 Nov 2005 Fifth AMMTC": a chronology's rows by
# day or month, its lines that go on below a row indented, no row of their own.
# ("21 November 2015 - ASEAN Leaders sign …" over "8 March 2017 - ACTIP enters into force": a "Key
# dates" box's rows by day, with a dash; "July 1, 2021 - …" with the month first.)
_DATE_ROW = re.compile(
    rf"(?:(?:\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?\s+)?(?:{MONTH_RE})\.?|(?:{MONTH_RE})\.?\s+\d{{1,2}},)"
    rf"\s+(?:19|20)\d\d(?:\s+[A-Z]|{_YEAR_DASH}\s*\w)"
)
_ORDINAL_ROW = re.compile(
    rf"\s*(?:\d{{1,2}}|[A-Z][a-z]+)(?:st|nd|rd|th)(?: {{2,}}|\t)\s*"
    rf"(?:[0-3]?\d\b|(?:{MONTH_RE}))",
    re.IGNORECASE,
)
_FULL_DATE = re.compile(
    rf"(?P<d>[0-3]?\d)\s+(?P<m>{MONTH_RE})\s+(?P<y>(?:19|20)\d\d)"
    rf"|(?P<m2>{MONTH_RE})\s+(?P<d2>[0-3]?\d),?\s+(?P<y2>(?:19|20)\d\d)"
    # "2018-06-26", and "2023.05.10" or "2023/05/10" as some outlets print their date lines
    r"|(?P<iy>(?:19|20)\d\d)(?P<sep>[-./])(?P<im>[01]\d)(?P=sep)(?P<id>[0-3]\d)"
    # ("BANGKOK, 5 March B.E. 2562 -": a Thai Buddhist Era year, 543 years ahead of the common one.)
    # (Also without "B.E.", as a translation of a Thai page leaves it: "24 November 2558", no common
    # year for centuries.)
    rf"|(?P<d3>[0-3]?\d)\s+(?P<m3>{MONTH_RE})\s+(?:B\.\s?E\.\s*|(?=25[4-6]\d\b))(?P<be>2[45]\d\d)"
    # "day 21 month 11 year 2015": Vietnamese word order put into English word for word.
    r"|(?:[Dd]ay\s+)?(?P<ed>[0-3]?\d)\s+month\s+(?P<em>1[0-2]|0?[1-9])\s+year\s+(?P<ey>(?:19|20)\d\d)"
    # "ngày 5 tháng 7 năm 2019": a Vietnamese date line; "5 กรกฎาคม 2562": a Thai one, its year B.E.
    r"|(?:[Nn]gày\s+)?(?P<vd>[0-3]?\d)\s+tháng\s+(?P<vm>1[0-2]|0?[1-9])\s+năm\s+(?P<vy>(?:19|20)\d\d)"
    rf"|(?P<td>[0-3]?\d)\s*(?P<tm>{_THAI_MONTH})\s*(?:พ\.\s?ศ\.\s*)?(?P<ty>25\d\d)"
)
# A wire story's dateline: "KUALA LUMPUR, Nov 21 (Bernama) --", "HANOI, 26 June 2018-",
# "Bangkok (Thailand), 19 December 2024 –", "Hanoi (VNA) –", "Bangkok, Aug 1 (PTI) Australia ...".
# The place is upper case, or title case when a date follows (so that "Separately, the IOM" is
# not one); the date may lack its year, which the article's other clues then give.
# ("BANGKOK/GENEVA (29 August 2023) –": a release filed from two cities.)
_DATELINE_PLACE = (
    # ("Day One (24 June 2025): opening …", "Part 2 (…)": a section's heading, not a place.)
    r"(?!(?:Day|Days|Week|Part|Session|Phase|Step|Chapter|Section|Item|Annex|Update|Panel|Workshop)\b)"
    r"(?:[A-Z][A-Z.'’-]*(?:/[A-Z][A-Z.'’-]*)?(?:\s+[A-Z][A-Z.'’-]*){0,3}"
    r"|[A-Z][a-z.'’-]+(?:\s+[A-Z][a-z.'’-]+){0,2})"
)
_DAY_MONTH = (
    rf"(?P<dm_d>[0-3]?\d)\s+(?P<dm_m>{MONTH_RE})(?![\w.]*\s*,?\s*(?:19|20)\d\d)"
    rf"|(?P<md_m>{MONTH_RE})\s+(?P<md_d>[0-3]?\d)\b(?!,?\s*(?:19|20)\d\d)"
)
# ("(AFP-JIJI)", "(Yonhap-AFP)": two agencies' names joined by a hyphen.)
_AGENCY = r"\((?P<agency>[A-Z][A-Za-z.&'’ -]{1,30})\)"
# A match needs a date or an agency (see parse_article): a place and a dash alone are a heading.
_DATELINE = re.compile(
    # ("(Bangkok, October 2, 2025)—Southeast Asian governments …": a release's dateline in brackets.)
    # ("(KPL) Vientiane, July 18 - …": Lao wire copy puts its agency first.)
    r"^(?:\((?P<lead>[A-Z][A-Za-z.&'’ -]{1,30})\)\s*)?"
    rf"\(?(?P<place>{_DATELINE_PLACE})"
    # ", Philippines", ", East Nusa Tenggara" or " (Thailand)," after the city
    # ("NUNUKAN, N Kalimantan, Jan 23": a province abbreviated.)
    # ("Jeju, Republic of Korea, 11 June 2014 -": a country's name with "of" in it.)
    r"(?:\s*,\s*[A-Z][A-Za-z.]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][A-Za-z’']+){0,3}"
    r"|\s+\([A-Z][A-Za-z ]+\)(?=\s*,))?"
    # ("Bangkok, Thailand – 30 July 2023 –": a dash before the date too.)
    rf"(?:\s*(?:[,(]|[–—](?=\s*\d))\s*(?P<date>{_FULL_DATE.pattern}|{_DAY_MONTH})\s*\)?)?\s*(?:{_AGENCY})?"
    # "Vientiane, Nov. 30" may stand as a line of its own, before the story's first paragraph.
    r"\s*(?:--|[-–—:](?!\w)|(?<=\))(?=\s+[A-Z])|(?<=\))[–—](?=[A-Z])|$)"
)
# "Tuesday, 13 November", "Sunday, April 22": a weekday and a day without a year, a line of its own.
_WEEKDAY_DATE_LINE = re.compile(
    rf"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+(?P<date>{_DAY_MONTH})\s*$"
)
# A dateline that is a whole line, with its full date after the place and any agency.
_DATELINE_LINE = re.compile(
    rf"^(?P<place>{_DATELINE_PLACE})\s*(?:\([^()]{{2,30}}\))?\s*(?:--|[-–—,:])\s*(?P<date>{_FULL_DATE.pattern})\s*$"
)
# A release's date before its first sentence: "10 February 2017 – The Permanent Representative …".
# It dates the release, not the sentence's event, unless the article is a timeline whose every entry
# opens this way (see _TIMELINE_OPENING).
_DATED_LEDE = re.compile(rf"^(?P<date>{_FULL_DATE.pattern})\s*(?:--|[-–—])\s+(?=[A-Z\"“‘'])")
# "Nov 20 -- A year ago today, …": a day without its year and a dash before the first sentence, a
# dateline without a place (the year from the article's other clues).
_YEARLESS_LEDE = re.compile(rf"(?P<date>{_DAY_MONTH})\s*(?:--|[–—])\s+(?=[A-Z\"“‘'])")
# How a timeline's entry opens: a year (alone, with its month or day, or a span of years) and a dash
# or colon: "2011 –", "June 2015 –", "* Nov. 24, 2014 -", "2016-2017 –".
_TIMELINE_OPENING = re.compile(rf"\s*(?:[*•·]\s*)?[^\n.!?]{{0,20}}?\b(?:19|20)\d\d{_YEAR_DASH}")
_SOURCE_LINE = re.compile(r"^Source\s*:\s*(?P<outlet>\S.{1,80})$", re.IGNORECASE)
_LINK_BOILERPLATE = re.compile(
    r"\b(?:can be (?:downloaded|viewed|found|accessed|read) here"
    r"|(?:download|click|view|read) [^.]{0,80}\bhere)\b",
    re.IGNORECASE,
)
_SIGNOFF = re.compile(r"(?P<sep>\s*[-–—]\s*|\s*\(|\s+)(?P<agency>[A-Z][A-Za-z]{1,9})\)?\s*$")
_SLASH_DOT = re.compile(r"/\.\s*$")


def parse_full_date(text: str) -> date | None:
    """A whole date such as "26 June 2018", "May 11, 2023" or "2018-06-26", if valid."""
    m = _FULL_DATE.fullmatch(text.strip())
    if not m:
        return None
    try:
        if m.group("iy"):
            return date(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
        if m.group("vy"):
            return date(int(m.group("vy")), int(m.group("vm")), int(m.group("vd")))
        if m.group("ey"):
            return date(int(m.group("ey")), int(m.group("em")), int(m.group("ed")))
        if m.group("ty"):
            return date(int(m.group("ty")) - BUDDHIST_ERA_OFFSET, MONTHS[m.group("tm")], int(m.group("td")))
        if m.group("be"):
            return date(
                int(m.group("be")) - BUDDHIST_ERA_OFFSET,
                MONTHS[m.group("m3").rstrip(".").lower()],
                int(m.group("d3")),
            )
        day, month, year = (
            (m.group("d"), m.group("m"), m.group("y"))
            if m.group("d")
            else (
                m.group("d2"),
                m.group("m2"),
                m.group("y2"),
            )
        )
        return date(int(year), MONTHS[month.rstrip(".").lower()], int(day))
    except ValueError:
        return None


_ALNUM_RUN = re.compile(r"[a-z0-9]+")


def _norm_key(text: str) -> str:
    return " ".join(_ALNUM_RUN.findall(text.lower()))


def _is_label(text: str) -> bool:
    """Navigation or section labels: a few words, no sentence punctuation, no digits."""
    words = text.split()
    return 0 < len(words) <= 3 and not re.search(r"[.!?,;:\d]", text)


# Rules applied to each paragraph in this order; each returns a drop reason or None,
# and may record metadata. Keeping the order in one list makes the cleaning auditable.
ParagraphRule = Callable[[str, "_Metadata"], "str | None"]


@dataclass
class _Metadata:
    """Mutable scratch state of one document's cleaning pass (never leaves this module)."""

    outlets: Mapping[str, str]
    seen: dict[str, int]
    position: int = 0
    title: str | None = None
    published: date | None = None
    outlet: str | None = None
    body_started: bool = False
    prose_started: bool = False
    """A kept paragraph has been a sentence (or long): the letterhead above a release is over."""
    bulleted: bool = False
    """The paragraph being read opened with a bullet (taken off before the rules see it)."""
    in_box: bool = False
    """A box of links to other stories ("Related stories", "Most read") is being read."""
    table_bars: int = 0
    """How many bars the kept paragraph before holds: a line with as many is a row of its table."""
    edited: date | None = None
    """The day a "last edited on" footer gave (the page's date when nothing else dates it)."""


def _rule_duplicate(text: str, meta: _Metadata) -> str | None:
    if len(text) <= 80 and _date_of_line(text) is not None:
        return None  # ("ASEAN @ASEAN · 8 Mar 2017" over each post of a thread: each post's day)
    key = _norm_key(text)
    if key in meta.seen:
        return f"repeats the paragraph at offset {meta.seen[key]}"
    meta.seen[key] = meta.position
    return None


# Why a paragraph that is no part of the story, but whose dates are the page's, was dropped: the
# date mentions still read them (extract.dates).
BOX_HEADING = "heading of a box of other stories"
BOX_ENTRY = "entry of a box of other stories (their dates are theirs)"
FIRST_APPEARANCE = "note of where the text appeared first"
COPY_TAKEN = "note of when a copy was taken (no date of the text)"
COMMENT_HEADER = "header of a reader's comment (its date is the comment's)"
MESSAGE_HEADER = "header of an e-mail (its date is the message's)"
STAMP_HEADER = "header of a post or comment timed from when the page was read (the page's date less that)"
YEARLESS_DATE_LINE = "date line without a year (the article's day, its year from the other clues)"
POSTED_HEADER = "header of a post with its day and no year (its date is the post's)"
REPLY_LABEL = "label over a reply in a feed"
CHAT_STAMP = "a chat message's stamp, the message's date line (its day and time)"
COMMENT_STAMP = "time stamp under a reader's comment (the page was written no later)"
ASIDE_DROPS = (
    BOX_HEADING,
    BOX_ENTRY,
    FIRST_APPEARANCE,
    COPY_TAKEN,
    COMMENT_HEADER,
    STAMP_HEADER,
    POSTED_HEADER,
    MESSAGE_HEADER,
    COMMENT_STAMP,
)


# The heading of a box of links to other stories, whose dates are theirs, not this article's.
_BOX_HEADING = re.compile(
    r"(?:related(?:\s+(?:stories|articles|news|content|coverage|posts|reading|links))?|read\s+(?:more|also)"
    r"|also\s+read|see\s+also|more\s+(?:stories|news|on\s+this(?:\s+(?:story|topic))?)|most\s+(?:read|popular|viewed"
    r"|shared)|trending(?:\s+now)?|latest\s+(?:news|stories)|you\s+may\s+also\s+like|recommended(?:\s+for\s+you)?"
    r"|popular\s+(?:stories|posts)|top\s+stories|in\s+other\s+news|editor['’]?s\s+picks?)\s*:?",
    re.IGNORECASE,
)
# "1. Ministers meet in Bangkok (12 June 2017)": an entry of a numbered box.
_NUMBERED_ENTRY = re.compile(r"\d{1,2}[.)]\s+\S")


def _rule_box(text: str, meta: _Metadata) -> str | None:
    """ "Related stories" / "- Thailand hosts forum on labour migration (3 October 2018)": the box's
    heading and the list of links under it, to its last entry."""
    heading = _BOX_HEADING.match(text.strip())
    rest = text.strip()[heading.end() :].strip() if heading else ""
    # ("Most read" / "1. Ministers meet in Bangkok (12 June 2017)", lines of one paragraph.)
    entries = bool(_NUMBERED_ENTRY.match(rest) or _BULLET.match(rest)) and len(text) <= 400
    if heading and (not rest or entries):
        meta.in_box = True
        return BOX_HEADING + (" and its entries" if rest else "")
    if meta.in_box and (meta.bulleted or _NUMBERED_ENTRY.match(text)) and len(text) <= 250:
        return BOX_ENTRY
    meta.in_box = False
    return None


# "This article first appeared in The Regional Review on 10 February 2017", "Originally published by
# … on …", "A version of this story ran in …": where the text appeared before, not an event of it.
_REPUBLISHED = re.compile(
    r"(?:(?:This|The)\s+(?:article|story|piece|commentary|column|op-ed|analysis|interview)\s+(?:was\s+)?"
    r"(?:first|originally)\s+(?:appeared|published|ran|posted)"
    r"|(?:Originally|First)\s+(?:published|posted|appeared)"
    r"|An?\s+(?:earlier\s+|shorter\s+|longer\s+)?version\s+of\s+this\s+(?:article|story|piece)\s+(?:first\s+)?"
    r"(?:appeared|was\s+published|ran))\b[^\n]{0,160}$",
    re.IGNORECASE,
)


# A wire service's note on a version of its story, in brackets on a line of its own above it: "(Adds
# minister's quotes, paragraphs 4-6)", "(Corrects date of signing in paragraph 2 to Nov 21, not Nov
# 20)", "(Refiles to fix typo in headline)"; or an editors' note, "EDS: UPDATES with vote". What it says
# of the story (a withdrawn day) is no statement of it, and the dateline below it is still the story's.
_WIRE_NOTE = re.compile(
    r"\((?:Adds|Corrects|Updates|Refiles|Recasts|Rewrites|Changes|Fixes|Removes|Inserts|Clarifies|Repeats"
    r"|Deletes|Replaces|Withdraws|Amends|Restores|Combines|Moves|Re-?issues|Reissues)\b[^()]{0,220}\)"
    r"|(?:EDS|Eds|EDITORS|Editors)\s*:\s*(?:UPDATES|CORRECTS|ADDS|REFILES|RECASTS|Updates|Corrects|Adds|Refiles)\b[^\n]{0,220}"
)
WIRE_NOTE = "a wire service's note on the story's version"


def _rule_wire_note(text: str, meta: _Metadata) -> str | None:
    return WIRE_NOTE if len(text) <= 240 and _WIRE_NOTE.fullmatch(text.strip()) else None


# "Published 10 May 2023, 16:05", a field of a story's version stamp.
_VERSION_STAMP = re.compile(rf"(?:Published|Updated|Posted)(?:\s+on)?:?\s+(?:{_FULL_DATE.pattern})")


def _rule_republished(text: str, meta: _Metadata) -> str | None:
    """ "This commentary first appeared in a regional daily on 9 March 2017" (after "Republished 20
    March 2017 |", or alone): the text was written for that first appearance, so its "today" and
    "on Wednesday" count from that day, whatever day the page put it out again."""
    if len(text) > 220:
        return None
    fields = [f.strip() for f in text.split("|")]
    notes = [f for f in fields if _REPUBLISHED.match(f)]
    if not notes or any(_VERSION_STAMP.match(f) for f in fields):
        # ("Published 10 May 2023, 16:05 | First published 9 May 2023": a story's version, which is
        # written on the day it was published, the first day being an earlier version's.)
        return None
    first = [d for m in _FULL_DATE.finditer(notes[-1]) if (d := parse_full_date(m.group()))]
    if first:
        meta.published = first[-1]
    return FIRST_APPEARANCE


# "Printed from the ASEAN website on 2 October 2017", "Accessed 3 May 2020": when a copy was taken,
# days after the text; no date of it.
COPY_NOTE = (
    r"(?:Page\s+\d+\s+of\s+\d+\s*)?(?:Page\s+generated|Generated|Printed|Downloaded|Captured|Archived|Saved)"
)
"""How a copy says when it was taken ("Page 1 of 3" / "Printed from …", "Page generated …"); not
"Accessed"/"Retrieved", which a citation also writes of the page it cites."""
_ACCESSED = re.compile(
    # ("Page 1 of 3" / "Printed from …": a PDF's footer, on lines of one paragraph.)
    rf"(?:{COPY_NOTE}|(?:Page\s+\d+\s+of\s+\d+\s*)?(?:Accessed|Retrieved))\b[^\n|]{{0,80}}?"
    r"(?:\bon\s+|:\s*|\s)(?=[^\n]{0,40}\b(?:19|20)\d\d\b)[^\n]{0,60}$",
    re.IGNORECASE,
)


# A diplomatic cable's header lines: its classification ("UNCLAS SECTION 01 OF 02 BANGKOK 001234"),
# "SIPDIS", "E.O. 12958: DECL: 05/11/2019" (the day it may be declassified, years ahead), "TAGS:",
# "SUBJECT:", "REF:", the date-time group it was sent under ("R 110823Z MAY 09") and "FM"/"TO".
_CABLE_HEADER = re.compile(
    r"(?:E\.\s?O\.\s?\d{4,5}\s*:|DECL\s*:|DECLASSIFY\s+ON\s*:|TAGS\s*:|SUBJE?C?T?\s*:|REF\s*:|SIPDIS\b"
    r"|(?:UNCLAS|UNCLASSIFIED|CONFIDENTIAL|SECRET)\s+(?:SECTION\s+\d+\s+OF\s+\d+\s+)?[A-Z]{3,}\s+\d{3,}"
    r"|(?:[ROPZ]|ROUTINE|PRIORITY|IMMEDIATE)\s+[0-3]\d[0-2]\d[0-5]\dZ\s+[A-Za-z]{3}\s+\d{2}\b|(?:FM|TO)\s+[A-Z]{4,})"
)
# "R 110823Z MAY 09": sent on the 11th of May 2009, at 08:23 UTC.
_DATE_TIME_GROUP = re.compile(
    r"\b(?P<d>[0-3]\d)[0-2]\d[0-5]\dZ\s+(?P<mon>(?i:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC))\s+(?P<y>\d{2}|\d{4})\b"
)
CABLE_HEADER = "a cable's header (its date-time group is the cable's date)"


def _rule_cable_header(text: str, meta: _Metadata) -> str | None:
    if len(text) > 600 or not _CABLE_HEADER.match(text):
        return None
    letters = [c for c in text if c.isalpha()]
    if sum(c.isupper() for c in letters) < 0.7 * len(letters):
        return None  # (a sentence that opens with "Subject:" is no header)
    if (group := _DATE_TIME_GROUP.search(text)) is not None:
        year = int(group.group("y"))
        year += 2000 if year < 100 else 0
        month = MONTHS[group.group("mon").lower()]
        with contextlib.suppress(ValueError):
            meta.published = meta.published or date(year, month, int(group.group("d")))
    subject = re.search(
        r"\bSUBJE?C?T?\s*:\s*(?P<s>[^\n]{5,200}?)(?=\s+(?:REF|Classified|E\.\s?O\.)\b|$)", text
    )
    if subject is not None and meta.title is None:
        meta.title = subject.group("s").strip()
    return CABLE_HEADER


def _rule_accessed(text: str, meta: _Metadata) -> str | None:
    found = len(text) <= 160 and _ACCESSED.match(text)
    return COPY_TAKEN if found or web_archive_capture(text) is not None else None


# "The Wayback Machine - https://web.archive.org/web/20160314081522/http://…", "14 captures" / "12 Mar
# 2016 - 2 Jun 2021": a web archive's banner over the copy it took, that day (the first capture).
_WEB_ARCHIVE_URL = re.compile(r"\bweb\.archive\.org/web/(?P<y>(?:19|20)\d\d)(?P<m>\d\d)(?P<d>\d\d)\d{0,6}\b")
_CAPTURES = re.compile(
    r"[\d,]+\s+captures?\s*(?P<first>\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+(?:19|20)\d\d)?.*", re.DOTALL
)


# "archive.today webpage capture | Saved from … | archived 6 Feb 2018 14:20:11 UTC", "Wayback Machine ·
# capture of 19 Aug 2023": the day the copy of a page was taken, which its posts' ages count from.
_CAPTURED_ON = re.compile(
    r"\b(?:archived|captured|capture\s+of|saved\s+on)\s+(?:on\s+)?"
    r"(?P<date>[0-3]?\d\s+[A-Z][a-z]{2,8}\.?\s+(?:19|20)\d\d|[A-Z][a-z]{2,8}\.?\s+[0-3]?\d,\s+(?:19|20)\d\d)\b"
)


def web_archive_capture(text: str) -> date | None:
    """The day a web archive's banner says its copy was taken: the capture in its link, or the first
    of its captures ("14 captures 12 Mar 2016 - 2 Jun 2021")."""
    if len(text) > 300:
        return None
    link = _WEB_ARCHIVE_URL.search(text)
    if link is not None:
        with contextlib.suppress(ValueError):
            return date(int(link.group("y")), int(link.group("m")), int(link.group("d")))
    captures = _CAPTURES.fullmatch(text.strip())
    if captures is not None and captures.group("first"):
        return parse_full_date(captures.group("first"))
    return None


# "This page was last edited on 3 May 2021, at 10:12 (UTC).": a reference page's footer; its text is
# as of that day, when nothing above says when it was published.
_LAST_EDITED = re.compile(
    r"(?:This\s+page\s+was\s+|Page\s+)?last\s+(?:edited|modified|updated|revised)\s+(?:on\s+)?"
    r"(?P<date>[^,\n]{6,30}?\b(?:19|20)\d\d)\b(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*\(?[A-Z]{2,4}\)?)?)?\.?\s*",
    re.IGNORECASE,
)


def _line_date(pattern: re.Pattern[str], text: str, longest: int) -> date | None:
    """The whole date of a short line the pattern reads whole (its "date" group), if any."""
    m = pattern.fullmatch(text.strip()) if len(text) <= longest else None
    return parse_full_date(m.group("date")) if m else None


def _rule_last_edited(text: str, meta: _Metadata) -> str | None:
    # (Above the story, "Last updated 9 March 2017" is the page's date line: see _rule_date_line.)
    found = _line_date(_LAST_EDITED, text, 120) if meta.body_started else None
    if found is None:
        return None
    meta.published = meta.published or found
    meta.edited = meta.edited or found
    return "last-edited date line (date recorded)"


# "Revision as of 14:02, 3 May 2016 by Editor1 (talk | contribs) (Thailand ratified)": an old
# revision of a wiki page, shown as it stood that day.
_REVISION_AS_OF = re.compile(
    rf"(?:Revision|Version)\s+as\s+of\s+(?:\d{{1,2}}:\d{{2}},?\s+)?(?P<date>{_WRITTEN_DAY})"
    r"(?:,?\s+(?:at\s+)?\d{1,2}:\d{2})?(?:\s+by\s+.*)?"
)


def _rule_revision_as_of(text: str, meta: _Metadata) -> str | None:
    # (The page is as of that revision, as of its last edit: see _rule_last_edited.)
    m = _REVISION_AS_OF.fullmatch(text.strip()) if len(text) <= 240 else None
    found = parse_full_date(m.group("date")) if m else None
    if found is None:
        return None
    meta.published = meta.published or found
    meta.edited = meta.edited or found
    return "revision date line (date recorded)"


# "Delivered at the ASEAN Secretariat, Jakarta, on 30 July 2019", "(As delivered, 30 July 2019)",
# "Date of delivery: 30 July 2019": a speech's day, which its "today" and "next month" count from,
# whenever the page that carries it was posted.
_DELIVERED = re.compile(
    r"\(?(?:(?:As\s+)?[Dd]elivered\b[^.\n()]{0,80}?(?:\bon\s+|,\s*)|Date\s+of\s+delivery\s*:\s*)"
    r"(?:[A-Z][a-z]+day,?\s+)?(?P<date>(?=[0-9A-Z])[^,\n()]{3,30}?,?\s*\b(?:19|20)\d\d)\)?\.?\s*"
)


def _rule_delivered(text: str, meta: _Metadata) -> str | None:
    found = _line_date(_DELIVERED, text, 160)
    if found is None:
        return None
    meta.published = found
    return "delivery date line (date recorded)"


def _rule_link_list(text: str, meta: _Metadata) -> str | None:
    # Every form ends in "here": most paragraphs are ruled out without the regex.
    found = "here" in text.casefold() and _LINK_BOILERPLATE.search(text)
    return "link boilerplate ('… here')" if found else None


def _rule_source_line(text: str, meta: _Metadata) -> str | None:
    m = _SOURCE_LINE.match(text)
    if m and not meta.body_started:
        meta.outlet = meta.outlet or m.group("outlet").strip()
        return "source line (outlet recorded)"
    return None


# A weekday as date lines write it: "Tue", "Tues.", "Wednesday".
_WEEKDAY_WORD = r"(?:Mon|Tue|Tues|Wed|Wednes|Thu|Thur|Thurs|Fri|Sat|Satur|Sun)(?:day)?\.?"
# A line that holds only the article's date, with what press pages put around it: "28 Sep 2016",
# "Posted on 5 May 2016", "Bangkok, 21 November 2025", "Published: Tuesday, 26 June 2018".
_DATE_LINE = re.compile(
    # ("Last updated: June 24, 2024, 4:55 p.m. ET": a live page's text is as of its last update.)
    # ("Page updated 9 March 2017", "Last reviewed: 3 March 2025": a reference page is as of then.)
    r"^(?:(?:Posted|Published|Released|(?:Last\s+|Page\s+(?:last\s+)?)?[Uu]pdated|Last\s+(?:reviewed|modified|edited)"
    r"|For\s+immediate\s+release)(?:\s+on)?\s*:?\s*"
    # ("DATE: May 11, 2009", a memorandum's field in capitals.)
    r"|(?:Date|DATE)\s*:\s*)?"
    # "Published: 12:30 PM, Tue, 24 Jun 2024", "Updated 2:15 PM GMT+8, June 24, 2024": a time first.
    r"(?:\d{1,2}[:.]\d{2}\s*(?:[aApP]\.?[mM]\.?)?(?:\s*(?:GMT|UTC|WIB|ICT|MYT|PHT|SGT|ET|EST|EDT|CET)[+-]?\d{0,2})?"
    r"\s*,?\s*)?"
    # "Nusa Dua, Bali | Tue, August 7, 2018": the place, then a bar, and a weekday cut short.
    # ("Opinion — July 30, 2023", "Op-ed | By Jane Doe | 30 July 2023": a label, a byline.)
    # ("ILO News | Geneva | 5 September 2013": an outlet and a place, each before its bar.)
    # ("Hà Nội, ngày 5 tháng 7 năm 2019": a place's name may have letters beyond A to Z.)
    # ("กรุงเทพฯ 5 กรกฎาคม 2562": a Thai place, then the date after a space.)
    r"(?:[\u0e00-\u0e7f]+\s+)?"
    r"(?:[A-Z][^\W\d_.'’ -]*(?:[.'’ -]+[^\W\d_]+){0,5}\.?(?:,\s*[A-Z][A-Za-z.'’ -]{1,30}?)?"
    r"(?:\s*\([A-Z][A-Za-z ]+\))?(?:,|\s*\||\s+[—–])\s*){0,2}"
    r"(?:By\s+[A-Z][\w.'’ -]{1,40}?\s*\|\s*)?"
    # "(30 July 2023)": in brackets.
    r"\(?"
    # ("Tuesday 24 November 2015": the whole weekday, not "Tue" and a date "sday 24 …".)
    rf"(?:{_WEEKDAY_WORD}(?![a-z]),?\s*)?(?P<date>.+?)"
    # "November 14, 2022 | 12:00am", "26 June 2018, 10:30 AM", "May 11, 2023 - 08:15 GMT+7",
    # "June 21, 2019 at 09:40": a time after it.
    r"(?:\s*(?:[|,–-]|\bat\b)?\s*\d{1,2}[:.]\d{2}\s*(?:[aApP]\.?[mM]\.?)?(?:\s*\(?(?:GMT|UTC|WIB|ICT|MYT|PHT|SGT|ET|EST|EDT|CET|CEST|BST|AEST|AEDT)?[+-]?\d{0,2}\)?)?)?"
    # "Posted on August 3, 2018 by Staff Reporter", "… 2021 | by Nur Hazirah": the author after it.
    r"(?:\s*(?:[|–-]\s*)?\bby\s+[A-Z][\w.'’ -]{1,50})?"
    # "Jun 24, 2024 · 5 min read": a reading time after it; "30 July 2023 | Statement": a label.
    r"(?:\s*[·•|–—-]\s*\d{1,2}\s*min(?:ute)?s?\s+read|\s*\|\s*[A-Z][A-Za-z -]{1,30})?"
    r"\)?\s*$"
)
# "Posted: 24/06/2024", "Press release | 24.06.2024": a day and a month in figures, when only one
# reading is a date (the day above 12, or both the same).
_NUMERIC_DAY = re.compile(r"(?P<a>\d{1,2})[./-](?P<b>\d{1,2})[./-](?P<y>(?:19|20)\d\d)")
_TIME_AFTER = re.compile(r"\s*(?:[|,–-]|\bat\b)?\s*\d{1,2}[:.]\d{2}\s*(?:[aApP]\.?[mM]\.?)?\s*$")


# "A digest for caseworkers, shelters and partners | Issue 3 | 20 January 2017", "Vol. 4, No. 12 |
# 3 May 2019": a masthead whose last field is the date, after labels that are not sentences.
_MASTHEAD_LABEL = re.compile(r"[^|!?]{1,60}(?<![.:;])")


def _masthead_date(text: str) -> date | None:
    # ("THE LEDGER | TUESDAY, DECEMBER 12, 2006 | A1 | P10.00": a printed page's head, its page and
    # price beside the day; its month in capitals spelled as the rules read it, for a line read
    # before cleaning too.)
    fields = [spelled(f.strip()) for f in text.split("|")]
    fields = [f for f in fields if not _PAGE_OR_PRICE.fullmatch(f)] if len(fields) > 2 else fields
    # ("Hasyim Widhiarto, The Jakarta Post, Kuala Lumpur | World | Mon, November 23 2015 | 07:31 am":
    # a byline's fields, the date before the time it was posted at, after its weekday.)
    if len(fields) > 2 and _TIME_AFTER.fullmatch(" " + fields[-1]):
        fields = fields[:-1]
    # ("Episode 45 | 12 Mar 2019 | 38 min": an episode's date, before its length.)
    if len(fields) > 2 and _DURATION.fullmatch(fields[-1]):
        fields = fields[:-1]
    if len(text) > 120 or len(fields) < 2:
        return None
    # (The day may stand between the paper's name and a section's, "A8 | NATION | TUESDAY, DECEMBER
    # 12, 2006 | THE LEDGER", once every other field is a label.)
    days = [parse_full_date(_WEEKDAY_BEFORE.sub("", f)) for f in fields]
    dated = [i for i, d in enumerate(days) if d is not None]
    at = dated[0] if len(dated) == 1 else len(fields) - 1
    return days[at] if _labels_beside(fields, at) else None


def _labels_beside(fields: list[str], at: int) -> bool:
    """Whether every field of a masthead but the one at ``at`` (its day) is a label, not a sentence."""
    return all(_MASTHEAD_LABEL.fullmatch(f) for i, f in enumerate(fields) if i != at)


# "A1", "Page 6", "P10.00", "RM2.50", "$1.50": a printed page's number or cover price.
_PAGE_OR_PRICE = re.compile(
    r"(?:(?:PAGE|Page|P\.)\s*)?[A-H]?\d{1,3}|(?:P|Rp|RM|S\$|US\$|\$|฿|₱|₫)\s?\d{1,6}(?:[.,]\d{2,3})?"
)


_WEEKDAY_BEFORE = re.compile(rf"^{_WEEKDAY_WORD},?\s+", re.IGNORECASE)
_DURATION = re.compile(
    r"(?:\d+\s*(?:h|hr|hrs|hours?|m|min|mins|minutes?|s|sec|secs)\.?\s*){1,3}|\d{1,2}:\d{2}(?::\d{2})?"
)


# "Air date: 12 April 2024 | Recorded: 9 April 2024": of a line's labelled dates, the one the page
# was put out on (not when it was recorded, captured or last changed).
_PUBLISHED_LABEL = re.compile(
    r"(?:Air(?:ed|\s+date)(?:\s+on)?|(?:First\s+)?[Bb]roadcast(?:\s+on)?|Date\s+(?:published|posted|issued)"
    r"|Issue\s+date|Issued(?:\s+on)?|(?:First\s+)?Published(?:\s+online)?(?:\s+on)?|Posted(?:\s+on)?|Released(?:\s+on)?"
    # ("Release date: 30 November 2023", "Date of release: …", "Publication date: …": a data page's.)
    r"|(?:Release|Publication)\s+date|Date\s+of\s+(?:release|publication)"
    # ("Streamed live on Nov 12, 2017", "Premiered Jul 30, 2021": a video page's; "Received 3 March
    # 2019; accepted 12 June 2019; published online 1 July 2019": a journal article's.)
    r"|Streamed\s+live(?:\s+on)?|Premiered(?:\s+on)?|Uploaded(?:\s+on)?|Available\s+online(?:\s+on)?"
    # ("12,345 views Nov 12, 2017": a video page's count, then the day it was put out.)
    r"|[\d.,]+\s*[KkMm]?\s+views"
    # ("EMBARGOED UNTIL 10:00 CET, MONDAY 24 NOVEMBER 2014": a release speaks from the day it may
    # be published, whenever it was sent out.)
    r"|(?:Embargoed|Under\s+embargo)\s+(?:until|till)(?:\s+\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?"
    r"(?:\s*[A-Z]{2,5}(?:[+-]\d{1,2})?)?\s*,?)?)"
    r"\s*:?\s*(?P<date>.+)",
    re.IGNORECASE,
)


def _labelled_date(text: str) -> date | None:
    if len(text) > 120:
        return None
    # (Fields split by bars, semicolons or dots; "Posted 12 Nov 2017, updated 13 Nov 2017" by the
    # comma before the next label.)
    for field in re.split(
        r"[|;·]|,\s+(?=(?:last\s+)?(?:updated|modified|edited)\b)", text, flags=re.IGNORECASE
    ):
        m = _PUBLISHED_LABEL.fullmatch(field.strip().rstrip("."))
        # ("Broadcast Tuesday 5 March 2019 6:00PM": its weekday before it, its time after it.)
        found = (
            parse_full_date(_WEEKDAY_BEFORE.sub("", _TIME_AFTER.sub("", m.group("date")).strip()))
            if m
            else None
        )
        if found is not None:
            return found
    return None


# A printed page's running head, as a scan gives it: the paper's name in capitals, the day (a
# weekday before it or not) and the page's number, "BANGKOK POST 15 May 2015 3", "THE STAR,
# TUESDAY, November 24, 2015 PAGE 6", "6 THE STAR, TUESDAY, November 24, 2015".
_RUNNING_HEAD = re.compile(
    r"(?P<before>(?:PAGE\s+)?\d{1,3}\s+)?(?P<paper>[A-Z][A-Z&'’.]+(?:\s+[A-Z][A-Z&'’.]+){0,4}),?\s+"
    r"(?:(?:MON|TUES|WEDNES|THURS|FRI|SATUR|SUN)DAY,?\s+)?"
    r"(?P<date>(?:[0-3]?\d\s+[A-Z][a-z]+\.?|[A-Z][a-z]+\.?\s+[0-3]?\d,?)\s+(?:19|20)\d\d)"
    # ("… 2011 -- A4", "… 2011 | Page B2": a page in a lettered section, after a rule.)
    r"(?P<after>(?:\s*(?:--|[—–|·])\s*|\s+)(?:PAGE\s+|Page\s+|P\.\s*)?[A-H]?\d{1,3})?"
)


# A mail archive's stamp, its year after the clock: "Sat Nov 21 16:40:12 ICT 2015" (pipermail),
# "Thu Jul  2 08:12:40 2015".
_CLOCK_THEN_YEAR = re.compile(
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+)?(?P<month>[A-Z][a-z]{2,8})\.?\s+(?P<day>[0-3]?\d)\s+"
    r"\d{1,2}:\d{2}(?::\d{2})?\s+(?:[A-Z]{2,5}\s+|[+-]\d{4}\s+)?(?P<year>(?:19|20)\d\d)"
)


def _date_of_line(text: str) -> date | None:
    """The date a date line holds ("Posted on 5 May 2016", "November 14, 2022 | 12:00am")."""
    m = _DATE_LINE.match(text) if len(text) <= 80 else None
    found = parse_full_date(m.group("date")) if m else None
    if found is None:
        found = _labelled_date(text)
    if found is None and "|" in text:
        found = _masthead_date(text)
    if found is None and (stamp := _CLOCK_THEN_YEAR.fullmatch(text.strip())) is not None:
        found = parse_full_date(f"{stamp.group('day')} {stamp.group('month')} {stamp.group('year')}")
    if m and found is None:
        # "2023.05.10 Jakarta", "Thursday, 21 May 2015 - Strasbourg" (a parliament's record of a
        # sitting): the date line, then the place it was filed from.
        placed = re.fullmatch(r"(?P<date>.+?)\s+(?:[-–—]\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?", m.group("date"))
        found = parse_full_date(placed.group("date")) if placed else None
    # (The date's figures may pass for a time, "24.06.2024": read the line's end.)
    # ("Published: 24/04/2009 at 06:10 PM": or before the time it was posted at.)
    line = _TIME_AFTER.sub("", text.rstrip())
    numeric = _NUMERIC_DAY.search(line) if m and found is None else None
    if numeric is not None and numeric.end() != len(line):
        numeric = None
    if numeric is not None:
        a, b, year = int(numeric.group("a")), int(numeric.group("b")), int(numeric.group("y"))
        readings = {(year, month, day) for day, month in ((a, b), (b, a)) if month <= 12 and day <= 31}
        if len(readings) == 1:
            with contextlib.suppress(ValueError):
                found = date(*readings.pop())
    return found


RUNNING_HEAD = "running head of a printed page (a date line: the paper's day)"

# An almanac's opening: "Today is Saturday, Nov. 21, the 325th day of 2020. There are 41 days left in
# the year.": the page's day, with its year from the count of days.
_TODAY_IS = re.compile(
    rf"Today\s+is\s+(?:{_WEEKDAY_WORD},?\s+)?(?P<day>(?:{MONTH_RE})\.?\s+[0-3]?\d|[0-3]?\d\s+(?:{MONTH_RE})\.?)"
    r"(?:,?\s+(?P<year>(?:19|20)\d\d))?(?:,\s+the\s+\d{1,3}(?:st|nd|rd|th)\s+day\s+of\s+(?P<of>(?:19|20)\d\d))?\."
    r"(?:\s+There\s+(?:are|is)\s+\d{1,3}\s+days?\s+left\s+in\s+the\s+year\.)?"
)
ALMANAC_DAY = "an almanac's day line (the page's day)"


def _rule_today_is(text: str, meta: _Metadata) -> str | None:
    m = _TODAY_IS.fullmatch(text.strip()) if len(text) <= 200 and not meta.body_started else None
    year = (m.group("year") or m.group("of")) if m else None
    if m is None or year is None or (day := parse_full_date(f"{m.group('day')} {year}")) is None:
        return None
    meta.published = meta.published or day
    return ALMANAC_DAY


def _rule_running_head(text: str, meta: _Metadata) -> str | None:
    # ("6 THE STAR, TUESDAY, November 24, 2015" over the scan's next page, within the story: no
    # words of the story, and the day the paper came out.)
    head = _RUNNING_HEAD.fullmatch(text.strip())
    if head is None or _table_row(text, meta) or (found := parse_full_date(head.group("date"))) is None:
        return None
    # (A page's number, or the paper's name: not a dateline in capitals, "KUALA LUMPUR, 21 November
    # 2015", whose place is the story's.)
    paper = head.group("paper").casefold()
    numbered = head.group("before") or head.group("after")
    if not numbered and not any(o.casefold() == paper for o in meta.outlets):
        return None
    meta.published = meta.published or found
    return RUNNING_HEAD


# "MINUTES OF THE 9TH MEETING / Held on Thursday, 18 December 2008, at 2.00 pm, at the caucus
# office": a record's heading gives the day of the meeting it records, which its "this week" and
# "on Monday" count from (a later "Minutes confirmed at the meeting of …" does not move it).
_RECORD_HELD = re.compile(
    r"(?:(?i:minutes|(?:summary\s+)?record|notes)\s+(?i:of)\s+[^.:;]{0,80}?\s+)?"
    rf"(?:(?:Meeting|Session)\s+)?[Hh]eld\s+on\s+(?:{_WEEKDAY_WORD},?\s+)?(?P<date>{_FULL_DATE.pattern})(?![\w-])"
)


# Minutes set inside a page (a mail's body, a list's archive): "MINUTES - REGIONAL COORDINATION CALL"
# over "Date of call: Thursday, 8 April 2010, 14:00-15:10": what follows is of the meeting's day.
_MINUTES_WORD = re.compile(r"\b(?:MINUTES|Minutes|RECORD\s+OF|Record\s+of)\b")
_MINUTES_DAY = re.compile(
    r"^[ \t]*(?:Date(?:\s+of\s+(?:the\s+)?(?:call|meeting))?|(?:Meeting\s+)?[Hh]eld\s+on)\s*:?\s*"
    rf"(?:{_WEEKDAY_WORD},?\s+)?(?P<date>{_FULL_DATE.pattern})(?![\w-])",
    re.MULTILINE,
)


# "Record last modified: 2018-01-11" under "Issued: 12 Aug 2010" and "Record created: 2010-09-01": a
# catalogue record's fields, where the record as it stands is of its last change; the document it
# describes was issued earlier, and the record's summary may tell of what came after.
_RECORD_MODIFIED = re.compile(
    r"Record\s+(?:last\s+)?(?:modified|updated|changed)(?:\s+on)?\s*:?\s*(?P<date>[^\n]{6,40})$"
)


def _rule_date_line(text: str, meta: _Metadata) -> str | None:
    if _table_row(text, meta):
        return None  # ("Myanmar | 2017-01-16" under "Member State | Instrument of ratification deposited")
    if (record := _RECORD_MODIFIED.match(text.strip())) is not None and (
        found := _date_of_line(record.group("date")) or parse_full_date(record.group("date"))
    ):
        meta.published = found
        return "publication date line (date recorded)"
    found = _date_of_line(text)
    if found is None and not meta.prose_started and (held := _RECORD_HELD.match(text)) is not None:
        found = parse_full_date(held.group("date"))
    # ("KINGDOM OF CAMBODIA / Nation Religion King / Ministry of Interior / PRESS RELEASE / … / Siem
    # Reap, 16/11/2009": a date line under a letterhead of short lines is still the release's.)
    if found and (not meta.body_started or not meta.prose_started):
        meta.published = meta.published or found
        return "publication date line (date recorded)"
    return None


def _table_row(text: str, meta: _Metadata) -> bool:
    """A line with as many bars as the kept line before it ("Member State | Date of deposit" over
    "Myanmar | 16/01/2017"), or a numbered row ("6 | Myanmar | 16/01/2017"): a table's row, whatever
    date it holds, not the page's date line nor a comment's header."""
    bars = text.count("|")
    return bars > 0 and (bars == meta.table_bars or bool(re.match(r"\d{1,2}\s*\|", text)))


# "October 20", "Published: January 20 16:05 | Updated: January 21 09:12" (under a menu of sections),
# "Putrajaya, Thursday 27 September" (a transcript's place and day under its title): the page's day
# without its year, above the story.
_YEARLESS_DAY = (
    rf"(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day)?\.?,?\s*)?"
    rf"{DAY_AND_MONTH}"
    r"(?:\s*,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[aApP]\.?[mM]\.?)?)?"
)
# (A place before the day, "Putrajaya, Thursday 27 September", is no weekday.)
_PLACE_BEFORE = rf"(?:(?!{_WEEKDAY_WORD}\b)[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?,\s*){{1,2}}"
_BARE_YEARLESS_DAY = re.compile(rf"(?:{_PLACE_BEFORE})?{_YEARLESS_DAY}")
_YEARLESS_LINE = re.compile(
    rf"(?:(?:Posted|Published|Released|Updated)(?:\s+on)?\s*:?\s*|{_PLACE_BEFORE})?"
    rf"{_YEARLESS_DAY}|(?:[A-Za-z&]+(?:\s+[A-Za-z&]+)?\s*\|\s*)*[A-Za-z&]*\s*(?:Posted|Published)(?:\s+on)?\s*:?\s*"
    rf"{_YEARLESS_DAY}(?:\s*\|\s*(?:Last\s+)?[Uu]pdated\s*:?\s*{_YEARLESS_DAY})?"
)


# Words that count from the day a story is told: what its dateline's day, not the page's, settles.
_DAY_WORD = re.compile(r"\b(?:today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening))\b", re.I)


def _rule_yearless_date_line(text: str, meta: _Metadata) -> str | None:
    if meta.body_started or len(text) > 200:
        return None
    # (The masthead may stand over a note on the page, "(pop-on captions, prepared script plus live)".)
    masthead = re.sub(r"\s*\([^()]*\)$", "", text)
    if not _YEARLESS_LINE.fullmatch(text.strip()) and not _yearless_masthead(masthead):
        return None
    return YEARLESS_DATE_LINE


def _yearless_masthead(text: str) -> bool:
    """A masthead of labels with one yearless day among them ("CAPTION LOG | English Service | NEWS AT
    NINE | Tue 8 Oct | studio: Vientiane"): a programme's or a page's day."""
    fields = [f.strip() for f in text.split("|")]
    days = [i for i, f in enumerate(fields) if _BARE_YEARLESS_DAY.fullmatch(f)]
    return len(fields) > 2 and len(days) == 1 and _labels_beside(fields, days[0])


# "anon_lawyer | March 10, 2017 at 3:02 pm", "Mai Tran says: 21 November 2018 at 10:20": a comment's
# author (a handle or a name of a few words), then the day and time it was posted.
# The line that says who passed a post on, over its header: "🔁 Mekong Network Retweeted".
_REPOSTED_BY = r"(?:(?:🔁\s*)?[^·|\n]{2,60}?\s(?:Retweeted|Reposted|reposted)\s+)?"
_COMMENT_HEADER = re.compile(
    # (Not "Issued in Jakarta on 18 February 2014", nor a digest's numbered section "4. CARRIED OVER |
    # 20 June 2019": an author is a handle or a name, with small letters.)
    r"(?!(?:Issued|Posted|Published|Released|Updated|Dated|Signed|Adopted|Done|Printed|Accessed|Retrieved)\b)"
    r"(?!\d+[.)]\s)(?=[^|]*[a-z])"
    # ("ASEAN @ASEAN · 8 Mar 2017": a later post of a thread, or one quoted, on its own day; also
    # under the line that says who passed it on, "🔁 Mekong Network Retweeted".)
    rf"{_REPOSTED_BY}"
    r"(?P<who>[\w.@'’-]{2,30}(?:\s+[\w.@'’-]{1,20}){0,5})\s*(?:\||\bsays?:?|(?<=\w)\s·)\s*"
    r"(?P<date>[^|]{6,30}?(?:19|20)\d\d)\s*(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[aApP]\.?[mM]\.?)?)?\s*:?"
)


# A post's header by an account's handle: "ASEAN @ASEAN · 8 Mar 2017".
_POST_HEADER = re.compile(r"[^|·]*@\w+\s·")


# "7 comments:", "Comments (2)", "12 thoughts on “…”": what follows is readers' comments.
_COMMENTS_HEADING = re.compile(
    r"(?:\d+\s+)?(?:Comments?|Responses?|Replies|Reader\s+comments)(?:\s*\(\d+\))?\s*:?|\d+\s+thoughts\s+on\b.*",
    re.IGNORECASE,
)
# "Updates", "Campaign updates": what follows is a petition's or a campaign page's updates, each
# under its day: "28 January 2016 - The first two" over "Cambodia and Singapore … deposited …
# earlier this month", written that day (not a chronology's row, whose day is its event's).
_UPDATES_HEADING = re.compile(r"(?:[\w’'-]+\s+){0,2}[Uu]pdates?(?:\s+\(\d+\))?\s*:?")
_UPDATE_DAY = re.compile(rf"(?P<date>{_FULL_DATE.pattern})(?:\s*[-–—:|·]\s*[^\n]{{0,100}})?")
# A day and its month without a year, either way round: "18 November", "Nov 18".
_DAY_NO_YEAR = rf"(?:{MONTH_RE})\s+[0-3]?\d|[0-3]?\d\s+(?:{MONTH_RE})"
# "Recorded Wednesday 25 November 2015", "Recorded 18 November" on a podcast's or a broadcast's page,
# and the "Transcript" heading below which the speakers speak from that day (not the day the
# episode came out).
_RECORDED_ON = re.compile(
    rf"\bRecorded(?:\s+on)?\s*:?\s*(?:{_WEEKDAY_WORD},?\s+)?(?:(?P<full>{_FULL_DATE.pattern})|(?P<day>{_DAY_NO_YEAR})\b)"
)
# A transcript's line: its time code, "[00:12:31]", or its speaker in capitals, "HOST:", "DR LIM:".
_SPOKEN_LINE = re.compile(
    r"\s*(?:\[\d{1,2}:\d{2}(?::\d{2})?\]|\(\d{1,2}:\d{2}(?::\d{2})?\)|[A-Z][A-Z.'’ -]{1,30}:\s)"
)
_TRANSCRIPT_HEADING = re.compile(
    r"(?:(?:Full|Episode|Interview|Edited)\s+)?[Tt]ranscript(?:\s+of\s+the\s+\w+)?\s*:?"
)
# "November 23, 2024 at 11:40 AM" closing a comment (as blogs print it, on the comment's last line).
_STAMP_LINE = re.compile(
    rf"(?:^|(?<=\s))(?:{_FULL_DATE.pattern})\s*(?:,?\s*(?:at\s+)?\d{{1,2}}[:.]\d{{2}}\s*(?:[aApP]\.?[mM]\.?)?)?\s*$"
)


# A time counted back from the reading: "2 days ago", "9h", "3 mo".
_AGE = (
    r"(?P<n>\d+|an?|one)\s*(?P<unit>s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|"
    r"mo|months?|y|yrs?|years?)\.?"
)
# "u/kl_policy_nerd · 2 days ago", "SEA Wire Live @seawire_live · 9h": a post's or a comment's header
# whose time counts back from when the page was read: the page's date, less that time.
# (Also "Update #3 | 14 days ago", a campaign page's update: after a bar, only an age that says "ago".)
_STAMP_HEADER = re.compile(
    r"(?P<who>[^·|.!?]{2,60}?(?:\s·\s[^·.!?]{2,60}?)*)(?:\s·|\s(?P<bar>\|))\s"
    rf"(?:{_AGE}(?(bar)\s+ago|(?:\s+ago)?)|(?(bar)(?!)|just now)|(?P<word>[Yy]esterday|[Tt]oday))(?=\s|$)"
)
# "Replying to @thaimfa_news_en", "Replying to @a and @b": the line a feed puts over a reply.
_REPLYING_TO = re.compile(r"Replying to @\w+(?:(?:,\s*|\s+and\s+)@\w+)*(?:\s+and\s+\d+\s+others?)?")
# "KDN Malaysia (English) @kdn_media_en · Jul 2": a post's header by an account's handle, with the
# post's day and no year (also under "🔁 … Retweeted").
_YEARLESS_POST_HEADER = re.compile(
    rf"{_REPOSTED_BY}"
    rf"[^·|\n]{{0,60}}@\w+\s·\s(?P<day>{DAY_AND_MONTH})(?=\s|$)"
)
# Days in each unit of a header's time, at the least and the most ("2 days ago" is two days back,
# as readers count; "3 months ago", some 90 days). Hours may cross midnight; minutes are taken not to.
_STAMP_DAYS = {"d": (1, 1), "w": (7, 7), "mo": (28, 31), "y": (365, 366)}


def _stamp_ago(m: re.Match[str]) -> tuple[int, int]:
    """How many days before the reading a header's time is ("2 days ago": 2; "9h": 0 to 1)."""
    if m.group("n") is None:
        # ("Inquirer · Yesterday": the day before the reading.)
        return (1, 1) if (m.group("word") or "").casefold() == "yesterday" else (0, 0)
    n = int(m.group("n")) if m.group("n").isdigit() else 1
    unit = m.group("unit").lower()
    key = "mo" if unit.startswith("mo") else unit[0]
    if key == "h":
        return (n // 24, n // 24 + 1)
    if key in ("s", "m"):
        # ("38m": that day, or the day before, read just after midnight.)
        return (0, 1) if n else (0, 0)
    low, high = _STAMP_DAYS[key]
    if key in ("y", "mo"):
        # ("2 yr. ago": two whole years or more, not three; a site floors its ages.)
        return (n * low, (n + 1) * high - 1)
    return (n * low, n * high + (high - 1 if key == "w" else 0))


# An e-mail's header block, at the top of a page or over a message forwarded in it: "From: … / Sent:
# Tuesday, November 24, 2015 9:12 AM / To: … / Subject: …", under "---------- Forwarded message".
_MESSAGE_FIELD = re.compile(
    r"\s*(?:>\s*)*(?P<field>From|Sent|Date|To|Cc|Bcc|Subject|Reply-To)\s*:\s*(?P<value>.*)", re.I
)
_FORWARD_MARK = re.compile(
    r"\s*(?:>\s*)*(?:-{2,}\s*(?:Forwarded message|Original Message)\s*-{2,}|Begin forwarded message:)\s*",
    re.I,
)
# "On Mon, 16 Nov 2015 at 10:02, Programme Team <team@example.org> wrote:": a quoted message's day.
_WROTE = re.compile(
    r"(?:>\s*)*On\s+(?P<date>[^\n]{2,40}?(?:19|20)\d\d(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?)?)"
    r",?\s+[^\n]{1,80}?\s+wrote:"
)
_REPLY_MARKS = re.compile(r"^(?:\s*(?:re|fw|fwd|aw|tr)\s*:\s*)+", re.I)
_CLOCK_AFTER = re.compile(
    r",?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:[+-]\d{4}|\(?[A-Z]{2,5}\)?|GMT[+-]?\d*)?\s*$"
)


def message_day(value: str) -> date | None:
    """The day of a message's "Sent:" or "Date:" field ("Tue, 3 Nov 2015 09:12:33 +0700")."""
    return parse_full_date(_WEEKDAY_BEFORE.sub("", _CLOCK_AFTER.sub("", value.strip())))


def _message_lines(raw: str) -> list[re.Match[str] | None] | None:
    """The paragraph's lines as an e-mail header's fields (None for a forwarding mark), when every
    line is one (see _MESSAGE_FIELD)."""
    if len(raw) > 600 or not (":" in raw or "---" in raw):
        return None
    out: list[re.Match[str] | None] = []
    for line in raw.splitlines():
        if not line.strip():
            continue
        if _FORWARD_MARK.fullmatch(line):
            out.append(None)
            continue
        if (m := _MESSAGE_FIELD.fullmatch(line)) is None:
            return None
        out.append(m)
    return out or None


def _message_headers(
    text: str, paragraphs: list[tuple[int, int]]
) -> dict[int, tuple[date | None, str | None]]:
    """The paragraphs (by start) that make e-mail headers, with the day and the subject each gives:
    a paragraph of two fields or more, or a run of paragraphs of one field each (a line each,
    "Sent: …", "To: …")."""
    lines = [_message_lines(text[a:b]) for a, b in paragraphs]
    out: dict[int, tuple[date | None, str | None]] = {}
    for i, (a, _) in enumerate(paragraphs):
        found = lines[i]
        if found is None:
            continue
        alone = len(found) < 2 and not (i > 0 and lines[i - 1]) and not (i + 1 < len(lines) and lines[i + 1])
        if alone:
            continue
        days = [
            d
            for m in found
            if m is not None
            and m.group("field").lower() in ("sent", "date")
            and (d := message_day(m.group("value")))
        ]
        subject = next(
            (m.group("value") for m in found if m is not None and m.group("field").lower() == "subject"), None
        )
        out[a] = (days[0] if days else None, subject)
    return out


# "By Ma. Teresa Dizon-Reyes" and, on the next line of the same paragraph, "November 14, 2022 | 12:00am".
_BYLINE = re.compile(r"^By\s+[A-Z][\w.'’-]*(?:\s+[A-Za-z][\w.'’-]*){0,6}")


# "Dewi Anggraini (The Jakarta Post)": a name and, in brackets, the outlet, as a byline.
_OUTLET_BYLINE = re.compile(r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,4}\s+\([A-Z][^()]{2,40}\)")
_BYLINE_ONLY = re.compile(r"By\s+[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|bin|binti|de|van|la|dan))*\s*")


def _rule_byline_date(text: str, meta: _Metadata) -> str | None:
    """A byline followed by the date line, before the story: the date is the article's."""
    m = (
        (_BYLINE.match(text) or _OUTLET_BYLINE.match(text))
        if not meta.body_started and len(text) <= 140
        else None
    )
    if m is None:
        return None
    if _BYLINE_ONLY.fullmatch(text) or m.end() == len(text.rstrip()):
        # "By Nurul Aina Hashim" above "KUALA LUMPUR, July 2 (Bernama) --": the story (and its
        # dateline) is still to come.
        return "byline"
    # The name's last word is not known: try each split, the shortest name first.
    for cut in (x.start() for x in re.finditer(r"\s+", text[: m.end() + 1]) if x.start() > 3):
        found = _date_of_line(text[cut:].strip(" |,"))
        if found:
            meta.published = meta.published or found
            return "byline and publication date line (date recorded)"
    return None


NAVIGATION_LABEL = "navigation label"


def _rule_label(text: str, meta: _Metadata) -> str | None:
    return NAVIGATION_LABEL if _is_label(text) else None


def _rule_title(text: str, meta: _Metadata) -> str | None:
    if meta.body_started or meta.title is not None:
        return None
    # (A clause of a legal text ends with ";": "WHEREAS the Convention was signed …;" is no headline.)
    # (Nor is a post whose hashtags follow its sentence: "… signed the Convention today. #ACTIP")
    if len(text) <= 200 and len(text.split()) >= 3 and not re.search(rf"[.!?;]{_HASHTAGS}\s*$", text):
        meta.title = text
        # ("Situation Report No. 7 (as of 30 June 2015)": a report's title with the day it is as of.)
        as_of = _AS_OF.search(text)
        if as_of is not None and (day := parse_full_date(as_of.group("date"))) is not None:
            meta.published = meta.published or day
        return "title line (kept as the document title)"
    return None


_AS_OF = re.compile(r"\bas\s+(?:of|at)\s+(?P<date>[^()|;,]{6,25}?(?:19|20)\d\d)\b", re.IGNORECASE)


PARAGRAPH_RULES: tuple[ParagraphRule, ...] = (
    _rule_cable_header,
    _rule_today_is,
    _rule_tagline,
    _rule_wire_note,
    _rule_engagement,
    _rule_box,
    _rule_republished,
    _rule_accessed,
    _rule_last_edited,
    _rule_revision_as_of,
    _rule_delivered,
    _rule_duplicate,
    _rule_link_list,
    _rule_source_line,
    _rule_running_head,
    _rule_date_line,
    _rule_yearless_date_line,
    _rule_byline_date,
    _rule_label,
    _rule_title,
)


def _strip_signoff(
    para: Paragraph, outlets: Mapping[str, str]
) -> tuple[Paragraph, DroppedSpan | None, str | None]:
    """Remove an agency sign-off ("-VNA", "/.") from the end of a paragraph."""
    text = para.text
    m = _signoff(text)
    if m and m.group("agency") in outlets and (m.group("sep").strip() or text[: m.start()].endswith(".")):
        cut = m.start()
        if text[:cut].endswith("/."):
            cut -= 1
        start, end = para.span(cut, len(text))
        return _truncate(para, cut), DroppedSpan(start, end, "agency sign-off"), outlets[m.group("agency")]
    s = _SLASH_DOT.search(text)
    if s:
        start, end = para.span(s.start(), len(text))
        return _truncate(para, s.start()), DroppedSpan(start, end, "agency sign-off"), None
    return para, None, None


def _signoff(text: str) -> re.Match[str] | None:
    """_SIGNOFF's match, looked for in the paragraph's tail: a sign-off is a few characters long,
    and scanning only the tail keeps long paragraphs cheap. A match that reaches the tail's start
    may go on further left, so then the whole text decides."""
    tail = max(0, len(text) - _SIGNOFF_TAIL)
    m = _SIGNOFF.search(text, tail)
    return _SIGNOFF.search(text) if m is not None and m.start() == tail and tail > 0 else m


_SIGNOFF_TAIL = 40


def _truncate(para: Paragraph, cut: int) -> Paragraph:
    text = para.text[:cut].rstrip()
    return replace(para, text=text, end=para.to_original(len(text) - 1) + 1 if text else para.start)


class _UnusableYaml(Exception):
    """YAML that does not parse, or that yamlsafe refuses."""


def _safe_yaml(text: str) -> Any:
    """yaml.safe_load, once yamlsafe has found no alias (a YAML bomb), deep nesting or tag."""
    # Imported here: few articles have front matter or a sidecar, and a build whose articles all
    # come from the cache reads none, so it need not pay for loading a YAML parser.
    import yaml

    from tipbrief.common.yamlsafe import parse_yaml

    problems = parse_yaml(text, "").problems
    if problems:
        raise _UnusableYaml(problems[0].message)
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as err:
        raise _UnusableYaml(str(err)) from None


def parse_front_matter(text: str) -> tuple[dict[str, Any], int, str | None]:
    """YAML front matter between '---' lines at the very top: its data, where the body starts, and
    why it could not be used (then its fields are ignored, and it is still not article text)."""
    m = re.match(r"---[ \t]*\n(.*?\n)---[ \t]*\n", text, re.DOTALL)
    if not m:
        return {}, 0, None
    try:
        data = _safe_yaml(m.group(1))
    except _UnusableYaml as err:
        reason = str(err).splitlines()[0] if str(err) else "not valid YAML"
        return {}, m.end(), f"front matter is not usable ({reason}); its fields were ignored, fix it"
    if not isinstance(data, dict):
        return (
            {},
            m.end(),
            "front matter is not a mapping of keys such as 'published:'; its fields were ignored",
        )
    return data, m.end(), None


def _meta_date(value: object) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return parse_full_date(value)
    return None


def parse_article(
    doc_id: str,
    path: str,
    text: str,
    outlets: Mapping[str, str],
    meta: Mapping[str, Any] | None = None,
    meta_path: str | None = None,
) -> Article:
    """Pure: turn one article's text (and optional sidecar metadata, read from ``meta_path``) into an
    Article."""
    front, body_at, front_problem = parse_front_matter(text)
    given = {**(meta or {}), **front}
    dated_by = next((k for k in ("published", "date") if given.get(k)), None)
    published_from = (
        f"{meta_path}:{dated_by}"
        if meta_path and dated_by and dated_by not in front and _meta_date(given[dated_by])
        else None
    )
    state = _Metadata(outlets=outlets, seen={})
    kept: list[Paragraph] = []
    dropped: list[DroppedSpan] = []
    if body_at:
        front_reason = (
            "front matter (unusable, ignored)" if front_problem else "front matter (metadata recorded)"
        )
        dropped.append(DroppedSpan(0, body_at, front_reason))
    dateline_place: str | None = None
    dateline_date: date | None = None
    dateline_span: tuple[int, int] | None = None
    # (A table whose columns are apart by spaces is read as one split by bars, and a box of fields so
    # apart as one with colons: same offsets.)
    celled = spaced_box_fields(spaced_table_bars(text))
    listed_items = _listing_items(celled)
    paragraphs = list(split_paragraphs(celled, listed_items))
    message_headers = _message_headers(text, paragraphs)
    chat, day_first = chat_export_order(celled)
    channel = _channel_log(celled)
    after_address = titled = False
    items = _feed_items(celled) if "<" in celled else []
    heading_year: int | None = None
    under_heading = under_entry = False
    section = ""
    # (The days the comment or message the paragraph is part of was written: one, or two readings.)
    comment_days: tuple[date, date] | None = None
    posted_day: str | None = None
    # A page that opens with a post is a feed or a thread: its date is its newest post's.
    feed = False
    post_days: list[date] = []
    yearless_posts: list[tuple[int, str]] = []
    told_from_reading = False
    stamp_ago: tuple[int, int] | None = None
    in_comments = False
    # One paragraph that opens with a date is a release's date line; several make a timeline.
    entries = sum(1 for a, b in paragraphs if b > body_at and _TIMELINE_OPENING.match(text, a, b))
    # (Several paragraphs that open with a day and a dash are a timeline's entries, not a dateline.)
    yearless_ledes = sum(1 for a, b in paragraphs if b > body_at and _YEARLESS_LEDE.match(text, a, b))
    # (Two entries or more under such days make a diary. Not a programme's days over its times, nor
    # a week ahead's days over what is to come: a diary's entries tell what happened "today".)
    entries_prose = [
        prose
        for i, (_, b) in enumerate(paragraphs)
        if b > body_at and (prose := _diary_prose(celled, paragraphs, i))
    ]
    diary = (
        len(entries_prose) >= 2
        and any(_TOLD_THAT_DAY.search(p) for p in entries_prose)
        and len(_CLOCK_ROW.findall(celled)) < 2
    )
    diary_days: list[tuple[re.Match[str], date | str]] = []
    # (Where a heading of minutes was kept: the day of their meeting may follow it.)
    minutes_at: int | None = None
    recorded = _RECORDED_ON.search(celled)
    takes = len(_TAKE_LABEL.findall(celled)) >= 2
    recorded_on = parse_full_date(recorded.group("full")) if recorded and recorded.group("full") else None
    recorded_day = recorded.group("day") if recorded and not recorded.group("full") else None
    # (Two items or more with their source's day make a digest.)
    # (Every stamp has a bracket before a colon, or "Source": a text with neither is no digest.)
    item_stamps = (
        [m for a, b in paragraphs if (m := _item_source(" ".join(celled[a:b].split())))]
        if "Source" in celled or re.search(r"\)\s*:", celled)
        else []
    )
    digest = len(item_stamps) >= 2
    digest_readers = _digest_readers(item_stamps) if digest else None
    item_from = 0
    captured = _CAPTURED_ON.search(celled, 0, 400)
    captured_on = parse_full_date(captured.group("date")) if captured else None
    listed_from = 0
    for start, end in paragraphs:
        if end <= body_at:
            continue
        start = max(start, body_at)
        para = clean_text(celled[start:end], start)
        if not para.text:
            continue
        body = _BULLET.sub("", para.text, count=1)
        bulleted = body != para.text
        if bulleted:
            para = _drop_prefix(para, len(para.text) - len(body))
        state.position = para.start
        state.bulleted = bulleted
        if (
            digest
            and (stamp := _item_source(para.text)) is not None
            and (item_days := _item_days(stamp, digest_readers)) is not None
        ):
            dropped.append(
                DroppedSpan(
                    para.to_original(stamp.start()), para.to_original(stamp.end() - 1) + 1, COMMENT_HEADER
                )
            )
            if stamp.start() == 0 and stamp.end() >= len(para.text.rstrip()):
                # (A source line of its own: of the item's paragraphs above it, up to the last such
                # line, or three at most.)
                for i in range(max(item_from, len(kept) - 3), len(kept)):
                    kept[i] = _written_on(kept[i], item_days)
                item_from = len(kept)
                continue
            para = _truncate(para, stamp.start()) if stamp.start() > 0 else _drop_prefix(para, stamp.end())
            para = _written_on(para, item_days)
            item_from = len(kept) + 1
        if (listed := listed_items.get(para.start)) is not None:
            # ("Malaysian delegation at …" / "Date: 2018-10-31  |  Type: News" / "A delegation … took part
            # …", "US report lifts Malaysia from lowest tier" / "Capitol Wire - Jul 28, 2015" /
            # "WASHINGTON - The State Department released … on Monday …": a listing's item, its snippet
            # of the item's day (or either of its two readings), or as old as its age, or of its day
            # without a year. A listing with date lines is as of its newest item.)
            comment_days, stamp_ago, posted_day = listed.days, listed.ago, listed.posted
            if listed.reason == ITEM_DATE_LINE:
                feed = True
                if listed.days is not None and listed.days[0] == listed.days[1]:
                    post_days.append(listed.days[0])
            _drop_headline(kept, dropped, text, para.start, listed_from)
            dropped.append(DroppedSpan(para.start, para.end, listed.reason))
            listed_from = para.end
            continue
        if start in message_headers:
            # (What follows, to the next header, is that message's, written on the day its header
            # gives; the first message's day is the page's.)
            sent, subject = message_headers[start]
            if sent is not None:
                comment_days, stamp_ago, posted_day = (sent, sent), None, None
                state.published = state.published or sent
            # (The first message's subject is the page's title: "Subject: FW: Convention signed".)
            if state.title is None and subject:
                state.title = _REPLY_MARKS.sub("", subject).strip() or None
            dropped.append(DroppedSpan(para.start, para.end, MESSAGE_HEADER))
            continue
        wrote = _WROTE.match(para.text)
        # (A line of its own, as a mail program writes it: not "On 21 November 2015, the ministers
        # wrote: …" in a story.)
        if (
            wrote is not None
            and (quoted := message_day(wrote.group("date"))) is not None
            and (cut := _after_own_line(text, para, wrote.end())) is not None
        ):
            comment_days, stamp_ago, posted_day = (quoted, quoted), None, None
            dropped.append(DroppedSpan(para.start, para.to_original(wrote.end()), MESSAGE_HEADER))
            if cut == len(para.text):
                continue
            para = _drop_prefix(para, cut)
        if state.body_started and _COMMENTS_HEADING.fullmatch(para.text.strip()):
            in_comments = True
        elif in_comments and (stamp_line := _STAMP_LINE.search(para.text.rstrip())):
            # (Under "7 comments:", "November 23, 2024 at 11:40 AM" is when a reader wrote, after the
            # page: never a date the page reports.)
            cut = stamp_line.start()
            dropped.append(DroppedSpan(para.to_original(cut), para.end, COMMENT_STAMP))
            if not para.text[:cut].strip():
                continue
            para = replace(para, end=para.to_original(cut), text=para.text[:cut].rstrip())
        header = _COMMENT_HEADER.match(para.text) if not _table_row(para.text, state) else None
        if header is not None and not state.body_started and not _POST_HEADER.match(header.group()):
            # (Above the story, "By Jane Doe | 3 March 2019" is its byline; "Thai ASEAN Watch
            # @thai_asean_watch · Jul 30, 2020" heads the first post of a feed, as below it.)
            header = None
        if header is not None and (posted := parse_full_date(header.group("date"))) is not None:
            # "bkk_outreach | November 21, 2018 at 10:20 am": a reader's comment below the story, written
            # that day; what follows, to the next header, is the comment's (on the header's own line
            # or below it).
            end_at = len(header.group().rstrip())
            if (cut := _after_own_line(text, para, end_at)) is not None:
                comment_days = (posted, posted)
                stamp_ago = posted_day = None
                is_post = bool(_POST_HEADER.match(header.group()))
                feed = feed or (is_post and not state.body_started)
                if feed and is_post:
                    post_days.append(posted)
                dropped.append(DroppedSpan(para.start, para.to_original(end_at), COMMENT_HEADER))
                if cut == len(para.text):
                    continue
                para = _drop_prefix(para, cut)
        elif (
            header is None
            and ("·" in para.text[:200] or "|" in para.text[:200])
            and (stamp := _STAMP_HEADER.match(para.text))
            # (Not an episode's length after its day, "Published 7 December 2015 · 41 min": a line
            # dated in full gives no age.)
            and not _FULL_DATE.search(stamp.group("who"))
        ):
            end_at = stamp.end()
            if (cut := _after_own_line(text, para, end_at)) is not None:
                # (What follows is a post of its own, that many days before the page's date: not the
                # comment above's day.)
                comment_days = None
                stamp_ago = _stamp_ago(stamp)
                if captured_on is not None:
                    # (On a web archive's copy, "· 2 yr. ago" counts back from the day the copy was
                    # taken, not from the page's date, which its own post may give.)
                    low, high = stamp_ago
                    comment_days = (captured_on - timedelta(days=high), captured_on - timedelta(days=low))
                    stamp_ago = None
                dropped.append(DroppedSpan(para.start, para.to_original(end_at), STAMP_HEADER))
                if cut == len(para.text):
                    continue
                para = _drop_prefix(para, cut)
        elif header is None and "·" in para.text[:200] and (post := _YEARLESS_POST_HEADER.match(para.text)):
            end_at = post.end()
            if (cut := _after_own_line(text, para, end_at)) is not None:
                # (What follows is that post's, of its day; the post a page opens with is the page's
                # day, its year from the other clues, as a date line without a year is.)
                comment_days, stamp_ago, posted_day = None, None, post.group("day")
                feed = feed or not state.body_started
                if feed:
                    yearless_posts.append((len(dropped), posted_day))
                dropped.append(DroppedSpan(para.start, para.to_original(end_at), POSTED_HEADER))
                if cut == len(para.text):
                    continue
                para = _drop_prefix(para, cut)
        if channel and _SENDER_LINE.fullmatch(para.text.strip()):
            # ("Ana Reyes  9:14 AM" over a message in a Slack or Teams channel: who sent it, when that
            # day; no words of the message, nor a title.)
            dropped.append(DroppedSpan(para.start, para.end, CHANNEL_SENDER))
            state.body_started = True
            continue
        if channel and (separator := _DAY_SEPARATOR.fullmatch(para.text.strip())) is not None:
            # ("Saturday, November 21st" over the day's messages: each of that day, in the year the
            # page's clues give; the log is as of its newest day, as a feed is. "Today" and
            # "Yesterday" count back from the page's date.)
            if separator.group("word") or separator.group("weekday"):
                comment_days = None
                word = separator.group("word")
                stamp_ago = (0, 0) if word == "Today" else (1, 1) if word else (2, 6)
                posted_day = separator.group("weekday")
                # (The log is as of the day it was copied, so no post above these with a day and no
                # year is its newest: a pinned one is older.)
                told_from_reading = True
                dropped.append(DroppedSpan(para.start, para.end, DAY_SEPARATOR))
            else:
                comment_days, stamp_ago, posted_day = None, None, separator.group("day")
                feed = True
                yearless_posts.append((len(dropped), posted_day))
                dropped.append(DroppedSpan(para.start, para.end, POSTED_HEADER))
            continue
        if (
            diary
            and (first_line := _opening_line(text, para))
            and (diary_entry := _diary_entry(first_line)) is not None
            and (cut := _after_own_line(text, para, len(first_line))) is not None
        ):
            # (Each entry of its day; the diary is as of its newest, whose year the page's clues give.)
            feed = True
            entry_day = _entry_day(diary_entry, diary_days)
            if isinstance(entry_day, date):
                comment_days, stamp_ago, posted_day = (entry_day, entry_day), None, None
                post_days.append(entry_day)
            elif entry_day is not None:
                comment_days, stamp_ago, posted_day = None, None, entry_day
                yearless_posts.append((len(dropped), posted_day))
            dropped.append(DroppedSpan(para.start, para.to_original(len(first_line)), POSTED_HEADER))
            if cut == len(para.text):
                continue
            para = _drop_prefix(para, cut)
        if items and (tag := _MARKUP_LINE.match(para.text)) is not None:
            # ("<item>" / "<title>Regional workshop …</title>" / "<pubDate>Sat, 21 Nov 2015 …</pubDate>":
            # a feed saved as text. Each item is of its own day, which its "today" counts from; the
            # feed is as of its newest item; the markup is no words of it.)
            closing = re.search(rf"</{re.escape(tag['tag'])}>\s*$", para.text)
            inner = para.text[tag.end() : closing.start() if closing else len(para.text)]
            if tag["close"] or not inner.strip() or _ITEM_DATE.fullmatch(para.text.strip()):
                # (The item's day, a date line of the item's: its date stays among the page's.)
                dated = _ITEM_DATE.fullmatch(para.text.strip()) is not None
                dropped.append(DroppedSpan(para.start, para.end, ITEM_DATE_LINE if dated else MARKUP))
                continue
            dropped.append(DroppedSpan(para.start, para.to_original(tag.end()), MARKUP))
            if closing is not None:
                para = _truncate(para, closing.start())
            para = _drop_prefix(para, tag.end())
            if (item_day := next((d for a, b, d in items if a <= para.start < b), None)) is not None:
                comment_days, stamp_ago, posted_day = None, None, None
                para = replace(para, written=item_day)
                feed = True
                post_days.append(item_day)
        if "." in para.text and _RESULT_ADDRESS.fullmatch(para.text.strip()):
            # (A search result's address: what follows is another result, no message's or post's.)
            comment_days, stamp_ago, posted_day = None, None, None
            after_address = True
            dropped.append(DroppedSpan(para.start, para.end, RESULT_ADDRESS))
            continue
        snippet = _SNIPPET_STAMP.match(para.text) if after_address else None
        if snippet is not None:
            # ("24 Nov 2015 — A regional meeting … opened in Bangkok yesterday ...": the snippet is of
            # its stamp's day, or as old as its age, and its "yesterday" counts from it.)
            if snippet.group("date"):
                if (said := parse_full_date(snippet.group("date"))) is not None:
                    para = replace(para, written=said)
            else:
                para = replace(para, ago=_stamp_ago(snippet))
            if titled:
                _drop_headline(kept, dropped, text, para.start, 0)
            dropped.append(DroppedSpan(para.start, para.to_original(snippet.end()), SNIPPET_STAMP))
            para = _drop_prefix(para, snippet.end())
        # (A line under the address that is no snippet may be the result's title: one more line.)
        titled = after_address and snippet is None and not titled
        after_address = titled
        # ("[21/11/2015, 12:30:02] Budi: … signed today": a chat export's message, written on its
        # stamp's day; the export is as of its newest message. A stamp whose order no stamp tells,
        # "[02/04/2012 19:02:11]", was written on one of its two readings: 4 February or 2 April.)
        if (
            chat
            and (stamp := _CHAT_STAMP.match(para.text)) is not None
            and (stamped := _chat_day(stamp, day_first)) is not None
        ):
            feed = True
            if isinstance(stamped, date):
                comment_days, stamp_ago, posted_day = (stamped, stamped), None, None
                # (Where some stamps have two readings, which is the newest is not known.)
                if day_first is not None:
                    post_days.append(stamped)
            elif isinstance(stamped, tuple):
                comment_days, stamp_ago, posted_day = stamped, None, None
            else:
                # (Without its year, a post's header without one: the newest the page's date line.)
                comment_days, stamp_ago, posted_day = None, None, stamped
                yearless_posts.append((len(dropped), stamped))
            # (With its sender: "Ana Reyes: ", no words of the message.)
            senders = _CSV_SENDER if stamp.group().endswith(",") else _CHAT_SENDER
            sender = senders.match(para.text, stamp.end())
            cut = sender.end() if sender else stamp.end()
            dropped.append(DroppedSpan(para.start, para.to_original(cut), CHAT_STAMP))
            if cut >= len(para.text):
                continue
            para = _drop_prefix(para, cut)
            # (A message is the export's body, never its title.)
            state.body_started = True
        if takes and _TAKE_LABEL.match(para.text) and not _TAKE_STAMP.match(para.text):
            # ("[TAKE 2] UPDATE 1-ASEAN leaders adopt … (Updates with adoption)": a take's label and
            # headline, no words of its story; its day is on the line below.)
            dropped.append(DroppedSpan(para.start, para.end, COMMENT_HEADER))
            continue
        if (heading := _dated_heading(para.text, takes)) is not None:
            # ("(cur | prev) 18:40, 22 November 2015 Editor3 (talk | contribs) … (Signed yesterday in
            # Kuala Lumpur)", "## v2.1 (3 March 2017)" over "- Added …, announced today": a revision's
            # summary, a version's entries, a take of a wire story, are of its day; the page, of its
            # newest.)
            comment_days, stamp_ago, posted_day = (heading[0], heading[0]), None, None
            feed = True
            post_days.append(heading[0])
            dropped.append(DroppedSpan(para.start, para.to_original(heading[1]), COMMENT_HEADER))
            rest = para.text[heading[1] :]
            if not rest.strip():
                continue
            para = _drop_prefix(para, len(para.text) - len(rest.lstrip()))
        block = text[para.start : para.end]
        if _MINUTES_WORD.search(block, 0, 300):
            minutes_at = len(kept)
        if (
            minutes_at is not None
            and len(kept) - minutes_at <= 2
            and (minutes := _MINUTES_DAY.search(block)) is not None
            and (held_on := parse_full_date(minutes.group("date"))) is not None
        ):
            if comment_days is None and not state.prose_started:
                # (Heading the page: its date line.)
                state.published = state.published or held_on
            else:
                # (Inside a message: of their meeting's day, not the day the message was sent.)
                comment_days, stamp_ago, posted_day = (held_on, held_on), None, None
            minutes_at = None
        if (
            section
            and _UPDATES_HEADING.fullmatch(section)
            # (The day and the update's heading, a line of their own.)
            and (first_line := _opening_line(text, para))
            and (update := _UPDATE_DAY.fullmatch(first_line)) is not None
            and (update_day := parse_full_date(update.group("date"))) is not None
            and (cut := _after_own_line(text, para, len(first_line))) is not None
        ):
            comment_days, stamp_ago, posted_day = (update_day, update_day), None, None
            dropped.append(DroppedSpan(para.start, para.to_original(len(first_line)), COMMENT_HEADER))
            if cut == len(para.text):
                continue
            para = _drop_prefix(para, cut)
        if (
            "(talk" in para.text.lower()
            and (signed := _TALK_SIGNATURE.search(para.text)) is not None
            and (said := parse_full_date(signed.group("date"))) is not None
        ):
            # ("… was inaugurated yesterday in Ha Noi. Editor1 (talk) 09:00, 8 April 2010 (UTC)": a
            # talk page's comment, signed at its end, is of its signature's day; the page, of its
            # newest comment.)
            feed = True
            post_days.append(said)
            cut = signed.start()
            dropped.append(DroppedSpan(para.to_original(cut), para.end, COMMENT_HEADER))
            if not para.text[:cut].strip():
                continue
            para = replace(para, end=para.to_original(cut), text=para.text[:cut].rstrip(), written=said)
            comment_days, stamp_ago, posted_day = None, None, None
        if state.body_started and "views" in para.text and (clip := _VIDEO_ITEM.fullmatch(para.text.strip())):
            # (Each clip's title, the line above, and its description below are of the clip's day:
            # "Uploaded Apr 8, 2010" over "… was inaugurated yesterday in Ha Noi".)
            when = clip.group("when").strip()
            ago = _STAMP_HEADER.fullmatch(f"clip · {when}")
            posted = None if ago else parse_full_date(_TIME_AFTER.sub("", when).strip())
            if ago is not None or posted is not None:
                comment_days = (posted, posted) if posted else None
                stamp_ago, posted_day = _stamp_ago(ago) if ago else None, None
                dropped.append(DroppedSpan(para.start, para.end, STAMP_HEADER if ago else COMMENT_HEADER))
                if (
                    kept
                    and not _SENTENCE_END.search(kept[-1].text)
                    and "\n\n" not in text[kept[-1].end : para.start]
                ):
                    kept[-1] = replace(_written_on(kept[-1], comment_days), ago=stamp_ago)
                continue
        if (reply := _REPLYING_TO.match(para.text)) is not None and (
            cut := _after_own_line(text, para, reply.end())
        ) is not None:
            # ("Replying to @thaimfa_news_en" over a reply: the feed's label, no words of the post,
            # which may open with a question, "Was the convention signed in 2014?".)
            dropped.append(DroppedSpan(para.start, para.to_original(reply.end()), REPLY_LABEL))
            if cut == len(para.text):
                continue
            para = _drop_prefix(para, cut)
        if (
            (recorded_on or recorded_day)
            and comment_days is None
            and stamp_ago is None
            and posted_day is None
            and (_TRANSCRIPT_HEADING.fullmatch(section) or _SPOKEN_LINE.match(para.text))
        ):
            # (A transcript below its heading: the speakers' "today" and "last Saturday" are of the
            # day it was recorded.)
            para = (
                _written_on(para, (recorded_on, recorded_on))
                if recorded_on
                else replace(para, posted=recorded_day)
            )
        elif comment_days is not None:
            para = _written_on(para, comment_days)
        elif stamp_ago is not None:
            # (A weekday over a channel log's posts has both: its age, and its name.)
            para = replace(para, ago=stamp_ago, posted=posted_day)
        elif posted_day is not None:
            para = replace(para, posted=posted_day)
        if (year_heading := _YEAR_HEADING.fullmatch(para.text)) is not None:
            heading_year = _heading_year(year_heading)
            under_heading, under_entry = True, False
            dropped.append(DroppedSpan(para.start, para.end, "timeline year heading (kept for its entries)"))
            continue
        if heading_year is not None:
            entry = bool(_YEARLESS_ENTRY.match(para.text))
            reach = _UNDER_ENTRY if under_entry else _UNDER_HEADING
            if entry or (under_heading and len(para.text) <= reach):
                # (Also an entry's own note on the line under it: "9 July - Brown-bag discussion" over
                # "The discussion opened with the … Report, released on 19 June": the heading goes on.)
                para = replace(para, year=heading_year)
            else:
                heading_year = None
            under_heading = under_entry = entry
        day = (
            _WEEKDAY_DATE_LINE.search(para.text) if dateline_span is None and not state.body_started else None
        )
        if (
            day is not None
            and text[para.to_original(day.start()) - 1 : para.to_original(day.start())] == "\n"
        ):
            # "LIVE: 33rd ASEAN Summit in Singapore" / "Tuesday, 13 November": a live page's or a
            # week-ahead's headline over the day it is of, on a line of its own; the year comes from
            # the clues below (written.py).
            dateline_span = para.span(day.start("date"), day.end("date"))
        reason = next((r for rule in PARAGRAPH_RULES if (r := rule(para.text, state))), None)
        if reason == NAVIGATION_LABEL and (state.body_started or state.title is not None):
            # (Under the page's title: a section's heading, not the site's menu above it.)
            if _UPDATES_HEADING.fullmatch(section) and not _UPDATES_HEADING.fullmatch(para.text):
                # ("Petition closed" after the updates: the page's own words again.)
                comment_days = None
            section = para.text
        if reason:
            dropped.append(DroppedSpan(para.start, para.end, reason))
            continue
        line = (
            _DATELINE_LINE.match(para.text)
            if state.body_started and dateline_span is None and len(kept) <= 2
            else None
        )
        if line is not None:
            # "GENEVA (ILO News) – 12 September 2022" on a line of its own, under the standfirst of a
            # press release: the place and date the article was issued.
            dateline_place = line.group("place").strip().title()
            dateline_date = parse_full_date(line.group("date"))
            dateline_span = para.span(line.start("date"), line.end("date"))
        elif (
            dateline_span is None
            and len(kept) <= 2
            and entries == 1
            and not bulleted  # ("* 23 March 2016 – Sixth conference …": a list's entry)
            and (lede := _DATED_LEDE.match(para.text))
            and (found := parse_full_date(lede.group("date")))
        ):
            cut = para.to_original(lede.end())
            dropped.append(DroppedSpan(para.to_original(0), cut, "publication date line (date recorded)"))
            state.published = state.published or found
            para = _drop_prefix(para, lede.end())
        elif (
            dateline_span is None
            and len(kept) <= 2
            and yearless_ledes == 1
            and not bulleted
            and (lede := _YEARLESS_LEDE.match(para.text))
            # (Not under a date of the page's own: the day it was printed or posted comes first.)
            and not re.search(rf"\b(?:{MONTH_RE})\b", text[: para.start])
        ):
            dateline_span = para.span(lede.start("date"), lede.end("date"))
        elif (
            dateline_span is not None
            and state.prose_started
            and (placed := _DATELINE.match(para.text)) is not None
            and placed.group("date")
            and placed.group("agency")
            and placed.group("place").isupper()
        ):
            # ("BANGKOK, May 27, 2015 (Reuters) - Officials … will meet …" below the story: an earlier
            # take of it, or another story, saved on the same page. What follows is written on its
            # own day, which dates none of its events.)
            if (take_day := parse_full_date(placed.group("date"))) is not None:
                comment_days, stamp_ago, posted_day = (take_day, take_day), None, None
            else:
                comment_days, stamp_ago, posted_day = None, None, placed.group("date")
            dropped.append(DroppedSpan(para.start, para.to_original(placed.end()), COMMENT_HEADER))
            para = _drop_prefix(para, len(para.text) - len(para.text[placed.end() :].lstrip()))
            para = _written_on(para, comment_days) if comment_days else replace(para, posted=posted_day)
        elif (
            (placed := _DATELINE.match(para.text))
            and (
                (not state.body_started and (placed.group("date") or placed.group("agency")))
                # "Nusa Dua, Bali, 7 August 2018 – Foreign Minister …" under a headline and a standfirst:
                # a dateline with its whole date, however many lines stand above it.
                or (
                    dateline_span is None
                    and len(kept) <= 2
                    and (
                        parse_full_date(placed.group("date") or "")
                        # "HA NOI, 7 April - The ASEAN Commission …" under a ministry's masthead and a
                        # headline: a wire-style dateline, its place in capitals, whose year the
                        # article's other clues give. (Not under a date of the page's own, "Saturday, 30
                        # October" or "Posted on August 24, 2023": the day it was printed or posted
                        # comes first.)
                        or (
                            placed.group("date")
                            and (placed.group("place").isupper() or placed.group("lead"))
                            and not re.search(rf"\b(?:{MONTH_RE})\b", text[: para.start])
                        )
                    )
                )
            )
        ):
            dateline_place = placed.group("place").strip().title()
            if placed.group("date"):
                # A date without its year ("Nov 21") is kept as a span: the article's other clues give
                # the year (see facts/extract/written.py).
                dateline_date = parse_full_date(placed.group("date"))
                dateline_span = para.span(placed.start("date"), placed.end("date"))
                if state.published is not None and dateline_date is None and _DAY_WORD.search(para.text):
                    # ("THE RED RIVER TIMES | … | Thursday, April 8, 2010" over "HA NOI, April 7 (VNA) -
                    # The commission was inaugurated here today": a story filed the day before the
                    # page; its "today" is its dateline's day, the page's date is the article's.)
                    para = replace(para, posted=placed.group("date"))
            # "MANILA, 14 November 2017 (PNA) –": the agency in the dateline is the outlet.
            agency = (placed.group("agency") or placed.group("lead") or "").strip()
            if not state.body_started and agency in outlets:
                state.outlet = state.outlet or outlets[agency]
        state.body_started = True
        # (A post's sentence may end in its hashtags: "… reviewed today. #ACTIP". A first line that
        # asks is a headline, "Episode 38: The convention is in force. What changes?", above the
        # line that dates the page.)
        ends = re.search(rf"([.!?;:])\s*[\"”’']?{_HASHTAGS}\s*$", para.text)
        if len(para.text) > 200 or (ends is not None and (ends.group(1) != "?" or kept)):
            state.prose_started = True
        para, signoff, outlet = _strip_signoff(para, outlets)
        if signoff:
            dropped.append(signoff)
            state.outlet = state.outlet or outlet
        state.table_bars = para.text.count("|")
        kept.append(replace(para, section=section) if section else para)
    if feed and state.published is None:
        # (Newest first, or a pinned older post above them, or a thread with its later replies: the
        # copy is as of its newest post. Without years, that post's header is the page's date line.)
        if post_days:
            state.published = max(post_days)
        elif not told_from_reading and (newest := _newest_post(yearless_posts)) is not None:
            dropped[newest] = replace(dropped[newest], reason=YEARLESS_DATE_LINE)
            # (Each older post is as many days before the page's date as the calendar puts it: "29 July"
            # under a newest "21 August", 23 days; what its "today" says of the page counts from it.)
            latest = next(day for at, day in yearless_posts if at == newest)
            kept = [
                replace(p, ago=before)
                if p.posted
                and p.ago is None
                and p.written is None
                and (before := _days_before(p.posted, latest))
                else p
                for p in kept
            ]
    document = Document(
        id=doc_id,
        path=path,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        text=text,
        title=str(given["title"]) if given.get("title") else state.title,
        published=_meta_date(given.get("published") or given.get("date")) or state.published or dateline_date,
        outlet=str(given["outlet"]) if given.get("outlet") else state.outlet,
        url=str(given["url"]) if given.get("url") else None,
        dateline_place=dateline_place,
        dropped=tuple(sorted(dropped, key=lambda d: (d.start, d.end))),
    )
    warnings = (Problem(path, 1, 1, front_problem),) if front_problem else ()
    as_of = state.edited is not None and document.published == state.edited
    return Article(document, tuple(kept), dateline_span, warnings, published_from, as_of)


# A press digest's item with the outlet and the day it was taken from, opening the item ("Matichon
# (27/11/2019): Senior officials … yesterday opened …") or closing it ("… on the eve of the 16th ASEAN
# Summit. Source: Lao Dong, 08/04/2010"): the item tells of that day's story, so its "yesterday"
# counts from it, and the day is no event's.
_DIGEST_DAY = (
    # (Either figure may be the day: "11/27/2019" is month first.)
    r"(?P<a>[0-3]?\d)[./](?P<b>[0-3]?\d)[./](?P<y>(?:19|20)\d\d)|(?P<named>(?:19|20)\d\d-[01]\d-[0-3]\d)"
)
_ITEM_SOURCE_OPENING = re.compile(
    rf"[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){{0,5}}\s*\((?:{_DIGEST_DAY})\)\s*:\s+(?=\S)"
)
_ITEM_SOURCE_CLOSING = re.compile(
    rf"(?<=[.!?\"”'’)])\s+Source\s*:\s*[^,:\n]{{2,60}},\s*(?:{_DIGEST_DAY})\s*$"
)


# (Or on a line of its own under the item: "Source: VnExpress, 08.04.2010".)
_ITEM_SOURCE_LINE = re.compile(rf"Source\s*:\s*[^,:\n]{{2,60}},\s*(?:{_DIGEST_DAY})\.?")


def _item_source(text: str) -> re.Match[str] | None:
    return (
        _ITEM_SOURCE_OPENING.match(text)
        or _ITEM_SOURCE_CLOSING.search(text)
        or _ITEM_SOURCE_LINE.fullmatch(text)
    )


def _digest_readers(stamps: list[re.Match[str]]) -> bool | None:
    """Whether a digest's days in figures read day first (True) or month first (False), or either
    way (None): the order some day's figures force ("27/11/2019"), else the one that puts its items'
    days closest together ("08/04/2010", "06/04/2010", "09/04/2010": 6-9 April, not June-September)."""
    numeric = [m for m in stamps if m.group("a")]
    if any(int(m.group("a")) > 12 for m in numeric):
        return True
    if any(int(m.group("b")) > 12 for m in numeric):
        return False
    spreads = []
    for day_first in (True, False):
        days = [_chat_day(m, day_first) for m in numeric]
        known = [d for d in days if isinstance(d, date)]
        spreads.append((max(known) - min(known)).days if known and len(known) == len(days) else None)
    dmy, mdy = spreads
    if dmy is not None and (mdy is None or dmy < mdy):
        return True
    if mdy is not None and (dmy is None or mdy < dmy):
        return False
    return None


def _item_days(m: re.Match[str], day_first: bool | None) -> tuple[date, date] | None:
    """A digest item's day, or the earlier and the later of its two readings (as a chat's stamp)."""
    day = _chat_day(m, day_first)
    if isinstance(day, date):
        return day, day
    return day if isinstance(day, tuple) else None


def _dated_heading(text: str, takes: bool = False) -> tuple[date, int] | None:
    """The day of a revision history's line, a changelog's version heading or a wire story's take
    that opens the paragraph, and where its words end."""
    patterns: tuple[re.Pattern[str], ...] = (
        _HISTORY_LINE,
        _VERSION_HEADING,
        _EPISODE_HEADING,
        _FORUM_POST,
        _NOTE_HEADING,
    )
    patterns += (_TAKE_STAMP,) if takes else ()
    for pattern in patterns:
        m = pattern.match(text)
        said = m.group("date") or m.group("bare") or m.groupdict().get("smf") if m is not None else None
        if m is not None and (day := parse_full_date(said or "")) is not None:
            return day, m.end()
    return None


# A chat export's message stamp, its day in figures and its time: "[21/11/2015, 09:14:03] Ana Reyes: …"
# (WhatsApp on a phone), "11/21/15, 9:14 PM - Ana: …" (on Android), "[21.11.2015 09:14] Ana: …".
# (Copied from the app rather than exported, without its year, in brackets: "[29/07, 08:40] Lina: …".
# With its month in words, as a phone set to English exports: "Nov 11, 2014, 8:30 PM - Aung: …".)
_CHAT_STAMP = re.compile(
    r"(?P<open>\[)?(?:(?P<a>[0-3]?\d)[/.](?P<b>[0-3]?\d)(?:[/.](?P<y>(?:19|20)?\d\d))?(?(y)|(?(open)|(?!)))"
    rf"|(?P<named>(?:{MONTH_RE})\s+[0-3]?\d,?\s+(?:19|20)\d\d|[0-3]?\d\s+(?:{MONTH_RE})\s+(?:19|20)\d\d))"
    r"(?:,\s*|,?\s+)[0-2]?\d[:.][0-5]\d(?:[:.][0-5]\d)?(?:\s*[AaPp]\.?\s?[Mm]\.?)?"
    # (Or with a colon after the time, "14/10/2013 09:20:55: Siti: …", as some exports write it.)
    r"(?::(?=\s))?"
    # (A row of a chat exported as CSV, "09/20/2017,10:42 AM,Jun,"The ACWC met …"": its fields
    # apart by commas.)
    r"(?:,(?=[^,\n]{1,40},)|\]?\s*(?:[-–]\s+)?)(?=\S)"
)
_CHAT_LINE = re.compile(rf"^{_CHAT_STAMP.pattern}", re.MULTILINE)
_CHAT_SENDER = re.compile(r"[^:\n]{1,40}?:\s+")
_CSV_SENDER = re.compile(r"[^,\n\"]{1,40},\"?")


# A search result's address line: "www.example.org › news › 2015", "https://example.org/news/asean".
_RESULT_ADDRESS = re.compile(
    # (Its name in capitals where the page's cleaning wrote them: "ASEAN-brunei.example.org/news/...".)
    r"(?:https?://)?(?:www\.)?[A-Za-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:/\S*)?(?:\s+›\s+[^›\n]{1,40})*"
)
# A search result's snippet that opens with its day or its age: "Nov 21, 2015 — KUALA LUMPUR: …",
# "3 days ago — …".
# (Or with a dot, as another engine writes it, and the day it was updated after it: "Jul 1, 2021 ·
# Updated Jul 2, 2021 · WASHINGTON - …".)
_SNIPPET_STAMP = re.compile(
    rf"(?:(?P<date>{_FULL_DATE.pattern})|{_AGE}\s+ago|(?P<word>[Yy]esterday|[Tt]oday))\s+[—–·]\s+"
    r"(?:Updated\s+[^·\n]{3,30}?\s+·\s+)?(?=\S)"
)
# A feed's markup, as an RSS or Atom file saved as text shows it: "<item>", "<title>…</title>".
_MARKUP_LINE = re.compile(r"\s*<(?P<close>/)?(?P<tag>[A-Za-z][\w:.-]*)(?:\s[^<>]*)?>")
_ITEM = re.compile(r"<(?P<tag>item|entry)\b[^>]*>(?P<body>.*?)</(?P=tag)>", re.DOTALL)
_ITEM_DATE = re.compile(
    r"<(?P<tag>pubDate|published|updated|dc:date|date)>\s*(?P<value>[^<]{6,60}?)\s*</(?P=tag)>", re.IGNORECASE
)
_RFC822_DAY = re.compile(r"(?P<d>[0-3]?\d)\s+(?P<m>[A-Z][a-z]{2})[a-z]*\.?\s+(?P<y>(?:19|20)\d\d)\b")
_ISO_DAY = re.compile(r"(?:19|20)\d\d-[01]\d-[0-3]\d")
MARKUP = "a feed's markup"
ITEM_DATE_LINE = "a feed item's date line"


def _feed_items(text: str) -> list[tuple[int, int, date]]:
    """Each item of an RSS or Atom feed saved as text, with its day ("<pubDate>Sat, 21 Nov 2015
    08:00:00 +0700</pubDate>", "<published>2015-11-21T08:00:00+07:00</published>")."""
    out = []
    for item in _ITEM.finditer(text):
        stamp = _ITEM_DATE.search(item.group("body"))
        day = _item_field_day(stamp.group("value"), None) if stamp else None
        if isinstance(day, date):
            out.append((item.start(), item.end(), day))
    return out


# A listing's item date line, a line of its own between the item's headline and its snippet:
# "Date: 2018-11-29  |  Type: Media statement", "Date: 01/14/2007     Page: A1     Words: 812",
# "pubDate: Thu, 25 Apr 2013 17:55:00 +0800" (a feed exported as fields, a line each), "Posted on
# January 27, 2016 by editor" (a blog's archive page), "Posted 19 October 2012 | News" (a site search).
_ITEM_DATE_FIELD = re.compile(
    r"(?:(?:pubDate|Date|Published|Posted)\s*:|(?:Posted|Published)(?:\s+on)?(?=\s+[\dA-Z]))\s*(?P<value>[^|\n]*?)"
    r"(?:\s+by\s+[^|\n]{1,40}?)?"
    # (Its other fields after it, "Type: News", or its section alone, "| Media releases".)
    r"(?:(?:\s*\|\s*|\s{3,})[A-Z][\w ,&/'-]{0,40}?(?:\s*:[^|\n]*?)?)*\s*"
)
_ITEM_DATE_LINE = re.compile(r"^(?:pubDate|Date|Published|Posted)\b.*$", re.MULTILINE)
_LEADING_WEEKDAY = re.compile(rf"(?:{_WEEKDAY_WORD}),?\s+")


def _item_field_day(value: str, day_first: bool | None) -> date | tuple[date, date] | None:
    """The day of a listing's item date line: "2018-11-29", "Thu, 25 Apr 2013 17:55:00 +0800",
    "01/14/2007" (read in the listing's order, or as both its readings)."""
    value = _LEADING_WEEKDAY.sub("", value.strip(), count=1)
    if (iso := _ISO_DAY.match(value)) is not None:
        return parse_full_date(iso.group())
    if (rfc := _RFC822_DAY.match(value)) is not None:
        return parse_full_date(f"{rfc['d']} {rfc['m']} {rfc['y']}")
    if (figures := re.fullmatch(_DIGEST_DAY, _TIME_AFTER.sub("", value))) is not None:
        day = _chat_day(figures, day_first)
        return day if isinstance(day, (date, tuple)) else None
    return parse_full_date(_TIME_AFTER.sub("", value))


def _listing_dates(text: str) -> dict[int, date | tuple[date, date]]:
    """Where each item date line of a listing starts, with its day: only where two lines or more
    are so dated (one is the page's own date line)."""
    lines = [
        (line.start(), m)
        for line in _ITEM_DATE_LINE.finditer(text)
        if (m := _ITEM_DATE_FIELD.fullmatch(line.group())) is not None
    ]
    figures = [
        f for _, m in lines if (f := re.fullmatch(_DIGEST_DAY, _TIME_AFTER.sub("", m["value"].strip())))
    ]
    day_first = _digest_readers(figures) if figures else None
    days = {a: day for a, m in lines if (day := _item_field_day(m["value"], day_first)) is not None}
    return days if len(days) >= 2 else {}


# A news search's result, its outlet and its day or age on the line between headline and snippet:
# "Capitol Wire - Jul 28, 2015", "Metro Courier - Oct 20", "Peninsula Daily Post - 19 hours ago".
_SOURCE_STAMP = re.compile(
    r"(?P<who>[A-Z][\w&'’.]*(?:\s+[\w&'’.]+){0,6})\s+[-–—]\s+"
    rf"(?:(?P<date>{_FULL_DATE.pattern})|(?P<day>{DAY_AND_MONTH})|{_AGE}\s+ago|(?P<word>[Yy]esterday|[Tt]oday))"
)


ITEM_HEADLINE = "a listing item's headline (as a page's title, no sentence of its text)"


def _drop_headline(kept: list[Paragraph], dropped: list[DroppedSpan], text: str, at: int, since: int) -> None:
    """Drop the headline right above a listing item's stamp at ``at`` (a line of its own, since
    ``since``): like a page's title, its present tense ("Crime ministers meet online") tells no
    time, and the snippet under it states the item's facts."""
    if (
        kept
        and kept[-1].start >= since
        and "\n\n" not in text[kept[-1].end : at]
        and len(kept[-1].text) <= 200
        and not _SENTENCE_END.search(kept[-1].text)
    ):
        dropped.append(DroppedSpan(kept[-1].start, kept[-1].end, ITEM_HEADLINE))
        kept.pop()


def _listing_stamps(text: str) -> dict[int, re.Match[str]]:
    """Where each outlet-and-day line of a news search's results starts: only where two or more
    are so stamped."""
    stamps = {
        a: m
        for a, b in _line_spans(text)
        if " - " in text[a:b] or "–" in text[a:b] or "—" in text[a:b]
        if (m := _SOURCE_STAMP.fullmatch(text[a:b].strip())) is not None
    }
    return stamps if len(stamps) >= 2 else {}


class _ListedItem(NamedTuple):
    """What a listing's stamp line between an item's headline and its snippet says of the item: its
    day (or its two readings), its age before the page's date, or its day without a year; and why the
    line is dropped."""

    days: tuple[date, date] | None
    ago: tuple[int, int] | None
    posted: str | None
    reason: str


def _listing_items(text: str) -> dict[int, _ListedItem]:
    """Where each stamp line of a listing's items starts, with what it says: its date lines ("Date:
    2018-10-31  |  Type: News") and its outlets' lines ("Capitol Wire - Jul 28, 2015")."""
    items = {
        at: _ListedItem(day if isinstance(day, tuple) else (day, day), None, None, ITEM_DATE_LINE)
        for at, day in _listing_dates(text).items()
    }
    for at, m in _listing_stamps(text).items():
        said = parse_full_date(m["date"]) if m["date"] else None
        ago = _stamp_ago(m) if not said and not m["day"] else None
        items.setdefault(at, _ListedItem((said, said) if said else None, ago, m["day"], SNIPPET_STAMP))
    return items


RESULT_ADDRESS = "a search result's address"
SNIPPET_STAMP = "a search result's stamp, the snippet's date line"


# A channel log's sender line, as Slack or Teams copies it: "Ana Reyes  9:14 AM", "Budi Santoso 10:02".
_SENDER_LINE = re.compile(
    r"[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,3}(?:\s*\(\w[^()]{0,30}\))?\s{1,4}[0-2]?\d:[0-5]\d(?:\s*[AaPp]\.?[Mm]\.?)?"
)
# A channel log's day separator: "Saturday, November 21st", "November 21st", "Today", "Yesterday".
_DAY_SEPARATOR = re.compile(
    rf"(?:{_WEEKDAY_WORD},?\s+)?(?P<day>{_DAY_NO_YEAR})(?:st|nd|rd|th)?"
    r"|(?P<word>Today|Yesterday)"
    # ("Monday": a day of the week before, as the log names those older than yesterday.)
    r"|(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
)
# "Wednesday 12 October" (or "Monday, 24 October 2011") on a line of its own over a diary's or a
# trip report's entry: the day the entry was written, its "today" that day's. ("Day 1 (Wednesday 18
# November)" over "Day 2 (Thursday)": a day counted on from the last entry whose day is given.)
_DIARY_HEADING = re.compile(
    r"(?:Day\s+(?P<n>\d{1,2})\s*(?:\(\s*|[:,–—-]\s*)?)?"
    rf"(?:(?P<weekday>{_WEEKDAY_WORD}),?(?:\s+(?:(?P<full>{_FULL_DATE.pattern})|(?P<day>{_DAY_NO_YEAR})))?)?\s*\)?"
)
CHANNEL_SENDER = "a channel log's sender line (name and time)"
DAY_SEPARATOR = "a channel log's day separator"


def _channel_log(text: str) -> bool:
    """Whether the text is a channel log copied from Slack or Teams: two sender lines or more."""
    return sum(1 for line in text.split("\n") if _SENDER_LINE.fullmatch(line.strip())) >= 2


def is_chat_export(text: str) -> bool:
    """Whether the text is a chat export: two lines or more open with a message's stamp."""
    return len(_CHAT_LINE.findall(text)) >= 2


def chat_export_order(text: str) -> tuple[bool, bool | None]:
    """Whether the text is a chat export (two or more lines open with a stamp), and whether its
    stamps are written day first (True) or month first (False): day first when one has a first
    number above 12, month first when one has a second, either with the months in words; None when
    neither or both, or when the text is no chat export. (One scan of the text for both.)"""
    lines = list(_CHAT_LINE.finditer(text))
    if len(lines) < 2:
        return False, None
    stamps = [(int(m["a"]), int(m["b"])) for m in lines if m["a"]]
    if not stamps:
        # (Months in words: the order does not matter.)
        return True, True
    day_first = any(a > 12 >= b for a, b in stamps)
    month_first = any(b > 12 >= a for a, b in stamps)
    return True, day_first if day_first != month_first else None


def _chat_day(m: re.Match[str], day_first: bool | None) -> date | tuple[date, date] | str | None:
    """The stamp's day; without its year, its day and month as words ("29 July"). In an export whose
    order no stamp tells (``day_first`` None), the earlier and the later of its two readings
    ("02/04/2012": 4 February and 2 April 2012), or its one day when both agree ("04/04/2012");
    without its year, nothing."""
    if m["named"]:
        return parse_full_date(m["named"])
    a, b = int(m["a"]), int(m["b"])
    if day_first is None:
        if m["y"] is None:
            return None
        days = sorted({d for order in (True, False) if isinstance(d := _chat_day(m, order), date)})
        return None if not days else days[0] if len(days) == 1 else (days[0], days[-1])
    day, month = (a, b) if day_first else (b, a)
    if m["y"] is None:
        return f"{day} {MONTH_NAMES[month - 1]}" if 1 <= month <= 12 and 1 <= day <= 31 else None
    y = int(m["y"])
    try:
        return date(y if y > 99 else 2000 + y, month, day)
    except ValueError:
        return None


def _written_on(para: Paragraph, days: tuple[date, date] | None) -> Paragraph:
    """The paragraph as part of a comment or message written on ``days`` (one day, or the earlier and
    the later of two readings), or of none (None)."""
    if days is None:
        return replace(para, written=None, written_until=None)
    return replace(para, written=days[0], written_until=days[1] if days[1] != days[0] else None)


def _diary_entry(line: str) -> re.Match[str] | None:
    """A diary entry's heading: a day, a weekday or a count of days, on a line of its own."""
    m = _DIARY_HEADING.fullmatch(line)
    return m if m is not None and (m.group("n") or m.group("weekday")) else None


def _diary_prose(text: str, paragraphs: list[tuple[int, int]], i: int) -> str | None:
    """The prose of a diary entry whose heading opens the ``i``-th paragraph on a line of its own:
    below it, or in the paragraph that follows (read only for such a heading)."""
    head, _, rest = text[slice(*paragraphs[i])].strip().partition("\n")
    if _diary_entry(head.rstrip()) is None:
        return None
    if not rest.strip() and i + 1 < len(paragraphs):
        rest = text[slice(*paragraphs[i + 1])]
    return rest if rest.strip() else None


_TOLD_THAT_DAY = re.compile(
    r"\b(?:[Tt]oday|[Yy]esterday|[Tt]his\s+(?:morning|afternoon|evening)|[Tt]onight|[Ll]ast\s+night)\b"
)
_CLOCK_ROW = re.compile(r"^\s*\d{1,2}[:.]\d{2}\b", re.MULTILINE)


def _entry_day(entry: re.Match[str], known: list[tuple[re.Match[str], date | str]]) -> date | str | None:
    """The day of a diary entry: its own, or counted on from the last entry whose day is known ("Day
    5" four days after "Day 1"; "Sunday" the day after "Saturday 21 November"). A day without its
    year stays a string ("18 November"); ``known`` gains the entry's day."""
    found: date | str | None = None
    if entry.group("full"):
        found = parse_full_date(entry.group("full"))
    elif entry.group("day"):
        found = entry.group("day")
    elif known:
        last, day = known[-1]
        offset = None
        if entry.group("n") and last.group("n"):
            offset = int(entry.group("n")) - int(last.group("n"))
        elif entry.group("weekday") and last.group("weekday"):
            offset = (_weekday_index(entry.group("weekday")) - _weekday_index(last.group("weekday"))) % 7 or 7
        if offset is not None and offset > 0:
            if isinstance(day, date):
                found = day + timedelta(days=offset)
            elif (of_year := _day_of_year(day, 2015)) is not None and of_year.month != 2:
                # (Counted in a common year: only across a 29 February could a leap year differ.)
                later = of_year + timedelta(days=offset)
                found = f"{later.day} {MONTH_NAMES[later.month - 1]}"
    if found is not None:
        known.append((entry, found))
    return found


def _weekday_index(name: str) -> int:
    """The index in date.weekday()'s order of a weekday's name, whole or cut short ("Thu")."""
    return next(i for i, day in enumerate(WEEKDAYS) if day.startswith(name[:3].casefold()))


def _newest_post(posts: list[tuple[int, str]]) -> int | None:
    """Which of a feed's posts, each with its day and no year (by its place among the dropped
    spans), is the newest: the latest day of the year, or, when the days lie more than half a year
    apart in the calendar, the feed crosses a new year and the newest is the latest of its first
    half ("Dec 30" and "Jan 2": Jan 2)."""
    days = []
    for at, day in posts:
        if (month_day := _month_and_day(day)) is None:
            return None
        days.append(((month_day[0] - 1) * 31 + month_day[1], at))
    if not days:
        return None
    if max(days)[0] - min(days)[0] > 183:
        days = [d for d in days if d[0] <= 183]
    return max(days)[1]


def _month_and_day(day: str) -> tuple[int, int] | None:
    """The month and the day of a day without its year ("29 July", "Jul 29")."""
    words = re.findall(r"[^\W\d_]+", day.lower())
    month = next((MONTHS[w] for w in words if w in MONTHS), None)
    number = re.search(r"\d+", day)
    return (month, int(number.group())) if month is not None and number is not None else None


def _day_of_year(day: str, year: int) -> date | None:
    """A day without its year ("29 July", "Jul 29") in ``year``."""
    if (month_day := _month_and_day(day)) is None:
        return None
    with contextlib.suppress(ValueError):
        return date(year, *month_day)
    return None


def _days_before(day: str, latest: str) -> tuple[int, int] | None:
    """How many days ``day`` (without its year) comes before ``latest``, the newest post's, at the
    least and the most (a 29 February between makes one more): "29 July" before "21 August", 23; "30
    December" before "2 January", 3 (across the new year)."""
    spans = []
    for year in (2015, 2016):  # a common year and a leap year
        first, last = _day_of_year(day, year), _day_of_year(latest, year)
        if first is None or last is None:
            return None
        if last < first:
            last = _day_of_year(latest, year + 1)
            if last is None:
                return None
        spans.append((last - first).days)
    return min(spans), max(spans)


def _opening_line(text: str, para: Paragraph) -> str:
    """The paragraph's first line as the page has it, if the paragraph's text opens with it (a
    heading over what follows); else ""."""
    line = text[para.start : para.end].split("\n", 1)[0].rstrip()
    return line if para.text.startswith(line) else ""


def _after_own_line(text: str, para: Paragraph, end_at: int) -> int | None:
    """Where the paragraph goes on after a header that ends at ``end_at``, when the header is a
    line of its own (a line break ends it, or nothing follows it in the paragraph); else None."""
    rest = re.match(r"\s*", para.text[end_at:])
    cut = end_at + (rest.end() if rest else 0)
    if cut == len(para.text) or (
        cut > end_at and "\n" in text[para.to_original(end_at) : para.to_original(cut - 1) + 1]
    ):
        return cut
    return None


def _drop_prefix(para: Paragraph, n: int) -> Paragraph:
    orig = para.to_original(n)
    rest = para.text[n:]
    breaks = tuple((c - n, o) for c, o in para.breaks if c >= n)
    if not breaks or breaks[0][0] != 0:
        breaks = ((0, orig), *breaks)
    return replace(para, start=orig, text=rest, breaks=breaks)


# --- I/O ----------------------------------------------------------------------


def document_id(path: Path, root: Path) -> str:
    """The file's path below the corpus root, without its suffix: stable and order-independent."""
    return path.relative_to(root).with_suffix("").as_posix()


def iter_article_paths(root: Path) -> list[Path]:
    return sorted(
        (p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES),
        key=lambda p: p.relative_to(root).as_posix(),
    )


@lru_cache(maxsize=16)  # resolving walks the whole path with a system call per part: once per corpus
def _folder_name(root: Path) -> str:
    return root.resolve().name


def load_article(
    path: Path, root: Path, outlets: Mapping[str, str], raw: bytes | None = None
) -> Article | Problem:
    """Read one article (and its ``.meta.yaml`` sidecar); a bad file becomes a Problem, not a crash.

    ``raw``: the file's bytes, when the caller has already read them (to hash them), so that the
    article is read from disk once.
    """
    # Shown as "<corpus folder name>/<path below it>": the same on every machine and checkout.
    shown = (Path(_folder_name(root)) / path.relative_to(root)).as_posix()
    size = path.stat().st_size if raw is None else len(raw)
    if size > MAX_ARTICLE_BYTES:
        return Problem(
            shown, 1, 1, f"article is {size} bytes, over the {MAX_ARTICLE_BYTES}-byte limit; split it"
        )
    if raw is None:
        raw = path.read_bytes()
    if not raw.strip():
        return Problem(shown, 1, 1, "article is empty; remove it or add its text")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        col = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        return Problem(
            shown, line, col, f"invalid UTF-8 at byte {err.start}; re-save the article as UTF-8 (skipped)"
        )
    if text.startswith("\ufeff"):
        text = text[1:]
    meta: dict[str, Any] = {}
    sidecar = path.with_suffix(".meta.yaml")
    sidecar_shown = Path(shown).with_suffix(".meta.yaml").as_posix()
    if sidecar.is_file():
        try:
            loaded = _safe_yaml(sidecar.read_text(encoding="utf-8"))
        except (_UnusableYaml, UnicodeDecodeError) as err:
            return Problem(sidecar.as_posix(), 1, 1, f"sidecar is not valid YAML ({err}); fix it")
        if isinstance(loaded, dict):
            meta = loaded
    return parse_article(document_id(path, root), shown, text, outlets, meta, sidecar_shown if meta else None)


def load_corpus(root: Path, outlets: Mapping[str, str]) -> Iterator[Article | Problem]:
    """Stream the articles below ``root`` in path order (one in memory at a time)."""
    for path in iter_article_paths(root):
        yield load_article(path, root, outlets)
