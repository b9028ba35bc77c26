"""The editor's words in Dutch and English: collection and field labels, and the editor
page. A word missing in Dutch falls back to English; a field without a word shows its name."""
from __future__ import annotations

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
}

_WORDS = {"en": EN, "nl": {**EN, **NL}}


def label(key: str, lang: str) -> str:
    return _WORDS.get(lang, EN).get(key, key.replace("_", " ").strip().capitalize())
