"""Legislation citations (the facts extension's ``legislation``) as Akoma Ntoso ``<ref>`` hrefs and text spans.

An Act is identified as a UK public general Act by its year and chapter number, in the Akoma
Ntoso naming convention (``/akn/gb/act/{year}/{chapter}``), a provision as a portion of it:

>>> legislation_href("Local Government Act 1974", "section 26(6)(a)")
'/akn/gb/act/1974/7/~sec_26__subsec_6__para_a'
>>> legislation_href("Care Act 2014", "schedule 5, paragraph 5A"), legislation_href("Care Act 2014", None)
('/akn/gb/act/2014/23/~sched_5__para_5A', '/akn/gb/act/2014/23')
>>> legislation_href("Special educational needs and disability code of practice: 0 to 25 years", None) is None
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["ACTS", "legislation_href", "marks"]

# The Acts these statements cite most, by short title: (year, chapter number) as enacted.
ACTS: dict[str, tuple[int, int]] = {
    "Local Government Act 1974": (1974, 7),
    "Local Government Finance Act 1992": (1992, 14),
    "Care Act 2014": (2014, 23),
    "Children Act 1989": (1989, 41),
    "Children Act 2004": (2004, 31),
    "Children and Families Act 2014": (2014, 6),
    "Chronically Sick and Disabled Persons Act 1970": (1970, 44),
    "Data Protection Act 2018": (2018, 12),
    "Education Act 1996": (1996, 56),
    "Environmental Protection Act 1990": (1990, 43),
    "Equality Act 2010": (2010, 15),
    "Freedom of Information Act 2000": (2000, 36),
    "Highways Act 1980": (1980, 66),
    "Homelessness Reduction Act 2017": (2017, 13),
    "Housing Act 1985": (1985, 68),
    "Housing Act 1996": (1996, 52),
    "Housing Act 2004": (2004, 34),
    "Human Rights Act 1998": (1998, 42),
    "Localism Act 2011": (2011, 20),
    "Mental Health Act 1983": (1983, 20),
    "Road Traffic Regulation Act 1984": (1984, 27),
    "Town and Country Planning Act 1990": (1990, 8),
    "Traffic Management Act 2004": (2004, 18),
}
"""UK public general Acts by short title: ``(year, chapter)``. An instrument not here gets no ``<ref>``."""

# A provision's parts ("section 26(6)(a)", "schedule 5, paragraph 5A", "part 7") as eId parts.
_UNITS = {
    "section": "sec",
    "schedule": "sched",
    "part": "part",
    "paragraph": "para",
    "article": "art",
    "chapter": "chp",
}
_PART = re.compile(
    r"(section|schedule|part|paragraph|article|chapter)\s+([0-9]+[A-Za-z]*)((?:\([0-9A-Za-z]{1,10}\)){0,8})", re.I
)
_BRACKETS = re.compile(r"\(([0-9A-Za-z]+)\)")
_NESTED = ("subsec", "para", "subpara")  # (6)(a)(i) under a section


def _portion(provision: str) -> str | None:
    parts: list[str] = []
    for m in _PART.finditer(provision):
        unit = _UNITS[m.group(1).lower()]
        parts.append(f"{unit}_{m.group(2)}")
        nested = _NESTED if unit == "sec" else _NESTED[1:]
        for depth, inner in enumerate(_BRACKETS.findall(m.group(3))):
            parts.append(f"{nested[min(depth, len(nested) - 1)]}_{inner}")
    return "__".join(parts) if parts else None


def legislation_href(instrument: str, provision: str | None) -> str | None:
    """The Akoma Ntoso IRI of a cited instrument (and provision), or ``None`` for one not in :data:`ACTS`."""
    act = ACTS.get(instrument)
    if act is None:
        return None
    href = f"/akn/gb/act/{act[0]}/{act[1]}"
    portion = _portion(provision) if provision else None
    return f"{href}/~{portion}" if portion else href


def marks(facts: Mapping[str, Any] | None) -> dict[tuple[int, int], list[tuple[int, int, str]]]:
    """The citations of a facts dict placed by block: ``{(section, block): [(start, end, href), ...]}``.

    Offsets count in the block's text (its own text and its nested texts, one a line), section
    ``-1`` being the record's own lines (block 0 the summary, 1 the closing line, 2 the compliance
    line), as the facts extension gives them. Entries without a known Act or a usable span are
    left out (the facts extension keeps them all).

    >>> marks({"legislation": [{"instrument": "Care Act 2014", "provision": None, "text": "Care Act 2014",
    ...                         "span": {"section": 1, "block": 0, "start": 4, "end": 17}}]})
    {(1, 0): [(4, 17, '/akn/gb/act/2014/23')]}
    """
    out: dict[tuple[int, int], list[tuple[int, int, str]]] = {}
    if not isinstance(facts, Mapping):
        return out
    entries = facts.get("legislation")
    for entry in entries if isinstance(entries, Iterable) and not isinstance(entries, (str, bytes)) else ():
        if not isinstance(entry, Mapping) or not isinstance(entry.get("span"), Mapping):
            continue
        instrument, provision = entry.get("instrument"), entry.get("provision")
        if not isinstance(instrument, str) or not (provision is None or isinstance(provision, str)):
            continue
        href = legislation_href(instrument, provision)
        span = entry["span"]
        where = (span.get("section"), span.get("block"), span.get("start"), span.get("end"))
        if href is None or not all(type(v) is int for v in where):
            continue
        section, block, start, end = where
        if 0 <= start < end:
            out.setdefault((section, block), []).append((start, end, href))
    for found in out.values():
        found.sort()
    return out
