"""Which of a sentence's dates belong to one of its events: reporting clauses and asides about
other nouns are left out, days joined by "and" make one span, "from"/"until" bound one side, and
"respectively" gives each party its own day."""

from __future__ import annotations

import re
from dataclasses import replace

from tipbrief.facts.corpus import MONTH_RE
from tipbrief.facts.extract.acts import GAP_OPENS, GAPPED_TIME, countries
from tipbrief.facts.extract.dates import timeline_entry_end
from tipbrief.facts.extract.records import Constraint, Sentence, _Context
from tipbrief.facts.extract.sentences import _event_tense
from tipbrief.facts.model import Span
from tipbrief.facts.temporal.expressions import Tense, extract_temporals


def join_and(original: str, cons: list[Constraint]) -> list[Constraint]:
    """ "yesterday and today", "on 3 and 4 May": two days joined by "and" are one event's span."""
    out: list[Constraint] = []
    for c in cons:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.span is not None
            and c.span is not None
            and prev.annual is None
            and c.annual is None
            and prev.earliest
            and prev.latest
            and c.earliest
            and c.latest
            and original[prev.span.end : c.span.start] == " and "
        ):
            span = Span(c.span.document, prev.span.start, c.span.end, original[prev.span.start : c.span.end])
            out[-1] = replace(
                prev,
                note=f"the article says “{span.quote}”",
                earliest=min(prev.earliest, c.earliest),
                latest=max(prev.latest, c.latest),
                span=span,
                stated=prev.stated and c.stated,
            )
            continue
        out.append(c)
    return out


_FUTURE_MEETING = re.compile(
    # ("UNODC is also due to gather prosecutors and judges in Bangkok on 18-19 February")
    r"\b(?:will|shall|is to|are to"
    r"|(?:is|are)\s+(?:also\s+|still\s+)?(?:set|expected|due|scheduled|slated)\s+to)"
    r"\s+(?:\w+\s+)?(?:chair|host|meet|open|attend|gather|convene|hold)\b"
    # "… to the AMMTC when ministers meet in Vientiane in August": a present tense after "when".
    r"|\b(?:when|once|until)\s+(?:[\w'’-]+\s+){0,4}(?:meet|meets|gather|gathers|convene|convenes)\b"
    # "the summit it hosts in Labuan Bajo in May": a meeting hosted in the present, in a month, is
    # on the calendar, still to come; so is "holds its next meeting in Brunei in December".
    rf"|\b(?:hosts|chairs|holds)\s+(?:the\s+)?[^.;,]{{0,40}}?\bin\s+(?:{MONTH_RE})\b(?!\s+\d{{4}})"
    # "ASEAN leaders are due to take up trafficking at their summit in Jakarta in May": the meeting
    # where something is still to be done is still to come.
    # ("we look forward to discussing the next steps at the ASEAN Summit in Phnom Penh in April")
    # ("Officials said the outcome would be submitted to ASEAN leaders at their summit in Kuala
    # Lumpur": what they said was still to come.)
    r"|\b(?:will|shall|would|(?:is|are)\s+(?:(?:also|still)\s+)?(?:due|expected|set|scheduled|slated)\s+to"
    r"|look(?:s|ing)?\s+forward\s+to)"
    # (Not "will look at the framework agreed at the Bali Process conference, held in March": what
    # was agreed at a meeting was done there.)
    r"\s[^.;]{0,60}?(?<!\bagreed\s)(?<!\badopted\s)(?<!\bsigned\s)(?<!\bendorsed\s)(?<!\breached\s)"
    r"(?<!\blaunched\s)(?<!\bmade\s)(?<!\bissued\s)\bat\s+"
    r"(?:the|their|its|a|an)\s+(?:[\w'’-]+\s+){0,4}?(?i:summit|meeting|conference|session)\b"
)


def tense_of(text: str) -> Tense:
    """The tense of the events a text states: "will chair the 16th AMMTC" is future, too."""
    tense = _event_tense(text)
    return "future" if tense == "past" and _FUTURE_MEETING.search(text) else tense


