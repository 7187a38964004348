"""What reading one document derives from its file, before the catalog and the rest of the
corpus are applied: what the per-file cache keeps (``retrieval.file_cache``).

Everything here depends on the file's bytes and name and on the reading rules only, never on
other files: the document's id before it is made unique, its metadata before the catalog
overrides it, and its passages numbered from 0. ``corpus`` turns it into a ``Document`` and
its ``Passage`` objects in a few microseconds; cleaning, metadata and passages took
milliseconds.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from retrieval.metadata import ExtractedMetadata


@dataclass(frozen=True)
class DerivedParagraph:
    number: int
    start: int
    end: int
    language: str


@dataclass(frozen=True)
class DerivedPassage:
    paragraph: int
    start: int
    end: int
    language: str
    page: int | None


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
    paragraphs: tuple[DerivedParagraph, ...]
    passages: tuple[DerivedPassage, ...]
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
            "paragraphs": _columns(self.paragraphs, ("number", "start", "end", "language")),
            "passages": _columns(self.passages, ("paragraph", "start", "end", "language", "page")),
            "scrambled": [self.scrambled_clauses, self.scrambled_fragment_starts],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DerivedDocument:
        """The document ``to_json`` wrote; KeyError, TypeError or ValueError when it is not
        one (a damaged cache entry, which the caller rebuilds)."""
        metadata = dict(data["metadata"])
        metadata["languages"] = tuple(metadata["languages"])
        paragraphs = data["paragraphs"]
        passages = data["passages"]
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
            paragraphs=tuple(
                DerivedParagraph(*row)
                for row in zip(
                    *(paragraphs[k] for k in ("number", "start", "end", "language")), strict=True
                )
            ),
            passages=tuple(
                DerivedPassage(*row)
                for row in zip(
                    *(passages[k] for k in ("paragraph", "start", "end", "language", "page")),
                    strict=True,
                )
            ),
            scrambled_clauses=int(data["scrambled"][0]),
            scrambled_fragment_starts=int(data["scrambled"][1]),
        )
        document.check()
        return document

    def check(self) -> None:
        """ValueError when the offsets do not fit the text (a damaged entry)."""
        size = len(self.text)
        spans = [(p.start, p.end) for p in self.paragraphs]
        spans += [(p.start, p.end) for p in self.passages]
        if any(not 0 <= start <= end <= size for start, end in spans):
            raise ValueError("offsets outside the document's text")


def _columns(rows: tuple[Any, ...], names: tuple[str, ...]) -> dict[str, list[Any]]:
    return {name: [getattr(row, name) for row in rows] for name in names}
