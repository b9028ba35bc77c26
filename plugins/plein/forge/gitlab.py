"""GitLab (Free is enough) through python-gitlab: the MR, push events, a pinned merge, a label
and a note. Every failure of the API becomes a ForgeError, so the job stops and merges nothing."""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator
from urllib.parse import quote

import gitlab
import requests

from .base import MR, ForgeError, Merged, Push, checked_sha

# the answers of PUT .../merge that mean "not now": 405 not mergeable (pipeline, conflicts,
# draft), 406 cannot be merged, 409 the head moved (sha), 422 unprocessable
NOT_MERGED = {405: "not mergeable now", 406: "not mergeable", 409: "the branch moved after the check",
              422: "not mergeable"}
ZERO = "0" * 40
MAX_EVENTS = 2000  # push events looked at for one MR; beyond that its pushers count as unknown


class GitLab:
    name = "gitlab"
    labels = {"review": "plein::review", "refuse": "plein::refused"}

    def __init__(self, url: str, project: str, token: str, timeout: float = 30):
        self.gl = gitlab.Gitlab(url, private_token=token, timeout=timeout, per_page=100,
                                retry_transient_errors=False)
        self.path = f"/projects/{quote(str(project), safe='')}"
        self._default: str | None = None

    @contextmanager
    def _api(self, what: str):
        try:
            yield
        except gitlab.GitlabHttpError as err:
            raise ForgeError(f"GitLab refused to {what} (HTTP {err.response_code}: "
                             f"{str(err.error_message)[:200]}); nothing was merged") from None
        except gitlab.GitlabError as err:
            raise ForgeError(f"GitLab could not {what} ({str(err)[:200]}); nothing was merged") from None
        except (requests.RequestException, ValueError, KeyError, TypeError) as err:
            raise ForgeError(f"GitLab could not {what} ({type(err).__name__}: {str(err)[:200]}); "
                             "nothing was merged") from None

    def _get(self, what: str, path: str, **query):
        with self._api(what):
            return self.gl.http_get(self.path + path, query_data=query)

    def default_branch(self) -> str:
        if self._default is None:
            project = self._get("read the project", "")
            self._default = str(project["default_branch"])
        return self._default

    def merge_request(self, number: int) -> MR:
        data = self._get(f"read merge request !{number}", f"/merge_requests/{number}")
        with self._api(f"read merge request !{number}"):
            state = {"opened": "open"}.get(data["state"], str(data["state"]))
            return MR(number=int(data["iid"]), author=str(data["author"]["username"]),
                      head_sha=checked_sha(data["sha"], f"merge request !{number}"),
                      source_branch=str(data["source_branch"]), target_branch=str(data["target_branch"]),
                      default_branch=self.default_branch(),
                      fork=data["source_project_id"] != data["target_project_id"],
                      draft=bool(data.get("draft", data.get("work_in_progress", True))),
                      state=state, labels=tuple(str(x) for x in data.get("labels") or ()),
                      head_ref=f"refs/merge-requests/{int(data['iid'])}/head")

    def pushes(self, mr: MR) -> Iterator[Push]:
        """The project's push events to the source branch (GitLab records the pushing account).
        A push of more than a few branches at once is one bulk event without branch data
        (`push_event_activities_limit`): such a link is missing, and the job fails safe."""
        with self._api("read the push events"):
            events = self.gl.http_list(self.path + "/events", query_data={"action": "pushed"},
                                       iterator=True)
            for seen, event in enumerate(events):
                if seen >= MAX_EVENTS:
                    return
                data = event.get("push_data") or {}
                if data.get("ref_type") != "branch" or data.get("ref") != mr.source_branch:
                    continue
                before = data.get("commit_from")
                yield Push(username=str(event.get("author_username") or event["author"]["username"]),
                           before=None if before in (None, "", ZERO) else str(before),
                           after=str(data.get("commit_to") or ""))

    def merge(self, number: int, sha: str) -> Merged:
        # auto_merge: with "Pipelines must succeed" GitLab merges once the MR's pipeline passes;
        # a later push with another head cancels it (the pinned sha), so the reviewed commit is
        # the only one that can be merged. merge_when_pipeline_succeeds is its older name, for
        # GitLab versions before auto_merge.
        with self._api(f"merge merge request !{number}"):
            try:
                asked = {"sha": sha, "auto_merge": True, "merge_when_pipeline_succeeds": True}
                data = self.gl.http_put(f"{self.path}/merge_requests/{number}/merge", post_data=asked)
            except gitlab.GitlabHttpError as err:
                if err.response_code in NOT_MERGED:
                    return Merged(False, why=NOT_MERGED[err.response_code])
                raise
        state = data.get("state") if isinstance(data, dict) else None
        if state == "merged":
            return Merged(True)
        if isinstance(data, dict) and (data.get("auto_merge_enabled") or data.get("merge_when_pipeline_succeeds")):
            return Merged(False, queued=True, why="it merges when its pipeline succeeds")
        return Merged(False, why=f"GitLab left it {state or 'unmerged'}")

    def label(self, number: int, name: str) -> None:
        with self._api(f"label merge request !{number}"):
            self.gl.http_put(f"{self.path}/merge_requests/{number}", post_data={"add_labels": name})

    def comment(self, number: int, text: str) -> None:
        with self._api(f"comment on merge request !{number}"):
            self.gl.http_post(f"{self.path}/merge_requests/{number}/notes", post_data={"body": text})

    def open_numbers(self, target_branch: str) -> list[int]:
        with self._api("list the open merge requests"):
            found = self.gl.http_list(self.path + "/merge_requests", iterator=True,
                                      query_data={"state": "opened", "target_branch": target_branch})
            return [int(mr["iid"]) for mr in found]
