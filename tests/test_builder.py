"""The one builder, fed tokens directly (no reader): structure, levels, numbering, diagnostics."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from lgo_decisions import NotADecisionError, ParseError, _fields
from lgo_decisions._builder import _HANDLERS
from lgo_decisions.model import (
    BulletList,
    Diagnostic,
    NumberedParagraph,
    Outcome,
    OutcomeCode,
    Paragraph,
    SubParagraph,
)
from lgo_decisions.plugin import Kind, Token, build

TITLE = Token(
    kind=Kind.TITLE,
    text="Kent County Council (23 008 522)",
    organisation="Kent County Council",
    reference="23 008 522",
    line=1,
)


def heading(text: str, level: int | None = None) -> Token:
    return Token(kind=Kind.HEADING, text=text, level=level)


def numbered(text: str, depth: int = 0, number: int | None = None) -> Token:
    return Token(kind=Kind.NUMBERED, text=text, depth=depth, number=number)


def para(text: str, line: int | None = None) -> Token:
    return Token(kind=Kind.PARAGRAPH, text=text, line=line)


RULE = Token(kind=Kind.RULE, text="Back to top")
BOUNDARY = Token(kind=Kind.BOUNDARY)


def test_every_kind_has_a_handler() -> None:
    assert set(_HANDLERS) == set(Kind)


def test_build_consumes_an_iterator_once_in_order() -> None:
    def stream() -> Iterator[Token]:
        yield TITLE
        yield heading("The complaint")
        yield numbered("Mr X complained.")

    d = build(stream())
    assert d.reference == "23 008 522"
    assert d.paragraphs()[0].text == "Mr X complained."


def test_numbers_run_through_the_statement_and_restart_in_sub_lists() -> None:
    d = build(
        [
            TITLE,
            heading("The complaint"),
            numbered("One.", number=1),
            numbered("a", depth=1),
            numbered("b", depth=1),
            heading("What I found"),
            numbered("Two.", number=1),
            numbered("c", depth=1),
        ]
    )
    assert [p.number for p in d.paragraphs()] == [1, 2]
    first = d.sections[0].blocks[0]
    assert isinstance(first, NumberedParagraph)
    assert [(b.number, b.text) for b in first.blocks if isinstance(b, SubParagraph)] == [(1, "a"), (2, "b")]
    second = d.sections[1].blocks[0]
    assert isinstance(second, NumberedParagraph)
    assert second.blocks == (SubParagraph(number=1, text="c"),)


def test_levels_without_rules_are_all_two() -> None:
    d = build([TITLE, heading("The complaint"), heading("Analysis"), heading("Final decision")])
    assert [s.level for s in d.sections] == [2, 2, 2]


def test_levels_between_rules_are_three_and_after_a_rule_two() -> None:
    d = build([TITLE, heading("What I found"), heading("Analysis"), para("Text."), RULE, heading("Final decision")])
    assert [(s.heading, s.level) for s in d.sections] == [("What I found", 2), ("Analysis", 3), ("Final decision", 2)]


def test_a_rule_late_in_the_stream_still_decides_earlier_levels() -> None:
    """Levels are resolved when the stream ends: the first rule may come after the sub-heading."""
    d = build([TITLE, heading("What I found"), heading("Analysis"), RULE])
    assert [s.level for s in d.sections] == [2, 3]


def test_a_level_the_input_shows_is_kept() -> None:
    d = build([TITLE, heading("The complaint", level=2), heading("Analysis", level=4), RULE])
    assert [s.level for s in d.sections] == [2, 4]


def test_a_boundary_closes_open_items_and_is_no_rule() -> None:
    d = build(
        [
            TITLE,
            heading("What I found"),
            numbered("One."),
            BOUNDARY,
            para("Outside the list."),
            heading("Analysis"),
            RULE,
        ]
    )
    blocks = d.sections[0].blocks
    assert isinstance(blocks[0], NumberedParagraph)
    assert blocks[0].blocks == ()
    assert blocks[1] == Paragraph(text="Outside the list.")
    assert d.sections[1].level == 3  # a boundary does not make the next heading a section


def test_without_a_boundary_a_paragraph_continues_the_item() -> None:
    d = build([TITLE, heading("What I found"), numbered("One."), para("More of one.")])
    first = d.sections[0].blocks[0]
    assert isinstance(first, NumberedParagraph)
    assert first.blocks == (Paragraph(text="More of one."),)


def test_page_text_before_the_title_is_kept_outside_the_statement() -> None:
    d = build(
        [
            heading("Our decisions"),
            numbered("Menu item"),
            BOUNDARY,
            TITLE,
            heading("The complaint"),
            numbered("Mr X complained."),
        ]
    )
    assert [s.heading for s in d.sections] == ["The complaint"]
    assert d.outside_text == ("Our decisions", "Menu item")
    assert [p.number for p in d.paragraphs()] == [1]
    assert "text_before_title" in [x.code for x in d.diagnostics]


def test_without_title_header_or_marker_the_held_tokens_are_the_statement() -> None:
    d = build(
        [
            heading("The complaint"),
            numbered("Mr X complained."),
            Token(kind=Kind.SUMMARY, text="We will not investigate."),
        ]
    )
    assert d.summary == "We will not investigate."
    assert d.sections[0].heading == "The complaint"
    assert d.paragraphs()[0].text == "Mr X complained."


def test_contents_entries_without_a_section_are_kept() -> None:
    d = build(
        [
            Token(kind=Kind.TOC, text="The complaint"),
            Token(kind=Kind.TOC, text="Final decision"),
            TITLE,
            heading("The complaint"),
            numbered("Text."),
        ]
    )
    assert d.sections[0].blocks == (BulletList(items=["Final decision"]),)
    assert "contents_without_section" in [x.code for x in d.diagnostics]


def test_header_fields_are_interpreted() -> None:
    d = build(
        [
            TITLE,
            Token(kind=Kind.HEADER, name="Category", text="Housing > Allocations"),
            Token(kind=Kind.HEADER, name="Decision", text="Upheld: maladministration"),
            Token(kind=Kind.HEADER, name="Decision date", text="4 Sept 2021"),
        ]
    )
    assert (d.category.area, d.category.subject) == ("Housing", "Allocations")
    assert (d.outcome.code.value, d.outcome.detail) == ("upheld", "maladministration")
    assert d.decision_date.isoformat() == "2021-09-04"


def test_header_values_read_again_give_the_same_record_and_the_same_diagnostics() -> None:
    # (their readings are remembered from statement to statement: the second read is from memory)
    def read(date: str) -> tuple[object, ...]:
        d = build(
            [
                TITLE,
                Token(kind=Kind.HEADER, name="Category", text="Planning"),
                Token(kind=Kind.HEADER, name="Decision", text="Settled"),
                Token(kind=Kind.HEADER, name="Decision date", text=date),
            ]
        )
        return d.category, d.outcome, d.decision_date, [x.code for x in d.diagnostics]

    assert read("31 Feb 2021") == read("31 Feb 2021")
    assert read("31 Feb 2021")[1:] == (
        Outcome(code=OutcomeCode.OTHER, label="Settled"),
        None,
        ["unknown_outcome", "invalid_date"],
    )
    assert read("1 Mar 2021")[2] == dt.date(2021, 3, 1)


def test_remembered_header_values_stay_bounded() -> None:
    for n in range(_fields._REMEMBERED * 2):
        assert _fields._remembered(_fields._DATES, _fields.parse_date, f"{n % 28 + 1} Jan {1900 + n}") is not None
    assert len(_fields._DATES) <= _fields._REMEMBERED
    assert _fields._remembered(_fields._DATES, _fields.parse_date, "x" * 300) is None
    assert "x" * 300 not in _fields._DATES  # (long values are read, not kept)


def test_reader_diagnostics_are_kept_and_strict_mode_raises_on_them() -> None:
    note = Diagnostic(code="control_characters", message="1 control character(s) removed", line=4)
    assert build([TITLE], diagnostics=[note]).diagnostics[0] == note
    with pytest.raises(ParseError, match="line 4: 1 control character"):
        build([TITLE], diagnostics=[note], strict=True)


def test_a_stream_with_no_statement_in_it() -> None:
    with pytest.raises(NotADecisionError):
        build([para("Nothing to see."), BOUNDARY, Token(kind=Kind.CHROME, text="Print this page")])
