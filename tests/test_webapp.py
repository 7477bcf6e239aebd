"""Installable: the web app manifest and the icons drawn from the logo."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from planner import webapp


def test_the_app_opens_at_the_planner_with_its_icons() -> None:
    """The manifest: names, start at the planner, colours, 192 and 512 px and a maskable icon."""
    manifest = json.loads(webapp.web_manifest("Follow-up", "A guide."))
    assert (manifest["name"], manifest["short_name"]) == ("Follow-up", "Follow-up")
    assert manifest["start_url"] == "./planner/"
    assert manifest["display"] == "standalone"
    assert manifest["theme_color"] == webapp.THEME_COLOR
    sizes = {(icon["sizes"], icon.get("purpose", "any")) for icon in manifest["icons"]}
    assert sizes == {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")}


def test_an_icon_draws_the_logo_inside_its_safe_zone() -> None:
    """The glyph is scaled from the logo's viewBox; a maskable one stays within the safe circle."""
    glyph = '<svg viewBox="0 0 24 24"><path d="M0 0h24v24H0z"/></svg>'
    plain = webapp.icon_svg(glyph, webapp.Icon("a.png", 192))
    maskable = webapp.icon_svg(glyph, webapp.Icon("b.png", 512, maskable=True))
    assert 'width="192"' in plain and 'rx="42.24"' in plain
    assert '<path d="M0 0h24v24H0z"/>' in maskable and 'rx="0"' in maskable
    scale = float(re.search(r"scale\(([\d.]+)\)", maskable).group(1))  # type: ignore[union-attr]
    # The glyph's square must fit in the circle of 40 % radius: its half-diagonal at most that.
    assert 24 * scale / 2 * 2**0.5 <= 0.4 * 512


def test_a_logo_that_is_not_a_square_svg_is_refused() -> None:
    """Icons are drawn from an SVG with a square viewBox, or not at all."""
    with pytest.raises(ValueError, match="viewBox"):
        webapp.icon_svg("<svg><path/></svg>", webapp.ICONS[0])
    with pytest.raises(ValueError, match="square"):
        webapp.icon_svg('<svg viewBox="0 0 24 12"><path/></svg>', webapp.ICONS[0])


def test_the_icon_colour_is_the_themes() -> None:
    """The icons and manifest use the primary colour that the theme's stylesheet sets."""
    theme = (Path(__file__).parents[1] / "docs" / "stylesheets" / "theme.css").read_text()
    assert f"--md-primary-fg-color: {webapp.THEME_COLOR};" in theme
