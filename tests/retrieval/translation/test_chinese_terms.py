"""Chinese dictionary phrases as the index holds them: whole, or by their parts."""

from __future__ import annotations

from pathlib import Path

from retrieval.index import BM25Index
from retrieval.tokenize import Tokenizer
from retrieval.translation.cedict import cedict_glosses
from retrieval.translation.chinese_terms import chinese_terms, headwords_maybe_cut, may_be_cut


def test_a_word_the_index_holds_is_its_own_term(tokenizer: Tokenizer, index: BM25Index) -> None:
    """半导体 is an index term as it stands."""
    assert chinese_terms("半导体", tokenizer, index) == ("半导体",)


def test_a_word_the_segmenter_cuts_is_held_by_its_parts(
    tokenizer: Tokenizer, index: BM25Index
) -> None:
    """新质生产力 is held as the parts passages are indexed by."""
    assert chinese_terms("新质生产力", tokenizer, index) == ("新质", "生产力")


def test_a_phrase_whose_parts_the_index_lacks_is_not_held(
    tokenizer: Tokenizer, index: BM25Index
) -> None:
    """No passage speaks of dumpling shops: nothing to search."""
    assert chinese_terms("饺子馆子", tokenizer, index) is None


def test_only_longer_words_the_segmenter_does_not_know_may_be_cut() -> None:
    """Two characters, or a word in the segmenter's dictionary, are held whole or not at all."""
    assert may_be_cut("新质生产力")
    assert not may_be_cut("港口")
    assert not may_be_cut("半导体")
    assert not may_be_cut("B超声波")


def test_the_headwords_that_may_be_cut_keep_the_dictionarys_order(tmp_path: Path) -> None:
    """Of a dictionary's headwords, those that may be cut, in order."""
    path = tmp_path / "cedict.u8"
    path.write_text(
        "新質生產力 新质生产力 [xin1 zhi4] /new quality productive forces/\n"
        "港口 港口 [gang3 kou3] /port/\n"
        "外貿進出口 外贸进出口 [wai4 mao4] /foreign trade/\n",
        encoding="utf-8",
    )
    assert headwords_maybe_cut(cedict_glosses(path)) == ("新质生产力", "外贸进出口")
