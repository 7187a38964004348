"""Fixtures of the corpus-layer tests: the seeds loaded once, and a writer for tiny corpora."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from retrieval.corpus import Corpus, load_corpus


@pytest.fixture(scope="session")
def seed_corpus(seeds_dir: Path) -> Corpus:
    """The shipped seeds, loaded once (loading only reads the folder)."""
    return load_corpus(seeds_dir)


@pytest.fixture
def write_corpus(tmp_path: Path) -> Callable[[Mapping[str, str | bytes]], Path]:
    """Write ``{relative name: text or bytes}`` into a fresh folder and return the folder."""

    def write(files: Mapping[str, str | bytes]) -> Path:
        folder = tmp_path / "corpus"
        folder.mkdir(exist_ok=True)
        for name, content in files.items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        return folder

    return write
