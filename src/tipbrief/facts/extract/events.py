"""Event candidates a sentence states: each with its identity (kind, subject, party, ordinal), title,
place, actors and date constraints.

A sentence may state several events ("The Convention, signed at the 27th ASEAN Summit in November
2015, will enter into force …"). Each event has a trigger (the verb of an act or launch, the name of
a meeting); a date, place or reference that stands after a trigger, before the next one, is that
event's; what stands before the first trigger is every event's.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from itertools import pairwise

from tipbrief.common.words import sentence_words
from tipbrief.facts.corpus import BUDDHIST_ERA_OFFSET, EVENT_FIELD, MONTH_RE
from tipbrief.facts.extract.acts import (
    ACT_KINDS,
    POINT_KINDS,
    WIDER_FORUM,
    Act,
    article_instruments,
    box_acts,
    cited_acts,
    conclusion_kind,
    countries,
    find_acts,
    is_box_field,
    listed_acts,
    record_rows,
    recorded_acts,
    regional_instrument,
    same_acts,
    tabled_acts,
    timeline_entry_acts,
)
from tipbrief.facts.extract.cards import find_card_decisions
from tipbrief.facts.extract.dates import (
    ACT_CLAUSE,
    DATED_ROW,
    FRONTED_CLAUSE,
    PERSONS_CLAUSE,
    RELATIVE_CLAUSE,
    REPORTED_AND,
    SEMICOLON_CLAUSE,
    YEARS_MEETING,
    _anchor_relation,
    _programme_constraints,
    _time_constraints,
    ahead_in_list,
    comment_anchor,
    sentence_temporals,
)
from tipbrief.facts.extract.evidence import (
    _OBJECT_CLAUSE,
    CONTINUING,
    asides,
    bounds_only,
    inside,
    join_and,
    precise,
    reporting_clauses,
    split_respectively,
    subordinate_clauses,
    tense_of,
)
from tipbrief.facts.extract.instruments import _instrument_names, _instrument_row
from tipbrief.facts.extract.launches import Launch, editions_of_series, find_launches, recorded_editions
from tipbrief.facts.extract.meetings import (
    ASEAN_LEADERS,
    SUPERLATIVE_PREDICATE,
    WHO_MEETS,
    MeetingName,
    article_bodies,
    meeting_names,
    series_members,
    series_row,
)
from tipbrief.facts.extract.meetings import LARGER_BODY as _LARGER_BODY
from tipbrief.facts.extract.names import is_body
from tipbrief.facts.extract.patterns import (
    _AT_MEETING,
    _INSTRUMENT_HEADS,
    _MEETING_ACTED,
    _MEETING_VERB,
    _ONGOING,
    _ORDINAL,
    _RESTS_ON,
    _SUMMIT_NUMBER,
    _SUMMIT_WORD,
    _TRANSITIVE_MEETING_VERB,
    DIRECTIVE_VERBS,
    HABITUALLY,
    LAW_HEAD,
    MEETING_NOUNS,
    NUMBER_AFTER,
    ON_ITS_WAY,
    PERIOD_FOR,
    REPORTING_VERBS,
    SAME_PLACE,
    WEEKDAY_RE,
    goes_on,
)
from tipbrief.facts.extract.records import (
    MEETING_SPAN_DAYS,
    Constraint,
    EventCandidate,
    Identification,
    PersonMention,
    Sentence,
    _Context,
    identity_key,
    intersect,
)
from tipbrief.facts.extract.sentences import PAST_VERB, REST_OF_THE_YEAR, _norm, only_past
from tipbrief.facts.extract.where import dateline_for, dateline_of, names_something, place_of
from tipbrief.facts.gazetteer import Candidate, ordinal
from tipbrief.facts.model import Place, Span
from tipbrief.facts.reference import Row, parse_partial
from tipbrief.facts.temporal.expressions import _NUMBER_WORDS, Tense, extract_temporals
from tipbrief.facts.temporal.intervals import stated_interval


def _within(places: tuple[tuple[Span, Place], ...], span: Span) -> list[tuple[Span, Place]]:
    """The places (sorted by offset) that start inside ``span``: a bisection, not a scan, so long
    articles stay linear."""
    lo = bisect_left(places, span.start, key=lambda item: item[0].start)
    hi = bisect_left(places, span.end, key=lambda item: item[0].start)
    return list(places[lo:hi])


_ORDINAL_BEFORE_SUMMIT = re.compile(r"\b(?P<n>\d{1,2})(?:st|nd|rd|th)\s+$")


def _apart(words: tuple[int, int], start: int, end: int) -> int:
    """How many characters lie between a mention and the words at ``start``-``end``."""
    return max(words[0] - end, start - words[1], 0)


def _identifications(ctx: _Context, s: Sentence) -> list[Identification]:
    out: list[Identification] = []
    text = s.text
    # The words of each numbered summit that one row identifies.
    numbered: list[tuple[int, int]] = []
    for m in _SUMMIT_NUMBER.finditer(text):
        if not m.group("n3") and len(ctx.gaz.summits_numbered(int(m.group("n1") or m.group("n2")))) == 1:
            numbered.append(m.span())
        # "the 44th and 45th ASEAN Summits": one identification for each number, each on its own words.
        parts = (
            [(int(m.group("n3")), m.start(), m.start("n4")), (int(m.group("n4")), m.start("n4"), m.end())]
            if m.group("n3")
            else [(int(m.group("n1") or m.group("n2")), m.start(), m.end())]
        )
        for n, start, end in parts:
            out.append(
                Identification(
                    "summit",
                    f"{ordinal(n)} ASEAN Summit" if m.group("n3") else text[start:end],
                    s.span(ctx.doc, ctx.original, start, end),
                    ctx.gaz.summits_numbered(n),
                    text[max(0, start - 50) : start],
                    text[end : end + 60],
                )
            )
    # An ASEAN Summit, not the East Asia Summit or an ASEAN-Australia Special Summit: summits.csv
    # holds ASEAN Summits only.
    summit_at = next(
        (
            m
            for m in (
                *_SUMMIT_WORD.finditer(text),
                *_LEADERS_SUMMIT.finditer(text),
                *_leaders_met_all(ctx, text),
            )
            if not _OTHER_SUMMIT.search(text, max(0, m.start() - 40), m.start())
        ),
        None,
    )
    if summit_at is not None:
        dateline = dateline_of(ctx)
        # ("at their summit in Labuan Bajo in May, and are due to meet again in Jakarta next week for
        # the 43rd ASEAN Summit": a city nearer a numbered summit than the other summit the sentence
        # names is the number's, which identifies that summit already; the city is no other summit's.
        # Not a summit held in parts, "the 14th ASEAN Summit" in Cha-am, whose city says which part.)
        unnumbered = [
            m.span()
            for m in (
                *_SUMMIT_WORD.finditer(text),
                *_LEADERS_SUMMIT.finditer(text),
                *_leaders_met_all(ctx, text),
            )
            if not any(a <= m.start() < b for a, b in numbered)
        ]
        for start, end, row in ctx.gaz.places.find(text):
            # (A summit's city: "Singapore" is a country's row too; summits_in knows cities only.)
            if abs(start - summit_at.end()) > 60 and abs(summit_at.start() - end) > 80:
                continue
            if (
                numbered
                and unnumbered
                and min(_apart(n, start, end) for n in numbered)
                < min(_apart(u, start, end) for u in unnumbered)
            ):
                continue
            if dateline is not None and s.span(ctx.doc, ctx.original, start, start).start < dateline[2]:
                continue  # where the article was filed, not where the summit was
            if _NAME_GOES_ON.match(text, end):
                continue  # "the Bali Concord II", "the Bali Declaration": a name's, no summit's city
            found = ctx.gaz.summits_in(row.get("name"))
            # "their 27th Summit in Kuala Lumpur": the number before the word picks the city's row.
            number = _ORDINAL_BEFORE_SUMMIT.search(text, max(0, summit_at.start() - 12), summit_at.start())
            if number is not None and not re.search(
                r"(?:st|nd|rd|th)\s+(?:and|&|or)\s+$", text[: number.start()]
            ):
                keys = {c.key for c in ctx.gaz.summits_numbered(int(number.group("n")))}
                named = any(
                    i.field == "summit"
                    and i.span.start
                    <= s.span(ctx.doc, ctx.original, number.start(), number.start()).start
                    < i.span.end
                    for i in out
                )
                if not named:
                    found = tuple(c for c in found if c.key in keys)
                elif not unnumbered and not any(c.key in keys for c in found):
                    # (Where the number and the name already identify it, "the 43rd ASEAN Summit", the
                    # city's rows stay as they are; but where the sentence names no other summit, a city
                    # none of whose rows is that summit is no place of it: "The 14th ASEAN Summit never
                    # came to Chiang Mai, nor to Bangkok" is not the 5th, held in Bangkok.)
                    found = ()
            if found:
                out.append(
                    Identification(
                        "summit",
                        f"ASEAN Summit in {row.get('name')}",
                        s.span(ctx.doc, ctx.original, start, end),
                        found,
                        text[max(0, summit_at.start() - 50) : summit_at.start()],
                        text[end : end + 60],
                    )
                )
    out.extend(_chairmanships(ctx, s))
    for start, end, row in ctx.gaz.series.find(text):
        if goes_on(text, start, end, row):
            continue  # (another meeting's longer name, see meetings.meeting_names)
        before = text[max(0, start - 30) : start]
        ordinal_at = _ORDINAL.search(before)
        number_after = None if ordinal_at else NUMBER_AFTER.match(text, end)
        # "the 4th SOMTC Experts Working Group": the number is the group's, not the series'.
        if not (ordinal_at or number_after) or _LARGER_BODY.match(text[end:]):
            continue
        if ordinal_at:
            n, mention_at, mention_end = (
                int(ordinal_at.group("n")),
                start - len(before) + ordinal_at.start(),
                end,
            )
        else:
            assert number_after is not None
            n, mention_at, mention_end = int(number_after.group("n")), start, number_after.end()
        out.append(
            Identification(
                "meeting",
                f"{ordinal(n)} {row.get('series')}",
                s.span(ctx.doc, ctx.original, mention_at, mention_end),
                ctx.gaz.meetings_numbered(row, n),
                text[max(0, mention_at - 50) : mention_at],
                text[mention_end : mention_end + 60],
            )
        )
    return out


_CHAIR_AFTER = re.compile(
    r"^(?:['’]s?)?\s+(?:(?:ASEAN\s+)?[Cc]hair(?:man|woman|person)?ship\b|,?\s*(?:which|who)\s+chairs\s+ASEAN\b|"
    r",?\s+as\s+(?:the\s+)?(?:ASEAN\s+)?[Cc]hair\b)"
)
_CHAIR_BEFORE = re.compile(r"\b[Cc]hair(?:man|woman|person)?ship\s+of\s+(?:the\s+)?$")


def _chairmanships(ctx: _Context, s: Sentence) -> list[Identification]:
    """ "under the Philippines' chairmanship", "Indonesia, as chair": the years that country chaired
    ASEAN (chairs.csv)."""
    text = s.text
    if "hair" not in text:
        return []
    out = []
    for start, end, row in ctx.gaz.places.find(text):
        if row.get("kind") != "country":
            continue
        after = _CHAIR_AFTER.match(text[end:])
        before = _CHAIR_BEFORE.search(text, max(0, start - 40), start)
        if after is None and before is None:
            continue
        stop = end + (after.end() if after else 0)
        begin = start if after is not None or before is None else before.start()
        years = ctx.gaz.chairmanships(row.get("name"))
        if years:
            out.append(
                Identification(
                    "chairmanship",
                    text[begin:stop],
                    s.span(ctx.doc, ctx.original, begin, stop),
                    years,
                    text[max(0, begin - 50) : begin],
                    text[stop : stop + 60],
                )
            )
    return out


def happened_at(ident: Identification) -> bool:
    """Whether an event took place at the summit or meeting a sentence names: "at the 27th ASEAN
    Summit", "during the 28th…", "the 42nd Summit … had adopted"; not "ahead of the 34th Summit"."""
    return bool(_AT_MEETING.search(ident.before) or _MEETING_ACTED.search(ident.after))


def _actors(ctx: _Context, text: str) -> list[str]:
    out: list[str] = []
    for _, _, row in ctx.gaz.bodies.find(text):
        name = row.get("short") or row.get("long")
        if name not in out:
            out.append(name)
    for m in re.finditer(r"\b[A-Z][A-Z&]{1,10}\b", text):
        if m.group() in ctx.glossary and m.group() not in out and is_body(ctx.glossary[m.group()]):
            out.append(m.group())
    return out


@dataclass(frozen=True, slots=True)
class _Frame:
    """One event a sentence states, before the sentence's evidence is shared out."""

    kind: str
    title: str
    subject: str
    name: str
    """What names the event when no subject does (normalised)."""
    at: int
    """Where its trigger stands in the sentence."""
    party: str = ""
    ordinal: int | None = None
    instruments: tuple[str, ...] = ()
    generic: bool = False
    trigger: bool = True
    """False for a meeting named as the occasion of another event ("signed at the 27th ASEAN
    Summit"): it takes only what the reference data says of it."""
    future: bool = False
    split: tuple[int, int] | None = None
    """("Viet Nam and Myanmar deposited … on 5 and 16 January respectively": the i-th of n parties."""
    end: int = -1
    """Where the meeting's name ends (numbered meetings: the reference rows' check looks after it)."""
    weak: bool = False
    """Its name is a common noun ("a workshop"): the key names the article and place, not the words."""
    edition: Row | None = None
    """The recorded edition of a report it publishes ("the 2024 Trafficking in Persons Report")."""
    main: bool = False
    """The meeting the sentence's meeting verb governs ("opened the 16th SOMTC"); other numbered
    meetings it names are events only where the reference rows agree with what it says of them."""
    dated_only: bool = False
    """An event only where the sentence dates it (a report known by its publisher alone)."""
    awaited: bool = False
    """ "where leaders looked forward to the launch of the commission, expected next year": still to
    come when the sentence's meeting met, which is not its occasion."""
    owns_from: int = -1
    """Where the words it owns begin, when the words before are another clause's ("… today welcomed
    the recognition, following the release of the report yesterday")."""
    shares: int = -1
    """The trigger of the meeting it is named beside ("host the 31st Summit and the East Asia
    Summit"), whose words (time, tense, place) are its too; -1 for none."""
    name_at: int = -1
    """Where an act's instrument is named in the sentence, when the verb names it (-1 otherwise)."""
    elsewhere: bool = False
    """Decided where the sentence does not say: its places and the dateline are not the event's (a
    card the EU shows a country on illegal fishing)."""


# The kinds of event that are a gathering with days of its own (not an act done on one day).
_GATHERING_KINDS = frozenset({*MEETING_NOUNS, "meeting", "summit"})


def without_stated_times(found: list[EventCandidate]) -> list[EventCandidate]:
    """The events a sentence that asserts nothing names (see sentences.unasserted: "the first version
    wrongly said that the 14th AMMTC opened on November 25", "CLAIM: A post says the convention was
    signed in Vientiane in 2004", "Was the convention signed in 2004?"): the article's events, but
    what the sentence says of their time and place the article rejects or only asks; only the
    reference data dates them."""
    return [
        replace(c, constraints=tuple(k for k in c.constraints if k.span is None), place=None, place_span=None)
        for c in found
    ]


