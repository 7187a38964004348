"""Timelines: a topic's quotes in date order, each sentence once, undated ones apart."""

from __future__ import annotations

from retrieval.library import Library
from retrieval.models import DocumentInfo, SearchResponse, SearchResult
from retrieval.timeline import best_sentence, timeline_of


def _result(passage_id: int, text: str, date: str | None, matched: list[str]) -> SearchResult:
    document = DocumentInfo(id=f"d{passage_id}", title="T", source="S", date=date, language="en")
    return SearchResult(
        text=text,
        score=1.0,
        matched_terms=matched,
        document=document,
        paragraph=1,
        start=0,
        end=len(text),
        language="en",
        passage_id=passage_id,
    )


def test_entries_are_oldest_first_and_undated_ones_apart() -> None:
    """Ranked 2025, undated, 2023: the timeline reads 2023, 2025, then the undated one."""
    response = SearchResponse(
        query="q",
        results=[
            _result(1, "Exports rose.", "2025-01-02", ["Exports"]),
            _result(2, "Exports fell.", None, ["Exports"]),
            _result(3, "Exports grew.", "2023-05-06", ["Exports"]),
        ],
    )
    timeline = timeline_of("exports", response)
    assert [e.date for e in timeline.entries] == ["2023-05-06", "2025-01-02"]
    assert [e.sentence for e in timeline.undated] == ["Exports fell."]


def test_a_sentence_found_twice_is_shown_once() -> None:
    """Two passages whose best sentence is the same (two cuts of one story): one line."""
    response = SearchResponse(
        query="q",
        results=[
            _result(1, "The governor spoke. Rain fell.", "2024-01-01", ["governor"]),
            _result(2, "The  Governor spoke.", "2024-02-01", ["Governor"]),
        ],
    )
    assert len(timeline_of("governor", response).entries) == 1


def test_the_sentence_shown_is_the_one_holding_the_matched_words() -> None:
    """Of a quote's sentences, the one with the most matched words is the line's."""
    result = _result(
        1, "Rain fell all day. The governor opened the fair.", "2024-01-01", ["governor", "fair"]
    )
    assert best_sentence(result) == "The governor opened the fair."


def test_a_topic_the_corpus_lacks_has_an_empty_timeline(library: Library) -> None:
    """The search's floor applies: nothing on the Eiffel tower."""
    timeline = library.timeline("Eiffel tower Paris")
    assert not timeline.entries and not timeline.undated


def test_a_seeds_timeline_is_ordered_by_date(library: Library) -> None:
    """ "manufacturing" in the seeds: several dated lines, oldest first."""
    dates = [e.date or "" for e in library.timeline("manufacturing").entries]
    assert len(dates) >= 3
    assert dates == sorted(dates)
