"""MkDocs hook: expand the ``<!-- guide:... -->`` markers of a page (see planner.guide)."""

from __future__ import annotations

from planner.guide import expand


def on_page_markdown(
    markdown: str, page: object, config: object, files: object, **kwargs: object
) -> str:
    """Return the Markdown with its guide markers expanded; other pages pass through."""
    return expand(markdown) if "<!-- guide:" in markdown else markdown
