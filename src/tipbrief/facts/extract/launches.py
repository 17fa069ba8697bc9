"""Launches and publications a sentence reports: the verb and what is launched, named as the text
names it ("the Philippine Chairmanship of ASEAN", "its Global Report on Trafficking in Persons")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from tipbrief.common.months import MONTH_NAMES
from tipbrief.facts.corpus import MONTH_RE, MONTHS
from tipbrief.facts.extract.instruments import _content_words, _instrument_names
from tipbrief.facts.extract.patterns import (
    _CAP_WORD,
    _DOC_NAME,
    _LAUNCH_COMMON,
    _LAUNCH_NAME,
    _PUBLICATION_VERB,
    _QUOTED,
    WEEKDAY_RE,
)
from tipbrief.facts.extract.records import _Context
from tipbrief.facts.extract.sentences import _clean_title, _norm
from tipbrief.facts.reference import Row, parse_partial
from tipbrief.facts.temporal.expressions import extract_temporals
from tipbrief.facts.temporal.intervals import stated_interval, year_interval


@dataclass(frozen=True, slots=True)
class Launch:
    """One launch or publication: its kind, title, normalised name and where its verb stands."""

    kind: str
    """publication (a document) or launch (a programme, chairmanship, community, campaign …)."""
    title: str
    name: str
    at: int
    generic: bool = False
    """ "unveiled the programme": the one the article has named, not a launch of its own."""
    edition: Row | None = None
    """The reference row of the report's edition the text names ("the 2024 Trafficking in Persons
    Report"), when it is one the reference data records."""
    named_only: bool = False
    """ "According to the Global Report on Trafficking in Persons 2022, …": a recorded edition the
    sentence names without telling its release; its row dates it, none of the sentence's dates."""
    dated_only: bool = False
    """ "the UN Human Rights Office said in a report": which of the publisher's reports it is, only
    a date the sentence gives can tell; without one, no event."""
    due: bool = False
    """ "the report is due next month": still to come."""


# "The 2018 report is expected later this month", "the Global Estimates of Modern Slavery, due on
# September 19": a document due on a day is released then (not "is expected to show …").
_DUE = re.compile(
    r"(?:\b(?:is|are)\s+|,\s+)(?P<verb>due|expected)(?=\s+(?:on|in|next|later|this|early|late|by)\s)"
)
# "presided over the opening of the Counter Trafficking in Persons Centre of Excellence", "The …
# Centre of Excellence opened at the DSI Academy in May 2024": a centre opened is launched.
_OPENED_VERB = re.compile(r"\b(?P<verb>opened|opens|opening\s+of)\b")
_OPENED_HEAD = re.compile(r"\b(?:Centre|Center)\b")
_DUE_SUBJECT = re.compile(
    r"(?:^|,\s+and\s+|\.\s+|\s[-–—]+\s)(?:(?!next\b|upcoming\b|new\b|coming\b)[^,;:.])*"
    r"[\w)]\s*,?\s*(?:is|are)?\s*$",
    re.I,
)
_NOT_A_LAUNCH = re.compile(r"\b(?:to|not)\s+$")
_LAUNCH_TO_COME = re.compile(r"\b(?:will|plans?|set|expected|due)\s+(?:\w+\s+)?to\s+$")


def find_launches(ctx: _Context, text: str, words: frozenset[str], taken: set[int]) -> list[Launch]:
    """Launches and publications: the verb and the thing launched, after it ("launched the X") or
    before it ("X, which was launched in June"). Verbs at ``taken`` already state an act."""
    out: list[Launch] = _publishers_report(ctx, text, words, taken)
    # (The two patterns scanned only in sentences that hold their words, as the trigger does.)
    dues = _DUE.finditer(text) if not words.isdisjoint(("due", "expected")) else ()
    openings = _OPENED_VERB.finditer(text) if not words.isdisjoint(("opened", "opens", "opening")) else ()
    verbs = sorted([*_PUBLICATION_VERB.finditer(text, words), *dues, *openings], key=lambda v: v.start())
    for verb in verbs:
        lead = text[max(0, verb.start() - 30) : verb.start()]
        if verb.start() in taken or (_NOT_A_LAUNCH.search(lead) and not _LAUNCH_TO_COME.search(lead)):
            continue
        if (told := _edition_it_released(ctx, text, verb.start(), verb.end())) is not None:
            out.append(told)
            taken.add(verb.start())
            continue
        if _A_NEW_REPORT.match(text, verb.end()):
            # "the UN Human Rights Office (OHCHR) publishes a report estimating …": a report of its
            # publisher's, never the series the article named before; known by that publisher alone.
            taken.add(verb.start())
            who = next(
                (
                    (text[a:b], row)
                    for a, b, row in ctx.gaz.bodies.find(text[: verb.start()])
                    if not re.search(r"[,;:]\s", text[b : verb.start()].strip(" ()A-Z"))
                ),
                None,
            )
            if who is not None:
                out.append(_report_by_body(*who, verb.start()))
            continue
        if re.match(r"s?\s+of\b", text[verb.end() :]) and verb.group("verb").casefold().endswith("s"):
            continue  # "Key releases of the State Department's report": a noun, no act
        if verb.group("verb").casefold() in ("come out", "came out") and _CAME_OUT_OF.match(text, verb.end()):
            continue  # "The guidelines come out of the work plan", "came out against it": no release
        due_next = verb.group("verb") in ("due", "expected")
        if due_next and _NEXT_EDITION_DUE.search(text, 0, verb.start("verb")):
            # "The next edition is due next year", in a story on the 2020 report: the recorded
            # edition after the one the article names, if the year the sentence gives is its own.
            after = _the_one_after(ctx, text[verb.end() :])
            if after is not None:
                name = f"{after.get('edition')} {after.get('report')}"
                out.append(
                    Launch(
                        "publication", f"Publication of the {name}", _norm(name), verb.start(), edition=after
                    )
                )
                taken.add(verb.start())
            continue
        found = _launched(ctx, text, verb.start(), verb.end())
        if found is None:
            out += _elided_edition(ctx, text, verb.start())
            continue
        kind, name = found
        if verb.group("verb").startswith("open"):
            if kind != "launch" or not _OPENED_HEAD.search(name):
                continue  # (what opens is a centre; a meeting that does has its own rules)
            name = re.sub(r"^[A-Z][\w.-]*['’]s\s+", "", name)  # (not its owner: "Thailand's …")
            # (nor where it stands: "the Jakarta Centre for Law Enforcement Cooperation in Semarang")
            name = re.sub(r"(?<=\w)\s+in\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?$", "", name)
        due = verb.group("verb") in ("due", "expected")
        if due and (kind != "publication" or not _DUE_SUBJECT.search(text, 0, verb.start())):
            # (Only a document is due on a day, and only one that is the clause's own plain subject:
            # not "the national figures, which build on the Global Estimates, are due next year", nor
            # "the next report", another edition than the one named.)
            continue
        if re.fullmatch(
            r"(?:according\s+to\s+)?(?:a|an)\s+(?:new\s+|separate\s+)?(?:report|study)", name, re.I
        ):
            # "…, according to a report launched today by the UN Office on Drugs and Crime": one
            # report, known by the publisher after the verb (no title of its own, no series).
            near = _BY_AHEAD.match(text, verb.end())
            by = _BY_PUBLISHER.match(text, near.end()) if near is not None else None
            taken.add(verb.start())
            if by is not None:
                publisher = by.group("by")
                acronym = re.search(r"\(([A-Z]{2,8})\)$", publisher)
                known = next(
                    (r for a, b, r in ctx.gaz.bodies.find(publisher) if (a, b) == (0, len(publisher))), None
                ) or (
                    next((r for _, _, r in ctx.gaz.bodies.find(acronym.group(1))), None) if acronym else None
                )
                key = f"report by {known.get('short') if known else publisher}"
                title = f"Publication of the report by the {publisher}"
                out.append(Launch("publication", title, _norm(key), verb.start()))
            continue
        # ("UNODC publishes its Global Report on Trafficking in Persons every two years": in the
        # present, the habit may follow the whole name.)
        named_at = text.find(name, verb.end()) if verb.group("verb").endswith("s") else -1
        habit_to = (named_at + len(name) if named_at >= 0 else verb.end()) + 40
        if kind == "publication" and (
            _EVERY_YEAR.search(text, max(0, verb.start() - 30), habit_to)
            # ("Every year our partners ask the same questions when the US State Department publishes
            # its Trafficking in Persons Report": what happens each time, in a sentence that says so
            # first.)
            or _EACH_TIME_OPENING.match(text)
            # ("The Trafficking in Persons (TIP) Report is published by the US State Department and
            # places almost every government in one of four groups": what the series is, told in the
            # present with no time at all, no one release.)
            or (_HABITUAL_PASSIVE.search(text, 0, verb.start()) and not extract_temporals(text))
        ):
            continue  # "The report, published every year since 2001": the series, no one release
        # "the ASEAN Commission on … (ACWC)": the acronym that ends a name stays with it.
        acronym = re.search(r"\s\(([A-Z][A-Za-z&-]{1,11})\)$", name)
        name = _without_place(ctx, _clean_title(name))
        if acronym and kind == "launch":
            name = f"{name} ({acronym.group(1)})"
        # "unveiled the programme": the one the article has named.
        generic = bool(re.fullmatch(r"[\w-]+", name)) and bool(
            re.search(rf"\b(?:the|this|its)\s+{re.escape(name)}\b", text[verb.end() :], re.IGNORECASE)
        )
        launched = verb.group("verb").lower().startswith(("launch", "unveil")) or kind == "launch"
        name = re.sub(r"^(?:the|The)\s+", "", name)
        edition = report_edition(ctx, text, name) if kind == "publication" else None
        if kind == "publication" and edition is None:
            edition = (
                _edition_released_on(ctx, text, name, verb.end())
                or _edition_by_year(ctx, text, name)
                or _previous_edition(ctx, text, verb.start(), name)
            )
        last_years = _LAST_YEARS.search(text, max(0, verb.start() - 80), verb.start())
        editions_named = recorded_editions(ctx, name, name)
        # ("The fifth edition of the report, launched at a virtual event": of the one edition named.)
        # ("a report released today by the United Nations Office on Drugs and Crime": a report named
        # by its publisher alone is as bare.)
        bare = re.fullmatch(rf"report|{_AN_EDITION}|{_REPORT_BY}", name, re.I) or editions_named
        # "in the report issued last June", in a story on this year's: the one before, whichever.
        last_time = _LAST_TIME.match(text, verb.end(), verb.end() + 40)
        last_years = last_years or last_time
        if kind == "publication" and edition is None and not last_years and bare:
            # "Kerry, presenting the report in Washington", in an article on the 2014 Trafficking in
            # Persons Report: the one edition the article names (of this report, when the mention
            # names one: "its first Global Report", in a story on the TIP Report, is not that).
            edition = the_edition_named(ctx)
            named = {r.get("report") for r in editions_named}
            if edition is not None and named and edition.get("report") not in named:
                edition = None
            if edition is not None and not _published_by(ctx, name, edition):
                edition = None  # "a report by the UN Human Rights Office": not UNODC's Global Report
            # "in the report released in June 2024", "The report, published every year since 2001":
            # another edition, or the series.
            # (The years of what the report found, "up from 20 per cent in the period 2003 to 2006",
            # are no release's: only a date by the verb dates it.)
            years = {t.year for t in extract_temporals(text[: verb.end() + 30]) if t.year is not None}
            published = parse_partial(edition.get("published")) if edition is not None else None
            if _EVERY_YEAR.search(text) or (published and years and years != {published[0].year}):
                edition = None
        if edition is None and kind == "publication" and last_years:
            # "Last year's report came out on June 15", in a story on the 2024 edition: the one
            # recorded before it, if the day the sentence gives is its release's.
            edition = _the_one_before(ctx, text)
        if edition is None and kind == "publication" and last_years:
            # "Last year's report had been released by Clinton", in a story on this year's: another
            # edition than the one the article reports, whichever that is; "report" alone is of the
            # one series the article names ("the previous Trafficking in Persons Report").
            series = _report_of_article(ctx, name) if name.casefold() in ("report", "edition") else None
            name = f"previous {series.get('report') if series is not None else name}"
        if verb.group("verb").casefold() == "presenting" and edition is None:
            continue  # "Kerry, presenting the report, said …": a release only when it names the edition
        named_words = {w for w in _norm(name).split() if not w.isdigit()} - {"previous", "earlier", "first"}
        if edition is not None and (
            re.fullmatch(rf"edition|report|{_AN_EDITION}|{_REPORT_BY}|{_LATEST_EDITION}", name, re.I)
            or (
                named_words <= set(_norm(edition.get("report")).split()) | {"edition"}
                and name.split()[-1].islower()
            )
        ):
            # "the previous report", "the Global report" (a common noun after a piece of a name): the
            # whole name of the edition it is; a name the text gives ("the 2014 Global Report") stays.
            name = edition.get("report")  # "the 2014 edition": of the report the article names
        if edition is not None and edition.get("edition") not in name:
            name = f"{edition.get('edition')} {name}"
        opening = (
            "Inauguration"
            if verb.group("verb").lower().startswith("inaugura")
            else "Establishment"
            if verb.group("verb").lower() in _ESTABLISHED
            else "Launch"
        )
        title = (opening if launched else "Publication") + " of the " + name
        out.append(Launch(kind, title, _norm(name), verb.start(), generic, edition, due=due))
        taken.add(verb.start())
    if out:
        earlier = [x for x in _ranked_last_year(ctx, text) if all(x.at < o.at for o in out)]
        return [*earlier, *_report_of_day(ctx, text, out), *out, *_last_years_edition(ctx, text, out)]
    released = (
        _entry_edition(ctx, text)
        or _ranking_release(ctx, text)
        or _report_of_a_month(ctx, text)
        or _ranked_last_year(ctx, text)
        or _ranked_in_year(ctx, text)
        or _earlier_edition_in(ctx, text)
        or _a_days_report(ctx, text)
        or _what_a_report_did(ctx, text)
    )
    # ("upgraded … in the 2016 TIP Report and kept on the Watch List in the 2017 TIP Report": the
    # ranking is the 2016 edition's; the 2017 edition, named too, came out as well.)
    if released and any(x.edition is None for x in released):
        return released
    also = _edition_named(ctx, text)
    return [*released, *(x for x in also if all(x.edition != r.edition for r in released))]


