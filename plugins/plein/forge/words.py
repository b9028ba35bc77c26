"""What the job writes on a merge request, in the site's language (nl or en), and what it
prints. Reasons come from the policy as plain text; here they are escaped, so that a file name
cannot become a link, a mention or markup in the forge's comment."""
from __future__ import annotations

WORDS = {
    "nl": {
        "review": "Dit gaat eerst langs een moderator, omdat:",
        "refuse": "Plein kan dit niet publiceren, omdat:",
        "refuse_fix": "Pas de wijziging aan; daarna kijkt Plein opnieuw.",
        "review_after": "Een moderator kijkt ernaar en voegt het samen, of laat je weten wat er anders moet.",
        "fork": "de wijziging komt uit een fork, en wie daar pushte kan Plein niet nagaan",
        "unknown_pushers": "Plein kan niet nagaan wie er naar deze branch pushte",
        "other_pushers": "niet alleen de auteur pushte naar deze branch, ook: {names}",
        "signature": "— Plein, de publicatiecontrole van het intranet",
    },
    "en": {
        "review": "A moderator looks at this first, because:",
        "refuse": "Plein cannot publish this, because:",
        "refuse_fix": "Change it; then Plein looks again.",
        "review_after": "A moderator will merge it, or tell you what needs to change.",
        "fork": "the change comes from a fork, and Plein cannot tell who pushed there",
        "unknown_pushers": "Plein cannot tell who pushed to this branch",
        "other_pushers": "others than the author pushed to this branch: {names}",
        "signature": "— Plein, the intranet's publishing check",
    },
}
_MARKUP = set("\\`*_{}[]()<>#!|~@&:")


def words(language: str) -> dict[str, str]:
    return WORDS.get(language, WORDS["en"]) if language != "nl" else WORDS["nl"]


def escape(text: str) -> str:
    """Plain text for a Markdown comment: every punctuation mark that could be markup is
    backslash-escaped, and line breaks become spaces (one reason, one line)."""
    flat = " ".join(str(text).split())
    return "".join("\\" + ch if ch in _MARKUP else ch for ch in flat)[:2000]


def comment(decision: str, reasons: list[str], language: str) -> str:
    w = words(language)
    lines = [w[decision], ""]
    lines += [f"- {escape(r)}" for r in reasons[:30]] or ["- …"]
    if len(reasons) > 30:
        lines.append(f"- … (+{len(reasons) - 30})")
    lines += ["", w["refuse_fix"] if decision == "refuse" else w["review_after"], "", w["signature"]]
    return "\n".join(lines) + "\n"
