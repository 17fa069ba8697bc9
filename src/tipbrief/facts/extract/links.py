"""Links between an article's candidates: ongoing meetings, anaphora ("the meeting"), repeats merged."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from tipbrief.common.words import sentence_words
from tipbrief.facts.extract.acts import ACT_KINDS, own_clause_start
from tipbrief.facts.extract.dates import section_start
from tipbrief.facts.extract.events import _actors, _identifications, _within
from tipbrief.facts.extract.meetings import meeting_names
from tipbrief.facts.extract.patterns import (
    _ANAPHOR,
    _ONGOING,
    MEETING_NOUNS,
    ORDINAL_TOKEN,
    ORDINAL_WORDS,
    SAME_PLACE,
    ordinal_value,
)
from tipbrief.facts.extract.records import (
    Constraint,
    EventCandidate,
    Identification,
    PersonMention,
    _Context,
    identity_key,
    intersect,
    parse_key,
    places_agree,
)
from tipbrief.facts.extract.sentences import _norm
from tipbrief.facts.model import Place, Span


def _link_ongoing_meetings(
    ctx: _Context, raw: list[EventCandidate], lead: int | None, places: tuple[tuple[Span, Place], ...]
) -> list[EventCandidate]:
    """ "At the ongoing X": the article's lead event took place during X, and where X was."""
    if lead is None:
        return raw
    ev = raw[lead]
    known = {i.span for i in ev.identifications}
    extra: list[Identification] = []
    place, place_span = ev.place, ev.place_span
    for s in ctx.sentences:
        if "ongoing" not in s.text or not _ONGOING.search(s.text):
            continue
        idents = [i for i in _identifications(ctx, s) if i.candidates and i.span not in known]
        if not idents:
            continue
        known.update(i.span for i in idents)
        extra.extend(idents)
        if place is None:
            found = [
                (sp, pl) for sp, pl in _within(places, s.span(ctx.doc, ctx.original)) if pl.name != pl.country
            ]
            if found:
                place_span, place = found[0]
    raw[lead] = replace(
        ev, identifications=ev.identifications + tuple(extra), place=place, place_span=place_span
    )
    return raw


def _link_anaphora(
    ctx: _Context, raw: list[EventCandidate], people: list[PersonMention]
) -> list[EventCandidate]:
    """Sentences that point back at an event ("at the event", "the Launch was addressed by") add
    their people's terms of office and their actors to it."""
    if not raw:
        return raw
    stated = {src for e in raw for src in e.sources}
    added: dict[int, tuple[list[Span], list[Constraint], list[str]]] = {}
    for s in ctx.sentences:
        matches = list(_ANAPHOR.finditer(s.text, sentence_words(s.text)))
        if not matches:
            continue
        span = s.span(ctx.doc, ctx.original)
        if span in stated:
            continue
        for m in matches:
            noun = m.group("noun").lower()
            target = next(
                (
                    i
                    for i, e in enumerate(raw)
                    if noun == "event"
                    or noun in e.kind
                    or noun in e.title.lower()
                    or (noun.startswith("launch") and e.title.startswith("Launch"))
                ),
                None,
            )
            if target is None:
                continue
            spans, terms, actors = added.setdefault(target, ([], [], []))
            spans.append(span)
            terms.extend(p.term for p in people if p.term and span.start <= p.span.start < span.end)
            actors.extend(_actors(ctx, s.text))
            break
    # Applied once per event at the end, so many pointing sentences cost linear time.
    for target, (spans, terms, actors) in added.items():
        ev = raw[target]
        raw[target] = replace(
            ev,
            sources=(*ev.sources, *spans),
            constraints=ev.constraints + tuple(terms),
            actors=tuple(dict.fromkeys((*ev.actors, *actors))),
        )
    return raw


