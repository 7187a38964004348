"""Base forms before stemming: the editable lists, simplemma's dictionaries and their guards."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.lemmas import Lemmatizer, read_word_pairs


@pytest.fixture(scope="module")
def lemmatizer() -> Lemmatizer:
    return Lemmatizer()


def test_english_irregular_past_meets_its_base(lemmatizer: Lemmatizer) -> None:
    """ "grew" is a form of "grow", "industries" of "industry"."""
    assert lemmatizer.lemma("grew", "en") == "grow"
    assert lemmatizer.lemma("industries", "en") == "industry"


def test_german_strong_verb_meets_its_infinitive(lemmatizer: Lemmatizer) -> None:
    """ "wuchs" and "wächst" are forms of "wachsen"."""
    assert lemmatizer.lemma("wuchs", "de") == lemmatizer.lemma("wächst", "de") == "wachsen"


def test_german_genitive_meets_its_noun(lemmatizer: Lemmatizer) -> None:
    """The lower-cased genitive "unternehmens" is a form of the noun "Unternehmen"."""
    assert lemmatizer.lemma("unternehmens", "de") == "unternehmen"


def test_pinyin_names_are_never_merged(lemmatizer: Lemmatizer) -> None:
    """Names that read as pinyin keep their form: "Lan" and "Lun" are not both "lin"."""
    for language in ("en", "de"):
        names = ["lan", "lun", "lin", "meng", "tu", "fang", "dang", "ding", "lei", "wen"]
        assert [lemmatizer.lemma(n, language) for n in names] == names


def test_acronyms_and_short_words_keep_their_form(lemmatizer: Lemmatizer) -> None:
    """A two-letter word is no inflected form: "ai" is not "be", "us" is not "we"."""
    assert lemmatizer.lemma("ai", "en") == "ai" and lemmatizer.lemma("us", "en") == "us"


def test_unknown_words_and_names_stay_as_written(lemmatizer: Lemmatizer) -> None:
    """A word no dictionary knows comes back unchanged, whatever the language."""
    assert lemmatizer.lemma("qorvinth", "en") == "qorvinth"
    assert lemmatizer.lemma("qorvinth", "de") == "qorvinth"


def test_a_base_form_must_be_one_word(lemmatizer: Lemmatizer) -> None:
    """A base form with a hyphen ("wifi" -> "wi-fi") is not taken: a term is one word."""
    assert lemmatizer.lemma("wifi", "en") == "wifi"


def test_languages_without_dictionary_use_their_list_only(tmp_path: Path) -> None:
    """A language without a simplemma dictionary here uses its editable list alone."""
    (tmp_path / "fr.txt").write_text("furent être\n", encoding="utf-8")
    lemmatizer = Lemmatizer(tmp_path)
    assert lemmatizer.lemma("furent", "fr") == "être"
    assert lemmatizer.lemma("allées", "fr") == "allées"


def test_editable_list_comes_before_the_dictionary(tmp_path: Path) -> None:
    """A pair in the editable list wins over the dictionary's base form."""
    (tmp_path / "en.txt").write_text("# comment\nfelt feel\nrose rise\n", encoding="utf-8")
    lemmatizer = Lemmatizer(tmp_path)
    assert lemmatizer.lemma("felt", "en") == "feel" and lemmatizer.lemma("rose", "en") == "rise"


def test_dictionary_entry_keeps_the_capital_of_german_nouns(lemmatizer: Lemmatizer) -> None:
    """The dictionary's own spelling tells a German noun ("Gründung") from a verb."""
    assert lemmatizer.dictionary_entry("gründungen", "de") == "Gründung"
    assert lemmatizer.dictionary_entry("leitete", "de") == "leiten"
    assert lemmatizer.dictionary_entry("qorvinth", "de") is None


def test_fingerprint_follows_the_editable_lists(tmp_path: Path) -> None:
    """Editing a list changes the fingerprint (saved indexes must be rebuilt)."""
    path = tmp_path / "en.txt"
    path.write_text("grew grow\n", encoding="utf-8")
    before = Lemmatizer(tmp_path).fingerprint
    path.write_text("grew grow\nran run\n", encoding="utf-8")
    assert Lemmatizer(tmp_path).fingerprint != before


def test_word_pairs_ignore_comments_and_odd_lines(tmp_path: Path) -> None:
    """ "form base" pairs: comments, blank lines and lines of another shape are skipped."""
    path = tmp_path / "en.txt"
    path.write_text("# c\nGrew grow  # past\n\nthree words here\nalone\n", encoding="utf-8")
    assert read_word_pairs(path) == {"grew": "grow"}
