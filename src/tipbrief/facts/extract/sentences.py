"""Sentences, acronym definitions and tense: the units every extractor reads."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from tipbrief.facts.corpus import MONTH_RE, Paragraph
from tipbrief.facts.extract.patterns import WEEKDAY_RE
from tipbrief.facts.extract.records import Sentence
from tipbrief.facts.temporal.expressions import Tense

_ABBREV = re.compile(
    r"(?:\b(?:[A-Z]|H\.E|Dr|Mr|Mrs|Ms|Prof|St|No|Jan|Feb|Aug|Sept?|Oct|Nov|Dec|U\.S|U\.N|i\.e|e\.g|etc|vs))\.$"
)


# (A reference page's citation marks follow the stop: "… against Children.[1] On 22 November …",
# "… Migrant Workers.(1) The Consensus …";
# a paper's footnote numbers, as a PDF's text gives them, after a word or a year: "… in Yangon on
# 29 October 2004.12 On 29 November …", not "Article 3.2 The".)
_SENTENCE_STOP = re.compile(
    r"(?:[.!?][”\"’)]?(?:\[(?:\d{1,3}|[a-z])\]|\(\d{1,3}\))*|(?:(?<=[a-z)”\"’])|(?<=\b(?:19|20)\d\d))\.\d{1,3})"
    r"(?=\s+[“\"A-Z(])"
)


# "… was given as 23 October 2010. The correct date is 23 October 2009.": a correction's right value
# is the sentence's before it, whose act it dates.
_CORRECT_DATE = re.compile(r"\s*(?:The|Its)\s+correct(?:ed)?\s+(?:date|day|year)\s+(?:is|was|should\s+be)\b")


def split_sentences(paragraph: Paragraph) -> tuple[Sentence, ...]:
    text = paragraph.text
    out: list[Sentence] = []
    start = 0
    for m in _SENTENCE_STOP.finditer(text):
        if _ABBREV.search(text[start : m.start() + 1]) or _CORRECT_DATE.match(text, m.end()):
            continue
        out.append(Sentence(paragraph, start, m.end(), text[start : m.end()]))
        start = m.end() + 1
        while start < len(text) and text[start] == " ":
            start += 1
    if start < len(text):
        out.append(Sentence(paragraph, start, len(text), text[start:]))
    return tuple(out)


_PAREN_ACRONYM = re.compile(r"\((?P<short>[A-Z][A-Za-z&-]{1,11})\)")


def find_definitions(text: str) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, short, long) for each "Long Form (LF)" whose word initials spell the acronym.

    Takes the fewest words before the parenthesis whose first word starts with the
    acronym's first letter, whose last word starts with its last letter, and whose
    initials contain its letters in order ("ASEAN Commission on … Women and Children").
    """
    for m in _PAREN_ACRONYM.finditer(text):
        short = m.group("short")
        letters = [c for c in short.upper() if c.isalpha()]
        if len(letters) < 2:
            continue
        base = max(0, m.start() - 250)
        words = list(re.finditer(r"[\w’'.-]+", text[base : m.start()]))
        for k in range(2 if len(letters) > 1 else 1, min(len(words), 3 * len(letters) + 2) + 1):
            chosen = words[-k:]
            initials = [w.group()[0].upper() for w in chosen]
            if initials[0] != letters[0] or initials[-1] != letters[-1]:
                continue
            it = iter(initials)
            if all(letter in it for letter in letters):
                start = base + chosen[0].start()
                yield start, m.end(), short, text[start : m.start()].strip().rstrip(",")
                break


def _norm(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.casefold()))


# "Kuala Lumpur's offer to host an emergency meeting on July 2": still to come.
_OFFER_TO_HOST = re.compile(
    r"\b(?:offer|offers|offered|plan|plans|planned|proposal|bid|agreed|decided|invitation|ready)\s+"
    r"to\s+(?:host|hold|convene|organi[sz]e)\b"
)


# "For the rest of the year", "over the rest of this year": a time ahead, put first.
REST_OF_THE_YEAR = r"(?:[Ff]or|[Oo]ver)\s+the\s+rest\s+of\s+(?:the|this)\s+year"


