"""Bytes to text and clean text: byte-order marks, UTF-8, UTF-16, Windows-1252, charset labels,
control characters. Every reader decodes through here (the reader base's ``prepare``).

Bytes that are not UTF-8 are never guessed at silently (:func:`decode_guess`): UTF-8 with a few
bad bytes is read as UTF-8, the bad bytes replaced, when its non-ASCII bytes are mostly valid
UTF-8 sequences (:data:`UTF8_SHARE`); other bytes are read as Windows-1252. Either way a
diagnostic says so.
"""

from __future__ import annotations

import codecs
import re

from .errors import DecodeError
from .model import Diagnostic

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_BOM_BYTES = tuple(bom for bom, _ in _BOMS)
_BINARY_BYTES = bytes(b for b in range(32) if b < 9 or b > 13)
_HIGH_BYTES = bytes(range(0x80, 0x100))
_MAGIC = (
    b"\x89PNG\r\n\x1a\n",  # PNG
    b"\xff\xd8\xff",  # JPEG
    b"GIF87a",
    b"GIF89a",
    b"%PDF-",
    b"PK\x03\x04",  # zip (and docx, xlsx, odt, epub)
    b"PK\x05\x06",  # an empty zip
    b"\x1f\x8b",  # gzip
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",  # OLE2 (doc, xls, msg)
    b"RIFF",  # webp, wav, avi
    b"\x7fELF",
)
"""The signatures of binary files a folder of saved pages may also hold: a DecodeError, whatever follows."""

UTF8_SHARE = 0.5
"""Bytes that are not UTF-8 read as UTF-8 (bad bytes replaced) when at least this share of their
non-ASCII bytes are in valid multi-byte UTF-8 sequences; else as Windows-1252. A UTF-8 file with a
stray byte scores near 1 (every curly quote is a valid sequence), a Windows-1252 file near 0 (its
non-ASCII bytes are single characters, which UTF-8 never allows)."""

CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
"""What every reader removes from its input (with a diagnostic) and the writers refuse to write:
C0 control characters but tab and line breaks, DEL, and the non-characters U+FFFE and U+FFFF."""

_CONTROL_BYTES = bytes(b for b in range(0x80) if CONTROL_CHARACTERS.match(chr(b)))
# WHATWG: these labels mean windows-1252 in HTML.
_AS_CP1252 = frozenset(
    {
        "iso-8859-1",
        "iso8859-1",
        "latin1",
        "latin-1",
        "l1",
        "us-ascii",
        "ascii",
        "iso-ir-100",
        "cp819",
        "ibm819",
        "x-cp1252",
        "windows-1252",
        "cp1252",
    }
)


def has_bom(data: bytes) -> bool:
    """Whether ``data`` starts with a byte-order mark (UTF-8, UTF-16 or UTF-32).

    >>> has_bom(codecs.BOM_UTF8 + b"text"), has_bom(b"text")
    (True, False)
    """
    return data.startswith(_BOM_BYTES)


def looks_binary(data: bytes) -> bool:
    """Whether ``data`` starts with a binary file's signature, or more than one and more than 5% of
    its first 4 KB are control bytes, NUL included: not a saved page. A few NULs in text are
    control characters, which the readers remove like the others.

    >>> looks_binary(b"\\x89PNG\\r\\n\\x1a\\n"), looks_binary(b"\\x00\\x01\\x02 binary"), looks_binary(b"Mr\\x00 X")
    (True, True, False)
    """
    sample = data[:4096]
    if not sample:
        return False
    if sample.startswith(_MAGIC):
        return True
    controls = len(sample) - len(sample.translate(None, _BINARY_BYTES))  # C speed, not a Python loop
    return controls > 1 and controls / len(sample) > 0.05  # (one NUL in a short text is a control character)


def codec_for_label(label: str) -> str:
    """The codec a document's charset label means (WHATWG: Latin-1 and ASCII labels mean Windows-1252,
    a UTF-16 label without a byte-order mark means UTF-8); raises :class:`LookupError` when unknown.

    >>> codec_for_label("ISO-8859-1"), codec_for_label("utf-16"), codec_for_label("koi8-r")
    ('cp1252', 'utf-8', 'koi8-r')
    """
    label = label.strip().lower()
    if label in _AS_CP1252:
        return "cp1252"
    name = codecs.lookup(label).name
    return "utf-8" if name.startswith("utf-16") else name


def decode(data: bytes, *, encoding: str | None = None, name: str | None = None) -> str:
    """Decode saved page bytes: an explicit ``encoding`` first, then a BOM, UTF-8, Windows-1252.

    Without ``encoding`` this is :func:`decode_guess` without its diagnostics (the readers keep them).

    >>> decode("Ombudsman\\u2019s".encode("cp1252"))
    'Ombudsman’s'
    """
    if encoding:
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError) as exc:
            where = f"{name}: " if name else ""
            raise DecodeError(f"{where}cannot decode as {encoding}: {exc}") from None
    return decode_guess(data, name=name)[0]


