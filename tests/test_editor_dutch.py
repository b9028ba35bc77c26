"""The web editor of a Dutch site speaks Dutch, takes lists as people type them and shows names,
not machinery (issue 26): `plein serve` of the example with its decap-server, in headless
chromium on a 375 px phone, as tests/test_editor_browser.py starts them."""
from __future__ import annotations

import re

import pytest
import yaml
from playwright.sync_api import expect

from plein.editor.config import COLLECTIONS, MODERATOR_FIELDS, decap_config
from plein.editor.hints import hint
from plein.model import fields as F
from test_editor_browser import ME, after_save, git, intranet, saved, validate  # noqa: F401 (intranet: the fixture)

PHONE = {"width": 375, "height": 800}
# English that must not reach a Dutch editor: Decap's fallbacks, the field docs of model/fields.py,
# YAML values shown as they are, and react-select's names
ENGLISH = ["Remove", "Expand", "Collapse", "Close", "Title", "Language", "Save", "Publish", "Delete", "Status",
           "Draft", "Ready", "Add", "Choose", "Full name", "Id of", "Handle", "Headline", "Topics", "optional",
           "field", "dropdown", "Unpublished", "Create", "mon", "tue", "wed", "thu", "fri", "weekly", "daily",
           "instant", "question", "discussion", "Workflow", "Set", "to now"]
SCREENS = {
    "profile": (f"collections/profiles/entries/{ME}", "[data-plein-list=expertise]"),
    "question": ("collections/threads/new", "button:has-text('Opslaan')"),
    "question edit": ("collections/threads/entries/zaaksysteem-koppelen-aan-bag-api/index",
                      "button:has-text('Opslaan')"),
    "reply": ("collections/replies/new?_thread=zaaksysteem-koppelen-aan-bag-api", "button:has-text('Opslaan')"),
    "update": ("collections/updates/new", "button:has-text('Opslaan')"),
    "kudos": ("collections/kudos/new", "button:has-text('Opslaan')"),
    "news": ("collections/news/new", "button:has-text('Opslaan')"),
    "this helped me": (f"collections/helped/new?_thread=zaaksysteem-koppelen-aan-bag-api&_reply={'2025-11-05T09-40-pieter-van-dam'}",
                       "button:has-text('Opslaan')"),
    "list": ("collections/updates", "a[data-testid='updates']"),
    "workflow": ("workflow", "[class*='WorkflowTop']"),
}
WORDS_ON_SCREEN = """() => {
  const out = [document.body.innerText];
  for (const el of document.querySelectorAll('*')) {
    for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
      if (el.getAttribute(name)) out.push(el.getAttribute(name));
    }
    if (el.tagName === 'BUTTON' || el.tagName === 'OPTION') out.push(el.textContent);
  }
  return out.join('\\n');
}"""


@pytest.fixture
def phone(chromium_browser, intranet):
    """A logged-in editor session on a 375 px phone, in Dutch."""
    _, url = intranet
    context = chromium_browser.new_context(timezone_id="Europe/Amsterdam", locale="nl-NL", viewport=PHONE,
                                           has_touch=True)
    pg = context.new_page()
    pg.goto(url + "/bewerken/")
    pg.get_by_role("button", name="Inloggen").click()
    pg.wait_for_timeout(500)
    yield pg
    context.close()


def english_in(text: str) -> list[str]:
    return sorted({w for w in ENGLISH if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text)})


