"""Offline: what the service worker precaches, and the worker written with that list.

Build-time helpers (standard library only). After the build, the publish hook
lists the built site with :func:`precache_entries` and writes the service
worker with that list in it (:func:`write_service_worker`). The worker's own
rules are in ``docs/assets/site/sw.js``.

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
