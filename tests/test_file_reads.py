"""A corpus reads each file with one open (``_inputs.regular_file_bytes``): the same bytes, and the
same errors with the same messages, as the check and the read it replaces."""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lgo_decisions import _inputs
from lgo_decisions._sources import read_path
from lgo_decisions.corpus import read_corpus


def _old(path: str, limit: int) -> bytes:
    _inputs.check_regular(path)
    return read_path(Path(path), limit)


def _outcome(read: Callable[[str, int], bytes], path: str, limit: int) -> tuple[str, str]:
    try:
        return "bytes", read(path, limit).hex()
    except Exception as exc:
        return type(exc).__name__, str(exc)


def _inputs_in(folder: Path) -> dict[str, str]:
    (folder / "page.txt").write_bytes(b"Kent County Council (23 008 522)\nDecision : Upheld\n")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "large.txt").write_bytes(b"x" * 200)
    (folder / "sub").mkdir()
    (folder / "link.txt").symlink_to(folder / "page.txt")
    (folder / "dangling.txt").symlink_to(folder / "nowhere.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    os.mkfifo(folder / "pipe.txt")
    names = ["page.txt", "empty.txt", "large.txt", "sub", "link.txt", "dangling.txt", "loop.txt", "pipe.txt"]
    names.append("none.txt")
    return {name: str(folder / name) for name in names}


@pytest.mark.parametrize("limit", [100, 1000])
def test_one_open_reads_and_fails_as_the_check_and_read_did(tmp_path: Path, limit: int) -> None:
    for name, path in _inputs_in(tmp_path).items():
        assert _outcome(_inputs.regular_file_bytes, path, limit) == _outcome(_old, path, limit), name
    assert _outcome(_inputs.regular_file_bytes, "/dev/null", limit) == _outcome(_old, "/dev/null", limit)


def test_a_corpus_reports_each_bad_file_as_before(tmp_path: Path) -> None:
    paths = _inputs_in(tmp_path)
    results = {r.name: r for r in read_corpus(list(paths.values()), workers=1)}
    page = results[paths["page.txt"]]
    assert page.decision is not None
    assert page.decision.source is not None
    assert page.decision.source.name == paths["page.txt"]
    for name in ("dangling.txt", "loop.txt", "pipe.txt", "none.txt"):
        assert results[paths[name]].error is not None, name
    assert results[paths["pipe.txt"]].error == "NotARegularFileError"


@given(
    st.binary(max_size=300),
    st.integers(min_value=0, max_value=400),
    st.integers(min_value=1, max_value=400),
    st.lists(st.integers(min_value=1, max_value=50), min_size=1, max_size=20),
)
def test_a_read_within_the_limit_gives_the_files_first_bytes(
    content: bytes, said: int, limit: int, pieces: list[int]
) -> None:
    # Whatever size the file is said to have, and however short each read is: its first bytes.
    stream = io.BytesIO(content)
    shorts = iter(pieces * 100)

    def read(n: int) -> bytes:
        return stream.read(min(n, next(shorts, n)))

    assert _inputs.read_up_to(read, said, limit) == content[:limit]
