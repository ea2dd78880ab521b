"""A decision as the database's rows: its ``decisions`` row, its blocks, bodies and facts.

The facts come from the extension namespace ``facts`` in its serialised form (what
``lgo_decisions.serialise`` unstructures it to: typed or kept as plain JSON, the same dict). A
value of the wrong type in a facts entry is stored as null rather than guessed; an entry that is
not an object is left out, and the count of such is kept (:attr:`Rows.facts_skipped`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from .export import decision_row, paragraph_rows
from .model import Decision
from .serialise import _encode_record, to_dict

FACTS_NAMESPACE = "facts"
"""The extension namespace the facts travel in (issue 16, ``docs/facts.md``)."""


@attrs.define
class Rows:
    """Everything one decision puts in the database (``decision_id`` filled in when it gets its id)."""

    key: str
    record_hash: str
    decision: dict[str, Any]
    organisations: list[dict[str, Any]]  # name, reference, in title order
    children: dict[str, list[dict[str, Any]]]  # table -> rows (without decision_id; keys not columns are ignored)
    facts_skipped: int = 0


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _bool(value: Any) -> int | None:
    return int(value) if isinstance(value, bool) else None


def _span(entry: Mapping[str, Any]) -> dict[str, Any]:
    span = entry.get("span")
    span = span if isinstance(span, Mapping) else {}
    return {f"span_{k}": _int(span.get(k)) for k in ("section", "block", "paragraph", "start", "end")}


_FACT_TABLES: dict[str, tuple[str, dict[str, Callable[[Any], Any]]]] = {
    # table: (list in the facts dict, column -> how its value is read)
    "citations": ("legislation", {"instrument": _str, "provision": _str, "text": _str}),
    "remedies": (
        "remedies",
        {
            "kind": _str,
            "amount_pence": _int,
            "purpose": _str,
            "deadline_days": _int,
            "already_provided": _bool,
            "text": _str,
        },
    ),
    "grounds": ("grounds", {"ground": _str, "body": _str, "text": _str}),
}


def facts_of(data: dict[str, Any]) -> dict[str, Any] | None:
    """The facts of a record unstructured (:func:`~lgo_decisions.serialise.to_dict`), or ``None`` when it has none."""
    facts = (data.get("extensions") or {}).get(FACTS_NAMESPACE)
    return facts if isinstance(facts, dict) else None


def _fact_rows(facts: Mapping[str, Any]) -> tuple[dict[str, list[dict[str, Any]]], int]:
    tables: dict[str, list[dict[str, Any]]] = {}
    skipped = 0
    for table, (field, columns) in _FACT_TABLES.items():
        entries = facts.get(field)
        rows: list[dict[str, Any]] = []
        for entry in entries if isinstance(entries, list) else ():
            if not isinstance(entry, Mapping):
                skipped += 1
                continue
            rows.append({**{c: read(entry.get(c)) for c, read in columns.items()}, **_span(entry)})
        tables[table] = rows
    return tables, skipped


def key_of(decision: Decision, record_hash: str) -> str:
    """What identifies a statement across builds: its reference, else its address, input hash or record."""
    if decision.reference:
        return decision.reference
    if decision.url:
        return f"url:{decision.url}"
    if decision.source is not None and decision.source.content_hash:
        return f"sha256:{decision.source.content_hash}"
    return f"record:{record_hash}"


def rows_of(decision: Decision) -> Rows:
    """The rows of one decision; raises :class:`~lgo_decisions.errors.SerialisationError` if it is no JSON."""
    data = to_dict(decision)  # (unstructured once: for the record's JSON and for its facts)
    record = _encode_record(data)
    record_hash = hashlib.sha256(record.encode("utf-8")).hexdigest()
    row = decision_row(decision)
    row["decision_date"] = row["decision_date"].isoformat() if row["decision_date"] else None
    facts = facts_of(data)
    people = facts.get("people") if facts else None
    people = people if isinstance(people, Mapping) else {}
    row.update(
        key=key_of(decision, record_hash),
        finding=_str(facts.get("finding")) if facts else None,
        complainant=_str(people.get("complainant")),
        facts_scheme=(_str(facts.get("scheme")) or "?") if facts else None,
        record_hash=record_hash,
        record=record,
    )
    children: dict[str, list[dict[str, Any]]] = {"paragraphs": list(paragraph_rows(decision))}
    skipped = 0
    if facts is not None:
        fact_tables, skipped = _fact_rows(facts)
        children.update(fact_tables)
    organisations = [{"name": o.name, "reference": o.reference} for o in decision.organisations]
    return Rows(row["key"], record_hash, row, organisations, children, skipped)
