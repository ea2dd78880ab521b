"""Plugins by name: built-ins by module path, entry points, and objects registered in Python.

One :class:`Registry` serves each kind of plugin (readers, writers, extension payloads). Lookup
order follows pygments and pytest: objects registered with :meth:`Registry.register` (which must
say ``replace=True`` to shadow a name), then the built-ins, then the entry points of installed
distributions. Entry points are discovered
through :mod:`importlib.metadata` once (cached; :meth:`Registry.refresh` forgets them) and a
plugin's module is imported only when the plugin is used. A built-in's name cannot be taken by an
entry point.

>>> from lgo_decisions.readers import REGISTRY
>>> REGISTRY.group, "text" in REGISTRY.names()
('lgo_decisions.readers', True)
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import warnings
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Generic, TypeVar

from .errors import PluginError, PluginNotFound

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

T = TypeVar("T")


def _module_exists(target: str) -> bool:
    module = target.partition(":")[0]
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def _import(target: str) -> object:
    module, _, attr = target.partition(":")
    obj: object = importlib.import_module(module)
    for part in filter(None, attr.split(".")):
        obj = getattr(obj, part)
    return obj


class Registry(Generic[T]):
    """Plugins of one kind, by name.

    ``check(name, obj)`` validates a loaded object (raising :class:`PluginError`) and returns it
    as the registry's type; ``missing`` is the exception raised for an unknown name.

    >>> def check(name, obj):
    ...     if not callable(obj):
    ...         raise PluginError(f"{obj!r} cannot be called")
    ...     return obj
    >>> reg = Registry(group="example.formatters", kind="formatter", builtins={"json": "json:dumps"}, check=check)
    >>> reg.get("json")({"a": 1})  # a built-in: imported on first use
    '{"a": 1}'
    >>> reg.register("upper", str.upper)("hello")
    'HELLO'
    >>> reg.names()
    ['json', 'upper']
    >>> reg.get("yaml")
    Traceback (most recent call last):
    ...
    lgo_decisions.errors.PluginNotFound: no formatter named 'yaml'; available: ['json', 'upper']
    """

    def __init__(
        self,
        *,
        group: str,
        kind: str,
        builtins: Mapping[str, str],
        check: Callable[[str, object], T],
        missing: type[LookupError] = PluginNotFound,
    ) -> None:
        self.group = group
        self.kind = kind
        self._builtins = dict(builtins)
        self._check = check
        self._missing = missing
        self._registered: dict[str, T] = {}
        self._loaded: dict[str, T] = {}
        self._warned: set[str] = set()  # load failures already warned of (once a run, not once a call)
        self._entry_points: dict[str, EntryPoint] | None = None
        self._all: list[T] | None = None  # load_all's answer, until a plugin is registered or removed

    # -- discovery -----------------------------------------------------------------------
    def _eps(self) -> dict[str, EntryPoint]:
        if self._entry_points is None:
            from importlib.metadata import entry_points

            found: dict[str, EntryPoint] = {}
            for ep in sorted(entry_points(group=self.group), key=lambda e: e.name):
                if ep.name not in self._builtins:
                    found.setdefault(ep.name, ep)
            self._entry_points = found
        return self._entry_points

    def names(self) -> list[str]:
        """Every name that can be looked up: built-ins (in their order), registered, entry points."""
        out = [n for n in self._builtins if n in self._registered or _module_exists(self._builtins[n])]
        for name in (*self._registered, *sorted(self._eps())):
            if name not in out:
                out.append(name)
        return out

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.find(name) is not None

    # -- lookup --------------------------------------------------------------------------
    def find(self, name: str) -> T | None:
        """The plugin of that name, or ``None``; loads (and caches) it on first use."""
        if name in self._registered:
            return self._registered[name]
        if name in self._loaded:
            return self._loaded[name]
        if name in self._builtins:
            target = self._builtins[name]
            if not _module_exists(target):
                return None
            where = f"built-in {self.kind} {name!r} ({target})"
            load: Callable[[], object] = functools.partial(_import, target)
        elif name in self._eps():
            ep = self._eps()[name]
            where = f"{self.kind} {name!r} from entry point {ep.value!r} (group {self.group})"
            load = ep.load
        else:
            return None
        try:
            obj = load()
        except Exception as exc:
            raise PluginError(f"cannot load {where}: {type(exc).__name__}: {exc}") from exc
        try:
            plugin = self._check(name, obj)
        except PluginError as exc:
            raise PluginError(f"{where}: {exc}") from None
        self._loaded[name] = plugin
        self._all = None  # (a plugin load_all skipped may load now: the next load_all has it)
        return plugin

    def get(self, name: str) -> T:
        """The plugin of that name; raises ``missing`` (a :class:`LookupError`) listing the names."""
        plugin = self.find(name)
        if plugin is None:
            raise self._missing(f"no {self.kind} named {name!r}; available: {self.names()}")
        return plugin

    def load_all(self) -> list[T]:
        """Every plugin, in :meth:`names` order; one that fails to load is skipped with a warning
        (once, however often this is called, until :meth:`refresh`). The answer is remembered
        until :meth:`register`, :meth:`unregister` or :meth:`refresh` (every read asks it)."""
        if self._all is None:
            self._all = self._load_all()
        return list(self._all)

    def _load_all(self) -> list[T]:
        out = []
        for name in self.names():
            try:
                plugin = self.find(name)
            except PluginError as exc:
                if str(exc) not in self._warned:
                    self._warned.add(str(exc))
                    warnings.warn(str(exc), RuntimeWarning, stacklevel=3)
                continue
            if plugin is not None:
                out.append(plugin)
        return out

    # -- registration --------------------------------------------------------------------
    def register(self, name: str, obj: object, *, replace: bool = False) -> T:
        """Add a plugin under ``name``; a name in use needs ``replace=True``."""
        if not replace and (name in self._registered or name in self._builtins or name in self._eps()):
            article = "an" if self.kind[:1] in "aeiou" else "a"
            raise PluginError(f"{article} {self.kind} named {name!r} exists already; pass replace=True to replace it")
        plugin = self._check(name, obj)
        self._registered[name] = plugin
        self._all = None
        return plugin

    def unregister(self, name: str) -> None:
        """Remove a plugin added with :meth:`register` (built-ins and entry points stay)."""
        self._registered.pop(name, None)
        self._all = None

    def refresh(self) -> None:
        """Forget discovered entry points and loaded plugins (after installing a distribution)."""
        self._entry_points = None
        self._all = None
        self._loaded.clear()
        self._warned.clear()
