"""Browser fixtures: the built site on 127.0.0.1, Chromium found on its own, and guards.

Chromium is found in this order: the ``FOLLOWUP_CHROMIUM`` environment variable,
Debian's ``/usr/bin/chromium``, then Playwright's own download.

Every page a test opens is guarded: a request to any other origin is blocked
and recorded, and so is every console error; both fail the test at teardown.
Every guarded context also turns on the page's test hooks, with the one switch
the page knows (docs/assets/planner/test-hooks.js); the page as shipped has none.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, Route

from tests.support.server import serve

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def chromium_path() -> str | None:
    """The Chromium to drive, or None to let Playwright use its own."""
    configured = os.environ.get("FOLLOWUP_CHROMIUM")
    if configured:
        return configured
    if Path("/usr/bin/chromium").exists():
        return "/usr/bin/chromium"
    return shutil.which("chromium")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    """Launch Debian's Chromium (or the configured one) with this machine's flags."""
    args = {**browser_type_launch_args, "args": CHROMIUM_FLAGS}
    path = chromium_path()
    if path:
        args["executable_path"] = path
    return args


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site, served on 127.0.0.1 for the whole session."""
    with serve(built_site) as url:
        yield url


@dataclass
class Guard:
    """What a page did that it must not: other origins and console errors."""

    origin: str
    foreign: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    allowed_errors: list[str] = field(default_factory=list)

    def route(self, route: Route) -> None:
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in {"data", "blob"} or f"{parts.scheme}://{parts.netloc}" == self.origin:
            route.continue_()
        else:
            self.foreign.append(url)
            route.abort()

    def console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(message.text)

    def unexpected_errors(self) -> list[str]:
        return [e for e in self.errors if not any(a in e for a in self.allowed_errors)]


#: Set before the page's scripts run: the page exposes ``window.followUpTest`` and
#: its worker obeys the ``crash`` message only when this is on.
TEST_HOOKS_SWITCH = "window.followUpTestHooks = true;"


def guarded(context: BrowserContext, guard: Guard, *, test_hooks: bool = True) -> BrowserContext:
    """Wire the guard into a context: other origins and console errors are recorded."""
    if test_hooks:
        context.add_init_script(TEST_HOOKS_SWITCH)
    context.route("**/*", guard.route)
    context.on("console", guard.console)
    context.on("weberror", lambda error: guard.errors.append(str(error.error)))
    return context


@pytest.fixture
def guard(site_url: str) -> Guard:
    """The guard that the context fixture wires into every page."""
    parts = urlsplit(site_url)
    return Guard(origin=f"{parts.scheme}://{parts.netloc}")


@pytest.fixture
def site_context(browser: Browser, guard: Guard) -> Iterator[BrowserContext]:
    """A fresh browser context, with every request and console message guarded.

    Service workers are blocked here: routing makes pages bypass them anyway, so
    the offline worker would only cost time. tests/browser/test_offline.py runs
    it for real, in contexts without routes.
    """
    context = guarded(browser.new_context(service_workers="block"), guard)
    yield context
    context.close()
    assert guard.foreign == [], f"requests to another origin: {guard.foreign}"
    assert guard.unexpected_errors() == [], f"console errors: {guard.unexpected_errors()}"


@pytest.fixture
def page(site_context: BrowserContext) -> Page:
    """A fresh guarded page."""
    return site_context.new_page()


ContextMaker = Callable[..., BrowserContext]


@pytest.fixture
def make_context(browser: Browser, guard: Guard) -> Iterator[ContextMaker]:
    """Fresh browser contexts (options as for ``browser.new_context``), each guarded."""
    contexts: list[BrowserContext] = []

    def make(**options: Any) -> BrowserContext:
        context = guarded(browser.new_context(**options), guard)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()
    assert guard.foreign == [], f"requests to another origin: {guard.foreign}"
    assert guard.unexpected_errors() == [], f"console errors: {guard.unexpected_errors()}"
