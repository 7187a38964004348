"""Loading without the cyclic garbage collector's passes over what the load builds.

A load makes millions of objects (passages, mentions, statements) that live as long as the
library. Each full pass of the collector walks every one of them again, and allocation triggers
such passes over and over while they are made: at 200 MB they were a sixth of adding a document
(21.4 s -> 17.7 s). What a load builds holds no reference cycles that must be freed before it
ends, so collection pauses while a load runs and resumes when the last running load ends, with
one full pass then (not frozen: a library swapped out by a reload must still be freed).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

# Fewer new objects than this are walked in a moment by the next young pass; more (a large
# corpus's passages) get a full pass before the load returns.
_MANY_NEW_OBJECTS = 200_000
_lock = threading.Lock()
_running = 0  # loads running now (the bot may load on a thread while the console loads)
_was_enabled = False


@contextmanager
def collection_paused() -> Iterator[None]:
    """Pause cyclic garbage collection for the block; resume it as it was when the last block
    running (on any thread) ends."""
    global _running, _was_enabled
    with _lock:
        if _running == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _running += 1
    try:
        yield
    finally:
        with _lock:
            _running -= 1
            resume = _running == 0 and _was_enabled
            if resume:
                gc.enable()
        if resume and gc.get_count()[0] > _MANY_NEW_OBJECTS:
            # One full pass now, in the load's own time: else the next allocations, on any
            # thread (the bot's event loop), would walk everything made meanwhile, young.
            gc.collect()
