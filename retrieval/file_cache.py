"""What each document file derives, kept by content so that a restart reads what changed only.

In ``<corpus>/.lingnan-index/files/``, one entry per file and kind, named by a hash of the
file's name and bytes and of the versions of what derived it (the reading rules and word lists,
and the code of ``retrieval``): an entry is never out of date, only unused. Kinds: the
documents read from the file (``<key>.json``), their officials scans and statements
(``retrieval.officials_cache``), their passages' tokens (``retrieval.token_cache``), answer
flags, copy-detection tokens and translation anchors (``retrieval.table_cache``); and for the
whole corpus the officials directory, the pack of every file's tokens
(``retrieval.token_pack``), the copies and the translations.
Entries are JSON or numpy arrays (``np.load`` without pickle): nothing in them is run.

An entry is written to a temporary name and renamed, so a reader sees it whole or not at all.
It is not flushed to disk: a crash may lose recent entries, which the next load derives again.
An entry that cannot be read or does not fit is ignored with a warning and derived again.
``prune`` removes the entries the last load did not use (files removed or changed, old rule
versions) and killed writes' temporary files.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import secrets
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import numpy as np

from retrieval.corpus import rules_digest
from retrieval.derived import DerivedDocument
from retrieval.index_store import FILES_DIRNAME, INDEX_DIRNAME

log = logging.getLogger(__name__)

CACHE_FORMAT = "files-1"
_PACKAGE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class CachedFile:
    documents: list[DerivedDocument]
    warnings: list[str]  # what reading the file by itself warned about


class FileCache:
    """The per-file cache of one corpus folder."""

    def __init__(self, corpus_folder: Path) -> None:
        self.directory = Path(corpus_folder) / INDEX_DIRNAME / FILES_DIRNAME
        self._versions = f"{CACHE_FORMAT};{rules_digest()};{code_digest()}"
        self._used: set[str] = set()
        self._writable = not self.directory.parent.is_symlink()
        # The entry key of each file read, by path: officials and tokens are kept by it too.
        self.keys: dict[Path, str] = {}
        self.reads = 0  # entries read from the cache (for tests and the benchmark)
        self.writes = 0

    @property
    def versions(self) -> str:
        """What derived this cache's entries (format, reading rules, code): part of each key."""
        return self._versions

    def key(self, relative: str, data: bytes, path: Path | None = None) -> str:
        """The entry key of the file ``relative`` holding ``data``."""
        digest = hashlib.sha256(f"{self._versions};{relative}\0".encode())
        digest.update(data)
        key = digest.hexdigest()
        if path is not None:
            self.keys[path] = key
        return key

    # ---- documents --------------------------------------------------------------------------

    def documents(self, key: str) -> CachedFile | None:
        data = self.read_json(f"{key}.json")
        if data is None:
            return None
        try:
            return CachedFile(
                [DerivedDocument.from_json(item) for item in data["documents"]],
                [str(message) for message in data["warnings"]],
            )
        except (KeyError, TypeError, ValueError, IndexError, OverflowError) as error:
            self._damaged(f"{key}.json", error)
            return None

    def put_documents(
        self, key: str, documents: list[DerivedDocument], warnings: list[str]
    ) -> None:
        payload = {"documents": [d.to_json() for d in documents], "warnings": warnings}
        self.write_json(f"{key}.json", payload)

    # ---- entries ----------------------------------------------------------------------------

    def read_json(self, name: str) -> Any:
        """The JSON entry ``name``, or None when there is none or it is damaged."""
        self._used.add(name)
        try:
            text = (self.directory / name).read_bytes()
        except FileNotFoundError:
            return None
        except OSError as error:
            self._damaged(name, error)
            return None
        try:
            data = json.loads(text)
        except ValueError as error:
            self._damaged(name, error)
            return None
        if not isinstance(data, dict) or data.get("versions") != self._versions:
            self._damaged(name, ValueError("not an entry of this version"))
            return None
        self.reads += 1
        return data.get("data")

    def write_json(self, name: str, data: Any) -> None:
        payload = {"versions": self._versions, "data": data}
        encoded = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
        self._write(name, lambda handle: handle.write(encoded))

    def read_arrays(self, name: str) -> dict[str, np.ndarray] | None:
        """The arrays entry ``name`` (an .npz), or None when there is none or it is damaged."""
        self._used.add(name)
        path = self.directory / name
        try:
            with np.load(path, allow_pickle=False) as stored:
                arrays = {key: stored[key] for key in stored.files}
        except FileNotFoundError:
            return None
        except (OSError, ValueError, EOFError, zipfile.BadZipFile, zlib.error) as error:
            self._damaged(name, error)
            return None
        self.reads += 1
        return arrays

    def write_arrays(self, name: str, arrays: dict[str, np.ndarray]) -> None:
        # Straight to the file: the token pack is a hundred megabytes at 200 MB of corpus.
        self._write(name, lambda handle: np.savez(handle, **arrays))  # type: ignore[arg-type]

    def damaged(self, name: str, error: Exception) -> None:
        """Record that entry ``name`` does not fit what it should hold (a caller's check)."""
        self._damaged(name, error)

    def keep(self, suffix: str) -> None:
        """Keep, for every file read, its entry named ``<key><suffix>`` whether this load read
        it or not (a restart reads no tokens; adding a document will)."""
        self._used.update(f"{key}{suffix}" for key in self.keys.values())

    def keep_entry(self, name: str) -> None:
        """Keep the entry ``name`` (one of the whole corpus) whether this load read it or not."""
        self._used.add(name)

    def prune(self) -> None:
        """Remove every entry this load did not use; call with the index lock held."""
        try:
            entries = list(os.scandir(self.directory))
        except FileNotFoundError:
            return
        except OSError as error:
            log.warning("Could not list %s to tidy it: %s", self.directory, error)
            return
        removed = 0
        for entry in entries:
            if entry.name in self._used:
                continue
            try:
                os.unlink(entry.path)
                removed += 1
            except IsADirectoryError:
                log.info("Leaving %s in the file cache: a folder is none of its entries.", entry)
            except OSError as error:
                log.warning("Could not remove %s: %s", entry.path, error)
        if removed:
            log.info("Removed %d unused entries from the file cache.", removed)

    # ---- helpers ----------------------------------------------------------------------------

    def _write(self, name: str, write: Callable[[IO[bytes]], Any]) -> None:
        self._used.add(name)
        if not self._writable:
            return
        temporary = self.directory / f".{name}.{os.getpid()}-{secrets.token_hex(4)}.tmp"
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            if self.directory.is_symlink() or self.directory.parent.is_symlink():
                raise OSError("the cache folder is a link, which lingnan does not write through")
            with open(temporary, "xb") as handle:
                write(handle)
            os.replace(temporary, self.directory / name)
            self.writes += 1
        except OSError as error:
            temporary.unlink(missing_ok=True)
            # A read-only corpus folder: served as read, derived again next time.
            log.info("Not caching what %s derives: %s", name, error)
            self._writable = False

    def _damaged(self, name: str, error: Exception) -> None:
        log.warning("File cache entry %s is damaged (%s); deriving it again.", name, error)


@functools.cache
def code_digest() -> str:
    """A hash of the retrieval code that derives what the cache keeps: a change to it (a rule
    changed without a version bump) never serves what the old code derived."""
    digest = hashlib.sha256()
    for folder in (_PACKAGE, _PACKAGE / "officials"):
        for path in sorted(folder.glob("*.py")):
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()
