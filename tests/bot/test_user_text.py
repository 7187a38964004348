"""Typed text made searchable before it reaches the library (bot/user_text.py, bot/answers.py)."""

from __future__ import annotations

import pytest

from bot.answers import Answers
from bot.cards import to_embed
from bot.examples import load_examples
from bot.user_text import clean_user_text
from tests.bot.fixtures import FakeLibrary, as_library


def answers_for(library: FakeLibrary) -> Answers:
    return Answers(lambda: as_library(library), quotes_per_answer=3, examples=load_examples())


@pytest.mark.parametrize(
    "markup",
    [
        "<@123456789012345678>",
        "<@!123456789012345678>",
        "<@&123456789012345678>",
        "<#123456789012345678>",
        "<:robot:123456789012345678>",
        "<a:spin:123456789012345678>",
        "<t:1700000000:F>",
        "</ask:123456789012345678>",
    ],
)
def test_discord_markup_is_removed(markup: str) -> None:
    """Mentions, channel links, custom emoji, timestamps and command links are not words."""
    assert clean_user_text(f"{markup} robotics {markup}") == "robotics"


def test_mass_pings_are_removed_but_the_word_everyone_stays() -> None:
    """@everyone and @here are ping attempts, not words; "everyone" in a sentence stays."""
    assert clean_user_text("@everyone @here what did everyone say?") == "what did everyone say?"


@pytest.mark.parametrize("invisible", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200f"])
def test_invisible_characters_inside_a_word_are_dropped(invisible: str) -> None:
    """A zero-width or direction character pasted inside a word leaves the word whole."""
    assert clean_user_text(f"robo{invisible}tics") == "robotics"


def test_emoji_joiners_are_kept() -> None:
    """A zero-width joiner between pictographs is part of one emoji and stays."""
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert clean_user_text(f"{family} robotics") == f"{family} robotics"


def test_control_characters_and_terminal_colours_become_spaces() -> None:
    """NUL, other control characters and ANSI colour codes never reach the search or the echo."""
    assert clean_user_text("\x1b[31mred\x1b[0m robot\x00ics\x07") == "red robot ics"


def test_lone_surrogates_are_dropped() -> None:
    """Half a surrogate pair (a broken client, undecodable console bytes) is removed."""
    assert clean_user_text("robotics \ud800\udcff") == "robotics"


def test_ask_searches_the_question_without_a_mention() -> None:
    """A mentioned user in a question does not reach the search as an unknown word."""
    library = FakeLibrary()
    answers_for(library).ask("<@123456789012345678> what about robotics?")
    assert library.queries[0][0] == "what about robotics?"


def test_ask_with_a_lone_surrogate_answers() -> None:
    """A lone surrogate in a question gets an answer, not an encoding error."""
    answer = answers_for(FakeLibrary()).ask("robotics \udcff")
    assert "\udcff" not in to_embed(answer.pages[0]).to_dict()["description"]


def test_official_with_a_lone_surrogate_answers() -> None:
    """A lone surrogate in a name gets the not-found answer, not an encoding error."""
    answer = answers_for(FakeLibrary()).official("Nobody \ud800")
    assert answer.found is False
