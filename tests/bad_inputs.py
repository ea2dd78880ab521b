"""The catalogue of bad and hostile input, shared by ``tests/test_bad_input.py`` and
``benchmarks/bad_input_catalogue.py``.

Each :class:`Case` makes its input at a scale ``n`` (``make(1)`` is the size the tests use; the
benchmark also runs ``make(2)`` to compare times) and says what every reader of its family must
give: a typed error, or a record (partial where the input is) with a given diagnostic.
Only the five seeds shipped in ``examples/`` are used as real statements.
"""

from __future__ import annotations

import codecs
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from lgo_decisions import DecodeError, InputTooLargeError, LgoDecisionsError, NotADecisionError, ParseError

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SEED = "000_9284c856b9d4e60e"


def seed_text(stem: str = SEED) -> str:
    """One of the five seeds shipped in ``examples/``."""
    return (EXAMPLES / f"{stem}.txt").read_text(encoding="utf-8")


TITLE = "Leeds City Council (21 016 384)"
HEAD = f"{TITLE}\nCategory : Adult care services > Charging\nDecision : Upheld\nDecision date : 04 Feb 2021\n"
PAGE = (
    "<h1>Leeds City Council (21 016 384)</h1><p>Category : Adult care services &gt; Charging</p>"
    "<p>Decision : Upheld</p><p>Decision date : 04 Feb 2021</p><h2>The complaint</h2>"
)


def _sections_of(text: str) -> tuple[str, list[str]]:
    """A spaced seed split at its "Back to top" lines: (head, sections)."""
    body, _, _ = text.partition("Print this page")
    parts = body.split("Back to top")
    return parts[0], parts[1:]


def _duplicated_sections(n: int) -> str:
    head, sections = _sections_of(seed_text())
    return head + "Back to top".join(sections * (n + 1))


def _reordered_sections(n: int) -> str:
    head, sections = _sections_of(seed_text())
    first, *rest = sections or [""]
    return head + first + "Back to top".join(reversed(rest)) * n


def _random_bytes(n: int) -> bytes:
    return random.Random(8).randbytes(4096 * n)


def _invalid_utf8(n: int) -> bytes:
    # a statement whose UTF-8 is broken by stray bytes: read as Windows-1252, never dropped
    return seed_text().encode("utf-8").replace(b"Council", b"Coun\xffcil", 1) * n


def _deep_indent(n: int) -> str:
    return HEAD + "The complaint\n" + "".join(" " * (4 * i) + "1. Nested text.\n" for i in range(300 * n))


def _xxe(n: int) -> str:
    return (
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>' + PAGE + "<p>Entity: &e;</p>" * n
    )


def _billion_laughs(n: int) -> str:
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    )
    return f"<!DOCTYPE html [{entities}]><html><body>{PAGE}" + "<p>&lol9;</p>" * n + "</body></html>"


@dataclass(frozen=True)
class Case:
    """One kind of bad input and what every reader of its family gives."""

    name: str
    make: Callable[[int], str | bytes]
    error: type[LgoDecisionsError] | None = None  # None: a record
    diagnostic: str | None = None  # a code the record must carry
    html: bool = False  # markup: read() and read_html(); else read() and read_text()
    max_bytes: int | None = None  # the size limit to pass to read() / read_html()
    note: str = ""
    heavy: bool = False  # big: the tests run it through read() only
    url: str | None = None  # the address to pass with the input


