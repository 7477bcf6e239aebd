"""Tests for the calendar file: parsed back with `icalendar`, byte rules checked by hand."""

from __future__ import annotations

import dataclasses
import datetime as dt

import icalendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.api import render_result
from planner.ics import escape_text, event_uid, fold, to_ics
from planner.model import Channel, Interview, Interviewer, Item, Outcome, Phase, Plan
from tests.support.factories import make_item

DAY = dt.date(2026, 3, 12)  # a Thursday, the interview day


def item(key: str, due: dt.date, **changes: object) -> Item:
    """An item due on a given day, with this file's defaults; fields can be changed by name."""
    defaults: dict[str, object] = {
        "phase": Phase.WAITING,
        "recipient": "Dana",
        "channel": Channel.EMAIL,
        "steps": ("Keep it short.",),
    }
    return make_item(key, due, **{**defaults, **changes})


INTERVIEW = Interview(DAY, (Interviewer("Dana"),), company="Acme", role="Analyst")
ITEMS = (
    item("TY-EMAIL-1", DAY, latest=dt.date(2026, 3, 13), title="Thank Dana, today; by email"),
    item("TY-NOTE-1", dt.date(2026, 3, 14), channel=Channel.POST, optional=True),
    item("CHECKIN-MAIN", dt.date(2026, 3, 19), channel=Channel.PHONE),
    item("CHECKIN-REPEAT-1", dt.date(2026, 3, 31)),
)


def parse(text: str) -> icalendar.Calendar:
    """Parse a generated file with the icalendar library."""
    return icalendar.Calendar.from_ical(text)


def events(text: str) -> list[icalendar.Event]:
    """The events of a generated file, in file order."""
    return [e for e in parse(text).walk("VEVENT") if isinstance(e, icalendar.Event)]


def test_calendar_header() -> None:
    """The calendar says version 2.0, names its producer, and publishes Gregorian dates."""
    calendar = parse(to_ics(INTERVIEW, Plan(items=ITEMS)))
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert str(calendar["CALSCALE"]) == "GREGORIAN"
    assert "Follow-up" in str(calendar["PRODID"])


@pytest.mark.parametrize(
    ("index", "start", "end"),
    [
        (0, dt.date(2026, 3, 12), dt.date(2026, 3, 13)),
        (1, dt.date(2026, 3, 14), dt.date(2026, 3, 15)),
        (2, dt.date(2026, 3, 19), dt.date(2026, 3, 20)),
        (3, dt.date(2026, 3, 31), dt.date(2026, 4, 1)),
    ],
)
def test_one_all_day_event_per_item(index: int, start: dt.date, end: dt.date) -> None:
    """Each item is an all-day event from its due date to the next day, titled with the item."""
    found = events(to_ics(INTERVIEW, Plan(items=ITEMS)))
    assert len(found) == len(ITEMS)
    event = found[index]
    assert event.decoded("DTSTART") == start and event.decoded("DTEND") == end
    assert type(event.decoded("DTSTART")) is dt.date
    assert str(event["SUMMARY"]) == ITEMS[index].title


def test_reminder_at_nine() -> None:
    """Every event has a display alarm nine hours after the start of its day."""
    for event in events(to_ics(INTERVIEW, Plan(items=ITEMS))):
        (alarm,) = event.subcomponents
        assert str(alarm["ACTION"]) == "DISPLAY"
        assert alarm.decoded("TRIGGER") == dt.timedelta(hours=9)


def test_description_holds_steps_and_latest() -> None:
    """The description names the recipient and channel, the latest day and the steps."""
    first = events(to_ics(INTERVIEW, Plan(items=ITEMS)))[0]
    assert str(first["DESCRIPTION"]) == (
        "To Dana by email.\nAt the latest on 2026-03-13.\n- Keep it short."
    )


def test_stamp_comes_from_the_input() -> None:
    """DTSTAMP is midnight UTC of the interview day, or of the outcome day once known."""
    pending = events(to_ics(INTERVIEW, Plan(items=ITEMS)))[0]
    assert pending.decoded("DTSTAMP") == dt.datetime(2026, 3, 12, tzinfo=dt.UTC)
    offer = Interview(
        DAY, INTERVIEW.interviewers, outcome=Outcome.OFFER, outcome_date=dt.date(2026, 3, 25)
    )
    later = events(to_ics(offer, Plan(items=ITEMS)))[0]
    assert later.decoded("DTSTAMP") == dt.datetime(2026, 3, 25, tzinfo=dt.UTC)
    assert later["SEQUENCE"] == 13 + 1  # days since the interview, plus one: the outcome


def on(today: dt.date | None, **changes: object) -> Interview:
    """The test interview planned on ``today``, with other fields changed by name."""
    return dataclasses.replace(INTERVIEW, today=today, **changes)  # type: ignore[arg-type]


