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
# every other byte: deleted, they leave only the control bytes (nothing to write for a clean page:
# a third faster than deleting the control bytes and comparing the lengths)
_OTHER_BYTES = bytes(b for b in range(0x100) if b not in _CONTROL_BYTES)
_LINE_BREAK_CONTROLS = str.maketrans({"\x0b": "\n", "\x0c": "\n"})  # vertical tab and form feed
_BETWEEN_WORDS = re.compile(r"(?<=\w)[\x00-\x08\x0e-\x1f\x7f\ufffe\uffff]+(?=\w)")
_LINE_START_BOM = re.compile(r"(?:^|(?<=[\n\r]))\ufeff+")
"""A byte-order mark at the start of a line (a file's pasted into another): removed like a control character."""
# The WHATWG Encoding Standard's labels (https://encoding.spec.whatwg.org/#names-and-labels), by the
# Python codec that decodes them: the only charset labels a page's meta element is obeyed for. As the
# standard's prescan does, UTF-16 labels mean UTF-8 and x-user-defined Windows-1252; the
# "replacement" labels (ISO-2022-KR, HZ and the like) are not obeyed.
_WHATWG_LABELS = {
    "utf-8": "unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 utf8 x-unicode20utf8 "
    "csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16 utf-16le unicodefffe utf-16be",
    "cp866": "866 cp866 csibm866 ibm866",
    "iso8859-2": "csisolatin2 iso-8859-2 iso-ir-101 iso8859-2 iso88592 iso_8859-2 iso_8859-2:1987 l2 latin2",
    "iso8859-3": "csisolatin3 iso-8859-3 iso-ir-109 iso8859-3 iso88593 iso_8859-3 iso_8859-3:1988 l3 latin3",
    "iso8859-4": "csisolatin4 iso-8859-4 iso-ir-110 iso8859-4 iso88594 iso_8859-4 iso_8859-4:1988 l4 latin4",
    "iso8859-5": "csisolatincyrillic cyrillic iso-8859-5 iso-ir-144 iso8859-5 iso88595 iso_8859-5 iso_8859-5:1988",
    "iso8859-6": "arabic asmo-708 csiso88596e csiso88596i csisolatinarabic ecma-114 iso-8859-6 iso-8859-6-e "
    "iso-8859-6-i iso-ir-127 iso8859-6 iso88596 iso_8859-6 iso_8859-6:1987",
    "iso8859-7": "csisolatingreek ecma-118 elot_928 greek greek8 iso-8859-7 iso-ir-126 iso8859-7 iso88597 "
    "iso_8859-7 iso_8859-7:1987 sun_eu_greek",
    "iso8859-8": "csiso88598e csisolatinhebrew hebrew iso-8859-8 iso-8859-8-e iso-ir-138 iso8859-8 iso88598 "
    "iso_8859-8 iso_8859-8:1988 visual csiso88598i iso-8859-8-i logical",
    "iso8859-10": "csisolatin6 iso-8859-10 iso-ir-157 iso8859-10 iso885910 l6 latin6",
    "iso8859-13": "iso-8859-13 iso8859-13 iso885913",
    "iso8859-14": "iso-8859-14 iso8859-14 iso885914",
    "iso8859-15": "csisolatin9 iso-8859-15 iso8859-15 iso885915 iso_8859-15 l9",
    "iso8859-16": "iso-8859-16",
    "koi8-r": "cskoi8r koi koi8 koi8-r koi8_r",
    "koi8-u": "koi8-ru koi8-u",
    "mac-roman": "csmacintosh mac macintosh x-mac-roman",
    "cp874": "dos-874 iso-8859-11 iso8859-11 iso885911 tis-620 windows-874",
    "cp1250": "cp1250 windows-1250 x-cp1250",
    "cp1251": "cp1251 windows-1251 x-cp1251",
    "cp1252": "ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 iso8859-1 iso88591 "
    "iso_8859-1 iso_8859-1:1987 l1 latin1 us-ascii windows-1252 x-cp1252 x-user-defined",
    "cp1253": "cp1253 windows-1253 x-cp1253",
    "cp1254": "cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 iso_8859-9 iso_8859-9:1989 l5 latin5 "
    "windows-1254 x-cp1254",
    "cp1255": "cp1255 windows-1255 x-cp1255",
    "cp1256": "cp1256 windows-1256 x-cp1256",
    "cp1257": "cp1257 windows-1257 x-cp1257",
    "cp1258": "cp1258 windows-1258 x-cp1258",
    "mac-cyrillic": "x-mac-cyrillic x-mac-ukrainian",
    "gb18030": "chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 gbk iso-ir-58 x-gbk gb18030",
    "big5hkscs": "big5 big5-hkscs cn-big5 csbig5 x-x-big5",
    "euc_jp": "cseucpkdfmtjapanese euc-jp x-euc-jp",
    "iso2022_jp": "csiso2022jp iso-2022-jp",
    "cp932": "csshiftjis ms932 ms_kanji shift-jis shift_jis sjis windows-31j x-sjis",
    "cp949": "cseuckr csksc56011987 euc-kr iso-ir-149 korean ks_c_5601-1987 ks_c_5601-1989 ksc5601 ksc_5601 "
    "windows-949",
}
CHARSET_LABELS: dict[str, str] = {label: codec for codec, labels in _WHATWG_LABELS.items() for label in labels.split()}
"""A page's charset label (lower case) to the Python codec that decodes it: the WHATWG labels only."""


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
    """The codec a document's charset label means, by the WHATWG labels (:data:`CHARSET_LABELS`:
    Latin-1 and ASCII labels mean Windows-1252, a UTF-16 label without a byte-order mark means
    UTF-8); raises :class:`LookupError` for any other label, a Python codec's name included.

    >>> codec_for_label("ISO-8859-1"), codec_for_label("utf-16"), codec_for_label("koi8-r")
    ('cp1252', 'utf-8', 'koi8-r')
    >>> codec_for_label("unicode_escape")
    Traceback (most recent call last):
    ...
    LookupError: 'unicode_escape' is not a WHATWG encoding label
    """
    codec = CHARSET_LABELS.get(label.strip().lower())
    if codec is None:
        raise LookupError(f"{label!r} is not a WHATWG encoding label")
    return codec


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
    """Whether UTF-8 (or ASCII-compatible) bytes hold a character of :data:`CONTROL_CHARACTERS` (or
    a byte-order mark, which :func:`remove_controls` removes at the start of a line).

    >>> bytes_have_controls(b"a\\x07b"), bytes_have_controls("\\ufffe".encode()), bytes_have_controls(b"a\\tb")
    (True, True, False)
    """
    return bool(data.translate(None, _OTHER_BYTES)) or (
        b"\xef" in data and (b"\xef\xbf\xbe" in data or b"\xef\xbf\xbf" in data or b"\xef\xbb\xbf" in data)
    )


