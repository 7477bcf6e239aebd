"""Tests for spec §13: re-planning from what was done, and from a missed day.

Unless a case says otherwise: the interview is on Thursday 2026-03-12 with Dana, who
gave a phone number, and nothing was said about timing, so the main check-in is due on
Thursday 2026-03-19 and the repeats every 10 days after it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from planner import api, render
from planner.model import Interview, Item, Plan
from planner.rules import plan
from planner.validate import parse_input

D = dt.date
DANA = {"name": "Dana", "phone": "555 0101", "title": "Head of Operations"}


def planned(**fields: Any) -> Plan:
    """Plan the default interview, changed by ``fields``."""
    raw: dict[str, Any] = {"interview_date": "2026-03-12", "interviewers": [DANA], **fields}
    interview = parse_input(raw)
    assert isinstance(interview, Interview), interview
    return plan(interview)


def items(**fields: Any) -> dict[str, Item]:
    """The plan's items by key."""
    return {item.key: item for item in planned(**fields).items}


def status(**fields: Any) -> list[tuple[str, dt.date]]:
    """The status contacts, in chain order, with their due dates."""
    return [(i.key, i.due) for i in planned(**fields).items if i.key.startswith("CHECKIN-")]


def done(*entries: tuple[str, str] | tuple[str, str, str]) -> list[dict[str, str]]:
    """``done`` entries from (key, date) or (key, date, note) tuples."""
    return [dict(zip(("key", "date", "note"), entry, strict=False)) for entry in entries]


# -- the spec's worked example --------------------------------------------------------


def test_spec_example_opened_late() -> None:
    """Opened on 20 April, nothing done: the main check-in is to be made today, repeats follow."""
    result = items(today="2026-04-20")
    assert result["CHECKIN-MAIN"].due == D(2026, 3, 19) and result["CHECKIN-MAIN"].overdue
    assert [result[f"CHECKIN-REPEAT-{k}"].due for k in (1, 2, 3)] == [
        D(2026, 4, 30), D(2026, 5, 11), D(2026, 5, 21),
    ]  # fmt: skip
    assert not any(result[f"CHECKIN-REPEAT-{k}"].overdue for k in (1, 2, 3))


def test_spec_example_ticked() -> None:
    """The main check-in ticked done on 22 April: repeats on 4, 14 and 25 May."""
    result = items(today="2026-04-22", done=done(("CHECKIN-MAIN", "2026-04-22")))
    assert result["CHECKIN-MAIN"].done == D(2026, 4, 22) and not result["CHECKIN-MAIN"].overdue
    assert [result[f"CHECKIN-REPEAT-{k}"].due for k in (1, 2, 3)] == [
        D(2026, 5, 4), D(2026, 5, 14), D(2026, 5, 25),
    ]  # fmt: skip


# -- rule 1: every item carries done; done items are never overdue or dropped -----------


def test_every_item_carries_done() -> None:
    """An untouched plan has done = null on every item, in the JSON too."""
    result = api.plan_result({"interview_date": "2026-03-12", "interviewers": [DANA]}, None)
    assert result["items"] and all(item["done"] is None for item in result["items"])
    assert all(list(item)[8:10] == ["done", "overdue"] for item in result["items"])


def test_done_date_and_note_reach_the_item() -> None:
    """A done entry sets the item's done date and keeps its note for the renderings."""
    result = items(done=done(("TY-EMAIL-1", "2026-03-13", "sent from the train")))
    assert (result["TY-EMAIL-1"].done, result["TY-EMAIL-1"].note) == (
        D(2026, 3, 13), "sent from the train",
    )  # fmt: skip
    json_item = render.item_json(result["TY-EMAIL-1"])
    assert json_item["done"] == "2026-03-13" and "note" not in json_item


def test_done_item_is_never_overdue() -> None:
    """A thank-you done a day late, seen a week later, is done and not overdue."""
    result = items(today="2026-03-20", done=done(("TY-EMAIL-1", "2026-03-14")))
    assert not result["TY-EMAIL-1"].overdue and result["KEEP-SEARCHING"].overdue


