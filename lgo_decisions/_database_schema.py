"""The SQLite database's tables, indexes and full-text indexes (made with sqlite-utils), and its marker.

Every table is made up front, also the facts tables (``citations``, ``remedies``, ``grounds``),
which stay empty when the records carry no facts: a query over them never fails on a missing table.
The marker table ``_lgo_decisions`` holds ``format`` (:data:`FORMAT`) and ``schema``
(:data:`DB_SCHEMA`): a database without it is not one of ours and is never written to.
Reading the marker needs only the standard ``sqlite3`` module.
"""

from __future__ import annotations

import os
import sqlite3
from typing import TYPE_CHECKING, Any

from .errors import DatabaseError

if TYPE_CHECKING:
    import sqlite_utils

FORMAT = "lgo-decisions database"
"""The marker's ``format`` value: what makes a database one of ours."""
DB_SCHEMA = "1"
"""The version of the database's own layout (tables and columns), apart from the record schema."""
MARKER = "_lgo_decisions"
"""The marker table: ``key``, ``value`` rows (``format``, ``schema``, ``library``)."""
SQLITE_HEADER = b"SQLite format 3\x00"

_SPAN = {"span_section": int, "span_block": int, "span_paragraph": int, "span_start": int, "span_end": int}
_DECISION_FK = [("decision_id", "decisions", "id")]

# table: (columns in order, foreign keys, indexes); the primary key is ``id`` unless named in PRIMARY_KEYS
TABLES: dict[str, tuple[dict[str, Any], list[tuple[str, str, str]], list[tuple[str, ...]]]] = {
    "organisations": ({"id": int, "name": str}, [], []),
    "decisions": (
        {
            "id": int,
            "key": str,  # the reference, else 'url:...', 'sha256:<input hash>' or 'record:<record hash>'
            "reference": str,
            "organisation": str,  # the first body named in the title
            "organisation_id": int,
            "organisations": str,  # every body, joined with "; "
            "n_organisations": int,
            "area": str,
            "subject": str,
            "outcome_code": str,
            "outcome_label": str,
            "outcome_detail": str,
            "decision_date": str,  # ISO date
            "year": int,
            "complaint_year": int,
            "summary": str,
            "n_sections": int,
            "n_paragraphs": int,
            "n_words": int,
            "decided_by": str,
            "url": str,
            "reader": str,
            "source_name": str,
            "content_hash": str,  # SHA-256 of the input
            "n_diagnostics": int,
            "diagnostics": str,
            "schema_version": str,
            "finding": str,  # facts: the finding, when facts were extracted
            "complainant": str,  # facts: the complainant's label
            "facts_scheme": str,  # facts: the coding scheme's version, null without facts
            "record_hash": str,  # SHA-256 of the record's JSON: what tells a changed record
            "record": str,  # the record's JSON (load_db reads it back)
        },
        [("organisation_id", "organisations", "id")],
        [
            ("reference",),
            ("organisation_id",),
            ("area", "subject"),
            ("subject",),
            ("outcome_code",),
            ("decision_date",),
            ("year",),
            ("finding",),
        ],
    ),
    "decision_organisations": (
        {"decision_id": int, "position": int, "organisation_id": int, "reference": str},
        [*_DECISION_FK, ("organisation_id", "organisations", "id")],
        [("organisation_id",)],
    ),
    "paragraphs": (
        {
            "id": int,
            "decision_id": int,
            "section": int,  # 1-based place of the section in the statement
            "heading": str,
            "level": int,
            "position": int,  # 1-based place of the block in its section
            "kind": str,
            "number": int,  # the statement-wide number of a numbered paragraph
            "text": str,
            "nested_text": str,
        },
        _DECISION_FK,
        [("decision_id",)],
    ),
    "citations": (
        {"id": int, "decision_id": int, "instrument": str, "provision": str, "text": str, **_SPAN},
        _DECISION_FK,
        [("decision_id",), ("instrument", "provision"), ("provision",)],
    ),
    "remedies": (
        {
            "id": int,
            "decision_id": int,
            "kind": str,
            "amount_pence": int,
            "purpose": str,
            "deadline_days": int,
            "already_provided": int,  # 0 or 1
            "text": str,
            **_SPAN,
        },
        _DECISION_FK,
        [("decision_id",), ("kind", "amount_pence")],
    ),
    "grounds": (
        {"id": int, "decision_id": int, "ground": str, "body": str, "text": str, **_SPAN},
        _DECISION_FK,
        [("decision_id",), ("ground",)],
    ),
}
"""Every table (in creation order) with its columns, foreign keys and indexes."""

