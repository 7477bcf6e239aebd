"""Load and check the advice files and their vocabulary.

Each advice item is one file, ``planner/data/advice/<id>.md``: TOML front matter
between two ``+++`` lines, then a short Markdown body. ``vocabulary.toml`` names
the phases and the sources an item may use. Files are read through
:mod:`importlib.resources`, so the package also works from a zip (Pyodide).

Example:
    >>> load_advice()["thank-you-promptly"].phase
    'same_day'
    >>> check_content()
    []
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib.resources import files
from importlib.resources.abc import Traversable
from types import MappingProxyType
from typing import Any

from planner import citations

#: Seed damage and boilerplate that must never reach an advice file.
FORBIDDEN = ("repparttar", "â", "click here")
_FRONT_MATTER = re.compile(r"\+\+\+[ \t]*\n(.*?)^\+\+\+[ \t]*$(.*)", re.DOTALL | re.MULTILINE)
_SENTENCE_END = re.compile(r"[.!?]+[\"”’)*_]*(?=\s|$)")  # noqa: RUF001 (closing quotes)
#: Front-matter keys of an advice file and their types; a trailing ``?`` marks an optional key.
ADVICE_FIELDS = {"id": "str", "title": "str", "phase": "str", "summary": "str", "timing": "str?",
                 "conditions": "str", "sources": "list", "order": "int"}  # fmt: skip
_PHASE_FIELDS = {"id": "str", "title": "str", "description": "str", "order": "int", "page": "str"}
_SOURCE_FIELDS = {"id": "str", "file": "str", "name": "str", "titles": "list",
                  "author": "str?", "date": "str?", "note": "str?"}  # fmt: skip


@dataclass(frozen=True)
class PhaseEntry:
    """A phase of the advice vocabulary: when the advice applies, and its guide page."""

    id: str
    title: str
    description: str
    order: int
    page: str


@dataclass(frozen=True)
class Source:
    """One seed article as its text shows it; ``author`` and ``date`` are None when not shown."""

    id: str
    file: str
    name: str
    titles: tuple[str, ...]
    author: str | None = None
    date: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Vocabulary:
    """The phases (in their order) and the sources (by id) an advice file may name."""

    phases: Mapping[str, PhaseEntry]
    sources: Mapping[str, Source]


@dataclass(frozen=True)
class Advice:
    """One advice item: front matter plus its Markdown body. ``order`` is its catalogue number."""

    id: str
    title: str
    phase: str
    summary: str
    conditions: str
    sources: tuple[str, ...]
    order: int
    body: str
    timing: str | None = None


@dataclass(frozen=True)
class ContentProblem:
    """Something wrong with the content: the file's name, the field and a plain sentence."""

    file: str
    field: str
    message: str


