"""Facts travelling with records: spans inside their blocks, the 'facts' extension, schema, CLI, tables."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import attrs
import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import lgo_decisions as lgo
from lgo_decisions.extensions import extension_type
from lgo_decisions.facts import (
    FACT_COLUMNS,
    Citation,
    Complied,
    DecidedBy,
    Facts,
    Finding,
    Ground,
    GroundFact,
    People,
    Purpose,
    Remedy,
    RemedyKind,
    Span,
    block_text,
    extract_facts,
    facts_dataframe,
    quote,
    with_facts,
)
from lgo_decisions.jsonschema import json_schema
from lgo_decisions.model import BulletList, NumberedParagraph, Paragraph, Section, SubParagraph
from lgo_decisions.serialise import converter
from lgo_decisions.testing.strategies import decisions, texts

# Sentences in the published shapes, for decisions whose facts are not empty.
FACT_SENTENCES = (
    "We will not investigate Mr X's complaint.",
    "This is because there is not enough evidence of fault.",
    "The Information Commissioner's Office is better placed to consider this.",
    "The Council has agreed to apologise and pay Mrs Y £250 for her distress within one month.",
    "It apologised and refunded £40 of the £90 fee.",
    "We found fault causing injustice.",
    "The Council will remind its staff of the procedure.",
    "(Local Government Act 1974, section 26(6)(a), as amended)",
    "Mrs Y complains on behalf of her son, B.",
)
_sentence = st.one_of(st.sampled_from(FACT_SENTENCES), texts(max_sentences=1))
_text = st.lists(_sentence, min_size=1, max_size=4).map(" ".join)
_block = st.one_of(
    st.builds(Paragraph, text=_text),
    st.builds(BulletList, items=st.lists(_text, min_size=1, max_size=3)),
    st.builds(
        NumberedParagraph,
        number=st.just(1),
        text=_text,
        blocks=st.lists(st.builds(SubParagraph, number=st.just(1), text=_text), max_size=2),
    ),
)
_section = st.builds(
    Section,
    heading=st.sampled_from(("Summary", "My assessment", "Agreed action", None)),
    blocks=st.lists(_block, min_size=1, max_size=3),
)


@st.composite
def decisions_with_facts(draw: st.DrawFn) -> lgo.Decision:
    """A readable decision with sections and a summary made of fact-shaped sentences."""
    base = draw(decisions(readable=True, max_sections=2, max_blocks=2))
    extra = draw(st.lists(_section, min_size=1, max_size=3))
    return attrs.evolve(base, summary=draw(st.one_of(st.none(), _text)), sections=(*base.sections, *extra))


@settings(max_examples=60, deadline=None)
@given(decisions_with_facts())
def test_every_span_points_inside_its_block(decision: lgo.Decision) -> None:
    facts = extract_facts(decision)
    for fact in facts.facts():
        text = block_text(decision, fact.span.section, fact.span.block)
        assert 0 <= fact.span.start <= fact.span.end <= len(text)
        assert text[fact.span.start : fact.span.end].strip(" .;,:") != "" or fact.text == ""
        assert quote(decision, fact)  # the sentence behind it


_span = st.builds(
    Span,
    section=st.integers(-1, 30),
    block=st.integers(0, 30),
    paragraph=st.one_of(st.none(), st.integers(1, 99)),
    start=st.integers(0, 999),
    end=st.integers(0, 999),
)
_words = st.text(max_size=40)
_maybe = st.one_of(st.none(), _words)
FACTS = st.builds(
    Facts,
    legislation=st.lists(st.builds(Citation, instrument=_words, provision=_maybe, text=_words, span=_span), max_size=3),
    people=st.builds(People, labels=st.lists(_words, max_size=3), complainant=_maybe, on_behalf_of=_maybe),
    finding=st.one_of(st.none(), st.sampled_from(Finding)),
    grounds=st.lists(
        st.builds(GroundFact, ground=st.sampled_from(Ground), body=_maybe, text=_words, span=_span), max_size=3
    ),
    remedies=st.lists(
        st.builds(
            Remedy,
            kind=st.sampled_from(RemedyKind),
            amount_pence=st.one_of(st.none(), st.integers(0, 10**9)),
            purpose=st.one_of(st.none(), st.sampled_from(Purpose)),
            deadline_days=st.one_of(st.none(), st.integers(0, 999)),
            already_provided=st.booleans(),
            text=_words,
            span=_span,
        ),
        max_size=3,
    ),
    compliance=st.one_of(
        st.none(),
        st.builds(Complied, satisfied=st.booleans(), date=st.one_of(st.none(), st.dates()), text=_words, span=_span),
    ),
    decided_by=st.one_of(st.none(), st.sampled_from(DecidedBy)),
)


@settings(max_examples=80, deadline=None)
@given(decisions(), FACTS)
def test_facts_round_trip_through_dumps_and_loads(decision: lgo.Decision, facts: Facts) -> None:
    record = attrs.evolve(decision, extensions={**decision.extensions, "facts": facts})
    back = lgo.loads(lgo.dumps(record))
    assert back == record
    assert back.extensions["facts"] == facts
    jsonschema.validate(json.loads(lgo.dumps(record)), json_schema())


def test_the_serialised_shape() -> None:
    d = lgo.read_text(
        "Kent County Council (23 008 522)\nSummary: We found fault causing injustice. The Council has agreed "
        "to pay Mr X £300 for his distress.\nOmbudsman satisfied with council's response: 2 October 2017"
    )
    data = converter.unstructure(extract_facts(d))
    assert list(data) == [
        "scheme",
        "legislation",
        "people",
        "finding",
        "grounds",
        "remedies",
        "compliance",
        "decided_by",
    ]
    assert data["scheme"] == "1"
    assert data["finding"] == "fault_causing_injustice"
    assert data["people"] == {"labels": ["Mr X"], "complainant": None, "on_behalf_of": None}
    [remedy] = data["remedies"]
    assert remedy == {
        "kind": "payment",
        "amount_pence": 30000,
        "purpose": "distress",
        "deadline_days": None,
        "already_provided": False,
        "text": remedy["text"],
        "span": {
            "section": -1,
            "block": 0,
            "paragraph": None,
            "start": remedy["span"]["start"],
            "end": remedy["span"]["end"],
        },
    }
    assert data["compliance"] == {
        "satisfied": True,
        "date": "2017-10-02",
        "text": d.compliance.text if d.compliance else None,
        "span": {
            "section": -1,
            "block": 2,
            "paragraph": None,
            "start": 0,
            "end": len(d.compliance.text if d.compliance else ""),
        },
    }


def test_facts_is_the_library_s_own_extension() -> None:
    assert extension_type("facts") is Facts
    d = lgo.read_text("Kent County Council (23 008 522)\nSummary: We will not investigate Mr X's complaint.")
    assert "facts" not in d.extensions
    record = with_facts(d)
    assert lgo.loads(lgo.dumps(record)).extensions["facts"] == extract_facts(d)
    schema = json_schema()
    jsonschema.validate(json.loads(lgo.dumps(d)), schema)  # a record without facts stays valid
    jsonschema.validate(json.loads(lgo.dumps(record)), schema)
    bad = json.loads(lgo.dumps(record))
    bad["extensions"]["facts"]["finding"] = "guilty"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)
    with pytest.raises(lgo.SerialisationError):
        lgo.from_dict(bad)


def test_read_with_facts(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Kent County Council (23 008 522)\nSummary: We found no fault.\n", encoding="utf-8")
    assert lgo.read(page, facts=True).extensions["facts"].finding is Finding.NO_FAULT
    assert "facts" not in lgo.read(page).extensions


def test_parse_facts_on_the_command_line(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Kent County Council (23 008 522)\nSummary: We found no fault.\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "lgo_decisions.cli", "parse", "--facts", "-q", str(page)],
        capture_output=True,
        text=True,
        check=True,
    )
    record = json.loads(run.stdout)
    assert record["extensions"]["facts"]["finding"] == "no_fault"
    assert lgo.loads(run.stdout).extensions["facts"].finding is Finding.NO_FAULT


def test_facts_dataframe_rows_join_by_reference() -> None:
    pytest.importorskip("pandas")
    one = lgo.read_text(
        "Kent County Council (23 008 522)\nSummary: We will not investigate Mr X's complaint. This is because "
        "there is not enough evidence of fault. (Local Government Act 1974, section 24A(6), as amended)"
    )
    two = with_facts(
        lgo.read_text(
            "Surrey County Council (22 001 002)\nSummary: We found fault causing injustice. The Council has agreed to "
            "apologise and pay Ms Y £500."
        )
    )
    df = facts_dataframe([one, two])
    assert list(df.columns) == [c for c, _ in FACT_COLUMNS]
    assert df.groupby("reference")["fact"].apply(list).to_dict() == {
        "22 001 002": ["remedy", "remedy"],
        "23 008 522": ["legislation", "ground"],
    }
    assert int(df["amount_pence"].sum()) == 50000
    assert df.loc[df["fact"] == "legislation", "provision"].tolist() == ["section 24A(6)"]


def test_compliance_date_is_a_date() -> None:
    d = lgo.read_text("Kent County Council (23 008 522)\nOmbudsman satisfied with council's response: 2 October 2017")
    complied = extract_facts(d).compliance
    assert complied is not None
    assert complied.date == dt.date(2017, 10, 2)


def test_parse_facts_refuses_parquet(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Kent County Council (23 008 522)\nSummary: We found no fault.\n", encoding="utf-8")
    out = tmp_path / "out.parquet"
    run = subprocess.run(
        [sys.executable, "-m", "lgo_decisions.cli", "parse", "--facts", "-q", "-o", str(out), str(page)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 2
    assert "--facts" in run.stderr
    assert not out.exists()