def _same_name(a: EventCandidate, b: EventCandidate) -> bool:
    """ "the Regional Review" and "the Regional Review on Laws, …" in one article: the same publication."""
    if a.kind != b.kind or a.subject or b.subject:
        return False
    na, nb = parse_key(a.key)[4], parse_key(b.key)[4]
    return bool(na and nb) and (na.startswith(nb) or nb.startswith(na))


_MEETING_KINDS = frozenset({*MEETING_NOUNS, "meeting"})


def _family(kind: str) -> str:
    # A summit is a meeting too: "At the meeting, hosted by …" after "the 13th ASEAN Summit".
    return "meeting" if kind in _MEETING_KINDS or kind in ("", "summit") else kind


def _dates_agree(a: EventCandidate, b: EventCandidate) -> bool:
    return intersect([c for c in (*a.constraints, *b.constraints) if c.annual is None]) is not None


def _on_record_days(head: EventCandidate, ev: EventCandidate) -> bool:
    """Whether the days ``ev`` states fit the one row on record that ``head`` is ("the 10th ASEAN
    Summit", 29-30 November 2004, is never "the consultations to be held … on 30 November 2005")."""
    rows = [c for i in head.identifications if len(i.candidates) == 1 for c in i.candidates]
    days = [c for c in ev.constraints if c.rule in _DATING and c.annual is None]
    return (
        not rows
        or not days
        or any(
            intersect([*days, Constraint("row", "", r.earliest, r.latest, None)]) is not None for r in rows
        )
    )


def _stated_days_agree(a: EventCandidate, b: EventCandidate) -> bool:
    """ "Dec. 12, 2012 - UNODC publishes the first Global Report … Nov. 24, 2014 - its second":
    a report released on two different stated days is two editions, whatever the name says."""
    if a.kind not in ("publication", "launch"):
        return True
    stated = [c for c in (*a.constraints, *b.constraints) if c.rule == "stated-date" and c.annual is None]
    return not stated or intersect(stated) is not None


def _stated_years_agree(a: EventCandidate, b: EventCandidate) -> bool:
    """ "at the ASEAN Forum on Migrant Labour in 2015 and in 2019": a series' meeting named without
    its number, stated in two different years, is two meetings."""
    if a.kind in ACT_KINDS or a.ordinal is not None or b.ordinal is not None:
        return True
    years = [
        (c.earliest.year, c.latest.year)
        for c in (*a.constraints, *b.constraints)
        if c.rule == "stated-date" and c.annual is None and c.earliest and c.latest
    ]
    return not years or max(lo for lo, _ in years) <= min(hi for _, hi in years)


def _ordinals_agree(a: int | None, b: int | None) -> bool:
    return a is None or b is None or a == b


def _same_event(head: EventCandidate, ev: EventCandidate) -> bool:
    """Two statements of one article name the same event: the same identity, or the same kind and
    body with numbers, places and dates that can agree ("the 19th AMMTC" … "the AMMTC")."""
    if head.key == ev.key:
        # One recorded edition is released once: "released … today" under a Bangkok dateline and
        # "launched at a virtual event hosted from Vienna" are one release, whose places disagree.
        edition = head.kind == "publication" and bool(head.subject)
        # ("moved down to the watch list three years ago, and it stayed there in last year's report":
        # two earlier editions, not one, when no recorded edition says which.)
        unrecorded = head.kind in ("publication", "launch") and not edition
        return (
            (edition or places_agree(head.place, ev.place))
            and _stated_days_agree(head, ev)
            and (not unrecorded or _dates_agree(head, ev))
            and _stated_years_agree(head, ev)
        )
    if _same_name(head, ev):
        return True
    return (
        head.kind == ev.kind
        and ev.kind not in ACT_KINDS
        and bool(head.subject)
        and head.subject == ev.subject
        and head.party == ev.party
        and _ordinals_agree(head.ordinal, ev.ordinal)
        and places_agree(head.place, ev.place)
        and _dates_agree(head, ev)
        and _rows_agree(head, ev)
        # ("the ASEAN Summit in Vientiane" of 29-30 November 2004, and "the 44th and 45th ASEAN
        # Summits, again in Vientiane": the 45th's one row will not fit the days the first was given.)
        and _on_record_days(head, ev)
        and _on_record_days(ev, head)
    )


