"""Opening inputs safely: regular files only (a FIFO or a device is refused, not waited on) and lines
of bounded length (one line of ``/dev/zero``-like data never fills memory).

>>> import io
>>> list(bounded_lines(io.BytesIO(b'{"a": 1}\\n\\n' + b"x" * 20 + b"\\n[]"), limit=10))
[(1, b'{"a": 1}\\n'), (3, None), (4, b'[]')]
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, AnyStr

from . import _limits
from .errors import InputTooLargeError, NotARegularFileError

if TYPE_CHECKING:
    import zipfile

Identity = tuple[int, int]  # (st_dev, st_ino): a file by identity, whatever its name

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def not_regular(path: str, mode: int) -> NotARegularFileError:
    """The error for ``path`` whose ``st_mode`` is ``mode`` (not a regular file)."""
    return NotARegularFileError(f"{path}: {_kind(mode)}, not a regular file: not read")


def check_regular(path: str) -> None:
    """Raise :class:`NotARegularFileError` unless ``path`` is (or links to) a regular file."""
    mode = os.stat(path).st_mode
    if not stat.S_ISREG(mode):
        raise not_regular(path, mode)


def _regular_fd(path: str) -> tuple[int, os.stat_result]:
    """A descriptor open for reading on the regular file at ``path``, and its ``fstat``; anything
    else is refused without blocking on it (a FIFO is opened non-blocking, looked at, and closed)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise not_regular(path, st.st_mode)
    except BaseException:
        os.close(fd)
        raise
    return fd, st


def _opened(fd: int, mode: str = "rb", **kwargs: Any) -> IO[Any]:
    try:
        return open(fd, mode, **kwargs)
    except BaseException:
        os.close(fd)
        raise


def open_regular(path: str, mode: str = "rb", **kwargs: Any) -> IO[Any]:
    """``open(path, mode)``, refusing anything but a regular file without blocking on it."""
    fd, _ = _regular_fd(path)
    try:
        os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return _opened(fd, mode, **kwargs)


def bounded_lines(fp: IO[AnyStr], limit: int | None = None) -> Iterator[tuple[int, AnyStr | None]]:
    """``(line number, line)`` for each non-blank line of ``fp``; a line longer than ``limit``
    (default :data:`lgo_decisions._limits.MAX_INPUT_BYTES`) is ``None``, read past in bounded pieces."""
    limit = _limits.MAX_INPUT_BYTES if limit is None else limit
    lineno = 0
    while True:
        line = fp.readline(limit + 1)
        if not line:
            return
        lineno += 1
        if len(line) > limit:
            newline: Any = "\n" if isinstance(line, str) else b"\n"
            rest: Any = line
            while rest and not rest.endswith(newline):
                rest = fp.readline(1 << 20)
            yield lineno, None
        elif line.strip():
            yield lineno, line


_open_zip: list[tuple[str, zipfile.ZipFile]] = []  # the archive this process read last, kept open


def zip_member(path: str, member: str, head: int = 0) -> bytes:
    """The member's bytes (within the size limit), or its first ``head`` bytes."""
    if not _open_zip or _open_zip[0][0] != path:
        while _open_zip:
            _open_zip.pop()[1].close()
        check_regular(path)
        import zipfile  # (imported here: only archives need it, and every read imports this module)

        _open_zip.append((path, zipfile.ZipFile(path)))
    zf = _open_zip[0][1]
    info = zf.getinfo(member)
    if head:
        with zf.open(info) as fp:
            return fp.read(head)
    if info.file_size > _limits.MAX_INPUT_BYTES:
        raise InputTooLargeError(
            f"{path}!{member}: {info.file_size} bytes is above the limit of {_limits.MAX_INPUT_BYTES}"
        )
    with zf.open(info) as fp:
        data = fp.read(_limits.MAX_INPUT_BYTES + 1)
    if len(data) > _limits.MAX_INPUT_BYTES:
        raise InputTooLargeError(f"{path}!{member}: above the limit of {_limits.MAX_INPUT_BYTES} bytes")
    return data


_READ_ON = 1 << 20
"""Bytes asked for at a time past a file's said size (a file that grew, ``/dev/zero``, a FIFO)."""


