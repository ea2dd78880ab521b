"""A faster way to the same dicts when writing a record: a list of blocks unstructured by each
block's own function, found by its class, instead of through cattrs' layers for an iterable of a
tagged union (a generator, the union's dispatch, its member's, then the tag set again).

The blocks' own functions already write their tag first (``type`` is a field of each block), so the
dicts, and their keys' order, are the ones the tagged union gives. A value that is no block of the
schema is left to the converter's own hook, which says what is wrong as it always has.

>>> from lgo_decisions.model import Paragraph
>>> from lgo_decisions.serialise import converter
>>> converter.get_unstructure_hook(tuple[Block, ...])((Paragraph(text="The complaint"),))
[{'type': 'paragraph', 'text': 'The complaint'}]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import cattrs

from .model import BLOCK_TYPES, Block

__all__ = ["register_blocks_unstructure"]


def register_blocks_unstructure(conv: cattrs.Converter) -> None:
    """Make ``conv``'s unstructure hook of ``tuple[Block, ...]`` write each block by its class's own
    hook, anything else by the hook it had (register it after the union of blocks is configured)."""
    plain: Callable[[Iterable[Block]], list[Any]] = conv.get_unstructure_hook(_BLOCKS)
    own: dict[type, Callable[[Any], Any]] = {}

    def unstructure(blocks: Iterable[Block]) -> list[Any]:
        if blocks.__class__ is not tuple:  # (a model's blocks are a tuple; anything else, as ever)
            return plain(blocks)
        out = []
        for block in blocks:
            hook = own.get(block.__class__)
            if hook is None:
                if block.__class__ not in _SCHEMA_BLOCKS:
                    return plain(blocks)
                hook = own[block.__class__] = conv.get_unstructure_hook(block.__class__)
            out.append(hook(block))
        return out

    conv.register_unstructure_hook_func(lambda t: t == _BLOCKS, unstructure)


_BLOCKS = tuple[Block, ...]  # (the type of every blocks field)
_SCHEMA_BLOCKS = frozenset(BLOCK_TYPES.values())