def _rows_agree(head: EventCandidate, ev: EventCandidate) -> bool:
    """Whether the reference rows each names can be one: "the 42nd ASEAN Summit in Labuan Bajo" and
    "their summit in Jakarta next week" (the 43rd, or another Jakarta summit) cannot."""
    mine = {c.key for i in head.identifications for c in i.candidates}
    theirs = {c.key for i in ev.identifications for c in i.candidates}
    return not mine or not theirs or bool(mine & theirs)


def _antecedent(groups: list[list[EventCandidate]], ev: EventCandidate) -> list[EventCandidate] | None:
    """The event a generic mention points back at: the last one of its family, if it can be it."""
    if _NEXT_ONE.search(ev.sources[0].quote):
        # ("… the emergency ministerial meeting …, held in Kuala Lumpur on 2 July. … The next meeting
        # will be held in the first week of November"; "… closed the 42nd ASEAN Summit here today …
        # the chair's next summit is in Jakarta in September": another than any named before it.)
        return None
    for g in reversed(groups):
        head = _fold(g)
        if head.generic and _NEXT_ONE.search(head.sources[0].quote):
            continue  # (nor is a later "the summit" that next one)
        if _family(head.kind) != _family(ev.kind) or (
            head.generic and not head.kind and head.ordinal is not None
        ):
            continue
        if head.tense == "future" and ev.tense == "past" and not _SCHEDULE.search(ev.sources[0].quote):
            # "… the 16th AMMTC, which Cambodia will chair in September. The meeting opened on …":
            # what has opened is not the meeting still to come; look further back.
            continue
        if head.generic and not head.kind:
            # "Prosecutors met in Bangkok …. The workshop was held …": the workshop is that meeting.
            if ev.kind == "summit":
                continue  # ministers who "met" are not a summit: look further back
            return g if ev.kind and places_agree(head.place, ev.place) and _dates_agree(head, ev) else None
        fits = (
            _ordinals_agree(head.ordinal, ev.ordinal)
            and places_agree(head.place, ev.place)
            and _dates_agree(head, ev)
            and _on_record_days(head, ev)
            and (ev.kind in ("", "meeting") or ev.kind == head.kind)
        )
        return g if fits else None
    return None


_NEXT_ONE = re.compile(
    r"\b(?:next|following|upcoming|subsequent)\s+(?:\w+\s+)?(?P<what>meeting|summit|conference|session)s?\b",
    re.IGNORECASE,
)


# A present tense of a schedule: "The summit's plenary session opens the following day" is no
# past meeting, whatever tense_of (past by default) says.
_SCHEDULE = re.compile(r"\b(?:opens|begins|starts|ends|closes|runs|concludes)\b")
# "at the PICC in Pasay", "at the National Convention Center, Hanoi": a building named right before
# the city an event is placed in.
_AT_A_VENUE = re.compile(r"\bat\s+(?:the\s+)?[A-Z][\w'’&-]*(?:\s+(?:of\s+)?[A-Z][\w'’&-]*)*\s*(?:,|\bin)\s+$")

_SAME_DAY = re.compile(r"\b(?:the same day|that (?:same )?day|the same date)\b", re.IGNORECASE)
_THE_MEETING_ACTED = re.compile(
    r"^(?:The|At the)\s+(?:(?P<word>\w+)\s+)?(?:Meeting|meeting|Summit|summit|Conference|conference)s?\b"
    r"(?:,[^,]*,)?\s+"
    r"(?:also\s+)?(?:adopted|approved|endorsed|signed|launched|issued|noted|finali[sz]ed)\b"
)
_DATING = frozenset({"stated-date", "relative-date", "day-month"})
# What the meeting heard of, done before it: "The Meeting also noted that Viet Nam and Myanmar had
# deposited their instruments in January" (not at the meeting, nor on its days).
_DONE_BEFORE = re.compile(
    r"\b(?:noted|welcomed|recalled|acknowledged)\s+that\b[^.;]*\bhad\s+(?:been\s+)?\w+ed\b"
)
# "A companion plan … was adopted at the same summit": at the meeting just reported.
_AT_THE_SAME_MEETING = re.compile(
    r"\b(?:at|during)\s+the\s+same\s+(?:(?P<summit>summit)|meeting|conference)\b", re.I
)


