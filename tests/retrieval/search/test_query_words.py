"""Question words to weighed index terms: stopwords, unknown words, lone digits, compounds."""

from __future__ import annotations

from retrieval.search import Searcher
from retrieval.search.query_words import ResolvedWord, split_unknown_compounds
from retrieval.tokenize import QueryTerm
from tests.retrieval.handmade import handmade_searcher
from tests.retrieval.search.asking import texts, top_text


def test_stopwords_only_question_returns_nothing(searcher: Searcher) -> None:
    """A question made only of stopwords has no content words and no results."""
    assert searcher.search("what is the of und 的").results == []


def test_unknown_rare_word_weighs_the_most_a_word_can(searcher: Searcher) -> None:
    """A word the corpus lacks and the language rarely uses weighs the largest idf."""
    words, _ = searcher._query_words.resolve("samples zebroids")
    weights = {w.query.surface: w.weight for w in words}
    assert weights["zebroids"] == searcher.index.max_idf > weights["samples"]


def test_unknown_common_word_weighs_little(searcher: Searcher) -> None:
    """A common word the corpus lacks ("big") weighs less than a word it has."""
    words, _ = searcher._query_words.resolve("samples big")
    weights = {w.query.surface: w.weight for w in words}
    assert weights["big"] < weights["samples"]


def test_unknown_chinese_compound_is_weighed_by_its_parts(searcher: Searcher) -> None:
    """ "海外基金" is not a word of the corpus, but 海外 and 基金 are: the passage is found."""
    assert "海外主权基金" in top_text(searcher, "海外基金")


def test_compound_weight_is_shared_by_its_known_parts() -> None:
    """The unknown compound's weight goes, in equal shares, to its known optional parts."""
    whole = ResolvedWord(QueryTerm("海外基金", ("海外基金",)), None, 6.0)
    first = ResolvedWord(QueryTerm("海外", ("海外",), optional=True), "海外", 0.0)
    second = ResolvedWord(QueryTerm("基金", ("基金",), optional=True), "基金", 0.0)
    split = split_unknown_compounds([whole, first, second])
    assert [(w.term, w.weight) for w in split] == [("海外", 3.0), ("基金", 3.0)]


def test_lone_digit_does_not_outweigh_a_word(weak_spots: Searcher) -> None:
    """ "robotics OR 1=1": the robotics passages, not the Chinese passage full of 1s."""
    found = texts(weak_spots, "robotics OR 1=1")
    assert found and all("oboti" in t for t in found)


def test_question_of_a_digit_alone_still_searches_it(weak_spots: Searcher) -> None:
    """A question that is only a digit looks for that digit."""
    assert texts(weak_spots, "1")[0].startswith("去年")


def test_request_words_around_a_question_do_not_sink_it() -> None:
    """'want' and 'know' are phrasing, not topic: absent from the corpus, they do not empty it."""
    searcher = handmade_searcher(
        [
            ("news", 1, "en", "Guangdong will promote new industries such as robotics."),
            ("news", 2, "en", "The harbour handled more containers than ever."),
        ],
        {"news": ("Province news", "en")},
    )
    for question in (
        "Which industries does Guangdong want to promote?",
        "I want to know which industries Guangdong will promote",
    ):
        results = searcher.search(question).results
        assert results and "promote new industries" in results[0].text, question


def test_the_words_that_only_ask_are_not_searched(searcher: Searcher) -> None:
    """ "hoch" of "Wie hoch ..." is left out when given as a form word, kept otherwise."""
    question = "Wie hoch war das Wachstum?"
    plain, _ = searcher._query_words.resolve(question)
    asked, _ = searcher._query_words.resolve(question, form_words={"wie", "hoch"})
    assert "hoch" in [w.query.surface for w in plain]
    assert "hoch" not in [w.query.surface for w in asked]
