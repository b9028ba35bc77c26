"""`plein serve` publishes as the forge's trusted merge job does (issue 28), on the developer's
own machine: a save in the web editor is a commit on a cms/… branch (editor.py); `Publisher`
notices each new or moved cms/… branch, decides it with the publishing policy of the default
branch (never running anything of the change), and merges what is `publish` into the local
default branch, exactly the commit that was decided. The live server's watcher (watch, live)
then shows the new file within seconds. What goes to a moderator, or is refused, stays a
branch, and a plain line says why.

Who made the change: there is no forge here, so the person is the repository's own git user:
the profile on the default branch whose e-mail is `git config user.email`, and the username
the policy gets is that profile's `forge_username`. That identity can be set by whoever runs
this, which is acceptable because it is the developer's own machine and repository: they can
merge anything into their own `main` by hand anyway, and nothing is published beyond it. A
push to the forge goes through the forge's trusted job, which takes the author from the
forge's API and decides again. Without such a profile, or without a forge_username in it,
nothing is merged (fail closed), as on the forge.

The user's work is never touched: the merge commit is made from objects alone (`git
merge-tree --write-tree`, `commit-tree`). When the default branch is checked out, it is
moved there by a fast-forward (`git merge --ff-only`), which git refuses rather than
overwrite a local change, and only when none of the files the branch touches has a change
of the user's; otherwise it waits and says so. When the branch is checked out nowhere, its
ref is moved with the old value pinned. Git's errors become one plain line; serve goes on.
"""
from __future__ import annotations

import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from ..errors import FatalError
from ..model.parse import parse_file
from ..policy import decide_refs
from .publishwords import WORDS
from .worktree import GitFailed, blobs, dirty, first, git, main_worktree, run, worktrees

PREFIX = "refs/heads/cms/"
MAX_REASONS = 5  # a line, not a report: more reasons are counted
MAX_FILES = 3


@dataclass
class Outcome:
    key: str  # a key of WORDS ('': nothing to say)
    final: bool  # False: try again at the next poll while nothing moved (`waits_on` says when)
    values: dict
    waits_on: tuple = ()  # files whose local changes hold the merge back


