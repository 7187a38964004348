"""/ask's filters in the bot: a source chosen among the corpus's, and the filters carried in a
button's id so that paging rebuilds the very answer after a restart.

In Discord the source filter names one source of the corpus (autocomplete offers them; typed
words are the source that holds them); the command line also takes any words of a source's
name. A button's id holds the filters compactly (``filters_token``): the language, the date
bounds' digits, and the checksum of the source, found again among the corpus's sources.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.cards import checksum
from retrieval.filters import FilterError, FilterMistake, search_filters
from retrieval.folding import fold
from retrieval.models import SearchFilters

# A filters token in a button's id: "f" + language . since digits . until digits . source checksum.
FILTERS_TOKEN = r"f[a-z]{0,3}\.\d{0,8}\.\d{0,8}\.(?:[0-9a-f]{8})?"
_TOKEN = re.compile(
    r"f(?P<language>[a-z]{0,3})\.(?P<since>\d{0,8})\.(?P<until>\d{0,8})\.(?P<source>[0-9a-f]{8})?"
)
AUTOCOMPLETE_CHOICES = 25
CHOICE_LENGTH = 100


def chosen_filters(
    sources: Sequence[str],
    *,
    language: str | None = None,
    since: str | None = None,
    until: str | None = None,
    source: str | None = None,
) -> SearchFilters | None:
    """The filters of an /ask, or None without any; FilterError for a date that is none, or a
    source no corpus source (or several) holds."""
    named = resolve_source(sources, source) if source and source.strip() else None
    filters = search_filters(language=language, since=since, until=until, source=named)
    return filters if filters.active else None


def resolve_source(sources: Sequence[str], typed: str) -> str:
    """The corpus source ``typed`` names: the one it spells (case and accents aside), else the
    only one holding it; FilterError when none or several do."""
    wanted = _folded(typed)
    exact = [s for s in sources if _folded(s) == wanted]
    if exact:
        return exact[0]
    holding = [s for s in sources if wanted in _folded(s)]
    if len(holding) == 1:
        return holding[0]
    if not holding:
        raise FilterError(FilterMistake.NO_SUCH_SOURCE, typed)
    raise FilterError(FilterMistake.SEVERAL_SOURCES, typed, count=len(holding))


def complete_source(sources: Sequence[str], typed: str) -> list[str]:
    """Autocomplete for the source filter: the sources holding what is typed, those starting
    with it first (a value over Discord's 100 characters is cut: it still names its source)."""
    wanted = _folded(typed)
    starting = [s for s in sources if _folded(s).startswith(wanted)]
    holding = [s for s in sources if wanted in _folded(s) and s not in starting]
    return [s[:CHOICE_LENGTH] for s in [*starting, *holding][:AUTOCOMPLETE_CHOICES]]


def filters_token(filters: SearchFilters | None) -> str:
    """The filters as a button's id carries them; empty without filters."""
    if filters is None or not filters.active:
        return ""
    since = (filters.since or "").replace("-", "")
    until = (filters.until or "").replace("-", "")
    source = checksum(filters.source) if filters.source else ""
    return f"f{filters.language or ''}.{since}.{until}.{source}"


def filters_from_token(token: str, sources: Sequence[str]) -> SearchFilters | None:
    """The filters a button's id carries (None: none); FilterError when its source is no
    longer in the corpus."""
    match = _TOKEN.fullmatch(token)
    if match is None:
        return None
    source = None
    if match["source"]:
        source = next((s for s in sources if checksum(s) == match["source"]), None)
        if source is None:
            raise FilterError(FilterMistake.NO_SUCH_SOURCE, match["source"])
    return search_filters(
        language=match["language"] or None,
        since=_dashed(match["since"]),
        until=_dashed(match["until"]),
        source=source,
    )


def _dashed(digits: str) -> str | None:
    """ "20240315" as "2024-03-15" ("2024" and "202403" likewise)."""
    if not digits:
        return None
    return "-".join(part for part in (digits[:4], digits[4:6], digits[6:8]) if part)


def _folded(text: str) -> str:
    return " ".join(fold(text).split())
