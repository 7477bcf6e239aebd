"""The built site: self-hosted, private, and with Python only where it is needed."""

from __future__ import annotations

import gzip
import json
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import brotli
import pytest

from tests.support.paths import ROOT

PYODIDE_VERSION = "314.0.7"
PYODIDE_FILES = {
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "python_stdlib-full.zip",
    "pyodide-lock.json",
}
#: Our own files in that folder: the standard library, trimmed and full, compiled.
STDLIB_FILES = {"python_stdlib.zip", "python_stdlib-full.zip"}
# Attributes that make the browser fetch something (a canonical link is not fetched).
_FETCHING = {("script", "src"), ("img", "src"), ("iframe", "src"), ("source", "src")}
_FETCHING_LINKS = {"stylesheet", "preload", "modulepreload", "icon", "manifest", "prefetch"}


class _Fetches(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
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
    """Exactly the runtime files; all but the standard library are the npm package's own."""
    target = built_site / "assets" / "pyodide" / PYODIDE_VERSION
    served = {path.name for path in target.iterdir() if path.suffix not in {".br", ".gz"}}
    assert served == PYODIDE_FILES
    source = ROOT / "node_modules" / "pyodide"
    for name in PYODIDE_FILES - STDLIB_FILES:
        assert (target / name).read_bytes() == (source / name).read_bytes(), name


def test_standard_library_is_shipped_compiled(built_site: Path) -> None:
    """Every stdlib module of the npm package is in the full archive as bytecode, none as source."""
    served = built_site / "assets" / "pyodide" / PYODIDE_VERSION / "python_stdlib-full.zip"
    original = ROOT / "node_modules" / "pyodide" / "python_stdlib.zip"
    with zipfile.ZipFile(original) as plain, zipfile.ZipFile(served) as compiled:
        sources = {name for name in plain.namelist() if name.endswith(".py")}
        names = set(compiled.namelist())
    assert sources, "the npm package's standard library holds no modules"
    assert {name + "c" for name in sources} <= names
    assert not {name for name in names if name.endswith(".py")}


def test_the_browser_first_gets_a_trimmed_standard_library(built_site: Path) -> None:
    """The archive the page loads is a part of the full one: the planner's modules, compiled."""
    folder = built_site / "assets" / "pyodide" / PYODIDE_VERSION
    with (
        zipfile.ZipFile(folder / "python_stdlib.zip") as trimmed,
        zipfile.ZipFile(folder / "python_stdlib-full.zip") as full,
    ):
        kept = set(trimmed.namelist())
        assert kept < set(full.namelist())
        assert len(kept) < len(full.namelist()) / 4
        for name in ("tomllib/__init__.pyc", "calendar.pyc", "hashlib.pyc", "traceback.pyc"):
            assert name in kept, name
        assert "email/__init__.pyc" not in kept
        for info in trimmed.infolist():
            assert trimmed.read(info) == full.read(info.filename), info.filename


@pytest.mark.parametrize("name", ["python_stdlib.zip", "python_stdlib-full.zip"])
def test_archives_are_stored_for_transport_compression(built_site: Path, name: str) -> None:
    """Archive members are stored uncompressed, so the host's .br and .gz can shrink them."""
    folder = built_site / "assets" / "pyodide" / PYODIDE_VERSION
    bundles = list((built_site / "assets" / "planner").glob("planner-*.zip"))
    for path in [folder / name, *bundles]:
        with zipfile.ZipFile(path) as archive:
            kinds = {info.compress_type for info in archive.infolist()}
        assert kinds == {zipfile.ZIP_STORED}, path.name


def test_compressed_siblings_hold_their_files(built_site: Path) -> None:
    """Each page, script, JSON, WebAssembly and archive file has a .br and a .gz of itself."""
    suffixes = {".html", ".css", ".js", ".mjs", ".json", ".wasm", ".zip"}
    files = [p for p in built_site.rglob("*") if p.is_file() and p.suffix in suffixes]
    assert any(p.name == "pyodide.asm.wasm" for p in files)
    for path in files:
        data = path.read_bytes()
        br, gz = path.with_name(path.name + ".br"), path.with_name(path.name + ".gz")
        if len(data) > 1024:  # a sibling is left out only where it would not be smaller
            assert br.is_file() and gz.is_file(), path
        if br.is_file():
            assert brotli.decompress(br.read_bytes()) == data, br
        if gz.is_file():
            assert gzip.decompress(gz.read_bytes()) == data, gz


def test_planner_bundle_is_shipped_compiled(bundle_path: Path) -> None:
    """The planner's modules reach the browser as bytecode; its data files as they are."""
    with zipfile.ZipFile(bundle_path) as archive:
        names = set(archive.namelist())
    assert "planner/bridge.pyc" in names
    assert not {name for name in names if name.endswith(".py")}
    assert any(name.endswith(".md") for name in names)


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


def test_no_generator_link(built_site: Path) -> None:
    """No page carries the theme's "Made with" link to its makers' site."""
    pattern = re.compile(r"Made with|squidfunk\.github\.io")
    assert [p for p in _pages(built_site) if pattern.search(p.read_text(encoding="utf-8"))] == []


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


def test_planner_modules_are_asked_for_at_once_after_the_text(built_site: Path) -> None:
    """Every module client.js reaches is preloaded, from the body (asked for in the
    head, they held up the first paint), before the script that imports them."""
    text = (built_site / "planner" / "index.html").read_text(encoding="utf-8")
    head, body = text.split("</head>", 1)
    assert "modulepreload" not in head
    preloaded = re.findall(r'<link rel="modulepreload" href="[^"]*/([\w-]+\.js)">', body)
    folder = next((built_site / "assets" / "planner").glob("v-*"))
    reached, todo = set(), ["client.js"]
    while todo:
        name = todo.pop()
        if name not in reached:
            reached.add(name)
            todo += re.findall(r'from "\./([\w-]+\.js)"', (folder / name).read_text("utf-8"))
    assert reached <= set(preloaded)
    assert body.index("modulepreload") < body.index('/client.js"></script>')
