"""Handles are names, never paths: hostile handles, names and file names in every way they
enter Plein (an HR export, an LDAP directory, `plein new profile` and the other commands, a
profile's photo, Plein's own writes), one case a file in tests/cases/hostile/paths/.

Each case runs the real command on a real clone and asserts what an attacker would check:
no file anywhere in the test's folder changed except the one intended (every file hashed
before and after, the temporary worktrees and crash logs kept inside that folder too), the
refusal says where and how to fix it, and there is no traceback.

A case file holds `kind` (csv, ldap, command, photo, path, name, upload), `why`, the input
(`handle` or `name` of an HR row or LDAP entry, `args` of a command, `value` of a photo, a path
or a name) and either `expect`, the message (with {shown}: the value as messages print it), or
what it rightly `creates`; {outside} in a value is the absolute path of a watched folder beside
the repository. `pending` names a gap in a part this test does not own: expected to fail.
"""
from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import os
import shutil
import socket
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ldapserver
from conftest import git
from plein.cli import main
from plein.errors import FatalError
from plein.git import ops as gitops
from plein.model import names, safepath
from plein.model.load import load
from plein.serve.editor import SERVER, LocalEditor

CASES = Path(__file__).parent / "cases" / "hostile" / "paths"
ORG = Path(__file__).parent / "cases" / "import" / "org"
GOOD = {"handle": "nieuw-persoon", "name": "Nieuw Persoon", "email": "nieuw.persoon@gemeente.example",
        "role": "Adviseur", "team": "ruimte", "manager": "bram-jansen", "started": "2026-11-01"}
HOSTILE = {"name": "Hostile Person", "email": "hostile@gemeente.example", "role": "Adviseur",
           "team": "ruimte", "manager": "", "started": "2026-11-01"}
# what a commit, a worktree and a branch change inside .git; hooks, config and info must not
GIT_BOOKKEEPING = {"objects", "refs", "logs", "worktrees", "index", "ORIG_HEAD", "COMMIT_EDITMSG"}
CACHE = ".plein-cache"  # validate's and the build's own cache (cache_dir), rewritten as it likes
TRACEBACKS = ("Traceback", "unexpected error", 'File "')
KINDS = {"csv", "ldap", "command", "photo", "path", "name", "upload"}
PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==")


def load_cases(kind: str) -> list:
    """The names of the cases of `kind`; a case with `pending` (a gap in a part this test does
    not own, with what to change) is expected to fail until it is closed."""
    out = []
    for path in sorted(CASES.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data["kind"] == kind:
            marks = [pytest.mark.xfail(strict=True, reason=data["pending"])] if data.get("pending") else []
            out.append(pytest.param(path.stem, marks=marks))
    return out


def case(name: str) -> dict:
    return yaml.safe_load((CASES / f"{name}.yml").read_text(encoding="utf-8"))


def test_there_are_enough_cases_and_each_says_what_it_expects():
    files = sorted(CASES.glob("*.yml"))
    assert len(files) >= 40
    for path in files:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert data["kind"] in KINDS, path
        assert data.get("why") and ("expect" in data or "creates" in data or "handle" in data), path


# -- the whole folder, before and after ------------------------------------------------------

def snapshot(root: Path, skip=(f"clone/{CACHE}",)) -> dict[str, str]:
    """Every file and link under root with the hash of its bytes (links: their target);
    git's own bookkeeping of commits and branches left out, and the folders in `skip`."""
    out = {}
    for top, dirs, files in os.walk(root):
        rel_top = Path(top).relative_to(root)
        if rel_top.name == ".git" or rel_top.parent.name == ".git" or rel_top.name.endswith(".git"):
            dirs[:] = [d for d in dirs if d not in GIT_BOOKKEEPING]
            files = [f for f in files if f not in GIT_BOOKKEEPING]
        dirs[:] = [d for d in dirs if str(rel_top / d) not in skip]
        for name in dirs + files:
            path = Path(top) / name
            rel = str(rel_top / name)
            if path.is_symlink():
                out[rel] = "link:" + os.readlink(path)
            elif path.is_file():
                out[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
            else:
                out[rel] = "dir"
    return out


def changes(before: dict, after: dict) -> list[str]:
    return sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))


