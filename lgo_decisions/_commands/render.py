"""Render statements as files of a writer's format (text, HTML, Akoma Ntoso, ...), one file per input, in a folder.

Every input ``parse`` reads (files, folders, globs, zip archives, JSON and JSON Lines records) is
read and written with the writer ``--to`` names into the folder ``-o DIR`` (made if missing), as
``REFERENCE`` + the writer's suffix (``20-007-417.akn.xml``), or the input's own name when the
record has no reference; a name already taken in this run gets ``-2``, ``-3``, ... Files are
written through a temporary file and renamed into place; a file already in the folder is never
replaced without ``--overwrite`` (that input fails instead), and never when it is an input. Exit
status: 0 every input written, 1 some inputs failed (read or written; the others are written),
2 usage error.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Callable

from .. import writers
from .._outputs import Output, same_file
from .._pool import workers_for
from ..corpus import missing, read_corpus
from ..errors import LgoDecisionsError
from ..model import Decision

PROG = "lgo-decisions render"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_SHOWN_FAILURES = 10


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``lgo-decisions render`` to ``parser``.

    >>> parser = argparse.ArgumentParser(prog="render")
    >>> add_arguments(parser)
    >>> args = parser.parse_args(["--to", "akn", "-o", "out", "pages/"])
    >>> args.to, args.output, args.paths, args.legislation
    ('akn', 'out', ['pages/'], False)
    """
    parser.add_argument("paths", nargs="+", metavar="PATH", help="inputs, as for 'parse'")
    parser.add_argument("--to", required=True, metavar="WRITER", help="the writer: text, html, akn or a plugin's")
    parser.add_argument("-o", "--output", required=True, metavar="DIR", help="the folder to write the files into")
    parser.add_argument(
        "--legislation", action="store_true", help="akn: mark up the facts extension's legislation citations"
    )
    parser.add_argument("--overwrite", action="store_true", help="replace files already in DIR (never an input)")
    parser.add_argument(
        "-w", "--workers", type=int, default=1, metavar="N", help="read on N processes (0: one per core)"
    )
    parser.add_argument("--strict", action="store_true", help="fail a statement at the first problem")
    parser.add_argument("-q", "--quiet", action="store_true", help="no summary")


def _usage_error(message: str) -> int:
    print(f"{PROG}: error: {message}", file=sys.stderr)
    return 2


def file_stem(reference: str | None, name: str) -> str:
    """The file name (without suffix) for a record: its reference, else its input's own name, made safe.

    >>> file_stem("20 007 417", "a/b.txt"), file_stem(None, "pages.zip!x/stmt.html"), file_stem(None, "r.jsonl:3")
    ('20-007-417', 'stmt', 'r-3')
    """
    if reference is not None:
        return _UNSAFE.sub("-", reference)
    base = re.split(r"[/\\!]", name)[-1]
    base = re.sub(r"\.(?:txt|text|html?|xhtml|xml|json|jsonl|ndjson)(?=$|[:\[])", "", base, flags=re.I)
    return _UNSAFE.sub("-", base).strip("-.") or "decision"


def _inside(folder: str, path: str) -> bool:
    folder, path = os.path.realpath(folder), os.path.realpath(path)
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def run(args: argparse.Namespace) -> int:
    """Read the inputs, write one file each into the output folder; returns the exit status.

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("Kent County Council (23 008 522)\\nDecision : Upheld")
    >>> parser = argparse.ArgumentParser(prog="render")
    >>> add_arguments(parser)
    >>> run(parser.parse_args(["-q", "--to", "akn", "-o", str(folder / "akn"), str(folder / "a.txt")]))
    0
    >>> sorted(p.name for p in (folder / "akn").iterdir())
    ['23-008-522.akn.xml']
    """
    try:
        writer = writers.get(args.to)
    except LgoDecisionsError as exc:
        return _usage_error(str(exc))
    if args.legislation and writer.name != "akn":
        return _usage_error("--legislation is an option of the akn writer only")
    if args.workers < 0:
        return _usage_error(f"--workers must be 0 (one per core) or more, got {args.workers}")
    absent = missing(args.paths)
    if absent:
        return _usage_error("no such file or folder (nor matching glob): " + ", ".join(absent))
    out_dir = args.output
    for p in args.paths:
        if os.path.isdir(p) and _inside(p, out_dir):
            return _usage_error(f"the output folder {out_dir} is inside the input folder {p}: its files would be read")
    if os.path.exists(out_dir) and not os.path.isdir(out_dir):
        return _usage_error(f"-o {out_dir} is not a folder")
    try:
        os.makedirs(out_dir, exist_ok=True)
    except OSError as exc:
        return _usage_error(f"cannot make the folder {out_dir}: {exc}")
    inputs = [p for p in args.paths if os.path.isfile(p)]
    render = _renderer(writer, args.legislation)
    used: set[str] = set()
    written = 0
    failures: list[tuple[str, str]] = []
    for result in read_corpus(args.paths, workers=workers_for(args.workers), strict=args.strict):
        d = result.decision
        if d is None:
            failures.append((result.name, f"{result.error}: {result.reason}"))
            continue
        stem = file_stem(d.reference, result.name)
        name, k = stem + writer.suffix, 1
        while name in used:
            k += 1
            name = f"{stem}-{k}{writer.suffix}"
        used.add(name)
        target = os.path.join(out_dir, name)
        problem = _refusal(target, inputs, args.overwrite)
        if problem is None:
            try:
                data = render(d)
            except LgoDecisionsError as exc:
                problem = f"{type(exc).__name__}: {exc}"
        if problem is None:
            try:
                _write(target, data)
            except OSError as exc:
                problem = f"cannot write {target}: {exc}"
        if problem is not None:
            failures.append((result.name, problem))
        else:
            written += 1
    if not args.quiet:
        print(
            f"{PROG}: {written + len(failures):,} input(s): {written:,} written to {out_dir}, {len(failures):,} failed",
            file=sys.stderr,
        )
        for name, problem in failures[:_SHOWN_FAILURES]:
            print(f"  {name}: {problem}", file=sys.stderr)
        if len(failures) > _SHOWN_FAILURES:
            print(f"  ... and {len(failures) - _SHOWN_FAILURES:,} more", file=sys.stderr)
    return 1 if failures else 0


def _renderer(writer: writers.Writer, legislation: bool) -> Callable[[Decision], bytes]:
    if writer.name == "akn":
        from ..writers.akn import render_akn

        return lambda d: render_akn(d, legislation=legislation)
    return lambda d: writer.render(d).encode("utf-8")


def _refusal(target: str, inputs: list[str], overwrite: bool) -> str | None:
    """Why ``target`` must not be written (it is an input, or a file there already), or None."""
    if not os.path.lexists(target):
        return None
    for p in inputs:
        if same_file(p, target):
            return f"{target} is an input ({p}): refusing to overwrite it"
    if not overwrite:
        return f"{target} exists: refusing to overwrite it (--overwrite replaces it)"
    if not os.path.isfile(target) or os.path.islink(target):
        return f"{target} is not a regular file: refusing to replace it"
    return None


def _write(target: str, data: bytes) -> None:
    out = Output(target, lines=False)
    try:
        with open(out.target(), "wb") as fp:
            fp.write(data)
        out.commit()
    finally:
        out.abandon()
