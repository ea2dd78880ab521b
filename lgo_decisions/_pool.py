"""Running the corpus's work on several processes: results in input order, a bounded window of
chunks in flight, a capped number of workers, dead workers survived and workers never left behind.

Each worker has a connection of its own to the parent (no queues shared between workers, no
threads in the parent): the parent sends it chunks of tasks, at most two at a time, and reads back
each chunk's results as one message. So a worker that dies (killed, out of memory) is known, and so
is the chunk it was reading: the chunks it held are sent again to a fresh worker; the chunk it was
reading is then read one input at a time, and an input that kills its worker a second time is
reported through ``dead(task)`` (a failed result naming it), so that every input gives exactly one
result. An exception raised by ``fn`` is raised to the consumer, at its place in the order. On any
early exit (an exception, an interruption, the consumer closing the generator) the workers are
terminated, not waited for.

>>> list(run_ordered(abs, [-1, 2, -3], workers=1, dead=str))
[1, 2, 3]
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import os
import signal
import weakref
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

from .errors import WorkerDiedError

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

T = TypeVar("T")
A = TypeVar("A")

CHUNK_SIZE = 16
"""Inputs sent to a worker process at a time: enough that inter-process traffic does not dominate."""

_HELD = 2
"""Chunks a worker holds at a time: the one it reads and the next, so that it never waits for work."""

_SMALL_MESSAGE = 16 << 10
"""Bytes of a chunk that may be sent to a worker that is busy. A larger chunk waits until the worker
has returned everything it holds (it then reads, so the send cannot block on a worker that is
itself blocked writing results to a parent that is blocked sending)."""

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


def _serve(fn: Callable[[Any], Any], conn: Connection, parents: list[Connection]) -> None:
    """A worker's loop: read a chunk, send back its results (or the exception ``fn`` raised).

    ``parents`` are the parent's ends of the connections, as a fork copies them: closed here, so
    that when the parent goes, each worker reads an end of file and stops."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # (the parent's handler must not keep a worker alive)
    signal.signal(signal.SIGINT, _ignore)  # (Ctrl-C is the parent's: it ends the workers; not SIG_IGN, which
    # a transform's own programs would inherit and outlive Ctrl-C with)
    for other in parents:
        other.close()
    while True:
        try:
            chunk = conn.recv()
        except (EOFError, OSError):  # (the parent is gone)
            return
        if chunk is None:
            return
        reply: tuple[bool, Any]
        try:
            reply = (True, [fn(task) for task in chunk])
        except BaseException as exc:  # (raised to the consumer, in its place)
            reply = (False, exc)
        try:
            conn.send(reply)
        except OSError:  # (the parent is gone)
            return
        except Exception as exc:  # (a result or an exception that cannot be pickled: that error, in its place)
            try:
                conn.send((False, exc))
            except Exception:
                conn.send((False, RuntimeError(f"a reply could not be sent back: {type(exc).__name__}: {exc}")))


def _ignore(signum: int, frame: object) -> None:
    """A handler that does nothing."""


class _Job:
    """Tasks sent as one message: a whole chunk, or one input of a chunk that killed its worker."""

    __slots__ = ("deaths", "message", "offset", "seq", "tasks")

    def __init__(self, seq: int, offset: int, tasks: list[Any], deaths: int = 0) -> None:
        from multiprocessing.reduction import ForkingPickler

        self.seq, self.offset, self.tasks, self.deaths = seq, offset, tasks, deaths
        self.message = bytes(ForkingPickler.dumps(tasks))


class _Worker:
    __slots__ = ("conn", "held", "process")

    def __init__(self, process: BaseProcess, conn: Connection) -> None:
        self.process, self.conn = process, conn
        self.held: deque[_Job] = deque()


