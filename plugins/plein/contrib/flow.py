"""One contribution, start to finish: fetch, branch from the default branch, write exactly the
new file, check it the way `plein validate` does, commit it as the user, push it with GitLab's
merge-request push options, and print the link.

Nothing here touches the user's checkout: the work happens in a temporary worktree (see
gitops.worktree), so the user stays on the branch they started from and their uncommitted
files are left exactly as they were, whatever goes wrong.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import click

from ..errors import FatalError
from ..git import ops as gitops
from ..git.repo import find_root
from ..model import problems as report
from ..model.load import load
from ..model.org import Person
from ..model import safepath
from ..model.names import check_handle
from ..model.parsecache import ParseCache
from ..model.validate import check
from . import send
from .codeowners import PATHS as CODEOWNERS_PATHS
from .prompts import ask_text
from . import settings as site_settings
from .unsent import Unsent


@dataclass
class Options:
    root: str | None = None
    remote: str = "origin"
    push: bool = True
    yes: bool = False
    as_handle: str | None = None
    when: datetime | None = None


class Contribution:
    """`with Contribution(opts, "reply") as c:` gives c.org (the default branch as fetched),
    c.me() and c.submit(...)."""

    def __init__(self, opts: Options, kind: str):
        self.opts, self.kind = opts, kind
        self.now = opts.when  # the site's local time once the settings are read (__enter__)

    def __enter__(self):
        opts = self.opts
        self.root = find_root(opts.root)
        self.repo = gitops.open_repo_at(self.root)
        top = Path(self.repo.working_tree_dir).resolve()
        self.prefix = self.root.relative_to(top).as_posix().strip(".")  # '' when mkdocs.yml is at the top
        self.name, self.email = gitops.identity(self.repo)
        self.settings = site_settings.read(self.root)
        self.now = opts.when or site_settings.now(self.settings)
        try:
            self.url = gitops.remote_url(self.repo, opts.remote)
        except FatalError:
            if opts.push:
                raise
            self.url = ""  # --no-push works in a clone without a remote too
        self.default = gitops.default_branch(self.repo, opts.remote, self.settings.branch, opts.push)
        if opts.push:
            warning = gitops.fetch(self.repo, opts.remote, self.default)
            if warning:
                click.echo(f"plein: could not fetch {opts.remote}/{self.default}: {warning}. "
                           "Working from the copy fetched last time.", err=True)
        self.base_ref, self.base = gitops.base_commit(self.repo, opts.remote, self.default)
        self.unsent = None  # set by text(): what the person wrote, kept until pushed
        self.pending = {self._rel(p): b for p, b in gitops.pending(self.repo, opts.remote, self.base).items()}
        self._worktree = gitops.worktree(self.repo, self.base)
        self.wt = self._worktree.__enter__()
        self.wt_root = Path(self.wt.working_tree_dir) / self.prefix
        self.parsed = ParseCache(self.root / self.settings.cache_dir)
        try:
            self.org, _ = load(self.wt_root, cache=self.parsed)
        except BaseException:
            self._worktree.__exit__(*sys.exc_info())
            raise
        return self

    def __exit__(self, *exc):
        if self.repo.ignored(str(self.root / self.settings.cache_dir) + "/"):  # "/": a folder
            self.parsed.save()  # the next command and build start warm; never litter a clone
        return self._worktree.__exit__(*exc)

    # -- who and what --------------------------------------------------------------------------

    def me(self) -> Person:
        """The user: --as HANDLE, else the profile whose e-mail is their git e-mail."""
        if self.opts.as_handle:
            check_handle(self.opts.as_handle, "handle", "--as")
            person = self.org.people.get(self.opts.as_handle)
            if person is None:
                raise FatalError(f"--as {self.opts.as_handle}: there is no profile "
                                 f"profiles/{self.opts.as_handle}.yml on {self.default}")
            return person
        for person in self.org.people.values():
            if person.email.casefold() == self.email.casefold():
                return person
        raise FatalError(f"no profile has your git e-mail '{self.email}'. Fix: set the e-mail of your "
                         "profile with git config user.email <e-mail in your profile>, or pass "
                         "--as <your handle>; new here? create your profile with `plein new profile`")

    def taken(self, rel: str) -> bool:
        """True when `rel` exists on the default branch, is added by a contribution not yet
        merged (a plein/* branch), or has local changes: never overwrite, never collide."""
        return (self.path(rel).exists() or rel in self.pending
                or gitops.changed_in_worktree(self.repo, self._git(rel)))

    def text(self, body: str | None, what: str, key: str, limit: int | None = None,
             again: str = "") -> str:
        """The text of the contribution (see options.ask_text), kept as unsent until pushed;
        `again` is the command that offers it back (default: `plein <kind>`)."""
        self.unsent = Unsent(self.repo.common_dir, key, what)
        self.again = again or f"plein {self.command}"
        return ask_text(body, what, self.unsent, limit)

    def _git(self, rel: str) -> str:
        return f"{self.prefix}/{rel}" if self.prefix else rel

    def _rel(self, path: str) -> str:
        return path[len(self.prefix) + 1:] if self.prefix and path.startswith(self.prefix + "/") else path

    # -- the one way in ------------------------------------------------------------------------

    def submit(self, rel: str, text: str, *, title: str, description: str, slug: str,
               also=None, replace: bool = False, onto: str | None = None) -> int:
        """Write `rel`, check, commit, push, print the link. `also(root)` may return generated
        files ({path: text}) that must change with it; those whose text changed go along.
        Only a generated file (`replace`) may replace one on the default branch. With `onto`
        (an open contribution's branch that adds `rel`) the commit goes on top of that branch."""
        try:
            files = self._prepare(rel, text, also, replace, onto)
        except FatalError as err:
            raise FatalError(f"{err}{self._kept()}") from None
        except KeyboardInterrupt:
            raise FatalError(f"interrupted, so nothing was committed.{self._kept()}") from None
        if onto:
            branch, sha = onto, self._commit_onto(onto, files, title)
        else:
            branch = gitops.free_branch(self.repo, f"plein/{self.kind}/{slug}/{datetime.now():%Y%m%d-%H%M%S}")
            sha = gitops.commit_files(self.wt, branch, [self._git(p) for p in files], title)
        if len(files) > 1:
            click.echo("Also updated (generated): " + ", ".join(files[1:]))
        return send.send(self, rel, branch, sha, title, description)

    def _commit_onto(self, branch: str, files: list[str], title: str) -> str:
        """Commit `files` (as checked here, on the default branch) on top of `branch`."""
        tip = gitops.branch_tip(self.repo, self.opts.remote, branch)
        with gitops.worktree(self.repo, tip) as wt:
            for rel in files:
                safepath.write_bytes(Path(wt.working_tree_dir) / self.prefix, rel,
                                     self.path(rel).read_bytes(), _hidden(rel))
            sha = gitops.commit_files(wt, None, [self._git(p) for p in files], title)
        self.repo.git.branch("-f", branch, sha)  # the push sends the local branch
        return sha

    def _prepare(self, rel: str, text: str, also, replace: bool, onto: str | None) -> list[str]:
        if not replace:
            self._refuse_to_overwrite(rel, onto)
        self._write(rel, text)
        self._validate(rel)
        files = [rel]
        for path, content in (also(self.wt_root) if also else {}).items():
            old = self.path(path)
            if not old.is_file() or old.read_text(encoding="utf-8") != content:
                self._write(path, content)
                files.append(path)
        self._confirm(rel, text, files[1:])
        return files

    def _kept(self) -> str:
        if self.unsent is None or not self.unsent.text():
            return ""
        return (f"\nYour {self.unsent.what} is kept in {self.unsent.path}; run `{self.again}` "
                "again and it is offered back.")

    @property
    def command(self) -> str:
        return "new profile" if self.kind == "profile" else self.kind

    def path(self, rel: str) -> Path:
        """`rel` in the worktree, through safepath.inside: no name leaves the worktree."""
        return safepath.inside(self.wt_root, rel, hidden=_hidden(rel))

    def _write(self, rel: str, text: str) -> None:
        safepath.write_text(self.wt_root, rel, text, _hidden(rel))

    def _refuse_to_overwrite(self, rel: str, onto: str | None = None) -> None:
        if gitops.changed_in_worktree(self.repo, self._git(rel)):
            raise FatalError(f"{rel}: you have uncommitted changes to this file in your clone; "
                             "commit or move them first, then run the command again")
        if self.path(rel).exists():
            raise FatalError(f"{rel}: already exists on {self.default}; Plein never overwrites a file. "
                             "Wait a minute and try again, or edit that file instead")
        if rel in self.pending and self.pending[rel] != onto:
            raise FatalError(f"{rel}: the open merge request of branch {self.pending[rel]} adds this "
                             "file already. Wait until it is merged, or change it on that branch")

    def _validate(self, rel: str) -> None:
        org, problems = load(self.wt_root, cache=self.parsed)
        check(org, problems, touched={rel})
        mine = [p for p in problems if p.path == rel]
        warnings = [p for p in mine if p.severity != "error"]
        if warnings:
            click.echo(report.to_text(warnings), err=True)
        errors = [p for p in mine if p.severity == "error"]
        if errors:
            raise FatalError(f"your {self.kind} has problems, so nothing was committed. In the new file "
                             f"it would add, {rel}:\n{report.to_text(errors)}")

    def _confirm(self, rel: str, text: str, generated: list[str]) -> None:
        click.echo(f"--- {rel}\n{text.rstrip()}\n---")
        if generated:
            click.echo("It also updates, generated from the profiles: " + ", ".join(generated))
        if self.opts.yes:
            return
        try:
            go = click.confirm("Open a merge request with this?", default=True)
        except click.exceptions.Abort:
            raise FatalError("not confirmed (interrupted, or no answer), so nothing was committed; "
                             "pass --yes to confirm from a script") from None
        if not go:
            raise FatalError("cancelled; nothing was committed")


def _hidden(rel: str) -> tuple[str, ...]:
    """The dot-folders of the files Plein generates itself (.github/CODEOWNERS), never of a
    name a person chose."""
    return (".github",) if rel in CODEOWNERS_PATHS.values() else ()
