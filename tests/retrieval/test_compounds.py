"""German compounds cut into their parts against wordfreq's German word list."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.compounds import CompoundSplitter, Part
from retrieval.lemmas import Lemmatizer
from retrieval.tokenize import STOPWORDS_DIR, read_word_list


@pytest.fixture(scope="module")
def splitter() -> CompoundSplitter:
    return CompoundSplitter(Lemmatizer(), read_word_list(STOPWORDS_DIR / "de.txt"))


def _words(splitter: CompoundSplitter, word: str) -> list[str]:
    return [part.word for part in splitter.parts(word)]


def test_compound_gives_its_parts_and_known_neighbours(splitter: CompoundSplitter) -> None:
    """ "halbleiterindustrie" gives Halb, Leiter, Industrie and the word Halbleiter."""
    assert set(_words(splitter, "halbleiterindustrie")) == {
        "halbleiter",
        "halb",
        "leiter",
        "industrie",
    }


def test_parts_carry_their_place_in_the_word(splitter: CompoundSplitter) -> None:
    """Each part's span is where it is written in the compound."""
    word = "halbleiterindustrie"
    assert all(word[p.start : p.end] == p.word for p in splitter.parts(word))
    assert Part("industrie", 10, 19) in splitter.parts(word)


def test_linking_s_is_not_part_of_the_part(splitter: CompoundSplitter) -> None:
    """ "unternehmensgründung": Unternehmen (without the linking s) and Gründung."""
    assert splitter.parts("unternehmensgründung") == (
        Part("unternehmen", 0, 11),
        Part("gründung", 12, 20),
    )


def test_inflected_last_part_counts_as_its_base(splitter: CompoundSplitter) -> None:
    """The plural "unternehmensgründungen" is cut like its singular."""
    assert _words(splitter, "unternehmensgründungen") == ["unternehmen", "gründungen"]


def test_three_parts_with_linking_elements(splitter: CompoundSplitter) -> None:
    """A long compound is cut into all its parts."""
    assert _words(splitter, "exportförderungskonferenz") == ["export", "förderung", "konferenz"]


def test_words_common_in_their_own_right_stay_whole(splitter: CompoundSplitter) -> None:
    """ "unternehmen" is no "unter nehmen", "flughafen" stays whole."""
    assert splitter.parts("unternehmen") == () and splitter.parts("flughafen") == ()


def test_endings_are_never_parts(splitter: CompoundSplitter) -> None:
    """ "-schaft", "-ionen" and "-ende" are endings here, not the nouns they also are."""
    for word in ("bereitschaft", "millionen", "billionen", "führende"):
        assert splitter.parts(word) == (), word


def test_verbs_and_adjectives_are_not_cut(splitter: CompoundSplitter) -> None:
    """Only nouns (or words the dictionary lacks) are compounds: "teilnehmen" stays whole."""
    assert splitter.parts("teilnehmen") == () and splitter.parts("bemerkenswerten") == ()


def test_names_are_not_cut(splitter: CompoundSplitter) -> None:
    """Pinyin names and names common in English too stay whole."""
    for word in ("guangdong", "dongguan", "zhongshan", "volkswagen", "wolfsburg"):
        assert splitter.parts(word) == (), word


def test_short_words_and_non_words_are_not_cut(splitter: CompoundSplitter) -> None:
    """Fewer than eight letters, digits or punctuation: never a compound."""
    assert splitter.parts("weltbau") == () and splitter.parts("ag600ag600") == ()
    assert splitter.parts("") == ()


def test_parts_are_real_words_of_reasonable_length(splitter: CompoundSplitter) -> None:
    """A word whose only cuts leave pieces that are no words stays whole."""
    assert splitter.parts("qorvinthalbrex") == ()


def test_rules_file_sets_linking_elements(tmp_path: Path) -> None:
    """The linking elements come from the rules file: without "s" there, the first part of
    "entwicklungsplan" keeps its "s"."""
    rules = tmp_path / "de.toml"
    rules.write_text('linking = ["s"]\n', encoding="utf-8")
    with_s = CompoundSplitter(Lemmatizer(), frozenset(), rules).parts("entwicklungsplan")
    rules.write_text("linking = []\n", encoding="utf-8")
    without = CompoundSplitter(Lemmatizer(), frozenset(), rules).parts("entwicklungsplan")
    assert with_s[0] == Part("entwicklung", 0, 11)
    assert without[0] == Part("entwicklungs", 0, 12)


def test_fingerprint_follows_the_rules_file(tmp_path: Path) -> None:
    """Editing the rules changes the fingerprint (saved indexes must be rebuilt)."""
    rules = tmp_path / "de.toml"
    rules.write_text('linking = ["s"]\n', encoding="utf-8")
    before = CompoundSplitter(Lemmatizer(), frozenset(), rules).fingerprint
    rules.write_text('linking = ["s", "es"]\n', encoding="utf-8")
    assert CompoundSplitter(Lemmatizer(), frozenset(), rules).fingerprint != before
