"""What "Find sources" answers on a message: the corpus's best quotes for what it says, with the
sentences searched for, or the honest nothing-found; always to the one who asked alone."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from bot import texts
from bot.answer_parts import inline
from bot.cards import DESCRIPTION_LIMIT, EMPTY_COLOUR, Answer, Card, fit_card
from bot.cogs.ask_answers import ask_answer
from bot.command_mentions import CommandMentions
from bot.markdown import clip, discord_len
from bot.quote_facts import QuoteFacts
from retrieval.models import SearchResponse

SENTENCE_SHOWN = 120


def find_sources_answer(
    sentences: Sequence[str],
    response: SearchResponse,
    *,
    commands: CommandMentions,
    facts: QuoteFacts,
    language: str | None = None,
) -> Answer:
    """The quotes for a message's telling `sentences`, on one private page: the quotes as /ask
    shows them, then what was searched for. Nothing found says so."""
    searched = " \u00b7 ".join(
        f"\u201c{clip(inline(sentence), SENTENCE_SHOWN)}\u201d" for sentence in sentences
    )
    if not response.results:
        card = Card(
            texts.FIND_SOURCES_NOTHING_TITLE(language),
            texts.find_sources_nothing_sentence(searched, language),
            colour=EMPTY_COLOUR,
        )
        return Answer((fit_card(card),), ephemeral=True, found=False, language=language)
    # /ask's page of quotes (citation lines, bold words, counterparts), under a title of its own;
    # no page or Cite buttons: they rebuild an answer from a question, and this has none.
    asked = ask_answer(
        response.query,
        response,
        per_page=len(response.results),
        commands=commands,
        facts=facts,
        language=language,
    )
    quotes = asked.pages[0]
    label = texts.SEARCHED_FOR_LABEL(language)
    searched_line = f"-# {label}: {searched}"
    room = DESCRIPTION_LIMIT - discord_len(quotes.description) - 2
    description = quotes.description
    if room > len(label) + 10:
        description += "\n\n" + clip(searched_line, room)
    card = replace(
        quotes,
        title=texts.FIND_SOURCES_TITLE(asked.language),
        description=description,
        footer=texts.ANSWER_FOOTER(asked.language),
    )
    return Answer((fit_card(card),), ephemeral=True, quotes=asked.quotes, language=asked.language)
