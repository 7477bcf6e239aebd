"""A compressing static host for the browser benchmark, and a byte count of what it sends.

It behaves like the static hosts the site is meant for: a file's precompressed
``.br`` or ``.gz`` sibling is sent when the browser accepts it; other text,
JavaScript, JSON and WebAssembly files are gzipped on the fly (as hosts do for
files nobody precompressed); content-hashed files are cached for a year and
the rest is revalidated. Every byte written to a socket is counted, with the
path, so the benchmark can say what a page moved over the wire.

Extra folders can be mounted under a prefix (the benchmark mounts a bare page
that loads the npm package's Pyodide as shipped), so that both pages come from
one server with one set of rules.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from tests.support.server import TYPES

#: Types a host compresses on the fly when no precompressed sibling exists.
_COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/wasm")
#: Paths whose names carry a version or a content hash: safe to keep for a year.
_IMMUTABLE = re.compile(
    r"/(assets/pyodide/\d[^/]*/|assets/planner/(v-\w+/|planner-\w+\.zip$))|\.[0-9a-f]{8,}\.min\."
)


@dataclass(frozen=True)
class Sent:
    """One response: when its request arrived, the path, encoding and bytes on the wire."""

    started: float
    path: str
    status: int
    encoding: str
    wire_bytes: int


@dataclass
class Ledger:
    """Every response the host sent, in order; thread-safe."""

    entries: list[Sent] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, sent: Sent) -> None:
        with self.lock:
            self.entries.append(sent)

    def since(self, start: float, until: float) -> list[Sent]:
        """The responses to requests that arrived between two wall-clock times (seconds)."""
        with self.lock:
            return [entry for entry in self.entries if start <= entry.started <= until]


class _Counting:
    """A write-through file that counts the bytes written to it."""

    def __init__(self, raw: BinaryIO) -> None:
        self.raw = raw
        self.count = 0

    def write(self, data: bytes) -> int:
        self.count += len(data)
        return self.raw.write(data)

    def flush(self) -> None:
        self.raw.flush()


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {  # noqa: RUF012 - the standard library's own class attribute
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        **TYPES,
    }
    protocol_version = "HTTP/1.1"
    ledger: Ledger
    mounts: dict[str, Path]
    _gzipped: dict[tuple[str, float], bytes]

    def log_message(self, format: str, *args: Any) -> None:
        """Stay quiet: the ledger is the log."""

    def translate_path(self, path: str) -> str:
        for prefix, folder in self.mounts.items():
            if path.startswith(prefix):
                return (
                    super()
                    .translate_path("/" + path[len(prefix) :])
                    .replace(self.directory, str(folder), 1)
                )
        return super().translate_path(path)

    def handle_one_request(self) -> None:
        counting = _Counting(self.wfile)  # type: ignore[arg-type]
        self.wfile = counting  # type: ignore[assignment]
        self._started = 0.0
        self._encoding = ""
        self._status = 0
        super().handle_one_request()
        self.wfile = counting.raw  # type: ignore[assignment]
        if counting.count:
            path = getattr(self, "path", "")
            self.ledger.add(Sent(self._started, path, self._status, self._encoding, counting.count))

    def parse_request(self) -> bool:
        self._started = time.time()  # the request line has arrived (keep-alive waits before)
        return super().parse_request()

    def send_response(self, code: int, message: str | None = None) -> None:
        self._status = code
        super().send_response(code, message)

    def end_headers(self) -> None:
        path = self.path.split("?", 1)[0]
        immutable = _IMMUTABLE.search(path) is not None
        self.send_header(
            "Cache-Control", "public, max-age=31536000, immutable" if immutable else "no-cache"
        )
        self.send_header("Vary", "Accept-Encoding")
        super().end_headers()

    def send_head(self) -> Any:
        url = self.path.split("?", 1)[0]
        path = self.translate_path(url)
        if url.endswith("/") and Path(path, "index.html").is_file():
            path = str(Path(path, "index.html"))
        if not Path(path).is_file():
            return super().send_head()
        ctype = self.guess_type(path)
        accepted = self.headers.get("Accept-Encoding", "")
        for suffix, name in ((".br", "br"), (".gz", "gzip")):
            sibling = Path(path + suffix)
            if name in accepted and sibling.is_file():
                return self._send_bytes(sibling.read_bytes(), ctype, name, sibling)
        if "gzip" in accepted and ctype.startswith(_COMPRESSIBLE):
            stat = Path(path).stat()
            key = (path, stat.st_mtime)
            if key not in self._gzipped:
                self._gzipped[key] = gzip.compress(Path(path).read_bytes(), 6, mtime=0)
            return self._send_bytes(self._gzipped[key], ctype, "gzip", Path(path))
        return super().send_head()

    def _send_bytes(self, body: bytes, ctype: str, encoding: str, source: Path) -> Any:
        modified = self.date_time_string(int(source.stat().st_mtime))
        if self.headers.get("If-Modified-Since") == modified:
            self.send_response(304)
            self.end_headers()
            return None
        self._encoding = encoding
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Encoding", encoding)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", modified)
        self.end_headers()
        return io.BytesIO(body)


@contextmanager
def host(root: Path, mounts: dict[str, Path] | None = None) -> Iterator[tuple[str, Ledger]]:
    """Serve ``root`` (and ``mounts``: URL prefix -> folder) on 127.0.0.1.

    Yields the base URL and the ledger of everything sent.
    """
    ledger = Ledger()
    handler = type(
        "Handler",
        (_Handler,),
        {"ledger": ledger, "mounts": dict(mounts or {}), "_gzipped": {}},
    )
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(root))
    )
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", ledger
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
