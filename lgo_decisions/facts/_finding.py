"""The finding: what the Ombudsman decided about fault, from the statement's deciding sentences.

The deciding sentences are the summary, the sections headed like a finding or a decision, and the
lead paragraphs of an old page without headings; each is read for signals (not investigated,
discontinued, no fault, fault without injustice, fault causing injustice, an agreed remedy), and
the signals decide. Mixed or missing signals give ``unclear``: the text is not guessed.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from ..model import Outcome, OutcomeCode
from ._gates import search
from ._models import Finding
from ._sentences import OWN, BlockText, Piece

__all__ = ["DECIDING_HEADINGS", "find_finding", "is_deciding"]

DECIDING_HEADINGS = re.compile(
    r"^\W*(?:summary|finding|findings|final\s+decision|decision|conclusions?|my\s+decision)\b", re.I
)
"""Headings of the sections whose sentences state the finding."""

_HARM = r"(?:injustice|distress|uncertainty|frustration|loss|harm|anxiety|inconvenience|stress|time\s+and\s+trouble)"
_SIGNALS: tuple[tuple[str, str], ...] = (
    ("discontinued", r"\bdiscontinu\w*\b[^.]{0,40}\binvestigation|\binvestigation\b[^.]{0,30}\bdiscontinu"),
    ("discontinued", r"\b(?:stopped|ended)\s+(?:my|our|the|this)\s+investigation|\bstopped\s+investigating"),
    (
        "not_investigated",
        r"\b(?:will|shall|did|do|have\s+decided|decided)\s+not\s+(?:to\s+)?investigate|\bwon[’']t\s+investigate",
    ),
    (
        "not_investigated",
        r"\bcan(?:not|[’']t)\s+(?:now\s+)?investigate|\bno\s+(?:legal\s+)?(?:power|jurisdiction)\s+to\s+investigate",
    ),
    ("not_investigated", r"\bnot\s+(?:be\s+)?investigat(?:e|ing)\s+(?:this|the|Mr|Mrs|Ms|Miss|Dr|his|her|their)"),
    ("not_investigated", r"\bclosed?\b[^.]{0,40}\bafter\s+(?:our|my)?\s*initial\s+enquiries"),
    ("not_investigated", r"\bnot\s+(?:start|begin|open|carry\s+out)\s+an?\s+investigation"),
    (
        "fault_no_injustice",
        r"\bfaults?\b[^.]{0,120}\b(?:but|however|although)\b[^.]{0,60}\b(?:did\s+not|didn[’']t|has\s+not|had\s+not|does\s+not|not)"
        r"\s+(?:cause|caused|lead\s+to|result\s+in)\b[^.]{0,40}\binjustice",
    ),
    (
        "fault_no_injustice",
        r"\bfault\s+(?:but|with)\s+no\s+(?:significant\s+)?injustice|\bno\s+(?:significant\s+)?injustice\s+(?:was\s+)?(?:caused|resulted)",
    ),
    (
        "fault_no_injustice",
        r"\bdid\s+not\s+cause\s+(?:sufficient|significant|any)\s+injustice|\bfault\b[^.]{0,60}\bwithout\s+(?:causing\s+)?(?:significant\s+)?injustice",
    ),
    (
        "no_fault",
        r"\b(?:no|not\s+find|not\s+found|did\s+not\s+find|have\s+not\s+found|has\s+not\s+found|found\s+no|there\s+was\s+no|there\s+is\s+no"
        r"|cannot\s+find|not\s+at)\s+(?:any\s+)?(?:evidence\s+of\s+)?fault",
    ),
    ("no_fault", r"\bnot\s+at\s+fault\b|\bwas\s+not\s+fault|\bnot\s+upheld\b|\bno\s+maladministration"),
    (
        "no_fault",
        r"\b(?:do|did|have|has)\s+not\s+(?:find|found)\s+(?:that\s+)?(?:the\s+\w+(?:\s+\w+)?|it|they)\s+"
        r"(?:was\s+|were\s+|to\s+be\s+|acted\s+with\s+)?(?:at\s+)?fault",
    ),
    (
        "fault_causing_injustice",
        rf"\bfaults?\b[^.]{{0,80}}\b(?:caus\w+|result\w+\s+in|led\s+to|leading\s+to)\b[^.]{{0,60}}\b{_HARM}",
    ),
    (
        "fault_causing_injustice",
        r"\binjustice\s+(?:was\s+)?caused\b|\b(?:fault|maladministration)\s+causing\s+injustice",
    ),
    (
        "fault_causing_injustice",
        r"\bcaused\s+(?:\w+\s+)?(?:an?\s+)?(?:significant\s+|substantial\s+|some\s+)?injustice",
    ),
    (
        "fault_causing_injustice",
        rf"^\W*(?:this|these|that|it|the\s+faults?|this\s+fault)\s+(?:has\s+|have\s+|also\s+)?(?:caused|led\s+to)\b[^.]{{0,80}}\b{_HARM}",
    ),
    ("fault_causing_injustice", rf"\b(?:suffered|experienced)\b[^.]{{0,40}}\b{_HARM}"),
    (
        "fault_causing_injustice",
        r"\b(?:we|I|Ombudsman)\s+(?:have\s+|has\s+)?(?:decided\s+to\s+)?(?:upheld|uphold|upholds)\b",
    ),
    (
        "fault",
        r"\b(?:found|find|finds|was|were|is|there\s+was|there\s+were|identified|accepted|acknowledged|admitted)\s+(?:some\s+|also\s+)?"
        r"(?:fault|faults|at\s+fault)\b|\bfaults?\s+(?:by|in|with)\s+the\b|\b(?:are|is|was|were)\s+(?:also\s+)?faults?\b",
    ),
    ("fault", r"\bdelay\w*\b|\bfailed\s+to\b|\bfailure\s+to\b|\bpoor\b"),
    ("fault", r"\bdid\s+not\s+(?:properly\s+)?(?:consider|complete|work|follow|provide|tell|respond|deal)\b"),
    (
        "remedy",
        r"\b(?:agreed|agrees|agree|will|should|recommend\w*|offered)\s+(?:to\s+)?(?:\w+\s+){0,3}?(?:apologi\w+|pay|make\s+a\s+payment"
        r"|a\s+payment|symbolic\s+payments?|refund|reimburse|waive|provid\w*|reassess|reconsider|remind|review|arrange|reinstate"
        r"|address|remedy|acknowledge|take\s+action)",
    ),
    (
        "remedy",
        r"\bagreed\s+to\s+(?:our|my)\s+recommendations|\bagreed\s+(?:a\s+)?(?:suitable|appropriate|our)\s+remedy|\bagreed\s+to\s+remedy",
    ),
    ("remedy", r"\b(?:satisfactory|suitable|appropriate|proportionate)\s+remedy\b|\bactions?\s+to\s+remedy\b"),
)
# For each pattern of _SIGNALS in turn, words (lower case) one of which it needs: without any, it is not searched.
_WORDS: tuple[tuple[str, ...], ...] = (
    ("discontinu",), ("stopped", "ended"),
    ("not investigate", "not to investigate", "t investigate"), ("investigate",), ("investigat",),
    ("initial enquiries",), ("investigation",),
    ("injustice",), ("injustice",), ("injustice",),
    ("fault",), ("not at fault", "not fault", "not upheld", "maladministration"), ("fault",),
    ("caus", "result", "led to", "leading to"), ("injustice",), ("caused",), ("caused", "led to"),
    ("suffered", "experienced"), ("uphe", "uphold"),
    ("fault",), ("delay", "failed", "failure", "poor"), ("did not",),
    ("agree", "will", "should", "recommend", "offered"), ("agreed",), ("remedy",),
)  # fmt: skip
_PATTERNS = tuple(
    (name, re.compile(pattern, re.I), words) for (name, pattern), words in zip(_SIGNALS, _WORDS, strict=True)
)
_REPORTED = re.compile(
    r"\b(?:complain(?:s|ed|ing)?|said|says|alleg\w*|believes|feels|felt|thinks|wants?|wanted)\b", re.I
)
_CARRIES_ON = re.compile(r"\W*(?:this|it|these|that|they|he|she)\b", re.I)
_NEGATED = re.compile(r"\b(?:not|n[’']t|no|never)\s+(?:\w+\s+){0,3}$", re.I)
_NEGATED_REMEDY = re.compile(
    r"\b(?:no|not|nothing)\s+(?:further\s+)?(?:remedy|recommendation)|\bwarrant\s+a\s+remedy|\bwants?\b|\bwould\s+like\b|\basked\s+(?:for|the)\b",
    re.I,
)


def is_deciding(piece: Piece) -> bool:
    """Whether ``piece`` is a sentence that states the finding (summary, finding, decision sections)."""
    return (piece.section == OWN and piece.block == 0) or _deciding_heading(piece.heading)


@functools.lru_cache(maxsize=512)
def _deciding_heading(heading: str | None) -> bool:
    return bool(DECIDING_HEADINGS.match(heading or ""))


_ALL_WORDS = tuple(sorted({w for words in _WORDS for w in words}))
_BY_WORD = {w: frozenset(i for i, words in enumerate(_WORDS) if w in words) for w in _ALL_WORDS}


class _Reported:
    """Whether each deciding sentence reports what someone says or wants, asked only where it
    matters: a sentence that does, or one starting ``This`` or ``It`` after one that does (each
    sentence is looked at once at most)."""

    def __init__(self, texts: list[tuple[str, str, bool]]) -> None:
        self.texts = texts  # (each sentence's words, its lower case, and whether its block is plain)
        self.known: dict[int, bool] = {}

    def __call__(self, index: int) -> bool:
        chain: list[int] = []
        answer = False
        while index >= 0:
            if index in self.known:
                answer = self.known[index]
                break
            text, low, plain = self.texts[index]
            if search(_REPORTED, text, low, plain):
                answer = True
                self.known[index] = True
                break
            if not _CARRIES_ON.match(text):
                self.known[index] = False
                break
            chain.append(index)
            index -= 1
        for i in chain:
            self.known[i] = answer
        return answer


def _signals_of(text: str, low: str, plain: bool, words: Iterable[str], reported: _Reported, index: int) -> set[str]:
    """The signals of one sentence (``words``: the trigger words its block holds)."""
    found: set[str] = set()
    indices = sorted(set().union(*(_BY_WORD[w] for w in words if w in low)))
    for i in indices:
        name, pattern, _ = _PATTERNS[i]
        m = search(pattern, text, low, plain)
        if m is None:
            continue
        if name in ("remedy", "fault", "fault_causing_injustice") and reported(index):
            continue
        if name == "remedy" and search(_NEGATED_REMEDY, text, low, plain):
            continue
        if name in ("fault", "fault_causing_injustice") and _NEGATED.search(text[max(0, m.start() - 30) : m.start()]):
            continue
        found.add(name)
    if "fault_no_injustice" in found:
        found.discard("fault_causing_injustice")  # ("fault, but this did not cause an injustice")
    return found


def _signals(blocks: Iterable[BlockText]) -> tuple[list[tuple[Piece, set[str]]], Piece | None]:
    """The deciding sentences with signals and their signals, in order; and the first deciding sentence."""
    texts: list[tuple[str, str, bool]] = []
    reported = _Reported(texts)
    out: list[tuple[Piece, set[str]]] = []
    first: Piece | None = None
    for block in blocks:
        sentences = block.sentences
        if not sentences:
            continue
        first = first or sentences[0]
        words = [w for w in _ALL_WORDS if w in block.low]
        for sentence, low in zip(sentences, block.lows, strict=True):
            texts.append((sentence.words, low, block.plain))
            found = _signals_of(texts[-1][0], low, block.plain, words, reported, len(texts) - 1) if words else None
            if found:
                out.append((sentence, found))
    return out, first


def _decide(s: set[str], first: str | None = None) -> Finding | None:
    """The finding the signals show; ``first`` is the first of not-investigated and fault-causing-injustice seen."""
    if "discontinued" in s:
        return Finding.DISCONTINUED
    positive = "fault_causing_injustice" in s
    if "not_investigated" in s and (not positive or first == "not_investigated"):
        return Finding.NOT_INVESTIGATED
    if positive:
        return Finding.FAULT_CAUSING_INJUSTICE
    if "fault_no_injustice" in s:
        return Finding.UNCLEAR if "remedy" in s else Finding.FAULT_NO_INJUSTICE
    if "no_fault" in s and "remedy" not in s:
        return Finding.NO_FAULT
    if "remedy" in s and ("fault" in s or "no_fault" not in s):
        return Finding.FAULT_CAUSING_INJUSTICE  # (an agreed remedy for this complaint, no finding against it)
    if "no_fault" in s:
        return Finding.NO_FAULT
    return None


# Published outcomes that say the finding by their definition (the header line is statement text too).
_BY_OUTCOME = {
    OutcomeCode.CLOSED_AFTER_INITIAL_ENQUIRIES: Finding.NOT_INVESTIGATED,
    OutcomeCode.NOT_INVESTIGATED: Finding.NOT_INVESTIGATED,
    OutcomeCode.INVESTIGATION_DISCONTINUED: Finding.DISCONTINUED,
}


def find_finding(blocks: Iterable[BlockText], outcome: Outcome | None = None) -> tuple[Finding, Piece | None]:
    """The finding, and the first sentence that showed it (``None`` when ``unclear`` or read from ``outcome``).

    When no sentence decides, a published outcome that names the finding by its definition
    ("Closed after initial enquiries") gives it; any other outcome ("Upheld") does not.
    """
    # (with an old page's lead paragraphs, before any heading)
    deciding = (b for b in blocks if is_deciding(b.piece) or (b.piece.heading is None and b.piece.section >= 0))
    each, first_sentence = _signals(deciding)
    first = next((n for _, sig in each for n in ("not_investigated", "fault_causing_injustice") if n in sig), None)
    finding = _decide(set().union(*(sig for _, sig in each)), first)
    if finding is None:
        return (_BY_OUTCOME.get(outcome.code, Finding.UNCLEAR) if outcome is not None else Finding.UNCLEAR), None
    for piece, signals in each:
        if _decide(signals) is finding:
            return finding, piece
    return finding, first_sentence
