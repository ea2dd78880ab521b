"""The command line never destroys, hangs on or silently drops an input: one test per fault.

Signals, FIFOs, killed workers, full disks and /dev/zero run in a subprocess (bounded timeouts
are a safety net, never an assertion); the rest run ``main`` in-process.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

from lgo_decisions import _limits, dumps, read_text
from lgo_decisions._pool import cores, workers_for
from lgo_decisions.cli import main
from lgo_decisions.corpus import read_corpus

from .seeds import seed

GOOD = seed("000_9284c856b9d4e60e")
TIMEOUT = 120  # seconds: a safety net against a hang, not a measurement


def _records(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _report(path: Path) -> dict[str, str]:
    return {r["name"]: r["error"] for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


def _run(*args: str, cwd: Path | None = None, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "lgo_decisions.cli", *args],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        cwd=cwd,
        **kwargs,
    )


def _script(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *args], capture_output=True, text=True, timeout=TIMEOUT
    )


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "page.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


@pytest.fixture
def records(tmp_path: Path) -> Path:
    path = tmp_path / "records.jsonl"
    path.write_text(dumps(read_text(GOOD)) + "\n", encoding="utf-8")
    return path


# --- outputs that are inputs ----------------------------------------------------------------------


def test_an_output_that_is_the_input_is_refused(records: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = records.read_bytes()
    assert main(["parse", "-q", str(records), "-o", str(records)]) == 2
    assert records.read_bytes() == before
    assert "is an input" in capsys.readouterr().err


def test_identity_not_name_a_link_to_the_input_is_refused(records: Path, tmp_path: Path) -> None:
    before = records.read_bytes()
    (tmp_path / "link.jsonl").symlink_to(records)
    os.link(records, tmp_path / "hard.jsonl")
    assert main(["parse", "-q", str(records), "-o", str(tmp_path / "link.jsonl")]) == 2
    assert main(["parse", "-q", str(records), "-o", str(tmp_path / "hard.jsonl")]) == 2
    assert records.read_bytes() == before


def test_a_statement_named_as_output_or_error_report_is_refused(page: Path, tmp_path: Path) -> None:
    before = page.read_bytes()
    assert main(["parse", "-q", str(page), "-o", str(page)]) == 2
    assert main(["parse", "-q", str(page), "--errors", str(page)]) == 2
    assert main(["parse", "-q", str(tmp_path / "*.txt"), "-o", str(page)]) == 2  # (a glob matching it)
    out = tmp_path / "out.jsonl"
    assert main(["parse", "-q", str(page), "-o", str(out), "--errors", str(out)]) == 2
    assert page.read_bytes() == before
    assert not out.exists()


def test_the_runs_own_outputs_in_a_parsed_folder_are_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    out, errors = folder / "out.json", folder / "errors.txt"  # (names a folder's listing picks up)
    for _ in range(2):  # the second run finds the first run's outputs in the folder
        assert main(["parse", "-q", str(folder), "-o", str(out), "--errors", str(errors)]) == 0
        assert len(_records(out)) == 1
        assert errors.read_text() == ""
    assert sorted(p.name for p in folder.iterdir()) == ["a.txt", "errors.txt", "out.json"]  # no temporary left


# --- nothing half-written under the final name ----------------------------------------------------


def test_an_interrupted_run_leaves_the_old_output_and_keeps_complete_lines_as_partial(
    tmp_path: Path, page: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lgo_decisions._commands import parse
    from lgo_decisions.corpus import Line

    out = tmp_path / "out.jsonl"
    out.write_text("the previous run\n")

    def interrupted(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        yield Line("one.txt", '{"one": 1}', (), None, None)
        raise KeyboardInterrupt

    monkeypatch.setattr(parse, "read_corpus", interrupted)
    assert main(["parse", "-q", str(page), "-o", str(out)]) == 130
    assert out.read_text() == "the previous run\n"
    assert (tmp_path / "out.jsonl.partial").read_text() == '{"one": 1}\n'
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_full_disk_is_a_clean_exit_2_for_the_output_and_the_error_report(page: Path, tmp_path: Path) -> None:
    run = _run("parse", "-q", str(page), "-o", "/dev/full")
    assert run.returncode == 2, run.stderr
    assert "No space left on device" in run.stderr
    assert "Traceback" not in run.stderr
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01binary")
    run = _run("parse", "-q", str(bad), "-o", str(tmp_path / "out.jsonl"), "--errors", "/dev/full")
    assert (run.returncode, "Traceback" in run.stderr) == (2, False), run.stderr
    assert not (tmp_path / "out.jsonl").exists()  # (nothing under the final name)


def test_a_full_disk_on_standard_output_is_a_clean_exit_2(page: Path) -> None:
    with open("/dev/full", "w") as full:
        run = subprocess.run(
            [sys.executable, "-m", "lgo_decisions.cli", "parse", "-q", str(page)],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=TIMEOUT,
        )
    assert (run.returncode, "Traceback" in run.stderr) == (2, False), run.stderr


# --- every unreadable path named -------------------------------------------------------------------


def test_a_symlink_loop_is_a_named_failure_and_the_folder_is_still_read(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    (folder / "self.txt").symlink_to("self.txt")
    (folder / "gone.txt").symlink_to("nowhere.txt")
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    assert main(["parse", "-q", str(folder), "-o", str(out), "--errors", str(errors)]) == 1
    assert len(_records(out)) == 1
    report = _report(errors)
    assert set(report) == {str(folder / "self.txt"), str(folder / "gone.txt")}
    assert main(["parse", "-q", str(folder / "self.txt"), "--errors", str(errors)]) == 1  # (named directly)
    assert _report(errors) == {str(folder / "self.txt"): "OSError"}


def test_an_unreadable_sub_folder_is_named_and_counted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "pages"
    (folder / "locked").mkdir(parents=True)
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path: str):  # type: ignore[no-untyped-def]  # (root reads any folder: deny one here)
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    errors = tmp_path / "errors.jsonl"
    assert main(["parse", str(folder), "-o", str(tmp_path / "out.jsonl"), "--errors", str(errors)]) == 1
    assert _report(errors) == {str(folder / "locked"): "PermissionError"}
    assert "2 input(s): 1 read (0 with diagnostics), 1 failed" in capsys.readouterr().err


def test_a_zip_member_name_flagged_utf8_that_is_not_fails_that_archive_only(tmp_path: Path, page: Path) -> None:
    archive = tmp_path / "pages.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("\u00e9.txt", GOOD)  # (a non-ASCII name: the UTF-8 flag is set)
    archive.write_bytes(archive.read_bytes().replace("\u00e9".encode(), b"\xff\xfe"))
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    assert main(["parse", "-q", str(archive), str(page), "-o", str(out), "--errors", str(errors)]) == 1
    assert len(_records(out)) == 1
    assert _report(errors) == {str(archive): "UnicodeDecodeError"}


# --- FIFOs, devices, endless lines ----------------------------------------------------------------


def test_a_fifo_among_the_inputs_is_refused_not_waited_on(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    os.mkfifo(tmp_path / "pipe.jsonl")
    errors = tmp_path / "errors.jsonl"
    run = _run("parse", "-q", str(folder), str(tmp_path / "pipe.jsonl"), "-o", str(tmp_path / "o.jsonl"),
               "--errors", str(errors))  # fmt: skip
    assert run.returncode == 1, run.stderr
    assert _report(errors) == {
        str(folder / "pipe.txt"): "NotARegularFileError",
        str(tmp_path / "pipe.jsonl"): "NotARegularFileError",
    }
    run = _run("stats", str(tmp_path / "pipe.jsonl"))
    assert (run.returncode, "not a regular file" in run.stderr) == (2, True), run.stderr


def test_dev_zero_as_json_lines_is_refused(tmp_path: Path) -> None:
    zero = tmp_path / "zero.jsonl"
    zero.symlink_to("/dev/zero")
    errors = tmp_path / "errors.jsonl"
    run = _run("parse", "-q", str(zero), "-o", str(tmp_path / "o.jsonl"), "--errors", str(errors))
    assert run.returncode == 1, run.stderr
    assert _report(errors) == {str(zero): "NotARegularFileError"}
    for command in ("stats", "validate"):
        run = _run(command, str(zero))
        assert (run.returncode, "character device" in run.stderr) == (2, True), (command, run.stderr)


def test_a_line_above_the_limit_fails_alone(
    tmp_path: Path, records: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    line = records.read_text()
    monkeypatch.setattr(_limits, "MAX_INPUT_BYTES", len(line) + 10)
    big = tmp_path / "big.jsonl"
    big.write_text(line + '"' + "x" * (3 * len(line)) + '"\n' + line)
    errors, out = tmp_path / "errors.jsonl", tmp_path / "out.jsonl"
    assert main(["parse", "-q", str(big), "-o", str(out), "--errors", str(errors)]) == 1
    assert len(_records(out)) == 2
    assert _report(errors) == {f"{big}:2": "LineTooLongError"}
    assert main(["stats", str(big)]) == 1
    assert f"{big}:2: a line above the limit" in capsys.readouterr().err
    assert main(["validate", str(big)]) == 1
    assert f"{big}:2: a line above the limit" in capsys.readouterr().out


# --- workers ----------------------------------------------------------------------------------------

_KILLER = """
    import os, signal, sys
    import lgo_decisions.corpus as corpus
    from lgo_decisions.cli import main

    real = corpus.read_data
    def read_data(data, name, **kwargs):  # (the workers are forked: they read through this)
        if "poison" in str(name):
            os.kill(os.getpid(), signal.SIGKILL)
        return real(data, name, **kwargs)
    corpus.read_data = read_data
    sys.exit(main(sys.argv[1:]))
