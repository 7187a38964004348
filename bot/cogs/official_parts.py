"""What /official's views share: the header with the Chinese name, and the menu that opens an
official's speech by document (or their reported statements again)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot import citation_texts as words
from bot import texts
from bot.answer_parts import inline, short_date
from bot.cards import SELECT_OPTION_LIMIT, SELECT_TEXT_LIMIT, Choice, Menu, checksum
from bot.markdown import clip
from retrieval.models import DocumentInfo, Official, Statement
from retrieval.scripts import HAN

NAME_LENGTH = 180
REPORTED_CHOICE = "statements"  # the speech menu's value for the reported statements
_CHINESE_NAME_SUFFIX = re.compile(rf" \([{HAN}·\s]+\)$")


@dataclass(frozen=True)
class Speech:
    """An official's transcribed speech in one document: its sentences, in document order."""

    document: DocumentInfo
    sentences: tuple[Statement, ...]

    @property
    def key(self) -> str:
        return checksum(self.document.id)


def official_title(official: Official) -> str:
    """The header: the name, and the name in Chinese characters where the documents give it."""
    title = clip(inline(official.name), NAME_LENGTH) or "?"
    chinese = official.chinese_name
    if chinese and chinese != official.name:
        title += f" ({clip(inline(chinese), 40)})"
    return title


def name_in_title(title: str) -> str:
    """The official's name from a header `official_title` wrote (the Chinese name left out)."""
    return _CHINESE_NAME_SUFFIX.sub("", title)


def reported_statements(official: Official) -> list[Statement]:
    return [s for s in official.statements if s.kind != "transcript"]


def speeches(official: Official) -> list[Speech]:
    """The official's transcribed speeches, one per document, newest first."""
    by_document: dict[str, list[Statement]] = {}
    for statement in official.statements:
        if statement.kind == "transcript":
            by_document.setdefault(statement.document, []).append(statement)
    documents = {document.id: document for document in official.documents}
    found = [
        Speech(documents[document], tuple(sorted(sentences, key=lambda s: s.start)))
        for document, sentences in by_document.items()
        if document in documents
    ]
    return sorted(found, key=lambda s: (s.document.date or "", s.document.id), reverse=True)


def plain_choice_text(text: str) -> str:
    """Corpus text for a select menu (plain text, not markdown), within Discord's 100."""
    flat = " ".join(text.split())
    if len(flat) <= SELECT_TEXT_LIMIT:
        return flat or "?"
    return flat[: SELECT_TEXT_LIMIT - 1].rstrip() + "\u2026"


def speech_menu(official: Official, shown: str | None, language: str | None = None) -> Menu | None:
    """The menu of an official's speeches by document, with their reported statements first
    when a speech is `shown` (the key of its document); None when there is no transcript."""
    found = speeches(official)
    if not found:
        return None
    choices: list[Choice] = []
    if shown is not None:
        reported = len(reported_statements(official))
        choices.append(
            Choice(
                texts.REPORTED_STATEMENTS_CHOICE(language),
                REPORTED_CHOICE,
                texts.reported_choice_description(reported, language),
            )
        )
    for speech in found:
        description = texts.speech_choice_description(
            short_date(speech.document.date, language),
            len(speech.sentences),
            " ".join(speech.document.source.split()) or words.UNKNOWN_SOURCE(language),
            language,
        )
        choices.append(
            Choice(
                plain_choice_text(speech.document.title),
                speech.key,
                plain_choice_text(description),
                default=speech.key == shown,
            )
        )
    placeholder = texts.SPEECH_PICK_PLACEHOLDER(language)
    return Menu("speech", placeholder, tuple(choices[:SELECT_OPTION_LIMIT]))
