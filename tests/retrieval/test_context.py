"""Ranking by context, names in several spellings, and the choice of spelling corrections."""

from __future__ import annotations

import pytest

from retrieval.search import NameMention, Searcher
from tests.retrieval.handmade import handmade_searcher

# (document, paragraph, language, text)
PASSAGES = [
    (
        "release",
        1,
        "en",
        "Governor Li Mingde emphasized that the industrial basis must be modernized.",
    ),
    ("release", 1, "en", "The province will promote future industries such as robotics."),
    ("release", 2, "en", "Governor Li Mingde headed the event in the city."),
    ("release", 3, "en", "Huang further said that new industries such as chips are a priority."),
    ("release", 4, "en", "Intelligent machines are built in Shenzhen's new factories."),
    ("release", 4, "en", "Artificial intelligence research grows in Shenzhen and in Shenzhen."),
    ("release", 5, "en", "Exporters of robotics met in the port."),
    ("release", 6, "en", "The city opened a new metro line and two bridges."),
    ("release", 7, "en", "Farmers collected new crop samples for the seed bank."),
    ("release", 8, "en", "The new airport terminal will open next spring."),
    ("freigabe", 1, "de", "Robotik gilt als Zukunftsbranche."),
    ("speech", 1, "en", "Drones made here sell well all over the world."),
    ("speech", 2, "en", "We should regard talents as treasures."),
    ("report", 1, "zh", "省商务厅厅长张劲松称,广东抓好招商清单。"),
    (
        "report",
        2,
        "en",
        "Zhang Jinsong, director of commerce, noted that recruitment lists matter.",
    ),
    ("report", 3, "en", "The harbour handled more containers than ever."),
]
TITLES = {
    "release": ("Province news", "en"),
    "freigabe": ("Nachrichten", "de"),
    "speech": ("Zhou Hua's speech at the conference", "en"),
    "report": ("Department heads", "en"),
}


@pytest.fixture(scope="module")
def searcher() -> Searcher:
    return handmade_searcher(PASSAGES, TITLES)


def _texts(searcher: Searcher, query: str, names: tuple[NameMention, ...] = ()) -> list[str]:
    return [r.text for r in searcher.search(query, names=names).results]


def _corrected(searcher: Searcher, query: str) -> list[str]:
    return [c.corrected for c in searcher.search(query).corrections]


GOVERNOR = NameMention("governor", ("Li Mingde",))


def test_passage_in_the_speakers_paragraph_answers(searcher: Searcher) -> None:
    """The sentence on robotics in the governor's paragraph beats the one naming him."""
    assert (
        "robotics" in _texts(searcher, "What did the governor say about robotics?", (GOVERNOR,))[0]
    )


def test_paragraph_context_counts_for_the_floor(searcher: Searcher) -> None:
    """Words of a passage's paragraph count as present: under a floor of 90%, the robotics
    sentence of the governor's paragraph passes, the one from another paragraph does not."""
    strict = Searcher(searcher._corpus, searcher.index, searcher.tokenizer, min_coverage=0.9)
    texts = _texts(strict, "What did the governor say about robotics?", (GOVERNOR,))
    assert "The province will promote future industries such as robotics." in texts
    assert "Exporters of robotics met in the port." not in texts


def test_title_names_the_speaker_of_every_passage(searcher: Searcher) -> None:
    """A speech's passage on drones answers "What did Zhou Hua say about drones?" first."""
    texts = _texts(searcher, "What did Zhou Hua say about drones?", (NameMention("Zhou Hua"),))
    assert texts[0].startswith("Drones")


def test_question_naming_only_a_person_prefers_passages_naming_them(searcher: Searcher) -> None:
    """Without a subject, the passages that name the person come before their neighbours."""
    mention = NameMention("Li Mingde")
    assert all("Li Mingde" in t for t in _texts(searcher, "Li Mingde", (mention,))[:2])


def test_other_spelling_of_a_name_finds_its_passages(searcher: Searcher) -> None:
    """张劲松 also finds the passage writing "Zhang Jinsong", and the expansion is reported."""
    response = searcher.search(
        "张劲松说了什么?", names=(NameMention("张劲松", ("Zhang Jinsong",)),)
    )
    texts = [r.text for r in response.results]
    assert any(t.startswith("Zhang Jinsong") for t in texts)
    assert [(e.original, e.added) for e in response.expansions] == [("张劲松", ["Zhang Jinsong"])]


def test_other_spelling_unknown_to_the_corpus_is_not_reported(searcher: Searcher) -> None:
    """A spelling the corpus never writes is neither searched for nor reported."""
    response = searcher.search("张劲松", names=(NameMention("张劲松", ("Chang Chinsung",)),))
    assert response.expansions == []


def test_question_in_english_prefers_english_passages(searcher: Searcher) -> None:
    """Asked in English, an English passage comes before an equally good German one."""
    texts = _texts(searcher, "What about the robotics?")
    assert texts.index("Robotik gilt als Zukunftsbranche.") > 0


def test_correction_takes_the_nearest_written_word(searcher: Searcher) -> None:
    """ "inteligence" becomes "intelligence" (one edit), not "intelligent" (two)."""
    assert _corrected(searcher, "artifical inteligence") == ["Artificial", "intelligence"]


def test_correction_never_offers_a_possessive(searcher: Searcher) -> None:
    """ "Shenzen" becomes "Shenzhen", not the "Shenzhen's" the corpus writes first."""
    assert _corrected(searcher, "Shenzen") == ["Shenzhen"]


def test_correction_prefers_the_nearest_word_over_another_language(searcher: Searcher) -> None:
    """ "robotcs" becomes "robotics" (one edit), not German "Robotik" (two)."""
    assert _corrected(searcher, "robotcs") == ["robotics"]


def test_correction_keeps_the_corpus_casing(searcher: Searcher) -> None:
    """ "mingdee" is shown as the corpus writes the name: "Mingde"."""
    assert _corrected(searcher, "li mingdee") == ["Mingde"]


def test_index_matches_are_every_passage_with_a_term(searcher: Searcher) -> None:
    """``matches`` gives every passage holding a query term, with its BM25Okapi score."""
    terms = searcher.tokenizer.tokenize("robotics governor", "en")
    ids, scores = searcher.index.matches(terms)
    full = searcher.index.scores(terms)
    assert ids.tolist() == [i for i, score in enumerate(full) if score > 0]
    assert scores.tolist() == pytest.approx(full[ids].tolist())
