"""The fake Discord on its own event loop in a thread, so that its work does not slow the client.

For benchmarks: the client's event loop then carries only the client's work, as with a real
Discord. Calls into the fake go through `call()`, which runs a coroutine on the fake's loop.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from tests.discord_fake.server import FakeDiscord

T = TypeVar("T")


class ThreadedFakeDiscord:
    """Owns a thread running an event loop with a started FakeDiscord on it."""

    def __init__(self, **options: Any) -> None:
        self._options = options
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="fake-discord")
        self.fake: FakeDiscord | None = None

    async def call(self, make: Callable[[FakeDiscord], Coroutine[Any, Any, T]]) -> T:
        """Run `make(fake)` on the fake's loop and await its result from the caller's loop."""
        assert self.fake is not None
        future = asyncio.run_coroutine_threadsafe(make(self.fake), self._loop)
        return await asyncio.wrap_future(future)

    async def __aenter__(self) -> FakeDiscord:
        self._thread.start()

        async def start() -> FakeDiscord:
            fake = FakeDiscord(**self._options)
            await fake.start()
            return fake

        self.fake = await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(start(), self._loop))
        return self.fake

    async def __aexit__(self, *exc_info: object) -> None:
        try:
            if self.fake is not None:
                await self.call(lambda fake: fake.stop())
        finally:
            self._loop.call_soon_threadsafe(self._loop.stop)
            await asyncio.to_thread(self._thread.join, 10)
            self._loop.close()