CONTINUING = re.compile(
    # ("Viet Nam is preparing the AMMTC, which will be held in November": what is under way is the
    # preparation of a meeting still to come.)
    r"\b(?:continued|continues|under ?way|(?:is|are)\s+"
    r"(?!expected\b|(?:preparing|planning|organi[sz]ing|readying|drafting)\b)\w+ing)\b(?!\s+(?:to|for)\b)"
)


_TAKES_EFFECT_FROM = re.compile(r"\b(?:effect|force|effective)\s+from\s+$")


def bounds_only(original: str, cons: list[Constraint], point: bool = False) -> list[Constraint]:
    """ "meet here from tomorrow", "runs until Sept 28", "through Thursday": a day that starts or
    ends the event bounds one side of it only; without a year it cannot bound anything, and is
    dropped. For an event of several days (not ``point``), "since Oct. 24" starts it too ("the
    seminar, run since Oct. 24"), unless "when" says what happened that day; an act done "since" a
    day was done on it ("in force since")."""
    out = []
    for c in cons:
        lead = original[max(0, c.span.start - 9) : c.span.start] if c.span else ""
        # ("takes effect from 1 July 2025", "in force from 8 March 2017": the day it took effect.)
        taking_effect = c.span is not None and _TAKES_EFFECT_FROM.search(
            original, max(0, c.span.start - 30), c.span.start
        )
        side = (
            "from"
            if (re.search(r"\bfrom\s+$", lead) and not taking_effect)
            or (
                not point
                and re.search(r"\bsince\s+$", lead)
                # ("not met since August 2018, when the seventh conference …": that day is the event's.)
                and not (c.span is not None and re.match(r",?\s+when\b", original[c.span.end :]))
            )
            else "until"
            if re.search(r"\b(?:until|till|through)\s+$", lead)
            else ""
        )
        if not side or c.span is None or original[c.span.start : c.span.end].count(" to "):
            out.append(c)
        elif c.annual is None:
            out.append(replace(c, latest=None) if side == "from" else replace(c, earliest=None))
    return out


_REPORTING = re.compile(
    # (", Cambodia's National Committee for Counter Trafficking (NCCT) said in a statement on August
    # 29": a body's whole name may stand before the verb.)
    # (Words only: "WASHINGTON, June 15 (Reuters) - The United States on Thursday said" is a dateline,
    # then the story's own clause.)
    r",\s+(?:(?:the|a|an|its)\s+)?(?:\w[\w’'-]*\s+|\([\w.]{1,12}\)\s+){0,9}?"
    r"(?:said|says|announced|reported|told|added|stated)\b[^,;]*"
    # ("…, according to a statement released on Thursday": when the statement came out.)
    r"|,\s+according\s+to\s+(?:a|an|the|its)\s+(?:[\w’'-]+\s+){0,3}?"
    r"(?:statement|release|report|communiqu[eé]|announcement)\s+(?:released|issued|published)\b[^,;]*"
)


def reporting_clauses(ctx: _Context, s: Sentence) -> list[tuple[int, int]]:
    """ ", the ministry announced on September 19": when it was said, not when the event was."""
    return [
        (
            s.span(ctx.doc, ctx.original, m.start(), m.start()).start,
            s.span(ctx.doc, ctx.original, m.end(), m.end()).start,
        )
        for m in _REPORTING.finditer(s.text)
    ]


def _ends_with_party(ctx: _Context, before: str, party: str) -> bool:
    """Whether ``before`` ends with the name of the country ``party``."""
    return any(end == len(before.rstrip()) and name == party for _, end, name in countries(ctx, before))


_OBJECT_CLAUSE = re.compile(
    r"\b(?:treaty|convention|pact|agreement|declaration|charter|plan|instrument|accord)\s+(?:that|which)\s+"
    r"(?:[\w'’-]+\s+){1,4}?(?:(?:had\s+|have\s+|has\s+)?(?:signed|adopted|ratified|endorsed|approved|concluded)"
    # "a regional convention that Southeast Asian leaders plan to sign in Kuala Lumpur in November"
    r"|(?:will|(?:plan|hope|intend|expect)(?:s|ed)?\s+to|(?:are|is)\s+(?:due|set|expected)\s+to)\s+"
    r"(?:sign|adopt|ratify|endorse|approve|conclude))\b[^,;]*",
    re.IGNORECASE,
)
# "signed at the 19th ASEAN Summit on the same island where the Bali Concord II set out the
# community's pillars in October 2003": what happened at that place before is another act.
_SAME_PLACE_CLAUSE = re.compile(
    r"\bsame\s+(?:island|city|town|venue|hall|place|resort|room|building|country|spot)\s+(?:where|in\s+which)\b[^;]*"
)
_RELATIVE_CLAUSE = re.compile(r",\s+(?:which|who|whose)\s+(?P<verb>(?:\w+\s+){0,2}?\w+)\b[^,;]*")


