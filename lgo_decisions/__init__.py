"""lgo-decisions: typed, validated, serialisable records of the Local Government and Social Care
Ombudsman's published decision statements.

>>> import lgo_decisions
>>> d = lgo_decisions.read_text("Kent County Council (23 008 522)\\nDecision : Upheld\\nThe complaint\\n- Text.")
>>> lgo_decisions.loads(lgo_decisions.dumps(d)) == d
True
"""

from __future__ import annotations

from .api import read
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
from .readers.text import read_text
from .serialise import dump_jsonl, dumps, from_dict, load_jsonl, loads, to_dict

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "BulletList",
    "Category",
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
    "load_jsonl",
    "loads",
    "read",
    "read_text",
    "to_dict",
]
