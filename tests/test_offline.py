"""Offline: what is precached, how each URL is served, and the worker's list."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path

import pytest

from planner import offline

WORKER_SOURCE = (
    "// a worker\n"
    'const PRECACHE = /** @type {Precache} */ ({ version: "development", files: [] });\n'
    "const CACHE = PRECACHE.version;\n"
)


@pytest.mark.parametrize(
    ("path", "kept"),
    [
        ("index.html", True),
        ("guide/same-day/index.html", True),
        ("search/search_index.json", True),
        ("assets/pyodide/314.0.7/pyodide.asm.wasm", True),
        ("assets/pyodide/314.0.7/python_stdlib.zip", True),
        ("manifest.webmanifest", True),
        ("assets/pyodide/314.0.7/python_stdlib-full.zip", False),
        ("assets/pyodide/314.0.7/pyodide.asm.wasm.br", False),
        ("assets/pyodide/314.0.7/pyodide.asm.wasm.gz", False),
        ("assets/javascripts/bundle.a5f9d56c.min.js.map", False),
        ("sitemap.xml", False),
        ("404.html", False),
        ("_headers", False),
        ("sw.js", False),
        (".nojekyll", False),
    ],
)
def test_the_precache_rule(path: str, kept: bool) -> None:
    """Everything a visitor uses offline; not compressed siblings, on-demand files or tooling."""
    assert offline.precached(path) is kept


@pytest.mark.parametrize(
    ("url_path", "fixed"),
    [
        ("/assets/javascripts/bundle.a5f9d56c.min.js", True),
        ("/assets/stylesheets/main.57a0d79d.min.css", True),
        ("/assets/planner/v-7d02ea98ae53/client.js", True),
        ("/assets/planner/planner-4443e4cd023f.zip", True),
        ("/assets/pyodide/314.0.7/pyodide.asm.wasm", True),
        ("/assets/pyodide/314.0.7/python_stdlib.zip", False),
        ("/search/search_index.json", False),
        ("/stylesheets/theme.css", False),
        ("/guide/same-day/", False),
    ],
)
def test_only_hashed_or_versioned_names_are_immutable(url_path: str, fixed: bool) -> None:
    """A URL served cache-first must change name whenever its bytes change."""
    assert offline.immutable(url_path) is fixed


def make_site(root: Path, files: dict[str, bytes]) -> Path:
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return root


def test_entries_name_pages_by_their_folder_and_carry_their_hash(tmp_path: Path) -> None:
    """Pages are listed at the URL people visit, each file with its SHA-256 and size."""
    site = make_site(
        tmp_path,
        {
            "index.html": b"home",
            "guide/x/index.html": b"guide",
            "assets/javascripts/bundle.0123abcd.min.js": b"js",
            "assets/javascripts/bundle.0123abcd.min.js.map": b"map",
            "sw.js": b"old worker",
        },
    )
    entries = offline.precache_entries(site)
    assert [entry.url for entry in entries] == [
        "./",
        "assets/javascripts/bundle.0123abcd.min.js",
        "guide/x/",
    ]
    home = entries[0]
    assert home.sha256 == base64.b64encode(hashlib.sha256(b"home").digest()).decode()
    assert (home.size, home.immutable) == (4, False)
    assert entries[1].immutable


def test_any_changed_file_changes_the_version(tmp_path: Path) -> None:
    """The version names the whole set: one changed byte anywhere gives a new one."""
    site = make_site(tmp_path, {"index.html": b"home", "a.css": b"x"})
    before = offline.version(offline.precache_entries(site))
    (site / "a.css").write_bytes(b"y")
    assert offline.version(offline.precache_entries(site)) != before


def test_the_worker_gets_the_list_in_place_of_its_placeholder(tmp_path: Path) -> None:
    """The built worker holds this build's version and files; the rest of its code is unchanged."""
    site = make_site(tmp_path / "site", {"index.html": b"home"})
    source = tmp_path / "source.js"
    source.write_text(WORKER_SOURCE, encoding="utf-8")
    entries = offline.write_service_worker(site, source)
    text = (site / "sw.js").read_text(encoding="utf-8")
    found = re.search(r"^const PRECACHE = /\*\* @type \{Precache\} \*/ \((.*)\);$", text, re.M)
    assert found is not None
    listed = json.loads(found.group(1))
    assert listed["version"] == offline.version(entries)
    assert [file["url"] for file in listed["files"]] == ["./"]
    assert text.startswith("// a worker\n") and text.endswith("const CACHE = PRECACHE.version;\n")


def test_a_worker_without_its_placeholder_fails_the_build() -> None:
    """If the source loses its PRECACHE line, the build stops instead of shipping an empty list."""
    with pytest.raises(ValueError, match="PRECACHE"):
        offline.service_worker("const OTHER = 1;\n", [])
