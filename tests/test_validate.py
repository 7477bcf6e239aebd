"""Tests for planner.validate: raw JSON in, an Interview or every problem out (spec §2, §2b)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from planner.model import CompanyStyle, Interview, Outcome, Problem
from planner.validate import parse_input

D = dt.date
FULL_WIDTH = "\uff12\uff10\uff12\uff16-\uff10\uff13-\uff11\uff12"  # 2026-03-12 in full-width digits
# Interview on Thu 2026-03-12 with one interviewer: the smallest valid input.
BASE: dict[str, Any] = {"interview_date": "2026-03-12", "interviewers": [{"name": "Dana"}]}


def with_(**changes: Any) -> dict[str, Any]:
    """Return the base input with some top-level fields changed."""
    return {**BASE, **changes}


def problems(raw: object, today: object = None) -> dict[str, str]:
    """Parse an input that must be refused, and return its problems by field path."""
    result = parse_input(raw, today)
    assert isinstance(result, list), result
    assert result, "a refusal lists at least one problem"
    fields = [problem.field for problem in result]
    assert len(fields) == len(set(fields)), "at most one problem per field"
    for problem in result:
        assert isinstance(problem, Problem)
        assert problem.message.strip() and problem.message.endswith(".")
    return {problem.field: problem.message for problem in result}


def accepted(raw: object, today: object = None) -> Interview:
    """Parse an input that must be accepted."""
    result = parse_input(raw, today)
    assert isinstance(result, Interview), result
    return result


@pytest.mark.parametrize("raw", [None, 0, 1.5, "text", [], [BASE], True, False])
def test_not_an_object(raw: object) -> None:
    """Any JSON value that is not an object gives one error with the empty path."""
    assert set(problems(raw)) == {""}


def test_minimal_input_defaults() -> None:
    """A minimal input gets every default of the §2 table."""
    interview = accepted(BASE)
    assert interview.interview_date == D(2026, 3, 12)
    assert interview.interview_round == 1
    assert interview.company_style is CompanyStyle.OTHER_OR_UNKNOWN
    assert interview.outcome is Outcome.PENDING
    assert interview.has_referees is True and interview.persistent_role is False
    assert interview.materials == () and interview.strengths == ()
    assert interview.decision_date is None and interview.today is None


def test_nulls_mean_not_given() -> None:
    """An optional field given as null takes its default, as if it were missing."""
    nulls = dict.fromkeys(
        ["interview_round", "company_style", "decision_date", "wait_days", "contact_on",
         "materials", "concern_raised", "concern_raised_by", "has_referees", "persistent_role",
         "agreed_update_interval_days", "outcome", "outcome_date", "company", "role",
         "candidate_name", "candidate_contact", "strengths", "today"]
    )  # fmt: skip
    assert accepted(with_(**nulls)) == accepted(BASE)


def test_unknown_fields_ignored() -> None:
    """Fields not in the table are ignored at the top level and inside list entries."""
    raw = with_(
        colour="blue",
        interviewers=[{"name": "Dana", "shoe_size": 9}],
        materials=[{"description": "CV", "due_date": "2026-03-12", "x": []}],
    )
    assert accepted(raw).interviewers == accepted(BASE).interviewers


def test_names_trimmed() -> None:
    """Interviewer names are trimmed, and references to them match after trimming."""
    raw = with_(
        interviewers=[{"name": "  Dana  "}],
        concern_raised="no SQL",
        concern_raised_by=" Dana",
        materials=[{"description": " CV ", "due_date": "2026-03-13", "requested_by": "Dana "}],
    )
    interview = accepted(raw)
    assert interview.interviewers[0].name == "Dana"
    assert interview.concern_raised_by == "Dana"
    assert interview.materials[0].requested_by == "Dana"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        # Rule 1: wrong JSON types.
        ({"interview_round": "2"}, "interview_round"),
        ({"interview_round": 2.0}, "interview_round"),
        ({"interview_round": True}, "interview_round"),
        ({"wait_days": 3.0}, "wait_days"),
        ({"wait_days": False}, "wait_days"),
        ({"agreed_update_interval_days": "7"}, "agreed_update_interval_days"),
        ({"interviewers": "Dana"}, "interviewers"),
        ({"interviewers": {"name": "Dana"}}, "interviewers"),
        ({"interviewers": ["Dana"]}, "interviewers[0]"),
        ({"interviewers": [{"name": "Dana"}, None]}, "interviewers[1]"),
        ({"interviewers": [{"name": 7}]}, "interviewers[0].name"),
        ({"interviewers": [{"name": "Dana", "phone": 5551234}]}, "interviewers[0].phone"),
        ({"interviewers": [{"name": "Dana", "email": ["a"]}]}, "interviewers[0].email"),
        ({"interviewers": [{"name": "Dana", "title": 1}]}, "interviewers[0].title"),
        ({"interviewers": [{"name": "Dana", "topic": {}}]}, "interviewers[0].topic"),
        ({"interviewers": [{"name": "Dana", "is_decision_maker": 1}]},
         "interviewers[0].is_decision_maker"),
        ({"materials": {"description": "CV"}}, "materials"),
        ({"materials": [{"description": "CV", "due_date": "2026-03-13"}, 3]}, "materials[1]"),
        ({"materials": [{"description": 1, "due_date": "2026-03-13"}]}, "materials[0].description"),
        ({"materials": [{"description": "CV", "due_date": "2026-03-13", "due_time": 9}]},
         "materials[0].due_time"),
        ({"materials": [{"description": "CV", "due_date": "2026-03-13",
                         "is_reference_list": "yes"}]}, "materials[0].is_reference_list"),
        ({"materials": [{"description": "CV", "due_date": "2026-03-13", "requested_by": 1}]},
         "materials[0].requested_by"),
        ({"has_referees": "true"}, "has_referees"),
        ({"persistent_role": 0}, "persistent_role"),
        ({"concern_raised": True}, "concern_raised"),
        ({"concern_raised_by": ["Dana"]}, "concern_raised_by"),
        ({"company": 3}, "company"),
        ({"role": []}, "role"),
        ({"candidate_name": {}}, "candidate_name"),
        ({"candidate_contact": 1.5}, "candidate_contact"),
        ({"strengths": "grit"}, "strengths"),
        ({"strengths": ["grit", 3]}, "strengths[1]"),
        ({"company_style": 1}, "company_style"),
        ({"outcome": False}, "outcome"),
        # Rule 2: required fields missing or null.
        ({"interview_date": None}, "interview_date"),
        ({"interviewers": None}, "interviewers"),
        ({"interviewers": [{"title": "CTO"}]}, "interviewers[0].name"),
        ({"interviewers": [{"name": None}]}, "interviewers[0].name"),
        ({"materials": [{"due_date": "2026-03-13"}]}, "materials[0].description"),
        ({"materials": [{"description": "CV"}]}, "materials[0].due_date"),
        ({"materials": [{"description": "CV", "due_date": None}]}, "materials[0].due_date"),
        ({"outcome": "offer"}, "outcome_date"),
        ({"outcome": "rejection", "outcome_date": None}, "outcome_date"),
        ({"outcome": "next_round"}, "outcome_date"),
        # Rule 3: dates that are not YYYY-MM-DD real dates.
        ({"interview_date": 20260312}, "interview_date"),
        ({"interview_date": "20260312"}, "interview_date"),
        ({"interview_date": "2026-3-12"}, "interview_date"),
        ({"interview_date": "2026-02-30"}, "interview_date"),
        ({"interview_date": FULL_WIDTH}, "interview_date"),
        ({"interview_date": "12/03/2026"}, "interview_date"),
        ({"decision_date": "2026-04-31"}, "decision_date"),
        ({"contact_on": True}, "contact_on"),
        ({"outcome_date": "soon"}, "outcome_date"),
        ({"today": "2026-3-20"}, "today"),
        ({"today": 2026}, "today"),
        ({"materials": [{"description": "CV", "due_date": "2026-03-1"}]}, "materials[0].due_date"),
        # Rule 4: values not listed.
        ({"company_style": "startup"}, "company_style"),
        ({"outcome": "withdrawn"}, "outcome"),
        ({"outcome": "Offer"}, "outcome"),
        # Rule 5: no interviewers.
        ({"interviewers": []}, "interviewers"),
        # Rule 6: blank names and descriptions.
        ({"interviewers": [{"name": "   "}]}, "interviewers[0].name"),
        ({"materials": [{"description": " \t", "due_date": "2026-03-13"}]},
         "materials[0].description"),
        # Rule 7: numbers below 1.
        ({"interview_round": 0}, "interview_round"),
        ({"wait_days": 0}, "wait_days"),
        ({"wait_days": -3, "contact_on": "2026-03-13"}, "wait_days"),
        ({"agreed_update_interval_days": 0}, "agreed_update_interval_days"),
        # Rule 8: names that don't match an interviewer.
        ({"concern_raised_by": "Sam"}, "concern_raised_by"),
        ({"concern_raised_by": "dana"}, "concern_raised_by"),
        ({"concern_raised_by": "  "}, "concern_raised_by"),
        ({"materials": [{"description": "CV", "due_date": "2026-03-13", "requested_by": "Sam"}]},
         "materials[0].requested_by"),
        # Rule 9: dates in the wrong order.
        ({"decision_date": "2026-03-12"}, "decision_date"),
        ({"decision_date": "2026-03-11"}, "decision_date"),
        ({"contact_on": "2026-03-12"}, "contact_on"),
        ({"materials": [{"description": "CV", "due_date": "2026-03-11"}]}, "materials[0].due_date"),
        ({"outcome": "offer", "outcome_date": "2026-03-11"}, "outcome_date"),
        ({"outcome": "offer", "outcome_date": "2026-03-21", "today": "2026-03-20"}, "outcome_date"),
        ({"outcome_date": "2026-03-11"}, "outcome_date"),
        # Rule 10: bounds.
        ({"interview_date": "1999-12-31"}, "interview_date"),
        ({"interview_date": "2100-01-01"}, "interview_date"),
        ({"decision_date": "2100-01-01"}, "decision_date"),
        ({"today": "1999-01-01"}, "today"),
        ({"wait_days": 366}, "wait_days"),
        ({"agreed_update_interval_days": 400}, "agreed_update_interval_days"),
        ({"interview_round": 21}, "interview_round"),
    ],
)  # fmt: skip
def test_one_error(changes: dict[str, Any], field: str) -> None:
    """Each broken rule of §2b gives exactly one error, on the path of the offending field."""
    assert set(problems(with_(**changes))) == {field}


@pytest.mark.parametrize(
    "changes",
    [
        {"interview_round": 20, "wait_days": 365, "agreed_update_interval_days": 365},
        {"interview_date": "2000-01-01", "decision_date": "2099-12-31"},
        {"interview_date": "2026-03-14"},  # a Saturday interview is fine
        {"materials": [{"description": "CV", "due_date": "2026-03-12"}]},
        {"outcome": "offer", "outcome_date": "2026-03-12", "today": "2026-03-12"},
        {"outcome": "pending", "outcome_date": "2026-03-20"},
        {"concern_raised": "   "},
        {"wait_days": 3, "contact_on": "2026-03-13"},
        {"materials": []},
        {"strengths": []},
    ],
)
def test_accepted_edges(changes: dict[str, Any]) -> None:
    """Values on the edge of each rule are accepted."""
    accepted(with_(**changes))


def test_example_of_spec() -> None:
    """The §2b example gives two errors, on interview_date and on interviewers."""
    assert set(problems({"interview_date": 20260312, "interviewers": "Dana"})) == {
        "interview_date",
        "interviewers",
    }


def test_every_error_at_once() -> None:
    """Every error of the input is listed in one answer."""
    raw = {
        "interview_date": "2026-02-30",
        "interviewers": [{"name": ""}, "Lee", {"name": "Kim", "phone": 1}],
        "materials": [{"description": "CV"}, 2],
        "wait_days": True,
        "company_style": "huge",
        "outcome": "offer",
    }
    assert set(problems(raw)) == {
        "interview_date", "interviewers[0].name", "interviewers[1]", "interviewers[2].phone",
        "materials[0].due_date", "materials[1]", "wait_days", "company_style", "outcome_date",
    }  # fmt: skip


def test_invalid_interview_date_blocks_comparisons() -> None:
    """An invalid interview date gives one error and no comparison errors on other dates."""
    raw = with_(interview_date="2026-02-30", decision_date="2026-01-01", contact_on="2026-01-01")
    assert set(problems(raw)) == {"interview_date"}


def test_names_matched_only_against_valid_names() -> None:
    """A requested_by naming an entry whose name is invalid does not match."""
    raw = with_(interviewers=[{"name": "Dana"}, {"name": 3}], concern_raised_by="3")
    assert set(problems(raw)) == {"interviewers[1].name", "concern_raised_by"}


def test_names_not_matched_when_interviewers_not_a_list() -> None:
    """Rule 8 is not checked when interviewers is not a list."""
    raw = with_(interviewers="Dana", concern_raised_by="Dana")
    assert set(problems(raw)) == {"interviewers"}


def test_interview_date_message() -> None:
    """The interview date message tells the person how to write the date."""
    message = problems(with_(interview_date="12 March"))["interview_date"]
    assert "YYYY-MM-DD" in message and "2026-03-12" in message


@pytest.mark.parametrize(
    ("override", "expected"),
    [(None, D(2026, 3, 20)), ("2026-03-25", D(2026, 3, 25))],
)
def test_today_override(override: str | None, expected: dt.date) -> None:
    """The today override replaces the input's today."""
    assert accepted(with_(today="2026-03-20"), override).today == expected


@pytest.mark.parametrize("override", ["2026-3-25", 20260325, True, "", []])
def test_bad_today_override(override: object) -> None:
    """A today override that is not a valid date is an error on today."""
    assert set(problems(BASE, override)) == {"today"}


def test_today_override_bounds_outcome_date() -> None:
    """The today override bounds the outcome date."""
    raw = with_(outcome="rejection", outcome_date="2026-03-21")
    assert set(problems(raw, "2026-03-20")) == {"outcome_date"}
    assert accepted(raw, "2026-03-21").outcome is Outcome.REJECTION
