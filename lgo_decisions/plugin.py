"""What plugin authors import: the one module a reader, writer or extension plugin needs.

- Readers: subclass :class:`BaseReader` and implement ``sniff()`` and ``lines()`` (what your
  medium shows of each line, as :class:`Line` s with a :class:`Form`); the one
  :class:`Classifier` says what each line is and :func:`build` assembles the decision. A reader
  may instead emit :class:`Token` s (override ``tokens()``) or build the decision itself
  (override ``read()``); :func:`prepare` does the input preparation every reader shares.
- Registries: :func:`register_reader`, :func:`register_writer`, :func:`register_extension`
  (entry-point groups :data:`READERS_GROUP`, :data:`WRITERS_GROUP`, :data:`EXTENSIONS_GROUP`).
- Helpers: the text reader's :func:`text_lines` (plain text to lines), the field interpretations
  the builder uses (:func:`normalise_reference`,
  :func:`parse_date`, :func:`parse_category`, :func:`read_outcome`), the matching key
  (:func:`key`), :func:`content_hash` and the models a reader fills.

What this module exports is the plugin interface the library keeps stable; everything it does not
export may change.

>>> from lgo_decisions.plugin import Kind, Token, build
>>> build([Token(kind=Kind.TITLE, text="20 007 417", reference="20 007 417")]).reference
'20 007 417'
"""

from __future__ import annotations

from ._builder import build
from ._classify import Classifier, Form, Line, classify, is_contents_entry, is_header_label, is_known_heading
from ._decoding import CONTROL_CHARACTERS, decode, remove_controls
from ._fields import normalise_reference, parse_category, parse_date, read_outcome
from ._limits import MAX_INPUT_BYTES
from ._tokens import Kind, Token
from ._vocabulary import key, norm
from .errors import (
    ExtensionNotFound,
    LgoDecisionsError,
    NotADecisionError,
    ParseError,
    PluginError,
    PluginNotFound,
    ReaderNotFound,
    WriterNotFound,
)
from .extensions import GROUP as EXTENSIONS_GROUP
from .extensions import register_extension, unregister_extension
from .model import Decision, Diagnostic, Source
from .readers import GROUP as READERS_GROUP
from .readers import Reader
from .readers import register as register_reader
from .readers import unregister as unregister_reader
from .readers._base import BaseReader, Prepared, content_hash, prepare
from .readers.text import lines as text_lines
from .writers import GROUP as WRITERS_GROUP
from .writers import Writer
from .writers import register as register_writer
from .writers import unregister as unregister_writer

__all__ = [
    "CONTROL_CHARACTERS",
    "EXTENSIONS_GROUP",
    "MAX_INPUT_BYTES",
    "READERS_GROUP",
    "WRITERS_GROUP",
    "BaseReader",
    "Classifier",
    "Decision",
    "Diagnostic",
    "ExtensionNotFound",
    "Form",
    "Kind",
    "LgoDecisionsError",
    "Line",
    "NotADecisionError",
    "ParseError",
    "PluginError",
    "PluginNotFound",
    "Prepared",
    "Reader",
    "ReaderNotFound",
    "Source",
    "Token",
    "Writer",
    "WriterNotFound",
    "build",
    "classify",
    "content_hash",
    "decode",
    "is_contents_entry",
    "is_header_label",
    "is_known_heading",
    "key",
    "norm",
    "normalise_reference",
    "parse_category",
    "parse_date",
    "prepare",
    "read_outcome",
    "register_extension",
    "register_reader",
    "register_writer",
    "remove_controls",
    "text_lines",
    "unregister_extension",
    "unregister_reader",
    "unregister_writer",
]
