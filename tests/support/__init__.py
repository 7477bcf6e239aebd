"""Helpers shared by the outer test layers (browser, node)."""
