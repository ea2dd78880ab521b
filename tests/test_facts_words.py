"""The facts vocabularies (lgo_decisions/facts/_words.py): each table's shape, and a phrase of each entry."""

from __future__ import annotations

import re

import pytest

from lgo_decisions.facts import DecidedBy, Ground, Purpose, RemedyKind
from lgo_decisions.facts._remedies import deadline_days, pence, purpose_of
from lgo_decisions.facts._words import (
    ACTION_VERBS,
    BODIES,
    DECIDED_BY,
    GROUND_PHRASES,
    GROUND_WORDS,
    NUMBER_WORDS,
    PERSON_TITLES,
    PURPOSE_WORDS,
    REMEDY_VERBS,
    UNIT_DAYS,
)


def test_every_pattern_compiles_and_every_value_is_of_the_scheme() -> None:
    for pattern, ground in GROUND_PHRASES:
        re.compile(pattern, re.I)
        assert isinstance(ground, Ground)
    for pattern, kind in REMEDY_VERBS:
        re.compile(pattern, re.I)
        assert isinstance(kind, RemedyKind)
    for pattern, purpose in PURPOSE_WORDS:
        re.compile(pattern, re.I)
        assert isinstance(purpose, Purpose)
    for pattern, who in DECIDED_BY:
        re.compile(pattern, re.I)
        assert isinstance(who, DecidedBy)
    for pattern, body in BODIES:
        re.compile(pattern, re.I)
        assert body
    re.compile(ACTION_VERBS)


def test_every_ground_has_phrases_and_guard_words() -> None:
    assert {g for _, g in GROUND_PHRASES} == set(Ground)
    assert set(GROUND_WORDS) == set(Ground)
    assert all(w == w.lower() for words in GROUND_WORDS.values() for w in words)


@pytest.mark.parametrize(
    ("sentence", "ground"),
    [
        ("he has not been caused a significant injustice", Ground.INJUSTICE_NOT_SIGNIFICANT),
        ("there is not enough evidence of fault", Ground.INSUFFICIENT_EVIDENCE_OF_FAULT),
        ("we could not add to the Council's investigation", Ground.COULD_NOT_ADD),
        ("an investigation would not lead to a different outcome", Ground.CANNOT_ACHIEVE_OUTCOME),
        ("the problem has now been resolved", Ground.BODY_HAS_REMEDIED),
        ("the Housing Ombudsman is better placed", Ground.OTHER_BODY_BETTER_PLACED),
        ("it was reasonable for her to appeal to the tribunal", Ground.RIGHT_OF_APPEAL_OR_LEGAL_REMEDY),
        ("the matter was part of court proceedings", Ground.COURT_PROCEEDINGS),
        ("the complaint is late", Ground.LATE),
        ("the complaint is premature", Ground.PREMATURE),
        ("this is outside our jurisdiction", Ground.OUTSIDE_JURISDICTION),
        ("we will not revisit our earlier decision", Ground.OTHER),
    ],
)
def test_a_phrase_of_each_ground_holds_a_guard_word(sentence: str, ground: Ground) -> None:
    patterns = [re.compile(p, re.I) for p, g in GROUND_PHRASES if g is ground]
    assert any(p.search(sentence) for p in patterns)
    assert any(w in sentence.lower() for w in GROUND_WORDS[ground])


def test_bodies_are_named_as_the_scheme_writes_them() -> None:
    names = [name for _, name in BODIES]
    assert "Information Commissioner's Office" in names
    assert len(names) == len(set(names))


def test_titles_and_units() -> None:
    assert set(PERSON_TITLES) >= {"Mr", "Mrs", "Ms", "Miss", "Dr"}
    assert UNIT_DAYS["month"] == 30
    assert round(20 * UNIT_DAYS["working day"]) == 28
    assert NUMBER_WORDS["four"] == 4


@pytest.mark.parametrize(
    ("text", "days"),
    [("within one month", 30), ("within four weeks", 28), ("within three months", 90),
     ("within 20 working days", 28), ("within 10 days", 10), ("promptly", None)],
)  # fmt: skip
def test_deadlines_in_days(text: str, days: int | None) -> None:
    assert deadline_days(text) == days


@pytest.mark.parametrize(
    ("text", "amounts"),
    [("pay £250", [25000]), ("£4,628 and £1,500.50", [462800, 150050]), ("£2k", [200000]),
     ("refund £80 of the £160 charge", [8000]), ("£75 per week", []), ("no money", [])],
)  # fmt: skip
def test_money_to_pence(text: str, amounts: list[int]) -> None:
    assert [p for _, _, p in pence(text)] == amounts


@pytest.mark.parametrize(
    ("clause", "purpose"),
    [("pay £100 for her time and trouble", Purpose.TIME_AND_TROUBLE),
     ("pay £100 to acknowledge his frustration and distress", Purpose.DISTRESS),
     ("pay £100 to remedy the uncertainty", Purpose.UNCERTAINTY),
     ("pay £100 for the lost opportunity to appeal", Purpose.LOST_OPPORTUNITY),
     ("pay £100 for the education not provided", Purpose.LOST_PROVISION),
     ("pay £100 to recognise the impact", Purpose.OTHER),
     ("pay £100", None)],
)  # fmt: skip
def test_purposes(clause: str, purpose: Purpose | None) -> None:
    assert purpose_of(clause) is purpose


def test_no_facts_pattern_nests_unbounded_repeats() -> None:
    # (test_bad_input checks module-level patterns only; these tables' patterns are inside tuples)
    from lgo_decisions.facts import _finding, _grounds, _remedies

    from .test_bad_input import _nested_repeat, sre_parser

    tables = (_finding._PATTERNS, _grounds._PHRASES, _grounds._BODIES, _remedies._KINDS, _remedies._PURPOSES)
    patterns = [next(x for x in entry if isinstance(x, re.Pattern)) for table in tables for entry in table]
    assert len(patterns) > 50
    for pattern in patterns:
        assert not _nested_repeat(sre_parser.parse(pattern.pattern, pattern.flags)), pattern.pattern
