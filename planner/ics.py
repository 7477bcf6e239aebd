"""An iCalendar (RFC 5545) file for a plan, written with the standard library only.

Every item becomes one all-day event on its due date with a 09:00 reminder. Nothing
here reads the clock: ``DTSTAMP`` comes from the input, and each ``UID`` is derived
from the interview and the item key, so importing a re-planned file updates the
events it imported before instead of adding copies.

Re-plans: ``DTSTAMP`` is the latest of the interview date, the outcome date (once the
outcome is known) and ``today``; ``SEQUENCE`` counts the days from the interview to
that day, plus one once the outcome is known. A plan made on a later ``today``
therefore carries a higher ``SEQUENCE`` and a later ``DTSTAMP`` for the same UIDs, and
the plan made after the outcome (whose dropped items come back as cancelled events)
outranks a pending plan made on the same day.

Reminder choice: an all-day event starts at local midnight of a floating date, so
``TRIGGER:PT9H`` (relative to the start) fires at 09:00 local time on the day. An
absolute ``TRIGGER;VALUE=DATE-TIME`` would have to be in UTC, which is not 09:00
wherever the person lives, and the planner knows no time zone.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Sequence

from planner.model import Channel, Interview, Item, Outcome, Plan

PRODID = "-//Follow-up//Interview follow-up planner//EN"
UID_DOMAIN = "follow-up.invalid"
_LIMIT = 75  # octets per physical line, CRLF excluded
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")  # all controls but tab and line feed
_CHANNELS = {"email": "by email", "phone": "by phone", "post": "by post", "reply": "a reply"}


def escape_text(value: str) -> str:
    r"""Escape a TEXT value: backslash, semicolon, comma and line breaks.

    Control characters other than tab, which TEXT may not hold, become spaces.

    Example:
        >>> escape_text("a;b,c\\d\ne")
        'a\\;b\\,c\\\\d\\ne'
    """
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = _CONTROL.sub(" ", value)
    for raw, escaped in (("\\", "\\\\"), (";", "\\;"), (",", "\\,"), ("\n", "\\n")):
        value = value.replace(raw, escaped)
    return value


def fold(line: str) -> str:
    """Fold one content line at 75 octets, never inside a UTF-8 character.

    Continuation lines start with one space, which counts towards their 75 octets.

    Example:
        >>> fold("X" * 80).split("\\r\\n")[1]
        ' XXXXX'
    """
    if len(line) <= _LIMIT // 4 or len(line.encode("utf-8")) <= _LIMIT:
        return line
    if line.isascii():
        rest = [line[start : start + _LIMIT - 1] for start in range(_LIMIT, len(line), _LIMIT - 1)]
        return "\r\n ".join([line[:_LIMIT], *rest])
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > _LIMIT:
            pieces.append("".join(current))
            current, size = [" "], 1
        current.append(ch)
        size += width
    pieces.append("".join(current))
    return "\r\n".join(pieces)


def event_uid(interview: Interview, key: str) -> str:
    """The stable identifier of one item's event.

    It depends on the interview date, the company (case and spacing aside), the
    round and the item key, and on nothing that a re-plan changes.

    Example:
        >>> from planner.model import Interviewer
        >>> iv = Interview(dt.date(2026, 3, 12), (Interviewer("Dana"),), company="Acme")
        >>> event_uid(iv, "CHECKIN-MAIN").endswith("@follow-up.invalid")
        True
    """
    company = " ".join((interview.company or "").split()).casefold()
    seed = "|".join(
        (interview.interview_date.isoformat(), company, str(interview.interview_round), key)
    )
    digest = hashlib.sha256(seed.encode("utf-8")).hexdigest()[:32]
    return f"{digest}@{UID_DOMAIN}"


def _date(day: dt.date) -> str:
    return day.strftime("%Y%m%d")


def stamp_day(interview: Interview) -> dt.date:
    """The day a plan is made, as far as the input says: never the clock.

    The latest of the interview date, the outcome date (once the outcome is known)
    and ``today``.

    Example:
        >>> from planner.model import Interviewer
        >>> iv = Interview(dt.date(2026, 3, 12), (Interviewer("Dana"),), today=dt.date(2026, 3, 20))
        >>> stamp_day(iv)
        datetime.date(2026, 3, 20)
    """
    days = [interview.interview_date]
    if interview.outcome is not Outcome.PENDING and interview.outcome_date is not None:
        days.append(interview.outcome_date)
    if interview.today is not None:
        days.append(interview.today)
    return max(days)


def sequence(interview: Interview) -> int:
    """``SEQUENCE`` of every event: days from the interview to :func:`stamp_day`.

    One more once the outcome is known, so that the plan after the outcome, with its
    cancelled events, outranks a pending plan made on the same day.

    Example:
        >>> from planner.model import Interviewer
        >>> iv = Interview(dt.date(2026, 3, 12), (Interviewer("Dana"),), today=dt.date(2026, 3, 20))
        >>> sequence(iv)
        8
    """
    known = 0 if interview.outcome is Outcome.PENDING else 1
    return (stamp_day(interview) - interview.interview_date).days + known


def _reach(interview: Interview, item: Item) -> str:
    """The number to call or the address to write to, when the input gives one."""
    person = next((p for p in interview.interviewers if p.name == item.recipient), None)
    if person is None:
        return ""
    if item.channel is Channel.PHONE and person.phone:
        return f"Phone: {person.phone}."
    if item.channel is Channel.EMAIL and person.email:
        return f"Email: {person.email}."
    return ""


def _description(interview: Interview, item: Item) -> str:
    lines: list[str] = []
    if item.recipient or item.channel:
        who = f"To {item.recipient}" if item.recipient else "Contact"
        how = _CHANNELS.get(item.channel.value, item.channel.value) if item.channel else ""
        lines.append(" ".join(part for part in (who, how) if part) + ".")
        lines.append(_reach(interview, item))
    if item.latest is not None and item.latest != item.due:
        lines.append(f"At the latest on {item.latest.isoformat()}.")
    if item.optional:
        lines.append("Optional.")
    lines.extend(f"- {step}" for step in item.steps)
    return "\n".join(line for line in lines if line)


def _event(interview: Interview, item: Item, sequence: int, cancelled: bool) -> list[str]:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{event_uid(interview, item.key)}",
        f"DTSTAMP:{_date(stamp_day(interview))}T000000Z",
        f"DTSTART;VALUE=DATE:{_date(item.due)}",
        f"DTEND;VALUE=DATE:{_date(item.due + dt.timedelta(days=1))}",
        f"SUMMARY:{escape_text(item.title)}",
        f"SEQUENCE:{sequence}",
        "TRANSP:TRANSPARENT",
    ]
    description = _description(interview, item)
    if description:
        lines.append(f"DESCRIPTION:{escape_text(description)}")
    if cancelled:
        lines.append("STATUS:CANCELLED")
    else:
        lines += [
            "STATUS:CONFIRMED",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"DESCRIPTION:{escape_text(item.title)}",
            "TRIGGER:PT9H",
            "END:VALARM",
        ]
    lines.append("END:VEVENT")
    return lines


def _calendar_name(interview: Interview) -> str:
    role = " ".join((interview.role or "").split())
    company = " ".join((interview.company or "").split())
    what = " at ".join(part for part in (role, company) if part)
    return f"Follow-up: {what}" if what else "Interview follow-up"


def to_ics(interview: Interview, plan: Plan, cancelled: Iterable[Item] = ()) -> str:
    """Write the plan as an iCalendar file, CRLF line ends and folded lines.

    Args:
        interview: the validated input (for UIDs, DTSTAMP and the calendar name).
        plan: the plan whose items become events.
        cancelled: items an earlier plan of the same interview had and this one drops;
            they are written with ``STATUS:CANCELLED`` so that a calendar removes them.

    Returns:
        The whole file as text; encode it as UTF-8.

    Example:
        >>> from planner.model import Interviewer
        >>> iv = Interview(dt.date(2026, 3, 12), (Interviewer("Dana"),))
        >>> to_ics(iv, Plan(items=())).splitlines()[0]
        'BEGIN:VCALENDAR'
    """
    number = sequence(interview)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(_calendar_name(interview))}",
    ]
    for item in plan.items:
        lines += _event(interview, item, number, cancelled=False)
    kept = {item.key for item in plan.items}
    for item in _unique(cancelled, kept):
        lines += _event(interview, item, number, cancelled=True)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def _unique(items: Iterable[Item], skip: set[str]) -> Sequence[Item]:
    seen = set(skip)
    result: list[Item] = []
    for item in items:
        if item.key not in seen:
            seen.add(item.key)
            result.append(item)
    return result
