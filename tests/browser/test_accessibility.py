"""Accessibility: axe on every page, the planner by keyboard alone, and a 360 px phone.

axe (axe-playwright-python) must report no violation on the home page, on each
guide page, and on the planner page with a checklist shown (steps and drafts
open), in light and dark. Each page's result is printed, so `pytest -s` shows
what axe said.
"""

from __future__ import annotations

from typing import Any, Literal

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.browser.test_foundation import PYTHON_TIMEOUT, interviewer

GUIDE_PAGES = [
    "guide/before-you-leave/",
    "guide/same-day/",
    "guide/days-after/",
    "guide/the-wait/",
    "guide/the-outcome/",
    "guide/throughout/",
    "guide/quick-reference/",
    "guide/disagreements/",
    "guide/sources/",
    "guide/not-covered/",
    "reference/command-line/",
    "reference/publish/",
]

_axe = Axe()
Scheme = Literal["light", "dark"]


def describe(violation: dict[str, Any]) -> str:
    nodes = violation["nodes"]
    count = f"{len(nodes)} node(s), e.g. {nodes[0]['target']}"
    return f"{violation['id']} ({violation['impact']}): {count}"


def settle(page: Page) -> None:
    """Wait for the page's finite transitions to end: a colour half faded in (Material's
    back-to-top button, shown when the page scrolls to a problem) is not the colour it shows."""
    page.wait_for_function(
        """() => document.getAnimations().every((animation) => animation.playState !== "running"
            || animation.effect?.getComputedTiming().endTime === Infinity)"""
    )


def axe_violations(page: Page, name: str) -> list[str]:
    """axe's violations on the whole page as it is now, one line each (printed for the report)."""
    settle(page)
    violations = _axe.run(page).response["violations"]
    print(f"axe {name}: {len(violations)} violation(s)", *map(describe, violations), sep="\n  ")
    return [describe(violation) for violation in violations]


def planner_violations(page: Page, name: str) -> list[str]:
    """axe on the planner's own part of the page (form and checklist): no exception at all."""
    settle(page)
    violations = _axe.run(page, context={"include": [[".planner-layout"]]}).response["violations"]
    print(f"axe {name}, planner part only: {len(violations)} violation(s)")
    return [describe(v) for v in violations]


@pytest.mark.parametrize("path", ["", *GUIDE_PAGES, "privacy/"])
def test_axe_finds_nothing_on_the_guide(page: Page, site_url: str, path: str) -> None:
    page.goto(site_url + path)
    assert axe_violations(page, path or "home") == []


@pytest.mark.parametrize("path", ["", "guide/same-day/", "guide/disagreements/"])
def test_axe_finds_nothing_in_the_dark_scheme(page: Page, site_url: str, path: str) -> None:
    """Pages read as well in the dark scheme as in the light one."""
    page.emulate_media(color_scheme="dark")
    page.goto(site_url + path)
    assert axe_violations(page, f"{path or 'home'} (dark)") == []


def show_checklist(page: Page, site_url: str) -> None:
    """The planner with a full checklist: warnings, steps and drafts all open."""
    page.goto(site_url + "planner/")
    page.get_by_label("Interview date").fill("2026-03-12")
    interviewer(page, 1).fill("Dana Reyes")
    interviewer(page, 1, "Email").fill("dana@example.com")
    page.get_by_text("They asked you to wait, or to contact them").click()
    page.get_by_label("The day they asked you to contact them").fill("2026-03-16")
    page.get_by_label("How many days they asked you to wait").fill("3")
    page.get_by_role("button", name="Plan my follow-up").click()
    expect(page.locator('[data-key="TY-EMAIL-1"]')).to_be_visible(timeout=PYTHON_TIMEOUT)
    for summary in page.locator("#planner-result summary").all():
        summary.click()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_on_the_planner_with_a_checklist(
    page: Page, site_url: str, scheme: Scheme
) -> None:
    page.emulate_media(color_scheme=scheme)
    show_checklist(page, site_url)
    assert axe_violations(page, f"planner with checklist ({scheme})") == []
    assert planner_violations(page, f"planner with checklist ({scheme})") == []