PRIMARY_KEYS: dict[str, tuple[str, ...]] = {"decision_organisations": ("decision_id", "position")}
CHILD_TABLES = ("decision_organisations", "paragraphs", "citations", "remedies", "grounds")
"""Tables whose rows belong to one decision (``decision_id``): replaced with it."""
FTS: dict[str, tuple[str, ...]] = {"decisions": ("summary",), "paragraphs": ("text", "nested_text")}
"""The full-text indexes (FTS5, porter stemming): table ``<name>_fts`` over these columns, kept up to date
by the builder batch by batch (no triggers: three times faster than a trigger a row)."""
TOKENIZE = "porter"
FTS_AUTOMERGE = 16
"""FTS5's ``automerge`` for the full-text indexes (its default 4): segments are merged in larger, fewer steps
while building (about a tenth off a build; what a query finds is the same)."""
PAGE_SIZE = 16384
"""SQLite's page size for a new database (its default 4096): fewer pages per record (a few percent off a build)."""


def create_schema(db: sqlite_utils.Database) -> None:
    """Make the tables, indexes, full-text indexes and marker that ``db`` lacks (one transaction)."""
    from . import __version__

    with db.atomic():
        for name, (columns, foreign_keys, indexes) in TABLES.items():
            table = db.table(name)
            if not table.exists():
                table.create(
                    columns,
                    pk=PRIMARY_KEYS.get(name, "id"),
                    foreign_keys=foreign_keys,
                    not_null={"key", "record", "record_hash"} & set(columns),
                )
                for index in indexes:
                    table.create_index(index)
                if name == "decisions":
                    table.create_index(["key"], unique=True)
                if name == "organisations":
                    table.create_index(["name"], unique=True)
        for name, fts_columns in FTS.items():
            if not db.table(f"{name}_fts").exists():
                db.table(name).enable_fts(list(fts_columns), tokenize=TOKENIZE)  # (kept by the builder: no triggers)
                db.execute(f"INSERT INTO [{name}_fts] ([{name}_fts], rank) VALUES ('automerge', ?)", [FTS_AUTOMERGE])
        marker = db.table(MARKER)
        if not marker.exists():
            marker.create({"key": str, "value": str}, pk="key")
        marker.upsert_all(
            [
                {"key": "format", "value": FORMAT},
                {"key": "schema", "value": DB_SCHEMA},
                {"key": "library", "value": __version__},
            ],
            pk="key",
        )


def marker_of(path: str) -> dict[str, str] | None:
    """The marker of the SQLite database at ``path`` (read-only), or ``None`` when it has none.

    Raises :class:`DatabaseError` when ``path`` is not a SQLite database.
    """
    with open(path, "rb") as fp:
        header = fp.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise DatabaseError(f"{path}: not a SQLite database")
    try:
        conn = connect_to_read(path)
    except sqlite3.Error as exc:
        raise DatabaseError(f"{path}: cannot open the database: {exc}") from None
    try:
        found = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (MARKER,)).fetchone()
        if not found:
            return None
        return dict(conn.execute(f"SELECT key, value FROM {MARKER}").fetchall())
    except sqlite3.Error as exc:
        raise DatabaseError(f"{path}: cannot read the database: {exc}") from None
    finally:
        conn.close()


def check_ours(path: str) -> bool:
    """Whether ``path`` is one of our databases this version can write (``False``: a new or empty file).

    Raises :class:`DatabaseError` for anything else: a file that is not SQLite, a SQLite database
    without our marker (somebody's own data), or one of a newer layout.
    """
    if not os.path.exists(path) or (os.path.isfile(path) and os.path.getsize(path) == 0):
        return False
    if not os.path.isfile(path):
        raise DatabaseError(f"{path}: not a regular file: a database is written only to a regular file")
    marker = marker_of(path)
    if marker is None or marker.get("format") != FORMAT:
        raise DatabaseError(
            f"{path}: a SQLite database that lgo-decisions did not make: refusing to write into it "
            "(choose another name)"
        )
    if marker.get("schema") != DB_SCHEMA:
        raise DatabaseError(
            f"{path}: database layout {marker.get('schema')!r}, this version writes {DB_SCHEMA!r}: "
            "refusing to write into it (build a new one)"
        )
    return True


def connect_to_read(path: str) -> sqlite3.Connection:
    """A connection that only reads ``path`` (never makes it). A writable file is opened read-write,
    so that the journal a killed build left is rolled back (a read-only connection could not)."""
    from urllib.parse import quote

    mode = "rw" if os.access(path, os.W_OK) else "ro"
    conn = sqlite3.connect(f"file:{quote(os.path.abspath(path))}?mode={mode}", uri=True)
    conn.execute("PRAGMA query_only = ON")
    return conn
