"""Name matchers compiled once from reference data: places, bodies, instruments, people, summits."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from tipbrief.common.months import MONTH_NAMES, day_label
from tipbrief.common.words import sentence_words, word_set
from tipbrief.facts.reference import Reference, Row


@dataclass(frozen=True, slots=True)
class Candidate:
    """One reference row an expression may denote (a summit, a meeting, a term of office)."""

    key: str
    label: str
    earliest: date | None
    latest: date | None
    reference: str
    url: str
    city: str | None = None
    country: str | None = None


@dataclass(frozen=True, slots=True)
class NameMatcher:
    """Finds any of a set of names (longest first, whole words) and maps each to its row."""

    pattern: re.Pattern[str] | None
    rows: dict[str, Row]
    first_words: frozenset[str] = frozenset()
    """Case-folded first words of the names: a sentence with none of them is skipped unscanned."""
    last_words: frozenset[str] = frozenset()
    """Case-folded last words of the names: the same test at the other end ("ASEAN" begins many
    names and most sentences; "AMMTC" or "Crime" ends few)."""
    _found: dict[str, tuple[tuple[int, int, Row], ...]] = field(
        default_factory=dict, compare=False, hash=False, repr=False
    )
    """Matches per text already scanned: extraction asks about the same sentence several times.
    (Kept here, not in an lru_cache keyed by the pattern, since hashing a compiled pattern hashes
    its whole program on every call.)"""

    def find(self, text: str) -> tuple[tuple[int, int, Row], ...]:
        found = self._found.get(text)
        if found is None:
            if len(self._found) >= _REMEMBERED:
                self._found.clear()
            found = self._found[text] = self._scan(text)
        return found

    def _scan(self, text: str) -> tuple[tuple[int, int, Row], ...]:
        if self.pattern is None:
            return ()
        words = sentence_words(text)
        if (self.first_words and self.first_words.isdisjoint(words)) or (
            self.last_words and self.last_words.isdisjoint(words)
        ):
            return ()
        return tuple(
            (m.start(), m.end(), self.rows[m.group().casefold()]) for m in self.pattern.finditer(text)
        )


ASEAN_SPELT_OUT = r"Association\s+of\s+(?:the\s+)?South(?:\s+|-)?[Ee]ast\s+Asian\s+Nations['’]?"
"""ASEAN's name spelt out, as wire copy writes it on first mention."""
ASEAN_SPELT_OUT_TAGGED = rf"{ASEAN_SPELT_OUT}(?:\s*\(ASEAN\))?"
"""The name spelt out, with the acronym in brackets it may carry ("… Nations (ASEAN) Convention")."""

_REMEMBERED = 4096
"""Texts a matcher remembers: more than the sentences of any one article."""


def compile_names(
    rows: tuple[Row, ...], *columns: str, case_sensitive_upto: int = 5, plural: bool = False
) -> NameMatcher:
    """Short all-capital names (acronyms) match case-sensitively; longer names ignore case. With
    ``plural``, a name may end in "s" ("the Bali Process ministerial conferences")."""
    table: dict[str, Row] = {}
    for row in rows:
        for name in row.names(*columns):
            table.setdefault(name.casefold(), row)
    if not table:
        return NameMatcher(None, {})
    names = sorted({n for row in rows for n in row.names(*columns)}, key=lambda n: (-len(n), n))
    parts = []
    for name in names:
        # ("Counter-Trafficking" and "Counter Trafficking": a hyphen and a space stand for each other.)
        escaped = re.escape(name).replace(r"\ ", r"(?:\s+|-)").replace(r"\-", r"(?:\s+|-)")
        # ("ASEAN's Convention Against Trafficking in Persons": the possessive is the same name.)
        # (Wire copy spells the name out: "the 8th Association of Southeast Asian Nations
        # Ministerial Meeting on Transnational Crime", "… Nations (ASEAN) Convention …".)
        escaped = escaped.replace(
            r"ASEAN(?:\s+|-)", rf"(?:ASEAN(?:['’]s)?|{ASEAN_SPELT_OUT_TAGGED})(?:\s+|-)"
        )
        # ("the KL Declaration on ASEAN 2025": Malaysian copy shortens the city in a name.)
        escaped = escaped.replace(
            r"Kuala(?:\s+|-)Lumpur(?:\s+|-)", r"(?:Kuala(?:\s+|-)Lumpur|(?-i:KL))(?:\s+|-)"
        )
        if name.isupper() and len(name) <= case_sensitive_upto:
            parts.append(rf"(?-i:{escaped})")
        else:
            parts.append(escaped + ("s?" if plural and name[-1:].isalpha() else ""))
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", re.IGNORECASE)
    # A name's first word equals the text's word where a match starts, because matches start and
    # end at word boundaries: a text without any first word is skipped unscanned.
    firsts = frozenset(w for n in names for w in word_set(n)[:1]) | (
        {"kl"} if any(_KUALA_LUMPUR.match(n) for n in names) else set()
    )
    lasts = frozenset(w + end for n in names for w in word_set(n)[-1:] for end in ("", "s")[: 1 + plural])
    # A matched variant with different spacing still maps to its row by its case-folded text.
    return NameMatcher(pattern, _SpacingTolerant(table), firsts, lasts)


