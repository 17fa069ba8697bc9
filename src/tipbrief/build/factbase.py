"""Build the fact base: corpus → extract → resolve, the one entry point the briefs use.

Articles are streamed: one article's text is in memory at a time, and the documents kept in the
fact base carry no text (every quote a brief needs is already in its Span).

With a cache, a build is incremental and gives the fact base a build from scratch gives:

- Scanning hashes each article's bytes, its sidecar's, the reference data and the code into the
  article's key. A stat index (size, times, inode → sha256 of the bytes, as git's index) spares
  reading files whose stat has not changed since a scan that saw them settled; keys stay hashes
  of content.
- What an article gives the fact base (document, dates, mentions, glossary, problems) is kept
  under its key, its event candidates under their keys, and the resolved events by kind and place
  (see resolve.update_events). A build extracts only new or edited articles, groups again only the
  keys their candidates have, merges again only the buckets whose groups change, and resolves
  again only events whose candidates change; the rest is carried over as it was.
- That state lives in shards of the cache named by a hash of their content, listed by one root
  entry per corpus folder: a build reads the state one earlier build wrote, or starts afresh.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import stat
import time
import zlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field, replace
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tipbrief.build.cache import (
    SCHEMA,
    Cache,
    code_key,
    digest,
    dumps,
    dumps_columns,
    optional_file_key,
    reference_key,
)
from tipbrief.build.parallel import map_ordered, mapped_meanwhile, workers_for
from tipbrief.common.errors import BuildError, Problem
from tipbrief.facts.corpus import ARTICLE_SUFFIXES, MAX_ARTICLE_BYTES, load_article
from tipbrief.facts.model import DateMention, Document, FactBase, GlossaryEntry, Mention

if TYPE_CHECKING:
    from tipbrief.facts.extract.records import Extraction
    from tipbrief.facts.gazetteer import Gazetteer
    from tipbrief.facts.model import Event
    from tipbrief.facts.resolve.records import Bucket, BucketId, KeyedCandidate

# The extract and resolve stages are imported where they run: a build whose briefs all come from
# the cache only scans and hashes the inputs, and never loads them.

ARTICLE_SHARDS = 256
BUCKET_SHARDS = 64
KEY_SHARDS = 64
"""How many shards hold the articles' facts, the resolved events and the candidates: an edit
rewrites one shard of each, and a build reads every article and bucket shard and the key shards
it touches. Fixed, so that a shard's members never depend on how many articles there are."""
SETTLED_NS = 3_000_000_000
"""A file whose modification or change time is less than this (3 s) before a scan is hashed again
by the next scan: a write in the same clock tick as the one the index saw would leave its stat
unchanged. Three seconds covers the coarsest timestamps (FAT's two) and a lagging clock."""

Stamp = tuple[int, int, int, int, int]
"""A file's size, modification and change times (ns), inode and device."""


@dataclass(frozen=True, slots=True)
class ArticleInput:
    """One article file and the hash of everything its extraction depends on."""

    path: str
    """Below the corpus folder, with '/' between parts (the articles' sort order)."""
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
    extraction_key: str = ""
    """The inputs every article's extraction shares: code, reference data, corpus folder name."""


@dataclass(frozen=True, slots=True)
class FactBaseBuild:
    """A fact base and how much of it had to be extracted again."""

    facts: FactBase
    extracted: int
    """Articles read and extracted in this run (the others came from the cache)."""


@dataclass(frozen=True, slots=True)
class ArticleFacts:
    """What one article gives the fact base, kept between builds under the hash of its inputs."""

    path: str
    key: str
    document: Document | None
    """None when the article could not be read (its problem says why)."""
    problems: tuple[Problem, ...]
    dates: tuple[DateMention, ...]
    """Each with the interval the article alone gives it."""
    open_dates: tuple[int, ...]
    """Positions of the dates the article leaves unbounded: an event may date them."""
    mentions: tuple[Mention, ...]
    """In order (resolve.mention_order)."""
    own_mentions: bool
    """Every mention is in the article's own document (their order follows the documents')."""
    glossary: tuple[GlossaryEntry, ...]
    keys: tuple[str, ...]
    """The keys of the article's event candidates."""


# --- scanning -------------------------------------------------------------------------------