# Both tenses are asked of every sentence by several rules: remember the last few thousand.
@lru_cache(maxsize=4096)
def _event_tense(sentence: str) -> Tense:
    """The tense of the event a sentence states: future only when a future marker governs an
    event verb ("will be adopted", "will be held"), not when it governs some later clause."""
    if re.search(
        r"\b(?:will|shall|to be|(?:is|are) (?:(?:also|still) )?(?:expected|due|set|slated|poised) to|"
        r"plans? to|scheduled to|"
        # "I hope they adopt the regional plan of action": a wish, still to come.
        r"(?:I|we|they|he|she)\s+(?:also\s+|still\s+|really\s+)?hopes?|hopes?\s+that|(?:is|are|am)\s+hoping|"
        r"(?:is|are) to)\b[^.;,]{0,40}"
        r"\b(?:adopt|sign|ratif|finali|approv|endors|held|hold|convene|launch|publish|release|take place|"
        r"enter into force|come into force|take effect|deposit|open|meet|begin|start|take part|attend|"
        # ("On Friday, at the opening of the Summit, you will inaugurate the Commission")
        r"participate|join|chair|host|lead|inaugurat|unveil)"
        rf"|{_OFFER_TO_HOST.pattern}",
        sentence,
    ):
        return "future"
    # "Malaysia told the meeting that it would host an emergency ministerial meeting … on July 2":
    # what reported speech says would happen was still to come when it was said, days before the
    # article (not "had hosted", not "would have").
    if re.search(
        # ("Officials said Thailand would also raise labour migration at the ASEAN Summits in Vientiane
        # in September": "that" left out, and an act at a meeting to come.)
        r"\b(?:said|told|announced|added|confirmed|stated|informed|disclosed|revealed)\b[^.;]{0,60}?"
        r"\b(?:that\s+)?(?:[\w'’-]+\s+){1,4}?would\s+(?!have\b)(?:(?:also|soon|then)\s+)?(?:be\s+)?"
        r"(?:host|hold|held|convene|chair|meet|sign|adopt|launch|open|begin|start|attend|take\s+place|"
        r"raise|discuss|present|submit|table|take\s+up|bring\s+up)",
        sentence,
    ):
        return "future"
    # ("The Chair has convened the Emergency AMMTC for next Thursday": what is set for a time ahead
    # is still to come, whatever tense the setting takes.)
    if re.search(rf"\bfor\s+(?:tomorrow|next\s+(?:week|month|year|{WEEKDAY_RE}))\b", sentence):
        return "future"
    # "Once Myanmar hands its instrument of ratification to the Secretary-General, it will be the
    # fourth": a present tense after "once" (when, until) is an act still to come.
    if re.search(
        r"\b(?:[Oo]nce|[Ww]hen|[Uu]ntil)\s+(?:[\w'’-]+\s+){1,3}?(?:hands|deposits|ratifies|signs|adopts|lodges)\b",
        sentence,
    ):
        return "future"
    # ("In November, again in Manila, we host the 31st Summit": a programme's present after the time
    # put first.)
    if _FRONTED_SCHEDULE_IN.search(sentence) or _NEXT_LIST.search(sentence):
        return "future"
    # ("Bangkok hosts its own special meeting on 29 May": a meeting's verb in the present, right
    # before its day, with no verb in the past: the calendar, still to come. Not "Activists met on
    # 28-29 October, ahead of the Summit, which opens on Friday": the sentence's event is past.)
    if _SCHEDULE_AHEAD.search(sentence) and not _tells_past(sentence):
        return "future"
    # "Wednesday, 18 November 10:00 IMC opens … All day Meetings of senior officials (closed; no
    # media coverage)": a programme's rows, each at its time, are a schedule, with no verb in the
    # past outside its brackets (one that a semicolon in it leaves open too).
    # (Nor a transcript's time code over a turn told in the past: "18:40 GUEST (Wen): And in August,
    # in Bali, the Bali Process ministers met for the seventh time.")
    # (Nor an alert log's row that reports what someone says: "17:15 ALERT - Australia says the work
    # follows the leaders' pledge at the … Summit in Sydney in March" is news, not a timetable.)
    if (
        _PROGRAMME_ROW.search(sentence)
        and not _tells_past(_BRACKETED.sub("", sentence))
        and not _SAYS_NOW.search(sentence)
    ):
        return "future"
    # "The Second Meeting is scheduled for June": a schedule in the present is still to come; so is
    # what happens "later this month".
    if re.search(
        r"\b(?:upcoming|forthcoming|(?:is|are)\s+(?:scheduled|planned|slated|set)\s+for|"
        # ("… for the Sixth Meeting of Ministers of Justice, scheduled for April 24-26 in Santo
        # Domingo": a participle's schedule, set apart by its comma, is still to come; not "as
        # scheduled", "was scheduled for", "originally scheduled for".)
        r"(?<=,\s)scheduled\s+for|"
        # ("UNODC Global Report on Trafficking in Persons: launch set for 12 December in Vienna",
        # "launch expected in December", a slide's note or a headline: an act's noun, then its
        # schedule.)
        r"\b(?:launch|release|signing|ceremony|meeting|summit|conference|vote)\s+"
        r"(?:(?:set|slated)\s+for|(?:expected|due)\s+(?:in|on|at|for))|"
        # ("the next ASEAN Summit is due in Phnom Penh … in November")
        r"(?:is|are)\s+(?:also\s+|still\s+)?due\s+(?:in|at|on|for)\s+(?!part\b)|"
        # ("The issue is also expected on the agenda of the AMMTC in Vientiane in August")
        r"(?:is|are)\s+(?:also\s+|still\s+)?expected\s+(?:on|at|to\s+feature)|"
        r"later\s+this\s+(?:week|month|year)|"
        # ("For the rest of the year, the calendar that matters to us is the SOMTC in Putrajaya in
        # September and the AMMTC in Myanmar in October")
        rf"{REST_OF_THE_YEAR},?\s+(?!\w+\s+(?:was|were|had)\b))\b",
        sentence,
    ):
        return "future"
    # "the draft Plan, which will be submitted through the ministerial bodies for adoption by the
    # Leaders in November": submitted for an act is the act still to come.
    if re.search(
        r"\b(?:will|shall|to be)\b[^.;]{0,80}\bfor\s+(?:its\s+|their\s+)?(?:adoption|signing|signature|"
        r"endorsement|approval|ratification)\b",
        sentence,
    ):
        return "future"
    # "Agree on shared data, so that the ministers at the AMMTC in September are not working from
    # guesses": what a purpose is for is still to come (unless the sentence reports a past act).
    if re.search(r"\b(?:so|in order)\s+that\b", sentence) and not _PAST_CLAUSE.search(sentence):
        return "future"
    # ("ASEAN crime ministers (AMMTC) meet in Myanmar in October", a briefing's bullet: a meeting's
    # present with the month it falls in, a programme's, is still to come.)
    if _MEETS_IN_MONTH.search(sentence) and not _PAST_CLAUSE.search(sentence):
        return "future"
    # "the 42nd ASEAN Summit being held in this town": under way when the article was written, so
    # neither wholly before nor after its date.
    if re.search(r"\b(?:ongoing|being held|underway|under way|(?:is|are) taking place)\b", sentence):
        return "present"
    # ("the Work Plan, which the sectoral bodies are now endorsing one by one": an act in progress
    # when the article was written, not one done before it.)
    if _ACT_IN_PROGRESS.search(sentence):
        return "present"
    return "past"


