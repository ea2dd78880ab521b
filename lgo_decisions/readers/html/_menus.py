"""Large navigation menus left out of a page's bytes before it is parsed, where that is proven to
give the same tree: the parse drops every ``<nav>`` with its content anyway (``DROP_TAGS``), and a
site's mega-menu (hundreds of links, tens of KB, the same on every saved page) is most of what
libxml2 builds for a page.

A menu's start tag and content are replaced by an empty ``<nav>`` carrying :data:`MARK` and
holding only the line breaks they held (so every later element keeps its line number); the end
tag and everything else stay as they are. The result is used only when both hold:

* each empty ``<nav>`` came out of the parse as an element with nothing in it (its start tag was
  read as a tag, not inside a comment, a script or an attribute);
* libxml2 itself has shown, for that menu and the elements open around it, that the menu's
  bytes leave the same elements open, the tokenizer outside any tag, the same line count and
  the same errors as the empty ``<nav>`` does (:func:`_probe`: two small parses, done once per
  menu and context and remembered, as a site's menu repeats on every page).

Otherwise the page is parsed as it is. Menus whose bytes could change state that the probe
cannot see (an ``<html>``, ``<body>`` or ``<head>`` tag, ``<meta>``, form fields the parse's
repair looks for, a doctype) are never cut.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable
from typing import Any

__all__ = ["MARK", "Plan", "confirmed", "plan"]

MIN_MENU = 2048  # bytes of start tag and content: smaller menus cost less to parse than to check
MAX_MENU = 256 * 1024  # larger ones are parsed as they are (what is remembered stays small)
# The empty <nav>'s attribute, and the probe's end mark: new in each process, so that no page
# can hold them (a page's own element with the mark would be taken for an emptied menu).
MARK = "lgo-cut-" + os.urandom(8).hex()
_PROBE_MARK = "lgo-probe-" + os.urandom(8).hex()
_SHELL = b"<nav " + MARK.encode("ascii") + b'="%d">'  # (numbered: each empty <nav> names its menu)
_PROBE_END = b"<nav " + _PROBE_MARK.encode("ascii") + b"></nav>"
# A start tag's attribute, and its end, as the HTML tokenizer reads them (quoted or plain values;
# a stricter reading than the tokenizer's: a <nav> tag it does not read this way is left uncut).
_ATTRIBUTE = re.compile(
    rb"[ \t\n\r\f]+[^ \t\n\r\f\"'<>/=]+(?:[ \t\n\r\f]*=[ \t\n\r\f]*(?:\"[^\"]*\"|'[^']*'|[^ \t\n\r\f\"'<>=`]+))?"
)
_TAG_END = re.compile(rb"[ \t\n\r\f]*>")
_MAX_ATTRIBUTES = 32
_NAV_END = re.compile(rb"</nav[ \t\n\r\f]*>")
# What a menu must not hold: tags that change state outside the elements the probe sees (a tag
# name ends where a name character does not follow: libxml2 before 2.14 reads "<body;>" as <body>).
_REFUSED = re.compile(rb"(?:</?(?:html|head|body)|<(?:meta|select|textarea|frameset|frame|!doctype))(?![a-z0-9:_.-])")
_NOT_LINE_BREAKS = re.compile(rb"[^\r\n]+")
_NEW_PER_PAGE = 4
_NAVS_PER_PAGE = 64
_KEPT = 64  # menus' start tags remembered (a corpus has a few sites' menus; memory stays flat)
_ALIKE = 4  # menus remembered with the same start tag
_KEPT_BYTES = 4 * 1024 * 1024  # and at most about this many bytes of them
_CONTEXTS = 8  # contexts a menu is probed in
_MAX_PROBE_ERRORS = 90  # libxml2 reports 100 errors at most: a probe with this many could miss one


class _Menu:
    """One menu's bytes (start tag and content), what replaces them, and the probe's verdicts.

    A menu is cut from the second page that holds it on (a menu met once is only remembered: a
    page whose menu is its own costs a copy, not a probe).
    """

    __slots__ = ("body", "contexts", "failed", "good", "met", "refused", "shell", "wanted")

    def __init__(self, body: bytes) -> None:
        self.body = body
        self.met = False  # met again: its shell and refusal are worked out
        self.shell = b""  # its line breaks, in order
        self.refused = False
        self.failed = False  # its empty <nav> did not come out as an element once: not cut again
        # The probe's verdicts, by the tags of the elements open around the menu; the contexts it
        # passed in, and every chain of tags leading to one. Each is replaced whole, never changed
        # in place (another thread may be reading it).
        self.contexts: dict[tuple[str, ...], bool] = {}
        self.good: frozenset[tuple[str, ...]] = frozenset()
        self.wanted: frozenset[tuple[str, ...]] = frozenset()

    def cuttable(self) -> bool:
        """Not refused for what it holds, never failed, and not refused in every context probed."""
        if not self.met:
            body = self.body  # (a run of other bytes as one space, so that "\r" "\n" stay apart)
            self.shell = b"\n" * body.count(b"\n") if b"\r" not in body else _NOT_LINE_BREAKS.sub(b" ", body)
            self.refused = _REFUSED.search(body.lower()) is not None
            self.met = True  # (last: another thread reads the two above once this is set)
        contexts = self.contexts
        return not (self.refused or self.failed or (contexts and not any(contexts.values())))

    def judge(self, context: tuple[str, ...], verdict: bool) -> None:
        """Keep the probe's verdict on the menu in ``context``."""
        contexts = {**self.contexts, context: verdict}
        good = frozenset(c for c, ok in contexts.items() if ok)
        self.wanted = frozenset(c[:i] for c in good for i in range(1, len(c) + 1))
        self.good = good
        self.contexts = contexts


