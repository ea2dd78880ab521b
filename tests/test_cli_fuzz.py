"""Fuzzing the command line: random folders of good, bad and odd files through ``parse``.

Every input gives exactly one line, either a record or a line of the error report, and no input
file changes (the outputs are written into the folder being parsed, so they must be skipped).
Runs ``lgo_decisions.cli.main`` in-process; the example count is kept modest.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import zipfile
from collections import Counter
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from lgo_decisions import dumps, read_text
from lgo_decisions.cli import main

from .seeds import seed

GOOD = seed("000_9284c856b9d4e60e")
RECORD = dumps(read_text(GOOD))

# (suffix, content) of the kinds of file a scraper's folder holds; None content: an odd file
KINDS = st.sampled_from(
    [
        (".txt", GOOD.encode()),
        (".html", b"<html><body><p>not a statement</p></body></html>"),
        (".txt", b""),
        (".txt", b"\x00\x01\x02 binary"),
        ("", GOOD.encode()),
        (".json", RECORD.encode()),
        (".json", b"[" + RECORD.encode() + b", {}]"),
        (".json", b"[" * 5000),
        (".json", b"[]"),
        (".zip", None),
        (".txt", b"caf\xe9 " + GOOD.encode()),
        ("link-loop", None),
        ("dangling", None),
        ("fifo", None),
        (".csv", b"ignored,1\n"),  # not an input
    ]
)
FILES = st.lists(st.tuples(KINDS, st.booleans()), min_size=1, max_size=8)


def _make(folder: Path, files: list[tuple[tuple[str, bytes | None], bool]]) -> Counter[str]:
    """Write the files; the input names ``parse`` must account for, each once."""
    expected: Counter[str] = Counter()
    (folder / "sub").mkdir()
    for i, ((kind, content), nested) in enumerate(files):
        where = folder / "sub" if nested else folder
        if kind in ("link-loop", "dangling", "fifo"):
            path = where / f"f{i}.txt"
            if kind == "link-loop":
                path.symlink_to(path.name)
            elif kind == "dangling":
                path.symlink_to(f"nowhere{i}.txt")
            else:
                os.mkfifo(path)
            expected[str(path)] += 1
            continue
        path = where / f"f{i}{kind}"
        if kind == ".zip":
            with zipfile.ZipFile(path, "w") as zf:
                zf.writestr("a.txt", GOOD)
                zf.writestr("b.txt", b"")
            expected.update([f"{path}!a.txt", f"{path}!b.txt"])
            continue
        assert content is not None
        path.write_bytes(content)
        if kind == ".csv":
            continue
        if kind == ".json" and content.startswith(b"[") and content != b"[" * 5000:
            values = json.loads(content)
            expected.update([f"{path}[{j}]" for j in range(len(values))] or [str(path)])
        else:
            expected[str(path)] += 1
    return expected


def _snapshot(folder: Path) -> dict[str, str]:
    out = {}
    for root, _, names in os.walk(folder):
        for name in names:
            path = Path(root, name)
            if path.is_symlink() or not path.is_file():
                out[str(path)] = "odd"
            else:
                out[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


@settings(max_examples=25, deadline=None)
@given(files=FILES, workers=st.sampled_from(["1", "2"]))
def test_every_input_is_one_record_or_one_error_line_and_no_input_changes(
    files: list[tuple[tuple[str, bytes | None], bool]], workers: str
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        expected = _make(folder, files)
        out, errors = folder / "out.json", folder / "errors.txt"  # inside the folder: must be skipped
        before = _snapshot(folder)
        for _ in range(2):  # the second run finds the first run's outputs
            status = main(["parse", "-q", "-w", workers, str(folder), "-o", str(out), "--errors", str(errors)])
            records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
            report = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
            seen = Counter([r["source"]["name"] for r in records] + [r["name"] for r in report])
            assert seen == expected
            assert status == (1 if report else 0)
            after = _snapshot(folder)
            assert {k: v for k, v in after.items() if k not in (str(out), str(errors))} == before
