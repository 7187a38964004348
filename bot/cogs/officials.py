"""/official (with autocomplete) and /officials: the people the documents name."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot import texts
from bot.install_contexts import outside_membership, usable_anywhere
from bot.questions import MAX_NAME_LENGTH, name_problem
from bot.replies import defer_then_answer, send_sentence

if TYPE_CHECKING:
    from bot.client import LingnanBot

MAX_CHOICES = 25  # Discord's limit for autocomplete
CHOICE_LENGTH = MAX_NAME_LENGTH  # Discord's limit for a choice's name and value


def choices_for(names: list[str]) -> list[app_commands.Choice[str]]:
    """Names as autocomplete choices, within Discord's count and length limits."""
    choices: list[app_commands.Choice[str]] = []
    for name in names[:MAX_CHOICES]:
        shown = name if len(name) <= CHOICE_LENGTH else name[: CHOICE_LENGTH - 1] + "\u2026"
        choices.append(app_commands.Choice(name=shown, value=name[:CHOICE_LENGTH]))
    return choices


class OfficialsCog(commands.Cog, name="Officials"):
    def __init__(self, bot: LingnanBot) -> None:
        self.bot = bot

    @app_commands.command(name="official", description=texts.COMMAND_DESCRIPTIONS["official"])
    @app_commands.describe(**texts.COMMAND_OPTIONS["official"])
    @usable_anywhere
    async def official(
        self,
        interaction: discord.Interaction[Any],
        name: app_commands.Range[str, 1, CHOICE_LENGTH],
    ) -> None:
        problem = name_problem(
            name, self.bot.answers.commands(), self.bot.reply_language(interaction)
        )
        if problem is not None:
            await send_sentence(interaction, problem)
            return
        private = outside_membership(interaction)
        language = self.bot.reply_language(interaction)
        await defer_then_answer(
            interaction, self.bot.answers.official, name, language, ephemeral=private
        )

    @official.autocomplete("name")
    async def official_name_autocomplete(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        # Not in the answer pool: suggestions are due within Discord's 3 s, and in a rush the
        # pool's queue of answers is longer than that.
        names = await asyncio.to_thread(
            self.bot.answers.complete_official, current[:CHOICE_LENGTH], MAX_CHOICES
        )
        return choices_for(names)

    @app_commands.command(name="officials", description=texts.COMMAND_DESCRIPTIONS["officials"])
    @usable_anywhere
    async def officials(self, interaction: discord.Interaction[Any]) -> None:
        private = outside_membership(interaction)
        language = self.bot.reply_language(interaction)
        await defer_then_answer(
            interaction, self.bot.answers.officials, language, ephemeral=private
        )


async def setup(bot: LingnanBot) -> None:
    await bot.add_cog(OfficialsCog(bot))
