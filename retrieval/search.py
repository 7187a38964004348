"""Questions to ranked, cited passages: query terms, spelling tolerance, BM25, a relevance floor.

A question's words become index terms (``Tokenizer.query_terms``); a word the index does not know
but that is one or two letters away from a word it does ("Weizong" -> "Weizhong") is corrected,
and the correction is reported. The passages are ranked by BM25 (``BM25Index.top_k``).

The relevance floor decides whether the corpus answers at all. Each content word of the question
weighs its idf (how rare, hence how telling, it is); a word the corpus does not contain weighs the
largest idf there can be, since it is the most telling of all that the corpus is about something
else (one-character Chinese words excepted: an unknown 说 or 事 is a light word of a question).
A passage is returned only if the words it contains carry more than ``min_coverage`` of the
question's weight. "What is the capital of France?" is not answered by a passage on capital
investment: "France" is absent from the corpus and outweighs "capital".
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from retrieval.encoding import replace_lone_surrogates
from retrieval.index import BM25Index
from retrieval.models import Correction, DocumentInfo, Passage, SearchResponse, SearchResult
from retrieval.scripts import has_han, is_han
from retrieval.tokenize import QueryTerm, Token, Tokenizer

log = logging.getLogger(__name__)

DEFAULT_MIN_COVERAGE = 0.5
# Longer questions are cut here: enough for any real question, bounded work for pasted essays.
MAX_QUERY_CHARS = 2000
# Spelling correction: words shorter than this are never corrected; from _TWO_EDITS_FROM
# letters on, ``max_edits`` edits are allowed instead of one.
_MIN_SPELLABLE = 6
_TWO_EDITS_FROM = 9
# How many ranked passages to look at to find ``top_k`` that clear the floor.
_CANDIDATE_FACTOR = 10


class _HasInfo(Protocol):
    @property
    def info(self) -> DocumentInfo: ...


class SearchableCorpus(Protocol):
    """What the searcher needs of a corpus: its passages and their documents' metadata."""

    @property
    def passages(self) -> list[Passage]: ...

    def document(self, doc_id: str) -> _HasInfo: ...


@dataclass(frozen=True)
class _ResolvedWord:
    """A query word with the index term it stands for (None: the corpus lacks it)."""

    query: QueryTerm
    term: str | None
    weight: float  # share of the question's weight; 0 for optional forms


