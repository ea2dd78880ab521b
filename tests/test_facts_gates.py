"""The facts extractors' gates (lgo_decisions/facts/_gates.py): skipping a pattern never changes a result."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lgo_decisions.facts import _finding, _gates, _grounds, _people, _remedies
from lgo_decisions.facts._gates import alternatives, any_search, is_plain, required_words, search


def _facts_patterns() -> list[re.Pattern[str]]:
    found: list[re.Pattern[str]] = []
    for module in (_finding, _grounds, _people, _remedies):
        for value in vars(module).values():
            if isinstance(value, re.Pattern):
                found.append(value)
            elif isinstance(value, tuple):
                for entry in value:
                    items = entry if isinstance(entry, tuple) else (entry,)
                    found += (x for x in items if isinstance(x, re.Pattern))
    return found


PATTERNS = _facts_patterns()
# Words of the patterns, with the characters that case-insensitive matching treats unlike lower().
_WORDS = sorted({w for p in PATTERNS for w in required_words(p)} | {"Mr X", "the Council", "İ", "ı", "ſ", "K"})
_PIECES = st.one_of(
    st.sampled_from(_WORDS),
    st.sampled_from(_WORDS).map(str.upper),
    st.sampled_from(_WORDS).map(str.title),
    st.sampled_from((" ", "  ", ", ", ". ", "’s ", "\xa0", "\n", ": ")),
    st.text(max_size=3),
)
_UNUSUAL = st.sampled_from(((), (("i", "ı"),), (("I", "İ"),), (("s", "ſ"),), (("k", "K"),)))
TEXTS = st.lists(_PIECES, max_size=16).map("".join)


def _matching(pattern: re.Pattern[str]) -> st.SearchStrategy[str]:
    """Texts holding a match of ``pattern``, some letters perhaps swapped for unusual ones; or other texts."""

    def swapped(pair: tuple[str, tuple[tuple[str, str], ...]]) -> str:
        text, swaps = pair
        for old, new in swaps:
            text = text.replace(old, new)
        return text

    return st.one_of(st.tuples(st.from_regex(pattern), _UNUSUAL).map(swapped), TEXTS)


def test_the_words_are_found_in_the_pattern() -> None:
    assert len(PATTERNS) > 60
    assert required_words(re.compile(r"\bwe\s+recommend(?:ed)?\s+that", re.I)) == ("recommend",)
    assert required_words(re.compile(r"\b(?:has|have)\s+(?:remedied|put\s+right)", re.I)) == ("remedied", "right")
    assert required_words(re.compile(r"(?:a|bc)?d")) == ()  # (no word every match holds)
    assert required_words(re.compile(r"(?=recourse)\w+")) == ("recourse",)  # (a look-ahead's words are in the text)


def test_a_text_with_unusual_case_is_not_plain() -> None:
    assert is_plain("The Council’s £250")
    assert is_plain("ASCII")
    assert not is_plain("İnjustice")
    assert not is_plain("ınjustice")
    assert not is_plain("ſaid")
    assert re.search("injustice", "ınjustice", re.I)
    assert "injustice" not in "ınjustice".lower()


@pytest.mark.parametrize("pattern", PATTERNS, ids=[p.pattern[:40] for p in PATTERNS])
@settings(max_examples=30, suppress_health_check=list(HealthCheck), deadline=None)
@given(data=st.data())
def test_a_gated_search_finds_what_the_pattern_finds(pattern: re.Pattern[str], data: st.DataObject) -> None:
    text = data.draw(_matching(pattern))
    low, plain = text.lower(), is_plain(text)
    assert (search(pattern, text, low, plain) is None) is (pattern.search(text) is None)


@settings(max_examples=400, suppress_health_check=list(HealthCheck))
@given(TEXTS)
def test_alternatives_searched_apart_match_where_the_whole_does(text: str) -> None:
    low, plain = text.lower(), is_plain(text)
    for pattern in PATTERNS:
        parts = alternatives(pattern)
        assert "|".join(p.pattern for p in parts) == pattern.pattern
        assert any_search(parts, text, low, plain) is (pattern.search(text) is not None), pattern.pattern


def test_not_remedy_is_searched_by_its_alternatives() -> None:
    assert len(_remedies._NOT_REMEDY_PARTS) > 5
    assert _gates.holds_any("we recommend", ("recommend",))
    assert not _gates.holds_any("", ("a",))
