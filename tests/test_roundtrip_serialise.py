"""Serialisation round trips over generated decisions: dict, JSON, JSON Lines, and error paths."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lgo_decisions import Decision, SerialisationError, dump_jsonl, dumps, from_dict, load_jsonl, loads, to_dict
from lgo_decisions.model import NumberedParagraph, Section
from lgo_decisions.testing import decisions


def _plain_json(value: Any) -> bool:
    """Whether ``value`` holds only the types ``json`` writes: dict (str keys), list, str, int, float, bool, None."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return True
    if isinstance(value, list):
        return all(_plain_json(v) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _plain_json(v) for k, v in value.items())
    return False


@given(decisions())
def test_dict_round_trip(d: Decision) -> None:
    assert from_dict(to_dict(d)) == d


@given(decisions())
def test_json_round_trip(d: Decision) -> None:
    assert loads(dumps(d)) == d
    assert loads(dumps(d, indent=2)) == d


@given(decisions())
def test_to_dict_holds_only_plain_json_types(d: Decision) -> None:
    data = to_dict(d)
    assert _plain_json(data)
    assert json.loads(json.dumps(data)) == data  # no tuples, no dates, no enums


@given(decisions())
def test_dumps_is_stable(d: Decision) -> None:
    assert dumps(loads(dumps(d))) == dumps(d)


@given(st.lists(decisions(max_sections=3, max_blocks=3), max_size=5))
def test_jsonl_stream_round_trip(ds: list[Decision]) -> None:
    fp = io.StringIO()
    assert dump_jsonl(ds, fp) == len(ds)
    text = fp.getvalue()
    assert text.count("\n") == len(ds)  # one record a line: no raw newline inside a record
    assert list(load_jsonl(io.StringIO(text))) == ds


@given(st.lists(decisions(readable=True, max_sections=3, max_blocks=3), max_size=4))
def test_jsonl_stream_from_bytes_lines_with_blank_lines(ds: list[Decision]) -> None:
    fp = io.StringIO()
    dump_jsonl(ds, fp)
    # as a binary file iterates: split at "\n" only (records may hold U+2028 or U+0085)
    lines = [line.encode("utf-8") + b"\n" for line in fp.getvalue().split("\n")[:-1]]
    with_blanks = [b for line in lines for b in (line, b"\n")]
    assert list(load_jsonl(with_blanks)) == ds


def _record() -> dict[str, Any]:
    d = Decision(
        reference="20 007 417",
        sections=[Section(heading="The complaint", blocks=[NumberedParagraph(number=1, text="A.")])],
    )
    return to_dict(d)


@pytest.mark.parametrize(
    ("path", "value", "where"),
    [
        (("sections", 0, "blocks", 0, "number"), "one", "$.sections[0].blocks[0].number"),
        (("sections", 0, "blocks", 0, "number"), 0, "$.sections[0].blocks[0].number"),
        (("sections", 0, "level"), 9, "$.sections[0].level"),
        (("sections", 0, "heading"), 12, "$.sections[0].heading"),
        (("decision_date",), "4 Feb 2021", "$.decision_date"),
        (("reference",), "2007417", "$.reference"),
    ],
)
def test_errors_name_the_field_path(path: tuple[Any, ...], value: Any, where: str) -> None:
    data = _record()
    target: Any = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    with pytest.raises(SerialisationError) as info:
        from_dict(data)
    message = str(info.value)
    # the whole path, or (for a value a model validator rejects) the element's path and the field's name
    parent, _, field = where.rpartition(".")
    assert where in message or (f"@ {parent}" in message and f"{field} must" in message), message


def test_unknown_block_type_names_the_path() -> None:
    data = _record()
    data["sections"][0]["blocks"][0]["type"] = "table"
    with pytest.raises(SerialisationError, match=r"\$\.sections\[0\]\.blocks\[0\]"):
        from_dict(data)


def test_jsonl_error_names_the_line_and_path() -> None:
    good = dumps(Decision(reference="20 007 417"))
    bad = json.dumps({**_record(), "sections": [{"heading": None, "level": 2, "blocks": [{"type": "paragraph"}]}]})
    with pytest.raises(SerialisationError, match=r"line 2: .*\$\.sections\[0\]\.blocks\[0\]"):
        list(load_jsonl(io.StringIO(good + "\n" + bad + "\n")))


def test_unicode_line_separators_stay_inside_one_json_line() -> None:
    d = Decision(reference="20 007 417", summary="a\u2028b\u2029c\x85d")
    text = dumps(d)
    assert len(text.splitlines()) == 1
    assert loads(text) == d


def test_outcome_code_unstructures_to_a_plain_string() -> None:
    from lgo_decisions import to_dict
    from lgo_decisions.model import Outcome, OutcomeCode

    data = to_dict(Decision(outcome=Outcome(code=OutcomeCode.UPHELD, label="Upheld")))
    assert type(data["outcome"]["code"]) is str


def test_an_extension_payload_holding_itself_is_a_typed_error() -> None:
    payload: dict[str, Any] = {}
    payload["self"] = payload
    with pytest.raises(SerialisationError, match="nested too deeply"):
        dumps(Decision(reference="20 007 417", extensions={"x": payload}))


@given(decisions())
def test_records_encode_as_with_the_check_for_cycles(d: Decision) -> None:
    from lgo_decisions import serialise

    data = to_dict(d)
    assert serialise._TREE_ENCODER.encode(data) == serialise._ENCODER.encode(data)
