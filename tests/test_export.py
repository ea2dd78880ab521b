"""Research exports: data frames of decisions and of paragraphs, Parquet files (the [pandas] extra)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lgo_decisions import Decision, read_text
from lgo_decisions.cli import main
from lgo_decisions.export import (
    DECISION_COLUMNS,
    PARAGRAPH_COLUMNS,
    paragraphs_dataframe,
    to_dataframe,
    write_parquet,
)
from lgo_decisions.model import NumberedParagraph
from lgo_decisions.testing.strategies import decisions as any_decisions
from lgo_decisions.walk import iter_block_text

from .seeds import COMPACT, SPACED, seed

_EXTRA = "the data frame and Parquet tests need pip install 'lgo-decisions[pandas]'"
pd = pytest.importorskip("pandas", reason=_EXTRA)
pq = pytest.importorskip("pyarrow.parquet", reason=_EXTRA)

SEEDS = [read_text(seed(s), name=f"{s}.txt") for s in SPACED + COMPACT]


def test_one_row_per_decision_with_flat_columns() -> None:
    df = to_dataframe(SEEDS)
    assert list(df.columns) == [c for c, _ in DECISION_COLUMNS]
    assert len(df) == len(SEEDS)
    for (_, row), d in zip(df.iterrows(), SEEDS, strict=True):
        assert row["reference"] == d.reference
        assert row["organisation"] == d.organisations[0].name
        assert row["outcome_code"] == (d.outcome.code.value if d.outcome else None)
        assert row["n_paragraphs"] == len(d.paragraphs())
        assert row["n_sections"] == len(d.sections)
        assert row["summary"] == d.summary
        assert d.decision_date is not None
        assert row["decision_date"] == pd.Timestamp(d.decision_date)
        assert row["year"] == d.decision_date.year
        assert d.reference is not None
        assert row["complaint_year"] == 2000 + int(d.reference[:2])
        assert row["n_words"] == len(d.text().split())
        assert d.source is not None
        assert row["source_name"] == d.source.name
    assert str(df["reference"].dtype) == "string"
    assert str(df["year"].dtype) == "Int64"
    assert str(df["decision_date"].dtype).startswith("datetime64")


def test_missing_fields_are_missing_values() -> None:
    df = to_dataframe([Decision()])
    row = df.iloc[0]
    for column in ("reference", "organisation", "area", "outcome_code", "decision_date", "year", "complaint_year"):
        assert pd.isna(row[column]), column
    assert row["n_paragraphs"] == 0


def test_no_decisions_give_an_empty_frame_with_the_columns() -> None:
    assert list(to_dataframe([]).columns) == [c for c, _ in DECISION_COLUMNS]
    assert list(paragraphs_dataframe([]).columns) == [c for c, _ in PARAGRAPH_COLUMNS]


def test_one_row_per_paragraph_with_section_and_number() -> None:
    df = paragraphs_dataframe(SEEDS)
    assert list(df.columns) == [c for c, _ in PARAGRAPH_COLUMNS]
    for d in SEEDS:
        rows = df[df["reference"] == d.reference]
        numbered = rows[rows["kind"] == "numbered_paragraph"]
        assert numbered["number"].tolist() == [p.number for p in d.paragraphs()]
        assert numbered["text"].tolist() == [p.text for p in d.paragraphs()]
        assert len(rows) == sum(len(s.blocks) for s in d.sections)
        first = d.sections[0]
        assert rows.iloc[0]["heading"] == first.heading
        assert rows.iloc[0]["level"] == first.level


def _paragraph_text_is_all_there(d: Decision) -> None:
    df = paragraphs_dataframe([d])
    kept = "\n".join(df["text"].fillna("").tolist() + df["nested_text"].fillna("").tolist())
    for section in d.sections:
        for piece in iter_block_text(section.blocks):
            assert piece in kept
    assert df["number"].dropna().tolist() == [
        b.number for s in d.sections for b in s.blocks if isinstance(b, NumberedParagraph)
    ]


def test_paragraph_rows_keep_all_the_seeds_text() -> None:
    for d in SEEDS:
        _paragraph_text_is_all_there(d)


@given(st.lists(any_decisions(), max_size=3))
def test_any_decisions_export(ds: list[Decision]) -> None:
    df = to_dataframe(ds)
    assert len(df) == len(ds)
    assert df["n_paragraphs"].tolist() == [len(d.paragraphs()) for d in ds]
    assert df["reference"].isna().tolist() == [d.reference is None for d in ds]
    assert df["reference"].dropna().tolist() == [d.reference for d in ds if d.reference is not None]
    for d in ds:
        _paragraph_text_is_all_there(d)


def test_parquet_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "out.parquet"
    assert write_parquet(SEEDS, path, batch_size=2) == len(SEEDS)  # several batches
    table = pq.read_table(path)
    assert table.column_names == [c for c, _ in DECISION_COLUMNS]
    assert table.column("reference").to_pylist() == [d.reference for d in SEEDS]
    assert table.column("decision_date").to_pylist() == [d.decision_date for d in SEEDS]
    assert table.column("n_paragraphs").to_pylist() == [len(d.paragraphs()) for d in SEEDS]
    frame = to_dataframe(SEEDS)
    assert table.column("summary").to_pylist() == frame["summary"].tolist()


def test_parse_writes_parquet(tmp_path: Path) -> None:
    for stem in SPACED:
        (tmp_path / f"{stem}.txt").write_text(seed(stem), encoding="utf-8")
    (tmp_path / "bad.txt").write_text("", encoding="utf-8")
    out = tmp_path / "out.parquet"
    assert main(["parse", str(tmp_path), "-o", str(out), "-q", "--workers", "2"]) == 1
    table = pq.read_table(out)
    assert table.column("reference").to_pylist() == [read_text(seed(s)).reference for s in SPACED]
    assert table.column("source_name").to_pylist() == [str(tmp_path / f"{s}.txt") for s in SPACED]


def test_exports_are_in_their_module_not_the_root() -> None:
    import lgo_decisions.export

    assert lgo_decisions.export.to_dataframe is to_dataframe
    assert lgo_decisions.export.paragraphs_dataframe is paragraphs_dataframe
    assert "to_dataframe" not in lgo_decisions.__all__


def test_parquet_into_a_missing_folder_names_the_folder(tmp_path: Path) -> None:
    from lgo_decisions.errors import NoSuchFileError

    with pytest.raises(NoSuchFileError, match="no such folder"):
        write_parquet(SEEDS[:1], tmp_path / "nowhere" / "out.parquet")