# A report known only by who published it: "the U.N. human rights office said in a report released
# on Tuesday", "yesterday's report by the UN Human Rights Office", "a report of the UN Human Rights
# Office last August", "the assessment published by the … Office in August last year".
_SAID_IN_A_REPORT = re.compile(
    r"(?:\s+\([A-Z][\w&/-]*\))?\s+(?:said|says|warned|estimated|found)\s+(?:[\w,]+\s+){0,3}?in\s+"
    r"(?:a|its)\s+(?:new\s+|latest\s+|separate\s+)?(?P<doc>report|study|assessment)\b"
)
_BODY_REPORT_OF_A_TIME = re.compile(
    rf"(?:\s+\([A-Z][\w&/-]*\))?\s+(?P<doc>report|study|assessment)\s+(?:of|in|from)\s+(?:(?:early|mid|late)[\s-]+)?"
    rf"(?:{MONTH_RE}\s+)?(?:19|20)\d\d\b"
)
_REPORT_OF = re.compile(
    r"\b(?P<doc>report|study|assessment)\s+(?:(?:published|released|issued)\s+)?(?:by|of|from)\s+(?:the\s+)?$"
)


def _publishers_report(ctx: _Context, text: str, words: frozenset[str], taken: set[int]) -> list[Launch]:
    """The release of a report named by its publisher alone, a body on record, when the sentence
    dates it (undated, which of the body's reports it is cannot be told). The one recorded edition
    the article names, if that body publishes it, is the report meant."""
    if not re.search(r"\b(?:report|study|assessment)\b", text):
        return []
    for start, end, row in ctx.gaz.bodies.find(text):
        said = _SAID_IN_A_REPORT.match(text, end)
        of = _REPORT_OF.search(text, max(0, start - 60), start)
        # ("A United Nations human rights office report in August 2023 put …", "the UN Human Rights
        # Office report of August 2023": the body's report with its month.)
        owned = _BODY_REPORT_OF_A_TIME.match(text, end)
        doc = said or of or owned
        if doc is None:
            continue
        who = text[start:end]
        name = f"report by the {who}"
        edition = the_edition_named(ctx)
        if edition is not None and not (
            _published_by(ctx, name, edition) or _published_by(ctx, f"report by {row.get('short')}", edition)
        ):
            edition = None
        if edition is None and recorded_editions(ctx, text, text):
            return []  # (a recorded report the sentence names is the one meant: its own rules date it)
        at = doc.start("doc")
        # The verb of the release ("released on Tuesday") is this release's, no other launch's.
        for verb in _PUBLICATION_VERB.finditer(text, words):
            if abs(verb.start() - at) <= 40:
                taken.add(verb.start())
        if edition is not None:
            return _release(text, at, at, edition.get("report"), edition)
        return [_report_by_body(who, row, at)]
    return []


def _report_by_body(who: str, row: Row, at: int) -> Launch:
    """The release of a report known by its publisher alone (``who``, a body on record): an event
    only where the sentence dates it."""
    title = "Publication of the report by the " + re.sub(r"^(?:the|The)\s+", "", who)
    return Launch("publication", title, _norm(f"report by {row.get('short')}"), at, dated_only=True)


def _edition_named(ctx: _Context, text: str) -> list[Launch]:
    """ "Malaysia's ranking in the 2015 Trafficking in Persons Report is being watched", "according to
    UNODC's Global Report on Trafficking in Persons 2022": a recorded edition named with its year is
    its release, dated by its row (no verb needed, none of the sentence's dates is its)."""
    # ("upgraded … in the 2016 TIP Report and kept on the Watch List in the 2017 TIP Report": each.)
    out: list[Launch] = []
    for start, end, row in ctx.gaz.reports.find(text):
        edition = _edition_at(ctx, text, start, end, row)
        if edition is not None and all(x.edition != edition for x in out):
            out += _release(text, start, end, row.get("report"), edition, named_only=True)
    return out


def _release(
    text: str, start: int, end: int, report: str, edition: Row | None, named_only: bool = False
) -> list[Launch]:
    """The release of the recorded report named at ``text[start:end]``, keyed by ``report`` (the
    series, or "previous …"), titled with its edition's year when it is known."""
    name = _clean_title(text[start:end])
    if edition is not None and edition.get("edition") not in name:
        name = f"{edition.get('edition')} {name}"
    return [
        Launch("publication", f"Publication of the {name}", _norm(report), start, False, edition, named_only)
    ]


# "Last month, the US State Department's annual Trafficking in Persons report moved Thailand up …",
# "The 2024 Trafficking in Persons Report of the US State Department told a similar story": a
# recorded report that ranked, found or urged something had come out, in the edition it names or on
# the day the sentence opens with (or gives right after its name: "… report last July kept …").
_PAST_FINDING = (
    r"found|said|warned|urged|described|moved|placed|kept|put|lifted|dropped|downgraded|upgraded|"
    r"criticised|criticized|cited|noted|told|showed|drew|ranked|listed|named|highlighted|praised|"
    r"called|recorded|reported|documented|gave|rated|estimated|singled"
)
_PRESENT_FINDING = (
    r"finds|says|warns|urges|describes|moves|places|keeps|puts|lifts|drops|downgrades|upgrades|"
    r"criticises|criticizes|cites|notes|tells|shows|ranks|lists|names|highlights|praises|calls|"
    r"records|reports|documents|gives|rates|estimates|singles"
)
_REPORT_DID = re.compile(
    r"(?:\s+(?:of|by|from)\s+the\s+(?:[A-Z][\w.'’-]*\s+){0,5}?[A-Z][\w.'’-]*)?"
    rf"(?P<when>\s+(?:in|last|this)\s+(?:{MONTH_RE}|year)\b)?"
    r"\s+(?:(?:again|also|then|too|later|first)\s+)?"
    rf"(?:(?P<past>{_PAST_FINDING})|(?P<present>{_PRESENT_FINDING}))\b"
)
# "In June last year, the …", "Last Monday, the United States' annual …": a time that opens the
# sentence, then the report's owner and epithets, with no verb between.
# (A dateline may lead: "MANILA, June 30 (PNA) -- Last Monday, the …".)
_OPENING_TIME = re.compile(
    r"(?:^|\s[-–—]+\s+)(?P<when>[^,;—–-]{2,30}),\s+(?:the\s+)?(?:[\w.'’-]+\s+){0,8}$", re.IGNORECASE
)


def _what_a_report_did(ctx: _Context, text: str) -> list[Launch]:
    """The release of a recorded report the sentence tells as having ranked, found or urged
    something: in the edition it names, or when the sentence says when ("Last month, the … report
    moved Thailand up"); nothing when no time or edition places it."""
    for start, end, row in ctx.gaz.reports.find(text):
        did = _REPORT_DID.match(text, end)
        if did is None:
            continue
        edition = report_edition(ctx, text, text[start:end])
        opening = _OPENING_TIME.search(text[:start])
        # (The first of them that is a time: "KUALA LUMPUR, 19 November 2015 -- The US …" opens with a
        # place.)
        whens = (did.group("when") or "", opening.group("when") if opening else "", _ranked_when(text, did))
        when = next((w for w in whens if w and extract_temporals(w)), "")
        timed = bool(when)
        if edition is None and (did.group("present") or not timed):
            return []  # ("The report finds …", "The report found …": which edition, or when, is not said.)
        key = row.get("report")
        if edition is None and re.search(r"\blast\s+year\b|\byears?\s+ago\b", when, re.IGNORECASE):
            key = f"previous {key}"  # (the edition before the one an article on this year's reports)
        return _release(text, start, end, key, edition)
    return []


_RANKED_IN = re.compile(rf"\s(?:in|last|this)\s+(?:{MONTH_RE}|year)\b(?!\s+\d)")


