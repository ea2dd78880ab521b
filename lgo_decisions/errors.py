"""The library's errors: one hierarchy rooted at :class:`LgoDecisionsError`."""

from __future__ import annotations

import errno
import os


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

    def __init__(
        self, message: str, *, source: str | None = None, line: int | None = None, element: str | None = None
    ) -> None:
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

    >>> from lgo_decisions import read
    >>> read(bytes(range(256)) + b"Kent County Council (23 008 522)")
    Traceback (most recent call last):
    ...
    lgo_decisions.errors.DecodeError: binary data, not a saved statement page
    """


class SerialisationError(LgoDecisionsError, ValueError):
    """A record does not fit schema v1; the message names the field path.

    >>> from lgo_decisions import from_dict
    >>> from_dict({"reference": "20-007-417"})
    Traceback (most recent call last):
    ...
    lgo_decisions.errors.SerialisationError: record does not fit schema v1: reference must look like ... @ $
    """


class PluginError(LgoDecisionsError, TypeError):
    """A plugin could not be loaded, breaks its contract, or takes a name already in use.

    >>> from lgo_decisions import readers
    >>> readers.register(readers.get("text"))
    Traceback (most recent call last):
    ...
    lgo_decisions.errors.PluginError: a reader named 'text' exists already; pass replace=True to replace it
    """


class PluginNotFound(LgoDecisionsError, LookupError):
    """No plugin of that name: the base of each registry's own "not found" error (and a
    :class:`LookupError`); the message lists the names that exist.

    >>> issubclass(ReaderNotFound, PluginNotFound), issubclass(WriterNotFound, LookupError)
    (True, True)
    """


class ReaderNotFound(PluginNotFound):
    """No reader of that name; the message lists the readers that exist.

    >>> from lgo_decisions import readers
    >>> readers.get("pdf")
    Traceback (most recent call last):
    ...
    lgo_decisions.errors.ReaderNotFound: no reader named 'pdf'; available: ['html', 'text'...]
    """


class WriterNotFound(PluginNotFound):
    """No writer of that name; the message lists the writers that exist.

    >>> from lgo_decisions import writers
    >>> writers.get("pdf")
    Traceback (most recent call last):
    ...
    lgo_decisions.errors.WriterNotFound: no writer named 'pdf'; available: ['text', 'html'...]
    """


class ExtensionNotFound(PluginNotFound):
    """No payload class registered for that extension namespace.

    >>> from lgo_decisions.extensions import REGISTRY
    >>> REGISTRY.get("acme.nothing")
    Traceback (most recent call last):
    ...
    lgo_decisions.errors.ExtensionNotFound: no extension named 'acme.nothing'; available: [...]
    """


class RenderError(LgoDecisionsError, ValueError):
    """A decision cannot be written faithfully in the requested format.

    >>> from lgo_decisions import Decision, render_text
    >>> render_text(Decision(summary="two\\nlines"))
    Traceback (most recent call last):
    ...
    lgo_decisions.errors.RenderError: cannot write decision as text: summary: the text spans several lines: ...
    """


class NotARegularFileError(LgoDecisionsError, ValueError):
    """An input that is not a regular file (a FIFO, a device, a socket): not read, since reading it
    could block forever or never end.

    >>> from lgo_decisions._inputs import open_regular
    >>> open_regular("/dev/null")
    Traceback (most recent call last):
    ...
    lgo_decisions.errors.NotARegularFileError: /dev/null: a character device, not a regular file: not read
    """


class LineTooLongError(InputTooLargeError):
    """A line of JSON Lines above the input size limit: that line fails, the next lines are read.

    >>> issubclass(LineTooLongError, InputTooLargeError)
    True
    """


class WorkerDiedError(LgoDecisionsError, RuntimeError):
    """The worker process reading an input died (killed, out of memory), twice: that input fails.

    >>> issubclass(WorkerDiedError, LgoDecisionsError)
    True
    """


class DatabaseError(LgoDecisionsError, ValueError):
    """A file that is not a database this library may read or write (``lgo_decisions.database``),
    naming the file: not SQLite, somebody else's SQLite database, or one of a newer layout.

    >>> import pathlib, tempfile
    >>> from lgo_decisions.database import load_db
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "notes.db"
    >>> _ = path.write_text("my notes")
    >>> list(load_db(path))
    Traceback (most recent call last):
    ...
    lgo_decisions.errors.DatabaseError: ...notes.db: not a SQLite database
    """


class MissingExtraError(LgoDecisionsError, ImportError):
    """A feature needs an optional extra that is not installed; the message names what to install.

    >>> issubclass(MissingExtraError, ImportError)
    True
    """


class NoSuchFileError(LgoDecisionsError, FileNotFoundError):
    """A path given to a reading or writing function names no file (or, for an output, no folder).

    A ``str`` that looks like a path (see ``docs/reading.md``, "Paths, text and open files") is
    one, so a mistyped name fails here rather than as "not a decision statement".

    >>> import lgo_decisions
    >>> lgo_decisions.read("statments/000.txt")
    Traceback (most recent call last):
    ...
    lgo_decisions.errors.NoSuchFileError: no such file: 'statments/000.txt'
    >>> issubclass(NoSuchFileError, FileNotFoundError)
    True
    """

    def __init__(self, path: str | os.PathLike[str], what: str = "file") -> None:
        super().__init__(errno.ENOENT, f"no such {what}", os.fspath(path))

    def __str__(self) -> str:
        return f"{self.strerror}: {self.filename!r}"
