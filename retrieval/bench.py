"""Benchmark the BM25 kernel and the search path on BEIR data beside the fastest peers, in one run.

    python -m retrieval.bench DATASET [--json] [--engines ...] [--rank-bm25-queries N]
    python -m retrieval.bench --scale [--sizes 10000 100000 1000000] [--json]

DATASET is a BEIR folder (corpus.jsonl, queries.jsonl, qrels/test.tsv) or the name of one in
``../shared/bench-data``. Every engine of ``retrieval.bench_engines`` gets the same tokens (this
project's tokenizer, English rules, documents as "title text") and answers one query at a time,
top 10, one thread, tokenization excluded; the engines take turns pass after pass, so a busy
neighbour on the machine slows all of them. Each query's latency is its median over five passes;
reported per engine: queries per second (queries over the sum of those latencies), p50 and p99,
nDCG@10 on the test qrels, build seconds. Batched calls (bm25s's ``retrieve`` of all queries at
once) are a table apart.

lingnan is checked against rank_bm25 on the same run: the largest relative score difference and
how many top-10 rankings are identical (ties by passage id).

``Library.search`` is the path the bot uses, from the question's text: the BEIR corpus is written
into a temporary folder as a JSON Lines file the corpus loader reads (one document per record,
passages cut as for any corpus), loaded, warmed up, and asked every test query.

``--scale`` draws passages of one to three sentences at random from both corpora's documents and
runs every engine at 10k, 100k and 1M passages (rank_bm25 on 20 queries: it scores every passage
in Python), measuring build seconds, p50/p99 latency and resident memory the built engine holds.
"""

from __future__ import annotations

import argparse
import csv
import gc
import json
import math
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from retrieval.bench_engines import BUILDERS, Engine, Lingnan, missing_package, ranked_ids
from retrieval.tokenize import Tokenizer

SHARED_BENCH_DATA = Path(__file__).resolve().parents[2] / "shared" / "bench-data"
TOP_K = 10
ENGINES = tuple(BUILDERS)
LIBRARY = "lingnan Library.search"


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
    for doc in _records(folder / "corpus.jsonl"):
        doc_ids.append(str(doc["_id"]))
        doc_texts.append(f"{doc.get('title') or ''} {doc.get('text') or ''}".strip())
    queries = {
        str(query["_id"]): query["text"]
        for query in _records(folder / "queries.jsonl")
        if str(query["_id"]) in qrels
    }
    return BeirDataset(folder.name, doc_ids, doc_texts, queries, qrels)


