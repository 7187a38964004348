"""One queue for every write, drained by one task in batches: answering never waits for the
database, and a burst of votes costs one transaction per batch, not one per vote.

A write is a small object with `apply(session)`. A batch is applied in one transaction; when the
transaction fails, each write of it is tried again alone, so one bad write loses only itself,
and that loss is logged with the reason. The answer a write records has been sent already. Each
committed transaction is logged at DEBUG with the writes it stored: what a kill can no longer lose.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from bot.storage.database import Database
from bot.storage.writes import apply_all

log = logging.getLogger(__name__)

BATCH_SIZE = 200
BATCH_WAIT = 0.05  # seconds a batch waits for more writes once the first has come
QUEUE_LIMIT = 50_000  # beyond this the database is far behind: new writes are refused (logged)
CLOSE_TIMEOUT = 10.0


class Write(Protocol):
    """One thing to store; `describe` names it in the log when it cannot be stored."""

    async def apply(self, session: AsyncSession) -> None: ...

    def describe(self) -> str: ...


class WriteQueue:
    """Writes in, batched transactions out. `start()` once the loop runs; `close()` flushes."""

    def __init__(
        self, database: Database, *, batch_size: int = BATCH_SIZE, batch_wait: float = BATCH_WAIT
    ) -> None:
        self.database = database
        self.batch_size = batch_size
        self.batch_wait = batch_wait
        self._queue: asyncio.Queue[Write] = asyncio.Queue(QUEUE_LIMIT)
        self._task: asyncio.Task[None] | None = None
        self.committed = 0  # writes stored so far (for tests and the log)
        self.failed = 0

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._drain(), name="lingnan-database-writer")

    def submit(self, write: Write) -> None:
        """Queue `write`; never blocks and never raises (a refusal is logged)."""
        try:
            self._queue.put_nowait(write)
        except asyncio.QueueFull:
            self.failed += 1
            log.error(
                "database writes are %d behind; not stored: %s", QUEUE_LIMIT, write.describe()
            )

    async def flush(self) -> None:
        """Wait until every write submitted so far is stored or given up."""
        await self._queue.join()

    async def close(self) -> None:
        """Store what is queued (bounded in time), then stop."""
        if self._task is None:
            return
        try:
            await asyncio.wait_for(self.flush(), timeout=CLOSE_TIMEOUT)
        except TimeoutError:
            log.error("closing with %d writes not stored", self._queue.qsize())
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task
        self._task = None

    async def _drain(self) -> None:
        while True:
            batch = [await self._queue.get()]
            try:
                await self._fill(batch)
                await self._store(batch)
            finally:
                for _ in batch:
                    self._queue.task_done()

    async def _fill(self, batch: list[Write]) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.batch_wait
        while len(batch) < self.batch_size:
            remaining = deadline - loop.time()
            if remaining <= 0:
                break
            try:
                batch.append(await asyncio.wait_for(self._queue.get(), remaining))
            except TimeoutError:
                break

    async def _store(self, batch: list[Write]) -> None:
        try:
            await self._apply(batch)
            self._committed(batch)
            return
        except Exception as error:  # any failure: retried alone, then logged
            if len(batch) == 1:
                self._lost(batch[0], error)
                return
            log.warning(
                "a batch of %d writes failed (%s); storing them one by one", len(batch), error
            )
        for write in batch:
            try:
                await self._apply([write])
                self._committed([write])
            except Exception as error:  # logged with its traceback
                self._lost(write, error)

    async def _apply(self, batch: list[Write]) -> None:
        async with self.database.transaction() as session:
            await apply_all(batch, session)

    def _committed(self, writes: list[Write]) -> None:
        self.committed += len(writes)
        if log.isEnabledFor(logging.DEBUG):
            described = "; ".join(write.describe() for write in writes)
            log.debug("committed %d writes: %s", len(writes), described)

    def _lost(self, write: Write, error: BaseException) -> None:
        self.failed += 1
        log.error("not stored: %s (%s)", write.describe(), error, exc_info=error)
