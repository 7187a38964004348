"""/sources and /help: what the corpus holds and what the bot can do."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot import texts
from bot.install_contexts import outside_membership, usable_anywhere
from bot.replies import defer_then_answer

if TYPE_CHECKING:
    from bot.client import LingnanBot


class SourcesCog(commands.Cog, name="Sources"):
    def __init__(self, bot: LingnanBot) -> None:
        self.bot = bot

    @app_commands.command(name="sources", description=texts.COMMAND_DESCRIPTIONS["sources"])
    @usable_anywhere
    async def sources(self, interaction: discord.Interaction[Any]) -> None:
        private = outside_membership(interaction)
        language = self.bot.reply_language(interaction)
        await defer_then_answer(interaction, self.bot.answers.sources, language, ephemeral=private)

    @app_commands.command(name="help", description=texts.COMMAND_DESCRIPTIONS["help"])
    @usable_anywhere
    async def help(self, interaction: discord.Interaction[Any]) -> None:
        language = self.bot.reply_language(interaction)
        await defer_then_answer(interaction, self.bot.answers.help, language, ephemeral=True)


async def setup(bot: LingnanBot) -> None:
    await bot.add_cog(SourcesCog(bot))
