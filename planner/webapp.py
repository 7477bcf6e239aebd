"""Installable: the web app manifest, the icons drawn from the logo, and the tags every page gets.

Build-time helpers (standard library only), called by the publish hook. The
icons have one source, the theme's logo icon: :func:`icon_svg` puts its glyph
on the theme colour at each size and shape in :data:`ICONS`, and the hook
rasterizes the SVG (``docs/.hooks/icons.mjs``).

Example:
    >>> head_tags("../", ["assets/site/palette.js"], []).splitlines()[1]
    '<link rel="manifest" href="../manifest.webmanifest">'
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Icon:
    """One icon file: its size in pixels and its shape."""

    name: str
    size: int
    maskable: bool = False
    square: bool = False


#: Every icon, drawn from the site's logo at build time (see :func:`icon_svg`).
ICONS = (
    Icon("icon-192.png", 192),
    Icon("icon-512.png", 512),
    Icon("icon-maskable-512.png", 512, maskable=True),
    Icon("apple-touch-icon.png", 180, square=True),
    Icon("favicon.png", 48),
)
ICON_DIR = "assets/icons"
#: The theme's primary colour (docs/stylesheets/theme.css) and the icon's glyph colour.
THEME_COLOR = "#00695c"
GLYPH_COLOR = "#ffffff"
BACKGROUND_COLOR = "#ffffff"


def web_manifest(name: str, description: str) -> str:
    """The web app manifest: it opens at the planner, in its own window, with the icons."""
    icons = [
        {
            "src": f"{ICON_DIR}/{icon.name}",
            "sizes": f"{icon.size}x{icon.size}",
            "type": "image/png",
            **({"purpose": "maskable"} if icon.maskable else {}),
        }
        for icon in ICONS
        if icon.size >= 192
    ]
    manifest = {
        "name": name,
        "short_name": name,
        "description": description,
        "start_url": "./planner/",
        "scope": "./",
        "display": "standalone",
        "theme_color": THEME_COLOR,
        "background_color": BACKGROUND_COLOR,
        "icons": icons,
    }
    return json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"


def icon_svg(glyph: str, icon: Icon) -> str:
    """An icon as SVG: the logo's glyph in white on the theme colour.

    ``glyph`` is the logo's own SVG (one source for every icon). A plain icon
    is a rounded square with the glyph at 62 % of its width; a square one
    (Apple's, which the phone rounds itself) fills its box; a maskable one
    fills its box and keeps the glyph within the central safe circle (50 %).

    Raises:
        ValueError: ``glyph`` is not an SVG with a square ``viewBox``.
    """
    match = re.search(r"<svg\b([^>]*)>(.*)</svg>", glyph, re.DOTALL)
    box = re.search(r'viewBox="([\d.\s-]+)"', match.group(1)) if match else None
    if not match or not box:
        raise ValueError("the logo must be an SVG with a viewBox")
    left, top, width, height = (float(value) for value in box.group(1).split())
    if width != height:
        raise ValueError("the logo's viewBox must be square")
    size = icon.size
    share = 0.5 if icon.maskable else 0.62
    scale = size * share / width
    offset = size * (1 - share) / 2
    radius = 0 if icon.maskable or icon.square else round(size * 0.22, 2)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}"'
        f' viewBox="0 0 {size} {size}">'
        f'<rect width="{size}" height="{size}" rx="{radius}" fill="{THEME_COLOR}"/>'
        f'<g fill="{GLYPH_COLOR}" transform="translate({offset - left * scale:g} '
        f'{offset - top * scale:g}) scale({scale:g})">{match.group(2)}</g></svg>'
    )


def head_tags(root: str, scripts: list[str], modules: list[str]) -> str:
    """The tags every page gets: manifest, Apple's icon and the site-wide scripts.

    ``root`` is the way from the page to the site's root (``""``, ``"../"``...).
    ``scripts`` (classic, run at once, before the theme's own script) and
    ``modules`` (run once the page is parsed) are paths from the root.
    """
    tags = [
        f'<link rel="manifest" href="{root}manifest.webmanifest">',
        f'<link rel="apple-touch-icon" href="{root}{ICON_DIR}/apple-touch-icon.png">',
        *(f'<script src="{root}{script}"></script>' for script in scripts),
        *(f'<script type="module" src="{root}{module}"></script>' for module in modules),
    ]
    return "".join(f"\n{tag}" for tag in tags)


def add_to_head(page: str, tags: str) -> str:
    """The page with ``tags`` at the end of its head.

    Raises:
        ValueError: the page has no ``</head>``.
    """
    end = page.find("</head>")
    if end < 0:
        raise ValueError("a page without </head>")
    return page[:end] + tags + "\n" + page[end:]
