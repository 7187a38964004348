"""What /settings shows: a server's settings, each with where its value comes from."""

from __future__ import annotations

from bot import records_texts as texts
from bot.cards import Answer, Card, Field, fit_card
from bot.storage.server_settings import ServerSettings


def settings_answer(
    chosen: ServerSettings, default_quotes: int, *, saved: bool, language: str | None = None
) -> Answer:
    """The server's settings as a private card in `language`; `saved` when they were just
    changed."""
    channels = " ".join(f"<#{channel}>" for channel in chosen.mention_channels)
    quotes = (
        str(chosen.quotes_per_page)
        if chosen.quotes_per_page is not None
        else texts.with_default(str(default_quotes), language)
    )
    private = (texts.PRIVATE if chosen.private_answers else texts.PUBLIC)(language)
    if chosen.private_answers is None:
        private = texts.with_default(private, language)
    reply_language = (
        texts.LANGUAGE_NAMES[chosen.reply_language]
        if chosen.reply_language is not None
        else texts.with_default(texts.AUTO_LANGUAGE(language), language)
    )
    fields = (
        Field(texts.MENTIONS_LABEL(language), channels or texts.MENTIONS_EVERYWHERE(language)),
        Field(texts.QUOTES_LABEL(language), quotes, inline=True),
        Field(texts.ANSWERS_LABEL(language), private, inline=True),
        Field(texts.LANGUAGE_LABEL(language), reply_language, inline=True),
    )
    card = Card(
        title=texts.SETTINGS_TITLE(language),
        description=(texts.SETTINGS_SAVED if saved else texts.SETTINGS_CURRENT)(language),
        fields=fields,
        footer=texts.MENTIONS_ARE_PUBLIC(language),
    )
    return Answer((fit_card(card),), ephemeral=True)
