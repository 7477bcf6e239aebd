"""Message drafts in our own words, built only from what the person entered.

Each draft serves one checklist item: a thank-you email per interviewer, an outline
for each handwritten note, the check-in call script or email, short follow-ups for
interim and repeat check-ins, and the replies to an offer or a rejection. Details
that were not given are left out of the sentence rather than shown as gaps.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from planner.citations import When, cites_condition, index_of
from planner.dates import long_date
from planner.model import Channel, Draft, Interview, Item
from planner.recipients import recipient_of

_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")
_SIGN_OFF = "Best regards"
_DASH = " \u2013 "  # an en dash between spaces, for subject lines


def clean(text: str | None) -> str:
    """Collapse whitespace and trim; ``None`` becomes the empty string.

    Example:
        >>> clean("  Acme \\n Ltd ")
        'Acme Ltd'
    """
    return " ".join(text.split()) if text else ""


def _phrase(text: str | None) -> str:
    """A user's text ready to sit inside a sentence: trimmed, no stray punctuation at its ends."""
    return clean(text).strip(" .,;:!?")


def _sentence(text: str) -> str:
    """End a sentence with a full stop unless it already ends with one."""
    return text if text.endswith((".", "!", "?")) else f"{text}."


def _listing(parts: Iterable[str]) -> str:
    """Join phrases as English does: "a", "a and b", "a, b and c"."""
    words = [part for part in parts if part]
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"


def _join(*paragraphs: str) -> str:
    """Join the non-empty paragraphs with blank lines."""
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)


class _Writer:
    """The wording shared by every draft of one interview."""

    def __init__(self, interview: Interview) -> None:
        self.interview = interview
        self.role = _phrase(interview.role)
        self.company = _phrase(interview.company)
        self.name = _phrase(interview.candidate_name)
        self.contact = _phrase(interview.candidate_contact)
        # Kept exactly as typed: "SQL", "Python" and "Route planning" alike.
        self.strengths = [_phrase(strength) for strength in interview.strengths]
        self.date = long_date(interview.interview_date)
        n = interview.interview_round
        self.round = _ORDINALS[n - 1] if n <= len(_ORDINALS) else f"round-{n}"

    def the_role(self) -> str:
        """The role and company as far as known, e.g. 'the Analyst role at Acme'."""
        role = f"the {self.role} role" if self.role else "the role"
        return f"{role} at {self.company}" if self.company else role

    def interview_phrase(self) -> str:
        """'the Analyst interview', or 'my interview' without a role."""
        return f"the {self.role} interview" if self.role else "my interview"

    def follow_subject(self) -> str:
        """The subject line of a check-in email: the role, then the sender's name."""
        return f"Following up on {self.interview_phrase()}"

    def employer(self) -> str:
        return self.company or "the team"

    def with_name(self, subject: str) -> str:
        return f"{subject}{_DASH}{self.name}" if self.name else subject

    def greeting(self, recipient: str | None) -> str:
        person = clean(recipient)
        return f"Dear {person}," if person else "Hello,"

    def signature(self, closing: str = _SIGN_OFF) -> str:
        lines = [line for line in (self.name, self.contact) if line]
        return "\n".join([f"{closing},", *lines]) if lines else f"{closing}."

    def fit_sentence(self) -> str:
        strengths = _listing(self.strengths)
        if strengths:
            return (
                f"I'm keen to join {self.employer()}, and I believe my {strengths} "
                "would help me contribute from the start."
            )
        return f"I'm keen to join {self.employer()}, and I'm sure I could add real value there."

    def decision_note(self) -> str:
        decided = self.interview.decision_date
        if decided is None:
            return ""
        return (
            f"You mentioned you hoped to decide by {long_date(decided)}, so I wanted to check in."
        )


def _topic(interview: Interview, item: Item) -> str:
    """The topic entered for the interviewer an item is addressed to."""
    person = recipient_of(interview, item)
    return _phrase(person.topic) if person else ""


def _email(w: _Writer, item: Item, subject: str, *paragraphs: str) -> Draft:
    """An email or reply: greeting, the non-empty paragraphs, signature."""
    body = _join(w.greeting(item.recipient), *paragraphs, w.signature())
    return Draft(item.key, item.recipient, item.channel, w.with_name(subject), body)


def _call(w: _Writer, item: Item, opener: str, *paragraphs: str) -> Draft:
    """A call script: who is calling, then what to say."""
    me = f", this is {w.name}" if w.name else ""
    person = clean(item.recipient)
    hello = f"Hello {person}{me}." if person else f"Hello{me}."
    body = _join(f"{hello} {opener}", *paragraphs)
    return Draft(item.key, item.recipient, item.channel, None, body)


def _thank_you(w: _Writer, item: Item) -> Draft:
    topic = _topic(w.interview, item)
    if w.interview.interview_round >= 2:
        subject = f"Thank you again{_DASH}{w.round} interview"
        opening = f"Thank you again for meeting me for the {w.round} interview for {w.the_role()}."
        talk = f"It was good to pick up our conversation, especially about {topic}."
    else:
        subject = (
            f"Thank you for the {w.role} interview" if w.role else "Thank you for the interview"
        )
        opening = f"Thank you for taking the time to meet me about {w.the_role()}."
        talk = f"I especially enjoyed talking with you about {topic}."
    concern = _phrase(w.interview.concern_raised)
    answer = ""
    if concern and cites_condition(item.advice, "TY-EMAIL", When.ANSWERS_CONCERN):
        answer = (
            f"You raised a fair question about {concern}. I've thought about it since we met, "
            "and I'm confident I can handle it well; I'd be glad to talk it through or give "
            "you a concrete example."
        )
    first = f"{opening} {talk}" if topic else opening
    closing = "I look forward to hearing from you."
    return _email(w, item, subject, first, w.fit_sentence(), answer, closing)


