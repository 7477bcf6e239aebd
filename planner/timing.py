"""Read a timing phrase an interviewer used (spec §2a, §12 ``parse_timing``).

Public contract:

    parse_timing(text: str, interview_date: str) -> TimingResult
    timing_to_json(result: TimingResult) -> dict[str, object]

A :class:`TimingResult` says which input field the phrase fills (``decision_date``,
``wait_days`` or ``contact_on``), with its value and a plain explanation to show the
person for confirmation; or that it was not understood, with a kind message. When the
phrase is clear but needs a choice from the person (\"by the end of the week\" said on a
Friday, Saturday or Sunday), ``understood`` is false, ``ask_user`` is true and ``field``
names the field they should fill in themselves. Nothing here reads the clock.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from planner.dates import (
    WEEKDAYS,
    in_range,
    long_date,
    next_weekday,
    parse_iso_date,
    plus,
    plus_months,
)

_DAYS = tuple(day.lower() for day in WEEKDAYS)
_WORDS = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
]
_UNITS = "day|week|month"
_SPAN = (
    r"(?:about |around |at least |another |the next )?(?:"
    # "1 week or 2", "2 weeks to 3 months": the first number carries its own unit
    rf"(?P<low>\d{{1,4}}) (?P<low_unit>{_UNITS})s? ?(?:-|to|or) ?"
    rf"(?P<high>\d{{1,4}})(?: (?P<high_unit>{_UNITS})s?)?\b(?!-\d)"
    # "2 weeks", "2-3 weeks", "2 or 3 weeks": one unit after the last number
    rf"|(?:(?P<from>\d{{1,4}}) ?(?:-|to|or) ?)?(?P<to>\d{{1,4}}) (?P<unit>{_UNITS})s?\b)"
)
_WEEKDAY = r"\b(?:on |by |before |this |next |until )?(" + "|".join(_DAYS) + r")\b"
_WAITS = (
    r"\b(?:don't|dont|do not|not to|no need to)\b.*?\bfor " + _SPAN,
    r"\bgive (?:us|me|them|it) " + _SPAN,
    r"\b(?:wait|hold off)(?: for)? " + _SPAN,
)
_CONTACT = (
    r"\b(?:call|phone|ring|contact|email|e-mail|text|get in touch with|reach out to|"
    r"follow up with|chase) (?:me|us|him|her|them)\b(.*)"
)
_SORRY = (
    'Sorry, that wasn\'t understood. Try words like "in two weeks", "by Friday", '
    '"call me on Monday" or a date such as 2026-04-01, or enter the date yourself.'
)


@dataclass(frozen=True)
class TimingResult:
    """The reading of one timing phrase.

    Example:
        >>> TimingResult(True, "wait_days", 10, "They asked you to wait 10 days.").field
        'wait_days'
    """

    understood: bool
    field: str | None
    value: dt.date | int | None
    explanation: str
    ask_user: bool = False


def parse_timing(text: str, interview_date: str) -> TimingResult:
    """Read a phrase such as "in two weeks" against the interview date (``YYYY-MM-DD``).

    Example:
        >>> parse_timing("in two weeks", "2026-03-12").value
        datetime.date(2026, 3, 26)
        >>> parse_timing("don't chase us for a month", "2026-03-12").value
        31
    """
    start = parse_iso_date(interview_date.strip()) if isinstance(interview_date, str) else None
    if start is None or not in_range(start):
        return _sorry(
            "Give the date of your interview first, as YYYY-MM-DD, for example 2026-03-12."
        )
    phrase = _normalise(text) if isinstance(text, str) else ""
    if not phrase:
        return _sorry('Type what they said about timing, for example "in two weeks".')
    for reader in (_read_wait, _read_contact, _read_decision):
        found = reader(phrase, start)
        if found is not None:
            return found
    return _sorry(_SORRY)


def timing_to_json(result: TimingResult) -> dict[str, object]:
    """Turn a reading into plain JSON data: dates become ``YYYY-MM-DD`` strings.

    Example:
        >>> timing_to_json(TimingResult(True, "wait_days", 10, "Wait 10 days."))["value"]
        10
    """
    value = result.value.isoformat() if isinstance(result.value, dt.date) else result.value
    return {
        "understood": result.understood,
        "field": result.field,
        "value": value,
        "explanation": result.explanation,
        "ask_user": result.ask_user,
    }


def _normalise(text: str) -> str:
    """Lower-case, unify dashes and apostrophes, and turn number words into digits."""
    phrase = text.lower().translate(str.maketrans("\u2013\u2014\u2011\u2010\u2019\u2018", "----''"))
    phrase = " ".join(phrase.split()).strip(" .!?,;:")
    phrase = re.sub(r"\b(?:a fortnight|a couple of weeks)\b", "2 weeks", phrase)
    phrase = re.sub(r"\ba couple of\b", "2", phrase)
    phrase = re.sub(r"\b(?:a|an)\s+(day|week|month)\b", r"1 \1", phrase)
    for number, word in enumerate(_WORDS, start=1):
        phrase = re.sub(rf"\b{word}\b", str(number), phrase)
    return phrase


def _long(day: dt.date) -> str:
    """Spell a date out for people, e.g. "Thursday 26 March 2026 (2026-03-26)"."""
    return f"{long_date(day)} ({day.isoformat()})"


def _sorry(message: str) -> TimingResult:
    return TimingResult(False, None, None, message)


def _span(start: dt.date, amount: str, unit: str) -> dt.date | None:
    """Return the date ``amount`` units after ``start``, or ``None`` beyond 2099."""
    count = int(amount)
    if count > 1200:
        return None
    day = (
        plus_months(start, count)
        if unit == "month"
        else plus(start, count * (7 if unit == "week" else 1))
    )
    return day if in_range(day) else None


def _span_end(match: re.Match[str], start: dt.date) -> dt.date | None:
    """The date a span matched by ``_SPAN`` ends on: for a range, its upper bound (C14).

    ``None`` when either end lies beyond 2099.
    """
    if match["low"] is not None:
        unit = match["low_unit"]
        ends = (
            _span(start, match["low"], unit),
            _span(start, match["high"], match["high_unit"] or unit),
        )
    else:
        ends = (
            _span(start, match["from"] or match["to"], match["unit"]),
            _span(start, match["to"], match["unit"]),
        )
    return None if None in ends else max(day for day in ends if day is not None)


def _is_range(match: re.Match[str]) -> bool:
    """Whether a span matched by ``_SPAN`` names a range rather than one amount."""
    return match["low"] is not None or match["from"] is not None


def _read_wait(phrase: str, start: dt.date) -> TimingResult | None:
    for pattern in _WAITS:
        match = re.search(pattern, phrase)
        if match is None:
            continue
        until = _span_end(match, start)
        days = (until - start).days if until is not None else 0
        if until is not None and days < 1:
            return _sorry("A wait before following up must be at least one day.")
        if until is None or days > 365:
            return _sorry("That wait is longer than the planner can handle: a year at most.")
        explain = f"They asked you to wait {days} days before following up, until {_long(until)}."
        return TimingResult(True, "wait_days", days, explain)
    return None


def _read_contact(phrase: str, start: dt.date) -> TimingResult | None:
    match = re.search(_CONTACT, phrase)
    if match is None:
        return None
    day = _day_in(match[1], start)
    if day is None:
        return None
    if day <= start:
        return _sorry("The day they asked you to contact them must come after the interview.")
    return TimingResult(True, "contact_on", day, f"They asked you to contact them on {_long(day)}.")


def _day_in(rest: str, start: dt.date) -> dt.date | None:
    """Find one day named in a phrase: a date, "tomorrow", a weekday or "in N days"."""
    iso = re.search(r"\b(\d{4}-\d{2}-\d{2})\b", rest)
    if iso is not None:
        day = parse_iso_date(iso[1])
        return day if day is not None and in_range(day) else None
    if re.search(r"\btomorrow\b", rest):
        return plus(start, 1)
    weekday = re.search(_WEEKDAY, rest)
    if weekday is not None:
        return next_weekday(start, _DAYS.index(weekday[1]))
    span = re.search(_SPAN, rest)
    return _span_end(span, start) if span is not None else None


def _read_decision(phrase: str, start: dt.date) -> TimingResult | None:
    if re.search(r"\bend of (?:the |this )?week\b|\bweek'?s end\b", phrase):
        if start.weekday() >= 4:
            ask = (
                'Your interview was on a Friday or a weekend, so "the end of the week" is '
                "unclear: please enter the decision date yourself."
            )
            return TimingResult(False, "decision_date", None, ask, ask_user=True)
        return _decision(start, plus(start, 4 - start.weekday()), "the Friday of that week")
    if re.search(r"\bnext week\b", phrase):
        return _decision(start, plus(start, 11 - start.weekday()), "the Friday of the next week")
    day = _day_in(phrase, start)
    if day is None and re.search(r"\d{4}-\d{2}-\d{2}|\d+ (?:day|week|month)", phrase):
        return _sorry(
            "That date is too far away or isn't a real date: check it and enter it yourself."
        )
    if day is None:
        return None
    span = re.search(_SPAN, phrase)
    ranged = span is not None and _is_range(span) and _span_end(span, start) == day
    note = "the later end of the range" if ranged else None
    return _decision(start, day, note)


def _decision(start: dt.date, day: dt.date, note: str | None) -> TimingResult:
    if day <= start:
        return _sorry("A decision date must come after the interview: check the date you entered.")
    extra = f", {note}" if note else ""
    return TimingResult(
        True, "decision_date", day, f"They expect to decide by {_long(day)}{extra}."
    )
