"""The BM25 index: rank-bm25's scores, deterministic top k, saving and reloading."""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np
import pytest
from rank_bm25 import BM25Okapi

from retrieval.errors import SavedIndexError
from retrieval.index import BM25Index, summed_by_id, union_ids


class _Version:
    def __init__(self, version: str) -> None:
        self.version = version


def _random_corpus(rng: random.Random, passages: int, words: int) -> list[list[str]]:
    vocabulary = [f"w{i}" for i in range(words)]
    # Zipf-like: a few words in most passages (negative idf -> epsilon floor), many rare ones.
    weights = [1 / (i + 1) for i in range(words)]
    return [rng.choices(vocabulary, weights, k=rng.randint(1, 30)) for _ in range(passages)]


@pytest.mark.parametrize(
    ("k1", "b", "epsilon"), [(1.5, 0.75, 0.25), (1.2, 0.3, 0.5), (2.0, 1.0, 0.0)]
)
def test_scores_equal_rank_bm25(k1: float, b: float, epsilon: float) -> None:
    """On 300 random queries (repeated and unknown terms included) scores equal get_scores."""
    rng = random.Random(42)
    corpus = _random_corpus(rng, 400, 200)
    reference = BM25Okapi(corpus, k1=k1, b=b, epsilon=epsilon)
    index = BM25Index.build(corpus, k1=k1, b=b, epsilon=epsilon)
    pool = [f"w{i}" for i in range(200)] + ["unknown", "absent"]
    for _ in range(300):
        query = rng.choices(pool, k=rng.randint(1, 8))
        query += query[: rng.randint(0, 2)]  # repeated terms count again
        expected = reference.get_scores(query)
        np.testing.assert_allclose(index.scores(query), expected, rtol=1e-9, atol=0)


def test_empty_passages_score_zero() -> None:
    """Empty passages score 0 and leave the others' scores equal to rank-bm25's."""
    corpus = [["a", "b"], [], ["b", "c", "c"], []]
    index = BM25Index.build(corpus)
    np.testing.assert_allclose(
        index.scores(["c", "b"]), BM25Okapi(corpus).get_scores(["c", "b"]), rtol=1e-9, atol=0
    )
    assert index.scores(["a"])[[1, 3]].tolist() == [0.0, 0.0]


def test_epsilon_floor_applies_to_common_terms() -> None:
    """A term in most passages gets rank-bm25's floored idf (epsilon x mean idf)."""
    corpus = [["common", f"rare{i}"] for i in range(10)] + [["other"]]
    reference = BM25Okapi(corpus)
    index = BM25Index.build(corpus)
    assert index.idf("common") == pytest.approx(reference.idf["common"], rel=1e-12)
    assert index.idf("common") > 0


def test_top_k_orders_by_score_then_passage_id() -> None:
    """Best score first; equal scores in ascending passage id, whatever k cuts through."""
    corpus = [["a"], ["b"], ["a"], ["a"], ["a", "a"], ["b"]] + [["c"]] * 10
    index = BM25Index.build(corpus)
    ids, scores = index.top_k(["a"], 3)
    assert ids.tolist()[0] == 4
    assert ids.tolist()[1:] == [0, 2]
    assert np.all(np.diff(scores) <= 0)


def test_top_k_is_the_same_for_every_k() -> None:
    """The first n of top_k(n + m) are top_k(n): the ranking does not depend on k."""
    rng = random.Random(7)
    corpus = _random_corpus(rng, 300, 40)
    index = BM25Index.build(corpus)
    full, _ = index.top_k(["w3", "w5"], 50)
    for k in (1, 5, 10, 25):
        assert index.top_k(["w3", "w5"], k)[0].tolist() == full[:k].tolist()


def test_top_k_leaves_out_passages_without_query_terms() -> None:
    """Only passages sharing a term with the query are returned."""
    index = BM25Index.build([["a"], ["b"], ["c"]])
    ids, _ = index.top_k(["a", "zzz"], 10)
    assert ids.tolist() == [0]


def test_unknown_terms_give_no_results() -> None:
    """A query of unknown terms scores zero everywhere and returns nothing."""
    index = BM25Index.build([["a"], ["b"]])
    assert not index.scores(["zzz"]).any()
    assert len(index.top_k(["zzz"], 5)[0]) == 0


