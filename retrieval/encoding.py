"""Turn a file's bytes into text: UTF-8 first, then detection, never a silent mis-decode.

Scraped pages arrive in the encoding their site used: GB18030/GBK for Chinese portals,
Windows-1252 for older German and English ones. UTF-8 (with or without a byte-order mark) is
tried first because it is by far the most common and a wrong guess is almost impossible; the
rest is left to charset-normalizer, restricted to the encodings web pages actually use.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

import charset_normalizer

# Encodings seen on real web pages; restricting detection to them avoids exotic guesses such as
# cp775 (Baltic DOS) for a short Windows-1252 German text.
_WEB_ENCODINGS = [
    "utf_8",
    "gb18030",
    "big5",
    "shift_jis",
    "euc_jp",
    "euc_kr",
    "cp1252",
    "cp1250",
    "cp1251",
    "latin_1",
    "iso8859_2",
    "iso8859_15",
    "koi8_r",
]
_LATIN_SINGLE_BYTE = {"cp1252", "cp1250", "latin_1", "iso8859_2", "iso8859_15"}
_CJK_MULTI_BYTE = {"gb18030", "big5", "shift_jis", "euc_jp", "euc_kr"}
# Letters of Western European languages; Windows-1252 is preferred when it explains the bytes
# with no fewer of these than the detected Central European code page does.
_WESTERN_LETTERS = frozenset("äöüÄÖÜßàâáçéèêëîïíôóòûùúñÀÂÁÇÉÈÊËÎÏÍÔÓÒÛÙÚÑ€„“”‚‘’–—…")
_SHORT_TEXT_BYTES = 256
# Where the characters of Chinese, Japanese and Western text are: UTF-16 read with the wrong
# byte order, or binary data read as UTF-16, has far fewer of its characters here.
_WRITTEN = (
    (0x09, 0x0D),  # tab, line breaks
    (0x20, 0x7E),  # ASCII
    (0xA0, 0x17F),  # Latin-1 and Latin Extended-A
    (0x2010, 0x2027),  # dashes, quotation marks, ellipsis
    (0x2030, 0x205E),
    (0x3000, 0x30FF),  # CJK punctuation, kana
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xFF00, 0xFFEF),  # full-width forms
)
_MIN_WRITTEN_SHARE = 0.9
_CONTROL_BYTES = frozenset(range(32)) - {9, 10, 12, 13, 27}


class UnreadableFileError(Exception):
    """The file holds no text: it is empty, binary, or in no encoding we can recognise."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str  # Python codec name, e.g. "utf-8", "utf-8-sig", "gb18030", "cp1252"


def decode_bytes(data: bytes) -> DecodedText:
    """Decode ``data``: UTF-8 (BOM or not), UTF-16 (BOM or not), else the detected encoding."""
    if not data.strip():
        raise UnreadableFileError("empty file")
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data, "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16")
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    if _looks_binary(data):
        raise UnreadableFileError("binary file, not text")
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    return _detect(data)


def replace_lone_surrogates(text: str) -> str:
    """``text`` with each lone surrogate ("\\ud800", from a JSON escape or a broken client)
    replaced by U+FFFD, so it can be encoded as UTF-8; lengths and offsets are unchanged."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "".join("\ufffd" if "\ud800" <= char <= "\udfff" else char for char in text)
    return text


def _strict(data: bytes, encoding: str) -> DecodedText:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise UnreadableFileError(f"invalid {encoding} despite its byte-order mark") from error
    if not text.strip():
        raise UnreadableFileError("empty file")
    return DecodedText(text, encoding)


def _utf16_without_bom(data: bytes) -> DecodedText | None:
    """UTF-16 text saved without a byte-order mark (as some Windows tools do), told apart from
    binary data by its zero bytes. Text mostly in Latin script has a zero in every other byte,
    always on the same side. Chinese text has zeros only where it has ASCII (line breaks,
    spaces, figures), again on one side; it is taken for UTF-16 when it decodes to text almost
    all of whose characters are of the scripts text is written in: read the other way round, or
    as binary data, a large share of them falls elsewhere. Either way the text may hold no
    more control characters than text does."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:8192]
    pairs = len(sample) // 2
    even_zeros, odd_zeros = sample[0::2].count(0), sample[1::2].count(0)
    for codec, zeros, others in (
        ("utf-16-le", odd_zeros, even_zeros),
        ("utf-16-be", even_zeros, odd_zeros),
    ):
        latin = zeros >= pairs * 0.3 and others <= pairs * 0.02
        ideographic = 0 < zeros and others <= zeros // 4 + pairs * 0.01
        if not (latin or ideographic):
            continue
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        head = text[:4096]
        controls = sum(1 for char in head if ord(char) in _CONTROL_BYTES)
        if not text.strip() or controls > len(head) * 0.01:
            continue
        if latin or _written_share(head) >= _MIN_WRITTEN_SHARE:
            return DecodedText(text, codec)
    return None


def _written_share(text: str) -> float:
    """The share of ``text``'s characters in the ranges Chinese, Japanese and Western text is
    written in (see ``_WRITTEN``)."""
    written = sum(1 for char in text if any(low <= ord(char) <= high for low, high in _WRITTEN))
    return written / len(text)


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte in _CONTROL_BYTES)
    return controls > len(sample) * 0.05


def _detect(data: bytes) -> DecodedText:
    matches = charset_normalizer.from_bytes(data, cp_isolation=_WEB_ENCODINGS)
    best = matches.best()
    if best is None:
        raise UnreadableFileError("binary file or unknown text encoding")
    encoding = best.encoding
    candidates = [match.encoding for match in matches]
    if encoding in _LATIN_SINGLE_BYTE and encoding != "cp1252":
        encoding = _prefer_windows_1252(data, encoding)
    elif (
        encoding in _CJK_MULTI_BYTE
        and encoding != "gb18030"
        and "gb18030" in candidates
        and len(data) < _SHORT_TEXT_BYTES
    ):
        # A few Chinese characters are valid in several CJK encodings; this corpus is about
        # Guangdong, so a short ambiguous text is read as Simplified Chinese.
        encoding = "gb18030"
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as error:
        raise UnreadableFileError(f"cannot decode as detected {encoding}") from error
    if not text.strip():
        raise UnreadableFileError("empty file")
    return DecodedText(text, codecs.lookup(encoding).name)


def _prefer_windows_1252(data: bytes, detected: str) -> str:
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        return detected
    other = data.decode(detected, errors="replace")
    if _count_western(western) >= _count_western(other):
        return "cp1252"
    return detected


def _count_western(text: str) -> int:
    return sum(1 for char in text if char in _WESTERN_LETTERS)