_ACT_IN_PROGRESS = re.compile(
    r"\b(?:is|are)\s+(?:now\s+|currently\s+|still\s+)?"
    r"(?:adopting|endorsing|approving|signing|ratifying)\b"
)


# "That summit will be remembered for the signing … on October 26": a judgement to come on what is
# past, not a future event.
_NOT_A_JUDGEMENT = r"(?!\s+(?:long\s+)?(?:be\s+)?(?:remembered|recalled|go\s+down)\b)"


@lru_cache(maxsize=4096)
def _tense(sentence: str) -> Tense:
    if (
        re.search(
            # ("are also expected to feature at the meeting … next month")
            rf"\b(?:will{_NOT_A_JUDGEMENT}|shall|is to be|are to be|to be held|"
            # ("Leaders are due to adopt the … Declaration on Sunday"; not across a semicolon: "… is due to
            # be launched on 12 December; the report of 19 June again recorded …".)
            r"(?:is|are)\s+(?:also\s+|still\s+)?expected to|"
            r"(?:is|are)\s+(?:also\s+|still\s+)?(?:due|slated|poised) to(?=[^;]*$)|"
            # ("Indonesia plans to host …"; not the noun: "presented a plan to carry it out".)
            r"(?<!\ba )(?<!\bthe )(?<!\bits )(?<!\btheir )plans? to|"
            r"scheduled|upcoming|forthcoming|later\s+this\s+(?:week|month|year))\b",
            sentence,
        )
        or _OFFER_TO_HOST.search(sentence)
        or _NEXT_LIST.search(sentence)
    ):
        return "future"
    if re.search(r"\b(?:ongoing|is being|are being|currently)\b", sentence):
        return "present"
    return "past"


