"""Measure how well tipbrief finds and dates temporal expressions, against dateparser and datefinder."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from benchmarks.scoring import locate, ratio
from tipbrief.facts.temporal.expressions import Tense, extract_temporals
from tipbrief.facts.temporal.intervals import anchored_interval

ROOT = Path(__file__).resolve().parent.parent
SETS = ROOT / "tests" / "fixtures" / "temporal"
LABELLED = SETS / "labelled.yaml"
REPORT = ROOT / "build" / "eval-dates.json"
# What each known set is for; any other *.yaml in SETS is evaluated too, under its own name.
ROLES = {"labelled": "development set", "heldout": "held-out set"}


@dataclass(frozen=True, slots=True)
class Expected:
    """A labelled expression: where it is in the sentence and the interval it denotes."""

    text: str
    start: int
    end: int
    earliest: date | None
    latest: date | None


@dataclass(frozen=True, slots=True)
class Case:
    """One labelled sentence."""

    line: int
    text: str
    dct: date
    tense: Tense
    expected: tuple[Expected, ...]
    lookalikes: tuple[tuple[int, int], ...]
    xfail: str | None


@dataclass(frozen=True, slots=True)
class Found:
    """An expression a system found, with the interval it gives (a peer gives one day)."""

    start: int
    end: int
    text: str
    earliest: date | None
    latest: date | None


def parse_labelled(source: str) -> tuple[Case, ...]:
    """Pure: the cases of a labelled file; a case naming text its sentence lacks is an error."""
    lines = [item.start_mark.line + 1 for item in getattr(yaml.compose(source), "value", [])]
    cases: list[Case] = []
    for line, raw in zip(lines, yaml.safe_load(source) or [], strict=True):
        text = raw["text"]
        expected: list[Expected] = []
        after = 0
        for e in raw.get("expect") or []:
            start = locate(text, e["text"], after, f"line {line}")
            after = start + len(e["text"])
            expected.append(Expected(e["text"], start, after, e.get("earliest"), e.get("latest")))
        looks = []
        for phrase in raw.get("lookalikes") or []:
            start = locate(text, phrase, 0, f"line {line}")
            looks.append((start, start + len(phrase)))
        cases.append(
            Case(
                line,
                text,
                raw["dct"],
                raw.get("tense", "past"),
                tuple(expected),
                tuple(looks),
                raw.get("xfail"),
            )
        )
    return tuple(cases)


def load_labelled(path: Path = LABELLED) -> tuple[Case, ...]:
    return parse_labelled(path.read_text(encoding="utf-8"))


# --- the systems ---------------------------------------------------------------------------


def find_tipbrief(case: Case) -> tuple[Found, ...]:
    """tipbrief's expressions, each resolved against the article's date in the sentence's tense."""
    out = []
    for t in extract_temporals(case.text):
        interval, _ = anchored_interval(t, (case.dct, case.dct), case.tense)
        lo, hi = interval if interval else (None, None)
        out.append(Found(t.start, t.end, t.text, lo, hi))
    return tuple(out)


def _base(case: Case) -> datetime:
    return datetime(case.dct.year, case.dct.month, case.dct.day)


def find_dateparser(case: Case) -> tuple[Found, ...]:
    from dateparser.search import search_dates

    settings = {
        "RELATIVE_BASE": _base(case),
        "PREFER_DATES_FROM": "future" if case.tense == "future" else "past",
    }
    found = search_dates(case.text, languages=["en"], settings=settings) or []
    out = []
    after = 0
    # search_dates gives substrings without offsets: find each after the previous one.
    for text, when in found:
        start = case.text.find(text, after)
        if start < 0:
            start = case.text.find(text)
        after = start + len(text)
        out.append(Found(start, start + len(text), text, when.date(), when.date()))
    return tuple(out)


def find_datefinder(case: Case) -> tuple[Found, ...]:
    import datefinder

    out = []
    for when, text, (start, end) in datefinder.find_dates(
        case.text, source=True, index=True, base_date=_base(case)
    ):
        out.append(Found(start, end, text, when.date(), when.date()))
    return tuple(out)


SYSTEMS: dict[str, Callable[[Case], tuple[Found, ...]]] = {
    "tipbrief": find_tipbrief,
    "dateparser": find_dateparser,
    "datefinder": find_datefinder,
}


# --- scoring -------------------------------------------------------------------------------


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _value_right(found: Found, gold: Expected, exact: bool) -> bool:
    """tipbrief must give the gold interval itself; a peer's single day must lie inside it."""
    if exact:
        return (found.earliest, found.latest) == (gold.earliest, gold.latest)
    day = found.earliest
    if day is None:
        return False
    return (gold.earliest is None or gold.earliest <= day) and (gold.latest is None or day <= gold.latest)


