"""Spelling correction: which words are corrected, to what, how the question then reads."""

from __future__ import annotations

import threading

import pytest

from retrieval.models import Correction
from retrieval.search import Searcher, corrected_question
from retrieval.search import spelling as spelling_module
from retrieval.search.spelling import spelling_table
from tests.retrieval.handmade import handmade_searcher
from tests.retrieval.search.asking import corrected
from tests.retrieval.search.corpora import TEXTS, TITLES


def test_misspelt_name_is_corrected_and_reported(searcher: Searcher) -> None:
    """ "Weizong" is corrected to "Weizhong" and the correction reported."""
    response = searcher.search("What did Weizong head?")
    assert [(c.original, c.corrected) for c in response.corrections] == [("Weizong", "Weizhong")]
    assert "Weizhong" in response.results[0].text


def test_stopwords_and_numbers_are_not_corrected(searcher: Searcher) -> None:
    """Stopwords and figures are never replaced by a neighbouring vocabulary word."""
    response = searcher.search("the 8438 samples")
    assert response.corrections == []


def test_correction_takes_the_nearest_written_word(speeches: Searcher) -> None:
    """ "inteligence" becomes "intelligence" (one edit), not "intelligent" (two)."""
    assert corrected(speeches, "artifical inteligence") == ["Artificial", "intelligence"]


def test_correction_never_offers_a_possessive(speeches: Searcher) -> None:
    """ "Shenzen" becomes "Shenzhen", not the "Shenzhen's" the corpus writes first."""
    assert corrected(speeches, "Shenzen") == ["Shenzhen"]


def test_correction_prefers_the_nearest_word_over_another_language(speeches: Searcher) -> None:
    """ "robotcs" becomes "robotics" (one edit), not German "Robotik" (two)."""
    assert corrected(speeches, "robotcs") == ["robotics"]


def test_correction_keeps_the_corpus_casing(speeches: Searcher) -> None:
    """ "mingdee" is shown as the corpus writes the name: "Mingde"."""
    assert corrected(speeches, "li mingdee") == ["Mingde"]


def test_spelling_table_holds_alphabetic_terms_by_first_letter() -> None:
    """Only words of five letters or more, no figures or codes, filed by their first letter."""
    table = spelling_table(["robot", "robotik", "2024", "ag600", "rob", "weizhong"])
    assert table == {"r": ["robot", "robotik"], "w": ["weizhong"]}


def test_corrected_question_replaces_whole_words_once() -> None:
    """Each correction replaces its word once, never inside a longer word."""
    corrections = [Correction(original="robotcs", corrected="robotics")]
    question = "robotcsx robotcs and robotcs"
    assert corrected_question(question, corrections) == "robotcsx robotics and robotcs"


def test_corrected_question_keeps_a_word_typed_in_capitals() -> None:
    """A shouted question stays shouted, so its other capitals are not read as acronyms."""
    corrections = [Correction(original="WEIZONG", corrected="Weizhong")]
    assert corrected_question("WHO IS WEIZONG", corrections) == "WHO IS WEIZHONG"


def test_search_during_the_table_build_is_corrected(monkeypatch: pytest.MonkeyPatch) -> None:
    """A search on another thread while the spelling table is built waits for the whole table:
    both searches get the correction (a table published before it was filled gave none)."""
    rows = [
        (f"doc-{kind}", number + 1, "en" if kind == "speech" else kind, text)
        for number, (kind, text) in enumerate(TEXTS)
    ]
    searcher = handmade_searcher(rows, TITLES)
    building = threading.Event()
    release = threading.Event()
    build = spelling_module.spelling_table

    def slow_build(vocabulary: list[str]) -> dict[str, list[str]]:
        building.set()
        release.wait(5)
        return build(vocabulary)

    monkeypatch.setattr(spelling_module, "spelling_table", slow_build)
    found: dict[str, list[str]] = {}

    def ask(name: str) -> None:
        found[name] = [c.corrected for c in searcher.search("Weizong").corrections]

    first = threading.Thread(target=ask, args=("first",))
    first.start()
    assert building.wait(5)
    second = threading.Thread(target=ask, args=("second",))
    second.start()
    second.join(0.2)
    assert second.is_alive(), "the second search did not wait for the table"
    release.set()
    first.join(5)
    second.join(5)
    assert found == {"first": ["Weizhong"], "second": ["Weizhong"]}


def test_a_real_word_the_corpus_lacks_is_not_corrected(searcher: Searcher) -> None:
    """ "spaces" is an English word, not a misspelt corpus word: no correction is offered."""
    assert searcher.search("office spaces").corrections == []
