"""Tests for spec §14: the agenda of several interviews, in JSON, text, Markdown and calendar.

Three interviews, unless a test says otherwise (today is Monday 2026-04-20):
- Acme, Thursday 12 March, nothing said about timing: its main check-in (due Thursday
  19 March) is overdue and to be made today;
- Birch, Tuesday 14 April, a decision by Friday 24 April: its thank-you to Lee is overdue,
  and its main check-in is due on Monday 27 April (bd(Saturday 25)), the window's last day;
- Cedar, Monday 20 April (today), a tech company: its interview-day items are listed, and
  its main check-in, due Monday 27 April too.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import icalendar
import pytest

from planner import api
from planner.__main__ import main
from planner.agenda import build_agenda, label
from planner.bridge import handle
from planner.model import Interview, Interviewer

TODAY = dt.date(2026, 4, 20)


def ticks(*entries: tuple[str, str]) -> list[dict[str, str]]:
    """``done`` entries from (key, date) pairs."""
    return [{"key": key, "date": day} for key, day in entries]


ACME: dict[str, Any] = {
    "interview_date": "2026-03-12", "company": "Acme", "role": "Analyst",
    "interviewers": [{"name": "Dana", "phone": "555 0101", "title": "CTO"}],
    "done": ticks(("TY-EMAIL-1", "2026-03-12"), ("TY-NOTE-1", "2026-03-14"),
                  ("REFEREES", "2026-03-13"), ("KEEP-SEARCHING", "2026-03-13")),
}  # fmt: skip
BIRCH: dict[str, Any] = {
    "interview_date": "2026-04-14", "company": "Birch", "decision_date": "2026-04-24",
    "interviewers": [{"name": "Lee", "email": "lee@example.com"}], "id": "birch-1",
    "company_style": "tech_or_social_media",
    "done": ticks(("REFEREES", "2026-04-15"), ("KEEP-SEARCHING", "2026-04-15")),
}  # fmt: skip
CEDAR: dict[str, Any] = {
    "interview_date": "2026-04-20", "role": "Data engineer",
    "company_style": "tech_or_social_media",
    "interviewers": [{"name": "Kim", "email": "kim@example.com"}],
}  # fmt: skip


def agenda(inputs: list[Any], days: Any = None) -> dict[str, Any]:
    """The agenda as the bridge answers it."""
    request = {"protocol": 1, "id": 1, "op": "agenda", "inputs": inputs, "today": "2026-04-20"}
    if days is not None:
        request["days"] = days
    response = json.loads(handle(json.dumps(request)))
    assert response["ok"], response
    result: dict[str, Any] = response["result"]
    return result


def listed(result: dict[str, Any]) -> list[tuple[int, str]]:
    return [(item["interview"], item["key"]) for item in result["items"]]


def test_three_interviews_side_by_side() -> None:
    """Overdue first, then by due day, then by interview, each line labelled."""
    result = agenda([ACME, BIRCH, CEDAR])
    assert list(result) == ["version", "today", "items", "errors"]
    assert (result["version"], result["today"], result["errors"]) == (1, "2026-04-20", [])
    assert listed(result) == [
        (0, "CHECKIN-MAIN"),  # overdue since 19 March: to be made today
        (1, "TY-EMAIL-1"),  # due 14 April, latest 15 April: overdue too
        (2, "AT-CONTACTS"), (2, "AT-TIMELINE"), (2, "AT-CONCERNS"), (2, "AT-WANT-JOB"),
        (2, "TY-EMAIL-1"),  # the interview is today
        (2, "REFEREES"), (2, "KEEP-SEARCHING"),  # tomorrow
        (1, "CHECKIN-MAIN"), (2, "CHECKIN-MAIN"),  # Monday 27 April, by interview
    ]  # fmt: skip
    first = result["items"][0]
    assert (first["label"], first["overdue"], first["due"]) == (
        "Analyst at Acme",
        True,
        "2026-03-19",
    )
    assert [item["label"] for item in result["items"][1:3]] == ["Birch", "Data engineer"]


def test_items_carry_every_field_of_a_plan_item() -> None:
    """An agenda item is the plan's item with its interview's index and label added."""
    result = agenda([CEDAR])
    plan_items = {item["key"]: item for item in api.plan_result(CEDAR, "2026-04-20")["items"]}
    for item in result["items"]:
        assert {k: v for k, v in item.items() if k not in ("interview", "label")} == plan_items[
            item["key"]
        ]


@pytest.mark.parametrize(("days", "reached"), [(0, False), (6, False), (7, True), (365, True)])
def test_window_reaches_today_plus_days(days: int, reached: bool) -> None:
    """Birch's main check-in on Monday 27 April is listed from a window of 7 days on."""
    assert ((0, "CHECKIN-MAIN") in listed(agenda([BIRCH], days))) is reached


