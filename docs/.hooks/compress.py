"""MkDocs hook: write ``.br`` and ``.gz`` beside every compressible file of the built site.

A static host that finds ``name.br`` (or ``name.gz``) beside ``name`` sends it to
a browser that accepts it, so the site pays for compression once, at build time,
with the strongest settings. Text, JavaScript, JSON, WebAssembly and our zip
archives (stored uncompressed for this reason) are compressed; each result is
cached by content in ``node_modules/.cache/follow-up/compressed`` so a rebuild
only compresses what changed. Runs after the other hooks (last in mkdocs.yml),
once every file is in place.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import brotli

#: What is worth compressing: text, scripts, data, WebAssembly, stored archives.
SUFFIXES = frozenset(
    {".html", ".css", ".js", ".mjs", ".json", ".map", ".svg", ".xml", ".txt", ".wasm", ".zip"}
)
#: Rarely downloaded (the full standard library, fetched only after a missing
#: import): compressed quickly rather than as small as possible.
QUICK = frozenset({"python_stdlib-full.zip"})


def _compressed(data: bytes, name: str, cache: Path) -> tuple[bytes, bytes]:
    """Brotli and gzip forms of ``data``, from the cache when already made."""
    quality = 5 if name in QUICK else 11
    key = hashlib.sha256(data).hexdigest()[:24] + f"-q{quality}w22"
    br, gz = cache / f"{key}.br", cache / f"{key}.gz"
    if not (br.is_file() and gz.is_file()):
        partial = cache / f"{key}.{os.getpid()}.partial"
        partial.write_bytes(brotli.compress(data, quality=quality))
        partial.replace(br)
        gz.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    return br.read_bytes(), gz.read_bytes()


def compress_site(site: Path, cache: Path) -> int:
    """Write ``.br`` and ``.gz`` beside each compressible file of ``site``; return how many.

    A sibling is written only when it is smaller than the file itself.
    """
    cache.mkdir(parents=True, exist_ok=True)
    files = sorted(path for path in site.rglob("*") if path.is_file() and path.suffix in SUFFIXES)

    def one(path: Path) -> None:
        data = path.read_bytes()
        for sibling, packed in zip(
            (".br", ".gz"), _compressed(data, path.name, cache), strict=True
        ):
            target = path.with_name(path.name + sibling)
            if len(packed) < len(data):
                target.write_bytes(packed)
                shutil.copystat(path, target)
            else:
                target.unlink(missing_ok=True)

    # Largest first, so the long ones (WebAssembly) start at once on every core.
    files.sort(key=lambda path: path.stat().st_size, reverse=True)
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        list(pool.map(one, files))
    return len(files)


def on_post_build(config: Any, **_kwargs: Any) -> None:
    """Compress the built site in place."""
    root = Path(config["config_file_path"]).resolve().parent
    compress_site(
        Path(config["site_dir"]), root / "node_modules" / ".cache" / "follow-up" / "compressed"
    )
