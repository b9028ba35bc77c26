"""The web editor on a phone (issue 26): every screen of the editor fits 375 px without sideways
scrolling, at 768 and 1280 px too; every control on it is at least 44 by 44 px (WCAG 2.5.5) at
375 px; Opslaan stays on screen while the form scrolls; the menus, the pickers and the photo
library fit; "Sorteer op" can be read; the login screen names the intranet. With `plein serve`
on the example, its decap-server, and Debian's headless chromium, as test_editor_browser.

PLEIN_SCREENSHOTS=<folder> also writes the 375 px screenshots of docs/screenshots/ there."""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
import yaml

from test_editor_browser import ME, REPO, saved, intranet  # noqa: F401  (intranet: the example served)

pytestmark = pytest.mark.browser
PHONE, TABLET, DESKTOP = 375, 768, 1280
HEIGHT = {PHONE: 740, TABLET: 1024, DESKTOP: 800}
THREAD = "zaaksysteem-koppelen-aan-bag-api"
FORM = "[class*='ControlPaneContainer'] [class*='ControlContainer']"
SCREENS = {  # name: (route, shown when ready)
    "profile": (f"collections/profiles/entries/{ME}", FORM),
    "reply": (f"collections/replies/new?_thread={THREAD}", FORM),
    "question": ("collections/threads/new", FORM),
    "update": ("collections/updates/new", FORM),
    "kudos": ("collections/kudos/new", FORM),
    "news": ("collections/news/new", FORM),
    "list": ("collections/updates", "a[data-testid='updates']"),
    "workflow": ("workflow", "[class*='WorkflowTop']"),
}
SHOTS = os.environ.get("PLEIN_SCREENSHOTS")

# What a person can tap, and how big it is. An input of react-select (Decap's select widget) is
# a few pixels wide and grows as one types: the target is the box around it, which is measured.
TARGETS = r"""(root) => {
  const out = [];
  const scope = root ? document.querySelector(root) : document.body;
  const sel = 'button, a[href], input:not([type=hidden]):not([type=file]), select, textarea, label[tabindex], [role=button], [role=option], [role=menuitem]';
  for (let el of scope.querySelectorAll(sel)) {
    const name = (el.getAttribute('aria-label') || el.textContent || el.value || el.placeholder || el.tagName).trim().slice(0, 40);
    // WCAG 2.5.5's exception: a link inside a sentence (a hint, a note) is as big as its words
    if (el.tagName === 'A' && el.closest('p, li > span') && !el.closest('button')) continue;
    // a checkbox inside its label: the label is what a finger taps
    if (['checkbox', 'radio'].includes(el.type) && el.closest('label')) el = el.closest('label');
    if (el.tagName === 'INPUT' && el.getBoundingClientRect().width < 44) {
      for (let up = el.parentElement; up; up = up.parentElement) {
        if (/(^|\s)css-[a-z0-9]+-control(\s|$)/.test(String(up.className))) { el = up; break; }
      }
    }
    const r = el.getBoundingClientRect(), cs = getComputedStyle(el);
    if (r.width === 0 || r.height === 0 || cs.visibility === 'hidden' || el.closest('[aria-hidden=true], [inert]')) continue;
    out.push({name, tag: el.tagName, cls: String(el.className).slice(0, 60),
              w: r.width, h: r.height, left: r.left, right: r.right, top: r.top, bottom: r.bottom});
  }
  return out;
}"""

# Sideways scrolling: the page, and every box that scrolls or clips its content sideways (Decap's
# editor scrolls in a pane of its own; a clipped button cut "Opslaan" to "Opsla").
WIDTHS = """() => {
  const out = {page: document.documentElement.scrollWidth, body: document.body.scrollWidth,
               viewport: document.documentElement.clientWidth, x: window.scrollX, wider: [], offscreen: []};
  for (const el of document.querySelectorAll('body *')) {
    const cs = getComputedStyle(el);
    if (cs.display === 'none' || cs.visibility === 'hidden' || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName)) continue;
    // clientWidth 1: text for screen readers only, clipped on purpose
    if (cs.overflowX !== 'visible' && el.clientWidth > 1 && el.scrollWidth > el.clientWidth + 1)
      out.wider.push(`${el.tagName}.${String(el.className).slice(0, 70)}: ${el.scrollWidth} > ${el.clientWidth}`);
    if (el.scrollLeft > 0) out.offscreen.push(`${el.tagName}.${String(el.className).slice(0, 70)} scrolled ${el.scrollLeft} px sideways`);
  }
  return out;
}"""