def _ranked_when(text: str, did: re.Match[str]) -> str:
    """ "The US State Department's Trafficking in Persons Report moved Malaysia up from Tier 3 to the
    Tier 2 Watch List in July": the time at the end of the ranking's own clause is the release's
    (not a finding's: "found that victims rose in 2022" tells of the victims)."""
    # (A verb that ranks, as _ranking_release reads them.)
    if not _RANKS.fullmatch(did.group("past") or ""):
        return ""
    clause = re.split(r"[,;]", text[did.end() :], maxsplit=1)[0]
    ranked = _RANKED.search(clause)
    when = _RANKED_IN.search(clause, ranked.end()) if ranked else None
    return when.group() if when else ""


# "Last week's Global Report on Trafficking in Persons from the UN Office on Drugs and Crime should
# be read in every ASEAN capital": a recorded report owned by a recent time came out then.
_TIMES_OWN = re.compile(
    r"\b(?:[Yy]esterday|[Tt]oday|[Ll]ast\s+(?:week|month)|[Tt]his\s+(?:week|month)|"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)['’]s\s+$"
)


def _a_days_report(ctx: _Context, text: str) -> list[Launch]:
    """The release of a recorded report a recent day or week owns ("Last week's Global Report")."""
    for start, end, row in ctx.gaz.reports.find(text):
        if _TIMES_OWN.search(text, max(0, start - 30), start):
            return _release(text, start, end, row.get("report"), report_edition(ctx, text, text[start:end]))
    return []


# A yearly report named with the month it came out: "The US State Department's Trafficking in Persons
# report in June kept Thailand on Tier 2", "whose annual trafficking report last June criticised …",
# "placed in last July's report".
# ("Washington's Trafficking in Persons report of last June", "… Report of July last year", "… report of
# June 2012": the edition of that month.)
_REPORT_MONTH_AFTER = re.compile(
    rf"(?:\s+report)?\s+(?:(?:in|last|this)\s+(?:{MONTH_RE})\b(?!\s+\d)"
    rf"|of\s+(?:last\s+)?(?P<month>{MONTH_RE})\b(?:\s+(?P<year>(?:19|20)\d\d)\b|(?!\s+\d)))"
)
_MONTHS_REPORT = re.compile(
    rf"\b(?:last|this)\s+(?:{MONTH_RE})['’]s\s+(?:annual\s+)?(?:report|edition)\b"
    rf"|\bannual\s+(?:[\w-]+\s+){{0,2}}?report(?={_REPORT_MONTH_AFTER.pattern})",
    re.IGNORECASE,
)


def _report_of_a_month(ctx: _Context, text: str) -> list[Launch]:
    """The release of the one report series the article names, when the sentence names the report
    with the month it came out ("… report in June kept Thailand on Tier 2"), and no edition."""
    named = []
    for start, end, row in ctx.gaz.reports.find(text):
        month = _REPORT_MONTH_AFTER.match(text, end)
        if month is None:
            continue
        if month.group("year"):
            # ("… report of June 2012": the series' edition released that month, if one is recorded.)
            when = f"{month.group('year')}-{MONTHS[month.group('month').rstrip('.').lower()]:02d}"
            released = [r for r in _editions_of(ctx, row) if r.get("published").startswith(when)]
            return _release(text, start, end, row.get("report"), released[0]) if len(released) == 1 else []
        named.append((start, end))
    described = [m.span() for m in _MONTHS_REPORT.finditer(text)]
    spans = sorted((*named, *described))
    if not spans or report_edition(ctx, text, text[spans[0][0] : spans[0][0] + 80]) is not None:
        return []
    name = _one_series(ctx)  # (asked last: it reads the whole article)
    if name is None:
        return []
    at, end = spans[0]
    if (at, end) in described and not _described_as(text[at:end], name):
        return []  # ("the State Department's annual trafficking report in June", in an article on the GSI)
    if re.search(r"\blast\b", text[at : end + 30], re.IGNORECASE):
        # "last July's report", "whose annual trafficking report last June": the edition before the
        # one the article reports, whichever that is.
        name = f"previous {name}"
    return [Launch("publication", f"Publication of the {name}", _norm(name), at)]


# "The State Department on Thursday took Thailand off its list of the world's worst human trafficking
# offenders … in an annual report", "The United States on Friday downgraded Thailand and Malaysia to
# the lowest ranking in its annual report on human trafficking": a report's release, told by what it
# ranks.
_RANKS = re.compile(
    r"\b(?:downgraded|upgraded|moved|lifted|took|dropped|pushed|raised|kept|placed|put|removed|demoted|"
    r"promoted|relegated|added)\b"
)
_RANKED = re.compile(
    r"\b(?:Tier\s*(?:[123]|One|Two|Three)|Watch\s+List|lowest\s+(?:tier|rank(?:ing)?)|worst\s+(?:[\w-]+\s+){0,3}?(?:rank(?:ing)?|"
    r"offenders)|blacklist|rankings?)\b",
    re.IGNORECASE,
)
# ("… in the State Department's annual Trafficking in Persons report": its owner's name first.)
_ANNUAL_REPORT = re.compile(
    r"\b(?:its|an|the|their|[A-Z][\w.]*['’]s)\s+annual\s+(?:[\w-]+\s+){0,3}?(?:report|rankings?)\b",
    re.IGNORECASE,
)


def _described_as(description: str, name: str) -> bool:
    """Whether a report described by its words ("the US State Department's annual trafficking
    report") may be the series ``name``: a word before its noun is in the name, and so is the noun
    "report" (the Global Slavery Index is no "trafficking report")."""
    m = re.search(r"\bannual\s+(?P<words>(?:[\w-]+\s+){0,3}?)(?P<noun>report|rankings?)\b", description, re.I)
    if m is None:
        return True
    named = name.casefold()
    words = m.group("words").split()
    return (not words or any(w.casefold() in named for w in words)) and (
        m.group("noun").casefold() != "report" or "report" in named
    )


def _one_series(ctx: _Context) -> str | None:
    """The one report series the article names, if it names exactly one."""
    series = {row.get("report") for x in ctx.sentences for _, _, row in ctx.gaz.reports.find(x.text)}
    return series.pop() if len(series) == 1 else None


def _ranking_release(ctx: _Context, text: str) -> list[Launch]:
    """The release of the one report series the article names, when the sentence tells of a
    ranking in its annual report done on a day ("on Thursday"), and names no edition."""
    verb = _RANKS.search(text)
    annual = _ANNUAL_REPORT.search(text)
    # (A time in a relative clause is another act's: "…, where it had been placed in June last year".)
    asides = [m.span() for m in re.finditer(r",\s+(?:where|which|who|when)\b[^,;]*", text)]
    timed = any(not any(a <= t.start < b for a, b in asides) for t in extract_temporals(text))
    if verb is None or annual is None or not _RANKED.search(text) or not timed:
        return []
    name = _one_series(ctx)
    if name is None or not _described_as(annual.group(), name):
        return []
    return [Launch("publication", f"Publication of the {name}", _norm(name), verb.start())]


# "… placed on the Tier 2 Watch List …, after it was demoted to the list last year": a ranking done
# last year, by the edition published then.
# ("Cambodia was moved down to the watch list three years ago": so is one some years ago.)
_RANKED_LAST_YEAR = re.compile(
    # ("placed on Tier 3 in the US Trafficking in Persons report last year": the report named between.)
    rf"{_RANKS.pattern}[^,;.]{{0,60}}?\b(?:last\s+year(?:(?!['’])|['’]s\s+(?:\w+\s+){{0,2}}?(?:report|edition)\b)"
    r"|(?:two|three|four|five|\d)\s+years\s+ago\b)"
)


def _ranked_last_year(ctx: _Context, text: str) -> list[Launch]:
    """The previous edition of the one report series the article names, when the sentence speaks of
    its tiers and tells of a ranking done last year."""
    m = _RANKED_LAST_YEAR.search(text)
    if m is None or not _RANKED.search(text) or re.search(r",\s+(?:where|which)\b[^,;]*$", text[: m.start()]):
        # (Not "…, where it had been placed in June last year": a relative clause's date is the
        # noun's, which leaves the release undated.)
        return []
    name = _one_series(ctx)
    if name is None:
        return []
    previous = f"previous {name}"
    return [Launch("publication", f"Publication of the {previous}", _norm(previous), m.start())]


# "It had been downgraded to Tier 3 in June 2014 and kept there in 2015": a ranking done in a year,
# by the edition of the one report series the article names that came out that year.
_RANKED_IN_YEAR = re.compile(
    rf"{_RANKS.pattern}[^,;.]{{0,60}}?\bin\s+(?:(?P<month>{MONTH_RE})\s+)?(?P<year>(?:19|20)\d\d)\b"
)


def _ranked_in_year(ctx: _Context, text: str) -> list[Launch]:
    """The edition of the one report series the article names published in the year (and month, if
    given) a ranking the sentence tells of was done, when only one edition came out then."""
    if not _RANKED.search(text) or (name := _one_series(ctx)) is None:
        return []
    out: list[Launch] = []
    for m in _RANKED_IN_YEAR.finditer(text):
        if re.search(r",\s+(?:where|which)\b[^,;]*$", text[: m.start()]):
            continue  # (a relative clause's date is the noun's)
        out.extend(x for x in _edition_of_month(ctx, name, m) if all(x.edition != o.edition for o in out))
    return out


def _edition_of_month(ctx: _Context, name: str, m: re.Match[str]) -> list[Launch]:
    """The one recorded edition of the series published in the year (and month, if given) that
    ``m`` names (groups "year" and "month"), as a release at ``m``; none if not exactly one."""
    month = m.group("month")
    editions = [
        r
        for r in editions_of_series(ctx, _norm(name))
        if r.get("published").startswith(m.group("year"))
        and (month is None or _month_of(r.get("published")) == month[:3].casefold())
    ]
    if len(editions) != 1:
        return []
    title = f"Publication of the {editions[0].get('edition')} {name}"
    return [Launch("publication", title, _norm(name), m.start(), edition=editions[0], named_only=True)]


# "That earlier edition, published in May 2014, put the figure at …": an edition of the report the
# article names, by when it came out.
_EARLIER_EDITION_IN = re.compile(
    r"\b(?:earlier|previous|prior|first|last)\s+edition,?\s+(?:which\s+was\s+)?"
    rf"(?:published|released|issued|launched)\s+in\s+(?:(?P<month>{MONTH_RE})\s+)?(?P<year>(?:19|20)\d\d)\b"
)


def _earlier_edition_in(ctx: _Context, text: str) -> list[Launch]:
    """The edition that "that earlier edition, published in May 2014" is: of the report series
    named last before it, in the sentence or the one before."""
    m = _EARLIER_EDITION_IN.search(text)
    if m is None:
        return []
    at = ctx.sentence_index(text)
    before = [ctx.sentences[at - 1].text] if at else []
    named = [row.get("report") for x in (*before, text[: m.start()]) for _, _, row in ctx.gaz.reports.find(x)]
    return _edition_of_month(ctx, named[-1], m) if named else []


def _month_of(published: str) -> str:
    """The first three letters of the month of a recorded day ("2014-06-20": "jun")."""
    parts = published.split("-")
    return MONTH_NAMES[int(parts[1]) - 1][:3].casefold() if len(parts) > 1 else ""


# "fell back to Tier 3 in the report of 1 July 2021": an edition named by the day it came out.
_REPORT_OF_DAY = re.compile(
    r"\b(?:the|its)\s+(?:annual\s+)?(?:report|edition)\s+of\s+(?=\d{1,2}\s|[A-Z][a-z]+\.?\s+\d)"
)


