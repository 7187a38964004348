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


# ---- a person and a subject, acronyms, lone digits, title passages --------------------------

WEAK_SPOTS = [
    ("report", 1, "en", "Huang Chuping, director of the congress, attended the meeting."),
    ("report", 2, "en", "Ai Lin, director of planning, spoke about the new harbour."),
    ("report", 3, "en", "The province will expand AI applications in its factories."),
    ("report", 4, "en", "Robotics and artificial intelligence are pillars of the new economy."),
    ("report", 5, "zh", "去年1-11月签约项目1个,金额1亿美元,排名第1。"),
    ("report", 6, "en", "Exporters of robotics met in the port and showed their robotics."),
    ("freigabe", 1, "de", "Künstliche Intelligenz und Robotik gelten als Zukunftsbranchen."),
    ("speech", 1, "en", "Zhou Hua's speech on drones"),
    ("speech", 2, "en", "Zhou Hua said drones sell well abroad."),
    ("speech", 3, "en", "Farmers in the hills grow tea for export."),
]
WEAK_SPOT_TITLES = {
    "report": ("Department heads", "en"),
    "freigabe": ("Nachrichten", "de"),
    "speech": ("Zhou Hua's speech on drones", "en"),
}
ZHOU_HUA = NameMention("Zhou Hua")
HUANG_CHUPING = NameMention("Huang Chuping")


@pytest.fixture(scope="module")
def weak_spots() -> Searcher:
    return handmade_searcher(WEAK_SPOTS, WEAK_SPOT_TITLES)


def test_person_with_an_unknown_subject_gets_nothing(weak_spots: Searcher) -> None:
    """ "What did Huang Chuping say about football?": his rare name alone does not carry it."""
    question = "What did Huang Chuping say about football?"
    assert _texts(weak_spots, question, (HUANG_CHUPING,)) == []


def test_person_with_a_known_subject_is_answered(weak_spots: Searcher) -> None:
    """ "What did Zhou Hua say about drones?" is answered by the passage on drones."""
    texts = _texts(weak_spots, "What did Zhou Hua say about drones?", (ZHOU_HUA,))
    assert texts[0].startswith("Zhou Hua said")


def test_question_about_a_persons_office_is_answered(weak_spots: Searcher) -> None:
    """ "Welches Amt hat Huang Chuping?": "Amt" asks about him, the passage naming him answers."""
    texts = _texts(weak_spots, "Welches Amt hat Huang Chuping?", (HUANG_CHUPING,))
    assert texts[0].startswith("Huang Chuping, director")


def test_office_word_without_a_person_is_an_ordinary_word(weak_spots: Searcher) -> None:
    """Without a person named, "Amt" is a word the corpus lacks and counts against a match."""
    assert _texts(weak_spots, "Welches Amt hat der Hafen?") == []


def test_capitals_are_an_acronym_not_a_name(weak_spots: Searcher) -> None:
    """ "AI" finds the passage writing "AI", never the one naming "Ai Lin"."""
    texts = _texts(weak_spots, "What about AI?")
    assert "The province will expand AI applications in its factories." in texts
    assert not any(t.startswith("Ai Lin") for t in texts)


def test_acronym_written_only_as_a_name_is_unknown(weak_spots: Searcher) -> None:
    """Where the corpus writes "Ai" only as a name, "AI" is an unknown word: no answer."""
    rows = [row for row in WEAK_SPOTS if "AI " not in row[3]]
    built = handmade_searcher(rows, WEAK_SPOT_TITLES)
    only_names = Searcher(built._corpus, built.index, built.tokenizer, abbreviations={})
    assert _texts(only_names, "AI") == []
    assert _texts(only_names, "Ai Lin")[0].startswith("Ai Lin")


def test_shouted_question_is_not_read_as_acronyms(weak_spots: Searcher) -> None:
    """ "WHO IS HUANG CHUPING" is a shouted question, not the acronyms "WHO" and "IS"."""
    assert _texts(weak_spots, "WHO IS HUANG CHUPING")[0].startswith("Huang Chuping")


def test_acronym_is_searched_spelled_out(weak_spots: Searcher) -> None:
    """ "Robotik KI" finds "Künstliche Intelligenz und Robotik" and reports the spelling."""
    response = weak_spots.search("Robotik KI")
    assert response.results[0].text.startswith("Künstliche Intelligenz")
    assert ("KI", ["Künstliche Intelligenz", "artificial intelligence"]) in [
        (e.original, e.added) for e in response.expansions
    ]


def test_lone_digit_does_not_outweigh_a_word(weak_spots: Searcher) -> None:
    """ "robotics OR 1=1": the robotics passages, not the Chinese passage full of 1s."""
    texts = _texts(weak_spots, "robotics OR 1=1")
    assert texts and all("oboti" in t for t in texts)


def test_question_of_a_digit_alone_still_searches_it(weak_spots: Searcher) -> None:
    """A question that is only a digit looks for that digit."""
    assert _texts(weak_spots, "1")[0].startswith("去年")


def test_body_passage_comes_before_the_title_repeated(weak_spots: Searcher) -> None:
    """ "Zhou Hua drones": the passage of the speech first, its title line after it."""
    texts = _texts(weak_spots, "Zhou Hua drones", (ZHOU_HUA,))
    assert texts[:2] == ["Zhou Hua said drones sell well abroad.", "Zhou Hua's speech on drones"]


def test_title_passage_answers_when_it_alone_matches(weak_spots: Searcher) -> None:
    """A title passage is still returned when nothing else holds the words asked for."""
    assert _texts(weak_spots, "speech")[0] == "Zhou Hua's speech on drones"


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