class Publisher:
    """Watches refs/heads/cms/* of the repository at `root` (polling every `interval` seconds:
    a for-each-ref is a few milliseconds, and it sees a push of the editor's hook as well as a
    branch made by hand)."""

    def __init__(self, root: Path, branch: str, language: str = "nl", clone: Path | None = None,
                 interval: float = 0.5, say=None):
        self.root, self.branch, self.clone, self.interval = Path(root), branch, clone, interval
        self.words = WORDS.get(language, WORDS["en"])
        self.say = say or (lambda line: print(line, file=sys.stderr, flush=True))
        self.done: dict[str, tuple] = {}  # ref -> (tip, base, e-mail, outcome) last handled
        self.told: dict[str, str] = {}  # ref -> the line last said about it
        self.forget: dict[str, str] = {}  # cms refs of the clone still to delete -> their tip
        self.people: tuple | None = None  # (profiles tree, e-mail -> [(path, Person)])
        self.stopped = threading.Event()
        self.thread: threading.Thread | None = None

    def start(self) -> None:
        """One pass now (branches saved while serve was not running are published before the
        first build), then a background thread."""
        self.poll()
        self.thread = threading.Thread(target=self._watch, name="plein-publish", daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.stopped.set()
        if self.thread is not None:
            self.thread.join(timeout=10)

    def _watch(self) -> None:
        while not self.stopped.wait(self.interval):
            self.poll()

    def poll(self) -> None:
        """Handle every cms/… branch whose tip or base moved since it was last handled, or all
        of them when the git user changed (a fixed user.email takes effect at once)."""
        try:
            base = git(self.root, "rev-parse", "--verify", "--quiet", f"refs/heads/{self.branch}^{{commit}}").strip()
            refs = dict(line.split(" ", 1)[::-1] for line in
                        git(self.root, "for-each-ref", "--format=%(objectname) %(refname)", PREFIX).splitlines())
        except GitFailed:
            return  # no default branch (yet), or no repository: nothing to publish into
        email = run(self.root, "config", "user.email").stdout.strip() if refs else ""
        self._forget_in_clone()
        for ref in set(self.done) - set(refs):
            del self.done[ref]
        for ref in set(self.told) - set(refs):
            self.told.pop(ref)
        for ref, tip in sorted(refs.items()):
            last = self.done.get(ref)
            if last and last[:3] == (tip, base, email) and (last[3].final or self._waiting(last[3])):
                continue
            try:
                outcome = self.handle(ref, tip, base, email)
            except GitFailed as err:
                outcome = Outcome("git", True, {"what": str(err)})
            except FatalError as err:
                outcome = Outcome("unchecked", True, {"what": str(err)})
            except Exception as err:  # noqa: BLE001 - a background watcher: one plain line, never a traceback
                outcome = Outcome("unchecked", True, {"what": f"{type(err).__name__}: {err}"})
            self.done[ref] = (tip, base, email, outcome)
            self._tell(ref, outcome)
            if outcome.key in ("merged", "moved_ref"):  # a later save of the same entry is news again
                self.done.pop(ref)
                self.told.pop(ref)

    def handle(self, ref: str, tip: str, base: str, email: str) -> Outcome:
        """Decide one branch tip against the default branch at `base`, for the git user with
        this e-mail; merge it if `publish`."""
        if run(self.root, "merge-base", "--is-ancestor", tip, base).returncode == 0:
            return Outcome("", True, {})  # merged already (a branch left checked out): nothing to say
        username, why = self.identity(base, email)
        if username is None:
            return why
        decision = decide_refs(self.root, base, tip, username)
        reasons = self._reasons(decision.reasons)
        if decision.decision != "publish":  # review, refuse, or anything unknown: never merged
            return Outcome("refuse" if decision.decision == "refuse" else "review", True, {"reasons": reasons})
        return self.merge(ref, tip, base, decision.extra.get("merge_base") or base, reasons)

    def identity(self, base: str, email: str):
        """(forge username, None) of the repository's git user (`git config user.email`), as
        the default branch at `base` names them; or (None, an Outcome saying why not)."""
        if not email:
            return None, Outcome("no_email", True, {})
        matches = self._people(base).get(email.casefold(), [])
        if not matches:
            return None, Outcome("no_profile", True, {"email": email})
        if len(matches) > 1:
            return None, Outcome("two_profiles", True, {"email": email})
        path, person = matches[0]
        if not person.forge_username:
            return None, Outcome("no_username", True, {"path": path})
        return person.forge_username, None

    def _people(self, base: str) -> dict:
        """E-mail (casefolded) -> the profiles on `base` that have it; read from the tree as
        data, and again only when profiles/ changed."""
        prefix = git(self.root, "rev-parse", "--show-prefix").strip()
        tree = run(self.root, "rev-parse", "--verify", "--quiet", f"{base}:{prefix}profiles").stdout.strip()
        if self.people and self.people[0] == tree:
            return self.people[1]
        found: dict = {}
        if tree:
            wanted = []
            for entry in filter(None, git(self.root, "ls-tree", "-z", tree).split("\0")):
                meta, name = entry.split("\t", 1)
                mode, kind, sha = meta.split()
                if kind == "blob" and mode == "100644" and name.endswith(".yml"):  # only regular files
                    wanted.append((name, sha))
            for (name, _), raw in zip(wanted, blobs(self.root, [sha for _, sha in wanted])):
                record = parse_file(f"profiles/{name}", raw).record
                if record is not None and getattr(record, "email", ""):
                    found.setdefault(record.email.casefold(), []).append((f"profiles/{name}", record))
        self.people = (tree, found)
        return found

    def merge(self, ref: str, tip: str, base: str, merge_base: str, reasons: str) -> Outcome:
        """Merge exactly `tip` into the default branch, which must still be at `base`."""
        listing = git(self.root, "diff", "--name-only", "-z", "--no-renames", merge_base, tip)
        files = [f for f in listing.split("\0") if f]
        state, where = main_worktree(self.root, self.branch)
        if state == "busy":
            return Outcome("busy", False, {"where": str(where)})
        changed = dirty(self.root, self.branch, files, where) if where is not None else []
        if changed:
            return Outcome("dirty", False, {"files": self._few(changed)}, tuple(files))
        done = run(self.root, "merge-tree", "--write-tree", "--name-only", "--no-messages", base, tip)
        if done.returncode == 1:
            conflicted = [line for line in done.stdout.splitlines()[1:] if line]
            return Outcome("conflict", True, {"files": self._few(conflicted or files)})
        if done.returncode:
            raise GitFailed(f"git merge-tree failed ({first(done.stderr)})")
        tree = done.stdout.splitlines()[0].strip()
        message = f"Plein: publish {ref[len('refs/heads/'):]}\n\n{reasons}\n"
        commit = git(self.root, "commit-tree", tree, "-p", base, "-p", tip, "-F", "-", data=message).strip()
        target = f"refs/heads/{self.branch}"
        if where is None:
            if run(self.root, "update-ref", "-m", "plein serve: publish", target, commit, base).returncode:
                return Outcome("moved", False, {})
            key = "moved_ref"
        else:
            head = run(self.root, "symbolic-ref", "-q", "HEAD", cwd=where).stdout.strip()
            if head != target:
                return Outcome("moved", False, {})
            done = run(self.root, "merge", "--ff-only", "--quiet", commit, cwd=where)
            if done.returncode:  # git refused (a change of the user's, or the branch moved): nothing changed
                return Outcome("git", True, {"what": f"git merge --ff-only: {first(done.stderr)}"})
            key = "merged"
        if ref not in {branch for _, branch in worktrees(self.root)}:  # checked out by hand: it stays
            run(self.root, "update-ref", "-d", ref, tip)  # pinned: a newer save stays, and is decided next
        if self.clone is not None:
            self.forget[ref] = tip
            self._forget_in_clone()
        return Outcome(key, True, {"reasons": reasons})

    def _forget_in_clone(self) -> None:
        """Delete a merged branch in decap-server's clone too, or Decap's workflow view keeps
        showing it; and bring the clone's default branch up to date, so that the next form
        shows what was merged. Not while decap-server has that branch checked out (it is saving
        to it): then at a later poll. decap-server's own git calls are not locked against
        ours, but git's index lock keeps either from breaking the other's work; a clone left
        behind is brought up to date at serve's next start."""
        if not self.forget or self.clone is None or not (self.clone / ".git").is_dir():
            return
        head = run(self.root, "symbolic-ref", "-q", "HEAD", cwd=self.clone).stdout.strip()
        for ref, tip in list(self.forget.items()):
            if head == ref:
                continue
            run(self.root, "update-ref", "-d", ref, tip, cwd=self.clone)  # a newer save keeps its branch
            run(self.root, "config", "--unset", f"branch.{ref[len('refs/heads/'):]}.description", cwd=self.clone)
            del self.forget[ref]
        if head == f"refs/heads/{self.branch}" and not run(self.root, "fetch", "--quiet", "--no-tags", "origin",
                                                                self.branch, cwd=self.clone).returncode:
            run(self.root, "merge", "--ff-only", "--quiet", "FETCH_HEAD", cwd=self.clone)

    def _waiting(self, outcome: Outcome) -> bool:
        """Whatever held this merge back still does (checked cheaply, without deciding again)."""
        if outcome.key == "busy":
            return main_worktree(self.root, self.branch)[0] == "busy"
        return outcome.key == "dirty" and bool(dirty(self.root, self.branch, outcome.waits_on))

    def _tell(self, ref: str, outcome: Outcome) -> None:
        if not outcome.key:
            return
        values = {"branch": self.branch, "ref": ref[len("refs/heads/"):], "reasons": "", **outcome.values}
        line = self.words[outcome.key].format(**values)
        if self.told.get(ref) != line:
            self.told[ref] = line
            self.say(line)

    def _reasons(self, reasons) -> str:
        shown = [str(r) for r in reasons[:MAX_REASONS]]
        if len(reasons) > MAX_REASONS:
            shown.append(self.words["more"].format(n=len(reasons) - MAX_REASONS))
        return "; ".join(shown)

    def _few(self, files) -> str:
        shown = list(files[:MAX_FILES])
        if len(files) > MAX_FILES:
            shown.append(self.words["more"].format(n=len(files) - MAX_FILES))
        return ", ".join(shown)


