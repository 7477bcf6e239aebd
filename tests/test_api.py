"""Tests for the api layer: the real planner end to end, as the bridge and CLI call it."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import icalendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner import api, content

TYPICAL: dict[str, Any] = {
    "interview_date": "2026-03-12",
    "company": "Acme Ltd",
    "role": "Data Analyst",
    "candidate_name": "Alex Kim",
    "candidate_contact": "alex@example.com",
    "strengths": ["SQL", "clear writing"],
    "interviewers": [
        {"name": "Dana Lee", "phone": "555 0100", "topic": "the data pipeline"},
        {"name": " Sam Roe ", "email": "sam@acme.test", "is_decision_maker": True},
    ],
    "decision_date": "2026-03-20",
    "concern_raised": "my limited management experience",
    "concern_raised_by": "Dana Lee",
    "company_style": "traditional",
}


def with_changes(**changes: Any) -> dict[str, Any]:
    """The typical input with some fields replaced."""
    return {**TYPICAL, **changes}


def calendar_events(text: str) -> list[icalendar.Event]:
    """The events of a calendar file, parsed with the icalendar library."""
    calendar = icalendar.Calendar.from_ical(text)
    return [e for e in calendar.walk("VEVENT") if isinstance(e, icalendar.Event)]


def test_plan_result_shape() -> None:
    """A plan is version 1 with items, warnings, guidance and drafts, and nothing else."""
    result = api.plan_result(TYPICAL, None)
    assert list(result) == ["version", "items", "warnings", "guidance", "drafts"]
    assert result["version"] == 1
    assert result["items"][0]["key"] == "AT-CONTACTS"
    assert all(isinstance(gid, str) for gid in result["guidance"])


def test_drafts_serve_listed_items() -> None:
    """Every draft names an item of the plan, with that item's recipient and channel."""
    result = api.plan_result(TYPICAL, None)
    items = {item["key"]: item for item in result["items"]}
    keys = [draft["item"] for draft in result["drafts"]]
    assert {"TY-EMAIL-1", "TY-EMAIL-2", "TY-NOTE-1", "TY-NOTE-2", "CHECKIN-MAIN"} <= set(keys)
    for draft in result["drafts"]:
        served = items[draft["item"]]
        assert (draft["recipient"], draft["channel"]) == (served["recipient"], served["channel"])


def test_concern_goes_to_who_raised_it() -> None:
    """The concern is answered in the thank-you to the interviewer who raised it only."""
    drafts = {d["item"]: d for d in api.plan_result(TYPICAL, None)["drafts"]}
    assert "management experience" in drafts["TY-EMAIL-1"]["body"]
    assert "management experience" not in drafts["TY-EMAIL-2"]["body"]
    assert drafts["CHECKIN-MAIN"]["recipient"] == "Sam Roe"


@pytest.mark.parametrize(
    ("input_today", "argument", "overdue_keys"),
    [
        (None, None, set()),
        ("2026-03-14", None, {"TY-EMAIL-1", "KEEP-SEARCHING"}),
        ("2026-03-14", "2026-03-12", set()),
        (None, "2026-03-14", {"TY-EMAIL-1", "KEEP-SEARCHING"}),
    ],
)
def test_today_argument_beats_input(
    input_today: str | None, argument: str | None, overdue_keys: set[str]
) -> None:
    """The request's today beats the input's; with neither, nothing is overdue."""
    result = api.plan_result(with_changes(today=input_today), argument)
    overdue = {item["key"] for item in result["items"] if item["overdue"]}
    assert overdue_keys <= overdue
    if not overdue_keys:
        assert overdue == set()


@pytest.mark.parametrize(
    ("raw", "today", "fields"),
    [
        ([], None, {""}),
        (
            {"interview_date": 20260312, "interviewers": "Dana"},
            None,
            {"interview_date", "interviewers"},
        ),
        (TYPICAL, "12/03/2026", {"today"}),
    ],
)
def test_refusals(raw: Any, today: str | None, fields: set[str]) -> None:
    """A refused input gives only the version and the errors, one per field."""
    result = api.plan_result(raw, today)
    assert list(result) == ["version", "errors"]
    assert {error["field"] for error in result["errors"]} == fields


@pytest.mark.parametrize(
    ("fmt", "filename", "media_type"),
    [
        ("md", "follow-up-acme-ltd-2026-03-12.md", "text/markdown; charset=utf-8"),
        ("text", "follow-up-acme-ltd-2026-03-12.txt", "text/plain; charset=utf-8"),
        ("ics", "follow-up-acme-ltd-2026-03-12.ics", "text/calendar; charset=utf-8"),
        ("json", "follow-up-acme-ltd-2026-03-12.json", "application/json"),
    ],
)
def test_render_result(fmt: str, filename: str, media_type: str) -> None:
    """A rendering names its format, a file name and a media type, with non-empty text."""
    result = api.render_result(TYPICAL, "2026-03-13", fmt)
    assert (result["format"], result["filename"], result["media_type"]) == (
        fmt,
        filename,
        media_type,
    )
    assert (
        result["text"] and result["text"] == api.render_result(TYPICAL, "2026-03-13", fmt)["text"]
    )


def test_render_json_is_plan_result() -> None:
    """The json rendering is the plan result written out."""
    text = api.render_result(TYPICAL, None, "json")["text"]
    assert json.loads(text) == api.plan_result(TYPICAL, None)


