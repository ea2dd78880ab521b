"""The HTML reader: saved statement pages (whole pages or bare fragments), parsed with lxml.

It turns the page into the same block stream as the text reader (:mod:`lgo_decisions.tokens`)
and hands it to the one builder, so a statement read from its page and from its text gives an
equal record. Structure decides what the page shows (``<h2>`` headings, ``<ol>``/``<li>``
numbered paragraphs, nested lists, ``<ul>`` bullets, ``<p>`` inside list items); the text
reader's vocabularies decide what a line says (title, header fields, the final-decision marker,
the summary label, the closing line, page chrome).

Safety: no network, no DTDs or external entities (HTML parsing never loads or expands them), a
size limit, libxml2's nesting limit turned into a :class:`~lgo_decisions.errors.ParseError`, and
an iterative walk of the tree (no recursion in Python).
"""

from __future__ import annotations

import codecs
import re
from typing import Any

import attrs
from lxml import etree

from ..builder import build
from ..decoding import _looks_binary, decode
from ..errors import InputTooLargeError, NotADecisionError, ParseError
from ..model import Decision, Diagnostic, Source
from ..tokens import Kind, Token
from ..vocabulary import (
    BACK_TO_TOP,
    CHROME_LINES,
    CLOSING,
    FINAL_DECISION_MARKER,
    HEADER_FIELD,
    MAIN_HEADINGS,
    MAX_SHORT_LINE,
    SUMMARY_LABEL,
    TITLE,
    is_heading_text,
    key,
)
from .text import content_hash

__all__ = ["NAME", "READER", "HtmlReader", "decode_html", "parse_html", "read_html", "sniff", "tokenize_html"]

NAME = "html"

# -- element classes ---------------------------------------------------------------------------
# Removed with their content wherever they are: never statement text.
_DROP_TAGS = (
    "head", "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math",
    "canvas", "button", "select", "textarea", "input", "nav", "audio", "video", "map", "datalist",
)
# Page furniture when outside the statement: dropped unless they hold statement text (some
# pages wrap the whole body in a <form>; the site's <article> has its own <header>).
_FURNITURE = frozenset({"header", "footer", "aside", "form", "dialog"})
_FURNITURE_ROLES = frozenset({"banner", "contentinfo", "complementary", "dialog", "alertdialog"})
_DROP_ROLES = frozenset({"navigation", "search"})
_MAIN = frozenset({"article", "main"})
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_LISTS = frozenset({"ol", "ul", "menu", "dir"})
_BOLD = frozenset({"strong", "b"})
# Elements that start and end a line of text (everything else is inline).
_BLOCKS = frozenset({
    "html", "body", "p", "div", "section", "article", "main", "header", "footer", "aside", "form",
    "dialog", "blockquote", "pre", "hr", "figure", "figcaption", "address", "center", "details",
    "summary", "fieldset", "legend", "hgroup", "dl", "dt", "dd", "table", "caption", "thead",
    "tbody", "tfoot", "tr", "td", "th", "li", "ol", "ul", "menu", "dir", "h1", "h2", "h3", "h4",
    "h5", "h6", "br", "option", "optgroup", "noframes", "frameset", "frame",
})