def test_empty_index_answers_nothing() -> None:
    """An index of no passages builds and returns no results."""
    index = BM25Index.build([])
    assert len(index.scores(["a"])) == 0
    assert len(index.top_k(["a"], 3)[0]) == 0


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    """A saved index reloads with the same scores and parameters."""
    corpus = _random_corpus(random.Random(1), 100, 50)
    index = BM25Index.build(corpus, k1=1.2, b=0.6)
    index.save(tmp_path / "idx", fingerprint="abc")
    loaded = BM25Index.load(tmp_path / "idx", expected_fingerprint="abc")
    assert (loaded.k1, loaded.b, loaded.epsilon) == (1.2, 0.6, 0.25)
    query = ["w1", "w2", "w30"]
    np.testing.assert_array_equal(loaded.scores(query), index.scores(query))


def test_saved_index_is_plain_arrays_and_json(tmp_path: Path) -> None:
    """The saved files are .npy arrays (no pickled objects) and JSON."""
    BM25Index.build([["a", "b"], ["b"]]).save(tmp_path, fingerprint="f")
    names = sorted(p.name for p in tmp_path.iterdir())
    assert all(n.endswith((".npy", ".json")) for n in names)
    for path in tmp_path.glob("*.npy"):
        assert np.load(path, allow_pickle=False).dtype != object
    assert json.loads((tmp_path / "vocabulary.json").read_text()) == ["a", "b"]


def test_stale_fingerprint_is_refused(tmp_path: Path) -> None:
    """Loading with another fingerprint (corpus or settings changed) raises SavedIndexError."""
    BM25Index.build([["a"]]).save(tmp_path, fingerprint="old")
    with pytest.raises(SavedIndexError):
        BM25Index.load(tmp_path, expected_fingerprint="new")


def test_missing_index_is_refused(tmp_path: Path) -> None:
    """Loading from a folder without an index raises SavedIndexError."""
    with pytest.raises(SavedIndexError):
        BM25Index.load(tmp_path / "nothing")


def test_damaged_index_is_refused(tmp_path: Path) -> None:
    """A truncated array file makes load raise SavedIndexError, not crash."""
    BM25Index.build([["a", "b"], ["b"]]).save(tmp_path, fingerprint="f")
    (tmp_path / "data.npy").write_bytes(b"not numpy")
    with pytest.raises(SavedIndexError):
        BM25Index.load(tmp_path, expected_fingerprint="f")


def test_fingerprint_depends_on_corpus_tokenizer_and_parameters() -> None:
    """Changing the corpus hash, the tokenizer version, k1 or b changes the fingerprint."""
    base = BM25Index.fingerprint("corpus", _Version("1"))
    assert base == BM25Index.fingerprint("corpus", _Version("1"))
    assert base != BM25Index.fingerprint("other", _Version("1"))
    assert base != BM25Index.fingerprint("corpus", _Version("2"))
    assert base != BM25Index.fingerprint("corpus", _Version("1"), k1=1.2)
    assert base != BM25Index.fingerprint("corpus", _Version("1"), b=0.5)


def test_document_frequency_and_postings() -> None:
    """Document frequency counts passages, postings list them in ascending order."""
    index = BM25Index.build([["a", "a"], ["b"], ["a", "b"]])
    assert index.document_frequency("a") == 2
    assert index.postings("a").tolist() == [0, 2]
    assert index.document_frequency("zzz") == 0


def test_top_k_matches_rank_bm25_ranking() -> None:
    """top_k returns get_scores' best 10 (ties by id) with the same scores, on 200 queries."""
    rng = random.Random(3)
    corpus = _random_corpus(rng, 2000, 300)
    reference = BM25Okapi(corpus)
    index = BM25Index.build(corpus)
    pool = [f"w{i}" for i in range(300)] + ["unknown"]
    for _ in range(200):
        query = rng.choices(pool, k=rng.randint(1, 10))
        expected = reference.get_scores(query)
        containing = np.flatnonzero([any(t in passage for t in query) for passage in corpus])
        best = containing[np.lexsort((containing, -expected[containing]))][:10]
        ids, scores = index.top_k(query, 10)
        assert ids.tolist() == best.tolist()
        np.testing.assert_allclose(scores, expected[best], rtol=1e-9, atol=0)


def test_group_scores_as_one_term_of_the_merged_corpus() -> None:
    """A group of terms scores as BM25Okapi would score one term replacing every member."""
    rng = random.Random(7)
    words = [f"w{i}" for i in range(40)]
    passages = [rng.choices(words, k=rng.randint(1, 9)) for _ in range(80)]
    group = ["w1", "w2"]
    merged = [["GROUP" if t in group else t for t in p] for p in passages]
    expected = BM25Okapi(merged).get_scores(["GROUP"])
    ids, scores = BM25Index.build(passages).group_matches([[t] for t in group])
    assert ids.tolist() == np.flatnonzero(expected).tolist()
    np.testing.assert_allclose(scores, expected[ids], rtol=1e-9)


