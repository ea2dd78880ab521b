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

from . import readers, writers  # noqa: F401  (submodules: lgo_decisions.readers.get(...))
from ._api import read
from .corpus import read_corpus
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
from .readers.html import read_html
from .readers.text import read_text
from .serialise import dump_jsonl, dumps, from_dict, load_jsonl, loads, to_dict
from .writers.html import render_html
from .writers.text import render_text

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
