"""Acronyms: found only where written in capitals, and searched for spelled out."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from retrieval.search import Searcher, read_abbreviations
from retrieval.search.acronyms import is_acronym, is_shouted, writes_acronym
from tests.retrieval.handmade import handmade_searcher
from tests.retrieval.search.asking import texts
from tests.retrieval.search.corpora import WEAK_SPOT_TITLES, WEAK_SPOTS, filler


def test_capitals_are_an_acronym_not_a_name(weak_spots: Searcher) -> None:
    """ "AI" finds the passage writing "AI", never the one naming "Ai Lin"."""
    found = texts(weak_spots, "What about AI?")
    assert "The province will expand AI applications in its factories." in found
    assert not any(t.startswith("Ai Lin") for t in found)


def test_acronym_written_only_as_a_name_is_unknown() -> None:
    """Where the corpus writes "Ai" only as a name, "AI" is an unknown word: no answer."""
    rows = [row for row in WEAK_SPOTS if "AI " not in row[3]]
    built = handmade_searcher(rows, WEAK_SPOT_TITLES)
    only_names = Searcher(
        built._corpus,
        built.index,
        built.tokenizer,
        abbreviations={},
        synonym_rules=[],
        translation_pairs=[],
    )
    assert texts(only_names, "AI") == []
    assert texts(only_names, "Ai Lin")[0].startswith("Ai Lin")


def test_shouted_question_is_not_read_as_acronyms(weak_spots: Searcher) -> None:
    """ "WHO IS HUANG CHUPING" is a shouted question, not the acronyms "WHO" and "IS"."""
    assert texts(weak_spots, "WHO IS HUANG CHUPING")[0].startswith("Huang Chuping")


def test_acronym_is_searched_spelled_out(weak_spots: Searcher) -> None:
    """ "Robotik KI" finds "Künstliche Intelligenz und Robotik" and reports the spelling."""
    response = weak_spots.search("Robotik KI")
    assert response.results[0].text.startswith("Künstliche Intelligenz")
    assert ("KI", ["Künstliche Intelligenz", "artificial intelligence"]) in [
        (e.original, e.added) for e in response.expansions
    ]


def test_two_to_four_capitals_are_an_acronym() -> None:
    """ "AI" and "GDP" are acronyms; "A", "ROBOT" and "Ai" are not."""
    assert [is_acronym(w) for w in ("AI", "GDP", "A", "ROBOT", "Ai")] == [
        True,
        True,
        False,
        False,
        False,
    ]


def test_a_question_all_in_capitals_is_shouted() -> None:
    """Capitals with a word longer than an acronym are shouting; "AI" alone is not."""
    assert is_shouted("ROBOTICS AND AI")
    assert not is_shouted("AI")
    assert not is_shouted("What about AI?")


def test_acronym_is_written_as_a_word_of_its_own() -> None:
    """ "AI-driven", "AI's" and "AI技术" write "AI"; "Ai" and "MAIN" do not."""
    assert all(writes_acronym(t, "AI") for t in ("AI-driven", "AI's", "AI技术"))
    assert not any(writes_acronym(t, "AI") for t in ("Ai Lin", "MAIN"))


def test_abbreviations_file_maps_acronyms_to_spellings(tmp_path: Path) -> None:
    """Each listed acronym maps to its spellings; an entry that is not a list is skipped."""
    path = tmp_path / "abbreviations.toml"
    path.write_text('[abbreviations]\nXR = ["extended reality"]\nBAD = "one"\n', "utf-8")
    assert read_abbreviations(path) == {"XR": ["extended reality"]}


def test_titles_writing_an_acronym_are_those_writes_acronym_finds() -> None:
    """The look-up of titles built once agrees with reading each title."""
    titles = [
        "AI-driven growth",
        "The AI's future",
        "AIs at work",
        "MAIN street",
        "Ai Lin speaks",
        "AIGC and AI技术",
        "NDRC: rules for AIS",
    ]
    documents = {f"doc-{i}": (title, "en") for i, title in enumerate(titles)}
    rows = [(doc, 1, "en", "Text of the report.") for doc in documents]
    acronyms = handmade_searcher(rows, documents)._acronyms
    for acronym in ("AI", "AIGC", "NDRC", "MAIN", "AIS", "IS"):
        expected = [doc for doc, (title, _) in documents.items() if writes_acronym(title, acronym)]
        assert acronyms.titles_writing(acronym) == expected, acronym


_WELDERS = [
    ("park", 1, "en", "The park opened a training centre for welders."),
    ("park", 2, "en", "Ai Xuefeng cut the ribbon on Monday."),
    ("plan", 1, "en", "The province will use AI in its new factories."),
    *filler("other"),
]
_WELDER_TITLES = {"park": ("Park news", "en"), "plan": ("Plan", "en"), "other": ("City", "en")}


def test_a_name_in_the_next_paragraph_is_not_the_acronym() -> None:
    """ "Ai Xuefeng" in the paragraph after the welders' does not stand for "AI" there."""
    searcher = handmade_searcher(_WELDERS, _WELDER_TITLES, min_coverage=0.7)
    assert "The park opened a training centre for welders." not in texts(searcher, "AI welders")


def test_a_filter_leaving_out_the_name_keeps_acronym_scores_right() -> None:
    """Filtered to leave out the passage naming "Ai Xuefeng", the passage writing "AI" keeps
    the score it has unfiltered (the name's BM25 is taken from no other passage)."""
    searcher = handmade_searcher(_WELDERS, _WELDER_TITLES)
    unfiltered = searcher.search("AI factories").results[0]
    within = np.ones(len(_WELDERS), dtype=bool)
    within[1] = False  # the passage naming Ai Xuefeng
    filtered = searcher.search("AI factories", within=within).results[0]
    assert filtered.text == unfiltered.text == "The province will use AI in its new factories."
    assert filtered.score == unfiltered.score
