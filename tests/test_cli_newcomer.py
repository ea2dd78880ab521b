"""Command-line friction: ``python -m lgo_decisions``, ``parse -``, skipped files counted, one
warning a run for a broken plugin, help text without reST markup."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from lgo_decisions.cli import COMMANDS, build_parser, main

TEXT = "Kent County Council (23 008 522)\nDecision : Upheld\nThe complaint\n1. Mr X complained."


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parents[1])
    if os.environ.get("LGO_DECISIONS_INSTALLED") != "1":  # (in CI the installed package is under test)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
    env.update(extra)
    return env


def test_python_dash_m_runs_the_command_line(tmp_path: Path) -> None:
    page = tmp_path / "a.txt"
    page.write_text(TEXT, encoding="utf-8")
    version = subprocess.run(
        [sys.executable, "-m", "lgo_decisions", "--version"], capture_output=True, text=True, env=_env(), check=True
    )
    assert version.stdout.startswith("lgo-decisions ")
    done = subprocess.run(
        [sys.executable, "-m", "lgo_decisions", "parse", "-q", str(page)],
        capture_output=True,
        text=True,
        env=_env(),
        check=True,
    )
    assert json.loads(done.stdout)["reference"] == "23 008 522"


def test_parse_dash_reads_a_statement_from_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, TEXT.encode("utf-8"))
    assert main(["parse", "-"]) == 0
    out, err = capsys.readouterr()
    record = json.loads(out)
    assert record["reference"] == "23 008 522"
    assert record["source"]["name"] == "-"
    assert "1 input(s): 1 read" in err


def test_parse_dash_reads_json_lines_and_records(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    page = tmp_path / "a.txt"
    page.write_text(TEXT, encoding="utf-8")
    assert main(["parse", "-q", str(page)]) == 0
    record = capsys.readouterr().out
    scraped = json.dumps({"case_id": "21 000 001", "text": TEXT.replace("23 008 522", "21 000 001")})
    _stdin(monkeypatch, f"\n{record}\n{scraped}\n{{broken\n".encode())
    assert main(["parse", str(page), "-", "--errors", str(tmp_path / "errors.jsonl")]) == 1
    out, err = capsys.readouterr()
    refs = [json.loads(line)["reference"] for line in out.splitlines()]
    assert refs == ["23 008 522", "23 008 522", "21 000 001"]  # the file, then standard input, in order
    [failure] = [json.loads(line) for line in (tmp_path / "errors.jsonl").read_text().splitlines()]
    assert failure["name"] == "-:5"
    assert "4 input(s): 3 read" in err

    pretty = json.dumps(json.loads(record), indent=2)
    _stdin(monkeypatch, pretty.encode())
    assert main(["parse", "-q", "-"]) == 0
    assert json.loads(capsys.readouterr().out) == json.loads(record)


def test_parse_dash_with_empty_standard_input_fails_that_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, b"  \n\n")
    assert main(["parse", "-"]) == 1
    assert "-: NotADecisionError: standard input is empty" in capsys.readouterr().err


def test_files_skipped_for_their_suffix_are_counted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.json"  # (output outside the folder read: a .jsonl inside would be skipped, and counted)
    tmp_path = tmp_path / "pages"
    tmp_path.mkdir()
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "notes.md").write_text("# notes", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "scan.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "sub" / "scan2.PDF").write_bytes(b"%PDF-1.4")
    (tmp_path / ".hidden.pdf").write_bytes(b"%PDF-1.4")
    assert main(["parse", str(tmp_path), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "1 input(s): 1 read" in err
    assert "skipped 3 files: .pdf 2, .md 1" in err
    (tmp_path / "notes.md").unlink()
    (tmp_path / "sub" / "scan.pdf").unlink()
    (tmp_path / "sub" / "scan2.PDF").unlink()
    assert main(["parse", str(tmp_path / "a.txt"), str(tmp_path), "-o", str(out)]) == 0
    assert "skipped" not in capsys.readouterr().err


BROKEN_PLUGIN = """Metadata-Version: 2.1
Name: lgo-decisions-broken
Version: 0.1
"""


def test_a_broken_plugin_is_warned_of_once_a_run(tmp_path: Path) -> None:
    site = tmp_path / "site"
    info = site / "lgo_decisions_broken-0.1.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(BROKEN_PLUGIN, encoding="utf-8")
    (info / "entry_points.txt").write_text(
        "[lgo_decisions.readers]\nbroken = lgo_no_such_module:READER\n", encoding="utf-8"
    )
    pages = tmp_path / "pages"
    pages.mkdir()
    for i in range(3):
        (pages / f"{i}.txt").write_text(TEXT, encoding="utf-8")
    env = _env()
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(site), env.get("PYTHONPATH")) if p)
    done = subprocess.run(
        [sys.executable, "-m", "lgo_decisions", "parse", str(pages)], capture_output=True, text=True, env=env
    )
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == 3
    assert done.stderr.count("cannot load reader 'broken'") == 1, done.stderr


@pytest.mark.parametrize("command", [name for name, _ in COMMANDS])
def test_help_has_no_rest_markup(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args([command, "--help"])
    text = capsys.readouterr().out
    assert "``" not in text
    for role in (":func:", ":class:", ":mod:", ":data:", ":meth:"):
        assert role not in text
    assert "generate_schema" not in text  # (the development script is not the users' business)
    assert "--write" not in text
    assert "--check" not in text
