"""Scoring a search function on a question set."""

from __future__ import annotations

from retrieval.evaluation.questions import Question, QuestionSet
from retrieval.evaluation.scoring import evaluate, holds


def _question(ask: str, expect: str, number: int = 1, kind: str = "") -> Question:
    return Question(ask, (expect,), "en", kind, number)


def test_counts_hits_at_rank_one_and_three_and_misses() -> None:
    """A hit at rank 1 counts for top-1 and top-3, one at rank 3 for top-3 only."""
    answers = {"a": ["x A", "y"], "b": ["x", "y", "B z"], "c": ["nothing"]}
    question_set = QuestionSet([_question("a", "A"), _question("b", "B"), _question("c", "C")], [])
    figures = evaluate("t", lambda q: answers[q], question_set).figures()
    assert (figures.top1, figures.top3, figures.questions) == (1, 2, 3)


def test_mrr_is_the_mean_reciprocal_rank_of_the_first_hit() -> None:
    """MRR@10 averages 1/rank of the first hit, 0 for a miss."""
    answers = {"a": ["A"], "b": ["x", "B"], "c": ["x"]}
    question_set = QuestionSet([_question("a", "A"), _question("b", "B"), _question("c", "C")], [])
    figures = evaluate("t", lambda q: answers[q], question_set).figures()
    assert abs(figures.mrr - (1 + 0.5 + 0) / 3) < 1e-12


def test_answered_with_nothing_is_counted_apart_from_wrong_answers() -> None:
    """An empty answer counts as answered with nothing; a wrong one does not."""
    answers = {"a": [], "b": ["wrong"]}
    question_set = QuestionSet([_question("a", "A"), _question("b", "B")], [])
    assert evaluate("t", lambda q: answers[q], question_set).figures().empty == 1


def test_off_topic_answered_is_listed_with_its_quote() -> None:
    """An off-topic question that gets a passage is listed with that passage."""
    result = evaluate("t", lambda q: ["text"] if q == "off" else [], QuestionSet([], ["off", "x"]))
    assert result.answered_off_topic == [("off", "text")]
    assert result.off_topic_empty == 1


def test_known_failures_are_reported_not_counted() -> None:
    """An off-topic question marked as a known failure is listed apart and not counted."""
    question_set = QuestionSet([], ["off"], known_off_topic=["known"])
    result = evaluate("t", lambda q: ["text"], question_set)
    assert (result.off_topic, result.off_topic_empty) == (1, 0)
    assert result.known_failures == ["known"]


def test_figures_select_questions() -> None:
    """Figures can be taken over a part of the set, e.g. one half."""
    question_set = QuestionSet([_question("a", "A", 1), _question("b", "B", 2)], [])
    result = evaluate("t", lambda q: ["A"], question_set)
    assert result.figures(lambda q: q.half == "tuning").top1 == 1
    assert result.figures(lambda q: q.half == "check").top1 == 0


def test_phrases_match_across_line_breaks() -> None:
    """An expected phrase is found in a passage that wraps it onto two lines."""
    assert holds("growth of\n5.5 percent", ["growth of 5.5 percent"])
