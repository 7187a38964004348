"""/stats for the bot's owner: the figures of the last days, privately, and optionally a CSV."""

from __future__ import annotations

import asyncio
import io
import logging
from datetime import timedelta
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot import records_texts as texts
from bot.cards import to_embed
from bot.cogs.stats_answers import stats_answer
from bot.feedback import NO_MENTIONS
from bot.replies import send_sentence
from bot.settings import MAX_KEEP_DAYS
from bot.stats.export import export_csv
from bot.stats.report import build_report
from bot.storage.database import utc_now
from retrieval.errors import RetrievalError

if TYPE_CHECKING:
    from bot.client import LingnanBot

log = logging.getLogger(__name__)

FLUSH_WAIT = 5.0  # seconds /stats waits for queued writes, so the last questions count


class StatsCog(commands.Cog, name="Stats"):
    def __init__(self, bot: LingnanBot) -> None:
        self.bot = bot

    @app_commands.command(name="stats", description=texts.STATS_DESCRIPTION)
    @app_commands.describe(**texts.STATS_OPTIONS)
    @app_commands.default_permissions(administrator=True)
    async def stats(
        self,
        interaction: discord.Interaction[Any],
        days: app_commands.Range[int, 1, MAX_KEEP_DAYS] = 30,
        csv: bool = False,
    ) -> None:
        language = self.bot.reply_language(interaction)
        if not await self.bot.is_owner(interaction.user):
            log.info("/stats refused for user %s: not the owner", interaction.user.id)
            await send_sentence(interaction, texts.STATS_NOT_OWNER(language))
            return
        await interaction.response.defer(thinking=True, ephemeral=True)
        recorder = self.bot.recorder
        if recorder is None:
            await send_sentence(interaction, texts.STATS_NO_DATABASE(language))
            return
        try:
            await asyncio.wait_for(recorder.flush(), FLUSH_WAIT)
        except TimeoutError:
            log.warning(
                "/stats: writes still queued after %.0f s; counting without them", FLUSH_WAIT
            )
        since = utc_now() - timedelta(days=days)
        try:
            tokenizer = self.bot.library.searcher.tokenizer
        except RetrievalError:
            tokenizer = None  # the corpus is loading: gaps are counted, not grouped
        report = await build_report(recorder.database, since, tokenizer)
        answer = stats_answer(report, days, texts_kept=recorder.keeps_text, language=language)
        options: dict[str, Any] = {}
        if csv:
            table = io.StringIO()
            await export_csv(recorder.database, since, table)
            # A byte-order mark, so that spreadsheet programs read the file as UTF-8.
            data = io.BytesIO(table.getvalue().encode("utf-8-sig"))
            options["file"] = discord.File(data, filename=texts.STATS_CSV_NAME)
        await interaction.followup.send(
            embed=to_embed(answer.pages[0]),
            ephemeral=True,
            allowed_mentions=NO_MENTIONS,
            **options,
        )


async def setup(bot: LingnanBot) -> None:
    await bot.add_cog(StatsCog(bot))