# Text that marks a container as holding the statement (title reference, header fields, marker).
_SIGNAL = re.compile(
    r"(?<![\d-])\d{2}[ -]?\d{3}[ -]?\d{3}[a-zA-Z]?(?![\d-])|\b(?:category|decision date|decision|summary)\s*:"
    r"|ombudsm[ae]n.?s final decision",
    re.IGNORECASE,
)
# The same three tests one at a time, each behind a cheap substring test (the combined pattern
# costs about 100 ns a character of page furniture); ``_CASE_FOLDS`` are the only non-ASCII
# characters that ``re.IGNORECASE`` matches to ASCII letters, which ``str.lower`` does not.
_SIGNAL_REFERENCE = re.compile(r"(?<![\d-])\d{2}[ -]?\d{3}[ -]?\d{3}[a-zA-Z]?(?![\d-])")
_SIGNAL_LABEL = re.compile(r"\b(?:category|decision date|decision|summary)\s*:", re.IGNORECASE)
_SIGNAL_MARKER = re.compile(r"ombudsm[ae]n.?s final decision", re.IGNORECASE)
_CASE_FOLDS = re.compile("[\u0130\u0131\u017f\u212a]")
_STRING = etree.XPath("string()", smart_strings=False)  # all text inside an element, joined in C
_HEADER_LABELS = frozenset({"category", "decision", "decision date"})
_WS = re.compile(r"[ \t\n\r\f]+")
_CLOSING_ENDS = ("ombudsman", "ombudsmen", "decision")  # every CLOSING match ends with one of these
# Control characters (as the text reader removes them) and the XML non-characters.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_CONTROL_BYTES = bytes(b for b in range(0x80) if b < 9 or b in (0x0b, 0x0c) or 0x0e <= b <= 0x1f or b == 0x7f)
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_DOCTYPE_SUBSET = re.compile(r"<!DOCTYPE[^>\[]*\[[^\]]*\]\s*>", re.IGNORECASE)
_DOCTYPE = re.compile(r"<!DOCTYPE", re.IGNORECASE)
_DOCTYPE_BYTES = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
# What run() calls skip(), start() and end() for (elements with a role always):
_SKIP_TAGS = _FURNITURE | _LISTS
_START_TAGS = _BLOCKS | _MAIN | frozenset(_HEADINGS) | _BOLD | _LISTS | {"pre", "li"}
_END_TAGS = _BLOCKS | frozenset(_HEADINGS) | _BOLD | _LISTS | {"pre", "p", "li"}
_MAX_KEPT_FURNITURE = 4  # furniture kept for its statement text, nested: deeper is kept unscanned
_META_CHARSET = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_SNIFF = re.compile(
    r"<(?:!doctype\s+html|html|head|body|article|main|section|div|p|h[1-6]|ol|ul|li|br|table|dl|meta|span"
    r"|strong|em|a)[\s>/]",
    re.IGNORECASE,
)
_SNIFF_BYTES = re.compile(_SNIFF.pattern.encode("ascii"), re.IGNORECASE)
_SNIFF_SIZE = 8192
# WHATWG: these labels mean windows-1252 in HTML.
_AS_CP1252 = frozenset({"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "iso-ir-100",
                        "cp819", "ibm819", "x-cp1252", "windows-1252", "cp1252"})


def _max_bytes_default() -> int:
    from ..api import MAX_INPUT_BYTES  # at call time: api imports the reader registry

    return MAX_INPUT_BYTES


# -- decoding ----------------------------------------------------------------------------------
def _meta_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii").lower() if m else None


def decode_html(data: bytes, *, encoding: str | None = None,
                name: str | None = None) -> tuple[str, list[Diagnostic]]:
    """Decode page bytes: ``encoding``, else a BOM, else the meta charset, else UTF-8, else Windows-1252.

    >>> decode_html(b'<meta charset="windows-1252"><p>Ombudsman\\x92s</p>')[0][-15:]
    'Ombudsman’s</p>'
    """
    if encoding is not None or data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode(data, encoding=encoding, name=name), []
    label = _meta_charset(data)
    notes: list[Diagnostic] = []
    if label is not None:
        codec = "cp1252" if label in _AS_CP1252 else label
        try:
            if codecs.lookup(codec).name.startswith("utf-16"):
                codec = "utf-8"  # WHATWG: a utf-16 label without a BOM means UTF-8
            return data.decode(codec), notes
        except LookupError:
            notes.append(Diagnostic(code="unknown_charset", message=f"unknown meta charset {label!r} ignored"))
        except UnicodeDecodeError as exc:
            notes.append(Diagnostic(code="charset_mismatch",
                                    message=f"the page says {label!r} but its bytes are not ({exc.reason}); "
                                            "decoded as UTF-8 or Windows-1252"))
    return decode(data, name=name), notes