def _events_in_sentence(
    ctx: _Context,
    s: Sentence,
    places: tuple[tuple[Span, Place], ...],
    people: list[PersonMention],
    anchor: tuple[Constraint, ...],
) -> list[EventCandidate]:
    text = s.text
    words = sentence_words(text)
    frames = _frames(ctx, s, words)
    if not frames:
        return []
    anchor = comment_anchor(ctx, s, anchor) or anchor
    source = s.span(ctx.doc, ctx.original)
    sentence_tense = tense_of(text)
    idents = _identifications(ctx, s)
    times = _time_constraints(ctx, s, anchor, sentence_tense)
    dateline = dateline_of(ctx)
    if dateline is not None:
        times = [c for c in times if not (c.span and c.span.start < dateline[2])]
    extra = _programme_constraints(ctx, s)
    # A speaker's term dates the speech ("Don Pramudwinai said the region had learned from the
    # meeting held in July last year"): the article, not the events the speaker recalls.
    extra += [
        p.term
        for p in people
        if p.term
        and source.start <= p.span.start < source.end
        and not _SPEAKS.match(ctx.original, p.span.end)
    ]
    placed = [
        (sp, pl)
        for sp, pl in _within(places, source)
        if not (dateline and sp.start < dateline[2]) and not names_something(ctx.original, sp)
    ]
    actors = tuple(_actors(ctx, text))
    triggers = sorted({f.at for f in frames if f.trigger})

    @lru_cache(maxsize=1)
    def sentence_meetings() -> tuple[MeetingName, ...]:
        """The meetings the sentence names, found once for the rules below that ask for them."""
        return tuple(meeting_names(ctx, text, words))

    # (Only a sentence with "and" can list meetings: see _LIST_AND.)
    listed_names = sorted(m.start for m in sentence_meetings()) if re.search(r"\band\b", text) else []
    # "… had entered into force in March 2017, and in November 2017, in Manila, the region finalized
    # the Work Plan": what stands after ", and" before the next verb is that verb's clause.
    # (Not on a row of a chronology, "28 September 2015 - Singapore accedes to the Protocol; its
    # instrument is deposited in New York": the row's day is each clause's.)
    clause_opening = _COMMA_AND if DATED_ROW.match(text) else _AND_CLAUSE
    opens = [
        max((m.start() for m in clause_opening.finditer(text, prev, t)), default=t) if i else t
        for i, (prev, t) in enumerate(zip([0, *triggers], triggers, strict=False))
    ]
    bounds = [s.span(ctx.doc, ctx.original, t, t).start for t in opens]

    def owner(offset: int) -> int | None:
        """The trigger whose evidence the original offset is: the last one before it (None: all)."""
        i = bisect_left(bounds, offset + 1) - 1
        return triggers[i] if i >= 0 else None

    shared = _shared_meetings(text, frames, triggers)
    shared.update({f.at: f.shares for f in frames if f.shares >= 0})

    # (A trigger whose clause opens at ", and": what stands before the sentence's first trigger is
    # the first clause's, "In Labuan Bajo in May 2023 the leaders adopted …, and the convention has
    # been in force since March 2017".)
    own_clause = {t for t, o in zip(triggers, opens, strict=True) if o != t}

    owned_from: dict[int, int] = {}

    def own_start(frame: _Frame) -> int:
        """Where the words a frame owns begin in the sentence (-1: all), worked out once a frame."""
        if frame.at not in owned_from:
            first = frame.at if frame.awaited else frame.owns_from
            if first < 0 and frame.trigger and frame.kind in _GATHERING_KINDS:
                first = _own_and_clause(text, frame.at)
            owned_from[frame.at] = first
        return owned_from[frame.at]

    def mine(frame: _Frame, offset: int) -> bool:
        first = own_start(frame)
        if first >= 0 and offset < s.span(ctx.doc, ctx.original, first, first).start:
            # (What stands before an awaited launch is the meeting's that awaited it; before the
            # phrase "following the release of …", the main clause's; before a clause of the
            # frame's own that opens at ", and", the clause before it.)
            return False
        o = owner(offset)
        if o is None:
            return frame.at not in own_clause
        return o == frame.at or len(triggers) == 1 or o == shared.get(frame.at)

    reporting = reporting_clauses(ctx, s)
    idents += _numbered_by_name(ctx, s, frames, idents)
    claimed = {id(i): f.at for f in frames for i in idents if _overlaps(i.span, s, f)}
    # What every frame asks of the same sentence, worked out once.
    clauses = [(m.start(), m.end()) for m in RELATIVE_CLAUSE.finditer(text)]
    # "Ten years after ASEAN leaders adopted the declaration in Vientiane, officials met here on
    # Friday": an act in a fronted clause takes only that clause's dates, as in a relative one.
    clauses += [(m.start("clause"), m.end("clause")) for m in FRONTED_CLAUSE.finditer(text)]
    act_clauses = [(m.start(), m.end()) for m in ACT_CLAUSE.finditer(text)]
    held = _later_held(text, sentence_meetings()) if any(f.kind in _GATHERING_KINDS for f in frames) else []

    out: list[EventCandidate] = []
    for f in frames:
        if f.trigger and _WHETHER.search(text, max(0, f.at - 80), f.at):
            # "… travelled to Thailand on Friday to assess whether the kingdom could still host the
            # meeting": an act the sentence only wonders about is no event, and Friday is not its.
            continue
        tense: Tense = sentence_tense
        own = [i for i in idents if claimed.get(id(i)) == f.at]
        if f.kind == "summit" and f.title.startswith("ASEAN Summit in ") and f.end > 0:
            # ("at their summit in Kuala Lumpur in November 2015": of the city's summits, the one
            # that month, even where the month is the act's beside it.)
            picked = _one_summit_then(ctx, text, f.at, f.title)
            if picked is not None:
                own = [replace(i, candidates=(picked,)) if picked in i.candidates else i for i in own]
        at = s.span(ctx.doc, ctx.original, f.at, f.at).start
        if not f.trigger:
            # (An instrument or a report's edition named with its year: what the reference data
            # records of the act or the release.)
            cons: list[Constraint] = (
                _instrument_reference(ctx, f) if f.kind in ACT_KINDS else _edition_reference(f)
            )
            pl = None
            if f.kind in _GATHERING_KINDS and f.ordinal is not None and f.end > 0 and not own:
                # "signed at the 11th SAARC Summit in Kathmandu in January 2002": a numbered meeting
                # no reference row knows, named as an act's occasion, is dated by the time its own
                # phrase gives.
                cons = _phrase_time(ctx, s, f, times)
        else:
            first_at = min(f.at, f.shares) if f.shares >= 0 else f.at
            seg_start = max((t for t in triggers if t < first_at), default=0)
            seg_end = min((t for t in triggers if t > max(f.at, f.shares)), default=len(text))
            segment = text[seg_start:seg_end] if len(triggers) > 1 else text
            # ("hosted an emergency meeting … and has pressed its neighbours to ratify a convention
            # that leaders plan to sign in November": the plan is the clause's, not the meeting's.)
            offset = seg_start if len(triggers) > 1 else 0
            # "… took note of the 29th ASEAN Summit held in Vientiane in September and agreed that
            # the 23rd Meeting of the AICHR will be held in the Philippines in February 2017": another
            # meeting said to be held owns its clause, its tense and its days.
            held_by_another = (
                next((m for m in held if m > max(f.at, f.end)), None) if f.kind in _GATHERING_KINDS else None
            )
            if held_by_another is not None and held_by_another < seg_end:
                segment = text[seg_start:held_by_another]
            own_clauses = segment
            for m in reversed(list(_OBJECT_CLAUSE.finditer(segment))):
                if not m.start() <= f.at - offset < m.end():
                    own_clauses = own_clauses[: m.start()] + own_clauses[m.end() :]
            # "Representatives met in Bangkok last Friday at the special meeting …, and ASEAN's
            # human rights commission is due to meet in Brunei later this month": what looks ahead
            # after a clause with another subject is that clause's, not the past meeting's.
            stop_at = _CLAUSE_BREAK.search(own_clauses, max(0, f.at - offset, f.end - offset))
            if stop_at is not None and only_past(own_clauses[: stop_at.start()]):
                own_clauses = own_clauses[: stop_at.start()]
            tense = "future" if f.future or f.awaited else tense_of(own_clauses)
            if (
                tense == "past"
                and len(triggers) > 1
                and _FRONTED_AHEAD.search(text, 0, 80)
                and not PAST_VERB.search(own_clauses)
            ):
                # ("For the rest of the year, the calendar that matters to us is the SOMTC in Putrajaya
                # in September and the AMMTC in Myanmar in October": the time put first looks ahead
                # for each meeting listed after it.)
                tense = "future"
            if (
                tense == "future"
                and _DONE_PARTICIPLE.match(text, f.at)
                and not _NOT_DONE.search(text, 0, f.at)
            ):
                # "Malaysia, urged in the report released in June …, will host the SOMTC": the
                # participle's act is done, whatever the sentence's main verb looks ahead to.
                tense = "past"
            if tense == "future" and _RECALLED.search(text, max(0, f.at - 60), f.at):
                # ("The Lao side recalled the discussion at the SOMTC in Putrajaya in June and offered
                # to host a technical meeting": what is recalled is done, whatever is offered after.)
                tense = "past"
            if (
                tense == "past"
                and _HABITUAL.search(text, max(0, f.at - 20), f.at)
                and re.search(r"\b(?:will|shall)\s+(?!have\b)", text[f.at :])
            ):
                # ("The … Report, usually released in June, will be the first edition to assess
                # Brunei": this year's edition, still to come.)
                tense = "future"
            if tense == "past" and ahead_in_list(ctx, s, anchor):
                tense = "future"
            put_off = f.kind not in ACT_KINDS and (_PUT_OFF.search(segment) or _PLAN_NOT_KEPT.search(segment))
            if put_off:
                tense = "future"
            # "In December 2006 the Philippines postponed its summit on the island of Cebu": a put-off
            # the sentence dates in a year of its own is past; what was put off came after it, not
            # after the article.
            put_off_then = bool(put_off) and _put_off_then(segment)
            in_clause = any(a <= f.at < b for a, b in clauses)
            if in_clause or REPORTED_AND.search(s.text) or SEMICOLON_CLAUSE.search(s.text):
                named = f.kind in _GATHERING_KINDS  # (a name, not a verb, is where it is)
                pool = _time_constraints(ctx, s, anchor, tense, within=f.at, named_within=named)
            else:
                pool = times if tense == sentence_tense else _time_constraints(ctx, s, anchor, tense)
            if put_off:
                # "That summit, scheduled for Dec. 15-18, was put off … and moved to February": the
                # days it was planned for are when it did not happen; only the new date dates it.
                # Called off with no new date, it is no event at all.
                new_dates = {
                    s.span(ctx.doc, ctx.original, m.end(), m.end()).start for m in _MOVED_TO.finditer(text)
                }
                if not new_dates and _CALLED_OFF.search(segment):
                    continue
                pool = [c for c in pool if c.span is not None and c.span.start in new_dates]
            if dateline is not None:
                pool = [c for c in pool if not (c.span and c.span.start < dateline[2])]
            own_day = f.kind in POINT_KINDS and _OWN_DAY_PARTICIPLE.match(text, f.at)
            if own_day and not _NOT_DONE.search(text, 0, f.at):
                # ("Officials last week reviewed the findings in the Trafficking in Persons Report
                # released on June 24": an act told by a participle with its own day is dated by that
                # day; a time counted from the article before it is the main verb's.)
                # (Not "Last year's report, released in June": a time the name owns, with no verb of
                # its own between.)
                pool = [
                    c
                    for c in pool
                    if not (
                        c.rule == "relative-date"
                        and c.span
                        and c.span.end < at
                        and PAST_VERB.search(ctx.original, c.span.end, at)
                        and not ctx.original.startswith(("'s", "’s"), c.span.end)
                    )
                ]
            aside = reporting + asides(
                ctx, s, f.at, f.end, f.kind in ACT_KINDS, f.party, meeting=f.kind not in POINT_KINDS
            )
            aside += _other_objects(ctx, s, f, frames, source.end)
            # "leaders adopted X in May 2023, and ministers at the 18th AMMTC in Vientiane in August
            # last year pledged …": what follows a clause with another subject is that clause's.
            stop = _CLAUSE_BREAK.search(text, f.at)
            limit = s.span(ctx.doc, ctx.original, stop.start(), stop.start()).start if stop else None
            # (A clause of its own, not a list's last item: "…, and the leaders meet again in
            # Jakarta", not "the adoption of X, Y, and the ASEAN Convention … during the 28th Summit".)
            last_item = stop is not None and any(
                re.fullmatch(r"\s*(?:the\s+)?", text[stop.end() : n[0]]) for n in _instrument_names(ctx, text)
            )
            own_subject = stop is not None and limit is not None and not last_item
            if limit is not None:
                aside = [*aside, (limit, source.end)]
            # "the Special Meeting … held in Bangkok on May 29 and the Senior Officials Meeting … in Siem
            # Reap last month": a meeting listed after this one owns what follows its name.
            itself = _HELD_ITSELF.match(text, f.end) if f.at in held and f.end > 0 else None
            if itself is not None and itself.group().endswith("hosted"):
                itself = None  # (by whom, not when: "hosted by Malaysia as chair this year")
            if itself is not None:
                # "described the declaration adopted in Vientiane in November 2004 and the work of
                # the fifth AMMTC, held in Hanoi last November": a meeting whose own "held" phrase
                # tells when owns no time or place of a phrase before its own (not "at a two-day
                # consultative meeting held in Panglao last week": its length is its own).
                stop_at = _PHRASE_END.search(text, itself.end())
                a = s.span(ctx.doc, ctx.original, itself.end(), itself.end()).start
                b = (
                    s.span(ctx.doc, ctx.original, stop_at.start(), stop_at.start()).start
                    if stop_at
                    else source.end
                )
                # (Searched past the name's start, where the lookahead of " and the " ends.)
                befores = _PHRASE_BEFORE.finditer(text, 0, f.at + 8)
                before_at = max((m.start() for m in befores if m.start() < f.at), default=-1)
                if "which" in itself.group():
                    # ("obligated $35,000 in August 2019 for a side event at the 13th AMMTC, which was
                    # held in Bangkok from November 26 to 28, 2019": the clause that follows the name is
                    # the meeting's own, its times too, while a time before the name is another verb's.)
                    pool = pool + [
                        c
                        for c in _time_constraints(ctx, s, anchor, tense, within=itself.end() - 1)
                        if c not in pool
                    ]
                    before_at = max(before_at, f.at)
                if before_at > 0 and any(
                    c.span is not None
                    and a <= c.span.start < b
                    # (Also a day without its year: "…, held in Kuala Lumpur on 2 July".)
                    and c.rule in ("stated-date", "relative-date", "day-month")
                    for c in pool
                ):
                    aside = [
                        *aside,
                        (source.start, s.span(ctx.doc, ctx.original, before_at, before_at).start),
                    ]
            if held_by_another is not None:
                aside = [
                    *aside,
                    (s.span(ctx.doc, ctx.original, held_by_another, held_by_another).start, source.end),
                ]
            # "The Second … Conference concluded in Bali today, with ministers agreeing that the
            # cooperation begun at the first conference in Bali in February last year should go on":
            # another numbered meeting named after this one owns the times of its own phrase.
            for other in sentence_meetings():
                if (
                    other.ordinal is not None
                    and f.end > 0
                    and other.start >= f.end
                    and other.ordinal != f.ordinal
                    # (The occasion of something else: not "the Preparatory SOMTC for the 18th AMMTC on
                    # 27 August", whose day is the preparatory meeting's.)
                    and _OCCASION_OF_ANOTHER.search(text, max(0, other.start - 20), other.start)
                    and not re.match(r"(?:its|their)\s", text[other.start :], re.IGNORECASE)
                ):
                    stop_at = _PHRASE_END.search(text, other.end)
                    a = s.span(ctx.doc, ctx.original, other.start, other.start).start
                    b = (
                        s.span(ctx.doc, ctx.original, stop_at.start(), stop_at.start()).start
                        if stop_at
                        else source.end
                    )
                    aside = [*aside, (a, b)]
            # "signed the ASEAN Consensus …, a document negotiators had wrangled over since the Cebu
            # Declaration of 2007": a phrase telling when a span began, with another thing's time, is
            # that thing's (not "since the Seventh Ministerial Conference in August 2018" for that one).
            for since in _SINCE_THING.finditer(text):
                end_at = _PHRASE_END.search(text, since.end())
                b_at = end_at.start() if end_at else len(text)
                if not since.start() <= f.at < b_at:
                    aside = [
                        *aside,
                        (
                            s.span(ctx.doc, ctx.original, since.start(), since.start()).start,
                            s.span(ctx.doc, ctx.original, b_at, b_at).start,
                        ),
                    ]
            listed = next((a for a in listed_names if f.end >= 0 and a > f.end), None)
            if listed is not None and _LIST_AND.search(text, f.end, listed):
                aside = [*aside, (s.span(ctx.doc, ctx.original, listed, listed).start, source.end)]
            # "The ministers met in Putrajaya on May 20 …, while Thailand hosted a special meeting …
            # nine days later": before the clause break, after that clause's verb, the day is its.
            before = list(_CLAUSE_BREAK.finditer(text, 0, f.at))
            verb = _CLAUSE_VERB.search(text, 0, before[-1].start()) if before else None
            earlier_clause = []
            if before and verb is not None:
                a = s.span(ctx.doc, ctx.original, verb.start(), verb.start()).start
                b = s.span(ctx.doc, ctx.original, before[-1].start(), before[-1].start()).start
                earlier_clause = [(a, b)]
                aside = [*aside, *earlier_clause]
            if f.kind in ACT_KINDS and _REACTION_TO.search(text, 0, f.at):
                # "IOM today welcomed the adoption of the Work Plan": today is the welcome's.
                aside = [*aside, (source.start, at)]
            said_that = _SAID_THAT.search(text, max(0, f.at - 200), f.at)
            # (Not "… had announced on Nov 26 last year that the Cabinet had agreed to ratify P29,
            # when the government launched the plan": "when" shares the announcement's day.)
            if said_that is not None and not re.search(
                r"\b(?:when|as|while)\s", text[said_that.end() : f.at]
            ):
                # "Indonesia and Australia disclosed on Monday that they had quietly convened the
                # Consultation Mechanism": Monday is the disclosure's; what was done came before it.
                said_at = s.span(ctx.doc, ctx.original, said_that.end(), said_that.end()).start
                aside = [*aside, (source.start, said_at)]
            owned_by = (
                _POSSESSIVE_DAY.search(text, max(0, f.at - 40), f.at) if f.kind in POINT_KINDS else None
            )
            if owned_by is not None:
                # "Advocates on Monday welcomed the ratification, saying last Tuesday's deposit …":
                # the day the act's noun is owned by is its own; what stands before is the welcome's.
                owner_at = s.span(ctx.doc, ctx.original, owned_by.start(), owned_by.start()).start
                aside = [*aside, (source.start, owner_at)]
            eve = _EVE_OF.search(text, max(0, f.at - 30), f.at)
            if eve is not None and f.kind not in ACT_KINDS:
                # "… host the senior officials online later this month, ahead of an ASEAN Ministerial
                # Meeting on Transnational Crime in September": what comes before "ahead of" is not
                # the meeting's.
                aside = [
                    *aside,
                    (source.start, s.span(ctx.doc, ctx.original, eve.start(), eve.start()).start),
                ]
            # What stands before these words is another clause's: "It was launched in Perth in
            # August last year, after ministers at the sixth conference in Bali in March 2016 agreed
            # …" (the launch's place and days, not the conference's); "Fifty million people were
            # living in modern slavery in 2021, according to the Global Estimates released today"
            # (what the report found, not when it came out).
            for cut in (
                _SUBORDINATE_BEFORE.search(text, max(0, f.at - 80), f.at),
                _ACCORDING_TO.search(text, 0, f.at) if f.kind in ("publication", "launch") else None,
            ):
                if cut is not None:
                    aside = [
                        *aside,
                        (source.start, s.span(ctx.doc, ctx.original, cut.start(), cut.start()).start),
                    ]
            # "… has signed into law Republic Act 10364, …, Malacanang confirmed on Wednesday": the
            # day of a report that closes the sentence is the report's.
            reported = _REPORTED_AFTER.search(text, max(f.at, f.end)) if f.kind in ACT_KINDS else None
            if reported is not None:
                aside = [
                    *aside,
                    (s.span(ctx.doc, ctx.original, reported.start(), reported.start()).start, source.end),
                ]
            # "The Emergency … Meeting was convened by Malaysia … after thousands of migrants were
            # abandoned at sea by smugglers in May": a clause after the event, with a verb of its own,
            # dates its own subject.
            then = _SUBORDINATE_AFTER.search(text, max(f.at, f.end))
            if then is not None and not _PUT_OFF.search(segment):
                aside = [
                    *aside,
                    (s.span(ctx.doc, ctx.original, then.start(), then.start()).start, source.end),
                ]
            # "adopted the Global Plan of Action on 30 July 2010, and on 18 December 2013 it
            # designated …": a clause after ", and" with a subject and a verb of its own.
            # "The report, released in Washington yesterday and available here early this morning":
            # a second predicate of the report's, whose time is not the release's.
            # "… released its Global Report … on Wednesday, finding that the number of detected
            # victims rose sharply in 2022": what the report found has the times of its findings.
            found_that = _FINDING_THAT.search(text, max(f.at, f.end)) if f.kind in _RELEASE_KINDS else None
            if found_that is not None:
                aside = [
                    *aside,
                    (s.span(ctx.doc, ctx.original, found_that.start(), found_that.start()).start, source.end),
                ]
            also = _AND_ANOTHER_PREDICATE.search(text, max(f.at, f.end)) if f.kind in _RELEASE_KINDS else None
            if also is not None:
                aside = [
                    *aside,
                    (s.span(ctx.doc, ctx.original, also.start(), also.start()).start, source.end),
                ]
            resolved = _AND_RESOLVED_TO.search(text, max(f.at, f.end)) if f.kind in _GATHERING_KINDS else None
            if resolved is not None:
                # "The committee held its 12th meeting on Monday and agreed to train 60 officers at
                # the checkpoint next month": what the meeting resolved to do has its own time and
                # place.
                aside = [
                    *aside,
                    (s.span(ctx.doc, ctx.original, resolved.start(), resolved.start()).start, source.end),
                ]
            and_then = _AND_THEN.search(text, max(f.at, f.end))
            if and_then is not None and not any(t > and_then.start() for t in triggers):
                aside = [
                    *aside,
                    (s.span(ctx.doc, ctx.original, and_then.start(), and_then.start()).start, source.end),
                ]
            # "The regional consultation closed a review of the first plan, the RPA on EVAW, which ASEAN
            # Leaders adopted in November 2015": a clause with a subject of its own, about a noun
            # further on, is that noun's (not "the meeting, which the minister opened on Monday").
            aside = [
                *aside,
                *(
                    (
                        s.span(ctx.doc, ctx.original, m.start(), m.start()).start,
                        s.span(ctx.doc, ctx.original, m.end(), m.end()).start,
                    )
                    for m in _OWN_SUBJECT_CLAUSE.finditer(text, max(f.at, f.end) + 40)
                ),
            ]
            # "The draft Convention, finalised by senior officials in Siem Reap earlier this month, …
            # is to be signed by the Leaders in November": a participle's own clause before the act,
            # set off by commas, has the participle's time and place, not the act's.
            if f.kind in ACT_KINDS:
                aside = [
                    *aside,
                    *(
                        (
                            s.span(ctx.doc, ctx.original, m.start(), m.start()).start,
                            s.span(ctx.doc, ctx.original, m.end(), m.end()).start,
                        )
                        for m in (*_AGENT_ASIDE.finditer(text, 0, f.at), *_ON_ITS_WAY.finditer(text, 0, f.at))
                    ),
                ]
            # "The foreign ministers met in Putrajaya on 20 May 2015 and issued a joint statement, and on
            # 2 July the ASEAN ministers … gathered in Kuala Lumpur for an emergency meeting": a
            # gathering in a clause of its own, opened at ", and" with its own time, takes no time
            # from the clause before.
            own_and = _own_and_clause(text, f.at) if f.kind in _GATHERING_KINDS else -1
            if own_and > 0:
                aside = [*aside, (source.start, s.span(ctx.doc, ctx.original, own_and, own_and).start)]
            # "Malaysia chairs ASEAN in 2025, as it did when the convention was signed": the clause
            # likens another time to the one before it, so that time is not the act's.
            likened = _AS_IT_DID_WHEN.search(text, max(0, f.at - 120), f.at)
            if likened is not None:
                likened_at = s.span(ctx.doc, ctx.original, likened.end(), likened.end()).start
                aside = [*aside, (source.start, likened_at)]
            # "The two meetings were held on September 18 …, alongside the four-day 9th AMMTC": the
            # day before "alongside" is not the meeting's beside them (the place may be: "The launch
            # took place in Bangkok, alongside the ASEAN Foreign Ministers' Meeting").
            beside = _ALONGSIDE.search(text, max(0, f.at - 40), f.at)
            day_aside = (
                [(source.start, s.span(ctx.doc, ctx.original, beside.start(), beside.start()).start)]
                if beside is not None
                else []
            )
            quoted = _quoted_around(text, f.at) if f.kind in _GATHERING_KINDS else None
            if quoted is not None:
                # ('[7] Bali Process, "Sixth Ministerial Conference: provisional programme", circulated
                # February 2016.': a meeting named in a document's quoted title takes no time from
                # outside the quotes, which are the document's.)
                qa, qb = (s.span(ctx.doc, ctx.original, q, q).start for q in quoted)
                aside = [*aside, (source.start, qa), (qb, source.end)]
            cons = [
                c
                for c in pool
                if c.span is None
                or (
                    mine(f, c.span.start)
                    and not inside(c.span.start, aside, at)
                    and not inside(c.span.start, day_aside, at)
                    and not _owned_by_another(ctx.original, c.span, at)
                    and not (f.kind not in ACT_KINDS and _an_instruments_year(ctx.original, c.span))
                    and not (f.kind in ACT_KINDS and _another_instruments_year(ctx.original, c.span, f))
                    and not (f.kind in _GATHERING_KINDS and _a_periods_years(ctx.original, c))
                    and not _RECURRING_SINCE.search(ctx.original, max(0, c.span.start - 40), c.span.start)
                    and not _DEADLINE.search(ctx.original, max(0, c.span.start - 200), c.span.start)
                    and not _NAMES_TARGET.search(ctx.original, max(0, c.span.start - 60), c.span.start)
                    and not _A_HAPPENINGS.search(ctx.original, max(0, c.span.start - 40), c.span.start)
                    and not _NOT_THEN.search(ctx.original, max(0, c.span.start - 30), c.span.start)
                    and not (c.span.end <= at and _THEN_NEXT.search(ctx.original, c.span.end, at))
                    and not _withdrawn(ctx.original, c.span.start)
                )
            ]
            point = f.kind in POINT_KINDS
            cons = split_respectively(
                f.split, precise(bounds_only(ctx.original, join_and(ctx.original, cons), point), point)
            )
            # (Not "Crime is growing, according to a report launched today": a launch is one day's.)
            continuing = f.kind not in POINT_KINDS and bool(
                CONTINUING.search(text[seg_start:seg_end] if len(triggers) > 1 else text)
            )
            if continuing:
                # "The 19th AMMTC continued today": today falls within the meeting, not around it.
                cons = [c for c in cons if c.rule != "relative-date"]
            elif f.kind in _GATHERING_KINDS and _DURING.search(text, max(0, f.at - 60), f.at):
                # "… deposited the instrument … in Vientiane on Sunday, during the annual meeting of
                # ASEAN foreign ministers": the act's day falls within the meeting, not around it.
                # (A month the act is given, "last month, during the week-long 10th SOMTC", holds it.)
                cons = [c for c in cons if not (c.span is not None and c.span.start < at and _a_day(c))]
            # "Last year's edition, released on June 24": a year the clause gives holds the day; the
            # nearest June 24 before the article need not.
            annual = any(c.annual for c in cons) and not any(
                (
                    c.rule in ("stated-date", "relative-date")
                    and c.annual is None
                    and c.earliest
                    and c.latest
                    and (c.latest - c.earliest).days <= 366
                )
                # ("… began on 1 May 2015 … ¶ … met in Putrajaya on 20 May": the story's year or a
                # later one, not the last 20 May before the article.)
                or c.rule == "story-year"
                for c in cons
            )
            cons += [
                c for c in extra if (c.span is None or mine(f, c.span.start)) and not _acts_on_programme(f, c)
            ]
            # ("MEDIA ADVISORY - CHANGE OF DATE AND VENUE ¶ 14th ASEAN Summit ¶ …": a heading that is
            # the meeting's name alone tells no tense, so nothing of when it met against the article.)
            # (So is an act's noun heading its event, "Inauguration of the ASEAN Commission on … (ACWC)"
            # over a media advisory: before, read as past, it put the inauguration on the advisory's day.)
            name_alone = (f.at == 0 and f.end >= len(text.rstrip(" .:;-–—"))) or (
                f.at == 0 and _ACT_NOUN_HEADING.fullmatch(text.rstrip(" .:;-–—")) is not None
            )
            if (
                not continuing
                and not put_off_then
                and not name_alone
                # ("Is the 39th summit definitely online?": a question says nothing of when; but
                # "Does the hon. Member agree that the American report, published in July, should
                # not have upgraded Malaysia?" takes the past it tells as given.)
                and not (text.rstrip().endswith("?") and not only_past(text))
                and not (f.kind not in ACT_KINDS and _PLANNED_FOR.search(text, 0, f.at))
                # ("A study came out today, ahead of a regional workshop on trafficking, which
                # Cambodia hosts on September 21 and 22": what a past act came ahead of may still
                # be to come.)
                and not (
                    tense == "past"
                    and f.kind not in ACT_KINDS
                    and _EVE_OF.search(text, max(0, f.at - 30), f.at)
                )
            ):
                # (Not "had been planned for the bloc's 14th summit": whether that meeting has
                # happened, the sentence's tense does not say.)
                # (A reference page is as of its last edit, which says no year of its yearless days.)
                cons += _anchor_relation(
                    anchor, _direction(anchor, cons, tense, f.kind), annual and not ctx.article.as_of
                )
            if f.kind in ACT_KINDS:
                # A speaker's term dates the speech, not an instrument they recall ("signed in 2004").
                cons = [c for c in cons if c.rule != "office-term"]
                cons += _instrument_reference(ctx, f)
            cons += _edition_reference(f) or _latest_edition(ctx, f, text, anchor)
            if f.kind in POINT_KINDS:
                cons = _another_zone(ctx.original, cons)
            # (Not a meeting named in an aside: "endorsed the 2023 Adelaide Strategy, which replaces
            # the strategy agreed at the seventh conference in Bali in 2018".)
            own += _occasions(
                f,
                [
                    i
                    for i in idents
                    if i not in own
                    and not f.awaited
                    and mine(f, i.span.start)
                    and not any(
                        a <= i.span.start - source.start < b and not a <= f.at < b for a, b in clauses
                    )
                    # ("report at the 18th AMMTC in Vientiane in August, and on the US State Department
                    # to look closely … when it publishes its Trafficking in Persons Report next
                    # month": a clause of its own, with its own subject, takes no meeting before it.)
                    and not _own_when_clause(text, max(0, i.span.end - source.start), f.at)
                    # ("will host the AMMTC in August, and the leaders meet again in Jakarta in
                    # September for the 43rd Summit": a clause with its own subject, after it.)
                    and (not own_subject or limit is None or i.span.start < limit)
                ],
                claimed,
            )
            if f.kind not in POINT_KINDS:
                # (Its own clauses say whether it opened or closed then: not "…, and the commission
                # is due to gather in Brunei later this month".)
                cons = _days_of_a_meeting(
                    cons,
                    own_clauses if f.trigger else text[seg_start:seg_end] if len(triggers) > 1 else text,
                    ctx.original,
                )
            # (Nor where the noun of another act's clause was done: "… amending the MOU that the two
            # countries signed in Bali".)
            acts_aside = [
                (s.span(ctx.doc, ctx.original, a, a).start, s.span(ctx.doc, ctx.original, b, b).start)
                for a, b in act_clauses
                if not a <= f.at < b
            ]
            here = [
                (sp, pl)
                for sp, pl in placed
                if mine(f, sp.start)
                and (not limit or sp.start < limit)
                and not inside(sp.start, earlier_clause, at)
                and not inside(sp.start, aside, at)
                and not inside(sp.start, acts_aside, at)
                # (Nor a city before a clause of the event's own: "… in Vientiane in August, and on
                # the US State Department … when it publishes its report next month".)
                and not _own_when_clause(text, max(0, sp.end - source.start), f.at)
            ]
            person = [
                (
                    s.span(ctx.doc, ctx.original, m.start(), m.start()).start,
                    s.span(ctx.doc, ctx.original, m.end(), m.end()).start,
                )
                for m in PERSONS_CLAUSE.finditer(text)
                if f.kind in _GATHERING_KINDS and m.start() <= f.at < m.end()
            ]
            if person:
                # ("a career diplomat who chaired the 10th SOMTC, died at his home in Kuala Lumpur":
                # where the person was is not where the meeting the person's clause names met.)
                here = [(sp, pl) for sp, pl in here if any(a <= sp.start < b for a, b in person)]
            # A treaty enters into force for all its parties at once: the dateline says where the
            # news was filed ("GENEVA, 16 November 2017 - … comes into force today"), not where.
            # (Nor is it where a meeting held online took place: "The 14th AMMTC was held today via
            # video conference" under a Hanoi dateline.)
            online = f.kind in _GATHERING_KINDS and _HELD_ONLINE.search(own_clauses) is not None
            # (Nor, on a paid wire release, where another's report came out: "KUALA LUMPUR, Oct. 17,
            # 2013 /PRNewswire/ -- A coalition … today called on ASEAN to respond to the first Global
            # Slavery Index, published today by the Walk Free Foundation": the coalition's city, not
            # the index's. An agency's own release, "VIENNA, 2 February (UNODC) - … published today
            # by UNODC", is filed where it published.)
            by_another = (
                f.kind in _RELEASE_KINDS
                and dateline is not None
                and _PRESS_WIRE.search(ctx.original, dateline[1].start, dateline[2] + 40) is not None
                and _PUBLISHED_BY.match(text, max(f.at, f.end)) is not None
            )
            filed = None if f.kind == "entry-into-force" or online or by_another else dateline_for(ctx, s)
            if f.kind in _GATHERING_KINDS and _PLAN_CHANGED.search(text):
                # "The 36th ASEAN Summit, planned for Da Nang on 8-9 April, will instead be held online":
                # the venue only planned is not where it met.
                planned = [
                    (
                        s.span(ctx.doc, ctx.original, m.start(), m.start()).start,
                        s.span(ctx.doc, ctx.original, m.end(), m.end()).start,
                    )
                    for m in _PLANNED_VENUE.finditer(text)
                ]
                here = [(sp, pl) for sp, pl in here if not inside(sp.start, planned, at)]
            # (Where the event's own name stands in the text, when it has one.)
            name_span = (
                (
                    s.span(ctx.doc, ctx.original, f.at, f.at).start,
                    s.span(ctx.doc, ctx.original, f.end, f.end).start,
                )
                if f.end >= 0
                else None
            )
            pl = place_of(
                ctx, text[seg_start:seg_end] if len(triggers) > 1 else text, here, filed, cons, name_span
            )
            if f.kind == "entry-into-force" or f.elsewhere:
                # (Nor does any city the sentence names: "Manila deposited the sixth instrument, and
                # the Convention entered into force" took effect everywhere it binds; "the EU issued
                # a yellow card to Bangkok" was decided where the sentence does not say.)
                pl = None
        if f.kind == "entry-into-force" and not re.match(r"(?:entered|came|took)\b", text[f.at :]):
            dating = [c for c in cons if c.rule in _DATING]
            terms = _TERMS_OF_FORCE.match(text, f.at)
            if not dating or (terms and all(c.span and c.span.start < at for c in dating)):
                # "will enter into force 30 days after the sixth deposit", "the deposit reached the
                # secretariat last month, and the document takes effect 30 days after it": a rule,
                # not an event; the dates before it are the deposit's. ("… on the 30th day after the
                # sixth deposit, that is, in March" states the day.)
                continue
            if terms:
                # ("it was signed in November 2015 and the text says it enters into force thirty days
                # after the sixth ratification": what the reference data records dates it, not the
                # signing's month before it.)
                cons = [c for c in cons if not (c.rule in _DATING and c.span and c.span.start < at)]
        if f.dated_only and not any(c.rule in ("stated-date", "relative-date", "day-month") for c in cons):
            continue
        if f.ordinal is not None and f.end >= 0 and not f.main:
            host = [c for c in times if c.span is not None and owner(c.span.start) == owner(at)]
            if _EVE_OF.search(text, max(0, f.at - 30), f.at):
                # "inaugurated in Ha Noi on 7 April 2010, on the eve of the 16th ASEAN Summit": the
                # day is the inauguration's, so it says nothing against the summit's row.
                host = [c for c in host if c.span is not None and c.span.start > at]
            own_from = _own_and_clause(text, f.at)
            if own_from >= 0:
                # "The AICHR was inaugurated on 23 October 2009, and the ACWC will be inaugurated at
                # the 16th ASEAN Summit": a clause of its own, opened at ", and", whose meeting the
                # day before it does not date (nor, not fitting its row, unmake).
                own_at = s.span(ctx.doc, ctx.original, own_from, own_from).start
                host = [c for c in host if c.span is not None and c.span.start >= own_at]
            rests_on = _RESTS_ON.search(text, f.end)
            if rests_on is not None:
                # "the 31st ASEAN Summit next month, where leaders are expected to sign …, building
                # on the Cebu Declaration of January 2007": the aside's date is not the summit's.
                aside_at = s.span(ctx.doc, ctx.original, rests_on.start(), rests_on.start()).start
                host = [c for c in host if c.span is not None and c.span.start < aside_at]
            # ("took the declaration to the 17th AMMTC in August 2023 and again to Vientiane last
            # August, where the 18th AMMTC …": a date after another numbered meeting's name is its.)
            ends_before = [m.end for m in sentence_meetings() if m.ordinal is not None and m.end <= f.at]
            if ends_before:
                other_end = s.span(ctx.doc, ctx.original, max(ends_before), max(ends_before)).start
                host = [c for c in host if not (c.span is not None and other_end <= c.span.start < at)]
            # ("kept the 22nd SOMTC in July 2022 and the 16th AMMTC in September 2022 online": a date
            # after the next numbered meeting's name is that one's, not this one's.)
            starts_after = [
                m.start for m in sentence_meetings() if m.ordinal is not None and m.start >= f.end
            ]
            if starts_after:
                other_start = s.span(ctx.doc, ctx.original, min(starts_after), min(starts_after)).start
                host = [c for c in host if not (c.span is not None and c.span.start >= other_start)]
            if not _fits_reference(ctx, own, host, placed, s, f):
                continue
        if (
            f.kind in _GATHERING_KINDS
            and f.ordinal is None
            and f.subject
            and not own
            and not pl
            and f.trigger
        ):
            # ("at their summit in Labuan Bajo …, and ASEAN ministers … met in the same town last
            # week": the town the sentence named before.)
            same = SAME_PLACE.search(text, f.at)
            if same is not None:
                said = s.span(ctx.doc, ctx.original, same.start(), same.start()).start
                cities = [(sp, p) for sp, p in placed if sp.start < said and p.name != p.country]
                pl = (cities[-1][1], cities[-1][0]) if cities else pl
        if f.kind in _GATHERING_KINDS and f.ordinal is None and f.subject and not own and pl and pl[0]:
            # "ASEAN ministers responsible for transnational crime met in Melaka in September": the
            # one meeting of the series on record in that city whose days the time given fits.
            there = _series_meeting_there(ctx, f, pl[0].name, cons)
            if there is not None:
                n, row, title = there
                f = replace(f, ordinal=n, title=title)
                own = [Identification("meeting", f"{ordinal(n)} {f.subject}", pl[1] or source, (row,))]
        if f.kind in _GATHERING_KINDS and f.ordinal is None and not own:
            # "recommendations made at the ASEAN Forum on Migrant Labour in 2015 and in 2019": a
            # series' meeting named without its number, in two years, is two meetings, one each.
            out.extend(
                _candidate(ctx, f, at, source, actors, pl, each, own, tense) for each in _each_year(ctx, cons)
            )
            continue
        out.append(_candidate(ctx, f, at, source, actors, pl, _stated_together(cons), own, tense))
    return out


