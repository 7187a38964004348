"""Sentence boundaries in English, German and Chinese text."""

from __future__ import annotations

from retrieval.sentences import has_final_stop, split_sentences


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


def test_stop_without_a_space_still_ends_a_sentence() -> None:
    """ "plants.The city" and "gefeiert.Über" end a sentence though the space was lost."""
    assert sentences("It builds new plants.The city grows fast.", "en") == [
        "It builds new plants.",
        "The city grows fast.",
    ]
    assert sentences("Der Park wurde gefeiert.Über 300 Firmen kamen.", "de") == [
        "Der Park wurde gefeiert.",
        "Über 300 Firmen kamen.",
    ]


def test_glued_stop_before_a_name_or_a_quote_ends_a_sentence() -> None:
    """A glued stop before a capitalised name or an opening quote ends the sentence."""
    text = "The plan helps trade.Li Ming agreed.“We will act,” he said.It worked?Yes."
    assert sentences(text, "en") == [
        "The plan helps trade.",
        "Li Ming agreed.",
        "“We will act,” he said.",
        "It worked?",
        "Yes.",
    ]


def test_glued_stop_inside_tokens_does_not_end_a_sentence() -> None:
    """Initials, abbreviations, numbers, links and addresses keep their glued stops."""
    text = (
        "The U.S.Treasury, e.g.Bonds, No.5 Road, 4.8%, Acme Co.Ltd and Dr.Chen use "
        "www.Example.com, mail@Example.Org and report.pdf/Annex.Final after R&D.Work ends."
    )
    assert sentences(text, "en") == [text]


def test_glued_stop_before_lower_case_or_acronym_does_not_end_a_sentence() -> None:
    """Only a capitalised word (upper then lower case) after a glued stop starts a sentence."""
    text = "See the file report.PDF and the site example.com today."
    assert sentences(text, "en") == [text]


def test_headline_line_is_a_sentence_of_its_own() -> None:
    """A short line without a stop above a longer body line ends at its line break."""
    text = (
        "Harbour City Opens New Port\n"
        "The harbour city opened its new container port on Monday, the mayor said. It cost a lot."
    )
    assert sentences(text, "en") == [
        "Harbour City Opens New Port",
        "The harbour city opened its new container port on Monday, the mayor said.",
        "It cost a lot.",
    ]


def test_byline_with_separators_is_a_sentence_of_its_own() -> None:
    """A byline of fields ("Writer: X | Editor: Y") ends at its line break."""
    text = "Writer: Anna Roe  |  Editor: Ben Poe\nThe port grew by a third."
    assert sentences(text, "en") == [
        "Writer: Anna Roe  |  Editor: Ben Poe",
        "The port grew by a third.",
    ]


def test_hard_wrapped_sentence_stays_whole() -> None:
    """Lines of a wrapped paragraph, of similar width, are one sentence."""
    text = (
        "The harbour city opened its new container port on Monday\n"
        "After years of planning, the mayor said to reporters\n"
        "in the town hall."
    )
    assert sentences(text, "en") == [text]


def test_chinese_heading_line_is_a_sentence_of_its_own() -> None:
    """A Chinese heading without a stop above a long body line ends at its line break."""
    text = (
        "一、港口建设加快推进\n今年以来,港口新增泊位十个,吞吐量同比增长百分之八,港口服务持续优化。"
    )
    assert sentences(text, "zh") == [
        "一、港口建设加快推进",
        "今年以来,港口新增泊位十个,吞吐量同比增长百分之八,港口服务持续优化。",
    ]


def test_has_final_stop() -> None:
    """Full stops, "?", "!" and "。" count, also before a closing quote; a headline has none."""
    assert has_final_stop("It grew.")
    assert has_final_stop("他说:“要发展。”")
    assert has_final_stop("Why?")
    assert not has_final_stop("Harbour City Opens New Port")
    assert not has_final_stop("Writer: Anna Roe | Editor: Ben Poe")
