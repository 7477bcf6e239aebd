"""A static host for the built site: what ``make serve`` runs and the browser tests use.

It serves a folder the way a good static host does, so that what you measure
locally is what a visitor gets:

- directory URLs (``/planner/`` sends ``planner/index.html``; ``/planner``
  redirects to the slash), the site's ``404.html`` for anything missing, and
  nothing outside the folder;
- the right types (``.wasm``, ``.mjs``, ``.webmanifest``...), UTF-8 for text;
- compression: a precompressed sibling (``x.br``, ``x.gz``) when the request
  accepts that encoding, otherwise gzip made on the fly for text types, with
  ``Vary: Accept-Encoding`` (:mod:`planner.negotiate`); an ``ETag`` per
  representation and ``304``;
- the headers of the folder's ``_headers`` file (see :mod:`planner.headers`),
  and ``Cache-Control: no-cache`` wherever that file sets no caching.

Standard library only. Bound to 127.0.0.1 unless told otherwise.

Usage: ``python -m planner.host site --port 8000``
"""

from __future__ import annotations

import argparse
import http.server
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from email.utils import formatdate, parsedate_to_datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from planner import headers as header_file
from planner.negotiate import Gzipped, choose, content_type


class Handler(http.server.BaseHTTPRequestHandler):
    """Serves one folder (``root``) with the behaviour described in the module docstring."""

    protocol_version = "HTTP/1.1"
    server_version = "FollowUpStatic"
    root: Path
    quiet = True
    gzipped: Gzipped

    def version_string(self) -> str:
        """The Server header: no Python version."""
        return self.server_version

    def log_message(self, format: str, *args: Any) -> None:
        """Stay quiet in tests; ``make serve`` logs one line a request."""
        if not self.quiet:
            super().log_message(format, *args)

    def do_GET(self) -> None:
        self._respond(body=True)

    def do_HEAD(self) -> None:
        self._respond(body=False)

    def _rules(self) -> list[header_file.Rule]:
        path = self.root / header_file.FILE_NAME
        return header_file.parse(path.read_text(encoding="utf-8")) if path.is_file() else []

    def _resolve(self, url_path: str) -> Path | None:
        """The file for a URL path, or None when there is none (or it is outside the root)."""
        relative = unquote(url_path).lstrip("/")
        if "\0" in relative:
            return None
        target = (self.root / relative).resolve()
        if not target.is_relative_to(self.root):
            return None
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file() or target.name == header_file.FILE_NAME:
            return None
        return target

    def _respond(self, *, body: bool) -> None:
        url = urlsplit(self.path)
        path = url.path or "/"
        folder = (self.root / unquote(path).lstrip("/")).resolve()
        if (
            not path.endswith("/")
            and folder.is_relative_to(self.root)
            and (folder / "index.html").is_file()
        ):
            location = path + "/" + (f"?{url.query}" if url.query else "")
            self._send(301, path, {"Location": location}, b"", body=body)
            return
        target = self._resolve(path)
        status = 200
        if target is None:
            status, target = 404, self.root / "404.html"
            if not target.is_file():
                self._send(404, path, {"Content-Type": "text/plain"}, b"Not found\n", body=body)
                return
        self._send_file(status, path, target, body=body)

    def _send_file(self, status: int, path: str, target: Path, *, body: bool) -> None:
        chosen = choose(target, self.headers.get("Accept-Encoding", ""), self.gzipped)
        extra = {
            "Content-Type": content_type(target),
            "Last-Modified": formatdate(target.stat().st_mtime, usegmt=True),
            "ETag": chosen.etag,
        }
        if chosen.varies:
            extra["Vary"] = "Accept-Encoding"
        if chosen.encoding:
            extra["Content-Encoding"] = chosen.encoding
        if status == 200 and self._not_modified(chosen.etag, chosen.source.stat().st_mtime):
            self._send(304, path, extra, b"", body=False, length=False)
            return
        self._send(status, path, extra, chosen.read(), body=body)

    def _not_modified(self, etag: str, mtime: float) -> bool:
        match = self.headers.get("If-None-Match")
        if match is not None:
            tags = {tag.strip().removeprefix("W/") for tag in match.split(",")}
            return etag in tags or "*" in tags
        since = self.headers.get("If-Modified-Since")
        if since:
            try:
                return int(mtime) <= parsedate_to_datetime(since).timestamp()
            except (TypeError, ValueError):
                return False
        return False

    def _send(
        self,
        status: int,
        path: str,
        extra: dict[str, str],
        data: bytes,
        *,
        body: bool,
        length: bool = True,
    ) -> None:
        self.send_response(status)
        for name, value in extra.items():
            self.send_header(name, value)
        rules = header_file.headers_for(self._rules(), path)
        for name, value in rules:
            self.send_header(name, value)
        if not any(name.lower() == "cache-control" for name, _ in rules):
            self.send_header("Cache-Control", "no-cache")
        if length:
            self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if body and data:
            self.wfile.write(data)


class Server(http.server.ThreadingHTTPServer):
    """One thread a connection; a browser that hangs up mid-answer is not an error."""

    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


def make_server(
    root: Path, port: int = 0, bind: str = "127.0.0.1", *, quiet: bool = True
) -> Server:
    """A threading HTTP server for ``root`` (not yet serving)."""
    handler = type(
        "SiteHandler",
        (Handler,),
        {"root": root.resolve(), "quiet": quiet, "gzipped": Gzipped()},
    )
    return Server((bind, port), handler)


@contextmanager
def serve(root: Path, port: int = 0) -> Iterator[str]:
    """Serve ``root`` on 127.0.0.1 in a thread and yield its base URL (``http://127.0.0.1:PORT/``)."""
    server = make_server(root, port)
    thread = threading.Thread(target=server.serve_forever, args=(0.1,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def main(argv: list[str] | None = None) -> None:
    """Serve a built site until interrupted."""
    parser = argparse.ArgumentParser(
        prog="python -m planner.host", description=__doc__.split("\n")[0]
    )
    parser.add_argument("folder", nargs="?", default="site", type=Path, help="the built site")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--bind", default="127.0.0.1")
    args = parser.parse_args(argv)
    if not (args.folder / "index.html").is_file():
        parser.error(f"{args.folder}/index.html is missing: build the site first (make build)")
    server = make_server(args.folder, args.port, args.bind, quiet=False)
    print(
        f"Serving {args.folder}/ on http://{args.bind}:{args.port}/ (Ctrl+C stops it)", flush=True
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
