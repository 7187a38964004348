"""Results: the passage with its document and offsets, and the words that matched."""

from __future__ import annotations

from retrieval.search import Searcher


def test_results_carry_metadata_and_offsets(searcher: Searcher) -> None:
    """A result has its passage text, document info, paragraph, offsets and language."""
    result = searcher.search("crop germplasm samples").results[0]
    assert result.document.id == "doc-en"
    assert (result.paragraph, result.passage_id, result.language) == (3, 2, "en")
    assert result.end - result.start == len(result.text)
    assert result.score > 0


def test_matched_terms_are_surface_words(searcher: Searcher) -> None:
    """matched_terms lists the passage's words as written, in order, without overlaps."""
    result = searcher.search("brain computer interface").results[0]
    assert result.matched_terms == ["brain", "computer", "interfaces"]
    result = searcher.search("brain-computer interface").results[0]
    assert result.matched_terms == ["brain-computer", "interfaces"]


def test_matched_terms_for_chinese_prefer_the_longest_word(searcher: Searcher) -> None:
    """In Chinese, the whole word is listed, not its parts ("张劲松", not "劲松")."""
    result = searcher.search("张劲松").results[0]
    assert result.matched_terms == ["张劲松"]
