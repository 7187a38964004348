"""The Discord client: loads the library and the command extensions, syncs, answers errors.

Public entry points (used by `python -m bot` and by the end-to-end tests):
    create_bot(settings, library=None) -> LingnanBot
    run_bot(settings, library=None)   (async; logs in with settings.discord_token and runs)
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import threading
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot import texts
from bot.answer_parts import inline
from bot.answer_pool import AnswerPool
from bot.answers import Answers
from bot.buttons import DYNAMIC_ITEMS, is_ours
from bot.cards import Answer
from bot.command_mentions import CommandMentions
from bot.cooldown import UserCooldown
from bot.errors import CorpusLoading, NotOwner, ReloadInProgress
from bot.examples import Example, load_examples
from bot.feedback import comment_submitted
from bot.filter_texts import filter_mistake_sentence
from bot.library import complete_tables, load_library, log_corpus
from bot.replies import send_sentence
from bot.settings import Settings
from bot.storage.recorder import Recorder
from bot.storage.server_settings import AnswerOptions, ServerSettingsStore
from bot.translations import CatalogTranslator, language_of_locale
from bot.user_text import clean_user_text
from retrieval.errors import RetrievalError
from retrieval.filters import FilterError

if TYPE_CHECKING:
    from retrieval.library import Library

log = logging.getLogger(__name__)

EXTENSIONS = (
    "bot.cogs.ask",
    "bot.cogs.timeline",
    "bot.cogs.find_sources",
    "bot.cogs.officials",
    "bot.cogs.sources",
    "bot.cogs.admin",
    "bot.cogs.documents",
    "bot.cogs.stats",
    "bot.cogs.server_settings",
)


def user_message_for(
    error: app_commands.AppCommandError, language: str | None = None
) -> tuple[str, bool]:
    """The sentence a user sees for `error` (in `language`), and whether the log needs its
    traceback."""
    if isinstance(error, app_commands.CommandOnCooldown):
        return texts.cooldown_message(error.retry_after, language), False
    if isinstance(error, NotOwner):
        return texts.NOT_OWNER_MESSAGE(language), False
    if isinstance(error, app_commands.TransformerError):
        return texts.BAD_ARGUMENT_MESSAGE(language), False
    if isinstance(error, app_commands.BotMissingPermissions):
        return texts.MISSING_PERMISSIONS_MESSAGE(language), False
    if isinstance(error, app_commands.CheckFailure):
        return texts.CHECK_FAILED_MESSAGE(language), False
    original = getattr(error, "original", None)
    if isinstance(original, CorpusLoading):
        return texts.CORPUS_LOADING_MESSAGE(language), False
    if isinstance(original, FilterError):
        return filter_mistake_sentence(original, language), False
    if isinstance(original, RetrievalError):
        return inline(str(original)), True
    return texts.INTERNAL_ERROR_MESSAGE(language), True


class LingnanTree(app_commands.CommandTree):
    """The command tree with one error handler for every command: a sentence to the user,
    the detail to the log."""

    async def on_error(
        self, interaction: discord.Interaction[Any], error: app_commands.AppCommandError, /
    ) -> None:
        client = interaction.client
        if isinstance(client, LingnanBot):
            language = client.reply_language(interaction)
        else:
            language = language_of_locale(interaction.locale)
        sentence, needs_traceback = user_message_for(error, language)
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
        recorder: Recorder | None = None,
        **client_options: Any,
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
            **client_options,
        )
        self.settings = settings
        self._library = library
        self._reload_lock = asyncio.Lock()
        # One completion of carried-over tables at a time (each takes minutes of CPU).
        self._tables_lock = threading.Lock()
        # Where questions and votes go; opened in setup_hook unless given (tests give one).
        self._recorder = recorder
        self.server_settings = ServerSettingsStore()
        self.ask_cooldown = UserCooldown(settings.cooldown_rate, settings.cooldown_seconds)
        # Filled by each sync: the ids that make `</ask:id>` mentions one can click.
        self.command_mentions = CommandMentions()
        # Answers are built here, not in asyncio's default pool (see bot/answer_pool.py).
        self.answer_pool = AnswerPool(settings.answer_threads)
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
    def recorder(self) -> Recorder | None:
        return self._recorder

    def answer_options(self, guild_id: int | None) -> AnswerOptions:
        """What an answer in `guild_id` does: the server's /settings over the environment's."""
        chosen = self.server_settings.get(guild_id)
        return AnswerOptions(
            quotes_per_page=chosen.quotes_per_page or self.settings.quotes_per_answer,
            private=bool(chosen.private_answers),
            language=chosen.reply_language,
        )

    def reply_language(self, interaction: discord.Interaction[Any]) -> str:
        """The language of lingnan's own words to `interaction`: the server's /settings choice,
        else the asker's Discord language."""
        chosen = self.answer_options(interaction.guild_id).language
        return chosen or language_of_locale(interaction.locale)

    def record_question(
        self,
        guild_id: int | None,
        via: str,
        question: str,
        answer: Answer,
        sent: discord.Message | None,
    ) -> None:
        """Queue the record of a question and its answer; never fails the answer."""
        if self._recorder is None or not clean_user_text(question):
            return  # an empty mention is not a question
        try:
            self._recorder.question(
                guild_id=guild_id,
                via=via,
                question=question,
                answer=answer,
                message_id=sent.id if sent is not None else None,
            )
        except Exception:
            log.exception("the question could not be queued for the database")

    @property
    def library(self) -> Library:
        if self._library is None:
            raise CorpusLoading(texts.CORPUS_LOADING_MESSAGE())
        return self._library

    async def setup_hook(self) -> None:
        if self._library is None:
            self._library = await asyncio.to_thread(self._load_library)
        else:
            log_corpus(self._library, self.settings.corpus_folder)
        if self._recorder is None:
            self._recorder = await Recorder.open(self.settings)
        await self.server_settings.load(self._recorder.database)
        for extension in EXTENSIONS:
            await self.load_extension(extension)
        # Buttons of any earlier answer, even from before this start, are answered from here on.
        self.add_dynamic_items(*DYNAMIC_ITEMS)
        # Command names and descriptions in German and Chinese, from bot/data/texts/.
        await self.tree.set_translator(CatalogTranslator())
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
        data: Mapping[str, object] = interaction.data or {}
        if interaction.type is discord.InteractionType.modal_submit:
            # Comment forms are answered from their id, so one sent after a restart counts.
            if not await comment_submitted(interaction):
                log.info("form %r is answered by nothing", data.get("custom_id"))
                language = self.reply_language(interaction)
                await send_sentence(interaction, texts.EXPIRED_BUTTONS_MESSAGE(language))
            return
        if interaction.type is not discord.InteractionType.component:
            return
        custom_id = str(data.get("custom_id", ""))
        if not is_ours(custom_id):
            log.info("button %r is answered by nothing", custom_id)
            language = self.reply_language(interaction)
            await send_sentence(interaction, texts.EXPIRED_BUTTONS_MESSAGE(language))

    async def close(self) -> None:
        """Disconnect, then store what is still queued for the database."""
        # Queued answers first: built after the connection closed, they could not be sent.
        self.answer_pool.close()
        try:
            await super().close()
        finally:
            recorder, self._recorder = self._recorder, None
            if recorder is not None:
                await recorder.close()

    async def on_message(self, message: discord.Message, /) -> None:
        # No prefix commands: the ask cog's listener answers mentions. Overriding this keeps
        # commands.Bot from parsing every mention as a command it does not have.
        return

    def _load_library(self, previous: Library | None = None) -> Library:
        """Blocking: load the corpus with the configured BM25 parameters (run off the loop);
        `previous`: the library this one replaces (see `load_library`)."""
        settings = self.settings
        return load_library(
            settings.corpus_folder, k1=settings.bm25_k1, b=settings.bm25_b, previous=previous
        )

    async def reload_library(self, *, wait: bool = False) -> Library:
        """Load the corpus again off the event loop, swap it in at once, and return it.

        Questions keep being answered from the old library until the new one is ready. Raises
        `ReloadInProgress` when another reload runs (unless `wait`), and the retrieval error when
        the folder is unusable, leaving the old library in place.
        """
        if self._reload_lock.locked() and not wait:
            raise ReloadInProgress
        async with self._reload_lock:
            library = await asyncio.to_thread(self._load_library, self._library)
            self._library = library  # one reference swap: each question sees old or new, whole
        if library.tables_carried_over:
            # A daemon thread, not asyncio's pool: minutes of work that a stopping bot need
            # not wait for (the cache keeps nothing half-written).
            threading.Thread(
                target=self._complete_tables, args=(library,), name="lingnan-tables", daemon=True
            ).start()
        return library

    def _complete_tables(self, library: Library) -> None:
        """Blocking: complete `library`'s tables, unless another reload replaced it meanwhile
        (the newer library completes its own; two at once would halve the speed of both)."""
        with self._tables_lock:
            complete_tables(library, lambda: self._library is library)


