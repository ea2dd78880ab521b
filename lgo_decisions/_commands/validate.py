"""Check JSON Lines records against the JSON Schema and by loading them; report each bad line.

Each bad record is reported as FILE:LINE: reason on standard output, and a count per file on
standard error. Exit status: 0 when every record is good, 1 when some are bad (a line that is not
JSON, nested too deeply or longer than the input size limit is a bad line), 2 when a file is
missing or cannot be read (unreadable, not UTF-8, a FIFO or device: named, the other files still
checked). Records of an older schema version are migrated first.
Without the jsonschema package (pip install 'lgo-decisions[jsonschema]') records are checked by
loading only, which admits the same records.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from .. import _limits
from .._inputs import bounded_lines, open_regular
from ..errors import NotARegularFileError, SerialisationError
from ..jsonschema import json_schema
from ..migrations import migrate
from ..serialise import from_dict

Check = Callable[[Any], "str | None"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``lgo-decisions validate`` to ``parser``.

    >>> parser = argparse.ArgumentParser(prog="validate")
    >>> add_arguments(parser)
    >>> parser.parse_args(["--strict", "records.jsonl"])
    Namespace(files=['records.jsonl'], strict=True)
    """
    parser.add_argument("files", nargs="+", metavar="FILE", help="JSON Lines files of records ('-' for standard input)")
    parser.add_argument(
        "--strict",
        action="store_true",
        help="also reject keys the schema does not name (strict schema and strict loading)",
    )


def _json_path(path: Iterable[str | int]) -> str:
    out = "$"
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else f".{part}" if part.isidentifier() else f"[{part!r}]"
    return out


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


def _leaf(error: Any) -> Any:
    """The error that says what is wrong: inside a oneOf/anyOf, the branch whose block tag matched
    (the record's own anyOf, one of the keys that name a statement, says it best itself)."""
    while error.context and not (error.validator == "anyOf" and not error.absolute_path):
        branches: dict[Any, list[Any]] = {}
        for e in error.context:
            branches.setdefault(e.schema_path[0], []).append(e)
        tagged = [
            es
            for es in branches.values()
            if not any(e.validator == "const" and list(e.relative_path) == ["type"] for e in es)
        ]
        error = max((e for es in (tagged or branches.values()) for e in es), key=lambda e: len(e.absolute_path))
    return error


def _reason(error: Any) -> str:
    where = _json_path(error.absolute_path)
    if error.validator == "pattern" and error.schema.get("format") == "date":
        what = f"{_short(error.instance)} is not a real date written YYYY-MM-DD"
    elif error.validator == "pattern":
        what = f"{_short(error.instance)} does not match {error.validator_value}"
    elif error.validator == "anyOf" and not error.absolute_path:  # (the record names no statement)
        keys = [branch["required"][0] for branch in error.validator_value]
        what = f"a record must have one of {keys} (not null, not empty), and this one has none"
    elif error.validator == "additionalProperties":
        unknown = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        what = "unknown key" + ("s " if len(unknown) > 1 else " ") + ", ".join(map(repr, unknown))
    elif error.validator in ("type", "enum", "const", "minimum", "maximum"):
        what = (
            f"{_short(error.instance)} " + error.message.split(" ", 1)[1]
            if error.message.startswith(repr(error.instance))
            else error.message
        )
    else:
        what = error.message
    return f"{what} @ {where}"


def _ecma_pattern(validator: Any, pattern: str, instance: Any, schema: dict[str, Any]) -> Iterator[Any]:
    """``pattern`` as ECMA-262 reads it: a final ``$`` does not match before a trailing newline (Python's does)."""
    import jsonschema

    if validator.is_type(instance, "string"):
        match = re.search(pattern, instance)
        if match is None or (pattern.endswith("$") and match.end() != len(instance)):
            yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


def schema_validator(*, strict: bool = False) -> Any:
    """A jsonschema validator of the record schema (needs the ``jsonschema`` package).

    >>> schema_validator().is_valid({"reference": "20 007 417\\n"})
    False
    """
    import jsonschema

    base = jsonschema.Draft202012Validator
    cls = jsonschema.validators.extend(base, {"pattern": _ecma_pattern})  # type: ignore[no-untyped-call]
    return cls(json_schema(strict=strict))


