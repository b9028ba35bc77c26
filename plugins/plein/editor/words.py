"""The editor's words in Dutch and English: collection and field labels, and the editor
page. A word missing in Dutch falls back to English; a field without a word shows its name."""
from __future__ import annotations

from babel import Locale

from ..model import fields as F
from ..site.i18n import Lang

EN = {
    "profiles": "Profiles", "profile": "Profile", "teams": "Teams", "team": "Team", "news": "News",
    "threads": "Questions and discussions", "thread": "Question or discussion", "replies": "Replies",
    "reply": "Reply", "updates": "Status updates", "update": "Status update", "kudos": "Kudos",
    "name": "Name", "pronouns": "Pronouns", "role": "Role", "manager": "Manager", "location": "Location",
    "office_days": "Office days", "languages": "Languages", "expertise": "Expertise",
    "ask_me_about": "Ask me about", "interests": "Interests", "bio": "About you", "email": "E-mail",
    "phone": "Phone", "chat": "Chat", "forge_username": "GitLab or GitHub username", "links": "Links",
    "photo": "Photo", "started": "Started", "left": "Left", "parent": "Part of", "lead": "Lead",
    "description": "Description", "channel": "Channel", "title": "Title", "date": "Date",
    "expires": "Expires", "pinned": "Pinned", "authors": "Authors", "audience": "Audience",
    "tags": "Topics", "summary": "Summary", "author": "Author", "kind": "Kind",
    "accepted": "Accepted answer", "from": "From", "to": "To a colleague", "to_team": "Or to a team",
    "_thread": "Discussion", "_author": "Author", "body": "Text",
    "body_news": "The news item (Markdown).", "body_thread": "Your question or subject (Markdown).",
    "body_reply": "Your reply (Markdown).", "body_update": "At most 500 characters.",
    "body_kudos": "Why you thank them; at most 1,000 characters.",
    "too_long": "At most {n} characters.",
    "hidden": "Hidden (moderators)", "hidden_reason": "Why hidden (moderators)",
    "notify": "E-mail about replies and mentions",
    "page_title": "Edit — {site}",
    "no_editor": "The web editor is not installed on this site.",
    "no_editor_how": "Whoever builds the site runs <code>make install</code> (which installs Node.js "
                     "and runs <code>npm ci</code>) and builds again. Until then, use the forge's web "
                     "editor or the <code>plein</code> command: see the contributor guide.",
    "back": "Back to the intranet",
    "language": "Language of the text", "kudos": "Kudos", "digest": "E-mail with what is new",
    "link_title": "Title", "link_url": "Address (https://…)", "audience_teams": "Teams",
    "audience_locations": "Locations", "_reply": "Reply", "_by": "You",
    "hr_note": "Changes go through HR.", "moderator_note": "Changes go through the moderators.",
    "none": "None",
    "helped": "This helped me", "helpeds": "This helped me",
}

