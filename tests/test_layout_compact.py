"""Layout 2: compact dumps (one block a line, every list item "- ", no chrome)."""

from __future__ import annotations

import pytest

from lgo_decisions import read_text
from lgo_decisions.model import BulletList, NumberedParagraph
from tests.seeds import COMPACT, seed


@pytest.mark.parametrize("stem", COMPACT)
def test_compact_seed_reads_whole(stem: str) -> None:
    d = read_text(seed(stem))
    assert d.reference is not None
    assert d.outcome is not None
    assert d.decision_date is not None
    assert next(s.heading for s in d.sections) == "The complaint"
    assert d.decided_by == "Investigator's decision on behalf of the Ombudsman"
    assert [p.number for p in d.paragraphs()] == list(range(1, len(d.paragraphs()) + 1))
    assert d.diagnostics == ()


def test_items_after_a_colon_are_bullets_until_a_new_paragraph() -> None:
    d = read_text(seed("003_978548f2022fce23"))
    assessment = next(s for s in d.sections if s.heading == "My assessment")
    first = assessment.blocks[0]
    assert isinstance(first, NumberedParagraph)
    assert first.text.endswith("That reply covered:")
    bullets = first.blocks[0]
    assert isinstance(bullets, BulletList)
    assert bullets.items[0] == "Poor communication"
    assert len(bullets.items) == 6
    assert isinstance(assessment.blocks[1], NumberedParagraph)
    assert assessment.blocks[1].text.startswith("Ms X remained unhappy")


def test_lower_case_items_are_bullets_of_the_paragraph_before() -> None:
    d = read_text(seed("003_978548f2022fce23"))
    role = d.sections[1]
    first = role.blocks[0]
    assert isinstance(first, NumberedParagraph)
    assert isinstance(first.blocks[0], BulletList)
    assert first.blocks[0].items[0].startswith("we could not add")


def test_marker_on_its_own_line_with_text_below() -> None:
    text = "Anytown Council (24 009 000)\nOverview:\nKey to names used\n-\nMiss X The complainant\n-\nB - Her child\n"
    d = read_text(text)
    key = d.sections[1]
    assert key.heading == "Key to names used"
    assert key.blocks == (BulletList(items=("Miss X The complainant", "B - Her child")),)