_REDUCED_CLAUSE = re.compile(
    r",\s+(?:released|published|launched|issued|unveiled|adopted|signed|deposited|ratified|passed|enacted)\s+"
    r"(?:by|in|on|at|yesterday|today|last|earlier|this)\b[^,;]*"
)
# "Myanmar on January 16, becoming the fifth …, after Cambodia, Singapore and Thailand did so last
# year": an act others did before, told by "did so", has its own time.
_OTHERS_DID_SO = re.compile(r"\bafter\s+(?:the\s+)?[A-Z][^;.]{0,80}?\b(?:did|had\s+done)\s+so\b[^,;.]*")
# ("adopts the Law on …, in force from 1 Jan 2012": the entry into force's day, not the adoption's.)
_IN_FORCE_FROM = re.compile(
    r",\s+(?:in\s+force|effective|taking\s+effect)\s+(?:from|since|on|as\s+of)\b[^,;]*"
    # ("the Philippines' deposit in February triggered entry into force on 8 March 2017": the day is
    # the entry into force's, which another act brought about.)
    r"|\b(?:triggered|brought\s+about|set\s+off|led\s+to|paved\s+the\s+way\s+for|cleared\s+the\s+way\s+for)"
    r"\s+(?:the\s+|its\s+)?(?:convention['’]s\s+)?entry\s+into\s+force\b[^,;]*"
)


_GAP_END = re.compile(r"[;.]|,\s+(?:while|and|but|whereas)\b|\s+while\b")


_ABOUT_A_MEETING = re.compile(
    r"\b(?:held|took place|convened|opened|closed|ended|met|hosted|organi[sz]ed|runs?|began|will be held)\b"
)
# ("their summit in Kuala Lumpur, which opens on Dec. 12": the meeting's own days, in a schedule's
# present; not a launch's "on the sidelines of the 52nd AMM, which ends tomorrow".)
_MEETING_SCHEDULE = re.compile(r"\b(?:opens|closes|ends|begins|starts|takes place)\b")


_SUBJECT_APPOSITIVE = re.compile(
    r"\s*(?:The|This|That|Its|Their)\s+(?:[\w'’-]+\s+){0,5}?[\w'’-]+\s*,\s*(?P<days>[^,;()]{4,40}?)\s*,\s+"
    r"(?=(?:is|are|was|were|has|have|had|will|would)\s)"
)


_ACTS_DAY = re.compile(r"\b(?P<noun>deposit|ratification|accession)\s+on\s+$", re.IGNORECASE)
_ACT_ON = re.compile(r"\b(?:deposit|ratification|accession)\s+on\s", re.IGNORECASE)


