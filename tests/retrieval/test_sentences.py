"""Sentence boundaries (English, German, Chinese) and language identification."""

from __future__ import annotations

import pytest

from retrieval.sentences import detect_language, split_sentences


def sentences(text: str, language: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text, language)]


def test_german_abbreviations_do_not_end_a_sentence() -> None:
    """ "z. B.", "u. a.", "Dr." and "Nr." stay inside their sentence."""
    text = "Dr. Wang sprach u. a. über KI, z. B. über Robotik in Nr. 5. Danach endete die Sitzung."
    assert sentences(text, "de") == [
        "Dr. Wang sprach u. a. über KI, z. B. über Robotik in Nr. 5.",
        "Danach endete die Sitzung.",
    ]


def test_german_ordinal_dates_do_not_end_a_sentence() -> None:
    """ "5. Februar 2025" and "3. Mal" are ordinals, not sentence ends."""
    text = "Am 5. Februar 2025 hielt Guangdong eine Konferenz ab. Zum 3. Mal fand sie statt."
    assert sentences(text, "de") == [
        "Am 5. Februar 2025 hielt Guangdong eine Konferenz ab.",
        "Zum 3. Mal fand sie statt.",
    ]


def test_german_numeric_date_and_time_do_not_end_a_sentence() -> None:
    """ "06.02.2025" and "13:50 Uhr" are read as one token."""
    text = "Die Meldung erschien am 06.02.2025 um 13:50 Uhr. Sie ist kurz."
    assert sentences(text, "de") == [
        "Die Meldung erschien am 06.02.2025 um 13:50 Uhr.",
        "Sie ist kurz.",
    ]


def test_german_number_before_a_sentence_opener_ends_a_sentence() -> None:
    """A number at the end of a sentence still ends it when an article opens the next one."""
    text = "Die Zahl der Cluster stieg auf 20. Die Provinz will mehr."
    assert sentences(text, "de") == ["Die Zahl der Cluster stieg auf 20.", "Die Provinz will mehr."]


def test_english_abbreviations_do_not_end_a_sentence() -> None:
    """ "U.S.", "No. 18", "Mr." and "p.m." stay inside their sentence."""
    text = (
        "Mr. Li moved to No. 18 Jiangbin Road from the U.S. at 5 p.m. today. It grew 4.8% in 2024."
    )
    assert sentences(text, "en") == [
        "Mr. Li moved to No. 18 Jiangbin Road from the U.S. at 5 p.m. today.",
        "It grew 4.8% in 2024.",
    ]


def test_english_question_exclamation_and_closing_quote() -> None:
    """ "?", "!" and a closing quote after the stop end a sentence; the quote stays with it."""
    text = 'What is next? Growth! He said "we will win." Then he left.'
    assert sentences(text, "en") == [
        "What is next?",
        "Growth!",
        'He said "we will win."',
        "Then he left.",
    ]


def test_lower_case_continuation_is_not_a_new_sentence() -> None:
    """A stop followed by a lower-case word or a comma does not end the sentence."""
    text = "It is driven by innovation. , characterized by quality. Next one."
    assert sentences(text, "en") == [
        "It is driven by innovation. , characterized by quality.",
        "Next one.",
    ]


def test_chinese_full_width_stops_end_sentences() -> None:
    """。！？ end a sentence without a following space, and a closing quote stays with it."""
    text = "广东预计突破14万亿元。他说：“我们要发展。”然后走了！真的吗？！好"
    assert sentences(text, "zh") == [
        "广东预计突破14万亿元。",
        "他说：“我们要发展。”",
        "然后走了！",
        "真的吗？！",
        "好",
    ]


def test_chinese_text_with_ascii_question_mark() -> None:
    """An ASCII "?" inside Chinese text ends the sentence, with or without a space after it."""
    assert sentences("发展新质生产力? 1月15日召开记者会。", "zh") == [
        "发展新质生产力?",
        "1月15日召开记者会。",
    ]
    assert sentences("发展新质生产力?1月15日召开记者会。", "zh") == [
        "发展新质生产力?",
        "1月15日召开记者会。",
    ]


def test_spans_are_trimmed_offsets_into_the_text() -> None:
    """Spans exclude surrounding white space and index the text given."""
    text = "  One.  Two.\n"
    assert split_sentences(text, "en") == [(2, 6), (8, 12)]


def test_empty_text_has_no_sentences() -> None:
    """Blank text gives no spans."""
    assert split_sentences(" \n ", "en") == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Guangdong accelerates the establishment of a modern industrial system", "en"),
        ("Guangdong beschleunigt den Aufbau eines modernen Industriesystems", "de"),
        ("Zukunft für Guangdong zu schaffen.", "de"),
        ("2025年广东要如何继续挑起大梁、发展新质生产力?", "zh"),
        ("省商务厅厅长张劲松称,广东抓好4张招商清单", "zh"),
        ("Le gouvernement de la province a publié une stratégie pour les entreprises.", "fr"),
    ],
)
def test_detect_language(text: str, language: str) -> None:
    """Short texts are identified by script (CJK) or function words (Latin)."""
    assert detect_language(text) == language


def test_detect_language_english_text_with_a_chinese_title() -> None:
    """A few Han characters in an English sentence do not make it Chinese."""
    text = "Moving the factory to Sihui, Zhaoqing: a conversation between two bosses 搬工廠去肇慶"
    assert detect_language(text) == "en"


def test_detect_language_is_deterministic_without_evidence() -> None:
    """Text with no words falls back to English, always."""
    assert detect_language("2024 — 13:50") == "en"
    assert detect_language("") == "en"
