"""The trimmed standard library, and the full one fetched only when an import is missing.

The site serves Python's standard library cut down to the modules the planner
was seen to import. These tests take a module out of the archive on its way to
the browser, so that an import really fails in Chromium, and check that the
worker fetches the full archive once and the person still gets their checklist.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

from playwright.sync_api import BrowserContext, Page, Request, Route, expect

from planner.stdlib import FULL_ARCHIVE
from tests.browser.test_foundation import PYTHON_TIMEOUT
from tests.browser.test_planner_page import basic_form, item, open_planner, submit, wait_ready


def _served_stdlib(site: Path) -> Path:
    (path,) = (site / "assets" / "pyodide").glob("*/python_stdlib.zip")
    return path


def _without(data: bytes, prefix: str) -> bytes:
    """The archive less every member whose name starts with ``prefix``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(buffer, "w") as target:
        kept = [info for info in source.infolist() if not info.filename.startswith(prefix)]
        assert len(kept) < len(source.infolist()), f"nothing in the archive starts {prefix}"
        for info in kept:
            target.writestr(info, source.read(info))
    return buffer.getvalue()


def _watch_full(context: BrowserContext, name: str = FULL_ARCHIVE) -> list[str]:
    """The URLs of every request for a file (the full standard library), the worker's included."""
    asked: list[str] = []

    def seen(request: Request) -> None:
        if request.url.endswith("/" + name):
            asked.append(request.url)

    context.on("request", seen)
    return asked


def _serve_trimmed_without(context: BrowserContext, site: Path, prefix: str) -> None:
    body = _without(_served_stdlib(site).read_bytes(), prefix)

    def fulfil(route: Route) -> None:
        route.fulfill(status=200, body=body, headers={"Content-Type": "application/zip"})

    context.route("**/python_stdlib.zip", fulfil)


def _render(page: Page, fmt: str) -> Any:
    """A render request sent through the page's connection to the worker, as the exports do."""
    return page.evaluate(
        "(fmt) => window.followUpTest.connection.request('render', {input: "
        "{interview_date: '2026-03-12', interviewers: [{name: 'Dana Reyes'}]}, "
        "today: '2026-03-12', format: fmt})",
        fmt,
    )


def test_the_planner_never_fetches_the_full_library_on_its_own(
    site_context: BrowserContext, page: Page, site_url: str
) -> None:
    """Starting, planning and every export need only the trimmed library (and no lock file)."""
    asked = _watch_full(site_context)
    lock = _watch_full(site_context, "pyodide-lock.json")
    open_planner(page, site_url)
    basic_form(page)
    submit(page)
    expect(item(page, "TY-EMAIL-1")).to_contain_text("Dana Reyes", timeout=PYTHON_TIMEOUT)
    for fmt in ("md", "text", "ics"):
        answer = _render(page, fmt)
        assert answer["ok"] is True, answer
    assert asked == []
    assert lock == []


def test_a_module_missing_at_start_fetches_the_full_library_once(
    site_context: BrowserContext, page: Page, site_url: str, built_site: Path
) -> None:
    """Without tomllib (imported as the planner loads), the worker gets the full library."""
    asked = _watch_full(site_context)
    _serve_trimmed_without(site_context, built_site, "tomllib/")
    open_planner(page, site_url)
    wait_ready(page)
    basic_form(page)
    submit(page)
    expect(item(page, "TY-EMAIL-1")).to_contain_text("Dana Reyes", timeout=PYTHON_TIMEOUT)
    assert len(asked) == 1


def test_a_module_missing_in_a_request_fetches_the_full_library_and_answers(
    site_context: BrowserContext, page: Page, site_url: str, built_site: Path
) -> None:
    """Without importlib's resource adapters (first needed to read the advice), a render answers."""
    asked = _watch_full(site_context)
    _serve_trimmed_without(site_context, built_site, "importlib/resources/_adapters")
    open_planner(page, site_url)
    wait_ready(page)
    assert asked == []
    answer = _render(page, "md")
    assert answer["ok"] is True, answer
    assert "Dana Reyes" in answer["result"]["text"]
    assert len(asked) == 1