def asides(
    ctx: _Context, s: Sentence, at: int, name_end: int, act: bool, party: str = "", meeting: bool = False
) -> list[tuple[int, int]]:
    """ "the 50th anniversary of ASEAN, which was founded in 1967": a relative clause about some
    other noun dates that noun, not the event (unless it holds the event's trigger, or follows the
    event's own name, or says where and when a meeting was held)."""
    out = []
    entry = timeline_entry_end(s)
    for m in _REDUCED_CLAUSE.finditer(s.text):
        if m.start() <= at < m.end():
            # "… welcomed the 2024 TIP Report, released by the State Department yesterday": the
            # participle's clause dates the release; the main clause's "today" is the welcome's.
            # ("Last year's edition, released on June 24": the year that owns the edition is its.)
            owner = _YEAR_OWNS_EDITION.search(s.text, 0, m.start())
            end = owner.start() if owner else m.start()
            a = s.span(ctx.doc, ctx.original, entry, entry).start
            b = s.span(ctx.doc, ctx.original, end, end).start
            out.append((a, b))
            if m.end() < len(s.text.rstrip(". ")) and extract_temporals(m.group()):
                # "…, released in Washington yesterday, the same ranking the Kingdom received in
                # last year's edition": once the participle's clause gives its day, what follows the
                # clause is not its either.
                c = s.span(ctx.doc, ctx.original, m.end(), m.end()).start
                out.append((c, s.span(ctx.doc, ctx.original, len(s.text), len(s.text)).start))
    for m in _RELATIVE_CLAUSE.finditer(s.text):
        if m.start() <= at < m.end() and m.group().startswith((", which", ", who")):
            # "Officials on Sunday welcomed the Declaration, which the leaders signed here
            # yesterday": the act is the clause's; the main clause's day is the welcome's.
            # ("it stayed there in last year's report, which was released on July 1": the year that
            # owns the report is the release's.)
            owner = _YEAR_OWNS_EDITION.search(s.text, 0, m.start())
            end = owner.start() if owner else m.start()
            a = s.span(ctx.doc, ctx.original, entry, entry).start
            b = s.span(ctx.doc, ctx.original, end, end).start
            out.append((a, b))
            continue
        if m.start() <= at < m.end() or (name_end >= 0 and 0 <= m.start() - name_end <= 14):
            continue
        if party and _ends_with_party(ctx, s.text[: m.start()], party):
            continue  # "followed by Thailand, which handed over its papers in Vientiane": Thailand's act
        if (
            _ABOUT_A_MEETING.search(m.group()) or (meeting and _MEETING_SCHEDULE.search(m.group()))
        ) and not act:
            continue
        a = s.span(ctx.doc, ctx.original, m.start(), m.start()).start
        b = s.span(ctx.doc, ctx.original, m.end(), m.end()).start
        out.append((a, b))
    if act and party:
        # "Cambodia and Singapore deposited their instruments in January last year and Thailand in
        # July 2016": another party after "and", with a time of its own right after it, owns that
        # time (the verb left out is the same one), up to the next clause.
        for a, b, name in countries(ctx, s.text):
            if a <= at or name == party:
                continue
            if GAP_OPENS.search(s.text[:a]) and GAPPED_TIME.match(s.text, b):
                stop = _GAP_END.search(s.text, b)
                end = stop.start() if stop else len(s.text)
                out.append(
                    (
                        s.span(ctx.doc, ctx.original, a, a).start,
                        s.span(ctx.doc, ctx.original, end, end).start,
                    )
                )
    # "ASEAN senior officials are due to meet online later this month, and the ASEAN Ministerial
    # Meeting on Transnational Crime follows in September": the first clause's meeting has its own
    # day, from its verb to the ", and".
    for m in _AND_A_NAME.finditer(s.text, 0, at):
        verb = max(_MET_BEFORE.finditer(s.text, 0, m.start()), key=lambda v: v.start(), default=None)
        if verb is not None:
            out.append(
                (
                    s.span(ctx.doc, ctx.original, verb.start(), verb.start()).start,
                    s.span(ctx.doc, ctx.original, m.start(), m.start()).start,
                )
            )
    # "Ministers on Thursday concluded the 11th AMMTC with the adoption of the Plan of Action": the
    # day is the meeting's close; the adoption took place at the meeting, on a day not told.
    closing = _CLOSED_WITH.search(s.text, 0, at)
    if act and closing is not None and closing.end() == at:
        a = s.span(ctx.doc, ctx.original, entry, entry).start
        b = s.span(ctx.doc, ctx.original, closing.start("with"), closing.start("with")).start
        out.append((a, b))
    for m in (*_IN_FORCE_FROM.finditer(s.text), *_OTHERS_DID_SO.finditer(s.text)):
        if not m.start() <= at < m.end():
            out.append(
                (
                    s.span(ctx.doc, ctx.original, m.start(), m.start()).start,
                    s.span(ctx.doc, ctx.original, m.end(), m.end()).start,
                )
            )
    # "The three-day meeting, 19-21/07/2022, is preparing the 16th AMMTC": days set beside the
    # subject, between commas, are the subject's, not those of a meeting its verb names.
    subject = _SUBJECT_APPOSITIVE.match(s.text, entry)
    if subject is not None and at >= subject.end() and extract_temporals(subject.group("days")):
        out.append(
            (
                s.span(ctx.doc, ctx.original, subject.start("days"), subject.start("days")).start,
                s.span(ctx.doc, ctx.original, subject.end("days"), subject.end("days")).start,
            )
        )
    # "With the Philippine deposit on 7 February 2017 the number of instruments reached six, and the
    # Convention enters into force today": the day after an act's noun is that act's, not the
    # sentence's other events'.
    for t in extract_temporals(s.text) if _ACT_ON.search(s.text) else ():
        noun = _ACTS_DAY.search(s.text, max(0, t.start - 30), t.start)
        if noun is not None and not noun.start() <= at < noun.end("noun"):
            out.append(
                (
                    s.span(ctx.doc, ctx.original, t.start, t.start).start,
                    s.span(ctx.doc, ctx.original, t.end, t.end).start,
                )
            )
    # "the first held outside Indonesia since the forum was set up in 2002": the forum's year.
    out += subordinate_clauses(ctx, s, at)
    for m in _OBJECT_CLAUSE.finditer(s.text):
        if m.start() <= at < m.end():
            # "voted on Thursday to ratify the treaty that leaders signed in Kuala Lumpur": the
            # main clause's Thursday is the vote's, not the signing's.
            a = s.span(ctx.doc, ctx.original, entry, entry).start
            b = s.span(ctx.doc, ctx.original, m.start(), m.start()).start
            out.append((a, b))
    for m in _NOUN_ASIDE.finditer(s.text):
        # "…, following the discovery of boats in the Andaman Sea last month", "a handbook that was
        # reviewed at a workshop in Bangkok last month": that noun's date, not the event's.
        if m.start() <= at < m.end() or (name_end >= 0 and 0 <= m.start() - name_end <= 3):
            continue
        a = s.span(ctx.doc, ctx.original, m.start(), m.start()).start
        b = s.span(ctx.doc, ctx.original, m.end(), m.end()).start
        out.append((a, b))
    return out


