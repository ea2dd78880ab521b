"""Count the records of JSON Lines files by outcome, area and year of decision.

Prints a plain-text table (or ``--json``). ``-`` reads standard input. Lines that are not
records (not JSON, not UTF-8, nested too deeply, longer than the input size limit) are counted as
invalid and named on standard error. Exit status: 0, 1 when some lines were invalid, 2 when a FILE
cannot be read (missing, unreadable, a FIFO or device: named, the other files still counted).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from typing import IO, Any

from .. import _limits
from .._inputs import bounded_lines, open_regular
from ..errors import NotARegularFileError, SerialisationError
from ..model import Decision, worst_severity
from ..serialise import loads

PROG = "lgo-decisions stats"
_NONE = "(none)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``lgo-decisions stats`` to ``parser``.

    >>> parser = argparse.ArgumentParser(prog="stats")
    >>> add_arguments(parser)
    >>> parser.parse_args(["--json", "records.jsonl", "-"])
    Namespace(files=['records.jsonl', '-'], json=True)
    """
    parser.add_argument(
        "files", nargs="+", metavar="FILE", help="JSON Lines of records, as written by parse ('-': standard input)"
    )
    parser.add_argument("--json", action="store_true", help="print the counts as one JSON object")


class Stats:
    """Counts of records by outcome code, area and year of decision.

    >>> from lgo_decisions import read_text
    >>> s = Stats()
    >>> s.add(read_text("Kent County Council (23 008 522)\\nDecision : Upheld"))
    >>> s.as_dict()["outcome"]
    {'upheld': 1}
    """

    def __init__(self) -> None:
        self.records = 0
        self.with_diagnostics = 0
        self.worst: Counter[str] = Counter()  # records by the worst severity of their diagnostics
        self.invalid = 0
        self.outcome: Counter[str] = Counter()
        self.area: Counter[str] = Counter()
        self.year: Counter[str] = Counter()

    def add(self, d: Decision) -> None:
        self.records += 1
        self.with_diagnostics += bool(d.diagnostics)
        worst = worst_severity(d.diagnostics)
        if worst is not None:
            self.worst[worst.value] += 1
        self.outcome[d.outcome.code.value if d.outcome else _NONE] += 1
        self.area[d.category.area if d.category else _NONE] += 1
        self.year[str(d.decision_date.year) if d.decision_date else _NONE] += 1

    def as_dict(self) -> dict[str, Any]:
        return {
            "records": self.records,
            "with_diagnostics": self.with_diagnostics,
            "invalid_lines": self.invalid,
            "outcome": dict(self.outcome.most_common()),
            "area": dict(self.area.most_common()),
            "year": dict(sorted(self.year.items())),
            "worst_severity": {k: self.worst[k] for k in ("error", "warning", "info") if self.worst[k]},
        }

    def table(self) -> str:
        """A plain-text table: totals, then one block per count, with percentages of the records."""
        out = [f"{'records':<56}{self.records:>9,}", f"{'with diagnostics':<56}{self.with_diagnostics:>9,}"]
        for severity in ("error", "warning", "info"):  # (records by the worst severity of their diagnostics)
            if self.worst[severity]:
                out.append(f"{'  worst: ' + severity:<56}{self.worst[severity]:>9,}")
        if self.invalid:
            out.append(f"{'invalid lines':<56}{self.invalid:>9,}")
        data = self.as_dict()
        for title in ("outcome", "area", "year"):
            out += ["", f"{title:<56}{'count':>9}{'%':>8}"]
            for name, count in data[title].items():
                pct = 100 * count / self.records if self.records else 0.0
                out.append(f"{name[:55]:<56}{count:>9,}{pct:>8.1f}")
        return "\n".join(out)


def _invalid(stats: Stats, where: str, reason: object) -> None:
    stats.invalid += 1
    print(f"{PROG}: {where}: {reason}", file=sys.stderr)


def _count(stats: Stats, name: str, fp: IO[bytes]) -> None:
    """Count the records of one file: a line that is not a record is counted invalid and named."""
    for lineno, raw in bounded_lines(fp):
        where = f"{name}:{lineno}"
        if raw is None:
            _invalid(stats, where, f"a line above the limit of {_limits.MAX_INPUT_BYTES} bytes")
            continue
        try:
            stats.add(loads(raw.decode("utf-8")))
        except UnicodeDecodeError as exc:
            _invalid(stats, where, f"not UTF-8 text: {exc}")
        except RecursionError:
            _invalid(stats, where, "JSON nested too deeply to load")
        except (SerialisationError, ValueError) as exc:
            _invalid(stats, where, exc)


def run(args: argparse.Namespace) -> int:
    """Count the records of ``args.files`` and print the counts; returns the exit status.

    >>> import pathlib, tempfile
    >>> from lgo_decisions import dumps, read_text
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "records.jsonl"
    >>> _ = path.write_text(dumps(read_text("Kent County Council (23 008 522)\\nDecision : Upheld")) + "\\n")
    >>> run(argparse.Namespace(files=[str(path)], json=True))
    {
      "records": 1,
      "with_diagnostics": 0,
      "invalid_lines": 0,
      "outcome": {
        "upheld": 1
      },
    ...
    0
    """
    stats = Stats()
    unreadable = False
    for name in args.files:
        try:
            fp = sys.stdin.buffer if name == "-" else open_regular(name)
        except (OSError, NotARegularFileError) as exc:
            print(f"{PROG}: error: cannot read {name}: {exc}", file=sys.stderr)
            unreadable = True
            continue
        try:
            _count(stats, name, fp)
        except OSError as exc:  # (a read error part-way: the lines before it are counted)
            print(f"{PROG}: error: cannot read {name}: {exc}", file=sys.stderr)
            unreadable = True
        finally:
            if fp is not sys.stdin.buffer:
                fp.close()
    print(json.dumps(stats.as_dict(), ensure_ascii=False, indent=2) if args.json else stats.table())
    return 2 if unreadable else 1 if stats.invalid else 0
