"""The ``_headers`` file: written by the build, read by the local host as a static host would."""

from __future__ import annotations

import pytest

from planner.headers import Rule, format_rules, headers_for, parse


@pytest.mark.parametrize(
    ("pattern", "path", "matches"),
    [
        ("/*", "/", True),
        ("/*", "/guide/same-day/", True),
        ("/sw.js", "/sw.js", True),
        ("/sw.js", "/assets/sw.js", False),
        ("/assets/javascripts/bundle.*", "/assets/javascripts/bundle.a5f9d56c.min.js", True),
        ("/assets/javascripts/bundle.*", "/assets/javascripts/lunr/min/lunr.de.min.js", False),
        ("/assets/pyodide/:version/pyodide*", "/assets/pyodide/314.0.7/pyodide.asm.wasm", True),
        ("/assets/pyodide/:version/pyodide*", "/assets/pyodide/314.0.7/python_stdlib.zip", False),
        ("/assets/pyodide/:version/pyodide*", "/assets/pyodide/a/b/pyodide.mjs", False),
        ("/a.b", "/aXb", False),
    ],
)
def test_patterns_match_as_static_hosts_do(pattern: str, path: str, matches: bool) -> None:
    """`*` spans anything (slashes too), `:name` one segment, and dots are literal."""
    assert Rule(pattern, ()).matches(path) is matches


def test_a_written_file_reads_back_the_same() -> None:
    """format_rules then parse gives the same rules; the comment block is skipped."""
    rules = [
        Rule("/*", (("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "no-referrer"))),
        Rule("/assets/*", (("Cache-Control", "public, max-age=31536000, immutable"),)),
    ]
    text = format_rules(rules, "Written by the build.\nDo not edit.")
    assert text.startswith("# Written by the build.\n# Do not edit.\n\n/*\n  X-Content")
    assert parse(text) == rules


def test_every_matching_rule_applies_and_a_repeated_header_joins_with_a_comma() -> None:
    """Two patterns naming one header give both values, as Cloudflare Pages does."""
    rules = parse("/*\n  A: 1\n  B: 2\n/x/*\n  a: 3\n")
    assert headers_for(rules, "/x/y") == [("A", "1, 3"), ("B", "2")]
    assert headers_for(rules, "/y") == [("A", "1"), ("B", "2")]


@pytest.mark.parametrize("text", ["  A: 1\n", "/*\n  no colon here\n", "/*\n  : empty name\n"])
def test_a_broken_file_is_refused_with_its_line(text: str) -> None:
    """A header before any path, or a line that is not `Name: value`, is an error."""
    with pytest.raises(ValueError, match="_headers line"):
        parse(text)
