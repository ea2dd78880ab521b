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


class Finding(str, enum.Enum):
    """What the Ombudsman decided about fault."""

    FAULT_CAUSING_INJUSTICE = "fault_causing_injustice"
    FAULT_NO_INJUSTICE = "fault_no_injustice"
    NO_FAULT = "no_fault"
    NOT_INVESTIGATED = "not_investigated"
    DISCONTINUED = "discontinued"
    UNCLEAR = "unclear"


class Ground(str, enum.Enum):
    """Why the Ombudsman did not investigate (or stopped): the Assessment Code tests and the Act's restrictions."""

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


class RemedyKind(str, enum.Enum):
    """What kind of thing a body agreed, or was recommended, to do."""

    APOLOGY = "apology"
    PAYMENT = "payment"
    REFUND = "refund"
    REASSESS = "reassess"
    SERVICE_IMPROVEMENT = "service_improvement"
    ACTION = "action"
    REPORT_BACK = "report_back"


class Purpose(str, enum.Enum):
    """The first reason a payment is stated to be for."""

    DISTRESS = "distress"
    TIME_AND_TROUBLE = "time_and_trouble"
    UNCERTAINTY = "uncertainty"
    LOST_OPPORTUNITY = "lost_opportunity"
    LOST_PROVISION = "lost_provision"
    OTHER = "other"


class DecidedBy(str, enum.Enum):
    """Who signed the decision."""

    INVESTIGATOR = "investigator"
    ASSISTANT_OMBUDSMAN = "assistant_ombudsman"
    DEPUTY_OMBUDSMAN = "deputy_ombudsman"
    OMBUDSMAN = "ombudsman"


@attrs.frozen(kw_only=True)
class Span:
    """Where a fact's words are: ``block_text(decision, section, block)[start:end]``."""

    section: int
    block: int
    paragraph: int | None = None
    start: int = 0
    end: int = 0


@attrs.frozen(kw_only=True)
class Citation:
    """One provision (or instrument) cited: ``instrument`` by short title and year, ``provision`` normalised."""

    instrument: str
    provision: str | None
    text: str
    span: Span


def _labels(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class People:
    """The labels the statement uses for people, in order of first appearance, and who complained."""

    labels: tuple[str, ...] = attrs.field(default=(), converter=_labels)
    complainant: str | None = None
    on_behalf_of: str | None = None


@attrs.frozen(kw_only=True)
class GroundFact:
    """One reason for not investigating, with the body better placed where the text names one."""

    ground: Ground
    body: str | None
    text: str
    span: Span


@attrs.frozen(kw_only=True)
class Remedy:
    """One thing the body agreed or was recommended to do (or had already done)."""

    kind: RemedyKind
    amount_pence: int | None
    purpose: Purpose | None
    deadline_days: int | None
    already_provided: bool
    text: str
    span: Span


@attrs.frozen(kw_only=True)
class Complied:
    """The Ombudsman's closing record that it was satisfied with the body's response."""

    satisfied: bool
    date: _dt.date | None
    text: str
    span: Span


def _citations(value: Iterable[Citation]) -> tuple[Citation, ...]:
    return tuple(value)


def _grounds(value: Iterable[GroundFact]) -> tuple[GroundFact, ...]:
    return tuple(value)


def _remedies(value: Iterable[Remedy]) -> tuple[Remedy, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class Facts:
    """Everything coding scheme v1 reads from one statement; the payload of the ``facts`` extension."""

    scheme: str = SCHEME
    legislation: tuple[Citation, ...] = attrs.field(default=(), converter=_citations)
    people: People = attrs.field(factory=People)
    finding: Finding | None = None
    grounds: tuple[GroundFact, ...] = attrs.field(default=(), converter=_grounds)
    remedies: tuple[Remedy, ...] = attrs.field(default=(), converter=_remedies)
    compliance: Complied | None = None
    decided_by: DecidedBy | None = None

    def facts(self) -> list[Citation | GroundFact | Remedy | Complied]:
        """Every fact that has a span, in the order of the fields."""
        out: list[Citation | GroundFact | Remedy | Complied] = [*self.legislation, *self.grounds, *self.remedies]
        if self.compliance is not None:
            out.append(self.compliance)
        return out


for _cls in (Span, Citation, People, GroundFact, Remedy, Complied, Facts):
    attrs.resolve_types(_cls, globals())
