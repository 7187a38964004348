"""What /sources and /help answer: the documents quoted, and what the bot can do."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot import texts
from bot.answer_parts import example_lines, inline, iso_date, language_name, paged
from bot.cards import EMPTY_COLOUR, Answer, Card, Field, Origin, fit_card
from bot.command_mentions import CommandMentions
from bot.examples import Example
from bot.markdown import clip, link
from retrieval.models import DocumentSummary

if TYPE_CHECKING:
    from retrieval.library import LibraryStats

SOURCES_PER_PAGE = 5


def sources_answer(documents: Sequence[DocumentSummary], language: str | None = None) -> Answer:
    """The documents quoted: full title (linked), full source, date, language, passages (in
    `language`)."""
    if not documents:
        card = Card(
            texts.SOURCES_TITLE(language), texts.NO_DOCUMENTS(language), colour=EMPTY_COLOUR
        )
        return Answer((fit_card(card),), found=False, language=language)
    pages: list[Card] = []
    for page in paged(documents, SOURCES_PER_PAGE, "documents", language):
        blocks = []
        for document in page.items:
            title = link(f"**{clip(inline(document.title), 200)}**", document.url)
            details = " · ".join(
                [
                    clip(inline(document.source), 120),
                    iso_date(document.date, language),
                    language_name(document.language, language),
                    texts.PASSAGE_COUNT(language, count=document.passages),
                ]
            )
            blocks.append(f"{title}\n{details}")
        pages.append(
            fit_card(
                Card(
                    title=texts.sources_title(len(documents), language),
                    description="\n\n".join(blocks),
                    footer=page.footer,
                )
            )
        )
    return Answer(tuple(pages), origin=Origin("sources"), language=language)


def _mention_example(examples: Sequence[Example], language: str | None = None) -> str:
    """The question of /help's mention line: an example in `language`, else in English."""
    for wanted in (language or "en", "en"):
        written = [e.question for e in examples if e.language == wanted]
        if written:
            return inline(written[0])
    return texts.DEFAULT_MENTION_EXAMPLE(language)


def help_answer(
    stats: LibraryStats,
    examples: Sequence[Example],
    commands: CommandMentions,
    language: str | None = None,
) -> Answer:
    """What the bot does, its commands (mentions one can click), and example questions, in
    `language`."""
    lines = []
    for name in texts.HELP_COMMANDS:
        usage = f"{commands(name)} {texts.help_usage(name, language)}".strip()
        lines.append(f"{usage} \u2014 {texts.help_command_description(name, language)}")
    lines.append(texts.FIND_SOURCES_HELP(language))
    lines.append(texts.help_mention_line(_mention_example(examples, language), language))
    fields = [Field(texts.HELP_COMMANDS_HEADING(language), "\n".join(lines))]
    if examples:
        fields.append(
            Field(
                texts.HELP_EXAMPLES_HEADING(language),
                example_lines(examples, commands, first_language=language),
            )
        )
    card = Card(
        title=texts.HELP_TITLE(language),
        description=texts.HELP_DESCRIPTION(language),
        fields=tuple(fields),
        footer=texts.help_footer(stats.documents, stats.passages, stats.officials, language),
    )
    return Answer((fit_card(card),), ephemeral=True)
