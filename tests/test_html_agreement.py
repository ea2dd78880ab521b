"""The HTML and text readers agree: the same statement as text and as HTML from independent
producers (this library's writer, with and without page chrome, and Python-Markdown fed a
Markdown rendition) reads to equal decisions; and the HTML round trip holds for every decision
the strategies generate (or the writer refuses it with RenderError)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import markdown
import pytest
from hypothesis import assume, given

from lgo_decisions import Decision, RenderError, read_html, read_text, render_html
from lgo_decisions.model import Block, BulletList, NumberedParagraph, Paragraph, SubParagraph
from lgo_decisions.testing.strategies import decisions
from tests.seeds import COMPACT, SPACED, seed

SEEDS = SPACED + COMPACT
_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}])")
_MD_LEADING = re.compile(r"^(\d+)\.(\s)|^([#+>-])")


def _md(text: str) -> str:
    """Escape text for Markdown: inline specials, HTML and anything that starts a block."""
    text = _MD_SPECIAL.sub(r"\\\1", text).replace("&", "&amp;").replace("<", "&lt;")
    return _MD_LEADING.sub(lambda m: f"{m.group(1)}\\.{m.group(2)}" if m.group(1) else f"\\{m.group(3)}", text)


def _md_blocks(blocks: tuple[Block, ...], indent: str, out: list[str]) -> None:
    prev: Block | None = None
    for block in blocks:
        if (
            prev is not None
            and not isinstance(prev, Paragraph)
            and not isinstance(block, Paragraph)
            and isinstance(block, BulletList) != isinstance(prev, BulletList)
        ):
            out += [indent + "<!-- -->", ""]  # Markdown would run two different lists together
        prev = block
        if isinstance(block, Paragraph):
            out += [indent + _md(block.text), ""]
        elif isinstance(block, BulletList):
            out += [f"{indent}- {_md(item)}" for item in block.items] + [""]
        elif isinstance(block, (NumberedParagraph, SubParagraph)):
            out += [f"{indent}{block.number}. {_md(block.text)}", ""]
            _md_blocks(block.blocks, indent + "    ", out)


def to_markdown(d: Decision) -> str:
    """A Markdown rendition of a decision, as someone converting a statement by hand would write it."""
    out: list[str] = []
    if d.reference is not None:
        title = f"{d.organisations[0].name} ({d.reference})" if d.organisations else d.reference
        out += [f"# {_md(title)}", ""]
    if d.category is not None:
        subject = f" > {d.category.subject}" if d.category.subject else ""
        out += [_md(f"Category : {d.category.area}{subject}"), ""]
    if d.outcome is not None:
        out += [_md(f"Decision : {d.outcome.label}"), ""]
    if d.decision_date is not None:
        out += [f"Decision date : {d.decision_date:%d %b %Y}", ""]
    out += ["**The Ombudsman's final decision:**", ""]
    if d.summary is not None:
        out += [f"**Summary:** {_md(d.summary)}", ""]
    for section in d.sections:
        if section.heading is not None:
            out += ["#" * section.level + " " + _md(section.heading), ""]
        _md_blocks(section.blocks, "", out)
    if d.compliance is not None:
        out += [_md(d.compliance.text), ""]
    if d.decided_by is not None:
        out += [_md(d.decided_by), ""]
    return "\n".join(out)


@pytest.mark.parametrize("stem", SEEDS)
@pytest.mark.parametrize("page", [False, True])
def test_seed_pages_from_our_writer_read_as_the_text(stem: str, page: bool) -> None:
    want = read_text(seed(stem))
    html = render_html(want, page=page)
    assert read_html(html) == want
    assert read_html(html.encode("utf-8")) == want
    assert read_html(html.encode("cp1252", errors="strict").replace(b"utf-8", b"windows-1252")) == want


@pytest.mark.parametrize("stem", SEEDS)
def test_seed_pages_from_python_markdown_read_as_the_text(stem: str) -> None:
    want = read_text(seed(stem))
    html = markdown.markdown(to_markdown(want))
    assert "<ol>" in html
    assert "<h2>" in html
    assert read_html(html) == want
    page = (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'></head><body><nav><a href='/'>Home</a></nav>"
        f"<main>{html}</main><footer><p>Print this page</p></footer></body></html>"
    )
    assert read_html(page) == want


@pytest.mark.parametrize("stem", SPACED)
def test_spaced_seed_text_with_its_page_chrome_reads_as_our_page(stem: str) -> None:
    # the spaced seeds are whole-page dumps (footer and cookie dialog included)
    d = read_text(seed(stem))
    assert read_html(render_html(d, page=True)) == d
    assert render_html(read_html(render_html(d)), page=False) == render_html(d)  # idempotent


@pytest.fixture(scope="module")
def dev_rows(shared_dir: Path) -> list[dict[str, object]]:
    path = shared_dir / "corpus" / "dev.jsonl"
    if not path.is_file():
        pytest.skip(f"no development corpus at {path}")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_dev_corpus_pages_read_as_their_texts(dev_rows: list[dict[str, str]]) -> None:
    failures = []
    for row in dev_rows:
        url, text = row["url"], row["text"]
        want = read_text(text, url=url)
        for page in (True, False):
            html = render_html(want, page=page)
            if read_html(html, url=url) != want:
                failures.append((url, page))
            if read_html(html.encode("utf-8"), url=url) != want:
                failures.append((url, "bytes"))
    assert failures == []
    assert len(dev_rows) > 50


def test_dev_corpus_through_python_markdown(dev_rows: list[dict[str, str]]) -> None:
    failures = [
        row["url"]
        for row in dev_rows
        if read_html(markdown.markdown(to_markdown(d := read_text(row["text"], url=row["url"]))), url=row["url"]) != d
    ]
    assert failures == []


@given(decisions(readable=True))
def test_round_trip_of_readable_decisions(d: Decision) -> None:
    assert read_html(render_html(d), url=d.url) == d
    assert read_html(render_html(d, page=True), url=d.url) == d


@given(decisions())
def test_any_decision_round_trips_or_is_refused(d: Decision) -> None:
    """Never silent corruption: either the page reads back equal, or RenderError says why."""
    for page in (False, True):
        try:
            html = render_html(d, page=page)
        except RenderError as exc:
            message = str(exc)
        else:
            assert read_html(html, url=d.url) == d
            continue
        assert message  # names what cannot be written


def _empty_items(blocks: tuple[Block, ...]) -> bool:
    return any(
        isinstance(b, (NumberedParagraph, SubParagraph)) and (not b.text or _empty_items(b.blocks)) for b in blocks
    )


@given(decisions(readable=True))
def test_markdown_rendition_of_readable_decisions(d: Decision) -> None:
    assume(not any(_empty_items(s.blocks) for s in d.sections))  # Markdown has no empty list item text
    html = markdown.markdown(to_markdown(d))
    assert read_html(html, url=d.url) == d
