"""What other tools produce (issue: read what other tools actually produce, never fail silently):
a scraper's text, pages not marked up like the site's, compact and cut-short dumps. Made-up
fixtures in the shapes of real output."""

from __future__ import annotations

from pathlib import Path

import pytest

from lgo_decisions import read, read_html, read_text
from lgo_decisions.model import BulletList, NumberedParagraph, Paragraph, SubParagraph

FIXTURES = Path(__file__).resolve().parent / "fixtures"
HEAD = "Kent County Council (23 008 522)\nDecision : Upheld\nThe Ombudsman's final decision:\nSummary: Short.\n"


def codes(d: object) -> list[str]:
    return [x.code for x in d.diagnostics]  # type: ignore[attr-defined]


# -- a scraper's text: labels and values on separate lines -------------------------------------
def test_a_scrapers_text_reads_as_the_statement_it_is(tmp_path: Path) -> None:
    path = tmp_path / "16-004-217.txt"
    path.write_bytes((FIXTURES / "scraper_get_text.txt").read_bytes())
    d = read(path)
    assert d.reference == "16 004 217"
    assert (d.category.area, d.category.subject) == ("Housing", "Allocations")
    assert d.outcome.label == "Upheld"
    assert d.decision_date.isoformat() == "2017-03-14"
    assert d.summary == "A man complains the council delayed reviewing his housing application."
    # (the "Summary" heading is kept as published; its paragraph is the summary)
    assert [s.heading for s in d.sections] == ["Summary", "The complaint", "Finding", "Recommendations"]
    assert d.sections[0].blocks == ()
    assert d.sections[3].blocks == (
        Paragraph(text="To remedy the injustice caused, the council has agreed to:"),
        BulletList(
            items=[
                "Review its procedures for housing reviews within three months.",
                "Pay the man £300 for the distress and time and trouble caused.",
            ]
        ),
    )
    assert "Print this page" not in d.text()
    assert "reference_from_name" in codes(d)


def test_the_reference_from_the_address_first_then_a_diagnostic_when_there_is_none() -> None:
    text = (FIXTURES / "scraper_get_text.txt").read_text(encoding="utf-8")
    url = "https://www.lgo.org.uk/decisions/housing/allocations/16-004-217"
    assert read_text(text, url=url, name="16-009-999.txt").reference == "16 004 217"
    d = read_text(text, name="page.txt")
    assert d.reference is None
    assert "no_reference" in codes(d)


@pytest.mark.parametrize("label", ["Summary", "Summary:", "Summary:   ", "Summary :"])
def test_a_summary_label_alone_on_its_line(label: str) -> None:
    d = read_text(f"Kent County Council (23 008 522)\nDecision : Upheld\n{label}\nWe will not investigate.\n")
    assert d.summary == "We will not investigate."
    assert all(not s.blocks for s in d.sections)


def test_the_2016_17_report_headings_are_sections() -> None:
    d = read_text(
        "15 010 742\nSummary\nA woman complains.\nFinding\nFault.\nRecommendations\nNone.\nFurther report\nDone."
    )
    assert [(s.heading, s.level) for s in d.sections] == [
        ("Summary", 2),
        ("Finding", 2),
        ("Recommendations", 2),
        ("Further report", 2),
    ]


@pytest.mark.parametrize("reader", ["text", "html"])
def test_a_category_split_over_three_lines(reader: str) -> None:
    lines = [
        "Kent County Council (23 008 522)",
        "Category :",
        "Education",
        ">",
        "School transport",
        "Decision :",
        "Upheld",
    ]
    d = read_text("\n".join(lines)) if reader == "text" else read_html("".join(f"<p>{x}</p>" for x in lines))
    assert (d.category.area, d.category.subject, d.outcome.label) == ("Education", "School transport", "Upheld")


def test_a_category_without_subject_before_another_field() -> None:
    d = read_text("Kent County Council (23 008 522)\nCategory :\nPlanning\nDecision :\nNot upheld\n")
    assert (d.category.area, d.category.subject, d.outcome.label) == ("Planning", None, "Not upheld")


