"""Which bytes to send for a file: its type, and its encoding from the request's Accept-Encoding.

Used by the static host (:mod:`planner.host`). A precompressed sibling
(``x.br``, ``x.gz``, written beside ``x`` by the build) is sent when the
request accepts its encoding; otherwise text types are gzipped on the fly (kept
in memory per file version); images and archives are sent as they are. A file
that has or could have another encoding varies by ``Accept-Encoding``.

Example:
    >>> sorted(accepted("gzip, deflate, br;q=0"))
    ['deflate', 'gzip']
"""

from __future__ import annotations

import gzip
import mimetypes
import threading
from dataclasses import dataclass
from pathlib import Path

TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".map": "application/json",
    ".webmanifest": "application/manifest+json",
    ".wasm": "application/wasm",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
    ".zip": "application/zip",
    ".gz": "application/gzip",
}
#: Types worth compressing; images and archives are compressed already.
COMPRESSIBLE = (
    "text/",
    "application/json",
    "application/manifest+json",
    "application/wasm",
    "application/xml",
    "image/svg+xml",
)
#: Precompressed siblings, in order of preference, and their Content-Encoding.
SIBLINGS = ((".br", "br"), (".gz", "gzip"))
_MIN_COMPRESS = 1024


def content_type(path: Path) -> str:
    """The Content-Type for a file, by its suffix, whatever the machine's mime database says."""
    known = TYPES.get(path.suffix.lower())
    if known:
        return known
    guessed, _ = mimetypes.guess_type(path.name)
    return guessed or "application/octet-stream"


def compressible(kind: str) -> bool:
    """Whether a response of this Content-Type is worth compressing."""
    return kind.startswith(COMPRESSIBLE)


def accepted(accept_encoding: str) -> set[str]:
    """The content codings a request accepts (q=0 means refused)."""
    codings = set()
    for part in accept_encoding.split(","):
        name, _, params = part.strip().partition(";")
        quality = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if name and quality > 0:
            codings.add(name.strip().lower())
    return codings


@dataclass(frozen=True)
class Representation:
    """What to send for a file: the file it comes from, its encoding, bytes made on the fly."""

    source: Path
    encoding: str
    made: bytes | None
    varies: bool

    @property
    def etag(self) -> str:
        """A strong ETag for these bytes: the source file's version and the encoding."""
        stat = self.source.stat()
        suffix = f"-{self.encoding}" if self.encoding else ""
        return f'"{stat.st_mtime_ns:x}-{stat.st_size:x}{suffix}"'

    def read(self) -> bytes:
        return self.made if self.made is not None else self.source.read_bytes()


class Gzipped:
    """On-the-fly gzip, kept in memory per file version (the same bytes every time)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._store: dict[tuple[Path, int, int], bytes] = {}

    def get(self, path: Path) -> bytes:
        stat = path.stat()
        key = (path, stat.st_mtime_ns, stat.st_size)
        with self._lock:
            cached = self._store.get(key)
        if cached is None:
            cached = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
            with self._lock:
                self._store = {k: v for k, v in self._store.items() if k[0] != path}
                self._store[key] = cached
        return cached


def choose(target: Path, accept_encoding: str, gzipped: Gzipped) -> Representation:
    """The representation of ``target`` to send to a request with this Accept-Encoding."""
    codings = accepted(accept_encoding)
    siblings = [(target.with_name(target.name + suffix), coding) for suffix, coding in SIBLINGS]
    present = [(sibling, coding) for sibling, coding in siblings if sibling.is_file()]
    kind = content_type(target)
    varies = compressible(kind) or bool(present)
    for sibling, coding in present:
        if coding in codings:
            return Representation(sibling, coding, None, varies)
    if compressible(kind) and "gzip" in codings and target.stat().st_size >= _MIN_COMPRESS:
        return Representation(target, "gzip", gzipped.get(target), varies)
    return Representation(target, "", None, varies)
