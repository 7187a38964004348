"""Benchmark the BM25 index on BEIR data, side by side with rank_bm25 and bm25s in one run.

    python -m retrieval.bench DATASET [--json] [--rank-bm25-queries N]
    python -m retrieval.bench --scale [--sizes 10000 100000 1000000] [--json]

DATASET is a BEIR folder (corpus.jsonl, queries.jsonl, qrels/test.tsv) or the name of one in
``../shared/bench-data``. All three systems get the same tokens: this project's tokenizer, English
rules, documents as "title text". Measured: nDCG@10 on the test qrels; queries per second (top 10,
one thread, tokenization excluded, best of 5 passes, rank_bm25 one pass); index build seconds;
peak memory of the build (tracemalloc: the Python and numpy allocations of the build itself, not
process RSS); the largest relative difference between this index's scores and rank_bm25's
``get_scores``.

bm25s runs with its defaults (method "lucene", float32 scores) and answers all queries in one
batched ``retrieve`` call, its fastest way; rank_bm25 and this index answer one query at a time.

``--scale`` builds indexes of 10k, 100k and 1M passages of one to three sentences drawn at random
from both corpora's documents, and measures per-query latency (p50/p99 over test queries), build
time, the index's size in memory and the build's tracemalloc peak.
"""

from __future__ import annotations

import argparse
import csv
import gc
import json
import math
import random
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np

from retrieval.index import BM25Index
from retrieval.tokenize import Tokenizer

SHARED_BENCH_DATA = Path(__file__).resolve().parents[2] / "shared" / "bench-data"
TOP_K = 10
SYSTEMS = ("lingnan", "rank_bm25", "bm25s")


@dataclass
class BeirDataset:
    name: str
    doc_ids: list[str]
    doc_texts: list[str]
    queries: dict[str, str]  # only queries that have judgements in the split
    qrels: dict[str, dict[str, int]]


def resolve_dataset(name: str) -> Path:
    path = Path(name)
    if path.is_dir():
        return path
    shared = SHARED_BENCH_DATA / name
    if shared.is_dir():
        return shared
    raise SystemExit(f"error: no BEIR dataset folder at {name!r} (nor in {SHARED_BENCH_DATA})")


