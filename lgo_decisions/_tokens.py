"""The token stream: what the line classifier (or a plugin reader) emits and the one builder assembles.

A reader turns its input into lines with the layout hints its medium shows
(:class:`lgo_decisions._classify.Line`); the classifier says what each line is, as a
:class:`Token`, in reading order; :func:`lgo_decisions._builder.build` alone assembles the
statement's structure (sections, heading levels, statement-wide numbering, continuation
paragraphs), so that every reader gives the same record for the same statement.
"""

from __future__ import annotations

import enum

import attrs


class Kind(str, enum.Enum):
    """What a token is.

    >>> Kind("heading") is Kind.HEADING
    True
    """

    TITLE = "title"  #: ``<Organisation> (<reference>)`` or the bare reference
    HEADER = "header"  #: a header field: ``name`` is the label (category, decision, decision date), ``text`` the value
    MARKER = "marker"  #: "The Ombudsman's final decision:"
    SUMMARY = "summary"  #: the text after "Summary:"
    HEADING = "heading"  #: a section heading; ``level`` when the input shows it
    NUMBERED = "numbered"  #: a numbered list item (``depth`` 0 for top level)
    BULLET = "bullet"  #: a bulleted list item
    ITEM = "item"  #: a list item whose kind the input does not show ("- " layouts)
    PARAGRAPH = "paragraph"  #: unmarked text
    CLOSING = "closing"  #: "Investigator's decision on behalf of the Ombudsman"
    COMPLIANCE = "compliance"  #: "Ombudsman satisfied with council's response: 2 October 2017"
    RULE = "rule"  #: "Back to top" between sections (chrome, but a section boundary)
    BOUNDARY = "boundary"  #: the end of a list or block the input shows: what follows is outside it
    CHROME = "chrome"  #: page chrome, dropped
    TOC = "toc"  #: a table-of-contents entry, dropped when a section of that heading follows
    OUTSIDE = "outside"  #: text outside the statement (a page's furniture): kept as ``outside_text``


class Kinds:
    """The token kinds as plain class attributes: ``Kinds.HEADING is Kind.HEADING``. Looking up an
    Enum's member costs about ten times as much as a plain attribute (Python 3.11), and the classifier
    and the builder look kinds up for every line.

    >>> Kinds.HEADING is Kind.HEADING
    True
    """

    TITLE = Kind.TITLE
    HEADER = Kind.HEADER
    MARKER = Kind.MARKER
    SUMMARY = Kind.SUMMARY
    HEADING = Kind.HEADING
    NUMBERED = Kind.NUMBERED
    BULLET = Kind.BULLET
    ITEM = Kind.ITEM
    PARAGRAPH = Kind.PARAGRAPH
    CLOSING = Kind.CLOSING
    COMPLIANCE = Kind.COMPLIANCE
    RULE = Kind.RULE
    BOUNDARY = Kind.BOUNDARY
    CHROME = Kind.CHROME
    TOC = Kind.TOC
    OUTSIDE = Kind.OUTSIDE


@attrs.define(kw_only=True)
class Token:
    """One piece of the token stream (a slotted attrs class; not frozen, as tokens are made by the
    thousand a statement and none outlives its read: treat them as values all the same).

    ``line`` is the 1-based input line (text readers) and ``where`` the element or element path
    (HTML readers), named in diagnostics and strict-mode errors.

    >>> Token(kind=Kind.HEADING, text="What I found", level=2, line=14).level
    2
    """

    kind: Kind
    text: str = ""
    depth: int = 0
    number: int | None = None
    level: int | None = None
    name: str | None = None
    organisation: str | None = None
    reference: str | None = None
    line: int | None = None
    where: str | None = None