_KUALA_LUMPUR = re.compile(r"Kuala[\s-]+Lumpur[\s-]+\w", re.IGNORECASE)


def _spacing_key(name: str) -> str:
    """A name case-folded, its hyphens read as spaces and its spaces collapsed; "KL" before more of
    the name is "Kuala Lumpur"."""
    name = re.sub(rf"(?i:\b{ASEAN_SPELT_OUT_TAGGED})", "asean", name)
    name = re.sub(r"^(?i:KL)(?=[\s-]+\w)", "Kuala Lumpur", name)
    return " ".join(re.sub(r"\basean['’]s\b", "asean", name.casefold()).replace("-", " ").split())


class _SpacingTolerant(dict[str, Row]):
    """Rows by case-folded name; a matched variant with other spacing, a hyphen for a space or a
    space for a hyphen, "ASEAN's" for "ASEAN", or a plural "s" where the matcher allows one
    ("conferences" is the series "… Conference"), maps to the same row."""

    def __init__(self, table: dict[str, Row]) -> None:
        super().__init__(table)
        self._loose: dict[str, Row] = {}
        for name, row in table.items():
            self._loose.setdefault(_spacing_key(name), row)

    def __missing__(self, key: str) -> Row:
        loose = _spacing_key(key)
        row = self._loose.get(loose) or self._loose.get(loose[:-1])
        if row is None:
            raise KeyError(key)
        return row


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Everything extraction needs from reference data, compiled once per build."""

    reference: Reference
    places: NameMatcher
    bodies: NameMatcher
    instruments: NameMatcher
    programmes: NameMatcher
    reports: NameMatcher
    offices: NameMatcher
    office_titles: NameMatcher
    series: NameMatcher
    outlets: dict[str, str]
    _summits_by_city: dict[str, tuple[Candidate, ...]] = field(
        default_factory=dict, compare=False, hash=False, repr=False
    )
    """Every summit under each case-folded name of its host city, filled on first use."""
    _adjectives: dict[str, str] = field(default_factory=dict, compare=False, hash=False, repr=False)
    """Each country's adjectives ("Lao", "Thai"), filled on first use."""

    def country_of(self, row: Row) -> str:
        return row.get("country") or row.get("name")

    def report_edition(self, report: Row, edition: int) -> Row | None:
        """The row of the report's edition of that year, if the reference data has it."""
        return next(
            (
                r
                for r in self.reference.rows("reports")
                if r.get("report") == report.get("report") and r.get("edition") == str(edition)
            ),
            None,
        )

    def summits_numbered(self, number: int) -> tuple[Candidate, ...]:
        return tuple(
            self._summit(r) for r in self.reference.rows("summits") if r.get("number").strip() == str(number)
        )

    def summits_in(self, city: str) -> tuple[Candidate, ...]:
        if not self._summits_by_city:
            by_city: dict[str, list[Candidate]] = {}
            for r in self.reference.rows("summits"):
                place = self.place_row(r.get("city"))
                names = {
                    n.casefold() for n in (place.names("name", "aliases") if place else (r.get("city"),))
                }
                for name in names:
                    by_city.setdefault(name, []).append(self._summit(r))
            self._summits_by_city.update({k: tuple(v) for k, v in by_city.items()})
            # A sentinel entry keeps a table with no summits from being rebuilt on every call.
            self._summits_by_city[""] = ()
        return self._summits_by_city.get(city.casefold(), ())

    def _summit(self, r: Row) -> Candidate:
        lo, hi = r.interval()
        number = r.get("number")
        # A summit held in parts (the 14th: Cha-am, then Pattaya) has a row, and a key, per part, so
        # that a text naming neither part is read as one of them, never as the last one listed.
        parts = [p for p in self.reference.rows("summits") if p.get("number") == number]
        part = f"@{r.get('start')}" if len(parts) > 1 else ""
        return Candidate(
            key=f"summit-{number}{part}",
            label=f"{ordinal(int(number))} ASEAN Summit ({r.get('city')}, {_span_label(lo, hi)})",
            earliest=lo,
            latest=hi,
            reference=r.origin,
            url=r.source,
            city=r.get("city") or None,
            country=r.get("country") or None,
        )

    def country_of_adjective(self, word: str) -> str | None:
        """The country an adjective names ("Lao", "Thai", "Philippine"), from places.csv."""
        if not self._adjectives:
            self._adjectives.update(
                (a, r.get("name"))
                for r in self.reference.rows("places")
                if r.get("kind") == "country"
                for a in r.names("adjectives")
            )
            self._adjectives[""] = ""  # (a sentinel: a table with no adjectives is read once)
        return self._adjectives.get(word) or None

    def place_row(self, name: str) -> Row | None:
        found = self.places.find(name)
        return found[0][2] if found and found[0][0] == 0 and found[0][1] == len(name) else None

    def meetings_numbered(self, series_row: Row, number: int) -> tuple[Candidate, ...]:
        """A numbered meeting of a series: its own row when known, else between the meetings on record."""
        series = series_row.get("series")
        rows = [
            r
            for r in self.reference.rows("meetings")
            if r.get("series") == series and r.get("number").strip() == str(number)
        ]
        name = f"{ordinal(number)} {series}"
        if rows:
            out = []
            for r in rows:
                lo, hi = r.interval()
                out.append(
                    Candidate(
                        f"{series}-{number}",
                        f"{name} ({r.get('city')}, {_span_label(lo, hi)})",
                        lo,
                        hi,
                        r.origin,
                        r.source,
                        r.get("city") or None,
                        r.get("country") or None,
                    )
                )
            return tuple(out)
        return (self._between_known(series_row, number, name),)

    def _between_known(self, series_row: Row, number: int, name: str) -> Candidate:
        """A numbered meeting without a row of its own: after the series began and after the
        nearest earlier meeting on record, before the nearest later one. A cadence would give a
        year, but series skip years and change pace (the AMMTC went from every two years to every
        year), so an estimate from it could exclude the truth; an open side is left open."""
        series = series_row.get("series")
        first = series_row.get("first_year")
        lo = date(int(first), 1, 1) if first.isdigit() else None
        hi: date | None = None
        after = before = ""
        for r in self.reference.rows("meetings"):
            known = r.get("number").strip()
            if r.get("series") != series or not known.isdigit():
                continue
            r_lo, r_hi = r.interval()
            if int(known) < number and r_hi is not None and (lo is None or r_hi >= lo):
                lo, after = (
                    r_hi + timedelta(days=1),
                    f"after the {ordinal(int(known))} ({_span_label(r_lo, r_hi)})",
                )
            if int(known) > number and r_lo is not None and (hi is None or r_lo <= hi):
                hi, before = (
                    r_lo - timedelta(days=1),
                    f"before the {ordinal(int(known))} ({_span_label(r_lo, r_hi)})",
                )
        began = f"the series began in {first}" if first.isdigit() else ""
        why = "; ".join(x for x in (after or began, before) if x) or "no meeting of the series on record"
        return Candidate(
            f"{series}-{number}", f"{name} ({why})", lo, hi, series_row.origin, series_row.source
        )

    def act_rows(self, instrument: str, act: str, party: str) -> tuple[Row, ...]:
        """Recorded acts on an instrument: a party's deposit of its instrument of ratification, the
        instrument's entry into force (acts.csv)."""
        return tuple(
            r
            for r in self.reference.rows("acts")
            if r.get("instrument") == instrument and r.get("act") == act and r.get("party") == party
        )

    def chairmanships(self, country: str) -> tuple[Candidate, ...]:
        """The years a country chaired ASEAN (chairs.csv), each a candidate for "under X's chairmanship"."""
        out = []
        for r in self.reference.rows("chairs"):
            year = r.get("year")
            if r.get("country") == country and year.isdigit():
                out.append(
                    Candidate(
                        f"chair-{year}",
                        f"ASEAN chairmanship of {country} ({year})",
                        date(int(year), 1, 1),
                        date(int(year), 12, 31),
                        r.origin,
                        r.source,
                    )
                )
        return tuple(out)


