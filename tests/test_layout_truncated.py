"""Pages cut short: read what is there and say so."""

from __future__ import annotations

import pytest

from lgo_decisions import ParseError, read_text
from tests.seeds import seed


def test_cut_statement_gives_a_partial_record_with_a_diagnostic() -> None:
    text = seed("000_9284c856b9d4e60e")
    cut = text[: text.index("Analysis")]
    d = read_text(cut)
    assert d.reference == "20 007 417"
    assert [p.number for p in d.paragraphs()] == [1, 2, 3, 4, 5, 6]
    assert d.decided_by is None
    assert [x.code for x in d.diagnostics] == ["no_closing_line"]


def test_cut_mid_word_keeps_the_fragment() -> None:
    text = seed("002_6d7b561c0b11b3e9")
    cut = text[: text.index("How I considered") + len("How I consid")]
    d = read_text(cut)
    assert "How I consid" in d.text()


def test_strict_mode_raises_naming_the_problem() -> None:
    text = seed("000_9284c856b9d4e60e")
    with pytest.raises(ParseError, match="cut short"):
        read_text(text[: text.index("Analysis")], strict=True)


def test_a_year_cut_to_two_digits_is_not_guessed() -> None:
    text = seed("002_6d7b561c0b11b3e9").replace("Decision date : 03 Oct 2023", "Decision date : 03 Oct 20")
    d = read_text(text)
    assert d.decision_date is None
    assert [x.code for x in d.diagnostics] == ["invalid_date"]
