"""Where things are, for every test layer."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "site"
SHARED = ROOT.parent / "shared"
