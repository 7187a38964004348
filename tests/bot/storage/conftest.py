"""Every database test runs on SQLite and on a real PostgreSQL (pgserver: its binaries come in the
wheel; one server per test session, `postgres_server` in tests/conftest.py, emptied before each
test)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.storage.database import Database, sqlite_url
from tests.conftest import postgres_url


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
