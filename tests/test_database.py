"""The SQLite database: built from the examples and from generated decisions, queried with plain
sqlite3, rebuilt incrementally without duplicates, read back equal; facts tables; the canned queries."""

from __future__ import annotations

import json
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lgo_decisions import Decision, dumps, loads, read_text
from lgo_decisions._database_metadata import QUERIES
from lgo_decisions._database_rows import key_of
from lgo_decisions.database import load_db, search, write_db
from lgo_decisions.export import paragraph_rows
from lgo_decisions.facts import Ground, Purpose
from lgo_decisions.model import NumberedParagraph, Section
from lgo_decisions.testing.strategies import decisions

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.txt"))


def _examples() -> list[Decision]:
    return [read_text(p.read_text(encoding="utf-8"), name=p.name) for p in EXAMPLES]


def _query(path: Path, sql: str, params: Any = ()) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def _record_hash(d: Decision) -> str:
    import hashlib

    return hashlib.sha256(dumps(d).encode("utf-8")).hexdigest()


def _expected(ds: list[Decision]) -> list[Decision]:
    """What a database built from ``ds`` holds: one record a key, the last one, in the first one's place."""
    out: dict[str, Decision] = {}
    for d in ds:
        out[key_of(d, _record_hash(d))] = d
    return list(out.values())


@pytest.fixture
def built(tmp_path: Path) -> Path:
    path = tmp_path / "decisions.db"
    report = write_db(_examples(), path)
    assert (report.added, report.replaced, report.unchanged) == (len(EXAMPLES), 0, 0)
    return path


def test_the_examples_make_a_database_plain_sqlite3_reads(built: Path) -> None:
    ds = _examples()
    assert len(ds) == 5
    assert _query(built, "SELECT count(*) FROM decisions") == [(5,)]
    blocks = sum(len(s.blocks) for d in ds for s in d.sections)
    assert _query(built, "SELECT count(*) FROM paragraphs") == [(blocks,)]
    names = {o.name for d in ds for o in d.organisations}
    assert {n for (n,) in _query(built, "SELECT name FROM organisations")} == names
    assert _query(built, "PRAGMA integrity_check") == [("ok",)]
    assert _query(built, "PRAGMA foreign_key_check") == []
    # a join: each decision's numbered paragraphs, by reference, with their section heading
    for d in ds:
        rows = _query(
            built,
            "SELECT p.number, p.heading, p.text FROM paragraphs p JOIN decisions d ON d.id = p.decision_id "
            "WHERE d.reference = ? AND p.number IS NOT NULL ORDER BY p.number",
            (d.reference,),
        )
        expected = [
            (b.number, s.heading, b.text) for s in d.sections for b in s.blocks if isinstance(b, NumberedParagraph)
        ]
        assert rows
        assert rows == expected
    organisation = _query(
        built,
        "SELECT o.name FROM decisions d JOIN organisations o ON o.id = d.organisation_id WHERE d.reference = ?",
        (ds[0].reference,),
    )
    assert organisation == [(ds[0].organisations[0].name,)]


def test_a_full_text_match_finds_a_word_of_a_paragraph(built: Path) -> None:
    d = _examples()[1]
    paragraph = d.paragraphs()[-1]
    word = max(paragraph.text.replace("’", " ").split(), key=len).strip(".,;:()")
    found = _query(
        built,
        "SELECT d.reference, p.number FROM paragraphs_fts JOIN paragraphs p ON p.id = paragraphs_fts.rowid "
        "JOIN decisions d ON d.id = p.decision_id WHERE paragraphs_fts MATCH ?",
        (f'"{word}"',),
    )
    assert (d.reference, paragraph.number) in found
    hits = search(built, word, limit=100)
    assert any(h.reference == d.reference and h.number == paragraph.number for h in hits)
    assert all(word.lower() in h.snippet.lower() or "[" in h.snippet for h in hits)
    summary_word = max(d.summary.split(), key=len).strip(".,;:()’")  # type: ignore[union-attr]
    assert (d.reference,) in _query(
        built,
        "SELECT d.reference FROM decisions_fts JOIN decisions d ON d.id = decisions_fts.rowid "
        "WHERE decisions_fts MATCH ?",
        (f'"{summary_word}"',),
    )
    assert search(built, "zzqxjv") == []


