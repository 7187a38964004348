"""Loading the retrieval library for the bot, and logging what it holds.

`bot/` depends on `retrieval/`, never the reverse. The bot is typed against the concrete
`retrieval.library.Library`; the tests hand it a small stand-in with the same members
(tests/bot/fixtures.py), which Python's duck typing accepts without a protocol to keep in step.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # at run time imported by load_library only (it pulls in the tokenizers)
    from retrieval.library import Library

log = logging.getLogger(__name__)


def load_library(
    folder: Path, *, k1: float = 1.5, b: float = 0.75, previous: Library | None = None
) -> Library:
    """Load the corpus in `folder` (blocking: call it off the event loop) and log its size.

    `previous`: the library a reload replaces. Its copies and translations are carried over
    (`Library.carry_over`): finding the corpus's own takes minutes on a large corpus, and an
    added file should be answered from in seconds; `complete_tables` finds them afterwards.

    Raises retrieval.errors.CorpusError with a one-line message when the folder is unusable.
    """
    from retrieval.library import Library  # imported here: the bot imports without a corpus

    library = Library.load(folder, k1=k1, b=b, progress=False)
    if previous is not None:
        try:
            if library.carry_over(previous):
                log.info("copies and translations carried over; finding them anew behind")
        except Exception:
            # The warm-up below finds them instead: slower, never a failed reload.
            log.exception("copies and translations could not be carried over")
    # Warm before it serves: on a background thread, jieba's dictionary loading during the first
    # second raised the paced p99 from 18 ms to 0.2-0.7 s; the first question waits for nothing.
    library.warm_up()
    log_corpus(library, folder)
    return library


def log_corpus(library: Library, folder: Path) -> None:
    """Log the corpus size and the index time (retrieval logs its own warnings as it loads)."""
    stats = library.stats
    log.info(
        "corpus %s: %d documents, %d passages, %d officials; index %s in %.2f s (loaded in %.2f s)",
        folder,
        stats.documents,
        stats.passages,
        stats.officials,
        "read from cache" if stats.index_from_cache else "built",
        stats.index_seconds,
        stats.load_seconds,
    )


def complete_tables(library: Library, wanted: Callable[[], bool] = lambda: True) -> None:
    """Blocking (minutes on a large corpus): find the copies and translations of a library
    that carried them over, and log how long it took; `wanted` False stops the work (see
    `Library.complete_tables`). A failure is logged, and the carried tables keep serving."""
    started = time.perf_counter()
    try:
        completed = library.complete_tables(wanted)
    except Exception:
        log.exception("copies and translations could not be found anew; the previous ones serve")
        return
    if completed:
        log.info("copies and translations found anew in %.1f s", time.perf_counter() - started)
    else:
        log.info("copies and translations not found anew: a newer reload replaced them")
