"""The library's errors: one hierarchy rooted at :class:`LgoDecisionsError`."""

from __future__ import annotations


class LgoDecisionsError(Exception):
    """Base class of every error this library raises on purpose."""


class ParseError(LgoDecisionsError, ValueError):
    """A statement could not be read (strict mode), naming the source and line or element."""

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
    """The input is not a decision statement at all (no title, header or decision marker)."""


class InputTooLargeError(LgoDecisionsError, ValueError):
    """The input is above the reader's size limit."""


class DecodeError(LgoDecisionsError, UnicodeError):
    """Bytes that could not be decoded as text."""


class SerialisationError(LgoDecisionsError, ValueError):
    """A record does not fit schema v1; the message names the field path."""


class ReaderNotFound(LgoDecisionsError, LookupError):
    """No reader (or writer) of that name; the message lists the names that exist."""


class RenderError(LgoDecisionsError, ValueError):
    """A decision cannot be written faithfully in the requested format."""
