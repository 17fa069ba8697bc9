"""Build the fact base: corpus → extract → resolve, the one entry point the briefs use."""

from __future__ import annotations

from pathlib import Path

from tipbrief.corpus import load_corpus
from tipbrief.extract import Extraction, extract_article
from tipbrief.gazetteer import build_gazetteer
from tipbrief.model import Document, FactBase, Problem
from tipbrief.overrides import apply_overrides, load_overrides
from tipbrief.reference import load_reference
from tipbrief.resolve import merge_glossary, resolve_events, resolve_mentions


def build_fact_base(seeds: Path, project: Path | None = None) -> FactBase:
    """Read every article under ``seeds`` and return the resolved fact base.

    ``project`` is the project folder holding optional ``reference/*.csv`` rows and
    ``overrides.yaml``; it defaults to the parent of ``seeds``.
    """
    project = project if project is not None else seeds.resolve().parent
    reference = load_reference([project / "reference"])
    gazetteer = build_gazetteer(reference)
    documents: list[Document] = []
    extractions: list[Extraction] = []
    problems: list[Problem] = []
    for item in load_corpus(seeds, gazetteer.outlets):
        if isinstance(item, Problem):
            problems.append(item)
            continue
        # Keep the document without its cleaned paragraphs: only the extraction is needed later.
        documents.append(item.document)
        extractions.append(extract_article(item, gazetteer))
    events = resolve_events(extractions)
    events = apply_overrides(events, load_overrides(project / "overrides.yaml"))
    return FactBase(
        documents=tuple(documents),
        dates=resolve_mentions(extractions, events),
        events=events,
        glossary=merge_glossary(extractions),
        problems=tuple(problems),
    )
