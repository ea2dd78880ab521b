"""JSON text to plain data as the library reads it, and orjson's faster reading where installed.

:func:`decode` is the reading every record gets: the standard library's decoder, with no NaN or infinities,
and no lone surrogate in a string (which no UTF-8 file could hold), each refused with a
:class:`~lgo_decisions.errors.SerialisationError` saying so.

:func:`fast_decoder` gives ``orjson.loads`` when orjson is installed (the ``fast`` extra). For any
text it reads it gives the data :func:`decode` gives, with one exception: an integer beyond 64 bits
becomes a float. Whatever else differs it refuses: NaN and infinities (and numbers too large for a
float), lone surrogates, nesting deeper than 1,024, a byte order mark, bytes other than UTF-8. Its
callers so take its data only where a float could not pass, and read the text again with
:func:`decode` whenever anything goes wrong, so that the record or the error is the same
(``tests/test_fast_json.py`` compares the two on arbitrary JSON values and records).

>>> decode('{"reference": "20 007 417"}')
{'reference': '20 007 417'}
>>> decode('{"level": NaN}')
Traceback (most recent call last):
...
lgo_decisions.errors.SerialisationError: not JSON: NaN is not JSON
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from .errors import SerialisationError

__all__ = ["decode", "fast_decoder", "utf8"]

_ESCAPED_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")  # (a candidate: a pair is checked when decoded)
_ESCAPED_SURROGATE_BYTES = re.compile(_ESCAPED_SURROGATE.pattern.encode("ascii"))


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


_DECODER = json.JSONDecoder(parse_constant=_no_constant)  # (made once: json.loads with a hook makes one a call)


def decode(text: str | bytes) -> Any:
    """The data of JSON text (bytes decoded as ``json.loads`` does); :class:`SerialisationError`
    when it is not JSON, or not JSON this library reads."""
    try:
        if isinstance(text, bytes):  # (as json.loads decodes bytes)
            text = text.decode(json.detect_encoding(text), "surrogatepass")
        data = _DECODER.decode(text)
    except ValueError as exc:
        raise SerialisationError(f"not JSON: {exc}") from None
    except RecursionError:
        raise SerialisationError("not JSON this library reads: arrays or objects nested too deeply") from None
    if _may_hold_surrogates(text) and _holds_surrogates(data):
        raise SerialisationError("not JSON this library reads: a string holds a lone surrogate")
    return data


def _may_hold_surrogates(text: str | bytes) -> bool:
    if isinstance(text, bytes):  # (json.loads decodes bytes with surrogatepass)
        return b"\xed" in text or (b"\\" in text and _ESCAPED_SURROGATE_BYTES.search(text) is not None)
    if "\\" in text and "\\u" in text and _ESCAPED_SURROGATE.search(text) is not None:  # (memchr first)
        return True
    return not (text.isascii() or utf8(text))


def utf8(text: str) -> bool:
    """Whether ``text`` can be written as UTF-8: it holds no surrogate code point (which every UTF
    encoder refuses, paired or not; UTF-16's is the fastest, faster than a search)."""
    try:
        text.encode("utf-16-le")
    except UnicodeEncodeError:
        return False
    return True


def _holds_surrogates(data: Any) -> bool:
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


_UNSET: Any = object()
_fast: Any = _UNSET


def fast_decoder() -> Callable[[str | bytes], Any] | None:
    """``orjson.loads`` if orjson is installed, else ``None`` (imported at first use: it takes 15 ms)."""
    global _fast
    if _fast is _UNSET:
        try:
            import orjson
        except ImportError:
            _fast = None
        else:
            _fast = orjson.loads
    return _fast  # type: ignore[no-any-return]
