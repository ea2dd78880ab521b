"""The HTML reader's speed-ups answer as the plain forms they replace.

Each shortcut of the reader's parse and walk (a parser reused, a cheaper scan, a leaf element
read in one step) is compared here with the plain form on inputs made of the pieces that matter.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from lgo_decisions._decoding import _CONTROL_BYTES, bytes_have_controls
from lgo_decisions.errors import ParseError
from lgo_decisions.readers.html import _parse

_MARKUP = [
    b"<p>",
    b"</p>",
    b"<div>",
    b"</div>",
    b"<div>" * 130,
    b"<ol><li>",
    b"</li></ol>",
    b"<textarea>",
    b"<select>",
    b"<b>",
    b"Mr X",
    b" &amp; ",
    b"&#1;",
    b"<!-- c -->",
    b"<?pi x?>",
    b"<script>a<b</script>",
    b"\xe2\x80\x99",
    b"<",
    b">",
    b"\n",
]


def _fresh_parse(raw: bytes) -> Any:
    """:func:`_parse._parse_once` as it was: a new parser for each page."""
    parser = etree.HTMLParser(
        encoding="utf-8", no_network=True, remove_comments=True, remove_pis=True, recover=True, collect_ids=False
    )
    root = etree.fromstring(raw, parser)
    errors = [(e.type, e.line, e.message) for e in parser.error_log]
    return root, errors


def _outcome(parse: Any, raw: bytes) -> tuple[str, object]:
    try:
        root = parse(raw)
    except ParseError as exc:
        return "error", str(exc)
    return "tree", None if root is None else etree.tostring(root)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_MARKUP), max_size=12), min_size=1, max_size=4))
def test_the_reused_parser_reads_each_page_as_a_fresh_one(pages: list[list[bytes]]) -> None:
    for parts in pages:  # (in turn: what one page leaves in the parser must not reach the next)
        raw = b"".join(parts)
        ours = _outcome(lambda r: _parse._parse_once(r, "a.html"), raw)
        root, errors = _fresh_parse(raw)
        deep = any("Excessive depth" in message for _, _, message in errors)
        limit = any(kind in _parse.LIMIT_ERRORS for kind, _, _ in errors)
        if deep or limit:
            assert ours[0] == "error"
        else:
            assert ours == ("tree", None if root is None else etree.tostring(root))


def test_a_deep_page_does_not_leave_its_error_to_the_next() -> None:
    with pytest.raises(ParseError, match="nested too deeply"):
        _parse._parse_once(b"<div>" * 300, "deep.html")
    assert _parse._parse_once(b"<p>Mr X complained.</p>", "next.html") is not None


@settings(max_examples=400)
@given(
    st.lists(
        st.sampled_from(
            [
                b"a",
                b"\t",
                b"\n",
                b"\r",
                b"\x00",
                b"\x07",
                b"\x0b",
                b"\x1f",
                b"\x7f",
                b"\x80",
                b"\xef",
                b"\xef\xbf\xbe",
                b"\xef\xbb\xbf",
                b"\xe2\x80\x99",
                b" ",
            ]
        ),
        max_size=20,
    )
)
def test_the_control_byte_scan_finds_what_the_plain_search_finds(parts: list[bytes]) -> None:
    data = b"".join(parts)
    plain = any(b in _CONTROL_BYTES for b in data) or any(
        mark in data for mark in (b"\xef\xbf\xbe", b"\xef\xbf\xbf", b"\xef\xbb\xbf")
    )
    assert bytes_have_controls(data) is plain


def _items_by_the_tree(root: Any) -> list[tuple[str, int, int]]:
    """Each list item's (kind, number, depth) read off the tree itself: its innermost list says
    whether it is numbered, its number counts from the list's ``start`` (a ``value`` resets it),
    a numbered item's depth is the numbered lists around it less one, a bullet's that of the
    numbered item around it."""
    counters: dict[Any, int] = {}
    depths: dict[Any, int] = {}
    out = []
    for li in root.iter("li"):
        lists = list(li.iterancestors("ol", "ul", "menu", "dir"))
        if lists and lists[0].tag == "ol":
            lst = lists[0]
            value = li.get("value")
            start = lst.get("start")
            counter = counters.get(lst) or (int(start) if start and start.isdigit() and int(start) >= 1 else 1)
            number = int(value) if value and value.isdigit() and int(value) >= 1 else counter
            counters[lst] = number + 1
            depths[li] = sum(1 for a in lists if a.tag == "ol") - 1
            out.append(("numbered", number, depths[li]))
        else:
            outer = [a for a in li.iterancestors("li") if a in depths]  # (numbered items only)
            out.append(("bullet", 1, depths[outer[0]] if outer else 0))
    return out


_LIST_PARTS = st.sampled_from(
    ["<ol>", '<ol start="3">', "<ul>", "</ol>", "</ul>", "<li>", '<li value="7">', "</li>", "x "]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_LIST_PARTS, max_size=24))
def test_list_items_number_and_depth_as_the_tree_shows_them(parts: list[str]) -> None:
    from lgo_decisions.readers.html import parse_html, tokenize_html

    page = "<h1>Kent County Council (23 008 522)</h1><h2>The complaint</h2>" + "".join(parts)
    root = parse_html(page)
    expected = _items_by_the_tree(root)
    toks = [t for t in tokenize_html(page) if t.kind.value in ("numbered", "bullet")]
    assert [(t.kind.value, t.number if t.kind.value == "numbered" else 1, t.depth) for t in toks] == expected


_TEXT_PARTS = st.sampled_from(
    [
        "<div>",
        "</div>",
        "<p>",
        "</p>",
        "<b>",
        "</b>",
        "<br>",
        "<a href=x>",
        "</a>",
        "Mr X",
        " ",
        "\n",
        "&amp;",
        "&#x2019;",
        "&nbsp;",
        "&bogus;",
        "<!-- c -->",
        "<script>s</script>",
        "<style>t</style>",
        "\u00e9",
        "<",
        ">",
    ]
)
_XPATH_STRING = etree.XPath("string()", smart_strings=False)


@settings(max_examples=300, deadline=None)
@given(st.lists(_TEXT_PARTS, max_size=24))
def test_an_elements_text_is_xpaths_string_of_it(parts: list[str]) -> None:
    from lgo_decisions.readers.html import parse_html
    from lgo_decisions.readers.html._elements import string

    page = "<div>" + "".join(parts) + "</div>tail"
    for root in (parse_html(page), etree.fromstring(page, etree.HTMLParser())):
        if root is None:
            continue
        for el in root.iter():
            if isinstance(el.tag, str):
                assert string(el) == str(_XPATH_STRING(el))
