"""Fixtures shared by every test package: where the corpus is, and one loaded library per run."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

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
