"""Read statement files, folders, globs, zip archives, JSON and JSON Lines; write one JSON record a line.

JSON (``.json``: a record or an array of records) and JSON Lines (``.jsonl``, ``.ndjson``) hold
schema records or scrapers' records (a statement's text or HTML and its metadata); each record is
one input, named ``file.json[INDEX]`` or ``file.jsonl:LINE``, and a value that is neither kind of
record is a failed input naming what it lacks.

A PATH of - reads standard input: a statement's text or HTML, or records (JSON Lines, one JSON
record or an array of them), told apart by its first character that is not white space.

Records go to standard output (or ``-o FILE``; ``-o FILE.parquet`` writes Parquet with the extra
``lgo-decisions[pandas]``; ``-o FILE.db`` (or ``.sqlite``, ``.sqlite3``) builds or updates a SQLite
database with the extra ``lgo-decisions[sqlite]``, see docs/database.md), in the order the inputs
are found, whatever ``--workers``. A progress bar and a closing summary go to standard error
(counting the files in folders skipped for their suffix). Exit status: 0 every input read, 1 some
inputs failed (the others are still written), 2 usage error (bad option, a PATH that names nothing,
an output that cannot be written).
"""

from __future__ import annotations

import argparse
import contextlib
import glob
import json
import os
import sys
from collections import Counter
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING

import attrs

from .._inputs import identity
from .._jsontext import utf8
from .._outputs import Output, same_file, stdout_identity
from .._pool import workers_for
from .._skipped import skipped_by_suffix, summary_line
from .._stdin import stdin_lines
from ..corpus import CorpusResult, Line, count_inputs, line_of, missing, read_corpus
from ..database import DATABASE_SUFFIXES, DatabaseSink
from ..errors import DatabaseError, WorkerDiedError
from ..serialise import loads

if TYPE_CHECKING:
    from ..export import ParquetSink

PROG = "lgo-decisions parse"
_SHOWN_FAILURES = 10


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``lgo-decisions parse`` to ``parser``.

    >>> parser = argparse.ArgumentParser(prog="parse")
    >>> add_arguments(parser)
    >>> args = parser.parse_args(["-o", "out.parquet", "--workers", "0", "pages/", "more.zip"])
    >>> args.paths, args.output, args.workers
    (['pages/', 'more.zip'], 'out.parquet', 0)
    """
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="statement files, folders (searched recursively), globs, .zip archives, .json and .jsonl files "
        "(records, scrapers' records or arrays of them); - reads standard input (a statement, or JSON Lines)",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="write here instead of standard output; a .parquet name writes Parquet; a .db, .sqlite or .sqlite3 name "
        "builds or updates a SQLite database (docs/database.md)",
    )
    parser.add_argument(
        "-w", "--workers", type=int, default=1, metavar="N", help="read on N processes (0: one per core; default 1)"
    )
    parser.add_argument("--strict", action="store_true", help="fail a statement at the first problem")
    parser.add_argument("--errors", metavar="FILE", help="write one JSON line per failed input: name, error, reason")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")
    parser.add_argument(
        "--facts", action="store_true", help="add each statement's facts (coding scheme v1) as the extension 'facts'"
    )


def _results(args: argparse.Namespace, sink: ParquetSink | DatabaseSink | None, exclude: list[str]) -> Iterator[Line]:
    """Every input's result in order, standard input (``-``) read in its place among the paths."""
    group: list[str] = []
    for p in [*args.paths, None]:
        if p is not None and p != "-":
            group.append(p)
            continue
        if group and sink is not None:
            yield from _lines_from_decisions(args, sink, exclude, group)
        elif group and getattr(args, "facts", False):
            yield from read_corpus(
                group, workers=args.workers, strict=args.strict, exclude=exclude, transform=_line_with_facts
            )
        elif group:  # (records as UTF-8 bytes: the parent writes them as they are, neither decoded nor encoded)
            yield from read_corpus(
                group, workers=args.workers, strict=args.strict, exclude=exclude, transform=_encoded_line
            )
        group = []
        if p == "-":
            for line in stdin_lines(sys.stdin.buffer, strict=args.strict):
                if getattr(args, "facts", False) and line.record is not None:
                    line = _record_with_facts(line)
                if sink is not None and line.record is not None:
                    sink.write(loads(line.record))
                    line = line._replace(record="")
                yield line


