"""Notebook friction: a short identifying repr, an escaped HTML repr, enums that format as values."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest
from hypothesis import given

from lgo_decisions import Decision, dumps, read_text
from lgo_decisions.model import (
    Category,
    Diagnostic,
    NumberedParagraph,
    Organisation,
    Outcome,
    OutcomeCode,
    Section,
    Severity,
)
from lgo_decisions.testing.strategies import decisions

from .seeds import SPACED, seed

LONG = "Mr X complained " * 300


def _decision(**kw: object) -> Decision:
    base: dict[str, object] = {
        "reference": "23 008 522",
        "organisations": [Organisation(name="Kent County Council"), Organisation(name="Medway Council")],
        "outcome": Outcome(code=OutcomeCode.UPHELD, label="Upheld"),
        "decision_date": dt.date(2024, 3, 5),
        "sections": [
            Section(heading="The complaint", blocks=[NumberedParagraph(number=1, text=LONG)]),
            Section(heading="Analysis", blocks=[NumberedParagraph(number=2, text="Two.")]),
        ],
    }
    base.update(kw)
    return Decision(**base)  # type: ignore[arg-type]


def test_repr_identifies_the_decision_in_one_short_line() -> None:
    d = _decision()
    assert repr(d) == (
        "<Decision 23 008 522: Kent County Council and 1 more, upheld, 2024-03-05, 2 sections, 2 paragraphs>"
    )
    assert repr(Decision()) == "<Decision (no reference): 0 sections, 0 paragraphs>"
    assert repr(d.sections[0]) == "<Section 'The complaint' (level 2, 1 block)>"


def test_repr_of_a_real_statement_is_short() -> None:
    d = read_text(seed(SPACED[0]))
    text = repr(d)
    assert len(text) < 200 < len(dumps(d))
    assert d.reference in text
    assert d.organisations[0].name in text
    assert f"{len(d.sections)} sections" in text
    assert f"{len(d.paragraphs())} paragraphs" in text


@given(decisions())
def test_repr_stays_one_bounded_line(d: Decision) -> None:
    text = repr(d)
    assert "\n" not in text
    assert len(text) < 220
    assert text.startswith("<Decision ")
    assert re.search(r"[:,] \d+ sections?, \d+ paragraphs?>$", text)
    assert all(len(repr(s)) < 120 for s in d.sections)


def test_html_repr_shows_the_header_and_first_paragraphs_escaped() -> None:
    evil = '<script>alert("x")</script> & Co'
    d = _decision(
        organisations=[Organisation(name=evil)],
        category=Category(area="Adult care services", subject="Charging <fees>"),
        summary="Summary <b>bold</b>.",
        diagnostics=[Diagnostic(code="no_closing_line", message="m")],
    )
    out = d._repr_html_()
    assert "<script>" not in out
    assert "<b>" not in out
    assert "<fees>" not in out
    assert html.escape(evil) in out
    assert "Adult care services &gt; Charging &lt;fees&gt;" in out
    assert "Upheld (upheld)" in out
    assert "2024-03-05" in out
    assert "no_closing_line" in out
    assert "1. Mr X complained" in out
    assert "2. Two." in out
    assert len(out) < 2500  # the 4,800-character paragraph is cut short
    assert re.fullmatch(r'<div class="lgo-decision">.*</div>', out, re.S)


@pytest.mark.parametrize("member", [*OutcomeCode, *Severity])
def test_enums_format_and_print_as_their_values(member: OutcomeCode | Severity) -> None:
    assert f"{member}" == str(member) == member.value
    assert f"{member:>40}" == f"{member.value:>40}"
    assert "%s" % member == member.value  # noqa: UP031
    assert repr(member).startswith(f"<{type(member).__name__}.{member.name}:")
    assert member == member.value  # still a str


def test_repr_is_not_serialisation() -> None:
    d = _decision()
    assert '"code": "upheld"' in dumps(d)
    assert '"severity": "info"' in dumps(_decision(diagnostics=[Diagnostic(code="no_closing_line", message="m")]))
