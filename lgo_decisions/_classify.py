"""The one line classifier: what a line of a statement says, whichever reader found it.

A reader finds the lines of its medium and the layout hints the medium shows (a :class:`Line`:
its :class:`Form` and, for list items, number and depth); the :class:`Classifier` alone decides
what each line says (title, header field, final-decision marker, summary, closing line, page
chrome, heading, body text) and emits :class:`~lgo_decisions._tokens.Token` s for the builder. It
holds the statement's state once (title seen, body begun, a heading seen, a label waiting for its
value), so the text and HTML readers cannot drift apart: a line whose kind the markup does not
show reads the same from both.

>>> c = Classifier()
>>> [t.kind.value for line in ("Kent County Council (23 008 522)", "Decision : Upheld", "The complaint")
...  for t in c.classify(Line(line))]
['title', 'header', 'heading']
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from ._limits import MAX_SHORT_LINE
from ._lines import Form as Form
from ._lines import Forms as Forms
from ._lines import Line as Line
from ._tokens import Kind, Kinds, Token
from ._vocabulary import (
    BACK_TO_TOP,
    BREADCRUMB,
    CHROME_LINES,
    CLOSING,
    CLOSING_LINES,
    COMPLIANCE,
    CONTENTS_HEADINGS,
    FINAL_DECISION_MARKER,
    FOOTER_START,
    HEADER_FIELD,
    HEADER_LABELS,
    MAIN_HEADINGS,
    RULE_LINE,
    SHARE,
    SUMMARY_LABEL,
    cached_key,
    is_heading_text,
    key,
    match_title,
)

__all__ = ["Classifier", "Form", "Line", "classify", "is_contents_entry", "is_header_label", "is_known_heading"]

_CLOSING_ENDS = ("ombudsman", "ombudsmen", "decision")  # every CLOSING match ends with one of these
_SUBJECT_MARKS = (">", "\u203a", "\u00bb")  # what separates a category's area and subject
_CHROME_STARTS = ("home", "you are here", "share", *CONTENTS_HEADINGS)  # what other chrome lines begin with
_REMEMBERED, _REMEMBERED_LENGTH = 4096, 200  # (how many verdicts are remembered, for lines how long)
_Verdict = tuple[Kind, str, "str | None", "str | None", "str | None", "int | None", tuple[bool, bool, bool, bool, bool]]
_VERDICTS: dict[tuple[object, ...], _Verdict] = {}  # (bounded: memory stays flat over a corpus)
_MIN_CUT_CLOSING = 12  # a closing line cut shorter than this is too little to tell ("Investigator")


_IN_ITEMS = frozenset({Forms.NUMBERED, Forms.BULLET, Forms.ITEM, Forms.CONTINUATION})
# (module globals: identity tests on them are the classifier's hot path)
_TEXT, _PARAGRAPH, _HEADING, _EMPHASIS = Forms.TEXT, Forms.PARAGRAPH, Forms.HEADING, Forms.EMPHASIS
_NUMBERED, _BULLET, _ITEM, _CONTINUATION = Forms.NUMBERED, Forms.BULLET, Forms.ITEM, Forms.CONTINUATION
_CONTENTS, _BOUNDARY, _OUTSIDE = Forms.CONTENTS, Forms.BOUNDARY, Forms.OUTSIDE


def is_known_heading(text: str) -> bool:
    """Whether ``text`` is one of the statements' known section headings.

    >>> is_known_heading("The Ombudsman\u2019s role and powers"), is_known_heading("Care planning")
    (True, False)
    """
    return len(text) <= MAX_SHORT_LINE and key(text) in MAIN_HEADINGS


def is_header_label(text: str) -> bool:
    """Whether ``text`` is a header label alone (``Category``, ``Decision``, ``Decision date``).

    >>> is_header_label("Decision date"), is_header_label("Decision : Upheld")
    (True, False)
    """
    return len(text) <= MAX_SHORT_LINE and key(text) in HEADER_LABELS


def is_contents_entry(text: str) -> bool:
    """Whether ``text`` could be an entry of a table of contents (a known section heading).

    >>> is_contents_entry("What I found")
    True
    """
    return is_known_heading(text)


class Classifier:
    """Says what each line is, holding the statement's state; one per statement read.

    :meth:`classify` returns the tokens of one line (usually one; none while a label waits for
    its value; two when a waiting label or summary is given up); :meth:`finish` the tokens still
    waiting at the end of the input.

    >>> c = Classifier()
    >>> [(t.kind.value, t.text) for t in c.classify(Line("Summary:"))]
    []
    >>> [(t.kind.value, t.text) for t in c.classify(Line("We will not investigate."))]
    [('summary', 'We will not investigate.')]
    """

    def __init__(self) -> None:
        self.titled = False  #: the title line (or a header field) has been seen
        self.body = False  #: the statement's body has begun (no more title)
        self.headed = False  #: a section heading has been seen (no more header fields or contents)
        self.summary_seen = False
        self._summary: Token | None = None  # "Summary:" with its text still to come
        self._header: Token | None = None  # a header label with its value still to come
        self._category: Token | None = None  # a category value whose subject may follow: ">" then "Subject"
        self._subject_next = False  # the ">" has been seen
        self.footer = False  #: the page footer has begun ("Print this page" after the title)

    _verdicts: ClassVar[dict[tuple[object, ...], _Verdict] | None] = _VERDICTS  # (see _remembered)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._verdicts = (
            None  # (a subclass may read lines otherwise, by its instances' settings too: none is remembered)
        )

    STATE = ("titled", "body", "headed", "summary_seen", "footer")
    """The flags that, with the line, decide the classifier's verdict when nothing waits for a value."""

    def state(self) -> tuple[bool, ...]:
        """The classifier's state as a tuple of :attr:`STATE` (a key for cached verdicts).

        Raises ``ValueError`` while a label or summary waits for its value (no such key then).

        >>> c = Classifier()
        >>> _ = c.classify(Line("Kent County Council (23 008 522)"))
        >>> c.state()
        (True, False, False, False, False)
        """
        if self._summary is not None or self._header is not None or self._category is not None:
            raise ValueError("a label waits for its value: the state is not the flags alone")
        return tuple(getattr(self, name) for name in self.STATE)

    def restore(self, state: tuple[bool, ...]) -> None:
        """Set the flags of :meth:`state` (nothing waiting).

        >>> c = Classifier()
        >>> c.restore((True, True, False, False, False))
        >>> c.body
        True
        """
        for name, value in zip(self.STATE, state, strict=True):
            setattr(self, name, value)

    # -- waiting tokens --------------------------------------------------------------------
    def finish(self) -> list[Token]:
        """The tokens still waiting at the end of the input (a label or summary with no value).

        >>> c = Classifier()
        >>> _ = c.classify(Line("Category"))
        >>> [(t.kind.value, t.name, t.text) for t in c.finish()]
        [('header', 'Category', '')]
        """
        out = [t for t in (self._summary, self._header, self._category) if t is not None]
        self._summary = self._header = self._category = None
        return out

    def _value(self, line: Line, k: str, short: bool, out: list[Token]) -> bool:
        """Give a waiting summary or header label its value from ``line``; True when it took the line."""
        if self._summary is not None:
            pending, self._summary = self._summary, None
            if line.form not in _IN_ITEMS:
                out.append(_with_text(pending, line.raw or line.text))
                return True
            if line.raw is not None:  # a text line: the whole line, marker and all, as published
                out.append(_with_text(pending, line.raw))
                return True
            out.append(pending)
        if self._header is not None:
            pending, self._header = self._header, None
            if (
                line.form not in _IN_ITEMS
                and short
                and not HEADER_FIELD.match(line.text)
                and k not in HEADER_LABELS
                and not SUMMARY_LABEL.match(line.text)
                and not FINAL_DECISION_MARKER.match(k + ":")
            ):
                self._header_value(_with_text(pending, line.text), out)
                return True
            out.append(pending)
        return False

    def _header_value(self, tok: Token, out: list[Token]) -> None:
        """Emit a header field, holding a category without a subject for one line (a scraper's text
        splits ``Area``, ``>`` and ``Subject`` over three lines)."""
        if key(tok.name or "") == "category" and ">" not in tok.text:
            self._category = tok
        else:
            out.append(tok)

    def _subject(self, line: Line, out: list[Token]) -> bool:
        """Join a held category and its subject; True when ``line`` was part of it."""
        held, s = self._category, line.text
        assert held is not None
        if s in _SUBJECT_MARKS and not self._subject_next:
            self._subject_next = True
            return True
        for mark in _SUBJECT_MARKS:
            if s.startswith(mark + " ") and not self._subject_next:
                s = s[len(mark) :].strip()
                self._subject_next = True
                break
        self._category, next_line = None, self._subject_next
        self._subject_next = False
        if next_line and line.form not in _IN_ITEMS and s and len(s) <= MAX_SHORT_LINE:
            out.append(_with_text(held, f"{held.text} > {s}"))
            return True
        out.append(held)
        return False

    # -- lines -----------------------------------------------------------------------------
    def classify(self, line: Line) -> list[Token]:
        """The tokens of one line."""
        out: list[Token] = []
        self.feed(line, out)
        return out

    def feed(self, line: Line, out: list[Token]) -> None:
        """Append the tokens of one line to ``out`` (what :meth:`classify` returns, without a list a line)."""
        form = line.form
        s = line.text
        if self._category is not None and self._subject(line, out):
            return
        if form is _TEXT or form is _PARAGRAPH or form is _HEADING or form is _EMPHASIS:
            known = True  # (most lines: read below)
        elif form is _NUMBERED or form is _BULLET or form is _ITEM or form is _CONTINUATION:
            if self._summary is not None or self._header is not None:
                short = len(s) <= MAX_SHORT_LINE
                if self._value(line, key(s) if short else "", short, out):
                    return
            if form is _CONTINUATION:
                out.append(Token(kind=Kinds.PARAGRAPH, text=s, line=line.line, where=line.where))
            else:
                self._item(line, form, s, out)
            return
        elif form is _BOUNDARY:
            out.append(Token(kind=Kinds.BOUNDARY, line=line.line, where=line.where))
            return
        elif form is _CONTENTS:
            out.append(Token(kind=Kinds.TOC, text=s, line=line.line, where=line.where))
            return
        else:
            known = False  # (outside, or a form of no kind known here: read as text, never remembered)
        short = len(s) <= MAX_SHORT_LINE
        if form is not _OUTSIDE and self._summary is None and self._header is None:
            level = line.level  # (a level of another type, equal to an int, would read back as that int)
            if known and len(s) <= _REMEMBERED_LENGTH and not line.final and (level is None or level.__class__ is int):
                self._remembered(line, s, out)
                return
            tok = self._text(line, s, (cached_key(s) or key(s)) if short else "", short)
            if tok is not None:  # (None: a label or "Summary:" now waits for its value)
                out.append(tok)
            return
        k = (cached_key(s) or key(s)) if short else ""  # (the cached key without a call, most lines)
        if form is _OUTSIDE:
            chrome = self._chrome(line, s, k)
            out.append(chrome or Token(kind=Kinds.OUTSIDE, text=s, line=line.line, where=line.where))
            return
        if k in CHROME_LINES or self.footer or line.final or "back to top" in k or k.startswith(_CHROME_STARTS):
            chrome = self._chrome(line, s, k)  # (only for a line that may be chrome: most are not)
            if chrome is not None:
                out.append(chrome)
                return
        if self._value(line, k, short, out):
            return
        tok = self._block(line, s, k, short)
        if tok is not None:
            out.append(tok)

    def _text(self, line: Line, s: str, k: str, short: bool) -> Token | None:
        """A text line's token when nothing waits for a value (``None``: a label now waits for its value)."""
        if k in CHROME_LINES or self.footer or line.final or "back to top" in k or k.startswith(_CHROME_STARTS):
            chrome = self._chrome(line, s, k)  # (only for a line that may be chrome: most are not)
            if chrome is not None:
                return chrome
        return self._block(line, s, k, short)

    def _remembered(self, line: Line, s: str, out: list[Token]) -> None:
        """:meth:`_text` through the verdicts remembered for short lines (statements share their
        furniture: header fields, headings, chrome). A verdict, the token's fields and the flags after
        it, is a function of the line's text, form and level and of the flags before it."""
        verdicts = self._verdicts  # (None for a subclass: every line read afresh)
        # (the flags of STATE in its order, spelt out: state()'s loop of getattr costs a line a microsecond)
        state = (s, line.form, line.level, self.titled, self.body, self.headed, self.summary_seen, self.footer)
        verdict = verdicts.get(state) if verdicts is not None else None
        if verdict is not None:
            kind, text, name, organisation, reference, level, flags = verdict
            self.titled, self.body, self.headed, self.summary_seen, self.footer = flags
            out.append(
                Token(
                    kind=kind,
                    text=text,
                    level=level,
                    name=name,
                    organisation=organisation,
                    reference=reference,
                    line=line.line,
                    where=line.where,
                )
            )
            return
        short = len(s) <= MAX_SHORT_LINE
        tok = self._text(line, s, (cached_key(s) or key(s)) if short else "", short)
        if tok is None:  # (a label now waits for its value: no verdict to remember)
            return
        out.append(tok)
        if verdicts is not None and tok.depth == 0 and tok.number is None and self._category is None:
            if len(verdicts) >= _REMEMBERED:
                verdicts.clear()
            flags = (self.titled, self.body, self.headed, self.summary_seen, self.footer)
            verdicts[state] = (tok.kind, tok.text, tok.name, tok.organisation, tok.reference, tok.level, flags)

    def _chrome(self, line: Line, s: str, k: str) -> Token | None:
        """The line as page chrome (``RULE`` for "Back to top"), or ``None`` when it is not chrome."""
        kind: Kind | None = None
        why = None
        if k in CHROME_LINES:
            kind = Kinds.RULE if k == BACK_TO_TOP else Kinds.CHROME
            self.footer = self.footer or (self.titled and k in FOOTER_START)
        elif "back to top" in k and RULE_LINE.match(k):
            kind = Kinds.RULE
        elif (k.startswith(("home", "you are here")) and BREADCRUMB.match(k)) or (
            k.startswith("share") and SHARE.match(k)
        ):
            kind = Kinds.CHROME
        elif k in CONTENTS_HEADINGS and not self.headed:
            kind = Kinds.CHROME  # the heading of a table of contents: its entries follow
        elif self.footer and s and not any(ch.isalnum() for ch in s):
            kind = Kinds.CHROME  # stray punctuation after the page footer
        elif line.final and len(k) >= 2 and any(c.startswith(k) and c != k for c in CHROME_LINES):
            kind, why = Kinds.CHROME, "cut short"  # a save that stopped inside a line of chrome
        if kind is None:
            return None
        return Token(kind=kind, text=s, name=why, line=line.line, where=line.where)

    def _item(self, line: Line, form: Form, s: str, out: list[Token]) -> None:
        if self.titled:
            self.body = True  # (before the title a list is the site's: kept as text before it)
        if form is _ITEM and not self.headed and is_contents_entry(s):
            out.append(Token(kind=Kinds.TOC, text=s, line=line.line, where=line.where))
            return
        kind = Kinds.NUMBERED if form is _NUMBERED else Kinds.BULLET if form is _BULLET else Kinds.ITEM
        out.append(Token(kind=kind, text=s, depth=line.depth, number=line.number, line=line.line, where=line.where))

    def _block(self, line: Line, s: str, k: str, short: bool) -> Token | None:
        """A line outside list items; ``None`` when it is a label whose value is still to come."""
        where, lineno = line.where, line.line
        if short and not self.titled and not self.body:
            title = match_title(s)
            if title is not None:
                self.titled = True
                org, ref = title
                return Token(
                    kind=Kinds.TITLE,
                    text=s,
                    organisation=org.strip() if org else None,
                    reference=ref,
                    line=lineno,
                    where=where,
                )
        if short and k.startswith(("c", "d")):  # (a header field or label: keys are lower case)
            header = HEADER_FIELD.match(s)
            if header is not None and self.headed:  # a header field's words in the body: text, never a heading
                return self._paragraph(s, lineno, where)
            if not self.headed and (header is not None or (k in HEADER_LABELS and not self.body)):
                self.titled = True
                name = header.group(1) if header else s.rstrip(":. ")
                text = header.group(2) if header else ""
                tok = Token(kind=Kinds.HEADER, name=name, text=text, line=lineno, where=where)
                if text:
                    return tok
                self._header = tok  # label and value on separate lines (or elements: <dt>/<dd>)
                return None
        if short and k.startswith("the ombudsm") and FINAL_DECISION_MARKER.match(k + ":"):
            self.body = True
            return Token(kind=Kinds.MARKER, text=s, line=lineno, where=where)
        if not self.summary_seen:  # (a second "Summary:" line is kept as published)
            m = SUMMARY_LABEL.match(s)
            if m:
                self.body = self.summary_seen = True
                tok = Token(kind=Kinds.SUMMARY, text=s[m.end() :].strip(), line=lineno, where=where)
                if tok.text:
                    return tok
                self._summary = tok
                return None
        if short and k.endswith(_CLOSING_ENDS) and CLOSING.search(k):
            self.body = True
            return Token(kind=Kinds.CLOSING, text=s, line=lineno, where=where)
        if "satisf" in k and COMPLIANCE.match(k):
            self.body = True
            return Token(kind=Kinds.COMPLIANCE, text=s, line=lineno, where=where)
        if line.final and len(k) >= _MIN_CUT_CLOSING and any(c.startswith(k) and c != k for c in CLOSING_LINES):
            self.body = True  # a save that stopped inside the closing line
            return Token(kind=Kinds.CLOSING, text=s, name="cut short", line=lineno, where=where)
        form = line.form
        if form is not _PARAGRAPH and (self.titled or self.body or k in MAIN_HEADINGS):
            if form is _HEADING:  # the medium shows a heading: its level too
                self.body = self.headed = True
                return Token(kind=Kinds.HEADING, text=s, level=line.level, line=lineno, where=where)
            if short and is_heading_text(s, k):  # plain or bold text that reads as a heading
                self.body = self.headed = True
                return Token(kind=Kinds.HEADING, text=s, line=lineno, where=where)
        return self._paragraph(s, lineno, where)

    def _paragraph(self, s: str, lineno: int | None, where: str | None) -> Token:
        if self.titled:
            self.body = True
        return Token(kind=Kinds.PARAGRAPH, text=s, line=lineno, where=where)


def _with_text(tok: Token, text: str) -> Token:
    return Token(kind=tok.kind, text=text, name=tok.name, line=tok.line, where=tok.where)


def classify(lines: Iterable[Line]) -> list[Token]:
    """The tokens of a statement's lines, in order (one :class:`Classifier` for the statement).

    >>> [t.kind.value for t in classify([Line("Kent County Council (23 008 522)"), Line("Mr X complained.")])]
    ['title', 'paragraph']
    """
    classifier = Classifier()
    out: list[Token] = []
    feed = classifier.feed
    for line in lines:
        feed(line, out)
    out.extend(classifier.finish())
    return out
