"""``read()``: paths, str and bytes, decoding, size limit, errors."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from lgo_decisions import (
    DecodeError,
    InputTooLargeError,
    LgoDecisionsError,
    NotADecisionError,
    read,
    read_text,
)
from tests.seeds import seed

STEM = "000_9284c856b9d4e60e"


@pytest.mark.parametrize(
    "encode",
    [
        lambda s: s.encode("utf-8"),
        lambda s: codecs.BOM_UTF8 + s.encode("utf-8"),
        lambda s: s.encode("utf-16"),  # with its BOM
        lambda s: s.encode("cp1252"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16", "windows-1252"],
)
def test_bytes_in_every_encoding_read_the_same(encode) -> None:  # type: ignore[no-untyped-def]
    text = seed(STEM)
    assert read(encode(text)) == read_text(text)


def test_path_records_its_name_and_hash(tmp_path: Path) -> None:
    path = tmp_path / "statement.txt"
    path.write_text(seed(STEM), encoding="utf-8")
    d = read(path)
    assert d == read_text(seed(STEM))
    assert d.source is not None
    assert d.source.name == str(path)
    assert len(d.source.content_hash or "") == 64


def test_explicit_url_is_stored() -> None:
    url = "https://www.lgo.org.uk/decisions/children-s-care-services/child-protection/20-007-417"
    assert read(seed(STEM), url=url).url == url


def test_binary_is_a_decode_error() -> None:
    with pytest.raises(DecodeError):
        read(bytes(range(256)) * 4)


def test_not_a_statement() -> None:
    with pytest.raises(NotADecisionError):
        read("Hello.\nThis is a shopping list, not a decision.\n- eggs\n- milk")


def test_empty_input_is_not_a_statement() -> None:
    with pytest.raises(NotADecisionError):
        read("")


def test_size_limit() -> None:
    with pytest.raises(InputTooLargeError):
        read("x" * 2000, max_bytes=1000)


def test_errors_share_one_root() -> None:
    for exc in (DecodeError, InputTooLargeError, NotADecisionError):
        assert issubclass(exc, LgoDecisionsError)


def test_a_string_naming_a_file_is_a_path(tmp_path: Path) -> None:
    path = tmp_path / "statement.txt"
    path.write_text(seed(STEM), encoding="utf-8")
    assert read(str(path)) == read_text(seed(STEM))


def test_a_byte_order_mark_left_in_text_is_ignored() -> None:
    assert read_text("\ufeff" + seed(STEM)) == read_text(seed(STEM))


def test_title_suffix_of_a_joint_decision_comes_from_the_address() -> None:
    url = "https://www.lgo.org.uk/decisions/health/assessment-and-funding/20-007-417c"
    d = read_text(seed(STEM), url=url)
    assert d.reference == "20 007 417c"
    assert d.diagnostics == ()
