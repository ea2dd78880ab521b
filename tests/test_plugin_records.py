"""The example plugin ``examples/plugins/lgo-decisions-records``, found through its entry points.

Nothing here imports the plugin: the reader and the payload class come from the registries, as
they do for any user. The test command installs the plugin; without it these tests fail.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

import attrs
import pytest

from lgo_decisions import (
    Decision,
    NotADecisionError,
    ParseError,
    dumps,
    extensions,
    loads,
    read,
    read_text,
    readers,
    to_dict,
)
from lgo_decisions._registry import Registry
from tests.seeds import COMPACT, SPACED, seed

INSTALL = "pip install -e ./examples/plugins/lgo-decisions-records"
FETCHED = "2024-05-01T09:30:00Z"


@pytest.fixture(scope="module", autouse=True)
def plugin_installed() -> None:
    """Fail (not skip) every test here when the example plugin is not installed."""
    found = {(ep.group, ep.name) for g in (readers.GROUP, extensions.GROUP) for ep in entry_points(group=g)}
    if not {(readers.GROUP, "records"), (extensions.GROUP, "records")} <= found:
        pytest.fail(
            f"the example plugin lgo-decisions-records is not installed; run `{INSTALL}` "
            f"(the README's test command does)",
            pytrace=False,
        )
    readers.REGISTRY.refresh()
    extensions.REGISTRY.refresh()


def _body(text: str) -> str:
    """The statement without its title and header lines (what many scrapers keep as ``text``)."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if "final decision" in line.lower())
    return "\n".join(lines[start:])


def record(d: Decision, text: str, **fields: Any) -> dict[str, Any]:
    """A scraper record of decision ``d`` whose text is ``text``."""
    out: dict[str, Any] = {
        "id": "lgsco-0001",
        "fetched_at": FETCHED,
        "url": d.url
        or "https://www.lgo.org.uk/decisions/education/school-transport/" + (d.reference or "").replace(" ", "-"),
        "ref": (d.reference or "").replace(" ", "-"),
        "authority": d.organisations[0].name if d.organisations else None,
        "category": d.category.area if d.category else None,
        "subcategory": d.category.subject if d.category else None,
        "outcome": d.outcome.label if d.outcome else None,
        "date": d.decision_date.isoformat() if d.decision_date else None,
        "text": text,
    }
    out.update(fields)
    return out


@pytest.fixture(params=SPACED + COMPACT)
def case(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Decision, Path]:
    """A seed read from its full text, and a record file of it whose text lacks the header."""
    text = seed(request.param)
    full = read_text(text)
    rec = record(full, _body(text))
    full = attrs.evolve(full, url=rec["url"])
    path = tmp_path / f"{request.param}.json"
    path.write_text(json.dumps(rec, ensure_ascii=False, indent=1), encoding="utf-8")
    return full, path


def test_the_plugin_is_registered_through_entry_points() -> None:
    assert "records" in readers.available()
    reader = readers.get("records")
    assert isinstance(reader, readers.Reader)
    assert reader.name == "records"
    assert ".json" in reader.suffixes
    info = extensions.extension_type("records")
    assert info is not None
    assert attrs.has(info)
    assert {f.name for f in attrs.fields(info)} == {"id", "fetched_at"}


def test_read_picks_the_plugin_for_a_record_file(case: tuple[Decision, Path]) -> None:
    _full, path = case
    d = read(path)
    assert d.source is not None
    assert d.source.reader == "records"
    assert d.source.name == str(path)
    assert readers.detect(path.read_bytes(), str(path)).name == "records"
    assert readers.detect(path.read_text(encoding="utf-8")).name == "records"  # no file name needed


def test_the_record_fills_what_the_text_lacks(case: tuple[Decision, Path]) -> None:
    full, path = case
    d = read(path)
    assert attrs.evolve(d, extensions={}) == full  # the same record as reading the whole page
    assert [x.code for x in d.diagnostics] == [x.code for x in read_text(seed(path.stem)).diagnostics]
    info = d.extensions["records"]
    assert info.id == "lgsco-0001"
    assert info.fetched_at == dt.datetime(2024, 5, 1, 9, 30, tzinfo=dt.timezone.utc)


def test_round_trip_with_the_plugin_installed(case: tuple[Decision, Path]) -> None:
    d = read(case[1])
    back = loads(dumps(d))
    assert back == d
    assert type(back.extensions["records"]) is extensions.extension_type("records")
    assert isinstance(back.extensions["records"].fetched_at, dt.datetime)


