"""Find wording shared with the seed articles: plain functions, reusable by any test.

Our text must never repeat a run of eight consecutive words from a seed. Both
sides are normalised first: the seeds' damage is repaired (``repparttar`` with
an optional six-digit number stands for "the"; a bare ``â`` is an apostrophe),
everything is lowercased, apostrophes are dropped and other punctuation becomes
a word break.

Example:
    >>> seeds = {"000": "Send a thank you email immediately after the interview."}
    >>> shared_runs("Please send a thank you email immediately after the interview, ok?", seeds)
    [SharedRun(seed='000', words='send a thank you email immediately after the interview')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

#: The shortest run of shared words that counts as copying.
RUN = 8
_DAMAGE = re.compile(r"repparttar(?:\s*\d{6})?")
_APOSTROPHES = re.compile(r"['\u2018\u2019`]")
_NON_WORD = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class SharedRun:
    """A maximal run of at least :data:`RUN` words that our text shares with one seed."""

    seed: str
    words: str


def repair(text: str) -> str:
    """Undo the seeds' damage: ``repparttar`` (+ number) reads "the", a bare ``â`` an apostrophe."""
    return _DAMAGE.sub(" the ", text).replace("â", "'")


def words(text: str) -> list[str]:
    """Return the normalised words of a text: repaired, lowercased, without punctuation."""
    return _NON_WORD.sub(" ", _APOSTROPHES.sub("", repair(text).lower())).split()


def load_seeds(folder: Path) -> dict[str, str]:
    """Return each seed's text by its short name, the number before the file name's underscore."""
    return {
        p.name.split("_", 1)[0]: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))
    }


def _ngrams(tokens: list[str | None], n: int) -> Iterable[tuple[int, tuple[str | None, ...]]]:
    for i in range(len(tokens) - n + 1):
        yield i, tuple(tokens[i : i + n])


def shared_runs(
    text: str, seeds: Mapping[str, str], run: int = RUN, allow: Iterable[str] = ()
) -> list[SharedRun]:
    """Return every maximal run of ``run`` or more words ``text`` shares with a seed.

    Phrases in ``allow`` (for example the sources' titles, quoted on purpose) are
    taken out of ``text`` first; a run never spans the gap they leave.
    """
    tokens: list[str | None] = list(words(text))
    for phrase in allow:
        gap = words(phrase)
        for i in range(len(tokens) - len(gap) + 1):
            if gap and tokens[i : i + len(gap)] == gap:
                tokens[i : i + len(gap)] = [None] * len(gap)
    found: list[SharedRun] = []
    for seed, seed_text in seeds.items():
        known = {g for _, g in _ngrams(list(words(seed_text)), run)}
        hit = [False] * len(tokens)
        for i, gram in _ngrams(tokens, run):
            if None not in gram and gram in known:
                hit[i : i + run] = [True] * run
        start = None
        for i, flag in enumerate([*hit, False]):
            if flag and start is None:
                start = i
            elif not flag and start is not None:
                found.append(SharedRun(seed, " ".join(t or "" for t in tokens[start:i])))
                start = None
    return found