# Between the years of a list: "in 2015 and in 2019", "in 2015 and again in 2019".
_YEAR_LIST_GAP = re.compile(r"\s*(?:,\s*)?(?:and|&)\s+(?:again\s+)?(?:in\s+)?", re.IGNORECASE)


def _each_year(ctx: _Context, cons: list[Constraint]) -> list[list[Constraint]]:
    """The constraints of each meeting a list of stated dates in different years names ("in 2015
    and in 2019"), or, when the dates are no such list, the constraints of the one meeting."""
    spans = sorted(
        (
            (c.span.start, c.span.end, c)
            for c in cons
            if c.rule == "stated-date" and c.annual is None and c.earliest and c.latest and c.span is not None
        ),
        key=lambda x: (x[0], x[1]),
    )
    if len(spans) < 2 or any(
        not (a.latest and b.earliest and a.latest.year < b.earliest.year)
        or not _YEAR_LIST_GAP.fullmatch(ctx.original, a_end, b_start)
        for (_, a_end, a), (b_start, _, b) in pairwise(spans)
    ):
        return [_stated_together(cons)]
    stated = [c for _, _, c in spans]
    rest = [c for c in cons if c not in stated]
    return [[c, *rest] for c in stated]


def _series_meeting_there(
    ctx: _Context, f: _Frame, city: str, cons: list[Constraint]
) -> tuple[int, Candidate, str] | None:
    """The numbered meeting of the frame's series held in ``city`` that the dates given fit, when
    exactly one row of the series is in that city and a date (a month at least) agrees with it.
    Never a special, emergency or preparatory meeting, which the series does not number."""
    if _SPECIAL_MEETING.search(f.title):
        return None
    series = series_row(ctx, f.subject)
    # (Its name, or a meeting of the body it names: "the AICHR, which met in Boracay last month".)
    if series is None or f.title.casefold().removeprefix("meeting of the ") != series.get("name").casefold():
        return None
    rows = [
        r
        for r in ctx.gaz.reference.rows("meetings")
        if r.get("series") == f.subject and r.get("city") == city and r.get("number").strip().isdigit()
    ]
    if len(rows) != 1:
        return None
    lo, hi = rows[0].interval()
    if lo is None or hi is None:
        return None
    dating = [c for c in cons if c.rule in ("stated-date", "relative-date", "day-month")]
    if not dating:
        return None
    for c in dating:
        if c.annual is not None:
            months = {lo.month, hi.month}
            if c.annual.month is None or c.annual.month not in months:
                return None
        elif c.earliest is None or c.latest is None or c.latest < lo or c.earliest > hi:
            return None
    # ("ASEAN foreign ministers will meet in Vientiane in July", written in 2024: July matches the
    # 49th AMM of July 2016, which the article's own date rules out.) Every series but one named by
    # its topic (a role's ministers, a body's own meetings) must fit every bound the evidence gives;
    # those by topic keep the month check alone, where a misread tense is what the row corrects.
    if not WHO_MEETS.match(series.get("name")) and any(
        c.annual is None
        and ((c.earliest is not None and c.earliest > hi) or (c.latest is not None and c.latest < lo))
        for c in cons
    ):
        return None
    n = int(rows[0].get("number"))
    found = ctx.gaz.meetings_numbered(series, n)
    # ("18th ASEAN Ministerial Meeting on Transnational Crime", "23rd Meeting of the ASEAN
    # Intergovernmental Commission on Human Rights": a body's meetings are named after it.)
    name = series.get("name")
    title = f"{ordinal(n)} {name}" if _MEETING_NAMED.search(name) else f"{ordinal(n)} Meeting of the {name}"
    return (n, found[0], title) if len(found) == 1 else None


_MEETING_NAMED = re.compile(r"\b(?:Meeting|Conference|Forum|Council|Assembly|Summit)\b")


_SPECIAL_MEETING = re.compile(
    r"\b(?:special|emergency|extraordinary|informal|preparatory|joint|retreat)\b", re.I
)


_HELD_ITSELF = re.compile(
    r"\s*(?:\([^)]*\)\s*)?,?\s*(?:which\s+)?"
    r"(?:(?:was|were|is|are|will|would|shall|(?:is|are)\s+(?:to|due\s+to|set\s+to|scheduled\s+to|expected\s+to))"
    r"\s+(?:also\s+)?be\s+"
    # ("…, which was held in Bangkok from November 26 to 28, 2019")
    r"|(?<=\bwhich\s)(?:was|were)\s+(?:also\s+)?)?(?:held|convened|hosted)\b"
)
# Between two meetings a list's words only ("the 28th and 29th ASEAN Summits held in …"): one verb
# governs both.
_LIST_GAP = re.compile(r"\s*(?:,\s*)?(?:and\s+|&\s+)?(?:the\s+)?", re.IGNORECASE)


# Where a phrase before a meeting's name ends: a comma, or "and" between two objects (not two
# places, "in Kuala Lumpur and Langkawi").
_PHRASE_BEFORE = re.compile(r",\s|\sand\s+(?=(?:the|a|an|its|their)\s)")


def _later_held(text: str, meetings: tuple[MeetingName, ...]) -> list[int]:
    """Where each meeting the sentence names (``meetings``) and says is (or was) held starts,
    unless a list joins it to the name before it."""
    names = [m for m in meetings if not m.generic]
    return [
        m.start
        for i, m in enumerate(names)
        if _HELD_ITSELF.match(text, m.end)
        and not (i and _LIST_GAP.fullmatch(text, names[i - 1].end, m.start))
    ]


# What stands between a meeting's name and its time: "the 11th SAARC Summit in Kathmandu in".
_NAME_THEN_TIME = re.compile(r"[^,;()]*?\s(?:in|on)\s+$")


def _phrase_time(ctx: _Context, s: Sentence, f: _Frame, times: list[Constraint]) -> list[Constraint]:
    """The stated time right after a meeting's name ("the 11th SAARC Summit in Kathmandu in January
    2002"), if any."""
    start = s.span(ctx.doc, ctx.original, f.at, f.at).start
    end = min(len(s.text), f.end + 30)
    until = s.span(ctx.doc, ctx.original, end, end).start
    return [
        c
        for c in times
        if c.rule == "stated-date"
        and c.span is not None
        and start < c.span.start <= until
        and _NAME_THEN_TIME.fullmatch(ctx.original, start, c.span.start)
    ]


def _stated_together(cons: list[Constraint]) -> list[Constraint]:
    """Dates one sentence states for one event that cannot all hold ("was signed in November 2015
    and has been in force since March 2017", misread): one of them is another event's, and which
    is not known, so the event lies within their span, never on the one the notes sort first."""
    stated = [c for c in cons if c.rule == "stated-date" and c.annual is None and c.earliest and c.latest]
    if len(stated) < 2 or intersect(stated) is not None:
        return cons
    lo = min(c.earliest for c in stated if c.earliest)
    hi = max(c.latest for c in stated if c.latest)
    quotes = " and ".join(f"“{c.span.quote}”" for c in stated if c.span)
    hull = replace(
        stated[0],
        note=f"the sentence gives {quotes}, which cannot all be this event's",
        earliest=lo,
        latest=hi,
        stated=False,
    )
    return [hull, *(c for c in cons if c not in stated)]


# "The report, issued every year since 2001", "held annually since 2004": when a series began, no
# one event's date.
_RECURRING_SINCE = re.compile(
    r"\b(?:(?:every|each)\s+(?:(?:two|three|other)\s+)?years?|annually|yearly|biennially)\s+since\s+$",
    re.IGNORECASE,
)


# "Applications for the workshop, to be held in Bangkok on 12-13 August, close on 15 July",
# "Deadline for nominations: 30 June": the day to apply by is no day of the event.
_DEADLINE = re.compile(
    r"\b(?:deadline(?:\s+for\s+[\w-]+(?:\s+[\w-]+)?)?(?:\s+is)?\s*:?|closing\s+date(?:\s+is)?\s*:?"
    # (Not "the workshop, which closes on 14 June": a meeting's own last day.)
    r"|(?:applications?|registrations?|nominations?|submissions?|entries|proposals|the\s+call)\b[^.;]{0,140}?"
    r"\b(?:close|closes|closed|closing)\s+(?:on|at)"
    r"|(?:apply|register|submit|send|nominate)\b[^.;:]{0,40}?\b(?:by|before|no\s+later\s+than))"
    r"\s+(?:on\s+)?(?:[A-Z][a-z]+day,?\s+)?$",
    re.IGNORECASE,
)

# "the Cebu Declaration on the Acceleration of the Establishment of an ASEAN Community by 2015": the
# year a name sets as its target, no act's time.
_NAMES_TARGET = re.compile(r"\bof\s+(?:an?\s+|the\s+)?(?:[A-Z][\w'’-]*\s+){1,3}by\s+$")


# A heading that is an act's noun and what it is of, with no verb: "Inauguration of the ASEAN
# Commission on … (ACWC)", "Signing ceremony of the …".
_ACT_NOUN_HEADING = re.compile(
    r"(?:Inauguration|Launch|Signing|Adoption|Ratification|Entry\s+into\s+force|Release|Publication)"
    r"(?:\s+ceremony)?\s+of\s+(?![^.!?]*\b(?:was|were|is|are|will|has|have|had|be)\b)[^.!?]{3,200}"
)


# A time put first that looks ahead: "For the rest of the year, …", "Later this year, …" (also after
# a dateline: "Thu, 9 Aug 2018 - For the rest of the year, …").
_FRONTED_AHEAD = re.compile(rf"(?:^\s*|\s[-–—]+\s+)(?:{REST_OF_THE_YEAR}|[Ll]ater\s+this\s+(?:month|year))\b")


# ", as it did when", ", just as they had when": a likeness to another time.
_AS_IT_DID_WHEN = re.compile(
    r",\s+(?:just\s+)?as\s+(?:it|they|he|she|we|I)\s+(?:did|was|were|had|had\s+done)\s+(?:in\s+\d{4}\s+)?when\b"
)


# "The Convention was signed on Saturday, 21 November 2015, not on 22 November": a time the
# sentence denies is not the event's.
# "the AFML here on 25-26 October, then the 31st Summit in November": a day before ", then" is the
# item's before it in a list of what comes in turn, not the one after.
_THEN_NEXT = re.compile(r"[,;]\s+(?:and\s+)?then\s+")
_NOT_THEN = re.compile(r"(?:,|\band|\bbut)\s+not\s+(?:on|in)?\s*$|\b(?:rather|other)\s+than\s+(?:on|in)?\s*$")


# An erratum's words withdrawn: 'for "the ACWC was inaugurated on 8 April 2010" read "… 7 April 2010"'.
_FOR_QUOTE_OPEN = re.compile(r"\bfor\s+[\"“][^\"”\n]{0,300}$", re.IGNORECASE)
_QUOTE_THEN_READ = re.compile(r"[^\"”\n]{0,300}[\"”]\s*,?\s*read\b", re.IGNORECASE)


# A correction's wrong value: "The inauguration of the AICHR was given as 23 October 2010. The correct
# date is 23 October 2009."
_MISSTATED_AS = re.compile(
    r"\b(?:was|were|had\s+been)\s+(?:wrongly\s+|incorrectly\s+|mistakenly\s+|erroneously\s+)?"
    r"(?:given|stated|printed|misprinted|listed|shown|recorded)\s+as\s+(?:on\s+|in\s+)?$",
    re.IGNORECASE,
)


def _withdrawn(original: str, at: int) -> bool:
    """The offset stands in the words an erratum withdraws, between 'for "' and '" read', or it is
    the value a correction says was given wrongly ("was given as 23 October 2010")."""
    return bool(
        _FOR_QUOTE_OPEN.search(original, max(0, at - 300), at) and _QUOTE_THEN_READ.match(original, at)
    ) or bool(_MISSTATED_AS.search(original, max(0, at - 60), at))


# "adopted in response to the Andaman Sea situation of May 2015": the date of what happened, which
# the event answered, not the event's.
_A_HAPPENINGS = re.compile(
    r"\b(?:situation|crisis|crises|exodus|emergency|influx|outflow|floods?|disaster|tragedy|outbreak|"
    r"discovery|discoveries|attacks?|raids?)\s+(?:of|in)\s+$",
    re.IGNORECASE,
)


def _owned_by_another(original: str, span: Span, at: int) -> bool:
    """ "last month's meeting of ministers, where they endorsed the plan": the date is the meeting's
    (its name follows the possessive), not the endorsement's."""
    m = YEARS_MEETING.match(original, span.end)
    return m is not None and not span.end <= at < m.end()


