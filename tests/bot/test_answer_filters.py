"""/ask's source filter in the bot: a typed source must name one corpus source."""

from __future__ import annotations

import pytest

from bot.answer_filters import chosen_filters, resolve_source
from retrieval.filters import FilterError, FilterMistake

SOURCES = ["Province of Guangdong", "Provinz Guangdong (ots)", "Xinhua"]


def test_a_source_no_corpus_source_holds_is_no_such_source() -> None:
    """Words no source's name holds are refused as NO_SUCH_SOURCE, with what was typed."""
    with pytest.raises(FilterError) as raised:
        resolve_source(SOURCES, "People's Daily")
    assert (raised.value.mistake, raised.value.value) == (
        FilterMistake.NO_SUCH_SOURCE,
        "People's Daily",
    )


def test_words_of_several_sources_names_count_them() -> None:
    """ "guangdong" is in two names: SEVERAL_SOURCES, counting them."""
    with pytest.raises(FilterError) as raised:
        resolve_source(SOURCES, "guangdong")
    assert (raised.value.mistake, raised.value.count) == (FilterMistake.SEVERAL_SOURCES, 2)


def test_a_bad_date_among_the_options_is_not_a_date() -> None:
    """An /ask with until "soon" is refused as NOT_A_DATE, whatever the source."""
    with pytest.raises(FilterError) as raised:
        chosen_filters(SOURCES, until="soon", source="xinhua")
    assert raised.value.mistake is FilterMistake.NOT_A_DATE
