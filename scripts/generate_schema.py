"""Regenerate the files generated from the models: the shipped JSON Schema and docs/schema.md.

A development script of the source checkout, not part of the package::

    python scripts/generate_schema.py          # write lgo_decisions/decision.schema.json and docs/schema.md
    python scripts/generate_schema.py --check  # exit 1 when either disagrees with the models

The schema itself comes from :func:`lgo_decisions.jsonschema.json_schema`; this script renders it as
the Markdown page and writes both files. The test suite (tests/test_jsonschema.py) runs the same check.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

import lgo_decisions
from lgo_decisions._diagnostics import CODES, DEFAULT_SEVERITY
from lgo_decisions.jsonschema import SCHEMA_FILE, json_schema, schema_text
from lgo_decisions.model import (
    SCHEMA_VERSION,
    Category,
    Decision,
    NumberedParagraph,
    Organisation,
    Outcome,
    OutcomeCode,
    Paragraph,
    Section,
)
from lgo_decisions.serialise import dumps

ROOT = Path(__file__).resolve().parents[1]
"""The source checkout this script belongs to."""


def _type_text(prop: dict[str, Any]) -> str:
    if "$ref" in prop:
        name = prop["$ref"].rsplit("/", 1)[1]
        return f"[{name}](#{name.lower()})"
    if "anyOf" in prop:
        return " or ".join(_type_text(p) for p in prop["anyOf"])
    if "const" in prop:
        return f"`{json.dumps(prop['const'])}`"
    kind = prop.get("type")
    if isinstance(kind, list):
        return " or ".join(_type_text({**prop, "type": k}) for k in kind)
    if kind == "array":
        return f"array of {_type_text(prop['items'])}"
    if kind == "string" and "format" in prop:
        return f"string ({prop['format']})"
    return str(kind) if kind != "null" else "null"


def _rules_text(prop: dict[str, Any]) -> str:
    rules = []
    if "pattern" in prop and "format" not in prop:
        rules.append(f"matches `{prop['pattern']}`")
    if "format" in prop:
        rules.append("a real calendar date, `YYYY-MM-DD`")
    if "minimum" in prop and "maximum" in prop:
        rules.append(f"{prop['minimum']} to {prop['maximum']}")
    elif "minimum" in prop:
        rules.append(f">= {prop['minimum']}")
    return "; ".join(rules)


def _object_section(name: str, schema: dict[str, Any]) -> list[str]:
    lines = [f"### {name}", "", schema["description"], ""]
    lines += ["| Key | Type | Required | Rules | Description |", "|---|---|---|---|---|"]
    required = set(schema.get("required", ()))
    for key, prop in schema["properties"].items():
        desc = prop["description"].replace("|", "\\|")
        rules = _rules_text(prop).replace("|", "\\|")
        lines.append(f"| `{key}` | {_type_text(prop)} | {'yes' if key in required else 'no'} | {rules} | {desc} |")
    return [*lines, ""]


def _statement_rule(schema: dict[str, Any]) -> list[str]:
    """The record's ``anyOf``: the keys of which it must have one, present and not empty."""
    keys = [branch["required"][0] for branch in schema.get("anyOf", ())]
    if not keys:
        return []
    named = ", ".join(f"`{k}`" for k in keys[:-1]) + f" or `{keys[-1]}`"
    return [
        f"A record must have {named} (not null, not empty): a record with none of them",
        "names no statement, and the loader refuses it as the schema does.",
        "",
    ]


def _codes_section() -> list[str]:
    """The table of diagnostic codes (lgo_decisions._diagnostics.CODES) with their severities."""
    lines = [
        "## Diagnostic codes",
        "",
        "Every code the library (and its example plugin) puts in `diagnostics[].code`, with the default",
        "`severity` of a diagnostic of that code: `info` (noted; nothing is wrong with the record),",
        "`warning` (a guess that may have got something wrong) or `error` (the record is not a",
        f"statement, or has lost its core). A code not listed here (a plugin's own) is a `{DEFAULT_SEVERITY}`.",
        "",
        "| Code | Severity | Meaning |",
        "|---|---|---|",
    ]
    lines += [
        f"| `{code}` | {severity} | {meaning.replace('|', chr(92) + '|')} |"
        for code, (severity, meaning) in CODES.items()
    ]
    return [*lines, ""]


def _example() -> str:
    decision = Decision(
        reference="20 000 001",
        organisations=[Organisation(name="Example Council", reference="20 000 001")],
        category=Category(area="Education", subject="School transport"),
        outcome=Outcome(code=OutcomeCode.NOT_UPHELD, label="Not upheld"),
        decision_date=dt.date(2021, 2, 4),
        summary="Mr X complained about ...",
        sections=[
            Section(heading="The complaint", blocks=[NumberedParagraph(number=1, text="Mr X complained ...")]),
            Section(heading="Final decision", blocks=[Paragraph(text="I have completed my investigation.")]),
        ],
        decided_by="Investigator's decision on behalf of the Ombudsman",
        url="https://www.lgo.org.uk/decisions/education/school-transport/20-000-001",
    )
    return dumps(decision, indent=2)


