"""The site's own static host (:mod:`planner.host`, what ``make serve`` runs), counting bytes.

The benchmark measures what a visitor gets from ``make serve``: the same
handler, with two additions. Every byte written to a socket is counted, with
the path, so the benchmark can say what a page moved over the wire; and extra
folders can be mounted under a prefix (the benchmark mounts a bare page that
loads the npm package's Pyodide as shipped), so that both pages come from one
server with one set of rules (a mounted file gets the headers of the same path at
the site's root).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import unquote

from planner.host import Handler, Server
from planner.negotiate import Gzipped


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


class _CountingHandler(Handler):
    """The site's handler; it also records each response and serves mounted folders."""

    ledger: Ledger
    mounts: dict[str, Path]

    def _resolve(self, url_path: str) -> Path | None:
        for prefix, folder in self.mounts.items():
            if url_path.startswith(prefix):
                target = (folder / unquote(url_path[len(prefix) :])).resolve()
                if target.is_dir():
                    target = target / "index.html"
                return target if target.is_relative_to(folder) and target.is_file() else None
        return super()._resolve(url_path)

    def _send(self, status: int, path: str, *args: Any, **kwargs: Any) -> None:
        # A mounted folder gets the headers its path would get at the site's root, so
        # that bare Pyodide under /bare/assets/pyodide/<version>/ is cached as the
        # site's own /assets/pyodide/<version>/ is: both pages are served alike.
        for prefix in self.mounts:
            if path.startswith(prefix):
                path = "/" + path.split("/", 2)[2]
                break
        super()._send(status, path, *args, **kwargs)

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

    def send_header(self, keyword: str, value: str) -> None:
        if keyword.lower() == "content-encoding":
            self._encoding = value
        super().send_header(keyword, value)


@contextmanager
def host(root: Path, mounts: dict[str, Path] | None = None) -> Iterator[tuple[str, Ledger]]:
    """Serve ``root`` (and ``mounts``: URL prefix -> folder) on 127.0.0.1.

    Yields the base URL and the ledger of everything sent.
    """
    ledger = Ledger()
    handler: Any = type(
        "BenchHandler",
        (_CountingHandler,),
        {
            "root": root.resolve(),
            "gzipped": Gzipped(),
            "ledger": ledger,
            "mounts": {prefix: folder.resolve() for prefix, folder in (mounts or {}).items()},
        },
    )
    server = Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.1,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", ledger
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
