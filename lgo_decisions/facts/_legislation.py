"""Legislation citations in a block's text: instruments named, and the provisions cited of them.

Three forms, in this order of precedence:

- provision first: ``section 41 of the Highways Act 1980``, ``Part 3 and Part 3A of the Local
  Government Act 1974``, ``paragraph 5A of Schedule 5 to the Act`` (``the Act``, ``the 1974 Act``,
  ``the Code`` and the like name the instrument the text defined so, or else the last one of that
  kind it named);
- instrument first: ``Local Government Act 1974, section 24A(6), as amended, section 34(B)``,
  ``the Children Act 1989, section 17`` (provisions joined to the name by a comma, a semicolon or a
  space, as inside the Ombudsman's closing parentheses);
- the instrument alone: ``the Care Act 2014``, ``the SEND code of practice``.

A provision whose instrument the text does not name (``section 17`` alone) is not an entry. Every
pattern is a sequence of bounded, unambiguous parts, and titles are found by walking back a bounded
number of words from ``Act``, ``Regulations`` or ``Order``: the time is linear in the text's length.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

import attrs

from lgo_decisions.facts._instruments import Instrument, by_name, kinds_of
from lgo_decisions.facts._provisions import NUMBERED, PROVISIONS, items, provisions

__all__ = ["Cited", "find_legislation"]


@attrs.frozen
class Cited:
    """One provision cited, as found in one text: ``text[start:end]`` is the citation as written."""

    instrument: str
    provision: str | None
    text: str
    start: int
    end: int
    #: The legislation.gov.uk identifier of the instrument (``ukpga/1974/7``), or None when unknown.
    legislation_id: str | None = None


# --- the words between a citation's parts ----------------------------------------------------
_AS_AMENDED = re.compile(r"\s?\(as amended\)|,?\s?as amended\b")
_JOIN = re.compile(rf"(?:{_AS_AMENDED.pattern})?(?:\s?[,;]\s?(?:and\s)?|\s)")
_OF_THE = re.compile(r"\s(?:of|to)\s(?:the\s)?")
_OF_BEFORE = re.compile(r"\s(?:of|to)\s(?:the\s)?$|[\d)]\s$")  # before a name: "of the", or a provision
_REFERENCE = re.compile(  # not "the Guidance on Remedies": a reference is not followed by more of a title
    r"(?:(\d{4})\s)?(Act|Regulations|Code of Practice|Code|Guidance|Order|Standards)\b(?![ ](?:on |for |of )?[A-Z])"
)
_IN_PARENTHESIS = re.compile(r"\s?\(")
_DEFINITION = re.compile(
    r"\s?\((?:the\s)?[“\"‘']?(?:the\s)?((?:\d{4}\s)?(?:Act|Regulations|Code|Guidance|Order|Standards))"
    r"[”\"’']?\)"
)

# --- instruments -----------------------------------------------------------------------------
_YEARED = re.compile(r"\s\d{4}$")
_ANCHOR_WORDS = ("Act", "Regulations", "Order", "Rules")  # the last word of a title found by walking
_REFERENCE_WORDS = ("Code", "Guidance", "Standards")


def _index_names() -> dict[tuple[str, str], list[tuple[str, str]]]:
    """Every title and alias (lower case) by its last two words before any year (the word before
    the last: ``""`` for a one-word name), as (head, year), longest first: a name is looked for
    only where its last word is, which the fast key scan finds."""
    index: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for name in sorted(by_name, key=len, reverse=True):
        year = _YEARED.search(name)
        head = name[: year.start()] if year else name
        words = head.split(" ")
        key = (words[-1], words[-2] if len(words) > 1 else "")
        index.setdefault(key, []).append((head, year.group() if year else ""))
    return index


_BY_LAST_WORDS = _index_names()
_LAST_WORDS = frozenset(last for last, _ in _BY_LAST_WORDS)
_LOWER_CASE_KEYS = frozenset({"code", "guidance", "practice", "years"})  # codes are printed in any case
_KEY_WORDS = sorted(
    {variant for word in (*_LAST_WORDS, *(w.lower() for w in (*_ANCHOR_WORDS, *_REFERENCE_WORDS)))
     for variant in (word.capitalize(), word.upper(), *([word] if word in _LOWER_CASE_KEYS else []))},
    key=len, reverse=True,
)  # fmt: skip


def _by_first_letter(words: list[str]) -> str:
    """``words`` as alternatives grouped by their first letter, in their order within each group (what
    matches where is as for the plain alternation; the scan tries one group, not every word, at a letter)."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(word[1:])
    return "|".join(f"{re.escape(first)}(?:{'|'.join(map(re.escape, rests))})" for first, rests in groups.items())


