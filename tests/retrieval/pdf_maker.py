"""Tiny PDFs written by hand, for tests: lines of text on pages, in any script, or an image.

The text is set in a font that is not embedded, addressed by Unicode code point (a Type 0 font
with Identity-H encoding and a ToUnicode map from each code to itself): a PDF reader extracts
exactly the characters written, Latin, German or Chinese alike, without a font file. A page may
also carry a small image, as a scanned page does.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

_TO_UNICODE = b"""/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def /CMapType 2 def
1 begincodespacerange <0000> <FFFF> endcodespacerange
1 beginbfrange <0000> <FFFF> <0000> endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end"""
_IMAGE = b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray "
_IMAGE += b"/BitsPerComponent 8 /Length 4 >>\nstream\n\x00\xff\xff\x00\nendstream"
_LINE_HEIGHT = 14
_TOP = 800


def make_pdf(
    pages: Sequence[Sequence[str]],
    *,
    information: dict[str, str] | None = None,
    image_pages: Collection[int] = (),
) -> bytes:
    """A PDF with one page per item of ``pages`` (its lines of text, top to bottom).

    ``information``: document information entries (Title, Author, CreationDate, ...).
    ``image_pages``: 0-based numbers of the pages that also carry an image.
    """
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    to_unicode = add(_stream(_TO_UNICODE))
    descriptor = add(
        b"<< /Type /FontDescriptor /FontName /TestSans /Flags 32 /FontBBox [0 -200 1000 900] "
        b"/ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>"
    )
    cid_font = add(
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestSans /CIDSystemInfo << "
        b"/Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R "
        b"/DW 500 /CIDToGIDMap /Identity >>" % descriptor
    )
    font = add(
        b"<< /Type /Font /Subtype /Type0 /BaseFont /TestSans /Encoding /Identity-H "
        b"/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (cid_font, to_unicode)
    )
    image = add(_IMAGE)
    pages_id = len(objects) + 2 * len(pages) + 1  # after each page's content and page object
    kids = []
    for number, lines in enumerate(pages):
        operations = [b"q 500 0 0 700 50 50 cm /Im1 Do Q"] if number in image_pages else []
        for row, line in enumerate(lines):
            code = "".join(f"{ord(char):04X}" for char in line).encode()
            y = _TOP - row * _LINE_HEIGHT
            operations.append(b"BT /F1 10 Tf 40 %d Td <%s> Tj ET" % (y, code))
        content = add(_stream(b"\n".join(operations)))
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                b"/Resources << /Font << /F1 %d 0 R >> /XObject << /Im1 %d 0 R >> >> >>"
                % (pages_id, content, font, image)
            )
        )
    kid_list = b" ".join(b"%d 0 R" % kid for kid in kids)
    add(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kid_list, len(kids)))
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    entries = b" ".join(
        b"/%s <FEFF%s>" % (key.encode(), value.encode("utf-16-be").hex().upper().encode())
        for key, value in (information or {}).items()
    )
    info = add(b"<< " + entries + b" >>")
    return _file(objects, catalog, info)


def _stream(data: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def _file(objects: Sequence[bytes], catalog: int, info: int) -> bytes:
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    trailer = (len(objects) + 1, catalog, info)
    out += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\n" % trailer
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)
