"""Garbage collection pauses while a load runs and resumes after it, however loads overlap."""

from __future__ import annotations

import gc
import threading
from pathlib import Path

import pytest

from retrieval import library as library_module
from retrieval.collection_pause import collection_paused
from retrieval.library import Library


def test_collection_resumes_after_the_block() -> None:
    """Collection is off inside the block and on again after it."""
    assert gc.isenabled()
    with collection_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_block_that_made_many_objects_ends_with_a_full_pass() -> None:
    """Many objects made in the block are walked once as it ends, not by the next allocation
    on whichever thread comes next: the young generation is empty again."""
    with collection_paused():
        kept = [[number] for number in range(300_000)]
        assert gc.get_count()[0] >= 300_000
    assert gc.get_count()[0] < 1_000
    assert len(kept) == 300_000


def test_collection_resumes_after_an_error() -> None:
    """A block that raises still resumes collection."""
    with pytest.raises(RuntimeError), collection_paused():
        raise RuntimeError("load failed")
    assert gc.isenabled()


def test_collection_stays_off_until_the_last_overlapping_block_ends() -> None:
    """Two loads on two threads: the first to end does not resume collection under the other."""
    first_inside, second_done, states = threading.Event(), threading.Event(), []

    def first() -> None:
        with collection_paused():
            first_inside.set()
            second_done.wait(10)
            states.append(gc.isenabled())

    thread = threading.Thread(target=first)
    thread.start()
    first_inside.wait(10)
    with collection_paused():
        pass
    second_done.set()
    thread.join(10)
    assert states == [False]
    assert gc.isenabled()


def test_collection_stays_off_when_it_was_off() -> None:
    """A caller that turned collection off keeps it off."""
    gc.disable()
    try:
        with collection_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_library_load_runs_without_collection(
    seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Library.load reads the corpus with collection paused, and resumes it."""
    states: list[bool] = []
    original = library_module.load_corpus

    def recording(*args: object, **kwargs: object) -> object:
        states.append(gc.isenabled())
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(library_module, "load_corpus", recording)
    Library.load(seeds_dir, use_cache=False)
    assert states == [False]
    assert gc.isenabled()
