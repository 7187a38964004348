"""A topic through time: its best quotes in the order of their documents' dates.

A timeline is a search (the relevance floor applies: a topic the corpus lacks has no timeline)
with a larger k, its quotes reordered by date, each shown by the sentence that matched best.
The search already makes copies of one text (``retrieval.duplicates``) and translations one
quote; a sentence that still comes twice (two cuts of one story) is shown once.
"""

from __future__ import annotations

from retrieval.folding import fold
from retrieval.models import SearchResponse, SearchResult, Timeline, TimelineEntry
from retrieval.sentences import split_sentences

# Quotes a timeline searches for: enough for a topic's history, bounded for the reader.
TIMELINE_RESULTS = 50


def timeline_of(topic: str, response: SearchResponse) -> Timeline:
    """The quotes of ``response`` as a timeline: dated ones oldest first (the better-ranked
    first on one day), undated ones apart, best first; each sentence once."""
    seen: set[str] = set()
    dated: list[TimelineEntry] = []
    undated: list[TimelineEntry] = []
    for result in response.results:
        sentence = " ".join(best_sentence(result).split())  # one line: a heading's breaks go
        key = " ".join(fold(sentence).split())
        if key in seen:
            continue
        seen.add(key)
        entry = TimelineEntry(date=result.document.date, sentence=sentence, result=result)
        (dated if entry.date else undated).append(entry)
    dated.sort(key=lambda entry: entry.date or "")  # stable: rank order within a day
    return Timeline(
        topic=topic, entries=dated, undated=undated, corrections=list(response.corrections)
    )


def best_sentence(result: SearchResult) -> str:
    """The sentence of the quote holding the most of its matched words (the first on a tie;
    the whole quote when it is one sentence)."""
    spans = split_sentences(result.text, result.language)
    if len(spans) <= 1:
        return result.text.strip()
    words = {fold(word) for word in result.matched_terms}

    def matched(span: tuple[int, int]) -> int:
        sentence = fold(result.text[span[0] : span[1]])
        return sum(word in sentence for word in words)

    start, end = max(spans, key=matched)  # max keeps the first of equals
    return result.text[start:end]
