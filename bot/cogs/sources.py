"""/sources and /help: what the corpus holds and what the bot can do."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.replies import send_answer

if TYPE_CHECKING:
    from bot.client import LingnanBot


class SourcesCog(commands.Cog, name="Sources"):
    def __init__(self, bot: LingnanBot) -> None:
        self.bot = bot

    @app_commands.command(
        name="sources", description="The documents quoted, with source, date, language and link"
    )
    async def sources(self, interaction: discord.Interaction[Any]) -> None:
        await interaction.response.defer(thinking=True)
        answer = await asyncio.to_thread(self.bot.answers.sources)
        await send_answer(interaction, answer)

    @app_commands.command(name="help", description="What lingnan can do, with example questions")
    async def help(self, interaction: discord.Interaction[Any]) -> None:
        await interaction.response.defer(thinking=True, ephemeral=True)
        answer = await asyncio.to_thread(self.bot.answers.help)
        await send_answer(interaction, answer)


async def setup(bot: LingnanBot) -> None:
    await bot.add_cog(SourcesCog(bot))
