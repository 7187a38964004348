"""The BEIR benchmark on a tiny hand-made dataset: JSON shape and nDCG arithmetic."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from retrieval import bench, bench_scale


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


# The engines make test installs; the peers (bm25s, tantivy) come with the bench extra.
_OWN_ENGINES = ("lingnan", "lingnan-numpy", "rank_bm25")


def test_every_engine_runs_or_says_why_not() -> None:
    """Each engine of the benchmark is either available or left out with its missing package."""
    names, left_out = bench.available_engines(bench.ENGINES)
    assert set(names) | set(left_out) == set(bench.ENGINES)
    assert set(_OWN_ENGINES) <= set(names)
    assert all(reason.endswith("is not installed") for reason in left_out.values())


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
    """run_benchmark returns the documented keys, per engine, for every engine it ran."""
    result = bench.run_benchmark(tiny_beir, engines=_OWN_ENGINES, library=False, passes=1)
    assert result["engines"] == list(_OWN_ENGINES)
    for key in ("qps", "p50_ms", "p99_ms", "ndcg@10", "build_seconds"):
        assert set(result[key]) == set(result["engines"])
    assert result["queries"] == 2
    json.dumps(result)


def test_benchmark_ranks_the_obvious_answers_first(tiny_beir: Path) -> None:
    """On the tiny set lingnan finds the single relevant document first, as rank_bm25 does,
    with the same scores and rankings."""
    result = bench.run_benchmark(tiny_beir, engines=_OWN_ENGINES, library=False, passes=1)
    assert result["ndcg@10"]["lingnan"] == pytest.approx(1.0)
    assert result["ndcg@10"]["rank_bm25"] == pytest.approx(1.0)
    assert result["vs_rank_bm25"] == {
        "max_rel_score_diff": 0.0,
        "identical_top10": 2,
        "compared": 2,
    }


def test_missing_peer_is_left_out_and_said(
    tiny_beir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An engine whose package is not installed is left out, and the table says which and why."""
    monkeypatch.setattr(
        bench, "missing_package", lambda engine: "tantivy" if engine == "tantivy" else None
    )
    result = bench.run_benchmark(tiny_beir, engines=["lingnan", "tantivy"], library=False, passes=1)
    assert result["engines"] == ["lingnan"]
    assert "tantivy: left out (tantivy is not installed" in bench.format_table(result)


def test_library_path_reads_the_beir_corpus(tiny_beir: Path) -> None:
    """Library.search runs on the BEIR corpus written as a corpus folder: every document read."""
    timing = bench.time_library(tiny_beir, ["solar electricity", "chocolate cake"], passes=1)
    assert timing["passages"] >= 4
    assert timing["qps"] > 0 and timing["p99_ms"] >= timing["p50_ms"] > 0


def test_scale_runs_every_engine_asked(tiny_beir: Path) -> None:
    """--scale measures each engine at each size, in the order asked."""
    result = bench_scale.run_scale([tiny_beir], [30], engines=["lingnan", "rank_bm25"], queries=2)
    assert [(row["engine"], row["passages"]) for row in result["rows"]] == [
        ("lingnan", 30),
        ("rank_bm25", 30),
    ]
    assert "| 30 | lingnan |" in bench_scale.format_scale(result)


def test_command_line_prints_json(tiny_beir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`python -m retrieval.bench DATASET --json` prints one JSON object."""
    assert bench.main([str(tiny_beir), "--json", "--no-library", "--engines", "lingnan"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["dataset"] == tiny_beir.name
