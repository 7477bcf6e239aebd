"""No page of the built site repeats eight consecutive words of a seed article.

The sources' own titles, cited on the sources page, are the one exception. The
normalising and matching live in :mod:`tests.originality`; this file only reads
the visible text of every built page.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from planner.content import load_vocabulary
from tests.originality import load_seeds, shared_runs
from tests.support.paths import SHARED

SEEDS = SHARED / "seeds"
_HIDDEN_TAGS = {"script", "style", "template"}


class _VisibleText(HTMLParser):
    """Collects the text a reader can see, leaving out scripts and styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN_TAGS:
            self._hidden += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_TAGS and self._hidden:
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.chunks.append(data)


def visible_text(html: str) -> str:
    """The visible text of an HTML document, its chunks joined by spaces."""
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    return " ".join(parser.chunks)


@pytest.fixture(scope="module")
def seeds() -> dict[str, str]:
    """The five seed articles by short name; the test fails if they are missing."""
    found = load_seeds(SEEDS)
    assert len(found) == 5, f"expected the five seed articles in {SEEDS}"
    return found


def test_visible_text_leaves_out_scripts() -> None:
    """Script and style contents are not text a reader sees."""
    html = "<p>Hello <b>there</b></p><script>var x = 'hidden';</script><style>p{}</style>"
    assert visible_text(html).split() == ["Hello", "there"]


def test_a_copied_sentence_is_caught(seeds: dict[str, str]) -> None:
    """A page quoting a seed sentence at length would be reported."""
    copied = " ".join(seeds["002"].split()[20:40])
    assert shared_runs(visible_text(f"<p>{copied}</p>"), seeds)


def test_no_page_copies_eight_words_from_a_seed(built_site: Path, seeds: dict[str, str]) -> None:
    """Every built page is free of eight-word runs from any seed, titles excepted."""
    sources = load_vocabulary().sources.values()
    titles = [title for source in sources for title in source.titles]
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) >= 14
    copied = {
        str(page.relative_to(built_site)): [run.words for run in runs]
        for page in pages
        if (
            runs := shared_runs(visible_text(page.read_text(encoding="utf-8")), seeds, allow=titles)
        )
    }
    assert copied == {}
