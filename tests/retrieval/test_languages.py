"""Language guesses: documents and passages (any language), questions (the query languages)."""

from __future__ import annotations

import pytest

from retrieval.languages import (
    NON_HAN_WORD,
    SPACED_WORD,
    detect_language,
    language_order,
    question_language,
)

STOPWORDS = {"en": frozenset({"what", "the", "did"}), "de": frozenset({"was", "der", "die"})}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Guangdong accelerates the establishment of a modern industrial system", "en"),
        ("Guangdong beschleunigt den Aufbau eines modernen Industriesystems", "de"),
        ("Zukunft für Guangdong zu schaffen.", "de"),
        ("2025年广东要如何继续挑起大梁、发展新质生产力?", "zh"),
        ("省商务厅厅长张劲松称,广东抓好4张招商清单", "zh"),
        ("Le gouvernement de la province a publié une stratégie pour les entreprises.", "fr"),
    ],
)
def test_detect_language(text: str, language: str) -> None:
    """Short texts are identified by script (CJK) or function words (Latin)."""
    assert detect_language(text) == language


def test_detect_language_english_text_with_a_chinese_title() -> None:
    """A few Han characters in an English sentence do not make it Chinese."""
    text = "Moving the factory to Sihui, Zhaoqing: a conversation between two bosses 搬工廠去肇慶"
    assert detect_language(text) == "en"


def test_detect_language_is_deterministic_without_evidence() -> None:
    """Text with no words falls back to English, always."""
    assert detect_language("2024 — 13:50") == "en"
    assert detect_language("") == "en"


def test_question_language_is_told_by_stopwords() -> None:
    """A question in English or German is told by the stopwords it uses."""
    assert question_language("What did the governor say?", STOPWORDS, ("en", "de")) == "en"
    assert question_language("Was sagte der Gouverneur?", STOPWORDS, ("en", "de")) == "de"


def test_question_mostly_in_characters_is_chinese() -> None:
    """A question whose letters are mostly Chinese characters is Chinese."""
    assert question_language("省长说了什么 AI", STOPWORDS, ("en", "de")) == "zh"


def test_question_that_tells_nothing_has_no_language() -> None:
    """A bare keyword, or as many stopwords of each language, gives no language."""
    assert question_language("robotics", STOPWORDS, ("en", "de")) is None
    assert question_language("the die", STOPWORDS, ("en", "de")) is None


def test_language_order_puts_the_likeliest_first() -> None:
    """German stopwords or letters put German first; nothing to tell keeps the given order."""
    assert language_order("Was sagte der Gouverneur", STOPWORDS, ("en", "de")) == ("de", "en")
    assert language_order("Künstliche Intelligenz", STOPWORDS, ("en", "de")) == ("de", "en")
    assert language_order("robotics", STOPWORDS, ("en", "de")) == ("en", "de")


def test_spaced_words_are_letters_outside_cjk() -> None:
    """Function and content words are letter runs: no digits, no Chinese, no underscore."""
    assert SPACED_WORD.findall("Über 5G_net 广东robots") == ["Über", "G", "net", "robots"]


def test_non_han_words_keep_digits() -> None:
    """A title's or question's words beside Chinese runs keep their digits ("14th", "5G")."""
    assert NON_HAN_WORD.findall("14th 5G 广东省长 Governor") == ["14th", "5G", "Governor"]
