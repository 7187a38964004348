"""The order of the answers: BM25, context, the question's language, title lines, ties."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from retrieval.search import NameMention, RankingWeights, Searcher
from retrieval.search.ranking import best, rank
from tests.retrieval.search.asking import texts

ZHOU_HUA = NameMention("Zhou Hua")


def test_question_in_english_prefers_english_passages(speeches: Searcher) -> None:
    """Asked in English, an English passage comes before an equally good German one."""
    found = texts(speeches, "What about the robotics?")
    assert found.index("Robotik gilt als Zukunftsbranche.") > 0


def test_body_passage_comes_before_the_title_repeated(weak_spots: Searcher) -> None:
    """ "Zhou Hua drones": the passage of the speech first, its title line after it."""
    found = texts(weak_spots, "Zhou Hua drones", (ZHOU_HUA,))
    assert found[:2] == ["Zhou Hua said drones sell well abroad.", "Zhou Hua's speech on drones"]


def test_title_passage_answers_when_it_alone_matches(weak_spots: Searcher) -> None:
    """A title passage is still returned when nothing else holds the words asked for."""
    assert texts(weak_spots, "speech")[0] == "Zhou Hua's speech on drones"


def test_index_matches_are_every_passage_with_a_term(speeches: Searcher) -> None:
    """``matches`` gives every passage holding a query term, with its BM25Okapi score."""
    terms = speeches.tokenizer.tokenize("robotics governor", "en")
    ids, scores = speeches.index.matches(terms)
    full = speeches.index.scores(terms)
    assert ids.tolist() == [i for i, score in enumerate(full) if score > 0]
    assert scores.tolist() == pytest.approx(full[ids].tolist())


def test_context_language_and_title_line_move_the_score() -> None:
    """Context weight adds, the question's language raises, a repeated title lowers."""
    weights = RankingWeights(context=0.5, same_language_bonus=0.1, title_passage_penalty=0.1)
    ranking = rank(
        np.asarray([2.0, 2.0, 2.0]),
        np.asarray([2.0, 0.0, 0.0]),
        np.asarray([False, True, False]),
        np.asarray([False, False, True]),
        weights,
    )
    assert ranking.tolist() == pytest.approx([3.0, 2.2, 1.8])


def test_question_of_no_language_gets_no_bonus() -> None:
    """Without a question language, no passage is raised."""
    ranking = rank(np.ones(2), np.zeros(2), None, np.zeros(2, bool), RankingWeights())
    assert ranking.tolist() == [1.0, 1.0]


def test_best_breaks_ties_by_passage_id_and_skips_failures() -> None:
    """Equal scores go to the lower passage id; a candidate below the floor never comes back."""
    ranking = np.asarray([1.0, 5.0, 5.0, 9.0])
    ids = np.asarray([10, 30, 20, 40])
    passes = np.asarray([True, True, True, False])
    assert best(ranking, ids, passes, 2).tolist() == [2, 1]


def test_ranking_weights_are_one_frozen_set() -> None:
    """The weights cannot be changed one at a time on a live searcher."""
    with pytest.raises(dataclasses.FrozenInstanceError):
        RankingWeights().context = 1.0  # type: ignore[misc]


def test_best_leaves_out_the_weak_tail() -> None:
    """A candidate far below the best one is not returned."""
    ranking = np.array([10.0, 6.0, 2.0])
    ids = np.array([0, 1, 2])
    kept = best(ranking, ids, np.ones(3, dtype=bool), 3, least_share_of_best=0.4)
    assert kept.tolist() == [0, 1]
