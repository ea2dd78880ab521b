"""The stored (JSON) key of every field of schema v1: the one table the converter and the JSON
Schema both read (re-exported as :data:`lgo_decisions.serialise.KEYS`)."""

from __future__ import annotations

from .model import (
    BulletList,
    Category,
    Compliance,
    Decision,
    Diagnostic,
    NumberedParagraph,
    Organisation,
    Outcome,
    Paragraph,
    Section,
    Source,
    SubParagraph,
)

__all__ = ["BLOCK_TAG", "KEYS"]


def _same(*names: str) -> dict[str, str]:
    """Fields stored under their own names (a renamed attribute maps to its old key instead)."""
    return {name: name for name in names}


BLOCK_TAG = "type"
"""The key of a stored block naming its kind (a key of :data:`BLOCK_TYPES`)."""

KEYS: dict[type, dict[str, str]] = {
    Organisation: {"name": "name", "reference": "reference"},
    Category: {"area": "area", "subject": "subject"},
    Outcome: {"code": "code", "label": "label", "detail": "detail"},
    Compliance: {"text": "text", "date": "date"},
    Paragraph: {"type": BLOCK_TAG, "text": "text"},
    BulletList: {"type": BLOCK_TAG, "items": "items"},
    SubParagraph: {"type": BLOCK_TAG, "number": "number", "text": "text", "blocks": "blocks"},
    NumberedParagraph: {"type": BLOCK_TAG, "number": "number", "text": "text", "blocks": "blocks"},
    Section: {"heading": "heading", "level": "level", "blocks": "blocks"},
    Source: {"reader": "reader", "name": "name", "content_hash": "content_hash"},
    Diagnostic: {"code": "code", "message": "message", "line": "line", "severity": "severity"},
    Decision: _same(
        "schema_version",
        "reference",
        "organisations",
        "category",
        "outcome",
        "decision_date",
        "summary",
        "sections",
        "decided_by",
        "compliance",
        "url",
        "outside_text",
        "source",
        "diagnostics",
        "extensions",
    ),
}
"""The stored (JSON) key of every field, by class and attribute name: the one table of schema v1 keys.

The converter (:mod:`lgo_decisions.serialise`) and the JSON Schema (:mod:`lgo_decisions.jsonschema`)
both take the keys from here, so renaming an attribute (the left-hand name) is no schema change.
"""
