"""The database never loses a user's data: a build killed midway leaves it consistent (whole statements
only), a file that is not ours is never written, the core never imports sqlite-utils, and a missing
extra is a usage error naming it."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from lgo_decisions.cli import main
from lgo_decisions.database import DatabaseSink, load_db, search, write_db
from lgo_decisions.errors import DatabaseError, MissingExtraError
from lgo_decisions.export import paragraph_rows

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
BATCH = 40
RECORDS = 4000

_BUILD = textwrap.dedent(
    """
    import sys, attrs
    from pathlib import Path
    from lgo_decisions import read_text
    from lgo_decisions.database import write_db

    examples = [read_text(p.read_text(encoding="utf-8")) for p in sorted(Path(sys.argv[2]).glob("*.txt"))]

    def records():
        for i in range({records}):
            if i and i % ({batch} * 3) == 0:
                print(i, flush=True)  # (the batches before it are committed)
            yield attrs.evolve(examples[i % len(examples)], reference=f"30 {{i // 1000:03d}} {{i % 1000:03d}}")

    if len(sys.argv) > 3:  # pause inside the transaction of batch 3: its decisions are in, its paragraphs not
        import time
        from lgo_decisions.database import DatabaseSink

        insert, seen = DatabaseSink._insert, []

        def paused(self, table, rows):
            if table == "paragraphs":
                seen.append(1)
                if len(seen) == 3:
                    print("inside", flush=True)
                    time.sleep(60)
            insert(self, table, rows)

        DatabaseSink._insert = paused
    write_db(records(), sys.argv[1], batch_size={batch})
    print("done", flush=True)
    """
).format(records=RECORDS, batch=BATCH)


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}


def _check_consistent(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        conn.execute("INSERT INTO paragraphs_fts(paragraphs_fts, rank) VALUES ('integrity-check', 1)")
        counts = dict(conn.execute("SELECT decision_id, count(*) FROM paragraphs GROUP BY decision_id").fetchall())
        ids = [i for (i,) in conn.execute("SELECT id FROM decisions ORDER BY id")]
    finally:
        conn.close()
    records = list(load_db(path))
    assert len(records) == len(ids)
    for decision_id, record in zip(ids, records, strict=True):  # every statement whole: all its blocks are there
        assert counts.get(decision_id, 0) == sum(1 for _ in paragraph_rows(record))
    return len(records)


def test_a_build_killed_midway_leaves_whole_statements_and_resumes(tmp_path: Path) -> None:
    path = tmp_path / "big.db"
    child = subprocess.Popen(
        [sys.executable, "-c", _BUILD, str(path), str(EXAMPLES)], stdout=subprocess.PIPE, text=True, env=_env()
    )
    try:
        assert child.stdout is not None
        first = child.stdout.readline().strip()
        assert first.isdigit(), first  # some batches are in; the build goes on
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == -signal.SIGKILL
    written = _check_consistent(path)
    assert 0 < written < RECORDS
    assert written % BATCH == 0  # whole batches only: the one cut is not there at all
    # building again completes it, without duplicates
    done = subprocess.run(
        [sys.executable, "-c", _BUILD, str(path), str(EXAMPLES)], capture_output=True, text=True, env=_env()
    )
    assert done.returncode == 0, done.stderr
    assert _check_consistent(path) == RECORDS


def test_a_build_killed_inside_a_transaction_leaves_nothing_of_that_batch(tmp_path: Path) -> None:
    path = tmp_path / "cut.db"
    child = subprocess.Popen(
        [sys.executable, "-c", _BUILD, str(path), str(EXAMPLES), "pause"],
        stdout=subprocess.PIPE,
        text=True,
        env=_env(),
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline().strip()
        while line.isdigit():
            line = child.stdout.readline().strip()
        assert line == "inside"
        assert Path(str(path) + "-journal").exists()  # (a write in progress)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert _check_consistent(path) == 2 * BATCH  # the third batch's decisions rows were rolled back
    assert write_db([], path).added == 0  # (and it can be written again)


def test_a_sqlite_database_that_is_not_ours_is_never_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    theirs = tmp_path / "mine.db"
    conn = sqlite3.connect(theirs)
    conn.execute("CREATE TABLE notes (text TEXT)")
    conn.execute("INSERT INTO notes VALUES ('precious')")
    conn.commit()
    conn.close()
    before = theirs.read_bytes()
    with pytest.raises(DatabaseError, match="did not make"):
        write_db([], theirs)
    assert main(["parse", "--quiet", "-o", str(theirs), str(EXAMPLES)]) == 2
    assert "refusing to write into it" in capsys.readouterr().err
    assert theirs.read_bytes() == before
    assert not (tmp_path / "metadata.json").exists()
    with pytest.raises(DatabaseError, match="not a database lgo-decisions made"):
        list(load_db(theirs))


def test_a_file_that_is_not_sqlite_is_never_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = tmp_path / "notes.sqlite"
    notes.write_text("not a database", encoding="utf-8")
    assert main(["parse", "--quiet", "-o", str(notes), str(EXAMPLES)]) == 2
    assert "not a SQLite database" in capsys.readouterr().err
    assert notes.read_text(encoding="utf-8") == "not a database"


def test_the_command_line_builds_updates_and_searches(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "pages" / "decisions.db"  # (inside the folder it reads: not read as an input)
    (tmp_path / "pages").mkdir()
    for p in sorted(EXAMPLES.glob("*.txt")):
        (tmp_path / "pages" / p.name).write_bytes(p.read_bytes())
    assert main(["parse", "-o", str(path), str(tmp_path / "pages")]) == 0
    assert "5 added, 0 replaced, 0 unchanged" in capsys.readouterr().err
    assert main(["parse", "-o", str(path), str(tmp_path / "pages")]) == 0
    err = capsys.readouterr().err
    assert "5 input(s)" in err
    assert "0 added, 0 replaced, 5 unchanged" in err
    assert json.loads((tmp_path / "pages" / "metadata.json").read_text(encoding="utf-8"))["about"] == "lgo-decisions"
    assert main(["search", str(path), "Information", "Commissioner", "--json", "-n", "2"]) == 0
    hits = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(hits) == 2
    assert all("[Information]" in h["snippet"] for h in hits)
    assert main(["search", str(path), "zzqxjv"]) == 1
    assert main(["search", str(path), '"unclosed', "--raw"]) == 2
    assert main(["search", str(tmp_path / "absent.db"), "x"]) == 2


def test_reading_and_searching_need_no_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "decisions.db"
    write_db([], path)
    monkeypatch.setitem(sys.modules, "sqlite_utils", None)  # (as if not installed)
    assert list(load_db(path)) == []
    assert search(path, "fee") == []
    with pytest.raises(MissingExtraError, match=r"lgo-decisions\[sqlite\]"):
        DatabaseSink(tmp_path / "new.db")
    assert not (tmp_path / "new.db").exists()


def test_a_missing_extra_is_a_usage_error_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "sqlite_utils", None)
    assert main(["parse", "--quiet", "-o", str(tmp_path / "decisions.db"), str(EXAMPLES)]) == 2
    assert "SQLite output: a SQLite database needs the optional extra: pip install 'lgo-decisions[sqlite]'" in (
        capsys.readouterr().err
    )
    assert not (tmp_path / "decisions.db").exists()


def test_the_core_never_imports_sqlite_utils() -> None:
    code = (
        "import sys, lgo_decisions, lgo_decisions.cli, lgo_decisions.database, lgo_decisions._commands.parse\n"
        "lgo_decisions.cli.build_parser()\n"
        "lgo_decisions.read_text('Kent County Council (23 008 522)')\n"
        "print('sqlite_utils' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=_env(), check=True)
    assert out.stdout.strip() == "False"


def test_an_empty_file_is_made_a_database_and_another_layout_is_refused(tmp_path: Path) -> None:
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    assert main(["parse", "--quiet", "-o", str(empty), str(EXAMPLES)]) == 0
    assert len(list(load_db(empty))) == 5
    conn = sqlite3.connect(empty)
    conn.execute("UPDATE _lgo_decisions SET value = '2' WHERE key = 'schema'")
    conn.commit()
    conn.close()
    before = empty.read_bytes()
    with pytest.raises(DatabaseError, match="layout '2'"):
        write_db([], empty)
    with pytest.raises(DatabaseError, match="layout '2'"):
        list(load_db(empty))
    assert main(["search", str(empty), "council"]) == 2
    assert empty.read_bytes() == before
