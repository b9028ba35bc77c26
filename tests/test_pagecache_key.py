"""What every page depends on (pagecache.build_key) counts a site's theme overrides by their
bytes, not their times: a pipeline's build job works in a fresh clone, whose files are all
written just now, and must still find the pages of the cache it restored."""
from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config import load_config

from plein.site.pagecache import build_key


def _site(root: Path):
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Start\n", encoding="utf-8")
    (root / "overrides" / "partials").mkdir(parents=True)
    (root / "overrides" / "main.html").write_text('{% extends "base.html" %}\n', encoding="utf-8")
    (root / "overrides" / "partials" / "footer.html").write_text("<footer>Gemeente</footer>\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text("site_name: Intranet\ntheme:\n  name: material\n  custom_dir: overrides\n",
                                     encoding="utf-8")
    return load_config(str(root / "mkdocs.yml"))


def test_the_theme_overrides_count_by_their_bytes(tmp_path):
    config = _site(tmp_path)
    key = build_key(config, {}, [])
    for path in (tmp_path / "overrides").rglob("*.html"):
        os.utime(path, (1_700_000_000, 1_700_000_000))  # as a fresh clone wrote them
    assert build_key(config, {}, []) == key
    (tmp_path / "overrides" / "partials" / "footer.html").write_text("<footer>Gemeente Plein</footer>\n",
                                                                     encoding="utf-8")
    assert build_key(config, {}, []) != key
