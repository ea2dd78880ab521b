"""Quick tests that let an extractor skip a pattern: words (lower case) one of which every match holds.

A pattern matched ignoring case matches an ASCII letter only where the text's character lowers to
it, but for three characters (``İ``, ``ı``, ``ſ``): in a text without them (``plain``), a match of
a pattern that holds the word ``w`` implies ``w in text.lower()``. So a pattern none of whose words
is in a plain text's lower case cannot match it, and is not searched; in a text that is not plain,
every pattern is searched. The words are read from the pattern itself (:func:`required_words`):
the literal runs of ASCII letters and digits that every way through it passes.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Sequence
from typing import Any

__all__ = ["alternatives", "any_search", "holds_any", "is_plain", "may_match", "required_words", "search"]

_UNUSUAL_CASE = re.compile("[\u0130\u0131\u017f]")
try:  # (the standard library's own parser of patterns: re._parser from Python 3.11, sre_parse before)
    _PARSER: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover
    _PARSER = importlib.import_module("sre_parse")
_WORD_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def is_plain(text: str) -> bool:
    """Whether lower-case ``in`` tests on ``text`` are exact for patterns matched ignoring case."""
    return text.isascii() or _UNUSUAL_CASE.search(text) is None


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """Of two word sets each of which every match holds one of, the likelier to rule a text out
    (the longer shortest word, then the fewer words)."""
    if a is None or b is None:
        return a if b is None else b
    return a if (min(map(len, a)), -len(a)) >= (min(map(len, b)), -len(b)) else b


def _sequence(items: Any) -> frozenset[str] | None:
    best: frozenset[str] | None = None
    run = ""
    for op, av in [*items, (None, None)]:
        if op is _PARSER.LITERAL and chr(av) in _WORD_CHARACTERS:
            run += chr(av).lower()
            continue
        if len(run) >= 2:
            best = _better(best, frozenset({run}))
        run = ""
        found: frozenset[str] | None = None
        if op is _PARSER.SUBPATTERN:
            found = _sequence(av[-1])
        elif op is _PARSER.BRANCH:
            branches = [_sequence(branch) for branch in av[1]]
            found = None if any(b is None for b in branches) else frozenset().union(*branches)  # type: ignore[arg-type]
        elif op in (_PARSER.MAX_REPEAT, _PARSER.MIN_REPEAT) and av[0] >= 1:
            found = _sequence(av[2])
        elif op is _PARSER.ASSERT:  # (a look-ahead's or look-behind's words are in the text too)
            found = _sequence(av[1])
        best = _better(best, found)
    return best


def required_words(pattern: re.Pattern[str]) -> tuple[str, ...]:
    """Words (lower case) one of which every match of ``pattern`` holds; empty when none is sure.

    >>> required_words(re.compile(r"\\b(?:we|I)\\s+recommend(?:ed)?\\s+that", re.I))
    ('recommend',)
    """
    words = _sequence(_PARSER.parse(pattern.pattern, pattern.flags))
    return tuple(sorted(words)) if words else ()


_REQUIRED: dict[re.Pattern[str], tuple[str, ...]] = {}


def may_match(pattern: re.Pattern[str], low: str, plain: bool) -> bool:
    """Whether ``pattern`` may match a text whose lower case is ``low`` (``plain``: see :func:`is_plain`)."""
    words = _REQUIRED.get(pattern)
    if words is None:
        words = _REQUIRED[pattern] = required_words(pattern)
    return not plain or not words or holds_any(low, words)


def holds_any(low: str, words: Sequence[str]) -> bool:
    """Whether ``low`` holds one of ``words`` (what ``any(w in low for w in words)`` says, faster)."""
    for word in words:  # noqa: SIM110 (a loop, not any(): this runs for every pattern of every sentence read)
        if word in low:
            return True
    return False


def search(pattern: re.Pattern[str], text: str, low: str, plain: bool) -> re.Match[str] | None:
    """``pattern.search(text)``, skipped (None) where ``low`` (``text.lower()``) has none of its words."""
    return pattern.search(text) if may_match(pattern, low, plain) else None


def alternatives(pattern: re.Pattern[str]) -> tuple[re.Pattern[str], ...]:
    """The top-level alternatives of ``pattern``, each a pattern of its own (with its flags): searched
    apart, each is gated by its own words, and ``pattern`` matches a text just where one of them does.

    >>> [p.pattern for p in alternatives(re.compile(r"a(?:b|c)|[|]d|e\\|f"))]
    ['a(?:b|c)', '[|]d', 'e\\\\|f']
    """
    source = pattern.pattern
    parts: list[str] = []
    depth = start = index = 0
    in_class = False
    while index < len(source):
        char = source[index]
        if char == "\\":
            index += 1  # (the escaped character is never a bar, a bracket or a parenthesis)
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            index += 1 if source[index + 1 : index + 2] == "^" else 0
            index += 1 if source[index + 1 : index + 2] == "]" else 0  # ("[]...]": a literal bracket first)
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            parts.append(source[start:index])
            start = index + 1
        index += 1
    parts.append(source[start:])
    return tuple(re.compile(part, pattern.flags) for part in parts)


def any_search(parts: Sequence[re.Pattern[str]], text: str, low: str, plain: bool) -> bool:
    """Whether any of ``parts`` matches ``text`` (each gated by its words)."""
    return any(search(part, text, low, plain) is not None for part in parts)
