"""Where each advice item is explained in the built guide, for the planner page's links.

The planner page shows, beside every checklist item, a link to the guide section
of the item's first advice id. The page learns the addresses at build time (the
assets hook writes them into the page as JSON), so no mapping lives in JavaScript.

Example:
    >>> guide_links()["thank-you-promptly"]
    '../guide/same-day/#thank-you-promptly'
"""

from __future__ import annotations

from planner.content import load_advice, load_vocabulary


def page_url(page: str) -> str:
    """The URL of a guide page (``same-day.md``) relative to the planner page.

    The site uses directory URLs, and the planner page is ``/planner/``.

    Example:
        >>> page_url("same-day.md")
        '../guide/same-day/'
    """
    return f"../guide/{page.removesuffix('.md')}/"


def guide_links() -> dict[str, str]:
    """Every advice id mapped to its anchor on the guide page of its phase."""
    phases = load_vocabulary().phases
    return {
        advice_id: f"{page_url(phases[advice.phase].page)}#{advice_id}"
        for advice_id, advice in load_advice().items()
    }


def guide_titles() -> dict[str, str]:
    """Every advice id mapped to its title, the words of the planner's guide links."""
    return {advice_id: advice.title for advice_id, advice in load_advice().items()}
