"""The optional corpus watcher: a file change reloads the library; hidden files do not."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import pytest
from watchfiles import Change

from bot.client import create_bot
from bot.cogs.admin import CorpusFilter
from bot.settings import Settings
from tests.bot.fixtures import FakeLibrary, FakeStats, as_library


def test_filter_ignores_hidden_files_and_the_saved_index(tmp_path: Path) -> None:
    """Documents count as changes; the saved index and other hidden paths do not."""
    accepts = CorpusFilter(tmp_path)
    assert accepts(Change.added, str(tmp_path / "new-report.txt"))
    assert accepts(Change.modified, str(tmp_path / "sub" / "doc.md"))
    assert not accepts(Change.modified, str(tmp_path / ".lingnan-index" / "matrix.npz"))
    assert not accepts(Change.added, str(tmp_path / ".hidden.txt"))
    assert not accepts(Change.added, str(tmp_path.parent / "elsewhere.txt"))


async def test_a_new_document_triggers_a_reload(
    tmp_path: Path, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With LINGNAN_WATCH_CORPUS on, adding a file reloads the library once it settles."""
    corpus = tmp_path / "corpus"
    shutil.copytree(seeds_dir, corpus, ignore=shutil.ignore_patterns(".*"))
    reloaded = asyncio.Event()
    fresh = FakeLibrary(stats=FakeStats(documents=6))

    def load(folder: Path, **_: float) -> FakeLibrary:
        assert Path(folder) == corpus
        reloaded.set()
        return fresh

    monkeypatch.setattr("bot.client.load_library", load)
    bot = create_bot(
        Settings(_env_file=None, corpus_folder=corpus, watch_corpus=True), as_library(FakeLibrary())
    )
    try:
        await bot.load_extension("bot.cogs.admin")
        # The watcher starts in the background: write until it notices (bounded, ~40 s at most).
        for attempt in range(8):
            (corpus / "new-report.txt").write_text(f"Guangdong will build robots ({attempt}).\n")
            try:
                await asyncio.wait_for(reloaded.wait(), timeout=5)
                break
            except TimeoutError:
                continue
        assert reloaded.is_set()
        for _ in range(50):
            if bot.library is fresh:
                break
            await asyncio.sleep(0.05)
        assert bot.library is fresh
    finally:
        await bot.close()
