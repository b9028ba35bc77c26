"""Is each changed file by the person it names?

A commit's author e-mail is whatever the committer typed (`git -c user.email=<anyone>`), so it
proves nothing and is never looked at. The forge username of who pushed (--pusher) decides for
the files staff write (profile, question, reply, update, kudos): a mismatch is an error unless
the pusher is a moderator or in the communications group. Without a pusher nothing is
checked, and the report says so: the trusted merge job decides with the forge's own word.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..model.org import Person

STAFF_WRITTEN = ("profile", "thread", "reply", "update", "kudos")
_KEY = {"profile": "email", "kudos": "from", "news": "authors"}  # the field that names the writer


@dataclass(frozen=True)
class Verdict:
    findings: list  # [Finding]
    checked: str  # '' (nothing to check), 'pusher', 'unknown' (no pusher given) or 'no-username'
    # (the person it names has no forge username, so nothing can prove it)


def declared(record) -> tuple[str, ...]:
    """Handles of the people a record says it is by."""
    if record is None:
        return ()
    if isinstance(record, Person):
        return (record.handle,)
    if hasattr(record, "authors"):
        return tuple(record.authors)
    if hasattr(record, "sender"):
        return (record.sender,)
    author = getattr(record, "author", None)
    return (author,) if author else ()


def check(change, base_people, people, pusher: str | None, trusted: frozenset, finding) -> Verdict:
    """`finding(path, line, severity, check, message)` makes a Finding."""
    record = change.new if change.status != "D" else change.old
    handles = declared(record)
    known = [h for h in handles if h in people]
    if not known:
        return Verdict([], "")  # an unknown author is a validation problem, reported there
    # What proves it is the profile on the target branch: a merge request cannot vouch for itself
    # (except a new profile, which moderators approve).
    who_is = {h: base_people.get(h) or people[h] for h in known}
    line = record.source.at(_KEY.get(change.kind, "author")) if getattr(record, "source", None) else 1
    names = " or ".join(p.name for p in who_is.values())
    findings = []
    old_handles = declared(change.old)
    if change.status == "M" and old_handles and set(old_handles) != set(handles):
        findings.append(finding(change.path, line, "error", "impersonation",
                                f"changes who wrote this from {', '.join(old_handles)} to {', '.join(handles)}. "
                                "Fix: keep the original writer; write a reply or a file of your own instead"))
    forge = {p.forge_username.lstrip("@").casefold() for p in who_is.values() if p.forge_username}
    if pusher and change.kind in STAFF_WRITTEN and forge:
        return Verdict(findings + _by_pusher(change, line, names, who_is, pusher, forge, trusted, finding),
                       "pusher")
    if change.kind in STAFF_WRITTEN:
        return Verdict(findings, "no-username" if pusher else "unknown")
    return Verdict(findings, "")


def _by_pusher(change, line, names, who_is, pusher, forge, trusted, finding) -> list:
    me = pusher.lstrip("@").casefold()
    if me in forge:
        return []
    usernames = ", ".join(f"@{p.forge_username.lstrip('@')}" for p in who_is.values() if p.forge_username)
    if me in trusted:
        return [finding(change.path, line, "warning", "impersonation",
                        f"pushed by @{pusher.lstrip('@')} (a moderator), but this file says it is by {names} "
                        f"({usernames}). Fix: nothing, if a moderator corrects it on purpose")]
    if change.status == "D":
        return [finding(change.path, 1, "warning", "removal",
                        f"removes the words of {names}; pushed by @{pusher.lstrip('@')}. "
                        f"Fix: {names} or a moderator must agree")]
    what = "possible impersonation: " if change.status == "A" else "changes the words of someone else: "
    return [finding(change.path, line, "error", "impersonation",
                    f"{what}pushed by @{pusher.lstrip('@')}, but this file says it is by {names} ({usernames}). "
                    f"Fix: if you wrote it, put your own handle in it; otherwise {names} must push it, "
                    "or a moderator")]
