"""Tests for the originality checker, and the advice files checked against the seeds."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import pytest

from planner.content import load_vocabulary
from tests.originality import RUN, SharedRun, load_seeds, repair, shared_runs, words
from tests.support.paths import SHARED

SEEDS = SHARED / "seeds"
ADVICE = Path(str(files("planner") / "data" / "advice"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Onrepparttar day ofrepparttar 147772 interview", "on the day of the interview"),
        ("youâve", "youve"),
        ("You\u2019ve, you've, YOU'VE!", "youve youve youve"),
        ('jobâ"unless they', "job unless they"),
        ("follow-up e-mail", "follow up e mail"),
        ("résumé_file", "résumé file"),
    ],
)
def test_words_repairs_and_normalises(text: str, expected: str) -> None:
    """Damage is repaired, case and apostrophes dropped, other punctuation splits words."""
    assert " ".join(words(text)) == expected


def test_repair_leaves_clean_text_alone() -> None:
    """Text without seed damage comes back unchanged."""
    assert repair("A plain sentence.") == "A plain sentence."


SEED = {"x": "one two three four five six seven eight nine ten"}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("one two three four five six seven", []),
        ("One, two; three four five six seven eight.", ["one two three four five six seven eight"]),
        (
            "zero one two three four five six seven eight nine",
            ["one two three four five six seven eight nine"],
        ),
        (
            "one two three four five six seven eight and three four five six seven eight nine ten",
            ["one two three four five six seven eight", "three four five six seven eight nine ten"],
        ),
    ],
)
def test_shared_runs_finds_maximal_runs_of_eight(text: str, found: list[str]) -> None:
    """Only runs of eight or more shared words are reported, each merged to its full length."""
    assert shared_runs(text, SEED) == [SharedRun("x", w) for w in found]


def test_allowed_phrases_are_cut_out() -> None:
    """An allowed phrase is ignored, and no run may span the gap it leaves."""
    text = "one two three four five six seven eight"
    assert shared_runs(text, SEED, allow=["four five"]) == []
    assert shared_runs(text, SEED, allow=["nothing like it"]) != []


def test_run_length_is_eight() -> None:
    """The shared checker counts eight words as copying, as the house rule says."""
    assert RUN == 8


def seeds() -> dict[str, str]:
    """The five seed articles, or a skip when they are not next to the checkout."""
    if not SEEDS.is_dir() or not any(SEEDS.glob("*.txt")):
        pytest.skip(f"the seed articles are not available at {SEEDS}")
    return load_seeds(SEEDS)


def test_the_seeds_are_the_five_sources() -> None:
    """The seed folder holds one article per source of the vocabulary."""
    assert set(seeds()) == set(load_vocabulary().sources)


@pytest.mark.parametrize("path", sorted(ADVICE.glob("*.md")), ids=lambda p: p.stem)
def test_advice_file_copies_no_seed_wording(path: Path) -> None:
    """No advice file repeats eight consecutive words of any seed article."""
    assert shared_runs(path.read_text(encoding="utf-8"), seeds()) == []


def test_vocabulary_copies_nothing_but_titles() -> None:
    """Apart from the sources' own titles, the vocabulary repeats no seed wording."""
    vocabulary = load_vocabulary()
    titles = [t for s in vocabulary.sources.values() for t in s.titles]
    text = (Path(str(files("planner") / "data" / "vocabulary.toml"))).read_text(encoding="utf-8")
    assert shared_runs(text, seeds(), allow=titles) == []
