"""Every case under tests/cases/contribute/: a person runs the contribution commands (and a
reviewer `plein review`) as written, one step after another, in a clone of a real bare
repository whose hooks record pushes (tests/gitserver.py).

A case is YAML: `problem` (the issue's numbered problem it covers), `about`, optional `seed`
(more files on main) and `prefix` (the intranet's folder in the repository), `steps`, `expect`.
A step is one of
  plein: [args]   the real `plein` command in the clone; with rc, out, err, no_out, no_err
                  (substrings), input (typed answers), terminal (stdin is a terminal, so the
                  editor opens), editor (a name in EDITORS), editor_saw (substrings of what the
                  editor was given), interrupt (Ctrl-C once the server hangs in the push);
  git: [args]     git in the clone; write: {path: text} files in the clone;
  server: refuse | slow-pre | slow-post | normal;
  merge: true     merge every plein/* branch into main on the server (a conflict fails);
  retry: true     run the command on the last line of the previous step's error output;
  review: {kind, pusher, moderators, format}   `plein review` on the pushed plein/<kind>/ branch, in a
                  reviewer's clone, with rc, out, no_out.
`expect`: added (every file the plein/* branches on the server add, sorted), shows (a
{kind, path, text}: the one plein/<kind>/ branch's file holds that text), unsent (files
kept in .git/plein/unsent/), unsent_count, merges (true: all plein/* branches merge into main together).
In a step's arguments, "<N chars>" is a text of N characters.
After every plein step no temporary folder of that process is left behind.
"""
from __future__ import annotations

import glob
import os
import pty
import re
import shlex
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest
import yaml

from gitserver import GitServer, seed
from test_contribute import files_of, git, make_clone

CASES = Path(__file__).parent / "cases" / "contribute"
PLEIN = str(Path(sys.executable).with_name("plein"))
WORDS = "Deze week werk ik aan de omgevingsvisie en het parkeerbeleid van de gemeente. "
EDITORS = {
    # keeps the first 400 characters of what is above the cut line
    "shorten": "t = open(p).read(); saw(t); open(p, 'w').write(t.split('# ---')[0].strip()[:400])",
    # writes a reply of its own
    "write": "t = open(p).read(); saw(t); open(p, 'w').write('Geschreven in de editor.')",
}


def _cases() -> list[str]:
    return sorted(p.stem for p in CASES.glob("*.yml"))


@pytest.mark.parametrize("case", _cases())
def test_case(case, tmp_path):
    spec = yaml.safe_load((CASES / f"{case}.yml").read_text(encoding="utf-8"))
    with GitServer(tmp_path) as srv:
        seed(tmp_path / "seed", srv, spec.get("seed"), prefix=spec.get("prefix", ""))
        clone = make_clone(srv, tmp_path / "clone", srv.file_url)
        root = clone / spec.get("prefix", "")
        last_err = ""
        for n, step in enumerate(spec["steps"], 1):
            where = f"{case}, step {n}"
            if "plein" in step:
                last_err = _plein(step, root, srv, tmp_path, where)
            elif "write" in step:
                for rel, text in step["write"].items():
                    (clone / rel).parent.mkdir(parents=True, exist_ok=True)
                    (clone / rel).write_text(text, encoding="utf-8")
            elif "git" in step:
                git(clone, *step["git"])
            elif "server" in step:
                srv.refuse(step["server"] == "refuse")
                srv.slow(step["server"][5:] if step["server"].startswith("slow-") else None)
            elif "retry" in step:
                command = last_err.strip().splitlines()[-1].strip()
                assert command.startswith("git push "), where
                subprocess.run(shlex.split(command), cwd=clone, check=True, capture_output=True)
            elif "merge" in step:
                _merge_all(srv, tmp_path)
                git(clone, "pull", "-q", "origin", "main")
            elif "review" in step:
                _review(step["review"], step, srv, tmp_path, spec.get("prefix", ""), where)
        _expect(spec.get("expect", {}), srv, clone, tmp_path)


def _plein(step, root: Path, srv: GitServer, tmp: Path, where: str) -> str:
    args = [_text(a) for a in step["plein"]]
    env = {**os.environ, "EDITOR": "false", "NO_MKDOCS_2_WARNING": "1"}
    saw = tmp / "editor-saw.txt"
    if "editor" in step:
        script = tmp / "editor.py"
        script.write_text("import sys\np = sys.argv[1]\n"
                          f"def saw(t): open({str(saw)!r}, 'a').write(t)\n" + EDITORS[step["editor"]] + "\n")
        env["EDITOR"] = f"{sys.executable} {script}"
    rc, out, err, pid = _run([PLEIN, *args], root, env, step.get("input", ""), step.get("terminal", False),
                             srv if step.get("interrupt") else None)
    shown = f"{where}: rc={rc}\n--- out\n{out}\n--- err\n{err}"
    assert rc == step.get("rc", 0), shown
    for key, text in (("out", out), ("err", err)):
        for want in step.get(key, []):
            assert want in text, f"missing {want!r}\n{shown}"
        for unwanted in step.get(f"no_{key}", []):
            assert unwanted not in text, f"unwanted {unwanted!r}\n{shown}"
    for want in step.get("editor_saw", []):
        assert want in saw.read_text(), f"{where}: the editor was not given {want!r}"
    left = glob.glob(f"/dev/shm/plein-{pid}-*") + glob.glob(os.path.join(tempfile.gettempdir(), f"plein-{pid}-*"))
    assert not left, f"{where}: temporary folders left behind: {left}"
    return err