def login(browser, url: str, width: int):
    context = browser.new_context(viewport={"width": width, "height": HEIGHT[width]}, device_scale_factor=1,
                                  timezone_id="Europe/Amsterdam", locale="nl-NL")
    page = context.new_page()
    page.goto(url + "/bewerken/")
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_timeout(500)
    return page


@pytest.fixture
def phone(chromium_browser, intranet):
    _, url = intranet
    page = login(chromium_browser, url, PHONE)
    yield page
    page.context.close()


def show(page, url: str, screen: str) -> None:
    route, ready = SCREENS[screen]
    page.goto(f"{url}/bewerken/#/{route}")
    page.reload()  # a new hash alone keeps the previous screen until Decap redraws
    page.locator(ready).first.wait_for(timeout=20_000)
    page.wait_for_timeout(1200)  # names in the pickers, the author, the list's entries


def fits(page, where: str) -> None:
    got = page.evaluate(WIDTHS)
    width = got["viewport"]
    assert got["page"] <= width and got["body"] <= width, f"{where}: the page is {got['page']} px wide at {width} px"
    assert got["x"] == 0, f"{where}: the page is scrolled {got['x']} px sideways"
    assert not got["wider"], f"{where}: boxes wider than their room:\n" + "\n".join(got["wider"])
    assert not got["offscreen"], f"{where}:\n" + "\n".join(got["offscreen"])


def small(targets: list) -> list:
    return [f"{t['name']!r} ({t['tag']}.{t['cls']}): {t['w']:.0f}x{t['h']:.0f}"
            for t in targets if t["w"] < 44 - 0.5 or t["h"] < 44 - 0.5]


def on_screen(page, targets: list) -> list:
    width = page.viewport_size["width"]
    return [f"{t['name']!r}: {t['left']:.0f}..{t['right']:.0f} px" for t in targets if t["left"] < 0 or t["right"] > width + 0.5]


def save_button(page):
    return page.locator("button:has-text('Opslaan')").first


def reachable(page, button) -> None:
    """The button is within the viewport and a tap at its middle reaches it."""
    button.wait_for()
    box, before = button.bounding_box(), None
    for _ in range(20):  # until it stays put: Decap draws the toolbar again once the entry is read
        if box == before:
            break
        page.wait_for_timeout(150)
        box, before = button.bounding_box(), box
    view = page.viewport_size
    assert box and box["x"] >= 0 and box["y"] >= 0, box
    assert box["x"] + box["width"] <= view["width"] and box["y"] + box["height"] <= view["height"], (box, view)
    assert box["width"] >= 44 and box["height"] >= 44, box
    hit = button.evaluate("(b) => { const r = b.getBoundingClientRect();"
                          " return b.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)); }")
    assert hit, "something covers the button"


def shoot(page, name: str) -> None:
    if not SHOTS:
        return
    from PIL import Image
    path = Path(SHOTS) / f"editor-375-{name}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path))
    Image.open(path).convert("RGB").quantize(colors=64).save(path, optimize=True)  # small files in the repository


@pytest.fixture(scope="module")
def drafted(chromium_browser, intranet):
    """My profile with an unsaved… saved but unpublished change: the toolbar then shows the status
    menu and "Verwijder niet-gepubliceerde wijzigingen", and the workflow a card."""
    root, url = intranet
    page = login(chromium_browser, url, DESKTOP)
    try:
        show(page, url, "profile")
        page.get_by_label("Telefoon").fill("+31 85 201 4499")
        save_button(page).click()
        saved(root, f"profiles/{ME}")
        page.wait_for_timeout(1500)  # decap-server answers the save after the branch is made
    finally:
        page.context.close()
    return root


@pytest.mark.parametrize("screen", SCREENS)
def test_each_screen_fits_without_sideways_scrolling(chromium_browser, intranet, drafted, screen):
    _, url = intranet
    page = login(chromium_browser, url, PHONE)
    try:
        for width in (PHONE, TABLET, DESKTOP):
            page.set_viewport_size({"width": width, "height": HEIGHT[width]})
            show(page, url, screen)
            fits(page, f"{screen} at {width} px")
            if screen not in ("list", "workflow"):
                reachable(page, save_button(page))
    finally:
        page.context.close()


@pytest.mark.parametrize("screen", SCREENS)
def test_every_control_is_at_least_44_px_on_a_phone(phone, intranet, drafted, screen):
    _, url = intranet
    show(phone, url, screen)
    targets = phone.evaluate(TARGETS, None)
    assert targets
    assert not small(targets), f"{screen}: touch targets under 44x44 px:\n" + "\n".join(small(targets))
    assert not on_screen(phone, targets), f"{screen}: off the screen:\n" + "\n".join(on_screen(phone, targets))
    shoot(phone, screen)


