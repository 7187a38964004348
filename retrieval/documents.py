"""A loaded document and its paragraphs, held compactly: a corpus keeps thousands of them.

A document's text is kept once, as UTF-8 (half the memory of a Python string for a page mixing
English with a few Chinese characters, which Python stores at two bytes a character), and
decoded when read; the last few decoded texts are kept, as a reader reads one document's
paragraphs one after the other. Paragraphs are kept as columns (``derived.Spans``) and made
into ``Paragraph`` objects when asked for; a paragraph's text is sliced from its document's on
each use. Passages keep their own text (``models.Passage``): that copy is what search reads.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from pathlib import Path

from retrieval.derived import Spans
from retrieval.models import DocumentInfo

# Lone surrogates (a JSON record may carry one) survive the round trip.
_ERRORS = "surrogatepass"
_DECODED_TEXTS = 8


class Paragraph:
    """A content paragraph (boilerplate removed); ``text == document.text[start:end]``."""

    __slots__ = ("_offset", "_source", "end", "language", "number", "start")

    def __init__(self, number: int, start: int, end: int, text: str, language: str) -> None:
        self.number = number  # 1-based, in document order
        self.start = start
        self.end = end
        self.language = language
        self._source = text
        self._offset = start

    @classmethod
    def within(
        cls, document_text: str, number: int, start: int, end: int, language: str
    ) -> Paragraph:
        """The paragraph ``document_text[start:end]``, its text not copied."""
        paragraph = cls(number, start, end, document_text, language)
        paragraph._offset = 0
        return paragraph

    @property
    def text(self) -> str:
        return self._source[self.start - self._offset : self.end - self._offset]

    def _key(self) -> tuple[int, int, int, str, str]:
        return (self.number, self.start, self.end, self.text, self.language)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Paragraph) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (
            f"Paragraph(number={self.number}, start={self.start}, end={self.end}, "
            f"text={self.text!r}, language={self.language!r})"
        )


class Document:
    """A document of the corpus: its metadata, its file, its text and its paragraphs."""

    __slots__ = ("_paragraphs", "_utf8", "encoding", "info", "languages", "path")

    def __init__(
        self,
        info: DocumentInfo,
        path: Path,
        text: str,  # the whole decoded file (for JSON Lines: the record's text)
        encoding: str,
        paragraphs: Iterable[Paragraph],
        languages: list[str],  # languages of the paragraphs, main one first
    ) -> None:
        spans = Spans.of((p.number, p.start, p.end, p.language, None) for p in paragraphs)
        self._set(info, path, text, encoding, spans, languages)

    @classmethod
    def of_spans(
        cls,
        info: DocumentInfo,
        path: Path,
        text: str,
        encoding: str,
        paragraphs: Spans,
        languages: list[str],
    ) -> Document:
        """The document whose paragraphs are ``paragraphs`` (offsets into ``text``)."""
        document = cls.__new__(cls)
        document._set(info, path, text, encoding, paragraphs, languages)
        return document

    def _set(
        self,
        info: DocumentInfo,
        path: Path,
        text: str,
        encoding: str,
        paragraphs: Spans,
        languages: list[str],
    ) -> None:
        self.info = info
        self.path = path
        self.encoding = encoding
        self.languages = languages
        self.text = text
        self._paragraphs = paragraphs

    @property
    def text(self) -> str:
        return _decoded(self._utf8)

    @text.setter
    def text(self, text: str) -> None:
        self._utf8 = text.encode("utf-8", _ERRORS)

    @property
    def paragraphs(self) -> Sequence[Paragraph]:
        text = self.text
        return [
            Paragraph.within(text, number, start, end, language)
            for number, start, end, language, _ in self._paragraphs.rows()
        ]

    def __repr__(self) -> str:
        return f"Document(id={self.info.id!r}, path={str(self.path)!r})"


@functools.lru_cache(maxsize=_DECODED_TEXTS)
def _decoded(utf8: bytes) -> str:
    return utf8.decode("utf-8", _ERRORS)
