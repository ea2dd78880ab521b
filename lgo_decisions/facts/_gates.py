"""Quick tests that let an extractor skip a pattern: words (lower case) a match must hold.

A pattern matched ignoring case matches an ASCII letter only where the text's character lowers to
it, but for three characters (``İ``, ``ı``, ``ſ``): in a text without them (``plain``), a match of
a pattern holding the word ``w`` implies ``w in text.lower()``. So a pattern whose words are not
in a plain text's lower case cannot match it, and is not searched; in a text that is not plain,
every pattern is searched.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

__all__ = ["Gated", "any_gated", "is_plain"]

_UNUSUAL_CASE = re.compile("[\u0130\u0131\u017f]")


def is_plain(text: str) -> bool:
    """Whether lower-case ``in`` tests on ``text`` are exact for patterns matched ignoring case."""
    return _UNUSUAL_CASE.search(text) is None


class Gated(NamedTuple):
    """A pattern and the words one of which (lower case) each of its matches holds."""

    pattern: re.Pattern[str]
    words: tuple[str, ...]

    def search(self, text: str, low: str, plain: bool) -> re.Match[str] | None:
        """``pattern.search(text)``, skipped (None) where ``low`` (``text.lower()``) has none of the words."""
        if plain and not any(w in low for w in self.words):
            return None
        return self.pattern.search(text)


def any_gated(parts: Sequence[Gated], text: str, low: str, plain: bool) -> bool:
    """Whether any of ``parts`` matches ``text`` (the parts of one alternation, searched apart)."""
    return any(part.search(text, low, plain) is not None for part in parts)
