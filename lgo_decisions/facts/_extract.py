"""``extract_facts``: every extractor run over one decision's sentences."""

from __future__ import annotations

import attrs

from ..model import Decision
from ._closing import find_compliance, find_decided_by
from ._finding import find_finding
from ._grounds import find_grounds
from ._instruments import as_printed
from ._legislation import find_legislation
from ._models import Citation, Facts
from ._people import find_people
from ._remedies import find_remedies
from ._sentences import BlockText, block_texts

__all__ = ["extract_facts", "with_facts"]


def _legislation(blocks: list[BlockText]) -> list[Citation]:
    out = []
    statement = "\n".join(block.piece.text for block in blocks)
    for block in blocks:
        piece = block.piece
        for cited in find_legislation(piece.text):
            out.append(
                Citation(
                    instrument=as_printed(cited.instrument, cited.text, statement),
                    provision=cited.provision,
                    text=cited.text,
                    span=piece.span(cited.start, cited.end),
                )
            )
    return out


def extract_facts(decision: Decision) -> Facts:
    """The facts of coding scheme v1 that ``decision``'s text shows (a fact it does not show is absent).

    >>> from lgo_decisions import read_text
    >>> d = read_text("Kent County Council (23 008 522)\\nSummary: We will not investigate Mr X's complaint. "
    ...               "This is because there is not enough evidence of fault.")
    >>> f = extract_facts(d)
    >>> f.finding.value, [g.ground.value for g in f.grounds], f.people.labels
    ('not_investigated', ['insufficient_evidence_of_fault'], ('Mr X',))
    """
    blocks = block_texts(decision)
    finding, _ = find_finding(blocks, decision.outcome)
    return Facts(
        legislation=_legislation(blocks),
        people=find_people(blocks),
        finding=finding,
        grounds=find_grounds(blocks, finding),
        remedies=find_remedies(blocks, finding),
        compliance=find_compliance(decision),
        decided_by=find_decided_by(decision),
    )


def with_facts(decision: Decision) -> Decision:
    """``decision`` with its facts in the extension namespace ``facts`` (what ``read(..., facts=True)`` returns).

    >>> from lgo_decisions import dumps, loads, read_text
    >>> d = with_facts(read_text("Kent County Council (23 008 522)\\nSummary: We found no fault."))
    >>> loads(dumps(d)).extensions["facts"].finding
    <Finding.NO_FAULT: 'no_fault'>
    """
    return attrs.evolve(decision, extensions={**decision.extensions, "facts": extract_facts(decision)})
