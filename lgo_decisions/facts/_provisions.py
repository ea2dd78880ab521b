"""The provisions of a legislation citation: the patterns of a run of them as printed
(``sections 26(6)(a) and (c)``, ``paragraph 5A schedule 5``, ``Schedule 5/5A, paragraph 1/3``) and
their normalised forms (``section 26(6)(a)``, ``schedule 5, paragraph 5A``).

Every pattern is a sequence of bounded parts whose alternatives start differently (a unit word, a
digit, a parenthesis), so that matching never backtracks far: linear in the text's length.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator

__all__ = ["NUMBERED", "PROVISIONS", "items", "provisions"]

_UNIT = (  # starts with a letter class, so that the scan for it is fast; word starts checked after
    r"(?:[Ss](?:ections?\s|chedules?\s|tandards?\s|s?\.?\s?(?=\d))|[Pp](?:arts?\s|aragraphs?\s|aras?\.?\s)"
    r"|[Rr](?:egulations?\s|egs?\.?\s)|[Aa](?:rticles?\s|nnex(?:es)?\s)|[Cc]hapters?\s)"
)
_GROUP = r"\((?:[0-9A-Za-z]{1,5})(?:\s(?:and|or)\s[0-9A-Za-z]{1,5})?\)"
_NUMBER = rf"\d{{1,4}}(?!\d)(?:\.\d{{1,3}}){{0,3}}[A-Z]{{0,4}}(?:\s?{_GROUP}){{0,5}}"
_SUBS = r"(?:\([0-9A-Za-z]{1,5}\)){1,5}"  # "(c)" in "26(6)(a) and (c)"; "(5)" in "26(4)-(5)"
_ITEM = rf"(?:{_NUMBER}(?:\s?[-–]\s?(?:{_NUMBER}|{_SUBS}))?|{_SUBS})"
_LIST_SEP = r"(?:\s?,\s?(?:and\s|or\s)?|\s(?:and|or)\s|\s?/\s?)"
_NUMBERS = rf"{_ITEM}(?:{_LIST_SEP}{_ITEM}){{0,40}}"  # bounded: a run of provisions repeats it
_PROVISION = re.compile(rf"({_UNIT})({_NUMBERS})")
PROVISIONS = re.compile(
    rf"{_PROVISION.pattern}(?:(?:\s?[,;]\s?(?:and\s)?|\s(?:and|or)\s|\s(?:of|to)\s(?:the\s)?|\s)"
    rf"{_PROVISION.pattern})*"
)
NUMBERED = re.compile(rf"\s?({_NUMBERS})")
_ITEM_PART = re.compile(_ITEM)
_OF_SEP = re.compile(r"\s(?:of|to)\s(?:the\s)?")
_UNIT_NAMES = {
    "s": "section", "ss": "section", "section": "section", "sections": "section",
    "part": "part", "parts": "part", "schedule": "schedule", "schedules": "schedule",
    "paragraph": "paragraph", "paragraphs": "paragraph", "para": "paragraph", "paras": "paragraph",
    "regulation": "regulation", "regulations": "regulation", "reg": "regulation", "regs": "regulation",
    "article": "article", "articles": "article", "chapter": "chapter", "chapters": "chapter",
    "standard": "standard", "standards": "standard", "annex": "annex", "annexes": "annex",
}  # fmt: skip
_OUTER_UNITS = frozenset({"schedule", "part", "chapter", "annex"})
_IN_SCHEDULE = frozenset({"paragraph", "part"})  # "Schedule 2, Part 1" is a part of the schedule


def items(numbers: str) -> list[str]:
    """Each number of a printed list, sub-numbers alone (``and (c)``) completed from the last."""
    out: list[str] = []
    for part in _ITEM_PART.finditer(numbers):
        item = re.sub(r"\s", "", part.group())
        if item.startswith("(") and out:
            groups = len(re.findall(r"\(", item))
            base = out[-1]
            for _ in range(groups):
                base = re.sub(r"\([^()]*\)$", "", base)
            item = base + item
        elif item.startswith("("):
            continue
        for expanded in _expand_and(item):
            out.append(expanded)
    return out


def _expand_and(item: str) -> list[str]:
    """``34H(3and4)`` is ``34H(3)`` and ``34H(4)``."""
    match = re.search(r"\(([0-9A-Za-z]+)(and|or)([0-9A-Za-z]+)\)", item)
    if match is None:
        return [item]
    head, tail = item[: match.start()], item[match.end() :]
    return [f"{head}({match.group(1)}){tail}", f"{head}({match.group(3)}){tail}"]


@functools.lru_cache(maxsize=2048)
def provisions(span: str) -> tuple[str, ...]:
    """The normalised provisions of one run of provisions (``Schedule 5/5A, paragraph 1/3``)."""
    pieces: list[tuple[str, list[str], bool]] = []  # (unit, numbers, joined to the next by "of")
    last_end = 0
    for match in _PROVISION.finditer(span):
        if pieces and _OF_SEP.fullmatch(span[last_end : match.start()]):
            unit, numbers, _ = pieces[-1]
            pieces[-1] = (unit, numbers, True)
        word = match.group(1).strip().rstrip(".").lower()
        pieces.append((_UNIT_NAMES.get(word, word), items(match.group(2)), False))
        last_end = match.end()
    out: list[str] = []
    index = 0
    while index < len(pieces):
        unit, numbers, of_next = pieces[index]
        following = pieces[index + 1] if index + 1 < len(pieces) else None
        if following is not None and (
            (of_next and following[0] in _OUTER_UNITS)
            or (unit == "schedule" and following[0] in _IN_SCHEDULE and not of_next)
            or (unit == "paragraph" and following[0] == "schedule")
        ):
            if of_next or unit != "schedule":
                outer, inner = following, (unit, numbers, of_next)
            else:
                outer, inner = (unit, numbers, of_next), following
            out.extend(f"{outer[0]} {a}, {inner[0]} {b}" for a, b in _pairs(outer[1], inner[1]))
            index += 2
            continue
        out.extend(f"{unit} {number}" for number in numbers)
        index += 1
    return tuple(out)


def _pairs(outer: list[str], inner: list[str]) -> Iterator[tuple[str, str]]:
    if len(outer) == len(inner):
        return zip(outer, inner, strict=True)
    if len(outer) == 1 or len(inner) == 1:
        return ((a, b) for a in outer for b in inner)
    return itertools.product(outer, inner)