_RECALLED = re.compile(r"\b(?:recall(?:ed|ing|s)?|results? of|outcomes? of)\b")


def _within_dates(day: date, ev: EventCandidate) -> bool:
    """Whether a day the story names falls within the days the event's dating evidence gives."""
    return any(
        c.earliest is not None and c.latest is not None and c.earliest <= day <= c.latest
        for c in ev.constraints
        if c.rule in _DATING
    )


# The words an act's title opens with, which name no event ("Adoption of the …").
_ACT_TITLE_WORDS = frozenset(
    {"Adoption", "Signing", "Launch", "Inauguration", "Publication", "Entry", "Deposit", "Ratification"}
)


def _in_clause_of(ev: EventCandidate, quote: str, at: int) -> bool:
    """Whether the event is named in the clause that holds ``at`` ("… noted the Bohol TIP Work Plan,
    and the East Asia Summit was held at the same venue today": the venue is the summit's alone)."""
    start = own_clause_start(quote, at)
    if start == 0:
        return True
    words = [w for w in re.findall(r"[A-Z][\w-]{3,}", ev.title) if w not in _ACT_TITLE_WORDS]
    clause = quote[start:]
    return not words or any(re.search(rf"\b{re.escape(w)}\b", clause) for w in words)


def _link_back(ctx: _Context, raw: list[EventCandidate]) -> list[EventCandidate]:
    """What a sentence takes from the event before it: "on the same day", "in the same city",
    and "The Meeting adopted …" (an act of the meeting just reported, on its date and at its place)."""
    out = list(raw)
    for i, ev in enumerate(out):
        quote = ev.sources[0].quote
        earlier = [e for e in out[:i] if e.sources[0] != ev.sources[0]] or out[:i]
        prev = earlier[-1] if earlier else None
        if prev is None:
            continue
        same_day = _SAME_DAY.search(quote)
        if same_day and not any(c.rule in _DATING for c in ev.constraints):
            dated = next(
                (e for e in reversed(out[:i]) if any(c.rule in _DATING for c in e.constraints)), prev
            )
            said_at = ev.sources[0].start + same_day.start()
            if dated.sources[0].start < section_start(ctx, said_at):
                dated = replace(dated, constraints=())  # (a day of the section above: none)
            elif any(
                dated.sources[0].end <= at < said_at and day is not None and not _within_dates(day, dated)
                for at, day in ctx.named_days
            ):
                # ("… get under way, Wednesday, Nov. 18, 2015." … "… the opening ceremony, Saturday,
                # Nov. 21, 2015. … adrift in the Andaman Sea in May." … "Leaders sign the Convention
                # …, later the same day.": a day the story named after that event, outside its days,
                # which no event holds, is the one "the same day" follows, if any; not the event's.
                # "On the opening day", a day of the meeting told before, is still the meeting's.)
                dated = replace(dated, constraints=())
            ev = replace(
                ev, constraints=ev.constraints + tuple(c for c in dated.constraints if c.rule in _DATING)
            )
        same_place = SAME_PLACE.search(quote)
        if same_place and ev.place is None and _in_clause_of(ev, quote, same_place.start()):
            # ("at their summit in Labuan Bajo, Indonesia, in May, and ASEAN ministers … met in the same
            # town last week": the town the sentence named before, not the last event's.)
            at = ev.sources[0].start + same_place.start()
            named_before = [
                e
                for e in out[:i]
                if e.sources[0] == ev.sources[0]
                and e.place is not None
                and e.place_span
                and e.place_span.start < at
            ]
            before = named_before[-1] if named_before else prev
            if same_place.group().casefold().endswith("venue"):
                # ("signed … at the PICC in Pasay. Ten years after the Cebu Declaration - signed in
                # Cebu … The East Asia Summit was held at the same venue today": a venue is the
                # building an event was named at, not the city of one recalled in between.)
                at_venue = [
                    e
                    for e in out[:i]
                    if e.place is not None
                    and e.place_span
                    and _AT_A_VENUE.search(ctx.original, max(0, e.place_span.start - 80), e.place_span.start)
                ]
                before = at_venue[-1] if at_venue else before
            if before.place is not None:
                ev = replace(ev, place=before.place, place_span=before.place_span)
        acted = _THE_MEETING_ACTED.search(quote)
        same = _AT_THE_SAME_MEETING.search(quote)
        if ev.kind in ACT_KINDS and (acted or same) and not _DONE_BEFORE.search(quote):
            meetings = [e for e in reversed(earlier) if _family(e.kind) == "meeting" or e.kind == "summit"]
            if same and same.group("summit") and not acted:
                # ("In March 2018, the ACWC, at its 16th meeting …. In Manila in November 2017, ASEAN
                # leaders noted the Bohol work plan, at the same summit at which they signed …": a
                # summit, not the commission's meeting reported before.)
                meetings = [e for e in meetings if e.kind == "summit"]
            nth = ordinal_value(acted.group("word")) if acted and acted.group("word") else None
            if nth is not None:
                # ("… since the seventh conference, held in Bali in August 2018. The sixth conference,
                # in Bali in March 2016, adopted the Bali Declaration": the meeting its number names,
                # not the last one reported.)
                meetings = [e for e in meetings if e.ordinal == nth]
            # ("… recalled the results of the 14th AMMTC, which Hanoi hosted in 2020. The meeting,
            # chaired by Brunei, approved a declaration": the meeting reported, not the one recalled.)
            meeting = next((e for e in meetings if not _RECALLED.search(e.sources[0].quote)), None) or next(
                iter(meetings), None
            )
            if meeting is not None:
                taken = [c for c in meeting.constraints if c.rule in _DATING]
                if same and not acted and meeting.identifications:
                    # ("… adopted this declaration last Saturday, 2 November, at the 35th ASEAN Summit in
                    # Bangkok. At the same Summit they also adopted …": some day of the summit's recorded
                    # days, not the day the sentence before gave its own act.)
                    taken = []
                if any(c.annual for c in taken):
                    # ("held virtually on September 29": a day without its year is placed by the
                    # meeting's own relation to the article's date, which comes with it.)
                    taken += [c for c in meeting.constraints if c.rule == "article-date"]
                ev = replace(
                    ev,
                    constraints=ev.constraints + tuple(taken),
                    identifications=ev.identifications + meeting.identifications,
                    place=ev.place or meeting.place,
                    place_span=ev.place_span if ev.place else meeting.place_span,
                )
        out[i] = ev
    return out


