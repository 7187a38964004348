"""The top-k kernel: numba's and numpy's give the same passages and the same floats."""

from __future__ import annotations

import logging
import random
import sys
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

from retrieval import top_k
from retrieval.index import BM25Index
from retrieval.top_k import TopK

pytest.importorskip("numba")


def _index(seed: int, passages: int, words: int, epsilon: float = 0.25) -> BM25Index:
    rng = random.Random(seed)
    vocabulary = [f"w{i}" for i in range(words)]
    weights = [1 / (i + 1) for i in range(words)]  # a few words in most passages
    corpus = [rng.choices(vocabulary, weights, k=rng.randint(1, 20)) for _ in range(passages)]
    return BM25Index.build(corpus, epsilon=epsilon)


def _kernels(index: BM25Index) -> tuple[TopK, TopK]:
    arrays = (index._indptr, index._indices, index._data, index.size)
    positive = index._top_k._positive_weights  # as the index chose
    return TopK(*arrays, compiled=True, positive_weights=positive), TopK(*arrays, compiled=False)


@pytest.mark.parametrize("epsilon", [0.25, 0.0])
def test_compiled_equals_numpy(epsilon: float) -> None:
    """On 300 random queries (repeated terms, ties, zero weights) both give identical results."""
    index = _index(5, 600, 60, epsilon)
    # epsilon 0 gives the common words weight 0: the kernel's three-pass path.
    assert index._top_k._positive_weights == (epsilon > 0)
    compiled, plain = _kernels(index)
    assert compiled.compiled and not plain.compiled
    rng = random.Random(9)
    for _ in range(300):
        term_ids = np.asarray(rng.choices(range(60), k=rng.randint(1, 8)), dtype=np.int64)
        k = rng.choice([1, 3, 10, 1000])
        ids, scores = compiled(term_ids, k)
        expected_ids, expected_scores = plain(term_ids, k)
        assert ids.tolist() == expected_ids.tolist()
        assert scores.tolist() == expected_scores.tolist()  # the same floats, not close ones


def test_ties_break_by_passage_id() -> None:
    """Passages with equal scores come in ascending id, whatever order the postings meet them."""
    index = BM25Index.build([["a"], ["b"], ["a"], ["b"], ["a", "b"]] + [["c"]] * 10)
    compiled, _ = _kernels(index)
    ids, scores = compiled(np.asarray([1, 0], dtype=np.int64), 5)  # b's postings first
    assert ids.tolist() == [4, 0, 1, 2, 3]
    assert scores[1] == scores[2] == scores[3] == scores[4]


@pytest.mark.parametrize("epsilon", [0.25, 0.0])
def test_scratch_is_clean_after_a_query(epsilon: float) -> None:
    """The scratch scores are zeros again after a query, so the next one is not disturbed."""
    index = _index(2, 200, 30, epsilon)
    compiled, _ = _kernels(index)
    first = compiled(np.asarray([0, 1, 2], dtype=np.int64), 10)
    compiled(np.asarray([3, 4], dtype=np.int64), 10)
    assert not compiled._scratch.scores.any()
    again = compiled(np.asarray([0, 1, 2], dtype=np.int64), 10)
    assert first[0].tolist() == again[0].tolist() and first[1].tolist() == again[1].tolist()


def test_a_zero_idf_keeps_the_three_passes() -> None:
    """A term in half the passages (idf 0) makes the index rank without the positive-weight
    shortcut, and its passages still come back with their score 0."""
    index = BM25Index.build([["a", "b"], ["c"]])
    assert not index._top_k._positive_weights
    ids, scores = index.top_k(["a"], 5)
    assert ids.tolist() == [0] and scores.tolist() == [0.0]


def test_threads_get_their_own_scratch() -> None:
    """Queries from several threads at once give each its single-thread answer."""
    index = _index(3, 3000, 80)
    compiled, _ = _kernels(index)
    queries = [np.asarray([i % 80, (i * 7) % 80, 1], dtype=np.int64) for i in range(400)]
    alone = [compiled(q, 10)[0].tolist() for q in queries]
    with ThreadPoolExecutor(4) as pool:
        together = list(pool.map(lambda q: compiled(q, 10)[0].tolist(), queries))
    assert together == alone


def test_without_numba_ranks_with_numpy(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """When numba cannot be imported the index still ranks (numpy) and the log says why."""
    index = _index(4, 100, 20)
    expected = index.top_k(["w1", "w2"], 5)
    monkeypatch.setitem(sys.modules, "retrieval.top_k_numba", None)
    top_k.compiled_kernel.cache_clear()
    try:
        with caplog.at_level(logging.WARNING, logger="retrieval.top_k"):
            fallback = BM25Index.build([["x"]])  # any index: the kernel is chosen per query
            assert not fallback._top_k.compiled
            assert "numba is unavailable" in caplog.text
            term_ids = np.asarray(index._ids(["w1", "w2"]), dtype=np.int64)
            ids, scores = _kernels(index)[0](term_ids, 5)
    finally:
        top_k.compiled_kernel.cache_clear()
    assert ids.tolist() == expected[0].tolist() and scores.tolist() == expected[1].tolist()
