"""Pyodide in Node answers every golden request exactly as CPython does.

The requests go through the very bundle the built site serves, so a data file
missing from the bundle, or an import that only development tools provided,
shows up here as a difference or an error.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from planner.bridge import handle
from tests.support.paths import ROOT

GOLDEN = ROOT / "tests" / "golden"
RUNNER = ROOT / "tests" / "node" / "bridge.mjs"

_SMALL = {"interview_date": "2026-03-12", "interviewers": [{"name": "Dana Reyes"}]}
_MALFORMED = [
    "",
    "not json",
    "[]",
    '{"protocol": 2, "id": 1, "op": "plan"}',
    '{"protocol": 1, "id": {"nested": [1, 2]}, "op": "fly"}',
    '{"protocol": 1, "id": 3, "op": "plan", "input": {"interview_date": 20260312}}',
    '{"protocol": 1, "id": 4, "op": "plan", "input": "Dana"}',
    '{"protocol": 1, "id": 5, "op": "render", "input": {}, "format": "pdf"}',
    '{"protocol": 1, "id": 6, "op": "parse_timing", "text": 7}',
    '{"protocol": 1, "id": 7, "op": "agenda", "inputs": {}, "today": "2026-04-20"}',
    '{"protocol": 1, "id": 8, "op": "agenda", "inputs": [], "today": "2026-04-20", "days": 400}',
    '{"protocol": 1, "id": 9, "op": "render_agenda", "inputs": [], "today": "x", "format": "md"}',
    "[" * 5000 + "]" * 5000,
]
_PHRASES = [
    "in two weeks",
    "by Friday",
    "two to three months",
    "call me tomorrow",
    "don't chase us for a month",
    "2026-04-01",
    "whenever, really",
]


def _inputs() -> list[tuple[str, Any]]:
    files = sorted(GOLDEN.glob("*.json"))
    return [("inline-small", _SMALL)] + [
        (path.stem, json.loads(path.read_text(encoding="utf-8"))) for path in files
    ]


def _requests() -> list[str]:
    requests: list[dict[str, Any]] = []
    for name, raw in _inputs():
        requests.append({"protocol": 1, "id": f"{name}/plan", "op": "plan", "input": raw})
        requests.append(
            {
                "protocol": 1,
                "id": f"{name}/today",
                "op": "plan",
                "input": raw,
                "today": "2026-04-20",
            }
        )
        for fmt in ("md", "text", "ics"):
            requests.append(
                {
                    "protocol": 1,
                    "id": f"{name}/{fmt}",
                    "op": "render",
                    "input": raw,
                    "today": "2026-04-20",
                    "format": fmt,
                }
            )
    inputs = [raw for _, raw in _inputs()]
    agenda = {"protocol": 1, "op": "agenda", "inputs": inputs, "today": "2026-04-20"}
    requests.append({**agenda, "id": "agenda"})
    requests.append({**agenda, "id": "agenda/30", "days": 30})
    for fmt in ("md", "text", "ics"):
        requests.append({**agenda, "id": f"agenda/{fmt}", "op": "render_agenda", "format": fmt})
    record = {"protocol": 1, "op": "record", "inputs": inputs, "today": "2026-04-20"}
    requests.append({**record, "id": "record"})
    for fmt in ("md", "text"):
        requests.append({**record, "id": f"record/{fmt}", "op": "render_record", "format": fmt})
    for index, text in enumerate(_PHRASES):
        requests.append(
            {
                "protocol": 1,
                "id": index,
                "op": "parse_timing",
                "text": text,
                "interview_date": "2026-03-12",
            }
        )
    return [json.dumps(request) for request in requests] + _MALFORMED


def _stdlib(bundle_path: Path) -> Path:
    """The compiled standard library served beside the bundle."""
    site = bundle_path.parents[2]
    (stdlib,) = (site / "assets" / "pyodide").glob("*/python_stdlib.zip")
    return stdlib


@pytest.fixture(scope="module")
def node_answers(bundle_path: Path) -> list[str]:
    """Every request answered by Pyodide under Node, from the served bundle."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is needed for the parity tests (see README: Requirements).")
    completed = subprocess.run(
        [node, str(RUNNER), str(bundle_path), str(_stdlib(bundle_path))],
        input=json.dumps(_requests()),
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    answers: list[str] = json.loads(completed.stdout)
    return answers


def test_golden_inputs_exist() -> None:
    """The golden set holds real interviews, not only the inline sample."""
    assert len(list(GOLDEN.glob("*.json"))) >= 5


@pytest.mark.node
def test_pyodide_answers_like_cpython(node_answers: list[str]) -> None:
    """Each request gets the same bytes from Pyodide in Node as from CPython."""
    requests = _requests()
    assert len(node_answers) == len(requests)
    for request, answer in zip(requests, node_answers, strict=True):
        assert answer == handle(request), f"differs for request {request[:200]}"


@pytest.mark.node
def test_pyodide_reports_its_own_python(bundle_path: Path) -> None:
    """The version operation in Pyodide names Python 3.14, proving which runtime answered."""
    node = shutil.which("node")
    assert node is not None
    request = json.dumps([json.dumps({"protocol": 1, "id": "v", "op": "version"})])
    completed = subprocess.run(
        [node, str(RUNNER), str(bundle_path), str(_stdlib(bundle_path))],
        input=request,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        check=True,
    )
    answer = json.loads(json.loads(completed.stdout)[0])
    assert answer["ok"] is True
    assert answer["result"]["python"].startswith("3.14.")