def _merge_within_article(ctx: _Context, raw: list[EventCandidate]) -> list[EventCandidate]:
    """An article that mentions its event twice ("a seminar … The seminar …") states one event;
    two events of one kind with different names, bodies or numbers stay two."""
    raw = _link_back(ctx, raw)
    groups: list[list[EventCandidate]] = []
    for ev in raw:
        next_one = _NEXT_ONE.search(ev.sources[0].quote) if ev.generic else None
        if next_one is not None and next_one.group("what").casefold().startswith(("meeting", "session")):
            # ("The next meeting will be held in the first week of November", in a committee's
            # minutes: a meeting the article names no further, of which the fact base can say nothing.)
            continue
        if ev.generic:
            target = None if (not ev.kind and ev.ordinal is None) else _antecedent(groups, ev)
            if target is not None:
                target.append(ev)
                # The group most recently added to is the one later mentions point back at.
                groups.remove(target)
                groups.append(target)
                continue
            if not ev.kind and ev.ordinal is None:
                groups.append([ev])  # a meeting no one has named yet
                continue
            named = _named_generic(ctx, groups, ev, raw)
            if named is not None:
                later = next((g for g in groups if _same_event(_fold(g), named)), None)
                if later is not None:
                    later.append(named)
                else:
                    groups.append([named])
            continue
        same = next((g for g in groups if _same_event(_fold(g), ev)), None)
        if same is None:
            groups.append([ev])
        else:
            # Named again, it is the event a later "the summit" points back at.
            same.append(ev)
            groups.remove(same)
            groups.append(same)
    out = []
    for g in groups:
        ev = _fold(g)
        if ev.generic:
            # Only generic mentions: the first that says what kind of meeting names it.
            kinds = [e for e in g if e.kind]
            if not kinds and ev.title and any(c.rule in _DATING for c in ev.constraints):
                # "Senior officials met on Monday to prepare the declaration", named by no later
                # mention: the meeting of the people the sentence names, with its date; only this
                # article's (a weak key), so it is never merged with another article's meeting.
                out.append(
                    replace(
                        ev, kind="meeting", key=identity_key("meeting", "", "", None, ev.key), generic=False
                    )
                )
                continue
            if not kinds:
                continue
            named = _named_generic(
                ctx, [], replace(ev, kind=kinds[0].kind, title=kinds[0].title, generic=True)
            )
            if named is None:
                continue
            ev = named
        out.append(ev)
    return sorted(out, key=lambda e: raw.index(next(x for x in raw if x.sources[0] == e.sources[0])))


