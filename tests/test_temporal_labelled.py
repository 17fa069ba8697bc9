"""tipbrief finds exactly the labelled temporal expressions, with the labelled intervals."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from tipbrief.facts.temporal import expressions
from tipbrief.facts.temporal.expressions import extract_temporals
from tipbrief.facts.temporal.intervals import anchored_interval

FIXTURE = Path(__file__).parent / "fixtures" / "temporal" / "labelled.yaml"


def read_cases(path: Path) -> list[Any]:
    """One pytest param per labelled sentence, named after its line in the fixture file."""
    source = path.read_text(encoding="utf-8")
    lines = [item.start_mark.line + 1 for item in getattr(yaml.compose(source), "value", [])]
    params = []
    for line, case in zip(lines, yaml.safe_load(source), strict=True):
        marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if case.get("xfail") else []
        params.append(pytest.param(case, id=f"{path.name}:{line}", marks=marks))
    return params


CASES = read_cases(FIXTURE)


def found_by_tipbrief(case: dict[str, Any]) -> list[tuple[str, date | None, date | None]]:
    out = []
    for t in extract_temporals(case["text"]):
        interval, _ = anchored_interval(t, (case["dct"], case["dct"]), case.get("tense", "past"))
        lo, hi = interval if interval else (None, None)
        out.append((t.text, lo, hi))
    return out


@pytest.mark.parametrize("case", CASES)
def test_labelled_sentence(case: dict[str, Any]) -> None:
    expected = [(e["text"], e.get("earliest"), e.get("latest")) for e in case.get("expect") or []]
    assert found_by_tipbrief(case) == expected


def test_fixture_is_consistent() -> None:
    """Every labelled text and look-alike occurs in its sentence, in order, and never on an expected span."""
    cases = [p.values[0] for p in CASES]
    assert len(cases) >= 60
    for case in cases:
        text = case["text"]
        assert isinstance(case["dct"], date)
        assert case.get("tense", "past") in ("past", "future")
        spans = []
        after = 0
        for e in case.get("expect") or []:
            start = text.find(e["text"], after)
            assert start >= 0, e["text"]
            after = start + len(e["text"])
            spans.append((start, after))
            lo, hi = e.get("earliest"), e.get("latest")
            assert lo is None or hi is None or lo <= hi
        for phrase in case.get("lookalikes") or []:
            start = text.find(phrase)
            assert start >= 0, phrase
            assert not any(start < b and a < start + len(phrase) for a, b in spans), phrase


def test_fixture_covers_look_alikes() -> None:
    """The set keeps enough sentences whose only numbers are not dates."""
    only_lookalikes = [
        p.values[0] for p in CASES if not p.values[0].get("expect") and p.values[0].get("lookalikes")
    ]
    assert len(only_lookalikes) >= 20


def test_every_alternative_has_its_reader_in_the_same_order() -> None:
    # The alternatives' order is their priority; a reader out of step would read another's match.
    assert tuple(expressions._READERS) == tuple(name for name, _ in expressions._PATTERNS)
