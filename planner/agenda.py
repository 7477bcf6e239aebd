"""Several interviews side by side: what to do today and in the days ahead (spec §14).

An agenda is built from raw inputs, one per interview, and a ``today`` that replaces
any ``today`` inside them. A refused input is reported and skipped; the others are
still listed. Archived interviews are validated but neither listed nor put in the
calendar.

Example:
    >>> import datetime as dt
    >>> raw = {"interview_date": "2026-03-12", "interviewers": [{"name": "Dana"}]}
    >>> agenda = build_agenda([raw], dt.date(2026, 3, 19), 7)
    >>> [item.key for _, item in agenda.entries][:2]
    ['TY-EMAIL-1', 'REFEREES']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from itertools import groupby
from typing import Any

from planner import rules, validate
from planner.dates import MONTHS, long_date, plus
from planner.model import (
    OUTPUT_VERSION,
    Agenda,
    Interview,
    Item,
    Outcome,
    Planned,
    Problem,
    Refusal,
)
from planner.render import (
    details,
    escape_md,
    item_json,
    one_line,
    problems_json,
    progress,
    role_at_company,
)

#: How many days ahead an agenda looks when not told (spec §14).
DEFAULT_DAYS = 7
#: The longest window an agenda accepts.
MAX_DAYS = 365


def label(interview: Interview) -> str:
    """A short name for an interview: role and company when known, else its date.

    A later round says so, to tell it from the first round's plan.

    Example:
        >>> from planner.model import Interviewer
        >>> label(Interview(dt.date(2026, 3, 12), (Interviewer("Dana"),), role="Analyst",
        ...                 company="Acme", interview_round=2))
        'Analyst at Acme, round 2'
    """
    name = role_at_company(interview)
    if not name:
        day = interview.interview_date
        name = f"Interview on {day.day} {MONTHS[day.month - 1]} {day.year}"
    round_ = interview.interview_round
    return f"{name}, round {round_}" if round_ > 1 else name


def plan_inputs(
    inputs: Sequence[object], today: dt.date | None, *, archived: bool
) -> tuple[list[Planned], list[Refusal]]:
    """Validate and plan every input (for ``today`` when given), keeping each one's index.

    An entry that is already a :class:`Problem` (a file that could not be read) is
    refused; archived interviews are planned only when ``archived`` is true.
    """
    planned: list[Planned] = []
    refusals: list[Refusal] = []
    override = today.isoformat() if today else None
    for index, raw in enumerate(inputs):
        parsed = [raw] if isinstance(raw, Problem) else validate.parse_input(raw, override)
        if isinstance(parsed, list):
            refusals.append(Refusal(index, tuple(parsed)))
        elif archived or not parsed.archived:
            planned.append(Planned(index, label(parsed), parsed, rules.plan(parsed)))
    return planned, refusals


def refusals_json(refusals: Sequence[Refusal]) -> list[dict[str, Any]]:
    """The ``errors`` of an agenda's or a record's JSON: each refused input's index and problems."""
    return [
        {"interview": refusal.index, "errors": problems_json(refusal.problems)}
        for refusal in refusals
    ]


def build_agenda(inputs: Sequence[object], today: dt.date, days: int) -> Agenda:
    """Plan every input for ``today`` and list what is overdue or due within ``days``.

    Args:
        inputs: raw JSON inputs, one per interview; an entry that is already a
            :class:`Problem` (a file that could not be read) is reported as refused.
        today: the agenda's day; it replaces any ``today`` inside the inputs.
        days: how many days after today the agenda looks ahead (0 to 365).

    Returns:
        The agenda, with the refused inputs in ``refusals``.
    """
    planned, refusals = plan_inputs(inputs, today, archived=False)
    last = plus(today, days)
    entries = [
        (interview, item)
        for interview in planned
        for item in interview.plan.items
        if _listed(interview.interview, item, today, last)
    ]
    entries.sort(key=lambda entry: (not entry[1].overdue, entry[1].due, entry[0].index,
                                    rules.sort_key(entry[1])))  # fmt: skip
    return Agenda(today, days, tuple(planned), tuple(entries), tuple(refusals))


