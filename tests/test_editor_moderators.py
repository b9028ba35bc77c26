"""What only moderators use is shown to moderators only (issue 26): hiding an item and why.

The editor asks the forge whether the person logged in is in the moderators' group (editor/
browser/moderators.js). Here the forge is a small local HTTP server playing GitLab's one
endpoint, `GET /api/v4/groups/:group/members/all/:user_id`, for the site's repo_url; the site is
`plein serve` of the example with its decap-server, in headless Chromium, as in
test_editor_browser. The login is decap-server's, with the user's id and token added as Decap
keeps a GitLab login, since decap-server's carries no token."""
from __future__ import annotations

import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import yaml

from test_editor_browser import REPO, git, saved, served
from test_serve import free_port

pytestmark = pytest.mark.browser
THREAD = "zaaksysteem-koppelen-aan-bag-api"  # Ruben de Wit's question
FORM = f"bewerken/#/collections/threads/entries/{THREAD}/index"
GROUP = "intranet%2Fmoderators"  # the example's option moderators: "@intranet/moderators"
TOKENS = {"token-of-a-moderator": 7, "token-of-someone-else": 8}
MODERATORS = {7}


class Forge(BaseHTTPRequestHandler):
    asked: list = []

    def log_message(self, *args):
        pass

    def _send(self, status: int, body=None) -> None:
        data = json.dumps(body).encode() if body is not None else b""
        self.send_response(status)
        # GitLab answers the API from any origin (CORS), with the Authorization header
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Headers", "Authorization")
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_OPTIONS(self):
        self._send(204)

    def do_GET(self):
        Forge.asked.append((self.path, self.headers.get("Authorization")))
        token = (self.headers.get("Authorization") or "").removeprefix("Bearer ")
        if token not in TOKENS:
            return self._send(401, {"message": "401 Unauthorized"})
        prefix = f"/api/v4/groups/{GROUP}/members/all/"
        if not self.path.startswith(prefix):
            return self._send(404, {"message": "404 Not Found"})
        user = int(self.path[len(prefix):])
        if user in MODERATORS:
            return self._send(200, {"id": user, "username": "jdevries", "access_level": 30, "state": "active"})
        return self._send(404, {"message": "404 Not found"})


@pytest.fixture(scope="module")
def forge():
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), Forge)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="module")
def intranet_on_forge(tmp_path_factory, forge):
    """The example served with its repo_url on the local forge."""
    config = (REPO / "mkdocs.yml").read_text()
    old = yaml.safe_load(config)["repo_url"]
    with served(tmp_path_factory.mktemp("moderators"), config.replace(old, f"{forge}/wetterveen/intranet")) as running:
        yield running


# As Decap's GitLab backend keeps a login (the user's id and token beside its own fields): the
# local backend writes its own user at every start, without them, so they are added to each write.
AS_GITLAB_KEEPS_IT = """([token, id]) => {
  const write = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    if (key === "decap-cms-user") value = JSON.stringify({...JSON.parse(value), token, id});
    return write.call(this, key, value);
  };
}"""


def open_form(browser, url: str, token: str | None, user_id: int | None):
    context = browser.new_context(viewport={"width": 375, "height": 800}, locale="nl-NL",
                                  timezone_id="Europe/Amsterdam")
    if token:
        context.add_init_script(f"({AS_GITLAB_KEEPS_IT})({json.dumps([token, user_id])})")
    page = context.new_page()
    page.goto(url + "/bewerken/")
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_timeout(500)
    page.goto("about:blank")  # then the form's page afresh, not a new hash of the logged-in one
    page.goto(f"{url}/{FORM}")
    page.get_by_label("Titel", exact=True).wait_for(timeout=20_000)
    page.wait_for_timeout(800)  # the forge's answer
    return page


def test_a_moderator_sees_and_sets_hidden_and_why(chromium_browser, intranet_on_forge):
    root, url = intranet_on_forge
    Forge.asked.clear()
    page = open_form(chromium_browser, url, "token-of-a-moderator", 7)
    try:
        hidden = page.get_by_role("switch", name=re.compile(r"^Verborgen \(moderatoren\)"))
        reason = page.get_by_role("textbox", name=re.compile(r"^Waarom verborgen \(moderatoren\)"))
        assert hidden.is_visible() and reason.is_visible()
        assert page.get_by_text("Zeg in het volgende veld waarom").is_visible()  # the help, in Dutch
        assert (f"/api/v4/groups/{GROUP}/members/all/7", "Bearer token-of-a-moderator") in Forge.asked
        hidden.click()
        reason.fill("persoonlijke gegevens van een collega")
        page.get_by_role("button", name="Opslaan").click()
        branch = saved(root, "threads/")
        text = git(root, "show", f"{branch}:content/discussions/{THREAD}/index.md")
        front = yaml.safe_load(text.split("---")[1])
        assert front["hidden"] is True and front["hidden_reason"] == "persoonlijke gegevens van een collega"
        assert front["author"] == "ruben-de-wit"  # the rest as it was
    finally:
        page.context.close()


@pytest.mark.parametrize("token, user_id", [
    (None, None),  # plein serve's own login: no token
    ("token-of-someone-else", 8),  # a member of staff who is not a moderator
    ("a-token-the-forge-does-not-know", 7),  # a moderator's id with a token that is not theirs
])
def test_anyone_else_does_not_see_them(chromium_browser, intranet_on_forge, token, user_id):
    """The fields, their labels and their help are not on the page; the form itself is."""
    _, url = intranet_on_forge
    page = open_form(chromium_browser, url, token, user_id)
    try:
        text = page.evaluate("() => document.body.innerText")
        assert "Verborgen" not in text and "Waarom verborgen" not in text and "volgende veld" not in text
        assert page.get_by_label("Titel", exact=True).is_visible()
    finally:
        page.context.close()