def stamps(
    interview: Interview, cancelled: tuple[Item, ...] = ()
) -> dict[str, tuple[int, dt.datetime]]:
    """UID -> (SEQUENCE, DTSTAMP) of every event of a file."""
    text = to_ics(interview, Plan(items=ITEMS[: 4 - len(cancelled)]), cancelled=cancelled)
    return {str(e["UID"]): (int(str(e["SEQUENCE"])), e.decoded("DTSTAMP")) for e in events(text)}


def test_later_replan_has_higher_sequence_and_later_stamp() -> None:
    """Re-planning on a later today raises SEQUENCE and DTSTAMP of the same UIDs."""
    early = stamps(on(dt.date(2026, 3, 16)))
    late = stamps(on(dt.date(2026, 3, 20)))
    assert set(early) == set(late) and early
    for uid, (number, stamp) in early.items():
        assert late[uid][0] > number
        assert late[uid][1] > stamp
    assert set(late.values()) == {(8, dt.datetime(2026, 3, 20, tzinfo=dt.UTC))}


def test_without_today_the_stamp_is_the_interview_day() -> None:
    """Without a today the stamp is the interview day, sequence 0."""
    assert set(stamps(on(None)).values()) == {(0, dt.datetime(2026, 3, 12, tzinfo=dt.UTC))}


def test_outcome_replan_outranks_pending_plan_of_the_same_day() -> None:
    """Cancelled events after an outcome carry a higher SEQUENCE than the pending events."""
    today = dt.date(2026, 3, 18)
    pending = stamps(on(today))
    offer = on(today, outcome=Outcome.OFFER, outcome_date=dt.date(2026, 3, 17))
    after = stamps(offer, cancelled=ITEMS[2:])
    assert set(after) == set(pending)
    for uid, (number, stamp) in pending.items():
        assert after[uid][0] > number and after[uid][1] >= stamp


def test_same_input_and_today_same_bytes() -> None:
    """The same input and today give byte-identical files."""
    first = to_ics(on(dt.date(2026, 3, 20)), Plan(items=ITEMS), cancelled=ITEMS[:1])
    again = to_ics(on(dt.date(2026, 3, 20)), Plan(items=ITEMS), cancelled=ITEMS[:1])
    assert first.encode("utf-8") == again.encode("utf-8")


@pytest.mark.parametrize(
    ("changes", "same"),
    [
        ({"company": " acme ", "role": "ANALYST ", "decision_date": DAY, "today": DAY}, True),
        ({"interviewers": (Interviewer("Dana", phone="555", title="CTO"),)}, True),
        ({"interview_date": dt.date(2026, 3, 13)}, False),
        ({"interview_round": 2}, False),
        ({"company": "Globex"}, False),
        ({"role": "Engineer"}, False),
        ({"interviewers": (Interviewer("Sam"),)}, False),
        ({"interviewers": (Interviewer("Dana"), Interviewer("Sam"))}, False),
    ],
)
def test_uid_without_id_names_the_interview(changes: dict[str, object], same: bool) -> None:
    """Without an id, a UID changes with what names the interview, not with a re-plan."""
    other = dataclasses.replace(INTERVIEW, **changes)  # type: ignore[arg-type]
    assert (event_uid(other, "CHECKIN-MAIN") == event_uid(INTERVIEW, "CHECKIN-MAIN")) is same
    assert event_uid(INTERVIEW, "CHECKIN-MAIN") != event_uid(INTERVIEW, "CHECKIN-REPEAT-1")


def test_uid_with_id_depends_on_the_id_and_key_only() -> None:
    """With an id, editing names, company or date keeps every UID; another id changes them."""
    first = dataclasses.replace(INTERVIEW, id="k2x9")
    edited = dataclasses.replace(
        first, company="Globex", role="Lead", interviewers=(Interviewer("Sam"),),
        interview_date=dt.date(2026, 3, 13),
    )  # fmt: skip
    other = dataclasses.replace(INTERVIEW, id="k2x8")
    assert event_uid(first, "TY-EMAIL-1") == event_uid(edited, "TY-EMAIL-1")
    assert event_uid(first, "TY-EMAIL-1") != event_uid(other, "TY-EMAIL-1")
    assert event_uid(first, "TY-EMAIL-1") != event_uid(INTERVIEW, "TY-EMAIL-1")


