"""`plein import ldap://…` against a real slapd holding the example organisation as Active
Directory would: managers as DNs, teams by their names, a disabled account. A change in the
directory (a joiner, a mover, a leaver, a returner) becomes one merge request that names them,
writes only the HR-owned lines, and leaves bios and expertise as they were; the site then
shows the leaver among the alumni with their answers still there."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

import ldapserver
from gitserver import GitServer
from ldapserver import Slapd, person
from plein.cli import main
from plein.model.load import load

REPO = Path(__file__).resolve().parents[1]
TODAY = "2026-12-02"
HR = """    hr:
      ldap:
        base: "ou=people,dc=wetterveen,dc=example"
        filter: "(objectClass=inetOrgPerson)"
"""

pytestmark = pytest.mark.skipif(not ldapserver.available(),
                                reason="slapd is not installed (make test-deps installs it)")


def git(cwd, *args) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def intranet(tmp_path):
    """A clone of a server holding the example, with the LDAP mapping in mkdocs.yml."""
    yield from _intranet(tmp_path, HR)


@pytest.fixture
def intranet_with_usernames(tmp_path):
    """The same, with forge_username mapped to sAMAccountName, as for GitLab with LDAP sign-in."""
    yield from _intranet(tmp_path, HR + "        attributes: {forge_username: sAMAccountName}\n")


def _intranet(tmp_path, hr: str):
    seed = tmp_path / "seed"
    for part in ("profiles", "content"):
        shutil.copytree(REPO / part, seed / part)
    shutil.copy(REPO / "CODEOWNERS", seed / "CODEOWNERS")
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    (seed / "mkdocs.yml").write_text(config.replace("    language: nl\n", "    language: nl\n" + hr, 1))
    git(seed, "init", "-q", "-b", "main")
    git(seed, "add", "-A")
    git(seed, "commit", "-q", "-m", "The example")
    with GitServer(tmp_path) as server:
        git(seed, "push", "-q", server.file_url, "main")
        clone = tmp_path / "clone"
        git(tmp_path, "clone", "-q", server.file_url, str(clone))
        git(clone, "config", "user.name", "HR import")
        git(clone, "config", "user.email", "hr-import@wetterveen.example")
        yield server, clone


def directory(org, *, changes=None, extra="", accounts=None) -> str:
    """The example's people as LDIF; `changes` maps a handle to overrides (or None: left out);
    `accounts` maps a handle to their sAMAccountName (AD's sign-in name)."""
    out = []
    for handle, p in sorted(org.people.items()):
        fields = {"department": org.teams[p.team].name, "disabled": bool(p.left), "title": p.role,
                  "manager": org.people[p.manager].name if p.manager else ""}
        fields.update((changes or {}).get(handle, {}))
        if (changes or {}).get(handle, {}) is None or (handle == "pieter-van-dam" and not changes):
            continue  # pieter-van-dam, an alumnus, is not in the directory at first
        entry = person(p.name, mail=p.email, started=p.started.isoformat(), **fields)
        if (accounts or {}).get(handle):
            entry = entry[:-1] + f"sAMAccountName: {accounts[handle]}\n\n"
        out.append(entry)
    return "".join(out) + extra


def plein(capsys, clone, *args):
    rc = main(["import", *args, "--root", str(clone), "--date", TODAY, "--yes"])
    captured = capsys.readouterr()
    return rc, captured.out, captured.err


def test_ldap_import_joiner_mover_leaver_returner(intranet, tmp_path, capsys, monkeypatch):
    server, clone = intranet
    monkeypatch.setenv("PLEIN_LDAP_BIND_DN", ldapserver.ADMIN)
    monkeypatch.setenv("PLEIN_LDAP_PASSWORD", ldapserver.PASSWORD)
    org, _ = load(clone)
    before = {rel.name: rel.read_text() for rel in (clone / "profiles").glob("*.yml")}
    with Slapd(tmp_path, directory(org)) as ldap:
        # The directory matches the profiles (linda-hoekstra is a disabled account and already
        # an alumna): nothing to do, no branch.
        rc, out, err = plein(capsys, clone, ldap.url)
        assert rc == 0, err
        assert "Nothing to import" in out and server.branches() == ["main"]
        seeded = len(server.pushes())

        ldap.load(directory(org, changes={
            "ahmed-bouzid": {"department": org.teams["vth"].name},  # mover
            "joris-wouters": {"disabled": True},  # leaver
            "pieter-van-dam": {"disabled": False},  # returner
        }, extra=person("Zoë Çelik", mail="zoe.celik@wetterveen.example", title="Adviseur wonen",
                        department=org.teams["ruimte"].name, started="2026-12-01",
                        manager="Fatima El Amrani")))

        rc, out, err = plein(capsys, clone, ldap.url, "--dry-run")
        assert rc == 0, err
        assert "1 new colleague, 1 change (team), 1 leaver, 1 returner" in out
        assert "+left: 2026-12-02" in out and "Dry run: nothing was written." in out
        assert server.branches() == ["main"] and len(server.pushes()) == seeded
        assert git(clone, "status", "--porcelain") == ""

        rc, out, err = plein(capsys, clone, ldap.url)
        assert rc == 0, err
        [branch] = [b for b in server.branches() if b.startswith("plein/import/")]
        options = server.pushes()[-1]["options"]
        assert "merge_request.create" in options
        assert "merge_request.title=HR import: 1 new colleague, 1 change (team), 1 leaver, 1 returner" \
            in options
        [description] = [o for o in options if o.startswith("merge_request.description=")]
        for words in ("New colleagues: Zoë Çelik.", "Changes: Ahmed Bouzid.", "Leavers: Joris Wouters.",
                      "Returners: Pieter van Dam."):
            assert words in description

        changed = git(server.path, "diff", "--name-only", "main", branch).split()
        assert sorted(changed) == ["profiles/ahmed-bouzid.yml", "profiles/joris-wouters.yml",
                                   "profiles/pieter-van-dam.yml", "profiles/zoe-celik.yml"]
        after = lambda name: server.show(f"{branch}:profiles/{name}")
        # only HR's lines change: bios, expertise, comments and layout stay byte for byte
        assert after("ahmed-bouzid.yml") == before["ahmed-bouzid.yml"].replace("team: ruimte", "team: vth")
        assert after("joris-wouters.yml") == before["joris-wouters.yml"].replace(
            "started: 2019-09-01\n", "started: 2019-09-01\nleft: 2026-12-02\n")
        assert after("pieter-van-dam.yml") == before["pieter-van-dam.yml"].replace("left: 2026-03-31\n", "")
        joiner = after("zoe-celik.yml")
        for line in ("name: Zoë Çelik", "role: Adviseur wonen", "team: ruimte",
                     "manager: fatima-el-amrani", "email: zoe.celik@wetterveen.example",
                     "started: 2026-12-01"):
            assert line + "\n" in joiner

        # The merge request is merged; the same directory imported again changes nothing.
        git(clone, "fetch", "-q", "origin")
        git(clone, "merge", "-q", "--ff-only", f"origin/{branch}")
        git(clone, "push", "-q", "origin", "main")
        pushes = len(server.pushes())
        rc, out, err = plein(capsys, clone, ldap.url)
        assert rc == 0, err
        assert "Nothing to import" in out and len(server.pushes()) == pushes

    site = tmp_path / "site"
    build(load_config(config_file=str(clone / "mkdocs.yml"), site_dir=str(site)))
    alumni = (site / "alumni" / "index.html").read_text(encoding="utf-8")
    assert "Joris Wouters" in alumni and "Pieter van Dam" not in alumni
    page = (site / "people" / "joris-wouters" / "index.html").read_text(encoding="utf-8")
    assert "Privacy officer" in page and "DPIA" in page  # expertise still there
    thread = (site / "discussions" / "do-we-need-a-dpia-for-the-new-survey-tool" / "index.html")
    assert "Joris Wouters" in thread.read_text(encoding="utf-8")  # his answer stays


def test_a_wrong_password_or_server_is_named_and_nothing_is_written(intranet, tmp_path, capsys,
                                                                     monkeypatch):
    server, clone = intranet
    org, _ = load(clone)
    monkeypatch.setenv("PLEIN_LDAP_BIND_DN", ldapserver.ADMIN)
    monkeypatch.setenv("PLEIN_LDAP_PASSWORD", "not the password")
    with Slapd(tmp_path, directory(org)) as ldap:
        rc, out, err = plein(capsys, clone, ldap.url)
        assert rc == 1
        assert err.startswith(f"plein: {ldap.url}: the LDAP search failed (LDAPInvalidCredentialsResult")
        assert "Fix: check the URL" in err and "PLEIN_LDAP_PASSWORD" in err
        url = ldap.url
    rc, out, err = plein(capsys, clone, url)  # slapd has stopped: nobody listens there
    assert rc == 1 and err.startswith(f"plein: {url}: the LDAP search failed (LDAPSocketOpenError")
    assert server.branches() == ["main"] and git(clone, "status", "--porcelain") == ""


def test_a_directory_that_stops_early_writes_nothing(intranet, tmp_path, capsys, monkeypatch):
    """A size limit (anonymous binds here; AD's MaxPageSize without paging) must not make the
    rest of the organisation leavers."""
    server, clone = intranet
    org, _ = load(clone)
    monkeypatch.delenv("PLEIN_LDAP_BIND_DN", raising=False)
    monkeypatch.delenv("PLEIN_LDAP_PASSWORD", raising=False)
    with Slapd(tmp_path, directory(org), limits="limits anonymous size=20") as ldap:
        rc, out, err = plein(capsys, clone, ldap.url)
    assert rc == 1
    assert err.startswith(f"plein: {ldap.url}: the directory stopped after 20 people (sizeLimitExceeded), "
                          "so nothing was written. Fix:")
    assert server.branches() == ["main"] and git(clone, "status", "--porcelain") == ""


def own_update(clone, handle: str) -> None:
    """A branch 'mine' with a status update by `handle`: what they could publish themselves."""
    git(clone, "switch", "-q", "-c", "mine", "origin/main")
    path = clone / "content" / "updates" / handle / "2026-12-03-1.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("---\ndate: 2026-12-03 09:00\n---\n\nDe nieuwe planning staat online.\n", encoding="utf-8")
    git(clone, "add", str(path))
    git(clone, "-c", "user.name=x", "-c", "user.email=x@wetterveen.example", "commit", "-q", "-m", "update")


def decision(capsys, clone, username: str) -> str:
    rc = main(["review", "--base", "origin/main", "--pusher", username, "--format", "json",
               "--root", str(clone)])
    out = capsys.readouterr().out
    assert rc == 0, out
    return json.loads(out)["decision"]


def test_ldap_fills_forge_usernames_from_the_mapped_attribute(intranet_with_usernames, tmp_path, capsys,
                                                             monkeypatch):
    """sAMAccountName becomes forge_username: filled where empty, changed where HR says
    otherwise, left alone where the entry has none; a bad one and a shared one are refused
    with their DN and the rest goes on. The result validates, CODEOWNERS follows, and a
    colleague who could not publish before now can."""
    server, clone = intranet_with_usernames
    monkeypatch.setenv("PLEIN_LDAP_BIND_DN", ldapserver.ADMIN)
    monkeypatch.setenv("PLEIN_LDAP_PASSWORD", ldapserver.PASSWORD)
    org, _ = load(clone)
    before = {rel.name: rel.read_text() for rel in (clone / "profiles").glob("*.yml")}
    accounts = {h: h.replace("-", ".") for h in org.people}  # 'fatima.el.amrani'
    accounts.update({"jan-de-vries": "JDEVRIES",  # his own, in other case: no change
                     "rik-van-dijk": "rvdijk",  # HR's differs from his profile's: changed
                     "tim-groen": "timgroen",  # the same as his profile's
                     "sarah-oconnor": "",  # no sAMAccountName: her soconnor stays
                     "ahmed-bouzid": "ahmed bouzid",  # not a username: refused
                     "anouk-dekker": "gedeeld", "daan-kok": "GEDEELD"})  # one for two: both refused
    assert not org.people["fatima-el-amrani"].forge_username

    own_update(clone, "fatima-el-amrani")
    assert decision(capsys, clone, "fatima.el.amrani") == "review"  # nobody has that username yet
    git(clone, "switch", "-q", "main")

    with Slapd(tmp_path, directory(org, accounts=accounts)) as ldap:
        rc, out, err = plein(capsys, clone, ldap.url)
    assert rc == 0, err
    dn = lambda handle: f"ldap: cn={org.people[handle].name},{ldapserver.PEOPLE}".casefold()
    refused = {line.split(": the forge username")[0].removeprefix("- ").casefold(): line
               for line in err.splitlines() if ": the forge username" in line}
    assert set(refused) == {dn("ahmed-bouzid"), dn("anouk-dekker"), dn("daan-kok")}
    assert "'ahmed bouzid' is not a GitLab or GitHub username" in refused[dn("ahmed-bouzid")]
    assert "Fix: correct the attribute sAMAccountName of this entry" in refused[dn("ahmed-bouzid")]
    assert f"'gedeeld' is also in {dn('daan-kok')}" in refused[dn("anouk-dekker")].casefold()

    current = [h for h, p in org.people.items() if not p.left]
    untouched = {"jan-de-vries", "sarah-oconnor", "ahmed-bouzid", "anouk-dekker", "daan-kok"}
    filled = [h for h in current if h not in untouched | {"rik-van-dijk"} and not org.people[h].forge_username]
    assert len(filled) == 43  # the 48 without one, but for two alumni and the three refused
    [branch] = [b for b in server.branches() if b.startswith("plein/import/")]
    [description] = [o for o in server.pushes()[-1]["options"] if o.startswith("merge_request.description=")]
    assert "Forge usernames: 43 filled, 1 changed." in description
    assert "3 refused (see the commit message)." in description
    changed = git(server.path, "diff", "--name-only", "main", branch).split()
    assert sorted(changed) == sorted(["CODEOWNERS"] + [f"profiles/{h}.yml" for h in filled + ["rik-van-dijk"]])
    after = lambda name: server.show(f"{branch}:profiles/{name}")
    # one line more, after chat as in every profile; the rest byte for byte
    assert after("fatima-el-amrani.yml") == before["fatima-el-amrani.yml"].replace(
        'chat: "@fatima.elamrani"\n', 'chat: "@fatima.elamrani"\nforge_username: fatima.el.amrani\n', 1)
    assert after("rik-van-dijk.yml") == before["rik-van-dijk.yml"].replace("forge_username: rikvd",
                                                                           "forge_username: rvdijk")
    assert server.show(f"{branch}:CODEOWNERS").count("@fatima.el.amrani ") >= 2  # profile, photos, …

    git(clone, "fetch", "-q", "origin")
    git(clone, "merge", "-q", "--ff-only", f"origin/{branch}")
    git(clone, "push", "-q", "origin", "main")
    assert main(["validate", "--root", str(clone)]) == 0, capsys.readouterr().out
    capsys.readouterr()
    git(clone, "branch", "-q", "-D", "mine")
    own_update(clone, "fatima-el-amrani")
    assert decision(capsys, clone, "fatima.el.amrani") == "publish"  # her own update now goes live


def test_without_the_attribute_mapped_no_username_changes(intranet, tmp_path, capsys, monkeypatch):
    """There is no default attribute: a directory with sAMAccountName set, but no mapping,
    leaves every profile's forge_username as it is (the four of the example too)."""
    server, clone = intranet
    monkeypatch.setenv("PLEIN_LDAP_BIND_DN", ldapserver.ADMIN)
    monkeypatch.setenv("PLEIN_LDAP_PASSWORD", ldapserver.PASSWORD)
    org, _ = load(clone)
    accounts = {h: "x" + h.replace("-", "") for h in org.people}
    with Slapd(tmp_path, directory(org, accounts=accounts)) as ldap:
        rc, out, err = plein(capsys, clone, ldap.url)
    assert rc == 0, err
    assert "Nothing to import" in out and server.branches() == ["main"]
