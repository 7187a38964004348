"""Tokenizer cases per language: what a passage indexes and what a question asks for."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.tokenize import QueryTerm, Tokenizer, read_word_list, strip_marks


@pytest.fixture(scope="module")
def tokenizer() -> Tokenizer:
    return Tokenizer()


def _query_candidates(tokenizer: Tokenizer, query: str) -> list[tuple[str, ...]]:
    return [t.candidates for t in tokenizer.query_terms(query) if not t.stopword]


def _finds(tokenizer: Tokenizer, query: str, text: str, language: str) -> bool:
    """Whether every required query word has a candidate among the passage's terms."""
    terms = set(tokenizer.tokenize(text, language))
    required = [t for t in tokenizer.query_terms(query) if not t.stopword and not t.optional]
    return bool(required) and all(any(c in terms for c in t.candidates) for t in required)


# ---- English ---------------------------------------------------------------------------------


def test_english_is_case_folded_and_stemmed(tokenizer: Tokenizer) -> None:
    """English words are folded to lower case and reduced to their Snowball stems."""
    assert tokenizer.tokenize("Industries INNOVATING", "en") == ["industri", "innov"]


def test_english_irregular_forms_meet_their_base(tokenizer: Tokenizer) -> None:
    """Irregular past forms from the lemma list stem like their base ("grew" -> "grow")."""
    assert tokenizer.tokenize("grew grow led leading", "en") == ["grow", "grow", "lead", "lead"]


def test_english_stopwords_are_dropped(tokenizer: Tokenizer) -> None:
    """Function words from the English list never become index terms."""
    assert tokenizer.tokenize("What is the aim of the province?", "en") == ["aim", "provinc"]


def test_english_possessive_is_removed(tokenizer: Tokenizer) -> None:
    """ "Guangdong's" and "Guangdong’s" (curly apostrophe) index as "guangdong"."""
    assert tokenizer.tokenize("Guangdong's and Guangdong’s", "en") == ["guangdong", "guangdong"]


def test_thousands_separator_is_dropped(tokenizer: Tokenizer) -> None:
    """ "8,437" is indexed as 8437, so both spellings of the figure find it."""
    text = "collecting 8,437 new crop germplasm samples"
    assert "8437" in tokenizer.tokenize(text, "en")
    assert _finds(tokenizer, "8,437 samples", text, "en")
    assert _finds(tokenizer, "8437 samples", text, "en")


def test_percentage_is_findable_with_and_without_sign(tokenizer: Tokenizer) -> None:
    """ "4.8%" indexes "4.8" and "4.8%": questions with either form find it."""
    text = "The economy grew by 4.8%, with the total volume"
    terms = tokenizer.tokenize(text, "en")
    assert {"4.8", "4.8%"} <= set(terms)
    assert _finds(tokenizer, "grew 4.8%", text, "en")
    assert _finds(tokenizer, "grew 4.8", text, "en")


def test_percent_word_after_figure_counts_as_sign(tokenizer: Tokenizer) -> None:
    """ "4.8 percent" also indexes "4.8%"."""
    assert "4.8%" in tokenizer.tokenize("a rise of 4.8 percent", "en")


def test_codes_are_kept_whole(tokenizer: Tokenizer) -> None:
    """Product and technology codes such as AG600 and 6G stay one term, unstemmed."""
    terms = tokenizer.tokenize("the Kunlong AG600 and 6G networks", "en")
    assert "ag600" in terms and "6g" in terms


def test_ampersand_code_is_kept(tokenizer: Tokenizer) -> None:
    """ "R&D" is one term, so a question about R&D finds it."""
    text = "over 90% of R&D institutions"
    assert "r&d" in tokenizer.tokenize(text, "en")
    assert _finds(tokenizer, "R&D", text, "en")


def test_hyphenated_word_indexes_parts_and_joined_form(tokenizer: Tokenizer) -> None:
    """ "brain-computer" indexes brain, comput and braincomput."""
    terms = tokenizer.tokenize("brain-computer interfaces", "en")
    assert terms[:3] == ["brain", "comput", "braincomput"]
    assert _finds(tokenizer, "brain computer interface", "brain-computer interfaces", "en")


def test_detached_hyphen_is_ignored(tokenizer: Tokenizer) -> None:
    """The sloppy "high -ranking" indexes "high" and "rank" like "high-ranking"."""
    assert tokenizer.tokenize("a high -ranking conference", "en")[:2] == ["high", "rank"]


