"""The trusted merge of one MR: re-read it from the API, fetch its head as data (never checked
out, never run), decide with the publishing policy of the target branch, and merge with the
reviewed commit pinned; or label it and say why. Runs the default branch's code only (the
pipelines see to that); everything about the MR comes from the forge's API, never from the event.
"""
from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import FatalError
from .base import MR, Forge, ForgeError
from .words import comment, words


@dataclass
class Outcome:
    number: int
    action: str  # merged, queued, moved, left, review, refuse
    message: str
    reasons: list[str] = field(default_factory=list)

    @property
    def merged(self) -> bool:
        return self.action == "merged"


def process(forge: Forge, root: Path, number: int, language: str = "nl") -> Outcome:
    mr = forge.merge_request(number)
    name = f"{'!' if forge.name == 'gitlab' else '#'}{mr.number}"
    if mr.state != "open":
        return Outcome(number, "left", f"{name} is {mr.state}: left alone")
    if mr.draft:
        return Outcome(number, "left", f"{name} is a draft: left alone until it is marked ready")
    if mr.target_branch != mr.default_branch:
        return Outcome(number, "left", f"{name} targets {mr.target_branch!r}, not the default branch "
                                       f"{mr.default_branch!r}: left alone")
    if mr.fork:
        return _hold(forge, mr, name, "review", [words(language)["fork"]], language)
    target = _fetch(root, f"refs/heads/{_branch(root, mr.default_branch)}", "refs/plein/target")
    if _fetch(root, mr.head_ref, f"refs/plein/head/{mr.number}") is None or not _has(root, mr.head_sha):
        return Outcome(number, "moved", f"{name}: its head {mr.head_sha[:12]} is no longer on the branch "
                                        "(it moved during the check); the next event checks it again")
    from ..policy import decide_refs
    decision = decide_refs(root, target, mr.head_sha, mr.author)
    verdict, reasons = decision.decision, [str(r) for r in decision.reasons]
    if verdict not in ("publish", "review", "refuse"):
        raise FatalError(f"{name}: the policy answered {verdict!r}; nothing was merged")
    if verdict == "publish":
        who = pushers(forge, mr, root, target)
        if who is None:
            verdict, reasons = "review", reasons + [words(language)["unknown_pushers"]]
        elif who != {mr.author}:
            names = ", ".join(sorted(who - {mr.author}))
            verdict, reasons = "review", reasons + [words(language)["other_pushers"].format(names=names)]
    if verdict != "publish":
        return _hold(forge, mr, name, verdict, reasons, language)
    result = forge.merge(mr.number, mr.head_sha)
    if result.done:
        return Outcome(number, "merged", f"{name} by {mr.author} merged at {mr.head_sha[:12]}", reasons)
    if result.queued:
        return Outcome(number, "queued", f"{name} by {mr.author}: {result.why} (pinned to {mr.head_sha[:12]})",
                       reasons)
    return Outcome(number, "moved", f"{name} not merged: {result.why}; the next event or sweep checks it again",
                   reasons)


def _hold(forge: Forge, mr: MR, name: str, verdict: str, reasons: list[str], language: str) -> Outcome:
    """Label it for a moderator (or as refused) and say why, once per label: a later event on
    the same MR does not repeat the comment."""
    label = forge.labels[verdict]
    if label not in mr.labels:
        forge.label(mr.number, label)
        forge.comment(mr.number, comment(verdict, reasons, language))
    what = "left for a moderator" if verdict == "review" else "refused"
    return Outcome(mr.number, verdict, f"{name} by {mr.author} {what} (label {label})", reasons)


def pushers(forge: Forge, mr: MR, root: Path, target: str) -> set[str] | None:
    """Everyone whose push put a commit of this MR on its branch, following the chain of pushes
    back from the head until the branch began or was force-pushed over; None when a link is
    missing (the forge forgot it, or it was never recorded): then nobody can vouch for it."""
    ours = set(_git(root, "rev-list", f"{target}..{mr.head_sha}").split())
    want, found, seen, tips = mr.head_sha, set(), set(), {}
    for push in forge.pushes(mr):
        tips.setdefault(push.after, push)  # the newest push that left the branch at this tip
        while want in tips and want not in seen:
            seen.add(want)
            link = tips[want]
            found.add(link.username)
            if link.before is None or link.before not in ours:
                return found
            want = link.before
    return None


def _branch(root: Path, name: str) -> str:
    if name.startswith("-") or _run(root, "check-ref-format", "--branch", name).returncode:
        raise ForgeError(f"the forge named the default branch {name[:60]!r}, which is not a branch name; "
                         "nothing was merged")
    return name


def _fetch(root: Path, ref: str, local: str) -> str | None:
    """Fetch one ref from origin into refs/plein/… as data: objects only, nothing checked out."""
    done = _run(root, "fetch", "--quiet", "--no-tags", "--no-recurse-submodules", "origin", f"+{ref}:{local}")
    if done.returncode:
        if local.startswith("refs/plein/head/"):
            return None
        raise ForgeError(f"git could not fetch {ref} from origin ({done.stderr.strip()[:200]}); nothing was merged")
    return _git(root, "rev-parse", "--verify", f"{local}^{{commit}}").strip()


def _has(root: Path, sha: str) -> bool:
    return _run(root, "cat-file", "-e", f"{sha}^{{commit}}").returncode == 0


def _git(root: Path, *args: str) -> str:
    done = _run(root, *args)
    if done.returncode:
        raise ForgeError(f"git {args[0]} failed ({done.stderr.strip()[:200]}); nothing was merged")
    return done.stdout


def _run(root: Path, *args: str) -> subprocess.CompletedProcess:
    # a list of arguments, never a shell: branch names and titles cannot become commands
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0"}
    try:
        return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, timeout=600, env=env)
    except (OSError, subprocess.TimeoutExpired) as err:
        raise ForgeError(f"git {args[0]} did not finish ({err}); nothing was merged") from None