# -- compact and cut-short dumps ---------------------------------------------------------------
@pytest.mark.parametrize(
    "cut", ["Back to t", "Back t", "Print this p", "LG", "We recomm", "These cookies enable the website to funct"]
)
def test_a_save_cut_short_inside_chrome(cut: str) -> None:
    d = read_text(HEAD + "The complaint\n  1. Mr X complained.\n" + cut)
    assert [s.heading for s in d.sections] == ["The complaint"]
    assert cut not in [b.text for s in d.sections for b in s.blocks if isinstance(b, (Paragraph, NumberedParagraph))]
    assert "cut_short" in codes(d)


def test_chrome_words_inside_the_statement_are_kept() -> None:
    d = read_text(HEAD + "The complaint\n  1. Mr X complained.\nWe recomm\n  2. More.")
    assert "We recomm" in d.text()


def test_a_closing_line_cut_short_is_the_closing_line() -> None:
    d = read_text(HEAD + "The complaint\n  1. Mr X complained.\nInvestigator's decisio")
    assert d.decided_by == "Investigator's decisio"
    assert "cut_short" in codes(d)


def test_a_bare_number_ending_the_input_is_an_empty_paragraph() -> None:
    d = read_text(HEAD + "The complaint\n\n  1. Mr X complained.\n\n  2")
    assert [(p.number, p.text) for p in d.paragraphs()] == [(1, "Mr X complained."), (2, "")]
    assert [s.heading for s in d.sections] == ["The complaint"]


def test_heading_levels_without_rules() -> None:
    d = read_text(
        HEAD
        + "What I found\nLegal background\n- The law says.\nWhat happened?\n- Events.\nMy assessment\n"
        + "Court of Protection\n- It decided.\nFinal decision\n- I have completed my investigation.\n"
    )
    assert [(s.heading, s.level) for s in d.sections] == [
        ("What I found", 2),
        ("Legal background", 3),
        ("What happened?", 3),
        ("My assessment", 2),
        ("Court of Protection", 3),
        ("Final decision", 2),
    ]


def test_a_long_question_is_a_paragraph() -> None:
    d = read_text(HEAD + "The complaint\nDid the Council consider all the evidence Mr X sent it last year?")
    assert d.sections[0].blocks == (
        Paragraph(text="Did the Council consider all the evidence Mr X sent it last year?"),
    )


def test_a_third_nesting_level_nests() -> None:
    d = read_text(
        HEAD + "The complaint\n  1. The Council should:\n      1. apologise;\n        1. in writing;\n      2. pay."
    )
    first = d.paragraphs()[0]
    sub = first.blocks[0]
    assert isinstance(sub, SubParagraph)
    assert sub.blocks == (SubParagraph(number=1, text="in writing;"),)
    assert first.blocks[1] == SubParagraph(number=2, text="pay.")


def test_stray_punctuation_after_the_footer_goes_with_it() -> None:
    d = read_text(
        HEAD + "The complaint\n  1. Text.\nInvestigator's decision on behalf of the Ombudsman\nPrint this page\n;"
    )
    assert ";" not in d.text()


# -- pages not marked up like the site's -------------------------------------------------------
PAGE = (
    "<html><body>{before}<h1>Kent County Council (23 008 522)</h1><p>Decision : Upheld</p>"
    "<p>Summary: We found fault.</p><h2>The complaint</h2><ol><li>Mr X complained.</li></ol>{inside}"
    "<p>Investigator's decision on behalf of the Ombudsman</p></body></html>"
)


def test_a_breadcrumb_list_ending_in_the_current_page_is_dropped() -> None:
    crumbs = (
        '<ol class="crumbs"><li><a href="/">Home</a></li><li><a href="/d">Decisions</a></li><li>Allocations</li></ol>'
    )
    d = read_html(PAGE.format(before=crumbs, inside=""))
    assert "Allocations" not in d.text()
    assert codes(d) == []


def test_a_plain_breadcrumb_line_is_dropped() -> None:
    d = read_html(PAGE.format(before="<p>Home &gt; Decisions &gt; Housing &gt; Allocations</p>", inside=""))
    assert "Home" not in d.text()


