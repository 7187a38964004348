"""Escaping, bolding, clipping and text-fragment links (bot/markdown.py)."""

from __future__ import annotations

from urllib.parse import unquote

import pytest

from bot.markdown import (
    ELLIPSIS,
    block_quote,
    clip,
    discord_len,
    escape,
    highlight,
    link,
    match_spans,
    text_fragment_url,
    to_plain,
)
from tests.bot.fixtures import INVESTMENT_ZH, ROBOTICS_DE, ROBOTICS_EN


def test_discord_len_counts_utf16_units() -> None:
    """Characters outside the BMP count twice, as Discord's UTF-16 limits do."""
    assert discord_len("abc") == 3
    assert discord_len("广东") == 2
    assert discord_len("😀") == 2


@pytest.mark.parametrize(
    "raw",
    [
        "**bold**",
        "__under__",
        "~~strike~~",
        "||spoiler||",
        "`code`",
        "> quote",
        "# Heading",
        "-# subtext",
        "- item",
        "1. first",
        "[click](https://evil.example)",
        "<t:1700000000:R>",
        "<#123456789012345678>",
        "back\\slash",
    ],
)
def test_escape_leaves_no_live_markdown(raw: str) -> None:
    """Every markdown construct in corpus text comes out inert and reads the same as plain text."""
    escaped = escape(raw)
    assert escaped != raw
    assert to_plain(escaped) == raw


def test_escape_neutralises_mass_and_user_mentions() -> None:
    """@everyone, @here and raw user/role mentions get a zero-width break."""
    escaped = escape("@everyone @here <@123456789012345678> <@&123456789012345678>")
    assert "@everyone" not in escaped
    assert "@here" not in escaped
    assert "<@123456789012345678>" not in escaped
    assert "@\u200beveryone" in escaped


def test_escape_keeps_urls_clickable() -> None:
    """A URL keeps its underscores unescaped, so Discord still links it."""
    url = "https://example.com/some_page_name"
    assert url in escape(f"see {url} for more")


def test_highlight_bolds_whole_words_case_insensitively() -> None:
    """Matched words are bold wherever they occur as whole words, in any case."""
    text = "Robotics and robotics, not robotically."
    assert highlight(text, ["robotics"]) == "**Robotics** and **robotics**, not robotically."


def test_highlight_joins_matched_words_a_space_apart() -> None:
    """Neighbouring matched words make one bold run, not a row of separate ones."""
    text = "Zhang Jinsong, director of the Department of Commerce"
    marked = highlight(text, ["Zhang", "Jinsong", "Commerce"])
    assert marked == "**Zhang Jinsong**, director of the Department of **Commerce**"


def test_highlight_bolds_german_with_umlauts() -> None:
    """Whole-word matching works for words with umlauts and ß."""
    marked = highlight(ROBOTICS_DE, ["Künstliche", "Maßstab"])
    assert "**Künstliche**" in marked
    assert "**Maßstab**" in marked


def test_highlight_bolds_cjk_terms_inside_runs() -> None:
    """Chinese has no spaces: a matched term is bold inside the running text."""
    marked = highlight(INVESTMENT_ZH, ["招商"])
    assert marked.count("**招商**") == 3


def test_highlight_escapes_before_bolding() -> None:
    """Corpus asterisks stay literal while our bold markers work."""
    marked = highlight("a *robotics* b", ["robotics"])
    assert marked == "a \\***robotics**\\* b"
    assert to_plain(marked) == "a ***robotics*** b"


def test_match_spans_skip_urls() -> None:
    """A term inside a URL is not bolded (markers there would break the link)."""
    text = "robotics at https://example.com/robotics"
    assert match_spans(text, ["robotics"]) == [(0, 8)]


def test_clip_cuts_at_a_word_with_an_ellipsis() -> None:
    """A long sentence is cut between words and ends with the ellipsis."""
    clipped = clip(ROBOTICS_EN, 60)
    assert discord_len(clipped) <= 60
    assert clipped.endswith(ELLIPSIS)
    assert ROBOTICS_EN.startswith(clipped.removesuffix(ELLIPSIS))
    assert ROBOTICS_EN[len(clipped) - 1] == " "


def test_clip_closes_an_open_bold_marker() -> None:
    """A cut inside bold text closes the bold, so the markdown stays balanced."""
    marked = "**" + " ".join(["robotics"] * 40) + "**"
    clipped = clip(marked, 50)
    assert discord_len(clipped) <= 50
    assert clipped.count("**") == 2
    assert clipped.endswith("**" + ELLIPSIS)


