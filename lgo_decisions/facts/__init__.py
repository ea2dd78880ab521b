"""Facts researchers code by hand, read from a decision statement (coding scheme v1, docs/facts.md).

>>> from lgo_decisions import read_text
>>> from lgo_decisions.facts import extract_facts
>>> d = read_text("Kent County Council (23 008 522)\\nSummary: Mrs Y complained about the Council. "
...               "We found fault causing injustice. The Council has agreed to apologise and pay Mrs Y £250.")
>>> [(r.kind.value, r.amount_pence) for r in extract_facts(d).remedies]
[('apology', None), ('payment', 25000)]
"""

from __future__ import annotations

from ._extract import extract_facts, with_facts
from ._frame import FACT_COLUMNS, facts_dataframe
from ._models import (
    SCHEME,
    Citation,
    Complied,
    DecidedBy,
    Facts,
    Finding,
    Ground,
    GroundFact,
    People,
    Purpose,
    Remedy,
    RemedyKind,
    Span,
)
from ._sentences import block_text, quote

__all__ = [
    "FACT_COLUMNS",
    "SCHEME",
    "Citation",
    "Complied",
    "DecidedBy",
    "Facts",
    "Finding",
    "Ground",
    "GroundFact",
    "People",
    "Purpose",
    "Remedy",
    "RemedyKind",
    "Span",
    "block_text",
    "extract_facts",
    "facts_dataframe",
    "quote",
    "with_facts",
]