def test_related_decisions_naming_references_in_links_are_dropped() -> None:
    aside = (
        '<aside><h3>Related decisions</h3><ul><li><a href="/x">Leeds City Council (22 001 002)</a></li></ul></aside>'
    )
    d = read_html(PAGE.format(before="", inside=aside))
    assert "Related decisions" not in d.text()
    assert "22 001 002" not in d.text()


@pytest.mark.parametrize("chrome", ["<p>↑ Back to top</p>", "<p>Share: Email | Print this page</p>"])
def test_chrome_worded_otherwise(chrome: str) -> None:
    d = read_html(PAGE.format(before="", inside=chrome))
    assert d.text() == read_html(PAGE.format(before="", inside="")).text()


def test_a_contents_heading_then_the_marker() -> None:
    page = (
        "<h1>Kent County Council (23 008 522)</h1><h2>Contents</h2><ul><li><a href='#c'>The complaint</a></li></ul>"
        "<p>The Ombudsman's final decision:</p><p>Summary: We found fault.</p><h2 id='c'>The complaint</h2>"
        "<p>Mr X complained.</p>"
    )
    d = read_html(page)
    assert d.summary == "We found fault."
    assert [s.heading for s in d.sections] == ["The complaint"]
    assert "The Ombudsman's final decision:" not in d.text()


def test_a_summary_heading_gives_the_summary() -> None:
    page = (
        "<h1>Kent County Council (23 008 522)</h1><h2>Summary</h2><p>We found fault.</p><h2>The complaint</h2><p>X.</p>"
    )
    d = read_html(page)
    assert d.summary == "We found fault."
    assert [(s.heading, len(s.blocks)) for s in d.sections] == [("Summary", 0), ("The complaint", 1)]


def test_a_new_thought_after_a_compact_list_is_the_next_paragraph() -> None:
    d = read_text(
        HEAD
        + "The complaint\n- Ms D complained the Council:\n- failed to assess her needs.\n- delayed its reply.\n"
        + "- Ms D said, as a result, she had experienced distress.\n"
    )
    assert [p.text for p in d.paragraphs()] == [
        "Ms D complained the Council:",
        "Ms D said, as a result, she had experienced distress.",
    ]
    assert d.paragraphs()[0].blocks == (BulletList(items=["failed to assess her needs.", "delayed its reply."]),)


def test_short_capitalised_items_stay_bullets() -> None:
    d = read_text(HEAD + "My assessment\n- That reply covered:\n- Poor communication\n- Delay\n- Cost\n")
    assert d.paragraphs()[0].blocks == (BulletList(items=["Poor communication", "Delay", "Cost"]),)


@pytest.mark.parametrize("after", ["<p>More of the statement.</p>", "<body><p>More of the statement.</p></body>"])
def test_what_follows_the_body_is_read(after: str) -> None:
    page = PAGE.format(before="", inside="").replace("</body></html>", f"</body>{after}</html>")
    assert "More of the statement." in read_html(page).text() + " ".join(read_html(page).outside_text)


@pytest.mark.parametrize("wrap", ["aside", "header", "footer", "form"])
def test_prose_in_furniture_outside_the_article_is_kept_apart(wrap: str) -> None:
    page = (
        "<html><body><article><h1>Kent County Council (23 008 522)</h1><p>Decision : Upheld</p>"
        "<h2>The complaint</h2><p>Mr X complained.</p></article>"
        f"<{wrap}><p>The Council should apologise to Mr X for the delay.</p>"
        f"<p><a href='/a'>Accessibility</a></p></{wrap}>"
        "</body></html>"
    )
    d = read_html(page)
    assert d.text() == "The complaint\nMr X complained."
    assert d.outside_text == ("The Council should apologise to Mr X for the delay.",)
    assert "furniture_text" in codes(d)


@pytest.mark.parametrize("field", ["<textarea>", '<select name="s">'])
def test_an_unclosed_form_field_swallows_nothing(field: str) -> None:
    page = PAGE.format(before="", inside=f"<p>The Council {field}agreed to apologise.</p><p>It will pay £100.</p>")
    text = read_html(page).text()
    assert "agreed to apologise." in text
    assert "It will pay £100." in text
