"""Legislation citations in a block's text (being built)."""

from __future__ import annotations

import attrs

__all__ = ["Cited", "find_legislation"]


@attrs.frozen
class Cited:
    """One provision cited, as found in one text: ``text[start:end]`` is the citation as written."""

    instrument: str
    provision: str | None
    text: str
    start: int
    end: int


def find_legislation(text: str) -> list[Cited]:
    """Every legislation citation in ``text``, in text order (one entry per provision)."""
    return []
