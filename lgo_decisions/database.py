"""A SQLite database of decisions with full-text search, ready for Datasette (the extra ``lgo-decisions[sqlite]``).

:func:`write_db` (and ``lgo-decisions parse pages/ -o decisions.db``) builds or updates the
database with sqlite-utils, imported only here and only when a database is written; reading back
(:func:`load_db`) and searching (:func:`search`) need only Python's own ``sqlite3``. The tables are
described in ``docs/database.md``: ``decisions``, ``paragraphs``, ``organisations``,
``decision_organisations``, and the facts' ``citations``, ``remedies``, ``grounds``, with FTS5
indexes ``decisions_fts`` (summaries) and ``paragraphs_fts`` (block text).

Building again over the same inputs is incremental: a statement is known by its key (its reference;
else its address, its input's hash, or its record's hash); a new key is added, a known key whose
record differs (its record hash: another input, or another reading of it) is replaced with its
rows, an unchanged one is left alone. Each batch is one transaction, so a crash or an interruption
leaves the batches before it complete and nothing of the one it cut. Only our own databases are
written to: another file (not SQLite, or a SQLite database without our marker) is refused.

>>> import pathlib, tempfile, lgo_decisions
>>> path = pathlib.Path(tempfile.mkdtemp()) / "decisions.db"
>>> d = lgo_decisions.read_text("Kent County Council (23 008 522)\\nThe complaint\\n- Mr X complained about fees.")
>>> write_db([d], path)
BuildReport(added=1, replaced=0, unchanged=0)
>>> list(load_db(path)) == [d]
True
>>> [(hit.reference, hit.number) for hit in search(path, "fee")]
[('23 008 522', 1)]
"""

from __future__ import annotations

import operator
import os
import sqlite3
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

import attrs

from ._database_metadata import metadata_path_for, write_metadata
from ._database_rows import Rows, rows_of
from ._database_schema import (
    CHILD_TABLES,
    DB_SCHEMA,
    FORMAT,
    FTS,
    PAGE_SIZE,
    TABLES,
    check_ours,
    connect_to_read,
    create_schema,
    marker_of,
)
from .errors import DatabaseError, MissingExtraError
from .model import Decision
from .serialise import loads

if TYPE_CHECKING:
    import sqlite_utils

__all__ = ["DATABASE_SUFFIXES", "BuildReport", "DatabaseSink", "SearchHit", "load_db", "search", "write_db"]

DATABASE_SUFFIXES = (".db", ".sqlite", ".sqlite3")
"""Output names that ``lgo-decisions parse -o NAME`` writes as a database."""

_MISSING_EXTRA = "a SQLite database needs the optional extra: pip install 'lgo-decisions[sqlite]'"
_VARIABLES = 500  # values bound in one IN (...) list


def _sqlite_utils() -> Any:
    try:
        import sqlite_utils
    except ImportError as exc:
        raise MissingExtraError(_MISSING_EXTRA) from exc
    return sqlite_utils


@attrs.frozen
class BuildReport:
    """What a build did: statements added, replaced (their record changed) and left unchanged.

    >>> BuildReport(added=2).unchanged
    0
    """

    added: int = 0
    replaced: int = 0
    unchanged: int = 0


@attrs.frozen(kw_only=True)
class SearchHit:
    """A match of :func:`search`: the statement, where in it (``section`` is ``None`` for the summary), a snippet.

    >>> SearchHit(reference="23 008 522", organisation=None, url=None, section=None, heading=None, number=None,
    ...           snippet="a [fee]").section is None
    True
    """

    reference: str | None
    organisation: str | None
    url: str | None
    section: int | None
    heading: str | None
    number: int | None
    snippet: str


def _chunks(values: list[Any]) -> Iterator[list[Any]]:
    for i in range(0, len(values), _VARIABLES):
        yield values[i : i + _VARIABLES]


def _marks(values: list[Any]) -> str:
    return ", ".join("?" * len(values))


