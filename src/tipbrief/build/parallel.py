"""Work in other processes: a function mapped over many items in workers, or over a few in a forked child."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
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


def fork_is_safe() -> bool:
    """Whether this process may fork a child that runs on without exec: only on Linux (macOS's
    system libraries do not survive a fork without exec), and only with no other thread running
    (one of them could hold a lock the child would then wait on forever)."""
    import sys
    import threading

    return sys.platform.startswith("linux") and threading.active_count() == 1


@contextmanager
def mapped_meanwhile(
    fn: Callable[[T], bytes], items: Sequence[T], worth_it: bool
) -> Iterator[Callable[[], list[bytes]]]:
    """``fn`` over ``items`` in a forked child while this process goes on with other work.

    Yields a function that waits for the child and returns the results in order. The child sees
    this process's objects as they were at the fork (nothing is sent to it), so ``items`` may be
    large and ``fn`` any function. Everything runs here instead when it is not ``worth_it``, when
    forking is not safe (see fork_is_safe) or fails; and again here if the child fails, so the
    results are the same anyway. On leaving the block, a child whose results were not asked for is
    stopped and reaped.
    """
    import os

    def here() -> list[bytes]:
        return [fn(item) for item in items]

    if not worth_it or not fork_is_safe():
        yield here
        return
    import pickle
    import signal

    readable, writable = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(readable)
        os.close(writable)
        yield here
        return
    if pid == 0:  # pragma: no cover - the child: never returns into the caller's code
        status = 1
        try:
            os.close(readable)
            with os.fdopen(writable, "wb") as out:
                out.write(pickle.dumps(here(), protocol=pickle.HIGHEST_PROTOCOL))
            status = 0
        finally:
            os._exit(status)
    os.close(writable)
    done = False

    def results() -> list[bytes]:
        nonlocal done
        with os.fdopen(readable, "rb") as source:
            data = source.read()
        done = True
        _, status = os.waitpid(pid, 0)
        found = pickle.loads(data) if status == 0 and data else None
        return found if isinstance(found, list) and len(found) == len(items) else here()

    try:
        yield results
    finally:
        if not done:
            os.close(readable)
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
