"""The library's errors: one hierarchy rooted at :class:`LgoDecisionsError`."""

from __future__ import annotations


class LgoDecisionsError(Exception):
    """Base class of every error this library raises on purpose.

    >>> import lgo_decisions
    >>> try:
    ...     lgo_decisions.read(bytes(range(256)))
    ... except lgo_decisions.LgoDecisionsError as exc:
    ...     print(type(exc).__name__)
    DecodeError
    """


class ParseError(LgoDecisionsError, ValueError):
    """A statement could not be read (strict mode), naming the source and line or element.

    >>> exc = ParseError("no closing line", source="a.txt", line=12)
    >>> str(exc), exc.line
    ('a.txt, line 12: no closing line', 12)
    """

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None,
                 element: str | None = None) -> None:
        self.source = source
        self.line = line
        self.element = element
        where = []
        if source:
            where.append(source)
        if line is not None:
            where.append(f"line {line}")
        if element:
            where.append(element)
        super().__init__(f"{', '.join(where)}: {message}" if where else message)


class NotADecisionError(ParseError):
    """The input is not a decision statement at all (no title, header or decision marker).

    >>> from lgo_decisions import read_text
    >>> read_text("Nothing to see here.")
    Traceback (most recent call last):
    ...
    lgo_decisions.errors.NotADecisionError: input: not a decision statement: ...
    """


class InputTooLargeError(LgoDecisionsError, ValueError):
    """The input is above the reader's size limit.

    >>> from lgo_decisions import read
    >>> read("Kent County Council (23 008 522)", max_bytes=10)
    Traceback (most recent call last):
    ...
    lgo_decisions.errors.InputTooLargeError: input of 32 bytes is above the limit of 10
    """


class DecodeError(LgoDecisionsError, UnicodeError):
    """Bytes that could not be decoded as text.

    >>> from lgo_decisions.decoding import decode
    >>> decode(bytes(range(256)), name="page.txt")
    Traceback (most recent call last):
    ...
    lgo_decisions.errors.DecodeError: page.txt: binary data, not a saved statement page
    """


class SerialisationError(LgoDecisionsError, ValueError):
    """A record does not fit schema v1; the message names the field path.

    >>> from lgo_decisions import from_dict
    >>> from_dict({"reference": "20-007-417"})
    Traceback (most recent call last):
    ...
    lgo_decisions.errors.SerialisationError: record does not fit schema v1: reference must look like ... @ $
    """


class ReaderNotFound(LgoDecisionsError, LookupError):
    """No reader (or writer) of that name; the message lists the names that exist.

    >>> from lgo_decisions import writers
    >>> writers.get("pdf")
    Traceback (most recent call last):
    ...
    lgo_decisions.errors.ReaderNotFound: no writer named 'pdf'; available: ['text', 'html'...]
    """


class RenderError(LgoDecisionsError, ValueError):
    """A decision cannot be written faithfully in the requested format.

    >>> from lgo_decisions import Decision
    >>> from lgo_decisions.writers.text import render_text
    >>> render_text(Decision(summary="two\\nlines"))
    Traceback (most recent call last):
    ...
    lgo_decisions.errors.RenderError: cannot write decision as text: summary: the text spans several lines: ...
    """
