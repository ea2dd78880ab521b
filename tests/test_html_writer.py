"""The HTML writer: the site's structure, escaping, whole pages, and RenderError for what HTML
cannot carry."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from lxml import html as lxml_html

from lgo_decisions import Decision, RenderError, read_html, render_html
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
from lgo_decisions.writers import Writer
from lgo_decisions.writers.html import WRITER

DECISION = Decision(
    reference="21 016 384",
    organisations=[Organisation(name="Brighton & Hove <City> Council", reference="21 016 384")],
    category=Category(area="Children’s care services", subject="Child protection"),
    outcome=Outcome(code=OutcomeCode.UPHELD, label="Upheld: fault & injustice", detail="fault & injustice"),
    decision_date=dt.date(2022, 3, 4),
    summary="We found fault & the Council agreed to pay £150 <quickly>.",
    sections=[
        Section(heading="The complaint", blocks=[NumberedParagraph(number=1, text="Mr X complains.")]),
        Section(
            heading="What I found",
            blocks=[
                NumberedParagraph(
                    number=2,
                    text="Mrs Y says:",
                    blocks=[
                        SubParagraph(number=1, text="first;"),
                        SubParagraph(number=2, text="second."),
                        BulletList(items=["a bullet", ""]),
                        Paragraph(text="A continuation."),
                    ],
                ),
                Paragraph(text="1. A paragraph that looks like a list item."),
            ],
        ),
        Section(heading="Analysis", level=3, blocks=[NumberedParagraph(number=3, text="Three.")]),
    ],
    decided_by="Investigator's decision on behalf of the Ombudsman",
)


def test_article_structure_and_escaping() -> None:
    html = render_html(DECISION)
    tree = lxml_html.fromstring(html)
    assert tree.tag == "article"
    assert tree.findtext(".//h1") == "Brighton & Hove <City> Council (21 016 384)"
    assert [h.text_content() for h in tree.iter("h2", "h3")] == ["The complaint", "What I found", "Analysis"]
    assert [ol.get("start") for ol in tree.iter("ol")] == [None, "2", None, "3"]
    assert "&lt;quickly&gt;" in html
    assert "&amp; Hove" in html
    fields = [p.text_content() for p in tree.iter("p") if p.get("class") == "decision-field"]
    assert fields == [
        "Category : Children’s care services > Child protection",
        "Decision : Upheld: fault & injustice",
        "Decision date : 04 Mar 2022",
    ]
    assert read_html(html) == DECISION


def test_whole_page_has_chrome_the_reader_drops() -> None:
    page = render_html(DECISION, page=True)
    for chrome in (
        "<nav",
        "<footer",
        "Print this page",
        "Review your privacy settings",
        "<script",
        "<form",
        "Skip to main content",
        'role="dialog"',
    ):
        assert chrome in page
    assert read_html(page) == DECISION
    assert read_html(page.encode("utf-8")) == DECISION
    assert isinstance(WRITER, Writer)
    assert WRITER.suffix == ".html"
    assert WRITER.render(DECISION) == page


def test_rendering_is_idempotent() -> None:
    html = render_html(DECISION)
    assert render_html(read_html(html)) == html


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"extensions": {"acme.tags": ["x"]}}, "extensions"),
        ({"summary": "two\nlines"}, "summary"),
        ({"summary": " padded"}, "white space"),
        ({"summary": "a  b"}, "white space"),
        ({"summary": ""}, "empty"),
        ({"decided_by": "bell \x07"}, "U\\+0007"),
        (
            {"organisations": [Organisation(name="A", reference="21 016 384"), Organisation(name="B")]},
            "one organisation",
        ),
        ({"organisations": [Organisation(name="A", reference="20 000 000")]}, "reference"),
        ({"category": Category(area="A > B")}, "separates area and subject"),
        ({"outcome": Outcome(code=OutcomeCode.NOT_UPHELD, label="Upheld")}, "reads as code"),
        ({"sections": [Section(blocks=[SubParagraph(number=1, text="x")])]}, "sub-paragraph at section level"),
        ({"sections": [Section(heading="H", blocks=[NumberedParagraph(number=2, text="x")])]}, "should be 1"),
        ({"sections": [Section(heading="H", blocks=[BulletList(items=[])])]}, "empty bullet list"),
        ({"sections": [Section(heading="H"), Section(blocks=[Paragraph(text="x")])]}, "first section"),
        (
            {
                "sections": [
                    Section(
                        heading="H",
                        blocks=[
                            NumberedParagraph(
                                number=1, text="x", blocks=[SubParagraph(number=1, text="s"), Paragraph(text="p")]
                            )
                        ],
                    )
                ]
            },
            "right after a sub-paragraph",
        ),
        (
            {
                "sections": [
                    Section(
                        heading="H",
                        blocks=[
                            NumberedParagraph(
                                number=1, text="x", blocks=[BulletList(items=["a"]), BulletList(items=["b"])]
                            )
                        ],
                    )
                ]
            },
            "read as one list",
        ),
        ({"sections": [Section(heading="Accept all cookies")]}, "sections"),
        (
            {
                "sections": [
                    Section(heading="H", blocks=[Paragraph(text="Investigator's decision on behalf of the Ombudsman")])
                ],
                "decided_by": None,
            },
            "cannot be written faithfully",
        ),
        ({"url": "https://www.lgo.org.uk/decisions/housing/allocations/20-000-001", "category": None}, "category"),
    ],
)
def test_what_cannot_be_written_raises_render_error(change: dict[str, object], message: str) -> None:
    with pytest.raises(RenderError, match=message):
        render_html(attrs.evolve(DECISION, **change))  # type: ignore[arg-type]


def test_empty_item_text_before_a_paragraph_is_kept() -> None:
    d = Decision(
        outcome=Outcome(code=OutcomeCode.UPHELD, label="Upheld"),
        sections=[
            Section(
                heading="The complaint", blocks=[NumberedParagraph(number=1, text="", blocks=[Paragraph(text="P.")])]
            )
        ],
    )
    assert read_html(render_html(d)) == d
