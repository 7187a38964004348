""" "Find sources" on any message (right-click -> Apps): the corpus's evidence for what it says,
to the one who asked alone."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot import texts
from bot.cogs.ask import ask_cooldown
from bot.install_contexts import usable_anywhere
from bot.replies import defer_then_answer, send_sentence

if TYPE_CHECKING:
    from bot.client import LingnanBot


def message_text(message: discord.Message) -> str:
    """What a message says: its text, else its embeds' titles and descriptions (a bot's or a
    link preview's)."""
    if message.content.strip():
        return message.content
    parts = [part for embed in message.embeds for part in (embed.title, embed.description) if part]
    return "\n".join(parts)


class FindSourcesCog(commands.Cog, name="Find sources"):
    def __init__(self, bot: LingnanBot) -> None:
        self.bot = bot
        # A context menu cannot be a method decorated in a cog: it is made and added here.
        self.menu: app_commands.ContextMenu = usable_anywhere(
            app_commands.ContextMenu(name=texts.FIND_SOURCES_NAME, callback=self.find_sources)
        )
        self.menu.add_check(ask_cooldown)

    async def cog_load(self) -> None:
        self.bot.tree.add_command(self.menu)

    async def cog_unload(self) -> None:
        self.bot.tree.remove_command(self.menu.name, type=self.menu.type)

    async def find_sources(
        self, interaction: discord.Interaction[Any], message: discord.Message
    ) -> None:
        text = message_text(message)
        language = self.bot.reply_language(interaction)
        if not text.strip():
            await send_sentence(interaction, texts.FIND_SOURCES_NO_TEXT(language))
            return
        # Always private: the asker checks a claim, the channel need not watch.
        await defer_then_answer(
            interaction,
            self.bot.answers.find_sources,
            text,
            ephemeral=True,
            language=language,
        )


async def setup(bot: LingnanBot) -> None:
    await bot.add_cog(FindSourcesCog(bot))
