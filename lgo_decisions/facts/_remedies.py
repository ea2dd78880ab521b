"""Remedies: what the body agreed, was recommended or offered to do, one entry per action.

A remedy sentence commits the body (``agreed to``, ``will``, ``should``, ``we recommend``, or the
body's own past act: ``It apologised``); the words after the commitment are cut into clauses at
``,``/``and``/``;`` where a new verb starts, and each clause is typed by :data:`REMEDY_VERBS`.
A lead-in ending in ``:`` carries its commitment (and deadline) to the list items below it.
Sums become pence, deadlines days; sentences saying what the complainant wants are not read.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

import attrs

from ._gates import alternatives, any_search, holds_any, may_match, search
from ._models import Finding, Purpose, Remedy, RemedyKind
from ._sentences import BlockText, Piece
from ._words import (
    ACTION_NOUNS,
    ACTION_VERBS,
    BEYOND_THE_COMPLAINANT,
    NUMBER_WORDS,
    PURPOSE_WORDS,
    REMEDY_VERBS,
    UNIT_DAYS,
)

__all__ = ["deadline_days", "find_remedies", "pence", "purpose_of"]

_SKIP_HEADINGS = re.compile(
    r"role\s+and\s+powers|legal\s+and\s+administrative|relevant\s+law|law\s+and\s+guidance|legislation|"
    r"how\s+I\s+considered|what\s+I\s+(?:have\s+)?(?:and\s+have\s+not\s+)?investigated|the\s+complaint\b|"
    r"key\s+to\s+names|what\s+happened|background|comments\s+on",
    re.I,
)
_COMMIT = re.compile(
    r"\b(?:(?:has|have|had)\s+(?:now\s+|also\s+|since\s+)?)?(?:agreed|agrees|agree|offered|offers)\s+(?:\w+\s+)?to\b"
    r"|\b(?:will|should|must|shall)\b,?\s*(?:now\s+|also\s+|first\s+)?(?=(?-i:[a-z]))(?!not\b|be\b|have\b|need\b)"
    r"|\b(?:we|I)\s+(?:also\s+)?recommend(?:ed)?\s+(?:that\s+)?(?:the\s+(?-i:[A-Z])\w+(?:\s+(?-i:[A-Z])\w+)?\s+|it\s+)?(?=(?-i:[a-z]))"
    r"|\bthis\s+includ(?:ed|es)\s+|\b(?:also\s+)?recommendations?\s+(?:to|that)\s+",
    re.I,
)
_COMMIT_WORDS = (
    "agree", "will", "should", "must", "shall", "recommend", "includ", "offer", "apolog", "refund", "reimburs",
    "waive", "remind", "backdat", "already", "report", "paid", "remed",
)  # fmt: skip
"""Words one of which a sentence committing the body holds (what _COMMIT, _OWN_ACT and _REPORT_BACK look for)."""
_PERSON_BEFORE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Miss|Dr|Mx)\s+[A-Z]|\b(?:he|she|they|you|I|we|who|people|residents?|councils|authorities|"
    r"(?i:a\s+council|an?\s+\w+\s+authority|the\s+law|legislation|guidance|code|regulations)))\s*$"
)
# A clause that only says a remedy is to come ("take action to remedy the injustice"), naming no act.
_GENERIC = re.compile(
    r"^\W*(?:(?:will\s+|also\s+|now\s+){0,3}take\s+(?:\w+\s+)?action\s+to\s+)?(?:remedy|put\s+right|address|acknowledge)\s+"
    r"(?:the|this|that|its|their|his|her)\s+(?:\w+\s+)?(?:injustice|complaint|fault|impact)s?\b(?!\s+(?:by|with))",
    re.I,
)
_LEAD = re.compile(r"\b(?:recommend\w*|agreed|agrees|agree|should|will|must|offered|asked\s+the)\b", re.I)
_REMEDY_HEADING = re.compile(
    r"recommendation|agreed\s+action|remed|^\W*within\b|what\s+(?:the\s+)?\w+\s+(?:has\s+)?agreed", re.I
)
# The body's own past acts, which need the body as the sentence's subject.
_OWN_ACT = re.compile(
    r"^(?:(?:In|Following|After|When)\b[^,.]{0,60}?,?\s+(?=It\b|The\s+[A-Z]|the\s+[A-Z]))?(?:It|The\s+[A-Z]\w+(?:\s+[A-Z]?\w+){0,3}|the\s+[A-Z]\w+)\s+"
    r"(?:has\s+|had\s+|also\s+|then\s+|now\s+|since\s+|already\s+|immediately\s+|(?:confirmed|says|said)\s+(?:that\s+)?it\s+(?:has|had)\s+){0,6}"
    r"(?=(?:apologised|refunded|reimbursed|waived|reminded|backdated|already\s+\w+)\b"
    r"|paid\s+(?:(?-i:(?:Mr|Mrs|Ms|Miss|Dr)\s+[A-Z])|him|her|them|£))"
)
# A refund or waiver the body made, named in passing (not at the start of the sentence).
_GIVEN_IN_PASSING = re.compile(
    r"\b(?:it|the\s+(?-i:[A-Z])\w+)\s+(?:had\s+|has\s+)?(?:already\s+|since\s+|then\s+)?(?=(?:refunded|reimbursed|waived)\b)",
    re.I,
)
_NOT_REMEDY = re.compile(
    r"\b(?:wants?|wanted|would\s+like|asked\s+(?:for|us)|asks|seeks?|seeking|hoped|expects?)\b"
    r"|\b(?:we|the\s+Ombudsman)\s+(?:may|can|cannot|could|usually|normally|publish)\b"
    r"|\bguidance\s+on\s+remedies\b|\bconsider\s+(?:this|the|our)\s+guidance\b|\bexplain\s+what\s+action\b|\brecommend\s+you\b"
    r"|\b(?:says|said|complained|complains|believes|feels|felt|thinks)\b[^.]{0,60}\b(?:should|will|agreed)\b"
    r"|^\W*(?:if|when|where|unless)\b(?![^,]{0,90},\s*(?:it|the\s+\w+)\s+(?:should|will|must))"
    r"|\bnot\s+(?:agreed|offered)\b|\bno\s+(?:further\s+)?remedy\b"
    r"|\b(?:provided|offered|given|made)\s+(?:a\s+|an\s+)?(?:suitable|appropriate|reasonable|proportionate|sufficient|adequate)\s+remedy",
    re.I,
)
"""What says a sentence names no remedy for this complaint (what someone wants, the law, a remedy refused)."""
_NOT_REMEDY_PARTS = alternatives(_NOT_REMEDY)  # (searched apart, each only where its words are)
# A counterfactual or a refusal ("should have", "will not"): no remedy, unless it sits in a clause
# the commitment opens ("agreed to review whether she should have kept ...").
_MODAL_NOT = re.compile(r"\b(?:should|would|could|must|will)\s+(?:have|not|never)\b", re.I)
_OPENS_CLAUSE = re.compile(r"\b(?:whether|if|that)\b", re.I)
# Remedies named as nouns, with no verb of commitment: the list after a lead, or before a verdict on it.
_NOUNS_AFTER = re.compile(
    r"\b(?:agreed|agrees|offered|offers|proposed|proposes|recommend(?:s|ed)?)\s+(?:a\s+|the\s+)?(?:\w+\s+)?remed(?:y|ies)\s+"
    r"(?:including|of|comprising|(?:which|that)\s+(?:includes?|included))\s+"
    r"|(?P<made>\b(?:made|make|makes|making)\s+(?:\w+\s+)?recommendations?\s+for\s+)",
    re.I,
)
_NOUNS_BEFORE = re.compile(
    r"\s+(?:is|are|was|were|would\s+be|will\s+be)\s+(?:a\s+|an\s+)?(?:(?!not\b|no\b)\w+\s+)?(?:satisfactory|suitable|appropriate|"
    r"proportionate|reasonable|sufficient|adequate|fair)\s+remed(?:y|ies)\b"
    r"|(?P<made>\s+(?:are|were|have\s+been|has\s+been|is|was)\s+made\b)",
    re.I,
)
_WE_JUDGE = re.compile(
    r"^\W*(?:I|we)\s+(?:also\s+)?(?:consider|think|find|believe|(?:am|are)\s+satisfied)\s+(?:that\s+)?", re.I
)
_RECOMMENDATIONS_FOR = re.compile(r"^\W*(?:(?:my|our|the)\s+)?recommendations?\s+for\s+", re.I)
_SUM_FIRST = re.compile(r"^\W*(?:a\s+sum\s+of\s+)?£\s?\d", re.I)
_ARTICLE = re.compile(r"^\W*(?:a|an|the|its|their)\s+(?:(?-i:[A-Z])\w+[’']s\s+)?", re.I)  # ("the Council's")
_REPORT_BACK = re.compile(r"\bconsider\s+the\s+report\b", re.I)  # (a report's statutory sentences: one entry each)
_PREFIX = (
    r"^(?:\W|\b(?:and|or|to|also|then|will|would|should|must|it|they|immediately|now|has|have|had|already|agreed|agrees|"
    r"offered|by|the\s+\w+\s+(?:will|should|has|must)|take\s+(?:\w+\s+)?action\s+to|"
    r"(?:my|our|the|these)\s+recommendations?(?:\s+to|\s+that)?|"
    r"(?:address|remedy|acknowledge|recognise)\w*\s+(?:this|the|these|that)\s+(?:\w+\s+)?(?:by|with))\b){0,12}\s*"
)
_NOUN_PREFIX = (
    r"(?:(?:a|an|the|its|providing|make|makes|making|issue|issues|issuing|offer|offers|give|gives|provide|provides"
    r"|send|sends|with|written|formal|full|sincere|meaningful|him|her|them|(?-i:(?:Mr|Mrs|Ms|Miss|Dr)\s+[A-Z]))\s+){0,6}"
)
_NOUN_KINDS = (RemedyKind.APOLOGY, RemedyKind.PAYMENT, RemedyKind.REFUND)
_KINDS = tuple(
    (re.compile(_PREFIX + (_NOUN_PREFIX if k in _NOUN_KINDS else "") + r"(?:" + p + r")", re.I), k)
    for p, k in REMEDY_VERBS
)
_ACTION = re.compile(_PREFIX + r"(?:" + ACTION_VERBS + r")\b", re.I)
_BEYOND = re.compile(BEYOND_THE_COMPLAINANT, re.I)
_ACTION_NOUN = re.compile(
    r"^\W*(?:an?\s+|the\s+)?(?:" + ACTION_NOUNS + r")(?:\s+(?:of|for|about|on|why|to)\b.*)?\W*$", re.I | re.S
)  # the whole clause
_SUBORDINATE = re.compile(
    r"^\W*(?:to\s+(?:acknowledge|recognise|recognize|remedy|reflect|make\s+up|compensate)|for\s+|\w+ing\b)", re.I
)
_CUT = re.compile(r"\s*(?:[;:]|,\s*(?:and|or)\s+|\s+and\s+(?!(?-i:[A-Z]))|,(?!\d{3}))\s*(?:also\s+)?", re.I)
_WHETHER = re.compile(r"\bwhether\s+(?:or\s+not\s+)?to\b", re.I)
_TO = re.compile(r"\W*to\s")
_TEACHING = re.compile(
    r"\b(?:remind|train|advise|tell)\w*\s+(?:its\s+|the\s+|all\s+)?(?:staff|officers|employees|workers)\b", re.I
)
_AMOUNT = re.compile(r"£\s?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{2}))?(?!\d)(\s*(?:k|thousand)\b)?")
_NOT_SUM = re.compile(
    r"(?:\bof\s+(?:the|a|an|his|her|their)\s+|\bfrom\s+(?:the\s+)?|\bout\s+of\s+(?:the\s+)?|\btotal\s+of\s+)$", re.I
)
_PER = re.compile(r"^\s*(?:per|a|each)\s+(?:week|month|year|day|hour|night)\b", re.I)
_EACH = re.compile(r"^\s*(?:to\s+)?each\b", re.I)
_DEADLINE = re.compile(r"\bwithin\s+(\d+|[a-z-]+)\s+(working\s+day|day|week|month|year)s?\b", re.I)
_PURPOSE_LEAD = re.compile(
    r"\b(?:for|to\s+(?:acknowledge|recognise|recognize|remedy|reflect|compensate|make\s+up|address)|in\s+recognition\s+of|because\s+of|towards)\b",
    re.I,
)
# "To remedy the injustice, the Council will ... make payments": the purpose of every payment after it.
_OPENING_PURPOSE = re.compile(
    r"^\W*(?:To|In\s+order\s+to)\s+(?:remedy|put\s+right|acknowledge|recognise|recognize|reflect|address|make\s+up\s+for)\b[^,.;]{0,120},"
)
_PURPOSES = tuple((re.compile(r"\b(?:" + p + r")", re.I), purpose) for p, purpose in PURPOSE_WORDS)
_BEFORE_US = re.compile(
    r"\balready\b|\bin\s+(?:its|the|their)\s+(?:\w+\s+){0,2}(?:complaint\s+)?(?:response|reply|responses)\b|\bstage\s+(?:one|two|1|2)\b|\bbefore\s+(?:\w+\s+){0,3}(?:complained|came|contacted)\s+(?:to\s+)?(?:us|the\s+Ombudsman)",
    re.I,
)
_OUR_ENQUIRIES = re.compile(
    r"\bin\s+response\s+to\s+(?:my|our)\s+(?:enquiries|draft|involvement)|\bour\s+recommendations?\b|\bwe\s+recommend",
    re.I,
)


def pence(text: str) -> list[tuple[int, int, int]]:
    """Each sum of money in ``text`` that is paid, as (start, end, pence): ``£1,500.50`` -> 150050.

    >>> [p for _, _, p in pence("pay £250 and £4,628, not the £75 per week")]
    [25000, 462800]
    """
    out = []
    for m in _AMOUNT.finditer(text):
        if _NOT_SUM.search(text[max(0, m.start() - 20) : m.start()]) or _PER.match(text[m.end() :]):
            continue
        pounds = int(m[1].replace(",", "")) * (1000 if m[3] else 1)
        out.append((m.start(), m.end(), pounds * 100 + int(m[2] or 0)))
    return out


def deadline_days(text: str) -> int | None:
    """The time given in ``text`` in days: ``within one month`` -> 30, ``within 20 working days`` -> 28.

    >>> deadline_days("within four weeks of the date of this report"), deadline_days("soon")
    (28, None)
    """
    m = _DEADLINE.search(text)
    if m is None:
        return None
    number = int(m[1]) if m[1].isdigit() else NUMBER_WORDS.get(m[1].lower())
    if number is None:
        return None
    return round(number * UNIT_DAYS[m[2].lower()])


def purpose_of(text: str) -> Purpose | None:
    """The first reason a payment clause gives (``to acknowledge the distress`` -> distress), or ``None``."""
    lead = _PURPOSE_LEAD.search(text)
    if lead is None:
        return None
    rest = text[lead.start() :]
    hits = [(m.start(), purpose) for pattern, purpose in _PURPOSES if (m := pattern.search(rest))]
    return min(hits, key=lambda h: h[0])[1] if hits else None


def _kind(clause: str) -> RemedyKind | None:
    if _GENERIC.search(clause):
        return None
    for pattern, kind in _KINDS:
        if pattern.search(clause):
            return kind
    if _SUBORDINATE.search(clause):
        return None  # a purpose or a participle: part of the clause before
    if _ACTION.search(clause):
        return RemedyKind.SERVICE_IMPROVEMENT if _BEYOND.search(clause) else RemedyKind.ACTION
    return None


def _clauses(text: str, start: int, end: int, nouns: bool = False) -> Iterator[tuple[int, int, RemedyKind]]:
    """Clauses of ``text[start:end]`` with their kinds; a clause with no kind joins the one before."""
    found = list(_CUT.finditer(text, start, end))
    cuts = [start, *(m.end() for m in found)]
    bounds: list[tuple[int, int, RemedyKind | None]] = []
    seps = [start, *(m.start() for m in found)]
    for a, b in zip(cuts, [*seps[1:], end], strict=True):
        clause = text[a:b]
        kind = _kind(_ARTICLE.sub("", clause, count=1) if nouns else clause)  # ("a review of the process")
        if kind is None and _SUM_FIRST.match(clause) and (nouns or (bounds and bounds[-1][2] not in _NOUN_KINDS)):
            kind = RemedyKind.PAYMENT  # "an apology and £300 for her distress" (a sum after a payment: that payment's)
        if kind is None and bounds and bounds[-1][2] is not None and _ACTION_NOUN.match(clause):
            kind = RemedyKind.ACTION  # "provide an apology, explanation, payment": the list's verb, its own act
        if bounds and _TO.match(clause) and _TEACHING.search(text[bounds[-1][0] : bounds[-1][1]]):
            kind = None  # "remind staff to do this, to do that": what staff are reminded of
        if bounds and text[bounds[-1][1] : a].strip().lower() == "and" and _WHETHER.search(text, *bounds[-1][:2]):
            kind = None  # "consider whether to waive the fee and refund it": what is to be decided
        if kind is None and bounds:
            prev = bounds[-1]
            bounds[-1] = (prev[0], b, prev[2])
        else:
            bounds.append((a, b, kind))
    for a, b, kind in bounds:
        if kind is not None:
            yield a, b, kind


def _entries(
    piece: Piece, start: int, deadline: int | None, already: bool, end: int | None = None, nouns: bool = False
) -> Iterator[Remedy]:
    text = piece.text
    for a, b, kind in _clauses(text, start, piece.end if end is None else end, nouns):
        clause = text[a:b]
        base = Remedy(
            kind=kind,
            amount_pence=None,
            purpose=None,
            deadline_days=deadline,
            already_provided=already,
            text=clause.strip(" ,;.:"),
            span=piece.span(a, b),
        )
        if kind in (RemedyKind.PAYMENT, RemedyKind.REFUND):
            sums = pence(clause)
            purpose = purpose_of(clause) if kind is RemedyKind.PAYMENT else None
            if not sums:
                yield attrs.evolve(base, purpose=purpose)
            for _, e, amount in sums[:1] if kind is RemedyKind.REFUND else sums:
                times = 2 if _EACH.match(clause[e - a :]) else 1
                for _ in range(times):
                    yield attrs.evolve(base, amount_pence=amount, purpose=purpose)
        else:
            yield base


@functools.lru_cache(maxsize=512)
def _read_under(heading: str | None) -> bool:
    return not _SKIP_HEADINGS.search(heading or "")


def _reads(piece: Piece) -> bool:
    return _read_under(piece.heading)


def _commitment(words: str, low: str, plain: bool, investigated: bool) -> re.Match[str] | None:
    """Where the body's commitment starts in a sentence: the first one whose subject is not a person."""
    own = search(_OWN_ACT, words, low, plain)
    commits = _COMMIT.finditer(words) if may_match(_COMMIT, low, plain) else ()
    for m in commits:
        if not investigated and m[0][:4].lower() in ("will", "shou", "must", "shal"):
            continue  # the law or the future, in a statement that did not investigate
        if own is not None and own.end() <= m.start():
            return own
        if m[0][:4].lower() in ("will", "shou", "must", "shal") and _PERSON_BEFORE.search(words[: m.start()]):
            continue
        return m
    if own is None and (given := search(_GIVEN_IN_PASSING, words, low, plain)):
        return given  # "the amount it refunded to Mr Y": a sum the body gave back, said in passing
    return own


