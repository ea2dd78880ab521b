"""Datasette's ``metadata.json`` for a database: titles, descriptions, column labels, canned queries.

It is written beside the database as ``metadata.json``, keyed by the database's name (its file
name without the suffix, as Datasette names it). A ``metadata.json`` already there is rewritten
only when it is ours (its ``about`` is :data:`ABOUT`): the entries of other databases in it are
kept. When a ``metadata.json`` there is somebody else's, ``NAME.metadata.json`` is written instead
(again only when absent or ours); when both are somebody else's, none is written.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from typing import Any

from ._outputs import _umask

ABOUT = "lgo-decisions"
"""The ``about`` value of the metadata this library writes: what makes a ``metadata.json`` ours."""

_COLUMNS: dict[str, dict[str, str]] = {
    "decisions": {
        "key": "What identifies the statement across builds: its reference (else its address or hash)",
        "reference": "Complaint reference (YY NNN NNN)",
        "organisation": "Body complained about (the first one named)",
        "organisation_id": "Body complained about (link)",
        "organisations": "Every body named, joined with '; '",
        "area": "Category: area",
        "subject": "Category: subject",
        "outcome_code": "Outcome (normalised code)",
        "outcome_label": "Outcome as published",
        "decision_date": "Decision date (YYYY-MM-DD)",
        "year": "Year of the decision",
        "complaint_year": "Year the complaint arrived (from the reference)",
        "summary": "Summary at the head of the statement",
        "n_paragraphs": "Numbered paragraphs",
        "n_words": "Words of statement text",
        "decided_by": "Closing line: who decided",
        "url": "Address on the Ombudsman's site",
        "content_hash": "SHA-256 of the input read",
        "diagnostics": "What the reader noticed and could not place (codes)",
        "schema_version": "Record schema version",
        "finding": "Facts: the finding about fault",
        "complainant": "Facts: how the statement names the complainant",
        "facts_scheme": "Facts: coding scheme version (empty: no facts extracted)",
        "record_hash": "SHA-256 of the stored record (a changed one is replaced)",
        "record": "The whole record as JSON (schema v1)",
    },
    "paragraphs": {
        "decision_id": "Statement",
        "section": "Section (1-based place in the statement)",
        "heading": "Section heading",
        "position": "Place of the block in its section",
        "kind": "numbered_paragraph, paragraph, bullet_list or sub_paragraph",
        "number": "Statement-wide paragraph number",
        "text": "The block's own text",
        "nested_text": "Its sub-paragraphs, bullets and continuations",
    },
    "citations": {
        "instrument": "Act, regulation or code cited",
        "provision": "Provision cited (e.g. section 26(6)(a))",
        "text": "The citation as written",
    },
    "remedies": {
        "kind": "apology, payment, refund, reassess, service_improvement, action, report_back",
        "amount_pence": "Sum in pence (payments and refunds)",
        "purpose": "What a payment is for",
        "deadline_days": "Time given, in days",
        "already_provided": "1: the body gave it before the complaint reached the Ombudsman",
        "text": "The sentence as written",
    },
    "grounds": {
        "ground": "Why the Ombudsman did not investigate (or stopped)",
        "body": "The body better placed, where named",
        "text": "The sentence as written",
    },
}
_SPAN_NOTE = "span_* columns: where the text was found (section, block, paragraph, characters)"

_TABLES: dict[str, dict[str, Any]] = {
    "decisions": {
        "title": "Decision statements",
        "description": "One row per statement: its header fields, summary, counts and the whole record as JSON.",
        "sort_desc": "decision_date",
        "facets": ["outcome_code", "area", "year"],
        "label_column": "reference",
    },
    "paragraphs": {
        "title": "Paragraphs",
        "description": "One row per block of a section, with its statement-wide number and its section's "
        "heading. The search box searches the text (full-text, with stemming).",
        "fts_table": "paragraphs_fts",
        "fts_pk": "id",
        "facets": ["heading"],
    },
    "organisations": {"title": "Bodies complained about", "label_column": "name"},
    "decision_organisations": {"title": "Bodies of each statement", "description": "In title order."},
    "citations": {"title": "Legislation cited", "description": "Facts: one row per citation. " + _SPAN_NOTE},
    "remedies": {"title": "Remedies", "description": "Facts: one row per remedy agreed. " + _SPAN_NOTE},
    "grounds": {"title": "Grounds for not investigating", "description": "Facts. " + _SPAN_NOTE},
    "_lgo_decisions": {"hidden": True},
}

QUERIES: dict[str, dict[str, str]] = {
    "upheld_school_transport_payments": {
        "title": "Upheld complaints about school transport with a payment over £500",
        "description": "Needs facts (remedies); amounts in pounds.",
        "sql": "select d.reference, d.organisation, d.decision_date, r.amount_pence / 100.0 as amount_pounds, "
        "r.purpose, r.text, d.url\nfrom decisions d join remedies r on r.decision_id = d.id\n"
        "where d.outcome_code = 'upheld' and d.subject = 'School transport'\n"
        "  and r.kind = 'payment' and r.amount_pence > 50000\norder by r.amount_pence desc",
    },
    "cite_section_26_6_a": {
        "title": "Statements that cite section 26(6)(a)",
        "description": "Of the Local Government Act 1974 (the right of appeal to a tribunal); needs facts.",
        "sql": "select d.reference, d.organisation, d.decision_date, d.outcome_label, c.text, d.url\n"
        "from citations c join decisions d on d.id = c.decision_id\n"
        "where c.instrument = 'Local Government Act 1974' and c.provision = 'section 26(6)(a)'\n"
        "order by d.decision_date desc",
    },
    "search_paragraphs": {
        "title": "Full-text search of the paragraphs",
        "description": "Finds the words as a phrase (e.g. top-up fee), with stemming.",
        "sql": "select d.reference, d.organisation, p.heading, p.number,\n"
        "  snippet(paragraphs_fts, -1, '[', ']', '…', 16) as snippet, d.url\n"
        "from paragraphs_fts join paragraphs p on p.id = paragraphs_fts.rowid\n"
        "join decisions d on d.id = p.decision_id\n"
        "where paragraphs_fts match '\"' || replace(:phrase, '\"', '\"\"') || '\"'\n"
        "order by rank limit 100",
    },
}
"""The canned queries (name -> title, description, SQL); ``docs/database.md`` shows them."""


def metadata(name: str, existing: dict[str, Any] | None = None) -> dict[str, Any]:
    """Datasette's metadata for the database named ``name``, merged into ``existing`` (ours) if given."""
    tables = {t: {**meta, **({"columns": _COLUMNS[t]} if t in _COLUMNS else {})} for t, meta in _TABLES.items()}
    out: dict[str, Any] = dict(existing or {})
    out.update(
        title="Decisions of the Local Government and Social Care Ombudsman",
        description="Decision statements read into records by lgo-decisions: statements, paragraphs "
        "(full-text search), bodies, and the facts extracted.",
        about=ABOUT,
        about_url="https://pypi.org/project/lgo-decisions/",
        source="Local Government and Social Care Ombudsman: decisions",
        source_url="https://www.lgo.org.uk/decisions",
    )
    databases = dict(out.get("databases") or {})
    databases[name] = {
        "title": "Ombudsman decisions",
        "description": "Built with lgo-decisions; see its documentation (the database page) for the tables.",
        "tables": tables,
        "queries": QUERIES,
    }
    out["databases"] = databases
    return out


