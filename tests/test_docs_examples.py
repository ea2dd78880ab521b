"""The Python examples in README-linked docs pages run, so they cannot rot."""

from __future__ import annotations

import doctest
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = sorted(p for p in (ROOT / "docs").rglob("*.md") if ">>> " in p.read_text(encoding="utf-8"))


def test_some_pages_have_examples() -> None:
    assert any(p.name == "quickstart.md" for p in PAGES)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_page_examples(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # examples use paths relative to the repository
    result = doctest.testfile(
        str(page),
        module_relative=False,
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
        encoding="utf-8",
        verbose=False,
        raise_on_error=False,
        report=True,
    )
    assert result.failed == 0, f"{result.failed} failing example(s) in {page.name}"
    assert os.getcwd() == str(ROOT)