class DatabaseSink:
    """Write decisions into the database at ``path`` (made when absent), ``batch_size`` to a transaction.

    Raises :class:`~lgo_decisions.errors.DatabaseError` when ``path`` is not one of our databases, and
    :class:`~lgo_decisions.errors.MissingExtraError` without sqlite-utils. A statement keeps the place
    where it was first added; a later record with its key replaces it. :meth:`close` writes what is
    left and Datasette's metadata.

    >>> import pathlib, tempfile, lgo_decisions
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "decisions.db"
    >>> with DatabaseSink(path, batch_size=100) as sink:
    ...     sink.write(lgo_decisions.read_text("Kent County Council (23 008 522)"))
    >>> sink.report, pathlib.Path(sink.metadata_path).name
    (BuildReport(added=1, replaced=0, unchanged=0), 'metadata.json')
    """

    def __init__(self, path: str | os.PathLike[str], *, batch_size: int = 500, metadata: bool = True) -> None:
        su = _sqlite_utils()
        self.path = os.path.abspath(os.fspath(path))
        existed = check_ours(self.path)
        self.metadata_path = metadata_path_for(self.path) if metadata else None
        conn = sqlite3.connect(self.path)
        try:
            if not existed:  # (before the first table; a page holds a whole record more often)
                conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
            conn.execute("PRAGMA foreign_keys = ON")
            self.db: sqlite_utils.Database = su.Database(conn)
            create_schema(self.db)
        except sqlite3.Error as exc:
            conn.close()
            raise DatabaseError(f"{self.path}: cannot make the database's tables: {exc}") from exc
        self._batch_size = max(1, batch_size)
        self._pending: dict[str, Rows] = {}
        self.count = 0
        self._added = self._replaced = self._unchanged = 0

    @property
    def report(self) -> BuildReport:
        """What was written so far (the pending batch not counted)."""
        return BuildReport(self._added, self._replaced, self._unchanged)

    def write(self, decision: Decision) -> None:
        """Add one decision (written when the batch is full, or on :meth:`close`)."""
        rows = rows_of(decision)
        self._pending[rows.key] = rows  # (the later record of one key stays, in the place of the first)
        self.count += 1
        if len(self._pending) >= self._batch_size:
            self.flush()

    def flush(self) -> None:
        """Write the pending batch in one transaction."""
        batch, self._pending = list(self._pending.values()), {}
        if batch:
            try:
                with self.db.atomic():
                    self._write(batch)
            except sqlite3.Error as exc:
                raise DatabaseError(f"{self.path}: cannot write a batch of {len(batch)} statement(s): {exc}") from exc

    def _existing(self, keys: list[str]) -> dict[str, tuple[int, str]]:
        found: dict[str, tuple[int, str]] = {}
        for chunk in _chunks(keys):
            sql = f"SELECT key, id, record_hash FROM decisions WHERE key IN ({_marks(chunk)})"
            found.update((k, (i, h)) for k, i, h in self.db.execute(sql, chunk).fetchall())
        return found

    def _insert(self, table: str, rows: list[dict[str, Any]]) -> None:
        """Insert ``rows`` (dicts holding every column but an automatic ``id``; other keys are ignored)."""
        if not rows:
            return
        columns = [c for c in TABLES[table][0] if c in rows[0]]  # (one prepared statement for all)
        get = operator.itemgetter(*columns)
        sql = f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in columns)}) VALUES ({_marks(columns)})"
        self.db.conn.executemany(sql, [get(r) if len(columns) > 1 else (get(r),) for r in rows])

    def _fts(self, ids: list[int], command: str) -> None:
        """Add the rows of decisions ``ids`` to the full-text indexes (``command`` ``"delete"``: take them out)."""
        for table, columns in FTS.items():
            key = "id" if table == "decisions" else "decision_id"
            names = ", ".join(f"[{c}]" for c in columns)
            for chunk in _chunks(ids):
                head, select = (f"[{table}_fts], ", "'delete', ") if command == "delete" else ("", "")
                self.db.conn.execute(
                    f"INSERT INTO [{table}_fts] ({head}rowid, {names}) SELECT {select}id, {names} "
                    f"FROM [{table}] WHERE {key} IN ({_marks(chunk)})",
                    chunk,
                )

    def _index(self, ids: list[int]) -> None:
        self._fts(ids, "insert")

    def _delete(self, ids: list[int]) -> None:
        self._fts(ids, "delete")
        for chunk in _chunks(ids):
            for table in (*CHILD_TABLES, "decisions"):
                column = "id" if table == "decisions" else "decision_id"
                self.db.table(table).delete_where(f"{column} IN ({_marks(chunk)})", chunk)

    def _organisation_ids(self, batch: list[Rows]) -> dict[str, int]:
        names = sorted({o["name"] for rows in batch for o in rows.organisations})
        if not names:
            return {}
        self.db.table("organisations").insert_all(({"name": n} for n in names), ignore=True)
        ids: dict[str, int] = {}
        for chunk in _chunks(names):
            sql = f"SELECT name, id FROM organisations WHERE name IN ({_marks(chunk)})"
            ids.update(self.db.execute(sql, chunk).fetchall())
        return ids

    def _write(self, batch: list[Rows]) -> None:
        existing = self._existing([rows.key for rows in batch])
        next_id = self.db.execute("SELECT coalesce(max(id), 0) + 1 FROM decisions").fetchone()[0]
        new: list[Rows] = []
        replaced: list[int] = []
        for rows in batch:
            old = existing.get(rows.key)
            if old is not None and old[1] == rows.record_hash:
                self._unchanged += 1
                continue
            if old is not None:
                rows.decision["id"] = old[0]
                replaced.append(old[0])
            else:
                rows.decision["id"] = next_id
                next_id += 1
            new.append(rows)
        self._delete(replaced)
        organisation_ids = self._organisation_ids(new)
        children: dict[str, list[dict[str, Any]]] = {"decision_organisations": []}
        decisions = []
        for rows in new:
            decision_id = rows.decision["id"]
            names = rows.organisations
            rows.decision["organisation_id"] = organisation_ids[names[0]["name"]] if names else None
            decisions.append(rows.decision)
            children["decision_organisations"] += [
                {
                    "decision_id": decision_id,
                    "position": i,
                    "organisation_id": organisation_ids[o["name"]],
                    "reference": o["reference"],
                }
                for i, o in enumerate(names, 1)
            ]
            for table, table_rows in rows.children.items():
                for r in table_rows:
                    r["decision_id"] = decision_id
                children.setdefault(table, []).extend(table_rows)
        self._insert("decisions", decisions)
        for table, table_rows in children.items():
            self._insert(table, table_rows)
        self._index([rows.decision["id"] for rows in new])
        self._added += len(new) - len(replaced)
        self._replaced += len(replaced)

    def close(self) -> None:
        """Write what is left, then Datasette's metadata beside the database; close it."""
        try:
            self.flush()
        finally:
            self.db.close()
        if self.metadata_path is not None:
            write_metadata(self.metadata_path, self.path)

    def __enter__(self) -> DatabaseSink:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def write_db(
    decisions: Iterable[Decision], path: str | os.PathLike[str], *, batch_size: int = 500, metadata: bool = True
) -> BuildReport:
    """Build or update the database at ``path`` from ``decisions`` (see the module); returns what it did.

    ``metadata`` writes Datasette's ``metadata.json`` beside the database (docs/database.md says
    where, and when it is left alone).

    >>> import pathlib, tempfile, lgo_decisions
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "decisions.db"
    >>> one = lgo_decisions.read_text("Kent County Council (23 008 522)\\nDecision : Upheld")
    >>> write_db([one], path)
    BuildReport(added=1, replaced=0, unchanged=0)
    >>> two = lgo_decisions.read_text("Leeds City Council (21 016 384)")
    >>> write_db([lgo_decisions.read_text("Kent County Council (23 008 522)\\nDecision : Not upheld"), two], path)
    BuildReport(added=1, replaced=1, unchanged=0)
    """
    with DatabaseSink(path, batch_size=batch_size, metadata=metadata) as sink:
        for d in decisions:
            sink.write(d)
    return sink.report


