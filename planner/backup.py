"""A backup file: every interview kept on a device, as the planner page writes it.

``{"version": 1, "interviews": [input, ...]}``, each entry exactly the planner's
input with its ``id`` and ``archived`` (spec §14), so the command line's ``agenda``
reads a person's whole backup as it is.
"""

from __future__ import annotations

from typing import Any

from planner.model import Problem

#: The only backup version there is so far.
BACKUP_VERSION = 1


def interviews_in(raw: Any) -> list[Any] | Problem:
    """The interview inputs a file holds: a backup's list, or the file itself as one input.

    A backup is recognised by its ``interviews`` list; one of another version is a
    problem rather than a guess.

    Example:
        >>> interviews_in({"version": 1, "interviews": [{"role": "Analyst"}]})
        [{'role': 'Analyst'}]
        >>> interviews_in({"interview_date": "2026-03-12"})
        [{'interview_date': '2026-03-12'}]
        >>> interviews_in({"version": 2, "interviews": []}).field
        'version'
    """
    if isinstance(raw, dict) and isinstance(raw.get("interviews"), list):
        if raw.get("version") != BACKUP_VERSION or isinstance(raw.get("version"), bool):
            return Problem(
                "version",
                f"This backup is not of version {BACKUP_VERSION}, the only one this planner reads.",
            )
        return list(raw["interviews"])
    return [raw]
