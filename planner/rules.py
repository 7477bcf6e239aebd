"""The planning rules: a validated interview in, a dated checklist out (spec §4 to §10).

``plan`` is pure: the same interview always gives the same plan. ``today`` (from the
interview) marks items overdue and, with the steps already done, re-dates the status
check-ins (spec §13, in :mod:`planner.checkins`). The constants of spec §3 are
module-level names here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from planner.checkins import (
    FIRST_DEFAULT_DAYS,
    INTERIM_BUFFER_DAYS,
    INTERIM_DAYS,
    INTERIM_DAYS_PERSISTENT,
    KEEP_SEARCHING_OFFSET,
    LONG_THRESHOLD_DAYS,
    N_REPEATS,
    NOTE_OFFSET,
    REFEREE_OFFSET,
    REPEAT_DAYS,
    REPEAT_DAYS_PERSISTENT,
    REQUESTED_GAP_DAYS,
    Schedule,
    checkin_items,
    new_item,
    schedule,
)
from planner.citations import GUIDANCE_IDS, KINDS, When, advice_ids, index_of, kind_of
from planner.dates import plus
from planner.model import (
    Basis,
    Channel,
    CompanyStyle,
    Done,
    Interview,
    Item,
    Outcome,
    Phase,
    Plan,
    Problem,
)

__all__ = [
    "FIRST_DEFAULT_DAYS", "INTERIM_BUFFER_DAYS", "INTERIM_DAYS",
    "INTERIM_DAYS_PERSISTENT", "KEEP_SEARCHING_OFFSET", "LONG_THRESHOLD_DAYS",
    "NOTE_OFFSET", "N_REPEATS", "REFEREE_OFFSET", "REPEAT_DAYS", "REPEAT_DAYS_PERSISTENT",
    "REQUESTED_GAP_DAYS", "plan", "sort_key",
]  # fmt: skip

_AT_ITEMS = (
    ("AT-CONTACTS", "Collect each interviewer's name, job title and contact details"),
    ("AT-TIMELINE", "Ask when they expect to decide"),
    ("AT-CONCERNS", "Ask whether they have any concerns about your fit"),
    ("AT-WANT-JOB", "Say clearly that you want the job"),
)
_NOTE_BASIS = {True: (Basis.SEED, Basis.RES, Basis.PROP), False: (Basis.RES, Basis.PROP)}
_NOTE_STEP = "Write a short thank-you by hand: the same themes as the email, not a copy."
_OFFER_STEP = "The guide's sources give no advice on weighing, negotiating or accepting an offer."
_REPLY_STEPS = (
    "Thank them for their time.",
    "Politely ask for feedback and for tips on what to improve.",
    "Ask them to keep you in mind for future openings.",
    "Offer to stay in touch, for example on LinkedIn.",
)


def plan(interview: Interview) -> Plan:
    """Plan the follow-up for one validated interview.

    Example:
        >>> from planner.model import Interviewer
        >>> one = Interview(dt.date(2026, 3, 12), (Interviewer("Dana", phone="555"),))
        >>> [(item.key, item.due.isoformat()) for item in plan(one).items][-4:-2]
        [('CHECKIN-MAIN', '2026-03-19'), ('CHECKIN-REPEAT-1', '2026-03-30')]
    """
    dates = schedule(interview)
    items = _early_items(interview, dates) + checkin_items(interview, dates)
    if interview.outcome is not Outcome.PENDING:
        items = _after_outcome(interview, dates, items)
    done = {entry.key: entry for entry in interview.done}
    items = [_progress(item, interview, done.get(item.key)) for item in items]
    items.sort(key=sort_key)
    warnings = _warnings(interview, dates) + _unplanned(interview, items)
    return Plan(tuple(items), warnings, GUIDANCE_IDS)


def _progress(item: Item, interview: Interview, entry: Done | None) -> Item:
    """Mark an item done (its `done` entry, with its note) or overdue (spec §13 rules 1, 2)."""
    if entry is not None:
        return dataclasses.replace(item, done=entry.day, note=entry.note)
    today = interview.today
    if today is None or item.phase is Phase.BEFORE_LEAVING:
        return item
    return dataclasses.replace(item, overdue=(item.latest or item.due) < today)


def _unplanned(interview: Interview, items: list[Item]) -> tuple[Problem, ...]:
    """A warning for each done entry whose key names no item of this plan (spec §13)."""
    keys = {item.key for item in items}
    return tuple(
        Problem(
            f"done[{index}].key",
            f"This plan has no step {entry.key} now, so it is left out; "
            "it counts again if the step comes back.",
        )
        for index, entry in enumerate(interview.done)
        if entry.key not in keys
    )


def sort_key(item: Item) -> tuple[dt.date, int, int]:
    """Order items by due date, then by kind (spec §7), then by their number.

    Example:
        >>> sort_key(new_item("MAT-2", "Send it", Phase.SAME_DAY, dt.date(2026, 3, 13)))
        (datetime.date(2026, 3, 13), 6, 2)
    """
    return (item.due, KINDS.index(kind_of(item.key)), index_of(item.key))


def _early_items(interview: Interview, dates: Schedule) -> list[Item]:
    """The items before the check-ins: at the interview, thank-yous, materials, notes."""
    day = interview.interview_date
    items = [
        new_item(key, title, Phase.BEFORE_LEAVING, day, advice=advice_ids(key))
        for key, title in _AT_ITEMS
    ]
    people = interview.interviewers
    concern_by = dates.primary.name
    if interview.concern_raised_by is not None:
        concern_by = interview.concern_raised_by
    has_concern = bool((interview.concern_raised or "").strip())
    answered = next((n for n, p in enumerate(people) if p.name == concern_by), dates.primary_index)
    round_ = interview.interview_round
    for n, person in enumerate(people):
        answers = has_concern and n == answered
        title = f"Email a thank-you to {person.name}"
        if round_ >= 2:
            title = f"Send another thank-you after the round-{round_} interview to {person.name}"
        items.append(
            new_item(
                f"TY-EMAIL-{n + 1}", title, Phase.SAME_DAY, day, latest=plus(day, 1),
                recipient=person.name, channel=Channel.EMAIL,
                advice=advice_ids("TY-EMAIL", _thanks_conditions(round_, answers)),
                basis=(Basis.SEED, Basis.RES, Basis.PROP) if answers else (Basis.SEED, Basis.RES),
                steps=_thanks_steps(answers),
            )
        )  # fmt: skip
    materials = interview.materials
    if interview.has_referees:
        early = any(material.is_reference_list for material in materials)
        items.append(
            new_item(
                "REFEREES", "Tell your referees to expect a call, and what the job is about",
                Phase.SAME_DAY, day if early else plus(day, REFEREE_OFFSET),
                advice=advice_ids("REFEREES"), basis=(Basis.SEED, Basis.PROP),
            )
        )  # fmt: skip
    for n, material in enumerate(materials, start=1):
        who = material.requested_by or dates.primary.name
        when = material.due_time
        shown = "before 09:00" if when == "morning" else when
        title = f"Send {material.description} to {who}" + (f" ({shown})" if shown else "")
        items.append(
            new_item(
                f"MAT-{n}", title, Phase.SAME_DAY, material.due_date, latest=material.due_date,
                recipient=who, channel=Channel.EMAIL, basis=(Basis.SEED, Basis.PROP),
                advice=advice_ids("MAT"),
            )
        )  # fmt: skip
    items.append(
        new_item(
            "KEEP-SEARCHING", "Keep applying and interviewing elsewhere until you sign an offer",
            Phase.DAYS_AFTER, plus(day, KEEP_SEARCHING_OFFSET), advice=advice_ids("KEEP-SEARCHING"),
            basis=(Basis.SEED, Basis.PROP),
        )
    )  # fmt: skip
    style = interview.company_style
    if style is not CompanyStyle.TECH_OR_SOCIAL_MEDIA:
        required = style is CompanyStyle.TRADITIONAL
        for n, person in enumerate(people, start=1):
            items.append(
                new_item(
                    f"TY-NOTE-{n}", f"Post a handwritten thank-you note to {person.name}",
                    Phase.DAYS_AFTER, plus(day, NOTE_OFFSET), recipient=person.name,
                    channel=Channel.POST, optional=not required,
                    advice=advice_ids("TY-NOTE"), basis=_NOTE_BASIS[required], steps=(_NOTE_STEP,),
                )
            )  # fmt: skip
    return items


def _thanks_conditions(round_: int, answers_concern: bool) -> frozenset[When]:
    """When a thank-you email cites its extra advice: later rounds and the concern."""
    held = {When.LATER_ROUND: round_ >= 2, When.ANSWERS_CONCERN: answers_concern}
    return frozenset(condition for condition, holds in held.items() if holds)


def _thanks_steps(answers_concern: bool) -> tuple[str, ...]:
    """The sub-steps of a thank-you email (spec §5)."""
    concern = ("Answer the reservation they raised, briefly and concretely.",)
    return (
        "Review your notes and pick one specific point.",
        "Optionally share a fact you researched about something they mentioned.",
        "Thank them for their time and interest.",
        "Say you're keen.",
        "Name two or three strengths relevant to the role.",
        "Restate your fit and value briefly.",
        *(concern if answers_concern else ()),
        "Say you hope to hear from them soon.",
        "Include your contact details.",
        "Proofread.",
    )


def _keeps(item: Item, outcome: Outcome, day: dt.date, done: set[str]) -> bool:
    """Whether an item survives a known outcome on ``day`` (the table of spec §6).

    A done item always stays (spec §13 rule 1): it is part of the record.
    """
    if item.key in done:
        return True
    if item.key.startswith("CHECKIN-"):
        return item.due < day
    if item.key == "KEEP-SEARCHING":
        return outcome is not Outcome.OFFER or item.due < day
    if item.key.startswith("MAT-"):
        return outcome is not Outcome.REJECTION or item.due <= day
    if item.key == "REFEREES":
        return outcome is Outcome.OFFER or item.due <= day
    return item.due <= day


def _after_outcome(interview: Interview, dates: Schedule, items: list[Item]) -> list[Item]:
    """Drop what a known outcome makes moot and add its reply (spec §6)."""
    outcome = interview.outcome
    day = interview.outcome_date or interview.interview_date
    done = {entry.key for entry in interview.done}
    kept = [item for item in items if _keeps(item, outcome, day, done)]
    name = dates.primary.name
    if outcome is Outcome.OFFER:
        kept.append(
            new_item(
                "OFFER-THANKS", f"Thank {name} for the offer, and the other interviewers too",
                Phase.OUTCOME, day, latest=plus(day, 1), recipient=name, channel=Channel.REPLY,
                advice=advice_ids("OFFER-THANKS"),
                basis=(Basis.SEED, Basis.PROP),
                steps=(_OFFER_STEP,),
            )
        )  # fmt: skip
    elif outcome is Outcome.REJECTION:
        kept.append(
            new_item(
                "REJ-REPLY", f"Reply to {name}: thank them and ask for feedback", Phase.OUTCOME,
                day, latest=plus(day, 1), recipient=name, channel=Channel.REPLY,
                advice=advice_ids("REJ-REPLY"),
                basis=(Basis.SEED, Basis.PROP), steps=_REPLY_STEPS,
            )
        )  # fmt: skip
    else:
        following = interview.interview_round + 1
        kept.append(
            new_item(
                "NEXT-ROUND", f"Make a new plan for the round-{following} interview",
                Phase.OUTCOME, day, advice=advice_ids("NEXT-ROUND"), basis=(Basis.PROP,),
                steps=(f"Create a new plan with interview round {following} and the new date.",),
            )
        )  # fmt: skip
    return kept


def _warnings(interview: Interview, dates: Schedule) -> tuple[Problem, ...]:
    """The warnings of spec §2c: they never stop the plan."""
    warnings: list[Problem] = []
    primary = dates.primary
    if not (primary.phone or "").strip() and not (primary.email or "").strip():
        warnings.append(
            Problem(
                f"interviewers[{dates.primary_index}]",
                f"Add a phone number or email address for {primary.name}: "
                "the check-ins are planned by email.",
            )
        )
    if interview.contact_on is not None and interview.wait_days is not None:
        warnings.append(
            Problem(
                "wait_days",
                "You gave both a day to contact them and a wait, "
                "so the planner follows the day they asked for and ignores the wait.",
            )
        )
    return tuple(warnings)