def _report_of_day(ctx: _Context, text: str, launches: list[Launch]) -> list[Launch]:
    """ "… in the report of 1 July 2021 and stayed there in the edition released on 19 July 2022":
    the recorded edition of the article's one series released on the day the mention names, a
    release of its own beside the one the sentence's verb reports."""
    out = []
    for m in _REPORT_OF_DAY.finditer(text):
        t = next(iter(extract_temporals(text[m.end() : m.end() + 30])), None)
        iv = stated_interval(t) if t is not None and t.start == 0 else None
        series = _report_of_article(ctx, "report") if iv and iv[0] == iv[1] else None
        rows = [
            r
            for r in (_editions_of(ctx, series) if series is not None and iv else ())
            if (d := parse_partial(r.get("published"))) and iv and d[0] == iv[0]
        ]
        if len(rows) == 1 and all(x.edition is None or x.edition.key != rows[0].key for x in launches):
            row = rows[0]
            name = f"{row.get('edition')} {row.get('report')}"
            out.append(
                Launch("publication", f"Publication of the {name}", _norm(name), m.start(), edition=row)
            )
    return out


def _last_years_edition(ctx: _Context, text: str, launches: list[Launch]) -> list[Launch]:
    """ "… its annual Trafficking in Persons Report, released in Washington yesterday, the same
    ranking the Kingdom received in last year's edition": the previous edition was published too,
    last year; a release of its own, not the one the sentence reports."""
    m = _LAST_YEARS.search(text, max((x.at for x in launches), default=0) + 1)
    series = {row.get("report") for _, _, row in ctx.gaz.reports.find(text)}
    if m is None or len(series) != 1 or not any(x.kind == "publication" for x in launches):
        return []
    name = f"previous {series.pop()}"
    return [Launch("publication", f"Publication of the {name}", _norm(name), m.start())]


# "report by the United Nations Office on Drugs and Crime": a report named by its publisher alone.
_REPORT_BY = r"report\s+(?:by|from)\s+(?:the\s+)?[A-Z].*"
# ("… launched today by the UN Office on Drugs and Crime": the "by" of the publisher, a few words on.)
_BY_AHEAD = re.compile(r"[^,;.]{0,40}?\b(?=by\s)")
# "publishes a report estimating …", "released a new study on …": one report, unnamed.
_A_NEW_REPORT = re.compile(
    r"\s+(?:a|an)\s+(?:new\s+|fresh\s+|separate\s+|\w+-page\s+)?(?:report|study)\b(?!\s+(?:on|entitled|titled|called)\s+[A-Z\"“'‘])"
)

# "the fifth edition of the report", "the edition of the report": an edition named by the report.
_AN_EDITION = r"(?:[\w-]+\s+)?edition of the report"
# ("The most recent edition, released in June this year, is the 2020 report")
_LATEST_EDITION = r"(?:most\s+)?(?:recent|latest|newest|new|current)\s+(?:edition|report)"


# A dated timeline entry that opens with a recorded report's edition: "June 27, 2011 - The 2011 TIP
# Report moves the Philippines up to Tier 2", in a list of a report's releases.
# Also "December 2024 - UNODC's Global Report on Trafficking in Persons 2024 records …".
_ENTRY_DAY = re.compile(
    # (Its year may be a heading's: "2014" over "June 20 - The State Department's report …".)
    # ("20 June 2014 - The TIP report downgrades Thailand …": the day may come first.)
    rf"^(?:[*•·]\s*)?(?:\d{{1,2}}\s+)?(?:{MONTH_RE})\s+(?:\d{{1,2}},?\s*)?(?:(?:19|20)\d\d)?\s*[-–—:]\s+(?:The\s+)?"
    r"(?:(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*['’]s\s+)?"
)


def _entry_edition(ctx: _Context, text: str) -> list[Launch]:
    """The edition a dated entry names first, published that day (the reference row checks it)."""
    m = _ENTRY_DAY.match(text)
    if m is None:
        return []
    named = series = ""
    for start, end, row in ctx.gaz.reports.find(text):
        # ("20 May 2014 - The ILO report Profits and Poverty puts …": the publisher's report, named.)
        if start > m.end() + 5 and not _PUBLISHERS_REPORT.fullmatch(text, m.end(), start):
            break
        edition = _edition_at(ctx, text, start, end, row)
        series = series or row.get("report")
        if edition is not None:
            name = _clean_title(text[m.end() : end])
            return [
                Launch(
                    "publication", f"Publication of the {name}", _norm(text[start:end]), start, False, edition
                )
            ]
        named = named or text[start:end]
    return _entry_of_a_release(ctx, text, m.end(), named, series)


_TIERS = re.compile(r"\bTier\s*(?:[123]|One|Two|Three)\b|\bWatch\s+List\b")
_PUBLISHERS_REPORT = re.compile(r"(?:[A-Z][\w.-]*\s+){1,3}(?:report|study)\s+(?:titled\s+|entitled\s+)?")


def _entry_of_a_release(
    ctx: _Context, text: str, body_at: int, named: str = "", series: str = ""
) -> list[Launch]:
    """ "July 27, 2015 - Malaysia moves up to the Tier 2 Watch List", in a list of a report's
    releases: the edition released on the entry's day, when the entry speaks of tiers and exactly one
    recorded edition came out that day (titled as the entry names the report, if it does: "The TIP
    report downgrades Thailand …"). An entry of a month ("July 2022 - The US Trafficking in Persons
    report moves Cambodia to Tier 3") is the one edition of the report it names out that month."""
    # An entry that names the report ("20 May 2014 - The ILO report Profits and Poverty puts …")
    # needs no tiers: the edition of that report released on the entry's day.
    tiers = bool(_TIERS.search(text, body_at))
    if not tiers and not series:
        return []
    # ("June 20 - The State Department's report drops Thailand to Tier 3", under a heading "2014".)
    heading = next((x.paragraph.year for x in ctx.sentences if x.text == text and x.paragraph.year), None)
    day = next(
        (
            iv
            for t in extract_temporals(text[:body_at])
            if (
                iv := stated_interval(t)
                or (year_interval(t, heading) if heading and t.year is None else None)
            )
        ),
        None,
    )
    a_month = bool(series) and day is not None and day[0].day == 1 and (day[1] - day[0]).days <= 30
    if day is None or (day[0] != day[1] and not (a_month and tiers)):
        return []
    rows = [
        r
        for r in ctx.gaz.reference.rows("reports")
        if (out := parse_partial(r.get("published"))) is not None
        and day[0] <= out[0]
        and out[1] <= day[1]
        and ((day[0] == day[1] and tiers) or r.get("report") == series)
    ]
    if len(rows) != 1:
        return []
    name = f"{rows[0].get('edition')} {named or rows[0].get('report')}"
    return [
        Launch(
            "publication", f"Publication of the {name}", _norm(rows[0].get("report")), body_at, False, rows[0]
        )
    ]


# The year that names a report's edition, before its name ("the State Department's 2024 Trafficking
# in Persons Report") or after it ("Global Report on Trafficking in Persons 2022").
_EDITION_BEFORE = re.compile(r"\b(?P<year>(?:19|20)\d\d)\s+(?:(?:UNODC|US|U\.S\.|annual)\s+)?$")
_EDITION_AFTER = re.compile(r"\s*(?:\([A-Z]+\)\s*)?,?\s*(?P<year>(?:19|20)\d\d)\b(?!\s*[-–]\s*\d)")


def report_edition(ctx: _Context, text: str, name: str) -> Row | None:
    """The recorded edition of the report the sentence names as ``name``, given by the year beside
    the report's name; None when no year names one, or the reference data lacks it."""
    for start, end, row in _reports_named(ctx, text, name):
        edition = _edition_at(ctx, text, start, end, row)
        if edition is not None:
            return edition
    return None


def _edition_at(ctx: _Context, text: str, start: int, end: int, row: Row) -> Row | None:
    """The recorded edition of the report named at ``text[start:end]``, by the year beside it."""
    year = _EDITION_BEFORE.search(text, max(0, start - 25), start) or _EDITION_AFTER.match(text, end)
    return ctx.gaz.report_edition(row, int(year.group("year"))) if year is not None else None


def _edition_released_on(ctx: _Context, text: str, name: str, at: int = 0) -> Row | None:
    """ "Last year's report, released on June 15, 2023": the recorded edition released that day (of
    two days, the one after the verb at ``at``: "in the report of 1 July 2021 and stayed there in
    the edition released on 19 July 2022")."""
    stated = [(t, iv) for t in extract_temporals(text) if (iv := stated_interval(t)) and iv[0] == iv[1]]
    after = [iv for t, iv in stated if at <= t.start <= at + 40]
    days = {iv[0] for iv in after[:1]} or {iv[0] for _, iv in stated}
    # The name holds the report's name, whether the sentence or an earlier one gave it.
    rows = recorded_editions(ctx, name, name)
    if not rows and days and (report := _report_of_article(ctx, name)) is not None:
        rows = _editions_of(ctx, report)  # "Dec. 12, 2012 - UNODC publishes the first Global Report"
    found = [r for r in rows if (d := parse_partial(r.get("published"))) and d[0] in days]
    return found[0] if len(found) == 1 else None


# ("published every two years": a biennial series, no one release either.)
# A sentence, after its dateline if any, that opens with what happens each time: "Every year our
# partners ask …", "BANGKOK, 2 July 2024 - Each year, …".
_EACH_TIME_OPENING = re.compile(
    r"\s*(?:[^.;]{0,60}?\s[-–—]+\s+)?(?:every|each)\s+(?:year|time)\b|\s*whenever\b", re.I
)
_HABITUAL_PASSIVE = re.compile(r"\b(?:is|are)\s+$")
_EVERY_YEAR = re.compile(
    r"\b(?:every|each)\s+(?:(?:two|three|four|five|other|2|3|4|5)\s+)?years?\b|\bannually\b|\byearly\b"
    r"|\bbiennially\b|\bsince\s+(?:19|20)\d\d\b",
    re.I,
)


def the_edition_named(ctx: _Context) -> Row | None:
    """The one recorded edition the article (headline included) names with its year, when it names
    exactly one ("LIVE: State Department releases 2024 Trafficking in Persons Report" over "Blinken
    launched the report this afternoon")."""
    texts = (ctx.article.document.title or "", *(x.text for x in ctx.sentences))
    named = {
        row.key: row
        for text in texts
        for _, _, found in ctx.gaz.reports.find(text)
        if (row := report_edition(ctx, text, found.get("report"))) is not None
    }
    return next(iter(named.values())) if len(named) == 1 else None


def _reports_of_article(ctx: _Context) -> dict[str, Row]:
    """The report series the article (headline included) names by their own names."""
    texts = (ctx.article.document.title or "", *(x.text for x in ctx.sentences))
    return {row.get("report"): row for x in texts for _, _, row in ctx.gaz.reports.find(x)}


def _report_of_article(ctx: _Context, name: str) -> Row | None:
    """The one report the article names by its own name that ``name`` ("its Global Report", "the
    2014 edition") can be: when it names several, the one whose name holds the mention's
    capitalised words."""
    named = _reports_of_article(ctx)
    if len(named) > 1:
        words = set(re.findall(r"\b[A-Z][a-z]+\b", name))
        named = {k: r for k, r in named.items() if words and words <= set(k.split())}
    return next(iter(named.values())) if len(named) == 1 else None


