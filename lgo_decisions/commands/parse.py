"""Read statement files and folders and write one JSON record a line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

from ..api import read
from ..errors import LgoDecisionsError
from ..serialise import dumps

_SUFFIXES = {".txt", ".text", ".htm", ".html", ".xhtml"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="statement files and folders")
    parser.add_argument("-o", "--output", metavar="FILE", help="write JSON Lines here (default: standard output)")
    parser.add_argument("--strict", action="store_true", help="fail a statement at the first problem")


def iter_files(paths: list[str]) -> Iterator[Path]:
    """Files named, and statement files found in folders (sorted, recursively)."""
    for p in map(Path, paths):
        if p.is_dir():
            yield from sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in _SUFFIXES)
        else:
            yield p


def run(args: argparse.Namespace) -> int:
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout  # noqa: SIM115
    failed = 0
    try:
        for path in iter_files(args.paths):
            try:
                decision = read(path, strict=args.strict)
            except (LgoDecisionsError, OSError) as exc:
                failed += 1
                print(f"lgo-decisions: {path}: {exc}", file=sys.stderr)
                continue
            out.write(dumps(decision) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
    return 1 if failed else 0
