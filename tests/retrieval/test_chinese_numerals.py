"""Chinese numerals with a unit character are figures; ordinals are their numbers too."""

from __future__ import annotations

import pytest

from retrieval.chinese_numerals import chinese_numeral
from retrieval.tokenize import Tokenizer


@pytest.mark.parametrize(
    ("word", "value"),
    [("十四", "14"), ("二十", "20"), ("二十一", "21"), ("一百零八", "108"), ("三千零五", "3005")],
)
def test_a_numeral_with_a_unit_is_read(word: str, value: str) -> None:
    """Well-formed numerals read as their digits."""
    assert chinese_numeral(word) == value


@pytest.mark.parametrize("word", ["十四五", "四五", "五", "一百五", "十百", "零", "五年"])
def test_no_reading_where_the_number_is_unsure(word: str) -> None:
    """A plan's name (十四五), two digits in a row, a lone digit, shorthand: not read."""
    assert chinese_numeral(word) is None


def test_an_english_ordinal_and_a_chinese_numeral_share_the_figure() -> None:
    """ "the 14th" and "第十四" both hold the figure 14, as an extra form."""
    tokenizer = Tokenizer()
    assert "14" in tokenizer.tokenize("the 14th Five-Year Plan", "en")
    assert "14" in tokenizer.tokenize("第十四个五年规划", "zh")
    _, length = tokenizer.index_terms("the 14th plan", "en")
    assert length == 2  # "14th", "plan": the number adds no length
