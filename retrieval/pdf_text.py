"""A PDF's text layer, page by page in reading order, with where each page begins.

PDFium (through pypdfium2) gives each page's text in reading order, lines ended by line breaks.
What a reader does not read as text is left out: page numbers ("4", "- 4 -", "Page 4 of 9",
"第4页") in the first or last lines of a page, and running heads and feet (a line at the top or
foot of most pages, its figures aside); a figure on a line of its own inside a page (a table's
cell) is kept.
A word hyphenated at a line end is joined again. Pages are joined by a blank line, or by a single
line break where a page ends in the middle of a sentence, so that the sentence stays one.

A page without text (a scanned image) is noted; a PDF with no text at all is refused: lingnan
reads no images. A page PDFium cannot load (a damaged page) is skipped with a note naming it; a
PDF none of whose pages load is refused. Reading stops after ``max_pages`` pages or
``max_seconds``, with a note.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from retrieval.cleaning import TERMINAL_MARKS, ends_sentence
from retrieval.encoding import UnreadableFileError
from retrieval.formats import ExtractedText

if TYPE_CHECKING:
    from pypdfium2 import PdfDocument

log = logging.getLogger(__name__)

_PAGE_NUMBER = re.compile(
    r"[-–—\s]*(?:(?:page|seite|p\.|s\.)\s*)?第?\s*\d{1,4}\s*(?:页|頁)?"
    r"(?:\s*(?:/|of|von|共)\s*\d{1,4}\s*(?:页|頁)?)?[-–—\s]*",
    re.IGNORECASE,
)
_EDGE_LINES = 2  # lines at the top and at the foot of a page that may be running heads or feet
_RUNNING_MIN_PAGES = 3
_SOFT_HYPHEN = "\ufffe"  # PDFium's mark for a hyphen that ended a line ("gov\ufffeernor")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_PDF_DATE = re.compile(r"D:(\d{4})(\d{2})(\d{2})")
# Document information word processors fill in by themselves: not a title or an author.
_PLACEHOLDER_TITLE = re.compile(
    r"^(?:untitled|unbenannt|无标题|microsoft (?:word|powerpoint) - .*|.*\.(?:docx?|pdf|pptx?|"
    r"xlsx?|odt|rtf|tex|indd))$",
    re.IGNORECASE,
)
_PLACEHOLDER_AUTHOR = frozenset({"admin", "administrator", "user", "owner", "unknown", "author"})
# A page tree of no pages ("<< /Type /Pages /Kids [] /Count 0 >>"): PDFium will not open such a
# PDF, and the error it reports is whatever error came before, so the bytes are looked at.
_NO_PAGES = re.compile(
    rb"/Type\s*/Pages\b[^>]{0,200}?/Count\s*0(?![\d.])"
    rb"|/Count\s*0(?![\d.])[^>]{0,200}?/Type\s*/Pages\b"
)
# PDFium keeps global state that is not safe to use from two threads at once.
_PDFIUM = threading.Lock()


def read_pdf(data: bytes, *, max_pages: int, max_seconds: float) -> ExtractedText:
    """The text of a PDF's pages, where each page starts, and its document information."""
    import pypdfium2  # imported here: a corpus without PDFs never needs it

    if not data.strip():
        raise UnreadableFileError("empty file")
    notes: list[str] = []
    with _PDFIUM:
        try:
            pdf = pypdfium2.PdfDocument(data)
        except pypdfium2.PdfiumError as error:
            log.info("PDFium could not open a PDF: %s", error)
            if _NO_PAGES.search(data):
                raise UnreadableFileError("a PDF with no pages") from error
            raise UnreadableFileError(
                "a PDF that cannot be opened: damaged or password-protected"
            ) from error
        try:
            if not len(pdf):
                raise UnreadableFileError("a PDF with no pages")
            pages, damaged = _page_lines(pdf, max_pages, max_seconds, notes)
            cut_short = len(pages) < len(pdf)
            information = pdf.get_metadata_dict(skip_empty=True)
        finally:
            pdf.close()
    if len(damaged) == len(pages):
        raise UnreadableFileError("a PDF whose pages cannot be read: damaged")
    if damaged:
        notes.append(
            f"{_count(len(damaged), 'page')} cannot be read ({_page_list(damaged)}): damaged? "
            "the other pages are read"
        )
    empty = [
        number for number, lines in enumerate(pages, start=1) if not lines and number not in damaged
    ]
    if len(empty) + len(damaged) == len(pages):
        raise UnreadableFileError(
            "a PDF without a text layer (a scan?): lingnan reads no images, run OCR on it first"
        )
    if empty:
        notes.append(
            f"{_count(len(empty), 'page')} without text ({_page_list(empty)}): scanned images? "
            "lingnan reads no images; the other pages are read"
        )
    text, starts = _join(_without_furniture(pages))
    return ExtractedText(
        text,
        "pdf",
        fallback=_information(information),
        page_starts=starts,
        notes=notes,
        cut_short=cut_short,
    )


