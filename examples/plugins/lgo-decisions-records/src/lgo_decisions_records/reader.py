"""The ``records`` reader: one scraper record (a JSON object) to a decision.

Built on the library's reader template (:class:`lgo_decisions.plugin.BaseReader`): the input is
prepared by the library (size limit, decoding, content hash), the statement's ``text`` is split
into lines by the library's text reader and read by the one classifier and builder; the record's
fields fill what the text lacks, by adding the title and header tokens the text would have carried.
Where the text has a field and the record disagrees, the text wins and a
``record_mismatch`` diagnostic says so. Line numbers in diagnostics are lines of ``text``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from lgo_decisions import Decision, NotADecisionError, ParseError
from lgo_decisions.plugin import (
    BaseReader,
    Diagnostic,
    Kind,
    Line,
    Token,
    build,
    classify,
    key,
    normalise_reference,
    prepare,
    remove_controls,
    text_lines,
)

from .extension import NAMESPACE, RecordInfo

NAME = "records"

RECORD_KEYS = frozenset(
    {"id", "fetched_at", "url", "ref", "authority", "category", "subcategory", "outcome", "date", "text"}
)
"""The keys scrapers write; a JSON object with ``text`` and at least :data:`MIN_KEYS` of them is a record."""

MIN_KEYS = 4
OWN_KEYS = frozenset({"ref", "id", "fetched_at"})
"""Keys only this plugin's scraper writes: a record must have one (the library reads other scrapers' shapes)."""

_Note = Callable[[str, str], None]

_KEY = re.compile(r'"([a-z_]+)"\s*:')


def _head_text(head: bytes | str) -> str:
    if isinstance(head, bytes):
        head = head.decode("utf-8", errors="ignore")  # the head may end inside a character
    return head.lstrip("\ufeff \t\r\n")


def sniff(head: bytes | str, name: str | None = None) -> int:
    """20 for a whole record object, 15 when the head is cut short but shows the keys, else 0."""
    text = _head_text(head)
    if not text.startswith("{"):
        return 0
    try:
        obj = json.loads(text)
    except ValueError:
        keys = set(_KEY.findall(text))
        return 15 if "text" in keys and keys & OWN_KEYS and len(keys & RECORD_KEYS) >= MIN_KEYS else 0
    if (
        isinstance(obj, dict)
        and isinstance(obj.get("text"), str)
        and obj.keys() & OWN_KEYS
        and len(obj.keys() & RECORD_KEYS) >= MIN_KEYS
    ):
        return 20
    return 0


def _field(record: Mapping[str, Any], name: str) -> str | None:
    value = record.get(name)
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _fetched_at(value: Any) -> dt.datetime:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return dt.datetime.fromtimestamp(value, tz=dt.timezone.utc)
    if isinstance(value, str):
        s = value.strip()
        return dt.datetime.fromisoformat(s[:-1] + "+00:00" if s.endswith("Z") else s)
    raise ValueError(f"not a date and time: {value!r}")


class RecordsReader(BaseReader):
    """Reads one scraper record; registered as ``records`` through the entry point."""

    name = NAME
    suffixes = (".json",)

    def sniff(self, head: bytes | str, name: str | None) -> int:
        """See :func:`sniff`."""
        return sniff(head, name)

    def read(
        self,
        data: str | bytes,
        *,
        url: str | None = None,
        strict: bool = False,
        name: str | None = None,
        encoding: str | None = None,
        max_bytes: int | None = None,
    ) -> Decision:
        """Read a record (JSON text or bytes); ``url`` overrides the record's address."""
        where = name or "record"
        prepared = prepare(data, reader=NAME, name=name, encoding=encoding, max_bytes=max_bytes)
        try:
            record = json.loads(prepared.text)
        except ValueError as exc:
            raise NotADecisionError(f"not a JSON record: {exc}", source=where) from None
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise NotADecisionError(
                "not a scraper record: a JSON object with a 'text' string is expected", source=where
            )
        notes: list[Diagnostic] = []

        def note(code: str, message: str) -> None:
            if strict:
                raise ParseError(message, source=where)
            notes.append(Diagnostic(code=code, message=message))

        text, removed, _ = remove_controls(record["text"].lstrip("\ufeff"))
        if removed:
            notes.append(Diagnostic(code="control_characters", message=f"{removed} control character(s) removed"))
        tokens = self._fill(self._tokenize(text, record, note), record)
        decision = build(
            tokens,
            url=url or _field(record, "url"),
            strict=strict,
            source=prepared.source,
            diagnostics=prepared.diagnostics,
        )
        self._compare(decision, record, note)
        extensions = dict(decision.extensions)
        info = self._info(record, note)
        if info is not None:
            extensions[NAMESPACE] = info
        return attrs.evolve(decision, extensions=extensions, diagnostics=(*decision.diagnostics, *notes))

    @staticmethod
    def _tokenize(text: str, record: Mapping[str, Any], note: _Note) -> list[Token]:
        """The text's tokens, read as if the page began with the record's title line when it has none.

        The classifier reads a page with a title differently (sub-headings are recognised only
        after one), so a title line from ``authority`` and ``ref`` is put in front of a text
        without one; line numbers stay those of ``text``.
        """
        lines = list(text_lines(text))
        tokens = list(classify(lines))
        if any(t.kind is Kind.TITLE for t in tokens):
            return tokens
        ref, authority = _field(record, "ref"), _field(record, "authority")
        reference = normalise_reference(ref) if ref else None
        if ref and reference is None:
            note("record_field", f"the record's ref {ref!r} is not a reference like '24-011-791'")
        if reference is None:
            return tokens
        title = f"{authority} ({reference})" if authority else reference
        titled = list(classify([Line(title), *lines]))
        return titled if titled and titled[0].kind is Kind.TITLE else tokens

    @staticmethod
    def _fill(tokens: list[Token], record: Mapping[str, Any]) -> list[Token]:
        """Add the title (authority alone) and header tokens the text lacks, from the record's fields."""
        titles = [i for i, t in enumerate(tokens) if t.kind is Kind.TITLE]
        headers = {key(t.name or "") for t in tokens if t.kind is Kind.HEADER}
        extra: list[Token] = []
        authority = _field(record, "authority")
        if not titles and authority:
            extra.append(Token(kind=Kind.TITLE, text=authority, organisation=authority))
        category, subcategory = _field(record, "category"), _field(record, "subcategory")
        if "category" not in headers and category:
            value = f"{category} > {subcategory}" if subcategory else category
            extra.append(Token(kind=Kind.HEADER, name="Category", text=value))
        outcome = _field(record, "outcome")
        if "decision" not in headers and outcome:
            extra.append(Token(kind=Kind.HEADER, name="Decision", text=outcome))
        date = _field(record, "date")
        if "decision date" not in headers and date:
            extra.append(Token(kind=Kind.HEADER, name="Decision date", text=date[:10]))
        at = titles[0] + 1 if titles else 0
        return [*tokens[:at], *extra, *tokens[at:]]

    @staticmethod
    def _compare(decision: Decision, record: Mapping[str, Any], note: _Note) -> None:
        """Note where the statement's own fields differ from the record's (the statement wins)."""
        checks: list[tuple[str, str, str, str]] = []  # field, record's and statement's (compared), shown
        ref = _field(record, "ref")
        if ref and decision.reference:
            checks.append(("ref", normalise_reference(ref) or ref, decision.reference, decision.reference))
        authority = _field(record, "authority")
        if authority and decision.organisations:
            name = decision.organisations[0].name
            checks.append(("authority", key(authority), key(name), name))
        outcome = _field(record, "outcome")
        if outcome and decision.outcome:
            checks.append(("outcome", key(outcome), key(decision.outcome.label), decision.outcome.label))
        date = _field(record, "date")
        if date and decision.decision_date:
            iso = decision.decision_date.isoformat()
            checks.append(("date", date[:10], iso, iso))
        category = _field(record, "category")
        if category and decision.category:
            area = decision.category.area
            checks.append(("category", key(category), key(area), area))
        for field, theirs, ours, shown in checks:
            if theirs != ours:
                note(
                    "record_mismatch",
                    f"the record's {field} {record[field]!r} differs from the "
                    f"statement's {shown!r} (the statement's is kept)",
                )

    @staticmethod
    def _info(record: Mapping[str, Any], note: _Note) -> RecordInfo | None:
        if record.get("id") is None and record.get("fetched_at") is None:
            return None
        fetched_at = None
        if record.get("fetched_at") is not None:
            try:
                fetched_at = _fetched_at(record["fetched_at"])
            except (ValueError, OverflowError, OSError) as exc:
                note("record_field", f"the record's fetched_at is not a date and time: {exc}")
        return RecordInfo(id=_field(record, "id"), fetched_at=fetched_at)


READER = RecordsReader()
"""The reader published under the entry point ``records``."""