_KEY = re.compile(_by_first_letter(_KEY_WORDS))
"""The last words of every name, and of references: a text without one cites nothing (literal
alternatives, so that the scan is fast)."""
_TRAILING_YEAR = re.compile(r"\s(\d{4})\b")
_TITLE_WORD = re.compile(r"\(?[A-Z][\w’'-]*\)?")
_CONNECTORS = frozenset({"and", "of", "for", "in", "on", "to", "from", "with", "etc.", "&"})
_STOP_WORDS = frozenset({
    "The", "This", "That", "These", "Those", "A", "An", "Any", "Each", "Every", "Our", "Its",
    "His", "Her", "Their", "My", "Your", "Under", "In", "Of", "By", "As", "When", "If", "Where",
    "Whether", "With", "For", "From", "On", "And", "But", "Or", "So", "Also", "Section",
    "Sections", "Part", "Parts", "Schedule", "Regulation", "Paragraph", "Mr", "Mrs", "Ms", "Miss",
    "Dr", "I", "We", "It", "He", "She", "They", "See",
})  # fmt: skip
_MAX_TITLE_WORDS = 14
_LOOK_BACK = 200
_OTHER_SPACE = re.compile(r"[^\S ]")  # any space character but the space
_RUN_REACH = 400  # a run of provisions before "of the <name>" starts at most this far before the name's last word
_YEAR_AT_END = re.compile(r"\s(\d{4})$")
_WORD = re.compile(r"\S+")
_WORD_GOES_ON = re.compile(r"[\w-]")


@attrs.frozen
class _Mention:
    """An instrument named in the text (or a reference such as ``the Act``: ``instrument`` None)."""

    start: int
    end: int
    instrument: Instrument | None
    reference: str | None = None  # "act", "1974 act", "code", ... for a reference


def _unknown(title: str) -> Instrument:
    return Instrument(title)


def _yearless(title: str) -> str:
    return _YEARED.sub("", title).lower()


def _resolve_title(title: str, year: str | None, named: dict[str, Instrument]) -> Instrument | None:
    """The table's instrument of a found title; for a yearless one, the one of that name named
    before (``named``: by yearless title), else the title as printed; None for a one-word title
    without a year (``the Riot Act``)."""
    name = " ".join(title.split())
    full = f"{name} {year}" if year else name
    known = by_name.get(full.lower())
    if known is not None:
        return known
    if year is None:
        if name.lower() in named:
            return named[name.lower()]
        if len(name.split()) < 3:
            return None
    return _unknown(full)


def _walk_back(text: str, anchor: int) -> tuple[int, str, str | None] | None:
    """The title words before ``anchor`` (start, title, a year printed before it), or None."""
    window_start = max(0, anchor - _LOOK_BACK)
    words = list(_WORD.finditer(text, window_start, anchor))
    accepted: list[re.Match[str]] = []
    year: str | None = None
    expected_end = anchor - 1
    for word in reversed(words):
        if word.end() != expected_end or not text[word.end()].isspace():
            break
        token = word.group()
        if re.fullmatch(r"\d{4}", token):
            before = text[max(0, word.start() - 4) : word.start()]
            if before in ("the ", "The ") or word.start() == 0:  # "the 1983 Mental Health Act"
                year = token
                accepted.append(word)
            break
        if token in _STOP_WORDS or not (_TITLE_WORD.fullmatch(token) or token in _CONNECTORS):
            break
        accepted.append(word)
        if len(accepted) > _MAX_TITLE_WORDS:
            return None
        expected_end = word.start() - 1
    title_words = [w for w in reversed(accepted) if w.group() != year]
    while title_words and title_words[0].group() in _CONNECTORS:
        title_words.pop(0)
    if year is not None and not title_words:
        return accepted[-1].start(), "", year
    if not title_words:
        return None
    start = accepted[-1].start() if year is not None else title_words[0].start()
    joined = " ".join(w.group() for w in title_words)
    if joined.count("(") > joined.count(")") and joined.startswith("(") and year is None:
        joined, start = joined[1:], start + 1
    if joined.count("(") != joined.count(")") or not joined[0].isupper():
        return None
    return start, joined, year


