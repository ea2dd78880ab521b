"""Whole corpora: folders, globs, zip archives, JSON and JSON Lines, read in a stable order, on several processes.

:func:`read_corpus` yields one :class:`CorpusResult` per input, in the order the inputs are found,
whatever the number of worker processes. Inputs are found lazily (one folder listing at a time),
and at most a few chunks of work are in flight, so memory stays flat however large the corpus.

>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("Kent County Council (23 008 522)\\nDecision : Upheld")
>>> _ = (folder / "b.txt").write_bytes(bytes(range(256)))
>>> [(r.name.endswith("a.txt"), r.ok, r.error) for r in read_corpus([folder])]
[(True, True, None), (False, False, 'DecodeError')]
"""

from __future__ import annotations

import functools
import glob
import json
import os
import zipfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import NamedTuple, TypeVar, Union

import attrs

from ._api import read
from ._decoding import decode
from ._limits import MAX_INPUT_BYTES
from ._scraped import read_json
from .errors import InputTooLargeError
from .model import Decision, Severity, worst_severity
from .serialise import dumps

PathLike = Union[str, "os.PathLike[str]"]
T = TypeVar("T")

STATEMENT_SUFFIXES: frozenset[str] = frozenset({"", ".txt", ".text", ".htm", ".html", ".xhtml"})
"""Suffixes of saved pages picked up inside folders and zip archives ("" for pages saved without one)."""
ARCHIVE_SUFFIXES: frozenset[str] = frozenset({".zip"})
RECORDS_SUFFIXES: frozenset[str] = frozenset({".jsonl", ".ndjson"})
"""Suffixes of JSON Lines files (named directly or matched by a glob): one record a line, read line by line."""
JSON_SUFFIXES: frozenset[str] = frozenset({".json"})
"""Suffixes of JSON files (also picked up inside folders and zip archives): a record, or an array of records."""
_HEAD = 8192  # how much of a JSON file is read to see whether it holds an array
CHUNK_SIZE = 16
"""Inputs sent to a worker process at a time: enough that inter-process traffic does not dominate."""
_MAGIC = frozenset("*?[")


@attrs.frozen(kw_only=True)
class CorpusResult:
    """What reading one input gave: a ``decision``, or the ``error`` type name and the ``reason``.

    ``name`` is the file's path, ``archive.zip!member`` for a zip member, ``file.jsonl:LINE``
    for a line of JSON Lines, or ``file.json[INDEX]`` for an element of a JSON array (from 0).

    >>> r = CorpusResult(name="x.txt", error="DecodeError", reason="binary data")
    >>> r.ok, r.partial, r.worst
    (False, False, None)
    """

    name: str
    decision: Decision | None = None
    error: str | None = None
    reason: str | None = None

    @property
    def ok(self) -> bool:
        """True when the input was read into a decision."""
        return self.decision is not None

    @property
    def partial(self) -> bool:
        """True when the input was read but the reader left diagnostics (something it could not place)."""
        return self.decision is not None and bool(self.decision.diagnostics)

    @property
    def worst(self) -> Severity | None:
        """The worst severity of the decision's diagnostics; ``None`` without a decision or diagnostics."""
        return worst_severity(self.decision.diagnostics) if self.decision is not None else None


class _Task(NamedTuple):
    """One input to read: ``kind`` is ``file``, ``json`` (a JSON file holding one value), ``zip``
    (``arg`` is the member), ``value`` (``arg`` is one JSON value's text: a line of JSON Lines, an
    element of a JSON array) or ``error`` (found unreadable while listing; ``arg`` is ``Type: reason``)."""

    kind: str
    name: str
    arg: str | None = None


# --- finding the inputs ---------------------------------------------------------------------------


def _has_magic(p: str) -> bool:
    return any(c in _MAGIC for c in p)


def _statement_suffixes() -> frozenset[str]:
    """:data:`STATEMENT_SUFFIXES` and every suffix a registered reader claims (plugins included)."""
    from . import readers

    try:
        return STATEMENT_SUFFIXES | readers.suffixes()
    except Exception:  # a broken plugin must not stop the listing; reading will report it
        return STATEMENT_SUFFIXES