def score(name: str, cases: Sequence[Case], finder: Callable[[Case], tuple[Found, ...]]) -> dict[str, Any]:
    """Span precision and recall (overlap and exact), value accuracy, look-alike false positives."""
    exact_values = name == "tipbrief"
    finder(cases[0])  # a warm-up call, so lazy loading is not counted as work
    found_n = correct = exact_found = gold_n = gold_hit = gold_exact = 0
    valued = value_right = lookalike_fp = errors = 0
    details = []
    started = time.perf_counter()
    results: list[tuple[Case, tuple[Found, ...], str | None]] = []
    for case in cases:
        try:
            results.append((case, finder(case), None))
        except Exception as err:  # a peer crashing on a sentence counts as finding nothing there
            results.append((case, (), f"{type(err).__name__}: {err}"))
    elapsed = time.perf_counter() - started
    for case, found, error in results:
        errors += error is not None
        spans = [(e.start, e.end) for e in case.expected]
        rows = []
        for f in found:
            hits = [e for e in case.expected if _overlaps((f.start, f.end), (e.start, e.end))]
            found_n += 1
            correct += bool(hits)
            exact_found += any((e.start, e.end) == (f.start, f.end) for e in hits)
            on_lookalike = any(_overlaps((f.start, f.end), la) for la in case.lookalikes)
            lookalike_fp += on_lookalike and not hits
            right = None
            if hits and (hits[0].earliest or hits[0].latest):
                valued += 1
                right = _value_right(f, hits[0], exact_values)
                value_right += right
            rows.append(
                {**_jsonable(asdict(f)), "matches": hits[0].text if hits else None, "value_right": right}
            )
        gold_n += len(spans)
        gold_hit += sum(any(_overlaps((f.start, f.end), s) for f in found) for s in spans)
        gold_exact += sum(any((f.start, f.end) == s for f in found) for s in spans)
        details.append({"line": case.line, "text": case.text, "found": rows, "error": error})
    lookalikes = sum(len(c.lookalikes) for c in cases)
    precision, recall = ratio(correct, found_n), ratio(gold_hit, gold_n)
    return {
        "system": name,
        "sentences": len(cases),
        "found": found_n,
        "expected": gold_n,
        "precision": precision,
        "recall": recall,
        "f1": round(2 * precision * recall / (precision + recall), 3) if precision and recall else None,
        "exact_precision": ratio(exact_found, found_n),
        "exact_recall": ratio(gold_exact, gold_n),
        "value_accuracy": ratio(value_right, valued),
        "value_rule": "interval equals gold" if exact_values else "day inside gold interval",
        "lookalikes": lookalikes,
        "lookalike_false_positives": lookalike_fp,
        "errors": errors,
        "seconds": round(elapsed, 4),
        "ms_per_sentence": round(1000 * elapsed / len(cases), 3),
        "details": details,
    }


def _jsonable(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in row.items()}


def _cell(value: object) -> str:
    if value is None:
        return "–"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def render_table(results: Sequence[dict[str, Any]]) -> str:
    columns = (
        ("system", "system"),
        ("precision", "P (overlap)"),
        ("recall", "R (overlap)"),
        ("f1", "F1"),
        ("exact_precision", "P (exact)"),
        ("exact_recall", "R (exact)"),
        ("value_accuracy", "value acc."),
        ("lookalike_false_positives", "FP on look-alikes"),
        ("ms_per_sentence", "ms/sentence"),
    )
    head = "| " + " | ".join(title for _, title in columns) + " |"
    rule = "|" + "|".join("---" for _ in columns) + "|"
    body = ["| " + " | ".join(_cell(r.get(key)) for key, _ in columns) + " |" for r in results]
    return "\n".join([head, rule, *body])


def evaluate_set(cases: Sequence[Case]) -> tuple[list[dict[str, Any]], list[str]]:
    """Every available system scored on one set; peers that are not installed are listed apart."""
    results = []
    skipped = []
    for name, finder in SYSTEMS.items():
        try:
            results.append(score(name, cases, finder))
        except ImportError as err:  # peers are an optional extra ("peers" in pyproject)
            skipped.append(f"{name}: {err}")
    return results, skipped


def set_paths(folder: Path = SETS) -> list[Path]:
    """The labelled sets in ``folder``: known roles first (development, then held-out), then the rest."""
    order = list(ROLES)
    return sorted(
        folder.glob("*.yaml"),
        key=lambda p: (order.index(p.stem) if p.stem in order else len(order), p.name),
    )


def main() -> None:
    report: dict[str, Any] = {"sets": {}}
    for path in set_paths():
        cases = load_labelled(path)
        results, skipped = evaluate_set(cases)
        expected = sum(len(c.expected) for c in cases)
        lookalikes = sum(len(c.lookalikes) for c in cases)
        role = ROLES.get(path.stem, "extra set")
        print(f"## {path.stem} ({role}): {len(cases)} sentences, ", end="")
        print(f"{expected} expected expressions, {lookalikes} look-alikes\n")
        print(render_table(results))
        for line in skipped:
            print(f"\nskipped {line} (install the extra: pip install -e '.[peers]')")
        print()
        report["sets"][path.stem] = {
            "file": path.relative_to(ROOT).as_posix(),
            "role": role,
            "sentences": len(cases),
            "expected": expected,
            "lookalikes": lookalikes,
            "systems": results,
        }
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {REPORT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