# A verb just before an expression, in its own clause, says which way a yearless day or a weekday
# counts from the article's date, whatever the rest of the sentence says ("X will chair the
# meeting on September 21-22, the ministry announced on September 19": the 19th is past).
# "The experts aim to finish by December": an aim is still to come.
# ("went ahead as planned", "as scheduled": the plan is past; so is "had been scheduled for
# December but was pushed back to this month".)
_FUTURE_CLAUSE = re.compile(
    rf"\b(?:will{_NOT_A_JUDGEMENT}|shall|would|to be|expected|next|"
    r"(?<!as )(?<!had been )scheduled|(?<!as )(?<!had been )planned|"
    r"(?:aims?|hopes?|intends?|seeks?) to|"
    # "Members who want to join should write to the secretariat by 30 November": a deadline ahead.
    r"(?:should|must)\s+(?!have\b|not\s+have\b)\w+\s+(?:[\w-]+\s+){0,6}?by|"
    # "has said it wants regional leaders to address it at their summit in May"
    r"wants\s+(?:[\w-]+\s+){0,3}to\s+\w+|"
    # ("the 21st ASEAN Summit, due in Phnom Penh in November", "due to open on Monday": a time set
    # ahead. Not "due to the pandemic", "due in part to", a cause; not "was due in April", a plan
    # that may since have changed.)
    r"(?<!was )(?<!were )due\s+(?:(?:in|at)\s+(?!(?:large\s+|great\s+)?part\b)|on\s|next\b|later\b|"
    r"to\s+(?:be|open|start|begin|meet|convene|take|end|close|run|come|enter)\b)|"
    # "was put off and has been moved to February": the new date is still to come.
    r"(?:moved|postponed|deferred|rescheduled|delayed|pushed\s+back|put\s+off)\s+(?:to|until|till))\b",
    re.IGNORECASE,
)
_PAST_CLAUSE = re.compile(
    r"\b(?:said|announced|stated|reported|told|held|met|signed|adopted|launched|opened|closed|ended|"
    r"began|started|was|were|had|deposited|ratified|released|published|issued|took|handed|lodged)\b",
    re.IGNORECASE,
)


# The present tense of a schedule, right before its day: "the convention enters into force in
# March", "the meetings end on Saturday" (a past event would take the past tense).
_SCHEDULED = re.compile(
    r"\b(?:(?:enters?|comes?) into (?:force|effect|being)|takes? effect|"
    # ("which opened yesterday and continue until Thursday", "runs through Wednesday")
    r"(?:ends?|closes?|opens?|begins?|starts?|concludes?|resumes?|runs?(?: until)?|continues?|lasts)|"
    # "Ministers … meet in Adelaide on Friday"
    # "The leaders of China, Japan … join them here on Monday for the second East Asia Summit"
    # ("Bangkok hosts its own special meeting on 29 May"; not "the host in May", a noun, nor "is to
    # host … in September", told as a plan.)
    r"(?<!did not )(?<!didn't )(?:meets?|gathers?|convenes?|joins?"
    r"|(?<!the )(?<!as )(?<!a )(?<!to )(?<!will )hosts?)|"
    # "The chairmanship passes to the Philippines on January 1": a handover on the calendar.
    r"passes\s+to|hands\s+over|takes\s+over)\b"
    r"(?:[^,;.]{0,30}?\s(?:on|in|from|until|till|through))?\s*$"
)