def _picked(name: str, suffixes: frozenset[str]) -> bool:
    base = name.rsplit("/", 1)[-1]
    return bool(base) and not base.startswith(".") and Path(base).suffix.lower() in suffixes


def _walk(folder: str, suffixes: frozenset[str]) -> Iterator[str]:
    """Files under ``folder``, depth first, sorted by name in each folder; one listing in memory at a time."""
    try:
        with os.scandir(folder) as it:
            entries = sorted((e.name, e.is_dir()) for e in it if not e.name.startswith("."))
    except OSError:
        return
    for name, is_dir in entries:
        path = os.path.join(folder, name)
        if is_dir:
            yield from _walk(path, suffixes)
        elif _picked(name, suffixes | ARCHIVE_SUFFIXES):
            yield path


def _zip_tasks(path: str, suffixes: frozenset[str]) -> Iterator[_Task]:
    try:
        with zipfile.ZipFile(path) as zf:
            members = [
                i.filename
                for i in zf.infolist()
                if not i.is_dir()
                and not i.filename.startswith("__MACOSX/")
                and _picked(i.filename, suffixes | JSON_SUFFIXES)
            ]
    except (OSError, zipfile.BadZipFile) as exc:
        yield _Task("error", path, f"{type(exc).__name__}: {exc}")
        return
    for member in members:  # names only: the members are read by the workers (a JSON array's here)
        if Path(member).suffix.lower() in JSON_SUFFIXES:
            load = functools.partial(_zip_member, path, member)
            yield from _json_tasks(f"{path}!{member}", load, _Task("zip", path, member))
        else:
            yield _Task("zip", path, member)


def _json_tasks(name: str, load: Callable[[int], bytes], whole: _Task) -> Iterator[_Task]:
    """A JSON array's elements, one ``value`` task each (the array is loaded, within the size limit),
    or ``whole`` for a JSON file holding anything else (only its head is read here: a worker reads it)."""
    try:
        if not load(_HEAD).lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"["):
            yield whole
            return
        values = json.loads(decode(load(0), name=name))
    except Exception as exc:  # a file that cannot be read or is not JSON: one failure
        yield _Task("error", name, f"{type(exc).__name__}: {exc}")
        return
    if not values:
        yield _Task("error", name, "NotADecisionError: an empty JSON array: no records")
    for index, value in enumerate(values):
        yield _Task("value", f"{name}[{index}]", json.dumps(value, ensure_ascii=False))


def _line_tasks(path: str) -> Iterator[_Task]:
    """One ``value`` task a non-blank line, streaming: the file is never loaded whole."""
    try:
        with open(path, encoding="utf-8", errors="surrogateescape") as fp:
            for lineno, line in enumerate(fp, 1):
                if line.strip():
                    yield _Task("value", f"{path}:{lineno}", line)
    except OSError as exc:
        yield _Task("error", path, f"{type(exc).__name__}: {exc}")


def _file_tasks(path: str, suffixes: frozenset[str]) -> Iterator[_Task]:
    suffix = Path(path).suffix.lower()
    if suffix in ARCHIVE_SUFFIXES:
        yield from _zip_tasks(path, suffixes)
    elif suffix in RECORDS_SUFFIXES:
        yield from _line_tasks(path)
    elif suffix in JSON_SUFFIXES:
        yield from _json_tasks(path, functools.partial(_file_bytes, path), _Task("json", path))
    else:
        yield _Task("file", path)


def _iter_tasks(paths: Iterable[PathLike]) -> Iterator[_Task]:
    """The inputs named by ``paths`` (files, folders, globs, zip archives, JSON Lines), lazily, in order.

    A path that does not exist (and a glob that matches nothing) gives an ``error`` task, so that
    it is reported like any unreadable input.
    """
    suffixes = _statement_suffixes()
    for p in paths:
        s = os.fspath(p)
        if os.path.isdir(s):
            for f in _walk(s, suffixes | JSON_SUFFIXES):
                yield from _file_tasks(f, suffixes)
        elif os.path.exists(s):
            yield from _file_tasks(s, suffixes)
        elif _has_magic(s) and (matches := sorted(glob.glob(s, recursive=True))):
            yield from _iter_tasks(matches)
        else:
            yield _Task("error", s, "FileNotFoundError: no such file or folder")


