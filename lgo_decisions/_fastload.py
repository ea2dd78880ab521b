"""A faster way to the same records for lenient loading: plain structuring functions made from the
models' fields, which apply the very hooks of :data:`lgo_decisions.serialise.converter` (strings,
whole numbers, dates, enumerations by value, arrays only from JSON arrays, objects only from JSON
objects, blocks by their tag, extension payloads) without cattrs' layers of dispatch and detailed
validation.

It gives up on anything it is not sure of (an error, a key it has no field for is fine, a type it
does not know is not): the caller then structures with the converter, which either reads the same
record or raises its detailed error. So it can make loading faster, never different.

>>> from lgo_decisions.model import Category
>>> Loader({})({"area": "Housing", "subject": "Allocations"}, Category)
Category(area='Housing', subject='Allocations')
"""

from __future__ import annotations

import enum
import types
import typing
from collections.abc import Callable
from typing import Any, Union

import attrs

from ._keys import BLOCK_TAG, KEYS
from .model import BLOCK_TYPES, Block

__all__ = ["GiveUp", "Loader"]

Parse = Callable[[Any], Any]


class GiveUp(Exception):
    """The fast path does not read this value (the converter will, or will say why not)."""


_MISSING = object()
_CHECKS = {str: "x.__class__ is str", int: "x.__class__ is int"}


def _optional(tp: Any) -> Any:
    """``X`` of ``X | None``, else ``None``."""
    args = typing.get_args(tp)
    if typing.get_origin(tp) in (Union, types.UnionType) and len(args) == 2 and type(None) in args:
        return next(a for a in args if a is not type(None))
    return None


def _array_of(tp: Any) -> Any:
    """``X`` of ``tuple[X, ...]``, else ``None``."""
    args = typing.get_args(tp)
    return args[0] if typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis else None


def _give_up(*_: Any) -> Any:
    raise GiveUp


def _strings(v: Any) -> tuple[str, ...]:
    if v.__class__ is not list:
        raise GiveUp
    for e in v:
        if e.__class__ is not str:
            raise GiveUp
    return tuple(v)


class Loader:
    """Structuring functions for the models, made at first use, with the converter's hooks for the
    leaves it cannot check inline: ``hooks`` maps a type (``datetime.date``, ``dict[str, Any]`` for
    ``Decision.extensions``) to the function of one value the converter applies."""

    def __init__(self, hooks: dict[Any, Parse]) -> None:
        self.hooks = hooks
        self.parsers: dict[Any, Parse] = {}
        self.by_tag: dict[Any, Parse] = {}

    def __call__(self, data: Any, cls: type[Any]) -> Any:
        """``cls`` from JSON data as the converter reads it; raises :class:`GiveUp` (or any error) where
        it cannot tell, for the converter to decide."""
        return self.parser(cls)(data)

    def parser(self, tp: Any) -> Parse:
        parse = self.parsers.get(tp)
        if parse is None:
            try:
                parse = self._make(tp)
            except GiveUp:  # (a type it does not know: every value of it is the converter's)
                parse = _give_up
            self.parsers[tp] = parse
        return parse

    def _make(self, tp: Any) -> Parse:
        if tp is str or tp is int:
            return lambda v: v if v.__class__ is tp else _give_up()
        if tp in self.hooks:
            return self.hooks[tp]
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return tp  # (as the converter's hooks: the member of that value)
        if tp is Block:
            return self._block
        inner = _optional(tp)
        if inner is not None:
            parse = self.parser(inner)
            return lambda v: None if v is None else parse(v)
        element = _array_of(tp)
        if element is str:
            return _strings
        if element is not None:
            return self._array(element)
        if isinstance(tp, type) and tp in KEYS:
            return self._model(tp)
        raise GiveUp(f"no fast path for {tp!r}")

    def _array(self, element: Any) -> Parse:
        parse: Parse | None = None

        def array(v: Any) -> tuple[Any, ...]:
            nonlocal parse
            if v.__class__ is not list:
                raise GiveUp
            if parse is None:  # (at first use: blocks nest)
                parse = self.parser(element)
            return tuple([parse(e) for e in v])

        return array

    def _block(self, v: Any) -> Any:
        if v.__class__ is not dict:
            raise GiveUp
        tag = v.get(BLOCK_TAG)
        parse = self.by_tag.get(tag)
        if parse is None:
            cls = BLOCK_TYPES.get(tag)  # type: ignore[arg-type]
            if cls is None:
                raise GiveUp
            parse = self.by_tag[tag] = self.parser(cls)
        return parse(v)

    def _model(self, cls: type[Any]) -> Parse:
        """One function of straight-line code for ``cls`` (as cattrs makes its own, without its layers)."""
        hints = typing.get_type_hints(cls)
        keys = KEYS[cls]
        namespace: dict[str, Any] = {"GiveUp": GiveUp, "cls": cls, "M": _MISSING}
        code = ["def model(v):", "    if v.__class__ is not dict: raise GiveUp", "    kw = {}"]
        for i, f in enumerate(attrs.fields(cls)):
            if not f.init:
                continue
            tp = hints[f.name]
            code += [f"    x = v.get({keys[f.name]!r}, M)", "    if x is not M:"]
            inner = _optional(tp)
            if tp in _CHECKS or inner in _CHECKS:
                check = _CHECKS[tp] if tp in _CHECKS else f"x is None or {_CHECKS[inner]}"
                code += [f"        if not ({check}): raise GiveUp", f"        kw[{f.alias!r}] = x"]
            else:
                namespace[f"p{i}"] = self.parser(tp)
                code.append(f"        kw[{f.alias!r}] = p{i}(x)")
        code.append("    return cls(**kw)")
        exec("\n".join(code), namespace)  # (code made here from the model's own fields)
        return namespace["model"]  # type: ignore[no-any-return]
