"""Local stand-ins for GitLab's and GitHub's REST APIs, as far as the trusted merge calls them,
over a real bare repository: a merge request's head is the branch's tip in that repository, and
a merge (pinned to a sha, 409 when the branch moved) really merges it into main there.

Each serves on 127.0.0.1 at a random port from a thread, records every call, and can be told
to answer 500 on a path, or to move a branch right after the MR was read (a push between the
check and the merge).
"""
from __future__ import annotations

import json
import re
import subprocess
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

ZERO = "0" * 40


def git(cwd, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


@dataclass
class FakeMR:
    number: int
    author: str
    branch: str
    target: str = "main"
    draft: bool = False
    state: str = "open"
    fork: bool = False
    labels: list = field(default_factory=list)
    move_to: str | None = None  # after the first read, the branch moves here (a late push)
    checks_pending: bool = False  # the MR's own pipeline / checks still run


class FakeForge:
    """Shared by both forges: the repository, the MRs, the pushes, and what was called."""

    def __init__(self, bare, head_ref: str):
        self.bare = bare
        self.head_ref = head_ref  # "refs/merge-requests/{n}/head" or "refs/pull/{n}/head"
        self.mrs: dict[int, FakeMR] = {}
        self.pushes: list[dict] = []  # newest last: {"user", "branch", "before", "after"}
        self.calls: list[tuple[str, str, object]] = []
        self.fail: set[str] = set()  # path fragments answered with 500
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()

    # -- the repository ------------------------------------------------------------------
    def add(self, mr: FakeMR, pusher: str | None = None, before: str | None = None):
        self.mrs[mr.number] = mr
        self.push(mr.number, pusher or mr.author, self.tip(mr.branch), before)

    def push(self, number: int, user: str, sha: str, before: str | None = None):
        mr = self.mrs[number]
        git(self.bare, "update-ref", f"refs/heads/{mr.branch}", sha)
        git(self.bare, "update-ref", self.head_ref.format(n=number), sha)
        self.pushes.append({"user": user, "branch": mr.branch, "before": before, "after": sha})

    def tip(self, branch: str) -> str:
        return git(self.bare, "rev-parse", f"refs/heads/{branch}").strip()

    def merged(self, number: int, sha: str) -> bool:
        """Merge `sha` into main in the bare repository, as the forge would."""
        main = self.tip("main")
        tree = git(self.bare, "merge-tree", "--write-tree", main, sha).split()[0]
        commit = git(self.bare, "-c", "user.name=Forge", "-c", "user.email=forge@example.invalid",
                     "commit-tree", tree, "-p", main, "-p", sha, "-m", f"Merge !{number}").strip()
        git(self.bare, "update-ref", "refs/heads/main", commit, main)
        self.mrs[number].state = "merged"
        return True

    def merge_calls(self) -> list:
        return [c for c in self.calls if c[0] == "PUT" and c[1].endswith("/merge")]

    def read_mr(self, number: int) -> tuple[FakeMR, str]:
        """The MR and its head as of now; then, once, the late push."""
        mr = self.mrs[number]
        head = self.tip(mr.branch)
        if mr.move_to:
            self.push(number, mr.author, mr.move_to, head)
            mr.move_to = None
        return mr, head

    # -- HTTP ----------------------------------------------------------------------------
    routes: list = []

    def _handler(self):
        forge = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _serve(self, method):
                parts = urlsplit(self.path)
                query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                try:
                    body = json.loads(raw) if raw else {}
                except json.JSONDecodeError:
                    body = {k: v[-1] for k, v in parse_qs(raw.decode()).items()}
                with forge.lock:
                    forge.calls.append((method, parts.path, body))
                    if any(f in parts.path for f in forge.fail):
                        return self._send(500, {"message": "500 Internal Server Error"})
                    for verb, pattern, fn in forge.routes:
                        m = re.fullmatch(pattern, parts.path)
                        if verb == method and m:
                            status, data = fn(forge, query, body, *m.groups())
                            return self._send(status, data)
                self._send(404, {"message": "404 Not Found"})

            def _send(self, status, data):
                out = json.dumps(data).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(out)))
                self.end_headers()
                self.wfile.write(out)

            def do_GET(self):
                self._serve("GET")

            def do_PUT(self):
                self._serve("PUT")

            def do_POST(self):
                self._serve("POST")

        return Handler


# -- GitLab: /api/v4/projects/42/... ---------------------------------------------------------

