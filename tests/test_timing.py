"""Tests for planner.timing: phrases an interviewer used, read against the interview date."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.dates import long_date
from planner.timing import TimingResult, parse_timing, timing_to_json

D = dt.date
THU = "2026-03-12"  # interview on Thursday 2026-03-12


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("in two weeks", D(2026, 3, 26)),
        ("In 2 weeks.", D(2026, 3, 26)),
        ("in 10 days", D(2026, 3, 22)),
        ("in ten days", D(2026, 3, 22)),
        ("tomorrow", D(2026, 3, 13)),
        ("by Friday", D(2026, 3, 13)),
        ("by Thursday", D(2026, 3, 19)),
        ("by Monday", D(2026, 3, 16)),
        ("by the end of the week", D(2026, 3, 13)),
        ("in 3 months", D(2026, 6, 12)),
        ("in twelve months", D(2027, 3, 12)),
        ("two to three months", D(2026, 6, 12)),
        ("2-4 weeks", D(2026, 4, 9)),
        ("2\u20134 weeks", D(2026, 4, 9)),
        ("2 \u2014 4 weeks", D(2026, 4, 9)),
        ("a couple of weeks", D(2026, 3, 26)),
        ("in a week", D(2026, 3, 19)),
        ("We'll let you know within eleven days", D(2026, 3, 23)),
        ("2026-04-01", D(2026, 4, 1)),
        ("by 2026-04-01", D(2026, 4, 1)),
        ("next week", D(2026, 3, 20)),
        # a range said with the unit first or once: the upper bound (spec §2a, C14)
        ("in a week or two", D(2026, 3, 26)),
        ("a week or two", D(2026, 3, 26)),
        ("one or two weeks", D(2026, 3, 26)),
        ("in 2 or 3 weeks", D(2026, 4, 2)),
        ("1 week to 2 weeks", D(2026, 3, 26)),
        ("a month or two", D(2026, 5, 12)),
    ],
)
def test_decision_date_phrases(phrase: str, expected: dt.date) -> None:
    """A phrase about when they will decide fills decision_date (a range gives its upper end)."""
    result = parse_timing(phrase, THU)
    assert result == TimingResult(True, "decision_date", expected, result.explanation)
    assert expected.isoformat() in result.explanation


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("call me tomorrow", D(2026, 3, 13)),
        ("Call me on Monday", D(2026, 3, 16)),
        ("contact me next Tuesday", D(2026, 3, 17)),
        ("please email us on 2026-03-20", D(2026, 3, 20)),
        ("ring me in a week", D(2026, 3, 19)),
    ],
)
def test_contact_on_phrases(phrase: str, expected: dt.date) -> None:
    """A request to contact them on a day fills contact_on."""
    result = parse_timing(phrase, THU)
    assert (result.understood, result.field, result.value) == (True, "contact_on", expected)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("don't chase us for a month", 31),
        ("Don\u2019t contact us for two weeks", 14),
        ("do not call me for 5 days", 5),
        ("give us 10 days", 10),
        ("give us two to three weeks", 21),
        ("wait a fortnight", 14),
        ("give us a week or two", 14),
    ],
)
def test_wait_days_phrases(phrase: str, expected: int) -> None:
    """A request not to follow up for a while fills wait_days."""
    result = parse_timing(phrase, THU)
    assert (result.understood, result.field, result.value) == (True, "wait_days", expected)


@pytest.mark.parametrize("interview", ["2026-03-13", "2026-03-14", "2026-03-15"])
def test_end_of_week_after_thursday_asks(interview: str) -> None:
    """ "By the end of the week" said on a Friday, Saturday or Sunday asks the person to choose."""
    result = parse_timing("by the end of the week", interview)
    assert (result.understood, result.ask_user, result.field) == (False, True, "decision_date")
    assert result.value is None and result.explanation


def test_end_of_week_on_monday() -> None:
    """ "By the end of the week" said on a Monday is the Friday of that week."""
    assert parse_timing("end of the week", "2026-03-09").value == D(2026, 3, 13)


def test_range_explanation_names_the_upper_end() -> None:
    """A range's explanation says the later end was taken."""
    assert "later end of the range" in parse_timing("in a week or two", THU).explanation


def test_months_clamp_to_last_day() -> None:
    """ "In 1 month" from 31 January is the last day of February."""
    assert parse_timing("in one month", "2026-01-31").value == D(2026, 2, 28)


@pytest.mark.parametrize(
    ("phrase", "interview"),
    [
        ("soon", THU),
        ("", THU),
        ("   ", THU),
        ("we'll be in touch", THU),
        ("2026-02-30", THU),
        ("2026-03-12", THU),  # not after the interview
        ("call me today", THU),
        ("in 9999 days", THU),
        ("wait 0 days", THU),
        ("don't chase us for 13 months", THU),
        ("in two weeks", "2026-3-12"),
        ("in two weeks", "not a date"),
        ("in two weeks", "2099-12-30"),
        ("call me on 2150-01-01", THU),  # beyond 2099 (spec §2b rule 10)
        ("2150-01-01", THU),
        ("email us on 1999-12-31", THU),
    ],
)
def test_not_understood(phrase: str, interview: str) -> None:
    """A phrase that can't be read gives a kind message and no field or value."""
    result = parse_timing(phrase, interview)
    assert (result.understood, result.field, result.value) == (False, None, None)
    assert result.explanation.endswith(".")


def test_to_json_date() -> None:
    """The JSON form spells a date as YYYY-MM-DD."""
    data = timing_to_json(parse_timing("in two weeks", THU))
    assert data["value"] == "2026-03-26"
    assert data["field"] == "decision_date" and data["understood"] is True
    assert data["ask_user"] is False and isinstance(data["explanation"], str)


def test_to_json_days_and_failure() -> None:
    """The JSON form keeps a number of days as a number, and null for a failure."""
    assert timing_to_json(parse_timing("give us 10 days", THU))["value"] == 10
    assert timing_to_json(parse_timing("eventually", THU))["value"] is None


def test_explanation_spells_the_date_like_the_drafts() -> None:
    """Timing explanations use the one long-date spelling (planner.dates.long_date)."""
    explanation = parse_timing("in two weeks", THU).explanation
    assert f"{long_date(D(2026, 3, 26))} (2026-03-26)" in explanation
