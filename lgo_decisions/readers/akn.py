"""The Akoma Ntoso reader: the AKN 3.0 ``<judgment>`` documents of :mod:`lgo_decisions.writers.akn`, back to records.

Sniffed by the root element (``<akomaNtoso>``). Each value is read from its one home in the
document: the reference from ``FRBRWork/FRBRnumber``, the organisations from the header's
``<party>`` elements, the decision date from ``<docDate date>``, the summary from the header's
``<p class="summary">``, the sections from the ``<level>`` elements of ``<judgmentBody>``, the
compliance and closing lines from ``<conclusions>``, everything else from the library's
proprietary metadata. ``<ref>`` elements (legislation mark-up) are read as their text. The
parser resolves no entity and never touches the network; an element the reader does not know is
left out with an ``akn_unread`` diagnostic (``strict=True``: a :class:`~lgo_decisions.errors.ParseError`).
"""

from __future__ import annotations

import json
import re
from typing import Any

import attrs
from lxml import etree

from .._decoding import decode
from ..errors import LgoDecisionsError, NotADecisionError, ParseError
from ..model import Decision, Diagnostic
from ..writers._akn_names import AKN_NS, akn, lgo
from ..writers._akn_schema import safe_parser
from ._base import BaseReader, prepare

__all__ = ["READER", "AknReader", "read_akn"]

NAME = "akn"
SNIFF_SCORE = 30
_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?akomaNtoso[\s>/]")
_DECLARED = re.compile(rb"^<\?xml[^>]*encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")
_BLOCKS = {akn(t) for t in ("introduction", "background", "arguments", "remedies", "motivation", "decision")}
_HOLDERS = {akn(t) for t in ("intro", "content", "wrapUp")}
_NUMBER = re.compile(r"[0-9]+")
_JSON = {
    lgo(t): k
    for t, k in (
        ("outsideText", "outside_text"),
        ("source", "source"),
        ("diagnostics", "diagnostics"),
        ("extensions", "extensions"),
    )
}