class Searcher:
    """Answers questions from a corpus and its BM25 index.

    ``min_coverage`` (0 to 1) is the relevance floor: a passage is returned only when its words
    carry more than this share of the question's idf weight (see the module docstring). At 0
    any passage sharing a word with the question may come back; the higher, the more of the
    question a passage must contain. The default, one half, keeps "capital of France" out.
    ``max_edits`` bounds spelling corrections (Levenshtein distance; words of six to eight
    letters get one edit, longer ones ``max_edits``; shorter words are never corrected).
    """

    def __init__(
        self,
        corpus: SearchableCorpus,
        index: BM25Index,
        tokenizer: Tokenizer,
        *,
        min_coverage: float = DEFAULT_MIN_COVERAGE,
        max_edits: int = 2,
    ) -> None:
        if len(corpus.passages) != index.size:
            raise ValueError(
                f"the index holds {index.size} passages, the corpus {len(corpus.passages)}"
            )
        self._corpus = corpus
        self._index = index
        self._tokenizer = tokenizer
        self.min_coverage = min_coverage
        self.max_edits = max_edits
        self._spellable: dict[str, list[str]] | None = None  # by first letter
        self._titles: dict[str, frozenset[str]] = {}
        self._every_title: frozenset[str] | None = None

    @property
    def tokenizer(self) -> Tokenizer:
        return self._tokenizer

    @property
    def index(self) -> BM25Index:
        return self._index

    def search(self, query: str, top_k: int = 3) -> SearchResponse:
        """The ``top_k`` best passages that clear the relevance floor, best first."""
        # The query is echoed in the response: a lone surrogate there could not be sent as JSON.
        query = replace_lone_surrogates(query).strip()
        if not query or top_k < 1:
            return SearchResponse(query=query, results=[], corrections=[])
        words, corrections = self._resolve(query[:MAX_QUERY_CHARS])
        terms = [w.term for w in words if w.term is not None]
        total_weight = sum(w.weight for w in words)
        if not terms or total_weight <= 0:
            return SearchResponse(query=query, results=[], corrections=corrections)

        ids, scores = self._index.top_k(terms, max(top_k * _CANDIDATE_FACTOR, 30))
        # Which candidates hold each term, from the index's postings: no candidate is tokenized
        # again just to be weighed, only the few that are returned (for their matched words).
        in_candidate = {term: np.isin(ids, self._index.postings(term)) for term in set(terms)}
        wanted = set(terms)
        results: list[SearchResult] = []
        for slot, (passage_id, score) in enumerate(zip(ids.tolist(), scores.tolist(), strict=True)):
            passage = self._corpus.passages[passage_id]
            # A word of the document's title counts as present: a speech's passages do not name
            # their speaker, its title does ("What did Huang Kunming say about talents?").
            title = self._title_terms(passage.document_id)
            covered = sum(
                w.weight
                for w in words
                if w.term is not None and (w.term in title or in_candidate[w.term][slot])
            )
            if covered / total_weight <= self.min_coverage:
                continue
            tokens = self._tokenizer.tokens(passage.text, passage.language)
            results.append(
                self._result(passage, score, _matched_surfaces(passage.text, tokens, wanted))
            )
            if len(results) == top_k:
                break
        return SearchResponse(query=query, results=results, corrections=corrections)

    # ---- query words ----------------------------------------------------------------------

    def _resolve(self, query: str) -> tuple[list[_ResolvedWord], list[Correction]]:
        index = self._index
        words: list[_ResolvedWord] = []
        corrections: list[Correction] = []
        for qterm in self._tokenizer.query_terms(query):
            if qterm.stopword:
                continue
            term = next((c for c in qterm.candidates if c in index), None)
            if term is None:
                # A word only a title has (the speaker of a speech) is known, not evidence
                # against the corpus; it scores nothing but counts for that document's passages.
                titles = self._all_title_terms()
                term = next((c for c in qterm.candidates if c in titles), None)
            if term is None and qterm.correctable:
                term = self._correct(qterm.candidates)
                if term is not None:
                    corrections.append(
                        Correction(original=qterm.surface, corrected=self._surface_of(term))
                    )
            if qterm.optional:
                if term is not None:
                    words.append(_ResolvedWord(qterm, term, 0.0))
                continue
            if term is None and is_han(qterm.surface):  # one Chinese character
                # An unknown one-character Chinese word (说, 事, 讲) is a light word of the
                # question, not evidence that the corpus is about something else.
                continue
            # Unknown words, and words only a title has, weigh the largest idf there can be.
            weight = index.idf(term) if term is not None and term in index else index.max_idf
            # A term in more than half the passages has a floored idf; it still counts a little.
            words.append(_ResolvedWord(qterm, term, max(weight, 1e-6)))
        return _split_unknown_compounds(words), corrections

    def _all_title_terms(self) -> frozenset[str]:
        if self._every_title is None:
            documents = dict.fromkeys(p.document_id for p in self._corpus.passages)
            self._every_title = frozenset().union(*map(self._title_terms, documents))
        return self._every_title

    def _title_terms(self, document_id: str) -> frozenset[str]:
        terms = self._titles.get(document_id)
        if terms is None:
            info = self._corpus.document(document_id).info
            terms = frozenset(self._tokenizer.tokenize(info.title, info.language))
            self._titles[document_id] = terms
        return terms

    def _correct(self, candidates: Sequence[str]) -> str | None:
        """The vocabulary term closest to one of ``candidates``, if close enough.

        Short words have too many neighbours ("want" / "wang", "cake" / "care") to guess at: a
        word is corrected only from six letters on, with one edit, or two from nine letters on.
        """
        if self._spellable is None:
            # Only alphabetic terms: figures and codes ("2024", "ag600") are never guessed at.
            # A misspelling rarely gets the first letter wrong ("France" must not meet words an
            # edit or two away), so only words with the same first letter are compared: a large
            # vocabulary is searched a few percent at a time.
            self._spellable = {}
            for term in sorted(self._index.vocabulary):
                if term.isalpha() and len(term) >= _MIN_SPELLABLE - 1:
                    self._spellable.setdefault(term[0], []).append(term)
        best: tuple[int, int, str] | None = None
        for candidate in candidates:
            if len(candidate) < _MIN_SPELLABLE:
                continue
            limit = 1 if len(candidate) < _TWO_EDITS_FROM else self.max_edits
            for choice, distance, _ in process.extract(
                candidate,
                self._spellable.get(candidate[0], []),
                scorer=Levenshtein.distance,
                score_cutoff=limit,
                limit=20,
            ):
                key = (int(distance), -self._index.document_frequency(choice), choice)
                if best is None or key < best:
                    best = key
        return best[2] if best else None

    def _surface_of(self, term: str) -> str:
        """How the corpus writes ``term`` (its first occurrence), for reporting a correction."""
        for passage_id in self._index.postings(term)[:1].tolist():
            passage = self._corpus.passages[passage_id]
            for token in self._tokenizer.tokens(passage.text, passage.language):
                if token.term == term:
                    return passage.text[token.start : token.end]
        return term

    # ---- results --------------------------------------------------------------------------

    def _result(self, passage: Passage, score: float, matched: list[str]) -> SearchResult:
        return SearchResult(
            text=passage.text,
            score=float(score),
            matched_terms=matched,
            document=self._corpus.document(passage.document_id).info,
            paragraph=passage.paragraph,
            start=passage.start,
            end=passage.end,
            language=passage.language,
            passage_id=passage.id,
        )


def _split_unknown_compounds(words: list[_ResolvedWord]) -> list[_ResolvedWord]:
    """An unknown Chinese word whose known parts jieba found ("海外基金": 海外, 基金) is
    weighed by those parts instead: the corpus may well write them apart ("海外主权基金")."""
    out = list(words)
    for position, word in enumerate(words):
        if word.term is not None or word.weight == 0 or not has_han(word.query.surface):
            continue
        parts = [
            i
            for i, part in enumerate(words)
            if part.weight == 0
            and part.term is not None
            and part.query.surface in word.query.surface
        ]
        if not parts:
            continue
        share = word.weight / len(parts)
        for i in parts:
            out[i] = _ResolvedWord(out[i].query, out[i].term, share)
        out[position] = _ResolvedWord(word.query, None, 0.0)
    return [w for w in out if w.term is not None or w.weight > 0]


def _matched_surfaces(text: str, tokens: Sequence[Token], wanted: set[str]) -> list[str]:
    """The words of ``text`` that matched, as written, in order, each once.

    A match inside a longer match ("劲松" in "张劲松", "brain" in "brain-computer") is left out,
    so the caller can highlight every listed word without overlaps.
    """
    spans = sorted(
        {(t.start, t.end) for t in tokens if t.term in wanted}, key=lambda s: (s[0], -s[1])
    )
    kept: list[tuple[int, int]] = []
    for start, end in spans:
        if kept and start < kept[-1][1]:
            continue
        kept.append((start, end))
    return list(dict.fromkeys(text[start:end] for start, end in kept))
