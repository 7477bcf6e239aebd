"""An iCalendar (RFC 5545) file for a plan, written with the standard library only.

Every item becomes one all-day event with a 09:00 reminder: on its due date, on
today when it is overdue ("Overdue, do it today: ..."), or on the day it was done
("Done: ...", without a reminder). Nothing here reads the clock: ``DTSTAMP`` comes
from the input, and each ``UID`` is derived from the interview and the item key, so
importing a re-planned file moves the events it imported before instead of adding
copies.

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
from planner.recipients import addressee, recipient_of
from planner.render import progress, role_at_company, shown_on

PRODID = "-//Follow-up//Interview follow-up planner//EN"
UID_DOMAIN = "follow-up.invalid"
_LIMIT = 75  # octets per physical line, CRLF excluded
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")  # all controls but tab and line feed
_PLAIN = re.compile("[^\x00-\x08\x0a-\x1f\x7f\\\\;,]*")  # text that needs no escaping
_CHANNELS = {"email": "by email", "phone": "by phone", "post": "by post", "reply": "a reply"}


def escape_text(value: str) -> str:
    r"""Escape a TEXT value: backslash, semicolon, comma and line breaks.

    Control characters other than tab, which TEXT may not hold, become spaces.

    Example:
        >>> escape_text("a;b,c\\d\ne")
        'a\\;b\\,c\\\\d\\ne'
    """
    if _PLAIN.fullmatch(value):  # most titles: nothing to escape
        return value
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

    With an ``id`` (spec §14) it depends on that and the item key alone, so editing
    names or the company never duplicates events. Without one it depends on everything
    that names the interview (its date, company, role, round and interviewers' names,
    case and spacing aside) and on nothing that a re-plan changes, so two interviews
    never share a UID.

    Example:
        >>> from planner.model import Interviewer
        >>> iv = Interview(dt.date(2026, 3, 12), (Interviewer("Dana"),), company="Acme")
        >>> event_uid(iv, "CHECKIN-MAIN").endswith("@follow-up.invalid")
        True
    """
    if interview.id is not None:
        seed = "\x1f".join(("id", interview.id, key))
    else:
        names = [_folded(person.name) for person in interview.interviewers]
        seed = "\x1f".join(
            (
                interview.interview_date.isoformat(),
                _folded(interview.company),
                _folded(interview.role),
                str(interview.interview_round),
                "\x1e".join(names),
                key,
            )
        )
    digest = hashlib.sha256(seed.encode("utf-8")).hexdigest()[:32]
    return f"{digest}@{UID_DOMAIN}"


