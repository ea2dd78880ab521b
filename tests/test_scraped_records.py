"""Scrapers' records: JSON arrays, JSON Lines and single objects of a statement's text or HTML and its metadata.

The statements here are made up, in the shapes scrapers save: ``{"_id", "case_id", "title",
"text", "date", "category", "subcategory", "outcome", "authority", "url"}`` and the other key
sets (``body``, ``content``, ``html``, ``link``, ``reference``, ``decision``, ``decision_date``).
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, assume, given, settings

from lgo_decisions import Decision, NotADecisionError, ParseError, dumps, read_corpus, read_text, readers
from lgo_decisions._scraped import ALIASES, MISSING, read_json, read_record
from lgo_decisions.cli import main
from lgo_decisions.corpus import count_inputs, read_corpus_json
from lgo_decisions.errors import SerialisationError
from lgo_decisions.model import Source
from lgo_decisions.plugin import Kind
from lgo_decisions.readers.text import tokenize
from lgo_decisions.testing import decisions
from lgo_decisions.writers.html import render_html
from lgo_decisions.writers.text import render_text

URL = "https://www.lgo.org.uk/decisions/adult-care-services/charging/16-004-217"
HEADER = """Northshire County Council (16 004 217)

Category : Adult care services > Charging

Decision : Upheld

Decision date : 14 Mar 2017

"""
BODY = """The Ombudsman's final decision:

Summary: Mrs B complained that the Council charged her for home care visits that did not take place. The Council \
has agreed to refund the charges.

The complaint

  1. Mrs B complained that the Council charged her for home care visits that did not take place.

What I found

  1. The Council accepted that twelve visits were charged in error.

  2. It did not refund the charges when Mrs B first asked.

Final decision

  1. I have upheld the complaint. The Council has agreed to refund the charges.

Investigator's decision on behalf of the Ombudsman
"""
STATEMENT = HEADER + BODY
# What BeautifulSoup's get_text() gives of the statement's article: no title, no header lines, no list numbers.
GET_TEXT = """


The Ombudsman's final decision:


Summary: Mrs B complained that the Council charged her for home care visits that did not take place.



The complaint


Mrs B complained that the Council charged her for home care visits that did not take place.


Final decision


I have upheld the complaint.


Investigator's decision on behalf of the Ombudsman

