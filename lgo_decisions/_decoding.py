"""Bytes to text and clean text: byte-order marks, UTF-8, UTF-16, Windows-1252, charset labels,
control characters. Every reader decodes through here (the reader base's ``prepare``)."""

from __future__ import annotations

import codecs
import re

from .errors import DecodeError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_BOM_BYTES = tuple(bom for bom, _ in _BOMS)
_BINARY_BYTES = bytes(b for b in range(32) if b < 9 or b > 13)

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
    """Whether the start of ``data`` holds a NUL or many control bytes (not a saved page).

    >>> looks_binary(b"\\x00\\x01PNG"), looks_binary(b"Kent County Council")
    (True, False)
    """
    sample = data[:4096]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _BINARY_BYTES))  # C speed, not a Python loop
    return controls / len(sample) > 0.05


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

    >>> decode("Ombudsman\\u2019s".encode("cp1252"))
    'Ombudsman’s'
    """
    where = f"{name}: " if name else ""
    if encoding:
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError) as exc:
            raise DecodeError(f"{where}cannot decode as {encoding}: {exc}") from None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"{where}invalid {codec} after its byte-order mark: {exc}") from None
    if looks_binary(data):
        raise DecodeError(f"{where}binary data, not a saved statement page")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace")
    if text.count("\ufffd") > max(8, len(text) // 100):
        raise DecodeError(f"{where}neither UTF-8 nor Windows-1252 text")
    return text


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
