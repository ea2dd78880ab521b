"""The shape of a complaint reference, defined once; every reference pattern is derived from it.

A reference is ``YY NNN NNN``: the two-digit year the complaint arrived and a six-digit serial,
with an optional letter suffix for one body of a joint decision (``17 002 402b``). Pages write it
with spaces, hyphens (``20-007-417``, the address's slug) or nothing between the groups.

>>> import re
>>> bool(re.fullmatch(REFERENCE, "20-007-417B")), bool(re.fullmatch(STORED_REFERENCE, "20 007 417b"))
(True, True)
"""

from __future__ import annotations

_YEAR = "[0-9]{2}"
_SERIAL_PART = "[0-9]{3}"


def _reference(separator: str, suffix: str, *, groups: bool = False) -> str:
    parts = [_YEAR, _SERIAL_PART, _SERIAL_PART, suffix]
    if groups:
        parts = [f"({part})" for part in parts]
    return separator.join(parts[:3]) + parts[3]


REFERENCE = _reference("[ -]?", "[a-zA-Z]?")
"""A reference as pages write it: spaces, hyphens or nothing between the groups; any-case suffix."""

REFERENCE_GROUPS = _reference("[ -]?", "[a-zA-Z]?", groups=True)
""":data:`REFERENCE` with its year, two serial parts and suffix as groups 1-4."""

SLUG_REFERENCE = _reference("-", "[a-zA-Z]?")
"""A reference in an address (``20-007-417``)."""

STORED_REFERENCE = _reference(" ", "[a-z]?")
"""A reference as records store it (``20 007 417``, lower-case suffix): the model's and the schema's."""

REFERENCE_IN_TEXT = f"[0-9](?<![0-9-][0-9])[0-9]{REFERENCE.removeprefix(_YEAR)}(?![0-9-])"
"""A reference standing on its own inside running text (no digit or hyphen either side).

Its first digit comes before the look-behind (no digit or hyphen before that digit): a pattern
that starts with a character class lets the search skip to the next digit in C."""
