"""The web editor refuses before Save what the publishing policy would refuse (issue 26).

Every case of tests/cases/editor-refusals/ runs twice: through guards.js's own rules in
headless Chromium (the module as the editor loads it), and through the policy with validation
(`plein.policy.decide`) on tests/cases/policy/target/, so that the review still refuses what
gets past the form. Then the real editor (plein serve, decap-server, Chromium, as
test_editor_browser starts them) shows each refusal in plain words before Save and saves
nothing; it puts back a local backup as it was typed, and the reply form names its thread."""
from __future__ import annotations

import base64
import io
import json
import re
from pathlib import Path

import pytest
import yaml
from PIL import Image

from test_editor_browser import ME, git, intranet, page, save  # noqa: F401  (fixtures)
from test_policy import _target_state, change_of, check, options_of, target_files
from plein.policy import decide

CASES = Path(__file__).parent / "cases" / "editor-refusals"
GUARDS = Path(__file__).resolve().parents[1] / "plugins/plein/editor/browser/guards.js"
NAMES = sorted(p.stem for p in CASES.glob("*.yml"))


def load(name: str) -> dict:
    return yaml.safe_load((CASES / f"{name}.yml").read_text(encoding="utf-8"))


def photo_bytes(text: str) -> bytes:
    formats = {"<png>": "PNG", "<jpeg>": "JPEG", "<gif>": "GIF"}
    if text in formats:
        out = io.BytesIO()
        Image.new("RGB", (8, 8), (90, 140, 60)).save(out, format=formats[text])
        return out.getvalue()
    return text.encode("utf-8")


def test_there_are_cases_for_every_refusal():
    keys = {load(n)["guard"] for n in NAMES}
    assert keys >= {"others_profile", "kudos_self", "kudos_not_opted_in", "kudos_no_recipient", "blank",
                    "not_image", None}


@pytest.mark.parametrize("name", NAMES)
def test_the_review_refuses_it_too(name):
    """What the form refuses, the review does not publish (refuse, or a moderator for a profile)."""
    case = load(name)
    case.setdefault("options", {})
    options = options_of(case)
    target = _target_state(json.dumps({"target": case.get("target") or {}}), options)
    result = decide(change_of(case, target_files(case)), target, case.get("user"), options).to_json()
    check(case, result)
    if case["guard"] is not None:
        assert result["decision"] != "publish", result


@pytest.fixture(scope="module")
def guards(chromium_browser):
    """guards.js imported in Chromium as the editor imports it: its rules, without Decap."""
    context = chromium_browser.new_context()
    pg = context.new_page()
    pg.goto("about:blank")
    source = base64.b64encode(GUARDS.read_bytes()).decode()
    pg.evaluate(f"async () => {{ window.guards = await import('data:text/javascript;base64,{source}'); }}")
    yield pg
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("name", NAMES)
def test_the_form_refuses_it(guards, name):
    case, form = load(name), load(name)["form"]
    if "photo" in form:
        key = guards.evaluate("b => window.guards.imageKind(new Uint8Array(b)) ? null : 'not_image'",
                              list(photo_bytes(form["photo"])))
        assert key == case["guard"]
        return
    me = {"handle": form["as"]} if form.get("as") else None
    found = guards.evaluate("""s => window.guards.refusals({...s, optedIn: new Set(s.optedIn)})""",
                            {"collection": form["collection"], "slug": form.get("slug", ""), "data": form["fields"],
                             "me": me, "optedIn": form.get("opted_in", []), "required": form.get("required", []),
                             "lang": "nl"})
    assert [r["key"] for r in found][:1] == ([case["guard"]] if case["guard"] else []), found
    assert all(r["message"] and "{" not in r["message"] for r in found), found


@pytest.mark.browser
def test_too_long_says_how_long(guards):
    said = guards.evaluate("() => window.guards.tooLong('a'.repeat(312), 280, 'Tekst', 'Een update is hoogstens 280 tekens.', 'nl')")
    assert said == "Een update is hoogstens 280 tekens; je hebt er 312."
    assert guards.evaluate("() => window.guards.tooLong('😀'.repeat(280), 280, 'Tekst', null, 'nl')") is None
    assert guards.evaluate("() => window.guards.maxLength('^[\\\\s\\\\S]{0,500}$')") == 500


