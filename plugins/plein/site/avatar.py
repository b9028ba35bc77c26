"""A person's avatar colour: one rule for the built pages and the directory script.

The initials are white (#fff) on one of PALETTE, each at least 4.5:1 (WCAG 2.1 AA for text):
plein.css has the classes plein-avatar--c0 … --c7 in this order, and search/browser/engine.js
(`PleinSearchEngine.hue`) copies `hue`; tests/test_avatar_colours.py checks that all three agree."""
from __future__ import annotations

TEXT = "#ffffff"
PALETTE = ("#00695c", "#1565c0", "#6a1b9a", "#ad1457", "#c62828", "#a14a00", "#2e7d32", "#4e342e")


def hue(handle: str) -> int:
    """The index in PALETTE of a person's colour: a small hash of the handle that JavaScript
    computes alike (code points, no 32-bit overflow)."""
    h = 0
    for c in handle:
        h = (h * 31 + ord(c)) % len(PALETTE)
    return h
