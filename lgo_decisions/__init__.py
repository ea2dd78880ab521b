"""lgo-decisions: typed, validated, serialisable records of the Local Government and Social Care
Ombudsman's published decision statements.

The root holds what most users type: the reading and serialising verbs, :class:`Decision` and the
errors to catch. The other models are in :mod:`lgo_decisions.model`, readers and writers by name
in :mod:`lgo_decisions.readers` and :mod:`lgo_decisions.writers`, exports in
:mod:`lgo_decisions.export`, the JSON Schema in :mod:`lgo_decisions.jsonschema`, and what plugin
authors need in :mod:`lgo_decisions.plugin`.

>>> import lgo_decisions
>>> d = lgo_decisions.read_text("Kent County Council (23 008 522)\\nDecision : Upheld\\nThe complaint\\n- Text.")
>>> lgo_decisions.loads(lgo_decisions.dumps(d)) == d
True
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._api import read
from .errors import (
    DecodeError,
    InputTooLargeError,
    LgoDecisionsError,
    NotADecisionError,
    ParseError,
    PluginError,
    ReaderNotFound,
    RenderError,
    SerialisationError,
    WriterNotFound,
)
from .model import SCHEMA_VERSION, Decision

if TYPE_CHECKING:  # (imported on first use, below: an import of the package costs little more than its model)
    from . import readers, writers  # noqa: F401  (submodules: lgo_decisions.readers.get(...))
    from .corpus import read_corpus
    from .readers.html import read_html
    from .readers.text import read_text
    from .serialise import dump_jsonl, dumps, from_dict, load_jsonl, loads, to_dict
    from .writers.html import render_html
    from .writers.text import render_text

_LAZY = {
    "readers": "readers",
    "writers": "writers",
    "read_corpus": "corpus",
    "read_html": "readers.html",
    "read_text": "readers.text",
    "dump_jsonl": "serialise",
    "dumps": "serialise",
    "from_dict": "serialise",
    "load_jsonl": "serialise",
    "loads": "serialise",
    "to_dict": "serialise",
    "render_html": "writers.html",
    "render_text": "writers.text",
}
"""The root's names whose modules are imported on first use (the command line, the HTML reader and
the serialiser each import dependencies that only some uses need)."""


def __getattr__(name: str) -> Any:
    where = _LAZY.get(name)
    if where is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = importlib.import_module(f"{__name__}.{where}")
    value = module if where == name else getattr(module, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "Decision",
    "DecodeError",
    "InputTooLargeError",
    "LgoDecisionsError",
    "NotADecisionError",
    "ParseError",
    "PluginError",
    "ReaderNotFound",
    "RenderError",
    "SerialisationError",
    "WriterNotFound",
    "dump_jsonl",
    "dumps",
    "from_dict",
    "load_jsonl",
    "loads",
    "read",
    "read_corpus",
    "read_html",
    "read_text",
    "render_html",
    "render_text",
    "to_dict",
]
