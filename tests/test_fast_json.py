"""orjson's reading of JSON (the fast path of ``loads`` and ``load_jsonl``) never gives a different
record or error: where it reads a text, it reads the standard library's data (but for an integer
beyond 64 bits, which it reads as a float); and ``loads`` gives what the standard library's path
gives on arbitrary records, good, bad or odd."""

from __future__ import annotations

import copy
import json
import math
import struct
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lgo_decisions import Decision, SerialisationError, dumps, from_dict, load_jsonl, loads
from lgo_decisions._fastjson import structure
from lgo_decisions._jsontext import decode, fast_decoder
from lgo_decisions.serialise import _fast_json, _load_json, to_dict
from lgo_decisions.testing import decisions

from .test_fastload import _places

orjson = pytest.importorskip("orjson", reason="the fast path needs pip install 'lgo-decisions[fast]'")

BIG = 2**64
INTEGERS = st.integers() | st.integers(-(2**70), 2**70) | st.sampled_from([BIG - 1, BIG, -(2**63), -(2**63) - 1])
FLOATS = st.floats() | st.sampled_from([1e308, 5e-324, -0.0, 2.2250738585072011e-308, 1e400])
TEXT = st.text() | st.text(st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF) | st.sampled_from('a\\"\n'))
LEAVES = st.none() | st.booleans() | INTEGERS | FLOATS | TEXT
VALUES = st.recursive(
    LEAVES, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4), max_leaves=12
)