CASES: tuple[Case, ...] = (
    # -- nothing there ------------------------------------------------------------------------
    Case("empty", lambda n: "", NotADecisionError),
    Case("blank", lambda n: " \n\t\r\n  \u00a0\n" * n, NotADecisionError),
    Case("empty bytes", lambda n: b"", NotADecisionError),
    Case("NUL bytes only", lambda n: b"\x00" * 1000 * n, DecodeError),
    Case("NUL characters only", lambda n: "\x00" * 1000 * n, NotADecisionError),
    Case(
        "NUL characters in a statement",
        lambda n: seed_text().replace("\n\n", "\n\x00\n") * n,
        diagnostic="control_characters",
    ),
    Case("random bytes", _random_bytes, DecodeError),
    Case(
        "random printable text",
        lambda n: "".join(random.Random(3).choices("ab c.\n-1()", k=20000 * n)),
        NotADecisionError,
    ),
    # -- encodings ----------------------------------------------------------------------------
    Case("invalid UTF-8 (stray byte)", _invalid_utf8, note="read as Windows-1252"),
    Case("invalid UTF-8 (mostly)", lambda n: bytes(range(0x80, 0x100)) * 40 * n, DecodeError),
    Case("UTF-16 with a BOM", lambda n: codecs.BOM_UTF16_LE + (seed_text() * n).encode("utf-16-le")),
    Case(
        "UTF-16 without a BOM", lambda n: (seed_text() * n).encode("utf-16-le"), DecodeError, note="NUL bytes: binary"
    ),
    Case("UTF-8 BOM", lambda n: codecs.BOM_UTF8 + (seed_text() * n).encode("utf-8")),
    Case("lone surrogates", lambda n: HEAD + "The complaint\n- Text \ud800 here.\n" * n),
    Case("CR line endings", lambda n: seed_text().replace("\n", "\r") * n),
    # -- not a statement ------------------------------------------------------------------------
    Case("not a statement", lambda n: "Shopping list\nEggs\nMilk, bread and tea.\n" * 50 * n, NotADecisionError),
    Case(
        "title-like line too long",
        lambda n: ("x" * 400 + " (21 016 384)\n") * n,
        NotADecisionError,
        note="lines over MAX_SHORT_LINE are never a title",
    ),
    Case(
        "non-ASCII digits in the reference",
        lambda n: (
            "Kent County Council (\u0662\u0660 \u0660\u0660\u0667 \u0664\u0661\u0667)\n"
            "Decision : Upheld\nThe complaint\n- Text.\n" * n
        ),
        diagnostic="text_before_title",
        note="not a title: references are ASCII",
    ),
    Case(
        "address with a non-ASCII suffix",
        lambda n: "Decision : Upheld\nThe complaint\n- Text.\n" * n,
        url="https://www.lgo.org.uk/decisions/housing/allocations/20-007-417\u017f",
        note="not an address",
    ),
    # -- statements cut, duplicated, reordered -------------------------------------------------
    Case("cut in the middle", lambda n: seed_text()[: len(seed_text()) // 2] * n, diagnostic="no_closing_line"),
    Case("cut after the title", lambda n: seed_text().split("\n", 1)[0] + "\n"),
    Case("sections duplicated", _duplicated_sections),
    Case("sections reordered", _reordered_sections),
    Case(
        "header lines duplicated", lambda n: HEAD * (n + 1) + "The complaint\n- Text.\n", diagnostic="duplicate_header"
    ),
    Case(
        "impossible date",
        lambda n: HEAD.replace("04 Feb 2021", "99 Foo 2021") + "The complaint\n- Text.\n" * n,
        diagnostic="invalid_date",
    ),
    Case(
        "31 February",
        lambda n: HEAD.replace("04 Feb 2021", "31 Feb 2021") + "The complaint\n- Text.\n" * n,
        diagnostic="invalid_date",
    ),
    Case(
        "unknown outcome",
        lambda n: HEAD.replace("Upheld", "Maybe later") + "The complaint\n- Text.\n" * n,
        diagnostic="unknown_outcome",
    ),
    # -- size and shape ------------------------------------------------------------------------
    Case("1 MB line", lambda n: HEAD + "The complaint\n" + "word " * 200_000 * n + "\n"),
    Case("1 MB line of one character", lambda n: HEAD + "x" * 1_000_000 * n + "\n"),
    Case("1 MB of white space", lambda n: HEAD + " " * 1_000_000 * n + "x\n"),
    Case("300,000 dash list markers", lambda n: HEAD + "The complaint\n" + "- Item text.\n" * 300_000 * n, heavy=True),
    Case("300,000 lone list markers", lambda n: HEAD + "The complaint\n" + "-\n" * 300_000 * n, heavy=True),
    Case("30,000 bullets", lambda n: HEAD + "The complaint\n" + "\u2022 Bullet\n" * 30_000 * n),
    Case("30,000 nested sub-paragraphs", lambda n: HEAD + "The complaint\n  1. Top:\n" + "      1. Sub\n" * 30_000 * n),
    Case("30,000 lettered sub-paragraphs", lambda n: HEAD + "The complaint\n  1. Top:\n" + "a) Sub\n" * 30_000 * n),
    Case("100,000 markers on one line", lambda n: HEAD + "The complaint\n" + "- " * 100_000 * n + "\n"),
    Case("deep indentation", _deep_indent, diagnostic="nesting_too_deep"),
    Case("10,000 long lines, no title", lambda n: ("a " * 150 + "\n") * 10_000 * n, NotADecisionError),
    # -- markup ----------------------------------------------------------------------------------
    Case("HTML: empty", lambda n: "", NotADecisionError, html=True),
    Case("HTML: random bytes", _random_bytes, DecodeError, html=True),
    Case(
        "HTML: not a statement",
        lambda n: "<html><body><p>Cats and dogs.</p></body></html>" * n,
        NotADecisionError,
        html=True,
    ),
    Case("HTML: only markup", lambda n: "<div><span></span></div>" * 1000 * n, NotADecisionError, html=True),
    Case(
        "HTML: deeply nested",
        lambda n: "<div>" * 100_000 * n + PAGE + "</div>" * 100_000 * n,
        ParseError,
        html=True,
        note="libxml2's nesting limit",
    ),
    Case("HTML: nested lists within the limit", lambda n: PAGE + "<ol><li>level" * 100 + "</li></ol>" * 100, html=True),
    Case(
        "HTML: unbalanced", lambda n: PAGE + "</div></p><li></ol><p><b><i>text</b></i><td>cell</tr>" * 10 * n, html=True
    ),
    Case(
        "HTML: misnested until too deep",
        lambda n: PAGE + "</div></p><li></ol><p><b><i>text</b></i><td>cell</tr>" * 1000 * n,
        ParseError,
        html=True,
        note="libxml2's recovery nests each misnested pair",
    ),
    Case("HTML: unclosed tags", lambda n: PAGE + "<p><b>text" * 2000 * n, html=True),
    Case("HTML: external entity (XXE)", _xxe, html=True, note="not resolved, no file read"),
    Case("HTML: billion laughs", _billion_laughs, html=True, note="not expanded"),
    Case("HTML: many doctype subsets", lambda n: "<!DOCTYPE x [" * 8000 * n + PAGE, html=True),
    Case(
        "HTML: many header labels",
        lambda n: "<p>" + "<span>Category</span>" * 20_000 * n + "</p>" + PAGE,
        html=True,
        diagnostic="text_before_title",
    ),
    Case(
        "HTML: nested furniture",
        lambda n: "<aside>" * 200 + "<p>" + "a " * 200_000 * n + "</p>" + PAGE + "</aside>" * 200,
        html=True,
    ),
    Case(
        "HTML: 300,000 list items",
        lambda n: PAGE + "<ul>" + "<li>x</li>" * 300_000 * n + "</ul>",
        html=True,
        heavy=True,
    ),
    Case("HTML: 1 MB text", lambda n: PAGE + "<p>" + "word " * 200_000 * n + "</p>", html=True),
    Case(
        "HTML: NUL and control characters",
        lambda n: PAGE + "<p>a\x00b\x07c</p>" * n,
        html=True,
        diagnostic="control_characters",
    ),
    Case("HTML: lone surrogate", lambda n: PAGE + "<p>a\ud800b</p>" * n, html=True, diagnostic="invalid_characters"),
    Case(
        "HTML: non-ASCII digits in the reference",
        lambda n: PAGE.replace("21 016 384", "\u0662\u0661 016 384") * n,
        html=True,
        diagnostic="text_before_title",
    ),
    Case(
        "HTML: unknown meta charset",
        lambda n: b'<meta charset="x-unheard-of">' + PAGE.encode() * n,
        html=True,
        diagnostic="unknown_charset",
    ),
    Case(
        "HTML: non-web meta charset",
        lambda n: b'<meta charset="unicode_escape">' + PAGE.encode() + b"<p>C:\\new</p>" * n,
        html=True,
        diagnostic="unknown_charset",
        note="only WHATWG labels are obeyed",
    ),
    Case(
        "HTML: character references to control characters",
        lambda n: PAGE + "<p>a&#1;b&#x0b;c</p>" * n,
        html=True,
        diagnostic="control_characters",
    ),
    Case(
        "control characters between words",
        lambda n: HEAD + "The complaint\n1. The Council\fdelayed\x07its reply.\n" * n,
        diagnostic="control_characters",
        note="a space or a line break",
    ),
    Case(
        "byte-order mark at a line start",
        lambda n: HEAD.replace("Decision :", "\ufeffDecision :") + "The complaint\n1. Text.\n" * n,
        diagnostic="control_characters",
    ),
    Case("title with a four-digit year", lambda n: HEAD.replace("(21 016", "(2021 016") * n, diagnostic="no_reference"),
    Case("HTML: 100,000 attributes", lambda n: "<p " + "a=x " * 100_000 * n + ">" + PAGE, ParseError, html=True),
    Case("HTML: text node over 10 MB", lambda n: PAGE + "<p>" + "a" * 10_000_001 * n + "</p>", ParseError, html=True),
    Case("HTML: 8,000,000 <br>", lambda n: PAGE + "<br>" * 8_000_000 * n, InputTooLargeError, html=True),
    # -- size limit ------------------------------------------------------------------------------
    Case("above the size limit (str)", lambda n: HEAD + "x" * 2000 * n, InputTooLargeError, max_bytes=1000),
    Case(
        "above the size limit (bytes)", lambda n: (HEAD + "x" * 2000 * n).encode(), InputTooLargeError, max_bytes=1000
    ),
    Case(
        "HTML: above the size limit",
        lambda n: (PAGE + "<p>x</p>" * 500 * n).encode(),
        InputTooLargeError,
        html=True,
        max_bytes=1000,
    ),
)


@dataclass(frozen=True)
class Scaling:
    """Input that grows with ``units``: the work to read it must grow linearly."""

    name: str
    make: Callable[[int], str]
    html: bool = False


SCALING: tuple[Scaling, ...] = (
    Scaling("dash items", lambda k: HEAD + "The complaint\n" + "- Item text.\n" * k),
    Scaling("lone markers", lambda k: HEAD + "The complaint\n" + "-\n\n" * k),
    Scaling("bullets", lambda k: HEAD + "The complaint\n" + "    \u2022 Bullet\n" * k),
    Scaling("nested sub-paragraphs", lambda k: HEAD + "The complaint\n  1. Top:\n" + "      1. Sub\n" * k),
    Scaling("lettered sub-paragraphs", lambda k: HEAD + "The complaint\n  1. Top:\n" + "(a) Sub\n" * k),
    Scaling("deep indentation", lambda k: HEAD + "".join(" " * (4 * (i % 300)) + "1. x\n" for i in range(k))),
    Scaling("headings", lambda k: HEAD + "Heading Number One\nText of it.\n" * k),
    Scaling("lines before a title", lambda k: "Some text before the title.\n" * k + HEAD),
    Scaling("long lines, no title", lambda k: ("a " * 150 + "\n") * k),
    Scaling("HTML list items", lambda k: PAGE + "<ol>" + "<li>x</li>" * k + "</ol>", html=True),
    Scaling(
        "HTML nested lists",
        lambda k: PAGE + "<ol><li>x" * min(k, 100) + "</li></ol>" * min(k, 100) + "<p>y</p>" * k,
        html=True,
    ),
    Scaling("HTML header labels", lambda k: "<p>" + "<span>Category</span>" * k + "</p>" + PAGE, html=True),
    Scaling("HTML paragraphs", lambda k: PAGE + "<p>Text <b>bold</b> text.</p>" * k, html=True),
    Scaling("HTML nested furniture", lambda k: "<aside>" * 100 + "<p>a</p>" * k + PAGE + "</aside>" * 100, html=True),
)
