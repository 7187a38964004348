"""Documents that are not plain text: web pages (.html) and PDFs, read into text and metadata.

A page or PDF becomes the text a reader sees (the page's main text, the PDF's text layer in
reading order), which the corpus then cleans, dates and cuts into passages exactly as it does a
text file; passages' offsets are into that text. What the file says about itself (a page's
``<meta>`` tags, a PDF's document information) comes with it as metadata. Each reader is bounded
in size, pages and time, so one huge or pathological file cannot stall a load.

The readers (trafilatura, pypdfium2) are imported when the first such file is read: a corpus of
text files never pays for them. A web page is read in a worker process
(``retrieval.reader_process``) that is ended when the page takes longer than its bound:
trafilatura cannot be stopped part-way. A reader failing in a way it does not foresee (a bug, a
crash) makes the file unreadable, never the corpus load fail.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from retrieval.encoding import UnreadableFileError
from retrieval.reader_process import ReadTimeout, run_bounded

log = logging.getLogger(__name__)

HTML_SUFFIXES = frozenset({".html", ".htm"})
PDF_SUFFIXES = frozenset({".pdf"})

# Bounds on one file: beyond them a file is refused (size) or read in part, with a warning.
MAX_HTML_BYTES = 20 * 1024 * 1024  # a policy page is well under 1 MB; 20 MB is a data dump
MAX_PDF_BYTES = 200 * 1024 * 1024
MAX_PDF_PAGES = 2_000
MAX_READ_SECONDS = 60.0  # per PDF: checked between pages
# Per web page, which is then skipped. The largest page accepted (20 MB) must get through: a
# generated 19 MB page of tables took 25 s (53 s on a busy two-core machine), one of paragraphs
# 6-19 s, a policy page well under 1 s.
MAX_HTML_SECONDS = 120.0


@dataclass
class ExtractedText:
    """A page's or a PDF's text, with what the file states about itself.

    ``given`` is metadata as authoritative as front matter (a page's own ``<meta>`` tags);
    ``fallback`` is used only where the text states nothing (a PDF's document information,
    often left at a word processor's defaults). ``page_starts``: for a PDF, the offset in
    ``text`` where each page begins (page 1 first). ``notes``: what the reader could not do,
    for the corpus's warnings; ``cut_short`` when one of them is that it stopped early.
    """

    text: str
    encoding: str  # what the text was read from: "html (utf-8)", "pdf"
    given: dict[str, str] = field(default_factory=dict)
    fallback: dict[str, str] = field(default_factory=dict)
    page_starts: tuple[int, ...] = ()
    notes: list[str] = field(default_factory=list)
    # Reading stopped at the page or time limit: the text is only the pages read before it.
    cut_short: bool = False


def is_extracted_format(path: Path) -> bool:
    """Whether ``path`` is read by a reader here rather than decoded as text."""
    suffix = path.suffix.lower()
    return suffix in HTML_SUFFIXES or suffix in PDF_SUFFIXES


def extract(path: Path, data: bytes) -> ExtractedText:
    """Read a page or a PDF; raise UnreadableFileError (with a reason) when it holds no text,
    takes longer than MAX_HTML_SECONDS (a page), or its reader fails."""
    try:
        return _extract(path, data)
    except UnreadableFileError:
        raise
    except ReadTimeout as error:
        raise UnreadableFileError(f"reading took longer than {MAX_HTML_SECONDS:g} s") from error
    except Exception as error:  # the reader's own failure: this file, not the whole load
        log.info("Reading %s failed", path.name, exc_info=True)
        raise UnreadableFileError(f"the reader failed on it: {type(error).__name__}") from error


def _extract(path: Path, data: bytes) -> ExtractedText:
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        if len(data) > MAX_HTML_BYTES:
            raise UnreadableFileError(_too_large(len(data), MAX_HTML_BYTES))
        from retrieval.web_pages import read_web_page

        return run_bounded(read_web_page, data, MAX_HTML_SECONDS)
    if suffix in PDF_SUFFIXES:
        if len(data) > MAX_PDF_BYTES:
            raise UnreadableFileError(_too_large(len(data), MAX_PDF_BYTES))
        from retrieval.pdf_text import read_pdf

        return read_pdf(data, max_pages=MAX_PDF_PAGES, max_seconds=MAX_READ_SECONDS)
    raise ValueError(f"{path.name} is neither a web page nor a PDF")


def reader_versions() -> str:
    """The readers' versions: a new version may read a file differently, so saved indexes
    built under the old one must not be reused."""
    names = ("trafilatura", "pypdfium2")
    return ";".join(f"{name}={_version(name)}" for name in names)


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "absent"


def _too_large(size: int, limit: int) -> str:
    return f"too large to read: {size / 1e6:.0f} MB, the limit is {limit / 1e6:.0f} MB"