_MENUS: dict[bytes, list[_Menu]] = {}  # a start tag -> the menus known that start with it


def _known(raw: bytes, start: int, tag: bytes) -> _Menu | None:
    """The known menu that ``raw`` holds at ``start`` (its start tag ``tag``), its ``</nav>`` right
    after it (a compare in C)."""
    for menu in _MENUS.get(tag, ()):
        if raw.startswith(menu.body, start) and _NAV_END.match(raw, start + len(menu.body)) is not None:
            return menu  # (its body holds no "</nav": that is the first after the start tag)
    return None


def _remember(tag: bytes, body: bytes) -> None:
    with _REMEMBERING:  # (threads may remember at once; a reader looking a menu up needs no lock)
        if len(_MENUS) >= _KEPT or sum(len(m.body) for alike in _MENUS.values() for m in alike) > _KEPT_BYTES:
            _MENUS.clear()
        alike = _MENUS.setdefault(tag, [])
        alike.insert(0, _Menu(body))
        del alike[_ALIKE:]  # (a site whose every page has its own menu is compared with a few, not all)


_REMEMBERING = threading.Lock()


class Plan:
    """The page with its large menus emptied (``data``) and the menus, in page order."""

    __slots__ = ("data", "menus")

    def __init__(self, data: bytes, menus: list[_Menu]) -> None:
        self.data = data
        self.menus = menus


def plan(raw: bytes) -> Plan | None:
    """The page with its large ``<nav>`` menus emptied, or ``None`` when there is none to empty.

    >>> page = b"<body><nav class='menu'>" + b"<a href='/x'>x</a>\\n" * 200 + b"</nav><p>Text.</p></body>"
    >>> plan(page) is None  # (the first page with a menu: only remembered)
    True
    >>> plan(page).data == b"<body><nav " + MARK.encode() + b'="0">' + b"\\n" * 200 + b"</nav><p>Text.</p></body>"
    True
    """
    at = raw.find(b"<nav")
    if at < 0:
        return None
    pieces: list[bytes] = []
    menus: list[_Menu] = []
    done = end = 0
    new = 0  # menus not seen before, looked at on this page (bounded: linear time on nested <nav> tags)
    for _ in range(_NAVS_PER_PAGE):  # (a page has a few; the rest of a page of thousands is parsed as it is)
        if at < 0:
            break
        tag_end = _start_tag_end(raw, at)
        if tag_end < 0:
            at = raw.find(b"<nav", at + 4)
            continue
        tag = raw[at:tag_end]
        menu = _known(raw, at, tag)
        if menu is not None:
            stop = at + len(menu.body)
        else:
            if end < tag_end:  # (the first "</nav" after it: the one found before, if beyond it)
                end = raw.find(b"</nav", tag_end)
                if end < 0:
                    break
            stop = end
            if MIN_MENU <= stop - at <= MAX_MENU and new < _NEW_PER_PAGE and _NAV_END.match(raw, stop) is not None:
                _remember(tag, raw[at:stop])  # (cut when met again)
                new += 1
        if menu is not None and menu.cuttable():
            pieces += (raw[done:at], _SHELL % len(menus), menu.shell)
            menus.append(menu)
            done = stop
            at = raw.find(b"<nav", stop)
        else:  # (the next <nav> may be inside this one: a "<nav>" in a script before the menu)
            at = raw.find(b"<nav", tag_end)
    if not menus:
        return None
    pieces.append(raw[done:])
    return Plan(b"".join(pieces), menus)


def _start_tag_end(raw: bytes, at: int) -> int:
    """Where the ``<nav`` tag at ``at`` ends (after its ``>``), or -1 when it is not read as one here."""
    end = at + 4
    for _ in range(_MAX_ATTRIBUTES):
        attribute = _ATTRIBUTE.match(raw, end)
        if attribute is None:
            break
        end = attribute.end()
    close = _TAG_END.match(raw, end)
    return -1 if close is None else close.end()


