"""Decoding files: UTF-8 first, detection for GB18030 and Windows-1252, empty and binary refused."""

from __future__ import annotations

import codecs

import pytest

from retrieval.encoding import UnreadableFileError, decode_bytes

CHINESE = (
    "作为中国第一经济大省，2024年广东预计全省地区生产总值将突破14万亿元。"
    "2025年广东要如何继续挑起大梁、发展新质生产力？"
)
GERMAN = (
    "Guangdong verfügt über ein vollständiges Industriesystem. Zudem habe die Provinz "
    "„einzigartige Wettbewerbsvorteile“ aufgebaut – für die Zukunft Süd-Guangdongs."
)


def test_utf8_is_decoded_as_utf8() -> None:
    """Plain UTF-8 is read without detection."""
    decoded = decode_bytes(GERMAN.encode("utf-8"))
    assert (decoded.text, decoded.encoding) == (GERMAN, "utf-8")


def test_utf8_byte_order_mark_is_removed() -> None:
    """A UTF-8 BOM does not become part of the text."""
    decoded = decode_bytes(codecs.BOM_UTF8 + CHINESE.encode("utf-8"))
    assert (decoded.text, decoded.encoding) == (CHINESE, "utf-8-sig")


def test_utf16_with_byte_order_mark() -> None:
    """UTF-16 with a BOM is decoded, although it contains NUL bytes."""
    assert decode_bytes(GERMAN.encode("utf-16")).text == GERMAN


@pytest.mark.parametrize("text", [CHINESE, CHINESE[:12], "广东制造"])
def test_gb18030_is_detected(text: str) -> None:
    """Chinese text in GB18030, long or short, decodes to the original characters."""
    decoded = decode_bytes(text.encode("gb18030"))
    assert decoded.text == text
    assert decoded.encoding == "gb18030"


@pytest.mark.parametrize("text", [GERMAN, GERMAN[:40], "Größe"])
def test_windows_1252_is_detected(text: str) -> None:
    """German text in Windows-1252 (umlauts, ß, typographic quotes, dash) decodes exactly."""
    decoded = decode_bytes(text.encode("cp1252"))
    assert decoded.text == text
    assert decoded.encoding == "cp1252"


@pytest.mark.parametrize("data", [b"", b" \n\t\r\n"])
def test_empty_file_is_refused(data: bytes) -> None:
    """An empty or blank file is reported as empty."""
    with pytest.raises(UnreadableFileError, match="empty"):
        decode_bytes(data)


@pytest.mark.parametrize(
    "data",
    [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", bytes(range(256)) * 8, b"%PDF\x00\x01\x02"],
)
def test_binary_file_is_refused(data: bytes) -> None:
    """Bytes with NULs or control characters are reported as binary."""
    with pytest.raises(UnreadableFileError, match="binary"):
        decode_bytes(data)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_text(codec: str) -> None:
    """UTF-16 saved without a byte-order mark is decoded, not called binary."""
    text = "Die Provinz fördert Halbleiter. 广东省 2025.\r\nZweite Zeile.\r\n"
    decoded = decode_bytes(text.encode(codec))
    assert (decoded.text, decoded.encoding) == (text, codec)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_chinese_utf16_without_a_byte_order_mark_is_text(codec: str) -> None:
    """Chinese UTF-16 without a byte-order mark (zeros only where it has ASCII) is text."""
    text = CHINESE + "\r\n" + CHINESE
    decoded = decode_bytes(text.encode(codec))
    assert (decoded.text, decoded.encoding) == (text, codec)


def test_english_text_is_not_taken_for_utf16() -> None:
    """ASCII text, whose byte pairs would read as Chinese characters, stays ASCII."""
    text = "The province will invest in chip plants and robotics this year.\n"
    assert decode_bytes(text.encode("ascii")).encoding == "utf-8"


def test_binary_data_with_zero_bytes_is_not_taken_for_utf16() -> None:
    """Binary bytes with zeros on one side are still binary, not Chinese UTF-16."""
    data = bytes((index * 37 + 11) % 256 if index % 2 == 0 else index % 7 for index in range(4000))
    with pytest.raises(UnreadableFileError, match="binary"):
        decode_bytes(data)
