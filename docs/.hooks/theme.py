"""MkDocs hook: small accessibility repairs to the theme's own markup.

Material's search overlay is a ``role="dialog"`` element without a name, which
screen readers announce as an unnamed dialog; this gives it one. The exact tag
is required: if a theme update changes it, the build fails here instead of the
repair silently stopping.
"""

from __future__ import annotations

from typing import Any

SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
NAMED_DIALOG = SEARCH_DIALOG[:-1] + ' aria-label="Search this site">'


def on_post_page(output: str, **_kwargs: Any) -> str:
    """Name the search dialog on every page that has one."""
    if 'data-md-component="search"' not in output:
        return output
    if SEARCH_DIALOG not in output:
        raise ValueError(f"theme hook: expected {SEARCH_DIALOG!r} in the page; update the hook")
    return output.replace(SEARCH_DIALOG, NAMED_DIALOG)
