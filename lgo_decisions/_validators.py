"""The patterns of the record's serialised forms and the models' field validators.

Shared by :mod:`lgo_decisions.model` (which re-exports the patterns), the loader and the JSON Schema
(:mod:`lgo_decisions.jsonschema` turns each validator into its constraint).
"""

from __future__ import annotations

import re
from typing import Any

import attrs

from ._patterns import STORED_REFERENCE

# Patterns of the serialised forms, shared by the loader and the JSON Schema. ASCII digits only,
# and always matched against the whole string: a JSON Schema ``pattern`` is an ECMA-262 regex, where
# ``\d`` is [0-9] and ``$`` does not match before a final newline (both differ in Python's re).
REFERENCE_PATTERN = f"^{STORED_REFERENCE}$"
"""A complaint reference, ``YY NNN NNN`` with an optional letter suffix."""

_YEAR = "(?:000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})"
_LEAP_YEAR = "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)"
DATE_PATTERN = (
    f"^(?:{_YEAR}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)"
    f"|02-(?:0[1-9]|1[0-9]|2[0-8]))|{_LEAP_YEAR}-02-29)$"
)
"""A calendar date ``YYYY-MM-DD`` (years 0001-9999, real days only, leap years included)."""

_REFERENCE = re.compile(REFERENCE_PATTERN)


STATEMENT_FIELDS = ("reference", "sections", "source")
"""The fields of which a loaded record must have at least one (non-null, non-empty): an all-null
record names no statement. The loader checks it (:func:`missing_statement`), the JSON Schema says it."""


def missing_statement(decision: Any) -> str | None:
    """Why a loaded record is no record (it has none of :data:`STATEMENT_FIELDS`), else ``None``."""
    if any(getattr(decision, name) for name in STATEMENT_FIELDS):
        return None
    return "no reference, no sections and no source: a record must have one of them"


def check_reference(_: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and not _REFERENCE.fullmatch(value):
        raise ValueError(f"{attribute.name} must look like '20 007 417' (optional letter suffix), got {value!r}")


def positive(_: object, attribute: attrs.Attribute[Any], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"{attribute.name} must be a whole number >= 1, got {value!r}")


def level(_: object, attribute: attrs.Attribute[Any], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 6:
        raise ValueError(f"{attribute.name} must be a heading level from 1 to 6, got {value!r}")