# --- the real editor ---------------------------------------------------------------------------

def branches(root: Path) -> list[str]:
    return git(root, "branch", "--list", "cms/*", "--format=%(refname:short)").split()


def errors(pg) -> list[str]:
    return [t.strip() for t in pg.locator("li").all_text_contents()]


def open_form(pg, url: str, route: str, field: str, exact: bool = True):
    pg.goto("about:blank")  # a new hash alone keeps the previous screen until Decap redraws
    pg.goto(f"{url}/bewerken/#/{route}")
    pg.get_by_label(field, exact=exact).first.wait_for()
    pg.wait_for_timeout(800)


@pytest.mark.browser
def test_kudos_from_a_constructed_address_are_refused_before_save(intranet, page):
    root, url = intranet
    before = branches(root)
    open_form(page, url, "collections/kudos/new?to=arjen-bosman", "Tekst")  # kudos: false in his profile
    page.get_by_text("wil geen kudos ontvangen").first.wait_for(timeout=5000)  # as the form opens
    page.get_by_label("Tekst", exact=True).fill("Dank!")
    save(page)
    page.wait_for_timeout(1500)
    assert branches(root) == before


@pytest.mark.browser
def test_a_title_of_spaces_is_refused_in_plain_words(intranet, page):
    root, url = intranet
    before = branches(root)
    open_form(page, url, "collections/threads/new", "Titel")
    page.get_by_label("Titel", exact=True).fill("    ")
    page.get_by_label("Tekst", exact=True).fill("Waar staat de koffie?")
    save(page)
    page.get_by_text("‘Titel’ is leeg: alleen spaties tellen niet.").wait_for(timeout=5000)
    assert not any("API_ERROR" in e for e in errors(page))
    assert branches(root) == before


@pytest.mark.browser
def test_someone_elses_profile_is_refused_as_it_opens(intranet, page):
    root, url = intranet
    before = branches(root)
    open_form(page, url, "collections/profiles/entries/lotte-visser", "Over jou", exact=False)
    alert = page.locator("#plein-guard[role=alert] p")
    alert.wait_for(timeout=5000)
    assert alert.text_content().startswith("Dit is het profiel van Lotte Visser.")
    page.get_by_label("Over jou").fill("Niet van mij.")
    save(page)
    page.wait_for_timeout(1500)
    assert branches(root) == before


@pytest.mark.browser
def test_a_long_update_says_how_long_it_is(intranet, page):
    _, url = intranet
    open_form(page, url, "collections/updates/new", "Tekst")
    page.get_by_label("Tekst", exact=True).fill("a" * 512)
    save(page)
    page.get_by_text("je hebt er 512.").wait_for(timeout=5000)
    assert not any("patroon" in e for e in errors(page)), errors(page)


@pytest.mark.browser
def test_a_text_file_renamed_to_jpg_is_not_uploaded(intranet, page, tmp_path):
    root, url = intranet
    fake = tmp_path / "foto.jpg"
    fake.write_text("Dit is geen foto.\n")
    open_form(page, url, f"collections/profiles/entries/{ME}", "Over jou", exact=False)
    uploads = []
    page.on("request", lambda r: uploads.append(r) if "persistMedia" in (r.post_data or "") else None)
    page.get_by_role("button", name=re.compile("^Kies een (andere )?afbeelding")).first.click()
    page.locator("input[type=file]").first.set_input_files(str(fake))
    alert = page.locator("#plein-guard[role=alert] p")
    alert.wait_for(timeout=5000)
    assert alert.text_content().startswith("‘foto.jpg’ is geen foto")
    page.wait_for_timeout(1000)
    assert not uploads