def load_beir(folder: Path, split: str = "test") -> BeirDataset:
    """Read a BEIR folder: documents as "title text", the split's judged queries and qrels."""
    qrels: dict[str, dict[str, int]] = {}
    with (folder / "qrels" / f"{split}.tsv").open(encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle, delimiter="\t"):
            if len(row) < 3 or row[0] == "query-id":
                continue
            qrels.setdefault(row[0], {})[row[1]] = int(row[2])
    doc_ids: list[str] = []
    doc_texts: list[str] = []
    with (folder / "corpus.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                doc = json.loads(line)
                doc_ids.append(str(doc["_id"]))
                doc_texts.append(f"{doc.get('title') or ''} {doc.get('text') or ''}".strip())
    queries: dict[str, str] = {}
    with (folder / "queries.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                query = json.loads(line)
                if str(query["_id"]) in qrels:
                    queries[str(query["_id"])] = query["text"]
    return BeirDataset(folder.name, doc_ids, doc_texts, queries, qrels)


def ndcg_at_k(ranked: Sequence[str], judged: dict[str, int], k: int = TOP_K) -> float:
    """nDCG@k with linear gains, as BEIR's pytrec_eval ``ndcg_cut``; 0 when nothing is relevant."""
    dcg = sum(judged.get(doc, 0) / math.log2(rank + 2) for rank, doc in enumerate(ranked[:k]))
    ideal = sorted((g for g in judged.values() if g > 0), reverse=True)[:k]
    idcg = sum(g / math.log2(rank + 2) for rank, g in enumerate(ideal))
    return dcg / idcg if idcg > 0 else 0.0


def _timed(build: Callable[[], Any]) -> tuple[Any, float]:
    gc.collect()
    started = time.perf_counter()
    result = build()
    return result, time.perf_counter() - started


def _peak_mb(build: Callable[[], Any]) -> float:
    """tracemalloc peak of one more build, in MiB (allocations of the build only)."""
    gc.collect()
    tracemalloc.start()
    try:
        result = build()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    del result
    gc.collect()
    return peak / 2**20


def _ranked_ids(scores: np.ndarray, k: int) -> np.ndarray:
    """Top k of a dense score vector, passages without any query term left out, ties by id."""
    candidates = np.flatnonzero(scores)
    order = np.lexsort((candidates, -scores[candidates]))[:k]
    return candidates[order]


def run_benchmark(
    folder: Path,
    *,
    split: str = "test",
    rank_bm25_queries: int | None = None,
    k1: float = 1.5,
    b: float = 0.75,
    tokenizer: Tokenizer | None = None,
    repeats: int = 5,
) -> dict[str, Any]:
    """Everything ``python -m retrieval.bench DATASET --json`` prints.

    Queries per second of this index and of bm25s are the best of ``repeats`` passes over the
    query set (rank_bm25, at a hundred times slower, gets one).
    """
    import bm25s
    from rank_bm25 import BM25Okapi

    dataset = load_beir(folder, split)
    tokenizer = tokenizer or Tokenizer()
    corpus_tokens, tokenize_seconds = _timed(
        lambda: [tokenizer.tokenize(text, "en") for text in dataset.doc_texts]
    )
    query_ids = list(dataset.queries)
    query_tokens = [tokenizer.tokenize(dataset.queries[q], "en") for q in query_ids]

    builders: dict[str, Callable[[], Any]] = {
        "lingnan": lambda: BM25Index.build(corpus_tokens, k1=k1, b=b),
        "rank_bm25": lambda: BM25Okapi(corpus_tokens, k1=k1, b=b),
        "bm25s": lambda: _bm25s_index(bm25s, corpus_tokens, k1, b),
    }
    built: dict[str, Any] = {}
    index_seconds: dict[str, float] = {}
    peak_mb: dict[str, float] = {}
    for system, build in builders.items():
        built[system], index_seconds[system] = _timed(build)
        peak_mb[system] = _peak_mb(build)

    # Queries: each system's top 10, timed over the whole query set. This index and bm25s
    # take turns, ``repeats`` passes each, so a busy neighbour on the machine slows both.
    index: BM25Index = built["lingnan"]
    retriever = built["bm25s"]
    bm25s_queries = [t or ["\x00"] for t in query_tokens]  # bm25s rejects an empty query
    runs: dict[str, Callable[[], Any]] = {
        "lingnan": lambda: [index.top_k(tokens, TOP_K)[0] for tokens in query_tokens],
        "bm25s": lambda: retriever.retrieve(
            bm25s_queries, k=min(TOP_K, len(corpus_tokens)), show_progress=False, n_threads=0
        ),
    }
    outputs: dict[str, Any] = {}
    best = dict.fromkeys(runs, math.inf)
    for _ in range(repeats):
        for system, run in runs.items():
            outputs[system], seconds = _timed(run)
            best[system] = min(best[system], seconds)
    documents, scores = outputs["bm25s"]
    rankings = {
        "lingnan": outputs["lingnan"],
        "bm25s": [doc[score > 0] for doc, score in zip(documents, scores, strict=True)],
    }
    qps = {system: len(query_tokens) / seconds for system, seconds in best.items()}

    limit = (
        len(query_tokens)
        if rank_bm25_queries is None
        else min(rank_bm25_queries, len(query_tokens))
    )
    okapi = built["rank_bm25"]
    okapi_scores, seconds = _timed(lambda: [okapi.get_scores(t) for t in query_tokens[:limit]])
    rankings["rank_bm25"] = [_ranked_ids(s, TOP_K) for s in okapi_scores]
    qps["rank_bm25"] = limit / seconds if limit else 0.0

    ndcg = {}
    for system, ranked in rankings.items():
        values = [
            ndcg_at_k([dataset.doc_ids[i] for i in ids], dataset.qrels[query_ids[n]])
            for n, ids in enumerate(ranked)
        ]
        ndcg[system] = float(np.mean(values)) if values else 0.0

    worst = 0.0
    for tokens, reference in zip(query_tokens[:limit], okapi_scores, strict=False):
        mine = index.scores(tokens)
        scale = np.maximum(np.abs(reference), np.finfo(float).tiny)
        differing = mine != reference
        if differing.any():
            worst = max(
                worst, float(np.max(np.abs(mine - reference)[differing] / scale[differing]))
            )

    return {
        "dataset": dataset.name,
        "queries": len(query_tokens),
        "documents": len(corpus_tokens),
        "rank_bm25_queries": limit,
        "ndcg@10": ndcg,
        "qps": qps,
        "max_rel_score_diff_vs_rank_bm25": worst,
        "index_seconds": index_seconds,
        "peak_mb": peak_mb,
        "tokenize_seconds": tokenize_seconds,
        "memory_measure": "tracemalloc peak during the build (MiB)",
    }


def _bm25s_index(bm25s: Any, corpus_tokens: list[list[str]], k1: float, b: float) -> Any:
    retriever = bm25s.BM25(k1=k1, b=b)
    retriever.index([t or ["\x00"] for t in corpus_tokens], show_progress=False)
    return retriever


# ---- scale curve ---------------------------------------------------------------------------


def _sentence_pool(folders: Sequence[Path], tokenizer: Tokenizer) -> list[list[str]]:
    """Tokenized sentences of every document of the given BEIR folders."""
    from retrieval.sentences import split_sentences

    pool: list[list[str]] = []
    for folder in folders:
        with (folder / "corpus.jsonl").open(encoding="utf-8") as handle:
            for line in handle:
                if not line.strip():
                    continue
                doc = json.loads(line)
                text = f"{doc.get('title') or ''}. {doc.get('text') or ''}"
                for start, end in split_sentences(text, "en"):
                    tokens = tokenizer.tokenize(text[start:end], "en")
                    if tokens:
                        pool.append(tokens)
    return pool


def _percentile(values: list[float], q: float) -> float:
    return float(np.percentile(np.asarray(values), q)) if values else 0.0


def run_scale(
    folders: Sequence[Path],
    sizes: Sequence[int],
    *,
    queries: int = 300,
    seed: int = 13,
    compare_up_to: int = 100_000,
    compare_queries: int = 20,
) -> dict[str, Any]:
    """Latency, build time and memory of this index at each size; rank_bm25 and bm25s per-query
    latency alongside up to ``compare_up_to`` passages (rank_bm25 on ``compare_queries``)."""
    tokenizer = Tokenizer()
    pool, tokenize_seconds = _timed(lambda: _sentence_pool(folders, tokenizer))
    query_tokens: list[list[str]] = []
    for folder in folders:
        dataset = load_beir(folder)
        query_tokens += [tokenizer.tokenize(t, "en") for t in dataset.queries.values()]
    rng = random.Random(seed)
    rng.shuffle(query_tokens)
    query_tokens = [t for t in query_tokens if t][:queries]
    rows = []
    for size in sizes:
        passages = []
        for _ in range(size):
            count = rng.randint(1, 3)
            passage: list[str] = []
            for _ in range(count):
                passage += pool[rng.randrange(len(pool))]
            passages.append(passage)
        index, build_seconds = _timed(partial(BM25Index.build, passages))
        latencies = []
        for tokens in query_tokens:
            started = time.perf_counter()
            index.top_k(tokens, TOP_K)
            latencies.append((time.perf_counter() - started) * 1000)
        arrays = index._data.nbytes + index._indices.nbytes + index._indptr.nbytes
        arrays += index.doc_len.nbytes + index._idf.nbytes
        vocabulary_bytes = sum(sys.getsizeof(t) for t in index.vocabulary) * 2  # list + dict
        row: dict[str, Any] = {
            "passages": size,
            "postings": len(index._indices),
            "terms": len(index.vocabulary),
            "build_seconds": build_seconds,
            "p50_ms": _percentile(latencies, 50),
            "p99_ms": _percentile(latencies, 99),
            "index_mb": (arrays + vocabulary_bytes) / 2**20,
        }
        del index
        row["build_peak_mb"] = _peak_mb(partial(BM25Index.build, passages))
        if size <= compare_up_to:
            row.update(_compare_latency(passages, query_tokens, compare_queries))
        rows.append(row)
        print(json.dumps(row), file=sys.stderr)
        del passages
        gc.collect()
    return {
        "sources": [str(f) for f in folders],
        "sentences": len(pool),
        "tokenize_seconds": tokenize_seconds,
        "queries": len(query_tokens),
        "rows": rows,
        "memory_measure": "index_mb: arrays + vocabulary held in memory; "
        "build_peak_mb: tracemalloc peak during the build",
    }


def _compare_latency(
    passages: list[list[str]], query_tokens: list[list[str]], okapi_queries: int
) -> dict[str, float]:
    import bm25s
    from rank_bm25 import BM25Okapi

    out: dict[str, float] = {}
    okapi = BM25Okapi(passages)
    latencies = []
    for tokens in query_tokens[:okapi_queries]:
        started = time.perf_counter()
        _ranked_ids(okapi.get_scores(tokens), TOP_K)
        latencies.append((time.perf_counter() - started) * 1000)
    out["rank_bm25_p50_ms"] = _percentile(latencies, 50)
    del okapi
    retriever = _bm25s_index(bm25s, passages, 1.5, 0.75)
    latencies = []
    for tokens in query_tokens:
        started = time.perf_counter()
        retriever.retrieve([tokens], k=TOP_K, show_progress=False, n_threads=0)
        latencies.append((time.perf_counter() - started) * 1000)
    out["bm25s_p50_ms"] = _percentile(latencies, 50)
    out["bm25s_p99_ms"] = _percentile(latencies, 99)
    return out


# ---- command line --------------------------------------------------------------------------


def _format_table(result: dict[str, Any]) -> str:
    lines = [
        f"dataset {result['dataset']}: {result['documents']} documents, "
        f"{result['queries']} test queries (rank_bm25 on {result['rank_bm25_queries']})",
        "| system | nDCG@10 | queries/s | index s | peak MiB |",
        "|---|---|---|---|---|",
    ]
    for system in SYSTEMS:
        lines.append(
            f"| {system} | {result['ndcg@10'][system]:.4f} | {result['qps'][system]:.1f} | "
            f"{result['index_seconds'][system]:.2f} | {result['peak_mb'][system]:.1f} |"
        )
    lines.append(
        f"largest relative score difference to rank_bm25: "
        f"{result['max_rel_score_diff_vs_rank_bm25']:.3g}; "
        f"tokenizing the corpus: {result['tokenize_seconds']:.1f} s; "
        f"memory: {result['memory_measure']}"
    )
    return "\n".join(lines)


def _format_scale(result: dict[str, Any]) -> str:
    lines = [
        f"{result['sentences']} sentences from {', '.join(Path(s).name for s in result['sources'])}"
        f"; {result['queries']} queries; top {TOP_K}",
        "| passages | postings | build s | p50 ms | p99 ms | index MiB | build peak MiB "
        "| rank_bm25 p50 ms | bm25s p50 / p99 ms |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for row in result["rows"]:
        okapi = f"{row['rank_bm25_p50_ms']:.1f}" if "rank_bm25_p50_ms" in row else "-"
        fast = (
            f"{row['bm25s_p50_ms']:.2f} / {row['bm25s_p99_ms']:.2f}"
            if "bm25s_p50_ms" in row
            else "-"
        )
        lines.append(
            f"| {row['passages']:,} | {row['postings']:,} | {row['build_seconds']:.1f} | "
            f"{row['p50_ms']:.2f} | {row['p99_ms']:.2f} | {row['index_mb']:.0f} | "
            f"{row['build_peak_mb']:.0f} | {okapi} | {fast} |"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m retrieval.bench", description=__doc__.split("\n")[0]
    )
    parser.add_argument("dataset", nargs="?", help="BEIR folder, or a name in ../shared/bench-data")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--split", default="test")
    parser.add_argument("--rank-bm25-queries", type=int, default=None, metavar="N")
    parser.add_argument("--scale", action="store_true", help="the 10k/100k/1M passages curve")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument(
        "--sources", nargs="+", default=["scifact", "nfcorpus"], help="BEIR folders for --scale"
    )
    args = parser.parse_args(argv)
    if args.scale:
        result = run_scale([resolve_dataset(s) for s in args.sources], args.sizes)
        print(json.dumps(result) if args.json else _format_scale(result))
        return 0
    if not args.dataset:
        parser.error("give a DATASET or --scale")
    result = run_benchmark(
        resolve_dataset(args.dataset), split=args.split, rank_bm25_queries=args.rank_bm25_queries
    )
    print(json.dumps(result) if args.json else _format_table(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