class _Reading:
    def __init__(self, name: str | None, strict: bool) -> None:
        self.name = name or "input"
        self.strict = strict
        self.diagnostics: list[Diagnostic] = []

    def unread(self, el: Any, why: str = "an element the Akoma Ntoso reader does not know") -> None:
        tag = el.tag if isinstance(el.tag, str) else type(el).__name__.strip("_").lower()
        what = f"<{etree.QName(tag).localname}>" if isinstance(el.tag, str) else tag
        message = f"{what} at line {el.sourceline}: {why}; left out"
        if self.strict:
            raise ParseError(f"{self.name}: line {el.sourceline}: {what}: {why}")
        self.diagnostics.append(Diagnostic(code="akn_unread", message=message, line=el.sourceline))

    def text(self, el: Any) -> str:
        """An element's text and that of its ``<ref>`` (and other inline) children; entities left out."""
        out = [el.text or ""]
        for child in el:
            if isinstance(child.tag, str):
                out.append(self.text(child))
            elif not isinstance(child, (etree._Comment, etree._ProcessingInstruction)):
                self.unread(child, "an entity reference, not resolved")
            out.append(child.tail or "")
        return "".join(out)

    def number(self, el: Any, value: str) -> int:
        """A whole number the document gives (a heading level, a paragraph number); ParseError if not one."""
        if not value.isascii() or not value.isdigit() or len(value) > 9:
            raise ParseError(f"{self.name}: line {el.sourceline}: {value!r} is not a whole number")
        return int(value)

    # -- the record --------------------------------------------------------------------------
    def record(self, root: Any) -> dict[str, Any]:
        if root.tag != akn("akomaNtoso"):
            raise NotADecisionError(f"{self.name}: the root element is not Akoma Ntoso 3.0's <akomaNtoso> ({root.tag})")
        judgment = root.find(akn("judgment"))
        if judgment is None:
            raise NotADecisionError(f"{self.name}: line {root.sourceline}: the document holds no <judgment>")
        data: dict[str, Any] = {}
        number = judgment.find(f"{akn('meta')}/{akn('identification')}/{akn('FRBRWork')}/{akn('FRBRnumber')}")
        data["reference"] = number.get("value") if number is not None else None
        self.proprietary(judgment.find(f"{akn('meta')}/{akn('proprietary')}/{lgo('record')}"), data)
        header = judgment.find(akn("header"))
        orgs = data.pop("_organisations", {})
        data["organisations"] = []
        for p in header if header is not None else ():
            if not isinstance(p.tag, str):
                continue
            cls = p.get("class")
            party, date = p.find(akn("party")), p.find(akn("docDate"))
            if party is not None:
                org = {"name": self.text(party)}
                org["reference"] = orgs.get(party.get("refersTo"))
                data["organisations"].append(org)
            elif date is not None:
                data["decision_date"] = date.get("date")
            elif cls == "summary":
                data["summary"] = self.text(p)
            elif cls not in ("title", "reference", "category", "decision"):
                self.unread(p)
        body = judgment.find(akn("judgmentBody"))
        data["sections"] = [self.section(level) for level in self.levels(body)]
        for p in judgment.iterfind(f"{akn('conclusions')}/{akn('p')}"):
            if p.get("class") == "decidedBy":
                data["decided_by"] = self.text(p)
            elif p.get("class") == "compliance":
                data["compliance"] = {"text": self.text(p), "date": data.pop("_compliance_date", None)}
            else:
                self.unread(p)
        return data

    def proprietary(self, record: Any, data: dict[str, Any]) -> None:
        if record is None:
            return
        if record.get("schemaVersion") is not None:
            data["schema_version"] = record.get("schemaVersion")
        for el in record:
            tag = el.tag
            if tag == lgo("category"):
                data["category"] = {"area": el.get("area"), "subject": el.get("subject")}
            elif tag == lgo("outcome"):
                data["outcome"] = {"code": el.get("code"), "label": el.text or "", "detail": el.get("detail")}
            elif tag == lgo("organisation"):
                data.setdefault("_organisations", {})[el.get("party")] = el.get("reference")
            elif tag == lgo("url"):
                data["url"] = el.text or ""
            elif tag == lgo("compliance"):
                data["_compliance_date"] = el.get("date")
            elif tag in _JSON:
                try:
                    value = json.loads(el.text or "null")
                except ValueError as exc:
                    raise ParseError(
                        f"{self.name}: line {el.sourceline}: <lgo:{_JSON[tag]}> is not JSON: {exc}"
                    ) from None
                if tag != lgo("source"):  # (the first reading's source: the record's is this reading's)
                    data[_JSON[tag]] = value
            elif isinstance(tag, str):
                self.unread(el)

    # -- the body ----------------------------------------------------------------------------
    def levels(self, body: Any) -> list[Any]:
        found = []
        for block in body if body is not None else ():
            if block.tag not in _BLOCKS:
                if isinstance(block.tag, str):
                    self.unread(block)
                continue
            for el in block:
                if el.tag == akn("level"):
                    found.append(el)
                elif el.tag == akn("p") and not self.text(el) and len(body) == 1:
                    continue  # (a document without sections: the one empty block the schema wants)
                elif isinstance(el.tag, str):
                    self.unread(el)
        return found

    def section(self, level: Any) -> dict[str, Any]:
        heading = level.find(akn("heading"))
        return {
            "heading": self.text(heading) if heading is not None else None,
            "level": self.number(level, level.get(lgo("level"), "2")),
            "blocks": self.children(level, None),
        }

    def children(self, el: Any, holder: dict[str, Any] | None) -> list[dict[str, Any]]:
        """The blocks of a hierarchy; the first ``<p>`` is ``holder``'s own text (a numbered paragraph's)."""
        blocks: list[dict[str, Any]] = []
        for child in el:
            tag = child.tag
            if tag in _HOLDERS:
                for inner in child:
                    if inner.tag == akn("p") and holder is not None and "text" not in holder:
                        holder["text"] = self.text(inner)
                    else:
                        self.plain(inner, blocks)
            elif tag == akn("hcontainer"):
                for content in child:
                    if content.tag == akn("content"):
                        for inner in content:
                            self.plain(inner, blocks)
                    elif isinstance(content.tag, str):
                        self.unread(content)
            elif tag in (akn("paragraph"), akn("subparagraph")):
                blocks.append(self.numbered(child))
            elif tag not in (akn("num"), akn("heading")) and isinstance(tag, str):
                self.unread(child)
        return blocks

    def numbered(self, el: Any) -> dict[str, Any]:
        num = el.find(akn("num"))
        m = _NUMBER.search(self.text(num)) if num is not None else None
        if m is None:
            raise ParseError(f"{self.name}: line {el.sourceline}: a <{etree.QName(el).localname}> without its <num>")
        kind = "numbered_paragraph" if el.tag == akn("paragraph") else "sub_paragraph"
        block: dict[str, Any] = {"type": kind, "number": self.number(el, m.group())}
        block["blocks"] = self.children(el, block)
        block.setdefault("text", "")
        return block

    def plain(self, el: Any, blocks: list[dict[str, Any]]) -> None:
        if el.tag == akn("p"):
            blocks.append({"type": "paragraph", "text": self.text(el)})
        elif el.tag == akn("blockList"):
            items = []
            for item in el.iterfind(akn("item")):
                p = item.find(akn("p"))
                items.append(self.text(p) if p is not None else "")
            blocks.append({"type": "bullet_list", "items": items})
        elif isinstance(el.tag, str):
            self.unread(el)


