"""Testing helpers for this library and its plugins: hypothesis strategies for every model.

>>> from lgo_decisions.testing import decisions
>>> from hypothesis import find
>>> find(decisions(readable=True), lambda d: d.summary is not None).summary.endswith((".", "?", "”"))
True
"""

from __future__ import annotations

try:
    import hypothesis  # noqa: F401
except ImportError as exc:  # pragma: no cover - exercised in a subprocess by tests/test_packaging.py
    raise ImportError(
        "lgo_decisions.testing needs hypothesis: pip install 'lgo-decisions[testing]'", name=exc.name
    ) from exc

from ._text import CLOSING_LINES, MAIN_HEADINGS, SUB_HEADINGS
from .strategies import (
    blocks,
    bullet_lists,
    categories,
    decisions,
    diagnostics,
    numbered_paragraphs,
    organisations,
    outcomes,
    paragraphs,
    references,
    renumber,
    sections,
    sources,
    sub_paragraphs,
    texts,
)

__all__ = [
    "CLOSING_LINES",
    "MAIN_HEADINGS",
    "SUB_HEADINGS",
    "blocks",
    "bullet_lists",
    "categories",
    "decisions",
    "diagnostics",
    "numbered_paragraphs",
    "organisations",
    "outcomes",
    "paragraphs",
    "references",
    "renumber",
    "sections",
    "sources",
    "sub_paragraphs",
    "texts",
]
