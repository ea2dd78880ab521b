"""The command line's output files: never an input, never half-written under their final name.

An output file is written to a hidden temporary file in the same folder (``.NAME.XXXX.tmp``) and
renamed into place when the run succeeds. When the run fails (a full disk, an interruption, a
crash), the final name is left as it was; a JSON Lines output keeps the complete lines written
so far as ``NAME.partial`` (a cut line is dropped), and any other output (Parquet) is removed.
An output that is not a regular file (``/dev/null``, ``/dev/stdout``, a FIFO) is written
directly: there is nothing to rename.

>>> import pathlib, tempfile
>>> target = pathlib.Path(tempfile.mkdtemp()) / "out.jsonl"
>>> out = Output(str(target))
>>> _ = out.open().write('{"a": 1}\\n{"b":')
>>> out.abandon()
>>> target.exists(), (target.parent / "out.jsonl.partial").read_text()
(False, '{"a": 1}\\n')
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from typing import IO

PARTIAL = ".partial"
"""The suffix under which a failed run's complete JSON Lines are kept."""


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


class Output:
    """One output file; ``lines`` (JSON Lines) keeps complete lines as ``NAME.partial`` on failure."""

    def __init__(self, path: str, *, lines: bool = True) -> None:
        self.path = os.path.realpath(path)  # (a link to a file: the file it names is replaced)
        self.lines = lines
        self.direct = os.path.exists(self.path) and not stat.S_ISREG(os.stat(self.path).st_mode)
        self.temp: str | None = None
        self.fp: IO[str] | None = None

    def target(self) -> str:
        """The name to write to: the temporary file (made here), or the path itself when direct."""
        if self.direct:
            return self.path
        if self.temp is None:
            folder, base = os.path.split(self.path)
            fd, self.temp = tempfile.mkstemp(prefix=f".{base}.", suffix=".tmp", dir=folder or ".")
            os.close(fd)
            try:
                mode = stat.S_IMODE(os.stat(self.path).st_mode)
            except OSError:
                mode = 0o666 & ~_umask()
            os.chmod(self.temp, mode)
        return self.temp

    def open(self) -> IO[str]:
        """The text stream to write (opened once)."""
        if self.fp is None:
            self.fp = open(self.target(), "w", encoding="utf-8")  # noqa: SIM115 - closed by commit/abandon
        return self.fp

    def commit(self) -> None:
        """Close and rename into place; raises ``OSError`` (a full disk) with the final name untouched."""
        if self.fp is not None:
            self.fp.close()  # (flushes: where a full disk shows)
        if self.temp is not None:
            os.replace(self.temp, self.path)
            self.temp = None

    def abandon(self) -> None:
        """The run failed: leave the final name alone; keep complete lines as ``NAME.partial``."""
        if self.fp is not None:
            with contextlib.suppress(OSError):
                self.fp.close()
            if not self.fp.closed:  # (a failed flush leaves it open: drop what is buffered)
                with contextlib.suppress(OSError, ValueError):
                    os.close(self.fp.fileno())
        if self.temp is None:
            return
        temp, self.temp = self.temp, None
        try:
            if self.lines and _cut_to_last_line(temp):
                os.replace(temp, self.path + PARTIAL)
                return
        except OSError:
            pass
        with contextlib.suppress(OSError):
            os.remove(temp)


def _cut_to_last_line(path: str) -> bool:
    """Truncate ``path`` after its last newline; False when no complete line is left."""
    with open(path, "rb+") as fp:
        end = fp.seek(0, os.SEEK_END)
        pos = end
        while pos > 0:
            start = max(0, pos - 65536)
            fp.seek(start)
            block = fp.read(pos - start)
            cut = block.rfind(b"\n")
            if cut >= 0:
                fp.truncate(start + cut + 1)
                return True
            pos = start
        fp.truncate(0)
    return False


def same_file(a: str, b: str) -> bool:
    """Whether two names are one file: by identity when both exist, else by their resolved paths."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def stdout_identity() -> tuple[int, int] | None:
    """The identity of standard output when it is a regular file (a shell's ``> file``), else ``None``."""
    try:
        st = os.fstat(sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        return None
    return (st.st_dev, st.st_ino) if stat.S_ISREG(st.st_mode) else None