"""


def metadata(**changes: Any) -> dict[str, Any]:
    """The statement's metadata in the first scraper's shape (``changes`` replace or, as None, drop keys)."""
    out: dict[str, Any] = {
        "_id": "5f1d0c",
        "case_id": "16 004 217",
        "title": "Northshire County Council (16 004 217)",
        "date": "2017-03-14",
        "category": "Adult care services",
        "subcategory": "Charging",
        "outcome": "Upheld",
        "authority": "Northshire County Council",
        "url": URL,
    }
    out.update(changes)
    return {k: v for k, v in out.items() if v is not None}


def record(text: str = BODY, **changes: Any) -> dict[str, Any]:
    return {**metadata(**changes), "text": text} if "text" not in changes else metadata(**changes)


@pytest.fixture(scope="module")
def full() -> Decision:
    """The statement read from its whole text and its address: what every record of it must read as."""
    return read_text(STATEMENT, url=URL)


def codes(d: Decision) -> list[str]:
    return [x.code for x in d.diagnostics]


# --- one record ---------------------------------------------------------------------------------


def test_the_metadata_fills_what_the_text_lacks(full: Decision) -> None:
    d = read_record(record(), name="records.json[0]")
    assert d == full
    assert d.source == Source(reader="scraped", name="records.json[0]", content_hash=d.source.content_hash)
    assert "record_mismatch" not in codes(d)


def test_the_whole_text_with_agreeing_metadata_has_no_mismatch(full: Decision) -> None:
    d = read_record(record(STATEMENT))
    assert d == full
    assert codes(d) == codes(full)


def test_a_get_text_page_without_a_title_or_header_lines() -> None:
    d = read_record(record(GET_TEXT))
    assert d.reference == "16 004 217"
    assert [(o.name, o.reference) for o in d.organisations] == [("Northshire County Council", "16 004 217")]
    assert (d.category.area, d.category.subject) == ("Adult care services", "Charging")  # type: ignore[union-attr]
    assert d.outcome is not None
    assert d.outcome.code.value == "upheld"
    assert d.decision_date is not None
    assert d.decision_date.isoformat() == "2017-03-14"
    assert d.url == URL
    assert [s.heading for s in d.sections] == ["The complaint", "Final decision"]
    assert d.decided_by == "Investigator's decision on behalf of the Ombudsman"
    alone = read_text(GET_TEXT)  # the text alone does not say which statement it is
    assert (alone.reference, alone.organisations, alone.category, alone.outcome) == (None, (), None, None)


@pytest.mark.parametrize(
    "keys",
    [
        {"text": "body"},
        {"text": "content"},
        {"url": "link"},
        {"case_id": "reference"},
        {"case_id": "ref"},
        {"authority": "organisation"},
        {"outcome": "decision"},
        {"date": "decision_date"},
        {"subcategory": "subject"},
    ],
    ids=lambda k: "->".join(next(iter(k.items()))),
)
def test_each_alias(keys: dict[str, str], full: Decision) -> None:
    rec = record()
    for old, new in keys.items():
        rec[new] = rec.pop(old)
    assert read_record(rec) == full


def test_every_alias_of_a_field_is_in_the_one_table() -> None:
    assert ALIASES["text"] == ("text", "body", "content")
    assert ALIASES["html"] == ("html",)
    assert set(ALIASES["url"]) == {"url", "link"}
    assert set(ALIASES["reference"]) == {"case_id", "reference", "ref"}
    assert MISSING == "no text, body, content or html field"


@pytest.mark.parametrize(
    "changes",
    [
        {"case_id": "16-004-217"},
        {"case_id": "16004217"},
        {"case_id": None, "authority": None},  # the title alone: "<Organisation> (<reference>)"
        {"case_id": None, "authority": None, "title": "Northshire County Council (16 004 217) - LGSCO"},
        {"case_id": 16004217},
        {"date": "14 Mar 2017"},
        {"date": "14 March 2017"},
        {"date": "2017-03-14T00:00:00Z"},
        {"category": "Adult care services > Charging", "subcategory": None},
        {"url": None},  # the reference and category from the metadata only
    ],
    ids=repr,
)
def test_value_forms(changes: dict[str, Any], full: Decision) -> None:
    d = read_record(record(**changes))
    assert d == (full if "url" not in changes else attrs.evolve(full, url=None))
    assert codes(d) == codes(full)


def test_html_in_the_html_field_and_in_a_text_field(full: Decision) -> None:
    page = render_html(full, page=True)
    for field in ("html", "text", "content"):
        rec = {**metadata(), field: page}
        d = read_record(rec)
        assert d == full, field
        assert d.source is not None
        assert d.source.reader == "scraped"
        assert "record_mismatch" not in codes(d)


def test_html_without_its_title_and_header_is_filled_from_the_metadata(full: Decision) -> None:
    fragment = render_html(read_text(BODY))
    assert "16 004 217" not in fragment
    assert "Charging" not in fragment
    d = read_record({**metadata(), "html": fragment})
    assert d == full


def test_the_page_wins_and_each_disagreement_is_a_diagnostic(full: Decision) -> None:
    rec = record(
        STATEMENT,
        case_id="17 000 001",
        authority="Southshire District Council",
        outcome="Not upheld",
        date="01 Jan 2001",
        category="Housing",
        subcategory="Allocations",
        title=None,
    )
    d = read_record(rec)
    assert d == full
    mismatches = [x.message for x in d.diagnostics if x.code == "record_mismatch"]
    assert len(mismatches) == 6
    assert "case_id '17 000 001'" in mismatches[0]
    assert "'16 004 217'" in mismatches[0]
    assert "authority 'Southshire District Council'" in mismatches[1]
    assert "'Not upheld'" in mismatches[2]
    assert "'01 Jan 2001'" in mismatches[3]
    assert "2017-03-14" in mismatches[3]
    assert "'Housing'" in mismatches[4]
    assert "subcategory 'Allocations'" in mismatches[5]
    with pytest.raises(ParseError, match=r"x\.json: the record's case_id '17 000 001' differs"):
        read_record(rec, strict=True, name="x.json")


def test_unreadable_metadata_is_a_record_field_diagnostic(full: Decision) -> None:
    rec = record(STATEMENT, case_id="n/a", date="last Tuesday", outcome=["Upheld"])
    d = read_record(rec)
    assert d == full  # the page still says it all
    notes = [x.message for x in d.diagnostics if x.code == "record_field"]
    assert len(notes) == 3
    assert any("'n/a' is not a reference" in n for n in notes)
    assert any("'last Tuesday' is not a date" in n for n in notes)
    assert any("outcome is a JSON array, not text" in n for n in notes)
    with pytest.raises(ParseError, match="outcome is a JSON array"):  # the first problem
        read_record(rec, strict=True)


@pytest.mark.parametrize(
    ("value", "said"),
    [
        ({}, "an empty JSON object: no text, body, content or html field"),
        ({"title": "x"}, "a JSON object (keys: title) with no text, body, content or html field"),
        ({"case_id": "16 004 217", "text": None}, "whose text is null, not statement text"),
        ({"text": "   "}, 'whose text is "   ", not statement text'),
        ([1, 2], "a JSON array, not an object: no text, body, content or html field"),
        ("a string", "a JSON string, not an object"),
        (42, "a JSON number, not an object"),
        (None, "JSON null, not an object"),
    ],
    ids=repr,
)
def test_a_value_that_is_no_record_is_an_error_saying_what_it_lacks(value: Any, said: str) -> None:
    with pytest.raises(NotADecisionError) as info:
        read_json(json.dumps(value), name="records.jsonl:7")
    assert str(info.value).startswith("records.jsonl:7: not a decision record: ")
    assert said in str(info.value)


def test_schema_records_still_load_as_records(full: Decision) -> None:
    assert read_json(dumps(full)) == full
    record_keys_only = {k: v for k, v in json.loads(dumps(full)).items() if k != "schema_version"}
    assert read_json(json.dumps(record_keys_only)) == full
    with pytest.raises(SerialisationError, match="no reference, no sections and no source"):
        read_json('{"url": "https://example.org/"}')  # schema keys only, and no statement in them


# --- files: JSON arrays, single records, JSON Lines ----------------------------------------------

BAD_VALUES: list[Any] = [{}, [1, 2], "a string", {"title": "x"}, 3.5]


def test_a_json_array_of_records(tmp_path: Path, full: Decision) -> None:
    path = tmp_path / "records.json"
    values = [record(), {**metadata(), "html": render_html(full, page=True)}, *BAD_VALUES, json.loads(dumps(full))]
    path.write_text(json.dumps(values, indent=2), encoding="utf-8")
    results = list(read_corpus([path]))
    assert [r.name for r in results] == [f"{path}[{i}]" for i in range(len(values))]
    assert [r.ok for r in results] == [True, True, False, False, False, False, False, True]
    assert all(r.decision == full for r in results if r.decision is not None)
    assert results[0].decision is not None
    assert results[0].decision.source is not None
    assert results[0].decision.source.name == f"{path}[0]"
    for r in results[2:-1]:
        assert r.error == "NotADecisionError"
        assert r.reason is not None
        assert r.reason.startswith(f"{r.name}: not a decision record: ")
        assert MISSING in r.reason
    assert count_inputs([path]) == len(values)


def test_a_json_file_of_one_record(tmp_path: Path, full: Decision) -> None:
    one = tmp_path / "one.json"
    one.write_text(json.dumps(record()), encoding="utf-8")
    schema = tmp_path / "schema.json"
    schema.write_text(dumps(full, indent=2), encoding="utf-8")
    empty, broken, text = tmp_path / "empty.json", tmp_path / "broken.json", tmp_path / "text.json"
    empty.write_text("[]", encoding="utf-8")
    broken.write_text('[{"text": ', encoding="utf-8")
    text.write_text('"a string"', encoding="utf-8")
    results = {Path(r.name).name: r for r in read_corpus([one, schema, empty, broken, text])}
    assert results["one.json"].decision == full
    assert results["one.json"].decision.source.name == str(one)  # type: ignore[union-attr]
    assert results["schema.json"].decision == full
    assert (results["empty.json"].error, results["empty.json"].reason) == (
        "NotADecisionError",
        "an empty JSON array: no records",
    )
    assert results["broken.json"].error == "JSONDecodeError"
    assert results["text.json"].error == "NotADecisionError"
    assert "a JSON string, not an object" in (results["text.json"].reason or "")


def test_json_lines_of_scraper_records(tmp_path: Path, full: Decision) -> None:
    path = tmp_path / "records.jsonl"
    lines = [json.dumps(record()), "", *map(json.dumps, BAD_VALUES), "{not json", dumps(full)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = list(read_corpus([path]))
    assert [r.name for r in results] == [f"{path}:{n}" for n in (1, 3, 4, 5, 6, 7, 8, 9)]
    assert [r.error for r in results] == [None, *["NotADecisionError"] * 5, "SerialisationError", None]
    assert results[0].decision == full == results[-1].decision
    assert results[3].reason == f"{path}:5: not a decision record: a JSON string, not an object: {MISSING}"


def test_a_huge_json_lines_file_is_read_line_by_line(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    with path.open("w", encoding="utf-8") as fp:
        for _ in range(300):
            fp.write(json.dumps(record()) + "\n")
    results = read_corpus([path])
    first = next(results)  # the first result comes before the rest of the file is read
    assert first.ok
    assert sum(1 for _ in results) == 299


def test_folders_globs_and_zip_archives_pick_up_json(tmp_path: Path, full: Decision) -> None:
    folder = tmp_path / "saved"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(STATEMENT, encoding="utf-8")
    (folder / "sub" / "records.json").write_text(json.dumps([record(), record(GET_TEXT)]), encoding="utf-8")
    (folder / "sub" / "one.json").write_text(json.dumps(record()), encoding="utf-8")
    archive = tmp_path / "saved.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("pages/records.json", json.dumps([record(), {}]))
        zf.writestr("pages/one.json", json.dumps(record()))
    names = [r.name for r in read_corpus([folder])]
    assert names == [
        str(folder / "a.txt"),
        str(folder / "sub" / "one.json"),
        *(f"{folder}/sub/records.json[{i}]" for i in (0, 1)),
    ]
    assert [r.name for r in read_corpus([f"{folder}/**/*.json"])] == names[1:]
    zipped = list(read_corpus([archive]))
    assert [r.name for r in zipped] == [
        f"{archive}!pages/records.json[0]",
        f"{archive}!pages/records.json[1]",
        f"{archive}!pages/one.json",
    ]
    assert [r.decision == full for r in zipped] == [True, False, True]
    assert zipped[1].reason is not None
    assert MISSING in zipped[1].reason
    assert count_inputs([folder, archive]) == 7


def test_two_workers_read_records_as_one_does(tmp_path: Path) -> None:
    path = tmp_path / "records.json"
    path.write_text(json.dumps([record(), *BAD_VALUES] * 8), encoding="utf-8")
    assert list(read_corpus_json([path], workers=2)) == list(read_corpus_json([path]))


def test_strict_fails_a_record_that_disagrees(tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    path.write_text(json.dumps(record(STATEMENT, outcome="Not upheld")) + "\n", encoding="utf-8")
    [lenient] = read_corpus([path])
    [strict] = read_corpus([path], strict=True)
    assert lenient.partial
    assert "record_mismatch" in codes(lenient.decision)
    assert (strict.error, strict.ok) == ("ParseError", False)
    assert "outcome 'Not upheld' differs" in (strict.reason or "")


# --- the command line ---------------------------------------------------------------------------


def test_parse_reads_records_and_reports_what_is_no_record(
    tmp_path: Path, full: Decision, capsys: pytest.CaptureFixture[str]
) -> None:
    array, lines = tmp_path / "records.json", tmp_path / "records.jsonl"
    array.write_text(json.dumps([record(), {"title": "x"}]), encoding="utf-8")
    lines.write_text("\n".join([json.dumps(record()), "{}", "[1, 2]"]) + "\n", encoding="utf-8")
    errors = tmp_path / "failed.jsonl"
    assert main(["parse", str(array), str(lines), "--errors", str(errors)]) == 1
    out, err = capsys.readouterr()
    assert [read_json(line) for line in out.splitlines()] == [full, full]
    assert "5 input(s): 2 read (0 with diagnostics), 3 failed" in err
    assert f"{array}[1]: NotADecisionError: {array}[1]: not a decision record: a JSON object (keys: title)" in err
    assert f"{lines}:2: NotADecisionError" in err
    assert f"{lines}:3: NotADecisionError" in err
    failed = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert [f["name"] for f in failed] == [f"{array}[1]", f"{lines}:2", f"{lines}:3"]
    assert all(MISSING in f["reason"] for f in failed)


def test_parse_of_records_only_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "records.json"
    path.write_text(json.dumps([record(), record(STATEMENT)]), encoding="utf-8")
    assert main(["parse", "--quiet", str(path)]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2


# --- plugins ------------------------------------------------------------------------------------


class _Recorder:
    """A reader plugin for records carrying a ``crawl`` key the library does not know."""

    name, suffixes = "crawl-records", (".json",)

    def sniff(self, head: bytes | str, name: str | None) -> int:
        return 20 if '"crawl"' in (head if isinstance(head, str) else head.decode("utf-8", "ignore")) else 0

    def read(
        self, data: str | bytes, *, url: str | None = None, strict: bool = False, name: str | None = None
    ) -> Decision:
        d = read_record(json.loads(data), name=name)
        return attrs.evolve(d, source=attrs.evolve(d.source, reader=self.name))


@pytest.fixture
def crawl_plugin() -> Iterator[None]:
    readers.register(_Recorder())
    yield
    readers.unregister("crawl-records")


def test_a_plugin_gets_the_records_with_keys_only_it_knows(crawl_plugin: None, tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    path.write_text(json.dumps(record()) + "\n" + json.dumps({**record(), "crawl": 7}) + "\n", encoding="utf-8")
    results = list(read_corpus([path]))
    assert [r.decision.source.reader for r in results] == ["scraped", "crawl-records"]  # type: ignore[union-attr]
    assert results[1].decision.source.name == f"{path}:2"  # type: ignore[union-attr]


def test_the_example_plugin_keeps_its_records(tmp_path: Path, full: Decision) -> None:
    if "records" not in readers.available():
        pytest.skip("the example plugin lgo-decisions-records is not installed")
    theirs = {
        "id": "lgsco-0001",
        "fetched_at": "2024-05-01T09:30:00Z",
        "url": URL,
        "ref": "16-004-217",
        "authority": "Northshire County Council",
        "category": "Adult care services",
        "subcategory": "Charging",
        "outcome": "Upheld",
        "date": "2017-03-14",
        "text": BODY,
    }
    path = tmp_path / "mixed.json"
    path.write_text(json.dumps([theirs, record()]), encoding="utf-8")
    results = list(read_corpus([path]))
    assert [r.decision.source.reader for r in results] == ["records", "scraped"]  # type: ignore[union-attr]
    assert [attrs.evolve(r.decision, extensions={}) for r in results] == [full, full]  # type: ignore[misc]
    assert results[0].decision.extensions["records"].id == "lgsco-0001"  # type: ignore[union-attr]


# --- the property -------------------------------------------------------------------------------


def _without_title_and_header(text: str) -> str:
    lines = [t.line or 0 for t in tokenize(text) if t.kind in (Kind.TITLE, Kind.HEADER)]
    return "\n".join(text.splitlines()[max(lines, default=0) :])


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(decisions(readable=True))
def test_a_rendering_without_its_header_plus_its_metadata_reads_as_the_whole_rendering(d: Decision) -> None:
    """Any record of a decision's rendering (title and header lines removed) and its metadata reads
    back equal to the decision read from the whole rendering."""
    text = render_text(d)
    whole = read_text(text, url=d.url)
    assume(whole.reference is not None)  # (a record names its statement)
    rec: dict[str, Any] = {
        "case_id": whole.reference,
        "authority": whole.organisations[0].name if whole.organisations else None,
        "category": whole.category.area if whole.category else None,
        "subcategory": whole.category.subject if whole.category else None,
        "outcome": whole.outcome.label if whole.outcome else None,
        "date": whole.decision_date.isoformat() if whole.decision_date else None,
        "url": d.url,
        "body": _without_title_and_header(text),
    }
    assume(rec["body"].strip())
    back = read_record({k: v for k, v in rec.items() if v is not None})
    assert back == whole
    assert "record_mismatch" not in codes(back)