def _usage_error(message: str) -> int:
    print(f"{PROG}: error: {message}", file=sys.stderr)
    return 2


def _lines_from_decisions(
    args: argparse.Namespace, sink: ParquetSink | DatabaseSink, exclude: list[str], paths: list[str] | None = None
) -> Iterator[Line]:
    """Results for Parquet or database output: decisions go to ``sink`` here, in the parent process."""
    transform = _with_facts if getattr(args, "facts", False) else None
    for r in read_corpus(
        args.paths if paths is None else paths,
        workers=args.workers,
        strict=args.strict,
        exclude=exclude,
        transform=transform,
    ):
        if r.decision is None:
            yield Line(r.name, None, (), r.error, r.reason)
        else:
            sink.write(r.decision)
            worst = r.worst.value if r.worst else None
            yield Line(r.name, "", tuple(d.code for d in r.decision.diagnostics), None, None, worst)


def _with_facts(result: CorpusResult) -> CorpusResult:
    """The result with its decision's facts (a ``transform`` of ``read_corpus``: run in the workers)."""
    if result.decision is None:
        return result
    from ..facts import with_facts

    return attrs.evolve(result, decision=with_facts(result.decision))


def _record_with_facts(line: Line) -> Line:
    """A line read from standard input with its record's facts added."""
    from ..facts import with_facts
    from ..serialise import dumps

    return line._replace(record=dumps(with_facts(loads(line.record or ""))))


def _encoded_line(result: CorpusResult) -> Line:
    """:func:`~lgo_decisions.corpus.line_of` with the record as UTF-8 bytes and its line end, made in
    the worker: the parent writes them to a UTF-8 output as they are (see :func:`_byte_stream`)."""
    line = line_of(result)
    if line.record is None:
        return line
    return line._replace(record=line.record.encode("utf-8") + b"\n")  # type: ignore[arg-type]


def _report(line: Line) -> str:
    """A failed input's line in the error report: UTF-8 kept, but a name that is not (its bytes
    decoded with escapes, as a file name in no UTF-8 is) written with JSON's escapes."""
    report = {"name": line.name, "error": line.error, "reason": line.reason}
    text = json.dumps(report, ensure_ascii=False)
    return (text if text.isascii() or utf8(text) else json.dumps(report)) + "\n"


