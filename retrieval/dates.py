"""Dates as web pages write them, in English, German and Chinese, read as ISO 8601.

"2023-12-05", "06.02.2025", "Sunday, February 18, 2024", "Feb. 6, 2025", "18 February 2024",
"5. Februar 2025", "2025年1月16日". Ambiguous numeric forms (02/06/2025) are not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_MONTHS = {
    "january": 1, "jan": 1, "januar": 1, "jänner": 1,
    "february": 2, "feb": 2, "februar": 2,
    "march": 3, "mar": 3, "märz": 3, "maerz": 3, "mrz": 3,
    "april": 4, "apr": 4,
    "may": 5, "mai": 5,
    "june": 6, "jun": 6, "juni": 6,
    "july": 7, "jul": 7, "juli": 7,
    "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10, "oktober": 10, "okt": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12, "dezember": 12, "dez": 12,
}  # fmt: skip
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WEEKDAYS = (
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|"
    "fri|sat|sun|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag|"
    "星期[一二三四五六日天]|周[一二三四五六日天]"
)

WEEKDAY_PATTERN = rf"\b(?:{_WEEKDAYS})\b\.?"
TIME_PATTERN = r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:uhr|am|pm|a\.m\.|p\.m\.))?"

_ISO = r"(?P<iso_y>\d{4})[-/.](?P<iso_m>\d{1,2})[-/.](?P<iso_d>\d{1,2})(?!\d)"
_CHINESE = r"(?P<zh_y>\d{4})\s*年\s*(?P<zh_m>\d{1,2})\s*月\s*(?P<zh_d>\d{1,2})\s*[日号]"
_GERMAN_NUMERIC = r"(?<![\d.])(?P<de_d>\d{1,2})\.(?P<de_m>\d{1,2})\.(?P<de_y>\d{4})(?!\d)"
_MONTH_FIRST = (
    rf"\b(?P<mf_m>{_MONTH})\.?\s+(?P<mf_d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<mf_y>\d{{4}})\b"
)
_DAY_FIRST = (
    rf"\b(?P<df_d>\d{{1,2}})(?:\.|st|nd|rd|th)?\s+(?P<df_m>{_MONTH})\.?,?\s+(?P<df_y>\d{{4}})\b"
)

_DATE = re.compile(
    "|".join((_ISO, _CHINESE, _GERMAN_NUMERIC, _MONTH_FIRST, _DAY_FIRST)), re.IGNORECASE
)
# The same alternatives without group names, for embedding in other patterns.
DATE_PATTERN = re.sub(r"\(\?P<\w+>", "(?:", _DATE.pattern)


@dataclass(frozen=True)
class FoundDate:
    iso: str  # YYYY-MM-DD
    start: int
    end: int


def find_dates(text: str) -> list[FoundDate]:
    """Every valid calendar date written in ``text``, in order."""
    found = []
    for match in _DATE.finditer(text):
        value = _to_date(match)
        if value is not None:
            found.append(FoundDate(value.isoformat(), match.start(), match.end()))
    return found


def first_date(text: str) -> str | None:
    dates = find_dates(text)
    return dates[0].iso if dates else None


def _to_date(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    for prefix in ("iso", "zh", "de", "mf", "df"):
        year = groups.get(f"{prefix}_y")
        if year is None:
            continue
        month_text = groups[f"{prefix}_m"]
        month = int(month_text) if month_text.isdigit() else _MONTHS[month_text.lower()]
        try:
            return date(int(year), month, int(groups[f"{prefix}_d"]))
        except ValueError:
            return None
    return None


def is_iso_date(value: str) -> bool:
    """Whether ``value`` is a valid YYYY-MM-DD date (for catalog and front-matter input)."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True
