"""Scraper records: a JSON object a scraper saved (a statement's text or HTML and its metadata) to a decision.

Scrapers of the Ombudsman's site save each statement as a flat JSON object:
``{"case_id": "16 004 217", "title": ..., "text": ..., "date": "2017-03-14", "category": ...,
"outcome": ..., "authority": ..., "url": ...}``, under keys that differ from one scraper to the
next (:data:`ALIASES`, the one table of them). The statement's text (or HTML) goes through the
library's own seams: the text reader's lines or the HTML reader's walk, the one classifier and the
one builder. The metadata fills what the page lacks: a title line is put in front of a page
without one (so the page is classified as a titled statement), and the header fields the page does
not carry are added as header tokens. What the page says wins; every disagreement between page and
metadata is a ``record_mismatch`` diagnostic, and a metadata value that cannot be read (a reference
or date of the wrong shape, a value that is not text) a ``record_field`` one. With ``strict`` both
raise :class:`~lgo_decisions.errors.ParseError`.

:func:`read_json` reads one JSON value as the corpus finds them (a line of JSON Lines, an element
of a JSON array, a ``.json`` file): a scraper record a reader plugin claims (by the registry's
sniffing) goes to that plugin, a schema record loads as a record, any other scraper record is read
here, and anything else is a :class:`~lgo_decisions.errors.NotADecisionError` saying what was
missing.

>>> d = read_record({"case_id": "23-008-522", "authority": "Kent County Council", "outcome": "Upheld",
...                  "text": "The Ombudsman's final decision:\\nSummary: We upheld the complaint."})
>>> d.reference, d.organisations[0].name, d.outcome.label, d.source.reader
('23 008 522', 'Kent County Council', 'Upheld', 'scraped')
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from ._builder import build
from ._classify import Classifier, Line, classify
from ._fields import normalise_reference, parse_category, parse_date, parse_outcome
from ._keys import KEYS
from ._tokens import Kind, Token
from ._vocabulary import TITLE, key
from .errors import NotADecisionError, ParseError, SerialisationError
from .model import Decision, Diagnostic
from .readers._base import content_hash, prepare
from .readers.html import sniff as sniff_html
from .readers.html._parse import parse_html
from .readers.html._walk import tokens as html_tokens
from .readers.text import lines as text_lines

__all__ = ["ALIASES", "MISSING", "NAME", "read_json", "read_record"]

NAME = "scraped"
"""``Decision.source.reader`` of a record read here."""

ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content"),  # the statement's text (HTML when it sniffs as markup)
    "html": ("html",),  # the statement's page or a fragment of it
    "url": ("url", "link"),
    "reference": ("case_id", "reference", "ref"),
    "organisation": ("authority", "organisation"),
    "title": ("title",),  # read for organisation and reference when it is "<Organisation> (<reference>)"
    "outcome": ("outcome", "decision"),
    "date": ("date", "decision_date"),  # ISO dates (and date-times) or the published "14 Mar 2017"
    "category": ("category",),  # an area, or "Area > Subject"
    "subject": ("subcategory", "subject"),
    "id": ("_id",),  # a scraper's own id: known, not read
}
"""The keys scrapers write for each field, in order of preference: the one table of them."""

_BODY_KEYS = ALIASES["html"] + ALIASES["text"]  # the HTML first: a text field is often its get_text()
MISSING = f"no {', '.join(ALIASES['text'])} or {', '.join(ALIASES['html'])} field"
"""What a JSON value that is no record lacks (named in the error)."""

_RECORD_KEYS = frozenset(KEYS[Decision].values())
_KNOWN = frozenset(k for keys in ALIASES.values() for k in keys) | _RECORD_KEYS
_SCRAPER_ONLY = _KNOWN - _RECORD_KEYS
_BUILT_IN_READERS = frozenset({"html", "text"})  # (the registry's built-ins: readers/__init__.py)
_SITE_NAME = re.compile(r"\s+[-|\u2013]\s+")  # "<title> - Local Government and Social Care Ombudsman"
_DATE_TIME = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})[T ][0-9:.]+(?:Z|[+-][0-9:]+)?")

_Note = Callable[[str, str], None]


@attrs.frozen(kw_only=True)
class _Meta:
    """What a record's metadata says, as read; ``given`` holds each field's key and value as written."""

    given: dict[str, tuple[str, str]]
    url: str | None = None
    reference: str | None = None
    organisation: str | None = None
    outcome: str | None = None
    date: dt.date | None = None
    category: str | None = None
    subject: str | None = None

    def title_line(self) -> str | None:
        """The title line a page without one would begin with: ``<Organisation> (<reference>)``."""
        if self.reference is None:
            return None
        return f"{self.organisation} ({self.reference})" if self.organisation else self.reference


def _value(record: Mapping[str, Any], field: str, note: _Note) -> tuple[str, str] | None:
    """The first of ``field``'s keys with a value, and the value as text; a value of another kind is noted."""
    for k in ALIASES[field]:
        v = record.get(k)
        if v is None or v == "":
            continue
        if isinstance(v, bool) or not isinstance(v, (str, int, float)):
            kind = "array" if isinstance(v, list) else "object" if isinstance(v, dict) else "true or false"
            note("record_field", f"the record's {k} is a JSON {kind}, not text: ignored")
            continue
        text = " ".join(str(v).split())
        if text:
            return k, text
    return None