@pytest.mark.browser
def test_a_comma_list_in_expertise_saves_one_topic_per_item(intranet, phone, tmp_path):
    root, url = intranet
    phone.goto(f"{url}/bewerken/#/collections/profiles/entries/{ME}")
    field = phone.locator("[data-plein-list=expertise] input")
    field.wait_for()
    before = yaml.safe_load((root / f"profiles/{ME}.yml").read_text())["expertise"]
    # typed as people type: commas, a semicolon, a known topic in another spelling, and the last
    # item without a comma after it
    field.press_sequentially("Planologie, Stikstof; data analyse, Geluid")
    assert phone.locator("[data-plein-list=expertise] [data-plein-item]").all_text_contents()[-3:] == [
        "Planologie", "Stikstof", "Data-analyse"]  # 'data analyse' is the topic colleagues write 'Data-analyse'
    phone.get_by_role("button", name="Opslaan").click()
    branch = saved(root, f"profiles/{ME}")
    data = yaml.safe_load(git(root, "show", f"{branch}:profiles/{ME}.yml"))
    assert data["expertise"] == [*before, "Planologie", "Stikstof", "Data-analyse", "Geluid"]
    validate(root, branch, tmp_path)
    # the commit (and so the merge request) says what and whose, in Dutch
    assert git(root, "log", "-1", "--format=%s", branch).strip() == "Profiel van Jan de Vries (gewijzigd)"


@pytest.mark.browser
def test_a_pasted_list_becomes_one_item_per_line_or_comma(intranet, phone):
    """A list copied from elsewhere (a CV, a mail) and pasted at once, on a phone."""
    _, url = intranet
    phone.goto(f"{url}/bewerken/#/collections/profiles/entries/{ME}")
    field = phone.locator("[data-plein-list=interests] input")
    field.wait_for()
    before = phone.locator("[data-plein-list=interests] [data-plein-item]").all_text_contents()
    field.evaluate("""(input, text) => {
        input.focus();
        const data = new DataTransfer();
        data.setData('text/plain', text);
        input.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
    }""", "Fotografie\nTuinieren; Koken, Hardlopen\n")
    items = phone.locator("[data-plein-list=interests] [data-plein-item]")
    expect(items).to_have_count(len(before) + 4)
    assert items.all_text_contents()[len(before):] == ["Fotografie", "Tuinieren", "Koken", "Hardlopen"]


@pytest.mark.browser
def test_office_days_and_team_show_as_words_and_names(intranet, phone):
    _, url = intranet
    phone.goto(f"{url}/bewerken/#/collections/profiles/entries/{ME}")
    phone.locator("[data-plein-list=expertise]").wait_for()
    days = phone.get_by_role("group", name="Kantoordagen")
    checked = [c.evaluate("e => e.parentElement.textContent.trim()") for c in days.get_by_role("checkbox").all()
               if c.is_checked()]
    office_days = yaml.safe_load((intranet[0] / f"profiles/{ME}.yml").read_text())["office_days"]
    names = {"mon": "maandag", "tue": "dinsdag", "wed": "woensdag", "thu": "donderdag", "fri": "vrijdag"}
    assert checked == [names[d] for d in office_days]
    # HR's fields: the team by its name, read-only, with the reason
    team = phone.locator("[data-plein-value=ruimte]")
    assert "Wijzigingen gaan via HR." in team.inner_text()
    expect(phone.get_by_label("Team", exact=True)).to_have_value("Ruimtelijke Ordening")
    assert team.locator("input").evaluate("e => e.readOnly")


@pytest.mark.browser
def test_the_accepted_answer_is_chosen_by_author_and_first_words(intranet, phone):
    _, url = intranet
    phone.goto(f"{url}/bewerken/#/collections/threads/entries/zaaksysteem-koppelen-aan-bag-api/index")
    choice = phone.get_by_label("Geaccepteerd antwoord")
    choice.wait_for()
    options = choice.locator("option").all_text_contents()
    assert any(o.startswith("Pieter van Dam: Ja, dat kan") for o in options), options
    assert not any(re.search(r"\d{4}-\d\d-\d\dT", o) for o in options)  # no file names


