"""Follow-up: plan the follow-up after a job interview.

The public surface is re-exported here; every other module is internal.
"""

from __future__ import annotations

from planner.bridge import handle

__all__ = ["handle"]
