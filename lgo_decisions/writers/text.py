"""The text writer: a decision in the canonical spaced layout, which the text reader reads back equal.

The layout is that of the saved statement pages (seeds 000, 001, 004) without page chrome: the
title line, header fields, the decision marker, ``Summary: ...``, the sections with their headings,
``  N. `` numbered paragraphs (statement-wide numbers), ``      k. `` sub-paragraphs, ``    • ``
bullets, unindented continuation paragraphs, ``Back to top`` before each level-2 heading after the
first (and after the last section), and the closing line.

The address is not part of the text: read the rendering back with the decision's ``url``
(``read_text(render_text(d), url=d.url) == d``). What the layout cannot hold (extensions, heading
levels other than 2 and 3, a paragraph whose text reads as a list item, ...) raises
:class:`~lgo_decisions.errors.RenderError` naming the place; nothing is written that would read
back different.

>>> from lgo_decisions import Decision, read_text
>>> from lgo_decisions.model import NumberedParagraph, Section
>>> d = Decision(reference="20 007 417", summary="We will not investigate.",
...              sections=[Section(heading="The complaint",
...                                blocks=[NumberedParagraph(number=1, text="Mr X complains.")])],
...              decided_by="Investigator's decision on behalf of the Ombudsman")
>>> print(render_text(d))
20 007 417
<BLANKLINE>
The Ombudsman's final decision:
<BLANKLINE>
Summary: We will not investigate.
<BLANKLINE>
The complaint
<BLANKLINE>
  1. Mr X complains.
<BLANKLINE>
Back to top
<BLANKLINE>
Investigator's decision on behalf of the Ombudsman
<BLANKLINE>
>>> read_text(render_text(d)) == d
True

The guarantee costs far less than a full read-back: the writer proves what the reader would make
of its lines and reads back in full only what it cannot prove (see :mod:`lgo_decisions.writers._checks`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .._classify import Form
from .._decoding import CONTROL_CHARACTERS
from .._fields import read_compliance
from .._limits import MAX_NESTING, MAX_SHORT_LINE
from .._tokens import Kind, Token
from .._vocabulary import CLOSING, is_heading_text, key
from ..errors import RenderError
from ..model import (
    Block,
    BulletList,
    Decision,
    NumberedParagraph,
    Paragraph,
    Section,
    SubParagraph,
)
from ..readers.text import read_text, tokenize
from ._checks import BLOCKS, WrittenLine, proved, record_problems
from ._common import BACK_TO_TOP, MARKER, SUMMARY, header_fields, title_line

__all__ = ["WRITER", "TextWriter", "render_text"]

NAME = "text"
RULE = BACK_TO_TOP
_MAX_NUMBER = 999  # the text reader's list markers have at most three digits
_LISTED = (Form.NUMBERED, Form.BULLET)
_FIELDS = {"Category": "category", "Decision": "outcome", "Decision date": "decision_date"}  # (where)
_SURROGATE = re.compile(r"[\ud800-\udfff]")  # the reader replaces lone surrogates


class _Writer:
    def __init__(self, decision: Decision) -> None:
        self.d = decision
        self.lines: list[WrittenLine] = []
        self.plain: list[WrittenLine] = []  # the lines but list lines and rules: what the proof classifies
        self.exact = type(decision) is Decision  # False: something the proof in _verify does not cover
        self.counter = 0  # the statement-wide number of the last numbered paragraph

    # -- helpers -------------------------------------------------------------------------
    def fail(self, where: str, problem: str) -> RenderError:
        ref = f" {self.d.reference}" if self.d.reference else ""
        return RenderError(f"cannot write decision{ref} as text: {where}: {problem}")

    def check(self, text: str, where: str) -> str:
        """A text that must sit on one line as it is (the reader strips lines, splits at line breaks)."""
        if not text:
            raise self.fail(where, "the text is empty, and an empty line reads as nothing")
        if "\n" in text or "\r" in text:
            raise self.fail(where, f"the text spans several lines: {_short(text)!r}")
        if CONTROL_CHARACTERS.search(text):
            raise self.fail(where, f"the text holds control characters, which the reader removes: {_short(text)!r}")
        if not text.isascii() and _SURROGATE.search(text):
            raise self.fail(where, f"the text holds a lone surrogate, which the reader replaces: {_short(text)!r}")
        if text != text.strip():
            raise self.fail(
                where, f"the text begins or ends with white space, which the reader strips: {_short(text)!r}"
            )
        return text

    def add(
        self,
        text: str,
        kind: Kind,
        content: str,
        where: str,
        form: Form = Form.TEXT,
        depth: int = 0,
        number: int | None = None,
        name: str | None = None,
    ) -> None:
        line = WrittenLine(text, kind, content, where, form, depth, number, name)
        self.lines.append(line)
        if form is not Form.NUMBERED and form is not Form.BULLET and kind is not Kind.RULE:
            self.plain.append(line)

    # -- the page ------------------------------------------------------------------------
    def write(self) -> str:
        d = self.d
        for field, problem in record_problems(d):
            raise self.fail(field, problem)
        self.title()
        self.headers()
        self.add(MARKER, Kind.MARKER, MARKER, "the decision marker")
        if d.summary is not None:
            text = self.check(d.summary, "summary")
            self.add(f"{SUMMARY} {text}", Kind.SUMMARY, text, "summary")
        self.sections(d.sections)
        if d.compliance is not None:
            text = self.check(d.compliance.text, "compliance.text")
            if read_compliance(text) != d.compliance:
                raise self.fail("compliance", f"{_short(text)!r} does not read as this compliance line and its date")
            self.add(text, Kind.COMPLIANCE, text, "compliance")
        if d.decided_by is not None:
            text = self.check(d.decided_by, "decided_by")
            if len(text) > MAX_SHORT_LINE or not CLOSING.search(key(text)):
                raise self.fail(
                    "decided_by",
                    f"{_short(text)!r} does not read as a closing line (such as "
                    '"Investigator\'s decision on behalf of the Ombudsman")',
                )
            self.add(text, Kind.CLOSING, text, "decided_by")
        out = []
        item = bare = False
        for line in self.lines:
            was, item = item, line.form in _LISTED
            if bare and not item:
                self.exact = False  # the reader looks for a bare bullet's text on the next row
            bare = item and not line.content and line.form is Form.BULLET
            out.append("\n" if was and item else "\n\n")
            out.append(line.text)
        out[0] = ""
        out.append("\n")
        return "".join(out)

    def title(self) -> None:
        d = self.d
        if d.organisations:
            self.check(d.organisations[0].name, "organisations[0].name")
        line = title_line(d)
        if line is not None:  # (an organisation without a reference is one of record_problems)
            self.add(line, Kind.TITLE, line, "the title line")

    def headers(self) -> None:
        d = self.d
        if d.category is not None:
            self.check(d.category.area, "category.area")
            if d.category.subject is not None:
                self.check(d.category.subject, "category.subject")
        if d.outcome is not None:
            self.check(d.outcome.label, "outcome.label")
        for label, text in header_fields(d):
            self.add(f"{label} : {text}", Kind.HEADER, text, _FIELDS[label], name=label)

    # -- the body ------------------------------------------------------------------------
    def sections(self, sections: Sequence[Section]) -> None:
        headed = False
        for i, section in enumerate(sections):
            where = _section_name(i, section)
            if type(section) is not Section:
                self.exact = False
            if section.heading is None:
                if i:
                    raise self.fail(
                        where,
                        "a section without a heading can only come first (the text "
                        "before any heading); here it would join the section before it",
                    )
                if not section.blocks:
                    raise self.fail(where, "a first section without a heading or blocks reads as nothing")
                if section.level != 2:
                    raise self.fail(where, f"the text before any heading reads as level 2, not {section.level}")
            else:
                heading = self.check(section.heading, where + " heading")
                if section.level not in (2, 3):
                    raise self.fail(where, f"the text layout shows heading levels 2 and 3, not {section.level}")
                if not headed and section.level != 2:
                    raise self.fail(where, "the first heading reads as level 2, not 3")
                if headed and section.level == 2:
                    self.add(RULE, Kind.RULE, RULE, where)
                if (
                    self.d.summary is None
                    and key(heading) == "summary"
                    and section.blocks
                    and isinstance(section.blocks[0], Paragraph)
                ):
                    raise self.fail(
                        where, 'without a summary, the first paragraph under a "Summary" heading reads as the summary'
                    )
                self.add(heading, Kind.HEADING, heading, where + " heading")
                headed = True
            self.section_blocks(section.blocks, where)
        if headed:
            self.add(RULE, Kind.RULE, RULE, "the end of the last section")

    def section_blocks(self, blocks: Sequence[Block], where: str) -> None:
        open_items = False  # the reader holds a numbered paragraph open: what follows joins it
        open_list = False  # the reader holds a bullet list open: bullets that follow join it
        for j, block in enumerate(blocks):
            at = f"{where}, block {j + 1}"
            if type(block) not in BLOCKS:
                self.exact = False
            if isinstance(block, NumberedParagraph):
                self.item(block, 0, at)
                open_items, open_list = True, False
                continue
            if isinstance(block, SubParagraph):
                raise self.fail(
                    at,
                    "a sub-paragraph at section level (not inside a numbered paragraph) reads as a numbered paragraph",
                )
            if open_items or (open_list and isinstance(block, BulletList)):
                # "Back to top" closes the open paragraph or list and changes nothing else
                self.add(RULE, Kind.RULE, RULE, at)
            if isinstance(block, BulletList):
                self.bullets(block, 0, at)
                open_items, open_list = False, True
            else:
                self.paragraph(block, at)
                open_items = open_list = False

    def item(self, block: NumberedParagraph | SubParagraph, depth: int, where: str) -> None:
        text = self.check(block.text, where) if block.text else ""  # empty: the bare number ("  4.")
        if block.number > _MAX_NUMBER:
            raise self.fail(where, f"paragraph numbers above {_MAX_NUMBER} do not read as list markers")
        line = (" " * (2 + 4 * depth) + f"{block.number}. {text}").rstrip()
        self.add(line, Kind.NUMBERED, text, where, Form.NUMBERED, depth, block.number)
        if depth == 0:
            self.counter += 1
            self.exact = self.exact and block.number == self.counter  # the builder numbers them 1..N
        elif depth > MAX_NESTING:
            self.exact = False  # the builder keeps lists at most MAX_NESTING deep
        self.nested(block.blocks, depth, where)

    def nested(self, blocks: Sequence[Block], depth: int, where: str) -> None:
        """The blocks inside a numbered paragraph (``depth`` 0) or a sub-paragraph (``depth`` >= 1)."""
        after_sub = False
        prev: Block | None = None
        subs = 0
        for j, block in enumerate(blocks):
            at = f"{where}, nested block {j + 1}"
            if type(block) not in BLOCKS:
                self.exact = False
            if isinstance(block, NumberedParagraph):
                raise self.fail(at, "a numbered paragraph inside another reads as a sub-paragraph")
            if isinstance(block, SubParagraph):
                subs += 1
                self.exact = self.exact and block.number == subs  # the builder numbers them 1..k
                self.item(block, depth + 1, at)
                after_sub = True
            elif isinstance(block, BulletList):
                if isinstance(prev, BulletList):
                    raise self.fail(at, "two bullet lists in a row read as one list")
                self.bullets(block, depth, at)
            else:
                if after_sub:
                    raise self.fail(
                        at, "a continuation paragraph after a sub-paragraph reads as part of that sub-paragraph"
                    )
                self.paragraph(block, at)
            prev = block

    def bullets(self, block: BulletList, depth: int, where: str) -> None:
        if not block.items:
            raise self.fail(where, "an empty bullet list reads as nothing")
        indent = " " * (4 + 4 * depth)
        for k, item in enumerate(block.items):
            at = f"{where}, bullet {k + 1}"
            if item:
                self.check(item, at)
                self.add(f"{indent}\u2022 {item}", Kind.BULLET, item, at, Form.BULLET, depth)
            else:  # an empty item: the bare marker (the reader keeps it when a list line follows)
                self.add(f"{indent}\u2022", Kind.BULLET, "", at, Form.BULLET, depth)

    def paragraph(self, block: Paragraph, where: str) -> None:
        text = self.check(block.text, where)
        # Indented, a line is never a heading: a paragraph that reads like one keeps its kind.
        indented = is_heading_text(text)
        self.add(
            f"    {text}" if indented else text, Kind.PARAGRAPH, text, where, Form.PARAGRAPH if indented else Form.TEXT
        )


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "..."


def _section_name(i: int, section: Section) -> str:
    if section.heading is None:
        return f"section {i + 1} (no heading)"
    return f"section {i + 1} ({_short(section.heading)!r})"


def _same(found: Token, expected: Token) -> bool:
    if found.kind is not expected.kind or found.text != expected.text:
        return False
    if expected.kind in (Kind.NUMBERED, Kind.BULLET):
        return found.depth == expected.depth
    if expected.kind is Kind.HEADER:
        return key(found.name or "") == key(expected.name or "")
    return True


def _difference(writer: _Writer, text: str) -> tuple[str, str] | None:
    """Where and how the rendering would read back differently (for the error message)."""
    lines = writer.lines
    found = [t for t in tokenize(text) if t.kind is not Kind.CHROME]
    for line, tok in zip(lines, found, strict=False):
        expect = line.token()
        if not _same(tok, expect):
            what = tok.kind.value if tok.kind is not Kind.PARAGRAPH else "a paragraph"
            if tok.kind is expect.kind:
                what = f"{what} {_short(tok.text)!r}"
            return line.where, f"{_short(line.text.strip())!r} would read back as {what}"
    if len(found) != len(lines):
        line = lines[min(len(found), len(lines) - 1)]
        return line.where, f"the text from {_short(line.text.strip())!r} on would read back as other lines"
    return None


def _first_change(decision: Decision, back: Decision) -> tuple[str, str]:
    for field in ("reference", "organisations", "category", "outcome", "decision_date", "summary", "decided_by", "url"):
        if getattr(decision, field) != getattr(back, field):
            return field, f"it would read back as {getattr(back, field)!r}"
    for i, (a, b) in enumerate(zip(decision.sections, back.sections, strict=False)):
        if a != b:
            where = _section_name(i, a)
            if (a.heading, a.level) != (b.heading, b.level):
                return where, f"it would read back as heading {b.heading!r} at level {b.level}"
            for j, (x, y) in enumerate(zip(a.blocks, b.blocks, strict=False)):
                if x != y:
                    return f"{where}, block {j + 1}", f"it would read back as {_short(repr(y))}"
            return where, f"it would read back as {_short(repr(b))}"
    return "sections", f"the statement would read back with {len(back.sections)} sections, not {len(decision.sections)}"


def render_text(decision: Decision) -> str:
    """The decision as text in the canonical spaced layout, ending with a newline.

    Raises :class:`~lgo_decisions.errors.RenderError`, naming the section and paragraph, when a
    value cannot be written so that :func:`~lgo_decisions.read_text` (given the decision's
    ``url``) reads back an equal decision.

    >>> from lgo_decisions import Decision
    >>> from lgo_decisions.model import Paragraph, Section
    >>> render_text(Decision(reference="20 007 417", sections=[Section(heading="The complaint",
    ...             blocks=[Paragraph(text="1. Looks like a list item.")])]))
    Traceback (most recent call last):
    ...
    lgo_decisions.errors.RenderError: cannot write decision 20 007 417 as text: section 1 ('The complaint'), block 1: \
    '1. Looks like a list item.' would read back as numbered
    """
    writer, text = _write(decision)
    _verify(writer, text)
    return text


def _write(decision: Decision) -> tuple[_Writer, str]:
    """Writing alone: the writer (with its lines) and the text, not yet verified."""
    writer = _Writer(decision)
    return writer, writer.write()


def _verify(writer: _Writer, text: str) -> None:
    """The guarantee: raise unless the text reads back equal to the writer's decision.

    :func:`~lgo_decisions.writers._checks.proved` shows it for the layout's usual lines (see its
    module's docstring); what it cannot show, the full read-back decides.
    """
    if writer.exact and proved(writer.d, writer.plain, text):
        return
    decision = writer.d
    back = read_text(text, url=decision.url)
    if back != decision:  # the layout's own checks let something through: say where, never write it
        raise writer.fail(*(_difference(writer, text) or _first_change(decision, back)))


class TextWriter:
    """The ``text`` writer for the registry (:mod:`lgo_decisions.writers`).

    >>> from lgo_decisions import Decision, read_text
    >>> from lgo_decisions.model import Organisation
    >>> d = Decision(reference="20 007 417",
    ...              organisations=[Organisation(name="Kent County Council", reference="20 007 417")])
    >>> read_text(TextWriter().render(d)) == d
    True
    """

    name = NAME
    suffix = ".txt"

    def render(self, decision: Decision) -> str:
        """:func:`render_text`."""
        return render_text(decision)


WRITER = TextWriter()
"""The registered ``text`` writer."""