def test_a_second_build_adds_replaces_and_never_duplicates(built: Path) -> None:
    ds = _examples()
    blocks = _query(built, "SELECT count(*) FROM paragraphs")
    again = write_db(ds, built)
    assert (again.added, again.replaced, again.unchanged) == (0, 0, 5)
    changed = attrs.evolve(ds[2], summary="A changed summary about parking fines.")
    new = attrs.evolve(ds[0], reference="25 000 001", organisations=())
    report = write_db([changed, new], built)
    assert (report.added, report.replaced, report.unchanged) == (1, 1, 0)
    assert _query(built, "SELECT count(*) FROM decisions") == [(6,)]
    assert _query(built, "SELECT count(*), count(DISTINCT key) FROM decisions") == [(6, 6)]
    assert (
        _query(
            built,
            "SELECT count(*) FROM paragraphs WHERE decision_id IN "
            "(SELECT id FROM decisions WHERE reference != '25 000 001')",
        )
        == blocks
    )
    assert [(h.reference, h.section) for h in search(built, "parking fines")] == [(changed.reference, None)]
    assert list(load_db(built)) == [*ds[:2], changed, *ds[3:], new]
    fts = sqlite3.connect(built)
    fts.execute("INSERT INTO paragraphs_fts(paragraphs_fts, rank) VALUES ('integrity-check', 1)")
    fts.execute("INSERT INTO decisions_fts(decisions_fts, rank) VALUES ('integrity-check', 1)")
    fts.close()


def test_a_replaced_paragraph_is_found_by_its_new_words_only(tmp_path: Path) -> None:
    path = tmp_path / "decisions.db"
    head = "Kent County Council (23 008 522)\nThe complaint\n"
    old = read_text(head + "- Mr X complained about the quokka fees.\n- He paid them twice.")
    write_db([old, read_text("Leeds City Council (21 016 384)\nThe complaint\n- Ms Y wrote about quokka rates.")], path)
    assert sorted(h.reference for h in search(path, "quokka")) == ["21 016 384", "23 008 522"]
    new = read_text(head + "- Mr X complained about the wombat fees.\n- He paid them twice.")
    assert write_db([new], path).replaced == 1
    assert [h.reference for h in search(path, "quokka")] == ["21 016 384"]  # (the old text is out of the index)
    assert [(h.reference, h.number, h.snippet) for h in search(path, "wombat")] == [
        ("23 008 522", 1, "Mr X complained about the [wombat] fees.")
    ]
    conn = sqlite3.connect(path)
    try:
        for table in ("paragraphs_fts", "decisions_fts"):  # (the index agrees with its content table, row for row)
            conn.execute(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)")
        assert conn.execute("SELECT v FROM paragraphs_fts_config WHERE k = 'automerge'").fetchone() == (16,)
        assert conn.execute("PRAGMA page_size").fetchone() == (16384,)
    finally:
        conn.close()


def test_records_read_back_exactly(built: Path) -> None:
    ds = _examples()
    back = list(load_db(built))
    assert back == ds
    assert [dumps(d) for d in back] == [dumps(d) for d in ds]  # sources and diagnostics too