def _open(path: str | os.PathLike[str]) -> sqlite3.Connection:
    """Open one of our databases read-only (``DatabaseError`` for any other file)."""
    name = os.fspath(path)
    marker = marker_of(name)
    if marker is None or marker.get("format") != FORMAT:
        raise DatabaseError(f"{name}: not a database lgo-decisions made")
    if marker.get("schema") != DB_SCHEMA:
        raise DatabaseError(f"{name}: database layout {marker.get('schema')!r}, this version reads {DB_SCHEMA!r}")
    return connect_to_read(name)


def load_db(path: str | os.PathLike[str]) -> Iterator[Decision]:
    """The records stored in the database at ``path``, in the order they were first added.

    Raises :class:`~lgo_decisions.errors.DatabaseError` for a file that is not one of our databases.

    >>> import pathlib, tempfile, lgo_decisions
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "decisions.db"
    >>> _ = write_db([lgo_decisions.read_text("Kent County Council (23 008 522)")], path)
    >>> [d.reference for d in load_db(path)]
    ['23 008 522']
    """
    conn = _open(path)
    try:
        for (record,) in conn.execute("SELECT record FROM decisions ORDER BY id"):
            yield loads(record)
    finally:
        conn.close()


def fts_query(text: str) -> str:
    """``text`` as an FTS5 query that finds rows holding every word (each word quoted, as Datasette does).

    >>> print(fts_query("top-up fee"))
    "top-up" "fee"
    """
    return " ".join('"' + word.replace('"', '""') + '"' for word in text.split())


