"""The static host behind `make serve` and the browser tests serves a folder as a good host does."""

from __future__ import annotations

import gzip
import http.client
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from planner.host import serve
from planner.negotiate import accepted, content_type

TEXT = "console.log('hello');\n" * 100  # long enough to be worth compressing
GZIPPED = gzip.compress(TEXT.encode(), mtime=0)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small built site: pages, a script with siblings, Python's types, a headers file."""
    tmp_path = tmp_path_factory.mktemp("site")
    (tmp_path / "index.html").write_text("<p>home</p>", encoding="utf-8")
    (tmp_path / "404.html").write_text("<p>missing</p>", encoding="utf-8")
    (tmp_path / "guide").mkdir()
    (tmp_path / "guide" / "index.html").write_text("<p>guide</p>", encoding="utf-8")
    (tmp_path / "app.js").write_text(TEXT, encoding="utf-8")
    (tmp_path / "app.js.br").write_bytes(b"pretend brotli")
    (tmp_path / "app.js.gz").write_bytes(GZIPPED)
    (tmp_path / "plain.js").write_text(TEXT, encoding="utf-8")
    (tmp_path / "py.wasm").write_bytes(b"\0asm" + bytes(10))
    (tmp_path / "py.mjs").write_text("export {};", encoding="utf-8")
    (tmp_path / "app.webmanifest").write_text("{}", encoding="utf-8")
    (tmp_path / "_headers").write_text(
        "/*\n  X-Content-Type-Options: nosniff\n/app.js\n  Cache-Control: immutable\n",
        encoding="utf-8",
    )
    return tmp_path


@pytest.fixture(scope="module")
def host(folder: Path) -> Iterator[str]:
    with serve(folder) as url:
        yield urlsplit(url).netloc


def get(
    host: str, path: str, method: str = "GET", **headers: str
) -> tuple[int, dict[str, str], bytes]:
    """One request: status, headers (lower-case names) and body."""
    connection = http.client.HTTPConnection(host, timeout=10)
    try:
        connection.request(
            method, path, headers={k.replace("_", "-"): v for k, v in headers.items()}
        )
        response = connection.getresponse()
        body = response.read()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, body
    finally:
        connection.close()


def test_a_folder_url_sends_its_index_and_a_bare_one_redirects(host: str) -> None:
    """/guide/ is guide/index.html; /guide redirects to the slash, keeping the query."""
    status, _, body = get(host, "/guide/")
    assert (status, body) == (200, b"<p>guide</p>")
    status, headers, _ = get(host, "/guide?x=1")
    assert (status, headers["location"]) == (301, "/guide/?x=1")


def test_a_missing_file_gets_the_sites_404_page(host: str) -> None:
    """Anything missing answers 404 with 404.html, as static hosts do."""
    status, headers, body = get(host, "/nowhere/")
    assert (status, body) == (404, b"<p>missing</p>")
    assert headers["content-type"] == "text/html; charset=utf-8"


@pytest.mark.parametrize("path", ["/../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/_headers"])
def test_nothing_outside_the_folder_and_not_the_headers_file(host: str, path: str) -> None:
    """Paths that climb out of the folder, and the headers file itself, are not served."""
    status, _, body = get(host, path)
    assert status == 404
    assert b"root:" not in body and b"nosniff" not in body


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("py.wasm", "application/wasm"),
        ("py.mjs", "text/javascript; charset=utf-8"),
        ("app.webmanifest", "application/manifest+json"),
        ("index.html", "text/html; charset=utf-8"),
        ("x.unknown-type", "application/octet-stream"),
    ],
)
def test_types_do_not_depend_on_the_machine(name: str, kind: str) -> None:
    """WebAssembly, JavaScript modules and the app manifest get their own types everywhere."""
    assert content_type(Path(name)) == kind


@pytest.mark.parametrize(
    ("accept", "encoding", "body"),
    [
        ("br, gzip", "br", b"pretend brotli"),
        ("gzip;q=1.0, br;q=0", "gzip", GZIPPED),
        ("identity", None, TEXT.encode()),
    ],
    ids=["br", "gzip", "identity"],
)
def test_a_precompressed_sibling_is_sent_when_accepted(
    host: str, accept: str, encoding: str | None, body: bytes
) -> None:
    """app.js.br or app.js.gz answers for app.js by Accept-Encoding, with Vary."""
    status, headers, data = get(host, "/app.js", Accept_Encoding=accept)
    assert status == 200
    assert headers.get("content-encoding") == encoding
    assert headers["vary"] == "Accept-Encoding"
    assert headers["content-type"] == "text/javascript; charset=utf-8"
    assert data == body


def test_without_a_sibling_text_is_gzipped_on_the_fly(host: str) -> None:
    """A script with no precompressed sibling is still sent compressed to a browser."""
    _, headers, data = get(host, "/plain.js", Accept_Encoding="gzip, deflate, br")
    assert headers["content-encoding"] == "gzip"
    assert gzip.decompress(data) == TEXT.encode()


def test_an_unchanged_file_answers_304_by_etag(host: str) -> None:
    """A revalidation with the representation's ETag gets 304 and no body."""
    _, headers, _ = get(host, "/app.js", Accept_Encoding="br")
    status, again, body = get(host, "/app.js", Accept_Encoding="br", If_None_Match=headers["etag"])
    assert (status, body) == (304, b"")
    assert again["etag"] == headers["etag"]
    status, _, _ = get(host, "/app.js", Accept_Encoding="gzip", If_None_Match=headers["etag"])
    assert status == 200  # another encoding is another representation


def test_the_headers_file_applies_and_caching_defaults_to_revalidate(host: str) -> None:
    """Headers of matching rules are sent; where none sets caching, no-cache is."""
    _, headers, _ = get(host, "/app.js")
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["cache-control"] == "immutable"
    _, headers, _ = get(host, "/guide/")
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["cache-control"] == "no-cache"


def test_head_sends_the_headers_without_the_body(host: str) -> None:
    """HEAD answers like GET, with its length, and no body."""
    status, headers, body = get(host, "/plain.js", "HEAD")
    assert (status, body) == (200, b"")
    assert headers["content-length"] == str(len(TEXT))


def test_accept_encoding_weights_are_read() -> None:
    """A coding with q=0 is refused; others are accepted whatever their order."""
    assert accepted("gzip, deflate, br;q=0.5") == {"gzip", "deflate", "br"}
    assert accepted("br;q=0, gzip") == {"gzip"}
    assert accepted("") == set()
