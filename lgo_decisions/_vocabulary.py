"""Domain vocabularies: headings, page chrome, outcome labels, closing lines.

Sources: the published statements on the Ombudsman's site (www.lgo.org.uk/decisions), observed in
the five seed statements and the project's development corpus (2015-2026 pages). Every table is
matched after :func:`key` (quotes, case and spacing normalised); the published text is always kept.
"""

from __future__ import annotations

import re

from ._patterns import REFERENCE, REFERENCE_IN_TEXT
from .model import OutcomeCode

_QUOTES = (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\u2032", "'"))
"""Quote characters matched as their plain forms (the backtick too); white space is any Unicode space."""


def norm(text: str) -> str:
    """Normalise quotes and runs of white space, keep case.

    >>> norm("The Ombudsman\u2019s  final\tdecision\u00a0")
    "The Ombudsman's final decision"
    """
    if not text.isascii():
        for quote, plain in _QUOTES:  # (a replace per quote present beats translate())
            if quote in text:
                text = text.replace(quote, plain)
    if "`" in text:
        text = text.replace("`", "'")
    return " ".join(text.split())  # runs of white space (no-break spaces too) to one space, stripped


def key(text: str) -> str:
    """A matching key: :func:`norm`, lower case, without a trailing colon or full stop.

    >>> key("The Ombudsman\u2019s final decision:")
    "the ombudsman's final decision"
    """
    k = _KEYS.get(text)
    if k is None:
        k = norm(text).lower().rstrip(":. ").strip()
        if len(text) <= _KEYED_LENGTH:  # (short lines repeat: labels, headings, chrome; the same line is keyed often)
            if len(_KEYS) >= _KEYED:
                _KEYS.clear()
            _KEYS[text] = k
    return k


_KEYS: dict[str, str] = {}  # recent short lines' keys (bounded: memory stays flat over a corpus)
_KEYED, _KEYED_LENGTH = 4096, 200
cached_key = _KEYS.get
"""The :func:`key` of a line keyed recently, else ``None``: ``cached_key(s) or key(s)`` is ``key(s)``
without a Python call for most lines (the classifier's hot path)."""


# Headings of statements and reports, as keys. Top-level ones first; the rest appear as
# sub-headings (under "What I found", "My assessment", "Recommendations", ...).
MAIN_HEADINGS: frozenset[str] = frozenset(
    {
        "the complaint",
        "the ombudsman's role and powers",
        "the ombudsmen's role and powers",
        "how i considered this complaint",
        "how we considered this complaint",
        "what i found",
        "what we found",
        "my assessment",
        "our assessment",
        "assessment",
        "what i have investigated",
        "what i have and have not investigated",
        "what i have and haven't investigated",
        "what i have not investigated",
        "what we have investigated",
        "parts of the complaint that i did not investigate",
        "parts of the complaint i did not investigate",
        "agreed action",
        "agreed actions",
        "action",
        "recommended action",
        "final decision",
        "decision",
        "my decision",
        "the investigation",
        "investigation",
        "overview",
        "key to names used",
        "summary",
        "finding",
        "further report",
        "findings",
        "recommendations",
        "conclusions",
        "conclusion",
        "legal and administrative background",
        "relevant law and guidance",
        "law and guidance",
        "law, guidance and policies",
        "background",
        "what happened",
        "analysis",
        "decision date",
    }
)

SUB_HEADINGS: frozenset[str] = frozenset(
    {
        "analysis",
        "background",
        "what happened",
        "law and guidance",
        "relevant law and guidance",
        "legal and administrative background",
        "law, guidance and policies",
    }
)
"""Known headings that are sub-headings (of "What I found", "My assessment", ...)."""
TOP_HEADINGS: frozenset[str] = MAIN_HEADINGS - SUB_HEADINGS
"""Known headings that always open a section of their own (level 2)."""
PARENT_HEADINGS: frozenset[str] = frozenset(
    {
        "what i found",
        "what we found",
        "my assessment",
        "our assessment",
        "assessment",
        "the investigation",
        "investigation",
        "finding",
        "findings",
    }
)
"""Sections whose other headings are their sub-headings (level 3) when no "Back to top" rule shows it."""

REMEDY_SECTIONS: frozenset[str] = frozenset(
    {"recommendations", "agreed action", "agreed actions", "recommended action", "action"}
)
"""Sections of remedies: after a lead-in ending ":", their unmarked lines are the list of what was agreed
(a scraper's text of the 2016-17 report pages loses the list markers)."""

BULLET_SECTIONS: frozenset[str] = frozenset({"key to names used"})
"""Sections whose list items are bullets even when the layout marks every item ``-``."""

FINAL_DECISION_MARKER = re.compile(r"^the ombudsm[ae]n'?s final decision\s*:?$")
SUMMARY_LABEL = re.compile(r"^\s*summary\s*:\s*", re.IGNORECASE)
HEADER_FIELD = re.compile(r"^\s*(category|decision date|decision)\s*:\s*(\S(?:.*\S)?|)\s*$", re.IGNORECASE)
"""A header field and its value (stripped); linear: the value's last non-space found in one pass."""
TITLE = re.compile(rf"^\s*(?:(?P<org>\S(?:.*?\S)??)(?<!\()[\s(]*|\(\s*)?(?<![0-9])(?P<ref>{REFERENCE})\)?\s*$")
"""``<Organisation> (<reference>)`` or the bare reference, on one line. The organisation ends in a
non-space (so white space before the reference is tried once, not at every end of the organisation:
linear in the line) other than a bracket: white space and brackets before the reference are no
part of it (``(23 008 522)`` has none, ``Kent County Council ( 23 008 522)`` is the council's),
and the reference stands on its own (no digit before it: ``(2023 008 522)`` is
no reference ``23 008 522``)."""
_TITLE_TAIL = re.compile(rf"[\s(]*(?<![0-9])(?P<ref>{REFERENCE})\)?\s*$")
"""What :data:`TITLE` matches after the organisation: the reference at the line's end."""
_TAIL_LENGTH = 14  # the longest tail without its white space: "(", 8 digits, 2 separators, a letter, ")"
_ASCII_DIGITS = frozenset("0123456789")


def match_title(text: str) -> tuple[str | None, str] | None:
    """``(organisation, reference)`` as the groups of ``TITLE.match(text)`` give them, or ``None``
    when it does not match; about three times as fast.

    The organisation is the shortest that lets the rest of the line be the reference, so it ends
    where the first match of the tail begins (white space before it stripped), and that tail is
    within :data:`_TAIL_LENGTH` characters of the line's end (white space aside): the tail is
    searched for only there, and only when the line ends with a digit as a reference does.

    >>> match_title("Kent County Council (23 008 522)"), match_title("23-008-522b"), match_title("Mr X complained.")
    (('Kent County Council', '23 008 522'), (None, '23-008-522b'), None)
    """
    end = len(text.rstrip())
    last = text[max(0, end - 3) : end - 1] if text[end - 1 : end] == ")" else text[max(0, end - 2) : end]
    if last[-1:] not in _ASCII_DIGITS and last[:1] not in _ASCII_DIGITS:  # (a reference ends "9" or "9a")
        return None
    if "\n" in text:  # (an organisation never spans a line break)
        m = TITLE.match(text)
        return None if m is None else (m.group("org"), m.group("ref"))
    start = len(text) - len(text.lstrip())
    m = _TITLE_TAIL.search(text, max(start + 1, end - _TAIL_LENGTH))
    if m is not None:
        org = text[start : m.start()].rstrip()
        if org.endswith("("):  # (no organisation ends in a bracket: the pattern decides what is left)
            whole = TITLE.match(text)
            return None if whole is None else (whole.group("org"), whole.group("ref"))
        return org, m.group("ref")
    m = _TITLE_TAIL.match(text)  # (no organisation: the line is the reference)
    return None if m is None else (None, m.group("ref"))


HEADER_LABELS: frozenset[str] = frozenset({"category", "decision", "decision date"})
"""The header labels (as keys), which some pages put in an element or on a line of their own."""
BREADCRUMB = re.compile(r"^(?:you are here:?\s*)?home\s*[>\u00bb\u203a/]\s*\S")
"""The site's breadcrumb trail (``Home > Decisions > Housing > Allocations``), matched on a key."""
CLOSING = re.compile(
    r"(?:decision on behalf of the ombudsm[ae]n|^(?:the )?(?:deputy |assistant )?ombudsm[ae]n'?s decision)$"
)
COMPLIANCE = re.compile(
    r"^(?:the )?ombudsm[ae]n(?:'?s)? (?:is |was )?satisfied with (?:the )?council(?:'?s)? res?ponse"
    r"(?:\s*[:\-\u2013]\s*(?P<date>.*?))?\s*\.?$",
    re.IGNORECASE,
)
"""The compliance line ending the 2016-17 report pages, matched on :func:`norm` text: ``Ombudsman
satisfied with council's response: 2 October 2017`` (also ``council response``, ``Council's``, the
misspelt ``reponse``); the group ``date`` is what follows the colon."""

# Text that marks a container of a page as holding the statement (the HTML reader keeps such
# furniture): a reference, a header or summary label, the final-decision marker.
SIGNAL_REFERENCE = re.compile(REFERENCE_IN_TEXT)
SIGNAL_LABEL = re.compile(r"\b(?:category|decision date|decision|summary)\s*:", re.IGNORECASE)
SIGNAL_MARKER = re.compile(r"ombudsm[ae]n.?s final decision", re.IGNORECASE)
SIGNAL = re.compile("|".join(p.pattern for p in (SIGNAL_REFERENCE, SIGNAL_LABEL, SIGNAL_MARKER)), re.IGNORECASE)

# Page chrome: navigation, print links, the logo's alt text and the cookie dialog.
CHROME_LINES: frozenset[str] = frozenset(
    key(s)
    for s in (
        "Back to top",
        "Print this page",
        "LGO logogram",
        "Privacy settings",
        "Review your privacy settings",
        "Required cookies",
        "Analytical cookies",
        "View required cookies",
        "View analytical cookies",
        "These cookies enable the website to function properly. You can only disable these by changing "
        "your browser preferences, but this will affect how the website performs.",
        "Google Analytics cookies help us improve the performance of the website by understanding how "
        "visitors use the site.",
        "We recommend you set these 'ON'.",
        "In using Google Analytics, we do not collect or store personal information that could identify "
        "you (for example your name or address). We do not allow Google to use or share our analytics "
        "data. Google has developed a tool to help you opt out of Google Analytics cookies.",
        "Skip to main content",
        "Skip to content",
        "Accept all cookies",
        "Reject all cookies",
        "Save and close",
        "Save settings",
    )
)
FOOTER_START: frozenset[str] = frozenset(
    key(s)
    for s in (
        "Print this page",
        "LGO logogram",
        "Review your privacy settings",
        "Privacy settings",
    )
)
"""Chrome lines that begin the page footer when met after the statement has started."""
BACK_TO_TOP = key("Back to top")
RULE_LINE = re.compile(r"^[\W_]*back to top[\W_]*$")
"""A "Back to top" link, also with arrows or other marks around it (``↑ Back to top``), on a key."""
CONTENTS_HEADINGS: frozenset[str] = frozenset({"contents", "table of contents", "on this page", "in this statement"})
"""Headings of a table of contents (as keys): chrome before the statement's first heading."""
SHARE = re.compile(r"^share(?: this (?:page|decision))?\b.{0,80}\b(?:e-?mail|print|facebook|twitter|x|linkedin)\b")
"""A row of sharing links (``Share: Email | Print this page``), matched on a key."""
CLOSING_LINES: tuple[str, ...] = tuple(
    key(s)
    for s in (
        "Investigator's decision on behalf of the Ombudsman",
        "Assistant Ombudsman's decision",
        "Deputy Ombudsman's decision",
        "Ombudsman's decision",
        "The Ombudsman's decision",
    )
)
"""The closing lines seen, as keys: a save cut short inside one still ends the statement."""

# Outcome labels (before any ": detail"), as keys.
OUTCOMES: dict[str, OutcomeCode] = {
    "upheld": OutcomeCode.UPHELD,
    "not upheld": OutcomeCode.NOT_UPHELD,
    "closed after initial enquiries": OutcomeCode.CLOSED_AFTER_INITIAL_ENQUIRIES,
    "not investigated": OutcomeCode.NOT_INVESTIGATED,
    "investigation discontinued": OutcomeCode.INVESTIGATION_DISCONTINUED,
    "discontinued": OutcomeCode.INVESTIGATION_DISCONTINUED,
    "premature": OutcomeCode.PREMATURE,
    "premature decision": OutcomeCode.PREMATURE,
    "premature complaint": OutcomeCode.PREMATURE,
    "referred back for local resolution": OutcomeCode.REFERRED_BACK_FOR_LOCAL_RESOLUTION,
    "advice given": OutcomeCode.ADVICE_GIVEN,
    "outside jurisdiction": OutcomeCode.OUTSIDE_JURISDICTION,
    "out of jurisdiction": OutcomeCode.OUTSIDE_JURISDICTION,
    "withdrawn": OutcomeCode.WITHDRAWN,
    "complaint withdrawn": OutcomeCode.WITHDRAWN,
}


def is_heading_text(text: str, k: str | None = None) -> bool:
    """Whether a line standing alone reads as a heading (known, or short and title-like).

    ``k`` is the line's :func:`key` when the caller has it already.

    >>> is_heading_text("What I found"), is_heading_text("Care planning"), is_heading_text("Mr X complained.")
    (True, True, False)
    """
    if len(text) > 120:
        return False
    if k is None:
        k = key(text)
    if k in MAIN_HEADINGS:
        return True
    first = text.lstrip()[:1]  # (what norm() begins with, unless a quote, which reads as no heading either)
    if not (first.isupper() or (first.isdigit() and not _NUMBER_START.match(text.lstrip()))):
        return False
    s = norm(text)
    last = s[-1]
    if last == "?":  # a short question is a heading ("What happened?"), a long one a sentence
        return s.count(" ") < 8 and not any(c in s[:-1] for c in ".?!:;")
    if last in ".,;:)!\"'" or s.endswith("'s"):
        return False
    if ": " in s and last.isdigit():  # "Ombudsman satisfied with council's response: 23 September 2016"
        return False
    return s.count(" ") < 12 and s[s.rfind(" ") + 1 :] not in _NO_HEADING_ENDS  # (at most 12 words)


_NUMBER_START = re.compile(r"^\d+[.)]")  # a line starting so is a list item's text, no heading
_NO_HEADING_ENDS = frozenset({"£", "&"})  # a heading's last word is never one of these
