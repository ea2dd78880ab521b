"""A decision's text as blocks and sentences, each with where it is (section, block, paragraph, span).

A block's text is its own text and that of everything nested in it, one piece a line; section
``-1`` holds the record's own lines (block 0 the summary, 1 the closing line, 2 the compliance line).
A sentence never crosses a line, so a bullet item is always a sentence (or several) of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from ..model import Block, BulletList, Decision, NumberedParagraph, Paragraph, SubParagraph, iter_block_text
from ._models import Span

__all__ = ["OWN", "Piece", "block_text", "iter_blocks", "iter_sentences", "quote"]

OWN = -1
"""The section index of the record's own lines: summary (block 0), closing line (1), compliance line (2)."""
SUMMARY, CLOSING, COMPLIANCE = 0, 1, 2

# A sentence ends at . ! or ? followed by space and a capital, a quote or a bracket (not after
# the abbreviations these statements use before a number or a name).
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[A-Z0-9‘'\"“(£])")
_NO_BREAK_AFTER = re.compile(r"\b(?:e\.g|i\.e|para|paras|St|ss?|reg|art|cf|ch)\.$", re.I)


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


def _number(block: Block) -> int | None:
    return block.number if isinstance(block, NumberedParagraph) else None


def iter_blocks(decision: Decision) -> Iterator[Piece]:
    """Every block of ``decision`` as a whole piece, in reading order (summary first, closing lines last)."""
    own = _own_lines(decision)
    summary = own[SUMMARY]
    if summary:
        yield Piece(section=OWN, block=SUMMARY, paragraph=None, heading=None, text=summary, start=0, end=len(summary))
    for s, section in enumerate(decision.sections):
        for b, block in enumerate(section.blocks):
            text = _flat(block)
            yield Piece(
                section=s,
                block=b,
                paragraph=_number(block),
                heading=section.heading,
                text=text,
                start=0,
                end=len(text),
                lines=tuple(_item_lines(block)),
            )
    for b in (CLOSING, COMPLIANCE):
        line = own[b]
        if line:
            yield Piece(section=OWN, block=b, paragraph=None, heading=None, text=line, start=0, end=len(line))


def _split(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    begin = start
    for m in _SENTENCE_END.finditer(text, start, end):
        if _NO_BREAK_AFTER.search(text, max(begin, m.start() - 6), m.start()):
            continue
        cut = m.start() + (1 if text[m.start()] in '"”’)' else 0)
        yield begin, cut
        begin = m.end()
    yield begin, end


def sentences_of(piece: Piece) -> Iterator[Piece]:
    """The sentences of a block's piece (lines first, then sentence ends), stripped, none empty."""
    pos = piece.start
    for index, line in enumerate(piece.text[piece.start : piece.end].split("\n")):
        item = piece.lines[index] if index < len(piece.lines) else piece.item
        line_start, line_end = pos, pos + len(line)
        pos = line_end + 1
        for a, b in _split(piece.text, line_start, line_end):
            while a < b and piece.text[a].isspace():
                a += 1
            while b > a and piece.text[b - 1].isspace():
                b -= 1
            if a < b:
                yield piece._replace(start=a, end=b, item=item, lines=())


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
