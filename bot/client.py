"""The Discord client: loads the library and the command extensions, syncs, answers errors.

Public entry points (used by `python -m bot` and by the end-to-end tests):
    create_bot(settings, library=None) -> LingnanBot
    run_bot(settings, library=None)   (async; logs in with settings.discord_token and runs)
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot import texts
from bot.answer_parts import inline
from bot.answers import Answers
from bot.buttons import DYNAMIC_ITEMS, is_ours
from bot.command_mentions import CommandMentions
from bot.cooldown import UserCooldown
from bot.errors import NotOwner, ReloadInProgress
from bot.examples import Example, load_examples
from bot.library import load_library, log_corpus
from bot.replies import send_sentence
from bot.settings import Settings
from retrieval.errors import RetrievalError

if TYPE_CHECKING:
    from retrieval.library import Library

log = logging.getLogger(__name__)

EXTENSIONS = (
    "bot.cogs.ask",
    "bot.cogs.officials",
    "bot.cogs.sources",
    "bot.cogs.admin",
)


def user_message_for(error: app_commands.AppCommandError) -> tuple[str, bool]:
    """The sentence a user sees for `error`, and whether the log needs its traceback."""
    if isinstance(error, app_commands.CommandOnCooldown):
        return texts.cooldown_message(error.retry_after), False
    if isinstance(error, NotOwner):
        return texts.NOT_OWNER_MESSAGE, False
    if isinstance(error, app_commands.TransformerError):
        return texts.BAD_ARGUMENT_MESSAGE, False
    if isinstance(error, app_commands.BotMissingPermissions):
        return texts.MISSING_PERMISSIONS_MESSAGE, False
    if isinstance(error, app_commands.CheckFailure):
        return texts.CHECK_FAILED_MESSAGE, False
    original = getattr(error, "original", None)
    if isinstance(original, RetrievalError):
        return inline(str(original)), True
    return texts.INTERNAL_ERROR_MESSAGE, True


class LingnanTree(app_commands.CommandTree):
    """The command tree with one error handler for every command: a sentence to the user,
    the detail to the log."""

    async def on_error(
        self, interaction: discord.Interaction[Any], error: app_commands.AppCommandError, /
    ) -> None:
        sentence, needs_traceback = user_message_for(error)
        command = interaction.command.qualified_name if interaction.command else "?"
        if needs_traceback:
            log.error("/%s failed for user %s", command, interaction.user.id, exc_info=error)
        else:
            log.info("/%s refused for user %s: %s", command, interaction.user.id, error)
        await send_sentence(interaction, sentence)


class LingnanBot(commands.Bot):
    """The bot. Build it with `create_bot`; the library loads in `setup_hook` unless given."""

    def __init__(
        self,
        settings: Settings,
        *,
        library: Library | None = None,
        examples: list[Example] | None = None,
    ) -> None:
        intents = discord.Intents.default()
        intents.message_content = False  # mentions carry their content without it
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=intents,
            help_command=None,
            allowed_mentions=discord.AllowedMentions.none(),
            tree_cls=LingnanTree,
            owner_ids=set(settings.owner_ids),
        )
        self.settings = settings
        self._library = library
        self._reload_lock = asyncio.Lock()
        self.ask_cooldown = UserCooldown(settings.cooldown_rate, settings.cooldown_seconds)
        # Filled by each sync: the ids that make `</ask:id>` mentions one can click.
        self.command_mentions = CommandMentions()
        self._answers = Answers(
            lambda: self.library,
            quotes_per_answer=settings.quotes_per_answer,
            examples=examples if examples is not None else load_examples(),
            commands=lambda: self.command_mentions,
        )

    @property
    def answers(self) -> Answers:
        return self._answers

    @property
    def library(self) -> Library:
        if self._library is None:
            raise RetrievalError(texts.CORPUS_LOADING_MESSAGE)
        return self._library

    async def setup_hook(self) -> None:
        if self._library is None:
            self._library = await asyncio.to_thread(self._load_library)
        else:
            log_corpus(self._library, self.settings.corpus_folder)
        for extension in EXTENSIONS:
            await self.load_extension(extension)
        # Buttons of any earlier answer, even from before this start, are answered from here on.
        self.add_dynamic_items(*DYNAMIC_ITEMS)
        await self.sync_commands()

    async def sync_commands(self) -> None:
        """Guild sync when DISCORD_GUILD_ID is set (instant), else global (up to an hour)."""
        guild_id = self.settings.discord_guild_id
        try:
            if guild_id is not None:
                guild = discord.Object(id=guild_id)
                self.tree.copy_global_to(guild=guild)
                synced = await self.tree.sync(guild=guild)
                log.info("synced %d commands to guild %s", len(synced), guild_id)
                self.command_mentions = CommandMentions({c.name: c.id for c in synced})
            else:
                synced = await self.tree.sync()
                self.command_mentions = CommandMentions({c.name: c.id for c in synced})
                log.info(
                    "synced %d global commands (Discord may take a while to show them)", len(synced)
                )
        except discord.Forbidden as error:
            log.error(
                "cannot sync commands to guild %s: invite the bot with the applications.commands "
                "scope, or unset DISCORD_GUILD_ID (%s)",
                guild_id,
                error,
            )
        except discord.HTTPException as error:
            log.error("syncing the commands failed: %s", error)

    async def on_ready(self) -> None:
        user = self.user
        log.info("logged in as %s (id %s) in %d guilds", user, user and user.id, len(self.guilds))

    async def on_interaction(self, interaction: discord.Interaction[Any], /) -> None:
        # A button no registered item answers (from an older version of the bot, or forged)
        # would otherwise leave the user with "This interaction failed".
        if interaction.type is not discord.InteractionType.component:
            return
        data: Mapping[str, object] = interaction.data or {}
        custom_id = str(data.get("custom_id", ""))
        if not is_ours(custom_id):
            log.info("button %r is answered by nothing", custom_id)
            await send_sentence(interaction, texts.EXPIRED_BUTTONS_MESSAGE)

    async def on_message(self, message: discord.Message, /) -> None:
        # No prefix commands: the ask cog's listener answers mentions. Overriding this keeps
        # commands.Bot from parsing every mention as a command it does not have.
        return

    def _load_library(self) -> Library:
        """Blocking: load the corpus with the configured BM25 parameters (run off the loop)."""
        settings = self.settings
        return load_library(settings.corpus_folder, k1=settings.bm25_k1, b=settings.bm25_b)

    async def reload_library(self, *, wait: bool = False) -> Library:
        """Load the corpus again off the event loop, swap it in at once, and return it.

        Questions keep being answered from the old library until the new one is ready. Raises
        `ReloadInProgress` when another reload runs (unless `wait`), and the retrieval error when
        the folder is unusable, leaving the old library in place.
        """
        if self._reload_lock.locked() and not wait:
            raise ReloadInProgress
        async with self._reload_lock:
            library = await asyncio.to_thread(self._load_library)
            self._library = library  # one reference swap: each question sees old or new, whole
            return library


def create_bot(
    settings: Settings,
    library: Library | None = None,
    *,
    examples: list[Example] | None = None,
) -> LingnanBot:
    """A ready-to-start bot; pass `library` to skip loading the corpus folder."""
    return LingnanBot(settings, library=library, examples=examples)


async def run_bot(settings: Settings, library: Library | None = None) -> None:
    """Log in with the configured token and serve until the connection closes.

    Raises discord.LoginFailure for a rejected token and retrieval's CorpusError for an unusable
    corpus folder; `python -m bot` turns both into one line.
    """
    if settings.discord_token is None:
        raise ValueError("run_bot needs settings.discord_token")
    bot = create_bot(settings, library)
    async with bot:
        await bot.start(settings.discord_token.get_secret_value())
