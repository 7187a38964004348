"""Cards: Discord's limits held whatever the corpus holds; embed and console say the same."""

from __future__ import annotations

import discord
import pytest

from bot.cards import Card, Field, fit_card, to_embed
from bot.cogs.admin_answers import reload_answer
from bot.cogs.ask_answers import nothing_found_answer
from bot.cogs.sources_answers import help_answer, sources_answer
from bot.command_mentions import PLAIN_COMMANDS, CommandMentions
from bot.console_text import TextStyle, to_text
from bot.examples import Example, load_examples
from retrieval.models import (
    DocumentSummary,
    Official,
    OfficialLookup,
    SearchResponse,
)
from tests.bot.fixtures import (
    MIRROR,
    PRESS_DE,
    PRESS_EN,
    ROBOTICS_DE,
    FakeStats,
    copy_of,
    counterpart_of,
    directory_answer,
    lookup_answer,
    robotics_response,
    robotics_with_counterpart,
)
from tests.bot.limits import (
    HOSTILE_TEXTS,
    ask,
    assert_safe,
    assert_within_limits,
    hostile_document,
)


@pytest.mark.parametrize("kind", sorted(HOSTILE_TEXTS))
def test_directory_sources_and_help_within_limits(kind: str) -> None:
    """The directory, sources, help and nothing-found answers fit whatever names they list."""
    text = HOSTILE_TEXTS[kind] or "?"
    document = hostile_document(text)
    officials = [Official(name=f"{text[:150]} {n}", titles=[]) for n in range(40)]
    summaries = [DocumentSummary(**document.model_dump(), passages=3) for _ in range(12)]
    examples = [Example("en", text)] * 10
    for answer in (
        directory_answer(officials),
        sources_answer(summaries),
        help_answer(FakeStats(), examples, PLAIN_COMMANDS),
        nothing_found_answer(text, examples, PLAIN_COMMANDS),
        lookup_answer(text, OfficialLookup(official=None, suggestions=[text] * 10)),
        reload_answer(FakeStats(), [text] * 50, 1.5),
    ):
        assert_safe(answer)


def test_fit_card_trims_an_oversized_card() -> None:
    """A card over every limit comes back within all of them."""
    huge = "word " * 3000
    card = Card(
        title=huge,
        description=huge,
        fields=tuple(Field(huge, huge) for _ in range(40)),
        footer=huge,
    )
    assert_within_limits(fit_card(card))


def test_to_embed_and_to_text_show_the_same_words() -> None:
    """Console text and the embed carry the same title, quote and footer."""
    card = ask("robotics", robotics_response(), per_page=3).pages[0]
    embed = to_embed(card)
    text = to_text(card)
    assert isinstance(embed, discord.Embed)
    assert embed.title == card.title and embed.description == card.description
    assert embed.footer.text == card.footer
    assert "There is a special priority" in text
    assert card.footer is not None and card.footer in text
    assert f"<{PRESS_EN.url}>" in text  # the page's address; the fragment on request


def test_console_title_rule_spans_wide_characters() -> None:
    """Under a Chinese title the console's rule spans two columns per character."""
    text = to_text(Card(title="广东的地区生产总值预计是多少"))
    assert text.split("\n")[1] == "=" * 28


def test_console_shows_the_other_publishers() -> None:
    """The console prints the same "also published" line, the link spelled out."""
    copied = robotics_response().results[0].model_copy(update={"also_published": [copy_of(MIRROR)]})
    card = ask(
        "robotics",
        SearchResponse(query="q", results=[copied]),
        per_page=3,
    ).pages[0]
    assert "also published by mirror.example <https://www.mirror.example/news/1>" in to_text(card)


def test_console_shows_the_other_language_with_its_address() -> None:
    """The console prints the same "also in German" segment, the link spelled out."""
    response = robotics_with_counterpart(counterpart_of(PRESS_DE, ROBOTICS_DE, original=True))
    card = ask("robotics", response, per_page=3).pages[0]
    assert f"also in German <{PRESS_DE.url}> (original)" in to_text(card)
    full = to_text(card, TextStyle(full_links=True))
    assert f"also in German <{PRESS_DE.url}#:~:text=Besondere" in full
    assert "(original)" in to_text(card)


def test_piped_console_text_has_no_markdown_markers() -> None:
    """Piped (no terminal), the console shows no `**`, `*`, `-# ` or escapes; the citation line
    is the same words as on Discord."""
    card = ask("robotics", robotics_response(), per_page=3).pages[0]
    text = to_text(card)
    assert "**" not in text and "-# " not in text and "\\" not in text
    assert "1 · news aktuell · 6\u00a0Feb\u00a02025 · \u00b6\u00a05 · Guangdong accelerates" in text


def test_terminal_console_text_styles_instead_of_markers() -> None:
    """On a terminal bold is an ANSI style and the citation line is dimmed."""
    card = ask("robotics", robotics_response(), per_page=3).pages[0]
    text = to_text(card, TextStyle(ansi=True))
    assert "\033[1mrobotics\033[22m" in text
    assert "\033[2m" in text and "**" not in text


def test_console_writes_command_mentions_as_commands() -> None:
    """A clickable command mention reads /name in the console."""
    mentions = CommandMentions({"ask": 123})
    card = nothing_found_answer("q", load_examples(), mentions).pages[0]
    assert "</ask:123>" in card.description
    assert "• /ask " in to_text(card) and "</ask" not in to_text(card)