@pytest.mark.browser
def test_the_local_backup_brings_back_what_was_typed(intranet, page):
    _, url = intranet
    thread = "zaaksysteem-koppelen-aan-bag-api"
    page.goto(f"{url}/discussions/{thread}/")
    page.get_by_role("link", name="Reageer", exact=True).click()
    text = "Ik had dit al getypt, met <tekens> & \"aanhalingstekens\" 🎉\n\nEn een tweede alinea."
    page.get_by_label("Tekst", exact=True).fill(text)
    page.wait_for_timeout(3000)  # Decap backs up two seconds after a change
    page.on("dialog", lambda d: d.accept())
    page.reload()
    page.get_by_label("Tekst", exact=True).wait_for()
    page.wait_for_function("t => document.querySelector('textarea') && document.querySelector('textarea').value === t",
                           arg=text, timeout=10_000)
    # the reply still belongs to its thread
    assert page.locator("#plein-thread").get_attribute("data-thread") == thread


@pytest.mark.browser
def test_the_reply_form_names_its_thread(intranet, page):
    _, url = intranet
    page.goto(f"{url}/discussions/zaaksysteem-koppelen-aan-bag-api/")
    page.get_by_role("link", name="Reageer", exact=True).click()
    region = page.get_by_role("region", name="Hoe koppel ik het zaaksysteem aan de BAG-API?")
    region.wait_for(timeout=10_000)
    assert "Gevraagd door Ruben de Wit" in region.text_content()
    assert "Omgevingsloket" in region.text_content()  # the question itself


@pytest.mark.browser
def test_edit_my_profile_shows_on_my_own_profile_only(intranet, page):
    """The site is static: the browser compares the page with who is logged in (plein.js)."""
    _, url = intranet
    page.goto(f"{url}/people/{ME}/")
    page.get_by_role("link", name="Mijn profiel bewerken").wait_for(timeout=10_000)
    assert page.get_by_role("link", name="Geef kudos").count() == 0  # not to yourself
    page.goto(f"{url}/people/lotte-visser/")
    page.get_by_role("link", name="Geef kudos").wait_for(timeout=10_000)
    page.wait_for_timeout(1000)
    assert page.get_by_role("link", name="Mijn profiel bewerken").count() == 0
    assert page.locator("a.plein-edit").count() == 1  # there, hidden


@pytest.mark.browser
def test_nobody_logged_in_sees_no_edit_button(intranet, chromium_browser):
    _, url = intranet
    context = chromium_browser.new_context(locale="nl-NL")
    pg = context.new_page()
    pg.route("**/bewerken/local.json", lambda route: route.fulfill(status=404))  # not plein serve's user
    pg.goto(f"{url}/people/{ME}/")
    pg.wait_for_timeout(1500)
    assert pg.get_by_role("link", name="Mijn profiel bewerken").count() == 0
    context.close()


@pytest.mark.browser
def test_the_local_backup_brings_back_lists_and_links_as_typed(intranet, page):
    """The backup of one's own profile: topics typed as a comma list, and a link (a list of
    title and address), back after a reload exactly as they were typed, not empty."""
    _, url = intranet
    page.goto(f"{url}/bewerken/#/collections/profiles/entries/{ME}")
    field = page.locator("[data-plein-list=expertise] input")
    field.wait_for()
    items = page.locator("[data-plein-list=expertise] [data-plein-item]")
    before = items.all_text_contents()
    field.press_sequentially("Stikstof, Geluid, ")
    page.get_by_role("button", name=re.compile(r"^Voeg .* toe$")).first.click()
    page.get_by_label("Titel", exact=True).last.fill("Mijn <notities> & \"plannen\"")
    page.get_by_label("Adres (https://…)", exact=True).last.fill("https://wiki.example.org/jan")
    page.wait_for_timeout(3000)  # Decap backs up two seconds after a change
    page.on("dialog", lambda d: d.accept())
    page.reload()
    field.wait_for()
    page.wait_for_function("n => document.querySelectorAll('[data-plein-list=expertise] [data-plein-item]').length === n",
                           arg=len(before) + 2, timeout=10_000)
    assert items.all_text_contents() == [*before, "Stikstof", "Geluid"]
    assert page.get_by_label("Titel", exact=True).last.input_value() == "Mijn <notities> & \"plannen\""
    assert page.get_by_label("Adres (https://…)", exact=True).last.input_value() == "https://wiki.example.org/jan"