def _byte_stream(out: IO[str]) -> IO[bytes] | None:
    """The bytes under a text output, when what is written to it as text reaches them unchanged: a
    file this command opened, or the process's own standard output, in UTF-8 with lines ending in
    "\\n" and not line-buffered (a terminal's lines are shown as they come). The output is flushed
    first, so that nothing waits in it."""
    if out is sys.stdout and out is not sys.__stdout__:  # (a stream put in its place: its own newline rule)
        return None
    buffer = getattr(out, "buffer", None)
    encoding = (getattr(out, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    if buffer is None or encoding != "utf8" or getattr(out, "errors", None) != "strict" or os.linesep != "\n":
        return None
    if getattr(out, "line_buffering", True):
        return None
    out.flush()
    return buffer  # type: ignore[no-any-return]


def _line_with_facts(result: CorpusResult) -> Line:
    """The result as a line of JSON with its facts, made in the worker that read it."""
    return line_of(_with_facts(result))


class _Summary:
    """Counts for the closing summary: read, partial (with diagnostics), failed by reason."""

    def __init__(self) -> None:
        self.read = 0
        self.partial = 0
        self.failures: Counter[str] = Counter()
        self.diagnostics: Counter[str] = Counter()
        self.worst: Counter[str] = Counter()  # statements by the worst severity of their diagnostics
        self.first_failures: list[Line] = []
        self.skipped: Counter[str] = Counter()  # files in folders left out for their suffix, by suffix

    def add(self, line: Line) -> None:
        if line.record is None:
            self.failures[line.error or "Error"] += 1
            if len(self.first_failures) < _SHOWN_FAILURES:
                self.first_failures.append(line)
            return
        self.read += 1
        if line.diagnostics:
            self.partial += 1
            self.diagnostics.update(set(line.diagnostics))
            self.worst[line.worst or "warning"] += 1

    @property
    def failed(self) -> int:
        return sum(self.failures.values())

    def text(self, errors_file: str | None) -> str:
        total = self.read + self.failed
        out = [
            f"{PROG}: {total:,} input(s): {self.read:,} read ({self.partial:,} with diagnostics), "
            f"{self.failed:,} failed"
        ]
        if self.failures:
            out.append("  failed by reason: " + ", ".join(f"{k} {v:,}" for k, v in self.failures.most_common()))
        if self.worst:
            worst = ", ".join(f"{k} {self.worst[k]:,}" for k in ("error", "warning", "info") if self.worst[k])
            out.append(f"  worst severity (statements): {worst}")
        if self.diagnostics:
            out.append(
                "  diagnostics (statements): " + ", ".join(f"{k} {v:,}" for k, v in self.diagnostics.most_common(8))
            )
        if self.skipped:
            out.append(f"  {summary_line(self.skipped)} (no reader for these suffixes)")
        for line in self.first_failures:
            out.append(f"  {line.name}: {line.error}: {line.reason}")
        if self.failed > len(self.first_failures):
            more = self.failed - len(self.first_failures)
            out.append(f"  ... and {more:,} more" + ("" if errors_file else " (--errors FILE lists them all)"))
        return "\n".join(out)


def run(args: argparse.Namespace) -> int:
    """Read the inputs ``args`` names and write their records; returns the exit status.

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("Kent County Council (23 008 522)\\nDecision : Upheld")
    >>> parser = argparse.ArgumentParser(prog="parse")
    >>> add_arguments(parser)
    >>> run(parser.parse_args(["--quiet", "-o", str(folder / "out.jsonl"), str(folder)]))
    0
    >>> json.loads((folder / "out.jsonl").read_text())["reference"]
    '23 008 522'
    """
    if args.workers < 0:
        return _usage_error(f"--workers must be 0 (one per core) or more, got {args.workers}")
    absent = missing([p for p in args.paths if p != "-"])
    if absent:
        return _usage_error("no such file or folder (nor matching glob): " + ", ".join(absent))
    refused = _refusal(args)
    if refused:
        return _usage_error(refused)
    workers = workers_for(args.workers)
    if args.workers > workers and not args.quiet:
        print(f"{PROG}: note: --workers {args.workers} capped at {workers}, the cores there are", file=sys.stderr)
    args.workers = workers
    parquet = bool(args.output) and args.output.lower().endswith(".parquet")
    if parquet and getattr(args, "facts", False):
        return _usage_error("--facts writes JSON Lines; Parquet has no column for them (see facts_dataframe)")
    database = bool(args.output) and args.output.lower().endswith(DATABASE_SUFFIXES)
    sink: ParquetSink | DatabaseSink | None = None
    in_place: list[str] = []  # (a database is updated in place: its files are no inputs)
    out: IO[str] = sys.stdout
    errors: IO[str] | None = None
    outputs: list[Output] = []
    try:
        if args.errors:
            outputs.append(Output(args.errors))
            errors = outputs[-1].open()
        if parquet:
            from .. import export

            outputs.append(Output(args.output, lines=False))
            sink = export.ParquetSink(outputs[-1].target())
        elif database:
            sink = DatabaseSink(args.output)
            in_place = [sink.path, sink.path + "-journal", *([sink.metadata_path] if sink.metadata_path else [])]
        elif args.output and args.output != "-":
            outputs.append(Output(args.output))
            out = outputs[-1].open()
    except (ImportError, OSError, DatabaseError) as exc:
        for o in outputs:
            o.abandon()
        if isinstance(exc, DatabaseError):
            return _usage_error(f"SQLite output: {exc}")
        if isinstance(exc, ImportError):
            return _usage_error(f"{'SQLite' if database else 'Parquet'} output: {exc}")
        return _usage_error(f"cannot write: {exc}")
    exclude = [o.path for o in outputs] + in_place + (["/dev/stdout"] if stdout_identity() else [])
    try:
        status = _run(args, out, errors, sink, exclude)
        if sink is not None:
            sink.close()
            if isinstance(sink, DatabaseSink) and not args.quiet:
                built = sink.report
                print(
                    f"{PROG}: {args.output}: {built.added:,} added, {built.replaced:,} replaced, "
                    f"{built.unchanged:,} unchanged",
                    file=sys.stderr,
                )
            sink = None
        for o in outputs:
            o.commit()
        if out is sys.stdout:
            out.flush()
    except (OSError, DatabaseError) as exc:
        if isinstance(exc, BrokenPipeError):
            raise
        kept = "the database keeps the batches written before" if database else "nothing is left under its name"
        print(f"{PROG}: error: cannot write the output: {exc}; {kept}", file=sys.stderr)
        return 2
    finally:
        if sink is not None:
            with contextlib.suppress(Exception):
                sink.close()
        for o in outputs:
            o.abandon()  # (after a commit: nothing left to do)
    return status


def _refusal(args: argparse.Namespace) -> str | None:
    """Why the outputs ``args`` names must not be written (one is an input, or both one file), or None."""
    outs = [(opt, p) for opt, p in (("-o", args.output), ("--errors", args.errors)) if p and p != "-"]
    if len(outs) == 2 and same_file(outs[0][1], outs[1][1]):
        return f"-o and --errors name the same file: {outs[0][1]}"
    named: list[str] = []
    for p in args.paths:
        if os.path.isdir(p):
            continue
        named += [p] if os.path.exists(p) else [m for m in glob.glob(p, recursive=True) if not os.path.isdir(m)]
    for opt, out in outs:
        if os.path.exists(out):
            for p in named:
                if same_file(p, out):
                    return f"{opt} {out} is an input ({p}): refusing to overwrite it"
    to_stdout = stdout_identity()
    if to_stdout is not None and (not args.output or args.output == "-"):
        for p in named:
            if identity(p) == to_stdout:
                return f"standard output is an input ({p}): refusing to write to it"
    return None


def _run(
    args: argparse.Namespace,
    out: IO[str],
    errors: IO[str] | None,
    sink: ParquetSink | DatabaseSink | None,
    exclude: list[str],
) -> int:
    """The run itself: read, write each line, count; the exit status (0 or 1)."""
    from .._progress import Progress

    progress = Progress(None, stream=sys.stderr, enabled=not args.quiet and sys.stderr.isatty())
    if progress.enabled:
        progress.total = count_inputs(args.paths, exclude=exclude)
    summary = _Summary()
    lines = _results(args, sink, exclude)
    binary = _byte_stream(out) if sink is None else None
    try:
        done = 0
        for done, line in enumerate(lines, 1):
            summary.add(line)
            if line.record is None:
                if errors is not None:
                    errors.write(_report(line))
            elif binary is not None:  # (one write: a line is never split between two)
                record: str | bytes = line.record
                binary.write(record if isinstance(record, bytes) else (record + "\n").encode("utf-8"))
            elif sink is None:
                record = line.record
                out.write(record.decode("utf-8") if isinstance(record, bytes) else record + "\n")
            if progress.enabled:
                progress.update(done, summary.failed)
        progress.update(done, summary.failed, force=True)
    except WorkerDiedError as exc:  # (the pool itself could not go on)
        progress.close()
        print(
            f"{PROG}: error: {exc} (out of memory?) after {summary.read + summary.failed:,} "
            "input(s); the output holds the records written so far",
            file=sys.stderr,
        )
        return 1
    finally:
        close = getattr(lines, "close", None)
        if close is not None:
            close()  # (workers ended now, not left running)
        progress.close()
    if not args.quiet:
        summary.skipped = skipped_by_suffix(p for p in args.paths if p != "-")
        print(summary.text(args.errors), file=sys.stderr)
    return 1 if summary.failed else 0