class AknReader(BaseReader):
    """The ``akn`` reader for the registry (:mod:`lgo_decisions.readers`): Akoma Ntoso judgments.

    >>> from lgo_decisions import Decision
    >>> from lgo_decisions.writers.akn import render_akn
    >>> d = AknReader().read(render_akn(Decision(reference="20 007 417")), name="a.akn.xml")
    >>> d.reference, d.source.reader, d.source.name
    ('20 007 417', 'akn', 'a.akn.xml')
    """

    name = NAME
    suffixes = (".akn.xml",)  # (in folders, only these: other XML there, a sitemap, is no statement)

    def sniff(self, head: bytes | str, name: str | None) -> int:
        """30 when an ``<akomaNtoso>`` element opens the input (after a declaration, comments), else 0."""
        raw = head.encode("utf-8", "replace") if isinstance(head, str) else head
        if raw.find(b"akomaNtoso", 0, 4096) < 0:  # (what the root element's pattern needs, found in C first)
            return 0
        m = _ROOT.search(raw[:4096])
        if m is None or b"<" in raw[: m.start()].replace(b"<?", b"").replace(b"<!", b""):
            return 0
        return SNIFF_SCORE if AKN_NS.encode("ascii") in raw else 0

    def decode(self, data: bytes, name: str | None) -> tuple[str, list[Diagnostic], bool]:
        """The encoding the XML declaration names, else the default guess (UTF-8 first)."""
        m = _DECLARED.match(data.lstrip(b"\xef\xbb\xbf"))
        if m is not None and m.group(1).lower() not in (b"utf-8", b"utf8"):
            try:
                return decode(data, encoding=m.group(1).decode("ascii"), name=name), [], False
            except LgoDecisionsError:
                pass
        return super().decode(data, name)

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
        """Read one Akoma Ntoso document (see the module's docstring)."""
        from ..serialise import from_dict

        prepared = prepare(
            data,
            reader=self.name,
            name=name,
            encoding=encoding,
            max_bytes=self.max_bytes if max_bytes is None else max_bytes,
            decoder=self.decode,
        )
        raw = prepared.utf8 if prepared.utf8 is not None else prepared.text.encode("utf-8")
        reading = _Reading(name, strict)
        try:
            root = etree.fromstring(raw, safe_parser(encoding="utf-8"))
        except etree.XMLSyntaxError as exc:
            raise ParseError(f"{reading.name}: line {exc.lineno}: not well-formed XML: {exc.msg}") from None
        data_ = reading.record(root)
        if data_.get("url") is None and url is not None:
            data_["url"] = url
        data_["source"] = {"reader": NAME}  # (a record names its statement: the source stands in for none)
        try:
            decision = from_dict(data_)
        except LgoDecisionsError as exc:
            raise ParseError(f"{reading.name}: the document does not hold a schema v1 record: {exc}") from None
        diagnostics = (*decision.diagnostics, *prepared.diagnostics, *reading.diagnostics)
        return attrs.evolve(decision, source=prepared.source, diagnostics=diagnostics)


READER = AknReader()
"""The registered ``akn`` reader."""


def read_akn(data: str | bytes, *, url: str | None = None, strict: bool = False, name: str | None = None) -> Decision:
    """Read an Akoma Ntoso document written by :func:`~lgo_decisions.writers.akn.render_akn` back into a record.

    >>> from lgo_decisions import Decision
    >>> from lgo_decisions.writers.akn import render_akn
    >>> d = Decision(reference="20 007 417", summary="We will not investigate.")
    >>> read_akn(render_akn(d)) == d
    True
    """
    return READER.read(data, url=url, strict=strict, name=name)
