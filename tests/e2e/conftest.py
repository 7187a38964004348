"""Fixtures for end-to-end tests: a local Discord per test, and a record of what got logged."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.discord_fake import FakeDiscord, running_client


class LogCollector(logging.Handler):
    """Keeps every record at WARNING or above, from any logger, for assertions."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def errors(self) -> list[logging.LogRecord]:
        """Records at ERROR or above: with discord.py, every exception that escaped a handler."""
        return [r for r in self.records if r.levelno >= logging.ERROR]

    def warnings(self, logger_prefix: str = "") -> list[logging.LogRecord]:
        return [
            r
            for r in self.records
            if r.levelno == logging.WARNING and r.name.startswith(logger_prefix)
        ]

    def describe(self, records: list[logging.LogRecord]) -> str:
        return "\n".join(f"{r.name}: {r.getMessage()}" for r in records)


@pytest.fixture
def log_records() -> Iterator[LogCollector]:
    """Every warning and error logged during the test (asyncio's unretrieved task errors too)."""
    collector = LogCollector()
    root = logging.getLogger()
    root.addHandler(collector)
    try:
        yield collector
    finally:
        root.removeHandler(collector)


def port_is_closed(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.settimeout(1.0)
        return probe.connect_ex(("127.0.0.1", port)) != 0


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "fake_discord(**options): FakeDiscord options for this test (e.g. response_deadline=None)",
    )


# Discord's own rule: an interaction not acknowledged within 3 s is gone (10062).
FAKE_DISCORD_DEFAULTS: dict[str, Any] = {"heartbeat_interval": 0.5, "response_deadline": 3.0}


@pytest.fixture
async def fake_discord(request: pytest.FixtureRequest) -> AsyncIterator[FakeDiscord]:
    """A running local Discord; stopped afterwards, with its port closed and no task left over.
    Options come from FAKE_DISCORD_DEFAULTS and the test's `fake_discord` marker."""
    marker = request.node.get_closest_marker("fake_discord")
    fake = FakeDiscord(**(FAKE_DISCORD_DEFAULTS | (marker.kwargs if marker else {})))
    await fake.start()
    try:
        yield fake
    finally:
        await fake.stop()
    assert port_is_closed(fake.port), f"port {fake.port} still accepts connections"
    await asyncio.sleep(0)  # let cancelled tasks finish
    current = asyncio.current_task()
    leftover = [t for t in asyncio.all_tasks() if t is not current and not t.done()]
    assert not leftover, f"tasks left running: {leftover}"


# ---------------------------------------------------------------------------- the product bot


@dataclass
class RunningBot:
    """The lingnan bot connected to a local Discord, with what it logged."""

    fake: FakeDiscord
    bot: Any  # bot.client.LingnanBot (imported lazily: the fake's own tests need no bot)
    settings: Any
    logs: LogCollector

    def problems(self) -> list[str]:
        """What must never happen in any session: pings let through, requests Discord would
        refuse, unknown routes, errors in the log."""
        fake = self.fake
        found = [f"allowed_mentions lets pings through: {r!r}" for r in fake.ping_violations()]
        found += [
            f"Discord would refuse {r!r}: {r.response}"
            for r in fake.client_errors()
            if r.route != "UNKNOWN"
        ]
        found += [f"unknown route {r.method} {r.path}" for r in fake.unknown_requests]
        found += [f"logged error: {r.name}: {r.getMessage()}" for r in self.logs.errors()]
        return found


def bot_settings(fake: FakeDiscord, corpus_folder: Path, **overrides: Any) -> Any:
    """Settings as an operator would write them, every field explicit (no .env, no environment),
    the cooldown off unless a test turns it on."""
    from bot.settings import Settings

    values: dict[str, Any] = {
        "discord_token": fake.token,
        "discord_guild_id": int(fake.guild.id),
        "corpus_folder": corpus_folder,
        "quotes_per_answer": 3,
        "cooldown_rate": 0,
        "cooldown_seconds": 0,
        "log_level": "INFO",
        "owner_ids": [],
        "watch_corpus": False,
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)


@contextlib.asynccontextmanager
async def run_lingnan(
    fake: FakeDiscord,
    logs: LogCollector,
    corpus_folder: Path,
    library: Any = None,
    **settings: Any,
) -> AsyncIterator[RunningBot]:
    """The real bot (create_bot) running against `fake`, its commands synced before yielding."""
    from bot.client import create_bot

    configured = bot_settings(fake, corpus_folder, **settings)
    bot = create_bot(configured, library)
    async with running_client(fake, bot, ready_timeout=60.0):
        scope = "global" if configured.discord_guild_id is None else fake.guild.id
        await fake.wait_commands(scope)
        yield RunningBot(fake, bot, configured, logs)


@pytest.fixture
async def lingnan(
    fake_discord: FakeDiscord, log_records: LogCollector, library: Any, seeds_copy: Path
) -> AsyncIterator[RunningBot]:
    """The bot over the real seeds corpus (loaded once per run), in a local Discord; afterwards
    every message it sent is checked for pings, and the log for errors."""
    async with run_lingnan(fake_discord, log_records, seeds_copy, library) as running:
        yield running
        problems = running.problems()
    assert not problems, "\n".join(problems)
