"""Every fixed sentence of /ask's filters, in one place: the language filter's choices, the line
naming an answer's filters, the answer when they leave nothing, and what is wrong with a filter
as typed (retrieval says what as a `FilterMistake`; the sentence is written here, in the
asker's language)."""

from __future__ import annotations

from bot.answer_parts import language_name
from bot.markdown import clip, escape
from bot.translations import Counted, Sentence
from retrieval.filters import FilterError, FilterMistake
from retrieval.models import SearchFilters

# The language filter's choices: (name shown in Discord's picker, code).
FILTER_LANGUAGE_CHOICES = (("English", "en"), ("Deutsch (German)", "de"), ("中文 (Chinese)", "zh"))
FILTERED_NOTHING_TITLE = Sentence("filters.nothing_title", "Nothing with these filters")
_FILTERS_NOTE = Sentence("filters.note", "Filters: {filters}")
_UNDATED_LEFT_OUT = Counted(
    "filters.undated_left_out",
    "{filters} ({count} undated document left out)",
    plural="{filters} ({count} undated documents left out)",
)
_NO_DOCUMENT_MEETS = Sentence(
    "filters.no_document", "No document of the corpus meets these filters ({filters})."
)
_NOTHING_IN_FILTERED = Counted(
    "filters.nothing_in",
    "Nothing in the {count} document these filters leave ({filters}) answers "
    "\u201c{question}\u201d.",
    plural="Nothing in the {count} documents these filters leave ({filters}) answers "
    "\u201c{question}\u201d.",
)
_NOTHING_WITHOUT_FILTERS = Sentence(
    "filters.nothing_without", "Without the filters, the corpus has no answer either."
)
_QUOTES_WITHOUT_FILTERS = Counted(
    "filters.quotes_without",
    "Without the filters: {count} quote.",
    plural="Without the filters: {count} quotes.",
)

# How the filters name themselves in those lines: "German · since 2025 · source “ots”".
_SINCE = Sentence("filters.since", "since {date}")
_UNTIL = Sentence("filters.until", "until {date}")
_BETWEEN = Sentence("filters.between", "{since} to {until}")
_SOURCE = Sentence("filters.source", "source \u201c{source}\u201d")
_SEPARATOR = " \u00b7 "

# What is wrong with a filter as typed, one sentence each.
_MISTAKES = {
    FilterMistake.NOT_A_DATE: Sentence(
        "filters.not_a_date",
        "\u201c{value}\u201d is not a date: write a year (2024), a year and month (2024-03) "
        "or a day (2024-03-15).",
    ),
    FilterMistake.SINCE_AFTER_UNTIL: Sentence(
        "filters.since_after_until", "\u201csince {value}\u201d is after \u201cuntil {other}\u201d."
    ),
    FilterMistake.NOT_A_LANGUAGE: Sentence(
        "filters.not_a_language", "\u201c{value}\u201d is not a language code: use {codes}."
    ),
    FilterMistake.NO_SUCH_SOURCE: Sentence(
        "filters.no_such_source",
        "No source of the corpus is called \u201c{value}\u201d; pick one from the list.",
    ),
    FilterMistake.SEVERAL_SOURCES: Sentence(
        "filters.several_sources",
        "\u201c{value}\u201d is part of {count} sources' names; pick one from the list.",
    ),
}
LANGUAGE_CODES = tuple(code for _, code in FILTER_LANGUAGE_CHOICES)
SHOWN_VALUE_LENGTH = 60


def filter_mistake_sentence(error: FilterError, language: str | None = None) -> str:
    """What is wrong with a filter, in `language`; the value as typed is clipped and inert."""
    value = escape(clip(" ".join(error.value.split()), SHOWN_VALUE_LENGTH))
    return _MISTAKES[error.mistake](
        language,
        value=value,
        other=escape(error.other),
        count=error.count,
        codes=", ".join(LANGUAGE_CODES),
    )


def describe_filters(filters: SearchFilters, language: str | None = None) -> str:
    """The filters as one short phrase in `language`, to check an answer against:
    "German · since 2025 · source “ots”" (plain text: callers escape it)."""
    parts: list[str] = []
    if filters.language:
        parts.append(language_name(filters.language, language))
    if filters.since and filters.until:
        parts.append(_BETWEEN(language, since=filters.since, until=filters.until))
    elif filters.since:
        parts.append(_SINCE(language, date=filters.since))
    elif filters.until:
        parts.append(_UNTIL(language, date=filters.until))
    if filters.source:
        parts.append(_SOURCE(language, source=filters.source))
    return _SEPARATOR.join(parts)


def filters_note(described: str, undated_left_out: int, language: str | None = None) -> str:
    """The subtext line stating an answer's filters: "Filters: German · since 2025"."""
    shown = escape(described)
    if undated_left_out:
        shown = _UNDATED_LEFT_OUT(language, filters=shown, count=undated_left_out)
    return _FILTERS_NOTE(language, filters=shown)


def filtered_nothing_sentence(
    question_markdown: str, described: str, documents: int, language: str | None = None
) -> str:
    if not documents:
        return _NO_DOCUMENT_MEETS(language, filters=escape(described))
    return _NOTHING_IN_FILTERED(
        language, count=documents, filters=escape(described), question=question_markdown
    )


def without_filters_sentence(count: int, language: str | None = None) -> str:
    if not count:
        return _NOTHING_WITHOUT_FILTERS(language)
    return _QUOTES_WITHOUT_FILTERS(language, count=count)
