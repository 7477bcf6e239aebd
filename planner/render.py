"""A plan as JSON data (spec §12), Markdown or plain text for pasting into notes.

Every function here is pure: the same interview and plan give the same output, so
the command line and the browser can promise the same bytes for the same input.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Mapping
from itertools import groupby
from typing import Any

from planner.dates import long_date
from planner.model import OUTPUT_VERSION, Draft, Interview, Item, Plan, Problem
from planner.recipients import addressee

_HOW = {"email": "by email", "phone": "by phone", "post": "by post", "reply": "as a reply"}
_TILDES = re.compile(r"^~{3,}", re.MULTILINE)
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def problems_json(problems: Iterable[Problem]) -> list[dict[str, str]]:
    """Errors or warnings as ``{"field", "message"}`` objects, in the given order.

    Example:
        >>> problems_json([Problem("interviewers", "Add someone.")])
        [{'field': 'interviewers', 'message': 'Add someone.'}]
    """
    return [{"field": p.field, "message": p.message} for p in problems]


def errors_json(problems: Iterable[Problem]) -> dict[str, Any]:
    """The refusal object: ``{"version": 1, "errors": [...]}``.

    Example:
        >>> errors_json([Problem("", "Send a JSON object.")])["errors"][0]["field"]
        ''
    """
    return {"version": OUTPUT_VERSION, "errors": problems_json(problems)}


def item_json(item: Item) -> dict[str, Any]:
    """One item with the fields of spec §1: ISO dates, enum values, ``None`` when absent.

    Example:
        >>> from planner.model import Phase
        >>> item = Item("AT-CONTACTS", "Collect contacts", Phase.BEFORE_LEAVING,
        ...             dt.date(2026, 3, 12), None, None, None, False, False, (), (), ())
        >>> item_json(item)["due"], item_json(item)["channel"]
        ('2026-03-12', None)
    """
    return {
        "key": item.key,
        "title": item.title,
        "phase": item.phase.value,
        "due": item.due.isoformat(),
        "latest": item.latest.isoformat() if item.latest else None,
        "recipient": item.recipient,
        "channel": item.channel.value if item.channel else None,
        "optional": item.optional,
        "done": item.done.isoformat() if item.done else None,
        "overdue": item.overdue,
        "advice": list(item.advice),
        "basis": [basis.value for basis in item.basis],
        "steps": list(item.steps),
    }


def draft_json(draft: Draft) -> dict[str, Any]:
    """One draft as ``{"item", "recipient", "channel", "subject", "body"}``.

    Example:
        >>> draft_json(Draft("TY-EMAIL-1", "Dana", None, None, "Hello"))["subject"] is None
        True
    """
    return {
        "item": draft.item,
        "recipient": draft.recipient,
        "channel": draft.channel.value if draft.channel else None,
        "subject": draft.subject,
        "body": draft.body,
    }


def plan_json(plan: Plan) -> dict[str, Any]:
    """The command line's JSON output for a plan (spec §12).

    Example:
        >>> sorted(plan_json(Plan(items=())))
        ['drafts', 'guidance', 'items', 'version', 'warnings']
    """
    return {
        "version": OUTPUT_VERSION,
        "items": [item_json(item) for item in plan.items],
        "warnings": problems_json(plan.warnings),
        "guidance": list(plan.guidance),
        "drafts": [draft_json(draft) for draft in plan.drafts],
    }


def dumps(data: Any) -> str:
    """JSON text as the command line prints it: UTF-8 as is, indented, one final newline.

    Example:
        >>> dumps({"version": 1})
        '{\\n  "version": 1\\n}\\n'
    """
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def one_line(text: str) -> str:
    return " ".join(text.split())


def heading(interview: Interview) -> str:
    """The plan's title: role and company as far as they are known.

    Example:
        >>> from planner.model import Interviewer
        >>> heading(Interview(dt.date(2026, 3, 12), (Interviewer("Dana"),), company="Acme"))
        'Follow-up plan: Acme'
    """
    what = role_at_company(interview)
    return f"Follow-up plan: {what}" if what else "Follow-up plan"


def role_at_company(interview: Interview) -> str:
    """ "Role at company", either alone, or "" when neither is given (spaces tidied).

    Example:
        >>> from planner.model import Interviewer
        >>> one = Interview(dt.date(2026, 3, 12), (Interviewer("Dana"),), role=" Analyst ")
        >>> role_at_company(one)
        'Analyst'
    """
    role = " ".join((interview.role or "").split())
    company = " ".join((interview.company or "").split())
    return " at ".join(part for part in (role, company) if part)


def _facts(interview: Interview) -> list[str]:
    round_ = f" (round {interview.interview_round})" if interview.interview_round > 1 else ""
    facts = [f"Interview: {long_date(interview.interview_date)}{round_}"]
    if interview.today is not None:
        facts.append(f"Today: {long_date(interview.today)}")
    return facts


def _day_label(interview: Interview, day: dt.date) -> str:
    offset = (day - interview.interview_date).days
    when = "interview day" if offset == 0 else f"day {offset}"
    if day == interview.today:
        when = f"today, {when}"
    return f"{long_date(day)} ({when})"


def shown_on(item: Item, today: dt.date | None) -> dt.date:
    """The day an item is listed under: today for an overdue step, else its due date.

    Example:
        >>> from planner.checkins import new_item
        >>> from planner.model import Phase
        >>> item = new_item("TY-EMAIL-1", "Thank", Phase.SAME_DAY, dt.date(2026, 3, 12))
        >>> shown_on(item, dt.date(2026, 4, 20))
        datetime.date(2026, 3, 12)
    """
    return today if item.overdue and today is not None else item.due


def details(interview: Interview, item: Item) -> str:
    """Who and how, the latest date, whether it is optional, in one sentence.

    Example: "To Dana Reyes (Head of Operations) by email; at the latest Friday 13 March
    2026; optional".
    """
    how = _HOW.get(item.channel.value, "") if item.channel else ""
    person = addressee(interview, item)
    who = f"To {person}" if person else ""
    parts = [" ".join(part for part in (who, how) if part)]
    if item.latest is not None and item.latest != item.due:
        parts.append(f"at the latest {long_date(item.latest)}")
    if item.optional:
        parts.append("optional")
    text = "; ".join(part for part in parts if part)
    return text[:1].upper() + text[1:]


def progress(item: Item) -> str:
    """What happened to a step, or what to do about it now: done, or overdue.

    Example: "Done on Friday 13 March 2026: sent after lunch", or "Overdue since Thursday
    19 March 2026: do it today". Empty for a step that is neither.
    """
    if item.done is not None:
        note = f": {item.note}" if item.note else ""
        return f"Done on {long_date(item.done)}{note}"
    if item.overdue:
        return f"Overdue since {long_date(item.latest or item.due)}: do it today"
    return ""


def _entry(interview: Interview, item: Item) -> tuple[str, list[str], tuple[str, ...]]:
    """What Markdown and plain text show of one item: its box (``x`` once done), its
    lines of who, how and progress, and its steps (none once done)."""
    notes = [line for line in (details(interview, item), progress(item)) if line]
    return ("x" if item.done else " "), notes, (() if item.done else item.steps)


def _by_day(interview: Interview, plan: Plan) -> list[tuple[dt.date, list[Item]]]:
    """The items grouped by the day they are listed under, days in order (stable within)."""
    today = interview.today
    ordered = sorted(plan.items, key=lambda item: shown_on(item, today))
    return [
        (day, list(group))
        for day, group in groupby(ordered, key=lambda item: shown_on(item, today))
    ]


def _guidance(plan: Plan, summaries: Mapping[str, str] | None) -> list[str]:
    summaries = summaries or {}
    return [summaries.get(gid) or gid for gid in plan.guidance]


def escape_md(text: str) -> str:
    """Escape the characters that would change Markdown formatting inside a line."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def to_markdown(
    interview: Interview, plan: Plan, summaries: Mapping[str, str] | None = None
) -> str:
    """The plan as Markdown: warnings, then check boxes grouped by date, guidance, drafts.

    Args:
        interview: the validated input, for the heading.
        plan: the plan to show.
        summaries: optional readable lines for advice ids, shown instead of the bare ids.

    Example:
        >>> from planner.model import Interviewer
        >>> iv = Interview(dt.date(2026, 3, 12), (Interviewer("Dana"),), role="Analyst")
        >>> to_markdown(iv, Plan(items=())).splitlines()[0]
        '# Follow-up plan: Analyst'
    """
    out = [f"# {escape_md(heading(interview))}", ""]
    out += [f"{escape_md(fact)}  " for fact in _facts(interview)]
    if plan.warnings:
        out += ["", "## Warnings", ""]
        out += [
            f"- **{escape_md(w.field) or 'input'}**: {escape_md(w.message)}" for w in plan.warnings
        ]
    for day, group in _by_day(interview, plan):
        out += ["", f"## {_day_label(interview, day)}", ""]
        for item in group:
            box, notes, steps = _entry(interview, item)
            out.append(f"- [{box}] **{escape_md(item.title)}**")
            out += [f"  *{escape_md(line)}*" for line in notes]
            out += [f"  - {escape_md(step)}" for step in steps]
    if plan.guidance:
        out += ["", "## Guidance", ""]
        out += [f"- {escape_md(line)}" for line in _guidance(plan, summaries)]
    if plan.drafts:
        out += ["", "## Drafts"]
        for title, draft in _titled_drafts(plan):
            out += ["", f"### {escape_md(title)}", ""]
            if draft.subject:
                out += [f"Subject: {escape_md(draft.subject)}", ""]
            fence = "~" * max(
                3, 1 + max((len(run) for run in _TILDES.findall(draft.body)), default=0)
            )
            out += [f"{fence}text", draft.body, fence]
    return "\n".join(out) + "\n"


