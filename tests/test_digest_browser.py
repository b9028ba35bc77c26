"""One HTML digest as a mail program shows it: Chromium at 600 px (the width mail programs
give a message), without a horizontal scroll bar, with nothing loaded from anywhere, and
no WCAG 2.1 A/AA problems found by axe-core. The screenshot goes to tools/.bench/digest.png."""
from __future__ import annotations

import email
from email import policy
from pathlib import Path

import pytest

from digest_helpers import NOW, REPO, example_repo, plein

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
SHOT = REPO / "tools" / ".bench" / "digest.png"


@pytest.mark.browser
def test_html_digest_in_chromium_at_600px(tmp_path, chromium_browser):
    root = example_repo(tmp_path / "intranet")
    plein(root, "digest", "--dry-run", "out", "--to-person", "ahmed-bouzid", "--now", NOW)
    msg = email.message_from_bytes((root / "out" / "digest-ahmed-bouzid.eml").read_bytes(), policy=policy.default)
    html = msg.get_body(("html",)).get_content()

    page = chromium_browser.new_page(viewport={"width": 600, "height": 900})
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    try:
        page.set_content(html, wait_until="load")
        assert page.evaluate("document.documentElement.scrollWidth") <= 600
        headings = page.locator("h2").all_inner_texts()
        assert headings == ["Vragen die jij misschien kunt beantwoorden", "Nieuws voor jou", "Kudos voor jou"]
        assert page.locator("a").first.is_visible()
        assert requests == []  # an e-mail loads nothing: no images, fonts or trackers
        SHOT.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOT), full_page=True)
        if AXE.is_file():
            page.add_script_tag(path=str(AXE))
            result = page.evaluate("""axe.run(document, {runOnly: {type: 'tag',
                values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})""")
            assert [v["id"] for v in result["violations"]] == []
    finally:
        page.close()
    assert SHOT.stat().st_size > 10_000
