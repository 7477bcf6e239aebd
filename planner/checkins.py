"""The status check-ins of the plan: derived dates (spec §4) and ``CHECKIN-*`` items (§5).

The constants of spec §3 live here and are re-exported by :mod:`planner.rules`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planner.citations import When, advice_ids
from planner.dates import bd, plus
from planner.model import Basis, Channel, Interview, Interviewer, Item, Phase

FIRST_DEFAULT_DAYS = 7
REPEAT_DAYS = 10
REPEAT_DAYS_PERSISTENT = 7
INTERIM_DAYS = 21
INTERIM_DAYS_PERSISTENT = 14
LONG_THRESHOLD_DAYS = 28
INTERIM_BUFFER_DAYS = 7
REQUESTED_GAP_DAYS = 7
N_REPEATS = 3
NOTE_OFFSET = 2
REFEREE_OFFSET = 1
KEEP_SEARCHING_OFFSET = 1

_CALL_OPENING = "Plan and rehearse what you will say, and get to the point."
_EMAIL_OPENING = "Keep it short, with a clear subject line: the role and your name."
MAIN_STEPS = (
    "Thank them again for considering you.",
    "Say you're still interested and confident in your fit.",
    "Ask where they are in the process.",
    "Ask whether they need anything else from you.",
    "If it fits, address any open concern.",
    "Agree how you'll get further updates.",
    "Stay polite, never accusatory.",
)
_LIGHT_STEPS = (
    "Say you're still interested, ask whether they need anything else, and thank them.",
    "Notice how they respond.",
)
_LAST_REPEAT = (
    "Continue at this pace only if the replies suggest it's welcome, "
    "and keep other applications going."
)


@dataclass(frozen=True)
class Schedule:
    """The derived values of spec §4 that later steps read, and the check-in dates.

    ``B`` and ``Q`` only bound ``F`` (``main``), so they are not kept.

    Example:
        >>> from planner.model import Interviewer
        >>> one = Interview(dt.date(2026, 3, 12), (Interviewer("Dana"),))
        >>> schedule(one).main
        datetime.date(2026, 3, 19)
    """

    primary_index: int
    primary: Interviewer
    channel: Channel
    wait: dt.date | None
    main: dt.date
    interims: tuple[dt.date, ...]
    repeats: tuple[dt.date, ...]


def schedule(interview: Interview) -> Schedule:
    """Compute ``P``, ``CH``, ``W``, ``B``, ``Q``, ``F``, the interims and the repeats.

    Example:
        >>> from planner.model import Interviewer
        >>> one = Interview(dt.date(2026, 3, 12), (Interviewer("Dana"),))
        >>> [day.isoformat() for day in schedule(one).repeats]
        ['2026-03-30', '2026-04-09', '2026-04-20']
    """
    start, people = interview.interview_date, interview.interviewers
    index = next((n for n, person in enumerate(people) if person.is_decision_maker), 0)
    primary = people[index]
    channel = Channel.PHONE if (primary.phone or "").strip() else Channel.EMAIL
    wait = None
    if interview.wait_days is not None and interview.contact_on is None:
        wait = bd(plus(start, interview.wait_days))
    if interview.decision_date is not None:
        base = bd(plus(interview.decision_date, 1))
    else:
        base = bd(plus(start, FIRST_DEFAULT_DAYS))
    asked = interview.contact_on
    floor = bd(plus(asked, REQUESTED_GAP_DAYS)) if asked is not None else None
    main = max(day for day in (base, wait, floor) if day is not None)
    persistent = interview.persistent_role
    interims: list[dt.date] = []
    if (main - start).days > LONG_THRESHOLD_DAYS:
        step = INTERIM_DAYS_PERSISTENT if persistent else INTERIM_DAYS
        first = plus(start, step)
        if wait is not None and wait > first:
            first = wait
        if asked is not None and plus(asked, REQUESTED_GAP_DAYS) > first:
            first = plus(asked, REQUESTED_GAP_DAYS)
        day = bd(first)
        while day <= plus(main, -INTERIM_BUFFER_DAYS):
            interims.append(day)
            day = bd(plus(day, step))
    cadence = interview.agreed_update_interval_days
    if cadence is None:
        cadence = REPEAT_DAYS_PERSISTENT if persistent else REPEAT_DAYS
    repeats = [main]
    for _ in range(N_REPEATS):
        repeats.append(bd(plus(repeats[-1], cadence)))
    return Schedule(index, primary, channel, wait, main, tuple(interims), tuple(repeats[1:]))


def checkin_items(interview: Interview, plan: Schedule) -> list[Item]:
    """Build every ``CHECKIN-*`` item of spec §5 for one interview.

    Example:
        >>> from planner.model import Interviewer
        >>> one = Interview(dt.date(2026, 3, 12), (Interviewer("Dana"),))
        >>> [item.key for item in checkin_items(one, schedule(one))][:2]
        ['CHECKIN-MAIN', 'CHECKIN-REPEAT-1']
    """
    name, channel = plan.primary.name, plan.channel
    conditions = _conditions(interview, plan)
    opening = _CALL_OPENING if channel is Channel.PHONE else _EMAIL_OPENING
    verb = "Call" if channel is Channel.PHONE else "Email"
    items: list[Item] = []
    if interview.contact_on is not None:
        steps = (
            opening,
            "Contact them on the day they asked for.",
            *MAIN_STEPS,
            "If they suggest a schedule for updates, re-plan with that interval.",
        )
        items.append(
            new_item(
                "CHECKIN-REQUESTED",
                f"{verb} {name} on the day they asked you to",
                Phase.WAITING,
                interview.contact_on,
                recipient=name,
                channel=channel,
                advice=advice_ids("CHECKIN-REQUESTED", conditions),
                basis=(Basis.SEED, Basis.RES),
                steps=steps,
            )
        )
    interim_advice = advice_ids("CHECKIN-INTERIM", conditions)
    for k, day in enumerate(plan.interims, start=1):
        items.append(
            new_item(
                f"CHECKIN-INTERIM-{k}",
                f"Send {name} a short, light check-in email",
                Phase.WAITING,
                day,
                recipient=name,
                channel=Channel.EMAIL,
                advice=interim_advice,
                basis=(Basis.RES, Basis.PROP),
                steps=(_EMAIL_OPENING, *_LIGHT_STEPS),
            )
        )
    main_advice = advice_ids("CHECKIN-MAIN", conditions)
    concern: tuple[str, ...] = ()
    if (interview.concern_raised or "").strip():
        concern = (
            "If you already answered their concern in the thank-you email, "
            "don't repeat it unless asked.",
        )
    items.append(
        new_item(
            "CHECKIN-MAIN",
            f"{verb} {name} to ask where they are in the process",
            Phase.WAITING,
            plan.main,
            recipient=name,
            channel=channel,
            advice=main_advice,
            basis=(Basis.SEED, Basis.RES, Basis.PROP),
            steps=(opening, *MAIN_STEPS, *concern),
        )
    )
    repeat_channel = channel if interview.persistent_role else Channel.EMAIL
    repeat_advice = advice_ids("CHECKIN-REPEAT", conditions)
    repeat_opening = _CALL_OPENING if repeat_channel is Channel.PHONE else _EMAIL_OPENING
    for k, day in enumerate(plan.repeats, start=1):
        last = (_LAST_REPEAT,) if k == len(plan.repeats) else ()
        items.append(
            new_item(
                f"CHECKIN-REPEAT-{k}",
                f"Follow up again with {name}",
                Phase.WAITING,
                day,
                recipient=name,
                channel=repeat_channel,
                advice=repeat_advice,
                basis=(Basis.SEED, Basis.PROP),
                steps=(repeat_opening, *_LIGHT_STEPS, *last),
            )
        )
    return items


def _conditions(interview: Interview, plan: Schedule) -> frozenset[When]:
    """The conditions under which check-ins cite extra advice (see :mod:`planner.citations`)."""
    held = {
        When.PHONE: plan.channel is Channel.PHONE,
        When.PERSISTENT: interview.persistent_role,
        When.DECISION_DATE_KNOWN: interview.decision_date is not None,
        When.DECISION_DATE_UNKNOWN: interview.decision_date is None,
        When.WAIT_SET: plan.wait is not None,
        When.AGREED_INTERVAL: interview.agreed_update_interval_days is not None,
    }
    return frozenset(condition for condition, holds in held.items() if holds)


def new_item(
    key: str,
    title: str,
    phase: Phase,
    due: dt.date,
    *,
    latest: dt.date | None = None,
    recipient: str | None = None,
    channel: Channel | None = None,
    optional: bool = False,
    advice: tuple[str, ...] = (),
    basis: tuple[Basis, ...] = (Basis.SEED,),
    steps: tuple[str, ...] = (),
) -> Item:
    """Build a checklist item, not overdue (``rules.plan`` marks overdue items last).

    Example:
        >>> new_item("KEEP-SEARCHING", "Keep searching", Phase.DAYS_AFTER, dt.date(2026, 3, 13)).key
        'KEEP-SEARCHING'
    """
    return Item(
        key, title, phase, due, latest, recipient, channel, optional, False, advice, basis, steps
    )