_YEAR_OF_REPORT = re.compile(r"\b(?P<year>(?:19|20)\d\d)\s+(?:edition|report)\b", re.IGNORECASE)


def _edition_by_year(ctx: _Context, text: str, name: str) -> Row | None:
    """ "The 2024 report had been published in June last year", in an article that names the
    Trafficking in Persons Report: that report's 2024 edition."""
    # ("* Global Report 2012 - released 12 December 2012", in a list of the Global Report's editions.)
    year = _YEAR_OF_REPORT.search(text) or re.search(r"\b(?P<year>(?:19|20)\d\d)$", name)
    rows = recorded_editions(ctx, name, name)
    if not rows and year:
        # "follows the 2014 edition", "the 2018 edition of its Global Report": of the report the
        # article names.
        report = _report_of_article(ctx, name)
        rows = (report,) if report is not None else ()
    return ctx.gaz.report_edition(rows[0], int(year.group("year"))) if year and rows else None


_LAST_TIME = re.compile(
    rf"\s*(?:(?:in|on|by)\s+[^,;.]{{0,20}}?\s+)?(?:last\s+(?:year|{MONTH_RE})|(?:a|one|two|three|\d+)\s+years?\s+ago)\b",
    re.IGNORECASE,
)
_LAST_YEARS = re.compile(
    r"\b(?:last|previous)\s+year['’]s\s+(?:\w+\s+){0,4}?(?:edition|report)\b", re.IGNORECASE
)
# "The report is UNODC's second global assessment. The first, published in February 2009, …": the
# noun left out after an ordinal or a step word is the report's.
_ELIDED = re.compile(
    r"^(?:(?:The|Its|Their)\s+)(?P<which>first|previous|preceding|earlier)"
    # ("The previous round, released in September 2017", "The first Outlook, launched in July 2022":
    # an edition by a word for one, or by the head of the report's name.)
    r"(?:\s+(?P<noun>(?i:round|edition|issue)|[A-Z][\w-]+))?\s*,\s*$",
    re.IGNORECASE,
)


def _elided_edition(ctx: _Context, text: str, verb_at: int) -> list[Launch]:
    """ "The first, published in February 2009": the first (or previous) recorded edition of the one
    edition the article names, when the day the sentence gives fits it."""
    m = _ELIDED.match(text[:verb_at])
    this = the_edition_named(ctx) if m else None
    noun = m.group("noun") if m is not None else None
    if m is not None and this is None and noun and noun[0].isupper():
        return _elided_unrecorded(ctx, text, verb_at, m.group("which").casefold(), noun)
    if m is None:
        return []
    if this is None:
        # ("The previous round, released in September 2017", in a note on the Global Estimates named
        # without their year: the one edition of the reports the article names released then.)
        row = _article_edition_released_in(ctx, text[verb_at:]) if noun else None
    elif noun and noun[0].isupper() and noun.casefold() not in _norm(this.get("report")).split():
        return []  # ("The first Index, …" in a story on the Global Report: another report's)
    else:
        row = _first_or_before(_editions_of(ctx, this), this, m.group("which").casefold() == "first")
        row = None if row is not None and row.key == this.key else row
    if row is None:
        return []
    published = parse_partial(row.get("published"))
    stated = [iv for t in extract_temporals(text[verb_at:]) if (iv := stated_interval(t))]
    if published is None or not stated or not (stated[0][0] <= published[0] <= stated[0][1]):
        return []  # (no day to check the row against, or one it does not fit: no guess)
    return [_edition_publication(row, verb_at)]


def _edition_publication(row: Row, at: int) -> Launch:
    """The publication of a recorded edition, its verb at ``at``."""
    title = f"Publication of the {row.get('edition')} {row.get('report')}"
    return Launch("publication", title, _norm(row.get("report")), at, False, row)


def _elided_unrecorded(ctx: _Context, text: str, verb_at: int, which: str, noun: str) -> list[Launch]:
    """ "The first Outlook, launched in July 2022", in a story on the second edition of the ASEAN
    Migration Outlook, which no row records: that edition of the one name the article gives ending
    in the noun, an event of its own on the day the sentence gives ("first", "previous", "earlier"
    edition), never the edition the article reports."""
    at = ctx.sentence_index(text)
    before = [x.text for x in ctx.sentences[:at]] if at else []
    names = {
        n.group("name")
        for x in before
        for n in re.finditer(
            rf"(?P<name>{_CAP_WORD}(?:\s+(?:(?:of|on|for|in|and|to|against)\s+)?{_CAP_WORD})*\s+{re.escape(noun)})\b",
            x,
        )
        if len(n.group("name").split()) >= 2
    }
    if len(names) != 1 or not any(stated_interval(t) for t in extract_temporals(text[verb_at:])):
        return []
    name = f"{'previous' if which == 'preceding' else which} edition of the {names.pop()}"
    return [Launch("publication", f"Publication of the {name}", _norm(name), verb_at)]


# "the edition it published in January 2023", "the report they released last June": an edition told
# by a relative clause whose subject is its publisher.
_EDITION_IT = re.compile(r"\b[Tt]he\s+(?:edition|report|issue)\s+(?:that\s+|which\s+)?(?:it|they)\s+$")


def _edition_it_released(ctx: _Context, text: str, verb_at: int, verb_end: int) -> Launch | None:
    """ "The report, the agency's first since the edition it published in January 2023, …": the one
    recorded edition of the reports the article names released when the clause says, an event of
    its own (not the edition the sentence is about)."""
    if _EDITION_IT.search(text, max(0, verb_at - 40), verb_at) is None:
        return None
    row = _article_edition_released_in(ctx, text[verb_end : verb_end + 40])
    return _edition_publication(row, verb_at) if row is not None else None


def _the_one_before(ctx: _Context, text: str) -> Row | None:
    """The recorded edition released last year, before the one the article names, when the
    sentence gives its day ("Last year's report came out on June 15") and that day is its row's."""
    this = the_edition_named(ctx)
    if this is None:
        return None
    year = int(this.get("edition")) - 1
    row = next((r for r in _editions_of(ctx, this) if r.get("edition") == str(year)), None)
    published = parse_partial(row.get("published")) if row is not None else None
    if published is None or published[0] != published[1]:
        return None
    days = [t for t in extract_temporals(text) if t.month is not None and t.day is not None]
    fits = any(t.month == published[0].month and t.day == published[0].day for t in days)
    return row if fits else None


def _the_one_after(ctx: _Context, rest: str) -> Row | None:
    """The recorded edition after the one the article names, unless ``rest`` names another year."""
    this = the_edition_named(ctx) or _edition_of_a_year(ctx)
    if this is None or not this.get("edition").isdigit():
        return None
    # (The next recorded one, which need not be the next year's: the Global Estimates of 2017, then
    # of 2022.)
    later = [r for r in _editions_of(ctx, this) if r.get("edition").isdigit()]
    later = [r for r in later if int(r.get("edition")) > int(this.get("edition"))]
    row = min(later, key=lambda r: int(r.get("edition")), default=None)
    published = parse_partial(row.get("published")) if row is not None else None
    if published is None:
        return None
    years = {t.year for t in extract_temporals(rest) if t.year is not None}
    return row if years <= {published[0].year} else None


def _edition_of_a_year(ctx: _Context) -> Row | None:
    """ "is the 2020 report", in an article that names one report series: that edition, when the
    article names editions of one year only."""
    series = _report_of_article(ctx, "report")
    texts = (ctx.article.document.title or "", *(x.text for x in ctx.sentences))
    years = {m.group("year") for x in texts for m in _A_YEARS_EDITION.finditer(x)}
    if series is None or len(years) != 1:
        return None
    year = years.pop()
    return next((r for r in _editions_of(ctx, series) if r.get("edition") == year), None)


_A_YEARS_EDITION = re.compile(r"\b[Tt]he\s+(?P<year>(?:19|20)\d\d)\s+(?:edition|report)\b")
# ("The next edition is due next year"; "A new edition is expected later this year", after the
# sentence that names the edition out.)
_NEXT_EDITION_DUE = re.compile(
    r"\b(?:[Tt]he\s+next|[Aa]\s+new|[Tt]he\s+new)\s+(?:edition|report|one)\s+(?:is|are)\s+(?:also\s+)?$"
)


def _published_by(ctx: _Context, name: str, edition: Row) -> bool:
    """ "report by the United Nations Office on Drugs and Crime" (UNODC in the article's glossary)
    fits the edition whose name or aliases hold the publisher; a name without "by" fits any."""
    by = re.match(r"report\s+(?:by|from)\s+(?:the\s+)?(?P<who>.+)$", name, re.I)
    if by is None:
        return True
    who = _norm(by.group("who"))
    names = {who} | {_norm(short) for short, long in ctx.glossary.items() if _norm(long) == who}
    known = {_norm(x) for x in (edition.get("report"), *edition.get("aliases").split(";"))}
    return any((n and n in k.split()) or n == k for n in names for k in known)


# (Not the first to do something: "will be the first edition to assess Brunei as a party".)
_FIRST = re.compile(
    r"\bfirst\s+(?:edition|report)\b(?!\s+(?:to|that|which|since|in\s+which)\b)", re.IGNORECASE
)
_FIRST_NAMED = re.compile(r"\b(?:its|their|the)\s+first\s+(?:[A-Z][\w-]*\s+){1,3}Report\b")
_PREVIOUS = re.compile(
    r"\b(?:previous|preceding|last|earlier)\s+(?:edition|report|estimates|index|survey|review)\b",
    re.IGNORECASE,
)


def _previous_edition(ctx: _Context, text: str, verb_at: int, name: str = "") -> Row | None:
    """ "The previous report, released two years ago", in an article on the Global Report on
    Trafficking in Persons 2014: the recorded edition before the one edition the article names (or,
    for "the first edition", "its first Global Report", the first recorded one)."""
    first = _FIRST.search(text) or _FIRST_NAMED.search(text)
    if not (_PREVIOUS.search(text, max(0, verb_at - 80), verb_at) or first):
        return None
    this = the_edition_named(ctx)
    if first:
        # "UNODC has published the report since the first edition in 2009": its first recorded one
        # (of the report the mention names, else of the one edition the article names).
        editions = recorded_editions(ctx, name, name) or (_editions_of(ctx, this) if this else ())
        return _fits_stated(text, _first_or_before(editions, this, first=True))
    if this is None:
        # "The previous estimates, published in September 2017", in an article on the Global
        # Estimates of Modern Slavery named without a year: the one recorded edition of the
        # article's one series released when the sentence says.
        series = _report_of_article(ctx, name) or _series_by_head(ctx, name) or _its_report(ctx, text)
        return _edition_released_in(ctx, series, text)
    return _fits_stated(text, _first_or_before(_editions_of(ctx, this), this, first=False))


def _article_edition_released_in(ctx: _Context, text: str) -> Row | None:
    """The one recorded edition, of all the reports the article names, released when ``text`` says."""
    rows = {
        r.key: r
        for series in _reports_of_article(ctx).values()
        if (r := _edition_released_in(ctx, series, text)) is not None
    }
    return next(iter(rows.values())) if len(rows) == 1 else None