def _schema_check(strict: bool) -> Check | None:
    try:
        validator = schema_validator(strict=strict)
    except ImportError:
        return None

    def check(data: Any) -> str | None:
        errors = sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
        if len(errors) > 1:  # (a record naming no statement because its reference is bad: the reference says it)
            errors = [e for e in errors if not (e.validator == "anyOf" and not e.absolute_path)]
        if not errors:
            return None
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        return "schema: " + _reason(_leaf(errors[0])) + more

    return check


def check_lines(
    lines: Iterable[str], *, strict: bool = False, schema: Check | None = None
) -> Iterator[tuple[int, str | None]]:
    """``(line number, reason or None)`` for each record of a JSON Lines text (blank lines skipped).

    >>> list(check_lines(['{"reference": "20 007 417"}', "", '["20 007 417"]']))
    [(1, None), (3, 'a record must be a JSON object, got list')]
    """
    for lineno, line in enumerate(lines, 1):
        if line.strip():
            yield lineno, _check_line(line, strict, schema)


def _check_line(line: str, strict: bool, schema: Check | None) -> str | None:
    try:
        return _check_loaded(line, strict, schema)
    except RecursionError:
        return "JSON nested too deeply to check"


def _check_loaded(line: str, strict: bool, schema: Check | None) -> str | None:
    try:
        data = json.loads(line)
    except ValueError as exc:
        return f"not JSON: {exc}"
    if not isinstance(data, dict):
        return f"a record must be a JSON object, got {type(data).__name__}"
    try:
        current = migrate(data)
    except SerialisationError as exc:
        return str(exc)
    reason = schema(current) if schema is not None else None
    if reason is None:
        try:
            from_dict(current, strict=strict)
        except SerialisationError as exc:
            reason = f"load: {exc}"
    return reason


def run(args: argparse.Namespace) -> int:
    """Check the records of ``args.files``, printing each bad line; returns the exit status.

    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "records.jsonl"
    >>> _ = path.write_text('{"reference": "20 007 417"}\\n{"reference": 20007417}\\n')
    >>> run(argparse.Namespace(files=[str(path)], strict=False))
    /.../records.jsonl:2: ... is not of type 'string'... @ $.reference
    1
    """
    missing = [p for p in args.files if p != "-" and not Path(p).exists()]
    for p in missing:
        print(f"lgo-decisions validate: no such file: {p}", file=sys.stderr)
    if missing:
        return 2
    schema = _schema_check(args.strict)
    if schema is None:
        print("lgo-decisions validate: note: jsonschema is not installed; checking by loading only", file=sys.stderr)
    any_bad = unreadable = False
    for name in args.files:
        try:
            fp = sys.stdin.buffer if name == "-" else open_regular(name)
        except (OSError, NotARegularFileError) as exc:
            print(f"lgo-decisions validate: error: cannot read {name}: {exc}", file=sys.stderr)
            unreadable = True
            continue
        records = bad = 0
        try:
            for lineno, reason in _file_lines(fp, args.strict, schema):
                records += 1
                if reason is not None:
                    bad += 1
                    print(f"{name}:{lineno}: {reason}")
        except UnicodeDecodeError as exc:
            print(f"lgo-decisions validate: {name}: not UTF-8 text: {exc}", file=sys.stderr)
            unreadable = True
        except OSError as exc:  # (a read error part-way: the lines before it are checked)
            print(f"lgo-decisions validate: error: cannot read {name}: {exc}", file=sys.stderr)
            unreadable = True
        finally:
            if fp is not sys.stdin.buffer:
                fp.close()
        print(f"{name}: {records} record(s), {bad} bad", file=sys.stderr)
        any_bad = any_bad or bad > 0
    return 2 if unreadable else 1 if any_bad else 0


def _file_lines(fp: IO[bytes], strict: bool, schema: Check | None) -> Iterator[tuple[int, str | None]]:
    """``(line number, reason or None)`` for each record of a file: a line longer than the input
    size limit is a bad line (the next lines are still checked); one that is not UTF-8 raises."""
    for lineno, raw in bounded_lines(fp):
        if raw is None:
            yield lineno, f"a line above the limit of {_limits.MAX_INPUT_BYTES} bytes"
            continue
        yield lineno, _check_line(raw.decode("utf-8"), strict, schema)  # (not UTF-8: the file is unreadable)
