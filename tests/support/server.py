"""A static file server for the built site, bound to 127.0.0.1 only.

Used by the browser tests. It sends the types Pyodide needs (``.mjs`` as
JavaScript, ``.wasm`` as WebAssembly) whatever the machine's mime database says.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

TYPES = {
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".wasm": "application/wasm",
    ".json": "application/json",
    ".zip": "application/zip",
    ".css": "text/css",
    ".svg": "image/svg+xml",
}


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {  # noqa: RUF012 - the standard library's own class attribute
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        **TYPES,
    }

    def log_message(self, format: str, *args: Any) -> None:
        """Stay quiet: tests read the browser, not the access log."""


@contextmanager
def serve(root: Path, port: int = 0) -> Iterator[str]:
    """Serve ``root`` on 127.0.0.1 and yield its base URL (``http://127.0.0.1:PORT/``)."""
    handler = functools.partial(_Handler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