def test_open_items_due_earlier_are_listed() -> None:
    """A thank-you due yesterday with its latest day today is still open, and listed."""
    yesterday = {**CEDAR, "interview_date": "2026-04-19"}
    result = agenda([yesterday], 0)
    assert [(i["key"], i["due"], i["overdue"]) for i in result["items"]] == [
        ("TY-EMAIL-1", "2026-04-19", False),
        ("REFEREES", "2026-04-20", False),
        ("KEEP-SEARCHING", "2026-04-20", False),
    ]


def test_done_archived_and_outcome_checkins_are_left_out() -> None:
    """Done items, archived interviews and check-ins after a known outcome are not listed."""
    done = {**CEDAR, "done": [{"key": "TY-EMAIL-1", "date": "2026-04-20"}]}
    archived = {**ACME, "archived": True}
    known = {**ACME, "outcome": "rejection", "outcome_date": "2026-04-01"}
    result = agenda([done, archived, known])
    keys = listed(result)
    assert (0, "TY-EMAIL-1") not in keys and not [k for k in keys if k[0] == 1]
    assert (2, "REJ-REPLY") in keys
    assert [k for k in keys if k[0] == 2 and k[1].startswith("CHECKIN-")] == []
    assert (0, "CHECKIN-MAIN") in keys


def test_a_refused_input_is_reported_and_the_rest_listed() -> None:
    """A refused input adds its errors under its index; the others are still listed."""
    result = agenda([ACME, {"interview_date": "2026-13-01", "interviewers": []}, "nonsense"])
    assert [error["interview"] for error in result["errors"]] == [1, 2]
    assert {e["field"] for e in result["errors"][0]["errors"]} == {"interview_date", "interviewers"}
    assert listed(result) == [(0, "CHECKIN-MAIN")]


def test_agenda_today_replaces_the_inputs_today() -> None:
    """The agenda's today wins over an input's own today (and bounds its done dates)."""
    result = agenda([{**ACME, "today": "2026-03-12"}])
    assert listed(result) == [(0, "CHECKIN-MAIN")]
    future = {**CEDAR, "done": [{"key": "TY-EMAIL-1", "date": "2026-04-21"}]}
    assert agenda([future])["errors"][0]["errors"][0]["field"] == "done[0].date"


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"role": "Analyst", "company": "Acme"}, "Analyst at Acme"),
        ({"role": " Analyst  II "}, "Analyst II"),
        ({"company": "Acme"}, "Acme"),
        ({}, "Interview on 12 March 2026"),
        ({"company": "Acme", "interview_round": 3}, "Acme, round 3"),
    ],
)
def test_label(changes: dict[str, Any], expected: str) -> None:
    """A label is the role and company when known, else the interview's date."""
    interview = Interview(dt.date(2026, 3, 12), (Interviewer("Dana"),), **changes)
    assert label(interview) == expected


@pytest.mark.parametrize(
    "request_fields",
    [
        {"today": "2026-04-20"},
        {"inputs": {}, "today": "2026-04-20"},
        {"inputs": [], "today": "2026-4-20"},
        {"inputs": [], "today": None},
        {"inputs": [], "today": "2026-04-20", "days": -1},
        {"inputs": [], "today": "2026-04-20", "days": 366},
        {"inputs": [], "today": "2026-04-20", "days": 7.0},
        {"inputs": [], "today": "2026-04-20", "days": True},
        {"inputs": [], "today": "2026-04-20", "format": "pdf", "op": "render_agenda"},
    ],
)
def test_malformed_agenda_requests(request_fields: dict[str, Any]) -> None:
    """No list, no valid today or a bad days is a bad request, not an internal error."""
    request = {"protocol": 1, "id": "a", "op": "agenda", **request_fields}
    response = json.loads(handle(json.dumps(request)))
    assert (response["ok"], response["error"]["code"], response["id"]) == (
        False,
        "bad_request",
        "a",
    )


def calendar_events(text: str) -> list[icalendar.Event]:
    found = icalendar.Calendar.from_ical(text).walk("VEVENT")
    return [event for event in found if isinstance(event, icalendar.Event)]


def test_one_calendar_for_every_interview() -> None:
    """The agenda's calendar holds every dated item of every interview not archived."""
    inputs = [ACME, BIRCH, {**CEDAR, "archived": True}]
    text = api.render_agenda_result(inputs, TODAY, 7, "ics")["text"]
    found = calendar_events(text)
    expected = sum(len(api.plan_result(raw, "2026-04-20")["items"]) for raw in inputs[:2])
    live = [event for event in found if str(event["STATUS"]) == "CONFIRMED"]
    assert len(live) == expected
    assert len({str(event["UID"]) for event in found}) == len(found)
    assert "X-WR-CALNAME:Follow-up: all interviews" in text


def test_calendar_uids_never_collide_between_twin_interviews() -> None:
    """Two interviews alike but for the interviewer's name get different UIDs for every step."""
    twin = {**ACME, "interviewers": [{"name": "Sam"}]}
    found = calendar_events(api.render_agenda_result([ACME, twin], TODAY, 7, "ics")["text"])
    assert len({str(event["UID"]) for event in found}) == len(found)


