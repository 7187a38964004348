"""What reading one document derives from its file, before the catalog and the rest of the
corpus are applied: what the per-file cache keeps (``retrieval.file_cache``).

Everything here depends on the file's bytes and name and on the reading rules only, never on
other files: the document's id before it is made unique, its metadata before the catalog
overrides it, and its passages numbered from 0. ``corpus`` turns it into a ``Document`` and
its ``Passage`` objects in a few microseconds; cleaning, metadata and passages took
milliseconds.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from retrieval.metadata import ExtractedMetadata

# A span row: (paragraph number, start, end, language, page or None).
SpanRow = tuple[int, int, int, str, int | None]


@dataclass(frozen=True, eq=False)
class Spans:
    """Spans of one document's text (its paragraphs, or its passages), kept as columns.

    A loaded corpus holds millions of them: as Python objects each cost some hundred bytes, as
    columns a dozen. ``numbers`` is a paragraph's number (a passage's: its paragraph's);
    ``pages`` is 0 where a span has no page (a passage of a document that is not paged)."""

    numbers: np.ndarray  # int32
    starts: np.ndarray  # int64
    ends: np.ndarray  # int64
    language_codes: np.ndarray  # uint8, positions in ``languages``
    languages: tuple[str, ...]
    pages: np.ndarray  # int32

    @classmethod
    def of(cls, rows: Iterable[SpanRow]) -> Spans:
        listed = list(rows)
        languages = tuple(dict.fromkeys(row[3] for row in listed))
        code = {language: n for n, language in enumerate(languages)}
        return cls(
            numbers=np.array([row[0] for row in listed], dtype=np.int32),
            starts=np.array([row[1] for row in listed], dtype=np.int64),
            ends=np.array([row[2] for row in listed], dtype=np.int64),
            language_codes=np.array([code[row[3]] for row in listed], dtype=np.uint8),
            languages=languages,
            pages=np.array([row[4] or 0 for row in listed], dtype=np.int32),
        )

    def __len__(self) -> int:
        return len(self.starts)

    def rows(self) -> Iterator[SpanRow]:
        """Each span as plain Python values, in order."""
        languages = self.languages
        for number, start, end, code, page in zip(
            self.numbers.tolist(),
            self.starts.tolist(),
            self.ends.tolist(),
            self.language_codes.tolist(),
            self.pages.tolist(),
            strict=True,
        ):
            yield number, start, end, languages[code], page or None

    def to_json(self) -> dict[str, list[Any]]:
        """Plain lists of numbers and strings (no pickle, nothing to run)."""
        return {
            "number": self.numbers.tolist(),
            "start": self.starts.tolist(),
            "end": self.ends.tolist(),
            "language": self.language_codes.tolist(),
            "languages": list(self.languages),
            "page": self.pages.tolist(),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Spans:
        """The spans ``to_json`` wrote; KeyError, TypeError or ValueError when they are not."""
        languages = tuple(str(language) for language in data["languages"])
        spans = cls(
            numbers=np.array(data["number"], dtype=np.int32),
            starts=np.array(data["start"], dtype=np.int64),
            ends=np.array(data["end"], dtype=np.int64),
            language_codes=np.array(data["language"], dtype=np.uint8),
            languages=languages,
            pages=np.array(data["page"], dtype=np.int32),
        )
        columns = (spans.numbers, spans.starts, spans.ends, spans.language_codes, spans.pages)
        if any(column.ndim != 1 or len(column) != len(spans) for column in columns):
            raise ValueError("columns of different lengths")
        if len(spans) and int(spans.language_codes.max()) >= len(languages):
            raise ValueError("a language code outside the table")
        return spans

    def fit(self, size: int) -> bool:
        """Whether every span lies within a text of ``size`` characters."""
        if not len(self):
            return True
        return bool(
            (self.starts >= 0).all()
            and (self.starts <= self.ends).all()
            and self.ends.max() <= size
        )


@dataclass(frozen=True)
class DerivedDocument:
    """One document of a file as the reading rules see it alone."""

    doc_id: str  # before ``_unique_id``
    catalog_key: str
    text: str
    encoding: str
    given: dict[str, str]  # front matter, JSON fields or a page's <meta> tags
    fallback: dict[str, str]  # a PDF's document information
    is_record: bool
    cut_short: bool
    metadata: ExtractedMetadata
    paragraphs: Spans  # pages unused
    passages: Spans
    scrambled_clauses: int  # clauses judged, when the document reads as scrambled; else 0
    scrambled_fragment_starts: int

    @property
    def scrambled(self) -> bool:
        return self.scrambled_clauses > 0

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready form: plain lists of numbers and strings (no pickle, nothing to run)."""
        metadata = asdict(self.metadata)
        metadata["languages"] = list(self.metadata.languages)
        return {
            "doc_id": self.doc_id,
            "catalog_key": self.catalog_key,
            "text": self.text,
            "encoding": self.encoding,
            "given": self.given,
            "fallback": self.fallback,
            "is_record": self.is_record,
            "cut_short": self.cut_short,
            "metadata": metadata,
            # Columns rather than objects: a third of the size, and parsed faster.
            "paragraphs": self.paragraphs.to_json(),
            "passages": self.passages.to_json(),
            "scrambled": [self.scrambled_clauses, self.scrambled_fragment_starts],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DerivedDocument:
        """The document ``to_json`` wrote; KeyError, TypeError or ValueError when it is not
        one (a damaged cache entry, which the caller rebuilds)."""
        metadata = dict(data["metadata"])
        metadata["languages"] = tuple(metadata["languages"])
        text = data["text"]
        document = cls(
            doc_id=str(data["doc_id"]),
            catalog_key=str(data["catalog_key"]),
            text=text if isinstance(text, str) else str(text),
            encoding=str(data["encoding"]),
            given=dict(data["given"]),
            fallback=dict(data["fallback"]),
            is_record=bool(data["is_record"]),
            cut_short=bool(data["cut_short"]),
            metadata=ExtractedMetadata(**metadata),
            paragraphs=Spans.from_json(data["paragraphs"]),
            passages=Spans.from_json(data["passages"]),
            scrambled_clauses=int(data["scrambled"][0]),
            scrambled_fragment_starts=int(data["scrambled"][1]),
        )
        document.check()
        return document

    def check(self) -> None:
        """ValueError when the offsets do not fit the text (a damaged entry)."""
        size = len(self.text)
        if not (self.paragraphs.fit(size) and self.passages.fit(size)):
            raise ValueError("offsets outside the document's text")
