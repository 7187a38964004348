"""Loading the library for the bot: warm before it serves, carrying over what a reload can."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from bot.library import complete_tables, load_library
from retrieval.library import Library


def test_the_library_is_warm_when_loaded(seeds_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The slow first loads (jieba's dictionary, the search tables) are done before the bot
    serves, not on a thread racing the first questions."""
    warmed: list[Library] = []
    original = Library.warm_up

    def counting(self: Library) -> None:
        original(self)
        warmed.append(self)

    monkeypatch.setattr(Library, "warm_up", counting)
    library = load_library(seeds_copy)
    assert warmed == [library]


def test_a_reload_carries_the_copies_and_translations_over(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """Loaded to replace a library, the new one serves the old one's copies and translations at
    once, and finds its own when completed."""
    folder = tmp_path / "corpus"
    shutil.copytree(seeds_copy, folder, ignore=shutil.ignore_patterns(".*"))
    before = load_library(folder)
    (folder / "zz-note.txt").write_text("Guangdong wind power grew fast.", encoding="utf-8")
    after = load_library(folder, previous=before)
    assert after.tables_carried_over
    complete_tables(after)
    assert not after.tables_carried_over


def test_a_failed_completion_is_logged_and_the_carried_tables_serve(
    seeds_copy: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Finding the copies anew may fail (a full disk, a bug): the log says so, questions keep
    the carried tables."""
    before = load_library(seeds_copy)
    after = load_library(seeds_copy, previous=before)

    def broken(self: Library) -> None:
        raise OSError("no space left on device")

    monkeypatch.setattr(Library, "complete_tables", broken)
    with caplog.at_level(logging.ERROR, logger="bot.library"):
        complete_tables(after)
    assert "could not be found anew" in caplog.text
    assert after.tables_carried_over and after.search("Guangdong GDP").results


def test_a_failed_carry_over_is_logged_and_the_tables_are_built(
    seeds_copy: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Carrying the tables over may fail (a bug): the reload still succeeds, with the tables
    found as a first load finds them, and the log says why."""
    before = load_library(seeds_copy)

    def broken(self: Library, previous: Library) -> bool:
        raise KeyError(12345)

    monkeypatch.setattr(Library, "carry_over", broken)
    with caplog.at_level(logging.ERROR, logger="bot.library"):
        after = load_library(seeds_copy, previous=before)
    assert "could not be carried over" in caplog.text
    assert not after.tables_carried_over
    assert after.searcher.copies_and_translations_ready
