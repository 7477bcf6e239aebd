"""Wiring between the outer layers (bridge, command line) and the planner's modules.

Each function takes raw JSON data and returns plain JSON data, so the browser and
the command line give the same answer for the same input. A refused input is
answered with ``{"version": 1, "errors": [...]}``, never an exception.

Example:
    >>> raw = {"interview_date": "2026-03-12", "interviewers": [{"name": "Dana"}]}
    >>> plan_result(raw, None)["items"][0]["key"]
    'AT-CONTACTS'
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Mapping
from typing import Any

from planner import agenda, content, record, render, rules, timing, validate
from planner.dates import in_range, parse_iso_date
from planner.drafts import build_drafts
from planner.ics import calendar, events, to_ics
from planner.model import Agenda, Interview, Item, Outcome, Plan, Problem

PLANNER_VERSION = "0.1.0"
RENDER_FORMATS = ("md", "text", "ics")

_FILES = {
    "json": ("json", "application/json"),
    "md": ("md", "text/markdown; charset=utf-8"),
    "text": ("txt", "text/plain; charset=utf-8"),
    "ics": ("ics", "text/calendar; charset=utf-8"),
}
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def build(raw_input: Any, today: Any) -> tuple[Interview, Plan] | list[Problem]:
    """Validate and plan, with drafts; or every problem with the input.

    Args:
        raw_input: any JSON value, as ``json.loads`` returns it.
        today: ``None``, or a ``YYYY-MM-DD`` string that replaces the input's ``today``.

    Returns:
        The validated interview and its plan, or the list of problems.

    Example:
        >>> build([], None)[0].field
        ''
    """
    parsed = validate.parse_input(raw_input, today)
    if isinstance(parsed, list):
        return parsed
    plan = rules.plan(parsed)  # the rules leave the drafts to this layer
    return parsed, dataclasses.replace(plan, drafts=build_drafts(parsed, plan.items))


def plan_result(raw_input: Any, today: Any) -> dict[str, Any]:
    """Plan one interview; exactly the command line's JSON output (spec §12).

    Example:
        >>> plan_result({"interviewers": []}, None)["version"]
        1
    """
    built = build(raw_input, today)
    if isinstance(built, list):
        return render.errors_json(built)
    return render.plan_json(built[1])


def parse_timing_result(text: str, interview_date: str) -> dict[str, Any]:
    """Read a timing phrase against the interview date; plain JSON data.

    Example:
        >>> parse_timing_result("in two weeks", "2026-03-12")["value"]
        '2026-03-26'
    """
    return dict(timing.timing_to_json(timing.parse_timing(text, interview_date)))


def render_result(raw_input: Any, today: Any, fmt: str) -> dict[str, Any]:
    """Render a plan as ``md``, ``text`` or ``ics`` (``json`` also works).

    Returns ``{"format", "filename", "media_type", "text"}``, or the errors object
    when the input is refused or the format is unknown.

    Example:
        >>> raw = {"interview_date": "2026-03-12", "interviewers": [{"name": "Dana"}]}
        >>> render_result(raw, None, "ics")["filename"]
        'follow-up-2026-03-12.ics'
    """
    if fmt not in _FILES:
        known = ", ".join(RENDER_FORMATS)
        return render.errors_json([Problem("format", f"Choose a format: one of {known}.")])
    built = build(raw_input, today)
    if isinstance(built, list):
        return render.errors_json(built)
    interview, plan = built
    extension, media_type = _FILES[fmt]
    return {
        "format": fmt,
        "filename": file_name(interview, extension),
        "media_type": media_type,
        "text": render_text(interview, plan, fmt),
    }


def render_text(interview: Interview, plan: Plan, fmt: str) -> str:
    """The text of one rendering of an already built plan.

    Example:
        >>> from planner.model import Interviewer
        >>> import datetime as dt
        >>> iv = Interview(dt.date(2026, 3, 12), (Interviewer("Dana"),))
        >>> render_text(iv, Plan(items=()), "text").splitlines()[0]
        'FOLLOW-UP PLAN'
    """
    if fmt == "ics":
        return to_ics(interview, plan, cancelled=_dropped(interview, plan))
    if fmt == "md":
        return render.to_markdown(interview, plan, _summaries())
    if fmt == "text":
        return render.to_text(interview, plan, _summaries())
    return render.dumps(render.plan_json(plan))


def file_name(interview: Interview, extension: str) -> str:
    """A suggested file name: the company (as ASCII) and the interview date.

    Example:
        >>> from planner.model import Interviewer
        >>> import datetime as dt
        >>> iv = Interview(dt.date(2026, 3, 12), (Interviewer("D"),), company="Café Ltd")
        >>> file_name(iv, "md")
        'follow-up-caf-ltd-2026-03-12.md'
    """
    slug = _NOT_SLUG.sub("-", (interview.company or "").lower()).strip("-")[:40].strip("-")
    stem = "-".join(part for part in ("follow-up", slug) if part)
    return f"{stem}-{interview.interview_date.isoformat()}.{extension}"


def _dropped(interview: Interview, plan: Plan) -> tuple[Item, ...]:
    """Items of the untouched plan that this one drops, to cancel in calendars.

    The untouched plan is the pending one with nothing done and no today: what a
    calendar imported first. A known outcome drops check-ins; progress can drop a
    light interim (spec §13).
    """
    untouched = dataclasses.replace(interview, outcome=Outcome.PENDING, done=(), today=None)
    if untouched == interview:
        return ()
    kept = {item.key for item in plan.items}
    return tuple(item for item in rules.plan(untouched).items if item.key not in kept)


@functools.cache
def _summaries() -> Mapping[str, str]:
    """ "Title: summary" per advice id, for the guidance (the content ships with the package)."""
    advice = content.load_advice()
    return {advice_id: f"{a.title}: {a.summary}" for advice_id, a in advice.items()}


def agenda_request(inputs: Any, today: Any, days: Any) -> tuple[list[Any], dt.date, int] | str:
    """Check an agenda's arguments: a list of inputs, a valid today, a window of 0 to 365.

    Returns the checked values, or a sentence saying what is wrong (a malformed request,
    not a refused input: refusals are per interview, inside the agenda).

    Example:
        >>> agenda_request([], "2026-03-19", None)
        ([], datetime.date(2026, 3, 19), 7)
        >>> agenda_request({}, "2026-03-19", None)
        'An agenda needs a list of interview inputs.'
    """
    if not isinstance(inputs, list):
        return "An agenda needs a list of interview inputs."
    day = parse_iso_date(today) if isinstance(today, str) else None
    if day is None or not in_range(day):
        return "An agenda needs today's date as YYYY-MM-DD, between 2000 and 2099."
    if days is None:
        days = agenda.DEFAULT_DAYS
    if type(days) is not int or not 0 <= days <= agenda.MAX_DAYS:
        return f"The number of days ahead must be a whole number from 0 to {agenda.MAX_DAYS}."
    return inputs, day, days


def agenda_result(inputs: list[Any], today: dt.date, days: int) -> dict[str, Any]:
    """The agenda of several interviews; exactly the command line's JSON output (spec §14).

    Example:
        >>> raw = {"interview_date": "2026-03-12", "interviewers": [{"name": "Dana"}]}
        >>> agenda_result([raw, {}], dt.date(2026, 3, 19), 7)["errors"][0]["interview"]
        1
    """
    return agenda.agenda_json(agenda.build_agenda(inputs, today, days))


def render_agenda_result(inputs: list[Any], today: dt.date, days: int, fmt: str) -> dict[str, Any]:
    """Render an agenda as ``md``, ``text`` or ``ics`` (``json`` also works).

    Returns ``{"format", "filename", "media_type", "text"}``; refused inputs are listed
    in the text (and, for the calendar, simply left out).

    Example:
        >>> render_agenda_result([], dt.date(2026, 3, 19), 7, "ics")["filename"]
        'follow-up-agenda-2026-03-19.ics'
    """
    built = agenda.build_agenda(inputs, today, days)
    extension, media_type = _FILES[fmt]
    return {
        "format": fmt,
        "filename": f"follow-up-agenda-{today.isoformat()}.{extension}",
        "media_type": media_type,
        "text": render_agenda_text(built, fmt),
    }


def render_agenda_text(built: Agenda, fmt: str) -> str:
    """The text of one rendering of an already built agenda."""
    if fmt == "ics":
        lines: list[str] = []
        for planned in built.planned:
            interview, plan = planned.interview, planned.plan
            lines += events(interview, plan, _dropped(interview, plan))
        return calendar("Follow-up: all interviews", lines)
    if fmt == "md":
        return agenda.agenda_markdown(built)
    if fmt == "text":
        return agenda.agenda_text(built)
    return render.dumps(agenda.agenda_json(built))


def record_request(inputs: Any, today: Any) -> tuple[list[Any], dt.date | None] | str:
    """Check a record's arguments: a list of inputs and, if given, a valid today.

    Example:
        >>> record_request([], None)
        ([], None)
    """
    if not isinstance(inputs, list):
        return "A record needs a list of interview inputs."
    if today is None:
        return inputs, None
    day = parse_iso_date(today) if isinstance(today, str) else None
    if day is None or not in_range(day):
        return "Give today's date as YYYY-MM-DD, between 2000 and 2099."
    return inputs, day


def render_record_result(inputs: list[Any], today: dt.date | None, fmt: str) -> dict[str, Any]:
    """The record of the job search as ``json``, ``md`` or ``text`` (spec: ours, see record).

    Returns ``{"format", "filename", "media_type", "text"}``; ``json`` gives the data as
    text, which :func:`record_result` gives as an object.

    Example:
        >>> render_record_result([], None, "text")["filename"]
        'job-search-record.txt'
    """
    extension, media_type = _FILES[fmt]
    day = f"-{today.isoformat()}" if today else ""
    return {
        "format": fmt,
        "filename": f"job-search-record{day}.{extension}",
        "media_type": media_type,
        "text": render_record_text(record.build_record(inputs, today), fmt),
    }


def render_record_text(built: record.Record, fmt: str) -> str:
    """The text of one rendering (``json``, ``md`` or ``text``) of an already built record."""
    if fmt == "md":
        return record.record_markdown(built)
    if fmt == "text":
        return record.record_text(built)
    return render.dumps(record.record_json(built))


def record_result(inputs: list[Any], today: dt.date | None) -> dict[str, Any]:
    """The record of the job search as JSON data: every interview and contact made.

    Example:
        >>> record_result([], None)["interviews"]
        []
    """
    return record.record_json(record.build_record(inputs, today))
