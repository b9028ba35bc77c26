"""The organisations benchmarked: generated once and kept, MkDocs configurations for them,
and the one edit a benchmark makes (a profile's role, always put back)."""
from __future__ import annotations

import shutil
import subprocess
from contextlib import contextmanager
from pathlib import Path

import yaml

from .runner import PYTHON, REPO

NOW = "2026-11-27 12:00"  # as tools/bench-build, so the same pages are built
DONE = ".bench-complete"  # written after generation: a half-written organisation is redone
NAV = [{"Home": "index.md"}, {"Mensen": "people/index.md"}, {"Teams": "teams/index.md"},
       {"Nieuws": "news/index.md"}, {"Discussies": "discussions/index.md"},
       {"Updates": "updates/index.md"}, {"Kudos": "kudos/index.md"}]


def synthetic(cache: Path, people: int) -> Path:
    """tools/generate-org --people N --seed 1 in cache/org-N (as tools/bench-build names it)."""
    root = cache / f"org-{people}"
    if not (root / DONE).exists():
        shutil.rmtree(root, ignore_errors=True)
        subprocess.run([str(PYTHON), str(REPO / "tools" / "generate-org"), "--people", str(people),
                        "--seed", "1", "-q", str(root)], check=True)
        (root / DONE).write_text("")
    return root


def committed(root: Path) -> Path:
    """The organisation as a pipeline finds it: a Git work tree with everything committed
    (plein build skips a build whose commit, code and settings are those of the last one)."""
    git = ["git", "-c", "user.name=Bench", "-c", "user.email=bench@plein.example"]
    if not (root / ".git").is_dir():
        subprocess.run([*git, "init", "-q", "-b", "main"], cwd=root, check=True)
        (root / ".git" / "info").mkdir(exist_ok=True)
        (root / ".git" / "info" / "exclude").write_text(DONE + "\n")
    if subprocess.run([*git, "status", "--porcelain"], cwd=root, capture_output=True, text=True).stdout:
        subprocess.run([*git, "add", "-A"], cwd=root, check=True)
        subprocess.run([*git, "commit", "-q", "-m", "organisation"], cwd=root, check=True)
    return root


def write_config(root: Path, path: Path, search: bool = True) -> Path:
    """An mkdocs.yml for the organisation at root: the repository's theme and extensions, no
    Git (generated organisations have no history), a fixed 'now'."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    plugin = {"forge": "gitlab", "language": "nl", "now": NOW, "git": False, "search": search}
    if path.parent.resolve() != root.resolve():
        plugin["root"] = str(root)
    config.update(docs_dir=str(root / "content"), plugins={"plein": plugin}, nav=NAV)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def first_profile(root: Path) -> tuple[str, str]:
    """(handle, role) of the first profile, read through Plein's loader."""
    from plein.model.parse import parse_file
    for path in sorted((root / "profiles").glob("*.yml")):
        rel = path.relative_to(root).as_posix()
        record = parse_file(rel, path.read_bytes()).record
        if record is not None:
            return record.handle, record.role
    raise SystemExit(f"{root}: no valid profile to edit")


@contextmanager
def edited_role(root: Path, handle: str, role: str):
    """The profile with its 'role:' line changed as a person would in an editor; restored after."""
    path = root / "profiles" / f"{handle}.yml"
    original = path.read_bytes()
    lines = original.decode("utf-8").splitlines(keepends=True)
    lines = [f"role: {role}\n" if line.startswith("role:") else line for line in lines]
    try:
        path.write_text("".join(lines), encoding="utf-8")
        yield path
    finally:
        path.write_bytes(original)


@contextmanager
def added_reply(root: Path, handle: str):
    """A new reply by `handle` to the first thread, as a merged contribution adds one (the
    file `plein reply` writes); removed after."""
    thread = sorted(p.parent for p in (root / "content" / "discussions").glob("*/index.md"))[0]
    path = thread / "replies" / f"2026-11-26T10-00-{handle}.md"
    path.parent.mkdir(exist_ok=True)
    path.write_text(f"---\nauthor: {handle}\ndate: 2026-11-26 10:00\n---\n\n"
                    "Bij ons werkt een vast overleg op dinsdag; ik stuur je het verslag.\n", encoding="utf-8")
    try:
        yield path
    finally:
        path.unlink(missing_ok=True)


@contextmanager
def moved_aside(path: Path):
    """`path` renamed for the duration (e.g. a cache folder, for a run without it)."""
    aside = path.with_name(path.name + ".aside")
    moved = path.exists()
    if moved:
        path.rename(aside)
    try:
        yield
    finally:
        if moved:
            shutil.rmtree(path, ignore_errors=True)
            aside.rename(path)
