"""Schema v1: typed, frozen attrs models of a published decision statement.

Every class is frozen, slotted and keyword-only. ``Decision.source`` and
``Decision.diagnostics`` take no part in equality, so two readings of the same
statement (from text and from HTML, say) compare equal.
"""

from __future__ import annotations

import datetime as _dt
import enum
import re
from collections.abc import Iterable
from typing import Any, Literal, Union

import attrs

SCHEMA_VERSION = "1.0"
"""The schema version written into every record (``major.minor``)."""

REFERENCE_PATTERN = r"^\d{2} \d{3} \d{3}[a-z]?$"
_REFERENCE = re.compile(REFERENCE_PATTERN)


def _check_reference(_: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and not _REFERENCE.match(value):
        raise ValueError(f"{attribute.name} must look like '20 007 417' (optional letter suffix), got {value!r}")


def _positive(_: object, attribute: attrs.Attribute[Any], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"{attribute.name} must be a whole number >= 1, got {value!r}")


def _level(_: object, attribute: attrs.Attribute[Any], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 6:
        raise ValueError(f"{attribute.name} must be a heading level from 1 to 6, got {value!r}")


# Converters accepting any iterable (lists from callers) and storing tuples; one per element
# type so that mypy's attrs plugin types the __init__ arguments.
def _strs(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _blocks(value: Iterable[Block]) -> tuple[Block, ...]:
    return tuple(value)


def _organisations(value: Iterable[Organisation]) -> tuple[Organisation, ...]:
    return tuple(value)


def _sections(value: Iterable[Section]) -> tuple[Section, ...]:
    return tuple(value)


def _diagnostics(value: Iterable[Diagnostic]) -> tuple[Diagnostic, ...]:
    return tuple(value)


class OutcomeCode(str, enum.Enum):
    """Normalised outcome of a decision; the published wording is kept in ``Outcome.label``."""

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


@attrs.frozen(kw_only=True)
class Organisation:
    """A body complained about, as named in the title line, with its reference on that page."""

    name: str
    reference: str | None = attrs.field(default=None, validator=_check_reference)


@attrs.frozen(kw_only=True)
class Category:
    """The published category: an area and (usually) a subject, as labels."""

    area: str
    subject: str | None = None


@attrs.frozen(kw_only=True)
class Outcome:
    """The published decision: a normalised ``code``, the ``label`` as published, any ``detail``."""

    code: OutcomeCode
    label: str
    detail: str | None = None


@attrs.frozen(kw_only=True)
class Paragraph:
    """An unnumbered paragraph (a continuation paragraph when it sits inside a numbered one)."""

    type: Literal["paragraph"] = attrs.field(default="paragraph", init=False, repr=False)
    text: str


@attrs.frozen(kw_only=True)
class BulletList:
    """A bulleted list; each item is the text of one bullet."""

    type: Literal["bullet_list"] = attrs.field(default="bullet_list", init=False, repr=False)
    items: tuple[str, ...] = attrs.field(converter=_strs)


@attrs.frozen(kw_only=True)
class SubParagraph:
    """A lettered or numbered sub-paragraph; ``number`` is its place in its list (1, 2, ...)."""

    type: Literal["sub_paragraph"] = attrs.field(default="sub_paragraph", init=False, repr=False)
    number: int = attrs.field(validator=_positive)
    text: str
    blocks: tuple[Block, ...] = attrs.field(default=(), converter=_blocks)


@attrs.frozen(kw_only=True)
class NumberedParagraph:
    """A numbered paragraph; ``number`` runs 1..N through the whole statement."""

    type: Literal["numbered_paragraph"] = attrs.field(default="numbered_paragraph", init=False, repr=False)
    number: int = attrs.field(validator=_positive)
    text: str
    blocks: tuple[Block, ...] = attrs.field(default=(), converter=_blocks)


Block = Union[Paragraph, BulletList, SubParagraph, NumberedParagraph]
"""Any block of a section (and of a paragraph's nested content)."""

BLOCK_TYPES: dict[str, type[Block]] = {
    "paragraph": Paragraph,
    "bullet_list": BulletList,
    "sub_paragraph": SubParagraph,
    "numbered_paragraph": NumberedParagraph,
}


@attrs.frozen(kw_only=True)
class Section:
    """A part of the statement under one heading (``None`` for text before any heading)."""

    heading: str | None = None
    level: int = attrs.field(default=2, validator=_level)
    blocks: tuple[Block, ...] = attrs.field(default=(), converter=_blocks)


@attrs.frozen(kw_only=True)
class Source:
    """Where a record was read from: the reader's name, the input's name and its SHA-256."""

    reader: str
    name: str | None = None
    content_hash: str | None = None


@attrs.frozen(kw_only=True)
class Diagnostic:
    """Something a reader noticed and could not place or check; ``line`` is 1-based where known."""

    code: str
    message: str
    line: int | None = None


def _date(value: _dt.date | None) -> _dt.date | None:
    if isinstance(value, _dt.datetime):
        return value.date()
    return value


@attrs.frozen(kw_only=True)
class Decision:
    """One published decision statement of the Ombudsman (schema v1).

    >>> from lgo_decisions import Decision
    >>> Decision(reference="20 007 417").reference
    '20 007 417'
    """

    schema_version: str = SCHEMA_VERSION
    reference: str | None = attrs.field(default=None, validator=_check_reference)
    organisations: tuple[Organisation, ...] = attrs.field(default=(), converter=_organisations)
    category: Category | None = None
    outcome: Outcome | None = None
    decision_date: _dt.date | None = attrs.field(default=None, converter=_date)
    summary: str | None = None
    sections: tuple[Section, ...] = attrs.field(default=(), converter=_sections)
    decided_by: str | None = None
    url: str | None = None
    source: Source | None = attrs.field(default=None, eq=False)
    diagnostics: tuple[Diagnostic, ...] = attrs.field(default=(), converter=_diagnostics, eq=False)
    extensions: dict[str, Any] = attrs.field(factory=dict, hash=False)

    def paragraphs(self) -> list[NumberedParagraph]:
        """The numbered paragraphs of the whole statement, in order."""
        return [b for s in self.sections for b in s.blocks if isinstance(b, NumberedParagraph)]

    def text(self) -> str:
        """All the statement's text (summary, headings, blocks, closing line), one block a line."""
        from .walk import iter_text

        return "\n".join(iter_text(self))


for _cls in (Organisation, Category, Outcome, Paragraph, BulletList, SubParagraph, NumberedParagraph,
             Section, Source, Diagnostic, Decision):
    attrs.resolve_types(_cls, globals())