def _ordinal_word(n: int) -> str:
    """ "third" for 3: the word an ordinal is written in (its number, past the words known)."""
    return next((w for w, v in ORDINAL_WORDS.items() if v == n and "-" not in w), str(n))


def _named_generic(
    ctx: _Context, groups: list[list[EventCandidate]], ev: EventCandidate, raw: Sequence[EventCandidate] = ()
) -> EventCandidate | None:
    """A generic mention with nothing to point back at: "The first took place in Bali" names the
    first of the series the article is about; "The workshop was held …" takes the headline's name
    of the workshop; otherwise it is no event of its own."""
    numbered = ev.ordinal is not None and re.fullmatch(
        rf"{ORDINAL_TOKEN}\s+{re.escape(ev.kind)}", ev.title, re.I
    )
    # ("The forum was first convened last year in Perth", after the 2018 forum: its first.)
    base = next(
        (
            _fold(g)
            for g in reversed(groups)
            if _family(_fold(g).kind) == "meeting" and (not ev.kind or _fold(g).kind == ev.kind)
        ),
        None,
    )
    if ev.kind == "" or (numbered and base is not None):
        if base is None or ev.ordinal is None:
            return None
        plain = re.sub(rf"^{ORDINAL_TOKEN}\s+", "", base.title, flags=re.IGNORECASE)
        word = _ordinal_word(ev.ordinal)
        # ("First meeting of the ACWC", but "First Bali Process Government and Business Forum".)
        head = plain.split(" ", 1)[0].casefold()
        title = f"{word.capitalize()} {plain[:1].lower() + plain[1:] if head in MEETING_NOUNS else plain}"
        return _rekey(
            replace(ev, kind=base.kind, title=title, subject=base.subject, generic=False), _norm(title)
        )
    headline = ctx.article.document.title or ""
    for m in meeting_names(ctx, headline, sentence_words(headline)):
        if m.kind == ev.kind and not m.generic:
            title = m.title
            if ev.ordinal is not None and m.ordinal is not None and ev.ordinal != m.ordinal:
                # ("The work plan was endorsed at the third ministerial meeting", under a headline on
                # the Fourth ASEAN Plus Three Ministerial Meeting …: the series' third, so named.)
                plain = re.sub(rf"^{ORDINAL_TOKEN}\s+", "", title, flags=re.IGNORECASE)
                title = f"{_ordinal_word(ev.ordinal).capitalize()} {plain}"
            return _rekey(
                replace(ev, title=title, generic=False, ordinal=ev.ordinal or m.ordinal), _norm(title)
            )
    if ev.title.casefold().endswith("s") or "series" in ev.title.casefold():
        return None
    if ev.ordinal is None and any(
        _fold(g).kind == ev.kind or (ev.kind == "meeting" == _family(_fold(g).kind)) for g in groups
    ):
        # "The summit … runs until Thursday" after the article named its summit, but with a date or
        # place that will not fit it: a misread mention of that event, not an untitled one of its own,
        # nor one the article names only further on ("The meeting followed talks in Putrajaya on May
        # 20", after the Emergency AMMTC, is not "the 10th AMMTC … in September" below).
        return None
    # "The summit opened on Tuesday …", and the article names one summit only further on ("the
    # 42nd ASEAN Summit" in a caption): that one.
    named_here = {
        e.key: e
        for e in raw
        if not e.generic
        and e.kind == ev.kind
        and e.ordinal is not None
        and places_agree(e.place, ev.place)
        and _dates_agree(e, ev)
        # ("at their summit in Labuan Bajo in May, and … next week for the 43rd ASEAN Summit": the
        # city's summit on record is not the 43rd.)
        and _rows_agree(e, ev)
    }
    if ev.ordinal is None and len(named_here) == 1:
        e = next(iter(named_here.values()))
        return replace(ev, key=e.key, title=e.title, subject=e.subject, ordinal=e.ordinal, generic=False)
    return _rekey(ev, f"{ev.sources[0].document}@{ev.sources[0].start}")


