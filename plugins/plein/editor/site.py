"""The editor's files on the site, under bewerken/: the page, Decap's config.yml, Decap itself
(its dist/ folder as npm installed it, without source maps), the YAML library and editor.js,
a service worker that keeps those libraries in the browser (worker.js),
and the small look-up files editor.js reads: who is who (accounts/), who takes kudos, the topics
in use (topics.json) and each thread's replies by author and first words (replies/).

Without Decap installed the page says how to install it, and the site builds as ever.
"""
from __future__ import annotations

import hashlib
import json
import os
from html import escape
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from mkdocs.structure.files import File

from ..site.csp import GITHUB_API, editor_policy, meta, origin
from ..site.pagecache import ContentFile
from ..model import fields as F
from ..policy.rules import PERSONAL
from ..search.documents import plain
from .config import FOLDER, decap_config
from .words import label

BROWSER = Path(__file__).parent / "browser"
GITHUB_API_ROOT = GITHUB_API.rstrip("/")
WORKER = Path(__file__).parent / "worker.js"  # bewerken/sw.js
DECAP = "decap-cms/dist"
YAML_LIB = "yaml/browser/dist"
LOCAL_BACKEND = "PLEIN_EDITOR_BACKEND"  # set by plein serve: the URL of its decap-server
LOCAL_PUBLISH = "PLEIN_LOCAL_PUBLISH"  # set by plein serve when it merges one's own saves itself


class EditorSite:
    def __init__(self, plugin_config, config, root: Path, serving: bool):
        self.options, self.config, self.root = plugin_config, config, root
        self.modules = Path(config.config_file_path).parent / plugin_config.editor_modules
        self.local = os.environ.get(LOCAL_BACKEND) if serving else None

    @property
    def installed(self) -> bool:
        return (self.modules / DECAP / "decap-cms.js").is_file() and (self.modules / YAML_LIB / "index.js").is_file()

    def files(self, org) -> list[File]:
        """Every file of bewerken/ for this build."""
        lang = self.options.language
        if not self.installed:
            return [self._text("index.html", self._page(lang, installed=False)),
                    self._text("local.json", _json({}))]  # plein.js asks; nobody is logged in
        out = [self._text("index.html", self._page(lang, installed=True)),
               self._text("config.yml", yaml.safe_dump(self.decap(lang), allow_unicode=True, sort_keys=False)),
               *(self._copy(f.name, f) for f in sorted(BROWSER.iterdir()) if f.suffix in (".js", ".css"))]
        libraries = self._tree(self.modules / DECAP, "decap") + self._tree(self.modules / YAML_LIB, "yaml")
        out += libraries
        out.append(self._text("sw.js", worker(libraries)))
        emails = self.options.show_contact  # e-mail addresses only where the site shows them anyway
        out += [self._text(f"accounts/{key}.json", _json(table))
                for key, table in sorted(accounts(org, emails).items())]
        out.append(self._text("kudos.json", _json(sorted(p.handle for p in org.people.values()
                                                        if p.kudos and not p.alumnus))))
        out.append(self._text("policy.json", _json({**publishing(self.options, lang),
                                                    "moderators": moderators(self.options, self.config)})))
        out.append(self._text("topics.json", _json(topics(org))))
        out += [self._text(f"threads/{thread_id}.json", _json(shown)) for thread_id, shown in threads(org).items()]
        # always there, empty on a published site, so that plein.js and editor.js never meet a 404
        out.append(self._text("local.json", _json({"email": _git_email(self.root),
                                                   "publishes": bool(os.environ.get(LOCAL_PUBLISH))}
                                                  if self.local else {})))
        return out

    def decap(self, lang: str) -> dict:
        return decap_config(lang, backend(self.options, self.config), self.local)

    def _page(self, lang: str, installed: bool) -> str:
        title = escape(label("page_title", lang).format(site=self.config.site_name))
        head = ('<meta charset="utf-8">\n'
                '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
                f'<meta name="robots" content="noindex">\n<title>{title}</title>\n')
        if not installed:
            rest = ("</head>\n<body>\n<main>\n"
                    f"<h1>{escape(label('no_editor', lang))}</h1>\n<p>{label('no_editor_how', lang)}</p>\n"
                    f'<p><a href="../">{escape(label("back", lang))}</a></p>\n</main>\n</body>\n</html>\n')
        else:
            rest = ('<link rel="stylesheet" href="editor.css">\n<link rel="stylesheet" href="fields.css">\n'
                    + self._preloads() +
                    '<script>window.CMS_MANUAL_INIT = true;</script>\n</head>\n<body>\n'
                    '<script src="decap/decap-cms.js" fetchpriority="high"></script>\n'
                    '<script src="../assets/search/engine.js"></script>\n'
                    '<script type="module" src="editor.js"></script>\n</body>\n</html>\n')
        # the Content-Security-Policy first in <head>, with the forge's API (site/csp.py)
        policy = editor_policy(head + rest, backend(self.options, self.config), origin(self.config.repo_url),
                               self.local)
        return f'<!doctype html>\n<html lang="{lang}">\n<head>\n{meta(policy)}\n' + head + rest

    def _preloads(self) -> str:
        """editor.js and every module it imports (its own and the YAML library's, 90 files),
        fetched at once while Decap downloads: found import by import, they arrived one level
        after another, 190 of the 1,050 ms until a phone showed one's profile form (issue 26)."""
        own = [f.name for f in sorted(BROWSER.iterdir()) if f.suffix == ".js"]
        top = self.modules / YAML_LIB
        library = sorted(f"yaml/{p.relative_to(top).as_posix()}" for p in top.rglob("*.js"))
        return "".join(f'<link rel="modulepreload" fetchpriority="low" href="{escape(name)}">\n' for name in own + library)

    def _text(self, name: str, content: str) -> File:
        return ContentFile.generated(self.config, f"{FOLDER}/{name}", content=content)

    def _copy(self, name: str, source: Path) -> File:
        return File.generated(self.config, f"{FOLDER}/{name}", abs_src_path=str(source))

    def _tree(self, top: Path, into: str) -> list[File]:
        out = []
        for folder, _, names in os.walk(top):
            for name in sorted(names):
                if name.endswith(".map") or _other_build(name):
                    continue  # source maps and the unused build: megabytes nobody needs
                path = Path(folder) / name
                out.append(self._copy(f"{into}/{path.relative_to(top).as_posix()}", path))
        return out


