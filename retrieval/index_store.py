"""The saved index of a corpus folder: never half-written, never two builds at once.

Layout of ``<corpus>/.lingnan-index/``::

    lock            held (flock) by the process building or replacing the index
    current.json    {"folder": "index-…", "fingerprint": …}: which folder is the index
    index-…/        one complete index (BM25Index.save), never changed once named here
    files/          what each document file derives, by content (``retrieval.file_cache``)

A build is written into a temporary folder (``tmp-…``), flushed to disk, renamed to its final
``index-…`` name, and swapped in by one atomic rename of ``current.json``: a reader sees the old
index or the new one, never a mix, whenever the writer stops. Anything else in the folder (a
killed build's ``tmp-…``, a folder ``current.json`` no longer names, an older layout's files) is
removed by the next build, under the lock. A second build of the same corpus waits for the lock
and then uses the first one's index when it fits. The folder must be a real folder: a link is
refused, never followed (a save through it would overwrite whatever it points to).
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
import secrets
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from retrieval.errors import IndexSaveError, SavedIndexError
from retrieval.index import BM25Index

if sys.platform != "win32":
    import fcntl

log = logging.getLogger(__name__)
# The wait for another build's lock has a logger of its own: the command line shows it even when
# it hides the rest of the log, since minutes with nothing on screen look like a hang.
WAIT_LOGGER = f"{__name__}.wait"
wait_log = logging.getLogger(WAIT_LOGGER)

INDEX_DIRNAME = ".lingnan-index"
POINTER_FILE = "current.json"
LOCK_FILE = "lock"
FILES_DIRNAME = "files"  # tidied by ``FileCache.prune``, not here
POINTER_FORMAT = 2
# How long a build waits for another build of the same corpus before it gives up saving.
LOCK_WAIT_SECONDS = 900.0
_LOCK_POLL_SECONDS = 0.1
_INDEX_PREFIX = "index-"
_TEMPORARY_PREFIX = "tmp-"


@dataclass(frozen=True)
class IndexOutcome:
    """The index a corpus is served with, and how it came to be."""

    index: BM25Index
    from_cache: bool
    save_error: str | None  # why the index built in memory could not be saved, if it was not


class IndexStore:
    """The saved index of one corpus folder."""

    def __init__(self, corpus_folder: Path) -> None:
        self.directory = Path(corpus_folder) / INDEX_DIRNAME

    # ---- reading --------------------------------------------------------------------------

    def load(self, fingerprint: str) -> BM25Index:
        """The saved index if it was built with ``fingerprint``; SavedIndexError otherwise."""
        if self.directory.is_symlink():
            raise SavedIndexError(f"{self.directory} is a link; lingnan does not follow it")
        if self.directory.exists() and not self.directory.is_dir():
            raise SavedIndexError(f"{self.directory} is a file, not a folder")
        pointer = self.directory / POINTER_FILE
        try:
            current = json.loads(pointer.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise SavedIndexError(f"no saved index in {self.directory}") from None
        except (OSError, ValueError) as error:
            raise SavedIndexError(f"the saved index's {POINTER_FILE} is unreadable") from error
        if not isinstance(current, dict) or current.get("format") != POINTER_FORMAT:
            raise SavedIndexError("the saved index has an older format")
        if current.get("fingerprint") != fingerprint:
            raise SavedIndexError("the corpus or the index settings changed")
        name = current.get("folder")
        folder = self.directory / str(name)
        if (
            not isinstance(name, str)
            or not name.startswith(_INDEX_PREFIX)
            or Path(name).name != name
            or folder.is_symlink()
        ):
            raise SavedIndexError("the saved index's pointer names no index folder")
        return BM25Index.load(folder, expected_fingerprint=fingerprint)

    def try_load(self, fingerprint: str, *, say_why: bool = True) -> BM25Index | None:
        """The saved index, or None; ``say_why``: log why it is rebuilt (once per load: a
        second look, after waiting for the lock, says nothing new)."""
        try:
            return self.load(fingerprint)
        except SavedIndexError as error:
            log.log(
                logging.INFO if say_why else logging.DEBUG, "Rebuilding the search index: %s", error
            )
            return None

    # ---- writing --------------------------------------------------------------------------

    @contextlib.contextmanager
    def lock(self, wait_seconds: float | None = None) -> Iterator[None]:
        """Hold the corpus's build lock; IndexSaveError when the folder cannot be written, is a
        link, or another build holds the lock longer than ``wait_seconds`` (default
        ``LOCK_WAIT_SECONDS``)."""
        wait_seconds = LOCK_WAIT_SECONDS if wait_seconds is None else wait_seconds
        self._make_directory()
        try:
            descriptor = os.open(
                self.directory / LOCK_FILE, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o644
            )
        except OSError as error:
            raise self._error(error) from error
        try:
            self._acquire(descriptor, wait_seconds)
            yield
        finally:
            os.close(descriptor)  # closing releases the lock

    def save(self, index: BM25Index, fingerprint: str) -> None:
        """Write ``index`` aside and swap it in; call with ``lock`` held. IndexSaveError (one
        sentence) when it cannot be saved; the previous index then stays as it was."""
        self._make_directory()
        self.remove_stale()
        token = f"{os.getpid()}-{secrets.token_hex(4)}"
        temporary = self.directory / f"{_TEMPORARY_PREFIX}{token}"
        final = self.directory / f"{_INDEX_PREFIX}{token}"
        try:
            os.mkdir(temporary)
            index.save(temporary, fingerprint=fingerprint)
            _flush_folder(temporary)
            os.rename(temporary, final)
            pointer = {"format": POINTER_FORMAT, "folder": final.name, "fingerprint": fingerprint}
            _replace_file(self.directory / POINTER_FILE, json.dumps(pointer).encode())
        except OSError as error:
            _remove_quietly(temporary)
            _remove_quietly(final)
            raise self._error(error) from error
        self.remove_stale()

    def tidy(self) -> None:
        """Remove stale entries when no build holds the lock (after a save killed between its
        swap and its clean-up); otherwise, or in a read-only folder, leave them for later."""
        try:
            with self.lock(wait_seconds=0):
                self.remove_stale()
        except IndexSaveError as error:
            log.debug("Saved index folder not tidied: %s", error)

    def remove_stale(self) -> None:
        """Remove what no reader needs: killed builds, replaced indexes, an older layout.
        Call with ``lock`` held (another build's temporary folder would go too)."""
        keep = {LOCK_FILE, POINTER_FILE, FILES_DIRNAME, self._current_folder()}
        try:
            entries = list(os.scandir(self.directory))
        except OSError as error:
            log.warning("Could not list %s to clean it: %s", self.directory, error)
            return
        for entry in entries:
            if entry.name not in keep:
                log.info("Removing %s from the saved index folder (stale).", entry.name)
                _remove_quietly(Path(entry.path))

    # ---- helpers --------------------------------------------------------------------------

    def _current_folder(self) -> str | None:
        try:
            current = json.loads((self.directory / POINTER_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        name = current.get("folder") if isinstance(current, dict) else None
        return name if isinstance(name, str) else None

    def _make_directory(self) -> None:
        if self.directory.is_symlink():
            raise IndexSaveError(
                f"Could not save the search index: {self.directory} is a link, and lingnan does "
                "not write through links; remove it."
            )
        if self.directory.exists() and not self.directory.is_dir():
            raise IndexSaveError(
                f"Could not save the search index: {self.directory} is a file, not a folder; "
                "remove or rename it."
            )
        try:
            self.directory.mkdir(exist_ok=True)
        except OSError as error:
            raise self._error(error) from error

    def _acquire(self, descriptor: int, wait_seconds: float) -> None:
        if sys.platform == "win32":
            return  # no flock: builds there are not serialised
        deadline = time.monotonic() + wait_seconds
        announced = False
        while True:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except OSError as error:
                if error.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                    raise self._error(error) from error
            if time.monotonic() >= deadline:
                raise IndexSaveError(
                    f"Could not save the search index: another process has been building it in "
                    f"{self.directory} for over {wait_seconds:.0f} s."
                )
            if not announced:
                wait_log.info(
                    "Waiting for another build of this corpus to finish (up to %.0f s): %s",
                    wait_seconds,
                    self.directory,
                )
                announced = True
            time.sleep(_LOCK_POLL_SECONDS)

    def _error(self, error: OSError) -> IndexSaveError:
        reason = error.strerror or str(error)
        return IndexSaveError(f"Could not save the search index in {self.directory}: {reason}.")


def load_or_build(
    store: IndexStore,
    fingerprint: str,
    build: Callable[[], BM25Index],
    *,
    fits: Callable[[BM25Index], bool] = lambda index: True,
) -> IndexOutcome:
    """The saved index when it fits, else a new one built and saved, one build at a time.

    ``fits``: whether a loaded index fits the corpus (a rule changed without a version bump
    gives a matching fingerprint but other passages). A save that fails leaves the index built
    in memory served, with the reason in ``save_error``.
    """
    saved = _fitting(store.try_load(fingerprint), fits)
    if saved is not None:
        store.tidy()
        return IndexOutcome(saved, from_cache=True, save_error=None)
    index: BM25Index | None = None
    try:
        with store.lock():
            # Another process may have built it while this one waited for the lock.
            saved = _fitting(store.try_load(fingerprint, say_why=False), fits)
            if saved is not None:
                return IndexOutcome(saved, from_cache=True, save_error=None)
            index = build()
            store.save(index, fingerprint)
            return IndexOutcome(index, from_cache=False, save_error=None)
    except IndexSaveError as error:
        log.warning("%s Serving the index built in memory.", error)
        return IndexOutcome(
            index if index is not None else build(), from_cache=False, save_error=str(error)
        )


def _fitting(index: BM25Index | None, fits: Callable[[BM25Index], bool]) -> BM25Index | None:
    if index is not None and not fits(index):
        log.warning("The saved index does not fit the corpus's passages; rebuilding it.")
        return None
    return index


def _flush_folder(folder: Path) -> None:
    """Force a folder's files and its entries to disk, so a crash after the swap cannot leave
    a pointer to a folder whose data never reached the disk."""
    for entry in os.scandir(folder):
        descriptor = os.open(entry.path, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
    _flush_entries(folder)


def _flush_entries(folder: Path) -> None:
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # a file system that cannot open folders: nothing more to flush
    try:
        os.fsync(descriptor)
    except OSError:
        pass  # some file systems refuse fsync on a folder; the rename still orders the writes
    finally:
        os.close(descriptor)


def _replace_file(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` by one atomic rename of a flushed temporary file."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        try:
            os.write(descriptor, data)
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        os.replace(temporary, path)
    except BaseException:
        _remove_quietly(temporary)
        raise
    _flush_entries(path.parent)


def _remove_quietly(path: Path) -> None:
    """Remove a file, a link or a folder tree; a failure is logged, never raised (cleaning up
    after a failed save must not hide why it failed)."""
    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)
    except OSError as error:
        log.warning("Could not remove %s: %s", path, error)
