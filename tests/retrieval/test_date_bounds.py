"""Filter dates: a year, a year-month or a day, each covering its whole span."""

from __future__ import annotations

import pytest

from retrieval.date_bounds import DateBoundError, date_span, first_day, last_day, parse_date_bound


@pytest.mark.parametrize(
    ("typed", "bound"),
    [
        ("2024", "2024"),
        ("2024-3", "2024-03"),
        ("2024/03/05", "2024-03-05"),
        (" 2025-12 ", "2025-12"),
    ],
)
def test_years_months_and_days_are_read(typed: str, bound: str) -> None:
    """A year, a year-month and a day are read, with "-", "/" or "." and one-digit parts."""
    assert parse_date_bound(typed) == bound


@pytest.mark.parametrize("typed", ["soon", "24", "2024-13", "2023-02-29", "2024-03-05T10", ""])
def test_anything_else_is_refused_with_what_was_written(typed: str) -> None:
    """Words, short years, month 13, a day the month lacks: refused, carrying the text given."""
    with pytest.raises(DateBoundError) as raised:
        parse_date_bound(typed)
    assert raised.value.written == typed.strip()


def test_until_a_year_means_through_its_end() -> None:
    """A year covers 1 January to 31 December; a month to its last day (leap years too)."""
    assert (first_day("2024"), last_day("2024")) == ("2024-01-01", "2024-12-31")
    assert last_day("2024-02") == "2024-02-29"
    assert last_day("2024-02-10") == "2024-02-10"


def test_a_document_date_is_a_span_and_a_missing_one_none() -> None:
    """A document's date spans its day (or its year when it gives only a year)."""
    assert date_span("2025-01-16") == ("2025-01-16", "2025-01-16")
    assert date_span("2023") == ("2023-01-01", "2023-12-31")
    assert date_span(None) is None
    assert date_span("unknown") is None
