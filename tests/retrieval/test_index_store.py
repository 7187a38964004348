"""The saved index: swapped in whole, one build at a time, links refused, leftovers removed."""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import shutil
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from retrieval import index_store
from retrieval.errors import IndexSaveError, SavedIndexError
from retrieval.index import BM25Index
from retrieval.index_store import (
    INDEX_DIRNAME,
    LOCK_FILE,
    POINTER_FILE,
    IndexOutcome,
    IndexStore,
    load_or_build,
)

OLD_PASSAGES = [["harbour", "crane"], ["crane", "port"], ["ferry"]]
NEW_PASSAGES = [["wind", "farm"], ["cable", "wind"], ["grid"], ["farm", "grid", "cable"]]
PROBES = ["harbour", "crane", "port", "ferry", "wind", "farm", "cable", "grid"]


def _same(index: BM25Index, passages: list[list[str]]) -> bool:
    """Whether ``index`` is the index of ``passages`` (terms, lengths and every score)."""
    expected = BM25Index.build(passages)
    return (
        index.vocabulary == expected.vocabulary
        and np.array_equal(index.doc_len, expected.doc_len)
        and all(np.array_equal(index.scores([t]), expected.scores([t])) for t in PROBES)
    )


def _save(store: IndexStore, passages: list[list[str]], fingerprint: str) -> None:
    with store.lock():
        store.save(BM25Index.build(passages), fingerprint)


def test_a_saved_index_loads_by_its_fingerprint(tmp_path: Path) -> None:
    """What was saved loads back as the same index; another fingerprint is refused."""
    store = IndexStore(tmp_path)
    _save(store, NEW_PASSAGES, "new")
    assert _same(store.load("new"), NEW_PASSAGES)
    with pytest.raises(SavedIndexError, match="changed"):
        store.load("old")


def test_leftovers_of_killed_builds_are_removed(tmp_path: Path) -> None:
    """A killed build's folder, a replaced index and an older layout's files go at the next save."""
    folder = tmp_path / INDEX_DIRNAME
    (folder / "tmp-999-dead").mkdir(parents=True)
    (folder / "tmp-999-dead" / "data.npy").write_bytes(b"half")
    (folder / "index-999-old").mkdir()
    (folder / "index.json").write_text("{}", "utf-8")
    (folder / ".index.json.999.tmp").write_text("{", "utf-8")
    store = IndexStore(tmp_path)
    _save(store, OLD_PASSAGES, "old")
    _save(store, NEW_PASSAGES, "new")
    names = [entry.name for entry in folder.iterdir()]
    assert {name for name in names if not name.startswith("index-")} == {POINTER_FILE, LOCK_FILE}
    assert len([name for name in names if name.startswith("index-")]) == 1
    assert _same(store.load("new"), NEW_PASSAGES)


def test_a_linked_index_folder_is_refused_and_left_alone(tmp_path: Path) -> None:
    """A .lingnan-index that is a link is neither read nor written through."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "precious.txt").write_text("keep me", "utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / INDEX_DIRNAME).symlink_to(elsewhere, target_is_directory=True)
    outcome = load_or_build(IndexStore(corpus), "fp", lambda: BM25Index.build(NEW_PASSAGES))
    assert outcome.save_error is not None and "is a link" in outcome.save_error
    assert _same(outcome.index, NEW_PASSAGES)
    assert [entry.name for entry in elsewhere.iterdir()] == ["precious.txt"]


def test_a_second_build_waits_and_uses_the_first(tmp_path: Path) -> None:
    """A build that finds the lock held waits, then uses the index the first build saved."""
    store = IndexStore(tmp_path)
    builds: list[str] = []
    outcomes: list[IndexOutcome] = []

    def build() -> BM25Index:
        builds.append("second")
        return BM25Index.build(NEW_PASSAGES)

    second = threading.Thread(
        target=lambda: outcomes.append(load_or_build(IndexStore(tmp_path), "fp", build))
    )
    with store.lock():
        second.start()
        time.sleep(0.3)  # the second build is now waiting for the lock
        store.save(BM25Index.build(NEW_PASSAGES), "fp")
    second.join(timeout=10)
    assert builds == []
    assert outcomes[0].from_cache and _same(outcomes[0].index, NEW_PASSAGES)


def test_a_build_that_waits_too_long_serves_from_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When another build holds the lock beyond the wait, the index is built and served unsaved."""
    monkeypatch.setattr(index_store, "LOCK_WAIT_SECONDS", 0.2)
    store = IndexStore(tmp_path)
    with store.lock():
        outcome = load_or_build(IndexStore(tmp_path), "fp", lambda: BM25Index.build(NEW_PASSAGES))
    assert outcome.save_error is not None and "another process" in outcome.save_error
    assert _same(outcome.index, NEW_PASSAGES)


class Killed(BaseException):
    """The process died here: nothing after this point runs, no clean-up either."""


# Every file-system operation a save makes goes through one of these.
_OPERATIONS: list[tuple[Any, str]] = [
    (os, "mkdir"),
    (os, "open"),
    (os, "write"),
    (os, "fsync"),
    (os, "rename"),
    (os, "replace"),
    (os, "unlink"),
    (os, "rmdir"),
    (os, "scandir"),
    (np, "save"),
    (shutil, "rmtree"),
]


