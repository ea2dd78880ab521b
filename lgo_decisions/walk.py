"""Walk a decision's text in reading order."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Block, Decision


def iter_block_text(blocks: Iterable[Block]) -> Iterator[str]:
    """Yield the text of blocks and everything nested in them, in reading order.

    >>> from lgo_decisions.model import BulletList, NumberedParagraph
    >>> list(iter_block_text([NumberedParagraph(number=1, text="It covered:", blocks=[BulletList(items=["a", "b"])])]))
    ['It covered:', 'a', 'b']
    """
    from .model import BulletList, Paragraph

    for block in blocks:
        if isinstance(block, Paragraph):
            yield block.text
        elif isinstance(block, BulletList):
            yield from block.items
        else:
            yield block.text
            yield from iter_block_text(block.blocks)


def iter_text(decision: Decision) -> Iterator[str]:
    """Yield every piece of statement text of ``decision`` in reading order.

    >>> from lgo_decisions import read_text
    >>> list(iter_text(read_text("Kent County Council (23 008 522)\\nThe complaint\\n- Mr X complained.")))
    ['The complaint', 'Mr X complained.']
    """
    if decision.summary is not None:
        yield decision.summary
    for section in decision.sections:
        if section.heading is not None:
            yield section.heading
        yield from iter_block_text(section.blocks)
    if decision.decided_by is not None:
        yield decision.decided_by