def _mentions(text: str, seen: list[Instrument], keys: list[int], first_key: int = 0) -> list[_Mention]:
    """Every instrument named in ``text``, left to right, longest first where names overlap; the
    start of every key word (the last word of a name or reference) is added to ``keys``."""
    found: list[tuple[_Mention, int]] = []
    named = {_yearless(instrument.title): instrument for instrument in seen}
    for key in _KEY.finditer(text, first_key):  # (no key word starts before the first one)
        start, end = key.span()
        if (start and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum()):
            continue
        keys.append(start)
        word = key.group().lower()
        space = text.rfind(" ", max(0, start - 60), start - 1)
        before = text[space + 1 : start - 1].lower() if start and text[start - 1] == " " else ""
        candidates = (*_BY_LAST_WORDS.get((word, before), ()), *_BY_LAST_WORDS.get((word, ""), ()))
        named_at = -1
        for head, year in candidates:
            begin, finish = end - len(head), end + len(year)
            if not year and _TRAILING_YEAR.match(text, end):
                continue  # "Care Act 2015" is not the Care Act 2014: the walk below names it
            if (
                begin >= 0
                and text[begin].isupper()
                and text[begin:end].lower() == head
                and text[end:finish].lower() == year
                and not (begin and _WORD_GOES_ON.match(text, begin - 1))
                and not _WORD_GOES_ON.match(text, finish)
            ):
                found.append((_Mention(begin, finish, by_name[head + year]), 0))
                named_at = begin
                break
        if key.group() in _ANCHOR_WORDS and (named_at < 0 or _title_goes_on_before(text, named_at)):
            found += _walked_mention(text, key, named)
        if found and found[-1][0].instrument is not None:
            named[_yearless(found[-1][0].instrument.title)] = found[-1][0].instrument
    found.sort(key=lambda pair: (pair[0].start, -pair[0].end, pair[1]))
    kept: list[_Mention] = []
    for mention, _ in found:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept


def _title_goes_on_before(text: str, start: int) -> bool:
    """Whether the word before ``start`` could be part of a longer title (``Social`` before ``Care
    Act``), so that the walk back from the anchor may find a longer name than the table's."""
    if start < 2 or not text[start - 1].isspace():
        return False
    space = text.rfind(" ", max(0, start - 60), start - 1)
    word = text[space + 1 : start - 1]
    return word not in _STOP_WORDS and bool(word in _CONNECTORS or _TITLE_WORD.fullmatch(word))


def _walked_mention(text: str, anchor: re.Match[str], named: dict[str, Instrument]) -> list[tuple[_Mention, int]]:
    """The instrument whose title ends at ``Act``, ``Regulations``, ``Order`` or ``Rules``, if any."""
    word = anchor.group()
    year_match = _TRAILING_YEAR.match(text, anchor.end())
    trailing_year = year_match.group(1) if year_match else None
    end = year_match.end() if year_match else anchor.end()
    if trailing_year is None and (word in ("Order", "Rules") or re.match(r"\s?\d", text[end : end + 2])):
        return []  # an Order or Rules without a year; a year cut short ("the Act 19")
    walked = _walk_back(text, anchor.start())
    if walked is None:
        return []
    start, title, leading_year = walked
    if not title:
        if leading_year is None or trailing_year is not None:
            return []
        return [(_Mention(start, end, None, f"{leading_year} {word.lower()}"), 1)]
    resolved = _resolve_title(f"{title} {word}", trailing_year or leading_year, named)
    return [] if resolved is None else [(_Mention(start, end, resolved), 1)]


