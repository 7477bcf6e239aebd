"""Tests for the command line of spec §12: exit codes, streams and formats."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import icalendar
import pytest

from planner import render
from planner.__main__ import main
from planner.model import Problem

GOOD: dict[str, Any] = {
    "interview_date": "2026-03-12",
    "company": "Acme",
    "interviewers": [{"name": "Dana", "phone": "555 0100"}],
}
BAD: dict[str, Any] = {"interview_date": "2026-02-30", "interviewers": []}
ROOT = Path(__file__).resolve().parent.parent


def write(tmp_path: Path, data: Any, name: str = "input.json") -> str:
    """Write JSON (or raw text) to a file and return its path."""
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return str(path)


def test_json_plan(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A valid file gives exit 0 and the JSON plan on standard output."""
    assert main(["plan", write(tmp_path, GOOD), "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["items"][0]["key"] == "AT-CONTACTS" and err == ""


@pytest.mark.parametrize(
    ("fmt", "start"), [("md", "# Follow-up plan: Acme"), ("text", "FOLLOW-UP")]
)
def test_text_formats(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str, start: str
) -> None:
    """Markdown and text go to standard output with exit 0."""
    assert main(["plan", write(tmp_path, GOOD), "--format", fmt]) == 0
    assert capsys.readouterr().out.startswith(start)


@pytest.mark.parametrize(
    ("today", "overdue"), [("2026-03-12", False), ("2026-03-20", True), (None, False)]
)
def test_today_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], today: str | None, overdue: bool
) -> None:
    """--today marks the thank-you overdue once its latest day has passed."""
    extra = ["--today", today] if today else []
    assert main(["plan", write(tmp_path, GOOD), "--format", "json", *extra]) == 0
    items = {item["key"]: item for item in json.loads(capsys.readouterr().out)["items"]}
    assert items["TY-EMAIL-1"]["overdue"] is overdue


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """INPUT '-' reads the JSON from standard input."""
    stdin = io.TextIOWrapper(io.BytesIO(json.dumps(GOOD).encode("utf-8")), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    assert main(["plan", "-", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["version"] == 1


def test_refusal_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A refused input with --format json exits 2 with the errors object on standard output."""
    assert main(["plan", write(tmp_path, BAD), "--format", "json"]) == 2
    out, err = capsys.readouterr()
    fields = {error["field"] for error in json.loads(out)["errors"]}
    assert fields == {"interview_date", "interviewers"} and err == ""


@pytest.mark.parametrize("fmt", ["md", "text", "ics"])
def test_refusal_other_formats(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    """With other formats a refusal exits 2, printing 'field: message' lines on standard error."""
    assert main(["plan", write(tmp_path, BAD), "--format", fmt]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert sorted(line.split(": ", 1)[0] for line in err.splitlines()) == [
        "interview_date",
        "interviewers",
    ]


@pytest.mark.parametrize(
    ("content", "today", "field"),
    [
        ("not json at all", None, ""),
        ("[1, 2", None, ""),
        ("[" * 100_000, None, ""),
        (json.dumps(GOOD), "2026-3-1", "today"),
        (json.dumps(GOOD), "yesterday", "today"),
    ],
)
def test_unreadable_input_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, today: str | None, field: str
) -> None:
    """A file that is not JSON, or a bad --today, is a refusal with its field, not a traceback."""
    extra = ["--today", today] if today else []
    assert main(["plan", write(tmp_path, content), "--format", "json", *extra]) == 2
    errors = json.loads(capsys.readouterr().out)["errors"]
    assert [error["field"] for error in errors] == [field]


@pytest.mark.parametrize("content", ["{not json", json.dumps(BAD)])
def test_refusals_come_from_render_errors_json(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    content: str,
) -> None:
    """Every JSON refusal is the object render.errors_json builds, not a second copy of it."""
    original = render.errors_json

    def marked(problems: Iterable[Problem]) -> dict[str, Any]:
        return {**original(problems), "made_by": "errors_json"}

    monkeypatch.setattr(render, "errors_json", marked)
    assert main(["plan", write(tmp_path, content), "--format", "json"]) == 2
    assert json.loads(capsys.readouterr().out)["made_by"] == "errors_json"


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file that does not exist is a refusal on the whole input."""
    assert main(["plan", str(tmp_path / "nope.json"), "--format", "text"]) == 2
    assert capsys.readouterr().err.startswith(": ")


def test_unknown_format_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown --format stops argparse with status 2."""
    with pytest.raises(SystemExit) as stopped:
        main(["plan", "-", "--format", "pdf"])
    assert stopped.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_module_writes_calendar_bytes(tmp_path: Path) -> None:
    """`python -m planner` writes a CRLF calendar that parses, the same bytes every run."""
    command = [sys.executable, "-m", "planner", "plan", write(tmp_path, GOOD), "--format", "ics"]
    runs = [subprocess.run(command, capture_output=True, cwd=ROOT, check=True) for _ in range(2)]
    assert runs[0].stdout == runs[1].stdout
    assert runs[0].stdout.count(b"\r\n") == runs[0].stdout.count(b"\n")
    calendar = icalendar.Calendar.from_ical(runs[0].stdout)
    assert len(list(calendar.walk("VEVENT"))) > 5
