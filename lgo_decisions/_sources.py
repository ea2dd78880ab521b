"""One rule for what every reading and writing function takes: a path, an open file, or the data.

* An :class:`os.PathLike` is a path.
* A ``str`` of one line (no control characters) is a path when it names an existing file, or when it *looks like* one:
  it ends in a file suffix the library knows (:data:`PATH_SUFFIXES`, or a registered reader's), or
  it holds a path separator and no white space. Any other ``str`` is the data itself (statement
  text, JSON, JSON Lines), and so is one too long to name a file: longer than 4,096 characters, or
  with a name between separators longer than 255 (no file system allows one).
* A path that does not exist is a :class:`~lgo_decisions.errors.NoSuchFileError` naming it.
* An open file, text or binary (anything with a ``read`` method; for writing, ``write``), is read
  (or written) as it is; its ``name``, when a ``str``, names the source.

>>> looks_like_path("pages/20 007 417.txt"), looks_like_path("Kent County Council (23 008 522)")
(True, False)
>>> looks_like_path("results/run-1"), looks_like_path("and/or so")
(True, False)
"""

from __future__ import annotations

import errno
import io
import os
import re
import stat
from pathlib import Path
from typing import IO, Any, Union

from ._inputs import not_regular, read_up_to
from .errors import InputTooLargeError, NoSuchFileError

Source = Union[str, bytes, "os.PathLike[str]", IO[str], IO[bytes]]
"""What the reading functions take: a path, an open file or the data."""

PATH_SUFFIXES = frozenset(
    {".txt", ".text", ".htm", ".html", ".xhtml", ".json", ".jsonl", ".ndjson", ".zip", ".parquet", ".gz"}
)
"""File suffixes that make a one-line ``str`` a path (besides registered readers' suffixes)."""

_MAX_PATH = 4096  # (Linux's PATH_MAX)
_MAX_NAME = 255  # (a name's limit: 255 bytes on Linux's file systems, 255 UTF-16 units on NTFS and HFS+)
_SEPARATORS = re.compile(r"[/\\]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")  # no path holds a control character (nor can name a file: NUL)


def _name_too_long(text: str) -> bool:
    """Whether a name between the system's separators is longer than any file system allows (the
    ``stat`` of such a path fails with ENAMETOOLONG: a JSON record or a line of prose, never a path)."""
    if len(text) <= _MAX_NAME:
        return False
    if os.altsep:
        text = text.replace(os.altsep, os.sep)
    return max(map(len, text.split(os.sep))) > _MAX_NAME


def _has_suffix(text: str) -> bool:
    """Whether ``text`` ends in a suffix of :data:`PATH_SUFFIXES` or of a reader."""
    suffix = os.path.splitext(text)[1].lower()
    if suffix in PATH_SUFFIXES:
        return True
    from . import readers  # (readers' suffixes: plugins may add their own)

    return suffix in readers.suffixes()


def looks_like_path(text: str) -> bool:
    """Whether a ``str`` counts as a path under the rule above (existing or not)."""
    if len(text) > _MAX_PATH or _name_too_long(text) or not text.strip():
        return False
    if not text.isprintable() and _CONTROL.search(text):  # (a line break, a NUL: text; isprintable: no control)
        return False
    try:
        if Path(text).is_file():
            return True
    except (OSError, ValueError):
        return False
    if _has_suffix(text):
        return True
    return _SEPARATORS.search(text) is not None and not any(c.isspace() for c in text)


def is_open_file(obj: object) -> bool:
    """Whether ``obj`` is an open file (or file-like) to read from."""
    return not isinstance(obj, (str, bytes, os.PathLike)) and callable(getattr(obj, "read", None))


def as_path(source: object) -> Path | None:
    """The path ``source`` names under the rule, or ``None`` when it is data or an open file."""
    if isinstance(source, os.PathLike):
        return Path(source)
    if isinstance(source, str) and looks_like_path(source):
        return Path(source)
    return None


def file_name(fp: object) -> str | None:
    """The name an open file was opened with, if it has a ``str`` one."""
    name = getattr(fp, "name", None)
    return name if isinstance(name, str) else None


def read_path(path: Path, max_bytes: int) -> bytes:
    """The bytes of the file at ``path`` (never more than ``max_bytes``), or a typed error naming it."""
    try:
        st = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        raise NoSuchFileError(path) from None
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:  # (no file can have that name)
            raise NoSuchFileError(path) from None
        raise
    if stat.S_ISDIR(st.st_mode):
        raise not_regular(str(path), st.st_mode)
    size = st.st_size
    if size > max_bytes:
        raise InputTooLargeError(f"{path}: {size} bytes is above the limit of {max_bytes}")
    with path.open("rb") as f:  # never more than the limit: /dev/zero, a FIFO or a growing file
        data = read_up_to(f.read, size, max_bytes + 1)
    if len(data) > max_bytes:
        raise InputTooLargeError(f"{path}: more than the limit of {max_bytes} bytes")
    return data


def read_open_file(fp: IO[Any], max_bytes: int) -> str | bytes:
    """What is left to read in an open file (text or binary), within ``max_bytes``."""
    data = fp.read(max_bytes + 1)
    if not isinstance(data, (str, bytes)):
        raise TypeError(f"reading {file_name(fp) or type(fp).__name__} gave {type(data).__name__}, not str or bytes")
    if len(data) > max_bytes:
        raise InputTooLargeError(f"{file_name(fp) or 'the open file'}: more than the limit of {max_bytes} bytes")
    return data


def load_source(source: Source, max_bytes: int) -> tuple[str | bytes, str | None]:
    """``(data, name)`` for any source: a path's bytes, an open file's content, or the data itself."""
    path = as_path(source)
    if path is not None:
        return read_path(path, max_bytes), str(path)
    if is_open_file(source):
        return read_open_file(source, max_bytes), file_name(source)  # type: ignore[arg-type]
    if not isinstance(source, (str, bytes)):
        raise TypeError(f"expected a path, an open file, str or bytes, not {type(source).__name__}")
    return source, None


def is_binary_writer(fp: object) -> bool:
    """Whether an open file for writing takes bytes (a binary file) rather than ``str``."""
    if isinstance(fp, io.TextIOBase):
        return False
    if isinstance(fp, (io.RawIOBase, io.BufferedIOBase)):
        return True
    return "b" in str(getattr(fp, "mode", ""))


def open_for_writing(path: Path) -> IO[str]:
    """``path`` opened to write UTF-8 text, or :class:`NoSuchFileError` naming its missing folder."""
    try:
        return path.open("w", encoding="utf-8", newline="\n")
    except FileNotFoundError:
        raise NoSuchFileError(path.parent, "folder") from None
