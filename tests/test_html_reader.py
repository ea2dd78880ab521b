"""The HTML reader on hand-written, awkward markup: fragments, header variants, headings, lists,
line breaks, entities, encodings, whole pages with chrome, and the registry protocol."""

from __future__ import annotations

import datetime as dt

import pytest

from lgo_decisions import NotADecisionError, ParseError, read, read_html, read_text
from lgo_decisions.model import BulletList, NumberedParagraph, OutcomeCode, Paragraph, Section, SubParagraph
from lgo_decisions.plugin import Kind
from lgo_decisions.readers import Reader, detect
from lgo_decisions.readers.html import READER, sniff, tokenize_html

TITLE = "<h1>Leeds City Council (21 016 384)</h1>"
STATEMENT = """
<p><strong>The Ombudsman's final decision:</strong></p>
<p><strong>Summary:</strong> We will not investigate this complaint.</p>
<h2>The complaint</h2>
<ol><li>Mr X complains about an assessment.</li></ol>
<h2>Final decision</h2>
<ol start="2"><li>We will not investigate.</li></ol>
<p>Investigator's decision on behalf of the Ombudsman</p>
"""
TEXT = """Leeds City Council (21 016 384)
Category : Children's care services > Child protection
Decision : Closed after initial enquiries
Decision date : 10 Mar 2022
The Ombudsman's final decision:
Summary: We will not investigate this complaint.
The complaint
  1. Mr X complains about an assessment.
Final decision
  1. We will not investigate.
Investigator's decision on behalf of the Ombudsman
"""
FIELDS_P = """<p>Category : Children's care services &gt; Child protection</p>
<p>Decision : Closed after initial enquiries</p><p>Decision date : 10 Mar 2022</p>"""


def expected():
    return read_text(TEXT)


@pytest.mark.parametrize(
    ("name", "fields"),
    [
        ("paragraphs", FIELDS_P),
        (
            "dl",
            """<dl><dt>Category</dt><dd>Children's care services &gt; Child protection</dd>
              <dt>Decision:</dt><dd>Closed after initial enquiries</dd>
              <dt>Decision date</dt><dd>10 Mar 2022</dd></dl>""",
        ),
        (
            "label spans",
            """<div><span class="a">Category</span><span class="b">Children's care services &gt;
              Child protection</span></div><div><span>Decision</span>: <span>Closed after initial
              enquiries</span></div><div><label>Decision date</label> <time>10 Mar 2022</time></div>""",
        ),
        (
            "table",
            """<table><tr><th>Category</th><td>Children's care services &gt; Child protection</td></tr>
              <tr><th>Decision</th><td>Closed after initial enquiries</td></tr>
              <tr><th>Decision date</th><td>10 Mar 2022</td></tr></table>""",
        ),
        (
            "bold labels",
            """<p><b>Category:</b> Children's care services &gt; Child protection</p>
              <p><b>Decision:</b> Closed after initial enquiries</p><p><b>Decision date:</b> 10 Mar 2022</p>""",
        ),
        (
            "br lines",
            """<p>Category : Children's care services &gt; Child protection<br>Decision : Closed after
              initial enquiries<br/>Decision date : 10 Mar 2022</p>""",
        ),
    ],
)
def test_header_field_markup(name: str, fields: str) -> None:
    d = read_html(f"<article><header>{TITLE}{fields}</header>{STATEMENT}</article>")
    assert d == expected(), name
    assert d.category is not None
    assert d.category.subject == "Child protection"
    assert d.decision_date == dt.date(2022, 3, 10)


def test_bare_fragment_of_the_statement_alone() -> None:
    d = read_html(STATEMENT)
    assert d.reference is None
    assert d.summary == "We will not investigate this complaint."
    assert [p.number for p in d.paragraphs()] == [1, 2]
    assert d.decided_by == "Investigator's decision on behalf of the Ombudsman"


def test_headings_as_bold_paragraphs_and_h3_levels() -> None:
    html = f"""{TITLE}{FIELDS_P}<p><b>The Ombudsman's final decision:</b></p><p>Summary: S.</p>
    <p><strong>The complaint</strong></p><ol><li>One.</li></ol>
    <p><strong>What I found</strong></p><ol><li>Two.</li></ol>
    <h3>Analysis</h3><ol><li>Three.</li></ol>
    <p><strong>This is emphasis in a sentence, not a heading.</strong></p>"""
    d = read_html(html)
    assert [(s.heading, s.level) for s in d.sections] == [("The complaint", 2), ("What I found", 2), ("Analysis", 3)]
    assert d.sections[-1].blocks[-1] == Paragraph(text="This is emphasis in a sentence, not a heading.")


