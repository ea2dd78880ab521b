"""Records counted by the worst severity of their diagnostics: CorpusResult.worst, the parse
command's closing summary and the stats command."""

from __future__ import annotations

from pathlib import Path

import pytest

from lgo_decisions import read_text
from lgo_decisions._commands.parse import _Summary
from lgo_decisions._commands.stats import Stats
from lgo_decisions.cli import main
from lgo_decisions.corpus import CorpusResult, Line, read_corpus
from lgo_decisions.model import Diagnostic, Severity, worst_severity

CLEAN = "Kent County Council (23 008 522)\nDecision : Upheld\nThe complaint\n- Text.\nOmbudsman's decision\n"
WARNED = "Kent County Council (23 008 522)\nDecision : Settled\nThe complaint\n- Text.\nOmbudsman's decision\n"
CUT = "Kent County Council (23 008 522)\nDecision : Upheld\nThe Ombudsman's final decision:\nThe complaint\n- Cut"
TITLE_ONLY = "Kent County Council (23 008 522)\n"


def test_worst_severity_orders_error_warning_info() -> None:
    def d(severity: Severity) -> Diagnostic:
        return Diagnostic(code="x", message="", severity=severity)

    assert worst_severity([]) is None
    assert worst_severity([d(Severity.INFO)]) is Severity.INFO
    assert worst_severity([d(Severity.INFO), d(Severity.ERROR), d(Severity.WARNING)]) is Severity.ERROR
    assert worst_severity([d(Severity.WARNING), d(Severity.INFO)]) is Severity.WARNING


def test_corpus_results_carry_the_worst_severity(tmp_path: Path) -> None:
    for name, text in [("a.txt", CLEAN), ("b.txt", WARNED), ("c.txt", CUT), ("d.txt", TITLE_ONLY)]:
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "e.txt").write_bytes(b"\x89PNG\r\n\x1a\n")
    got = {Path(r.name).name: r.worst for r in read_corpus([str(tmp_path)], workers=1)}
    assert got == {"a.txt": None, "b.txt": Severity.WARNING, "c.txt": Severity.INFO, "d.txt": Severity.ERROR,
                   "e.txt": None}  # fmt: skip
    assert CorpusResult(name="x").worst is None


def test_the_parse_summary_counts_statements_by_worst_severity() -> None:
    summary = _Summary()
    for worst in ("error", "warning", "warning", "info", None):
        summary.add(Line("x", "{}", ("c",) if worst else (), None, None, worst))
    text = summary.text(None)
    assert "5 read (4 with diagnostics)" in text
    assert "  worst severity (statements): error 1, warning 2, info 1" in text


def test_the_parse_command_reports_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(WARNED, encoding="utf-8")
    (tmp_path / "b.txt").write_text(CUT, encoding="utf-8")
    assert main(["parse", "--workers", "1", "-o", str(tmp_path / "out.jsonl"), str(tmp_path)]) == 0
    assert "worst severity (statements): warning 1, info 1" in capsys.readouterr().err


def test_stats_counts_records_by_worst_severity() -> None:
    s = Stats()
    for text in (CLEAN, WARNED, CUT, TITLE_ONLY, TITLE_ONLY):
        s.add(read_text(text))
    assert s.as_dict()["worst_severity"] == {"error": 2, "warning": 1, "info": 1}
    assert "  worst: error" in s.table()
