"""Tests for the message drafts: what each draft says, and that gaps never show."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.citations import EXTRAS, When, all_cited_ids
from planner.dates import long_date
from planner.drafts import build_drafts, clean
from planner.model import Channel, Draft, Interview, Interviewer, Item, Material, Phase

DAY = dt.date(2026, 3, 12)  # a Thursday, the interview day
#: The advice a thank-you cites when it answers the concern (from the one table of ids).
CONCERN = EXTRAS["TY-EMAIL"][When.ANSWERS_CONCERN][0]


def item(key: str, recipient: str | None, channel: Channel | None, *advice: str) -> Item:
    """A bare item with the given key, recipient, channel and advice ids."""
    return Item(
        key, key, Phase.WAITING, DAY, None, recipient, channel, False, False, advice, (), ()
    )


def full_interview(**changes: object) -> Interview:
    """An interview with every optional wording field filled in."""
    fields: dict[str, object] = {
        "interview_date": DAY,
        "interviewers": (
            Interviewer("Dana Lee", phone="555 0100", topic="the data pipeline"),
            Interviewer("Sam Roe", topic="team rituals"),
        ),
        "role": "Data Analyst",
        "company": "Acme",
        "candidate_name": "Alex Kim",
        "candidate_contact": "alex@example.com",
        "strengths": ("SQL", "clear writing", "patience"),
        "concern_raised": "my limited management experience",
    }
    fields.update(changes)
    return Interview(**fields)  # type: ignore[arg-type]


def one(interview: Interview, it: Item) -> Draft:
    """The single draft written for one item."""
    (draft,) = build_drafts(interview, [it])
    return draft


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2026, 3, 12), "Thursday 12 March 2026"),
        (dt.date(2026, 3, 14), "Saturday 14 March 2026"),
        (dt.date(2027, 1, 1), "Friday 1 January 2027"),
        (dt.date(2028, 2, 29), "Tuesday 29 February 2028"),
    ],
)
def test_long_date(day: dt.date, expected: str) -> None:
    """A date is spelled out in English with its weekday, whatever the locale."""
    assert long_date(day) == expected


def test_clean_collapses_whitespace() -> None:
    """Cleaning trims the ends, collapses inner whitespace and turns None into ''."""
    assert clean("  a \n\t b ") == "a b"
    assert clean(None) == ""


@pytest.mark.parametrize(
    ("key", "channel", "has_draft"),
    [
        ("AT-CONTACTS", None, False),
        ("TY-EMAIL-1", Channel.EMAIL, True),
        ("REFEREES", None, False),
        ("MAT-1", Channel.EMAIL, True),
        ("KEEP-SEARCHING", None, False),
        ("TY-NOTE-1", Channel.POST, True),
        ("CHECKIN-REQUESTED", Channel.PHONE, True),
        ("CHECKIN-INTERIM-1", Channel.EMAIL, True),
        ("CHECKIN-MAIN", Channel.EMAIL, True),
        ("CHECKIN-REPEAT-3", Channel.EMAIL, True),
        ("OFFER-THANKS", Channel.REPLY, True),
        ("REJ-REPLY", Channel.REPLY, True),
        ("NEXT-ROUND", None, False),
    ],
)
def test_which_items_get_drafts(key: str, channel: Channel | None, has_draft: bool) -> None:
    """Only items that send a message to someone get a draft, naming the item's key."""
    drafts = build_drafts(full_interview(), [item(key, "Dana Lee", channel)])
    assert [d.item for d in drafts] == ([key] if has_draft else [])
    for draft in drafts:
        assert (draft.recipient, draft.channel) == ("Dana Lee", channel)


def test_thank_you_uses_topic_strengths_and_signature() -> None:
    """A thank-you names role, company, that person's topic, strengths and sender."""
    draft = one(full_interview(), item("TY-EMAIL-1", "Dana Lee", Channel.EMAIL))
    assert draft.subject == "Thank you for the Data Analyst interview \u2013 Alex Kim"
    assert draft.body.startswith("Dear Dana Lee,\n\n")
    for part in (
        "Data Analyst role at Acme",
        "the data pipeline",
        "SQL, clear writing and patience",
    ):
        assert part in draft.body
    assert draft.body.endswith("Best regards,\nAlex Kim\nalex@example.com")
    assert "management experience" not in draft.body


def test_thank_you_topic_follows_interviewer_number() -> None:
    """The second thank-you mentions the second interviewer's topic, not the first's."""
    draft = one(full_interview(), item("TY-EMAIL-2", "Sam Roe", Channel.EMAIL))
    assert "team rituals" in draft.body
    assert "data pipeline" not in draft.body