# "the ASEAN Declaration Against Trafficking in Persons Particularly Women and Children of 2004": a
# year the name of an instrument takes after "of" is the instrument's, not a meeting's.
_INSTRUMENT_OF_YEAR = re.compile(
    rf"\b(?:{'|'.join(_INSTRUMENT_HEADS)})\b(?:\s+(?:[A-Z][\w'’-]*|in|of|on|for|against|and|to|the))*?\s+of\s+$"
)


def _an_instruments_year(original: str, span: Span) -> bool:
    """Whether the expression is a year an instrument's name takes ("… Children of 2004")."""
    return bool(_INSTRUMENT_OF_YEAR.search(original, max(0, span.start - 160), span.start))


def _another_instruments_year(original: str, span: Span, f: _Frame) -> bool:
    """ "build on the Cebu Declaration, signed 16 years ago, and on the ASEAN Consensus of 2017":
    a year another instrument's name takes is not the time of an act on this one."""
    m = _INSTRUMENT_OF_YEAR.search(original, max(0, span.start - 160), span.start)
    if m is None:
        return False
    head = original[m.start() : span.start].split()[0].casefold()
    return bool(f.instruments) and not any(head in i.casefold() for i in f.instruments)


def _a_periods_years(original: str, c: Constraint) -> bool:
    """ "The eighth SOM, which reviewed the second plan of action, covering 2008 to 2010": years a
    plan or programme covers are no meeting's time."""
    if c.span is None or c.earliest is None or c.latest is None or c.earliest.year == c.latest.year:
        return False
    return bool(PERIOD_FOR.search(original, max(0, c.span.start - 40), c.span.start))


# A meeting put off: its planned days are not its days ("scheduled for Dec. 15-18, was put off").
_PUT_OFF_VERBS = r"postponed|put\s+off|deferred|rescheduled|pushed\s+back|slipped"
_PUT_OFF = re.compile(
    rf"\b(?:{_PUT_OFF_VERBS}|postpone|postponing|postponement|called\s+off|cancell?ed)\b", re.IGNORECASE
)
# A plan the past perfect tells was not kept: "The 14th summit had been scheduled for December
# 15-18 in this city, after the government moved it from Bangkok".
_PLAN_NOT_KEPT = re.compile(
    r"\bhad\s+been\s+(?:scheduled|planned|set|slated|due)\s+(?:for|to)\b|\bwas\s+to\s+have\s+been\s+held\b"
    # "First pencilled in for 2015, the conference slipped": a first plan, not kept.
    r"|\bfirst\s+(?:pencil+ed\s+in|scheduled|planned|set|slated)\s+for\b",
    re.IGNORECASE,
)
# The clause asks whether an act happens: "to assess whether the kingdom could still host it".
_WHETHER = re.compile(r"\bwhether\b[^,;.:]*$", re.IGNORECASE)
_CALLED_OFF = re.compile(r"\b(?:called\s+off|cancell?ed)\b", re.IGNORECASE)
_PUT_OFF_PAST = re.compile(
    rf"\b(?:{_PUT_OFF_VERBS}|called\s+off|cancell?ed)\b(?!\s+(?:to|until|till|for)\b)", re.IGNORECASE
)


def _put_off_then(segment: str) -> bool:
    """Whether the put-off is a past act the text dates by a year before its verb ("In December 2006
    the Philippines postponed …"), with nothing in the clause looking ahead."""
    verb = _PUT_OFF_PAST.search(segment)
    if verb is None or re.search(
        r"\b(?:will|would|to\s+be|is|are|has|have)\s+(?:\w+\s+)?$", segment[: verb.start()]
    ):
        return False
    # (In the verb's own clause: not a dateline's year, "BANGKOK, Dec 2, 2008 (AFP) - … to put off".)
    clause = re.split(r"[,;:]|\s[-–—]+\s", segment[: verb.start()])[-1]
    return any(t.year is not None and t.kind != "relative" for t in extract_temporals(clause))


# Where it was moved to: "moved to February", "postponed until next year", "rescheduled for 2009".
_MOVED_TO = re.compile(rf"\b(?:{_PUT_OFF_VERBS}|moved|delayed)\s+(?:to|until|till|for)\s+", re.IGNORECASE)


