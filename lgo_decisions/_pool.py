"""Running the corpus's work on several processes: results in input order, a bounded window of
chunks in flight, a capped number of workers, dead workers survived and workers never left behind.

A worker that dies (killed, out of memory) breaks the whole pool: every chunk still in flight is
sent again to a fresh pool; a chunk that breaks the pool a second time is read one input at a time,
and an input that kills its worker on its own is reported through ``dead(task)`` (a failed result
naming it), so that every input gives exactly one result. On any early exit (an exception, an
interruption, the consumer closing the generator) the workers are terminated, not waited for.

>>> list(run_ordered(abs, [-1, 2, -3], workers=1, dead=str))
[1, 2, 3]
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

T = TypeVar("T")
A = TypeVar("A")

CHUNK_SIZE = 16
"""Inputs sent to a worker process at a time: enough that inter-process traffic does not dominate."""


_REAP_SECONDS = 5.0
"""How long an ended worker is waited for before it is killed outright."""


def cores() -> int:
    """The number of cores this process may run on (at least 1)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def workers_for(workers: int | None) -> int:
    """The number of worker processes for ``workers``: ``None`` 1, ``0`` one per core, and never
    more than :func:`cores` (a larger number is capped, not an error).

    >>> workers_for(None), workers_for(1), workers_for(20000) == cores()
    (1, 1, True)
    """
    if workers is None:
        return 1
    if workers < 0:
        raise ValueError(f"workers must be 0 (one per core) or more, got {workers}")
    return min(workers or cores(), cores())


def _worker_init() -> None:
    """In each worker: the default SIGTERM action (the parent's handler must not keep a worker alive)."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _run_chunk(fn: Callable[[A], T], chunk: list[A]) -> list[T]:
    return [fn(t) for t in chunk]


def _chunks(tasks: Iterable[A], size: int) -> Iterator[list[A]]:
    chunk: list[A] = []
    for t in tasks:
        chunk.append(t)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _terminate(pool: ProcessPoolExecutor) -> None:
    """End the pool's workers now (running chunks included), then release the pool.

    A worker ended while writing its result leaves half a message in the result pipe, and the
    pool's manager thread would wait for the rest for ever (the parent holds the pipe's write end
    too, so no end of file comes): once every worker is gone, that write end is closed, the
    manager thread reads an end of file, and the shutdown completes.
    """
    processes: list[Any] = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        with contextlib.suppress(Exception):  # (already gone)
            process.terminate()
    for process in processes:
        with contextlib.suppress(Exception):
            process.join(_REAP_SECONDS)
            if process.is_alive():  # (SIGTERM ignored or delayed)
                process.kill()
                process.join(_REAP_SECONDS)
    writer = getattr(getattr(pool, "_result_queue", None), "_writer", None)
    with contextlib.suppress(Exception):
        if writer is not None:
            writer.close()
    pool.shutdown(wait=True, cancel_futures=True)


class _Runner:
    """One pool at a time; a broken pool is replaced by a fresh one."""

    def __init__(self, fn: Callable[[A], T], workers: int) -> None:
        self.fn = fn
        self.workers = workers
        self.pool = self._new()

    def _new(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=self.workers, initializer=_worker_init)

    def submit(self, chunk: list[Any]) -> Future[list[Any]]:
        try:
            return self.pool.submit(_run_chunk, self.fn, chunk)
        except BrokenProcessPool:
            self.renew()
            return self.pool.submit(_run_chunk, self.fn, chunk)

    def renew(self) -> None:
        _terminate(self.pool)
        self.pool = self._new()

    def one_by_one(self, chunk: list[Any], dead: Callable[[Any], Any]) -> list[Any]:
        out = []
        for task in chunk:
            try:
                out += self.submit([task]).result()
            except BrokenProcessPool:
                out.append(dead(task))
                self.renew()
        return out


def run_ordered(
    fn: Callable[[A], T],
    tasks: Iterable[A],
    *,
    workers: int = 1,
    dead: Callable[[A], T],
    chunk_size: int = CHUNK_SIZE,
) -> Iterator[T]:
    """``map(fn, tasks)`` on ``workers`` processes: results in input order, a bounded number of
    chunks in flight; ``dead(task)`` is the result of an input whose worker died reading it."""
    if workers <= 1:
        yield from map(fn, tasks)
        return
    runner = _Runner(fn, workers)
    window: deque[list[Any]] = deque()  # [chunk, future, tries]
    finished = False

    def take() -> list[T]:
        entry = window.popleft()
        while True:
            chunk, future, tries = entry
            try:
                return list(future.result())
            except BrokenProcessPool:
                if tries >= 1:
                    return runner.one_by_one(chunk, dead)
                runner.renew()  # every chunk in flight was lost with the pool: send them again
                entry[1:] = [runner.submit(chunk), tries + 1]
                for other in window:
                    if other[1].done() and other[1].exception() is None:
                        continue
                    other[1] = runner.submit(other[0])

    try:
        for chunk in _chunks(tasks, chunk_size):
            window.append([chunk, runner.submit(chunk), 0])
            if len(window) >= 3 * workers:
                yield from take()
        while window:
            yield from take()
        finished = True
    finally:
        if finished:
            runner.pool.shutdown(wait=True)
        else:
            _terminate(runner.pool)