def schema_markdown(schema: dict[str, Any] | None = None) -> str:
    """``docs/schema.md``: every object and field of the schema, generated from it.

    >>> text = schema_markdown()
    >>> text.splitlines()[0], "| `reference` | string or null | no |" in text
    ('# The record schema', True)
    """
    schema = json_schema() if schema is None else schema
    defs = schema["$defs"]
    lines = [
        "# The record schema",
        "",
        "<!-- Generated from the models by `python scripts/generate_schema.py`; do not edit by hand. -->",
        "",
        f"A record is one decision statement as a JSON object: schema version **{SCHEMA_VERSION}**. The JSON",
        f"Schema (draft 2020-12) ships in the package as `lgo_decisions/{SCHEMA_FILE}`, is printed by",
        "`lgo-decisions schema` and returned by `lgo_decisions.json_schema()`; `lgo-decisions validate",
        "FILE.jsonl` checks records against it. What may change between schema versions, and what",
        "happens to keys a reader does not know, is in [compatibility.md](compatibility.md).",
        "",
        "The loader accepts exactly what the schema admits. In short:",
        "",
        "- Keys marked *required* must be present; the others may be left out (the loader then uses",
        "  the default: `null`, an empty array or an empty object). The writer always writes every key.",
        "- Patterns are ECMA-262 regular expressions matched against the whole string, ASCII digits only.",
        "- Numbers are whole numbers (`2.0` is read as `2`, as JSON Schema counts it an integer).",
        "- Blocks are a tagged union: the `type` key names the block kind.",
        "- Keys the schema does not name are ignored by default and rejected by strict loading",
        "  (`from_dict(data, strict=True)`, `lgo-decisions validate --strict`); the strict schema is",
        "  `json_schema(strict=True)`. `extensions` holds any JSON, by namespace.",
        "",
        "## Example",
        "",
        "```json",
        _example(),
        "```",
        "",
        "## Objects",
        "",
    ]
    lines += _object_section("Decision", schema)
    lines += _statement_rule(schema)
    for name, sub in defs.items():
        if name == "Block":
            kinds = ", ".join(
                f"`{k}` ([{ref.rsplit('/', 1)[1]}](#{ref.rsplit('/', 1)[1].lower()}))"
                for k, ref in sub["discriminator"]["mapping"].items()
            )
            lines += [f"### {name}", "", sub["description"], f"The `type` values: {kinds}.", ""]
        elif "enum" in sub:
            values = ", ".join(f"`{v}`" for v in sub["enum"])
            lines += [f"### {name}", "", sub["description"], "", f"A string, one of: {values}.", ""]
        else:
            lines += _object_section(name, sub)
    lines += _codes_section()
    return "\n".join(lines).rstrip("\n") + "\n"


def generated_files(root: Path = ROOT) -> dict[Path, str]:
    """The generated files of the checkout at ``root`` (the shipped schema, docs/schema.md) and their text.

    >>> [path.name for path in generated_files()]
    ['decision.schema.json', 'schema.md']
    """
    return {root / "lgo_decisions" / SCHEMA_FILE: schema_text(), root / "docs" / "schema.md": schema_markdown()}


def stale_files(files: dict[Path, str] | None = None) -> list[Path]:
    """The generated files that are missing or disagree with the models (running the script fixes them).

    >>> stale_files()  # in a checkout whose generated files are up to date
    []
    """
    files = generated_files() if files is None else files
    return [path for path, text in files.items() if not path.exists() or path.read_text(encoding="utf-8") != text]


def _models_dir() -> Path:
    """The folder of the ``lgo_decisions`` imported (written files must come from this checkout's)."""
    return Path(lgo_decisions.__file__).resolve().parent


def main(argv: list[str] | None = None, files: dict[Path, str] | None = None) -> int:
    """Write the generated files, or with ``--check`` report the stale ones; returns the exit status."""
    parser = argparse.ArgumentParser(prog="generate_schema.py", description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when a generated file disagrees with the models")
    args = parser.parse_args(argv)
    if files is None and not args.check and _models_dir() != ROOT / "lgo_decisions":
        print(
            f"generate_schema.py: the models imported are {_models_dir()}, not this checkout's: "
            f"install it editable (pip install -e .) or run with PYTHONPATH={ROOT}; nothing written",
            file=sys.stderr,
        )
        return 2
    files = generated_files() if files is None else files
    if args.check:
        stale = stale_files(files)
        for path in stale:
            print(f"{path} disagrees with the models: run python scripts/generate_schema.py", file=sys.stderr)
        return 1 if stale else 0
    for path, text in files.items():
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
