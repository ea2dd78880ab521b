"""Writers: render a decision as text or HTML that the readers read back to an equal decision.

This module finds writers by name: the built-ins ``text``, ``html`` and ``akn`` (Akoma Ntoso), writers registered with
:func:`register`, and those other distributions publish under the entry-point group
``lgo_decisions.writers``.

>>> from lgo_decisions import Decision, writers
>>> writers.available()[:2]
['text', 'html']
>>> writers.get("html").suffix
'.html'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, runtime_checkable

from .._registry import Registry
from ..errors import PluginError, WriterNotFound

if TYPE_CHECKING:
    from ..model import Decision

__all__ = ["GROUP", "REGISTRY", "Writer", "available", "get", "register", "unregister"]

GROUP = "lgo_decisions.writers"
"""The entry-point group third-party writers are published under."""


@runtime_checkable
class Writer(Protocol):
    """What a writer is: a ``name``, the file ``suffix`` it writes (``".txt"``) and ``render``.

    ``render(decision)`` returns the whole rendering as ``str``; a decision it cannot write
    faithfully raises :class:`~lgo_decisions.errors.RenderError`.

    The protocol is checked at run time (the methods' presence, not their signatures):

    >>> isinstance(get("text"), Writer), isinstance("not a writer", Writer)
    (True, False)
    """

    @property
    def name(self) -> str: ...

    @property
    def suffix(self) -> str: ...

    def render(self, decision: Decision) -> str: ...


def _check(name: str, obj: object) -> Writer:
    if isinstance(obj, type):
        obj = obj()  # a writer class with a no-argument constructor
    if not isinstance(obj, Writer):
        raise PluginError(f"{obj!r} is not a writer (it needs name, suffix and render())")
    if obj.name != name:
        raise PluginError(f"the writer calls itself {obj.name!r}, registered as {name!r}")
    if not isinstance(obj.suffix, str):
        raise PluginError(f"writer {name!r}: suffix must be a string, got {obj.suffix!r}")
    return obj


REGISTRY: Registry[Writer] = Registry(
    group=GROUP,
    kind="writer",
    builtins={
        "text": "lgo_decisions.writers.text:WRITER",
        "html": "lgo_decisions.writers.html:WRITER",
        "akn": "lgo_decisions.writers.akn:WRITER",
    },
    check=_check,
    missing=WriterNotFound,
)
"""The writer registry behind the functions of this module."""


def available() -> list[str]:
    """The names of every writer: built-in (``text``, ``html``, ``akn``), registered, from entry points.

    >>> available()[:2]
    ['text', 'html']
    """
    return REGISTRY.names()


def get(name: str) -> Writer:
    """The writer of that name; :class:`~lgo_decisions.errors.WriterNotFound` lists the others.

    >>> from lgo_decisions import Decision
    >>> print(get("text").render(Decision(reference="20 007 417")))
    20 007 417
    <BLANKLINE>
    The Ombudsman's final decision:
    <BLANKLINE>
    """
    return REGISTRY.get(name)


def register(writer: Writer, *, replace: bool = False) -> Writer:
    """Add a writer under its ``name`` (``replace=True`` to replace one); returns it.

    >>> class ReferenceOnly:
    ...     name, suffix = "reference", ".ref"
    ...     def render(self, decision): return f"{decision.reference}\\n"
    >>> from lgo_decisions import Decision
    >>> register(ReferenceOnly()).render(Decision(reference="20 007 417"))
    '20 007 417\\n'
    >>> unregister("reference")
    """
    return REGISTRY.register(getattr(writer, "name", ""), writer, replace=replace)


def unregister(name: str) -> None:
    """Remove a writer added with :func:`register` (built-in writers and entry points stay).

    >>> class Blank:
    ...     name, suffix = "blank", ".txt"
    ...     def render(self, decision): return ""
    >>> _ = register(Blank())
    >>> unregister("blank")
    >>> "blank" in available()
    False
    """
    REGISTRY.unregister(name)