def scan_inputs(seeds: Path, project: Path | None = None, cache: Cache | None = None) -> CorpusInputs:
    """Hash every input of the fact base without parsing any article (one file in memory at a time).

    With ``cache``, a file whose stat matches the stat index's entry is not read again (see
    SETTLED_NS); the new index is written with the cache's next flush.
    """
    project = project if project is not None else seeds.resolve().parent
    shared = digest("extraction", str(SCHEMA), code_key(), reference_key(project), seeds.resolve().name)
    index_key = digest("stat-index", str(SCHEMA), str(seeds.resolve()))
    with _paused_gc(thaw=True):
        known: dict[str, tuple[Stamp, str]] = {}
        if cache is not None:
            found = cache.get("state", index_key)
            known = found if isinstance(found, dict) else {}
        fresh: dict[str, tuple[Stamp, str]] = {}
        # Files last changed before this are settled (see SETTLED_NS); the clock only decides
        # what is hashed again, never what a key is.
        settled = time.time_ns() - SETTLED_NS
        articles = []
        for rel, path, st, sidecar in _article_files(seeds):
            if st.st_size > MAX_ARTICLE_BYTES:
                content = f"{OVER_THE_LIMIT}: {st.st_size} bytes"
            else:
                content = _file_hash(rel, path, st, known, fresh, settled)
            sidecar_key = "absent"
            if sidecar is not None:
                sidecar_key = "sha256:" + _file_hash(*sidecar, known, fresh, settled)
            # One hash over parts that cannot contain NUL (hex digests, a path, fixed words):
            # as unambiguous as digest()'s length prefixes, at a third of the cost per article.
            key = hashlib.sha256(f"{shared}\0{rel}\0{content}\0{sidecar_key}".encode()).hexdigest()
            articles.append(ArticleInput(rel, key, content))
        if cache is not None and fresh != known:
            cache.put("state", index_key, index_key, fresh)
    overrides = optional_file_key(project / "overrides.yaml")
    key = digest("facts", shared, overrides, "\n".join(a.key for a in articles))
    return CorpusInputs(seeds, project, tuple(articles), key, shared)


def _file_hash(
    rel: str,
    path: str,
    st: os.stat_result,
    known: Mapping[str, tuple[Stamp, str]],
    fresh: dict[str, tuple[Stamp, str]],
    settled: int,
) -> str:
    """sha256 of the file's bytes, from the index when its stat (taken before reading) is as the
    index recorded it; recorded in ``fresh`` only if the file had settled."""
    stamp = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)
    entry = known.get(rel)
    if entry is not None and entry[0] == stamp:
        sha = entry[1]
    else:
        with open(path, "rb") as f:
            sha = hashlib.sha256(f.read()).hexdigest()
    if st.st_mtime_ns < settled and st.st_ctime_ns < settled:
        fresh[rel] = (stamp, sha)
    return sha


def _article_files(
    root: Path,
) -> list[tuple[str, str, os.stat_result, tuple[str, str, os.stat_result] | None]]:
    """Each article below ``root`` as corpus.iter_article_paths finds them (regular files, symlinks
    followed, linked folders not entered), sorted by path: (path below root, path, stat, and the
    sidecar's path below root, path and stat, if there is one). One directory listing gives both,
    where asking pathlib for each costs several system calls."""
    found: list[tuple[str, str, os.stat_result, tuple[str, str, os.stat_result] | None]] = []
    _walk(str(root), "", found)
    found.sort(key=lambda item: item[0])
    return found


def _walk(
    folder: str,
    prefix: str,
    found: list[tuple[str, str, os.stat_result, tuple[str, str, os.stat_result] | None]],
) -> None:
    try:
        with os.scandir(folder) as listing:
            entries = list(listing)
    except (FileNotFoundError, NotADirectoryError, PermissionError):
        return
    by_name = {e.name: e for e in entries}
    for entry in entries:
        try:
            is_folder = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_folder = False
        if is_folder:
            _walk(entry.path, f"{prefix}{entry.name}/", found)
            continue
        suffix = _suffix(entry.name)
        if suffix.lower() not in ARTICLE_SUFFIXES:
            continue
        st = _regular_file(entry)
        if st is None:
            continue
        sidecar_name = entry.name[: len(entry.name) - len(suffix)] + ".meta.yaml"
        sidecar = by_name.get(sidecar_name)
        sidecar_st = _regular_file(sidecar) if sidecar is not None else None
        found.append(
            (
                prefix + entry.name,
                entry.path,
                st,
                (prefix + sidecar_name, sidecar.path, sidecar_st)
                if sidecar is not None and sidecar_st is not None
                else None,
            )
        )


