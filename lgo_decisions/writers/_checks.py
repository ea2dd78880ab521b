"""Checks both writers share: record values that no statement page can carry, how the builder reads
a page's header values back, and the text writer's proof that its rendering reads back equal.

The text writer's guarantee without a read-back (:func:`proved`, called by ``writers.text._verify``).
A full read-back (``read_text(text, url=d.url)`` compared with ``==``) costs about four times the
writing. Instead the writer shows what each stage of the reader makes of its text; when a step
cannot be shown, ``proved`` says so and the full read-back decides (and names the place, as
before), so the proof can only spare a read-back, never let a difference through:

1. *Preparation* (``readers._base.prepare``) changes nothing: every text written passes the text
   writer's ``check`` (no control character, lone surrogate, line break, or white space at
   either end), references have the model's pattern, and the text does not begin with U+FEFF.
2. *Lines* (``readers.text.lines``): the rows are the writer's lines between blank rows, and only
   a lone marker looks at another row. A list line (``  N. text``, ``    • text``) is a numbered or
   bullet line of that number, depth and text by construction of its marker and indent (a bare
   bullet only when a list line, with its own marker, or nothing follows: the writer checks).
   Any other row is plain text (indented: a paragraph) when its first character cannot start a
   list marker (the reader's ``_MARKER_START``); a row that can is read by ``lines`` itself.
3. *Classification* (:class:`~lgo_decisions._classify.Classifier`): every line must give exactly
   the token the writer meant, so nothing is ever left waiting (a label without its value) and
   the classifier's state is its flags (``Classifier.STATE``); its verdict on a line depends on the line and those
   flags only. Lines whose verdict is fixed by the rules below are not classified again; the
   others go through the real classifier, its verdicts cached by line and flags (headings and
   header rows repeat from one statement to the next):

   * ``Back to top`` reads as the rule, changing nothing, in every state (the real classifier is
     asked once for each, at import; the writer leaves rules out of what it hands the proof),
     and the marker's verdict in each state is the real classifier's, asked once;
   * a list line once the body has begun (by the marker, which comes before any): its token,
     no state change (the classifier never ends the body);
   * a line longer than a short line has the key ``""``: only the summary label is looked for,
     so it is a paragraph (in the body) or, before any summary, the summary;
   * no chrome line's key begins with a header or summary label, so a short ``Label : value``
     row before any heading and after the title (or the marker) is the header field
     ``HEADER_FIELD`` reads, and a short ``Summary: text`` row after the marker is the summary;
   * the first row, short, is the title ``TITLE`` reads unless its key is chrome or a breadcrumb.
4. *Building* (``_builder.build``): the stream begins with the title, a header field or the
   marker, so nothing is held as text before the title, and it has one of each head token; the
   header values are what :func:`header_reads_back` computes with the builder's own functions
   (a reference of the model's pattern is its own normal form and ``parse_date`` reads
   ``format_date`` back: both tested). The sections are ``d.sections`` by the layout's rules,
   which the writer checks: a level-2 heading comes first or after a ``Back to top`` rule, a
   level-3 one never after a rule (the builder's levels); numbered paragraphs carry the
   statement-wide numbers the builder counts and sub-paragraphs 1..k; a rule closes an open
   numbered paragraph or list before a section-level block the builder would join to it; no
   paragraph follows a sub-paragraph in the same item, no two nested lists follow each other;
   lists are no deeper than ``MAX_NESTING``; no summary is taken from a "Summary" section; the
   decision, its sections and blocks are of their model classes exactly.

``tests/test_text_writer.py`` holds the proof to the full read-back on generated decisions: it
never says "equal" when the read-back differs, and it agrees with it on readable decisions.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import itertools
from collections.abc import Iterator, Mapping, Sequence

from .._address import parse_address
from .._classify import Classifier, Form, Line
from .._fields import normalise_reference, parse_category, parse_date, parse_outcome, read_outcome, reconcile_reference
from .._limits import MAX_SHORT_LINE
from .._tokens import Kind, Token
from .._vocabulary import BREADCRUMB, CHROME_LINES, HEADER_FIELD, SUMMARY_LABEL, TITLE, key
from ..model import (
    SCHEMA_VERSION,
    BulletList,
    Decision,
    NumberedParagraph,
    Organisation,
    OutcomeCode,
    Paragraph,
    SubParagraph,
)
from ..readers.text import _MARKER_START, lines
from ._common import BACK_TO_TOP, MARKER, format_date

__all__ = ["BLOCKS", "WrittenLine", "clear_caches", "header_reads_back", "proved", "record_problems"]


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
        yield (
            "extensions",
            (
                f"a statement page has no place for extension data ({', '.join(sorted(d.extensions))});"
                " serialise the record as JSON instead"
            ),
        )
    if len(d.organisations) > 1:
        yield "organisations", f"the title line names one organisation, not {len(d.organisations)}"
    elif d.organisations:
        org = d.organisations[0]
        if d.reference is None:
            yield "organisations[0]", "a title line without a reference does not read as a title"
        elif org.reference != d.reference:
            yield (
                "organisations[0].reference",
                (
                    f"the title line gives the organisation the statement's reference "
                    f"{d.reference!r}, not {org.reference!r}"
                ),
            )
    if d.category is not None and ">" in d.category.area:
        yield "category.area", f"{d.category.area!r} holds '>', which separates area and subject"
    if d.outcome is not None:
        code, detail = parse_outcome(d.outcome.label)
        code = code or OutcomeCode.OTHER
        if (code, detail) != (d.outcome.code, d.outcome.detail):
            yield (
                "outcome",
                (
                    f"the label {d.outcome.label!r} reads as code {code.value!r} with detail {detail!r}, "
                    f"not {d.outcome.code.value!r} with {d.outcome.detail!r}"
                ),
            )


# -- the text writer's proof ---------------------------------------------------------------------------------
BLOCKS = frozenset({Paragraph, BulletList, NumberedParagraph, SubParagraph})
_State = tuple[bool, ...]  # the classifier's Classifier.STATE flags
_Verdict = tuple[list[Token], _State]
_LISTED = (Form.NUMBERED, Form.BULLET)
_HEADER_KEYS = {"Category": "category", "Decision": "decision", "Decision date": "decision date"}
_LONG_IS_PLAIN = "" not in CHROME_LINES and not BREADCRUMB.match("")  # a long line's key is ""
# No chrome line's key begins with a header or summary label: such a row is never chrome.
_LABELS_ARE_PLAIN = not any(k.startswith((*_HEADER_KEYS.values(), "summary")) for k in CHROME_LINES)
_CRUMBS = ("home", "you are here")  # what a breadcrumb's key begins with
_CACHE_SIZE = 4096
_verdicts: dict[tuple[str, Form, _State], _Verdict] = {}


def _state(c: Classifier) -> _State:
    return c.state()


def _set_state(c: Classifier, state: _State) -> None:
    c.restore(state)


def _classified(c: Classifier, text: str, form: Form) -> list[Token] | None:
    """``c.classify(Line(text, form))``, the verdict cached by line and state (nothing is pending);
    ``None`` when the line leaves a label waiting for its value (``Summary:``), which the proof
    does not follow."""
    k = (text, form, _state(c))
    verdict = _verdicts.get(k)
    if verdict is None:
        tokens = c.classify(Line(text, form))
        try:
            after = _state(c)
        except ValueError:  # (a label waits for its value)
            return None
        if len(_verdicts) >= _CACHE_SIZE:
            _verdicts.clear()
        verdict = _verdicts[k] = (tokens, after)
    else:
        _set_state(c, verdict[1])
    return verdict[0]


@functools.cache
def _constant(text: str, state: _State) -> _Verdict:
    """The real classifier's verdict on a constant line in each state (computed once)."""
    c = Classifier()
    _set_state(c, state)
    return c.classify(Line(text)), _state(c)