def _rekey(ev: EventCandidate, name: str) -> EventCandidate:
    return replace(ev, key=identity_key(ev.kind, ev.subject, ev.party, ev.ordinal, name))


def _fold(group: list[EventCandidate]) -> EventCandidate:
    """One candidate from several statements of it: the first named one's title, everyone's evidence."""
    first = next((ev for ev in group if not ev.generic), group[0])
    if len(group) == 1:
        return first
    placed = [ev for ev in group if ev.place]
    city = next((ev for ev in placed if ev.place and ev.place.name != ev.place.country), None)
    where = city or (placed[0] if placed else None)
    ordinal = (
        first.ordinal
        if first.ordinal is not None
        else next((e.ordinal for e in group if e.ordinal is not None), None)
    )
    subject = first.subject or next((e.subject for e in group if e.subject), "")
    # ("ASEAN crime ministers meet online" over "… for the 14th ASEAN Ministerial Meeting on
    # Transnational Crime": a headline's meeting, named without its number, takes the numbered name.)
    numbered = next(
        (
            e.title
            for e in group
            if not e.generic and e.ordinal == ordinal and e.kind == first.kind and e.title[:1].isdigit()
        ),
        None,
    )
    if ordinal is not None and not first.title[:1].isdigit() and numbered is not None:
        first = replace(first, title=numbered)
    folded = replace(
        first,
        sources=tuple(dict.fromkeys(x for ev in group for x in ev.sources)),
        actors=tuple(dict.fromkeys(a for ev in group for a in ev.actors)),
        instruments=tuple(dict.fromkeys(i for ev in group for i in ev.instruments)),
        place=where.place if where else None,
        place_span=where.place_span if where else None,
        constraints=tuple(dict.fromkeys(c for ev in group for c in ev.constraints)),
        identifications=tuple(dict.fromkeys(i for ev in group for i in ev.identifications)),
        ordinal=ordinal,
        subject=subject,
    )
    if (ordinal, subject) != (first.ordinal, first.subject):
        folded = _rekey(folded, parse_key(first.key)[4])
    return folded
