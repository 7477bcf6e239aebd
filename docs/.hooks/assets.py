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

from planner import bundle, stdlib
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


def _node(script: Path, *args: Path | str) -> None:
    node = shutil.which("node")
    if node is None:
        raise SystemExit("Node.js is needed to build the site (see README: Requirements).")
    subprocess.run([node, str(script), *map(str, args)], check=True)


def _runtime(config: Any, source: Path, planner_zip: bytes) -> dict[str, Path]:
    """What the browser's Python loads, made once per input and cached.

    * ``full``: Pyodide's standard library compiled to bytecode, stored (the
      fallback archive); keyed by the npm package's archive and the compiler;
    * ``planner``: the planner bundle compiled to bytecode, stored;
    * ``stdlib``: the full archive trimmed to the modules that every kind of
      request imported when run in Pyodide under Node (planner.stdlib).

    Each key covers its inputs and the code that makes it, so a new Pyodide, a
    change to the planner or to the golden requests makes fresh files.
    """
    script = Path(__file__).with_name("precompile.mjs")
    tools = script.read_bytes() + (bundle.package_dir() / "bundle.py").read_bytes()
    cache = _project_root(config) / "node_modules" / ".cache" / "follow-up"
    cache.mkdir(parents=True, exist_ok=True)
    plain = (source / "python_stdlib.zip").read_bytes()
    full = cache / f"python_stdlib-full-{bundle.content_hash(plain + tools)}.zip"
    if not full.is_file():
        with tempfile.TemporaryDirectory() as scratch:
            tool = Path(scratch) / "planner.zip"
            # The compiler runs planner.bundle in Pyodide: the whole package, build modules too.
            tool.write_bytes(bundle.build_archive(build_only=True))
            partial = Path(scratch) / full.name
            _node(script, "compile", source, tool, source / "python_stdlib.zip", partial)
            shutil.move(partial, full)
    inputs = _golden_inputs(config)
    requests = json.dumps(stdlib.exercise_requests(inputs)).encode()
    key = bundle.content_hash(
        full.name.encode()
        + planner_zip
        + requests
        + (bundle.package_dir() / "stdlib.py").read_bytes()
    )
    folder = cache / f"runtime-{key}"
    files = {
        "full": full,
        "planner": folder / "planner.zip",
        "stdlib": folder / "python_stdlib.zip",
    }
    if folder.is_dir():
        return files
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch) / folder.name
        work.mkdir()
        tool = work / "compiler.zip"
        tool.write_bytes(bundle.build_archive(build_only=True))
        runtime = work / "source.zip"
        runtime.write_bytes(planner_zip)
        _node(script, "compile", source, tool, runtime, work / "planner.zip")
        (work / "requests.json").write_bytes(requests)
        _node(
            script,
            "record",
            source,
            full,
            work / "planner.zip",
            work / "requests.json",
            work / "origins.json",
        )
        origins = json.loads((work / "origins.json").read_text(encoding="utf-8"))
        (work / "python_stdlib.zip").write_bytes(stdlib.trim_archive(full.read_bytes(), origins))
        tool.unlink()
        runtime.unlink()
        shutil.move(work, folder)
    return files


def _empty_lock(source: Path) -> str:
    """Pyodide's lock file with no packages: the planner loads none.

    Handed to ``loadPyodide`` as ``lockFileContents``, it spares the worker the
    download of the full lock file. Pyodide checks its ``info`` (ABI version),
    so that part is the npm package's own.
    """
    lock = json.loads((source / "pyodide-lock.json").read_text(encoding="utf-8"))
    return json.dumps({"info": lock["info"], "packages": {}}, sort_keys=True)


def _golden_inputs(config: Any) -> list[tuple[str, Any]]:
    """The golden interviews of tests/golden/: the inputs the build exercises the planner with."""
    folder = _project_root(config) / "tests" / "golden"
    return [
        (path.stem, json.loads(path.read_text(encoding="utf-8")))
        for path in sorted(folder.glob("*.json"))
    ]


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
    source, version = _pyodide_dir(config)
    runtime = _runtime(config, source, bundle.build_archive())
    data = runtime["planner"].read_bytes()
    scripts = b"".join(path.name.encode() + b"\0" + path.read_bytes() for path in _scripts(config))
    _state.update(
        archive=data,
        runtime=runtime,
        lock=_empty_lock(source),
        name=bundle.bundle_name(data),
        pyodide_version=version,
        asset_dir=f"v-{bundle.content_hash(scripts)}",
        styles=[path.name for path in _scripts(config) if path.suffix == ".css"],
        modules=[
            path.name
            for path in _scripts(config)
            if path.suffix == ".js" and path.name != "worker.js"
        ],
    )


def on_page_markdown(markdown: str, **_kwargs: Any) -> str:
    """Replace the planner page's asset marker with its script and data tags.

    The guide links (advice id -> guide section) ride along as JSON, so the
    page's scripts hold no copy of the guide's structure.
    """
    if MARKER not in markdown:
        return markdown
    folder = f"../assets/planner/{_state['asset_dir']}"
    tags = (
        f'<div id="planner-assets" hidden'
        f' data-bundle="../assets/planner/{_state["name"]}"'
        f' data-pyodide="../assets/pyodide/{_state["pyodide_version"]}/"'
        f' data-pyodide-lock="{html.escape(_state["lock"], quote=True)}"'
        f' data-worker="../assets/planner/{_state["asset_dir"]}/worker.js"'
        f' data-guide="{_attribute(guide_links())}"'
        f' data-guide-titles="{_attribute(guide_titles())}"></div>\n'
        f'<script type="module" src="{folder}/client.js"></script>'
    )
    return markdown.replace(MARKER, tags)


def on_post_page(output: str, **_kwargs: Any) -> str:
    """Link the planner page's stylesheets from its head, its modules from its body.

    In the body the stylesheets would arrive after the form was first drawn, and
    the form would move when they applied (a layout shift). The modules are asked
    for at once (rather than one import level at a time) just before the page's
    script: asked for in the head, they held up the first paint (Lighthouse,
    simulated mobile: planner 96 -> 100, first contentful paint 1.9 s -> 1.3 s).
    """
    if 'id="planner-assets"' not in output:
        return output
    folder = f"../assets/planner/{_state['asset_dir']}"
    # print.css holds only print rules: linked for print, it does not hold up the first paint.
    links = "".join(
        f'<link rel="stylesheet" href="{folder}/{name}"'
        + (' media="print">' if name == "print.css" else ">")
        for name in _state["styles"]
    )
    script = f'<script type="module" src="{folder}/client.js">'
    preloads = "".join(
        f'<link rel="modulepreload" href="{folder}/{name}">' for name in _state["modules"]
    )
    head, rest = output.split("</head>", 1)
    return head + links + "</head>" + rest.replace(script, preloads + script, 1)


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
    shutil.copy2(_state["runtime"]["stdlib"], target / "python_stdlib.zip")
    shutil.copy2(_state["runtime"]["full"], target / stdlib.FULL_ARCHIVE)
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