def _date(text: str) -> dt.date | None:
    m = _DATE_TIME.fullmatch(text)
    return parse_date(m.group(1) if m else text)


def _metadata(record: Mapping[str, Any], note: _Note) -> _Meta:
    given = {f: v for f in ALIASES if f not in ("text", "html", "id") and (v := _value(record, f, note))}
    fields: dict[str, Any] = {
        f: given[f][1] for f in ("url", "organisation", "outcome", "category", "subject") if f in given
    }
    if "reference" in given:
        k, text = given["reference"]
        fields["reference"] = normalise_reference(text)
        if fields["reference"] is None:
            note("record_field", f"the record's {k} {text!r} is not a reference like '16 004 217': ignored")
    # the title "<Organisation> (<reference>)", with or without the site's name after it
    if "title" in given and (m := TITLE.match(_SITE_NAME.split(given["title"][1], maxsplit=1)[0])):
        if not fields.get("reference"):
            fields["reference"] = normalise_reference(m.group("ref"))
        if m.group("org") and "organisation" not in fields:
            fields["organisation"] = m.group("org").strip()
    if "date" in given:
        k, text = given["date"]
        fields["date"] = _date(text)
        if fields["date"] is None:
            note("record_field", f"the record's {k} {text!r} is not a date like '2017-03-14' or '14 Mar 2017': ignored")
    return _Meta(given=given, **fields)


def _has_title(lines: list[Line]) -> bool:
    """Whether the classifier reads a title in ``lines`` (it can only come before a header field or the body)."""
    classifier, out = Classifier(), list[Token]()
    for line in lines:
        classifier.feed(line, out)
        if classifier.titled or classifier.body:
            return any(t.kind is Kind.TITLE for t in out)
    return False


def _text_tokens(text: str, meta: _Meta) -> list[Token]:
    """The text's tokens, read as if the page began with the metadata's title line when it has none."""
    lines = list(text_lines(text))
    title = meta.title_line()
    if title is not None and not _has_title(lines):
        titled = classify([Line(title), *lines])  # (line numbers stay those of the text)
        if titled[0].kind is Kind.TITLE:
            return titled
    return classify(lines)


def _html_tokens(html: str, meta: _Meta, *, name: str | None, strict: bool) -> list[Token]:
    """The page's tokens (the HTML reader's walk), as if it began with the metadata's title line when it has none."""
    root = parse_html(html, name=name)
    if root is None:
        return []
    tokens = html_tokens(root, paths=strict)
    title = meta.title_line()
    if title is None or any(t.kind is Kind.TITLE for t in tokens):
        return tokens
    titled = html_tokens(root, paths=strict, lead=[Line(title)])
    return titled if titled and titled[0].kind is Kind.TITLE else tokens


