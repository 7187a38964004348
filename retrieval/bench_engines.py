"""The engines the benchmark compares, each behind the same two calls on the same tokens.

An engine is built from tokenized passages and answers ``search(tokens, k)`` (one query: passage
positions, best first) and, where it has one, ``search_batch(queries, k)`` (all queries in one
call, reported apart). The peers are benchmark-only dependencies (``pip install -e '.[bench]'``):
an engine whose package is missing is left out of a run, and the run says so.

- lingnan: ``BM25Index.top_k``, compiled with numba; "lingnan-numpy" is the same index without
  numba (the fallback).
- bm25s-numpy, bm25s-numba: bm25s (defaults: method "lucene", float32 scores) on its two backends,
  one thread.
- tantivy: tantivy-py, the Rust engine under Quickwit: one segment, the tokens joined by spaces
  and read back by its whitespace tokenizer, a query of one SHOULD term per token. Its BM25 is
  Lucene's with k1 1.2 and b 0.75, which tantivy does not let one change.
- rank_bm25: ``BM25Okapi.get_scores`` (the definition of the score) and a sort.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable, Sequence
from typing import Protocol

import numpy as np

from retrieval.index import BM25Index
from retrieval.top_k import TopK

Tokens = Sequence[str]
_EMPTY = "\x00"  # bm25s and tantivy refuse an empty passage or query; this token is in none


class Engine(Protocol):
    def search(self, tokens: Tokens, k: int) -> np.ndarray: ...

    def search_batch(self, queries: Sequence[Tokens], k: int) -> list[np.ndarray] | None: ...


class Lingnan:
    def __init__(self, passages: Sequence[Tokens], k1: float, b: float, *, compiled: bool) -> None:
        self.index = BM25Index.build(passages, k1=k1, b=b)
        if not compiled:
            index = self.index
            index._top_k = TopK(
                index._indptr, index._indices, index._data, index.size, compiled=False
            )

    def search(self, tokens: Tokens, k: int) -> np.ndarray:
        return self.index.top_k(tokens, k)[0]

    def search_batch(self, queries: Sequence[Tokens], k: int) -> list[np.ndarray] | None:
        return None

    def held_bytes(self) -> int:
        """The index's arrays (postings, weights, lengths, idf) and its vocabulary."""
        index = self.index
        arrays = index._data.nbytes + index._indices.nbytes + index._indptr.nbytes
        arrays += index.doc_len.nbytes + index._idf.nbytes + index._length_norm.nbytes
        return arrays + _vocabulary_bytes(index.vocabulary)


class Bm25s:
    def __init__(self, passages: Sequence[Tokens], k1: float, b: float, *, backend: str) -> None:
        import bm25s

        self.retriever = bm25s.BM25(k1=k1, b=b, backend=backend)
        self.retriever.index([list(t) or [_EMPTY] for t in passages], show_progress=False)
        self.size = len(passages)

    def search(self, tokens: Tokens, k: int) -> np.ndarray:
        found = self.search_batch([tokens], k)
        return found[0] if found else np.zeros(0, dtype=np.int64)

    def search_batch(self, queries: Sequence[Tokens], k: int) -> list[np.ndarray] | None:
        documents, scores = self.retriever.retrieve(
            [list(t) or [_EMPTY] for t in queries],
            k=min(k, self.size),
            show_progress=False,
            n_threads=1,
        )
        # bm25s fills k places; passages scoring 0 share no term with the query.
        return [doc[score > 0] for doc, score in zip(documents, scores, strict=True)]


class Tantivy:
    def __init__(self, passages: Sequence[Tokens], k1: float, b: float) -> None:
        import tantivy

        self._tantivy = tantivy
        builder = tantivy.SchemaBuilder()
        builder.add_text_field("body", stored=False, tokenizer_name="tokens")
        self.schema = builder.build()
        index = tantivy.Index(self.schema)
        index.register_tokenizer(
            "tokens", tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace()).build()
        )
        # One thread and a heap large enough for one segment: document ids are then positions.
        writer = index.writer(heap_size=2_000_000_000, num_threads=1)
        for tokens in passages:
            writer.add_document(tantivy.Document(body=" ".join(tokens) or _EMPTY))
        writer.commit()
        writer.wait_merging_threads()
        index.reload()
        self.searcher = index.searcher()
        self.one_segment = self.searcher.num_segments == 1

    def search(self, tokens: Tokens, k: int) -> np.ndarray:
        tantivy = self._tantivy
        query = tantivy.Query.boolean_query(
            [
                (tantivy.Occur.Should, tantivy.Query.term_query(self.schema, "body", token))
                for token in tokens or [_EMPTY]
            ]
        )
        hits = self.searcher.search(query, k, count=False).hits
        return np.fromiter((address.doc for _, address in hits), dtype=np.int64, count=len(hits))

    def search_batch(self, queries: Sequence[Tokens], k: int) -> list[np.ndarray] | None:
        return None


class RankBm25:
    def __init__(self, passages: Sequence[Tokens], k1: float, b: float) -> None:
        from rank_bm25 import BM25Okapi

        self.okapi = BM25Okapi(passages, k1=k1, b=b)

    def search(self, tokens: Tokens, k: int) -> np.ndarray:
        return ranked_ids(self.okapi.get_scores(tokens), k)

    def search_batch(self, queries: Sequence[Tokens], k: int) -> list[np.ndarray] | None:
        return None


def ranked_ids(scores: np.ndarray, k: int) -> np.ndarray:
    """Top k of a dense score vector, passages without any query term left out, ties by id."""
    candidates = np.flatnonzero(scores)
    order = np.lexsort((candidates, -scores[candidates]))[:k]
    return candidates[order]


Builder = Callable[[Sequence[Tokens], float, float], Engine]

BUILDERS: dict[str, Builder] = {
    "lingnan": lambda p, k1, b: Lingnan(p, k1, b, compiled=True),
    "lingnan-numpy": lambda p, k1, b: Lingnan(p, k1, b, compiled=False),
    "bm25s-numba": lambda p, k1, b: Bm25s(p, k1, b, backend="numba"),
    "bm25s-numpy": lambda p, k1, b: Bm25s(p, k1, b, backend="numpy"),
    "tantivy": Tantivy,
    "rank_bm25": RankBm25,
}
# The package each engine needs beyond this project's own (lingnan runs without numba, slower).
_PACKAGES = {
    "bm25s-numba": "numba",
    "bm25s-numpy": "bm25s",
    "tantivy": "tantivy",
    "rank_bm25": "rank_bm25",
}


def missing_package(engine: str) -> str | None:
    """The package ``engine`` needs and this environment lacks, if any."""
    needed = [_PACKAGES.get(engine)] + (["bm25s"] if engine.startswith("bm25s") else [])
    for package in needed:
        if package and importlib.util.find_spec(package) is None:
            return package
    return None


def _vocabulary_bytes(vocabulary: list[str]) -> int:
    """The strings of a vocabulary and the list and dict holding them (8 + about 40 bytes each)."""
    return sum(sys.getsizeof(term) for term in vocabulary) + 48 * len(vocabulary)
