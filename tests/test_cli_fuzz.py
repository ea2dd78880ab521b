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


@settings(max_examples=8, deadline=None)
@given(
    files=st.lists(st.tuples(KINDS.filter(lambda k: k[0] != "fifo"), st.booleans()), min_size=3, max_size=8),
    signal_name=st.sampled_from(["SIGTERM", "SIGINT"]),
    delay=st.floats(min_value=0.0, max_value=1.5),
)
def test_a_signal_at_any_point_leaves_inputs_intact_and_outputs_whole(
    files: list[tuple[tuple[str, bytes | None], bool]], signal_name: str, delay: float
) -> None:
    """A run ended by a signal at a random point changes no input, and what it leaves is whole:
    an output under its final name is complete, a ``.partial`` file holds complete lines only."""
    import signal
    import subprocess
    import sys
    import time

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        expected = _make(folder, files)
        out, errors = Path(tmp) / "out.jsonl", Path(tmp) / "errors.jsonl"
        before = _snapshot(folder)
        cmd = [sys.executable, "-m", "lgo_decisions.cli", "parse", "-q", "-w", "2", str(folder), "-o", str(out)]
        proc = subprocess.Popen([*cmd, "--errors", str(errors)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        time.sleep(delay)
        proc.send_signal(getattr(signal, signal_name))
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:  # (a safety net: a run that outlives its signal fails the test)
            proc.kill()
            raise
        assert _snapshot(folder) == before
        if out.exists():  # the run finished before the signal: every input accounted for, once
            records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
            report = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
            assert Counter([r["source"]["name"] for r in records] + [r["name"] for r in report]) == expected
        partial = out.with_name(out.name + ".partial")
        if partial.exists():
            for line in partial.read_text(encoding="utf-8").splitlines():
                json.loads(line)  # complete lines only
