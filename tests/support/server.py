"""The browser tests' static server: the same host that ``make serve`` runs.

Tests see what a visitor gets: directory URLs, the right types for ``.wasm`` and
``.mjs``, compression, and the headers of the built site's ``_headers`` file.
See :mod:`planner.host`.
"""

from __future__ import annotations

from planner.host import serve

__all__ = ["serve"]