# --- assembling citations --------------------------------------------------------------------
def _cited(text: str, start: int, end: int, instrument: Instrument, provision: str | None) -> Cited:
    return Cited(
        instrument=instrument.title,
        provision=provision,
        text=text[start:end],
        start=start,
        end=end,
        legislation_id=instrument.legislation_id,
    )


def _reference_keys(instrument: Instrument) -> list[str]:
    """The references that may name ``instrument``: its kind, and its kind with its year."""
    year = _YEAR_AT_END.search(instrument.title)
    kinds = kinds_of(instrument.title)
    return [*kinds, *(f"{year.group(1)} {kind}" for kind in kinds)] if year else list(kinds)


def _reference_key(reference: str) -> str:
    """``1974 act`` -> ``1974 act``; ``code of practice`` -> ``code``; ``regulations`` as is."""
    year, _, word = reference.partition(" ") if reference[:1].isdigit() else ("", "", reference)
    kind = {"code of practice": "code", "standards": "other"}.get(word, word)
    return f"{year} {kind}" if year else kind


@attrs.define
class _Referents:
    """What ``the Act`` (``the 1974 Act``, ``the Code``, ...) names at a place in the text: the
    instrument the text defined so, else the last one of that kind named before, else the last of
    the statement's earlier ones (looked up by bisection: linear time overall)."""

    defined: dict[str, Instrument]
    ends: dict[str, list[int]] = attrs.field(factory=dict)
    named: dict[str, list[Instrument]] = attrs.field(factory=dict)
    earlier: dict[str, Instrument] = attrs.field(factory=dict)

    def add(self, end: int, instrument: Instrument) -> None:
        for key in _reference_keys(instrument):
            self.ends.setdefault(key, []).append(end)
            self.named.setdefault(key, []).append(instrument)

    def refer(self, reference: str, before: int) -> Instrument | None:
        if reference in self.defined:
            return self.defined[reference]
        key = _reference_key(reference)
        index = bisect.bisect_right(self.ends.get(key, []), before) - 1
        if index >= 0:
            return self.named[key][index]
        return self.earlier.get(key)


def _starts_inside_word(text: str, start: int) -> bool:
    return start > 0 and (text[start - 1].isalnum() or text[start - 1] in "’'_")


def find_legislation(text: str, *, earlier: Iterable[str] = ()) -> list[Cited]:
    """Every legislation citation in ``text``, in text order (one entry per provision).

    ``earlier`` names instruments (by title) the statement cited before this text, so that ``the
    Act`` or ``the 1974 Act`` here can refer to them.
    """
    first_key = _KEY.search(text)
    if first_key is None:
        return []  # the fast path: most paragraphs name no instrument (a key word is one word)
    if _OTHER_SPACE.search(text) is None:
        return _find(text, earlier, first_key.start())
    spaced = _OTHER_SPACE.sub(" ", text)  # "Act\xa01974" is "Act 1974"; the same length, so spans hold
    return [attrs.evolve(c, text=text[c.start : c.end]) for c in _find(spaced, earlier, first_key.start())]


def _find(text: str, earlier: Iterable[str], first_key: int) -> list[Cited]:
    seen = [by_name.get(title.lower()) or Instrument(title) for title in earlier]
    keys: list[int] = []
    mentions = _mentions(text, seen, keys, first_key)
    if not seen and all(m.instrument is None for m in mentions):
        return []  # nothing named, nothing to refer to
    used: set[int] = set()  # starts of the mentions and runs taken into a citation
    ends = sorted({p for p in (*keys, *(m.start for m in mentions)) if _OF_BEFORE.search(text, max(0, p - 8), p)})
    out = _provision_first(text, _runs_before(text, ends), mentions, seen, used)
    out += _instrument_first(text, mentions, used)
    out.sort(key=lambda pair: pair[0])
    return [cited for _, cited in out]


