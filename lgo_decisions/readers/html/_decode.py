"""Page bytes to text: an explicit encoding, a byte-order mark, the meta charset, UTF-8, Windows-1252
(the last two as :func:`lgo_decisions._decoding.decode_guess` guesses, with a diagnostic)."""

from __future__ import annotations

import re

from ..._decoding import codec_for_label, decode_guess, has_bom
from ...model import Diagnostic

__all__ = ["decode_html", "meta_charset"]

_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)


def meta_charset(data: bytes) -> str | None:
    """The charset label a page declares in its first 4 KB (``<meta charset>`` or ``http-equiv``), lower case.

    >>> meta_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">')
    'iso-8859-1'
    """
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii").lower() if m else None


def decode_html(data: bytes, name: str | None = None) -> tuple[str, list[Diagnostic], bool]:
    """Decode page bytes: a BOM, else the meta charset, else UTF-8, else Windows-1252.

    Returns the text, the diagnostics (an unknown or wrong charset label) and whether the text is
    the bytes decoded as UTF-8 (then the parser can take the bytes as they are).

    >>> decode_html(b'<meta charset="windows-1252"><p>Ombudsman\\x92s</p>')[0][-15:]
    'Ombudsman’s</p>'
    """
    if has_bom(data):
        return decode_guess(data, name=name)
    label = meta_charset(data)
    notes: list[Diagnostic] = []
    if label is not None:
        try:
            codec = codec_for_label(label)
            return data.decode(codec), notes, codec == "utf-8"
        except LookupError:  # (only the WHATWG labels are obeyed: never unicode_escape, utf-7, punycode...)
            notes.append(Diagnostic(code="unknown_charset", message=f"unknown meta charset {label!r} ignored"))
        except UnicodeError as exc:
            reason = getattr(exc, "reason", None) or str(exc)
            message = f"the page says {label!r} but its bytes are not ({reason}); the encoding was guessed"
            notes.append(Diagnostic(code="charset_mismatch", message=message))
    text, guessed, exact = decode_guess(data, name=name)
    if notes and notes[0].code == "charset_mismatch" and guessed and guessed[0].code == "invalid_utf8":
        notes = []  # (it says UTF-8 and is UTF-8 but for a few bytes: the guess's diagnostic says so)
    return text, notes + guessed, exact
