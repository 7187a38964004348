"""The bot client: its configuration, start-up (library, extensions, sync), reloads, errors."""

from __future__ import annotations

import asyncio
import threading
from types import SimpleNamespace
from typing import Any

import discord
import pytest
from discord import app_commands

from bot import texts
from bot.client import LingnanBot, LingnanTree, create_bot, user_message_for
from bot.errors import NotOwner, ReloadInProgress
from bot.settings import Settings
from retrieval.errors import CorpusError, RetrievalError
from tests.bot.fixtures import FakeLibrary, FakeStats, as_library


def make_bot(library: FakeLibrary | None = None, **values: Any) -> LingnanBot:
    fake = None if library is None else as_library(library)
    return create_bot(Settings(_env_file=None, **values), fake)


class SyncRecorder:
    def __init__(self) -> None:
        self.calls: list[discord.abc.Snowflake | None] = []

    async def __call__(
        self, *, guild: discord.abc.Snowflake | None = None
    ) -> list[app_commands.AppCommand]:
        self.calls.append(guild)
        return []


async def test_client_pings_no_one_and_needs_no_privileged_intent() -> None:
    """allowed_mentions is none client-wide; the message_content intent is not requested."""
    bot = make_bot(FakeLibrary())
    try:
        assert bot.allowed_mentions is not None
        assert bot.allowed_mentions.to_dict() == {"parse": []}
        assert bot.intents.message_content is False
        assert isinstance(bot.tree, LingnanTree)
    finally:
        await bot.close()


async def test_answers_are_built_in_a_pool_of_the_set_size() -> None:
    """The bot builds answers on LINGNAN_ANSWER_THREADS threads of its own, closed with it."""
    bot = make_bot(FakeLibrary(), answer_threads=3)
    meeting = threading.Barrier(3, timeout=5)

    def meet() -> str:
        meeting.wait()  # three builds that wait for each other meet only on three threads
        return threading.current_thread().name

    try:
        names = await asyncio.gather(*(bot.answer_pool.run(meet) for _ in range(3)))
    finally:
        await bot.close()
    assert len(set(names)) == 3 and all(name.startswith("answers") for name in names)
    with pytest.raises(RuntimeError):
        await bot.answer_pool.run(lambda: None)


async def test_setup_hook_loads_commands_and_syncs_to_the_guild() -> None:
    """With DISCORD_GUILD_ID the commands are copied to and synced with that guild."""
    bot = make_bot(FakeLibrary(), discord_guild_id=1234)
    recorder = SyncRecorder()
    bot.tree.sync = recorder  # type: ignore[method-assign]
    try:
        await bot.setup_hook()
        names = {c.name for c in bot.tree.get_commands(guild=discord.Object(1234))}
        users = {"ask", "timeline", "official", "officials", "sources", "help", "Find sources"}
        assert names == users | {"reload", "add", "remove", "stats", "settings"}
        [guild] = recorder.calls
        assert guild is not None and guild.id == 1234
    finally:
        await bot.close()


async def test_setup_hook_syncs_globally_without_a_guild() -> None:
    """Without DISCORD_GUILD_ID the commands are synced globally."""
    bot = make_bot(FakeLibrary())
    recorder = SyncRecorder()
    bot.tree.sync = recorder  # type: ignore[method-assign]
    try:
        await bot.setup_hook()
        assert recorder.calls == [None]
        assert {c.name for c in bot.tree.get_commands()} >= {"ask", "official", "help"}
    finally:
        await bot.close()


async def test_setup_hook_loads_the_library_off_the_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a library given, setup_hook loads the corpus folder in a worker thread."""
    import threading

    loaded_in: list[int] = []
    fake = FakeLibrary()

    def load(folder: object, **_: float) -> FakeLibrary:
        loaded_in.append(threading.get_ident())
        return fake

    monkeypatch.setattr("bot.client.load_library", load)
    bot = make_bot(None)
    bot.tree.sync = SyncRecorder()  # type: ignore[method-assign]
    try:
        await bot.setup_hook()
        assert bot.library is fake
        assert loaded_in and loaded_in[0] != threading.get_ident()
    finally:
        await bot.close()


async def test_a_second_reload_while_one_runs_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two /reloads at once: the second is told one is running; the first completes."""
    release = asyncio.Event()
    fresh = FakeLibrary(stats=FakeStats(documents=9))

    def slow_load(folder: object, **_: float) -> FakeLibrary:
        asyncio.run_coroutine_threadsafe(release.wait(), loop).result(timeout=10)
        return fresh

    loop = asyncio.get_running_loop()
    monkeypatch.setattr("bot.client.load_library", slow_load)
    bot = make_bot(FakeLibrary())
    try:
        first = asyncio.create_task(bot.reload_library())
        await asyncio.sleep(0.05)
        with pytest.raises(ReloadInProgress):
            await bot.reload_library()
        release.set()
        report = await asyncio.wait_for(first, timeout=10)
        assert report.stats.documents == 9
        assert bot.library is fresh
    finally:
        await bot.close()


