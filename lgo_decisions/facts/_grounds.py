"""Grounds for not investigating (or stopping), from the sentences that apply them to this complaint.

Only statements whose finding is ``not_investigated`` or ``discontinued`` have grounds. The
Ombudsman's role-and-powers text states the tests in general ("we may decide not to investigate
if ..."): those sections, and sentences that only describe what the Ombudsman may do, are not read.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from ._gates import search
from ._models import Finding, Ground, GroundFact
from ._sentences import BlockText, Piece
from ._words import BODIES, GROUND_PHRASES, GROUND_WORDS

__all__ = ["GENERAL_HEADINGS", "find_grounds"]

GENERAL_HEADINGS = re.compile(
    r"role\s+and\s+powers|legal\s+and\s+administrative|relevant\s+law|law\s+and\s+guidance|legislation|"
    r"how\s+I\s+considered|what\s+I\s+(?:have\s+)?(?:and\s+have\s+not\s+)?(?:looked\s+at|considered)|the\s+complaint\b|background|key\s+to\s+names|comments\s+on",
    re.I,
)
"""Headings of sections that state the law and the Ombudsman's tests in general, or the complaint."""

_PHRASES = tuple((re.compile(p, re.I), g, GROUND_WORDS[g]) for p, g in GROUND_PHRASES)
_BODIES = tuple((re.compile(p, re.I), name) for p, name in BODIES)
_GENERAL = re.compile(
    r"\bwe\s+(?:may|can|normally|usually|generally|must|will\s+normally|cannot\s+normally)\s+(?:decide|not|investigate|expect|consider)\b"
    r"|\b(?:if|unless)\s+(?:we|the\s+Ombudsman)\s+(?:decide|believe|think|consider)|\bwe\s+have\s+the\s+power\b"
    r"|\bthe\s+law\s+says\b",
    re.I,
)
"""The Ombudsman's tests stated in general (a sentence of them gives no ground, unless it says "because")."""
_REPORTED = re.compile(
    r"\b(?:complain(?:ed|s)?|wants?|would\s+like|asked|said|says|felt)\b[^.]{0,20}\b(?:that|the|to)\b", re.I
)
"""What the complainant says or wants: no ground, but for when the complaint was made (late, premature)."""
_WHEN_MADE = (Ground.LATE, Ground.PREMATURE)
_EXCEPTION = re.compile(
    r"\bthere\s+(?:are|were)\s+(?:no\s+)?good\s+reasons?|\bexercise\s+(?:our|my)\s+discretion", re.I
)
_FOR_GROUNDS = (Finding.NOT_INVESTIGATED, Finding.DISCONTINUED)


@functools.lru_cache(maxsize=512)
def _read_under(heading: str | None) -> bool:
    return not GENERAL_HEADINGS.search(heading or "")


def _reads(piece: Piece) -> bool:
    return _read_under(piece.heading)


def _body(text: str) -> str | None:
    for pattern, name in _BODIES:
        if pattern.search(text):
            return name
    return None


_ALL_WORDS = tuple(sorted({w for _, _, words in _PHRASES for w in words}))
_BY_WORD = {w: frozenset(i for i, (_, _, words) in enumerate(_PHRASES) if w in words) for w in _ALL_WORDS}
_BECAUSE = re.compile(r"\b(?:this\s+is\s+because|because|as)\b", re.I)


def find_grounds(blocks: Iterable[BlockText], finding: Finding) -> list[GroundFact]:
    """The grounds a statement gives, one entry per ground (the first sentence giving it)."""
    if finding not in _FOR_GROUNDS:
        return []
    out: dict[Ground, GroundFact] = {}
    for block in blocks:
        if not _reads(block.piece):
            continue
        words = [w for w in _ALL_WORDS if w in block.low]
        if not words:
            continue  # (no phrase can match in any of its sentences)
        for piece, low in zip(block.sentences, block.lows, strict=True):
            indices = sorted(set().union(*(_BY_WORD[w] for w in words if w in low)))
            candidates = [(_PHRASES[i][0], _PHRASES[i][1]) for i in indices if _PHRASES[i][1] not in out]
            if not candidates:
                continue
            text = piece.words
            if not search(_BECAUSE, text, low, block.plain):
                if search(_GENERAL, text, low, block.plain):
                    continue
                if search(_REPORTED, text, low, block.plain):
                    candidates = [(p, g) for p, g in candidates if g in _WHEN_MADE]
            for pattern, ground in candidates:
                if ground in out:
                    continue
                m = search(pattern, text, low, block.plain)
                if m is None:
                    continue
                if ground is Ground.LATE and _EXCEPTION.search(text) and "no good reason" not in text.lower():
                    continue
                body = _body(text) if ground is Ground.OTHER_BODY_BETTER_PLACED else None
                out[ground] = GroundFact(ground=ground, body=body, text=text, span=piece.span())
    return sorted(out.values(), key=lambda g: (g.span.section != -1, g.span.section, g.span.block, g.span.start))
