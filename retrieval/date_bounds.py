"""The dates a filter takes: a year, a year and month, or a day ("2024", "2024-03", "2024-03-15").

A bound covers a span: ``until 2024`` means through 31 December 2024, ``since 2024-03`` from
1 March 2024. Spans compare as ISO strings (YYYY-MM-DD), which sort as the dates do.
"""

from __future__ import annotations

import calendar
import re

from retrieval.errors import RetrievalError

# Year first, then month and day, separated by "-", "/" or "."; months and days with one digit
# or two ("2024-3-5" is what people type).
_BOUND = re.compile(r"(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?")
_FIRST_YEAR, _LAST_YEAR = 1900, 2999


class DateBoundError(RetrievalError, ValueError):
    """A filter date that is not a year, a year-month or a day; ``written`` is the text given
    (callers word the sentence, in their users' language)."""

    def __init__(self, written: str) -> None:
        super().__init__(f"not a date: {written!r}")
        self.written = written


def parse_date_bound(text: str) -> str:
    """``text`` as ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; DateBoundError when it is none."""
    written = text.strip()
    match = _BOUND.fullmatch(written)
    if match is None:
        raise DateBoundError(written)
    year, month, day = (int(part) if part else None for part in match.groups())
    assert year is not None  # the pattern requires it
    if not _FIRST_YEAR <= year <= _LAST_YEAR or (month is not None and not 1 <= month <= 12):
        raise DateBoundError(written)
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        raise DateBoundError(written)
    return f"{year:04d}-{month:02d}-{day:02d}"


def first_day(bound: str) -> str:
    """The first day a normalised bound covers, as YYYY-MM-DD."""
    parts = bound.split("-")
    return "-".join([*parts, *["01"] * (3 - len(parts))])


def last_day(bound: str) -> str:
    """The last day a normalised bound covers, as YYYY-MM-DD (``2024-02``: ``2024-02-29``)."""
    parts = bound.split("-")
    year = int(parts[0])
    month = int(parts[1]) if len(parts) > 1 else 12
    day = int(parts[2]) if len(parts) > 2 else calendar.monthrange(year, month)[1]
    return f"{year:04d}-{month:02d}-{day:02d}"


def date_span(date: str | None) -> tuple[str, str] | None:
    """The (first, last) day a document's date covers; None when it has no usable date."""
    if not date:
        return None
    try:
        bound = parse_date_bound(date[:10])
    except DateBoundError:
        return None
    return first_day(bound), last_day(bound)