def _noun_list(words: str, investigated: bool) -> tuple[int, int] | None:
    """Where a list of remedies named as nouns lies in a sentence that commits no verb.

    ``agreed a remedy including an apology and a payment``, ``We made recommendations for ...``,
    ``An apology, a payment and training for officers is a suitable remedy``, ``Recommendations for
    service improvements are made``.
    """
    if after := _NOUNS_AFTER.search(words):
        return (after.end(), len(words)) if investigated or after["made"] is None else None
    before = _NOUNS_BEFORE.search(words)
    if before is None:
        return None
    if before["made"] is not None:  # "Recommendations for ... are made"
        lead = _RECOMMENDATIONS_FOR.match(words)
        return (lead.end(), before.start()) if lead is not None and investigated else None
    judged = _WE_JUDGE.match(words)
    start = judged.end() if judged else 0
    first = _CUT.search(words, start, before.start())
    if _kind(_ARTICLE.sub("", words[start : first.start() if first else before.start()], count=1)) is None:
        return None  # the list starts with a remedy, or it is not one ("Mr X says an apology ...")
    return (start, before.start())


def _modal_veto(words: str, start: int) -> bool:
    """Whether a counterfactual or refusal is the sentence's own verb, not inside a clause opened after ``start``."""
    for modal in _MODAL_NOT.finditer(words):
        if modal.start() < start or not _OPENS_CLAUSE.search(words, start, modal.start()):
            return True
    return False