# -- the walk ----------------------------------------------------------------------------------
@attrs.define
class _List:
    numbered: bool
    counter: int


@attrs.define
class _Li:
    el: Any
    numbered: bool
    depth: int
    number: int
    emitted: bool = False


def _int(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        n = int(value.strip())
    except ValueError:
        return None
    return n if n >= 1 else None


def _link_only(items: list[Any]) -> bool:
    """Every item is one link and nothing else (menus, breadcrumbs, tables of contents)."""
    if not items:
        return False
    for li in items:
        if len(li) != 1 or (li.text or "").strip() or (li[0].tail or "").strip():
            return False
        a = li[0]
        while a.tag != "a" and len(a) == 1 and not (a.text or "").strip():
            a = a[0]
        if a.tag != "a":
            return False
    return True


def _has_signal(el: Any) -> bool:
    """Whether ``el`` holds statement text (``_SIGNAL`` anywhere in its text), cheaply."""
    text = str(_STRING(el))
    if ":" in text and _SIGNAL_LABEL.search(text):
        return True
    if not text.isascii() and _CASE_FOLDS.search(text):
        return _SIGNAL.search(text) is not None
    if "final decision" in text.lower() and _SIGNAL_MARKER.search(text):
        return True
    return _SIGNAL_REFERENCE.search(text) is not None


def _squash(text: str) -> str:
    """Runs of ASCII white space to one space, stripped (the regular expression only when needed).

    >>> _squash("\\n Mr X\\n complained.  ")
    'Mr X complained.'
    """
    text = text.strip()  # (the same as stripping after the substitution, and it often leaves none to do)
    if "\n" in text or "  " in text or "\t" in text or "\r" in text or "\f" in text:
        text = _WS.sub(" ", text)
    return text


def _element_path(el: Any) -> str:
    """The path of the block element holding ``el``, e.g. ``/html/body/article/ol[2]/li[3]``."""
    node = el
    while node.tag not in _BLOCKS and node.getparent() is not None:
        node = node.getparent()
    return str(node.getroottree().getpath(node))


def _short_text(el: Any, limit: int = MAX_SHORT_LINE) -> str:
    """The element's text, or "" when longer than ``limit`` (reads no further: linear in nesting)."""
    parts: list[str] = []
    size = 0
    for t in el.itertext():
        size += len(t)
        if size > limit:
            return ""
        parts.append(t)
    return "".join(parts)


class _Tokenizer:
    """Walks the parsed tree once, iteratively, and emits tokens line by line.

    Each token's ``where`` is the element's tag (``"<p>"``), or with ``paths`` (strict mode:
    errors name it) the path of its block element (``/html/body/article/p[3]``).
    """

    def __init__(self, paths: bool = False) -> None:
        self.paths = paths
        self.tokens: list[Token] = []
        # the line being assembled
        self.buf: list[str] = []
        self.label_at = -1         # index in buf where a header label element ended
        self.line_no: int | None = None
        self.line_el: Any = None   # the element whose text (or tail) started the line
        self.line_tail = False
        self.has_bold = False
        self.has_plain = False
        # context
        self.bold = 0
        self.pre = 0
        self.level: int | None = None
        self.mains: list[Any] = []  # open <article>/<main> elements
        self.kept_furniture: list[Any] = []  # open furniture elements kept for their statement text
        self.lists: list[_List] = []
        self.lis: list[_Li] = []
        # statement state (as the text reader keeps it)
        self.titled = False
        self.body = False
        self.headed = False
        self.summary_seen = False
        self.pending_summary: Token | None = None
        self.pending_header: Token | None = None
        self.pending_close = False  # a top-level list ended: the next block is outside it
        self.real_rules = False

    # -- output --------------------------------------------------------------------------
    def emit(self, tok: Token) -> None:
        kind = tok.kind
        if self.pending_close:
            if kind in (Kind.HEADING, Kind.CLOSING, Kind.RULE):
                self.pending_close = False
            elif kind not in (Kind.CHROME, Kind.TOC):
                self.pending_close = False
                # a block after a closed list is outside it: RULE closes the builder's open items
                self.tokens.append(Token(kind=Kind.RULE, line=tok.line, where="(end of list)"))
        self.tokens.append(tok)

    def emit_item(self, li: _Li, text: str, line: int | None) -> None:
        li.emitted = True
        if self.titled:
            self.body = True  # (before the title a list is the site's, kept as text before it)
        self.settle_pending()
        where = _element_path(li.el) if self.paths else "<li>"
        if li.numbered:
            self.emit(Token(kind=Kind.NUMBERED, text=text, depth=li.depth, number=li.number, line=line, where=where))
        else:
            self.emit(Token(kind=Kind.BULLET, text=text, depth=li.depth, line=line, where=where))

    def settle_pending(self) -> None:
        if self.pending_summary is not None:
            self.emit(self.pending_summary)
            self.pending_summary = None
        if self.pending_header is not None:
            self.emit(self.pending_header)
            self.pending_header = None

    # -- lines ---------------------------------------------------------------------------
    def add(self, text: str | None, el: Any, tail: bool = False) -> None:
        """Add ``el``'s text (or with ``tail``, its tail) to the line."""
        if not text:
            return
        if self.pre and "\n" in text:
            parts = text.split("\n")
            for part in parts[:-1]:
                self.add(part, el, tail)
                self.flush()
            self.add(parts[-1], el, tail)
            return
        if text.isspace():
            if self.buf:  # (leading white space of a line would be stripped anyway)
                self.buf.append(text)
            return
        self.buf.append(text)
        if self.line_no is None:
            self.line_no = el.sourceline
            self.line_el = el
            self.line_tail = tail
        if self.bold:
            self.has_bold = True
        else:
            self.has_plain = True

    def where(self) -> str:
        """Where the line being flushed starts: its tag, or (``paths``) its block element's path."""
        el = self.line_el
        if not self.paths:
            return f"<{el.tag}>"
        return _element_path(el.getparent() if self.line_tail and el.getparent() is not None else el)

    def flush(self) -> None:
        buf = self.buf
        if not buf:
            return
        label_at, bold = self.label_at, self.has_bold and not self.has_plain
        self.label_at, self.has_bold, self.has_plain = -1, False, False
        line, self.line_no = self.line_no, None
        s = _squash("".join(buf))
        if s and label_at > 0 and not self.lis and not self.headed:
            label = _squash("".join(buf[:label_at])).rstrip(":").strip()
            s_value = _squash("".join(buf[label_at:]))
            s = f"{label} : {s_value.lstrip(':').strip()}" if s_value else s
        buf.clear()  # (the same list throughout: run() holds it)
        if not s:
            return
        if self.lis:
            li = self.lis[-1]
            if not li.emitted:
                self.emit_item(li, s, line)
            else:
                self.settle_pending()
                self.emit(Token(kind=Kind.PARAGRAPH, text=s, line=line, where=self.where() if self.paths else "<li>"))
            return
        self.line(s, line, bold, self.where())

    def line(self, s: str, line: int | None, bold: bool, where: str) -> None:
        """Classify one line outside list items, as the text reader classifies a line."""
        short = len(s) <= MAX_SHORT_LINE
        k = key(s) if short else ""
        if k in CHROME_LINES:
            if k == BACK_TO_TOP:
                self.real_rules = True
                self.emit(Token(kind=Kind.RULE, text=s, line=line, where=where))
            else:
                self.emit(Token(kind=Kind.CHROME, text=s, line=line, where=where))
            return
        if self.pending_summary is not None:
            self.emit(attrs.evolve(self.pending_summary, text=s))
            self.pending_summary = None
            return
        if self.pending_header is not None:
            pending, self.pending_header = self.pending_header, None
            if short and not HEADER_FIELD.match(s) and k not in _HEADER_LABELS \
                    and not SUMMARY_LABEL.match(s) and not FINAL_DECISION_MARKER.match(k + ":"):
                self.emit(attrs.evolve(pending, text=s))
                return
            self.emit(pending)
        if short and not self.titled and not self.body:
            m = TITLE.match(s)
            if m:
                self.titled = True
                org = m.group("org")
                self.emit(Token(kind=Kind.TITLE, text=s, organisation=org.strip() if org else None,
                                reference=m.group("ref"), line=line, where=where))
                return
        if short and not self.headed:
            h = HEADER_FIELD.match(s)
            if h or (k in _HEADER_LABELS and not self.body):
                self.titled = True
                name = h.group(1) if h else s.rstrip(":. ")
                tok = Token(kind=Kind.HEADER, name=name, text=h.group(2) if h else "", line=line, where=where)
                if tok.text:
                    self.emit(tok)
                else:
                    self.pending_header = tok  # label and value in separate elements (<dt>/<dd>)
                return
        if short and k.startswith("the ombudsm") and FINAL_DECISION_MARKER.match(k + ":"):
            self.body = True
            self.emit(Token(kind=Kind.MARKER, text=s, line=line, where=where))
            return
        m = SUMMARY_LABEL.match(s)
        if m and not self.summary_seen:  # (a second "Summary:" line is kept as published)
            self.body = self.summary_seen = True
            tok = Token(kind=Kind.SUMMARY, text=s[m.end():].strip(), line=line, where=where)
            if tok.text:
                self.emit(tok)
            else:
                self.pending_summary = tok
            return
        if short and k.endswith(_CLOSING_ENDS) and CLOSING.search(k):
            self.body = True
            self.emit(Token(kind=Kind.CLOSING, text=s, line=line, where=where))
            return
        level = self.level
        if (level is not None or (bold and is_heading_text(s))) and (self.titled or self.body or k in MAIN_HEADINGS):
            self.body = self.headed = True
            self.emit(Token(kind=Kind.HEADING, text=s, level=level, line=line, where=where))
            return
        if self.titled:
            self.body = True
        self.emit(Token(kind=Kind.PARAGRAPH, text=s, line=line, where=where))

    # -- elements ------------------------------------------------------------------------
    def skip(self, el: Any, role: str | None) -> bool:
        """Whether ``el`` is page furniture to leave out, with everything inside it."""
        tag = el.tag
        if role is not None:
            if role in _DROP_ROLES:
                return True
            if role == "main":
                return False
        furniture = tag in _FURNITURE or role in _FURNITURE_ROLES
        if furniture and (not self.mains or tag == "dialog" or role in ("dialog", "alertdialog")):
            if len(self.kept_furniture) >= _MAX_KEPT_FURNITURE:
                return False  # bounded re-scanning of nested furniture (linear time); text is kept
            if not _has_signal(el):
                return True
            self.kept_furniture.append(el)
            return False
        if tag in _LISTS and not self.headed:
            items = [c for c in el if c.tag == "li"]
            if _link_only(items):
                if not self.titled and not self.body:
                    return True  # a menu or breadcrumb trail before the statement
                texts = [_WS.sub(" ", _short_text(li)).strip() for li in items]
                if all(key(t) in MAIN_HEADINGS for t in texts):
                    for t in texts:  # a table of contents (the builder keeps entries without a section)
                        self.emit(Token(kind=Kind.TOC, text=t, line=el.sourceline,
                                        where=_element_path(el) if self.paths else "<li>"))
                    return True
        return False

    def start(self, el: Any, role: str | None) -> None:
        tag = el.tag
        if tag in _BLOCKS and self.buf:
            self.flush()
        if tag in _MAIN or role == "main":
            self.mains.append(el)
        level = _HEADINGS.get(tag)
        if level is not None:
            self.level = level
        elif tag in _BOLD:
            self.bold += 1
        elif tag == "pre":
            self.pre += 1
        elif tag in _LISTS:
            if self.lis and not self.lis[-1].emitted:
                self.emit_item(self.lis[-1], "", el.sourceline)  # an item whose first content is a nested list
            numbered = tag == "ol"
            self.lists.append(_List(numbered=numbered, counter=(_int(el.get("start")) or 1) if numbered else 1))
        elif tag == "li":
            lst = self.lists[-1] if self.lists else _List(numbered=False, counter=1)
            if lst.numbered:
                number = _int(el.get("value")) or lst.counter
                lst.counter = number + 1
                depth = sum(1 for x in self.lists if x.numbered) - 1
            else:
                number = 1
                depth = next((li.depth for li in reversed(self.lis) if li.numbered), 0)
            self.lis.append(_Li(el=el, numbered=lst.numbered, depth=depth, number=number))

    def end(self, el: Any) -> None:
        tag = el.tag
        if tag in _BLOCKS:
            if self.buf:
                self.flush()
        elif not self.body and 0 < len(self.buf) <= 16 and len(el) == 0 and key(el.text or "") in _HEADER_LABELS \
                and "".join(self.buf).strip() == (el.text or "").strip():
            # (a label starts its line: at most a few pieces, so the join stays linear overall)
            self.label_at = len(self.buf)  # an inline label element: "Category" then its value
        if self.kept_furniture and self.kept_furniture[-1] is el:
            self.kept_furniture.pop()
        if self.mains and self.mains[-1] is el:
            self.mains.pop()
        if tag in _HEADINGS:
            self.level = None
        elif tag in _BOLD:
            self.bold -= 1
        elif tag == "pre":
            self.pre -= 1
        elif tag in _LISTS:
            if self.lists:
                self.lists.pop()
            if not self.lists and not self.lis:
                self.pending_close = True
        elif tag == "p" and self.lis and not self.lis[-1].emitted and el.getparent() is self.lis[-1].el:
            self.emit_item(self.lis[-1], "", el.sourceline)  # <li><p></p>...: the item's text is empty
        elif tag == "li" and self.lis:
            li = self.lis.pop()
            if not li.emitted:
                self.emit_item(li, "", el.sourceline)
            if not self.lists and not self.lis:
                self.pending_close = True

    def run(self, root: Any) -> list[Token]:
        # The hot loop: the methods are called only for the elements they act on (the sets
        # below), so inline elements (<a>, <span>, <em>) cost a few look-ups.
        walker = etree.iterwalk(root, events=("start", "end"))
        add, skip, start, end = self.add, self.skip, self.start, self.end
        mains, kept, buf = self.mains, self.kept_furniture, self.buf
        skipped: Any = None
        for event, el in walker:
            tag = el.tag
            if tag.__class__ is not str:  # comments, processing instructions
                if event == "end":
                    add(el.tail, el, True)
                continue
            if event == "start":
                role = el.get("role")
                if role is not None:
                    role = role.strip().lower()
                    if skip(el, role):
                        walker.skip_subtree()
                        skipped = el
                        continue
                    start(el, role)
                else:
                    if tag in _SKIP_TAGS and skip(el, None):
                        walker.skip_subtree()
                        skipped = el
                        continue
                    if tag in _START_TAGS:
                        start(el, None)
                text = el.text
                if text:
                    if text.isspace() and not self.pre:  # (add() in short: only inside a line)
                        if buf:
                            buf.append(text)
                    else:
                        add(text, el)
            else:
                if el is skipped:
                    skipped = None
                elif tag in _END_TAGS or not self.body:
                    end(el)
                else:  # (what end() does for the other elements once the statement has begun)
                    if kept and kept[-1] is el:
                        kept.pop()
                    if mains and mains[-1] is el:
                        mains.pop()
                text = el.tail
                if text:
                    if text.isspace() and not self.pre:
                        if buf:
                            buf.append(text)
                    else:
                        add(text, el, True)
        self.flush()
        self.settle_pending()
        return self.finish()

    def finish(self) -> list[Token]:
        toks = self.tokens
        # Anything before the statement's first title, header field or marker is page text
        # (a heading or list of the site's): kept as paragraphs before the title.
        anchor = next((i for i, t in enumerate(toks) if t.kind in (Kind.TITLE, Kind.HEADER, Kind.MARKER)), 0)
        for i in range(anchor):
            if toks[i].kind in (Kind.HEADING, Kind.NUMBERED, Kind.BULLET, Kind.ITEM):
                toks[i] = attrs.evolve(toks[i], kind=Kind.PARAGRAPH)
        if not self.real_rules:
            # Without "Back to top" links the builder would read the list-closing rules as
            # section boundaries; bold-paragraph headings are then all sections (level 2).
            toks = [attrs.evolve(t, level=2) if t.kind is Kind.HEADING and t.level is None else t for t in toks]
        return toks


# -- parsing -----------------------------------------------------------------------------------
def _parser() -> etree.HTMLParser:
    return etree.HTMLParser(encoding="utf-8", no_network=True, remove_comments=True, remove_pis=True,
                            recover=True, collect_ids=False)


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
        text = text[:subset.start()] + "<!DOCTYPE html>" + text[subset.end():]
    return text


def _parse_utf8(raw: bytes, name: str | None) -> Any:
    """:func:`parse_html` for UTF-8 bytes: parsed as they are unless a doctype holds a subset."""
    first = _DOCTYPE_BYTES.search(raw)
    if first is not None:
        end = raw.find(b">", first.start())
        if b"[" in raw[first.start():end if end >= 0 else len(raw)]:  # a subset may follow
            return parse_html(raw.decode("utf-8"), name=name)
    return _parse(raw, name)


def _parse(raw: bytes, name: str | None) -> Any:
    parser = _parser()
    try:
        root = etree.fromstring(raw, parser)
    except (etree.LxmlError, ValueError) as exc:
        raise ParseError(f"cannot parse the page: {exc}", source=name) from None
    for err in parser.error_log:
        if err.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT or "Excessive depth" in err.message:
            raise ParseError("markup nested too deeply (libxml2 allows 256 levels); not a saved page",
                             source=name, line=err.line)
    if root is None:
        return None
    etree.strip_elements(root, *_DROP_TAGS, with_tail=False)
    return root


def tokenize_html(text: str, *, name: str | None = None, paths: bool = False) -> list[Token]:
    """Turn page text (already decoded) into the block stream.

    Each token's ``where`` is its element's tag, or with ``paths`` the path of its block
    element (what strict mode's errors name).

    >>> [t.kind.value for t in tokenize_html("<h1>Kent County Council (23 008 522)</h1><h2>The complaint</h2>"
    ...                                     "<ol><li>Text.</li></ol>")]
    ['title', 'heading', 'numbered']
    """
    return _tokens(parse_html(text, name=name), paths)


def _tokens(root: Any, paths: bool) -> list[Token]:
    if root is None:
        return []
    body = root.find("body")
    return _Tokenizer(paths).run(body if body is not None else root)


def _has_controls(raw: bytes) -> bool:
    """Whether UTF-8 bytes hold a character ``_CONTROL`` removes (C speed: no regular expression)."""
    return len(raw.translate(None, _CONTROL_BYTES)) != len(raw) or b"\xef\xbf\xbe" in raw or b"\xef\xbf\xbf" in raw


def _plain_utf8(data: bytes) -> bool:
    """Whether :func:`decode_html` (no ``encoding``) would decode ``data`` as UTF-8 with no diagnostic."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    label = _meta_charset(data)
    if label is None:
        if _looks_binary(data):
            return False
    elif label not in ("utf-8", "utf8"):
        return False
    if not data.isascii():
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return False
    return True


def read_html(data: bytes | str, *, url: str | None = None, strict: bool = False, encoding: str | None = None,
              name: str | None = None, max_bytes: int | None = None) -> Decision:
    """Read a saved statement page (or a fragment of one) into a :class:`~lgo_decisions.model.Decision`.

    ``bytes`` are decoded from ``encoding``, else a byte-order mark, else the page's meta
    charset, else UTF-8, else Windows-1252. Inputs above ``max_bytes`` (default
    :data:`lgo_decisions.api.MAX_INPUT_BYTES`) raise :class:`~lgo_decisions.errors.InputTooLargeError`.
    Lenient by default (problems become diagnostics); ``strict=True`` raises
    :class:`~lgo_decisions.errors.ParseError` naming the line and element.

    >>> d = read_html("<article><h1>Kent County Council (23 008 522)</h1><p>Decision : Upheld</p>"
    ...               "<h2>The complaint</h2><ol><li>Text.</li></ol></article>")
    >>> d.reference, d.outcome.label, d.paragraphs()[0].text
    ('23 008 522', 'Upheld', 'Text.')
    """
    limit = _max_bytes_default() if max_bytes is None else max_bytes
    if len(data) > limit:
        raise InputTooLargeError(f"{name or 'input'}: {len(data)} bytes is above the limit of {limit}")
    diagnostics: list[Diagnostic] = []
    raw: bytes | None = None
    if isinstance(data, bytes):
        if encoding is None and _plain_utf8(data):
            raw = data  # parsed as it is: no decoding and encoding again
        else:
            text, diagnostics = decode_html(data, encoding=encoding, name=name)
    elif isinstance(data, str):
        text = data
    else:
        raise TypeError(f"read_html() takes bytes or str, not {type(data).__name__}")
    if raw is None:
        text = text.lstrip("\ufeff")
        try:
            raw = text.encode("utf-8")
        except UnicodeEncodeError:  # lone surrogates
            text = _SURROGATE.sub("\ufffd", text)
            diagnostics.append(Diagnostic(code="invalid_characters", message="lone surrogates replaced"))
            raw = text.encode("utf-8")
    if _has_controls(raw):
        text, count = _CONTROL.subn("", raw.decode("utf-8"))
        diagnostics.append(Diagnostic(code="control_characters", message=f"{count} control character(s) removed"))
        raw = text.encode("utf-8")
    tokens = _tokens(_parse_utf8(raw, name), strict)
    if not tokens:
        raise NotADecisionError("not a decision statement: the page has no text", source=name or "input")
    source = Source(reader=NAME, name=name, content_hash=content_hash(data))
    return build(tokens, url=url, strict=strict, source=source, diagnostics=diagnostics)


def sniff(head: bytes | str, name: str | None = None) -> int:
    """10 when the start of the input looks like HTML markup, else 0 (cheap: the first 8 KB).

    >>> sniff(b"<!DOCTYPE html><html>"), sniff("Kent County Council (23 008 522)")
    (10, 0)
    """
    sample = head[:_SNIFF_SIZE]
    if isinstance(sample, bytes):
        if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            sample = sample.decode("utf-16", errors="ignore")
        else:
            return 10 if _SNIFF_BYTES.search(sample) else 0
    return 10 if _SNIFF.search(sample) else 0


class HtmlReader:
    """The ``html`` reader for the registry (:mod:`lgo_decisions.readers`): saved pages and fragments.

    >>> page = b"<html><body><h1>Kent County Council (23 008 522)</h1><p>Decision : Upheld</p></body></html>"
    >>> d = HtmlReader().read(page, name="a.html")
    >>> d.outcome.label, d.source.reader, d.source.name
    ('Upheld', 'html', 'a.html')
    """

    name = NAME
    suffixes: tuple[str, ...] = (".html", ".htm", ".xhtml")

    def sniff(self, head: bytes | str, name: str | None) -> int:
        """10 for markup, 0 otherwise (see :func:`sniff`)."""
        return sniff(head, name)

    def read(self, data: str | bytes, *, url: str | None = None, strict: bool = False,
             name: str | None = None) -> Decision:
        """Read with :func:`read_html` (bytes decoded by BOM, meta charset, UTF-8, Windows-1252)."""
        return read_html(data, url=url, strict=strict, name=name)


READER = HtmlReader()
"""The registered ``html`` reader."""

