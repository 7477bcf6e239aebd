"""MkDocs hook: make the built site installable, offline-ready and locked down.

A thin adapter over :mod:`planner.webapp`, :mod:`planner.policy` and
:mod:`planner.offline`, run after
every other hook's pages are written:

1. the icons, drawn from the theme's logo (rasterized by ``icons.mjs``, cached
   in ``node_modules/.cache``), and the web app manifest;
2. the site-wide scripts of ``docs/assets/site/`` into a folder named by their
   hash (the service worker's source stays out: it is written at the root);
3. in every page: the manifest, icon and script tags, then the policy with the
   page's own inline-script hashes;
4. the ``_headers`` file, and last the service worker, listing every file.

A hook that rewrites built files (compression) must come after this one.
``mkdocs serve`` (``make dev``) gets steps 1 only: its live reload injects an
inline script that the policy would block, and an offline copy would hide edits.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

from planner import offline, policy, webapp
from planner.bundle import content_hash

#: Site-wide scripts: palette.js is classic (it runs before the theme's); offline.js a module.
SITE_SCRIPTS = ("palette.js", "offline.js")
_state: dict[str, Any] = {}


def on_startup(command: str, **_kwargs: Any) -> None:
    """Remember whether this is `mkdocs serve`, which gets no policy and no service worker."""
    _state["serving"] = command == "serve"


def _project_root(config: Any) -> Path:
    return Path(config["config_file_path"]).resolve().parent


def _logo(config: Any) -> str:
    """The SVG of the theme's logo icon (``theme.icon.logo``): the one source of every icon."""
    name = config["theme"]["icon"]["logo"]
    for folder in config["theme"].dirs:
        candidate = Path(folder) / ".icons" / f"{name}.svg"
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8")
    raise SystemExit(f"publish hook: the logo icon {name!r} was not found in the theme")


def _icons(config: Any, site: Path) -> None:
    """Draw every icon once per logo and script version; copy them into the site."""
    logo = _logo(config)
    jobs = [{"name": icon.name, "svg": webapp.icon_svg(logo, icon)} for icon in webapp.ICONS]
    payload = json.dumps(jobs).encode()
    script = Path(__file__).with_name("icons.mjs")
    key = content_hash(payload + script.read_bytes())
    cache = _project_root(config) / "node_modules" / ".cache" / "follow-up" / f"icons-{key}"
    if not all((cache / job["name"]).is_file() for job in jobs):
        node = shutil.which("node")
        if node is None:
            raise SystemExit("Node.js is needed to build the site (see README: Requirements).")
        partial = cache.with_name(cache.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir(parents=True)
        subprocess.run([node, str(script), str(partial)], input=payload, check=True)
        shutil.rmtree(cache, ignore_errors=True)
        partial.rename(cache)
    target = site / webapp.ICON_DIR
    target.mkdir(parents=True, exist_ok=True)
    for job in jobs:
        shutil.copy2(cache / job["name"], target / job["name"])


def _site_scripts(config: Any, site: Path) -> list[str]:
    """Copy the site-wide scripts into ``assets/site/v-<hash>/``; return their paths."""
    source = Path(config["docs_dir"]) / "assets" / "site"
    scripts = [source / name for name in SITE_SCRIPTS]
    version = content_hash(b"".join(p.name.encode() + b"\0" + p.read_bytes() for p in scripts))
    folder = site / "assets" / "site"
    shutil.rmtree(folder, ignore_errors=True)
    (folder / f"v-{version}").mkdir(parents=True)
    for path in scripts:
        shutil.copy2(path, folder / f"v-{version}" / path.name)
    return [f"assets/site/v-{version}/{path.name}" for path in scripts]


def on_post_build(config: Any, **_kwargs: Any) -> None:
    """Icons and manifest; then (not when serving) tags, policy, headers and service worker."""
    site = Path(config["site_dir"])
    _icons(config, site)
    manifest = webapp.web_manifest(config["site_name"], config["site_description"])
    (site / "manifest.webmanifest").write_text(manifest, encoding="utf-8")
    if _state.get("serving"):
        return
    scripts = _site_scripts(config, site)
    hashes: set[str] = set()
    for page in sorted(site.rglob("*.html")):
        depth = len(page.relative_to(site).parts) - 1
        tags = webapp.head_tags("../" * depth, scripts[:1], scripts[1:])
        text = webapp.add_to_head(page.read_text(encoding="utf-8"), tags)
        text = policy.with_policy(text)
        hashes.update(policy.script_sources(policy.inline_scripts(text)))
        page.write_text(text, encoding="utf-8")
    (site / "_headers").write_text(policy.headers_file(sorted(hashes)), encoding="utf-8")
    offline.write_service_worker(site, Path(config["docs_dir"]) / "assets" / "site" / "sw.js")