def _page_lines(
    pdf: PdfDocument, max_pages: int, max_seconds: float, notes: list[str]
) -> tuple[list[list[str]], list[int]]:
    """Each page's lines (none for a page that cannot be loaded, so that page numbers stay
    right), and the numbers of the pages that cannot be loaded."""
    import pypdfium2

    total = len(pdf)
    if total > max_pages:
        notes.append(f"{total} pages; only the first {max_pages} are read")
    started = time.monotonic()
    pages: list[list[str]] = []
    damaged: list[int] = []
    for number in range(min(total, max_pages)):
        if number and time.monotonic() - started > max_seconds:
            notes.append(
                f"reading took longer than {max_seconds:.0f} s; only the first {number} of "
                f"{total} pages are read"
            )
            break
        try:
            raw = _page_text(pdf, number)
        except pypdfium2.PdfiumError as error:
            log.info("PDFium could not read page %d: %s", number + 1, error)
            damaged.append(number + 1)
            pages.append([])
            continue
        pages.append(_lines(raw))
    return pages, damaged


def _page_text(pdf: PdfDocument, number: int) -> str:
    page = pdf[number]
    try:
        text_page = page.get_textpage()
        try:
            return str(text_page.get_text_range())
        finally:
            text_page.close()
    finally:
        page.close()


def _lines(raw: str) -> list[str]:
    """A page's text as lines, hyphenated words joined, control characters dropped."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(_SOFT_HYPHEN + r"(?=[a-zäöüß])", "", text)  # "gov-|ernor": one word
    text = text.replace(_SOFT_HYPHEN, "-")  # "Guangdong-|Hong Kong": a real hyphen
    text = _CONTROL.sub("", text)
    return [line.rstrip() for line in text.split("\n") if line.strip()]


def _without_furniture(pages: Sequence[list[str]]) -> list[list[str]]:
    """Pages without page numbers and without running heads and feet: both only in the first
    or last lines of a page, where they are printed; a figure alone on a line inside a page is
    a table's cell."""
    running: set[str] = set()
    with_text = [lines for lines in pages if lines]
    if len(with_text) >= _RUNNING_MIN_PAGES:
        edges: Counter[str] = Counter()
        for lines in with_text:
            edges.update({_shape(line) for line in lines[:_EDGE_LINES] + lines[-_EDGE_LINES:]})
        threshold = max(_RUNNING_MIN_PAGES, len(with_text) // 2 + 1)
        running = {shape for shape, count in edges.items() if count >= threshold}
    return [_without_edges(lines, running) for lines in pages]


def _without_edges(lines: list[str], running: set[str]) -> list[str]:
    """A page's lines without the running lines and the page number at its top and its foot."""
    start = _furniture_lines(lines, running)
    end = len(lines) - _furniture_lines(lines[start:][::-1], running)
    return lines[start:end]


def _furniture_lines(lines: Sequence[str], running: set[str]) -> int:
    """How many of ``lines``, from the first on, are furniture: running lines and one page
    number, at most ``_EDGE_LINES``; the first line that is neither ends them."""
    number_seen = False
    for count, line in enumerate(lines[:_EDGE_LINES]):
        if _shape(line) in running:
            continue
        if not number_seen and _PAGE_NUMBER.fullmatch(line):
            number_seen = True
            continue
        return count
    return min(len(lines), _EDGE_LINES)


def _shape(line: str) -> str:
    """A line with its figures masked: "Report 2024 | 3" and "Report 2024 | 4" are one."""
    return re.sub(r"\d+", "#", " ".join(line.split()))


def _join(pages: Sequence[list[str]]) -> tuple[str, tuple[int, ...]]:
    """The pages as one text, and the offset at which each page begins."""
    text = ""
    starts: list[int] = []
    for lines in pages:
        if text and lines:
            text += "\n" if not ends_sentence(text.rsplit("\n", 1)[-1], TERMINAL_MARKS) else "\n\n"
        starts.append(len(text))
        text += "\n".join(lines)
    return text, tuple(starts)


def _information(information: dict[str, str]) -> dict[str, str]:
    """Title, author and date from the document information, where they are real ones."""
    found: dict[str, str] = {}
    title = " ".join(information.get("Title", "").split())
    if title and not _PLACEHOLDER_TITLE.match(title):
        found["title"] = title
    author = " ".join(information.get("Author", "").split())
    if author and author.lower() not in _PLACEHOLDER_AUTHOR:
        found["author"] = author
    for key in ("CreationDate", "ModDate"):
        stamp = _PDF_DATE.match(information.get(key, ""))
        if stamp:
            try:
                found["date"] = date(*map(int, stamp.groups())).isoformat()
                break
            except ValueError:
                continue  # "D:00000000": no date
    return found


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _page_list(numbers: Sequence[int]) -> str:
    shown = ", ".join(str(number) for number in numbers[:10])
    return f"p. {shown}" + (f" and {len(numbers) - 10} more" if len(numbers) > 10 else "")