def missing(paths: Iterable[PathLike]) -> list[str]:
    """The paths that name nothing: neither an existing file or folder nor a glob that matches.

    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> missing([folder, folder + "/*.txt", "no/such/folder"])
    ['/.../*.txt', 'no/such/folder']
    """
    out = []
    for p in paths:
        s = os.fspath(p)
        if not os.path.exists(s) and not (_has_magic(s) and glob.glob(s, recursive=True)):
            out.append(s)
    return out


def count_inputs(paths: Iterable[PathLike]) -> int:
    """How many inputs :func:`read_corpus` will yield for ``paths`` (lists names, reads no page).

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> for name in ("a.txt", "b.html", "notes.csv"):
    ...     _ = (folder / name).write_text("Kent County Council (23 008 522)")
    >>> count_inputs([folder, "no/such/file.txt"])  # a path that names nothing counts as a failed input
    3
    """
    return sum(1 for _ in _iter_tasks(paths))


# --- reading one input (in a worker process) ------------------------------------------------------

_open_zip: list[tuple[str, zipfile.ZipFile]] = []  # the archive this process read last, kept open


def _zip_member(path: str, member: str, head: int = 0) -> bytes:
    """The member's bytes (within the size limit), or its first ``head`` bytes."""
    if not _open_zip or _open_zip[0][0] != path:
        while _open_zip:
            _open_zip.pop()[1].close()
        _open_zip.append((path, zipfile.ZipFile(path)))
    zf = _open_zip[0][1]
    info = zf.getinfo(member)
    if head:
        with zf.open(info) as fp:
            return fp.read(head)
    if info.file_size > MAX_INPUT_BYTES:
        raise InputTooLargeError(f"{path}!{member}: {info.file_size} bytes is above the limit of {MAX_INPUT_BYTES}")
    with zf.open(info) as fp:
        data = fp.read(MAX_INPUT_BYTES + 1)
    if len(data) > MAX_INPUT_BYTES:
        raise InputTooLargeError(f"{path}!{member}: above the limit of {MAX_INPUT_BYTES} bytes")
    return data


def _file_bytes(path: str, head: int = 0) -> bytes:
    """The file's bytes (never more than the limit), or its first ``head`` bytes."""
    with open(path, "rb") as fp:
        data = fp.read(head or MAX_INPUT_BYTES + 1)
    if not head and len(data) > MAX_INPUT_BYTES:
        raise InputTooLargeError(f"{path}: more than the limit of {MAX_INPUT_BYTES} bytes")
    return data


def _named(decision: Decision, name: str) -> Decision:
    if decision.source is not None and decision.source.name is None:
        return attrs.evolve(decision, source=attrs.evolve(decision.source, name=name))
    return decision


def _read_task(task: _Task, *, strict: bool = False) -> CorpusResult:
    """Read one input; never raises for a bad input (the failure is the result)."""
    kind, name, arg = task
    if kind == "zip":
        name = f"{name}!{arg}"
    try:
        if kind == "file":
            decision = read(Path(name), strict=strict)
        elif kind == "json":
            decision = _named(read_json(decode(_file_bytes(name), name=name), name=name, strict=strict), name)
        elif kind == "zip":
            assert arg is not None
            data = _zip_member(task.name, arg)
            if Path(arg).suffix.lower() in JSON_SUFFIXES:
                decision = _named(read_json(decode(data, name=name), name=name, strict=strict), name)
            else:
                decision = _named(read(data, strict=strict), name)
        elif kind == "value":
            assert arg is not None
            decision = _named(read_json(arg, name=name, strict=strict), name)
        else:
            error, _, reason = (arg or "").partition(": ")
            return CorpusResult(name=name, error=error, reason=reason)
    except Exception as exc:  # one bad page (or a reader bug) must not stop a run of 57,000
        return CorpusResult(name=name, error=type(exc).__name__, reason=str(exc))
    return CorpusResult(name=name, decision=decision)