@pytest.mark.parametrize(
    ("outcome", "key", "due", "when"),
    [
        # A rejection on 25 March drops promised materials due after it, unless sent.
        ("rejection", "MAT-1", D(2026, 3, 27), "2026-03-24"),
        # Any outcome drops check-ins due on or after it, unless made.
        ("offer", "CHECKIN-MAIN", D(2026, 3, 19), "2026-03-19"),
        ("next_round", "CHECKIN-MAIN", D(2026, 3, 19), "2026-03-19"),
        # An offer drops keep-searching due on or after it, unless done.
        ("offer", "KEEP-SEARCHING", D(2026, 3, 13), "2026-03-13"),
    ],
)
def test_outcome_never_drops_a_done_item(outcome: str, key: str, due: dt.date, when: str) -> None:
    """An outcome on the due day (or before it) keeps an item that was done."""
    fields: dict[str, Any] = {
        "outcome": outcome,
        "outcome_date": "2026-03-13" if key != "MAT-1" else "2026-03-25",
        "today": "2026-03-30",
        "materials": [{"description": "references", "due_date": "2026-03-27"}],
    }
    assert key not in items(**fields)
    kept = items(**fields, done=done((key, when)))
    assert kept[key].due == due and kept[key].done == D.fromisoformat(when)


def test_outcome_items_carry_done() -> None:
    """The offer's thank-you, ticked, carries its date."""
    result = items(outcome="offer", outcome_date="2026-04-01", today="2026-04-03",
                   done=done(("OFFER-THANKS", "2026-04-02")))  # fmt: skip
    assert result["OFFER-THANKS"].done == D(2026, 4, 2)


# -- rule 2: AT-* is never overdue -------------------------------------------------------


def test_at_the_interview_items_are_never_overdue() -> None:
    """Weeks after the interview, what belongs to the interview itself is not overdue."""
    result = items(today="2026-05-01")
    assert [key for key, item in result.items() if key.startswith("AT-") and item.overdue] == []
    assert result["TY-EMAIL-1"].overdue


# -- rule 3: the status contacts chain from what happened ----------------------------


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        # Main check-in made late, on Thu 2 April (no today): repeats count from it:
        # bd(2 Apr + 10 = Sun 12 Apr) = Mon 13 Apr; then Thu 23 Apr; bd(Sun 3 May) = Mon 4 May.
        (
            {"done": done(("CHECKIN-MAIN", "2026-04-02"))},
            [("CHECKIN-MAIN", D(2026, 3, 19)), ("CHECKIN-REPEAT-1", D(2026, 4, 13)),
             ("CHECKIN-REPEAT-2", D(2026, 4, 23)), ("CHECKIN-REPEAT-3", D(2026, 5, 4))],
        ),
        # Main check-in made early, on Mon 16 March: the first repeat is still never before F
        # (bd(16 Mar + 10) = Thu 26 Mar is after F = 19 Mar, so 26 Mar).
        (
            {"done": done(("CHECKIN-MAIN", "2026-03-16"))},
            [("CHECKIN-MAIN", D(2026, 3, 19)), ("CHECKIN-REPEAT-1", D(2026, 3, 26)),
             ("CHECKIN-REPEAT-2", D(2026, 4, 6)), ("CHECKIN-REPEAT-3", D(2026, 4, 16))],
        ),
        # First repeat made late (Fri 10 April, due Mon 30 March): the next two follow it.
        (
            {"done": done(("CHECKIN-MAIN", "2026-03-19"), ("CHECKIN-REPEAT-1", "2026-04-10"))},
            [("CHECKIN-MAIN", D(2026, 3, 19)), ("CHECKIN-REPEAT-1", D(2026, 3, 30)),
             ("CHECKIN-REPEAT-2", D(2026, 4, 20)), ("CHECKIN-REPEAT-3", D(2026, 4, 30))],
        ),
        # Overdue repeat: main made on time, first repeat missed, today Wed 8 April: the repeat
        # is to be made today and the last two count from today: Mon 20 Apr, Thu 30 Apr.
        (
            {"today": "2026-04-08", "done": done(("CHECKIN-MAIN", "2026-03-19"))},
            [("CHECKIN-MAIN", D(2026, 3, 19)), ("CHECKIN-REPEAT-1", D(2026, 3, 30)),
             ("CHECKIN-REPEAT-2", D(2026, 4, 20)), ("CHECKIN-REPEAT-3", D(2026, 4, 30))],
        ),
        # An agreed interval of 14 days chains from the day of the main check-in (2 April).
        (
            {"agreed_update_interval_days": 14, "done": done(("CHECKIN-MAIN", "2026-04-02"))},
            [("CHECKIN-MAIN", D(2026, 3, 19)), ("CHECKIN-REPEAT-1", D(2026, 4, 16)),
             ("CHECKIN-REPEAT-2", D(2026, 4, 30)), ("CHECKIN-REPEAT-3", D(2026, 5, 14))],
        ),
    ],
)  # fmt: skip
def test_repeats_chain_from_the_made_date(
    fields: dict[str, Any], expected: list[tuple[str, dt.date]]
) -> None:
    """Each repeat counts from the day the contact before it was made, never from its plan."""
    assert status(**fields) == expected


