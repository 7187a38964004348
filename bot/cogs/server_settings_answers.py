"""What /settings shows: a server's settings, each with where its value comes from."""

from __future__ import annotations

from bot import records_texts as texts
from bot.cards import Answer, Card, Field, fit_card
from bot.storage.server_settings import ServerSettings


def settings_answer(chosen: ServerSettings, default_quotes: int, *, saved: bool) -> Answer:
    """The server's settings as a private card; `saved` when they were just changed."""
    channels = " ".join(f"<#{channel}>" for channel in chosen.mention_channels)
    default = texts.DEFAULT_SUFFIX
    quotes = (
        str(chosen.quotes_per_page)
        if chosen.quotes_per_page is not None
        else f"{default_quotes}{default}"
    )
    private = texts.PRIVATE if chosen.private_answers else texts.PUBLIC
    if chosen.private_answers is None:
        private += default
    language = (
        texts.LANGUAGE_NAMES[chosen.reply_language]
        if chosen.reply_language is not None
        else texts.AUTO_LANGUAGE + default
    )
    fields = (
        Field(texts.MENTIONS_LABEL, channels or texts.MENTIONS_EVERYWHERE),
        Field(texts.QUOTES_LABEL, quotes, inline=True),
        Field(texts.ANSWERS_LABEL, private, inline=True),
        Field(texts.LANGUAGE_LABEL, language, inline=True),
    )
    card = Card(
        title=texts.SETTINGS_TITLE,
        description=texts.SETTINGS_SAVED if saved else texts.SETTINGS_CURRENT,
        fields=fields,
        footer=texts.MENTIONS_ARE_PUBLIC,
    )
    return Answer((fit_card(card),), ephemeral=True)
