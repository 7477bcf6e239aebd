"""Property tests: the invariants of spec §8 over generated inputs, and robustness."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from planner import citations
from planner.dates import bd, is_business_day, plus
from planner.model import Interview, Item, Plan, Problem
from planner.rules import plan
from planner.timing import TimingResult, parse_timing, timing_to_json
from planner.validate import parse_input

FAST = settings(deadline=None, max_examples=200)  # keeps the unit suite to seconds
NAMES = ("Dana", "Lee", "Kim", " Ola ", "Sam")
STATUS = ("CHECKIN-INTERIM", "CHECKIN-MAIN", "CHECKIN-REPEAT")

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)  # fmt: skip


def iso(day: dt.date) -> str:
    return day.isoformat()


@st.composite
def valid_inputs(draw: st.DrawFn, outcomes: bool = False) -> dict[str, Any]:
    """A valid raw input, with a pending outcome unless ``outcomes`` is true."""
    start = draw(st.dates(dt.date(2000, 1, 1), dt.date(2098, 1, 1)))
    people = draw(st.lists(st.fixed_dictionaries({"name": st.sampled_from(NAMES)}, optional={
        "phone": st.sampled_from(["", "  ", "555 0101"]),
        "email": st.sampled_from(["", "x@example.com"]),
        "is_decision_maker": st.booleans(),
        "title": st.text(max_size=5),
    }), min_size=1, max_size=4))  # fmt: skip
    names = [person["name"] for person in people]
    raw: dict[str, Any] = {"interview_date": iso(start), "interviewers": people}
    optional: dict[str, st.SearchStrategy[Any]] = {
        "interview_round": st.integers(1, 20),
        "company_style": st.sampled_from(
            ["traditional", "tech_or_social_media", "other_or_unknown"]
        ),
        "decision_date": st.integers(1, 200).map(lambda n: iso(plus(start, n))),
        "wait_days": st.integers(1, 365),
        "contact_on": st.integers(1, 120).map(lambda n: iso(plus(start, n))),
        "agreed_update_interval_days": st.integers(1, 365),
        "persistent_role": st.booleans(),
        "has_referees": st.booleans(),
        "concern_raised": st.sampled_from(["", "no SQL"]),
        "concern_raised_by": st.sampled_from(names),
        "today": st.integers(-10, 400).map(lambda n: iso(plus(start, n))),
        "materials": st.lists(st.fixed_dictionaries(
            {"description": st.sampled_from(["CV", "references"]),
             "due_date": st.integers(0, 14).map(lambda n: iso(plus(start, n)))},
            optional={"is_reference_list": st.booleans(), "requested_by": st.sampled_from(names),
                      "due_time": st.sampled_from(["morning", "09:00"])},
        ), max_size=3),
    }  # fmt: skip
    for key, strategy in optional.items():
        if draw(st.booleans()):
            raw[key] = draw(strategy)
    if outcomes and draw(st.booleans()):
        raw["outcome"] = draw(st.sampled_from(["offer", "rejection", "next_round"]))
        heard = plus(start, draw(st.integers(0, 120)))
        raw["outcome_date"] = iso(heard)
        raw["today"] = iso(plus(heard, draw(st.integers(0, 30))))
    return raw


def planned(raw: dict[str, Any]) -> tuple[Interview, Plan]:
    interview = parse_input(raw)
    assert isinstance(interview, Interview), interview
    return interview, plan(interview)


def status_contacts(result: Plan) -> list[Item]:
    return [item for item in result.items if item.key.startswith(STATUS)]


def check_1_no_early_status_contact(interview: Interview, result: Plan) -> None:
    """Invariant 1: no status contact before I + 2; CHECKIN-REQUESTED exactly on contact_on."""
    for item in status_contacts(result):
        assert item.due >= plus(interview.interview_date, 2), item
    requested = [item.due for item in result.items if item.key == "CHECKIN-REQUESTED"]
    assert requested == ([] if interview.contact_on is None else [interview.contact_on])


def check_2_business_days(interview: Interview, result: Plan) -> None:
    """Invariant 2: every status contact is due on a business day."""
    assert all(is_business_day(item.due) for item in status_contacts(result))


def check_3_floors(interview: Interview, result: Plan) -> None:
    """Invariant 3: the main check-in respects its base; waits and requested days are floors."""
    start, decision = interview.interview_date, interview.decision_date
    main = next(item for item in result.items if item.key == "CHECKIN-MAIN")
    assert main.due >= (bd(plus(decision, 1)) if decision else bd(plus(start, 7)))
    checkins = [item for item in result.items if item.key.startswith("CHECKIN-")]
    if interview.wait_days is not None and interview.contact_on is None:
        assert all(item.due >= plus(start, interview.wait_days) for item in checkins)
    if interview.contact_on is not None:
        floor = plus(interview.contact_on, 7)
        assert all(item.due >= floor for item in status_contacts(result))


def check_4_a_week_apart(interview: Interview, result: Plan) -> None:
    """Invariant 4: without an agreed interval, status contacts are at least 7 days apart."""
    if interview.agreed_update_interval_days is None:
        days = [item.due for item in status_contacts(result)]
        assert all((later - earlier).days >= 7 for earlier, later in itertools.pairwise(days))


def check_6_thank_you_emails(interview: Interview, result: Plan) -> None:
    """Invariant 6: one thank-you email per interviewer, due on I with latest I + 1."""
    emails = [item for item in result.items if item.key.startswith("TY-EMAIL-")]
    assert [item.recipient for item in emails] == [p.name for p in interview.interviewers]
    start = interview.interview_date
    assert all((item.due, item.latest) == (start, plus(start, 1)) for item in emails)


def check_7_notes(interview: Interview, result: Plan) -> None:
    """Invariant 7: no note for tech, optional notes for unknown, required for traditional."""
    notes = [item for item in result.items if item.key.startswith("TY-NOTE-")]
    style = interview.company_style.value
    if style == "tech_or_social_media":
        assert notes == []
    else:
        assert len(notes) == len(interview.interviewers)
        assert all(item.optional is (style == "other_or_unknown") for item in notes)


@FAST
@given(valid_inputs())
def test_invariants_of_section_8(raw: dict[str, Any]) -> None:
    """Every pending plan keeps invariants 1, 2, 3, 4, 6 and 7 of §8."""
    interview, result = planned(raw)
    check_1_no_early_status_contact(interview, result)
    check_2_business_days(interview, result)
    check_3_floors(interview, result)
    check_4_a_week_apart(interview, result)
    check_6_thank_you_emails(interview, result)
    check_7_notes(interview, result)


@FAST
@given(
    st.dates(dt.date(2000, 1, 1), dt.date(2098, 1, 1)),
    st.integers(1, 200),
    st.booleans(),
    st.integers(1, 3),
)
def test_never_a_month_of_silence(start: dt.date, days: int, persistent: bool, people: int) -> None:
    """Invariant 5: with a decision date and no other instruction, no gap exceeds 29 days."""
    raw = {
        "interview_date": iso(start),
        "decision_date": iso(plus(start, days)),
        "persistent_role": persistent,
        "interviewers": [{"name": name} for name in NAMES[:people]],
    }
    interview, result = planned(raw)
    dues = [interview.interview_date]
    dues += [item.due for item in result.items if item.key.startswith("CHECKIN-")]
    assert all((later - earlier).days <= 29 for earlier, later in itertools.pairwise(dues))


#: The kinds in the within-a-day order of spec §7, written out from the spec, not the code.
SPEC_KIND_ORDER = (
    "AT-CONTACTS", "AT-TIMELINE", "AT-CONCERNS", "AT-WANT-JOB", "TY-EMAIL", "REFEREES", "MAT",
    "KEEP-SEARCHING", "TY-NOTE", "CHECKIN-REQUESTED", "CHECKIN-INTERIM", "CHECKIN-MAIN",
    "CHECKIN-REPEAT", "OFFER-THANKS", "REJ-REPLY", "NEXT-ROUND",
)  # fmt: skip


def spec_kind_and_number(key: str) -> tuple[int, int]:
    """A key's place in :data:`SPEC_KIND_ORDER` and its index n or k (0 when it has none)."""
    found = re.fullmatch(r"([A-Z-]+?)(?:-([0-9]+))?", key)
    assert found is not None and found[1] in SPEC_KIND_ORDER, key
    return SPEC_KIND_ORDER.index(found[1]), int(found[2] or 0)


