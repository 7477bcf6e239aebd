"""The site's security policy: a Content-Security-Policy in every page, and a headers file.

Build-time helpers (standard library only). After the build, every page gets,
right after its charset, a ``<meta http-equiv="Content-Security-Policy">``
whose ``script-src`` lists the SHA-256 of each inline script that very page
holds (the theme's small set-up scripts), computed from the built page: a
theme update that changes them changes the hashes, so it can neither break the
policy silently nor loosen it. No ``'unsafe-inline'``, no ``'unsafe-eval'``;
``'wasm-unsafe-eval'`` lets Pyodide compile its WebAssembly.

A policy in a page reaches neither its workers nor framing, so the
``_headers`` file (:func:`headers_file`) sends the same policy with every
response, pages and workers alike, plus ``frame-ancestors 'none'`` and the
other security headers, and a year of immutable caching for the files whose
names never change (:data:`planner.offline.IMMUTABLE`).

Example:
    >>> page = '<head><meta charset="utf-8"><script>go()</script></head>'
    >>> script_sources(inline_scripts(page))
    ["'sha256-5KYv+PUboo5h+0+YAtGRPbwv5d/QxzHslP4YGnUaxRw='"]
"""

from __future__ import annotations

import base64
import hashlib
import html
import re

from planner.headers import Rule, format_rules
from planner.offline import IMMUTABLE, SERVICE_WORKER

#: The policy, directive by directive; ``script-src`` gets the pages' hashes after these.
DIRECTIVES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("default-src", ("'self'",)),
    ("script-src", ("'self'", "'wasm-unsafe-eval'")),
    ("style-src", ("'self'",)),
    # The theme draws its icons as CSS masks from data: URLs.
    ("img-src", ("'self'", "data:")),
    ("connect-src", ("'self'",)),
    ("worker-src", ("'self'",)),
    ("manifest-src", ("'self'",)),
    ("object-src", ("'none'",)),
    ("base-uri", ("'none'",)),
    ("form-action", ("'none'",)),
)
#: Only a header can say this (a page's meta policy may not).
HEADER_ONLY = (("frame-ancestors", ("'none'",)),)
#: Powerful features the site never uses, turned off for it and anything it might embed.
PERMISSIONS_OFF = (
    "accelerometer",
    "autoplay",
    "camera",
    "display-capture",
    "encrypted-media",
    "fullscreen",
    "geolocation",
    "gyroscope",
    "hid",
    "idle-detection",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "picture-in-picture",
    "publickey-credentials-get",
    "screen-wake-lock",
    "serial",
    "usb",
    "xr-spatial-tracking",
    "browsing-topics",
)
IMMUTABLE_CACHING = "public, max-age=31536000, immutable"

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_SRC = re.compile(r"\bsrc\s*=", re.IGNORECASE)
_CHARSET = re.compile(r"<meta charset=[\"']?utf-8[\"']?\s*/?>", re.IGNORECASE)
_OURS = re.compile(
    r'\s*<meta http-equiv="Content-Security-Policy" content="[^"]*">'
    r'\s*<meta name="referrer" content="no-referrer">'
)
_META_POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
#: Script types that run; any other type (``application/json``...) is data.
_RUNNABLE = {"", "text/javascript", "application/javascript", "module"}


def inline_scripts(page: str) -> list[str]:
    """The text of every inline script in a page that the browser would run."""
    scripts = []
    for attributes, body in _SCRIPT.findall(page):
        kind = _TYPE.search(attributes)
        if _SRC.search(attributes) or (kind and kind.group(1).lower() not in _RUNNABLE):
            continue
        scripts.append(body)
    return scripts


def script_sources(scripts: list[str]) -> list[str]:
    """CSP hash sources (``'sha256-...'``) for these scripts, sorted, without repeats."""
    digests = {
        base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
        for text in scripts
    }
    return [f"'sha256-{digest}'" for digest in sorted(digests)]


def policy(hashes: list[str], *, header: bool = False) -> str:
    """The policy text: :data:`DIRECTIVES` with these script hashes (and, in a header, more)."""
    directives = [*DIRECTIVES, *(HEADER_ONLY if header else ())]
    parts = []
    for name, sources in directives:
        listed = [*sources, *hashes] if name == "script-src" else list(sources)
        parts.append(" ".join([name, *listed]))
    return "; ".join(parts)


def with_policy(page: str) -> str:
    """The page with its policy (and ``no-referrer``) written right after its charset.

    A policy already there is replaced, so running this twice changes nothing.

    Raises:
        ValueError: the page has no ``<meta charset="utf-8">`` to put it after.
    """
    page = _OURS.sub("", page)
    charset = _CHARSET.search(page)
    if charset is None:
        raise ValueError('a page without <meta charset="utf-8">: cannot place its policy')
    text = policy(script_sources(inline_scripts(page)))
    tags = (
        f'\n<meta http-equiv="Content-Security-Policy" content="{html.escape(text, quote=False)}">'
        '\n<meta name="referrer" content="no-referrer">'
    )
    return page[: charset.end()] + tags + page[charset.end() :]


def policy_of(page: str) -> str | None:
    """The policy a page carries in its meta tag, or None."""
    found = _META_POLICY.search(page)
    return html.unescape(found.group(1)) if found else None


def header_rules(hashes: list[str]) -> list[Rule]:
    """The ``_headers`` rules: security headers everywhere, long caching for fixed names."""
    security = (
        ("Content-Security-Policy", policy(hashes, header=True)),
        ("Referrer-Policy", "no-referrer"),
        ("X-Content-Type-Options", "nosniff"),
        ("X-Frame-Options", "DENY"),
        ("Permissions-Policy", ", ".join(f"{name}=()" for name in PERMISSIONS_OFF)),
        ("Cross-Origin-Opener-Policy", "same-origin"),
        ("Cross-Origin-Resource-Policy", "same-origin"),
        ("Strict-Transport-Security", "max-age=31536000"),
    )
    caching = [Rule(pattern, (("Cache-Control", IMMUTABLE_CACHING),)) for pattern in IMMUTABLE]
    worker = Rule(f"/{SERVICE_WORKER}", (("Cache-Control", "no-cache"),))
    return [Rule("/*", security), worker, *caching]


def headers_file(hashes: list[str]) -> str:
    """The text of the site's ``_headers`` file (Netlify and Cloudflare Pages read it)."""
    comment = (
        "Response headers for hosts that read this file (Netlify, Cloudflare Pages) and for\n"
        "`make serve`. Written by the build (planner/policy.py): do not edit the built copy.\n"
        "The site must sit at the root of its host for these paths to match."
    )
    return format_rules(header_rules(hashes), comment)