def worker(libraries: list[File]) -> str:
    """The service worker that keeps Decap and the YAML library in the browser (worker.js),
    named by a digest of their paths and bytes: the same for the same versions, in any clone."""
    digest = hashlib.blake2b(digest_size=8)
    for f in sorted(libraries, key=lambda f: f.src_uri):
        digest.update(f.src_uri.encode() + b"\0" + Path(f.abs_src_path).read_bytes() + b"\0")
    here = f"{FOLDER}/"
    first = sorted(f.src_uri[len(here):] for f in libraries
                   if f.src_uri == f"{here}decap/decap-cms.js"
                   or (f.src_uri.startswith(f"{here}yaml/") and f.src_uri.endswith(".js")))
    return WORKER.read_text(encoding="utf-8").replace("@VERSION@", digest.hexdigest()) \
        .replace("@FIRST@", json.dumps(first))


def _other_build(name: str) -> bool:
    """Decap's dist/ holds two builds of the same editor: decap-cms.js, which the page loads
    and which loads its parts as `N.decap-cms.js`, and cms.js with its `N.cms.js`. The second
    is 7.5 MB the site need not carry (issue 29: the site must fit the Pages limit)."""
    return name == "cms.js" or (name.endswith(".cms.js") and not name.endswith(".decap-cms.js")) \
        or name == "cms.js.LICENSE.txt"


def backend(options, config) -> dict:
    """Decap's backend from mkdocs.yml: GitLab with PKCE (no server needed) or GitHub."""
    repo_url = (config.repo_url or "").rstrip("/")
    parts = urlsplit(repo_url)
    base, repo = f"{parts.scheme}://{parts.netloc}", parts.path.strip("/")
    if options.forge == "gitlab":
        out = {"name": "gitlab", "repo": repo, "branch": options.branch, "auth_type": "pkce",
               "base_url": base, "api_root": f"{base}/api/v4", "auth_endpoint": "oauth/authorize"}
        if options.editor_app_id:
            out["app_id"] = options.editor_app_id
        return out
    out = {"name": "github", "repo": repo, "branch": options.branch}
    if options.editor_auth_url:
        out["base_url"] = options.editor_auth_url
    return out


