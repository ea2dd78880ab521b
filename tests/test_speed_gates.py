"""The cheap tests that stand before slow searches decide exactly as the searches do.

Each speed-up of this kind rewrites a pattern or puts a necessary condition in front of it; these
properties compare it with the plain form on strings made of the characters that matter.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lgo_decisions import Decision, _inputs
from lgo_decisions._patterns import REFERENCE, REFERENCE_IN_TEXT
from lgo_decisions._vocabulary import SIGNAL
from lgo_decisions.readers.html import _elements, _parse
from lgo_decisions.testing import decisions

_PLAIN_REFERENCE_IN_TEXT = re.compile(f"(?<![0-9-]){REFERENCE}(?![0-9-])")

_REFERENCE_ALPHABET = "0123456789- aZ\n"
_SIGNAL_ALPHABET = "0123456789 -:.'\u2019sS\u017f\u212a\u0130\u0131"
_SIGNAL_WORDS = ["Category", "decision date", "DECISION", "summary", "Ombudsman's final decision", "20 007 417"]


@settings(max_examples=400)
@given(st.text(alphabet=_REFERENCE_ALPHABET, max_size=40))
def test_a_reference_in_text_is_found_where_the_plain_pattern_finds_it(text: str) -> None:
    ours = [m.span() for m in re.finditer(REFERENCE_IN_TEXT, text)]
    assert ours == [m.span() for m in _PLAIN_REFERENCE_IN_TEXT.finditer(text)]


def test_a_reference_needs_no_digit_or_hyphen_beside_it() -> None:
    assert [m.group() for m in re.finditer(REFERENCE_IN_TEXT, "20 007 417, 120 007 417, -20 007 417, 21-000-001b")] == [
        "20 007 417",
        "21-000-001b",
    ]


@settings(max_examples=400)
@given(st.lists(st.one_of(st.text(alphabet=_SIGNAL_ALPHABET, max_size=6), st.sampled_from(_SIGNAL_WORDS)), max_size=8))
def test_statement_text_in_furniture_is_seen_as_the_one_pattern_sees_it(parts: list[str]) -> None:
    text = "".join(parts)
    assert _elements._signal(text) is (SIGNAL.search(text) is not None)


@settings(max_examples=300)
@given(st.lists(st.sampled_from([b"<p>", b"a", b" ", b">", b"<", b"b=c "]), max_size=60), st.integers(1, 6))
def test_a_long_tag_always_has_a_stretch_without_a_close(parts: list[bytes], size: int) -> None:
    raw = b"".join(parts)
    if re.search(rb"<[A-Za-z][^<>]{%d}" % (2 * size), raw):
        assert _parse._without_close(raw, size)


@settings(max_examples=200)
@given(st.lists(st.sampled_from([b"<", b"an:", b"akomaNtoso", b" ", b">", b"x", b"<?xml?>", b"<!-- -->"]), max_size=12))
def test_the_akn_sniff_decides_as_its_pattern_alone(parts: list[bytes]) -> None:
    from lgo_decisions.readers import akn

    head = b"".join(parts) + b' xmlns="' + akn.AKN_NS.encode() + b'"'
    m = akn._ROOT.search(head[:4096])
    plain = 0 if m is None or b"<" in head[: m.start()].replace(b"<?", b"").replace(b"<!", b"") else akn.SNIFF_SCORE
    assert akn.AknReader().sniff(head, None) == plain


_REFERENCES = ["&#x27;", "&#39;", "&#1;", "&#x7f;", "&#xFEFF;", "&#65534;", "&#x0000007f;", "&#0;", "&#X1F", "&#9;"]


@settings(max_examples=300)
@given(st.lists(st.one_of(st.sampled_from(_REFERENCES), st.text(alphabet="ab &#x;0", max_size=5)), max_size=10))
def test_lines_left_unchecked_hold_no_control_character(parts: list[str]) -> None:
    from lgo_decisions.readers.html import _walk, parse_utf8

    raw = ("<h1>Kent County Council (23 008 522)</h1><p>" + "".join(parts) + "</p><ol><li>" + "".join(parts)).encode()
    root = parse_utf8(raw)
    checked: list[object] = []
    unchecked: list[object] = []
    expected = _walk.tokens(root, notes=checked)
    if not _elements.references_controls(raw):
        assert _walk.tokens(root, notes=unchecked, clean=True) == expected
        assert unchecked == checked == []


_FURNITURE_WORDS = [*_SIGNAL_WORDS, "Footer link 3.19 ", "Privacy notice. ", "0300 061 0614 "]


@settings(max_examples=100)
@given(st.lists(st.sampled_from(_FURNITURE_WORDS), max_size=60))
def test_furniture_remembered_is_seen_as_anew(parts: list[str]) -> None:
    text = "".join(parts) * 3
    assert _elements._seen_signal(text) is _elements._signal(text)
    assert _elements._seen_signal(text) is _elements._signal(text)  # (the second time from memory)
    assert len(_elements._SIGNALS) <= _elements._SIGNALS_KEPT


@pytest.mark.parametrize("many", [0, 31, 32, 33, 200])
def test_references_after_many_ampersands_are_looked_at_too(many: int) -> None:
    for reference, controls in (("&#1;", True), ("&#x27;", False), ("&#X7F", True), ("&#65279;", True)):
        raw = ("<p>" + "Smith &amp; Sons " * many + f"Mr X{reference}s</p>").encode()
        assert _elements.references_controls(raw) is controls


@settings(max_examples=300)
@given(st.lists(st.sampled_from(["<", "!", "<!", "DOCTYPE", "doctype", "<!DocType", " ", "x", "!!"]), max_size=40))
def test_the_first_doctype_is_where_the_pattern_finds_it(parts: list[str]) -> None:
    raw = "".join(parts).encode()
    m = _parse._DOCTYPE_BYTES.search(raw)
    assert _parse.first_doctype(raw) == (-1 if m is None else m.start())


def _plain_picked(name: str, suffixes: frozenset[str]) -> bool:
    base = name.rsplit("/", 1)[-1].lower()
    if not base or base.startswith("."):
        return False
    return os.path.splitext(base)[1] in suffixes or any(base.endswith(s) for s in suffixes if s.count(".") > 1)


@settings(max_examples=600)
@given(
    st.text(alphabet="aZ./.txthmlsonzipAKN\u0130", max_size=16),
    st.sets(st.sampled_from(["", ".txt", ".html", ".json", ".zip", ".akn.xml", ".xml", ".t.x"])),
)
def test_a_listing_picks_the_names_the_plain_rule_picks(name: str, suffixes: set[str]) -> None:
    assert _inputs.name_picker(frozenset(suffixes))(name) == _plain_picked(name, frozenset(suffixes))
    assert _inputs.picked_name(name, frozenset(suffixes)) == _plain_picked(name, frozenset(suffixes))


def test_a_listing_knows_files_and_folders_without_looking_and_leaves_out_its_outputs(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    for name in ("b.txt", "a.html", "sub/c.txt", "notes.md", ".hidden.txt"):
        (tmp_path / name).write_text("x")
    (tmp_path / "out.txt").write_text("the run's output")
    os.link(tmp_path / "out.txt", tmp_path / "sub/hard.txt")
    (tmp_path / "link.txt").symlink_to(tmp_path / "out.txt")
    (tmp_path / "linked").symlink_to(tmp_path / "sub")
    os.mkfifo(tmp_path / "pipe.txt")
    out = os.stat(tmp_path / "out.txt")
    picked = _inputs.name_picker(frozenset({".txt", ".html"}))
    listed = list(_inputs.walk_folder(str(tmp_path), picked, frozenset({(out.st_dev, out.st_ino)})))
    files = [f for f in listed if isinstance(f, str)]
    assert files == [str(tmp_path / n) for n in ("a.html", "b.txt", "linked/c.txt", "sub/c.txt")]
    [(path, error)] = [f for f in listed if not isinstance(f, str)]
    assert path == str(tmp_path / "pipe.txt")
    assert "not a regular file" in str(error)
    pipe = os.stat(tmp_path / "pipe.txt")  # (the run's output may be a FIFO: left out like a file)
    skip = frozenset({(out.st_dev, out.st_ino), (pipe.st_dev, pipe.st_ino)})
    assert list(_inputs.walk_folder(str(tmp_path), picked, skip)) == files


@settings(max_examples=800)
@given(st.text(alphabet="/.a", max_size=10))
def test_a_name_is_shown_and_its_suffix_found_as_its_path_shows_them(name: str) -> None:
    assert _inputs.path_text(name) == str(Path(name))
    assert _inputs.path_suffix(name) == Path(name).suffix


def _converter_without_fast_blocks() -> Any:
    from lgo_decisions import _fastdump, serialise

    real = _fastdump.register_blocks_unstructure
    try:
        serialise.register_blocks_unstructure = lambda conv: None  # type: ignore[assignment]
        return serialise.make_converter()
    finally:
        serialise.register_blocks_unstructure = real


_PLAIN_CONVERTER = _converter_without_fast_blocks()


@settings(max_examples=150)
@given(decisions())
def test_blocks_are_written_as_the_tagged_union_writes_them(decision: Decision) -> None:
    from lgo_decisions.serialise import converter

    ours, plain = converter.unstructure(decision), _PLAIN_CONVERTER.unstructure(decision)
    assert json.dumps(ours, ensure_ascii=False) == json.dumps(plain, ensure_ascii=False)  # (key order too)
    assert ours == plain


class _WrongInode:
    """A folder entry whose listing's inode is not stat's (FUSE without use_ino, some overlays)."""

    def __init__(self, entry: os.DirEntry[str]) -> None:
        self._entry = entry
        self.name, self.path = entry.name, entry.path

    def inode(self) -> int:
        return self._entry.inode() + 1

    def stat(self, **kwargs: bool) -> os.stat_result:
        _STATS.append(self.name)
        return self._entry.stat(**kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._entry, name)


_STATS: list[str] = []


@pytest.mark.parametrize("hard_link", [True, False])
def test_the_runs_outputs_are_left_out_whatever_inode_the_listing_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hard_link: bool
) -> None:
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "out.txt").write_text("the run's output")
    (tmp_path / "link.txt").symlink_to(tmp_path / "out.txt")
    if hard_link:  # (another name: each file is looked at; else the output is known by its place)
        os.link(tmp_path / "out.txt", tmp_path / "hard.txt")
    real = os.scandir

    class _Listing:
        def __init__(self, path: str) -> None:
            self._it = real(path)

        def __enter__(self) -> Any:
            return (_WrongInode(e) for e in self._it)

        def __exit__(self, *exc: object) -> None:
            self._it.close()

    monkeypatch.setattr(_inputs.os, "scandir", _Listing)
    skip, at = _inputs.outputs([tmp_path / "out.txt", tmp_path / "missing.txt"])
    assert (at is None) is hard_link
    picked = _inputs.name_picker(frozenset({".txt"}))
    _STATS.clear()
    assert list(_inputs.walk_folder(str(tmp_path), picked, skip, at)) == [str(tmp_path / "a.txt")]
    assert sorted(_STATS) == (["a.txt", "hard.txt", "link.txt", "out.txt"] if hard_link else ["link.txt"])
    _STATS.clear()
    assert list(_inputs.walk_folder(str(tmp_path), picked, skip)) == [str(tmp_path / "a.txt")]  # (no places)
