"""Reading records written with another schema version: explicit migrations, one step at a time.

:data:`MIGRATIONS` maps a schema version to the function that rewrites a record of that version
into the next one (a dict to a new dict, with the new ``schema_version``). :func:`migrate` applies
them until the record is of this library's major version. The policy (docs/compatibility.md):

- the same major version, any minor version: read as it is (a newer minor version only adds
  optional keys, which lenient loading ignores); the record is then stamped with
  :data:`~lgo_decisions.model.SCHEMA_VERSION`;
- an older major version: migrated step by step; no migration for a version is an error;
- a newer major version: an error telling the reader to upgrade the library.

Schema 1.0 is the first published schema and 1.1 only added optional keys (a 1.0 record is a 1.1
record), so the table is empty; a migration is added here (with a test loading a record of the old
shape) in the release that changes the schema's major version.

>>> migrate({"schema_version": "1.4", "reference": "20 007 417"})
{'schema_version': '1.1', 'reference': '20 007 417'}
>>> migrate({"schema_version": "2.0"})
Traceback (most recent call last):
...
lgo_decisions.errors.SerialisationError: $.schema_version: the record has schema version 2.0, newer ...
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .errors import SerialisationError
from .model import SCHEMA_VERSION

__all__ = ["MIGRATIONS", "Migration", "migrate", "parse_version"]

Migration = Callable[[dict[str, Any]], dict[str, Any]]
"""Rewrites a record of one schema version into the next version (returns a new dict)."""

MIGRATIONS: dict[str, Migration] = {}
"""Migration of a record by its ``schema_version`` (``"major.minor"``) to the next version."""

_VERSION = re.compile(r"(0|[1-9][0-9]{0,8})\.(0|[1-9][0-9]{0,8})")  # (bounded: int() has a digit limit)


def parse_version(version: object) -> tuple[int, int]:
    """``(major, minor)`` of a ``schema_version`` string; raises :class:`SerialisationError`.

    >>> parse_version("1.12")
    (1, 12)
    """
    match = _VERSION.fullmatch(version) if isinstance(version, str) else None
    if match is None:
        raise SerialisationError(f"$.schema_version: expected a version like {SCHEMA_VERSION!r}, got {version!r}")
    return int(match[1]), int(match[2])


_CURRENT = parse_version(SCHEMA_VERSION)


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """The record as one of this library's schema version (``data`` itself is not changed).

    A record without ``schema_version`` is taken to be of the current version.

    >>> old = {"schema_version": "1.3", "reference": "20 007 417"}
    >>> migrate(old)["schema_version"], old["schema_version"]
    ('1.1', '1.3')
    """
    if "schema_version" not in data:
        return data
    version = data["schema_version"]
    major, _ = parse_version(version)
    seen: set[str] = set()
    while major < _CURRENT[0]:
        step = MIGRATIONS.get(version)
        if step is None or version in seen:
            raise SerialisationError(
                f"$.schema_version: no migration from schema version {version} (this library reads "
                f"{_CURRENT[0]}.x and migrates {sorted(MIGRATIONS) or 'no older versions'})"
            )
        seen.add(version)
        data = step(dict(data))
        version = data.get("schema_version")
        major, _ = parse_version(version)
    if major > _CURRENT[0]:
        raise SerialisationError(
            f"$.schema_version: the record has schema version {version}, newer than this library's "
            f"{SCHEMA_VERSION}: upgrade lgo-decisions to read it"
        )
    if version != SCHEMA_VERSION:
        data = {**data, "schema_version": SCHEMA_VERSION}
    return data
