"""Telling words that read as pinyin (most likely Chinese names) from English and German words."""

from __future__ import annotations

from retrieval.pinyin import pinyin_syllables, reads_as_pinyin


def test_syllables_include_names_and_u_umlaut_spellings() -> None:
    """The syllable list has "zhong", "huang" and the Latin spellings of ü ("lv", "lyu")."""
    assert {"zhong", "huang", "lv", "lyu"} <= pinyin_syllables()


def test_given_names_and_places_read_as_pinyin() -> None:
    """Two-syllable given names and place names are pinyin."""
    assert all(reads_as_pinyin(w) for w in ("weizhong", "kunming", "shenzhen", "lan", "tu"))


def test_english_and_german_words_do_not() -> None:
    """Words with letters no syllable has are not pinyin."""
    assert not any(reads_as_pinyin(w) for w in ("grew", "industries", "wuchs", "robotics"))


def test_more_syllables_than_a_name_is_not_a_name() -> None:
    """A run of four or more syllables is not taken for a name."""
    assert reads_as_pinyin("zhangweiming") and not reads_as_pinyin("zhangweimingli")


def test_letters_outside_ascii_are_not_pinyin() -> None:
    """Folded pinyin is plain ASCII; a word with other letters is not pinyin."""
    assert not reads_as_pinyin("lü") and not reads_as_pinyin("")