class _Pool:
    """Workers, the jobs waiting for one, and the chunks whose results are not all in yet."""

    def __init__(self, fn: Callable[[Any], Any], workers: int, dead: Callable[[Any], Any]) -> None:
        import multiprocessing

        self.context = multiprocessing.get_context()
        self.fn, self.dead = fn, dead
        self.waiting: deque[_Job] = deque()
        self.slots: dict[int, list[Any]] = {}  # seq -> results so far (_MISSING where none yet)
        self.left: dict[int, int] = {}  # seq -> results still to come
        self.failed: dict[int, BaseException] = {}  # seq -> what fn raised reading it
        self.workers: list[_Worker] = []
        try:
            for _ in range(workers):
                self.workers.append(self._start())
        except BaseException:
            self.terminate()
            raise
        _LIVE.add(self)
        _register_exit_hook()

    def _start(self) -> _Worker:
        here, there = self.context.Pipe(duplex=True)
        forked = self.context.get_start_method() == "fork"  # (a forked worker holds the parent's ends too)
        parents = [here, *(w.conn for w in self.workers)] if forked else []
        # (not a daemon, so that fn may start processes of its own; _end_live_pools ends it at exit)
        process = self.context.Process(target=_serve, args=(self.fn, there, parents), daemon=False)
        try:
            process.start()
        except OSError as exc:
            here.close()
            raise WorkerDiedError(f"could not start a worker process: {exc}") from exc
        finally:
            there.close()  # (the worker's end is the worker's alone: its death is an end of file here)
        return _Worker(process, here)

    def add(self, seq: int, chunk: list[Any]) -> None:
        self.slots[seq] = [_MISSING] * len(chunk)
        self.left[seq] = len(chunk)
        self.waiting.append(_Job(seq, 0, chunk))

    def complete(self, seq: int) -> bool:
        return self.left.get(seq) == 0 or seq in self.failed

    def take(self, seq: int) -> list[Any]:
        """The results of chunk ``seq`` (all in), forgotten here; what ``fn`` raised, raised."""
        del self.left[seq]
        results = self.slots.pop(seq)
        if seq in self.failed:
            raise self.failed.pop(seq)
        return results

    def dispatch(self) -> None:
        """Send waiting jobs, in order, to workers holding fewer than :data:`_HELD`."""
        while self.waiting:
            job = self.waiting[0]
            limit = _HELD if len(job.message) <= _SMALL_MESSAGE else 1
            worker = min(self.workers, key=lambda w: len(w.held))
            if len(worker.held) >= limit:
                return
            self.waiting.popleft()
            worker.held.append(job)
            try:
                worker.conn.send_bytes(job.message)
            except OSError:  # (it died before this job reached it: the job waits for the next worker)
                worker.held.pop()
                self.waiting.appendleft(job)
                self._replace(worker)

    def receive(self) -> None:
        """Wait for at least one worker's reply (or death) and take in every one ready."""
        from multiprocessing.connection import wait
        from multiprocessing.reduction import ForkingPickler

        busy = {w.conn: w for w in self.workers if w.held}
        if not busy:  # (cannot be: every chunk not yet complete is held or waiting to be sent)
            raise RuntimeError("the worker pool holds no work, yet results are missing")
        for conn in wait(list(busy)):
            worker = busy[conn]  # type: ignore[index]
            try:
                message = worker.conn.recv_bytes()
            except (EOFError, OSError):
                self._replace(worker)
                continue
            job = worker.held.popleft()
            try:
                ok, payload = ForkingPickler.loads(message)
            except Exception as exc:  # (an exception that pickles but does not unpickle: this one, in its place)
                if hasattr(exc, "add_note"):  # (Python 3.11+)
                    exc.add_note("raised reading back a worker process's reply")
                ok, payload = False, exc
            if ok:
                self._fill(job, payload)
            else:
                self.failed.setdefault(job.seq, payload)  # (the chunk is complete: its results are not waited for)

    def _fill(self, job: _Job, results: list[Any]) -> None:
        self.slots[job.seq][job.offset : job.offset + len(results)] = results
        self.left[job.seq] -= len(results)

    def _replace(self, worker: _Worker) -> None:
        """A worker died: the job it was reading is blamed, the others it held are sent again."""
        _end([worker])
        self.workers.remove(worker)
        if worker.held:
            culprit, *again = worker.held  # (a worker reads its jobs in order: the first killed it)
            if len(culprit.tasks) > 1:  # (which input killed it: each is now read alone)
                ones = [_Job(culprit.seq, culprit.offset + i, [t]) for i, t in enumerate(culprit.tasks)]
                again = ones + again
            elif culprit.deaths >= 1:  # (it killed a worker twice: it fails, named)
                self._fill(culprit, [self.dead(culprit.tasks[0])])
            else:
                again = [_Job(culprit.seq, culprit.offset, culprit.tasks, 1), *again]
            self.waiting.extendleft(reversed(again))
        self.workers.append(self._start())

    def close(self) -> None:
        """Tell every worker to stop, and wait for them (ended if they do not stop in time)."""
        for worker in self.workers:
            with contextlib.suppress(OSError):
                worker.conn.send(None)
        for worker in self.workers:
            worker.process.join(_REAP_SECONDS)
        self.terminate()

    def terminate(self) -> None:
        _end(self.workers)
        self.workers = []
        _LIVE.discard(self)


_LIVE: weakref.WeakSet[_Pool] = weakref.WeakSet()  # (pools whose workers run: a generator left suspended)


@functools.cache
def _register_exit_hook() -> None:
    """Once, when the first pool starts: after multiprocessing's own hook, so that it runs before it."""
    atexit.register(_end_live_pools)


def _end_live_pools() -> None:
    """At exit, end the workers of every pool still running (multiprocessing would wait for them)."""
    for pool in list(_LIVE):
        pool.terminate()


_MISSING = object()


def _end(workers: list[_Worker]) -> None:
    """End the workers now (SIGTERM, then SIGKILL for any that outlive it) and close their connections."""
    for worker in workers:
        with contextlib.suppress(Exception):  # (already gone)
            worker.process.terminate()
    for worker in workers:
        with contextlib.suppress(Exception):
            worker.process.join(_REAP_SECONDS)
            if worker.process.is_alive():  # (SIGTERM ignored or delayed)
                worker.process.kill()
                worker.process.join(_REAP_SECONDS)
        with contextlib.suppress(Exception):
            worker.conn.close()


def _chunks(tasks: Iterable[A], size: int) -> Iterator[list[A]]:
    chunk: list[A] = []
    for t in tasks:
        chunk.append(t)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def run_ordered(
    fn: Callable[[A], T],
    tasks: Iterable[A],
    *,
    workers: int = 1,
    dead: Callable[[A], T],
    chunk_size: int = CHUNK_SIZE,
) -> Iterator[T]:
    """``map(fn, tasks)`` on ``workers`` processes: results in input order, a bounded number of
    chunks in flight; ``dead(task)`` is the result of an input whose worker died reading it twice."""
    if workers <= 1:
        yield from map(fn, tasks)
        return
    pool = _Pool(fn, workers, dead)
    window = (_HELD + 1) * workers  # (chunks sent or read and not yet yielded)
    chunks = _chunks(tasks, chunk_size)
    added = yielded = 0
    more = True
    try:
        while True:
            while more and added - yielded < window:
                chunk = next(chunks, None)
                if chunk is None:
                    more = False
                else:
                    pool.add(added, chunk)
                    added += 1
            while yielded < added and pool.complete(yielded):
                yield from pool.take(yielded)
                yielded += 1
            if not more and yielded == added:
                break
            if more and added - yielded < window:
                continue  # (room in the window again: more chunks first)
            pool.dispatch()
            pool.receive()
        pool.close()
    finally:
        pool.terminate()
