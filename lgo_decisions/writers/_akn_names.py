"""The names the Akoma Ntoso writer and reader share: namespaces, the IRI scheme, the judgment blocks.

The IRI scheme (docs/akn.md): a statement is a work of the Ombudsman, country ``gb``, document
type ``judgment``, author ``lgsco``, dated by its decision date and numbered by its reference:

>>> import datetime as dt
>>> work_iri("20 007 417", dt.date(2021, 3, 4), "")
'/akn/gb/judgment/lgsco/2021-03-04/20-007-417'
>>> expression_iri(work_iri("21 001 234A", None, "")), manifestation_iri(expression_iri(work_iri(None, None, "abc")))
('/akn/gb/judgment/lgsco/undated/21-001-234a/eng@', '/akn/gb/judgment/lgsco/undated/unnumbered-abc/eng@/!main.xml')
"""

from __future__ import annotations

import datetime as dt
import re

from .._vocabulary import key

__all__ = [
    "AKN_NS",
    "AUTHOR",
    "AUTHOR_HREF",
    "AUTHOR_ID",
    "BLOCK_TAGS",
    "LGO_NS",
    "NO_DATE",
    "STRUCTURAL",
    "akn",
    "block_tag",
    "expression_iri",
    "lgo",
    "manifestation_iri",
    "organisation_href",
    "work_iri",
]

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
"""The Akoma Ntoso 3.0 namespace (OASIS LegalDocML)."""
LGO_NS = "https://lgo-decisions.example.org/ns/akn/1.0"
"""The library's own namespace, for the record's values Akoma Ntoso has no element for (proprietary metadata)."""
AUTHOR = "Local Government and Social Care Ombudsman"
AUTHOR_ID = "lgsco"
"""The Ombudsman's ``eId`` in ``<references>`` and its part of every IRI."""
AUTHOR_HREF = f"/ontology/organization/gb/{AUTHOR_ID}"
NO_DATE = "undated"
"""The IRI's date part for a statement without a decision date."""
LANGUAGE = "eng"


def akn(tag: str) -> str:
    """The qualified name of an Akoma Ntoso element."""
    return f"{{{AKN_NS}}}{tag}"


def lgo(tag: str) -> str:
    """The qualified name of one of the library's own elements or attributes."""
    return f"{{{LGO_NS}}}{tag}"


def work_iri(reference: str | None, date: dt.date | None, digest: str) -> str:
    """The work's IRI: ``/akn/gb/judgment/lgsco/{date}/{number}``.

    The number is the reference with hyphens for spaces, lower case (``20-007-417``); without a
    reference, ``unnumbered-`` and ``digest`` (the start of the record's SHA-256, see the writer).
    The date is the decision date (``YYYY-MM-DD``), or ``undated``.
    """
    number = reference.replace(" ", "-").lower() if reference is not None else f"unnumbered-{digest}"
    when = date.isoformat() if date is not None else NO_DATE
    return f"/akn/gb/judgment/{AUTHOR_ID}/{when}/{number}"


def expression_iri(work: str, date: dt.date | None = None) -> str:
    """The English expression of the work, dated by the decision date: ``{work}/eng@{date}``."""
    return f"{work}/{LANGUAGE}@{date.isoformat() if date is not None else ''}"


def manifestation_iri(expression: str) -> str:
    """The XML manifestation of an expression: ``{expression}/!main.xml``."""
    return f"{expression}/!main.xml"


# The elements whose content is structure only (the writer indents them; text elements are never touched).
STRUCTURAL: frozenset[str] = frozenset(
    akn(name)
    for name in (
        "akomaNtoso",
        "judgment",
        "meta",
        "identification",
        "FRBRWork",
        "FRBRExpression",
        "FRBRManifestation",
        "references",
        "proprietary",
        "header",
        "judgmentBody",
        "introduction",
        "background",
        "arguments",
        "remedies",
        "motivation",
        "decision",
        "level",
        "paragraph",
        "subparagraph",
        "hcontainer",
        "intro",
        "content",
        "wrapUp",
        "blockList",
        "item",
        "conclusions",
        "record",
    )
) | {lgo("record")}


_SLUG = re.compile(r"[^a-z0-9]+")


def organisation_href(name: str, index: int) -> str:
    """An organisation's ontology IRI, from its name (``/ontology/organization/gb/kent-county-council``)."""
    slug = _SLUG.sub("-", name.lower()).strip("-") or f"organisation-{index}"
    return f"/ontology/organization/gb/{slug}"


# Which Akoma Ntoso judgment block a section goes in, by its heading (its key: lower case, plain
# quotes). Sections in a row with the same block share one; a heading not here goes in
# <motivation>, the text before any heading in <introduction>.
BLOCK_TAGS: dict[str, str] = {
    "the complaint": "introduction",
    "complaint": "introduction",
    "the complaints": "introduction",
    "what i have investigated": "introduction",
    "what i have and have not investigated": "introduction",
    "what i have not investigated": "introduction",
    "the ombudsman's role and powers": "background",
    "the ombudsman's role": "background",
    "legal and administrative background": "background",
    "relevant law and guidance": "background",
    "how i considered this complaint": "background",
    "how i considered the complaint": "background",
    "background": "background",
    "my assessment": "motivation",
    "assessment": "motivation",
    "analysis": "motivation",
    "what i found": "motivation",
    "what happened": "motivation",
    "findings": "motivation",
    "conclusions": "motivation",
    "conclusion": "motivation",
    "agreed action": "remedies",
    "agreed actions": "remedies",
    "action": "remedies",
    "recommended action": "remedies",
    "recommendations": "remedies",
    "remedy": "remedies",
    "final decision": "decision",
    "decision": "decision",
    "my decision": "decision",
}


def block_tag(heading: str | None) -> str:
    """The judgment block of a section with this heading.

    >>> block_tag("The complaint"), block_tag("Final decision"), block_tag("What I found"), block_tag(None)
    ('introduction', 'decision', 'motivation', 'introduction')
    """
    if heading is None:
        return "introduction"
    return BLOCK_TAGS.get(key(heading), "motivation")
