"""Turn a raw JSON value into a validated :class:`~planner.model.Interview` (spec §2, §2b).

Public contract (other modules code against this):

    parse_input(raw: object, today_override: object = None) -> Interview | list[Problem]

- ``raw`` is any JSON value (as returned by ``json.loads``); anything at all is accepted
  and it never raises.
- ``today_override`` is the command line's ``--today`` or the browser request's ``today``.
  ``None`` means "not given"; otherwise it must be a ``YYYY-MM-DD`` string and replaces the
  input's own ``today`` field. Both are validated; a bad one is reported on ``today``.
- On success it returns an :class:`Interview` with defaults applied and text trimmed
  (blank optional text becomes ``None``; ``requested_by`` / ``concern_raised_by`` stay
  ``None`` when not given, meaning the primary contact).
- On refusal it returns a non-empty ``list[Problem]``: every error at once, at most one per
  field path, each message one plain sentence.

Warnings (§2c) are not produced here; ``rules.plan`` puts them in ``Plan.warnings``.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, TypeVar

from planner.dates import in_range, parse_iso_date
from planner.model import (
    CompanyStyle,
    Done,
    Interview,
    Interviewer,
    Material,
    Outcome,
    Problem,
)

_E = TypeVar("_E", bound=enum.StrEnum)

_LABELS = {
    "interview_date": "the date of your interview",
    "decision_date": "the date they said they would decide by",
    "contact_on": "the date they asked you to contact them",
    "outcome_date": "the date you heard the outcome", "today": "today's date",
    "due_date": "the date you promised to send it", "interview_round": "the interview round",
    "wait_days": "the number of days they asked you to wait",
    "agreed_update_interval_days": "the agreed number of days between updates",
    "company_style": "the kind of company", "outcome": "what you have heard back",
    "title": "the interviewer's job title", "email": "the interviewer's email address",
    "phone": "the interviewer's phone number", "topic": "the point you discussed",
    "is_decision_maker": "whether this person makes the decision",
    "due_time": "the time you promised to send it",
    "is_reference_list": "whether this is a list of references",
    "requested_by": "the person who asked for it", "concern_raised": "the concern they raised",
    "concern_raised_by": "the person who raised the concern",
    "has_referees": "whether you have referees",
    "persistent_role": "whether the job calls for persistent follow-up",
    "company": "the company name", "role": "the job title you applied for",
    "candidate_name": "your name", "candidate_contact": "your contact details",
    "strengths": "your strengths", "id": "the interview's identifier",
    "archived": "whether the interview is archived", "date": "the day you did it",
    "note": "your note about it",
}  # fmt: skip
_EXAMPLE = "as YYYY-MM-DD, for example 2026-03-12"

# The fields of spec §2 and their JSON types, as this module checks them. The schema
# in planner/data/input.schema.json is tested against these tables.
#: Top-level dates, in the order they are checked.
DATES = ("interview_date", "decision_date", "contact_on", "outcome_date", "today")
#: Whole-number fields and the largest value each accepts (§2b rules 7 and 10).
INTEGER_MAX: Mapping[str, int] = MappingProxyType(
    {"interview_round": 20, "wait_days": 365, "agreed_update_interval_days": 365}
)
#: The least value of every whole-number field (§2b rule 7).
INTEGER_MIN = 1
#: Fields whose value must be one of an enumeration's values (§2b rule 4).
CHOICES: Mapping[str, type[enum.StrEnum]] = MappingProxyType(
    {"outcome": Outcome, "company_style": CompanyStyle}
)
#: Top-level text fields.
TEXTS = ("concern_raised", "concern_raised_by", "company", "role", "candidate_name",
         "candidate_contact", "id")  # fmt: skip
#: Top-level true/false fields.
FLAGS = ("has_referees", "persistent_role", "archived")
#: Top-level lists: of interviewer objects, of material objects, of strings, of done steps.
LISTS = ("interviewers", "materials", "strengths", "done")
#: Top-level fields that must be given (§2b rule 2).
REQUIRED = ("interview_date", "interviewers")
#: The fields of an ``interviewers[]`` entry and their types; ``name`` is required.
INTERVIEWER_FIELDS: Mapping[str, str] = MappingProxyType(
    {"name": "text", "title": "text", "email": "text", "phone": "text", "topic": "text",
     "is_decision_maker": "flag"}
)  # fmt: skip
INTERVIEWER_REQUIRED = ("name",)
#: The fields of a ``materials[]`` entry and their types.
MATERIAL_FIELDS: Mapping[str, str] = MappingProxyType(
    {"description": "text", "due_date": "date", "due_time": "text",
     "is_reference_list": "flag", "requested_by": "text"}
)  # fmt: skip
MATERIAL_REQUIRED = ("description", "due_date")
#: The fields of a ``done[]`` entry (spec §13) and their types.
DONE_FIELDS: Mapping[str, str] = MappingProxyType({"key": "text", "date": "date", "note": "text"})
DONE_REQUIRED = ("key", "date")
#: The most ``done`` entries an input may hold (spec §13).
MAX_DONE = 200


class _Checker:
    """Collects at most one problem per field path while reading values."""

    def __init__(self) -> None:
        self.problems: dict[str, str] = {}

    def add(self, path: str, message: str) -> None:
        self.problems.setdefault(path, message)

    def date(
        self, obj: dict[Any, Any], key: str, where: str = "", need: bool = False
    ) -> dt.date | None:
        value, path, label = obj.get(key), where + key, _LABELS[key]
        if value is None:
            if need:
                self.add(path, f"Enter {label}.")
            return None
        day = parse_iso_date(value) if isinstance(value, str) else None
        if day is None:
            self.add(path, f"Give {label} {_EXAMPLE}.")
        elif not in_range(day):
            self.add(path, f"Give {label} as a date between 2000-01-01 and 2099-12-31.")
            return None
        return day

    def name(self, obj: dict[Any, Any], key: str, where: str, ask: str) -> str | None:
        value = obj.get(key)
        if not isinstance(value, str) or not value.strip():
            self.add(where + key, ask)
            return None
        return value.strip()

    def text(self, obj: dict[Any, Any], key: str, where: str = "") -> str | None:
        value = obj.get(key)
        if value is not None and not isinstance(value, str):
            self.add(where + key, f"Give {_LABELS[key]} as text, in quotes.")
        return value.strip() or None if isinstance(value, str) else None

    def boolean(self, obj: dict[Any, Any], key: str, where: str = "") -> bool | None:
        value = obj.get(key)
        if value is not None and not isinstance(value, bool):
            self.add(where + key, f"Answer {_LABELS[key]} with true or false.")
        return value if isinstance(value, bool) else None

    def integer(self, obj: dict[Any, Any], key: str, high: int) -> int | None:
        value, label = obj.get(key), _LABELS[key]
        if value is None:
            return None
        if type(value) is not int:
            self.add(key, f"Give {label} as a whole number, such as 3.")
        elif not INTEGER_MIN <= value <= high:
            self.add(key, f"Give {label} as a whole number from {INTEGER_MIN} to {high}.")
        else:
            return value
        return None

    def choice(self, obj: dict[Any, Any], key: str, kind: type[_E]) -> _E | None:
        value = obj.get(key)
        allowed = [member.value for member in kind]
        if value is None:
            return None
        if isinstance(value, str) and value in allowed:
            return kind(value)
        listed = ", ".join(allowed[:-1]) + " or " + allowed[-1]
        self.add(key, f"Choose {_LABELS[key]} from {listed}.")
        return None

    def match(self, obj: dict[Any, Any], key: str, names: tuple[str, ...], where: str = "") -> None:
        value = obj.get(key)
        if isinstance(value, str) and value.strip() not in names:
            self.add(
                where + key,
                f"Give {_LABELS[key]} as one of your interviewers' names, spelled as entered.",
            )


def parse_input(raw: object, today_override: object = None) -> Interview | list[Problem]:
    """Validate a raw JSON value and build an interview, or list every problem.

    Example:
        >>> parse_input({"interview_date": "2026-03-12", "interviewers": [{"name": "Dana"}]})
        ... # doctest: +ELLIPSIS
        Interview(interview_date=datetime.date(2026, 3, 12), ...)
        >>> [p.field for p in parse_input({"interview_date": 20260312, "interviewers": "Dana"})]
        ['interview_date', 'interviewers']
    """
    if not isinstance(raw, dict):
        return [Problem("", "Give the interview details as a JSON object, between { and }.")]
    check = _Checker()
    outcome = check.choice(raw, "outcome", Outcome)
    dates = {key: check.date(raw, key, need=key in REQUIRED) for key in DATES}
    if outcome not in (None, Outcome.PENDING) and raw.get("outcome_date") is None:
        check.add("outcome_date", f"Enter {_LABELS['outcome_date']}.")
    if today_override is not None:
        dates["today"] = check.date({"today": today_override}, "today")
    _check_order(check, dates)
    interview = dates["interview_date"]
    listed = isinstance(raw.get("interviewers"), list)
    people = _interviewers(check, raw.get("interviewers"))
    names = tuple(person.name for person in people)
    materials = _materials(check, raw.get("materials"), interview, names if listed else None)
    if listed:
        check.match(raw, "concern_raised_by", names)
    numbers = {key: check.integer(raw, key, high) for key, high in INTEGER_MAX.items()}
    style = check.choice(raw, "company_style", CompanyStyle)
    texts = {key: check.text(raw, key) for key in TEXTS}
    flags = {key: check.boolean(raw, key) for key in FLAGS}
    strengths = _strengths(check, raw.get("strengths"))
    done = _done(check, raw.get("done"), interview, dates["today"])
    if check.problems or interview is None:
        return [Problem(path, message) for path, message in check.problems.items()]
    return Interview(
        interview_date=interview,
        interviewers=tuple(people),
        interview_round=numbers["interview_round"] or 1,
        company_style=style or CompanyStyle.OTHER_OR_UNKNOWN,
        decision_date=dates["decision_date"],
        wait_days=numbers["wait_days"],
        contact_on=dates["contact_on"],
        materials=tuple(materials),
        concern_raised=texts["concern_raised"],
        concern_raised_by=texts["concern_raised_by"],
        has_referees=flags["has_referees"] is not False,
        persistent_role=flags["persistent_role"] is True,
        agreed_update_interval_days=numbers["agreed_update_interval_days"],
        outcome=outcome or Outcome.PENDING,
        outcome_date=dates["outcome_date"],
        company=texts["company"],
        role=texts["role"],
        candidate_name=texts["candidate_name"],
        candidate_contact=texts["candidate_contact"],
        strengths=strengths,
        today=dates["today"],
        done=tuple(done),
        id=texts["id"],
        archived=flags["archived"] is True,
    )


def _check_order(check: _Checker, dates: dict[str, dt.date | None]) -> None:
    """Apply the date comparisons of §2b rule 9 wherever both dates are valid."""
    interview, outcome_date, today = dates["interview_date"], dates["outcome_date"], dates["today"]
    for key in ("decision_date", "contact_on"):
        given = dates[key]
        if interview is not None and given is not None and given <= interview:
            check.add(key, f"Give {_LABELS[key]} as a day after the interview.")
    if interview is not None and outcome_date is not None and outcome_date < interview:
        check.add("outcome_date", "The date you heard the outcome can't be before the interview.")
    if today is not None and outcome_date is not None and outcome_date > today:
        check.add("outcome_date", "The date you heard the outcome can't be later than today.")


def _interviewers(check: _Checker, value: Any) -> list[Interviewer]:
    """Validate the interviewers; return those with a valid name, for name matching."""
    if not isinstance(value, list) or not value:
        wrong = value is not None and not isinstance(value, list)
        check.add(
            "interviewers",
            "Give the interviewers as a list, one entry per person."
            if wrong
            else "Add at least one person who interviewed you.",
        )
        return []
    people: list[Interviewer] = []
    for index, entry in enumerate(value):
        where = f"interviewers[{index}]"
        if not isinstance(entry, dict):
            check.add(where, "Give each interviewer as an object with at least a name.")
            continue
        name = check.name(
            entry, "name", where + ".", "Give the name of each person who interviewed you."
        )
        texts = [
            key for key, kind in INTERVIEWER_FIELDS.items() if kind == "text" and key != "name"
        ]
        extra = {key: check.text(entry, key, where + ".") for key in texts}
        boss = check.boolean(entry, "is_decision_maker", where + ".") is True
        if name is not None:
            people.append(
                Interviewer(
                    name, extra["title"], extra["email"], extra["phone"], boss, extra["topic"]
                )
            )
    return people


def _materials(
    check: _Checker, value: Any, interview: dt.date | None, names: tuple[str, ...] | None
) -> list[Material]:
    """Validate the promised materials; ``names`` is ``None`` when interviewers isn't a list."""
    if value is None:
        return []
    if not isinstance(value, list):
        check.add("materials", "Give the promised materials as a list, one entry per item.")
        return []
    result: list[Material] = []
    for index, entry in enumerate(value):
        where = f"materials[{index}]."
        if not isinstance(entry, dict):
            check.add(
                where[:-1], "Give each promised item as an object with a description and a date."
            )
            continue
        text = check.name(entry, "description", where, "Say what you promised to send.")
        due = check.date(entry, "due_date", where, need=True)
        if due is not None and interview is not None and due < interview:
            check.add(
                where + "due_date",
                "The date you promised to send it can't be before the interview.",
            )
        due_time = check.text(entry, "due_time", where)
        is_refs = check.boolean(entry, "is_reference_list", where) is True
        by = check.text(entry, "requested_by", where)
        if names is not None:
            check.match(entry, "requested_by", names, where)
        if text is not None and due is not None:
            result.append(Material(text, due, due_time, is_refs, by))
    return result


