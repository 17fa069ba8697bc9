"""An incremental fact-base build gives, byte for byte, the fact base a build from scratch gives."""

from __future__ import annotations

import builtins
import gc
import os
import pickle
import random
import shutil
import sqlite3
import tempfile
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tipbrief.build.cache
import tipbrief.build.factbase
from tipbrief.build.cache import Cache, dumps, dumps_columns
from tipbrief.build.factbase import _article_files, assemble_fact_base, scan_inputs
from tipbrief.facts.corpus import iter_article_paths
from tipbrief.facts.factjson import dump_fact_base
from tipbrief.facts.model import DateInterval, Event, Evidence, Mention, Place, Span

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [
    *sorted((ROOT / "seeds").glob("*.txt")),
    *sorted((ROOT / "tests/fixtures/articles").glob("*.txt")),
    *sorted((ROOT / "tests/fixtures/heldout_articles").glob("*.txt")),
]

ACTIP = (
    "The ASEAN Convention against Trafficking in Persons, Especially Women and Children (ACTIP) was "
    "signed at the 27th ASEAN Summit in November 2015 in Kuala Lumpur, Malaysia."
)
DECLARATION_2004 = (
    "The meeting recalled the ASEAN Declaration against Trafficking in Persons Particularly Women and "
    "Children, adopted in 2004."
)
CITIES = (("Hanoi", "Viet Nam"), ("Jakarta", "Indonesia"), ("Manila", "Philippines"), ("Bangkok", "Thailand"))
MONTHS = ("January", "March", "May", "July", "September", "November")
TOPICS = ("trafficking in persons", "labour migration and trafficking", "the protection of victims")


def synthetic(count: int, seed: int) -> list[str]:
    """Wire copy in the seeds' patterns, with what makes candidates of different articles group
    and merge: the same event reported twice, the same kind of event in other places and years,
    summit declarations, and background sentences that every few articles repeat."""
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        city, country = rng.choice(CITIES)
        year, month, day = rng.randint(2012, 2019), rng.choice(MONTHS), rng.randint(1, 26)
        topic = rng.choice(TOPICS)
        style = rng.randrange(3)
        if style == 0:
            lead = (
                f"The Senior Officials Meeting on Transnational Crime (SOMTC) convened a regional workshop "
                f"on {topic} in {city}, {country} on {day}-{day + 1} {month} {year}."
            )
        elif style == 1:
            lead = f"ASEAN officials on {month} {day} held a seminar on {topic} in {city}, {country}."
        else:
            lead = f"ASEAN leaders on {month} {day} adopted a declaration on {topic} at the summit in {city}."
        body = [f"{city.upper()}, {day} {month} {year} – {lead}"]
        if rng.random() < 0.4:
            body.append(ACTIP if year >= 2016 else DECLARATION_2004)
        body.append("Participants shared good practices on victim identification, referral and protection.")
        texts.append("\n\n".join(body) + "\n")
    # The same events reported again by another outlet.
    texts.extend(t.replace("Participants shared", "Delegates shared") for t in texts[:4])
    return texts


SYNTHETIC = synthetic(20, seed=11)


def build(project: Path, cache_file: Path | None = None) -> tuple[str, int]:
    """The fact base's JSON and the number of articles extracted (with a cache: then flushed)."""
    cache = Cache(cache_file) if cache_file is not None else None
    made = assemble_fact_base(scan_inputs(project / "seeds", project, cache), cache)
    if cache is not None:
        cache.flush()
    return dump_fact_base(made.facts), made.extracted


def rebuild(project: Path, cache_file: Path) -> int:
    """Build with the cache, check the result against a build from scratch, return how many
    articles were extracted."""
    incremental, extracted = build(project, cache_file)
    fresh, _ = build(project)
    assert incremental == fresh
    return extracted