def _fill(tokens: list[Token], meta: _Meta) -> list[Token]:
    """Add the title and header tokens the page lacks, from the metadata (after the page's title)."""
    at = next((i + 1 for i, t in enumerate(tokens) if t.kind is Kind.TITLE), 0)
    if at and tokens[at - 1].organisation is None and meta.organisation:  # a bare reference as the title
        tokens = [*tokens[: at - 1], attrs.evolve(tokens[at - 1], organisation=meta.organisation), *tokens[at:]]
    headers = {key(t.name or "") for t in tokens if t.kind is Kind.HEADER}
    extra: list[Token] = []
    if not at and (meta.organisation or meta.reference):
        text = meta.title_line() or meta.organisation or ""
        extra.append(Token(kind=Kind.TITLE, text=text, organisation=meta.organisation, reference=meta.reference))
    if "category" not in headers and meta.category:
        value = f"{meta.category} > {meta.subject}" if meta.subject and ">" not in meta.category else meta.category
        extra.append(Token(kind=Kind.HEADER, name="Category", text=value))
    if "decision" not in headers and meta.outcome:
        extra.append(Token(kind=Kind.HEADER, name="Decision", text=meta.outcome))
    if "decision date" not in headers and meta.date:
        extra.append(Token(kind=Kind.HEADER, name="Decision date", text=meta.date.isoformat()))
    return [*tokens[:at], *extra, *tokens[at:]] if extra else tokens


def _same_outcome(theirs: str, label: str) -> bool:
    """The same outcome: the same label, or the metadata's plain code for the page's code with detail."""
    if key(theirs) == key(label):
        return True
    code, detail = parse_outcome(theirs)
    return code is not None and detail is None and code is parse_outcome(label)[0] and code.value != "other"


def _compare(decision: Decision, meta: _Meta, note: _Note) -> None:
    """Note where the page's own fields differ from the metadata's (the page's are kept)."""
    checks: list[tuple[str, bool, str]] = []  # field, whether they agree, the page's value shown
    if meta.reference and decision.reference:
        ours = decision.reference
        checks.append(("reference", ours == meta.reference or ours[:10] == meta.reference, ours))
    if meta.organisation and decision.organisations:
        name = decision.organisations[0].name
        checks.append(("organisation", key(name) == key(meta.organisation), name))
    if meta.outcome and decision.outcome:
        label = decision.outcome.label
        checks.append(("outcome", _same_outcome(meta.outcome, label), label))
    if meta.date and decision.decision_date:
        checks.append(("date", meta.date == decision.decision_date, decision.decision_date.isoformat()))
    theirs = parse_category(meta.category) if meta.category else None
    if theirs and decision.category:
        ours_cat = decision.category
        checks.append(("category", key(theirs.area) == key(ours_cat.area), ours_cat.area))
        subject = theirs.subject or meta.subject
        if subject and ours_cat.subject:
            checks.append(("subject", key(subject) == key(ours_cat.subject), ours_cat.subject))
    for field, agree, shown in checks:
        if not agree:
            k, given = meta.given.get(field) or meta.given["category" if field == "subject" else "title"]
            note(
                "record_mismatch",
                f"the record's {k} {given!r} differs from the page's {field} {shown!r} (the page's is kept)",
            )


def _body(record: Mapping[str, Any]) -> tuple[str, str] | None:
    """The key and value of the record's statement text or HTML, if it has one."""
    for k in _BODY_KEYS:
        v = record.get(k)
        if isinstance(v, str) and v.strip():
            return k, v
    return None


def read_record(
    record: Mapping[str, Any],
    *,
    name: str | None = None,
    strict: bool = False,
    url: str | None = None,
    raw: str | None = None,
) -> Decision:
    """Read one scraper record (a JSON object, as a ``dict``) into a decision.

    ``name`` is ``Decision.source.name`` and what errors name; ``url`` overrides the record's
    address; ``raw`` is the record's JSON text as found (its content hash is recorded; by default
    the hash of the statement's text). Raises :class:`~lgo_decisions.errors.NotADecisionError`
    when the record has no statement text (:data:`MISSING`) or its text is no statement.

    >>> read_record({"title": "x"}, name="records.jsonl:4")
    Traceback (most recent call last):
    ...
    lgo_decisions.errors.NotADecisionError: records.jsonl:4: not a decision record: ... with no text, body, ...
    """
    where = name or "record"
    found = _body(record)
    if found is None:
        raise NotADecisionError(f"not a decision record: {_described(record)}", source=where)
    notes: list[Diagnostic] = []

    def note(code: str, message: str) -> None:
        if strict:
            raise ParseError(message, source=where)
        notes.append(Diagnostic(code=code, message=message))

    meta = _metadata(record, note)
    body_key, body = found
    prepared = prepare(body, reader=NAME, name=name)
    if body_key in ALIASES["html"] or sniff_html(prepared.text) > 0:
        tokens = _html_tokens(prepared.text, meta, name=name, strict=strict)
        if not any(t.text for t in tokens):
            raise NotADecisionError(f"not a decision statement: the record's {body_key} has no text", source=where)
    else:
        tokens = _text_tokens(prepared.text, meta)
    source = prepared.source if raw is None else attrs.evolve(prepared.source, content_hash=content_hash(raw))
    decision = build(
        _fill(tokens, meta), url=url or meta.url, strict=strict, source=source, diagnostics=prepared.diagnostics
    )
    _compare(decision, meta, note)
    return attrs.evolve(decision, diagnostics=(*decision.diagnostics, *notes)) if notes else decision


