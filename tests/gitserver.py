"""A real Git server for tests: a bare repository on loopback, over file:// and smart HTTP.

The bare repository advertises push options (receive.advertisePushOptions) and its
pre-receive hook records every push (refs and the push options it received, from
GIT_PUSH_OPTION_COUNT and GIT_PUSH_OPTION_<n>) to a JSON-lines log. Like GitLab, it answers
`merge_request.create` with "View merge request for <branch>:" and a URL. It can be told to
refuse pushes, or to hang in a push (to interrupt it). HTTP is `git http-backend` run as a CGI behind a threaded http.server on
127.0.0.1 at a random port.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HOOK = r'''#!{python}
import json, os, sys
here = os.path.dirname(os.path.abspath(__file__))
options = [os.environ["GIT_PUSH_OPTION_%d" % i]
           for i in range(int(os.environ.get("GIT_PUSH_OPTION_COUNT", "0")))]
refs = [line.split()[2] for line in sys.stdin if line.strip()]
with open(os.path.join(here, "..", "push-log.jsonl"), "a") as log:
    log.write(json.dumps({{"refs": refs, "options": options}}) + "\n")
if os.path.exists(os.path.join(here, "..", "slow-pre")):  # a push that hangs before the update
    open(os.path.join(here, "..", "sleeping"), "w").close()
    import time; time.sleep(60)
if os.path.exists(os.path.join(here, "..", "refuse")):
    print("pre-receive hook declined: this server refuses pushes today", file=sys.stderr)
    sys.exit(1)
if "merge_request.create" in options:
    for ref in refs:
        branch = ref[len("refs/heads/"):]
        print("", file=sys.stderr)
        print("View merge request for %s:" % branch, file=sys.stderr)
        print("  http://forge.invalid/intranet/-/merge_requests/%d" % (len(open(
            os.path.join(here, "..", "push-log.jsonl")).readlines())), file=sys.stderr)
        print("", file=sys.stderr)
'''


POST_HOOK = r'''#!{python}
import os, time
here = os.path.dirname(os.path.abspath(__file__))
if os.path.exists(os.path.join(here, "..", "slow-post")):  # the branch is in, the client still waits
    open(os.path.join(here, "..", "sleeping"), "w").close()
    time.sleep(60)
'''


class GitServer:
    """`with GitServer(tmp) as srv:` srv.file_url, srv.http_url, srv.pushes(), srv.refuse()."""

    def __init__(self, base: Path, name: str = "intranet.git"):
        self.root = Path(base) / "srv"
        self.path = self.root / name
        self.name = name
        self._git("init", "--quiet", "--bare", "--initial-branch=main", str(self.path), cwd=base)
        for key, value in (("receive.advertisePushOptions", "true"), ("http.receivepack", "true")):
            self._git("config", key, value, cwd=self.path)
        hook = self.path / "hooks" / "pre-receive"
        hook.write_text(HOOK.format(python=sys.executable))
        hook.chmod(0o755)
        hook = self.path / "hooks" / "post-receive"
        hook.write_text(POST_HOOK.format(python=sys.executable))
        hook.chmod(0o755)
        self._httpd = None

    @property
    def file_url(self) -> str:
        return self.path.as_uri()

    @property
    def http_url(self) -> str:
        if self._httpd is None:
            self._start()
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/{self.name}"

    def pushes(self) -> list[dict]:
        log = self.path / "push-log.jsonl"
        return [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []

    def refuse(self, on: bool = True) -> None:
        flag = self.path / "refuse"
        flag.touch() if on else flag.unlink(missing_ok=True)

    def slow(self, when: str | None) -> None:
        """Make pushes hang ('pre': before the branch is updated, 'post': after), or not (None);
        a hanging hook touches the file `sleeping` first."""
        for name in ("slow-pre", "slow-post", "sleeping"):
            (self.path / name).unlink(missing_ok=True)
        if when:
            (self.path / f"slow-{when}").touch()

    @property
    def sleeping(self) -> bool:
        return (self.path / "sleeping").exists()

    def branches(self) -> list[str]:
        out = self._git("for-each-ref", "--format=%(refname:short)", "refs/heads", cwd=self.path)
        return out.split()

    def show(self, ref_path: str) -> str:
        return self._git("show", ref_path, cwd=self.path)

    def _start(self) -> None:
        root = str(self.root)

        class Handler(_CGIHandler):
            project_root = root

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    def close(self) -> None:
        if self._httpd:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @staticmethod
    def _git(*args, cwd) -> str:
        return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


class _CGIHandler(BaseHTTPRequestHandler):
    """Smart HTTP: hand each request to `git http-backend` (CGI) and relay its answer."""

    project_root = ""
    protocol_version = "HTTP/1.0"

    def do_GET(self):
        self._cgi()

    def do_POST(self):
        self._cgi()

    def log_message(self, *args):
        pass  # keep test output clean

    def _body(self) -> bytes:
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            chunks = []
            while True:
                size = int(self.rfile.readline().strip().split(b";")[0], 16)
                if size == 0:
                    self.rfile.readline()
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def _cgi(self):
        path, _, query = self.path.partition("?")
        body = self._body() if self.command == "POST" else b""
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "GIT_PROJECT_ROOT": self.project_root, "GIT_HTTP_EXPORT_ALL": "1",
            "REQUEST_METHOD": self.command, "PATH_INFO": path, "QUERY_STRING": query,
            "CONTENT_TYPE": self.headers.get("Content-Type", ""), "CONTENT_LENGTH": str(len(body)),
            "REMOTE_ADDR": "127.0.0.1", "REMOTE_USER": "tester", "GIT_CONFIG_NOSYSTEM": "1",
            "HOME": self.project_root,
        }
        for header, var in (("Content-Encoding", "HTTP_CONTENT_ENCODING"), ("Git-Protocol", "GIT_PROTOCOL")):
            if self.headers.get(header):
                env[var] = self.headers[header]
        done = subprocess.run(["git", "http-backend"], input=body, env=env, capture_output=True)
        head, _, payload = done.stdout.partition(b"\r\n\r\n")
        status, headers = 200, []
        for line in head.decode("latin-1").split("\r\n"):
            key, _, value = line.partition(":")
            if key.lower() == "status":
                status = int(value.split()[0])
            elif key:
                headers.append((key, value.strip()))
        self.send_response(status)
        for key, value in headers:
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


# -- a small intranet to serve ------------------------------------------------------------------

IDENTITY = {"GIT_AUTHOR_DATE": "2026-11-02T10:00:00+01:00", "GIT_COMMITTER_DATE": "2026-11-02T10:00:00+01:00"}
MKDOCS = """site_name: Test intranet
docs_dir: content
plugins:
  - plein:
      forge: gitlab
      communications: "@acme/comms"
      moderators: "@acme/mods"
