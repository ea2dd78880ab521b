"""The text writer: its layout, its escapes, and the RenderError for what the layout cannot hold."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from lgo_decisions import Decision, RenderError, read_text, render_text, writers
from lgo_decisions._classify import Classifier
from lgo_decisions._fields import normalise_reference, parse_date
from lgo_decisions.model import (
    BulletList,
    Category,
    NumberedParagraph,
    Organisation,
    Outcome,
    OutcomeCode,
    Paragraph,
    Section,
    SubParagraph,
)
from lgo_decisions.testing import decisions
from lgo_decisions.testing.strategies import references
from lgo_decisions.writers import text as text_writer
from lgo_decisions.writers._checks import clear_caches, proved
from lgo_decisions.writers._common import format_date
from lgo_decisions.writers.text import WRITER

from .seeds import COMPACT, SPACED, seed

CLOSING = "Investigator's decision on behalf of the Ombudsman"


def _decision(*sections: Section, **fields: Any) -> Decision:
    base: dict[str, Any] = {"reference": "20 007 417", "summary": "We will not investigate.", "decided_by": CLOSING}
    base.update(fields)
    return Decision(sections=sections, **base)


def _complaint(*blocks: Any, heading: str = "The complaint", level: int = 2) -> Section:
    return Section(heading=heading, level=level, blocks=blocks)


def _np(number: int, text: str = "Mr X complains.", *blocks: Any) -> NumberedParagraph:
    return NumberedParagraph(number=number, text=text, blocks=blocks)


def _sub(number: int, text: str = "Mr X says the Council was late.", *blocks: Any) -> SubParagraph:
    return SubParagraph(number=number, text=text, blocks=blocks)


def _reads_back(d: Decision) -> str:
    text = render_text(d)
    assert read_text(text, url=d.url) == d
    return text


def test_header_layout() -> None:
    d = _decision(
        organisations=[Organisation(name="Leicestershire County Council", reference="20 007 417")],
        category=Category(area="Children’s care services", subject="Child protection"),
        outcome=Outcome(
            code=OutcomeCode.UPHELD,
            label="Upheld: maladministration and injustice",
            detail="maladministration and injustice",
        ),
        decision_date=dt.date(2021, 2, 4),
    )
    assert _reads_back(d).split("\n\n")[:7] == [
        "Leicestershire County Council (20 007 417)",
        "Category : Children’s care services > Child protection",
        "Decision : Upheld: maladministration and injustice",
        "Decision date : 04 Feb 2021",
        "The Ombudsman's final decision:",
        "Summary: We will not investigate.",
        CLOSING + "\n",
    ]


def test_body_layout_numbers_indents_and_rules() -> None:
    d = _decision(
        _complaint(_np(1)),
        Section(
            heading="What I found",
            blocks=[
                _np(
                    2,
                    "The Council said:",
                    _sub(
                        1,
                        "it was late;",
                        BulletList(items=["a £50 fee", "a “review”"]),
                        Paragraph(text="A continuation of the sub-paragraph."),
                    ),
                    _sub(2),
                ),
                _np(
                    3,
                    "It agreed to pay £150.",
                    BulletList(items=["apologise;", "pay."]),
                    Paragraph(text="It has now done so."),
                ),
            ],
        ),
        Section(heading="Analysis", level=3, blocks=[_np(4)]),
        Section(heading="Final decision", blocks=[_np(5, "I have ended my investigation.")]),
    )
    text = _reads_back(d)
    body = text[text.index("The complaint") :]
    assert body == (
        "The complaint\n\n"
        "  1. Mr X complains.\n\n"
        "Back to top\n\n"
        "What I found\n\n"
        "  2. The Council said:\n"
        "      1. it was late;\n"
        "        • a £50 fee\n"
        "        • a “review”\n\n"
        "A continuation of the sub-paragraph.\n\n"
        "      2. Mr X says the Council was late.\n"
        "  3. It agreed to pay £150.\n"
        "    • apologise;\n"
        "    • pay.\n\n"
        "It has now done so.\n\n"
        "Analysis\n\n"
        "  4. Mr X complains.\n\n"
        "Back to top\n\n"
        "Final decision\n\n"
        "  5. I have ended my investigation.\n\n"
        "Back to top\n\n"
        f"{CLOSING}\n"
    )


def test_missing_optional_fields_write_nothing() -> None:
    d = Decision(sections=[_complaint(_np(1))])
    text = _reads_back(d)
    assert text.startswith("The Ombudsman's final decision:\n\nThe complaint\n")


def test_text_before_any_heading() -> None:
    d = _decision(Section(heading=None, blocks=[Paragraph(text="A note before the headings.")]), _complaint(_np(1)))
    assert "Summary: We will not investigate.\n\nA note before the headings.\n\nThe complaint" in _reads_back(d)


def test_bullets_after_a_sub_paragraph_stay_a_list_of_the_paragraph() -> None:
    d = _decision(_complaint(_np(1, "Mr X says:", _sub(1, "first;", BulletList(items=["x"])), BulletList(items=["y"]))))
    _reads_back(d)


def test_empty_numbered_paragraph_is_the_bare_number() -> None:
    d = _decision(_complaint(_np(1), _np(2, "")))
    assert "\n  2.\n" in _reads_back(d)


def test_level_three_heading_directly_under_a_level_two_heading() -> None:
    d = _decision(Section(heading="What I found"), Section(heading="Background", level=3, blocks=[_np(1)]))
    _reads_back(d)


# -- escapes: written differently, read back equal ---------------------------------------------


def test_heading_like_paragraph_is_indented() -> None:
    d = _decision(_complaint(Paragraph(text="Background"), _np(1, "Text.", Paragraph(text="Final decision"))))
    text = _reads_back(d)
    assert "\n    Background\n" in text
    assert "\n    Final decision\n" in text


def test_section_paragraph_after_a_numbered_paragraph_gets_a_rule() -> None:
    d = _decision(
        _complaint(_np(1), Paragraph(text="Not part of paragraph 1."), BulletList(items=["a"]), BulletList(items=["b"]))
    )
    text = _reads_back(d)
    assert "  1. Mr X complains.\n\nBack to top\n\nNot part of paragraph 1." in text
    assert "    • a\n\nBack to top\n\n    • b" in text


# -- what the layout cannot hold -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("decision", "message"),
    [
        (
            _decision(_complaint(Paragraph(text="1. Looks like a list item."))),
            r"section 1 \('The complaint'\), block 1: '1\. Looks like a list item\.' would read back as numbered",
        ),
        (_decision(_complaint(Paragraph(text="• A bullet?"))), r"block 1: .* would read back as bullet"),
        (_decision(_complaint(_np(1, "Text.", Paragraph(text="(a) lettered.")))), r"nested block 1: .* numbered"),
        (
            _decision(
                _complaint(Paragraph(text="Investigator's decision on behalf of the Ombudsman")), decided_by=None
            ),
            r"block 1: .* would read back as closing",
        ),
        (_decision(_complaint(Paragraph(text="Back to top"))), r"block 1: 'Back to top'"),
        (_decision(_complaint(Paragraph(text="two\nlines"))), r"block 1: the text spans several lines"),
        (_decision(_complaint(Paragraph(text=" padded"))), r"block 1: the text begins or ends with white space"),
        (_decision(_complaint(Paragraph(text=""))), r"block 1: the text is empty"),
        (_decision(_complaint(Paragraph(text="bell\x07"))), r"control characters"),
        (_decision(_complaint(BulletList(items=[]))), r"block 1: an empty bullet list"),
        (
            _decision(_complaint(_np(1, "Text.", BulletList(items=["a"]), BulletList(items=["b"])))),
            r"nested block 2: two bullet lists in a row",
        ),
        (
            _decision(_complaint(_np(1, "Text.", _sub(1), Paragraph(text="After the sub-paragraph.")))),
            r"nested block 2: a continuation paragraph after a sub-paragraph",
        ),
        (_decision(_complaint(_sub(1))), r"block 1: a sub-paragraph at section level"),
        (_decision(_complaint(_np(1, "Text.", _np(2)))), r"a numbered paragraph inside another"),
        (_decision(_complaint(_np(2))), r"block 1: it would read back as NumberedParagraph\(number=1"),
        (_decision(_complaint(_np(1, "Text.", _sub(2)))), r"block 1: it would read back as"),
        (_decision(_complaint(_np(1000))), r"paragraph numbers above 999"),
        (_decision(_complaint(heading="Background", level=4)), r"heading levels 2 and 3, not 4"),
        (_decision(_complaint(level=3)), r"the first heading reads as level 2"),
        (
            _decision(_complaint(), Section(heading=None, blocks=[Paragraph(text="Text.")])),
            r"section 2 \(no heading\): a section without a heading can only come first",
        ),
        (_decision(Section(heading=None)), r"section 1 \(no heading\): .* reads as nothing"),
        (
            _decision(_complaint(heading="The council wrote to Mr X on 3 May.")),
            r"heading: 'The council wrote to Mr X on 3 May\.' would read back as a paragraph",
        ),
        (_decision(decided_by="Signed by the investigator."), r"decided_by: .* does not read as a closing line"),
        (
            _decision(outcome=Outcome(code=OutcomeCode.NOT_UPHELD, label="Upheld")),
            r"outcome: the label 'Upheld' reads as code 'upheld'",
        ),
        (_decision(category=Category(area="Housing > Allocations")), r"category.area: .* holds '>'"),
        (_decision(category=Category(area="Housing", subject="")), r"category.subject: the text is empty"),
        (_decision(summary=""), r"summary: the text is empty"),
        (
            _decision(reference=None, organisations=[Organisation(name="Kent County Council")]),
            r"organisations\[0\]: a title line without a reference",
        ),
        (
            _decision(
                organisations=[
                    Organisation(name="A Council", reference="20 007 417"),
                    Organisation(name="B Council", reference="20 007 417"),
                ]
            ),
            r"one organisation, not 2",
        ),
        (
            _decision(organisations=[Organisation(name="A Council", reference="19 000 001")]),
            r"organisations\[0\].reference",
        ),
        (_decision(extensions={"acme.tags": ["x"]}), r"extensions: .*acme\.tags"),
        (_decision(schema_version="0.9"), r"schema_version"),
        (
            _decision(
                summary=None,
                reference=None,
                decided_by=None,
                url="https://www.lgo.org.uk/decisions/housing/allocations/24-021-265",
            ),
            r"reference: it would read back as '24 021 265'",
        ),
        (
            _decision(Section(heading="Summary", blocks=[Paragraph(text="In short.")]), summary=None),
            r"the first paragraph under a \"Summary\" heading reads as the summary",
        ),
    ],
)
def test_render_error_names_the_place(decision: Decision, message: str) -> None:
    with pytest.raises(RenderError, match=message):
        render_text(decision)


def test_url_is_not_written_but_read_back_with_the_reader() -> None:
    url = "https://www.lgo.org.uk/decisions/housing/allocations/20-007-417"
    d = _decision(_complaint(_np(1)), url=url, category=Category(area="Housing", subject="Allocations"))
    text = render_text(d)
    assert url not in text
    assert read_text(text, url=url) == d


def test_writer_object_and_registry() -> None:
    d = _decision(_complaint(_np(1)))
    assert (WRITER.name, WRITER.suffix) == ("text", ".txt")
    assert WRITER.render(d) == render_text(d)
    assert writers.get("text").render(d) == render_text(d)


# -- the cheap guarantee against the full read-back ----------------------------------------------
# render_text proves most renderings read back equal without reading them back (writers/_checks:
# proved); these tests hold the proof to the full read-back, so that the two cannot drift apart.


# A paragraph ending the text that a save cut short inside a line of chrome would start as ("In"):
# the reader's last line is read so (found by hypothesis; the proof must not vouch for it).
_LAST_LINE_LIKE_CHROME = Decision(
    sections=(
        Section(
            heading=None,
            blocks=(
                NumberedParagraph(
                    number=1,
                    text="",
                    blocks=(BulletList(items=("the cost of our involvement, or",)), Paragraph(text="In")),
                ),
            ),
        ),
    )
)


def _proof(d: Decision) -> tuple[bool, bool] | None:
    """(the proof's verdict, the full read-back's), or None when the writer refuses ``d`` outright."""
    try:
        writer, text = text_writer._write(d)
    except RenderError:
        return None
    clear_caches()
    cold = writer.exact and proved(d, writer.plain, text)
    warm = writer.exact and proved(d, writer.plain, text)  # (with what the first proof cached)
    assert cold == warm
    return cold, read_text(text, url=d.url) == d


@settings(max_examples=300)
@given(decisions())
@example(_LAST_LINE_LIKE_CHROME)
def test_the_proof_never_says_equal_when_the_read_back_differs(d: Decision) -> None:
    verdicts = _proof(d)
    if verdicts is not None and verdicts[0]:
        assert verdicts[1]


@settings(max_examples=300)
@given(decisions(readable=True, max_blocks=8))
@example(_LAST_LINE_LIKE_CHROME)
def test_the_proof_and_the_read_back_agree_on_readable_decisions(d: Decision) -> None:
    verdicts = _proof(d)
    assert verdicts is not None
    proof, back = verdicts
    assert proof == back  # the proof is sound and, for what the writer writes, complete


@given(
    decisions(readable=True),
    st.sampled_from(
        [
            "1. Looks like a list item.",
            "a. lettered",
            "(b) lettered",
            "- dashed",
            "\u2022 bullet",
            "Back to top",
            "Print this page",
            "Investigator's decision on behalf of the Ombudsman",
            "Summary: again",
            "Category : Housing",
            "Decision : Upheld",
            "The Ombudsman's final decision:",
            "Home > Decisions",
            "What I found",
            "20 007 417",
            "x" * 301,
            "Summary: " + "x" * 301,
            "lower case start",
            "-",
            "*",
        ]
    ),
)
def test_the_proof_on_paragraphs_that_read_as_something_else(d: Decision, text: str) -> None:
    section = Section(heading="The complaint", blocks=[Paragraph(text=text)])
    for changed in (
        attrs.evolve(d, sections=(*d.sections, section)),
        attrs.evolve(d, sections=(Section(heading=None, blocks=[Paragraph(text=text)]),)),
        attrs.evolve(d, summary=text),
        attrs.evolve(d, decided_by=text),
    ):
        verdicts = _proof(changed)
        if verdicts is not None and verdicts[0]:
            assert verdicts[1]


@pytest.mark.parametrize("stem", SPACED + COMPACT)
def test_the_seeds_are_proved_without_a_read_back(stem: str) -> None:
    assert _proof(read_text(seed(stem))) == (True, True)


def test_what_the_proof_relies_on() -> None:
    # the classifier's whole state is the four flags the cached verdicts are keyed by, and what waits
    waiting = {"_summary", "_header", "_category", "_subject_next"}  # (state() refuses while any waits)
    assert set(vars(Classifier())) == {*Classifier.STATE, *waiting}
    # header_reads_back compares every field a read-back compares, but the sections
    assert {f.name for f in attrs.fields(Decision) if f.eq} == {
        "schema_version",
        "reference",
        "organisations",
        "category",
        "outcome",
        "decision_date",
        "summary",
        "sections",
        "decided_by",
        "compliance",
        "url",
        "extensions",
    }
    assert {f.name for f in attrs.fields(Organisation) if f.eq} == {"name", "reference"}


@given(st.dates())
def test_dates_are_written_as_the_builder_reads_them(day: dt.date) -> None:
    assert parse_date(format_date(day)) == day


@given(references())
def test_references_are_their_own_normal_form(reference: str) -> None:
    assert normalise_reference(reference) == reference


def test_every_day_of_a_leap_year_reads_back() -> None:
    day = dt.date(2024, 1, 1)
    while day.year == 2024:
        assert parse_date(format_date(day)) == day
        day += dt.timedelta(days=1)


def test_a_last_paragraph_that_reads_as_a_label_is_refused_not_crashed_on() -> None:
    d = Decision(
        reference="20 007 417",
        sections=(
            Section(
                heading="The complaint",
                blocks=(NumberedParagraph(number=1, text="Mr X said."), Paragraph(text="Summary:")),
            ),
        ),
    )
    try:
        text = render_text(d)
    except RenderError:
        return
    assert read_text(text) == d
