"""``facts_dataframe``: the facts of many decisions as one table for analysis (needs the extra ``pandas``)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from ..export import _MISSING_EXTRA
from ..model import Decision
from ._extract import extract_facts
from ._models import Facts, Span

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["FACT_COLUMNS", "fact_rows", "facts_dataframe", "facts_of"]

FACT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("reference", "str"),  # the decision's reference: the key back to its record (to_dataframe)
    ("url", "str"),
    ("area", "str"),
    ("finding", "str"),  # the decision's finding, repeated on each of its rows
    ("decided_by", "str"),
    ("fact", "str"),  # legislation, ground or remedy
    ("instrument", "str"),
    ("provision", "str"),
    ("ground", "str"),
    ("body", "str"),
    ("remedy", "str"),  # the remedy's kind
    ("amount_pence", "int"),
    ("purpose", "str"),
    ("deadline_days", "int"),
    ("already_provided", "bool"),
    ("text", "str"),
    ("section", "int"),  # the span: section index (-1: the record's own lines), block index, paragraph number
    ("block", "int"),
    ("paragraph", "int"),
    ("start", "int"),
    ("end", "int"),
)
"""Columns of :func:`facts_dataframe` (one row per citation, ground and remedy)."""


def facts_of(decision: Decision) -> Facts:
    """The decision's facts: its ``facts`` extension when it has one, else extracted now."""
    payload = decision.extensions.get("facts")
    return payload if isinstance(payload, Facts) else extract_facts(decision)


def _span(span: Span) -> dict[str, Any]:
    return {
        "section": span.section,
        "block": span.block,
        "paragraph": span.paragraph,
        "start": span.start,
        "end": span.end,
    }


def fact_rows(decision: Decision) -> Iterator[dict[str, Any]]:
    """One flat row (the :data:`FACT_COLUMNS`) per citation, ground and remedy of ``decision``."""
    facts = facts_of(decision)
    base = {
        "reference": decision.reference,
        "url": decision.url,
        "area": decision.category.area if decision.category else None,
        "finding": facts.finding.value if facts.finding else None,
        "decided_by": facts.decided_by.value if facts.decided_by else None,
    }
    for c in facts.legislation:
        yield {
            **base,
            "fact": "legislation",
            "instrument": c.instrument,
            "provision": c.provision,
            "text": c.text,
            **_span(c.span),
        }
    for g in facts.grounds:
        yield {**base, "fact": "ground", "ground": g.ground.value, "body": g.body, "text": g.text, **_span(g.span)}
    for r in facts.remedies:
        yield {
            **base,
            "fact": "remedy",
            "remedy": r.kind.value,
            "amount_pence": r.amount_pence,
            "purpose": r.purpose.value if r.purpose else None,
            "deadline_days": r.deadline_days,
            "already_provided": r.already_provided,
            "text": r.text,
            **_span(r.span),
        }


def facts_dataframe(records: Iterable[Decision]) -> pd.DataFrame:
    """A pandas data frame with one row per citation, ground and remedy (:data:`FACT_COLUMNS`).

    Each row carries its decision's ``reference`` (and ``url``), to join to :func:`lgo_decisions.export.to_dataframe`.
    A record's ``facts`` extension is used when it has one; otherwise the facts are extracted.

    >>> from lgo_decisions import read_text
    >>> d = read_text("Kent County Council (23 008 522)\\nSummary: We found fault causing injustice. "
    ...               "The Council has agreed to apologise and pay Mr X £150.")
    >>> facts_dataframe([d])[["reference", "remedy", "amount_pence"]].values.tolist()
    [['23 008 522', 'apology', <NA>], ['23 008 522', 'payment', 15000]]
    """
    try:
        import pandas as pd
    except ImportError as exc:
        raise ImportError(_MISSING_EXTRA) from exc
    rows = [row for record in records for row in fact_rows(record)]
    df: pd.DataFrame = pd.DataFrame.from_records(rows, columns=[c for c, _ in FACT_COLUMNS])
    dtypes: dict[str, Any] = {"str": "string", "int": "Int64", "bool": "boolean"}
    for column, kind in FACT_COLUMNS:
        df[column] = df[column].astype(dtypes[kind])
    return df