def _suffix(name: str) -> str:
    """The suffix pathlib gives the name ("" for ".txt" or "notes.")."""
    i = name.rfind(".")
    return name[i:] if 0 < i < len(name) - 1 else ""


def _regular_file(entry: os.DirEntry[str]) -> os.stat_result | None:
    try:
        st = entry.stat()
    except OSError:
        return None
    return st if stat.S_ISREG(st.st_mode) else None


# --- assembling -----------------------------------------------------------------------------


def assemble_fact_base(inputs: CorpusInputs, cache: Cache | None = None, jobs: int = 1) -> FactBaseBuild:
    """Extract each new or edited article, then resolve across articles what they change.

    Without ``cache`` (or with an empty one) every article is extracted and everything resolved.
    Articles to extract are extracted in up to ``jobs`` worker processes; the fact base is the
    same whatever ``jobs`` is. The default is this process alone: workers re-import the calling
    script, which a script without an ``if __name__ == "__main__"`` guard cannot bear, so callers
    that have one (the CLI, the benchmarks) ask for more.
    """
    store = _Store(cache, inputs) if cache is not None else None
    with _paused_gc():
        state = store.load() if store is not None else _State()
    try:
        return _assemble(inputs, state, store, jobs)
    except _StateLost:
        # Another build replaced a shard this one needed: start afresh (slower, never wrong).
        assert store is not None
        store.forget()
        return _assemble(inputs, _State(), store, jobs)


def _assemble(inputs: CorpusInputs, state: _State, store: _Store | None, jobs: int) -> FactBaseBuild:
    from tipbrief.facts.overrides import apply_overrides, load_overrides
    from tipbrief.facts.resolve.events import all_events, update_events

    kept: dict[str, ArticleFacts] = {}
    missing: list[ArticleInput] = []
    for item in inputs.articles:
        old = state.records.get(item.path)
        if old is not None and old.key == item.key:
            kept[item.path] = old
        else:
            missing.append(item)
    gone = [r for path, r in state.records.items() if path not in kept]
    tasks = [(item, inputs.seeds) for item in missing]
    extracted = map_ordered(
        _extract_pickled, tasks, jobs, initializer=_load_gazetteer, initargs=(inputs.project,)
    )
    made: dict[str, ArticleFacts] = {}
    entries: dict[str, list[KeyedCandidate]] = {}
    # With workers extracting, this process only reads back what they send: long-lived objects
    # that the collector need not walk again and again as they pile up.
    with _paused_gc() if workers_for(len(missing), jobs) > 1 else nullcontext():
        for item, data in zip(missing, extracted, strict=True):
            record, candidates = pickle.loads(data)
            made[item.path] = record
            for k in candidates:
                entries.setdefault(k.order[0], []).append(k)
    with _paused_gc():
        entries_of = store.entries if store is not None else _no_entries
        changed = _changed_keys(gone, entries, entries_of)
        shards = store.extracted_shards(state, made, gone, changed) if store is not None else {}
        # Pickling the shards of a big build takes as long as resolving it: a forked child does
        # it on another core meanwhile (MANY_ARTICLES: below that, forking costs more than it saves).
        meanwhile = mapped_meanwhile(dumps_columns, list(shards.values()), len(made) >= MANY_ARTICLES)
        with meanwhile as pickled:
            buckets = update_events(state.buckets, changed, entries_of)
            events = all_events(b for b in _current(state.buckets, buckets).values())
            events = apply_overrides(events, load_overrides(inputs.project / "overrides.yaml"))
            records = [kept.get(a.path) or made[a.path] for a in inputs.articles]
            facts = _facts(records, events)
            if store is not None:
                store.save(state, dict(zip(shards, pickled(), strict=True)), buckets)
    return FactBaseBuild(facts, len(missing))


MANY_ARTICLES = 500


def _no_entries(key: str) -> tuple[KeyedCandidate, ...]:
    return ()