# "continue here today and tomorrow, ending with the second East Asia Summit on Monday": a schedule
# told as it runs, which may be reported on either side of its days.
_SCHEDULE_UNDER_WAY = re.compile(
    r"\b(?:ending|closing|opening|concluding|culminating|wrapping up)\b[^,;.]{0,60}?\s(?:on|in)\s*$", re.I
)
_UNDER_WAY = re.compile(r"\b(?:is|are)\s+(?:being|now|still|currently)\b|\bongoing\b|\bunder\s?way\b", re.I)


def clause_tense(sentence: str, start: int) -> Tense | None:
    """The tense the verb of the expression's own clause gives, if it gives one."""
    # An acronym in brackets ("the 16th Senior Officials Meeting on Transnational Crime (SOMTC) in
    # Jakarta in May") is part of a name, not the end of a clause.
    before = _BRACKETED_ACRONYM.sub(
        lambda m: " " * len(m.group()), sentence[max(0, start - CLAUSE_REACH) : start]
    )
    # So is the province or country after a town ("gather in Panglao, Bohol, on Tuesday").
    before = _PLACE_APPOSITIVE.sub(lambda m: m.group("at") + m.group("rest").replace(",", " "), before)
    # ("meet in Washington on Thursday and Friday": the day after "and" is in the first day's clause.)
    before = _COORDINATED_DAY.sub(" ", before)
    clause = re.split(r"[,;:()]", before)[-1]
    # A subordinate clause has its own verb ("will take effect next month after the Philippines
    # deposited its instrument on Tuesday": Tuesday is past); without one, the whole clause speaks.
    inner = _SUBORDINATOR.split(clause)[-1]
    subordinator = [m.group() for m in _SUBORDINATOR.finditer(clause)][-1:]
    if (
        subordinator
        and subordinator[0] in _WHEN
        and _PRESENT_ACT.search(inner)
        and not _verb_tense(_PRESENT_ACT.sub(" ", inner))
    ):
        return "future"  # "… when ministers meet in Vientiane in August": a time still to come
    passive = _PRESENT_PASSIVE.search(clause)
    if not subordinator and passive:
        # "once the ASEAN Convention against Trafficking in Persons, Especially Women and Children
        # (ACTIP) is signed … in November": the comma inside the name cut the clause from its "once".
        head = sentence[: max(0, start - len(clause)) + passive.start()]
        earlier = list(_SUBORDINATOR.finditer(head))
        if (
            earlier
            and earlier[-1].group() in _WHEN
            and not re.search(r"[;.]\s", head[earlier[-1].end() :])
            and not _verb_tense(head[earlier[-1].end() :])
        ):
            return "future"
    done = _FOLLOWING_UP.search(clause)
    if done is not None and not _verb_tense(clause[done.end() :]):
        # "The meeting will take forward the work plan, following up on the discussions at the 12th
        # ACWC Meeting in Jakarta in February": what is followed up on is done.
        return "past"
    return (
        _verb_tense(inner)
        or (_verb_tense(clause) if inner != clause else None)
        or ("future" if _FRONTED_SCHEDULE.match(sentence, start) else None)
    )


_FOLLOWING_UP = re.compile(
    r"\b(?:following\s+up\s+on|(?:as\s+a\s+)?follow-up\s+to|building\s+on|in\s+the\s+wake\s+of)\b"
)