def test_fullwidth_forms_are_normalised(tokenizer: Tokenizer) -> None:
    """Full-width letters and digits (NFKC) index like their ASCII forms."""
    assert tokenizer.tokenize("ＧＤＰ ８,４３７", "en") == ["gdp", "8437"]


def test_token_spans_point_into_the_original_text(tokenizer: Tokenizer) -> None:
    """Token offsets delimit the surface word in the text given, even after normalisation."""
    text = "Ｒ＆Ｄ of Guangdong’s brain-computer work"
    tokens = tokenizer.tokens(text, "en")
    assert [text[t.start : t.end] for t in tokens][:3] == ["Ｒ＆Ｄ", "Guangdong’s", "brain"]


# ---- German ----------------------------------------------------------------------------------


def test_german_is_stemmed_with_the_german_stemmer(tokenizer: Tokenizer) -> None:
    """German inflections meet at one stem ("Unternehmen", "Unternehmens")."""
    assert tokenizer.tokenize("Unternehmen Unternehmens", "de") == ["unternehm", "unternehm"]


def test_german_stopwords_are_dropped(tokenizer: Tokenizer) -> None:
    """German function words ("die", "und", "der") are not indexed."""
    assert tokenizer.tokenize("die Konferenz und der Gouverneur", "de") == [
        "konferenz",
        "gouverneur",
    ]


def test_german_decimal_comma_and_thousands_dot(tokenizer: Tokenizer) -> None:
    """German "4,8 %" is 4.8 and "8.437" is 8437, matching the English figures."""
    terms = tokenizer.tokenize("ein Plus von 4,8 % bei 8.437 Proben", "de")
    assert {"4.8", "4.8%", "8437"} <= set(terms)


def test_german_question_prefers_german_stem(tokenizer: Tokenizer) -> None:
    """A German question tries the German stem first: "leitete" -> "leit"."""
    (leitete, konferenz) = _query_candidates(tokenizer, "Wer leitete die Konferenz?")
    assert leitete[0] == "leit" and "konferenz" in konferenz


def test_umlauts_find_their_stem(tokenizer: Tokenizer) -> None:
    """ "Künstliche Intelligenz" in a question finds the passage that writes it."""
    text = "Besondere Priorität liege auf den Bereichen Künstliche Intelligenz und Robotik"
    assert _finds(tokenizer, "künstliche Intelligenz", text, "de")


# ---- Chinese ---------------------------------------------------------------------------------


def test_chinese_is_segmented_into_words(tokenizer: Tokenizer) -> None:
    """Chinese text is cut into words (search mode: long words and their parts)."""
    terms = tokenizer.tokenize("省商务厅厅长张劲松称", "zh")
    assert {"商务厅", "厅长", "张劲松"} <= set(terms)


def test_chinese_function_words_are_dropped(tokenizer: Tokenizer) -> None:
    """Particles such as 的 and 了 are not indexed."""
    terms = tokenizer.tokenize("广东的招商清单已经发布了", "zh")
    assert "的" not in terms and "了" not in terms and "招商" in terms


def test_chinese_magnitude_figures(tokenizer: Tokenizer) -> None:
    """ "14万亿元" indexes 14, 14万亿 and 14万亿元; questions with any of them find it."""
    text = "2024年广东预计全省地区生产总值将突破14万亿元。"
    assert {"14", "14万亿", "14万亿元"} <= set(tokenizer.tokenize(text, "zh"))
    assert _finds(tokenizer, "14万亿", text, "zh")
    assert _finds(tokenizer, "14万亿元", text, "zh")


def test_latin_words_inside_chinese_text(tokenizer: Tokenizer) -> None:
    """English words within Chinese text are indexed as English ("GDP", "R&D")."""
    terms = tokenizer.tokenize("地区生产总值(以下简称GDP)与R&D投入", "zh")
    assert "gdp" in terms and "r&d" in terms


def test_chinese_question_words_are_stopwords(tokenizer: Tokenizer) -> None:
    """什么 and 谁 in a Chinese question are stopwords, 招商 is not."""
    by_surface = {t.surface: t for t in tokenizer.query_terms("谁负责招商?什么清单")}
    assert by_surface["谁"].stopword and by_surface["什么"].stopword
    assert not by_surface["招商"].stopword


# ---- questions in general --------------------------------------------------------------------


