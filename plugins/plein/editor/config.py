"""Decap CMS's config.yml, made from Plein's field declarations (model/fields.py).

One collection per kind of record. Widgets follow each field's kind; required fields,
lengths and patterns become Decap's validation. Labels, help and the values of choices are in
the site's language (words.py, hints.py), never the field docs of model/fields.py, which are
written for whoever edits YAML. Fields that name a person or a team use Plein's own widgets
(editor.js), which search the site's static index instead of reading every file of a collection
through the forge's API, and show names, not ids. Lists take what people type (listfield.js);
choices are checkboxes and plain menus (fields.js). What the person may not set is shown
read-only with the reason (HR's fields of a profile), or only to moderators (hiding an item:
moderators.js asks the forge whether the person logged in is in the moderators' group).

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
from ..policy.rules import HR
from .hints import hint
from .messages import pattern, too_long  # the rules in plain words (issue 26)
from .words import DECAP_COMMITS, choice_labels, label

FOLDER = "bewerken"  # where the editor lives on the site
FORMAT = "plein"  # the file format editor.js registers: Plein's YAML, nothing else
DATETIME_FORMAT = "YYYY-MM-DD HH:mm"
DATE_FORMAT = "YYYY-MM-DD"
# Person and team fields that are the logged-in person: set by editor.js, never typed.
AUTHOR_FIELDS = {("thread", "author"), ("reply", "author"), ("kudos", "from")}
# What only moderators set (issue 25): shown to moderators only, kept in the file as it was
MODERATOR_FIELDS = {"hidden", "hidden_reason"}
# A profile's fields that HR keeps (policy/rules.py): read-only in an existing profile
HR_FIELDS = frozenset(HR)
# Lists whose items are topics: offered from the topics colleagues already use (topics.json)
TOPIC_LISTS = {"expertise", "ask_me_about", "tags"}


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
    extra: tuple = ()  # (Field, widget) pairs placed before the declared fields


# Kinds the editor has no form for. "This helped me" (issue 25) has one: a file named after the
# reply and the person, content/discussions/<thread>/helped/<reply>--<handle>.yml, which a link
# bewerken/#/collections/helped/new?_thread=<thread>&_reply=<reply> opens with a date and Save.
# Decap lowercases the values in a slug, and the reply's id holds a 'T': editor.js sets _day and
# _rest, the parts before and after it, and the template writes the 'T' itself.
NOT_EDITED = frozenset()

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
               extra=((F.Field("_thread", F.STR, "The discussion you reply to.", True), "hidden"),)),
    Collection("update", "updates", "content/updates", "md",
               "{{fields.date | date('YYYY-MM-DD')}}-{{fields.date | date('HHmm')}}",
               path="{{_author}}/{{slug}}", identifier="date", summary="{{date}}",
               extra=((F.Field("_author", F.HANDLE, "You.", True), "plein-author"),)),
    Collection("kudos", "kudos", "content/kudos", "md",
               "{{fields.date | date('YYYY-MM-DD')}}-{{from}}-1",
               path="{{_year}}/{{slug}}", identifier="from", summary="{{from}} → {{to}}{{to_team}}"),
    Collection("helped", "helped", "content/discussions", "yml", "{{_day}}T{{_rest}}--{{_by}}",
               path="{{_thread}}/helped/{{slug}}", identifier="date", summary="{{date}}",
               extra=((F.Field("_thread", F.STR, "The discussion.", True), "hidden"),
                      (F.Field("_reply", F.STR, "The reply that helped.", True), "hidden"),
                      (F.Field("_by", F.HANDLE, "You.", True), "plein-author"))),
)


def decap_config(lang: str, backend: dict, local_backend: str | None = None) -> dict:
    """The whole config.yml: `backend` from the plugin's options; `local_backend` is the URL of
    a decap-server (plein serve), or None on a published site."""
    config = {
        "locale": lang,
        # commit.js writes the commit messages; these are Decap's, for what it cannot see
        "backend": {**backend, "commit_messages": DECAP_COMMITS.get(lang, DECAP_COMMITS["en"])},
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
    fields = [{"name": extra_field.name, "label": label(extra_field.name, lang), "widget": widget}
              for extra_field, widget in c.extra]
    fields += [field(c.kind, f, lang) for f in declared]
    if max_body:
        fields.append(_body(c.kind, max_body, lang))
    out["fields"] = fields
    return out


def field(kind: str, f: F.Field, lang: str) -> dict:
    out = {"name": f.name, "label": label(f.name, lang), "hint": hint(kind, f.name, lang), "required": f.required}
    if (kind, f.name) in AUTHOR_FIELDS:
        return {**out, "widget": "plein-author"}
    if f.name in MODERATOR_FIELDS:
        return {**out, "widget": "plein-moderated", "as": _WIDGETS[f.kind](f, lang)["widget"], "required": False}
    out.update(_WIDGETS[f.kind](f, lang))
    if f.kind in (F.ENUM, F.ENUMS):
        out["options"] = choice_labels(f.name, f.choices, lang)
    if f.kind == F.LIST and f.name in TOPIC_LISTS:
        out["topics"] = True  # listfield.js offers the site's topics
    if kind == "thread" and f.name == "accepted":
        out["widget"] = "plein-accepted"  # the thread's replies by author and first words
    if kind == "profile" and f.name in HR_FIELDS:
        # read-only in an existing profile; a new profile fills them in with the widget in 'as'
        out.update({"widget": "plein-hr", "as": out["widget"], "note": label("hr_note", lang)})
    if f.kind == F.HANDLE and kind == "kudos" and f.name == "to":
        out["only"] = "kudos"  # only colleagues who opted in
    if f.kind in (F.DATE, F.DATETIME):
        out["default"] = "{{now}}" if f.required else ""  # the time of writing; an optional date stays empty
    if kind == "thread" and f.name == "kind":
        out["default"] = "question"
    if f.kind in (F.STR, F.EMAIL, F.URL) and f.max_len and "pattern" not in out:
        out["pattern"] = [f"^[^\\n]{{0,{f.max_len}}}$", too_long(kind, f.name, f.max_len, lang)]
    elif f.kind in (F.TEXT, F.MARKDOWN) and f.max_len:
        out["pattern"] = [f"^[\\s\\S]{{0,{f.max_len}}}$", too_long(kind, f.name, f.max_len, lang)]
    return out


def _body(kind: str, max_body: int, lang: str) -> dict:
    # a plain text box: Decap's rich-text Markdown editor rewrites what people type
    return {"name": "body", "label": label("body", lang), "widget": "text", "required": True,
            "hint": label(f"body_{kind}", lang),
            "pattern": [f"^[\\s\\S]{{1,{max_body}}}$", too_long(kind, "body", max_body, lang)]}


def _choices(f: F.Field, multiple: bool) -> dict:
    # fields.js: checkboxes for several, the browser's own menu for one (no English from a library)
    return {"widget": "plein-choices", "multiple": multiple}


_WIDGETS = {
    F.STR: lambda f, lang: {"widget": "string"},
    F.TEXT: lambda f, lang: {"widget": "text"},
    F.MARKDOWN: lambda f, lang: {"widget": "text"},  # see _body
    F.HANDLE: lambda f, lang: {"widget": "plein-person"},
    F.HANDLES: lambda f, lang: {"widget": "plein-person", "multiple": True},
    F.TEAM: lambda f, lang: {"widget": "plein-team"},
    F.TEAMS: lambda f, lang: {"widget": "plein-team", "multiple": True},
    F.LIST: lambda f, lang: {"widget": "plein-list", "max": F.MAX_LIST},
    F.DATE: lambda f, lang: {"widget": "datetime", "format": DATE_FORMAT, "date_format": "DD-MM-YYYY",
                             "time_format": False, "picker_utc": False},
    F.DATETIME: lambda f, lang: {"widget": "datetime", "format": DATETIME_FORMAT, "date_format": "DD-MM-YYYY",
                                 "time_format": "HH:mm", "picker_utc": False},
    F.BOOL: lambda f, lang: {"widget": "boolean", "default": False},
    F.EMAIL: lambda f, lang: {"widget": "string", "pattern": [EMAIL, pattern("email", lang)]},
    F.URL: lambda f, lang: {"widget": "string", "pattern": [URL, pattern("url", lang)]},
    F.LINKS: lambda f, lang: {"widget": "list", "max": F.MAX_LIST, "fields": [
        {"name": "title", "label": label("link_title", lang), "widget": "string"},
        {"name": "url", "label": label("link_url", lang), "widget": "string", "pattern": [URL, pattern("url", lang)]}]},
    F.ENUM: lambda f, lang: _choices(f, False),
    F.ENUMS: lambda f, lang: _choices(f, True),
    F.FILE: lambda f, lang: {"widget": "image", "choose_url": False,
                             "media_library": {"allow_multiple": False, "config": {"max_file_size": MAX_PHOTO}}},
    F.AUDIENCE: lambda f, lang: {"widget": "object", "collapsed": True, "fields": [
        {"name": "teams", "label": label("audience_teams", lang), "widget": "plein-team", "multiple": True,
         "required": False},
        {"name": "locations", "label": label("audience_locations", lang), "widget": "plein-list",
         "required": False}]},
}
