"""Fixtures shared by every test layer."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from hypothesis import settings

from tests.support.paths import SITE

# Hypothesis's default deadline is a wall-clock assertion; speed lives in benchmarks.
settings.register_profile("default", deadline=None)
settings.load_profile("default")


@pytest.fixture(scope="session")
def built_site() -> Path:
    """The built site; a test that needs it fails (never skips) when it is missing."""
    if not (SITE / "index.html").is_file() or not (SITE / "planner" / "index.html").is_file():
        pytest.fail("The site is not built: run `make build` (or `make test`, which builds it).")
    return SITE


@pytest.fixture(scope="session")
def bundle_path(built_site: Path) -> Path:
    """The planner bundle that the built site serves to the browser."""
    bundles = sorted((built_site / "assets" / "planner").glob("planner-*.zip"))
    assert len(bundles) == 1, f"expected one planner bundle, found {bundles}"
    return bundles[0]


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Beside pytest's own count, the count of the page's unit tests (Node's test runner).

    `make test` runs them first and names their TAP report in FOLLOWUP_NODE_RESULTS.
    """
    path = os.environ.get("FOLLOWUP_NODE_RESULTS")
    if not path:
        return
    report = Path(path)
    text = report.read_text(encoding="utf-8")
    counts = dict(re.findall(r"^# (tests|pass|fail) (\d+)$", text, re.M))
    if "tests" not in counts:
        terminalreporter.write_sep("=", f"node --test: no counts in {report}", red=True)
        return
    failed = int(counts.get("fail", "0"))
    terminalreporter.write_sep(
        "=",
        f"node --test (tests/js): {counts.get('pass', '0')} passed, {failed} failed",
        green=not failed,
        red=bool(failed),
    )
