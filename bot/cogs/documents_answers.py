"""What /add and /remove answer their owner: what the file brought in or took out, and the
corpus's new size; and the files /remove offers as its owner types."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot import owner_texts as texts
from bot.answer_parts import inline, iso_date, language_name, lines_within
from bot.cards import Answer, Card, Field, fit_card
from bot.cogs.admin_answers import serving_sentence
from bot.markdown import clip, link
from bot.texts import DOCUMENT_COUNT, PASSAGE_COUNT
from retrieval.models import DocumentSummary, Official

if TYPE_CHECKING:
    from retrieval.library import CorpusFile, LibraryStats

DOCUMENTS_SHOWN = 5  # a JSON Lines file may hold thousands: the first few, then a count
CHOICE_LENGTH = 100  # Discord's limit for an autocomplete choice's name and value
MAX_CHOICES = 25  # Discord's limit for autocomplete


def added_answer(
    name: str,
    file: CorpusFile | None,
    officials: Sequence[Official],
    notes: Sequence[str],
    stats: LibraryStats,
    language: str | None = None,
) -> Answer:
    """The owner's report after /add, in `language`: each document's title (linked), source,
    date, language and passages, the officials the file names, notes the load made on it
    (retrieval's words), the corpus's size."""
    blocks: list[str] = []
    documents = file.documents if file is not None else ()
    for document in documents[:DOCUMENTS_SHOWN]:
        blocks.append(_document_block(document, language))
    if len(documents) > DOCUMENTS_SHOWN:
        blocks.append(texts.more_documents_line(len(documents) - DOCUMENTS_SHOWN, language))
    if not documents:
        blocks.append(texts.NO_DOCUMENTS_FOUND(language))
    names = ", ".join(inline(o.name) for o in officials) or texts.NO_OFFICIALS_FOUND(language)
    fields = [Field(texts.OFFICIALS_FOUND_LABEL(language), clip(names, 1000))]
    if notes:
        noted = lines_within([f"• {inline(n)}" for n in notes], 1000, language)
        fields.append(Field(texts.FILE_NOTES_LABEL(language), noted))
    card = Card(
        title=clip(texts.added_title(inline(name), language), 250),
        description="\n\n".join(blocks),
        fields=tuple(fields),
        footer=serving_sentence(stats, language),
    )
    return Answer((fit_card(card),), ephemeral=True)


def removed_answer(file: CorpusFile, stats: LibraryStats, language: str | None = None) -> Answer:
    """The owner's report after /remove: the documents no longer served, the corpus's size."""
    titles = [f"~~{clip(inline(d.title), 200)}~~" for d in file.documents[:DOCUMENTS_SHOWN]]
    if len(file.documents) > DOCUMENTS_SHOWN:
        titles.append(texts.more_documents_line(len(file.documents) - DOCUMENTS_SHOWN, language))
    card = Card(
        title=clip(texts.removed_title(inline(file.name), language), 250),
        description="\n".join(titles),
        footer=serving_sentence(stats, language),
    )
    return Answer((fit_card(card),), ephemeral=True)


def file_choice_name(file: CorpusFile, language: str | None = None) -> str:
    """How /remove's autocomplete shows a file: "Title · name.txt", or for a file of many
    documents "name.jsonl · 120 documents"; within Discord's 100 characters."""
    if len(file.documents) == 1:
        shown = f"{' '.join(file.documents[0].title.split())} \u00b7 {file.name}"
    else:
        shown = f"{file.name} \u00b7 {DOCUMENT_COUNT(language, count=len(file.documents))}"
    return shown if len(shown) <= CHOICE_LENGTH else shown[: CHOICE_LENGTH - 1] + "\u2026"


def file_key(file: CorpusFile) -> str:
    """What a /remove choice sends: the file's name, or a digest of a name over Discord's
    100 characters (a deep subfolder)."""
    if len(file.name) <= CHOICE_LENGTH:
        return file.name
    return "#" + hashlib.sha256(file.name.encode()).hexdigest()[:32]


def file_by_key(files: Sequence[CorpusFile], key: str) -> CorpusFile | None:
    """The file a /remove value names; None for anything else (it is never used as a path)."""
    return next((file for file in files if file_key(file) == key), None)


def matching_files(files: Sequence[CorpusFile], typed: str) -> list[CorpusFile]:
    """The files whose name or a document's title holds what the owner typed (any case)."""
    wanted = " ".join(typed.split()).casefold()
    found = [
        file
        for file in files
        if wanted in file.name.casefold()
        or any(wanted in " ".join(d.title.split()).casefold() for d in file.documents)
    ]
    return found[:MAX_CHOICES]


def _document_block(document: DocumentSummary, language: str | None = None) -> str:
    title = link(f"**{clip(inline(document.title), 200)}**", document.url)
    details = " \u00b7 ".join(
        [
            clip(inline(document.source), 120),
            iso_date(document.date, language),
            language_name(document.language, language),
            PASSAGE_COUNT(language, count=document.passages),
        ]
    )
    return f"{title}\n{details}"
