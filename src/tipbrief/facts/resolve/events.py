"""Events from candidates across articles: group by key, merge what is one event, resolve, give ids."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date

from tipbrief.facts.extract.acts import ACT_KINDS
from tipbrief.facts.extract.patterns import ORDINAL_TOKEN
from tipbrief.facts.extract.records import (
    EventCandidate,
    Extraction,
    Identification,
    parse_key,
    places_agree,
)
from tipbrief.facts.model import (
    Conflict,
    Event,
    Place,
)
from tipbrief.facts.resolve.conflicts import place_conflict
from tipbrief.facts.resolve.dates import Bounds, Resolution, Step, _resolve_group, _where, refused
from tipbrief.facts.resolve.records import (
    Bucket,
    BucketId,
    Group,
    IdentSignature,
    KeyedCandidate,
    MergedEvent,
    Order,
)

_FIRST = re.compile(r"\bfirst(?:-ever)?\b", re.IGNORECASE)


_PAIR = re.compile(
    r"\b(ASEAN|US|U\.S\.|EU|Japan|China|Australia|UN)\s*[-–]\s*(ASEAN|US|U\.S\.|EU|Japan|China|Australia|UN)\b"
)


def slug(text: str) -> str:
    # Dashes separate words ("ASEAN–US" → "asean-us") before accents and symbols are dropped.
    text = re.sub(r"[\u2010-\u2015]", "-", text)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    out = "-".join(words)
    if len(out) > 64:
        out = out[:64].rsplit("-", 1)[0]
    return out or "event"


def _named_words(title: str) -> int:
    """How many of a title's words are capitalised, as a name's are ("Special Meeting on Irregular
    Migration in the Indian Ocean": six; "Regional meeting on irregular migration in the Indian
    Ocean", a description of it: three). A year or a number counts as one ("the 2014 Trafficking
    in Persons report" says which edition)."""
    return sum(1 for w in title.split() if w[:1].isupper() or w[:1].isdigit())


def _title(cands: Sequence[EventCandidate]) -> str:
    # A signature is the more specific act: "Signing of X" wins over "Adoption of X".
    # ("31st ASEAN Summit" over "Thirty-first summit": a title that names the series, or numbers the
    # meeting as its series does, says more.)
    subjects = {c.subject.casefold() for c in cands if c.subject}
    title = min(
        (c.title for c in cands),
        key=lambda t: (
            not t.startswith("Signing"),
            t[:1].islower(),
            not (t[:1].isdigit() or any(x in t.casefold() for x in subjects)),
            # ("Meeting of Interior and security ministers of …": a description of an unnamed
            # meeting, which a name another source gives replaces.)
            t.startswith("Meeting of "),
            # ("11th ASEAN Summit" over "ASEAN Summit in Kuala Lumpur": the number says which.)
            not t[:1].isdigit(),
            # ("Special Meeting on Irregular Migration in the Indian Ocean" over "Regional meeting on
            # irregular migration in the Indian Ocean": a name over a description of it.)
            -_named_words(t),
            -len(t),
            t,
        ),
    )
    quotes = " ".join(s.quote for c in cands for s in c.sources)
    kind = cands[0].kind
    if kind not in ("adoption", "publication"):
        pair = _PAIR.search(quotes)
        # (Not "ASEAN Foreign Ministers' Meeting" beside "the ASEAN-Australia Counter Trafficking
        # program": a name that opens with one of the pair is that one's own meeting.)
        first = re.sub(rf"^{ORDINAL_TOKEN}\s+", "", title, flags=re.IGNORECASE).split(" ", 1)[0]
        if (
            pair
            and pair.group(1) != pair.group(2)
            and not _PAIR.search(title)
            and first.casefold() not in {p.casefold() for p in pair.groups()}
        ):
            left, right = (p.replace("U.S.", "US") for p in pair.groups())
            # (An acronym keeps its capitals: "ASEAN–US SOMTC consultation".)
            head = title if first.isupper() else f"{title[0].lower()}{title[1:]}"
            title = f"{left}–{right} {head}"
        # "the first-ever ASEAN-US cooperative activity": the first of its kind, when no number says so.
        if (
            all(c.ordinal is None for c in cands)
            and re.search(
                # (Not "the first time the ministerial meeting … has been held in Australia": where it
                # was held for the first time, not the first of the series.)
                rf"\b(?:the|its|their|a)\s+first(?:-ever)?\s+(?!time\b)(?:[\w-]+\s+){{0,3}}(?:{kind}|activity|event)\b",
                quotes,
                re.I,
            )
            and not _FIRST.search(title)
        ):
            first_word = title.split()[0]
            keep = sum(ch.isupper() for ch in first_word) > 1
            title = f"First {title}" if keep else f"First {title[0].lower()}{title[1:]}"
    return title


def keyed_candidate(c: EventCandidate, article: str, index: int, uid: str) -> KeyedCandidate:
    """``c``, the ``index``-th candidate of the article at path ``article``, ready to be grouped;
    ``uid`` must name this content only (the hash of the article's inputs and ``index`` do)."""
    first = c.sources[0]
    own = _resolve_group([c], explain=False).interval
    return KeyedCandidate(
        (c.key, first.quote, first.document, first.start, article, index), uid, c, own.earliest, own.latest
    )


def resolve_events(extractions: Sequence[Extraction]) -> tuple[Event, ...]:
    """Merge candidates that state the same event, then resolve each merged event.

    A candidate's key is its identity (kind, subject, party, ordinal; its name when no subject is
    known). Candidates with the same key merge only when their places and dates can agree, so two
    consultations in different cities and years stay two events, while "Cebu, Philippines" and
    "the Philippines" do agree. Candidates with different keys merge only as ``merge_groups``
    says. The order of merging uses the text, not file names, so renaming an article changes nothing.
    """
    by_key: dict[str, list[KeyedCandidate]] = {}
    for n, x in enumerate(extractions):
        for i, c in enumerate(x.events):
            by_key.setdefault(c.key, []).append(keyed_candidate(c, f"{n:012d}", i, f"{n}:{i}"))
    for entries in by_key.values():
        entries.sort(key=_by_order)
    buckets = update_events({}, by_key, by_key.__getitem__)
    return all_events(b for b in buckets.values() if b is not None)


def update_events(
    buckets: Mapping[BucketId, Bucket],
    changed: Mapping[str, Sequence[KeyedCandidate]],
    entries_of: Callable[[str], Sequence[KeyedCandidate]],
) -> dict[BucketId, Bucket | None]:
    """The buckets that change (None: gone) when each key of ``changed`` now has exactly those
    candidates, in order (none: the key is gone); ``entries_of`` gives any other key's candidates.

    Only the changed keys are grouped again, only the buckets whose groups change are merged again,
    and only events whose candidates change are resolved again; ids are given again only to the
    events whose slug one of those has. From no buckets, this resolves a whole corpus: the one
    algorithm serves full and incremental builds alike.
    """
    added: dict[BucketId, list[Group]] = {}
    for entries in changed.values():
        for bucket_id, group in group_candidates(entries):
            added.setdefault(bucket_id, []).append(group)
    affected = set(added)
    for bucket_id, bucket in buckets.items():
        if bucket_id not in affected and any(g.order[0] in changed for g in bucket.groups):
            affected.add(bucket_id)
    known: dict[str, EventCandidate] = {}
    loaded: set[str] = set()

    def candidates(groups: Sequence[Group]) -> list[EventCandidate]:
        for key in {g.order[0] for g in groups} - loaded:
            loaded.add(key)
            source = changed[key] if key in changed else entries_of(key)
            known.update((k.uid, k.candidate) for k in source)
        return [known[uid] for g in groups for uid in g.members]

    changes: dict[BucketId, Bucket | None] = {}
    touched: set[str] = set()
    for bucket_id in affected:
        old = buckets.get(bucket_id)
        groups = [g for g in old.groups if g.order[0] not in changed] if old is not None else []
        groups.extend(added.get(bucket_id, ()))
        groups.sort(key=_by_order)
        if old is not None:
            if tuple(groups) == old.groups:
                continue
            touched.update(m.slug for m in old.events)
        if not groups:
            changes[bucket_id] = None
            continue
        before = {m.members: m for m in old.events} if old is not None else {}
        events = []
        for part in merge_groups(groups, bucket_id):
            members = tuple(uid for i in part for uid in groups[i].members)
            same = before.get(members)
            if same is None:
                event = event_of(candidates([groups[i] for i in part]))
                events.append(MergedEvent(groups[part[0]].order, members, event, slug(event.title)))
            else:
                events.append(MergedEvent(groups[part[0]].order, members, same.event, same.slug))
        touched.update(m.slug for m in events)
        changes[bucket_id] = Bucket(*bucket_id, tuple(groups), tuple(events))
    _renumber(buckets, changes, touched)
    return changes


def _by_order(item: KeyedCandidate | Group) -> Order:
    return item.order


def group_candidates(entries: Sequence[KeyedCandidate]) -> list[tuple[BucketId, Group]]:
    """Group one key's candidates, in order: each joins the first group whose places and dates can
    agree with its own, else starts a group. Each group comes with the bucket it merges in."""
    forming: list[_Forming] = []
    for k in entries:
        c = k.candidate
        own = {c.place} if c.place else set()
        target = next(
            (
                g
                for g in forming
                # The places agree when every member states none, the same one as c, or a country
                # and a city in it ("Cebu, Philippines" and "the Philippines").
                if all(_places_fit(p, c) for p in g.places)
                and _meet(*g.bounds, k.earliest, k.latest)
                and _dated_alike(g.bounds, k)
            ),
            None,
        )
        if target is None:
            forming.append(_Forming([k], (k.earliest, k.latest), own))
        else:
            target.join(k)
    return [
        (
            (g.members[0].candidate.kind, None),
            Group(
                g.members[0].order,
                tuple(m.uid for m in g.members),
                *g.bounds,
                tuple(sorted(g.places, key=lambda p: (p.country, p.name))),
            ),
        )
        for g in forming
    ]


def _dated_alike(bounds: Bounds, k: KeyedCandidate) -> bool:
    """A meeting of a series named without its number ("ASEAN ministers on transnational crime are
    due to meet in Cambodia later this year", in an article of some year between 2017 and 2022) is
    one of many: not dated to within a year, it is no reading of one that is (nor one that is, of
    it), whatever its words share."""
    c = k.candidate
    # (So is a summit named by its city, "the ASEAN Summit in Kuala Lumpur": the city has had many;
    # and a forum, "the ASEAN Forum on Migrant Labour that it hosts later this year".)
    if c.ordinal is not None or not c.subject or c.kind in (*ACT_KINDS, "publication", "launch"):
        return True
    return _within_a_year(k.earliest, k.latest) and _within_a_year(*bounds)


def _within_a_year(lo: date | None, hi: date | None) -> bool:
    return lo is not None and hi is not None and (hi - lo).days <= 366


def _places_fit(p: Place, c: EventCandidate) -> bool:
    """Whether a group's place can be the candidate's: as ``places_agree`` says, or, for a numbered
    meeting of one body (its number is its identity), any place in the same country ("the Seventh
    Bali Process Ministerial Conference here in Nusa Dua" and "the 7th BPMC in Bali")."""
    if places_agree(p, c.place):
        return True
    return bool(c.ordinal is not None and c.subject and c.place and c.place.country == p.country)


class _Forming:
    """A group being formed, with what tells whether a new member can move its bounds."""

    __slots__ = ("bounds", "fixed", "members", "places", "pool", "signatures", "steps")

    def __init__(self, members: list[KeyedCandidate], bounds: Bounds, places: set[Place]) -> None:
        self.members = members
        self.bounds = bounds
        self.places = places
        # Known once a second member comes: the bounds of the members' plain constraints (see
        # Resolution.fixed), their identifications, and per field and row the bounds the last
        # identification naming the row gives it (as resolve_dates's pool keeps the last).
        self.fixed: Bounds | None = None
        self.steps: tuple[Step, ...] = ()
        self.signatures: set[IdentSignature] = set()
        self.pool: dict[tuple[str, str], Bounds] = {}

    def join(self, k: KeyedCandidate) -> None:
        c = k.candidate
        if self.fixed is None:
            first = _resolve_group([m.candidate for m in self.members], explain=False)
            self.fixed, self.steps = first.fixed, first.steps
            for m in self.members:
                self._identify(m.candidate)
        self.members.append(k)
        if c.place:
            self.places.add(c.place)
        # Most members of a big group repeat what it already knows (a background sentence every
        # tenth article repeats): they leave its bounds as they are, and it is not resolved again.
        if not self._redundant(c):
            res = _resolve_group([m.candidate for m in self.members], explain=False)
            self.bounds = (res.interval.earliest, res.interval.latest)
            self.fixed, self.steps = res.fixed, res.steps
        self._identify(c)

    def _identify(self, c: EventCandidate) -> None:
        for ident in c.identifications:
            if ident.candidates:
                self.signatures.add(_signature(ident))
                self.pool.update(((ident.field, r.key), (r.earliest, r.latest)) for r in ident.candidates)

    def _redundant(self, c: EventCandidate) -> bool:
        """Adding ``c`` leaves the group's bounds as they are, for resolve_dates gives the same bounds.

        Its plain constraints each allow the whole of the bounds the kept plain constraints
        give (``fixed``), or contradict those kept before their place in the order (``refused``,
        as a repeated wrong date does): resolve_dates then keeps and refuses every other
        constraint as before, and those bounds do not move. Its identifications each repeat one
        the group has, with the same rows and the same bounds for each row: the rows picked for
        each field stay the same. It has no yearless date, so the last step narrows the same
        bounds the same way.
        """
        assert self.fixed is not None
        lo, hi = self.fixed
        for k in c.constraints:
            if k.annual is not None:
                return False
            narrows = (k.earliest is not None and (lo is None or k.earliest > lo)) or (
                k.latest is not None and (hi is None or k.latest < hi)
            )
            if narrows and not refused(self.steps, k):
                return False
        for ident in c.identifications:
            if not ident.candidates:
                continue
            if _signature(ident) not in self.signatures:
                return False
            if any(self.pool.get((ident.field, r.key)) != (r.earliest, r.latest) for r in ident.candidates):
                return False
        return True


def _signature(ident: Identification) -> IdentSignature:
    return ident.field, frozenset((r.key, r.earliest, r.latest) for r in ident.candidates)


def _meet(a_lo: date | None, a_hi: date | None, b_lo: date | None, b_hi: date | None) -> bool:
    """Two intervals can meet: two readings of one event may be merged."""
    lo = a_lo if b_lo is None or (a_lo is not None and a_lo >= b_lo) else b_lo
    hi = a_hi if b_hi is None or (a_hi is not None and a_hi <= b_hi) else b_hi
    return lo is None or hi is None or lo <= hi


def merge_groups(groups: Sequence[Group], bucket: BucketId) -> list[list[int]]:
    """Which groups of one bucket (in order) merge: the same event reported under different names
    (two outlets' words for one workshop; "the Guideline" and "the Guideline for the Protection of
    Victims"). Acts on instruments never merge across keys: their key is their identity. Others
    merge when nothing in their identities disagrees (party, number, body), their places agree and
    their dates overlap within a month; a meeting must have a place, a publication may share a
    name's start instead. Each group joins the first merged event whose first group fits it."""
    merged: list[list[int]] = []
    # The merged events a group can join, by what two mergeable groups must share (a country, or
    # a name's first words): their first group, bounded within a month.
    open_to: dict[tuple[str, ...], list[tuple[int, Group]]] = {}
    for n, g in enumerate(groups):
        target = None
        doors = _doors(g) if bounded_within_a_month(g) else ()
        if doors:
            candidates = sorted({item[0]: item for door in doors for item in open_to.get(door, ())}.values())
            target = next((i for i, first in candidates if _can_merge(first, g)), None)
        if target is None:
            for door in doors:
                open_to.setdefault(door, []).append((len(merged), g))
            merged.append([n])
        else:
            merged[target].append(n)
    return merged


def _doors(g: Group) -> tuple[tuple[str, ...], ...]:
    """What a group shares with every group it may merge with: its country (meetings, launches),
    or the first three words of its name (launches, publications); nothing for acts."""
    kind, subject, _, _, name = parse_key(g.order[0])
    if kind in ACT_KINDS:
        return ()
    doors: list[tuple[str, ...]] = [("country", p.country) for p in g.places] if kind != "publication" else []
    words = name.split()
    if kind in ("launch", "publication") and len(words) >= 3:
        doors.append(("name", *words[:3]))
    if kind == "publication" and (series := _series_of(subject)):
        doors.append(("name", *series.split()[:3]))  # a recorded edition: its report's name too
    return tuple(dict.fromkeys(doors))


def _series_of(subject: str) -> str:
    """The report's name, in the words of a name, of a recorded edition's key ("Trafficking in
    Persons Report-2018"); empty for any other subject."""
    series, _, year = subject.rpartition("-")
    return " ".join(re.findall(r"[a-z0-9]+", series.casefold())) if year.isdigit() and len(year) == 4 else ""


def bounded_within_a_month(g: Group) -> bool:
    return g.earliest is not None and g.latest is not None and (g.latest - g.earliest).days < 32


def _can_merge(a: Group, b: Group) -> bool:
    kind, subject_a, party_a, ordinal_a, name_a = parse_key(a.order[0])
    _, subject_b, party_b, ordinal_b, name_b = parse_key(b.order[0])
    if party_a != party_b or (ordinal_a is not None and ordinal_b is not None and ordinal_a != ordinal_b):
        return False
    if subject_a and subject_b and subject_a != subject_b:
        return False
    named = name_b if subject_a else name_a
    if kind == "summit" and bool(subject_a) != bool(subject_b) and not _may_be(subject_a or subject_b, named):
        return False  # "the 21st ASEAN Summit" and "the East Asia Summit" the same week: two summits
    assert a.earliest and a.latest and b.earliest and b.latest
    if not (a.earliest <= b.latest and b.earliest <= a.latest):
        return False
    if not all(places_agree(p, q) for p in a.places for q in b.places):
        return False
    words_a, words_b = name_a.split(), name_b.split()
    if kind == "publication" and bool(subject_a) != bool(subject_b):
        # An article's "the Trafficking in Persons Report" released in June 2018 (its name is the
        # article's alone, see extract.events._edition_unknown) is the 2018 edition the reference
        # data records for that month: a series has one edition in any month.
        series = _series_of(subject_a or subject_b)
        return bool(series) and (name_b if subject_a else name_a).split("@")[0] == series
    short = min(len(words_a), len(words_b))
    if short >= 3 and words_a[:short] == words_b[:short] and kind in ("launch", "publication"):
        return True
    # A publication is its document: only its name joins two reports. Meetings and launches are
    # where and when they happened, whatever each outlet calls them.
    return kind != "publication" and bool(a.places and b.places)


_PLAIN_WORDS = frozenset(
    {"the", "a", "an", "of", "asean", "meeting", "summit", "leaders", "annual", "regular"}
)


def _may_be(subject: str, name: str) -> bool:
    """A name with no subject may be the subject's meeting only if it names nothing else: "the
    summit", "ASEAN Summit", not "East Asia Summit"."""
    own = {w for w in name.split() if w not in _PLAIN_WORDS and not w[:1].isdigit()}
    return own <= set(subject.casefold().split())


def event_of(g: Sequence[EventCandidate]) -> Event:
    """The event the candidates of one merged group state, resolved (its id is given later)."""
    res = _resolve_group(list(g))
    place, place_conflicts = _place(g, res)
    sources = tuple(sorted({s for c in g for s in c.sources}, key=lambda s: (s.document, s.start)))
    return Event(
        id="",
        title=_title(g),
        kind=g[0].kind,
        date=res.interval,
        place=place,
        actors=tuple(dict.fromkeys(a for c in g for a in c.actors)),
        instruments=tuple(dict.fromkeys(i for c in g for i in c.instruments)),
        sources=sources,
        conflicts=res.conflicts + place_conflicts,
        # Merged candidates agree wherever both say (the merge rule); the one that says wins.
        subject=next((c.subject for c in g if c.subject), ""),
        party=next((c.party for c in g if c.party), ""),
        ordinal=next((c.ordinal for c in g if c.ordinal is not None), None),
    )


def _place(g: Sequence[EventCandidate], res: Resolution) -> tuple[Place | None, tuple[Conflict, ...]]:
    stated = [(c.place, c.place_span) for c in g if c.place and c.place_span]
    # "Cebu, Philippines" and "the Philippines": the city says more.
    cities = {p.country for p, _ in stated if p.name != p.country}
    stated = [(p, sp) for p, sp in stated if p.name != p.country or p.name not in cities]
    ref_places = [(Place(c.city, c.country or c.city), c) for c in res.chosen if c.city]
    if stated:
        # The place most sources state; ties go to the name, never to file order.
        counts: dict[str, int] = {}
        for p, _ in stated:
            counts[p.name] = counts.get(p.name, 0) + 1
        best = min(counts, key=lambda n: (-counts[n], n))
        place = next(p for p, _ in stated if p.name == best)
        # One conflict, every span that states the place in one reading (grouped by value).
        others = [
            (rp.name, c.label.split(" (")[0], c.reference) for rp, c in ref_places if rp.name != place.name
        ]
        if not others:
            return place, ()
        return place, (
            place_conflict(place.name, [_where(sp) for p, sp in stated if p.name == best], others),
        )
    if ref_places:
        # Rows in different places (a summit held in two cities): the country they share, if any.
        names = {p.name for p, _ in ref_places}
        countries = {p.country for p, _ in ref_places}
        if len(names) == 1:
            return ref_places[0][0], ()
        if len(countries) == 1:
            country = next(iter(countries))
            return Place(country, country), ()
    return None, ()


def _renumber(
    buckets: Mapping[BucketId, Bucket], changes: dict[BucketId, Bucket | None], slugs: set[str]
) -> None:
    """Give ids again to every event whose slug is in ``slugs`` (recording changed buckets in ``changes``)."""
    found: dict[str, list[tuple[BucketId, int, MergedEvent]]] = {}
    for bucket_id, bucket in _current(buckets, changes):
        for n, m in enumerate(bucket.events):
            if m.slug in slugs:
                found.setdefault(m.slug, []).append((bucket_id, n, m))
    for base, same in found.items():
        same.sort(key=lambda item: item[2].order)
        for (bucket_id, n, m), new in zip(same, slug_ids(base, [m.event for _, _, m in same]), strict=True):
            if m.event.id != new:
                bucket = changes.get(bucket_id) or buckets[bucket_id]
                events = list(bucket.events)
                events[n] = replace(m, event=replace(m.event, id=new))
                changes[bucket_id] = replace(bucket, events=tuple(events))


def _current(
    buckets: Mapping[BucketId, Bucket], changes: Mapping[BucketId, Bucket | None]
) -> Iterable[tuple[BucketId, Bucket]]:
    for bucket_id, bucket in buckets.items():
        if bucket_id not in changes:
            yield bucket_id, bucket
    for bucket_id, changed in changes.items():
        if changed is not None:
            yield bucket_id, changed


def slug_ids(base: str, events: Sequence[Event]) -> list[str]:
    """Ids for the events whose titles have the slug ``base`` (in merge order, which breaks ties):
    the slug itself for one, else each with a short hash of what tells them apart (full title,
    date, place, first quote), so ids never depend on file names."""
    if len(events) == 1:
        return [base]
    ids = [""] * len(events)
    used: set[str] = set()
    for i in sorted(range(len(events)), key=lambda i: _content_key(events[i])):
        digest = hashlib.sha256(repr(_content_key(events[i])).encode()).hexdigest()
        n = 6
        while f"{base}-{digest[:n]}" in used and n < len(digest):
            n += 2
        found = f"{base}-{digest[:n]}"
        # Two events alike in everything the key holds (one retelling in two articles that stayed
        # apart) share the whole digest: a counter, in merge order, tells them apart. Before, the
        # loop above never ended.
        count = 1
        while found in used:
            count += 1
            found = f"{base}-{digest[:6]}-{count}"
        used.add(found)
        ids[i] = found
    return ids


def _content_key(e: Event) -> tuple[str, str, str, str]:
    return (e.title, e.date.label, e.place.name if e.place else "", e.sources[0].quote if e.sources else "")


def all_events(buckets: Iterable[Bucket]) -> tuple[Event, ...]:
    """Every event, by date then id (then slug: two slugs could give one id)."""
    merged = [m for b in buckets for m in b.events]
    merged.sort(
        key=lambda m: (m.event.date.earliest or date.max, m.event.date.latest or date.max, m.event.id, m.slug)
    )
    return tuple(m.event for m in merged)
