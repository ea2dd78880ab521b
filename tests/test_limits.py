"""The library's limits and the typed errors past them: bounded time and memory on any input under
the size limit, typed errors rather than tracebacks, nothing of the statement merged or hidden.

Scaled inputs are checked by a generous ratio of times at two sizes (4x the input must take less
than 10x the time, against a base measured in the same test), never by wall-clock limits.
"""

from __future__ import annotations

import contextlib
import gc
import time
from collections.abc import Callable

import pytest

from lgo_decisions import (
    InputTooLargeError,
    LgoDecisionsError,
    NotADecisionError,
    ParseError,
    SerialisationError,
    dumps,
    from_dict,
    loads,
    read,
    read_html,
    read_text,
)
from lgo_decisions._limits import MAX_ATTRIBUTES, MAX_ELEMENTS, MAX_NESTING
from lgo_decisions._vocabulary import HEADER_FIELD, TITLE
from lgo_decisions.model import Decision, Organisation
from lgo_decisions.readers.html import parse_html
from lgo_decisions.readers.html._elements import Paths, element_path

from .bad_inputs import HEAD, PAGE, seed_text


def _time(fn: Callable[[], object]) -> float:
    """The best of three runs, the garbage collector paused (its pauses and a busy machine are noise here)."""
    best = float("inf")
    for _ in range(3):
        gc.disable()
        try:
            start = time.perf_counter()
            with contextlib.suppress(LgoDecisionsError):
                fn()
            best = min(best, time.perf_counter() - start)
        finally:
            gc.enable()
    return best


def _linear(make: Callable[[int], Callable[[], object]], n: int) -> None:
    small, large = make(n), make(4 * n)
    small()  # (warm up)
    t1, t4 = _time(small), _time(large)
    assert t4 < 10 * max(t1, 1e-3), f"{t1:.4f}s at {n}, {t4:.4f}s at {4 * n}"


# -- bounded time and memory ------------------------------------------------------------------------
def test_strict_html_paths_are_linear_in_siblings() -> None:
    def make(n: int) -> Callable[[], object]:
        page = PAGE + "<p>x</p>" * n
        return lambda: read_html(page, strict=True)

    _linear(make, 10_000)


def test_paths_are_libxml2s_paths() -> None:
    root = parse_html(PAGE + "<div><p>a</p><p>b <em>c</em></p><ol><li>d</li><li>e</li></ol><p>f</p></div>")
    paths = Paths()
    for el in root.iter():
        assert paths(el) == element_path(el)


def test_attributes_past_the_cap_are_a_parse_error() -> None:
    tag = "<p " + " ".join(f"a{i}=x" for i in range(MAX_ATTRIBUTES + 1)) + ">"
    with pytest.raises(ParseError, match="MAX_ATTRIBUTES"):
        read_html(tag + PAGE)
    assert read_html("<p " + "a=x " * 100 + ">x</p>" + PAGE).reference == "21 016 384"


def test_the_title_pattern_is_linear_within_a_line() -> None:
    for space in (" ", "\u00a0"):

        def make(n: int, space: str = space) -> Callable[[], object]:
            lines = ["a" + space * (n - 2) + "b"] * 2000
            return lambda: [TITLE.match(line) for line in lines]

        _linear(make, 70)
    with pytest.raises(NotADecisionError):
        read_text(("a" + " " * 298 + "b\n") * 4000)
    with pytest.raises(NotADecisionError):
        read_html("".join("<p>a" + "\u00a0" * 298 + "b</p>" for _ in range(2000)))


def test_the_header_field_pattern_is_linear_within_a_line() -> None:
    def make(n: int) -> Callable[[], object]:
        lines = ["Category : a" + " " * (n - 13) + "b"] * 2000
        return lambda: [HEADER_FIELD.match(line) for line in lines]

    _linear(make, 70)
    assert HEADER_FIELD.match("Decision :   Upheld  ").groups() == ("Decision", "Upheld")
    assert HEADER_FIELD.match("Category :").groups() == ("Category", "")


def test_element_count_is_capped_before_parsing() -> None:
    with pytest.raises(InputTooLargeError, match="MAX_ELEMENTS"):
        read_html(PAGE + "<br>" * (MAX_ELEMENTS + 1))
    with pytest.raises(InputTooLargeError, match="MAX_ELEMENTS"):
        read_html(PAGE + "<p>x</p>" * (MAX_ELEMENTS + 1))


@pytest.mark.parametrize("page", ["<p>{}</p>", "<p title='{}'>x</p>"], ids=["text", "attribute"])
def test_a_huge_text_node_names_the_real_limit(page: str) -> None:
    big = PAGE + page.format("a" * 10_000_001)
    for strict in (False, True):
        with pytest.raises(ParseError, match="MAX_TEXT_NODE") as info:
            read_html(big, strict=strict)
        assert "nested" not in str(info.value)


def test_the_size_limit_of_a_str_counts_utf8_bytes() -> None:
    text = HEAD + "\u00e9" * 600  # fewer characters than the limit, more bytes
    assert len(text) < 1000 < len(text.encode())
    with pytest.raises(InputTooLargeError):
        read(text, max_bytes=1000)
    with pytest.raises(InputTooLargeError):
        read_html(text, max_bytes=1000)


