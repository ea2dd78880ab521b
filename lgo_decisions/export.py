"""Research exports: pandas data frames and Parquet files (the optional extra ``lgo-decisions[pandas]``).

pandas and pyarrow are imported only when these functions run, so the base install does not need them.
Columns are listed in :data:`DECISION_COLUMNS` and :data:`PARAGRAPH_COLUMNS`; ``lgo-decisions parse
-o out.parquet`` writes the decision columns through :class:`ParquetSink`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from .errors import NoSuchFileError
from .model import Block, BulletList, Decision, NumberedParagraph, SubParagraph
from .walk import iter_block_text, iter_text

if TYPE_CHECKING:
    import pandas as pd

# (column, kind) in order; kinds: "str", "int" (nullable), "date"
DECISION_COLUMNS: tuple[tuple[str, str], ...] = (
    ("reference", "str"),
    ("organisation", "str"),  # the first organisation named in the title
    ("organisations", "str"),  # every organisation, joined with "; "
    ("n_organisations", "int"),
    ("area", "str"),
    ("subject", "str"),
    ("outcome_code", "str"),
    ("outcome_label", "str"),
    ("outcome_detail", "str"),
    ("decision_date", "date"),
    ("year", "int"),  # year of the decision date
    ("complaint_year", "int"),  # year the complaint arrived, from the reference (YY)
    ("summary", "str"),
    ("n_sections", "int"),
    ("n_paragraphs", "int"),  # numbered paragraphs
    ("n_words", "int"),  # words of statement text (summary, headings, blocks, closing line)
    ("decided_by", "str"),
    ("url", "str"),
    ("reader", "str"),
    ("source_name", "str"),
    ("content_hash", "str"),
    ("n_diagnostics", "int"),
    ("diagnostics", "str"),  # diagnostic codes, joined with "; "
    ("schema_version", "str"),
)
"""Columns of :func:`to_dataframe` (one row per decision)."""

PARAGRAPH_COLUMNS: tuple[tuple[str, str], ...] = (
    ("reference", "str"),
    ("url", "str"),
    ("section", "int"),  # 1-based place of the section in the statement
    ("heading", "str"),
    ("level", "int"),
    ("position", "int"),  # 1-based place of the block in its section
    ("kind", "str"),  # numbered_paragraph, paragraph, bullet_list, sub_paragraph
    ("number", "int"),  # statement-wide number of a numbered paragraph
    ("text", "str"),  # the block's own text (a bullet list: its items, one a line)
    ("nested_text", "str"),  # text of its sub-paragraphs, bullets and continuations, one a line
)
"""Columns of :func:`paragraphs_dataframe` (one row per block of a section: numbered paragraphs and the rest)."""

_MISSING_EXTRA = "this needs the optional extra: pip install 'lgo-decisions[pandas]'"


def _joined(values: Iterable[str]) -> str | None:
    out = "; ".join(values)
    return out or None


def _complaint_year(reference: str | None) -> int | None:
    if not reference:
        return None
    yy = int(reference[:2])
    return 2000 + yy if yy < 90 else 1900 + yy


def decision_row(d: Decision) -> dict[str, Any]:
    """One decision as a flat row (the :data:`DECISION_COLUMNS`); needs neither pandas nor pyarrow.

    >>> import lgo_decisions
    >>> row = decision_row(lgo_decisions.read_text("Kent County Council (23 008 522)\\nDecision : Upheld"))
    >>> row["organisation"], row["outcome_code"], row["complaint_year"]
    ('Kent County Council', 'upheld', 2023)
    """
    names = [o.name for o in d.organisations]
    return {
        "reference": d.reference,
        "organisation": names[0] if names else None,
        "organisations": _joined(names),
        "n_organisations": len(names),
        "area": d.category.area if d.category else None,
        "subject": d.category.subject if d.category else None,
        "outcome_code": d.outcome.code.value if d.outcome else None,
        "outcome_label": d.outcome.label if d.outcome else None,
        "outcome_detail": d.outcome.detail if d.outcome else None,
        "decision_date": d.decision_date,
        "year": d.decision_date.year if d.decision_date else None,
        "complaint_year": _complaint_year(d.reference),
        "summary": d.summary,
        "n_sections": len(d.sections),
        "n_paragraphs": len(d.paragraphs()),
        "n_words": sum(len(t.split()) for t in iter_text(d)),
        "decided_by": d.decided_by,
        "url": d.url,
        "reader": d.source.reader if d.source else None,
        "source_name": d.source.name if d.source else None,
        "content_hash": d.source.content_hash if d.source else None,
        "n_diagnostics": len(d.diagnostics),
        "diagnostics": _joined(x.code for x in d.diagnostics),
        "schema_version": d.schema_version,
    }


def _own_text(block: Block) -> str:
    if isinstance(block, BulletList):
        return "\n".join(block.items)
    return block.text


def paragraph_rows(d: Decision) -> Iterator[dict[str, Any]]:
    """Each block of each section of ``d`` as a flat row (the :data:`PARAGRAPH_COLUMNS`).

    >>> import lgo_decisions
    >>> d = lgo_decisions.read_text("Kent County Council (23 008 522)\\nThe complaint\\n- Mr X complained.")
    >>> [(r["heading"], r["kind"], r["number"], r["text"]) for r in paragraph_rows(d)]
    [('The complaint', 'numbered_paragraph', 1, 'Mr X complained.')]
    """
    for s_index, section in enumerate(d.sections, 1):
        for position, block in enumerate(section.blocks, 1):
            nested = block.blocks if isinstance(block, (NumberedParagraph, SubParagraph)) else ()
            yield {
                "reference": d.reference,
                "url": d.url,
                "section": s_index,
                "heading": section.heading,
                "level": section.level,
                "position": position,
                "kind": block.type,
                "number": block.number if isinstance(block, NumberedParagraph) else None,
                "text": _own_text(block),
                "nested_text": "\n".join(iter_block_text(nested)) or None,
            }


def _frame(rows: Iterable[dict[str, Any]], columns: tuple[tuple[str, str], ...]) -> pd.DataFrame:
    try:
        import pandas as pd
    except ImportError as exc:
        raise ImportError(_MISSING_EXTRA) from exc
    df: pd.DataFrame = pd.DataFrame.from_records(list(rows), columns=[c for c, _ in columns])
    for column, kind in columns:
        if kind == "date":
            df[column] = pd.to_datetime(df[column])
        elif kind == "int":
            df[column] = df[column].astype("Int64")
        else:
            df[column] = df[column].astype("string")
    return df


def to_dataframe(decisions: Iterable[Decision]) -> pd.DataFrame:
    """A pandas data frame with one row per decision and flat columns (:data:`DECISION_COLUMNS`).

    Strings are pandas ``string``, counts and years nullable ``Int64``, ``decision_date`` a datetime.

    >>> import lgo_decisions
    >>> df = to_dataframe([lgo_decisions.read_text("Kent County Council (23 008 522)\\nDecision : Upheld")])
    >>> df.loc[0, "outcome_code"], int(df.loc[0, "complaint_year"])
    ('upheld', 2023)
    """
    return _frame(map(decision_row, decisions), DECISION_COLUMNS)


def paragraphs_dataframe(decisions: Iterable[Decision]) -> pd.DataFrame:
    """A pandas data frame with one row per block of every section (:data:`PARAGRAPH_COLUMNS`).

    Numbered paragraphs carry their statement-wide ``number``; the other blocks (unnumbered
    paragraphs, bullet lists) have no number, so no statement text is left out.

    >>> import lgo_decisions
    >>> d = lgo_decisions.read_text("Kent County Council (23 008 522)\\nThe complaint\\n- Mr X complained.")
    >>> paragraphs_dataframe([d])[["heading", "number", "text"]].values.tolist()
    [['The complaint', 1, 'Mr X complained.']]
    """
    return _frame((row for d in decisions for row in paragraph_rows(d)), PARAGRAPH_COLUMNS)


def arrow_schema() -> Any:
    """The pyarrow schema of the Parquet files written by :func:`write_parquet`.

    >>> schema = arrow_schema()
    >>> schema.names[:3], str(schema.field("decision_date").type)
    (['reference', 'organisation', 'organisations'], 'date32[day]')
    """
    try:
        import pyarrow as pa
    except ImportError as exc:
        raise ImportError(_MISSING_EXTRA) from exc
    types = {"str": pa.string(), "int": pa.int64(), "date": pa.date32()}
    return pa.schema([(column, types[kind]) for column, kind in DECISION_COLUMNS])


class ParquetSink:
    """Write decisions to a Parquet file in batches (memory stays flat), one row per decision.

    >>> import tempfile, pathlib, lgo_decisions
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "out.parquet"
    >>> with ParquetSink(path) as sink:
    ...     sink.write(lgo_decisions.read_text("Kent County Council (23 008 522)"))
    >>> import pyarrow.parquet as pq
    >>> pq.read_table(path).column("reference").to_pylist()
    ['23 008 522']
    """

    def __init__(self, path: str | os.PathLike[str], *, batch_size: int = 2048) -> None:
        try:
            import pyarrow.parquet as pq
        except ImportError as exc:
            raise ImportError(_MISSING_EXTRA) from exc
        self._schema = arrow_schema()
        folder = os.path.dirname(os.path.abspath(os.fspath(path)))
        if not os.path.isdir(folder):  # (the rule of every writing function: docs/reading.md)
            raise NoSuchFileError(folder, "folder")
        self._writer = pq.ParquetWriter(os.fspath(path), self._schema)
        self._rows: list[dict[str, Any]] = []
        self._batch_size = batch_size
        self.count = 0

    def write(self, decision: Decision) -> None:
        """Add one decision (written when the batch is full, or on :meth:`close`)."""
        self._rows.append(decision_row(decision))
        self.count += 1
        if len(self._rows) >= self._batch_size:
            self._flush()

    def _flush(self) -> None:
        if self._rows:
            import pyarrow as pa

            self._writer.write_table(pa.Table.from_pylist(self._rows, schema=self._schema))
            self._rows = []

    def close(self) -> None:
        """Write what is left and close the file."""
        self._flush()
        self._writer.close()

    def __enter__(self) -> ParquetSink:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def write_parquet(decisions: Iterable[Decision], path: str | os.PathLike[str], *, batch_size: int = 2048) -> int:
    """Write ``decisions`` to a Parquet file (the :data:`DECISION_COLUMNS`); returns how many were written.

    >>> import pathlib, tempfile, lgo_decisions
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "decisions.parquet"
    >>> write_parquet([lgo_decisions.read_text("Kent County Council (23 008 522)")], path)
    1
    >>> import pyarrow.parquet as pq
    >>> pq.read_table(path).column("organisation").to_pylist()
    ['Kent County Council']
    """
    with ParquetSink(path, batch_size=batch_size) as sink:
        for d in decisions:
            sink.write(d)
    return sink.count