def _same(a: Any, b: Any) -> bool:
    """Equal, of the same types, floats bit for bit, objects' keys in the same order."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        return struct.pack("<d", a) == struct.pack("<d", b) or (math.isnan(a) and math.isnan(b))
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(map(_same, a, b))
    return bool(a == b)


def _same_but_big_ints(fast: Any, slow: Any) -> bool:
    """:func:`_same`, but for integers beyond 64 bits read as the nearest float."""
    if isinstance(slow, int) and not isinstance(slow, bool) and not -(2**63) <= slow < 2**64:
        return type(fast) is float and fast == float(slow)
    if type(fast) is not type(slow):
        return False
    if isinstance(slow, dict):
        return list(fast) == list(slow) and all(_same_but_big_ints(fast[k], slow[k]) for k in slow)
    if isinstance(slow, list):
        return len(fast) == len(slow) and all(map(_same_but_big_ints, fast, slow))
    return _same(fast, slow)


def _outcome(fn: Any, *args: Any) -> tuple[str, Any]:
    try:
        return "ok", fn(*args)
    except Exception as exc:
        return type(exc).__name__, str(exc)


def _texts(value: Any) -> list[str | bytes]:
    """The same value written several ways (escaped or not, spaced, as bytes)."""
    out: list[str | bytes] = []
    for ensure_ascii in (True, False):
        text = json.dumps(value, ensure_ascii=ensure_ascii)
        out += [text, " " + text + "\n", json.dumps(value, ensure_ascii=ensure_ascii, indent=1)]
    if isinstance(out[3], str):
        out.append(out[3].encode("utf-8", "surrogatepass"))
    return out


def _orjson_reads_the_same(text: str | bytes) -> None:
    fast = _outcome(orjson.loads, text)
    if fast[0] != "ok":
        return  # (refused: the caller reads it again with the standard library)
    slow = _outcome(decode, text)
    assert slow[0] == "ok", (text, slow)
    assert _same_but_big_ints(fast[1], slow[1]), text  # (a float: no field takes one)


@settings(max_examples=300)
@given(VALUES)
def test_orjson_reads_what_it_reads_as_the_standard_library(value: Any) -> None:
    for text in _texts(value):
        _orjson_reads_the_same(text)


@given(st.lists(st.tuples(st.sampled_from("abc"), LEAVES), max_size=6), st.sampled_from(["", " ", "\t", "\r\n"]))
def test_duplicate_keys_and_white_space_read_the_same(pairs: list[tuple[str, Any]], space: str) -> None:
    text = "{" + ",".join(f"{space}{json.dumps(k)}{space}:{space}{json.dumps(v)}" for k, v in pairs) + "}"
    _orjson_reads_the_same(text)


@pytest.mark.parametrize(
    "text",
    [
        "NaN",
        '{"a": Infinity}',
        "-Infinity",
        "1e400",
        '"\\ud800"',
        '"\\udc00\\ud800"',
        "\ufeff{}",
        b"\xef\xbb\xbf{}",
        '{"a": 1}'.encode("utf-16"),
        '{"a": 1}'.encode("utf-32-le"),
        b'{"a": "\xed\xa0\x80"}',
        "[" * 1100 + "]" * 1100,
        '{"a": 1} x',
        "[1,]",
    ],
)
def test_what_orjson_refuses_or_reads_otherwise_is_read_as_ever(text: str | bytes) -> None:
    assert _outcome(_load_json, text, False) == _outcome(lambda t: from_dict(decode(t)), text)


def _slow(text: str | bytes) -> tuple[str, Any]:
    """The standard library's path, as loads always read: (status, record's JSON and its source or error)."""
    got = _outcome(lambda t: from_dict(decode(t)), text)
    return (got[0], (dumps(got[1]), got[1].source, got[1].diagnostics)) if got[0] == "ok" else got


def _fast(text: str | bytes) -> tuple[str, Any]:
    got = _outcome(_load_json, text, False)
    return (got[0], (dumps(got[1]), got[1].source, got[1].diagnostics)) if got[0] == "ok" else got


def _changed(data: Any, path: tuple[Any, ...], value: Any, new_key: str | None) -> Any:
    data = copy.deepcopy(data)
    if not path:
        return value
    node = data
    for step in path[:-1]:
        node = node[step]
    if new_key is not None and isinstance(node[path[-1]], dict):
        node[path[-1]][new_key] = value  # (a key added)
    else:
        node[path[-1]] = value
    return data


@given(decisions(max_sections=3, max_blocks=3))
def test_good_records_take_the_fast_path_to_the_same_record(d: Decision) -> None:
    text = dumps(d)
    assert _fast(text) == _slow(text)
    if not d.extensions:  # (payloads are read as ever)
        assert dumps(structure(_fast_json, orjson.loads(text))) == text


@settings(max_examples=300)
@given(
    decisions(max_sections=3, max_blocks=3),
    st.data(),
    VALUES | st.sampled_from([BIG, -(2**63) - 1, 3.0, "1.0", "2.7", {}, [], "numbered_paragraph"]),
    st.none() | st.sampled_from(["colour", "type", "schema_version", "extensions", "text"]),
)
def test_any_record_reads_as_the_standard_librarys_path(
    d: Decision, data: st.DataObject, value: Any, new_key: str | None
) -> None:
    record = to_dict(d)
    path = data.draw(st.sampled_from([(), *_places(record)]))  # (the record itself too)
    changed = _changed(record, path, value, new_key)
    text = json.dumps(changed, ensure_ascii=data.draw(st.booleans()))
    assert _fast(text) == _slow(text), text
    assert _fast(text.encode("utf-8", "surrogatepass")) == _slow(text.encode("utf-8", "surrogatepass"))


def test_big_integers_deep_nesting_and_payloads_are_read_as_ever() -> None:
    base = {"reference": "20 007 417", "sections": [{"heading": "A", "level": 2}]}
    for record in (
        {**base, "sections": [{"heading": "A", "level": BIG + 1}]},
        {**base, "sections": [{"heading": "A", "level": 18446744073709551616}]},
        {**base, "colour": [[[[[[[[[[0]]]]]]]]]]},
        {**base, "extensions": {"example.n": {"n": BIG + 3}}},
        {**base, "schema_version": "1.0"},
        {**base, "schema_version": "2.0"},
        {**base, "schema_version": 1.1},
    ):
        text = json.dumps(record)
        assert _fast(text) == _slow(text), text
    deep = '{"reference": "20 007 417", "junk": ' + "[" * 990 + "]" * 990 + "}"
    assert _fast(deep) == _slow(deep)
    assert from_dict({**base, "extensions": {"example.n": {"n": BIG + 3}}}).extensions == {"example.n": {"n": BIG + 3}}


def test_load_jsonl_reads_lines_either_way() -> None:
    good = dumps(Decision(reference="20 007 417"))
    assert fast_decoder() is orjson.loads
    assert [d.reference for d in load_jsonl([good, "", good.encode("utf-8")])] == ["20 007 417"] * 2
    with pytest.raises(SerialisationError, match=r"^line 2: not JSON: NaN is not JSON$"):
        list(load_jsonl([good, "NaN"]))
    with pytest.raises(SerialisationError, match=r"^line 3: not JSON: Expecting value: line 1 column 1 \(char 0\)$"):
        list(load_jsonl([good, good, "x"]))
    with pytest.raises(SerialisationError, match=r"^not JSON: NaN is not JSON$"):
        loads('{"reference": NaN}')


def _nested(levels: int) -> str:
    """A record whose first section holds numbered paragraphs nested ``levels`` deep."""
    head = '{"type": "numbered_paragraph", "number": 1, "text": "x", "blocks": ['
    return (
        '{"reference": "20 007 417", "sections": [{"heading": "A", "blocks": [' + head * levels + "]}" * levels + "]}]}"
    )


def _at_depth(frames: int, fn: Any) -> Any:
    return fn() if frames == 0 else _at_depth(frames - 1, fn)


def test_records_nested_to_the_recursion_limit_fail_where_the_standard_path_fails(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def run(text: str, decoder: Any) -> tuple[str, str]:  # (the same frames for either decoder)
        monkeypatch.setattr("lgo_decisions._jsontext._fast", decoder)
        status, got = _outcome(_load_json, text, False)
        return status, str(got)

    low, high = 1, 2000  # (the first depth the standard path refuses, from here)
    while low < high:
        mid = (low + high) // 2
        low, high = (mid + 1, high) if run(_nested(mid), None)[0] == "ok" else (low, mid)
    seen = set()
    for frames in range(8):  # (each depth of the caller's stack: the limit falls between levels at one of them)
        for levels in range(low - 6, low + 2):
            text = _nested(levels)
            slow = _at_depth(frames, lambda: run(text, None))  # noqa: B023
            fast = _at_depth(frames, lambda: run(text, orjson.loads))  # noqa: B023
            assert fast == slow, (frames, levels)
            seen.add(slow[1][:40])
    assert len(seen) == 3, seen  # (a record; the decoder's error; the converter's, between the two)