def _edition_released_in(ctx: _Context, series: Row | None, text: str) -> Row | None:
    """The one recorded edition of the series released when ``text`` says."""
    stated = [iv for t in extract_temporals(text) if (iv := stated_interval(t))]
    fitting = [
        r
        for r in (_editions_of(ctx, series) if series is not None and stated else ())
        if (published := parse_partial(r.get("published"))) is not None
        and any(lo <= published[0] and published[1] <= hi for lo, hi in stated)
    ]
    return fitting[0] if len(fitting) == 1 else None


_ITS_EDITION = re.compile(
    r"^(?:[Ii]ts|[Tt]he)\s+(?:previous|last|prior|earlier)\s+(?:edition|report|issue)\b"
)


def _its_report(ctx: _Context, text: str) -> Row | None:
    """ "Its previous edition, released in January 2023", right after "The Global Report on
    Trafficking in Persons, published every two years by UNODC, …": the one report the sentence
    before names, which "its" stands for (in an article that names other reports too). "The
    previous edition came out on 15 June 2023", after "The US releases its Trafficking in Persons
    Report every January." and "This year's report was released last month": the report the
    nearest of the two sentences before names (the edition must then fit the day it gives)."""
    if not _ITS_EDITION.match(text):
        return None
    before: list[str] = []
    for s in ctx.sentences:
        if s.text == text:
            break
        before = [*before[-1:], s.text]
    for told in reversed(before):
        rows = {row.get("report"): row for _, _, row in ctx.gaz.reports.find(told)}
        if rows:
            return next(iter(rows.values())) if len(rows) == 1 else None
    return None


def _series_by_head(ctx: _Context, name: str) -> Row | None:
    """The one report the article names whose name holds the mention's noun ("the previous index",
    in an article that names the Global Slavery Index and the Global Estimates of Modern Slavery)."""
    head = name.split()[-1].casefold() if name.split() else ""
    named = [row for report, row in _reports_of_article(ctx).items() if head in report.casefold().split()]
    return named[0] if len(named) == 1 else None


def _first_or_before(editions: Sequence[Row], this: Row | None, first: bool) -> Row | None:
    """The first recorded edition, or the last one before ``this``."""
    if first:
        return min(editions, key=lambda r: int(r.get("edition")), default=None)
    if this is None:
        return None
    earlier = [r for r in editions if int(r.get("edition")) < int(this.get("edition"))]
    return max(earlier, key=lambda r: int(r.get("edition")), default=None)


def _fits_stated(text: str, row: Row | None) -> Row | None:
    """The edition, unless the sentence states when it came out and its row says otherwise ("The
    first report under the mandate came out in December 2012": not the 2009 one)."""
    published = parse_partial(row.get("published")) if row is not None else None
    stated = [iv for t in extract_temporals(text) if (iv := stated_interval(t))]
    if published is None or not stated:
        return row
    return row if any(lo <= published[0] and published[1] <= hi for lo, hi in stated) else None


def recorded_editions(ctx: _Context, text: str, name: str) -> tuple[Row, ...]:
    """Every recorded edition of the report the sentence names as ``name`` ("its annual
    Trafficking in Persons Report", no year): which one it is, the article's date may tell."""
    for _, _, row in _reports_named(ctx, text, name):
        return _editions_of(ctx, row)
    return ()


def editions_of_series(ctx: _Context, name: str) -> tuple[Row, ...]:
    """Every recorded edition of the report series whose name, normalised, is ``name``."""
    return tuple(r for r in ctx.gaz.reference.rows("reports") if _norm(r.get("report")) == name)


def _editions_of(ctx: _Context, row: Row) -> tuple[Row, ...]:
    """Every recorded edition of the report ``row`` is an edition of."""
    return tuple(r for r in ctx.gaz.reference.rows("reports") if r.get("report") == row.get("report"))


def _reports_named(ctx: _Context, text: str, name: str) -> list[tuple[int, int, Row]]:
    named = _norm(re.sub(r"\([^)]*\)", "", name))
    return [
        (start, end, row)
        for start, end, row in ctx.gaz.reports.find(text)
        if _norm(re.sub(r"\([^)]*\)", "", text[start:end])) in named
    ]


_DOC_WORD = re.compile(
    r"\b(?:report|review|study|survey|assessment|estimates|handbook|guidelines?|toolkit|publication|factsheet|index"
    r"|analysis|baseline|manual|compendium|compilation|curriculum|edition)\b",
    re.I,
)


_ADVERBIALS = re.compile(
    r"\s+(?:(?:here|today|yesterday|on \d{1,2} \w+|on \w+(?: \d{1,2})?|in \w+|jointly|officially|formally)"
    r"\s+){0,3}(?:of\s+(?=(?:the|its|their|a|an)\s))?"
    r"|,\s+in\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?,\s+"  # "the launch, in Hue, of …"
)
_DETERMINER = re.compile(
    # "the launch of a Training Curriculum": the noun's object after "of".
    r"(?:of\s+)?(?:the|its|their|a|an)\s+(?:(?:new|annual|latest|first|flagship|landmark|updated|revised|"
    # ("launched the third National Action Plan on Anti-Trafficking in Persons")
    r"second|third|fourth|fifth|sixth|"
    r"next|upcoming|forthcoming|"
    r"(?:19|20)\d\d)\s+)*",
    re.IGNORECASE,
)
# "The ACWC recalled that it was inaugurated in Hanoi": "it", the subject of a reported clause, is
# the body that reports it.
_REPORTS_OF_ITSELF = r"\s+(?:recalled|noted|said|stated|explained|added|recounted)\s+that\s+it\s+"
# ("The ACWC followed: it was inaugurated in Hanoi on 7 April": the subject, a short clause, then
# "it" after a colon.)
_COLON_IT = r"[a-z]+(?:\s+[a-z]+){0,2}\s*[:;]\s+it\s+"
_GAP_BEFORE_LAUNCH = re.compile(
    # ("The Counter Trafficking in Persons Centre of Excellence (CTIP COE) was launched": an acronym
    # of two words.)
    r"^\s*(?:\([A-Z][\w&/-]*(?:\s[A-Z][\w&/-]*)?\))?[\s,]*(?:(?:which|that)\s+|"
    + _COLON_IT
    + "|"
    + _REPORTS_OF_ITSELF
    + r")?"
    r"(?:(?:was|were|had been|has been|have been|is|are|will be)\s+)?"
    # ("The Global Estimates of Modern Slavery are due to be released on September 19")
    r"(?:(?:due|expected|set|scheduled)\s+to\s+be\s+)?"
    # ("UN-ACT was first launched in Beijing last month": the first of its launches.)
    r"(?:\w+ly\s+|first\s+)?$"
    # "X, which the US State Department released": a relative clause with a named subject.
    # ("which the United Nations Office on Drugs and Crime (UNODC) released": its acronym too.)
    # ("the ASEAN Intergovernmental Commission on Human Rights (AICHR), which ASEAN Leaders
    # inaugurated": after the name's own acronym.)
    # ("that Walk Free and the International Labour Organization released": two subjects.)
    r"|^\s*(?:\([A-Z][\w&/-]*\))?[\s,]*(?:which|that)\s+(?:the\s+)?"
    r"(?:(?:[A-Z][\w.'’-]*|\([A-Z][\w&/-]*\)|of|on|for|and(?:\s+the)?)\s+){1,9}(?:\w+ly\s+)?$"
    # "* Global Report 2012 - released 12 December 2012.": an entry of a list of releases.
    r"|^\s*(?:\([^)]{1,30}\)\s*)?[-–—:]\s*$"
    # "in its annual report on trafficking, the first released under Secretary Clinton"
    r"|^\s*,\s*the\s+(?:first|second|third|last|latest)\s+$"
    # "kept Thailand on Tier 2 in the Trafficking in Persons Report it released on June 20": a
    # relative clause with no relative word, its subject a pronoun.
    r"|^\s+(?:it|they)\s+(?:had\s+|has\s+)?$"
)
_TAIL_BEFORE_LAUNCH = re.compile(
    # (A topic runs up to the verb, never through it: not "of Modern Slavery are due to be".)
    r"(?P<t>(?:\s+(?:of|on|for|in|to|by|under)\s+(?:(?!\b(?:is|are|was|were|will|has|have|had)\s)[^,;])+?)?)"
    r"(?P<gap>[\s,]*(?:(?:which|that)\s+)?(?:(?:was|were|had been|has been|is|are)\s+)?"
    # "The previous edition, which UNODC published two years ago": a named subject between.
    r"|,\s*(?:which|that)\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s+(?:had\s+|has\s+)?"
    # "its annual report on trafficking, the first released under Secretary Clinton"
    r"|,\s*the\s+(?:first|second|third|last|latest)\s+"
    # "the previous estimates, which referred to 2016 and were launched in September 2017": a
    # relative clause whose second verb is the release.
    r"|,\s*(?:which|that)\s+[^,;]{1,60}?\s+and\s+(?:was|were|had\s+been|has\s+been)\s+"
    # 'The report, titled "Trapped at Sea", was launched': its title between.
    r"|,?\s*(?:(?:titled|entitled|called)\s+)?[“\"][^”\"]{5,200}[”\"],?\s*(?:(?:was|were|is|are)\s+)?)$"
)


_ESTABLISHED = frozenset({"established", "founded", "set up", "created"})
# "X, which ASEAN Leaders inaugurated": a relative clause with a named subject of its own.
_WHICH_SUBJECT = re.compile(
    r"^\s*(?:\([A-Z][\w&/-]*\))?[\s,]*(?:which|that)\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){1,6}(?:\w+ly\s+)?$"
)


_REPORT_AFTER_QUOTE = re.compile(r"\s+(?:report|study)\b")
_QUOTE_OF_REPORT = re.compile(r"\b(?:report|study)(?:,|\s+(?:titled|entitled|called))\s*$")


_CAME_OUT_OF = re.compile(r"\s+(?:of|against|for|in\s+favou?r|ahead|on\s+top|strongly)\b")
_PERFECT_BEFORE = re.compile(r"\b(?:had|has|have)\s+$")


