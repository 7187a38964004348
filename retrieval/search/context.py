"""A passage's context: its paragraph and its document's title; for a short paragraph, the next.

A report names the speaker once per paragraph ("Governor Wang Weizhong emphasized that ...") and
a speech only in its title, so the sentences that say what was said do not name who said it.
The words of the question that a passage's context holds count as present in it. ``Context``
answers that for many passages at once from the index's postings, with marks over paragraphs
and documents: linear, no sorting, no passage tokenized again.

News is written in paragraphs of a sentence or two, and one thought runs on into the next:
"Chen Yuehua, deputy director of the department, said ..." then '"... approve foreign-funded
projects faster," she said.'; "the conference revealed that ..." then "In 2023 alone, ...".
So a short paragraph (``SHORT_PARAGRAPH_PASSAGES`` passages at most) reads with the paragraph
after it (``holds_next``); a long paragraph carries its own context. Only the next one: the
paragraph before a passage is what it follows on from, not what it says (measured on the dev
tuning half: the one before as well answered one cross-language question more and one off-topic
question it should not have).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence

import numpy as np

from retrieval.folding import squeezed
from retrieval.index import BM25Index
from retrieval.models import Passage
from retrieval.search.searchable import SearchableCorpus, document_ids
from retrieval.tokenize import Tokenizer

# A paragraph of at most this many passages is short (a news paragraph of a sentence or two is
# one passage): it reads with the paragraph after it. Set on the dev tuning half with
# ``Floor.next_paragraph_share``; two and three measured alike, any length let more through.
SHORT_PARAGRAPH_PASSAGES = 2


def title_terms(corpus: SearchableCorpus, tokenizer: Tokenizer) -> dict[str, frozenset[str]]:
    """The index terms of each document's title, for every document holding a passage."""
    terms: dict[str, frozenset[str]] = {}
    for document in document_ids(corpus):
        info = corpus.document(document).info
        terms[document] = frozenset(tokenizer.tokenize(info.title, info.language))
    return terms


