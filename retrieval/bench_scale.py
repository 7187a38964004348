"""``python -m retrieval.bench --scale``: every engine at 10k, 100k and 1M passages.

Passages are one to three sentences drawn at random (fixed seed) from the BEIR corpora's
documents, tokenized as in the BEIR benchmark; the queries are 300 of their test queries. Each
engine is built, asked every query three times, one at a time, and dropped before the next; a
query's latency is its median (rank_bm25: the first 20 queries, once, as it scores every passage
in Python). Memory is the growth of the process's resident set from before the build to after
the queries (Linux ``/proc``), so it counts what numpy, Rust and Python hold alike; lingnan's own
arrays are given too.
"""

from __future__ import annotations

import gc
import json
import os
import random
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from retrieval.bench import (
    ENGINES,
    TOP_K,
    _records,
    available_engines,
    build_engines,
    load_beir,
    percentile_ms,
    time_one_at_a_time,
)
from retrieval.bench_engines import Lingnan
from retrieval.sentences import split_sentences
from retrieval.tokenize import Tokenizer

RANK_BM25_QUERIES = 20
PASSES = 3


def sentence_pool(folders: Sequence[Path], tokenizer: Tokenizer) -> list[list[str]]:
    """Tokenized sentences of every document of the given BEIR folders."""
    pool: list[list[str]] = []
    for folder in folders:
        for doc in _records(folder / "corpus.jsonl"):
            text = f"{doc.get('title') or ''}. {doc.get('text') or ''}"
            for start, end in split_sentences(text, "en"):
                tokens = tokenizer.tokenize(text[start:end], "en")
                if tokens:
                    pool.append(tokens)
    return pool


def random_passages(pool: list[list[str]], size: int, rng: random.Random) -> list[list[str]]:
    passages = []
    for _ in range(size):
        passage: list[str] = []
        for _ in range(rng.randint(1, 3)):
            passage += pool[rng.randrange(len(pool))]
        passages.append(passage)
    return passages


def resident_mib() -> float | None:
    """This process's resident set, in MiB (None off Linux)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def run_scale(
    folders: Sequence[Path],
    sizes: Sequence[int],
    *,
    engines: Sequence[str] = ENGINES,
    queries: int = 300,
    seed: int = 13,
) -> dict[str, Any]:
    tokenizer = Tokenizer()
    pool = sentence_pool(folders, tokenizer)
    query_tokens: list[list[str]] = []
    for folder in folders:
        dataset = load_beir(folder)
        query_tokens += [tokenizer.tokenize(t, "en") for t in dataset.queries.values()]
    rng = random.Random(seed)
    rng.shuffle(query_tokens)
    query_tokens = [t for t in query_tokens if t][:queries]
    names, left_out = available_engines(engines)
    rows = []
    for size in sizes:
        passages = random_passages(pool, size, rng)
        for name in names:
            rows.append(_measure(name, passages, query_tokens))
            print(json.dumps(rows[-1]), file=sys.stderr)
        del passages
        gc.collect()
    return {
        "sources": [str(f) for f in folders],
        "sentences": len(pool),
        "queries": len(query_tokens),
        "rank_bm25_queries": min(RANK_BM25_QUERIES, len(query_tokens)),
        "engines": names,
        "left_out": left_out,
        "rows": rows,
    }


def _measure(name: str, passages: list[list[str]], queries: list[list[str]]) -> dict[str, Any]:
    gc.collect()
    before = resident_mib()
    built, build_seconds = build_engines([name], passages, 1.5, 0.75)
    asked = queries[:RANK_BM25_QUERIES] if name == "rank_bm25" else queries
    passes = 1 if name == "rank_bm25" else PASSES
    _, _, latencies = time_one_at_a_time(built, asked, passes=passes)
    after = resident_mib()
    engine = built[name]
    row: dict[str, Any] = {
        "engine": name,
        "passages": len(passages),
        "build_seconds": build_seconds[name],
        "queries": len(asked),
        "p50_ms": percentile_ms(latencies[name], 50),
        "p99_ms": percentile_ms(latencies[name], 99),
        "resident_mib": None if before is None or after is None else after - before,
    }
    if isinstance(engine, Lingnan):
        row["index_arrays_mib"] = engine.held_bytes() / 2**20
        row["postings"] = len(engine.index._indices)
    del built, engine
    gc.collect()
    return row


def format_scale(result: dict[str, Any]) -> str:
    lines = [
        f"{result['sentences']:,} sentences from "
        f"{', '.join(Path(s).name for s in result['sources'])}; {result['queries']} queries "
        f"one at a time, top {TOP_K} (rank_bm25: {result['rank_bm25_queries']})",
        "| passages | engine | build s | p50 ms | p99 ms | resident MiB |",
        "|---|---|---|---|---|---|",
    ]
    for row in result["rows"]:
        memory = row["resident_mib"]
        lines.append(
            f"| {row['passages']:,} | {row['engine']} | {row['build_seconds']:.1f} | "
            f"{row['p50_ms']:.3f} | {row['p99_ms']:.3f} | "
            f"{'-' if memory is None else f'{memory:,.0f}'} |"
        )
    for row in result["rows"]:
        if row["engine"] == "lingnan":
            lines.append(
                f"lingnan at {row['passages']:,} passages: {row['postings']:,} postings, "
                f"arrays and vocabulary {row['index_arrays_mib']:,.0f} MiB"
            )
    for name, reason in result["left_out"].items():
        lines.append(f"{name}: left out ({reason}; `pip install -e '.[bench]'`)")
    return "\n".join(lines)
