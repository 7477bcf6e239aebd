"""Small builders of model objects for the unit tests."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from planner.model import Item, Phase


def make_item(key: str, due: dt.date, **changes: Any) -> Item:
    """An item due on a given day, plain by default; any field can be changed by name."""
    plain = Item(
        key=key,
        title=f"Do {key}",
        phase=Phase.SAME_DAY,
        due=due,
        latest=None,
        recipient=None,
        channel=None,
        optional=False,
        overdue=False,
        advice=(),
        basis=(),
        steps=(),
    )
    return dataclasses.replace(plain, **changes)
