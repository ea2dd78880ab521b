"""Fuzzing with hypothesis: arbitrary text and bytes, and statement-like line soup, into every
reader (``read``, ``read_text``, ``read_html``), lenient and strict. Only the library's typed
errors may escape; a record that comes out serialises and reads back.

The number of inputs run is counted (``RUN``) and printed at the end of the module (``-s``).
Long runs: ``HYPOTHESIS_PROFILE=ci``, or the atheris target in ``fuzz/``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from hypothesis import given
from hypothesis import strategies as st

from lgo_decisions import Decision, LgoDecisionsError, dumps, loads, read, read_html, read_text

RUN: Counter[str] = Counter()


def _try(name: str, fn: Callable[[], Decision]) -> None:
    RUN[name] += 1
    try:
        d = fn()
    except LgoDecisionsError:
        return
    assert isinstance(d, Decision)
    assert loads(dumps(d)) == d
    d.text()


# Pieces of statements: what the readers look for, so that the soup reaches deep states.
TEXT_LINES = st.sampled_from(
    [
        "Kent County Council (23 008 522)",
        "23 008 522",
        "(23-008-522b)",
        "Category : Adult care services > Charging",
        "Category :",
        "Decision : Upheld",
        "Decision : Not upheld: no fault",
        "Decision : ???",
        "Decision date : 04 Feb 2021",
        "Decision date : 99 Foo 2021",
        "The Ombudsman's final decision:",
        "Summary:",
        "Summary: We found fault.",
        "The complaint",
        "What I found",
        "My assessment",
        "Key to names used",
        "Back to top",
        "Print this page",
        "Investigator's decision on behalf of the Ombudsman",
        "  1. Numbered text.",
        "      1. Nested text:",
        "1.",
        "a) Lettered",
        "(b) Lettered",
        "- Dash item",
        "-",
        "- The complaint",
        "    \u2022 Bullet",
        "\u2022",
        "*",
        "Mrs X complained.",
        "Kent (\u0662\u0660 \u0660\u0660\u0667 \u0664\u0661\u0667)",
        "20 007 417\u017f",
        "it continued in lower case",
        "",
        "   ",
        "\t2. Tabbed",
        "\x00",
        "\ufeff",
        "\u2028",
    ]
)
HTML_PIECES = st.sampled_from(
    [
        "<h1>Kent County Council (23 008 522)</h1>",
        "<p>Decision : Upheld</p>",
        "<dl><dt>Category</dt><dd>A &gt; B</dd>",
        "<span>Decision date</span> 04 Feb 2021",
        "<h2>The complaint</h2>",
        "<h3>Analysis</h3>",
        "<ol>",
        "</ol>",
        "<ul>",
        "</ul>",
        "<li>",
        "</li>",
        "<li value='7'>",
        "<ol start='0'>",
        "<p>",
        "</p>",
        "<p><strong>Bold heading</strong></p>",
        "<article>",
        "</article>",
        "<header>",
        "</header>",
        "<nav><a>Home</a></nav>",
        "<dialog>Accept</dialog>",
        "<aside>",
        "</aside>",
        "<form>",
        "</form>",
        "<div role='main'>",
        "</div>",
        "<pre>a\nb</pre>",
        "<br>",
        "<table><tr><td>cell",
        "<!DOCTYPE x [<!ENTITY e 'boom'>]>",
        "&e;",
        "&nbsp;",
        "&#0;",
        "&#xD800;",
        "<!-- c -->",
        "<script>var x = '<p>';</script>",
        "<meta charset='utf-16'>",
        "Investigator's decision on behalf of the Ombudsman",
        "Summary:",
        "text",
        "<",
        ">",
        "&",
        "\x00",
    ]
)


@given(st.text())
def test_arbitrary_text(text: str) -> None:
    _try("read(str)", lambda: read(text))
    _try("read_text", lambda: read_text(text))
    _try("read_html(str)", lambda: read_html(text))
    _try("read_text strict", lambda: read_text(text, strict=True))


@given(st.binary())
def test_arbitrary_bytes(data: bytes) -> None:
    _try("read(bytes)", lambda: read(data))
    _try("read(bytes, html)", lambda: read(data, reader="html"))
    _try("read_html(bytes)", lambda: read_html(data))


@given(
    st.lists(TEXT_LINES | st.text(max_size=30), max_size=40),
    st.booleans(),
    st.sampled_from(
        [
            None,
            "https://www.lgo.org.uk/decisions/housing/allocations/24-021-265",
            "not a url",
            "https://www.lgo.org.uk/decisions/housing/allocations/\u0662\u0661-021-265\u017f",
        ]
    ),
)
def test_statement_like_text(lines: list[str], strict: bool, url: str | None) -> None:
    text = "\n".join(lines)
    _try("read_text soup", lambda: read_text(text, strict=strict, url=url))
    _try("read soup bytes", lambda: read(text.encode("utf-8", "surrogatepass"), strict=strict, url=url))


@given(st.lists(HTML_PIECES | st.text(max_size=20), max_size=60), st.booleans())
def test_statement_like_markup(pieces: list[str], strict: bool) -> None:
    page = "".join(pieces)
    _try("read_html soup", lambda: read_html(page, strict=strict))
    _try("read_html soup bytes", lambda: read_html(page.encode("utf-8", "surrogatepass"), strict=strict))


def teardown_module() -> None:
    print(f"\nfuzzed inputs run without an untyped exception: {sum(RUN.values())} ({dict(RUN)})")
