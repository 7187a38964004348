"""Which questions ask for a figure, and where a quote states one."""

from __future__ import annotations

import pytest

from bot.figures import figure_rules


@pytest.mark.parametrize(
    "question",
    [
        "quote the governor on robotics",
        "Quote Wang Weizhong on new energy vehicles",
        "What is anteil?",
    ],
)
def test_german_measures_do_not_count_in_english_questions(question: str) -> None:
    """The German measures "Quote" and "Anteil" in an English question ask for no figure."""
    assert not figure_rules().asks_for_figure(question)


@pytest.mark.parametrize(
    "question", ["Wie hoch ist die Quote der Exporte?", "Wie groß ist der Anteil der Industrie?"]
)
def test_german_measures_count_in_german_questions(question: str) -> None:
    """The same words in a German question make it a question of figures."""
    assert figure_rules().asks_for_figure(question)


@pytest.mark.parametrize("question", ["What GDP does Guangdong expect?", "GDP", "广东的产值"])
def test_measures_count_in_their_language_and_in_questions_that_do_not_tell(
    question: str,
) -> None:
    """An English measure in an English question, a bare keyword, a Chinese measure: figures."""
    assert figure_rules().asks_for_figure(question)


def test_an_english_measure_does_not_count_in_a_german_question() -> None:
    """The English measure "sales" asks for no figure in a German question that holds it."""
    assert not figure_rules().asks_for_figure("Was sagte der Gouverneur über die Sales-Abteilung?")
