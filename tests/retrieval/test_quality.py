"""Answer quality on the seed corpus, against the naive approach (the figures are printed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.evaluate import Evaluation, format_report, load_questions, run

SEEDS = Path(__file__).parents[2] / "seeds"


@pytest.fixture(scope="module")
def evaluations(request: pytest.FixtureRequest) -> tuple[Evaluation, Evaluation]:
    ours, naive = run(SEEDS)
    report = format_report(ours, naive)
    # Shown in every run, not only with -s: the figures are the point of this test.
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if capture is not None:
        with capture.global_and_fixture_disabled():
            print("\n" + report)
    else:
        print(report)
    return ours, naive


def test_question_set_is_large_and_multilingual() -> None:
    """The set has at least 30 questions in English, German and Chinese and 8 off-topic ones."""
    question_set = load_questions()
    assert len(question_set.questions) >= 30
    assert {q.language for q in question_set.questions} >= {"en", "de", "zh"}
    assert len(question_set.off_topic) >= 8


def test_top1_accuracy(evaluations: tuple[Evaluation, Evaluation]) -> None:
    """At least 90% of the questions get a first result containing the answer phrase."""
    ours, _ = evaluations
    assert ours.top1_rate >= 0.90, format_report(*evaluations)


def test_top3_accuracy(evaluations: tuple[Evaluation, Evaluation]) -> None:
    """At least 97% of the questions have the answer among the first three results."""
    ours, _ = evaluations
    assert ours.top3_rate >= 0.97, format_report(*evaluations)


def test_off_topic_questions_get_nothing(evaluations: tuple[Evaluation, Evaluation]) -> None:
    """Every off-topic question returns an empty result list."""
    ours, _ = evaluations
    assert ours.answered_off_topic == []


def test_evaluation_counts_hits_and_misses() -> None:
    """The scorer counts a hit at rank 1, one at rank 3, a miss, and an answered off-topic."""
    from retrieval.evaluate import Question, QuestionSet, evaluate

    answers = {"a": ["x A", "y"], "b": ["x", "y", "B z"], "c": ["nothing"], "off": ["text"]}
    question_set = QuestionSet(
        [Question("a", "A", "en"), Question("b", "B", "en"), Question("c", "C", "en")], ["off"]
    )
    result = evaluate("t", lambda q: answers[q], question_set)
    assert (result.top1, result.top3, result.off_topic_empty) == (1, 2, 0)
    assert result.answered_off_topic == ["off"]


def test_known_failures_are_reported_not_counted() -> None:
    """An off-topic question marked as a known failure is listed apart and not counted."""
    from retrieval.evaluate import QuestionSet, evaluate

    question_set = QuestionSet([], ["off"], known_off_topic=["known"])
    result = evaluate("t", lambda q: ["text"], question_set)
    assert (result.off_topic, result.answered_off_topic) == (1, ["off"])
    assert result.known_failures == ["known"]
