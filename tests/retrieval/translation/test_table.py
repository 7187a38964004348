"""The translation table: question words to the index terms of their translations."""

from __future__ import annotations

from collections.abc import Callable

from retrieval.index import BM25Index
from retrieval.tokenize import Tokenizer
from retrieval.translation.lexicon import WordPair
from retrieval.translation.table import Translation, TranslationTable


def _translate(table: TranslationTable, tokenizer: Tokenizer, question: str) -> list[Translation]:
    words = [t for t in tokenizer.query_terms(question) if not t.stopword and not t.optional]
    return table.translate(words, tokenizer.question_language(question), question)


def _by_source(translations: list[Translation]) -> dict[str, tuple[str, ...]]:
    return {t.source: t.phrases for t in translations}


def test_a_chinese_word_finds_its_english_translations_term(
    table: TranslationTable, tokenizer: Tokenizer
) -> None:
    """半导体 brings the stem of "semiconductor", which English passages hold."""
    found = _translate(table, tokenizer, "半导体出口多少?")
    semiconductor = next(t for t in found if t.source == "半导体")
    assert ("semiconductor",) in semiconductor.members


def test_an_english_word_finds_its_chinese_translation(
    table: TranslationTable, tokenizer: Tokenizer
) -> None:
    """ "harbour" brings 港口, a word of the Chinese passages."""
    found = _by_source(_translate(table, tokenizer, "How busy was the harbour?"))
    assert "港口" in found["harbour"]


def test_a_multi_word_term_is_matched_longest_first(
    table: TranslationTable, tokenizer: Tokenizer
) -> None:
    """ "new quality productive forces" is one term, not "new" and three more words."""
    found = _translate(table, tokenizer, "What do new quality productive forces drive?")
    assert len(found) == 1
    assert found[0].source == "new quality productive forces"
    assert found[0].length == 4
    assert found[0].phrases == ("新质生产力",)


def test_a_chinese_term_of_several_words_is_matched_whole(
    table: TranslationTable, tokenizer: Tokenizer
) -> None:
    """新质生产力, however the segmenter cuts it, is translated as one term."""
    found = _translate(table, tokenizer, "新质生产力是什么?")
    assert [t.source for t in found] == ["新质生产力"]
    assert found[0].members == (("new", "qualiti", "product", "forc"),)


def test_a_word_without_translation_gives_nothing(
    table: TranslationTable, tokenizer: Tokenizer
) -> None:
    """A word no dictionary holds is left alone."""
    assert _translate(table, tokenizer, "Where are the dumplings?") == []


def test_a_translation_the_index_lacks_is_dropped(
    table: TranslationTable, tokenizer: Tokenizer
) -> None:
    """ "Zeitgeist" translates to words no passage holds: nothing is searched."""
    assert _translate(table, tokenizer, "Was ist der Zeitgeist?") == []


def test_german_finds_english_and_english_finds_german(
    table: TranslationTable, tokenizer: Tokenizer
) -> None:
    """Außenhandel <-> "foreign trade", both ways."""
    german = _by_source(_translate(table, tokenizer, "Wie wuchs der Außenhandel?"))
    english = _by_source(_translate(table, tokenizer, "How did foreign trade grow?"))
    assert "foreign trade" in german["Außenhandel"]
    assert "Außenhandel" in english["foreign trade"]


def test_chinese_and_german_meet_through_english(
    table: TranslationTable, tokenizer: Tokenizer
) -> None:
    """Halbleiter -> semiconductor -> 半导体, and back."""
    german = _by_source(_translate(table, tokenizer, "Wo werden Halbleiter verkauft?"))
    chinese = _by_source(_translate(table, tokenizer, "半导体在哪里出售?"))
    assert "半导体" in german["Halbleiter"]
    assert "Halbleiter" in chinese["半导体"]


def test_a_german_compound_is_translated_by_its_parts(
    table: TranslationTable, tokenizer: Tokenizer
) -> None:
    """ "Patentanmeldungen": Patent (spelled alike) and Anmeldung (application), together."""
    found = _by_source(_translate(table, tokenizer, "Wie viele Patentanmeldungen gab es?"))
    assert found["Patentanmeldungen"] == ("patent application",)


def test_a_single_chinese_character_is_not_translated(
    table: TranslationTable, tokenizer: Tokenizer
) -> None:
    """新 alone has too many senses to pick one."""
    assert all(t.source != "新" for t in _translate(table, tokenizer, "新的港口"))


def test_fan_out_is_limited_per_language(
    make_table: Callable[..., TranslationTable], tokenizer: Tokenizer
) -> None:
    """A word of many translations keeps at most ``max_translations`` in each language."""
    many = [
        WordPair("zh", "港口", "en", word, rank)
        for rank, word in enumerate(["harbour", "port", "containers", "firms", "staff", "city"])
    ]
    found = _translate(make_table(many, max_translations=2), tokenizer, "港口在哪里?")
    assert len(found[0].phrases) == 2


def test_fan_out_prefers_main_senses_the_corpus_holds(
    make_table: Callable[..., TranslationTable], tokenizer: Tokenizer
) -> None:
    """Of a word's senses, the main ones the passages hold most are kept."""
    senses = [
        WordPair("zh", "港口", "en", "port", 0),
        WordPair("zh", "港口", "en", "laboratory", 1),
        WordPair("zh", "港口", "en", "harbour", 2),
        WordPair("zh", "港口", "en", "firms", 5),
    ]
    found = _translate(make_table(senses, max_translations=2), tokenizer, "港口在哪里?")
    assert found[0].phrases == ("port", "laboratory")


def test_traditional_characters_find_the_simplified_entry(
    table: TranslationTable, tokenizer: Tokenizer
) -> None:
    """半導體 is looked up as 半导体."""
    found = _by_source(_translate(table, tokenizer, "半導體出口"))
    assert found["半導體"] == ("semiconductor", "Halbleiter")


def test_a_chinese_place_name_is_searched_in_both_latin_stems(tokenizer: Tokenizer) -> None:
    """German stems "Shenzhen" to "shenzh", English keeps "shenzhen": a German question's
    "Shenzhener" finds the English spelling too."""
    texts = [("en", "Shenzhen firms export drones."), ("de", "Shenzhen baut neue Straßen.")]
    indexed = [tokenizer.index_terms(text, language) for language, text in texts]
    index = BM25Index.build([t for t, _ in indexed], doc_lengths=[n for _, n in indexed])
    table = TranslationTable(tokenizer, index, [])
    found = _translate(table, tokenizer, "Wie viele Shenzhener Firmen?")
    shenzhen = next(t for t in found if t.source == "Shenzhener")
    assert ("shenzhen",) in shenzhen.members
