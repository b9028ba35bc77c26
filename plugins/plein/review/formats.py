"""The review report for people (Markdown, the publishing policy's decision first, in the site's
language), for forges (GitLab Code Quality, GitHub annotations) and for programs (the decision as
JSON: `decision_json`)."""
from __future__ import annotations

import hashlib
import json

from ..policy.words import say
from .analysis import Report

_SEVERITY = {("impersonation", "error"): "critical", ("validation", "error"): "major"}


def markdown(r: Report) -> str:
    out = ["## Plein review", ""] + (decision_section(r.decision, r.pusher_from) if r.decision else [])
    out += ["### What this merge request does", ""]
    out += [f"- {s}" for s in r.sentences] or ["- Nothing in profiles/ or content/ changes."]
    who = [f for f in r.findings if f.check in WHO]
    out += ["", "### Problems", ""] + _findings([f for f in r.findings if f.check not in WHO],
                                                "No problems found in the changed files.")
    out += ["", "### Impersonation", ""] + _findings(who, _checked(r))
    if r.similar or r.experts or r.asked:
        out += ["", "### For this question", ""]
        if r.similar:
            out += ["Similar questions:", ""] + [f"- {s}" for s in r.similar] + [""]
        if r.experts:
            out += ["People who may know:", ""] + [f"- {p}" for p in r.experts] + [""]
        if r.asked:
            out += ["Once merged, these colleagues get a \"can you help?\" e-mail: " + ", ".join(r.asked), ""]
        out += [f"_{n}_" for n in r.notes]
    out += ["", "### Who must approve", ""]
    for path, owners in r.approvals:
        who = "; ".join(f"{' or '.join(o)}" + (f" ({section})" if section else "") for section, o in owners)
        out.append(f"- `{path}`: {who or 'no code owner: the project’s usual approval rules'}")
    if not r.approvals:
        out.append("- Nothing changed.")
    return "\n".join(out).rstrip() + "\n"


WHO = ("impersonation", "removal")


def _findings(found, none: str) -> list[str]:
    errors = [f for f in found if f.severity == "error"]
    warnings = [f for f in found if f.severity != "error"]
    out = []
    if errors:
        out += ["These must be fixed before merging:", ""] + [_item(f) for f in errors]
    if warnings:
        out += ([""] if errors else []) + ["To check:", ""] + [_item(f) for f in warnings]
    return out or [none]


def _item(f) -> str:
    return f"- **{f.check}** `{f.path}:{f.line}`: {f.message}"


def decision_section(d, pusher_from: str = "") -> list[str]:
    """The decision, in the site's language: what happens, why, and who really decides."""
    lang = d.language
    out = [f"### {say(lang, 'heading')}: **{say(lang, 'd_' + d.decision)}**", "", say(lang, d.decision), ""]
    out += [f"- {_md(reason)}" for reason in d.reasons[:MAX_REASONS]]
    if len(d.reasons) > MAX_REASONS:
        out.append(f"- … (+{len(d.reasons) - MAX_REASONS})")
    out.append("")
    if not d.username:
        out.append(say(lang, "no_user"))
    elif pusher_from and pusher_from != "option":
        out.append(say(lang, "from_pipeline", user=d.username, variable=pusher_from))
    else:
        out.append(say(lang, "from_option", user=d.username))
    return out + [""]


MAX_REASONS = 20


def _md(text: str) -> str:
    """Paths and staff-written names as plain text in Markdown: no links, images or HTML."""
    return "".join("\\" + ch if ch in "\\`*_[]<>!#|" else ch for ch in text)


def decision_json(d, pusher_from: str = "") -> str:
    """The decision for programs; `username_from` says where the username came from: 'option'
    (--pusher), a CI variable the merge request can set (information only), or '' (none)."""
    return json.dumps({**d.to_json(), "summary": say(d.language, d.decision),
                       "username_from": pusher_from if d.username else ""}, indent=2,
                      ensure_ascii=False) + "\n"


def _checked(r: Report) -> str:
    """What was checked, said only of the files that were."""
    if not r.checked:
        return "No changed file names its writer, so there was nothing to check."
    ways = set(r.checked.values())
    if ways == {"unknown"}:
        return ("Who pushed is not known here (no --pusher), so nothing was checked: a commit's "
                "e-mail proves nothing. The trusted merge job decides with the author the forge reports.")
    if "no-username" in ways and len(ways) == 1:
        return ("The person each file names has no forge username, so nothing can prove who wrote it; "
                "a moderator looks.")
    how = (f"pushed by the person it names (@{r.pusher.lstrip('@')}, as the forge reports)"
           if ways == {"pusher"} else
           "checked where the person it names has a forge username (the others cannot be proven)")
    if len(r.checked) == len(r.changes):
        return f"Every changed file was {how}."
    files = ", ".join(f"`{p}`" for p in r.checked)
    return f"Checked: {files} {'were' if len(r.checked) > 1 else 'was'} {how}. The other files name no writer."


def codequality(r: Report) -> str:
    items = []
    for f in r.findings:
        fingerprint = hashlib.sha256(f"{f.check}\0{f.path}\0{f.message}".encode()).hexdigest()
        severity = _SEVERITY.get((f.check, f.severity), "minor" if f.severity != "error" else "major")
        items.append({"description": f.message, "check_name": f"plein-{f.check}",
                      "fingerprint": fingerprint, "severity": severity,
                      "location": {"path": f.path, "lines": {"begin": f.line}}})
    return json.dumps(items, indent=2, ensure_ascii=False) + "\n"


def github(r: Report) -> str:
    lines = []
    for f in r.findings:
        level = "error" if f.severity == "error" else "warning"
        props = f"file={_prop(f.path)},line={f.line},title={_prop('Plein ' + f.check)}"
        lines.append(f"::{level} {props}::{_data(f.message)}")
    return "\n".join(lines) + ("\n" if lines else "")


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
