"""Strategies for a record's header-level values (reference, organisations, category, outcome)
and its bookkeeping (diagnostics, source). Internal to :mod:`lgo_decisions.testing`;
:mod:`lgo_decisions.testing.strategies` re-exports them.
"""

from __future__ import annotations

from hypothesis import strategies as st

from .._fields import parse_outcome
from .._taxonomy import AREAS, SUBJECTS
from ..model import Category, Diagnostic, Organisation, Outcome, OutcomeCode, Source
from ._text import ORGANISATIONS, OUTCOME_LABELS


def references(*, suffix: bool = True) -> st.SearchStrategy[str]:
    """Statement references ``YY NNN NNN``, sometimes with a body's letter suffix (``17 002 402b``).

    >>> from hypothesis import find
    >>> len(find(references(), lambda r: True))
    10
    """
    letter = st.sampled_from("abc") if suffix else st.just("")
    return st.builds(
        lambda y, a, b, s: f"{y:02d} {a:03d} {b:03d}{s}",
        st.integers(0, 99),
        st.integers(0, 999),
        st.integers(0, 999),
        st.one_of(st.just(""), st.just(""), st.just(""), letter),
    )


def organisations(*, reference: str | None = None, readable: bool = True) -> st.SearchStrategy[Organisation]:
    """A body complained about, with ``reference`` (the statement's) when given.

    >>> from hypothesis import find
    >>> find(organisations(reference="20 007 417"), lambda o: True).reference
    '20 007 417'
    """
    names = st.sampled_from(ORGANISATIONS) if readable else st.one_of(st.sampled_from(ORGANISATIONS), st.text())
    refs: st.SearchStrategy[str | None] = (
        st.just(reference) if reference is not None else (st.none() if readable else st.one_of(st.none(), references()))
    )
    return st.builds(Organisation, name=names, reference=refs)


@st.composite
def categories(draw: st.DrawFn, *, readable: bool = True) -> Category:
    """A category as published (``Area > Subject``; the subject may be missing).

    >>> from hypothesis import find
    >>> find(categories(), lambda c: c.subject is None).area != ""
    True
    """
    if not readable and draw(st.booleans()):
        return Category(area=draw(st.text()), subject=draw(st.one_of(st.none(), st.text())))
    area = draw(st.sampled_from(sorted(AREAS.values())))
    subject = draw(st.one_of(st.none(), st.sampled_from(sorted(SUBJECTS.values()))))
    if draw(st.integers(0, 9)) == 0:
        area = area.replace("'", "’")  # the curly apostrophe of some pages
    return Category(area=area, subject=subject)


@st.composite
def outcomes(draw: st.DrawFn, *, readable: bool = True) -> Outcome:
    """A published outcome: its label, the code and detail the readers derive from that label.

    With ``readable=False`` the code, label and detail are drawn independently.

    >>> from hypothesis import find
    >>> find(outcomes(), lambda o: o.detail is not None).code.value
    'upheld'
    """
    if not readable and draw(st.booleans()):
        return Outcome(
            code=draw(st.sampled_from(OutcomeCode)), label=draw(st.text()), detail=draw(st.one_of(st.none(), st.text()))
        )
    label = draw(st.sampled_from(OUTCOME_LABELS))
    code, detail = parse_outcome(label)
    return Outcome(code=code or OutcomeCode.OTHER, label=label, detail=detail)


def diagnostics() -> st.SearchStrategy[Diagnostic]:
    """A reader's diagnostic (no part of equality).

    >>> from hypothesis import find
    >>> find(diagnostics(), lambda d: d.line is not None).line
    1
    """
    return st.builds(
        Diagnostic,
        code=st.sampled_from(("unknown_outcome", "no_closing_line", "text_before_title")),
        message=st.text(max_size=80),
        line=st.one_of(st.none(), st.integers(1, 10_000)),
    )


def sources() -> st.SearchStrategy[Source]:
    """Where a record was read from (no part of equality).

    >>> from hypothesis import find
    >>> len(find(sources(), lambda s: s.content_hash is not None).content_hash)
    64
    """
    return st.builds(
        Source,
        reader=st.sampled_from(("text", "html", "records")),
        name=st.one_of(st.none(), st.text(max_size=40)),
        content_hash=st.one_of(st.none(), st.text("0123456789abcdef", min_size=64, max_size=64)),
    )
