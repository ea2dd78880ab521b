"""Layout 3: a table of contents before the statement."""

from __future__ import annotations

from lgo_decisions import read_text
from tests.seeds import seed

TOC = (
    "- The complaint\n- The Ombudsman’s role and powers\n- How I considered this complaint\n"
    "- My assessment\n- Final decision\n"
)


def test_table_of_contents_is_navigation_not_statement() -> None:
    text = seed("002_6d7b561c0b11b3e9")
    lines = text.split("\n")
    with_toc = "\n".join(lines[:4]) + "\n" + TOC + "\n".join(lines[4:])
    assert read_text(with_toc) == read_text(text)


def test_table_of_contents_before_the_title() -> None:
    text = seed("002_6d7b561c0b11b3e9")
    d = read_text(TOC + text)
    assert d == read_text(text)
    assert d.diagnostics == ()


def test_contents_entries_of_a_page_cut_short_are_kept() -> None:
    text = seed("002_6d7b561c0b11b3e9")
    cut = text[: text.index("My assessment")]
    d = read_text(TOC + cut)
    assert "Final decision" in d.text()
    assert "My assessment" in d.text()
    assert "contents_without_section" in [x.code for x in d.diagnostics]
