"""The plain-text reader: saved text of statement pages, in every layout seen.

Layouts: spaced page dumps (blank lines between blocks, ``  1.`` paragraphs, ``      1.`` nested
ones, ``    •`` bullets, "Back to top", footer chrome), compact dumps (one block a line, every list
item ``- ``), a table of contents first, no header lines, the 2015-2017 form with the bare
reference as title, report pages, cookie text before or after, pages cut short.

The reader finds what plain text shows of each line (its indent and list marker) and leaves what
the line says to the one classifier (:mod:`lgo_decisions._classify`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from typing import IO

from .._classify import Forms, Line, classify, is_known_heading
from .._limits import MAX_INPUT_BYTES
from .._sources import load_source, looks_like_path
from .._tokens import Token
from ..model import Decision
from ._base import BaseReader

__all__ = ["READER", "TextReader", "lines", "read_text", "tokenize"]

NAME = "text"

_NUMBERED = re.compile(r"^(\d{1,3})[.)](?:\s+|$)")  # a bare "4." is an empty list item
_LETTERED = re.compile(r"^(?:\(([a-z])\)|([a-z])[.)])\s+")
_BULLETS = "\u2022\u00b7\u25aa\u25e6\u25cf\u25cb\u25a0\u2023\u2043*"  # the characters that mark a bullet
_BULLET = re.compile(f"^[{_BULLETS}]\\s*")
_DASH = re.compile(r"^[-\u2013]\s+")
_LONE_MARKERS = frozenset({"-", "\u2013", "\u2022", "\u00b7", "\u25aa", "\u25e6", "*"})
_DASHES = frozenset({"-", "\u2013"})
_MARKER_START = frozenset("0123456789(abcdefghijklmnopqrstuvwxyz-\u2013" + _BULLETS)  # what a marker starts with
_DIGITS, _LETTER_STARTS = frozenset("0123456789"), frozenset("(abcdefghijklmnopqrstuvwxyz")  # (of the patterns above)
_INDENTS = " \t\u00a0"  # what _indent() counts
_HEADING_INDENT = 2  # a line indented further is never a heading (the text writer indents such paragraphs)


def _indent(raw: str) -> int:
    n = 0
    for ch in raw:
        if ch == " " or ch == "\u00a0":
            n += 1
        elif ch == "\t":
            n += 4
        else:
            break
    return n


def _has_own_marker(text: str) -> bool:
    return bool(text in _LONE_MARKERS or _DASH.match(text) or _BULLET.match(text) or _NUMBERED.match(text))


def lines(text: str) -> Iterator[Line]:
    """The lines of saved text with what plain text shows of them: indent and list marker.

    >>> [(ln.form.value, ln.text, ln.number) for ln in lines("The complaint\\n\\n  2. Mr X complained.")]
    [('text', 'The complaint', None), ('numbered', 'Mr X complained.', 2)]
    """
    if "\r" in text:  # (the test is much cheaper than a search for the two characters "\r\n")
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    rows = text.split("\n")
    n = len(rows)
    last = n - 1
    while last > 0 and not rows[last].strip():
        last -= 1
    end = last + 1  # (the line number of the input's last line)
    numbered: list[int] = []  # indents of the numbered items open above this line: their depth
    text_form, paragraph_form, marker_start, indents = Forms.TEXT, Forms.PARAGRAPH, _MARKER_START, _INDENTS
    for lineno, raw in enumerate(rows, 1):
        s = raw.strip()
        if not s:
            continue
        indent = _indent(raw) if raw[0] in indents else 0
        c = s[0]  # (each marker's pattern is tried only on a line that starts as the pattern does)
        if c not in marker_start:  # (most lines: no list marker can start them)
            ln = Line(s, text_form if indent <= _HEADING_INDENT else paragraph_form, line=lineno)
            if lineno == end:
                ln.final = True
            yield ln
            continue
        final = lineno == end
        if s in _LONE_MARKERS:
            # "-" on a line of its own, the item's text on the next line (unless that is a line of its own)
            j = lineno
            while j < n and not rows[j].strip():
                j += 1
            nxt = rows[j].strip() if j < n else ""
            item = ""
            if nxt and not _has_own_marker(nxt) and not is_known_heading(nxt):
                item, rows[j], final = nxt, "", j + 1 == end  # (the item's line is read: blank it, not read again)
            form = Forms.ITEM if s in _DASHES else Forms.BULLET
            ln = Line(item, form, raw=s if not item else f"{s} {item}", depth=max(0, indent // 4 - 1), line=lineno)
        elif c in _DIGITS and ((m := _NUMBERED.match(s)) or (final and indent and s.isdigit() and len(s) <= 3)):
            # (a bare number ending the input is an item whose text the save cut off)
            ln = Line(
                s[m.end() :] if m else "",
                Forms.NUMBERED,
                raw=s,
                number=int(m.group(1) if m else s),
                depth=_depth(numbered, indent),
                line=lineno,
            )
        elif c in _LETTER_STARTS and (m := _LETTERED.match(s)):
            letter = m.group(1) or m.group(2)
            ln = Line(
                s[m.end() :],
                Forms.NUMBERED,
                raw=s,
                number=ord(letter) - 96,
                depth=max(1, _depth(numbered, indent)),
                line=lineno,
            )
        elif c in _BULLETS and (m := _BULLET.match(s)):
            ln = Line(s[m.end() :], Forms.BULLET, raw=s, depth=max(0, indent // 4 - 1), line=lineno)
        elif c in _DASHES and (m := _DASH.match(s)):
            ln = Line(s[m.end() :], Forms.ITEM, raw=s, line=lineno)
        else:
            ln = Line(s, text_form if indent <= _HEADING_INDENT else paragraph_form, line=lineno)
        if final:
            ln.final = True
        yield ln


def _depth(open_indents: list[int], indent: int) -> int:
    """A numbered item's depth from its indent: one deeper than each open item indented at least two
    spaces less (``  1.``, ``      1.``, ``        1.``: depths 0, 1, 2); updates ``open_indents``."""
    while open_indents and open_indents[-1] + 2 > indent:
        open_indents.pop()
    depth = len(open_indents)
    open_indents.append(indent)
    return depth


def tokenize(text: str) -> list[Token]:
    """Turn saved statement text into the token stream (the classifier's reading of :func:`lines`).

    >>> tokens = tokenize("Kent County Council (23 008 522)\\n\\nDecision : Upheld\\n1. Mr X complained.")
    >>> [(t.kind.value, t.text, t.line) for t in tokens]
    [('title', 'Kent County Council (23 008 522)', 1), ('header', 'Upheld', 3), ('numbered', 'Mr X complained.', 4)]
    """
    return classify(lines(text))


class TextReader(BaseReader):
    """The ``text`` reader for the registry (:mod:`lgo_decisions.readers`): saved text, any layout.

    >>> d = TextReader().read(b"Kent County Council (23 008 522)\\nDecision : Upheld", name="a.txt")
    >>> d.outcome.label, d.source.reader, d.source.name
    ('Upheld', 'text', 'a.txt')
    """

    name = NAME
    suffixes = (".txt", ".text")

    def sniff(self, head: bytes | str, name: str | None) -> int:
        """1 for anything: text is the fallback every other reader outbids."""
        return 1

    def lines(self, text: str, *, name: str | None = None, strict: bool = False) -> Iterator[Line]:
        """See :func:`lines`."""
        return lines(text)


READER = TextReader()
"""The registered ``text`` reader."""


def read_text(
    text: str | os.PathLike[str] | IO[str] | IO[bytes],
    *,
    url: str | None = None,
    strict: bool = False,
    name: str | None = None,
) -> Decision:
    """Read the saved text of one statement page into a :class:`~lgo_decisions.model.Decision`.

    ``text`` is the text, or a path or open file (text or binary) holding it, by the rule of
    :func:`lgo_decisions.read` (a missing path is a :class:`~lgo_decisions.errors.NoSuchFileError`).
    Lenient by default: anything it cannot place becomes a diagnostic, and no statement text is
    dropped. ``strict=True`` raises :class:`~lgo_decisions.errors.ParseError` naming the line.

    >>> d = read_text("Kent County Council (23 008 522)\\nDecision : Upheld\\nThe complaint\\n- Text.")
    >>> d.reference, d.outcome.label, d.paragraphs()[0].number
    ('23 008 522', 'Upheld', 1)
    """
    if isinstance(text, str) and ("\n" in text or not looks_like_path(text)):  # (a line break: text, no path)
        return READER.read(text, url=url, strict=strict, name=name)
    if isinstance(text, (bytes, bytearray)):
        raise TypeError("read_text() takes str, a path or an open file, not bytes; use read() for bytes")
    data, found = load_source(text, MAX_INPUT_BYTES)
    return READER.read(data, url=url, strict=strict, name=name or found)