# "Tomorrow the leaders meet their partners, and on Tuesday we have the East Asia Summit": a
# weekday put first, with the present tense of a programme after it, is a day still to come (with
# no verb before it, the sentence's past default had counted it back to the Tuesday before).
# ("In November, again in Manila, we host the 31st Summit": a month put first, likewise, with the
# place between commas.)
_FRONTED_SCHEDULE = re.compile(
    rf"(?:on\s+)?(?:{WEEKDAY_RE}|{MONTH_RE})(?:,\s+[^,;.]{{1,40}},)?\s+"
    # (A subject, not "in May and hosts them again": no joining word.)
    r"(?:we|you|they|(?:the\s+)?(?!(?:and|or|but|then|that|which|who)\b)[A-Za-z]+(?:\s+[a-z]+)?)\s+"
    # (Not "have signed", "have been": a perfect tells what is done.)
    r"(?:ha(?:ve|s)(?!\s+(?:been|had|\w+ed|\w+en|met|held|made|seen|done|begun|signed)\b)"
    r"|(?:hold|meet|host|open|close|sign|gather|convene|start|begin|head|travel|fly)s?)\b"
)
# (Put first in the sentence or in a clause of its own: "…, and in November, again in Manila, we
# host …".)
# A programme's row: its time (or "All day") and then the item ("09:30-10:30 Opening Session").
_PROGRAMME_ROW = re.compile(
    r"(?:^|\s)(?:(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s*[-–]\s*(?:[01]?\d|2[0-3])[:.][0-5]\d)?|All day)\s+[A-Z]"
)
_BRACKETED = re.compile(r"\([^()]*(?:\)|$)")
_SAYS_NOW = re.compile(r"\b(?:says|say|tells|reports|confirms|announces)\b")
# A verb in the past, as a list's entry or a programme's row may hold one.
PAST_VERB = re.compile(r"\b(?:was|were|had|did)\b|\b[a-z]{3,}ed\b")
_FRONTED_SCHEDULE_IN = re.compile(
    rf"(?:^|[,;]\s+(?:and\s+)?)(?:[Oo]n\s+|[Ii]n\s+)?{_FRONTED_SCHEDULE.pattern}"
)


_MEETS_IN_MONTH = re.compile(
    r"\b(?:meet|gather|convene)\b(?:\s+[^.;,]{0,40}?)?\s+in\s+(?:early\s+|late\s+|mid-)?"
    rf"(?:{MONTH_RE})\b(?!\s*,?\s*(?:19|20)\d\d)"
)


# "Next for this desk: the AFML here on 25-26 October, then the 31st Summit in November": a list of
# what is to come, under its label.
_NEXT_LIST = re.compile(
    r"(?:^|\s[-–—]\s)\W{0,3}(?:Next(?:\s+up)?|Coming\s+up|Up\s+next|Still\s+to\s+come|Upcoming|Ahead)\b[^.;:]{0,50}:\s"
)
# A verb in the past that PAST_VERB's "-ed" misses, beside those _PAST_CLAUSE names ("met", "held",
# "took", "began", "told").
_IRREGULAR_PAST = re.compile(
    r"\b(?:came|went|gave|made|saw|led|sent|brought|left|found|spoke|wrote|chose)\b",
    re.IGNORECASE,
)


def _tells_past(text: str) -> bool:
    """A verb in the past anywhere in the text: "-ed", "was", or an irregular one ("met", "held")."""
    return bool(PAST_VERB.search(text) or _PAST_CLAUSE.search(text) or _IRREGULAR_PAST.search(text))


_SCHEDULE_AHEAD = re.compile(
    # (Over an initial's stop too: "hosts U.S. President Barack Obama … on Tuesday".)
    # (Or its plural, after its subject: "Police chiefs of the region meet in Bangkok in November";
    # not after "to", "will", "did" or "not".)
    r"(?:\b(?:meets|gathers|convenes|hosts|opens|begins|starts|launches|releases|publishes|unveils)\b"
    r"|(?<=[a-z] )(?<!\bto )(?<!\bwill )(?<!\bwould )(?<!\bdid )(?<!\bnot )(?<!\bcould )(?<!\bshould )"
    r"(?<!\bmay )(?<!\bmight )(?<!\bcan )(?<!\bmust )(?:meet|gather|convene)\b)"
    r"(?:[^,;.]|(?<=\b[A-Z])\.){0,100}?\s(?:on|in)\s+"
    rf"(?:{WEEKDAY_RE}|{MONTH_RE}|[0-3]?\d\s+{MONTH_RE})"
)


_COORDINATED_DAY = re.compile(
    rf"\s(?:{WEEKDAY_RE}|{MONTH_RE}(?:\s+[0-3]?\d)?|[0-3]?\d(?:\s+{MONTH_RE})?)\s+(?:and|or)\s*$"
)
_WHEN = frozenset({"when", "once", "before", "after", "until"})
# The present tense of a meeting's verb: after "when" or "once" it speaks of what is to come.
_PRESENT_ACT = re.compile(
    r"\b(?:meets?|gathers?|convenes?|opens?|holds?|hosts?|takes? place|sits?|signs?|adopts?)\b"
    # "before the convention is signed by the leaders in November": the present passive too.
    r"|\b(?:is|are)\s+(?:\w+ed|held|met|drawn|taken|given|sworn)\b"
)


