"""People labels (``Mr X``, a child ``B``), the complainant and on whose behalf they complained."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from ._gates import holds_any, is_plain, search
from ._models import People
from ._sentences import BlockText
from ._words import PERSON_TITLES

__all__ = ["find_people"]

_TITLE = "|".join(PERSON_TITLES)
_LETTER = r"[A-Z](?![A-Za-z0-9-])(?![’'](?!s\b))"
# ``Mr and Mrs X`` / ``Mr & Mrs B``: two labels, one joint complainant.
_JOINT = re.compile(rf"\b({_TITLE})\s*(?:and|&)\s*({_TITLE})\s+({_LETTER})(?!\w)")
_TITLED = re.compile(rf"({_TITLE})\.?\s+({_LETTER})(?!\w)")  # (not after a letter: checked)
# A child's single letter: a capital standing alone, not an article or pronoun, not part of a
# reference (``Schedule 5A``), not a list letter and not the ``R (on the application of M)`` of case law.
_CHILD = re.compile(r"([B-HJ-Z])(?![\w/-])(?![’'](?!s\b))(?!\.\w)")  # (not after a word character: checked)
_NOT_BEFORE_CHILD = frozenset("’'&/.-_")
_NOT_CHILD_BEFORE = re.compile(
    r"(?:\b(?:appendix|annex|annexe|band|grade|option|plan|priority|class|category|type|part|section|schedule|"
    r"block|flat|unit|stage|level|zone|group|form|phase|tier|step|site|room|ward|list|exhibit|document|"
    r"application\s+of|and|or|to|key)\s*|\b(?:" + _TITLE + r")\s*|[A-Z]\s|[(]|[A-Z]\w*\s)$",
    re.I,
)
_CHILD_CONTEXT = re.compile(
    r"(?:\b(?:son|daughter|child|children|grandson|granddaughter|grandchild|nephew|niece|brother|sister|"
    r"baby|boy|girl|pupil|young\s+person|stepson|stepdaughter|foster\s+child|sibling)s?\b[,\s(]*(?:\w+\s+){0,2}[(‘']?$)"
    r"|(?:\bcall(?:ed)?\s+|refer\s+to\s+as\s+|known\s+as\s+)[‘']?$",
    re.I,
)
_NAMED_AS = re.compile(
    rf"\b(?:complainant,?\s+(?:whom?|who)\s+(?:I|we)\s+(?:shall|will|have)?\s*(?:call|refer\s+to\s+as|describe\s+as|called)"
    rf"|I\s+(?:shall\s+|will\s+)?call\s+the\s+complainant)\s+[‘']?"
    rf"((?:{_TITLE})\s*(?:(?:and|&)\s*(?:{_TITLE})\s+)?{_LETTER}|[B-HJ-Z](?!\w))"
)
_COMPLAINED = re.compile(
    r"^\s*(?:\S+\s+){0,2}?(?:complain(?:s|ed)?|is\s+complaining|has\s+complained|made\s+a\s+complaint|brings?\s+(?:this|the)\s+complaint)\b"
)
# Aggrieved without a verb of complaining ("Mr C is unhappy with ..."): the complainant when nothing says who complains.
_AGGRIEVED = re.compile(
    r"^\s*(?:is|was|has\s+been|remains|remained|says\s+(?:he|she|they)\s+(?:is|was|are|were))\s+(?:\w+\s+)?(?:unhappy|dissatisfied)\b"
    r"|^\s*(?:disputes|disputed|disagrees|disagreed)\s+with\b"
)
_AGGRIEVED_WORDS = ("unhappy", "dissatisfied", "disput", "disagree")
_COMPLAINT_OF = re.compile(rf"\b((?:{_TITLE})\s*(?:(?:and|&)\s*(?:{_TITLE})\s+)?[A-Z])[’']s?\s+complaint\b")
_ON_BEHALF = re.compile(r"\bcomplain(?:s|ed|ing)?\s+on\s+behalf\s+of\b(?!\s+(?:herself|himself|themselves))")
_ON_THE_APPLICATION = re.compile(r"\s*\(on\s+the\s+application")  # (case law: "R (on the application of M)")
_VERSUS = re.compile(r"\s+v\s")
_THE_COMPLAINANT = re.compile(r"\bthe\s+complainant\b", re.I)


def _labels_in(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, label as joint-or-single, kind) for every label in ``text``, in order."""
    found: list[tuple[int, int, str, str]] = []
    taken: list[tuple[int, int]] = []
    letters: set[int] = set()  # where the letters of titled labels are
    joint = "and M" in text or "& M" in text or "and D" in text or "& D" in text
    for m in _JOINT.finditer(text) if joint else ():
        found.append((m.start(), m.end(), f"{m[1]} and {m[2]} {m[3]}", "joint"))
        taken.append((m.start(), m.end()))
        letters.add(m.start(3))
    starts = [a for a, _ in taken]  # (joint labels, in text order)
    for m in _TITLED.finditer(text) if "M" in text or "Dr" in text else ():  # (every title holds one)
        if m.start() and text[m.start() - 1].isalpha():
            continue
        inside = bisect.bisect_right(starts, m.start()) - 1
        if inside >= 0 and m.start() < taken[inside][1]:
            continue
        found.append((m.start(), m.end(), f"{m[1]} {m[2]}", "titled"))
        letters.add(m.start(2))
    for m in _CHILD.finditer(text):
        if m.start() in letters:
            continue
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in _NOT_BEFORE_CHILD):
            continue
        before = text[max(0, m.start() - 40) : m.start()]
        before = before[before.rfind("\n") + 1 :]  # (within its line: a list item's letter stands alone)
        after = text[m.end() : m.end() + 4]
        if after.startswith(")") and not before.strip(" \t-–•*"):
            continue  # a list marker at the start of its line: "b)"
        not_child = before.endswith(("(", "‘")) or _NOT_CHILD_BEFORE.search(before) is not None
        if not_child and not search(_CHILD_CONTEXT, before, before.lower(), is_plain(before)):
            continue
        if m[1] == "R" and _ON_THE_APPLICATION.match(text, m.end()):
            continue
        if _VERSUS.match(text, m.end()):
            continue
        found.append((m.start(), m.end(), m[1], "child"))
    found.sort()
    return found


