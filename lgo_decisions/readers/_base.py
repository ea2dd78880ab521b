"""The reader base: input preparation every reader shares, and the template class readers subclass.

:func:`prepare` turns a reader's input (``bytes`` or ``str``) into clean text, the diagnostics of
what it changed and the record's :class:`~lgo_decisions.model.Source`: the size limit, decoding
(an explicit encoding, a byte-order mark, the reader's own charset rules, UTF-8, Windows-1252),
control-character removal and the content hash. :class:`BaseReader` runs ``prepare``, the reader's
lines through the one classifier, and the one builder; a reader implements only :meth:`sniff` and
:meth:`~BaseReader.lines` (or :meth:`~BaseReader.tokens`, or :meth:`~BaseReader.read` itself).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from typing import ClassVar

import attrs

from .._builder import build
from .._classify import Line, classify
from .._decoding import bytes_have_controls, decode, decode_guess, remove_controls
from .._limits import MAX_INPUT_BYTES
from .._tokens import Token
from ..errors import InputTooLargeError
from ..model import Decision, Diagnostic, Source

__all__ = ["BaseReader", "Decoder", "Prepared", "content_hash", "prepare"]

_SURROGATE = re.compile(r"[\ud800-\udfff]")  # lone surrogates (a str from a bad decode) are no text


def content_hash(data: str | bytes) -> str:
    """The SHA-256 of the input (UTF-8 for text), as recorded in ``Decision.source``.

    >>> content_hash("abc")
    'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
    >>> content_hash(b"abc") == content_hash("abc")
    True
    """
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    return hashlib.sha256(raw).hexdigest()


@attrs.frozen(kw_only=True)
class Prepared:
    """A reader's input made ready: clean ``text``, what preparing it noted, and the ``source``.

    ``utf8`` holds the input bytes themselves when they are exactly ``text`` in UTF-8 (a parser
    that takes bytes can use them without encoding the text again); otherwise ``None``.

    >>> p = prepare(b"Kent County Council (23 008 522)", reader="html")
    >>> p.text, p.utf8 is not None, p.source.content_hash[:8]
    ('Kent County Council (23 008 522)', True, '66f363d2')
    """

    text: str
    source: Source
    diagnostics: tuple[Diagnostic, ...] = ()
    utf8: bytes | None = None
    #: What the reader notes while it makes its token list (the HTML reader: control characters
    #: that character references put into the parsed text), kept after :attr:`diagnostics`.
    later: list[Diagnostic] = attrs.Factory(list)


Decoder = Callable[[bytes, "str | None"], "tuple[str, list[Diagnostic], bool]"]
"""Decodes input bytes (and the input's name): ``(text, diagnostics, whether text is the bytes as UTF-8)``."""


def _decode_plain(data: bytes, name: str | None) -> tuple[str, list[Diagnostic], bool]:
    return decode_guess(data, name=name)  # (a BOM, UTF-8, else UTF-8 with bad bytes replaced or Windows-1252)


def prepare(
    data: str | bytes,
    *,
    reader: str,
    name: str | None = None,
    encoding: str | None = None,
    max_bytes: int | None = None,
    decoder: Decoder | None = None,
) -> Prepared:
    """Check, decode and clean one input for reader ``reader``.

    Raises :class:`~lgo_decisions.errors.InputTooLargeError` above ``max_bytes`` (default
    :data:`~lgo_decisions._limits.MAX_INPUT_BYTES`) and :class:`~lgo_decisions.errors.DecodeError`
    for bytes that are not text. ``decoder`` decodes bytes without an explicit ``encoding`` (by
    default: a byte-order mark, UTF-8, else UTF-8 with its few bad bytes replaced or Windows-1252,
    with a diagnostic either way); the HTML reader's also reads the page's meta charset.

    >>> p = prepare(b"\\xef\\xbb\\xbfKent County Council (23 008 522)\\x07", reader="text", name="a.txt")
    >>> p.text, [d.code for d in p.diagnostics], p.source.reader
    ('Kent County Council (23 008 522)', ['control_characters'], 'text')
    """
    if not isinstance(data, (str, bytes)):
        raise TypeError(f"a {reader} reader takes bytes or str, not {type(data).__name__}")
    limit = MAX_INPUT_BYTES if max_bytes is None else max_bytes
    size = len(data)
    if isinstance(data, str) and size * 4 > limit and size <= limit:  # (a str is measured in UTF-8 bytes)
        size = len(data.encode("utf-8", "surrogatepass"))
    if size > limit:
        raise InputTooLargeError(f"{name or 'input'}: {size} bytes is above the limit of {limit}")
    diagnostics: list[Diagnostic] = []
    utf8: bytes | None = None
    if isinstance(data, bytes):
        if encoding is not None:
            text = decode(data, encoding=encoding, name=name)
        else:
            text, diagnostics, as_utf8 = (decoder or _decode_plain)(data, name)
            if as_utf8 and not bytes_have_controls(data):
                utf8 = data
    else:
        text = data
    if text.startswith("\ufeff"):
        text = text.lstrip("\ufeff")
        utf8 = None
    digest = None
    if utf8 is None:
        try:
            encoded = text.encode("utf-8")
        except UnicodeEncodeError:  # lone surrogates (a str from a bad decode) are no text
            text = _SURROGATE.sub("\ufffd", text)
            diagnostics.append(Diagnostic(code="invalid_characters", message="lone surrogates replaced"))
            encoded = text.encode("utf-8")
        else:
            if data is text:  # (str input: its content hash is the hash of these bytes)
                digest = hashlib.sha256(encoded).hexdigest()
        if bytes_have_controls(encoded):  # (C speed; the pattern only when there is something to remove)
            text, count, line = remove_controls(text)
            if count:  # (a byte-order mark inside a line is no control character)
                diagnostics.append(
                    Diagnostic(code="control_characters", message=f"{count} control character(s) removed", line=line)
                )
    source = Source(reader=reader, name=name, content_hash=digest or content_hash(data))
    return Prepared(text=text, source=source, diagnostics=tuple(diagnostics), utf8=utf8)


class BaseReader:
    """The template of a reader: subclass it, set :attr:`name` and :attr:`suffixes`, implement
    :meth:`sniff` and :meth:`lines` (what the medium shows of each line); the one classifier and
    the one builder do the rest.

    >>> from lgo_decisions.plugin import BaseReader, Line
    >>> class Quoted(BaseReader):  # a statement quoted in an e-mail: every line starts "> "
    ...     name, suffixes = "quoted", (".eml",)
    ...     def sniff(self, head, name):
    ...         return 5 if head[:2] in ("> ", b"> ") else 0
    ...     def lines(self, text, *, name=None, strict=False):
    ...         for number, row in enumerate(text.splitlines(), 1):
    ...             if row.lstrip("> ").strip():
    ...                 yield Line(row.lstrip("> ").strip(), line=number)
    >>> d = Quoted().read("> Kent County Council (23 008 522)\\n> Decision : Upheld")
    >>> d.outcome.label, d.source.reader
    ('Upheld', 'quoted')
    """

    #: The reader's registry name (also ``Decision.source.reader``).
    name: ClassVar[str] = ""
    #: The file suffixes the reader claims (lower case, with the dot); they raise its sniff score.
    suffixes: ClassVar[tuple[str, ...]] = ()
    #: The largest input the reader takes, in bytes (a ``str`` in UTF-8).
    max_bytes: ClassVar[int] = MAX_INPUT_BYTES

    def sniff(self, head: bytes | str, name: str | None) -> int:
        """0 for "not mine", else a confidence (text 1, HTML 10, a JSON record 20); cheap, never raises."""
        return 0

    def decode(self, data: bytes, name: str | None) -> tuple[str, list[Diagnostic], bool]:
        """Decode input bytes: ``(text, diagnostics, whether text is data decoded as UTF-8)``.

        The default decodes a byte-order mark, UTF-8, else UTF-8 with its few bad bytes replaced
        or Windows-1252 (:func:`lgo_decisions._decoding.decode_guess`, with a diagnostic); override
        it for a format that declares its own encoding.
        """
        return _decode_plain(data, name)

    def lines(self, text: str, *, name: str | None = None, strict: bool = False) -> Iterable[Line]:
        """The lines of the prepared text, with the layout hints the medium shows."""
        raise NotImplementedError(f"reader {self.name!r} implements neither lines() nor tokens()")

    def tokens(self, prepared: Prepared, *, strict: bool = False) -> Iterable[Token]:
        """The token stream of a prepared input: by default the classifier's reading of :meth:`lines`."""
        return classify(self.lines(prepared.text, name=prepared.source.name, strict=strict))

    def read(
        self,
        data: str | bytes,
        *,
        url: str | None = None,
        strict: bool = False,
        name: str | None = None,
        encoding: str | None = None,
        max_bytes: int | None = None,
    ) -> Decision:
        """Read one input into a decision: :func:`prepare`, :meth:`tokens`, then the one builder.

        ``encoding`` decodes bytes as that codec instead of guessing; ``max_bytes`` overrides
        :attr:`max_bytes`.
        """
        prepared = prepare(
            data,
            reader=self.name,
            name=name,
            encoding=encoding,
            max_bytes=self.max_bytes if max_bytes is None else max_bytes,
            decoder=self.decode,
        )
        toks = self.tokens(prepared, strict=strict)
        return build(
            toks,
            url=url,
            strict=strict,
            source=prepared.source,
            diagnostics=(*prepared.diagnostics, *prepared.later) if prepared.later else prepared.diagnostics,
        )