def test_axe_finds_nothing_on_the_planner_problems(page: Page, site_url: str) -> None:
    """The refused form: every problem shown beside its field."""
    page.goto(site_url + "planner/")
    page.get_by_role("button", name="Plan my follow-up").click()
    expect(page.get_by_role("alert")).to_be_visible(timeout=PYTHON_TIMEOUT)
    assert axe_violations(page, "planner with problems") == []
    assert planner_violations(page, "planner with problems") == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_planner_fits_a_360px_phone(page: Page, site_url: str, scheme: Scheme) -> None:
    """At 360 px nothing scrolls sideways, touch targets are large, and axe is content."""
    page.set_viewport_size({"width": 360, "height": 800})
    page.emulate_media(color_scheme=scheme)
    show_checklist(page, site_url)
    for details in page.locator("details.planner-more > summary").all():
        details.click()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360
    small = page.locator(
        "#planner-form :is(button, input:not([type=checkbox]), select, summary),"
        " #planner-tools button, #planner-result :is(button, summary)"
    ).evaluate_all(
        """nodes => nodes.filter(n => n.checkVisibility())
            .filter(n => n.getBoundingClientRect().height < 43.5)
            .map(n => n.outerHTML.slice(0, 80))"""
    )
    assert small == []
    # A draft's text keeps most of the phone's width, not a narrow column inside three boxes.
    text = page.locator('[data-key="TY-EMAIL-1"] .planner-draft-text')
    assert text.evaluate("n => n.getBoundingClientRect().width") >= 270
    assert axe_violations(page, f"planner at 360 px ({scheme})") == []
    assert planner_violations(page, f"planner at 360 px ({scheme})") == []


def test_on_a_phone_planning_scrolls_to_the_checklist(page: Page, site_url: str) -> None:
    """At 360 px the checklist is below the form: a submit brings its heading into view."""
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(site_url + "planner/")
    page.get_by_label("Interview date").fill("2026-03-12")
    interviewer(page, 1).fill("Dana Reyes")
    page.get_by_role("button", name="Plan my follow-up").click()
    heading = page.locator("#checklist-heading")
    expect(heading).to_be_focused(timeout=PYTHON_TIMEOUT)
    # Near the top of the screen, below the theme's sticky header (not just peeking in).
    page.wait_for_function(
        """() => { const top = document.querySelector('#checklist-heading')
                     .getBoundingClientRect().top;
                   const header = document.querySelector('.md-header').getBoundingClientRect();
                   return top >= header.bottom && top < innerHeight / 3; }""",
        timeout=PYTHON_TIMEOUT,
    )


