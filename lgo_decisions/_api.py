"""The one entry point: :func:`read` takes a path, text or bytes and picks the reader."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Union

from . import readers
from ._decoding import decode
from ._limits import MAX_INPUT_BYTES
from .errors import InputTooLargeError
from .model import Decision
from .readers import Reader

__all__ = ["SourceLike", "read"]

SourceLike = Union[str, bytes, "os.PathLike[str]"]


def _is_path_string(source: str) -> bool:
    """A one-line ``str`` naming an existing file is a path; anything else is statement text."""
    if len(source) > 4096 or "\n" in source or not source.strip():
        return False
    try:
        return Path(source).is_file()
    except (OSError, ValueError):
        return False


def _load(source: SourceLike, max_bytes: int) -> tuple[str | bytes, str | None]:
    if isinstance(source, str) and _is_path_string(source):
        source = Path(source)
    if isinstance(source, os.PathLike):
        path = Path(source)
        size = path.stat().st_size
        if size > max_bytes:
            raise InputTooLargeError(f"{path}: {size} bytes is above the limit of {max_bytes}")
        with path.open("rb") as f:  # never more than the limit: /dev/zero, a FIFO or a growing file
            data = f.read(min(size, max_bytes) + 1)  # (not a buffer of the limit's size for every file)
            if len(data) > size:  # it grew, or is no regular file: read on, to the limit
                data += f.read(max_bytes + 1 - len(data))
        if len(data) > max_bytes:
            raise InputTooLargeError(f"{path}: more than the limit of {max_bytes} bytes")
        return data, str(path)
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
    """Read one statement from a path, ``str`` or ``bytes``.

    A ``str`` of one line that names an existing file is read as a path; any other ``str`` is
    the statement's text.

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
