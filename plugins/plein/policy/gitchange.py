"""A change and its target read from Git as data: the files between the merge base and the
head, with their modes and bytes, and the target branch's files, options and people. Nothing
of the head is checked out, built or run (a trusted job must never run the change's code).

`decide_refs` is what the trusted merge job calls: the policy's decision on `head` against the
target `base`, with the options, the ownership map (the people and their forge usernames) and
the model all read from `base`'s tree.
"""
from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from ..config.settings import read_file
from ..errors import FatalError
from ..model.load import MAX_PHOTO
from ..model.yamlio import MAX_BYTES
from .change import GITLINK, ChangeSet, Decision, FileChange, PolicyOptions, TargetState
from .rules import decide

LIMIT = max(MAX_PHOTO, MAX_BYTES) + 1  # what is read of a blob; beyond it a file is too large
_STATUS = {"A": "added", "M": "changed", "T": "changed", "D": "deleted"}
ZERO = "0" * 40


def decide_refs(repo_path, base_rev: str, head_rev: str, username: str | None,
                options: PolicyOptions | None = None) -> Decision:
    """The policy's decision on `head_rev` against the target `base_rev`, both commits (or refs)
    in the repository at `repo_path` (the intranet's folder in it). Fails closed: an error
    reading Git raises FatalError, which the caller must treat as 'do not merge'."""
    change, target, shas = read(repo_path, base_rev, head_rev, options)
    decision = decide(change, target, username)
    return Decision(decision.decision, decision.reasons, decision.files, decision.username,
                    decision.person, decision.language, {**decision.extra, **shas})


def from_git(repo_path, base_rev: str, head_rev: str) -> tuple[ChangeSet, TargetState]:
    change, target, _ = read(repo_path, base_rev, head_rev)
    return change, target


def read(repo_path, base_rev: str, head_rev: str, options: PolicyOptions | None = None):
    git = _Git(Path(repo_path))
    base, head = git.commit(base_rev), git.commit(head_rev)
    try:
        merge_base = git.run("merge-base", base, head).strip()
    except FatalError:  # git says nothing and exits 1 when the two share no history
        merge_base = ""
    if not merge_base:
        raise FatalError(f"{base_rev} and {head_rev} share no history; pass the branch the change targets")
    target_options = options or _options(git, base)
    change = _change(git, merge_base, head, target_options.refuse_above)
    target = _target(git, base, target_options)
    return change, target, {"base": base, "head": head, "merge_base": merge_base}


class _Git:
    def __init__(self, path: Path):
        self.path = path.resolve()
        top = self.run("rev-parse", "--show-toplevel").strip()
        rel = self.path.relative_to(Path(top).resolve()).as_posix()
        self.prefix = "" if rel == "." else rel + "/"

    def run(self, *args: str, data: bytes | None = None, text: bool = True):
        # literal pathspecs: a folder name is never a pattern; the repository's own config is
        # the target's (trusted), and no diff driver or text conversion runs (--no-ext-diff…)
        done = subprocess.run(["git", "--literal-pathspecs", "-C", str(self.path), *args], input=data,
                              capture_output=True)
        if done.returncode:
            err = done.stderr.decode("utf-8", "replace").strip()
            raise FatalError(f"git {' '.join(args[:2])} failed: {err}. Fix: fetch both commits "
                             "(git fetch origin), then run again")
        return done.stdout.decode("utf-8", "replace") if text else done.stdout

    def commit(self, rev: str) -> str:
        if rev.startswith("-"):
            raise FatalError(f"{rev}: not a commit or branch name")
        try:
            return self.run("rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}").strip()
        except FatalError:
            raise FatalError(f"{rev}: no such commit or branch here. Fix: git fetch origin, then pass "
                             "e.g. origin/main") from None

    def sizes(self, shas: list[str]) -> dict[str, int]:
        if not shas:
            return {}
        out = self.run("cat-file", "--batch-check=%(objectname) %(objecttype) %(objectsize)",
                       data="\n".join(shas).encode() + b"\n")
        found = {}
        for line in out.splitlines():
            parts = line.split()
            if len(parts) == 3 and parts[1] == "blob":
                found[parts[0]] = int(parts[2])
        return found

    def blobs(self, shas: list[str]) -> dict[str, bytes]:
        """The bytes of each blob, read in one `git cat-file --batch`."""
        if not shas:
            return {}
        out = self.run("cat-file", "--batch", data="\n".join(shas).encode() + b"\n", text=False)
        found, at = {}, 0
        while at < len(out):
            end = out.index(b"\n", at)
            header = out[at:end].decode().split()
            at = end + 1
            if len(header) != 3:  # '<sha> missing'
                continue
            size = int(header[2])
            found[header[0]] = out[at:at + size]
            at += size + 1
        return found