def _strengths(check: _Checker, value: Any) -> tuple[str, ...]:
    """Validate the list of strengths: a list of strings; blank entries are dropped."""
    if value is None:
        return ()
    if not isinstance(value, list):
        check.add("strengths", "Give your strengths as a list of short phrases.")
        return ()
    for index, entry in enumerate(value):
        if not isinstance(entry, str):
            check.add(f"strengths[{index}]", "Give each strength as text, in quotes.")
    return tuple(entry.strip() for entry in value if isinstance(entry, str) and entry.strip())


def _done(
    check: _Checker, value: Any, interview: dt.date | None, today: dt.date | None
) -> list[Done]:
    """Validate the steps already done (spec §13): keys, days and notes.

    A key that names no step of the plan is not an error here: the rules leave that
    entry out with a warning, because plans change as details are edited.
    """
    if value is None:
        return []
    if not isinstance(value, list):
        check.add("done", "Give the steps you have done as a list, one entry per step.")
        return []
    if len(value) > MAX_DONE:
        check.add("done", f"Keep at most {MAX_DONE} done steps in one interview.")
        return []
    result: list[Done] = []
    seen: set[str] = set()
    for index, entry in enumerate(value):
        where = f"done[{index}]."
        if not isinstance(entry, dict):
            check.add(where[:-1], "Give each done step as an object with its key and its date.")
            continue
        key = entry.get("key")
        if not isinstance(key, str):
            check.add(where + "key", "Give the key of the step you did, such as TY-EMAIL-1.")
        elif key in seen:
            check.add(where + "key", f"{key} is already marked done above: mark each step once.")
        day = check.date(entry, "date", where, need=True)
        if day is not None and interview is not None and day < interview:
            check.add(where + "date", "The day you did it can't be before the interview.")
        if day is not None and today is not None and day > today:
            check.add(where + "date", "The day you did it can't be later than today.")
        note = check.text(entry, "note", where)
        if isinstance(key, str):
            if key not in seen and day is not None:
                result.append(Done(key, day, note))
            seen.add(key)
    return result