"""
ORG = {
    "profiles/jan-de-vries.yml": """name: Jan de Vries
role: Beleidsadviseur
team: ruimte
email: jan@wetterveen.example
forge_username: jdevries
expertise: [Omgevingswet, parkeren]
started: 2019-03-01
kudos: true
""",
    "profiles/fatima-el-amrani.yml": """name: Fatima El Amrani
role: Teamleider
team: ruimte
email: fatima@wetterveen.example
forge_username: felamrani
expertise: [GIS]
started: 2015-06-01
""",
    "profiles/sanne-bakker.yml": """name: Sanne Bakker
role: Communicatieadviseur
team: ruimte
email: sanne@wetterveen.example
started: 2020-01-01
""",
    "content/teams/ruimte.yml": "name: Ruimtelijke Ordening\nlead: fatima-el-amrani\n",
    "content/discussions/hoe-vraag-ik-een-parkeervergunning-aan/index.md": """---
title: Hoe vraag ik een parkeervergunning aan?
author: fatima-el-amrani
date: 2026-11-01 09:00
kind: question
tags: [parkeren]
---

Waar vind ik het formulier?
""",
    "content/index.md": "# Intranet\n",
}


def seed(workdir: Path, server: GitServer, files: dict | None = None, prefix: str = "") -> None:
    """Commit the small intranet (plus `files`) as main and push it to the server; with
    `prefix`, the intranet lives in that folder of the repository."""
    workdir.mkdir(parents=True)
    for rel, text in {"mkdocs.yml": MKDOCS, **ORG, **(files or {})}.items():
        target = workdir / prefix / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)
    env = {**os.environ, **IDENTITY}
    for args in (["init", "--quiet", "--initial-branch=main"], ["add", "."],
                 ["-c", "user.name=Seed", "-c", "user.email=seed@wetterveen.example", "commit",
                  "--quiet", "-m", "Seed"], ["push", "--quiet", server.file_url, "main"]):
        subprocess.run(["git", *args], cwd=workdir, env=env, check=True, capture_output=True)