def _folded(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def _date(day: dt.date) -> str:
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


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
    person = recipient_of(interview, item)
    if person is None:
        return ""
    if item.channel is Channel.PHONE and person.phone:
        return f"Phone: {person.phone}."
    if item.channel is Channel.EMAIL and person.email:
        return f"Email: {person.email}."
    return ""


def _description(interview: Interview, item: Item) -> str:
    lines: list[str] = []
    state = progress(item)
    if state:
        lines.append(f"{state}.")
    if item.recipient or item.channel:
        person = addressee(interview, item)
        who = f"To {person}" if person else "Contact"
        how = _CHANNELS.get(item.channel.value, item.channel.value) if item.channel else ""
        lines.append(" ".join(part for part in (who, how) if part) + ".")
        lines.append(_reach(interview, item))
    if item.latest is not None and item.latest != item.due:
        lines.append(f"At the latest on {item.latest.isoformat()}.")
    if item.optional:
        lines.append("Optional.")
    if item.done is None:
        lines.extend(f"- {step}" for step in item.steps)
    return "\n".join(line for line in lines if line)


def _summary(item: Item) -> str:
    """The event's title: a done step says so, and so does one to do today."""
    if item.done is not None:
        return f"Done: {item.title}"
    if item.overdue:
        return f"Overdue, do it today: {item.title}"
    return item.title


def event_day(item: Item, today: dt.date | None) -> dt.date:
    """The day of an item's event: when it was done, today when it is overdue, else when due.

    Example:
        >>> from planner.checkins import new_item
        >>> from planner.model import Phase
        >>> item = new_item("TY-EMAIL-1", "Thank", Phase.SAME_DAY, dt.date(2026, 3, 12))
        >>> event_day(item, dt.date(2026, 3, 20))
        datetime.date(2026, 3, 12)
    """
    if item.done is not None:
        return item.done
    return shown_on(item, today)


def events(interview: Interview, plan: Plan, cancelled: Iterable[Item] = ()) -> list[str]:
    """The content lines of every event of one interview's plan (no calendar around them).

    Args:
        interview: the validated input (for UIDs, DTSTAMP and who is contacted).
        plan: the plan whose items become events.
        cancelled: items an earlier plan of the same interview had and this one drops;
            they are written with ``STATUS:CANCELLED`` so that a calendar removes them.
    """
    stamp = (f"DTSTAMP:{_date(stamp_day(interview))}T000000Z", f"SEQUENCE:{sequence(interview)}")
    lines: list[str] = []
    for item in plan.items:
        lines += _event(interview, item, stamp, cancelled=False)
    kept = {item.key for item in plan.items}
    for item in _unique(cancelled, kept):
        lines += _event(interview, item, stamp, cancelled=True)
    return lines


def _event(interview: Interview, item: Item, stamp: tuple[str, str], cancelled: bool) -> list[str]:
    """One VEVENT; ``stamp`` is the interview's DTSTAMP and SEQUENCE lines."""
    day = event_day(item, interview.today)
    lines = [
        "BEGIN:VEVENT",
        f"UID:{event_uid(interview, item.key)}",
        stamp[0],
        f"DTSTART;VALUE=DATE:{_date(day)}",
        f"DTEND;VALUE=DATE:{_date(day + dt.timedelta(days=1))}",
        f"SUMMARY:{escape_text(_summary(item))}",
        stamp[1],
        "TRANSP:TRANSPARENT",
    ]
    description = _description(interview, item)
    if description:
        lines.append(f"DESCRIPTION:{escape_text(description)}")
    if cancelled:
        lines.append("STATUS:CANCELLED")
    else:
        lines.append("STATUS:CONFIRMED")
        if item.done is None:
            lines += [
                "BEGIN:VALARM",
                "ACTION:DISPLAY",
                f"DESCRIPTION:{escape_text(item.title)}",
                "TRIGGER:PT9H",
                "END:VALARM",
            ]
    lines.append("END:VEVENT")
    return lines


def _calendar_name(interview: Interview) -> str:
    what = role_at_company(interview)
    return f"Follow-up: {what}" if what else "Interview follow-up"


def to_ics(interview: Interview, plan: Plan, cancelled: Iterable[Item] = ()) -> str:
    """Write the plan as an iCalendar file, CRLF line ends and folded lines.

    Args:
        interview: the validated input (for UIDs, DTSTAMP and the calendar name).
        plan: the plan whose items become events.
        cancelled: items an earlier plan of the same interview had and this one drops.

    Returns:
        The whole file as text; encode it as UTF-8.

    Example:
        >>> from planner.model import Interviewer
        >>> iv = Interview(dt.date(2026, 3, 12), (Interviewer("Dana"),))
        >>> to_ics(iv, Plan(items=())).splitlines()[0]
        'BEGIN:VCALENDAR'
    """
    return calendar(_calendar_name(interview), events(interview, plan, cancelled))


def calendar(name: str, event_lines: Iterable[str]) -> str:
    """Wrap event lines in a calendar named ``name``: CRLF line ends, folded lines.

    Example:
        >>> calendar("Follow-up", []).splitlines()[-1]
        'END:VCALENDAR'
    """
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
        *event_lines,
        "END:VCALENDAR",
    ]
    return "".join(fold(line) + "\r\n" for line in lines)


def _unique(items: Iterable[Item], skip: set[str]) -> Sequence[Item]:
    seen = set(skip)
    result: list[Item] = []
    for item in items:
        if item.key not in seen:
            seen.add(item.key)
            result.append(item)
    return result
