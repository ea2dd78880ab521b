"""Safe parsing of saved pages with lxml, and the sanitising that follows it.

No network, no DTDs or external entities (HTML parsing never loads or expands them; a doctype's
internal subset is replaced before parsing), libxml2's nesting limit turned into a
:class:`~lgo_decisions.errors.ParseError`, and elements that never hold statement text (scripts,
styles, forms' controls, embedded objects, navigation) removed with their content.
"""

from __future__ import annotations

import re
import threading
from typing import Any

from lxml import etree

from ..._limits import MAX_ATTRIBUTES, MAX_ELEMENTS, MAX_TEXT_NODE
from ...errors import InputTooLargeError, ParseError
from . import _menus

__all__ = ["parse_html", "parse_utf8"]

# Removed with their content wherever they are: never statement text.
DROP_TAGS = (
    "head",
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "object",
    "embed",
    "svg",
    "math",
    "canvas",
    "button",
    "select",
    "textarea",
    "input",
    "nav",
    "audio",
    "video",
    "map",
    "datalist",
)
_DOCTYPE_SUBSET = re.compile(r"<!DOCTYPE[^>\[]*\[[^\]]*\]\s*>", re.IGNORECASE)
_DOCTYPE = re.compile(r"<!DOCTYPE", re.IGNORECASE)
_DOCTYPE_BYTES = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
# a start tag with more than MAX_ATTRIBUTES white-space separated words (each repeat's parts are
# disjoint, and a match never crosses "<" or ">": linear)
_MANY_ATTRIBUTES = re.compile(rb"<[A-Za-z][^<>\s]*(?:\s+[^<>\s]+){%d}" % MAX_ATTRIBUTES)
# what such a tag needs at least (white space between its words, a stretch without "<" or ">"):
# cheap tests that spare nearly every page the search of the counted repeat (220 µs on 45 KiB)
_WHITE_SPACE = b" \t\n\r\f\v"  # (\s of a bytes pattern)
_LONG_TAG = re.compile(rb"<[A-Za-z][^<>]{%d}" % (2 * MAX_ATTRIBUTES))


# What libxml2 reports for a text node or attribute value above its limit (the tree is cut short
# there), by number: XML_ERR_RESOURCE_LIMIT (114) since libxml2 2.14, which lxml 6.0 has no name
# for, and XML_ERR_NO_MEMORY (2) before it ("Huge input lookup", "huge text node").
LIMIT_ERRORS = frozenset({114, 2})

_PARSERS = threading.local()  # (one parser a thread: a parser is for one parse at a time)


def _parser() -> etree.HTMLParser:
    """This thread's parser, made once: lxml resets it for each parse (its error log too), and a
    reused parser spares each page the setup of libxml2's parser context (~5 µs)."""
    parser: etree.HTMLParser | None = getattr(_PARSERS, "parser", None)
    if parser is None:
        parser = _PARSERS.parser = etree.HTMLParser(
            encoding="utf-8", no_network=True, remove_comments=True, remove_pis=True, recover=True, collect_ids=False
        )
    return parser


def parse_html(text: str, *, name: str | None = None) -> Any:
    """Parse page text with lxml safely; returns the root element (or ``None`` for no markup).

    Raises :class:`~lgo_decisions.errors.ParseError` for markup nested beyond libxml2's limit
    (256 levels) or any other parser failure.

    >>> root = parse_html("<p>Kent County Council (23 008 522)</p><p>Decision : Upheld</p>")
    >>> [p.text for p in root.iter("p")]
    ['Kent County Council (23 008 522)', 'Decision : Upheld']
    >>> parse_html("<div>" * 300, name="deep.html")
    Traceback (most recent call last):
    ...
    lgo_decisions.errors.ParseError: deep.html, line 1: markup nested too deeply ...
    """
    return _parse(_without_doctype_subset(text).encode("utf-8"), name)


def _without_doctype_subset(text: str) -> str:
    """The text with the internal subset of its first doctype (DTD entities) replaced."""
    first = _DOCTYPE.search(text)  # the first doctype only: one match attempt keeps this linear
    subset = _DOCTYPE_SUBSET.match(text, first.start()) if first else None
    if subset:
        text = text[: subset.start()] + "<!DOCTYPE html>" + text[subset.end() :]
    return text


def parse_utf8(raw: bytes, name: str | None = None) -> Any:
    """:func:`parse_html` for UTF-8 bytes: parsed as they are unless a doctype holds a subset.

    >>> parse_utf8(b"<p>Decision : Upheld</p>").find(".//p").text
    'Decision : Upheld'
    """
    start = first_doctype(raw)
    if start >= 0:
        end = raw.find(b">", start)
        if b"[" in raw[start : end if end >= 0 else len(raw)]:  # a subset may follow
            return parse_html(raw.decode("utf-8"), name=name)
    return _parse(raw, name)


def first_doctype(raw: bytes) -> int:
    """Where the first ``<!DOCTYPE`` (any case) starts, or -1: the pattern's search, with its "!"
    found by memchr first (a case-blind pattern runs a byte at a time: 12 µs on 45 KiB without one).

    >>> first_doctype(b"<p>Yes!</p><!doctype html>"), first_doctype(b"<p>No!</p>")
    (11, -1)
    """
    at = raw.find(b"!")
    for _ in range(_MARKS_ONE_BY_ONE):
        if at < 0:
            return -1
        if at and raw[at - 1] == 0x3C and _DOCTYPE_BYTES.match(raw, at - 1):  # ("<")
            return at - 1
        at = raw.find(b"!", at + 1)
    first = _DOCTYPE_BYTES.search(raw, max(at - 1, 0))  # (many: the rest by the pattern)
    return -1 if first is None else first.start()


