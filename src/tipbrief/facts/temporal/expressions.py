"""Temporal expressions in cleaned text: the alternatives in priority order, and one reader for each."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from typing import Literal

from tipbrief.common.months import WEEKDAYS
from tipbrief.common.words import sentence_words
from tipbrief.facts.corpus import BUDDHIST_ERA_OFFSET, FOREIGN_MONTHS, MONTHS

Tense = Literal["past", "present", "future"]


_ENGLISH_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)(?![^\W\d_])"
)
# A month as an ASEAN member's release writes it beside a day or a year ("12 Januari 2023", "3 Ogos
# 2019", "Hunyo 30", "5 กรกฎาคม 2562"); never alone, where "Mayo" or "Mei" may be a name.
_FOREIGN_MONTH = (
    "(?:" + "|".join(sorted((n.capitalize() for n in FOREIGN_MONTHS), key=len, reverse=True)) + ")"
)
_MONTH = rf"(?:{_ENGLISH_MONTH}|{_FOREIGN_MONTH}(?![^\W\d_]))"


_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"


_YEAR_CORE = r"(?:19[5-9]\d|20\d\d)"


_YEAR = _YEAR_CORE + r"(?![\d/])(?!-\d)"
# A Thai Buddhist Era year without the common one after it ("B.E. 2559").
# (Thai text marks it "พ.ศ.", or gives it bare after a Thai month: "5 กรกฎาคม 2562"; a translation
# leaves it bare after an English month, "24 November 2558", a year no common year can be.)
_TWO_FIGURE_BE = (
    r"(?<=[A-Z][a-z]{2}\.\s)(?<!May\.\s)(?P<be2>[4-6]\d)\b(?![\d:%.,]\d)"
    r"(?!\s+(?:people|persons|migrants|victims|workers|children|women|men|cases|of|per|percent)\b)"
)
_BE_YEAR = (
    r"(?:(?:(?:B\.\s?E\.|พ\.\s?ศ\.|(?<=[\u0e00-\u0e7f]\s))\s*"
    # (Bare, only the years of ASEAN's work, 2540-2569, and not a count: "in November 2500 people".)
    r"|(?<=[a-z]\s)(?=25[4-6]\d\b(?!\s+[a-z]+\s+(?:were|was|are|have|had)\b)"
    r"(?!\s+(?:people|persons|migrants|victims|workers|children|women|men|cases|of)\b)))"
    r"(?P<be>2[45]\d\d)\b(?!\s*\(\s*(?:19|20)\d\d)"
    # (Two figures after a month cut short with its dot, as Thai dates write the year, "6 ก.ย. 60",
    # and a translation leaves it: "6 Sep. 60" is 6 September B.E. 2560 (2017). No day is 40-69,
    # and an English date writes its year whole.)
    rf"|{_TWO_FIGURE_BE})"
)


def _be_year_as(prefix: str) -> str:
    """_BE_YEAR with its groups named for one pattern ("a": "a_be", "a_be2")."""
    return _BE_YEAR.replace("?P<be>", f"?P<{prefix}_be>").replace("?P<be2>", f"?P<{prefix}_be2>")


_LAW_BEFORE = re.compile(r"\b(?:Act|Code|Decree|Law)(?:\s*\(No\.\s*\d+\))?\s+$")


_DASH = r"\s*(?:-|–|—|to|until|till|through|and)\s*"


_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"


# "Tuesday, 12 November 2019": the weekday belongs to the date, not a second expression.
_WEEKDAY_PREFIX = rf"(?:{_WEEKDAY},?\s+)?"


_NUMBER_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twenty": 20,
}


# Names that a year often belongs to without being a date: "Vision 2025", "2030 Agenda", "the
# Protocol of 2014 to the Forced Labour Convention", "the Trafficking Victims Protection Act of 2000".
_NAMED_BEFORE = (
    r"(?<!Vision )(?<!Agenda )(?<!Plan )(?<!Blueprint )(?<!Roadmap )(?<!Strategy )"
    r"(?<!Protocol of )(?<!Convention of )(?<!Act of )(?<!Agreement of )(?<!Treaty of )"
    # ("Law No. 21 of 2007", "Republic Act No. 9208 of 2003": a law's number and its year.)
    r"(?<!No\. \d of )(?<!No\. \d\d of )(?<!No\. \d\d\d of )(?<!No\. \d\d\d\d of )(?<!No\. \d\d\d\d\d of )"
)


_NAMED_AFTER = r"(?!\s+(?:Agenda|Vision|Goals?|Blueprint|Roadmap|Strategy|Work Plan|Plan\b))"


# The alternatives in priority order: longer, more specific forms first, because at one
# position the regex engine takes the first alternative that matches.
# "this Twenty-First Day of November in the Year Two Thousand and Fifteen", "this 22nd day of
# November 2015": the date a declaration or treaty was done, in the words of its final clause.
_ORDINAL_DAY_WORDS = {
    **{
        w: n
        for n, w in enumerate(
            (
                "first",
                "second",
                "third",
                "fourth",
                "fifth",
                "sixth",
                "seventh",
                "eighth",
                "ninth",
                "tenth",
                "eleventh",
                "twelfth",
                "thirteenth",
                "fourteenth",
                "fifteenth",
                "sixteenth",
                "seventeenth",
                "eighteenth",
                "nineteenth",
            ),
            start=1,
        )
    },
    "twentieth": 20,
    "thirtieth": 30,
}
_UNIT_WORDS = {
    **{
        w: n
        for n, w in enumerate(
            (
                "one",
                "two",
                "three",
                "four",
                "five",
                "six",
                "seven",
                "eight",
                "nine",
                "ten",
                "eleven",
                "twelve",
                "thirteen",
                "fourteen",
                "fifteen",
                "sixteen",
                "seventeen",
                "eighteen",
                "nineteen",
            ),
            start=1,
        )
    },
}
_TENS_WORDS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
_SPOKEN_UNITS = "|".join(w for w, n in _UNIT_WORDS.items() if n < 10)
_SPOKEN_TEENS = "|".join(w for w, n in _UNIT_WORDS.items() if n >= 10)
# (After "two thousand and": a unit, a teen, or twenty/thirty with a unit; after "twenty": a teen or
# twenty/thirty with a unit.)
_SPOKEN_TENS = rf"(?:{_SPOKEN_TEENS}|(?:twenty|thirty)(?:[-\s](?:{_SPOKEN_UNITS}))?)"
_SPOKEN_TAIL = rf"(?:{_SPOKEN_TENS}|{_SPOKEN_UNITS})"
_SPOKEN_ORDINAL = rf"(?:(?:twenty|thirty)[-\s])?(?:{'|'.join(_ORDINAL_DAY_WORDS)})"
_WORDS_DATE = (
    # ("on the twenty-first day of November, two thousand and fifteen", "on the 18th day of October
    # B.E. 2559 (2016)": "the", a year in words without "the year", a Buddhist Era year.)
    r"(?i:\b(?:this\s+|the\s+)?(?:(?P<w_dn>[0-3]?\d)(?:st|nd|rd|th)|(?P<w_dw>(?:(?:twenty|thirty)[-\s])?"
    rf"(?:{'|'.join(_ORDINAL_DAY_WORDS)})))\s+day\s+of\s+)(?P<w_m>{{month}}),?\s+"
    r"(?:B\.\s?E\.\s*(?P<w_be>2[45]\d\d)(?:\s*\(\s*(?:19|20)\d\d\s*\))?|"
    r"(?P<w_yn>(?:19|20)\d\d)\b|(?i:(?:(?:in\s+)?the\s+year\s+(?:of\s+our\s+lord\s+)?)?"
    r"(?P<w_yw>two\s+thousand(?:(?:\s+and)?\s+(?:twenty|thirty|forty|fifty|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
    r"nineteen)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)?)\b))"
)


_PATTERNS: tuple[tuple[str, str], ...] = (
    ("words_date", _WORDS_DATE.format(month=_MONTH)),
    ("iso", rf"\b(?P<iso_y>{_YEAR_CORE})-(?P<iso_m>[01]\d)-(?P<iso_d>[0-3]\d)\b"),
    # "ngày 5 tháng 7 năm 2019", "tháng 7/2019": Vietnamese counts its months (day, month, year).
    (
        "vietnamese",
        rf"(?:\b[Nn]gày\s+(?P<vn_d>{_DAY})\s+)?\b[Tt]háng\s+(?P<vn_m>1[0-2]|0?[1-9])(?!\d)"
        rf"(?:\s+năm\s+|\s*/\s*)(?P<vn_y>{_YEAR_CORE})\b|\b[Nn]gày\s+(?P<vn_dd>{_DAY})\s+tháng\s+(?P<vn_mm>1[0-2]|0?[1-9])\b",
    ),
    # "21.11.2015": figures with dots are written day first.
    # ("24.7.2559": a Thai page's Buddhist Era year, 543 years ahead of the common one.)
    ("dotted", rf"\b(?P<v_d>[0-3]?\d)\.(?P<v_m>[01]?\d)\.(?P<v_y>{_YEAR_CORE}|25\d\d)\b(?!\.\d)"),
    # "01.2016", a month in a table of such dates: two figures for the month, then the year.
    ("dotted_month", rf"(?<![\w.])(?P<dm_m>0[1-9]|1[0-2])\.(?P<dm_y>{_YEAR_CORE})\b(?!\.\d)"),
    # "fiscal year 2019", "FY2019", "the 2016/17 financial year": whose fiscal year is not said, and
    # they run from April, July or October (see _read_fiscal_year).
    (
        "fiscal",
        rf"\b(?:(?:[Ff]iscal|[Ff]inancial)\s+[Yy]ear\s+|FY\s?)(?P<fy_y>{_YEAR_CORE})(?:[-/](?P<fy_2>\d\d)(?!\d))?\b"
        rf"|\b(?P<fy_a>{_YEAR_CORE})[-/](?P<fy_b>\d\d)\s+(?:[Ff]iscal|[Ff]inancial)\s+[Yy]ear\b",
    ),
    # "Q3 2022", "the third quarter of 2022": a calendar quarter; "H2 2017", "the first half of 2016":
    # a half year.
    (
        "quarter",
        rf"\bQ(?P<q_n>[1-4])\s*(?P<q_y>{_YEAR_CORE})\b"
        rf"|\b(?P<q_w>first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s+quarter\s+of\s+(?P<q_y2>{_YEAR_CORE})\b"
        rf"|\bH(?P<q_h>[12])\s*(?P<q_hy>{_YEAR_CORE})\b"
        rf"|\b(?P<q_hw>[Ff]irst|[Ss]econd)\s+half\s+of\s+(?P<q_hy2>{_YEAR_CORE})\b",
    ),
    (
        "dm_range_cross",
        # ("Monday, 8 June - Friday, 12 June 2020": a programme's weekdays before each end.)
        # (Only when the first end has its weekday too: not "Day 1 - Wednesday, 25 February".)
        rf"\b(?:(?P<x_w1>{_WEEKDAY}),?\s+)?(?P<x_d1>{_DAY})\s+(?P<x_m1>{_MONTH})(?:,?\s+(?P<x_y1>{_YEAR}))?{_DASH}"
        rf"(?(x_w1)(?:{_WEEKDAY},?\s+)?)(?P<x_d2>{_DAY})\s+(?P<x_m2>{_MONTH})"
        rf"(?:,?\s+(?P<x_y>{_YEAR})|,?\s+{_be_year_as('x')})?",
    ),
    (
        "md_range_cross",
        rf"\b(?P<y_m1>{_MONTH})\s+(?P<y_d1>{_DAY}){_DASH}(?P<y_m2>{_MONTH})\s+(?P<y_d2>{_DAY})"
        rf"(?:,?\s+(?P<y_y>{_YEAR}))?",
    ),
    (
        "month_range",
        rf"\b(?P<k_m1>{_MONTH})(?:,?\s+(?P<k_y1>{_YEAR}))?\s*(?:-|–|—|to|until|till|through)\s*"
        rf"(?P<k_m2>{_MONTH}),?\s+(?P<k_y2>{_YEAR})",
    ),
    # "23/05/2016 - 27/05/2016": a span of two dates in figures.
    (
        "numeric_range",
        rf"\b(?P<w_a1>[0-3]?\d)/(?P<w_b1>[0-3]?\d)/(?P<w_y1>{_YEAR_CORE})\s*(?:-|–|—|to|until)\s*"
        rf"(?P<w_a2>[0-3]?\d)/(?P<w_b2>[0-3]?\d)/(?P<w_y2>{_YEAR_CORE})\b",
    ),
    # "19-21/07/2022": days of one month in figures, written day first.
    (
        "numeric_days",
        rf"\b(?P<nd_d1>[0-3]?\d)\s*[-–]\s*(?P<nd_d2>[0-3]?\d)/(?P<nd_m>[01]?\d)/(?P<nd_y>{_YEAR_CORE})\b",
    ),
    ("numeric", rf"\b(?P<u_a>[0-3]?\d)/(?P<u_b>[0-3]?\d)/(?P<u_y>{_YEAR_CORE})\b"),
    # "on 13/8", Vietnamese news's day and month in figures without the year: only where the first
    # figure can only be the day (above 12), and after "on".
    ("numeric_yearless", r"(?<=\bon\s)(?P<yn_d>1[3-9]|2\d|3[01])/(?P<yn_m>0?[1-9]|1[0-2])\b(?![/.]\d)"),
    # "Monday (8/6)": a weekday, then its day and month in brackets, day first as ASEAN news writes.
    ("weekday_figures", rf"\b{_WEEKDAY}\s*\((?P<wf_d>[0-3]?\d)/(?P<wf_m>[01]?\d)\)"),
    # "12 month 1 year 2016", "day 5 month 7", "month 7 year 2019": Vietnamese word order put into
    # English word for word (day, month, year), as machine translation leaves it.
    (
        "vn_english",
        rf"\b(?:[Dd]ay\s+)?(?P<ve_d>{_DAY})\s+month\s+(?P<ve_m>1[0-2]|0?[1-9])(?!\d)"
        rf"(?:,?\s+year\s+(?P<ve_y>{_YEAR_CORE}))?\b"
        rf"|\b[Mm]onth\s+(?P<ve_mm>1[0-2]|0?[1-9]),?\s+year\s+(?P<ve_my>{_YEAR_CORE})\b",
    ),
    (
        "dm_range",
        rf"\b(?:(?P<r_w1>{_WEEKDAY}),?\s+)?(?P<r_d1>{_DAY}){_DASH}(?(r_w1)(?:{_WEEKDAY},?\s+)?)(?P<r_d2>{_DAY})"
        rf"\s+(?P<r_m>{_MONTH})"
        rf"(?:,?\s+(?P<r_y>{_YEAR})|,?\s+{_be_year_as('r')})?",
    ),
    ("md_range", rf"\b(?P<s_m>{_MONTH})\s+(?P<s_d1>{_DAY}){_DASH}(?P<s_d2>{_DAY})(?:,?\s+(?P<s_y>{_YEAR}))?"),
    # ("4 September B.E. 2560 (2017)": a Thai release's Buddhist Era year, the common one after it.)
    (
        "dmy",
        rf"{_WEEKDAY_PREFIX}\b(?P<a_d>{_DAY})\s+(?:of\s+)?(?P<a_m>{_MONTH})"
        # (Its closing bracket is the expression's only after a B.E. year: "(3 October 2018)" keeps its own.)
        rf"(?:,?\s+(?P<a_bep>B\.\s?E\.\s*25\d\d\s*\(\s*(?={_YEAR_CORE}\s*\)))?(?P<a_y>{_YEAR})(?(a_bep)\s*\))"
        # ("5 March B.E. 2562": the Buddhist Era year alone, 543 years ahead of the common one.)
        rf"|,?\s+{_be_year_as('a')})?",
    ),
    # "the fourteenth of November", "November the fourteenth", "November fourteenth, 2017": a day
    # said aloud, as a transcript writes it.
    (
        "spoken_day",
        rf"(?:\b[Tt]he\s+(?P<sd_w1>{_SPOKEN_ORDINAL})\s+of\s+(?P<sd_m1>{_ENGLISH_MONTH})"
        # (Not "in March the second round of talks": an ordinal of a noun after it.)
        rf"|\b(?P<sd_m2>{_ENGLISH_MONTH})\s+(?:the\s+)?(?P<sd_w2>{_SPOKEN_ORDINAL})\b(?!\s+[a-z]))"
        rf"\b(?:,?\s+(?P<sd_y>{_YEAR}))?",
    ),
    (
        "mdy",
        rf"{_WEEKDAY_PREFIX}\b(?P<b_m>{_MONTH})\s+(?P<b_d>{_DAY})(?:(?:,\s*|\s+)(?P<b_y>{_YEAR}))?(?!\s*(?:%|per\b))",
    ),
    # "in november twenty fifteen": a month and its year said aloud, as a caption writes them.
    (
        "month_spoken_year",
        rf"\b(?P<msy_m>{_ENGLISH_MONTH})\s+"
        rf"(?P<msy_w>(?i:two\s+thousand(?:(?:\s+and)?\s+{_SPOKEN_TAIL})?|twenty[-\s]{_SPOKEN_TENS}))\b(?!-\w)",
    ),
    (
        "my",
        rf"(?:\b(?P<c_mod>early|mid|late|end of|beginning of|the end of|the beginning of)[\s-]+)?"
        # ("July B.E. 2559 (2016)", "March B.E. 2562": a Buddhist Era year, as after a day.)
        rf"\b(?P<c_m>{_MONTH}),?\s+(?:(?P<c_bep>B\.\s?E\.\s*25\d\d\s*\(\s*(?={_YEAR_CORE}\s*\)))?(?P<c_y>{_YEAR})"
        rf"(?(c_bep)\s*\))|{_be_year_as('c')})",
    ),
    (
        "month_relative_year",
        rf"(?:\b(?:in|In|during|since|until|by|of)\s+)?\b(?P<l_m>{_ENGLISH_MONTH})\s+(?P<l_rel>last|this|next)\s+year\b",
    ),
    (
        "month",
        rf"(?:\b(?P<m_mod>[Ee]arly|[Mm]id|[Ll]ate)[\s-]+|\b(?P<m_rel>[Ll]ast|[Nn]ext|[Tt]his)\s+|"
        rf"\b(?:in|In|during|since|until|by|of|from|after|before|through|throughout)\s+|"
        # "postponed to February", "moved to March": a meeting's new month; "is scheduled for June".
        rf"\b(?:moved|postponed|deferred|rescheduled|delayed|back)\s+(?:to|for)\s+|"
        rf"\b(?:scheduled|planned|slated|set)\s+for\s+)"
        rf"(?P<m_m>{_ENGLISH_MONTH})(?!\w)(?!\.?,?\s+\d)(?!\s+[A-Z][a-z])(?!,?\s+B\.\s?E\.)"
        # ("by November the twenty-first": a day said aloud; not "In March the second round".)
        rf"(?!\s+(?:the\s+)?{_SPOKEN_ORDINAL}\b(?!\s+[a-z]))"
        # ("in november twenty fifteen": the month of a year said aloud.)
        rf"(?!\s+(?i:two\s+thousand|twenty[-\s]{_SPOKEN_TENS})\b(?!-\w))",
    ),
    ("decade", r"\b(?:[Tt]he\s+)?(?P<h_mod>early|mid-|late\s+)?(?P<h_y>(?:19|20)\d0)s\b"),
    (
        "year_range",
        rf"\b(?:from|between|From|Between)\s+(?P<g_y1>{_YEAR})\s+(?:to|and|until|till|through|-|–)\s+"
        rf"(?P<g_y2>{_YEAR})"
        # "the second Plan of Action for 2008 to 2010": two years joined by "to" are a span, "from"
        # or not (with "and", only after "between": "in 2012 and 2013" may be two years).
        rf"|\b(?:(?:for|For|covering|spanning|over)\s+)?(?P<g_y1b>{_YEAR})\s+(?:to|until|till|through)\s+(?P<g_y2b>{_YEAR})",
    ),
    # "operated 2014–2016": a bare year range is a date unless a name precedes it ("Work Plan 2012-2016").
    (
        "bare_year_range",
        # ("The 2019-2020 biennium": a sentence's article is no name.)
        rf"(?P<n_prev>(?!(?:The|In|By|For|From|During|Since|Over|Of|At|Its|Their|This)\s)[A-Z][\w’'.]*\s+\(?)?\b(?P<n_y1>{_YEAR_CORE})\s*[-–]\s*(?P<n_y2>{_YEAR_CORE})\b",
    ),
    # ("the Anti-Trafficking in Persons Act B.E. 2551 (2008)": or with the common one after it.)
    ("be_year", rf"\bB\.\s?E\.\s*(?P<g_be>2[45]\d\d)\b(?:\s*\(\s*(?P<g_y>{_YEAR_CORE})\s*\))?"),
    # "- Thailand-Lao PDR (2005)": a year in brackets that ends a list's entry.
    ("entry_year", rf"(?<=[\w.]\s)\((?P<p_y>{_YEAR_CORE})\)(?=\s*[.;]?\s*$)"),
    (
        "year",
        rf"\b(?:in|In|since|Since|by|By|until|Until|till|during|During|before|Before|after|After|throughout|"
        rf"Throughout|year|of|for)\s"
        rf"(?:(?P<e_mod>early|mid|late|the end of|the beginning of"
        rf"|the first half of|the second half of)[\s-]+)?"
        rf"{_NAMED_BEFORE}(?P<e_y>{_YEAR}){_NAMED_AFTER}",
    ),
    # "back in twenty fifteen", "since two thousand and nine": a year said aloud, as a transcript
    # writes it; only after a preposition ("twenty fifteen-minute sessions" is no year).
    (
        "spoken_year",
        r"(?:(?<=\b[Ii]n )|(?<=\b[Ss]ince )|(?<=\bof )|(?<=\b[Bb]y )|(?<=\b[Uu]ntil )|(?<=\b[Ff]rom )"
        r"|(?<=\b[Dd]uring )|(?<=\b[Bb]efore )|(?<=\b[Aa]fter ))"
        rf"(?P<sy_w>(?i:two\s+thousand(?:(?:\s+and)?\s+{_SPOKEN_TAIL})?|twenty[-\s]{_SPOKEN_TENS}))\b(?!-\w)",
    ),
    (
        "year_mod",
        rf"\b(?P<f_mod>[Ee]arly|[Mm]id|[Ll]ate|[Tt]he end of|[Tt]he beginning of)[\s-]+"
        rf"(?P<f_y>{_YEAR}){_NAMED_AFTER}",
    ),
    (
        "relative",
        r"\b(?P<rel>(?i:today|yesterday|tomorrow|tonight|recently|currently|"
        # "On Tuesday last week": that weekday of the week named, one expression.
        # ("the previous week" counts from another day than the article's: not here.)
        r"(?:on )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) "
        r"(?:of )?(?:last|next|this) week|"
        r"this (?:morning|afternoon|evening)|"
        r"(?:earlier|later) this (?:year|month|week)|"
        r"(?:the )?(?:this|last|next|previous|past|coming|following) (?:year|month|week)|"
        r"in recent (?:years|months)|"
        # "the fourth quarter", "Q4", "the first half of the year", "the second semester": a part of
        # a year the article's date and tense pick (see temporal/intervals.py).
        r"(?:the )?(?:first|second|third|fourth|final|last) quarter(?: of (?:the|this) year)?(?! of \w)|"
        # (A half alone may be a course's or a match's: "In the first half, participants were …".)
        r"(?:the )?(?:first|second) half of (?:the|this) year|"
        r"(?:the )?(?:first|second) semester(?: of (?:the|this) year)?(?! of \w)|"
        # (Not a fiscal year's quarter: "FY 2018 Q2", "Q1 FY2018".)
        r"(?<!\d )q[1-4](?![\w-])(?!\s*(?:(?:19|20)\d\d|FY|fy))|"
        r"(?:at )?the turn of the year|mid-?week|(?:at )?the start of the week|later in the year|"
        r"in the year ahead|"
        r"(?:\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twenty) "
        r"(?:years?|months?|weeks?|days?) ago(?: today| this month| this week)?|"
        # ("a decade ago this month": a round number, exact only with its day, week or month.)
        r"(?:a|one|two|three) decades? ago (?:today|this month|this week)|"
        # "a fortnight ago", "over the weekend", "in the coming weeks", "by the end of the year".
        r"(?:a|one|two) fortnights? ago|"
        r"(?:over|at|during) the weekend|(?:this|last|next|past) weekend|"
        r"in the (?:coming|next(?: few)?) (?:days|weeks|months)|"
        r"(?:by )?(?:the )?end of (?:the|this|next|last) (?:month|year)|(?:by|at|before|until) year-end|"
        r"(?:the )?(?:past|last) (?:decade|(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|twenty) "
        r"(?:years|decades|months))|"
        # (Not a weekday with its day and month in figures: "on Monday (8/6)", see weekday_figures.)
        r"(?:on|last|next) (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
        r"(?!\s*\([0-3]?\d/[01]?\d\))|"
        r"(?:the )?(?:same|following|next|previous) (?:day|morning|afternoon|evening)|"
        r"the day (?:before|after)|a day (?:later|earlier)|"
        r"(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|a) (?:days|weeks?) "
        r"(?:later|earlier|afterwards)))\b"
        rf"(?!,?\s+(?:\d|{_MONTH}))"
        # "on Wednesday and Thursday", "on Tuesday night", "late on Friday": a weekday in news copy
        # is a day, unless a capitalised word makes it a name ("Good Friday", "Black Friday").
        r"|(?P<wd_name>\b[A-Z][a-z]+[ -])?"
        r"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
        # ... and unless a capitalised word follows ("the Sunday Times").
        # ("Friday's Bali Process ministerial conference": the day of what it owns.)
        rf"(?!,?\s+(?:\d|{_MONTH})|\s*\([0-3]?\d/[01]?\d\))(?!\s+[A-Z])"
        r"(?=\s+(?:night|morning|afternoon|evening)\b|['’]s\s|[\s,.;:)]|$)",
    ),
)


_TEMPORAL = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in _PATTERNS))
"""All the alternatives in one regex: what the matches must equal (see temporal_matches)."""


# What each alternative needs somewhere in a sentence to match there: a digit, the start of a
# month's name, a word of the relative forms, or a literal character. One regex with every
# alternative tries them all at every character, without the literal and character-set prefixes
# that let the engine skip ahead in a single alternative; scanning each alternative a sentence can
# hold, alone, is about twice as fast on dated sentences and skips most undated ones outright.
_DIGIT = re.compile(r"\d")


# (The other languages' names whole: "Des", "Set" or "Hun" would let most English text through.)
_MONTH_START = re.compile(
    "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mei|Mac|Ogos|Agustus|Oktober|Desember|Disember|Enero|Pebrero|"
    "Abril|Hunyo|Hulyo|Agosto|Setyembre|Oktubre|Nobyembre|Disyembre|[\u0e01-\u0e2e]"
)


_RELATIVE_WORDS = frozenset(
    (
        *("today", "yesterday", "tomorrow", "tonight", "recently", "currently", "ago"),
        *("fortnight", "fortnights", "weekend", "end"),
        # (A half, the turn of the year and the year ahead come with "year"; mid-week with "week".)
        *("quarter", "semester", "midweek", "q1", "q2", "q3", "q4"),
        *("morning", "afternoon", "evening"),
        *("year", "years", "month", "months", "week", "weeks", "decade", "decades", "day", "days"),
        *("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    )
)


_NEEDS: dict[str, tuple[str, ...]] = {
    "words_date": ("month", "ay of"),
    "iso": ("digit", "-"),
    "vietnamese": ("digit", "áng"),
    "dotted": ("digit", "."),
    "dotted_month": ("digit", "."),
    "fiscal": ("digit",),
    "quarter": ("digit",),
    "numeric": ("digit", "/"),
    "numeric_range": ("digit", "/"),
    "numeric_days": ("digit", "/"),
    "numeric_yearless": ("digit", "/"),
    "weekday_figures": ("digit", "/"),
    "vn_english": ("digit", "onth "),
    "decade": ("digit", "0s"),
    "spoken_day": ("month",),
    "month_spoken_year": ("month", "spoken"),
    "spoken_year": ("spoken",),
    **dict.fromkeys(("year_range", "bare_year_range", "year", "year_mod"), ("digit",)),
    "be_year": ("digit", "B."),
    "entry_year": ("digit", "("),
    **dict.fromkeys(
        ("dm_range_cross", "md_range_cross", "month_range", "dm_range", "md_range", "dmy", "mdy", "my"),
        ("digit", "month"),
    ),
    **dict.fromkeys(("month_relative_year", "month"), ("month",)),
    "relative": ("relative",),
}


_ALTERNATIVES = tuple(
    (name, re.compile(f"(?P<{name}>{pattern})"), _NEEDS[name]) for name, pattern in _PATTERNS
)


def _has(need: str, text: str) -> bool:
    if need == "digit":
        return _DIGIT.search(text) is not None
    if need == "month":
        return _MONTH_START.search(text) is not None
    if need == "spoken":
        return "wenty" in text or "housand" in text
    if need == "relative":
        return not _RELATIVE_WORDS.isdisjoint(sentence_words(text))
    return need in text


def temporal_matches(
    text: str, pos: int = 0, endpos: int | None = None, skip: frozenset[str] = frozenset()
) -> Iterator[re.Match[str]]:
    """The matches _TEMPORAL.finditer(text) gives, found one alternative at a time (between ``pos``
    and ``endpos``, without the alternatives named in ``skip``).

    At each position the combined regex takes the first alternative, in priority order, that
    matches there, and goes on from that match's end. So: keep each alternative's next match, take
    the one that starts first (the earlier alternative on a tie), and search again only the
    alternatives whose next match that one overlapped.
    """
    present: dict[str, bool] = {}
    end = len(text) if endpos is None else endpos
    patterns = [
        p
        for name, p, needs in _ALTERNATIVES
        if name not in skip
        and all(present[n] if n in present else present.setdefault(n, _has(n, text)) for n in needs)
    ]
    upcoming = [p.search(text, pos, end) for p in patterns]
    while True:
        best: re.Match[str] | None = None
        for i, m in enumerate(upcoming):
            if m is not None and m.start() < pos:
                m = upcoming[i] = patterns[i].search(text, pos, end)
            if m is not None and (best is None or m.start() < best.start()):
                best = m
        if best is None:
            return
        yield best
        # No alternative matches the empty string, so the scan always moves on.
        pos = best.end()


# "Work Plan 2012-2016": a named period, which constrains its programme, never a date.
NAMED_PERIOD = re.compile(
    rf"\b(?P<name>(?:[A-Z][\w’'-]*\s+){{1,6}}?)(?P<y1>{_YEAR_CORE})\s*[-–]\s*(?P<y2>{_YEAR_CORE})\b"
)


@dataclass(frozen=True, slots=True)
class Temporal:
    """A temporal expression in cleaned text, with whichever parts the text gives."""

    start: int
    end: int
    text: str
    kind: str
    """date, day-range, month, year, year-range or relative."""
    year: int | None = None
    month: int | None = None
    day: int | None = None
    end_year: int | None = None
    end_month: int | None = None
    end_day: int | None = None
    modifier: str | None = None
    relative: str | None = None
    base_year: int | None = None
    """For "the previous year" after a stated year: the year it counts from."""
    base_month: int | None = None
    """For "the previous month" after a stated month: the month it counts from (with base_year)."""

    @property
    def complete(self) -> bool:
        """True when the text gives the whole date (no year or anchor needed)."""
        return (
            self.kind != "relative"
            and self.year is not None
            and (self.end_year is not None or not self.end_month)
        )


def _month(token: str | None) -> int | None:
    return MONTHS[token.rstrip(".").lower()] if token else None


def _int(token: str | None) -> int | None:
    return int(re.sub(r"\D", "", token)) if token else None


def _day_fits(day: int | None, month: int | None, year: int | None) -> bool:
    if day is None or month is None:
        return True
    limit = calendar.monthrange(year or 2000, month)[1]  # 2000: a leap year admits 29 February
    return 1 <= day <= limit


@lru_cache(maxsize=4096)  # the extractor asks twice per sentence: for the dates list and for events
def extract_temporals(text: str) -> tuple[Temporal, ...]:
    """Every temporal expression in ``text`` (cleaned paragraph text), in order."""
    found: list[Temporal] = []
    last_year: int | None = None
    last_month: int | None = None
    for t in _temporals_read(text):
        # "during 2019 compared with the previous year": the sentence's own year is the reference.
        if t.relative in ("previous year", "following year") and last_year is not None:
            t = replace(t, base_year=last_year)
        if t.relative in ("previous month", "following month") and last_year is not None and last_month:
            t = replace(t, base_year=last_year, base_month=last_month)
        if _beside_named_day(text, t, found):
            # "Tomorrow (Sunday): leaders sign …", "today, Monday, the ministers": the weekday names
            # the same day, not the Sunday before or after the article.
            t = replace(t, relative=found[-1].relative)
        if t.year is not None:
            last_year = t.end_year or t.year
            last_month = (t.end_month or t.month) if t.kind != "relative" else None
        found.append(t)
    return tuple(found)


_NAMED_DAYS = frozenset(("today", "tonight", "tomorrow", "yesterday"))
_SAME_DAY_APPOSITION = re.compile(r"\s*[(,]\s*")
_APPOSITION_END = re.compile(r"\s*[),]")


def _beside_named_day(text: str, t: Temporal, found: list[Temporal]) -> bool:
    """Whether ``t`` is a weekday set beside the relative day just before it ("Tomorrow (Sunday)")."""
    if not (t.relative and t.relative.startswith("on ") and found and found[-1].relative in _NAMED_DAYS):
        return False
    between = text[found[-1].end : t.start]
    return bool(_SAME_DAY_APPOSITION.fullmatch(between) and _APPOSITION_END.match(text, t.end))


# Joined expressions, read as one span: "21 and 22 November", "12 January - 3 February 2023".
_JOINED = frozenset(("dm_range_cross", "md_range_cross", "month_range", "dm_range", "md_range"))


def _temporals_read(text: str) -> Iterator[Temporal]:
    """Each match read; two dates that the joined alternatives took for a span but that make none
    ("on 12 January 2023 and 3 August 2019": the second before the first) are read one by one."""
    for m in temporal_matches(text):
        t = _from_match(m)
        if t is not None:
            yield t
        elif m.lastgroup in _JOINED:
            for part in temporal_matches(text, m.start(), m.end(), _JOINED):
                if (read := _from_match(part)) is not None:
                    yield read


def _parts(m: re.Match[str], group: str | None = None) -> tuple[int, int, str]:
    """Where the expression starts and ends, and its text: the whole match, or from ``group`` on
    (the preposition that found it is not part of it)."""
    first = m.start(group) if group else m.start()
    return first, m.end(), m.string[first : m.end()]


def _day_range(
    m: re.Match[str],
    y1: int | None,
    m1: int | None,
    d1: int | None,
    y2: int | None,
    m2: int | None,
    d2: int | None,
) -> Temporal:
    start, end, text = _parts(m)
    return Temporal(
        start=start,
        end=end,
        text=text,
        kind="day-range",
        year=y1,
        month=m1,
        day=d1,
        end_year=y2,
        end_month=m2,
        end_day=d2,
    )


def _date(m: re.Match[str], y: int | None, mo: int | None, d: int | None) -> Temporal:
    start, end, text = _parts(m)
    return Temporal(start=start, end=end, text=text, kind="date", year=y, month=mo, day=d)


def _read_words_date(m: re.Match[str]) -> Temporal | None:
    """this Twenty-First Day of November in the Year Two Thousand and Fifteen; this 22nd day of
    November 2015"""
    g = m.group
    day = int(g("w_dn")) if g("w_dn") else _words_number(g("w_dw"), _ORDINAL_DAY_WORDS)
    if g("w_be"):
        year: int | None = _buddhist_year(g("w_be"))
    elif g("w_yn"):
        year = int(g("w_yn"))
    else:
        rest = re.sub(r"(?i)^two\s+thousand(?:\s+and)?\s*", "", g("w_yw"))
        units = _words_number(rest, _UNIT_WORDS) if rest else 0
        year = None if units is None else 2000 + units
    mo = _month(g("w_m"))
    if day is None or year is None or not _day_fits(day, mo, year):
        return None
    return _date(m, year, mo, day)


def _words_number(words: str, last: dict[str, int]) -> int | None:
    """ "Twenty-First" (with ``last`` the ordinal words) is 21, "fifteen" 15, "twenty-three" 23."""
    parts = re.split(r"[-\s]+", words.strip().casefold())
    total = 0
    for i, w in enumerate(parts):
        if w in _TENS_WORDS and i < len(parts) - 1:
            total += _TENS_WORDS[w]
        elif w in last and i == len(parts) - 1:
            total += last[w]
        elif w in _TENS_WORDS:
            total += _TENS_WORDS[w]
        else:
            return None
    return total or None


def _read_iso(m: re.Match[str]) -> Temporal | None:
    """2015-11-21"""
    g = m.group
    iso_y, iso_mo, iso_d = int(g("iso_y")), int(g("iso_m")), int(g("iso_d"))
    if not 1 <= iso_mo <= 12 or not _day_fits(iso_d, iso_mo, iso_y):
        return None
    return _date(m, iso_y, iso_mo, iso_d)


def _read_range_across_months(m: re.Match[str]) -> Temporal | None:
    """30 November – 2 December 2015, November 30 – December 2, 2015"""
    g = m.group
    p = "x" if m.lastgroup == "dm_range_cross" else "y"
    d1, m1, d2, m2, y = (
        _int(g(f"{p}_d1")),
        _month(g(f"{p}_m1")),
        _int(g(f"{p}_d2")),
        _month(g(f"{p}_m2")),
        _int(g(f"{p}_y")) or (_be_year_of(m, "x") if p == "x" else None),
    )
    given_first = _int(g("x_y1")) if p == "x" else None
    if not (_day_fits(d1, m1, given_first or y) and _day_fits(d2, m2, y)):
        return None
    y1 = given_first or ((y - 1) if (y and m1 and m2 and m1 > m2) else y)
    if y1 and y and (y1, m1, d1) > (y, m2, d2):
        return None
    return _day_range(m, y1, m1, d1, y, m2, d2)


def _read_month_range(m: re.Match[str]) -> Temporal | None:
    """November 2015 to March 2016, November–December 2015"""
    g = m.group
    m1, m2, y2 = _month(g("k_m1")), _month(g("k_m2")), _int(g("k_y2"))
    y1 = _int(g("k_y1")) or ((y2 - 1) if (y2 and m1 and m2 and m1 > m2) else y2)
    if not (m1 and m2 and y1 and y2) or (y1, m1) >= (y2, m2):
        return None
    return _day_range(m, y1, m1, 1, y2, m2, calendar.monthrange(y2, m2)[1])


_FIGURES = re.compile(rf"\b(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/{_YEAR_CORE}\b")


@lru_cache(maxsize=64)
def _figures_order(text: str) -> tuple[bool, ...]:
    """The orders (day first: True) the text's dates in figures allow: a date whose first number
    is above 12 ("23/05/2016") is written day first, and so, in one text, are the others."""
    day_first = month_first = False
    for f in _FIGURES.finditer(text):
        a, b = int(f.group("a")), int(f.group("b"))
        day_first |= a > 12 >= b
        month_first |= b > 12 >= a
    if day_first != month_first:
        return (day_first,)
    return (True, False)


def _figures(a: int, b: int, y: int, orders: tuple[bool, ...]) -> list[date]:
    return sorted(
        {
            date(y, mo, d)
            for d, mo in ((a, b) if first else (b, a) for first in orders)
            if 1 <= mo <= 12 and _day_fits(d, mo, y)
        }
    )


def _read_vietnamese(m: re.Match[str]) -> Temporal | None:
    """ngày 5 tháng 7 năm 2019, tháng 7/2019, ngày 5 tháng 7"""
    g = m.group
    yearless = g("vn_dd") is not None
    d = _int(g("vn_dd") if yearless else g("vn_d"))
    mo = int(g("vn_mm") if yearless else g("vn_m"))
    y = None if yearless else int(g("vn_y"))
    if d is None:
        start, end, text = _parts(m)
        return Temporal(start=start, end=end, text=text, kind="month", year=y, month=mo)
    return _date(m, y, mo, d) if _day_fits(d, mo, y) else None


def _read_dotted(m: re.Match[str]) -> Temporal | None:
    """21.11.2015"""
    d, mo, y = int(m.group("v_d")), int(m.group("v_m")), int(m.group("v_y"))
    y -= BUDDHIST_ERA_OFFSET if y >= 2500 else 0
    if not 1 <= mo <= 12 or not _day_fits(d, mo, y):
        return None
    return _date(m, y, mo, d)


def _read_dotted_month(m: re.Match[str]) -> Temporal | None:
    """01.2016"""
    start, end, text = _parts(m)
    return Temporal(
        start=start, end=end, text=text, kind="month", year=int(m.group("dm_y")), month=int(m.group("dm_m"))
    )


def _read_fiscal_year(m: re.Match[str]) -> Temporal | None:
    """fiscal year 2019: from July 2018 (Australia's 2018-19) to March 2020 (one that starts in April
    2019), since the text does not say whose; the 2016/17 financial year: April 2016 to June 2017."""
    g = m.group
    first, second = (int(g("fy_y")), g("fy_2")) if g("fy_y") else (int(g("fy_a")), g("fy_b"))
    if second is not None:
        if int(second) != (first + 1) % 100:
            return None
        return _day_range(m, first, 4, 1, first + 1, 6, 30)
    return _day_range(m, first - 1, 7, 1, first + 1, 3, 31)


QUARTER_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
QUARTER_WORDS |= {"final": 4, "last": 4}


def _read_quarter(m: re.Match[str]) -> Temporal | None:
    """Q3 2022, the third quarter of 2022: July to September; H1 2016, the first half of 2016: January
    to June."""
    g = m.group
    if g("q_h") or g("q_hw"):
        if g("q_h"):
            half, y = int(g("q_h")), int(g("q_hy"))
        else:
            half, y = 1 + (g("q_hw").casefold() == "second"), int(g("q_hy2"))
        return _day_range(m, y, 6 * half - 5, 1, y, 6 * half, 30 if half == 1 else 31)
    n, y = (int(g("q_n")), int(g("q_y"))) if g("q_n") else (QUARTER_WORDS[g("q_w")], int(g("q_y2")))
    last = 3 * n
    return _day_range(m, y, last - 2, 1, y, last, calendar.monthrange(y, last)[1])


def _read_numeric_range(m: re.Match[str]) -> Temporal | None:
    """23/05/2016 - 27/05/2016"""
    g = m.group
    ends = [(int(g(f"w_a{i}")), int(g(f"w_b{i}")), int(g(f"w_y{i}"))) for i in (1, 2)]
    # The two dates are written in one order: the orders that give both, in sequence.
    orders = tuple(
        first
        for first in _figures_order(m.string)
        if all(_figures(a, b, y, (first,)) for a, b, y in ends)
        and _figures(*ends[0], (first,))[0] <= _figures(*ends[1], (first,))[0]
    )
    if not orders:
        return None
    lo = min(_figures(*ends[0], orders))
    hi = max(_figures(*ends[1], orders))
    return _day_range(m, lo.year, lo.month, lo.day, hi.year, hi.month, hi.day)


def _read_numeric_days(m: re.Match[str]) -> Temporal | None:
    """19-21/07/2022"""
    d1, d2, mo, y = (int(m.group(f"nd_{k}")) for k in ("d1", "d2", "m", "y"))
    if d1 >= d2 or not 1 <= mo <= 12 or not _day_fits(d2, mo, y):
        return None
    return _day_range(m, y, mo, d1, y, mo, d2)


def _read_numeric_yearless(m: re.Match[str]) -> Temporal | None:
    """on 13/8"""
    d, mo = int(m.group("yn_d")), int(m.group("yn_m"))
    if not _day_fits(d, mo, 2024):  # (a leap year: 29/2 may be any year's)
        return None
    return _date(m, None, mo, d)


def _read_weekday_figures(m: re.Match[str]) -> Temporal | None:
    """Monday (8/6)"""
    d, mo = int(m.group("wf_d")), int(m.group("wf_m"))
    if d < 1 or not 1 <= mo <= 12 or not _day_fits(d, mo, 2024):  # (a leap year: 29/2 may be any year's)
        return None
    return _date(m, None, mo, d)


def _read_vn_english(m: re.Match[str]) -> Temporal | None:
    """12 month 1 year 2016, day 5 month 7, month 7 year 2019"""
    g = m.group
    if g("ve_mm") is not None:
        start, end, text = _parts(m)
        return Temporal(
            start=start, end=end, text=text, kind="month", year=int(g("ve_my")), month=int(g("ve_mm"))
        )
    d = _int(g("ve_d"))
    mo = int(g("ve_m"))
    y = int(g("ve_y")) if g("ve_y") else None
    return _date(m, y, mo, d) if d and _day_fits(d, mo, y) else None


_WEEKDAY_BEFORE_FIGURES = re.compile(rf"\b(?P<wd>{_WEEKDAY}),?\s*\(?\s*$")


def _read_numeric(m: re.Match[str]) -> Temporal | None:
    """21/11/2015"""
    g = m.group
    a, b, y = int(g("u_a")), int(g("u_b")), int(g("u_y"))
    # Day first is ASEAN's usual order; where both readings are valid the interval holds both, unless
    # another date in figures in the text shows the order ("23/05/2016 … 03/10/2016": 3 October).
    readings = _figures(a, b, y, _figures_order(m.string))
    # ("on Wednesday (10/5/2023)": the weekday before it says which reading is meant.)
    named = _WEEKDAY_BEFORE_FIGURES.search(m.string, max(0, m.start() - 14), m.start())
    if named is not None and len(readings) > 1:
        weekday = WEEKDAYS.index(named.group("wd").casefold())
        readings = [r for r in readings if r.weekday() == weekday] or readings
    if not readings:
        return None
    lo, hi = readings[0], readings[-1]
    if lo == hi:
        return _date(m, y, lo.month, lo.day)
    return _day_range(m, lo.year, lo.month, lo.day, hi.year, hi.month, hi.day)


def _read_days_in_month(m: re.Match[str]) -> Temporal | None:
    """21-22 June 2018, June 21-22, 2018"""
    g = m.group
    p = "r" if m.lastgroup == "dm_range" else "s"
    d1, d2, mo, y = _int(g(f"{p}_d1")), _int(g(f"{p}_d2")), _month(g(f"{p}_m")), _int(g(f"{p}_y"))
    if p == "r":
        y = _be_year_of(m, "r") or y
    if d1 is None or d2 is None or d1 >= d2 or not _day_fits(d2, mo, y):
        return None
    return _day_range(m, y, mo, d1, y, mo, d2)


def _buddhist_year(text: str) -> int:
    """The common year of a Buddhist Era year, whole ("2560") or in its last two figures ("60")."""
    return (int(text) if len(text) == 4 else 2500 + int(text)) - BUDDHIST_ERA_OFFSET


def _be_year_of(m: re.Match[str], prefix: str) -> int | None:
    """The common year of a pattern's Buddhist Era year (its groups named by ``_be_year_as``), if any."""
    text = m.group(f"{prefix}_be") or m.group(f"{prefix}_be2")
    return _buddhist_year(text) if text else None