def remove_controls(text: str) -> tuple[str, int, int | None]:
    """``text`` without :data:`CONTROL_CHARACTERS` (nor a byte-order mark at a line start), how many
    were removed and the line of the first.

    A control character that separates words does not merge them: vertical tab and form feed become
    line breaks, others between two word characters a space (a run of them one space); the rest are
    removed. Lines are counted as the readers count them (``\\r\\n``, ``\\r`` and ``\\n`` each end one).

    >>> remove_controls("Mr X\\ncomplained\\x07.")
    ('Mr X\\ncomplained.', 1, 2)
    >>> remove_controls("Council\\fdelayed\\x00\\x01its\\n\\ufeffDecision : Upheld")
    ('Council\\ndelayed its\\nDecision : Upheld', 4, 1)
    """
    first = CONTROL_CHARACTERS.search(text)
    bom = _LINE_START_BOM.search(text) if "\ufeff" in text else None
    if first is None and bom is None:
        return text, 0, None
    start = min(m.start() for m in (first, bom) if m is not None)
    clean = text
    count = 0
    if first is not None:
        count = len(text) - len(CONTROL_CHARACTERS.sub("", text))
        if "\x0b" in clean or "\x0c" in clean:
            clean = clean.translate(_LINE_BREAK_CONTROLS)
        clean = CONTROL_CHARACTERS.sub("", _BETWEEN_WORDS.sub(" ", clean))
    if bom is not None:
        size = len(clean)
        clean = _LINE_START_BOM.sub("", clean)
        count += size - len(clean)
    head = text[:start]
    line = head.count("\n") + head.count("\r") - head.count("\r\n") + 1
    return clean, count, line
