"""The JSON Schema (draft 2020-12) of a schema v1 record, generated from the attrs models.

The models are the single source: every field's JSON type, whether its key is required (no
default), its constraints (from its validators) and its description (``metadata["description"]``)
become the schema; its property names are the stored keys of :data:`lgo_decisions.serialise.KEYS`,
as the converter writes them. The same schema ships as ``lgo_decisions/decision.schema.json`` and
is described in ``docs/schema.md``; a test fails when either disagrees with the models. Regenerate
both on purpose, from a source checkout, with the development script (not part of the package)::

    python scripts/generate_schema.py

>>> from lgo_decisions.jsonschema import json_schema
>>> schema = json_schema()
>>> schema["properties"]["sections"]["items"]
{'$ref': '#/$defs/Section'}
>>> sorted(schema["$defs"]["Block"]["discriminator"]["mapping"])
['bullet_list', 'numbered_paragraph', 'paragraph', 'sub_paragraph']

The loader (:func:`lgo_decisions.from_dict`) is exactly as loose as this schema: the same
patterns, bounds, required keys and types, checked by the converter's own hooks
(:mod:`lgo_decisions.serialise`); this module only describes them.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import types
import typing
from importlib import resources
from typing import Any

import attrs

from . import model
from ._keys import BLOCK_TAG, KEYS
from ._validators import STATEMENT_FIELDS
from .model import BLOCK_TYPES, DATE_PATTERN, REFERENCE_PATTERN, SCHEMA_VERSION, Block, Decision

__all__ = ["SCHEMA_FILE", "json_schema", "load_shipped_schema", "schema_text"]

DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_FILE = "decision.schema.json"
"""The schema's file name inside the package."""

_MAJOR = SCHEMA_VERSION.split(".")[0]
VERSION_PATTERN = rf"^{_MAJOR}\.(?:0|[1-9][0-9]{{0,8}})$"  # (at most 9 digits, as the loader reads them)
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
    bool: {"type": "boolean"},
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
                self.defs[tp.__name__] = {
                    "description": _doc(tp),
                    "type": "string",
                    "enum": [member.value for member in tp],
                }
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
        keys = KEYS.get(cls, {})
        for field in attrs.fields(cls):
            description = field.metadata.get("description")
            if not description:
                raise TypeError(f"{cls.__name__}.{field.name} has no metadata['description']")
            key = keys.get(field.name, None if cls in KEYS else field.name)  # (an extension payload: its names)
            if key is None:
                raise TypeError(f"{cls.__name__}.{field.name} has no stored key in lgo_decisions.serialise.KEYS")
            prop = {"description": description, **self.type_schema(field.type)}
            if cls is Decision and key == "schema_version":
                prop["pattern"] = VERSION_PATTERN
            prop.update(_constraints(cls, field))
            properties[key] = prop
            # init=False fields are the block tags: written always, needed to read the block back
            if field.default is attrs.NOTHING or not field.init:
                required.append(key)
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
            "description": f"One block of a section or of a paragraph, told apart by its '{BLOCK_TAG}' key.",
            "type": "object",
            "required": [BLOCK_TAG],
            "properties": {BLOCK_TAG: {"enum": list(BLOCK_TYPES)}},
            "oneOf": refs,
            # an OpenAPI-style annotation (ignored by validators) naming the tag and its classes
            "discriminator": {
                "propertyName": BLOCK_TAG,
                "mapping": {kind: f"#/$defs/{cls.__name__}" for kind, cls in BLOCK_TYPES.items()},
            },
        }


def _statement() -> dict[str, Any]:
    """The record's rule that it names a statement: one of :data:`STATEMENT_FIELDS` present and not empty."""
    present = {"reference": {"type": "string"}, "sections": {"minItems": 1}, "source": {"type": "object"}}
    keys = KEYS[Decision]
    return {
        "anyOf": [{"required": [keys[name]], "properties": {keys[name]: present[name]}} for name in STATEMENT_FIELDS]
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

    A record has a reference, sections or a source (an all-null record names no statement):

    >>> [branch["required"] for branch in json_schema()["anyOf"]]
    [['reference'], ['sections'], ['source']]
    """
    builder = _Builder(strict=strict)
    root = {**builder.object_schema(Decision), **_statement()}
    _builtin_extensions(root["properties"][KEYS[Decision]["extensions"]], builder.defs)
    return {
        "$schema": DIALECT,
        "$id": f"urn:lgo-decisions:schema:decision:{SCHEMA_VERSION}" + (":strict" if strict else ""),
        "title": f"lgo-decisions record, schema {SCHEMA_VERSION}",
        **root,
        "$defs": dict(sorted(builder.defs.items())),
    }


def _builtin_extensions(extensions: dict[str, Any], defs: dict[str, Any]) -> None:
    """The payloads of the library's own extension namespaces (``facts``), optional, as the loader reads them."""
    from .facts import Facts

    payloads = _Builder(strict=False)  # (payloads load leniently, also under strict loading)
    extensions["properties"] = {"facts": payloads.type_schema(Facts)}
    defs.update(payloads.defs)


def load_shipped_schema() -> dict[str, Any]:
    """The schema file shipped in the package (``decision.schema.json``); equal to :func:`json_schema`.

    >>> load_shipped_schema()["title"]
    'lgo-decisions record, schema 1.1'
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
