"""The built site never copies a run of eight words from a seed article.

Every page of ``site/`` is reduced to its visible text (no scripts, no styles, no
search index) and compared with the five seed articles in ``../shared/seeds``.
Both sides are normalised the same way, then cut into overlapping runs of eight
words; any run found in both fails the test, naming the page and the words.

The seeds' own titles are allowed, because the sources page cites them: each
title is cut out of the seed and page text before comparing, so no run of words
spans a title either.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from html.parser import HTMLParser
from pathlib import Path

import pytest

pytestmark = pytest.mark.site

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "site"
SEEDS = ROOT.parent / "shared" / "seeds"

RUN = 8
"""The length of a word run that counts as copying."""

SEED_TITLES = (
    "Interview Follow Up Is A Must",
    "Ways to follow up after the interview",
    "Job Interviews -- How to Follow Up Effectively",
    "Job Interviews -- The Real Reasons Why You Need to Follow Up",
    "Movin' On Up: After the Interview's Over: Advice Most People Ignore and Why It Hurts Them",
    "Best Practices for Job Seekers When Following Up After an Interview",
)
"""The article titles as shown in the seeds (advice catalogue, section 1)."""

SKIPPED_TAGS = frozenset({"script", "style", "template"})
SKIPPED_DIRS = frozenset({"search"})

_DAMAGED_THE = re.compile(r"repparttar(?:\s*\d+)?")
_APOSTROPHES = re.compile(r"['\u2018\u2019]")
_PUNCTUATION = re.compile(r"[^\w\s]")


def normalise(text: str) -> list[str]:
    """Reduce text to comparable words.

    Lowercase; the damage token ``repparttar`` (with any number after it) becomes
    "the"; a bare ``â`` (mojibake for a curly apostrophe) becomes an apostrophe;
    apostrophes, straight or curly, are dropped so that "you've" matches its
    curly form; every other punctuation mark becomes a space; whitespace
    collapses.

    Example:
        >>> normalise("Onrepparttar 147772 day, youâve")
        ['on', 'the', 'day', 'youve']
    """
    text = _DAMAGED_THE.sub(" the ", text.lower())
    text = text.replace("â", "'")
    text = _APOSTROPHES.sub("", text)
    return _PUNCTUATION.sub(" ", text).split()


def cut_out(words: Sequence[str], excluded: Iterable[Sequence[str]]) -> list[list[str]]:
    """Split ``words`` into segments, removing every occurrence of an excluded phrase.

    Example:
        >>> cut_out("a b c d".split(), [["b", "c"]])
        [['a'], ['d']]
    """
    phrases = [list(p) for p in excluded if p]
    segments: list[list[str]] = [[]]
    i = 0
    while i < len(words):
        match = next((p for p in phrases if list(words[i : i + len(p)]) == p), None)
        if match is None:
            segments[-1].append(words[i])
            i += 1
        else:
            segments.append([])
            i += len(match)
    return [s for s in segments if s]


def runs(segment: Sequence[str], n: int = RUN) -> list[tuple[str, ...]]:
    """Every run of ``n`` consecutive words in one segment, in order."""
    return [tuple(segment[i : i + n]) for i in range(len(segment) - n + 1)]


class _VisibleText(HTMLParser):
    """Collects the text a reader can see, leaving out scripts and styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIPPED_TAGS:
            self._hidden += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED_TAGS and self._hidden:
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.chunks.append(data)


def visible_text(html: str) -> str:
    """The visible text of an HTML document, chunks joined by spaces."""
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    return " ".join(parser.chunks)


def pages(site: Path) -> list[Path]:
    """Every HTML page of the built site, outside the search index."""
    return sorted(
        p
        for p in site.rglob("*.html")
        if not SKIPPED_DIRS.intersection(p.relative_to(site).parts[:-1])
    )


def merged(hits: Sequence[int], segment: Sequence[str]) -> list[str]:
    """Join overlapping eight-word hits (given by start index) into readable passages."""
    passages: list[str] = []
    start = end = -1
    for i in hits:
        if i <= end:
            end = i + RUN
            continue
        if start >= 0:
            passages.append(" ".join(segment[start:end]))
        start, end = i, i + RUN
    if start >= 0:
        passages.append(" ".join(segment[start:end]))
    return passages


def test_normalise_repairs_seed_damage() -> None:
    """The damage token reads as "the" and a bare â as an apostrophe."""
    assert normalise("Onrepparttar day ofrepparttar 147772 interview") == [
        "on",
        "the",
        "day",
        "of",
        "the",
        "interview",
    ]
    assert normalise("youâve") == normalise("you\u2019ve") == normalise("you've") == ["youve"]


def test_titles_are_cut_out_of_the_text() -> None:
    """A cited title leaves no run of words behind, nor one that spans it."""
    title = normalise(SEED_TITLES[3])
    words = normalise(f"Read {SEED_TITLES[3]} by Mary Brent.")
    assert cut_out(words, [title]) == [["read"], ["by", "mary", "brent"]]


def test_no_page_copies_eight_words_from_a_seed() -> None:
    """No page of the built site repeats eight consecutive words of any seed article."""
    if not (SITE / "index.html").is_file():
        pytest.skip("site/index.html is missing: run `mkdocs build` before this test")
    if not SEEDS.is_dir() or not any(SEEDS.glob("*.txt")):
        pytest.skip(f"the seed articles are not available at {SEEDS}")

    titles = [normalise(t) for t in SEED_TITLES]
    seed_runs: set[tuple[str, ...]] = set()
    for seed in sorted(SEEDS.glob("*.txt")):
        text = seed.read_text(encoding="utf-8", errors="replace")
        for segment in cut_out(normalise(text), titles):
            seed_runs.update(runs(segment))

    problems: list[str] = []
    checked = 0
    for page in pages(SITE):
        checked += 1
        text = visible_text(page.read_text(encoding="utf-8"))
        for segment in cut_out(normalise(text), titles):
            hits = [i for i, run in enumerate(runs(segment)) if run in seed_runs]
            for passage in merged(hits, segment):
                problems.append(f"{page.relative_to(SITE)}: {passage!r}")

    assert checked, "the built site has no HTML pages"
    assert not problems, (
        f"{len(problems)} passage(s) repeat {RUN} or more consecutive words of a seed:\n"
        + "\n".join(problems)
    )
