"""Offline and installable: the service worker's precache list, the app manifest and icons.

Build-time helpers (standard library only). After the build, the publish hook
lists the built site with :func:`precache_entries`, writes the service worker
with that list in it (:func:`service_worker`), and writes the web app manifest
(:func:`web_manifest`) and the icons' SVG (:func:`icon_svg`, rasterized by the
hook). The service worker's own rules are in ``docs/assets/site/sw.js``.

**What is precached.** Every file of the built site, except what
:func:`precached` refuses:

- compressed siblings (``*.br``, ``*.gz``): the host picks one by the request's
  ``Accept-Encoding``, and the worker caches the plain URL's decoded bytes;
- source maps, the sitemap, ``404.html``, the ``_headers`` file, the worker
  itself (``sw.js``) and dotfiles: nothing a visitor needs offline;
- **files fetched only on demand, marked by their name**: a file whose name
  contains ``-full`` (:data:`ON_DEMAND`, e.g. ``python_stdlib-full.zip``) is
  downloaded only when the page asks for it and is never precached.

**How a URL is served.** A URL whose name carries its content hash (or a
version, for Pyodide's own files) never changes: :data:`IMMUTABLE` lists the
patterns, the worker serves those cache-first and the ``_headers`` file gives
them a year of immutable caching. Everything else (pages, the search index,
unhashed files) goes to the network first and falls back to the cache, so an
online visitor never gets an old file beside a new page, and an offline one
gets one version's files throughout.

Example:
    >>> precached("assets/pyodide/314.0.7/pyodide.asm.wasm")
    True
    >>> precached("assets/pyodide/314.0.7/python_stdlib-full.zip")
    False
    >>> page_url("guide/same-day/index.html")
    'guide/same-day/'
"""

from __future__ import annotations

import base64
import fnmatch
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from planner.headers import Rule

#: Files fetched only when the page asks for them: never precached (see the module docstring).
ON_DEMAND = "*-full*"
#: File-name patterns that are never precached.
NOT_PRECACHED = (ON_DEMAND, "*.br", "*.gz", "*.map", ".*", "sitemap.xml", "404.html", "_headers")
#: The service worker, written at the site's root so that its scope is the whole site.
SERVICE_WORKER = "sw.js"
#: URL patterns (``_headers`` syntax) whose content never changes under the same URL.
IMMUTABLE = (
    "/assets/javascripts/bundle.*",
    "/assets/javascripts/workers/*",
    "/assets/stylesheets/*",
    "/assets/planner/*",
    "/assets/site/*",
    "/assets/pyodide/:version/pyodide*",
)
#: The line of the worker's source that the build replaces with the real list.
_PRECACHE_LINE = re.compile(r"^const PRECACHE = .*;$", re.MULTILINE)


@dataclass(frozen=True)
class Entry:
    """One precached URL (relative to the site root), its bytes' SHA-256 and size."""

    url: str
    sha256: str
    size: int
    immutable: bool


@dataclass(frozen=True)
class Icon:
    """One icon file: its size in pixels and its shape."""

    name: str
    size: int
    maskable: bool = False
    square: bool = False


#: Every icon, drawn from the site's logo at build time (see :func:`icon_svg`).
ICONS = (
    Icon("icon-192.png", 192),
    Icon("icon-512.png", 512),
    Icon("icon-maskable-512.png", 512, maskable=True),
    Icon("apple-touch-icon.png", 180, square=True),
    Icon("favicon.png", 48),
)
ICON_DIR = "assets/icons"
#: The theme's primary colour (docs/stylesheets/theme.css) and the icon's glyph colour.
THEME_COLOR = "#00695c"
GLYPH_COLOR = "#ffffff"
BACKGROUND_COLOR = "#ffffff"


def precached(path: str) -> bool:
    """Whether a file of the built site (path relative to its root) is precached."""
    name = PurePosixPath(path).name
    if path == SERVICE_WORKER:
        return False
    return not any(fnmatch.fnmatchcase(name, pattern) for pattern in NOT_PRECACHED)


def immutable(url_path: str) -> bool:
    """Whether a URL path (``/assets/...``) names content that never changes."""
    return any(Rule(pattern, ()).matches(url_path) for pattern in IMMUTABLE)


def page_url(path: str) -> str:
    """The URL a page is visited at: ``guide/x/index.html`` is ``guide/x/``, the home is ``./``."""
    if path == "index.html":
        return "./"
    return path.removesuffix("index.html") if path.endswith("/index.html") else path


def precache_entries(site: Path) -> list[Entry]:
    """Every precached file of a built site, sorted by URL."""
    entries = []
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site).as_posix()
        if not path.is_file() or not precached(relative):
            continue
        if any(part.startswith(".") for part in PurePosixPath(relative).parts):
            continue
        data = path.read_bytes()
        digest = base64.b64encode(hashlib.sha256(data).digest()).decode("ascii")
        url = page_url(relative)
        entries.append(Entry(url, digest, len(data), immutable("/" + relative)))
    return sorted(entries, key=lambda entry: entry.url)