async def test_a_reload_serves_at_once_and_completes_its_tables_behind(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A reload whose library carried copies and translations over is served while they are
    still being found, on a daemon thread of their own (not the event loop, not a pool)."""
    old = FakeLibrary()
    gate = threading.Event()
    fresh = FakeLibrary(tables_carried_over=True, completion_gate=gate)
    handed: list[object] = []

    def load(folder: object, *, previous: object = None, **_: float) -> FakeLibrary:
        handed.append(previous)
        return fresh

    monkeypatch.setattr("bot.client.load_library", load)
    bot = make_bot(old)
    try:
        assert await bot.reload_library() is fresh  # returned while the completion waits
        assert handed == [old] and bot.library is fresh and fresh.tables_carried_over
        worker = next(t for t in threading.enumerate() if t.name == "lingnan-tables")
        assert worker.daemon
        gate.set()
        worker.join(timeout=10)
        assert fresh.tables_completed_on == ["lingnan-tables"]
    finally:
        gate.set()
        await bot.close()


async def test_library_loading_error_is_a_sentence() -> None:
    """Before the corpus is loaded, commands get a sentence, not a crash."""
    bot = make_bot(None)
    try:
        with pytest.raises(RetrievalError, match="still loading"):
            _ = bot.library
    finally:
        await bot.close()


@pytest.mark.parametrize(
    ("error", "expected", "traceback"),
    [
        (
            app_commands.CommandOnCooldown(app_commands.Cooldown(1, 10), 9.5),
            "wait 10 seconds",
            False,
        ),
        (NotOwner("no"), texts.NOT_OWNER_MESSAGE(), False),
        (app_commands.CheckFailure("no"), texts.CHECK_FAILED_MESSAGE(), False),
        (
            app_commands.CommandInvokeError(
                SimpleNamespace(name="ask"),  # type: ignore[arg-type]
                CorpusError("The corpus folder seeds/ does not exist."),
            ),
            "The corpus folder seeds/ does not exist.",
            True,
        ),
        (
            app_commands.CommandInvokeError(SimpleNamespace(name="ask"), KeyError("x")),  # type: ignore[arg-type]
            texts.INTERNAL_ERROR_MESSAGE(),
            True,
        ),
    ],
)
def test_user_message_for_each_error(error: Exception, expected: str, traceback: bool) -> None:
    """Each error a user can meet maps to one sentence; only failures keep a traceback."""
    sentence, needs_traceback = user_message_for(error)  # type: ignore[arg-type]
    assert expected in sentence
    assert "\n" not in sentence
    assert needs_traceback is traceback


async def test_start_up_logs_corpus_size_and_index_time(caplog: pytest.LogCaptureFixture) -> None:
    """setup_hook logs documents, passages, officials and the index time."""
    import logging

    bot = make_bot(FakeLibrary())
    bot.tree.sync = SyncRecorder()  # type: ignore[method-assign]
    try:
        with caplog.at_level(logging.INFO, logger="bot.library"):
            await bot.setup_hook()
        assert any(
            "3 documents, 120 passages, 3 officials; index read from cache in 0.05 s"
            in record.getMessage()
            for record in caplog.records
        )
    finally:
        await bot.close()


async def test_tables_of_a_library_replaced_meanwhile_are_not_completed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two reloads in a row: only the library served completes its tables; the one the second
    reload replaced stops, not worked on for minutes in vain."""
    gate = threading.Event()
    first = FakeLibrary(tables_carried_over=True, completion_gate=gate)
    second = FakeLibrary(tables_carried_over=True)
    loads = iter([first, second])
    monkeypatch.setattr("bot.client.load_library", lambda folder, **_: next(loads))
    bot = make_bot(FakeLibrary())
    try:
        await bot.reload_library()  # its completion starts, and waits at the gate
        await bot.reload_library()
        gate.set()
        for _ in range(500):
            if second.tables_completed_on:
                break
            await asyncio.sleep(0.01)
        assert second.tables_completed_on == ["lingnan-tables"]
        assert first.tables_completed_on == [] and first.tables_carried_over
    finally:
        gate.set()
        await bot.close()
