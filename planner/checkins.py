"""The status check-ins of the plan: derived dates (spec §4) and ``CHECKIN-*`` items (§5).

The constants of spec §3 live here and are re-exported by :mod:`planner.rules`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planner.citations import When, advice_ids, kind_of
from planner.dates import bd, plus
from planner.model import Basis, Channel, Interview, Interviewer, Item, Outcome, Phase

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
#: §13: a status contact comes at least a week after the day the one before it was made.
MIN_GAP_DAYS = 7

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
_REQUESTED: tuple[Basis, ...] = (Basis.SEED, Basis.RES)
_INTERIM: tuple[Basis, ...] = (Basis.RES, Basis.PROP)
_MAIN: tuple[Basis, ...] = (Basis.SEED, Basis.RES, Basis.PROP)
_REPEAT: tuple[Basis, ...] = (Basis.SEED, Basis.PROP)
_LAST_REPEAT = (
    "Continue at this pace only if the replies suggest it's welcome, "
    "and keep other applications going."
)


@dataclass(frozen=True)
class Schedule:
    """The derived values of spec §4 that later steps read.

    ``B`` and ``Q`` only bound ``F`` (``main``), so they are not kept. ``interim_start``
    is the first interim's start before the weekend shift (§5's interim algorithm), or
    ``None`` when ``F`` is too close to the interview for interims (``F - I <= 28``).

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
    interim_start: dt.date | None
    interim_cadence: int
    cadence: int


def schedule(interview: Interview) -> Schedule:
    """Compute ``P``, ``CH``, ``W``, ``B``, ``Q``, ``F``, the cadences and the interims' start.

    Example:
        >>> from planner.model import Interviewer
        >>> one = Interview(dt.date(2026, 3, 12), (Interviewer("Dana"),))
        >>> schedule(one).cadence
        10
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
    step = INTERIM_DAYS_PERSISTENT if persistent else INTERIM_DAYS
    interim_start = None
    if (main - start).days > LONG_THRESHOLD_DAYS:
        interim_start = plus(start, step)
        if wait is not None and wait > interim_start:
            interim_start = wait
        if asked is not None and plus(asked, REQUESTED_GAP_DAYS) > interim_start:
            interim_start = plus(asked, REQUESTED_GAP_DAYS)
    cadence = interview.agreed_update_interval_days
    if cadence is None:
        cadence = REPEAT_DAYS_PERSISTENT if persistent else REPEAT_DAYS
    return Schedule(index, primary, channel, wait, main, interim_start, step, cadence)


def status_dates(interview: Interview, plan: Schedule) -> list[tuple[str, dt.date]]:
    """The status contacts in chain order, each with its due date (spec §5 and §13).

    Each contact counts from the day the one before it was made (``A`` of §13): the
    day it was done, or today when it is overdue while the outcome is pending, or its
    due date. With nothing done and no today this is exactly the plan of §5.

    Example:
        >>> from planner.model import Done, Interviewer
        >>> one = Interview(dt.date(2026, 3, 12), (Interviewer("Dana"),),
        ...                 done=(Done("CHECKIN-MAIN", dt.date(2026, 4, 2)),))
        >>> [(key, day.isoformat()) for key, day in status_dates(one, schedule(one))][:2]
        [('CHECKIN-MAIN', '2026-03-19'), ('CHECKIN-REPEAT-1', '2026-04-13')]
    """
    done = {entry.key: entry.day for entry in interview.done}
    today = interview.today if interview.outcome is Outcome.PENDING else None

    def made(key: str, due: dt.date) -> dt.date:
        if key in done:
            return done[key]
        if today is not None and due < today:
            return today
        return due

    dates: list[tuple[str, dt.date]] = []
    last: dt.date | None = None
    if interview.contact_on is not None:
        dates.append(("CHECKIN-REQUESTED", interview.contact_on))
        last = made("CHECKIN-REQUESTED", interview.contact_on)
    main, latest_interim = plan.main, plus(plan.main, -INTERIM_BUFFER_DAYS)
    if plan.interim_start is not None:
        start = plan.interim_start
        if last is not None:
            start = max(start, plus(last, MIN_GAP_DAYS))
        day, k = bd(start), 1
        while True:
            key = f"CHECKIN-INTERIM-{k}"
            fits = day <= latest_interim and made(key, day) <= latest_interim
            if key not in done and ("CHECKIN-MAIN" in done or not fits):
                break
            dates.append((key, day))
            last = made(key, day)
            day, k = bd(plus(last, plan.interim_cadence)), k + 1
    if last is not None:
        main = max(main, bd(plus(last, MIN_GAP_DAYS)))
    dates.append(("CHECKIN-MAIN", main))
    previous = bd(max(plus(made("CHECKIN-MAIN", main), plan.cadence), plan.main))
    for k in range(1, N_REPEATS + 1):
        key = f"CHECKIN-REPEAT-{k}"
        dates.append((key, previous))
        previous = bd(plus(made(key, previous), plan.cadence))
    return dates


def checkin_items(interview: Interview, plan: Schedule) -> list[Item]:
    """Build every ``CHECKIN-*`` item of spec §5, dated by the chain of §13.

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
    repeat_channel = channel if interview.persistent_role else Channel.EMAIL
    repeat_opening = _CALL_OPENING if repeat_channel is Channel.PHONE else _EMAIL_OPENING
    concern: tuple[str, ...] = ()
    if (interview.concern_raised or "").strip():
        concern = (
            "If you already answered their concern in the thank-you email, "
            "don't repeat it unless asked.",
        )
    last_repeat = f"CHECKIN-REPEAT-{N_REPEATS}"
    requested = (
        opening,
        "Contact them on the day they asked for.",
        *MAIN_STEPS,
        "If they suggest a schedule for updates, re-plan with that interval.",
    )
    items: list[Item] = []
    for key, day in status_dates(interview, plan):
        kind = kind_of(key)
        if kind == "CHECKIN-REQUESTED":
            title, how, basis = f"{verb} {name} on the day they asked you to", channel, _REQUESTED
            steps: tuple[str, ...] = requested
        elif kind == "CHECKIN-INTERIM":
            title, how, basis = (
                f"Send {name} a short, light check-in email",
                Channel.EMAIL,
                _INTERIM,
            )
            steps = (_EMAIL_OPENING, *_LIGHT_STEPS)
        elif kind == "CHECKIN-MAIN":
            title, how, basis = (
                f"{verb} {name} to ask where they are in the process",
                channel,
                _MAIN,
            )
            steps = (opening, *MAIN_STEPS, *concern)
        else:
            title, how, basis = f"Follow up again with {name}", repeat_channel, _REPEAT
            last = (_LAST_REPEAT,) if key == last_repeat else ()
            steps = (repeat_opening, *_LIGHT_STEPS, *last)
        items.append(
            new_item(key, title, Phase.WAITING, day, recipient=name, channel=how,
                     advice=advice_ids(kind, conditions), basis=basis, steps=steps)
        )  # fmt: skip
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