Parse = Callable[[bytes], "tuple[Any, list[tuple[int, str]]]"]
"""Parses bytes as the page is parsed: ``(root or None, the parser's errors as (type, message))``."""


def confirmed(p: Plan, root: Any, parse: Parse) -> bool:
    """Whether the tree parsed from ``p.data`` is the page's own tree with its menus' content left out.

    Each empty ``<nav>`` must be an element holding nothing, and its menu must have passed the
    probe for the elements open around it (probed now when not yet known).
    """
    shells = _shells_near(root, p.menus) or _shells(root)
    for i, menu in enumerate(p.menus):
        found = shells.get(str(i))
        if found is None or not _empty(found[0]):
            menu.failed = True  # (read as no element: in a comment, a script, an attribute)
            return False
    for i, menu in enumerate(p.menus):
        context = shells[str(i)][1]
        verdict = menu.contexts.get(context)
        if verdict is None:
            if len(menu.contexts) >= _CONTEXTS:
                return False  # (a menu met in many contexts is parsed as it is in new ones)
            verdict = _probe(menu, context, parse)
            menu.judge(context, verdict)
        if not verdict:
            return False
    return True


def _empty(el: Any) -> bool:
    return not len(el) and len(el.attrib) == 1 and (el.text is None or el.text.isspace())


Shells = dict[str, "tuple[Any, tuple[str, ...]]"]


def _shells(root: Any) -> Shells:
    """Every empty ``<nav>`` of the tree by its number, with the tags of the elements around it."""
    return {el.get(MARK): (el, _tags(_around(el))) for el in root.iter("nav") if el.get(MARK) is not None}


def _around(el: Any) -> list[Any]:
    """The elements around ``el``, the root first."""
    return list(reversed(list(el.iterancestors())))


def _tags(elements: list[Any]) -> tuple[str, ...]:
    return tuple(str(el.tag) for el in elements)


def _shells_near(root: Any, menus: list[_Menu]) -> Shells | None:
    """The empty ``<nav>`` elements found among the children of the elements where the menus were
    found before (a few children looked at, not the whole tree), or ``None`` when not all are."""
    contexts = frozenset().union(*(menu.good for menu in menus))
    wanted = frozenset().union(*(menu.wanted for menu in menus))
    if not contexts:
        return None
    found: Shells = {}
    todo: list[tuple[Any, tuple[str, ...]]] = [(root, (str(root.tag),))] if (str(root.tag),) in wanted else []
    while todo:
        el, chain = todo.pop()
        inside = chain in contexts
        for child in el:
            tag = child.tag
            if inside and tag == "nav":
                number = child.get(MARK)
                if number is not None:
                    found[number] = (child, chain)
            elif tag.__class__ is str and (*chain, tag) in wanted:
                todo.append((child, (*chain, tag)))
    return found if len(found) == len(menus) else None


def _probe(menu: _Menu, context: tuple[str, ...], parse: Parse) -> bool:
    """Whether, with ``context`` open, the menu's bytes and its empty ``<nav>`` leave libxml2 in the
    same state: the same elements open after ``</nav>`` with nothing outside the ``<nav>``, the
    tokenizer reading tags again, the same line and the same errors."""
    scaffold = b"".join(b"<" + tag.encode("utf-8") + b">" for tag in context)
    whole = _probe_end(parse(scaffold + menu.body + b"</nav>" + _PROBE_END), context)
    empty = _probe_end(parse(scaffold + _SHELL % 0 + menu.shell + b"</nav>" + _PROBE_END), context)
    return whole is not None and empty is not None and whole == empty


def _probe_end(parsed: tuple[Any, list[tuple[int, str]]], context: tuple[str, ...]) -> Any:
    """The probe's outcome: its end mark's line and the errors, or ``None`` when the context's
    elements hold anything but the one ``<nav>`` and the end mark."""
    root, errors = parsed
    if root is None or len(errors) >= _MAX_PROBE_ERRORS:
        return None
    ends = [el for el in root.iter("nav") if el.get(_PROBE_MARK) is not None]
    if len(ends) != 1:
        return None
    end = ends[0]
    chain = _around(end)
    if _tags(chain) != context or len(end) or end.text is not None or end.tail is not None:
        return None
    for i, el in enumerate(chain):  # (each holds only the next; the last the <nav> and the end mark)
        children = list(el)
        expected = 2 if i == len(chain) - 1 else 1
        if len(children) != expected or el.attrib or el.text is not None or el.tail is not None:
            return None
        if i < len(chain) - 1 and children[0] is not chain[i + 1]:
            return None
    nav = chain[-1][0]
    if nav.tag != "nav" or nav.tail is not None:
        return None
    return end.sourceline, errors
