"""What lingnan is measured against, on the same corpus: the usual first attempts at BM25.

- naive: BM25Okapi over whole paragraphs, ``lower().split()`` tokens, no relevance floor.
- plain BM25: BM25Okapi over lingnan's own passages with lingnan's stemmed tokens, and nothing
  else (no floor, context, names, spelling or synonyms): what the rules on top must beat.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rank_bm25 import BM25Okapi

from retrieval.evaluation.scoring import DEPTH
from retrieval.models import Passage
from retrieval.tokenize import Tokenizer

Answer = Callable[[str], list[str]]


def _ranked(texts: Sequence[str], scores: Sequence[float]) -> list[str]:
    order = sorted(range(len(texts)), key=lambda i: (-scores[i], i))
    return [texts[i] for i in order[:DEPTH] if scores[i] > 0]


def naive_answer(paragraph_texts: Sequence[str]) -> Answer:
    """BM25Okapi over whole paragraphs, ``lower().split()`` tokens, no floor."""
    texts = list(paragraph_texts)
    bm25 = BM25Okapi([t.lower().split() for t in texts])

    def answer(question: str) -> list[str]:
        return _ranked(texts, bm25.get_scores(question.lower().split()))

    return answer


def plain_bm25_answer(passages: Sequence[Passage], tokenizer: Tokenizer) -> Answer:
    """BM25Okapi over the passages' stemmed terms; the question stemmed in its likely language."""
    texts = [p.text for p in passages]
    bm25 = BM25Okapi([tokenizer.tokenize(p.text, p.language) or [""] for p in passages])

    def answer(question: str) -> list[str]:
        language = tokenizer.question_language(question) or "en"
        return _ranked(texts, bm25.get_scores(tokenizer.tokenize(question, language)))

    return answer
