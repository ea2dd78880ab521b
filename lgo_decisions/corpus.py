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
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple, TypeVar, Union, overload

import attrs

from . import _inputs
from ._api import read, read_data
from ._decoding import decode
from ._inputs import Identity, bounded_lines, check_regular, file_bytes, open_regular, walk_folder, zip_member
from ._limits import MAX_INPUT_BYTES
from ._pool import CHUNK_SIZE, run_ordered, workers_for
from ._scraped import read_json
from .errors import LineTooLongError, SerialisationError, WorkerDiedError
from .model import Decision, Severity, worst_severity
from .serialise import dumps

PathLike = Union[str, "os.PathLike[str]"]

STATEMENT_SUFFIXES: frozenset[str] = frozenset({"", ".txt", ".text", ".htm", ".html", ".xhtml"})
"""Suffixes of saved pages picked up inside folders and zip archives ("" for pages saved without one)."""
ARCHIVE_SUFFIXES: frozenset[str] = frozenset({".zip"})
RECORDS_SUFFIXES: frozenset[str] = frozenset({".jsonl", ".ndjson"})
"""Suffixes of JSON Lines files (named directly or matched by a glob): one record a line, read line by line."""
JSON_SUFFIXES: frozenset[str] = frozenset({".json"})
"""Suffixes of JSON files (also picked up inside folders and zip archives): a record, or an array of records."""
_MANY_INPUTS = ARCHIVE_SUFFIXES | RECORDS_SUFFIXES | JSON_SUFFIXES  # (files that are not one page)
_HEAD = 8192  # how much of a JSON file is read to see whether it holds an array
__all__ = [
    "CHUNK_SIZE",
    "CorpusResult",
    "Line",
    "count_inputs",
    "missing",
    "read_corpus",
    "read_corpus_json",
    "record_line",
]
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


def _error(name: str, exc: BaseException) -> _Task:
    return _Task("error", name, f"{type(exc).__name__}: {exc}")


def _zip_tasks(path: str, suffixes: frozenset[str]) -> Iterator[_Task]:
    try:
        check_regular(path)  # (a FIFO would block)
        with zipfile.ZipFile(path) as zf:
            members = [
                i.filename
                for i in zf.infolist()
                if not i.is_dir()
                and not i.filename.startswith("__MACOSX/")
                and _inputs.picked_name(i.filename, suffixes | JSON_SUFFIXES)
            ]
    except Exception as exc:  # a broken archive, a member name flagged UTF-8 that is not: the archive fails
        yield _error(path, exc)
        return
    for member in members:  # names only: the members are read by the workers (a JSON array's here)
        if Path(member).suffix.lower() in JSON_SUFFIXES:
            load = functools.partial(zip_member, path, member)
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
        with open_regular(path, "r", encoding="utf-8", errors="surrogateescape") as fp:
            for lineno, line in bounded_lines(fp):
                if line is None:
                    too_long = LineTooLongError(f"{path}:{lineno}: a line above the limit of {MAX_INPUT_BYTES}")
                    yield _error(f"{path}:{lineno}", too_long)
                else:
                    yield _Task("value", f"{path}:{lineno}", line)
    except Exception as exc:  # OSError, NotARegularFileError
        yield _error(path, exc)


def _file_tasks(path: str, suffixes: frozenset[str], suffix: str | None = None) -> Iterator[_Task]:
    """The tasks of a file, by its ``suffix`` (lower case; by default its path's)."""
    suffix = Path(path).suffix.lower() if suffix is None else suffix
    if suffix in ARCHIVE_SUFFIXES:
        yield from _zip_tasks(path, suffixes)
    elif suffix in RECORDS_SUFFIXES:
        yield from _line_tasks(path)
    elif suffix in JSON_SUFFIXES:
        yield from _json_tasks(path, functools.partial(file_bytes, path), _Task("json", path))
    else:
        yield _Task("file", path)


