"""Layout 1: full page dumps (blank lines, indented numbers, bullets, "Back to top", footer chrome)."""

from __future__ import annotations

import pytest

from lgo_decisions import read_text
from lgo_decisions.model import BulletList, NumberedParagraph, Paragraph
from tests.seeds import SPACED, seed, statement_and_footer


@pytest.mark.parametrize("stem", SPACED)
def test_page_chrome_is_dropped_and_nothing_else(stem: str) -> None:
    d = read_text(seed(stem))
    text = d.text()
    for chrome in ("Back to top", "Print this page", "LGO logogram", "Required cookies", "Google Analytics"):
        assert chrome not in text
    assert d.decided_by == "Investigator's decision on behalf of the Ombudsman"
    assert d.diagnostics == ()


@pytest.mark.parametrize("stem", SPACED)
def test_the_footer_takes_no_part_in_the_record(stem: str) -> None:
    statement, _ = statement_and_footer(stem)
    assert read_text(statement) == read_text(seed(stem))


def test_sub_heading_without_back_to_top_is_level_three() -> None:
    d = read_text(seed("000_9284c856b9d4e60e"))
    levels = {s.heading: s.level for s in d.sections}
    assert levels["What I found"] == 2
    assert levels["Analysis"] == 3


def test_unindented_paragraph_after_bullets_continues_the_numbered_paragraph() -> None:
    d = read_text(seed("004_9498e815dd3f7996"))
    role = d.sections[1]
    first = role.blocks[0]
    assert isinstance(first, NumberedParagraph)
    assert first.number == 2
    assert isinstance(first.blocks[0], BulletList)
    assert len(first.blocks[0].items) == 4
    assert first.blocks[1] == Paragraph(text="(Local Government Act 1974, section 24A(6), as amended, section 34(B))")
    # the dump restarts its list at "1." after that paragraph: the statement's number goes on
    assert [b.number for b in role.blocks if isinstance(b, NumberedParagraph)] == [2, 3, 4]


def test_windows_line_endings_read_the_same() -> None:
    text = seed("000_9284c856b9d4e60e")
    assert read_text(text.replace("\n", "\r\n")) == read_text(text)


def test_flat_dumped_sub_list_after_a_colon_is_nested() -> None:
    text = """Anytown Council (23 014 000)

Decision : Upheld

The complaint

  1. The complainant, Mrs B, complains about support for her son.
  2. Mrs B says:
  1. The Council took two years to decide the support.
  2. The Council caused a delay when responding to her complaint.
  1. Mrs B says this caused distress.

Back to top

Final decision

  1. I have completed my investigation.
"""
    d = read_text(text)
    paras = d.paragraphs()
    assert [p.number for p in paras] == [1, 2, 3, 4]
    assert [s.number for s in paras[1].blocks] == [1, 2]  # type: ignore[union-attr]
    assert paras[2].text == "Mrs B says this caused distress."
