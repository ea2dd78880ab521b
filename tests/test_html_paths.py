"""HTML strict mode names the element path of the first problem (issue 8), and the reader's fast
paths (UTF-8 bytes parsed as they are, cheap furniture checks) read exactly as the slow ones."""

from __future__ import annotations

import lxml.html
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lgo_decisions import ParseError, read_html, read_text, render_html
from lgo_decisions._vocabulary import SIGNAL as _SIGNAL
from lgo_decisions.readers.html import tokenize_html
from lgo_decisions.readers.html._elements import has_signal as _has_signal

from .seeds import SPACED, seed

BAD_DATE = "99 Foo 2021"


def _page_with_bad_date() -> str:
    decision = read_text(seed(SPACED[0]))
    assert decision.decision_date is not None
    page = render_html(decision, page=True)
    published = f"{decision.decision_date:%d %b %Y}"
    assert page.count(published) == 1
    return page.replace(published, BAD_DATE)


def test_strict_names_the_decision_date_path_and_line() -> None:
    page = _page_with_bad_date()
    # the expected place, found independently with lxml: the block element holding the field
    tree = lxml.html.fromstring(page)
    field = next(el for el in tree.iter("p") if BAD_DATE in el.text_content())
    expected = field.getroottree().getpath(field)
    assert expected.startswith("/html/body/")
    assert expected.endswith("]")
    with pytest.raises(ParseError) as info:
        read_html(page.encode("utf-8"), strict=True, name="page.html")
    assert info.value.element == expected
    assert info.value.line == field.sourceline
    assert f"page.html, line {field.sourceline}, {expected}: decision date" in str(info.value)
    lenient = read_html(page)  # the same problem is a diagnostic on the same line
    assert [d.line for d in lenient.diagnostics if d.code == "invalid_date"] == [field.sourceline]


def test_strict_names_a_list_item_path() -> None:
    page = (
        "<html><body><h1>Kent County Council (23 008 522)</h1><p>Decision : Upheld</p>"
        "<p>The Ombudsman's final decision:</p><h2>The complaint</h2>"
        "<ol><li>First.</li><li><p>Second,</p><p>cut here</p></li></ol></body></html>"
    )
    with pytest.raises(ParseError, match="cut short") as info:
        read_html(page, strict=True)
    assert info.value.element == "/html/body/ol/li[2]/p[2]"  # the last line: where the statement stops
    with pytest.raises(ParseError, match="cut short") as info:
        read_html(page.replace("<p>Second,</p><p>cut here</p>", "Second"), strict=True)
    assert info.value.element == "/html/body/ol/li[2]"


def test_inline_text_is_placed_in_its_block() -> None:
    page = (
        "<div><h1>Kent County Council (23 008 522)</h1>"
        "<p><span>Decision</span> : <b>Maybe</b></p><h2>The complaint</h2><ol><li>Text.</li></ol></div>"
    )
    with pytest.raises(ParseError, match="unknown decision label") as info:
        read_html(page, strict=True)
    assert info.value.element == "/html/body/div/p"


def test_lenient_tokens_keep_tags_and_paths_are_on_request() -> None:
    page = "<h1>Kent County Council (23 008 522)</h1><h2>The complaint</h2><ol><li>Text.</li></ol>"
    assert [t.where for t in tokenize_html(page)] == ["<h1>", "<h2>", "<li>", "(end of list)"]
    assert [t.where for t in tokenize_html(page, paths=True)] == [
        "/html/body/h1",
        "/html/body/h2",
        "/html/body/ol/li",
        "(end of list)",
    ]


PAGE = (
    "<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>"
    "<header><p>Site 01 234 567 8901</p></header><footer>Decision : no</footer>"
    "<h1>Kent County Council (23 008 522)</h1><p>Decision :\n Upheld</p><h2>The complaint</h2>"
    "<ol><li>Ombudsman\u2019s  view\u00a0here.</li></ol></body></html>"
)


@pytest.mark.parametrize(
    "page",
    [
        PAGE,
        PAGE.replace("<meta charset='utf-8'>", ""),
        PAGE.replace("Upheld", "Up\x01held\ufffe"),  # control characters removed
        '<!DOCTYPE x [<!ENTITY e "boom">]>' + PAGE.replace("<!DOCTYPE html>", ""),  # a DTD subset
        PAGE.replace("<header>", "<header><p>The Ombudsman\u2019s final decision</p>"),  # furniture kept
        PAGE.replace("<header>", "<header role='banner'><p>Summary: kept</p>"),
        PAGE.replace("<header>", "<header><p>Ombudsman\u017fs final decision</p>"),  # re.IGNORECASE folds
    ],
)
def test_bytes_read_as_their_text(page: str) -> None:
    from_text = read_html(page)
    from_bytes = read_html(page.encode("utf-8"))
    assert from_bytes == from_text
    assert from_bytes.diagnostics == from_text.diagnostics
    assert from_bytes.sections == from_text.sections


SIGNAL_PIECES = [
    "Category",
    "category :",
    "DECISION DATE:",
    "decision",
    "Summary",
    ":",
    " ",
    "\n",
    "Ombudsman",
    "ombudsmen's",
    "\u2019s final decision",
    "s Final Decision",
    "12",
    "345",
    "678",
    "-",
    "b",
    "x",
    "\u017f",
    "\u0130",
    "\u0131",
    "\u212a",
    "\u00e9",
]


@given(st.lists(st.sampled_from(SIGNAL_PIECES), max_size=12))
def test_furniture_check_matches_the_signal_pattern(pieces: list[str]) -> None:
    text = "".join(pieces)
    el = lxml.html.fromstring("<div><p></p></div>")
    el[0].text = text
    assert _has_signal(el) == (_SIGNAL.search(text) is not None)