def _note(w: _Writer, item: Item) -> Draft:
    topic = _topic(w.interview, item)
    lines = [
        f"Handwritten note to {clean(item.recipient) or 'your interviewer'}",
        f"- Post it on {long_date(item.due)}.",
        f"- Thank them for meeting you on {w.date}.",
        f"- Mention {topic}." if topic else "- Mention one point from your conversation.",
        f"- Say in a sentence of your own that you'd like to join {w.employer()}.",
        "- Keep it short, and don't copy the email word for word.",
        f"- Sign it {w.name}." if w.name else "- Sign it with your name.",
    ]
    return Draft(item.key, item.recipient, item.channel, None, "\n".join(lines))


def _check_in(w: _Writer, item: Item) -> Draft:
    if item.key == "CHECKIN-REQUESTED":
        why = "As you asked, I'm getting in touch today."
    else:
        why = w.decision_note()
    middle = (
        "Thank you again for considering me. I'm still very interested in "
        f"{w.the_role()} and confident I'd be a good fit."
    )
    ask = "Could you tell me where you are in the process, and whether you need anything else?"
    keep = "How would you like me to keep in touch about the next steps?"
    thanks = "Thank you for your time."
    if item.channel == Channel.PHONE:
        opener = f"We met on {w.date}. Do you have a couple of minutes?"
        return _call(w, item, opener, why, middle, ask, keep, thanks)
    first = f"I'm writing to follow up on my interview on {w.date} about {w.the_role()}."
    first = f"{first} {why}" if why else first
    return _email(w, item, w.follow_subject(), first, middle, f"{ask} {keep}", thanks)


def _light_touch(w: _Writer, item: Item) -> Draft:
    still = (
        f"I'm still very interested in {w.the_role()}, and happy to send anything else "
        "that would help."
    )
    if item.channel == Channel.PHONE:
        opener = "I'm calling briefly to check in."
        return _call(w, item, opener, still, "Thank you, I won't keep you.")
    first = f"I wanted to check in briefly. {still}"
    return _email(w, item, w.follow_subject(), first, "Thank you for your time.")


def _materials(w: _Writer, item: Item) -> Draft:
    """A short covering email for something promised at the interview."""
    materials = w.interview.materials
    n = index_of(item.key)
    what = _phrase(materials[n - 1].description) if 0 < n <= len(materials) else ""
    what = what or "what I promised"
    subject = f"{what[:1].upper()}{what[1:]}"
    if w.role:
        subject = f"{subject}: {w.role} interview"
    return _email(
        w,
        item,
        subject,
        f"As promised at our interview, I'm sending you the following: {what}.",
        "Please let me know if there is anything else you need from me.",
    )


def _offer(w: _Writer, item: Item) -> Draft:
    others = dict.fromkeys(p.name for p in w.interview.interviewers if p.name != item.recipient)
    pass_on = f"Please pass my thanks to {_listing(others)} as well." if others else ""
    subject = f"Thank you for the {w.role} offer" if w.role else "Thank you for the offer"
    return _email(
        w,
        item,
        subject,
        f"Thank you very much for the offer for {w.the_role()}, and for your time "
        "throughout the process.",
        pass_on,
        "I'll come back to you shortly about the next steps. I'd also be glad to connect "
        "on LinkedIn.",
    )


def _rejection(w: _Writer, item: Item) -> Draft:
    subject = "Thank you for letting me know"
    return _email(
        w,
        item,
        f"{subject} about the {w.role} role" if w.role else subject,
        f"Thank you for letting me know, and for your time considering me for {w.the_role()}.",
        "If you have a moment, I'd be grateful for any feedback on my interview, and for "
        "tips on what I could improve.",
        f"I'm still interested in working with {w.employer()}, so please keep me in mind "
        "for future openings.",
        "I'd be glad to stay in touch, perhaps on LinkedIn.",
    )


_BUILDERS: tuple[tuple[str, Callable[[_Writer, Item], Draft]], ...] = (
    ("TY-EMAIL-", _thank_you),
    ("MAT-", _materials),
    ("TY-NOTE-", _note),
    ("CHECKIN-REQUESTED", _check_in),
    ("CHECKIN-MAIN", _check_in),
    ("CHECKIN-INTERIM-", _light_touch),
    ("CHECKIN-REPEAT-", _light_touch),
    ("OFFER-THANKS", _offer),
    ("REJ-REPLY", _rejection),
)


def build_drafts(interview: Interview, items: Sequence[Item]) -> tuple[Draft, ...]:
    """Write one draft for every item that sends a message, in the items' order.

    Args:
        interview: the validated input, for names, role, strengths and topics.
        items: the plan's items; keys decide which draft each one gets.

    Returns:
        The drafts, each naming the key of the item it serves.

    Example:
        >>> import datetime as dt
        >>> from planner.model import Phase
        >>> person = Interviewer("Dana")
        >>> interview = Interview(dt.date(2026, 3, 12), (person,), role="Analyst")
        >>> item = Item("TY-EMAIL-1", "Thank Dana", Phase.SAME_DAY, dt.date(2026, 3, 12),
        ...             dt.date(2026, 3, 13), "Dana", Channel.EMAIL, False, False, (), (), ())
        >>> build_drafts(interview, [item])[0].subject
        'Thank you for the Analyst interview'
    """
    writer = _Writer(interview)
    drafts: list[Draft] = []
    for item in items:
        for prefix, builder in _BUILDERS:
            if item.key.startswith(prefix):
                drafts.append(builder(writer, item))
                break
    return tuple(drafts)
