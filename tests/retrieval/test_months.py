"""Month names are one index term in every language, like figures."""

from __future__ import annotations

from retrieval.months import chinese_month, month_names, month_term
from retrieval.tokenize import Tokenizer

FEBRUARY = month_term(2)


def test_english_german_and_chinese_months_share_a_term() -> None:
    """ "February", "Februar" and "2月" are indexed alike."""
    tokenizer = Tokenizer()
    assert FEBRUARY in tokenizer.tokenize("On February 24 the fair opened.", "en")
    assert FEBRUARY in tokenizer.tokenize("Am 24. Februar begann die Messe.", "de")
    assert FEBRUARY in tokenizer.tokenize("2月24日,展会开幕。", "zh")


def test_chinese_numeral_months_are_read() -> None:
    """二月 and 十二月 are months 2 and 12; a figure above 12 before 月 is no month."""
    assert chinese_month("二月", None) == (2, 2)
    assert chinese_month("十二月", None) == (12, 3)
    assert chinese_month("月", "13") is None


def test_a_modal_verb_is_not_a_month() -> None:
    """ "may" in lower case is a verb (a stopword); "May" is the month."""
    names = month_names()
    assert names.number("may") is None
    assert names.number("May") == 5


def test_a_month_inside_a_hyphenated_word_is_found() -> None:
    """ "mid-May" holds the month of May."""
    assert month_term(5) in Tokenizer().tokenize("The tour took place in mid-May.", "en")


def test_a_chinese_question_asks_for_the_month_not_the_digit() -> None:
    """In "2月", the month is the question's word; the bare figure only an extra form."""
    terms = Tokenizer().query_terms("2月发生了什么?")
    month = [t for t in terms if t.candidates == (FEBRUARY,)]
    digit = [t for t in terms if t.candidates == ("2",)]
    assert month and not month[0].optional
    assert digit and digit[0].optional


def test_a_sentence_opening_with_the_verb_may_names_no_month() -> None:
    """ "May the province grow." is a wish; "May 2024 saw growth." and "in May" are the month."""
    tokenizer = Tokenizer()
    assert month_term(5) not in tokenizer.tokenize("May the province grow.", "en")
    assert month_term(5) in tokenizer.tokenize("May 2024 saw growth.", "en")
    assert month_term(5) in tokenizer.tokenize("It grew. In May it grew again.", "en")


def test_the_unit_of_a_chinese_date_is_part_of_its_figure() -> None:
    """In "2025年2月", 年 and 月 are units of the figures: extra forms, not words to require."""
    terms = Tokenizer().query_terms("2025年2月发生了什么?")
    units = [t for t in terms if t.surface in ("年", "月")]
    assert units and all(t.optional for t in units)