def make_project(folder: Path) -> Path:
    seeds = folder / "seeds"
    seeds.mkdir(parents=True)
    for path in SOURCES:
        shutil.copy(path, seeds / path.name)
    shutil.copy(ROOT / "tests/fixtures/articles/sidecar_chiang_mai.meta.yaml", seeds)
    for i, text in enumerate(SYNTHETIC):
        (seeds / f"synth_{i:02d}.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "project")


def article(project: Path, name: str) -> Path:
    return project / "seeds" / name


def append(path: Path, sentence: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").rstrip() + "\n\n" + sentence + "\n", encoding="utf-8")


def first_event_id(project: Path) -> str:
    return assemble_fact_base(scan_inputs(project / "seeds", project)).facts.events[0].id


def edit(name: str, sentence: str) -> Callable[[Path], None]:
    return lambda p: append(article(p, name), sentence)


def write(name: str, text: str | bytes) -> Callable[[Path], None]:
    def change(p: Path) -> None:
        article(p, name).write_bytes(text.encode("utf-8") if isinstance(text, str) else text)

    return change


def rename(name: str, new: str) -> Callable[[Path], None]:
    def change(p: Path) -> None:
        article(p, new).parent.mkdir(parents=True, exist_ok=True)
        article(p, name).rename(article(p, new))

    return change


def delete(name: str) -> Callable[[Path], None]:
    return lambda p: article(p, name).unlink()


def twin(p: Path) -> None:
    shutil.copy(article(p, "synth_06.txt"), article(p, "synth_06.md"))


def touch(p: Path) -> None:
    path = article(p, "synth_12.txt")
    path.write_bytes(path.read_bytes())


def add_reference_row(p: Path) -> None:
    (p / "reference").mkdir()
    (p / "reference" / "meetings.csv").write_text(
        "series,number,start,end,city,country,source\n"
        "SOMTC,11,2011-08-22,2011-08-26,Jakarta,Indonesia,https://example.org/somtc-11\n",
        encoding="utf-8",
    )


def add_override(p: Path) -> None:
    (p / "overrides.yaml").write_text(
        f"- event: {first_event_id(p)}\n  date: 2014-06\n  title: Pinned\n", encoding="utf-8"
    )


def delete_all(p: Path) -> None:
    for path in (p / "seeds").glob("*.txt"):
        path.unlink()


CHANGES: dict[str, tuple[Callable[[Path], None], int | None]] = {
    # change, articles extracted again (None: all)
    "append a dated sentence": (edit("synth_03.txt", "The follow-up meeting took place on 3 March 2019."), 1),
    "change the date of an event": (write("synth_05.txt", SYNTHETIC[5].replace("1", "2", 1)), 1),
    "add an article with a new event": (
        write(
            "new.txt",
            "HANOI, 1 June 2021 – ASEAN officials held a workshop on trafficking in persons in Hanoi.\n",
        ),
        1,
    ),
    "add another report of a seed's events": (
        write("zz_copy.txt", SOURCES[1].read_text(encoding="utf-8") + "\nThe report was welcomed.\n"),
        1,
    ),
    "add another report of a synthetic event": (
        write("zz_again.txt", SYNTHETIC[2].replace("Participants", "Officials")),
        1,
    ),
    "add an article recalling ACTIP": (
        write("actip.txt", f"JAKARTA, 5 May 2019 – Officials met in Jakarta.\n\n{ACTIP}\n"),
        1,
    ),
    "add ACTIP to an article": (edit("synth_07.txt", ACTIP), 1),
    "delete an article": (delete(SOURCES[0].name), 0),
    "delete a synthetic article": (delete("synth_01.txt"), 0),
    "rename an article": (rename(SOURCES[2].name, "renamed.txt"), 1),
    "rename .txt to .md (same document id)": (rename("synth_04.txt", "synth_04.md"), 1),
    "add a twin with the same document id": (twin, 1),
    "move an article into a folder": (rename("synth_08.txt", "sub/synth_08.txt"), 1),
    "edit a sidecar": (
        write("sidecar_chiang_mai.meta.yaml", "title: Another title\npublished: 2016-02-03\n"),
        1,
    ),
    "add a sidecar": (write("synth_09.meta.yaml", "published: 2012-05-06\n"), 1),
    "make an article unreadable": (write("synth_10.txt", b"caf\xe9 in Hanoi\n"), 1),
    "empty an article": (write("synth_11.txt", ""), 1),
    "touch an article": (touch, 0),
    "add a reference row": (add_reference_row, None),
    "add an override": (add_override, 0),
    "delete every article": (delete_all, 0),
}


@pytest.mark.parametrize("name", CHANGES)
def test_a_change_rebuilds_what_a_build_from_scratch_gives(project: Path, tmp_path: Path, name: str) -> None:
    change, extracted = CHANGES[name]
    cache_file = tmp_path / "cache.sqlite"
    assert rebuild(project, cache_file) == len(iter_article_paths(project / "seeds"))
    change(project)
    expected = len(iter_article_paths(project / "seeds")) if extracted is None else extracted
    assert rebuild(project, cache_file) == expected
    # The new state serves the next build as it is.
    assert rebuild(project, cache_file) == 0


def test_changes_one_after_another_each_rebuild_what_scratch_gives(project: Path, tmp_path: Path) -> None:
    cache_file = tmp_path / "cache.sqlite"
    rebuild(project, cache_file)
    for name in CHANGES:
        if name not in ("delete every article", "add a reference row", "add an override"):
            CHANGES[name][0](project)
            rebuild(project, cache_file)


# ---- random edit sequences ------------------------------------------------------------------

POOL = [path.read_text(encoding="utf-8") for path in SOURCES[:6]] + SYNTHETIC[:10]
SENTENCES = [
    "The follow-up meeting took place on 3 March 2019.",
    ACTIP,
    "A workshop was held in Hanoi on 12 May 2014.",
    DECLARATION_2004,
]
NAMES = ["a.txt", "b.txt", "c.md", "d/e.txt", "d/f.txt", "a.md"]
operation = st.one_of(
    st.tuples(st.just("write"), st.sampled_from(NAMES), st.integers(0, len(POOL) - 1)),
    st.tuples(st.just("append"), st.sampled_from(NAMES), st.integers(0, len(SENTENCES) - 1)),
    st.tuples(st.just("delete"), st.sampled_from(NAMES), st.just(0)),
    st.tuples(st.just("rename"), st.sampled_from(NAMES), st.integers(0, len(NAMES) - 1)),
)


def apply(seeds: Path, op: tuple[str, str, int]) -> None:
    kind, name, n = op
    path = seeds / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "write":
        path.write_text(POOL[n], encoding="utf-8")
    elif kind == "append" and path.exists():
        append(path, SENTENCES[n])
    elif kind == "delete":
        path.unlink(missing_ok=True)
    elif kind == "rename" and path.exists():
        target = seeds / NAMES[n]
        target.parent.mkdir(parents=True, exist_ok=True)
        path.rename(target)


@given(
    st.lists(st.tuples(st.integers(0, len(POOL) - 1), st.sampled_from(NAMES)), min_size=1, max_size=4),
    st.lists(operation, min_size=1, max_size=5),
)
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_random_edit_sequences_rebuild_what_scratch_gives(
    start: list[tuple[int, str]], ops: list[tuple[str, str, int]]
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        seeds = project / "seeds"
        seeds.mkdir()
        for n, name in start:
            apply(seeds, ("write", name, n))
        cache_file = project / "cache.sqlite"
        rebuild(project, cache_file)
        for op in ops:
            apply(seeds, op)
            rebuild(project, cache_file)


# ---- the stat index -------------------------------------------------------------------------


def count_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record the files the scan opens (it reads articles and sidecars with open())."""
    opened: list[str] = []

    def spy(file: Any, *args: Any, **kwargs: Any) -> Any:
        opened.append(str(file))
        return builtins.open(file, *args, **kwargs)

    monkeypatch.setattr(tipbrief.build.factbase, "open", spy, raising=False)
    return opened


def test_a_settled_unchanged_file_is_not_read_again(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tipbrief.build.factbase, "SETTLED_NS", 0)  # every file written before the scan
    cache = Cache(tmp_path / "cache.sqlite")
    first = scan_inputs(project / "seeds", project, cache)
    cache.flush()
    opened = count_reads(monkeypatch)
    again = scan_inputs(project / "seeds", project, Cache(tmp_path / "cache.sqlite"))
    assert opened == []
    assert again == first


def test_a_rewrite_that_keeps_size_and_modification_time_is_read_again(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tipbrief.build.factbase, "SETTLED_NS", 0)
    cache_file = tmp_path / "cache.sqlite"
    build(project, cache_file)
    path = article(project, "synth_02.txt")
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("2", "3"), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size and path.stat().st_mtime_ns == before.st_mtime_ns
    # The change time moved (nothing can set it back): the scan sees the new bytes.
    assert rebuild(project, cache_file) == 1


def test_a_file_changed_just_before_a_scan_is_read_again_next_time(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # However slow this machine, every file was written "just before" the scans.
    monkeypatch.setattr(tipbrief.build.factbase, "SETTLED_NS", 10**15)
    cache = Cache(tmp_path / "cache.sqlite")
    scan_inputs(project / "seeds", project, cache)
    cache.flush()
    opened = count_reads(monkeypatch)
    scan_inputs(project / "seeds", project, Cache(tmp_path / "cache.sqlite"))
    # No file had settled when the first scan saw it: none is trusted to the index yet.
    assert len(opened) == len(iter_article_paths(project / "seeds")) + 1  # and the sidecar


def test_the_scan_finds_the_articles_corpus_finds(tmp_path: Path) -> None:
    root = tmp_path / "seeds"
    for name in ("a.txt", "B.TXT", "c.md", ".hidden.txt", ".txt", "notes.", "x.meta.yaml", "y.csv"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("text\n", encoding="utf-8")
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / "sub" / "deeper" / "d.txt").write_text("text\n", encoding="utf-8")
    (root / "sub" / "d.meta.yaml").write_text("title: x\n", encoding="utf-8")
    (root / ".git").mkdir()
    (root / ".git" / "e.txt").write_text("text\n", encoding="utf-8")
    (root / "folder.txt").mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "f.txt").write_text("text\n", encoding="utf-8")
    (root / "linked").symlink_to(elsewhere, target_is_directory=True)
    (root / "link.txt").symlink_to(elsewhere / "f.txt")
    (root / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    (root / "a.meta.yaml").write_text("title: A\n", encoding="utf-8")
    found = _article_files(root)
    assert [rel for rel, *_ in found] == [p.relative_to(root).as_posix() for p in iter_article_paths(root)]
    sidecars = {rel: side[0] for rel, _, _, side in found if side is not None}
    assert sidecars == {"a.txt": "a.meta.yaml"}


# ---- the kept state -------------------------------------------------------------------------


def test_a_lost_shard_is_rebuilt_not_trusted(project: Path, tmp_path: Path) -> None:
    cache_file = tmp_path / "cache.sqlite"
    build(project, cache_file)
    with sqlite3.connect(cache_file) as db:
        db.execute("DELETE FROM state WHERE slot LIKE '%|k%'")
    append(article(project, "synth_03.txt"), ACTIP)
    rebuild(project, cache_file)


def test_a_damaged_root_starts_afresh(project: Path, tmp_path: Path) -> None:
    cache_file = tmp_path / "cache.sqlite"
    build(project, cache_file)
    with sqlite3.connect(cache_file) as db:
        db.execute("UPDATE state SET data = x'00' WHERE slot NOT LIKE '%|%' AND slot NOT LIKE '%stat%'")
    assert rebuild(project, cache_file) == len(iter_article_paths(project / "seeds"))


def test_two_corpora_can_share_a_cache(tmp_path: Path) -> None:
    one = make_project(tmp_path / "one")
    two = tmp_path / "two"
    (two / "seeds").mkdir(parents=True)
    for i, text in enumerate(SYNTHETIC[:6]):
        (two / "seeds" / f"s{i}.txt").write_text(text, encoding="utf-8")
    cache_file = tmp_path / "cache.sqlite"
    rebuild(one, cache_file)
    rebuild(two, cache_file)
    assert rebuild(one, cache_file) == 0
    append(two / "seeds" / "s1.txt", ACTIP)
    assert rebuild(two, cache_file) == 1
    assert rebuild(one, cache_file) == 0


# ---- column-wise pickles ----------------------------------------------------------------------

span = st.builds(Span, st.text(max_size=3), st.integers(0, 50), st.integers(0, 50), st.text(max_size=5))
evidence = st.builds(
    Evidence,
    st.sampled_from(["stated-date", "office-term"]),
    st.text(max_size=5),
    st.none() | st.dates(),
    st.none() | st.dates(),
    st.none() | span,
    st.none() | st.text(max_size=3),
)
interval = st.builds(
    DateInterval,
    st.none() | st.dates(),
    st.none() | st.dates(),
    st.text(max_size=4),
    st.sampled_from(["stated", "inferred"]),
    st.lists(evidence, max_size=3).map(tuple),
    st.booleans(),
)
place = st.none() | st.builds(Place, st.sampled_from(["Hanoi", "Manila"]), st.sampled_from(["VN", "PH"]))
event = st.builds(
    Event,
    st.text(max_size=4),
    st.text(max_size=6),
    st.sampled_from(["workshop", "adoption"]),
    interval,
    place,
    st.lists(st.text(max_size=3), max_size=2).map(tuple),
    st.just(()),
    st.lists(span, max_size=3).map(tuple),
)


@given(st.lists(event, max_size=6).map(tuple))
@settings(max_examples=200, deadline=None)
def test_column_wise_pickles_read_back_equal(events: tuple[Event, ...]) -> None:
    assert pickle.loads(dumps_columns(events)) == events


def test_column_wise_pickles_keep_shared_objects_shared() -> None:
    where = Span("d", 1, 5, "Hanoi")
    mentions = (Mention("place", "Hanoi", where), Mention("body", "ASEAN", where, None))
    back = pickle.loads(dumps_columns(mentions))
    assert back == mentions and back[0].span is back[1].span


def test_what_columns_cannot_hold_is_pickled_as_it_is() -> None:
    mixed = (Mention("place", "Hanoi", Span("d", 1, 5, "Hanoi")), ("a tuple", Span("d", 0, 1, "x")), [1, 2])
    data = dumps_columns(mixed)
    assert data == dumps(mixed) and pickle.loads(data) == mixed


def test_a_class_whose_fields_changed_is_a_cache_miss(tmp_path: Path) -> None:
    # As a cache written by a version of tipbrief whose Place had only a name would hold it.
    older = tipbrief.build.cache._Columns(
        [("tipbrief.facts.model", "Place", ("name",), 1)], [[("plain", ["Hanoi"])]], ("ref", 0, [0])
    )
    cache = Cache(tmp_path / "cache.sqlite")
    cache.put_pickled("state", "k", "slot", dumps(older))
    cache.flush()
    assert Cache(tmp_path / "cache.sqlite").get("state", "k") is None


class Node:
    """A reference cycle: only the collector frees it."""

    def __init__(self) -> None:
        self.me = self


def test_what_a_build_freezes_is_handed_back_to_the_collector_by_the_next_scan(project: Path) -> None:
    node = Node()
    alive = weakref.ref(node)
    build(project)  # the collector is told to leave alone every object alive at its end
    del node
    gc.collect()
    assert alive() is not None
    scan_inputs(project / "seeds", project)
    gc.collect()
    assert alive() is None
