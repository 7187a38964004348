"""Answer quality, side by side: lingnan against plain BM25 and the naive approach.

    python -m retrieval.evaluate [--set seeds|dev|grown ...] [--details] [--json]

Three sets, each on its own corpus, in one run:

- seeds: the seeds' own questions (``retrieval/data/eval/questions.toml``) on the five seeds;
- dev: the development corpus's questions on its 40 real web pages (``../shared/dev-corpus``,
  read where it lies, never copied), split into a tuning half and a check half (see
  ``retrieval.evaluation.questions``), cross-language questions apart;
- grown: the seeds' questions on the seeds and the development pages together, since a corpus
  that grows must not lose the answers it had.

For each: top-1 and top-3 (the share of questions whose first, or first three, passages hold an
expected phrase), MRR@10, answerable questions answered with nothing, and off-topic questions
answered with nothing; for the dev set also per kind and per language. Every approach searches
the same passages.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from retrieval.evaluation.baselines import naive_answer, plain_bm25_answer
from retrieval.evaluation.questions import QuestionSet, load_questions
from retrieval.evaluation.report import SetResult, as_json, format_report
from retrieval.evaluation.scoring import DEPTH, Evaluation, evaluate

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED_QUESTIONS = Path(__file__).parent / "data" / "eval" / "questions.toml"
DEV_CORPUS = ROOT.parent / "shared" / "dev-corpus"
SETS = ("seeds", "dev", "grown")


def run_set(name: str, description: str, corpus: Path, question_set: QuestionSet) -> SetResult:
    """lingnan, plain BM25 and the naive approach on ``corpus``."""
    from retrieval.library import Library

    # Built afresh, as the bot builds it: a saved index must not stand in for the code under test.
    library = Library.load(corpus, use_cache=False)
    lingnan = evaluate(
        "lingnan",
        # A quote shown in the question's language answers in its counterparts' words too.
        lambda q: [
            "\n".join([r.text, *(c.text for c in r.also_in)])
            for r in library.search(q, top_k=DEPTH).results
        ],
        question_set,
    )
    passages = library.corpus.passages
    plain = evaluate(
        "plain BM25", plain_bm25_answer(passages, library.searcher.tokenizer), question_set
    )
    paragraphs = [p.text for doc in library.corpus.documents for p in doc.paragraphs]
    naive = evaluate("naive", naive_answer(paragraphs), question_set)
    return SetResult(name, description, [lingnan, plain, naive])


def run(sets: Sequence[str] = SETS, dev_corpus: Path = DEV_CORPUS) -> list[SetResult]:
    """The named sets that can be run here (the dev sets need ``dev_corpus``)."""
    results = []
    seed_questions = load_questions(SEED_QUESTIONS)
    dev_docs = dev_corpus / "docs"
    if "seeds" in sets:
        results.append(run_set("seeds", "seed questions on the five seeds", SEEDS, seed_questions))
    if "dev" in sets and dev_docs.is_dir():
        dev_questions = load_questions(dev_corpus / "questions.toml")
        results.append(run_set("dev", "dev questions on the 40 dev pages", dev_docs, dev_questions))
    if "grown" in sets and dev_docs.is_dir():
        with tempfile.TemporaryDirectory(prefix="lingnan-grown-") as folder:
            grown = Path(folder)
            shutil.copytree(SEEDS, grown, dirs_exist_ok=True, ignore=_saved_index)
            shutil.copytree(dev_docs, grown, dirs_exist_ok=True, ignore=_saved_index)
            description = "seed questions on the seeds and the 40 dev pages together"
            results.append(run_set("grown", description, grown, seed_questions))
    return results


def _saved_index(folder: str, names: list[str]) -> list[str]:
    return [n for n in names if n.startswith(".")]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m retrieval.evaluate", description=(__doc__ or "").split("\n")[0]
    )
    parser.add_argument("--set", dest="sets", action="append", choices=SETS)
    parser.add_argument("--dev-corpus", type=Path, default=DEV_CORPUS)
    parser.add_argument("--details", action="store_true", help="list lingnan's misses")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    sets = args.sets or SETS
    if set(sets) & {"dev", "grown"} and not (args.dev_corpus / "docs").is_dir():
        print(f"no dev corpus at {args.dev_corpus}: only the seeds set is run", file=sys.stderr)
    results = run(sets, args.dev_corpus)
    if args.json:
        print(json.dumps(as_json(results), indent=1))
    else:
        print(format_report(results, details=args.details))
    return 0


__all__ = ["Evaluation", "main", "run", "run_set"]

if __name__ == "__main__":
    sys.exit(main())