@settings(max_examples=25)
@given(st.lists(decisions(), min_size=1, max_size=6), st.integers(1, 4))
def test_generated_decisions_read_back_equal(ds: list[Decision], batch_size: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "generated.db"
        write_db(ds, path, batch_size=batch_size)
        expected = _expected(ds)
        back = list(load_db(path))
        assert [dumps(d) for d in back] == [dumps(d) for d in expected]
        assert _query(path, "SELECT count(*) FROM decisions") == [(len(expected),)]
        blocks = sum(1 for d in expected for _ in paragraph_rows(d))
        assert _query(path, "SELECT count(*) FROM paragraphs") == [(blocks,)]
        again = write_db(expected, path, batch_size=batch_size)
        assert (again.added, again.replaced, again.unchanged) == (0, 0, len(expected))
        write_db(ds, path, batch_size=batch_size)  # (two records of one key in two batches: replaced, in turn)
        assert [dumps(d) for d in load_db(path)] == [dumps(d) for d in expected]
        assert _query(path, "SELECT count(*) FROM decisions") == [(len(expected),)]
        assert _query(path, "SELECT count(*) FROM paragraphs") == [(blocks,)]
        assert _query(path, "PRAGMA integrity_check") == [("ok",)]


@settings(max_examples=25)
@given(
    decisions(readable=True).filter(
        lambda d: (
            d.reference is not None and any(w.isalpha() and len(w) > 3 for p in d.paragraphs() for w in p.text.split())
        )
    )
)
def test_a_generated_paragraph_word_is_found(d: Decision) -> None:
    word = next(w for p in d.paragraphs() for w in p.text.split() if w.isalpha() and len(w) > 3)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "one.db"
        write_db([d], path)
        assert any(h.reference == d.reference for h in search(path, word, limit=1000))


FACTS = {
    "scheme": "1",
    "legislation": [
        {
            "instrument": "Local Government Act 1974",
            "provision": "section 26(6)(a)",
            "text": "section 26(6)(a) of the Local Government Act 1974",
            "span": {"section": 1, "block": 0, "paragraph": 1, "start": 10, "end": 58},
        }
    ],
    "people": {"labels": ["Mrs X"], "complainant": "Mrs X", "on_behalf_of": None},
    "finding": "fault_causing_injustice",
    "grounds": [
        {
            "ground": "other_body_better_placed",
            "body": "Ofsted",
            "text": "Ofsted is better placed.",
            "span": {"section": 1, "block": 1, "paragraph": None, "start": 0, "end": 24},
        }
    ],
    "remedies": [
        {
            "kind": "apology",
            "amount_pence": None,
            "purpose": None,
            "deadline_days": 30,
            "already_provided": False,
            "text": "apologise",
            "span": {"section": 2, "block": 0, "paragraph": 2, "start": 0, "end": 9},
        },
        {
            "kind": "payment",
            "amount_pence": 75000,
            "purpose": "distress",
            "deadline_days": 30,
            "already_provided": False,
            "text": "pay £750",
            "span": {"section": 2, "block": 0, "paragraph": 2, "start": 12, "end": 20},
        },
        "not an object",
    ],
    "compliance": None,
    "decided_by": "investigator",
}


def _with_facts() -> list[Decision]:
    ds = _examples()
    text = "Mrs X complained about school transport.\n"
    base = read_text(
        "Kent County Council (24 001 234)\nCategory : Education > School transport\nDecision : Upheld\n"
        f"Decision date : 02 May 2024\nThe complaint\n- {text}"
    )
    return [*ds, attrs.evolve(base, extensions={"facts": FACTS})]


def test_facts_fill_their_tables_and_the_canned_queries_answer(tmp_path: Path) -> None:
    path = tmp_path / "facts.db"
    write_db(_with_facts(), path)
    assert _query(path, "SELECT instrument, provision, span_section, span_end FROM citations") == [
        ("Local Government Act 1974", "section 26(6)(a)", 1, 58)
    ]
    assert _query(path, "SELECT kind, amount_pence, purpose, already_provided FROM remedies ORDER BY id") == [
        ("apology", None, None, 0),
        ("payment", 75000, "distress", 0),
    ]
    assert _query(path, "SELECT ground, body, span_paragraph FROM grounds") == [
        ("other_body_better_placed", "Ofsted", None)
    ]
    assert _query(path, "SELECT finding, complainant, facts_scheme FROM decisions WHERE reference = '24 001 234'") == [
        ("fault_causing_injustice", "Mrs X", "1")
    ]
    assert _query(path, "SELECT count(*) FROM decisions WHERE facts_scheme IS NULL") == [(5,)]
    upheld = _query(path, QUERIES["upheld_school_transport_payments"]["sql"])
    assert [(r[0], r[3]) for r in upheld] == [("24 001 234", 750.0)]
    cites = _query(path, QUERIES["cite_section_26_6_a"]["sql"])
    assert [r[0] for r in cites] == ["24 001 234"]
    found = _query(path, QUERIES["search_paragraphs"]["sql"], {"phrase": "school transport"})
    assert [r[0] for r in found] == ["24 001 234"]
    assert _query(path, QUERIES["search_paragraphs"]["sql"], {"phrase": 'x" OR "y'}) == []  # a phrase, always
    # replaced: the facts rows go with the old record
    changed = attrs.evolve(_with_facts()[-1], extensions={"facts": {**FACTS, "remedies": []}})
    assert write_db([changed], path).replaced == 1
    assert _query(path, "SELECT count(*) FROM remedies") == [(0,)]
    assert _query(path, "SELECT count(*) FROM citations") == [(1,)]


def test_the_metadata_for_datasette_is_written_beside_it(built: Path) -> None:
    meta = json.loads((built.parent / "metadata.json").read_text(encoding="utf-8"))
    db = meta["databases"]["decisions"]
    assert set(QUERIES) <= set(db["queries"])
    assert db["tables"]["paragraphs"]["fts_table"] == "paragraphs_fts"
    tables = {n for (n,) in _query(built, "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert set(db["tables"]) <= tables
    for table, spec in db["tables"].items():
        columns = {r[1] for r in _query(built, f"PRAGMA table_info([{table}])")}
        assert set(spec.get("columns", {})) <= columns, table
    # a second database in the folder: both are described, in one file
    write_db(_examples()[:1], built.parent / "other.db")
    meta = json.loads((built.parent / "metadata.json").read_text(encoding="utf-8"))
    assert set(meta["databases"]) == {"decisions", "other"}


def test_somebody_elses_metadata_is_left_alone(tmp_path: Path) -> None:
    theirs = tmp_path / "metadata.json"
    theirs.write_text('{"title": "my own"}', encoding="utf-8")
    write_db(_examples()[:1], tmp_path / "decisions.db")
    assert theirs.read_text(encoding="utf-8") == '{"title": "my own"}'
    assert json.loads((tmp_path / "decisions.metadata.json").read_text(encoding="utf-8"))["about"] == "lgo-decisions"


def test_an_empty_decision_list_makes_an_empty_database(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    assert write_db([], path).added == 0
    assert list(load_db(path)) == []
    assert search(path, "anything") == []


def test_sections_without_blocks_and_decisions_without_reference(tmp_path: Path) -> None:
    d = Decision(url="https://www.lgo.org.uk/decisions/x", sections=[Section(heading="The complaint")])
    path = tmp_path / "odd.db"
    write_db([d, d], path)
    assert _query(path, "SELECT key, reference FROM decisions") == [("url:https://www.lgo.org.uk/decisions/x", None)]
    assert list(load_db(path)) == [d]


_TEXT = st.text(max_size=20)
_SPANS = st.fixed_dictionaries(
    {
        "section": st.integers(0, 9),
        "block": st.integers(0, 9),
        "paragraph": st.none() | st.integers(1, 99),
        "start": st.integers(0, 99),
        "end": st.integers(0, 99),
    }
)
_FACTS = st.fixed_dictionaries(
    {
        "scheme": st.just("1"),
        "legislation": st.lists(
            st.fixed_dictionaries({"instrument": _TEXT, "provision": st.none() | _TEXT, "text": _TEXT, "span": _SPANS}),
            max_size=3,
        ),
        "people": st.fixed_dictionaries(
            {"labels": st.lists(_TEXT, max_size=2), "complainant": st.none() | _TEXT, "on_behalf_of": st.none()}
        ),
        "finding": st.none() | st.sampled_from(["no_fault", "fault_causing_injustice"]),
        "grounds": st.lists(
            st.fixed_dictionaries(
                {
                    "ground": st.sampled_from([g.value for g in Ground]),
                    "body": st.none() | _TEXT,
                    "text": _TEXT,
                    "span": _SPANS,
                }
            ),
            max_size=2,
        ),
        "remedies": st.lists(
            st.fixed_dictionaries(
                {
                    "kind": st.sampled_from(["apology", "payment", "refund"]),
                    "amount_pence": st.none() | st.integers(0, 10**7),
                    "purpose": st.none() | st.sampled_from([p.value for p in Purpose]),
                    "deadline_days": st.none() | st.integers(1, 90),
                    "already_provided": st.booleans(),
                    "text": _TEXT,
                    "span": _SPANS,
                }
            ),
            max_size=3,
        ),
        "compliance": st.none(),
        "decided_by": st.none() | st.just("investigator"),
    }
)

_COLUMNS = {
    "citations": ("legislation", ("instrument", "provision", "text")),
    "remedies": ("remedies", ("kind", "amount_pence", "purpose", "deadline_days", "already_provided", "text")),
    "grounds": ("grounds", ("ground", "body", "text")),
}


@settings(max_examples=25)
@given(st.lists(st.tuples(decisions(), _FACTS), min_size=1, max_size=4))
def test_generated_facts_fill_their_tables_entry_for_entry(pairs: list[tuple[Decision, dict[str, Any]]]) -> None:
    ds = [attrs.evolve(d, extensions={**d.extensions, "facts": facts}) for d, facts in pairs]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "facts.db"
        write_db(ds, path)
        expected = _expected(ds)
        ids = [i for (i,) in _query(path, "SELECT id FROM decisions ORDER BY id")]
        for decision_id, d in zip(ids, expected, strict=True):
            facts = d.extensions["facts"]
            for table, (field, columns) in _COLUMNS.items():
                rows = _query(
                    path,
                    f"SELECT {', '.join(columns)}, span_section, span_block, span_paragraph, span_start, span_end "
                    f"FROM {table} WHERE decision_id = ? ORDER BY id",
                    (decision_id,),
                )
                wanted = [
                    (
                        *(int(e[c]) if isinstance(e[c], bool) else e[c] for c in columns),
                        *(e["span"][k] for k in ("section", "block", "paragraph", "start", "end")),
                    )
                    for e in facts[field]
                ]
                assert rows == wanted
        # (the typed facts come back: compared as a record loaded from the same JSON would be)
        assert [dumps(d) for d in load_db(path)] == [dumps(loads(dumps(d))) for d in expected]


def test_every_export_column_has_its_column_in_the_database() -> None:
    from lgo_decisions._database_schema import TABLES
    from lgo_decisions.export import DECISION_COLUMNS, PARAGRAPH_COLUMNS

    assert {c for c, _ in DECISION_COLUMNS} <= set(TABLES["decisions"][0])
    assert {c for c, _ in PARAGRAPH_COLUMNS} - {"reference", "url"} <= set(TABLES["paragraphs"][0])


def test_parse_with_facts_into_a_database_fills_the_facts_tables(tmp_path: Path) -> None:
    from lgo_decisions.cli import main
    from lgo_decisions.facts import extract_facts

    path = tmp_path / "facts.db"
    assert main(["parse", "--facts", "-q", *map(str, EXAMPLES), "-o", str(path)]) == 0
    expected = [extract_facts(d) for d in _examples()]
    assert _query(path, "SELECT count(*) FROM citations") == [(sum(len(f.legislation) for f in expected),)]
    assert _query(path, "SELECT count(*) FROM remedies") == [(sum(len(f.remedies) for f in expected),)]
    assert _query(path, "SELECT count(*) FROM decisions WHERE facts_scheme = '1'") == [(len(EXAMPLES),)]
