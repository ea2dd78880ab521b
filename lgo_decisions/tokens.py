"""The block stream: what every reader emits and the one builder assembles into a decision.

A reader turns its input into a flat sequence of :class:`Token` s, one per title, header field,
heading, paragraph, list item, closing line or piece of chrome, in reading order. It classifies
what the input itself shows (an ``<h2>``, an indented ``1.``, a ``Category :`` line) and leaves
the statement's structure (sections, statement-wide numbering, continuation paragraphs) to
:func:`lgo_decisions.builder.build`, so that every reader gives the same record for the same
statement.
"""

from __future__ import annotations

import enum

import attrs


class Kind(str, enum.Enum):
    """What a token is.

    >>> Kind("heading") is Kind.HEADING
    True
    """

    TITLE = "title"            #: ``<Organisation> (<reference>)`` or the bare reference
    HEADER = "header"          #: a header field: ``name`` is category, decision or decision date
    MARKER = "marker"          #: "The Ombudsman's final decision:"
    SUMMARY = "summary"        #: the text after "Summary:"
    HEADING = "heading"        #: a section heading; ``level`` when the input shows it
    NUMBERED = "numbered"      #: a numbered list item (``depth`` 0 for top level)
    BULLET = "bullet"          #: a bulleted list item
    ITEM = "item"              #: a list item whose kind the input does not show ("- " layouts)
    PARAGRAPH = "paragraph"    #: unmarked text
    CLOSING = "closing"        #: "Investigator's decision on behalf of the Ombudsman"
    RULE = "rule"              #: "Back to top" between sections (chrome, but a section boundary)
    CHROME = "chrome"          #: page chrome, dropped
    TOC = "toc"                #: a table-of-contents entry, dropped


@attrs.frozen(kw_only=True)
class Token:
    """One piece of the block stream.

    ``line`` is the 1-based input line (text readers) and ``where`` the element path (HTML
    readers), used in diagnostics and strict-mode errors.

    >>> from lgo_decisions.readers.text import tokenize
    >>> tokens = tokenize("Kent County Council (23 008 522)\\nThe complaint\\n- Mr X complained.")
    >>> [(t.kind.value, t.text) for t in tokens]
    [('title', 'Kent County Council (23 008 522)'), ('heading', 'The complaint'), ('item', 'Mr X complained.')]
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
