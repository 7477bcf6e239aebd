"""Tests for the guide's generated Markdown and its MkDocs hook."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest

from planner import citations
from planner.citations import When
from planner.content import load_advice, load_vocabulary
from planner.guide import (
    CONDITION_LABELS,
    KIND_LABELS,
    SOURCES_PAGE,
    advice_blocks,
    expand,
    planner_use,
    sources_table,
    timing_table,
)
from tests.support.paths import ROOT

PHASES = list(load_vocabulary().phases)
ADVICE = load_advice()
_LINK = re.compile(r"\]\(([^)#]+\.md)#([^)]+)\)")
_ANCHOR = re.compile(r"\{#([a-z0-9-]+)\}")


def test_each_advice_id_is_anchored_once_on_its_own_phase() -> None:
    """advice_blocks() gives every advice id exactly one heading anchor, under its own phase."""
    anchored = {phase: _ANCHOR.findall(advice_blocks(phase)) for phase in PHASES}
    for advice in ADVICE.values():
        assert anchored[advice.phase].count(advice.id) == 1
    assert sorted(a for ids in anchored.values() for a in ids) == sorted(ADVICE)


def test_advice_blocks_carry_summary_body_and_facts() -> None:
    """A block shows its summary, its body and the When, If, Sources and planner lines."""
    block = advice_blocks("same_day").split("\n## ")[0]
    advice = next(a for a in ADVICE.values() if a.phase == "same_day")
    assert f"*{advice.summary}*" in block
    assert advice.body in block
    for label in ("**When:**", "**If:**", "**Sources:**", "**In the planner:**"):
        assert label in block


def test_advice_without_timing_has_no_when_line() -> None:
    """An item with no timing leaves out its When line."""
    block = advice_blocks("general").split("{#follow-up-is-expected}")[1].split("\n## ")[0]
    assert "**When:**" not in block
    assert "**If:**" in block


def test_unknown_phase_is_refused() -> None:
    """advice_blocks() refuses a phase the vocabulary does not know."""
    with pytest.raises(ValueError, match="someday"):
        advice_blocks("someday")


def generated() -> str:
    """Every block the guide can generate, joined."""
    return "\n".join([*(advice_blocks(p) for p in PHASES), sources_table(), timing_table()])


def test_every_link_points_at_a_generated_anchor() -> None:
    """Each generated link names a guide page and an anchor that page will carry."""
    pages = {
        p.page: set(_ANCHOR.findall(advice_blocks(p.id))) for p in load_vocabulary().phases.values()
    }
    pages[SOURCES_PAGE] = {f"source-{s}" for s in load_vocabulary().sources}
    links = _LINK.findall(generated())
    assert links
    for page, anchor in links:
        assert anchor in pages[page], (page, anchor)


def test_every_source_has_its_anchor_and_row() -> None:
    """sources_table() anchors each source as source-NNN and lists it in the table."""
    table = sources_table()
    for source in load_vocabulary().sources.values():
        assert f"{{#source-{source.id}}}" in table
        assert f"[{source.name}](#source-{source.id})" in table
        for title in source.titles:
            assert f"“{title}”" in table


@pytest.mark.parametrize(
    ("source_id", "count", "author", "date"),
    [
        ("000", 25, "not shown", "Tuesday, September 15, 2009"),
        ("001", 19, "not shown", "not shown"),
        ("002", 16, "Mary Brent", "© 2005"),
        ("003", 20, "not shown", "not shown"),
        ("004", 21, "not shown", "Monday, May 18, 2020"),
    ],
)
def test_source_rows_show_counts_as_in_the_catalogue(
    source_id: str, count: int, author: str, date: str
) -> None:
    """Each source's row counts the advice citing it, matching the catalogue's coverage figures."""
    assert sum(source_id in a.sources for a in ADVICE.values()) == count
    row = next(line for line in sources_table().splitlines() if f"(#source-{source_id})" in line)
    assert row.endswith(f"| {author} | {date} | {count} |")
    section = sources_table().split(f"{{#source-{source_id}}}")[1].split("\n## ")[0]
    assert f"Supports {count} advice items" in section
    per_phase = [int(n) for n in re.findall(r"^ {4}- [^(]+\((\d+)\):", section, re.MULTILINE)]
    assert sum(per_phase) == count


def test_timing_table_lists_exactly_the_timed_advice() -> None:
    """timing_table() has one row per advice item with a timing, and none for the others."""
    table = timing_table()
    for advice in ADVICE.values():
        assert (f"#{advice.id})" in table) == (advice.timing is not None)
    for phase in load_vocabulary().phases.values():
        assert f"## {phase.title}" in table


@pytest.mark.parametrize(
    ("advice_id", "expected"),
    [
        ("say-you-want-the-job", "say you want the job"),
        (
            "thank-after-each-round",
            "the thank-you email (after a second or later round); plan the next round",
        ),
        ("respect-requested-wait", "the main check-in (when they asked you to wait)"),
        ("cannot-rescue-bad-interview", "the guidance shown beside every checklist"),
    ],
)
def test_planner_use_names_the_citing_steps(advice_id: str, expected: str) -> None:
    """planner_use() words which checklist steps cite an item, with their conditions."""
    assert planner_use(advice_id) == expected


def test_every_kind_and_condition_has_a_label() -> None:
    """The guide can name every checklist kind and every condition of the citations."""
    assert set(KIND_LABELS) == set(citations.KINDS)
    assert set(CONDITION_LABELS) == set(When)


@pytest.mark.parametrize(
    ("marker", "needle"),
    [
        ("<!-- guide:advice phase=same_day -->", "{#thank-you-promptly}"),
        ("<!--guide:advice   phase=outcome-->", "{#connect-on-social}"),
        ("<!-- guide:sources -->", "{#source-004}"),
        ("<!-- guide:timings -->", "| Advice | When |"),
    ],
)
def test_expand_replaces_known_markers(marker: str, needle: str) -> None:
    """expand() swaps each known marker for its block and keeps the prose around it."""
    page = f"# Title\n\nBefore.\n\n{marker}\n\nAfter.\n"
    out = expand(page)
    assert needle in out
    assert "guide:" not in out
    assert out.startswith("# Title\n\nBefore.\n\n") and out.endswith("\n\nAfter.\n")


@pytest.mark.parametrize(
    "marker",
    [
        "<!-- guide:nonsense -->",
        "<!-- guide: -->",
        "<!-- guide:advice -->",
        "<!-- guide:advice phase=someday -->",
        "<!-- guide:advice phase= -->",
        "<!-- guide:advice phase=same_day colour=red -->",
        "<!-- guide:sources all -->",
        "<!-- guide:timings phase=same_day -->",
    ],
)
def test_expand_refuses_unknown_markers(marker: str) -> None:
    """An unknown or malformed marker raises ValueError quoting the marker."""
    with pytest.raises(ValueError, match=re.escape(marker)):
        expand(f"Text\n\n{marker}\n")


def test_expand_leaves_plain_pages_alone() -> None:
    """A page without markers, other HTML comments included, comes back unchanged."""
    page = "# Title\n\n<!-- a note for editors -->\n\nText.\n"
    assert expand(page) == page


def load_hook() -> ModuleType:
    """The MkDocs hook module, loaded from docs/.hooks/guide.py."""
    spec = importlib.util.spec_from_file_location(
        "guide_hook", ROOT / "docs" / ".hooks" / "guide.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("page", "expanded"),
    [("# Plain\n", False), ("# Guide\n\n<!-- guide:advice phase=days_after -->\n", True)],
)
def test_hook_expands_only_pages_with_markers(page: str, expanded: bool) -> None:
    """The hook returns the page expanded when it holds a marker, and untouched otherwise."""
    out = load_hook().on_page_markdown(page, page=None, config=None, files=None)
    assert (out != page) == expanded
    assert out == (expand(page) if expanded else page)


def test_guide_pages_use_only_known_markers() -> None:
    """Every marker written in the docs expands without error."""
    pages = sorted((ROOT / "docs").rglob("*.md"))
    for page in pages:
        text = page.read_text(encoding="utf-8")
        if "<!-- guide:" in text:
            expand(text)


def test_phase_pages_exist_for_every_phase() -> None:
    """Each phase's guide page named in the vocabulary exists in docs/guide."""
    guide = ROOT / "docs" / "guide"
    if not guide.is_dir():
        pytest.skip("docs/guide is not there")
    for phase in load_vocabulary().phases.values():
        assert (guide / phase.page).is_file(), phase.page
    assert (guide / SOURCES_PAGE).is_file()


def test_hook_file_is_thin() -> None:
    """The hook stays a few lines that only call planner.guide.expand."""
    source = Path(ROOT / "docs" / ".hooks" / "guide.py").read_text(encoding="utf-8")
    assert "planner.guide import expand" in source
    assert len(source.splitlines()) < 20