_CLOSED_WITH = re.compile(
    r"\b(?:concluded|closed|ended|wrapped\s+up)\b[^;]*?(?P<with>\bwith\s+(?:the\s+)?)$", re.IGNORECASE
)
_AND_A_NAME = re.compile(r",\s+and\s+(?=(?:the|a|an)\s)")
_MET_BEFORE = re.compile(r"\b(?:meet|meets|met|gather|gathers|gathered|convene|convenes|convened)\b")
_YEAR_OWNS_EDITION = re.compile(
    r"\b(?:[Ll]ast|[Tt]his|[Nn]ext)\s+year['’]s\s+(?:[\w-]+\s+){0,2}?(?:report|edition)\s*$", re.IGNORECASE
)


def subordinate_clauses(ctx: _Context, s: Sentence, at: int) -> list[tuple[int, int]]:
    """Clauses with a subject and verb of their own ("since the forum was set up in 2002", "after
    Manila deposited the sixth instrument in February", "the regional treaty that leaders signed in
    Kuala Lumpur in November last year"), other than the event's: their dates and places are their
    own act's."""
    return [
        (
            s.span(ctx.doc, ctx.original, m.start(), m.start()).start,
            s.span(ctx.doc, ctx.original, m.end(), m.end()).start,
        )
        for pattern in (_SINCE_CLAUSE, _AFTER_CLAUSE, _OBJECT_CLAUSE, _SAME_PLACE_CLAUSE)
        for m in pattern.finditer(s.text)
        if not m.start() <= at < m.end()
    ]