def _launched(ctx: _Context, text: str, v_start: int, v_end: int) -> tuple[str, str] | None:
    """What the verb launches: (kind, name), or None."""
    verb_word = text[v_start:v_end].casefold()
    if verb_word in ("come out", "appeared") and (perfect := _PERFECT_BEFORE.search(text, 0, v_start)):
        # "The previous edition had come out in July 2018": the auxiliary is the verb's own.
        v_start = perfect.start()
    after = text[v_end : v_end + 160]
    lead = _ADVERBIALS.match(after)
    skip = lead.end() if lead else 0
    names: list[tuple[int, int, str, str]] = []
    for found in _DOC_NAME.finditer(text):
        names.append((found.start("name"), found.end("name"), "publication", found.group("name")))
    for found in _LAUNCH_NAME.finditer(text):
        names.append((found.start("name"), found.end("name"), "launch", found.group("name")))
    for start, end, row in ctx.gaz.programmes.find(text):
        # "the ASEAN-Australia Counter Trafficking (ASEAN-ACT) programme": its name, with the
        # acronym it is known by.
        short = row.get("acronym")
        names.append((start, end, "launch", f"{row.get('name')} ({short})" if short else row.get("name")))
    # "whose first global report on trafficking in persons was published": a recorded report, however
    # the copy capitalises it.
    # ("the Global Estimates of Modern Slavery: Forced Labour and Forced Marriage, published today":
    # so is a recorded name that runs past where a capitalised name stops, at a colon.)
    for start, end, row in ctx.gaz.reports.find(text):
        if text[start].islower() or not any(s <= start and end <= e for s, e, _, _ in names):
            names.append((start, end, "publication", row.get("report")))
    # ("UNODC's "Inflection Point" report, released last month", "a report, "Inflection Point: …",
    # released in April": a report known by its quoted title.)
    for q in _QUOTED.finditer(text):
        report_after = _REPORT_AFTER_QUOTE.match(text, q.end())
        titled = _QUOTE_OF_REPORT.search(text, max(0, q.start() - 30), q.start())
        if report_after or titled:
            start = q.start() if report_after else titled.start() if titled else q.start()
            end = report_after.end() if report_after else q.end()
            names.append((start, end, "publication", f"report “{q.group('q').strip()}”"))
    if verb_word.startswith(("launch", "unveil")):
        # "The Home Ministry today launched the National Action Plan on Anti-Trafficking in Persons
        # 2021-2025": a plan launched (not adopted: no act on it) is a launch.
        # (A guideline or handbook is a document: published, as before.)
        starts = {n[0] for n in names}
        names.extend(
            (start, end, "launch", text[start:end])
            for start, end, _ in _instrument_names(ctx, text)
            if start not in starts
        )
    established = verb_word in _ESTABLISHED
    if established:
        names = []  # ("established a task force", "set up a hotline": only a body on record is set up)
    # ("the formal launch of the ASEAN Commission on … (ACWC) in Hanoi": the noun's object is set up.)
    sets_up = (
        verb_word.startswith("inaugura")
        or established
        or (verb_word == "launch" and bool(re.match(r"\s+of\s+(?:the\s+)?[A-Z]", text[v_end:])))
    )
    if sets_up or verb_word.startswith("launch"):
        # "inaugurated the ASEAN Intergovernmental Commission on Human Rights", "The ACWC was
        # launched at the National Convention Center": a body set up. Launched, it must be the
        # object ("the ACWC launched a report" is the body acting).
        # ("ASEAN inaugurated on Wednesday a regional commission": an object follows, so ASEAN acts.)
        has_object = re.match(r"\s*(?:the|a|an|its|their)\s", text[v_end + skip :], re.IGNORECASE)
        for start, end, row in ctx.gaz.bodies.find(text):
            # "like the AICHR inaugurated last October in Cha-am": a reduced relative clause.
            gap = re.sub(r"\([A-Z][\w&/-]*\)", "", text[end:v_start]).strip()
            # (Also after a comma: "The AICHR, inaugurated in Cha-am, Thailand, in October 2009, is …")
            reduced = sets_up and gap in ("", ",") and _NO_OBJECT.match(text, v_end) and not has_object
            if end <= v_start and _in_apposition(text, start, end, v_start):
                continue  # "The AICHR, the human rights body of ASEAN, was inaugurated": not ASEAN
            # ("the AICHR, which ASEAN Leaders inaugurated in Cha-am": a relative clause with its subject.)
            gap_before = _without_apposition(text[end:v_start])
            if end <= v_start and not (
                _PASSIVE_GAP.match(gap_before) or reduced or (sets_up and _WHICH_SUBJECT.match(gap_before))
            ):
                continue
            if start >= v_end and (not sets_up or re.match(r"['’]s\b", text[end:])):
                continue  # "launched the ACWC's regional review", "launched the ASEAN Guideline"
            if start >= v_end and re.match(
                r"\s+(?:Committee|Commission|Council|Forum|Network|Task|Working|Centre|Center)\b", text[end:]
            ):
                continue  # "set up the ASEAN Committee on …": a longer name no row records, not ASEAN
            names.append((start, end, "launch", _body_title(row)))
    names.sort()
    # After the verb: "launched (here today) the X", "launched its Global Report".
    obj = v_end + skip
    det = _DETERMINER.match(text, obj)
    obj_at = det.end() if det else obj
    for start, end, kind, name in names:
        if start == obj_at or (obj <= start <= obj_at + 2):
            return kind, name
        if start < obj_at < end and kind == "publication":
            return kind, text[obj_at:end]
        if kind == "launch" and _spelt_out_before(text, obj_at, start, name):
            # ("ASEAN had inaugurated its Intergovernmental Commission on Human Rights (AICHR)": the
            # body's name, without "ASEAN", spelt out before the acronym a row records.)
            return kind, name
    common = _LAUNCH_COMMON.match(text, obj)
    if common:
        return _common_launch(ctx, text, common)
    # Before the verb: "X, which was launched in June", "A compilation … had been launched".
    for _, end, kind, name in reversed(names):
        if end <= v_start and _GAP_BEFORE_LAUNCH.match(_without_apposition(text[end:v_start])):
            return kind, name
    if sets_up:
        described = (
            _described_body(ctx, text[:v_start])
            or _described_body_after(ctx, text[obj:])
            or _the_body(ctx, text[:v_start])
        )
        if described is not None:
            return "launch", described
    for common in _LAUNCH_COMMON.finditer(text, 0, v_start):
        rest = text[common.end() : v_start]
        tail = _TAIL_BEFORE_LAUNCH.match(rest)
        if tail:
            named = _common_launch(ctx, text, common, tail.group("t"))
            # "according to a report published today by the UN Human Rights Office": named by its
            # publisher when nothing else names it.
            by = _BY_PUBLISHER.match(text, obj)
            if named is None and by and common.group("noun").lower() in ("report", "study", "review"):
                return "publication", f"{common.group('noun').lower()} by the {by.group('by')}"
            return named
    return None


