"""The built site: self-hosted, private, and with Python only where it is needed."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.support.paths import ROOT

PYODIDE_VERSION = "314.0.7"
PYODIDE_FILES = {
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
}
# Attributes that make the browser fetch something (a canonical link is not fetched).
_FETCHING = {("script", "src"), ("img", "src"), ("iframe", "src"), ("source", "src")}
_FETCHING_LINKS = {"stylesheet", "preload", "modulepreload", "icon", "manifest", "prefetch"}


class _Fetches(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.generator = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "meta" and values.get("name") == "generator":
            self.generator = True
        for name, value in values.items():
            if (tag, name) in _FETCHING:
                self.urls.append(value)
        if tag == "link" and set(values.get("rel", "").split()) & _FETCHING_LINKS:
            self.urls.append(values.get("href", ""))


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def _fetches(page: Path) -> _Fetches:
    parser = _Fetches()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def test_pyodide_is_pinned() -> None:
    """The npm manifest and lock pin Pyodide and record no registry address."""
    manifest = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    lock = (ROOT / "package-lock.json").read_text(encoding="utf-8")
    assert manifest["dependencies"]["pyodide"] == PYODIDE_VERSION
    assert json.loads(lock)["packages"]["node_modules/pyodide"]["version"] == PYODIDE_VERSION
    assert '"resolved"' not in lock
    assert "omit-lockfile-registry-resolved=true" in (ROOT / ".npmrc").read_text(encoding="utf-8")


def test_site_ships_the_minimal_pyodide_set(built_site: Path) -> None:
    """Exactly the five runtime files, byte for byte those of the pinned npm package."""
    target = built_site / "assets" / "pyodide" / PYODIDE_VERSION
    assert {path.name for path in target.iterdir()} == PYODIDE_FILES
    source = ROOT / "node_modules" / "pyodide"
    for name in PYODIDE_FILES:
        assert (target / name).read_bytes() == (source / name).read_bytes(), name


def test_planner_bundle_is_named_by_its_content(bundle_path: Path) -> None:
    """The bundle's file name carries the hash of its bytes, and the page points to it."""
    from planner.bundle import bundle_name

    assert bundle_path.name == bundle_name(bundle_path.read_bytes())
    page = (bundle_path.parents[2] / "planner" / "index.html").read_text(encoding="utf-8")
    assert f'data-bundle="../assets/planner/{bundle_path.name}"' in page


def test_no_page_fetches_from_another_origin(built_site: Path) -> None:
    """No page loads a script, style, font or image from anywhere but this site."""
    offenders = []
    for page in _pages(built_site):
        for url in _fetches(page).urls:
            if urlsplit(url).netloc:
                offenders.append(f"{page.relative_to(built_site)}: {url}")
    assert offenders == []


def test_no_third_party_hosts_anywhere(built_site: Path) -> None:
    """Neither the pages nor our own assets name Google Fonts or a CDN."""
    pattern = re.compile(r"fonts\.(googleapis|gstatic)\.com|cdn\.jsdelivr|unpkg\.com|cdnjs")
    texts = [*_pages(built_site), *(built_site / "assets" / "planner").rglob("*.js")]
    hits = [str(path) for path in texts if pattern.search(path.read_text(encoding="utf-8"))]
    assert hits == []


def test_no_generator_tag(built_site: Path) -> None:
    """No page advertises the tools it was made with."""
    assert [p for p in _pages(built_site) if _fetches(p).generator] == []


@pytest.mark.parametrize("page", ["index.html", "guide/same-day/index.html", "privacy/index.html"])
def test_guide_pages_carry_no_planner_code(built_site: Path, page: str) -> None:
    """Guide pages reference neither the planner client, its worker nor Pyodide."""
    text = (built_site / page).read_text(encoding="utf-8")
    assert "assets/planner/" not in text
    assert "pyodide" not in text.lower()


def test_planner_page_loads_its_client_by_url(built_site: Path) -> None:
    """The planner page loads its module by a versioned URL, not inline code."""
    text = (built_site / "planner" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<script type="module" src="\.\./assets/planner/v-\w+/client\.js">', text)
