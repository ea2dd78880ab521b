"""The builder's parts under construction (open items, bullet lists, sections) and the reading
rules it applies to ``- `` items whose kind the layout does not show (bullet or numbered).

Internal to :mod:`lgo_decisions._builder`.
"""

from __future__ import annotations

import re
from typing import Union

import attrs

from ._vocabulary import PARENT_HEADINGS, TOP_HEADINGS, key
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
        blocks = tuple(map(freeze, self.blocks)) if self.blocks else ()
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


def new_thought(prev: str | None, text: str) -> bool:
    """An item that starts a new paragraph after a list of lower-case items: a capitalised sentence
    after an item that ends its own sentence (``- delayed responding.`` then ``- Mr B says ...``).

    >>> new_thought("delayed responding to his complaint.", "Mr B says this caused him distress.")
    True
    >>> new_thought("Poor communication", "Delay")
    False
    """
    return (
        prev is not None
        and starts_lower(prev)
        and prev.rstrip().endswith(".")
        and text[:1].isupper()
        and text.rstrip().endswith((".", ".”", '."'))
    )


def summary_from_section(sections: list[Section]) -> tuple[str | None, list[Section]]:
    """Reports: the first paragraph under a "Summary" heading is the summary (the heading stays, as
    published, even when nothing else is under it)."""
    for i, s in enumerate(sections):
        if s.heading is not None and key(s.heading) == "summary" and s.blocks and isinstance(s.blocks[0], Paragraph):
            out = list(sections)
            out[i] = attrs.evolve(s, blocks=s.blocks[1:])
            return s.blocks[0].text, out
    return None, sections


def heading_levels(sections: list[OpenSection], has_rules: bool) -> list[int]:
    """Each section's heading level: as the input shows it; else, with "Back to top" rules, 2 for
    a heading that comes first or follows a rule and 3 between rules; without rules, 2 for a
    known section heading and 3 for another heading under "What I found", "My assessment" and
    the like."""
    out: list[int] = []
    parent: str | None = None  # the key of the section the headings below belong to
    for section in sections:
        level = section.level
        if level is None and section.heading is not None:
            k = key(section.heading)
            if has_rules:
                level = 2 if section.opens else 3
            else:
                level = 3 if (k not in TOP_HEADINGS and parent in PARENT_HEADINGS) else 2
            if level == 2:
                parent = k
        elif section.heading is not None and level == 2:
            parent = key(section.heading)
        out.append(level or 2)
    return out
