"""/ask's filter sentences: what retrieval reports as data, worded in the asker's language."""

from __future__ import annotations

import pytest

from bot.filter_texts import describe_filters, filter_mistake_sentence
from retrieval.filters import FilterError, FilterMistake, search_filters
from tests.e2e.expect import plain


def test_a_date_that_is_none_is_worded_in_german() -> None:
    """A German asker reads in German that "bald" is no date, with the forms a date takes."""
    sentence = filter_mistake_sentence(FilterError(FilterMistake.NOT_A_DATE, "bald"), "de")
    assert sentence == (
        "\u201ebald\u201c ist kein Datum: Gib ein Jahr (2024), einen Monat (2024-03) oder "
        "einen Tag (2024-03-15) an."
    )


def test_since_after_until_is_worded_in_chinese_with_both_bounds() -> None:
    """A Chinese asker reads both bounds under the Chinese option names."""
    error = FilterError(FilterMistake.SINCE_AFTER_UNTIL, "2025", other="2024-06")
    sentence = plain(filter_mistake_sentence(error, "zh"))
    assert sentence == "\u201c起始 2025\u201d晚于\u201c截止 2024-06\u201d。"


def test_english_is_the_sentence_without_a_language() -> None:
    """Without a reply language the sentence is English."""
    error = FilterError(FilterMistake.SEVERAL_SOURCES, "guangdong", count=2)
    assert filter_mistake_sentence(error) == (
        "\u201cguangdong\u201d is part of 2 sources' names; pick one from the list."
    )


@pytest.mark.parametrize("mistake", list(FilterMistake))
@pytest.mark.parametrize("language", ["en", "de", "zh"])
def test_every_mistake_has_a_sentence_in_every_language(
    mistake: FilterMistake, language: str
) -> None:
    """Each kind of mistake retrieval reports is worded, its value shown, in each language."""
    error = FilterError(mistake, "2031x", other="2024", count=3)
    sentence = filter_mistake_sentence(error, language)
    assert "2031x" in sentence and "{" not in sentence


def test_a_typed_value_is_shown_inert_and_clipped() -> None:
    """Markdown or a mention typed as a source cannot format or ping; a long one is clipped."""
    typed = "**@everyone** " + "x" * 300
    sentence = filter_mistake_sentence(FilterError(FilterMistake.NO_SUCH_SOURCE, typed), "de")
    assert "**@everyone**" not in sentence and len(sentence) < 200


def test_german_description_names_each_filter_in_german() -> None:
    """The filters line reads "Deutsch · seit 2025 · Quelle „ots“" for a German asker."""
    filters = search_filters(language="de", since="2025", source="ots")
    described = describe_filters(filters, "de")
    assert described == "Deutsch \u00b7 seit 2025 \u00b7 Quelle \u201eots\u201c"


def test_chinese_description_names_a_date_range() -> None:
    """Both bounds read as one range in Chinese: "英文 · 2024 至 2025-06"."""
    filters = search_filters(language="en", since="2024", until="2025-06")
    assert describe_filters(filters, "zh") == "英文 \u00b7 2024 至 2025-06"


def test_english_description_is_unchanged() -> None:
    """In English the phrase is what the answers have always shown."""
    filters = search_filters(language="de", since="2024", until="2025-06", source="ots")
    described = describe_filters(filters)
    assert described == "German \u00b7 2024 to 2025-06 \u00b7 source \u201cots\u201d"
