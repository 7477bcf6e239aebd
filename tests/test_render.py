"""Tests for the JSON, Markdown and plain-text renderings of a plan."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.model import Basis, Channel, Draft, Interview, Interviewer, Item, Phase, Plan, Problem
from planner.render import dumps, errors_json, heading, item_json, plan_json, to_markdown, to_text
from tests.support.factories import make_item

DAY = dt.date(2026, 3, 12)  # a Thursday, the interview day


def item(key: str, due: dt.date, **changes: object) -> Item:
    """An item due on a given day, with this file's defaults; fields can be changed by name."""
    defaults: dict[str, object] = {
        "advice": ("thank-you-promptly",),
        "basis": (Basis.SEED,),
    }
    return make_item(key, due, **{**defaults, **changes})


TODAY = dt.date(2026, 3, 20)  # a Friday, the day after the main check-in was due
INTERVIEW = Interview(DAY, (Interviewer("Dana"),), role="Analyst", company="Acme", today=TODAY)
PLAN = Plan(
    items=(
        item("AT-CONTACTS", DAY, phase=Phase.BEFORE_LEAVING),
        item(
            "TY-EMAIL-1",
            DAY,
            latest=dt.date(2026, 3, 13),
            recipient="Dana",
            channel=Channel.EMAIL,
            steps=("Proofread.",),
        ),
        item(
            "TY-NOTE-1", dt.date(2026, 3, 14), recipient="Dana", channel=Channel.POST, optional=True
        ),
        item("CHECKIN-MAIN", dt.date(2026, 3, 19), overdue=True, channel=Channel.PHONE),
    ),
    warnings=(Problem("interviewers[0]", "Add a phone number or email address for Dana."),),
    guidance=("follow-up-is-expected",),
    drafts=(Draft("TY-EMAIL-1", "Dana", Channel.EMAIL, "Thanks", "Dear Dana,\n\nThank you."),),
)


def test_item_json_fields() -> None:
    """An item in JSON has the fields of spec §1 with ISO dates, enum values and nulls."""
    assert item_json(PLAN.items[1]) == {
        "key": "TY-EMAIL-1",
        "title": "Do TY-EMAIL-1",
        "phase": "same_day",
        "due": "2026-03-12",
        "latest": "2026-03-13",
        "recipient": "Dana",
        "channel": "email",
        "optional": False,
        "done": None,
        "overdue": False,
        "advice": ["thank-you-promptly"],
        "basis": ["SEED"],
        "steps": ["Proofread."],
    }
    absent = item_json(PLAN.items[0])
    assert (absent["latest"], absent["recipient"], absent["channel"]) == (None, None, None)


def test_plan_json_shape() -> None:
    """A plan's JSON has version 1, items, warnings, guidance and drafts, and survives a dump."""
    data = plan_json(PLAN)
    assert list(data) == ["version", "items", "warnings", "guidance", "drafts"]
    assert data["warnings"] == [{"field": "interviewers[0]", "message": PLAN.warnings[0].message}]
    assert data["guidance"] == ["follow-up-is-expected"]
    assert data["drafts"] == [
        {
            "item": "TY-EMAIL-1",
            "recipient": "Dana",
            "channel": "email",
            "subject": "Thanks",
            "body": "Dear Dana,\n\nThank you.",
        }
    ]
    assert json.loads(dumps(data)) == data


def test_errors_json_shape() -> None:
    """A refusal is the version and the list of field/message pairs."""
    assert errors_json([Problem("", "Send an object.")]) == {
        "version": 1,
        "errors": [{"field": "", "message": "Send an object."}],
    }


@pytest.mark.parametrize(
    ("role", "company", "expected"),
    [
        ("Analyst", "Acme", "Follow-up plan: Analyst at Acme"),
        ("Analyst", None, "Follow-up plan: Analyst"),
        (None, " Acme  Ltd ", "Follow-up plan: Acme Ltd"),
        (None, None, "Follow-up plan"),
    ],
)
def test_heading(role: str | None, company: str | None, expected: str) -> None:
    """The heading names the role and company as far as they are known."""
    assert heading(Interview(DAY, (Interviewer("Dana"),), role=role, company=company)) == expected


def test_markdown_layout() -> None:
    """Markdown has the heading, warnings first, days with weekdays, check boxes and marks."""
    text = to_markdown(INTERVIEW, PLAN)
    lines = text.splitlines()
    assert lines[0] == "# Follow-up plan: Analyst at Acme"
    assert "Interview: Thursday 12 March 2026  " in lines
    assert text.index("## Warnings") < text.index("## Thursday 12 March 2026 (interview day)")
    assert "## Saturday 14 March 2026 (day 2)" in lines
    assert "- [ ] **Do TY-EMAIL-1**" in lines
    assert "  *To Dana by email; at the latest Friday 13 March 2026*" in lines
    assert "  *To Dana by post; optional*" in lines
    assert "## Friday 20 March 2026 (today, day 8)" in lines
    assert lines.index("  *By phone*") == lines.index("## Friday 20 March 2026 (today, day 8)") + 3
    assert "  *Overdue since Thursday 19 March 2026: do it today*" in lines
    assert "  - Proofread." in lines
    assert "- follow-up-is-expected" in lines
    assert "### Draft: Do TY-EMAIL-1" in lines