def _span_label(lo: date | None, hi: date | None) -> str:
    if lo and hi and lo == hi:
        return day_label(lo)
    if lo and hi and (lo.year, lo.month) == (hi.year, hi.month):
        return f"{lo.day}–{hi.day} {MONTH_NAMES[lo.month - 1]} {lo.year}"
    if lo and hi:
        return f"{lo.isoformat()} to {hi.isoformat()}"
    return "dates unknown"


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def build_gazetteer(reference: Reference) -> Gazetteer:
    return Gazetteer(
        reference=reference,
        places=compile_names(reference.rows("places"), "name", "aliases"),
        bodies=compile_names(reference.rows("bodies"), "short", "long", "aliases", case_sensitive_upto=12),
        instruments=compile_names(
            reference.rows("instruments"), "name", "acronym", "aliases", case_sensitive_upto=8
        ),
        programmes=compile_names(
            reference.rows("programmes"), "name", "acronym", "aliases", case_sensitive_upto=10
        ),
        reports=compile_names(reference.rows("reports"), "report", "aliases", case_sensitive_upto=6),
        offices=compile_names(reference.rows("offices"), "person", "aliases"),
        office_titles=compile_names(reference.rows("offices"), "office", "office_aliases"),
        series=compile_names(
            reference.rows("series"), "series", "name", "aliases", case_sensitive_upto=8, plural=True
        ),
        outlets={r.get("signoff"): r.get("name") for r in reference.rows("outlets") if r.get("signoff")},
    )
