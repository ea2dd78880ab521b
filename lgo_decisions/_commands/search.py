"""Search a database built by ``lgo-decisions parse -o decisions.db``: summaries and paragraphs, best first.

Every word of the query must occur (with stemming: "fees" finds "fee"); ``--raw`` passes FTS5
query syntax through (``'"top-up fee"'`` for a phrase, ``OR``, ``NEAR``, ``prefix*``). One match a
line: reference, where (``summary`` or ``section S, paragraph N``), the body and a snippet with the
words found in [brackets]; ``--json`` writes one JSON object a line instead. Reading needs no
extra. Exit status: 0 matches found, 1 none, 2 usage error (no such database, not one of ours, a
query FTS5 cannot read).
"""

from __future__ import annotations

import argparse
import json
import os
import sys

import attrs

PROG = "lgo-decisions search"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``lgo-decisions search`` to ``parser``.

    >>> parser = argparse.ArgumentParser(prog="search")
    >>> add_arguments(parser)
    >>> args = parser.parse_args(["decisions.db", "top-up", "fee", "--limit", "5"])
    >>> args.database, args.query, args.limit
    ('decisions.db', ['top-up', 'fee'], 5)
    """
    parser.add_argument("database", metavar="DATABASE", help="a database built with 'lgo-decisions parse -o NAME.db'")
    parser.add_argument("query", nargs="+", metavar="WORD", help="the words to find (all of them)")
    parser.add_argument("-n", "--limit", type=int, default=20, metavar="N", help="at most N matches (default 20)")
    parser.add_argument("--raw", action="store_true", help="the query is FTS5 query syntax")
    parser.add_argument("--json", action="store_true", help="one JSON object a line")


def _where(hit: object) -> str:
    section, number = getattr(hit, "section", None), getattr(hit, "number", None)
    if section is None:
        return "summary"
    return f"section {section}" + (f", paragraph {number}" if number is not None else "")


def run(args: argparse.Namespace) -> int:
    """Search the database ``args`` names; returns the exit status.

    >>> import pathlib, tempfile, lgo_decisions
    >>> from lgo_decisions.database import write_db
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "decisions.db"
    >>> d = lgo_decisions.read_text("Kent County Council (23 008 522)\\nThe complaint\\n- Mr X paid a top-up fee.")
    >>> _ = write_db([d], path)
    >>> parser = argparse.ArgumentParser(prog="search")
    >>> add_arguments(parser)
    >>> run(parser.parse_args([str(path), "top-up", "fees"]))
    23 008 522  section 1, paragraph 1  Kent County Council  Mr X paid a [top-up] [fee].
    0
    """
    from ..database import search
    from ..errors import DatabaseError

    if args.limit < 1:
        print(f"{PROG}: error: --limit must be 1 or more, got {args.limit}", file=sys.stderr)
        return 2
    if not os.path.isfile(args.database):
        print(f"{PROG}: error: no such database: {args.database}", file=sys.stderr)
        return 2
    try:
        hits = search(args.database, " ".join(args.query), limit=args.limit, raw=args.raw)
    except DatabaseError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 2
    for hit in hits:
        if args.json:
            print(json.dumps(attrs.asdict(hit), ensure_ascii=False))
        else:
            snippet = " ".join(hit.snippet.split())
            print(f"{hit.reference or '-'}  {_where(hit)}  {hit.organisation or '-'}  {snippet}")
    return 0 if hits else 1
