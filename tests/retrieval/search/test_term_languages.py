"""A passage in another language is judged on the words its language could hold."""

from __future__ import annotations

import numpy as np
import pytest

import retrieval.search.searcher as searcher_module
from retrieval.index import BM25Index
from retrieval.search.answerability import Floor, answerable
from retrieval.search.query_words import ResolvedWord
from retrieval.search.term_languages import TermLanguages
from retrieval.tokenize import QueryTerm
from retrieval.translation import WordPair
from tests.retrieval.handmade import handmade_searcher

PAIRS = [WordPair("de", "Hafen", "en", "harbour"), WordPair("de", "Kran", "en", "crane")]
ROWS = [
    ("doc-en", 1, "en", "The harbour cranes of Zhuhai number 48 after the expansion."),
    ("doc-en", 2, "en", "Rail freight moved inland through the valley."),
    ("doc-en", 3, "en", "Farmers planted rice along the river terraces."),
    ("doc-en", 4, "en", "The museum opened a new wing for ceramics."),
    ("doc-de", 1, "de", "Seit dem Frühjahr fahren mehr Züge nach Norden."),
    ("doc-de", 2, "de", "Das Museum zeigt seit Mai Keramik aus der Song-Zeit."),
]
TITLES = {"doc-en": ("Harbour", "en"), "doc-de": ("Nachrichten", "de")}


def test_terms_carry_the_languages_of_the_passages_holding_them() -> None:
    """A term's bits are the languages of its passages; an unknown term has none."""
    index = BM25Index.build([["hafen", "seit"], ["harbour", "seit"], ["harbour"]])
    languages = TermLanguages(index, ["de", "de", "en"])
    de, en = languages.bit("de"), languages.bit("en")
    assert languages.of_spelling(("hafen",)) == de
    assert languages.of_spelling(("harbour",)) == de | en
    assert languages.of_spelling(("harbour", "hafen")) == de
    assert languages.of_spelling(("unknown",)) == 0
    assert languages.of_passages(np.array([2, 0])).tolist() == [en, de]


def test_a_word_only_the_askers_language_writes_does_not_bar_a_translation() -> None:
    """ "seit", "Frühjahr", "zeigt": German only here, and no dictionary has English for them;
    an English passage is judged on the words it could hold (crane, harbour, Zhuhai)."""
    searcher = handmade_searcher(ROWS, TITLES, translation_pairs=PAIRS)
    response = searcher.search("Wie viele Kräne zeigt der Hafen Zhuhai seit dem Frühjahr?")
    assert response.results and "48" in response.results[0].text


def test_a_rare_word_the_other_language_lacks_still_counts() -> None:
    """A name no passage of that language writes keeps its weight: no answer from Zhuhai's."""
    searcher = handmade_searcher(ROWS, TITLES, translation_pairs=PAIRS)
    response = searcher.search("Wie viele Kräne zeigt der Hafen Xiamen seit dem Frühjahr?")
    assert response.results == []


def test_in_another_language_a_word_weighs_as_its_translations_there(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """ "Jahr", rare in this corpus's German, common as "year" in its English: against an
    English passage it weighs what "year" does there, not its German weight."""
    rows = [
        ("doc-en", n, "en", text)
        for n, text in enumerate(
            [
                "Last year the harbour cranes of Zhuhai numbered 48.",
                "This year rail freight moved inland.",
                "Every year farmers plant rice.",
                "The museum opened a new wing this year.",
            ],
            start=1,
        )
    ] + [("doc-de", 1, "de", "Im Jahr 2020 fuhren mehr Züge nach Norden.")]
    searcher = handmade_searcher(
        rows, TITLES, translation_pairs=[*PAIRS, WordPair("de", "Jahr", "en", "year")]
    )
    seen: dict[str, np.ndarray] = {}

    def capture(
        weights: np.ndarray,
        holds: np.ndarray,
        names_person: np.ndarray,
        floor: Floor,
        common: np.ndarray | None = None,
        translated_only: np.ndarray | None = None,
        judged: np.ndarray | None = None,
        next_only: np.ndarray | None = None,
    ) -> np.ndarray:
        assert judged is not None
        seen["weights"], seen["judged"] = weights, judged
        return answerable(
            weights, holds, names_person, floor, common, translated_only, judged, next_only
        )

    monkeypatch.setattr(searcher_module, "answerable", capture)
    searcher.search("Wie viele Kräne hatte der Hafen im Jahr?")
    jahr = 2  # Kräne, Hafen, Jahr: the question's content words in order
    assert seen["judged"][jahr].min() < seen["weights"][jahr]


def test_one_chinese_character_weighs_by_its_rarity_elsewhere() -> None:
    """港口, a word CC-CEDICT has, keeps its weight where its language cannot hold it (its
    translations are just not there); 要, one character never translated, weighs by rarity."""
    searcher = handmade_searcher(ROWS, TITLES, translation_pairs=None)  # CC-CEDICT
    share = searcher._unwritten_share("港口要有多少台起重机?")
    harbour = ResolvedWord(QueryTerm("港口", ("港口",)), "港口", 3.0)
    must = ResolvedWord(QueryTerm("要", ("要",)), "要", 3.0)
    assert share(harbour) == 1.0
    assert share(must) < 0.2