def _options(git: _Git, base: str) -> PolicyOptions:
    """The target branch's policy options, from its own mkdocs.yml (never the change's). A
    mkdocs.yml that cannot be read sends everything to review."""
    try:
        raw = git.run("cat-file", "blob", f"{base}:{git.prefix}mkdocs.yml", text=False)
    except FatalError:
        return PolicyOptions()  # no mkdocs.yml on the target: the defaults
    with tempfile.TemporaryDirectory(prefix="plein-policy-") as tmp:
        config = Path(tmp) / "mkdocs.yml"
        config.write_bytes(raw)
        (Path(tmp) / "docs").mkdir()
        try:
            settings = read_file(config, docs_dir=str(Path(tmp) / "docs"))
        except FatalError as err:
            why = str(err).split("(", 1)[-1].rsplit(")", 1)[0].replace(tmp + "/", "")[:200]
            return PolicyOptions(publish=frozenset(), unreadable=why)
        except Exception as err:  # noqa: BLE001 - whatever breaks reading the policy, nothing publishes
            return PolicyOptions(publish=frozenset(), unreadable=type(err).__name__)
    return PolicyOptions.from_settings(settings)


def _change(git: _Git, merge_base: str, head: str, refuse_above: int) -> ChangeSet:
    out = git.run("diff", "--raw", "-z", "--no-renames", "--no-abbrev", "--no-ext-diff",
                  "--no-textconv", merge_base, head, text=False)
    fields = out.split(b"\0")
    entries = []
    for meta, path in zip(fields[0::2], fields[1::2]):
        if not meta.startswith(b":"):
            continue
        old_mode, new_mode, old_sha, new_sha, status = meta[1:].decode().split()
        entries.append((old_mode, new_mode, old_sha, new_sha, status[0],
                        path.decode("utf-8", "replace")))
    if len(entries) > refuse_above:
        return ChangeSet((), total=len(entries))  # not read: refused as too large
    wanted = [sha for e in entries for sha, mode in ((e[2], e[0]), (e[3], e[1]))
              if sha != ZERO and mode != GITLINK]
    sizes = git.sizes(wanted)
    blobs = git.blobs([sha for sha in dict.fromkeys(wanted) if sizes.get(sha, LIMIT) < LIMIT])
    files = []
    for old_mode, new_mode, old_sha, new_sha, status, path in entries:
        inside = path.startswith(git.prefix)
        rel = path[len(git.prefix):] if inside else path
        files.append(FileChange(
            rel, _STATUS.get(status, "changed"),
            None if old_mode == "000000" else old_mode, None if new_mode == "000000" else new_mode,
            blobs.get(old_sha) if old_sha != ZERO else None, blobs.get(new_sha) if new_sha != ZERO else None,
            too_large=sizes.get(new_sha, 0) >= LIMIT,  # an old side too large to read is unclear: review
            outside=not inside))
    return ChangeSet(tuple(files))


def _target(git: _Git, base: str, options: PolicyOptions) -> TargetState:
    """The target's staff files: every regular file under profiles/ and content/ (photos by name
    only), read in one batch."""
    out = git.run("ls-tree", "-r", "-z", "--full-tree", base, "--", f"{git.prefix}profiles",
                  f"{git.prefix}content", text=False)
    entries = []
    for item in out.split(b"\0"):
        if not item:
            continue
        meta, _, path = item.partition(b"\t")
        mode, kind, sha = meta.decode().split()
        if kind == "blob" and mode in ("100644", "100755"):
            entries.append((sha, path.decode("utf-8", "replace")[len(git.prefix):]))
    photos = {rel for _, rel in entries if _is_photo_name(rel)}
    records = [(sha, rel) for sha, rel in entries if rel not in photos]
    sizes = git.sizes([sha for sha, _ in records])
    blobs = git.blobs([sha for sha, _ in records if sizes.get(sha, LIMIT) < LIMIT])
    too_large = b"\0" * (MAX_BYTES + 1)  # what the parser refuses as too large, as the loader would
    files = {rel: blobs[sha] if sha in blobs else too_large for sha, rel in records}
    files.update({rel: b"" for rel in photos})
    return TargetState.from_files(files, options)


def _is_photo_name(rel: str) -> bool:
    from ..model.parse import is_photo
    return is_photo(rel)
