"""The fields of every kind of record: one declaration that the loader, the JSON Schemas
and the content reference page are all made from."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# Kinds of value. The loader converts each kind; schema.py maps each to JSON Schema.
STR = "str"  # one line of text
TEXT = "text"  # free text, may span lines
MARKDOWN = "markdown"  # free text rendered as Markdown (sanitised)
HANDLE = "handle"  # a person's handle
HANDLES = "handles"  # a list of handles
TEAM = "team"  # a team id
TEAMS = "teams"  # a list of team ids
LIST = "list"  # a list of short strings
DATE = "date"  # YYYY-MM-DD
DATETIME = "datetime"  # YYYY-MM-DD HH:MM (or a date: midnight)
BOOL = "bool"
EMAIL = "email"
URL = "url"
LINKS = "links"  # a list of {title, url}
ENUM = "enum"
ENUMS = "enums"  # a list of enum values
FILE = "file"  # a file name beside the record's file
AUDIENCE = "audience"  # {teams: [...], locations: [...]}

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
LANGUAGES = ("nl", "en", "de", "fr", "es", "it", "pt", "tr", "ar", "pl", "uk", "ro", "pap", "fy", "so",
             "ti", "zh", "hi", "ta", "other")
THREAD_KINDS = ("question", "discussion")
DIGEST = ("weekly", "daily", "off")
NOTIFY = ("instant", "digest", "off")

MAX_SHORT = 200  # characters in a one-line field
MAX_BIO = 5000
MAX_BODY = 50_000
MAX_UPDATE = 500  # a status update is short, like a post, not an article
MAX_KUDOS = 1000
MAX_LIST = 50


@dataclass(frozen=True)
class Field:
    name: str
    kind: str
    doc: str
    required: bool = False
    max_len: int | None = None
    choices: tuple[str, ...] = ()
    example: Any = None


def _f(name, kind, doc, required=False, max_len=None, choices=(), example=None) -> Field:
    if max_len is None and kind in (STR, EMAIL, URL, HANDLE, TEAM):
        max_len = MAX_SHORT
    return Field(name, kind, doc, required, max_len, tuple(choices), example)


PROFILE = (
    _f("name", STR, "Full name as colleagues know you.", True, example="Jan de Vries"),
    _f("pronouns", STR, "Pronouns, optional.", example="hij/hem"),
    _f("role", STR, "Job title.", True, example="Beleidsadviseur ruimtelijke ordening"),
    _f("team", TEAM, "Id of your team (a file in content/teams/).", True, example="ruimte"),
    _f("manager", HANDLE, "Handle of your manager; leave out at the top of the organisation.",
       example="fatima-el-amrani"),
    _f("location", STR, "Where you usually work.", example="Stadskantoor"),
    _f("office_days", ENUMS, "Days you are usually in the office.", choices=WEEKDAYS,
       example=["mon", "tue", "thu"]),
    _f("languages", ENUMS, "Languages you speak (ISO codes).", choices=LANGUAGES, example=["nl", "en"]),
    _f("expertise", LIST, "Topics you know about. 'GIS' and 'gis' are the same topic.",
       example=["GIS", "Omgevingswet"]),
    _f("ask_me_about", LIST, "Things colleagues may always ask you about.", example=["QGIS"]),
    _f("interests", LIST, "Interests outside work.", example=["hardlopen"]),
    _f("bio", MARKDOWN, "A few sentences about you and your work (Markdown).", max_len=MAX_BIO,
       example="Ik werk aan de **omgevingsvisie**."),
    _f("email", EMAIL, "Work e-mail address; also proves you wrote your own contributions.", True,
       example="jan.devries@gemeente.example"),
    _f("phone", STR, "Work phone number, shown only if present.", example="+31 30 123 4567"),
    _f("chat", STR, "Chat handle.", example="@jan.devries"),
    _f("forge_username", STR, "Your GitLab or GitHub username: you approve changes to your profile.",
       example="jdevries"),
    _f("links", LINKS, "Links, each with a title and a url.",
       example=[{"title": "Omgevingsvisie", "url": "https://example.org/visie"}]),
    _f("photo", FILE, "File name of your photo, beside this profile (PNG or JPEG, at most 2 MB).",
       example="jan-de-vries.png"),
    _f("started", DATE, "Date you joined.", True, example="2019-03-01"),
    _f("left", DATE, "Date you left: you become an alumnus and everything you wrote stays."),
    _f("kudos", BOOL, "true if colleagues may give you kudos (opt-in).", example=True),
    _f("language", ENUM, "Language of the text when it is not the site's (an ISO code, e.g. en); "
       "left out, Plein detects it, so that screen readers pronounce it right.", choices=LANGUAGES,
       example="en"),
    _f("digest", ENUM, "How often you get the digest e-mail of what is new for you: weekly (the default), "
       "daily or off. Off also stops the 'can you help?' mails about new questions.", choices=DIGEST,
       example="weekly"),
    _f("notify", ENUM, "When a colleague replies to your question or names you with @handle: instant "
       "(the default: an e-mail within minutes), digest (it waits for your digest) or off.",
       choices=NOTIFY, example="instant"),
)

TEAM_FIELDS = (
    _f("name", STR, "Team name.", True, example="Ruimtelijke Ordening"),
    _f("parent", TEAM, "Id of the parent team; leave out for the top.", example="fysiek-domein"),
    _f("lead", HANDLE, "Handle of the team lead.", example="fatima-el-amrani"),
    _f("description", MARKDOWN, "What the team does (Markdown).", max_len=MAX_BIO),
    _f("channel", STR, "Where to reach the team (chat channel or mailbox).", example="#ruimte"),
    _f("language", ENUM, "Language of the text when it is not the site's (an ISO code, e.g. en); "
       "left out, Plein detects it, so that screen readers pronounce it right.", choices=LANGUAGES,
       example="en"),
)

NEWS = (
    _f("title", STR, "Headline.", True),
    _f("date", DATETIME, "Publish date and time; a future date schedules the item.", True,
       example="2026-11-20 09:00"),
    _f("expires", DATETIME, "After this the item moves to the archive.", example="2026-12-31"),
    _f("pinned", BOOL, "Pinned items come first.", example=False),
    _f("authors", HANDLES, "Handles of the authors.", True, example=["sanne-bakker"]),
    _f("audience", AUDIENCE, "Who it is for: {teams: [...], locations: [...]}; leave out for everyone.",
       example={"teams": ["ruimte"]}),
    _f("tags", LIST, "Topics.", example=["omgevingswet"]),
    _f("summary", TEXT, "One or two sentences for listings.", max_len=500),
    _f("language", ENUM, "Language of the text when it is not the site's (an ISO code, e.g. en); "
       "left out, Plein detects it, so that screen readers pronounce it right.", choices=LANGUAGES,
       example="en"),
)

# Set by a moderator on a reply, question, status update or kudos (issue 25): the item leaves the
# site, search, the feeds, the digest and the notifications, and stays in Git history.
HIDDEN = (
    _f("hidden", BOOL, "For moderators: true hides this item from the site, search, the digest and "
       "notifications (a hidden question hides its replies too); Git keeps it. Needs hidden_reason.",
       example=True),
    _f("hidden_reason", STR, "For moderators: why the item is hidden, in a few words; shown on the "
       "moderators' page. Required with hidden: true.", example="persoonlijke gegevens van een collega"),
)

THREAD = (
    _f("title", STR, "The question or subject.", True),
    _f("author", HANDLE, "Your handle.", True),
    _f("date", DATETIME, "When you asked.", True),
    _f("kind", ENUM, "question or discussion.", True, choices=THREAD_KINDS, example="question"),
    _f("tags", LIST, "Topics; they link the thread to expertise pages.", example=["gis"]),
    _f("accepted", STR, "Name of the accepted reply's file, without .md.",
       example="2026-11-02T10-15-jan-de-vries"),
    _f("language", ENUM, "Language of the text when it is not the site's (an ISO code, e.g. en); "
       "left out, Plein detects it, so that screen readers pronounce it right.", choices=LANGUAGES,
       example="en"),
    *HIDDEN,
)

REPLY = (
    _f("author", HANDLE, "Your handle.", True),
    _f("date", DATETIME, "When you replied.", True),
    _f("language", ENUM, "Language of the text when it is not the site's (an ISO code, e.g. en); "
       "left out, Plein detects it, so that screen readers pronounce it right.", choices=LANGUAGES,
       example="en"),
    *HIDDEN,
)

UPDATE = (
    _f("date", DATETIME, "When you posted it.", True),
    _f("tags", LIST, "Topics, optional."),
    _f("language", ENUM, "Language of the text when it is not the site's (an ISO code, e.g. en); "
       "left out, Plein detects it, so that screen readers pronounce it right.", choices=LANGUAGES,
       example="en"),
    *HIDDEN,
)

KUDOS = (
    _f("from", HANDLE, "Your handle.", True),
    _f("to", HANDLE, "Handle of the colleague (who must have opted in); or use to_team."),
    _f("to_team", TEAM, "Id of the team, instead of to."),
    _f("date", DATE, "Date.", True),
    _f("language", ENUM, "Language of the text when it is not the site's (an ISO code, e.g. en); "
       "left out, Plein detects it, so that screen readers pronounce it right.", choices=LANGUAGES,
       example="en"),
    *HIDDEN,
)

HELPED = (
    _f("date", DATE, "When the reply helped you.", True, example="2026-11-20"),
)

# record kind -> (fields, max body length or None when the record has no body)
KINDS: dict[str, tuple[tuple[Field, ...], int | None]] = {
    "profile": (PROFILE, None),
    "team": (TEAM_FIELDS, None),
    "news": (NEWS, MAX_BODY),
    "thread": (THREAD, MAX_BODY),
    "reply": (REPLY, MAX_BODY),
    "update": (UPDATE, MAX_UPDATE),
    "kudos": (KUDOS, MAX_KUDOS),
    "helped": (HELPED, None),  # "this helped me": a reply's thanks, no text
}
