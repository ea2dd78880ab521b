"""The walk of a parsed page: the lines of its statement, with the layout hints the markup shows.

One iterative pass over the tree (no recursion in Python) finds the lines: block elements start
and end them, list items carry their number and depth, a heading element its level, a line wholly
in bold is marked as such, and page furniture (header, footer, navigation, forms, dialogs outside
the statement, menus and breadcrumb lists before it) is left out unless it holds statement text.
What each line says is the classifier's to decide (:mod:`lgo_decisions._classify`); the walker
feeds it line by line and reads back the state it needs (title seen, body begun, heading seen).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs
from lxml import etree

from ..._classify import Classifier, Forms, Line, is_contents_entry, is_header_label
from ..._decoding import CONTROL_CHARACTERS, remove_controls
from ..._tokens import Token
from ...model import Diagnostic
from ._elements import (
    BLOCKS,
    BOLD,
    DROP_ROLES,
    END_TAGS,
    FURNITURE,
    FURNITURE_ROLES,
    HEADINGS,
    LISTS,
    MAIN,
    MAX_KEPT_FURNITURE,
    MIN_PROSE,
    SKIP_TAGS,
    START_TAGS,
    WS,
    Paths,
    breadcrumb,
    has_signal,
    link_only,
    positive_int,
    short_text,
    squash,
    string,
    tag_where,
)

__all__ = ["tokens"]


# -- the walk ----------------------------------------------------------------------------------
@attrs.define
class _List:
    numbered: bool
    counter: int
    numbered_open: int = 0  # the numbered lists open, this one included (its items' depth is one less)


@attrs.define
class _Li:
    el: Any
    numbered: bool
    depth: int
    number: int
    emitted: bool = False


class _Walker:
    """Walks the parsed tree once, iteratively, and emits tokens line by line.

    Each token's ``where`` is the element's tag (``"<p>"``), or with ``paths`` (strict mode:
    errors name it) the path of its block element (``/html/body/article/p[3]``).
    """

    def __init__(self, paths: bool = False, clean: bool = False) -> None:
        self.paths = paths
        self.clean_lines = clean  # (no line can hold a control character: none is looked for)
        self.controls = 0  # control characters (from character references) cleaned from the lines
        self.controls_line: int | None = None
        self.path = Paths()  # (strict mode's element paths, each parent's children counted once)
        self.tokens: list[Token] = []
        # the line being assembled
        self.buf: list[str] = []
        self.label_at = -1  # index in buf where a header label element ended
        self.line_no: int | None = None
        self.line_el: Any = None  # the element whose text (or tail) started the line
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
        # what the lines say: the one classifier, which holds the statement's state
        self.classifier = Classifier()
        self.feed = self.classifier.feed

    # -- output --------------------------------------------------------------------------
    def emit(self, line: Line) -> None:
        self.feed(line, self.tokens)

    def emit_item(self, li: _Li, text: str, line: int | None) -> None:
        li.emitted = True
        where = self.path(li.el) if self.paths else "<li>"
        if li.numbered:
            item = Line(text, _NUMBERED, number=li.number, depth=li.depth, line=line, where=where)
        else:
            item = Line(text, _BULLET, depth=li.depth, line=line, where=where)
        self.feed(item, self.tokens)

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
            return tag_where(el.tag)
        return self.path(el.getparent() if self.line_tail and el.getparent() is not None else el)

    def flush(self) -> None:
        buf = self.buf
        if not buf:
            return
        label_at, bold = self.label_at, self.has_bold and not self.has_plain
        self.label_at, self.has_bold, self.has_plain = -1, False, False
        line, self.line_no = self.line_no, None
        s = squash(buf[0] if len(buf) == 1 else "".join(buf))
        if s and label_at > 0 and not self.lis and not self.classifier.headed:
            label = squash("".join(buf[:label_at])).rstrip(":").strip()
            s_value = squash("".join(buf[label_at:]))
            s = f"{label} : {s_value.lstrip(':').strip()}" if s_value else s
        buf.clear()  # (the same list throughout: run() holds it)
        if not self.clean_lines and not s.isprintable() and (s[0] == "\ufeff" or CONTROL_CHARACTERS.search(s)):
            s = self.clean(s, line)  # (isprintable: one pass in C before the pattern)
        if not s:
            return
        if self.lis:
            li = self.lis[-1]
            if not li.emitted:
                self.emit_item(li, s, line)
            else:
                self.feed(Line(s, _CONTINUATION, line=line, where=self.where() if self.paths else "<li>"), self.tokens)
            return
        level = self.level
        form = _HEADING if level is not None else _EMPHASIS if bold else _PARAGRAPH
        where = self.where() if self.paths else tag_where(self.line_el.tag)
        self.feed(Line(s, form, level=level, line=line, where=where), self.tokens)

    def clean(self, s: str, line: int | None) -> str:
        """A line without the control characters (or leading byte-order mark) that character
        references such as ``&#1;`` put into the parsed text, counted for the diagnostic."""
        cleaned, count, _ = remove_controls(s)
        if count and not self.controls:
            self.controls_line = line
        self.controls += count
        return squash(cleaned)

    # -- elements ------------------------------------------------------------------------
    def skip(self, el: Any, role: str | None) -> bool:
        """Whether ``el`` is page furniture to leave out, with everything inside it."""
        tag = el.tag
        if role is not None:
            if role in DROP_ROLES:
                return True
            if role == "main":
                return False
        furniture = tag in FURNITURE or role in FURNITURE_ROLES
        if furniture and (not self.mains or tag == "dialog" or role in ("dialog", "alertdialog")):
            if len(self.kept_furniture) >= MAX_KEPT_FURNITURE:
                return False  # bounded re-scanning of nested furniture (linear time); text is kept
            if not has_signal(el):
                self.keep_prose(el)
                return True
            self.kept_furniture.append(el)
            return False
        if tag in LISTS and not self.classifier.headed:
            items = [c for c in el if c.tag == "li"]
            before = not self.classifier.titled and not self.classifier.body
            if before and breadcrumb(items):
                return True  # a breadcrumb trail ending in the current page, before the statement
            if link_only(items):
                if before:
                    return True  # a menu or breadcrumb trail before the statement
                texts = [WS.sub(" ", short_text(li)).strip() for li in items]
                if all(is_contents_entry(t) for t in texts):
                    for t in texts:  # a table of contents (the builder keeps entries without a section)
                        self.emit(
                            Line(t, Forms.CONTENTS, line=el.sourceline, where=self.path(el) if self.paths else "<li>")
                        )
                    return True
        return False

    def keep_prose(self, el: Any) -> None:
        """The paragraphs of prose in furniture left out (an <aside> or <footer> holding sentences):
        kept outside the statement, so that nothing is dropped without a word."""
        for p in el.iter("p", "blockquote"):
            text = squash(string(p) if len(p) else p.text or "")  # (no child: its text is all it holds)
            if len(text) >= MIN_PROSE and text[-1] in ".!?" and (len(p) != 1 or p.find(".//a") is None):
                where = self.path(p) if self.paths else tag_where(p.tag)
                self.feed(Line(text, Forms.OUTSIDE, line=p.sourceline, where=where), self.tokens)

    def start(self, el: Any, tag: str, role: str | None) -> None:
        if tag in BLOCKS and self.buf:
            self.flush()
        if tag in MAIN or role == "main":
            self.mains.append(el)
        level = HEADINGS.get(tag)
        if level is not None:
            self.level = level
        elif tag in BOLD:
            self.bold += 1
        elif tag == "pre":
            self.pre += 1
        elif tag in LISTS:
            if self.lis and not self.lis[-1].emitted:
                self.emit_item(self.lis[-1], "", el.sourceline)  # an item whose first content is a nested list
            numbered = tag == "ol"
            lists = self.lists
            counter = (positive_int(el.get("start")) or 1) if numbered else 1
            numbered_open = (lists[-1].numbered_open if lists else 0) + numbered
            lists.append(_List(numbered=numbered, counter=counter, numbered_open=numbered_open))
        elif tag == "li":
            self.start_item(el)

    def start_item(self, el: Any) -> None:
        """An ``<li>`` begins: its number (a numbered list's count, or its ``value``) and depth."""
        lst = self.lists[-1] if self.lists else _NO_LIST
        if lst.numbered:
            value = el.get("value")
            number = (positive_int(value) if value is not None else None) or lst.counter
            lst.counter = number + 1
            depth = lst.numbered_open - 1  # (the numbered lists open, less one)
        else:
            number = 1
            depth = next((li.depth for li in reversed(self.lis) if li.numbered), 0)
        self.lis.append(_Li(el=el, numbered=lst.numbered, depth=depth, number=number))

    def end_item(self, el: Any) -> None:
        """An ``<li>`` ends, its line flushed: an item with no line of its own is emitted empty, and
        the end of the statement's outermost list is marked."""
        if self.kept_furniture and self.kept_furniture[-1] is el:
            self.kept_furniture.pop()
        if self.mains and self.mains[-1] is el:
            self.mains.pop()
        lis = self.lis
        if lis:
            li = lis.pop()
            if not li.emitted:
                self.emit_item(li, "", el.sourceline)
            if not self.lists and not lis:
                self.emit(_LIST_END)  # the statement's list ended: what follows is outside it

    def end(self, el: Any, tag: str) -> None:
        if tag in BLOCKS:
            if self.buf:
                self.flush()
        elif (
            not self.classifier.body
            and 0 < len(self.buf) <= 16
            and len(el) == 0
            and is_header_label(el.text or "")
            and "".join(self.buf).strip() == (el.text or "").strip()
        ):
            # (a label starts its line: at most a few pieces, so the join stays linear overall)
            self.label_at = len(self.buf)  # an inline label element: "Category" then its value
        if self.kept_furniture and self.kept_furniture[-1] is el:
            self.kept_furniture.pop()
        if self.mains and self.mains[-1] is el:
            self.mains.pop()
        if tag in HEADINGS:
            self.level = None
        elif tag in BOLD:
            self.bold -= 1
        elif tag == "pre":
            self.pre -= 1
        elif tag in LISTS:
            if self.lists:
                self.lists.pop()
            if not self.lists and not self.lis:
                self.emit(_LIST_END)  # the statement's list ended: what follows is outside it
        elif tag == "p" and self.lis and not self.lis[-1].emitted and el.getparent() is self.lis[-1].el:
            self.emit_item(self.lis[-1], "", el.sourceline)  # <li><p></p>...: the item's text is empty
        # (an <li>'s end: end_item(), which run() calls for it)

    def run(self, root: Any) -> list[Token]:
        # The hot loop: the methods are called only for the elements they act on (the sets
        # below), so inline elements (<a>, <span>, <em>) cost a few look-ups.
        walker = etree.iterwalk(root, events=("start", "end"))
        add, skip, start, end, flush = self.add, self.skip, self.start, self.end, self.flush
        start_item, end_item = self.start_item, self.end_item
        mains, kept, buf, classifier, lis = self.mains, self.kept_furniture, self.buf, self.classifier, self.lis
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
                    start(el, tag, role)
                else:
                    if tag in SKIP_TAGS and skip(el, None):
                        walker.skip_subtree()
                        skipped = el
                        continue
                    if tag in _PLAIN_BLOCKS:  # (what start() does for them, in short)
                        if buf:
                            flush()
                        if tag in MAIN:
                            mains.append(el)
                    elif tag == "li":  # (what start() does for it, in short)
                        if buf:
                            flush()
                        start_item(el)
                    elif tag in START_TAGS:
                        start(el, tag, None)
                text, tail = el.text, False
            else:
                if el is skipped:
                    skipped = None
                elif tag in _PLAIN_BLOCKS and not lis:  # (what end() does for them, in short)
                    if buf:
                        flush()
                    if kept and kept[-1] is el:
                        kept.pop()
                    if mains and mains[-1] is el:
                        mains.pop()
                elif tag == "li":  # (what end() does for it, in short)
                    if buf:
                        flush()
                    end_item(el)
                elif tag in END_TAGS or not classifier.body:
                    end(el, tag)
                else:  # (what end() does for the other elements once the statement has begun)
                    if kept and kept[-1] is el:
                        kept.pop()
                    if mains and mains[-1] is el:
                        mains.pop()
                text, tail = el.tail, True
            if text:  # (the element's text after its start, its tail after its end)
                if self.pre:
                    add(text, el, tail)
                elif text.isspace():  # (add() in short: only inside a line)
                    if buf:
                        buf.append(text)
                else:  # (add() in short)
                    buf.append(text)
                    if self.line_no is None:
                        self.line_no, self.line_el, self.line_tail = el.sourceline, el, tail
                    if self.bold:
                        self.has_bold = True
                    else:
                        self.has_plain = True
        self.flush()
        self.tokens.extend(self.classifier.finish())
        return self.tokens


