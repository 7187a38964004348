"""Dictionary phrases resolved against an index: what each translates to there."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from retrieval.index import BM25Index
from retrieval.tokenize import Tokenizer
from retrieval.translation.cedict import cedict_glosses
from retrieval.translation.glosses import read_gloss_rules
from retrieval.translation.lexicon import Lexicon, WordPair
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
    assert ("foreign", "trade") in [c.terms for c in resolved.chinese("外贸")]


def test_a_phrase_without_translation_in_the_index_has_no_entry(
    tokenizer: Tokenizer, index: BM25Index
) -> None:
    """A pair neither side of which the index holds leaves nothing behind."""
    resolved = ResolvedDictionary(tokenizer, index, [WordPair("zh", "饺子", "en", "dumpling")])
    assert resolved.chinese("饺子") == ()
    assert resolved.latin == {}


def test_chinese_and_german_are_joined_through_english(
    tokenizer: Tokenizer, index: BM25Index
) -> None:
    """半导体 = semiconductor = Halbleiter gives 半导体 a German translation and back."""
    resolved = ResolvedDictionary(tokenizer, index, PAIRS)
    assert "Halbleiter" in [c.phrase for c in resolved.chinese("半导体")]
    german = [found for key, found in resolved.latin[("de", "halbleit")] if len(key) == 1]
    assert "半导体" in [c.phrase for c in german[0]]


# Invented entries in CC-CEDICT's format, about the test passages.
CEDICT = """外貿 外贸 [wai4 mao4] /foreign trade/
港口 港口 [gang3 kou3] /port/harbour/CL:個|个[ge4]/
口岸 口岸 [kou3 an4] /see 港口[gang3 kou3]/
半導體 半导体 [ban4 dao3 ti3] /semiconductor/
出口 出口 [chu1 kou3] /to speak/exit/to export/
新質生產力 新质生产力 [xin1 zhi4 sheng1 chan3 li4] /new quality productive forces/
增長 增长 [zeng1 zhang3] /to grow/to increase/
口岸 口岸 [kou4 an4] /port/
餃子 饺子 [jiao3 zi5] /dumpling/
截至 截至 [jie2 zhi4] /up to/by (a time)/
"""


@pytest.fixture
def lexicon(tmp_path: Path) -> Lexicon:
    """The test glossary's German pairs, then the invented CC-CEDICT entries, kept as read."""
    path = tmp_path / "cedict.u8"
    path.write_text(CEDICT, encoding="utf-8")
    german = [pair for pair in PAIRS if pair.language == "de"]
    return Lexicon(german, cedict_glosses(path), read_gloss_rules())


def test_cc_cedict_kept_as_read_resolves_as_its_pairs_do(
    tokenizer: Tokenizer, index: BM25Index, lexicon: Lexicon
) -> None:
    """Headwords resolved when asked give what resolving every pair at once gives."""
    lazy = ResolvedDictionary(tokenizer, index, lexicon)
    given = ResolvedDictionary(tokenizer, index, list(lexicon))
    assert lazy.latin == given.latin
    (_, export), *_ = lazy.latin[("en", "export")]
    assert [c.phrase for c in export] == ["出口"]
    for headword in ["外贸", "港口", "口岸", "半导体", "出口", "新质生产力", "增长", "饺子"]:
        assert lazy.chinese(headword) == given.chinese(headword)
    assert [c.phrase for c in lazy.chinese("半导体")] == ["semiconductor", "Halbleiter"]
    assert [c.phrase for c in lazy.chinese("港口")] == ["port", "harbour"]


def test_a_word_whose_every_sense_is_stopwords_is_a_function_word(
    tokenizer: Tokenizer, index: BM25Index, lexicon: Lexicon
) -> None:
    """截至 ("up to", "by") is a word of grammar; 港口 ("port") and 饺子 are not, nor is a
    word no dictionary has."""
    resolved = ResolvedDictionary(tokenizer, index, lexicon)
    assert resolved.is_chinese_function_word("截至")
    assert not resolved.is_chinese_function_word("港口")
    assert not resolved.is_chinese_function_word("饺子")
    assert not resolved.is_chinese_function_word("水饺店")


def test_answers_are_the_same_from_several_threads(
    tokenizer: Tokenizer, index: BM25Index, lexicon: Lexicon
) -> None:
    """Threads asking a new dictionary at once each get the whole answer."""
    words = ["外贸", "港口", "口岸", "半导体", "出口", "新质生产力", "增长", "饺子"] * 20
    expected = [ResolvedDictionary(tokenizer, index, lexicon).chinese(w) for w in words]
    shared = ResolvedDictionary(tokenizer, index, lexicon)
    with ThreadPoolExecutor(max_workers=8) as pool:
        found = list(pool.map(shared.chinese, words))
    assert found == expected


def test_a_one_way_pair_is_not_read_backwards(tokenizer: Tokenizer) -> None:
    """A one-way German -> English pair gives "Hafen" its English; "harbour" gets no German."""
    texts = [("en", "The harbour grows."), ("de", "Der Hafen wächst.")]
    indexed = [tokenizer.index_terms(text, language) for language, text in texts]
    index = BM25Index.build([t for t, _ in indexed], doc_lengths=[n for _, n in indexed])
    pair = WordPair("de", "Hafen", "en", "harbour", one_way=True)
    resolved = ResolvedDictionary(tokenizer, index, [pair])
    hafen_key, harbour_key = ("de", tokenizer.stem("hafen", "de")), ("en", "harbour")
    hafen = [c.phrase for _, found in resolved.latin.get(hafen_key, ()) for c in found]
    harbour = [c.phrase for _, found in resolved.latin.get(harbour_key, ()) for c in found]
    assert hafen == ["harbour"]
    assert harbour == []
