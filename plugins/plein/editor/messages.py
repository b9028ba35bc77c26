"""The web editor's messages for the rules of the schema, in plain words (issue 26).

Decap shows a field's pattern message when the field does not match (guards.js puts Decap's
own phrase, "… komt niet overeen met het patroon: …", aside and shows the message as it is).
So each message says the rule as a colleague would: "Een update is hoogstens 500 tekens."
When a text is too long, guards.js adds how long it is: "…; je hebt er 512." Required fields
get Decap's phrase in plain words from guards.js ("Vul ‘Titel’ in.")."""
from __future__ import annotations

from .words import label

# what a too-long text is, as the subject of the sentence
SUBJECTS = {
    "nl": {("update", "body"): "Een update", ("reply", "body"): "Een reactie",
           ("thread", "body"): "Een vraag", ("thread", "title"): "Een titel",
           ("news", "body"): "Een nieuwsbericht", ("news", "title"): "Een titel",
           ("news", "summary"): "Een samenvatting", ("kudos", "body"): "Een bedankje",
           ("profile", "bio"): "Wat je over jezelf schrijft"},
    "en": {("update", "body"): "An update", ("reply", "body"): "A reply",
           ("thread", "body"): "A question", ("thread", "title"): "A title",
           ("news", "body"): "A news item", ("news", "title"): "A title",
           ("news", "summary"): "A summary", ("kudos", "body"): "A thank-you",
           ("profile", "bio"): "What you write about yourself"},
}
TOO_LONG = {"nl": "{subject} is hoogstens {n} tekens.", "en": "{subject} is at most {n} characters."}
PATTERNS = {
    "nl": {"email": "Een e-mailadres ziet eruit als naam@wetterveen.nl, zonder spaties.",
           "url": "Een link begint met https:// of http://, zoals https://www.example.org/pagina."},
    "en": {"email": "An e-mail address looks like name@example.org, without spaces.",
           "url": "A link starts with https:// or http://, like https://www.example.org/page."},
}


def number(n: int, lang: str) -> str:
    return f"{n:,}".replace(",", "." if lang == "nl" else ",")


def too_long(kind: str, field: str, n: int, lang: str) -> str:
    """The rule 'at most n characters' of a field of a kind of record, as one sentence."""
    lang = lang if lang in TOO_LONG else "en"
    subject = SUBJECTS[lang].get((kind, field)) or f"‘{label(field, lang)}’"
    return TOO_LONG[lang].format(subject=subject, n=number(n, lang))


def pattern(rule: str, lang: str) -> str:
    """The rule of a pattern ('email', 'url') as one sentence with an example."""
    return PATTERNS.get(lang, PATTERNS["en"])[rule]
