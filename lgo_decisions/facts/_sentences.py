"""A decision's text as blocks and sentences, each with where it is (section, block, paragraph, span).

A block's text is its own text and that of everything nested in it, one piece a line; section
``-1`` holds the record's own lines (block 0 the summary, 1 the closing line, 2 the compliance line).
A sentence never crosses a line, so a bullet item is always a sentence (or several) of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from ..model import Block, BulletList, Decision, NumberedParagraph, Paragraph, SubParagraph, iter_block_text
from ._gates import holds_any, is_plain
from ._models import Span

__all__ = ["OWN", "BlockText", "Piece", "block_text", "block_texts", "iter_blocks", "iter_sentences", "quote"]

OWN = -1
"""The section index of the record's own lines: summary (block 0), closing line (1), compliance line (2)."""
SUMMARY, CLOSING, COMPLIANCE = 0, 1, 2

# A sentence ends at . ! or ? followed by space and a capital, a quote or a bracket (not after
# the abbreviations these statements use before a number or a name). The break is after the stop.
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+(?=[A-Z0-9‘'\"“(£])")
_NO_BREAK_AFTER = re.compile(r"\b(?:e\.g|i\.e|para|paras|St|ss?|reg|art|cf|ch)\.$", re.I)
_ABBREVIATION_ENDS = frozenset("gGeEaAsStTfFhH\u017f")  # (the letter before the stop of each: ſ matches s)


class Piece(NamedTuple):
    """A stretch of a block's text: ``text[start:end]`` of block ``block`` of section ``section``.

    (A named tuple, not an attrs class: a statement has hundreds of them, made and read once.)
    """

    section: int
    block: int
    paragraph: int | None
    heading: str | None
    text: str
    start: int
    end: int
    item: bool = False
    """Whether the piece is a list item or sub-paragraph (a line of its own below a lead-in)."""
    lines: tuple[bool, ...] = ()
    """For a whole block: whether each of its lines is a list item (what sentences take ``item`` from)."""

    @property
    def words(self) -> str:
        """The words of the piece."""
        return self.text[self.start : self.end]

    def span(self, start: int | None = None, end: int | None = None) -> Span:
        """The span of the piece, or of ``start:end`` within its block's text (absolute offsets)."""
        return Span(
            section=self.section,
            block=self.block,
            paragraph=self.paragraph,
            start=self.start if start is None else start,
            end=self.end if end is None else end,
        )


def _flat(block: Block) -> str:
    return "\n".join(iter_block_text([block]))


def _item_lines(block: Block) -> Iterator[bool]:
    """For each line of ``_flat(block)``: whether it is a list item or a sub-paragraph."""
    if isinstance(block, Paragraph):
        yield False
    elif isinstance(block, BulletList):
        yield from (True for _ in block.items)
    else:
        yield isinstance(block, SubParagraph)
        for inner in block.blocks:
            yield from _item_lines(inner)


def _own_lines(decision: Decision) -> list[str | None]:
    return [
        decision.summary,
        decision.decided_by,
        decision.compliance.text if decision.compliance is not None else None,
    ]


def block_text(decision: Decision, section: int, block: int) -> str:
    """The text a span's offsets count in: the block's own text and its nested text, one piece a line.

    Raises ``IndexError`` for a section or block the decision does not have.

    >>> from lgo_decisions import read_text
    >>> d = read_text("Kent County Council (23 008 522)\\nSummary: We found no fault.\\n"
    ...               "The complaint\\n1. Mr X said:\\n- one")
    >>> block_text(d, -1, 0), block_text(d, 0, 0)
    ('We found no fault.', 'Mr X said:\\none')
    """
    if section == OWN:
        line = _own_lines(decision)[block] if 0 <= block < 3 else None
        if line is None:
            raise IndexError(f"the record has no line {block} of its own")
        return line
    if section < 0 or block < 0:
        raise IndexError(f"no section {section}, block {block}")
    return _flat(decision.sections[section].blocks[block])


def _text_and_lines(block: Block) -> tuple[str, tuple[bool, ...]]:
    """``_flat(block)`` and whether each of its lines is a list item (the common shapes first)."""
    if isinstance(block, Paragraph):
        return block.text, (False,)
    if isinstance(block, BulletList):
        return "\n".join(block.items), (True,) * len(block.items)
    if not block.blocks:
        return block.text, (isinstance(block, SubParagraph),)
    return _flat(block), tuple(_item_lines(block))


def _number(block: Block) -> int | None:
    return block.number if isinstance(block, NumberedParagraph) else None


def iter_blocks(decision: Decision) -> Iterator[Piece]:
    """Every block of ``decision`` as a whole piece, in reading order (summary first, closing lines last)."""
    own = _own_lines(decision)
    summary = own[SUMMARY]
    if summary:
        yield Piece(section=OWN, block=SUMMARY, paragraph=None, heading=None, text=summary, start=0, end=len(summary))
    for s, section in enumerate(decision.sections):
        heading = section.heading
        for b, block in enumerate(section.blocks):
            text, lines = _text_and_lines(block)
            yield Piece(s, b, _number(block), heading, text, 0, len(text), False, lines)
    for b in (CLOSING, COMPLIANCE):
        line = own[b]
        if line:
            yield Piece(section=OWN, block=b, paragraph=None, heading=None, text=line, start=0, end=len(line))


def sentences_of(piece: Piece) -> Iterator[Piece]:
    """The sentences of a block's piece (lines first, then sentence ends), stripped, none empty."""
    return iter(_sentences(piece))


def _sentences(piece: Piece) -> list[Piece]:
    text = piece.text
    section, block, paragraph, heading = piece.section, piece.block, piece.paragraph, piece.heading
    lines, default = piece.lines, piece.item
    out: list[Piece] = []
    pos = piece.start
    for index, line in enumerate(text[piece.start : piece.end].split("\n")):
        item = lines[index] if index < len(lines) else default
        line_start, line_end = pos, pos + len(line)
        pos = line_end + 1
        cuts: list[tuple[int, int]] = []
        begin = line_start
        if "." in line or "?" in line or "!" in line:  # (a line without is one sentence)
            for m in _SENTENCE_END.finditer(text, line_start, line_end):
                stop = m.start() + 1
                if (
                    text[m.start()] == "."
                    and stop - 2 >= begin
                    and text[stop - 2] in _ABBREVIATION_ENDS
                    and _NO_BREAK_AFTER.search(text, max(begin, stop - 6), stop)
                ):
                    continue
                cuts.append((begin, stop + (1 if text[stop] in '"”’)' else 0)))
                begin = m.end()
        cuts.append((begin, line_end))
        for a, b in cuts:
            words = text[a:b]
            kept = words.strip()
            if kept:
                a += len(words) - len(words.lstrip())
                out.append(Piece(section, block, paragraph, heading, text, a, a + len(kept), item, ()))
    return out


class BlockText:
    """One block's piece, its text in lower case, and its sentences (split when first asked for).

    The extractors share one list of these per decision, so that a block is lower-cased and split
    once, and a block no extractor needs the sentences of is never split.
    """

    __slots__ = ("_lows", "_sentences", "low", "piece", "plain")

    def __init__(self, piece: Piece) -> None:
        self.piece = piece
        self.low = piece.text.lower()
        self.plain = is_plain(piece.text)
        """Whether lower-case ``in`` tests are exact for it (see :mod:`._gates`)."""
        self._sentences: list[Piece] | None = None
        self._lows: list[str] | None = None

    @property
    def sentences(self) -> list[Piece]:
        """The block's sentences, in order."""
        if self._sentences is None:
            self._sentences = _sentences(self.piece)
        return self._sentences

    @property
    def lows(self) -> list[str]:
        """Each sentence's words in lower case."""
        if self._lows is None:
            self._lows = [s.words.lower() for s in self.sentences]
        return self._lows

    def has_any(self, words: Sequence[str]) -> bool:
        """Whether the block's lower-case text holds one of ``words`` (so may a sentence of it)."""
        return holds_any(self.low, words)


def block_texts(decision: Decision) -> list[BlockText]:
    """Every block of ``decision`` (as :func:`iter_blocks`), ready for the extractors."""
    return [BlockText(piece) for piece in iter_blocks(decision)]


def iter_sentences(decision: Decision) -> Iterator[Piece]:
    """Every sentence (or list item) of ``decision``, in reading order, with its provenance."""
    for piece in iter_blocks(decision):
        yield from sentences_of(piece)


def quote(decision: Decision, fact: object) -> str:
    """The sentence behind a fact (anything with a ``span``): the sentence of its block holding the span.

    Raises ``IndexError`` when the span does not point into ``decision``.

    >>> from lgo_decisions import read_text
    >>> from lgo_decisions.facts import extract_facts
    >>> d = read_text("Kent County Council (23 008 522)\\nSummary: Mr X complained. We will not investigate. "
    ...               "This is because the complaint is late.")
    >>> quote(d, extract_facts(d).grounds[0])
    'This is because the complaint is late.'
    """
    span: Span = fact if isinstance(fact, Span) else fact.span  # type: ignore[attr-defined]
    text = block_text(decision, span.section, span.block)
    if not 0 <= span.start <= span.end <= len(text):
        raise IndexError(f"span {span.start}:{span.end} is outside its block's {len(text)} characters")
    piece = Piece(
        section=span.section,
        block=span.block,
        paragraph=span.paragraph,
        heading=None,
        text=text,
        start=0,
        end=len(text),
    )
    for sentence in sentences_of(piece):
        if sentence.start <= span.start and span.end <= sentence.end:
            return sentence.words
    return text[span.start : span.end]
