"""Measure the fact base's events against an analyst's held-out list (tests/fixtures/heldout_articles)."""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from benchmarks.scoring import interval_text, ratio
from tipbrief.build.factbase import build_fact_base
from tipbrief.facts.model import Event, FactBase

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "tests" / "fixtures" / "heldout_articles"
REPORT = ROOT / "build" / "eval-facts.json"


@dataclass(frozen=True, slots=True)
class ExpectedEvent:
    """One event the analyst extracts from one article."""

    article: str
    kind: str
    keywords: tuple[str, ...]
    """The title must contain one of these (case-insensitive)."""
    earliest: date
    latest: date
    place: str


@dataclass(frozen=True, slots=True)
class Outcome:
    """How the fact base did on one expected event."""

    expected: ExpectedEvent
    event: Event | None
    """The tool's event that best matches it, if any."""

    @property
    def found(self) -> bool:
        return self.event is not None

    @property
    def date_exact(self) -> bool:
        e = self.event
        return e is not None and (e.date.earliest, e.date.latest) == (
            self.expected.earliest,
            self.expected.latest,
        )

    @property
    def date_contains(self) -> bool:
        """The gold interval lies within the tool's (an unbounded side contains everything)."""
        e = self.event
        if e is None:
            return False
        lo, hi = e.date.earliest, e.date.latest
        return (lo is None or lo <= self.expected.earliest) and (hi is None or self.expected.latest <= hi)

    @property
    def place_right(self) -> bool:
        e = self.event
        return (
            e is not None
            and e.place is not None
            and e.place.name.casefold() == self.expected.place.casefold()
        )


def parse_expected(source: str) -> tuple[ExpectedEvent, ...]:
    """Pure: the expected events of an ``expected.yaml`` text, in file order."""
    out = []
    for entry in yaml.safe_load(source) or []:
        for raw in entry.get("events") or []:
            keyword = raw["keyword"]
            keywords = tuple(keyword) if isinstance(keyword, list) else (keyword,)
            out.append(
                ExpectedEvent(
                    entry["article"],
                    raw["kind"],
                    tuple(str(k) for k in keywords),
                    raw["earliest"],
                    raw["latest"],
                    raw["place"],
                )
            )
    return tuple(out)


def event_articles(facts: FactBase) -> dict[str, frozenset[str]]:
    """Each event id and the file names of the articles it was extracted from."""
    names = {d.id: Path(d.path).name for d in facts.documents}
    return {e.id: frozenset(names.get(s.document, s.document) for s in e.sources) for e in facts.events}


def _matches(event: Event, expected: ExpectedEvent, articles: frozenset[str]) -> bool:
    title = event.title.casefold()
    return (
        expected.article in articles
        and event.kind.casefold() == expected.kind.casefold()
        and any(k.casefold() in title for k in expected.keywords)
    )


def score_events(
    facts: FactBase, expected: Sequence[ExpectedEvent]
) -> tuple[tuple[Outcome, ...], tuple[Event, ...]]:
    """Pure: each expected event paired one-to-one with its best candidate, and the events nobody expected.

    A candidate is an event of the expected kind, extracted from the expected article, whose
    title contains a keyword. Among several, the one with the right date, then the right place,
    wins; an event serves one expected event only, so duplicates show up as spurious.
    """
    sources = event_articles(facts)
    claimed: set[str] = set()
    outcomes = []
    for gold in expected:
        candidates = [
            e
            for e in facts.events
            if e.id not in claimed and _matches(e, gold, sources.get(e.id, frozenset()))
        ]
        ranked = sorted(
            (Outcome(gold, e) for e in candidates),
            key=lambda o: (
                not o.date_exact,
                not o.date_contains,
                not o.place_right,
                o.event.id if o.event else "",
            ),
        )
        best = ranked[0] if ranked else Outcome(gold, None)
        if best.event is not None:
            claimed.add(best.event.id)
        outcomes.append(best)
    spurious = tuple(e for e in facts.events if e.id not in claimed)
    return tuple(outcomes), spurious


def _mark(ok: bool) -> str:
    return "yes" if ok else "NO"


