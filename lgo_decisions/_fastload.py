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
import inspect
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
_NEW: Any = object.__new__
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


def _members(tp: type[enum.Enum]) -> Parse:
    """``tp(v)``, by the table ``tp(v)`` looks in first (the same member; anything else is ``tp``'s)."""
    members = tp._value2member_map_

    def member(v: Any) -> Any:
        try:
            return members[v]
        except (KeyError, TypeError):  # (not a value, or unhashable: as tp(v) decides)
            return tp(v)

    return member


class Loader:
    """Structuring functions for the models, made at first use, with the converter's hooks for the
    leaves it cannot check inline: ``hooks`` maps a type (``datetime.date``, ``dict[str, Any]`` for
    ``Decision.extensions``) to the function of one value the converter applies. With
    ``every_key=True`` it gives up on an object with a key its model has no field for (so that it
    has checked every value of the data)."""

    def __init__(self, hooks: dict[Any, Parse], *, every_key: bool = False) -> None:
        self.hooks = hooks
        self.every_key = every_key
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
            return _members(tp)  # (as the converter's hooks: the member of that value)
        if tp is Block:
            return self._block
        inner = _optional(tp)
        if inner is not None:
            parse = self.parser(inner)
            return lambda v: None if v is None else parse(v)
        element = _array_of(tp)
        if element is str:
            return _strings
        if element is Block:
            return self._blocks
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
            if not v:
                return ()
            if parse is None:  # (at first use: blocks nest)
                parse = self.parser(element)
            return tuple(map(parse, v))

        return array

    def _block(self, v: Any) -> Any:
        if v.__class__ is not dict:
            raise GiveUp
        parse = self.by_tag.get(v.get(BLOCK_TAG))
        return self._by_tag(v) if parse is None else parse(v)

    def _by_tag(self, v: Any) -> Any:
        """The block ``v`` as the parser of its tag reads it, that parser made at first use."""
        tag = v.get(BLOCK_TAG)
        cls = BLOCK_TYPES.get(tag)
        if cls is None:
            raise GiveUp
        parse = self.by_tag[tag] = self.parser(cls)
        return parse(v)

    def _blocks(self, v: Any) -> tuple[Any, ...]:
        """``tuple[Block, ...]``: each block by the parser of its tag (as :meth:`_block`, in one loop)."""
        if v.__class__ is not list:
            raise GiveUp
        if not v:
            return ()
        by_tag = self.by_tag
        out = []
        for e in v:
            parse = by_tag.get(e.get(BLOCK_TAG))  # (not an object: no get, an error, given up)
            out.append(self._by_tag(e) if parse is None else parse(e))
        return tuple(out)

    def _model(self, cls: type[Any]) -> Parse:
        """One function of straight-line code for ``cls`` (as cattrs makes its own, without its layers).

        It calls ``cls`` with every argument. An object with a key for each field and no other (as
        the library writes them) is read key by key; any other by ``get``, a missing key's argument
        being the default of ``__init__`` itself (the very object it takes when it is left out)."""
        hints = typing.get_type_hints(cls)
        keys = KEYS[cls]
        defaults = {name: p.default for name, p in inspect.signature(cls).parameters.items()}
        namespace: dict[str, Any] = {"GiveUp": GiveUp, "cls": cls, "M": _MISSING}
        fields = [(i, f) for i, f in enumerate(attrs.fields(cls)) if f.init]
        others = [keys[f.name] for f in attrs.fields(cls) if not f.init]
        values = {i: self._value(i, hints[f.name], namespace) for i, f in fields}
        arguments = ", ".join(f"{f.alias}=a{i}" for i, f in fields)
        call = f"return cls({arguments})"
        if type(cls) is type and cls.__new__ is _NEW:  # (what cls() does, without its dict of arguments)
            namespace["new"] = _NEW
            call = f"o = new(cls); cls.__init__(o, {arguments}); return o"
        whole = " and ".join([f"len(v) == {len(fields) + len(others)}", *(f"{k!r} in v" for k in others)])
        code = ["def model(v):", "    if v.__class__ is not dict: raise GiveUp", f"    if {whole}:"]
        for i, f in fields:  # (a key missing here means one the model does not know: a KeyError, given up)
            code += [f"        x = v[{keys[f.name]!r}]", *values[i]]
        code.append(f"        {call}")
        if self.every_key:  # (every key one of a field, of an argument or not: checked before any is read)
            missing = " + ".join(f"({keys[f.name]!r} not in v)" for _, f in fields) or "0"
            present = "".join(f" + ({k!r} in v)" for k in others)
            code.append(f"    if len(v) + {missing} != {len(fields)}{present}: raise GiveUp")
        for i, f in fields:
            code += [f"    x = v.get({keys[f.name]!r}, M)", "    if x is M:"]
            if defaults[f.alias] is inspect.Parameter.empty:
                code.append("        raise GiveUp")  # (as cls() would: an argument it needs)
            else:
                namespace[f"d{i}"] = defaults[f.alias]
                code.append(f"        a{i} = d{i}")
            code += ["    else:", *values[i]]
        code.append(f"    {call}")
        exec("\n".join(code), namespace)  # (code made here from the model's own fields)
        return namespace["model"]  # type: ignore[no-any-return]

    def _value(self, i: int, tp: Any, namespace: dict[str, Any]) -> list[str]:
        """Lines that check or structure the value ``x`` of a field of type ``tp`` into ``a{i}``."""
        inner = _optional(tp)
        if tp in _CHECKS or inner in _CHECKS:
            check = _CHECKS[tp] if tp in _CHECKS else f"x is None or {_CHECKS[inner]}"
            return [f"        if not ({check}): raise GiveUp", f"        a{i} = x"]
        if inner is not None:  # (the parser of X | None, inline)
            namespace[f"p{i}"] = self.parser(inner)
            return [f"        a{i} = None if x is None else p{i}(x)"]
        namespace[f"p{i}"] = self.parser(tp)
        if _array_of(tp) is not None:  # (an empty array, inline: as every array parser reads [])
            return [f"        a{i} = () if x.__class__ is list and not x else p{i}(x)"]
        return [f"        a{i} = p{i}(x)"]
