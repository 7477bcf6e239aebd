"""The security policy: hashes of the scripts that run, strict directives, one headers file."""

from __future__ import annotations

import base64
import hashlib

import pytest

from planner import policy

PAGE = (
    '<!doctype html><html><head>\n<meta charset="utf-8">\n<title>t</title>'
    "<script>a()</script>"
    '<script type="module">b()</script>'
    '<script id="__config" type="application/json">{"x": 1}</script>'
    '<script src="bundle.js"></script>'
    "<SCRIPT>a()</SCRIPT >"
    "</head><body></body></html>"
)


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def directives(text: str) -> dict[str, list[str]]:
    parts = (part.split() for part in text.split(";"))
    return {words[0]: words[1:] for words in parts if words}


def test_only_scripts_that_run_are_hashed_once_each() -> None:
    """Inline classic and module scripts count; JSON data and external scripts do not."""
    assert policy.inline_scripts(PAGE) == ["a()", "b()", "a()"]
    assert policy.script_sources(policy.inline_scripts(PAGE)) == sorted([sha("a()"), sha("b()")])


def test_the_page_policy_is_strict() -> None:
    """Scripts: the site and hashes; no unsafe-inline or unsafe-eval; no plugins, base or forms."""
    found = directives(policy.policy([sha("a()")]))
    assert found["default-src"] == ["'self'"]
    assert found["script-src"] == ["'self'", "'wasm-unsafe-eval'", sha("a()")]
    assert found["worker-src"] == ["'self'"]
    assert found["connect-src"] == ["'self'"]
    assert found["object-src"] == ["'none'"]
    assert found["base-uri"] == ["'none'"]
    assert found["form-action"] == ["'none'"]
    assert "frame-ancestors" not in found  # a meta policy may not say it (browsers warn)
    everything = " ".join(word for words in found.values() for word in words)
    assert "'unsafe-inline'" not in everything and "'unsafe-eval'" not in everything


def test_the_header_policy_adds_frame_ancestors() -> None:
    """The headers file forbids framing, which only a header can."""
    assert directives(policy.policy([], header=True))["frame-ancestors"] == ["'none'"]


def test_the_policy_goes_right_after_the_charset_and_only_once() -> None:
    """The policy precedes every script of the page; applying it twice changes nothing."""
    once = policy.with_policy(PAGE)
    assert once.index('http-equiv="Content-Security-Policy"') < once.index("<script")
    assert once.index('<meta charset="utf-8">') < once.index('http-equiv="Content-Security')
    assert '<meta name="referrer" content="no-referrer">' in once
    assert policy.with_policy(once) == once
    found = directives(policy.policy_of(once) or "")
    assert found["script-src"][2:] == sorted([sha("a()"), sha("b()")])


def test_a_page_without_a_charset_fails_the_build() -> None:
    """A page the policy cannot be placed in is an error, not a page without a policy."""
    with pytest.raises(ValueError, match="charset"):
        policy.with_policy("<html><head><script>a()</script></head></html>")


def test_the_headers_file_gives_every_response_the_security_headers() -> None:
    """One rule for everything; caching rules never name a security header again."""
    rules = policy.header_rules([sha("a()")])
    everything, *others = rules
    assert everything.pattern == "/*"
    names = {name for name, _ in everything.headers}
    assert {
        "Content-Security-Policy",
        "Referrer-Policy",
        "X-Content-Type-Options",
        "Permissions-Policy",
    } <= names
    assert all({name for name, _ in rule.headers} == {"Cache-Control"} for rule in others)
    assert dict(everything.headers)["Referrer-Policy"] == "no-referrer"
