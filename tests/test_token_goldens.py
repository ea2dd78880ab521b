"""Token-stream goldens for both built-in readers: one input file, one expected token file.

Each input under ``tests/tokens/`` (made-up statements in the shapes of real ones; ``.txt`` for the
text reader, ``.html`` for the HTML reader) and each seed in ``examples/`` has an expected token
stream beside it in ``tests/tokens/expected/<name>.tokens.jsonl``: one token a line, the fields a
token carries (kind, text, and where set: depth, number, level, name, organisation, reference,
line). A missing expected file fails. Regenerate on purpose only, then review the diff (as
pygments does with its golden files):

    LGO_REGEN_TOKENS=1 python -m pytest tests/test_token_goldens.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from lgo_decisions.plugin import Token
from lgo_decisions.readers.html import tokenize_html
from lgo_decisions.readers.text import tokenize

ROOT = Path(__file__).resolve().parents[1]
TOKENS = ROOT / "tests" / "tokens"
EXPECTED = TOKENS / "expected"
INPUTS = sorted([*TOKENS.glob("*.txt"), *TOKENS.glob("*.html"), *(ROOT / "examples").glob("*.txt")])
REGEN = os.environ.get("LGO_REGEN_TOKENS") == "1"


def _row(tok: Token) -> dict[str, Any]:
    row: dict[str, Any] = {"kind": tok.kind.value, "text": tok.text}
    for field in ("depth", "number", "level", "name", "organisation", "reference", "line"):
        value = getattr(tok, field)
        if value not in (None, 0):
            row[field] = value
    return row


def _tokens(path: Path) -> list[dict[str, Any]]:
    text = path.read_text(encoding="utf-8")
    toks = tokenize_html(text) if path.suffix == ".html" else list(tokenize(text))
    return [_row(t) for t in toks]


def test_there_are_inputs_for_both_readers() -> None:
    assert {p.suffix for p in INPUTS} == {".txt", ".html"}
    assert len(INPUTS) >= 10


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_tokens_match_golden(path: Path) -> None:
    expected = EXPECTED / f"{path.stem}.tokens.jsonl"
    got = _tokens(path)
    if REGEN:
        EXPECTED.mkdir(exist_ok=True)
        expected.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in got), encoding="utf-8")
    assert expected.is_file(), f"no expected tokens for {path.name}: run with LGO_REGEN_TOKENS=1 and review them"
    want = [json.loads(line) for line in expected.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert got == want


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_tokens_come_in_input_order(path: Path) -> None:
    """Line numbers never go back and never pass the end of the input (the stream is in reading order)."""
    lines = [t["line"] for t in _tokens(path) if "line" in t]
    assert lines == sorted(lines)
    assert lines[-1] <= path.read_text(encoding="utf-8").count("\n") + 1
