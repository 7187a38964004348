"""Quotes: block quotes with ellipses where they are cut, and what is bold."""

from __future__ import annotations

from bot.cards import Answer
from bot.cogs.official_answers import official_answer, officials_answer
from bot.command_mentions import PLAIN_COMMANDS
from bot.quotes import quote_block
from retrieval.models import (
    Official,
    OfficialLookup,
)


def lookup_answer(query: str, lookup: OfficialLookup) -> Answer:
    return official_answer(query, lookup, PLAIN_COMMANDS)


def officials(found: list[Official]) -> Answer:
    return officials_answer(found, PLAIN_COMMANDS)


def test_quote_starting_mid_sentence_opens_with_an_ellipsis() -> None:
    """A passage beginning in lower case (cut from a longer sentence) is marked "…made"."""
    quote = quote_block("made a series of major decisions and arrangements.", [], 500)
    assert quote == "> \u2026made a series of major decisions and arrangements."


def test_quote_ending_on_a_comma_closes_with_an_ellipsis() -> None:
    """A passage ending on a comma (the sentence goes on) is marked with a closing "…"."""
    quote = quote_block("He proposed strategies for development,", [], 500)
    assert quote == "> He proposed strategies for development,\u2026"


def test_whole_sentence_quotes_get_no_ellipsis() -> None:
    """A sentence starting with a capital, a digit or a mixed-case word is shown as it is."""
    for text in ("Huang Kunming spoke.", "5G is planned.", "iPhone sales rose."):
        assert quote_block(text, [], 500) == f"> {text}"
