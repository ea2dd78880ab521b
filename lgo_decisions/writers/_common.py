"""What both writers write the same way: the fixed lines of a statement page and the header values.

The readers recognise these (see :mod:`lgo_decisions._vocabulary`); the writers take them from
here, so that the text and the HTML rendering of a decision say the same thing.

>>> import datetime as dt
>>> format_date(dt.date(2021, 2, 4))
'04 Feb 2021'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ..model import Decision

__all__ = [
    "BACK_TO_TOP",
    "CATEGORY",
    "DECISION",
    "DECISION_DATE",
    "MARKER",
    "MONTHS",
    "SUMMARY",
    "format_date",
    "header_fields",
    "title_line",
]

MARKER = "The Ombudsman's final decision:"
"""The final-decision marker that opens the statement."""
BACK_TO_TOP = "Back to top"
"""The rule the site puts before each main heading after the first, and after the last section."""
SUMMARY = "Summary:"
"""The label of the summary paragraph."""
CATEGORY, DECISION, DECISION_DATE = "Category", "Decision", "Decision date"
"""The header labels, in the order the site gives them."""
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
"""The site's month abbreviations (``04 Feb 2021``)."""


def format_date(day: dt.date) -> str:
    """A decision date as the site publishes it (what :func:`~lgo_decisions._fields.parse_date` reads).

    >>> format_date(dt.date(987, 12, 31))
    '31 Dec 0987'
    """
    return f"{day.day:02d} {MONTHS[day.month - 1]} {day.year:04d}"


def title_line(d: Decision) -> str | None:
    """The title line: ``Organisation (reference)``, the bare reference, or ``None`` without one.

    >>> from lgo_decisions.model import Organisation
    >>> title_line(Decision(reference="20 007 417", organisations=[Organisation(name="Kent County Council",
    ...                                                                       reference="20 007 417")]))
    'Kent County Council (20 007 417)'
    """
    if d.reference is None:
        return None
    if d.organisations:
        return f"{d.organisations[0].name} ({d.reference})"
    return d.reference


def header_fields(d: Decision) -> Iterator[tuple[str, str]]:
    """``(label, value)`` of each header field the decision has, in the site's order.

    >>> from lgo_decisions.model import Category
    >>> list(header_fields(Decision(category=Category(area="Housing", subject="Allocations"))))
    [('Category', 'Housing > Allocations')]
    """
    if d.category is not None:
        c = d.category
        yield CATEGORY, c.area if c.subject is None else f"{c.area} > {c.subject}"
    if d.outcome is not None:
        yield DECISION, d.outcome.label
    if d.decision_date is not None:
        yield DECISION_DATE, format_date(d.decision_date)
