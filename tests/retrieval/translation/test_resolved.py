"""Dictionary phrases resolved against an index: what each translates to there."""

from __future__ import annotations

from retrieval.index import BM25Index
from retrieval.tokenize import Tokenizer
from retrieval.translation.lexicon import WordPair
from retrieval.translation.resolved import ResolvedDictionary
from tests.retrieval.translation.conftest import PAIRS


def test_a_chinese_phrase_the_segmenter_cuts_resolves_to_its_parts(
    tokenizer: Tokenizer, index: BM25Index
) -> None:
    """ "new quality productive forces" translates to 新质生产力's parts, all in the index."""
    resolved = ResolvedDictionary(tokenizer, index, PAIRS)
    (stems, found), *_ = resolved.latin[("en", "new")]
    assert stems == ("new", "qualiti", "product", "forc")
    assert len(found[0].terms) > 1
    assert all(term in index for term in found[0].terms)


def test_an_english_phrase_resolves_to_its_stems(tokenizer: Tokenizer, index: BM25Index) -> None:
    """外贸 translates to the stems of "foreign trade"."""
    resolved = ResolvedDictionary(tokenizer, index, PAIRS)
    assert ("foreign", "trade") in [c.terms for c in resolved.chinese["外贸"]]


def test_a_phrase_without_translation_in_the_index_has_no_entry(
    tokenizer: Tokenizer, index: BM25Index
) -> None:
    """A pair neither side of which the index holds leaves nothing behind."""
    resolved = ResolvedDictionary(tokenizer, index, [WordPair("zh", "饺子", "en", "dumpling")])
    assert resolved.chinese == {}
    assert resolved.latin == {}


def test_chinese_and_german_are_joined_through_english(
    tokenizer: Tokenizer, index: BM25Index
) -> None:
    """半导体 = semiconductor = Halbleiter gives 半导体 a German translation and back."""
    resolved = ResolvedDictionary(tokenizer, index, PAIRS)
    assert "Halbleiter" in [c.phrase for c in resolved.chinese["半导体"]]
    german = [found for key, found in resolved.latin[("de", "halbleit")] if len(key) == 1]
    assert "半导体" in [c.phrase for c in german[0]]
