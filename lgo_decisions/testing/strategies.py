"""Hypothesis strategies for every schema v1 model, for this library's tests and for plugin authors.

Each strategy generates realistic *and* awkward values: several sections and heading levels,
numbered paragraphs with sub-paragraphs, bullets and continuation paragraphs, missing optional
fields, curly quotes, en dashes, the pound sign and long texts.

Two families of values:

* ``readable=True`` keeps to decisions that the text (and HTML) writers can represent, so that
  ``read_text(render_text(d), url=d.url) == d`` must hold: single-line texts without leading or
  trailing white space, paragraphs that read as paragraphs (not as headings, list markers or
  header fields), headings that read as headings, levels 2 and 3, and so on.
* ``readable=False`` (the default of :func:`decisions`) gives any decision the schema admits,
  with arbitrary text, for serialisation round trips (dict, JSON, JSON Lines).

Numbering is always consistent: numbered paragraphs carry statement-wide numbers ``1..N`` across
the sections in order, sub-paragraphs ``1..k`` within their parent. The readers always renumber
(text dumps restart each list at ``1.``), so only such decisions can round-trip through a reader.

>>> from hypothesis import given
>>> from lgo_decisions import dumps, loads
>>> from lgo_decisions.testing.strategies import decisions
>>> @given(decisions())
... def test_json_round_trip(d):
...     assert loads(dumps(d)) == d
>>> test_json_round_trip()
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import attrs
from hypothesis import strategies as st

from .._vocabulary import CHROME_LINES, is_heading_text, key
from ..model import (
    SCHEMA_VERSION,
    Block,
    BulletList,
    Category,
    Compliance,
    Decision,
    NumberedParagraph,
    Organisation,
    Paragraph,
    Section,
    SubParagraph,
)
from ._text import (
    BULLET_ITEMS,
    CLOSING_LINES,
    HEADING_WORDS,
    MAIN_HEADINGS,
    SUB_HEADINGS,
    texts,
)
from ._values import categories, diagnostics, organisations, outcomes, references, sources

__all__ = [
    "blocks",
    "bullet_lists",
    "categories",
    "decisions",
    "diagnostics",
    "numbered_paragraphs",
    "organisations",
    "outcomes",
    "paragraphs",
    "references",
    "renumber",
    "sections",
    "sources",
    "sub_paragraphs",
    "texts",
]


def paragraphs(*, readable: bool = True, long: bool = False) -> st.SearchStrategy[Paragraph]:
    """An unnumbered paragraph (a continuation paragraph when nested in a numbered one).

    Now and then a short line that looks like a heading ("Background", "Care planning"): a
    writer must keep it a paragraph.

    >>> from hypothesis import find
    >>> find(paragraphs(), lambda p: p.text in SUB_HEADINGS).type
    'paragraph'
    """
    text = texts(readable=readable, max_sentences=3, long=long)
    if readable:
        text = st.one_of(text, text, text, text, _heading(2, False), _heading(3, False))
    return st.builds(Paragraph, text=text)


def _items(readable: bool) -> st.SearchStrategy[str]:
    if readable:
        return st.one_of(st.sampled_from(BULLET_ITEMS), texts(max_sentences=1))
    return st.text(max_size=200)


def bullet_lists(*, readable: bool = True, max_items: int = 5) -> st.SearchStrategy[BulletList]:
    """A bulleted list of one or more items (``readable=False``: possibly empty, any item text).

    >>> from hypothesis import find
    >>> len(find(bullet_lists(), lambda b: len(b.items) >= 3).items)
    3
    """
    return st.builds(BulletList, items=st.lists(_items(readable), min_size=1 if readable else 0, max_size=max_items))


@st.composite
def _nested(draw: st.DrawFn, readable: bool, depth: int, max_depth: int) -> tuple[Block, ...]:
    """The blocks inside a numbered (depth 0) or sub-paragraph (depth >= 1).

    Readable: sub-paragraphs, bullet lists and continuation paragraphs, where a continuation
    paragraph never follows a sub-paragraph (a text layout would put it inside that one) and
    two bullet lists are never adjacent (they would read as one list).
    """
    out: list[Block] = []
    for _ in range(draw(st.integers(0, 4 if depth == 0 else 2))):
        options = ["bullets", "paragraph"]
        if depth < max_depth:
            options.append("sub")
        if readable and out and isinstance(out[-1], BulletList):
            options.remove("bullets")
        if readable and any(isinstance(b, SubParagraph) for b in out) and "paragraph" in options:
            options.remove("paragraph")
        if not options:
            break
        kind = draw(st.sampled_from(options))
        if kind == "bullets":
            out.append(draw(bullet_lists(readable=readable)))
        elif kind == "paragraph":
            out.append(draw(paragraphs(readable=readable)))
        else:
            out.append(draw(sub_paragraphs(readable=readable, depth=depth + 1, max_depth=max_depth)))
    return tuple(out)


@st.composite
def sub_paragraphs(
    draw: st.DrawFn, *, number: int = 1, readable: bool = True, depth: int = 1, max_depth: int = 2
) -> SubParagraph:
    """A sub-paragraph numbered ``number`` with nested bullets, paragraphs and sub-paragraphs.

    >>> from hypothesis import find
    >>> sub = find(sub_paragraphs(number=2), lambda s: any(b.type == "sub_paragraph" for b in s.blocks))
    >>> sub.number, {b.number for b in sub.blocks if b.type == "sub_paragraph"}
    (2, {1})
    """
    return SubParagraph(
        number=number,
        text=draw(texts(readable=readable, max_sentences=3)),
        blocks=draw(_nested(readable, depth, max_depth)),
    )


@st.composite
def numbered_paragraphs(
    draw: st.DrawFn, *, number: int = 1, readable: bool = True, long: bool = False
) -> NumberedParagraph:
    """A numbered paragraph (``number``) with sub-paragraphs, bullets and continuation paragraphs.

    Use :func:`renumber` on the sections of a decision to give numbers 1..N through the statement.

    >>> from hypothesis import find
    >>> p = find(numbered_paragraphs(number=4), lambda p: any(b.type == "bullet_list" for b in p.blocks))
    >>> p.number, p.type
    (4, 'numbered_paragraph')
    """
    text = draw(texts(readable=readable, long=long))
    if draw(st.integers(0, 49)) == 0:
        text = ""  # an empty list item, as some published pages have
    return NumberedParagraph(number=number, text=text, blocks=draw(_nested(readable, 0, 2)))


def blocks(*, readable: bool = True) -> st.SearchStrategy[Block]:
    """Any block of a section: numbered paragraph, paragraph or bullet list.

    With ``readable=False`` also a sub-paragraph at section level (which no layout shows).

    >>> from hypothesis import find
    >>> find(blocks(readable=False), lambda b: b.type == "sub_paragraph").type
    'sub_paragraph'
    """
    options: list[st.SearchStrategy[Block]] = [
        numbered_paragraphs(readable=readable),
        numbered_paragraphs(readable=readable),
        paragraphs(readable=readable),
        bullet_lists(readable=readable),
    ]
    if not readable:
        options.append(sub_paragraphs(readable=False))
    return st.one_of(options)


@st.composite
def _heading(draw: st.DrawFn, level: int, known_only: bool) -> str:
    known = st.sampled_from(MAIN_HEADINGS if level == 2 else SUB_HEADINGS)
    if known_only:
        return draw(known)
    made = (
        st.lists(st.sampled_from(HEADING_WORDS), min_size=1, max_size=6)
        .map(lambda ws: " ".join(ws)[0].upper() + " ".join(ws)[1:])
        .filter(_reads_as_heading)
    )
    return draw(st.one_of(known, known, made))


def _reads_as_heading(text: str) -> bool:
    return is_heading_text(text) and key(text) not in CHROME_LINES


@st.composite
def _section_blocks(draw: st.DrawFn, readable: bool, max_blocks: int) -> tuple[Block, ...]:
    out: list[Block] = []
    for _ in range(draw(st.integers(0, max_blocks))):
        block = draw(blocks(readable=readable))
        if readable and isinstance(block, BulletList) and out and isinstance(out[-1], BulletList):
            continue  # two adjacent lists read as one
        out.append(block)
    return tuple(out)


@st.composite
def sections(
    draw: st.DrawFn,
    *,
    readable: bool = True,
    level: int | None = None,
    heading: bool = True,
    known_headings: bool = False,
    max_blocks: int = 5,
) -> Section:
    """A section: a heading (``heading=False``: none, text before any heading) and its blocks.

    Readable sections have level 2 or 3 (``level`` fixes it) and headings that read as headings;
    ``known_headings=True`` keeps to published headings (a text layout without a title line or
    header fields recognises only those). Numbers start at 1 in each section: call
    :func:`renumber` on a whole statement.

    >>> from hypothesis import find
    >>> s = find(sections(level=3, known_headings=True), lambda s: len(s.blocks) >= 2)
    >>> s.level, s.heading in SUB_HEADINGS, len(s.blocks)
    (3, True, 2)
    """
    if readable:
        lvl = level if level is not None else draw(st.sampled_from((2, 2, 3)))
        text = draw(_heading(lvl, known_headings)) if heading else None
    else:
        lvl = level if level is not None else draw(st.integers(1, 6))
        text = draw(st.one_of(st.none(), st.text(max_size=120), _heading(2, False))) if heading else None
    return Section(heading=text, level=lvl, blocks=draw(_section_blocks(readable, max_blocks)))


def _renumber_blocks(blocks: Sequence[Block], counter: list[int]) -> tuple[Block, ...]:
    out: list[Block] = []
    sub = 0
    for block in blocks:
        if isinstance(block, NumberedParagraph):
            counter[0] += 1
            block = attrs.evolve(block, number=counter[0], blocks=_renumber_blocks(block.blocks, counter))
        elif isinstance(block, SubParagraph):
            sub += 1
            block = attrs.evolve(block, number=sub, blocks=_renumber_blocks(block.blocks, counter))
        out.append(block)
    return tuple(out)


def renumber(sections: Sequence[Section]) -> tuple[Section, ...]:
    """Number paragraphs statement-wide (1..N in reading order), sub-paragraphs 1..k per parent.

    >>> s = Section(heading="The complaint", blocks=[NumberedParagraph(number=7, text="A.")])
    >>> renumber([s, s])[1].blocks[0].number
    2
    """
    counter = [0]
    return tuple(attrs.evolve(s, blocks=_renumber_blocks(s.blocks, counter)) for s in sections)


_JSON = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(2**53), 2**53),
        st.floats(allow_nan=False, allow_infinity=False),
        st.text(max_size=20),
    ),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=10), inner, max_size=3)),
    max_leaves=8,
)


def _url(reference: str, category: Category | None) -> str:
    from .._taxonomy import slugify

    area = slugify(category.area) if category else "housing"
    subject = slugify(category.subject) if category and category.subject else "allocations"
    return f"https://www.lgo.org.uk/decisions/{area}/{subject}/{reference.replace(' ', '-')}"


@st.composite
def decisions(draw: st.DrawFn, *, readable: bool = False, max_sections: int = 6, max_blocks: int = 5) -> Decision:
    """A whole decision statement with statement-wide numbering.

    ``readable=False`` (default): any decision the schema admits (arbitrary texts, levels 1-6,
    sub-paragraphs at section level, extensions, sources and diagnostics), for serialisation
    round trips. ``readable=True``: only decisions the text and HTML writers can represent, for
    ``read_text(render_text(d), url=d.url) == d``. Optional fields are often missing.

    >>> from hypothesis import find
    >>> d = find(decisions(readable=True), lambda d: len(d.paragraphs()) >= 3)
    >>> [p.number for p in d.paragraphs()][:3]
    [1, 2, 3]
    """
    reference = draw(st.one_of(st.none(), references(), references()))
    orgs: tuple[Organisation, ...] = ()
    if reference is not None and draw(st.integers(0, 4)) > 0:
        orgs = (draw(organisations(reference=reference, readable=readable)),)
    elif not readable:
        orgs = tuple(draw(st.lists(organisations(readable=False), max_size=2)))
    category = draw(st.one_of(st.none(), categories(readable=readable), categories(readable=readable)))
    outcome = draw(st.one_of(st.none(), outcomes(readable=readable), outcomes(readable=readable)))
    date = draw(
        st.one_of(
            st.none(),
            st.dates(dt.date(2010, 1, 1), dt.date(2026, 12, 31)),
            st.dates() if not readable else st.nothing(),
        )
    )
    summary = draw(
        st.one_of(st.none(), texts(readable=readable, max_sentences=3), texts(readable=readable, max_sentences=2))
    )
    titled = reference is not None or category is not None or outcome is not None or date is not None
    secs: list[Section] = []
    if draw(st.integers(0, 4)) == 0:  # text before any heading
        secs.append(
            draw(sections(readable=readable, heading=False, level=2 if readable else None, max_blocks=max_blocks))
        )
        if readable and not secs[-1].blocks:
            secs.pop()
    for i in range(draw(st.integers(0, max_sections))):
        level = 2 if readable and i == 0 else None
        sec = draw(sections(readable=readable, level=level, known_headings=not titled, max_blocks=max_blocks))
        if readable and summary is None and sec.heading is not None and sec.heading.lower() == "summary":
            continue  # a "Summary" section would give the missing summary
        secs.append(sec)
    decided_by = draw(
        st.one_of(st.none(), st.sampled_from(CLOSING_LINES), st.text(max_size=60) if not readable else st.nothing())
    )
    url = None
    if reference is not None and (category is not None or not readable) and draw(st.booleans()):
        url = _url(reference, category)
    elif not readable:
        url = draw(st.one_of(st.none(), st.text(max_size=60)))
    compliance = None  # (the writers do not write it yet: readable decisions have none)
    if not readable:
        when = st.one_of(st.none(), st.dates())
        compliance = draw(st.one_of(st.none(), st.builds(Compliance, text=st.text(max_size=60), date=when)))
    source = draw(st.one_of(st.none(), sources()))
    if source is None and reference is None and not secs:
        source = draw(sources())  # a record names its statement: a reference, sections or a source
    extensions: dict[str, Any] = {}
    if not readable:
        extensions = draw(
            st.dictionaries(st.sampled_from(("acme.tags", "org.example.links", "x.y")), _JSON, max_size=2)
        )
    return Decision(
        schema_version=SCHEMA_VERSION,
        reference=reference,
        organisations=orgs,
        category=category,
        outcome=outcome,
        decision_date=date,
        summary=summary,
        sections=renumber(secs),
        decided_by=decided_by,
        compliance=compliance,
        url=url,
        source=source,
        diagnostics=tuple(draw(st.lists(diagnostics(), max_size=2))),
        extensions=extensions,
    )
