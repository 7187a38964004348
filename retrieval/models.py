"""Typed models that cross the boundary between the retrieval core and its callers.

The JSON shapes printed by ``python -m retrieval ... --json`` are these models dumped with
``model_dump(mode="json")``; they are a public interface: extend them only by adding fields.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator

from retrieval.date_bounds import parse_date_bound
from retrieval.scripts import HAN_RUN


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class DocumentInfo(_Frozen):
    """What a reader needs to cite a document."""

    id: str
    title: str
    source: str
    date: str | None = Field(
        None, description="ISO 8601 date (YYYY-MM-DD) the document was published"
    )
    url: str | None = None
    language: str = Field(description="main language, ISO 639-1 (en, de, zh, ...)")
    author: str | None = Field(None, description="who wrote it, as its byline states")
    scrambled: bool = Field(
        False,
        description="the text reads as a word-scrambled copy (SEO spam: clauses shuffled, word "
        "fragments glued in): rank its passages last or leave them out",
    )


class Passage(_Frozen):
    """A quotable unit: one to three whole sentences, verbatim from the original file.

    ``start``/``end`` are character offsets into the decoded original file, so
    ``document_text[start:end] == text`` always holds.
    """

    id: int = Field(description="position of the passage in the corpus")
    document_id: str
    paragraph: int = Field(description="1-based number of the paragraph within its document")
    start: int
    end: int
    text: str
    language: str
    page: int | None = Field(
        None, description="1-based page the passage starts on, for a paged document (a PDF)"
    )

    @classmethod
    def trusted(
        cls,
        passage_id: int,
        document_id: str,
        paragraph: int,
        start: int,
        end: int,
        text: str,
        language: str,
        page: int | None,
    ) -> Passage:
        """A passage from values of the right types already (what the loader derived), not
        validated again: a corpus loads hundreds of thousands of passages; validating them
        was a fifth of a restart, and each one's own set of field names 40% of its memory.
        This is pydantic's ``model_construct`` for this model, without its per-field loop;
        every instance shares one set of field names, which pydantic copies before changing.
        """
        values = {
            "id": passage_id,
            "document_id": document_id,
            "paragraph": paragraph,
            "start": start,
            "end": end,
            "text": text,
            "language": language,
            "page": page,
        }
        return _trusted(cls, values, _PASSAGE_FIELDS)


_PASSAGE_FIELDS = set(Passage.model_fields)
_Model = TypeVar("_Model", bound=BaseModel)


def _trusted(cls: type[_Model], values: dict[str, Any], fields: set[str]) -> _Model:
    """An instance of ``cls`` holding ``values`` (every field, of the right type) as is:
    pydantic's ``model_construct`` without its per-field loop, ``fields`` its shared set of
    field names (pydantic copies it before changing it)."""
    instance = object.__new__(cls)
    _set = object.__setattr__
    _set(instance, "__dict__", values)
    _set(instance, "__pydantic_fields_set__", fields)
    _set(instance, "__pydantic_extra__", None)
    _set(instance, "__pydantic_private__", None)
    return instance


def share_field_names(models: Iterable[BaseModel]) -> None:
    """Let each of ``models`` that set all its fields hold one set of field names shared with
    the others of its class rather than its own (a few hundred bytes each: the officials of a
    large corpus hold hundreds of thousands of statements). Pydantic copies the set before it
    changes it (``model_copy``), so sharing it changes nothing else."""
    shared: dict[type[BaseModel], set[str]] = {}
    for model in models:
        kind = type(model)
        names = shared.get(kind)
        if names is None:
            names = shared[kind] = set(kind.model_fields)
        if model.__pydantic_fields_set__ == names:
            object.__setattr__(model, "__pydantic_fields_set__", names)


class Correction(_Frozen):
    """A query word that was not in the vocabulary, replaced by the closest one that is."""

    original: str
    corrected: str


class Expansion(_Frozen):
    """A word of the question also searched in other forms: a name's other spellings
    (张劲松: Zhang Jinsong) or an acronym spelled out (AI: artificial intelligence)."""

    original: str = Field(description="the name as the question writes it")
    added: list[str] = Field(description="the other spellings searched for as well")


class Copy(_Frozen):
    """The same passage as published by another document (a mirror, a reposted release)."""

    document: DocumentInfo
    passage_id: int
    paragraph: int
    start: int
    end: int


class Counterpart(Copy):
    """The same passage in another language: a translation of it, or its original."""

    text: str = Field(description="the passage as the other language writes it")
    language: str = Field(description="ISO 639-1 code of the passage's language")
    original: bool = Field(
        False,
        description="the dates tell this is the original the quote translates (published earlier)",
    )


class SearchResult(_Frozen):
    text: str
    score: float
    matched_terms: list[str] = Field(
        default_factory=list,
        description="the words of the passage that matched the query, as written (empty for a "
        "result a search was asked not to highlight)",
    )
    document: DocumentInfo
    paragraph: int
    start: int
    end: int
    language: str
    passage_id: int
    page: int | None = Field(
        None, description="1-based page the quote starts on, for a paged document (a PDF)"
    )
    also_published: list[Copy] = Field(
        default_factory=list,
        description="other documents that published this passage, best-sourced first",
    )
    also_in: list[Counterpart] = Field(
        default_factory=list,
        description="the same passage in other languages (a translation, or its original)",
    )


class SearchFilters(_Frozen):
    """Which documents a search may quote; every field optional, all of them must hold.

    ``since``/``until`` are a year, a year-month or a day (``2024``, ``2024-03``,
    ``2024-03-15``) and cover it whole: ``until 2024`` is through 31 December 2024.
    """

    language: str | None = Field(None, description="the documents' main language (ISO 639-1)")
    since: str | None = Field(None, description="published on or after (YYYY[-MM[-DD]])")
    until: str | None = Field(None, description="published on or before (YYYY[-MM[-DD]])")
    source: str | None = Field(
        None, description="words of the publisher's name, as the documents' source gives it"
    )

    @field_validator("since", "until")
    @classmethod
    def _date_bound(cls, value: str | None) -> str | None:
        return None if value is None else parse_date_bound(value)

    @property
    def active(self) -> bool:
        return any(v is not None for v in (self.language, self.since, self.until, self.source))

    @property
    def dated(self) -> bool:
        """Whether a date bound is set (undated documents are then left out)."""
        return self.since is not None or self.until is not None


class SearchResponse(_Frozen):
    query: str
    results: list[SearchResult]
    corrections: list[Correction] = Field(default_factory=list)
    expansions: list[Expansion] = Field(default_factory=list)
    # Words of the question also searched as their synonyms (retrieval/data/synonyms.txt).
    synonyms: list[Expansion] = Field(default_factory=list)
    # Words of the question found through their translations ("found through: 地区生产总值 ->
    # GDP"), as the dictionaries write them; only those the quotes matched.
    translations: list[Expansion] = Field(default_factory=list)
    filters: SearchFilters | None = Field(None, description="the filters applied, if any")
    filtered_documents: int | None = Field(
        None, description="with filters: how many documents they let the search quote"
    )
    undated_left_out: int = Field(
        0, description="documents without a date that a since/until filter left out"
    )
    without_filters: int | None = Field(
        None,
        description="when the filters left no result: how many results the question has "
        "without them",
    )


class TimelineEntry(_Frozen):
    """One line of a timeline: a quote, its date and the sentence of it that matched best."""

    date: str | None = Field(description="the quoted document's date (YYYY-MM-DD), or null")
    sentence: str = Field(description="the sentence of the quote holding most matched words")
    result: SearchResult


class Timeline(_Frozen):
    """The best passages on a topic in the order of their documents' dates, oldest first."""

    topic: str
    entries: list[TimelineEntry] = Field(description="dated quotes, oldest first")
    undated: list[TimelineEntry] = Field(
        default_factory=list, description="quotes from undated documents, best first"
    )
    corrections: list[Correction] = Field(default_factory=list)