_MARKS_ONE_BY_ONE = 32


def _check_size(raw: bytes, name: str | None) -> None:
    """Refuse, before parsing, what would cost libxml2 more than linear time or memory."""
    if len(raw) > MAX_ELEMENTS:  # (no fewer bytes than tags: a smaller input cannot have too many)
        tags = raw.count(b"<")  # (C speed: an upper bound of the tags, end tags included)
        if tags > MAX_ELEMENTS:
            raise InputTooLargeError(
                f"{name or 'input'}: {tags} tags ('<') is above the limit of {MAX_ELEMENTS} (MAX_ELEMENTS)"
            )
    if (
        len(raw) > 2 * MAX_ATTRIBUTES
        and _without_close(raw, MAX_ATTRIBUTES)
        and len(raw) - len(raw.translate(None, _WHITE_SPACE)) >= MAX_ATTRIBUTES
        and _LONG_TAG.search(raw) is not None
    ):
        many = _MANY_ATTRIBUTES.search(raw)
        if many is not None:
            line = raw.count(b"\n", 0, many.start()) + 1
            raise ParseError(
                f"a tag with more than {MAX_ATTRIBUTES} attributes (MAX_ATTRIBUTES); not a saved page",
                source=name,
                line=line,
            )


def _without_close(raw: bytes, size: int) -> bool:
    """Whether some stretch of ``size`` bytes, at a multiple of ``size``, holds no ">": every run of
    ``2 * size`` bytes without one covers such a stretch, so a tag that long needs one (a few
    searches for a byte that nearly every stretch has early, instead of a scan of the page).

    >>> _without_close(b"<p>" * 10, 4), _without_close(b"<p " + b"a" * 10 + b">", 4)
    (False, True)
    """
    return any(raw.find(b">", start, start + size) < 0 for start in range(0, len(raw) - size + 1, size))


def _without_unclosed_fields(raw: bytes) -> bytes:
    """The page without the start tag of a ``<textarea>`` or ``<select>`` never closed: unclosed, it
    would take the rest of the page (the statement too) as its content, which is dropped.

    >>> _without_unclosed_fields(b"<p>Mr X <textarea>complained.</p><p>More.</p>")
    b'<p>Mr X complained.</p><p>More.</p>'
    """
    if not any(mark in raw for mark in (b"extarea", b"EXTAREA", b"elect", b"ELECT")):
        return raw
    low = raw.lower()
    for tag in (b"textarea", b"select"):
        start = low.rfind(b"<" + tag)
        while start >= 0 and low.find(b"</" + tag, start) < 0:
            end = low.find(b">", start)
            if end < 0:
                break
            raw, low = raw[:start] + raw[end + 1 :], low[:start] + low[end + 1 :]
            start = low.rfind(b"<" + tag)
    return raw


def _swallowed(root: Any) -> bool:
    """Whether a ``<textarea>`` holds markup as its text, or a ``<select>`` text or elements other than
    options: a form field left unclosed that took the rest of the page."""
    for el in root.iter("textarea", "select"):
        if el.tag == "textarea":
            if "<" in (el.text or ""):
                return True
        elif (el.text or "").strip() or any(c.tag not in ("option", "optgroup") for c in el if isinstance(c.tag, str)):
            return True
    return False


def _parse(raw: bytes, name: str | None) -> Any:
    _check_size(raw, name)
    root = _parse_without_menus(raw, name)
    if root is None:
        root = _parse_once(raw, name)
    if root is not None and _swallowed(root):  # (rare: parsed again without the field's start tag)
        root = _parse_once(_without_unclosed_fields(raw), name)
    if root is None:
        return None
    etree.strip_elements(root, *DROP_TAGS, with_tail=False)
    return root


def _parse_without_menus(raw: bytes, name: str | None) -> Any:
    """The page's tree parsed with its large menus emptied (:mod:`._menus`), or ``None`` when it has
    none or the tree is not proven to be the page's own (then the page is parsed as it is)."""
    plan = _menus.plan(raw)
    if plan is None:
        return None
    try:
        root = _parse_once(plan.data, name)
    except ParseError:  # (the page as it is raises its own)
        return None
    if root is None or not _menus.confirmed(plan, root, _parse_with_errors):
        return None
    return root


def _parse_with_errors(raw: bytes) -> tuple[Any, list[tuple[int, str]]]:
    """The tree of ``raw`` (``None`` when it cannot be parsed) and the parser's errors (type, message)."""
    try:
        root = _fromstring(raw, None)
    except ParseError:
        return None, []
    return root, [(err.type, err.message) for err in _parser().error_log]


def _fromstring(raw: bytes, name: str | None) -> Any:
    """``raw`` parsed by this thread's parser (its errors then in the parser's ``error_log``)."""
    try:
        return etree.fromstring(raw, _parser())
    except (etree.LxmlError, ValueError) as exc:
        raise ParseError(f"cannot parse the page: {exc}", source=name) from None


def _parse_once(raw: bytes, name: str | None) -> Any:
    root = _fromstring(raw, name)
    for err in _parser().error_log:
        if "Excessive depth" in err.message:
            raise ParseError(
                "markup nested too deeply (libxml2 allows 256 levels); not a saved page", source=name, line=err.line
            )
        if err.type in LIMIT_ERRORS:
            raise ParseError(
                f"a text node or attribute value longer than libxml2's limit of {MAX_TEXT_NODE} characters "
                f"(MAX_TEXT_NODE; {err.message.strip()})",
                source=name,
                line=err.line,
            )
    return root
