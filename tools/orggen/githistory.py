"""Turn generated files into a git history of any number of commits, written as one pack (gitpack.py).

Files come in in date order, each commit by the person who wrote its files, with fixed dates;
some profiles are edited later (their first version lacks a few fields). With fewer commits
wanted than there are authoring sessions, the oldest ones are folded into one initial import.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import math
import os
import random
import subprocess
from dataclasses import dataclass

from . import gitpack as gp
from .records import profile_text

IMPORT_IDENT = ("Plein import", "import@plein.example")
TZ = "+0100"
# Optional profile fields, in the order a person typically fills them in later.
_LATER = ("bio", "ask_me_about", "interests", "links", "expertise", "phone", "chat", "office_days", "pronouns")


@dataclass
class _Change:
    when: str
    author: int
    path: str
    data: bytes
    label: str


def _epoch(when: str, _cache: dict = {}) -> int:
    day = when[:10]
    base = _cache.get(day)
    if base is None:
        d = dt.date.fromisoformat(day)
        base = _cache[day] = (d.toordinal() - 719163) * 86400 - 3600  # local time at +0100
    return base + int(when[11:13]) * 3600 + int(when[14:16]) * 60


def _versions(fields: dict, k: int) -> list[bytes]:
    """k earlier versions of a profile, each with more of the later fields than the one before."""
    later = [key for key in _LATER if fields.get(key) is not None]
    out = []
    for j in range(k):
        keep = math.floor(j * len(later) / k)
        drop = set(later[keep:])
        out.append(profile_text({key: v for key, v in fields.items() if key not in drop}).encode("utf-8"))
    return out


def _day(when: str) -> int:
    return dt.date.fromisoformat(when[:10]).toordinal()


def _runs(changes: list[_Change]) -> list[list[_Change]]:
    """Sessions, oldest first: one author's changes on one day, in time order."""
    changes.sort(key=lambda c: (c.when[:10], c.author, c.when, c.path))
    runs: list[list[_Change]] = []
    for c in changes:
        if runs and runs[-1][0].author == c.author and runs[-1][0].when[:10] == c.when[:10]:
            runs[-1].append(c)
        else:
            runs.append([c])
    runs.sort(key=lambda r: (r[-1].when, r[0].author, r[0].path))
    return runs


