"""Read a timing phrase an interviewer used (spec §2a, §12 ``parse_timing``).

Public contract:

    parse_timing(text: str, interview_date: str) -> TimingResult
    timing_to_json(result: TimingResult) -> dict[str, object]

``TimingResult`` says which input field the phrase fills (``decision_date``,
``wait_days`` or ``contact_on``), its value (an ISO date string or a whole number of
days in the JSON form), and a plain explanation; or that the phrase was not understood,
with a kind message (``understood`` is false, ``field`` and ``value`` are ``None``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class TimingResult:
    """The reading of one timing phrase.

    Example:
        >>> TimingResult(True, "wait_days", 10, "They asked you to wait 10 days.").field
        'wait_days'
    """

    understood: bool
    field: str | None
    value: dt.date | int | None
    explanation: str


def parse_timing(text: str, interview_date: str) -> TimingResult:
    """Read a phrase such as "in two weeks" against the interview date.

    Example:
        >>> parse_timing("in two weeks", "2026-03-12").value
        datetime.date(2026, 3, 26)
    """
    raise NotImplementedError


def timing_to_json(result: TimingResult) -> dict[str, object]:
    """Turn a reading into plain JSON data for the browser and the command line.

    Example:
        >>> timing_to_json(TimingResult(True, "wait_days", 10, "Wait 10 days."))["value"]
        10
    """
    raise NotImplementedError