def _changed_keys(
    gone: Sequence[ArticleFacts],
    added: Mapping[str, list[KeyedCandidate]],
    entries_of: Callable[[str], tuple[KeyedCandidate, ...]],
) -> dict[str, tuple[KeyedCandidate, ...]]:
    """The keys whose candidates change, with all their candidates now (in order).

    An edited article's candidate that is equal to the one it had at the same place keeps its
    old uid: events built from it need not be resolved again.
    """
    gone_paths = {r.path for r in gone}
    changed: dict[str, tuple[KeyedCandidate, ...]] = {}
    for key in sorted({k for r in gone for k in r.keys} | set(added)):
        old: tuple[KeyedCandidate, ...] = entries_of(key)
        fresh = added.get(key, [])
        if old and fresh:
            before = {k.order: k for k in old if k.order[4] in gone_paths}
            fresh = [_same(k, before.get(k.order)) for k in fresh]
        now = [k for k in old if k.order[4] not in gone_paths]
        now.extend(fresh)
        now.sort(key=lambda k: k.order)
        if len(now) != len(old) or any(
            a.order != b.order or a.uid != b.uid for a, b in zip(now, old, strict=True)
        ):
            changed[key] = tuple(now)
    return changed


def _same(new: KeyedCandidate, old: KeyedCandidate | None) -> KeyedCandidate:
    return old if old is not None and old.candidate == new.candidate else new


def _current(
    buckets: Mapping[BucketId, Bucket], changes: Mapping[BucketId, Bucket | None]
) -> dict[BucketId, Bucket]:
    now = dict(buckets)
    for bucket_id, bucket in changes.items():
        if bucket is None:
            now.pop(bucket_id, None)
        else:
            now[bucket_id] = bucket
    return now


def _facts(records: Sequence[ArticleFacts], events: tuple[Event, ...]) -> FactBase:
    """The fact base of the articles' facts (in path order) and the resolved events."""
    from tipbrief.facts.resolve.mentions import link_dates, mention_order, merge_glossaries

    dates: list[DateMention] = []
    open_dates: list[int] = []
    for r in records:
        if r.open_dates:
            open_dates.extend(len(dates) + i for i in r.open_dates)
        dates.extend(r.dates)
    # Glossary and mentions follow the documents' ids (ties in path order, as sorted keeps them).
    read = sorted((r for r in records if r.document is not None), key=_document_id)
    mentions: tuple[Mention, ...] = tuple(chain.from_iterable(r.mentions for r in read))
    if not all(r.own_mentions for r in read) or len({_document_id(r) for r in read}) != len(read):
        mentions = tuple(sorted(mentions, key=mention_order))
    return FactBase(
        documents=tuple(r.document for r in records if r.document is not None),
        dates=link_dates(dates, open_dates, events),
        events=events,
        glossary=merge_glossaries(r.glossary for r in read),
        problems=tuple(chain.from_iterable(r.problems for r in records)),
        mentions=mentions,
    )


def _document_id(r: ArticleFacts) -> str:
    assert r.document is not None
    return r.document.id


@contextmanager
def _paused_gc(thaw: bool = False) -> Iterator[None]:
    """Loading and resolving make hundreds of thousands of objects that live as long as the fact
    base and form no reference cycles. The collector is paused while they are made (its passes
    would find nothing to free), then told to leave them alone (gc.freeze): at 10,000 articles
    that spares 0.15 s of the next collections. Garbage made before is collected first, so that
    none of it is frozen with them; ``thaw`` first hands what an earlier build froze back to the
    collector (a process that builds again, such as the preview server, may have dropped it)."""
    enabled = gc.isenabled()
    if enabled:
        if thaw:
            gc.unfreeze()
        gc.collect()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.freeze()
            gc.enable()


# --- extracting -----------------------------------------------------------------------------

# The gazetteer of the process that extracts (a worker's, or this one's): built once per process,
# and only when some article has to be extracted.
_gazetteer: Gazetteer | None = None


def _load_gazetteer(project: Path) -> None:
    global _gazetteer
    from tipbrief.facts.gazetteer import build_gazetteer
    from tipbrief.facts.reference import load_reference

    _gazetteer = build_gazetteer(load_reference([project / "reference"]))


def _extract_pickled(task: tuple[ArticleInput, Path]) -> bytes:
    """One article's facts and keyed candidates, pickled: cheap to send back from a worker (the
    cache's pickler is faster than multiprocessing's for these dataclasses; column-wise pickles
    cost more than they save on one article's worth)."""
    assert _gazetteer is not None
    item, seeds = task
    return dumps(article_facts(item, _extract_one(item, seeds, _gazetteer)))