def _read_day(m: re.Match[str]) -> Temporal | None:
    """21 November 2015, November 21, 2015, Saturday, 21 November (the year may be missing)"""
    g = m.group
    p = "a" if m.lastgroup == "dmy" else "b"
    d, mo, y = _int(g(f"{p}_d")), _month(g(f"{p}_m")), _int(g(f"{p}_y"))
    if p == "a":
        y = _be_year_of(m, "a") or y
    if not _day_fits(d, mo, y):
        return None
    return _date(m, y, mo, d)


def _read_month_year(m: re.Match[str]) -> Temporal | None:
    """November 2015, late November 2015"""
    g = m.group
    start, end, text = _parts(m)
    return Temporal(
        start=start,
        end=end,
        text=text,
        kind="month",
        year=_int(g("c_y")) or _be_year_of(m, "c"),
        month=_month(g("c_m")),
        modifier=g("c_mod"),
    )


def _read_month_relative_year(m: re.Match[str]) -> Temporal | None:
    """November last year"""
    start, end, text = _parts(m, "l_m")
    return Temporal(
        start=start,
        end=end,
        text=text,
        kind="month",
        month=_month(m.group("l_m")),
        relative=f"{m.group('l_rel')} year",
    )


def _read_month(m: re.Match[str]) -> Temporal | None:
    """in November, late November, last November (no year)"""
    g = m.group
    # The preposition that found a bare month is not part of the expression; a modifier is, and
    # so is "last", "next" or "this", which says which November.
    start, end, text = _parts(m, "m_mod" if g("m_mod") else "m_rel" if g("m_rel") else "m_m")
    modifier = g("m_mod").lower() if g("m_mod") else None
    relative = g("m_rel").lower() if g("m_rel") else None
    return Temporal(
        start=start,
        end=end,
        text=text,
        kind="month",
        month=_month(g("m_m")),
        modifier=modifier,
        relative=relative,
    )


