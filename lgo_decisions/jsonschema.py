"""The JSON Schema (draft 2020-12) of a schema v1 record, generated from the attrs models.

The models are the single source: every field's JSON type, whether its key is required (no
default), its constraints (from its validators) and its description (``metadata["description"]``)
become the schema. The same schema ships as ``lgo_decisions/decision.schema.json`` and is described
in ``docs/schema.md``; a test fails when either disagrees with the models. Regenerate both on
purpose, from a source checkout, with::

    lgo-decisions schema --write

>>> from lgo_decisions import json_schema
>>> schema = json_schema()
>>> schema["properties"]["sections"]["items"]
{'$ref': '#/$defs/Section'}
>>> sorted(schema["$defs"]["Block"]["discriminator"]["mapping"])
['bullet_list', 'numbered_paragraph', 'paragraph', 'sub_paragraph']

The loader (:func:`lgo_decisions.from_dict`) is exactly as loose as this schema: the same
patterns, bounds, required keys and types. :func:`shape_problems` checks the parts cattrs
alone would coerce (a string where an array belongs, an array where an object belongs) and, in
strict loading, unknown keys.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import json
import types
import typing
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

from . import model
from .model import BLOCK_TYPES, DATE_PATTERN, REFERENCE_PATTERN, SCHEMA_VERSION, Block, Decision

__all__ = ["SCHEMA_FILE", "generated_files", "json_schema", "load_shipped_schema", "schema_markdown",
           "schema_text", "shape_problems", "stale_files"]

DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_FILE = "decision.schema.json"
"""The schema's file name inside the package."""

_MAJOR = SCHEMA_VERSION.split(".")[0]
VERSION_PATTERN = rf"^{_MAJOR}\.(?:0|[1-9][0-9]*)$"
"""``schema_version`` of a record this schema describes: this major version, any minor version."""

# Constraints of the models' validators, by validator. A validator missing here fails generation,
# so a new rule in the models cannot silently go missing from the schema.
_VALIDATORS: dict[Any, dict[str, Any]] = {
    model._positive: {"minimum": 1},
    model._level: {"minimum": 1, "maximum": 6},
    model._check_reference: {"pattern": REFERENCE_PATTERN},
}

# The JSON form of types that are not attrs classes (the converter writes dates as ISO strings).
_SCALARS: dict[Any, dict[str, Any]] = {
    str: {"type": "string"},
    int: {"type": "integer"},
    dt.date: {"type": "string", "format": "date", "pattern": DATE_PATTERN},
}


