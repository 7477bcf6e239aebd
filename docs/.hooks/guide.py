"""MkDocs hook: expand the ``<!-- guide:... -->`` markers of a page (see planner.guide)."""

from __future__ import annotations

from planner.content import forget_loaded
from planner.guide import expand


def on_pre_build(config: object, **kwargs: object) -> None:
    """Read the advice files afresh at every build, so `mkdocs serve` shows edits."""
    forget_loaded()


def on_page_markdown(
    markdown: str, page: object, config: object, files: object, **kwargs: object
) -> str:
    """Return the Markdown with its guide markers expanded; other pages pass through."""
    return expand(markdown) if "<!-- guide:" in markdown else markdown
