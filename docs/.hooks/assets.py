"""MkDocs hook: ship the self-hosted Pyodide runtime and the planner bundle.

A thin adapter: the bundle is made by :mod:`planner.bundle`; this file only
copies files into the built site and fills the planner page's asset marker.
Guide pages get nothing from here, so they load no Pyodide bytes.
"""

from __future__ import annotations

import html
import json
import mimetypes
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from planner import bundle
from planner.links import guide_links, guide_titles

#: The minimal offline Pyodide set, copied from the npm package at build time.
PYODIDE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
MARKER = "<!-- planner:assets -->"

_state: dict[str, Any] = {}


def _project_root(config: Any) -> Path:
    return Path(config["config_file_path"]).resolve().parent


def _pyodide_dir(config: Any) -> tuple[Path, str]:
    source = _project_root(config) / "node_modules" / "pyodide"
    manifest = source / "package.json"
    if not manifest.is_file():
        raise SystemExit(f"Pyodide is missing at {source}: run `npm ci` (or `make build`).")
    version = str(json.loads(manifest.read_text(encoding="utf-8"))["version"])
    return source, version


def _compiled_stdlib(config: Any, source: Path) -> Path:
    """Pyodide's standard library compiled to bytecode, made once and cached.

    The cache key covers the original zip and the code that compiles it, so a
    new Pyodide or a change to the compiler makes a fresh one.
    """
    script = Path(__file__).with_name("precompile.mjs")
    key = bundle.content_hash(
        (source / "python_stdlib.zip").read_bytes()
        + script.read_bytes()
        + (bundle.package_dir() / "bundle.py").read_bytes()
    )
    cache = _project_root(config) / "node_modules" / ".cache" / "follow-up"
    compiled = cache / f"python_stdlib-{key}.zip"
    if compiled.is_file():
        return compiled
    node = shutil.which("node")
    if node is None:
        raise SystemExit("Node.js is needed to build the site (see README: Requirements).")
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        archive = Path(scratch) / "planner.zip"
        archive.write_bytes(_state["archive"])
        partial = Path(scratch) / compiled.name
        subprocess.run([node, str(script), str(source), str(archive), str(partial)], check=True)
        shutil.move(partial, compiled)
    return compiled


def on_startup(**_kwargs: Any) -> None:
    """Make `mkdocs serve` send WebAssembly and JavaScript modules with their types."""
    mimetypes.add_type("application/wasm", ".wasm")
    mimetypes.add_type("text/javascript", ".mjs")


def _scripts(config: Any) -> list[Path]:
    """Our page assets: every script and stylesheet of docs/assets/planner/."""
    folder = Path(config["docs_dir"]) / "assets" / "planner"
    return sorted([*folder.glob("*.js"), *folder.glob("*.css")])


def on_pre_build(config: Any, **_kwargs: Any) -> None:
    """Pack the planner once per build and remember the content-hashed names."""
    _, version = _pyodide_dir(config)
    data = bundle.build_archive()
    scripts = b"".join(path.name.encode() + b"\0" + path.read_bytes() for path in _scripts(config))
    _state.update(
        archive=data,
        name=bundle.bundle_name(data),
        pyodide_version=version,
        asset_dir=f"v-{bundle.content_hash(scripts)}",
        styles=[path.name for path in _scripts(config) if path.suffix == ".css"],
    )


def on_page_markdown(markdown: str, **_kwargs: Any) -> str:
    """Replace the planner page's asset marker with its script and data tags.

    The guide links (advice id -> guide section) ride along as JSON, so the
    page's scripts hold no copy of the guide's structure.
    """
    if MARKER not in markdown:
        return markdown
    folder = f"../assets/planner/{_state['asset_dir']}"
    links = "".join(
        f'<link rel="stylesheet" href="{folder}/{name}">\n' for name in _state["styles"]
    )
    tags = (
        links + f'<div id="planner-assets" hidden'
        f' data-bundle="../assets/planner/{_state["name"]}"'
        f' data-pyodide="../assets/pyodide/{_state["pyodide_version"]}/"'
        f' data-worker="../assets/planner/{_state["asset_dir"]}/worker.js"'
        f' data-guide="{_attribute(guide_links())}"'
        f' data-guide-titles="{_attribute(guide_titles())}"></div>\n'
        f'<script type="module" src="../assets/planner/{_state["asset_dir"]}/client.js"></script>'
    )
    return markdown.replace(MARKER, tags)


def _attribute(data: dict[str, str]) -> str:
    """JSON, escaped for a double-quoted HTML attribute."""
    return html.escape(json.dumps(data, ensure_ascii=False, sort_keys=True), quote=True)


def on_post_build(config: Any, **_kwargs: Any) -> None:
    """Write the bundle and copy the Pyodide files into the built site."""
    site = Path(config["site_dir"])
    source, version = _pyodide_dir(config)
    target = site / "assets" / "pyodide" / version
    target.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        shutil.copy2(source / name, target / name)
    shutil.copy2(_compiled_stdlib(config, source), target / "python_stdlib.zip")
    planner_dir = site / "assets" / "planner"
    planner_dir.mkdir(parents=True, exist_ok=True)
    for stale in planner_dir.glob("planner-*.zip"):
        stale.unlink()
    (planner_dir / _state["name"]).write_bytes(_state["archive"])
    # Our scripts and styles live in a directory named by their joint hash, so
    # that imports between modules are cache-proof too; unhashed copies go.
    for stale in planner_dir.glob("v-*"):
        shutil.rmtree(stale)
    scripts = planner_dir / _state["asset_dir"]
    scripts.mkdir()
    for path in _scripts(config):
        shutil.copy2(path, scripts / path.name)
        (planner_dir / path.name).unlink(missing_ok=True)
