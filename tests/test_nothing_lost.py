"""Nothing lost: every line of a statement that is not recognised chrome appears in the record.

The expectation is built with this module's own normalisation (words: runs of letters and digits,
lower case; list markers before a line's text removed), independent of the library's vocabulary,
except for the list of page chrome (``CHROME_LINES``), which is what the library may drop.
A line counts as kept when its words appear, as a run, in the record's text
(:meth:`Decision.text`) or, for the title and header lines, in the header values, or among the
text kept outside the statement (``Decision.outside_text``). Where the
input has an order (real statements, sections duplicated, pages cut short), the lines must
appear in that order.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lgo_decisions import Decision, NotADecisionError, read_text
from lgo_decisions._vocabulary import CHROME_LINES

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SEEDS = {p.stem: p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))}

_WORD = re.compile(r"[^\W_]+")
_MARKER = re.compile(r"^\s*(?:\(?\d{1,3}[.)]|\(?[a-z][.)]|\([a-z]\)|[-\u2013\u2022\u00b7\u25aa\u25e6*])(?=\s|$)")
_HEADER = re.compile(r"^\s*(?:category|decision date|decision)\s*:", re.IGNORECASE)
_TITLE = re.compile(r"\(?\d{2}[ -]?\d{3}[ -]?\d{3}[a-zA-Z]?\)?\s*$")
_FINAL = re.compile(r"^the ombudsm[ae]n s final decision$")  # after words(): the marker line, a label
_SUMMARY = re.compile(r"^\s*summary\s*(?::|$)", re.IGNORECASE)  # a label: the record keeps what follows it


def words(text: str) -> str:
    """The text as lower-case words (letters and digits) between single spaces, padded."""
    return " " + " ".join(w.lower() for w in _WORD.findall(text)) + " "


def _chrome_key(line: str) -> str:
    quotes = line.replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ")
    return " ".join(quotes.split()).lower().rstrip(":. ").strip()


def expected_lines(text: str) -> list[tuple[str, bool]]:
    """(words of the line, is it a title or header line) for each line the record must keep."""
    out = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.strip()
        if not line or _chrome_key(line) in CHROME_LINES:
            continue
        w = words(_SUMMARY.sub("", _MARKER.sub("", line)))
        if not w.strip() or _FINAL.match(w.strip()):
            continue
        header = _HEADER.match(line)
        if header and not words(line[header.end() :]).strip():
            continue  # a header label with no value ("Category :" on a page cut there)
        out.append((w, bool(header or _TITLE.search(line))))
    return out


def header_values(d: Decision) -> str:
    """The record's header values as words (title, category, outcome, date, diagnostics)."""
    parts = [d.reference or ""]
    parts += [f"{o.name} ({o.reference})" for o in d.organisations]
    if d.category is not None:
        parts.append(f"Category : {d.category.area} > {d.category.subject or ''}")
    if d.outcome is not None:
        parts.append(f"Decision : {d.outcome.label}")
    if d.decision_date is not None:
        day = d.decision_date
        parts += [
            f"Decision date : {day:%d %b %Y}",
            f"Decision date : {day.day} {day:%B %Y}",
            f"Decision date : {day:%d %B %Y}",
            f"Decision date : {day.day} {day:%b %Y}",
            f"Decision date : {day.isoformat()}",
            f"Decision date : {day:%d/%m/%Y}",
            f"Decision date : {day:%d %b %y}",
        ]
    parts += [x.message for x in d.diagnostics]  # an unreadable header value is quoted there
    return " | ".join(words(p) for p in parts)


def check(text: str, d: Decision, *, ordered: bool) -> None:
    """Every expected line of ``text`` is in ``d``; in order when ``ordered``."""
    body = words("\n".join(d.text().split("\n")))
    meta = header_values(d)
    lost, disorder = [], []
    fields = {words(d.summary or ""), words(d.decided_by or ""), *(words(t) for t in d.outside_text)}
    cursor = 0
    for w, header in expected_lines(text):
        if (header and w in meta) or w in fields:
            continue  # header values; the summary, closing line and text outside the statement: fields of their own
        pos = body.find(w, cursor)
        if pos >= 0:
            cursor = pos
            continue
        if body.find(w) >= 0:
            disorder.append(w.strip())
        elif w not in meta:
            lost.append(w.strip())
    assert not lost, f"{len(lost)} line(s) lost, e.g. {lost[:3]}"
    if ordered:
        assert not disorder, f"{len(disorder)} line(s) out of order, e.g. {disorder[:3]}"


# -- the check itself ---------------------------------------------------------------------------------
def test_the_check_notices_a_lost_line() -> None:
    text = SEEDS["000_9284c856b9d4e60e"]
    d = read_text(text)
    with pytest.raises(AssertionError, match="lost"):
        check(text + "\nA line the record never saw.\n", d, ordered=True)


def test_the_check_notices_lines_out_of_order() -> None:
    text = "Kent County Council (23 008 522)\nThe complaint\n- First line here.\n- Second line here.\n"
    swapped = "Kent County Council (23 008 522)\nThe complaint\n- Second line here.\n- First line here.\n"
    with pytest.raises(AssertionError, match="out of order"):
        check(text, read_text(swapped), ordered=True)


def test_chrome_is_not_expected() -> None:
    lines = [w.strip() for w, _ in expected_lines("Print this page\nBack to top\nReal text.\n")]
    assert lines == ["real text"]


# -- real statements -------------------------------------------------------------------------------
@pytest.mark.parametrize("stem", sorted(SEEDS))
def test_seed_loses_nothing(stem: str) -> None:
    check(SEEDS[stem], read_text(SEEDS[stem]), ordered=True)


def test_dev_corpus_loses_nothing(shared_dir: Path) -> None:
    rows = [json.loads(line) for line in (shared_dir / "corpus" / "dev.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(rows) > 50
    for row in rows:
        try:
            check(row["text"], read_text(row["text"], url=row["url"]), ordered=True)
        except AssertionError as exc:
            raise AssertionError(f"{row['url']}: {exc}") from None


# -- mutated statements ----------------------------------------------------------------------------
@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, bool]:
    """A seed changed by one mutation: (text, whether its lines keep an order to check)."""
    lines = SEEDS[draw(st.sampled_from(sorted(SEEDS)))].split("\n")
    kind = draw(st.sampled_from(["shuffle", "duplicate", "cut lines", "cut anywhere", "swap runs", "drop run"]))
    n = len(lines)
    i = draw(st.integers(0, n - 1))
    j = draw(st.integers(i, n))
    if kind == "shuffle":
        return "\n".join(draw(st.permutations(lines))), False
    if kind == "duplicate":
        return "\n".join(lines[:j] + lines[i:j] + lines[j:]), True
    if kind == "cut lines":
        return "\n".join(lines[:j]), True
    if kind == "cut anywhere":
        text = "\n".join(lines)
        return text[: draw(st.integers(0, len(text)))], True
    if kind == "swap runs":
        k = draw(st.integers(j, n))
        return "\n".join(lines[:i] + lines[j:k] + lines[i:j] + lines[k:]), True
    return "\n".join(lines[:i] + lines[j:]), True


@given(mutated())
def test_mutated_seeds_lose_nothing(case: tuple[str, bool]) -> None:
    text, ordered = case
    try:
        d = read_text(text)
    except NotADecisionError:
        return  # no title, header or marker left: nothing to keep
    check(text, d, ordered=ordered)