class Context:
    """Where each passage sits: its paragraph and its document, for what its context holds."""

    def __init__(
        self,
        paragraph_of: np.ndarray,
        document_of: np.ndarray,
        titled: dict[str, np.ndarray],
        language_of: np.ndarray,
        document_numbers: dict[str, int],
        repeats_title: np.ndarray,
        paragraph_numbers: Mapping[tuple[str, int], int] | None = None,
    ) -> None:
        self._document_numbers = document_numbers  # document id -> its number
        self._repeats_title = repeats_title  # passage id -> is it its document's title?
        self._language_of = language_of  # passage id -> its language code
        self._paragraph_of = paragraph_of  # passage id -> paragraph number across the corpus
        self._document_of = document_of  # passage id -> document number
        self._titled = titled  # term -> numbers of the documents whose title holds it
        self._paragraphs = int(paragraph_of.max()) + 1 if len(paragraph_of) else 0
        self._documents = int(document_of.max()) + 1 if len(document_of) else 0
        # (document id, paragraph) -> its number across the corpus.
        self._paragraph_numbers = dict(paragraph_numbers or {})
        # paragraph -> does it read with the next one: it is short and the next is of its
        # document (paragraphs are numbered in corpus order, so the next is number + 1)?
        document_of_paragraph = np.full(self._paragraphs, -1, dtype=np.int64)
        document_of_paragraph[paragraph_of] = document_of
        short = np.bincount(paragraph_of, minlength=self._paragraphs) <= SHORT_PARAGRAPH_PASSAGES
        self._reads_on = np.zeros(self._paragraphs, dtype=bool)
        self._reads_on[:-1] = short[:-1] & (document_of_paragraph[1:] == document_of_paragraph[:-1])

    @classmethod
    def of(cls, corpus: SearchableCorpus, titles: dict[str, frozenset[str]]) -> Context:
        """The context of ``corpus``'s passages; ``titles`` are its documents' title terms."""
        return cls.build(
            corpus.passages, titles, {d: corpus.document(d).info.title for d in titles}
        )

    @classmethod
    def build(
        cls,
        passages: Sequence[Passage],
        titles: dict[str, frozenset[str]],
        title_texts: dict[str, str],
    ) -> Context:
        paragraphs: dict[tuple[str, int], int] = {}
        documents = {doc: i for i, doc in enumerate(titles)}
        paragraph_of = np.fromiter(
            (
                paragraphs.setdefault((p.document_id, p.paragraph), len(paragraphs))
                for p in passages
            ),
            dtype=np.int64,
            count=len(passages),
        )
        document_of = np.fromiter(
            (documents[p.document_id] for p in passages), dtype=np.int64, count=len(passages)
        )
        by_term: dict[str, list[int]] = {}
        for document, terms in titles.items():
            for term in terms:
                by_term.setdefault(term, []).append(documents[document])
        titled = {term: np.asarray(docs, dtype=np.int64) for term, docs in by_term.items()}
        language_of = np.array([p.language for p in passages], dtype=str)
        folded_titles = {doc: squeezed(text) for doc, text in title_texts.items()}
        lengths = {doc: len(text) for doc, text in title_texts.items()}
        repeats_title = np.fromiter(
            (
                # Only a passage about as long as its title can be it: most are not folded.
                len(p.text) <= 2 * lengths.get(p.document_id, -1)
                and squeezed(p.text) == folded_titles.get(p.document_id)
                for p in passages
            ),
            dtype=bool,
            count=len(passages),
        )
        return cls(
            paragraph_of, document_of, titled, language_of, documents, repeats_title, paragraphs
        )

    @property
    def document_ids(self) -> list[str]:
        return list(self._document_numbers)

    def document_numbers(self, documents: Sequence[str]) -> np.ndarray:
        return np.asarray([self._document_numbers[d] for d in documents], dtype=np.int64)

    def repeats_title(self, ids: np.ndarray) -> np.ndarray:
        """For each passage of ``ids``: is it its document's title, repeated?"""
        return self._repeats_title[ids]

    def written_in(self, language: str, ids: np.ndarray) -> np.ndarray:
        """For each passage of ``ids``: is it written in ``language``?"""
        return self._language_of[ids] == language

    def in_paragraphs(self, paragraphs: Collection[tuple[str, int]], ids: np.ndarray) -> np.ndarray:
        """For each passage of ``ids``: is it in one of ``paragraphs`` ((document id, number))?"""
        numbers = [self._paragraph_numbers[p] for p in paragraphs if p in self._paragraph_numbers]
        return np.isin(self._paragraph_of[ids], np.asarray(numbers, dtype=np.int64))

    def holds_here_and_next(
        self, terms: Iterable[str], ids: np.ndarray, index: BM25Index
    ) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        """For each of ``terms``, for each passage of ``ids``: does its context (its paragraph,
        its document's title) hold the term; and is its paragraph short with the term in the
        paragraph after it?"""
        found = {term: (index.postings(term), self._titled.get(term)) for term in terms}
        return self.marks(found, ids)

    def holds_in(
        self, postings: np.ndarray, titled: np.ndarray | None, ids: np.ndarray
    ) -> np.ndarray:
        """For each passage of ``ids``: is it in the paragraph of a passage of ``postings``,
        or in a document of ``titled`` (document numbers)?"""
        return self.marks({"": (postings, titled)}, ids)[""][0]

    def holds_next_in(self, postings: np.ndarray, ids: np.ndarray) -> np.ndarray:
        """For each passage of ``ids``: is its paragraph short, and is the paragraph after it
        that of a passage of ``postings``?"""
        return self.marks({"": (postings, None)}, ids)[""][1]

    def marks(
        self, found: Mapping[str, tuple[np.ndarray, np.ndarray | None]], ids: np.ndarray
    ) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        """For each key of ``found`` (the passages holding something, and the documents whose
        title does): for each passage of ``ids``, (in its context, in the next paragraph of a
        short one). The passages' places are looked up once for all keys: a question's terms
        meet the same candidates."""
        paragraphs = self._paragraph_of[ids]
        reads_on = self._reads_on[paragraphs]
        following = paragraphs + 1
        documents: np.ndarray | None = None
        marks: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        in_paragraph = np.zeros(self._paragraphs + 1, dtype=bool)
        for key, (postings, titled) in found.items():
            in_paragraph[:] = False
            in_paragraph[self._paragraph_of[postings]] = True
            here = in_paragraph[paragraphs]
            if titled is not None and len(titled):
                if documents is None:
                    documents = self._document_of[ids]
                in_title = np.zeros(self._documents, dtype=bool)
                in_title[titled] = True
                here |= in_title[documents]
            marks[key] = (here, reads_on & in_paragraph[following])
        return marks