def _read_decade(m: re.Match[str]) -> Temporal | None:
    """the 1990s, the early 2000s"""
    g = m.group
    start, end, text = _parts(m)
    decade = int(g("h_y"))
    first, last = {"early": (0, 3), "mid-": (4, 6), "late": (7, 9)}.get((g("h_mod") or "").strip(), (0, 9))
    return Temporal(
        start=start, end=end, text=text, kind="year-range", year=decade + first, end_year=decade + last
    )


def _read_year_range(m: re.Match[str]) -> Temporal | None:
    """from 2016 to 2020, between 2009 and 2014, (for) 2008 to 2010"""
    y1, y2 = _int(m.group("g_y1") or m.group("g_y1b")), _int(m.group("g_y2") or m.group("g_y2b"))
    if y1 is None or y2 is None or y1 > y2:
        return None
    start, end, text = _parts(m, "g_y1b" if m.group("g_y1b") else None)
    return Temporal(start=start, end=end, text=text, kind="year-range", year=y1, end_year=y2)


def _read_bare_year_range(m: re.Match[str]) -> Temporal | None:
    """operated 2014–2016 (but not Work Plan 2012-2016)"""
    y1, y2 = int(m.group("n_y1")), int(m.group("n_y2"))
    if m.group("n_prev") or y1 >= y2:
        return None
    start, end, text = _parts(m, "n_y1")
    return Temporal(start=start, end=end, text=text, kind="year-range", year=y1, end_year=y2)


