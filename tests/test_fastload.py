"""The fast path of lenient loading reads exactly what the converter reads: the same record for a
good one, and for a bad one either the same record or nothing (the converter then says why)."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lgo_decisions import Decision, SerialisationError, from_dict, to_dict
from lgo_decisions.serialise import _fast, converter
from lgo_decisions.testing import decisions

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 3) | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)


def _fast_or_none(data: Any) -> Decision | None:
    try:
        return _fast(data, Decision)  # type: ignore[no-any-return]
    except Exception:
        return None


def _places(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside the record (keys of objects, indexes of arrays)."""
    out = [path] if path else []
    if isinstance(data, dict):
        for k, v in data.items():
            out += _places(v, (*path, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out += _places(v, (*path, i))
    return out


def _replaced(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    data = copy.deepcopy(data)
    node = data
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return data


@given(decisions())
def test_good_records_read_the_same(d: Decision) -> None:
    data = to_dict(d)
    fast = _fast(data, Decision)
    assert fast == converter.structure(data, Decision)
    assert to_dict(fast) == data  # (equality ignores source and diagnostics: the dicts do not)


@given(decisions(max_sections=3, max_blocks=3), st.data(), JSON_VALUES)
def test_a_value_replaced_anywhere_is_read_the_same_or_left_to_the_converter(
    d: Decision, data: st.DataObject, value: Any
) -> None:
    record = to_dict(d)
    path = data.draw(st.sampled_from(_places(record)))
    bad = _replaced(record, path, value)
    fast = _fast_or_none(bad)
    try:
        slow = converter.structure(bad, Decision)
    except Exception:
        assert fast is None, (path, value)  # the fast path never takes what the converter refuses
        return
    if fast is not None:
        assert fast == slow
        assert to_dict(fast) == to_dict(slow)


@pytest.mark.parametrize(
    "record",
    [
        {"reference": "20 007 417", "decision_date": "2021-02-30"},
        {"reference": "20 007 417", "sections": [{"blocks": [{"type": "no_such_block"}]}]},
        {"reference": "20 007 417", "sections": [{"blocks": [{"type": "numbered_paragraph", "number": True}]}]},
        {"reference": "20 007 417", "sections": "The complaint"},
        {"reference": 20007417},
    ],
)
def test_bad_records_keep_the_converters_error(record: dict[str, Any]) -> None:
    assert _fast_or_none(record) is None
    with pytest.raises(SerialisationError, match="record does not fit schema v1"):
        from_dict(record)


def test_values_the_converter_coerces_are_left_to_it() -> None:
    record = {"reference": "20 007 417", "sections": [{"heading": "A", "level": 3.0}]}
    assert _fast_or_none(record) is None  # (a float that is a whole number: the converter's to read)
    assert from_dict(record).sections[0].level == 3
    dated = {"reference": "20 007 417", "decision_date": "2021-02-04"}
    assert _fast(dated, Decision).decision_date == dt.date(2021, 2, 4)
