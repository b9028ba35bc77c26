"""What a merge request changes, in plain words, and what reviewers must look at: the
publishing policy's decision (plein.policy), problems in the changed files, whether each file is
really by the person it names, similar questions and people to ask, and who must approve.

Who made the change is the forge username given as the pusher, never a commit's e-mail (anyone
can set that). In a merge request's own pipeline that username comes from variables the merge
request can set, so the report is for information: the trusted merge job decides.

Old versions are read from Git blobs and new ones from the work tree, both through
plein.load.parse_file: the one parser.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import git

from ..contrib import codeowners as co
from ..errors import FatalError
from ..model.load import load
from ..model.org import Person
from ..model.parse import parse_file
from ..model.validate import check
from ..policy import decide_refs
from . import authenticity
from . import related as rel
from . import words


PUSHER_VARIABLES = ("GITLAB_USER_LOGIN", "GITHUB_ACTOR")


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    severity: str  # error | warning
    check: str  # validation | impersonation | removal
    message: str


@dataclass
class Change:
    status: str  # A, M, D (renames become D + A)
    path: str
    old: object = None  # the record before (or None)
    new: object = None  # the record after (or None)
    kind: str | None = None


@dataclass
class Report:
    base: str
    changes: list[Change] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    approvals: list[tuple[str, list]] = field(default_factory=list)  # (path, [(section, owners)])
    similar: list[str] = field(default_factory=list)
    experts: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    checked: dict[str, str] = field(default_factory=dict)  # path -> how its writer was checked
    pusher: str | None = None
    pusher_from: str = ""  # 'option' (--pusher), or the CI variable it came from (GITLAB_USER_LOGIN…)
    decision: object = None  # the publishing policy's Decision on HEAD (plein.policy)
    asked: list[str] = field(default_factory=list)  # '@forge-user (Name)': get "can you help?" mail


def review(root: Path, base: str, pusher: str | None = None, trusted=(), pusher_from: str = "") -> Report:
    """The report on HEAD against `base`. `pusher`: the forge user who pushed (CI); `trusted`:
    forge usernames of moderators and the communications group, who may change others' files."""
    repo = git.Repo(root, search_parent_directories=True)
    top = Path(repo.working_tree_dir).resolve()
    prefix = root.resolve().relative_to(top).as_posix().strip(".")
    try:
        head = repo.head.commit
        merge_base = repo.merge_base(repo.commit(base), head)
    except (git.BadName, ValueError, git.GitCommandError):
        raise FatalError(f"--base {base}: no such commit or branch here. Fix: git fetch origin, "
                         "then pass e.g. --base origin/main") from None
    if not merge_base:
        raise FatalError(f"{base} and HEAD share no history; pass the branch the MR targets")
    mb = merge_base[0]
    report = Report(base=base, pusher=pusher, pusher_from=pusher_from if pusher else "")
    report.decision = decide_refs(root, base, head.hexsha, pusher)
    trusted = frozenset(t.lstrip("@").casefold() for t in trusted)
    org, problems = load(root)
    check(org, problems, root=root)  # with root: site_name and links in records too
    base_people = _people_at(mb, prefix)
    people = {**base_people, **org.people}
    report.changes = _changes(repo, root, mb, head, prefix)
    changed = {c.path for c in report.changes}
    for p in problems:
        if p.path in changed:
            hint = f". Fix: {p.hint}" if p.hint else ""
            report.findings.append(Finding(p.path, p.line, p.severity, "validation", p.message + hint))
    for change in report.changes:
        sentence = words.sentence(change, org, people)
        if sentence:
            report.sentences.append(sentence)
        verdict = authenticity.check(change, base_people, people, pusher, trusted, Finding)
        report.findings.extend(verdict.findings)
        if verdict.checked:
            report.checked[change.path] = verdict.checked
    others = [c.path for c in report.changes if c.kind is None]
    if others:
        report.sentences.append(f"Also changes {len(others)} other file(s): " + ", ".join(others[:10])
                                + (" …" if len(others) > 10 else ""))
    report.approvals = _approvals(repo, root, mb, prefix, org, report.changes)
    _suggestions(report, org, root)
    return _from_top(report, prefix)


