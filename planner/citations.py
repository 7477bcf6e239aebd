"""Which advice each checklist item kind cites: the one place these ids are written.

The table follows planning-rules.md §5 (pending items), §6 (outcome items) and
§10 (guidance shown beside every checklist). Each kind lists its advice ids in
the order of the spec; an id tied to a condition carries that condition's name
and is cited only when the rules say the condition holds. The first id of a
kind is the one the planner's guide link points to.

Example:
    >>> advice_ids("TY-NOTE")
    ('handwritten-note', 'email-is-acceptable', 'proofread-written-messages')
    >>> advice_ids("CHECKIN-REPEAT", {When.PERSISTENT})[-1]
    'persist-for-assertive-roles'
"""

from __future__ import annotations

import enum
import re
from collections.abc import Collection, Mapping
from types import MappingProxyType


class When(enum.StrEnum):
    """A condition under which a kind cites an extra advice id."""

    #: ``interview_round >= 2``.
    LATER_ROUND = "later_round"
    #: This thank-you email also answers the concern raised at the interview.
    ANSWERS_CONCERN = "answers_concern"
    #: The check-in channel ``CH`` is the phone.
    PHONE = "phone"
    #: A decision date ``D`` was given.
    DECISION_DATE_KNOWN = "decision_date_known"
    #: No decision date was given.
    DECISION_DATE_UNKNOWN = "decision_date_unknown"
    #: A requested wait sets the floor ``W``.
    WAIT_SET = "wait_set"
    #: ``persistent_role`` is true.
    PERSISTENT = "persistent"
    #: ``agreed_update_interval_days`` was given.
    AGREED_INTERVAL = "agreed_interval"


_CHECKIN_CONTENT: tuple[tuple[str, When | None], ...] = (
    ("prepare-call-script", None),
    ("checkin-build-rapport", None),
)

#: Every kind, in the within-a-day order of §7, with its (advice id, condition) pairs.
_TABLE: dict[str, tuple[tuple[str, When | None], ...]] = {
    "AT-CONTACTS": (("collect-interviewer-contacts", None), ("poised-at-every-contact", None)),
    "AT-TIMELINE": (("ask-decision-timeline", None),),
    "AT-CONCERNS": (("ask-about-concerns", None),),
    "AT-WANT-JOB": (("say-you-want-the-job", None),),
    "TY-EMAIL": (
        ("thank-you-promptly", None),
        ("thank-each-interviewer", None),
        ("personalize-from-notes", None),
        ("research-a-talking-point", None),
        ("ty-express-gratitude", None),
        ("ty-restate-fit-and-value", None),
        ("ty-name-key-strengths", None),
        ("ty-show-enthusiasm", None),
        ("ty-close-with-contact-info", None),
        ("email-is-acceptable", None),
        ("proofread-written-messages", None),
        ("thank-after-each-round", When.LATER_ROUND),
        ("address-concern-in-follow-up", When.ANSWERS_CONCERN),
    ),
    "REFEREES": (("debrief-referees", None),),
    "MAT": (("send-materials-by-promised-time", None), ("proofread-written-messages", None)),
    "KEEP-SEARCHING": (("keep-other-options-open", None),),
    "TY-NOTE": (
        ("handwritten-note", None),
        ("email-is-acceptable", None),
        ("proofread-written-messages", None),
    ),
    "CHECKIN-REQUESTED": (
        ("contact-when-asked", None),
        ("no-next-day-status-call", None),
        ("first-contact-by-phone", When.PHONE),
        *_CHECKIN_CONTENT,
        ("checkin-thank-and-ask-status", None),
        ("checkin-reaffirm-interest", None),
        ("checkin-offer-more-info", None),
        ("checkin-sell-yourself", None),
        ("checkin-polite-tone", None),
        ("agree-update-plan", None),
        ("read-the-response", None),
        ("target-decision-maker", None),
    ),
    "CHECKIN-INTERIM": (
        ("scale-follow-up-to-timeline", None),
        ("avoid-month-of-silence", None),
        ("persistent-not-pestering", None),
        ("checkin-reaffirm-interest", None),
        ("checkin-offer-more-info", None),
        ("checkin-polite-tone", None),
        ("target-decision-maker", None),
        ("persist-for-assertive-roles", When.PERSISTENT),
    ),
    "CHECKIN-MAIN": (
        ("check-in-after-stated-date", When.DECISION_DATE_KNOWN),
        ("first-check-in-about-a-week", When.DECISION_DATE_UNKNOWN),
        ("respect-requested-wait", When.WAIT_SET),
        ("no-next-day-status-call", None),
        ("first-contact-by-phone", When.PHONE),
        *_CHECKIN_CONTENT,
        ("checkin-offer-more-info", None),
        ("checkin-sell-yourself", None),
        ("checkin-reaffirm-interest", None),
        ("checkin-thank-and-ask-status", None),
        ("checkin-polite-tone", None),
        ("agree-update-plan", None),
        ("read-the-response", None),
        ("target-decision-maker", None),
        ("silence-is-not-rejection", None),
        ("follow-up-despite-discomfort", None),
        ("hiring-takes-longer", None),
    ),
    "CHECKIN-REPEAT": (
        ("repeat-every-ten-days-by-email", None),
        ("persistent-not-pestering", None),
        ("read-the-response", None),
        ("checkin-polite-tone", None),
        ("checkin-reaffirm-interest", None),
        ("target-decision-maker", None),
        ("keep-other-options-open", None),
        ("agree-update-plan", When.AGREED_INTERVAL),
        ("persist-for-assertive-roles", When.PERSISTENT),
    ),
    "OFFER-THANKS": (("final-thanks-any-outcome", None), ("connect-on-social", None)),
    "REJ-REPLY": (
        ("final-thanks-any-outcome", None),
        ("ask-feedback-after-rejection", None),
        ("ask-to-stay-on-file", None),
        ("dont-burn-bridges", None),
        ("connect-on-social", None),
        ("rejection-can-still-network", None),
    ),
    "NEXT-ROUND": (("thank-after-each-round", None),),
}

