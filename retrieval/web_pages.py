"""A saved web page (.html) read into its main text and the metadata its head states.

trafilatura finds the main text (navigation, comments, footers and teasers left out) and reads
the page's own metadata: title, publication date, author, site name and canonical address
(``<meta>``, Open Graph, JSON-LD). The page is decoded here first: valid UTF-8 as UTF-8 (a page
saved as UTF-8 often keeps its old declaration), else by its declared charset, else as any text
file is (``retrieval.encoding``), so a GB18030 page without a declaration reads as one with.
trafilatura gives one paragraph per line; they are set apart by blank lines, as in a text file.

The date is only one the page states about itself (``<meta>``, JSON-LD, ``<time>``, an element
marked as the date): htmldate's extensive search, which takes "in 2019" from the body as
2019-01-01, is off. The page is parsed without lxml's default limit of 255 nested elements, so
a page of nested tables keeps its text. When main-text extraction finds nothing, or a scrap (the
navigation) in a page with more text, the page's plain text is read, the template (navigation,
header, footer) left out, with a note.
Character references that name no character (``&#xD800;``, ``&#0;``) are dropped rather than
read as U+FFFD.
"""

from __future__ import annotations

import codecs
import logging
import re
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from retrieval.encoding import UnreadableFileError, decode_bytes
from retrieval.formats import ExtractedText

if TYPE_CHECKING:
    from lxml.html import HtmlElement

log = logging.getLogger(__name__)

_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_HEAD_BYTES = 4096  # browsers look for the declaration in the first 1024 bytes; be generous
_METADATA = {"title": "title", "date": "date", "author": "author", "sitename": "source"}
# Main text shorter than this may be a scrap of the template; see read_web_page.
_SHORT_MAIN_TEXT = 100
# A NUL byte or two in a UTF-8 page (a broken save) is dropped; more of them is binary data.
_MAX_NUL_SHARE = 0.01
# "&#xD800;", "&#55296;", "&#0;", "&#x110000;": references to no character.
_CHARACTER_REFERENCE = re.compile(r"&#(?:[xX]0*([0-9a-fA-F]{1,7})|0*([0-9]{1,8}));?")
# Elements left out of a plain-text reading: unseen, or the site's template around the text.
_NOT_TEXT = (
    *("head", "script", "style", "noscript", "template", "svg"),
    *("nav", "header", "footer", "aside", "form", "button", "select"),
)
# Elements that start a new line of plain text.
_BLOCKS = (
    *("address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption"),
    *("figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li"),
    *("main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul"),
)


class _Uninformative(logging.Filter):
    """Drops trafilatura's "discarding data: None": said whenever a page yields no main text
    (which this module reports itself), it names nothing (the page has no URL)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("discarding data")


logging.getLogger("trafilatura.core").addFilter(_Uninformative())


def read_web_page(data: bytes) -> ExtractedText:
    """The page's main text and stated metadata; UnreadableFileError when it has no text."""
    html, encoding = _decode(data)
    html = _CHARACTER_REFERENCE.sub(_real_character, html)
    import trafilatura  # imported here: a corpus of text files never needs it

    tree = _parse(html)
    if tree is None:
        raise UnreadableFileError("a web page with no main text")
    document = _extract(trafilatura, tree, favor_recall=False)
    if not _has_text(document):
        # A short page (a notice, a one-paragraph release) may be taken for boilerplate.
        document = _extract(trafilatura, tree, favor_recall=True)
    main_text = _paragraphs(document.text) if _has_text(document) else ""
    if len(main_text) < _SHORT_MAIN_TEXT:
        # Nothing, or a scrap (the navigation): the page's text may be in a block trafilatura
        # leaves out. Its plain text, the template left out, is read when it is more.
        plain_text = _plain_text(tree)
        if len(plain_text) > 2 * len(main_text):
            given = _given(document) if document is not None else _metadata(trafilatura, tree)
            note = "no main text was found in the page; its plain text is read"
            return ExtractedText(plain_text, f"html ({encoding})", given=given, notes=[note])
    if not main_text:
        raise UnreadableFileError("a web page with no main text")
    return ExtractedText(main_text, f"html ({encoding})", given=_given(document))


