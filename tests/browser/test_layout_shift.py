"""Nothing on the planner page moves while it starts (cumulative layout shift 0).

The status line changes, the storage bar and the first interviewer row are
built by script, and Python gets ready in the background: none of it may push
what the reader is looking at. Checked on a phone-sized and a wide screen.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, ViewportSize

from tests.browser.conftest import Guard
from tests.browser.test_planner_page import wait_ready

#: Every layout shift not caused by the reader's input, as Lighthouse counts them.
_SHIFTS = """
window.__shifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) {
      window.__shifts.push({
        value: entry.value,
        moved: entry.sources.map((source) => source.node ? source.node.outerHTML.slice(0, 80) : ""),
      });
    }
  }
}).observe({ type: "layout-shift", buffered: true });
"""


@pytest.mark.parametrize(
    "viewport",
    [ViewportSize(width=412, height=823), ViewportSize(width=1350, height=940)],
    ids=["phone", "wide"],
)
def test_nothing_moves_while_the_planner_starts(
    browser: Browser, guard: Guard, site_url: str, viewport: ViewportSize
) -> None:
    """From navigation until the planner is ready, no layout shift at all."""
    context = browser.new_context(viewport=viewport)
    context.route("**/*", guard.route)
    context.add_init_script(_SHIFTS)
    try:
        page = context.new_page()
        page.goto(site_url + "planner/")
        wait_ready(page)
        page.wait_for_timeout(300)  # a shift right after ready would still count
        assert page.evaluate("window.__shifts") == []
    finally:
        context.close()
    assert guard.foreign == []