def _read_year(m: re.Match[str]) -> Temporal | None:
    """in 2015, by the end of 2015"""
    g = m.group
    start, end, text = _parts(m, "e_mod" if g("e_mod") else "e_y")
    return Temporal(start=start, end=end, text=text, kind="year", year=_int(g("e_y")), modifier=g("e_mod"))


def _read_spoken_day(m: re.Match[str]) -> Temporal | None:
    """the fourteenth of November, November the fourteenth (, 2017)"""
    g = m.group
    words, month = (g("sd_w1"), g("sd_m1")) if g("sd_w1") else (g("sd_w2"), g("sd_m2"))
    d, mo, y = _words_number(words, _ORDINAL_DAY_WORDS), _month(month), _int(g("sd_y"))
    if d is None or not _day_fits(d, mo, y):
        return None
    return _date(m, y, mo, d)


def _spoken_year_value(words: str) -> int | None:
    """ "twenty fifteen" is 2015, "two thousand and nine" 2009."""
    parts = [w for w in re.split(r"[-\s]+", words.casefold()) if w != "and"]
    rest = " ".join(parts[2:] if parts[:2] == ["two", "thousand"] else parts[1:])
    value = _words_number(rest, _UNIT_WORDS) if rest else 0
    return None if value is None else 2000 + value