@pytest.fixture
def without_plugins(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """An extension registry that knows no namespace: a program without the plugin."""
    monkeypatch.setattr(
        extensions,
        "REGISTRY",
        Registry(group="lgo_decisions.tests.none", kind="extension", builtins={}, check=extensions._check),
    )
    return


def test_round_trip_without_the_plugin_keeps_the_payload(case: tuple[Decision, Path], without_plugins: None) -> None:
    d = read(case[1])  # the reader still makes a typed payload (it is the plugin's own class)
    written = dumps(d)
    untyped = loads(written)
    assert untyped.extensions["records"] == {"id": "lgsco-0001", "fetched_at": "2024-05-01T09:30:00+00:00"}
    assert dumps(untyped) == written
    assert to_dict(loads(dumps(untyped))) == json.loads(written)


def test_a_record_passing_through_a_program_without_the_plugin_is_typed_again(
    case: tuple[Decision, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    d = read(case[1])
    registry = extensions.REGISTRY
    monkeypatch.setattr(
        extensions,
        "REGISTRY",
        Registry(group="lgo_decisions.tests.none", kind="extension", builtins={}, check=extensions._check),
    )
    passed = dumps(loads(dumps(d)))
    monkeypatch.setattr(extensions, "REGISTRY", registry)
    assert loads(passed) == d


def test_the_whole_page_as_text_gives_the_same_record(case: tuple[Decision, Path]) -> None:
    full, path = case
    rec = json.loads(path.read_text(encoding="utf-8"))
    rec["text"] = seed(path.stem)
    d = read(json.dumps(rec))
    assert attrs.evolve(d, extensions={}) == full
    assert d.diagnostics == read_text(seed(path.stem)).diagnostics


def test_the_statement_wins_over_a_disagreeing_record() -> None:
    text = seed(COMPACT[0])
    full = read_text(text)
    rec = record(full, text, outcome="Upheld", date="2001-01-01")
    d = read(json.dumps(rec))
    assert d.outcome == full.outcome
    assert d.decision_date == full.decision_date
    mismatches = [x.message for x in d.diagnostics if x.code == "record_mismatch"]
    assert len(mismatches) == 2
    assert "'Upheld'" in mismatches[0]
    assert "'2001-01-01'" in mismatches[1]
    with pytest.raises(ParseError, match="record's outcome 'Upheld'"):
        read(json.dumps(rec), strict=True)


def test_a_long_record_is_sniffed_from_its_head() -> None:
    full = read_text(seed(SPACED[0]))
    rec = record(full, "x" * (readers.SNIFF_SIZE + 10))
    head = {k: rec.pop(k) for k in ("id", "fetched_at", "url")}
    text = json.dumps({**head, "text": rec.pop("text"), **rec})  # the head ends inside the text
    assert len(text) > readers.SNIFF_SIZE
    assert '"ref"' not in text[: readers.SNIFF_SIZE]
    assert readers.get("records").sniff(text[: readers.SNIFF_SIZE], None) > 0
    assert readers.detect(text).name == "records"


@pytest.mark.parametrize(
    "content",
    [
        '{"reference": "20 007 417", "sections": [], "url": null, "summary": "text"}',  # a schema v1 record
        '{"text": "Kent County Council (23 008 522)"}',  # too few record keys
        '[{"id": 1, "ref": "24-011-791", "text": "x", "date": "2024-01-01", "url": "u"}]',
        "Kent County Council (23 008 522)\nDecision : Upheld",
    ],
)
def test_other_input_is_not_a_record(content: str) -> None:
    assert readers.get("records").sniff(content, None) == 0
    assert readers.get("records").sniff(content.encode("utf-8"), "x.json") == 0


def test_bad_records_name_the_file() -> None:
    reader = readers.get("records")
    with pytest.raises(NotADecisionError, match=r"broken\.json: not a JSON record"):
        reader.read('{"id": ', name="broken.json")
    with pytest.raises(NotADecisionError, match=r"list\.json: not a scraper record"):
        reader.read("[1, 2]", name="list.json")


def test_bad_fields_become_diagnostics() -> None:
    full = read_text(seed(COMPACT[1]))
    rec = record(full, _body(seed(COMPACT[1])), fetched_at="last Tuesday", id=17, ref="not-a-ref")
    d = read(json.dumps(rec))
    assert d.extensions["records"].id == "17"
    assert d.extensions["records"].fetched_at is None
    assert {x.code for x in d.diagnostics} >= {"record_field"}
    assert d.reference == full.reference  # from the address when the record's ref is unusable


def test_records_of_the_development_corpus(shared_dir: Path) -> None:
    """Every corpus statement, its title and header lines moved into the record's fields, reads the same."""
    from lgo_decisions.plugin import Kind
    from lgo_decisions.readers.text import tokenize

    total = 0
    with (shared_dir / "corpus" / "dev.jsonl").open(encoding="utf-8") as fp:
        for line in fp:
            row = json.loads(line)
            full = read_text(row["text"], url=row["url"])
            header_lines = [t.line or 0 for t in tokenize(row["text"]) if t.kind in (Kind.TITLE, Kind.HEADER)]
            body = "\n".join(row["text"].splitlines()[max(header_lines, default=0) :])
            d = read(json.dumps(record(full, body)))
            assert d.source is not None
            assert d.source.reader == "records"
            assert attrs.evolve(d, extensions={}) == full, row["url"]
            total += 1
    assert total > 100
