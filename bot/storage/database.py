"""The database connection: an async SQLAlchemy engine for SQLite (default) or PostgreSQL.

SQLite runs in write-ahead-log mode with full syncing and every transaction begun IMMEDIATE
(the write lock first), so a process killed at any moment leaves the file readable with every
committed transaction in it, and two processes never deadlock upgrading a read to a write.
Migrations run at start under a lock (SQLite's write lock, PostgreSQL's advisory lock), so
several processes starting together upgrade the schema once.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
SQLITE_BUSY_MS = 10_000  # how long a writer waits for another process's transaction
ASYNC_DRIVERS = {"sqlite": "sqlite+aiosqlite", "postgresql": "postgresql+asyncpg"}
MIGRATION_LOCK = 0x6C696E67  # "ling": PostgreSQL advisory lock held while migrating


class DatabaseError(Exception):
    """The database cannot be used; the message is one line (never with a password)."""


def utc_now() -> datetime:
    """The current time as the tables store it: naive UTC."""
    return datetime.now(UTC).replace(tzinfo=None)


def sqlite_url(path: Path) -> URL:
    return URL.create("sqlite+aiosqlite", database=str(path))


def async_url(url: str | URL) -> URL:
    """`url` with the async driver lingnan uses for its database kind; `DatabaseError` for a
    URL that is not one or names another database."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise DatabaseError("the database URL cannot be read (e.g. postgresql://host/db)") from None
    backend = parsed.get_backend_name()
    if backend not in ASYNC_DRIVERS:
        raise DatabaseError(f"lingnan stores its data in SQLite or PostgreSQL, not {backend}")
    return parsed.set(drivername=ASYNC_DRIVERS[backend])


def shown_url(url: URL) -> str:
    return url.render_as_string(hide_password=True)


class Database:
    """One engine and its sessions. `await Database.open(url)` connects and migrates."""

    def __init__(self, url: str | URL) -> None:
        self.url = async_url(url)
        self.is_sqlite = self.url.get_backend_name() == "sqlite"
        options: dict[str, Any] = {"pool_pre_ping": not self.is_sqlite}
        if self.is_sqlite and self.url.database:
            Path(self.url.database).parent.mkdir(parents=True, exist_ok=True)
        self.engine: AsyncEngine = create_async_engine(self.url, **options)
        if self.is_sqlite:
            _configure_sqlite(self.engine)
        self.sessions = async_sessionmaker(self.engine, expire_on_commit=False)

    @classmethod
    async def open(cls, url: str | URL) -> Database:
        """Connect and bring the schema up to date; `DatabaseError` (one line) when it fails."""
        database = cls(url)
        try:
            await database.upgrade()
        except (SQLAlchemyError, OSError) as error:
            await database.close()
            reason = " ".join(str(getattr(error, "orig", None) or error).split())[:300]
            raise DatabaseError(
                f"the database {shown_url(database.url)} cannot be used: {reason}"
            ) from error
        return database

    async def upgrade(self) -> None:
        """Run the migrations not yet applied, one process at a time."""
        async with self.engine.begin() as connection:
            if not self.is_sqlite:
                await connection.execute(text(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})"))
            await connection.run_sync(_upgrade_to_head)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """A session in one transaction: committed when the block ends, rolled back if it fails."""
        async with self.sessions() as session, session.begin():
            yield session

    async def close(self) -> None:
        await self.engine.dispose()


def _upgrade_to_head(connection: Connection) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    command.upgrade(config, "head")


def _configure_sqlite(engine: AsyncEngine) -> None:
    """WAL, full sync, a busy timeout, foreign keys; transactions begun IMMEDIATE by us (the
    driver's own implicit BEGIN would leave DDL outside transactions)."""

    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in (
            "PRAGMA journal_mode=WAL",
            "PRAGMA synchronous=FULL",
            f"PRAGMA busy_timeout={SQLITE_BUSY_MS}",
            "PRAGMA foreign_keys=ON",
        ):
            cursor.execute(pragma)
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")
