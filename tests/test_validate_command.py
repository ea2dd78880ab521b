"""The ``schema`` and ``validate`` commands."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from lgo_decisions import SCHEMA_VERSION, Decision, dumps, read_text
from lgo_decisions._commands.validate import check_lines
from lgo_decisions.cli import main
from lgo_decisions.jsonschema import json_schema
from lgo_decisions.model import Organisation

from .seeds import EXAMPLES

GOOD = dumps(Decision(reference="20 007 417", organisations=[Organisation(name="Kent County Council")]))


def _jsonl(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_schema_command_prints_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == json_schema()
    assert main(["schema", "--strict"]) == 0
    assert json.loads(capsys.readouterr().out) == json_schema(strict=True)


def test_all_good_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seeds = [dumps(read_text(p.read_text(encoding="utf-8"))) for p in sorted(EXAMPLES.glob("*.txt"))]
    path = _jsonl(tmp_path, GOOD, "", *seeds)
    assert main(["validate", "--strict", str(path)]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert f"{path}: 6 record(s), 0 bad" in err


def test_each_bad_line_is_reported_with_its_reason(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    record = json.loads(GOOD)
    bad_level = {**record, "sections": [{"heading": "X", "level": 9, "blocks": []}]}
    bad_block = {**record, "sections": [{"blocks": [{"type": "numbered_paragraph", "number": 0, "text": "x"}]}]}
    path = _jsonl(
        tmp_path,
        GOOD,
        "{not json",
        json.dumps(bad_level),
        "[1, 2]",
        GOOD,
        json.dumps({**record, "decision_date": "2021-02-30"}),
        json.dumps(bad_block),
        json.dumps({**record, "schema_version": "3.1"}),
        json.dumps({**record, "reference": "20 007 417\n"}),
    )
    assert main(["validate", str(path)]) == 1
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert [line.split(": ", 1)[0] for line in lines] == [f"{path}:{n}" for n in (2, 3, 4, 6, 7, 8, 9)]
    assert "not JSON" in lines[0]
    assert "9 is greater than the maximum of 6 @ $.sections[0].level" in lines[1]
    assert "a record must be a JSON object, got list" in lines[2]
    assert '"2021-02-30" is not a real date written YYYY-MM-DD @ $.decision_date' in lines[3]
    assert "0 is less than the minimum of 1 @ $.sections[0].blocks[0].number" in lines[4]
    assert f"newer than this library's {SCHEMA_VERSION}" in lines[5]
    assert "@ $.reference" in lines[6]
    assert f"{path}: 9 record(s), 7 bad" in err


def test_strict_rejects_unknown_keys(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _jsonl(tmp_path, json.dumps({**json.loads(GOOD), "colour": "red"}))
    assert main(["validate", str(path)]) == 0
    assert main(["validate", "--strict", str(path)]) == 1
    out = capsys.readouterr().out
    assert out == f"{path}:1: schema: unknown key 'colour' @ $\n"


def test_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(tmp_path / "missing.jsonl")]) == 2
    assert "no such file" in capsys.readouterr().err
    with pytest.raises(SystemExit) as info:
        main(["validate"])
    assert info.value.code == 2
    latin = tmp_path / "latin.jsonl"
    latin.write_bytes(b'{"summary": "caf\xe9"}\n')
    assert main(["validate", str(latin)]) == 2


def test_without_jsonschema_records_are_checked_by_loading(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "jsonschema", None)  # import jsonschema now raises ImportError
    path = _jsonl(tmp_path, GOOD, json.dumps({**json.loads(GOOD), "organisations": [{}]}))
    assert main(["validate", str(path)]) == 1
    out, err = capsys.readouterr()
    assert out == f"{path}:2: load: record does not fit schema v1: required field missing @ $.organisations[0].name\n"
    assert "jsonschema is not installed" in err


def test_check_lines_reports_good_lines_as_none() -> None:
    assert list(check_lines([GOOD + "\n", "\n", "{}\n", "null\n"])) == [
        (1, None),
        (
            3,
            "load: record does not fit schema v1: no reference, no sections and no source: "
            "a record must have one of them @ $",
        ),
        (4, "a record must be a JSON object, got NoneType"),
    ]
