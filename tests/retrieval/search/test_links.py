"""Web addresses in a question are not what it asks about."""

from __future__ import annotations

from retrieval.search import Searcher
from retrieval.search.links import without_links
from tests.retrieval.search.asking import texts


def test_an_address_is_taken_out() -> None:
    """The address goes; the words around it stay."""
    assert without_links("GDP https://example.org/a?b=1 2024").split() == ["GDP", "2024"]


def test_a_markdown_link_keeps_its_text() -> None:
    """ "[the growth](https://...)" reads "the growth"."""
    assert without_links("What was [the growth](https://example.org/x)?") == "What was the growth?"


def test_a_question_with_an_address_is_answered_as_without(searcher: Searcher) -> None:
    """An address pasted into a question does not turn it into one the corpus cannot answer."""
    plain = texts(searcher, "How many crop germplasm samples were collected?")
    assert plain
    linked = "How many crop germplasm samples were collected? https://example.org/news/123"
    assert texts(searcher, linked) == plain
