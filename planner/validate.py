"""Turn a raw JSON value into a validated :class:`~planner.model.Interview` (spec §2, §2b).

Public contract (other modules code against this):

    parse_input(raw: object, today_override: object = None) -> Interview | list[Problem]

- ``raw`` is any JSON value (as returned by ``json.loads``); anything at all is accepted
  and never raises.
- ``today_override`` is the command line's ``--today`` or the browser request's ``today``.
  ``None`` means "not given"; otherwise it must be a ``YYYY-MM-DD`` string and replaces the
  input's own ``today`` field. An invalid override is reported on the field ``today``.
- On success it returns an :class:`Interview` with defaults applied and names trimmed.
- On refusal it returns a non-empty ``list[Problem]``: every error at once, at most one per
  field path, each message one plain sentence.

Warnings (§2c) are not produced here; ``rules.plan`` puts them in ``Plan.warnings``.
"""

from __future__ import annotations

from planner.model import Interview, Problem


def parse_input(raw: object, today_override: object = None) -> Interview | list[Problem]:
    """Validate a raw JSON value and build an interview, or list every problem.

    Example:
        >>> parse_input({"interview_date": "2026-03-12", "interviewers": [{"name": "Dana"}]})
        ... # doctest: +ELLIPSIS
        Interview(interview_date=datetime.date(2026, 3, 12), ...)
    """
    raise NotImplementedError
