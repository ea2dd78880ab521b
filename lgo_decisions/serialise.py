"""Serialisation through cattrs converters: dicts, JSON and JSON Lines, schema v1 keys.

The converters do all the checking, once, as they structure: blocks are a tagged union
(``cattrs.strategies.configure_tagged_union``), stored keys come from one table
(:data:`lgo_decisions.serialise.KEYS`, through ``cattrs.gen.override(rename=...)``), strict loading
uses a second converter made with ``forbid_extra_keys=True``, and a few hooks refuse what cattrs
alone would coerce (a string read as an array of characters, a non-object read as an object).
The loader so accepts exactly what the JSON Schema (:mod:`lgo_decisions.jsonschema`) admits.

>>> from lgo_decisions import Decision, dumps, loads
>>> d = Decision(reference="20 007 417")
>>> loads(dumps(d)) == d
True
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import typing
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import cattrs
import cattrs.v
from cattrs.cols import list_structure_factory
from cattrs.errors import AttributeValidationNote, BaseValidationError, ClassValidationError, ForbiddenExtraKeysError
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override
from cattrs.strategies import configure_tagged_union

from . import _fastjson
from ._fastdump import register_blocks_unstructure
from ._fastload import Loader
from ._jsontext import decode, fast_decoder, utf8
from ._keys import BLOCK_TAG, KEYS
from ._limits import MAX_INPUT_BYTES
from ._sources import as_path, is_binary_writer, load_source, looks_like_path, open_for_writing
from ._validators import missing_statement
from .errors import NoSuchFileError, SerialisationError
from .extensions import structure_extensions, unstructure_extensions
from .migrations import migrate
from .model import BLOCK_TYPES, DATE_PATTERN, Block, Decision, OutcomeCode, Severity

__all__ = [
    "BLOCK_TAG",
    "KEYS",
    "converter",
    "dump_jsonl",
    "dumps",
    "from_dict",
    "load_jsonl",
    "loads",
    "make_converter",
    "strict_converter",
    "to_dict",
]

_DATE = re.compile(DATE_PATTERN)
_TAGS = {cls: tag for tag, cls in BLOCK_TYPES.items()}


def _kind(value: object) -> str:
    """The JSON kind of a value, for messages: 'an object', 'a string', ..."""
    return {
        dict: "an object",
        list: "an array",
        str: "a string",
        bool: "a boolean",
        type(None): "null",
        int: "a number",
        float: "a number",
    }.get(type(value), type(value).__name__)


def _structure_date(value: Any, _: Any) -> dt.date:
    return _date(value)


def _date(value: Any) -> dt.date:
    if not isinstance(value, str):
        raise TypeError(f"a date must be an ISO string, got {type(value).__name__}")
    if not _DATE.fullmatch(value):  # the JSON Schema's pattern; fromisoformat alone takes '20210204' too
        raise ValueError(f"a date must be a real date written YYYY-MM-DD, got {value!r}")
    return dt.date.fromisoformat(value)


def _structure_datetime(value: Any, _: Any) -> dt.datetime:
    if not isinstance(value, str):
        raise TypeError(f"a date and time must be an ISO string, got {type(value).__name__}")
    return dt.datetime.fromisoformat(value[:-1] + "+00:00" if value.endswith("Z") else value)


def _is_extensions(t: Any) -> bool:
    return bool(t == dict[str, Any])  # only Decision.extensions has this type in schema v1


def _structure_str(value: Any, _: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {type(value).__name__}")
    return value


def _structure_int(value: Any, _: Any) -> int:
    if isinstance(value, float) and value.is_integer():  # JSON Schema counts 2.0 as an integer
        return int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"expected a whole number, got {type(value).__name__}")
    return value


def _structure_bool(value: Any, _: Any) -> bool:  # (for extension payloads: not the int hook, which refuses bools)
    if not isinstance(value, bool):
        raise TypeError(f"expected true or false, got {type(value).__name__}")
    return value


def _is_model(t: Any) -> bool:
    return isinstance(t, type) and t in KEYS


def _renames(cls: type[Any]) -> dict[str, Any]:
    """``cattrs.gen.override(rename=...)`` of every field of a model: its stored key from ``KEYS``."""
    return {name: override(rename=key) for name, key in KEYS[cls].items()}


def _object_hook(cls: type[Any], conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """A model from a JSON object (cattrs' generated hook would test keys of a string with ``in``)."""
    inner = make_dict_structure_fn(cls, conv, **_renames(cls))

    def structure(value: Any, _: Any) -> Any:
        if not isinstance(value, dict):
            raise TypeError(f"expected an object, got {_kind(value)}")
        return inner(value, cls)

    return structure


def _is_array(t: Any) -> bool:
    return typing.get_origin(t) is tuple and len(typing.get_args(t)) == 2 and typing.get_args(t)[1] is Ellipsis


def _array_hook(tp: Any, conv: cattrs.Converter) -> Callable[[Any, Any], tuple[Any, ...]]:
    """``tuple[T, ...]`` from a JSON array only (cattrs would iterate the characters of a string)."""
    elements: Callable[[Any, Any], list[Any]] | None = None

    def structure(value: Any, _: Any) -> tuple[Any, ...]:
        nonlocal elements
        if not isinstance(value, list):
            raise TypeError(f"expected an array, got {_kind(value)}")
        if elements is None:  # at first use: blocks nest, and make_converter wraps the block hook last
            elements = list_structure_factory(tp, conv)
        return tuple(elements(value, tp))

    return structure


def _checked_blocks(tagged: Callable[[Any, Any], Block]) -> Callable[[Any, Any], Block]:
    """The tagged-union hook, after the checks whose failure it would report as a bare KeyError."""

    def structure(value: Any, _: Any) -> Block:
        if not isinstance(value, dict):
            raise TypeError(f"expected a block object, got {_kind(value)}")
        tag = value.get(BLOCK_TAG)
        if not (isinstance(tag, str) and tag in BLOCK_TYPES):
            exc = ValueError(f"unknown block type {tag!r}, expected one of {sorted(BLOCK_TYPES)}")
            note = AttributeValidationNote(f"Structuring {BLOCK_TAG!r}", BLOCK_TAG, str)  # the path: ...type
            exc.__notes__ = [note]  # type: ignore[attr-defined]
            raise ClassValidationError("While structuring a block", [exc], dict)
        return tagged(value, Block)

    return structure


def make_converter(*, forbid_extra_keys: bool = False, payloads: cattrs.Converter | None = None) -> cattrs.Converter:
    """A converter for schema v1 records: ISO dates, enumerations by value, tagged blocks, stored keys.

    The library's own are :data:`converter` and (``forbid_extra_keys=True``) :data:`strict_converter`;
    make another to register hooks of your own on it. Extension payloads are structured by the
    converter ``payloads`` (default: the new converter itself), so that strict loading reads them
    as lenient loading does.

    >>> import datetime as dt
    >>> conv = make_converter()
    >>> conv.unstructure(Decision(reference="20 007 417", decision_date=dt.date(2021, 2, 4)))["decision_date"]
    '2021-02-04'
    """
    conv = cattrs.Converter(detailed_validation=True, forbid_extra_keys=forbid_extra_keys)
    extensions = conv if payloads is None else payloads
    conv.register_unstructure_hook(dt.date, lambda d: d.isoformat())
    conv.register_structure_hook(dt.date, _structure_date)
    conv.register_structure_hook(dt.datetime, _structure_datetime)  # for extension payloads
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(OutcomeCode, lambda v, _: OutcomeCode(v))  # not the str hook: an enum
    conv.register_unstructure_hook(OutcomeCode, lambda c: c.value)  # plain str, not the enum member
    conv.register_structure_hook(Severity, lambda v, _: Severity(v))
    conv.register_unstructure_hook(Severity, lambda s: s.value)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook_factory(_is_array, _array_hook)
    conv.register_structure_hook_factory(_is_model, _object_hook)
    # every field under its stored key; the blocks' "type" (an init=False field) written first, as the tag
    conv.register_unstructure_hook_factory(
        _is_model, lambda cls, c: make_dict_unstructure_fn(cls, c, _cattrs_include_init_false=True, **_renames(cls))
    )
    # Decision.extensions: registered namespaces typed, unknown ones verbatim (lgo_decisions.extensions).
    conv.register_structure_hook_func(_is_extensions, lambda v, _: structure_extensions(v, extensions))
    conv.register_unstructure_hook_func(_is_extensions, lambda v: unstructure_extensions(v, conv))
    configure_tagged_union(Block, conv, tag_generator=_TAGS.__getitem__, tag_name=BLOCK_TAG)
    register_blocks_unstructure(conv)  # (after the union's hooks: a list of blocks by each one's own)
    conv.register_structure_hook(Block, _checked_blocks(conv.get_structure_hook(Block)))
    return conv


converter: cattrs.Converter = make_converter()
"""The library's converter of lenient loading and of writing (also used by plugins for their extension payloads)."""

strict_converter: cattrs.Converter = make_converter(forbid_extra_keys=True, payloads=converter)
"""The converter of strict loading: refuses keys the schema does not name (extension payloads aside)."""


def _format_exception(exc: BaseException, type_: Any) -> str:
    if isinstance(exc, ForbiddenExtraKeysError):
        keys = sorted(exc.extra_fields)
        return "unknown key" + ("s " if len(keys) > 1 else " ") + ", ".join(map(repr, keys))
    # our hooks and the models' validators say what was wrong: keep their words
    if isinstance(exc, (ValueError, TypeError)) and exc.args and isinstance(exc.args[0], str):
        return exc.args[0]
    return cattrs.v.format_exception(exc, type_)


def _error(exc: BaseException) -> SerialisationError:
    if isinstance(exc, BaseValidationError):
        messages = cattrs.transform_error(exc, path="$", format_exception=_format_exception)
        return SerialisationError("record does not fit schema v1: " + "; ".join(messages))
    return SerialisationError(f"record does not fit schema v1: {exc}")


_fast = Loader({dt.date: _date, dict[str, Any]: lambda v: structure_extensions(v, converter)})


def _lenient(data: dict[str, Any]) -> Decision:
    """``converter.structure(data, Decision)``, by the fast path where it can tell (the same record)."""
    try:
        return _fast(data, Decision)  # type: ignore[no-any-return]
    except Exception:  # (it gave up, or the record is bad: the converter reads it, or says what is wrong)
        return converter.structure(data, Decision)


def to_dict(decision: Decision) -> dict[str, Any]:
    """The record as a dict of plain JSON types, with the schema v1 keys.

    >>> import datetime as dt
    >>> from lgo_decisions.model import Category
    >>> data = to_dict(Decision(reference="20 007 417", decision_date=dt.date(2021, 2, 4),
    ...                         category=Category(area="Education", subject="School transport")))
    >>> data["reference"], data["decision_date"], data["category"]
    ('20 007 417', '2021-02-04', {'area': 'Education', 'subject': 'School transport'})
    """
    return converter.unstructure(decision)  # type: ignore[no-any-return]


def from_dict(data: dict[str, Any], *, strict: bool = False) -> Decision:
    """Load a record from a dict; raises :class:`SerialisationError` naming the field path.

    Records of an older schema version are migrated (:mod:`lgo_decisions.migrations`). Keys that
    schema v1 does not name are ignored, or with ``strict=True`` rejected (docs/compatibility.md).
    A record with no reference, no sections and no source names no statement, and is refused.

    >>> from_dict({"reference": "20 007 417", "sections": [{"heading": "The complaint"}]}).sections[0].level
    2
    >>> from_dict({"reference": "20 007 417", "colour": "blue"}, strict=True)
    Traceback (most recent call last):
    ...
    lgo_decisions.errors.SerialisationError: record does not fit schema v1: unknown key 'colour' @ $
    >>> from_dict({"outcome": None})
    Traceback (most recent call last):
    ...
    lgo_decisions.errors.SerialisationError: record does not fit schema v1: no reference, no sections and no source: ...
    """
    if not isinstance(data, dict):
        raise SerialisationError(f"a record must be a JSON object, got {type(data).__name__}")
    data = migrate(data)
    try:
        decision: Decision = strict_converter.structure(data, Decision) if strict else _lenient(data)
    except (BaseValidationError, ValueError, TypeError, KeyError) as exc:
        raise _error(exc) from None
    except RecursionError:
        raise SerialisationError("record does not fit schema v1: nested too deeply to load") from None
    problem = missing_statement(decision)
    if problem is not None:
        raise SerialisationError(f"record does not fit schema v1: {problem} @ $")
    return decision


_LINE_BREAKS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"})

_ENCODER = json.JSONEncoder(ensure_ascii=False, allow_nan=False)  # (made once, as json.dumps's own default)
# Records are trees: without the check for a cycle encoding costs a tenth less. A cycle (or deep nesting) in an
# extension payload ends it in a RecursionError; _ENCODER then fails as ever (ValueError, RecursionError).
_TREE_ENCODER = json.JSONEncoder(ensure_ascii=False, allow_nan=False, check_circular=False)


def dumps(decision: Decision, *, indent: int | None = None) -> str:
    """The record as JSON text (UTF-8 characters kept; Unicode line separators escaped).

    U+2028, U+2029 and U+0085 can only occur inside JSON strings, where the escape is equivalent;
    escaping them keeps a JSON Lines record on one line for tools that split on them.

    >>> from lgo_decisions.model import Organisation
    >>> dumps(Decision(organisations=[Organisation(name="Conseil\\u2028Général")]))
    '{"schema_version": "1.1", "reference": null, "organisations": [{"name": "Conseil\\\\u2028Général", ...}], ...}'
    """
    try:
        data = to_dict(decision)
    except RecursionError:  # (an extension payload holding itself, or nested beyond the interpreter's limit)
        raise SerialisationError(f"cannot write the record as JSON: {_TOO_DEEP}") from None
    return _encode_record(data, indent=indent)


_TOO_DEEP = "a value nested too deeply (or in itself)"


def _encode_checked(data: dict[str, Any]) -> str:  # (with the check for cycles: a cycle's ValueError, as ever)
    try:
        return _ENCODER.encode(data)
    except RecursionError:
        raise ValueError(_TOO_DEEP) from None


def _encode_record(data: dict[str, Any], *, indent: int | None = None) -> str:  # (dumps of a to_dict: the database's)
    try:
        if indent is not None:
            text = json.JSONEncoder(ensure_ascii=False, indent=indent, allow_nan=False).encode(data)
        else:
            try:
                text = _TREE_ENCODER.encode(data)
            except RecursionError:
                text = _encode_checked(data)
    except ValueError as exc:  # NaN and infinities (in extension payloads) are not JSON
        raise SerialisationError(f"cannot write the record as JSON: {exc}") from None
    if not text.isascii() and not utf8(text):  # (a lone surrogate is no text: no file could hold it)
        raise SerialisationError("cannot write the record as JSON: a string holds a lone surrogate")
    if "\u2028" in text or "\u2029" in text or "\x85" in text:
        text = text.translate(_LINE_BREAKS)
    return text


def loads(text: str | bytes | os.PathLike[str] | IO[str] | IO[bytes], *, strict: bool = False) -> Decision:
    """Load a record from JSON text (``strict`` as in :func:`from_dict`), or from a path or open
    file holding it, by the rule of :func:`lgo_decisions.read`.

    >>> loads('{"reference": "20 007 417", "outcome": {"code": "upheld", "label": "Upheld"}}').outcome.code
    <OutcomeCode.UPHELD: 'upheld'>
    >>> loads("{'reference': ...}")
    Traceback (most recent call last):
    ...
    lgo_decisions.errors.SerialisationError: not JSON: Expecting property name enclosed in double quotes: ...
    """
    if not isinstance(text, (str, bytes)) or (isinstance(text, str) and looks_like_path(text)):
        text = load_source(text, MAX_INPUT_BYTES)[0]
    return _load_json(text, strict)


def _load_json(text: str | bytes, strict: bool) -> Decision:
    """:func:`loads` of JSON text (never a path: a line of JSON Lines)."""
    fast = None if strict else fast_decoder()
    if fast is not None:
        try:
            return _fastjson.structure(_fast_json, fast(text))
        except Exception:  # (anything it cannot tell: read as ever, to the same record or error)
            pass
    return from_dict(decode(text), strict=strict)


_fast_json = _fastjson.loader(_date)


def dump_jsonl(decisions: Iterable[Decision], fp: IO[str] | IO[bytes] | str | os.PathLike[str]) -> int:
    """Write one JSON record a line to an open file (text or binary, UTF-8) or to a path (created
    or replaced; a missing folder is a :class:`~lgo_decisions.errors.NoSuchFileError`); returns
    how many were written.

    >>> import io
    >>> out = io.StringIO()
    >>> dump_jsonl([Decision(reference="20 007 417"), Decision(reference="21 000 001")], out)
    2
    >>> len(out.getvalue().splitlines())
    2
    """
    if isinstance(fp, (str, os.PathLike)):
        with open_for_writing(Path(fp)) as out:
            return dump_jsonl(decisions, out)
    binary = is_binary_writer(fp)
    count = 0
    for decision in decisions:
        line = dumps(decision) + "\n"
        fp.write(line.encode("utf-8") if binary else line)  # type: ignore[arg-type]
        count += 1
    return count


def load_jsonl(fp: Iterable[str | bytes] | str | os.PathLike[str], *, strict: bool = False) -> Iterator[Decision]:
    """Read records from JSON Lines one at a time (blank lines skipped; ``strict`` as in :func:`from_dict`).

    ``fp`` is an open file (text or binary) or any iterable of lines, a path (by the rule of
    :func:`lgo_decisions.read`; a missing one is a :class:`~lgo_decisions.errors.NoSuchFileError`),
    or a ``str`` of JSON Lines text.

    Raises :class:`SerialisationError` naming the line of a bad record.

    >>> lines = ['{"reference": "20 007 417"}', "", '{"reference": "21 000 001"}']
    >>> [d.reference for d in load_jsonl(lines)]
    ['20 007 417', '21 000 001']
    >>> list(load_jsonl(['{"reference": "20 007 417"}', '{"reference": 7}']))
    Traceback (most recent call last):
    ...
    lgo_decisions.errors.SerialisationError: line 2: record does not fit schema v1: ...
    """
    if isinstance(fp, (str, os.PathLike)):
        path = as_path(fp)
        if path is None:
            return _load_lines(str(fp).splitlines(), strict, "")
        try:  # (opened now: a missing file fails at the call, not at the first record)
            file = path.open("rb")
        except FileNotFoundError:
            raise NoSuchFileError(path) from None
        return _load_file(file, strict, f"{path}: ")
    return _load_lines(fp, strict, "")


def _load_file(file: IO[bytes], strict: bool, where: str) -> Iterator[Decision]:
    with file:
        yield from _load_lines(file, strict, where)


_PLAIN = (str, bytes)  # (for them: not line.strip() is not line or line.isspace())


def _load_lines(fp: Iterable[str | bytes], strict: bool, where: str) -> Iterator[Decision]:
    for lineno, line in enumerate(fp, 1):
        if (not line or line.isspace()) if line.__class__ in _PLAIN else not line.strip():  # (no stripped copy)
            continue
        try:
            # (a line is data, never a path; anything else goes by the rule of loads, and fails as it would)
            yield _load_json(line, strict) if isinstance(line, (str, bytes)) else loads(line, strict=strict)
        except SerialisationError as exc:
            raise SerialisationError(f"{where}line {lineno}: {exc}") from None
