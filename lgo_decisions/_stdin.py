"""Standard input for ``lgo-decisions parse -``: a statement (text or HTML) or records (JSON Lines,
a JSON record or an array of them), told apart by the first character that is not white space.

Records are named as in a file: ``-:LINE`` for JSON Lines (streamed, never loaded whole),
``-[INDEX]`` for an array's elements, ``-`` for one record or one statement.

>>> import io
>>> [line.name for line in stdin_lines(io.BytesIO(b'\\n{"reference": "20 007 417"}\\n{"reference": "21 000 001"}\\n'))]
['-:2', '-:3']
>>> [line] = stdin_lines(io.BytesIO(b"Kent County Council (23 008 522)\\nDecision : Upheld"))
>>> line.name, line.error
('-', None)
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO

from ._api import read
from ._decoding import decode
from ._inputs import bounded_lines
from ._limits import MAX_INPUT_BYTES
from .corpus import Line, _named, _read_task, _Task, line_of
from .errors import InputTooLargeError, LineTooLongError
from .model import worst_severity
from .serialise import dumps

NAME = "-"
_BLANK = b"\xef\xbb\xbf \t\r\n"


def _rest(fp: IO[bytes], head: bytes) -> bytes:
    data = head + fp.read(MAX_INPUT_BYTES + 1 - len(head))
    if len(data) > MAX_INPUT_BYTES:
        raise InputTooLargeError(f"{NAME}: standard input above the limit of {MAX_INPUT_BYTES} bytes")
    return data


def _statement(data: bytes, strict: bool) -> Line:
    try:
        decision = _named(read(data, strict=strict), NAME)
    except Exception as exc:  # a failed input, as from a file
        return Line(NAME, None, (), type(exc).__name__, str(exc))
    codes = tuple(d.code for d in decision.diagnostics)
    worst = worst_severity(decision.diagnostics)
    return Line(NAME, dumps(decision), codes, None, None, worst.value if worst else None)


def _values(data: bytes) -> list[_Task]:
    """The tasks of a whole JSON document: one record, or an array's elements."""
    value = json.loads(decode(data, name=NAME))
    if isinstance(value, list):
        if not value:
            return [_Task("error", NAME, "NotADecisionError: an empty JSON array: no records")]
        return [_Task("value", f"{NAME}[{i}]", json.dumps(v, ensure_ascii=False)) for i, v in enumerate(value)]
    return [_Task("value", NAME, json.dumps(value, ensure_ascii=False))]


def stdin_lines(fp: IO[bytes], *, strict: bool = False) -> Iterator[Line]:
    """The results of reading ``fp`` (standard input's bytes), as
    :func:`~lgo_decisions.corpus.read_corpus_json` gives them for files."""
    head = b""
    lineno = 0
    while not head.strip(_BLANK):  # (the first line that is not blank decides)
        line = fp.readline(MAX_INPUT_BYTES + 1)
        if not line:
            yield Line(NAME, None, (), "NotADecisionError", "standard input is empty")
            return
        lineno += 1
        head += line
    first = head.lstrip(_BLANK)[:1]
    try:
        if first == b"{":
            try:
                json.loads(head.strip(_BLANK).splitlines()[-1])
            except ValueError:  # a record over several lines: one JSON document
                tasks = _values(_rest(fp, head))
            else:  # JSON Lines, streamed
                task = _Task("value", f"{NAME}:{lineno}", head.decode("utf-8", "surrogateescape"))
                yield line_of(_read_task(task, strict=strict))
                for n, text in bounded_lines(fp):
                    if text is None:
                        too_long = LineTooLongError(f"{NAME}:{n + lineno}: a line above the limit of {MAX_INPUT_BYTES}")
                        yield Line(f"{NAME}:{n + lineno}", None, (), type(too_long).__name__, str(too_long))
                    else:
                        task = _Task("value", f"{NAME}:{n + lineno}", text.decode("utf-8", "surrogateescape"))
                        yield line_of(_read_task(task, strict=strict))
                return
        elif first == b"[":
            tasks = _values(_rest(fp, head))
        else:
            yield _statement(_rest(fp, head), strict)
            return
    except Exception as exc:  # too large, not JSON: standard input fails as one input
        yield Line(NAME, None, (), type(exc).__name__, str(exc))
        return
    for task in tasks:
        yield line_of(_read_task(task, strict=strict))