def _runs_before(text: str, ends: list[int]) -> list[re.Match[str]]:
    """The runs of provisions within reach before ``ends`` (names and references after ``of the``),
    each looked for once: windows that overlap are merged, so the time stays linear."""
    runs: list[re.Match[str]] = []
    low = high = -1
    for key in [*ends, -1]:
        if key >= 0 and key - _RUN_REACH <= high:
            high = key
            continue
        if high >= 0:
            runs += (r for r in PROVISIONS.finditer(text, low, high) if not _starts_inside_word(text, r.start()))
        low, high = max(0, key - _RUN_REACH), key
    return runs


def _referents(text: str, mentions: list[_Mention], seen: list[Instrument]) -> _Referents:
    """What the references in ``text`` may name: its definitions, its names, the earlier ones."""
    referents = _Referents(defined={})
    for instrument in seen:
        for key in _reference_keys(instrument):
            referents.earlier[key] = instrument
    for mention in mentions:
        if mention.instrument is None:
            continue
        referents.add(mention.end, mention.instrument)
        definition = _DEFINITION.match(text, mention.end)
        if definition:
            referents.defined[definition.group(1).lower()] = mention.instrument
    return referents


def _provision_first(
    text: str, runs: list[re.Match[str]], mentions: list[_Mention], seen: list[Instrument], used: set[int]
) -> list[tuple[int, Cited]]:
    """``section 41 of the Highways Act 1980``, ``section 26(6)(a) of the Act``."""
    at = {m.start: m for m in mentions}
    referents: _Referents | None = None  # made when a reference needs them
    out: list[tuple[int, Cited]] = []
    for run in runs:
        of_the = _OF_THE.match(text, run.end())
        if of_the is None:
            target = at.get(run.end() + 1) if text[run.end() : run.end() + 1] == " " else None
            if target is not None and target.instrument is not None:  # "section 202 Housing Act 1996"
                used.update((run.start(), target.start))
                for provision in provisions(run.group()):
                    out.append((run.start(), _cited(text, run.start(), target.end, target.instrument, provision)))
            continue
        used.add(run.start())  # "of ..." says whose provision it is: never a name before it
        target = at.get(of_the.end())
        instrument: Instrument | None = None
        end = of_the.end()
        if target is not None and target.instrument is not None:
            instrument, end = target.instrument, target.end
            used.add(target.start)
        elif of_the.group().endswith("the "):
            reference = _REFERENCE.match(text, of_the.end())
            if reference is not None:
                referents = referents or _referents(text, mentions, seen)
                instrument = referents.refer(reference.group().lower(), run.start())
                end = reference.end()
        if instrument is not None:
            for provision in provisions(run.group()):
                out.append((run.start(), _cited(text, run.start(), end, instrument, provision)))
    return out


def _instrument_first(text: str, mentions: list[_Mention], used: set[int]) -> list[tuple[int, Cited]]:
    """``Local Government Act 1974, section 24A(6), as amended, section 34(B)``; ``the Care Act 2014``."""
    out: list[tuple[int, Cited]] = []
    for mention in mentions:
        instrument = mention.instrument
        if mention.start in used or instrument is None:
            continue
        cited: list[str | None] = []
        end = mention.end
        if instrument.numbered is not None:
            numbered = NUMBERED.match(text, end)
            if numbered is not None:
                cited += [f"{instrument.numbered} {n}" for n in items(numbered.group(1))]
                end = numbered.end()
        opened = _IN_PARENTHESIS.match(text, end)
        run = PROVISIONS.match(text, opened.end()) if opened is not None else None
        if run is not None and text[run.end() : run.end() + 1] == ")" and run.start() not in used:
            used.add(run.start())  # "the Children Act 1989 (section 20)"
            cited += provisions(run.group())
            end = run.end() + 1
        while (join := _JOIN.match(text, end)) is not None:
            run = PROVISIONS.match(text, join.end())
            if run is None or run.start() in used or _OF_THE.match(text, run.end()):
                break  # "the Care Act 2014, paragraph 3 of the council's policy": not the Act's
            used.add(run.start())
            cited += provisions(run.group())
            amended = _AS_AMENDED.match(text, run.end())
            end = amended.end() if amended is not None else run.end()
        for provision in cited or [None]:
            out.append((mention.start, _cited(text, mention.start, end, instrument, provision)))
    return out
