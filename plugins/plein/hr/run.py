"""One import, start to finish, through the contribution flow: the plan against the default
branch, the leaver guard, the files written in the temporary worktree, validation, one branch,
one commit, one push that opens one merge request."""
from __future__ import annotations

import difflib
import sys
from datetime import date, datetime

import click

from ..contrib import codeowners as co
from ..contrib import send
from ..contrib.flow import Contribution
from ..errors import FatalError
from ..git import ops as gitops
from ..model import problems as report
from ..model.load import load
from ..model.validate import check
from . import apply
from .plan import Plan, make_plan


class Import(Contribution):
    """`with Import(opts, "import") as run: run.run(entries, ...)`"""

    def run(self, entries, config, source: str, today: date, dry_run: bool,
           max_leavers: float | None) -> int:
        plan = make_plan(self.org, entries, config, today)
        if plan.refused:  # said first and apart: these rows are not in what follows
            click.echo(apply.refusals(plan), err=True)
        if plan.empty:
            if plan.refused:
                raise FatalError(f"nothing to import from {source} but the {len(plan.refused)} "
                                 "refused above; fix them and run the import again")
            click.echo(f"Nothing to import: the profiles on {self.default} already match {source}.")
            return 0
        self._guard(plan, config.max_leavers if max_leavers is None else max_leavers)
        texts = apply.files(plan, self.wt_root)
        summary = apply.summary(plan, source)
        if dry_run:
            click.echo(summary)
            click.echo(self._diff(texts), nl=False)
            click.echo("Dry run: nothing was written.")
            return 0
        for rel, text in texts.items():
            self._write(rel, text)
        texts.update(self._codeowners())
        self._check(texts)
        click.echo(summary)
        self._confirm_import()
        title = f"HR import: {apply.headline(plan)}"
        return self._publish(list(texts), title, summary, apply.one_line(plan, source), today)

    def _guard(self, plan: Plan, share: float) -> None:
        """A truncated export must not turn the organisation into alumni."""
        present = sum(1 for p in self.org.people.values() if not p.left)
        if not plan.leavers or len(plan.leavers) * 100 <= share * present:
            return
        pct = round(len(plan.leavers) * 100 / max(present, 1))
        message = (f"this import would make {len(plan.leavers)} of the {present} colleagues leavers "
                   f"({pct} %), more than the {share:g} % allowed (hr: max_leavers in mkdocs.yml)")
        if not self.opts.yes and sys.stdin.isatty():
            if click.confirm(f"Careful: {message}. Is the export complete? Go on", default=False):
                return
            raise FatalError("cancelled; nothing was written")
        raise FatalError(f"{message}, so nothing was written. Is the export complete? Fix: check "
                         f"the export; if they really left, run again with --max-leavers {pct}")

    def _proposed(self, tree: str) -> str:
        """The import branch on the remote whose files are exactly `tree`, or ''."""
        remote, prefix = self.opts.remote, "plein/import/"
        if self.opts.push:
            self.repo.git.fetch(remote, f"+refs/heads/{prefix}*:refs/remotes/{remote}/{prefix}*",
                                "--prune", with_exceptions=False)
        refs = self.repo.git.for_each_ref("--format=%(refname:short) %(tree)",
                                          f"refs/remotes/{remote}/{prefix}").splitlines()
        return next((ref.split("/", 1)[1] for ref, _, t in (r.partition(" ") for r in refs)
                     if t == tree), "")

    def _diff(self, texts: dict[str, str]) -> str:
        out = []
        for rel, text in texts.items():
            path = self.path(rel)
            old = path.read_text(encoding="utf-8") if path.is_file() else ""
            out.extend(difflib.unified_diff(old.splitlines(keepends=True), text.splitlines(keepends=True),
                                            f"a/{rel}" if old else "/dev/null", f"b/{rel}"))
        return "".join(out)

    def _codeowners(self) -> dict[str, str]:
        """CODEOWNERS must follow the profiles, or CI's `plein codeowners --check` fails the MR."""
        org, _ = load(self.wt_root, cache=self.parsed)
        made = co.generate(org, self.settings.communications, self.settings.moderators)
        out = {}
        for rel, text in made.items():
            path = self.path(rel)
            if path.is_file() and path.read_text(encoding="utf-8") != text:
                self._write(rel, text)
                out[rel] = text
        return out

    def _check(self, texts: dict[str, str]) -> None:
        org, problems = load(self.wt_root, cache=self.parsed)
        check(org, problems)
        errors = [p for p in problems.errors if p.path in texts]
        if errors:
            raise FatalError("the imported profiles would have problems, so nothing was committed:\n"
                             f"{report.to_text(errors)}")

    def _confirm_import(self) -> None:
        if self.opts.yes:
            return
        try:
            go = click.confirm("Open a merge request with this?", default=True)
        except click.exceptions.Abort:
            raise FatalError("no answer, so nothing was committed; pass --yes to confirm "
                             "from a script") from None
        if not go:
            raise FatalError("cancelled; nothing was committed")

    def _publish(self, rels: list[str], title: str, summary: str, description: str, today: date) -> int:
        branch = gitops.free_branch(self.repo, f"plein/import/{datetime.now():%Y%m%d-%H%M%S}")
        gitops.commit_many(self.wt, branch, [self._git(p) for p in rels], f"{title}\n\n{summary}")
        same = self._proposed(self.wt.head.commit.tree.hexsha)
        if same:  # last night's merge request is still open and says exactly this
            self.wt.git.switch("--quiet", "--detach")
            self.repo.git.branch("-D", branch)
            click.echo(f"The open merge request of {same} already proposes exactly these changes; "
                       "nothing new was committed.")
            return 0
        options = send.push_options(self, title, description)
        command = "git push " + " ".join(gitops.quote_args(gitops.push_args(self.opts.remote, branch,
                                                                            options)))
        if not self.opts.push:
            click.echo(f"Committed {len(rels)} file{'' if len(rels) == 1 else 's'} on branch {branch} (not pushed).")
            click.echo(f"To open the merge request, run:\n  {command}")
            return 0
        pushed = gitops.push(self.repo, self.opts.remote, branch, options)
        if not pushed.ok and options and "push options" in pushed.output:
            pushed = gitops.push(self.repo, self.opts.remote, branch, [])  # a server without them
        if not pushed.ok:
            raise FatalError(f"the push to {self.opts.remote} failed:\n{pushed.output.strip()}\n"
                             f"The import is safe on the branch {branch}. To try again, run:\n"
                             f"  {command}")
        click.echo(f"Pushed {len(rels)} file{'' if len(rels) == 1 else 's'} on branch {branch}.")
        click.echo(send.link(self, pushed.output, branch))
        return 0
