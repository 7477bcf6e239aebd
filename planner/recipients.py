"""Who an item is addressed to: the interviewer behind an item's recipient.

A thank-you or note numbered n belongs to the n-th interviewer, which keeps two people
with the same name apart; any other item is matched by the recipient's name.
"""

from __future__ import annotations

from planner.citations import index_of, kind_of
from planner.model import Interview, Interviewer, Item

_NUMBERED = ("TY-EMAIL", "TY-NOTE")


def recipient_of(interview: Interview, item: Item) -> Interviewer | None:
    """The interviewer an item is addressed to, or ``None`` when it goes to nobody.

    Example:
        >>> import datetime as dt
        >>> from planner.checkins import new_item
        >>> from planner.model import Phase
        >>> iv = Interview(dt.date(2026, 3, 12), (Interviewer("Dana"), Interviewer("Dana")))
        >>> item = new_item("TY-EMAIL-2", "Thank", Phase.SAME_DAY, iv.interview_date,
        ...                 recipient="Dana")
        >>> recipient_of(iv, item) is iv.interviewers[1]
        True
    """
    if item.recipient is None:
        return None
    people = interview.interviewers
    if kind_of(item.key) in _NUMBERED:
        index = index_of(item.key) - 1
        if 0 <= index < len(people) and people[index].name == item.recipient:
            return people[index]
    return next((person for person in people if person.name == item.recipient), None)


def addressee(interview: Interview, item: Item) -> str:
    """The recipient's name with their job title when it is known, for a "Who" line.

    Example:
        >>> import datetime as dt
        >>> from planner.checkins import new_item
        >>> from planner.model import Phase
        >>> iv = Interview(dt.date(2026, 3, 12), (Interviewer("Dana", title="CTO"),))
        >>> item = new_item("CHECKIN-MAIN", "Call", Phase.WAITING, iv.interview_date,
        ...                 recipient="Dana")
        >>> addressee(iv, item)
        'Dana (CTO)'
    """
    person = recipient_of(interview, item)
    if person is None:
        return item.recipient or ""
    title = " ".join((person.title or "").split())
    return f"{person.name} ({title})" if title else person.name