class ShardedLingnanBot(LingnanBot, commands.AutoShardedBot):
    """The bot over shards LINGNAN_SHARD_IDS of LINGNAN_SHARD_COUNT: each process started with
    other shard ids answers the servers of its shards (Discord sends each server's events to
    one shard only), and all share one database."""


def create_bot(
    settings: Settings,
    library: Library | None = None,
    *,
    examples: list[Example] | None = None,
    recorder: Recorder | None = None,
) -> LingnanBot:
    """A ready-to-start bot (sharded when LINGNAN_SHARD_COUNT is set); pass `library` to skip
    loading the corpus folder and `recorder` to use a database already open."""
    if settings.shard_count is None:
        return LingnanBot(settings, library=library, examples=examples, recorder=recorder)
    return ShardedLingnanBot(
        settings,
        library=library,
        examples=examples,
        recorder=recorder,
        shard_count=settings.shard_count,
        shard_ids=list(settings.shard_ids) or None,
    )


async def run_bot(settings: Settings, library: Library | None = None) -> None:
    """Log in with the configured token and serve until the connection closes.

    Raises discord.LoginFailure for a rejected token and retrieval's CorpusError for an unusable
    corpus folder; `python -m bot` turns both into one line.
    """
    if settings.discord_token is None:
        raise ValueError("run_bot needs settings.discord_token")
    bot = create_bot(settings, library)
    async with bot:
        closing = _close_on_terminate(bot)
        await bot.start(settings.discord_token.get_secret_value())
        # start() returns as soon as the connection closes; the close SIGTERM began still
        # stores the queued writes, and the process must not end before it has.
        await asyncio.gather(*closing)


def _close_on_terminate(bot: commands.Bot) -> list[asyncio.Task[None]]:
    """SIGTERM (what systemd and `docker stop` send) closes the bot as Ctrl-C does: the writes
    still queued are stored before the process ends. Returns the closing task, once begun."""
    loop = asyncio.get_running_loop()
    closing: list[asyncio.Task[None]] = []  # held: the loop keeps only a weak reference

    def terminate() -> None:
        log.info("SIGTERM: closing")
        if not closing:
            closing.append(loop.create_task(bot.close(), name="lingnan-sigterm"))

    with contextlib.suppress(NotImplementedError, RuntimeError):  # no signals (Windows)
        loop.add_signal_handler(signal.SIGTERM, terminate)
    return closing
