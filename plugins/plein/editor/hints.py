"""The help under each field of the web editor, in the site's language, written for staff.

model/fields.py documents the files for whoever writes YAML ("Id of your team (a file in
content/teams/)"); the editor's people never see a file, an id or a YAML value, so their help is
written here. A key is a field name, or 'kind.field' where one kind needs other words. A field
without help here shows none: tests/test_editor_dutch.py checks that every field the editor shows
has help in both languages, so a new field in model/fields.py cannot slip in with English only.
"""
from __future__ import annotations

_LANGUAGE_EN = ("Only when the text is not in English: the intranet recognises the language by itself, "
                "so that screen readers pronounce it right.")
_LANGUAGE_NL = ("Alleen als de tekst niet in het Nederlands is: het intranet herkent de taal verder zelf, "
                "zodat schermlezers hem goed uitspreken.")

EN = {
    "name": "Your full name, as colleagues know you.",
    "pronouns": "For example she/her or they/them. Optional.",
    "role": "Your job title.",
    "team": "The team you work in.",
    "manager": "Your manager. Empty at the top of the organisation.",
    "location": "Where you usually work, for example the town hall.",
    "office_days": "The days you are usually in the office.",
    "languages": "The languages you speak.",
    "expertise": "What you know about, so that colleagues find you. Separate topics with a comma or Enter; "
                 "topics colleagues already use are offered first.",
    "ask_me_about": "What colleagues may always ask you about. Separate items with a comma or Enter.",
    "interests": "What you like outside work. Separate items with a comma or Enter.",
    "bio": "A few sentences about you and your work. Markdown works: **bold**, *italic*, [link](https://…).",
    "email": "Your work e-mail address.",
    "phone": "Your work phone number. Shown only if you fill it in.",
    "chat": "Your name in the chat, for example @jan.devries.",
    "forge_username": "Your username on GitLab or GitHub. With it, what you change in your own profile "
                      "goes live without waiting for a moderator.",
    "links": "Links to your work, each with a title and an address.",
    "photo": "A photo of you: PNG or JPEG, at most 2 MB.",
    "started": "The day you joined.",
    "left": "The day you left. What you wrote stays on the intranet.",
    "kudos": "On: colleagues may thank you with kudos.",
    "language": _LANGUAGE_EN,
    "hidden": "For moderators. On: the item leaves the intranet, search and the e-mails, and stays in the "
              "history. Say why in the next field.",
    "hidden_reason": "Why it is hidden, in a few words. It is shown on the moderators' page.",
    "digest": "How often you get the e-mail of what is new for you. Off also stops the mails about "
              "new questions you could help with.",
    "notify": "When a colleague replies to your question or mentions you.",
    "team.name": "The team's name.",
    "parent": "The team this team is part of. Empty for the top of the organisation.",
    "lead": "Who leads the team.",
    "description": "What the team does. Markdown works.",
    "channel": "Where to reach the team: a chat channel or a mailbox.",
    "title": "The headline.",
    "thread.title": "Your question or subject in one line.",
    "news.date": "When it appears. A date in the future schedules the item.",
    "expires": "After this moment the item moves to the archive. Optional.",
    "pinned": "On: the item stays at the top.",
    "authors": "Who wrote it.",
    "audience": "For whom the item is. Empty: for everyone.",
    "tags": "Topics, separated by a comma or Enter; topics colleagues already use are offered first.",
    "summary": "One or two sentences for the lists of news.",
    "kind": "A question expects an answer; a discussion does not.",
    "accepted": "The reply that answered your question.",
    "to": "The colleague you thank. Only colleagues who want kudos can be chosen.",
    "to_team": "Or thank a whole team.",
    "kudos.date": "The day of your thanks.",
    "thread.date": "When you asked.",
    "reply.date": "When you replied.",
    "update.date": "When you posted it.",
    "helped.date": "The day the reply helped you.",
}

