"""What the searcher needs of a corpus: its passages and their documents' metadata."""

from __future__ import annotations

from typing import Protocol

from retrieval.models import DocumentInfo, Passage


class HasInfo(Protocol):
    @property
    def info(self) -> DocumentInfo: ...


class SearchableCorpus(Protocol):
    """Passages numbered as the index numbers them, and each document by its id."""

    @property
    def passages(self) -> list[Passage]: ...

    def document(self, doc_id: str) -> HasInfo: ...


def document_ids(corpus: SearchableCorpus) -> list[str]:
    """The documents that hold a passage, in the order of their first passage."""
    return list(dict.fromkeys(p.document_id for p in corpus.passages))