def test_lists_nesting_start_value_continuations_and_empty_items() -> None:
    html = f"""{TITLE}<p>Decision : Upheld</p><h2>My assessment</h2>
    <ol start="7">
      <li><p>Mr X says:</p>
        <ol type="a"><li>first point;</li><li>second<ul><li>bullet under sub</li></ul></li></ol>
        <ul><li>a bullet of paragraph 1</li></ul>
        <p>A continuation paragraph.</p></li>
      <li value="12">Second paragraph<br>continued after a line break.</li>
      <li></li>
    </ol>
    <ul><li>a section-level bullet</li></ul>
    <p>A section-level paragraph after the lists.</p>"""
    d = read_html(html)
    first, second, third = d.sections[0].blocks[:3]
    assert first == NumberedParagraph(
        number=1,
        text="Mr X says:",
        blocks=(
            SubParagraph(number=1, text="first point;"),
            SubParagraph(number=2, text="second", blocks=(BulletList(items=("bullet under sub",)),)),
            BulletList(items=("a bullet of paragraph 1",)),
            Paragraph(text="A continuation paragraph."),
        ),
    )
    assert second == NumberedParagraph(
        number=2, text="Second paragraph", blocks=(Paragraph(text="continued after a line break."),)
    )
    assert third == NumberedParagraph(number=3, text="")
    assert d.sections[0].blocks[3:] == (
        BulletList(items=("a section-level bullet",)),
        Paragraph(text="A section-level paragraph after the lists."),
    )


def test_tokens_carry_levels_depths_and_numbers() -> None:
    toks = tokenize_html('<h3>Analysis</h3><ol start="4"><li>a<ol><li>b</li></ol><ul><li>c</li></ul></li></ol>')
    got = [(t.kind, t.level, t.depth, t.number, t.text) for t in toks]
    assert got == [
        (Kind.HEADING, 3, 0, None, "Analysis"),
        (Kind.NUMBERED, None, 0, 4, "a"),
        (Kind.NUMBERED, None, 1, 1, "b"),
        (Kind.BULLET, None, 0, None, "c"),
        (Kind.BOUNDARY, None, 0, None, ""),
    ]


def test_entities_nbsp_and_whitespace() -> None:
    html = (
        f"{TITLE}<p>Decision :&nbsp;Upheld</p><h2>The&nbsp;complaint</h2><ol><li>Mrs&nbsp;Y paid "
        "&pound;300 &amp; &lsquo;more&rsquo;,\n     said&#8230; &#x201C;this&#x201D;</li></ol>"
    )
    d = read_html(html)
    assert d.outcome is not None
    assert d.outcome.code is OutcomeCode.UPHELD
    assert d.sections[0].heading == "The\xa0complaint"
    assert d.paragraphs()[0].text == "Mrs\xa0Y paid £300 & ‘more’, said… “this”"


def test_windows_1252_bytes_with_meta_charset() -> None:
    html = (
        f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head>'
        f"<body>{TITLE}<p>Decision : Upheld</p><h2>The Ombudsman\u2019s role and powers</h2>"
        "<ol><li>We investigate \u2018fault\u2019 \u2013 £50.</li></ol></body></html>"
    )
    d = read_html(html.encode("cp1252"))
    assert d.sections[0].heading == "The Ombudsman\u2019s role and powers"
    assert d.paragraphs()[0].text == "We investigate \u2018fault\u2019 \u2013 £50."
    # meta charset latin-1 means windows-1252 (as browsers read it)
    assert read_html(html.replace("windows-1252", "iso-8859-1").encode("cp1252")) == d


def test_encodings_bom_explicit_and_fallback() -> None:
    html = f"{TITLE}<p>Decision : Upheld</p><h2>The complaint</h2><ol><li>Caf\u00e9 \u2019s £5.</li></ol>"
    want = read_html(html)
    assert read_html(b"\xef\xbb\xbf" + html.encode("utf-8")) == want
    assert read_html(html.encode("utf-16")) == want
    assert read_html(html.encode("cp1252"), encoding="cp1252") == want
    assert read_html(html.encode("cp1252")) == want  # no charset, not UTF-8: Windows-1252
    # a page that declares UTF-8 but was saved as Windows-1252: read, with a diagnostic
    wrong = ('<meta charset="utf-8">' + html).encode("cp1252")
    d = read_html(wrong)
    assert d == want
    assert any(x.code == "charset_mismatch" for x in d.diagnostics)


