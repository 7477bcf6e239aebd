"""Wiring between the bridge (and the command line) and the planner's modules.

FOUNDATION STUB: the engine replaces these bodies with the real rules; the
signatures are the contract the bridge relies on. Each returns plain JSON data.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

PLANNER_VERSION = "0.1.0"
RENDER_FORMATS = ("md", "text", "ics")


def _date(value: Any) -> dt.date | None:
    if not isinstance(value, str) or len(value) != 10:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def plan_result(raw_input: Any, today: Any) -> dict[str, Any]:
    """Plan one interview; the command line's JSON output for the same input."""
    errors: list[dict[str, str]] = []
    if not isinstance(raw_input, dict):
        return {"version": 1, "errors": [{"field": "", "message": "The details must be an object."}]}
    interview = _date(raw_input.get("interview_date"))
    if interview is None:
        errors.append({"field": "interview_date", "message": "Give the interview date."})
    names = raw_input.get("interviewers")
    if not isinstance(names, list) or not names:
        errors.append({"field": "interviewers", "message": "Add at least one interviewer."})
        names = []
    for index, person in enumerate(names):
        name = person.get("name") if isinstance(person, dict) else None
        if not isinstance(name, str) or not name.strip():
            errors.append({"field": f"interviewers[{index}].name", "message": "Give a name."})
    if errors or interview is None:
        return {"version": 1, "errors": errors}
    items = [
        {
            "key": f"TY-EMAIL-{n}",
            "title": f"Email a thank-you to {person['name'].strip()}",
            "phase": "same_day",
            "due": interview.isoformat(),
            "latest": (interview + dt.timedelta(days=1)).isoformat(),
            "recipient": person["name"].strip(),
            "channel": "email",
            "optional": False,
            "overdue": False,
            "advice": ["thank-you-promptly"],
            "basis": ["SEED"],
            "steps": [],
        }
        for n, person in enumerate(names, start=1)
    ]
    return {"version": 1, "items": items, "warnings": [], "guidance": [], "drafts": []}


def parse_timing_result(text: str, interview_date: str) -> dict[str, Any]:
    """Read a timing phrase; stub until the engine lands."""
    return {"understood": False, "message": "Timing phrases are not understood yet."}


def render_result(raw_input: Any, today: Any, fmt: str) -> dict[str, Any]:
    """Render a plan as Markdown, plain text or iCalendar; stub until the engine lands."""
    return {"format": fmt, "text": ""}
