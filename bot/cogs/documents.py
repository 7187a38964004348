"""/add and /remove for the bot's owner: a document attached in Discord goes into the corpus
folder, or a document file comes out of it; either way the library reloads as /reload does.

Files are read, saved, deleted and loaded in worker threads, so questions from everyone else
are answered meanwhile (from the previous library until the new one is swapped in). Both change
the corpus folder itself, so what they did is there after a restart too.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot import owner_texts as texts
from bot.cards import Answer
from bot.cogs.admin import owner_only
from bot.cogs.documents_answers import (
    CHOICE_LENGTH,
    added_answer,
    file_by_key,
    file_choice_name,
    file_key,
    matching_files,
    removed_answer,
)
from bot.replies import send_answer, send_sentence
from bot.texts import COMMAND_DESCRIPTIONS, COMMAND_OPTIONS
from retrieval.errors import DocumentRefused, Refusal, RetrievalError

if TYPE_CHECKING:
    from bot.client import LingnanBot
    from retrieval.library import Library

log = logging.getLogger(__name__)

MEGABYTE = 1024 * 1024


def check_and_save(folder: Path, name: str, data: bytes, limit: int) -> Path:
    """Blocking: refuse the file as the corpus would skip it, else save it under a free name."""
    from retrieval.added_files import check_document, save_new_file  # pulls in the readers

    check_document(name, data, limit)
    return save_new_file(folder, name, data)


def remove_document_file(path: Path) -> None:
    """Blocking: delete a document file of the corpus."""
    from retrieval.added_files import remove_file

    remove_file(path)


class DocumentsCog(commands.Cog, name="Documents"):
    def __init__(self, bot: LingnanBot) -> None:
        self.bot = bot

    @property
    def size_limit(self) -> int:
        return self.bot.settings.add_max_mb * MEGABYTE

    @app_commands.command(name="add", description=COMMAND_DESCRIPTIONS["add"])
    @app_commands.describe(**COMMAND_OPTIONS["add"])
    @app_commands.default_permissions(administrator=True)
    @app_commands.check(owner_only)
    async def add(self, interaction: discord.Interaction[Any], file: discord.Attachment) -> None:
        from retrieval.added_files import check_size, safe_file_name

        language = self.bot.reply_language(interaction)
        try:
            name = safe_file_name(file.filename)
            check_size(file.size, self.size_limit)  # before downloading it
        except DocumentRefused as refused:
            await self._refuse(interaction, file, refused, language)
            return
        await interaction.response.defer(thinking=True, ephemeral=True)
        try:
            data = await file.read()
        except discord.HTTPException as error:
            log.warning("attachment %s could not be downloaded: %s", file.id, error)
            await send_sentence(interaction, texts.ATTACHMENT_UNREACHABLE_MESSAGE(language))
            return
        folder = self.bot.settings.corpus_folder
        try:
            saved = await asyncio.to_thread(check_and_save, folder, name, data, self.size_limit)
        except DocumentRefused as refused:
            await self._refuse(interaction, file, refused, language)
            return
        log.info("%s added to the corpus by user %s", saved.name, interaction.user.id)
        library = await self._reload(interaction, language)
        if library is None:
            return
        answer = await asyncio.to_thread(_added_answer, library, saved, language)
        await send_answer(interaction, answer, deferred_privately=True)

    @app_commands.command(name="remove", description=COMMAND_DESCRIPTIONS["remove"])
    @app_commands.describe(**COMMAND_OPTIONS["remove"])
    @app_commands.default_permissions(administrator=True)
    @app_commands.check(owner_only)
    async def remove(
        self,
        interaction: discord.Interaction[Any],
        document: app_commands.Range[str, 1, CHOICE_LENGTH],
    ) -> None:
        language = self.bot.reply_language(interaction)
        await interaction.response.defer(thinking=True, ephemeral=True)
        files = await asyncio.to_thread(self.bot.library.files)
        chosen = file_by_key(files, document)
        if chosen is None:
            await send_sentence(interaction, texts.no_such_file_message(document, language))
            return
        if len(files) == 1:
            await send_sentence(interaction, texts.LAST_FILE_MESSAGE(language))
            return
        try:
            await asyncio.to_thread(remove_document_file, chosen.path)
        except DocumentRefused as refused:
            log.warning("%s could not be removed: %s", chosen.path, refused)
            await send_sentence(
                interaction, texts.remove_failed_message(chosen.name, refused.detail, language)
            )
            return
        log.info("%s removed from the corpus by user %s", chosen.name, interaction.user.id)
        library = await self._reload(interaction, language)
        if library is None:
            return
        await send_answer(
            interaction, removed_answer(chosen, library.stats, language), deferred_privately=True
        )

    @remove.autocomplete("document")
    async def remove_autocomplete(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        # Checks do not guard autocomplete: the file names are for the owner only.
        if not await interaction.client.is_owner(interaction.user):
            return []
        try:
            files = await asyncio.to_thread(self.bot.library.files)
        except RetrievalError:  # the corpus is still loading: nothing to offer yet
            return []
        language = self.bot.reply_language(interaction)
        return [
            app_commands.Choice(name=file_choice_name(file, language), value=file_key(file))
            for file in matching_files(files, current)
        ]

    async def _reload(
        self, interaction: discord.Interaction[Any], language: str | None = None
    ) -> Library | None:
        """The corpus reloaded as /reload does, waiting for a reload already running; None (and
        the owner told why) when the folder cannot be loaded."""
        try:
            return await self.bot.reload_library(wait=True)
        except RetrievalError as error:
            log.error("reload after a corpus change failed: %s", error, exc_info=error)
            await send_sentence(interaction, texts.reload_failed_message(error, language))
            return None

    async def _refuse(
        self,
        interaction: discord.Interaction[Any],
        file: discord.Attachment,
        refused: DocumentRefused,
        language: str | None = None,
    ) -> None:
        log.info("/add refused %r for user %s: %s", file.filename, interaction.user.id, refused)
        if refused.refusal is Refusal.NOT_SAVED:
            log.warning("the corpus folder refused a new file: %s", refused.detail)
        sentence = texts.add_refused_message(
            file.filename,
            refused.refusal,
            refused.detail,
            language,
            size_mb=file.size / MEGABYTE,
            limit_mb=self.size_limit / MEGABYTE,
        )
        await send_sentence(interaction, sentence)


def _added_answer(library: Library, saved: Path, language: str | None = None) -> Answer:
    """Blocking: the report on the file just added, from the library that now serves it."""
    files = library.files()
    found = next((file for file in files if file.name == saved.name), None)
    name = found.name if found is not None else saved.name
    ids = [document.id for document in found.documents] if found is not None else []
    notes = [w for w in library.warnings if w.startswith((f"{name}:", f"{name} "))]
    return added_answer(name, found, library.officials_in(ids), notes, library.stats, language)


async def setup(bot: LingnanBot) -> None:
    await bot.add_cog(DocumentsCog(bot))
