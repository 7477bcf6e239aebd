"""Fixtures shared by every test layer."""

from __future__ import annotations

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
