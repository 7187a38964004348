"""Passages as search results: the passage, its document, and the words that matched."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from retrieval.models import DocumentInfo, Passage, SearchResult
from retrieval.tokenize import Token


def search_result(
    passage: Passage,
    document: DocumentInfo,
    score: float,
    wanted: Collection[str],
    tokens: Sequence[Token],
) -> SearchResult:
    """``passage`` as a result, with the words of it whose term is ``wanted`` as matched;
    ``tokens`` are the passage's (``Tokenizer.tokens``)."""
    return SearchResult(
        text=passage.text,
        score=float(score),
        matched_terms=matched_surfaces(passage.text, tokens, wanted),
        document=document,
        paragraph=passage.paragraph,
        start=passage.start,
        end=passage.end,
        language=passage.language,
        passage_id=passage.id,
        page=passage.page,
    )


def matched_surfaces(text: str, tokens: Sequence[Token], wanted: Collection[str]) -> list[str]:
    """The words of ``text`` that matched, as written, in order, each once.

    A match inside a longer match ("劲松" in "张劲松", "brain" in "brain-computer") is left out,
    so the caller can highlight every listed word without overlaps.
    """
    spans = sorted(
        {(t.start, t.end) for t in tokens if t.term in wanted}, key=lambda s: (s[0], -s[1])
    )
    kept: list[tuple[int, int]] = []
    for start, end in spans:
        if kept and start < kept[-1][1]:
            continue
        kept.append((start, end))
    return list(dict.fromkeys(text[start:end] for start, end in kept))
