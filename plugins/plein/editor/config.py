"""Decap CMS's config.yml, made from Plein's field declarations (model/fields.py).

One collection per kind of record. Widgets follow each field's kind; required fields,
lengths and patterns become Decap's validation; help texts are the field docs. Fields that
name a person or a team use Plein's own widgets (editor.js), which search the site's static
index instead of reading every file of a collection through the forge's API.

File names are Plein's: Decap's path and slug templates build them from the entry's own
fields. Fields whose name starts with '_' only place the file (the thread of a reply, the
author of an update, the year folder of news and kudos, which editor.js sets before a save
because Decap lowercases path templates, and with them a date format's 'YYYY'); Plein's file
format (editor.js) leaves them out of the file.
"""
from __future__ import annotations

from dataclasses import dataclass

import yaml

from ..model import fields as F
from ..model.load import MAX_PHOTO
from ..model.schema import EMAIL, URL
from .words import label

FOLDER = "bewerken"  # where the editor lives on the site
FORMAT = "plein"  # the file format editor.js registers: Plein's YAML, nothing else
DATETIME_FORMAT = "YYYY-MM-DD HH:mm"
DATE_FORMAT = "YYYY-MM-DD"
# Person and team fields that are the logged-in person: set by editor.js, never typed.
AUTHOR_FIELDS = {("thread", "author"), ("reply", "author"), ("kudos", "from")}


@dataclass(frozen=True)
class Collection:
    kind: str
    name: str
    folder: str
    extension: str
    slug: str
    path: str | None = None
    identifier: str | None = None
    summary: str | None = None
    create: bool = True
    filter: dict | None = None
    extra: tuple = ()  # (Field, widget) placed before the declared fields


# Kinds the editor has no form for: "this helped me" is one line of YAML in a file named after
# the reply and the person; the reply's button opens the forge's new-file page (site/views.py).
NOT_EDITED = frozenset({"helped"})

COLLECTIONS = (
    Collection("profile", "profiles", "profiles", "yml", "{{slug}}", identifier="name",
               summary="{{name}} · {{role}}"),
    Collection("team", "teams", "content/teams", "yml", "{{slug}}", identifier="name"),
    Collection("news", "news", "content/news", "md",
               "{{fields.date | date('YYYY-MM-DD')}}-{{slug}}",
               path="{{_year}}/{{slug}}", identifier="title"),
    Collection("thread", "threads", "content/discussions", "md", "{{slug}}", path="{{slug}}/index",
               identifier="title", filter={"field": "_thread_file", "value": True}),
    Collection("reply", "replies", "content/discussions", "md",
               "{{fields.date | date('YYYY-MM-DD')}}T{{fields.date | date('HH-mm')}}-{{author}}",
               path="{{_thread}}/replies/{{slug}}", identifier="author", summary="{{author}} · {{date}}",
               filter={"field": "_thread_file", "value": False},
               extra=(F.Field("_thread", F.STR, "The discussion you reply to.", True), "hidden")),
    Collection("update", "updates", "content/updates", "md",
               "{{fields.date | date('YYYY-MM-DD')}}-{{fields.date | date('HHmm')}}",
               path="{{_author}}/{{slug}}", identifier="date", summary="{{date}}",
               extra=(F.Field("_author", F.HANDLE, "You.", True), "plein-author")),
    Collection("kudos", "kudos", "content/kudos", "md",
               "{{fields.date | date('YYYY-MM-DD')}}-{{from}}-1",
               path="{{_year}}/{{slug}}", identifier="from", summary="{{from}} → {{to}}{{to_team}}"),
)


def decap_config(lang: str, backend: dict, local_backend: str | None = None) -> dict:
    """The whole config.yml: `backend` from the plugin's options; `local_backend` is the URL of
    a decap-server (plein serve), or None on a published site."""
    config = {
        "locale": lang,
        "backend": backend,
        "publish_mode": "editorial_workflow",  # every save is a branch and a merge request
        "media_folder": "content/uploads",
        "public_folder": "/uploads",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "search": False,  # Decap's search reads every file of every collection: not at 15,000 people
        "show_preview_links": False,
        "collections": [collection(c, lang) for c in COLLECTIONS],
    }
    if local_backend:
        config["local_backend"] = {"url": local_backend}
    return config


REFERENCE = "schema/decap-collections.yml"


def generated() -> dict[str, str]:
    """The collections as committed beside the JSON Schemas, in English: a change to the fields
    shows in review, and `plein schema --check` finds a stale copy. Builds make their own."""
    head = ("# Decap CMS collections of Plein's web editor, made from plugins/plein/model/fields.py\n"
            "# by `plein schema`. The site's bewerken/config.yml adds the backend and the language.\n")
    body = yaml.safe_dump([collection(c, "en") for c in COLLECTIONS], allow_unicode=True, sort_keys=False)
    return {REFERENCE: head + body}