def test_concern_answered_only_where_flagged() -> None:
    """Only the thank-you carrying the concern's advice id has a paragraph answering it."""
    interview = full_interview()
    flagged = item("TY-EMAIL-2", "Sam Roe", Channel.EMAIL, CONCERN)
    plain = item("TY-EMAIL-1", "Dana Lee", Channel.EMAIL)
    first, second = build_drafts(interview, [plain, flagged])
    assert "my limited management experience" not in first.body
    assert "my limited management experience" in second.body


@pytest.mark.parametrize("module", ["drafts", "rules", "checkins", "render", "ics", "api"])
def test_engine_writes_no_advice_id(module: str) -> None:
    """Advice ids are written only in planner/citations.py; the engine derives them from there."""
    source = (Path(__file__).parent.parent / "planner" / f"{module}.py").read_text("utf-8")
    written = sorted(a for a in all_cited_ids() if re.search(rf"[\"']{re.escape(a)}[\"']", source))
    assert written == [], f"planner/{module}.py writes advice ids: {written}"


def test_blank_concern_adds_nothing() -> None:
    """A concern flagged on the item but blank in the input adds no paragraph."""
    interview = full_interview(concern_raised="   ")
    draft = one(interview, item("TY-EMAIL-1", "Dana Lee", Channel.EMAIL, CONCERN))
    assert "raised" not in draft.body


@pytest.mark.parametrize(
    ("round_", "subject_part"),
    [(1, "Thank you for"), (2, "second"), (3, "third"), (12, "round-12")],
)
def test_round_wording(round_: int, subject_part: str) -> None:
    """From round 2 on, the thank-you is worded as another thank-you for that round."""
    draft = one(full_interview(interview_round=round_), item("TY-EMAIL-1", "Dana", Channel.EMAIL))
    assert draft.subject is not None and subject_part in draft.subject
    assert ("Thank you again" in draft.body) is (round_ >= 2)


@pytest.mark.parametrize(
    ("channel", "subject", "opening"),
    [
        (Channel.PHONE, None, "Hello Dana Lee, this is Alex Kim."),
        (
            Channel.EMAIL,
            "Following up on the Data Analyst interview \u2013 Alex Kim",
            "Dear Dana Lee,",
        ),
    ],
)
def test_check_in_by_channel(channel: Channel, subject: str | None, opening: str) -> None:
    """The main check-in is a call script by phone and an email with a subject otherwise."""
    draft = one(full_interview(), item("CHECKIN-MAIN", "Dana Lee", channel))
    assert draft.subject == subject
    assert draft.body.startswith(opening)
    assert "where you are in the process" in draft.body


def test_check_in_mentions_decision_date() -> None:
    """A main check-in after a stated decision date mentions that date."""
    interview = full_interview(decision_date=dt.date(2026, 3, 20))
    draft = one(interview, item("CHECKIN-MAIN", "Dana Lee", Channel.EMAIL))
    assert "Friday 20 March 2026" in draft.body


def test_requested_contact_says_they_asked() -> None:
    """The contact the interviewer asked for says so."""
    draft = one(full_interview(), item("CHECKIN-REQUESTED", "Dana Lee", Channel.PHONE))
    assert "As you asked" in draft.body


def test_note_outline() -> None:
    """The note outline is a short list naming the person, the posting day and their topic."""
    draft = one(full_interview(), item("TY-NOTE-2", "Sam Roe", Channel.POST))
    assert draft.subject is None
    assert draft.body.splitlines()[0] == "Handwritten note to Sam Roe"
    assert "Thursday 12 March 2026" in draft.body and "team rituals" in draft.body


def test_offer_thanks_other_interviewers() -> None:
    """The offer reply thanks the primary contact and asks them to pass thanks to the others."""
    draft = one(full_interview(), item("OFFER-THANKS", "Dana Lee", Channel.REPLY))
    assert "Please pass my thanks to Sam Roe as well." in draft.body


def test_rejection_reply_order() -> None:
    """A rejection reply thanks, asks for feedback, asks to be kept in mind, then offers contact."""
    body = one(full_interview(), item("REJ-REPLY", "Dana Lee", Channel.REPLY)).body
    marks = ["Thank you", "feedback", "keep me in mind", "stay in touch"]
    positions = [body.index(mark) for mark in marks]
    assert positions == sorted(positions)