@pytest.mark.parametrize(
    ("fields", "main"),
    [
        # "Call me tomorrow": requested Fri 13 March; F = bd(13 Mar + 7) = Fri 20 March.
        ({}, D(2026, 3, 20)),
        # The requested call made late, on Tue 17 March: main = bd(17 Mar + 7) = Tue 24 March.
        ({"done": done(("CHECKIN-REQUESTED", "2026-03-17"))}, D(2026, 3, 24)),
        # The requested call missed; today Wed 18 March: it is to be made today, main on Wed 25.
        ({"today": "2026-03-18"}, D(2026, 3, 25)),
        # Made early, on the interview's next day as asked: main stays on F.
        ({"done": done(("CHECKIN-REQUESTED", "2026-03-13"))}, D(2026, 3, 20)),
    ],
)
def test_main_follows_the_requested_contact(fields: dict[str, Any], main: dt.date) -> None:
    """The main check-in comes a week after the requested contact was made, and never before F."""
    result = items(contact_on="2026-03-13", **fields)
    assert result["CHECKIN-REQUESTED"].due == D(2026, 3, 13)
    assert result["CHECKIN-MAIN"].due == main


def test_only_the_missed_contact_is_overdue() -> None:
    """A missed requested call is overdue; the main check-in after it is not."""
    result = items(contact_on="2026-03-13", today="2026-03-18")
    assert result["CHECKIN-REQUESTED"].overdue and not result["CHECKIN-MAIN"].overdue


