"""Loading the library for the bot: warm before it serves."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.library import load_library
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