class FakeGitLab(FakeForge):
    PROJECT = 42

    def __init__(self, bare):
        super().__init__(bare, "refs/merge-requests/{n}/head")

    def mr_json(self, mr: FakeMR, head: str) -> dict:
        return {"iid": mr.number, "state": {"open": "opened"}.get(mr.state, mr.state), "draft": mr.draft,
                "author": {"username": mr.author}, "sha": head, "source_branch": mr.branch,
                "target_branch": mr.target, "source_project_id": 7 if mr.fork else self.PROJECT,
                "target_project_id": self.PROJECT, "labels": list(mr.labels), "title": "$(touch pwned) `id`"}

    def get_project(self, query, body):
        return 200, {"id": self.PROJECT, "default_branch": "main"}

    def get_mr(self, query, body, n):
        mr, head = self.read_mr(int(n))
        return 200, self.mr_json(mr, head)

    def list_mrs(self, query, body):
        found = [m for m in self.mrs.values() if m.state == "open" and m.target == query.get("target_branch")]
        return 200, [self.mr_json(m, self.tip(m.branch)) for m in found]

    def events(self, query, body):
        assert query.get("action") == "pushed"
        return 200, [{"action_name": "pushed to", "author_username": p["user"], "author": {"username": p["user"]},
                      "push_data": {"ref_type": "branch", "ref": p["branch"], "commit_from": p["before"] or ZERO,
                                    "commit_to": p["after"], "action": "pushed"}}
                     for p in reversed(self.pushes)]

    def merge(self, query, body, n):
        mr = self.mrs[int(n)]
        if mr.state != "open":
            return 405, {"message": "405 Method Not Allowed"}
        if body.get("sha") != self.tip(mr.branch):
            return 409, {"message": "SHA does not match HEAD of source branch"}
        if mr.checks_pending:  # "Pipelines must succeed": auto_merge waits for the pipeline
            if not body.get("auto_merge"):
                return 405, {"message": "405 Method Not Allowed"}
            return 200, {**self.mr_json(mr, body["sha"]), "merge_when_pipeline_succeeds": True}
        self.merged(int(n), body["sha"])
        return 200, {**self.mr_json(mr, body["sha"]), "state": "merged"}

    def update(self, query, body, n):
        mr = self.mrs[int(n)]
        mr.labels += [x for x in str(body.get("add_labels", "")).split(",") if x]
        return 200, self.mr_json(mr, self.tip(mr.branch))

    def note(self, query, body, n):
        return 201, {"id": len(self.calls), "body": body.get("body")}

    P = r"/api/v4/projects/42"
    routes = [("GET", P, get_project), ("GET", P + r"/merge_requests/(\d+)", get_mr),
              ("GET", P + r"/merge_requests", list_mrs), ("GET", P + r"/events", events),
              ("PUT", P + r"/merge_requests/(\d+)/merge", merge), ("PUT", P + r"/merge_requests/(\d+)", update),
              ("POST", P + r"/merge_requests/(\d+)/notes", note)]

    def notes(self) -> list[str]:
        return [c[2]["body"] for c in self.calls if c[0] == "POST" and c[1].endswith("/notes")]

    def label_calls(self) -> list[str]:
        return [c[2].get("add_labels") for c in self.calls
                if c[0] == "PUT" and re.fullmatch(self.P + r"/merge_requests/\d+", c[1])]


# -- GitHub: /repos/wetterveen/intranet/... --------------------------------------------------

class FakeGitHub(FakeForge):
    REPO = "wetterveen/intranet"

    def __init__(self, bare):
        super().__init__(bare, "refs/pull/{n}/head")

    def repo_json(self, full_name=None) -> dict:
        name = full_name or self.REPO
        return {"full_name": name, "name": name.split("/")[1], "default_branch": "main",
                "url": f"{self.url}/repos/{name}"}

    def pull_json(self, mr: FakeMR, head: str) -> dict:
        url = f"{self.url}/repos/{self.REPO}"
        return {"number": mr.number, "state": "open" if mr.state == "open" else "closed",
                "merged": mr.state == "merged", "draft": mr.draft, "user": {"login": mr.author},
                "title": "$(touch pwned) `id`", "url": f"{url}/pulls/{mr.number}",
                "issue_url": f"{url}/issues/{mr.number}",
                "head": {"sha": head, "ref": mr.branch,
                         "repo": self.repo_json("someone/fork" if mr.fork else None)},
                "base": {"ref": mr.target, "sha": self.tip("main"), "repo": self.repo_json()},
                "labels": [{"name": x} for x in mr.labels]}

    def get_repo(self, query, body):
        return 200, self.repo_json()

    def get_pull(self, query, body, n):
        mr, head = self.read_mr(int(n))
        return 200, self.pull_json(mr, head)

    def list_pulls(self, query, body):
        found = [m for m in self.mrs.values() if m.state == "open" and m.target == query.get("base")]
        return 200, [self.pull_json(m, self.tip(m.branch)) for m in found]

    def events(self, query, body):
        return 200, [{"id": str(i), "type": "PushEvent", "actor": {"login": p["user"]},
                      "payload": {"ref": f"refs/heads/{p['branch']}", "head": p["after"],
                                  "before": p["before"] or ZERO}}
                     for i, p in reversed(list(enumerate(self.pushes)))]

    def merge(self, query, body, n):
        mr = self.mrs[int(n)]
        if mr.state != "open":
            return 405, {"message": "Pull Request is not mergeable"}
        if body.get("sha") != self.tip(mr.branch):
            return 409, {"message": "Head branch was modified. Review and try the merge again."}
        if mr.checks_pending:
            return 405, {"message": "Required status check \"build\" is expected."}
        self.merged(int(n), body["sha"])
        return 200, {"merged": True, "sha": self.tip("main"), "message": "Pull Request successfully merged"}

    def add_labels(self, query, body, n):
        mr = self.mrs[int(n)]
        mr.labels += list(body.get("labels", []) if isinstance(body, dict) else body)
        return 200, [{"name": x} for x in mr.labels]

    def comment(self, query, body, n):
        return 201, {"id": len(self.calls), "body": body.get("body")}

    P = r"/repos/wetterveen/intranet"
    routes = [("GET", P, get_repo), ("GET", P + r"/pulls/(\d+)", get_pull), ("GET", P + r"/pulls", list_pulls),
              ("GET", P + r"/events", events), ("PUT", P + r"/pulls/(\d+)/merge", merge),
              ("POST", P + r"/issues/(\d+)/labels", add_labels), ("POST", P + r"/issues/(\d+)/comments", comment)]

    def notes(self) -> list[str]:
        return [c[2]["body"] for c in self.calls if c[0] == "POST" and c[1].endswith("/comments")]

    def label_calls(self) -> list[str]:
        return [",".join(c[2].get("labels", []) if isinstance(c[2], dict) else c[2])
                for c in self.calls if c[0] == "POST" and c[1].endswith("/labels")]