class ContentError(ValueError):
    """The content has problems; ``problems`` lists every one of them."""

    def __init__(self, problems: list[ContentProblem]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{p.file} [{p.field}]: {p.message}" for p in problems))


def _data() -> Traversable:
    return files("planner") / "data"


def _type_ok(value: object, kind: str) -> bool:
    if kind == "int":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "list":
        return isinstance(value, list) and all(isinstance(v, str) and v for v in value)
    return isinstance(value, str) and value.strip() != ""


def _check_fields(
    table: dict[str, Any], schema: dict[str, str], file: str, prefix: str = ""
) -> list[ContentProblem]:
    problems = [ContentProblem(file, prefix + k, "unknown key") for k in table if k not in schema]
    for key, kind in schema.items():
        if key not in table:
            if not kind.endswith("?"):
                problems.append(ContentProblem(file, prefix + key, "missing"))
        elif not _type_ok(table[key], kind.rstrip("?")):
            problems.append(ContentProblem(file, prefix + key, f"must be a non-empty {kind}"))
    return problems


def _parse_vocabulary(path: Traversable) -> tuple[Vocabulary, list[ContentProblem]]:
    empty = Vocabulary(MappingProxyType({}), MappingProxyType({}))
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        return empty, [ContentProblem(path.name, "", f"not valid TOML: {exc}")]
    problems: list[ContentProblem] = []
    for name, schema in (("phases", _PHASE_FIELDS), ("sources", _SOURCE_FIELDS)):
        if not isinstance(raw.get(name), list) or not raw[name]:
            problems.append(ContentProblem(path.name, name, "must be a non-empty array of tables"))
            continue
        for i, entry in enumerate(raw[name]):
            if not isinstance(entry, dict):
                problems.append(ContentProblem(path.name, f"{name}[{i}]", "must be a table"))
                continue
            problems += _check_fields(entry, schema, path.name, f"{name}[{i}].")
    if problems:
        return empty, problems
    phases = sorted((PhaseEntry(**e) for e in raw["phases"]), key=lambda p: p.order)
    sources = (Source(**{**e, "titles": tuple(e["titles"])}) for e in raw["sources"])
    return Vocabulary(
        MappingProxyType({p.id: p for p in phases}), MappingProxyType({s.id: s for s in sources})
    ), []


def load_vocabulary(path: Traversable | None = None) -> Vocabulary:
    """Return the vocabulary from ``path`` (default: the package's ``vocabulary.toml``, memoized).

    Raises:
        ContentError: the file is not valid.
    """
    if path is None:
        return _default_vocabulary()
    vocabulary, problems = _parse_vocabulary(path)
    if problems:
        raise ContentError(problems)
    return vocabulary


@functools.cache
def _default_vocabulary() -> Vocabulary:
    return load_vocabulary(_data() / "vocabulary.toml")


def count_sentences(body: str) -> int:
    """Count the sentences of a text: terminators followed by a space or the end, plus a tail."""
    text = " ".join(body.split())
    ends = list(_SENTENCE_END.finditer(text))
    tail = text[ends[-1].end() :] if ends else text
    return len(ends) + (1 if tail.strip() else 0)


def _check_file(
    file: str, text: str, vocab: Vocabulary
) -> tuple[Advice | None, list[ContentProblem]]:
    parts = _FRONT_MATTER.fullmatch(text)
    if parts is None:
        return None, [ContentProblem(file, "front matter", "must sit between two '+++' lines")]
    try:
        meta = tomllib.loads(parts[1])
    except tomllib.TOMLDecodeError as exc:
        return None, [ContentProblem(file, "front matter", f"not valid TOML: {exc}")]
    body = parts[2].strip()
    problems = _check_fields(meta, ADVICE_FIELDS, file)
    bad = {p.field for p in problems}

    def complain(field: str, message: str) -> None:
        problems.append(ContentProblem(file, field, message))

    if "id" not in bad and meta["id"] != file.removesuffix(".md"):
        complain("id", f"must equal the file name without '.md', not {meta['id']!r}")
    if "phase" not in bad and meta["phase"] not in vocab.phases:
        complain("phase", f"unknown phase {meta['phase']!r}")
    if "sources" not in bad:
        if not meta["sources"] or len(set(meta["sources"])) != len(meta["sources"]):
            complain("sources", "must name at least one source, each once")
        for unknown in [s for s in meta["sources"] if s not in vocab.sources]:
            complain("sources", f"unknown source {unknown!r}")
    if "summary" not in bad and "\n" in meta["summary"]:
        complain("summary", "must be one line")
    if not 2 <= (n := count_sentences(body)) <= 5:
        complain("body", f"has {n} sentences, not 2 to 5")
    for field, value in (*meta.items(), ("body", body)):
        problems += [
            ContentProblem(file, field, f"contains {bit!r}")
            for bit in FORBIDDEN
            if bit in str(value).lower()
        ]
    if problems:
        return None, problems
    return Advice(**{**meta, "sources": tuple(meta["sources"])}, body=body), []


def _scan(directory: Traversable, vocab: Vocabulary) -> tuple[list[Advice], list[ContentProblem]]:
    advice: list[Advice] = []
    problems: list[ContentProblem] = []
    for entry in sorted(directory.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".md"):
            item, found = _check_file(entry.name, entry.read_text(encoding="utf-8"), vocab)
            problems += found
            advice += [item] if item else []
    seen: dict[int, str] = {}
    for item in advice:
        if seen.setdefault(item.order, item.id) != item.id:
            problems.append(
                ContentProblem(f"{item.id}.md", "order", f"repeats {seen[item.order]}.md")
            )
    rank = {p.id: p.order for p in vocab.phases.values()}
    advice.sort(key=lambda a: (rank[a.phase], a.order))
    return advice, problems


def _check_citations(ids: set[str]) -> list[ContentProblem]:
    every = set(citations.When)
    cited = [(k, a) for k in citations.KINDS for a in citations.advice_ids(k, every)]
    cited += [("GUIDANCE_IDS", a) for a in citations.GUIDANCE_IDS]
    problems = [
        ContentProblem("citations.py", kind, f"cites unknown advice id {advice_id!r}")
        for kind, advice_id in cited
        if advice_id not in ids
    ]
    return problems + [
        ContentProblem("citations.py", kind, "cites no advice at all")
        for kind in citations.KINDS
        if not citations.BASE[kind]
    ]


def _collect(
    directory: Traversable | None, vocabulary_path: Traversable | None
) -> tuple[list[Advice], list[ContentProblem]]:
    vocab, problems = _parse_vocabulary(vocabulary_path or _data() / "vocabulary.toml")
    if problems:
        return [], problems
    advice, problems = _scan(directory or _data() / "advice", vocab)
    return advice, problems + _check_citations({a.id for a in advice})


def check_content(
    directory: Traversable | None = None, vocabulary_path: Traversable | None = None
) -> list[ContentProblem]:
    """Return every problem of the advice files and the citations; empty means all is well.

    Checks each file's schema (required keys, types, no unknown keys), that its id is
    its file name, that its phase and sources are known, that its body has 2 to 5
    sentences and no seed damage; that catalogue numbers are unique; that every advice
    id the planner cites exists; and that every item kind cites some advice.
    ``directory`` and ``vocabulary_path`` default to the package's own files.
    """
    return _collect(directory, vocabulary_path)[1]


def load_advice(directory: Traversable | None = None) -> dict[str, Advice]:
    """Return every advice item by id, ordered by phase and then catalogue number.

    The package's own files are read once (memoized); each call returns a fresh dict.

    Raises:
        ContentError: :func:`check_content` found problems.
    """
    items = _default_advice() if directory is None else _load(directory)
    return {a.id: a for a in items}


@functools.cache
def _default_advice() -> tuple[Advice, ...]:
    return _load(None)


def _load(directory: Traversable | None) -> tuple[Advice, ...]:
    advice, problems = _collect(directory, None)
    if problems:
        raise ContentError(problems)
    return tuple(advice)


def forget_loaded() -> None:
    """Drop the memoized advice and vocabulary, so the next load reads the files again.

    A long-lived process that watches the files (``mkdocs serve``) calls this
    before each rebuild.
    """
    _default_vocabulary.cache_clear()
    _default_advice.cache_clear()
