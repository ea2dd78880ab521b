"""A non-empty input that gives no header field and no section: an error-severity diagnostic, in
strict mode a ParseError (the builder's finish)."""

from __future__ import annotations

import pytest

from lgo_decisions import NotADecisionError, ParseError, read_html, read_text
from lgo_decisions.model import Severity
from lgo_decisions.plugin import Kind, Token, build

TITLE = Token(kind=Kind.TITLE, text="Kent County Council (23 008 522)", organisation="Kent County Council",
              reference="23 008 522")  # fmt: skip


def _found(d: object) -> list[Severity]:
    return [x.severity for x in d.diagnostics if x.code == "no_statement_found"]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "tokens",
    [
        [TITLE],
        [TITLE, Token(kind=Kind.CLOSING, text="Ombudsman's decision")],
        [Token(kind=Kind.MARKER, text="The Ombudsman's final decision:")],
        [TITLE, Token(kind=Kind.CHROME, text="Print this page")],
        [TITLE, Token(kind=Kind.PARAGRAPH, text="Mr X complained.")],  # (its one paragraph is the summary)
    ],
    ids=["title", "title and closing line", "marker", "title and chrome", "title and summary"],
)
def test_no_header_and_no_section_is_an_error(tokens: list[Token]) -> None:
    d = build(tokens)
    assert _found(d) == [Severity.ERROR]
    (note,) = [x for x in d.diagnostics if x.code == "no_statement_found"]
    assert "no header field and no section" in note.message
    with pytest.raises(ParseError):
        build(tokens, strict=True)


@pytest.mark.parametrize(
    "tokens",
    [
        [TITLE, Token(kind=Kind.HEADER, name="decision", text="Upheld")],
        [TITLE, Token(kind=Kind.HEADING, text="The complaint")],
        [TITLE, Token(kind=Kind.PARAGRAPH, text="In short."), Token(kind=Kind.PARAGRAPH, text="Mr X complained.")],
    ],
    ids=["a header field", "a heading", "a summary and a paragraph"],
)
def test_a_header_field_or_a_section_is_enough(tokens: list[Token]) -> None:
    assert _found(build(tokens)) == []


def test_the_readers_report_it() -> None:
    d = read_text("Kent County Council (23 008 522)\n")
    assert _found(d) == [Severity.ERROR]
    assert d.reference == "23 008 522"  # the record is still made: what little there is, kept
    assert _found(read_html("<h1>Kent County Council (23 008 522)</h1>")) == [Severity.ERROR]
    with pytest.raises(ParseError):
        read_text("Kent County Council (23 008 522)\n", strict=True)


def test_an_input_with_nothing_of_a_statement_is_still_not_a_decision() -> None:
    with pytest.raises(NotADecisionError):
        read_text("Hello.\n")