def _from_top(report: Report, prefix: str) -> Report:
    """Paths from the repository's root, where forges place annotations (the intranet may
    live in a folder of the repository)."""
    if not prefix:
        return report
    top = lambda path: f"{prefix}/{path}"
    report.findings = [Finding(top(f.path), f.line, f.severity, f.check, f.message) for f in report.findings]
    report.approvals = [(top(path), owners) for path, owners in report.approvals]
    report.checked = {top(path): how for path, how in report.checked.items()}
    return report


def _people_at(commit, prefix: str) -> dict[str, Person]:
    """People as they were at `commit`: their e-mail there is what proves authorship."""
    try:
        tree = commit.tree / (f"{prefix}/profiles" if prefix else "profiles")
    except KeyError:
        return {}
    people = {}
    for blob in tree.traverse():
        if blob.type == "blob" and blob.path.endswith(".yml"):
            rel = blob.path[len(prefix) + 1:] if prefix else blob.path
            parsed = parse_file(rel, blob.data_stream.read())
            if isinstance(parsed.record, Person):
                people[parsed.record.handle] = parsed.record
    return people


def _changes(repo, root: Path, mb, head, prefix: str) -> list[Change]:
    out = repo.git.diff("--name-status", "-z", "--no-renames", mb.hexsha, head.hexsha)
    fields = out.split("\0")
    changes = []
    for status, path in zip(fields[0::2], fields[1::2]):
        if not path or (prefix and not path.startswith(prefix + "/")):
            continue
        rel = path[len(prefix) + 1:] if prefix else path
        change = Change(status[0] if status[0] in "AD" else "M", rel)
        if change.status != "A":
            old = parse_file(rel, (mb.tree / path).data_stream.read())
            change.old, change.kind = old.record, old.kind
        if change.status != "D" and (root / rel).is_file():
            new = parse_file(rel, (root / rel).read_bytes())
            change.new, change.kind = new.record, new.kind or change.kind
        changes.append(change)
    return changes


def _approvals(repo, root, mb, prefix, org, changes) -> list:
    """Who must approve each changed file: the CODEOWNERS on the target branch decides."""
    text = None
    for path in co.PATHS.values():
        try:
            text = (mb.tree / (f"{prefix}/{path}" if prefix else path)).data_stream.read().decode()
            break
        except KeyError:
            continue
    if text is None:
        from ..contrib import settings
        s = settings.read(root)
        text = co.render(co.sections(org, s.communications, s.moderators), co.GITLAB)
    secs = co.parse(text)
    return [(c.path, co.owners_of(secs, c.path)) for c in changes]


def _suggestions(report: Report, org, root: Path) -> None:
    questions = [c.new for c in report.changes
                 if c.status == "A" and c.kind == "thread" and c.new is not None]
    if questions:
        _asked(report, org, questions)
    for thread in questions:
        similar, experts, note = rel.related(thread, org, root)
        report.similar.extend(similar)
        report.experts.extend(experts)
        if note and note not in report.notes:
            report.notes.append(note)


def _asked(report: Report, org, questions) -> None:
    """Who `plein digest --new-questions` will e-mail once the question is merged, by forge
    username, so that the forge notifies them as well."""
    from ..digest.experts import Experts
    experts = Experts(org)
    for thread in questions:
        for person, _ in experts.asked(thread):
            who = f"@{person.forge_username.lstrip('@')} ({person.name})" if person.forge_username else person.name
            if who not in report.asked:
                report.asked.append(who)


def pusher_from_env() -> str | None:
    """The forge user who pushed, as CI tells it (GitLab: GITLAB_USER_LOGIN, GitHub: GITHUB_ACTOR)."""
    return next((os.environ[v] for v in PUSHER_VARIABLES if os.environ.get(v)), None)


def pusher_variable() -> str:
    """Which of the CI variables `pusher_from_env` read, for the report to name."""
    return next((v for v in PUSHER_VARIABLES if os.environ.get(v)), "")


def trusted_from_env() -> list[str]:
    """Forge usernames of moderators and communications, from the CI variable PLEIN_MODERATORS
    (comma or space separated): the forge's groups are not in the repository."""
    return os.environ.get("PLEIN_MODERATORS", "").replace(",", " ").split()