def test_clip_never_splits_an_escape_or_a_link() -> None:
    """Escape pairs and masked links are indivisible."""
    text = "\\*" * 30
    clipped = clip(text, 21)
    assert not clipped.removesuffix(ELLIPSIS).endswith("\\")
    linked = "see " + link("the title", "https://example.com/page") + " now"
    assert clip(linked, 20) == "see" + ELLIPSIS


def test_clip_never_splits_surrogates_or_emoji_sequences() -> None:
    """Emoji (surrogate pairs in UTF-16) and ZWJ families are kept whole."""
    family = "👨‍👩‍👧"
    clipped = clip(family * 30, 40)
    kept = clipped.removesuffix(ELLIPSIS)
    assert discord_len(clipped) <= 40
    assert kept == family * (len(kept) // len(family))
    flags = clip("🇩🇪🇨🇳" * 20, 15).removesuffix(ELLIPSIS)
    assert len(flags) % 2 == 0


def test_clip_cuts_cjk_without_spaces() -> None:
    """Text without spaces is cut at a character boundary within the limit."""
    clipped = clip(INVESTMENT_ZH, 30)
    assert discord_len(clipped) <= 30
    assert INVESTMENT_ZH.startswith(clipped.removesuffix(ELLIPSIS))


def test_block_quote_quotes_every_line() -> None:
    """A multi-line passage stays inside one block quote."""
    assert block_quote("one\ntwo") == "> one\n> two"


def test_link_only_for_web_addresses() -> None:
    """Non-web or missing URLs leave the plain label; parentheses are encoded."""
    assert link("t", None) == "t"
    assert link("t", "javascript:alert(1)") == "t"
    assert link("t", "https://x.org/a_(b)") == "[t](https://x.org/a_%28b%29)"


def test_text_fragment_whole_short_quote() -> None:
    """A short quote is matched whole, with '-', ',' and '&' percent-encoded."""
    url = text_fragment_url("https://example.com/a", "Low-altitude economy, AI & more.")
    assert url == ("https://example.com/a#:~:text=Low%2Daltitude%20economy%2C%20AI%20%26%20more.")


def test_text_fragment_long_quote_uses_start_and_end() -> None:
    """A long quote is matched by its first and last words: text=start,end."""
    url = text_fragment_url("https://example.com/a", ROBOTICS_EN)
    directive = url.split("#:~:text=", 1)[1]
    start, end = directive.split(",")
    assert unquote(start) == "There is a special priority in"
    assert unquote(end) == "strong growth potential and large scale."


def test_text_fragment_after_an_existing_fragment() -> None:
    """A URL with a fragment gets the directive appended after it."""
    url = text_fragment_url("https://example.com/a#part", "hello")
    assert url == "https://example.com/a#part:~:text=hello"


def test_text_fragment_chinese_cuts_at_punctuation() -> None:
    """A long Chinese quote starts and ends at punctuation marks (word boundaries)."""
    url = text_fragment_url("https://example.com/zh", INVESTMENT_ZH)
    start, end = url.split("#:~:text=", 1)[1].split(",")
    assert unquote(start) == "省商务厅厅长张劲松称"
    assert INVESTMENT_ZH.endswith(unquote(end))


def test_to_plain_spells_out_links() -> None:
    """Console text shows a link as its label and its URL."""
    assert to_plain("[**Title**](https://x.org)") == "**Title** <https://x.org>"


def test_to_plain_uses_ansi_styles_on_a_terminal() -> None:
    """On a terminal, bold and italic become ANSI styles; escaped stars stay literal."""
    assert to_plain("a **b** *c* \\*", ansi=True) == ("a \033[1mb\033[22m \033[3mc\033[23m *")


@pytest.mark.parametrize(
    ("term", "text"), [("2024", "2024年广东预计"), ("GDP", "以下简称GDP将突破")]
)
def test_latin_and_digit_terms_are_bolded_next_to_han(term: str, text: str) -> None:
    """A matched number or Latin word directly beside a Chinese character is still bolded."""
    assert f"**{term}**" in highlight(text, [term])


def test_terms_inside_longer_latin_words_stay_plain() -> None:
    """Whole words only in spaced scripts: "robotics" is not bolded inside "roboticsX"."""
    assert highlight("roboticsX", ["robotics"]) == "roboticsX"
