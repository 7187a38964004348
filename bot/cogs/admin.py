"""/reload for the bot's owner, and the optional watcher that reloads when the corpus changes."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands
from watchfiles import Change, DefaultFilter, awatch

from bot import owner_texts, texts
from bot.cogs.admin_answers import reload_answer
from bot.errors import NotOwner, ReloadInProgress
from bot.replies import send_answer, send_sentence
from retrieval.errors import RetrievalError

if TYPE_CHECKING:
    from bot.client import LingnanBot

log = logging.getLogger(__name__)

WATCH_DEBOUNCE_MS = 2000  # a copy of many files settles into one reload


async def owner_only(interaction: discord.Interaction[LingnanBot]) -> bool:
    """Check: the user is the bot's owner (LINGNAN_OWNER_IDS, else the application's owner)."""
    if await interaction.client.is_owner(interaction.user):
        return True
    raise NotOwner(texts.NOT_OWNER_MESSAGE())


class CorpusFilter(DefaultFilter):
    """Changes that matter to the corpus: not hidden files or folders (the saved index lives in
    `.lingnan-index/`, and writing it must not trigger another reload)."""

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder.resolve()

    def __call__(self, change: Change, path: str) -> bool:
        if not super().__call__(change, path):
            return False
        try:
            parts = Path(path).resolve().relative_to(self.folder).parts
        except ValueError:
            return False
        return not any(part.startswith(".") for part in parts)


class AdminCog(commands.Cog, name="Admin"):
    def __init__(self, bot: LingnanBot) -> None:
        self.bot = bot
        self._stop_watching = asyncio.Event()
        self._watcher: asyncio.Task[None] | None = None

    async def cog_load(self) -> None:
        if self.bot.settings.watch_corpus:
            self._watcher = asyncio.create_task(self.watch(), name="lingnan-corpus-watcher")

    async def cog_unload(self) -> None:
        self._stop_watching.set()
        if self._watcher is not None:
            self._watcher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._watcher

    @app_commands.command(name="reload", description=texts.COMMAND_DESCRIPTIONS["reload"])
    @app_commands.default_permissions(administrator=True)
    @app_commands.check(owner_only)
    async def reload(self, interaction: discord.Interaction[Any]) -> None:
        language = self.bot.reply_language(interaction)
        await interaction.response.defer(thinking=True, ephemeral=True)
        try:
            library = await self.bot.reload_library()
        except ReloadInProgress:
            await send_sentence(interaction, owner_texts.RELOAD_BUSY_MESSAGE(language))
            return
        except RetrievalError as error:
            log.error("reload failed: %s", error, exc_info=error)
            await send_sentence(interaction, owner_texts.reload_failed_message(error, language))
            return
        log.info("corpus reloaded by user %s", interaction.user.id)
        stats = library.stats
        answer = reload_answer(stats, library.warnings, stats.load_seconds, language)
        await send_answer(interaction, answer, deferred_privately=True)

    async def watch(self) -> None:
        """Reload after files in the corpus folder change, once they settle."""
        folder = self.bot.settings.corpus_folder
        log.info("watching %s for changes", folder)
        async for changes in awatch(
            folder,
            watch_filter=CorpusFilter(folder),
            debounce=WATCH_DEBOUNCE_MS,
            stop_event=self._stop_watching,
        ):
            log.info("corpus changed (%d files); reloading", len(changes))
            # load_library logs the new corpus size; a failure leaves the old library served.
            try:
                await self.bot.reload_library(wait=True)
            except RetrievalError as error:
                log.error(
                    "reload after a corpus change failed; still serving the old one: %s", error
                )
            except Exception:
                log.exception("reload after a corpus change failed; still serving the old one")


async def setup(bot: LingnanBot) -> None:
    await bot.add_cog(AdminCog(bot))