def _records(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def ndcg_at_k(ranked: Sequence[str], judged: dict[str, int], k: int = TOP_K) -> float:
    """nDCG@k with linear gains, as BEIR's pytrec_eval ``ndcg_cut``; 0 when nothing is relevant."""
    dcg = sum(judged.get(doc, 0) / math.log2(rank + 2) for rank, doc in enumerate(ranked[:k]))
    ideal = sorted((g for g in judged.values() if g > 0), reverse=True)[:k]
    idcg = sum(g / math.log2(rank + 2) for rank, g in enumerate(ideal))
    return dcg / idcg if idcg > 0 else 0.0


def percentile_ms(seconds: Sequence[float], q: float) -> float:
    return float(np.percentile(np.asarray(seconds), q)) * 1000 if len(seconds) else 0.0


def available_engines(wanted: Sequence[str]) -> tuple[list[str], dict[str, str]]:
    """The engines of ``wanted`` this environment can run, and why each other one cannot."""
    missing = {name: missing_package(name) for name in wanted}
    left_out = {name: f"{package} is not installed" for name, package in missing.items() if package}
    return [name for name in wanted if name not in left_out], left_out


def build_engines(
    names: Sequence[str], passages: Sequence[Sequence[str]], k1: float, b: float
) -> tuple[dict[str, Engine], dict[str, float]]:
    engines: dict[str, Engine] = {}
    seconds: dict[str, float] = {}
    for name in names:
        gc.collect()
        started = time.perf_counter()
        engines[name] = BUILDERS[name](passages, k1, b)
        seconds[name] = time.perf_counter() - started
    return engines, seconds


def time_one_at_a_time(
    engines: dict[str, Engine], queries: Sequence[Sequence[str]], *, passes: int
) -> tuple[dict[str, list[np.ndarray]], dict[str, float], dict[str, list[float]]]:
    """Every engine answers every query alone, ``passes`` times, engines taking turns; the
    garbage collector paused while timing. Returns the rankings, queries/s and each query's
    median latency over the passes: a stall of the shared machine in one pass does not become a
    query's latency, and queries/s is the number of queries over the sum of those medians."""
    rankings: dict[str, list[np.ndarray]] = {}
    runs: dict[str, list[list[float]]] = {name: [] for name in engines}
    for _ in range(passes):
        for name, engine in engines.items():
            gc.collect()
            gc.disable()
            try:
                rankings[name], latencies = _one_pass(engine, queries)
            finally:
                gc.enable()
            runs[name].append(latencies)
    medians = {name: np.median(np.asarray(r), axis=0).tolist() for name, r in runs.items()}
    qps = {name: len(queries) / sum(m) if sum(m) else 0.0 for name, m in medians.items()}
    return rankings, qps, medians


def _one_pass(
    engine: Engine, queries: Sequence[Sequence[str]]
) -> tuple[list[np.ndarray], list[float]]:
    answers = []
    latencies = []
    clock = time.perf_counter
    for tokens in queries:
        started = clock()
        answers.append(engine.search(tokens, TOP_K))
        latencies.append(clock() - started)
    return answers, latencies


def _time_batched(
    engines: dict[str, Engine], queries: Sequence[Sequence[str]], passes: int
) -> dict[str, float]:
    """Queries per second of one call with every query, for engines that have such a call."""
    qps = {}
    for name, engine in engines.items():
        best = math.inf
        for _ in range(passes):
            started = time.perf_counter()
            if engine.search_batch(queries, TOP_K) is None:
                break
            best = min(best, time.perf_counter() - started)
        if best < math.inf:
            qps[name] = len(queries) / best
    return qps


def score_agreement(
    lingnan: Lingnan, reference: Any, queries: Sequence[Sequence[str]]
) -> dict[str, Any]:
    """Largest relative score difference to rank_bm25's ``get_scores`` and how many top-10
    rankings are identical (rank_bm25's ranked by score, then passage id)."""
    worst = 0.0
    identical = 0
    for tokens in queries:
        expected = reference.okapi.get_scores(tokens)
        mine = lingnan.index.scores(tokens)
        differing = mine != expected
        if differing.any():
            scale = np.maximum(np.abs(expected[differing]), np.finfo(float).tiny)
            worst = max(worst, float(np.max(np.abs(mine - expected)[differing] / scale)))
        ids, top_scores = lingnan.index.top_k(tokens, TOP_K)
        same = ids.tolist() == ranked_ids(expected, TOP_K).tolist()
        identical += same and bool(np.all(top_scores == expected[ids]))
    return {"max_rel_score_diff": worst, "identical_top10": identical, "compared": len(queries)}


def run_benchmark(
    folder: Path,
    *,
    split: str = "test",
    engines: Sequence[str] = ENGINES,
    library: bool = True,
    rank_bm25_queries: int | None = None,
    k1: float = 1.5,
    b: float = 0.75,
    passes: int = 5,
) -> dict[str, Any]:
    """Everything ``python -m retrieval.bench DATASET --json`` prints."""
    dataset = load_beir(folder, split)
    tokenizer = Tokenizer()
    passages = [tokenizer.tokenize(text, "en") for text in dataset.doc_texts]
    query_ids = list(dataset.queries)
    queries = [tokenizer.tokenize(dataset.queries[q], "en") for q in query_ids]
    names, left_out = available_engines(engines)
    built, build_seconds = build_engines(names, passages, k1, b)

    okapi_limit = (
        len(queries) if rank_bm25_queries is None else min(rank_bm25_queries, len(queries))
    )
    timed = {name: engine for name, engine in built.items() if name != "rank_bm25"}
    rankings, qps, latencies = time_one_at_a_time(timed, queries, passes=passes)
    if "rank_bm25" in built:
        okapi = time_one_at_a_time(
            {"rank_bm25": built["rank_bm25"]}, queries[:okapi_limit], passes=1
        )
        rankings.update(okapi[0])
        qps.update(okapi[1])
        latencies.update(okapi[2])
    result: dict[str, Any] = {
        "dataset": dataset.name,
        "documents": len(passages),
        "queries": len(queries),
        "rank_bm25_queries": okapi_limit if "rank_bm25" in built else 0,
        "engines": list(built),
        "left_out": left_out,
        "qps": qps,
        "p50_ms": {name: percentile_ms(values, 50) for name, values in latencies.items()},
        "p99_ms": {name: percentile_ms(values, 99) for name, values in latencies.items()},
        "ndcg@10": {
            name: _ndcg(dataset, query_ids, ranked)
            for name, ranked in rankings.items()
            if getattr(built[name], "one_segment", True)
        },
        "build_seconds": build_seconds,
        "batched_qps": _time_batched(timed, queries, passes),
    }
    if "lingnan" in built and "rank_bm25" in built:
        lingnan = built["lingnan"]
        assert isinstance(lingnan, Lingnan)
        result["vs_rank_bm25"] = score_agreement(lingnan, built["rank_bm25"], queries[:okapi_limit])
        result["lingnan_compiled"] = lingnan.index._top_k.compiled
    del built
    gc.collect()
    if library:
        result["library"] = time_library(folder, list(dataset.queries.values()))
    return result


def _ndcg(dataset: BeirDataset, query_ids: list[str], ranked: list[np.ndarray]) -> float:
    values = [
        ndcg_at_k([dataset.doc_ids[i] for i in ids], dataset.qrels[query_ids[n]])
        for n, ids in enumerate(ranked)
    ]
    return float(np.mean(values)) if values else 0.0


def time_library(folder: Path, questions: Sequence[str], *, passes: int = 3) -> dict[str, Any]:
    """``Library.search`` (top 10) on the BEIR corpus loaded as a corpus folder: load and
    warm-up seconds, the first question's latency, then queries/s and p50/p99 of each question's
    median over ``passes``."""
    from retrieval.library import Library

    with tempfile.TemporaryDirectory(prefix="lingnan-bench-") as temporary:
        corpus = Path(temporary) / "corpus"
        corpus.mkdir()
        _write_corpus_jsonl(folder / "corpus.jsonl", corpus / "corpus.jsonl")
        started = time.perf_counter()
        library = Library.load(corpus, use_cache=False)
        load_seconds = time.perf_counter() - started
        started = time.perf_counter()
        library.warm_up()
        warm_up_seconds = time.perf_counter() - started
        runs = []
        for _ in range(passes):
            pass_latencies = []
            for question in questions:
                started = time.perf_counter()
                library.search(question, top_k=TOP_K)
                pass_latencies.append(time.perf_counter() - started)
            runs.append(pass_latencies)
    latencies = np.median(np.asarray(runs), axis=0).tolist() if questions else []
    return {
        "passages": library.stats.passages,
        "load_seconds": load_seconds,
        "warm_up_seconds": warm_up_seconds,
        "first_question_ms": runs[0][0] * 1000 if questions else 0.0,
        "qps": len(latencies) / sum(latencies) if latencies else 0.0,
        "mean_ms": float(np.mean(latencies)) * 1000 if latencies else 0.0,
        "p50_ms": percentile_ms(latencies, 50),
        "p99_ms": percentile_ms(latencies, 99),
    }


def _write_corpus_jsonl(source: Path, target: Path) -> None:
    """BEIR's records as the corpus loader reads them: ``_id``, ``title``, ``text``."""
    with target.open("w", encoding="utf-8") as out:
        for doc in _records(source):
            if str(doc.get("text") or "").strip():
                record = {"_id": doc["_id"], "title": doc.get("title") or "", "text": doc["text"]}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")


# ---- command line --------------------------------------------------------------------------


def format_table(result: dict[str, Any]) -> str:
    okapi = result["rank_bm25_queries"]
    lines = [
        f"{result['dataset']}: {result['documents']:,} documents, {result['queries']} test "
        f"queries, one at a time, top {TOP_K}"
        + (f" (rank_bm25 on {okapi})" if okapi != result["queries"] else ""),
        "| engine | queries/s | vs lingnan | p50 ms | p99 ms | nDCG@10 | build s |",
        "|---|---|---|---|---|---|---|",
    ]
    base = result["qps"].get("lingnan") or 0.0
    for name in result["engines"]:
        qps = result["qps"][name]
        ndcg = result["ndcg@10"].get(name)
        lines.append(
            f"| {name} | {qps:,.0f} | {qps / base if base else 0:.2f} | "
            f"{result['p50_ms'][name]:.3f} | {result['p99_ms'][name]:.3f} | "
            f"{'-' if ndcg is None else f'{ndcg:.4f}'} | {result['build_seconds'][name]:.2f} |"
        )
    if "library" in result:
        lib = result["library"]
        lines.append(
            f"| {LIBRARY} ({lib['passages']:,} passages, from the question's text) | "
            f"{lib['qps']:,.0f} | {lib['qps'] / base if base else 0:.3f} | {lib['p50_ms']:.3f} | "
            f"{lib['p99_ms']:.3f} | - | {lib['load_seconds']:.1f} |"
        )
    for name, reason in result["left_out"].items():
        lines.append(f"{name}: left out ({reason}; `pip install -e '.[bench]'`)")
    if result["batched_qps"]:
        batched = ", ".join(f"{n} {q:,.0f}" for n, q in result["batched_qps"].items())
        lines.append(f"batched (all queries in one call), queries/s: {batched}")
    if "vs_rank_bm25" in result:
        check = result["vs_rank_bm25"]
        lines.append(
            f"lingnan vs rank_bm25: largest relative score difference "
            f"{check['max_rel_score_diff']:.3g}; identical top-{TOP_K} rankings and scores "
            f"{check['identical_top10']}/{check['compared']}; kernel compiled with numba: "
            f"{'yes' if result['lingnan_compiled'] else 'no'}"
        )
    if "library" in result:
        lib = result["library"]
        lines.append(
            f"{LIBRARY}: load {lib['load_seconds']:.1f} s, warm-up {lib['warm_up_seconds']:.1f} s, "
            f"first question {lib['first_question_ms']:.1f} ms, mean {lib['mean_ms']:.2f} ms"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    from retrieval import bench_scale

    parser = argparse.ArgumentParser(
        prog="python -m retrieval.bench", description=__doc__.split("\n")[0]
    )
    parser.add_argument("dataset", nargs="?", help="BEIR folder, or a name in ../shared/bench-data")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--split", default="test")
    parser.add_argument("--engines", nargs="+", choices=ENGINES, default=list(ENGINES))
    parser.add_argument("--no-library", action="store_true", help=f"leave out {LIBRARY}")
    parser.add_argument("--rank-bm25-queries", type=int, default=None, metavar="N")
    parser.add_argument("--scale", action="store_true", help="every engine at 10k/100k/1M passages")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument(
        "--sources", nargs="+", default=["scifact", "nfcorpus"], help="BEIR folders for --scale"
    )
    args = parser.parse_args(argv)
    output: Callable[[dict[str, Any]], str]
    if args.scale:
        result = bench_scale.run_scale(
            [resolve_dataset(s) for s in args.sources], args.sizes, engines=args.engines
        )
        output = bench_scale.format_scale
    elif args.dataset:
        result = run_benchmark(
            resolve_dataset(args.dataset),
            split=args.split,
            engines=args.engines,
            library=not args.no_library,
            rank_bm25_queries=args.rank_bm25_queries,
        )
        output = format_table
    else:
        parser.error("give a DATASET or --scale")
    print(json.dumps(result) if args.json else output(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