def _described(value: object) -> str:
    """What a JSON value that is no record is, and what it lacks."""
    if isinstance(value, Mapping):
        if not value:
            return f"an empty JSON object: {MISSING}"
        keys = ", ".join(sorted(map(str, value))[:8]) + (", ..." if len(value) > 8 else "")
        present = [k for k in _BODY_KEYS if k in value]
        if present:
            k = present[0]
            return f"a JSON object (keys: {keys}) whose {k} is {json.dumps(value[k])[:40]}, not statement text"
        return f"a JSON object (keys: {keys}) with {MISSING}"
    kind = {list: "a JSON array", str: "a JSON string", bool: "JSON true or false", type(None): "JSON null"}
    return f"{kind.get(type(value), 'a JSON number')}, not an object: {MISSING}"


def _claimed(text: str, name: str | None) -> Any:
    """The reader plugin whose sniffing claims the record's JSON text with the highest score, or ``None``."""
    from . import readers

    best, best_score = None, 0
    for reader in readers.REGISTRY.load_all():
        if reader.name in _BUILT_IN_READERS:
            continue
        try:
            score = int(reader.sniff(text[: readers.SNIFF_SIZE], name))
        except Exception:  # a broken sniffer must not stop the corpus (read() warns about it)
            continue
        if score > best_score:
            best, best_score = reader, score
    return best


def read_json(text: str, *, name: str | None = None, strict: bool = False) -> Decision:
    """Read one JSON value: a scraper record, a schema record, or an error saying what it lacks.

    In turn: a JSON object with a key neither :data:`ALIASES` nor the schema names, which a reader
    plugin's sniffing claims, is read by that plugin (it may know what the key means); an object with
    ``schema_version``, or with keys of the schema only, is loaded as a record
    (:func:`~lgo_decisions.serialise.from_dict`); an object with statement text or HTML under one
    of :data:`ALIASES`'s keys is read by :func:`read_record`. Anything else (``{}``, ``[1, 2]``,
    a string, a number, an object with no statement text) raises
    :class:`~lgo_decisions.errors.NotADecisionError` naming ``name`` and what was missing, and
    text that is not JSON :class:`~lgo_decisions.errors.SerialisationError`.

    >>> read_json('{"case_id": "23 008 522", "body": "Decision : Upheld"}').reference
    '23 008 522'
    >>> read_json('[1, 2]', name="pages.jsonl:3")
    Traceback (most recent call last):
    ...
    lgo_decisions.errors.NotADecisionError: pages.jsonl:3: not a decision record: a JSON array, not an object: ...
    """
    from .serialise import from_dict

    where = name or "input"
    try:
        value = json.loads(text)
    except ValueError as exc:
        raise SerialisationError(f"{where}: not JSON: {exc}") from None
    if not isinstance(value, dict):
        raise NotADecisionError(f"not a decision record: {_described(value)}", source=where)
    keys = value.keys()
    plugin = _claimed(text, name) if keys - _KNOWN else None  # keys a plugin may know what to do with
    if plugin is not None:
        decision: Decision = plugin.read(text, strict=strict, name=name)
        return decision
    if "schema_version" in keys or (keys & _RECORD_KEYS and not keys & _SCRAPER_ONLY):
        return from_dict(value)  # (which refuses a record with no reference, sections or source)
    return read_record(value, name=name, strict=strict, raw=text)
