"""The BEIR benchmark on a tiny hand-made dataset: JSON shape and nDCG arithmetic."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from retrieval import bench


@pytest.fixture
def tiny_beir(tmp_path: Path) -> Path:
    docs = [
        ("d1", "Solar panels", "Solar panels convert sunlight into electricity."),
        ("d2", "Wind power", "Wind turbines generate electricity from wind."),
        ("d3", "Batteries", "Lithium batteries store electricity for later use."),
        ("d4", "Cooking", "A recipe for chocolate cake with butter and sugar."),
    ]
    with (tmp_path / "corpus.jsonl").open("w") as handle:
        for doc_id, title, text in docs:
            handle.write(json.dumps({"_id": doc_id, "title": title, "text": text}) + "\n")
    with (tmp_path / "queries.jsonl").open("w") as handle:
        handle.write(json.dumps({"_id": "q1", "text": "solar electricity"}) + "\n")
        handle.write(json.dumps({"_id": "q2", "text": "chocolate cake"}) + "\n")
        handle.write(json.dumps({"_id": "q3", "text": "unjudged query"}) + "\n")
    (tmp_path / "qrels").mkdir()
    (tmp_path / "qrels" / "test.tsv").write_text(
        "query-id\tcorpus-id\tscore\nq1\td1\t1\nq2\td4\t2\n", encoding="utf-8"
    )
    return tmp_path


def test_ndcg_of_hand_made_ranking() -> None:
    """nDCG@10 uses linear gains and log2(rank + 1) discounts, divided by the ideal DCG."""
    judged = {"a": 2, "b": 1}
    dcg = 1 / math.log2(2) + 2 / math.log2(3)  # b at rank 1, a at rank 2
    ideal = 2 / math.log2(2) + 1 / math.log2(3)
    assert bench.ndcg_at_k(["b", "a", "x"], judged) == pytest.approx(dcg / ideal)
    assert bench.ndcg_at_k(["a", "b"], judged) == pytest.approx(1.0)
    assert bench.ndcg_at_k(["x", "y"], judged) == 0.0


def test_ndcg_counts_only_the_first_k() -> None:
    """A relevant document below rank k adds nothing."""
    assert bench.ndcg_at_k(["x", "a"], {"a": 1}, k=1) == 0.0


def test_load_beir_keeps_judged_queries(tiny_beir: Path) -> None:
    """Only queries with judgements in the split are loaded; documents are title + text."""
    dataset = bench.load_beir(tiny_beir)
    assert list(dataset.queries) == ["q1", "q2"]
    assert dataset.doc_texts[0].startswith("Solar panels Solar panels")


def test_benchmark_json_shape(tiny_beir: Path) -> None:
    """run_benchmark returns the documented keys, each system inside the per-system ones."""
    result = bench.run_benchmark(tiny_beir)
    for key in ("dataset", "queries", "max_rel_score_diff_vs_rank_bm25"):
        assert key in result
    for key in ("ndcg@10", "qps", "index_seconds", "peak_mb"):
        assert set(result[key]) == {"lingnan", "rank_bm25", "bm25s"}
    assert result["queries"] == 2
    json.dumps(result)


def test_benchmark_ranks_the_obvious_answers_first(tiny_beir: Path) -> None:
    """On the tiny set every system finds the single relevant document first: nDCG 1."""
    result = bench.run_benchmark(tiny_beir)
    assert result["ndcg@10"]["lingnan"] == pytest.approx(1.0)
    assert result["ndcg@10"]["rank_bm25"] == pytest.approx(1.0)
    assert result["max_rel_score_diff_vs_rank_bm25"] <= 1e-9


def test_command_line_prints_json(tiny_beir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`python -m retrieval.bench DATASET --json` prints one JSON object."""
    assert bench.main([str(tiny_beir), "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["dataset"] == tiny_beir.name
