"""The base of the schema's enumerations: a ``str`` enumeration that prints and formats as its value.

>>> class Colour(ValueEnum):
...     DARK_RED = "dark_red"
>>> str(Colour.DARK_RED), f"{Colour.DARK_RED}", f"{Colour.DARK_RED:>10}", repr(Colour.DARK_RED)
('dark_red', 'dark_red', '  dark_red', "<Colour.DARK_RED: 'dark_red'>")
"""

from __future__ import annotations

import enum


class ValueEnum(str, enum.Enum):
    """``str(member)`` and ``f"{member}"`` give the value (``'upheld'``), as the JSON does; ``repr``
    names the member."""

    def __str__(self) -> str:
        return str(self.value)

    def __format__(self, format_spec: str) -> str:
        return format(str(self.value), format_spec)