def article_facts(
    item: ArticleInput, found: Problem | tuple[Document, Extraction]
) -> tuple[ArticleFacts, tuple[KeyedCandidate, ...]]:
    """What one article gives the fact base, and its event candidates ready to be grouped."""
    from tipbrief.facts.resolve.events import keyed_candidate
    from tipbrief.facts.resolve.mentions import article_dates, article_mentions

    if isinstance(found, Problem):
        return ArticleFacts(item.path, item.key, None, (found,), (), (), (), True, (), ()), ()
    document, x = found
    document = replace(document, written=x.written)
    dates = article_dates(x)
    mentions = article_mentions(x)
    # The article's key names its content, so the key and a position name a candidate's content.
    uid = item.key[:32]
    candidates = tuple(keyed_candidate(c, item.path, i, f"{uid}:{i}") for i, c in enumerate(x.events))
    record = ArticleFacts(
        item.path,
        item.key,
        document,
        x.warnings,
        dates,
        tuple(i for i, d in enumerate(dates) if d.earliest is None and d.latest is None),
        mentions,
        all(m.span.document == document.id for m in mentions),
        x.glossary,
        tuple(sorted({c.key for c in x.events})),
    )
    return record, candidates


def _extract_one(
    item: ArticleInput, seeds: Path, gazetteer: Gazetteer
) -> Problem | tuple[Document, Extraction]:
    from tipbrief.facts.extract.article import extract_article

    path = seeds / item.path
    if item.content.startswith(OVER_THE_LIMIT):
        # Never read: load_article reports its size from the file system.
        too_big = load_article(path, seeds, gazetteer.outlets)
        if not isinstance(too_big, Problem):
            raise _changed_during_build(path)
        return too_big
    # Read once, hashed, then parsed: the result is kept under the key of the bytes scanned, so
    # it must never be what another text gave.
    raw = path.read_bytes()
    if hashlib.sha256(raw).hexdigest() != item.content:
        raise _changed_during_build(path)
    loaded = load_article(path, seeds, gazetteer.outlets, raw)
    if isinstance(loaded, Problem):
        return loaded
    # The text is dropped: quotes live in the extraction's spans, so no stage needs it again.
    return replace(loaded.document, text=""), extract_article(loaded, gazetteer)


OVER_THE_LIMIT = "over the limit"
"""How an article's content hash reads when it is too big to be read (then its size follows)."""


def _changed_during_build(path: Path) -> BuildError:
    return BuildError(f"{path}: the article changed during the build; build again")


def build_fact_base(
    seeds: Path, project: Path | None = None, cache: Cache | None = None, jobs: int = 1
) -> FactBase:
    """Read every article under ``seeds`` and return the resolved fact base.

    ``project`` is the project folder holding optional ``reference/*.csv`` rows and
    ``overrides.yaml``; it defaults to the parent of ``seeds``.
    """
    return assemble_fact_base(scan_inputs(seeds, project, cache), cache, jobs).facts


# --- the state kept between builds ----------------------------------------------------------


class _StateLost(Exception):
    """A shard the root lists is gone (another build of the same corpus replaced it)."""


@dataclass(frozen=True, slots=True)
class _Root:
    """Which shards (by name) hold a corpus's state, each under the hash of its content."""

    extraction_key: str
    shards: dict[str, str]


@dataclass
class _State:
    """The state one earlier build left (empty: none), as loaded."""

    shards: dict[str, str] = field(default_factory=dict)
    articles: dict[int, dict[str, ArticleFacts]] = field(default_factory=dict)
    """Per shard, by path."""
    bucket_shards: dict[int, dict[BucketId, Bucket]] = field(default_factory=dict)
    records: dict[str, ArticleFacts] = field(default_factory=dict)
    buckets: dict[BucketId, Bucket] = field(default_factory=dict)


def _shard(name: str, count: int) -> int:
    return zlib.crc32(name.encode("utf-8", "surrogatepass")) % count


def _bucket_name(bucket_id: BucketId) -> str:
    kind, place = bucket_id
    return f"{kind}|{place.name}|{place.country}" if place is not None else f"{kind}|"


