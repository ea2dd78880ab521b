"""The HTML reader: saved statement pages (whole pages or bare fragments), parsed with lxml.

The page is decoded (:mod:`._decode`), parsed safely (:mod:`._parse`) and walked once
(:mod:`._walk`) into lines with the layout hints the markup shows (an ``<h2>`` heading and its
level, ``<ol>``/``<li>`` numbered paragraphs, nested lists, ``<ul>`` bullets, ``<p>`` inside list
items, bold paragraphs); the one classifier says what each line is and the one builder assembles
the decision, so a statement read from its page and from its text gives an equal record.

Safety: no network, no DTDs or external entities, a size limit, libxml2's nesting limit turned
into a :class:`~lgo_decisions.errors.ParseError`, and an iterative walk of the tree.
"""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Iterable
from typing import IO

from ..._limits import MAX_INPUT_BYTES
from ..._sources import load_source, looks_like_path
from ..._tokens import Token
from ...errors import NotADecisionError
from ...model import Decision, Diagnostic
from .._base import BaseReader, Prepared
from ._decode import decode_html
from ._elements import references_controls
from ._parse import parse_html, parse_utf8
from ._walk import tokens as _tokens

__all__ = ["NAME", "READER", "HtmlReader", "decode_html", "parse_html", "read_html", "sniff", "tokenize_html"]

NAME = "html"

_SNIFF = re.compile(
    r"<(?:!doctype\s+html|html|head|body|article|main|section|div|p|h[1-6]|ol|ul|li|br|table|dl|meta|span"
    r"|strong|em|a)[\s>/]",
    re.IGNORECASE,
)
_SNIFF_BYTES = re.compile(_SNIFF.pattern.encode("ascii"), re.IGNORECASE)
_SNIFF_SIZE = 8192


def tokenize_html(text: str, *, name: str | None = None, paths: bool = False) -> list[Token]:
    """Turn page text (already decoded) into the token stream.

    Each token's ``where`` is its element's tag, or with ``paths`` the path of its block
    element (what strict mode's errors name).

    >>> [t.kind.value for t in tokenize_html("<h1>Kent County Council (23 008 522)</h1><h2>The complaint</h2>"
    ...                                     "<p>Text.</p>")]
    ['title', 'heading', 'paragraph']
    """
    return _tokens(parse_html(text, name=name), paths=paths)


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


class HtmlReader(BaseReader):
    """The ``html`` reader for the registry (:mod:`lgo_decisions.readers`): saved pages and fragments.

    >>> page = b"<html><body><h1>Kent County Council (23 008 522)</h1><p>Decision : Upheld</p></body></html>"
    >>> d = HtmlReader().read(page, name="a.html")
    >>> d.outcome.label, d.source.reader, d.source.name
    ('Upheld', 'html', 'a.html')
    """

    name = NAME
    suffixes = (".html", ".htm", ".xhtml")

    def sniff(self, head: bytes | str, name: str | None) -> int:
        """10 for markup, 0 otherwise (see :func:`sniff`)."""
        return sniff(head, name)

    def decode(self, data: bytes, name: str | None) -> tuple[str, list[Diagnostic], bool]:
        """A byte-order mark, else the page's meta charset, else UTF-8, else Windows-1252 (:func:`decode_html`)."""
        return decode_html(data, name)

    def tokens(self, prepared: Prepared, *, strict: bool = False) -> Iterable[Token]:
        """The page parsed (its UTF-8 bytes as they are, where they can be) and walked."""
        name = prepared.source.name
        # the input's UTF-8 bytes as they are when they can be: no encoding of the text again
        raw = prepared.utf8
        root = parse_utf8(raw, name) if raw is not None else parse_html(prepared.text, name=name)
        # (bytes as they are have no control character of their own: a line holds one only from a reference)
        clean = raw is not None and not references_controls(raw)
        toks = _tokens(root, paths=strict, notes=prepared.later, clean=clean)
        if not any(t.text for t in toks):
            raise NotADecisionError("not a decision statement: the page has no text", source=name or "input")
        return toks


READER = HtmlReader()
"""The registered ``html`` reader."""


def read_html(
    data: bytes | str | os.PathLike[str] | IO[str] | IO[bytes],
    *,
    url: str | None = None,
    strict: bool = False,
    encoding: str | None = None,
    name: str | None = None,
    max_bytes: int | None = None,
) -> Decision:
    """Read a saved statement page (or a fragment of one) into a :class:`~lgo_decisions.model.Decision`.

    ``data`` is the page, or a path or open file holding it, by the rule of :func:`lgo_decisions.read`.

    ``bytes`` are decoded from ``encoding``, else a byte-order mark, else the page's meta
    charset, else UTF-8, else Windows-1252. Inputs above ``max_bytes`` (default
    :data:`lgo_decisions.plugin.MAX_INPUT_BYTES`) raise :class:`~lgo_decisions.errors.InputTooLargeError`.
    Lenient by default (problems become diagnostics); ``strict=True`` raises
    :class:`~lgo_decisions.errors.ParseError` naming the line and element.

    >>> d = read_html("<article><h1>Kent County Council (23 008 522)</h1><p>Decision : Upheld</p>"
    ...               "<h2>The complaint</h2><ol><li>Text.</li></ol></article>")
    >>> d.reference, d.outcome.label, d.paragraphs()[0].text
    ('23 008 522', 'Upheld', 'Text.')
    """
    if not isinstance(data, (str, bytes)) or (isinstance(data, str) and looks_like_path(data)):
        data, found = load_source(data, MAX_INPUT_BYTES if max_bytes is None else max_bytes)
        name = name or found
    return READER.read(data, url=url, strict=strict, name=name, encoding=encoding, max_bytes=max_bytes)
