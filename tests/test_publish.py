"""The built site as published: pages under their policy, headers file, offline list, icons."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import struct
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest

from planner import offline, policy
from planner.headers import headers_for, parse

#: A full standard library (about 15 MB) would blow this: on-demand files stay out.
PRECACHE_BUDGET = 20_000_000


class _Page(HTMLParser):
    """What a browser would see in a page's markup: scripts, the policy, links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []  # inline scripts that run
        self.first_script_at = -1
        self.policy_at = -1
        self.policy = ""
        self.links: dict[str, str] = {}
        self.script_urls: list[str] = []
        self._inline: list[str] | None = None
        self._count = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._count += 1
        values = {name: value or "" for name, value in attrs}
        if tag == "meta" and values.get("http-equiv") == "Content-Security-Policy":
            self.policy, self.policy_at = values["content"], self._count
        if tag == "link":
            self.links.setdefault(values.get("rel", ""), values.get("href", ""))
        if tag == "script":
            if self.first_script_at < 0:
                self.first_script_at = self._count
            if "src" in values:
                self.script_urls.append(values["src"])
            elif values.get("type", "") in {"", "module", "text/javascript"}:
                self._inline = []

    def handle_data(self, data: str) -> None:
        if self._inline is not None:
            self._inline.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._inline is not None:
            self.scripts.append("".join(self._inline))
            self._inline = None


def read_page(path: Path) -> _Page:
    parser = _Page()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def sha256(data: bytes) -> str:
    return base64.b64encode(hashlib.sha256(data).digest()).decode()


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def script_hashes(page: _Page) -> set[str]:
    return {f"'sha256-{sha256(text.encode())}'" for text in page.scripts}


def test_every_page_carries_the_policy_before_any_script(built_site: Path) -> None:
    """Each page's own policy comes before its first script and lists exactly its inline scripts."""
    for path in pages(built_site):
        page = read_page(path)
        assert page.policy, f"{path} has no policy"
        assert 0 < page.policy_at < page.first_script_at, path
        sources = page.policy.split("script-src", 1)[1].split(";", 1)[0].split()
        assert {s for s in sources if s.startswith("'sha256-")} == script_hashes(page), path
        assert page.scripts, f"{path}: expected the theme's inline scripts"


def test_the_headers_file_sends_the_pages_policy_with_framing_forbidden(built_site: Path) -> None:
    """The headers' policy is the pages' one, with every page's hashes and frame-ancestors."""
    rules = parse((built_site / "_headers").read_text(encoding="utf-8"))
    sent = dict(headers_for(rules, "/planner/"))
    every_hash = set().union(*(script_hashes(read_page(path)) for path in pages(built_site)))
    assert sent["Content-Security-Policy"] == policy.policy(sorted(every_hash), header=True)
    assert "frame-ancestors 'none'" in sent["Content-Security-Policy"]
    worker = dict(headers_for(rules, "/assets/planner/v-0123456789ab/worker.js"))
    assert worker["Content-Security-Policy"] == sent["Content-Security-Policy"]
    assert sent["X-Content-Type-Options"] == "nosniff"
    assert sent["Referrer-Policy"] == "no-referrer"
    assert "Cache-Control" not in sent  # pages revalidate: the host's default


def test_long_caching_only_for_names_that_change_with_their_content(built_site: Path) -> None:
    """Material's and our hashed files are immutable for a year; pages and the index are not."""
    rules = parse((built_site / "_headers").read_text(encoding="utf-8"))
    immutable = {
        "/" + p.relative_to(built_site).as_posix()
        for p in built_site.rglob("*")
        if p.is_file()
        and "immutable"
        in dict(headers_for(rules, "/" + p.relative_to(built_site).as_posix())).get(
            "Cache-Control", ""
        )
    }
    hashed = re.compile(
        r"\.[0-9a-f]{8}\.min\.(js|css)(\.map)?$|/v-[0-9a-f]{12}/|/planner-[0-9a-f]{12}\.zip$"
    )
    for url in immutable:
        assert hashed.search(url) or re.match(r"/assets/pyodide/[\d.]+/pyodide", url), url
    assert any(url.endswith("pyodide.asm.wasm") for url in immutable)
    assert not any(
        url.endswith(("index.html", "search_index.json", "python_stdlib.zip", "sw.js"))
        for url in immutable
    )


def precache(site: Path) -> dict[str, object]:
    text = (site / "sw.js").read_text(encoding="utf-8")
    found = re.search(r"^const PRECACHE = /\*\* @type \{Precache\} \*/ \((.*)\);$", text, re.M)
    assert found is not None, "sw.js holds no precache list"
    listed: dict[str, object] = json.loads(found.group(1))
    return listed


def test_the_worker_lists_every_file_a_visitor_needs_with_its_hash(built_site: Path) -> None:
    """Every page, the search index, Pyodide and the planner, each with the bytes' SHA-256."""
    files = precache(built_site)["files"]
    assert isinstance(files, list)
    urls = {file["url"] for file in files}
    for path in pages(built_site):
        if path.name != "404.html":
            assert offline.page_url(path.relative_to(built_site).as_posix()) in urls
    for needed in ("search/search_index.json", "manifest.webmanifest", "assets/icons/icon-192.png"):
        assert needed in urls
    assert any(url.endswith("pyodide.asm.wasm") for url in urls)
    assert any(re.search(r"assets/planner/planner-\w+\.zip$", url) for url in urls)
    assert not [url for url in urls if url.endswith((".map", ".br", ".gz", "sw.js"))]
    for file in files:
        target = built_site / (
            file["url"] + "index.html" if file["url"].endswith("/") else file["url"]
        )
        assert sha256(target.read_bytes()) == file["sha256"], file["url"]


def test_the_precache_stays_within_its_budget(built_site: Path) -> None:
    """An offline copy of the whole site stays under 20 MB (printed for the report)."""
    files = precache(built_site)["files"]
    assert isinstance(files, list)
    total = sum(file["size"] for file in files)
    print(f"\nprecache: {len(files)} files, {total / 1e6:.1f} MB")
    assert total < PRECACHE_BUDGET


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_the_manifests_icons_exist_at_their_sizes(built_site: Path) -> None:
    """Each icon the manifest names is a PNG of the size it claims."""
    manifest = json.loads((built_site / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert len(manifest["icons"]) == 3
    for icon in manifest["icons"]:
        width, height = png_size(built_site / icon["src"])
        assert f"{width}x{height}" == icon["sizes"]


@pytest.mark.parametrize("page", ["index.html", "guide/same-day/index.html", "planner/index.html"])
def test_every_page_links_the_manifest_icon_and_site_scripts(built_site: Path, page: str) -> None:
    """The manifest, Apple's icon, the favicon and both site scripts resolve to built files."""
    parsed = read_page(built_site / page)
    base = f"http://site/{page}"
    wanted = [parsed.links["manifest"], parsed.links["apple-touch-icon"], parsed.links["icon"]]
    site_scripts = [
        url for url in parsed.script_urls if "/site/" in url or url.startswith("assets/site/")
    ]
    assert len(site_scripts) == 2
    for url in [*wanted, *site_scripts]:
        target = urljoin(base, url).removeprefix("http://site/")
        assert (built_site / target).is_file(), f"{page}: {url}"
    assert png_size(
        built_site / urljoin(base, parsed.links["apple-touch-icon"]).removeprefix("http://site/")
    ) == (180, 180)
