"""Print the JSON Schema (draft 2020-12) of a schema v1 record, or regenerate its files.

The default schema is the one shipped as lgo_decisions/decision.schema.json (unknown keys allowed, as
lenient loading ignores them); --strict prints the schema of strict loading (unknown keys rejected).
In a source checkout, --write regenerates lgo_decisions/decision.schema.json and docs/schema.md from
the models, and --check exits 1 when either disagrees with them.
"""

from __future__ import annotations

import argparse
import sys

from .. import jsonschema as generated
from ..jsonschema import json_schema, schema_text


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``lgo-decisions schema`` to ``parser``.

    >>> parser = argparse.ArgumentParser(prog="schema")
    >>> add_arguments(parser)
    >>> parser.parse_args(["--strict"])
    Namespace(strict=True, write=False, check=False)
    """
    parser.add_argument("--strict", action="store_true", help="the strict schema: objects admit only their own keys")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--write", action="store_true",
                       help="regenerate lgo_decisions/decision.schema.json and docs/schema.md from the models")
    group.add_argument("--check", action="store_true", help="exit 1 when a generated file disagrees with the models")


def run(args: argparse.Namespace) -> int:
    """Print the schema, or write (``--write``) or check (``--check``) the generated files.

    >>> run(argparse.Namespace(strict=False, write=False, check=False))
    {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
    ...
    0
    """
    if args.write:
        for path, text in generated.generated_files().items():
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path}", file=sys.stderr)
        return 0
    if args.check:
        stale = generated.stale_files()
        for path in stale:
            print(f"{path} disagrees with the models: run lgo-decisions schema --write", file=sys.stderr)
        return 1 if stale else 0
    sys.stdout.write(schema_text(json_schema(strict=args.strict)))
    return 0
