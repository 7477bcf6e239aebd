"""The golden inputs' plans, pinned byte for byte.

Every file of ``tests/golden/`` is planned as the command line's JSON (``plan`` with no
``--today``) and compared with ``tests/golden/expected/<name>.json``. A change of rules or
wording shows up here as a diff to read, not as a silent drift. After a deliberate change,
rewrite the expected files with ``FOLLOWUP_UPDATE_GOLDEN=1 pytest tests/test_golden.py`` and
review the diff before committing.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from planner import api, render
from tests.support.paths import ROOT

GOLDEN = ROOT / "tests" / "golden"
EXPECTED = GOLDEN / "expected"
INPUTS = sorted(GOLDEN.glob("*.json"))


def _planned(path: Path) -> str:
    raw = json.loads(path.read_text(encoding="utf-8"))
    return render.dumps(api.plan_result(raw, None))


def test_every_golden_input_has_an_expected_plan() -> None:
    """Each golden input has its pinned answer, and no answer is left without its input."""
    assert sorted(p.name for p in EXPECTED.glob("*.json")) == [p.name for p in INPUTS]


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.stem)
def test_golden_plan_is_unchanged(path: Path) -> None:
    """The plan of a golden input is exactly the pinned one."""
    expected = EXPECTED / path.name
    actual = _planned(path)
    if os.environ.get("FOLLOWUP_UPDATE_GOLDEN") == "1":
        expected.write_text(actual, encoding="utf-8")
    assert expected.read_text(encoding="utf-8") == actual
