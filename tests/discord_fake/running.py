"""Run a discord.py client against the fake for the length of a `with` block."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

import discord

from tests.discord_fake.server import FakeDiscord, WaitTimeout


@contextlib.asynccontextmanager
async def running_client(
    fake: FakeDiscord,
    client: discord.Client,
    *,
    ready_timeout: float = 15.0,
    guild_ready_timeout: float = 0.05,
) -> AsyncIterator[discord.Client]:
    """Start `client` with the fake's token, wait until it is ready, close it afterwards.

    discord.py waits `guild_ready_timeout` (2 s by default) after the last GUILD_CREATE before
    READY; the fake sends its one guild at once, so a short wait keeps tests fast.
    """
    client._connection.guild_ready_timeout = guild_ready_timeout
    task = asyncio.create_task(client.start(fake.token), name="discord-client")
    try:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + ready_timeout
        while not client.is_ready():
            if task.done():
                task.result()  # the start-up error, as raised by discord.py
                raise RuntimeError("the client stopped before it was ready")
            if loop.time() > deadline:
                raise WaitTimeout(f"client not ready after {ready_timeout}s; {fake.summary()}")
            await asyncio.sleep(0.01)
        yield client
    finally:
        await stop_client(client, task)


async def stop_client(
    client: discord.Client, task: asyncio.Task[None], timeout: float = 10.0
) -> None:
    """Close the client and wait for its task, bounded; re-raise nothing from a clean close."""
    try:
        await asyncio.wait_for(client.close(), timeout=timeout)
    finally:
        stop_views(client)
        # discord.py's close() leaves a READY still being delayed (waiting for guilds) running.
        ready_task = client._connection._ready_task
        if ready_task is not None and not ready_task.done():
            ready_task.cancel()
        if not task.done():
            task.cancel()
        with contextlib.suppress(asyncio.CancelledError, TimeoutError):
            await asyncio.wait_for(task, timeout=timeout)


def stop_views(client: discord.Client) -> None:
    """Stop the views the client still tracks: discord.py's close() leaves their timeout tasks
    running, which a test run would report as leaked tasks."""
    store = client._connection._view_store
    views = {id(item.view): item.view for items in store._views.values() for item in items.values()}
    views.update({id(view): view for view in store._synced_message_views.values()})
    for view in views.values():
        if view is not None and not view.is_finished():
            view.stop()