_SINCE_CLAUSE = re.compile(
    # ("commemorated 50 years since Australia became ASEAN's first dialogue partner in 1974": a
    # named subject too.)
    r"\bsince\s+(?:(?:the|its|their|his|her|this|that)\s+[^,;.]{0,60}?|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}\s+)\b"
    r"(?:was|were|had been|has been|began|started|met|signed|adopted|joined|took|came|entered|became)\b[^,;]*"
)
# "had entered into force in March 2017, after Manila deposited the sixth instrument in February
# that year": a clause with a subject and a verb of its own dates its own act.
_AFTER_CLAUSE = re.compile(
    # ("after the foreign ministers of Malaysia, Indonesia and Thailand met in Putrajaya on May 20":
    # a subject may list names.)
    r"\b(?:after|before|once|until)\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:(?:[\w'’.-]+\s+){1,4}?|(?:[\w'’.-]+\s+){0,4}?[A-Z][\w'’.-]*(?:,\s+[A-Z][\w'’.-]*)+,?\s+and\s+[A-Z][\w'’.-]*\s+)"
    r"(?:had\s+|has\s+)?"
    # ("a group set up after they agreed in Kuala Lumpur in December 2005 to give the association a
    # charter")
    r"(?:deposited|signed|adopted|ratified|joined|became|took|met|launched|released|published|approved|"
    r"agreed|decided)\b[^,;]*"
    # ("signed at the 13th ASEAN Summit, ten months after leaders meeting at a summit in Cebu in
    # January agreed to …": a time counted from another act, whose subject may run long.)
    r"|\b\w+\s+(?:days?|weeks?|months?|years?|decades?)\s+(?:after|before|since)\s+[^,;]{0,80}?\b"
    r"(?:deposited|signed|adopted|ratified|joined|met|launched|released|published|approved|agreed|decided)\b[^,;]*"
    # ("after ASEAN leaders met in Cha-am last month for the 15th Summit, where they inaugurated the
    # AICHR": what follows "where" is that clause's too.)
    r"(?:,\s+(?:where|at which|during which)\b[^;]*)?"
    # ("After boats full of Rohingya and Bangladeshi migrants were left adrift in May, Malaysia
    # hosted an emergency meeting … in July": a fronted clause in the passive, up to its comma; after a
    # dateline too.)
    r"|(?:^|\s(?:--|[–—-])\s+)(?:After|Before|Until|Once)\s+[^,;]{0,120}?\b(?:was|were|had|has|have)\s+(?:been\s+)?[a-z]+(?:ed|en|t)\b[^,;]*"
)
_NOUN_ASIDE = re.compile(
    r",?\s+(?:following|after|amid|in the wake of|prompted by|months after|weeks after|days after)\s+"
    r"(?:the|a|an|its|their)\s+(?!(?:meeting|summit|conference|workshop|consultation)\b)[^,;]*"
    # "Viet Nam deposited its instrument on 5 January, following Cambodia, Singapore and Thailand
    # last year": the year is theirs, not Viet Nam's.
    r"|,\s+(?:following|behind|joining)\s+[A-Z][^;.]*"
    r"|\b(?:that|which)\s+(?:was|were|had been|has been|have been)\s+\w+(?:ed|en)\b[^,;]*"
    # "… after being placed in Tier 3 last year": what befell the subject before, not the event.
    r"|,?\s+(?:after|before|since)\s+(?:being|having been|having)\s+\w+(?:ed|en)\b[^,;]*"
    # "moved back to the Watch List in the report released in June, having been upgraded the previous
    # year": likewise.
    r"|,\s+having\s+(?:been\s+)?\w+(?:ed|en)\b[^,;]*"
    # "the National Committee on Trafficking in Persons, set up in January 2020, which …": a reduced
    # relative clause dates its own noun.
    r"|,\s+(?:set\s+up|established|created|formed|founded|appointed|enacted|passed|signed|adopted)\s+"
    r"(?:in|on|last|earlier)\b[^,;]*(?=,)"
    # "signed the Vientiane Action Programme, a six-year plan meant to carry forward the agenda
    # agreed in Bali last year": an appositive that tells what the thing is for is about that.
    r"|,\s+(?:a|an)\s+[^,;]*?\b(?:meant|designed|intended|aimed)\s+(?:to|at)\b[^,;]*"
    # "The second Special Meeting … followed up on the first session, also held in Bangkok, in May":
    # what it followed up on is another meeting, with days and a place of its own.
    # (The object alone: the verb right after the meeting's name is the meeting's own.)
    r"|(?:(?<=\bfollowed up on )|(?<=\bfollows up on )|(?<=\bfollow up on ))(?:the|a|an|its|their)\s[^;]*"
    # "the Regional Plan of Action …, endorsed in 2021 to implement the leaders' declaration of
    # 2019": what the act is meant to carry out has dates of its own.
    r"|\s+to\s+(?:implement|carry\s+out|give\s+effect\s+to|follow\s+up(?:\s+on)?|operationali[sz]e"
    r"|build\s+on|complement)\s+(?:the|a|an|its|their|this|that)\s[^,;]*"
    # "adopted a new Law on … last November, replacing the law it passed in 2011": what the act
    # replaces was done at a time of its own.
    r"|,\s+(?:replacing|superseding|succeeding|which\s+(?:replaces|replaced|supersedes|superseded))\s+"
    r"(?:the|an?|its|their)\s[^,;]*"
    # "signed the Bali Concord III here on Thursday, …, as the ten members count down to the ASEAN
    # Community they have promised by 2015": a target year is what was promised, not the act's.
    r"|\b(?:promised|pledged|vowed|targeted|count(?:ing|s)?\s+down)\b[^,;.]*?\bby\s+(?:the\s+end\s+of\s+)?(?:19|20)\d\d\b"
    # ("agreed to build an ASEAN Community by 2015 rather than 2020": what is to be done by then.)
    r"|\bto\s+(?:build|establish|create|set\s+up|achieve|realise|realize|complete|form)\b[^,;.]*?\bby\s+(?:the\s+end\s+of\s+)?(?:19|20)\d\d\b"
    r"(?:\s+(?:rather\s+than|instead\s+of)\s+(?:19|20)\d\d)?"
    # "The report puts the number of victims at 50,000 in 2021": likewise, a figure it gives.
    r"|\bputs?\s+(?:the\s+)?(?:number|figure|total|toll)\b[^;]*"
    # "The report, released yesterday, found that victims rose in 2022": what a document says.
    r"|\b(?:found|finds|showed|shows|revealed|reveals|noted|notes|warned|warns|estimated|estimates|"
    r"documented|documents|highlighted|highlights|indicated|indicates)\s+(?:that\s+)?[^;]*"
)


