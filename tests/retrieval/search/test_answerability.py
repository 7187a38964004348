"""The relevance floor: whether the corpus answers at all, on questions and on bare arrays."""

from __future__ import annotations

import numpy as np

from retrieval.search import Floor, NameMention, Searcher, answerable
from tests.retrieval.search.asking import texts

HUANG_CHUPING = NameMention("Huang Chuping")
ZHOU_HUA = NameMention("Zhou Hua")


def test_off_topic_question_returns_nothing(searcher: Searcher) -> None:
    """ "recipe for chocolate cake": no content word in the corpus, so no result."""
    assert searcher.search("recipe for chocolate cake").results == []


def test_unknown_word_outweighs_a_common_one(searcher: Searcher) -> None:
    """ "capital of France": "capital" occurs, "France" does not: below the floor, no result."""
    assert searcher.search("What is the capital of France?").results == []


def test_floor_is_a_parameter(searcher: Searcher) -> None:
    """With the floor at 0, a partly matching question gets the partial match."""
    lenient = Searcher(searcher._corpus, searcher.index, searcher._tokenizer, min_coverage=0.0)
    found = [r.text for r in lenient.search("What is the capital of France?").results]
    assert any("capital" in t for t in found)


def test_person_with_an_unknown_subject_gets_nothing(weak_spots: Searcher) -> None:
    """ "What did Huang Chuping say about football?": his rare name alone does not carry it."""
    question = "What did Huang Chuping say about football?"
    assert texts(weak_spots, question, (HUANG_CHUPING,)) == []


def test_person_with_a_known_subject_is_answered(weak_spots: Searcher) -> None:
    """ "What did Zhou Hua say about drones?" is answered by the passage on drones."""
    found = texts(weak_spots, "What did Zhou Hua say about drones?", (ZHOU_HUA,))
    assert found[0].startswith("Zhou Hua said")


def test_passage_must_hold_more_than_the_floor() -> None:
    """Of weights 3 and 1, holding the 3 (75%) passes a floor of one half; the 1 (25%) not."""
    holds = np.asarray([[True, False], [False, True]])
    passes = answerable(np.asarray([3.0, 1.0]), holds, np.zeros(2, bool), Floor(0.5, 0.4))
    assert passes.tolist() == [True, False]


def test_heavy_name_alone_does_not_carry_a_question_about_more() -> None:
    """A passage holding the name (weight 9) but not the subject (weight 1) fails; with the
    subject it passes."""
    holds = np.asarray([[True, True], [False, True]])
    names_person = np.asarray([True, False])
    passes = answerable(np.asarray([9.0, 1.0]), holds, names_person, Floor(0.5, 0.4))
    assert passes.tolist() == [False, True]


def test_question_of_no_weight_answers_nothing() -> None:
    """A question whose words weigh nothing has no answer (and no division by zero)."""
    holds = np.ones((1, 3), bool)
    assert not answerable(np.zeros(1), holds, np.zeros(1, bool), Floor()).any()


def test_common_words_alone_carry_no_answer() -> None:
    """A passage holding only words found almost everywhere is no answer, whatever their
    weight, when the question has a telling word."""
    weights = np.array([3.0, 1.0])  # a telling word, then a common one
    holds = np.array([[False, True], [True, True]])  # passage 0 holds only the common word
    common = np.array([False, True])
    floor = Floor(min_coverage=0.0)
    passes = answerable(weights, holds, np.zeros(2, dtype=bool), floor, common)
    assert passes.tolist() == [False, True]


def test_word_held_only_by_the_next_paragraph_counts_for_a_share() -> None:
    """Of two words of weight 1, one held and one held only by the next paragraph: 1 + 0.7 of
    2 clears a floor of 0.8; at a share of 0.5 (1.5 of 2) it does not."""
    holds = np.asarray([[True], [True]])
    next_only = np.asarray([[False], [True]])
    weights, no_person = np.ones(2), np.zeros(2, bool)
    at_share = Floor(0.8, 0.4, next_paragraph_share=0.7)
    at_half = Floor(0.8, 0.4, next_paragraph_share=0.5)
    assert answerable(weights, holds, no_person, at_share, next_only=next_only).tolist() == [True]
    assert answerable(weights, holds, no_person, at_half, next_only=next_only).tolist() == [False]