_PRESENT_PASSIVE = re.compile(r"^[^,;]*?\b(?:is|are)\s+(?:\w+ed|held|met|drawn|taken|given|sworn)\b")


_PLACE_APPOSITIVE = re.compile(
    r"(?P<at>\b(?:in|at)\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})"
    r"(?P<rest>(?:,\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})+,)"
)
CLAUSE_REACH = 120
"""How far before an expression its clause's verb may stand."""
_BRACKETED_ACRONYM = re.compile(r"\([A-Z][\w&/-]{1,11}\)")
_SUBORDINATOR = re.compile(r"\b(?:after|before|when|once|because|while|whereas|although|though|but)\b")


def _verb_tense(clause: str) -> Tense | None:
    if _FUTURE_CLAUSE.search(clause) or _SCHEDULED.search(clause):
        return "future"
    if _UNDER_WAY.search(clause) or _SCHEDULE_UNDER_WAY.search(clause):
        return "present"  # "which is being held in Vientiane until July 26": either side of today
    if _PAST_CLAUSE.search(clause):
        return "past"
    return None


def only_past(sentence: str) -> bool:
    """A sentence with a past verb and nothing that points ahead ("would", "next", "expected")."""
    return bool(_PAST_CLAUSE.search(sentence)) and not _FUTURE_CLAUSE.search(sentence)


# "will be reported", "to be held": a participle that speaks of the future.
_FUTURE_PASSIVE = re.compile(r"\b(?:will|shall|would|to)\s+(?:not\s+)?(?:be|have been)\s+\w+", re.IGNORECASE)


# "Senior officials … endorsed a concept note on how the co-chairs will use the mechanism": an act
# done, whatever its object says of the future (not a participle: "the summit, hosted by Singapore").
_DONE_ACT = re.compile(r"\b(?:endorsed|approved|welcomed|agreed|decided|discussed)\b(?!\s+by\b)")


def only_future(sentence: str) -> bool:
    """A sentence that points ahead and has no past verb but a future passive's participle ("The
    outcome will be reported to the leaders at the summit in November")."""
    rest = _FUTURE_PASSIVE.sub(" ", sentence)
    past = _PAST_CLAUSE.search(rest) or _DONE_ACT.search(rest)
    return bool(_FUTURE_CLAUSE.search(sentence)) and not past


def expression_tense(sentence: str, start: int, tense: Tense) -> Tense:
    """The tense that governs the expression at ``start``: its own clause's verb, else ``tense``."""
    return clause_tense(sentence, start) or tense


