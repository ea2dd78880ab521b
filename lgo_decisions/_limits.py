"""The library's limits, each in one place: input size, line length, list nesting."""

from __future__ import annotations

MAX_INPUT_BYTES = 32 * 1024 * 1024
"""Inputs larger than this raise :class:`~lgo_decisions.errors.InputTooLargeError` (every reader)."""

MAX_SHORT_LINE = 300
"""Lines longer than this are never a title, header, heading or chrome (keeps matching linear)."""

MAX_NESTING = 100
"""Deepest sub-paragraph nesting kept (statements use 2 or 3); deeper items stay at this depth, so
that freezing, serialising and rendering stay well within Python's recursion limit."""

MAX_ELEMENTS = 1_000_000
"""Pages with more tags than this (start and end tags, counted as ``<`` characters before parsing)
raise :class:`~lgo_decisions.errors.InputTooLargeError`: the parsed tree of a page costs a few
hundred bytes an element, so 8 million ``<br>`` under the size limit would need gigabytes. Real
statement pages have a few thousand."""

MAX_ATTRIBUTES = 10_000
"""A tag with more attributes (or white-space separated words) than this raises
:class:`~lgo_decisions.errors.ParseError` before parsing: libxml2 checks each attribute against
the tag's others (quadratic; 400,000 attributes take minutes)."""

MAX_TEXT_NODE = 10_000_000
"""libxml2's limit on one text node or attribute value (characters); a longer one raises
:class:`~lgo_decisions.errors.ParseError` naming it."""
