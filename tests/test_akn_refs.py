"""Akoma Ntoso legislation mark-up: the facts extension's citations as ``<ref>`` elements.

Hand-made facts payloads go through ``loads(dumps(...))`` first, as a record read from JSON would: a
well-formed one becomes the typed ``Facts``, a malformed one stays plain JSON (kept verbatim)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import attrs
import pytest
from lxml import etree

from lgo_decisions import Decision, dumps, loads, read
from lgo_decisions.errors import RenderError
from lgo_decisions.facts import with_facts
from lgo_decisions.model import BulletList, NumberedParagraph, Section, iter_block_text
from lgo_decisions.readers.akn import read_akn
from lgo_decisions.writers._akn_names import AKN_NS
from lgo_decisions.writers._akn_refs import legislation_href
from lgo_decisions.writers.akn import render_akn, validate_akn

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "000_9284c856b9d4e60e.txt"
CITATION = "Local Government Act 1974, section 24A(6)"
NS = {"a": AKN_NS}


def _citations(d: Decision, text: str, instrument: str, provision: str | None) -> list[dict[str, Any]]:
    """Every occurrence of ``text`` in the blocks, as the facts extension would give it."""
    found = []
    for s, section in enumerate(d.sections):
        for b, block in enumerate(section.blocks):
            flat = "\n".join(iter_block_text([block]))
            for m in re.finditer(re.escape(text), flat):
                span = {"section": s, "block": b, "paragraph": getattr(block, "number", None)}
                span.update(start=m.start(), end=m.end())
                found.append({"instrument": instrument, "provision": provision, "text": text, "span": span})
    return found


def _refs(data: bytes) -> list[tuple[str, str]]:
    return [(r.get("href"), r.text) for r in etree.fromstring(data).iterfind(".//a:ref", NS)]


def _as_loaded(d: Decision) -> Decision:
    return loads(dumps(d))


def test_extracted_citations_in_an_example_are_marked_up_and_read_back_equal() -> None:
    d = with_facts(read(EXAMPLE))
    data = render_akn(d, legislation=True)
    assert _refs(data) == [("/akn/gb/act/1974/7/~sec_24A__subsec_6", CITATION + ", as amended")] * 2
    assert validate_akn(data) == []
    assert read_akn(data) == d


def test_citations_in_an_example_are_marked_up_and_the_record_reads_back_equal() -> None:
    d = read(EXAMPLE)
    legislation = _citations(d, CITATION, "Local Government Act 1974", "section 24A(6)")
    assert len(legislation) == 2  # one in a bullet nested in paragraph 2, one in paragraph 3's own text
    d = _as_loaded(attrs.evolve(d, extensions={"facts": {"legislation": legislation}}))
    data = render_akn(d, legislation=True)
    assert _refs(data) == [("/akn/gb/act/1974/7/~sec_24A__subsec_6", CITATION)] * 2
    assert validate_akn(data) == []
    back = read_akn(data)
    assert back == d
    assert back.extensions == d.extensions
    assert render_akn(d) != data
    assert _refs(render_akn(d)) == []


def test_the_summary_and_the_closing_line_are_marked_too() -> None:
    summary = "The Council acted under the Care Act 2014 and the Children Act 1989."
    closing = "Investigator's decision on behalf of the Ombudsman"
    entries = [
        ("Care Act 2014", None, -1, 0, summary.index("Care"), summary.index("Care") + 13),
        ("Children Act 1989", "section 17", -1, 0, summary.index("Children"), summary.index("Children") + 17),
        ("Equality Act 2010", None, -1, 1, 0, 13),  # (not the closing line's text: still only a span)
    ]
    facts = {
        "legislation": [
            {
                "instrument": i,
                "provision": p,
                "text": "",
                "span": {"section": s, "block": b, "paragraph": None, "start": a, "end": e},
            }
            for i, p, s, b, a, e in entries
        ]
    }
    d = _as_loaded(Decision(reference="20 007 417", summary=summary, decided_by=closing, extensions={"facts": facts}))
    data = render_akn(d, legislation=True)
    assert _refs(data) == [
        ("/akn/gb/act/2014/23", "Care Act 2014"),
        ("/akn/gb/act/1989/41/~sec_17", "Children Act 1989"),
        ("/akn/gb/act/2010/15", closing[:13]),
    ]
    assert validate_akn(data) == []
    assert read_akn(data) == d


def _one_block(facts: dict[str, Any]) -> Decision:
    block = NumberedParagraph(number=1, text="Under the Housing Act 1996:", blocks=[BulletList(items=["part 7", "x"])])
    return _as_loaded(
        Decision(reference="20 007 417", sections=[Section(heading="A", blocks=[block])], extensions={"facts": facts})
    )


def _entry(instrument: str, provision: str | None, block: int, start: int, end: int) -> dict[str, Any]:
    span = {"section": 0, "block": block, "paragraph": 1, "start": start, "end": end}
    return {"instrument": instrument, "provision": provision, "text": "", "span": span}


@pytest.mark.parametrize(
    "entry",
    [
        _entry("Housing Act 1996", None, 0, 20, 30),
        _entry("Assessment Code", None, 0, 10, 26),
        _entry("Housing Act 1996", None, 9, 0, 3),
        _entry("Housing Act 1996", None, 0, 30, 20),
    ],
    ids=["across-two-pieces", "unknown-instrument", "no-such-block", "reversed"],
)
def test_a_citation_that_cannot_be_placed_is_left_unmarked(entry: Any) -> None:
    d = _one_block({"legislation": [entry]})
    data = render_akn(d, legislation=True)
    assert _refs(data) == []
    assert validate_akn(data) == []
    assert read_akn(data) == d


@pytest.mark.parametrize(
    "entry",
    [
        {"instrument": "Housing Act 1996", "provision": None, "span": {"section": 0, "block": 0, "start": "a"}},
        {"instrument": "Housing Act 1996", "provision": None},
        "not an entry",
    ],
    ids=["bad-offsets", "no-span", "not-a-dict"],
)
def test_a_malformed_facts_payload_is_a_render_error_not_a_crash(entry: Any) -> None:
    block = NumberedParagraph(number=1, text="Under the Housing Act 1996:", blocks=[BulletList(items=["part 7", "x"])])
    d = Decision(
        reference="20 007 417",
        sections=[Section(heading="A", blocks=[block])],
        extensions={"facts": {"legislation": [entry]}},
    )
    with pytest.raises(RenderError, match="read back"):
        render_akn(d, legislation=True)


def test_overlapping_citations_mark_the_first() -> None:
    spans = [(10, 26), (14, 26), (28, 34)]  # "Housing Act 1996" twice, then "part 7" in the bullet
    entries = [_entry("Housing Act 1996", "part 7", 0, a, b) for a, b in spans]
    d = _one_block({"legislation": entries})
    data = render_akn(d, legislation=True)
    assert _refs(data) == [
        ("/akn/gb/act/1996/52/~part_7", "Housing Act 1996"),
        ("/akn/gb/act/1996/52/~part_7", "part 7"),
    ]
    assert validate_akn(data) == []
    assert read_akn(data) == d


def test_provisions_become_akn_portions() -> None:
    assert (
        legislation_href("Local Government Act 1974", "section 26(6)(a)")
        == "/akn/gb/act/1974/7/~sec_26__subsec_6__para_a"
    )
    assert legislation_href("Local Government Act 1974", "section 34B(8)") == "/akn/gb/act/1974/7/~sec_34B__subsec_8"
    assert legislation_href("Care Act 2014", "schedule 5, paragraph 5A") == "/akn/gb/act/2014/23/~sched_5__para_5A"
    assert legislation_href("Housing Act 1996", "part 7") == "/akn/gb/act/1996/52/~part_7"
    assert legislation_href("Housing Act 1996", "the code") == "/akn/gb/act/1996/52"
    assert legislation_href("Care and Support (Eligibility Criteria) Regulations 2015", "regulation 2") is None
