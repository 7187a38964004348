"""Hostile corpus texts and the checks that every card stays within Discord's limits."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.cards import (
    DESCRIPTION_LIMIT,
    EMBED_TOTAL_LIMIT,
    FIELD_COUNT_LIMIT,
    FIELD_NAME_LIMIT,
    FIELD_VALUE_LIMIT,
    FOOTER_LIMIT,
    TITLE_LIMIT,
    Answer,
    Card,
    Menu,
    card_length,
    to_embed,
)
from bot.cogs.ask_answers import ask_answer
from bot.command_mentions import PLAIN_COMMANDS
from bot.examples import Example
from bot.markdown import _ATOM, _URL, discord_len
from bot.quote_facts import NO_FACTS, QuoteFacts
from retrieval.models import DocumentInfo, SearchResponse
from tests.bot.fixtures import INVESTMENT_ZH

HOSTILE_TEXTS = {
    "long": "Guangdong will strengthen 20 strategic industrial clusters. " * 200,
    "empty": "",
    "markdown": "**bold** __u__ ~~s~~ ||spoiler|| `code` ```block``` > quote\n# Head\n- item\n"
    "1. one [link](https://evil.example/x_y) <t:1700000000:R> -# small \\ end",
    "mentions": "@everyone @here <@123456789012345678> <@&234567890123456789> ping",
    "rtl": "\u202eمرحبا بالعالم שלום עולם\u202c الذكاء الاصطناعي والروبوتات",
    "cjk": INVESTMENT_ZH * 20,
    "emoji": "🤖👨‍👩‍👧🇨🇳🏭" * 300,
    "surrogates": "𠀀𠀁𠀂𝐀𝐁𝐂" * 400,
    "combining": "e\u0301" * 900 + " Zürich",
    "one long word": "x" * 5000,
}


def ask(
    question: str,
    response: SearchResponse,
    per_page: int = 3,
    *,
    facts: QuoteFacts = NO_FACTS,
    examples: Sequence[Example] = (),
) -> Answer:
    """The /ask answer as the bot builds it, with commands written `/name`."""
    return ask_answer(
        question,
        response,
        per_page=per_page,
        commands=PLAIN_COMMANDS,
        facts=facts,
        examples=examples,
    )


def rendered_strings(card: Card) -> list[str]:
    return [
        card.title,
        card.description,
        card.footer or "",
        *(f.name for f in card.fields),
        *(f.value for f in card.fields),
    ]


def assert_within_limits(card: Card) -> None:
    assert 0 < discord_len(card.title) <= TITLE_LIMIT
    assert discord_len(card.description) <= DESCRIPTION_LIMIT
    assert len(card.fields) <= FIELD_COUNT_LIMIT
    for item in card.fields:
        assert 0 < discord_len(item.name) <= FIELD_NAME_LIMIT
        assert 0 < discord_len(item.value) <= FIELD_VALUE_LIMIT
    assert discord_len(card.footer or "") <= FOOTER_LIMIT
    assert card_length(card) <= EMBED_TOTAL_LIMIT
    assert len(to_embed(card)) <= EMBED_TOTAL_LIMIT


def assert_markdown_balanced(text: str) -> None:
    # URLs stay unescaped on purpose (Discord links them before reading markdown)
    without_urls = re.sub(_URL, "URL", re.sub(r"\]\([^()\s]+\)", "](URL)", text))
    atoms = _ATOM.findall(without_urls)
    assert atoms.count("**") % 2 == 0, text
    assert atoms.count("*") % 2 == 0, text
    for marker in ("_", "~", "|", "`"):
        assert marker not in atoms, (marker, text)


def assert_no_live_mentions(text: str) -> None:
    assert "@everyone" not in text
    assert "@here" not in text
    assert re.search(r"<@[!&]?\d{17,20}>", text) is None


def assert_safe(answer: Answer) -> None:
    assert answer.pages
    for card in answer.pages:
        assert_within_limits(card)
        for text in rendered_strings(card):
            assert_no_live_mentions(text)
    if answer.menu is not None:
        assert_menu_within_limits(answer.menu)


def assert_menu_within_limits(menu: Menu) -> None:
    """A select menu Discord accepts: 1-25 options with distinct values, texts within 100."""
    assert 1 <= len(menu.choices) <= 25 and len(menu.placeholder) <= 150
    assert len({choice.value for choice in menu.choices}) == len(menu.choices)
    assert sum(choice.default for choice in menu.choices) <= 1
    for choice in menu.choices:
        assert 1 <= len(choice.label) <= 100 and 1 <= len(choice.value) <= 100
        assert choice.description is None or len(choice.description) <= 100


def hostile_document(text: str) -> DocumentInfo:
    return DocumentInfo(
        id="doc-" + str(abs(hash(text)) % 1000),
        title=text or "Untitled",
        source=text or "unknown",
        date="2025-02-06",
        url="https://example.com/" + "a" * 50,
        language="en",
    )
