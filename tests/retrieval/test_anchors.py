"""Anchors: figures, names, codes and dates written alike in a passage and its translation."""

from __future__ import annotations

import pytest

from retrieval.anchors import passage_anchors
from retrieval.tokenize import Tokenizer


@pytest.fixture(scope="module")
def tokenizer() -> Tokenizer:
    return Tokenizer()


def test_a_figure_with_its_magnitude_is_one_anchor_in_three_languages(
    tokenizer: Tokenizer,
) -> None:
    """ "3,45 Billionen", "3.45 trillion" and "3.45万亿" share the figure's value."""
    german = passage_anchors("Investitionen von 3,45 Billionen Yuan.", "de", tokenizer)
    english = passage_anchors("Investment of 3.45 trillion yuan.", "en", tokenizer)
    chinese = passage_anchors("投资3.45万亿元。", "zh", tokenizer)
    assert "=3.45e+12" in german & english & chinese


def test_thousands_separators_of_each_language_give_one_figure(tokenizer: Tokenizer) -> None:
    """The German "1.284" and the English "1,284" are the figure 1284."""
    german = passage_anchors("Es wurden 1.284 Projekte unterzeichnet.", "de", tokenizer)
    english = passage_anchors("A total of 1,284 projects were signed.", "en", tokenizer)
    assert "1284" in german & english


def test_a_name_in_characters_meets_its_pinyin(tokenizer: Tokenizer) -> None:
    """周明远 and "Zhou Mingyuan" share the joined name and the given name."""
    chinese = passage_anchors("省长周明远表示,项目已经开工。", "zh", tokenizer)
    english = passage_anchors("Governor Zhou Mingyuan said work has begun.", "en", tokenizer)
    assert {"zhoumingyuan", "mingyuan"} <= chinese & english


def test_every_reading_of_a_character_is_tried(tokenizer: Tokenizer) -> None:
    """劲 reads jìn or jìng: the name 李劲波 meets "Li Jinbo"."""
    chinese = passage_anchors("李劲波出席会议。", "zh", tokenizer)
    english = passage_anchors("Li Jinbo attended the meeting.", "en", tokenizer)
    assert "lijinbo" in chinese & english


def test_a_pinyin_name_in_the_german_genitive_is_the_name(tokenizer: Tokenizer) -> None:
    """ "Nanhais Hafen" names Nanhai, as "Nanhai's port" does."""
    german = passage_anchors("Nanhais Hafen wächst.", "de", tokenizer)
    english = passage_anchors("Nanhai's port grows.", "en", tokenizer)
    assert "nanhai" in german & english


def test_a_date_is_one_anchor_however_written(tokenizer: Tokenizer) -> None:
    """ "5. März 2024", "March 5, 2024" and "2024年3月5日" are the date 2024-03-05."""
    german = passage_anchors("Am 5. März 2024 begann die Messe.", "de", tokenizer)
    english = passage_anchors("The fair opened on March 5, 2024.", "en", tokenizer)
    chinese = passage_anchors("展会于2024年3月5日开幕。", "zh", tokenizer)
    assert "@2024-03-05" in german & english & chinese


def test_an_ordinal_is_its_number(tokenizer: Tokenizer) -> None:
    """The "57th" fair is the "57." Messe and the 第57届 展会."""
    english = passage_anchors("The 57th Harbour Fair closed.", "en", tokenizer)
    german = passage_anchors("Die 57. Hafenmesse ist zu Ende.", "de", tokenizer)
    chinese = passage_anchors("第57届港口展会闭幕。", "zh", tokenizer)
    assert "57" in english & german & chinese


def test_codes_and_acronyms_are_anchors(tokenizer: Tokenizer) -> None:
    """ "6G", "AG600", "R&D" and "GDP" are kept, folded."""
    anchors = passage_anchors("GDP, R&D, 6G and the AG600 seaplane.", "en", tokenizer)
    assert {"gdp", "r&d", "6g", "ag600"} <= anchors


def test_a_capitalised_function_word_is_no_name(tokenizer: Tokenizer) -> None:
    """ "Die" opening a German sentence and "The" opening an English one are no anchors."""
    assert not {"die", "the"} & passage_anchors("Die Messe. The fair.", "de", tokenizer)


def test_lower_case_words_are_no_anchors(tokenizer: Tokenizer) -> None:
    """A passage without figures, names or codes has no anchors."""
    assert passage_anchors("the port grew quickly this year", "en", tokenizer) == set()
