"""Tests for the record of the job search: every interview and every contact made, dated."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from planner import api
from planner.__main__ import main
from planner.bridge import handle
from tests.support.paths import ROOT

GOLDEN = ROOT / "tests" / "golden"
LATE = json.loads((GOLDEN / "17-progress-late-checkin.json").read_text(encoding="utf-8"))
OFFER = json.loads((GOLDEN / "11-offer.json").read_text(encoding="utf-8"))


def ask(op: str, **fields: Any) -> dict[str, Any]:
    response = json.loads(handle(json.dumps({"protocol": 1, "id": 1, "op": op, **fields})))
    assert isinstance(response, dict)
    return response


def test_record_lists_contacts_made_in_order() -> None:
    """Only steps done that reached the employer are contacts, in the order they were made."""
    result = api.record_result([LATE], None)
    (entry,) = result["interviews"]
    assert [(c["key"], c["date"]) for c in entry["contacts"]] == [
        ("TY-EMAIL-1", "2026-03-12"),
        ("TY-EMAIL-2", "2026-03-13"),
        ("CHECKIN-MAIN", "2026-04-02"),
    ]  # KEEP-SEARCHING was done too, but reached nobody; TY-EMAIL-3 names no step
    assert entry["contacts"][0]["note"] == "sent from the train"
    assert (entry["label"], entry["id"], entry["outcome"], entry["outcome_date"]) == (
        "Inventory analyst at Northwind Books", "a7c2e9", "pending", None,
    )  # fmt: skip
    assert entry["interviewers"][0] == {"name": "Dana Reyes", "title": "Head of Operations"}


def test_record_keeps_archived_interviews_and_outcomes() -> None:
    """Archived interviews stay in the record, with their outcome and its date."""
    result = api.record_result([{**OFFER, "archived": True}], dt.date(2026, 4, 1))
    (entry,) = result["interviews"]
    assert (entry["archived"], entry["outcome"], entry["outcome_date"]) == (
        True, "offer", "2026-03-20",
    )  # fmt: skip
    text = api.render_record_result([{**OFFER, "archived": True}], dt.date(2026, 4, 1), "text")
    lines = text["text"].splitlines()
    assert lines[:2] == ["RECORD OF JOB SEARCH", "As of Wednesday 1 April 2026"]
    assert "Backend Developer at Brightwater Ltd (archived)" in lines
    assert "Friday 20 March 2026: Outcome: an offer" in lines


def test_record_text_says_who_how_and_what_they_said() -> None:
    """Each contact line has its day, what it was, to whom with their title, how, and the note."""
    lines = api.render_record_result([LATE], None, "text")["text"].splitlines()
    assert lines[4] == (
        "Thursday 12 March 2026: Interview with Dana Reyes (Head of Operations), "
        "Lee Park (Senior Analyst)"
    )
    assert lines[-1] == (
        "Thursday 2 April 2026: Follow-up on their decision to Dana Reyes (Head of Operations), "
        "by phone: voicemail, then she called back: still interviewing"
    )
    markdown = api.render_record_result([LATE], None, "md")["text"]
    assert markdown.startswith("# Record of job search\n")
    assert "- **Thursday 12 March 2026**: Thank-you to Dana Reyes" in markdown


def test_a_refused_input_is_named_and_the_rest_recorded() -> None:
    """An input with errors is listed under errors; the others are still recorded."""
    result = api.record_result([LATE, {"interview_date": "soon"}], None)
    assert [entry["interview"] for entry in result["interviews"]] == [0]
    assert result["errors"][0]["interview"] == 1


@pytest.mark.parametrize(
    "fields",
    [{}, {"inputs": {}}, {"inputs": [], "today": "2026-4-1"}, {"inputs": [], "today": 3}],
)
def test_malformed_record_requests(fields: dict[str, Any]) -> None:
    """No list of inputs, or a today that is not a date, is a bad request."""
    response = ask("record", **fields)
    assert (response["ok"], response["error"]["code"]) == (False, "bad_request")


def test_render_record_through_the_bridge() -> None:
    """render_record answers a file name and the text; an unknown format is a bad request."""
    response = ask("render_record", inputs=[LATE], format="text")
    assert response["ok"] and response["result"]["filename"] == "job-search-record.txt"
    assert ask("render_record", inputs=[LATE], format="ics")["error"]["code"] == "bad_request"


def test_cli_record(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The record command reads inputs and backups; a refused one exits 2 and is named."""
    backup = tmp_path / "backup.json"
    backup.write_text(json.dumps({"version": 1, "interviews": [LATE, 5]}), encoding="utf-8")
    assert main(["record", str(backup), "--format", "text"]) == 2
    out, err = capsys.readouterr()
    assert out.startswith("RECORD OF JOB SEARCH\n")
    assert err.startswith(f"{backup}: interview 1: : ")
    assert main(["record", str(backup), "--format", "json", "--today", "2026-04-20"]) == 2
    assert json.loads(capsys.readouterr().out)["today"] == "2026-04-20"