class DocumentSummary(DocumentInfo):
    """A document as ``documents --json`` lists it."""

    passages: int


class OfficialTitle(_Frozen):
    title: str
    document: str = Field(description="document id")
    date: str | None


class Statement(_Frozen):
    text: str
    document: str = Field(description="document id")
    date: str | None
    paragraph: int
    start: int
    end: int
    kind: Literal["reported", "transcript"] = Field(
        "reported",
        description="reported: the text says they said it; transcript: a sentence of their speech",
    )

    @classmethod
    def trusted(
        cls,
        text: str,
        document: str,
        date: str | None,
        paragraph: int,
        start: int,
        end: int,
        kind: Literal["reported", "transcript"],
    ) -> Statement:
        """A statement from values of the right types already (a sentence of a validated
        document), not validated again: a large corpus has hundreds of thousands."""
        values = {
            "text": text,
            "document": document,
            "date": date,
            "paragraph": paragraph,
            "start": start,
            "end": end,
            "kind": kind,
        }
        return _trusted(cls, values, _STATEMENT_FIELDS)


_STATEMENT_FIELDS = set(Statement.model_fields)


class Official(_Frozen):
    name: str = Field(description="canonical name in Latin script, as the corpus writes it")
    aliases: list[str] = Field(default_factory=list)
    titles: list[OfficialTitle] = Field(default_factory=list)
    documents: list[DocumentInfo] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)

    @property
    def main_title(self) -> str | None:
        return self.titles[0].title if self.titles else None

    @property
    def chinese_name(self) -> str | None:
        """The name in Chinese characters, when the documents write it so (an alias)."""
        return next((a for a in self.aliases if HAN_RUN.fullmatch(a.replace(" ", ""))), None)


class Candidate(_Frozen):
    """An official a lookup found no single answer for but offers: one of several holders of
    an office ("director"), or a close name."""

    name: str
    title: str | None = Field(
        None, description="the title that matched the office asked for, else their main title"
    )
    chinese_name: str | None = None


class OfficialLookup(_Frozen):
    """The answer to a name lookup: the official, or the closest names when none matched."""

    official: Official | None
    suggestions: list[str] = Field(default_factory=list)
    read_as: Literal["name", "corrected", "office"] | None = Field(
        None,
        description=(
            "how the query was read: a name as written (any spelling or order), a name "
            "corrected (a typo, Chinese characters read by their pinyin), or an office; "
            "null when nothing came close"
        ),
    )
    candidates: list[Candidate] = Field(
        default_factory=list,
        description="when no single official matched: the holders of the office or the "
        "closest names, with their titles (suggestions are the first names of these)",
    )