def test_save_stays_reachable_while_the_form_scrolls_and_a_field_has_focus(phone, intranet):
    _, url = intranet
    show(phone, url, "profile")
    pane = "[class*='PreviewPaneContainer']"
    assert phone.evaluate(f"() => document.querySelector(\"{pane}\").scrollHeight > innerHeight")  # the form scrolls
    fields = phone.locator(f"{pane} input:not([type=hidden]):not([type=file]), {pane} textarea")
    for i in range(fields.count()):
        field = fields.nth(i)
        if not field.is_visible():
            continue
        field.focus()
        field.scroll_into_view_if_needed()
        fits(phone, f"profile, focus in field {i}")
    reachable(phone, save_button(phone))
    # after an edit Decap enables Opslaan; a tap saves
    phone.get_by_label("Werkplek").fill("Stadskantoor, 3e verdieping")
    reachable(phone, save_button(phone))
    assert save_button(phone).is_enabled()


def test_toolbar_menus_fit_on_a_phone(phone, intranet, drafted):
    """With an unpublished change: the status menu, "Verwijder niet-gepubliceerde wijzigingen"
    and the logout menu, each on the screen and big enough to tap."""
    _, url = intranet
    show(phone, url, "profile")
    status = phone.locator("[class*='StatusButton'][aria-haspopup]")  # "Status: Concept", in whatever words
    reachable(phone, status)
    reachable(phone, phone.locator("[class*='EditorContainer'] [class*='DeleteButton']"))  # "Verwijder niet-gepubliceerde wijzigingen"
    shoot(phone, "toolbar")
    status.click()
    items = phone.locator("[role=menuitem]")
    items.first.wait_for()
    assert items.count() >= 3
    for i in range(items.count()):
        reachable(phone, items.nth(i))
    fits(phone, "the status menu")
    phone.keyboard.press("Escape")
    phone.mouse.click(10, HEIGHT[PHONE] - 10)
    phone.locator("[class*='AvatarDropdownButton']").click()
    reachable(phone, phone.get_by_role("menuitem").last)  # Uitloggen
    fits(phone, "the logout menu")


def test_links_photo_and_pickers_fit_on_a_phone(phone, intranet):
    _, url = intranet
    show(phone, url, "profile")
    add = phone.get_by_role("button", name="Voeg links toe")
    add.scroll_into_view_if_needed()
    reachable(phone, add)
    removes = phone.locator("[class*='StyledListItemTopBar'] > button[aria-label='Verwijderen']")
    assert removes.count() >= 2  # the example's two links
    for i in range(removes.count()):
        removes.nth(i).scroll_into_view_if_needed()
        reachable(phone, removes.nth(i))
    # the photo library
    choose = phone.get_by_role("button", name="Kies een andere afbeelding")
    choose.scroll_into_view_if_needed()
    reachable(phone, choose)
    choose.click()
    dialog = phone.get_by_role("dialog")
    dialog.wait_for()
    phone.wait_for_timeout(800)
    fits(phone, "the photo library")
    targets = phone.evaluate(TARGETS, "[role=dialog]")
    assert not small(targets), "photo library:\n" + "\n".join(small(targets))
    assert not on_screen(phone, targets), "photo library:\n" + "\n".join(on_screen(phone, targets))
    shoot(phone, "photo")


def test_kudos_pickers_fit_on_a_phone(phone, intranet):
    """Plein's own pickers (editor.js): a person with the opt-in note, then a team."""
    _, url = intranet
    show(phone, url, "kudos")
    picker = phone.get_by_label("Aan een collega")
    picker.fill("Lotte Visser")
    hit = phone.locator("[data-plein-hit='person:lotte-visser']")
    hit.wait_for()
    reachable(phone, hit)
    note = phone.locator("[data-plein-picker] .plein-hint").first
    box = note.bounding_box()
    assert box and box["x"] + box["width"] <= PHONE, box
    fits(phone, "the kudos picker with results")
    hit.click()
    chip = phone.locator("[data-plein-picker] .plein-chosen button").first
    reachable(phone, chip)
    team = phone.get_by_label("Of aan een team")
    team.scroll_into_view_if_needed()
    team.fill("Ruimtelijke")
    hit = phone.locator("[data-plein-hit='team:ruimte']")
    hit.wait_for()
    reachable(phone, hit)
    fits(phone, "the team picker with results")


