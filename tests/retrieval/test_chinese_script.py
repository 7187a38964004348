"""Traditional and simplified Chinese as one language; inline pinyin kept out of the words."""

from __future__ import annotations

import re
import unicodedata
from importlib.metadata import version

import pytest
from pypinyin import pinyin_dict

from retrieval import chinese_script
from retrieval.chinese_script import (
    ANNOTATION,
    fold_han_run,
    simplified_characters,
    syllable_spellings,
    to_simplified,
)
from retrieval.folding import compact, fold_in_place
from retrieval.models import DocumentInfo, Official
from retrieval.officials import OfficialsDirectory
from retrieval.pinyin import pinyin_syllables
from retrieval.search import OfficialNames, Searcher
from retrieval.tokenize import Tokenizer
from tests.retrieval.handmade import handmade_searcher

# Invented passages: the same made-up news in traditional and in simplified script.
TRADITIONAL = "嶺南市的機器人產業去年營業收入達3.2萬億元,龍頭企業數量創歷史新高。"
SIMPLIFIED = "岭南市的机器人产业去年营业收入达3.2万亿元,龙头企业数量创历史新高。"


@pytest.fixture(scope="module")
def tokenizer() -> Tokenizer:
    return Tokenizer()


@pytest.fixture(scope="module")
def searcher() -> Searcher:
    rows = [
        ("trad", 1, "zh", TRADITIONAL),
        ("simp", 1, "zh", "临江县的茶叶出口额增长两成,茶农收入明显提高。"),
        ("trad", 2, "zh", "會後,與會代表參觀了港口的自動化碼頭。"),
        ("simp", 2, "zh", "海湾新区的数据中心上线运行,算力规模全省第一。"),
        ("simp", 3, "zh", "河谷镇的果园迎来丰收,鲜果销往全国各地。"),
    ]
    return handmade_searcher(rows, {"trad": ("傳統", "zh"), "simp": ("简体", "zh")})


def _terms(tokenizer: Tokenizer, text: str) -> list[str]:
    return tokenizer.tokenize(text, "zh")


def _required(tokenizer: Tokenizer, query: str) -> list[tuple[str, ...]]:
    return [t.candidates for t in tokenizer.query_terms(query) if not t.stopword and not t.optional]


# ---- one script for the index ---------------------------------------------------------------


def test_traditional_passage_has_the_terms_of_its_simplified_twin(tokenizer: Tokenizer) -> None:
    """A passage in traditional characters indexes the terms of the same text in simplified."""
    assert _terms(tokenizer, TRADITIONAL) == _terms(tokenizer, SIMPLIFIED)


def test_simplified_question_finds_traditional_passage(searcher: Searcher) -> None:
    """A question in simplified characters finds the passage written in traditional ones."""
    results = searcher.search("岭南市机器人产业的营业收入是多少?").results
    assert results and results[0].text == TRADITIONAL


def test_traditional_question_finds_simplified_passage(searcher: Searcher) -> None:
    """A question in traditional characters finds the passage written in simplified ones."""
    results = searcher.search("臨江縣茶葉出口額增長多少?").results
    assert results and results[0].text.startswith("临江县")


def test_offsets_point_into_the_original_text(tokenizer: Tokenizer) -> None:
    """Folded terms keep spans into the text as written: the quote stays traditional."""
    spans = {t.term: TRADITIONAL[t.start : t.end] for t in tokenizer.tokens(TRADITIONAL, "zh")}
    assert spans["机器人"] == "機器人"
    assert spans["龙头企业"] == "龍頭企業"


def test_question_surfaces_are_as_typed(tokenizer: Tokenizer) -> None:
    """A traditional question's words are reported as typed, with simplified candidates."""
    words = {t.surface: t.candidates for t in tokenizer.query_terms("機器人產業")}
    assert words["機器人"] == ("机器人",)


def test_figure_with_traditional_magnitude_equals_simplified(tokenizer: Tokenizer) -> None:
    """ "3.2萬億元" gives the same figure terms as "3.2万亿元", spans on the original."""
    traditional = tokenizer.tokens("收入3.2萬億元", "zh")
    simplified = tokenizer.tokens("收入3.2万亿元", "zh")
    assert [t.term for t in traditional] == [t.term for t in simplified]
    figure = next(t for t in traditional if t.term == "3.2万亿元")
    assert "收入3.2萬億元"[figure.start : figure.end] == "3.2萬億元"


def test_mixed_page_with_mainland_forms_folds_to_simplified(tokenizer: Tokenizer) -> None:
    """Traditional text using the mainland forms 后/于/并 indexes as its simplified twin."""
    mixed = "會議結束后,代表們並于港口參觀碼頭。"
    assert _terms(tokenizer, mixed) == _terms(tokenizer, "会议结束后,代表们并于港口参观码头。")


def test_mixed_page_answers_simplified_question(searcher: Searcher) -> None:
    """A page mixing traditional and mainland forms answers a simplified question."""
    results = searcher.search("代表参观了自动化码头吗?").results
    assert results and results[0].text.startswith("會後")


def test_simplified_text_is_left_as_it_is() -> None:
    """Folding leaves simplified text (and everything not Chinese) unchanged."""
    assert to_simplified(SIMPLIFIED + " Lingnan 2024") == SIMPLIFIED + " Lingnan 2024"