"""


def test_a_killed_worker_loses_no_input(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    names = [f"p{i:03d}.txt" for i in range(60)]
    for name in names:
        (folder / name).write_text(GOOD, encoding="utf-8")
    (folder / "p030_poison.txt").write_text(GOOD, encoding="utf-8")
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    run = _script(_KILLER, "parse", "-q", "-w", "2", str(folder), "-o", str(out), "--errors", str(errors))
    assert run.returncode == 1, run.stderr
    assert [r["source"]["name"] for r in _records(out)] == [str(folder / n) for n in names]  # type: ignore[index]
    assert _report(errors) == {str(folder / "p030_poison.txt"): "WorkerDiedError"}


_SLEEPER = """
    import os, sys, time
    import lgo_decisions.corpus as corpus
    from lgo_decisions.cli import main

    real = corpus.read_data
    def read_data(data, name, **kwargs):
        if "slow" in str(name):
            with open(sys.argv[1], "a") as fp:
                fp.write(f"{os.getpid()}\\n")
            time.sleep(600)
        return real(data, name, **kwargs)
    corpus.read_data = read_data
    sys.exit(main(sys.argv[2:]))
"""


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fp:
            return fp.read().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except OSError:
        return False


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs /proc")
def test_sigterm_ends_the_workers(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    for i in range(40):
        (folder / f"p{i:03d}_{'slow' if i in (0, 20) else 'fast'}.txt").write_text(GOOD, encoding="utf-8")
    marker, out = tmp_path / "pids", tmp_path / "out.jsonl"
    marker.write_text("")
    proc = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(_SLEEPER), str(marker), "parse", "-q", "-w", "2", str(folder),
         "-o", str(out)],
        stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    try:
        for _ in range(TIMEOUT * 10):
            if len(marker.read_text().split()) >= 2 or proc.poll() is not None:
                break
            subprocess.run(["sleep", "0.1"])
        workers = [int(p) for p in marker.read_text().split()]
        assert len(workers) == 2, proc.stderr.read() if proc.stderr else ""
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=TIMEOUT) == 128 + signal.SIGTERM
        for _ in range(TIMEOUT * 10):
            if not any(map(_alive, workers)):
                break
            subprocess.run(["sleep", "0.1"])
        assert not any(map(_alive, workers))
        assert not out.exists()
    finally:
        if proc.poll() is None:
            proc.kill()
        for pid in [int(p) for p in marker.read_text().split()]:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)


def test_workers_are_capped_at_the_cores(page: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert workers_for(20000) == cores()
    assert workers_for(0) == cores()
    assert main(["parse", str(page), "--workers", "20000", "-o", os.devnull]) == 0
    assert f"--workers 20000 capped at {cores()}" in capsys.readouterr().err


# --- stats and validate ----------------------------------------------------------------------------


def test_stats_counts_a_non_utf8_line_as_invalid(
    tmp_path: Path, records: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_bytes(records.read_bytes() + b'{"title": "caf\xe9"}\n' + records.read_bytes())
    assert main(["stats", "--json", str(mixed)]) == 1
    captured = capsys.readouterr()
    assert json.loads(captured.out)["records"] == 2
    assert f"{mixed}:2: not UTF-8 text" in captured.err


def test_deep_nesting_is_a_bad_line_for_stats_and_validate(
    tmp_path: Path, records: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deep = tmp_path / "deep.jsonl"
    deep.write_text(records.read_text() + "[" * 100000 + "\n" + records.read_text())
    assert main(["stats", "--json", str(deep)]) == 1
    captured = capsys.readouterr()
    assert json.loads(captured.out)["records"] == 2
    assert f"{deep}:2:" in captured.err
    assert main(["validate", str(deep)]) == 1
    captured = capsys.readouterr()
    assert captured.out.startswith(f"{deep}:2:")
    assert "3 record(s), 1 bad" in captured.err


def test_validate_and_stats_name_a_file_they_cannot_read(
    tmp_path: Path, records: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "folder.jsonl"
    folder.mkdir()
    for command in ("validate", "stats"):
        assert main([command, str(folder), str(records)]) == 2
        captured = capsys.readouterr()
        assert f"cannot read {folder}" in captured.err
        assert "Traceback" not in captured.err


@pytest.mark.skipif(sys.platform == "darwin", reason="the file system must take any bytes as a name")
def test_a_file_name_not_in_utf8_is_a_named_failure_not_a_crash(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "w", encoding="utf-8") as fp:
        fp.write(GOOD)
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    assert main(["parse", "-q", str(folder), "-o", str(out), "--errors", str(errors)]) == 1
    assert [r["source"]["name"] for r in _records(out)] == [str(folder / "a.txt")]  # type: ignore[index]
    [report] = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert report["error"] == "SerialisationError"
    assert report["name"] == os.fsdecode(os.path.join(os.fsencode(folder), b"caf\xe9.txt"))


def test_a_link_to_a_folder_above_is_read_once_and_named(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    (folder / "sub" / "b.txt").write_text(GOOD, encoding="utf-8")
    (folder / "sub" / "up").symlink_to("..")  # (a loop: without a check, read again and again)
    (folder / "self").symlink_to(".")
    (folder / "elsewhere").symlink_to(tmp_path / "pages" / "sub")  # (no loop: a second way in, read)
    results = list(read_corpus([folder]))
    read = sorted(r.name for r in results if r.decision is not None)
    assert read == sorted(str(folder / n) for n in ("a.txt", "elsewhere/b.txt", "sub/b.txt"))
    loops = {r.name: r.error for r in results if r.decision is None}
    assert loops == {
        str(folder / "self"): "OSError",
        str(folder / "sub" / "up"): "OSError",
        str(folder / "elsewhere" / "up"): "OSError",
    }
