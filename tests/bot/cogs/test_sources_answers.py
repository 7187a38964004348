"""What /sources and /help answer."""

from __future__ import annotations

import re

from bot.cards import Answer
from bot.cogs.official_answers import official_answer, officials_answer
from bot.cogs.sources_answers import help_answer, sources_answer
from bot.command_mentions import PLAIN_COMMANDS
from bot.examples import load_examples
from retrieval.models import (
    DocumentSummary,
    Official,
    OfficialLookup,
)
from tests.bot.fixtures import (
    PRESS_EN,
    FakeStats,
)


def lookup_answer(query: str, lookup: OfficialLookup) -> Answer:
    return official_answer(query, lookup, PLAIN_COMMANDS)


def directory_answer(found: list[Official]) -> Answer:
    return officials_answer(found, PLAIN_COMMANDS)


def test_sources_answer_lists_title_source_date_language_link() -> None:
    """Each document shows its linked title, source, date, language and passage count."""
    summary = DocumentSummary(**PRESS_EN.model_dump(), passages=42)
    description = sources_answer([summary]).pages[0].description
    assert f"[**{PRESS_EN.title}**]({PRESS_EN.url})" in description
    assert "news aktuell (ots) · 2025-02-06 · English · 42 passages" in description


def test_help_has_examples_in_three_languages() -> None:
    """/help lists the commands and example questions in English, German and Chinese."""
    card = help_answer(FakeStats(), load_examples(), PLAIN_COMMANDS).pages[0]
    examples = {f.name: f.value for f in card.fields}["Example questions"]
    assert "artificial intelligence and robotics" in examples
    assert "über" in examples
    assert re.search(r"[\u4e00-\u9fff]", examples)
    assert "/official" in {f.name: f.value for f in card.fields}["Commands"]


def test_help_says_what_the_bot_does_and_lists_every_user_command() -> None:
    """/help opens with what the bot does, then one line per user command, with its option."""
    card = help_answer(FakeStats(), (), PLAIN_COMMANDS).pages[0]
    assert card.description.startswith("I answer questions about Guangdong's industrial policy")
    commands = {f.name: f.value for f in card.fields}["Commands"].split("\n")
    assert [line.split(" \u2014 ")[0] for line in commands[:6]] == [
        "/ask question [language] [since] [until] [source]",
        "/timeline topic",
        "/official name",
        "/officials",
        "/sources",
        "/help",
    ]
    assert "/reload" not in card.fields[0].value


def test_sources_title_counts_one_document_in_the_singular() -> None:
    """A corpus of one document is titled "Sources (1 document)", not "1 documents"."""
    summary = DocumentSummary(**PRESS_EN.model_dump(), passages=42)
    assert sources_answer([summary]).pages[0].title == "Sources (1 document)"
