"""/settings for members who can manage the server: where mentions are answered, quotes per
page, public or private answers, the language of lingnan's own words."""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot import records_texts as texts
from bot.cogs.server_settings_answers import settings_answer
from bot.replies import send_answer, send_sentence
from bot.settings import MAX_QUOTES_PER_ANSWER
from bot.storage.server_settings import LANGUAGE_BY_CODE, ServerSettings, with_channel
from bot.translations import language_of_locale, translatable_choice

if TYPE_CHECKING:
    from bot.client import LingnanBot

log = logging.getLogger(__name__)

AUTO = "auto"
VISIBILITY_CHOICES = [
    translatable_choice("settings", "answers", "public", "public"),
    translatable_choice("settings", "answers", "private", "private"),
]
LANGUAGE_CHOICES = [
    translatable_choice("settings", "language", texts.AUTO_LANGUAGE.english, AUTO)
] + [
    translatable_choice("settings", "language", name, code)
    for code, name in texts.LANGUAGE_NAMES.items()
]


def changed_settings(
    current: ServerSettings,
    *,
    quotes_per_page: int | None,
    answers: str | None,
    language: str | None,
    answer_mentions_in: int | None,
    stop_mentions_in: int | None,
    mentions_everywhere: bool | None,
) -> ServerSettings:
    """`current` with the options given applied (None: unchanged)."""
    chosen = current
    if quotes_per_page is not None:
        chosen = replace(chosen, quotes_per_page=quotes_per_page)
    if answers is not None:
        chosen = replace(chosen, private_answers=answers == "private")
    if language is not None:
        chosen = replace(chosen, reply_language=LANGUAGE_BY_CODE.get(language))
    if mentions_everywhere:
        chosen = replace(chosen, mention_channels=())
    if stop_mentions_in is not None:
        chosen = with_channel(chosen, stop_mentions_in, answered=False)
    if answer_mentions_in is not None:
        chosen = with_channel(chosen, answer_mentions_in, answered=True)
    return chosen


class ServerSettingsCog(commands.Cog, name="Settings"):
    def __init__(self, bot: LingnanBot) -> None:
        self.bot = bot

    @app_commands.command(name="settings", description=texts.SETTINGS_DESCRIPTION)
    @app_commands.describe(**texts.SETTINGS_OPTIONS)
    @app_commands.guild_only()
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.choices(answers=VISIBILITY_CHOICES, language=LANGUAGE_CHOICES)
    async def settings(
        self,
        interaction: discord.Interaction[Any],
        quotes_per_page: app_commands.Range[int, 1, MAX_QUOTES_PER_ANSWER] | None = None,
        answers: app_commands.Choice[str] | None = None,
        language: app_commands.Choice[str] | None = None,
        answer_mentions_in: discord.TextChannel | None = None,
        stop_mentions_in: discord.TextChannel | None = None,
        mentions_everywhere: bool | None = None,
    ) -> None:
        guild_id = interaction.guild_id
        reply_language = self.bot.reply_language(interaction)
        if guild_id is None:
            await send_sentence(interaction, texts.SETTINGS_ONLY_IN_SERVERS(reply_language))
            return
        # Discord hides the command from others by default, but a server may grant it anyway.
        if not interaction.permissions.manage_guild:
            await send_sentence(interaction, texts.SETTINGS_NEED_MANAGE_SERVER(reply_language))
            return
        store = self.bot.server_settings
        current = store.get(guild_id)
        chosen = changed_settings(
            current,
            quotes_per_page=quotes_per_page,
            answers=answers.value if answers else None,
            language=language.value if language else None,
            answer_mentions_in=answer_mentions_in.id if answer_mentions_in else None,
            stop_mentions_in=stop_mentions_in.id if stop_mentions_in else None,
            mentions_everywhere=mentions_everywhere,
        )
        saved = chosen != current
        if saved:
            try:
                await store.save(guild_id, chosen)
            except Exception:
                log.exception("the settings of server %s could not be saved", guild_id)
                await send_sentence(interaction, texts.SETTINGS_NOT_SAVED(reply_language))
                return
            log.info("server %s settings changed by user %s", guild_id, interaction.user.id)
        # In the language just chosen, if one was: the card confirms it.
        reply_language = chosen.reply_language or language_of_locale(interaction.locale)
        answer = settings_answer(
            chosen, self.bot.settings.quotes_per_answer, saved=saved, language=reply_language
        )
        await send_answer(interaction, answer)


async def setup(bot: LingnanBot) -> None:
    await bot.add_cog(ServerSettingsCog(bot))
