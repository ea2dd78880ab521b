"""The library's limits, each in one place: input size, line length, list nesting."""

from __future__ import annotations

MAX_INPUT_BYTES = 32 * 1024 * 1024
"""Inputs larger than this raise :class:`~lgo_decisions.errors.InputTooLargeError` (every reader)."""

MAX_SHORT_LINE = 300
"""Lines longer than this are never a title, header, heading or chrome (keeps matching linear)."""

MAX_NESTING = 100
"""Deepest sub-paragraph nesting kept (statements use 2 or 3); deeper items stay at this depth, so
that freezing, serialising and rendering stay well within Python's recursion limit."""