@pytest.mark.browser
def test_this_helped_me_from_the_editor_saves_the_file_in_my_name(intranet, phone, tmp_path):
    """Issue 25's appreciation as a form: a date and Save, the file named after reply and person."""
    root, url = intranet
    thread, reply = "zaaksysteem-koppelen-aan-bag-api", "2025-11-05T09-40-pieter-van-dam"
    # from the reply on the thread's page, as a reader would
    phone.goto(f"{url}/discussions/{thread}/")
    phone.locator(f"[id='reply-{reply}'] a.plein-helped").click()
    phone.locator("[data-plein-author]").wait_for()
    phone.get_by_role("button", name="Opslaan").click()
    branch = saved(root, f"helped/{thread}/")
    [path] = git(root, "diff", "--name-only", "main", branch).split()
    assert path == f"content/discussions/{thread}/helped/{reply}--{ME}.yml"
    assert re.fullmatch(r"date: \d{4}-\d\d-\d\d\n", git(root, "show", f"{branch}:{path}"))
    validate(root, branch, tmp_path)
    assert git(root, "log", "-1", "--format=%s", branch).strip() == \
        "Reactie van Pieter van Dam op 'Hoe koppel ik het zaaksysteem aan de BAG-API?' hielp Jan de Vries"
    assert after_save(phone) == "Opgeslagen. Binnen een paar minuten telt de reactie jouw ‘Dit hielp mij’ mee."


@pytest.mark.browser
@pytest.mark.parametrize("screen", SCREENS)
def test_no_english_on_a_dutch_editor_screen(intranet, phone, screen):
    """Visible text and the names screen readers hear (aria-label, title, buttons, options)."""
    _, url = intranet
    route, shown = SCREENS[screen]
    # a fresh load of the screen's address (a new hash alone keeps the previous screen until
    # Decap redraws, and a reload raced Decap's own navigation after the login)
    phone.goto("about:blank")
    phone.goto(f"{url}/bewerken/#/{route}")
    phone.locator(shown).first.wait_for()
    phone.wait_for_timeout(1500)
    for expander in phone.locator("[class*='ObjectWidgetTopBar'] button, [class*='ExpandButton']").all():
        expander.click()  # folded parts (links, audience) show their fields too
    phone.wait_for_timeout(300)
    text = phone.evaluate(WORDS_ON_SCREEN)
    assert not english_in(text), f"English on the {screen} screen: {english_in(text)}"
    assert "hidden_reason" not in text and "Verborgen" not in text  # moderators' fields: not for Jan


def test_every_field_the_editor_shows_has_help_in_both_languages():
    """The help comes from editor/hints.py, never from the English field docs."""
    for lang in ("nl", "en"):
        config = decap_config(lang, {"name": "gitlab", "repo": "x/y", "branch": "main"})
        for collection in config["collections"]:
            kind = next(c.kind for c in COLLECTIONS if c.name == collection["name"])
            docs = {f.doc for f in F.KINDS[kind][0]}
            for f in collection["fields"]:
                if f["widget"] == "hidden" or f["name"].startswith("_") or f["name"] == "body" \
                        or f["widget"] == "plein-author":
                    continue
                assert f.get("hint"), f"{lang}: {kind}.{f['name']} has no help"
                if lang == "nl":
                    assert f["hint"] not in docs, f"{kind}.{f['name']} shows the field doc"
                    assert not english_in(f["hint"] + " " + f["label"]), f"{kind}.{f['name']}: {f['hint']}"
                    for option in f.get("options", []):
                        assert not english_in(option["label"]), f"{kind}.{f['name']}: {option}"
    assert hint("profile", "expertise", "nl").startswith("Waar je verstand van hebt")


def test_moderators_fields_are_theirs_only_and_commit_messages_are_dutch():
    config = decap_config("nl", {"name": "gitlab", "repo": "x/y", "branch": "main"})
    for collection in config["collections"]:
        for f in collection["fields"]:
            if f["name"] in MODERATOR_FIELDS:  # drawn for moderators only (test_editor_moderators)
                assert f["widget"] == "plein-moderated" and not f["required"]
    messages = config["backend"]["commit_messages"]
    assert not english_in(" ".join(messages.values()).replace("{{collection}}", "").replace("{{slug}}", ""))
    assert set(messages) == {"create", "update", "delete", "uploadMedia", "deleteMedia", "openAuthoring"}
