"""What /sources and /help answer: the documents quoted, and what the bot can do."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot import texts
from bot.answer_parts import example_lines, inline, iso_date, language_name, paged, plural
from bot.cards import EMPTY_COLOUR, Answer, Card, Field, Origin, fit_card
from bot.command_mentions import CommandMentions
from bot.examples import Example
from bot.markdown import clip, link
from retrieval.models import DocumentSummary

if TYPE_CHECKING:
    from retrieval.library import LibraryStats

SOURCES_PER_PAGE = 5


def sources_answer(documents: Sequence[DocumentSummary]) -> Answer:
    """The documents quoted: full title (linked), full source, date, language, passages."""
    if not documents:
        card = Card("Sources", texts.NO_DOCUMENTS, colour=EMPTY_COLOUR)
        return Answer((fit_card(card),), found=False)
    pages: list[Card] = []
    for page in paged(documents, SOURCES_PER_PAGE, "documents"):
        blocks = []
        for document in page.items:
            title = link(f"**{clip(inline(document.title), 200)}**", document.url)
            details = " · ".join(
                [
                    clip(inline(document.source), 120),
                    iso_date(document.date),
                    language_name(document.language),
                    plural(document.passages, "passage"),
                ]
            )
            blocks.append(f"{title}\n{details}")
        pages.append(
            fit_card(
                Card(
                    title=f"Sources ({plural(len(documents), 'document')})",
                    description="\n\n".join(blocks),
                    footer=page.footer,
                )
            )
        )
    return Answer(tuple(pages), origin=Origin("sources"))


def _mention_example(examples: Sequence[Example]) -> str:
    english = [e.question for e in examples if e.language == "en"]
    return inline(english[0]) if english else texts.DEFAULT_MENTION_EXAMPLE


def help_answer(
    stats: LibraryStats, examples: Sequence[Example], commands: CommandMentions
) -> Answer:
    """What the bot does, its commands (mentions one can click), and example questions."""
    lines = []
    for name in texts.HELP_COMMANDS:
        options = texts.HELP_USAGE.get(name) or " ".join(texts.COMMAND_OPTIONS.get(name, {}))
        what = texts.COMMAND_DESCRIPTIONS[name]
        usage = f"{commands(name)} {options}".strip()
        lines.append(f"{usage} \u2014 {what[0].lower()}{what[1:]}")
    lines.append(texts.FIND_SOURCES_HELP)
    lines.append(texts.help_mention_line(_mention_example(examples)))
    fields = [Field(texts.HELP_COMMANDS_HEADING, "\n".join(lines))]
    if examples:
        fields.append(Field(texts.HELP_EXAMPLES_HEADING, example_lines(examples, commands)))
    footer = (
        f"Corpus: {plural(stats.documents, 'document')} · {plural(stats.passages, 'passage')}"
        f" · {plural(stats.officials, 'official')}"
    )
    card = Card(
        title=texts.HELP_TITLE,
        description=texts.HELP_DESCRIPTION,
        fields=tuple(fields),
        footer=footer,
    )
    return Answer((fit_card(card),), ephemeral=True)