def decode_guess(data: bytes, *, name: str | None = None) -> tuple[str, list[Diagnostic], bool]:
    """Decode bytes of no declared encoding: a BOM, else UTF-8, else (:data:`UTF8_SHARE`) UTF-8 with
    its bad bytes replaced or Windows-1252, each fallback with a diagnostic.

    Returns the text, the diagnostics and whether the text is ``data`` decoded as UTF-8 exactly.
    Raises :class:`DecodeError` for binary data.

    >>> text, notes, exact = decode_guess("\\u201cYes\\u201d, he said\\u2026 ".encode() + b"\\x92")
    >>> text, [n.code for n in notes], exact
    ('“Yes”, he said… \\ufffd', ['invalid_utf8'], False)
    >>> decode_guess("\\u201cYes\\u201d, he said".encode("cp1252"))[:2]
    ('“Yes”, he said', [Diagnostic(code='windows_1252', ...)])
    """
    where = f"{name}: " if name else ""
    for bom, codec in _BOMS if data.startswith(_BOM_BYTES) else ():
        if data.startswith(bom):
            body = data[len(bom) :]
            try:
                return body.decode(codec), [], False
            except UnicodeDecodeError as exc:
                if codec != "utf-8":
                    raise DecodeError(f"{where}invalid {codec} after its byte-order mark: {exc}") from None
                return _replaced(body, exc.start, len(bom), "after its UTF-8 byte-order mark")
    if looks_binary(data):
        raise DecodeError(f"{where}binary data, not a saved statement page")
    try:
        return data.decode("utf-8"), [], True
    except UnicodeDecodeError as exc:
        first = exc.start
    replaced = data.decode("utf-8", errors="replace")
    made = replaced.count("\ufffd") - data.count(b"\xef\xbf\xbd")  # (U+FFFD the input had itself aside)
    bad = len(data) - len(replaced.encode("utf-8")) + 3 * made  # the bytes each U+FFFD stands for
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    if high - bad >= UTF8_SHARE * high:
        return _replaced(data, first, 0, "", replaced=replaced, bad=bad)
    text = data.decode("cp1252", errors="replace")
    if text.count("\ufffd") > max(8, len(text) // 100):
        raise DecodeError(f"{where}neither UTF-8 nor Windows-1252 text")
    message = (
        f"not UTF-8 (only {high - bad} of its {high} non-ASCII bytes are UTF-8 sequences; the first "
        f"byte that is not at offset {first}): decoded as Windows-1252"
    )
    return text, [Diagnostic(code="windows_1252", message=message, line=_line_at(data, first))], False


def _replaced(
    data: bytes, first: int, offset: int, where: str, *, replaced: str | None = None, bad: int | None = None
) -> tuple[str, list[Diagnostic], bool]:
    """UTF-8 ``data`` with its bad bytes replaced (U+FFFD), and the diagnostic naming their count and the first."""
    if replaced is None:
        replaced = data.decode("utf-8", errors="replace")
        made = replaced.count("\ufffd") - data.count(b"\xef\xbf\xbd")
        bad = len(data) - len(replaced.encode("utf-8")) + 3 * made
    message = (
        f"{bad} byte(s) that are not UTF-8 {where + ' ' if where else ''}replaced with U+FFFD "
        f"(the first at offset {first + offset}); the rest is UTF-8"
    )
    return replaced, [Diagnostic(code="invalid_utf8", message=message, line=_line_at(data, first))], False


def _line_at(data: bytes, offset: int) -> int:
    """The 1-based line of byte ``offset``, lines counted as the readers count them (CR LF, CR, LF)."""
    head = data[:offset]
    return head.count(b"\n") + head.count(b"\r") - head.count(b"\r\n") + 1


def bytes_have_controls(data: bytes) -> bool:
    """Whether UTF-8 (or ASCII-compatible) bytes hold a character of :data:`CONTROL_CHARACTERS`.

    >>> bytes_have_controls(b"a\\x07b"), bytes_have_controls("\\ufffe".encode()), bytes_have_controls(b"a\\tb")
    (True, True, False)
    """
    return len(data.translate(None, _CONTROL_BYTES)) != len(data) or (
        b"\xef" in data and (b"\xef\xbf\xbe" in data or b"\xef\xbf\xbf" in data)
    )


def remove_controls(text: str) -> tuple[str, int, int | None]:
    """``text`` without :data:`CONTROL_CHARACTERS`, how many were removed and the line of the first.

    Lines are counted as the readers count them (``\\r\\n``, ``\\r`` and ``\\n`` each end one).

    >>> remove_controls("Mr X\\ncomplained\\x07.")
    ('Mr X\\ncomplained.', 1, 2)
    """
    first = CONTROL_CHARACTERS.search(text)
    if first is None:
        return text, 0, None
    clean, count = CONTROL_CHARACTERS.subn("", text)
    head = text[: first.start()]
    line = head.count("\n") + head.count("\r") - head.count("\r\n") + 1
    return clean, count, line