def _states() -> list[_State]:
    return list(itertools.product((False, True), repeat=len(Classifier.STATE)))


def _rule_is_free() -> bool:
    """Whether the real classifier reads ``Back to top`` as the rule, changing nothing, in every state."""
    return all(
        len(tokens) == 1 and tokens[0].kind is Kind.RULE and tokens[0].text == BACK_TO_TOP and after == state
        for state in _states()
        for tokens, after in [_constant(BACK_TO_TOP, state)]
    )


def _matches(tok: Token, line: WrittenLine) -> bool:
    return (
        tok.kind is line.kind
        and tok.text == line.content
        and tok.depth == line.depth
        and tok.number == line.number
        and tok.name == line.name
        and tok.level is None
    )


def proved(d: Decision, plain: Sequence[WrittenLine], text: str) -> bool:
    """Whether ``text`` reads back equal to ``d``, shown without reading it back.

    ``plain`` are the lines the text writer wrote but its list lines and rules, in order. ``False`` means
    "not shown" (the full read-back decides), never "different". The caller vouches for the
    layout's rules (the module's docstring: the list lines in step 2, and step 4).
    """
    if text.startswith("\ufeff"):
        return False
    if not _RULE_IS_FREE:
        return False  # (the writer leaves its rules out of plain: they must read as rules whatever the state)
    c = Classifier()
    title: Token | None = None
    headers: dict[str, str] = {}
    summary = closing = None
    last_row = text.rstrip().rpartition("\n")[2].strip()
    final = plain[-1] if plain and plain[-1].text.strip() == last_row else None  # (the input's last line)
    for line in plain:
        kind, form = line.kind, line.form
        s = line.text if form is Form.TEXT else line.content  # the row stripped (only paragraphs are indented)
        if line is final and not _read_alike_last(c, s, form):
            return False  # (the reader reads the last line as a save cut short inside a chrome or closing line)
        if s[0] in _MARKER_START:  # a row that could be a list line: as the reader's lines() reads it
            found = list(lines(line.text))
            if len(found) != 1 or found[0].form is not form or found[0].text != s:
                return False
        if kind is Kind.MARKER:
            state = c.state()
            tokens, state = _MARKER_VERDICTS[state] if s == MARKER else _constant(s, state)
            if len(tokens) != 1 or not _matches(tokens[0], line) or not state[1]:
                return False  # (after the marker the body has begun: the list lines read as list lines)
            c.restore(state)
            continue
        if len(s) > MAX_SHORT_LINE:
            if _LONG_IS_PLAIN and c.body:  # a long line's key is "": only the summary label is looked for
                m = None if c.summary_seen else SUMMARY_LABEL.match(s)
                if m is None and kind is Kind.PARAGRAPH:
                    continue  # (the classifier's _paragraph: the body has begun, no state changes)
                if m is not None and kind is Kind.SUMMARY and s[m.end() :].strip() == line.content:
                    c.summary_seen = True
                    summary = line.content
                    continue
        elif kind is Kind.HEADER:
            if _LABELS_ARE_PLAIN and not c.headed and (c.titled or c.body):
                # A short "Label : value" row before any heading, after the title: the header field.
                m = HEADER_FIELD.match(s)
                if m is not None and m.group(1) == line.name and m.group(2) == line.content:
                    c.titled = True
                    headers[_HEADER_KEYS[m.group(1)]] = line.content
                    continue
        elif kind is Kind.SUMMARY:
            if _LABELS_ARE_PLAIN and c.body and not c.summary_seen:
                # A short "Summary: text" row after the marker: no header field, marker or title.
                m = SUMMARY_LABEL.match(s)
                if m is not None and s[m.end() :].strip() == line.content:
                    c.summary_seen = True
                    summary = line.content
                    continue
        elif kind is Kind.TITLE and not (c.titled or c.body):
            # The first row: the title unless its key is chrome or a breadcrumb.
            k = key(s)
            m = TITLE.match(s)
            if m is not None and k not in CHROME_LINES and not (k.startswith(_CRUMBS) and BREADCRUMB.match(k)):
                org = m.group("org")
                title = Token(
                    kind=Kind.TITLE, text=s, organisation=org.strip() if org else None, reference=m.group("ref")
                )
                c.titled = True
                continue
        verdict = _classified(c, s, form)
        if verdict is None or len(verdict) != 1 or not _matches(verdict[0], line):
            return False
        tokens = verdict
        if kind is Kind.HEADING or kind is Kind.PARAGRAPH:
            continue
        if kind is Kind.TITLE:
            title = tokens[0]
        elif kind is Kind.HEADER:
            headers[_HEADER_KEYS.get(line.name or "", "")] = line.content
        elif kind is Kind.SUMMARY:
            summary = line.content
        elif kind is Kind.CLOSING:
            closing = line.content
    return header_reads_back(d, title, headers, summary, closing)


