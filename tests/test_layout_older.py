"""Layout 5: 2015-2017 statements (bare reference title, no marker, unlabelled summary)."""

from __future__ import annotations

import datetime as dt

from lgo_decisions import read_text
from lgo_decisions.model import OutcomeCode

OLDER = """15 000 001

Category : Planning > Planning applications

Decision : Upheld

Decision date : 29 Jun 2016


A man complains the council did not consider the effect of a neighbour's extension on his home.


The Ombudsman found fault causing injustice.


The council should apologise and pay the man £250 for his time and trouble.

Ombudsman satisfied with council's response: 23 September 2016

Print this page
"""


def test_older_statement_reads_with_its_summary() -> None:
    d = read_text(OLDER)
    assert d.reference == "15 000 001"
    assert d.organisations == ()
    assert d.outcome is not None
    assert d.outcome.code is OutcomeCode.UPHELD
    assert d.decision_date == dt.date(2016, 6, 29)
    assert d.summary is not None
    assert d.summary.startswith("A man complains the council")
    texts = [b.text for s in d.sections for b in s.blocks]  # type: ignore[union-attr]
    assert texts == [
        "The Ombudsman found fault causing injustice.",
        "The council should apologise and pay the man £250 for his time and trouble.",
    ]
    assert d.compliance is not None
    assert (d.compliance.text, d.compliance.date) == (
        "Ombudsman satisfied with council's response: 23 September 2016",
        dt.date(2016, 9, 23),
    )
    assert d.diagnostics == ()


def test_older_outcome_labels_keep_their_detail() -> None:
    d = read_text(OLDER.replace("Decision : Upheld", "Decision : Upheld: maladministration and injustice"))
    assert d.outcome is not None
    assert d.outcome.code is OutcomeCode.UPHELD
    assert d.outcome.label == "Upheld: maladministration and injustice"
    assert d.outcome.detail == "maladministration and injustice"
