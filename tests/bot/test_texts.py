"""Fixed sentences."""

from __future__ import annotations

from bot import texts
from bot.cards import Answer
from bot.cogs.official_answers import official_answer, officials_answer
from bot.command_mentions import PLAIN_COMMANDS
from retrieval.models import (
    Official,
    OfficialLookup,
)


def lookup_answer(query: str, lookup: OfficialLookup) -> Answer:
    return official_answer(query, lookup, PLAIN_COMMANDS)


def officials(found: list[Official]) -> Answer:
    return officials_answer(found, PLAIN_COMMANDS)


def test_cooldown_message_rounds_up_the_wait() -> None:
    """The cooldown sentence names the wait in whole seconds, never zero."""
    assert "wait 13 seconds" in texts.cooldown_message(12.1)
    assert "wait 1 second " in texts.cooldown_message(0.2)
