"""What happens after a contribution is sent, in plain words and the site's language: "on the
intranet within a few minutes" for what people write about themselves, or who looks at it
first and why. A forecast by the publishing policy's rules (plugins/plein/policy/) for the one
file a command writes, from what this command already knows; the trusted job on the forge
decides, and says so on the merge request when it decides otherwise."""
from __future__ import annotations

from babel import Locale

# command kind -> the kind named in the option `publish`
KINDS = {"ask": "question", "reply": "reply", "update": "update", "kudos": "kudos", "news": "news",
         "profile": "profile"}

WORDS = {
    "nl": {
        "live": {"question": "Je vraag", "reply": "Je reactie", "update": "Je update", "kudos": "Je kudos",
                 "news": "Je nieuwsbericht"},
        "soon": "{what} staat binnen een paar minuten op het intranet, zodra de controle klaar is.",
        "review": "Dit gaat eerst langs een moderator, omdat {why}.",
        "kind_off": "deze site die bijdragen eerst laat bekijken (de optie 'publish')",
        "no_username": "je gebruikersnaam op GitLab of GitHub niet in je profiel staat",
        "news": "nieuws langs het communicatieteam gaat",
        "profile": "een nieuw profiel door HR of een moderator wordt bekeken",
        "team": "kudos aan een team langs de moderatoren gaan",
        "one": "bijdrage", "other": "bijdragen",
        "flood": "je het afgelopen uur al {n} {contributions} plaatste (meer dan {limit} per uur gaat langs een moderator)",
    },
    "en": {
        "live": {"question": "Your question", "reply": "Your reply", "update": "Your update",
                 "kudos": "Your kudos", "news": "Your news item"},
        "soon": "{what} will be on the intranet within a few minutes, once the checks have passed.",
        "review": "A moderator looks at this first, because {why}.",
        "kind_off": "this site has these contributions looked at first (the option 'publish')",
        "no_username": "your GitLab or GitHub username is not in your profile",
        "news": "news goes through the communications team",
        "profile": "a new profile is looked at by HR or a moderator",
        "team": "kudos to a team go through the moderators",
        "one": "contribution", "other": "contributions",
        "flood": "you have posted {n} {contributions} in the last hour (above {limit} an hour, a moderator looks first)",
    },
}


def plural_form(n: int, settings) -> str:
    """Babel's plural category of `n` in the site's language ("one", "other", …)."""
    return Locale.parse(getattr(settings, "language", "en") or "en").plural_form(n)


def next_step(kind: str, me, settings, recent: int = 0) -> str:
    """One sentence for the person who sent a contribution of `kind` (a command's kind);
    `recent`: their own contributions in the hour before this one (the policy's flood limit)."""
    words = WORDS.get(getattr(settings, "language", "nl"), WORDS["en"])
    name = KINDS.get(kind)
    if name is None or name == "profile":
        return words["review"].format(why=words["profile"]) if name else ""
    username = (getattr(me, "forge_username", "") or "").lstrip("@").casefold()
    if name not in getattr(settings, "publish", ()):
        why = "kind_off"
    elif not username:
        why = "no_username"
    elif name == "news" and username not in {u.lstrip("@").casefold()
                                             for u in getattr(settings, "communications_usernames", ())}:
        why = "news"
    elif 0 < getattr(settings, "publish_per_hour", 0) < recent + 1 and name != "news":
        counted = words["one" if plural_form(recent, settings) == "one" else "other"]
        return words["review"].format(why=words["flood"].format(n=recent, limit=settings.publish_per_hour,
                                                                   contributions=counted))
    else:
        return words["soon"].format(what=words["live"][name])
    return words["review"].format(why=words[why])