#: Every item kind, in the within-a-day order of planning-rules.md §7.
KINDS: tuple[str, ...] = tuple(_TABLE)

#: Advice ids a kind always cites, in spec order.
BASE: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {kind: tuple(a for a, when in pairs if when is None) for kind, pairs in _TABLE.items()}
)

#: Advice ids a kind cites only under a condition: kind -> condition -> ids.
EXTRAS: Mapping[str, Mapping[When, tuple[str, ...]]] = MappingProxyType(
    {
        kind: MappingProxyType(
            {w: ids for w in When if (ids := tuple(a for a, when in pairs if when is w))}
        )
        for kind, pairs in _TABLE.items()
    }
)


#: The advice shown as undated guidance beside every checklist (§10), in spec order.
GUIDANCE_IDS: tuple[str, ...] = (
    "follow-up-is-expected",
    "employers-judge-follow-up",
    "stay-top-of-mind",
    "nudge-busy-employers",
    "hiring-takes-longer",
    "silence-is-not-rejection",
    "persistent-not-pestering",
    "wait-patiently",
    "proofread-written-messages",
    "poised-at-every-contact",
    "cannot-rescue-bad-interview",
)

_NUMBERED = re.compile(r"-(\d+)$")


def kind_of(key: str) -> str:
    """Return the kind of an item key, dropping a trailing ``-n`` index.

    Example:
        >>> kind_of("CHECKIN-REPEAT-2")
        'CHECKIN-REPEAT'
    """
    return _NUMBERED.sub("", key)


def index_of(key: str) -> int:
    """Return the trailing ``-n`` index of an item key (the n or k of spec §5), or 0.

    Example:
        >>> index_of("CHECKIN-REPEAT-2"), index_of("CHECKIN-MAIN")
        (2, 0)
    """
    found = _NUMBERED.search(key)
    return int(found[1]) if found else 0


def advice_ids(kind: str, conditions: Collection[When] = ()) -> tuple[str, ...]:
    """Return the advice ids an item of ``kind`` cites when ``conditions`` hold, in spec order.

    Raises:
        KeyError: ``kind`` is not one of :data:`KINDS`.
    """
    return tuple(a for a, when in _TABLE[kind] if when is None or when in conditions)


def cites_condition(advice: Collection[str], kind: str, condition: When) -> bool:
    """Say whether an item of ``kind`` with these advice ids was cited under ``condition``.

    Lets other modules ask, for example, whether a thank-you answers the concern without
    writing the advice id themselves.

    Example:
        >>> ids = advice_ids("TY-EMAIL", {When.ANSWERS_CONCERN})
        >>> cites_condition(ids, "TY-EMAIL", When.ANSWERS_CONCERN)
        True
        >>> cites_condition(advice_ids("TY-EMAIL"), "TY-EMAIL", When.ANSWERS_CONCERN)
        False
    """
    extra = EXTRAS[kind].get(condition, ())
    return bool(extra) and all(advice_id in advice for advice_id in extra)


def all_cited_ids() -> frozenset[str]:
    """Return every advice id any kind may cite, under any condition, plus the guidance ids."""
    cited = {a for pairs in _TABLE.values() for a, _ in pairs}
    return frozenset(cited | set(GUIDANCE_IDS))


def kinds_citing(advice_id: str) -> tuple[str, ...]:
    """Return the kinds that may cite ``advice_id`` (under any condition), in §7 order.

    Example:
        >>> kinds_citing("proofread-written-messages")
        ('TY-EMAIL', 'MAT', 'TY-NOTE')
    """
    return tuple(kind for kind, pairs in _TABLE.items() if any(a == advice_id for a, _ in pairs))