def accounts(org, emails: bool = True) -> dict[str, dict]:
    """Forge usernames (and e-mail addresses) -> [handle, name], split by first character."""
    # every shard is written, empty ones too, so that a lookup never meets a 404 (the browser
    # logs each one as an error on the page)
    shards: dict[str, dict] = {c: {} for c in "_0123456789abcdefghijklmnopqrstuvwxyz"}
    for p in org.people.values():
        if p.alumnus:
            continue
        keys = ([f"e:{p.email.lower()}"] if emails else []) + \
            ([f"u:{p.forge_username.lower()}"] if p.forge_username else [])
        for key in keys:
            c = key[2:3]
            # the third item: whether the profile names a forge username, without which nothing
            # of theirs publishes at once (aftersave.js says so after Save)
            shards.setdefault(c if c.isascii() and c.isalnum() else "_", {})[key] = \
                [p.handle, p.name, 1 if p.forge_username else 0]
    return shards


def publishing(options, lang: str) -> dict:
    """What aftersave.js needs to say after Save what will happen: the kinds that publish at
    once (the option `publish`), the profile fields one may change oneself, and their labels."""
    return {"publish": sorted(getattr(options, "publish", ()) or ()), "personal": sorted(PERSONAL),
            "labels": {f.name: label(f.name, lang) for f in F.PROFILE}}


def moderators(options, config) -> dict | None:
    """Where moderators.js asks whether the person logged in is a moderator: the forge's API and
    the group of the option `moderators` (as CODEOWNERS writes it, '@intranet/moderators'), or
    None when the site names no forge to ask."""
    group = str(getattr(options, "moderators", "") or "").strip().lstrip("@").strip("/")
    if not group or not config.repo_url:
        return None
    if options.forge == "gitlab":
        return {"forge": "gitlab", "api": backend(options, config)["api_root"], "group": group}
    org, _, team = group.partition("/")
    return {"forge": "github", "api": GITHUB_API_ROOT, "org": org, "team": team} if team else None


def topics(org) -> list:
    """The topics colleagues use, most used first: [spelling shown, [other spellings]] (listfield.js)."""
    ranked = sorted(org.topics.values(), key=lambda t: (-len(t.people), t.label.casefold()))
    return [[t.label, [s for s in t.spellings if s != t.label]] for t in ranked]


FIRST_WORDS = 60  # characters of a reply shown where the accepted answer is chosen
QUESTION = 600  # characters of a question shown above the reply form: enough to recognise it


def threads(org) -> dict[str, dict]:
    """Per thread, for the editor's forms, as plain text: its title, who asked and the start
    of the question (the reply form, thread.js), and its replies as [reply id, author's name,
    first words] in date order (the accepted answer's menu, fields.js). Data, not the thread's
    page, so the browser never parses markup; one file a thread."""
    name = lambda handle: org.people[handle].name if handle in org.people else handle
    out = {}
    for thread in org.threads.values():
        parts = [" ".join(plain(part).split()) for part in thread.body.split("\n\n")]
        out[thread.id] = {"title": thread.title, "who": name(thread.author),
                          "question": _start("\n\n".join(p for p in parts if p), QUESTION),
                          "replies": [[r.id, name(r.author), _start(" ".join(plain(r.body).split()), FIRST_WORDS)]
                                      for r in thread.replies]}
    return out


def _start(text: str, most: int) -> str:
    """The text, or its first words up to `most` characters and an ellipsis."""
    return text if len(text) <= most else text[:most].rsplit(" ", 1)[0] + " …"


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=isinstance(value, dict))


def _git_email(root: Path) -> str:
    import git
    try:
        return git.Repo(root, search_parent_directories=True).config_reader().get_value("user", "email", "")
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        return ""  # no repository: the editor then says the account belongs to no profile