CONTRAST = """node => {
    const rgb = (text) => text.match(/[\\d.]+/g).slice(0, 3).map(Number);
    const lum = ([r, g, b]) => [r, g, b].map((v) => {
        v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    }).reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
    const style = getComputedStyle(node);
    const [a, b] = [lum(rgb(style.color)), lum(rgb(style.backgroundColor))];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_focused_and_hovered_planner_buttons_keep_aa_contrast(
    page: Page, site_url: str, scheme: Scheme
) -> None:
    """A clicked button keeps focus: its text must stay readable (4.5:1) on its fill."""
    page.emulate_media(color_scheme=scheme)
    show_checklist(page, site_url)
    # The theme animates colours: read the end state, not a frame of the transition.
    # (A constructed stylesheet: the site's policy refuses an inline <style>.)
    page.evaluate(
        """() => { const sheet = new CSSStyleSheet();
        sheet.replaceSync("* { transition: none !important; }");
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]; }"""
    )
    # Only buttons on screen: the example's "Replace?" question is hidden until asked.
    buttons = page.locator(
        "#planner-tools .md-button:visible, #planner-storage .md-button:visible, .planner-submit"
    ).all()
    assert len(buttons) >= 9
    for button in buttons:
        button.focus()
        focused = button.evaluate(CONTRAST)
        assert focused >= 4.5, (button.inner_text(), "focused", focused)
        button.hover()
        hovered = button.evaluate(CONTRAST)
        assert hovered >= 4.5, (button.inner_text(), "hovered", hovered)


def test_the_whole_flow_works_with_the_keyboard_alone(page: Page, site_url: str) -> None:
    """Tab to the form, type, add an interviewer, read a phrase, plan, open steps, copy."""
    page.goto(site_url + "planner/")
    keyboard = page.keyboard
    for _ in range(80):  # Tab from the top of the page to the first field
        keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "interview-date":
            break
    expect(page.get_by_label("Interview date")).to_be_focused()
    keyboard.type("03122026")  # the date field's own segments, month first in en-US
    expect(page.get_by_label("Interview date")).to_have_value("2026-03-12")

    def tab_to(selector: str, key: str = "Tab") -> None:
        for _ in range(40):
            keyboard.press(key)
            if page.evaluate(f"document.activeElement.matches({selector!r})"):
                return
        raise AssertionError(f"Tab never reached {selector}")

    tab_to("#interviewers-0-name")
    keyboard.type("Dana Reyes")
    tab_to("#add-interviewer")
    keyboard.press("Enter")
    expect(interviewer(page, 2)).to_be_focused()
    keyboard.type("Lee Park")
    tab_to("#timing-phrase")
    keyboard.type("in two weeks")
    keyboard.press("Enter")  # reads the phrase; does not submit the form
    # The empty decision date is filled at once; the person can still correct it.
    expect(page.locator("#decision-date")).to_have_value("2026-03-26", timeout=PYTHON_TIMEOUT)
    expect(page.locator("#timing-phrase")).to_be_focused()
    tab_to(".planner-timing-change")
    keyboard.press("Enter")
    expect(page.locator("#decision-date")).to_be_focused()
    keyboard.press("ArrowUp")  # the month segment comes first in en-US
    expect(page.locator("#decision-date")).to_have_value("2026-04-26")
    keyboard.press("ArrowDown")
    expect(page.locator("#decision-date")).to_have_value("2026-03-26")
    tab_to(".planner-submit")
    keyboard.press("Enter")
    heading = page.locator("#checklist-heading")
    expect(heading).to_be_focused(timeout=PYTHON_TIMEOUT)
    expect(page.locator('[data-key="TY-EMAIL-2"]')).to_contain_text("Lee Park")
    tab_to('[data-key="TY-EMAIL-1"] .planner-steps > summary')
    keyboard.press("Enter")
    expect(page.get_by_text("Review your notes and pick one specific point.").first).to_be_visible()
    tab_to('[data-key="TY-EMAIL-1"] .planner-copy')
    keyboard.press("Enter")
    expect(page.locator('[data-key="TY-EMAIL-1"] .planner-copied')).not_to_be_empty()
    tab_to('[data-key="TY-EMAIL-1"] .planner-guide-link', "Shift+Tab")
    keyboard.press("Enter")
    expect(page).to_have_url(site_url + "guide/same-day/#thank-you-promptly")


# ---------------------------------------------------------------- the tracker's states

TrackerState = Literal["empty", "several", "today", "ticked", "errors"]


def tracker_state(page: Page, site_url: str, state: TrackerState) -> None:
    """The planner in one of the tracker's states, on Monday 20 April 2026."""
    page.clock.set_fixed_time("2026-04-20T10:00:00")
    page.goto(site_url + "planner/")
    expect(page.locator("html")).to_have_attribute(
        "data-planner-ready", "true", timeout=PYTHON_TIMEOUT
    )
    if state == "empty":
        return
    if state == "errors":
        page.get_by_role("button", name="Plan my follow-up").click()
        expect(page.get_by_role("alert")).to_be_visible(timeout=PYTHON_TIMEOUT)
        return
    for date, company, name in (("2026-03-12", "Acme", "Dana Reyes"),
                                ("2026-04-14", "Birch", "Lee Park")):  # fmt: skip
        if company == "Birch":
            page.get_by_role("button", name="New interview").click()
        page.get_by_label("Interview date").fill(date)
        page.locator("#company").fill(company)
        interviewer(page, 1).fill(name)
        interviewer(page, 1, "Phone").fill("+44 20 7946 0000")
        page.get_by_role("button", name="Plan my follow-up").click()
        expect(page.locator('[data-key="TY-EMAIL-1"]')).to_contain_text(
            name, timeout=PYTHON_TIMEOUT
        )
    if state == "today":
        page.get_by_role("button", name="Today").click()
        expect(page.locator("#planner-agenda .planner-agenda-item").first).to_be_visible(
            timeout=PYTHON_TIMEOUT
        )
    if state == "ticked":
        page.locator('[data-key="TY-EMAIL-1"]').get_by_label("Done", exact=True).check()
        main = page.locator('[data-key="CHECKIN-MAIN"]')
        main.get_by_label("Done", exact=True).check()
        expect(page.locator('[data-key="CHECKIN-MAIN"] details.planner-heard')).to_be_visible(
            timeout=PYTHON_TIMEOUT
        )


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("state", ["empty", "several", "today", "ticked", "errors"])
def test_axe_finds_nothing_on_the_tracker(
    page: Page, site_url: str, state: TrackerState, scheme: Scheme
) -> None:
    """Every state of the tracker, in light and dark: no violation anywhere on the page."""
    page.emulate_media(color_scheme=scheme)
    tracker_state(page, site_url, state)
    # The theme's "Back to top" button fades in after an upward scroll: axe is run at
    # the top, where it stays hidden, rather than on a frame of its animation.
    page.evaluate("window.scrollTo(0, 0)")
    page.wait_for_function(
        "() => getComputedStyle(document.querySelector('.md-top')).opacity === '0'",
        timeout=PYTHON_TIMEOUT,
    )
    assert axe_violations(page, f"tracker, {state} ({scheme})") == []


