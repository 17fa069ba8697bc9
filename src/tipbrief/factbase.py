"""Build the fact base: corpus → extract → resolve, the one entry point the briefs use.

Articles are streamed: one article's text is in memory at a time, and the documents kept in the
fact base carry no text (every quote a brief needs is already in its Span). With a cache, each
article's extraction is looked up by a hash of its bytes and of the reference data, so only new or
edited articles are extracted again.
"""

from __future__ import annotations

import hashlib
import pickle
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from tipbrief.cache import SCHEMA, Cache, code_key, digest, optional_file_key, reference_key
from tipbrief.corpus import MAX_ARTICLE_BYTES, document_id, iter_article_paths, load_article
from tipbrief.errors import BuildError
from tipbrief.model import Document, FactBase, Problem
from tipbrief.parallel import map_ordered

if TYPE_CHECKING:
    from tipbrief.extract import Extraction
    from tipbrief.gazetteer import Gazetteer

# The extract and resolve stages are imported where they run: a build whose briefs all come from
# the cache only scans and hashes the inputs, and never loads them.


@dataclass(frozen=True, slots=True)
class ArticleInput:
    """One article file and the hash of everything its extraction depends on."""

    path: Path
    key: str
    content: str
    """sha256 of the file's bytes when it was scanned."""


@dataclass(frozen=True, slots=True)
class CorpusInputs:
    """What a fact base is built from, hashed: articles, reference rows, overrides, code."""

    seeds: Path
    project: Path
    articles: tuple[ArticleInput, ...]
    key: str
    """Changes whenever any input of the fact base changes."""


@dataclass(frozen=True, slots=True)
class FactBaseBuild:
    """A fact base and how much of it had to be extracted again."""

    facts: FactBase
    extracted: int
    """Articles read and extracted in this run (the others came from the cache)."""


def scan_inputs(seeds: Path, project: Path | None = None) -> CorpusInputs:
    """Hash every input of the fact base without parsing any article (one file in memory at a time)."""
    project = project if project is not None else seeds.resolve().parent
    shared = digest("extraction", str(SCHEMA), code_key(), reference_key(project), seeds.resolve().name)
    articles = []
    for path in iter_article_paths(seeds):
        size = path.stat().st_size
        content = (
            f"over the limit: {size} bytes"
            if size > MAX_ARTICLE_BYTES
            else hashlib.sha256(path.read_bytes()).hexdigest()
        )
        sidecar = optional_file_key(path.with_suffix(".meta.yaml"))
        key = digest(shared, document_id(path, seeds), content, sidecar)
        articles.append(ArticleInput(path, key, content))
    overrides = optional_file_key(project / "overrides.yaml")
    key = digest("facts", shared, overrides, *(a.key for a in articles))
    return CorpusInputs(seeds, project, tuple(articles), key)


def assemble_fact_base(inputs: CorpusInputs, cache: Cache | None = None, jobs: int = 1) -> FactBaseBuild:
    """Extract each article (or take its extraction from ``cache``), then resolve across articles.

    Articles missing from the cache are extracted in up to ``jobs`` worker processes; the fact base
    is the same whatever ``jobs`` is. The default is this process alone: workers re-import the
    calling script, which a script without an ``if __name__ == "__main__"`` guard cannot bear, so
    callers that have one (the CLI, the benchmarks) ask for more.
    """
    from tipbrief.overrides import apply_overrides, load_overrides
    from tipbrief.resolve import collect_mentions, merge_glossary, resolve_events, resolve_mentions

    seeds, project = inputs.seeds, inputs.project
    found: list[Problem | tuple[Document, Extraction] | None] = [
        cache.get("extractions", item.key) if cache is not None else None for item in inputs.articles
    ]
    missing = [i for i, f in enumerate(found) if f is None]
    tasks = [(inputs.articles[i], seeds) for i in missing]
    extracted = map_ordered(_extract_pickled, tasks, jobs, initializer=_load_gazetteer, initargs=(project,))
    for i, data in zip(missing, extracted, strict=True):
        found[i] = pickle.loads(data)
        if cache is not None:
            item = inputs.articles[i]
            cache.put_pickled("extractions", item.key, item.path.relative_to(seeds).as_posix(), data)
    documents: list[Document] = []
    extractions: list[Extraction] = []
    problems: list[Problem] = []
    for article in found:
        assert article is not None
        if isinstance(article, Problem):
            problems.append(article)
            continue
        documents.append(article[0])
        extractions.append(article[1])
        problems.extend(article[1].warnings)
    events = resolve_events(extractions)
    events = apply_overrides(events, load_overrides(project / "overrides.yaml"))
    facts = FactBase(
        documents=tuple(documents),
        dates=resolve_mentions(extractions, events),
        events=events,
        glossary=merge_glossary(extractions),
        problems=tuple(problems),
        mentions=collect_mentions(extractions),
    )
    return FactBaseBuild(facts, len(missing))


# The gazetteer of the process that extracts (a worker's, or this one's): built once per process,
# and only when some article has to be extracted.
_gazetteer: Gazetteer | None = None


def _load_gazetteer(project: Path) -> None:
    global _gazetteer
    from tipbrief.gazetteer import build_gazetteer
    from tipbrief.reference import load_reference

    _gazetteer = build_gazetteer(load_reference([project / "reference"]))


def _extract_pickled(task: tuple[ArticleInput, Path]) -> bytes:
    """One article's extraction, pickled: the form the cache stores, and cheap to send back from a
    worker (the cache's pickler is faster than multiprocessing's for these dataclasses)."""
    from tipbrief.cache import dumps

    assert _gazetteer is not None
    item, seeds = task
    return dumps(_extract_one(item, seeds, _gazetteer))


def _extract_one(
    item: ArticleInput, seeds: Path, gazetteer: Gazetteer
) -> Problem | tuple[Document, Extraction]:
    from tipbrief.extract import extract_article

    loaded = load_article(item.path, seeds, gazetteer.outlets)
    # The result is cached under the key of the bytes scanned: never store what another text gave.
    if not isinstance(loaded, Problem) and hashlib.sha256(item.path.read_bytes()).hexdigest() != item.content:
        raise BuildError(f"{item.path}: the article changed during the build; build again")
    if isinstance(loaded, Problem):
        return loaded
    # The text is dropped: quotes live in the extraction's spans, so no stage needs it again.
    return replace(loaded.document, text=""), extract_article(loaded, gazetteer)


def build_fact_base(seeds: Path, project: Path | None = None, cache: Cache | None = None) -> FactBase:
    """Read every article under ``seeds`` and return the resolved fact base.

    ``project`` is the project folder holding optional ``reference/*.csv`` rows and
    ``overrides.yaml``; it defaults to the parent of ``seeds``.
    """
    return assemble_fact_base(scan_inputs(seeds, project), cache).facts
