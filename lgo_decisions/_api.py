"""The one entry point: :func:`read` takes a path, text or bytes and picks the reader."""

from __future__ import annotations

import os
from typing import IO, Union

from . import readers
from ._decoding import decode
from ._limits import MAX_INPUT_BYTES
from ._sources import as_path, is_open_file, load_source
from .errors import InputTooLargeError
from .model import Decision
from .readers import Reader

__all__ = ["SourceLike", "read", "read_data"]

SourceLike = Union[str, bytes, "os.PathLike[str]", IO[str], IO[bytes]]


def _load(source: SourceLike, max_bytes: int) -> tuple[str | bytes, str | None]:
    if as_path(source) is not None or is_open_file(source):
        return load_source(source, max_bytes)  # (size checked while reading)
    if not isinstance(source, (str, bytes)):
        raise TypeError(f"read() takes a path, an open file, str or bytes, not {type(source).__name__}")
    size = len(source)
    if isinstance(source, str) and size * 4 > max_bytes >= size:  # (a str is measured in UTF-8 bytes)
        size = len(source.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise InputTooLargeError(f"input of {size} bytes is above the limit of {max_bytes}")
    return source, None


def read(
    source: SourceLike,
    *,
    reader: str | Reader | None = None,
    url: str | None = None,
    strict: bool = False,
    encoding: str | None = None,
    max_bytes: int = MAX_INPUT_BYTES,
    facts: bool = False,
) -> Decision:
    """Read one statement from a path, an open file (text or binary), ``str`` or ``bytes``.

    A ``str`` of one line that names an existing file, or looks like a path (a known file suffix,
    or a path separator and no spaces), is a path; a path that does not exist raises
    :class:`~lgo_decisions.errors.NoSuchFileError` naming it. Any other ``str`` is the statement's
    text (the rule: ``docs/reading.md``, "Paths, text and open files").

    ``reader`` names a reader (see :func:`lgo_decisions.readers.available`) or is a reader
    object; by default the reader is picked by sniffing the content and the file name
    (:func:`lgo_decisions.readers.detect`). Bytes go to the reader undecoded, so that a format
    with its own encoding declaration (HTML) can use it, unless ``encoding`` is given; the text
    reader decodes BOM, UTF-8, UTF-16 and Windows-1252. ``facts=True`` adds the statement's facts
    (:func:`lgo_decisions.facts.extract_facts`) as the extension ``facts``.

    >>> read("Kent County Council (23 008 522)\\nDecision : Upheld").outcome.code.value
    'upheld'
    >>> read("Kent County Council (23 008 522)", reader="pdf")
    Traceback (most recent call last):
    ...
    lgo_decisions.errors.ReaderNotFound: no reader named 'pdf'; available: [...]
    """
    data, name = _load(source, max_bytes)
    return read_data(data, name, reader=reader, url=url, strict=strict, encoding=encoding, facts=facts)


def read_data(
    data: str | bytes,
    name: str | None,
    *,
    reader: str | Reader | None = None,
    url: str | None = None,
    strict: bool = False,
    encoding: str | None = None,
    facts: bool = False,
) -> Decision:
    """:func:`read` of an input already loaded (its data, and the name of the file it came from)."""
    if encoding is not None and isinstance(data, bytes):
        data = decode(data, encoding=encoding, name=name)
    if reader is None:
        chosen = readers.detect(data[: readers.SNIFF_SIZE], name)
    elif isinstance(reader, str):
        chosen = readers.get(reader)
    else:
        chosen = reader
    decision = chosen.read(data, url=url, strict=strict, name=name)
    if facts:  # the facts of coding scheme v1, in the extension namespace "facts" (docs/facts.md)
        from .facts import with_facts

        decision = with_facts(decision)
    return decision
