"""Fixtures several test modules share: the seeds' fact base, and the check against golden files."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tipbrief.facts.factjson import fact_base_from_dict
from tipbrief.facts.model import FactBase

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
REGENERATE = os.environ.get("TIPBRIEF_REGENERATE_GOLDEN") == "1"
"""TIPBRIEF_REGENERATE_GOLDEN=1 rewrites tests/golden/ from the current templates: review the diff."""


@pytest.fixture(scope="session")
def facts() -> FactBase:
    """The seeds' fact base as tests/fixtures/facts-seeds.json has it (frozen, so shared)."""
    return fact_base_from_dict(
        json.loads((ROOT / "tests" / "fixtures" / "facts-seeds.json").read_text(encoding="utf-8"))
    )


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if REGENERATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.is_file(), f"{path} is missing: run with TIPBRIEF_REGENERATE_GOLDEN=1 and review it"
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from its golden file"


@pytest.fixture(scope="session")
def golden() -> Callable[[str, str], None]:
    """``golden(name, text)``: text must equal tests/golden/NAME (rewritten when regenerating)."""
    return check_golden