def _is_continuation(words: str) -> bool:
    """A list item that continues a lead-in (``apologise to Mr X;``), not a sentence of its own."""
    first = words.lstrip(" -–•*·")[:1]
    return bool(first) and not first.isupper()


def _twin_key(r: Remedy) -> tuple[RemedyKind, int | None] | None:
    """What makes a remedy in another sentence the same one: an apology, or a sum of the same kind."""
    if r.kind is RemedyKind.APOLOGY:
        return (r.kind, None)
    return (r.kind, r.amount_pence) if r.amount_pence is not None else None


def find_remedies(blocks: Iterable[BlockText], finding: Finding) -> list[Remedy]:
    """The remedies of a statement from its blocks in reading order (a restated remedy once)."""
    out: list[Remedy] = []
    first: dict[tuple[RemedyKind, int | None], tuple[tuple[int, int, int], int]] = {}  # -> (sentence, place in out)
    lead: tuple[int | None, bool] | None = None  # a lead-in's deadline and already-provided
    investigated = finding not in (Finding.NOT_INVESTIGATED, Finding.DISCONTINUED)
    for block in blocks:
        piece = block.piece
        if not _reads(piece) or (not any(piece.lines) and not block.has_any(_COMMIT_WORDS)):
            if piece.text and not piece.text.isspace():
                lead = None  # (what each of its sentences would do: none is a remedy, none a list item)
            continue
        for piece, low in zip(block.sentences, block.lows, strict=True):
            lead = _sentence_remedies(piece, low, block.plain, lead, investigated, out, first)
    return out