# Long timeline: decision by Fri 29 May, so F = bd(Sat 30 May) = Mon 1 June, F - 7 = 25 May.
# Untouched interims: Thu 2 April (I + 21), Thu 23 April, Thu 14 May.
LONG = {"decision_date": "2026-05-29"}


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({}, [("CHECKIN-INTERIM-1", D(2026, 4, 2)), ("CHECKIN-INTERIM-2", D(2026, 4, 23)),
              ("CHECKIN-INTERIM-3", D(2026, 5, 14)), ("CHECKIN-MAIN", D(2026, 6, 1))]),
        # The first interim sent late, on Fri 10 April: the next on Fri 1 May, then Fri 22 May.
        ({"done": done(("CHECKIN-INTERIM-1", "2026-04-10"))},
         [("CHECKIN-INTERIM-1", D(2026, 4, 2)), ("CHECKIN-INTERIM-2", D(2026, 5, 1)),
          ("CHECKIN-INTERIM-3", D(2026, 5, 22)), ("CHECKIN-MAIN", D(2026, 6, 1))]),
        # Missed, seen on Wed 20 May: the first interim is to be made today (20 May <= 25 May),
        # no second one fits before 25 May, and the main check-in stays on F.
        ({"today": "2026-05-20"},
         [("CHECKIN-INTERIM-1", D(2026, 4, 2)), ("CHECKIN-MAIN", D(2026, 6, 1))]),
        # Seen on Wed 27 May, a light interim could only be made within a week of F: dropped.
        ({"today": "2026-05-27"}, [("CHECKIN-MAIN", D(2026, 6, 1))]),
        # Interims done on time, the third missed and seen on Tue 26 May: dropped too.
        ({"today": "2026-05-26", "done": done(("CHECKIN-INTERIM-1", "2026-04-02"),
                                              ("CHECKIN-INTERIM-2", "2026-04-23"))},
         [("CHECKIN-INTERIM-1", D(2026, 4, 2)), ("CHECKIN-INTERIM-2", D(2026, 4, 23)),
          ("CHECKIN-MAIN", D(2026, 6, 1))]),
        # The main check-in already made (on 2 April, say they called): no new interim is planned.
        ({"done": done(("CHECKIN-MAIN", "2026-04-02"))}, [("CHECKIN-MAIN", D(2026, 6, 1))]),
        # A done interim is listed even after the main check-in was made.
        ({"done": done(("CHECKIN-INTERIM-1", "2026-04-02"), ("CHECKIN-MAIN", "2026-04-20"))},
         [("CHECKIN-INTERIM-1", D(2026, 4, 2)), ("CHECKIN-MAIN", D(2026, 6, 1))]),
        # The last interim made late, on Thu 28 May: the main check-in moves to Thu 4 June.
        ({"done": done(("CHECKIN-INTERIM-1", "2026-04-02"), ("CHECKIN-INTERIM-2", "2026-04-23"),
                       ("CHECKIN-INTERIM-3", "2026-05-28"))},
         [("CHECKIN-INTERIM-1", D(2026, 4, 2)), ("CHECKIN-INTERIM-2", D(2026, 4, 23)),
          ("CHECKIN-INTERIM-3", D(2026, 5, 14)), ("CHECKIN-MAIN", D(2026, 6, 4))]),
    ],
)  # fmt: skip
def test_interims_chain_and_light_ones_drop(
    fields: dict[str, Any], expected: list[tuple[str, dt.date]]
) -> None:
    """Interims follow the one before them; one that only fits within a week of F is dropped."""
    found = [entry for entry in status(**LONG, **fields) if "REPEAT" not in entry[0]]
    assert found == expected


def test_new_decision_date_moves_the_next_contact() -> None:
    """Main check-in made on 19 March, then a decision by Fri 10 April: next repeat on Mon 13."""
    result = items(decision_date="2026-04-10", done=done(("CHECKIN-MAIN", "2026-03-19")))
    assert (result["CHECKIN-MAIN"].due, result["CHECKIN-MAIN"].done) == (
        D(2026, 4, 13), D(2026, 3, 19),
    )  # fmt: skip
    assert result["CHECKIN-REPEAT-1"].due == D(2026, 4, 13)
    assert "CHECKIN-INTERIM-1" not in result


def test_known_outcome_counts_nothing_from_today() -> None:
    """After an offer on Mon 20 April, missed check-ins stay where they were, as history."""
    result = items(outcome="offer", outcome_date="2026-04-20", today="2026-04-22")
    assert [(k, i.due, i.overdue) for k, i in result.items() if k.startswith("CHECKIN-")] == [
        ("CHECKIN-MAIN", D(2026, 3, 19), True),
        ("CHECKIN-REPEAT-1", D(2026, 3, 30), True),
        ("CHECKIN-REPEAT-2", D(2026, 4, 9), True),
    ]


def test_today_before_anything_is_due_changes_nothing() -> None:
    """Planned on the interview day, the plan is the untouched one but for today's mark."""
    untouched = [(i.key, i.due) for i in planned().items]
    assert [(i.key, i.due) for i in planned(today="2026-03-12").items] == untouched


# -- warnings: a tick that names no step ---------------------------------------------


@pytest.mark.parametrize(
    ("fields", "key"),
    [
        ({}, "TY-EMAIL-3"),  # a third interviewer removed
        ({"company_style": "tech_or_social_media"}, "TY-NOTE-1"),  # no notes for tech
        ({}, "CHECKIN-INTERIM-1"),  # a short timeline has no interims
        ({}, "OFFER-THANKS"),  # no offer yet
        ({}, "SOMETHING-ELSE"),
    ],
)
def test_a_tick_for_a_missing_step_is_a_warning(fields: dict[str, Any], key: str) -> None:
    """A done key that names no step is left out with a warning on its key; the plan stands."""
    ticks = done(("TY-EMAIL-1", "2026-03-12"), (key, "2026-03-14"))
    result = planned(today="2026-03-20", done=ticks, **fields)
    assert [w.field for w in result.warnings if w.field.startswith("done")] == ["done[1].key"]
    assert key not in {item.key for item in result.items}
    assert {item.key: item.done for item in result.items}["TY-EMAIL-1"] == D(2026, 3, 12)


