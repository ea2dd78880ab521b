"""What the walker knows of HTML elements: which start a line, which are headings, lists, bold
or page furniture, and small helpers on elements (their text, their path, whether they hold
statement text). Internal to :mod:`lgo_decisions.readers.html`.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from ..._limits import MAX_SHORT_LINE
from ..._vocabulary import SIGNAL, SIGNAL_LABEL, SIGNAL_MARKER, SIGNAL_REFERENCE

# Page furniture when outside the statement: dropped unless they hold statement text (some
# pages wrap the whole body in a <form>; the site's <article> has its own <header>).
FURNITURE = frozenset({"header", "footer", "aside", "form", "dialog"})
FURNITURE_ROLES = frozenset({"banner", "contentinfo", "complementary", "dialog", "alertdialog"})
DROP_ROLES = frozenset({"navigation", "search"})
MAIN = frozenset({"article", "main"})
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
LISTS = frozenset({"ol", "ul", "menu", "dir"})
BOLD = frozenset({"strong", "b"})
# Elements that start and end a line of text (everything else is inline).
BLOCKS = frozenset(
    {
        "html",
        "body",
        "p",
        "div",
        "section",
        "article",
        "main",
        "header",
        "footer",
        "aside",
        "form",
        "dialog",
        "blockquote",
        "pre",
        "hr",
        "figure",
        "figcaption",
        "address",
        "center",
        "details",
        "summary",
        "fieldset",
        "legend",
        "hgroup",
        "dl",
        "dt",
        "dd",
        "table",
        "caption",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "td",
        "th",
        "li",
        "ol",
        "ul",
        "menu",
        "dir",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "br",
        "option",
        "optgroup",
        "noframes",
        "frameset",
        "frame",
    }
)


def string(el: Any) -> str:
    """All text inside ``el``, joined in C: XPath's ``string()`` without the cost of an XPath call
    (a serialisation as text; a third of the time on a small element, two thirds on a footer).

    >>> from lxml import html
    >>> string(html.fromstring("<div>Mr <b>X</b> complained.<p>Then</p></div>").find(".//b"))
    'X'
    """
    return str(etree.tostring(el, method="text", encoding=str, with_tail=False))


TEXT_OUTSIDE_LINKS = etree.XPath(".//text()[not(ancestor::a)]", smart_strings=False)
WS = re.compile(r"[ \t\n\r\f]+")
# The only non-ASCII characters that ``re.IGNORECASE`` matches to ASCII letters, which ``str.lower`` does not.
CASE_FOLDS = re.compile("[\u0130\u0131\u017f\u212a]")
# What run() calls skip(), start() and end() for (elements with a role always):
SKIP_TAGS = FURNITURE | LISTS
START_TAGS = BLOCKS | MAIN | frozenset(HEADINGS) | BOLD | LISTS | {"pre", "li"}
END_TAGS = BLOCKS | frozenset(HEADINGS) | BOLD | LISTS | {"pre", "p", "li"}
MIN_PROSE = 40  # furniture's paragraphs this long and ending a sentence are kept (outside the statement)
MAX_KEPT_FURNITURE = 4  # furniture kept for its statement text, nested: deeper is kept unscanned


def positive_int(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        n = int(value.strip())
    except ValueError:
        return None
    return n if n >= 1 else None


def _is_link(li: Any) -> bool:
    if len(li) != 1 or (li.text or "").strip() or (li[0].tail or "").strip():
        return False
    a = li[0]
    while a.tag != "a" and len(a) == 1 and not (a.text or "").strip():
        a = a[0]
    return bool(a.tag == "a")


def link_only(items: list[Any]) -> bool:
    """Every item is one link and nothing else (menus, breadcrumbs, tables of contents)."""
    return bool(items) and all(_is_link(li) for li in items)


def breadcrumb(items: list[Any]) -> bool:
    """A trail of links ending in the current page's name, not a link (``Home > Decisions > ...``).

    >>> from lxml import html
    >>> breadcrumb(list(html.fromstring("<ol><li><a>Home</a></li><li><a>Decisions</a></li><li>Allocations</li></ol>")))
    True
    """
    return (
        len(items) >= 2
        and all(_is_link(li) for li in items[:-1])
        and len(items[-1]) == 0
        and 0 < len((items[-1].text or "").strip()) <= 120
    )


def has_signal(el: Any) -> bool:
    """Whether ``el`` holds statement text (a reference, a header label or the marker anywhere in its
    text but its links' text: a list of related decisions names references in links), cheaply."""
    text = string(el)
    if not _seen_signal(text):
        return False
    if next(el.iterdescendants("a"), None) is None:  # (C: no ElementPath in Python, as find(".//a") is)
        return True
    return _seen_signal("".join(str(t) for t in TEXT_OUTSIDE_LINKS(el)))  # type: ignore[union-attr]


# A site's furniture is the same on every page of a corpus: its answer is kept for the next page
# (the texts long enough for the searches to cost more than a look-up; a bounded number of them).
_SIGNALS: dict[str, bool] = {}
_SIGNALS_KEPT = 64
_SIGNAL_KEPT_LENGTHS = range(256, 16 * 1024)


def _seen_signal(text: str) -> bool:
    """:func:`_signal`, remembered for furniture's texts."""
    if len(text) not in _SIGNAL_KEPT_LENGTHS:
        return _signal(text)
    found = _SIGNALS.get(text)
    if found is None:
        if len(_SIGNALS) >= _SIGNALS_KEPT:
            _SIGNALS.clear()
        found = _SIGNALS[text] = _signal(text)
    return found


def _signal(text: str) -> bool:
    if not text.isascii() and CASE_FOLDS.search(text):
        return SIGNAL.search(text) is not None
    # (else a word of a pattern matched without regard to case is in the text's lower case: a
    # search for it first spares most text the slow scan of a case-blind pattern)
    low = text.lower()
    if ":" in text and ("category" in low or "decision" in low or "summary" in low) and SIGNAL_LABEL.search(text):
        return True
    if "final decision" in low and SIGNAL_MARKER.search(text):
        return True
    return SIGNAL_REFERENCE.search(text) is not None


def squash(text: str) -> str:
    """Runs of ASCII white space to one space, stripped (the regular expression only when needed).

    >>> squash("\\n Mr X\\n complained.  ")
    'Mr X complained.'
    """
    text = text.strip()  # (the same as stripping after the substitution, and it often leaves none to do)
    if "\n" in text or "  " in text or "\t" in text or "\r" in text or "\f" in text:
        text = WS.sub(" ", text)
    return text


_CHARACTER_REFERENCE = re.compile(rb"&#([xX][0-9a-fA-F]+|[0-9]+)")
# what a line must be cleaned of (CONTROL_CHARACTERS, a byte-order mark), and what a reference
# names that a line cannot hold: C0 controls, DEL, U+FEFF, U+FFFE, U+FFFF
_REFERENCED_CONTROLS = frozenset({*range(0x20), 0x7F, 0xFEFF, 0xFFFE, 0xFFFF})


def references_controls(raw: bytes) -> bool:
    """Whether a numeric character reference in ``raw`` may name a character a line is cleaned of:
    for page bytes with no such character of their own (:func:`lgo_decisions._decoding.bytes_have_controls`),
    ``False`` means that no line of the parsed page holds one.

    >>> references_controls(b"<p>The Ombudsman&#x27;s final decision</p>"), references_controls(b"<p>a&#1;b</p>")
    (False, True)
    """
    found: set[bytes] = set()  # (a page repeats a few references: each is looked at once)
    at = raw.find(b"&")  # (one byte: memchr; a search for "&#" runs a byte at a time, 25 µs on 45 KiB)
    for _ in range(_AMPERSANDS_ONE_BY_ONE):
        if at < 0:
            break
        if raw[at + 1 : at + 2] == b"#" and (m := _CHARACTER_REFERENCE.match(raw, at)) is not None:
            found.add(m.group(1))
        at = raw.find(b"&", at + 1)
    else:  # (many: the rest in one pass of the pattern)
        found.update(_CHARACTER_REFERENCE.findall(raw, at))
    return any(_names_control(digits) for digits in found)


_AMPERSANDS_ONE_BY_ONE = 32


def _names_control(digits: bytes) -> bool:
    if len(digits) > 12:  # (beyond any code point: whatever the parser makes of it, a line is checked)
        return True
    value = int(digits[1:], 16) if digits[:1] in b"xX" else int(digits)
    return value in _REFERENCED_CONTROLS or value > 0x10FFFF


_KNOWN_TAGS = BLOCKS | {"a", "span", "em", "i", "b", "strong", "u", "small", "sup", "sub", "abbr", "cite", "img"}
_WHERE = {tag: f"<{tag}>" for tag in _KNOWN_TAGS}  # (made once; a page's other tags are formatted each time)


def tag_where(tag: str) -> str:
    """A token's ``where`` for an element of tag ``tag`` (``"<p>"``)."""
    return _WHERE.get(tag) or f"<{tag}>"


def element_path(el: Any) -> str:
    """The path of the block element holding ``el``, e.g. ``/html/body/article/ol[2]/li[3]``.

    One element's path (libxml2's ``getpath`` counts the element's siblings: a walk that asks
    for every element's path should use one :class:`Paths`, linear in the tree).
    """
    node = el
    while node.tag not in BLOCKS and node.getparent() is not None:
        node = node.getparent()
    return str(node.getroottree().getpath(node))


class Paths:
    """The paths of a tree's block elements, as :func:`element_path` gives them, in linear time:
    each parent's children are counted once (the step of each child kept), each path made once.

    >>> from lxml import html
    >>> root = html.fromstring("<div><p>a</p><p>b <em>c</em></p><ol><li>d</li></ol></div>")
    >>> paths = Paths()
    >>> [paths(e) for e in root.iter("p", "em", "li")] == [element_path(e) for e in root.iter("p", "em", "li")]
    True
    """

    def __init__(self) -> None:
        self._steps: dict[Any, str] = {}  # element -> its step ("p[2]"), for the children of parents seen
        self._paths: dict[Any, str] = {}  # element -> its path

    def _step(self, node: Any, parent: Any) -> str:
        step = self._steps.get(node)
        if step is None:
            steps = self._steps
            counts: dict[Any, int] = {}
            for child in parent:
                counts[child.tag] = counts.get(child.tag, 0) + 1
            seen: dict[Any, int] = {}
            for child in parent:
                tag = child.tag
                name = tag if tag.__class__ is str else "comment()"
                if counts[tag] > 1:
                    seen[tag] = seen.get(tag, 0) + 1
                    steps[child] = f"{name}[{seen[tag]}]"
                else:
                    steps[child] = name
            step = steps[node]
        return step

    def __call__(self, el: Any) -> str:
        node = el
        while node.tag not in BLOCKS and node.getparent() is not None:
            node = node.getparent()
        paths = self._paths
        chain: list[Any] = []
        while node is not None and node not in paths:
            chain.append(node)
            node = node.getparent()
        path = paths[node] if node is not None else ""
        for node in reversed(chain):
            parent = node.getparent()
            path = f"{path}/{self._step(node, parent) if parent is not None else node.tag}"
            paths[node] = path
        return path


def short_text(el: Any, limit: int = MAX_SHORT_LINE) -> str:
    """The element's text, or "" when longer than ``limit`` (reads no further: linear in nesting)."""
    parts: list[str] = []
    size = 0
    for t in el.itertext():
        size += len(t)
        if size > limit:
            return ""
        parts.append(t)
    return "".join(parts)