# -- typed errors, not tracebacks ------------------------------------------------------------------
@pytest.mark.parametrize("label", ["undefined", "punycode", "unicode_escape", "utf-7", "mac_roman", "rot13"])
def test_meta_charsets_other_than_whatwg_labels_are_not_obeyed(label: str) -> None:
    page = f'<meta charset="{label}">'.encode() + PAGE.encode() + b"<p>C:\\new path</p>"
    d = read_html(page)
    assert "unknown_charset" in [x.code for x in d.diagnostics]
    assert "C:\\new path" in d.text()


def test_whatwg_labels_are_obeyed() -> None:
    page = b'<meta charset="macintosh">' + PAGE.encode() + "<p>Ombudsman\u2019s view.</p>".encode("mac_roman")
    d = read_html(page)
    assert "Ombudsman\u2019s view." in d.text()
    assert "unknown_charset" not in [x.code for x in d.diagnostics]


def test_deep_json_is_a_serialisation_error() -> None:
    with pytest.raises(SerialisationError):
        loads("[" * 100_000)
    with pytest.raises(SerialisationError):
        loads('{"reference": "20 007 417", "x": ' + "[" * 100_000 + "]" * 100_000 + "}")


def test_records_at_the_maximum_nesting_load() -> None:
    text = HEAD + "The complaint\n" + "".join(" " * (4 * i) + "1. Nested text.\n" for i in range(MAX_NESTING + 20))
    d = read_text(text)
    assert loads(dumps(d)) == d


def test_a_huge_schema_version_is_a_serialisation_error() -> None:
    with pytest.raises(SerialisationError, match="schema_version"):
        from_dict({"schema_version": "1." + "9" * 5000})


def test_lone_surrogates_never_reach_a_record_or_a_file() -> None:
    d = read_text(HEAD + "The complaint\n1. Text \ud800 here.\n")
    assert "invalid_characters" in [x.code for x in d.diagnostics]
    dumps(d).encode("utf-8")
    with pytest.raises(SerialisationError, match="surrogate"):
        dumps(Decision(reference="20 007 417", organisations=[Organisation(name="Kent\ud800")]))
    for record in ('{"reference": "20 007 417", "summary": "a\\ud800"}', b'{"reference": "20 007 417\xed\xa0\x80"}'):
        with pytest.raises(SerialisationError, match="surrogate"):
            loads(record)
    assert loads('{"reference": "20 007 417", "summary": "\\ud83d\\ude00"}').summary == "\U0001f600"


def test_nan_and_infinity_are_not_json() -> None:
    with pytest.raises(SerialisationError):
        dumps(Decision(reference="20 007 417", extensions={"x": {"v": float("inf")}}))
    for constant in ("NaN", "Infinity", "-Infinity"):
        with pytest.raises(SerialisationError):
            loads('{"reference": "20 007 417", "extensions": {"x": {"v": ' + constant + "}}}")


# -- nothing of the statement merged or hidden -----------------------------------------------------
def test_control_characters_between_words_separate_them() -> None:
    d = read_text(HEAD + "The complaint\n1. The Council\fdelayed\x07its reply.\n")
    assert "control_characters" in [x.code for x in d.diagnostics]
    assert "Councildelayed" not in d.text()
    assert "delayed its reply." in d.text()


def test_vertical_tabs_are_line_breaks() -> None:
    text = seed_text().replace("\n", "\v")
    d, plain = read_text(text), read_text(seed_text())
    assert d.reference == plain.reference
    assert d.outcome == plain.outcome
    assert "control_characters" in [x.code for x in d.diagnostics]


def test_character_references_to_controls_are_cleaned_with_a_diagnostic() -> None:
    d = read_html(PAGE + "<p>The Council&#1;delayed &#7;its reply&#x0b;.</p>")
    (note,) = [x for x in d.diagnostics if x.code == "control_characters"]
    assert "3 control" in note.message
    assert "The Council delayed its reply ." in d.text()
    assert loads(dumps(d)) == d


def test_a_byte_order_mark_at_a_line_start_hides_no_field() -> None:
    d = read_text(HEAD.replace("Decision : Upheld", "\ufeffDecision : Upheld") + "The complaint\n1. Text.\n")
    assert d.outcome is not None
    assert d.outcome.label == "Upheld"
    assert "control_characters" in [x.code for x in d.diagnostics]
    d = read_html(PAGE.replace("<p>Decision", "<p>&#xfeff;Decision"))
    assert d.outcome is not None
    assert d.outcome.label == "Upheld"


def test_a_reference_stands_on_its_own_in_a_title() -> None:
    assert TITLE.match("Kent County Council (2023 008 522)") is None
    m = TITLE.match("Kent County Council (23 008 522)")
    assert m is not None
    assert (m["org"], m["ref"]) == ("Kent County Council", "23 008 522")
    d = read_text("Kent County Council (2023 008 522)\nDecision : Upheld\nThe complaint\n1. Text.\n")
    assert d.reference != "23 008 522"
    assert all("(20" not in o.name for o in d.organisations)