_JOINT_LABEL = re.compile(rf"({_TITLE}) and ({_TITLE}) ([A-Z])")


def _singles(label: str) -> list[str]:
    m = _JOINT_LABEL.fullmatch(label) if " and " in label else None
    return [f"{m[1]} {m[3]}", f"{m[2]} {m[3]}"] if m else [label]


def _subject(sentence: str, labels: list[tuple[int, int, str, str]], verb: re.Pattern[str] = _COMPLAINED) -> str | None:
    """The label that complains in ``sentence``: a label starting it, followed by ``complain(s|ed)`` (or ``verb``)."""
    for start, end, label, kind in labels:
        if kind == "child":
            continue
        if sentence[:start].strip(" -–•‘'\"").lower() not in ("", "the complainant,", "the complainant"):
            return None
        if verb.match(sentence[end:]):
            return label
        return None
    return None


def _may_own_complaint(text: str) -> bool:
    """Whether ``text`` may hold ``Mr X's complaint`` (a title, and the word)."""
    return "complaint" in text and ("M" in text or "Dr" in text)


def find_people(blocks: Iterable[BlockText]) -> People:
    """The people of a statement from its blocks in reading order."""
    order: list[str] = []
    named: str | None = None
    key: str | None = None
    subjects: list[tuple[int, str]] = []  # (rank: the complaint section first, label)
    behalf: str | None = None
    behalf_by: str | None = None
    saw_complainant = False
    possessor: str | None = None  # "Mr X's complaint": the complainant when no sentence says who complains
    aggrieved: str | None = None  # "Mr C is unhappy with ...": the last resort
    for block in blocks:
        in_block = _labels_in(block.piece.text)  # (the block's labels, in order, once)
        for _start, _end, label, _kind in in_block:
            for single in _singles(label):
                if single not in order:
                    order.append(single)
        whole = block.piece.text
        if not (in_block or "complainant" in block.low or "behalf" in whole or _may_own_complaint(whole)):
            continue  # (nothing below can match in any of its sentences: each needs a label, or one of these words)
        may_aggrieve = aggrieved is None and bool(in_block) and holds_any(block.low, _AGGRIEVED_WORDS)
        if "complain" not in block.low and "behalf" not in block.low and not may_aggrieve:
            continue
        for piece, low in zip(block.sentences, block.lows, strict=True):
            text = piece.words  # (each pattern below is looked for only where a word every match of it holds is)
            mentions_complainant = "complainant" in low
            saw_complainant = saw_complainant or mentions_complainant
            if aggrieved is None and may_aggrieve and holds_any(low, _AGGRIEVED_WORDS):
                aggrieved = _subject(text, [(a - piece.start, b - piece.start, lab, k) for a, b, lab, k in in_block
                                            if piece.start <= a < piece.end], _AGGRIEVED)  # fmt: skip
            if not (mentions_complainant or "complain" in low or "behalf" in low):
                continue  # (nothing below can match)
            labels = [
                (a - piece.start, b - piece.start, lab, k) for a, b, lab, k in in_block if piece.start <= a < piece.end
            ]
            if named is None and "complainant" in text and (m := _NAMED_AS.search(text)):
                named = re.sub(r"\s*&\s*", " and ", m[1])
            if key is None and mentions_complainant and labels and labels[0][0] <= 2 and len(text) < 80:
                key = labels[0][2]  # "Miss X The complainant" (a key to names used)
            if possessor is None and "complaint" in text and (p := _COMPLAINT_OF.search(text)):
                possessor = re.sub(r"\s*&\s*", " and ", p[1])
            subject = _subject(text, labels) if labels else None
            if subject is not None:
                heading = (piece.heading or "").lower()
                rank = 0 if "complaint" in heading and "considered" not in heading else (1 if piece.section < 0 else 2)
                subjects.append((rank, subject))
            if behalf is None and "behalf" in text and (b := _ON_BEHALF.search(text)):
                after = [lab for lab in labels if lab[0] >= b.end()]
                before = [lab for lab in labels if lab[1] <= b.start() and lab[3] != "child"]
                if after:
                    behalf, behalf_by = after[0][2], (before[-1][2] if before else None)
    complainant = named or key or (min(subjects, key=lambda s: s[0])[1] if subjects else None) or possessor or aggrieved
    if not order and saw_complainant:
        return People(labels=("the complainant",), complainant="the complainant")
    adults = [label for label in order if " " in label]
    if complainant is None and len(adults) == 1 and saw_complainant:
        complainant = adults[0]  # the one person named, and "the complainant" spoken of
    on_behalf_of = behalf if behalf is not None and behalf_by in (None, complainant) and behalf != complainant else None
    return People(labels=tuple(order), complainant=complainant, on_behalf_of=on_behalf_of)
