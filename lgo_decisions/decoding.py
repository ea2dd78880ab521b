"""Bytes to text: byte-order marks, UTF-8, UTF-16 and Windows-1252, with a clear error for binary."""

from __future__ import annotations

import codecs

from .errors import DecodeError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


_CONTROL_BYTES = bytes(b for b in range(32) if b < 9 or b > 13)


def _looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))  # C speed, not a Python loop
    return controls / len(sample) > 0.05


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
                return data[len(bom):].decode(codec)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"{where}invalid {codec} after its byte-order mark: {exc}") from None
    if _looks_binary(data):
        raise DecodeError(f"{where}binary data, not a saved statement page")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace")
    if text.count("\ufffd") > max(8, len(text) // 100):
        raise DecodeError(f"{where}neither UTF-8 nor Windows-1252 text")
    return text
