"""Calendar arithmetic for the planner: strict dates, business days and offsets.

Nothing here reads the clock: every date is an argument. Business days are Monday to
Friday; public holidays are not modelled (spec §1, C18).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

#: The earliest date the planner accepts (spec §2b rule 10).
MIN_DATE = dt.date(2000, 1, 1)
#: The latest date the planner accepts (spec §2b rule 10).
MAX_DATE = dt.date(2099, 12, 31)

#: English day names, Monday first (``date.weekday()`` order), whatever the machine's locale.
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
#: English month names, January first.
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_SATURDAY = 5


def parse_iso_date(text: str) -> dt.date | None:
    """Read a date written exactly as ten ASCII characters ``YYYY-MM-DD``.

    Returns ``None`` for anything else: other layouts, full-width digits, impossible
    dates such as 30 February.

    Example:
        >>> parse_iso_date("2026-03-12")
        datetime.date(2026, 3, 12)
        >>> parse_iso_date("2026-3-12") is None
        True
    """
    if _ISO_DATE.fullmatch(text) is None:
        return None
    try:
        return dt.date(int(text[0:4]), int(text[5:7]), int(text[8:10]))
    except ValueError:
        return None


def is_business_day(day: dt.date) -> bool:
    """Say whether a date is Monday to Friday.

    Example:
        >>> is_business_day(dt.date(2026, 3, 14))  # a Saturday
        False
    """
    return day.weekday() < _SATURDAY


def bd(day: dt.date) -> dt.date:
    """Move a Saturday or Sunday to the following Monday; keep a weekday as it is.

    Example:
        >>> bd(dt.date(2026, 3, 14))  # Saturday
        datetime.date(2026, 3, 16)
    """
    if is_business_day(day):
        return day
    return day + dt.timedelta(days=7 - day.weekday())


def plus(day: dt.date, days: int) -> dt.date:
    """Return the date ``days`` calendar days after ``day`` (spec ``X + n``).

    Example:
        >>> plus(dt.date(2026, 3, 12), 7)
        datetime.date(2026, 3, 19)
    """
    return day + dt.timedelta(days=days)


def plus_months(day: dt.date, months: int) -> dt.date:
    """Return the same day of the month ``months`` later, or that month's last day.

    Example:
        >>> plus_months(dt.date(2026, 1, 31), 1)
        datetime.date(2026, 2, 28)
    """
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def next_weekday(day: dt.date, weekday: int) -> dt.date:
    """Return the first date strictly after ``day`` that falls on ``weekday`` (Monday = 0).

    Example:
        >>> next_weekday(dt.date(2026, 3, 12), 4)  # Thursday -> Friday
        datetime.date(2026, 3, 13)
    """
    ahead = (weekday - day.weekday() - 1) % 7 + 1
    return day + dt.timedelta(days=ahead)


def long_date(day: dt.date) -> str:
    """Spell a date out in English, independent of the machine's locale.

    Example:
        >>> long_date(dt.date(2026, 3, 12))
        'Thursday 12 March 2026'
    """
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def in_range(day: dt.date) -> bool:
    """Say whether a date lies within the accepted years 2000 to 2099.

    Example:
        >>> in_range(dt.date(1999, 12, 31))
        False
    """
    return MIN_DATE <= day <= MAX_DATE
