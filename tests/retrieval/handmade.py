"""A searcher over passages written in the test itself, without files or a loaded corpus."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from retrieval.index import BM25Index
from retrieval.models import DocumentInfo, Passage
from retrieval.search import Searcher
from retrieval.tokenize import Tokenizer


@dataclass
class HandmadeDocument:
    info: DocumentInfo


@dataclass
class HandmadeCorpus:
    """The two things a Searcher reads of a corpus: its passages and its documents by id."""

    passages: list[Passage]
    documents: dict[str, HandmadeDocument]

    def document(self, doc_id: str) -> HandmadeDocument:
        return self.documents[doc_id]


def handmade_searcher(
    passages: Iterable[tuple[str, int, str, str]],
    titles: dict[str, tuple[str, str]],
    **options: Any,
) -> Searcher:
    """A searcher over `(document, paragraph, language, text)` rows; `titles` maps each document
    to its `(title, language)`; ``options`` go to the Searcher. Offsets are laid out as if the
    texts stood 100 characters apart."""
    tokenizer = Tokenizer()
    built = [
        Passage(
            id=number,
            document_id=doc,
            paragraph=paragraph,
            start=number * 100,
            end=number * 100 + len(text),
            text=text,
            language=language,
        )
        for number, (doc, paragraph, language, text) in enumerate(passages)
    ]
    documents = {
        doc: HandmadeDocument(DocumentInfo(id=doc, title=title, source="S", language=language))
        for doc, (title, language) in titles.items()
    }
    indexed = [tokenizer.index_terms(p.text, p.language) for p in built]
    index = BM25Index.build(
        [terms for terms, _ in indexed], doc_lengths=[length for _, length in indexed]
    )
    # No dictionaries unless a test gives some: loading CC-CEDICT takes seconds.
    options.setdefault("translation_pairs", [])
    return Searcher(HandmadeCorpus(built, documents), index, tokenizer, **options)
