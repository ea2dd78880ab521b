"""What a reader gives the classifier: each line of its medium (a :class:`Line`) and the layout
hint the medium shows of it (its :class:`Form`). Re-exported by :mod:`lgo_decisions._classify`
(and :mod:`lgo_decisions.plugin`), where readers import them from.
"""

from __future__ import annotations

import enum

__all__ = ["Form", "Forms", "Line"]


class Form(str, enum.Enum):
    """What the medium shows of a line: the layout hint a reader gives the classifier.

    >>> Form("emphasis") is Form.EMPHASIS
    True
    """

    TEXT = "text"  #: a line whose block kind the medium does not show (plain text): may read as a heading
    PARAGRAPH = "paragraph"  #: a paragraph the medium shows as one (``<p>``, an indented text line): no heading
    EMPHASIS = "emphasis"  #: a paragraph wholly in bold: a heading when its text reads as one
    HEADING = "heading"  #: a heading the medium shows (``<h2>``), with its ``level``
    NUMBERED = "numbered"  #: a numbered or lettered list item, with ``number`` and ``depth``
    BULLET = "bullet"  #: a bulleted list item, with ``depth``
    ITEM = "item"  #: a list item whose kind the medium does not show (``- ``)
    CONTINUATION = "continuation"  #: more text inside the list item being read (a second ``<p>`` in an ``<li>``)
    CONTENTS = "contents"  #: an entry of a table of contents the medium shows (a list of links to headings)
    OUTSIDE = "outside"  #: text the medium shows outside the statement (prose in a page's furniture)
    BOUNDARY = "boundary"  #: not a line: the end of a list or block the medium shows


class Forms:
    """The forms as plain class attributes (see :class:`~lgo_decisions._tokens.Kinds`: an Enum
    member's lookup costs about ten times more), for the readers' and the classifier's hot paths.

    >>> Forms.NUMBERED is Form.NUMBERED
    True
    """

    TEXT = Form.TEXT
    PARAGRAPH = Form.PARAGRAPH
    EMPHASIS = Form.EMPHASIS
    HEADING = Form.HEADING
    NUMBERED = Form.NUMBERED
    BULLET = Form.BULLET
    ITEM = Form.ITEM
    CONTINUATION = Form.CONTINUATION
    CONTENTS = Form.CONTENTS
    OUTSIDE = Form.OUTSIDE
    BOUNDARY = Form.BOUNDARY


class Line:
    """One line as a reader found it: its text (stripped, list marker removed) and layout hints.

    ``raw`` is the whole line as published where it differs from ``text`` (a text line with its
    list marker), ``line`` the 1-based input line and ``where`` the element (HTML). ``final`` marks
    the input's last line, where a save cut short may have stopped inside a line of chrome.

    >>> Line("Mr X complained.", Form.NUMBERED, number=1, line=7).number
    1
    """

    __slots__ = ("depth", "final", "form", "level", "line", "number", "raw", "text", "where")

    def __init__(
        self,
        text: str,
        form: Form = Forms.TEXT,
        *,
        raw: str | None = None,
        number: int | None = None,
        depth: int = 0,
        level: int | None = None,
        line: int | None = None,
        where: str | None = None,
        final: bool = False,
    ) -> None:
        self.text = text
        self.form = form
        self.raw = raw
        self.number = number
        self.depth = depth
        self.level = level
        self.line = line
        self.where = where
        self.final = final

    def __repr__(self) -> str:
        return f"Line({self.text!r}, {self.form})"