def _read_alike_last(c: Classifier, text: str, form: Form) -> bool:
    """Whether the classifier in ``c``'s state reads ``text`` as the input's last line (where a save
    may have stopped inside a line of chrome or the closing line) as it reads it anywhere else."""
    last, elsewhere = copy.copy(c), copy.copy(c)
    return bool(
        last.classify(Line(text, form, final=True)) == elsewhere.classify(Line(text, form))
        and last.state() == elsewhere.state()
    )


_RULE_IS_FREE = _rule_is_free()
_MARKER_VERDICTS = {state: _constant(MARKER, state) for state in _states()}


class WrittenLine:
    """One line the text writer wrote: the row, what the reader must make of it, and its place.

    ``kind``, ``content`` (the token's text: the row stripped, without its list marker),
    ``depth``, ``number`` and ``name`` are the token the reader must make of the row, ``form``
    what the reader's ``lines()`` shows of it.
    """

    __slots__ = ("content", "depth", "form", "kind", "name", "number", "text", "where")

    def __init__(
        self,
        text: str,
        kind: Kind,
        content: str,
        where: str,
        form: Form = Form.TEXT,
        depth: int = 0,
        number: int | None = None,
        name: str | None = None,
    ) -> None:
        self.text = text
        self.kind = kind
        self.content = content
        self.where = where
        self.form = form
        self.depth = depth
        self.number = number
        self.name = name

    def token(self) -> Token:
        """The token the reader must make of the line."""
        return Token(kind=self.kind, text=self.content, depth=self.depth, number=self.number, name=self.name)


