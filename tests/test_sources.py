"""One rule for paths, open files and values across the reading and writing functions.

A ``PathLike`` or a one-line ``str`` that names a file or looks like a path (a known suffix, or a
separator and no spaces) is a path; a missing one is a ``NoSuchFileError`` naming it; open files,
text and binary, are read alike; any other ``str`` is the data.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import lgo_decisions
from lgo_decisions import Decision, dump_jsonl, dumps, load_jsonl, loads, read, read_html, read_text, render_html
from lgo_decisions._sources import looks_like_path
from lgo_decisions.errors import LgoDecisionsError, NoSuchFileError
from lgo_decisions.testing.strategies import decisions

TEXT = "Kent County Council (23 008 522)\nDecision : Upheld\nThe complaint\n1. Mr X complained."


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "statement.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", ["statments/000.txt", "missing.html", "pages/run-1/x", "C:\\pages\\a.htm"])
@pytest.mark.parametrize("fn", [read, read_text, read_html, loads])
def test_a_missing_path_is_a_typed_error_naming_it(fn, name: str, tmp_path: Path) -> None:
    for source in (name, tmp_path / name):
        with pytest.raises(NoSuchFileError) as info:
            fn(source)
        assert str(info.value) == f"no such file: {str(source)!r}"
        assert isinstance(info.value, LgoDecisionsError)
        assert isinstance(info.value, FileNotFoundError)


def test_load_jsonl_missing_path_fails_at_the_call(tmp_path: Path) -> None:
    with pytest.raises(NoSuchFileError, match=r"decisions\.jsonl"):
        load_jsonl(tmp_path / "decisions.jsonl")
    with pytest.raises(NoSuchFileError, match=r"no such file: 'out/decisions\.jsonl'"):
        load_jsonl("out/decisions.jsonl")


def test_dump_jsonl_into_a_missing_folder_names_the_folder(tmp_path: Path) -> None:
    with pytest.raises(NoSuchFileError, match="no such folder"):
        dump_jsonl([Decision(reference="20 007 417")], tmp_path / "nowhere" / "x.jsonl")


@pytest.mark.parametrize(
    ("text", "is_path"),
    [
        ("Kent County Council (23 008 522)", False),
        ("Decision : Upheld", False),
        ("www.lgo.org.uk", False),
        ("and/or not", False),
        ("", False),
        ("a.txt\nb", False),
        ("\x00\\", False),
        ("a\tb/c.txt", False),
        ("pages/000.txt", True),
        ("000.TXT", True),
        ("my pages/20 007 417.html", True),
        ("decisions.jsonl", True),
        ("results/run-1", True),
    ],
)
def test_which_strings_are_paths(text: str, is_path: bool) -> None:
    assert looks_like_path(text) is is_path


def test_paths_open_files_and_text_read_alike(page: Path) -> None:
    want = read(TEXT)
    with page.open(encoding="utf-8") as text_file, page.open("rb") as binary_file:
        got = [read(page), read(str(page)), read(text_file), read(binary_file)]
    with page.open(encoding="utf-8") as text_file, page.open("rb") as binary_file:
        got += [read_text(page), read_text(str(page)), read_text(text_file), read_text(binary_file)]
    for d in got:
        assert d.reference == want.reference == "23 008 522"
        assert d.sections == want.sections
    assert read(page).source is not None
    assert read(page).source.name == str(page)
    assert read(io.StringIO(TEXT)).sections == want.sections


def test_read_html_takes_paths_and_open_files(tmp_path: Path) -> None:
    d = read_text(TEXT)
    path = tmp_path / "page.html"
    path.write_text(render_html(d, page=True), encoding="utf-8")
    with path.open("rb") as binary_file:
        from_file = read_html(binary_file)
    assert read_html(path).sections == read_html(str(path)).sections == from_file.sections == d.sections


@given(st.lists(decisions(), max_size=3))
def test_jsonl_round_trips_through_paths_and_binary_files(ds: list[Decision]) -> None:
    buffer = io.BytesIO()
    assert dump_jsonl(ds, buffer) == len(ds)
    assert list(load_jsonl(io.BytesIO(buffer.getvalue()))) == ds
    assert list(load_jsonl(buffer.getvalue().decode("utf-8"))) == ds  # a str of JSON Lines is the data


def test_jsonl_to_and_from_a_path(tmp_path: Path) -> None:
    ds = [Decision(reference="20 007 417"), Decision(reference="21 000 001")]
    target = tmp_path / "out.jsonl"
    assert dump_jsonl(ds, str(target)) == 2
    assert list(load_jsonl(str(target))) == ds
    assert list(load_jsonl(target)) == ds
    assert loads(target.read_text(encoding="utf-8").splitlines()[0]) == ds[0]
    one = tmp_path / "one.json"
    one.write_text(dumps(ds[1]), encoding="utf-8")
    assert loads(one) == loads(str(one)) == ds[1]
    with one.open("rb") as f:
        assert loads(f) == ds[1]


def test_a_bad_line_in_a_file_names_the_file(tmp_path: Path) -> None:
    target = tmp_path / "bad.jsonl"
    target.write_text('{"reference": "20 007 417"}\n{"reference": 7}\n', encoding="utf-8")
    with pytest.raises(lgo_decisions.SerialisationError, match=r"bad\.jsonl: line 2: "):
        list(load_jsonl(target))


def test_other_types_are_a_type_error() -> None:
    with pytest.raises(TypeError, match="not int"):
        read(7)  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["/", "pages/", "x" * 300 + ".txt"])
def test_odd_paths_are_typed_errors(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pages").mkdir()
    with pytest.raises(LgoDecisionsError):
        read(name)