COLUMNS = (
    "article",
    "kind",
    "keyword",
    "expected",
    "got",
    "place (got)",
    "found",
    "date exact",
    "date contains",
    "place",
)


def render_table(outcomes: Sequence[Outcome]) -> str:
    head = "| " + " | ".join(COLUMNS) + " |"
    rule = "|" + "|".join("---" for _ in COLUMNS) + "|"
    body = []
    for o in outcomes:
        g, e = o.expected, o.event
        got = interval_text(e.date.earliest, e.date.latest) if e else "–"
        place = (e.place.name if e.place else "none") if e else "–"
        body.append(
            f"| {g.article} | {g.kind} | {' / '.join(g.keywords)} | {interval_text(g.earliest, g.latest)} "
            f"| {got} | {place} | {_mark(o.found)} | {_mark(o.date_exact)} | {_mark(o.date_contains)} "
            f"| {_mark(o.place_right)} |"
        )
    return "\n".join([head, rule, *body])


def summarise(outcomes: Sequence[Outcome], spurious: Sequence[Event]) -> dict[str, Any]:
    n = len(outcomes)
    found = sum(o.found for o in outcomes)

    return {
        "expected": n,
        "found": found,
        "date_exact": sum(o.date_exact for o in outcomes),
        "date_contains": sum(o.date_contains for o in outcomes),
        "place_right": sum(o.place_right for o in outcomes),
        "spurious": len(spurious),
        "recall": ratio(found, n),
        "precision": ratio(found, found + len(spurious)),
        "date_exact_rate": ratio(sum(o.date_exact for o in outcomes), n),
        "date_contains_rate": ratio(sum(o.date_contains for o in outcomes), n),
        "place_rate": ratio(sum(o.place_right for o in outcomes), n),
    }


def _event_json(e: Event) -> dict[str, Any]:
    return {
        "id": e.id,
        "kind": e.kind,
        "title": e.title,
        "earliest": e.date.earliest.isoformat() if e.date.earliest else None,
        "latest": e.date.latest.isoformat() if e.date.latest else None,
        "label": e.date.label,
        "place": e.place.name if e.place else None,
    }


def main() -> None:
    expected = parse_expected((ARTICLES / "expected.yaml").read_text(encoding="utf-8"))
    started = time.perf_counter()
    facts = build_fact_base(ARTICLES, project=ARTICLES)
    elapsed = time.perf_counter() - started
    outcomes, spurious = score_events(facts, expected)
    summary = summarise(outcomes, spurious)
    articles = sorted({g.article for g in expected})
    print(f"{len(articles)} articles, {len(expected)} expected events, ", end="")
    print(f"{len(facts.events)} events in the fact base\n")
    print(render_table(outcomes))
    print(
        f"\nfound {summary['found']}/{summary['expected']}, date exact {summary['date_exact']}, "
        f"date contains {summary['date_contains']}, place right {summary['place_right']}, "
        f"spurious {summary['spurious']} (fact base built in {elapsed:.2f} s)"
    )
    sources = event_articles(facts)
    for e in spurious:
        where = ", ".join(sorted(sources.get(e.id, frozenset())))
        print(f"  spurious: {e.kind} {e.title!r} {interval_text(e.date.earliest, e.date.latest)} ({where})")
    report = {
        "articles": ARTICLES.relative_to(ROOT).as_posix(),
        "summary": summary,
        "seconds": round(elapsed, 3),
        "outcomes": [
            {
                "article": o.expected.article,
                "kind": o.expected.kind,
                "keywords": list(o.expected.keywords),
                "expected": {
                    "earliest": o.expected.earliest.isoformat(),
                    "latest": o.expected.latest.isoformat(),
                    "place": o.expected.place,
                },
                "got": _event_json(o.event) if o.event else None,
                "found": o.found,
                "date_exact": o.date_exact,
                "date_contains": o.date_contains,
                "place_right": o.place_right,
            }
            for o in outcomes
        ],
        "spurious": [
            {**_event_json(e), "articles": sorted(sources.get(e.id, frozenset()))} for e in spurious
        ],
        "problems": [str(p) for p in facts.problems],
    }
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {REPORT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
