"""The one builder: turns any reader's token stream into a :class:`~lgo_decisions.model.Decision`.

It owns the statement's structure, so that every reader agrees: sections and heading levels,
statement-wide paragraph numbers (text dumps restart each list at ``1.``), sub-paragraphs,
bullet lists, continuation paragraphs, the summary, the closing line, and the diagnostics.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import attrs

from ._fields import read_compliance, read_head
from ._limits import MAX_NESTING
from ._parts import (
    Bullets,
    Item,
    OpenSection,
    Part,
    continues_list,
    freeze,
    heading_levels,
    new_thought,
    one_sentence,
    starts_lower,
    summary_from_section,
)
from ._tokens import Kind, Kinds, Token
from ._vocabulary import BULLET_SECTIONS, FOOTER_START, REMEDY_SECTIONS, key
from .errors import NotADecisionError, ParseError
from .model import (
    Decision,
    Diagnostic,
    Paragraph,
    Section,
    Source,
)

__all__ = ["build"]

_OUTSIDE = frozenset({Kinds.HEADING, Kinds.NUMBERED, Kinds.BULLET, Kinds.ITEM, Kinds.PARAGRAPH})  # text kinds
_HELD = _OUTSIDE | {Kinds.BOUNDARY}  # held before the first title, header or marker: page text if one comes
_ANCHORS = frozenset({Kinds.TITLE, Kinds.HEADER, Kinds.MARKER})
_UNSEEN = frozenset(
    {Kinds.TOC, Kinds.CHROME, Kinds.RULE, Kinds.BOUNDARY, Kinds.OUTSIDE}
)  # kinds that set no "previous token"


class _Builder:
    def __init__(self, url: str | None, strict: bool, source: Source | None) -> None:
        self.url = url
        self.strict = strict
        self.source = source
        self.diagnostics: list[Diagnostic] = []
        self.title: Token | None = None
        self.headers: dict[str, Token] = {}
        self.marker = False
        self.summary: str | None = None
        self.summary_labelled = False
        self.decided_by: str | None = None
        self.sections: list[OpenSection] = []
        self.stack: list[Item] = []
        self.bullets: Bullets | None = None
        self.counter = 0
        self.body = False
        self.has_rules = False  # a "Back to top" rule has been seen: headings between rules are level 3
        self.after_rule = False
        self.held: list[Token] | None = []  # tokens before the first title, header or marker (None: no more)
        self.inferred_nesting = False
        self.prev: Token | None = None
        self.run_open = False  # a paragraph ended with ':' and "- " items may be its bullets
        self.last_bullet: str | None = None
        self.prelude: list[Token] = []
        self.remedy_lead = False  # a remedy section's lead-in ended with ":": unmarked lines are its items
        self.compliance: Token | None = None
        self.after: list[Token] = []  # text after the closing line or the page footer: outside the statement
        self.furniture: list[Token] = []  # prose the page shows outside the statement (an <aside>, a <footer>)
        self.footer = False
        self.headed = False
        self.toc: list[Token] = []

    # -- helpers -------------------------------------------------------------------------
    def note(self, code: str, message: str, token: Token | None = None, *, line: int | None = None) -> None:
        if token is not None:
            line = token.line
        if self.strict:
            where = token.where if token is not None else None
            raise ParseError(message, source=self.source.name if self.source else None, line=line, element=where)
        self.diagnostics.append(Diagnostic(code=code, message=message, line=line))

    def section(self) -> OpenSection:
        if not self.sections:
            self.sections.append(OpenSection(heading=None, level=2))
        return self.sections[-1]

    def close_items(self) -> None:
        self.stack.clear()
        self.bullets = None
        self.inferred_nesting = False
        self.run_open = False
        self.remedy_lead = False
        self.last_bullet = None

    def container(self) -> list[Part]:
        return self.stack[-1].blocks if self.stack else self.section().blocks

    # -- tokens --------------------------------------------------------------------------
    def feed(self, tok: Token) -> None:
        if self.held is not None:
            kind = tok.kind
            if kind in _HELD:
                self.held.append(tok)
                return
            if kind in _ANCHORS:  # the statement begins: what came before is page text
                self.prelude.extend(t for t in self.held if t.kind is not Kinds.BOUNDARY)
                self.held = None
            elif kind is Kinds.SUMMARY or kind is Kinds.CLOSING:  # it began without a title
                self.release()
        elif (self.decided_by is not None or self.footer) and tok.kind in _OUTSIDE:
            self.after.append(tok)  # after the closing line or the footer: not the statement's
            return
        handler, seen = _DISPATCH[tok.kind._value_]  # (by the value: an Enum hashes in Python)
        handler(self, tok)
        if seen:
            self.after_rule = False  # a rule makes the one heading after it level 2
            self.prev = tok

    def release(self) -> None:
        """Feed the held tokens as they are (the statement began without a title, header or marker)."""
        held, self.held = self.held or [], None
        for tok in held:
            self.feed(tok)

    def _toc(self, tok: Token) -> None:
        self.toc.append(tok)

    def _chrome(self, tok: Token) -> None:
        if tok.name == "cut short":  # (kept outside the statement: it may be more than chrome)
            self.note("cut_short", f"the input ends inside a line of page chrome: {tok.text!r}", tok)
            self.after.append(tok)
        elif not self.footer and self.title is not None and key(tok.text) in FOOTER_START:
            self.footer = True

    def _compliance(self, tok: Token) -> None:
        if self.compliance is None:
            self.close_items()
            self.compliance = tok
        else:
            self._paragraph(attrs.evolve(tok, kind=Kinds.PARAGRAPH))

    def _rule(self, tok: Token) -> None:
        self.has_rules = self.after_rule = True
        self.close_items()
        self.prev = tok

    def _boundary(self, tok: Token) -> None:
        self.close_items()  # the input shows a list or block ended: what follows is outside it

    def _title(self, tok: Token) -> None:
        if self.title is None and not self.body:
            self.title = tok
            return
        if self.title is not None and key(tok.text) == key(self.title.text):
            self.note("repeated_title", f"title line repeated: {tok.text!r}", tok)
            return
        self._paragraph(attrs.evolve(tok, kind=Kinds.PARAGRAPH))

    def _header(self, tok: Token) -> None:
        name = key(tok.name or "")
        if self.sections or name in self.headers:
            if name in self.headers and not self.sections:
                self.note("duplicate_header", f"{tok.name} given twice; the first is kept", tok)
            self._paragraph(attrs.evolve(tok, kind=Kinds.PARAGRAPH, text=f"{tok.name} : {tok.text}"))
            return
        if not tok.text.strip():
            self.note("empty_header", f"the header label {tok.name!r} has no value (a page cut short?)", tok)
        self.headers[name] = tok

    def _marker(self, tok: Token) -> None:
        if self.marker or self.sections:
            self._paragraph(attrs.evolve(tok, kind=Kinds.PARAGRAPH))
            return
        self.marker = True
        self.body = True

    def _summary(self, tok: Token) -> None:
        if self.summary is None:
            self.summary = tok.text
            self.summary_labelled = True
            self.body = True
            return
        self._paragraph(attrs.evolve(tok, kind=Kinds.PARAGRAPH, text=f"Summary: {tok.text}"))

    def _heading(self, tok: Token) -> None:
        opens = self.after_rule or not self.headed
        self.body = self.headed = True
        self.close_items()
        self.sections.append(OpenSection(heading=tok.text, level=tok.level, opens=opens))

    def _closing(self, tok: Token) -> None:
        self.body = True
        if tok.name == "cut short":
            self.note("cut_short", f"the input ends inside its closing line: {tok.text!r}", tok)
        if self.decided_by is None:
            self.close_items()
            self.decided_by = tok.text
            return
        self._paragraph(attrs.evolve(tok, kind=Kinds.PARAGRAPH))

    def _paragraph(self, tok: Token) -> None:
        if self.title is None and not self.body and not self.headers:
            self.prelude.append(tok)  # text before the title: kept, never the summary
            return
        self.body = True
        text = tok.text
        if self.remedy_lead and not self.stack:
            self._add_bullet(text)  # a remedy's line after "the council has agreed to:" (markers lost)
            return
        self.bullets = None
        if self.stack:
            self.stack[-1].blocks.append(Paragraph(text=text))
            self.run_open = False
            return
        if not self.sections and self.summary is None and not self.marker and self.decided_by is None:
            # Older statements and reports: an unlabelled summary opens the page.
            self.summary = text
            return
        section = self.section()
        section.blocks.append(Paragraph(text=text))
        self.run_open = text.rstrip().endswith(":")
        self.remedy_lead = self.run_open and section.heading is not None and key(section.heading) in REMEDY_SECTIONS
        self.last_bullet = None

    def _numbered(self, tok: Token) -> None:
        self.body = True
        depth = tok.depth if tok.depth > 0 else 0
        prev = self.prev
        if depth == 0 and tok.number is not None and self.stack:
            top = self.stack[0]
            if self.inferred_nesting:
                if tok.number == 1:
                    self.inferred_nesting = False
                else:
                    depth = 1
            elif (
                tok.number == 1
                and prev is not None
                and prev.kind is Kinds.NUMBERED
                and prev.depth == 0
                and len(self.stack) == 1
                and top.text.rstrip().endswith(":")
            ):
                # A list dumped flat: "2. Mrs B says:" then "1. ...", "2. ..." is its sub-list.
                self.inferred_nesting = True
                depth = 1
        self._add_item(depth, tok.text, tok)

    def _add_item(self, depth: int, text: str, tok: Token | None = None) -> None:
        stack = self.stack
        while stack and stack[-1].depth >= depth:
            stack.pop()
        if depth > 0:  # (no deeper than one below the items still open: 0 when none is)
            depth = min(depth, len(stack))
            if depth > MAX_NESTING:  # keeps freezing, rendering and serialising within the recursion limit
                message = f"list items nested deeper than {MAX_NESTING} levels kept at that depth"
                self.note("nesting_too_deep", message, tok)
                depth = MAX_NESTING
                del stack[depth:]
        if depth <= 0:
            self.counter += 1
            item = Item(depth=0, number=self.counter, text=text)
            (self.sections[-1] if self.sections else self.section()).blocks.append(item)
        else:
            parent = stack[-1]
            parent.children += 1
            item = Item(depth=depth, number=parent.children, text=text)
            parent.blocks.append(item)
        stack.append(item)
        self.bullets = None
        self.remedy_lead = False
        self.run_open = text.rstrip().endswith(":")
        self.last_bullet = None

    def _bullet(self, tok: Token) -> None:
        self.body = True
        while self.stack and self.stack[-1].depth > tok.depth:
            self.stack.pop()
        self._add_bullet(tok.text)

    def _add_bullet(self, text: str) -> None:
        container = self.container()
        if self.bullets is None or not (container and container[-1] is self.bullets):
            # a new list, also when the open one belongs to a sub-paragraph left behind
            self.bullets = Bullets()
            container.append(self.bullets)
        self.bullets.items.append(text)
        self.last_bullet = text

    def _item(self, tok: Token) -> None:
        self.body = True
        text = tok.text
        heading = self.sections[-1].heading if self.sections else None
        if heading is not None and key(heading) in BULLET_SECTIONS:
            self._add_bullet(text)
            return
        if self.run_open or self.last_bullet is not None:
            prev = self.last_bullet
            if (
                starts_lower(text)
                or not text
                or (prev is not None and continues_list(prev))
                or (one_sentence(text) and not new_thought(prev, text))
            ):
                self._add_bullet(text)
                return
        elif starts_lower(text) and (self.stack or self.section().blocks):
            self._add_bullet(text)
            return
        self.stack.clear()
        self._add_item(0, text)

    # -- result --------------------------------------------------------------------------
    def finish(self) -> Decision:
        if self.held is not None:
            self.release()
        if (
            self.title is None
            and not self.headers
            and not self.marker
            and not self.summary_labelled
            and self.decided_by is None
        ):
            self.diagnostics.clear()
            name = self.source.name if self.source and self.source.name else "input"
            raise NotADecisionError(
                "not a decision statement: no title, header fields or decision marker found", source=name
            )
        head = read_head(self.title, self.headers, self.url, self.source.name if self.source else None)
        for code, problem, where in head.notes:
            self.note(code, problem, where)
        if self.marker and self.decided_by is None:
            self.note(
                "no_closing_line", "no closing line naming who decided: the statement may be cut short", self.prev
            )
        headings = {key(s.heading) for s in self.sections if s.heading is not None} if self.toc else set()
        unmatched = [t.text for t in self.toc if key(t.text) not in headings]
        if unmatched:
            # a contents entry with no section (a page cut short): keep it, never drop text
            self.note(
                "contents_without_section",
                f"{len(unmatched)} table-of-contents entr(y/ies) with no section: {unmatched[:3]}",
            )
            self.sections.insert(0, OpenSection(heading=None, level=2, blocks=[Bullets(items=unmatched)]))
        apart = "line(s) of unrecognised text {}, kept as outside_text"
        if self.prelude:
            self.note("text_before_title", f"{len(self.prelude)} {apart.format('before the title')}", self.prelude[0])
        if self.furniture:
            self.note("furniture_text", f"{len(self.furniture)} {apart.format('in page furniture')}", self.furniture[0])
        if self.after:
            self.note("text_after_statement", f"{len(self.after)} {apart.format('after the statement')}", self.after[0])
        if not self.headers and not self.sections:  # (a title, a marker or a closing line, and nothing else)
            self.note("no_statement_found", "no header field and no section: no statement found", self.title)
        sections = [
            Section(heading=s.heading, level=level, blocks=tuple(map(freeze, s.blocks)))
            for s, level in zip(self.sections, heading_levels(self.sections, self.has_rules), strict=True)
        ]
        summary = self.summary
        if summary is None:
            summary, sections = summary_from_section(sections)
        return Decision(
            reference=head.reference,
            organisations=head.organisations,
            category=head.category,
            outcome=head.outcome,
            decision_date=head.decision_date,
            summary=summary,
            sections=tuple(sections),
            decided_by=self.decided_by,
            compliance=read_compliance(self.compliance.text) if self.compliance is not None else None,
            url=self.url,
            outside_text=[t.text for t in (*self.prelude, *self.furniture, *self.after) if t.text],
            source=self.source,
            diagnostics=tuple(self.diagnostics),
        )


_Handler = Callable[[_Builder, Token], None]
_HANDLERS: dict[Kind, _Handler] = {
    Kinds.TITLE: _Builder._title,
    Kinds.HEADER: _Builder._header,
    Kinds.MARKER: _Builder._marker,
    Kinds.SUMMARY: _Builder._summary,
    Kinds.HEADING: _Builder._heading,
    Kinds.NUMBERED: _Builder._numbered,
    Kinds.BULLET: _Builder._bullet,
    Kinds.ITEM: _Builder._item,
    Kinds.PARAGRAPH: _Builder._paragraph,
    Kinds.CLOSING: _Builder._closing,
    Kinds.COMPLIANCE: _Builder._compliance,
    Kinds.RULE: _Builder._rule,
    Kinds.BOUNDARY: _Builder._boundary,
    Kinds.CHROME: _Builder._chrome,
    Kinds.TOC: _Builder._toc,
    Kinds.OUTSIDE: lambda b, tok: b.furniture.append(tok),  # prose of the page's furniture
}
"""What the builder does with each kind of token (a test checks that every kind is here)."""
_DISPATCH: dict[str, tuple[_Handler, bool]] = {kind.value: (h, kind not in _UNSEEN) for kind, h in _HANDLERS.items()}
"""The handler of each kind by the kind's value, and whether the token counts as the previous one."""


