"""MkDocs hook: ship the self-hosted Pyodide runtime and the planner bundle.

A thin adapter: the bundle is made by :mod:`planner.bundle`; this file only
copies files into the built site and fills the planner page's asset marker.
Guide pages get nothing from here, so they load no Pyodide bytes.
"""

from __future__ import annotations

import json
import mimetypes
import shutil
from pathlib import Path
from typing import Any

from planner import bundle

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


def on_startup(**_kwargs: Any) -> None:
    """Make `mkdocs serve` send WebAssembly and JavaScript modules with their types."""
    mimetypes.add_type("application/wasm", ".wasm")
    mimetypes.add_type("text/javascript", ".mjs")


def on_pre_build(config: Any, **_kwargs: Any) -> None:
    """Pack the planner once per build and remember its content-hashed name."""
    _, version = _pyodide_dir(config)
    data = bundle.build_archive()
    docs = Path(config["docs_dir"])
    client = (docs / "assets/planner/client.js").read_bytes()
    worker = (docs / "assets/planner/worker.js").read_bytes()
    css = (docs / "assets/planner/planner.css").read_bytes()
    _state.update(
        archive=data,
        name=bundle.bundle_name(data),
        pyodide_version=version,
        client_hash=bundle.content_hash(client),
        worker_hash=bundle.content_hash(worker),
        css_hash=bundle.content_hash(css),
    )


def on_page_markdown(markdown: str, **_kwargs: Any) -> str:
    """Replace the planner page's asset marker with its script and data tags."""
    if MARKER not in markdown:
        return markdown
    tags = (
        f'<link rel="stylesheet" href="../assets/planner/planner.css?v={_state["css_hash"]}">\n'
        f'<div id="planner-assets" hidden'
        f' data-bundle="../assets/planner/{_state["name"]}"'
        f' data-pyodide="../assets/pyodide/{_state["pyodide_version"]}/"'
        f' data-worker="../assets/planner/worker.js?v={_state["worker_hash"]}"></div>\n'
        f'<script type="module" src="../assets/planner/client.js?v={_state["client_hash"]}">'
        "</script>"
    )
    return markdown.replace(MARKER, tags)


def on_post_build(config: Any, **_kwargs: Any) -> None:
    """Write the bundle and copy the Pyodide files into the built site."""
    site = Path(config["site_dir"])
    source, version = _pyodide_dir(config)
    target = site / "assets" / "pyodide" / version
    target.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        shutil.copy2(source / name, target / name)
    planner_dir = site / "assets" / "planner"
    planner_dir.mkdir(parents=True, exist_ok=True)
    for stale in planner_dir.glob("planner-*.zip"):
        stale.unlink()
    (planner_dir / _state["name"]).write_bytes(_state["archive"])