def _iter_tasks(
    paths: Iterable[PathLike], skip: frozenset[Identity] = frozenset(), at: frozenset[_inputs.Place] | None = None
) -> Iterator[_Task]:
    """The inputs named by ``paths`` (files, folders, globs, zip archives, JSON Lines), lazily, in order.

    A path that does not exist (and a glob that matches nothing) gives an ``error`` task, so that
    it is reported like any unreadable input. Files whose identity is in ``skip`` (at their places
    ``at``: :func:`~lgo_decisions._inputs.walk_folder`) are left out.
    """
    suffixes = _statement_suffixes()
    for p in paths:
        s = os.fspath(p)
        if os.path.isdir(s):
            picking = suffixes | JSON_SUFFIXES | ARCHIVE_SUFFIXES
            for f in walk_folder(s, _inputs.name_picker(picking), skip, at):
                if not isinstance(f, str):
                    yield _error(*f)
                    continue
                # (a listing has no hidden name, for which alone splitext's suffix is not Path's)
                suffix = os.path.splitext(f)[1].lower()
                if suffix in _MANY_INPUTS:
                    yield from _file_tasks(f, suffixes, suffix)
                else:
                    yield _Task("file", f)  # (a page: as _file_tasks gives it, without a generator a file)
        elif os.path.lexists(s) and not os.path.exists(s):  # a dangling link, a symlink loop
            try:
                os.stat(s)
            except OSError as exc:
                yield _error(s, exc)
        elif os.path.exists(s):
            if skip and _inputs.identity(s) in skip:
                continue
            yield from _file_tasks(s, suffixes)
        elif _has_magic(s) and (matches := sorted(glob.glob(s, recursive=True))):
            yield from _iter_tasks(matches, skip, at)
        else:
            yield _Task("error", s, "FileNotFoundError: no such file or folder")


def missing(paths: Iterable[PathLike]) -> list[str]:
    """The paths that name nothing: neither an existing file, folder or link (a broken link or a
    symlink loop is an input that fails) nor a glob that matches.

    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> missing([folder, folder + "/*.txt", "no/such/folder"])
    ['/.../*.txt', 'no/such/folder']
    """
    out = []
    for p in paths:
        s = os.fspath(p)
        if not os.path.lexists(s) and not (_has_magic(s) and glob.glob(s, recursive=True)):
            out.append(s)
    return out


def count_inputs(paths: Iterable[PathLike], *, exclude: Iterable[PathLike] = ()) -> int:
    """How many inputs :func:`read_corpus` will yield for ``paths`` (lists names, reads no page).

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> for name in ("a.txt", "b.html", "notes.csv"):
    ...     _ = (folder / name).write_text("Kent County Council (23 008 522)")
    >>> count_inputs([folder, "no/such/file.txt"])  # a path that names nothing counts as a failed input
    3
    """
    return sum(1 for _ in _iter_tasks(paths, *_inputs.outputs(exclude)))


# --- reading one input (in a worker process) ------------------------------------------------------


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
            shown = _inputs.path_text(name)  # (the name read() gives the record)
            if shown == name:  # (one open: a FIFO refused, not waited on; a device refused, never read to its end)
                decision = read_data(_inputs.regular_file_bytes(name, MAX_INPUT_BYTES), name, strict=strict)
            else:
                check_regular(name)
                decision = read(Path(name), strict=strict)
        elif kind == "json":
            decision = _named(read_json(decode(file_bytes(name), name=name), name=name, strict=strict), name)
        elif kind == "zip":
            assert arg is not None
            data = zip_member(task.name, arg)
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


def line_of(r: CorpusResult) -> Line:
    """The result as the command line writes it (serialised in the worker: cheaper to send back than a decision)."""
    if r.decision is None:
        return Line(r.name, None, (), r.error, r.reason)
    worst = r.worst
    codes = tuple(d.code for d in r.decision.diagnostics)
    try:
        record = dumps(r.decision)
    except SerialisationError as exc:  # (a string no JSON can hold: a file name not in UTF-8, say)
        return Line(r.name, None, (), type(exc).__name__, str(exc))
    return Line(r.name, record, codes, None, None, worst.value if worst else None)


def record_line(result: CorpusResult) -> str | None:
    """The result's JSON record (:func:`~lgo_decisions.dumps`), or ``None`` for a failure: a
    ``transform`` for :func:`read_corpus` that serialises in the worker processes.

    >>> record_line(CorpusResult(name="x.txt", error="DecodeError", reason="binary data")) is None
    True
    """
    return None if result.decision is None else dumps(result.decision)


