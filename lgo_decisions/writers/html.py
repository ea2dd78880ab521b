"""The HTML writer: a decision as the site's statement markup, or as a whole saved page.

:func:`render_html` writes what :func:`~lgo_decisions.readers.html.read_html` reads back to an
equal decision; a decision it cannot write faithfully raises
:class:`~lgo_decisions.errors.RenderError` naming the field, never a page that reads back
differently (every rendering is read back and compared before it is returned).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from html import escape
from typing import Any

from .._fields import read_compliance
from ..errors import LgoDecisionsError, RenderError
from ..model import (
    Block,
    BulletList,
    Decision,
    NumberedParagraph,
    Paragraph,
    Section,
    SubParagraph,
)
from ._checks import record_problems
from ._common import BACK_TO_TOP, MARKER, SUMMARY, header_fields, title_line

__all__ = ["WRITER", "HtmlWriter", "render_html"]

NAME = "html"
# What a browser would not keep (control characters, non-characters, lone surrogates) and white
# space that HTML collapses (line breaks, tabs, runs of spaces).
_UNWRITABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
_COLLAPSED = re.compile(r"[\t\n\r\f]|  ")

# The site's page chrome, as the reader must recognise and drop it (see vocabulary.CHROME_LINES).
_COOKIE_DIALOG = (
    ("h2", "Review your privacy settings"),
    ("h3", "Required cookies"),
    (
        "p",
        "These cookies enable the website to function properly. You can only disable these by changing "
        "your browser preferences, but this will affect how the website performs.",
    ),
    ("p", "View required cookies"),
    ("h3", "Analytical cookies"),
    (
        "p",
        "Google Analytics cookies help us improve the performance of the website by understanding how "
        "visitors use the site.",
    ),
    ("p", "We recommend you set these 'ON'."),
    ("p", "View analytical cookies"),
    (
        "p",
        "In using Google Analytics, we do not collect or store personal information that could identify "
        "you (for example your name or address). We do not allow Google to use or share our analytics "
        "data. Google has developed a tool to help you opt out of Google Analytics cookies.",
    ),
)


def _e(text: str) -> str:
    return escape(text, quote=True)


# -- checks ------------------------------------------------------------------------------------
def _check_text(value: str, where: str, *, empty: bool = False) -> None:
    if not value and not empty:
        raise RenderError(f"{where}: an empty text cannot be written in HTML (it would read back as missing)")
    m = _UNWRITABLE.search(value)
    if m:
        raise RenderError(f"{where}: character U+{ord(m.group()):04X} cannot be written in HTML")
    if value != value.strip():
        raise RenderError(
            f"{where}: leading or trailing white space cannot be written in HTML "
            f"(browsers and readers drop it): {value[:60]!r}"
        )
    m = _COLLAPSED.search(value)
    if m:
        raise RenderError(
            f"{where}: {m.group()!r} cannot be written in HTML (white space collapses to one space): {value[:60]!r}"
        )


def _check_blocks(blocks: Sequence[Block], where: str, depth: int) -> None:
    sub = 0
    for i, block in enumerate(blocks):
        here = f"{where}[{i}]"
        prev = blocks[i - 1] if i else None
        if isinstance(block, Paragraph):
            _check_text(block.text, f"{here}.text")
            if depth > 0 and isinstance(prev, SubParagraph):
                raise RenderError(
                    f"{here}: a paragraph right after a sub-paragraph reads as part of that "
                    "sub-paragraph; it cannot be written in HTML"
                )
        elif isinstance(block, BulletList):
            if not block.items:
                raise RenderError(f"{here}: an empty bullet list cannot be written in HTML")
            if depth > 0 and isinstance(prev, BulletList):
                raise RenderError(f"{here}: two adjacent bullet lists inside a paragraph read as one list")
            for j, item in enumerate(block.items):
                _check_text(item, f"{here}.items[{j}]", empty=True)
        else:
            numbered = isinstance(block, NumberedParagraph)
            if numbered != (depth == 0):
                kind = "numbered paragraph" if numbered else "sub-paragraph"
                place = "inside a paragraph" if depth else "at section level"
                raise RenderError(
                    f"{here}: a {kind} {place} cannot be written in HTML (numbered paragraphs "
                    "sit in sections, sub-paragraphs in paragraphs)"
                )
            if not numbered:
                sub += 1
                if block.number != sub:
                    raise RenderError(
                        f"{here}.number: sub-paragraph {block.number} should be {sub} "
                        "(sub-paragraphs are numbered 1..k in their paragraph)"
                    )
            _check_text(block.text, f"{here}.text", empty=True)
            _check_blocks(block.blocks, f"{here}.blocks", depth + 1)


def _check(d: Decision) -> None:
    for field, problem in record_problems(d):
        raise RenderError(f"{field}: {problem}")
    if d.organisations:
        _check_text(d.organisations[0].name, "organisations[0].name")
    if d.category is not None:
        _check_text(d.category.area, "category.area")
        if d.category.subject is not None:
            _check_text(d.category.subject, "category.subject")
    if d.outcome is not None:
        _check_text(d.outcome.label, "outcome.label")
    if d.summary is not None:
        _check_text(d.summary, "summary")
    if d.compliance is not None:
        _check_text(d.compliance.text, "compliance.text")
        if read_compliance(d.compliance.text) != d.compliance:
            raise RenderError(
                f"compliance: {d.compliance.text[:60]!r} does not read as this compliance line and its date"
            )
    if d.decided_by is not None:
        _check_text(d.decided_by, "decided_by")
    counter = 0
    for i, section in enumerate(d.sections):
        where = f"sections[{i}]"
        if section.heading is None:
            if i:
                raise RenderError(f"{where}: only the first section can be without a heading")
            if section.level != 2 or not section.blocks:
                raise RenderError(f"{where}: text before the first heading is a level-2 section with blocks")
        else:
            _check_text(section.heading, f"{where}.heading")
        _check_blocks(section.blocks, f"{where}.blocks", 0)
        for j, block in enumerate(section.blocks):
            if isinstance(block, NumberedParagraph):
                counter += 1
                if block.number != counter:
                    raise RenderError(
                        f"{where}.blocks[{j}].number: paragraph {block.number} should be "
                        f"{counter} (numbers run 1..N through the statement)"
                    )


def _first_difference(want: Any, got: Any, path: str = "$") -> tuple[str, Any, Any] | None:
    if type(want) is not type(got):
        return path, want, got
    if isinstance(want, dict):
        for k in list(want) + [k for k in got if k not in want]:
            diff = _first_difference(want.get(k), got.get(k), f"{path}.{k}")
            if diff:
                return diff
        return None
    if isinstance(want, list):
        for i, (a, b) in enumerate(zip(want, got, strict=False)):
            diff = _first_difference(a, b, f"{path}[{i}]")
            if diff:
                return diff
        return (path, want, got) if len(want) != len(got) else None
    return None if want == got else (path, want, got)


def _verify(d: Decision, html: str) -> None:
    from ..readers.html import read_html
    from ..serialise import to_dict

    try:
        back = read_html(html, url=d.url)
    except LgoDecisionsError as exc:
        raise RenderError(f"the decision cannot be written in HTML: its page does not read back ({exc})") from None
    if back == d:
        return
    diff = _first_difference(to_dict(d), to_dict(back)) or ("$", d, back)
    path, want, got = diff
    raise RenderError(f"{path}: cannot be written faithfully in HTML: {_short(want)} would read back as {_short(got)}")


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 120 else text[:117] + "..."


# -- rendering ---------------------------------------------------------------------------------
def _runs(blocks: Sequence[Block]) -> Iterator[list[Block]]:
    """Blocks grouped so that consecutive numbered (or sub-) paragraphs share one list."""
    run: list[Block] = []
    for block in blocks:
        if isinstance(block, (NumberedParagraph, SubParagraph)):
            run.append(block)
            continue
        if run:
            yield run
            run = []
        yield [block]
    if run:
        yield run


def _blocks(blocks: Sequence[Block], out: list[str]) -> None:
    for run in _runs(blocks):
        first = run[0]
        if isinstance(first, Paragraph):
            out.append(f"<p>{_e(first.text)}</p>")
        elif isinstance(first, BulletList):
            out.append("<ul>")
            out.extend(f"<li>{_e(item)}</li>" for item in first.items)
            out.append("</ul>")
        else:
            number = first.number if isinstance(first, NumberedParagraph) else 1
            out.append(f'<ol start="{number}">' if number != 1 else "<ol>")
            for item in run:
                assert isinstance(item, (NumberedParagraph, SubParagraph))
                # an empty first paragraph keeps a following paragraph from becoming the item's text
                empty = not item.text and item.blocks and isinstance(item.blocks[0], Paragraph)
                out.append("<li><p></p>" if empty else f"<li>{_e(item.text)}")
                _blocks(item.blocks, out)
                out.append("</li>")
            out.append("</ol>")


def _section(section: Section, out: list[str]) -> None:
    if section.heading is not None:
        out.append(f"<h{section.level}>{_e(section.heading)}</h{section.level}>")
    _blocks(section.blocks, out)


def _back_to_top(out: list[str]) -> None:
    out.append(f'<p class="back-to-top"><a href="#top">{BACK_TO_TOP}</a></p>')


def _article(d: Decision) -> str:
    out = ['<article class="decision">', '<header class="decision-header">']
    title = title_line(d)
    if title is not None:
        out.append(f"<h1>{_e(title)}</h1>")
    for label, value in header_fields(d):
        out.append(
            f'<p class="decision-field"><span class="label">{label} :</span> <span class="value">{_e(value)}</span></p>'
        )
    out.append("</header>")
    out.append('<div class="decision-statement">')
    out.append(f'<p class="final-decision"><strong>{_e(MARKER)}</strong></p>')
    if d.summary is not None:
        out.append(f'<p class="summary"><strong>{SUMMARY}</strong> {_e(d.summary)}</p>')
    for i, section in enumerate(d.sections):
        if i and section.level <= 2:
            _back_to_top(out)
        _section(section, out)
    if d.sections:
        _back_to_top(out)
    if d.compliance is not None:
        out.append(f'<p class="compliance">{_e(d.compliance.text)}</p>')
    if d.decided_by is not None:
        out.append(f'<p class="decided-by">{_e(d.decided_by)}</p>')
    out.append("</div>")
    out.append("</article>")
    return "\n".join(out)


def _page(d: Decision, article: str) -> str:
    title = title_line(d) or "Decision"
    crumbs = ['<li><a href="/">Home</a></li>', '<li><a href="/decisions">Decisions</a></li>']
    if d.category is not None:
        crumbs.append(f'<li><a href="/decisions">{_e(d.category.area)}</a></li>')
    crumbs.append(f'<li><a href="#top">{_e(d.reference or title)}</a></li>')
    cookie = [f"<{tag}>{_e(text)}</{tag}>" for tag, text in _COOKIE_DIALOG]
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en-GB">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{_e(title)} - Local Government and Social Care Ombudsman</title>",
            "<style>.cookie-banner{position:fixed;bottom:0}</style>",
            "<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}</script>",
            "</head>",
            '<body id="top">',
            '<p class="skip"><a href="#main">Skip to main content</a></p>',
            '<header class="site-header">',
            '<a href="/"><img src="/images/logo.svg" alt="LGO logogram"></a>',
            '<form action="/decisions/search" method="get" role="search"><label for="q">Search decisions</label>'
            '<input id="q" name="q" type="search"><button type="submit">Search</button></form>',
            '<nav aria-label="Main"><ul><li><a href="/">Home</a></li><li><a href="/make-a-complaint">Make a '
            'complaint</a></li><li><a href="/decisions">Decisions</a></li><li><a href="/contact-us">Contact us'
            "</a></li></ul></nav>",
            "</header>",
            f'<nav class="breadcrumb" aria-label="Breadcrumb"><ol>{"".join(crumbs)}</ol></nav>',
            '<main id="main">',
            article,
            '<p class="print"><a href="javascript:window.print()">Print this page</a></p>',
            "</main>",
            '<footer class="site-footer">',
            "<p>Local Government and Social Care Ombudsman, PO Box 4771, Coventry CV4 0EH</p>",
            '<ul><li><a href="/accessibility">Accessibility</a></li>'
            '<li><a href="/privacy">Privacy notice</a></li></ul>',
            "</footer>",
            '<div class="feedback" role="dialog" aria-label="Feedback"><p>Was this page useful?</p></div>',
            '<div class="cookie-banner" id="cookie-settings">',
            '<p><img src="/images/logo.svg" alt="LGO logogram"></p>',
            *cookie,
            "</div>",
            '<script src="/scripts/site.js"></script>',
            "</body>",
            "</html>",
            "",
        ]
    )


def render_html(decision: Decision, *, page: bool = False) -> str:
    """Write a decision as the site's statement markup: an ``<article>``, or a whole page.

    The article holds the title (``<h1>Organisation (reference)</h1>``), the header fields as
    label/value pairs, the final-decision marker, the ``Summary:`` paragraph, ``<h2>``/``<h3>``
    headings by section level, ``<ol start=N>`` numbered paragraphs with nested ``<ol>``
    sub-paragraphs, ``<ul>`` bullets, continuation ``<p>`` inside list items and the closing
    line. ``page=True`` wraps it in a whole page with navigation, footer and cookie dialog.
    Raises :class:`~lgo_decisions.errors.RenderError` for what cannot be written faithfully.

    >>> from lgo_decisions import read_html, read_text
    >>> d = read_text("Kent County Council (23 008 522)\\nDecision : Upheld\\nThe complaint\\n- Text.")
    >>> read_html(render_html(d, page=True)) == d
    True
    """
    html = _write(decision, page=page)
    _verify(decision, html)
    return html


def _write(decision: Decision, *, page: bool = False) -> str:
    """Writing alone (with the writer's own checks), not yet verified by reading back."""
    _check(decision)
    html = _article(decision)
    return _page(decision, html) if page else html


class HtmlWriter:
    """The ``html`` writer for the registry (:mod:`lgo_decisions.writers`): whole pages.

    >>> from lgo_decisions import Decision
    >>> page = HtmlWriter().render(Decision(reference="20 007 417"))
    >>> page.startswith("<!DOCTYPE html>"), "20 007 417" in page
    (True, True)
    """

    name = NAME
    suffix = ".html"

    def render(self, decision: Decision) -> str:
        """A whole page (:func:`render_html` with ``page=True``)."""
        return render_html(decision, page=True)


WRITER = HtmlWriter()
"""The registered ``html`` writer."""