def to_text(interview: Interview, plan: Plan, summaries: Mapping[str, str] | None = None) -> str:
    """The plan as plain text: the same content as the Markdown, without mark-up.

    Example:
        >>> from planner.model import Interviewer
        >>> iv = Interview(dt.date(2026, 3, 12), (Interviewer("Dana"),))
        >>> to_text(iv, Plan(items=())).splitlines()[:2]
        ['FOLLOW-UP PLAN', 'Interview: Thursday 12 March 2026']
    """
    out = [heading(interview).upper(), *_facts(interview)]
    if plan.warnings:
        out += ["", "WARNINGS"]
        out += [f"! {w.field or 'input'}: {one_line(w.message)}" for w in plan.warnings]
    for day, group in _by_day(interview, plan):
        label = _day_label(interview, day)
        out += ["", label, "-" * len(label)]
        for item in group:
            box, notes, steps = _entry(interview, item)
            out.append(f"[{box}] {one_line(item.title)}")
            out += [f"    {one_line(line)}" for line in notes]
            out += [f"    - {one_line(step)}" for step in steps]
    if plan.guidance:
        out += ["", "GUIDANCE"]
        out += [f"- {line}" for line in _guidance(plan, summaries)]
    if plan.drafts:
        out += ["", "DRAFTS"]
        for title, draft in _titled_drafts(plan):
            out += ["", f"== {one_line(title)} =="]
            if draft.subject:
                out.append(f"Subject: {draft.subject}")
            out += ["", draft.body]
    return "\n".join(out) + "\n"


def _titled_drafts(plan: Plan) -> list[tuple[str, Draft]]:
    """Each draft with its heading, in plan order: "Draft: " and the title of the item it
    serves, else its key. Markdown and plain text both list the drafts this way."""
    titles = {item.key: item.title for item in plan.items}
    return [(f"Draft: {titles.get(draft.item, draft.item)}", draft) for draft in plan.drafts]