def test_render_refusals() -> None:
    """Rendering a refused input or an unknown format gives the errors object."""
    assert api.render_result({}, None, "md")["errors"]
    assert api.render_result(TYPICAL, None, "pdf")["errors"][0]["field"] == "format"


def test_calendar_matches_items() -> None:
    """The calendar has one all-day event per item, on its due date, titled with it."""
    items = api.plan_result(TYPICAL, None)["items"]
    found = calendar_events(api.render_result(TYPICAL, None, "ics")["text"])
    assert [(str(e["SUMMARY"]), e.decoded("DTSTART").isoformat()) for e in found] == [
        (item["title"], item["due"]) for item in items
    ]


def test_replanning_keeps_uids() -> None:
    """A re-plan with a later decision date keeps every UID and moves the main check-in."""
    before = calendar_events(api.render_result(TYPICAL, None, "ics")["text"])
    later = with_changes(decision_date="2026-04-03")
    after = calendar_events(api.render_result(later, None, "ics")["text"])
    uid = {str(e["UID"]): e.decoded("DTSTART") for e in before}
    moved = {str(e["UID"]): e.decoded("DTSTART") for e in after}
    assert set(uid) <= set(moved)
    assert any(uid[key] != moved[key] for key in uid)


def test_outcome_cancels_dropped_events() -> None:
    """After an offer the calendar cancels the check-ins the pending plan had."""
    pending = calendar_events(api.render_result(TYPICAL, None, "ics")["text"])
    offer = with_changes(outcome="offer", outcome_date="2026-03-18")
    after = calendar_events(api.render_result(offer, None, "ics")["text"])
    status = {str(e["UID"]): str(e["STATUS"]) for e in after}
    assert {str(e["UID"]) for e in pending} <= set(status)
    assert "CANCELLED" in status.values()
    keys = [item["key"] for item in api.plan_result(offer, None)["items"]]
    assert "OFFER-THANKS" in keys and "CHECKIN-MAIN" not in keys


def test_replanning_on_a_later_day_updates_events() -> None:
    """A re-plan on a later today: same UIDs, higher SEQUENCE, later DTSTAMP."""

    def stamps(today: str) -> dict[str, tuple[int, dt.datetime]]:
        text = api.render_result(TYPICAL, today, "ics")["text"]
        assert text == api.render_result(TYPICAL, today, "ics")["text"]
        found = calendar_events(text)
        return {str(e["UID"]): (int(str(e["SEQUENCE"])), e.decoded("DTSTAMP")) for e in found}

    early, late = stamps("2026-03-13"), stamps("2026-03-27")
    assert set(early) == set(late)
    assert all(late[uid][0] > early[uid][0] and late[uid][1] > early[uid][1] for uid in early)


def test_parse_timing_result() -> None:
    """A timing phrase is read into plain JSON data."""
    result = api.parse_timing_result("in two weeks", "2026-03-12")
    assert (result["understood"], result["field"], result["value"]) == (
        True,
        "decision_date",
        "2026-03-26",
    )


_DATES = st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)).map(dt.date.isoformat)
_PERSON = st.fixed_dictionaries(
    {"name": st.sampled_from(["Dana", "Sam Roe", "Ana María"])},
    optional={
        "phone": st.sampled_from(["", "555"]),
        "email": st.sampled_from(["", "a@b.test"]),
        "is_decision_maker": st.booleans(),
        "topic": st.text(max_size=20),
    },
)
_INPUT = st.fixed_dictionaries(
    {"interview_date": _DATES, "interviewers": st.lists(_PERSON, min_size=1, max_size=3)},
    optional={
        "decision_date": _DATES,
        "wait_days": st.integers(1, 60),
        "contact_on": _DATES,
        "company_style": st.sampled_from(["traditional", "tech_or_social_media"]),
        "persistent_role": st.booleans(),
        "company": st.text(max_size=20),
        "role": st.text(max_size=20),
        "outcome": st.sampled_from(["offer", "rejection", "next_round"]),
        "outcome_date": _DATES,
    },
)


@settings(deadline=None, max_examples=120)
@given(raw=_INPUT, today=st.none() | _DATES)
def test_any_input_plans_or_refuses(raw: dict[str, Any], today: str | None) -> None:
    """Any input gives a plan whose calendar matches its items, or a list of errors.

    An event is on the item's due day, or on today when the item is overdue.
    """
    result = api.plan_result(raw, today)
    if "errors" in result:
        assert result["errors"] and list(result) == ["version", "errors"]
        return
    json.dumps(result)
    found = calendar_events(api.render_result(raw, today, "ics")["text"])
    live = [e for e in found if str(e["STATUS"]) == "CONFIRMED"]
    now = today or raw.get("today")
    days = [now if item["overdue"] else item["due"] for item in result["items"]]
    assert [e.decoded("DTSTART").isoformat() for e in live] == days
    assert len({str(e["UID"]) for e in found}) == len(found)


def test_guidance_reads_as_advice_titles() -> None:
    """In Markdown, each guidance id is shown by its advice title when the content loads."""
    advice = content.load_advice()
    guidance = api.plan_result(TYPICAL, None)["guidance"]
    text = api.render_result(TYPICAL, None, "md")["text"]
    assert guidance and all(advice[gid].title in text for gid in guidance)
