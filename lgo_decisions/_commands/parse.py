"""Read statement files, folders, globs, zip archives, JSON and JSON Lines; write one JSON record a line.

JSON (``.json``: a record or an array of records) and JSON Lines (``.jsonl``, ``.ndjson``) hold
schema records or scrapers' records (a statement's text or HTML and its metadata); each record is
one input, named ``file.json[INDEX]`` or ``file.jsonl:LINE``, and a value that is neither kind of
record is a failed input naming what it lacks.

Records go to standard output (or ``-o FILE``; ``-o FILE.parquet`` writes Parquet with the extra
``lgo-decisions[pandas]``), in the order the inputs are found, whatever ``--workers``. A progress
bar and a closing summary go to standard error. Exit status: 0 every input read, 1 some inputs
failed (the others are still written), 2 usage error (bad option, a PATH that names nothing, an
output that cannot be written).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator
from concurrent.futures.process import BrokenProcessPool
from typing import IO, TYPE_CHECKING

from ..corpus import Line, count_inputs, missing, read_corpus, read_corpus_json

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
        "(records, scrapers' records or arrays of them)",
    )
    parser.add_argument(
        "-o", "--output", metavar="OUT", help="write here instead of standard output; a .parquet name writes Parquet"
    )
    parser.add_argument(
        "-w", "--workers", type=int, default=1, metavar="N", help="read on N processes (0: one per core; default 1)"
    )
    parser.add_argument("--strict", action="store_true", help="fail a statement at the first problem")
    parser.add_argument("--errors", metavar="FILE", help="write one JSON line per failed input: name, error, reason")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")


def _usage_error(message: str) -> int:
    print(f"{PROG}: error: {message}", file=sys.stderr)
    return 2


def _lines_from_decisions(args: argparse.Namespace, sink: ParquetSink) -> Iterator[Line]:
    """Results for Parquet output: decisions go to ``sink`` here, in the parent process."""
    for r in read_corpus(args.paths, workers=args.workers, strict=args.strict):
        if r.decision is None:
            yield Line(r.name, None, (), r.error, r.reason)
        else:
            sink.write(r.decision)
            worst = r.worst.value if r.worst else None
            yield Line(r.name, "", tuple(d.code for d in r.decision.diagnostics), None, None, worst)


class _Summary:
    """Counts for the closing summary: read, partial (with diagnostics), failed by reason."""

    def __init__(self) -> None:
        self.read = 0
        self.partial = 0
        self.failures: Counter[str] = Counter()
        self.diagnostics: Counter[str] = Counter()
        self.worst: Counter[str] = Counter()  # statements by the worst severity of their diagnostics
        self.first_failures: list[Line] = []

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
    absent = missing(args.paths)
    if absent:
        return _usage_error("no such file or folder (nor matching glob): " + ", ".join(absent))
    parquet = bool(args.output) and args.output.lower().endswith(".parquet")
    sink: ParquetSink | None = None
    out: IO[str] = sys.stdout
    errors: IO[str] | None = None
    try:
        if args.errors:
            errors = open(args.errors, "w", encoding="utf-8")  # noqa: SIM115 - closed below
        if parquet:
            from .. import export

            sink = export.ParquetSink(args.output)
        elif args.output and args.output != "-":
            out = open(args.output, "w", encoding="utf-8")  # noqa: SIM115 - closed below
    except (ImportError, OSError) as exc:
        if errors is not None:
            errors.close()
        if isinstance(exc, ImportError):
            return _usage_error(f"Parquet output: {exc}")
        return _usage_error(f"cannot write: {exc}")

    from .._progress import Progress

    progress = Progress(None, stream=sys.stderr, enabled=not args.quiet and sys.stderr.isatty())
    if progress.enabled:
        progress.total = count_inputs(args.paths)
    summary = _Summary()
    try:
        lines = (
            _lines_from_decisions(args, sink)
            if sink is not None
            else read_corpus_json(args.paths, workers=args.workers, strict=args.strict)
        )
        done = 0
        for done, line in enumerate(lines, 1):
            summary.add(line)
            if line.record is None:
                if errors is not None:
                    errors.write(
                        json.dumps({"name": line.name, "error": line.error, "reason": line.reason}, ensure_ascii=False)
                        + "\n"
                    )
            elif sink is None:
                out.write(line.record)
                out.write("\n")
            progress.update(done, summary.failed)
        progress.update(done, summary.failed, force=True)
    except BrokenProcessPool:
        progress.close()
        print(
            f"{PROG}: error: a worker process died (out of memory?) after {summary.read + summary.failed:,} "
            "input(s); the output holds the records written so far",
            file=sys.stderr,
        )
        return 1
    finally:
        progress.close()
        if sink is not None:
            sink.close()
        if out is not sys.stdout:
            out.close()
        else:
            out.flush()
        if errors is not None:
            errors.close()
    if not args.quiet:
        print(summary.text(args.errors), file=sys.stderr)
    return 1 if summary.failed else 0