def test_group_of_one_term_equals_the_term() -> None:
    """A group with one member scores exactly as the term alone."""
    index = BM25Index.build([["a", "b", "a"], ["b", "c"], ["a"], ["d"], ["e"]])
    ids, scores = index.group_matches([["a"]])
    expected_ids, expected = index.matches(["a"])
    assert ids.tolist() == expected_ids.tolist()
    np.testing.assert_allclose(scores, expected, rtol=1e-12)


def test_phrase_member_needs_all_its_terms() -> None:
    """A member of several terms counts only in passages holding all of them."""
    index = BM25Index.build([["take", "effect"], ["take"], ["effect", "x"], ["y"], ["z"]])
    ids, _ = index.group_matches([["take", "effect"]])
    assert ids.tolist() == [0]


def test_group_of_unknown_terms_matches_nothing() -> None:
    """A group none of whose members the index knows matches no passage."""
    index = BM25Index.build([["a"], ["b"]])
    ids, scores = index.group_matches([["x"], ["y", "a"]])
    assert len(ids) == 0 and len(scores) == 0


def test_given_lengths_replace_the_term_counts() -> None:
    """A passage's given length (a compound's parts not counted) is its BM25 length: the
    passage scores as one of that many terms would, its extra terms still matching."""
    with_parts = BM25Index.build(
        [["compound", "part", "other"], ["x", "y"], ["z"]], doc_lengths=[2, 2, 1]
    )
    plain = BM25Index.build([["compound", "part"], ["x", "y"], ["z"]])
    assert with_parts.doc_len.tolist() == [2, 2, 1]
    assert with_parts.scores(["compound"])[0] == pytest.approx(plain.scores(["compound"])[0])
    assert with_parts.scores(["other"])[0] > 0


def test_lengths_must_match_the_passages() -> None:
    """One length per passage, or the build refuses."""
    with pytest.raises(ValueError):
        BM25Index.build([["a"], ["b"]], doc_lengths=[1])


@pytest.mark.parametrize("size", [10_000, 40])
def test_union_of_postings_is_sorted_and_distinct_both_ways(size: int) -> None:
    """Few postings (sorted) or many (marked over all passages): the same distinct ids."""
    arrays = [np.asarray([5, 9, 30], dtype=np.int32), np.asarray([1, 9, 39], dtype=np.int32)]
    assert union_ids(arrays, size).tolist() == [1, 5, 9, 30, 39]


def test_group_scores_are_the_same_sorted_or_marked(monkeypatch: pytest.MonkeyPatch) -> None:
    """A group's ids and scores are exactly the same whether its postings are sorted or marked
    over all passages."""
    import retrieval.index as index_module

    texts = [["port", "crane"] if n % 3 else ["harbour", "ship", "port"] for n in range(200)]
    index = BM25Index.build(texts + [["farm"]] * 20)
    group = [["port"], ["harbour"], ["crane", "port"]]
    monkeypatch.setattr(index_module, "SPARSE_SHARE", 0)  # always sorted
    sorted_ids, sorted_scores = index.group_matches(group)
    monkeypatch.setattr(index_module, "SPARSE_SHARE", 10**9)  # always marked
    marked_ids, marked_scores = index.group_matches(group)
    assert sorted_ids.tolist() == marked_ids.tolist()
    assert sorted_scores.tolist() == marked_scores.tolist()


def test_sums_by_id_are_the_same_sorted_or_marked(monkeypatch: pytest.MonkeyPatch) -> None:
    """Values summed per id, in the same order, whether the ids are sorted or marked."""
    import retrieval.index as index_module

    found = [
        (np.asarray([1, 4, 7]), np.asarray([0.1, 0.2, 0.3])),
        (np.asarray([4, 9]), np.asarray([0.7, 1 / 3])),
    ]
    monkeypatch.setattr(index_module, "SPARSE_SHARE", 0)
    sorted_ids, sorted_sums = summed_by_id(found, 10)
    monkeypatch.setattr(index_module, "SPARSE_SHARE", 10**9)
    marked_ids, marked_sums = summed_by_id(found, 10)
    assert sorted_ids.tolist() == marked_ids.tolist() == [1, 4, 7, 9]
    assert sorted_sums.tolist() == marked_sums.tolist()


def test_term_id_is_the_position_in_the_vocabulary() -> None:
    """A term's id is where the vocabulary lists it; an unknown term has none."""
    index = BM25Index.build([["port", "guangzhou"], ["port", "shenzhen"]])
    assert [index.term_id(term) for term in index.vocabulary] == list(range(len(index.vocabulary)))
    assert index.term_id("hainan") is None