@pytest.fixture
def contained(tmp_path, monkeypatch):
    """The temporary worktrees and any crash log inside tmp_path, so the snapshot sees them;
    a folder 'outside' the clone with a file an attack would like to overwrite."""
    (tmp_path / "shm").mkdir()
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr(gitops, "_ram_dir", lambda: str(tmp_path / "shm"))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "victim.yml").write_text("name: untouched\n")
    (outside / "victim").write_text("untouched\n")
    return tmp_path


def values(data: dict, tmp_path: Path) -> dict:
    """The case with {outside} (an absolute path to the watched folder) filled in."""
    outside = str(tmp_path / "outside")
    fill = lambda v: v.replace("{outside}", outside) if isinstance(v, str) else (
        [fill(x) for x in v] if isinstance(v, list) else v)
    return {k: fill(v) for k, v in data.items()}


def expected(data: dict, value: str) -> str:
    """The message, with {shown} as names.shown prints the refused value."""
    return data["expect"].replace("{shown}", names.shown(value))


def no_traceback(*texts: str) -> None:
    for text in texts:
        for sign in TRACEBACKS:
            assert sign not in text, text


# -- a clone of the small organisation -------------------------------------------------------

def intranet(tmp_path: Path, hr: dict) -> Path:
    seed = tmp_path / "seed"
    shutil.copytree(ORG, seed)
    config = {"site_name": "Intranet", "docs_dir": "content", "plugins": [{"plein": {"hr": hr}}]}
    (seed / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    git(seed, "init", "-q", "-b", "main")
    git(seed, "add", "-A")
    git(seed, "commit", "-q", "-m", "The organisation")
    git(tmp_path, "init", "-q", "--bare", "-b", "main", "origin.git")
    git(seed, "push", "-q", str(tmp_path / "origin.git"), "main")
    git(tmp_path, "clone", "-q", str(tmp_path / "origin.git"), "clone")
    shutil.rmtree(seed)
    return tmp_path / "clone"


def staff() -> list[dict]:
    """The organisation's people as HR has them, so an import changes nothing about them."""
    org, _ = load(ORG)
    return [{"handle": h, "name": p.name, "email": p.email, "role": p.role, "team": p.team,
             "manager": p.manager or "", "started": p.started.isoformat()}
            for h, p in sorted(org.people.items()) if not p.left]


def branch_files(clone: Path) -> list[str]:
    """The files the one new branch changes against main ([] when there is no new branch)."""
    branches = [b for b in git(clone, "branch", "--format=%(refname:short)").split() if b != "main"]
    if not branches:
        return []
    [branch] = branches
    return sorted(git(clone, "diff", "--name-only", "main", branch).split())


# -- HR's CSV export ---------------------------------------------------------------------------

@pytest.mark.parametrize("name", load_cases("csv"))
def test_import_csv_refuses_the_row_and_goes_on(name, contained, capsys):
    data = values(case(name), contained)
    clone = intranet(contained, {})
    hostile = {**HOSTILE, "handle": data.get("handle", ""), "name": data.get("name", HOSTILE["name"])}
    people = staff()
    if "instead_of" in data:  # the row of a colleague with a profile, their handle made hostile
        [hostile] = [{**p, "handle": data["handle"]} for p in people if p["handle"] == data["instead_of"]]
        people = [{**p, "manager": data["handle"] if p["manager"] == data["instead_of"] else p["manager"]}
                  for p in people if p["handle"] != data["instead_of"]]  # HR names managers so too
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(GOOD), delimiter=";", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows([hostile, *people, GOOD])  # the hostile row is line 2, row 1
    export = contained / "hr.csv"
    export.write_bytes(buffer.getvalue().encode("utf-8"))
    before = snapshot(contained)

    rc = main(["import", str(export), "--root", str(clone), "--no-push", "--yes", "--date", "2026-12-01"])
    out, err = capsys.readouterr()
    assert changes(before, snapshot(contained)) == []  # first: nothing else in the folder changed
    created = [data["creates"]] if "creates" in data else []
    # the merge request's branch holds the good row's profile (and a made handle's), no more
    assert branch_files(clone) == sorted(["profiles/nieuw-persoon.yml", *created])

    no_traceback(out, err)
    assert rc == 0, err
    if "expect" in data:
        assert expected(data, hostile["handle"]) in err
        assert "Refused, and left out of this import (1 entry; the others go on)" in out


def test_an_import_of_only_refused_rows_fails_plainly(contained, capsys):
    """Nothing else to do: the refusal is not lost in a run that exits 0 and opens nothing."""
    clone = intranet(contained, {})
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(GOOD), delimiter=";", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows([{**HOSTILE, "handle": "../mkdocs"}, *staff()])
    export = contained / "hr.csv"
    export.write_text(buffer.getvalue(), encoding="utf-8")
    before = snapshot(contained)

    rc = main(["import", str(export), "--root", str(clone), "--no-push", "--yes", "--date", "2026-12-01"])
    out, err = capsys.readouterr()

    assert changes(before, snapshot(contained)) == [] and branch_files(clone) == []
    no_traceback(out, err)
    assert rc == 1
    assert "hr.csv:2 (row 1): '../mkdocs' is not a valid handle" in err
    assert err.rstrip().endswith(f"plein: nothing to import from {export} but the 1 refused above; fix "
                                 "them and run the import again")


# -- an LDAP directory (a real slapd) --------------------------------------------------------

def ldif(entries: list[dict], hostile: dict) -> str:
    out = []
    by_handle = {e["handle"]: e for e in entries}
    for e in [*entries, hostile]:
        manager = by_handle[e["manager"]]["name"] if e.get("manager") else ""
        text = ldapserver.person(e["name"], mail=e["email"], title=e["role"], department=e["team"],
                                 started=e["started"], manager=manager)
        if e.get("handle"):
            encoded = base64.b64encode(e["handle"].encode("utf-8")).decode("ascii")
            text = text.rstrip("\n") + f"\nemployeeNumber:: {encoded}\n\n"
        out.append(text)
    return "".join(out)


@pytest.fixture
def slapd(tmp_path_factory):
    """A real slapd; its database lives apart from the folder the snapshot watches."""
    if not ldapserver.available():
        pytest.skip("slapd is not installed (make test-deps installs it)")
    with ldapserver.Slapd(tmp_path_factory.mktemp("ldap"), "") as server:
        yield server


@pytest.mark.parametrize("name", load_cases("ldap"))
def test_import_ldap_refuses_the_entry_and_goes_on(name, contained, slapd, capsys, monkeypatch):
    data = values(case(name), contained)
    hr = {"ldap": {"base": ldapserver.PEOPLE, "filter": "(objectClass=inetOrgPerson)",
                   "attributes": {"handle": "employeeNumber"}}}
    clone = intranet(contained, hr)
    hostile = {**HOSTILE, "handle": data.get("handle", ""), "name": data.get("name", HOSTILE["name"])}
    slapd.load(ldif([*staff(), GOOD], hostile))
    monkeypatch.setenv("PLEIN_LDAP_BIND_DN", ldapserver.ADMIN)
    monkeypatch.setenv("PLEIN_LDAP_PASSWORD", ldapserver.PASSWORD)
    before = snapshot(contained)

    rc = main(["import", slapd.url, "--root", str(clone), "--no-push", "--yes", "--date", "2026-12-01"])
    out, err = capsys.readouterr()
    assert changes(before, snapshot(contained)) == []  # first: nothing else in the folder changed
    created = [data["creates"]] if "creates" in data else []
    assert branch_files(clone) == sorted(["profiles/nieuw-persoon.yml", *created])

    no_traceback(out, err)
    assert rc == 0, err
    if "expect" in data:
        assert expected(data, hostile["handle"]) in err


# -- plein new profile and the other commands --------------------------------------------------

@pytest.mark.parametrize("name", load_cases("command"))
def test_a_command_refuses_a_hostile_handle_plainly(name, contained, capsys):
    data = values(case(name), contained)
    clone = intranet(contained, {})
    git(clone, "config", "user.email", "bram.jansen@gemeente.example")
    before = snapshot(contained)

    rc = main([*data["args"], "--root", str(clone), "--no-push", "--yes"])
    out, err = capsys.readouterr()
    assert changes(before, snapshot(contained)) == []  # first: nothing else in the folder changed
    assert branch_files(clone) == ([data["creates"]] if "creates" in data else [])

    no_traceback(out, err)
    if "creates" in data:
        assert rc == 0, err
    else:
        assert rc == 1, out
        assert err.startswith("plein: ") and expected(data, data.get("value", "")) in err, err


# -- a profile's photo -------------------------------------------------------------------------

@pytest.mark.parametrize("name", load_cases("photo"))
def test_validate_refuses_a_photo_outside_the_profiles(name, contained, capsys):
    data = values(case(name), contained)
    clone = intranet(contained, {})
    profile = clone / "profiles" / "carla-visser.yml"
    profile.write_text(profile.read_text(encoding="utf-8") + "photo: " + _yaml_scalar(data["value"]) + "\n",
                       encoding="utf-8")
    git(clone, "commit", "-qam", "A photo")
    before = snapshot(contained)

    rc = main(["validate", "--root", str(clone)])
    out, err = capsys.readouterr()
    assert changes(before, snapshot(contained)) == []  # first: nothing else in the folder changed

    no_traceback(out, err)
    assert rc == 1, out + err
    assert "profiles/carla-visser.yml:" in out + err and data["expect"] in out + err


def _yaml_scalar(value: str) -> str:
    return yaml.safe_dump(value, allow_unicode=True, width=10_000, default_style='"').strip()


# -- the one function every write goes through ------------------------------------------------

@pytest.mark.parametrize("name", load_cases("path"))
def test_inside_refuses_a_name_that_leaves_its_folder(name, contained):
    data = values(case(name), contained)
    folder = contained / "repo"
    (folder / "profiles").mkdir(parents=True)
    before = snapshot(contained)
    with pytest.raises(safepath.UnsafePath) as refused:
        safepath.write_text(folder, data["value"], "owned\n")
    assert isinstance(refused.value, FatalError)  # a plain message, exit 1
    assert expected(data, data["value"]) in str(refused.value)


# -- handles made from names in any script -----------------------------------------------------

@pytest.mark.parametrize("name", load_cases("name"))
def test_a_name_in_any_script_gives_a_readable_handle(name):
    data = case(name)
    made = names.handle_for(data["value"])
    assert made == data["handle"]
    assert made == "" or names.is_handle(made)


# -- the web editor's photo upload (make serve's local backend, a real decap-server) --------------

EDITOR_OWN = ("clone/.plein-cache/editor/repo", "clone/.plein-cache/editor/bin")


@pytest.fixture
def local_editor(contained):
    """`plein serve`'s local backend on a clone: decap-server in its own clone in the cache
    folder, inside the user's checkout, so that a climb out of it lands in real files."""
    modules = Path(__file__).resolve().parents[1] / "node_modules"
    if shutil.which("node") is None or not (modules / SERVER).is_file():
        pytest.skip("Node.js or decap-server is missing (make install)")
    clone = intranet(contained, {})
    for _ in range(3):  # a free port may be taken by another program before decap-server binds it
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        editor = LocalEditor(clone, clone / CACHE, modules, "main", port)
        url, why = editor.start()
        if url:
            break
    assert url, why
    try:
        yield clone, url
    finally:
        editor.stop()


@pytest.mark.parametrize("name", load_cases("upload"))
def test_an_editor_upload_stays_in_the_editors_clone(name, contained, local_editor):
    """A photo upload (persistMedia, what the editor's media library sends) whose path climbs
    out: refused, and nothing in the checkout or around it changes."""
    data = values(case(name), contained)
    clone, url = local_editor
    before = snapshot(contained, skip=EDITOR_OWN)
    body = {"action": "persistMedia", "params": {
        "branch": "main", "asset": {"path": data["value"], "content": base64.b64encode(PNG).decode(),
                                    "encoding": "base64"},
        "options": {"commitMessage": "Upload"}}}
    request = urllib.request.Request(url, json.dumps(body).encode(), {"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            status, text = answer.status, answer.read().decode()
    except urllib.error.HTTPError as err:
        status, text = err.code, err.read().decode()
    assert changes(before, snapshot(contained, skip=EDITOR_OWN)) == []
    assert status == 422 and data["expect"] in text, text
    assert git(clone, "branch", "--format=%(refname:short)").split() == ["main"]


def test_the_editor_uploads_photos_into_the_persons_own_folder():
    """The profile form's media library writes to profiles/photos/<the profile's file name>/,
    the one folder a profile's `photo:` may point into besides its own (validate: PHOTO_RE)."""
    from plein.editor.config import COLLECTIONS, collection
    [profile] = [collection(c, "en") for c in COLLECTIONS if c.kind == "profile"]
    assert profile["folder"] == "profiles" and profile["extension"] == "yml"
    assert profile["media_folder"] == profile["public_folder"] == "photos/{{filename}}"




# -- symbolic links along the way ----------------------------------------------------------------

def test_a_symlinked_folder_in_the_repository_is_not_written_through(contained, capsys):
    """A link committed as content/updates/bram-jansen -> ../../../outside would make `plein
    update` write outside the clone; the write is refused and nothing outside changes."""
    clone = intranet(contained, {})
    (clone / "content" / "updates").mkdir(parents=True)
    os.symlink(os.path.relpath(contained / "outside", clone / "content" / "updates"),
               clone / "content" / "updates" / "bram-jansen")
    git(clone, "add", "-A")
    git(clone, "commit", "-qm", "A link")
    git(clone, "push", "-q", "origin", "main")
    git(clone, "config", "user.email", "bram.jansen@gemeente.example")
    before = snapshot(contained)

    rc = main(["update", "-m", "Aan het werk aan de omgevingsvisie.", "--root", str(clone),
               "--no-push", "--yes"])
    out, err = capsys.readouterr()

    no_traceback(out, err)
    assert rc == 1
    assert "content/updates/bram-jansen: is a symbolic link" in err
    assert branch_files(clone) == []
    kept = "clone/.git/plein/unsent/update.md"  # the text, offered back on the next run
    assert changes(before, snapshot(contained)) == ["clone/.git/plein", "clone/.git/plein/unsent", kept]
    assert (contained / kept).read_text() == "Aan het werk aan de omgevingsvisie.\n"


def test_a_link_as_the_last_part_is_refused(contained):
    folder = contained / "repo"
    (folder / "profiles").mkdir(parents=True)
    os.symlink(contained / "outside" / "victim.yml", folder / "profiles" / "jan.yml")
    before = snapshot(contained)
    with pytest.raises(safepath.UnsafePath, match="profiles/jan.yml: is a symbolic link"):
        safepath.write_text(folder, "profiles/jan.yml", "name: overwritten\n")
    assert changes(before, snapshot(contained)) == []


def test_generated_dot_folders_only_when_the_code_names_them(tmp_path):
    """.github/CODEOWNERS is Plein's own file; the same name from a person is refused."""
    assert safepath.write_text(tmp_path, ".github/CODEOWNERS", "x\n", hidden=(".github",)).is_file()
    with pytest.raises(safepath.UnsafePath, match="starts with a dot"):
        safepath.inside(tmp_path, ".github/workflows/x.yml")
    assert safepath.inside(tmp_path, "profiles", "jan.yml") == tmp_path.resolve() / "profiles" / "jan.yml"


def test_a_file_where_a_folder_should_be_is_said_plainly(contained):
    folder = contained / "repo"
    (folder / "content" / "updates").mkdir(parents=True)
    (folder / "content" / "updates" / "jan").write_text("a file, not a folder\n")
    before = snapshot(contained)
    with pytest.raises(safepath.UnsafePath, match="content/updates/jan/x.md: cannot be written"):
        safepath.write_text(folder, "content/updates/jan/x.md", "hallo\n")
    assert changes(before, snapshot(contained)) == []


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(["..", ".", "", "a", "b", ".x", "\\", "\0", "é", "/", "C:", "~"]), max_size=6)
       .map("".join) | st.text(max_size=40))
def test_inside_either_refuses_or_stays_beneath(tmp_path, name):
    try:
        path = safepath.inside(tmp_path, name)
    except safepath.UnsafePath:
        return
    assert tmp_path.resolve() in path.resolve().parents
    assert not any(part.startswith(".") or part == "" for part in name.split("/"))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_a_handle_made_from_any_name_is_a_handle_or_nothing(name):
    made = names.handle_for(name)
    assert made == "" or (names.is_handle(made) and len(made) <= names.MADE_MAX)
