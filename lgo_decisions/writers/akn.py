"""The Akoma Ntoso writer: a decision as an AKN 3.0 (OASIS LegalDocML) ``<judgment>`` document.

:func:`render_akn` writes ``<akomaNtoso><judgment>`` with ``<meta>`` (FRBR identification in the
IRI scheme of :mod:`lgo_decisions.writers._akn_names`, the Ombudsman and each organisation as
``TLCOrganization``, the record's other values as proprietary metadata in the library's own
namespace), ``<header>`` (title, reference, parties, category, decision, decision date, summary),
``<judgmentBody>`` (each section a ``<level>`` with its heading inside the judgment block its
heading calls for; numbered paragraphs ``<paragraph eId="para_N"><num>N.</num>``, sub-paragraphs
``<subparagraph>``, bullet lists ``<blockList>``) and ``<conclusions>`` (the compliance and closing
lines). :func:`~lgo_decisions.readers.akn.read_akn` reads it back to an equal record (every field:
extensions, the text outside the statement, the diagnostics and the first reading's source too);
the writer reads back every document before returning it and raises
:class:`~lgo_decisions.errors.RenderError` rather than return one that would read differently.
``legislation=True`` marks up the legislation the facts extension found as ``<ref>`` elements.
:func:`validate_akn` checks a document against the official XML Schema (extra ``[akn]``).

>>> from lgo_decisions import Decision
>>> data = render_akn(Decision(reference="20 007 417"))
>>> data.startswith(b"<?xml version='1.0' encoding='UTF-8'?>"), b"/akn/gb/judgment/lgsco/undated/20-007-417" in data
(True, True)
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from typing import Any

import attrs
from lxml import etree

from ..errors import LgoDecisionsError, RenderError
from ..model import Block, BulletList, Decision, NumberedParagraph, Paragraph, Section, SubParagraph
from ._akn_names import (
    AKN_NS,
    AUTHOR,
    AUTHOR_HREF,
    AUTHOR_ID,
    LGO_NS,
    STRUCTURAL,
    akn,
    block_tag,
    expression_iri,
    lgo,
    manifestation_iri,
    organisation_href,
    work_iri,
)
from ._akn_refs import marks
from ._akn_schema import validate_akn
from ._common import DECISION_DATE, header_fields, title_line

__all__ = ["WRITER", "AknWriter", "render_akn", "validate_akn"]

NAME = "akn"
_NSMAP = {None: AKN_NS, "lgo": LGO_NS}
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")  # what XML 1.0 cannot hold
_INDENT = "  "
_Marks = list[tuple[int, int, str]]


def _sub(parent: Any, tag: str, text: str | None = None, **attrib: str) -> Any:
    el = etree.SubElement(parent, tag, {k.rstrip("_"): v for k, v in attrib.items()})
    if text:
        el.text = text
    return el


class _Document:
    def __init__(self, decision: Decision, legislation: bool) -> None:
        self.d = decision
        self.ids: set[str] = set()
        facts = None
        if legislation:
            from ..serialise import to_dict

            facts = to_dict(decision)["extensions"].get("facts")
        self.marks = marks(facts)
        self.here: _Marks = []  # the marks of the block being written, and where its next piece starts
        self.offset = 0

    # -- helpers -------------------------------------------------------------------------
    def fail(self, where: str, problem: str) -> RenderError:
        ref = f" {self.d.reference}" if self.d.reference else ""
        return RenderError(f"cannot write decision{ref} as Akoma Ntoso: {where}: {problem}")

    def check(self, value: str, where: str) -> str:
        m = _NOT_XML.search(value)
        if m:
            raise self.fail(where, f"character U+{ord(m.group()):04X} cannot be written in XML")
        return value

    def eid(self, wanted: str) -> str:
        """``wanted``, or ``wanted_2``, ``wanted_3``, ...: unique within the document."""
        found, k = wanted, 1
        while found in self.ids:
            k += 1
            found = f"{wanted}_{k}"
        self.ids.add(found)
        return found

    def start_block(self, section: int, block: int) -> None:
        self.here, self.offset = self.marks.get((section, block), []), 0

    def text(self, parent: Any, tag: str, value: str, where: str, **attrib: str) -> Any:
        """A text element holding ``value`` (as the next piece of the current block, with its ``<ref>`` marks)."""
        el = _sub(parent, tag, **attrib)
        self.check(value, where)
        start, end = self.offset, self.offset + len(value)
        self.offset = end + 1  # (the pieces of a block's text are counted one a line)
        last: Any = None
        pos = 0
        for a, b, href in self.here:
            if a < start + pos or b > end:
                continue  # (before this piece, overlapping the last mark, or across pieces)
            piece = value[pos : a - start]
            if last is None:
                el.text = piece or None
            else:
                last.tail = piece or None
            last = _sub(el, akn("ref"), value[a - start : b - start], href=href)
            pos = b - start
        if last is None:
            el.text = value or None
        else:
            last.tail = value[pos:] or None
        return el

    # -- the document ----------------------------------------------------------------------
    def write(self) -> Any:
        d = self.d
        root = etree.Element(akn("akomaNtoso"), nsmap=_NSMAP)  # type: ignore[arg-type]
        judgment = _sub(root, akn("judgment"), name="decision")
        self.meta(_sub(judgment, akn("meta")))
        self.header(_sub(judgment, akn("header")))
        self.body(_sub(judgment, akn("judgmentBody")))
        own = [
            (d.compliance.text if d.compliance else None, "compliance", "compliance.text", 2),
            (d.decided_by, "decidedBy", "decided_by", 1),
        ]
        if any(text is not None for text, *_ in own):
            conclusions = _sub(judgment, akn("conclusions"))
            for text, cls, where, block in own:
                if text is not None:
                    self.start_block(-1, block)
                    self.text(conclusions, akn("p"), text, where, class_=cls)
        _indent(root, 0)
        return root

    def meta(self, meta: Any) -> None:
        d = self.d
        digest = ""
        if d.reference is None:
            from ..serialise import dumps

            plain = attrs.evolve(d, source=None, diagnostics=(), outside_text=())
            digest = hashlib.sha256(dumps(plain).encode("utf-8", "surrogatepass")).hexdigest()[:12]
        work = work_iri(d.reference, d.decision_date, digest)
        expression = expression_iri(work, d.decision_date)
        date = d.decision_date.isoformat() if d.decision_date else "0001-01-01"
        date_name = "decision" if d.decision_date else "unknown"
        ident = _sub(meta, akn("identification"), source=f"#{AUTHOR_ID}")
        for tag, this, uri in (
            ("FRBRWork", f"{work}/!main", work),
            ("FRBRExpression", f"{expression}/!main", expression),
            ("FRBRManifestation", manifestation_iri(expression), manifestation_iri(expression)),
        ):
            frbr = _sub(ident, akn(tag))
            _sub(frbr, akn("FRBRthis"), value=this)
            _sub(frbr, akn("FRBRuri"), value=uri)
            _sub(frbr, akn("FRBRdate"), date=date, name=date_name)
            _sub(frbr, akn("FRBRauthor"), href=f"#{AUTHOR_ID}")
            if tag == "FRBRWork":
                _sub(frbr, akn("FRBRcountry"), value="gb")
                if d.reference is not None:
                    _sub(frbr, akn("FRBRnumber"), value=d.reference)
            elif tag == "FRBRExpression":
                _sub(frbr, akn("FRBRlanguage"), language="eng")
        refs = _sub(meta, akn("references"), source=f"#{AUTHOR_ID}")
        _sub(refs, akn("TLCOrganization"), eId=self.eid(AUTHOR_ID), href=AUTHOR_HREF, showAs=AUTHOR)
        for i, org in enumerate(d.organisations, 1):
            self.check(org.name, f"organisations[{i - 1}].name")
            href = organisation_href(org.name, i)
            _sub(refs, akn("TLCOrganization"), eId=self.eid(f"org_{i}"), href=href, showAs=org.name or href)
        if d.organisations:
            _sub(
                refs,
                akn("TLCRole"),
                eId=self.eid("respondent"),
                href="/ontology/role/gb/respondent",
                showAs="Body complained about",
            )
        self.proprietary(_sub(_sub(meta, akn("proprietary"), source=f"#{AUTHOR_ID}"), lgo("record")))

    def proprietary(self, record: Any) -> None:
        """What Akoma Ntoso has no element for, in the library's namespace (the reader's one home of each)."""
        d = self.d
        record.set("schemaVersion", self.check(d.schema_version, "schema_version"))
        if d.category is not None:
            cat = _sub(record, lgo("category"), area=self.check(d.category.area, "category.area"))
            if d.category.subject is not None:
                cat.set("subject", self.check(d.category.subject, "category.subject"))
        if d.outcome is not None:
            out = _sub(record, lgo("outcome"), code=d.outcome.code.value)
            out.text = self.check(d.outcome.label, "outcome.label") or None
            if d.outcome.detail is not None:
                out.set("detail", self.check(d.outcome.detail, "outcome.detail"))
        for i, org in enumerate(d.organisations, 1):
            el = _sub(record, lgo("organisation"), party=f"#org_{i}")
            if org.reference is not None:
                el.set("reference", org.reference)
        if d.url is not None:
            _sub(record, lgo("url")).text = self.check(d.url, "url") or None
        if d.compliance is not None:
            el = _sub(record, lgo("compliance"))
            if d.compliance.date is not None:
                el.set("date", d.compliance.date.isoformat())
        # The fields outside equality (and the extensions) hold any text: JSON, escaped to ASCII.
        from ..serialise import to_dict

        data = to_dict(d)
        for key, tag in (
            ("outside_text", "outsideText"),
            ("source", "source"),
            ("diagnostics", "diagnostics"),
            ("extensions", "extensions"),
        ):
            if data.get(key):
                _sub(record, lgo(tag)).text = json.dumps(data[key], ensure_ascii=True, allow_nan=False)

    def header(self, header: Any) -> None:
        d = self.d
        title = title_line(d)
        if title is not None:
            _sub(_sub(header, akn("p"), class_="title"), akn("docTitle"), self.check(title, "the title"))
        if d.reference is not None:
            p = _sub(header, akn("p"), "Reference: ", class_="reference")
            _sub(p, akn("docNumber"), d.reference)
        for i, org in enumerate(d.organisations, 1):
            p = _sub(header, akn("p"), class_="party")
            _sub(p, akn("party"), org.name, refersTo=f"#org_{i}", as_="#respondent")
        for label, value in header_fields(d):
            if label == DECISION_DATE and d.decision_date is not None:
                p = _sub(header, akn("p"), f"{label}: ", class_="decisionDate")
                _sub(p, akn("docDate"), value, date=d.decision_date.isoformat())
            else:
                _sub(header, akn("p"), f"{label}: {self.check(value, label)}", class_=label.lower())
        if d.summary is not None:
            self.start_block(-1, 0)
            self.text(header, akn("p"), d.summary, "summary", class_="summary")

    # -- the body --------------------------------------------------------------------------
    def body(self, body: Any) -> None:
        if not self.d.sections:
            _sub(_sub(body, akn("introduction")), akn("p"))  # (the schema wants a block; the reader skips it)
            return
        container, tag = None, None
        for i, section in enumerate(self.d.sections):
            wanted = block_tag(section.heading)
            if wanted != tag or container is None:
                container, tag = _sub(body, akn(wanted)), wanted
            self.section(container, i, section)

    def section(self, parent: Any, index: int, section: Section) -> None:
        where = f"sections[{index}]"
        level = _sub(parent, akn("level"), eId=self.eid(f"lvl_{index + 1}"))
        level.set(lgo("level"), str(section.level))
        if section.heading is not None:
            _sub(level, akn("heading"), self.check(section.heading, f"{where}.heading"))
        self.children(level, None, section.blocks, level.get("eId"), where, index)

    def children(
        self, parent: Any, text: str | None, blocks: Sequence[Block], prefix: str, where: str, section: int = -2
    ) -> None:
        """A hierarchy's text and blocks: ``<content>`` when none is numbered, else ``<intro>``,
        the (sub-)paragraphs, ``<hcontainer>`` for blocks between them and ``<wrapUp>`` after them."""
        hier = [isinstance(b, (NumberedParagraph, SubParagraph)) for b in blocks]
        counts = {"list": 0, "hcontainer": 0}
        if not any(hier):
            if text is None and not blocks:
                return
            content = _sub(parent, akn("content"))
            if text is not None:
                self.text(content, akn("p"), text, f"{where}.text")
            for j, block in enumerate(blocks):
                self.plain(content, block, prefix, f"{where}.blocks[{j}]", counts, section, j)
            return
        first, last = hier.index(True), len(hier) - hier[::-1].index(True) - 1
        if text is not None or first > 0:
            intro = _sub(parent, akn("intro"))
            if text is not None:
                self.text(intro, akn("p"), text, f"{where}.text")
            for j in range(first):
                self.plain(intro, blocks[j], prefix, f"{where}.blocks[{j}]", counts, section, j)
        box: Any = None
        for j in range(first, len(blocks)):
            block, at = blocks[j], f"{where}.blocks[{j}]"
            if isinstance(block, (NumberedParagraph, SubParagraph)):
                box = None
                self.numbered(parent, block, prefix, at, section, j)
                continue
            if box is None:
                if j > last:
                    box = _sub(parent, akn("wrapUp"))
                else:
                    counts["hcontainer"] += 1
                    eid = self.eid(f"{prefix}__hcontainer_{counts['hcontainer']}")
                    box = _sub(_sub(parent, akn("hcontainer"), eId=eid, name="continuation"), akn("content"))
            self.plain(box, block, prefix, at, counts, section, j)

    def numbered(
        self, parent: Any, block: NumberedParagraph | SubParagraph, prefix: str, where: str, section: int, j: int
    ) -> None:
        if section != -2:
            self.start_block(section, j)
        if isinstance(block, NumberedParagraph):
            el = _sub(parent, akn("paragraph"), eId=self.eid(f"para_{block.number}"))
            _sub(el, akn("num"), f"{block.number}.")
        else:
            el = _sub(parent, akn("subparagraph"), eId=self.eid(f"{prefix}__subpara_{block.number}"))
            _sub(el, akn("num"), f"({block.number})")
        self.children(el, block.text, block.blocks, el.get("eId"), where)

    def plain(
        self, parent: Any, block: Block, prefix: str, where: str, counts: dict[str, int], section: int, j: int
    ) -> None:
        if section != -2:
            self.start_block(section, j)
        if isinstance(block, Paragraph):
            self.text(parent, akn("p"), block.text, f"{where}.text")
        elif isinstance(block, BulletList):
            if not block.items:
                raise self.fail(where, "an empty bullet list has no Akoma Ntoso form (a <blockList> holds items)")
            counts["list"] += 1
            listed = _sub(parent, akn("blockList"), eId=self.eid(f"{prefix}__list_{counts['list']}"))
            for k, item in enumerate(block.items, 1):
                li = _sub(listed, akn("item"), eId=self.eid(f"{listed.get('eId')}__item_{k}"))
                self.text(li, akn("p"), item, f"{where}.items[{k - 1}]")
        else:
            raise self.fail(where, f"{type(block).__name__} is not a block of schema v1")


def _indent(el: Any, depth: int) -> None:
    """Line breaks and indents between structural elements only (never inside a text element)."""
    if el.tag not in STRUCTURAL or len(el) == 0:
        return
    inner = "\n" + _INDENT * (depth + 1)
    el.text = inner
    for child in el:
        _indent(child, depth + 1)
        child.tail = inner
    el[-1].tail = "\n" + _INDENT * depth


_COMPARED = tuple(f.name for f in attrs.fields(Decision) if f.name != "source")
"""What must read back equal (the source is the reading's own: the first one's is kept in the metadata)."""


def _verify(decision: Decision, data: bytes) -> None:
    from ..readers.akn import read_akn

    try:
        back = read_akn(data, url=decision.url)
    except LgoDecisionsError as exc:
        raise RenderError(f"cannot write decision as Akoma Ntoso: the document does not read back ({exc})") from None
    for field in _COMPARED:
        if getattr(back, field) != getattr(decision, field):
            raise RenderError(
                f"cannot write decision as Akoma Ntoso: {field} would read back as {getattr(back, field)!r:.120}"
            )


def render_akn(decision: Decision, *, legislation: bool = False) -> bytes:
    """The decision as an Akoma Ntoso 3.0 ``<judgment>`` document, UTF-8 bytes with an XML declaration.

    The same record gives the same bytes. ``legislation=True`` marks up each citation of the
    facts extension (``decision.extensions["facts"]["legislation"]``) of an Act the writer knows
    as ``<ref href="/akn/gb/act/{year}/{chapter}/~{portion}">``. Raises
    :class:`~lgo_decisions.errors.RenderError` for a value XML cannot hold (control characters)
    or that would not read back equal.

    >>> from lgo_decisions import Decision
    >>> from lgo_decisions.readers.akn import read_akn
    >>> d = Decision(reference="20 007 417", summary="We will not investigate.")
    >>> read_akn(render_akn(d)) == d
    True
    """
    root = _Document(decision, legislation).write()
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"
    # What readers drop from their input (DEL, a byte-order mark): written as character references.
    data = data.replace(b"\x7f", b"&#127;").replace(b"\xef\xbb\xbf", b"&#65279;")
    _verify(decision, data)
    return data


class AknWriter:
    """The ``akn`` writer for the registry (:mod:`lgo_decisions.writers`): :func:`render_akn` as text.

    >>> from lgo_decisions import Decision
    >>> AknWriter().render(Decision(reference="20 007 417")).startswith("<?xml")
    True
    """

    name = NAME
    suffix = ".akn.xml"

    def render(self, decision: Decision) -> str:
        """:func:`render_akn`, decoded (the document is UTF-8 and says so)."""
        return render_akn(decision).decode("utf-8")


WRITER = AknWriter()
"""The registered ``akn`` writer."""
