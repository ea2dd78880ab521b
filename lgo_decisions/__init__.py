"""lgo-decisions: typed, validated, serialisable records of the Local Government and Social Care
Ombudsman's published decision statements.

>>> import lgo_decisions
>>> d = lgo_decisions.read_text("Kent County Council (23 008 522)\\nDecision : Upheld\\nThe complaint\\n- Text.")
>>> lgo_decisions.loads(lgo_decisions.dumps(d)) == d
True
"""

from __future__ import annotations

from . import readers, writers
from .api import read
from .corpus import CorpusResult, read_corpus
from .errors import (
    DecodeError,
    InputTooLargeError,
    LgoDecisionsError,
    NotADecisionError,
    ParseError,
    ReaderNotFound,
    RenderError,
    SerialisationError,
)
from .export import paragraphs_dataframe, to_dataframe
from .extensions import register_extension
from .jsonschema import json_schema
from .model import (
    SCHEMA_VERSION,
    BulletList,
    Category,
    Decision,
    Diagnostic,
    NumberedParagraph,
    Organisation,
    Outcome,
    OutcomeCode,
    Paragraph,
    Section,
    Source,
    SubParagraph,
)
from .readers.html import read_html
from .readers.text import read_text
from .registry import PluginError
from .serialise import dump_jsonl, dumps, from_dict, load_jsonl, loads, to_dict
from .writers.html import render_html
from .writers.text import render_text

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "BulletList",
    "Category",
    "CorpusResult",
    "Decision",
    "DecodeError",
    "Diagnostic",
    "InputTooLargeError",
    "LgoDecisionsError",
    "NotADecisionError",
    "NumberedParagraph",
    "Organisation",
    "Outcome",
    "OutcomeCode",
    "Paragraph",
    "ParseError",
    "PluginError",
    "ReaderNotFound",
    "RenderError",
    "Section",
    "SerialisationError",
    "Source",
    "SubParagraph",
    "__version__",
    "dump_jsonl",
    "dumps",
    "from_dict",
    "json_schema",
    "load_jsonl",
    "loads",
    "paragraphs_dataframe",
    "read",
    "read_corpus",
    "read_html",
    "read_text",
    "readers",
    "register_extension",
    "render_html",
    "render_text",
    "to_dataframe",
    "to_dict",
    "writers",
]
