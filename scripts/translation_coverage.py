"""How far the translation table alone carries cross-language questions to their answers.

    .venv/bin/python scripts/translation_coverage.py [--corpus DIR] [--questions FILE]
        [--max-translations N] [--no-glossary zh-en] [--quiet]

For each cross-language question of the development set (``kind = "cross-language"``: the
answer is only in passages of another language), the question's content words are translated
with ``TranslationTable`` and each translation's terms are looked for in the passages holding an
expected phrase. Prints, per question, the words translated and those whose translation the
answer passage holds ("found through"), then per language pair (question -> answer):

- questions: how many have at least one word whose translation the answer passage holds;
- words: of the questions' content words, how many were translated, and how many of those
  reach the answer passage;
- mean fan-out: translations per translated word;
- the answer passage's rank when every passage is scored by the translations alone (each
  word's translations one group, ``BM25Index.group_matches``): how often it comes first, in
  the top 3, in the top 10 of all passages.

Reads the corpus and questions at run time (nothing of them is copied); writes nothing. Also
prints the time to read the dictionaries and build the table, and the resident memory before
and after.
"""

from __future__ import annotations

import argparse
import gc
import logging
import sys
import time
import tomllib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from retrieval.corpus import load_corpus  # noqa: E402
from retrieval.evaluation.scoring import holds  # noqa: E402
from retrieval.index import BM25Index  # noqa: E402
from retrieval.models import Passage  # noqa: E402
from retrieval.tokenize import Tokenizer  # noqa: E402
from retrieval.translation.cedict import read_cedict  # noqa: E402
from retrieval.translation.glossary import read_glossaries  # noqa: E402
from retrieval.translation.lexicon import (  # noqa: E402
    WordPair,
    cedict_pairs,
    glossary_pairs,
)
from retrieval.translation.table import TranslationTable  # noqa: E402

DEV = REPO.parent / "shared" / "dev-corpus"


@dataclass
class PairCount:
    """Counts for one language pair (question language -> answer language)."""

    questions: int = 0
    reached: int = 0
    words: int = 0
    translated: int = 0
    hits: int = 0
    fan_out: list[int] = field(default_factory=list)
    ranks: list[int | None] = field(default_factory=list)  # the answer's, translations alone


def _pairs(skip: set[str]) -> list[WordPair]:
    """Every dictionary's pairs but the glossaries named in ``skip`` ("zh-en")."""
    entries = [e for e in read_glossaries() if f"{e.language}-{e.other_language}" not in skip]
    return [*glossary_pairs(entries), *cedict_pairs(read_cedict())]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEV / "docs")
    parser.add_argument("--questions", type=Path, default=DEV / "questions.toml")
    parser.add_argument("--max-translations", type=int, default=4)
    parser.add_argument("--no-glossary", action="append", default=[], metavar="A-B")
    parser.add_argument("--quiet", action="store_true", help="only the summary")
    args = parser.parse_args(argv)
    logging.disable(logging.WARNING)  # the corpus's catalogue notes are not this script's

    corpus = load_corpus(args.corpus)
    tokenizer = Tokenizer()
    tokenizer.warm_up()
    indexed = [tokenizer.index_terms(p.text, p.language) for p in corpus.passages]
    index = BM25Index.build([t for t, _ in indexed], doc_lengths=[n for _, n in indexed])

    rss_before = _rss_mb()
    started = time.perf_counter()
    pairs = _pairs(set(args.no_glossary))
    read_seconds = time.perf_counter() - started
    table = TranslationTable(tokenizer, index, pairs, max_translations=args.max_translations)
    build_seconds = time.perf_counter() - started - read_seconds
    del pairs
    gc.collect()
    rss_after = _rss_mb()
    started = time.perf_counter()
    table.translate(tokenizer.query_terms("外贸"), "zh", "外贸")
    first_seconds = time.perf_counter() - started

    data = tomllib.loads(args.questions.read_text(encoding="utf-8"))
    counts: dict[str, PairCount] = defaultdict(PairCount)
    for number, entry in enumerate(data.get("question", []), start=1):
        if entry.get("kind") != "cross-language":
            continue
        _measure(number, entry, corpus.passages, (tokenizer, index, table), counts, args.quiet)

    print(
        f"\ntable: dictionaries read in {read_seconds:.1f} s, table built in {build_seconds:.1f} s,"
        f" first look-up {first_seconds:.2f} s; resident memory {rss_before:.0f} -> "
        f"{rss_after:.0f} MB; {len(corpus.passages)} passages; at most {args.max_translations}"
        " translations per word and language"
    )
    print(
        "pair       questions reached   words translated  reaching answer   fan-out"
        "   answer ranked by translations alone: 1st / top 3 / top 10"
    )
    total = PairCount()
    for pair in sorted(counts):
        _row(pair, counts[pair])
        c = counts[pair]
        total.questions += c.questions
        total.reached += c.reached
        total.words += c.words
        total.translated += c.translated
        total.hits += c.hits
        total.fan_out += c.fan_out
        total.ranks += c.ranks
    _row("all", total)
    return 0