def test_bare_interview_reads_cleanly() -> None:
    """With no role, company, name or strengths, the thank-you still reads as plain sentences."""
    interview = Interview(DAY, (Interviewer("Dana"),))
    draft = one(interview, item("TY-EMAIL-1", "Dana", Channel.EMAIL))
    assert draft.subject == "Thank you for the interview"
    assert "about the role." in draft.body
    assert draft.body.endswith("Best regards.")


# Words, blanks and line breaks as people type them, sometimes with a closing mark.
_WORD = st.builds(
    str.__add__,
    st.text(alphabet="abcXYZ-' \n\t", max_size=12),
    st.sampled_from(["", ".", ",", "!", " .", ";"]),
)
_OPTIONAL = st.none() | _WORD
_KEYS = [
    ("TY-EMAIL-1", Channel.EMAIL),
    ("TY-NOTE-1", Channel.POST),
    ("CHECKIN-REQUESTED", Channel.EMAIL),
    ("CHECKIN-MAIN", Channel.PHONE),
    ("CHECKIN-MAIN", Channel.EMAIL),
    ("CHECKIN-INTERIM-1", Channel.EMAIL),
    ("CHECKIN-REPEAT-2", Channel.PHONE),
    ("OFFER-THANKS", Channel.REPLY),
    ("REJ-REPLY", Channel.REPLY),
]
_FLAWS = re.compile(r"None|\[\s*\]|\(\s*\)|  |\s,|,,|,\s*[.;:]|\.\.(?!\.)| \.|^ | $", re.MULTILINE)


@settings(deadline=None, max_examples=150)
@given(
    role=_OPTIONAL,
    company=_OPTIONAL,
    name=_OPTIONAL,
    contact=_OPTIONAL,
    topic=_OPTIONAL,
    concern=_OPTIONAL,
    strengths=st.lists(_WORD, max_size=3),
    round_=st.integers(min_value=1, max_value=20),
    decision=st.none() | st.just(dt.date(2026, 4, 1)),
    extra_person=st.booleans(),
)
def test_missing_details_leave_clean_text(
    role: str | None,
    company: str | None,
    name: str | None,
    contact: str | None,
    topic: str | None,
    concern: str | None,
    strengths: list[str],
    round_: int,
    decision: dt.date | None,
    extra_person: bool,
) -> None:
    """Whatever optional details are missing or odd, no draft shows None, gaps or stray commas."""
    people = (Interviewer("Dana", topic=topic),) + ((Interviewer("Sam"),) if extra_person else ())
    interview = Interview(
        DAY,
        people,
        interview_round=round_,
        decision_date=decision,
        role=role,
        company=company,
        candidate_name=name,
        candidate_contact=contact,
        strengths=tuple(strengths),
        concern_raised=concern,
    )
    items = [item(key, "Dana", channel, CONCERN) for key, channel in _KEYS]
    for draft in build_drafts(interview, items):
        for text in (draft.body, draft.subject or ""):
            assert _FLAWS.search(text) is None, text
            assert not text.rstrip().endswith(","), text
        assert draft.body.strip() and draft.subject != ""


def test_materials_get_a_short_covering_email() -> None:
    """What was promised gets a covering email that names it and asks if more is needed."""
    interview = dataclasses.replace(
        full_interview(),
        materials=(Material("two writing samples", dt.date(2026, 3, 13)),),
    )
    (draft,) = build_drafts(interview, [item("MAT-1", "Dana Lee", Channel.EMAIL)])
    assert draft.subject is not None and draft.subject.startswith("Two writing samples")
    assert "the following: two writing samples." in draft.body


@pytest.mark.parametrize(
    "strength",
    ["Python", "SQL reporting", "Route planning with TMS software", "clear writing", "iOS"],
)
def test_strengths_keep_the_case_they_were_typed_in(strength: str) -> None:
    """A strength reads in the draft exactly as typed: "Python" is never lowered to "python"."""
    interview = dataclasses.replace(full_interview(), strengths=(strength,))
    (draft,) = build_drafts(interview, [item("TY-EMAIL-1", "Dana Lee", Channel.EMAIL)])
    assert f"my {strength} would help" in draft.body


def test_several_strengths_keep_their_case() -> None:
    """A list of strengths is joined without touching any letter of what was typed."""
    interview = dataclasses.replace(full_interview(), strengths=("Python", "SQL", "Data modelling"))
    (draft,) = build_drafts(interview, [item("TY-EMAIL-1", "Dana Lee", Channel.EMAIL)])
    assert "my Python, SQL and Data modelling would help" in draft.body