def _first_sentence_cap(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _clean_title(text: str) -> str:
    text = text.rstrip(". ")
    # ("At the ASEAN-Australia Special Summit in Sydney in March 2018, Australia committed …": the
    # preposition that opens the sentence is no part of the name.)
    text = re.sub(r"^(?:At|During|After|Before|Following|Ahead\s+of)\s+(?=the\s|its\s|their\s)", "", text)
    # ("Meanwhile the ASEAN Ministerial Meeting on Transnational Crime … will be held": nor is the
    # sentence's link to the one before.)
    text = re.sub(r"^(?:Meanwhile|Separately|Moreover|Furthermore|Additionally|However),?\s+", "", text)
    # ("Its Global Report on Trafficking in Persons 2018", opening a sentence: nor is the possessive.)
    text = re.sub(r"^(?:The|the|Its|Their)\s+", "", text)
    text = re.sub(r"\s*\([A-Z][A-Za-z&-]{1,11}\)", "", text)
    text = re.sub(r"\s+", " ", text).strip(" ,;:")
    # "the second East Asia Summit on Monday": a day is never part of a name.
    text = re.sub(
        r"\s+(?:(?:on|this|next|last)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
        r"|(?:here\s+)?(?:today|yesterday|tomorrow))$",
        "",
        text,
    )
    # "its first Global Report on Trafficking in Persons, in February": a date after a comma neither,
    # nor a month after "in" ("published the Global Estimates of Modern Slavery in September").
    text = re.sub(
        r"(?:,\s+|\s+(?=in\s))(?:in|on)\s+(?:January|February|March|April|May|June|July|August|September|October|November|"
        r"December)\b[\w\s,]*$",
        "",
        text,
    )
    if ":" in text and len(text) > 60:
        text = text.split(":", 1)[0].strip()
    # "… on the regional migrant boat crisis and [has pressed …]": a name never ends on a word that
    # joins it to what follows.
    text = re.sub(r"(?:\s+(?:and|or|but|of|on|in|to|the|a|an))+$", "", text)
    # A name is kept whole, however long: a title cut mid-name names nothing. (Descriptions that
    # are not names are kept short where they are read: see extract/meetings.py.)
    return text


# "CORRECTION: An earlier version of this story said the 10th AMMTC was held in 2016.": what a
# correction says was wrong is no statement of the article's; nor is what a fact-check quotes to
# reject ("CLAIM: A post shared widely says the convention was signed in Vientiane in 2004", "The
# claim that the convention entered into force in 2016 is also wrong").
_RETRACTED = re.compile(
    r"(?:^|\s[-–—]+\s+)(?:[A-Z]+(?:['’]S NOTE)?\s*:\s*)?"
    r"(?:An?|The)\s+(?:earlier|previous|original)\s+version\s+(?:of\s+this\s+"
    r"(?:story|article|report|release|piece|item|post|page)\b"
    r"|(?:also\s+)?(?:said|stated|misstated|reported)\b)"
    r"|^(?:FALSE\s+|VIRAL\s+)?(?:CLAIM|MYTH)\s*:"
    r"|\b(?:misstated|misreported)\b"
    r"|\b(?:incorrectly|wrongly|erroneously|falsely)\s+(?:said|stated|reported|claimed|claims|says|gave)\b"
    r"|\bthe\s+claim\s+that\b"
    r"|\b(?:viral|social[- ]media|Facebook|TikTok|WhatsApp|widely[- ]shared)\s+"
    r"(?:post|message|video|claim)s?\b[^.;]{0,80}?\b(?:says|said|claims|claimed)\b"
    r"|^(?:An?|The)\s+(?:post|posts)\b[^.;]{0,60}?\b(?:says|said|claims|claimed)\b",
    re.IGNORECASE,
)


# "FACT CHECK: Was ASEAN's trafficking convention signed in 2004?", "Q: Did Thailand ratify in
# 2015?": a yes-or-no question asserts nothing (a wh-question, "When did Thailand ratify?", names
# no act of its own either way).
_ASKED = re.compile(
    r"^(?:[A-Z][A-Z ]{0,20}:\s*)?(?:Was|Were|Is|Are|Did|Does|Do|Has|Have|Had|Will|Would|Can|Could|Should)\b"
    r"[^?]*\?\s*$"
    # ("Q: Secretary, the Convention entered into force in 2016, didn't it?": a transcript's question,
    # a tag question; "Journalist (foreign agency): Some NGOs say it has been in force since 2016 --":
    # a questioner's turn is the premise of a question, cut off or not, which the page does not stand by.)
    r"|^(?i:Q|QUESTION|JOURNALIST)(?:\s*\([^()]{1,60}\))?\s*:"
    r"|,\s+(?:didn['’]t|doesn['’]t|don['’]t|isn['’]t|wasn['’]t|weren['’]t|aren['’]t|hasn['’]t|haven['’]t|hadn['’]t"
    r"|won['’]t|wouldn['’]t|right|correct)(?:\s+(?:it|they|he|she|we|you|there))?\?\s*$"
)


def asked(sentence: str) -> bool:
    """The sentence is a yes-or-no question, or a questioner's turn in a transcript."""
    return bool(_ASKED.match(sentence.strip()))


def unasserted(sentence: str) -> bool:
    """The sentence states nothing the article stands by: a correction's or a rejected claim's
    words (see retracted), or a yes-or-no question (see asked)."""
    return retracted(sentence) or asked(sentence)


def retracted(sentence: str) -> bool:
    """The sentence reports what an earlier version of the article, or a claim the page rejects,
    wrongly said."""
    return bool(_RETRACTED.search(sentence.lstrip()))
