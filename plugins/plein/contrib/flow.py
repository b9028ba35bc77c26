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
from ..model.parsecache import ParseCache
from ..model.validate import check
from . import settings as site_settings


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
        self.now = opts.when or datetime.now().replace(second=0, microsecond=0)

    def __enter__(self):
        opts = self.opts
        self.root = find_root(opts.root)
        self.repo = gitops.open_repo_at(self.root)
        top = Path(self.repo.working_tree_dir).resolve()
        self.prefix = self.root.relative_to(top).as_posix().strip(".")  # '' when mkdocs.yml is at the top
        self.name, self.email = gitops.identity(self.repo)
        self.settings = site_settings.read(self.root)
        self.url = gitops.remote_url(self.repo, opts.remote)
        self.default = gitops.default_branch(self.repo, opts.remote, self.settings.branch, opts.push)
        if opts.push:
            warning = gitops.fetch(self.repo, opts.remote, self.default)
            if warning:
                click.echo(f"plein: could not fetch {opts.remote}/{self.default} ({warning}); "
                           "working from the copy fetched last time", err=True)
        self.base_ref, self.base = gitops.base_commit(self.repo, opts.remote, self.default)
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
        """True when `rel` exists on the default branch or has local changes: never overwrite."""
        return (self.wt_root / rel).exists() or gitops.changed_in_worktree(self.repo, self._git(rel))

    def _git(self, rel: str) -> str:
        return f"{self.prefix}/{rel}" if self.prefix else rel

    # -- the one way in ------------------------------------------------------------------------

    def submit(self, rel: str, text: str, *, title: str, description: str, slug: str,
               also=None) -> int:
        """Write `rel`, check, commit, push, print the link. `also(root)` may return generated
        files ({path: text}) that must change with it; those whose text changed go along."""
        self._refuse_to_overwrite(rel)
        self._write(rel, text)
        self._validate(rel)
        files = [rel]
        for path, content in (also(self.wt_root) if also else {}).items():
            old = self.wt_root / path
            if not old.is_file() or old.read_text(encoding="utf-8") != content:
                self._write(path, content)
                files.append(path)
        self._confirm(rel, text)
        branch = gitops.free_branch(self.repo, f"plein/{self.kind}/{slug}/{datetime.now():%Y%m%d-%H%M%S}")
        gitops.commit_files(self.wt, branch, [self._git(p) for p in files], title)
        if len(files) > 1:
            click.echo("Also updated (generated): " + ", ".join(files[1:]))
        options = self._push_options(title, description)
        command = "git push " + " ".join(gitops.quote_args(gitops.push_args(self.opts.remote, branch, options)))
        if not self.opts.push:
            click.echo(f"Committed {rel} on branch {branch} (not pushed).")
            click.echo(f"To open the merge request, run:\n  {command}")
            return 0
        pushed = gitops.push(self.repo, self.opts.remote, branch, options)
        if not pushed.ok and options and "push options" in pushed.output:
            pushed = gitops.push(self.repo, self.opts.remote, branch, [])  # a server without them
        if not pushed.ok:
            raise FatalError(f"the push to {self.opts.remote} failed:\n{_indent(pushed.output)}\n"
                             f"Your {self.kind} is safe on the branch {branch}. To try again, run:\n"
                             f"  {command}")
        click.echo(f"Pushed {rel} on branch {branch}.")
        click.echo(self._link(pushed.output, branch))
        return 0

    def _write(self, rel: str, text: str) -> None:
        target = self.wt_root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")

    def _refuse_to_overwrite(self, rel: str) -> None:
        if gitops.changed_in_worktree(self.repo, self._git(rel)):
            raise FatalError(f"{rel}: you have uncommitted changes to this file in your clone; "
                             "commit or move them first, then run the command again")
        if (self.wt_root / rel).exists():
            raise FatalError(f"{rel}: already exists on {self.default}; Plein never overwrites a file. "
                             "Wait a minute and try again, or edit that file instead")

    def _validate(self, rel: str) -> None:
        org, problems = load(self.wt_root, cache=self.parsed)
        check(org, problems, touched={rel})
        mine = [p for p in problems if p.path == rel]
        warnings = [p for p in mine if p.severity != "error"]
        if warnings:
            click.echo(report.to_text(warnings), err=True)
        errors = [p for p in mine if p.severity == "error"]
        if errors:
            raise FatalError(f"your {self.kind} has problems, so nothing was committed:\n"
                             f"{report.to_text(errors)}")

    def _confirm(self, rel: str, text: str) -> None:
        click.echo(f"--- {rel}\n{text.rstrip()}\n---")
        if self.opts.yes:
            return
        try:
            go = click.confirm("Open a merge request with this?", default=True)
        except click.exceptions.Abort:
            raise FatalError("no answer, so nothing was committed; pass --yes to confirm "
                             "from a script") from None
        if not go:
            raise FatalError("cancelled; nothing was committed")

    def _github(self) -> bool:
        return gitops.is_github(self.url) or self.settings.forge == "github"

    def _push_options(self, title: str, description: str) -> list[str]:
        if self._github():
            return []  # GitHub has no merge-request push options: print a compare link instead
        one_line = lambda s: " ".join(s.split())  # push options cannot hold line breaks
        return ["merge_request.create", f"merge_request.target={self.default}",
                f"merge_request.title={one_line(title)}",
                f"merge_request.description={one_line(description)}",
                "merge_request.remove_source_branch"]

    def _link(self, output: str, branch: str) -> str:
        link = gitops.mr_link(output)
        if link:
            return f"Merge request: {link}"
        web = gitops.web_url(self.url) or self.settings.repo_url
        if self._github() and web:
            return f"Open the pull request: {gitops.compare_url(web, self.default, branch)}"
        if web:
            return (f"Open the merge request: {web}/-/merge_requests/new"
                    f"?merge_request%5Bsource_branch%5D={branch}")
        return f"Open a merge request from {branch} to {self.default} on your forge."


def _indent(text: str) -> str:
    return "\n".join("  " + line for line in text.strip().splitlines()[-6:])
