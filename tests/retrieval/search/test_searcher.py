"""The whole search on hand-made passages: questions in three languages, figures, odd input."""

from __future__ import annotations

import pytest

from retrieval.index import BM25Index
from retrieval.search import Searcher
from retrieval.tokenize import Tokenizer
from tests.retrieval.handmade import HandmadeCorpus, handmade_searcher
from tests.retrieval.search.asking import top_text


def test_english_question_finds_its_passage(searcher: Searcher) -> None:
    """A paraphrased English question ranks the answering passage first."""
    assert "8,437" in top_text(searcher, "How many crop samples were collected?")


def test_german_question_finds_german_passage(searcher: Searcher) -> None:
    """A German question ranks the German passage first."""
    assert "leitete" in top_text(searcher, "Wer leitete die Veranstaltung?")


def test_chinese_question_finds_chinese_passage(searcher: Searcher) -> None:
    """A Chinese question finds the Chinese passage through jieba's words."""
    assert "张劲松" in top_text(searcher, "张劲松说了什么招商的事?")


def test_figures_find_their_passage(searcher: Searcher) -> None:
    """ "8437", "4.8%" and "14万亿" find the passages that write 8,437, 4.8% and 14万亿元."""
    assert "8,437" in top_text(searcher, "8437 samples")
    assert "4.8%" in top_text(searcher, "economy 4.8%")
    assert "14万亿元" in top_text(searcher, "14万亿")


def test_irregular_verb_forms_meet(searcher: Searcher) -> None:
    """ "How much did the economy grow?" finds "The economy grew by 4.8%"."""
    assert "4.8%" in top_text(searcher, "How much did the economy grow?")


def test_empty_question_returns_nothing(searcher: Searcher) -> None:
    """An empty or blank question returns an empty response, not an error."""
    assert searcher.search("   ").results == []


def test_same_question_same_order(searcher: Searcher) -> None:
    """Asking twice gives the same results in the same order."""
    first = searcher.search("Guangdong enterprises support")
    second = searcher.search("Guangdong enterprises support")
    assert [r.passage_id for r in first.results] == [r.passage_id for r in second.results]
    assert len(first.results) >= 2


def test_top_k_bounds_the_results(searcher: Searcher) -> None:
    """No more than top_k results are returned."""
    assert len(searcher.search("Guangdong enterprises support", top_k=1).results) == 1


def test_corpus_and_index_must_agree() -> None:
    """A searcher refuses an index built for a different number of passages."""
    with pytest.raises(ValueError):
        Searcher(HandmadeCorpus([], {}), BM25Index.build([["a"]]), Tokenizer())


def test_lone_surrogate_in_question_gives_a_serialisable_response(searcher: Searcher) -> None:
    """A lone surrogate ("\\ud800") in a question is replaced, so the response is valid JSON."""
    response = searcher.search("crop\ud800 germplasm samples")
    assert response.query == "crop\ufffd germplasm samples"
    assert "8,437" in response.results[0].text
    response.model_dump_json()


@pytest.mark.parametrize(
    "query",
    ["\x00", "a\x00b\x07", "🙂🚀" * 50, "\u202emoc.elpmaxe\u202c", "x" * 100_000, "8,437" * 2000],
)
def test_odd_questions_get_a_serialisable_answer(searcher: Searcher, query: str) -> None:
    """NUL, control, emoji, RTL and huge questions give a response that encodes, not an error."""
    response = searcher.search(query)
    assert len(response.results) <= 3
    response.model_dump_json()


def test_the_warm_up_leaves_the_first_question_nothing_to_build() -> None:
    """After the warm-up the titles' words and capitals and the answer-type patterns are
    there: the first question builds nothing the hundredth would not."""
    searcher = handmade_searcher(
        [("doc-en", 1, "en", "The AI plan grew fast.")], {"doc-en": ("AI plan", "en")}
    )
    searcher.warm_up()
    assert searcher._every_title.ready and searcher._acronyms._titles.ready
    assert {"_patterns", "_by_kind"} <= vars(searcher._answer_types).keys()
