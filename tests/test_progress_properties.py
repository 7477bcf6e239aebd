"""Property tests for spec §13 (progress) and §14 (the agenda), over generated inputs."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.bridge import handle
from planner.citations import index_of
from planner.dates import bd, plus
from planner.model import Interview, Item, Outcome, Plan
from planner.rules import plan
from planner.validate import parse_input
from tests.test_invariants import iso, json_values, valid_inputs

FAST = settings(deadline=None, max_examples=200)
CHAIN = ("CHECKIN-REQUESTED", "CHECKIN-INTERIM", "CHECKIN-MAIN", "CHECKIN-REPEAT")


def _interview(raw: dict[str, Any]) -> Interview:
    interview = parse_input(raw)
    assert isinstance(interview, Interview), interview
    return interview


@st.composite
def with_progress(draw: st.DrawFn, in_order: bool = False) -> tuple[Interview, Plan]:
    """A valid pending input with a today, and some of its steps done on days up to today.

    The ticks are drawn from the untouched plan's keys (and keys that name nothing), each
    done on a day between the interview and today. With ``in_order``, the status contacts
    are ticked as a person makes them: each the first one not yet done, on a day no
    earlier than the one before.
    """
    raw = draw(valid_inputs())
    start = dt.date.fromisoformat(raw["interview_date"])
    today = plus(start, draw(st.integers(0, 300)))
    raw["today"] = iso(today)
    keys = [item.key for item in plan(_interview(raw)).items]
    keys += ["CHECKIN-INTERIM-1", "CHECKIN-INTERIM-2", "TY-EMAIL-9"]
    if in_order:
        keys = [key for key in keys if not key.startswith("CHECKIN-")]
    chosen = draw(st.lists(st.sampled_from(keys), unique=True, max_size=8))
    span = (today - start).days
    raw["done"] = [
        {"key": key, "date": iso(plus(start, draw(st.integers(0, span))))} for key in chosen
    ]
    if in_order:
        day = start
        for _ in range(draw(st.integers(0, 6))):
            contacts = chain(plan(_interview(raw)))
            first = next((item for item in contacts if item.done is None), None)
            if first is None:
                break
            day = plus(day, draw(st.integers(0, (today - day).days)))
            raw["done"].append({"key": first.key, "date": iso(day)})
    interview = _interview(raw)
    return interview, plan(interview)


def chain(result: Plan) -> list[Item]:
    """The status contacts in chain order (§13): requested, interims, main, repeats."""
    contacts = [item for item in result.items if item.key.startswith("CHECKIN-")]
    return sorted(contacts, key=lambda item: (CHAIN.index(_kind(item.key)), index_of(item.key)))


def _kind(key: str) -> str:
    return next(kind for kind in CHAIN if key.startswith(kind))


def made(item: Item, interview: Interview) -> dt.date:
    """§13's A(x): the day done, else today when overdue while pending, else the due day."""
    if item.done is not None:
        return item.done
    pending = interview.outcome is Outcome.PENDING
    if pending and interview.today is not None and item.due < interview.today:
        return interview.today
    return item.due


def main_date(interview: Interview) -> dt.date:
    """F of §4, computed here from the spec's own definitions."""
    start = interview.interview_date
    floors = [bd(plus(interview.decision_date, 1)) if interview.decision_date
              else bd(plus(start, 7))]  # fmt: skip
    if interview.wait_days is not None and interview.contact_on is None:
        floors.append(bd(plus(start, interview.wait_days)))
    if interview.contact_on is not None:
        floors.append(bd(plus(interview.contact_on, 7)))
    return max(floors)


@FAST
@given(with_progress(in_order=True))
def test_at_most_one_overdue_checkin_while_pending(case: tuple[Interview, Plan]) -> None:
    """While pending, with contacts ticked in order, at most one CHECKIN-* is overdue.

    Every status contact after the overdue one is due after today. (A later contact ticked
    while an earlier one is not can leave both the earlier one and the one after the
    ticked one overdue: the rules count from what was recorded.)
    """
    interview, result = case
    contacts = chain(result)
    overdue = [item for item in contacts if item.overdue]
    assert len(overdue) <= 1, [(item.key, item.due) for item in overdue]
    if overdue:
        later = contacts[contacts.index(overdue[0]) + 1 :]
        assert all(item.due > (interview.today or item.due) for item in later)