def test_query_offers_english_and_german_stems(tokenizer: Tokenizer) -> None:
    """A question word carries both languages' stems, the likelier language first."""
    (term,) = [t for t in tokenizer.query_terms("the companies") if not t.stopword]
    assert term.candidates[0] == "compani" and "companies" in term.candidates


def test_stopwords_of_any_language_are_marked_in_queries(tokenizer: Tokenizer) -> None:
    """Stopwords of English, German and Chinese are all marked in a question."""
    assert all(t.stopword for t in tokenizer.query_terms("the und 的 what wer"))


def test_numbers_are_not_correctable(tokenizer: Tokenizer) -> None:
    """Figures are never offered to spelling correction; ordinary words are."""
    terms = {t.surface: t for t in tokenizer.query_terms("Weizong 2024 AG600")}
    assert terms["Weizong"].correctable
    assert not terms["2024"].correctable and not terms["AG600"].correctable


def test_ambiguous_figure_offers_both_readings(tokenizer: Tokenizer) -> None:
    """ "8.437" in a question may be German 8437 or English 8.437: both are candidates."""
    (term,) = tokenizer.query_terms("8.437")
    assert set(term.candidates) == {"8437", "8.437"}


def test_query_term_of_joined_hyphen_form_is_optional(tokenizer: Tokenizer) -> None:
    """The joined form of a hyphenated question word is optional, its parts are not."""
    terms = tokenizer.query_terms("brain-computer")
    assert [t.optional for t in terms] == [False, False, True]
    assert isinstance(terms[0], QueryTerm)


def test_version_changes_with_stopword_lists(tmp_path: Path) -> None:
    """Editing a stopword list changes the tokenizer version (so saved indexes rebuild)."""
    (tmp_path / "en.txt").write_text("the\n", encoding="utf-8")
    before = Tokenizer(tmp_path).version
    (tmp_path / "en.txt").write_text("the\nof\n", encoding="utf-8")
    assert Tokenizer(tmp_path).version != before


def test_word_list_ignores_comments_and_blank_lines(tmp_path: Path) -> None:
    """Stopword files: one word a line, '#' comments and blank lines ignored, case folded."""
    path = tmp_path / "en.txt"
    path.write_text("# a comment\nThe\n\nof  # trailing comment\n", encoding="utf-8")
    assert read_word_list(path) == {"the", "of"}


def test_shipped_lists_hold_no_numbers(tokenizer: Tokenizer) -> None:
    """No shipped stopword list contains a figure (figures must stay findable)."""
    for language in ("en", "de", "zh"):
        path = Path(__file__).parents[2] / "retrieval" / "data" / "stopwords" / f"{language}.txt"
        assert not any(any(c.isdigit() for c in w) for w in read_word_list(path))


def test_figures_with_magnitudes_index_their_value(tokenizer: Tokenizer) -> None:
    """ "14 trillion", "14万亿元" and "14 Billionen" all index the value 1.4e13."""
    assert "=1.4e+13" in tokenizer.tokenize("GDP of over 14 trillion yuan", "en")
    assert "=1.4e+13" in tokenizer.tokenize("将突破14万亿元", "zh")
    assert "=1.4e+13" in tokenizer.tokenize("14 Billionen Yuan", "de")
    assert "=1e+08" in tokenizer.tokenize("到资超1亿美元", "zh")
    assert "=1e+08" in tokenizer.tokenize("100 million US dollars", "en")


def test_billion_in_a_question_is_read_both_ways(tokenizer: Tokenizer) -> None:
    """A question's "billion" may be English 10^9 or German 10^12: both values are offered."""
    (_, value, _) = tokenizer.query_terms("14 billion")
    assert set(value.candidates) == {"=1.4e+10", "=1.4e+13"} and value.optional


def test_tone_marks_are_dropped_in_english_text(tokenizer: Tokenizer) -> None:
    """Pinyin with tone marks in an English passage is indexed as plain pinyin."""
    assert tokenizer.tokenize("Huáng Kūnmíng", "en") == tokenizer.tokenize("Huang Kunming", "en")


def test_tone_marked_question_finds_plain_pinyin(tokenizer: Tokenizer) -> None:
    """ "Huáng Kūnmíng" in a question finds "Huang Kunming" in a passage."""
    assert _finds(tokenizer, "Huáng Kūnmíng", "Huang Kunming spoke.", "en")


