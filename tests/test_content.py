"""Tests for the advice files, their loader and checker, and the citations table."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import zipfile
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path

import pytest

from planner import citations
from planner.citations import When
from planner.content import (
    ContentError,
    check_content,
    count_sentences,
    load_advice,
    load_vocabulary,
)
from planner.model import Interview, Interviewer, Material, Outcome
from planner.rules import plan
from tests.support.paths import SHARED

ADVICE = Path(str(files("planner") / "data" / "advice"))
CATALOGUE = SHARED / "spec" / "advice-catalogue.md"
_ROW = re.compile(r"^\|\s*(\d+)\s*\|\s*([a-z0-9-]+)\s*\|[^|]*\|([^|]*)\|\s*$")


def catalogue_index(catalogue: Path = CATALOGUE) -> dict[str, tuple[int, tuple[str, ...]]]:
    """Each id of the catalogue's index table, with its number and the seeds of its row.

    A missing catalogue fails the test (CI always has ../shared): skipping would let the
    check of the advice files against the catalogue pass without running.
    """
    if not catalogue.is_file():
        pytest.fail(
            f"The advice catalogue is missing at {catalogue}: these tests need the shared "
            "spec folder beside the repository (../shared/spec), as CI has it.",
            pytrace=False,
        )
    index = catalogue.read_text(encoding="utf-8").split("## 2. Index")[1].split("## 3.")[0]
    rows = (_ROW.match(line) for line in index.splitlines())
    return {
        m[2]: (int(m[1]), tuple(sorted(set(re.findall(r"\b\d{3}\b", m[3]))))) for m in rows if m
    }


def test_the_shipped_content_has_no_problems() -> None:
    """check_content() finds nothing wrong with the package's own advice and citations."""
    assert check_content() == []


def test_a_missing_catalogue_fails_clearly(tmp_path: Path) -> None:
    """Without ../shared the catalogue tests fail with a message, they are not skipped."""
    with pytest.raises(pytest.fail.Exception, match="advice catalogue is missing"):
        catalogue_index(tmp_path / "advice-catalogue.md")


def test_every_catalogue_id_has_a_file() -> None:
    """The advice files are exactly the 58 ids of the catalogue's index."""
    index = catalogue_index()
    assert len(index) == 58
    assert set(load_advice()) == set(index)


def test_numbers_and_sources_follow_the_catalogue() -> None:
    """Each file's order is its catalogue number and its sources are the seeds of its index row."""
    index = catalogue_index()
    found = {a.id: (a.order, a.sources) for a in load_advice().values()}
    assert found == index


def test_advice_is_ordered_by_phase_then_number() -> None:
    """load_advice() lists items by phase order, then by catalogue number."""
    rank = {p.id: p.order for p in load_vocabulary().phases.values()}
    keys = [(rank[a.phase], a.order) for a in load_advice().values()]
    assert keys == sorted(keys)
    assert next(iter(load_advice())) == "collect-interviewer-contacts"


def test_loading_is_memoized_but_returns_a_fresh_dict() -> None:
    """Two loads share the same Advice objects, yet changing one result leaves the next intact."""
    first, second = load_advice(), load_advice()
    assert first["thank-you-promptly"] is second["thank-you-promptly"]
    first.clear()
    assert len(load_advice()) == 58


def test_content_reads_from_a_zip(tmp_path: Path) -> None:
    """The checker works on a zipped copy of the advice, as the package is loaded in Pyodide."""
    archive = tmp_path / "advice.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for p in ADVICE.glob("*.md"):
            z.write(p, f"advice/{p.name}")
    with zipfile.ZipFile(archive) as z:
        directory = zipfile.Path(z, "advice/")
        assert check_content(directory) == []
        assert len(load_advice(directory)) == 58


Edit = Callable[[Path], None]


def sub(name: str, old: str, new: str) -> Edit:
    """An edit that replaces ``old`` by ``new`` in one advice file (``old`` must be there)."""

    def edit(folder: Path) -> None:
        path = folder / name
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return edit


def set_body(name: str, body: str) -> Edit:
    """An edit that replaces the body of one advice file, keeping its front matter."""

    def edit(folder: Path) -> None:
        path = folder / name
        head, _, _ = path.read_text(encoding="utf-8").rpartition("+++\n")
        path.write_text(f"{head}+++\n{body}\n", encoding="utf-8")

    return edit