def test_the_today_view_fits_a_360px_phone(page: Page, site_url: str) -> None:
    """At 360 px the today view and tracker bar never scroll sideways; buttons are large."""
    page.set_viewport_size({"width": 360, "height": 800})
    tracker_state(page, site_url, "today")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    small = page.locator(
        "#planner-tracker :is(.md-button, select), #planner-today .md-button"
    ).evaluate_all(
        """nodes => nodes.filter(n => n.checkVisibility())
            .filter(n => n.getBoundingClientRect().height < 43.5)
            .map(n => n.outerHTML.slice(0, 80))"""
    )
    assert small == []


def test_ticking_and_today_work_with_the_keyboard(page: Page, site_url: str) -> None:
    """A step is ticked with the space bar; Today opens with Enter and leads back by a name."""
    tracker_state(page, site_url, "several")
    box = page.locator('[data-key="TY-EMAIL-1"]').get_by_label("Done", exact=True)
    box.focus()
    page.keyboard.press("Space")
    day = page.locator('[data-key="TY-EMAIL-1"]').get_by_label("The day you did it", exact=False)
    expect(day).to_be_visible(timeout=PYTHON_TIMEOUT)
    expect(page.locator('[data-key="TY-EMAIL-1"]').get_by_label("Done on")).to_be_focused()
    page.get_by_role("button", name="Today").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#planner-today-heading")).to_be_focused(timeout=PYTHON_TIMEOUT)
    first = page.locator("#planner-agenda .planner-agenda-open").first
    expect(first).to_be_visible(timeout=PYTHON_TIMEOUT)
    first.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#planner-interview")).to_be_visible()
