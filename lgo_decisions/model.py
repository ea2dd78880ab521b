"""Schema v1: typed, frozen attrs models of a published decision statement.

Every class is frozen, slotted and keyword-only. ``Decision.source`` and
``Decision.diagnostics`` take no part in equality, so two readings of the same
statement (from text and from HTML, say) compare equal.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from . import _diagnostics as _codes
from . import _validators
from ._blocks import BLOCK_TYPES, Block, BulletList, NumberedParagraph, Paragraph, SubParagraph, iter_block_text
from ._enums import ValueEnum
from ._reprs import decision_html, decision_repr, section_repr

__all__ = [
    "BLOCK_TYPES",
    "DATE_PATTERN",
    "REFERENCE_PATTERN",
    "SCHEMA_VERSION",
    "Block",
    "BulletList",
    "Category",
    "Compliance",
    "Decision",
    "Diagnostic",
    "NumberedParagraph",
    "Organisation",
    "Outcome",
    "OutcomeCode",
    "Paragraph",
    "Section",
    "Severity",
    "Source",
    "SubParagraph",
    "iter_block_text",
    "iter_text",
    "worst_severity",
]

SCHEMA_VERSION = "1.1"
"""The schema version written into every record (``major.minor``)."""

# The serialised forms' patterns and the fields' validators (in _validators: shared with the JSON Schema).
REFERENCE_PATTERN = _validators.REFERENCE_PATTERN
"""A complaint reference, ``YY NNN NNN`` with an optional letter suffix."""
DATE_PATTERN = _validators.DATE_PATTERN
"""A calendar date ``YYYY-MM-DD`` (years 0001-9999, real days only, leap years included)."""
_check_reference, _positive, _level = _validators.check_reference, _validators.positive, _validators.level


# Converters accepting any iterable (lists from callers) and storing tuples; one per element
# type so that mypy's attrs plugin types the __init__ arguments.
def _blocks(value: Iterable[Block]) -> tuple[Block, ...]:
    return tuple(value)


def _organisations(value: Iterable[Organisation]) -> tuple[Organisation, ...]:
    return tuple(value)


def _sections(value: Iterable[Section]) -> tuple[Section, ...]:
    return tuple(value)


def _diagnostics(value: Iterable[Diagnostic]) -> tuple[Diagnostic, ...]:
    return tuple(value)


def _texts(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


class OutcomeCode(ValueEnum):
    """Normalised outcome of a decision; the published wording is kept in ``Outcome.label``.

    >>> OutcomeCode("not_upheld") is OutcomeCode.NOT_UPHELD
    True
    >>> OutcomeCode.CLOSED_AFTER_INITIAL_ENQUIRIES.value, f"{OutcomeCode.UPHELD}"  # formats as its value
    ('closed_after_initial_enquiries', 'upheld')
    """

    UPHELD = "upheld"
    NOT_UPHELD = "not_upheld"
    CLOSED_AFTER_INITIAL_ENQUIRIES = "closed_after_initial_enquiries"
    NOT_INVESTIGATED = "not_investigated"
    INVESTIGATION_DISCONTINUED = "investigation_discontinued"
    PREMATURE = "premature"
    REFERRED_BACK_FOR_LOCAL_RESOLUTION = "referred_back_for_local_resolution"
    ADVICE_GIVEN = "advice_given"
    OUTSIDE_JURISDICTION = "outside_jurisdiction"
    WITHDRAWN = "withdrawn"
    OTHER = "other"


class Severity(ValueEnum):
    """How much a diagnostic matters: ``info`` (noted), ``warning`` (a guess), ``error`` (no statement or no core).

    >>> Severity("warning") is Severity.WARNING, Diagnostic(code="no_closing_line", message="...").severity.value
    (True, 'info')
    """

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


@attrs.frozen(kw_only=True)
class Organisation:
    """A body complained about, as named in the title line, with its reference on that page.

    >>> Organisation(name="Kent County Council", reference="23 008 522").reference
    '23 008 522'
    >>> Organisation(name="Kent County Council", reference="23-008-522")
    Traceback (most recent call last):
    ...
    ValueError: reference must look like '20 007 417' (optional letter suffix), got '23-008-522'
    """

    name: str = attrs.field(metadata={"description": "The body's name as published, e.g. 'Kent County Council'."})
    reference: str | None = attrs.field(
        default=None,
        validator=_check_reference,
        metadata={
            "description": "The complaint reference on this body's page ('YY NNN NNN', optional letter "
            "suffix), or null when the title line does not give one."
        },
    )


@attrs.frozen(kw_only=True)
class Category:
    """The published category: an area and (usually) a subject, as labels.

    >>> Category(area="Education", subject="School transport")
    Category(area='Education', subject='School transport')
    """

    area: str = attrs.field(metadata={"description": "The area label, e.g. 'Education'."})
    subject: str | None = attrs.field(
        default=None, metadata={"description": "The subject label within the area, or null when none is published."}
    )


@attrs.frozen(kw_only=True)
class Outcome:
    """The published decision: a normalised ``code``, the ``label`` as published, any ``detail``.

    >>> o = Outcome(code=OutcomeCode.NOT_UPHELD, label="Not upheld: no maladministration")
    >>> o.code.value, o.detail
    ('not_upheld', None)
    """

    code: OutcomeCode = attrs.field(
        metadata={"description": "The outcome normalised to a code; 'other' for a label the library does not know."}
    )
    label: str = attrs.field(metadata={"description": "The outcome label exactly as published, e.g. 'Upheld'."})
    detail: str | None = attrs.field(
        default=None,
        metadata={"description": "Text published after the label (older pages: 'Label: detail'), or null."},
    )


@attrs.frozen(kw_only=True)
class Compliance:
    """The Ombudsman's satisfaction with the council's response (2016-17 report pages), as published.

    >>> Compliance(text="Ombudsman satisfied with council's response: 2 October 2017", date=_dt.date(2017, 10, 2)).date
    datetime.date(2017, 10, 2)
    """

    text: str = attrs.field(
        metadata={"description": 'The line as published, e.g. "Ombudsman satisfied with council\'s response: ...".'}
    )
    date: _dt.date | None = attrs.field(
        default=None, metadata={"description": "The date the line gives, as an ISO date 'YYYY-MM-DD', or null."}
    )


@attrs.frozen(kw_only=True, repr=False)
class Section:
    """A part of the statement under one heading (``None`` for text before any heading).

    >>> s = Section(heading="The complaint", blocks=[NumberedParagraph(number=1, text="Mr X complained.")])
    >>> s.level, len(s.blocks)
    (2, 1)
    >>> s
    <Section 'The complaint' (level 2, 1 block)>
    """

    def __repr__(self) -> str:
        return section_repr(self)

    heading: str | None = attrs.field(
        default=None, metadata={"description": "The heading as published, or null for text before the first heading."}
    )
    level: int = attrs.field(
        default=2,
        validator=_level,
        metadata={"description": "The heading level, 1 to 6 (2 for a section heading, 3 for a sub-heading)."},
    )
    blocks: tuple[Block, ...] = attrs.field(
        default=(), converter=_blocks, metadata={"description": "The section's blocks, in order."}
    )


@attrs.frozen(kw_only=True)
class Source:
    """Where a record was read from: the reader's name, the input's name and its SHA-256.

    It takes no part in a decision's equality:

    >>> Decision(reference="20 007 417", source=Source(reader="html")) == Decision(reference="20 007 417")
    True
    """

    reader: str = attrs.field(metadata={"description": "The name of the reader that read the input, e.g. 'text'."})
    name: str | None = attrs.field(
        default=None, metadata={"description": "The input's name (a file name or path), or null."}
    )
    content_hash: str | None = attrs.field(
        default=None, metadata={"description": "The SHA-256 of the input, in hexadecimal, or null."}
    )


@attrs.frozen(kw_only=True)
class Diagnostic:
    """Something a reader noticed and could not place or check; ``line`` is 1-based where known.

    >>> from lgo_decisions import read_text
    >>> read_text("Kent County Council (23 008 522)\\nDecision : Settled").diagnostics[0].code
    'unknown_outcome'
    """

    code: str = attrs.field(metadata={"description": "A short stable code naming the kind of problem."})
    message: str = attrs.field(metadata={"description": "A readable explanation."})
    line: int | None = attrs.field(
        default=None, metadata={"description": "The 1-based line (or block) of the input it concerns, or null."}
    )
    severity: Severity = attrs.field(
        default=attrs.Factory(lambda self: Severity(_codes.severity_of(self.code)), takes_self=True),
        metadata={
            "description": "How much it matters: 'info', 'warning' or 'error' (by default its code's, "
            "see docs/schema.md; 'warning' for a code the library does not know)."
        },
    )


def _date(value: _dt.date | None) -> _dt.date | None:
    if isinstance(value, _dt.datetime):
        return value.date()
    return value


@attrs.frozen(kw_only=True, repr=False)
class Decision:
    """One published decision statement of the Ombudsman (schema v1).

    Its ``repr`` identifies it in one line; in Jupyter it shows as a table of its header fields
    and its first paragraphs (``_repr_html_``).

    >>> from lgo_decisions import Decision
    >>> Decision(reference="20 007 417").reference
    '20 007 417'
    >>> Decision(reference="20 007 417", organisations=[Organisation(name="Kent County Council")])
    <Decision 20 007 417: Kent County Council, 0 sections, 0 paragraphs>
    """

    def __repr__(self) -> str:
        return decision_repr(self)

    def _repr_html_(self) -> str:
        return decision_html(self)

    schema_version: str = attrs.field(
        default=SCHEMA_VERSION,
        metadata={
            "description": "The schema version the record was written with, 'major.minor' (see "
            "docs/compatibility.md); a missing version means the reader's own."
        },
    )
    reference: str | None = attrs.field(
        default=None,
        validator=_check_reference,
        metadata={
            "description": "The complaint reference, 'YY NNN NNN' with an optional letter suffix for one "
            "of several bodies, or null when the statement does not give one."
        },
    )
    organisations: tuple[Organisation, ...] = attrs.field(
        default=(),
        converter=_organisations,
        metadata={"description": "The bodies complained about, in title order (empty when the title names none)."},
    )
    category: Category | None = attrs.field(
        default=None,
        metadata={"description": "The published category (or the one in the statement's address), or null."},
    )
    outcome: Outcome | None = attrs.field(
        default=None, metadata={"description": "The published decision, or null when the page gives none."}
    )
    decision_date: _dt.date | None = attrs.field(
        default=None,
        converter=_date,
        metadata={"description": "The published decision date as an ISO date 'YYYY-MM-DD', or null."},
    )
    summary: str | None = attrs.field(
        default=None, metadata={"description": "The summary at the head of the statement, or null."}
    )
    sections: tuple[Section, ...] = attrs.field(
        default=(),
        converter=_sections,
        metadata={"description": "The statement's sections, in order; nothing of the statement text is dropped."},
    )
    decided_by: str | None = attrs.field(
        default=None,
        metadata={
            "description": "The closing line naming who decided, e.g. \"Investigator's decision on behalf of "
            'the Ombudsman", or null.'
        },
    )
    compliance: Compliance | None = attrs.field(
        default=None,
        metadata={"description": "The line saying the Ombudsman is satisfied with the council's response, or null."},
    )
    url: str | None = attrs.field(
        default=None, metadata={"description": "The statement's address on the Ombudsman's site, or null."}
    )
    outside_text: tuple[str, ...] = attrs.field(
        default=(),
        converter=_texts,
        eq=False,
        metadata={
            "description": "Text of the page outside the statement (before its title, after its closing line or "
            "footer) that is not recognised as chrome, kept as found; not part of equality."
        },
    )
    source: Source | None = attrs.field(
        default=None,
        eq=False,
        metadata={"description": "Where the record was read from, or null; not part of a record's equality."},
    )
    diagnostics: tuple[Diagnostic, ...] = attrs.field(
        default=(),
        converter=_diagnostics,
        eq=False,
        metadata={"description": "What the reader noticed and could not place or check; not part of equality."},
    )
    extensions: dict[str, Any] = attrs.field(
        factory=dict,
        hash=False,
        metadata={
            "description": "Plugin data by namespace (one key per plugin); namespaces the reader does not "
            "know are kept verbatim."
        },
    )

    def paragraphs(self) -> list[NumberedParagraph]:
        """The numbered paragraphs of the whole statement, in order.

        >>> d = Decision(sections=[Section(heading="A", blocks=[NumberedParagraph(number=1, text="One.")]),
        ...                        Section(heading="B", blocks=[NumberedParagraph(number=2, text="Two.")])])
        >>> [p.text for p in d.paragraphs()]
        ['One.', 'Two.']
        """
        return [b for s in self.sections for b in s.blocks if isinstance(b, NumberedParagraph)]

    def text(self) -> str:
        """All the statement's text (summary, headings, blocks, closing and compliance lines), one block a line.

        >>> Decision(summary="We will not investigate.", sections=[Section(heading="The complaint")]).text()
        'We will not investigate.\\nThe complaint'
        """
        return "\n".join(iter_text(self))


for _cls in (Organisation, Category, Outcome, Compliance, Section, Source, Diagnostic, Decision):
    attrs.resolve_types(_cls, globals())


def worst_severity(diagnostics: Iterable[Diagnostic]) -> Severity | None:
    """The worst severity among ``diagnostics`` (``error`` > ``warning`` > ``info``), ``None`` for none.

    >>> worst_severity([Diagnostic(code="no_closing_line", message=""), Diagnostic(code="unknown_outcome", message="")])
    <Severity.WARNING: 'warning'>
    >>> worst_severity([]) is None
    True
    """
    order = tuple(Severity)
    return max((d.severity for d in diagnostics), key=order.index, default=None)


def iter_text(decision: Decision) -> Iterator[str]:
    """Yield every piece of statement text of ``decision`` in reading order.

    >>> from lgo_decisions import read_text
    >>> list(iter_text(read_text("Kent County Council (23 008 522)\\nThe complaint\\n- Mr X complained.")))
    ['The complaint', 'Mr X complained.']
    """
    if decision.summary is not None:
        yield decision.summary
    for section in decision.sections:
        if section.heading is not None:
            yield section.heading
        yield from iter_block_text(section.blocks)
    if decision.decided_by is not None:
        yield decision.decided_by
    if decision.compliance is not None:
        yield decision.compliance.text
