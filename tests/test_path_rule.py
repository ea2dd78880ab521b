"""The path rule's quick answers are the answers of the rule itself: ``looks_like_path`` decides as
its plain statement (below, as it was written before its shortcuts) on any string, except that a
name longer than any file system allows is data wherever it stands; a line of JSON Lines is never
a path."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lgo_decisions import Decision, SerialisationError, dumps, load_jsonl, loads, readers
from lgo_decisions._sources import PATH_SUFFIXES, _name_too_long, looks_like_path
from lgo_decisions.errors import NoSuchFileError
from lgo_decisions.testing import decisions


def plain_rule(text: str) -> bool:
    """The rule as written before its shortcuts (a regex for control characters, a Path to stat)."""
    if not text.strip() or len(text) > 4096 or re.search(r"[\x00-\x1f\x7f]", text):
        return False
    try:
        if Path(text).is_file():
            return True
    except (OSError, ValueError):
        return False
    if os.path.splitext(text)[1].lower() in PATH_SUFFIXES | readers.suffixes():
        return True
    return re.search(r"[/\\]", text) is not None and not any(c.isspace() for c in text)


PATHISH = st.text(alphabet=st.sampled_from('ab./\\ \t\n\x7f\u00a0\u2028{}":xé'), max_size=12)
NAMES = st.sampled_from(["", "a", "x" * 255, "x" * 256, "é" * 200, "statement.txt", "pages", ".json", "."])


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "a.b").write_text("x", encoding="utf-8")
    (tmp_path / "statement.txt").write_text("x", encoding="utf-8")
    (tmp_path / "ab").write_text("x", encoding="utf-8")
    return tmp_path


def _agrees(text: str) -> None:
    assert looks_like_path(text) is (plain_rule(text) and not _name_too_long(text)), repr(text)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(PATHISH | NAMES, min_size=1, max_size=4).map("/".join))
def test_the_quick_rule_is_the_plain_rule(in_tmp: Path, text: str) -> None:
    _agrees(text)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=30)
@given(decisions(max_sections=2, max_blocks=2))
def test_records_are_data_under_both(in_tmp: Path, d: Decision) -> None:
    record = dumps(d)
    _agrees(record)
    assert not looks_like_path(record)


@pytest.mark.parametrize(
    ("text", "is_path"),
    [
        ("x" * 255 + ".t", False),  # (one name of 257 characters)
        ("x" * 251 + ".txt", True),  # (255: a name a file could have)
        ("pages/" + "x" * 300, False),
        ("x" * 300 + "/a.txt", False),
        ("missing/" + "x" * 300 + ".txt", False),  # (stat stops at the missing folder: the plain rule says path)
        ("a/" * 300 + "b.txt", True),  # (600 characters, every name short)
        ("a/" * 2100 + "b.txt", False),  # (more than 4,096)
    ],
)
def test_names_too_long_for_any_file_system_are_data(in_tmp: Path, text: str, is_path: bool) -> None:
    assert looks_like_path(text) is is_path


def test_a_line_of_json_lines_is_never_a_path(in_tmp: Path) -> None:
    Path("one.json").write_text(dumps(Decision(reference="20 007 417")), encoding="utf-8")
    assert loads("one.json").reference == "20 007 417"  # (loads takes a path)
    with pytest.raises(SerialisationError, match=r"^line 1: not JSON: Expecting value"):
        list(load_jsonl(["one.json"]))
    with pytest.raises(SerialisationError, match=r"^line 1: not JSON"):
        list(load_jsonl(["missing.jsonl"]))
    with pytest.raises(NoSuchFileError):
        loads("missing.jsonl")
