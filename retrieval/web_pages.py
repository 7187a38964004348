"""A saved web page (.html) read into its main text and the metadata its head states.

trafilatura finds the main text (navigation, comments, footers and teasers left out) and reads
the page's own metadata: title, publication date, author, site name and canonical address
(``<meta>``, Open Graph, JSON-LD). The page is decoded here first: valid UTF-8 as UTF-8 (a page
saved as UTF-8 often keeps its old declaration), else by its declared charset, else as any text
file is (``retrieval.encoding``), so a GB18030 page without a declaration reads as one with.
trafilatura gives one paragraph per line; they are set apart by blank lines, as in a text file.
"""

from __future__ import annotations

import codecs
import logging
import re
from typing import Any

from retrieval.encoding import UnreadableFileError, decode_bytes
from retrieval.formats import ExtractedText

log = logging.getLogger(__name__)

_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_HEAD_BYTES = 4096  # browsers look for the declaration in the first 1024 bytes; be generous
_METADATA = {"title": "title", "date": "date", "author": "author", "sitename": "source"}


def read_web_page(data: bytes) -> ExtractedText:
    """The page's main text and stated metadata; UnreadableFileError when it has no text."""
    html, encoding = _decode(data)
    import trafilatura  # imported here: a corpus of text files never needs it

    document = _extract(trafilatura, html, favor_recall=False)
    if document is None or not (document.text or "").strip():
        # A short page (a notice, a one-paragraph release) may be taken for boilerplate.
        document = _extract(trafilatura, html, favor_recall=True)
    if document is None or not (document.text or "").strip():
        raise UnreadableFileError("a web page with no main text")
    given: dict[str, str] = {}
    for attribute, key in _METADATA.items():
        value = getattr(document, attribute, None)
        if isinstance(value, str) and value.strip():
            given[key] = " ".join(value.split())
    url = getattr(document, "url", None)
    if isinstance(url, str) and url.startswith(("http://", "https://")):
        given["url"] = url.strip()
    return ExtractedText(_paragraphs(document.text), f"html ({encoding})", given=given)


def _extract(trafilatura: Any, html: str, *, favor_recall: bool) -> Any:
    try:
        return trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            favor_recall=favor_recall,
        )
    except (ValueError, TypeError, RecursionError) as error:
        # lxml and trafilatura raise these on markup they cannot parse.
        log.info("trafilatura could not read a page: %s", error, exc_info=True)
        return None


def _decode(data: bytes) -> tuple[str, str]:
    """The page as text: by its byte-order mark, as UTF-8 when it is valid UTF-8 (a page saved
    as UTF-8 often keeps its original declaration), by its declared charset, or by detection."""
    boms = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    declared = None if data.startswith(boms) else _DECLARED_CHARSET.search(data[:_HEAD_BYTES])
    if declared and not _is_utf8(data):
        name = declared.group(1).decode("ascii", "replace").lower()
        # GB2312 and GBK are read as GB18030, their superset, as browsers do. A page declaring
        # UTF-16 in its own ASCII-readable bytes is not UTF-16: browsers ignore that too.
        name = "gb18030" if name in ("gb2312", "gbk") else name
        try:
            codec = codecs.lookup(name).name
            if not codec.startswith(("utf-16", "utf-32")):
                return data.decode(codec), codec
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration: detect instead
    decoded = decode_bytes(data)
    return decoded.text, decoded.encoding


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _paragraphs(text: str) -> str:
    """One paragraph per line, as trafilatura gives them, set apart by blank lines."""
    lines = [line.strip() for line in text.replace("\r\n", "\n").split("\n")]
    return "\n\n".join(line for line in lines if line)