def remove(name: str) -> Edit:
    """An edit that deletes one advice file."""
    return lambda folder: (folder / name).unlink()


TY = "thank-you-promptly.md"
BODY_START = "A quick thank-you arrives"
BROKEN: list[tuple[str, Edit, str, str]] = [
    ("unknown phase", sub(TY, 'phase = "same_day"', 'phase = "someday"'), TY, "phase"),
    ("missing key", sub(TY, 'summary = "Send', 'xsummary = "Send'), TY, "summary"),
    ("unknown key", sub(TY, 'summary = "Send', 'colour = "red"\nsummary = "Send'), TY, "colour"),
    ("wrong type", sub(TY, "order = 7", 'order = "7"'), TY, "order"),
    ("empty text", sub(TY, 'conditions = "Always."', 'conditions = ""'), TY, "conditions"),
    ("id is not the file name", sub(TY, 'id = "thank-you-promptly"', 'id = "ty"'), TY, "id"),
    ("unknown source", sub(TY, '"004"]', '"004", "999"]'), TY, "sources"),
    ("one sentence", set_body(TY, "Just one sentence here."), TY, "body"),
    ("six sentences", set_body(TY, "One. Two. Three. Four. Five. Six."), TY, "body"),
    ("empty body", set_body(TY, ""), TY, "body"),
    ("seed damage", sub(TY, BODY_START, "Onrepparttar day, " + BODY_START), TY, "body"),
    ("mojibake", sub(TY, 'title = "Send your', 'title = "Youâve got to send your'), TY, "title"),
    ("no front matter", sub(TY, "+++\n", ""), TY, "front matter"),
    ("bad TOML", sub(TY, "order = 7", "order = = 7"), TY, "front matter"),
    (
        "repeated number",
        sub("ty-express-gratitude.md", "order = 9", "order = 7"),
        "ty-express-gratitude.md",
        "order",
    ),
    ("cited advice missing", remove("ask-about-concerns.md"), "citations.py", "AT-CONCERNS"),
    ("guidance missing", remove("stay-top-of-mind.md"), "citations.py", "GUIDANCE_IDS"),
]


@pytest.mark.parametrize(("case", "edit", "file", "field"), BROKEN, ids=[b[0] for b in BROKEN])
def test_a_broken_copy_is_reported_by_file_and_field(
    tmp_path: Path, case: str, edit: Edit, file: str, field: str
) -> None:
    """A broken copy of the advice is reported with the file's name and the field at fault."""
    folder = tmp_path / "advice"
    shutil.copytree(ADVICE, folder)
    edit(folder)
    problems = check_content(folder)
    assert (file, field) in {(p.file, p.field) for p in problems}, problems
    with pytest.raises(ContentError, match=re.escape(file)):
        load_advice(folder)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("One sentence.", 1),
        ("One. Two!  Three?", 3),
        ("It says “hello.” Then stops.", 2),
        ("Wait until 2.5 days pass. Then call", 2),
        ("A line\nwrapped across. Lines.", 2),
        ("", 0),
    ],
)
def test_count_sentences(text: str, count: int) -> None:
    """Sentences end at a terminator followed by a space or the end; a bare tail counts too."""
    assert count_sentences(text) == count


def test_every_kind_cites_some_advice_always() -> None:
    """Each checklist kind, in the order of spec section 7, has at least one unconditional id."""
    assert citations.KINDS[0] == "AT-CONTACTS"
    assert citations.KINDS[-1] == "NEXT-ROUND"
    assert len(citations.KINDS) == 16
    assert all(citations.BASE[kind] for kind in citations.KINDS)


@pytest.mark.parametrize(
    ("kind", "conditions", "first", "last"),
    [
        ("TY-EMAIL", set(), "thank-you-promptly", "proofread-written-messages"),
        ("TY-EMAIL", {When.LATER_ROUND}, "thank-you-promptly", "thank-after-each-round"),
        ("TY-EMAIL", set(When), "thank-you-promptly", "address-concern-in-follow-up"),
        (
            "CHECKIN-MAIN",
            {When.DECISION_DATE_KNOWN},
            "check-in-after-stated-date",
            "hiring-takes-longer",
        ),
        (
            "CHECKIN-MAIN",
            {When.DECISION_DATE_UNKNOWN},
            "first-check-in-about-a-week",
            "hiring-takes-longer",
        ),
        (
            "CHECKIN-REPEAT",
            {When.PERSISTENT},
            "repeat-every-ten-days-by-email",
            "persist-for-assertive-roles",
        ),
        ("REJ-REPLY", set(), "final-thanks-any-outcome", "rejection-can-still-network"),
    ],
)
def test_advice_ids_keep_spec_order(
    kind: str, conditions: set[When], first: str, last: str
) -> None:
    """advice_ids() gives the spec's order, with conditional ids only when their condition holds."""
    ids = citations.advice_ids(kind, conditions)
    assert (ids[0], ids[-1]) == (first, last)
    assert len(ids) == len(set(ids))