class Killer:
    """Kills the save at its n-th file-system operation: that one and every later one fail."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, kill_at: int) -> None:
        self.calls = 0
        self.kill_at = kill_at
        for module, name in _OPERATIONS:
            monkeypatch.setattr(module, name, self._wrap(getattr(module, name)))

    def _wrap(self, operation: Callable[..., Any]) -> Callable[..., Any]:
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            self.calls += 1
            if self.calls >= self.kill_at:
                raise Killed
            return operation(*args, **kwargs)

        return wrapped


def test_a_save_killed_at_any_step_leaves_a_right_next_start(tmp_path: Path) -> None:
    """Killed at each of its steps in turn, a save leaves the old index or the new one, never a
    mix; the next start serves the right index and leaves no leftovers."""
    completed = False
    for kill_at in range(1, 200):
        corpus = tmp_path / f"kill-{kill_at}"
        corpus.mkdir()
        _save(IndexStore(corpus), OLD_PASSAGES, "old")
        with pytest.MonkeyPatch.context() as patch:
            killer = Killer(patch, kill_at)
            with contextlib.suppress(Killed):
                load_or_build(IndexStore(corpus), "new", lambda: BM25Index.build(NEW_PASSAGES))
            survived = killer.calls < kill_at
        # The next start: whatever is on disk is either index whole, never the other's data.
        store = IndexStore(corpus)
        for fingerprint, passages in (("old", OLD_PASSAGES), ("new", NEW_PASSAGES)):
            with contextlib.suppress(SavedIndexError):
                assert _same(store.load(fingerprint), passages)
        outcome = load_or_build(store, "new", lambda: BM25Index.build(NEW_PASSAGES))
        assert _same(outcome.index, NEW_PASSAGES) and outcome.save_error is None
        assert _same(IndexStore(corpus).load("new"), NEW_PASSAGES)
        leftovers = sorted(p.name for p in (corpus / INDEX_DIRNAME).iterdir())
        assert len(leftovers) == 3, leftovers  # lock, pointer, one index folder
        if survived:
            completed = True
            break
    assert completed, "the save never ran to its end"


def _build_repeatedly(corpus: str, fingerprint: str, rounds: int) -> None:
    """One process of the race below: build, save and check its own index, round after round."""
    passages = OLD_PASSAGES if fingerprint == "old" else NEW_PASSAGES
    for round_number in range(rounds):
        # Each round is another version of this process's index, so every round saves.
        version = f"{fingerprint}-{round_number}"
        outcome = load_or_build(
            IndexStore(Path(corpus)), version, lambda: BM25Index.build(passages)
        )
        if outcome.save_error is not None or not _same(outcome.index, passages):
            os._exit(1)
    os._exit(0)


def test_two_concurrent_builds_end_consistent(tmp_path: Path) -> None:
    """Two processes saving different indexes of one corpus at once: each always gets its own
    index, and what is left on disk is one whole index, as its pointer says."""
    context = multiprocessing.get_context("fork")
    workers = [
        context.Process(target=_build_repeatedly, args=(str(tmp_path), name, 15))
        for name in ("old", "new")
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
    assert [worker.exitcode for worker in workers] == [0, 0]
    store = IndexStore(tmp_path)
    pointer = (tmp_path / INDEX_DIRNAME / POINTER_FILE).read_text("utf-8")
    winner = "old" if '"old-' in pointer else "new"
    last = f"{winner}-14"
    assert _same(store.load(last), OLD_PASSAGES if winner == "old" else NEW_PASSAGES)
    assert len(list((tmp_path / INDEX_DIRNAME).iterdir())) == 3


def test_an_unwritable_folder_is_a_save_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder where the index cannot be written gives a one-sentence error, and the index."""

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "mkdir", refuse)
    outcome = load_or_build(IndexStore(tmp_path), "fp", lambda: BM25Index.build(NEW_PASSAGES))
    assert outcome.save_error == (
        f"Could not save the search index in {tmp_path / INDEX_DIRNAME}: Permission denied."
    )
    with pytest.raises(IndexSaveError):
        IndexStore(tmp_path).save(BM25Index.build(NEW_PASSAGES), "fp")


def test_an_index_path_that_is_a_file_is_named_as_such(tmp_path: Path) -> None:
    """A plain file where the index folder goes: the error says so, not "File exists"."""
    (tmp_path / INDEX_DIRNAME).write_text("not a folder", encoding="utf-8")
    outcome = load_or_build(IndexStore(tmp_path), "fp", lambda: BM25Index.build(NEW_PASSAGES))
    assert outcome.save_error is not None
    assert "is a file, not a folder" in outcome.save_error
    assert "File exists" not in outcome.save_error


def test_why_the_index_is_rebuilt_is_logged_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A build says once why it rebuilds, not again after taking the lock."""
    caplog.set_level(logging.INFO)
    load_or_build(IndexStore(tmp_path), "fp", lambda: BM25Index.build(NEW_PASSAGES))
    rebuilding = [r for r in caplog.records if r.getMessage().startswith("Rebuilding")]
    assert len(rebuilding) == 1