def _optional(tp: Any) -> tuple[Any, bool]:
    """``(T, True)`` for ``T | None``, ``(tp, False)`` otherwise."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType) and tp != Block:
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1 and len(args) < len(typing.get_args(tp)):
            return args[0], True
    return tp, False


def _element(tp: Any) -> Any | None:
    """The element type of ``tuple[T, ...]``, else ``None``."""
    if typing.get_origin(tp) is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return args[0]
    return None


def _is_mapping(tp: Any) -> bool:
    return typing.get_origin(tp) is dict


class _Builder:
    """Builds the schema of the models, collecting named definitions in ``defs``."""

    def __init__(self, *, strict: bool) -> None:
        self.strict = strict
        self.defs: dict[str, Any] = {}

    def type_schema(self, tp: Any) -> dict[str, Any]:
        inner, nullable = _optional(tp)
        schema = self._schema(inner)
        if not nullable:
            return schema
        if isinstance(schema.get("type"), str):
            return {**schema, "type": [schema["type"], "null"]}
        return {"anyOf": [schema, {"type": "null"}]}

    def _schema(self, tp: Any) -> dict[str, Any]:
        if tp in _SCALARS:
            return dict(_SCALARS[tp])
        if tp == Block:
            self._block_union()
            return {"$ref": "#/$defs/Block"}
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            if tp.__name__ not in self.defs:
                self.defs[tp.__name__] = {"description": _doc(tp), "type": "string",
                                          "enum": [member.value for member in tp]}
            return {"$ref": f"#/$defs/{tp.__name__}"}
        if typing.get_origin(tp) is typing.Literal:
            (value,) = typing.get_args(tp)
            return {"const": value}
        element = _element(tp)
        if element is not None:
            return {"type": "array", "items": self.type_schema(element)}
        if _is_mapping(tp):
            return {"type": "object"}
        if attrs.has(tp):
            if tp.__name__ not in self.defs:
                self.defs[tp.__name__] = {}  # reserve the name first: blocks are recursive
                self.defs[tp.__name__] = self.object_schema(tp)
            return {"$ref": f"#/$defs/{tp.__name__}"}
        raise TypeError(f"no JSON Schema for type {tp!r}")

    def object_schema(self, cls: type[Any]) -> dict[str, Any]:
        properties: dict[str, Any] = {}
        required: list[str] = []
        for field in attrs.fields(cls):
            description = field.metadata.get("description")
            if not description:
                raise TypeError(f"{cls.__name__}.{field.name} has no metadata['description']")
            prop = {"description": description, **self.type_schema(field.type)}
            if field.name == "schema_version" and cls is Decision:
                prop["pattern"] = VERSION_PATTERN
            prop.update(_constraints(cls, field))
            properties[field.name] = prop
            # init=False fields are the block tags: written always, needed to read the block back
            if field.default is attrs.NOTHING or not field.init:
                required.append(field.name)
        schema: dict[str, Any] = {"description": _doc(cls), "type": "object", "properties": properties}
        if required:
            schema["required"] = required
        schema["additionalProperties"] = not self.strict
        return schema

    def _block_union(self) -> None:
        if "Block" in self.defs:
            return
        self.defs["Block"] = {}
        refs = [self._schema(cls) for cls in BLOCK_TYPES.values()]
        self.defs["Block"] = {
            "description": "One block of a section or of a paragraph, told apart by its 'type' key.",
            "type": "object",
            "required": ["type"],
            "properties": {"type": {"enum": list(BLOCK_TYPES)}},
            "oneOf": refs,
            # an OpenAPI-style annotation (ignored by validators) naming the tag and its classes
            "discriminator": {"propertyName": "type",
                              "mapping": {kind: f"#/$defs/{cls.__name__}" for kind, cls in BLOCK_TYPES.items()}},
        }


def _constraints(cls: type[Any], field: attrs.Attribute[Any]) -> dict[str, Any]:
    validator = field.validator
    if validator is None:
        return {}
    validators = getattr(validator, "_validators", (validator,))
    out: dict[str, Any] = {}
    for v in validators:
        if v not in _VALIDATORS:
            raise TypeError(f"{cls.__name__}.{field.name}: no JSON Schema for validator {v!r}; add it to _VALIDATORS")
        out.update(_VALIDATORS[v])
    return out


def _doc(obj: object) -> str:
    return (obj.__doc__ or "").strip().split("\n\n")[0].replace("\n", " ").replace("``", "'")


def json_schema(*, strict: bool = False) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a schema v1 record, generated from the models.

    The default schema agrees with lenient loading: objects may carry keys it does not name
    (``additionalProperties: true``), which the loader ignores. ``strict=True`` gives the schema
    of strict loading, where every object but ``extensions`` admits only the keys it names.

    >>> json_schema()["properties"]["reference"]["pattern"]
    '^[0-9]{2} [0-9]{3} [0-9]{3}[a-z]?$'
    >>> json_schema(strict=True)["$defs"]["Section"]["additionalProperties"]
    False
    """
    builder = _Builder(strict=strict)
    root = builder.object_schema(Decision)
    return {
        "$schema": DIALECT,
        "$id": f"urn:lgo-decisions:schema:decision:{SCHEMA_VERSION}" + (":strict" if strict else ""),
        "title": f"lgo-decisions record, schema {SCHEMA_VERSION}",
        **root,
        "$defs": dict(sorted(builder.defs.items())),
    }