def in_spec_order(a: Item, b: Item) -> bool:
    """§7: by due date, then by kind within a day, then by the index within a kind."""
    (kind_a, n_a), (kind_b, n_b) = spec_kind_and_number(a.key), spec_kind_and_number(b.key)
    if a.due != b.due:
        return a.due < b.due
    if kind_a != kind_b:
        return kind_a < kind_b
    return n_a < n_b


def test_the_code_knows_the_spec_kind_order() -> None:
    """citations.KINDS is the §7 order."""
    assert citations.KINDS == SPEC_KIND_ORDER


@settings(deadline=None, max_examples=100)
@given(valid_inputs(outcomes=True))
def test_any_valid_input_plans_sorted_and_deterministic(raw: dict[str, Any]) -> None:
    """Any valid input plans, its items sorted as in §7 with unique keys, the same every time."""
    interview, result = planned(raw)
    for earlier, later in itertools.pairwise(result.items):
        assert in_spec_order(earlier, later), (earlier.key, earlier.due, later.key, later.due)
    keys = [item.key for item in result.items]
    assert len(keys) == len(set(keys))
    assert planned(raw)[1] == result == plan(interview)
    today = interview.today
    for item in result.items:
        late = today is not None and (item.latest or item.due) < today
        assert item.overdue is (late and not item.key.startswith("AT-")), item.key


@settings(deadline=None, max_examples=120)
@given(json_values, json_values | st.just(None))
def test_any_json_value_never_raises(raw: object, today: object) -> None:
    """Any JSON value at all given to parse_input returns an Interview or problems, never raises."""
    result = parse_input(raw, today)
    if isinstance(result, list):
        assert result and all(isinstance(problem, Problem) for problem in result)
        assert len({problem.field for problem in result}) == len(result)
    else:
        assert isinstance(plan(result), Plan)


@settings(deadline=None, max_examples=100)
@given(valid_inputs(outcomes=True), st.sampled_from(["interview_date", "interviewers",
       "materials", "decision_date", "wait_days", "outcome", "today", "strengths",
       "concern_raised_by", "interview_round", "company_style"]), json_values)  # fmt: skip
def test_any_json_value_in_any_field_never_raises(
    raw: dict[str, Any], key: str, value: object
) -> None:
    """Any JSON value in a field of a valid input gives an Interview or problems, never raises."""
    raw[key] = value
    result = parse_input(raw)
    assert isinstance(result, Interview | list)
    if isinstance(result, Interview):
        plan(result)


@FAST
@given(st.text(max_size=40), st.dates(dt.date(1990, 1, 1), dt.date(2110, 1, 1)).map(iso))
def test_parse_timing_never_raises(text: str, interview_date: str) -> None:
    """Any phrase gives a reading, understood with a field and value or not understood."""
    result = parse_timing(text, interview_date)
    assert isinstance(result, TimingResult) and result.explanation
    assert (result.value is not None) is result.understood
    assert set(timing_to_json(result)) == {
        "understood",
        "field",
        "value",
        "explanation",
        "ask_user",
    }
