"""The facts of coding scheme v1 as frozen attrs models (``/work/shared/FACTS.md``; docs/facts.md).

Every fact carries a :class:`Span`: where in the decision its words are. ``section`` and ``block``
index ``Decision.sections`` and that section's ``blocks``; section ``-1`` is the record's own lines
(block 0 the summary, block 1 the closing line naming who decided, block 2 the compliance line).
A block's text is its own text and that of everything nested in it, one piece a line
(:func:`lgo_decisions.facts.block_text`); ``start:end`` is a slice of that text.
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Iterable

import attrs

__all__ = [
    "SCHEME",
    "Citation",
    "Complied",
    "DecidedBy",
    "Facts",
    "Finding",
    "Ground",
    "GroundFact",
    "People",
    "Purpose",
    "Remedy",
    "RemedyKind",
    "Span",
]

SCHEME = "1"
"""The version of the coding scheme the facts follow, written into every payload."""


class Finding(enum.Enum):
    """What the Ombudsman decided about fault.

    >>> Finding("no_fault") is Finding.NO_FAULT
    True
    """

    FAULT_CAUSING_INJUSTICE = "fault_causing_injustice"
    FAULT_NO_INJUSTICE = "fault_no_injustice"
    NO_FAULT = "no_fault"
    NOT_INVESTIGATED = "not_investigated"
    DISCONTINUED = "discontinued"
    UNCLEAR = "unclear"


class Ground(enum.Enum):
    """Why the Ombudsman did not investigate (or stopped): the Assessment Code tests and the Act's restrictions.

    >>> Ground.LATE.value
    'late'
    """

    INJUSTICE_NOT_SIGNIFICANT = "injustice_not_significant"
    INSUFFICIENT_EVIDENCE_OF_FAULT = "insufficient_evidence_of_fault"
    COULD_NOT_ADD = "could_not_add"
    CANNOT_ACHIEVE_OUTCOME = "cannot_achieve_outcome"
    BODY_HAS_REMEDIED = "body_has_remedied"
    OTHER_BODY_BETTER_PLACED = "other_body_better_placed"
    RIGHT_OF_APPEAL_OR_LEGAL_REMEDY = "right_of_appeal_or_legal_remedy"
    COURT_PROCEEDINGS = "court_proceedings"
    LATE = "late"
    PREMATURE = "premature"
    OUTSIDE_JURISDICTION = "outside_jurisdiction"
    OTHER = "other"


class RemedyKind(enum.Enum):
    """What kind of thing a body agreed, or was recommended, to do.

    >>> RemedyKind("report_back")
    <RemedyKind.REPORT_BACK: 'report_back'>
    """

    APOLOGY = "apology"
    PAYMENT = "payment"
    REFUND = "refund"
    REASSESS = "reassess"
    SERVICE_IMPROVEMENT = "service_improvement"
    ACTION = "action"
    REPORT_BACK = "report_back"


class Purpose(enum.Enum):
    """The first reason a payment is stated to be for.

    >>> Purpose.TIME_AND_TROUBLE.value
    'time_and_trouble'
    """

    DISTRESS = "distress"
    TIME_AND_TROUBLE = "time_and_trouble"
    UNCERTAINTY = "uncertainty"
    LOST_OPPORTUNITY = "lost_opportunity"
    LOST_PROVISION = "lost_provision"
    OTHER = "other"


class DecidedBy(enum.Enum):
    """Who signed the decision.

    >>> DecidedBy("investigator") is DecidedBy.INVESTIGATOR
    True
    """

    INVESTIGATOR = "investigator"
    ASSISTANT_OMBUDSMAN = "assistant_ombudsman"
    DEPUTY_OMBUDSMAN = "deputy_ombudsman"
    OMBUDSMAN = "ombudsman"


_TEXT = "The words as written in the statement (the sentence or list item)."
_SPAN = "Where the words are in the decision."


@attrs.frozen(kw_only=True)
class Span:
    """Where a fact's words are: ``block_text(decision, section, block)[start:end]``.

    >>> Span(section=-1, block=0, start=3, end=9)
    Span(section=-1, block=0, paragraph=None, start=3, end=9)
    """

    section: int = attrs.field(
        metadata={
            "description": "The section's index in the decision's sections, from 0; -1 for the record's own lines."
        }
    )
    block: int = attrs.field(
        metadata={
            "description": "The block's index in its section from 0 (section -1: 0 summary, 1 closing, 2 compliance)."
        }
    )
    paragraph: int | None = attrs.field(
        default=None, metadata={"description": "The number of the numbered paragraph the block is, or null."}
    )
    start: int = attrs.field(
        default=0, metadata={"description": "Where the words start in the block's text (a character offset)."}
    )
    end: int = attrs.field(
        default=0, metadata={"description": "Where the words end in the block's text (a character offset, exclusive)."}
    )


@attrs.frozen(kw_only=True)
class Citation:
    """One provision (or instrument) cited: ``instrument`` by short title and year, ``provision`` normalised.

    >>> c = Citation(instrument="Care Act 2014", provision="section 9", text="section 9 of the Care Act 2014",
    ...              span=Span(section=2, block=0, paragraph=5, start=10, end=40))
    >>> c.provision, c.span.paragraph
    ('section 9', 5)
    """

    instrument: str = attrs.field(
        metadata={"description": "The Act, regulation, code or guidance, by its short title and year."}
    )
    provision: str | None = attrs.field(
        metadata={"description": "The part cited, e.g. 'section 26(6)(a)', 'schedule 5, paragraph 5A', or null."}
    )
    text: str = attrs.field(metadata={"description": "The citation exactly as written."})
    span: Span = attrs.field(metadata={"description": _SPAN})


def _labels(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class People:
    """The labels the statement uses for people, in order of first appearance, and who complained.

    >>> People(labels=["Mrs Y", "Mr X"], complainant="Mrs Y", on_behalf_of="Mr X").labels
    ('Mrs Y', 'Mr X')
    """

    labels: tuple[str, ...] = attrs.field(
        default=(),
        converter=_labels,
        metadata={"description": "Labels of people ('Mr X', a child 'B'), in order of first appearance."},
    )
    complainant: str | None = attrs.field(
        default=None, metadata={"description": "The label of who complained ('Mr and Mrs X' when jointly), or null."}
    )
    on_behalf_of: str | None = attrs.field(
        default=None, metadata={"description": "The label of whom the complainant complained for, or null."}
    )


@attrs.frozen(kw_only=True)
class GroundFact:
    """One reason for not investigating, with the body better placed where the text names one.

    >>> GroundFact(ground=Ground.OTHER_BODY_BETTER_PLACED, body="Ofsted", text="Ofsted is better placed.",
    ...            span=Span(section=3, block=1)).ground.value
    'other_body_better_placed'
    """

    ground: Ground = attrs.field(
        metadata={"description": "The ground, from the Assessment Code tests and the Act's restrictions."}
    )
    body: str | None = attrs.field(metadata={"description": "For 'other_body_better_placed': the body named, or null."})
    text: str = attrs.field(metadata={"description": _TEXT})
    span: Span = attrs.field(metadata={"description": _SPAN})


@attrs.frozen(kw_only=True)
class Remedy:
    """One thing the body agreed or was recommended to do (or had already done).

    >>> r = Remedy(kind=RemedyKind.PAYMENT, amount_pence=25000, purpose=Purpose.DISTRESS, deadline_days=30,
    ...            already_provided=False, text="pay Mr X £250 for his distress", span=Span(section=-1, block=0))
    >>> r.amount_pence / 100
    250.0
    """

    kind: RemedyKind = attrs.field(metadata={"description": "What kind of remedy it is."})
    amount_pence: int | None = attrs.field(
        metadata={"description": "For a payment or refund: the sum in pence (GBP 250 is 25000), or null."}
    )
    purpose: Purpose | None = attrs.field(metadata={"description": "For a payment: the first reason stated, or null."})
    deadline_days: int | None = attrs.field(
        metadata={"description": "The time given, in days ('within one month' is 30), or null."}
    )
    already_provided: bool = attrs.field(
        metadata={"description": "Whether the body gave it before the complaint reached the Ombudsman."}
    )
    text: str = attrs.field(metadata={"description": _TEXT})
    span: Span = attrs.field(metadata={"description": _SPAN})


@attrs.frozen(kw_only=True)
class Complied:
    """The Ombudsman's closing record that it was satisfied with the body's response.

    >>> Complied(satisfied=True, date=_dt.date(2017, 9, 12), text="Ombudsman satisfied ...",
    ...          span=Span(section=-1, block=2)).date.isoformat()
    '2017-09-12'
    """

    satisfied: bool = attrs.field(metadata={"description": "Whether the line says the Ombudsman is satisfied."})
    date: _dt.date | None = attrs.field(metadata={"description": "The date the line gives, 'YYYY-MM-DD', or null."})
    text: str = attrs.field(metadata={"description": "The line as written."})
    span: Span = attrs.field(metadata={"description": _SPAN})


def _citations(value: Iterable[Citation]) -> tuple[Citation, ...]:
    return tuple(value)


def _grounds(value: Iterable[GroundFact]) -> tuple[GroundFact, ...]:
    return tuple(value)


def _remedies(value: Iterable[Remedy]) -> tuple[Remedy, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class Facts:
    """Everything coding scheme v1 reads from one statement; the payload of the ``facts`` extension.

    >>> Facts(finding=Finding.NOT_INVESTIGATED).scheme, Facts().remedies
    ('1', ())
    """

    scheme: str = attrs.field(default=SCHEME, metadata={"description": "The version of the coding scheme, '1'."})
    legislation: tuple[Citation, ...] = attrs.field(
        default=(), converter=_citations, metadata={"description": "The provisions cited, in text order."}
    )
    people: People = attrs.field(factory=People, metadata={"description": "How the statement names people."})
    finding: Finding | None = attrs.field(
        default=None, metadata={"description": "What the Ombudsman decided about fault, or null."}
    )
    grounds: tuple[GroundFact, ...] = attrs.field(
        default=(), converter=_grounds, metadata={"description": "Why the Ombudsman did not investigate (or stopped)."}
    )
    remedies: tuple[Remedy, ...] = attrs.field(
        default=(),
        converter=_remedies,
        metadata={"description": "What the body agreed, or was recommended, to do; in text order."},
    )
    compliance: Complied | None = attrs.field(
        default=None, metadata={"description": "The Ombudsman's closing record of compliance, or null."}
    )
    decided_by: DecidedBy | None = attrs.field(
        default=None, metadata={"description": "Who signed the decision, or null."}
    )

    def facts(self) -> list[Citation | GroundFact | Remedy | Complied]:
        """Every fact that has a span, in the order of the fields."""
        out: list[Citation | GroundFact | Remedy | Complied] = [*self.legislation, *self.grounds, *self.remedies]
        if self.compliance is not None:
            out.append(self.compliance)
        return out


for _cls in (Span, Citation, People, GroundFact, Remedy, Complied, Facts):
    attrs.resolve_types(_cls, globals())