def load_shipped_schema() -> dict[str, Any]:
    """The schema file shipped in the package (``decision.schema.json``); equal to :func:`json_schema`.

    >>> load_shipped_schema()["title"]
    'lgo-decisions record, schema 1.0'
    """
    text = resources.files(__package__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    return json.loads(text)  # type: ignore[no-any-return]


def schema_text(schema: dict[str, Any] | None = None) -> str:
    """The schema as the JSON text of the shipped file (two-space indent, final newline).

    >>> print(schema_text({"type": "object", "required": ["reference"]}), end="")
    {
      "type": "object",
      "required": [
        "reference"
      ]
    }
    """
    return json.dumps(json_schema() if schema is None else schema, indent=2, ensure_ascii=False) + "\n"


# --- the loader's shape check ---------------------------------------------------------------


def _kind(value: object) -> str:
    return {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null",
            int: "a number", float: "a number"}.get(type(value), type(value).__name__)


def shape_problems(data: Any, *, strict: bool = False) -> Iterator[str]:
    """Where a record's objects and arrays are not where schema v1 puts them, as ``message @ path``.

    cattrs alone would read a string as an array of characters and ignore anything that is not
    an object; this check makes the loader reject what the JSON Schema rejects. With
    ``strict=True`` it also names every key the schema does not (``extensions`` payloads aside).

    >>> list(shape_problems({"sections": [{"blocks": "text", "colour": 1}]}, strict=True))
    ["unknown key 'colour' @ $.sections[0]", 'expected an array, got a string @ $.sections[0].blocks']
    """
    yield from _walk(data, Decision, "$", strict)


@functools.cache
def _plan(tp: Any) -> tuple[str, bool, Any, tuple[tuple[str, Any], ...]]:
    """How to check a value of type ``tp``: (kind, nullable, element type or key names, fields to walk)."""
    inner, nullable = _optional(tp)
    if inner == Block:
        return "block", nullable, None, ()
    element = _element(inner)
    if element is not None:
        return "array", nullable, element, ()
    if _is_mapping(inner):
        return "mapping", nullable, None, ()
    if attrs.has(inner):
        fields = attrs.fields(inner)
        nested = tuple((f.name, f.type) for f in fields if _plan(f.type)[0] != "scalar")
        return "object", nullable, frozenset(f.name for f in fields), nested
    return "scalar", nullable, None, ()  # left to the converter's hooks


def _walk(value: Any, tp: Any, path: str, strict: bool) -> Iterator[str]:
    kind, nullable, info, nested = _plan(tp)
    if kind == "scalar" or (value is None and nullable):
        return
    if kind == "block":
        if not isinstance(value, dict):
            yield f"expected a block object, got {_kind(value)} @ {path}"
            return
        tag = value.get("type")
        cls: Any = BLOCK_TYPES.get(tag) if isinstance(tag, str) else None
        if cls is None:
            yield f"unknown block type {tag!r}, expected one of {sorted(BLOCK_TYPES)} @ {path}.type"
            return
        kind, nullable, info, nested = _plan(cls)
    if kind == "array":
        if not isinstance(value, list):
            yield f"expected an array, got {_kind(value)} @ {path}"
            return
        if _plan(info)[0] != "scalar":
            for i, item in enumerate(value):
                yield from _walk(item, info, f"{path}[{i}]", strict)
    elif not isinstance(value, dict):
        yield f"expected an object, got {_kind(value)} @ {path}"
    elif kind == "object":
        if strict:
            yield from (f"unknown key {key!r} @ {path}" for key in value if key not in info)
        for name, field_type in nested:
            if name in value:
                yield from _walk(value[name], field_type, f"{path}.{name}", strict)


# --- docs/schema.md ---------------------------------------------------------------------------


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


def _example() -> str:
    from .model import Category, NumberedParagraph, Organisation, Outcome, OutcomeCode, Paragraph, Section
    from .serialise import dumps

    decision = Decision(
        reference="20 000 001", organisations=[Organisation(name="Example Council", reference="20 000 001")],
        category=Category(area="Education", subject="School transport"),
        outcome=Outcome(code=OutcomeCode.NOT_UPHELD, label="Not upheld"),
        decision_date=dt.date(2021, 2, 4), summary="Mr X complained about ...",
        sections=[Section(heading="The complaint", blocks=[NumberedParagraph(number=1, text="Mr X complained ...")]),
                  Section(heading="Final decision", blocks=[Paragraph(text="I have completed my investigation.")])],
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
        "<!-- Generated from the models by `lgo-decisions schema --write`; do not edit by hand. -->",
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
    for name, sub in defs.items():
        if name == "Block":
            kinds = ", ".join(f"`{k}` ([{ref.rsplit('/', 1)[1]}](#{ref.rsplit('/', 1)[1].lower()}))"
                              for k, ref in sub["discriminator"]["mapping"].items())
            lines += [f"### {name}", "", sub["description"], f"The `type` values: {kinds}.", ""]
        elif "enum" in sub:
            values = ", ".join(f"`{v}`" for v in sub["enum"])
            lines += [f"### {name}", "", sub["description"], "", f"A string, one of: {values}.", ""]
        else:
            lines += _object_section(name, sub)
    return "\n".join(lines).rstrip("\n") + "\n"


def _repo_docs() -> Path:
    return Path(__file__).resolve().parents[1] / "docs" / "schema.md"


def generated_files() -> dict[Path, str]:
    """The generated files (the shipped schema, and docs/schema.md of a source checkout) and their text.

    >>> [path.name for path in generated_files()]
    ['decision.schema.json', 'schema.md']
    """
    return {Path(__file__).with_name(SCHEMA_FILE): schema_text(), _repo_docs(): schema_markdown()}


def stale_files() -> list[Path]:
    """The generated files that disagree with the models (``lgo-decisions schema --write`` fixes them).

    >>> stale_files()  # in a source checkout whose generated files are up to date
    []
    """
    return [path for path, text in generated_files().items()
            if not path.exists() or path.read_text(encoding="utf-8") != text]
