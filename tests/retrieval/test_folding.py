"""Text folding: the forms in which two spellings of a word compare equal."""

from __future__ import annotations

from retrieval.folding import compact, fold, fold_case, fold_in_place, squeezed, strip_marks


def test_fold_drops_case_accents_and_compatibility_forms() -> None:
    """Tone marks, umlauts, capitals and full-width letters all fold away."""
    assert fold("Zhāng Jìnsōng") == "zhang jinsong"
    assert fold("Lü") == "lu"
    assert fold("ＧＤＰ") == "gdp"


def test_fold_in_place_keeps_every_offset() -> None:
    """Each character folds to one character, or stays as it is ("ß" would become two)."""
    text = "Zhāng Straße"
    folded = fold_in_place(text)
    assert folded == "zhang straße"
    assert len(folded) == len(text)


def test_compact_keeps_letters_digits_and_chinese_only() -> None:
    """Spaces, hyphens and apostrophes go: names compare whatever their spacing."""
    assert compact("Wang Wei-zhong") == "wangweizhong"
    assert compact("Xi'an 张劲松 6G") == "xian张劲松6g"


def test_squeezed_compares_lines_whatever_their_spacing() -> None:
    """Runs of white space become one space, and the line is folded."""
    assert squeezed("  Report\n\ttitle ") == squeezed("report title") == "report title"


def test_fold_case_keeps_accents_for_the_stemmer() -> None:
    """Index terms keep their accents; only case and compatibility forms fold."""
    assert fold_case("Künstliche") == "künstliche"
    assert fold_case("ﬁnance") == "finance"


def test_strip_marks_keeps_a_languages_own_accents() -> None:
    """German keeps its umlauts, English drops every mark, an unlisted language keeps all."""
    assert strip_marks("künstliche", "de") == "künstliche"
    assert strip_marks("Huáng", "en") == "Huang"
    assert strip_marks("élève", "fr") == "élève"
