"""The digest tests' organisation and SMTP server: the bundled example in a Git repository
whose history is old (everything committed on OLD), plus the files of tests/cases/digest/new
committed on NEW; and an aiosmtpd server on 127.0.0.1 that keeps what it receives."""
from __future__ import annotations

import email
import os
import shutil
import socket
import subprocess
import sys
from email import policy
from pathlib import Path

from aiosmtpd.controller import Controller

from conftest import commit, git

REPO = Path(__file__).resolve().parent.parent
CASES = REPO / "tests" / "cases" / "digest"
OLD = "2026-10-01T09:00:00+02:00"
NEW = "2026-11-27T12:00:00+01:00"
NOW = "2026-11-30 07:00"  # a weekly digest over 23-30 November
PLEIN = [sys.executable, "-c", "import sys; from plein.cli import main; sys.exit(main())"]


def example_repo(root: Path, extra: dict | None = None) -> Path:
    """The example committed on OLD, then the new files (and `extra`: path -> text) on NEW."""
    root.mkdir(parents=True)
    git(root, "init", "-q", "-b", "main")
    for folder in ("profiles", "content"):
        shutil.copytree(REPO / folder, root / folder)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / ".gitignore").write_text(".plein-cache/\nout/\n")
    commit(root, "The example", date=OLD)
    shutil.copytree(CASES / "new", root, dirs_exist_ok=True)
    for rel, text in (extra or {}).items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    commit(root, "New this week", date=NEW)
    return root


def set_field(root: Path, handle: str, line: str) -> None:
    """Add or replace one `key: value` line of a profile (uncommitted, as after a merge)."""
    path = root / "profiles" / f"{handle}.yml"
    key = line.split(":", 1)[0]
    lines = [x for x in path.read_text(encoding="utf-8").splitlines() if not x.startswith(key + ":")]
    path.write_text("\n".join(lines + [line]) + "\n", encoding="utf-8")


def plein(root: Path, *args: str, env: dict | None = None, check: bool = True) -> subprocess.CompletedProcess:
    done = subprocess.run([*PLEIN, *args], cwd=root, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})})
    if check and done.returncode:
        raise AssertionError(f"plein {' '.join(args)} failed ({done.returncode}):\n{done.stdout}{done.stderr}")
    return done


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Inbox:
    """aiosmtpd handler: keeps every message; refuses the addresses in `refuse`; calls
    `after(n)` once the n-th message is kept, before the server answers it."""

    def __init__(self):
        self.messages: list = []
        self.refuse: set = set()
        self.after = None

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        msg = email.message_from_bytes(envelope.content, policy=policy.default)
        self.messages.append((tuple(envelope.rcpt_tos), msg))
        if self.after:
            self.after(len(self.messages))
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list:
        return [m for rcpt, m in self.messages if address in rcpt]


class SmtpServer:
    def __init__(self):
        self.inbox = Inbox()
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=free_port())

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc):
        self.controller.stop()

    @property
    def env(self) -> dict:
        return {"PLEIN_SMTP_HOST": "127.0.0.1", "PLEIN_SMTP_PORT": str(self.controller.port),
                "PLEIN_SMTP_SECURITY": "none", "PLEIN_MAIL_FROM": "Intranet <intranet@wetterveen.example>"}
