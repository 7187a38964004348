"""/timeline: a topic's best quotes in the order of their documents' dates."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot import texts
from bot.cogs.ask import ask_cooldown
from bot.install_contexts import outside_membership, usable_anywhere
from bot.questions import MAX_QUESTION_LENGTH, question_problem
from bot.replies import defer_then_answer, send_sentence

if TYPE_CHECKING:
    from bot.client import LingnanBot


class TimelineCog(commands.Cog, name="Timeline"):
    def __init__(self, bot: LingnanBot) -> None:
        self.bot = bot

    @app_commands.command(name="timeline", description=texts.COMMAND_DESCRIPTIONS["timeline"])
    @app_commands.describe(**texts.COMMAND_OPTIONS["timeline"])
    @app_commands.check(ask_cooldown)  # a search as /ask's, under the same cooldown
    @usable_anywhere
    async def timeline(
        self,
        interaction: discord.Interaction[Any],
        topic: app_commands.Range[str, 1, MAX_QUESTION_LENGTH],
    ) -> None:
        problem = question_problem(
            topic, self.bot.answers.commands(), language=self.bot.reply_language(interaction)
        )
        if problem is not None:
            await send_sentence(interaction, problem)
            return
        options = self.bot.answer_options(interaction.guild_id)
        await defer_then_answer(
            interaction,
            self.bot.answers.timeline,
            topic,
            self.bot.reply_language(interaction),
            ephemeral=options.private or outside_membership(interaction),
        )


async def setup(bot: LingnanBot) -> None:
    await bot.add_cog(TimelineCog(bot))
