"""The policy's reasons in Dutch and English, in plain words for the person who saved; a key
missing in one language falls back to English (as site.i18n does)."""
from __future__ import annotations

EN = {
    # publish
    "own_reply": "your own reply", "own_thread": "your own question",
    "own_update": "your own status update",
    "own_helped": "your own \"this helped me\" on a reply",
    "own_kudos": "kudos from you to {name}, who opted in to kudos",
    "own_kudos_team": "kudos from you to the team {team}",
    "kudos_not_opted_in": "{name} has not opted in to kudos: thank their team with to_team instead",
    "own_profile": "personal fields of your own profile ({fields})",
    "own_profile_layout": "your own profile, layout only",
    "own_photo": "a photo in your own photo folder",
    "own_removed": "removes your own {what}",
    "comms_news": "news by the communications group",
    # review
    "kind_off": "this site sends every {what} to a moderator first (the option 'publish')",
    "others": "{what} of {name}: only they can publish it directly",
    "others_removed": "removes the {what} of {name}",
    "hr_fields": "changes fields that HR manages ({fields})",
    "forge_username": "changes the forge username, which decides who may publish as this person",
    "other_fields": "changes fields a moderator checks ({fields})",
    "new_profile": "a new profile",
    "removed_profile": "removes a profile",
    "news": "news is published by the communications group",
    "team": "team pages are checked by a moderator",
    "help": "Help pages are checked by a moderator",
    "page": "a page of the site, not a contribution",
    "site": "the site's settings and the publishing policy (mkdocs.yml)",
    "pipeline": "the pipeline that builds and publishes the site",
    "code": "Plein's code, tools or schemas",
    "owners": "who must approve what (CODEOWNERS)",
    "git": "how Git treats files (.gitattributes, .gitmodules, .mailmap)",
    "dotfile": "a hidden file (its name starts with a dot)",
    "outside": "outside content/ and profiles/",
    "photo_others": "a photo in the photo folder of {name}",
    "photo_place": "a file in profiles/ that is neither a profile nor a photo in a photo folder",
    "no_username": "nobody is named as the one who made this change, so a moderator looks",
    "no_person": "no profile on the target branch has the forge username @{user}",
    "ambiguous": "more than one profile has the forge username @{user}",
    "alumnus": "@{user} belongs to {name}, who has left the organisation",
    "many_files": "it changes {n} files (more than {limit}): a moderator looks at large changes",
    "nothing": "it changes nothing",
    "options_unreadable": "the publishing policy on the target branch cannot be read ({why})",
    "unreadable_old": "the file on the target branch does not load, so whose it is is unclear",
    "flood": "more than {limit} contributions in an hour ({n}): a moderator looks first, against floods",
    "unhidden": "a moderator hid this {what}: only a moderator shows it again or changes why",
    # refuse
    "impersonation": "this file says it is by {name}, but @{user} made it",
    "impersonation_unknown": "this file says it is by {name}, who is not the one who made it",
    "writer_changed": "changes who wrote this, from {old} to {new}",
    "symlink": "a symbolic link: only ordinary files are content",
    "gitlink": "a submodule: only ordinary files are content",
    "mode": "an unusual file mode ({mode}): only ordinary files are content",
    "executable": "an executable file: content is never a program; remove the executable bit",
    "not_canonical": "the path is not in its plain form (a '.', '..', a double or trailing slash, a "
                     "backslash, a control character or Unicode that is not NFC)",
    "invalid": "does not validate: {problem}",
    "too_large": "the file is too large to be content",
    "not_image": "not a PNG or JPEG image ({why})",
    "too_many_files": "it changes {n} files (more than {limit}): too large to check, so it is refused",
    # the decision
    "publish": "Everything in this change is your own: it goes live on the intranet within a few minutes.",
    "review": "A moderator looks at this change first, because:",
    "refuse": "This change cannot be published, because:",
    # the review report's decision section
    "heading": "Decision", "d_publish": "publish", "d_review": "review by a moderator",
    "d_refuse": "refuse",
    "from_pipeline": "This decision is for your information. The username @{user} comes from this "
                     "merge request's pipeline ({variable}), which the merge request itself can set. "
                     "Only the trusted job on the default branch decides and merges, with the author "
                     "the forge reports.",
    "from_option": "Decided for @{user} (given with --pusher).",
    "no_user": "No username was given, so nothing here can be published directly. The trusted job "
               "on the default branch decides, with the author the forge reports.",
    # what a kind is called
    "w_reply": "reply", "w_thread": "question", "w_update": "status update", "w_kudos": "kudos",
    "w_profile": "profile", "w_photo": "photo", "w_news": "news", "w_team": "team",
    "w_question": "question", "w_helped": "\"this helped me\"",
}

