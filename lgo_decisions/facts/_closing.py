"""The closing lines: who decided, and the Ombudsman's record of compliance."""

from __future__ import annotations

import re

from ..model import Decision
from ._models import Complied, DecidedBy, Span
from ._sentences import CLOSING, COMPLIANCE, OWN
from ._words import DECIDED_BY

__all__ = ["find_compliance", "find_decided_by"]

_DECIDED_BY = tuple((re.compile(p, re.I), who) for p, who in DECIDED_BY)
_SATISFIED = re.compile(r"\bsatisfied\b", re.I)


def find_decided_by(decision: Decision) -> DecidedBy | None:
    """Who signed, from the record's closing line (``Investigator's decision on behalf of the Ombudsman``)."""
    line = decision.decided_by
    if not line:
        return None
    for pattern, who in _DECIDED_BY:
        if pattern.search(line):
            return who
    return None


def find_compliance(decision: Decision) -> Complied | None:
    """The compliance line (``Ombudsman satisfied with council's response: 12 September 2017``), or ``None``."""
    line = decision.compliance
    if line is None:
        return None
    span = Span(section=OWN, block=COMPLIANCE, paragraph=None, start=0, end=len(line.text))
    return Complied(satisfied=bool(_SATISFIED.search(line.text)), date=line.date, text=line.text, span=span)


_ = CLOSING  # (the closing line's block in section -1; decided_by carries no span in scheme v1)