def _read_transformed(task: _Task, *, strict: bool, transform: Callable[[CorpusResult], Any]) -> Any:
    return transform(_read_task(task, strict=strict))


# --- when a worker dies --------------------------------------------------------------------------

_DIED = "the worker process reading it died twice (killed, or out of memory)"


def _dead(task: _Task) -> CorpusResult:
    name = f"{task.name}!{task.arg}" if task.kind == "zip" else task.name
    return CorpusResult(name=name, error=WorkerDiedError.__name__, reason=_DIED)


_T = TypeVar("_T")


@overload
def read_corpus(
    paths: Iterable[PathLike] | PathLike,
    *,
    workers: int | None = None,
    strict: bool = False,
    exclude: Iterable[PathLike] = (),
    progress: bool = False,
    transform: None = None,
) -> Iterator[CorpusResult]: ...
@overload
def read_corpus(
    paths: Iterable[PathLike] | PathLike,
    *,
    workers: int | None = None,
    strict: bool = False,
    exclude: Iterable[PathLike] = (),
    progress: bool = False,
    transform: Callable[[CorpusResult], _T],
) -> Iterator[_T]: ...
def read_corpus(
    paths: Iterable[PathLike] | PathLike,
    *,
    workers: int | None = None,
    strict: bool = False,
    exclude: Iterable[PathLike] = (),
    progress: bool = False,
    transform: Callable[[CorpusResult], Any] | None = None,
) -> Iterator[Any]:
    """Read every statement under ``paths``, yielding one :class:`CorpusResult` per input, in a stable order.

    ``progress=True`` draws a progress bar on standard error, or in a Jupyter notebook: tqdm's
    when it is installed (``pip install 'lgo-decisions[progress]'``), else the command line's.

    ``paths`` are files, folders (searched recursively for ``.txt``/``.html``/... pages, pages
    saved without a suffix, ``.json`` files and zip archives), globs (``"pages/**/*.html"``), zip
    archives (members read in memory, never extracted to disk), JSON files (``.json``: a record, a
    scraper's record, or an array of them, one result each) and JSON Lines files (``.jsonl``,
    ``.ndjson``: each line a record or a scraper's record, read line by line). A scraper's record
    is a JSON object holding a statement's text or HTML and its metadata
    (``{"case_id": ..., "text": ..., "url": ...}``; see ``docs/reading.md``). ``workers`` > 1 reads
    on that many processes (0: one per core; never more than the cores there are); the order of
    results does not change. Files that are the same file as one of ``exclude`` (by identity, not
    by name: the run's own outputs) are left out.

    ``transform`` (a module-level function, sent to the workers) is applied to each result in the
    worker that read it, and its value is yielded instead: sending back what a study keeps (a JSON
    record: :func:`record_line`) costs far less than whole decisions.

    A failure names the input and why; a path that does not exist is a failure too, and so is a
    JSON value that is neither kind of record (``{}``, ``[1, 2]``, ``"a string"``).

    >>> [r.error for r in read_corpus(["no/such/folder"])]
    ['FileNotFoundError']
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    if progress:  # (counting the inputs first; otherwise paths stream, however many)
        paths, exclude = list(paths), list(exclude)
    tasks = _iter_tasks(paths, *_inputs.outputs(exclude))
    results: Iterator[Any]
    if transform is None:
        fn = functools.partial(_read_task, strict=strict)
        results = run_ordered(fn, tasks, workers=workers_for(workers), dead=_dead)
    else:
        fn_t = functools.partial(_read_transformed, strict=strict, transform=transform)
        results = run_ordered(fn_t, tasks, workers=workers_for(workers), dead=lambda task: transform(_dead(task)))
    if progress:
        from ._progress import tracked

        failed = (lambda r: r.decision is None) if transform is None else (lambda r: False)
        results = tracked(results, count_inputs(paths, exclude=exclude), failed)
    yield from results


def read_corpus_json(
    paths: Iterable[PathLike], *, workers: int | None = None, strict: bool = False, exclude: Iterable[PathLike] = ()
) -> Iterator[Line]:
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
    yield from read_corpus(paths, workers=workers, strict=strict, exclude=exclude, transform=line_of)
