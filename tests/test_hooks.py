"""The MkDocs hooks stay thin, and each does its one job."""

from __future__ import annotations

import importlib.util
from pathlib import Path
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


class _Theme(dict[str, object]):
    """The part of MkDocs' theme config the publish hook reads: the logo and the theme's dirs."""

    def __init__(self) -> None:
        spec = importlib.util.find_spec("material")
        assert spec is not None and spec.origin is not None
        super().__init__(icon={"logo": "material/email-fast-outline"})
        self.dirs = [str(Path(spec.origin).parent / "templates")]


def _publish_config(site: Path) -> dict[str, object]:
    page = site / "guide" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text(
        '<html><head><meta charset="utf-8"><script>x()</script></head><body></body></html>',
        encoding="utf-8",
    )
    return {
        "site_dir": str(site),
        "docs_dir": str(ROOT / "docs"),
        "config_file_path": str(ROOT / "mkdocs.yml"),
        "site_name": "Follow-up",
        "site_description": "A guide.",
        "theme": _Theme(),
    }


def test_publish_hook_finishes_a_build(tmp_path: Path) -> None:
    """After a build: icons, manifest, each page's policy and tags, headers file, worker."""
    publish = _hook("publish")
    publish.on_startup(command="build")
    config = _publish_config(tmp_path)
    publish.on_post_build(config)
    page = (tmp_path / "guide" / "index.html").read_text(encoding="utf-8")
    assert 'http-equiv="Content-Security-Policy"' in page
    assert '<link rel="manifest" href="../manifest.webmanifest">' in page
    assert '<script src="../assets/site/v-' in page and 'type="module"' in page
    for name in ("_headers", "sw.js", "manifest.webmanifest", "assets/icons/icon-512.png"):
        assert (tmp_path / name).is_file(), name
    assert "guide/" in (tmp_path / "sw.js").read_text(encoding="utf-8")


def test_publish_hook_leaves_mkdocs_serve_without_policy_or_worker(tmp_path: Path) -> None:
    """`make dev`: icons and manifest only; the pages keep room for the live-reload script."""
    publish = _hook("publish")
    publish.on_startup(command="serve")
    config = _publish_config(tmp_path)
    before = (tmp_path / "guide" / "index.html").read_text(encoding="utf-8")
    publish.on_post_build(config)
    assert (tmp_path / "guide" / "index.html").read_text(encoding="utf-8") == before
    assert not (tmp_path / "sw.js").exists() and not (tmp_path / "_headers").exists()
    assert (tmp_path / "manifest.webmanifest").is_file()
