"""Outcome labels: published wording kept, normalised to a code."""

from __future__ import annotations

import pytest

from lgo_decisions import read_text
from lgo_decisions._fields import parse_outcome
from lgo_decisions.model import OutcomeCode

CASES = [
    ("Upheld", OutcomeCode.UPHELD, None),
    ("Not upheld", OutcomeCode.NOT_UPHELD, None),
    ("Closed after initial enquiries", OutcomeCode.CLOSED_AFTER_INITIAL_ENQUIRIES, None),
    ("Upheld: maladministration and injustice", OutcomeCode.UPHELD, "maladministration and injustice"),
    ("Not upheld: no maladministration", OutcomeCode.NOT_UPHELD, "no maladministration"),
    (
        "Closed after initial enquiries - out of jurisdiction",
        OutcomeCode.CLOSED_AFTER_INITIAL_ENQUIRIES,
        "out of jurisdiction",
    ),
    (
        "Closed after initial enquiries: no further action",
        OutcomeCode.CLOSED_AFTER_INITIAL_ENQUIRIES,
        "no further action",
    ),
    ("not upheld", OutcomeCode.NOT_UPHELD, None),
    ("Referred back for local resolution", OutcomeCode.REFERRED_BACK_FOR_LOCAL_RESOLUTION, None),
    ("Investigation discontinued", OutcomeCode.INVESTIGATION_DISCONTINUED, None),
    ("Premature decision - advice given", OutcomeCode.PREMATURE, "advice given"),
]


@pytest.mark.parametrize(("label", "code", "detail"), CASES)
def test_parse_outcome(label: str, code: OutcomeCode, detail: str | None) -> None:
    assert parse_outcome(label) == (code, detail)


@pytest.mark.parametrize(("label", "code", "detail"), CASES)
def test_outcome_in_a_statement_keeps_the_published_label(label: str, code: OutcomeCode, detail: str | None) -> None:
    d = read_text(f"Anytown Council (22 000 001)\nDecision : {label}\nThe complaint\n- Text.")
    assert d.outcome is not None
    assert (d.outcome.code, d.outcome.label, d.outcome.detail) == (code, label, detail)
    assert d.diagnostics == ()


def test_unknown_label_is_kept_with_code_other_and_a_diagnostic() -> None:
    d = read_text("Anytown Council (22 000 001)\nDecision : Settled by agreement\nThe complaint\n- Text.")
    assert d.outcome is not None
    assert d.outcome.code is OutcomeCode.OTHER
    assert d.outcome.label == "Settled by agreement"
    (diag,) = d.diagnostics
    assert diag.code == "unknown_outcome"
    assert diag.line == 2


def test_published_label_is_recorded_even_when_the_summary_disagrees() -> None:
    d = read_text(
        "Anytown Council (22 000 001)\nDecision : Upheld\nThe Ombudsman's final decision:\n"
        "Summary: We will not investigate this complaint.\nFinal decision\n- We will not investigate."
    )
    assert d.outcome is not None
    assert d.outcome.code is OutcomeCode.UPHELD
