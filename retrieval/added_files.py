"""Documents added to and removed from a corpus folder one file at a time (the bot's /add and
/remove): a safe name, the checks a file must pass, and saving without ever overwriting.

A file is checked by reading it exactly as a corpus load would (`read_one_file`), so what is
refused here is what a load would skip; the readers bound the time, pages and size one file may
take. Saving writes a hidden temporary file in the folder and links it in under a free name: the
link fails rather than replace a file or follow a link of that name, and a load running at the
same moment sees the whole file or none of it.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import tempfile
import time
import unicodedata
from pathlib import Path

from retrieval.corpus import FileReading, read_one_file
from retrieval.encoding import UnreadableFileError
from retrieval.errors import DocumentRefused, Refusal
from retrieval.formats import MAX_PDF_PAGES, MAX_READ_SECONDS

log = logging.getLogger(__name__)

MEGABYTE = 1024 * 1024
ADDABLE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf", ".jsonl")
MAX_NAME_BYTES = 120  # well under the 255 bytes a file name may have, numbered copies included
MAX_NUMBERED_COPIES = 1_000
_TEMP_PREFIX = ".lingnan-add-"  # hidden: loads and the corpus watcher leave it alone
_TEMP_SUFFIX = ".tmp"
_STALE_TEMP_SECONDS = 3_600.0  # a save killed midway leaves its temporary file behind
_SEPARATORS = re.compile(r"[/\\]")
_UNSAFE = re.compile(r"[^\w.-]+")  # letters of any script, digits, "_", ".", "-" stay
_DOTS = re.compile(r"\.{2,}")


def safe_file_name(filename: str) -> str:
    """``filename`` reduced to a plain name for the corpus folder: its last path part, control
    and invisible characters dropped, anything but letters, digits, "_", "-" and "." turned
    into "-", no leading dot, a lower-case suffix lingnan reads, at most MAX_NAME_BYTES.

    Raises DocumentRefused (UNKNOWN_TYPE or NO_NAME) when no such name is left.
    """
    name = unicodedata.normalize("NFC", _SEPARATORS.split(filename)[-1])
    name = "".join(c for c in name if not unicodedata.category(c).startswith("C"))
    name = _DOTS.sub(".", _UNSAFE.sub("-", name)).rstrip(".-_")
    stem, dot, suffix = name.rpartition(".")
    suffix = f".{suffix.lower()}" if dot else ""
    if suffix not in ADDABLE_SUFFIXES:
        raise DocumentRefused(Refusal.UNKNOWN_TYPE, suffix)  # "" when the name has no type
    stem = stem.strip(".-_")
    while len(f"{stem}{suffix}".encode()) > MAX_NAME_BYTES:
        stem = stem[:-1]
    if not stem:
        raise DocumentRefused(Refusal.NO_NAME, filename)
    return f"{stem}{suffix}"


def check_size(size: int, limit: int) -> None:
    """Refuse a file of ``size`` bytes over ``limit`` (TOO_LARGE), or an empty one (EMPTY)."""
    if size > limit:
        raise DocumentRefused(
            Refusal.TOO_LARGE, f"{size / MEGABYTE:.1f} MB; the limit is {limit / MEGABYTE:g} MB"
        )
    if size == 0:
        raise DocumentRefused(Refusal.EMPTY)


def check_document(name: str, data: bytes, limit: int) -> FileReading:
    """Read ``data`` as the file ``name`` would be read in the corpus; refuse it when it is too
    large, holds no text (empty, binary, an unreadable PDF or page), or was read in part.

    Blocking (a PDF may take up to the readers' time limit): call it off the event loop.
    """
    check_size(len(data), limit)
    if not data.strip():
        raise DocumentRefused(Refusal.EMPTY)
    try:
        reading = read_one_file(Path(name), data)
    except UnreadableFileError as error:
        raise DocumentRefused(Refusal.UNREADABLE, error.reason) from error
    if reading.cut_short:
        raise DocumentRefused(
            Refusal.CUT_SHORT,
            f"it has more than {MAX_PDF_PAGES:,} pages or takes over {MAX_READ_SECONDS:.0f} s",
        )
    if not reading.documents:
        raise DocumentRefused(Refusal.EMPTY, "no text is left once boilerplate is removed")
    return reading


def save_new_file(folder: Path, name: str, data: bytes) -> Path:
    """Write ``data`` into ``folder`` as ``name``, or as "stem-2.suffix", "stem-3.suffix" … when
    that name is taken (by a file, a folder or a link): never overwriting, never following a
    link. Returns the path written; DocumentRefused (NOT_SAVED) when the folder refuses."""
    _remove_stale_temporaries(folder)
    try:
        handle, temporary = tempfile.mkstemp(prefix=_TEMP_PREFIX, suffix=_TEMP_SUFFIX, dir=folder)
    except OSError as error:
        raise DocumentRefused(Refusal.NOT_SAVED, error.strerror or str(error)) from error
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        for number in range(1, MAX_NUMBERED_COPIES + 1):
            target = folder / _numbered(name, number)
            try:
                os.link(temporary, target, follow_symlinks=False)
            except FileExistsError:
                continue
            return target
        raise DocumentRefused(Refusal.NOT_SAVED, f"{MAX_NUMBERED_COPIES} files named {name}")
    except OSError as error:
        raise DocumentRefused(Refusal.NOT_SAVED, error.strerror or str(error)) from error
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


def remove_file(path: Path) -> None:
    """Delete one document file of the corpus (a link is removed itself, not what it points
    to); DocumentRefused (NOT_SAVED) when the folder refuses."""
    try:
        path.unlink()
    except OSError as error:
        raise DocumentRefused(Refusal.NOT_SAVED, error.strerror or str(error)) from error


def _numbered(name: str, number: int) -> str:
    if number == 1:
        return name
    stem, suffix = os.path.splitext(name)
    return f"{stem}-{number}{suffix}"


def _remove_stale_temporaries(folder: Path) -> None:
    """Temporary files of saves killed midway (an hour old: no save takes that long)."""
    cutoff = time.time() - _STALE_TEMP_SECONDS
    for path in folder.glob(f"{_TEMP_PREFIX}*{_TEMP_SUFFIX}"):
        try:
            if path.lstat().st_mtime < cutoff:
                path.unlink()
        except OSError as error:
            log.warning("could not remove the stale temporary file %s: %s", path, error)
