"""What a question asks for, and which passages hold it."""

from __future__ import annotations

import pytest

from retrieval.search import NameMention
from retrieval.search.answer_types import NUMBER, PERSON, STATEMENT, AnswerTypeRules, has_figure
from tests.retrieval.handmade import handmade_searcher
from tests.retrieval.search.corpora import filler

RULES = AnswerTypeRules.load()


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Who opened the harbour?", PERSON),
        ("Which port authority official opened the harbour?", PERSON),
        ("Wer eröffnete den Hafen?", PERSON),
        ("谁主持了会议?", PERSON),
        ("How many cranes does the port have?", NUMBER),
        ("Wie viele Kräne hat der Hafen?", NUMBER),
        ("港口有多少台起重机?", NUMBER),
        ("Why did the harbour open?", None),
        ("Welchen Plan hat der Direktor vorgestellt?", None),
        ("Which was the first official to visit the port?", PERSON),
        ("Welcher ist der zuständige Minister?", PERSON),
        ("What did the port director say about cranes?", STATEMENT),
        ("Was sagte der Hafendirektor über Kräne?", STATEMENT),
        ("港口局长说了什么?", STATEMENT),
    ],
)
def test_the_answer_type_is_read_from_how_a_question_asks(question: str, kind: str) -> None:
    """Who/which-official questions ask for a person, how-many questions for a figure."""
    assert RULES.asked(question) == kind


@pytest.mark.parametrize(
    "text", ["On October 17, 2024 the port opened.", "Am 8. November 2024", "the 136th session"]
)
def test_years_dates_and_ordinals_are_no_figure(text: str) -> None:
    """A year, a date or an ordinal is not the figure a how-many question asks for."""
    assert not has_figure(text)


@pytest.mark.parametrize("text", ["A total of 853 projects", "增长5.5%", "86万余家企业"])
def test_amounts_are_figures(text: str) -> None:
    """A count, a share or an amount is a figure."""
    assert has_figure(text)


def test_a_number_question_prefers_the_passage_with_a_figure() -> None:
    """Of two passages sharing the question's words, the one with a figure ranks first."""
    searcher = handmade_searcher(
        [
            ("doc-a", 1, "en", "The harbour cranes were praised by the port authority."),
            ("doc-a", 2, "en", "The harbour cranes number 48 after the expansion."),
            ("doc-b", 1, "en", "Rail freight moved inland through the valley."),
        ],
        {"doc-a": ("Harbour", "en"), "doc-b": ("Rail", "en")},
    )
    response = searcher.search("How many harbour cranes are there?")
    assert "48" in response.results[0].text


def test_the_words_of_a_phrase_that_only_asks_are_its_form() -> None:
    """ "Wie hoch" says how the question asks; "what share" names what it asks about."""
    assert RULES.form_words("Wie hoch war das BIP?") == {"wie", "hoch"}
    assert RULES.form_words("What share of exports went to Europe?") == frozenset()


_SPEECH_ROWS = [
    ("release", 1, "en", "Governor Li Mingde said that the factories must modernize."),
    ("release", 1, "en", "Robotics will be a priority for the province."),
    ("release", 2, "en", "Secretary Zhou Hua praised Governor Li Mingde for the robotics fair."),
    *filler("other", 6),
]
_SPEECH_TITLES = {"release": ("Province news", "en"), "other": ("Port news", "en")}


def test_what_a_person_said_ranks_their_paragraph_first() -> None:
    """Asked what the governor said, the robotics sentence of his statement's paragraph beats
    the sentence that only mentions him."""
    searcher = handmade_searcher(_SPEECH_ROWS, _SPEECH_TITLES)
    spoken = NameMention("governor", ("Li Mingde",), frozenset({("release", 1)}))
    response = searcher.search("What did the governor say about robotics?", names=(spoken,))
    assert response.results[0].text.startswith("Robotics will be")


def test_without_their_statements_a_mention_may_rank_first() -> None:
    """With no statement of the governor known, the sentence naming him and robotics wins."""
    searcher = handmade_searcher(_SPEECH_ROWS, _SPEECH_TITLES)
    unknown = NameMention("governor", ("Li Mingde",))
    response = searcher.search("What did the governor say about robotics?", names=(unknown,))
    assert response.results[0].text.startswith("Secretary Zhou Hua")
