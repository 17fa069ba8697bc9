"""Build the fact base: corpus → extract → resolve, the one entry point the briefs use."""

from __future__ import annotations

from pathlib import Path

from tipbrief.model import FactBase


def build_fact_base(seeds: Path, project: Path | None = None) -> FactBase:
    """Read every article under ``seeds`` and return the resolved fact base.

    ``project`` is the project folder holding optional ``reference/*.csv`` rows and
    ``overrides.yaml``; it defaults to the parent of ``seeds``.
    """
    raise NotImplementedError("fact base: in progress (issue #2)")
