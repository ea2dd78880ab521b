"""Field interpretation: what a header value or an address says, as pure functions.

The builder calls these for the title's reference, the ``Category``, ``Decision`` and ``Decision
date`` values, and to reconcile the page's reference with its address; the writers and plugins use
the same functions, so that a value reads the same wherever it comes from.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from typing import TypeVar

import attrs

from ._address import Address, parse_address
from ._patterns import REFERENCE_GROUPS, SLUG_REFERENCE
from ._tokens import Token
from ._vocabulary import COMPLIANCE, OUTCOMES, key, norm
from .model import Category, Compliance, Organisation, Outcome, OutcomeCode

__all__ = [
    "normalise_reference",
    "parse_category",
    "parse_date",
    "parse_outcome",
    "read_compliance",
    "read_head",
    "read_outcome",
    "reconcile_reference",
    "reference_from_name",
    "resolve_reference",
]

_REFERENCE = re.compile(f"^{REFERENCE_GROUPS}$")
_NAMED = re.compile(f"(?<![0-9]){SLUG_REFERENCE}(?![0-9a-zA-Z])")  # a slug reference in a file's name
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        1,
    )
    for name in names
}
_DAY_MONTH_YEAR = re.compile(r"([0-9]{1,2})(?:st|nd|rd|th)? ([A-Za-z]+),? ([0-9]{4})", re.IGNORECASE)
_ISO = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_SLASHED = re.compile(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})")
_OUTCOME_SPLIT = re.compile(r"\s*(?::|\s-\s|\s\u2013\s)\s*")
_T = TypeVar("_T")
_REMEMBERED, _REMEMBERED_LENGTH = 512, 200  # (how many header values each cache holds, and how long)


def normalise_reference(text: str) -> str | None:
    """``20-007-417`` / ``20007417`` / ``20 007 417B`` -> ``20 007 417`` / ``20 007 417b``.

    >>> normalise_reference("20-007-417"), normalise_reference("20 007 417B"), normalise_reference("n/a")
    ('20 007 417', '20 007 417b', None)
    """
    m = _REFERENCE.match(text.strip())
    if not m:
        return None
    return f"{m.group(1)} {m.group(2)} {m.group(3)}{m.group(4).lower()}"


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_date(text: str) -> dt.date | None:
    """Read a published date (``04 Feb 2021``, ``4 February 2021``, ``2nd October 2017``, ISO, ``04/02/2021``).

    Four-digit years only: a cut-short ``03 Oct 20`` is no date.

    >>> parse_date("04 Feb 2021"), parse_date("4 Sept 2021"), parse_date("03 Oct 20")
    (datetime.date(2021, 2, 4), datetime.date(2021, 9, 4), None)
    >>> parse_date("2 October 2017"), parse_date("2nd October 2017")
    (datetime.date(2017, 10, 2), datetime.date(2017, 10, 2))
    """
    s = norm(text).rstrip(".")
    m = _DAY_MONTH_YEAR.fullmatch(s)
    if m:
        month = _MONTHS.get(m.group(2).lower())
        return _date(int(m.group(3)), month, int(m.group(1))) if month else None
    m = _ISO.fullmatch(s)
    if m:
        return _date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _SLASHED.fullmatch(s)
    if m:
        return _date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    return None


def parse_outcome(label: str) -> tuple[OutcomeCode | None, str | None]:
    """Split a published outcome label into its code and detail; ``None`` code when unknown.

    >>> parse_outcome("Upheld: maladministration and injustice")
    (<OutcomeCode.UPHELD: 'upheld'>, 'maladministration and injustice')
    """
    parts = _OUTCOME_SPLIT.split(norm(label), maxsplit=1)
    head = key(parts[0])
    detail = parts[1].strip() if len(parts) > 1 and parts[1].strip() else None
    code = OUTCOMES.get(head)
    if code is None and detail is None:
        # "Closed after initial enquiries out of jurisdiction": a known label followed by detail.
        for known in sorted(OUTCOMES, key=len, reverse=True):
            if head.startswith(known + " "):
                return OUTCOMES[known], norm(label)[len(known) :].strip() or None
    return code, detail


def read_outcome(label: str) -> Outcome | None:
    """The outcome a ``Decision`` value publishes (code ``other`` for an unknown label); ``None`` when blank.

    >>> read_outcome("Not upheld: no maladministration").detail
    'no maladministration'
    >>> read_outcome("Settled").code.value
    'other'
    """
    if not label.strip():
        return None
    code, detail = parse_outcome(label)
    return Outcome(code=code or OutcomeCode.OTHER, label=label.strip(), detail=detail)


def read_compliance(text: str) -> Compliance | None:
    """The compliance line of a 2016-17 report page, with the date it gives; ``None`` for any other line.

    >>> read_compliance("Ombudsman satisfied with council\u2019s response: 2 October 2017")
    Compliance(text='Ombudsman satisfied with council’s response: 2 October 2017', date=datetime.date(2017, 10, 2))
    >>> read_compliance("Ombudsman satisfied with Council reponse").date is None, read_compliance("Mr X was satisfied.")
    (True, None)
    """
    if "atisf" not in text and "ATISF" not in text:  # (most lines: no pattern match needed)
        return None
    m = COMPLIANCE.match(norm(text))
    if m is None:
        return None
    when = m.group("date")
    return Compliance(text=text.strip(), date=parse_date(when) if when else None)


def parse_category(text: str) -> Category | None:
    """The category a ``Category`` value publishes (``Area > Subject``); ``None`` when blank.

    >>> parse_category("Housing > Allocations")
    Category(area='Housing', subject='Allocations')
    >>> parse_category("Planning")
    Category(area='Planning', subject=None)
    """
    if not text.strip():
        return None
    area, sep, subject = text.partition(">")
    return Category(area=area.strip(), subject=(subject.strip() or None) if sep else None)


def resolve_reference(
    page: str | None, address: Address | None, name: str | None
) -> tuple[str | None, list[tuple[str, str]]]:
    """The statement's reference from its page, else its address, else its input's name, and the
    diagnostics ``(code, message)`` of how it was found (or that it was not).

    >>> reference, notes = resolve_reference(None, None, "16-004-217.txt")
    >>> reference, [code for code, _ in notes]
    ('16 004 217', ['reference_from_name'])
    """
    reference, problem = reconcile_reference(page, address)
    notes = [("reference_mismatch", problem)] if problem is not None else []
    if reference is None:
        reference = reference_from_name(name) if name else None
        if reference is not None:
            notes.append(
                ("reference_from_name", f"the reference {reference!r} is taken from the input's name {name!r}")
            )
        else:
            notes.append(("no_reference", "no reference: neither the page, its address nor its name gives one"))
    return reference, notes


def reference_from_name(name: str) -> str | None:
    """The reference a file's name gives (``16-004-217.html``, ``pages.zip!16-004-217.txt``), or ``None``.

    >>> reference_from_name("saved/16-004-217.txt"), reference_from_name("pages.zip!17-002-402b.html")
    ('16 004 217', '17 002 402b')
    >>> reference_from_name("statement.txt") is None
    True
    """
    base = name.replace("\\", "/").rsplit("/", 1)[-1].rsplit("!", 1)[-1]
    m = _NAMED.search(base)
    return normalise_reference(m.group(0)) if m else None


def reconcile_reference(page: str | None, address: Address | None) -> tuple[str | None, str | None]:
    """The statement's reference from its page and its address, and a problem when they disagree.

    The address fills a reference the page lacks and names which body of a joint decision a page
    is (its letter suffix); when the two name different complaints, the page's is kept.

    >>> from lgo_decisions._address import parse_address
    >>> joint = parse_address("https://www.lgo.org.uk/decisions/adult-care-services/other/17-002-402b")
    >>> reconcile_reference("17 002 402", joint)
    ('17 002 402b', None)
    >>> reconcile_reference("17 002 403", joint)[1]
    "the page says '17 002 403', the address '17 002 402b'"
    """
    if address is None:
        return page, None
    if page is None:
        return address.reference, None
    if page == address.reference[:10]:
        return address.reference, None
    if page[:10] != address.reference[:10]:
        return page, f"the page says {page!r}, the address {address.reference!r}"
    return page, None


def _remembered(cache: dict[str, _T], read: Callable[[str], _T], text: str) -> _T:
    """``read(text)``, remembered: header values repeat from statement to statement (``Upheld``, a
    category, a date), and what they read as is a frozen value. Bounded: memory stays flat over a corpus."""
    try:
        return cache[text]
    except KeyError:
        pass
    value = read(text)
    if len(text) <= _REMEMBERED_LENGTH:
        if len(cache) >= _REMEMBERED:
            cache.clear()
        cache[text] = value
    return value


_CATEGORIES: dict[str, Category | None] = {}
_OUTCOMES: dict[str, Outcome | None] = {}
_DATES: dict[str, dt.date | None] = {}


@attrs.frozen(kw_only=True)
class Head:
    """What a statement's title and header fields say, read as the builder reads them."""

    reference: str | None = None
    organisations: tuple[Organisation, ...] = ()
    category: Category | None = None
    outcome: Outcome | None = None
    decision_date: dt.date | None = None
    notes: tuple[tuple[str, str, Token | None], ...] = ()  # (code, message, the token it concerns)


