"""Typed extension data: ``Decision.extensions`` maps a namespace to a plugin's payload.

A plugin registers an attrs class for its namespace, through the entry-point group
``lgo_decisions.extensions`` (name = namespace, value = ``"module:Class"``) or with
:func:`register_extension`. The library's one converter
(:data:`lgo_decisions.serialise.converter`) then structures that namespace's JSON into the class
and back, so typed payloads round-trip through JSON. A namespace nobody registered is kept
verbatim (the plain JSON value) and written back unchanged: a record passing through a program
without the plugin loses nothing.

>>> import attrs
>>> from lgo_decisions import Decision, dumps, loads
>>> from lgo_decisions.extensions import register_extension
>>> @attrs.frozen
... class Seen:
...     by: str
...     times: int
>>> register_extension("example.seen", Seen)
>>> d = Decision(reference="20 007 417", extensions={"example.seen": Seen(by="crawler", times=2)})
>>> loads(dumps(d)).extensions["example.seen"]
Seen(by='crawler', times=2)
>>> unregister_extension("example.seen")
>>> loads(dumps(d)).extensions["example.seen"]
{'by': 'crawler', 'times': 2}
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Mapping
from typing import Any

import attrs
import cattrs
from cattrs.errors import IterableValidationError, IterableValidationNote

from ._registry import Registry
from .errors import ExtensionNotFound, PluginError

__all__ = [
    "GROUP",
    "REGISTRY",
    "extension_type",
    "namespaces",
    "register_extension",
    "structure_extensions",
    "unregister_extension",
    "unstructure_extensions",
]

GROUP = "lgo_decisions.extensions"
"""The entry-point group extension payload classes are published under."""

_NAMESPACE = re.compile(r"^[a-z](?:[a-z0-9_]|[.-](?=[a-z0-9_]))*$")  # no nested repeat: linear on any input


def _check(namespace: str, obj: object) -> type[Any]:
    if not _NAMESPACE.match(namespace):
        raise PluginError(f"extension namespace {namespace!r} must be lower case, like 'records' or 'acme.notes'")
    if not (isinstance(obj, type) and attrs.has(obj)):
        raise PluginError(f"the payload of extension {namespace!r} must be an attrs class, got {obj!r}")
    return obj


REGISTRY: Registry[type[Any]] = Registry(
    group=GROUP,
    kind="extension",
    builtins={"facts": "lgo_decisions.facts:Facts"},  # the facts of coding scheme v1 (docs/facts.md)
    check=_check,
    missing=ExtensionNotFound,
)
"""Payload classes by namespace."""


def register_extension(namespace: str, cls: type[Any], *, replace: bool = False) -> None:
    """Make ``cls`` (an attrs class) the payload type of ``namespace`` in ``Decision.extensions``.

    Raises :class:`~lgo_decisions.errors.PluginError` when the namespace is taken (pass
    ``replace=True``) or ``cls`` is not an attrs class.

    >>> import attrs
    >>> @attrs.frozen
    ... class Note:
    ...     text: str
    >>> register_extension("example.note", Note)
    >>> register_extension("example.note", dict)
    Traceback (most recent call last):
    ...
    lgo_decisions.errors.PluginError: an extension named 'example.note' exists already; ...
    >>> unregister_extension("example.note")
    """
    REGISTRY.register(namespace, cls, replace=replace)


def unregister_extension(namespace: str) -> None:
    """Forget a payload class added with :func:`register_extension` (its data is then kept as plain JSON).

    >>> import attrs
    >>> register_extension("example.gone", attrs.make_class("Gone", ["at"]))
    >>> unregister_extension("example.gone")
    >>> extension_type("example.gone") is None
    True
    """
    REGISTRY.unregister(namespace)


def extension_type(namespace: str) -> type[Any] | None:
    """The payload class of ``namespace``, or ``None`` when nobody registered it.

    >>> import attrs
    >>> Visit = attrs.make_class("Visit", ["on"])
    >>> register_extension("example.visit", Visit)
    >>> extension_type("example.visit") is Visit, extension_type("example.nobody")
    (True, None)
    >>> unregister_extension("example.visit")
    """
    return REGISTRY.find(namespace)


def namespaces() -> list[str]:
    """Every namespace with a payload class (registered or from entry points).

    >>> import attrs
    >>> register_extension("example.tags", attrs.make_class("Tags", ["names"]))
    >>> "example.tags" in namespaces()
    True
    >>> unregister_extension("example.tags")
    """
    return REGISTRY.names()


def unstructure_extensions(value: Mapping[str, Any], conv: cattrs.Converter) -> dict[str, Any]:
    """``Decision.extensions`` as plain JSON types: typed payloads through ``conv``, others as they are.

    :data:`lgo_decisions.serialise.converter` calls it for ``Decision.extensions``.

    >>> import attrs, cattrs
    >>> Seen = attrs.make_class("Seen", ["by"])
    >>> unstructure_extensions({"example.seen": Seen(by="crawler"), "other": [1]}, cattrs.Converter())
    {'example.seen': {'by': 'crawler'}, 'other': [1]}
    """
    return {namespace: conv.unstructure(payload) for namespace, payload in value.items()}


def structure_extensions(value: Any, conv: cattrs.Converter) -> dict[str, Any]:
    """``Decision.extensions`` from JSON: registered namespaces typed, unknown ones kept verbatim.

    A payload that does not fit its class raises a cattrs validation error whose path names the
    namespace (``$.extensions['records'].fetched_at``).
    :data:`lgo_decisions.serialise.converter` calls it for ``Decision.extensions``.

    >>> import attrs, cattrs
    >>> @attrs.frozen
    ... class Seen:
    ...     by: str
    >>> register_extension("example.seen", Seen)
    >>> structure_extensions({"example.seen": {"by": "crawler"}, "other": [1]}, cattrs.Converter())
    {'example.seen': Seen(by='crawler'), 'other': [1]}
    >>> unregister_extension("example.seen")
    """
    if not isinstance(value, Mapping):
        raise TypeError(f"extensions must be an object, got {type(value).__name__}")
    out: dict[str, Any] = {}
    errors: list[Exception] = []
    for namespace, payload in value.items():
        try:
            if not isinstance(namespace, str):
                raise TypeError(f"an extension namespace must be a string, got {type(namespace).__name__}")
            try:
                cls = extension_type(namespace)
            except PluginError as exc:  # a broken plugin: keep its data as it is
                warnings.warn(f"{exc}; extension {namespace!r} kept as plain JSON", RuntimeWarning, stacklevel=2)
                cls = None
            out[namespace] = payload if cls is None or isinstance(payload, cls) else conv.structure(payload, cls)
        except Exception as exc:
            note = IterableValidationNote(f"Structuring extension {namespace!r}", namespace, Any)
            exc.__notes__ = [*getattr(exc, "__notes__", []), note]  # type: ignore[attr-defined]
            errors.append(exc)
    if errors:
        raise IterableValidationError("While structuring extensions", errors, dict)
    return out
