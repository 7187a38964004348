"""Search filters: which documents they admit, and a filtered search ranking only those."""

from __future__ import annotations

import pytest

from retrieval.filters import (
    FilterError,
    FilterMistake,
    describe_filters,
    filter_documents,
    search_filters,
)
from retrieval.library import Library
from retrieval.models import DocumentInfo

DOCUMENTS = [
    DocumentInfo(
        id="a", title="A", source="Provinz Guangdong (ots)", date="2025-02-06", language="de"
    ),
    DocumentInfo(
        id="b", title="B", source="Province of Guangdong", date="2024-12-31", language="en"
    ),
    DocumentInfo(id="c", title="C", source="Xinhua", date=None, language="en"),
    DocumentInfo(id="d", title="D", source="Xinhua", date="2023-05-01", language="zh"),
]


def test_blank_options_are_no_filter() -> None:
    """Options left blank (as a form sends them) make no filter."""
    assert not search_filters(language=" ", since="", until=None, source="  ").active


def test_since_after_until_is_refused_with_both_bounds() -> None:
    """A range that ends before it starts is refused, not an empty answer; the error carries
    both bounds for the caller's sentence."""
    with pytest.raises(FilterError) as raised:
        search_filters(since="2025", until="2024-06")
    error = raised.value
    assert (error.mistake, error.value, error.other) == (
        FilterMistake.SINCE_AFTER_UNTIL,
        "2025",
        "2024-06",
    )


def test_a_language_that_is_no_code_is_refused() -> None:
    """ "German" is no ISO code: refused as NOT_A_LANGUAGE, with what was typed."""
    with pytest.raises(FilterError) as raised:
        search_filters(language="German")
    assert (raised.value.mistake, raised.value.value) == (FilterMistake.NOT_A_LANGUAGE, "german")


def test_a_date_that_is_none_is_refused_with_what_was_typed() -> None:
    """ "next week" under until is NOT_A_DATE, the value as typed (no sentence: callers word it)."""
    with pytest.raises(FilterError) as raised:
        search_filters(until=" next week ")
    assert (raised.value.mistake, raised.value.value) == (FilterMistake.NOT_A_DATE, "next week")


def test_until_a_year_includes_its_last_day() -> None:
    """`until 2024` admits a document of 31 December 2024, not one of 2025."""
    kept = filter_documents(DOCUMENTS, search_filters(until="2024"))
    assert kept.ids == {"b", "d"}


def test_date_bounds_leave_undated_documents_out_and_count_them() -> None:
    """With since/until an undated document cannot be placed: left out, and counted."""
    kept = filter_documents(DOCUMENTS, search_filters(since="2023"))
    assert kept.ids == {"a", "b", "d"}
    assert kept.undated_left_out == 1


def test_source_matches_words_of_the_name_whatever_their_case() -> None:
    """ "ots" finds "Provinz Guangdong (ots)"; "xinhua" both Xinhua documents."""
    assert filter_documents(DOCUMENTS, search_filters(source="OTS")).ids == {"a"}
    assert filter_documents(DOCUMENTS, search_filters(source="xinhua")).ids == {"c", "d"}


def test_filters_combine() -> None:
    """Every filter must hold: English and since 2024 leaves one document."""
    kept = filter_documents(DOCUMENTS, search_filters(language="en", since="2024"))
    assert kept.ids == {"b"}


def test_the_description_names_each_filter() -> None:
    """The phrase an answer shows names the language, the dates and the source."""
    filters = search_filters(language="de", since="2024", until="2025-06", source="ots")
    assert (
        describe_filters(filters) == "German \u00b7 2024 to 2025-06 \u00b7 source \u201cots\u201d"
    )


def test_filters_apply_before_ranking(library: Library) -> None:
    """ "manufacturing" has eight results, none of 2025; since 2025 finds the 2025 passage
    that ranks below them all, rather than filtering those eight down to nothing."""
    unfiltered = library.search("manufacturing", top_k=8)
    assert unfiltered.results
    assert not any((r.document.date or "") >= "2025" for r in unfiltered.results)
    filtered = library.search("manufacturing", top_k=8, filters=search_filters(since="2025"))
    assert filtered.results
    assert all((r.document.date or "") >= "2025-01-01" for r in filtered.results)


def test_a_language_filter_shows_the_filtered_language(library: Library) -> None:
    """An English question filtered to German quotes the German release, not its English
    translation (the pair is one quote, shown in the asker's language without a filter)."""
    response = library.search(
        "Who headed the conference?", top_k=3, filters=search_filters(language="de")
    )
    assert response.results
    assert {r.language for r in response.results} == {"de"}
    assert {r.document.language for r in response.results} == {"de"}


def test_the_response_states_the_filters(library: Library) -> None:
    """The filters come back with the answer, with the documents they admit."""
    filters = search_filters(language="en", source="Yangcheng")
    response = library.search("GDP 2024", top_k=3, filters=filters)
    assert response.filters == filters
    assert response.filtered_documents == 1
    assert {r.document.source for r in response.results} == {
        "Lingnan on the Cloud (Yangcheng Evening News, 羊城晚报-云上岭南)"
    }


def test_filters_leaving_nothing_say_how_many_results_there_are_without(library: Library) -> None:
    """No document of 2026: no result, none admitted, and the count without the filter."""
    response = library.search(
        "Who headed the conference?", top_k=5, filters=search_filters(since="2026")
    )
    assert response.results == []
    assert response.filtered_documents == 0
    assert response.without_filters == len(library.search("Who headed the conference?", 5).results)
    assert response.without_filters


def test_unfiltered_responses_have_no_filter_keys_set(library: Library) -> None:
    """Without filters the response is what it was: the new keys stay empty."""
    response = library.search("robotics", top_k=3)
    assert response.filters is None and response.without_filters is None
