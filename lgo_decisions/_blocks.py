"""The blocks of a section (schema v1): paragraphs, bullet lists, sub-paragraphs, numbered paragraphs.

Part of the schema's models: :mod:`lgo_decisions.model` re-exports every name here, and is where to
import them from.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Literal, Union

import attrs

from ._validators import positive as _positive

__all__ = ["BLOCK_TYPES", "Block", "BulletList", "NumberedParagraph", "Paragraph", "SubParagraph", "iter_block_text"]


# Converters accepting any iterable (lists from callers) and storing tuples; one per element
# type so that mypy's attrs plugin types the __init__ arguments.
def _strs(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _blocks(value: Iterable[Block]) -> tuple[Block, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class Paragraph:
    """An unnumbered paragraph (a continuation paragraph when it sits inside a numbered one).

    >>> Paragraph(text="(Local Government Act 1974, section 26(6))").type
    'paragraph'
    """

    type: Literal["paragraph"] = attrs.field(
        default="paragraph",
        init=False,
        repr=False,
        metadata={"description": "The block kind: always 'paragraph' for this block."},
    )
    text: str = attrs.field(metadata={"description": "The paragraph's text."})


@attrs.frozen(kw_only=True)
class BulletList:
    """A bulleted list; each item is the text of one bullet.

    >>> BulletList(items=["the complaint", "the Council's reply"]).items  # any iterable, stored as a tuple
    ('the complaint', "the Council's reply")
    """

    type: Literal["bullet_list"] = attrs.field(
        default="bullet_list",
        init=False,
        repr=False,
        metadata={"description": "The block kind: always 'bullet_list' for this block."},
    )
    items: tuple[str, ...] = attrs.field(
        converter=_strs, metadata={"description": "The text of each bullet, in order (an item may be empty)."}
    )


@attrs.frozen(kw_only=True)
class SubParagraph:
    """A lettered or numbered sub-paragraph; ``number`` is its place in its list (1, 2, ...).

    >>> SubParagraph(number=2, text="apologise to Mr X;").number
    2
    """

    type: Literal["sub_paragraph"] = attrs.field(
        default="sub_paragraph",
        init=False,
        repr=False,
        metadata={"description": "The block kind: always 'sub_paragraph' for this block."},
    )
    number: int = attrs.field(
        validator=_positive, metadata={"description": "Its place in its list of sub-paragraphs, from 1."}
    )
    text: str = attrs.field(metadata={"description": "The sub-paragraph's text (its first paragraph)."})
    blocks: tuple[Block, ...] = attrs.field(
        default=(),
        converter=_blocks,
        metadata={"description": "Blocks inside the sub-paragraph (continuation paragraphs, nested lists), in order."},
    )


@attrs.frozen(kw_only=True)
class NumberedParagraph:
    """A numbered paragraph; ``number`` runs 1..N through the whole statement.

    >>> p = NumberedParagraph(number=4, text="The Council should:",
    ...                       blocks=[SubParagraph(number=1, text="apologise;")])
    >>> p.number, p.blocks[0].text
    (4, 'apologise;')
    >>> NumberedParagraph(number=0, text="Numbers start at 1.")
    Traceback (most recent call last):
    ...
    ValueError: number must be a whole number >= 1, got 0
    """

    type: Literal["numbered_paragraph"] = attrs.field(
        default="numbered_paragraph",
        init=False,
        repr=False,
        metadata={"description": "The block kind: always 'numbered_paragraph' for this block."},
    )
    number: int = attrs.field(
        validator=_positive,
        metadata={
            "description": "The paragraph's number in the whole statement, from 1 (numbers run through "
            "all sections, as the statement's own cross-references use them)."
        },
    )
    text: str = attrs.field(metadata={"description": "The paragraph's text (its first paragraph)."})
    blocks: tuple[Block, ...] = attrs.field(
        default=(),
        converter=_blocks,
        metadata={
            "description": "Blocks inside the paragraph (sub-paragraphs, bullet lists, continuation "
            "paragraphs), in order."
        },
    )


Block = Union[Paragraph, BulletList, SubParagraph, NumberedParagraph]
"""Any block of a section (and of a paragraph's nested content)."""

BLOCK_TYPES: dict[str, type[Block]] = {
    "paragraph": Paragraph,
    "bullet_list": BulletList,
    "sub_paragraph": SubParagraph,
    "numbered_paragraph": NumberedParagraph,
}
"""The block class of each block kind, by the kind's stored tag."""

for _cls in (Paragraph, BulletList, SubParagraph, NumberedParagraph):
    attrs.resolve_types(_cls, globals())


def iter_block_text(blocks: Iterable[Block]) -> Iterator[str]:
    """Yield the text of blocks and everything nested in them, in reading order.

    >>> list(iter_block_text([NumberedParagraph(number=1, text="It covered:", blocks=[BulletList(items=["a", "b"])])]))
    ['It covered:', 'a', 'b']
    """
    for block in blocks:
        if isinstance(block, Paragraph):
            yield block.text
        elif isinstance(block, BulletList):
            yield from block.items
        else:
            yield block.text
            yield from iter_block_text(block.blocks)