def _read_month_spoken_year(m: re.Match[str]) -> Temporal | None:
    """November twenty fifteen"""
    year = _spoken_year_value(m.group("msy_w"))
    if year is None:
        return None
    start, end, text = _parts(m)
    return Temporal(start=start, end=end, text=text, kind="month", year=year, month=_month(m.group("msy_m")))


def _read_spoken_year(m: re.Match[str]) -> Temporal | None:
    """(back in) twenty fifteen, (since) two thousand and nine"""
    start, end, text = _parts(m, "sy_w")
    year = _spoken_year_value(text)
    if year is None:
        return None
    return Temporal(start=start, end=end, text=text, kind="year", year=year)


def _read_buddhist_year(m: re.Match[str]) -> Temporal | None:
    """B.E. 2559 (the year 2016), B.E. 2551 (2008); not the year in a Thai law's name ("the
    Anti-Trafficking in Persons Act B.E. 2551", "… Act (No. 3) B.E. 2560"), which names the law."""
    if _LAW_BEFORE.search(m.string, max(0, m.start() - 20), m.start()):
        return None
    start, end, text = _parts(m)
    year = int(m.group("g_y") or 0) or _buddhist_year(m.group("g_be"))
    return Temporal(start=start, end=end, text=text, kind="year", year=year)