def test_checkin_main_names_one_base_date_rule() -> None:
    """Unconditioned, the main check-in cites neither base-date rule; each needs its condition."""
    plain = citations.advice_ids("CHECKIN-MAIN")
    assert "check-in-after-stated-date" not in plain
    assert "first-check-in-about-a-week" not in plain
    assert "first-contact-by-phone" in citations.advice_ids("CHECKIN-MAIN", {When.PHONE})


@pytest.mark.parametrize(
    ("advice_id", "kinds"),
    [
        ("proofread-written-messages", ("TY-EMAIL", "MAT", "TY-NOTE")),
        ("keep-other-options-open", ("KEEP-SEARCHING", "CHECKIN-REPEAT")),
        ("thank-after-each-round", ("TY-EMAIL", "NEXT-ROUND")),
        ("stay-top-of-mind", ()),
    ],
)
def test_kinds_citing_is_the_reverse_of_the_table(advice_id: str, kinds: tuple[str, ...]) -> None:
    """kinds_citing() lists the kinds that may cite an id, in spec order."""
    assert citations.kinds_citing(advice_id) == kinds


def test_every_advice_item_is_used_by_the_planner() -> None:
    """Each advice item is cited by some checklist kind or shown as guidance."""
    assert citations.all_cited_ids() == set(load_advice())


@pytest.mark.parametrize(
    ("key", "kind"), [("TY-EMAIL-2", "TY-EMAIL"), ("AT-CONTACTS", "AT-CONTACTS")]
)
def test_kind_of_drops_the_index(key: str, kind: str) -> None:
    """kind_of() maps an item key to its kind by dropping a trailing number."""
    assert citations.kind_of(key) == kind


@pytest.mark.parametrize(
    ("key", "index"),
    [("TY-EMAIL-2", 2), ("CHECKIN-REPEAT-12", 12), ("AT-CONTACTS", 0), ("CHECKIN-MAIN", 0)],
)
def test_index_of_reads_the_trailing_number(key: str, index: int) -> None:
    """index_of() reads the n or k of a key, 0 for a kind without one; kind + index = key."""
    assert citations.index_of(key) == index
    rebuilt = f"{citations.kind_of(key)}-{index}" if index else citations.kind_of(key)
    assert rebuilt == key


DAY = dt.date(2026, 3, 12)  # a Thursday
PLANS = {
    "pending, everything set": Interview(
        DAY,
        (Interviewer("Dana", phone="555"), Interviewer("Lee")),
        interview_round=2,
        decision_date=dt.date(2026, 6, 12),
        wait_days=3,
        persistent_role=True,
        agreed_update_interval_days=5,
        concern_raised="no sales background",
        materials=(Material("references", DAY + dt.timedelta(days=1), is_reference_list=True),),
    ),
    "requested contact": Interview(DAY, (Interviewer("Dana"),), contact_on=DAY + dt.timedelta(1)),
    "offer": Interview(DAY, (Interviewer("Dana"),), outcome=Outcome.OFFER, outcome_date=DAY),
    "rejection": Interview(
        DAY, (Interviewer("Dana"),), outcome=Outcome.REJECTION, outcome_date=DAY
    ),
    "next round": Interview(
        DAY, (Interviewer("Dana"),), outcome=Outcome.NEXT_ROUND, outcome_date=DAY
    ),
}


@pytest.mark.parametrize("interview", PLANS.values(), ids=list(PLANS))
def test_the_rules_cite_what_the_citations_table_allows(interview: Interview) -> None:
    """Each planned item cites all its kind's unconditional ids and only allowed ones, in order."""
    for item in plan(interview).items:
        kind = citations.kind_of(item.key)
        allowed = citations.advice_ids(kind, set(When))
        assert [a for a in allowed if a in item.advice] == list(item.advice), item.key
        assert set(citations.BASE[kind]) <= set(item.advice), item.key