def test_calendar_event_moves_with_its_uid() -> None:
    """Ticking the main check-in moves the first repeat's event and keeps its UID."""

    def repeat(raw: dict[str, Any]) -> icalendar.Event:
        found = calendar_events(api.render_agenda_result([raw], TODAY, 7, "ics")["text"])
        return next(e for e in found if "Follow up again" in str(e["SUMMARY"]))

    before = repeat(BIRCH)
    ticked = {**BIRCH, "done": [*BIRCH["done"], {"key": "CHECKIN-MAIN", "date": "2026-04-20"}]}
    after = repeat(ticked)
    assert str(before["UID"]) == str(after["UID"])
    # Untouched: bd(27 April + 10) = Thursday 7 May; made on 20 April: bd(30 April) = Thursday 30.
    assert (before.decoded("DTSTART"), after.decoded("DTSTART")) == (
        dt.date(2026, 5, 7), dt.date(2026, 4, 30),
    )  # fmt: skip


def test_text_and_markdown_say_what_to_do_today() -> None:
    """The text agenda opens with today's steps, each naming its interview."""
    text = api.render_agenda_result([ACME, BIRCH, CEDAR], TODAY, 7, "text")["text"]
    lines = text.splitlines()
    assert lines[:2] == ["FOLLOW-UP AGENDA", "Monday 20 April 2026, and the next 7 days"]
    assert lines[3:5] == ["Today, Monday 20 April 2026", "-" * len("Today, Monday 20 April 2026")]
    assert lines[5:9] == [
        "[ ] Call Dana to ask where they are in the process",
        "    Analyst at Acme",
        "    To Dana (CTO) by phone",
        "    Overdue since Thursday 19 March 2026: do it today",
    ]
    assert "Tuesday 21 April 2026" in lines
    markdown = api.render_agenda_result([ACME], TODAY, 7, "md")["text"]
    assert "- [ ] **Call Dana to ask where they are in the process** (Analyst at Acme)" in markdown


def test_empty_agenda_says_so() -> None:
    """With nothing to do, the text says so plainly."""
    text = api.render_agenda_result([], TODAY, 3, "text")["text"]
    assert "Nothing is overdue or due in this time." in text


# -- the command line --------------------------------------------------------------------


def write(tmp_path: Path, name: str, data: Any) -> str:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return str(path)


def test_cli_reads_inputs_and_a_backup(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Inputs are numbered across files in order; a backup's interviews count one by one."""
    one = write(tmp_path, "acme.json", ACME)
    backup = write(tmp_path, "backup.json", {"version": 1, "interviews": [BIRCH, CEDAR]})
    status = main(["agenda", one, backup, "--today", "2026-04-20", "--format", "json"])
    out, err = capsys.readouterr()
    assert (status, err) == (0, "")
    assert json.loads(out) == agenda([ACME, BIRCH, CEDAR])


def test_cli_reports_refused_inputs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Exit 2 when an input is refused; the rest is still listed; stderr names file and index."""
    good = write(tmp_path, "acme.json", ACME)
    broken = write(tmp_path, "broken.json", "{not json")
    foreign = write(tmp_path, "future.json", {"version": 2, "interviews": []})
    status = main(["agenda", good, broken, foreign, "--today", "2026-04-20", "--format", "text"])
    out, err = capsys.readouterr()
    assert status == 2
    assert "Call Dana to ask where they are in the process" in out
    assert f"{broken}: interview 1: : The input is not valid JSON." in err.splitlines()
    assert err.splitlines()[1].startswith(f"{foreign}: interview 2: version: ")


def test_cli_days_and_today(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--days widens the window; a bad --today is refused with exit 2."""
    birch = write(tmp_path, "birch.json", BIRCH)
    main(["agenda", birch, "--today", "2026-04-20", "--days", "6", "--format", "json"])
    assert "CHECKIN-MAIN" not in capsys.readouterr().out
    main(["agenda", birch, "--today", "2026-04-20", "--days", "7", "--format", "json"])
    assert "CHECKIN-MAIN" in capsys.readouterr().out
    assert main(["agenda", birch, "--today", "20/04/2026", "--format", "json"]) == 2
    assert json.loads(capsys.readouterr().out)["errors"][0]["field"] == ""


def test_cli_calendar_of_all_interviews(tmp_path: Path, capsysbinary: Any) -> None:
    """--format ics writes one calendar, CRLF line ends kept."""
    files = [write(tmp_path, f"{n}.json", raw) for n, raw in enumerate([ACME, BIRCH])]
    assert main(["agenda", *files, "--today", "2026-04-20", "--format", "ics"]) == 0
    out = capsysbinary.readouterr().out
    assert out.startswith(b"BEGIN:VCALENDAR\r\n") and out.count(b"BEGIN:VEVENT") > 20


def test_build_agenda_keeps_archived_out_of_planned() -> None:
    """An archived interview is validated but neither listed nor planned for the calendar."""
    built = build_agenda([{**ACME, "archived": True}, CEDAR], TODAY, 7)
    assert [planned.index for planned in built.planned] == [1]
    assert built.refusals == ()
