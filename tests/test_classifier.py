"""The one line classifier: one table of cases, run against the classifier and both readers.

A line whose kind the markup does not show (header fields, the final-decision marker, the summary,
closing and compliance lines, chrome, breadcrumbs, body text) must read the same from a line of
saved text and from a bare ``<p>``, before and after a section heading.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lgo_decisions._vocabulary import TITLE as TITLE_PATTERN
from lgo_decisions._vocabulary import match_title
from lgo_decisions.plugin import Classifier, Form, Kind, Line, Token, classify
from lgo_decisions.readers.html import tokenize_html
from lgo_decisions.readers.text import tokenize

TITLE = "Kent County Council (23 008 522)"
HEADING = "The complaint"

# (line, its kind before any heading, its kind after a heading)
UNMARKED: list[tuple[str, Kind, Kind]] = [
    ("Category : Housing > Allocations", Kind.HEADER, Kind.PARAGRAPH),
    ("Category: Housing > Allocations", Kind.HEADER, Kind.PARAGRAPH),
    ("Decision : Upheld", Kind.HEADER, Kind.PARAGRAPH),
    ("Decision date : 14 Mar 2017", Kind.HEADER, Kind.PARAGRAPH),
    ("The Ombudsman's final decision:", Kind.MARKER, Kind.MARKER),
    ("The Ombudsman’s final decision", Kind.MARKER, Kind.MARKER),
    ("Summary: We will not investigate this complaint.", Kind.SUMMARY, Kind.SUMMARY),
    ("Investigator's decision on behalf of the Ombudsman", Kind.CLOSING, Kind.CLOSING),
    ("Assistant Ombudsman’s decision", Kind.CLOSING, Kind.CLOSING),
    ("Ombudsman satisfied with council's response: 2 October 2017", Kind.COMPLIANCE, Kind.COMPLIANCE),
    ("Ombudsman satisfied with Council reponse", Kind.COMPLIANCE, Kind.COMPLIANCE),
    ("Back to top", Kind.RULE, Kind.RULE),
    ("Print this page", Kind.CHROME, Kind.CHROME),
    ("Review your privacy settings", Kind.CHROME, Kind.CHROME),
    ("Home > Decisions > Housing > Allocations", Kind.CHROME, Kind.CHROME),
    ("Mr X complained that the Council delayed his housing application.", Kind.PARAGRAPH, Kind.PARAGRAPH),
    ("In 2021, the Council wrote to Mrs Y: it would not pay.", Kind.PARAGRAPH, Kind.PARAGRAPH),
]


def _text_tokens(lines: list[str]) -> list[Token]:
    return list(tokenize("\n".join(lines)))


def _html_tokens(lines: list[str]) -> list[Token]:
    return tokenize_html("".join(f"<h2>{s}</h2>" if s == HEADING else f"<p>{s}</p>" for s in lines))


READERS = {"text": _text_tokens, "html": _html_tokens}


@pytest.mark.parametrize("reader", sorted(READERS))
@pytest.mark.parametrize("headed", [False, True], ids=["before a heading", "after a heading"])
@pytest.mark.parametrize(("line", "before", "after"), UNMARKED, ids=[c[0][:40] for c in UNMARKED])
def test_unmarked_lines_read_the_same_in_both_readers(
    reader: str, headed: bool, line: str, before: Kind, after: Kind
) -> None:
    context = [TITLE, HEADING] if headed else [TITLE]
    toks = READERS[reader]([*context, line])
    got = toks[len(context) :]
    assert [t.kind for t in got] == [after if headed else before]
    other = READERS["html" if reader == "text" else "text"]([*context, line])[len(context) :]
    assert [(t.kind, t.text, t.name) for t in got] == [(t.kind, t.text, t.name) for t in other]


# (hints, then the kind the classifier gives) for what the medium does show
SHOWN: list[tuple[Line, Kind]] = [
    (Line("Care planning", Form.TEXT), Kind.HEADING),  # plain text that reads as a heading
    (Line("Care planning", Form.PARAGRAPH), Kind.PARAGRAPH),  # a paragraph the medium shows
    (Line("Care planning", Form.EMPHASIS), Kind.HEADING),  # wholly bold: a heading
    (Line("Mr X complained.", Form.EMPHASIS), Kind.PARAGRAPH),  # bold, but a sentence
    (Line("A heading of any words.", Form.HEADING, level=3), Kind.HEADING),
    (Line("Mr X complained.", Form.NUMBERED, number=1), Kind.NUMBERED),
    (Line("the Council’s letter;", Form.BULLET), Kind.BULLET),
    (Line("Mr X complained.", Form.ITEM), Kind.ITEM),
    (Line("He says it ignored him.", Form.CONTINUATION), Kind.PARAGRAPH),
    (Line("What I found", Form.CONTENTS), Kind.TOC),
    (Line("", Form.BOUNDARY), Kind.BOUNDARY),
]


@pytest.mark.parametrize(("line", "kind"), SHOWN, ids=[f"{c[0].form.value}:{c[0].text[:20]}" for c in SHOWN])
def test_what_the_medium_shows(line: Line, kind: Kind) -> None:
    classifier = Classifier()
    classifier.classify(Line(TITLE))
    assert [t.kind for t in classifier.classify(line)] == [kind]


def test_a_heading_level_is_kept_only_when_the_medium_shows_it() -> None:
    toks = list(classify([Line(TITLE), Line("What I found", Form.HEADING, level=3), Line("Analysis")]))
    assert [(t.kind, t.level) for t in toks[1:]] == [(Kind.HEADING, 3), (Kind.HEADING, None)]


def test_a_dashed_contents_entry_before_any_heading() -> None:
    toks = list(
        classify(
            [Line("The complaint", Form.ITEM), Line(TITLE), Line("The complaint"), Line("The complaint", Form.ITEM)]
        )
    )
    assert [t.kind for t in toks] == [Kind.TOC, Kind.TITLE, Kind.HEADING, Kind.ITEM]


@pytest.mark.parametrize("reader", sorted(READERS))
def test_a_label_and_its_value_on_separate_lines(reader: str) -> None:
    toks = READERS[reader]([TITLE, "Decision :", "Upheld", "Category", "Housing > Allocations"])
    assert [(t.kind, t.name, t.text) for t in toks[1:]] == [
        (Kind.HEADER, "Decision", "Upheld"),
        (Kind.HEADER, "Category", "Housing > Allocations"),
    ]


@pytest.mark.parametrize("reader", sorted(READERS))
def test_a_summary_label_alone_takes_the_next_line(reader: str) -> None:
    toks = READERS[reader]([TITLE, "Summary:", "We will not investigate.", "Summary: kept as published."])
    assert [(t.kind, t.text) for t in toks[1:]] == [
        (Kind.SUMMARY, "We will not investigate."),
        (Kind.PARAGRAPH, "Summary: kept as published."),
    ]


def test_a_label_with_nothing_after_it_is_given_up_at_the_end() -> None:
    classifier = Classifier()
    assert classifier.classify(Line("Decision :")) == []
    assert [(t.kind, t.text) for t in classifier.finish()] == [(Kind.HEADER, "")]
    assert classifier.finish() == []


def test_list_items_before_the_title_leave_the_title_to_be_found() -> None:
    toks = list(classify([Line("Cookie settings", Form.BULLET), Line(TITLE)]))
    assert [t.kind for t in toks] == [Kind.BULLET, Kind.TITLE]


def test_the_plain_attribute_copies_of_kinds_and_forms_mirror_their_enums() -> None:
    from lgo_decisions._classify import Form, Forms
    from lgo_decisions._tokens import Kind, Kinds

    for enum_, plain in ((Kind, Kinds), (Form, Forms)):
        copied = {name: value for name, value in vars(plain).items() if name.isupper()}
        assert copied == dict(enum_.__members__)


_TITLE_CHARACTERS = st.sampled_from([*"0123456789 ()-aZ.\t\n", "\u00a0", "\u2028", "\x1c", "Kent County Council "])
_REFERENCES = st.sampled_from(
    ["23 008 522", "(23-008-522b)", "23008522", " (23 008 522) ", "123 008 522", "23 008 52", ""]
)


@given(
    st.lists(_TITLE_CHARACTERS, max_size=12).map("".join),
    _REFERENCES,
    st.lists(_TITLE_CHARACTERS, max_size=3).map("".join),
)
def test_the_quick_title_match_agrees_with_the_title_pattern(head: str, reference: str, end: str) -> None:
    for line in (head + reference + end, head + reference, reference + end):
        m = TITLE_PATTERN.match(line)
        assert match_title(line) == (None if m is None else (m["org"], m["ref"]))


def test_the_quick_title_match_reads_titles() -> None:
    assert match_title("  Kent County Council   (23 008 522)  ") == ("Kent County Council", "23 008 522")
    assert match_title("(23 008 522)") == (None, "23 008 522")  # (a bracket is no organisation)
    assert match_title("23-008-522B") == (None, "23-008-522B")
    assert match_title("Kent County Council (2023 008 522)") is None
    assert match_title("Kent\nCounty Council (23 008 522)") is None
    assert match_title("Mr X complained on 4 May 2021") is None


def test_remembered_verdicts_give_the_tokens_read_afresh() -> None:
    from lgo_decisions import _classify

    text = "\n".join([TITLE, "Decision : Upheld", "The complaint", "Decision : Upheld", "Back to top", "What I found"])
    _classify._VERDICTS.clear()
    first = tokenize(text)
    assert _classify._VERDICTS  # (the short lines' verdicts are remembered)
    again = tokenize("\n\n" + text)  # (remembered, on other lines)
    assert [(t.kind, t.text, t.name) for t in again] == [(t.kind, t.text, t.name) for t in first]
    assert [t.line for t in again] == [(t.line or 0) + 2 for t in first]
    # the same line reads by the statement's state: a header field before the first heading, text after it
    assert [t.kind for t in first[1:4]] == [Kind.HEADER, Kind.HEADING, Kind.PARAGRAPH]


def test_remembered_verdicts_stay_bounded_and_a_subclass_remembers_none() -> None:
    from lgo_decisions import _classify

    classifier = Classifier()
    for n in range(_classify._REMEMBERED + 10):
        classifier.classify(Line(f"Care plan {n}"))
    assert 0 < len(_classify._VERDICTS) <= _classify._REMEMBERED

    class Configured(Classifier):  # (reads by its instances' settings: a shared memory would mix them)
        def __init__(self, outside: frozenset[str] = frozenset()) -> None:
            super().__init__()
            self.outside = outside

        def _text(self, line: Line, s: str, k: str, short: bool) -> Token | None:
            if s in self.outside:
                return Token(kind=Kind.OUTSIDE, text=s, line=line.line, where=line.where)
            return super()._text(line, s, k, short)

    assert Configured._verdicts is None
    assert [t.kind for t in Configured().classify(Line("Site news"))] == [Kind.PARAGRAPH]
    assert [t.kind for t in Configured(frozenset({"Site news"})).classify(Line("Site news"))] == [Kind.OUTSIDE]


def test_a_level_of_another_type_is_never_read_from_a_remembered_verdict() -> None:
    for level in (2, True, 2.0, 1, [2]):
        tokens = Classifier().classify(Line("What I found", Form.HEADING, level=level))  # type: ignore[arg-type]
        assert tokens[0].level is level or tokens[0].level == level
        assert type(tokens[0].level) is type(level)


def test_a_line_of_a_form_not_known_here_is_never_read_from_a_remembered_verdict() -> None:
    # (a str equal to a Form's value hashes as the Form does; the classifier tests forms by identity)
    def kinds(form: object) -> list[Kind]:
        c = Classifier()
        c.classify(Line(TITLE))
        return [t.kind for t in c.classify(Line("Care planning", form))]  # type: ignore[arg-type]

    assert kinds(Form.PARAGRAPH) == [Kind.PARAGRAPH]
    assert kinds(Form.PARAGRAPH) == [Kind.PARAGRAPH]  # (remembered)
    assert kinds("paragraph") == [Kind.HEADING]  # (as a form of no known kind always read)


@pytest.mark.parametrize(
    ("title", "organisations"),
    [
        ("(23 008 522)", ()),
        ("( 23 008 522)", ()),
        ("Kent County Council ( 23 008 522)", ("Kent County Council",)),
        ("Kent County Council ((23 008 522)", ("Kent County Council",)),
        ("Kent County Council\u00a0(\u00a023 008 522)", ("Kent County Council",)),
    ],
)
def test_brackets_and_spaces_before_the_reference_are_no_part_of_the_organisation(
    title: str, organisations: tuple[str, ...]
) -> None:
    from lgo_decisions import read_text

    d = read_text(f"{title}\nCategory : Housing > Allocations\nDecision : Upheld\nThe complaint\n1. Mr X said.")
    assert d.reference == "23 008 522"
    assert tuple(o.name for o in d.organisations) == organisations
