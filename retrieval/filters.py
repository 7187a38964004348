"""Search filters: which documents a search may quote, by language, date and source.

Filters narrow the candidates before ranking (``Searcher.search(within=...)``), so a filtered
search finds its k best among the documents it may quote, not the survivors of an unfiltered k.

A filter that cannot be applied raises ``FilterError`` saying what is wrong as data (a
``FilterMistake`` and the value concerned); its callers word the sentence: the command line in
English (``retrieval.cli``), the bot in its asker's language.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from dataclasses import dataclass

from retrieval.date_bounds import (
    DateBoundError,
    date_span,
    first_day,
    last_day,
    parse_date_bound,
)
from retrieval.errors import RetrievalError
from retrieval.folding import fold
from retrieval.models import DocumentInfo, SearchFilters

# An ISO 639-1 code (or 639-3 for a language without one), as documents record theirs.
_LANGUAGE_CODE = re.compile(r"[a-z]{2,3}")
LANGUAGE_NAMES = {"en": "English", "de": "German", "zh": "Chinese"}


class FilterMistake(enum.Enum):
    """What is wrong with a filter."""

    NOT_A_DATE = "not a date"  # value: the date as typed
    SINCE_AFTER_UNTIL = "since after until"  # value: since; other: until (both normalised)
    NOT_A_LANGUAGE = "not a language code"  # value: the language as typed
    NO_SUCH_SOURCE = "no such source"  # value: the source as typed (or as a button carried it)
    SEVERAL_SOURCES = "several sources"  # value: as typed; count: the sources holding it


class FilterError(RetrievalError):
    """A filter that cannot be applied: ``mistake`` says what is wrong, ``value`` (and
    ``other``, ``count``) with what; the message is for the log, callers word the sentence."""

    def __init__(
        self, mistake: FilterMistake, value: str, *, other: str = "", count: int = 0
    ) -> None:
        detail = f"{value!r} / {other!r}" if other else repr(value)
        super().__init__(f"{mistake.value}: {detail}")
        self.mistake = mistake
        self.value = value
        self.other = other
        self.count = count


def search_filters(
    *,
    language: str | None = None,
    since: str | None = None,
    until: str | None = None,
    source: str | None = None,
) -> SearchFilters:
    """Filters from what a person typed: blanks are no filter; FilterError for a date that is
    no year, year-month or day, a language that is no code, or a ``since`` after ``until``."""
    language = (language or "").strip().lower() or None
    if language is not None and not _LANGUAGE_CODE.fullmatch(language):
        raise FilterError(FilterMistake.NOT_A_LANGUAGE, language)
    try:
        bounds = [parse_date_bound(b) if b and b.strip() else None for b in (since, until)]
    except DateBoundError as error:
        raise FilterError(FilterMistake.NOT_A_DATE, error.written) from None
    first, last = bounds
    if first is not None and last is not None and first_day(first) > last_day(last):
        raise FilterError(FilterMistake.SINCE_AFTER_UNTIL, first, other=last)
    source = " ".join((source or "").split()) or None
    return SearchFilters(language=language, since=first, until=last, source=source)


@dataclass(frozen=True)
class FilteredDocuments:
    """The documents a filter lets a search quote, and the undated ones a date bound left out
    (of those the other filters admit)."""

    ids: frozenset[str]
    undated_left_out: int


def filter_documents(
    documents: Sequence[DocumentInfo], filters: SearchFilters
) -> FilteredDocuments:
    """The documents that meet every filter: their main language; their date's span within
    since/until (an undated document never does); their source containing the words asked
    for (case, accents and spacing aside)."""
    wanted_source = _folded(filters.source) if filters.source else None
    since = first_day(filters.since) if filters.since else None
    until = last_day(filters.until) if filters.until else None
    kept: set[str] = set()
    undated = 0
    for document in documents:
        if filters.language is not None and document.language != filters.language:
            continue
        if wanted_source is not None and wanted_source not in _folded(document.source):
            continue
        if filters.dated:
            span = date_span(document.date)
            if span is None:
                undated += 1
                continue
            if (since is not None and span[1] < since) or (until is not None and span[0] > until):
                continue
        kept.add(document.id)
    return FilteredDocuments(frozenset(kept), undated)


def _folded(text: str) -> str:
    return " ".join(fold(text).split())


def describe_filters(filters: SearchFilters) -> str:
    """The filters as one short phrase a reader checks an answer against:
    "German · since 2025 · source “ots”"."""
    parts: list[str] = []
    if filters.language:
        parts.append(LANGUAGE_NAMES.get(filters.language, filters.language))
    if filters.since and filters.until:
        parts.append(f"{filters.since} to {filters.until}")
    elif filters.since:
        parts.append(f"since {filters.since}")
    elif filters.until:
        parts.append(f"until {filters.until}")
    if filters.source:
        parts.append(f"source \u201c{filters.source}\u201d")
    return " \u00b7 ".join(parts)