def version(entries: list[Entry]) -> str:
    """A short name for one set of files: it changes when any file changes."""
    listing = "\n".join(f"{entry.url} {entry.sha256}" for entry in entries)
    return hashlib.sha256(listing.encode("utf-8")).hexdigest()[:12]


def service_worker(source: str, entries: list[Entry]) -> str:
    """The worker's source with its precache list filled in.

    The source holds exactly one line ``const PRECACHE = ...;``; it is replaced
    by the version and the files, so every new build gives the browser a
    different worker to install.

    Raises:
        ValueError: the source does not hold exactly one such line.
    """
    if len(_PRECACHE_LINE.findall(source)) != 1:
        raise ValueError("sw.js must hold exactly one line `const PRECACHE = ...;`")
    data = {
        "version": version(entries),
        "files": [
            {"url": e.url, "sha256": e.sha256, "size": e.size, "immutable": e.immutable}
            for e in entries
        ],
    }
    listing = json.dumps(data, separators=(",", ":"))
    line = f"const PRECACHE = /** @type {{Precache}} */ ({listing});"
    return _PRECACHE_LINE.sub(lambda _: line, source)


def write_service_worker(site: Path, source: Path) -> list[Entry]:
    """List the built site and write its worker at the root; return what it precaches."""
    entries = precache_entries(site)
    text = service_worker(source.read_text(encoding="utf-8"), entries)
    (site / SERVICE_WORKER).write_text(text, encoding="utf-8")
    return entries


def web_manifest(name: str, description: str) -> str:
    """The web app manifest: it opens at the planner, in its own window, with the icons."""
    icons = [
        {
            "src": f"{ICON_DIR}/{icon.name}",
            "sizes": f"{icon.size}x{icon.size}",
            "type": "image/png",
            **({"purpose": "maskable"} if icon.maskable else {}),
        }
        for icon in ICONS
        if icon.size >= 192
    ]
    manifest = {
        "name": name,
        "short_name": name,
        "description": description,
        "start_url": "./planner/",
        "scope": "./",
        "display": "standalone",
        "theme_color": THEME_COLOR,
        "background_color": BACKGROUND_COLOR,
        "icons": icons,
    }
    return json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"


def icon_svg(glyph: str, icon: Icon) -> str:
    """An icon as SVG: the logo's glyph in white on the theme colour.

    ``glyph`` is the logo's own SVG (one source for every icon). A plain icon
    is a rounded square with the glyph at 62 % of its width; a square one
    (Apple's, which the phone rounds itself) fills its box; a maskable one
    fills its box and keeps the glyph within the central safe circle (50 %).

    Raises:
        ValueError: ``glyph`` is not an SVG with a square ``viewBox``.
    """
    match = re.search(r"<svg\b([^>]*)>(.*)</svg>", glyph, re.DOTALL)
    box = re.search(r'viewBox="([\d.\s-]+)"', match.group(1)) if match else None
    if not match or not box:
        raise ValueError("the logo must be an SVG with a viewBox")
    left, top, width, height = (float(value) for value in box.group(1).split())
    if width != height:
        raise ValueError("the logo's viewBox must be square")
    size = icon.size
    share = 0.5 if icon.maskable else 0.62
    scale = size * share / width
    offset = size * (1 - share) / 2
    radius = 0 if icon.maskable or icon.square else round(size * 0.22, 2)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}"'
        f' viewBox="0 0 {size} {size}">'
        f'<rect width="{size}" height="{size}" rx="{radius}" fill="{THEME_COLOR}"/>'
        f'<g fill="{GLYPH_COLOR}" transform="translate({offset - left * scale:g} '
        f'{offset - top * scale:g}) scale({scale:g})">{match.group(2)}</g></svg>'
    )


def head_tags(root: str, scripts: list[str], modules: list[str]) -> str:
    """The tags every page gets: manifest, Apple's icon and the site-wide scripts.

    ``root`` is the way from the page to the site's root (``""``, ``"../"``...).
    ``scripts`` (classic, run at once, before the theme's own script) and
    ``modules`` (run once the page is parsed) are paths from the root.
    """
    tags = [
        f'<link rel="manifest" href="{root}manifest.webmanifest">',
        f'<link rel="apple-touch-icon" href="{root}{ICON_DIR}/apple-touch-icon.png">',
        *(f'<script src="{root}{script}"></script>' for script in scripts),
        *(f'<script type="module" src="{root}{module}"></script>' for module in modules),
    ]
    return "".join(f"\n{tag}" for tag in tags)


def add_to_head(page: str, tags: str) -> str:
    """The page with ``tags`` at the end of its head.

    Raises:
        ValueError: the page has no ``</head>``.
    """
    end = page.find("</head>")
    if end < 0:
        raise ValueError("a page without </head>")
    return page[:end] + tags + "\n" + page[end:]
