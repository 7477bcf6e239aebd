"""Markdown blocks for the guide pages, generated from the advice files.

Pure functions, no MkDocs: a thin hook calls :func:`expand` on each page that
holds a ``<!-- guide:... -->`` marker. Links are relative ``.md`` links that
MkDocs validates, written for pages in ``docs/guide/`` (one page per phase, named
in ``vocabulary.toml``, plus ``sources.md``); markers belong on those pages.

Example:
    >>> "{#thank-you-promptly}" in advice_blocks("same_day")
    True
    >>> expand("<!-- guide:nonsense -->")
    Traceback (most recent call last):
    ...
    ValueError: unknown guide marker '<!-- guide:nonsense -->'
"""

from __future__ import annotations

import re
from collections.abc import Callable

from planner import citations
from planner.citations import When
from planner.content import Advice, Source, load_advice, load_vocabulary

#: The page, in ``docs/guide/``, that lists the sources.
SOURCES_PAGE = "sources.md"

#: How the guide names each checklist item kind.
KIND_LABELS: dict[str, str] = {
    "AT-CONTACTS": "collect everyone's contact details",
    "AT-TIMELINE": "ask when they will decide",
    "AT-CONCERNS": "ask about any concerns",
    "AT-WANT-JOB": "say you want the job",
    "TY-EMAIL": "the thank-you email",
    "REFEREES": "brief your referees",
    "MAT": "send what you promised",
    "KEEP-SEARCHING": "keep searching",
    "TY-NOTE": "the handwritten note",
    "CHECKIN-REQUESTED": "the check-in they asked for",
    "CHECKIN-INTERIM": "the light check-ins of a long wait",
    "CHECKIN-MAIN": "the main check-in",
    "CHECKIN-REPEAT": "the later check-ins",
    "OFFER-THANKS": "thank them for the offer",
    "REJ-REPLY": "reply to a rejection",
    "NEXT-ROUND": "plan the next round",
}

#: How the guide words each condition under which a kind cites extra advice.
CONDITION_LABELS: dict[When, str] = {
    When.LATER_ROUND: "after a second or later round",
    When.ANSWERS_CONCERN: "when it answers a concern",
    When.PHONE: "when you have their phone number",
    When.DECISION_DATE_KNOWN: "when they gave a decision date",
    When.DECISION_DATE_UNKNOWN: "when they gave no decision date",
    When.WAIT_SET: "when they asked you to wait",
    When.PERSISTENT: "for jobs that call for persistence",
    When.AGREED_INTERVAL: "when you agreed an update schedule",
}

_MARKER = re.compile(r"<!--\s*guide:(.*?)-->", re.DOTALL)


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _source_link(source: Source) -> str:
    return f"[{source.name}]({SOURCES_PAGE}#source-{source.id})"


def _advice_link(advice: Advice) -> str:
    return f"[{advice.title}]({load_vocabulary().phases[advice.phase].page}#{advice.id})"


def planner_use(advice_id: str) -> str:
    """Describe, in words, which checklist steps cite an advice item ("" if none).

    Example:
        >>> planner_use("respect-requested-wait")
        'the main check-in (when they asked you to wait)'
    """
    parts = []
    for kind in citations.kinds_citing(advice_id):
        label = KIND_LABELS[kind]
        when = [
            CONDITION_LABELS[w] for w, ids in citations.EXTRAS[kind].items() if advice_id in ids
        ]
        parts.append(f"{label} ({', '.join(when)})" if when else label)
    if advice_id in citations.GUIDANCE_IDS:
        parts.append("the guidance shown beside every checklist")
    return "; ".join(parts)


def _phase_advice(phase: str) -> list[Advice]:
    if phase not in load_vocabulary().phases:
        raise ValueError(f"unknown phase {phase!r}")
    return [a for a in load_advice().values() if a.phase == phase]


