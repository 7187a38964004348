"""Every fixed sentence of the owner's /reload, /add and /remove, in one place: the report on the
corpus served, why a file was not added or removed, and the labels of those reports.

What retrieval reports in its own words (a corpus warning, why a file cannot be read, what the
operating system refused) is shown as it comes, inside these sentences.
"""

from __future__ import annotations

from bot.markdown import clip, escape
from bot.texts import DOCUMENT_COUNT, OFFICIAL_COUNT, PASSAGE_COUNT
from bot.translations import Counted, Sentence
from retrieval.errors import Refusal

# --- /reload ------------------------------------------------------------------------------------

RELOAD_BUSY_MESSAGE = Sentence(
    "reload.busy", "A reload is already running; the new corpus will be served when it finishes."
)
RELOADED_TITLE = Sentence("reload.title", "Corpus reloaded")
_RELOAD_FAILED = Sentence(
    "reload.failed",
    "The corpus could not be reloaded: {reason} The previous one is still served.",
)
_NOW_SERVING = Sentence(
    "reload.now_serving", "Now serving {documents}, {passages} and {officials}."
)
_LOADED_IN = Sentence("reload.loaded_in", "Loaded in {seconds}\u00a0s.")
WARNING_COUNT = Counted("reload.warnings", "{count} warning", plural="{count} warnings")
# "2.5" in English, "2,5" in German: the translators' choice.
_DECIMAL_POINT = Sentence("numbers.decimal_point", ".")


def decimal(value: float, language: str | None = None, *, digits: int | None = None) -> str:
    """A number with a fractional part as `language` writes it ("0.52", "0,52")."""
    written = f"{value:.{digits}f}" if digits is not None else f"{value:g}"
    return written.replace(".", _DECIMAL_POINT(language))


def reload_failed_message(reason: object, language: str | None = None) -> str:
    """Why the corpus could not be reloaded (retrieval's words), and that nothing changed."""
    shown = clip(escape(" ".join(str(reason).split())), 1500)
    return _RELOAD_FAILED(language, reason=shown)


def now_serving(documents: int, passages: int, officials: int, language: str | None = None) -> str:
    """ "Now serving 5 documents, 144 passages and 12 officials." """
    return _NOW_SERVING(
        language,
        documents=DOCUMENT_COUNT(language, count=documents),
        passages=PASSAGE_COUNT(language, count=passages),
        officials=OFFICIAL_COUNT(language, count=officials),
    )


def loaded_in(seconds: float, language: str | None = None) -> str:
    return _LOADED_IN(language, seconds=decimal(seconds, language, digits=2))


# --- /add and /remove ---------------------------------------------------------------------------

ADD_SIZE_SETTING = "LINGNAN_ADD_MAX_MB"
_ADDABLE_TYPES = Sentence("add.types", ".txt, .md, .html, .htm, .pdf and .jsonl")
ATTACHMENT_UNREACHABLE_MESSAGE = Sentence(
    "add.unreachable",
    "The attachment could not be downloaded from Discord; please attach it again.",
)
LAST_FILE_MESSAGE = Sentence(
    "remove.last_file",
    "This is the corpus's only document file: removing it would leave nothing to quote.",
)
NO_DOCUMENTS_FOUND = Sentence(
    "add.no_documents", "It was saved, but the corpus reads no document from it now."
)
OFFICIALS_FOUND_LABEL = Sentence("add.officials_heading", "Officials")
NO_OFFICIALS_FOUND = Sentence("add.no_officials", "no officials named")
FILE_NOTES_LABEL = Sentence("add.notes_heading", "Notes")
_ADDED_TITLE = Sentence("add.title", "Added {name}")
_REMOVED_TITLE = Sentence("remove.title", "Removed {name}")
_MORE_DOCUMENTS = Counted(
    "add.more_documents",
    "\u2026 and {count} more document from this file.",
    plural="\u2026 and {count} more documents from this file.",
)
_NOT_ADDED = Sentence("add.refused", "\u201c{name}\u201d was not added: {reason}.")
# Why, after "was not added:"; {detail} is retrieval's (a file type, a reader's reason).
_REFUSALS = {
    Refusal.UNKNOWN_TYPE: Sentence(
        "add.refusals.unknown_type", "lingnan reads {types} files, not {detail} ones"
    ),
    Refusal.NO_NAME: Sentence(
        "add.refusals.no_name",
        "no usable file name is left once its path and unsafe characters go; rename it",
    ),
    Refusal.TOO_LARGE: Sentence(
        "add.refusals.too_large",
        "it is too large ({size}\u00a0MB; the limit is {limit}\u00a0MB, set by {setting})",
    ),
    Refusal.EMPTY: Sentence("add.refusals.empty", "it holds no text"),
    Refusal.UNREADABLE: Sentence("add.refusals.unreadable", "it cannot be read ({detail})"),
    Refusal.CUT_SHORT: Sentence(
        "add.refusals.cut_short", "it would take too long to read whole ({detail})"
    ),
    Refusal.NOT_SAVED: Sentence(
        "add.refusals.not_saved", "the corpus folder refused it ({detail})"
    ),
}
_NO_TYPE = Sentence(
    "add.refusals.no_type", "lingnan reads {types} files, and its name gives no type"
)
_EMPTY_BECAUSE = Sentence("add.refusals.empty_because", "it holds no text ({detail})")
_REMOVE_FAILED = Sentence("remove.failed", "\u201c{name}\u201d could not be removed: {detail}.")
_NO_SUCH_FILE = Sentence(
    "remove.no_such_file",
    "No document file of the corpus is \u201c{name}\u201d; pick one of the names the command "
    "offers as you type.",
)


def add_refused_message(
    filename: str,
    refusal: Refusal,
    detail: str,
    language: str | None = None,
    *,
    size_mb: float = 0.0,
    limit_mb: float = 0.0,
) -> str:
    """Why an attached file (of `size_mb`; the limit `limit_mb`) was not added, in one
    sentence."""
    name = clip(escape(" ".join(filename.split())), 120)
    detail = escape(" ".join(detail.split()))
    reason = _REFUSALS[refusal]
    if refusal is Refusal.UNKNOWN_TYPE and not detail:
        reason = _NO_TYPE
    elif refusal is Refusal.EMPTY and detail:
        reason = _EMPTY_BECAUSE
    because = reason(
        language,
        detail=detail,
        types=_ADDABLE_TYPES(language),
        size=decimal(size_mb, language, digits=1),
        limit=decimal(limit_mb, language),
        setting=ADD_SIZE_SETTING,
    )
    return _NOT_ADDED(language, name=name, reason=because)


def remove_failed_message(filename: str, detail: str, language: str | None = None) -> str:
    return _REMOVE_FAILED(language, name=clip(escape(filename), 120), detail=escape(detail))


def no_such_file_message(typed: str, language: str | None = None) -> str:
    return _NO_SUCH_FILE(language, name=clip(escape(" ".join(typed.split())), 100))


def added_title(filename: str, language: str | None = None) -> str:
    return _ADDED_TITLE(language, name=filename)


def removed_title(filename: str, language: str | None = None) -> str:
    return _REMOVED_TITLE(language, name=filename)


def more_documents_line(count: int, language: str | None = None) -> str:
    return _MORE_DOCUMENTS(language, count=count)