def read_up_to(read: Callable[[int], bytes], size: int, limit: int) -> bytes:
    """At most ``limit`` bytes through ``read(n)`` (at most ``n`` bytes, ``b""`` at the end: a file
    object's ``read`` or :func:`os.read` on a descriptor) of a file whose size is said to be
    ``size``: a buffer of the file's size (not of the limit's, for every file), read on to the limit
    only if it grew (or is no regular file), a short read read on."""
    parts: list[bytes] = []
    got = 0
    want = min(size + 1, limit)  # (one byte past the size: an end of file there, or the file grew)
    while got < limit:
        chunk = read(want - got if got < want else min(limit - got, _READ_ON))
        if not chunk:
            break
        parts.append(chunk)
        got += len(chunk)
    return parts[0] if len(parts) == 1 else b"".join(parts)


def regular_file_bytes(path: str, max_bytes: int) -> bytes:
    """The bytes of the regular file at ``path`` (never more than ``max_bytes``), looked at once
    open: the errors, and their messages, of :func:`check_regular` then
    :func:`lgo_decisions._sources.read_path` (which the callers of this one used to do), for a
    ``path`` that :class:`pathlib.Path` leaves as it is."""
    fd, st = _regular_fd(path)  # (a regular file reads alike blocking or not: no set_blocking)
    try:
        if st.st_size > max_bytes:
            raise InputTooLargeError(f"{path}: {st.st_size} bytes is above the limit of {max_bytes}")
        data = read_up_to(lambda n: os.read(fd, n), st.st_size, max_bytes + 1)  # (no file object: 4 µs less)
    finally:
        os.close(fd)
    if len(data) > max_bytes:
        raise InputTooLargeError(f"{path}: more than the limit of {max_bytes} bytes")
    return data


def file_bytes(path: str, head: int = 0) -> bytes:
    """The file's bytes (never more than the limit), or its first ``head`` bytes."""
    with open_regular(path) as fp:
        limit = head or _limits.MAX_INPUT_BYTES + 1
        data = read_up_to(fp.read, os.fstat(fp.fileno()).st_size, limit)
    if not head and len(data) > _limits.MAX_INPUT_BYTES:
        raise InputTooLargeError(f"{path}: more than the limit of {_limits.MAX_INPUT_BYTES} bytes")
    return data


Place = tuple[Identity, str]  # (the identity of a file's folder, its name there)


def outputs(paths: Iterable[str | os.PathLike[str]]) -> tuple[frozenset[Identity], frozenset[Place] | None]:
    """The identities of the files at ``paths`` (a run's outputs, left out of its listings), and
    where the regular files among them are, each ``(folder identity, name)``, when each has one link
    (so that a listing knows them by their place, with no ``stat`` of every file); ``None`` for the
    places when one has more (a hard link: another name) or its folder cannot be looked at."""
    identities: set[Identity] = set()
    found: set[Place] | None = set()
    for path in (os.fspath(p) for p in paths):
        try:
            st = os.stat(path)
        except (OSError, ValueError):  # (missing: nothing to leave out)
            continue
        identities.add((st.st_dev, st.st_ino))
        if found is None or not stat.S_ISREG(st.st_mode):
            continue  # (a FIFO or device in a folder is looked at anyway)
        real = os.path.realpath(path)
        folder = identity(os.path.dirname(real) or ".")
        if st.st_nlink != 1 or folder is None:
            found = None
        else:
            found.add((folder, os.path.basename(real)))
    return frozenset(identities), None if found is None else frozenset(found)


def walk_folder(
    folder: str,
    picked: Callable[[str], bool],
    skip: frozenset[Identity] = frozenset(),
    at: frozenset[Place] | None = None,
) -> Iterator[str | tuple[str, BaseException]]:
    """Files under ``folder`` whose name is ``picked``, depth first, sorted by name in each folder; one
    listing in memory at a time. A folder that cannot be listed, or an entry that cannot be looked at
    (a symlink loop, a dangling link to a page), is a ``(path, error)`` pair; a FIFO or device with a
    picked name is one too, and so is a link to a folder that holds it (a loop, read once, as
    ``find -L`` does). Files whose identity is in ``skip`` (the run's own outputs) are left out:
    those that are no link known by their place ``at`` (:func:`outputs`), else each file looked at."""
    yield from _walk(folder, picked, skip, at, frozenset())