def _run(cmd, cwd: Path, env, typed: str, terminal: bool, interrupt_on: GitServer | None):
    """Run `cmd` in a session of its own (Ctrl-C goes to its whole process group, as in a
    terminal); `typed` is what the person types, through a pseudo-terminal when `terminal`."""
    master = slave = None
    if terminal:
        master, slave = pty.openpty()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdin=slave if terminal else subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    if terminal:
        os.close(slave)
        os.write(master, typed.encode())
        threading.Thread(target=_drain, args=(master,), daemon=True).start()
    else:
        proc.stdin.write(typed)
        proc.stdin.close()
    if interrupt_on is not None:
        deadline = time.monotonic() + 60
        while not interrupt_on.sleeping and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        os.killpg(proc.pid, signal.SIGINT)
    out, err = proc.stdout.read(), proc.stderr.read()
    rc = proc.wait(timeout=120)
    if interrupt_on is not None:
        interrupt_on.slow(None)
    return rc, out, err, proc.pid


def _drain(fd: int) -> None:
    try:
        while os.read(fd, 1024):
            pass
    except OSError:
        pass


def _text(arg):
    m = re.fullmatch(r"<(\d+) chars>", str(arg))
    if not m:
        return str(arg)
    n = int(m.group(1))
    return (WORDS * (n // len(WORDS) + 1))[:n]


def _review(spec, step, srv: GitServer, tmp: Path, prefix: str, where: str):
    """CI's view: a fresh clone on the merge request's branch, `plein review` against main."""
    ci = tmp / "ci"
    if not ci.exists():
        subprocess.run(["git", "clone", "--quiet", srv.file_url, str(ci)], check=True, capture_output=True)
    git(ci, "fetch", "-q", "origin", "+refs/heads/*:refs/remotes/origin/*")
    [branch] = [b for b in srv.branches() if b.startswith(f"plein/{spec['kind']}/")]
    git(ci, "switch", "-q", "--detach", f"origin/{branch}")
    args = ["review", "--base", "origin/main", "--root", str(ci / prefix), "--format", spec.get("format", "markdown")]
    if spec.get("pusher"):
        args += ["--pusher", spec["pusher"]]
    for name in spec.get("moderators", []):
        args += ["--moderator", name]
    env = {k: v for k, v in os.environ.items() if k not in ("GITLAB_USER_LOGIN", "GITHUB_ACTOR")}
    done = subprocess.run([PLEIN, *args], cwd=ci, capture_output=True, text=True, env=env)
    shown = f"{where}: rc={done.returncode}\n--- out\n{done.stdout}\n--- err\n{done.stderr}"
    assert done.returncode == step.get("rc", 0), shown
    for want in step.get("out", []):
        assert want in done.stdout, f"missing {want!r}\n{shown}"
    for unwanted in step.get("no_out", []):
        assert unwanted not in done.stdout, f"unwanted {unwanted!r}\n{shown}"


def _expect(expect, srv: GitServer, clone: Path, tmp: Path):
    branches = [b for b in srv.branches() if b.startswith("plein/")]
    if "added" in expect:
        added = sorted(f for b in branches for f in files_of(srv.path, b))
        assert added == sorted(expect["added"])
    if "unsent_count" in expect:
        assert len(list((clone / ".git" / "plein" / "unsent").glob("*.md"))) == expect["unsent_count"]
    if "unsent" in expect:
        kept = sorted(p.name for p in (clone / ".git" / "plein" / "unsent").glob("*")) \
            if (clone / ".git" / "plein" / "unsent").is_dir() else []
        assert kept == sorted(expect["unsent"])
    for show in expect.get("shows", []):
        [branch] = [b for b in branches if b.startswith(f"plein/{show['kind']}/")]
        assert show["text"] in srv.show(f"{branch}:{show['path']}")
    if expect.get("merges"):
        _merge_all(srv, tmp, push=False)


def _merge_all(srv: GitServer, tmp: Path, push: bool = True) -> None:
    """Merge every plein/* branch into main, as a maintainer would; a conflict fails the test."""
    merger = tmp / "merger"
    if not merger.exists():
        subprocess.run(["git", "clone", "--quiet", srv.file_url, str(merger)], check=True, capture_output=True)
    git(merger, "fetch", "-q", "origin", "+refs/heads/*:refs/remotes/origin/*")
    git(merger, "reset", "-q", "--hard", "origin/main")
    for b in [b for b in srv.branches() if b.startswith("plein/")]:
        git(merger, "-c", "user.name=Merger", "-c", "user.email=m@example.org", "merge", "-q",
            "--no-edit", f"origin/{b}")  # raises on a conflict
    if push:
        git(merger, "push", "-q", "origin", "HEAD:main")