class Line(NamedTuple):
    """A result as the command line writes it: the JSON record, diagnostic codes, or the failure.

    >>> Line("x.txt", None, (), "DecodeError", "binary data").record is None
    True
    """

    name: str
    record: str | None
    diagnostics: tuple[str, ...]
    error: str | None
    reason: str | None
    worst: str | None = None  # the worst severity of the diagnostics (its value), or None


def _read_task_to_json(task: _Task, *, strict: bool = False) -> Line:
    """``_read_task``, serialised in the worker (cheaper to send back than a decision)."""
    r = _read_task(task, strict=strict)
    if r.decision is None:
        return Line(r.name, None, (), r.error, r.reason)
    worst = r.worst
    codes = tuple(d.code for d in r.decision.diagnostics)
    return Line(r.name, dumps(r.decision), codes, None, None, worst.value if worst else None)


# --- running the work, in order, on several processes ---------------------------------------------


def _run_chunk(fn: Callable[[_Task], T], chunk: list[_Task]) -> list[T]:
    return [fn(t) for t in chunk]


def _chunks(tasks: Iterable[_Task], size: int) -> Iterator[list[_Task]]:
    chunk: list[_Task] = []
    for t in tasks:
        chunk.append(t)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _run_ordered(
    fn: Callable[[_Task], T], tasks: Iterable[_Task], *, workers: int = 1, chunk_size: int = CHUNK_SIZE
) -> Iterator[T]:
    """``map(fn, tasks)`` on ``workers`` processes: results in input order, a bounded number of chunks in flight."""
    if workers <= 1:
        yield from map(fn, tasks)
        return
    pool = ProcessPoolExecutor(max_workers=workers)
    window: deque[Future[list[T]]] = deque()
    try:
        for chunk in _chunks(tasks, chunk_size):
            window.append(pool.submit(_run_chunk, fn, chunk))
            if len(window) >= 3 * workers:
                yield from window.popleft().result()
        while window:
            yield from window.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _workers(workers: int | None) -> int:
    if workers is None:
        return 1
    if workers < 0:
        raise ValueError(f"workers must be 0 (one per core) or more, got {workers}")
    return workers or os.cpu_count() or 1


def read_corpus(
    paths: Iterable[PathLike] | PathLike, *, workers: int | None = None, strict: bool = False
) -> Iterator[CorpusResult]:
    """Read every statement under ``paths``, yielding one :class:`CorpusResult` per input, in a stable order.

    ``paths`` are files, folders (searched recursively for ``.txt``/``.html``/... pages, pages
    saved without a suffix, ``.json`` files and zip archives), globs (``"pages/**/*.html"``), zip
    archives (members read in memory, never extracted to disk), JSON files (``.json``: a record, a
    scraper's record, or an array of them, one result each) and JSON Lines files (``.jsonl``,
    ``.ndjson``: each line a record or a scraper's record, read line by line). A scraper's record
    is a JSON object holding a statement's text or HTML and its metadata
    (``{"case_id": ..., "text": ..., "url": ...}``; see ``docs/reading.md``). ``workers`` > 1 reads
    on that many processes (0: one per core); the order of results does not change.

    A failure names the input and why; a path that does not exist is a failure too, and so is a
    JSON value that is neither kind of record (``{}``, ``[1, 2]``, ``"a string"``).

    >>> [r.error for r in read_corpus(["no/such/folder"])]
    ['FileNotFoundError']
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    fn = functools.partial(_read_task, strict=strict)
    yield from _run_ordered(fn, _iter_tasks(paths), workers=_workers(workers))


def read_corpus_json(paths: Iterable[PathLike], *, workers: int | None = None, strict: bool = False) -> Iterator[Line]:
    """Like :func:`read_corpus`, with each decision already serialised as a JSON record (for the command line).

    Serialising in the worker processes is cheaper than sending decisions back to be serialised.

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("Kent County Council (23 008 522)\\nDecision : Upheld")
    >>> [line] = read_corpus_json([folder])
    >>> line.record
    '{"schema_version": "1...", "reference": "23 008 522", ...}'
    >>> line.error is None
    True
    """
    fn = functools.partial(_read_task_to_json, strict=strict)
    yield from _run_ordered(fn, _iter_tasks(paths), workers=_workers(workers))
