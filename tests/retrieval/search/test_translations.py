"""Questions searched in the corpus's other languages, through a dictionary."""

from __future__ import annotations

from retrieval.index import BM25Index
from retrieval.search import Searcher
from retrieval.search.query_words import ResolvedWord
from retrieval.search.translations import translate
from retrieval.tokenize import Tokenizer
from retrieval.translation import TranslationTable, WordPair
from tests.retrieval.handmade import handmade_searcher

PAIRS = [
    WordPair("zh", "港口", "en", "harbour"),
    WordPair("zh", "起重机", "en", "crane"),
    WordPair("de", "Hafen", "en", "harbour"),
]
ROWS = [
    ("doc-en", 1, "en", "The harbour cranes number 48 after the expansion."),
    ("doc-en", 2, "en", "Rail freight moved inland through the valley."),
    ("doc-zh", 1, "zh", "港口起重机共有48台。"),
    ("doc-zh", 2, "zh", "铁路货运经山谷运往内陆。"),
    ("doc-en", 3, "en", "Farmers planted rice along the river terraces."),
    ("doc-en", 4, "en", "The museum opened a new wing for ceramics."),
    ("doc-zh", 3, "zh", "农民在河边梯田种植水稻。"),
    ("doc-zh", 4, "zh", "博物馆新开了陶瓷展厅。"),
]
TITLES = {"doc-en": ("Harbour", "en"), "doc-zh": ("港口", "zh")}


def _searcher(rows: list[tuple[str, int, str, str]] = ROWS) -> Searcher:
    return handmade_searcher(rows, TITLES, translation_pairs=PAIRS)


def test_a_chinese_question_finds_an_english_passage() -> None:
    """港口起重机 finds "harbour cranes" where only English holds the answer."""
    english_only = [row for row in ROWS if row[2] == "en"]
    response = _searcher(english_only).search("港口有多少台起重机?")
    assert response.results and "48" in response.results[0].text


def test_the_translations_used_are_reported() -> None:
    """The response says what the answer was found through (港口 -> harbour)."""
    english_only = [row for row in ROWS if row[2] == "en"]
    response = _searcher(english_only).search("港口有多少台起重机?")
    found = {t.original: t.added for t in response.translations}
    assert found.get("港口") == ["harbour"]


def test_an_answer_in_the_askers_language_wins_a_tie() -> None:
    """Asked in Chinese, the Chinese passage comes before its English counterpart."""
    response = _searcher().search("港口有多少台起重机?")
    assert response.results[0].language == "zh"


def test_without_a_dictionary_the_other_language_is_not_found() -> None:
    """With no dictionary, a Chinese question does not reach English text."""
    english_only = [row for row in ROWS if row[2] == "en"]
    searcher = handmade_searcher(english_only, TITLES)
    assert searcher.search("港口有多少台起重机?").results == []


def test_a_run_of_words_with_synonyms_is_still_translated_whole() -> None:
    """A synonym run ("foreign trade": its weight on "foreign", "trade" carried) is translated
    as the phrase the dictionary has (外贸), not "foreign" alone."""
    tokenizer = Tokenizer()
    indexed = [tokenizer.index_terms("全省外贸总额突破九万亿元。", "zh")]
    index = BM25Index.build([t for t, _ in indexed], doc_lengths=[n for _, n in indexed])
    table = TranslationTable(tokenizer, index, [WordPair("zh", "外贸", "en", "foreign trade")])
    foreign, trade = [q for q in tokenizer.query_terms("foreign trade") if not q.stopword]
    words = [ResolvedWord(foreign, None, 1.0), ResolvedWord(trade, "trade", 0.0)]
    alone = translate(table, index, words, (), "en", "foreign trade")
    carried = translate(table, index, words, (), "en", "foreign trade", carried={1})
    assert alone.groups == {}
    assert carried.groups == {0: (("外贸",),)}