def build(
    tokens: Iterable[Token],
    *,
    url: str | None = None,
    strict: bool = False,
    source: Source | None = None,
    diagnostics: Iterable[Diagnostic] = (),
) -> Decision:
    """Assemble a decision from a token stream, consumed once, in order (an iterator is fine).

    ``diagnostics`` are what the reader noted before the stream (its input preparation). Raises
    :class:`~lgo_decisions.errors.NotADecisionError` when the stream holds no title,
    header field, decision marker, summary label or closing line, and (with ``strict``)
    :class:`~lgo_decisions.errors.ParseError` at the first thing it would otherwise only note.

    >>> from lgo_decisions.plugin import Kind, Token
    >>> d = build([
    ...     Token(kind=Kinds.TITLE, text="Kent County Council (23 008 522)",
    ...           organisation="Kent County Council", reference="23 008 522"),
    ...     Token(kind=Kinds.HEADER, name="decision", text="Upheld"),
    ...     Token(kind=Kinds.HEADING, text="The complaint"),
    ...     Token(kind=Kinds.NUMBERED, text="Mr X complained."),
    ...     Token(kind=Kinds.NUMBERED, text="He says the Council delayed.", depth=1),
    ... ])
    >>> d.reference, d.outcome.code.value, d.sections[0].heading
    ('23 008 522', 'upheld', 'The complaint')
    >>> d.sections[0].blocks[0].number, d.sections[0].blocks[0].blocks[0].text
    (1, 'He says the Council delayed.')
    """
    b = _Builder(url, strict, source)
    for d in diagnostics:  # (kept as the reader made them, its severity too; strict mode raises)
        if strict:
            b.note(d.code, d.message, line=d.line)
        b.diagnostics.append(d)
    feed = b.feed
    for tok in tokens:
        feed(tok)
    return b.finish()