NL = {
    "profiles": "Profielen", "profile": "Profiel", "teams": "Teams", "team": "Team", "news": "Nieuws",
    "threads": "Vragen en discussies", "thread": "Vraag of discussie", "replies": "Reacties",
    "reply": "Reactie", "updates": "Statusupdates", "update": "Statusupdate", "kudos": "Kudos",
    "name": "Naam", "pronouns": "Voornaamwoorden", "role": "Functie", "manager": "Leidinggevende",
    "location": "Werkplek", "office_days": "Kantoordagen", "languages": "Talen", "expertise": "Expertise",
    "ask_me_about": "Vraag me over", "interests": "Interesses", "bio": "Over jou", "email": "E-mail",
    "phone": "Telefoon", "chat": "Chat", "forge_username": "Gebruikersnaam op GitLab of GitHub",
    "links": "Links", "photo": "Foto", "started": "In dienst sinds", "left": "Uit dienst",
    "parent": "Onderdeel van", "lead": "Teamleider", "description": "Beschrijving", "channel": "Kanaal",
    "title": "Titel", "date": "Datum", "expires": "Verloopt", "pinned": "Vastgepind", "authors": "Auteurs",
    "audience": "Voor wie", "tags": "Onderwerpen", "summary": "Samenvatting", "author": "Auteur",
    "kind": "Soort", "accepted": "Geaccepteerd antwoord", "from": "Van", "to": "Aan een collega",
    "to_team": "Of aan een team", "_thread": "Discussie", "_author": "Auteur", "body": "Tekst",
    "body_news": "Het nieuwsbericht (Markdown).", "body_thread": "Je vraag of onderwerp (Markdown).",
    "body_reply": "Je reactie (Markdown).", "body_update": "Hooguit 500 tekens.",
    "body_kudos": "Waarvoor je ze bedankt; hooguit 1.000 tekens.",
    "too_long": "Hooguit {n} tekens.",
    "hidden": "Verborgen (moderatoren)", "hidden_reason": "Waarom verborgen (moderatoren)",
    "notify": "E-mail bij reacties en vermeldingen",
    "page_title": "Bewerken — {site}",
    "no_editor": "De webeditor is op deze site niet geïnstalleerd.",
    "no_editor_how": "Wie de site bouwt, draait <code>make install</code> (dat installeert Node.js en "
                     "draait <code>npm ci</code>) en bouwt opnieuw. Gebruik tot dan de webeditor van de "
                     "forge of het commando <code>plein</code>: zie de handleiding voor bijdragen.",
    "back": "Terug naar het intranet",
    "language": "Taal", "kudos": "Kudos", "digest": "E-mail met wat er nieuw is",
    "link_title": "Titel", "link_url": "Adres (https://…)", "audience_teams": "Teams",
    "audience_locations": "Plaatsen", "_reply": "Reactie", "_by": "Jij",
    "hr_note": "Wijzigingen gaan via HR.", "moderator_note": "Wijzigingen gaan via de moderatoren.",
    "none": "Geen",
    "helped": "Dit hielp mij", "helpeds": "Dit hielp mij",
}

_WORDS = {"en": EN, "nl": {**EN, **NL}}

# The values of a choice field, as staff read them (the file keeps the value)
CHOICES = {
    "en": {"digest": {"weekly": "Weekly", "daily": "Daily", "off": "Never"},
           "notify": {"instant": "At once", "digest": "With my e-mail of what is new", "off": "Never"},
           "kind": {"question": "Question", "discussion": "Discussion"}},
    "nl": {"digest": {"weekly": "Wekelijks", "daily": "Dagelijks", "off": "Nooit"},
           "notify": {"instant": "Meteen", "digest": "Met mijn e-mail van wat er nieuw is", "off": "Nooit"},
           "kind": {"question": "Vraag", "discussion": "Discussie"}},
}

# Decap's commit messages (backend.commit_messages), which commit.js replaces by ones that name
# the thread, the title and the person; Decap's placeholders: collection, slug, path, author-login,
# author-name
DECAP_COMMITS = {
    "en": {"create": "New {{collection}} '{{slug}}' by {{author-name}}",
           "update": "Changed {{collection}} '{{slug}}' by {{author-name}}",
           "delete": "Removed {{collection}} '{{slug}}' by {{author-name}}",
           "uploadMedia": "File '{{path}}' by {{author-name}}", "deleteMedia": "Removed file '{{path}}'",
           "openAuthoring": "{{message}}"},
    "nl": {"create": "Nieuw: {{collection}} '{{slug}}' door {{author-name}}",
           "update": "Gewijzigd: {{collection}} '{{slug}}' door {{author-name}}",
           "delete": "Verwijderd: {{collection}} '{{slug}}' door {{author-name}}",
           "uploadMedia": "Bestand '{{path}}' door {{author-name}}", "deleteMedia": "Bestand '{{path}}' verwijderd",
           "openAuthoring": "{{message}}"},
}


def choice_labels(name: str, choices, lang: str) -> list[dict]:
    """Decap's options for a choice field: the value as the file keeps it, the label as staff
    read it (weekdays and languages by Babel, in the site's language)."""
    words = CHOICES.get(lang, CHOICES["en"]).get(name, {})
    if tuple(choices) == F.WEEKDAYS:
        days = Locale.parse(lang).days["format"]["wide"]
        return [{"label": days[i], "value": c} for i, c in enumerate(choices)]
    if tuple(choices) == F.LANGUAGES:
        site = Lang(lang)
        return [{"label": _capital(site.language(c)), "value": c} for c in choices]
    return [{"label": words.get(c, c), "value": c} for c in choices]


def label(key: str, lang: str) -> str:
    return _WORDS.get(lang, EN).get(key, key.replace("_", " ").strip().capitalize())


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
