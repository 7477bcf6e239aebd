"""Tests for planner.rules: the dated checklist of spec §4 to §10, case by case (§9)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest

from planner import api, checkins, citations, rules
from planner.model import Basis, Channel, Interview, Item, Phase, Plan
from planner.validate import parse_input

D = dt.date
DANA = {"name": "Dana", "email": "dana@example.com"}
LEE = {"name": "Lee", "phone": "555 0101", "is_decision_maker": True}


def make_plan(**fields: Any) -> Plan:
    """Plan an input: interview on Thu 2026-03-12 with Dana, unless fields say otherwise."""
    raw: dict[str, Any] = {"interview_date": "2026-03-12", "interviewers": [DANA], **fields}
    interview = parse_input(raw)
    assert isinstance(interview, Interview), interview
    return rules.plan(interview)


def by_key(**fields: Any) -> dict[str, Item]:
    """Plan an input and index its items by key."""
    return {item.key: item for item in make_plan(**fields).items}


def dues(items: dict[str, Item], prefix: str) -> list[dt.date]:
    """The due dates of every item whose key starts with a prefix, in key order."""
    return [item.due for key, item in items.items() if key.startswith(prefix)]


def test_one_name_for_guidance_and_kind_order() -> None:
    """Guidance ids and the kind order are named once, in citations; rules has no alias."""
    assert not hasattr(rules, "GUIDANCE") and not hasattr(rules, "KIND_ORDER")
    assert make_plan().guidance == citations.GUIDANCE_IDS


def test_schedule_keeps_only_what_is_read() -> None:
    """The schedule holds the derived values later steps read; B and Q only bound F."""
    names = [field.name for field in dataclasses.fields(checkins.Schedule)]
    assert names == [
        "primary_index", "primary", "channel", "wait", "main", "interim_start",
        "interim_cadence", "cadence",
    ]  # fmt: skip


def test_rules_leave_drafts_to_the_api() -> None:
    """rules.plan writes no drafts; api.build always adds them, one per message item."""
    raw = {"interview_date": "2026-03-12", "interviewers": [DANA]}
    assert make_plan().drafts == ()
    built = api.build(raw, None)
    assert not isinstance(built, list)
    assert [draft.item for draft in built[1].drafts][:1] == ["TY-EMAIL-1"]


def test_constants() -> None:
    """The constants of §3 have their specified values."""
    assert (rules.FIRST_DEFAULT_DAYS, rules.REPEAT_DAYS, rules.REPEAT_DAYS_PERSISTENT) == (7, 10, 7)
    assert (rules.INTERIM_DAYS, rules.INTERIM_DAYS_PERSISTENT) == (21, 14)
    assert (rules.LONG_THRESHOLD_DAYS, rules.INTERIM_BUFFER_DAYS) == (28, 7)
    assert (rules.REQUESTED_GAP_DAYS, rules.N_REPEATS, rules.NOTE_OFFSET) == (7, 3, 2)
    assert (rules.REFEREE_OFFSET, rules.KEEP_SEARCHING_OFFSET) == (1, 1)


def test_default_plan_in_order() -> None:
    """Without a decision date: the interview-day items, a check-in a week later, 3 repeats."""
    items = make_plan().items
    assert [(item.key, item.due) for item in items] == [
        ("AT-CONTACTS", D(2026, 3, 12)),
        ("AT-TIMELINE", D(2026, 3, 12)),
        ("AT-CONCERNS", D(2026, 3, 12)),
        ("AT-WANT-JOB", D(2026, 3, 12)),
        ("TY-EMAIL-1", D(2026, 3, 12)),
        ("REFEREES", D(2026, 3, 13)),
        ("KEEP-SEARCHING", D(2026, 3, 13)),
        ("TY-NOTE-1", D(2026, 3, 14)),
        ("CHECKIN-MAIN", D(2026, 3, 19)),
        ("CHECKIN-REPEAT-1", D(2026, 3, 30)),  # Sun 29th moves to Monday
        ("CHECKIN-REPEAT-2", D(2026, 4, 9)),
        ("CHECKIN-REPEAT-3", D(2026, 4, 20)),  # Sun 19th moves to Monday
    ]


@pytest.mark.parametrize(
    ("key", "phase", "latest", "recipient", "channel", "optional"),
    [
        ("AT-CONTACTS", Phase.BEFORE_LEAVING, None, None, None, False),
        ("AT-WANT-JOB", Phase.BEFORE_LEAVING, None, None, None, False),
        ("TY-EMAIL-1", Phase.SAME_DAY, D(2026, 3, 13), "Dana", Channel.EMAIL, False),
        ("REFEREES", Phase.SAME_DAY, None, None, None, False),
        ("KEEP-SEARCHING", Phase.DAYS_AFTER, None, None, None, False),
        ("TY-NOTE-1", Phase.DAYS_AFTER, None, "Dana", Channel.POST, True),
        ("CHECKIN-MAIN", Phase.WAITING, None, "Dana", Channel.EMAIL, False),
        ("CHECKIN-REPEAT-3", Phase.WAITING, None, "Dana", Channel.EMAIL, False),
    ],
)
def test_item_fields(
    key: str, phase: Phase, latest: dt.date | None, recipient: str | None,
    channel: Channel | None, optional: bool,
) -> None:  # fmt: skip
    """Each item kind has the phase, latest date, recipient, channel and optional flag of §5."""
    item = by_key()[key]
    assert (item.phase, item.latest, item.recipient, item.channel, item.optional) == (
        phase, latest, recipient, channel, optional,
    )  # fmt: skip
    assert item.advice and item.basis and item.title and item.overdue is False


def test_advice_and_basis_of_main_checkin() -> None:
    """The main check-in cites the one-week advice first when no decision date is known."""
    item = by_key()["CHECKIN-MAIN"]
    assert item.advice[0] == "first-check-in-about-a-week"
    assert "first-contact-by-phone" not in item.advice
    assert item.basis == (Basis.SEED, Basis.RES, Basis.PROP)
    assert item.steps[0].startswith("Keep it short")


def test_guidance() -> None:
    """Every plan carries the §10 guidance ids, in order, and no drafts."""
    plan = make_plan()
    assert plan.guidance[:3] == ("follow-up-is-expected", "employers-judge-follow-up",
                                 "stay-top-of-mind")  # fmt: skip
    assert plan.guidance[-1] == "cannot-rescue-bad-interview" and len(plan.guidance) == 11
    assert plan.drafts == ()


@pytest.mark.parametrize(
    ("decision", "main"),
    [
        ("2026-03-13", D(2026, 3, 16)),  # Fri: the next business day is Monday
        ("2026-03-19", D(2026, 3, 20)),  # Thu -> Fri
        ("2026-03-20", D(2026, 3, 23)),  # Fri -> Mon
        ("2026-03-21", D(2026, 3, 23)),  # Sat -> Mon
        ("2026-03-22", D(2026, 3, 23)),  # Sun -> Mon
        ("2026-04-08", D(2026, 4, 9)),  # 27 days out: no interims
    ],
)
def test_decision_date(decision: str, main: dt.date) -> None:
    """A decision date puts the main check-in on the first business day after it."""
    items = by_key(decision_date=decision)
    assert items["CHECKIN-MAIN"].due == main
    assert items["CHECKIN-MAIN"].advice[0] == "check-in-after-stated-date"
    assert not dues(items, "CHECKIN-INTERIM")


@pytest.mark.parametrize(
    ("fields", "interims", "main"),
    [
        ({"decision_date": "2026-06-12"},
         [D(2026, 4, 2), D(2026, 4, 23), D(2026, 5, 14), D(2026, 6, 4)], D(2026, 6, 15)),
        ({"decision_date": "2026-06-12", "persistent_role": True},
         [D(2026, 3, 26), D(2026, 4, 9), D(2026, 4, 23), D(2026, 5, 7), D(2026, 5, 21),
          D(2026, 6, 4)], D(2026, 6, 15)),
        ({"decision_date": "2026-06-12", "wait_days": 30},
         [D(2026, 4, 13), D(2026, 5, 4), D(2026, 5, 25)], D(2026, 6, 15)),
        ({"decision_date": "2026-06-12", "contact_on": "2026-04-10"},
         [D(2026, 4, 17), D(2026, 5, 8), D(2026, 5, 29)], D(2026, 6, 15)),
        ({"decision_date": "2026-04-10"}, [D(2026, 4, 2)], D(2026, 4, 13)),  # 32 days out
        ({"wait_days": 60}, [], D(2026, 5, 11)),  # interims never before the wait
        ({"decision_date": "2026-04-09"}, [D(2026, 4, 2)], D(2026, 4, 10)),  # 29 days out
    ],
)  # fmt: skip
def test_long_timeline_interims(
    fields: dict[str, Any], interims: list[dt.date], main: dt.date
) -> None:
    """A main check-in more than 28 days out gets email interims every 21 (or 14) days before it."""
    items = by_key(interviewers=[LEE], **fields)
    assert dues(items, "CHECKIN-INTERIM") == interims
    assert items["CHECKIN-MAIN"].due == main
    for key in items:
        if key.startswith("CHECKIN-INTERIM"):
            assert items[key].channel is Channel.EMAIL and items[key].recipient == "Lee"


@pytest.mark.parametrize(
    ("fields", "main"),
    [
        ({"wait_days": 3}, D(2026, 3, 19)),  # shorter than a week: no change
        ({"wait_days": 7}, D(2026, 3, 19)),
        ({"wait_days": 8}, D(2026, 3, 20)),
        ({"wait_days": 9}, D(2026, 3, 23)),  # Sat -> Mon
        ({"wait_days": 14}, D(2026, 3, 26)),
        ({"wait_days": 10, "decision_date": "2026-03-20"}, D(2026, 3, 23)),
        ({"wait_days": 12, "decision_date": "2026-03-20"}, D(2026, 3, 24)),
        ({"wait_days": 2, "decision_date": "2026-03-30"}, D(2026, 3, 31)),
    ],
)
def test_wait_is_a_floor(fields: dict[str, Any], main: dt.date) -> None:
    """A requested wait can only move the main check-in later, to a business day."""
    items = by_key(**fields)
    assert items["CHECKIN-MAIN"].due == main
    assert ("respect-requested-wait" in items["CHECKIN-MAIN"].advice) is ("wait_days" in fields)


@pytest.mark.parametrize(
    ("contact_on", "main"),
    [
        ("2026-03-13", D(2026, 3, 20)),  # "call me tomorrow"
        ("2026-03-14", D(2026, 3, 23)),  # a Saturday, kept as it is
        ("2026-03-16", D(2026, 3, 23)),
    ],
)
def test_requested_contact(contact_on: str, main: dt.date) -> None:
    """A requested contact day is its own unshifted item, and the main check-in waits a week."""
    items = by_key(interviewers=[DANA, LEE], contact_on=contact_on)
    requested = items["CHECKIN-REQUESTED"]
    assert requested.due == D.fromisoformat(contact_on)
    assert (requested.recipient, requested.channel) == ("Lee", Channel.PHONE)
    assert requested.advice[:3] == ("contact-when-asked", "no-next-day-status-call",
                                    "first-contact-by-phone")  # fmt: skip
    assert items["CHECKIN-MAIN"].due == main


def test_contact_and_wait_warns() -> None:
    """Both a contact day and a wait: the wait is ignored, with a warning on wait_days."""
    plan = make_plan(contact_on="2026-03-13", wait_days=30)
    main = next(item for item in plan.items if item.key == "CHECKIN-MAIN")
    assert main.due == D(2026, 3, 20)
    assert [warning.field for warning in plan.warnings] == ["wait_days"]


def test_several_interviewers() -> None:
    """Each interviewer gets a thank-you and a note; every check-in goes to the decision maker."""
    items = by_key(interviewers=[DANA, {"name": "Kim"}, LEE])
    assert [items[f"TY-EMAIL-{n}"].recipient for n in (1, 2, 3)] == ["Dana", "Kim", "Lee"]
    assert [items[f"TY-NOTE-{n}"].recipient for n in (1, 2, 3)] == ["Dana", "Kim", "Lee"]
    checkins = [item for key, item in items.items() if key.startswith("CHECKIN")]
    assert {item.recipient for item in checkins} == {"Lee"}
    assert items["CHECKIN-MAIN"].channel is Channel.PHONE
    assert items["CHECKIN-REPEAT-1"].channel is Channel.EMAIL


def test_first_interviewer_is_primary_without_decision_maker() -> None:
    """Without a decision maker, the first interviewer listed is the primary contact."""
    items = by_key(interviewers=[{"name": "Kim", "phone": "1"}, {"name": "Ola"}])
    assert (items["CHECKIN-MAIN"].recipient, items["CHECKIN-MAIN"].channel) == (
        "Kim", Channel.PHONE,
    )  # fmt: skip


def test_second_round() -> None:
    """A second-round thank-you is labelled "another thank-you" and cites thank-after-each-round."""
    item = by_key(interview_round=2)["TY-EMAIL-1"]
    assert "another thank-you" in item.title and "round-2" in item.title
    assert "thank-after-each-round" in item.advice
    assert "thank-after-each-round" not in by_key()["TY-EMAIL-1"].advice


def test_materials_by_tomorrow_morning_on_saturday() -> None:
    """A references list promised for Saturday morning stays on Saturday; referees move to day 0."""
    material = {"description": "my references", "due_date": "2026-03-14", "due_time": "morning",
                "is_reference_list": True}  # fmt: skip
    items = by_key(interview_date="2026-03-13", materials=[material])
    assert items["MAT-1"].due == items["MAT-1"].latest == D(2026, 3, 14)
    assert "before 09:00" in items["MAT-1"].title
    assert (items["MAT-1"].recipient, items["MAT-1"].channel) == ("Dana", Channel.EMAIL)
    assert items["REFEREES"].due == D(2026, 3, 13)


def test_referees_before_materials_on_the_same_day() -> None:
    """On a day with both, the referee debrief comes before the promised material."""
    materials = [
        {"description": "portfolio", "due_date": "2026-03-12", "requested_by": "Lee"},
        {"description": "references", "due_date": "2026-03-12", "is_reference_list": True},
    ]
    keys = [item.key for item in make_plan(interviewers=[DANA, LEE], materials=materials).items]
    assert keys[6:9] == ["REFEREES", "MAT-1", "MAT-2"]
    items = by_key(interviewers=[DANA, LEE], materials=materials)
    assert (items["MAT-1"].recipient, items["MAT-2"].recipient) == ("Lee", "Lee")


def test_no_referees() -> None:
    """Without referees there is no referee debrief."""
    assert "REFEREES" not in by_key(has_referees=False)


@pytest.mark.parametrize(
    ("style", "notes", "optional"),
    [("traditional", True, False), ("tech_or_social_media", False, None),
     ("other_or_unknown", True, True)],
)  # fmt: skip
def test_company_style(style: str, notes: bool, optional: bool | None) -> None:
    """Traditional: a required note on day 2; tech: none; unknown: an optional note."""
    items = by_key(company_style=style)
    assert ("TY-NOTE-1" in items) is notes
    if notes:
        assert items["TY-NOTE-1"].due == D(2026, 3, 14)
        assert items["TY-NOTE-1"].optional is optional


def test_persistent_role() -> None:
    """A persistent role repeats every 7 days by phone; the main check-in is unchanged."""
    items = by_key(interviewers=[LEE], persistent_role=True)
    assert items["CHECKIN-MAIN"].due == D(2026, 3, 19)
    assert dues(items, "CHECKIN-REPEAT") == [D(2026, 3, 26), D(2026, 4, 2), D(2026, 4, 9)]
    assert items["CHECKIN-REPEAT-1"].channel is Channel.PHONE
    assert "persist-for-assertive-roles" in items["CHECKIN-REPEAT-1"].advice


def test_agreed_interval() -> None:
    """An agreed update interval sets the repeat cadence, chained from the main check-in."""
    items = by_key(agreed_update_interval_days=30)
    assert dues(items, "CHECKIN-REPEAT") == [D(2026, 4, 20), D(2026, 5, 20), D(2026, 6, 19)]
    assert "agree-update-plan" in items["CHECKIN-REPEAT-1"].advice


@pytest.mark.parametrize(
    ("outcome", "day", "kept", "added"),
    [
        ("offer", "2026-03-20", {"CHECKIN-MAIN", "KEEP-SEARCHING", "MAT-1", "REFEREES",
                                 "TY-NOTE-1"}, "OFFER-THANKS"),
        ("offer", "2026-03-13", {"MAT-1", "REFEREES"}, "OFFER-THANKS"),
        ("rejection", "2026-03-13", {"KEEP-SEARCHING", "REFEREES"}, "REJ-REPLY"),
        ("rejection", "2026-03-12", {"KEEP-SEARCHING"}, "REJ-REPLY"),
        ("next_round", "2026-03-13", {"KEEP-SEARCHING", "MAT-1", "REFEREES"}, "NEXT-ROUND"),
        ("next_round", "2026-03-12", {"KEEP-SEARCHING", "MAT-1"}, "NEXT-ROUND"),
    ],
)  # fmt: skip
def test_outcomes(outcome: str, day: str, kept: set[str], added: str) -> None:
    """A known outcome drops moot items by the table of §6 and adds its reply on that day."""
    material = {"description": "code sample", "due_date": "2026-03-30"}
    items = by_key(outcome=outcome, outcome_date=day, materials=[material], today="2026-03-30")
    always = {"AT-CONTACTS", "AT-TIMELINE", "AT-CONCERNS", "AT-WANT-JOB", "TY-EMAIL-1"}
    assert set(items) == always | kept | {added}
    reply = items[added]
    assert reply.due == D.fromisoformat(day) and reply.phase is Phase.OUTCOME
    if added == "NEXT-ROUND":
        assert (reply.latest, reply.recipient, reply.channel) == (None, None, None)
    else:
        assert reply.latest == reply.due + dt.timedelta(days=1)
        assert (reply.recipient, reply.channel) == ("Dana", Channel.REPLY)


def test_rejection_reply_steps() -> None:
    """The rejection reply thanks first, then asks for feedback, to stay on file, to connect."""
    reply = by_key(outcome="rejection", outcome_date="2026-03-25")["REJ-REPLY"]
    assert [step.split()[0] for step in reply.steps] == ["Thank", "Politely", "Ask", "Offer"]
    assert reply.advice[0] == "final-thanks-any-outcome"


def test_pending_outcome_date_is_ignored() -> None:
    """An outcome date with a pending outcome changes nothing."""
    assert make_plan(outcome_date="2026-03-13") == make_plan()


@pytest.mark.parametrize(
    ("today", "overdue"),
    [
        (None, set()),
        ("2026-03-12", set()),
        ("2026-03-13", set()),
        ("2026-03-14", {"TY-EMAIL-1", "REFEREES", "KEEP-SEARCHING"}),
    ],
)  # fmt: skip
def test_overdue(today: str | None, overdue: set[str]) -> None:
    """An item is overdue when its latest date, or else its due date, is before today."""
    plan = make_plan(today=today)
    assert {item.key for item in plan.items if item.overdue} == overdue
    assert [item.due for item in plan.items] == [item.due for item in make_plan().items]


def test_weekend_interview() -> None:
    """An interview on a Saturday keeps same-day thanks; computed check-ins move to Monday."""
    items = by_key(interview_date="2026-03-14")
    assert items["TY-EMAIL-1"].due == D(2026, 3, 14)
    assert items["KEEP-SEARCHING"].due == D(2026, 3, 15)
    assert items["CHECKIN-MAIN"].due == D(2026, 3, 23)


@pytest.mark.parametrize(
    ("people", "fields"),
    [
        ([{"name": "Dana"}], ["interviewers[0]"]),
        ([{"name": "Dana", "phone": "  ", "email": ""}], ["interviewers[0]"]),
        ([DANA, {"name": "Lee", "is_decision_maker": True}], ["interviewers[1]"]),
        ([DANA], []),
        ([LEE], []),
    ],
)
def test_no_contact_warning(people: list[dict[str, Any]], fields: list[str]) -> None:
    """A primary contact with neither phone nor email gets a warning; check-ins go by email."""
    plan = make_plan(interviewers=people)
    assert [warning.field for warning in plan.warnings] == fields
    main = next(item for item in plan.items if item.key == "CHECKIN-MAIN")
    assert main.channel is (Channel.PHONE if people == [LEE] else Channel.EMAIL)


@pytest.mark.parametrize(
    ("people", "by", "answering"),
    [
        ([DANA, LEE], None, "TY-EMAIL-2"),  # default: the primary contact
        ([DANA, LEE], "Dana", "TY-EMAIL-1"),
        ([DANA, {"name": "Dana"}], "Dana", "TY-EMAIL-1"),  # the first of two namesakes
    ],
)
def test_concern(people: list[dict[str, Any]], by: str | None, answering: str) -> None:
    """An unresolved concern is answered in the thank-you email to whoever raised it."""
    items = by_key(interviewers=people, concern_raised="no team lead experience",
                   concern_raised_by=by)  # fmt: skip
    answers = {key for key, item in items.items() if "address-concern-in-follow-up" in item.advice}
    assert answers == {answering}
    assert any("reservation" in step for step in items[answering].steps)
    assert items[answering].due == D(2026, 3, 12)


def test_blank_concern_is_no_concern() -> None:
    """A blank concern adds nothing to the thank-you emails."""
    assert make_plan(concern_raised="  ") == make_plan()


def test_last_repeat_note() -> None:
    """Only the last repeat says to continue only if the replies suggest it's welcome."""
    items = by_key()
    assert "welcome" in items["CHECKIN-REPEAT-3"].steps[-1]
    assert not any("welcome" in step for step in items["CHECKIN-REPEAT-2"].steps)
