"""The planner page runs real Python in the browser, and the guide loads none of it."""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page, Request, expect

from planner.api import PLANNER_VERSION
from tests.browser.conftest import Guard

PYTHON_TIMEOUT = 90_000  # generous: this is a ceiling for a slow machine, not a speed check


def interviewer(page: Page, number: int, label: str = "Name") -> Locator:
    """A field of the n-th interviewer (counting from 1), found by its visible label."""
    group = page.get_by_role("group", name=f"Interviewer {number}", exact=True)
    return group.get_by_label(re.compile(rf"^{re.escape(label)}( \(optional\))?$"))


def test_form_is_answered_by_python(page: Page, site_url: str) -> None:
    """Filling the form and submitting shows the checklist that Python computed."""
    page.goto(site_url + "planner/")
    page.get_by_label("Interview date").fill("2026-03-12")
    interviewer(page, 1).fill("Dana <b>Reyes</b>")
    page.get_by_role("button", name="Plan my follow-up").click()
    item = page.locator('[data-key="TY-EMAIL-1"]')
    expect(item).to_be_visible(timeout=PYTHON_TIMEOUT)
    expect(item).to_contain_text("Dana <b>Reyes</b>")
    expect(page.locator("#planner-result b")).to_have_count(0)
    expect(page.locator("#planner-result")).to_contain_text("Thursday, 12 March 2026")


def test_python_refusal_is_shown_beside_the_field(page: Page, site_url: str) -> None:
    """A submit with no interviewer name shows Python's message beside that field."""
    page.goto(site_url + "planner/")
    page.get_by_label("Interview date").fill("2026-03-12")
    page.get_by_role("button", name="Plan my follow-up").click()
    name = interviewer(page, 1)
    expect(name).to_have_attribute("aria-invalid", "true", timeout=PYTHON_TIMEOUT)
    expect(page.locator("#interviewers-0-name-error")).not_to_be_empty()
    expect(page.get_by_label("Interview date")).to_have_value("2026-03-12")


def test_python_reports_ready_with_its_version(page: Page, site_url: str) -> None:
    """The worker starts Pyodide on its own when the page is idle and says it is ready."""
    page.goto(site_url + "planner/")
    expect(page.locator("html")).to_have_attribute(
        "data-planner-ready", "true", timeout=PYTHON_TIMEOUT
    )
    expect(page.locator("#planner-status")).to_contain_text("ready")
    assets = page.locator("#planner-assets")
    expect(assets).to_have_attribute("data-python", re.compile(r"^3\.14\.\d+$"))
    expect(assets).to_have_attribute("data-planner", PLANNER_VERSION)
    expect(assets).to_have_attribute("data-pyodide-version", re.compile(r"^\d+\.\d+"))


def test_guide_pages_load_no_python(page: Page, site_url: str, guard: Guard) -> None:
    """The home page loads no Pyodide file, no planner bundle and no worker."""
    requested: list[str] = []

    def record(request: Request) -> None:
        requested.append(request.url)

    page.on("request", record)
    page.goto(site_url)
    page.wait_for_load_state("networkidle")
    assert requested, "the page made no request at all"
    assert not [url for url in requested if "pyodide" in url or "/assets/planner/" in url]
