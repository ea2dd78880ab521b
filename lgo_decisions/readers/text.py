"""The plain-text reader: saved text of statement pages, in every layout seen.

Layouts: spaced page dumps (blank lines between blocks, ``  1.`` paragraphs, ``      1.`` nested
ones, ``    •`` bullets, "Back to top", footer chrome), compact dumps (one block a line, every list
item ``- ``), a table of contents first, no header lines, the 2015-2017 form with the bare
reference as title, report pages, cookie text before or after, pages cut short.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator

from ..builder import build
from ..model import Decision, Diagnostic, Source
from ..tokens import Kind, Token
from ..vocabulary import (
    BACK_TO_TOP,
    CHROME_LINES,
    CLOSING,
    FINAL_DECISION_MARKER,
    FOOTER_START,
    HEADER_FIELD,
    MAIN_HEADINGS,
    MAX_SHORT_LINE,
    SUMMARY_LABEL,
    TITLE,
    is_heading_text,
    key,
)

NAME = "text"

_NUMBERED = re.compile(r"^(\d{1,3})[.)](?:\s+|$)")  # a bare "4." is an empty list item
_LETTERED = re.compile(r"^(?:\(([a-z])\)|([a-z])[.)])\s+")
_BULLET = re.compile(r"^[\u2022\u00b7\u25aa\u25e6\u25cf\u25cb\u25a0\u2023\u2043*]\s*")
_DASH = re.compile(r"^[-\u2013]\s+")
_LONE_MARKERS = frozenset({"-", "\u2013", "\u2022", "\u00b7", "\u25aa", "\u25e6", "*"})
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
"""Control characters the text reader removes (with a diagnostic); the text writer refuses them."""


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


def tokenize(text: str) -> Iterator[Token]:
    """Turn saved statement text into the block stream (one token per non-blank line).

    >>> tokens = tokenize("Kent County Council (23 008 522)\\n\\nDecision : Upheld\\n1. Mr X complained.")
    >>> [(t.kind.value, t.text, t.line) for t in tokens]
    [('title', 'Kent County Council (23 008 522)', 1), ('header', 'Upheld', 3), ('numbered', 'Mr X complained.', 4)]
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    titled = False      # the title line has been seen
    body = False        # the statement's body has begun (no more header fields)
    headed = False      # a section heading has been seen (no more table of contents)
    footer = False
    i, n = 0, len(lines)
    while i < n:
        raw = lines[i]
        i += 1
        s = raw.strip()
        if not s:
            continue
        lineno = i
        short = len(s) <= MAX_SHORT_LINE
        k = key(s) if short else ""
        if k in CHROME_LINES:
            if k == BACK_TO_TOP:
                yield Token(kind=Kind.RULE, text=s, line=lineno)
            else:
                footer = footer or (titled and k in FOOTER_START)
                yield Token(kind=Kind.CHROME, text=s, line=lineno)
            continue
        if footer:
            footer = False  # statement text after the footer: read on, never drop it
        indent = _indent(raw)
        if s in _LONE_MARKERS:
            # "-" on a line of its own, the item's text on the next line
            j = i
            while j < n and not lines[j].strip():
                j += 1
            nxt = lines[j].strip() if j < n else ""
            if nxt and nxt not in _LONE_MARKERS and not _DASH.match(nxt) and not _BULLET.match(nxt) \
                    and not _NUMBERED.match(nxt) and key(nxt) not in MAIN_HEADINGS:
                i = j + 1
                s = nxt
            else:
                s = ""
            kind = Kind.ITEM if raw.strip() in ("-", "\u2013") else Kind.BULLET
            yield Token(kind=kind, text=s, depth=max(0, indent // 4 - 1), line=lineno)
            body = True
            continue
        if short and not titled and not body:
            m = TITLE.match(s)
            if m:
                titled = True
                org = m.group("org")
                yield Token(kind=Kind.TITLE, text=s, organisation=org.strip() if org else None,
                            reference=m.group("ref"), line=lineno)
                continue
        if short and not headed:
            h = HEADER_FIELD.match(s)
            if h:
                titled = True
                yield Token(kind=Kind.HEADER, name=h.group(1), text=h.group(2), line=lineno)
                continue
        if short and FINAL_DECISION_MARKER.match(k + ":"):
            body = True
            yield Token(kind=Kind.MARKER, text=s, line=lineno)
            continue
        m = SUMMARY_LABEL.match(s)
        if m:
            rest = s[m.end():].strip()
            if not rest:
                j = i
                while j < n and not lines[j].strip():
                    j += 1
                if j < n:
                    rest, i = lines[j].strip(), j + 1
            body = True
            yield Token(kind=Kind.SUMMARY, text=rest, line=lineno)
            continue
        m = _NUMBERED.match(s)
        if m:
            body = True
            yield Token(kind=Kind.NUMBERED, text=s[m.end():], number=int(m.group(1)),
                        depth=max(0, (indent + 2) // 4 - 1), line=lineno)
            continue
        m = _LETTERED.match(s)
        if m:
            letter = m.group(1) or m.group(2)
            body = True
            yield Token(kind=Kind.NUMBERED, text=s[m.end():], number=ord(letter) - 96,
                        depth=max(1, (indent + 2) // 4 - 1), line=lineno)
            continue
        m = _BULLET.match(s)
        if m:
            body = True
            yield Token(kind=Kind.BULLET, text=s[m.end():], depth=max(0, indent // 4 - 1), line=lineno)
            continue
        m = _DASH.match(s)
        if m:
            item = s[m.end():]
            if not headed and key(item) in MAIN_HEADINGS:
                yield Token(kind=Kind.TOC, text=item, line=lineno)
                continue
            body = True
            yield Token(kind=Kind.ITEM, text=item, line=lineno)
            continue
        if short and CLOSING.search(k):
            body = True
            yield Token(kind=Kind.CLOSING, text=s, line=lineno)
            continue
        if short and indent <= 2 and is_heading_text(s) and (titled or k in MAIN_HEADINGS):
            body = headed = True
            yield Token(kind=Kind.HEADING, text=s, line=lineno)
            continue
        if titled:
            body = True
        yield Token(kind=Kind.PARAGRAPH, text=s, line=lineno)


def content_hash(data: str | bytes) -> str:
    """The SHA-256 of the input (UTF-8 for text), as recorded in ``Decision.source``.

    >>> content_hash("abc")
    'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
    >>> content_hash(b"abc") == content_hash("abc")
    True
    """
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    return hashlib.sha256(raw).hexdigest()


def read_text(text: str, *, url: str | None = None, strict: bool = False, name: str | None = None) -> Decision:
    """Read the saved text of one statement page into a :class:`~lgo_decisions.model.Decision`.

    Lenient by default: anything it cannot place becomes a diagnostic, and no statement text is
    dropped. ``strict=True`` raises :class:`~lgo_decisions.errors.ParseError` naming the line.

    >>> d = read_text("Kent County Council (23 008 522)\\nDecision : Upheld\\nThe complaint\\n- Text.")
    >>> d.reference, d.outcome.label, d.paragraphs()[0].number
    ('23 008 522', 'Upheld', 1)
    """
    if not isinstance(text, str):
        raise TypeError(f"read_text() takes str, not {type(text).__name__}; use read() for bytes and paths")
    diagnostics: list[Diagnostic] = []
    body = text.lstrip("\ufeff")
    clean, count = CONTROL_CHARACTERS.subn("", body)
    if count:
        first = CONTROL_CHARACTERS.search(body)
        head = body[:first.start()] if first else ""
        line = head.count("\n") + head.count("\r") - head.count("\r\n") + 1  # as tokenize() numbers lines
        diagnostics.append(Diagnostic(code="control_characters",
                                      message=f"{count} control character(s) removed", line=line))
    source = Source(reader=NAME, name=name, content_hash=content_hash(text))
    return build(tokenize(clean), url=url, strict=strict, source=source, diagnostics=diagnostics)


class TextReader:
    """The ``text`` reader for the registry (:mod:`lgo_decisions.readers`): saved text, any layout.

    >>> d = TextReader().read(b"Kent County Council (23 008 522)\\nDecision : Upheld", name="a.txt")
    >>> d.outcome.label, d.source.reader, d.source.name
    ('Upheld', 'text', 'a.txt')
    """

    name = NAME
    suffixes: tuple[str, ...] = (".txt", ".text")

    def sniff(self, head: bytes | str, name: str | None) -> int:
        """1 for anything: text is the fallback every other reader outbids."""
        return 1

    def read(self, data: str | bytes, *, url: str | None = None, strict: bool = False,
             name: str | None = None) -> Decision:
        """Read ``str`` with :func:`read_text`; ``bytes`` are decoded first."""
        if isinstance(data, bytes):
            from ..decoding import decode

            data = decode(data, name=name)
        return read_text(data, url=url, strict=strict, name=name)


READER = TextReader()
"""The registered ``text`` reader."""
