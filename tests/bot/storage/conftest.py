"""Every database test runs on SQLite and on a real PostgreSQL (pgserver: its binaries come in the
wheel; one server per test session, emptied before each test)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.storage.database import Database, sqlite_url


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[Any]:
    """A PostgreSQL server for the session (about a second to start), stopped and removed
    afterwards."""
    # platformdirs (a pgserver dependency) warns without a runtime dir; give it a private one.
    os.environ.setdefault("XDG_RUNTIME_DIR", tempfile.mkdtemp(prefix="xdg-"))
    try:
        import pgserver
    except ImportError as error:  # pragma: no cover - pgserver is a test dependency
        pytest.skip(f"pgserver is not installed ({error}); PostgreSQL tests cannot run")
    folder = tempfile.mkdtemp(prefix="lingnan-pg-")
    server = pgserver.get_server(folder, cleanup_mode="delete")
    try:
        yield server
    finally:
        server.cleanup()


def postgres_url(server: Any) -> str:
    """The session's test database on `server`, emptied: a schema dropped and made again is
    much cheaper than a new database (whose files the server's shutdown would flush)."""
    server.psql("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;")
    return server.get_uri()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database of each kind."""
    if request.param == "sqlite":
        return sqlite_url(tmp_path / "lingnan.db").render_as_string()
    return postgres_url(request.getfixturevalue("postgres_server"))


@pytest.fixture
async def database(database_url: str) -> AsyncIterator[Database]:
    """The database opened and migrated; closed afterwards."""
    opened = await Database.open(database_url)
    try:
        yield opened
    finally:
        await opened.close()