def test_length_changing_conversion_falls_back_to_characters(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A run whose phrase conversion changes its length is converted character by character."""

    class Lengthening:
        def convert(self, text: str) -> str:
            return {"乾": "干", "隆": "隆"}.get(text, text + "X")

    monkeypatch.setattr(chinese_script._CONVERTER, "_converter", Lengthening())
    chinese_script._simplified_character.cache_clear()
    try:
        assert simplified_characters("乾隆") == "干隆"
    finally:
        chinese_script._simplified_character.cache_clear()


def test_tokenizer_version_covers_the_converter() -> None:
    """The tokenizer's version names OpenCC's release, so a new one rebuilds saved indexes."""
    assert f"opencc{version('OpenCC')}" in Tokenizer().version


# ---- inline pinyin --------------------------------------------------------------------------


def test_inline_pinyin_is_dropped_and_words_segment(tokenizer: Tokenizer) -> None:
    """ "產(chǎn)業(yè)" indexes "产业"; the pinyin syllables are no terms."""
    terms = _terms(tokenizer, "機器人產(chǎn)業(yè)發(fā)展")
    assert "产业" in terms
    assert "发展" in terms
    assert not {"chan", "ye", "fa"} & set(terms)


def test_inline_pinyin_spans_cover_the_annotations(tokenizer: Tokenizer) -> None:
    """A word's span runs from its first character to the end of its last annotation."""
    text = "新產(chǎn)業(yè)。"
    token = next(t for t in tokenizer.tokens(text, "zh") if t.term == "产业")
    assert text[token.start : token.end] == "產(chǎn)業(yè)"


def test_inline_pinyin_without_tone_marks_or_with_numbers(tokenizer: Tokenizer) -> None:
    """Annotations without tone marks or with tone numbers are dropped too."""
    assert "产业" in _terms(tokenizer, "產(chan)業(ye)")
    assert "产业" in _terms(tokenizer, "產(chan3)業(ye4)")


def test_question_with_inline_pinyin_asks_for_the_word(tokenizer: Tokenizer) -> None:
    """A question carrying inline pinyin asks for the word, not for the syllables."""
    assert ("产业",) in _required(tokenizer, "機器人產(chǎn)業(yè)")


def test_parenthesised_latin_word_is_not_pinyin(tokenizer: Tokenizer) -> None:
    """A parenthesised word that is no pinyin syllable stays a term of its own."""
    assert "ai" in _terms(tokenizer, "人工智能(AI)产业")


def test_annotation_after_a_non_chinese_character_is_kept(tokenizer: Tokenizer) -> None:
    """Only a syllable right after a Chinese character is an annotation."""
    assert "ye" in _terms(tokenizer, "产业 (ye)")


def test_fold_han_run_maps_each_character_to_its_span() -> None:
    """Each folded character knows its span, its annotation included."""
    text = "x產(chǎn)業y"
    run = fold_han_run(text, 1, len(text) - 1)
    assert run.text == "产业"
    assert [text[s:e] for s, e in zip(run.starts, run.ends, strict=True)] == ["產(chǎn)", "業"]


def test_every_pinyin_reading_is_an_annotation() -> None:
    """Every tone-marked reading pypinyin knows reads as an annotation (but the interjection
    ê, which annotates no word)."""
    syllables = pinyin_syllables()
    annotation = re.compile(ANNOTATION)
    readings = {r for value in pinyin_dict.pinyin_dict.values() for r in value.split(",")}
    missed = []
    for reading in readings:
        decomposed = unicodedata.normalize("NFD", reading)
        if "\u0302" in decomposed:  # ê
            continue
        plain = "".join(c for c in decomposed if not unicodedata.combining(c))
        if plain in syllables and not annotation.fullmatch(f"({reading})"):
            missed.append(reading)
    assert missed == []


def test_syllable_spellings_put_the_tone_mark_where_pinyin_does() -> None:
    """The tone mark goes on a or e, on the o of "ou", else on the last vowel; v is ü."""
    assert "guī" in syllable_spellings("gui")
    assert "lòu" in syllable_spellings("lou")
    assert "lǜ" in syllable_spellings("lv")


# ---- names across scripts -------------------------------------------------------------------


def _official(name: str, aliases: list[str]) -> Official:
    document = DocumentInfo(id="d", title="T", source="S", language="zh")
    return Official(name=name, aliases=aliases, documents=[document])


# A Hong Kong romanisation: the name's pinyin does not spell it, only the characters match;
# a namesake by sound (chen da wen) whom only the characters tell apart.
HONG_KONG = _official("Chan Tai-man", ["陳大文"])
NAMESAKE = _official("Chen Dawen", ["陈达文"])
MAINLAND = _official("Li Xiaoming", ["李晓明"])
OFFICIALS = [HONG_KONG, NAMESAKE, MAINLAND]


def test_name_folds_compare_across_scripts() -> None:
    """Names compared by characters meet whatever their script."""
    assert compact("陳大文") == compact("陈大文")
    assert fold_in_place("問陳大文") == "问陈大文"


def test_directory_finds_traditional_name_asked_in_simplified() -> None:
    """The directory finds an official written in traditional characters asked in simplified,
    not a namesake by sound."""
    found = OfficialsDirectory(OFFICIALS).lookup("陈大文").official
    assert found is not None and found.name == "Chan Tai-man"


def test_directory_finds_simplified_name_asked_in_traditional() -> None:
    """The directory finds an official written in simplified characters asked in traditional."""
    found = OfficialsDirectory(OFFICIALS).lookup("李曉明").official
    assert found is not None and found.name == "Li Xiaoming"


def test_directory_completes_across_scripts() -> None:
    """Autocomplete offers first the official whose name starts so in the other script."""
    assert OfficialsDirectory(OFFICIALS).complete("陈大")[0] == "Chan Tai-man"


def test_question_names_official_in_the_other_script() -> None:
    """A simplified question names the official the corpus writes in traditional, quoted as
    typed."""
    mentions = OfficialNames([HONG_KONG, MAINLAND]).mentions("陈大文现在是什么职务?")
    assert [m.mention for m in mentions] == ["陈大文"]
    assert "Chan Tai-man" in mentions[0].spellings