@FAST
@given(with_progress())
def test_status_contacts_a_week_after_the_one_made_before(case: tuple[Interview, Plan]) -> None:
    """With no agreed interval, a status contact is due 7+ days after the last one was made."""
    interview, result = case
    if interview.agreed_update_interval_days is None:
        for earlier, later in itertools.pairwise(chain(result)):
            assert (later.due - made(earlier, interview)).days >= 7, (earlier, later)


@FAST
@given(with_progress())
def test_first_repeat_never_before_main_date(case: tuple[Interview, Plan]) -> None:
    """CHECKIN-REPEAT-1 is never due before F, whatever was done and whenever."""
    interview, result = case
    (repeat,) = [item for item in result.items if item.key == "CHECKIN-REPEAT-1"]
    assert repeat.due >= main_date(interview)


@FAST
@given(with_progress())
def test_done_and_at_items_are_never_overdue(case: tuple[Interview, Plan]) -> None:
    """An item done, or belonging to the interview itself, is never overdue."""
    _, result = case
    for item in result.items:
        if item.done is not None or item.key.startswith("AT-"):
            assert not item.overdue, item.key


def reference_checkins(interview: Interview) -> list[tuple[str, dt.date]]:
    """§5's status contacts for an untouched plan, written straight from the spec's algorithms."""
    start, main = interview.interview_date, main_date(interview)
    persistent = interview.persistent_role
    found: list[tuple[str, dt.date]] = []
    if interview.contact_on is not None:
        found.append(("CHECKIN-REQUESTED", interview.contact_on))
    if (main - start).days > 28:
        step = 14 if persistent else 21
        first = plus(start, step)
        wait = None
        if interview.wait_days is not None and interview.contact_on is None:
            wait = bd(plus(start, interview.wait_days))
        if wait is not None and wait > first:
            first = wait
        if interview.contact_on is not None and plus(interview.contact_on, 7) > first:
            first = plus(interview.contact_on, 7)
        day, k = bd(first), 1
        while day <= plus(main, -7):
            found.append((f"CHECKIN-INTERIM-{k}", day))
            day, k = bd(plus(day, step)), k + 1
    found.append(("CHECKIN-MAIN", main))
    cadence = interview.agreed_update_interval_days or (7 if persistent else 10)
    day = main
    for k in (1, 2, 3):
        day = bd(plus(day, cadence))
        found.append((f"CHECKIN-REPEAT-{k}", day))
    return found


@FAST
@given(valid_inputs())
def test_untouched_plans_are_the_plans_of_section_5(raw: dict[str, Any]) -> None:
    """With no done and no today, the status contacts are exactly §5's, none done or overdue."""
    raw.pop("today", None)
    interview = _interview(raw)
    result = plan(interview)
    assert [(item.key, item.due) for item in chain(result)] == reference_checkins(interview)
    assert all(item.done is None and not item.overdue for item in result.items)


@settings(deadline=None, max_examples=150)
@given(
    st.lists(json_values | valid_inputs(outcomes=True), max_size=4) | json_values,
    json_values | st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31)).map(iso),
    json_values | st.integers(-5, 400),
    st.sampled_from([None, "md", "text", "ics", "pdf"]),
)
def test_any_agenda_request_is_answered(inputs: Any, today: Any, days: Any, fmt: Any) -> None:
    """Any JSON at all sent to the agenda and record ops gets an answer, never an internal error."""
    for kind in ("agenda", "record"):
        op = kind if fmt is None else f"render_{kind}"
        request = {"protocol": 1, "id": 1, "op": op, "inputs": inputs, "today": today, "days": days}
        if fmt is not None:
            request["format"] = fmt
        response = json.loads(handle(json.dumps(request)))
        assert response["id"] == 1
        if not response["ok"]:
            assert response["error"]["code"] == "bad_request", response