def _read_entry_year(m: re.Match[str]) -> Temporal | None:
    """Thailand-Lao PDR (2005)"""
    start, end, text = _parts(m)
    return Temporal(start=start, end=end, text=text, kind="year", year=int(m.group("p_y")))


def _read_year_with_modifier(m: re.Match[str]) -> Temporal | None:
    """early 2015, the end of 2015"""
    g = m.group
    start, end, text = _parts(m)
    return Temporal(
        start=start, end=end, text=text, kind="year", year=_int(g("f_y")), modifier=g("f_mod").lower()
    )


def _read_relative(m: re.Match[str]) -> Temporal | None:
    """today, last week, two years ago, on Monday, Tuesday (night), the same day"""
    start, end, text = _parts(m)
    if m.group("wd"):
        if m.group("wd_name") and m.group("wd_name").strip(" -") not in (
            "On",
            "Last",
            "Next",
            "This",
            "By",
            "Until",
        ):
            return None  # "Good Friday", "Black Friday": a name
        start, end, text = _parts(m, "wd")
        return Temporal(start=start, end=end, text=text, kind="relative", relative="on " + text.lower())
    rel = m.group("rel").lower()
    rel = (
        rel[4:]
        if rel.startswith("the ") and not rel.endswith(("decade", "years", "decades", "months"))
        else rel
    )
    if rel.startswith("on "):  # the preposition that found a weekday is not part of it
        start, text = start + 3, text[3:]
    return Temporal(start=start, end=end, text=text, kind="relative", relative=rel)