_SPELT_OUT = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:of|on|for|and|the|to|against|[A-Z][\w'’-]*))*")


def _spelt_out_before(text: str, obj_at: int, start: int, name: str) -> bool:
    """Whether the verb's object is a name spelt out right before the acronym at ``start``, in
    brackets, in words all of the recorded name's."""
    if start <= obj_at or text[start - 1 : start] != "(":
        return False
    spelt = text[obj_at : start - 1].strip()
    words = {w.casefold() for w in spelt.split()}
    recorded = {w.casefold() for w in name.split()}
    return bool(_SPELT_OUT.fullmatch(spelt)) and len(words) >= 3 and words <= recorded


_BY_PUBLISHER = re.compile(
    # ("by the UN human rights office (OHCHR)": a name in lower case, known by its acronym after it.)
    r"by\s+(?:the\s+)?(?P<by>[A-Z][\w-]*(?:\s+[a-z][\w-]*){1,4}\s+\([A-Z]{2,8}\)"
    rf"|{_CAP_WORD}(?:\s+(?:(?:of|on|for|and|to|against)\s+)?{_CAP_WORD})*)"
)


# The nouns that head a body's name ("the ASEAN Commission on …").
_BODY_HEAD = r"commission|committee|council|body|centre|center|network|forum"
# What may stand between a determiner and that noun: "a new regional commission".
_BODY_MODIFIERS = r"(?:(?:new|regional|first|permanent|ASEAN)\s+)*"
# "ASEAN's new commission on the rights of women and children was formally inaugurated": a body
# described in common words, right before the verb.
_BODY_DESCRIBED = re.compile(
    rf"(?:\b(?:the|a|an)|ASEAN['’]s)\s+{_BODY_MODIFIERS}"
    rf"(?P<d>(?P<head>{_BODY_HEAD})"
    r"\s+(?:on|for|of)\s+[a-z][a-z ,-]{5,120}?)"
    # "…, inaugurated in Hanoi in April": a reduced relative clause after a comma.
    r"(?:\s+(?:(?:was|were|has been|had been|is)\s+)?(?:\w+ly\s+)?|,\s+)$"
    # "ASEAN's new women's and children's rights commission, inaugurated in Hanoi": described by the
    # words before its noun.
    rf"|(?:\b(?:the|a|an)|ASEAN['’]s)\s+{_BODY_MODIFIERS}"
    rf"(?P<d2>(?:[a-z][\w'’-]*\s+(?:and\s+)?){{1,5}}(?P<head2>{_BODY_HEAD}))"
    r"(?:\s+(?:(?:was|were|has been|had been|is)\s+)?(?:\w+ly\s+)?|,\s+)$"
)


_NO_OBJECT = re.compile(r"\s+(?:in|on|at|last|this|earlier|yesterday|today|here|by)\b|[,.;]")
# A noun phrase in apposition, between the name and its verb: "The AICHR, the overarching human rights
# body of ASEAN, was inaugurated in 2009". The name before it is the verb's subject; a name inside it
# is not.
_APPOSITION = re.compile(r"(?P<keep>\s*(?:\([A-Z][\w&/-]*\))?)\s*,\s*(?:the|an?)\s[^,;()]{0,80}(?=,)")
_APPOSITION_BEFORE = re.compile(r",\s*(?:the|an?)\s[^,;()]{0,80}$")


def _without_apposition(gap: str) -> str:
    m = _APPOSITION.match(gap)
    if m is None:
        # ("Washington's annual Trafficking in Persons Report, which usually appears in June, came
        # out only on 29 September": an aside on the series between the name and its verb.)
        m = _WHICH_ASIDE.match(gap)
    return m.group("keep") + gap[m.end() :] if m else gap


_WHICH_ASIDE = re.compile(r"(?P<keep>\s*(?:\([A-Z][\w&/-]*\))?)\s*,\s*which\s[^,;()]{1,80},\s*$")


def _in_apposition(text: str, start: int, end: int, v_start: int) -> bool:
    return text[end:v_start].lstrip().startswith(",") and bool(_APPOSITION_BEFORE.search(text, 0, start))


_PASSIVE_GAP = re.compile(
    r"^\s*(?:\([A-Z][\w&/-]*\))?[\s,]*(?:(?:which|that)\s+|"
    + _COLON_IT
    + "|"
    + _REPORTS_OF_ITSELF
    # ("The ACWC … is expected to be inaugurated in Ha Noi in April": a body still to be set up.)
    + r")?(?:was|were|has been|had been|is|are|will\s+be|would\s+be"
    r"|(?:is|are|was|were)\s+(?:expected|due|set|scheduled|slated|to)\s+(?:to\s+)?be)\s+(?:\w+ly\s+)?$"
)
# "ASEAN inaugurated on Wednesday a regional commission to promote and protect the rights of women
# and children": described after the verb, by what it does.
_BODY_DESCRIBED_AFTER = re.compile(
    rf"^(?:the|a|an)\s+{_BODY_MODIFIERS}"
    rf"(?P<d>(?P<head>{_BODY_HEAD})"
    r"\s+(?:on|for|of|to)\s+[a-z][a-z ,-]{5,120}?)(?=\s*(?:[,.;]|$|\s(?:at|in|on)\s))"
    # ("would inaugurate the new human rights commission at the summit": described by the words
    # before its noun.)
    rf"|^(?:the|a|an|its|their)\s+{_BODY_MODIFIERS}"
    rf"(?P<d2>(?:[a-z][\w'’-]*\s+(?:and\s+)?){{1,5}}(?P<head2>{_BODY_HEAD}))(?=\s*(?:[,.;]|$|\s(?:at|in|on)\s))"
)


def _described_body_after(ctx: _Context, after: str) -> str | None:
    m = _BODY_DESCRIBED_AFTER.match(after)
    if m is None:
        return None
    return _body_fitting(ctx, m.group("head") or m.group("head2"), m.group("d") or m.group("d2"))


_THE_BODY = re.compile(
    r"\b[Tt]he\s+(?P<head>Commission|Committee|Council|Body)(?:"
    + _REPORTS_OF_ITSELF
    + r"|\s+)(?:had been|has been|was|is)\s+(?:\w+ly\s+)?$"
)


def _the_body(ctx: _Context, before: str) -> str | None:
    """ "the Commission had been inaugurated in Ha Noi last April": the one body of that kind the
    article names."""
    m = _THE_BODY.search(before)
    if m is None:
        return None
    head = m.group("head")
    texts = [x.text for x in ctx.sentences]
    # The body the sentence points back at was named before it ("The Commission was inaugurated in
    # Ha Noi", in a release on the ACWC that names the AICHR further down); failing that, anywhere.
    here = next((i for i, x in enumerate(texts) if before in x), len(texts) - 1)
    for pool in (texts[: here + 1], texts):
        found = {
            row.key: row
            for x in pool
            for _, _, row in ctx.gaz.bodies.find(x)
            if re.search(rf"\b{head}\b", row.get("long") or "")
        }
        if found:
            return _body_title(next(iter(found.values()))) if len(found) == 1 else None
    return None


def _described_body(ctx: _Context, before: str) -> str | None:
    """The one body of the reference rows whose name holds every word of the description before the
    verb ("commission on the rights of women and children": the ACWC), named as the rows name it."""
    m = _BODY_DESCRIBED.search(before)
    if m is None:
        return None
    return _body_fitting(ctx, m.group("head") or m.group("head2"), m.group("d") or m.group("d2"))


def _body_fitting(ctx: _Context, head: str, description: str) -> str | None:
    """The one recorded body named by ``head`` whose name holds every word of the description, by
    its first five letters ("promote and protect": "Promotion and Protection")."""
    words = {w[:5] for w in _content_words(description) - {"and", "of", "the", "on", "for", "to"}}
    found = [
        row
        for row in ctx.gaz.reference.rows("bodies")
        if re.search(rf"\b{head}\b", row.get("long") or "", re.IGNORECASE)
        and words <= {w[:5] for w in _content_words(row.get("long") or "")}
    ]
    return _body_title(found[0]) if len(found) == 1 else None


def _body_title(row: Row) -> str:
    """A body as titles name it: "ASEAN Commission on … (ACWC)", its acronym after its long name."""
    short, long = row.get("short"), row.get("long")
    return f"{long} ({short})" if long and short.isupper() else long or short


_SMALL_WORDS = frozenset({"of", "on", "for", "to", "in", "and", "the", "a", "an", "against"})


# Words that say which kind of report a mention is ("its quarterly report", "a shadow report"), which
# another report's mention must share to be it.
_KIND_OF_REPORT = frozenset(
    {"quarterly", "monthly", "weekly", "semi-annual", "biannual", "half-yearly", "interim", "mid-term"}
    | {"semester", "six-monthly", "mid-year", "year-end"}
    | {"progress", "country", "national", "internal", "shadow", "draft", "baseline"}
)


_UPDATED = re.compile(r"(?:updated|new|newest|latest|revised)", re.IGNORECASE)
_UNDER_THE_SAME_TITLE = re.compile(r"\s+(?:under|with|bearing|of)\s+the\s+same\s+(?:title|name)\b")


def _common_launch(
    ctx: _Context, text: str, m: re.Match[str], tail: str | None = None
) -> tuple[str, str] | None:
    """ "a 10-year, A$80 million programme to strengthen …": named by the name the article gives it
    ("the ASEAN-Australia Counter Trafficking (ASEAN-ACT) programme"), else by its description."""
    noun = m.group("noun")
    kind = "publication" if _DOC_WORD.match(noun) else "launch"
    updated = noun.casefold() == "edition" and not tail and _UPDATED.fullmatch(m.group("mods").strip())
    if updated or _UNDER_THE_SAME_TITLE.match(text, m.end()):
        # ("The report updates an earlier ILO study under the same title, released on 20 May 2014":
        # an edition of the report named last up to the sentence, on its own day; so is "The
        # updated edition, released in March", after "The ILO report Profits and Poverty …".)
        if re.match(r"\s+of\s", text[m.end() :]):
            before = [text[m.end() :]]  # ("a new edition of Profits and Poverty": its own words)
        else:
            upto = ctx.sentence_index(text)
            before = [x.text for x in ctx.sentences[: upto + 1]] if upto is not None else []
        reports = ({row.get("report") for _, _, row in ctx.gaz.reports.find(t)} for t in reversed(before))
        last = next((titles for titles in reports if titles), set())
        if len(last) == 1:
            return "publication", last.pop()
    # ("the third quarter, according to its quarterly report": the mention's own words come after
    # its last possessive.)
    own_mods = re.split(r"\b(?:its|their)\s+", m.group("mods"))[-1]
    # "The United States' annual Trafficking in Persons report": the mention's own capitalised words
    # name it, before any other name the article gives a report.
    own = re.search(
        rf"(?P<name>{_CAP_WORD}(?:\s+(?:(?:of|on|for|in|and|to|against)\s+)?{_CAP_WORD})*)\s*$",
        m.group("mods"),
    )
    if own and len(own.group("name").split()) >= 2 and not re.search(r"['’]s?$", own.group("name")):
        return kind, f"{own.group('name')} {noun}"
    if tail is None:
        rest = text[m.end() :]
        # (Not "its ASEAN chairmanship in Davao City on January 15": a place and a day, no topic;
        # "an A$80 million programme in Bangkok", which nothing else names, keeps its place.)
        definite = m.group("det").lower() not in ("a", "an")
        no_topic = (r"in\s+[A-Z]|" if definite else "") + rf"on\s+(?:\d|{MONTH_RE}|{WEEKDAY_RE})"
        t = re.match(
            # (A list is one topic, never cut: "on casinos, cyber fraud and forced criminality"; a list
            # after "of" may run on into a description: "of laws, policies and practices … relating to".)
            rf"(?!\s+(?:{no_topic}))"
            r"(?:\s+(?:on|about)\s+[^,;()]+?(?:,\s+[^,;()]+?)+,?\s+and\s+[^,;()]+?|\s+(?:of|on|for|to|in|against)\s+[^,;()]+?)"
            rf"(?=\s*(?:,|;|\.|$|\bby\b|\bin\s+[A-Z]|\bat\b|\bwith\b|\bfrom\b|\bon\s+\d|\bon\s+(?:{MONTH_RE})\b))",
            rest,
        )
        tail = t.group() if t else ""
    # "a policy report on casinos, cyber fraud and forced criminality": a new report, told by what it
    # is on; a report the article names elsewhere is it only if it is on the same thing.
    indefinite = m.group("det").lower() in ("a", "an")
    topic = indefinite and kind == "publication" and re.match(r"\s+(?:on|about)\s", tail)
    about = set(_norm(tail).split()) - _SMALL_WORDS if topic else set()
    for s in ctx.sentences:
        # 'The report, "Transnational Organized Crime in Southeast Asia: …", is …': its title, quoted
        # beside the noun.
        # ('The report, titled "Trapped at Sea", was launched …': titled, entitled, called.)
        quoted = re.search(
            rf"\b[Tt]he\s+{noun},?\s+(?:(?:titled|entitled|called)\s+)?[“\"](?P<q>[^”\"]{{5,200}})[”\"]",
            s.text,
        )
        if quoted:
            return kind, f"{noun.lower()} “{quoted.group('q')}”"  # "the report “Trapped at Sea”"
    # ("Human Rights Watch said in a report released on Thursday", in a story that names the US
    # Trafficking in Persons report further on: "a report" is a new one, named by its own sentence
    # or by nothing.)
    # ("following a first edition published in February 2009": another edition than the one named.)
    other_edition = noun.lower() == "edition" and re.search(
        r"\b(?:first|second|third|fourth|fifth|sixth|seventh|previous|earlier|last|\d+(?:st|nd|rd|th))\b",
        m.group("mods"),
        re.IGNORECASE,
    )
    new_report = indefinite and not about and noun.lower() in ("report", "study", "survey", "assessment")
    if other_edition:
        return kind, f"{m.group('mods').strip()} {noun}{tail}"
    where = [text] if new_report else [s.text for s in ctx.sentences]
    # ("according to its quarterly report presented on Thursday", in a story that names the US
    # Trafficking in Persons Report further on: a word of the mention's own that the other
    # sentence does not use says it is another report.)
    described = [
        w
        for w in own_mods.split()
        # (An owner's possessive, not a time's: "last year's report" may be any report.)
        if w.casefold() in _KIND_OF_REPORT
        or re.fullmatch(r"(?!(?:year|month|week|today|day)['’])[\w-]+['’]s?", w, re.I)
    ]
    for sentence in where:
        if sentence != text and any(
            not re.search(rf"(?<![\w-]){re.escape(w)}", sentence, re.IGNORECASE) for w in described
        ):
            continue
        for named in re.finditer(
            # Small words may join the capitalised ones: "Trafficking in Persons Report".
            rf"(?P<name>(?:{_CAP_WORD}|\([A-Z][\w&/-]*\))(?:\s+(?:(?:of|on|for|in|and|to|against)\s+)?"
            rf"(?:{_CAP_WORD}|\([A-Z][\w&/-]*\)))*)\s+(?i:{noun})\b",
            sentence,
        ):
            # (Not "UNODC's Global Report on Trafficking in Persons 2018", which goes on past the noun:
            # another report, and a name is never cut.)
            if (
                named.group("name")[:1].isupper()
                and not re.fullmatch(r"(?:The|A|An|Its|This)", named.group("name"))
                and not re.match(r"\s+(?:on|of|for|in|to|against)\s+[A-Z]", sentence[named.end() :])
                and (not about or about & set(_norm(named.group("name")).split()))
            ):
                return kind, f"{named.group('name')} {noun}"
    mods = [
        w for w in own_mods.split() if not re.search(r"[\d$(),]|million|billion|dollar|year|\bnew\b", w, re.I)
    ]
    if not tail and m.group("det").lower() in ("a", "an") and len(mods) < 2:
        return None  # "a programme", "a new report": nothing names it ("a joint repatriation handbook" does)
    return kind, " ".join([*mods, noun]) + tail


def _without_place(ctx: _Context, name: str) -> str:
    """ "Handbook on Victim Protection in Kuala Lumpur" → the place is where, not part of the name."""
    for m in re.finditer(r"\s+(?:in|at)\s+(?P<place>[A-Z][\w .'-]+)$", name):
        if ctx.gaz.place_row(m.group("place")) is not None:
            return name[: m.start()]
    for m in re.finditer(r"\s(?:in|at)\s+", name):
        if ctx.gaz.place_row(name[m.end() :]) is not None:
            return name[: m.start()]
    return name
