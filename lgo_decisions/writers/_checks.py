"""Checks both writers share: record values that no statement page can carry."""

from __future__ import annotations

from collections.abc import Iterator

from .._fields import parse_outcome
from ..model import SCHEMA_VERSION, Decision, OutcomeCode


def record_problems(d: Decision) -> Iterator[tuple[str, str]]:
    """``(field, problem)`` for each header-level value a page cannot carry faithfully.

    >>> from lgo_decisions import Decision
    >>> from lgo_decisions.model import Category
    >>> list(record_problems(Decision(category=Category(area="Housing > Allocations"))))
    [('category.area', "'Housing > Allocations' holds '>', which separates area and subject")]
    """
    if d.schema_version != SCHEMA_VERSION:
        yield "schema_version", f"only schema {SCHEMA_VERSION!r} records can be written, not {d.schema_version!r}"
    if d.extensions:
        yield "extensions", (f"a statement page has no place for extension data ({', '.join(sorted(d.extensions))});"
                             " serialise the record as JSON instead")
    if len(d.organisations) > 1:
        yield "organisations", f"the title line names one organisation, not {len(d.organisations)}"
    elif d.organisations:
        org = d.organisations[0]
        if d.reference is None:
            yield "organisations[0]", "a title line without a reference does not read as a title"
        elif org.reference != d.reference:
            yield "organisations[0].reference", (f"the title line gives the organisation the statement's reference "
                                                 f"{d.reference!r}, not {org.reference!r}")
    if d.category is not None and ">" in d.category.area:
        yield "category.area", f"{d.category.area!r} holds '>', which separates area and subject"
    if d.outcome is not None:
        code, detail = parse_outcome(d.outcome.label)
        code = code or OutcomeCode.OTHER
        if (code, detail) != (d.outcome.code, d.outcome.detail):
            yield "outcome", (f"the label {d.outcome.label!r} reads as code {code.value!r} with detail {detail!r}, "
                              f"not {d.outcome.code.value!r} with {d.outcome.detail!r}")