def _sentence_remedies(
    piece: Piece,
    low: str,
    plain: bool,
    lead: tuple[int | None, bool] | None,
    investigated: bool,
    out: list[Remedy],
    first: dict[tuple[RemedyKind, int | None], tuple[tuple[int, int, int], int]],
) -> tuple[int | None, bool] | None:
    """The remedies of one sentence added to ``out``; the lead-in (deadline, already-provided) after it."""
    words = piece.words
    heading = piece.heading or ""
    if piece.item and _is_continuation(words) and (lead is not None or _REMEDY_HEADING.search(heading)):
        if any_search(_NOT_REMEDY_PARTS, words, low, plain) or _modal_veto(words, 0):
            return lead
        deadline, already = lead if lead is not None else (deadline_days(heading), False)
        found = list(_entries(piece, piece.start, deadline_days(words) or deadline, already))
        _add(_with_opening_purpose(words, found), piece, out, first)
        return lead
    if not piece.item:
        lead = None
    if not holds_any(low, _COMMIT_WORDS):
        return lead
    is_lead = words.rstrip().endswith((":", ":-")) and bool(_LEAD.search(words))
    report_back = not is_lead and bool(search(_REPORT_BACK, words, low, plain))
    m = None if is_lead or report_back else _commitment(words, low, plain, investigated)
    nouns = None if is_lead or report_back or m is not None else _noun_list(words, investigated)
    if not (is_lead or report_back or m is not None or nouns is not None) or any_search(
        _NOT_REMEDY_PARTS, words, low, plain
    ):
        return lead
    if _modal_veto(words, m.end() if m is not None else (nouns[0] if nouns is not None else 0)):
        return lead
    deadline = deadline_days(words)
    already = bool(search(_BEFORE_US, words, low, plain)) or (
        not investigated and not search(_OUR_ENQUIRIES, words, low, plain)
    )
    if is_lead:
        return (deadline, already)
    if report_back:
        found = [Remedy(kind=RemedyKind.REPORT_BACK, amount_pence=None, purpose=None, deadline_days=deadline,
                        already_provided=False, text=words, span=piece.span())]  # fmt: skip
    elif m is not None:
        found = list(_entries(piece, piece.start + m.end(), deadline, already))
    else:
        assert nouns is not None
        a, b = nouns
        found = list(_entries(piece, piece.start + a, deadline, already, piece.start + b, nouns=True))
    _add(_with_opening_purpose(words, found), piece, out, first)
    return lead