def _measure(
    number: int,
    entry: dict,
    passages: list[Passage],
    tools: tuple[Tokenizer, BM25Index, TranslationTable],
    counts: dict[str, PairCount],
    quiet: bool,
) -> None:
    """Translate one question, look for its translations in its answer passages, and rank
    every passage by the translations alone (each group scored as one term)."""
    tokenizer, index, table = tools
    ask, language = entry["ask"], entry.get("language")
    expect = entry["expect"] if isinstance(entry["expect"], list) else [entry["expect"]]
    # The index was built from the passages in this order: a passage's place is its id.
    answers = [(i, p) for i, p in enumerate(passages) if holds(p.text, expect)]
    if not answers:
        print(f"q{number:02d}: no passage holds an expected phrase; skipped")
        return
    answer_terms: dict[str, set[str]] = defaultdict(set)
    answer_ids: dict[str, list[int]] = defaultdict(list)
    for i, passage in answers:  # the answer passages of each language, their terms together
        answer_terms[passage.language].update(
            tokenizer.index_terms(passage.text, passage.language)[0]
        )
        answer_ids[passage.language].append(i)
    words = [
        t
        for t in tokenizer.query_terms(ask)
        if not t.stopword and not t.optional and not any(c.isdigit() for c in t.surface)
    ]
    translations = table.translate(words, tokenizer.question_language(ask), ask)
    scores = np.zeros(index.size)
    for t in translations:
        ids, group_scores = index.group_matches(t.members)
        scores[ids] += group_scores
    for answer_language, terms in answer_terms.items():
        best = max(scores[i] for i in answer_ids[answer_language])
        rank = int((scores > best).sum()) + 1 if best > 0 else None
        pair = counts[f"{language}->{answer_language}"]
        pair.questions += 1
        pair.words += len(words)
        pair.translated += sum(t.length for t in translations)
        reached = []
        for t in translations:
            pair.fan_out.append(len(t.members))
            held = [
                phrase
                for phrase, member in zip(t.phrases, t.members, strict=True)
                if set(member) <= terms
            ]
            if held:
                pair.hits += t.length
                reached.append(f"{t.source} -> {', '.join(held)}")
        pair.reached += bool(reached)
        pair.ranks.append(rank)
        if not quiet:
            tried = "; ".join(f"{t.source}: {', '.join(t.phrases)}" for t in translations)
            print(f"q{number:02d} [{language}->{answer_language}] {ask}  (answer rank {rank})")
            print(f"     translated: {tried or '-'}")
            print(f"     found through: {' | '.join(reached) or '-'}")


def _rss_mb() -> float:
    """This process's resident memory in MB (Linux; 0 elsewhere)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _row(name: str, c: PairCount) -> None:
    fan = sum(c.fan_out) / len(c.fan_out) if c.fan_out else 0.0
    print(
        f"{name:<10} {c.reached:>3}/{c.questions:<3} {_share(c.reached, c.questions):>5}"
        f"   {c.translated:>3}/{c.words:<3} {_share(c.translated, c.words):>5}"
        f"   {c.hits:>3}/{c.translated:<3} {_share(c.hits, c.translated):>5}   {fan:.1f}"
        f"       {_within(c.ranks, 1)} / {_within(c.ranks, 3)} / {_within(c.ranks, 10)}"
    )


def _within(ranks: list[int | None], depth: int) -> int:
    return sum(r is not None and r <= depth for r in ranks)


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "-"


if __name__ == "__main__":
    raise SystemExit(main())
