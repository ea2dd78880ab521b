"""Records from orjson's data, where it reads what the standard library reads: the fast path of
:func:`lgo_decisions.loads` and :func:`lgo_decisions.load_jsonl` (``lgo_decisions._jsontext`` says
where orjson reads JSON otherwise).

:func:`structure` gives the record :func:`lgo_decisions.from_dict` gives, or raises (anything)
where it cannot tell, and the caller reads the text again by the standard library's path: every key
of every object must be one of a field of its model (so that every value is checked by its type: no
float passes, and orjson reads an integer beyond 64 bits as one), with no extension payloads (read
as ever, with their plugins' hooks), no migration to apply, and a record that names a statement.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ._fastload import GiveUp, Loader, Parse
from ._validators import STATEMENT_FIELDS, missing_statement
from .migrations import migrate, parse_version
from .model import SCHEMA_VERSION, Decision

__all__ = ["loader", "structure"]

_MAJOR = parse_version(SCHEMA_VERSION)[0]


def _no_payloads(value: Any) -> dict[str, Any]:
    if value.__class__ is not dict or value:  # (payloads: read as ever, floats and plugins' hooks included)
        raise GiveUp
    return {}


def loader(date: Parse) -> Loader:
    """The loader of orjson's data, ``date`` the converter's reading of a date."""
    return Loader({dt.date: date, dict[str, Any]: _no_payloads}, every_key=True)


def structure(fast: Loader, data: Any) -> Decision:
    """:func:`~lgo_decisions.from_dict` of orjson's ``data`` by the loader ``fast``, or an error."""
    if data.__class__ is not dict or data.get("extensions"):  # (payloads: given up before any field is read)
        raise GiveUp
    version = data.get("schema_version", SCHEMA_VERSION)
    if version != SCHEMA_VERSION:  # (else migrate leaves the record as it is)
        if parse_version(version)[0] != _MAJOR:  # (a migration: read as ever)
            raise GiveUp
        data = migrate(data)
    decision = _structure(fast, data)
    if not getattr(decision, STATEMENT_FIELDS[0]) and missing_statement(decision) is not None:  # (one is enough)
        raise GiveUp
    return decision


def _structure(fast: Loader, data: dict[str, Any]) -> Decision:
    """``fast(data, Decision)``, called as deep in the stack as ``from_dict`` calls its own loader, so
    that a record nested to the recursion limit fails (and is read again) where that path fails."""
    return fast(data, Decision)  # type: ignore[no-any-return]