def test_markdown_guidance_summaries() -> None:
    """Given readable lines for advice ids, the guidance shows them instead of the ids."""
    text = to_markdown(INTERVIEW, PLAN, {"follow-up-is-expected": "Expected: they want it."})
    assert "- Expected: they want it." in text.splitlines()


def test_markdown_escapes_user_text() -> None:
    """Mark-up characters in entered text are escaped so they show as typed."""
    odd = Plan(items=(item("TY-EMAIL-1", DAY, title="Thank *Dana* [x]_y"),))
    assert "- [ ] **Thank \\*Dana\\* \\[x\\]\\_y**" in to_markdown(INTERVIEW, odd)


def test_markdown_draft_fence_outgrows_body() -> None:
    """A draft body holding a fence line is wrapped in a longer fence."""
    drafts = (Draft("TY-EMAIL-1", None, None, None, "a\n~~~~\nb"),)
    text = to_markdown(INTERVIEW, Plan(items=PLAN.items, drafts=drafts))
    assert "~~~~~text\na\n~~~~\nb\n~~~~~" in text


def test_text_layout() -> None:
    """Plain text has an upper-case heading, underlined days and bracket check boxes."""
    lines = to_text(INTERVIEW, PLAN).splitlines()
    assert lines[:3] == [
        "FOLLOW-UP PLAN: ANALYST AT ACME",
        "Interview: Thursday 12 March 2026",
        "Today: Friday 20 March 2026",
    ]
    assert lines[4:6] == ["WARNINGS", "! interviewers[0]: " + PLAN.warnings[0].message]
    day = lines.index("Friday 20 March 2026 (today, day 8)")
    assert lines[day + 1] == "-" * len(lines[day])
    assert "[ ] Do TY-NOTE-1" in lines and "    To Dana by post; optional" in lines


@settings(deadline=None, max_examples=100)
@given(
    title=st.text(max_size=40),
    role=st.none() | st.text(max_size=20),
    overdue=st.booleans(),
    offset=st.integers(min_value=0, max_value=60),
)
def test_renderings_are_deterministic(
    title: str, role: str | None, overdue: bool, offset: int
) -> None:
    """The same plan always renders to the same text, every day in one group."""
    due = DAY + dt.timedelta(days=offset)
    plan = Plan(items=(item("MAT-1", due, title=title, overdue=overdue),))
    interview = Interview(DAY, (Interviewer("Dana"),), role=role)
    for render in (to_markdown, to_text):
        first = render(interview, plan)
        assert first == render(interview, plan)
        assert first.endswith("\n")
    assert dumps(plan_json(plan)) == dumps(plan_json(plan))


def test_markdown_and_text_list_the_same_drafts() -> None:
    """Both renderings head each draft with its item's title (else its key), in plan order."""
    drafts = (
        Draft("TY-EMAIL-1", "Dana", Channel.EMAIL, "Thanks", "Dear Dana,\n\nThank you."),
        Draft("GONE-1", None, None, None, "Hello."),
        Draft("TY-NOTE-1", "Dana", Channel.POST, None, "A note."),
    )
    plan = Plan(items=PLAN.items, drafts=drafts)
    markdown, text = to_markdown(INTERVIEW, plan), to_text(INTERVIEW, plan)
    headings = ["Draft: Do TY-EMAIL-1", "Draft: GONE-1", "Draft: Do TY-NOTE-1"]
    md_lines = [line for line in markdown.splitlines() if line.startswith("### ")]
    text_lines = [line for line in text.splitlines() if line.startswith("== ")]
    assert md_lines == [f"### {h}" for h in headings]
    assert text_lines == [f"== {h} ==" for h in headings]
    assert "Subject: Thanks" in markdown and "Subject: Thanks" in text
    for body in ("Dear Dana,\n\nThank you.", "Hello.", "A note."):
        assert body in markdown and body in text


def test_done_steps_show_their_day_and_note() -> None:
    """A done step is checked, says on which day with the note, and drops its sub-steps."""
    done = item("TY-EMAIL-1", DAY, recipient="Dana", channel=Channel.EMAIL, steps=("Proofread.",),
                done=dt.date(2026, 3, 13), note="sent *late*")  # fmt: skip
    plan = Plan(items=(done,))
    md, text = to_markdown(INTERVIEW, plan).splitlines(), to_text(INTERVIEW, plan).splitlines()
    assert "- [x] **Do TY-EMAIL-1**" in md and "[x] Do TY-EMAIL-1" in text
    assert "  *Done on Friday 13 March 2026: sent \\*late\\**" in md
    assert "    Done on Friday 13 March 2026: sent *late*" in text
    assert "Proofread." not in "\n".join(md + text)


def test_who_line_names_the_job_title() -> None:
    """The Who line gives the interviewer's job title when it was entered."""
    interview = Interview(DAY, (Interviewer("Dana", title="Head of Operations"),), today=DAY)
    plan = Plan(items=(item("TY-NOTE-1", DAY, recipient="Dana", channel=Channel.POST),))
    assert "    To Dana (Head of Operations) by post" in to_text(interview, plan).splitlines()
    assert "  *To Dana (Head of Operations) by post*" in to_markdown(interview, plan).splitlines()
