"""Words the corpus lacks weigh by how rare they are in the language at large."""

from __future__ import annotations

from retrieval.search.absent_words import AbsentWordScale, absent_word_share

SCALE = AbsentWordScale()


def _share(word: str, *, first: bool = False, language: str | None = "en") -> float:
    return absent_word_share(word, first_word=first, language=language, scale=SCALE)


def test_a_common_word_weighs_little() -> None:
    """ "big" is common in English: its absence says little."""
    assert _share("big") < 0.2


def test_a_rare_word_weighs_fully() -> None:
    """A word English rarely uses ("xylophones") weighs nearly the whole weight."""
    assert _share("xylophones") > 0.9


def test_a_capitalised_word_inside_an_english_question_is_a_name() -> None:
    """ "London" is common but a name: absent, it weighs fully."""
    assert _share("London") == 1.0


def test_the_first_word_of_a_question_is_not_taken_for_a_name() -> None:
    """A capital at the start of the question says nothing."""
    assert _share("Big", first=True) < 0.2


def test_german_capitals_are_not_names() -> None:
    """German capitalises its nouns: "Zeitung" weighs by its frequency."""
    assert _share("Zeitung", language="de") < 1.0


def test_figures_and_codes_weigh_fully() -> None:
    """An absent year or code is what the question is about."""
    assert _share("1987") == _share("WTO") == 1.0


def test_a_possessive_is_read_as_its_word() -> None:
    """ "Sichuan's" weighs as "Sichuan"."""
    assert _share("Sichuan's") == _share("Sichuan")


def test_a_chinese_name_weighs_fully() -> None:
    """A Chinese word the dictionary has as a name weighs fully, as "London" does; a common
    Chinese word absent from the corpus weighs little."""
    names = {"浙江省"}.__contains__
    share = absent_word_share(
        "浙江省", first_word=False, language="zh", scale=SCALE, chinese_name=names
    )
    assert share == 1.0
    assert absent_word_share("时间", first_word=False, language="zh", scale=SCALE) < 0.5
