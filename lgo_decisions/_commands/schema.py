"""Print the JSON Schema (draft 2020-12) of a schema v1 record.

The default schema is the one shipped with the package (lgo_decisions/decision.schema.json: unknown
keys allowed, as lenient loading ignores them); --strict prints the schema of strict loading
(unknown keys rejected).
"""

# (Developers: the shipped file and docs/schema.md are regenerated in a source checkout by
# scripts/generate_schema.py, never by this command, which writes nothing but standard output.)

from __future__ import annotations

import argparse
import sys

from ..jsonschema import json_schema, schema_text


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``lgo-decisions schema`` to ``parser``.

    >>> parser = argparse.ArgumentParser(prog="schema")
    >>> add_arguments(parser)
    >>> parser.parse_args(["--strict"])
    Namespace(strict=True)
    """
    parser.add_argument("--strict", action="store_true", help="the strict schema: objects admit only their own keys")


def run(args: argparse.Namespace) -> int:
    """Print the schema (to regenerate the shipped file and docs/schema.md, run scripts/generate_schema.py).

    >>> run(argparse.Namespace(strict=False))
    {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
    ...
    0
    """
    sys.stdout.write(schema_text(json_schema(strict=args.strict)))
    return 0
