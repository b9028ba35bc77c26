"""Write the example organisation (Gemeente Wetterveen) into a repository root.

Deterministic: the same files, byte for byte, on every run. The paths written are listed in
MANIFEST; on the next run, files listed there that are no longer generated are removed, and
nothing else in the record folders is touched.
"""
from __future__ import annotations

import os
from pathlib import Path

import yaml

from . import records as R
from .avatar import avatar_png
from .names import ascii_fold

DATA = Path(__file__).resolve().parent.parent / "example-org"  # the organisation itself, as data
_PEOPLE = yaml.safe_load((DATA / "people.yml").read_text(encoding="utf-8"))
_CONTENT = yaml.safe_load((DATA / "content.yml").read_text(encoding="utf-8"))
DOMAIN, NO_PHOTO, TEAMS, PEOPLE = (_PEOPLE[k] for k in ("domain", "no_photo", "teams", "people"))
NEWS, THREADS, UPDATES, KUDOS = (_CONTENT[k] for k in ("news", "threads", "updates", "kudos"))

MANIFEST = "profiles/.generated-example"
RECORD_DIRS = ("profiles", "content/teams", "content/news", "content/discussions", "content/updates",
               "content/kudos")


def email(name: str) -> str:
    """'Jan de Vries' -> 'jan.devries@wetterveen.example' (the municipality's own convention)."""
    first, _, rest = name.partition(" ")
    local = ascii_fold(first).lower() + "." + "".join(c for c in ascii_fold(rest).lower() if c.isalnum())
    return f"{local}@{DOMAIN}"


def build() -> dict[str, bytes]:
    """Every file of the example: path relative to the root -> content."""
    files: dict[str, str | bytes] = {}
    for t in TEAMS:
        fields = {k: v for k, v in t.items() if k != "id"}
        files[R.team_path(t["id"])] = R.team_text(fields)
    for p in PEOPLE:
        fields = {k: v for k, v in p.items() if k not in ("handle",)}
        fields["email"] = email(p["name"])
        fields["started"] = R.date(p["started"])
        if p.get("left"):
            fields["left"] = R.date(p["left"])
        if p["handle"] not in NO_PHOTO:
            # in a folder per person, as the web editor uploads them (profiles/photos/<handle>/)
            fields["photo"] = f"photos/{p['handle']}/{p['handle']}.png"
            files[f"profiles/{fields['photo']}"] = avatar_png(p["name"], p["handle"])
        files[R.profile_path(p["handle"])] = R.profile_text(fields)
    for n in NEWS:
        fields = {k: v for k, v in n.items() if k not in ("slug", "body")}
        fields["date"] = R.dt(n["date"])
        if n.get("expires"):
            fields["expires"] = R.dt(n["expires"])
        files[R.news_path(n["date"], n["slug"])] = R.news_text(fields, n["body"])
    for t in THREADS:
        accepted = None
        for r in t["replies"]:
            rid = R.reply_id(r["date"], r["author"])
            files[R.reply_path(t["slug"], rid)] = R.reply_text(
                {"author": r["author"], "date": R.dt(r["date"])}, r["body"])
            if r.get("accepted"):
                accepted = rid
        fields = {"title": t["title"], "author": t["author"], "date": R.dt(t["date"]), "kind": t["kind"],
                  "tags": t["tags"], "accepted": accepted}
        files[R.thread_path(t["slug"])] = R.thread_text(fields, t["body"])
    per_day: dict[tuple[str, str], int] = {}
    for u in sorted(UPDATES, key=lambda u: (u["author"], u["date"])):
        handle, when, tags, body = u["author"], u["date"], u["tags"], u["body"]
        n = per_day[(handle, when[:10])] = per_day.get((handle, when[:10]), 0) + 1
        files[R.update_path(handle, when, n)] = R.update_text({"date": R.dt(when), "tags": tags}, body)
    per_day = {}
    for k in sorted(KUDOS, key=lambda k: (k["from"], k["date"])):
        frm, to, to_team, day, body = k["from"], k["to"], k["to_team"], k["date"], k["body"]
        n = per_day[(frm, day)] = per_day.get((frm, day), 0) + 1
        files[R.kudos_path(day, frm, n)] = R.kudos_text(
            {"from": frm, "to": to, "to_team": to_team, "date": R.date(day)}, body)
    return {k: (v.encode("utf-8") if isinstance(v, str) else v) for k, v in sorted(files.items())}


def _remove_empty_dirs(root: str, rel: str) -> None:
    folder = os.path.dirname(rel)
    while folder and folder not in RECORD_DIRS and folder != "content":
        path = os.path.join(root, folder)
        try:
            os.rmdir(path)
        except OSError:  # not empty, or gone
            return
        folder = os.path.dirname(folder)


def write_example(root: str) -> tuple[list[str], list[str]]:
    """Write the example under root; returns (paths written, old paths removed)."""
    files = build()
    manifest_path = os.path.join(root, MANIFEST)
    old: list[str] = []
    if os.path.exists(manifest_path):
        with open(manifest_path, encoding="utf-8") as f:
            old = [line.strip() for line in f if line.strip() and not line.startswith("#")]
    removed = []
    for rel in old:
        if rel in files or not rel.startswith(tuple(d + "/" for d in RECORD_DIRS)) or ".." in rel.split("/"):
            continue
        path = os.path.join(root, rel)
        if os.path.isfile(path):
            os.remove(path)
            removed.append(rel)
            _remove_empty_dirs(root, rel)
    for rel, data in files.items():
        path = os.path.join(root, rel)
        try:
            with open(path, "rb") as f:
                if f.read() == data:
                    continue  # unchanged: leave the file (and its mtime) alone
        except FileNotFoundError:
            os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
    text = ("# Files written by tools/generate-example; on its next run, the ones it no longer\n"
            "# writes are removed. Do not edit.\n" + "".join(rel + "\n" for rel in files))
    os.makedirs(os.path.dirname(manifest_path), exist_ok=True)
    with open(manifest_path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    return list(files), removed
