"""The builder's parts under construction (open items, bullet lists, sections) and the reading
rules it applies to ``- `` items whose kind the layout does not show (bullet or numbered).

Internal to :mod:`lgo_decisions._builder`.
"""

from __future__ import annotations

import re
from typing import Union

import attrs

from ._vocabulary import key
from .model import Block, BulletList, NumberedParagraph, Paragraph, Section, SubParagraph

_SENTENCE_BREAK = re.compile(r"[.!?][\"'\u2019\u201d)]?\s+[A-Z]")


@attrs.define
class Item:
    depth: int
    number: int
    text: str
    blocks: list[Part] = attrs.field(factory=list)
    children: int = 0  # sub-items added so far: numbers them without rescanning blocks

    def freeze(self) -> Block:
        blocks = tuple(freeze(b) for b in self.blocks)
        if self.depth == 0:
            return NumberedParagraph(number=self.number, text=self.text, blocks=blocks)
        return SubParagraph(number=self.number, text=self.text, blocks=blocks)


@attrs.define
class Bullets:
    items: list[str] = attrs.field(factory=list)


@attrs.define
class OpenSection:
    heading: str | None
    level: int | None  # None: resolved when the stream ends (2, or 3 for a sub-heading between rules)
    blocks: list[Part] = attrs.field(factory=list)
    opens: bool = True  # the first heading, or the first after a "Back to top" rule: a level-2 section


Part = Union[Item, Bullets, Paragraph]


def freeze(part: Part) -> Block:
    if isinstance(part, Item):
        return part.freeze()
    if isinstance(part, Bullets):
        return BulletList(items=tuple(part.items))
    return part


def starts_lower(text: str) -> bool:
    for ch in text:
        if ch.isalpha():
            return ch.islower()
        if ch.isdigit():
            return False
    return False


def one_sentence(text: str) -> bool:
    return len(text) <= 250 and _SENTENCE_BREAK.search(text) is None


def continues_list(text: str) -> bool:
    s = text.rstrip()
    return s.endswith((";", ",", ":", " or", " and", " and/or", "; or", "; and")) or (bool(s) and s[-1].isalnum())


def summary_from_section(sections: list[Section]) -> tuple[str | None, list[Section]]:
    """Reports: the first paragraph under a "Summary" heading is the summary."""
    for i, s in enumerate(sections):
        if s.heading is not None and key(s.heading) == "summary" and s.blocks and isinstance(s.blocks[0], Paragraph):
            out = list(sections)
            out[i] = attrs.evolve(s, blocks=s.blocks[1:])
            return s.blocks[0].text, out
    return None, sections
