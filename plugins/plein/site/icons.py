"""The theme's icons as one SVG sprite, assets/plein/icons.svg, that pages point into
with <use>, instead of the same inline SVG on every page. The repository icon alone is 570
bytes, twice on each page (header and menu); at L, with 70,000 pages, the icons were 190 MB of
the published site. The icons of "last updated" and "contributors" under each page and of
"back to top" (1 KB a page together) are in it too. The icons stay Material's own, chosen as
Material chooses them (theme.icon.*, else its defaults); the sprite keeps their licence
comments."""
from __future__ import annotations

import re
from pathlib import Path

SPRITE = "assets/plein/icons.svg"
DEFAULTS = {"logo": "material/library", "menu": "material/menu", "search": "material/magnify",
            "previous": "material/arrow-left", "close": "material/close", "repo": "fontawesome/brands/git-alt",
            "top": "material/arrow-up", "updated": "material/clock-edit-outline",
            "contributors": "material/account-group"}
_SVG = re.compile(r"<svg\b([^>]*)>(.*)</svg>", re.S)
_VIEWBOX = re.compile(r'viewBox="([^"]+)"')


def sprite(theme) -> str:
    """The sprite: one <symbol id="<role>"> per icon role, from the theme's .icons folders."""
    icons = theme.get("icon") or {}
    symbols = []
    for role, default in DEFAULTS.items():
        svg = _read(theme.dirs, icons.get(role) or default)
        match = _SVG.search(svg)
        box = _VIEWBOX.search(match.group(1)) if match else None
        if match and box:
            symbols.append(f'<symbol id="{role}" viewBox="{box.group(1)}">{match.group(2)}</symbol>')
    return ('<svg xmlns="http://www.w3.org/2000/svg">' + "".join(symbols) + "</svg>\n")


def _read(dirs, name: str) -> str:
    for folder in dirs:
        path = Path(folder) / ".icons" / f"{name}.svg"
        if path.is_file():
            return path.read_text(encoding="utf-8")
    return ""