def test_a_done_later_interim_beyond_the_chain_is_a_warning() -> None:
    """Interims stop at the first one not listed: a tick for a later one names nothing."""
    result = planned(**LONG, today="2026-05-27", done=done(("CHECKIN-INTERIM-2", "2026-05-26")))
    assert [w.field for w in result.warnings] == ["done[0].key"]


# -- validation ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "fields"),
    [
        ("TY-EMAIL-1", {"done"}),
        ([{"key": "TY-EMAIL-1", "date": "2026-03-12"}] * 201, {"done"}),
        ([7], {"done[0]"}),
        ([{"date": "2026-03-12"}], {"done[0].key"}),
        ([{"key": 1, "date": "2026-03-12"}], {"done[0].key"}),
        ([{"key": "TY-EMAIL-1"}], {"done[0].date"}),
        ([{"key": "TY-EMAIL-1", "date": "2026-3-12"}], {"done[0].date"}),
        ([{"key": "TY-EMAIL-1", "date": "2026-02-30"}], {"done[0].date"}),
        ([{"key": "TY-EMAIL-1", "date": "2026-03-11"}], {"done[0].date"}),  # before I
        ([{"key": "TY-EMAIL-1", "date": "2026-03-21"}], {"done[0].date"}),  # after today
        ([{"key": "TY-EMAIL-1", "date": "2026-03-12", "note": 5}], {"done[0].note"}),
        # A key used again is an error on the later entry, whatever the earlier one's errors.
        ([{"key": "TY-EMAIL-1", "date": "bad"}, {"key": "TY-EMAIL-1", "date": "2026-03-12"}],
         {"done[0].date", "done[1].key"}),
    ],
)  # fmt: skip
def test_done_validation(value: Any, fields: set[str]) -> None:
    """Each §13 error is reported on its own path, with today on Friday 20 March."""
    raw = {"interview_date": "2026-03-12", "interviewers": [DANA], "today": "2026-03-20"}
    result = parse_input({**raw, "done": value})
    assert isinstance(result, list)
    assert {problem.field for problem in result} == fields
    assert all(problem.message for problem in result)


def test_done_accepts_the_edges() -> None:
    """Done on the interview day and on today, with a null note, or 200 entries: accepted."""
    raw = {"interview_date": "2026-03-12", "interviewers": [DANA], "today": "2026-03-20"}
    ticks = [{"key": "TY-EMAIL-1", "date": "2026-03-12", "note": None},
             {"key": "KEEP-SEARCHING", "date": "2026-03-20"}]  # fmt: skip
    assert isinstance(parse_input({**raw, "done": ticks}), Interview)
    many = [{"key": f"X-{n}", "date": "2026-03-12"} for n in range(200)]
    assert isinstance(parse_input({**raw, "done": many}), Interview)
    assert isinstance(parse_input({**raw, "done": None}), Interview)


def test_done_errors_come_with_every_other_error() -> None:
    """A bad done list is reported together with the input's other errors."""
    result = parse_input({"interview_date": "2026-03-12", "interviewers": [], "done": [1]})
    assert isinstance(result, list)
    assert {problem.field for problem in result} == {"interviewers", "done[0]"}


@pytest.mark.parametrize(("field", "value"), [("id", 7), ("archived", "yes")])
def test_id_and_archived_types(field: str, value: Any) -> None:
    """id must be text and archived true or false; a wrong type is an error."""
    raw = {"interview_date": "2026-03-12", "interviewers": [DANA], field: value}
    result = parse_input(raw)
    assert isinstance(result, list) and [p.field for p in result] == [field]


def test_id_and_archived_change_no_date() -> None:
    """An id and the archived flag leave the plan exactly as it was."""
    assert planned(id="a1b2", archived=True).items == planned().items