NL = {
    "name": "Je volledige naam, zoals collega's je kennen.",
    "pronouns": "Bijvoorbeeld zij/haar of hen/die. Niet verplicht.",
    "role": "Je functie.",
    "team": "Het team waarin je werkt.",
    "manager": "Je leidinggevende. Leeg aan de top van de organisatie.",
    "location": "Waar je meestal werkt, bijvoorbeeld het stadskantoor.",
    "office_days": "De dagen dat je meestal op kantoor bent.",
    "languages": "De talen die je spreekt.",
    "expertise": "Waar je verstand van hebt, zodat collega's je vinden. Scheid onderwerpen met een komma of "
                 "Enter; onderwerpen die collega's al gebruiken komen eerst.",
    "ask_me_about": "Waar collega's je altijd over mogen aanspreken. Scheid met een komma of Enter.",
    "interests": "Wat je buiten je werk leuk vindt. Scheid met een komma of Enter.",
    "bio": "Een paar zinnen over jou en je werk. Markdown kan: **vet**, *schuin*, [link](https://…).",
    "email": "Je e-mailadres op het werk.",
    "phone": "Je telefoonnummer op het werk. Alleen te zien als je het invult.",
    "chat": "Je naam in de chat, bijvoorbeeld @jan.devries.",
    "forge_username": "Je gebruikersnaam op GitLab of GitHub. Daarmee staat wat je in je eigen profiel "
                      "verandert meteen online, zonder te wachten op een moderator.",
    "links": "Links naar je werk, elk met een titel en een adres.",
    "photo": "Een foto van jou: PNG of JPEG, hooguit 2 MB.",
    "started": "De dag dat je in dienst kwam.",
    "left": "De dag dat je uit dienst ging. Wat je schreef blijft op het intranet.",
    "kudos": "Aan: collega's mogen je bedanken met kudos.",
    "language": _LANGUAGE_NL,
    "hidden": "Voor moderatoren. Aan: het verdwijnt van het intranet, uit zoeken en uit de e-mails, en "
              "blijft in de geschiedenis. Zeg in het volgende veld waarom.",
    "hidden_reason": "Waarom het verborgen is, in een paar woorden. Dit staat op de pagina van de moderatoren.",
    "digest": "Hoe vaak je de e-mail krijgt met wat er nieuw is voor jou. Nooit stopt ook de mails over "
              "nieuwe vragen waarmee je kunt helpen.",
    "notify": "Wanneer een collega op je vraag reageert of je noemt.",
    "team.name": "De naam van het team.",
    "parent": "Het team waar dit team onder valt. Leeg voor de top van de organisatie.",
    "lead": "Wie het team leidt.",
    "description": "Wat het team doet. Markdown kan.",
    "channel": "Waar het team te bereiken is: een chatkanaal of een mailbox.",
    "title": "De kop.",
    "thread.title": "Je vraag of onderwerp in één regel.",
    "news.date": "Wanneer het verschijnt. Een datum in de toekomst plant het bericht in.",
    "expires": "Na dit moment gaat het bericht naar het archief. Niet verplicht.",
    "pinned": "Aan: het bericht blijft bovenaan staan.",
    "authors": "Wie het schreef.",
    "audience": "Voor wie het bericht is. Leeg: voor iedereen.",
    "tags": "Onderwerpen, gescheiden door een komma of Enter; onderwerpen die collega's al gebruiken "
            "komen eerst.",
    "summary": "Een of twee zinnen voor de overzichten van nieuws.",
    "kind": "Op een vraag verwacht je een antwoord; op een discussie niet.",
    "accepted": "De reactie die je vraag beantwoordde.",
    "to": "De collega die je bedankt. Alleen collega's die kudos willen ontvangen zijn te kiezen.",
    "to_team": "Of bedank een heel team.",
    "kudos.date": "De dag van je bedankje.",
    "thread.date": "Wanneer je het vroeg.",
    "reply.date": "Wanneer je reageerde.",
    "update.date": "Wanneer je het plaatste.",
    "helped.date": "De dag dat de reactie je hielp.",
}

_HINTS = {"en": EN, "nl": NL}


def hint(kind: str, name: str, lang: str) -> str:
    """The help under field `name` of a `kind` record, or '' when it needs none."""
    words = _HINTS.get(lang, EN)
    return words.get(f"{kind}.{name}") or words.get(name) or ""