def advice_blocks(phase: str) -> str:
    """Return the Markdown of every advice item of ``phase``, each under an anchored heading.

    Each block has a level-two heading with the advice id as its anchor, the
    summary, the body, and a list: when, if, sources and the planner steps using it.

    Raises:
        ValueError: ``phase`` is not a phase of the vocabulary.
    """
    sources = load_vocabulary().sources
    blocks = []
    for advice in _phase_advice(phase):
        facts = [f"- **When:** {advice.timing}"] if advice.timing else []
        facts.append(f"- **If:** {advice.conditions}")
        facts.append(
            f"- **Sources:** {', '.join(_source_link(sources[s]) for s in advice.sources)}"
        )
        if use := planner_use(advice.id):
            facts.append(f"- **In the planner:** {use[0].upper()}{use[1:]}.")
        blocks.append(
            f"## {advice.title} {{#{advice.id}}}\n\n*{advice.summary}*\n\n{advice.body}\n\n"
            + "\n".join(facts)
        )
    return "\n\n".join(blocks) + "\n"


def supported_by(source_id: str) -> list[Advice]:
    """Return the advice items that cite a source, in guide order."""
    return [a for a in load_advice().values() if source_id in a.sources]


def sources_table() -> str:
    """Return a table of the sources with their advice counts, then one anchored section each.

    Each section (anchor ``source-000`` and so on) gives the titles, author and date
    as the text shows them, and links the advice it supports, counted by phase.
    """
    vocabulary = load_vocabulary()
    rows = [
        "| Source | Author as shown | Date as shown | Advice it supports |",
        "|---|---|---|---|",
    ]
    sections = []
    for source in vocabulary.sources.values():
        supported = supported_by(source.id)
        author, date = source.author or "not shown", source.date or "not shown"
        rows.append(
            f"| [{_cell(source.name)}](#source-{source.id}) | {_cell(author)} | {_cell(date)} "
            f"| {len(supported)} |"
        )
        titles = "; ".join(f"“{t}”" for t in source.titles)
        lines = [
            f"## {source.name} {{#source-{source.id}}}",
            "",
            f"- **{'Titles' if len(source.titles) > 1 else 'Title'} as shown:** {titles}",
            f"- **Author as shown:** {author}",
            f"- **Date as shown:** {date}",
        ]
        lines += [f"- **About this copy:** {source.note}"] if source.note else []
        lines.append(f"- **Supports {len(supported)} advice items:**")
        for phase in vocabulary.phases.values():
            here = [a for a in supported if a.phase == phase.id]
            if here:
                links = ", ".join(_advice_link(a) for a in here)
                lines.append(f"    - {phase.title} ({len(here)}): {links}")
        sections.append("\n".join(lines))
    return "\n".join(rows) + "\n\n" + "\n\n".join(sections) + "\n"


def timing_table() -> str:
    """Return, phase by phase, a table of every advice item that has a timing."""
    parts = []
    for phase in load_vocabulary().phases.values():
        timed = [a for a in _phase_advice(phase.id) if a.timing]
        if timed:
            rows = [
                f"| [{_cell(a.title)}]({phase.page}#{a.id}) | {_cell(a.timing or '')} |"
                for a in timed
            ]
            parts.append(f"## {phase.title}\n\n| Advice | When |\n|---|---|\n" + "\n".join(rows))
    return "\n\n".join(parts) + "\n"


def _render(marker: str) -> str:
    name, *args = marker.split()
    options = {key: value for key, _, value in (arg.partition("=") for arg in args)}
    renderers: dict[tuple[str, tuple[str, ...]], Callable[[], str]] = {
        ("sources", ()): sources_table,
        ("timings", ()): timing_table,
        ("advice", ("phase",)): lambda: advice_blocks(options["phase"]),
    }
    render = renderers.get((name, tuple(sorted(options))))
    if render is None or not all(options.values()):
        raise ValueError
    return render()


def expand(markdown: str) -> str:
    """Replace each ``<!-- guide:... -->`` marker of a page with its generated Markdown.

    Markers: ``<!-- guide:advice phase=<phase id> -->``, ``<!-- guide:sources -->``
    and ``<!-- guide:timings -->``.

    Raises:
        ValueError: a marker is unknown or malformed; the message quotes it.
    """

    def replace(match: re.Match[str]) -> str:
        try:
            return f"\n{_render(match.group(1).strip() or '?')}\n"
        except ValueError as exc:
            reason = f" ({exc})" if str(exc) else ""
            raise ValueError(f"unknown guide marker {match.group(0)!r}{reason}") from None

    return _MARKER.sub(replace, markdown)
