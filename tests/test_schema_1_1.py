"""Schema 1.1: diagnostics' severity, the compliance line, and a record that names its statement."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import jsonschema
import pytest

from lgo_decisions import SCHEMA_VERSION, Decision, SerialisationError, dumps, from_dict, loads, to_dict
from lgo_decisions._fields import parse_date, read_compliance
from lgo_decisions.jsonschema import VERSION_PATTERN, json_schema
from lgo_decisions.model import Compliance, Diagnostic, Section, Severity, Source, iter_text

VALIDATOR = jsonschema.Draft202012Validator(json_schema())
STRICT_VALIDATOR = jsonschema.Draft202012Validator(json_schema(strict=True))
LINE = "Ombudsman satisfied with council's response: 2 October 2017"

# A record as schema 1.0 wrote it: no severity, no compliance.
RECORD_1_0: dict[str, Any] = {
    "schema_version": "1.0",
    "reference": "20 007 417",
    "sections": [{"heading": "The complaint", "level": 2, "blocks": []}],
    "source": {"reader": "text", "name": "a.txt", "content_hash": None},
    "diagnostics": [
        {"code": "no_closing_line", "message": "no closing line", "line": 3},
        {"code": "unknown_outcome", "message": "unknown label", "line": None},
        {"code": "acme.own_code", "message": "a plugin's", "line": None},
    ],
}


def test_the_version_is_1_1_and_the_schema_admits_every_1_x() -> None:
    assert SCHEMA_VERSION == "1.1"
    schema = json_schema()
    assert schema["$id"].endswith(":1.1")
    assert schema["properties"]["schema_version"]["pattern"] == VERSION_PATTERN
    for version, ok in [("1.0", True), ("1.1", True), ("1.7", True), ("2.0", False), ("1", False)]:
        assert VALIDATOR.is_valid({**RECORD_1_0, "schema_version": version}) is ok, version


def test_a_1_0_record_loads_gets_its_severities_and_is_stamped_1_1() -> None:
    assert STRICT_VALIDATOR.is_valid(RECORD_1_0)
    d = from_dict(RECORD_1_0, strict=True)
    assert d.schema_version == "1.1"
    assert d.compliance is None
    assert [x.severity for x in d.diagnostics] == [Severity.INFO, Severity.WARNING, Severity.WARNING]
    written = to_dict(d)
    assert written["schema_version"] == "1.1"
    assert [x["severity"] for x in written["diagnostics"]] == ["info", "warning", "warning"]
    assert STRICT_VALIDATOR.is_valid(written)


def test_a_newer_minor_record_loads_as_this_version() -> None:
    record = {**RECORD_1_0, "schema_version": "1.2", "published_at": "2031-01-01"}
    assert from_dict(record).schema_version == "1.1"
    with pytest.raises(SerialisationError, match="unknown key 'published_at'"):
        from_dict(record, strict=True)


# --- Diagnostic.severity ----------------------------------------------------------------------


def test_severity_is_written_as_its_value_and_read_back() -> None:
    d = Decision(reference="20 007 417", diagnostics=[Diagnostic(code="x", message="m", severity=Severity.ERROR)])
    data = to_dict(d)
    assert data["diagnostics"][0] == {"code": "x", "message": "m", "line": None, "severity": "error"}
    assert type(data["diagnostics"][0]["severity"]) is str
    assert loads(dumps(d)).diagnostics == d.diagnostics
    assert json_schema()["$defs"]["Severity"]["enum"] == ["info", "warning", "error"]


def test_a_stored_severity_is_kept_over_its_codes() -> None:
    record = {**RECORD_1_0, "diagnostics": [{"code": "no_closing_line", "message": "m", "severity": "error"}]}
    assert from_dict(record).diagnostics[0].severity is Severity.ERROR


@pytest.mark.parametrize("bad", ["fatal", "INFO", 2, None])
def test_a_bad_severity_is_refused_by_both(bad: Any) -> None:
    record = {**RECORD_1_0, "diagnostics": [{"code": "x", "message": "m", "severity": bad}]}
    assert not VALIDATOR.is_valid(record)
    with pytest.raises(SerialisationError, match=r"\$\.diagnostics\[0\]\.severity"):
        from_dict(record)


# --- Decision.compliance ----------------------------------------------------------------------


def test_compliance_round_trips_and_validates() -> None:
    d = Decision(reference="20 007 417", compliance=Compliance(text=LINE, date=dt.date(2017, 10, 2)))
    data = to_dict(d)
    assert data["compliance"] == {"text": LINE, "date": "2017-10-02"}
    assert list(data).index("compliance") == list(data).index("decided_by") + 1
    assert STRICT_VALIDATOR.is_valid(data)
    assert from_dict(data, strict=True) == d
    assert from_dict({**data, "compliance": {"text": LINE}}).compliance == Compliance(text=LINE)
    assert d != Decision(reference="20 007 417")  # part of equality: it is what the page says


@pytest.mark.parametrize(
    ("value", "where"),
    [({"date": "2017-10-02"}, "$.compliance.text"), ({"text": LINE, "date": "2 October 2017"}, "$.compliance.date")],
)
def test_a_bad_compliance_is_refused_by_both(value: Any, where: str) -> None:
    record = {**RECORD_1_0, "compliance": value}
    assert not VALIDATOR.is_valid(record)
    with pytest.raises(SerialisationError) as info:
        from_dict(record)
    assert where in str(info.value)


def test_the_compliance_line_is_statement_text() -> None:
    d = Decision(sections=[Section(heading="Final decision")], decided_by="Ombudsman's decision")
    d = Decision(sections=d.sections, decided_by=d.decided_by, compliance=Compliance(text=LINE))
    assert list(iter_text(d)) == ["Final decision", "Ombudsman's decision", LINE]
    assert d.text().endswith("\n" + LINE)


@pytest.mark.parametrize(
    ("line", "date"),
    [
        (LINE, dt.date(2017, 10, 2)),
        ("Ombudsman satisfied with council\u2019s response: 2 October 2017", dt.date(2017, 10, 2)),
        ("Ombudsman satisfied with council response: 23 September 2016", dt.date(2016, 9, 23)),
        ("Ombudsman satisfied with Council's response: 2 October 2017", dt.date(2017, 10, 2)),
        ("Ombudsman satisfied with council's reponse: 14 March 2017", dt.date(2017, 3, 14)),
        ("OMBUDSMAN SATISFIED WITH COUNCIL'S RESPONSE: 2 OCTOBER 2017", dt.date(2017, 10, 2)),
        ("  Ombudsman satisfied with council's response:  2 Oct 2017. ", dt.date(2017, 10, 2)),
        ("Ombudsman satisfied with council's response: 2nd October 2017", dt.date(2017, 10, 2)),
        ("Ombudsman satisfied with council's response: 02/10/2017", dt.date(2017, 10, 2)),
        ("Ombudsman satisfied with council's response", None),
        ("Ombudsman satisfied with council's response: to follow", None),
    ],
)
def test_read_compliance_reads_the_variants(line: str, date: dt.date | None) -> None:
    found = read_compliance(line)
    assert found == Compliance(text=line.strip(), date=date)


@pytest.mark.parametrize(
    "line",
    [
        "Mr X was satisfied with the council's response.",
        "The Ombudsman's final decision:",
        "I am satisfied with the Council's response to my draft decision.",
        "Ombudsman's decision",
        "",
    ],
)
def test_read_compliance_leaves_other_lines(line: str) -> None:
    assert read_compliance(line) is None


def test_parse_date_reads_the_long_forms() -> None:
    assert parse_date("2 October 2017") == dt.date(2017, 10, 2)
    assert parse_date("23 September 2016") == dt.date(2016, 9, 23)
    assert parse_date("1st June 2016") == dt.date(2016, 6, 1)
    assert parse_date("31 June 2016") is None
    assert parse_date("2 Octember 2017") is None


# --- a record names its statement -------------------------------------------------------------

EMPTY = [
    {},
    {"schema_version": "1.1"},
    {"reference": None, "sections": [], "source": None},
    {"summary": "We will not investigate.", "outcome": {"code": "upheld", "label": "Upheld"}},
    {"diagnostics": [{"code": "x", "message": "m"}], "extensions": {"acme.x": 1}},
]


@pytest.mark.parametrize("record", EMPTY, ids=lambda r: json.dumps(r)[:40])
@pytest.mark.parametrize("strict", [False, True])
def test_a_record_that_names_no_statement_is_refused_by_both(record: dict[str, Any], strict: bool) -> None:
    assert not (STRICT_VALIDATOR if strict else VALIDATOR).is_valid(record)
    with pytest.raises(SerialisationError, match=r"no reference, no sections and no source.* @ \$$"):
        from_dict(record, strict=strict)


@pytest.mark.parametrize(
    "record",
    [
        {"reference": "20 007 417"},
        {"sections": [{"heading": None}]},
        {"source": {"reader": "text"}},
        {"reference": None, "sections": [], "source": {"reader": "html", "name": "a.html"}},
    ],
    ids=lambda r: json.dumps(r)[:40],
)
def test_any_one_of_reference_sections_source_is_enough(record: dict[str, Any]) -> None:
    assert STRICT_VALIDATOR.is_valid(record)
    from_dict(record, strict=True)


def test_an_empty_decision_is_still_made_and_written_but_not_loaded() -> None:
    d = Decision()  # the model itself takes it (a builder's or a test's intermediate)
    assert to_dict(d)["reference"] is None
    with pytest.raises(SerialisationError):
        loads(dumps(d))
    assert loads(dumps(Decision(source=Source(reader="text")))) == d
