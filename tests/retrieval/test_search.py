"""The searcher on hand-made passages: ranking, corrections, the relevance floor, results."""

from __future__ import annotations

import pytest

from retrieval.index import BM25Index
from retrieval.search import Searcher
from retrieval.tokenize import Tokenizer
from tests.retrieval.handmade import HandmadeCorpus, handmade_searcher

TEXTS = [
    ("en", "Governor Wang Weizhong headed the event in Guangzhou."),
    ("en", "The economy grew by 4.8%, with the total volume exceeding 13 trillion yuan."),
    ("en", "Guangdong collected 8,437 new crop germplasm samples."),
    ("en", "The plan attracts capital and investment into strategic emerging industries."),
    ("en", "Quantum science, brain-computer interfaces and 6G are priorities."),
    ("de", "Gouverneur Wang Weizhong leitete die Veranstaltung."),
    ("zh", "省商务厅厅长张劲松称,广东抓好4张招商清单。"),
    ("zh", "2024年广东预计全省地区生产总值将突破14万亿元。"),
    ("en", "The province will support enterprises in research and development."),
    ("en", "Guangdong will support R&D institutions and enterprises."),
    ("zh", "2025年将创新招商方式,吸引海外主权基金。"),
    ("speech", "We should regard talents as treasures."),
]


TITLES = {
    "doc-en": ("T en", "en"),
    "doc-de": ("T de", "de"),
    "doc-zh": ("T zh", "zh"),
    "doc-speech": ("Huang Kunming's speech", "en"),
}


@pytest.fixture(scope="module")
def searcher() -> Searcher:
    rows = [
        (f"doc-{kind}", number + 1, "en" if kind == "speech" else kind, text)
        for number, (kind, text) in enumerate(TEXTS)
    ]
    return handmade_searcher(rows, TITLES)


def _top_text(searcher: Searcher, query: str) -> str:
    response = searcher.search(query)
    assert response.results, f"no result for {query!r}"
    return response.results[0].text


def test_english_question_finds_its_passage(searcher: Searcher) -> None:
    """A paraphrased English question ranks the answering passage first."""
    assert "8,437" in _top_text(searcher, "How many crop samples were collected?")


def test_german_question_finds_german_passage(searcher: Searcher) -> None:
    """A German question ranks the German passage first."""
    assert "leitete" in _top_text(searcher, "Wer leitete die Veranstaltung?")


def test_chinese_question_finds_chinese_passage(searcher: Searcher) -> None:
    """A Chinese question finds the Chinese passage through jieba's words."""
    assert "张劲松" in _top_text(searcher, "张劲松说了什么招商的事?")


def test_figures_find_their_passage(searcher: Searcher) -> None:
    """ "8437", "4.8%" and "14万亿" find the passages that write 8,437, 4.8% and 14万亿元."""
    assert "8,437" in _top_text(searcher, "8437 samples")
    assert "4.8%" in _top_text(searcher, "economy 4.8%")
    assert "14万亿元" in _top_text(searcher, "14万亿")


def test_misspelt_name_is_corrected_and_reported(searcher: Searcher) -> None:
    """ "Weizong" is corrected to "Weizhong" and the correction reported."""
    response = searcher.search("What did Weizong head?")
    assert [(c.original, c.corrected) for c in response.corrections] == [("Weizong", "Weizhong")]
    assert "Weizhong" in response.results[0].text


def test_stopwords_and_numbers_are_not_corrected(searcher: Searcher) -> None:
    """Stopwords and figures are never replaced by a neighbouring vocabulary word."""
    response = searcher.search("the 8438 samples")
    assert response.corrections == []


def test_off_topic_question_returns_nothing(searcher: Searcher) -> None:
    """ "recipe for chocolate cake": no content word in the corpus, so no result."""
    assert searcher.search("recipe for chocolate cake").results == []


def test_unknown_word_outweighs_a_common_one(searcher: Searcher) -> None:
    """ "capital of France": "capital" occurs, "France" does not: below the floor, no result."""
    assert searcher.search("What is the capital of France?").results == []


def test_stopwords_only_question_returns_nothing(searcher: Searcher) -> None:
    """A question made only of stopwords has no content words and no results."""
    assert searcher.search("what is the of und 的").results == []


def test_empty_question_returns_nothing(searcher: Searcher) -> None:
    """An empty or blank question returns an empty response, not an error."""
    assert searcher.search("   ").results == []


def test_floor_is_a_parameter(searcher: Searcher) -> None:
    """With the floor at 0, a partly matching question gets the partial match."""
    lenient = Searcher(searcher._corpus, searcher.index, searcher._tokenizer, min_coverage=0.0)
    texts = [r.text for r in lenient.search("What is the capital of France?").results]
    assert any("capital" in t for t in texts)


def test_words_of_the_document_title_count_as_present(searcher: Searcher) -> None:
    """A speech passage answers a question naming the speaker, who is only in the title."""
    assert "treasures" in _top_text(searcher, "What did Huang Kunming say about talents?")


def test_unknown_chinese_compound_is_weighed_by_its_parts(searcher: Searcher) -> None:
    """ "海外基金" is not a word of the corpus, but 海外 and 基金 are: the passage is found."""
    assert "海外主权基金" in _top_text(searcher, "海外基金")


def test_irregular_verb_forms_meet(searcher: Searcher) -> None:
    """ "How much did the economy grow?" finds "The economy grew by 4.8%"."""
    assert "4.8%" in _top_text(searcher, "How much did the economy grow?")


def test_results_carry_metadata_and_offsets(searcher: Searcher) -> None:
    """A result has its passage text, document info, paragraph, offsets and language."""
    result = searcher.search("crop germplasm samples").results[0]
    assert result.document.id == "doc-en"
    assert (result.paragraph, result.passage_id, result.language) == (3, 2, "en")
    assert result.end - result.start == len(result.text)
    assert result.score > 0


def test_matched_terms_are_surface_words(searcher: Searcher) -> None:
    """matched_terms lists the passage's words as written, in order, without overlaps."""
    result = searcher.search("brain computer interface").results[0]
    assert result.matched_terms == ["brain", "computer", "interfaces"]
    result = searcher.search("brain-computer interface").results[0]
    assert result.matched_terms == ["brain-computer", "interfaces"]


def test_matched_terms_for_chinese_prefer_the_longest_word(searcher: Searcher) -> None:
    """In Chinese, the whole word is listed, not its parts ("张劲松", not "劲松")."""
    result = searcher.search("张劲松").results[0]
    assert result.matched_terms == ["张劲松"]


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