NL = {
    "own_reply": "je eigen reactie", "own_thread": "je eigen vraag",
    "own_update": "je eigen statusupdate",
    "own_helped": "je eigen \"dit hielp mij\" bij een reactie",
    "own_kudos": "kudos van jou aan {name}, die kudos wil ontvangen",
    "own_kudos_team": "kudos van jou aan het team {team}",
    "kudos_not_opted_in": "{name} wil geen kudos ontvangen: bedank het team met to_team",
    "own_profile": "persoonlijke velden van je eigen profiel ({fields})",
    "own_profile_layout": "je eigen profiel, alleen de opmaak",
    "own_photo": "een foto in je eigen fotomap",
    "own_removed": "verwijdert je eigen {what}",
    "comms_news": "nieuws van de communicatiegroep",
    "kind_off": "deze site laat elke {what} eerst langs een moderator gaan (de optie 'publish')",
    "others": "{what} van {name}: alleen die persoon publiceert dit direct",
    "others_removed": "verwijdert de {what} van {name}",
    "hr_fields": "wijzigt velden die HR beheert ({fields})",
    "forge_username": "wijzigt de forge-gebruikersnaam, die bepaalt wie als deze persoon mag publiceren",
    "other_fields": "wijzigt velden die een moderator controleert ({fields})",
    "new_profile": "een nieuw profiel",
    "removed_profile": "verwijdert een profiel",
    "news": "nieuws wordt gepubliceerd door de communicatiegroep",
    "team": "teampagina's controleert een moderator",
    "help": "Helppagina's controleert een moderator",
    "page": "een pagina van de site, geen bijdrage",
    "site": "de instellingen van de site en het publicatiebeleid (mkdocs.yml)",
    "pipeline": "de pipeline die de site bouwt en publiceert",
    "code": "de code, hulpmiddelen of schema's van Plein",
    "owners": "wie wat moet goedkeuren (CODEOWNERS)",
    "git": "hoe Git bestanden behandelt (.gitattributes, .gitmodules, .mailmap)",
    "dotfile": "een verborgen bestand (de naam begint met een punt)",
    "outside": "buiten content/ en profiles/",
    "photo_others": "een foto in de fotomap van {name}",
    "photo_place": "een bestand in profiles/ dat geen profiel is en geen foto in een fotomap",
    "no_username": "er is niet opgegeven wie deze wijziging maakte, dus kijkt een moderator",
    "no_person": "geen profiel op de doelbranch heeft de forge-gebruikersnaam @{user}",
    "ambiguous": "meer dan één profiel heeft de forge-gebruikersnaam @{user}",
    "alumnus": "@{user} hoort bij {name}, die uit dienst is",
    "many_files": "het wijzigt {n} bestanden (meer dan {limit}): grote wijzigingen bekijkt een moderator",
    "nothing": "het wijzigt niets",
    "options_unreadable": "het publicatiebeleid op de doelbranch is niet te lezen ({why})",
    "unreadable_old": "het bestand op de doelbranch laadt niet, dus van wie het is, is onduidelijk",
    "flood": "meer dan {limit} bijdragen in een uur ({n}): eerst kijkt een moderator, tegen overspoeling",
    "unhidden": "een moderator verborg deze {what}: alleen een moderator toont die weer of wijzigt waarom",
    "impersonation": "dit bestand zegt dat het van {name} is, maar @{user} maakte het",
    "impersonation_unknown": "dit bestand zegt dat het van {name} is, die het niet zelf maakte",
    "writer_changed": "wijzigt wie dit schreef, van {old} naar {new}",
    "symlink": "een symbolische link: alleen gewone bestanden zijn inhoud",
    "gitlink": "een submodule: alleen gewone bestanden zijn inhoud",
    "mode": "een ongewone bestandsmodus ({mode}): alleen gewone bestanden zijn inhoud",
    "executable": "een uitvoerbaar bestand: inhoud is nooit een programma; haal de uitvoerbaar-vlag weg",
    "not_canonical": "het pad staat niet in zijn gewone vorm (een '.', '..', een dubbele of afsluitende "
                     "slash, een backslash, een stuurteken of Unicode die niet NFC is)",
    "invalid": "klopt niet: {problem}",
    "too_large": "het bestand is te groot om inhoud te zijn",
    "not_image": "geen PNG- of JPEG-afbeelding ({why})",
    "too_many_files": "het wijzigt {n} bestanden (meer dan {limit}): te groot om te controleren, "
                      "dus het wordt geweigerd",
    "publish": "Alles in deze wijziging is van jezelf: het staat binnen een paar minuten op het intranet.",
    "review": "Dit gaat eerst langs een moderator, omdat:",
    "refuse": "Deze wijziging kan niet gepubliceerd worden, omdat:",
    "heading": "Besluit", "d_publish": "publiceren", "d_review": "eerst langs een moderator",
    "d_refuse": "geweigerd",
    "from_pipeline": "Dit besluit is ter informatie. De gebruikersnaam @{user} komt uit de pipeline van "
                     "deze merge request ({variable}), en die kan de merge request zelf zetten. Alleen de "
                     "vertrouwde job op de hoofdbranch beslist en voegt samen, met de auteur die de forge "
                     "opgeeft.",
    "from_option": "Besloten voor @{user} (opgegeven met --pusher).",
    "no_user": "Er is geen gebruikersnaam opgegeven, dus hier kan niets direct gepubliceerd worden. De "
               "vertrouwde job op de hoofdbranch beslist, met de auteur die de forge opgeeft.",
    "w_reply": "reactie", "w_thread": "vraag", "w_update": "statusupdate", "w_kudos": "kudos",
    "w_profile": "profiel", "w_photo": "foto", "w_news": "nieuws", "w_team": "team",
    "w_question": "vraag", "w_helped": "\"dit hielp mij\"",
}

CATALOGUE = {"en": EN, "nl": NL}


def say(language: str, key: str, **values) -> str:
    table = CATALOGUE.get(language, EN)
    return table.get(key, EN[key]).format(**values)


def what(language: str, kind: str | None) -> str:
    return say(language, f"w_{kind}") if f"w_{kind}" in EN else (kind or "file")