_LIST_END = Line("", Forms.BOUNDARY, where="(end of list)")
_NO_LIST = _List(numbered=False, counter=1)  # (an item outside any list: never numbered, never changed)
# Blocks whose start and end only end the line (and open or close a main element): no heading,
# list, list item or preformatted text (a <p> ends an empty list item: outside list items only).
_PLAIN_BLOCKS = BLOCKS - frozenset(HEADINGS) - LISTS - {"li", "pre"}
_NUMBERED, _BULLET, _CONTINUATION = Forms.NUMBERED, Forms.BULLET, Forms.CONTINUATION
_HEADING, _EMPHASIS, _PARAGRAPH = Forms.HEADING, Forms.EMPHASIS, Forms.PARAGRAPH


def tokens(
    root: Any,
    *,
    paths: bool = False,
    lead: Iterable[Line] = (),
    notes: list[Diagnostic] | None = None,
    clean: bool = False,
) -> list[Token]:
    """The token stream of a parsed page (``root`` from :func:`~lgo_decisions.readers.html.parse_html`).

    Each token's ``where`` is its element's tag, or with ``paths`` the path of its block element
    (what strict mode's errors name). ``lead`` are lines read before the page's own; ``notes``
    receives the diagnostic of control characters cleaned from the lines; ``clean`` says that no
    line can hold one (the page's bytes have none, nor a reference to one: :func:`references_controls`).

    >>> from lgo_decisions.readers.html import parse_html
    >>> [t.kind.value for t in tokens(parse_html("<h1>Kent County Council (23 008 522)</h1><ol><li>Text.</li></ol>"))]
    ['title', 'numbered', 'boundary']
    """
    if root is None:
        return []
    walker = _Walker(paths, clean)
    for line in lead:  # lines read as if the page began with them (a title line from a record's metadata)
        walker.emit(line)
    # The whole tree, not its first <body>: what a page has after </body> (an element, a second
    # <body>) is a sibling of it, and statement text there is read like any other (its <head> is gone).
    toks = walker.run(root)
    if walker.controls and notes is not None:
        message = f"{walker.controls} control character(s) from character references removed"
        notes.append(Diagnostic(code="control_characters", message=message, line=walker.controls_line))
    return toks