def collection(c: Collection, lang: str) -> dict:
    declared, max_body = F.KINDS[c.kind]
    out = {"name": c.name, "label": label(c.name, lang), "label_singular": label(c.kind, lang),
           "folder": c.folder, "extension": c.extension, "format": FORMAT, "slug": c.slug,
           "create": c.create, "delete": False,
           "publish": False,  # merging happens in the forge, after CODEOWNERS approve
           "editor": {"preview": False}}
    for key, value in (("path", c.path), ("identifier_field", c.identifier), ("summary", c.summary),
                       ("filter", c.filter)):
        if value is not None:
            out[key] = value
    if c.kind == "profile":  # a media folder per person: Decap lists it whenever a profile opens
        out["media_folder"] = "photos/{{filename}}"
        out["public_folder"] = "photos/{{filename}}"
    fields = []
    if c.extra:
        extra_field, widget = c.extra
        fields.append({"name": extra_field.name, "label": label(extra_field.name, lang), "widget": widget})
    fields += [field(c.kind, f, lang) for f in declared]
    if max_body:
        fields.append(_body(c.kind, max_body, lang))
    out["fields"] = fields
    return out


def field(kind: str, f: F.Field, lang: str) -> dict:
    out = {"name": f.name, "label": label(f.name, lang), "hint": f.doc, "required": f.required}
    if (kind, f.name) in AUTHOR_FIELDS:
        return {**out, "widget": "plein-author"}
    out.update(_WIDGETS[f.kind](f))
    if f.kind == F.HANDLE and kind == "kudos" and f.name == "to":
        out["only"] = "kudos"  # only colleagues who opted in
    if f.kind in (F.DATE, F.DATETIME):
        out["default"] = "{{now}}" if f.required else ""  # the time of writing; an optional date stays empty
    if kind == "thread" and f.name == "kind":
        out["default"] = "question"
    if f.name == "hidden":  # for moderators (issue 25): no 'hidden: false' in every file written
        del out["default"]
    if f.kind in (F.STR, F.EMAIL, F.URL) and f.max_len and "pattern" not in out:
        out["pattern"] = [f"^[^\\n]{{0,{f.max_len}}}$", _too_long(f.max_len, lang)]
    elif f.kind in (F.TEXT, F.MARKDOWN) and f.max_len:
        out["pattern"] = [f"^[\\s\\S]{{0,{f.max_len}}}$", _too_long(f.max_len, lang)]
    return out


def _body(kind: str, max_body: int, lang: str) -> dict:
    # a plain text box: Decap's rich-text Markdown editor rewrites what people type
    return {"name": "body", "label": label("body", lang), "widget": "text", "required": True,
            "hint": label(f"body_{kind}", lang),
            "pattern": [f"^[\\s\\S]{{1,{max_body}}}$", _too_long(max_body, lang)]}


def _too_long(n: int, lang: str) -> str:
    return label("too_long", lang).format(n=f"{n:,}".replace(",", "." if lang == "nl" else ","))


def _select(f: F.Field, multiple: bool) -> dict:
    return {"widget": "select", "options": list(f.choices), "multiple": multiple}


_WIDGETS = {
    F.STR: lambda f: {"widget": "string"},
    F.TEXT: lambda f: {"widget": "text"},
    F.MARKDOWN: lambda f: {"widget": "text"},  # see _body
    F.HANDLE: lambda f: {"widget": "plein-person"},
    F.HANDLES: lambda f: {"widget": "plein-person", "multiple": True},
    F.TEAM: lambda f: {"widget": "plein-team"},
    F.TEAMS: lambda f: {"widget": "plein-team", "multiple": True},
    F.LIST: lambda f: {"widget": "list", "max": F.MAX_LIST},
    F.DATE: lambda f: {"widget": "datetime", "format": DATE_FORMAT, "date_format": "DD-MM-YYYY",
                       "time_format": False, "picker_utc": False},
    F.DATETIME: lambda f: {"widget": "datetime", "format": DATETIME_FORMAT, "date_format": "DD-MM-YYYY",
                           "time_format": "HH:mm", "picker_utc": False},
    F.BOOL: lambda f: {"widget": "boolean", "default": False},
    F.EMAIL: lambda f: {"widget": "string", "pattern": [EMAIL, "name@example.org"]},
    F.URL: lambda f: {"widget": "string", "pattern": [URL, "https://…"]},
    F.LINKS: lambda f: {"widget": "list", "max": F.MAX_LIST, "fields": [
        {"name": "title", "label": "Title", "widget": "string"},
        {"name": "url", "label": "URL", "widget": "string", "pattern": [URL, "https://…"]}]},
    F.ENUM: lambda f: _select(f, False),
    F.ENUMS: lambda f: _select(f, True),
    F.FILE: lambda f: {"widget": "image", "choose_url": False,
                       "media_library": {"allow_multiple": False, "config": {"max_file_size": MAX_PHOTO}}},
    F.AUDIENCE: lambda f: {"widget": "object", "collapsed": True, "fields": [
        {"name": "teams", "label": "Teams", "widget": "plein-team", "multiple": True, "required": False},
        {"name": "locations", "label": "Locations", "widget": "list", "required": False}]},
}
