"""The review report for people (Markdown) and for forges (GitLab Code Quality, GitHub annotations)."""
from __future__ import annotations

import hashlib
import json

from .analysis import Report

_SEVERITY = {("impersonation", "error"): "critical", ("validation", "error"): "major"}


def markdown(r: Report) -> str:
    out = ["## Plein review", "", "### What this merge request does", ""]
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


def _checked(r: Report) -> str:
    """What was checked, said only of the files that were."""
    if not r.checked:
        return "No changed file names its writer, so there was nothing to check."
    how = (f"pushed by the person it names (@{r.pusher.lstrip('@')}, as the forge reports)"
           if set(r.checked.values()) == {"pusher"} else
           "committed by the person it names (by the commit's e-mail only, which anyone can set; "
           "in CI the forge username of who pushed decides)")
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