# A disclosure of what was done before ("disclosed on Monday that they had convened …").
_SAID_THAT = re.compile(
    rf"\b(?:{REPORTING_VERBS}|told\s+\w+)\b[^.;]{{0,40}}?\bthat\s+"
    # (In the same sentence, whose names may have initials: "that President Benigno S. Aquino III
    # has signed …".)
    r"(?=(?:[^.;]|(?<=\b[A-Z])\.)*$)",
    re.IGNORECASE,
)
# A day that owns the act's noun ("last Tuesday's deposit").
_POSSESSIVE_DAY = re.compile(
    rf"\b(?:(?:last|this|next)\s+)?(?:{WEEKDAY_RE}|yesterday|today|tomorrow)['’]s\s+(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
# A reaction to an act the sentence names by its noun ("welcomed the adoption of …").
_REACTION_TO = re.compile(
    r"\b(?:welcomed|welcomes|hailed|hails|praised|praises|lauded|applauded|commended|commends|"
    # ("welcomed the Philippines' ratification", "welcomed Viet Nam's ratification": a possessive.)
    r"congratulated|celebrated|celebrates)\s+(?:(?:the|its|their)\s+(?:[\w'’]+\s+)?|(?:[A-Z][\w'’]*\s+){1,3})$",
    re.IGNORECASE,
)
# A subordinator that opens the clause a frame stands in ("after ministers at the sixth conference"),
# with no clause break between. (Not "when" or "while": they share the main clause's time.)
# ("* Aug 29, 2024 - Consultations with China, Japan and the Plus Three follow the 18th AMMTC in
# Vientiane": what follows or precedes the meeting has the day, not the meeting.)
_SUBORDINATE_BEFORE = re.compile(
    r"\s(?:after|before|since|until|follows?|followed|precedes?|preceded)\s+(?=[^,;:]*$)", re.IGNORECASE
)
# ", finalised by senior officials in Siem Reap earlier this month,": a participle and its agent.
_AGENT_ASIDE = re.compile(r",\s+[a-z]+(?:ed|en)\s+by\s+[^,;()]{1,120},")
_ON_ITS_WAY = re.compile(rf"\b{ON_ITS_WAY}")
_ALONGSIDE = re.compile(r"\s(?:alongside|beside)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
_ACCORDING_TO = re.compile(
    r",\s+according\s+to\b"
    # "Victims fell by 11 percent in 2020, the UNODC said in its Global Report …, released on
    # Tuesday": the same, the speaker first.
    r"|,\s+(?:the\s+)?(?:[\w.'’()-]+\s+){1,12}?(?:said|says|reported|found|estimated|warned)\s+"
    r"(?:\w+\s+)?in\s+(?:its|their|a|an|the)\b",
    re.IGNORECASE,
)
# A report of the act that closes the sentence, with its own day: "… has signed into law Republic
# Act 10364, …, Malacanang confirmed on Wednesday" (the day is the confirmation's; the act came on or
# before it).
_REPORTED_AFTER = re.compile(
    r",\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){1,4}(?:confirmed|said|announced|reported|disclosed)\s+"
    r"(?:on\s+|late\s+|early\s+)?(?=[^,;]*$)"
)
_SUBORDINATE_AFTER = re.compile(
    r",?\s(?:after|before|since)\s+[^,;:.]*?\b(?:were|was|had|has|have)\s+\w+"
    # "The ASEAN Plus Three meeting came after ASEAN ministers concluded the fifth AMMTC … on
    # Tuesday": what it came after has its own day.
    r"|\s(?:came|comes|followed|follows)\s+(?:(?:just|shortly|soon|right|a\s+day|two\s+days)\s+)?(?:after|on\s+the\s+heels\s+of)\s"
)
# (Or a semicolon: "… at their summit in Bangkok on Nov 2; foreign ministers met in Bangkok for the
# ASEAN Foreign Ministers' Meeting from July 29 to Aug 3": the city after it is the next clause's.)
_AND_CLAUSE = re.compile(rf",\s+and\s+|{SEMICOLON_CLAUSE.pattern}")
_COMMA_AND = re.compile(r",\s+and\s+")
_RELEASE_KINDS = frozenset({"publication", "launch"})
# A paid distribution's tag in a dateline: "/PRNewswire/", "/PRNewswire-AsiaNet/", "(BUSINESS WIRE)".
_PRESS_WIRE = re.compile(r"/\s*PRNewswire[\w-]*\s*/|\bBusiness\s+Wire\b|/\s*Globe\s*Newswire\s*/", re.I)
# A report's publisher, named after it: ", published today by the Walk Free Foundation".
_PUBLISHED_BY = re.compile(
    r"[^.;]{0,40}?\b(?:published|released|issued|launched)\s+(?:(?:today|yesterday|on\s+\w+)\s+)?by\s+(?:the\s+)?[A-Z]"
)
# (Not "at its ninth meeting": the body's own, the meeting the sentence already names.)
_OCCASION_OF_ANOTHER = re.compile(r"\b(?:at|during|since|after|following)\s+(?:the\s+)?$")
# Where a meeting's own phrase ends: a clause's punctuation or the next verb.
_PHRASE_END = re.compile(
    r"[,;:.]|\s(?:should|would|will|was|were|is|are|has|had|have|and|but|which|that|where|when)\b"
)
_FINDING_THAT = re.compile(
    r",\s+(?:which\s+)?(?:finding|found|showing|showed|shows|finds|noting|noted|warning|warned|estimating|"
    r"estimated|documenting|documented)\s+that\b"
)
_AND_ANOTHER_PREDICATE = re.compile(
    r"\s+and\s+(?:(?:was|were|is|are|has\s+been|had\s+been)\s+)?(?:(?:also|then|later|widely)\s+)?"
    r"(?:available|posted|distributed|circulated|shared|translated|reprinted|presented|discussed|debated|"
    r"made\s+public|put\s+online)\b"
)
_AND_RESOLVED_TO = re.compile(
    r"\s+and\s+(?:also\s+)?(?:agreed|decided|pledged|resolved|vowed|promised|committed|planned)\s+to\b"
)
_AND_THEN = re.compile(
    r",\s+and\s+(?:(?:on|in)\s+[^,;.]{3,30}?\s+|(?:later|then|afterwards)\s+)?"
    r"(?:it|they|he|she)\s+(?:also\s+)?(?:\w+ed|was|were|had|has|have|made|set|began|took|gave)\b"
)
_PLANNED_FOR = re.compile(
    r"\b(?:planned|scheduled|set|slated|earmarked|intended|meant)\s+for\s+(?:(?:the|a|an|its|their)\b[^,;.]{0,40})?$",
    re.IGNORECASE,
)


# What an instrument's terms say of its entry into force: "(takes effect) 30 days after …", "(enters
# into force) on the thirtieth day after …".
_TERMS_OF_FORCE = re.compile(
    r"[\w ]{0,30}?\b(?:force|effect)\s+"
    r"(?:on\s+the\s+[\w-]+\s+day|(?:\w+|\d+)\s+days?|(?:\w+|\d+)\s+months?)\s+(?:after|following|from)\b",
    re.IGNORECASE,
)


# A trigger that is the past participle of the event's own act (not "The Commission finalised its
# inputs to the Plan, which will be submitted … for adoption": an adoption still to come), and the
# words before it that would make it one still to come ("to be released", "will be signed", "once
# ratified").
_HABITUAL = re.compile(rf"\b{HABITUALLY}\s+$")
_DONE_PARTICIPLE = re.compile(
    r"(?:released|published|issued|launched|unveiled|signed|adopted|ratified|deposited|held|convened|"
    r"hosted|endorsed|approved|inaugurated)\b(?!\s+to\b)"
)
_OWN_DAY_PARTICIPLE = re.compile(
    rf"{_DONE_PARTICIPLE.pattern}\s+(?:on|in)\s+(?:(?:early|mid|late)[-\s]+)?(?:{MONTH_RE}|[0-3]?\d\s+{MONTH_RE})\b"
)
_RECALLED = re.compile(
    r"\brecall(?:ed|ing|s)?\s+(?:the|its|their)\s+(?:[\w-]+\s+){0,2}?(?:at|of|during)\s+(?:the|its|their)\s+$"
)
_NOT_DONE = re.compile(
    r"\b(?:will|shall|would|to|be|being|once|if|unless|when|until|yet|not|before)\s+(?:[\w'’-]+\s+)?$",
    re.IGNORECASE,
)


def _direction(anchor: tuple[Constraint, ...], cons: list[Constraint], tense: Tense, kind: str) -> Tense:
    """The event's tense, unless a time counted from the article says otherwise: "when their leaders
    meet … next month" is to come, whatever the verbs look like. For a meeting, only a week or more
    does ("the meetings end on Saturday" is a day of a meeting that may have begun)."""
    lo, hi = intersect(anchor) or (None, None)
    if lo is None or hi is None:
        return tense
    least = 7 if kind in _GATHERING_KINDS else 0
    spans = [
        (c.earliest, c.latest)
        for c in cons
        if c.rule == "relative-date" and c.earliest and c.latest and (c.latest - c.earliest).days + 1 >= least
    ]
    if spans and all(first > hi for first, _ in spans):
        return "future"
    if spans and all(last < lo for _, last in spans):
        return "past"
    return tense


def _occasions(f: _Frame, idents: list[Identification], claimed: dict[int, int]) -> list[Identification]:
    """The identified meetings and chairmanships a frame's event took place at: a meeting named in
    the sentence is its own event; another event took place at it ("signed at the 27th ASEAN
    Summit"), and an unnamed meeting may be it."""
    return [
        i
        for i in idents
        if i.field == "chairmanship"
        # (A treaty takes effect on its own day, at no meeting: "the ACTIP, which came into force on
        # 8 March 2017, and … the guidance of the Leaders at the 31st ASEAN Summit in Manila".)
        or (happened_at(i) and f.kind not in ("meeting", "summit", "entry-into-force"))
        # (Not a numbered meeting of its own: "The 28th APSC Council reviewed it again, and last
        # month the 25th SOMTC in Putrajaya promised a handbook" does not make the SOMTC the Council.)
        or (
            id(i) not in claimed
            and f.kind in ("meeting", "summit")
            and not _another_numbered(f, i)
            # ("The ministers on transnational crime will meet in Manila in September, and in
            # November, again in Manila, we host the 31st Summit": a meeting of another series, the
            # East Asia Summit's too, is no ASEAN Summit.)
            and not (i.field == "summit" and f.subject not in ("", "ASEAN Summit"))
        )
    ]


def _another_numbered(f: _Frame, i: Identification) -> bool:
    """A numbered meeting of a series that is not the frame's own numbered meeting."""
    own = f"{f.subject}-{f.ordinal}"
    return i.field == "meeting" and f.ordinal is not None and all(c.key != own for c in i.candidates)


def _candidate(
    ctx: _Context,
    f: _Frame,
    at: int,
    source: Span,
    actors: tuple[str, ...],
    pl: tuple[Place | None, Span | None] | None,
    cons: list[Constraint],
    own: list[Identification],
    tense: Tense,
) -> EventCandidate:
    """One frame's event candidate, keyed by its identity (a weak name stands for itself alone)."""
    name = f"{ctx.doc}@{at}" if f.weak else f.name
    # (A weak act on a named instrument, a national law named without year or number, is this
    # article's: its key says so, its subject stays the law's.)
    subject = f"{f.subject}@{ctx.doc}" if f.weak and f.subject else f.subject
    key = identity_key(f.kind, subject, f.party, f.ordinal, name)
    return EventCandidate(
        f.kind,
        f.title,
        key,
        (source,),
        actors,
        f.instruments,
        pl[0] if pl else None,
        pl[1] if pl else None,
        tuple(cons),
        tuple(own),
        tense,
        f.subject,
        f.party,
        f.ordinal,
        f.generic,
    )


_OPENED = re.compile(
    r"\b(?:open(?:s|ed|ing)?|beg[ia]n|begins|start(?:s|ed)?|kick(?:s|ed)? off|gather)\b", re.I
)
# (A meeting that finished, not a text "to be finished this year".)
_CLOSED = re.compile(
    r"\b(?:clos(?:es|ed|ing)|end(?:s|ed)|(?<!\bbe )(?<!\bbeen )(?<!\bis )(?<!\bwas )finish(?:es|ed)"
    r"|conclud(?:es|ed)|wrap(?:s|ped) up|the close)\b",
    re.I,
)


_OPENED_PAST = re.compile(r"\b(?:opened|began|started|kicked off|got under ?way)\b", re.IGNORECASE)
_CLOSED_PAST = re.compile(r"\b(?:closed|ended|finished|concluded|wrapped up|the close)\b", re.IGNORECASE)
_LAST_VERB = re.compile(
    # ("whose related meetings began on Monday and end tomorrow": a plural's "end" right before the
    # day, too; as a noun, "the end of", it stands before no day.)
    rf"(?:(?P<open>{_OPENED.pattern})|(?P<close>{_CLOSED.pattern}|\b(?:close|end|finish|conclude|wrap up)\b))"
    # "which opened on the Indonesian island of Bali on October 11": where (or by whom), then when
    # ("which opened in Nusa Dua a day earlier": the place, then the day).
    # ("officially opened in Nha Trang city, the capital of the south-central province of Khanh
    # Hoa, on August 14": the place, what it is, then the day.)
    # ("opened the three-day meeting at a hotel in Makati last September 4": the meeting it opened,
    # where, then the day.)
    r"(?:\s+(?:the|its|their)\s+(?:[\w'’-]+\s+){0,4}?(?:meeting|conference|workshop|session|forum|seminar"
    r"|consultation|dialogue|summit|retreat)s?\b)?"
    r"(?:\s+(?:in|at|on|by)\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,6}?(?:,\s+the\s+[^,;.]{3,80},)?"
    r"(?=\s+(?:on|in|last)\s*$)"
    r"|\s+(?:in|at)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}(?=\s*$))?"
    r"(?:\s+(?:on|in|at|from|last))?\s*$",
    re.I,
)


# "at the end of September", "in late September": a month's last part.
_LATE_BEFORE = re.compile(r"\b(?:late|(?:the\s+)?end\s+of)\s+$", re.IGNORECASE)


def _verb_before(c: Constraint, original: str) -> re.Match[str] | None:
    """An opening or closing verb just before the constraint's words ("opened on", "closed on")."""
    lead = original[max(0, c.span.start - 160) : c.span.start] if c.span and original else ""
    return _LAST_VERB.search(lead)


# A relative date that names one day, whatever the day it counts from ("today", "this morning").
_ONE_DAY_WORD = re.compile(
    r"(?i)(?:today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening)|last\s+night"
    r"|(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day)"
)
_DAY_COUNTS = {"one": 1, **_NUMBER_WORDS, **{str(n): n for n in range(1, 8)}}
_N_DAY = re.compile(r"\b(?P<n>one|two|three|four|five|six|seven|[1-7])-day\b", re.IGNORECASE)


def _days_of_a_meeting(cons: list[Constraint], text: str, original: str = "") -> list[Constraint]:
    """A meeting runs for days: "opened here today", "at its close on Tuesday", "met on Monday"
    name one of them, not all. A relative date of one day bounds the meeting to the week after it
    when the sentence says it opened, the week before when it closed, and either side otherwise;
    the meeting's reference row, when there is one, then gives its days."""
    span = timedelta(days=MEETING_SPAN_DAYS)
    # ("A three-day regional workshop … opened on Tuesday": from the day it names, it ran to the
    # Thursday, no further. What the article's date allows stays as wide: it may have said
    # "tomorrow".)
    lengths = {_DAY_COUNTS[m.group("n").casefold()] for m in _N_DAY.finditer(text)}
    days_long = timedelta(days=lengths.pop() - 1) if len(lengths) == 1 else span
    opened, closed = bool(_OPENED.search(text)), bool(_CLOSED.search(text))
    out = []
    for c in cons:
        # ("AMMTC closed today" in a post of two to six days before a page dated within a few days:
        # one day still, of those few.)
        one_day = (
            c.annual is None
            and c.earliest is not None
            and c.latest is not None
            and (
                c.earliest == c.latest
                or (
                    c.rule == "relative-date"
                    and (c.latest - c.earliest).days <= 7
                    and c.span is not None
                    and _ONE_DAY_WORD.fullmatch(original[c.span.start : c.span.end].strip()) is not None
                )
            )
        )
        verb = _verb_before(c, original) if one_day else None
        if (
            one_day
            and c.earliest
            and c.latest
            and (
                c.rule == "relative-date"
                or (c.stated and verb)
                or (c.stated and _heads_entry(c, original, text))
            )
        ):
            # "which began yesterday and ends on Friday": the verb just before the day says which
            # end of the meeting it is; without one, the sentence's verbs say (for a day counted
            # from the article). "The Meeting, which opened on 13 October", "* 9th AMMTC -
            # Vientiane, opened 17 September 2013": its first day, not all of it; with no row on
            # record, the week after it (before it, for the day it closed) holds the meeting.
            first = bool(verb and verb.group("open")) if verb else opened and not closed
            last = bool(verb and verb.group("close")) if verb else closed and not opened
            lo = c.earliest if first else c.earliest - days_long
            hi = c.latest if last else c.latest + days_long
            note = c.note + "; a day of the meeting"
            day = c.earliest if c.earliest == c.latest else None
            c = replace(c, earliest=lo, latest=hi, note=note, part=True, day=day)
        elif (
            c.annual is not None
            and c.annual.kind == "month"
            and c.span is not None
            and _LATE_BEFORE.search(original, max(0, c.span.start - 16), c.span.start)
        ):
            # ("the ministers met again in the regular AMMTC at the end of September": the month's
            # last days are some of the meeting's, which may run on into the next month.)
            c = replace(c, part=True, side="late")
        elif c.annual is not None and ((verb := _verb_before(c, original)) or opened != closed):
            # ("which opened on October 13": the day placed in its year is one of the meeting's; so
            # is "began the 9th AMMTC … in the Lao capital on September 17", the sentence's verb.
            # The verb says which end: "which began Oct. 19", of a two-week seminar, is its first day.)
            first = bool(verb.group("open")) if verb else opened
            c = replace(c, part=True, side="first" if first else "last")
        elif c.rule == "relative-date" and (c.earliest is None) != (c.latest is None):
            # "from tomorrow", "until Friday": the days of one part of the meeting, whose own
            # span (stated or on record) may begin earlier or end later.
            c = replace(c, part=True)
        elif c.rule == "article-date" and c.earliest is not None and _OPENED_PAST.search(text):
            # "The summit, which began on Sunday, runs until Thursday": under way, so it may have
            # begun before the article's date, whatever the present tense says of its end. ("The
            # 9th AMMTC opened … on September 17", written that day: it had begun; its end is later.)
            later = c.latest + span if c.latest is not None and not _CLOSED_PAST.search(text) else c.latest
            c = replace(
                c, earliest=c.earliest - span, latest=later, note=c.note + ", or it had begun by then"
            )
        elif c.rule == "article-date" and c.latest is not None and not _CLOSED_PAST.search(text):
            # ("ends on Friday", in the present: it had not closed when the article was written.)
            # Reported in the past, it had begun by the article's date; it may not have ended.
            c = replace(c, latest=c.latest + span, note=c.note + ", or it had begun by then")
        out.append(c)
    return out


def _heads_entry(c: Constraint, original: str, text: str) -> bool:
    """ "14 December 2007 - Beijing: the second COMMIT Inter-Ministerial Meeting ends with …": the
    day that heads a timeline's entry is the meeting's last when the entry says it ended, so the
    meeting may have begun days before; its first when the entry says it opened ("2013-09-04 -
    Makati: the 4th Meeting … opens"), so it may have gone on for days after."""
    if c.span is None or bool(_OPENED.search(text)) == bool(_CLOSED.search(text)):
        return False
    line = original[original.rfind("\n", 0, c.span.start) + 1 : c.span.start]
    return not line.strip(" \t*•·–-")


def _acts_on_programme(f: _Frame, c: Constraint) -> bool:
    """ "adopted the ASEAN Plan of Action … 2016-2025": a plan is adopted or launched before or as
    its period begins, so the period bounds what is done under it, not the act on the plan itself."""
    if c.rule != "programme-period" or c.span is None:
        return False
    if f.kind == "summit":
        # ("ASEAN-ACT … was first announced at a special ASEAN-Australia summit in Sydney": leaders
        # meet under no programme; one named beside a summit was announced or reviewed there.)
        return True
    if f.kind in ACT_KINDS:
        # ("Signing Ceremony of the Kuala Lumpur Declaration on the Establishment of the ASEAN
        # Community and adoption of the Kuala Lumpur Declaration on ASEAN 2025": a vision or plan
        # named beside an act is what another act adopted, not a programme the act was done under.)
        return True
    return f.kind == "launch" and _norm(c.span.quote)[:20] in _norm(f.title)


def _shared_meetings(text: str, frames: list[_Frame], triggers: list[int]) -> dict[int, int]:
    """ "its tenth meeting, held in Jakarta in February 2015, had adopted the Guideline": an act
    the meeting itself performed shares the meeting's date and place."""
    meetings = {f.at: f for f in frames if f.trigger and f.kind in _GATHERING_KINDS and f.end >= 0}
    out: dict[int, int] = {}
    for f in frames:
        if f.kind not in ACT_KINDS:
            continue
        before = max((t for t in triggers if t < f.at), default=None)
        m = meetings.get(before) if before is not None else None
        if (
            m is not None
            and (
                # ("March 2016 - Sixth conference, Bali, held after the crisis, adopts …": a place in
                # apposition too.)
                re.fullmatch(
                    r"(?:\s*\([^)]*\))?(?:,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?=,))?"
                    r"(?:,\s*(?:held|convened)\b[^;]*,|(?<=[A-Za-z.'’-]),)?\s*(?:had|has|have|also|then)?\s*",
                    text[m.end : f.at],
                )
                # "The Bali Process ministers last met in March 2016, also in Bali, when they adopted the
                # Bali Declaration": the act at that meeting, when and where it met.
                or _WHEN_THEY.match(text, m.end, f.at)
                # "concluded the 11th AMMTC (11th AMMTC) with the adoption of the Plan": at the meeting.
                or re.fullmatch(r"(?:\s*\([^)]*\))?\s+with\s+(?:the\s+)?", text[m.end : f.at])
                # "At the 10th AMMTC, held in Kuala Lumpur from 29 September to 2 October, ministers
                # endorsed the Convention": the sentence opens at the meeting, whose members act.
                or (
                    re.fullmatch(r"\s*(?:At|During)\s+(?:the\s+|its\s+|their\s+)?", text[: m.at])
                    and _MEMBERS_ACT.fullmatch(text, m.end, f.at)
                )
            )
        ):
            out[f.at] = m.at
    return out


# What stands between a meeting that opens the sentence and its members' act: the meeting's own
# bracket and "held" phrase, then who acted, and nothing else ("At the 10th AMMTC, ministers recalled
# that leaders signed …" is a signing told there, not done there).
_MEMBERS_ACT = re.compile(
    r"(?:\s*\([^)]*\))?(?:,\s*(?:held|convened)\b[^;,]*(?:,\s*[A-Z][\w.'’-]*)?)?,\s*(?:the\s+)?"
    r"(?:(?:[A-Z][\w-]*|senior|foreign|home|interior|member|state|national|regional|participating)\s+){0,3}"
    r"(?:ministers|leaders|officials|delegates|participants|members|they|we)\s+"
    r"(?:(?:also|jointly|formally|unanimously|had|have)\s+)?"
)
_SINCE_THING = re.compile(r"\bsince\s+(?:the|its|their|a|an)\s+(?=[\w'’-]+\s)", re.IGNORECASE)
_WHEN_THEY = re.compile(r"[^;.]*,\s*(?:when|where|at which)\s+(?:they|[a-z]+)\s+(?:also\s+|jointly\s+)?$")


def _numbered_by_name(
    ctx: _Context, s: Sentence, frames: list[_Frame], idents: list[Identification]
) -> list[Identification]:
    """ "The Tenth Meeting of the ACWC", "its 23rd Meeting": a numbered meeting of a series the text
    names in words is identified by the series' reference rows, as "the 10th ACWC" would be."""
    out = []
    for f in frames:
        if f.ordinal is None or not f.subject or f.end < 0 or any(_overlaps(i.span, s, f) for i in idents):
            continue
        row = series_row(ctx, f.subject)
        if row is None and f.subject != "ASEAN Summit":
            continue
        rows = (
            ctx.gaz.meetings_numbered(row, f.ordinal)
            if row is not None
            else ctx.gaz.summits_numbered(f.ordinal)
        )
        if len(rows) > 1:
            # "meet in Cha-am … for their 14th summit" (on record in Cha-am, and in Pattaya as
            # postponed): the one row in a city the sentence names.
            cities = {r.get("name") for _, _, r in ctx.gaz.places.find(s.text) if r.get("kind") == "city"}
            rows = tuple(c for c in rows if c.city in cities) or rows
        out.append(
            Identification(
                "meeting" if row is not None else "summit",
                f"{ordinal(f.ordinal)} {f.subject}",
                s.span(ctx.doc, ctx.original, f.at, f.end),
                rows,
                s.text[max(0, f.at - 50) : f.at],
                s.text[f.end : f.end + 60],
            )
        )
    return out


_OTHER_SUMMIT = re.compile(
    r"(?:East\s+Asia|ASEAN[-–][\w-]+|ASEAN\s+(?:Plus|\+)\s*\w+|Commemorative|Special|Business|related|"
    r"G20|APEC|Leaders['’]?|[A-Z][a-z]+-ASEAN)\s+(?:\w+\s+)?$"
)
_SPEAKS = re.compile(
    r"(?:,[^,]{0,80},)?\s+(?:also\s+)?(?:said|says|told|added|noted|stressed|announced|recalled|warned)\b"
)
_CLAUSE_VERB = re.compile(
    r"\b(?:met|held|signed|adopted|endorsed|launched|opened|closed|deposited|ratified|agreed|gathered|convened|"
    r"hosted|attended|took place|continues?|continued|started|began|ended|finished|established|founded|"
    # ("The US State Department's annual … report is expected next month, and ASEAN ministers will
    # meet in Vientiane in August": next month is the report's.)
    r"(?:is|are|was|were)\s+(?:expected|due|scheduled|set)|will|"
    # ("Indonesia pushed ASEAN to adopt the declaration … in May 2023, and officials said the
    # government would raise the cases at the ASEAN Summit in Kuala Lumpur in May")
    r"pushed|urged|called|asked|pressed|told|said|announced|decided|proposed|"
    # ("The ratification follows the EU's removal of the yellow card earlier this month, and
    # Thailand's ratification of the Protocol last June": this month is the removal's.)
    r"follows|followed|comes|came|"
    # ("Laos took over the AMMTC chair from Indonesia at the 17th AMMTC in Labuan Bajo last August, and
    # will host the 44th and 45th ASEAN Summits here in October")
    r"took\s+over|handed\s+over|assumed|became|joined|welcomed|"
    # ("Cambodia and Singapore did so in January last year, and Thailand deposited its instrument
    # in July last year": January is the earlier deposit's.)
    r"did\s+so|done\s+so|followed\s+suit|"
    # ("Cambodia and Singapore were first, a year ago this month, and Thailand deposited its
    # instrument in Vientiane in July": the month is the first ones'.)
    r"(?:was|were)\s+(?:the\s+)?(?:first|second|third|last|next|earliest)|"
    # ("It had been on Tier 3 in 2014, and the upgrade to Tier 2 came in the edition published a year
    # ago": 2014 is the first clause's.)
    r"had\s+been|has\s+been|have\s+been)\b"
)
# ", and ministers …", "; the …": a clause with a subject of its own ("and in May" goes on the same one).
# The words that join a meeting to the next one of a list: "… on May 29 and the Senior Officials Meeting".
_LIST_AND = re.compile(r"(?:,\s*|\s)and\s+(?:the\s+|a\s+|an\s+|its\s+)?$")
_CLAUSE_BREAK = re.compile(
    r"[,;]\s+(?:and|but|while|whereas)\s+(?!in\b|at\b|on\b)|;\s|,?\s+followed by\s"
    # "… met in the capital from July 29 to August 3, and on August 1 Australia launched …": a time,
    # then a subject and its own verb.
    r"|,\s+and\s+(?=(?:on|in)\s+[^,;]{1,25}?,?\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}\s+"
    # ("…, and on 2 July ASEAN ministers held an emergency meeting": the subject's noun after its name.)
    r"(?:[a-z]+s\s+)?(?:[a-z]+ed|met|held|signed|began|took|gave|made|won|set)\b)"
    # ("…, and in October leaders will gather here for the 44th and 45th ASEAN Summits": a subject in
    # lower case, a plural noun, with a verb of its own.)
    r"|,\s+and\s+(?=(?:on|in)\s+[^,;]{1,25}?,?\s+(?:the\s+)?[a-z]+s\s+(?:will|would|are|were|have|had|met|held)\b)"
    # "Meetings continue here today and tomorrow, ending with the East Asia Summit on Monday"
    r"|,\s+(?:ending|closing|concluding|culminating)\s+(?:with|in)\s"
    # "endorsed in principle a work plan … and asked their senior officials to finalise it at a
    # meeting in Indonesia next year": what they asked for is still to come, with its own time and place.
    # "took the declaration to the 17th AMMTC in August 2023 and again to Vientiane last August": the
    # verb left out the second time has its own place and time.
    r"|,?\s+and\s+(?:then\s+)?again\s+(?=(?:to|in|at|on)\b)"
    rf"|,?\s+and\s+(?=(?:{DIRECTIVE_VERBS})\s+"
    r"[^.;]{0,60}?\bto\s+[a-z]+)"
)
_DURING = re.compile(
    r"\b(?:during|in the course of|on the (?:sidelines|margins|side)\s+of)\s+"
    r"(?:the\s+|its\s+|their\s+|an?\s+)?(?:[\w'’-]+\s+){0,4}$",
    re.IGNORECASE,
)
_A_DAY_WORD = re.compile(rf"\b(?:{WEEKDAY_RE}|today|tonight|yesterday|tomorrow|day)\b", re.IGNORECASE)


def _a_day(c: Constraint) -> bool:
    """A constraint that gives a day, or a few: "on Sunday", "on 24 July", "yesterday"."""
    if c.rule == "relative-date":
        return bool(c.span and _A_DAY_WORD.search(c.span.quote))
    if c.rule not in ("stated-date", "day-month"):
        return False
    if c.annual is not None:
        return c.annual.day is not None
    return c.earliest is not None and c.latest is not None and (c.latest - c.earliest).days < 7


_DATING = frozenset({"stated-date", "relative-date", "day-month", "instrument-reference", "report-reference"})


def _overlaps(span: Span, s: Sentence, f: _Frame) -> bool:
    """The identification is the numbered meeting the frame names."""
    if f.end < 0:
        return False
    return (
        span.start < s.paragraph.span(s.start + f.end, s.start + f.end)[0]
        and span.end > s.paragraph.span(s.start + f.at, s.start + f.at)[0]
    )


# (Also a relative clause of another subject's: "…, being the third country after Cambodia and
# Singapore which did so in January 2559".)
_ANOTHER_CLAUSE = re.compile(
    r"[;:]|[.!?]\s|,\s+(?:and|but|while|whereas)\s+(?!in\b|at\b)|\b(?:which|who)\s+(?:had\s+)?(?:did|done)\s+so\b"
)


def _fits_reference(
    ctx: _Context,
    idents: list[Identification],
    cons: list[Constraint],
    places: list[tuple[Span, Place]],
    s: Sentence,
    f: _Frame,
) -> bool:
    """A numbered meeting is an event only when what the sentence says of it fits its reference row:
    "the 28th ASEAN Summit in November 2015 in Kuala Lumpur" names no summit that was."""
    rows = [c for i in idents for c in i.candidates]
    if not rows:
        return True
    named_end = s.paragraph.span(s.start + f.end, s.start + f.end)[0] if f.end >= 0 else None
    # (Nor a clause of another act's: "on the same island where the Bali Concord II set out the
    # pillars in October 2003".)
    others = subordinate_clauses(ctx, s, f.at)
    stated = [
        c
        for c in cons
        if c.rule == "stated-date"
        and c.earliest
        and c.latest
        # (Nor another clause's year: "…, and rightly so: Dili has waited since it applied in 2011".)
        and not (
            named_end is not None
            and c.span is not None
            and c.span.start > named_end
            and _ANOTHER_CLAUSE.search(ctx.original, named_end, c.span.start)
        )
        and not (c.span is not None and any(a <= c.span.start < b for a, b in others))
    ]
    # "at the Sixth Ministerial Conference of the Bali Process in Nusa Dua, Bali": any city named
    # there may be the row's (the rows name the city, not the venue).
    # ("Seventh Bali Process Ministerial Conference, Nusa Dua": a venue within the row's city.)
    cities = {
        name
        for sp, pl in places
        if named_end is not None
        and 0 <= sp.start - named_end <= 60
        and pl.name != pl.country
        # (Not another clause's: "… on the opening day of the 47th ASEAN Summit, and rightly so:
        # Dili has waited since it applied in 2011".)
        and not _ANOTHER_CLAUSE.search(ctx.original, named_end, sp.start)
        # (Nor a place "and again to Vientiane" goes on to: where the next act was.)
        and not re.search(r"\band\b", ctx.original[named_end : sp.start])
        for name in (pl.name, _within_city(ctx, pl.name))
        if name
    }
    for r in rows:
        if cities and r.city and r.city not in cities:
            continue
        if any(r.earliest and r.latest and (c.latest < r.earliest or c.earliest > r.latest) for c in stated):  # type: ignore[operator]
            continue
        return True
    return False


def _within_city(ctx: _Context, name: str) -> str:
    """The city a venue lies in ("Nusa Dua": Bali), as places.csv records it; "" if none."""
    row = ctx.gaz.place_row(name)
    return row.get("within") if row is not None else ""


def _law_year(f: _Frame) -> list[Constraint]:
    """ "The Anti-Trafficking in Persons Act (No. 3) B.E. 2560 came into force on 28 January": a
    national law named with its year (a Buddhist Era year is 543 ahead) was passed and signed within
    a year of it, and took effect in it or the year after (so "28 January" is no later one)."""
    if f.kind not in ("adoption", "signing", "entry-into-force") or not f.instruments:
        return []
    label = f.instruments[0]
    if not LAW_HEAD.search(label):
        return []
    be = re.search(r"\bB\.E\.\s*(25\d\d)\b", label)
    ce = re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", label)
    year = int(ce[-1]) if ce else int(be.group(1)) - BUDDHIST_ERA_OFFSET if be else None
    if year is None:
        return []
    lo = date(year if f.kind == "entry-into-force" else year - 1, 1, 1)
    note = f"the law is named with its year, {year}: its {f.kind} falls between {lo.year} and {year + 1}"
    return [Constraint("law-year", note, lo, date(year + 1, 12, 31))]


def _described(label: str) -> bool:
    """Whether the instrument's label is words in lower case after its first ("Plan of action against
    trafficking in persons"), not a name."""
    words = re.findall(r"[A-Za-z]{4,}", label)[1:]
    return len(words) >= 2 and all(w.islower() for w in words)


def _instrument_reference(ctx: _Context, f: _Frame) -> list[Constraint]:
    """What the reference data records of the act: the instrument's adoption (or signing), a
    party's deposit, the entry into force."""
    if not f.instruments:
        return []
    # ("The UN General Assembly yesterday adopted a plan of action against trafficking in persons":
    # words in lower case describe a plan, and name no recorded one, whatever alias they spell.)
    row = None if _described(f.instruments[0]) else _instrument_row(ctx.gaz, f.instruments[0])
    if row is None:
        return _law_year(f)
    if f.kind in ("signing", "adoption"):
        found = parse_partial(row.get("adopted")) if row.get("adopted") else None
        note = f"{row.get('name')} was adopted on {row.get('adopted')}"
        origin, url = row.origin, row.source
    elif f.kind in ("deposit", "entry-into-force") or (f.kind == "ratification" and f.party):
        acts = ctx.gaz.act_rows(row.key, "deposit" if f.kind == "ratification" else f.kind, f.party)
        if not acts:
            return []
        act = acts[0]
        found = parse_partial(act.get("date"))
        what = f"{f.party} deposited its instrument of ratification of" if f.party else "entry into force of"
        note = f"{what} {row.get('name')}: {act.get('date')}"
        origin, url = act.origin, act.source
    else:
        return []
    if not found:
        return []
    if f.kind == "ratification":
        # A party ratifies before it deposits the instrument: "Thailand becomes the third member
        # state to ratify" is no later than its recorded deposit.
        return [Constraint("instrument-reference", note, None, found[1], None, origin, url)]
    if f.kind == "signing" and row.get("kind") == "open convention":
        # Adopted by an assembly, then opened for signature: signed on the day it was adopted or
        # later ("opened for signature in Palermo in December 2000", a month after its adoption).
        return [
            Constraint(
                "instrument-reference", f"{note}, and signed then or later", found[0], None, None, origin, url
            )
        ]
    if f.kind == "signing" and f.party:
        # "Myanmar and Thailand signed it in 2006": a party's own signature, on the day the others
        # signed or after it.
        return [
            Constraint(
                "instrument-reference",
                f"{note}, and signed by {f.party} then or later",
                found[0],
                None,
                None,
                origin,
                url,
            )
        ]
    return [Constraint("instrument-reference", note, found[0], found[1], None, origin, url)]


# "the 2004 ASEAN Declaration Against Trafficking in Persons …", "the 2023 Labuan Bajo declaration
# on trafficking caused by the abuse of technology": a year right before the instrument's name.
_YEAR_BEFORE_NAME = re.compile(r"\b(?P<year>(?:19|20)\d\d)(?:['’]s)?\s+$")


def _instruments_of_a_year(ctx: _Context, text: str, frames: list[_Frame]) -> list[_Frame]:
    """A recorded instrument named with the year the reference data gives its conclusion is that
    act, dated by the reference row alone (nothing else in the sentence is its date), unless the
    sentence already states an act on it."""
    out: list[_Frame] = []
    acted = {i.casefold() for f in frames for i in f.instruments}
    for start, _, name in _instrument_names(ctx, text):
        # (Or inside the name a row knows: "2004 ASEAN Declaration against Trafficking in Persons".)
        year = _YEAR_BEFORE_NAME.search(text, max(0, start - 10), start) or re.match(
            r"(?P<year>(?:19|20)\d\d)\s", text[start:]
        )
        row = _instrument_row(ctx.gaz, name) if year else None
        adopted = parse_partial(row.get("adopted")) if row and row.get("adopted") else None
        if year is None or row is None or adopted is None or adopted[0].year != int(year.group("year")):
            continue
        label = row.get("name")
        if label.casefold() in acted or name.casefold() in acted:
            continue
        kind = conclusion_kind(row, label)
        title = _act_title(kind, label, row.get("acronym"))
        out.append(_Frame(kind, title, row.key, row.key, start, instruments=(label,), trigger=False))
        acted.add(label.casefold())
    return out


def _edition_unknown(ctx: _Context, x: Launch) -> str:
    """The name a launch is known by. A report that comes out every year or two, named without
    its edition ("the annual Trafficking in Persons Report, published in September last year"),
    is this article's mention alone: another article's mention may be another year's edition."""
    if x.kind == "publication" and x.edition is None and recorded_editions(ctx, x.name, x.name):
        return f"{x.name}@{ctx.doc}"
    return x.name


_LATEST = re.compile(
    r"\b(?:latest|newest|new|this\s+year['’]s)\s+(?:[\w.'’-]+\s+){0,6}?(?:report|edition)\b", re.I
)


def _latest_edition(ctx: _Context, f: _Frame, text: str, anchor: tuple[Constraint, ...]) -> list[Constraint]:
    """ "in the latest US Trafficking in Persons Report, issued early on Friday": of a recorded
    report, the one edition released within the year up to the article's date, when the article's
    date is known to the day."""
    if f.kind != "publication" or f.edition is not None:
        return []
    latest = _LATEST.search(text)
    if latest is None:
        return []
    lo, hi = intersect(list(anchor)) or (None, None)
    if lo is None or hi is None or lo != hi:
        return []
    series = {_norm(row.get("report")) for a, _, row in ctx.gaz.reports.find(text) if a >= latest.start()}
    # ("this year's US Trafficking in Persons report, due in June", in March: the edition of the
    # article's year, whether released yet or not.)
    this_year = re.match(r"this\s+year", latest.group(), re.I) is not None
    editions = [
        (row, found)
        for name in series
        for row in editions_of_series(ctx, name)
        if (found := parse_partial(row.get("published")))
        and (found[0].year == hi.year if this_year else hi - timedelta(days=366) < found[0] <= hi)
    ]
    if len(editions) != 1:
        return []
    row, found = editions[0]
    note = (
        f"this year's {row.get('report')} is the {row.get('edition')} edition, "
        f"released on {row.get('published')}"
        if this_year
        else f"the latest {row.get('report')} by the article's date is the {row.get('edition')} edition, "
        f"released on {row.get('published')}"
    )
    return [Constraint("report-reference", note, found[0], found[1], None, row.origin, row.source)]


# "issued early on Friday, Thailand time": a day told in the reader's time zone; where it happened
# (Washington, Geneva) the calendar may still show the day before.
_ANOTHER_ZONE = re.compile(r"[^.;]{0,25}?\b(?:[A-Z][a-z]+|local)\s+time\b")


def _another_zone(original: str, cons: list[Constraint]) -> list[Constraint]:
    return [
        replace(c, earliest=c.earliest - timedelta(days=1), note=c.note + " (in the reader's time zone)")
        if c.rule == "relative-date" and c.span and c.earliest and _ANOTHER_ZONE.match(original, c.span.end)
        else c
        for c in cons
    ]


def _edition_reference(f: _Frame) -> list[Constraint]:
    """The day the reference data records for the report's edition a publication names."""
    row = f.edition
    found = parse_partial(row.get("published")) if row is not None else None
    if row is None or found is None:
        return []
    note = f"the {row.get('edition')} {row.get('report')} was released on {row.get('published')}"
    return [Constraint("report-reference", note, found[0], found[1], None, row.origin, row.source)]


# --- places ----------------------------------------------------------------------------------


# --- frames ------------------------------------------------------------------------------------


def _frames(ctx: _Context, s: Sentence, words: frozenset[str]) -> list[_Frame]:
    where = (s.paragraph.start, s.start)
    known = ctx.frames.get(where)
    if known is None:
        known = ctx.frames[where] = _find_frames(ctx, s, words)
    return list(known)


def _find_frames(ctx: _Context, s: Sentence, words: frozenset[str]) -> list[_Frame]:
    text = s.text
    frames: list[_Frame] = []
    acts = find_acts(
        ctx,
        text,
        words,
        lambda: _rows_before(ctx, s),
        lambda: _country_before(ctx, s),
        lambda: _rows_before(ctx, s, named_only=True),
        lambda: _named_in_previous(ctx, s),
    )
    if not acts:
        acts = recorded_acts(ctx, text, lambda: _record_heading(ctx, s))
    if not acts and "|" in text:
        acts = tabled_acts(ctx, text, _table_header(ctx, s))
    if not acts and ":" in text:
        acts = box_acts(ctx, text, lambda: _box_title(ctx, s))
        frames += _field_meeting(ctx, s)
    if not acts and text[:1].isdigit():
        acts = timeline_entry_acts(ctx, text)
    if text[:1] in "([" or text[:1].isdigit():
        # (A note's citations beside what the note's verbs did: "…, Nov. 21, 2015 (entered into force
        # Mar. 8, 2017)".)
        cited = cited_acts(ctx, text)
        acts = [*acts, *(a for a in cited if not any(b.start == a.start for b in acts))]
    done = [a for a in acts if a.kind in ("ratification", "deposit") and a.parties]
    # "Viet Nam deposited its instrument on 5 January 2017, and Myanmar followed on Monday": the
    # same act, by another country, reported in this sentence or the one before.
    followed = "so" in words or "followed" in words or "follows" in words or "did" in words
    # ("Cambodia and Singapore did so in January last year, and Thailand deposited its instrument in
    # July last year": what stands before this sentence's own act copies the act before it.)
    earlier = _act_before(ctx, s) if followed else None
    if followed and (done or earlier is not None):
        covered = {p for a in acts for p in a.parties}
        same = [
            a
            for model in dict.fromkeys(m for m in (*done[:1], earlier) if m is not None)
            for a in same_acts(ctx, text, model)
            if (a.start > model.start if model in done else not done or a.start < done[0].start)
            and not covered & set(a.parties)
        ]
        acts += same + listed_acts(ctx, text, same)
    for act in acts:
        title = _act_title(act.kind, act.label, act.acronym)
        parties = act.parties or ("",)
        # A national law named without its year or number ("the Law on Prevention and Combat of
        # Human Trafficking") may be the old law or its revision of the same name: this article's
        # alone, never merged with another's.
        local = bool(LAW_HEAD.search(act.label)) and not _LAW_DATED.search(act.label)
        split = len(parties) == 2 and bool(re.search(r"\brespectively\b", text))
        for i, party in enumerate(parties):
            frames.append(
                _Frame(
                    act.kind,
                    title + _by_whom(ctx, act, party),
                    act.subject,
                    act.subject,
                    act.start,
                    party=party,
                    instruments=(act.label,),
                    future=act.future,
                    split=(i, len(parties)) if split else None,
                    trigger=not act.counted,
                    weak=local,
                    name_at=act.name_at,
                )
            )
    frames += _instruments_of_a_year(ctx, text, frames)
    taken = {f.at for f in frames}
    frames += [
        _Frame(
            x.kind,
            x.title,
            x.edition.key if x.edition else "",
            _edition_unknown(ctx, x),
            x.at,
            generic=x.generic,
            edition=x.edition,
            trigger=not x.named_only,
            dated_only=x.dated_only,
            awaited=_AWAITED.search(text, max(0, x.at - 40), x.at) is not None,
            # ("…, and a second body, the ACWC, is expected to be inaugurated in Ha Noi in April": still
            # to come, whatever the clause before it tells of the past.)
            future=x.due or _FUTURE_PASSIVE.search(text, max(0, x.at - 40), x.at) is not None,
            owns_from=_own_phrase_start(text, x.at),
        )
        for x in find_launches(ctx, text, words, taken)
    ]
    frames += [
        _Frame(
            "adoption",
            d.title(_as_written(ctx, d.country)),
            d.subject,
            d.subject,
            d.at,
            party=d.country,
            owns_from=d.owns_from,
            elsewhere=True,
        )
        for d in find_card_decisions(ctx, text, lambda: _previous_text(ctx, s))
    ]
    frames += _meetings(ctx, text, words, frames)
    label = _SPEAKER_LABEL.match(text) if s.start == 0 else None
    if label is not None:
        # "SOMTC CHAIR: Whatever the ministers approve will be reported to the leaders …": who speaks
        # in a transcript, not a meeting the line reports.
        frames = [f for f in frames if f.at >= label.end()]
    return frames


_FUTURE_PASSIVE = re.compile(
    r"\b(?:will\s+be|(?:is|are)\s+(?:(?:expected|due|set|scheduled|slated)\s+)?to\s+be)\s+(?:\w+ly\s+)?$"
)


# A transcript's speaker at the head of a line: "SOMTC CHAIR (Malaysia):", "AMMTC CHAIR:",
# "SPOKESPERSON:" (a role in capitals, its country or name after it in brackets).
_SPEAKER_LABEL = re.compile(
    r"(?:[A-Z][A-Z0-9.'’&-]*\s+){0,3}(?:CHAIR(?:PERSON|MAN|WOMAN)?|CO-CHAIR|SPOKESPERSON|SPOKESMAN|"
    r"SPOKESWOMAN|MODERATOR|HOST|ANCHOR|MINISTER|SECRETARY-GENERAL|DIRECTOR|DELEGATE|OFFICIAL)"
    r"(?:\s+\([^()]{1,40}\))?:\s"
)


# ("…, following the release of the 2012 report in Washington yesterday": a launch named in a phrase
# after the main clause; "today" before it is the main verb's.)
_AFTER_PHRASE = re.compile(r"(?:^|,\s+)(?:following|after|ahead\s+of)\s+(?:the\s+)?$", re.I)


# ("Human Rights Watch documented it in a report in March, and the State Department's report in
# June urged …": a launch or meeting whose clause opens at ", and", with a time of its own or looking
# ahead where the clause before looks back, owns nothing before it.)
# ("Malaysia will assume the Chairmanship of ASEAN on 1 January 2025 and will host the 19th AMMTC
# next year": a predicate of its own after "and will", with no comma, too.)
_AND_SUBJECT = re.compile(
    r",\s+and\s+(?:[^,;()]{1,60},\s+){0,3}[^,;()]{0,120}(?:,\s*)?$"
    r"|\s+and\s+(?:will|shall|would)\s+(?:also\s+)?[a-z]+\s+[^,;()]{0,60}$"
    # ("… left adrift in the Andaman Sea in May and the ministers held an emergency meeting … on July
    # 2": a subject and its own verb of gathering after a bare "and".)
    # (Not a name's "and": "the Department of the Interior and Local Government hosted the …".)
    r"|\s+and\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,3}[a-z]+s\s+(?:held|met|convened|gathered|hosted)\b[^,;()]{0,60}$"
)


# "Dr A. Tan chaired the drafting sessions in 2013 and 2014 and attended the 10th AMMTC in Kuala
# Lumpur": a predicate of taking part, after "and", has none of the times of the predicate before.
_AND_ATTENDED = re.compile(
    r"\s+and\s+(?:also\s+|later\s+)?(?:attended|joined|addressed|visited|spoke\s+at|took\s+part\s+in"
    r"|(?:will|would)\s+(?:also\s+)?(?:attend|join|address|visit|speak\s+at|take\s+part\s+in))\s+[^,;()]{0,60}$"
)


def _own_phrase_start(text: str, at: int) -> int:
    """Where the words a launch owns begin, when the words before are another clause's: the
    prepositional phrase that names it, or its own clause that opens at ", and" with a time of its
    own; -1 when they are all its."""
    m = _AFTER_PHRASE.search(text, max(0, at - 40), at)
    if m is not None and m.start() > 0:
        return m.start()
    return _own_and_clause(text, at)


def _own_and_clause(text: str, at: int) -> int:
    """Where the clause that opens at ", and" before ``at`` begins, when it has a time of its own or
    looks ahead where the clause before looks back ("… promised it in August 2023, and the 18th AMMTC
    will be held in Vientiane"); -1 otherwise."""
    attended = _AND_ATTENDED.search(text, max(0, at - 80), at)
    if attended is not None:
        return attended.start()
    m = _AND_SUBJECT.search(text, max(0, at - 200), at)
    if m is None:
        return -1
    stop = _CLAUSE_BREAK.search(text, at)
    own = text[at : stop.start() if stop else len(text)]
    # ("…, and Australia will host ASEAN leaders in Sydney in March for a special summit": the
    # clause's time may stand before its meeting.)
    if (
        extract_temporals(own)
        or extract_temporals(text[m.start() : at])
        or (tense_of(text[m.start() : at] + own) == "future" and tense_of(text[: m.start()]) == "past")
    ):
        return m.start()
    return -1


_HELD_ONLINE = re.compile(
    r"\b(?:via|by|through|over)\s+(?:a\s+)?video\s*-?\s*conferenc(?:e|ing)\b|\bvideoconferenc(?:e|ing)\b"
    r"|\b(?:held|met|convened|hosted|conducted|took place)\s+(?:\w+\s+)?(?:online|virtually)\b"
    r"|\b(?:virtual|online)\s+(?:meeting|summit|format|session)\b",
    re.IGNORECASE,
)
# A venue planned before the plan changed: "originally scheduled for 24-26 March in Da Nang", "planned
# for Da Nang on 8-9 April"; what changed it is in the same sentence.
_PLAN_CHANGED = re.compile(
    r"\b(?:postponed|put off|deferred|rescheduled|cancell?ed|called off|instead|moved|shifted)\b|\bonline\b"
    r"|\bvirtually\b|\bvideo\s*-?\s*conferenc"
    # ("the 14th ASEAN Summit, originally scheduled for 15-18 December 2008 in Chiang Mai, will now
    # be held from 27 February to 1 March 2009 in Cha-am Hua Hin")
    r"|\boriginally\s+(?:planned|scheduled|slated|set|due)\b",
    re.IGNORECASE,
)
_PLANNED_VENUE = re.compile(
    r"\b(?:originally\s+)?(?:planned|scheduled|slated|set|due)\s+(?:to\s+(?:be\s+held|take\s+place|open)\s+)?"
    r"(?:for|in|on)\s+[^,;]*",
    re.IGNORECASE,
)
_OWN_SUBJECT_CLAUSE = re.compile(
    r",\s+(?:which|that)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,4}\s+(?:had\s+|has\s+|have\s+)?"
    r"[a-z]+ed\b[^,;]*"
)
_AWAITED = re.compile(
    r"\b(?:look(?:s|ed|ing)?\s+(?:forward|ahead)\s+to|await(?:s|ed|ing)?)\s+(?:the\s+)?$", re.I
)


def _other_objects(
    ctx: _Context, s: Sentence, f: _Frame, frames: list[_Frame], end: int
) -> list[tuple[int, int]]:
    """ "signed a Declaration on … in Cebu in January 2007 and the ASEAN Consensus on the same subject
    in 2017": of two instruments one verb acts on, each with a time of its own, each owns the words
    from its name to the next name (what stands between the verb and the first is both's)."""
    if f.kind not in ACT_KINDS or f.name_at < 0:
        return []
    names = sorted({g.name_at for g in frames if g.at == f.at and g.kind in ACT_KINDS and g.name_at >= 0})
    if len(names) < 2:
        return []
    bounds = [*names, len(s.text)]
    slices = list(pairwise(bounds))
    times = [t.start for t in sentence_temporals(s)]
    if not all(any(a <= t < b for t in times) for a, b in slices):
        return []  # ("signed X and Y in 2017": one time for both.)

    def original(at: int) -> int:
        return s.span(ctx.doc, ctx.original, at, at).start

    return [(original(a), original(b) if b < len(s.text) else end) for a, b in slices if a != f.name_at]


_LAW_DATED = re.compile(r"\b(?:19|20)\d\d\b|\bNo\.\s*\d+")


def _as_written(ctx: _Context, country: str) -> str:
    """ "the Philippines": a country as its reference row writes it in running text."""
    row = ctx.gaz.place_row(country)
    form = (
        next((n for n in row.names("aliases") if n.casefold() == f"the {country}".casefold()), None)
        if row
        else None
    )
    return form or country


def _act_title(kind: str, label: str, acronym: str) -> str:
    # ("Adoption of Decision No. 1427/QD-TTg", "… of Republic Act No. 10364": a number names it
    # without an article.)
    article = "" if re.search(r"\bNo\.\s*\d|^(?:Republic\s+Act|Executive\s+Order)\s+\d", label) else "the "
    name = f"{article}{label}" + (f" ({acronym})" if acronym else "")
    return {
        "signing": f"Signing of {name}",
        "adoption": f"Adoption of {name}",
        "endorsement": f"Endorsement of {name}",
        "ratification": f"Ratification of {name}",
        "deposit": f"Deposit of the instrument of ratification of {name}",
        "entry-into-force": f"Entry into force of {name}",
        "publication": f"Publication of {name} in the gazette",
    }[kind]


# "Ratification … by Viet Nam", but "Entry into force … for Thailand".
_PARTY_WORD = {"entry-into-force": "for"}


def _country_before(ctx: _Context, s: Sentence) -> str | None:
    """The last country the article names before this sentence, outside its dateline."""
    dateline = dateline_of(ctx)
    last: str | None = None
    for other in ctx.sentences:
        if other is s or (other.paragraph.start, other.start) >= (s.paragraph.start, s.start):
            break
        for a, _, name in countries(ctx, other.text):
            if dateline is None or other.span(ctx.doc, ctx.original, a, a).start >= dateline[2]:
                last = name
    return last


def _act_before(ctx: _Context, s: Sentence) -> Act | None:
    """The ratification or deposit the two sentences before this one report last ("Viet Nam did
    so on 5 January" repeats it)."""
    before = [o for o in ctx.sentences if (o.paragraph.start, o.start) < (s.paragraph.start, s.start)]
    for other in reversed(before[-2:]):
        acts = [
            f
            for f in _frames(ctx, other, sentence_words(other.text))
            if f.kind in ("ratification", "deposit") and f.party and f.instruments
        ]
        if acts:
            f = acts[-1]
            row = _instrument_row(ctx.gaz, f.instruments[0])
            acronym = row.get("acronym") if row else ""
            return Act(f.kind, 0, 0, f.instruments[0], f.subject, acronym, (f.party,))
    return None


def _rows_before(ctx: _Context, s: Sentence, named_only: bool = False) -> tuple[Row, ...]:
    """The instruments with a reference row that the article names before this sentence (by name,
    or as the instrument of an act: "the regional convention … that ASEAN leaders signed in
    November 2015" before "Cambodia, Singapore and Thailand have since deposited their instruments");
    else the article's first (unless ``named_only``)."""
    rows: dict[str, Row] = {}
    described: dict[str, Row] = {}
    section = ""
    for other in ctx.sentences:
        # (A section's heading comes before its first paragraph: "UN TIP Protocol" over "Instrument of
        # ratification deposited …: 28 September 2009", in a profile that names ACTIP further down.)
        named = [] if other.paragraph.section == section else _instrument_names(ctx, other.paragraph.section)
        section = other.paragraph.section
        for _, _, name in named:
            if (row := _instrument_row(ctx.gaz, name)) is not None:
                rows.pop(row.key, None)
                rows[row.key] = row
        if other is s or (other.paragraph.start, other.start) >= (s.paragraph.start, s.start):
            break
        for _, _, name in _instrument_names(ctx, other.text):
            row = _instrument_row(ctx.gaz, name)
            if row is not None:
                rows.pop(row.key, None)
                rows[row.key] = row
            elif (row := regional_instrument(ctx, other.text, name)) is not None:
                described[row.key] = row
        for f in _frames(ctx, other, sentence_words(other.text)):
            acted_on = f.instruments[0] if f.kind in ACT_KINDS and f.instruments else ""
            if acted_on and (row := _instrument_row(ctx.gaz, acted_on)) is not None:
                described[row.key] = row
    if named_only:
        return tuple(rows.values()) or tuple(described.values())[-1:]
    return tuple(rows.values()) or article_instruments(ctx)[:1] or tuple(described.values())[-1:]


def _sentences_before(ctx: _Context, s: Sentence) -> tuple[Sentence, ...]:
    """The article's sentences before this one, in order."""
    at = next((i for i, other in enumerate(ctx.sentences) if other is s), 0)
    return ctx.sentences[:at]


def _record_heading(ctx: _Context, s: Sentence) -> str:
    """What heads the record whose row the sentence is: the nearest sentence before it that is not
    wholly rows (a table's header before its first row, a list's heading)."""
    for other in reversed(_sentences_before(ctx, s)[-15:]):
        _, header = record_rows(ctx, other.text)
        if header:
            return header
    return ""


def _by_whom(ctx: _Context, act: Act, party: str) -> str:
    """ "by Thailand", "for Cambodia"; a law passed by an upper house: "by Cambodia's Senate"."""
    if act.by:
        return f" by {_as_written(ctx, party)}'s {act.by.removeprefix('the ')}" if party else f" by {act.by}"
    return f" {_PARTY_WORD.get(act.kind, 'by')} {_as_written(ctx, party)}" if party else ""


_A_FIELD = re.compile(r"[A-Z][\w ]{1,25}?:\s")


# Which of an event listing's fields (corpus.EVENT_FIELD) dates it: "Date: 24-26 March 2019",
# "When: Thursday, 14 September 2023".
_DATE_LABEL = re.compile(r"Dates?|When|Date\s*(?:and|&)\s*time", re.IGNORECASE)
# A notice that the event will not be held then: its date field is the date it did not happen.
# ("… the summit will not take place in Chiang Mai this month", "The 14th ASEAN Summit never came to
# Chiang Mai": an update below the listing that says so in words.)
_CALLED_OFF_NOTICE = re.compile(
    r"\b(?:postponed|cancell?ed|called off|deferred|rescheduled|suspended"
    r"|(?:will|would|did)\s+not\s+(?:take\s+place|be\s+held|go\s+ahead)|never\s+(?:came|took\s+place|met))\b",
    re.IGNORECASE,
)


def _field_meeting(ctx: _Context, s: Sentence) -> list[_Frame]:
    """ "Date: 24-26 March 2019" under "Regional Workshop on Victim Identification" (the box's
    title, else the page's): the one meeting the title names, dated by the field."""
    field = EVENT_FIELD.fullmatch(s.text)
    if (
        field is None
        or not _DATE_LABEL.fullmatch(field.group("label"))
        or not extract_temporals(field.group("value"))
    ):
        return []
    for title in (_box_title(ctx, s), ctx.article.document.title or ""):
        names = [m for m in meeting_names(ctx, title, sentence_words(title)) if not m.generic]
        if names:
            break
    else:
        return []
    if len(names) != 1 or _CALLED_OFF_NOTICE.search(title) or _CALLED_OFF_NOTICE.search(ctx.original):
        return []
    return [replace(_meeting_frame(names[0], trigger=True), at=field.start("value"), end=-1)]


def _box_title(ctx: _Context, s: Sentence) -> str:
    """The title of the box whose field the sentence is: the line above its first field."""
    # (A field with a long value, "Long title: An Act to prevent …", is no title either.)
    above = [
        x.text
        for x in _sentences_before(ctx, s)[-12:]
        if not is_box_field(x.text) and not _A_FIELD.match(x.text)
    ]
    return above[-1] if above else ""


def _table_header(ctx: _Context, s: Sentence) -> str:
    """The header row of the table whose row the sentence is: the nearest line before it with as
    many cells and no figure, within the table (a line without cells ends the search)."""
    bars = s.text.count("|")
    for other in reversed(_sentences_before(ctx, s)[-15:]):
        if "|" not in other.text:
            break
        if other.text.count("|") == bars and not re.search(r"\d", other.text):
            return other.text
    return ""


def _previous_text(ctx: _Context, s: Sentence) -> str:
    """The text of the sentence right before this one ("" for the first)."""
    before = _sentences_before(ctx, s)
    return before[-1].text if before else ""


def _named_in_previous(ctx: _Context, s: Sentence) -> tuple[str, ...]:
    """The instruments the sentence right before this one names, in order: as their reference rows
    name them, or as written where they have none (a national law)."""
    before = _sentences_before(ctx, s)
    if not before:
        return ()
    # ("The Bohol TIP Work Plan 2017-2020 was the first … . Led by SOMTC, it involved nine bodies …
    # It was finalised at the 31st ASEAN Summit": a sentence of the same paragraph that names nothing
    # and speaks of "it" passes the pronoun back to the one before.)
    last = before[-1]
    for earlier in reversed(before[:-1]):
        if (
            earlier.paragraph is not last.paragraph
            or _instrument_names(ctx, last.text)
            or not re.search(r"\b[Ii]t\b", last.text)
        ):
            break
        last = earlier
    found = _instrument_names(ctx, last.text)
    if re.match(r"\s*It\b", s.text) and found and re.fullmatch(r"\s*(?:The\s+)?", last.text[: found[0][0]]):
        # ("The Bohol TIP Work Plan … was the first work plan to implement ACTIP. … It was
        # finalised …": "It" is the sentence's subject, whatever else it names.)
        found = found[:1]
    names: dict[str, str] = {}
    for _, _, name in found:
        row = _instrument_row(ctx.gaz, name)
        names.setdefault(row.key if row is not None else name, row.get("name") if row is not None else name)
    return tuple(names.values())


# --- meetings -----------------------------------------------------------------------------------


def _meetings(ctx: _Context, text: str, words: frozenset[str], others: list[_Frame]) -> list[_Frame]:
    """The meeting the sentence reports (the one its meeting verb governs), every numbered meeting
    it names ("the 19th AMMTC", "at the 27th ASEAN Summit") and a named one it was at ("at the
    ASEAN-Australia Special Summit in Sydney")."""
    names = [
        m
        for m in _joint_summits(text, meeting_names(ctx, text, words))
        # "The Conference was the first ministerial meeting of …": what it is, not another meeting.
        if not SUPERLATIVE_PREDICATE.search(text, 0, m.end)
    ]
    # "the Vienna Forum to Fight Human Trafficking, the first global meeting on the crime": a
    # description in apposition right after a name is that meeting, named so, not another.
    for i in range(len(names) - 1, 0, -1):
        named, m = names[i - 1], names[i]
        if (
            re.fullmatch(r",\s*", text[named.end : m.start])
            and not named.generic
            and text[m.start : m.end].split()[-1].islower()
            and re.match(r"(?:the|a|an)\s", text[m.start : m.end], re.IGNORECASE)
        ):
            names[i - 1 : i + 1] = [replace(named, end=m.end)]
    leaders = _leaders_meeting(ctx, text, _LEADERS_MET)
    if leaders is not None and leaders.group("verb") == "meeting":
        # "ASEAN leaders meeting in Nay Pyi Taw": a participle, no meeting named "meeting" (nor, at a
        # sentence's start, "Leaders meeting").
        names = [m for m in names if not m.start <= leaders.start("verb") < m.end]
    members = _members_met(ctx, text)
    if members:
        # ("a meeting of ASEAN ministers responsible for transnational crime": the series' meeting;
        # not "an emergency meeting of ASEAN ministers on transnational crime", a meeting of its own.)
        plain = [m for m in names if m.title.casefold().startswith("meeting of")]
        names = [m for m in names if not (m in plain and any(m.start <= f.at < m.end for f in members))]
        # ("… open their meeting in Malacca": the meeting the members' own verb holds is theirs.)
        names = [
            m
            for m in names
            if not ((m.generic or m.weak or m in plain) and any(f.at <= m.start < f.end for f in members))
        ]
        # (A bare "meeting" at the members' own verb, ", meeting in Melaka in September,", names
        # no other meeting.)
        members = [
            f
            for f in members
            if not any(m.start <= f.at < m.end and not (m.generic or m.weak) for m in names)
        ]
    # ("is to host the ministers' next meeting later this year": the next of their series, not a
    # meeting named "next meeting".)
    after = _met_again(ctx, text) if _THEIR_NEXT_MEETING.search(text) else None
    if after is not None:
        names = [m for m in names if not m.start <= after.at < m.end]
        if not names:
            return [*members, after]
    if not names:
        return members or _unnamed(ctx, text, words, others)
    main = _main_meeting(text, words, names)
    out: list[_Frame] = []
    for m in names:
        # (A meeting the day is "on the eve of" is no event the day dates.)
        alone = main is None and not others and not out and not _OCCASION_BEFORE.search(text, 0, m.start)
        in_city = _summit_in_city(ctx, text, m)
        if (
            m is not main
            and not others
            and not out
            and m.kind
            and _entry_head(m)
            and sum(_entry_head(n) for n in names) == 1
            and _ENTRY_SUBJECT.fullmatch(text, 0, m.start)
        ):
            # "13-15 February 2008 - Vienna: the Vienna Forum to Fight Human Trafficking, …": the
            # meeting a dated entry of a timeline opens with is the entry's event, on its days
            # (not "… Forum holds its first meeting": the body, whose meeting the entry names).
            out.append(_meeting_frame(m, trigger=True))
        elif m is main:
            frame = replace(_meeting_frame(_held_by(ctx, text, m), trigger=True), main=True)
            # "ASEAN leaders, who meet for their summit in Jakarta next week": that city's summit,
            # never one named before in another city.
            out.append(
                replace(frame, title=in_city, name=_norm(in_city), generic=False) if in_city else frame
            )
        elif (
            main is not None
            and m.kind
            and not (m.generic or m.weak)
            and (
                _AND_THE.fullmatch(text, main.end, m.start)
                if m.start > main.end
                else _AND_THE.fullmatch(text, m.end, main.start)
            )
        ):
            # "we host the 31st Summit and the East Asia Summit", "The 31st Summit and the East Asia
            # Summit were held in Manila": both meetings the verb governs.
            out.append(replace(_meeting_frame(m, trigger=True), shares=main.start))
        elif m.ordinal is not None and not m.generic and m.kind:
            # A numbered meeting the sentence names is an event too; as the occasion of another
            # ("at the 27th ASEAN Summit") it takes only its reference rows.
            out.append(_meeting_frame(m, trigger=bool(_HELD_AFTER.match(text, m.end)) or alone or m.elided))
        elif (
            alone
            and m.kind
            and not (m.generic or m.weak)
            and len(m.title.split()) >= 3
            and re.search(r"\b(?:at|during|on the (?:sidelines|margins) of)\s+(?:the\s+)?$", text[: m.start])
        ):
            out.append(_meeting_frame(m, trigger=True))
        elif (
            m.kind
            and not (m.generic or m.weak)
            and len(m.title.split()) >= 3
            and (_HELD_AFTER.match(text, m.end) or _OF_ITS_DAY.match(text, m.end))
        ):
            # "… including the Special Meeting … hosted by Thailand in Bangkok on 29 May 2015 and the
            # Emergency ASEAN Ministerial Meeting on Transnational Crime held in Kuala Lumpur in July
            # 2015": each named meeting said to be held is an event, the first or not. So is one
            # with its whole day after "of", whatever verb the sentence has ("Chapter 3 revisits
            # the Emergency ASEAN Ministerial Meeting on Transnational Crime of 2 July 2015").
            out.append(_meeting_frame(m, trigger=True))
        elif (
            alone
            and m.kind
            and not (m.generic or m.weak)
            and len(m.title.split()) >= 3
            and _SUBJECT_BEFORE.fullmatch(text, 0, m.start)
            and _MEETING_ACTS.match(text, m.end)
        ):
            # "2 July - The Emergency ASEAN Ministerial Meeting on Transnational Crime in Kuala Lumpur
            # agrees to set up a trust fund": a named meeting that acts, as the sentence's subject, met.
            out.append(_meeting_frame(m, trigger=True))
        elif (
            _series_meeting_named(m)
            and (placed_then := _IN_CITY_THEN.match(text, m.end))
            and ctx.gaz.place_row(placed_then.group("city")) is not None
        ):
            # "The outcomes will be brought to the ASEAN Ministerial Meeting on Transnational Crime
            # in Melaka in September": a named meeting of a series, its city and its time, an event
            # whatever verb the sentence has (still to come where that verb is).
            ahead = bool(_FUTURE_MARK.search(text, 0, m.start))
            out.append(replace(_meeting_frame(m, trigger=True), future=ahead))
        elif _series_meeting_named(m) and (then := _IN_MONTH_THEN.match(text, m.end)):
            # "… and that the ASEAN ministerial meeting on transnational crime in September should
            # review how the fund has been used": a series' meeting named with its month, whose own
            # verb follows, is an event (still to come when that verb is).
            ahead = bool(_FUTURE_MARK.search(text, 0, m.start) or _MODAL_NEXT.match(text, then.end()))
            out.append(replace(_meeting_frame(m, trigger=True), future=ahead))
        elif (
            in_city
            and (at_city := text.find(city := in_city.removeprefix("ASEAN Summit in "), m.start)) >= 0
            and re.search(r"\bSummit\b", text[m.start : at_city])
            and re.match(rf"(?:,\s+[A-Z][\w'’-]*)?\s+in\s+(?:{MONTH_RE})\b", text[at_city + len(city) :])
        ):
            # "…, starting with the ASEAN Summit in Kuala Lumpur in May": named, with its city and
            # the month that picks one of the city's summits on record (the article's year says
            # which), an event whatever the verb. (Its name reaches to the city.)
            ahead = bool(_FUTURE_MARK.search(text, 0, m.start))
            frame = replace(_meeting_frame(m, trigger=True), future=ahead)
            end = at_city + len(city)
            out.append(replace(frame, title=in_city, name=_norm(in_city), generic=False, end=end))
        elif alone and in_city and _at_or_during(text, m):
            # "Last month, at their summit in Kuala Lumpur, the leaders welcomed …": the leaders'
            # summit in that city, which the time beside it picks from the city's summits.
            frame = _meeting_frame(m, trigger=True)
            out.append(replace(frame, title=in_city, name=_norm(in_city), generic=False))
        elif (
            in_city
            and _at_or_during(text, m)
            and (_one_summit_there(ctx, in_city) or _one_summit_then(ctx, text, m.end, in_city))
        ):
            # "ASEAN leaders, at their summit in Labuan Bajo, Indonesia, earlier this month, adopted
            # a declaration": the occasion of another act, an event of its own when its city has
            # one summit on record (which dates it; the act's day is the act's).
            # (Its name reaches to the city, which identifies it.)
            city = in_city.removeprefix("ASEAN Summit in ")
            end = text.find(city, m.end) + len(city)
            frame = _meeting_frame(m, trigger=False)
            out.append(replace(frame, title=in_city, name=_norm(in_city), generic=False, end=end))
    # (Beside meetings the sentence names: "… at their summit in Vientiane last November, and the
    # group's ministers responsible for transnational crime are due to meet in Hanoi".)
    if all(m.generic or m.weak for m in names):
        out += members
    else:
        # ("The region's leaders meet in Kuala Lumpur for the 46th ASEAN Summit next month, and
        # ministers on transnational crime gather in Melaka in September": another series' meeting.)
        series_named = {m.subject for m in names if not (m.generic or m.weak)}
        out += [
            f
            for f in members
            if f.subject not in series_named
            and not any(m.start <= f.at < m.end for m in names)
            # ("ASEAN foreign ministers gathered in … Luang Prabang today for the ASEAN Foreign
            # Ministers' Retreat": the meeting they gathered for is the one named.)
            and not any(
                m.start > f.at
                and not (m.generic or m.weak)
                and _FOR_THE.search(text, max(f.at, m.start - 12), m.start)
                and not _CLAUSE_BREAK.search(text, f.at, m.start)
                for m in names
            )
        ]
    # "… a new plan of action, to be tabled at the ASEAN Ministerial Meeting on Transnational Crime
    # (AMMTC) in September": what is to be done at a meeting, the meeting still to come.
    return [replace(f, future=True) if _TO_BE_DONE_AT.search(text, 0, f.at) else f for f in out]


def _entry_head(m: MeetingName) -> bool:
    """A name that can head a timeline entry: one of its own, or an ordinal of the meeting named
    before ("23-24 November 2023 – Second forum, Bangkok", after the first ASEAN ICT Forum)."""
    return not (m.generic or m.weak) or (m.generic and m.ordinal is not None and bool(m.kind))


# A timeline entry's head: its date, a dash or colon, and perhaps the place with a colon.
_ENTRY_SUBJECT = re.compile(
    r"(?:[*•·]\s*)?(?=[^–—:]{0,30}\d)[\w ,.–-]{1,40}?\s*(?:--|[–—:]|\s-)\s*"
    r"(?:[A-Z][\w.'’-]*(?:[ ,]+[A-Z][\w.'’-]*){0,3}:\s*)?(?:[Tt]he\s+)?"
)


# ("since the ASEAN Summit in Nay Pyi Taw last month": a summit that marks a time is one too.)
def _at_or_during(text: str, m: MeetingName) -> bool:
    """ "at (during, since …) the summit in …", the preposition before the name or opening it ("At
    the ASEAN Summit in Jakarta last May, …": a name at a sentence's start may hold it)."""
    return bool(_AT_OR_DURING.search(text, 0, m.start) or _OPENS_WITH_AT.match(text, m.start, m.end))


# The words before a summit that it is the occasion or the landmark of; before it or inside its name.
_AT_WORDS = r"[Aa]t|[Dd]uring|[Ss]ince|[Aa]fter|[Ff]ollowing"
_OPENS_WITH_AT = re.compile(rf"(?:{_AT_WORDS})\s+(?:[Tt]he\s+)?(?=[A-Z])")


_AT_OR_DURING = re.compile(rf"\b(?:{_AT_WORDS}|[Bb]efore|[Aa]head\s+of)\s+(?:[Tt]he\s+)?$")
_TO_BE_DONE_AT = re.compile(
    r"\b(?:to|will|shall)\s+be\s+\w+(?:ed|en)\s+(?:at|to|before|during)\s+(?:the\s+)?(?:next\s+|upcoming\s+)?$"
)
_FUTURE_MARK = re.compile(r"\b(?:will|shall|(?:is|are)\s+(?:due\s+)?to|to\s+be)\b")


def _series_meeting_named(m: MeetingName) -> bool:
    """A meeting named as one of a series' own (not the ASEAN Summit's, nor a generic or weak name),
    which its city or month, said right after it, makes an event whatever the verb."""
    return bool(m.kind and m.subject and m.subject != "ASEAN Summit" and not (m.generic or m.weak))


_IN_MONTH_THEN = re.compile(rf"(?:\s*\([A-Z][\w+&/-]*\))?\s+in\s+(?:{MONTH_RE})\b(?![\s,]+\d)(?=\s+[a-z])")
_MODAL_NEXT = re.compile(r"\s+(?:will|shall|should|must|is\s+to|is\s+due|is\s+expected)\b")
_IN_CITY_THEN = re.compile(
    r"(?:\s*\([A-Z][\w+&/-]*\))?\s+in\s+(?P<city>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})(?:,\s+[A-Z][\w'’-]*)?"
    r"\s+(?:in|on|next|last|this|later|earlier)\s"
)


def _one_summit_there(ctx: _Context, title: str) -> bool:
    return len(ctx.gaz.summits_in(title.removeprefix("ASEAN Summit in "))) == 1


def _one_summit_then(ctx: _Context, text: str, after: int, title: str) -> Candidate | None:
    """ "at their summit in Kuala Lumpur in November 2015": the one summit on record in that city
    that the month or year stated right after the city picks, if it picks one."""
    city = title.removeprefix("ASEAN Summit in ")
    at = text.find(city, after)
    if at < 0:
        return None
    then = re.match(r"(?:,\s+[A-Z][\w'’-]*)?\s+(?:in|on)\s+", text[at + len(city) :])
    if then is None:
        return None
    # (From the preposition: a month alone is a date only after one, "May" being a verb too.)
    start = at + len(city) + then.start()
    gap = then.end() - then.start()
    stated = next((t for t in extract_temporals(text[start : start + gap + 30]) if t.start == gap), None)
    iv = stated_interval(stated) if stated is not None else None
    held = [c for c in ctx.gaz.summits_in(city) if c.earliest and c.latest]
    if stated is not None and stated.year is None and stated.month is not None and stated.relative is None:
        # "at their summit in Kuala Lumpur in November", the year left to the reader: the one
        # summit on record in that city in that month of any year.
        rows = [c for c in held if stated.month in (c.earliest.month, c.latest.month)]  # type: ignore[union-attr]
        return rows[0] if len(rows) == 1 else None
    if iv is None or iv[0] is None or iv[1] is None:
        return None
    lo, hi = iv
    rows = [c for c in held if c.earliest <= hi and c.latest >= lo]  # type: ignore[operator]
    return rows[0] if len(rows) == 1 else None


def _summit_in_city(ctx: _Context, text: str, m: MeetingName) -> str:
    """ "their summit in Kuala Lumpur": "ASEAN Summit in Kuala Lumpur", the ASEAN Summit with no
    number named by its city; "" for any other meeting."""
    if m.kind != "summit" or m.ordinal is not None or m.subject != "ASEAN Summit":
        return ""
    # ("since the ASEAN Summit in Nay Pyi Taw last month": the city may close the name itself.)
    inside = re.search(r"\s+in\s+(?=[A-Z])", text[m.start : m.end])
    if inside is not None:
        at = m.start + inside.start()
    elif _OCCASION_IN_CITY.match(text, m.end):
        at = m.end
    else:
        return ""
    city = _summit_city_at(ctx, text, at, 5)
    return f"ASEAN Summit in {city}" if city is not None else ""


def _summit_city_at(ctx: _Context, text: str, at: int, within: int) -> str | None:
    """The city with ASEAN Summits on record named within ``within`` characters after ``at``."""
    return next(
        (
            row.get("name")
            for a, _, row in ctx.gaz.places.find(text[at : at + 40])
            if a <= within and ctx.gaz.summits_in(row.get("name"))  # (a city's or "Singapore")
        ),
        None,
    )


# A meeting's name followed by where or how it was held: "the 10th AMMTC, held in …", "(SOMTC), which
# was convened …".
_HELD_AFTER = re.compile(
    r"\s*(?:\([^)]*\)\s*)?,?\s*(?:which\s+(?:was\s+)?)?(?:held|convened|hosted|opened)\b"
)
# A meeting's whole day after its name: " of 2 July 2015", " of 28-29 November 2004", " of July 2, 2015".
_OF_ITS_DAY = re.compile(
    rf"\s+of\s+(?:[0-3]?\d(?:\s*[-–]\s*[0-3]?\d)?\s+(?:{MONTH_RE})\s+(?:19|20)\d\d"
    rf"|(?:{MONTH_RE})\s+[0-3]?\d(?:\s*[-–]\s*[0-3]?\d)?,\s+(?:19|20)\d\d)\b"
)
# Before a meeting that is its sentence's subject: nothing, "The", or a time, an entry's day or a
# dateline first ("On Thursday, the …", "2 July - The …", "KUALA LUMPUR, July 3 (Bernama) -- The …").
_SUBJECT_BEFORE = re.compile(r"(?:[^,;:–—-]{0,25}(?:\s(?:--|[-–—:])|,)\s+){0,2}(?:[Tt]he\s+)?")
# What such a meeting did, a few words on ("… in Kuala Lumpur agreed", "… endorses the plan").
_MEETING_ACTS = re.compile(
    r"(?:\s*\([^()]{1,20}\))?[^,.;]{0,40}?\b(?:has\s+|had\s+)?"
    r"(?:adopt|approv|endors|sign|issu|launch|agre|decid|welcom|review|discuss)(?:ed|es|s|e)\b"
)


# "ASEAN leaders met in Nay Pyi Taw": where the leaders meet, they hold their summit.
# ("ASEAN leaders meeting in Nay Pyi Taw earlier this month called for …": a participle, the same.)
def _leaders_in(verbs: str) -> re.Pattern[str]:
    """ASEAN's leaders, one of the verbs, and "in" before a capitalised place."""
    return re.compile(rf"(?:{ASEAN_LEADERS.pattern})\s+(?P<verb>{verbs})\s+in\s+(?=[A-Z])")


_LEADERS_MET = _leaders_in("met|gathered|convened|meeting")
# "Leaders meeting in Jakarta in 2011", "the leaders met in Manila": whose, the article says.
_BARE_LEADERS_MEET = re.compile(
    r"(?:^|\b[Tt]he\s+|\b[Tt]heir\s+)[Ll]eaders\s+(?P<verb>met|meeting|gathered|convened)\s+in\s+(?=[A-Z])"
)
# Leaders of other forums than ASEAN's, whose meetings in a city are not its summits: the wider ones
# ASEAN is part of, and the rest.
_OTHER_FORUM = re.compile(
    rf"{WIDER_FORUM.pattern}|\b(?:APEC|G-?20|G-?7|G-?8|Commonwealth|European|EU|SAARC|BIMSTEC|Pacific|"
    r"Mekong|ASEM|United\s+Nations|UN|OIC|Arab|African|Gulf|Quad|BRICS|Non-Aligned)\b"
)


def _leaders_meeting(ctx: _Context, text: str, asean_leaders: re.Pattern[str]) -> re.Match[str] | None:
    """The first of ASEAN's leaders meeting in a city (see _leaders_met_all)."""
    found = asean_leaders.search(text)
    return found if found is not None else next(iter(_bare_leaders(ctx, text)), None)


def _leaders_met_all(ctx: _Context, text: str) -> list[re.Match[str]]:
    """ASEAN's leaders meeting in a city; or leaders the sentence does not name ("Leaders meeting in
    Jakarta in 2011 had tasked them with drafting a binding instrument"), in an article on ASEAN and
    a sentence that names no other forum: the leaders the article is about."""
    return list(_LEADERS_MET.finditer(text)) or _bare_leaders(ctx, text)


def _bare_leaders(ctx: _Context, text: str) -> list[re.Match[str]]:
    # (Not "Leaders gathered in Vientiane in October for their summits": two summits, which one
    # event would merge.)
    if "eaders" not in text or "summits" in text or _OTHER_FORUM.search(text) or not _on_asean(ctx):
        return []
    return list(_BARE_LEADERS_MEET.finditer(text))


def _on_asean(ctx: _Context) -> bool:
    """The article is about ASEAN: it names it, by its short name or its long one (asked once)."""
    if ctx.on_asean is None:
        doc = ctx.article.document
        ctx.on_asean = any(
            "ASEAN" in x or "Association of Southeast Asian Nations" in x for x in (doc.title or "", doc.text)
        )
    return ctx.on_asean


# ("When ASEAN leaders sit down in Vientiane next week": a summit to come, when the sentence names
# no meeting.)
_LEADERS_MEET = _leaders_in(r"met|meet|gathered|gather|convened|convene|meeting|sit\s+down|sat\s+down")
# "at their summit in Singapore": the leaders' own summit, named without a capital.
# ("signed … at their own summit in Kuala Lumpur in November")
# The word after a place that makes it part of a document's name ("the Bali Concord II", "the Kuala
# Lumpur Declaration"), not a summit's city (nor "Cha-am Hua Hin", a place that goes on).
_NAME_GOES_ON = re.compile(
    r"\s+(?:Concord|Declaration|Process|Accords?|Agreement|Plan|Programme|Program|Action|Vision|Roadmap|"
    r"Statement|Treaty|Convention|Charter|Consensus|Principles|Commitment|Initiative|Framework|Document|"
    r"Communiqu[eé]|Memorandum|Compact|Protocol|Blueprint|Work\s+Plan)\b"
)
_LEADERS_SUMMIT = re.compile(r"(?<=\btheir )(?:own )?summit\b")
_OCCASION_IN_CITY = re.compile(r"\s+in\s+[A-Z]")
_GATHERED = re.compile(r"\b(?:met|gathered|convened|came together)\b")


def _unnamed(ctx: _Context, text: str, words: frozenset[str], others: list[_Frame]) -> list[_Frame]:
    """ "Prosecutors … met in Bangkok from 23 to 25 November": a meeting the sentence does not name.
    It becomes an event only when a later sentence names it ("The workshop was held …"). ASEAN's
    leaders meeting in a city are at their summit there ("When ASEAN leaders met in Kuala Lumpur in
    April"), an event of its own whose rows the time beside it picks."""
    leaders = _leaders_meeting(ctx, text, _LEADERS_MEET) if not others else None
    found: list[_Frame] = []
    if leaders is not None:
        city = _summit_city_at(ctx, text, leaders.end(), 0)
        if city is not None:
            title = f"ASEAN Summit in {city}"
            found.append(_Frame("summit", title, "ASEAN Summit", _norm(title), leaders.start("verb")))
    # (Beside another act too: "The Guidelines were finalised by the … Working Group, which met
    # here on Monday"; beside the leaders' summit: "The ACWC met in Yangon last month, and ASEAN
    # leaders meeting in Nay Pyi Taw …".)
    body = _body_met(ctx, text) or _met_again(ctx, text)
    if body is not None:
        found.append(body)
    if found:
        return sorted(found, key=lambda f: f.at)
    trained = _TRAINED.search(text) if "trained" in words and not others else None
    if trained is not None and not _TRAINED_ADJECTIVE.search(text, 0, trained.start()):
        # "IOM trained 50 labour inspectors in Phnom Penh last week": a training the sentence does
        # not name, of this article alone (as "Meeting of …").
        title = f"Training of {trained.group('who')}"
        return [_Frame("training", title, "", _norm(title), trained.start(), weak=True)]
    verb = _GATHERED.search(text) if not others and _MEETING_VERB.search(text, words) else None
    group = _GROUP_MET.search(text) if verb is not None else None
    if verb is None or not (
        ctx.gaz.places.find(text[verb.end() :])
        or re.search(r"\d", text)
        or (group and extract_temporals(text))
    ):
        return []
    # "Senior officials of the Bali Process had met in Bali on March 10": if nothing names it later,
    # the meeting of the people the sentence names (see links._merge_within_article), of this
    # article alone.
    who = _GROUP_LEAD.sub("", group.group("who")) if group and group.end() == verb.end() else ""
    parts = who.split()
    if not (
        re.search(r"\s(?:of|from)\s", who)
        or any(w[:1].isupper() for w in parts[1:])
        or (parts and parts[0].capitalize() in _GROUP_WORDS)
    ):
        who = ""  # "the ministers convened two days later": whose meeting, the sentence does not say
    if who and (parts[0].islower() or parts[0] in _GROUP_WORDS):
        who = who[:1].lower() + who[1:]  # "Senior officials": a common noun, at a sentence's start
    title = f"Meeting of {who}" if who else ""
    return [_Frame("", title, "", "", verb.start(), generic=True, weak=bool(title))]


_TRAINED = re.compile(
    r"\btrained\s+(?:(?:some|about|around|over|more\s+than|nearly|almost)\s+)?(?:[\d,]+\s+|(?:dozens|hundreds|scores)\s+of\s+)"
    r"(?P<who>(?:[a-z-]+\s+){0,3}?(?:officers|officials|inspectors|judges|prosecutors|police(?:men|women)?|"
    r"investigators|workers|staff|teachers|journalists|volunteers|diplomats|guards|personnel|trainers))\b"
)
_TRAINED_ADJECTIVE = re.compile(
    r"\b(?:specially|highly|well|newly|fully|were|was|been|being)\s+$", re.IGNORECASE
)


# The people a meeting is of, just before "met": "Senior officials of the Bali Process had met", "the
# foreign ministers of Malaysia, Indonesia and Thailand met".
_GROUP_WORDS = frozenset({"Senior", "Foreign", "Justice", "Labour", "Labor", "Home", "Police", "Immigration"})
_GROUP_LEAD = re.compile(
    r"^(?:(?:[Tt]he|[Ww]hen|[Aa]fter|[Bb]efore|[Aa]s|[Ww]hile|[Ss]ince|[Uu]ntil|[Oo]nce|[Ww]here"
    # ("Last month ASEAN officials met in Vientiane": the time before them is no part of who met.)
    r"|[Ll]ast|[Nn]ext|month|week|year|[Yy]esterday|[Tt]oday|[Ee]arlier|[Ll]ater|[Rr]ecently)\s+)+"
)
_GROUP_MET = re.compile(
    # ("Interior and security ministers of …": both portfolios, not "and security ministers".)
    r"(?P<who>(?:[Tt]he\s+)?(?:[A-Za-z][A-Za-z-]*\s+(?:and\s+[A-Za-z-]+\s+)?){0,2}?"
    r"(?:officials|ministers|delegates|experts|representatives|prosecutors|chiefs)"
    r"(?:\s+(?:of|from)\s+[^,;.]{1,60}?(?:,\s+[A-Z][^,;.]{1,30}?)*)?)\s+(?:had\s+|have\s+)?"
    r"(?:met|gathered|convened|came together)\b"
)


_BODY_MET = re.compile(
    r"\s*(?:\([A-Z][\w&/-]*\)\s*)?"
    # "the ACWC, which met for the first time in February"; "The ACWC finalised the draft when it
    # met in Kuala Lumpur in July": the body's meeting, named by a pronoun in its own sentence.
    r"(?:,?\s+(?:which|that)\s+|[^.;]{0,80}?\bwhen\s+it\s+)?"
    r"(?:had\s+|has\s+|last\s+)?(?P<verb>met|convened)\s+(?:for\s+the\s+(?:first|second|third|last)\s+time\s+)?"
    r"(?:in|on|at|last|earlier)\b"
)


def _members_met(ctx: _Context, text: str) -> list[_Frame]:
    """ "ASEAN ministers responsible for transnational crime met in Manila last month", "a meeting of
    ASEAN ministers on transnational crime in Labuan Bajo", "their ministers are due to meet in
    Hanoi in November": the series whose name says who meets in it (the ASEAN Ministerial Meeting
    on Transnational Crime), held (or to be held) there and then."""
    found = series_members(ctx)
    if found is None:
        return []
    pattern, groups = found
    out: list[_Frame] = []
    for m in pattern.finditer(text):
        series, name = groups[str(m.lastgroup)]  # each alternative is one named group
        verb = _MEMBERS_MEET.match(text, m.end())
        # (Not "at the meeting of ASEAN foreign ministers in Vientiane", the occasion of an act:
        # ministers of a role meet in their series only by their own verb.)
        by_role = not WHO_MEETS.match(name)
        before = None if by_role else _MEETING_OF.search(text, max(0, m.start() - 20), m.start())
        if verb is None and before is None:
            continue
        at, end = (verb.start("verb"), verb.end()) if verb is not None else (m.start(), m.end())
        if verb is None and before is not None:
            at = before.start("verb")
        when = re.search(r"\bwhen\s+they\s+meet$", verb.group("verb")) if verb is not None else None
        if verb is not None and when is not None:
            # ("are expected to discuss it when they meet in Labuan Bajo in August, ahead of the 43rd
            # ASEAN Summit in Jakarta in September": their meeting is the clause's, with its time.)
            at = verb.start("verb") + when.start()
        frame = _Frame("meeting", name, series, _norm(name), at, end=end)
        # ("when ASEAN ministers responsible for transnational crime meet in Vientiane in August":
        # the present of a schedule, still to come.)
        ahead = verb is not None and _members_ahead(verb)
        out.append(replace(frame, future=ahead))
    return out + _their_ministers(ctx, text, pattern, groups)


_THEIR_MINISTERS = re.compile(r"\b[Tt]heir\s+ministers\b")


def _their_ministers(
    ctx: _Context, text: str, pattern: re.Pattern[str], groups: dict[str, tuple[str, str]]
) -> list[_Frame]:
    """ "ASEAN senior officials on transnational crime meet in Putrajaya next month; their ministers
    meet in Myanmar in October": the ministers of the senior officials' topic (named before, in the
    sentence or the one before it) meet in their own series, the Ministerial Meeting on
    Transnational Crime, by their own verb."""
    them = _THEIR_MINISTERS.search(text)
    verb = _MEMBERS_MEET.match(text, them.end()) if them is not None else None
    if them is None or verb is None:
        return []
    before = text[: them.start()]
    if not before.strip():
        at = ctx.sentence_index(text)
        before = ctx.sentences[at - 1].text if at else ""
    officials = [
        role
        for x in pattern.finditer(before)
        if (role := WHO_MEETS.match(groups[str(x.lastgroup)][1])) is not None
        and not role.group("role").startswith("Minist")
    ]
    topics = {role.group("topic") for role in officials}
    series = [
        (key, name)
        for key, name in groups.values()
        if (who := WHO_MEETS.match(name)) is not None
        and who.group("role").startswith("Minist")
        and who.group("topic") in topics
    ]
    if len(topics) != 1 or len(series) != 1:
        return []
    key, name = series[0]
    ahead = _members_ahead(verb)
    return [_Frame("meeting", name, key, _norm(name), verb.start("verb"), end=verb.end(), future=ahead)]


def _members_ahead(verb: re.Match[str]) -> bool:
    """Whether the members' verb (a _MEMBERS_MEET match) says their meeting is still to come: "are due
    to meet", "open their meeting", or the present of a schedule ("meet in Vientiane in August")."""
    return bool(verb.group("ahead") or verb.group("opens") or verb.group("verb") in ("meet", "meets"))


_FOR_THE = re.compile(r"\bfor\s+(?:the\s+|its\s+|their\s+)?$")
_MEMBERS_MEET = re.compile(
    r"(?:\s*\([A-Z][\w&/-]*\))?(?:,[^,;.]{1,60},)?,?\s+(?:who\s+|which\s+)?(?:had\s+|have\s+|last\s+)?"
    # ("ASEAN ministers responsible for transnational crime, meeting in Melaka in September, agreed")
    r"(?P<verb>met|meets?|meeting(?=\s+in\s+[A-Z])|gathered|gather|convened|convene|sat\s+down|"
    # ("ASEAN's ministers on transnational crime open their meeting in Malacca on Monday")
    r"(?:opened|held|began|started|closed)\s+their\s+(?:[\w-]+\s+){0,2}?meeting\b|"
    r"(?P<opens>(?:open|opens|hold|holds|begin|begins|start|starts|close|closes)\s+their\s+(?:[\w-]+\s+){0,2}?meeting\b)|"
    r"(?:were|was)\s+(?:due|expected|scheduled|set)\s+to\s+meet|"
    # ("Ministers responsible for transnational crime from the 10 ASEAN countries discussed online scams
    # at a meeting in Vientiane last week")
    r"(?:from\s+[^,;.]{1,40}?\s+)?(?:discussed|agreed|adopted|endorsed|reviewed|pledged)\b[^,;.]{0,80}?"
    r"\bat\s+(?:a|an|their|the)\s+meeting(?=\s+in\s+[A-Z])|"
    # ("as ASEAN ministers responsible for transnational crime prepared to meet online": a plan told
    # in the past, as "were due to meet", which the sentence's tense dates.)
    r"(?:prepared|preparing|prepare)\s+to\s+meet|"
    # ("were due to meet": a plan told in the past, which the sentence's tense dates.)
    r"(?P<ahead>(?:are|is)\s+(?:due|expected|scheduled|set)\s+to\s+meet|will\s+meet"
    # ("Ministers responsible for transnational crime are due to review it when they meet in Melaka
    # in September": they are the ministers, and their meeting is still to come.)
    r"|(?:are|is|will)\b[^,;.]{0,80}?\bwhen\s+they\s+meet(?=\s+in\s+[A-Z])|sit\s+down(?=\s+in\s+[A-Z])"
    # ("to instruct your ministers responsible for transnational crime, when they meet in August, to
    # agree …": their meeting, set apart by commas, is still to come.)
    r"|when\s+they\s+meet(?=\s+(?:in|on|at|next|later|this)\b)))\b"
)
_MEETING_OF = re.compile(r"\b(?P<verb>meeting)\s+of\s+(?:the\s+)?$")


def _body_met(ctx: _Context, text: str) -> _Frame | None:
    """ "when the ASEAN Intergovernmental Commission on Human Rights met in Boracay last month": a
    meeting of that body (one of its meetings, which the time and place tell)."""
    for _, end, row in ctx.gaz.bodies.find(text):
        m = _BODY_MET.match(text, end)
        if m is not None and row.get("short") != "ASEAN":
            return _body_meeting(row, m.start("verb"))
    # "The commission last met in Luang Prabang, Laos in November": the one body of that kind the
    # article names.
    anaphor = _BODY_ANAPHOR.search(text)
    verb = _BODY_MET.match(text, anaphor.end()) if anaphor is not None else None
    if anaphor is not None and verb is not None:
        rows = {r.get("short"): r for r in ctx.gaz.reference.rows("bodies") if r.get("short")}
        noun = anaphor.group("noun")
        named = [
            rows[b]
            for b in article_bodies(ctx)
            if b in rows and re.search(rf"\b{noun}\b", rows[b].get("long"), re.IGNORECASE)
        ]
        if len(named) == 1:
            return _body_meeting(named[0], verb.start("verb"))
    # "The Guidelines were finalised by the ASEAN Ad-Hoc Working Group on Trafficking in Persons,
    # which met here on Monday": a named group no table knows.
    group = _GROUP_THAT_MET.search(text)
    if group is not None:
        # ("the ASEAN Political-Security Community (APSC) Council": known by its name without it.)
        name = re.sub(r"\s+\([A-Z][\w&/-]*\)(?=\s)", "", group.group("name"))
        title = f"Meeting of the {name}"
        # ("the ASEAN Political-Security Community Council met in Labuan Bajo": a series on record,
        # whose meeting in that city its rows may know.)
        series = next(
            (
                r.get("series")
                for _, _, r in ctx.gaz.series.find(name)
                if r.get("name").casefold() == name.casefold()
            ),
            None,
        )
        return _Frame("meeting", title, series or name, _norm(title), group.start("verb"))
    return None


_QUOTED = re.compile(r"[“\"](?P<q>[^”\"]{3,200})[”\"]")


def _quoted_around(text: str, at: int) -> tuple[int, int] | None:
    """The quotation marks around ``at`` in a sentence, when they hold a document's title."""
    return next(
        (
            (m.start(), m.end())
            for m in _QUOTED.finditer(text)
            if m.start() <= at < m.end() and _A_DOCUMENTS_DATE.match(text, m.end())
        ),
        None,
    )


# ('"Sixth Ministerial Conference: provisional programme", circulated February 2016': a document's
# title, its day after it; not 'held a "Regional Workshop on …" in Hanoi on 21-22 June', a name.)
_A_DOCUMENTS_DATE = re.compile(
    r",?\s*(?:circulated|issued|published|dated|accessed|retrieved|posted|updated|released)\b", re.IGNORECASE
)


# "The ministers are due to meet again in the second half of the year": the next meeting of the
# ministers' (senior officials') series the sentence before names.
_MET_AGAIN = re.compile(
    r"^(?:The|These|Those)\s+(?P<who>ministers|senior\s+officials)\s+"
    r"(?:are\s+(?:also\s+)?(?:due|expected|set|scheduled)\s+to|will|plan\s+to|agreed\s+to)\s+"
    r"(?P<verb>meet)\s+again\b"
)
# ("Lao PDR … is to host the ministers' next meeting later this year": the same, told by its noun.)
_THEIR_NEXT_MEETING = re.compile(
    r"\b(?:the|their)\s+(?P<who>ministers|senior\s+officials)['’]\s+next\s+(?P<verb>meeting)\b"
)
_WHO_HEADS = {"ministers": "ministerial", "senior officials": "senior officials"}


def _met_again(ctx: _Context, text: str) -> _Frame | None:
    """ "The AMMTC met by video link in late November …. The ministers are due to meet again in the
    second half of the year": the next meeting of the one series of theirs the sentence before
    names, an event of its own ("Next …"), which no number names, so no mention of another
    meeting of the series is it."""
    m = _MET_AGAIN.match(text) or _THEIR_NEXT_MEETING.search(text)
    at = ctx.sentence_index(text) if m is not None else None
    if m is None or not at:
        return None
    head = _WHO_HEADS[re.sub(r"\s+", " ", m.group("who"))]
    before = ctx.sentences[at - 1].text
    named = {
        r.get("series"): r.get("name")
        for _, _, r in ctx.gaz.series.find(before)
        if head in r.get("name").casefold()
    }
    members = series_members(ctx) if not named else None
    if members is not None:
        # ("ASEAN ministers responsible for transnational crime, who met in the same town in August":
        # the series named by who meets in it.)
        pattern, groups = members
        named = {
            series: name
            for x in pattern.finditer(before)
            for series, name in (groups[str(x.lastgroup)],)
            if head in name.casefold()
        }
    if len(named) != 1:
        return None
    title = f"Next {next(iter(named.values()))}"
    return _Frame("meeting", title, title, _norm(title), m.start("verb"), future=True)


def _body_meeting(row: Row, at: int) -> _Frame:
    """A meeting of a body on record, its verb at ``at``."""
    title = f"Meeting of the {row.get('long') or row.get('short')}"
    return _Frame("meeting", title, row.get("short"), _norm(title), at)


_BODY_ANAPHOR = re.compile(r"\b[Tt]he\s+(?P<noun>[Cc]ommission|[Cc]ommittee|[Cc]ouncil)\b")
_GROUP_THAT_MET = re.compile(
    # (Not "The" that opens the sentence; "the ASEAN Political-Security Community (APSC) Council":
    # the acronym of the words before the head may stand inside the name.)
    r"(?:\b(?:The|An?)\s+)?(?P<name>(?:[A-Z][\w’'-]*\s+(?:\([A-Z][\w&/-]*\)\s+)?(?:(?:and|of|on|for|in)\s+)?){1,6}"
    r"(?:Commission|Committee|Council|Group"
    r"|Task\s+Force|Network)(?:\s+(?:on|for|of|against)\s+[A-Z][\w’'-]*(?:\s+(?:(?:in|of|and|on)\s+)?[A-Z][\w’'-]*){0,4})?)"
    r"(?:\s*\([A-Z][\w&/-]*\))?,?\s+(?:which\s+|that\s+)?(?:had\s+|has\s+)?(?P<verb>met|convened)\s+"
    r"(?:in|on|at|here|last|earlier|yesterday|today|ahead)\b"
)


def _held_by(ctx: _Context, text: str, m: MeetingName) -> MeetingName:
    """ "the SOMTC held a meeting on trafficking": a meeting a series holds is one of its meetings."""
    if m.kind != "meeting" or m.subject or not m.weak:
        return m
    series = [(b, row) for a, b, row in ctx.gaz.series.find(text[: m.start]) if a < m.start]
    if not series:
        return m
    # (Not "The ACWC met in Yangon last month, and ASEAN leaders meeting in Nay Pyi Taw …": the series
    # must hold the meeting, in the same clause.)
    end, row = series[-1]
    gap = text[end : m.start]
    if re.search(r"[,;]", gap) or not re.search(
        r"\b(?:held|holds?|convened?|convenes|organi[sz]e[ds]?|hosted|hosts?)\b", gap
    ):
        return m
    return replace(m, subject=row.get("series"), title=f"{row.get('name')}: {m.title}", weak=False)


_JOINT_FIRST = re.compile(r"\b(?P<n>\d{1,2})(?:st|nd|rd|th)\s+and\s+$")


def _joint_summits(text: str, names: list[MeetingName]) -> list[MeetingName]:
    """ "the 44th and 45th ASEAN Summits": two summits, held together, each with its own number and
    its own row."""
    out: list[MeetingName] = []
    for m in names:
        first = _JOINT_FIRST.search(text, max(0, m.start - 12), m.start)
        if first is None or m.kind != "summit" or m.ordinal is None:
            out.append(m)
            continue
        n = int(first.group("n"))
        title = re.sub(r"Summits\b", "Summit", m.title)
        out.append(
            replace(
                m,
                title=re.sub(rf"^{m.ordinal}(?:st|nd|rd|th)\b", ordinal(n), title),
                ordinal=n,
                start=first.start(),
                end=first.end(),
            )
        )
        out.append(replace(m, title=title))
    return out


def _meeting_frame(m: MeetingName, trigger: bool) -> _Frame:
    name = _norm(m.title)
    return _Frame(
        m.kind,
        m.title,
        m.subject,
        name,
        m.start,
        ordinal=m.ordinal,
        generic=m.generic,
        trigger=trigger,
        end=m.end,
        weak=m.weak,
    )


_OBJECT_FOLLOWS = re.compile(
    r"\s+(?:(?:here|today|yesterday|tomorrow|on \w+|in \w+(?:, \w+)?|from \w+)\s+){0,3}"
    r"(?:for\s+)?(?:the|a|an|its|their)\b"
)


_OWN_WHEN = re.compile(r"\b(?:when|once|until)\s+(?:it|they|he|she|we)\s+$")


def _own_when_clause(text: str, start: int, at: int) -> bool:
    """Whether the trigger at ``at`` opens a when-clause after ``start`` that gives its own time
    ("… when it publishes its Trafficking in Persons Report next month"), so that what stands before
    it is not the event's. (Without a time of its own, "met in March 2016, also in Bali, when they
    adopted the Bali Declaration", the clause shares the meeting's time and place.)"""
    when = _OWN_WHEN.search(text, start, at)
    return when is not None and bool(extract_temporals(re.split(r"[,;]", text[at:], maxsplit=1)[0]))


# Before a meeting's name: a time before it ("on the eve of the 16th ASEAN Summit"), or its occasion.
_BEFORE_MEETING = r"(?:on\s+)?the eve of|ahead of|in the run-up to|in the lead-up to|prior to"
_EVE_OF = re.compile(rf"\b(?:{_BEFORE_MEETING})\s+(?:the\s+|an?\s+)?$", re.IGNORECASE)
_OCCASION_BEFORE = re.compile(rf"\b(?:{_BEFORE_MEETING}|on the occasion of)\s+(?:the\s+)?$", re.IGNORECASE)


_AND_THE = re.compile(r",?\s+and\s+(?:the\s+)?")


def _main_meeting(text: str, words: frozenset[str], names: list[MeetingName]) -> MeetingName | None:
    """The meeting a meeting verb governs: its object after a transitive verb ("held a workshop",
    "opened the 16th SOMTC", "preceded by the Preparatory SOMTC"), else its subject before."""
    for verb in _MEETING_VERB.finditer(text, words):
        v = verb.group("verb")
        lead = text[max(0, verb.start() - 14) : verb.start()]
        passive = bool(re.search(r"\b(?:was|were|been|being|is|are)\s+$", lead))
        object_follows = _OBJECT_FOLLOWS.match(text, verb.end())
        # ("met in Hanoi on Oct. 26, on the eve of the 17th ASEAN Summit": the summit is when, not
        # what, they met; the day is not its. "on the eve of the 16th ASEAN Summit, which opens on
        # Thursday": the summit is what opens.)
        after = [
            m
            for m in names
            if m.start >= verb.end()
            and m.start - verb.end() <= 90
            and m.kind
            and not _OCCASION_BEFORE.search(text, 0, m.start)
        ]
        before = [m for m in names if m.end <= verb.start() + 1 and m.kind]
        named_before = [m for m in before if not m.generic] or before
        named_after = [m for m in after if not m.generic] or after
        prefer_after = (_TRANSITIVE_MEETING_VERB.match(v) and not passive and object_follows) or re.search(
            r"\b(?:preceded|followed)\b", text[verb.start() : verb.end() + 30]
        )
        pick = (after[:1] if prefer_after else []) or named_before[-1:] or named_after[:1]
        if pick:
            m = pick[0]
            if _ONGOING.search(text[: m.start][-40:]):
                return None
            return m
    for m in names:
        if m.generic and m.kind == "" and m.ordinal is not None:
            return m  # "The first took place in Bali"
    return None
