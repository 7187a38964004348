"""Citations: the short line under a quote, its copies and other languages, the full one."""

from __future__ import annotations

from bot.citations import (
    Cited,
    also_in_segment,
    also_published_segment,
    citation_line,
    full_citation,
)
from bot.markdown import discord_len
from tests.bot.fixtures import (
    INVESTMENT_ZH,
    MIRROR,
    PRESS_CONF,
    PRESS_DE,
    PRESS_EN,
    ROBOTICS_DE,
    ROBOTICS_EN,
    copy_of,
    counterpart_of,
)


def test_copy_without_source_or_url_is_named_by_its_title() -> None:
    """A copy that names no source and has no address is shown by its title, in italics."""
    untraced = MIRROR.model_copy(update={"url": None, "date": "2025-03-01"})
    line = also_published_segment([copy_of(untraced)], 200)
    assert line == "also published by *A mirror of the release* (1\u00a0Mar\u00a02025)"


def test_also_published_line_counts_the_names_that_do_not_fit() -> None:
    """Names beyond the room are counted, unlinked first so that more names fit."""
    copies = [copy_of(MIRROR.model_copy(update={"source": f"Site {n}"}), n) for n in range(9)]
    line = also_published_segment(copies, 80)
    assert line.startswith("also published by Site 0, Site 1")
    assert line.endswith(" more")
    assert discord_len(line) <= 80
    assert "](" not in line


def test_the_original_is_marked_as_such() -> None:
    """A counterpart the dates tell is the original is marked "(original)"."""
    segment = also_in_segment(
        [counterpart_of(PRESS_DE.model_copy(update={"url": None}), ROBOTICS_DE, original=True)],
        200,
    )
    assert segment == "also in German (original)"


def test_counterparts_in_one_language_link_once() -> None:
    """Two passages of one translation are one language, linked from the first's opening words
    to the last's closing words; a copy of the translation elsewhere adds nothing."""
    first, second = "Erster Satz der Übersetzung hier.", "Zweiter Satz endet genau hier."
    elsewhere = PRESS_DE.model_copy(update={"id": "a-copy", "url": "https://copy.example/1"})
    segment = also_in_segment(
        [
            counterpart_of(PRESS_DE, first),
            counterpart_of(PRESS_DE, second, passage_id=61),
            counterpart_of(elsewhere, first, passage_id=90),
        ],
        400,
    )
    assert segment.count("German") == 1
    assert "copy.example" not in segment
    assert "Erster" in segment and "genau%20hier." in segment


def test_several_languages_give_way_to_plain_names_when_room_is_short() -> None:
    """Without room for the links, the languages are named plainly."""
    chinese = PRESS_CONF.model_copy(update={"language": "zh", "url": "https://zh.example/1"})
    counterparts = [counterpart_of(PRESS_DE, ROBOTICS_DE), counterpart_of(chinese, INVESTMENT_ZH)]
    segment = also_in_segment(counterparts, 40)
    assert segment == "also in German, Chinese"


def test_tight_citation_keeps_source_and_date() -> None:
    """When room is short the citation gives up link and title length, never the date."""
    cite = citation_line(1, Cited(PRESS_EN, ROBOTICS_EN, 7, speaker="Wang Weizhong"), 90)
    assert discord_len(cite) <= 90
    assert cite.startswith("-# **1** · said by Wang Weizhong · news aktuell · 6\u00a0Feb\u00a02025")
    assert "](" not in cite


def test_a_pdf_quote_names_its_page_in_the_line_and_the_citation() -> None:
    """A quote from a PDF says on which page it starts: "p. 4" (a no-break space in the line,
    which never breaks), before its paragraph, both under the quote and in Cite's text."""
    cited = Cited(document=PRESS_EN, text=ROBOTICS_EN, paragraph=12, page=4)
    assert " · p.\u00a04 · \u00b6\u00a012 · " in citation_line(1, cited, 400)
    assert ", 2025-02-06, p. 4, para. 12." in full_citation(1, cited)


def test_a_quote_without_a_page_names_none() -> None:
    """A quote from a text file or a web page has no page to name."""
    cited = Cited(document=PRESS_EN, text=ROBOTICS_EN, paragraph=12)
    assert "p.\u00a0" not in citation_line(1, cited, 400)
    assert "p. " not in full_citation(1, cited)


def test_german_citation_line_has_german_words_and_date() -> None:
    """A German asker's line says "gesagt von", "S." and "6. Feb. 2025", languages in German."""
    chinese = PRESS_CONF.model_copy(update={"language": "zh"})
    cited = Cited(
        PRESS_EN,
        ROBOTICS_EN,
        3,
        page=4,
        speaker="Wang Weizhong",
        also_in=[counterpart_of(chinese, INVESTMENT_ZH, original=True)],
    )
    line = citation_line(1, cited, 400, "de")
    assert line.startswith(
        "-# **1** · gesagt von Wang Weizhong · news aktuell · 6.\u00a0Feb.\u00a02025 · S.\u00a04 · "
    )
    assert line.endswith(" · auch auf Chinesisch (Original)")


def test_chinese_citation_line_has_chinese_words_and_an_unbreakable_date() -> None:
    """A Chinese asker's line reads "2025年1月16日" (word joiners keep it whole) and "第4页"."""
    german = PRESS_DE.model_copy(update={"url": None})
    cited = Cited(PRESS_CONF, ROBOTICS_EN, 3, page=4, also_in=[counterpart_of(german, "x")])
    line = citation_line(1, cited, 400, "zh")
    assert " · 2025\u2060年\u20601\u2060月\u206016\u2060日 · 第\u20604\u2060页 · " in line
    assert line.endswith(" · 另有德文版本")


def test_also_published_counts_the_rest_in_the_askers_language() -> None:
    """Names beyond the room are counted in German: "und 7 weiteren"."""
    copies = [copy_of(MIRROR.model_copy(update={"source": f"Site {n}"}), n) for n in range(9)]
    line = also_published_segment(copies, 80, "de")
    assert line.startswith("auch veröffentlicht von Site 0, Site 1")
    assert " weiteren" in line and discord_len(line) <= 80


def test_pasted_citation_words_follow_the_askers_language() -> None:
    """Cite's text says "S. 4, Abs. 12" to a German asker and "undatiert" without a date."""
    undated = PRESS_EN.model_copy(update={"date": None})
    pasted = full_citation(1, Cited(undated, ROBOTICS_EN, 12, page=4), "de")
    assert ", undatiert, S. 4, Abs. 12." in pasted


def test_a_scrambled_copy_is_marked_under_its_quote_in_each_language() -> None:
    """A quote from a page read as word-scrambled spam says so under it, in the asker's
    language, even when room is short: its words are the page's, their order is not."""
    scrambled = PRESS_EN.model_copy(update={"scrambled": True})
    cited = Cited(document=scrambled, text=ROBOTICS_EN, paragraph=7)
    assert "scrambled copy: word order not the original" in citation_line(1, cited, 400)
    assert "scrambled copy" in citation_line(1, cited, 120)
    assert "verwürfelte Kopie" in citation_line(1, cited, 400, "de")
    assert "乱序转载" in citation_line(1, cited, 400, "zh")


def test_an_ordinary_quote_carries_no_scrambled_mark() -> None:
    """A page not read as scrambled has no warning."""
    assert "scrambled" not in citation_line(1, Cited(PRESS_EN, ROBOTICS_EN, 7), 400)
