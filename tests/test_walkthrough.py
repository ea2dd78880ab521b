"""The walkthrough page's code runs as written: a folder of statements to a table and a PNG chart.

The ```python blocks of docs/walkthrough.md run, in order, in a temporary folder whose
``statements/`` holds the five examples and varied copies of them (other areas, outcomes and
dates, one without its header lines, one in a subfolder) and a file that is not a statement. The
expected table is counted here from those variations, not from the library.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "walkthrough.md"
EXAMPLES = sorted((ROOT / "examples").glob("*.txt"))
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"

# The five examples as published: (area, year, outcome label)
ORIGINALS = {
    "000": ("Children's care services", 2021, "Closed after initial enquiries"),
    "001": ("Children's care services", 2022, "Closed after initial enquiries"),
    "002": ("Children's care services", 2023, "Closed after initial enquiries"),
    "003": ("Children's care services", 2024, "Closed after initial enquiries"),
    "004": ("Children's care services", 2024, "Closed after initial enquiries"),
}
# Varied copies: (example, file name in statements/, "Area > Subject", outcome label, decision date)
VARIED = (
    ("000", "housing/a.txt", "Housing > Homelessness", "Upheld", "12 Jan 2021"),
    ("001", "housing/b.txt", "Housing > Allocations", "Not upheld", "02 Mar 2021"),
    ("002", "housing/c.txt", "Housing > Homelessness", "Upheld", "03 Oct 2023"),
    ("003", "education-1.txt", "Education > School transport", "Upheld", "31 Oct 2024"),
    ("004", "education-2.txt", "Education > Special educational needs", "Not upheld", "15 Jul 2024"),
    ("002", "education-3.txt", "Education > School transport", "Closed after initial enquiries", "01 Feb 2022"),
)
HEADERLESS = "002"  # a copy without its Category, Decision and Decision date lines


def _code_blocks(page: Path) -> list[str]:
    return re.findall(r"^```python\n(.*?)^```", page.read_text(encoding="utf-8"), flags=re.S | re.M)


def _example(stem: str) -> Path:
    return next(p for p in EXAMPLES if p.name.startswith(stem + "_"))


def _vary(text: str, category: str, outcome: str, date: str) -> str:
    replaced = {"Category": category, "Decision": outcome, "Decision date": date}
    out, seen = [], set()
    for line in text.splitlines():
        m = re.match(r"^(Category|Decision|Decision date) : ", line)
        if m and m.group(1) not in seen:
            seen.add(m.group(1))
            line = f"{m.group(1)} : {replaced[m.group(1)]}"
        out.append(line)
    assert seen == set(replaced), "an example lost its header lines: update this test's variations"
    return "\n".join(out) + "\n"


def _headerless(text: str) -> str:
    return "\n".join(ln for ln in text.splitlines() if not re.match(r"^(Category|Decision|Decision date) : ", ln))


@pytest.fixture
def statements(tmp_path: Path) -> Counter[tuple[str, int, str]]:
    """Fill tmp_path/statements; return the expected count of each (area, year, outcome label)."""
    folder = tmp_path / "statements"
    folder.mkdir()
    expected: Counter[tuple[str, int, str]] = Counter()
    for stem, row in ORIGINALS.items():
        source = _example(stem)
        (folder / source.name).write_bytes(source.read_bytes())
        expected[row] += 1
    for stem, name, category, outcome, date in VARIED:
        target = folder / name
        target.parent.mkdir(exist_ok=True)
        target.write_text(_vary(_example(stem).read_text(encoding="utf-8"), category, outcome, date), encoding="utf-8")
        year = int(date[-4:])
        expected[(category.split(" > ")[0], year, outcome)] += 1
    (folder / "no-header.txt").write_text(
        _headerless(_example(HEADERLESS).read_text(encoding="utf-8")), encoding="utf-8"
    )
    (folder / "broken.txt").write_bytes(bytes(range(256)))  # a failed save: binary data
    return expected


def test_page_has_the_steps() -> None:
    blocks = _code_blocks(PAGE)
    assert len(blocks) >= 4
    assert ">>> " not in PAGE.read_text(encoding="utf-8")  # script code, not doctests
    assert all(p.name[:3] in ORIGINALS for p in EXAMPLES)
    assert len(EXAMPLES) == len(ORIGINALS)


def test_walkthrough_runs(
    statements: Counter[tuple[str, int, str]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    for module in ("pandas", "matplotlib"):
        pytest.importorskip(module, reason="the walkthrough needs pip install 'lgo-decisions[walkthrough]'")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MPLBACKEND", "Agg")
    namespace: dict[str, object] = {"__name__": "__walkthrough__"}
    for i, block in enumerate(_code_blocks(PAGE), 1):
        exec(compile(block, f"{PAGE.name} (block {i})", "exec"), namespace)
    printed = capsys.readouterr().out

    n_read = len(ORIGINALS) + len(VARIED) + 1
    assert f"read {n_read} statements; 1 files could not be read" in printed
    assert "broken.txt: DecodeError" in printed
    assert "1 statements without an area, a decision date or an outcome" in printed

    import pandas as pd

    table = namespace["table"]
    assert isinstance(table, pd.DataFrame)
    labels = sorted({label for _, _, label in statements})
    assert list(table.columns) == [*labels, "Total", "Upheld (%)"]
    rows = sorted({(area, year) for area, year, _ in statements})
    assert [(str(a), int(y)) for a, y in table.index] == rows
    for area, year in rows:
        counts = {label: int(table.loc[(area, year), label]) for label in [*labels, "Total"]}
        for label in labels:
            assert counts[label] == statements[(area, year, label)], (area, year, label)
        assert counts["Total"] == sum(statements[(area, year, label)] for label in labels)
        upheld_share = float(table.loc[(area, year), "Upheld (%)"])
        assert upheld_share == round(100 * counts["Upheld"] / counts["Total"], 1)
    assert table["Total"].sum() == n_read - 1  # everything read, less the statement without a header
    assert table.loc[("Housing", 2021), "Upheld"] == 1
    assert table.loc[("Housing", 2021), "Not upheld"] == 1

    csv = pd.read_csv(tmp_path / "outcomes_by_area_and_year.csv")
    assert len(csv) == len(rows)
    assert list(csv.columns) == ["area", "year", *labels, "Total", "Upheld (%)"]

    png = tmp_path / "outcomes_by_area_and_year.png"
    data = png.read_bytes()
    assert data[:8] == PNG_MAGIC
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert width > 500
    assert height > 200


def test_the_output_shown_is_what_the_code_prints_on_the_examples(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The page's "Output" blocks are what its code prints on the five examples, as it says."""
    for module in ("pandas", "matplotlib"):
        pytest.importorskip(module, reason="the walkthrough needs pip install 'lgo-decisions[walkthrough]'")
    (tmp_path / "statements").mkdir()
    for example in EXAMPLES:
        (tmp_path / "statements" / example.name).write_bytes(example.read_bytes())
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MPLBACKEND", "Agg")
    namespace: dict[str, object] = {"__name__": "__walkthrough__"}
    for i, block in enumerate(_code_blocks(PAGE), 1):
        exec(compile(block, f"{PAGE.name} (block {i})", "exec"), namespace)
    shown = re.findall(r'^```text title="Output"\n(.*?)^```', PAGE.read_text(encoding="utf-8"), flags=re.S | re.M)
    assert len(shown) >= 3
    assert capsys.readouterr().out == "".join(shown)
