"""The planner's data model: frozen dataclasses and enums, nothing else.

Every other module speaks in these types. Validation turns raw JSON into an
:class:`Interview` (or a list of :class:`Problem`); the rules turn an
:class:`Interview` into a :class:`Plan`; the renderers turn a :class:`Plan`
into JSON, Markdown, plain text or iCalendar.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field

#: The version carried by every JSON output and by the browser protocol.
OUTPUT_VERSION = 1


class Phase(enum.StrEnum):
    """When a checklist item happens, in the order a person lives through it."""

    BEFORE_LEAVING = "before_leaving"
    SAME_DAY = "same_day"
    DAYS_AFTER = "days_after"
    WAITING = "waiting"
    OUTCOME = "outcome"


class Channel(enum.StrEnum):
    """How an item reaches the other person."""

    EMAIL = "email"
    PHONE = "phone"
    POST = "post"
    REPLY = "reply"


class CompanyStyle(enum.StrEnum):
    """What kind of employer it is, which decides the handwritten note (C1)."""

    TRADITIONAL = "traditional"
    TECH_OR_SOCIAL_MEDIA = "tech_or_social_media"
    OTHER_OR_UNKNOWN = "other_or_unknown"


class Outcome(enum.StrEnum):
    """What the person has heard back so far."""

    PENDING = "pending"
    OFFER = "offer"
    REJECTION = "rejection"
    NEXT_ROUND = "next_round"


class Basis(enum.StrEnum):
    """Where a rule comes from: the seeds, a resolution between them, or us."""

    SEED = "SEED"
    RES = "RES"
    PROP = "PROP"


@dataclass(frozen=True)
class Problem:
    """One error or warning about the input: the field's path and a plain sentence.

    ``field`` is ``""`` for the whole input, a top-level name such as
    ``"decision_date"``, or a path such as ``"interviewers[1].name"``.
    """

    field: str
    message: str


@dataclass(frozen=True)
class Interviewer:
    """One person who interviewed you. ``name`` is already trimmed."""

    name: str
    title: str | None = None
    email: str | None = None
    phone: str | None = None
    is_decision_maker: bool = False
    topic: str | None = None


@dataclass(frozen=True)
class Material:
    """Something you promised to send, by a date."""

    description: str
    due_date: dt.date
    due_time: str | None = None
    is_reference_list: bool = False
    requested_by: str | None = None


@dataclass(frozen=True)
class Done:
    """One step the person has done (spec §13): the item's key, the day, and what happened.

    ``note`` is the person's own words ("left a voicemail"); it feeds only the wording.
    """

    key: str
    day: dt.date
    note: str | None = None


@dataclass(frozen=True)
class Interview:
    """A validated input: everything the rules need, with defaults applied.

    ``done`` keeps the input's order, so a warning can name ``done[i]``; ``id`` and
    ``archived`` (spec §14) change no date: ``id`` names the calendar's events and
    ``archived`` keeps the interview out of the agenda.
    """

    interview_date: dt.date
    interviewers: tuple[Interviewer, ...]
    interview_round: int = 1
    company_style: CompanyStyle = CompanyStyle.OTHER_OR_UNKNOWN
    decision_date: dt.date | None = None
    wait_days: int | None = None
    contact_on: dt.date | None = None
    materials: tuple[Material, ...] = ()
    concern_raised: str | None = None
    concern_raised_by: str | None = None
    has_referees: bool = True
    persistent_role: bool = False
    agreed_update_interval_days: int | None = None
    outcome: Outcome = Outcome.PENDING
    outcome_date: dt.date | None = None
    company: str | None = None
    role: str | None = None
    candidate_name: str | None = None
    candidate_contact: str | None = None
    strengths: tuple[str, ...] = ()
    today: dt.date | None = None
    done: tuple[Done, ...] = ()
    id: str | None = None
    archived: bool = False


@dataclass(frozen=True)
class Item:
    """One dated step of the checklist (spec section 1).

    ``done`` is the day the person did it (spec §13) and ``note`` their words about it;
    both are ``None`` for a step not yet done. ``note`` is for the renderings only: the
    JSON output's items carry ``done`` but not the note, which stays in the input.
    """

    key: str
    title: str
    phase: Phase
    due: dt.date
    latest: dt.date | None
    recipient: str | None
    channel: Channel | None
    optional: bool
    overdue: bool
    advice: tuple[str, ...]
    basis: tuple[Basis, ...]
    steps: tuple[str, ...]
    done: dt.date | None = None
    note: str | None = None


@dataclass(frozen=True)
class Draft:
    """A message written for one item, ready to copy or send."""

    item: str
    recipient: str | None
    channel: Channel | None
    subject: str | None
    body: str


@dataclass(frozen=True)
class Plan:
    """The planner's answer for a valid input."""

    items: tuple[Item, ...]
    warnings: tuple[Problem, ...] = ()
    guidance: tuple[str, ...] = ()
    drafts: tuple[Draft, ...] = field(default=())


@dataclass(frozen=True)
class Planned:
    """One interview of an agenda that was planned: its place among the inputs and its label."""

    index: int
    label: str
    interview: Interview
    plan: Plan


@dataclass(frozen=True)
class Refusal:
    """One input of an agenda that could not be planned, with every problem found in it."""

    index: int
    problems: tuple[Problem, ...]


@dataclass(frozen=True)
class Agenda:
    """Several interviews side by side (spec §14).

    ``planned`` holds every interview that is not archived, in input order; ``entries``
    the items to act on, each with the interview it belongs to, in agenda order.
    """

    today: dt.date
    days: int
    planned: tuple[Planned, ...]
    entries: tuple[tuple[Planned, Item], ...]
    refusals: tuple[Refusal, ...]