def read_head(title: Token | None, headers: Mapping[str, Token], url: str | None, name: str | None) -> Head:
    """The reference, organisations, category, outcome and date of a statement from its title and
    header tokens (``headers`` by label key), its address and its input's name, with diagnostics.

    >>> from lgo_decisions._tokens import Kind, Token
    >>> head = read_head(None, {"decision": Token(kind=Kind.HEADER, text="Settled")}, None, "16-004-217.txt")
    >>> head.reference, head.outcome.code.value, [code for code, _, _ in head.notes]
    ('16 004 217', 'other', ['reference_from_name', 'unknown_outcome'])
    """
    notes: list[tuple[str, str, Token | None]] = []
    reference = None
    organisations: tuple[Organisation, ...] = ()
    if title is not None:
        reference = normalise_reference(title.reference or "")
        if title.organisation:
            organisations = (Organisation(name=title.organisation, reference=reference),)
    address = parse_address(url) if url else None
    reference, problems = resolve_reference(reference, address, name)
    notes.extend((code, problem, title if code == "reference_mismatch" else None) for code, problem in problems)
    cat = headers.get("category")
    category = _remembered(_CATEGORIES, parse_category, cat.text) if cat is not None else None
    if category is None and address is not None:
        category = address.category()
    dec = headers.get("decision")
    outcome = _remembered(_OUTCOMES, read_outcome, dec.text) if dec is not None else None
    if dec is not None and outcome is not None and outcome.code is OutcomeCode.OTHER:
        notes.append(("unknown_outcome", f"unknown decision label {dec.text!r} (code 'other')", dec))
    decision_date = None
    when = headers.get("decision date")
    if when is not None and when.text.strip():
        decision_date = _remembered(_DATES, parse_date, when.text)
        if decision_date is None:
            notes.append(("invalid_date", f"decision date {when.text!r} is not a date", when))
    return Head(
        reference=reference,
        organisations=organisations,
        category=category,
        outcome=outcome,
        decision_date=decision_date,
        notes=tuple(notes),
    )
