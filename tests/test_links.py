"""The planner page's guide links: every advice id points at a real guide page and anchor."""

from __future__ import annotations

from pathlib import Path

from planner import citations
from planner.content import load_advice
from planner.links import guide_links, guide_titles, page_url

DOCS = Path(__file__).resolve().parent.parent / "docs"


def _source_page(url: str) -> Path:
    """The Markdown file behind a link written for the planner page (``docs/planner.md``)."""
    path = url.split("#", 1)[0].removeprefix("../").rstrip("/")
    return DOCS / f"{path}.md"


def test_every_advice_id_has_a_link() -> None:
    assert set(guide_links()) == set(load_advice())


def test_every_link_names_an_existing_guide_page() -> None:
    for advice_id, url in guide_links().items():
        assert url.startswith("../guide/"), url
        assert url.endswith(f"/#{advice_id}"), url
        assert _source_page(url).is_file(), f"{advice_id}: {url}"


def test_every_cited_advice_id_can_be_linked() -> None:
    """Each id the planner can put first on an item or in the guidance has a link."""
    links = guide_links()
    for advice_id in citations.GUIDANCE_IDS:
        assert advice_id in links


def test_titles_are_plain_words() -> None:
    titles = guide_titles()
    assert set(titles) == set(guide_links())
    assert all(title.strip() for title in titles.values())


def test_page_url_is_relative_to_the_planner_page() -> None:
    assert page_url("the-wait.md") == "../guide/the-wait/"
