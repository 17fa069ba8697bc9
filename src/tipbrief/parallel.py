"""Map a function over many items in worker processes, with the results in the items' order."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS_PER_WORKER = 64
"""Below this many items a worker costs more to start (a fresh interpreter, its imports, its own
set-up) than it saves: then everything runs in this process."""


def workers_for(items: int, jobs: int) -> int:
    """How many worker processes ``items`` items are worth, at most ``jobs``; 1 means none."""
    return max(1, min(jobs, items // MIN_ITEMS_PER_WORKER))


def map_ordered(
    fn: Callable[[T], R],
    items: Sequence[T],
    jobs: int,
    *,
    initializer: Callable[..., None] | None = None,
    initargs: tuple[Any, ...] = (),
    chunksize: int = 32,
) -> Iterator[R]:
    """``fn`` over ``items`` in up to ``jobs`` worker processes, yielded in the order of ``items``.

    ``fn`` and ``initializer`` must be module-level functions, and items and results picklable.
    Workers come from a fork server, not a fork of this process: the caller may hold threads,
    locks and an open database that a forked child must not inherit. ``initializer(*initargs)``
    runs once in each worker (and here, when everything runs in this process).
    """
    if not items:
        return  # nor is the initializer run: with nothing to do, set-up is waste
    workers = workers_for(len(items), jobs)
    if workers == 1:
        if initializer is not None:
            initializer(*initargs)
        yield from map(fn, items)
        return
    # Imported here: a build imports this module before it knows whether anything is extracted,
    # and multiprocessing with concurrent.futures costs it about 20 ms.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=initializer, initargs=initargs) as pool:
        yield from pool.map(fn, items, chunksize=chunksize)