_READERS: dict[str, Callable[[re.Match[str]], Temporal | None]] = {
    "words_date": _read_words_date,
    "iso": _read_iso,
    "vietnamese": _read_vietnamese,
    "dotted": _read_dotted,
    "dotted_month": _read_dotted_month,
    "fiscal": _read_fiscal_year,
    "quarter": _read_quarter,
    "dm_range_cross": _read_range_across_months,
    "md_range_cross": _read_range_across_months,
    "month_range": _read_month_range,
    "numeric_range": _read_numeric_range,
    "numeric_days": _read_numeric_days,
    "numeric": _read_numeric,
    "numeric_yearless": _read_numeric_yearless,
    "weekday_figures": _read_weekday_figures,
    "vn_english": _read_vn_english,
    "dm_range": _read_days_in_month,
    "md_range": _read_days_in_month,
    "dmy": _read_day,
    "spoken_day": _read_spoken_day,
    "mdy": _read_day,
    "month_spoken_year": _read_month_spoken_year,
    "my": _read_month_year,
    "month_relative_year": _read_month_relative_year,
    "month": _read_month,
    "decade": _read_decade,
    "year_range": _read_year_range,
    "bare_year_range": _read_bare_year_range,
    "be_year": _read_buddhist_year,
    "entry_year": _read_entry_year,
    "year": _read_year,
    "spoken_year": _read_spoken_year,
    "year_mod": _read_year_with_modifier,
    "relative": _read_relative,
}
"""The reader of each alternative, by its name in _PATTERNS (which sets their priority)."""


def _from_match(m: re.Match[str]) -> Temporal | None:
    assert m.lastgroup is not None
    return _READERS[m.lastgroup](m)
