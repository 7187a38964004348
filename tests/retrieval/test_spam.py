"""Spam injected inside sentences: found by general rules, with the clause it spoils."""

from __future__ import annotations

import pytest

from retrieval.spam import find_injections, has_spam_vocabulary, spoiled_spans


def injected(text: str) -> list[str]:
    return [text[start:end] for start, end in find_injections(text)]


def test_escort_phrase_glued_into_a_name_is_found() -> None:
    """A title-cased escort phrase glued into the words on both sides is one injection."""
    text = "Mayor Lin HaoRiverside EscortMing opened the new container port on Monday."
    assert injected(text) == ["Riverside Escort"]


def test_phrase_glued_on_one_side_only_is_found() -> None:
    """A spam phrase whose first part is glued to the word before it is found whole."""
    text = "Officials toured the Foshan Ceramic FactorySG Casinos Group plant on Friday."
    assert injected(text) == ["SG Casinos"]


def test_gambling_word_glued_to_digits_is_found() -> None:
    """A betting word run together with a number is a brand token, not a word of the sentence."""
    assert injected("Open an account at bet777 now.") == ["bet"]


@pytest.mark.parametrize(
    "text",
    [
        "Open an account at winbet777 now.",  # "winbet" is one word part, not "bet"
        "The inhibitor XY-BET762 binds the protein.",  # an all-capital code
        "Insert the card into slot2 of the board.",  # one digit: a socket's number
    ],
)
def test_words_with_digits_that_are_no_brands(text: str) -> None:
    """Codes and numbered parts that hold a spam word are real text."""
    assert injected(text) == []


def test_latin_spam_word_inside_a_chinese_sentence_is_found() -> None:
    """A gambling word set into a Chinese sentence is foreign to it."""
    assert injected("市长在casino现场调研新能源项目。") == ["casino"]


@pytest.mark.parametrize(
    "text",
    [
        "Macao's casino revenue rose 5% in March, the gaming regulator said.",
        "A police escort led the convoy; investors are betting on the new free-trade port.",
        "The lottery of the 2024 sports games raised funds for Guangdong's schools.",
        "Between the alphabet of judicial reform and Essex, Tibet and Sussex lie no bets.",
        "McDonald opened its restaurant; the WeChat lottery feature drew crowds.",
    ],
)
def test_spam_words_standing_free_are_real_text(text: str) -> None:
    """Spam vocabulary that stands free in a sentence, or inside another word, is real text."""
    assert injected(text) == []


def test_chinese_gambling_brand_is_found_with_every_repetition() -> None:
    """A Latin word with a Chinese gambling-site name is spam, and so is each repetition of it."""
    text = (
        "局长一行到Jadewin金冠豪庭体育考察。"
        "随后,局长要求Jadewin金冠Jadewin金冠豪庭体育加快码头改造。"
    )
    assert injected(text) == ["Jadewin金冠豪庭体育", "Jadewin金冠Jadewin金冠豪庭体育"]


@pytest.mark.parametrize(
    "text",
    [
        "NBA体育频道转播了比赛。",  # an acronym names a real channel
        "Nike体育用品公司在东莞设厂。",  # a sports goods maker
        "Wynn娱乐场的收入增长了。",  # a Macao casino resort
        "华为Mate60手机销量增长,5G基站超过30万个。",
    ],
)
def test_latin_names_in_chinese_real_text_are_kept(text: str) -> None:
    """Latin names in real Chinese sentences are no gambling brands."""
    assert injected(text) == []


def test_gambling_site_phrase_inside_a_paragraph_is_found() -> None:
    """A phrase only gambling sites use is spam wherever it stands."""
    text = "东莞家具出口增长5%,真人荷官在线发牌,订单排到了年底。"
    assert injected(text) == ["真人荷官"]


@pytest.mark.parametrize(
    ("name", "is_spam"),
    [
        ("Harbour Escorts", True),
        ("Jadewin金冠豪庭体育", True),
        ("LuckyBet", True),
        ("Siemens Energy", False),
        ("Tibet Airlines", False),
        ("Alphabet", False),
        ("王建国", False),
    ],
)
def test_spam_vocabulary_in_a_name(name: str, is_spam: bool) -> None:
    """A name holding gambling or escort vocabulary is told from a real name."""
    assert has_spam_vocabulary(name) is is_spam


def test_chinese_injection_spoils_its_comma_clause_only() -> None:
    """In Chinese the comma clause holding an injection goes; the other clauses stay."""
    text = "王建国指出,港口是开放的门户,要求Jadewin金冠豪庭体育加快改造,进一步拓展航线。"
    ((start, end),) = spoiled_spans(text, 0, len(text), find_injections(text), "zh")
    assert text[start:end] == "要求Jadewin金冠豪庭体育加快改造,"


def test_english_injection_spoils_its_sentence() -> None:
    """In English the whole sentence goes: a comma clause does not stand on its own."""
    first = "The port opened in May."
    second = "Mayor Lin HaoRiverside EscortMing spoke at the ceremony, which drew crowds."
    text = f"{first} {second} Trade rose."
    ((start, end),) = spoiled_spans(text, 0, len(text), find_injections(text), "en")
    assert text[start:end] == second


def test_english_injection_spoils_only_its_semicolon_clause() -> None:
    """A semicolon clause stands on its own: only the one holding the injection goes."""
    text = (
        "In 2018 the governor visited Shenzhen; in 2020 he spoke at the Foshan Ceramic "
        "FactorySG Casinos Group plant; in 2022 he toured Zhuhai."
    )
    ((start, end),) = spoiled_spans(text, 0, len(text), find_injections(text), "en")
    assert text[start:end] == (
        "in 2020 he spoke at the Foshan Ceramic FactorySG Casinos Group plant;"
    )