def _walk(
    folder: str,
    picked: Callable[[str], bool],
    skip: frozenset[Identity],
    at: frozenset[Place] | None,
    above: frozenset[Identity],
) -> Iterator[str | tuple[str, BaseException]]:
    entries: list[tuple[str, int | None, BaseException | None]] = []  # (name, st_mode's type, failure)
    try:
        here = os.stat(folder)  # (one a folder: the folders above a link to one of them are known)
        if (here.st_dev, here.st_ino) in above:
            raise OSError(errno.ELOOP, "a link to a folder that holds it (a loop): read once, not again", folder)
        above = above | {(here.st_dev, here.st_ino)}
        look = bool(skip) and at is None  # (outputs to leave out, not all known by their place)
        named = frozenset(name for place, name in at if place == (here.st_dev, here.st_ino)) if skip and at else ()
        with os.scandir(folder) as it:
            for e in it:
                name = e.name
                if name.startswith("."):
                    continue
                try:
                    # A file or folder that is no link is known from the listing, with no system call. A
                    # link is followed; an output is known by its place, or else each file that could be
                    # read is looked at for its identity (a listing's inode is not stat's on every file
                    # system: FUSE, some overlays).
                    if e.is_symlink() or (look and not e.is_dir(follow_symlinks=False) and picked(name)):
                        st = e.stat()  # (links followed)
                        if not stat.S_ISDIR(st.st_mode) and (st.st_dev, st.st_ino) in skip:
                            continue
                        entries.append((name, stat.S_IFMT(st.st_mode), None))
                    elif e.is_dir(follow_symlinks=False):
                        entries.append((name, stat.S_IFDIR, None))
                    elif e.is_file(follow_symlinks=False):
                        if name not in named:  # (an output, known by its place)
                            entries.append((name, stat.S_IFREG, None))
                    else:  # (a FIFO, a device, a socket: the run's own output, it may be)
                        st = e.stat(follow_symlinks=False)
                        if (st.st_dev, st.st_ino) in skip:
                            continue
                        entries.append((name, stat.S_IFMT(st.st_mode), None))
                except OSError as exc:
                    entries.append((name, None, exc))
    except OSError as exc:
        yield folder, exc
        return
    entries.sort(key=lambda entry: entry[0])
    for name, mode, failure in entries:
        path = os.path.join(folder, name)
        if mode == stat.S_IFDIR:
            yield from _walk(path, picked, skip, at, above)
        elif not picked(name):
            continue
        elif failure is not None:
            yield path, failure
        elif mode != stat.S_IFREG:
            assert mode is not None
            yield path, not_regular(path, mode)
        else:
            yield path


def picked_name(name: str, suffixes: frozenset[str]) -> bool:
    """Whether a folder's listing reads ``name``: not hidden, its suffix (or a compound one: ``.akn.xml``) claimed."""
    return name_picker(suffixes)(name)


def name_picker(suffixes: frozenset[str]) -> Callable[[str], bool]:
    """:func:`picked_name` for ``suffixes``, made once for a whole listing."""
    compound = tuple(s for s in suffixes if s.count(".") > 1)

    def picked(name: str) -> bool:
        base = name.rsplit("/", 1)[-1].lower()
        if not base or base.startswith("."):
            return False
        dot = base.rfind(".")  # (past the first character: os.path.splitext's suffix, a hidden name aside)
        return (base[dot:] if dot > 0 else "") in suffixes or (bool(compound) and base.endswith(compound))

    return picked


def identity(path: str) -> Identity | None:
    """The file's ``(st_dev, st_ino)`` (links followed), or ``None`` if it cannot be looked at."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return st.st_dev, st.st_ino


def _kept_as_is(name: str) -> bool:
    """Whether a path of ``name`` would leave it as it is: no empty or ``.`` part, no trailing separator."""
    if os.sep != "/" or os.altsep or not name or "//" in name or "/./" in name:
        return False
    return not (name.startswith("./") or name.endswith(("/", "/.")) or name == ".")


def path_text(name: str) -> str:
    """``str(Path(name))``: the name a file's record is given, made without a path where it can be."""
    return name if _kept_as_is(name) else str(Path(name))


def path_suffix(name: str) -> str:
    """``PurePath(name).suffix``, made without a path where it can be."""
    if not _kept_as_is(name):
        return Path(name).suffix
    base = name[name.rfind("/") + 1 :]
    dot = base.rfind(".")
    return base[dot:] if 0 < dot < len(base) - 1 else ""
