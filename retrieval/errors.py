"""Errors the retrieval core raises to its callers; each message is one sentence a user can read."""


class RetrievalError(Exception):
    """Base class: the message is meant for a person, the cause (``__cause__``) for the log."""


class CorpusError(RetrievalError):
    """The corpus folder cannot be used (missing, not a folder, nothing readable in it)."""


class SavedIndexError(RetrievalError):
    """A saved index is unusable; callers rebuild it."""


class IndexSaveError(RetrievalError):
    """The index could not be saved (folder not writable, a link, disk full): it is served from
    memory, and rebuilt at the next start."""