_SEARCH = """
SELECT d.reference, d.organisation, d.url, p.section, p.heading, p.number,
       snippet(paragraphs_fts, -1, '[', ']', '…', 16) AS snippet, bm25(paragraphs_fts) AS score
FROM paragraphs_fts JOIN paragraphs p ON p.id = paragraphs_fts.rowid JOIN decisions d ON d.id = p.decision_id
WHERE paragraphs_fts MATCH :query
UNION ALL
SELECT d.reference, d.organisation, d.url, NULL, NULL, NULL,
       snippet(decisions_fts, -1, '[', ']', '…', 16) AS snippet, bm25(decisions_fts) AS score
FROM decisions_fts JOIN decisions d ON d.id = decisions_fts.rowid
WHERE decisions_fts MATCH :query
ORDER BY score LIMIT :limit
"""


def search(path: str | os.PathLike[str], query: str, *, limit: int = 20, raw: bool = False) -> list[SearchHit]:
    """Full-text search of the summaries and paragraphs, best first (FTS5 ``bm25``, porter stemming).

    Every word of ``query`` must occur (``raw=True`` passes FTS5 query syntax through instead:
    ``"top-up fee"`` for a phrase, ``OR``, ``NEAR``, ``prefix*``).

    >>> import pathlib, tempfile, lgo_decisions
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "decisions.db"
    >>> d = lgo_decisions.read_text("Kent County Council (23 008 522)\\nThe complaint\\n- Mr X paid top-up fees.")
    >>> _ = write_db([d], path)
    >>> [(h.heading, h.number, h.snippet) for h in search(path, "fee")]
    [('The complaint', 1, 'Mr X paid top-up [fees].')]
    >>> search(path, '"top-up fee"', raw=True)[0].reference
    '23 008 522'
    """
    match = query if raw else fts_query(query)
    if not match.strip():
        return []
    conn = _open(path)
    try:
        rows = conn.execute(_SEARCH, {"query": match, "limit": limit}).fetchall()
    except sqlite3.OperationalError as exc:
        raise DatabaseError(f"{os.fspath(path)}: search {query!r}: {exc}") from None
    finally:
        conn.close()
    return [
        SearchHit(reference=r[0], organisation=r[1], url=r[2], section=r[3], heading=r[4], number=r[5], snippet=r[6])
        for r in rows
    ]
