"""Safe parsing: no network, no external entities or DTDs, no entity expansion, bounded work on
deeply nested markup, a size limit, and only the library's own typed errors."""

from __future__ import annotations

import contextlib
import socket
import time
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lgo_decisions import (
    DecodeError,
    InputTooLargeError,
    LgoDecisionsError,
    ParseError,
    dumps,
    read,
    read_html,
)
from lgo_decisions._limits import MAX_NESTING

STATEMENT = (
    "<h1>Leeds City Council (21 016 384)</h1><p>Decision : Upheld</p><h2>The complaint</h2>"
    "<ol><li>Text of the complaint.</li></ol>"
)


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    """A local server socket: any fetch by the parser would connect to it."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(5)
    server.settimeout(0.3)
    yield server
    server.close()


def test_no_network_for_dtds_entities_or_resources(listener: socket.socket) -> None:
    port = listener.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    html = (
        f'<!DOCTYPE html SYSTEM "{base}/x.dtd" [<!ENTITY remote SYSTEM "{base}/entity">]>'
        f'<html xmlns:xi="http://www.w3.org/2001/XInclude"><head><link rel="stylesheet" href="{base}/s.css">'
        f'<script src="{base}/s.js"></script></head><body>{STATEMENT}<p>&remote;</p>'
        f'<img src="{base}/i.png"><iframe src="{base}/f"></iframe><xi:include href="{base}/inc"/></body></html>'
    )
    d = read_html(html.encode("utf-8"))
    assert d.reference == "21 016 384"
    with pytest.raises(socket.timeout):
        listener.accept()  # nobody connected


def test_external_file_entities_are_never_read(tmp_path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    html = (
        f'<?xml version="1.0" encoding="utf-8"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        f"<html><body>{STATEMENT}<p>Entity: &xxe;</p></body></html>"
    )
    for data in (html, html.encode("utf-8")):
        d = read_html(data)
        assert "TOP-SECRET" not in dumps(d)
        assert d.reference == "21 016 384"


def test_entity_expansion_bomb_is_not_expanded() -> None:
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    )
    html = f"<!DOCTYPE html [{entities}]><html><body>{STATEMENT}<p>&lol9;</p></body></html>"
    start = time.perf_counter()
    d = read_html(html)
    assert time.perf_counter() - start < 5  # generous: expansion would be 10**9 "lol"s
    assert len(dumps(d)) < 5000
    assert d.reference == "21 016 384"


def test_deep_nesting_raises_a_parse_error_quickly() -> None:
    html = "<div>" * 100_000 + STATEMENT + "</div>" * 100_000
    start = time.perf_counter()
    with pytest.raises(ParseError, match="nested too deeply"):
        read_html(html, name="deep.html")
    assert time.perf_counter() - start < 5


def test_nesting_within_the_limit_is_read_without_recursion() -> None:
    levels = min(MAX_NESTING + 5, 120)  # two elements a level: within libxml2's 256
    lists = "<ol><li>level" * levels + "</li></ol>" * levels
    d = read_html("<div>" * 5 + STATEMENT + lists + "</div>" * 5)
    assert d.reference == "21 016 384"
    block = d.sections[0].blocks[-1]
    depth = 0
    while getattr(block, "blocks", ()):
        block = block.blocks[0]  # type: ignore[union-attr]
        depth += 1
    assert depth == min(levels - 1, MAX_NESTING)  # deeper items are kept at the deepest level
    assert ("nesting_too_deep" in [x.code for x in d.diagnostics]) == (levels - 1 > MAX_NESTING)


def test_size_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(InputTooLargeError, match="limit of 100"):
        read_html(b"<p>" + b"x" * 200 + b"</p>", max_bytes=100)
    import lgo_decisions.readers.html

    monkeypatch.setattr(lgo_decisions.readers.html.READER, "max_bytes", 50)  # the default is the library's limit
    with pytest.raises(InputTooLargeError):
        read_html(STATEMENT)
    with pytest.raises(InputTooLargeError):
        read(STATEMENT.encode(), max_bytes=50)


def test_binary_and_control_characters() -> None:
    with pytest.raises(DecodeError):
        read_html(bytes(range(256)) * 20)
    d = read_html(STATEMENT.replace("Upheld", "\x00Upheld\x01"))  # (between word characters they would be a space)
    assert d.outcome is not None
    assert d.outcome.label == "Upheld"
    assert [x.code for x in d.diagnostics] == ["control_characters"]
    d = read_html(STATEMENT + "<p>lone \ud800 surrogate</p>")
    assert "invalid_characters" in [x.code for x in d.diagnostics]


def test_xml_declaration_in_a_str_is_no_lxml_error() -> None:
    d = read_html(
        '<?xml version="1.0" encoding="iso-8859-1"?><html xmlns="http://www.w3.org/1999/xhtml">'
        f"<body>{STATEMENT}</body></html>"
    )
    assert d.reference == "21 016 384"


@given(
    st.one_of(
        st.binary(max_size=2000),
        st.text(max_size=2000),
        st.lists(
            st.sampled_from(
                [
                    "<ol>",
                    "</ol>",
                    "<li>",
                    "</li>",
                    "<p>",
                    "</p>",
                    "<h2>",
                    "<ul>",
                    "<!DOCTYPE html [",
                    "]>",
                    "&",
                    "&#0;",
                    "&#xD800;",
                    "<![CDATA[",
                    "Decision : Upheld",
                    "20 007 417",
                    "Summary:",
                    "<br>",
                    "<dt>",
                    "Category",
                    "<pre>",
                    "\n",
                    "<b>",
                    "<!--",
                    "-->",
                    "<?x ?>",
                ]
            ),
            max_size=60,
        ).map("".join),
    )
)
def test_only_typed_errors(data: bytes | str) -> None:
    with contextlib.suppress(LgoDecisionsError):
        read_html(data)
