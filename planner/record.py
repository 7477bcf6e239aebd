"""A record of the job search: every interview and every contact made, with its date.

Some job agencies ask for proof of the search. The record lists each interview (archived
ones included), whom it was with, each step done that reached the employer (a thank-you,
a check-in, promised materials, a reply) with the day it was done and its note, and the
outcome once known. It is built from the same inputs as the agenda.

Example:
    >>> raw = {"interview_date": "2026-03-12", "interviewers": [{"name": "Dana"}],
    ...        "done": [{"key": "TY-EMAIL-1", "date": "2026-03-12"}]}
    >>> [c["key"] for c in record_json(build_record([raw], None))["interviews"][0]["contacts"]]
    ['TY-EMAIL-1']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from planner import rules
from planner.agenda import plan_inputs, refusals_json
from planner.citations import index_of, kind_of
from planner.dates import long_date
from planner.model import OUTPUT_VERSION, Item, Outcome, Planned, Refusal
from planner.recipients import addressee
from planner.render import escape_md, one_line

_HOW = {"email": "by email", "phone": "by phone", "post": "by post", "reply": "in reply"}
#: What a contact was, by kind, as a record says it.
_WHAT = {
    "TY-EMAIL": "Thank-you", "TY-NOTE": "Handwritten thank-you note", "MAT": "Promised materials",
    "CHECKIN-REQUESTED": "Follow-up on the day they asked for", "CHECKIN-INTERIM": "Short check-in",
    "CHECKIN-MAIN": "Follow-up on their decision", "CHECKIN-REPEAT": "Follow-up",
    "OFFER-THANKS": "Thanks for the offer", "REJ-REPLY": "Reply to their decision",
}  # fmt: skip
_OUTCOMES = {
    Outcome.OFFER: "an offer",
    Outcome.REJECTION: "not offered the job",
    Outcome.NEXT_ROUND: "invited to another round",
}

#: A record: every interview planned (archived ones too), and the inputs refused.
Record = tuple[dt.date | None, tuple[Planned, ...], tuple[Refusal, ...]]


def build_record(inputs: Sequence[object], today: dt.date | None) -> Record:
    """Plan every input (for ``today`` when given) to name the steps each one did.

    Args:
        inputs: raw JSON inputs, one per interview; a :class:`Problem` entry (a file
            that could not be read) is reported as refused.
        today: the record's day, or ``None``; it replaces any ``today`` in the inputs.
    """
    planned, refusals = plan_inputs(inputs, today, archived=True)
    return today, tuple(planned), tuple(refusals)


def contacts(planned: Planned) -> list[Item]:
    """The steps done that reached the employer, in the order they were done.

    Example:
        >>> today, (one,), _ = build_record([{"interview_date": "2026-03-12",
        ...     "interviewers": [{"name": "Dana"}],
        ...     "done": [{"key": "KEEP-SEARCHING", "date": "2026-03-13"}]}], None)
        >>> contacts(one)
        []
    """
    done = [item for item in planned.plan.items if item.done and item.channel]
    return sorted(done, key=lambda item: (item.done, rules.sort_key(item)))


def _people(planned: Planned) -> list[dict[str, Any]]:
    return [{"name": p.name, "title": p.title} for p in planned.interview.interviewers]


def record_json(record: Record) -> dict[str, Any]:
    """The record as JSON data: each interview with its contacts, then the refused inputs."""
    today, planned, refusals = record
    interviews = []
    for entry in planned:
        interview = entry.interview
        known = interview.outcome is not Outcome.PENDING
        interviews.append(
            {
                "interview": entry.index,
                "id": interview.id,
                "label": entry.label,
                "archived": interview.archived,
                "interview_date": interview.interview_date.isoformat(),
                "interview_round": interview.interview_round,
                "company": interview.company,
                "role": interview.role,
                "interviewers": _people(entry),
                "contacts": [
                    {
                        "key": item.key, "title": item.title,
                        "date": item.done.isoformat() if item.done else None,
                        "recipient": item.recipient,
                        "channel": item.channel.value if item.channel else None,
                        "note": item.note,
                    }
                    for item in contacts(entry)
                ],
                "outcome": interview.outcome.value,
                "outcome_date": (
                    interview.outcome_date.isoformat()
                    if known and interview.outcome_date else None
                ),
            }
        )  # fmt: skip
    return {
        "version": OUTPUT_VERSION,
        "today": today.isoformat() if today else None,
        "interviews": interviews,
        "errors": refusals_json(refusals),
    }


def _what(entry: Planned, item: Item) -> str:
    """One contact in a sentence: what it was, to whom, how, and the note."""
    what = _WHAT.get(kind_of(item.key), item.title)
    materials = entry.interview.materials
    n = index_of(item.key)
    if kind_of(item.key) == "MAT" and 0 < n <= len(materials):
        what = f"{what} ({materials[n - 1].description})"
    who = addressee(entry.interview, item)
    how = _HOW.get(item.channel.value, "") if item.channel else ""
    text = ", ".join(part for part in (f"{what} to {who}" if who else what, how) if part)
    return f"{text}: {item.note}" if item.note else text


def _lines(entry: Planned) -> list[tuple[dt.date, str]]:
    """Each dated line of one interview's record: the interview, contacts, the outcome."""
    interview = entry.interview
    people = ", ".join(
        f"{p.name} ({p.title})" if p.title else p.name for p in interview.interviewers
    )
    round_ = interview.interview_round
    kind = f"Round {round_} interview" if round_ > 1 else "Interview"
    lines = [(interview.interview_date, f"{kind} with {people}")]
    lines += [(item.done or item.due, _what(entry, item)) for item in contacts(entry)]
    outcome = _OUTCOMES.get(interview.outcome)
    if outcome and interview.outcome_date:
        lines.append((interview.outcome_date, f"Outcome: {outcome}"))
    return lines


def record_text(record: Record) -> str:
    """The record as plain text, one block per interview, for printing or pasting."""
    today, planned, refusals = record
    out = ["RECORD OF JOB SEARCH"]
    if today:
        out.append(f"As of {long_date(today)}")
    for entry in planned:
        heading = entry.label + (" (archived)" if entry.interview.archived else "")
        out += ["", heading, "-" * len(heading)]
        out += [f"{long_date(day)}: {one_line(text)}" for day, text in _lines(entry)]
    for refusal in refusals:
        out += ["", f"Interview {refusal.index} was left out: {refusal.problems[0].message}"]
    return "\n".join(out) + "\n"


def record_markdown(record: Record) -> str:
    """The record as Markdown: a heading and a list of dated lines per interview."""
    today, planned, refusals = record
    out = ["# Record of job search"]
    if today:
        out += ["", f"As of {long_date(today)}"]
    for entry in planned:
        heading = entry.label + (" (archived)" if entry.interview.archived else "")
        out += ["", f"## {escape_md(heading)}", ""]
        out += [f"- **{long_date(day)}**: {escape_md(text)}" for day, text in _lines(entry)]
    for refusal in refusals:
        out += ["", f"Interview {refusal.index} was left out: "
                    f"{escape_md(refusal.problems[0].message)}"]  # fmt: skip
    return "\n".join(out) + "\n"
