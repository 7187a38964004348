"""Errors the retrieval core raises to its callers; each message is one sentence a user can read."""

import enum


class RetrievalError(Exception):
    """Base class: the message is meant for a person, the cause (``__cause__``) for the log."""


class CorpusError(RetrievalError):
    """The corpus folder cannot be used (missing, not a folder, nothing readable in it)."""


class SavedIndexError(RetrievalError):
    """A saved index is unusable; callers rebuild it."""


class IndexSaveError(RetrievalError):
    """The index could not be saved (folder not writable, a link, disk full): it is served from
    memory, and rebuilt at the next start."""


class Refusal(enum.Enum):
    """Why a file is not added to a corpus folder (callers word the sentence)."""

    UNKNOWN_TYPE = "unknown type"
    NO_NAME = "no usable name"
    TOO_LARGE = "too large"
    EMPTY = "empty"
    UNREADABLE = "unreadable"
    CUT_SHORT = "cut short"
    NOT_SAVED = "not saved"


class DocumentRefused(RetrievalError):
    """A file was not added (or not removed); ``refusal`` says why, ``detail`` what exactly."""

    def __init__(self, refusal: Refusal, detail: str = "") -> None:
        super().__init__(f"{refusal.value}: {detail}" if detail else refusal.value)
        self.refusal = refusal
        self.detail = detail