def test_german_keeps_its_umlauts_for_the_stemmer(tokenizer: Tokenizer) -> None:
    """German words keep their umlauts (the German stemmer folds them), other accents go."""
    assert strip_marks("künstliche", "de") == "künstliche"
    assert strip_marks("café", "de") == "cafe"
    assert tokenizer.tokenize("Künstliche", "de") == tokenizer.tokenize("Kunstliche", "de")


def test_accents_of_other_languages_are_kept() -> None:
    """A French word keeps its accents: they are part of its spelling."""
    assert strip_marks("élève", "fr") == "élève"


def test_question_language_is_told_by_stopwords_or_script(tokenizer: Tokenizer) -> None:
    """English and German questions are told by their stopwords, Chinese by its script;
    a bare keyword tells nothing."""
    assert tokenizer.question_language("What did the governor say?") == "en"
    assert tokenizer.question_language("Was sagte der Gouverneur?") == "de"
    assert tokenizer.question_language("张劲松说了什么?") == "zh"
    assert tokenizer.question_language("robotics") is None


# ---- word forms: base forms, compounds, invisible characters ---------------------------------


def test_german_strong_verb_forms_meet(tokenizer: Tokenizer) -> None:
    """ "wuchs", "wächst" and "wachsen" index one term (dictionary base form, then stem)."""
    assert len(set(tokenizer.tokenize("wuchs wächst wachsen", "de"))) == 1


def test_german_question_finds_another_form_of_its_verb(tokenizer: Tokenizer) -> None:
    """A question's "wuchs" finds a passage that writes "wachsen"."""
    assert _finds(tokenizer, "Wie wuchs der Export?", "Der Export soll wachsen.", "de")


def test_pinyin_names_are_not_merged_by_base_forms(tokenizer: Tokenizer) -> None:
    """Names that are also dictionary forms ("Lan", "Lun", "Lin"; "Meng", "Tu") stay apart."""
    assert len(set(tokenizer.tokenize("Lan Lun Lin", "en"))) == 3
    assert tokenizer.tokenize("Meng Tu", "de") != tokenizer.tokenize("mengen tun", "de")


def test_acronym_keeps_its_term(tokenizer: Tokenizer) -> None:
    """ "AI" is indexed as "ai", not as the verb the dictionary reads it as."""
    assert tokenizer.tokenize("AI data", "en") == ["ai", "data"]


def test_german_compound_indexes_its_parts(tokenizer: Tokenizer) -> None:
    """ "Halbleiterindustrie" indexes the compound and Halbleiter, Halb, Leiter, Industrie."""
    terms = tokenizer.tokenize("Halbleiterindustrie", "de")
    assert terms[0] == tokenizer.stem("halbleiterindustrie", "de")
    assert {tokenizer.stem(w, "de") for w in ("halbleiter", "industrie")} <= set(terms)


def test_part_of_a_compound_finds_the_compound(tokenizer: Tokenizer) -> None:
    """A question for "Halbleiter" finds a passage that only writes "Halbleiterindustrie"."""
    text = "Die Halbleiterindustrie der Provinz wächst."
    assert _finds(tokenizer, "Halbleiter", text, "de")


def test_compound_part_spans_point_into_the_text(tokenizer: Tokenizer) -> None:
    """A part's span is the part as written, its linking "s" left out."""
    text = "Die Unternehmensgründung"
    spans = [text[t.start : t.end] for t in tokenizer.tokens(text, "de")]
    assert spans == ["Unternehmensgründung", "Unternehmen", "gründung"]


def test_question_compound_offers_its_parts(tokenizer: Tokenizer) -> None:
    """A question's compound also asks for its parts, as optional terms."""
    terms = [t for t in tokenizer.query_terms("Unternehmensgründungen") if not t.stopword]
    assert [t.surface for t in terms] == ["Unternehmensgründungen", "Unternehmen", "gründungen"]
    assert [t.optional for t in terms] == [False, True, True]
    assert tokenizer.stem("unternehmen", "de") in terms[1].candidates


def test_english_passages_are_not_cut(tokenizer: Tokenizer) -> None:
    """Compound splitting is German: an English passage's long words index once."""
    assert tokenizer.tokenize("understanding semiconductor", "en") == [
        "understand",
        "semiconductor",
    ]


def test_english_words_in_a_question_are_not_cut(tokenizer: Tokenizer) -> None:
    """Common English words of a question are no German compounds."""
    assert len(tokenizer.query_terms("understanding landmark")) == 2