def _ours(path: str) -> dict[str, Any] | None:
    """The metadata at ``path`` when it is ours; ``{}`` when absent; ``None`` when it is somebody else's."""
    if not os.path.exists(path):
        return {}
    try:
        with open(path, encoding="utf-8") as fp:
            data = json.load(fp)
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("about") == ABOUT else None


def metadata_path_for(database: str) -> str | None:
    """Where the metadata of ``database`` goes (``metadata.json`` beside it, see above), or ``None``."""
    folder = os.path.dirname(os.path.abspath(database))
    stem = os.path.splitext(os.path.basename(database))[0]
    for candidate in ("metadata.json", f"{stem}.metadata.json"):
        path = os.path.join(folder, candidate)
        if _ours(path) is not None:
            return path
    return None


def write_metadata(path: str, database: str) -> None:
    """Write (or update) the metadata at ``path`` for ``database``: a temporary file renamed into place."""
    existing = _ours(path)
    if existing is None:  # (became somebody else's since it was chosen)
        return
    name = os.path.splitext(os.path.basename(database))[0]
    text = json.dumps(metadata(name, existing), ensure_ascii=False, indent=2) + "\n"
    fd, temp = tempfile.mkstemp(prefix=f".{os.path.basename(path)}.", suffix=".tmp", dir=os.path.dirname(path))
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fp:
            fp.write(text)
        os.chmod(temp, 0o666 & ~_umask())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.remove(temp)
        raise
