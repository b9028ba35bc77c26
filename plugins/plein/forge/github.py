"""GitHub through PyGithub: the pull request, push events, a pinned merge, a label and a
comment. Every failure of the API becomes a ForgeError, so the job stops and merges nothing."""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

import github
import requests
from github.GithubRetry import GithubRetry

from .base import MR, ForgeError, Merged, Push, checked_sha

# 405: not mergeable (checks, conflicts, draft); 409: the head moved (sha); 422: unprocessable
NOT_MERGED = {405: "not mergeable now", 409: "the branch moved after the check", 422: "not mergeable"}
ZERO = "0" * 40
MAX_EVENTS = 300  # GitHub keeps the last 300 events of a repository (and only 90 days)


class GitHub:
    name = "github"
    labels = {"review": "plein-review", "refuse": "plein-refused"}

    def __init__(self, url: str, repository: str, token: str, timeout: float = 30):
        # retry only what is transient (502-504) and briefly; a 500 or 4xx fails closed at once
        retry = GithubRetry(total=2, backoff_factor=0.5, status_forcelist=[502, 503, 504], max_rate_limit_wait=60)
        self.gh = github.Github(auth=github.Auth.Token(token), base_url=url.rstrip("/"), timeout=int(timeout),
                                retry=retry, seconds_between_requests=None, seconds_between_writes=None)
        self.repository = repository
        self._repo = None

    @contextmanager
    def _api(self, what: str):
        try:
            yield
        except github.GithubException as err:
            message = err.data.get("message", "") if isinstance(err.data, dict) else str(err.data)
            raise ForgeError(f"GitHub refused to {what} (HTTP {err.status}: {str(message)[:200]}); "
                             "nothing was merged") from None
        except (requests.RequestException, ValueError, KeyError, TypeError, AttributeError) as err:
            raise ForgeError(f"GitHub could not {what} ({type(err).__name__}: {str(err)[:200]}); "
                             "nothing was merged") from None

    def repo(self):
        if self._repo is None:
            with self._api("find the repository"):
                self._repo = self.gh.get_repo(self.repository, lazy=True)
        return self._repo

    def default_branch(self) -> str:
        with self._api("read the repository"):
            return str(self.repo().default_branch)

    def _pull(self, number: int, what: str):
        with self._api(what):
            return self.repo().get_pull(number)

    def merge_request(self, number: int) -> MR:
        pull = self._pull(number, f"read pull request #{number}")
        with self._api(f"read pull request #{number}"):
            head_repo = pull.head.repo
            state = "merged" if pull.merged else {"open": "open"}.get(pull.state, "closed")
            return MR(number=int(pull.number), author=str(pull.user.login),
                      head_sha=checked_sha(pull.head.sha, f"pull request #{number}"),
                      source_branch=str(pull.head.ref), target_branch=str(pull.base.ref),
                      default_branch=str(pull.base.repo.default_branch),
                      fork=head_repo is None or head_repo.full_name != pull.base.repo.full_name,
                      draft=bool(pull.draft), state=state,
                      labels=tuple(str(label.name) for label in pull.labels),
                      head_ref=f"refs/pull/{int(pull.number)}/head")

    def pushes(self, mr: MR) -> Iterator[Push]:
        """PushEvents of the repository to the source branch, newest first. GitHub's events API
        keeps 300 events and may lag by a few minutes: a missing link makes the job fail safe."""
        ref = f"refs/heads/{mr.source_branch}"
        with self._api("read the push events"):
            for seen, event in enumerate(self.repo().get_events()):
                if seen >= MAX_EVENTS:
                    return
                payload = event.payload or {}
                if event.type != "PushEvent" or payload.get("ref") != ref:
                    continue
                before = payload.get("before")
                yield Push(username=str(event.actor.login), before=None if before in (None, "", ZERO) else str(before),
                           after=str(payload.get("head") or ""))

    def merge(self, number: int, sha: str) -> Merged:
        pull = self._pull(number, f"merge pull request #{number}")
        with self._api(f"merge pull request #{number}"):
            try:
                done = pull.merge(sha=sha)
            except github.GithubException as err:
                if err.status in NOT_MERGED:
                    return Merged(False, why=NOT_MERGED[err.status])
                raise
            return Merged(bool(done.merged), why="" if done.merged else str(done.message)[:200])

    def label(self, number: int, name: str) -> None:
        pull = self._pull(number, f"label pull request #{number}")
        with self._api(f"label pull request #{number}"):
            pull.add_to_labels(name)

    def comment(self, number: int, text: str) -> None:
        pull = self._pull(number, f"comment on pull request #{number}")
        with self._api(f"comment on pull request #{number}"):
            pull.create_issue_comment(text)

    def open_numbers(self, target_branch: str) -> list[int]:
        with self._api("list the open pull requests"):
            return [int(p.number) for p in self.repo().get_pulls(state="open", base=target_branch)]
