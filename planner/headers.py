"""The ``_headers`` file: response headers by URL pattern, as static hosts read them.

The format is the one Netlify and Cloudflare Pages read: a line that starts
without indentation is a URL pattern, and the indented ``Name: value`` lines
under it are the headers for every path it matches. In a pattern, ``*`` matches
any run of characters (slashes too) and ``:name`` matches one path segment.
When several patterns match a path, all their headers apply; a header named by
two of them gets both values, joined by a comma (as Cloudflare Pages does), so
the build never names one header in two overlapping patterns.

The build writes the file (:mod:`planner.policy`) and the local static host
(:mod:`planner.host`) reads it, so ``make serve`` sends what a host would.

Example:
    >>> rules = parse("/*\\n  X-Content-Type-Options: nosniff\\n")
    >>> headers_for(rules, "/guide/same-day/")
    [('X-Content-Type-Options', 'nosniff')]
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

FILE_NAME = "_headers"


@dataclass(frozen=True)
class Rule:
    """The headers sent for every path that ``pattern`` matches."""

    pattern: str
    headers: tuple[tuple[str, str], ...]

    def matches(self, path: str) -> bool:
        """Whether ``path`` (the URL's path, starting with ``/``) falls under this rule."""
        return _compiled(self.pattern).fullmatch(path) is not None


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    parts = re.split(r"(\*|:[A-Za-z_]\w*)", pattern)
    regex = "".join(
        ".*" if part == "*" else "[^/]+" if part.startswith(":") else re.escape(part)
        for part in parts
    )
    return re.compile(regex)


def format_rules(rules: list[Rule], comment: str = "") -> str:
    """The text of a ``_headers`` file, with an optional comment block first."""
    lines = [f"# {line}".rstrip() for line in comment.splitlines()]
    for rule in rules:
        if lines:
            lines.append("")
        lines.append(rule.pattern)
        lines.extend(f"  {name}: {value}" for name, value in rule.headers)
    return "\n".join(lines) + "\n"


def parse(text: str) -> list[Rule]:
    """The rules of a ``_headers`` file; comments and blank lines are skipped.

    Raises:
        ValueError: a header line comes before any pattern, or has no colon.
    """
    rules: list[Rule] = []
    pattern: str | None = None
    headers: list[tuple[str, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            if pattern is not None:
                rules.append(Rule(pattern, tuple(headers)))
            pattern, headers = line.strip(), []
            continue
        name, colon, value = line.strip().partition(":")
        if pattern is None or not colon or not name.strip():
            raise ValueError(f"{FILE_NAME} line {number}: expected 'Name: value' under a path")
        headers.append((name.strip(), value.strip()))
    if pattern is not None:
        rules.append(Rule(pattern, tuple(headers)))
    return rules


def headers_for(rules: list[Rule], path: str) -> list[tuple[str, str]]:
    """Every header the rules give ``path``, in file order, repeated names joined by commas."""
    merged: dict[str, tuple[str, str]] = {}
    for rule in rules:
        if not rule.matches(path):
            continue
        for name, value in rule.headers:
            key = name.lower()
            if key in merged:
                merged[key] = (merged[key][0], f"{merged[key][1]}, {value}")
            else:
                merged[key] = (name, value)
    return list(merged.values())
