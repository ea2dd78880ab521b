"""Readers: each turns one kind of input into a decision, and this module finds them by name.

Built-in readers are ``html`` and ``text``; other distributions add readers through the
entry-point group ``lgo_decisions.readers`` (see ``docs/plugins.md``), and code can add one with
:func:`register`. :func:`lgo_decisions.read` picks a reader with :func:`detect` unless it is named.

>>> from lgo_decisions import readers
>>> readers.get("text").name
'text'
>>> readers.detect("Kent County Council (23 008 522)", "statement.txt").name
'text'
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from .._inputs import path_suffix
from .._registry import Registry
from ..errors import PluginError, ReaderNotFound

if TYPE_CHECKING:
    from ..model import Decision

__all__ = [
    "GROUP",
    "REGISTRY",
    "SNIFF_SIZE",
    "SUFFIX_BONUS",
    "Reader",
    "available",
    "detect",
    "get",
    "register",
    "suffixes",
    "unregister",
]

GROUP = "lgo_decisions.readers"
"""The entry-point group third-party readers are published under."""

SNIFF_SIZE = 64 * 1024
"""How much of the input (bytes, or characters of a ``str``) :func:`detect` shows each reader."""

SUFFIX_BONUS = 5
"""Added to a reader's positive sniff score when the file name ends in one of its suffixes."""

FALLBACK = "text"
"""The reader used when no reader recognises the input (it reports what is wrong with it)."""


@runtime_checkable
class Reader(Protocol):
    """What a reader is: a name, the file suffixes it claims, a sniffer and a ``read`` method.

    ``sniff(head, name)`` gets the start of the input (``bytes`` as loaded, or ``str``; at most
    :data:`SNIFF_SIZE`) and the file name if there is one, and returns 0 for "not mine" or a
    positive confidence: the text reader answers 1 for any text, the HTML reader 10 for markup.
    It must be cheap and must not raise.

    ``read(data, url=, strict=, name=)`` gets the whole input, ``str`` or undecoded ``bytes``,
    and returns a :class:`~lgo_decisions.model.Decision`. Most readers subclass
    :class:`lgo_decisions.plugin.BaseReader`, which prepares the input (size limit, decoding,
    control characters, ``Decision.source``), runs the reader's lines through the one classifier
    and assembles the decision with the one builder, the same way for every reader; a reader may
    also build the decision itself. Problems it can read past go into ``Decision.diagnostics``;
    with ``strict=True`` it raises :class:`~lgo_decisions.errors.ParseError` naming ``name`` and
    the line or element instead.

    The protocol is checked at run time (the methods' presence, not their signatures):

    >>> isinstance(get("html"), Reader), isinstance("not a reader", Reader)
    (True, False)
    """

    @property
    def name(self) -> str: ...

    @property
    def suffixes(self) -> tuple[str, ...]: ...

    def sniff(self, head: bytes | str, name: str | None) -> int: ...

    def read(
        self, data: str | bytes, *, url: str | None = None, strict: bool = False, name: str | None = None
    ) -> Decision: ...


def _check(name: str, obj: object) -> Reader:
    if isinstance(obj, type):
        obj = obj()  # a reader class with a no-argument constructor
    if not isinstance(obj, Reader):
        raise PluginError(f"{obj!r} is not a reader (it needs name, suffixes, sniff() and read())")
    if obj.name != name:
        raise PluginError(f"the reader calls itself {obj.name!r}, registered as {name!r}")
    if not isinstance(obj.suffixes, tuple) or not all(isinstance(s, str) for s in obj.suffixes):
        raise PluginError(f"reader {name!r}: suffixes must be a tuple of strings, got {obj.suffixes!r}")
    return obj


REGISTRY: Registry[Reader] = Registry(
    group=GROUP,
    kind="reader",
    # Order matters: sniffing ties go to the earlier built-in.
    builtins={
        "html": "lgo_decisions.readers.html:READER",
        "text": "lgo_decisions.readers.text:READER",
        "akn": "lgo_decisions.readers.akn:READER",
    },
    check=_check,
    missing=ReaderNotFound,
)
"""The reader registry behind the functions of this module."""


def available() -> list[str]:
    """The names of every reader: built-in (``html``, ``text``, ``akn``), registered, from entry points.

    >>> available()[:2]
    ['html', 'text']
    """
    return REGISTRY.names()


def get(name: str) -> Reader:
    """The reader of that name; :class:`~lgo_decisions.errors.ReaderNotFound` lists the others.

    >>> get("html").suffixes
    ('.html', '.htm', '.xhtml')
    >>> get("pdf")
    Traceback (most recent call last):
    ...
    lgo_decisions.errors.ReaderNotFound: no reader named 'pdf'; available: ['html', 'text'...]
    """
    return REGISTRY.get(name)


def register(reader: Reader, *, replace: bool = False) -> Reader:
    """Add a reader under its ``name`` (``replace=True`` to replace one); returns it.

    >>> class Shout:
    ...     name, suffixes = "shout", (".shout",)
    ...     def sniff(self, head, name): return 0
    ...     def read(self, data, *, url=None, strict=False, name=None): raise NotImplementedError
    >>> register(Shout()).name in available()
    True
    >>> unregister("shout")
    """
    return REGISTRY.register(getattr(reader, "name", ""), reader, replace=replace)


def unregister(name: str) -> None:
    """Remove a reader added with :func:`register` (built-in readers and entry points stay).

    >>> class Quiet:
    ...     name, suffixes = "quiet", ()
    ...     def sniff(self, head, name): return 0
    ...     def read(self, data, *, url=None, strict=False, name=None): raise NotImplementedError
    >>> _ = register(Quiet())
    >>> unregister("quiet")
    >>> "quiet" in available()
    False
    """
    REGISTRY.unregister(name)


def suffixes() -> frozenset[str]:
    """Every file suffix some reader claims (lower case), e.g. to find statement files in folders.

    >>> {".txt", ".html"} <= suffixes()
    True
    """
    return frozenset(s.lower() for r in REGISTRY.load_all() for s in r.suffixes)


def _suffix(name: str | None) -> str:
    return path_suffix(name).lower() if name else ""


def detect(head: bytes | str, name: str | None = None) -> Reader:
    """The reader that sniffs ``head`` (the start of the input) with the highest score.

    A reader claiming the file's suffix gets :data:`SUFFIX_BONUS` on a positive score; ties go
    to the earlier reader in :func:`available` order (built-ins ``html`` then ``text`` before
    plugins). When no reader answers, the ``text`` reader is used.

    >>> detect(b"<!DOCTYPE html><html><body><h1>Kent County Council (23 008 522)</h1>").name
    'html'
    >>> detect("Kent County Council (23 008 522)", "statement.txt").name
    'text'
    """
    head = head[:SNIFF_SIZE]
    suffix = _suffix(name)
    low_name = name.lower() if name else ""
    best: Reader | None = None
    best_score = 0
    for reader in REGISTRY.load_all():
        try:
            score = int(reader.sniff(head, name))
        except Exception as exc:  # a broken sniffer must not stop every read
            warnings.warn(
                f"reader {reader.name!r}: sniff() raised {type(exc).__name__}: {exc}", RuntimeWarning, stacklevel=2
            )
            continue
        if score <= 0:
            continue
        if suffix and any(low_name.endswith(s.lower()) for s in reader.suffixes):  # (".akn.xml" too)
            score += SUFFIX_BONUS
        if score > best_score:
            best, best_score = reader, score
    return best if best is not None else REGISTRY.get(FALLBACK)