def inside(offset: int, ranges: list[tuple[int, int]], trigger: int) -> bool:
    return any(a <= offset < b and not a <= trigger < b for a, b in ranges)


def precise(cons: list[Constraint], point: bool = False) -> list[Constraint]:
    """ "held on 25-27 February 2015 …, and began work on its plan for 2016-2020": a day or month
    the text states dates the event; a span of years in the same breath is some other period's.
    An act of one day (``point``: a signing, a deposit, a launch, a publication) is never dated by a
    span of years ("published its Global Report …: victims rose between 2019 and 2022")."""
    close = [
        c
        for c in cons
        if c.rule == "stated-date" and c.earliest and c.latest and (c.latest - c.earliest).days <= 31
    ]
    if not close and not point:
        return cons
    return [
        c
        for c in cons
        if not (
            c.rule == "stated-date"
            and c.earliest
            and c.latest
            and c.earliest.year != c.latest.year
            and (c.latest - c.earliest).days > 366
        )
    ]


def split_respectively(split: tuple[int, int] | None, cons: list[Constraint]) -> list[Constraint]:
    """ "A and B deposited … on 5 and 16 January 2017 respectively": A on the 5th, B on the 16th
    (``split``: this party's place among the parties, and how many there are)."""
    if split is None:
        return cons
    i, n = split
    out = []
    for c in cons:
        t = c.annual
        if c.span is not None and re.search(r"\band\b", c.span.quote) and n == 2:
            day = None
            if c.rule == "stated-date" and c.earliest and c.latest:
                day = c.earliest if i == 0 else c.latest
                out.append(
                    replace(
                        c,
                        earliest=day,
                        latest=day,
                        note=c.note + f" (the {('first', 'second')[i]} date, “respectively”)",
                    )
                )
                continue
            if t is not None and t.day and t.end_day:
                one = replace(
                    t, kind="date", day=t.day if i == 0 else t.end_day, end_day=None, end_month=None
                )
                out.append(
                    replace(
                        c, annual=one, note=c.note + f" (the {('first', 'second')[i]} date, “respectively”)"
                    )
                )
                continue
        out.append(c)
    return out