def test_done_and_overdue_events() -> None:
    """A done step's event is on the day it was done, says so and has no reminder; an overdue
    step's event is today's, titled as such, with its reminder."""
    done = item("TY-EMAIL-1", DAY, done=dt.date(2026, 3, 13), note="sent from the train")
    late = item("CHECKIN-MAIN", dt.date(2026, 3, 19), overdue=True, channel=Channel.PHONE)
    found = events(to_ics(on(dt.date(2026, 3, 25)), Plan(items=(done, late))))
    assert [e.decoded("DTSTART") for e in found] == [dt.date(2026, 3, 13), dt.date(2026, 3, 25)]
    assert str(found[0]["SUMMARY"]).startswith("Done: ")
    assert "sent from the train" in str(found[0]["DESCRIPTION"])
    assert not found[0].walk("VALARM") and found[1].walk("VALARM")
    assert str(found[1]["SUMMARY"]).startswith("Overdue, do it today: ")
    assert "Overdue since Thursday 19 March 2026" in str(found[1]["DESCRIPTION"])


def test_dropped_items_are_cancelled() -> None:
    """Items a re-plan drops come back as cancelled events with the same UID."""
    kept, dropped = ITEMS[:2], ITEMS[2:]
    found = events(to_ics(INTERVIEW, Plan(items=kept), cancelled=ITEMS))
    assert [str(e["STATUS"]) for e in found] == ["CONFIRMED", "CONFIRMED", "CANCELLED", "CANCELLED"]
    assert str(found[2]["UID"]) == event_uid(INTERVIEW, dropped[0].key)


def test_same_input_same_bytes() -> None:
    """The same plan gives the same file, byte for byte."""
    assert to_ics(INTERVIEW, Plan(items=ITEMS)) == to_ics(INTERVIEW, Plan(items=ITEMS))


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("plain", "plain"),
        ("a,b", "a\\,b"),
        ("a;b", "a\\;b"),
        ("back\\slash", "back\\\\slash"),
        ("two\nlines", "two\\nlines"),
        ("dos\r\nline", "dos\\nline"),
        ("bell\x07", "bell "),
    ],
)
def test_escape_text(raw: str, escaped: str) -> None:
    """TEXT escaping covers backslash, comma, semicolon and line breaks, and drops controls."""
    assert escape_text(raw) == escaped


@pytest.mark.parametrize(
    ("line", "lengths"),
    [
        ("A" * 75, [75]),
        ("A" * 76, [75, 2]),
        ("A" * 149, [75, 75]),
        ("A" * 150, [75, 75, 2]),
        ("é" * 38, [74, 3]),
        ("A" + "€" * 25, [73, 4]),
    ],
)
def test_fold_lengths(line: str, lengths: list[int]) -> None:
    """Lines fold at 75 octets, continuation space included, a character never split."""
    assert [len(part.encode("utf-8")) for part in fold(line).split("\r\n")] == lengths


@settings(deadline=None, max_examples=150)
@given(st.text(max_size=400) | st.text(alphabet="abc ;,", max_size=400))
def test_folding_keeps_octets_and_characters(value: str) -> None:
    """Folded lines stay within 75 octets, never split a character, and unfold to the input."""
    line = "SUMMARY:" + escape_text(value)
    folded = fold(line)
    physical = folded.split("\r\n")
    assert all(len(part.encode("utf-8")) <= 75 for part in physical)
    assert all(part.startswith(" ") for part in physical[1:])
    assert folded.replace("\r\n ", "") == line


@settings(deadline=None, max_examples=100)
@given(
    title=st.text(min_size=1, max_size=120),
    steps=st.lists(st.text(max_size=80), max_size=4),
    company=st.none() | st.text(max_size=30),
)
def test_any_text_round_trips(title: str, steps: list[str], company: str | None) -> None:
    """Whatever the wording, the file parses and gives back the title with controls blanked."""
    interview = Interview(DAY, (Interviewer("Dana"),), company=company)
    plan = Plan(items=(item("CHECKIN-MAIN", DAY, title=title, steps=tuple(steps)),))
    text = to_ics(interview, plan)
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
    (event,) = events(text)
    assert str(event["SUMMARY"]) == _blank_controls(title)


def _blank_controls(value: str) -> str:
    """What a TEXT value reads as after a round trip: line ends unified, controls blanked."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(
        " " if ch not in "\t\n" and (ord(ch) < 32 or ord(ch) == 127) else ch for ch in value
    )


def test_description_gives_the_number_to_call_and_the_address_to_write_to() -> None:
    """A call's event names the phone number, an email's event the address, when known."""
    raw = {
        "interview_date": "2026-03-12",
        "interviewers": [{"name": "Priya Shah", "phone": "+44 7700 900123", "email": "p@x.test"}],
    }
    calendar = icalendar.Calendar.from_ical(render_result(raw, None, "ics")["text"])
    descriptions = [str(event.get("DESCRIPTION", "")) for event in calendar.walk("VEVENT")]
    assert any("Phone: +44 7700 900123." in text for text in descriptions)
    assert any("Email: p@x.test." in text for text in descriptions)