def _listed(interview: Interview, item: Item, today: dt.date, last: dt.date) -> bool:
    """Spec §14: not done, and overdue or still open and due by the window's last day."""
    if item.done is not None:
        return False
    if interview.outcome is not Outcome.PENDING and item.key.startswith("CHECKIN-"):
        return False
    still_open = (item.latest or item.due) >= today
    return item.overdue or (still_open and item.due <= last)


def agenda_json(agenda: Agenda) -> dict[str, Any]:
    """The command line's JSON output for an agenda (spec §14).

    Example:
        >>> agenda_json(Agenda(dt.date(2026, 3, 19), 7, (), (), ()))
        {'version': 1, 'today': '2026-03-19', 'items': [], 'errors': []}
    """
    return {
        "version": OUTPUT_VERSION,
        "today": agenda.today.isoformat(),
        "items": [
            {**item_json(item), "interview": planned.index, "label": planned.label}
            for planned, item in agenda.entries
        ],
        "errors": refusals_json(agenda.refusals),
    }


def _window(agenda: Agenda) -> str:
    if agenda.days == 0:
        return "today only"
    return "and the next day" if agenda.days == 1 else f"and the next {agenda.days} days"


def _days(agenda: Agenda) -> list[tuple[dt.date, list[tuple[Planned, Item]]]]:
    """The entries by the day to act: today for overdue or open earlier steps."""

    def day(entry: tuple[Planned, Item]) -> dt.date:
        return max(entry[1].due, agenda.today)

    return [(when, list(group)) for when, group in groupby(agenda.entries, key=day)]


def _heading(agenda: Agenda, day: dt.date) -> str:
    return f"Today, {long_date(day)}" if day == agenda.today else long_date(day)


def _refused_lines(agenda: Agenda) -> list[str]:
    return [
        f"Interview {refusal.index}: {problem.field or 'input'}: {one_line(problem.message)}"
        for refusal in agenda.refusals
        for problem in refusal.problems
    ]


def agenda_text(agenda: Agenda) -> str:
    """The agenda as plain text: one block per day, each step with its interview.

    Example:
        >>> agenda_text(Agenda(dt.date(2026, 3, 19), 7, (), (), ())).splitlines()[:2]
        ['FOLLOW-UP AGENDA', 'Thursday 19 March 2026, and the next 7 days']
    """
    out = ["FOLLOW-UP AGENDA", f"{long_date(agenda.today)}, {_window(agenda)}"]
    if not agenda.entries:
        out += ["", "Nothing is overdue or due in this time."]
    for day, group in _days(agenda):
        heading = _heading(agenda, day)
        out += ["", heading, "-" * len(heading)]
        for planned, item in group:
            out.append(f"[ ] {one_line(item.title)}")
            lines = (planned.label, details(planned.interview, item), progress(item))
            out += [f"    {one_line(line)}" for line in lines if line]
    refused = _refused_lines(agenda)
    if refused:
        out += ["", "COULD NOT BE PLANNED", *(f"! {line}" for line in refused)]
    return "\n".join(out) + "\n"


def agenda_markdown(agenda: Agenda) -> str:
    """The agenda as Markdown with check boxes, one section per day.

    Example:
        >>> agenda_markdown(Agenda(dt.date(2026, 3, 19), 7, (), (), ())).splitlines()[0]
        '# Follow-up agenda'
    """
    out = ["# Follow-up agenda", "", f"{long_date(agenda.today)}, {_window(agenda)}"]
    if not agenda.entries:
        out += ["", "Nothing is overdue or due in this time."]
    for day, group in _days(agenda):
        out += ["", f"## {_heading(agenda, day)}", ""]
        for planned, item in group:
            out.append(f"- [ ] **{escape_md(item.title)}** ({escape_md(planned.label)})")
            lines = (details(planned.interview, item), progress(item))
            out += [f"  *{escape_md(line)}*" for line in lines if line]
    refused = _refused_lines(agenda)
    if refused:
        out += ["", "## Could not be planned", "", *(f"- {escape_md(line)}" for line in refused)]
    return "\n".join(out) + "\n"