def contrast(page, locator) -> float:
    """WCAG contrast of an element's text on the first background behind it that is not transparent."""
    fg, bg = locator.evaluate("""(el) => {
      const rgb = (s) => s.match(/[\\d.]+/g).map(Number);
      let e = el, bg = [255, 255, 255, 1];
      while (e) { const c = rgb(getComputedStyle(e).backgroundColor); if (c.length < 4 || c[3] > 0) { bg = c; break; } e = e.parentElement; }
      return [rgb(getComputedStyle(el).color), bg];
    }""")

    def lum(c):
        def ch(v):
            v /= 255
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        return 0.2126 * ch(c[0]) + 0.7152 * ch(c[1]) + 0.0722 * ch(c[2])

    hi, lo = sorted((lum(fg), lum(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("width", (PHONE, DESKTOP))
def test_sort_by_can_be_read(chromium_browser, intranet, width):
    _, url = intranet
    page = login(chromium_browser, url, width)
    try:
        show(page, url, "list")
        sort = page.get_by_text("Sorteer op", exact=True)
        assert contrast(page, sort) >= 4.5
    finally:
        page.context.close()


def test_the_login_screen_names_the_intranet(chromium_browser, intranet):
    _, url = intranet
    site = yaml.safe_load((REPO / "mkdocs.yml").read_text())["site_name"]
    context = chromium_browser.new_context(viewport={"width": PHONE, "height": HEIGHT[PHONE]}, locale="nl-NL")
    page = context.new_page()
    try:
        page.goto(url + "/bewerken/")
        login_button = page.get_by_role("button", name="Inloggen")
        login_button.wait_for()
        assert page.get_by_role("heading", name=site, level=1).is_visible()
        assert not page.locator("[class*='DecapLogoIcon']").is_visible()
        reachable(page, login_button)
        fits(page, "the login screen")
        shoot(page, "login")
    finally:
        context.close()


def test_opening_my_profile_on_a_phone(chromium_browser, intranet, capsys):
    """From a tap on "Mijn profiel bewerken" on my page until the form shows my phone number, logged in
    (not the first visit, as tools/bench-editor times it). The issue's target is 1 s; this fails
    only above 10 s, on a machine shared with other tests, and reports the time."""
    _, url = intranet
    phone_number = "+31 85 201 4499"  # drafted's, or the example's
    page = login(chromium_browser, url, PHONE)
    example = yaml.safe_load((REPO / f"profiles/{ME}.yml").read_text())["phone"]
    shown = "v => [...document.querySelectorAll('input')].some(i => v.includes(i.value))"
    def opening(timeout: int) -> list:
        times = []
        for _ in range(3):
            page.goto(f"{url}/people/{ME}/")
            start = time.perf_counter()
            page.get_by_role("link", name="Mijn profiel bewerken").click()
            page.wait_for_function(shown, arg=[phone_number, example], timeout=timeout)
            times.append(time.perf_counter() - start)
        return sorted(times)

    try:
        times = opening(30_000)
        # and over a phone's network as Chromium emulates it: 40 ms each way, 1.5 MB/s down
        # (where the editor's preloaded modules count: editor/site.py _preloads)
        network = page.context.new_cdp_session(page)
        network.send("Network.enable")
        network.send("Network.emulateNetworkConditions", {"offline": False, "latency": 40,
                                                          "downloadThroughput": 1.5e6, "uploadThroughput": 0.75e6})
        slow = opening(60_000)
        with capsys.disabled():
            print(f"\nopening my profile form at {PHONE} px: median {times[1]:.2f} s (runs: "
                  + ", ".join(f"{t:.2f}" for t in times) + "); over an emulated phone network: median "
                  f"{slow[1]:.2f} s (runs: " + ", ".join(f"{t:.2f}" for t in slow) + ")")
        assert times[1] <= 10 and slow[1] <= 30
    finally:
        page.context.close()


def test_decap_is_kept_in_the_browser_between_openings(chromium_browser, intranet):
    """Decap's 5 MB come from the editor's service worker (editor/worker.js) once a form has been
    open: over a phone's network that was 3.4 of the 5.4 s an opening took (issue 26)."""
    _, url = intranet
    page = login(chromium_browser, url, PHONE)
    try:
        assert page.evaluate("() => navigator.serviceWorker.ready.then((r) => r.active.scriptURL)") \
            == f"{url}/bewerken/sw.js"
        served = {}
        page.on("response", lambda r: served.setdefault(r.url.split("/bewerken/")[-1], r.from_service_worker)
                if "/bewerken/" in r.url else None)
        page.goto(f"{url}/people/{ME}/")
        page.get_by_role("link", name="Mijn profiel bewerken").click()
        page.locator(FORM).first.wait_for(timeout=20_000)
        assert served.get("decap/decap-cms.js") is True, served
        assert served.get("config.yml") is False and served.get("policy.json", False) is False  # never kept
    finally:
        page.context.close()