class _Store:
    """One corpus's state in the cache's ``state`` table."""

    def __init__(self, cache: Cache, inputs: CorpusInputs) -> None:
        self.cache = cache
        self.extraction_key = inputs.extraction_key
        self.corpus = str(inputs.seeds.resolve())
        self.root_key = digest("state-root", str(SCHEMA), self.corpus)
        self.shards: dict[str, str] = {}
        self.key_shards: dict[int, dict[str, tuple[KeyedCandidate, ...]]] = {}

    def load(self) -> _State:
        root = self.cache.get("state", self.root_key)
        if not isinstance(root, _Root) or root.extraction_key != self.extraction_key:
            return _State()
        eager = {name: key for name, key in root.shards.items() if name[0] in "ab"}
        found = self.cache.get_many("state", eager.values())
        if any(key not in found for key in eager.values()):
            return _State()
        self.shards = dict(root.shards)
        state = _State(dict(root.shards))
        for name, key in eager.items():
            if name[0] == "a":
                shard = {r.path: r for r in found[key]}
                state.articles[int(name[1:])] = shard
                state.records.update(shard)
            else:
                buckets = {(b.kind, b.place): b for b in found[key]}
                state.bucket_shards[int(name[1:])] = buckets
                state.buckets.update(buckets)
        return state

    def forget(self) -> None:
        """Start afresh: the next save writes a whole new state."""
        self.shards = {}
        self.key_shards = {}

    def entries(self, key: str) -> tuple[KeyedCandidate, ...]:
        """The candidates of ``key`` as the state has them (loading their shard once)."""
        return self._key_shard(_shard(key, KEY_SHARDS)).get(key, ())

    def _key_shard(self, n: int) -> dict[str, tuple[KeyedCandidate, ...]]:
        if n not in self.key_shards:
            key = self.shards.get(f"k{n}")
            found = {} if key is None else self.cache.get_many("state", [key])
            if key is not None and key not in found:
                raise _StateLost(f"k{n}")
            grouped: dict[str, list[KeyedCandidate]] = {}
            for k in found[key] if key is not None else ():
                grouped.setdefault(k.order[0], []).append(k)
            self.key_shards[n] = {name: tuple(entries) for name, entries in grouped.items()}
        return self.key_shards[n]

    def extracted_shards(
        self,
        state: _State,
        made: Mapping[str, ArticleFacts],
        gone: Sequence[ArticleFacts],
        changed: Mapping[str, tuple[KeyedCandidate, ...]],
    ) -> dict[str, tuple[Any, ...]]:
        """The article and key shards this build changed, by name: they follow from extraction
        alone, so they can be pickled while the events are resolved."""
        shards: dict[str, tuple[Any, ...]] = {}
        articles: dict[int, dict[str, ArticleFacts]] = {}
        for path in chain((r.path for r in gone), made):
            n = _shard(path, ARTICLE_SHARDS)
            articles.setdefault(n, dict(state.articles.get(n, {})))
        for r in gone:
            articles[_shard(r.path, ARTICLE_SHARDS)].pop(r.path, None)
        for path, r in made.items():
            articles[_shard(path, ARTICLE_SHARDS)][path] = r
        for n, members in articles.items():
            shards[f"a{n}"] = tuple(members[p] for p in sorted(members))
        keys: dict[int, dict[str, tuple[KeyedCandidate, ...]]] = {}
        for key, now in changed.items():
            n = _shard(key, KEY_SHARDS)
            in_shard = keys.setdefault(n, dict(self._key_shard(n)))
            if now:
                in_shard[key] = now
            else:
                in_shard.pop(key, None)
        for n, in_shard in keys.items():
            shards[f"k{n}"] = tuple(chain.from_iterable(in_shard[k] for k in sorted(in_shard)))
        return shards

    def save(
        self, state: _State, pickled: Mapping[str, bytes], buckets: Mapping[BucketId, Bucket | None]
    ) -> None:
        """Put the shards this build changed (those of extracted_shards already ``pickled``) and a
        new root (written by the cache's flush)."""
        shards = dict(self.shards)
        for name, data in pickled.items():
            shards[name] = self._put_pickled(name, data)
        bucket_shards: dict[int, dict[BucketId, Bucket]] = {}
        for bucket_id, bucket in buckets.items():
            n = _shard(_bucket_name(bucket_id), BUCKET_SHARDS)
            members_b = bucket_shards.setdefault(n, dict(state.bucket_shards.get(n, {})))
            if bucket is None:
                members_b.pop(bucket_id, None)
            else:
                members_b[bucket_id] = bucket
        for n, members_b in bucket_shards.items():
            shards[f"b{n}"] = self._put(
                f"b{n}", tuple(members_b[b] for b in sorted(members_b, key=_bucket_name))
            )
        if shards != self.shards or not self.shards:
            self.cache.put("state", self.root_key, self.root_key, _Root(self.extraction_key, shards))

    def _put(self, name: str, value: Any) -> str:
        return self._put_pickled(name, dumps_columns(value))

    def _put_pickled(self, name: str, data: bytes) -> str:
        key = digest("state-shard", data)
        self.cache.put_pickled("state", key, f"{self.corpus}|{name}", data)
        return key
