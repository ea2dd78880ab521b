"""The command line: parse (JSON Lines, Parquet, error report, summary, progress, exit status) and stats."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from lgo_decisions import dumps, read, read_text
from lgo_decisions._commands import parse
from lgo_decisions._progress import Progress
from lgo_decisions.cli import main
from lgo_decisions.corpus import Line
from lgo_decisions.errors import WorkerDiedError

from .seeds import seed
from .test_corpus import BAD, GOOD, make_mixed_folder


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    return make_mixed_folder(tmp_path)


def _expected_records(folder: Path) -> list[str]:
    return [dumps(read(folder / n)) for n in sorted(GOOD)]


def test_parse_writes_every_good_input_and_reports_the_bad_ones(mixed: Path, tmp_path: Path) -> None:
    out, errs = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    status = main(["parse", str(mixed), "-o", str(out), "--errors", str(errs), "--quiet"])
    assert status == 1
    assert out.read_text(encoding="utf-8").splitlines() == _expected_records(mixed)
    report = [json.loads(line) for line in errs.read_text(encoding="utf-8").splitlines()]
    assert [r["name"] for r in report] == [str(mixed / n) for n in BAD]
    assert all(r["error"] and r["reason"] for r in report)
    assert set(report[0]) == {"name", "error", "reason"}


def test_parse_writes_to_stdout_with_a_summary_on_stderr(mixed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(mixed)]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines() == _expected_records(mixed)
    summary = captured.err
    assert f"{len(GOOD) + len(BAD)} input(s): {len(GOOD)} read" in summary
    assert f"{len(BAD)} failed" in summary
    assert "failed by reason: " in summary
    assert "DecodeError 1" in summary
    for name in BAD:
        assert str(mixed / name) in summary
    assert "\r" not in summary  # not a terminal: no progress bar


def test_quiet_says_nothing(mixed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(mixed), "--quiet"]) == 1
    assert capsys.readouterr().err == ""


def test_two_workers_write_the_same_output_as_one(mixed: Path, tmp_path: Path) -> None:
    outputs = []
    for workers in ("1", "2"):
        out, errs = tmp_path / f"out{workers}.jsonl", tmp_path / f"err{workers}.jsonl"
        assert main(["parse", str(mixed), "-o", str(out), "--errors", str(errs), "-q", "--workers", workers]) == 1
        outputs.append((out.read_bytes(), errs.read_bytes()))
    assert outputs[0] == outputs[1]
    assert outputs[0][0].count(b"\n") == len(GOOD)


def test_every_input_read_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for stem in ("000_9284c856b9d4e60e", "002_6d7b561c0b11b3e9"):
        (tmp_path / f"{stem}.txt").write_text(seed(stem), encoding="utf-8")
    assert main(["parse", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 2
    assert "2 input(s): 2 read (0 with diagnostics), 0 failed" in captured.err


def test_zip_and_json_lines_inputs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    archive = tmp_path / "pages.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("a.txt", seed("000_9284c856b9d4e60e"))
        zf.writestr("b.txt", "")
    records = tmp_path / "records.jsonl"
    records.write_text(dumps(read_text(seed("003_978548f2022fce23"))) + "\n", encoding="utf-8")
    errs = tmp_path / "errors.jsonl"
    assert main(["parse", str(archive), str(records), "--errors", str(errs)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(x)["reference"] for x in lines] == [
        read_text(seed(s)).reference for s in ("000_9284c856b9d4e60e", "003_978548f2022fce23")
    ]
    assert [json.loads(x)["name"] for x in errs.read_text(encoding="utf-8").splitlines()] == [f"{archive}!b.txt"]


@pytest.mark.parametrize(
    "argv",
    [
        ["parse", "no/such/folder"],
        ["parse", "no-such-*.txt"],
        ["parse", "--workers", "-1", "."],
        ["parse", ".", "-o", "no/such/folder/out.jsonl"],
    ],
)
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    assert capsys.readouterr().err.startswith("lgo-decisions parse: error: ")


def test_a_missing_path_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    (tmp_path / "a.txt").write_text(seed("000_9284c856b9d4e60e"), encoding="utf-8")
    assert main(["parse", str(tmp_path / "a.txt"), str(tmp_path / "absent.txt"), "-o", str(out)]) == 2
    assert not out.exists()


def test_an_unknown_option_exits_2() -> None:
    with pytest.raises(SystemExit) as exc:
        main(["parse", "--no-such-option", "."])
    assert exc.value.code == 2


def test_a_dead_worker_is_reported(
    mixed: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def dies(*args: object, **kwargs: object) -> Iterator[Line]:
        yield Line("first.txt", "{}", (), None, None)
        raise WorkerDiedError("could not start a worker process: out of memory")

    monkeypatch.setattr(parse, "read_corpus", dies)
    assert main(["parse", str(mixed), "--workers", "2"]) == 1
    captured = capsys.readouterr()
    assert captured.out == "{}\n"
    assert "could not start a worker process: out of memory" in captured.err
    assert "after 1 input(s)" in captured.err


def test_progress_bar_on_a_terminal(
    mixed: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["parse", str(mixed)]) == 1
    drawn = terminal.getvalue()
    total = len(GOOD) + len(BAD)
    assert f"\r{total}/{total} [" in drawn
    assert "100%" in drawn
    assert f"{len(BAD)} failed" in drawn
    assert f"{total} input(s)" in drawn  # the summary follows the bar


def test_progress_line_fits_the_width() -> None:
    bar = Progress(total=200, stream=Terminal())
    assert bar.enabled
    line = bar.line(50, 3, width=60)
    assert len(line) == 60
    assert line.startswith("50/200 [")
    assert "25%" in line
    assert "3 failed" in line
    assert Progress(total=None, stream=Terminal()).line(7, 0).startswith("7 read")
    assert not Progress(total=1, stream=io.StringIO()).enabled


def test_the_installed_command_pipes_without_a_progress_bar(mixed: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "lgo_decisions.cli", "parse", str(mixed), "--workers", "2"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 1
    assert proc.stdout.splitlines() == _expected_records(mixed)
    assert "\r" not in proc.stderr
    assert "input(s)" in proc.stderr


def test_stats_counts_by_outcome_area_and_year(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    decisions = [
        read_text(seed(s))
        for s in (
            "000_9284c856b9d4e60e",
            "001_546571a6deac335f",
            "002_6d7b561c0b11b3e9",
            "003_978548f2022fce23",
            "004_9498e815dd3f7996",
        )
    ]
    path = tmp_path / "records.jsonl"
    path.write_text("".join(dumps(d) + "\n" for d in decisions), encoding="utf-8")
    assert main(["stats", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["records"] == 5
    assert sum(data["outcome"].values()) == sum(data["area"].values()) == sum(data["year"].values()) == 5
    for d in decisions:
        assert d.outcome is not None
        assert d.category is not None
        assert d.decision_date is not None
    codes = [d.outcome.code.value for d in decisions if d.outcome]
    assert data["outcome"] == Counter(codes)
    years = [str(d.decision_date.year) for d in decisions if d.decision_date]
    assert data["year"] == {y: years.count(y) for y in sorted(set(years))}
    assert main(["stats", str(path)]) == 0
    table = capsys.readouterr().out
    assert table.splitlines()[0].split() == ["records", "5"]
    areas = {d.category.area for d in decisions if d.category}
    for area in areas:
        assert area in table


def test_stats_counts_invalid_lines_and_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "records.jsonl"
    path.write_text(dumps(read_text(seed("002_6d7b561c0b11b3e9"))) + "\n{oops\n", encoding="utf-8")
    assert main(["stats", str(path), "--json"]) == 1
    captured = capsys.readouterr()
    assert json.loads(captured.out)["invalid_lines"] == 1
    assert f"{path}:2" in captured.err
    assert main(["stats", str(tmp_path / "absent.jsonl")]) == 2


def test_records_keep_the_line_ends_of_a_standard_output_put_in_its_place(
    mixed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw = io.BytesIO()
    crlf = io.TextIOWrapper(raw, encoding="utf-8", newline="\r\n")  # (its own rule for line ends)
    monkeypatch.setattr(sys, "stdout", crlf)
    main(["parse", str(mixed), "-q", "--workers", "1"])
    crlf.flush()
    lines = raw.getvalue().split(b"\n")[:-1]
    assert lines
    assert all(line.endswith(b"\r") for line in lines)