def _has_text(document: Any) -> bool:
    return document is not None and bool((document.text or "").strip())


def _given(document: Any) -> dict[str, str]:
    """The metadata trafilatura read from the page's head, under the corpus's names."""
    given: dict[str, str] = {}
    for attribute, key in _METADATA.items():
        value = getattr(document, attribute, None)
        if isinstance(value, str) and value.strip():
            given[key] = " ".join(value.split())
    url = getattr(document, "url", None)
    if isinstance(url, str) and url.startswith(("http://", "https://")):
        given["url"] = url.strip()
    return given


def _date_params() -> dict[str, Any]:
    """htmldate without its extensive search: a date the page states, never one guessed from
    a year in the body or in an attribute."""
    return {
        "extensive_search": False,
        "original_date": True,
        "max_date": date.today().isoformat(),
    }


def _extract(trafilatura: Any, html: str | HtmlElement, *, favor_recall: bool) -> Any:
    try:
        return trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            favor_recall=favor_recall,
            date_extraction_params=_date_params(),
        )
    except (ValueError, TypeError, RecursionError) as error:
        # lxml and trafilatura raise these on markup they cannot parse.
        log.info("trafilatura could not read a page: %s", error, exc_info=True)
        return None


def _parse(html: str) -> HtmlElement | None:
    """The page parsed as trafilatura parses it, without lxml's limit of 255 nested elements
    (beyond which the rest of a page of nested tables is silently cut off)."""
    from lxml import etree
    from lxml.html import HTMLParser, fromstring
    from trafilatura.utils import repair_faulty_html

    parser = HTMLParser(
        huge_tree=True,
        collect_ids=False,
        default_doctype=False,
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
    )
    html = repair_faulty_html(html, html[:50].lower())
    try:
        tree: HtmlElement = fromstring(html.encode("utf-8"), parser=parser)
    except (etree.ParserError, ValueError) as error:  # a document of nothing but a comment
        log.info("lxml could not parse a page: %s", error)
        return None
    return tree


def _metadata(trafilatura: Any, tree: HtmlElement) -> dict[str, str]:
    """The metadata of the page's head, read without its main text."""
    try:
        return _given(trafilatura.extract_metadata(tree, date_config=_date_params()))
    except (ValueError, TypeError, RecursionError) as error:
        log.info("trafilatura could not read a page's metadata: %s", error, exc_info=True)
        return {}


def _plain_text(tree: HtmlElement) -> str:
    """The text a reader sees on the page, one block per paragraph, without the template
    (navigation, header, footer, forms). Changes ``tree``."""
    for element in [element for element in tree.iter(*_NOT_TEXT) if element is not tree]:
        element.drop_tree()
    for element in tree.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
        element.text = "\n" + (element.text or "")
    return _paragraphs(" ".join(line.split()) for line in "".join(tree.itertext()).split("\n"))


def _real_character(reference: re.Match[str]) -> str:
    """A numeric character reference as it was, or nothing when it names no character."""
    hexadecimal, decimal = reference.groups()
    code = int(hexadecimal, 16) if hexadecimal else int(decimal)
    if code == 0 or 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
        return ""
    return reference.group(0)


def _decode(data: bytes) -> tuple[str, str]:
    """The page as text: by its byte-order mark, as UTF-8 when it is valid UTF-8 (a page saved
    as UTF-8 often keeps its original declaration), by its declared charset, or by detection."""
    boms = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    if b"\x00" in data and data.count(0) <= len(data) * _MAX_NUL_SHARE and _is_utf8(data):
        data = data.replace(b"\x00", b"")  # stray NULs in a UTF-8 page, not UTF-16 or binary
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


def _paragraphs(text: str | Iterable[str]) -> str:
    """One paragraph per line, as trafilatura gives them, set apart by blank lines."""
    if isinstance(text, str):
        text = text.replace("\r\n", "\n").split("\n")
    lines = [line.strip() for line in text]
    return "\n\n".join(line for line in lines if line)
