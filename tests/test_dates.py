"""Tests for planner.dates: strict dates, business days and offsets."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.dates import bd, in_range, is_business_day, next_weekday, parse_iso_date, plus_months

D = dt.date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-12", D(2026, 3, 12)),
        ("2028-02-29", D(2028, 2, 29)),
        ("2026-02-30", None),
        ("2026-02-29", None),
        ("2026-3-12", None),
        ("20260312", None),
        ("2026-03-12 ", None),
        ("2026-03-12\n", None),
        ("\uff12\uff10\uff12\uff16-03-12", None),
        ("2026-13-01", None),
        ("2026-W11-4", None),
        ("", None),
    ],
)
def test_parse_iso_date(text: str, expected: dt.date | None) -> None:
    """Only ten ASCII characters YYYY-MM-DD naming a real date are read as a date."""
    assert parse_iso_date(text) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2026, 3, 12), D(2026, 3, 12)),  # Thursday stays
        (D(2026, 3, 13), D(2026, 3, 13)),  # Friday stays
        (D(2026, 3, 14), D(2026, 3, 16)),  # Saturday -> Monday
        (D(2026, 3, 15), D(2026, 3, 16)),  # Sunday -> Monday
        (D(2026, 3, 16), D(2026, 3, 16)),  # Monday stays
    ],
)
def test_bd(day: dt.date, expected: dt.date) -> None:
    """bd() keeps a weekday and moves a Saturday or Sunday to the following Monday."""
    assert bd(day) == expected
    assert is_business_day(bd(day))


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (D(2026, 3, 12), 3, D(2026, 6, 12)),
        (D(2026, 1, 31), 1, D(2026, 2, 28)),
        (D(2028, 1, 31), 1, D(2028, 2, 29)),
        (D(2026, 11, 30), 3, D(2027, 2, 28)),
        (D(2026, 12, 15), 1, D(2027, 1, 15)),
    ],
)
def test_plus_months(day: dt.date, months: int, expected: dt.date) -> None:
    """Adding months keeps the day of the month, or uses the month's last day."""
    assert plus_months(day, months) == expected


@pytest.mark.parametrize(
    ("day", "weekday", "expected"),
    [
        (D(2026, 3, 12), 4, D(2026, 3, 13)),  # Thu -> Fri
        (D(2026, 3, 13), 4, D(2026, 3, 20)),  # Fri -> next Fri
        (D(2026, 3, 12), 0, D(2026, 3, 16)),  # Thu -> Mon
        (D(2026, 3, 12), 3, D(2026, 3, 19)),  # Thu -> next Thu
    ],
)
def test_next_weekday(day: dt.date, weekday: int, expected: dt.date) -> None:
    """The next given weekday is always strictly after the starting day."""
    assert next_weekday(day, weekday) == expected


def test_in_range_bounds() -> None:
    """Dates from 2000-01-01 to 2099-12-31 are accepted, and nothing outside them."""
    assert in_range(D(2000, 1, 1)) and in_range(D(2099, 12, 31))
    assert not in_range(D(1999, 12, 31)) and not in_range(D(2100, 1, 1))
