"""Offline after one visit, installable, and updated without mixing versions (real Chromium).

Each test serves its own copy of the built site with the same host as `make
serve`, so it can stop the host (Chromium's offline mode does not reach a
service worker's own requests: a stopped host does) or deploy a new build.
Requests to other origins are recorded rather than routed: Playwright's
routing makes pages bypass the service worker.
Every test also counts `securitypolicyviolation` events from an init script:
there must be none.
"""

from __future__ import annotations

import io
import shutil
import tempfile
import threading
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, BrowserType, Page, expect
from pypdf import PdfReader

from planner import offline
from planner.bundle import bundle_name
from planner.host import make_server
from tests.browser.conftest import TEST_HOOKS_SWITCH, Guard
from tests.browser.test_foundation import PYTHON_TIMEOUT
from tests.support.paths import ROOT


def every_page(site: Path) -> list[str]:
    """The address of every page of the built site, relative to its root ("" is the home)."""
    folders = (path.parent.relative_to(site).as_posix() for path in site.rglob("index.html"))
    return sorted("" if folder == "." else folder + "/" for folder in folders)


#: Reports every policy violation to the test, across navigations and offline.
COUNT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.reportViolation(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}`);
});
"""


@dataclass
class Host:
    """A private copy of the built site, served until stopped."""

    root: Path
    server: Any = None
    url: str = ""
    stopped: bool = False

    def start(self) -> None:
        self.server = make_server(self.root)
        threading.Thread(target=self.server.serve_forever, args=(0.1,), daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"

    def stop(self) -> None:
        if not self.stopped:
            self.server.shutdown()
            self.server.server_close()
            self.stopped = True


@pytest.fixture
def host(built_site: Path) -> Iterator[Host]:
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch) / "site"
        shutil.copytree(built_site, root)
        served = Host(root)
        served.start()
        yield served
        served.stop()


@dataclass
class Watched:
    """A guarded context on the private host, and the policy violations it reported."""

    context: BrowserContext
    page: Page
    violations: list[str] = field(default_factory=list)


def guard_request(guard: Guard, url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in {"data", "blob"} and f"{parts.scheme}://{parts.netloc}" != guard.origin:
        guard.foreign.append(url)


@pytest.fixture
def watched(browser: Browser, host: Host) -> Iterator[Watched]:
    guard = Guard(origin=host.url.rstrip("/"))
    context = browser.new_context(accept_downloads=True)
    violations: list[str] = []
    context.expose_binding("reportViolation", lambda _source, text: violations.append(text))
    context.add_init_script(COUNT_VIOLATIONS)
    context.add_init_script(TEST_HOOKS_SWITCH)  # the update test crashes Python on purpose
    # Recorded, not routed: Playwright's routing would make pages bypass the service worker.
    context.on("request", lambda request: guard_request(guard, request.url))
    context.on("console", guard.console)
    context.on("weberror", lambda error: guard.errors.append(str(error.error)))
    yield Watched(context, context.new_page(), violations)
    context.close()
    assert guard.foreign == [], f"requests to another origin: {guard.foreign}"
    assert guard.unexpected_errors() == [], f"console errors: {guard.unexpected_errors()}"
    assert violations == [], f"policy violations: {violations}"


def wait_offline_ready(page: Page) -> None:
    """Python has loaded and the service worker has the whole site and serves this page."""
    expect(page.locator("html")).to_have_attribute(
        "data-offline-ready", "true", timeout=PYTHON_TIMEOUT
    )


def wait_planner_ready(page: Page) -> None:
    expect(page.locator("html")).to_have_attribute(
        "data-planner-ready", "true", timeout=PYTHON_TIMEOUT
    )


def search(page: Page, words: str) -> None:
    """Search as a person does, once the theme says the index is loaded; results must show."""
    box = page.get_by_role("textbox", name="Search")
    box.click()
    expect(page.locator(".md-search-result__meta")).to_have_text("Type to start searching")
    box.press_sequentially(words)
    expect(page.locator(".md-search-result__item").first).to_be_visible()


def test_a_returning_visitor_can_use_the_whole_site_offline(
    watched: Watched, host: Host, tmp_path: Path
) -> None:
    """After one planner visit, with no network: reload, plan, print, download, read, search."""
    page = watched.page
    page.goto(host.url + "planner/")
    wait_planner_ready(page)
    wait_offline_ready(page)
    host.stop()
    watched.context.set_offline(True)

    page.reload()
    wait_planner_ready(page)
    page.get_by_role("button", name="Try an example").click()
    expect(page.locator('#planner-result [data-key="CHECKIN-MAIN"]')).to_be_visible(
        timeout=PYTHON_TIMEOUT
    )
    page.emulate_media(media="print")
    printed = PdfReader(io.BytesIO(page.pdf())).pages[0].extract_text()
    assert "Northwind Logistics" in printed
    page.emulate_media(media="screen")
    with page.expect_download(timeout=PYTHON_TIMEOUT) as download:
        page.get_by_role("button", name="Download calendar (.ics)").click()
    assert Path(download.value.path()).read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")

    for path in every_page(host.root):
        response = page.goto(host.url + path)
        assert response is not None and response.ok, path
        expect(page.locator("h1").first).to_be_visible()
    page.goto(host.url + "guide/same-day/")
    expect(page.locator("#thank-you-promptly")).to_be_visible()
    search(page, "referee")


def test_reading_the_guide_alone_installs_nothing(watched: Watched, host: Host) -> None:
    """No worker and no cache until the planner has loaded: a reader downloads no Python."""
    page = watched.page
    for path in ["", "guide/same-day/", "privacy/"]:
        page.goto(host.url + path)
        page.wait_for_load_state("networkidle")
    assert page.evaluate("navigator.serviceWorker.getRegistration().then(Boolean)") is False
    assert page.evaluate("caches.keys()") == []


def deploy_new_bundle(root: Path) -> tuple[str, str]:
    """A new build whose only change is the planner bundle; returns the old and new names."""
    folder = root / "assets" / "planner"
    [old] = folder.glob("planner-*.zip")
    buffer = io.BytesIO()
    with zipfile.ZipFile(old) as source, zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            target.writestr(info, source.read(info))
        target.writestr("planner/_release.txt", "the next version\n")
    new = bundle_name(buffer.getvalue())
    (folder / new).write_bytes(buffer.getvalue())
    page = root / "planner" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace(old.name, new), encoding="utf-8")
    offline.write_service_worker(root, ROOT / "docs" / "assets" / "site" / "sw.js")
    # What the build compressed beside the changed files is stale: a host would send it.
    for stale in (old, page, root / "sw.js"):
        for sibling in (stale.with_name(stale.name + ".br"), stale.with_name(stale.name + ".gz")):
            sibling.unlink(missing_ok=True)
    old.unlink()
    return old.name, new


def test_a_new_version_waits_for_reload_and_never_mixes(watched: Watched, host: Host) -> None:
    """A new build is offered, the open page keeps working on its own version, Reload switches."""
    page = watched.page
    page.goto(host.url + "planner/")
    wait_offline_ready(page)
    page.get_by_role("button", name="Try an example").click()
    expect(page.locator('#planner-result [data-key="CHECKIN-MAIN"]')).to_be_visible(
        timeout=PYTHON_TIMEOUT
    )
    [first_cache] = page.evaluate("caches.keys()")
    old, new = deploy_new_bundle(host.root)

    page.evaluate("navigator.serviceWorker.getRegistration().then((r) => r.update())")
    notice = page.get_by_role("complementary", name="Site update")
    expect(notice).to_contain_text("A new version of this site is ready", timeout=PYTHON_TIMEOUT)
    expect(notice).to_contain_text("Reloading keeps what you typed")
    # On another page too; there "Later" hides it and changes nothing.
    other = watched.context.new_page()
    other.goto(host.url + "guide/same-day/")
    later = other.get_by_role("complementary", name="Site update")
    expect(later).to_contain_text("A new version of this site is ready")
    later.get_by_role("button", name="Later").click()
    expect(later).to_have_count(0)
    other.close()
    # Mid-use, the page stays on its version: Python restarts from the old bundle,
    # which the host no longer has, and plans again.
    page.evaluate("window.followUpTest.crash()")
    expect(page.locator("#planner-status")).to_contain_text("ready", timeout=PYTHON_TIMEOUT)
    assert page.evaluate("window.followUpTest.connection.starts") == 2
    page.get_by_label("Job you applied for").fill("Warehouse lead")
    expect(page.locator("#planner-result")).to_contain_text(
        "Warehouse lead", timeout=PYTHON_TIMEOUT
    )

    requested: list[str] = []
    watched.context.on("request", lambda request: requested.append(request.url))
    with page.expect_navigation():
        notice.get_by_role("button", name="Reload").click()
    wait_planner_ready(page)
    assert page.locator("#planner-assets").get_attribute("data-bundle") == (
        f"../assets/planner/{new}"
    )
    assert any(url.endswith(new) for url in requested)
    assert not [url for url in requested if old in url]
    caches = page.evaluate("caches.keys()")
    assert len(caches) == 1 and caches != [first_cache]
    expect(page.get_by_role("complementary", name="Site update")).to_have_count(0)


def test_the_planner_is_installable(
    browser_type: BrowserType, browser_type_launch_args: dict[str, Any], host: Host, tmp_path: Path
) -> None:
    """Chromium finds nothing missing to install the site as an app (in a normal profile)."""
    context = browser_type.launch_persistent_context(
        tmp_path / "profile", **browser_type_launch_args
    )
    try:
        page = context.new_page()
        page.goto(host.url + "planner/")
        wait_planner_ready(page)
        session = context.new_cdp_session(page)
        assert session.send("Page.getInstallabilityErrors") == {"installabilityErrors": []}
        manifest = session.send("Page.getAppManifest")
        assert manifest["errors"] == []
        assert manifest["url"] == host.url + "manifest.webmanifest"
    finally:
        context.close()
