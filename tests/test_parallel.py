"""Articles extracted in worker processes give the same fact base, byte for byte, as one process."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from tipbrief.build import factbase
from tipbrief.build.cache import Cache
from tipbrief.build.factbase import assemble_fact_base, scan_inputs
from tipbrief.build.parallel import MIN_ITEMS_PER_WORKER, map_ordered, mapped_meanwhile, workers_for
from tipbrief.facts.factjson import dump_fact_base

ROOT = Path(__file__).resolve().parent.parent


def _square(n: int) -> int:
    return n * n


def test_workers_are_started_only_for_enough_items() -> None:
    assert workers_for(MIN_ITEMS_PER_WORKER * 2 - 1, 2) == 1
    assert workers_for(MIN_ITEMS_PER_WORKER * 2, 2) == 2
    assert workers_for(10_000, 1) == 1


def _refuse() -> None:
    raise AssertionError("set-up ran with nothing to do")


def test_no_items_means_no_set_up() -> None:
    assert list(map_ordered(_square, [], 2, initializer=_refuse)) == []


def test_results_come_back_in_the_order_of_the_items() -> None:
    items = list(range(MIN_ITEMS_PER_WORKER * 3, 0, -1))
    assert list(map_ordered(_square, items, 3, chunksize=5)) == [n * n for n in items]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Enough articles for two workers: the seeds and fixture articles, each copy with a dated
    sentence of its own, so that the copies are distinct articles with events of their own."""
    seeds = tmp_path_factory.mktemp("parallel") / "seeds"
    seeds.mkdir()
    sources = sorted((ROOT / "seeds").glob("*.txt")) + sorted(
        (ROOT / "tests/fixtures/articles").glob("*.txt")
    )
    cities = ("Hanoi", "Jakarta", "Manila", "Bangkok", "Vientiane")
    for i in range(MIN_ITEMS_PER_WORKER * 2 + 5):
        text = sources[i % len(sources)].read_text(encoding="utf-8")
        extra = f"A workshop was held in {cities[i % 5]} on {i % 28 + 1} March {2000 + i % 20}."
        (seeds / f"{i:03d}.txt").write_text(f"{text.rstrip()}\n\n{extra}\n", encoding="utf-8")
    return seeds


def test_two_jobs_give_the_fact_base_of_one(corpus: Path, tmp_path: Path) -> None:
    one = assemble_fact_base(scan_inputs(corpus, corpus.parent), jobs=1)
    cache = Cache(tmp_path / "cache.sqlite")
    two = assemble_fact_base(scan_inputs(corpus, corpus.parent), cache, jobs=2)
    assert two.extracted == one.extracted == len(list(corpus.glob("*.txt")))
    assert dump_fact_base(two.facts) == dump_fact_base(one.facts)
    # What the workers sent back is what the cache keeps: a rebuild extracts nothing and agrees.
    cache.flush()
    again = assemble_fact_base(scan_inputs(corpus, corpus.parent), Cache(tmp_path / "cache.sqlite"), jobs=2)
    assert again.extracted == 0
    assert dump_fact_base(again.facts) == dump_fact_base(one.facts)


def _pickled_square(n: int) -> bytes:
    return pickle.dumps(n * n)


_PARENT = os.getpid()


def _fails_in_a_child(n: int) -> bytes:
    if os.getpid() != _PARENT:
        raise RuntimeError("a child that fails")
    return _pickled_square(n)


@pytest.mark.parametrize("worth_it", [True, False])
def test_mapped_meanwhile_returns_the_results_in_order(worth_it: bool) -> None:
    items = list(range(50, 0, -1))
    with mapped_meanwhile(_pickled_square, items, worth_it) as results:
        assert [pickle.loads(b) for b in results()] == [n * n for n in items]


def test_a_child_that_fails_is_made_up_for_here() -> None:
    with mapped_meanwhile(_fails_in_a_child, [1, 2, 3], True) as results:
        assert [pickle.loads(b) for b in results()] == [1, 4, 9]


def test_a_child_whose_results_are_not_asked_for_is_stopped() -> None:
    before = _children()
    with pytest.raises(KeyError), mapped_meanwhile(_pickled_square, list(range(10**5)), True):
        raise KeyError("the build failed meanwhile")
    assert _children() == before


def _children() -> set[int]:
    """This process's live children (Linux: from /proc)."""
    found = set()
    for status in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = status.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == os.getpid():
            found.add(int(status.parent.name))
    return found


def test_state_pickled_by_a_child_serves_the_next_build(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every build here is "big" enough to pickle its state in a child.
    monkeypatch.setattr(factbase, "MANY_ARTICLES", 1)
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for path in sorted(corpus.glob("*.txt"))[:40]:
        (seeds / path.name).write_bytes(path.read_bytes())
    cache = Cache(tmp_path / "cache.sqlite")
    assemble_fact_base(scan_inputs(seeds, seeds.parent, cache), cache)
    cache.flush()
    edited = seeds / "007.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nThe forum opened in Yangon on 2 May 2019.\n")
    cache = Cache(tmp_path / "cache.sqlite")
    again = assemble_fact_base(scan_inputs(seeds, seeds.parent, cache), cache)
    assert again.extracted == 1
    fresh = assemble_fact_base(scan_inputs(seeds, seeds.parent))
    assert dump_fact_base(again.facts) == dump_fact_base(fresh.facts)