def test_whole_page_with_cookie_dialog_before_the_article() -> None:
    page = f"""<!DOCTYPE html><html><head><title>Leeds</title><style>p {{color: red}}</style>
    <script>var x = "<p>Decision : Upheld</p>";</script></head><body>
    <div id="cookies"><h2>Review your privacy settings</h2><h3>Required cookies</h3>
    <p>These cookies enable the website to function properly. You can only disable these by changing your
    browser preferences, but this will affect how the website performs.</p>
    <button>Accept all cookies</button></div>
    <div role="dialog"><p>Tell us what you think of our site</p></div>
    <header><a href="/">Home</a><form><input name="q"><button>Search</button></form></header>
    <nav><ol><li><a href="/">Home</a></li><li><a href="/decisions">Decisions</a></li></ol></nav>
    <ol class="crumbs"><li><a href="/">Home</a></li><li><a href="/d">21-016-384</a></li></ol>
    <main><article><header>{TITLE}{FIELDS_P}</header>{STATEMENT}
    <p><a href="#top">Back to top</a></p></article><p>Print this page</p></main>
    <noscript><p>Decision : Not upheld</p></noscript>
    <footer><p>Privacy</p><ul><li><a href="/a">Accessibility</a></li></ul></footer>
    <script>document.write("Summary: evil")</script></body></html>"""
    d = read_html(page)
    assert d == expected()
    assert d.diagnostics == ()


def test_site_text_before_the_title_is_kept_outside_the_statement() -> None:
    d = read_html(
        f"<div><h2>Search our decisions</h2><ul><li>Browse by year</li></ul></div>{TITLE}{FIELDS_P}" + STATEMENT
    )
    assert d.reference == "21 016 384"
    assert d.sections[0].heading is not None  # (never appended to a section)
    assert d.outside_text == ("Search our decisions", "Browse by year")
    assert any(x.code == "text_before_title" for x in d.diagnostics)


def test_table_of_contents_links_are_dropped_when_their_sections_exist() -> None:
    toc = (
        '<ul><li><a href="#a">The complaint</a></li><li><a href="#b">The Ombudsman\u2019s role and powers</a>'
        "</li><li><a href='#c'>Final decision</a></li></ul>"
    )
    d = read_html(f"<article>{TITLE}{FIELDS_P}{toc}{STATEMENT}</article>")
    # the one entry without a section is kept (as the text reader keeps it), never dropped
    assert d.sections[0] == Section(blocks=[BulletList(items=["The Ombudsman\u2019s role and powers"])])
    assert d.sections[1:] == expected().sections


def test_pre_keeps_its_lines() -> None:
    d = read_html(f"{TITLE}<pre>Decision : Upheld\nDecision date : 01 Feb 2021</pre>{STATEMENT}")
    assert d.outcome is not None
    assert d.outcome.label == "Upheld"
    assert d.decision_date == dt.date(2021, 2, 1)


def test_strict_mode_names_the_element() -> None:
    with pytest.raises(ParseError) as err:
        read_html(f"{TITLE}<p>Decision : Sent to the moon</p>{STATEMENT}", strict=True, name="page.html")
    assert "page.html" in str(err.value)
    assert err.value.element == "/html/body/p[1]"  # the element path (issue 8), not just its tag
    assert "/html/body/p[1]" in str(err.value)


def test_not_a_decision() -> None:
    with pytest.raises(NotADecisionError):
        read_html("<html><body><p>Hello world</p></body></html>")
    with pytest.raises(NotADecisionError):
        read_html(b"")
    with pytest.raises(NotADecisionError):
        read_html("<html><body>  </body></html>")


def test_sniff_and_registry() -> None:
    assert isinstance(READER, Reader)
    assert READER.name == "html"
    assert ".html" in READER.suffixes
    assert sniff(b"<!DOCTYPE html>\n<html>") == 10
    assert sniff("  <article class='x'><h1>") == 10
    assert sniff("\ufeff<p>Category : x</p>") == 10
    assert sniff("<p>x</p>".encode("utf-16")) == 10
    assert sniff(TEXT) == 0
    assert sniff(TEXT.encode()) == 0
    assert detect(b"<html><body>" + TEXT.encode()).name == "html"
    assert detect(TEXT).name == "text"


def test_read_sniffs_html_bytes_and_paths(tmp_path) -> None:
    html = f"<article>{TITLE}{FIELDS_P}{STATEMENT}</article>"
    assert read(html.encode("utf-8")) == expected()
    path = tmp_path / "statement.htm"
    path.write_bytes(html.encode("cp1252"))
    d = read(path)
    assert d == expected()
    assert d.source is not None
    assert d.source.reader == "html"
    assert d.source.name == str(path)