def test_zero_width_space_inside_a_word_keeps_the_word(tokenizer: Tokenizer) -> None:
    """ "ro<ZWSP>botics" indexes like "robotics", its span covering the whole written word."""
    text = "ro\u200bbotics policy"
    tokens = tokenizer.tokens(text, "en")
    assert [t.term for t in tokens] == tokenizer.tokenize("robotics policy", "en")
    assert text[tokens[0].start : tokens[0].end] == "ro\u200bbotics"


def test_soft_hyphen_joiner_and_bom_are_folded_away(tokenizer: Tokenizer) -> None:
    """A soft hyphen, a zero-width joiner and a byte order mark do not cut or hide words."""
    text = "\ufeffHalb\u00adleiter und In\u200ddustrie"
    assert tokenizer.tokenize(text, "de") == tokenizer.tokenize("Halbleiter und Industrie", "de")


def test_question_with_invisible_characters_finds_the_word(tokenizer: Tokenizer) -> None:
    """A question's zero-width character is folded away too; its surface is as typed."""
    (term,) = tokenizer.query_terms("ro\u2060botics")
    assert term.surface == "ro\u2060botics" and "robot" in term.candidates
    assert _finds(tokenizer, "ro\u2060botics", "robotics", "en")


def test_version_changes_with_lemma_lists(tmp_path: Path) -> None:
    """Editing a lemma list changes the tokenizer version (so saved indexes rebuild)."""
    (tmp_path / "en.txt").write_text("grew grow\n", encoding="utf-8")
    before = Tokenizer(lemmas_dir=tmp_path).version
    (tmp_path / "en.txt").write_text("grew grow\nran run\n", encoding="utf-8")
    assert Tokenizer(lemmas_dir=tmp_path).version != before


def test_compound_parts_do_not_lengthen_a_passage(tokenizer: Tokenizer) -> None:
    """A compound's parts are extra forms: indexed, but the passage's length counts words."""
    terms, length = tokenizer.index_terms("Die Halbleiterindustrie wächst", "de")
    assert len(terms) > length == 2
    assert [t.extra for t in tokenizer.tokens("Halbleiterindustrie", "de")][:2] == [False, True]


def test_own_terms_leave_out_compound_parts(tokenizer: Tokenizer) -> None:
    """A word's own terms are the compound's term alone, not its parts."""
    assert tokenizer.own_terms("Halbleiterindustrie", "de") == [
        tokenizer.stem("halbleiterindustrie", "de")
    ]


def test_a_chinese_name_given_stays_one_word_of_the_question() -> None:
    """A name in characters the caller names is one word, not cut across its neighbours."""
    tokenizer = Tokenizer()
    words = [q.surface for q in tokenizer.query_terms("王小明说了什么", whole=["王小明"])]
    assert "王小明" in words
    assert not any(w != "王小明" and "小明" in w for w in words)


def test_names_given_are_indexed_whole() -> None:
    """A Chinese name jieba would cut (李伟 / 中到) stays one word when the tokenizer knows it."""
    text = "省长李伟中到云浮市调研。"
    assert "李伟中" not in Tokenizer().tokenize(text, "zh")
    assert "李伟中" in Tokenizer(names=["李伟中"]).tokenize(text, "zh")


def test_names_given_are_part_of_the_version() -> None:
    """A saved index made with other names is not reused: the version differs."""
    assert Tokenizer(names=["李伟中"]).version != Tokenizer().version


def test_a_date_unit_after_a_figure_is_a_word_of_its_own() -> None:
    """ "2024年全社会" reads 2024 / 年 / 全 / 社会, not the guessed word 年全."""
    terms = Tokenizer().tokenize("2024年全社会研发投入", "zh")
    assert "年全" not in terms
    assert {"年", "社会"} <= set(terms)


def test_a_dictionary_word_starting_with_a_date_unit_stays_whole() -> None:
    """ "2023年底" keeps 年底 (the end of the year), a word jieba's dictionary has."""
    assert "年底" in Tokenizer().tokenize("2023年底", "zh")


def test_a_question_cuts_the_date_unit_as_passages_do() -> None:
    """The question's terms for "2024年全社会" are the passage's."""
    tokenizer = Tokenizer()
    asked = [t.candidates[0] for t in tokenizer.query_terms("2024年全社会")]
    assert asked == tokenizer.tokenize("2024年全社会", "zh")