def _with_opening_purpose(words: str, found: list[Remedy]) -> list[Remedy]:
    """``found`` with the purpose a sentence opens with (``To remedy the injustice, ...``) given to its
    payments that have none of their own."""
    if (opening := _OPENING_PURPOSE.match(words)) and (shared := purpose_of(opening[0])) is not None:
        return [attrs.evolve(r, purpose=shared) if r.kind is RemedyKind.PAYMENT and r.purpose is None else r
                for r in found]  # fmt: skip
    return found


def _add(
    found: list[Remedy],
    piece: Piece,
    out: list[Remedy],
    first: dict[tuple[RemedyKind, int | None], tuple[tuple[int, int, int], int]],
) -> None:
    """Add a sentence's remedies to ``out``, but for one restated from an earlier sentence."""
    key = (piece.section, piece.block, piece.start)
    for remedy in found:
        twin = _twin_key(remedy)
        earlier = first.get(twin) if twin is not None else None
        if earlier is not None and earlier[0] != key:  # restated (the summary, then the agreed action): once
            kept = out[earlier[1]]
            if kept.deadline_days is None and remedy.deadline_days is not None:
                out[earlier[1]] = attrs.evolve(kept, deadline_days=remedy.deadline_days)
            continue
        if twin is not None and earlier is None:
            first[twin] = (key, len(out))
        out.append(remedy)