def plan(org, n_commits: int, seed: int) -> list[tuple[tuple[str, str], str, str, list[_Change]]]:
    """The commits as (identity, when, message, changes), oldest first."""
    people = org.people
    changes = [_Change(e.when, e.author, e.path, e.data, e.label) for e in org.events]
    if n_commits <= 0:
        changes.sort(key=lambda c: (c.when, c.path))
        return [(IMPORT_IDENT, changes[-1].when if changes else "2026-01-01 00:00",
                 "Importeer de organisatie", changes)]
    rng = random.Random(f"{seed}:git")
    profiles = [e for e in org.events if e.profile is not None]
    # later edits to profiles: about one commit in ten, and as many more as needed to reach
    # n_commits when there are fewer files than commits
    n_edits = min(len(profiles), n_commits // 10)
    n_edits += max(0, n_commits - (len(changes) + n_edits))
    # with more sessions than commits the oldest are folded into one import: date the edits
    # after it, so that they show in the history
    runs = _runs(changes)
    keep = n_commits - 1 - n_edits
    cutoff = 0
    if len(runs) + n_edits > n_commits and keep > 0:
        cutoff = _day(runs[len(runs) - keep][0].when)
    if profiles and n_edits:
        def first_edit_day(e):
            return max(_day(e.when) + 1, cutoff)
        editable = [e for e in profiles if people[e.author].last >= first_edit_day(e)] or profiles
        chosen = rng.sample(editable, min(n_edits, len(editable)))
        per = [0] * len(chosen)
        for i in range(n_edits):
            per[i % len(chosen)] += 1
        by_path = {c.path: c for c in changes}
        for e, k in zip(chosen, per):
            versions = _versions(e.profile, k + 1)
            by_path[e.path].data = versions[0]
            lo = first_edit_day(e)
            hi = max(lo, people[e.author].last)
            moments = sorted((rng.randint(lo, hi), rng.randint(8 * 60, 17 * 60 + 59)) for _ in range(k))
            for j, (o, m) in enumerate(moments):
                when = f"{dt.date.fromordinal(o).isoformat()} {m // 60:02d}:{m % 60:02d}"
                # the last edit leaves the profile as written on disk
                data = e.data if j == k - 1 else versions[j + 1]
                changes.append(_Change(when, e.author, e.path, data, "Profiel bijgewerkt"))
        runs = _runs(changes)
    commits: list[list[_Change]]
    if len(runs) >= n_commits:
        head = [c for run in runs[: len(runs) - n_commits + 1] for c in run]
        commits = [head] + runs[len(runs) - n_commits + 1:]
        first_is_import = len(runs) > n_commits
    else:
        extra = n_commits - len(runs)
        commits = []
        for run in runs:
            while extra and len(run) > 1:
                commits.append([run[0]])
                run = run[1:]
                extra -= 1
            commits.append(run)
        first_is_import = False
        while extra > 0:  # only when there are fewer changes than commits: empty commits
            commits.append([])
            extra -= 1
    out = []
    last_when = changes[0].when if changes else "2026-01-01 00:00"
    for i, cs in enumerate(commits):
        if i == 0 and first_is_import:
            out.append((IMPORT_IDENT, max(c.when for c in cs), "Importeer bestaande inhoud", cs))
            last_when = out[-1][1]
            continue
        if not cs:
            out.append((IMPORT_IDENT, last_when, "Onderhoud", cs))
            continue
        when = max(c.when for c in cs)
        last_when = max(last_when, when)
        labels = list(dict.fromkeys(c.label for c in cs))
        msg = labels[0] if len(labels) == 1 else f"{labels[0]} (+{len(cs) - 1})"
        if len(msg) > 72:
            msg = msg[:71].rsplit(" ", 1)[0] + "…"
        out.append((org.ident(cs[0].author), when, msg, cs))
    return out


def write_history(org, out: str, n_commits: int, seed: int) -> int:
    """Make out a git repository whose history ends in exactly the files on disk (index and
    work tree clean); returns the number of commits."""
    commits = plan(org, n_commits, seed)
    env = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", GIT_TERMINAL_PROMPT="0")
    subprocess.run(["git", "init", "-q", out], check=True, env=env)
    subprocess.run(["git", "-C", out, "symbolic-ref", "HEAD", "refs/heads/main"], check=True, env=env)
    git_dir = os.path.join(out, ".git")
    pack = gp.Pack(git_dir)
    root = gp.Tree()
    final: dict[bytes, bytes] = {}
    parent = b""
    for (name, email), when, msg, cs in commits:
        latest = {c.path: c.data for c in cs}  # a file changed twice in one commit: its last version
        for rel, data in latest.items():
            sha = gp.blob_sha(data)
            pack.add(gp.OBJ_BLOB, data, sha)
            path = rel.encode("utf-8")
            root.set_file(path, sha)
            final[path] = sha
        tree = root.write(pack)
        stamp = f"{name} <{email}> {_epoch(when)} {TZ}\n".encode("utf-8")
        body = (b"tree " + tree.hex().encode() + b"\n"
                + (b"parent " + parent.hex().encode() + b"\n" if parent else b"")
                + b"author " + stamp + b"committer " + stamp + b"\n" + msg.encode("utf-8") + b"\n")
        h = hashlib.sha1(b"commit %d\0" % len(body))
        h.update(body)
        parent = h.digest()
        pack.add(gp.OBJ_COMMIT, body, parent)
    pack.finish()
    with open(os.path.join(git_dir, "refs", "heads", "main"), "w") as f:
        f.write(parent.hex() + "\n")
    gp.write_index(out, list(final.items()))
    return len(commits)