# -- the header values as the builder reads them back ------------------------------------------
# The same pure functions the builder calls (lgo_decisions._fields, _address), cached: the
# values they read (categories, outcome labels, dates) repeat from one statement to the next.
_category = functools.lru_cache(maxsize=_CACHE_SIZE)(parse_category)
_outcome = functools.lru_cache(maxsize=_CACHE_SIZE)(read_outcome)
_date = functools.lru_cache(maxsize=_CACHE_SIZE)(parse_date)
_reference = functools.lru_cache(maxsize=_CACHE_SIZE)(normalise_reference)
_CACHES = (_category, _outcome, _date, _reference)


def clear_caches() -> None:
    """Empty what the proofs have cached (the benchmarks time them without what they learnt)."""
    _verdicts.clear()
    for cache in _CACHES:
        cache.cache_clear()


def header_reads_back(
    d: Decision,
    title: Token | None,
    headers: Mapping[str, str],
    summary: str | None,
    closing: str | None,
) -> bool:
    """Whether the builder, given these tokens, gives every value of ``d`` but its sections.

    ``title`` is the title token as the classifier made it, ``headers`` the header values by
    label key (``category``, ``decision``, ``decision date``), ``summary`` and ``closing`` the
    texts of those tokens. This is what :func:`lgo_decisions._builder.build` does with them when
    the statement begins with its title, header fields or marker and has no second such token
    (the writers' layout): the same functions, in the same order.

    >>> header_reads_back(Decision(summary="In short."), None, {}, "In short.", None)
    True
    """
    if d.schema_version != SCHEMA_VERSION or d.extensions or d.compliance is not None:
        return False  # (a compliance line: left to the full read-back)
    reference = organisation = None
    if title is not None:
        # (a reference of the model's pattern is what normalise_reference makes of itself)
        reference = d.reference if title.reference == d.reference else _reference(title.reference or "")
        organisation = title.organisation
    orgs = d.organisations
    if organisation:  # (Organisation(name=organisation, reference=reference), without making one)
        org = orgs[0] if len(orgs) == 1 else None
        if type(org) is not Organisation or org.name != organisation or org.reference != reference:
            return False
    elif orgs:
        return False
    address = parse_address(d.url) if d.url else None  # (addresses do not repeat: not cached)
    if reconcile_reference(reference, address)[0] != d.reference:
        return False
    text = headers.get("category")
    category = _category(text) if text is not None else None
    if category is None and address is not None:
        category = address.category()
    if category != d.category:
        return False
    text = headers.get("decision")
    if (_outcome(text) if text is not None else None) != d.outcome:
        return False
    text = headers.get("decision date")
    day = d.decision_date
    if day is not None and text == format_date(day):
        when: dt.date | None = day  # (parse_date reads format_date's dates back: tests/test_text_writer.py)
    else:
        when = _date(text) if text is not None and text.strip() else None
    return when == d.decision_date and summary == d.summary and closing == d.decided_by
