"""Helpers for tests: the seed statements shipped in ``examples/``."""

from __future__ import annotations

from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SPACED = ("000_9284c856b9d4e60e", "001_546571a6deac335f", "004_9498e815dd3f7996")
COMPACT = ("002_6d7b561c0b11b3e9", "003_978548f2022fce23")


def seed(stem: str) -> str:
    """The text of one seed statement."""
    return (EXAMPLES / f"{stem}.txt").read_text(encoding="utf-8")


def statement_and_footer(stem: str) -> tuple[str, str]:
    """A spaced seed split into the statement and its page footer (from "Print this page")."""
    text = seed(stem)
    cut = text.index("Print this page")
    return text[:cut], text[cut:]
