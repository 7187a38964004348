"""Fixtures shared by every test package: where the corpus is, one loaded library per run, and a
PostgreSQL server for the tests that need one."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
SEEDS = REPO_ROOT / "seeds"


@pytest.fixture(scope="session", autouse=True)
def database_outside_the_repo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Bots started by tests record into a database of the test run, never one in the repo
    (by default it lies beside the corpus folder); tests needing their own pass another."""
    path = tmp_path_factory.mktemp("database") / "lingnan.db"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LINGNAN_DATABASE_PATH", str(path))
        yield path


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The shipped corpus folder (read-only for tests: copy it before changing anything)."""
    return SEEDS


@pytest.fixture(scope="session")
def seeds_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A private copy of the shipped corpus, so that saved indexes never land in the repo."""
    target = tmp_path_factory.mktemp("corpus") / "seeds"
    shutil.copytree(SEEDS, target, ignore=shutil.ignore_patterns(".*"))
    return target


@pytest.fixture(scope="session")
def library(seeds_copy: Path):
    """The seeds loaded once per test run, as the bot and the command line load them."""
    from retrieval.library import Library

    return Library.load(seeds_copy)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[Any]:
    """A PostgreSQL server for the session (about a second to start), stopped and removed
    afterwards; the test is skipped when pgserver is not installed."""
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
