"""``read_corpus(..., progress=True)``: tqdm's bar when tqdm is installed, the command line's otherwise."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from lgo_decisions import read_corpus

TEXT = "Kent County Council (23 008 522)\nDecision : Upheld\nThe complaint\n1. Mr X complained."


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "broken.txt").write_bytes(b"\x00\x01\x02" * 100)
    return tmp_path


def test_no_bar_by_default(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert len(list(read_corpus(folder))) == 4
    assert capsys.readouterr().err == ""


def test_progress_draws_tqdm_bar(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("tqdm", reason="the tqdm bar needs pip install 'lgo-decisions[progress]'")
    results = list(read_corpus(folder, progress=True))
    assert [r.ok for r in results].count(False) == 1
    err = capsys.readouterr().err
    assert "4/4" in err
    assert "statements" in err
    assert "failed=1" in err


def test_progress_without_tqdm_draws_the_command_line_bar(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)  # import fails: tqdm is not installed
    results = list(read_corpus([folder], progress=True))
    assert len(results) == 4
    err = capsys.readouterr().err
    assert "4/4 [" in err
    assert "1 failed" in err
    assert err.endswith("\r")  # cleared at the end


def test_stopping_early_closes_the_bar(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    it = read_corpus(folder, progress=True)
    next(it)
    it.close()
    assert "/4" in capsys.readouterr().err
