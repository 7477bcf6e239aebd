"""The MkDocs hooks stay thin, and each does its one job."""

from __future__ import annotations

import importlib.util
from types import ModuleType

import pytest

from planner import content
from tests.support.paths import ROOT


def _hook(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "docs" / ".hooks" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_each_build_reads_the_advice_afresh() -> None:
    """Before every build the guide hook drops the memoized advice, so serve shows edits."""
    content.load_advice()
    content.load_vocabulary()
    assert content._default_advice.cache_info().currsize == 1
    _hook("guide").on_pre_build(config={})
    assert content._default_advice.cache_info().currsize == 0
    assert content._default_vocabulary.cache_info().currsize == 0


def test_guide_hook_leaves_other_pages_alone() -> None:
    """A page without guide markers comes back unchanged."""
    text = "# Planner\n\n<!-- planner:assets -->\n"
    assert _hook("guide").on_page_markdown(text, page=None, config=None, files=None) == text


def test_theme_hook_names_the_search_dialog() -> None:
    """The search overlay gets an accessible name; a changed theme fails loudly."""
    theme = _hook("theme")
    page = f"<body>{theme.SEARCH_DIALOG}</div></body>"
    assert 'aria-label="Search this site"' in theme.on_post_page(page)
    with pytest.raises(ValueError, match="update the hook"):
        theme.on_post_page('<div class="md-search" data-md-component="search">')
    assert theme.on_post_page("<p>no search here</p>") == "<p>no search here</p>"
