"""The table built from the shipped dictionaries (CC-CEDICT and the glossaries)."""

from __future__ import annotations

import pytest

from retrieval.index import BM25Index
from retrieval.tokenize import Tokenizer
from retrieval.translation.table import TranslationTable


@pytest.fixture(scope="module")
def shipped(tokenizer: Tokenizer, index: BM25Index) -> TranslationTable:
    return TranslationTable(tokenizer, index)


def _phrases(table: TranslationTable, tokenizer: Tokenizer, question: str) -> dict[str, tuple]:
    words = [t for t in tokenizer.query_terms(question) if not t.stopword and not t.optional]
    found = table.translate(words, tokenizer.question_language(question), question)
    return {t.source: t.phrases for t in found}


def test_cc_cedict_translates_chinese_to_english(
    shipped: TranslationTable, tokenizer: Tokenizer
) -> None:
    """外贸 is "foreign trade" by CC-CEDICT."""
    assert "foreign trade" in _phrases(shipped, tokenizer, "外贸增长多少?")["外贸"]


def test_cc_cedict_translates_english_to_chinese(
    shipped: TranslationTable, tokenizer: Tokenizer
) -> None:
    """ "semiconductors" finds 半导体 through CC-CEDICT read backwards."""
    assert "半导体" in _phrases(shipped, tokenizer, "Who exports semiconductors?")["semiconductors"]


def test_the_german_glossary_reaches_english_and_chinese(
    shipped: TranslationTable, tokenizer: Tokenizer
) -> None:
    """ "Außenhandel" finds "foreign trade" and, through it, 外贸."""
    found = _phrases(shipped, tokenizer, "Wie stark wuchs der Außenhandel?")["Außenhandel"]
    assert {"foreign trade", "外贸"} <= set(found)


def test_the_chinese_glossary_adds_what_cc_cedict_lacks(
    shipped: TranslationTable, tokenizer: Tokenizer
) -> None:
    """新质生产力, coined after the packaged CC-CEDICT, comes from the glossary."""
    found = _phrases(shipped, tokenizer, "什么是新质生产力?")
    assert found["新质生产力"] == ("new quality productive forces",)
