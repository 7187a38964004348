"""The bot's view of the retrieval library: what it needs, and how it loads one.

`bot/` depends on `retrieval/`, never the reverse. The protocol lists the few members the bot uses,
so tests can hand it a library built from models without loading a corpus.
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path
from typing import Protocol

from retrieval.models import DocumentSummary, Official, OfficialLookup, SearchResponse

log = logging.getLogger(__name__)


class LibraryStatsLike(Protocol):
    documents: int
    passages: int
    officials: int
    index_seconds: float
    index_from_cache: bool


class OfficialsLike(Protocol):
    def all(self) -> list[Official]: ...

    def lookup(self, name: str) -> OfficialLookup: ...

    def complete(self, prefix: str, limit: int = 25) -> list[str]: ...

    def __len__(self) -> int: ...


class LibraryLike(Protocol):
    @property
    def officials(self) -> OfficialsLike: ...

    @property
    def stats(self) -> LibraryStatsLike: ...

    @property
    def warnings(self) -> list[str]: ...

    def search(self, query: str, top_k: int = 3) -> SearchResponse: ...

    def documents(self) -> list[DocumentSummary]: ...


def load_library(folder: Path, *, k1: float = 1.5, b: float = 0.75) -> LibraryLike:
    """Load the corpus in `folder` (blocking: call it off the event loop) and log its size.

    Raises retrieval.errors.CorpusError with a one-line message when the folder is unusable.
    """
    from retrieval.library import Library  # imported here: the bot imports without a corpus

    started = time.perf_counter()
    library = Library.load(folder, k1=k1, b=b, progress=False)
    log_corpus(library, folder, time.perf_counter() - started)
    # The first Chinese question would otherwise wait about a second for jieba's dictionary.
    threading.Thread(target=library.warm_up, name="lingnan-warm-up", daemon=True).start()
    return library


def log_corpus(library: LibraryLike, folder: Path, load_seconds: float | None = None) -> None:
    """Log the corpus size and the index time (retrieval logs its own warnings as it loads)."""
    stats = library.stats
    loaded = f" (loaded in {load_seconds:.2f} s)" if load_seconds is not None else ""
    log.info(
        "corpus %s: %d documents, %d passages, %d officials; index %s in %.2f s%s",
        folder,
        stats.documents,
        stats.passages,
        stats.officials,
        "read from cache" if stats.index_from_cache else "built",
        stats.index_seconds,
        loaded,
    )
